"""Links between Chinese figures, from wording and structure only: a change qualifies the figure of the clause
before it, 分别 pairs a list of changes with the figures before it in order, 其中 makes the counts after it parts
of the count before it. Values are never compared."""

from __future__ import annotations

from types import SimpleNamespace

from extractor.checks.rates import rate_relations
from extractor.lang.zh.figures import SENTENCE_END, clause_start
from extractor.lang.zh.rules import ZhRules

AMOUNTS = ("count", "money")
FULL_STOP = "。！？!?\n"
LIST_GAP = {"、", "和", "及", "与", ",", "，", "、和", "、及", "，和", ",和"}


def is_difference(norm: str, fact: dict, rules: ZhRules) -> bool:
    """A count written as a rise or fall ('减少72起', '增加了167件'): a difference, not a level."""
    at = fact["start"]
    if norm[at - 1 : at] == "了":
        at -= 1
    for approx in rules.of("ZH_APPROX"):
        if approx.attrs["where"] == "before" and norm.startswith(approx.text, at - len(approx.text)):
            at -= len(approx.text)
            break
    return rules.ending("ZH_CHANGE", norm, at) is not None


def link(norm: str, facts: list[dict], rules: ZhRules) -> list[dict]:
    """Relations (dicts in the record's shape) over facts that already carry ids; sets `of` on the qualifiers."""
    relations: list[dict] = []
    done: set[str] = set()
    _respectively(norm, facts, rules, relations, done)
    for i, f in enumerate(facts):
        if f["id"] in done or f["kind"] not in ("percentage", "multiplier"):
            continue
        if f["kind"] == "percentage" and f["role"] not in ("change", "share"):
            continue
        target = _clause_figure(norm, facts, i, rules)
        if target is not None:
            f["of"] = target["id"]
            relations.append(
                {
                    "type": "link",
                    "role": "of",
                    "source": f["id"],
                    "target": target["id"],
                    "pattern_id": f.get("pattern_id"),
                    "confidence": "cued",
                }
            )
    _parts(norm, facts, rules, relations)
    _wholes(norm, facts, relations)
    _rates(norm, facts, relations)
    return relations


def action_of(norm: str, facts: list[dict], i: int) -> str:
    """The words before a figure in its clause, after the figure before it ('不捕8.6万人': 不捕;
    '共受理各类案件1803件(旧存240件)': 240's is '件(旧存')."""
    f = facts[i]
    start = clause_start(norm, f["start"])
    if i > 0:
        start = max(start, min(facts[i - 1]["end"], f["start"]))
    return norm[start : f["start"]].strip()


def _rates(norm: str, facts: list[dict], relations: list[dict]) -> None:
    """不捕率, 不起诉率, 结案率: a `rate` relation when the rate's definition (patterns/rates.jsonl, the file the
    English linker reads) finds its counts before it by their actions, never their values."""
    if not any(f.get("role") == "rate" for f in facts):
        return
    views = [
        SimpleNamespace(
            **{"role": None, "rate_name": None, "subject": None, **f, "action": action_of(norm, facts, i) or None}
        )
        for i, f in enumerate(facts)
    ]
    relations.extend(rate_relations(SimpleNamespace(facts=views)))


TOTAL_WORDS = ("占总", "占全部", "占所有")


def _wholes(norm: str, facts: list[dict], relations: list[dict]) -> None:
    """A share's whole: the whole of the breakdown its part is in (其中 … 68.8万人次，占50%), or, after 占总/占全部
    ('佔總人數的16.5%'), the count of the part's unit before the part in their sentence."""
    by_id = {f["id"]: f for f in facts}
    whole_of = {r["part"]: r["whole"] for r in relations if r["type"] == "part_of"}
    for f in facts:
        if f["kind"] != "percentage" or f.get("role") != "share" or not f.get("of") or f.get("whole"):
            continue
        whole = whole_of.get(f["of"])
        cue = None
        if whole is None:
            pre = norm[clause_start(norm, f["start"]) : f["start"]]
            cue = next((w for w in TOTAL_WORDS if w in pre), None)
            if cue:
                part = by_id[f["of"]]
                sent = clause_start(norm, part["start"], SENTENCE_END)
                same = [
                    g
                    for g in facts
                    if g["kind"] == "count"
                    and sent <= g["start"]
                    and g["end"] <= part["start"]
                    and g.get("unit") == part.get("unit")
                ]
                whole = same[-1]["id"] if same else None
        if whole is None:
            continue
        f["whole"] = whole
        relations.append(
            {
                "type": "link",
                "role": "whole",
                "source": f["id"],
                "target": whole,
                "cue": cue,
                "pattern_id": f.get("pattern_id"),
                "confidence": "stated" if cue else "cued",
            }
        )


def _clause_figure(norm: str, facts: list[dict], i: int, rules: ZhRules) -> dict | None:
    """The amount a qualifier follows: the last count or money in its own clause before it, else in the clause
    just before (in the same sentence), when no other qualifier stands between them. A difference ('同比减少72起，
    下降19.5%') is passed over for the level of the clause before it ('立杀人案件297起')."""
    f = facts[i]
    own = clause_start(norm, f["start"])
    prev = clause_start(norm, own - 1) if own > 0 and norm[own - 1] not in SENTENCE_END else own
    for j in range(i - 1, -1, -1):
        g = facts[j]
        if g["end"] <= prev:
            return None
        if g["kind"] in AMOUNTS:
            if g["kind"] == "count" and is_difference(norm, g, rules):
                start = clause_start(norm, g["start"])
                prev = clause_start(norm, start - 1) if start > 0 and norm[start - 1] not in SENTENCE_END else start
                continue
            return g
        if g["kind"] in ("percentage", "multiplier"):
            return None
    return None


def _respectively(norm: str, facts: list[dict], rules: ZhRules, relations: list[dict], done: set[str]) -> None:
    for cue in rules.of("ZH_RESPECTIVELY"):
        at = norm.find(cue.text)
        while at >= 0:
            after = [f for f in facts if f["start"] >= at + len(cue.text)]
            quals: list[dict] = []
            last = at + len(cue.text)
            for f in after:
                gap = norm[last : f["start"]]
                if quals and gap not in LIST_GAP:
                    break
                if not quals and any(ch in SENTENCE_END + "，," for ch in gap):
                    break
                if f["kind"] not in ("percentage", "multiplier"):
                    break
                quals.append(f)
                last = f["end"]
            sent = clause_start(norm, at, SENTENCE_END)
            before = [f for f in facts if sent <= f["start"] and f["end"] <= at and f["kind"] in AMOUNTS]
            items = before[-len(quals) :] if quals else []
            if len(quals) >= 2 and items:  # no figure before the cue: it pairs the qualifiers with named things
                aligned = len(items) == len(quals)
                relations.append(
                    {
                        "type": "respectively",
                        "items": [f["id"] for f in items],
                        "qualifiers": [q["id"] for q in quals],
                        "aligned": aligned,
                        "cue": cue.text,
                        "pattern_id": cue.id,
                        "confidence": "stated",
                    }
                )
                for q in quals:
                    done.add(q["id"])
                if aligned:
                    for item, q in zip(items, quals, strict=True):
                        q["of"] = item["id"]
                        relations.append(
                            {
                                "type": "link",
                                "role": "of",
                                "source": q["id"],
                                "target": item["id"],
                                "cue": cue.text,
                                "pattern_id": cue.id,
                                "confidence": "stated",
                            }
                        )
            at = norm.find(cue.text, at + 1)


def _parts(norm: str, facts: list[dict], rules: ZhRules, relations: list[dict]) -> None:
    """其中: the counts after it are parts of the count before it. Mid-sentence the cue reaches back and on within
    its sentence (to the next '；'); opening a sentence ('。其中，') it reaches into the sentence before and on to
    the full stop, across '；'. Where that count is one of a
    pair ('26件30人'), a part takes the one of its own unit; a part with no unit takes the whole's."""
    for cue in rules.of("ZH_PART_CUE"):
        at = norm.find(cue.text)
        while at >= 0:
            sent = clause_start(norm, at, SENTENCE_END)
            opening = not norm[sent:at].strip(" ，,:：")
            stops = FULL_STOP if opening else SENTENCE_END
            end = at + len(cue.text)
            while end < len(norm) and norm[end] not in stops:
                end += 1
            scope = clause_start(norm, sent - 1, SENTENCE_END) if opening and sent > 0 else sent
            wholes = [
                f
                for f in facts
                if f["kind"] == "count" and scope <= f["start"] and f["end"] <= at and not is_difference(norm, f, rules)
            ]
            parts = [f for f in facts if f["kind"] == "count" and at < f["start"] and f["end"] <= end]
            if wholes and parts:
                pair = [wholes[-1]]
                if len(wholes) > 1 and wholes[-2]["end"] == wholes[-1]["start"] - 1:
                    pair.insert(0, wholes[-2])  # '26件30人': the number, its measure word, the next number
                for p in parts:
                    whole = next((w for w in pair if w.get("unit") == p.get("unit")), pair[-1])
                    if p.get("unit") is None:
                        p["unit"] = whole.get("unit")
                    relations.append(
                        {
                            "type": "part_of",
                            "part": p["id"],
                            "whole": whole["id"],
                            "cue": cue.text,
                            "pattern_id": cue.id,
                            "confidence": "stated",
                        }
                    )
            at = norm.find(cue.text, at + 1)
