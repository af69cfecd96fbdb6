"""Named operations in Chinese text: a quoted name (“”, 「」, 『』) before a head word (行动, 专项行动, 专案 ...),
or a quoted number-dot case code (“5·13”)."""

from __future__ import annotations

import re

from extractor.lang.zh.rules import ZhRules

QUOTED_RE = re.compile(r"[“「『\"]([^“”「」『』\"\n]{1,16})[”」』\"]")
CODE_RE = re.compile(r"^\d{1,2}[·.．]\d{1,2}$")
LINK_RE = re.compile(r"^(?:与|和|及|、)$")


def find_operations(norm: str, text: str, rules: ZhRules) -> list[dict]:
    """Draft operation facts; the span is the name without its quotes."""
    quoted = list(QUOTED_RE.finditer(norm))
    out: list[dict] = []
    headed: set[int] = set()
    for k in range(len(quoted) - 1, -1, -1):
        m = quoted[k]
        after = m.end()
        if norm.startswith("等", after):
            after += 1
        head = rules.starting("ZH_OPERATION_HEAD", norm, after) or (
            rules.starting("ZH_OPERATION_HEAD", norm, after + 2) if norm.startswith("系列", after) else None
        )
        nxt = quoted[k + 1] if k + 1 < len(quoted) else None
        # “A”与“B”专项行动: A shares B's head
        if head is None and nxt is not None and nxt.start() in headed and LINK_RE.match(norm[m.end() : nxt.start()]):
            head = rules.of("ZH_OPERATION_HEAD")[0]
        code = bool(CODE_RE.match(m.group(1)))
        if head is None and not code:
            continue
        headed.add(m.start())
        s, e = m.start(1), m.end(1)
        name = text[s:e]
        out.append(
            {
                "kind": "operation",
                "start": s,
                "end": e,
                "value": name,
                "name": name,
                "code": code,
                "pattern_id": head.id if head else None,
            }
        )
    return out
