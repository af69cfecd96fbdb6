"""Named operations in Chinese text: a quoted name (“”, 「」, 『』, 《》) before a head word (行动, 专项行动, 专案 ...),
a quoted number-dot case code (“5·13”), an alias after 以下简称, and later quoted mentions of a name found."""

from __future__ import annotations

import re

from extractor.lang.zh.rules import ZhRules

# a stray closing mark is read as the close: '“2018雷霆行动’' (an apostrophe where ” belongs)
QUOTED_RE = re.compile(r"[“「『《\"]([^“”「」『』《》\"’\n]{1,24})[”」』》\"’]")
CODE_RE = re.compile(r"^\d{1,2}[·.．]\d{1,2}$")
LINK_RE = re.compile(r"^(?:与|和|及|、)?$")  # “A”“B”等专项行动: adjacent quotes list names too
CASE_CODE_RE = re.compile(r"\d")  # “使命2020-3”, “403”: a case code has a digit
LATIN_CODE_RE = re.compile(r"^[A-Z]{2,5}$")  # “HX”系列…案: a code of capitals alone names a series of cases
CASE_HEAD_RE = re.compile(r"^[\u4e00-\u9fff]{0,14}?案(?![件值由例卷发])")  # “403”特大跨国走私毒品案
STOPS = "，,。；;：:\n“”「」『』《》()（）"
QUOTE_OPENERS = "“「『《\"'"
NUMERAL_CHARS = "一二三四五六七八九十两0123456789"  # a slogan opens with a small numeral; 百日…, 千村… are names
CLAUSE_BREAKS = "，,。；;、"
LEAD_STOPS = "，,。；;：:\n()（）"  # STOPS but the quotes: a lead's phrase may quote what it fights


def _list_link(gap: str, rules: ZhRules) -> bool:
    """Whether the words between two quoted names join them in one list: nothing, 与 / 和 / 及 / 、, or one of these
    and a lead of the next name ('“春雷”、“净网”和打击走私“6.18”等专项行动': 打击走私 opens the last name's lead)."""
    if LINK_RE.match(gap):
        return True
    rest = gap[1:]
    leads = rules.of("ZH_OPERATION_LEAD")
    return gap[:1] in "与和及、" and len(rest) <= 6 and any(rest.startswith(w.text) for w in leads)


def _head_after_lead(norm: str, at: int, rules: ZhRules):
    """“NJ-417”打击濒危野生动物及其制品走私专项行动, “蓝天2020”专项第一轮集中打击行动: the head after a few words
    that open with an operation lead (打击, 专项, 整治 ...), within the clause."""
    if rules.starting("ZH_OPERATION_LEAD", norm, at) is None:
        return None
    end = at
    # what is fought may be quoted itself: '“蓝天2018”打击“洋垃圾”走私专项行动'
    while end < len(norm) and end - at <= 24 and norm[end] not in LEAD_STOPS:
        end += 1
    best = None
    for w in rules.of("ZH_OPERATION_HEAD"):
        k = norm.rfind(w.text, at, end)
        if k > at and k + len(w.text) == _word_end(norm, k + len(w.text), rules) and (best is None or k > best[0]):
            best = (k, w)
    return best[1] if best else None


WORD_GAP = 3  # characters a descriptive word between a quoted name and its 行动 may run to ('护校', '护苗')


def _head_after_word(norm: str, at: int, rules: ZhRules, most: int = WORD_GAP):
    """“清源、护苗”护校行动: a head ending its phrase one to `most` Chinese characters after the quote; a head of
    行动 or longer (a bare 工程 or 斗争 after a word is a phrase of its own)."""
    for gap in range(1, most + 1):
        k = at + gap
        if not all("\u4e00" <= ch <= "\u9fff" for ch in norm[at:k]) or k > len(norm):
            return None
        head = rules.starting("ZH_OPERATION_HEAD", norm, k)
        if head is not None and head.text.endswith("行动") and _word_end(norm, k + len(head.text), rules) >= 0:
            return head
    return None


def _after_campaign_verb(norm: str, m: re.Match, rules: ZhRules) -> bool:
    """'深化“断卡净源”，破获…', '开展“清源2024”以来': a quoted name right after a campaign verb (ZH_CAMPAIGN_VERB) and
    right before a clause break or 以来/期间, of two to ten characters; one opening with a numeral is a slogan
    ('两学一做')."""
    name = m.group(1)
    after = norm[m.end() : m.end() + 2]
    # '开展“千村净网攻坚”以来': since it was run
    closed = after[:1] in CLAUSE_BREAKS or any(after.startswith(w.text) for w in rules.of("ZH_SINCE_RUN"))
    if not 2 <= len(name) <= 10 or name[0] in NUMERAL_CHARS or not closed:
        return False
    if any(name.endswith(w.text) for w in rules.of("ZH_SERVICE_TAIL")):
        return False  # '开展“护薪直通车”': a service the body runs, no campaign
    return any(norm[: m.start()].endswith(v.text) for v in rules.of("ZH_CAMPAIGN_VERB"))


def _names_crime(name: str, rules: ZhRules) -> bool:
    """True when a quoted word names a crime ('两抢一盗', '黄赌毒', '套路贷'): it holds a word of ZH_CRIME_WORD."""
    return any(w.text in name for w in rules.of("ZH_CRIME_WORD"))


def _word_end(norm: str, at: int, rules: ZhRules) -> int:
    """`at` when a head ending there ends its phrase (a stop, a figure, a ZH_NAME_END word, the text's end)."""
    if at >= len(norm) or norm[at] in STOPS or norm[at].isdigit():
        return at  # '查缉行动52次': the count of the operation's rounds
    if any(norm.startswith(w.text, at) for w in rules.of("ZH_NAME_END")):
        return at
    return -1


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
        # ... except after 打击 ('打击“两抢一盗”和“百日攻坚”等专项行动'): what is fought, a crime category
        if (
            head is None
            and nxt is not None
            and nxt.start() in headed
            and _list_link(norm[m.end() : nxt.start()], rules)
            and not norm[: m.start()].endswith(("打击", "严打"))
        ):
            head = rules.of("ZH_OPERATION_HEAD")[0]
        if head is None:  # “…专项行动”: the head inside the quotes
            head = next((w for w in rules.of("ZH_OPERATION_HEAD") if m.group(1).endswith(w.text)), None)
            head = head if head and len(m.group(1)) > len(head.text) else None
        if head is None and not norm[: m.start()].endswith(("打击", "严打")):
            # '“海鹰”系列打击走私专项行动': the lead and its head after 系列 too
            head = _head_after_lead(norm, m.end() + (2 if norm.startswith("系列", m.end()) else 0), rules)
        if head is None and not norm[: m.start()].endswith(("打击", "严打")):
            # '“清源、护苗”护校行动', '“净网”护苗专项行动': a word or two of what the operation guards, then its head;
            # after 系列 a longer one ('“鹏程”系列大规模查缉行动')
            series = norm.startswith("系列", m.end())
            head = _head_after_word(norm, m.end() + 2 * series, rules, WORD_GAP + 2 * series)
        if (
            head is not None
            and norm[: m.start()].endswith(("打击", "严打"))
            and not m.group(1).endswith(head.text)
            and _names_crime(m.group(1), rules)
        ):
            head = None  # '打击“两抢一盗”专项整治': what is fought, a crime category, not the operation's name
        code = bool(CODE_RE.match(m.group(1)))
        if head is None and not code and CASE_CODE_RE.search(m.group(1)) and CASE_HEAD_RE.match(norm[m.end() :]):
            code = True  # “使命2020-3”走私可卡因案: a case code before its case
        if head is None and not code and LATIN_CODE_RE.match(m.group(1)) and norm.startswith("系列", m.end()):
            code = bool(re.match(r"[\u4e00-\u9fff]{0,12}?案", norm[m.end() + 2 :]))  # “HX”系列走私大要案件
        if head is None and not code and _after_campaign_verb(norm, m, rules):
            head = rules.of("ZH_OPERATION_HEAD")[0]  # '深化“断卡净源”，': the verb says it is run, a campaign
        if head is None and not code:
            continue
        headed.add(m.start())
        s, e = m.start(1), m.end(1)
        out.append(_operation(text, s, e, code, head.id if head else None))
    out.extend(_unquoted(norm, text, quoted, out, rules))
    out.extend(_aliases_and_mentions(norm, text, quoted, out, rules))
    out.extend(_unquoted_mentions(norm, text, out, rules))
    return sorted(out, key=lambda f: f["start"])


def _unquoted_mentions(norm: str, text: str, found: list[dict], rules: ZhRules) -> list[dict]:
    """'通报“夏秋破案新攻势”战果…开展了夏秋破案新攻势专项行动': a name found in quotes, of three characters or more,
    said again without quotes before a head word is the same operation; so is a name found with its head, said again
    whole ('开展了千村禁赌会战…从千村禁赌会战来看')."""
    spans = [(f["start"], f["end"]) for f in found]
    names = {norm[f["start"] : f["end"]] for f in found if f["end"] - f["start"] >= 3 and not f.get("code")}
    out: list[dict] = []
    for name in sorted(names, key=len, reverse=True):
        # a name found with its head ('千村禁赌会战') is the operation again wherever it is written whole
        headed = len(name) >= 4 and any(name.endswith(h.text) for h in rules.of("ZH_OPERATION_HEAD"))
        at = norm.find(name)
        while at >= 0:
            e = at + len(name)
            if (
                not any(a < e and at < b for a, b in spans)
                and norm[at - 1 : at] not in QUOTE_OPENERS
                and (headed or rules.starting("ZH_OPERATION_HEAD", norm, e) is not None)
            ):
                spans.append((at, e))
                out.append(_operation(text, at, e, False, None))
            at = norm.find(name, e)
    return out


def _unquoted(norm: str, text: str, quoted: list, found: list[dict], rules: ZhRules) -> list[dict]:
    """Names the press leaves unquoted, by their season or 百日 ('春季社会治安整治行动开展以来'): no quote around
    them and no overlap with a name found."""
    spans = [(m.start(), m.end()) for m in quoted] + [(f["start"], f["end"]) for f in found]
    out: list[dict] = []
    for word in rules.of("ZH_OPERATION_NAME"):  # '净网专项行动', '昆仑2023专项行动', '打非治违斗争'
        at = norm.find(word.text)
        while at >= 0:
            e = at + len(word.text)
            year = re.match(r"[-—－]?(?:19|20)\d\d", norm[e:])
            after = e + (year.end() if year else 0)
            head = rules.starting("ZH_OPERATION_HEAD", norm, after)
            if head is not None and not any(a < after and at < b for a, b in spans):
                spans.append((at, after))
                out.append(_operation(text, at, after, False, word.id))
            at = norm.find(word.text, e)
    for rx, row in rules.regexes.get("ZH_OPERATION_UNQUOTED", []):
        for m in rx.finditer(norm):
            s, e = m.span("name") if "name" in rx.groupindex else m.span()  # the name, not the words that cue it
            if any(a < e and s < b for a, b in spans):
                continue
            spans.append((s, e))
            out.append(_operation(text, s, e, False, row.id))
    return out


def _operation(text: str, s: int, e: int, code: bool, pattern_id: str | None, alias_of: int | None = None) -> dict:
    name = text[s:e]
    op = {"kind": "operation", "start": s, "end": e, "value": name, "name": name, "code": code}
    op["pattern_id"] = pattern_id
    if alias_of is not None:
        op["_alias_of"] = alias_of  # the start of the fact it names again; made an id once ids are given
    return op


def _aliases_and_mentions(norm: str, text: str, quoted: list, found: list[dict], rules: ZhRules) -> list[dict]:
    """'“打击治理电信网络诈骗犯罪专项行动”（以下简称“断卡行动”）': the second name is an alias of the first;
    a later quoted mention of a name or alias found ('“断卡行动”成效明显') is an operation too."""
    out: list[dict] = []
    taken = {f["start"] for f in found}
    first: dict[str, int] = {}
    for f in sorted(found, key=lambda f: f["start"]):
        first.setdefault(norm[f["start"] : f["end"]], f["start"])
    by_start = {f["start"]: f for f in found}
    for m in quoted:
        s = m.start(1)
        name = m.group(1)
        before = norm[max(0, m.start() - 8) : m.start()]
        alias = next((w for w in rules.of("ZH_ALIAS") if before.rstrip("：:，, ").endswith(w.text)), None)
        if alias is not None:
            named = [f for f in found + out if f["end"] < m.start() and m.start() - f["end"] <= 16]
            if not named:
                continue
            if s in by_start:
                by_start[s]["_alias_of"] = named[-1]["start"]
            else:
                out.append(_operation(text, s, m.end(1), bool(CODE_RE.match(name)), alias.id, named[-1]["start"]))
            first.setdefault(name, s)
            taken.add(s)
            continue
        if s in taken:
            continue
        if name in first and first[name] != s:
            # '“昆仑净网”全市排名第一。在“昆仑净网”专项行动中': a quoted mention of a name found, before or after it
            out.append(_operation(text, s, m.end(1), bool(CODE_RE.match(name)), None))
        taken.add(s)
    return out
