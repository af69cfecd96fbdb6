"""Links between Chinese figures, from wording and structure only: a change qualifies the figure of the clause
before it, 分别 pairs a list of changes with the figures before it in order, 其中 makes the counts after it parts
of the count before it. Values are never compared."""

from __future__ import annotations

import bisect
import itertools
import re
from types import SimpleNamespace

from extractor.checks.rates import rate_relations
from extractor.kinds import ITEM_KINDS as AMOUNTS
from extractor.lang.zh.figures import SENTENCE_END, clause_start
from extractor.lang.zh.rules import ZhRules
from extractor.unit_classes import bundled_units

FULL_STOP = "。！？!?\n"
CLAUSE_BREAK = "，,；;。！？!?\n：:"
LIST_GAP = {"、", "和", "及", "与", ",", "，", "、和", "、及", "，和", ",和"}


def is_difference(norm: str, fact: dict, rules: ZhRules) -> bool:
    """A count written as a rise or fall ('减少72起', '增加了167件'): a difference, not a level (read once, by
    `link`, into the count's `difference`)."""
    if "difference" in fact:
        return fact["difference"] is not None
    return difference_direction(norm, fact, rules) is not None


def difference_direction(norm: str, fact: dict, rules: ZhRules) -> str | None:
    """'up' for '增加了167件', 'down' for '减少72起': the direction of the change a count is the size of, else None."""
    at = fact["start"]
    if norm[at - 1 : at] == "了":
        at -= 1
    for approx in rules.of("ZH_APPROX"):
        if approx.attrs["where"] == "before" and norm.startswith(approx.text, at - len(approx.text)):
            at -= len(approx.text)
            break
    word = rules.ending("ZH_CHANGE", norm, at)
    return word.attrs.get("direction") if word is not None else None


def link(norm: str, facts: list[dict], rules: ZhRules) -> list[dict]:
    """Relations (dicts in the record's shape) over facts that already carry ids; sets `of` on the qualifiers."""
    relations: list[dict] = []
    done: set[str] = set()
    named_wholes: list[tuple[dict, dict]] = []  # (part, whole) of each share whose 占…的 names its whole's figure
    for f in facts:
        if f["kind"] == "count":
            f["difference"] = difference_direction(norm, f, rules)
    _mark_priors(norm, facts, rules)
    _respectively(norm, facts, rules, relations, done)
    _implicit_lists(norm, facts, rules, relations, done)
    for i, f in enumerate(facts):
        if f["id"] in done or f["kind"] not in ("percentage", "multiplier"):
            continue
        if f["kind"] == "percentage" and f["role"] not in ("change", "share"):
            continue
        if f["kind"] == "percentage" and f["role"] == "share" and _collective_share(norm, f, rules):
            continue  # '三类犯罪人数合计占…的58.4%': of the listed figures together, no one of them
        inner = _stated_whole(norm, facts, i, rules) if f["kind"] == "percentage" and f["role"] == "share" else None
        described = False
        if inner is not None:  # '占全体85名委员的89%': 85 is the whole, the share is of the figure before 占
            rest = [g for g in facts if g is not inner]
            target = _clause_figure(norm, rest, rest.index(f), rules)
            _whole_link(relations, f, inner["id"], "占", "stated")
        elif f.get("points"):
            target = _points_of(norm, facts, i, rules)
        else:
            target = _clause_figure(norm, facts, i, rules)
            if target is None and f["kind"] == "percentage" and f["role"] == "change":
                target = _named_back(norm, facts, i, rules)
            described = target is None and f["kind"] == "percentage" and f["role"] == "share"
            if described:
                target = _described_back(norm, facts, i, rules)
        share = f["kind"] == "percentage" and f["role"] == "share"
        if target is not None and share and inner is None and not described and _names_own_part(norm, f, target, rules):
            # '全市共破获案件1500起，其中电信诈骗案件占40%': the share's subject is its part, the figure before its
            # whole
            _whole_link(relations, f, target["id"], "占", "cued")
            continue
        if target is not None:
            _link_of(relations, f, target, None, f.get("pattern_id"), "cued")
            if inner is not None and target["kind"] == "count":
                named_wholes.append((target, inner))
    _listed_share_wholes(norm, facts, relations)
    _share_sums(norm, facts, relations)
    breakdown: dict[str, int] = {}
    _parts(norm, facts, rules, relations, breakdown)
    _drop_paired_parts(norm, facts, relations, rules)
    _caseload_parts(norm, facts, relations, rules)
    _sums(norm, facts, rules, relations)
    _wholes(norm, facts, relations, breakdown, rules)
    _repeated_total_wholes(norm, facts, relations, rules)
    _collective_wholes(norm, facts, relations, rules)
    _rates(norm, facts, relations, rules)
    _conversions(norm, facts, relations, rules)
    # '毒品案件6330件，占审结刑事案件52300件的12.1%': the share's figure is a part of the whole its 占…的 names, unless
    # another cue already made it a part
    # '其中贪污案件1300件，占全部4500件的28.9%': the figure inside 占…的 is the whole restated, no part in the list
    inner_ids = {whole["id"] for _, whole in named_wholes}
    relations[:] = [r for r in relations if not (r["type"] == "part_of" and r["part"] in inner_ids)]
    has_whole = {r["part"] for r in relations if r["type"] == "part_of"}
    for part, whole in named_wholes:
        if part["id"] not in has_whole:
            _add_part(relations, has_whole, part, whole, "占", None)
    for f in facts:
        f.pop("_prior", None)
    return relations


def _conversions(norm: str, facts: list[dict], relations: list[dict], rules: ZhRules) -> None:
    """'2.5亿元人民币（约合3500万美元）', '3,456.8万元，折合约480万美元': an amount in another currency right after
    one, in brackets or after a comma with a cue (ZH_CONVERSION_CUE), restates it."""
    money = [f for f in facts if f["kind"] == "money"]
    for a, b in itertools.pairwise(money):
        if a.get("currency") == b.get("currency"):
            continue
        gap = "".join(norm[a["end"] : b["start"]].split())
        bracket = gap[:1] in ("(", "（")
        rest = gap[1:] if bracket else gap[1:] if gap[:1] in (",", "，") else None
        if rest is None:
            continue
        cue = None
        while rest:
            word = rules.starting("ZH_CONVERSION_CUE", rest, 0)
            if word is None:
                break
            cue = word
            rest = rest[len(word.text) :]
        if rest or (cue is None and not bracket):
            continue
        relations.append(
            {
                "type": "conversion",
                "from": a["id"],
                "to": b["id"],
                "cue": gap or None,
                "pattern_id": cue.id if cue is not None else None,
                "confidence": "stated",
            }
        )


def action_of(norm: str, facts: list[dict], i: int, rules: ZhRules | None = None) -> str:
    """The words before a figure in its clause, after the figure before it ('不捕8.6万人': 不捕;
    '共受理各类案件1803件(旧存240件)': 240's is '件(旧存'). With `rules`, the second count of a pair
    ('不批准逮捕33件40人') takes the words of the first."""
    f = facts[i]
    start = clause_start(norm, f["start"])
    if i > 0:
        g = facts[i - 1]
        if rules is not None and g["kind"] == f["kind"] == "count" and _is_pair(norm, g, f, rules):
            return action_of(norm, facts, i - 1, rules)
        start = max(start, min(g["end"], f["start"]))
    words = norm[start : f["start"]].strip()
    return ACTION_INSERT_RE.sub("", words) if "决定" in words else words


# '批准和决定逮捕', '不批准(决定)逮捕': the decision inserted in an act reads as the act itself (批准逮捕, 不批准逮捕)
ACTION_INSERT_RE = re.compile(r"[(（]决定[)）]|和决定|或决定")


def _drop_paired_parts(norm: str, facts: list[dict], relations: list[dict], rules: ZhRules) -> None:
    """'共办理各类案件5280件。其中，审查逮捕案件1320件1865人、…': the persons of a '件…人' pair whose cases are a
    part of a count of cases are the people of that part, no part of the cases (a false alarm when more)."""
    by_id = {f["id"]: f for f in facts}
    whole_of = {r["part"]: r["whole"] for r in relations if r["type"] == "part_of"}
    root = bundled_units().root
    drop: set[str] = set()
    for a, b in itertools.pairwise(facts):
        if a["kind"] != "count" or b["kind"] != "count" or not _is_pair(norm, a, b, rules):
            continue
        whole = whole_of.get(b["id"])
        if whole is None or whole_of.get(a["id"]) != whole:
            continue
        if root(by_id[whole].get("unit") or "") == root(a.get("unit") or "") != root(b.get("unit") or ""):
            drop.add(b["id"])
    if drop:
        relations[:] = [r for r in relations if not (r["type"] == "part_of" and r["part"] in drop)]


def _is_pair(norm: str, a: dict, b: dict, rules: ZhRules) -> bool:
    """'26件30人': count b follows count a across a measure word alone."""
    measure = rules.starting("ZH_MEASURE", norm, a["end"])
    return measure is not None and a["end"] + len(measure.text) == b["start"]


def bracket_at(norm: str, at: int) -> tuple[int, int] | None:
    """The bracket ('(', '（') around position `at` within its sentence, as (open, close), or None; a bracket is
    looked for within BRACKET_REACH characters either side (a text without stops made each look a walk to its
    start)."""
    lo = max(0, at - BRACKET_REACH)
    # the nearest bracket, closing bracket or sentence end before `at` (found by rfind: a walk per character made a
    # long text's many looks slow)
    i = max(norm.rfind(ch, lo, at) for ch in BRACKET_STOPS)
    if i < 0 or norm[i] not in BRACKETS:
        return None
    j = norm.find(BRACKETS[norm[i]], at, at + BRACKET_REACH)
    if j < 0 or "。" in norm[at:j] or "\n" in norm[at:j]:
        return None
    return i, j


BRACKET_REACH = 600
BRACKET_STOPS = "(（)）。\n"


def _aside(norm: str, fact: dict, at: int) -> bool:
    """True when `fact` stands in a bracket that does not hold position `at` ('6380件(含旧存214件)，同比上升
    3.85%': the 214 is an aside to the 3.85%)."""
    b = bracket_at(norm, fact["start"])
    return b is not None and not (b[0] < at <= b[1])


INCLUDES_RE = re.compile(r"[（(]含[^（()）]*[）)]")


def _rates(norm: str, facts: list[dict], relations: list[dict], rules: ZhRules) -> None:
    """不捕率, 不起诉率, 结案率: a `rate` relation when the rate's definition (patterns/rates.jsonl, the file the
    English linker reads) finds its counts before it by their actions, never their values."""
    if not any(f.get("role") == "rate" for f in facts):
        return
    views = [
        SimpleNamespace(
            **{
                "role": None,
                "rate_name": None,
                "subject": None,
                **f,
                # '决定不起诉（含附条件不起诉）30件': a bracket saying what the count includes is no part of its act
                "action": INCLUDES_RE.sub("", action_of(norm, facts, i, rules)) or None,
            }
        )
        for i, f in enumerate(facts)
    ]
    for rate in views:
        if rate.role != "rate":
            continue
        # the counts a rate is worked out from are stated with it, in its sentence, else from the sentence before
        # ('共决定起诉4130人。共决定不起诉1020人，不起诉率为19.8%')
        sent = clause_start(norm, rate.start, FULL_STOP)
        for start in (sent, _sentence_before(norm, sent) if sent > 0 else sent):
            near = [v for v in views if v is rate or (v.kind == "count" and start <= v.start < rate.start)]
            counted = _rate_counts(norm, rate, rules)
            if counted:
                # '案件审结率87.25%' after '审结…635件768人': a rate named for cases is worked out from the cases
                near = [v for v in near if v is rate or bundled_units().root(getattr(v, "unit", None)) == counted]
            found = rate_relations(SimpleNamespace(facts=near))
            if found:
                relations.extend(found)
                break
        else:
            named = _named_part_rate(norm, facts, rate, relations, rules)
            if named is not None:
                relations.append(named)


def _named_part_rate(norm: str, facts: list[dict], rate, relations: list[dict], rules: ZhRules) -> dict | None:
    """'公开流程信息合计2299件，其中有效公开案件2262件，…，有效公开率98.39%': a rate no definition reads, whose name
    less 率 (two characters or more) is said by the words of one count of its sentence, that count a stated part
    of a whole: the rate of that part in that whole (by the wording; the values are what the audit then tests)."""
    stem = (rate.rate_name or "").removesuffix("率")
    if len(stem) < 2 or any(r["type"] == "rate" and r["rate"] == rate.id for r in relations):
        return None
    sent = clause_start(norm, rate.start, FULL_STOP)
    said = [
        (j, g)
        for j, g in enumerate(facts)
        if g["kind"] == "count" and sent <= g["start"] < rate.start and stem in action_of(norm, facts, j, rules)
    ]
    if len(said) != 1:
        return None
    part = said[0][1]
    whole = next((r["whole"] for r in relations if r["type"] == "part_of" and r["part"] == part["id"]), None)
    if whole is None:
        return None
    return {
        "type": "rate",
        "rate": rate.id,
        "numerator": part["id"],
        "denominator": [whole],
        "definition": "numerator / denominator",
        "cue": f"{rate.rate_name}: {stem}…",
        "pattern_id": None,
        "confidence": "cued",
    }


def _rate_counts(norm: str, rate, rules: ZhRules) -> str | None:
    """The unit of the counts a rate is of, when its clause says (ZH_RATE_UNIT rows: '案件结案率' case, '人数不捕率'
    person, '结案率' case); else None (the definition alone picks the counts)."""
    name = norm[clause_start(norm, rate.start) : rate.start]
    return next((w.attrs["unit"] for w in rules.of("ZH_RATE_UNIT") if w.text in name), None)


def _share_words(norm: str, f: dict, rules: ZhRules) -> tuple[int, str] | None:
    """The words of a share from its 占 to the figure ('占立案总数的' in '…，占立案总数的65.6%'), with the position
    of 占; None when its clause has no 占 before it."""
    own = clause_start(norm, f["start"])
    found = rules.last_in("ZH_SHARE", norm[own : f["start"]])
    if found is None:
        return None
    at = own + found[0]
    return at, norm[at : f["start"]]


def _collective_share(norm: str, f: dict, rules: ZhRules) -> bool:
    """Whether a share's subject takes in the figures before it (ZH_COLLECTIVE: '合计', '上述', '三类'): then it is
    a share of their sum, and no single figure is its part."""
    words = _share_words(norm, f, rules)
    if words is None:
        return False
    subject = norm[clause_start(norm, f["start"]) : words[0]]
    numerals = set(rules.digits()) | set("0123456789")
    for w in rules.of("ZH_COLLECTIVE"):
        for at in _occurrences(subject, w.text):
            if not w.attrs.get("after_numeral") or (at > 0 and subject[at - 1] in numerals):
                return True
    return False


def _collective_wholes(norm: str, facts: list[dict], relations: list[dict], rules: ZhRules) -> None:
    """'盗窃1120人、诈骗860人、抢劫530人，三类犯罪人数合计占全部犯罪人数的59.8%': the listed counts together are a
    share of the total its 占…的 names, so each is a part of that total (the share, of no one of them, is not
    checked alone)."""
    whole_of = {r["part"] for r in relations if r["type"] == "part_of"}
    by_id = {g["id"]: g for g in facts}
    for i, f in enumerate(facts):
        if f["kind"] != "percentage" or f.get("role") != "share" or f.get("of") or f.get("whole"):
            continue
        words = _share_words(norm, f, rules)
        if words is None or not _collective_share(norm, f, rules):
            continue
        items = _list_before(norm, facts, i)
        if len(items) < 2 or (not rules.last_in("ZH_TOTAL_WORD", words[1]) and "全部" not in words[1]):
            continue
        found = _named_total(norm, facts, items[0], words[1], rules)
        found = found or _total_before(norm, facts, items, whole_of, rules)
        if found is None:
            continue
        whole, confidence = found
        _whole_link(relations, f, whole, norm[words[0] : f["start"]], confidence)
        for item in items:
            if item["id"] not in whole_of:
                _add_part(relations, set(), item, by_id[whole], "占" + words[1][1:], f.get("pattern_id"))
                relations[-1]["confidence"] = confidence
                whole_of.add(item["id"])


def _total_before(
    norm: str, facts: list[dict], items: list[dict], parts: set[str], rules: ZhRules
) -> tuple[str, str] | None:
    """'全市受理审查起诉4200人。盗窃1120人、诈骗860人…，三类…合计占全部…的59.8%': a list that opens its sentence
    is of the first count of its unit in the sentence before that is no part itself; firm ('cued') when that
    count's words say it is a total (共, 全部), else a guess."""
    sent = clause_start(norm, items[0]["start"], SENTENCE_END)
    if sent == 0 or any(g["kind"] in AMOUNTS and sent <= g["start"] < items[0]["start"] for g in facts):
        return None
    before = _sentence_before(norm, sent)
    chosen = [
        (j, g)
        for j, g in enumerate(facts)
        if g["kind"] == "count" and before <= g["start"] and g["end"] <= sent and g["id"] not in parts
        and g.get("unit") == items[0].get("unit") and not g.get("difference") and not _prior_count(norm, g, rules)
    ]
    if not chosen:
        return None
    j, whole = chosen[0]  # a breakdown's total opens its sentence ('受理4200人，同比上升5%，其中…')
    return whole["id"], "cued" if rules.last_in("ZH_TOTAL_WORD", action_of(norm, facts, j, rules)) else "inferred"


def _list_before(norm: str, facts: list[dict], i: int) -> list[dict]:
    """The counts of one unit joined by 、/和 that end the clause before fact i, in its sentence, in order."""
    own = clause_start(norm, facts[i]["start"])
    sent = clause_start(norm, facts[i]["start"], SENTENCE_END)
    items: list[dict] = []
    for g in reversed(facts[:i]):
        if g["start"] < sent or g["end"] > own:
            if g["start"] < sent:
                break
            continue
        if g["kind"] != "count" or (items and g.get("unit") != items[0].get("unit")):
            break
        if items:
            gap = norm[g["end"] : items[0]["start"]]
            if not re.fullmatch(r"[^，,；;。\d]{0,12}", gap) or not any(c in gap for c in "、和及"):
                break
        items.insert(0, g)
    return items


def _stated_whole(norm: str, facts: list[dict], i: int, rules: ZhRules) -> dict | None:
    """The count a share's 占…的 names ('占全体85名委员的89%', '占同期受理总数2.1万件的'): its whole."""
    f = facts[i]
    words = _share_words(norm, f, rules)
    if words is None or not words[1].rstrip("约近逾超过 ").endswith("的"):
        return None
    inside = [g for g in facts[:i] if g["kind"] in AMOUNTS and g["start"] > words[0]]
    return inside[-1] if inside else None


def _wholes(
    norm: str, facts: list[dict], relations: list[dict], breakdown: dict[str, int], rules: ZhRules
) -> None:
    """A share's whole: the whole of the breakdown its part is in (其中 … 68.8万人次，占50%), or the total its
    占…的 names ('佔總人數的16.5%', '占起诉总人数的', '占立案数的'; see _named_total). `breakdown`: each part's
    cue position; the shares of a second breakdown of one whole (by type after by manner) get none, since the
    shares of each add up to 100% on their own."""
    by_id = {f["id"]: f for f in facts}
    whole_of = {r["part"]: r["whole"] for r in relations if r["type"] == "part_of"}
    first: dict[str, int] = {}
    zhan_at: dict[str, int | None] | None = None
    for f in facts:
        if f["kind"] != "percentage" or f.get("role") != "share" or not f.get("of") or f.get("whole"):
            continue
        whole = whole_of.get(f["of"])
        cue, confidence = None, "cued"
        share_words = _share_words(norm, f, rules)
        kind = _share_kind(share_words[1], rules) if share_words else ""
        whole_words = action_of(norm, facts, facts.index(by_id[whole]), rules) if kind and whole is not None else ""
        if whole_words and not _says_kind(whole_words, kind):
            # '全国共查处问题7799起…。…共查处问题2884起，占查处的形式主义问题总数的83.2%': the part's whole is not the
            # total of the kind its share names
            continue
        if whole is not None and f["of"] in breakdown:
            if first.setdefault(whole, breakdown[f["of"]]) != breakdown[f["of"]]:
                continue
        if whole is None:
            words = _share_words(norm, f, rules)
            total = rules.last_in("ZH_TOTAL_WORD", words[1]) if words else None
            if total is None and words and "数" in words[1] and _verb(words[1], rules):
                total = (0, SimpleNamespace(text=words[1][1 : words[1].index("数") + 1]))  # '占立案数的': 立案数
            if total:
                cue = "占" + total[1].text
                # '228.2万件，…23.1万件，分别占民事案件总数的86.06%、8.73%': the parts of one 占 are no wholes
                if zhan_at is None:  # where each share's 占 stands, read once per record
                    zhan_at = {
                        g["id"]: (_share_words(norm, g, rules) or (None,))[0]
                        for g in facts
                        if g["kind"] == "percentage" and g.get("of")
                    }
                siblings = [by_id[g["of"]] for g in facts if zhan_at.get(g["id"], -1) == words[0]]
                earliest = min([by_id[f["of"]], *siblings], key=lambda g: g["start"])
                found = _named_total(norm, facts, earliest, words[1], rules)
                whole, confidence = found if found else (None, None)
        if whole is None:
            continue
        firm = confidence != "inferred"  # a total guessed from position alone is no claim the share's count is in it
        if cue is not None and firm and f["of"] not in whole_of and by_id[f["of"]]["kind"] == "count":
            # '平台受理诉求27650件，占诉求总量的52.86%': what is a share of a total is a part of it
            _add_part(relations, set(), by_id[f["of"]], by_id[whole], cue, f.get("pattern_id"))
            relations[-1]["confidence"] = confidence
            whole_of[f["of"]] = whole
        _whole_link(relations, f, whole, cue, confidence)


def _repeated_total_wholes(norm: str, facts: list[dict], relations: list[dict], rules: ZhRules) -> None:
    """'…等问题共62051起，占总数的32.1%。其中…问题共35597起，占总数的18.4%。…26741起，占总数的13.8%': a share of
    the same bare total as a share before it in its paragraph (the same 占总数的) is of the same whole, never of a
    sibling; firm as the first link was, at most cued."""
    last: dict[str, dict] = {}  # the latest share with a whole for each 占… wording, in the current paragraph
    line = -1
    for f in facts:
        if f["kind"] != "percentage" or f.get("role") != "share" or not f.get("of"):
            continue
        at = norm.rfind("\n", 0, f["start"])
        if at != line:
            last, line = {}, at
        words = _share_words(norm, f, rules)
        if words is None or not OWN_TOTAL_SHARE_RE.match(words[1]):
            continue
        key = "".join(words[1].split())
        if f.get("whole"):
            last[key] = f
            continue
        prev = last.get(key)
        if prev is None or prev["whole"] == f["of"]:
            continue
        firm = next(
            (r["confidence"] for r in relations if r["role"] == "whole" and r["source"] == prev["id"]),
            "inferred",
        )
        _whole_link(relations, f, prev["whole"], words[1], "inferred" if firm == "inferred" else "cued")


def _share_kind(words: str, rules: ZhRules) -> str:
    """The kind of thing a share's 占…总数的 names after its action, first of a list ('占查处的形式主义、官僚主义问题
    总数的' -> 形式主义); '' when it names none or only a generic noun ('占查处问题总数的')."""
    stem = words[1:]
    total = rules.last_in("ZH_TOTAL_WORD", stem)
    cut = min(i for i in (stem.find("数"), total[0] if total else -1, len(stem)) if i >= 0)
    named = rules.last_in("ZH_ACTION", stem[:cut])
    if named is None:
        return ""
    kind = re.split(r"[、和及与]", stem[named[0] + len(named[1].text) : cut].lstrip("的"))[0]
    return kind if len(kind) >= 2 and not any(kind == w.text for w in rules.of("ZH_GENERIC_NOUN")) else ""


def _says_kind(words: str, kind: str) -> bool:
    """Whether a count's words name `kind`, loosely: half or more of its character pairs are in them (未成年人犯罪 in
    '受理审查起诉未成年犯罪嫌疑人'; 形式主义 not in '查处违反中央八项规定精神问题')."""
    pairs = [kind[k : k + 2] for k in range(len(kind) - 1)]
    return sum(p in words for p in pairs) * 2 >= len(pairs)


def _kind_after_action(words: str, rules: ZhRules) -> str:
    """The kind of thing a count's words name after their last action word, less a generic noun ('查处县处级干部问题'
    -> 县处级干部; '共批准逮捕' -> ''): two counts of one act and different kinds are items of one breakdown."""
    found = rules.last_in("ZH_ACTION", words)
    if found is None:
        return ""
    rest = words[found[0] + len(found[1].text) :].lstrip("的")
    for noun in sorted((w.text for w in rules.of("ZH_GENERIC_NOUN")), key=len, reverse=True):
        if rest.endswith(noun):
            rest = rest[: -len(noun)]
            break
    return rest if len(rest) >= 2 else ""


def _names_own_part(norm: str, f: dict, target: dict, rules: ZhRules) -> bool:
    """True when a share's clause names its own part before 占 and the figure it follows stands in an earlier
    clause ('…1500起，其中电信诈骗案件占40%'; not '…1500起，占全市的40%', whose subject is the figure)."""
    words = _share_words(norm, f, rules)
    own = clause_start(norm, f["start"])
    if words is None or target["end"] > own:
        return False
    subject = norm[own : words[0]].strip(OPENING_JUNK)
    for junk in rules.of("ZH_SUBJECT_JUNK"):
        subject = subject.replace(junk.text, "")
    return sum("\u4e00" <= ch <= "\u9fff" for ch in subject) >= 2


def _listed_share_wholes(norm: str, facts: list[dict], relations: list[dict]) -> None:
    """'…1萬4109件，前5名依序为网络购物诈骗占25.65%、假投资诈骗12.54%、…': a share right after another in a 、 list,
    with only its item's words between, is a share of the same whole."""
    for a, b in itertools.pairwise(facts):
        if not a.get("whole") or b.get("whole") or b.get("of") or b["kind"] != "percentage" or a["kind"] != b["kind"]:
            continue
        if b.get("role") not in ("share", "level"):
            continue
        gap = norm[a["end"] : b["start"]]
        if not gap.startswith("、") or any(ch in gap for ch in "，,；;。占") or len(gap) > 16:
            continue
        b["role"] = "share"
        _whole_link(relations, b, a["whole"], "、", "cued")


SHARE_TOTAL_RE = re.compile(r"^[，,]\s*(?:合计|共计|总计|共)占?(?:约|近)?$")


def _share_sums(norm: str, facts: list[dict], relations: list[dict]) -> None:
    """'…网络购物诈骗占25.65%、假投资诈骗12.54%、…5.43%，合计57.2%': the shares of a 、 list, then the total the
    wording says they make (合计, 共计, 共): a sum of percentages, checked as any sum is."""
    for i, total in enumerate(facts):
        if total["kind"] != "percentage" or i < 2 or total.get("points"):
            continue
        cue = SHARE_TOTAL_RE.match(norm[facts[i - 1]["end"] : total["start"]])
        if cue is None:
            continue
        parts = [facts[i - 1]]
        for j in range(i - 2, -1, -1):
            gap = norm[facts[j]["end"] : parts[0]["start"]]
            if facts[j]["kind"] != "percentage" or not gap.startswith("、") or any(ch in gap for ch in "，,；;。"):
                break
            parts.insert(0, facts[j])
        if len(parts) < 2 or not all(p.get("role") == "share" and not p.get("points") for p in parts):
            continue
        total["role"] = "share"
        relations.append(
            {
                "type": "sum",
                "parts": [p["id"] for p in parts],
                "total": total["id"],
                "cue": cue.group().strip("，, "),
                "pattern_id": total.get("pattern_id"),
                "confidence": "stated",
            }
        )


REACH = 600  # characters a look back for the sentence before goes at most
HEAD = 3000  # characters of a release's head, where it states its totals


def _described_back(norm: str, facts: list[dict], i: int, rules: ZhRules) -> dict | None:
    """'…查处乡科级及以下干部问题7167起。其中，乡科级及以下干部问题占查处问题总数的91.9%': a share with no figure in
    its clause whose subject (four characters or more) restates the words of one count of its sentence or the one
    before is of that count; none when no count or more than one has those words."""
    f = facts[i]
    words = _share_words(norm, f, rules)
    if words is None:
        return None
    own = clause_start(norm, f["start"])
    if i > 0 and facts[i - 1]["start"] >= own and any(g["kind"] in AMOUNTS for g in facts[:i] if g["start"] >= own):
        return None
    subject = norm[own : words[0]].strip(" ，,：:")
    for lead in ("其中", "而", "另"):
        subject = subject.removeprefix(lead).lstrip(" ，,")
    if len(subject) < 4:
        return None
    # the sentence before, looked for no further back than REACH characters (a text without stops is no sentence)
    lo = max(0, f["start"] - REACH)
    window = norm[lo : f["start"]]
    sent = lo + clause_start(window, len(window), SENTENCE_END)
    start = lo + _sentence_before(window, sent - lo) if sent > lo else lo
    first = bisect.bisect_left(facts, start, hi=i, key=_start)
    found = [
        g
        for j, g in enumerate(facts[first:i], first)
        if g["kind"] == "count" and subject in action_of(norm, facts, j, rules)
    ]
    return found[0] if len(found) == 1 else None


def _whole_link(relations: list[dict], share: dict, whole: str, cue: str | None, confidence: str) -> None:
    """Record `whole` (an id) as the whole of percentage `share`, as a `link` relation with its cue."""
    share["whole"] = whole
    relations.append(
        {
            "type": "link",
            "role": "whole",
            "source": share["id"],
            "target": whole,
            "cue": cue,
            "pattern_id": share.get("pattern_id"),
            "confidence": confidence,
        }
    )


def _occurrences(text: str, word: str) -> list[int]:
    out, at = [], text.find(word)
    while at >= 0:
        out.append(at)
        at = text.find(word, at + 1)
    return out


def _named_total(
    norm: str, facts: list[dict], part: dict, words: str, rules: ZhRules
) -> tuple[str, str] | None:
    """The total a share's '占…总数的' names: a count of the part's unit before the part, in its sentence, the
    last one when the words name no action; when they do ('占起诉总人数的'), the last one whose words hold that
    action as named (审查逮捕 is not 批准逮捕, 不起诉 is not 起诉), in its paragraph or the one before, and none
    when no count has it.
    With the link's confidence: stated for a named action, cued for a count whose words say it is a total (共,
    全部), else inferred."""
    stem = words[1:]
    total = rules.last_in("ZH_TOTAL_WORD", stem)
    cut = min(i for i in (stem.find("数"), total[0] if total else -1, len(stem)) if i >= 0)
    named = rules.last_in("ZH_ACTION", stem[:cut])
    action = None
    kind = _share_kind(words, rules)
    if named:  # '起诉总人数', '审查逮捕人数', '批捕总人数' (批准逮捕): the action with the words that qualify it
        at, word = named
        action = stem[:at] + (word.attrs.get("full") or word.text)
    sent = clause_start(norm, part["start"], SENTENCE_END)
    own = _verb(action_of(norm, facts, facts.index(part), rules), rules) if action is None else None
    # '查处地厅级干部问题49起，查处县处级干部问题583起，查处乡科级干部问题7167起': counts of other kinds beside the
    # part, done by the same act, are its siblings, never its total
    part_kind = _kind_after_action(action_of(norm, facts, facts.index(part), rules), rules)

    def fits(j: int, g: dict) -> bool:
        words = action_of(norm, facts, j, rules)
        if action is not None:  # '不起诉730人' is no count of 起诉
            if part_kind and g["start"] >= sent and _kind_after_action(words, rules) not in ("", part_kind):
                return False
            if kind and not _says_kind(words, kind):
                return False  # '查处问题7799起' is no total of the 形式主义 problems among them
            return any(k >= 0 and not words[:k].endswith("不") for k in _occurrences(words, action))
        # '受理1200件，审结1000件，占全市的15%': a part with a verb of its own is no part of another action's count
        return own is None or _verb(words, rules) == own

    def earlier(start: int) -> list[dict]:
        return [
            g
            for j, g in enumerate(facts)
            if g["kind"] == "count"
            and start <= g["start"]
            and g["end"] <= part["start"]
            and g is not part
            and not g.get("difference")
            and g.get("unit") == part.get("unit")
            and not _share_of_total_after(norm, facts, j)
            and fits(j, g)
        ]

    chosen = earlier(sent)
    if not chosen and action:  # a named action reaches back through its paragraph and the one before
        line = norm.rfind("\n", 0, sent) + 1
        chosen = earlier(norm.rfind("\n", 0, max(line - 1, 0)) + 1)
    noun = stem[:cut].strip()
    if not chosen and action is None and len(noun) >= 2:
        # '共受理消费诉求52310件…。…平台受理诉求27650件，占诉求总量的52.86%': the total of the noun it names, the
        # count before whose words hold that noun and say it is a total (共, 全部), in the paragraph
        line = norm.rfind("\n", 0, sent) + 1
        chosen = [
            g
            for g in earlier(line)
            if noun in (words := action_of(norm, facts, facts.index(g), rules))
            and rules.last_in("ZH_TOTAL_WORD", words)
        ]
        if chosen:
            return chosen[-1]["id"], "cued"
    if not chosen and action is None and not noun and sent > 0:
        # '全市共破获毒品案件1500起；通过群众举报破获300起，占总数的20%': a bare 总数 is the total of the sentence
        # before, a count of the part's unit whose words say it is a total
        chosen = [
            g
            for g in earlier(_sentence_before(norm, sent))
            if g["start"] < sent and rules.last_in("ZH_TOTAL_WORD", action_of(norm, facts, facts.index(g), rules))
        ]
        if chosen:
            return chosen[-1]["id"], "cued"
        # '全国已累计查处…问题193168起，…。…等问题共62051起，占总数的32.1%': else the release's first count of the
        # part's unit whose words say it is a total, a guess from position alone
        head = bisect.bisect_left(facts, min(sent, HEAD), key=_start)  # a release states its total at its head
        chosen = [
            g
            for j, g in enumerate(facts[:head])
            if g["kind"] == "count"
            and g is not part
            and not g.get("difference")
            and g.get("unit") == part.get("unit")
            and not _share_of_total_after(norm, facts, j)
            and fits(j, g)
            and rules.last_in("ZH_TOTAL_WORD", action_of(norm, facts, j, rules))
        ][:1]
        if chosen:
            return chosen[0]["id"], "inferred"
    if not chosen:
        return None
    whole = chosen[-1]
    if action is not None:
        return whole["id"], "stated"
    # '占总数的' names no action: the nearest count is a guess, firm only when its own words say it is a total
    words = action_of(norm, facts, facts.index(whole), rules)
    return whole["id"], "cued" if rules.last_in("ZH_TOTAL_WORD", words) else "inferred"


OWN_TOTAL_SHARE_RE = re.compile(r"^[\u4e00-\u9fff]{0,2}[，,]?\s*占(?:全部|总数|总量|总)[^，,。；;]{0,6}的?$")


def _share_of_total_after(norm: str, facts: list[dict], j: int) -> bool:
    """True when count j is followed by its own share of the total ('…问题共62051起，占总数的32.1%'): one of the
    total's parts, never the total of the next part's share."""
    nxt = facts[j + 1] if j + 1 < len(facts) else None
    return (
        nxt is not None
        and nxt["kind"] == "percentage"
        and bool(OWN_TOTAL_SHARE_RE.match(norm[facts[j]["end"] : nxt["start"]]))
    )


RATE_NAME_RE = re.compile(r"[\u4e00-\u9fff]{1,3}率")


def _points_of(norm: str, facts: list[dict], i: int, rules: ZhRules) -> dict | None:
    """The percentage a change in points is a change of: the last rate of the name its clause gives
    ('结案率下降了2.99个百分点'), the change before it when its clause names the size of a change ('同比增长4.6%，
    增幅回落2.1个百分点'), else the percentage just before it in its sentence ('不捕率38.1%，同比增加11.1个百分点'),
    never a count."""
    f = facts[i]
    pre = norm[clause_start(norm, f["start"]) : f["start"]]
    sent = clause_start(norm, f["start"], SENTENCE_END)
    if any(w.text in pre for w in rules.of("ZH_GROWTH_NOUN")):
        changes = [
            g
            for g in facts[:i]
            if g["kind"] == "percentage" and g.get("role") == "change" and not g.get("points") and g["start"] >= sent
        ]
        if changes:
            return changes[-1]
    named = RATE_NAME_RE.search(pre)
    earlier = [g for g in facts[:i] if g["kind"] == "percentage" and g.get("role") != "change"]
    if named:
        same = [g for g in earlier if g.get("role") == "rate" and (g.get("rate_name") or "").endswith(named.group())]
        if same:
            return same[-1]
    for g in reversed(facts[:i]):
        if g["start"] < sent or g["kind"] in AMOUNTS:
            return None
        if g["kind"] == "percentage" and g.get("role") != "change":
            return g
    return None


def _clause_figure(norm: str, facts: list[dict], i: int, rules: ZhRules) -> dict | None:
    """The amount a qualifier follows: the last count or money in its own clause before it, else in the clause
    just before (in the same sentence), when no other qualifier stands between them. A difference ('同比减少72起，
    下降19.5%') is passed over for the level of the clause before it ('立杀人案件297起')."""
    f = facts[i]
    level = _level_after(norm, facts, i, rules)
    if level is not None:
        return level
    held = _bracket_owner(norm, facts, i, rules) if f.get("role") == "change" else None
    if held is not None:
        return held
    named_rate = _same_rate(norm, facts, i) if f.get("role") == "change" else None
    if named_rate is not None:
        return named_rate
    own = clause_start(norm, f["start"])
    prev = _clause_past_brackets(norm, own - 1) if own > 0 and norm[own - 1] not in SENTENCE_END else own
    back = prev
    if f.get("role") == "share" and 0 < prev < own and norm[prev - 1] not in SENTENCE_END:
        if not any(prev <= g["start"] < own for g in facts):
            # '…同比下降12.5%，数量依然居首，占案件总数的近36%': a clause with no figure between the change and
            # the share is passed over
            back = _clause_past_brackets(norm, prev - 1)
    if f.get("role") == "share" and i > 0 and (carried := _through_change(facts, i, back)) is not None:
        return carried
    named = _verb(norm[own : f["start"]], rules)  # '结案数同比上升13.73%': the change names its count
    # ... a change, that is: a share's '占立案数的93%' names its whole
    # ... or a clause that opens with the action itself ('…，查处同比增2.4%'), after other figures
    opens = named is not None and norm[own : f["start"]].lstrip(OPENING_JUNK).startswith(named)
    named = named if named and f.get("role") == "change" and (named + "数" in norm[own : f["start"]] or opens) else None
    if named and not any(g["kind"] in AMOUNTS and own <= g["start"] for g in facts[:i]):
        return _same_verb_level(norm, facts, i, named, rules)
    counted = _number_noun(norm[own : f["start"]], rules)
    if counted is not None and f.get("role") == "change":
        # '审结…2146件3072人，…，案件数下降11.2%，涉案人数下降8.75%': the count of the unit the noun names, in the
        # sentence before the change
        sent = clause_start(norm, f["start"], SENTENCE_END)
        root = bundled_units().root
        same = [
            g
            for g in facts[:i]
            if g["kind"] == "count" and g["start"] >= sent and g.get("unit") and root(g["unit"]) == counted
            and not _prior_count(norm, g, rules)
        ]
        if same:
            return same[-1]
    new_only = rules.last_in("ZH_NEW_CASES", norm[own : f["start"]]) is not None
    difference = None  # '结案数增加12.6万件，上升18.32%' with no level stated: the change is of the difference
    for j in range(i - 1, -1, -1):
        g = facts[j]
        if g["end"] <= prev:
            return difference
        if g["kind"] in AMOUNTS and _aside(norm, g, f["start"]):
            continue
        if g["kind"] == "count" and _prior_count(norm, g, rules):
            # '受理1200件，去年同期为1000件，同比上升20%': the year before's clause passed over, the one before it read
            start = clause_start(norm, g["start"])
            if start <= prev and start > 0 and norm[start - 1] not in SENTENCE_END:
                prev = clause_start(norm, start - 1)
            continue  # '…8412起，比去年同期的10355起减少1943起，同比下降18.76%': last year's count is the base
        if g["kind"] in AMOUNTS and new_only and re.match(r"\s*[(（]含旧存", norm[g["end"] + 1 :]):
            return None  # '收案3100件(含旧存204件)，新收案件同比增加163%': a change of the new cases, not given
        if g["kind"] in AMOUNTS:
            if g["start"] < own and f.get("role") == "change" and _own_subject(norm, f, own, rules):
                return None  # '查扣车辆1.6万辆，治安警情同比下降9.4%': the change has a subject of its own, no figure
            if g["kind"] == "count" and g.get("difference"):
                verb = _verb(action_of(norm, facts, j), rules)
                if verb:  # '结案894件…。与上年同比，…结案增加34件，上升3.95%': the level of the same action
                    return _same_verb_level(norm, facts, j, verb, rules) or _difference_of(g, f)
                start = clause_start(norm, g["start"])
                prev = clause_start(norm, start - 1) if start > 0 and norm[start - 1] not in SENTENCE_END else start
                difference = difference or _difference_of(g, f)
                continue
            return g
        if g["kind"] in ("percentage", "multiplier"):
            # '撤诉率33.18%，同比提升4.07%', '执行到位比93.52%，同比提升1.76%': a change right after a named rate (or
            # a level, a share) with no count between is a change of that rate
            if f["kind"] == "percentage" and g["kind"] == "percentage" and g.get("role") in ("rate", "level", "share"):
                if not _bare_change(norm, f, own, rules):
                    return None
                if g.get("role") == "share" and g.get("of"):
                    # '调解纠纷2.3万件，占…的31%，同比增长18.5%': a change in per cent (not points) after a share of
                    # a figure is that figure's; a share moves in points
                    return next((h for h in facts[:j] if h["id"] == g["of"]), g)
                return g
            return None
    return difference


def _through_change(facts: list[dict], i: int, prev: int) -> dict | None:
    """'共立案近3千起，同比上升27.45%，占全部立案总数的18.62%': a share right after the clause of a change, with no
    figure of its own clause before it, is of the amount that change is of."""
    g = facts[i - 1]
    if g["kind"] != "percentage" or g.get("role") != "change" or not g.get("of") or g["start"] < prev:
        return None
    return next((x for x in facts[: i - 1] if x["id"] == g["of"] and x["kind"] in AMOUNTS), None)


RATE_CHANGE_RE = re.compile(r"([\u4e00-\u9fff]{1,3}率)[\u4e00-\u9fff]{1,6}$")  # '结案率上升', '结案率同比提高了'


def _same_rate(norm: str, facts: list[dict], i: int) -> dict | None:
    """'结案率达到87%，与上年同期对比，立案数下降14.6%，结案率上升4.3%': a change whose clause names a rate is of the
    rate of that name stated before it in the sentence."""
    f = facts[i]
    m = RATE_CHANGE_RE.search(norm[clause_start(norm, f["start"]) : f["start"]])
    if m is None:
        return None
    sent = clause_start(norm, f["start"], FULL_STOP)
    for g in reversed(facts[:i]):
        if g["start"] < sent:
            break
        named = m.group(1) in norm[max(sent, g["start"] - 8) : g["start"]]
        if g["kind"] == "percentage" and g.get("role") == "rate" and named:
            return g
    return None


def _clause_past_brackets(norm: str, at: int) -> int:
    """Where the clause holding `at` starts, a comma inside a bracket before it passed over: in '受理3881件（含执行
    1568件，与系统数据略有误差），同比下降8.64%' the clause before the change's runs from 受理."""
    start = clause_start(norm, at)
    close = max(norm.rfind("）", start, at), norm.rfind(")", start, at))
    if close < 0:
        return start
    held = bracket_at(norm, close)
    return clause_start(norm, held[0]) if held is not None and held[0] < start else start


def _bracket_owner(norm: str, facts: list[dict], i: int, rules: ZhRules) -> dict | None:
    """The count a bracket opens right after, when the change at `i` stands in it: '其他申请12件(遗失补办9件，更正
    登记3件，同比增长140%)' is a change of the 12, the counts before it in the bracket are its parts."""
    held = bracket_at(norm, facts[i]["start"])
    if held is None:
        return None
    before = [g for g in facts[:i] if g["kind"] in AMOUNTS and g["end"] <= held[0]]
    if not before or not any(g["kind"] in AMOUNTS and held[0] < g["start"] for g in facts[:i]):
        return None  # nothing between the bracket and the change: the clause rules read it as ever
    g = before[-1]
    measure = rules.starting("ZH_MEASURE", norm, g["end"])
    gap = norm[g["end"] + (len(measure.text) if measure else 0) : held[0]]
    return g if g["kind"] == "count" and not gap.strip() else None


def _number_noun(pre: str, rules: ZhRules) -> str | None:
    """The unit root (case, person) a clause's 案件数 / 人数 names, the last such noun in `pre`; None without one."""
    found = rules.last_in("ZH_NUMBER_NOUN", pre)
    return found[1].attrs["unit"] if found is not None else None


def _prior_count(norm: str, g: dict, rules: ZhRules) -> bool:
    """True when count g is the year before's: named so right before it ('比去年同期的10355起', '上年同期为655件'), or
    the second of a pair whose first is ('上年同期为655件1021人': the 1021 too; `_mark_priors` reads pairs once)."""
    return bool(g.get("_prior")) or rules.ending("ZH_PRIOR_PERIOD", norm, g["start"]) is not None


COMPARED_RE = re.compile(r"(?:较|比|相比|对比|低于|高于)[^，,。；;、]{0,10}的$")


def _compared_against(norm: str, g: dict) -> bool:
    """True when count g is what another figure is compared with ('较2016年的43人', '比去年全年的120件')."""
    return bool(COMPARED_RE.search(norm[clause_start(norm, g["start"]) : g["start"]]))


def _mark_priors(norm: str, facts: list[dict], rules: ZhRules) -> None:
    """Mark the year before's counts (`_prior`, dropped when linking ends) in one pass, a pair's second too."""
    last = None
    for f in facts:
        if f["kind"] != "count":
            continue
        named = rules.ending("ZH_PRIOR_PERIOD", norm, f["start"]) is not None
        if named or (last is not None and last.get("_prior") and _is_pair(norm, last, f, rules)):
            f["_prior"] = True
        last = f


def _difference_of(g: dict, f: dict) -> dict | None:
    """Difference count g as the figure change f qualifies, when f is a percentage change the same way."""
    same = f["kind"] == "percentage" and f.get("role") == "change" and not f.get("points")
    return g if same and f.get("direction") == g.get("difference") else None


def _subject_words(norm: str, f: dict, own: int, rules: ZhRules) -> str:
    """The words of change f's clause before it once its comparison, change and approximation words are gone."""
    rest = norm[own : f["start"]].strip(" ，,、\u3000")
    for label in ("ZH_BASIS", "ZH_CHANGE", "ZH_APPROX"):
        for w in rules.of(label):
            rest = rest.replace(w.text, "")
    return rest.strip("了分别均为达到的 ")


def _bare_change(norm: str, f: dict, own: int, rules: ZhRules) -> bool:
    """True when the clause of change f names nothing but the change ('，同比提升4.07%', '，比上年下降2%')."""
    return not _subject_words(norm, f, own, rules)


def _own_subject(norm: str, f: dict, own: int, rules: ZhRules) -> bool:
    """True when change f's clause names a subject that is no count ('，治安警情同比下降9.4%', '群众投诉下降5%'):
    neither a number word (数, 量, 额) nor an action a count was stated for ('，结案同比上升3%')."""
    rest = _subject_words(norm, f, own, rules)
    if len(rest) < 2 or not all("\u4e00" <= c <= "\u9fff" for c in rest):
        return False
    return not any(c in rest for c in "数量额") and rules.last_in("ZH_ACTION", rest) is None


def _named_back(norm: str, facts: list[dict], i: int, rules: ZhRules) -> dict | None:
    """'…受理案件52万件，审结41万件，未结案件11万件。与去年同期相比，收案数量上升8%，审结上升6%，未结案件上升15%':
    a change with no figure in its sentence before it, whose clause names a count of the sentence or two before
    by its words (未结案件) or by its action (收案: 受理; not 未结 for 结案), qualifies that count."""
    f = facts[i]
    own = clause_start(norm, f["start"])
    sent = clause_start(norm, f["start"], FULL_STOP)
    for j in range(i - 1, -1, -1):  # facts are in text order: only its sentence is read
        if facts[j]["start"] < sent:
            break
        if facts[j]["kind"] in AMOUNTS:
            return None
    subject = _subject_words(norm, f, own, rules).rstrip("数量总")
    if len(subject) < 2:
        return None
    scope = _sentence_before(norm, _sentence_before(norm, sent)) if sent > 0 else sent
    counts = [
        (j, g)
        for j, g in enumerate(facts[:i])
        if g["kind"] == "count" and scope <= g["start"] < sent and not is_difference(norm, g, rules)
    ]
    worded = [g for j, g in counts if len(w := action_of(norm, facts, j, rules)) >= 2 and w.endswith(subject)]
    if worded:
        return worded[-1]
    verb = _verb(subject, rules)
    if verb is None or _negated(subject, rules):
        return None
    acting = [
        g
        for j, g in counts
        if _verb(w := action_of(norm, facts, j, rules), rules) == verb and not _negated(w, rules)
    ]
    return acting[-1] if acting else None


def _negated(words: str, rules: ZhRules) -> bool:
    """True when the last action word of `words` follows 未 or 不 ('未结案件', '不批准逮捕')."""
    found = rules.last_in("ZH_ACTION", words)
    return found is not None and found[0] > 0 and words[found[0] - 1] in "未不"


def _level_after(norm: str, facts: list[dict], i: int, rules: ZhRules) -> dict | None:
    """The amount a change or multiplier reaches, named right after it: '同比上升12.3%，达到3025件', '增长18.3%至
    7412件', '上升1.2倍，达86.3亿元' (the wording binds them, as 'grew 18.3% to 7,412' does)."""
    f = facts[i]
    if i + 1 >= len(facts) or (f["kind"] == "percentage" and f.get("role") != "change"):
        return None
    g = facts[i + 1]
    gap = norm[f["end"] : g["start"]].strip(" ，,\u3000")
    if g["kind"] not in AMOUNTS or not gap:
        return None
    word = rules.starting("ZH_LEVEL_AFTER", gap, 0)
    if word is None:
        return None
    rest = gap[len(word.text) :]
    return g if not rest or rest in {"了", "人民币"} else None


def _same_verb_level(norm: str, facts: list[dict], i: int, verb: str, rules: ZhRules) -> dict | None:
    """The last level count before fact i, in its sentence or the one before, whose action is `verb`."""
    sent = clause_start(norm, facts[i]["start"], FULL_STOP)
    scope = _sentence_before(norm, sent) if sent > 0 else sent
    for j in range(i - 1, -1, -1):
        g = facts[j]
        if g["start"] < scope:
            return None
        if (
            g["kind"] == "count"
            and not is_difference(norm, g, rules)
            and _verb(action_of(norm, facts, j), rules) == verb
        ):
            return g
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
                if quals and gap not in LIST_GAP and not _repeated_change(gap, rules):
                    break
                if not quals and any(ch in SENTENCE_END + "，," for ch in gap):
                    break
                if f["kind"] == "date" and not quals:
                    continue  # '分别较去年同期上升了12%、8%': the comparison's date before the list
                if f["kind"] not in ("percentage", "multiplier"):
                    break
                quals.append(f)
                last = f["end"]
            sent = clause_start(norm, at, SENTENCE_END)
            own = clause_start(norm, at)
            if len(quals) >= 2 and all(q.get("points") for q in quals) and any(
                w.text in norm[own:at] for w in rules.of("ZH_GROWTH_NOUN")
            ):
                # '同比分别上升6.4%、9.2%，增幅分别下降12个、2.5个百分点': the sizes of the changes before, in order
                changes = [
                    f
                    for f in facts
                    if sent <= f["start"] and f["end"] <= own and f["kind"] == "percentage"
                    and f.get("role") == "change" and not f.get("points")
                ]
                if len(changes) >= len(quals):
                    items = changes[-len(quals) :]
                    _add_list(relations, items, quals, True, cue.text, cue.id, "stated")
                    done.update(q["id"] for q in quals)
                    for item, q in zip(items, quals, strict=True):
                        _link_of(relations, q, item, cue.text, cue.id, "stated")
                    at = norm.find(cue.text, at + 1)
                    continue
            before = [
                f
                for f in facts
                if sent <= f["start"] and f["end"] <= at and f["kind"] in AMOUNTS and not _aside(norm, f, at)
                and not (f["kind"] == "count" and _prior_count(norm, f, rules))
            ]
            if len(before) < len(quals) and sent > 0 and norm[sent - 1] in "；;":
                # '观光5.8万人次；探亲2.5万人次；…；其他目的为1.6万人次，分别占…的47.2%、…': the items of a '；'
                # list, one to a group, back to the sentence's start
                wide = clause_start(norm, at, FULL_STOP)
                listed = [
                    f
                    for f in facts
                    if wide <= f["start"] and f["end"] <= at and f["kind"] in AMOUNTS and not _aside(norm, f, at)
                    and not (f["kind"] == "count" and _prior_count(norm, f, rules))
                ]
                if len(listed) == len(quals):
                    before, sent = listed, wide
            # fewer figures before than qualifiers (a weight no fact reads holds a place), and the clause names as
            # many things: the names are the items
            places = len(before) + len(_uncounted(norm, facts, sent, at, rules))
            named = 0 < places < len(quals) and _named_items(norm, facts, at, quals)
            if len(quals) >= 2 and (_named_rates(norm, at, quals) or named):
                done.update(q["id"] for q in quals)
                at = norm.find(cue.text, at + 1)
                continue
            # '缴获毒品12.1吨，查处吸毒人员…，分别增加…': a weight is no fact but holds its place in the list
            slots = sorted(
                [(f["start"], f) for f in before] + [(p, None) for p in _uncounted(norm, facts, sent, at, rules)],
                key=lambda x: x[0],
            )
            slots = slots[-len(quals) :] if quals else []
            items = [f for _, f in slots if f is not None]
            if len(quals) >= 2 and items:  # no figure before the cue: it pairs the qualifiers with named things
                aligned = len(slots) == len(quals)
                _add_list(relations, items, quals, aligned, cue.text, cue.id, "stated")
                done.update(q["id"] for q in quals)
                if aligned:
                    for (_, item), q in zip(slots, quals, strict=True):
                        if item is not None:
                            _link_of(relations, q, item, cue.text, cue.id, "stated")
            at = norm.find(cue.text, at + 1)


def _implicit_lists(norm: str, facts: list[dict], rules: ZhRules, relations: list[dict], done: set[str]) -> None:
    """'受理3.26万件，审结3.18万件，结案标的额86亿元，同比上升12.4%、9.7%和6.1%': a list of changes (or shares)
    after as many figures in its sentence pairs with them in order, as 分别 would say; 'cued' when the sentence
    holds exactly as many figures before the list, else 'inferred' with the last of them."""
    i = 0
    while i < len(facts):
        f = facts[i]
        if f["id"] in done or f["kind"] != "percentage" or f.get("role") not in ("change", "share"):
            i += 1
            continue
        group = [f]
        j = i + 1
        while j < len(facts) and facts[j]["kind"] == "percentage" and facts[j].get("role") == f.get("role"):
            gap = norm[group[-1]["end"] : facts[j]["start"]]
            if gap not in LIST_GAP and not _repeated_change(gap, rules):
                break
            group.append(facts[j])
            j += 1
        i = j
        if len(group) < 2 or any(g["id"] in done for g in group):
            continue
        sent = clause_start(norm, f["start"], SENTENCE_END)
        # '批准逮捕15830人，同比上升9.4%，审结涉黑案件413件2960人，同比上升11.2%和8.5%': the figures after the
        # sentence's last qualifier before the list (the ones before it have their own)
        sent = max(
            [sent]
            + [h["end"] for h in facts if h["kind"] in ("percentage", "multiplier") and sent <= h["start"] < f["start"]]
        )
        amounts = [
            g
            for g in facts
            if g["kind"] in AMOUNTS
            and sent <= g["start"]
            and g["end"] <= f["start"]
            and not _aside(norm, g, f["start"])
        ]
        if len(amounts) < len(group):
            continue  # fewer figures than changes: no list to pair
        items = amounts[-len(group) :]
        confidence = "cued" if len(amounts) == len(group) else "inferred"
        _add_list(relations, items, group, True, None, None, confidence)
        for item, q in zip(items, group, strict=True):
            done.add(q["id"])
            _link_of(relations, q, item, "in order", q.get("pattern_id"), confidence)


def _add_list(relations: list[dict], items: list[dict], quals: list[dict], aligned: bool, cue, pattern_id, confidence):
    """Record a 分别 list (or one its wording implies): its items, its qualifiers and whether they line up."""
    relations.append(
        {
            "type": "respectively",
            "items": [g["id"] for g in items],
            "qualifiers": [q["id"] for q in quals],
            "aligned": aligned,
            "cue": cue,
            "pattern_id": pattern_id,
            "confidence": confidence,
        }
    )


def _link_of(relations: list[dict], q: dict, target: dict, cue, pattern_id, confidence: str) -> None:
    """Set qualifier q's `of` to `target` and record the link with its evidence."""
    q["of"] = target["id"]
    relations.append(
        {
            "type": "link",
            "role": "of",
            "source": q["id"],
            "target": target["id"],
            "cue": cue,
            "pattern_id": pattern_id,
            "confidence": confidence,
        }
    )


def _repeated_change(gap: str, rules: ZhRules) -> bool:
    """'分别下降12.5%和下降10%', '上升8%、下降3%': a list joiner with the change word repeated after it."""
    for joiner in sorted(LIST_GAP, key=len, reverse=True):
        if gap.startswith(joiner):
            word = rules.starting("ZH_CHANGE", gap, len(joiner))
            return word is not None and gap[len(joiner) + len(word.text) :] in ("", "了")
    return False


RATE_LIST_NAME_RE = re.compile(r"[\u4e00-\u9fff]{1,6}率$")


def _named_rates(norm: str, at: int, quals: list[dict]) -> bool:
    """'不捕率、不诉率、附条件不起诉率分别为50.4%、39.1%、29.7%': the names before 分别 are the rates, in order;
    each percentage becomes the rate it names, paired with no count. False when the clause names no such list."""
    names = re.split(r"[、和及与]", norm[clause_start(norm, at) : at].strip())
    if len(names) != len(quals) or any(q["kind"] != "percentage" or q.get("points") for q in quals):
        return False
    if any(q.get("role") == "change" for q in quals):
        return False  # '结案率和调撤率分别提高2.1%和3.4%': changes of the rates, not the rates
    found = [RATE_LIST_NAME_RE.search(n.strip()) for n in names]
    if not all(found):
        return False
    for q, m in zip(quals, found, strict=True):
        q.update(role="rate", rate_name=m.group())
    return True


def _named_items(norm: str, facts: list[dict], at: int, quals: list[dict]) -> bool:
    """'在五个地市开展…，集资诈骗罪、非法吸收公众存款罪案件一审收案同比分别增长76%、31.42%': the clause before 分别
    names as many things as there are qualifiers, with no figure in it (the caller asks only when the sentence holds
    fewer figures than qualifiers): the list pairs them with those names; True (no link is made) then."""
    start = clause_start(norm, at)
    if any(start <= f["start"] < at for f in facts):
        return False
    names = [n for n in re.split(r"[、和及与]", norm[start:at].strip(OPENING_JUNK)) if n]
    return len(names) == len(quals) and all(not any(ch.isdigit() for ch in n) for n in names)


UNCOUNTED_NUMBER_RE = re.compile(r"(?:\d[\d,.]*|[零〇一二两三四五六七八九十百千]+)[万亿]*[余多]?")


def _uncounted(norm: str, facts: list[dict], start: int, end: int, rules: ZhRules) -> list[int]:
    """Where, in [start, end), a number with a measure no fact reads stands ('12.1吨', '300多公斤')."""
    covered = [(f["start"], f["end"]) for f in facts if f["start"] < end and f["end"] > start]
    out = []
    for m in UNCOUNTED_NUMBER_RE.finditer(norm, start, end):
        if any(s < m.end() and m.start() < e for s, e in covered):
            continue
        if rules.starting("ZH_UNCOUNTED", norm, m.end()) and not rules.ending("ZH_NOT_BEFORE", norm, m.start()):
            out.append(m.start())
    return out


BRACKETS = {"(": ")", "（": "）"}
OPENING_JUNK = " ，,:：\u3000"
# a clause that opens with a number of units ('3个县法院', '5家企业'): what it says of a figure with a bar
ENTITY_COUNT_RE = re.compile(r"[\d一二两三四五六七八九十]+(?:个|家|所|省|市|区|县|地)")


def _cues(norm: str, rules: ZhRules) -> list[tuple[int, int, str]]:
    """Every part cue (start, end, row id) in text order; a cue inside one found before it ('其中有') is dropped."""
    found = []
    for cue in rules.of("ZH_PART_CUE"):
        at = norm.find(cue.text)
        while at >= 0:
            found.append((at, at + len(cue.text), cue.id))
            at = norm.find(cue.text, at + 1)
    for rx, row in rules.regexes.get("ZH_PART_CUE", []):
        found.extend((m.start(), m.end(), row.id) for m in rx.finditer(norm))
    negated = []
    for word in rules.of("ZH_NOT_PART"):
        at = norm.find(word.text)
        while at >= 0:
            negated.append((at, at + len(word.text)))
            at = norm.find(word.text, at + 1)
    # '(不包括旧存案件410件)': 包括 inside 不包括 is no cue
    found = [c for c in found if not any(s < c[1] and c[0] < e for s, e in negated)]
    found.sort(key=lambda c: (c[0], -c[1]))
    out: list[tuple[int, int, str]] = []
    for c in found:
        if out and c[0] < out[-1][1]:
            continue
        out.append(c)
    return out


def is_threshold(norm: str, fact: dict, rules: ZhRules) -> bool:
    """'造成死亡1人以上、经济损失10万元以上的重特大案件16件': a count with 以上/以下 before 的 or 、 is a bar
    the counted things pass, not a number of them; so is one after 均/各 ('4省法院新收案数均超25万件')."""
    at = fact["start"]
    bound = None
    for approx in rules.of("ZH_APPROX"):
        if approx.attrs["where"] in ("before", "before_scale") and norm.startswith(approx.text, at - len(approx.text)):
            at -= len(approx.text)
            bound = approx
            break
    if bound is not None and bound.attrs["approx"] == "more_than":
        # '3个县法院新收案数超过1万件', '甲、乙2省…超过40万件': a bar passed by each of a number of units its clause
        # names before it
        if ENTITY_COUNT_RE.search(norm[clause_start(norm, fact["start"]) : at]):
            return True
    verb = rules.ending("ZH_ACTION", norm, at)  # '两地各破获30起以上'
    if verb:
        at -= len(verb.text)
    for word in ("为", "达", "在", "有"):
        if norm.startswith(word, at - 1) and rules.ending("ZH_EACH", norm, at - 1):
            at -= 1
            break
    if rules.ending("ZH_EACH", norm, at):
        return True
    at = fact["end"]
    measure = rules.starting("ZH_MEASURE", norm, at)
    if measure:
        at += len(measure.text)
    after = rules.starting("ZH_APPROX", norm, at)
    if after is None or after.attrs["where"] != "after":
        return False
    return norm[at + len(after.text) : at + len(after.text) + 1] in ("的", "、")


def _other_stage(a: str, b: str, rules: ZhRules) -> bool:
    """True when one of two action words receives cases and the other concludes them (受理 and 审结): counts of
    two stages of the same cases, neither a part of the other."""
    received = {w.text for w in rules.of("ZH_RECEIVED_VERB")}
    concluded = {w.text for w in rules.of("ZH_CONCLUDED_VERB")}
    return (a in received and b in concluded) or (a in concluded and b in received)


def _verb(action: str, rules: ZhRules) -> str | None:
    """The last action word of `action`, as the word it is read as (受案: 受理); of two that overlap the first
    ('审结案件': 审结, not 结案)."""
    found = rules.last_in("ZH_ACTION", action)
    if found is None:
        return None
    at, word = found
    for other in rules.of("ZH_ACTION"):
        j = action.find(other.text, max(0, at - len(other.text) + 1), at + len(other.text) - 1)
        if 0 <= j < at:
            word = other
            break
    return word.attrs.get("same_as") or word.text  # '受案增加167件' is an action of 受理


def _sentence_before(norm: str, start: int) -> int:
    """The start of the sentence before the one starting at `start` (blank lines between them skipped)."""
    i = start - 1
    while i >= 0 and (norm[i].isspace() or norm[i] in SENTENCE_END):
        i -= 1
    if i < 0:
        return start
    # a '；' inside a bracket ('处分286人(其中党纪处分275人;政务处分23人)') ends no sentence
    depth = 0
    while i >= 0 and (depth or norm[i] not in SENTENCE_END):
        if norm[i] in ")）":
            depth += 1
        elif norm[i] in "(（" and depth:
            depth -= 1
        elif norm[i] in FULL_STOP:
            break
        i -= 1
    return i + 1


def _caseload_parts(norm: str, facts: list[dict], relations: list[dict], rules: ZhRules) -> None:
    """'共受理各类案件3881件；其中旧存1304件，…；新收2577件，…': a part that is the caseload carried over (旧存) or
    newly received (新收), and a count of the other kind after it in its sentence, past a '；', are the two parts
    of the whole: the second is a part too, as firm as the first. (No sum: the annotations read the pair as parts
    only, and some statistics count 受理 otherwise.)"""
    words = rules.of("ZH_CASELOAD")
    if not words:
        return
    by_id = {f["id"]: f for f in facts}
    whole_of = {r["part"]: r for r in relations if r["type"] == "part_of"}

    def kind(j: int) -> str | None:
        said = action_of(norm, facts, j, rules)
        return next((w.attrs["part"] for w in words if w.text in said), None)

    for j, f in enumerate(facts):
        rel = whole_of.get(f["id"])
        first = kind(j) if rel is not None and f["kind"] == "count" else None
        if first is None:
            continue
        end = norm.find("。", f["end"])
        end = len(norm) if end < 0 else end
        other = next(
            (
                g
                # the facts of the rest of the sentence only (bisected: a long text without stops was quadratic)
                for k, g in enumerate(facts[j + 1 : bisect.bisect_left(facts, end, key=_start)], j + 1)
                if g["kind"] == "count"
                and g.get("unit") == f.get("unit")
                and not g.get("difference")
                and not _prior_count(norm, g, rules)
                and kind(k) not in (None, first)
            ),
            None,
        )
        if other is None or other["id"] in whole_of:
            continue
        _add_part(relations, set(), other, by_id[rel["whole"]], rel["cue"], rel.get("pattern_id"))
        relations[-1]["confidence"] = rel["confidence"]
        whole_of[other["id"]] = relations[-1]


def _add_part(relations: list[dict], taken: set[str], part: dict, whole: dict, cue: str, pattern_id) -> None:
    if part["id"] in taken or part["id"] == whole["id"]:
        return
    taken.add(part["id"])
    if part.get("unit") is None:
        part["unit"] = whole.get("unit")
    relations.append(
        {
            "type": "part_of",
            "part": part["id"],
            "whole": whole["id"],
            "cue": cue,
            "pattern_id": pattern_id,
            "confidence": "stated",
        }
    )


DEMONSTRATIVE_CUE_RE = re.compile(r"在?(?:上述|以上|这些|這些)")  # cues that refer back to what was said before
# a reporting clause that opens a sentence and says nothing itself: '据了解，在所查办的案件中，…'
REPORTING_LEAD_RE = re.compile(r"(?:另据|据|據|记者|記者|经统计|經統計|从|從)[^，,。；;]{0,30}[，,]$")
AMONG_RE = re.compile(r"[\u4e00-\u9fff]{1,8}?中[，,：:]")


def _counted_among(norm: str, facts: list[dict], rules: ZhRules, relations: list[dict], taken: set[str]) -> None:
    """'参与考核的20项指标中，17项位于标准区间之内，3项接近标准区间': a count with its measure word and noun before 中
    is the whole of the counts after it in its sentence that take the same measure word."""
    counts = [f for f in facts if f["kind"] == "count"]
    for k, f in enumerate(counts):
        measure = rules.starting("ZH_MEASURE", norm, f["end"])
        if measure is None:
            continue
        m = AMONG_RE.match(norm, f["end"] + len(measure.text))
        if m is None:
            continue
        stop = m.end()
        while stop < len(norm) and norm[stop] not in FULL_STOP:
            stop += 1
        for g in counts[k + 1 :]:
            if g["start"] >= stop:
                break
            if norm.startswith(measure.text, g["end"]):
                _add_part(relations, taken, g, f, norm[f["start"] : m.end() - 1], None)


def _bracketed(norm: str, facts: list[dict], rules: ZhRules, relations: list[dict], taken: set[str]) -> None:
    """'共受理各类案件1803件(旧存240件)', '结案440件…(调解结案211件，撤诉97件…)': the counts in brackets are
    parts of the last count before the bracket in its sentence."""
    for i, ch in enumerate(norm):
        close = BRACKETS.get(ch)
        if close is None:
            continue
        end = norm.find(close, i)
        if end < 0 or any(c in "。\n" for c in norm[i:end]):
            continue
        if rules.starting("ZH_NOT_PART", norm, i + 1):
            continue  # '(不含上年旧存28 802件)': left out of the count before, not a part of it
        if rules.ending("ZH_PRIOR_PERIOD", norm, i):
            continue  # '查处7起，比去年同期(15起)下降53.33%': the year before's figure, a base, no part
        sent = clause_start(norm, i, SENTENCE_END)
        before = [f for f in facts if f["kind"] == "count" and sent <= f["start"] and f["end"] <= i]
        before = [f for f in before if not is_difference(norm, f, rules) and not is_threshold(norm, f, rules)]
        inside = [f for f in facts if f["kind"] == "count" and i < f["start"] and f["end"] <= end]
        if not before:
            continue
        dated = [f["start"] for f in facts if f["kind"] == "date" and i < f["start"] and f["end"] <= end]
        if dated and not _says_included(norm, i + 1, rules):
            # '受理12 345件（上年10 206件）': a figure of another period in brackets is a comparison, not a part;
            # '（含上年积存85件）' says it is one
            inside = [p for p in inside if not any(d < p["start"] for d in dated)]
        for p in inside:
            if not is_difference(norm, p, rules) and not is_threshold(norm, p, rules):
                _add_part(relations, taken, p, before[-1], ch, None)


INCLUDED_WORDS = ("含", "包含")


def _says_included(norm: str, at: int, rules: ZhRules) -> bool:
    """True when the bracket text from `at` opens with 含/包含 or a part cue ('(含上年积存85件)', '(其中…)')."""
    return norm.startswith(INCLUDED_WORDS, at) or any(norm.startswith(c.text, at) for c in rules.of("ZH_PART_CUE"))


def _scope_end(norm: str, at: int, opening: bool, rules: ZhRules) -> int:
    """Where a breakdown from `at` ends: the full stop (opening a sentence) or the next '；' (mid-sentence), or
    before 此外/另有 after a clause break; a following sentence that opens with the word its parts open with
    ('运用第一种形态…；运用第二种形态…。运用第三种形态…') carries it on."""
    stops = FULL_STOP if opening else SENTENCE_END
    end = at
    while end < len(norm) and norm[end] not in stops:
        if norm[end] in "，,；;" and rules.starting("ZH_SCOPE_END", norm, end + 1):
            return end
        end += 1
    heads = [norm[k + 1 : k + 3] for k in range(at, end) if norm[k] in "；;"]
    first = norm[at:end].lstrip(OPENING_JUNK)
    for cue in rules.of("ZH_PART_CUE"):
        if first.startswith(cue.text):
            first = first[len(cue.text) :].lstrip(OPENING_JUNK)
            break
    prefix = first[:2]
    if len(prefix) == 2 and all("\u4e00" <= c <= "\u9fff" for c in prefix) and prefix in heads:
        while True:
            k = end
            while k < len(norm) and (norm[k].isspace() or norm[k] in FULL_STOP):
                k += 1
            if not norm.startswith(prefix, k):
                break
            end = k
            while end < len(norm) and norm[end] not in FULL_STOP:
                end += 1
    return end


def _parts(norm: str, facts: list[dict], rules: ZhRules, relations: list[dict], breakdown: dict[str, int]) -> None:
    """其中 (and 中有, 在这些案件中, 上述…中): the counts after it are parts of a count before it. Mid-sentence
    the cue reaches back within its sentence and on to the next '；'; opening a sentence ('。其中，', '上述案件中')
    it reaches into the sentence before (two back when that one holds only differences) and on to the full stop.
    A part takes the whole that names the same action ('受理…1803件' for '受理刑事案件68件', '结案894件' for
    '结案38件'); where the count before is one of a pair ('26件30人'), the one of its unit; a part with no unit
    takes the whole's. Counts in brackets after a count are its parts; thresholds ('1人以上的') are neither."""
    taken: set[str] = set()
    _bracketed(norm, facts, rules, relations, taken)
    _counted_among(norm, facts, rules, relations, taken)
    actions = {f["id"]: action_of(norm, facts, i, rules) for i, f in enumerate(facts)}
    named_cue = {row.id for _, row in rules.regexes.get("ZH_PART_CUE", []) if _names_an_action(row)}

    levels: dict[str, bool] = {}

    def level(f: dict) -> bool:
        # read once per figure: a long release has hundreds of cues, each filtering every figure
        found = levels.get(f["id"])
        if found is None:
            found = levels[f["id"]] = (
                f["kind"] == "count" and not is_difference(norm, f, rules) and not is_threshold(norm, f, rules)
            )
        return found

    def repeated(f: dict) -> bool:
        """'这140件加急申请': a count named again after a demonstrative, no new part."""
        return any(norm[: f["start"]].endswith(d.text) for d in rules.of("ZH_DEMONSTRATIVE"))

    def summed(f: dict) -> bool:
        """'…、民事案件100件，合计300件': the total of a list is no part of it."""
        clause = norm[clause_start(norm, f["start"]) : f["start"]]
        return any(
            clause.lstrip(OPENING_JUNK).startswith(c.text) and len(clause) <= len(c.text) + 2
            for c in rules.of("ZH_SUM_CUE")
        )

    part_of_total = {
        g["of"]
        for g in facts
        if g["kind"] == "percentage"
        and g.get("role") == "share"
        and g.get("of")
        and (words := _share_words(norm, g, rules))
        and rules.last_in("ZH_TOTAL_WORD", words[1])
    }
    plans = []
    for at, cue_end, cue_id in _cues(norm, rules):
        cue = norm[at:cue_end]
        sent = clause_start(norm, at, SENTENCE_END)
        opening = not norm[sent:at].strip(OPENING_JUNK)
        # read in place, no slice per cue: the lead-in's start past its junk, its last character past spaces
        lead = sent
        while lead < at and norm[lead] in OPENING_JUNK:
            lead += 1
        last = at - 1
        while last >= sent and norm[last].isspace():
            last -= 1
        comma_before = last >= sent and norm[last] in "，,"
        referring = DEMONSTRATIVE_CUE_RE.match(cue) or REPORTING_LEAD_RE.match(norm, lead, at)
        if not opening and comma_before and referring:
            # '记者从会上获悉，在上述案件中，…': a lead-in clause with no figure before a cue that refers back
            # leaves the cue opening its sentence
            # bisected: a text without stops holds thousands of cues and figures
            lead_facts = facts[bisect.bisect_left(facts, sent, key=_start) : bisect.bisect_left(facts, at, key=_start)]
            opening = not any(f["kind"] != "date" for f in lead_facts)
        listed = norm[cue_end : cue_end + 1] in (":", "：")  # '其中：A…；B…；其他…' runs to the full stop
        # '…78.9万件；其中省部级干部90人、…；…': opening a '；' group it reaches back, and on as mid-sentence
        grouped = opening and sent > 0 and norm[sent - 1] in "；;"
        end = _scope_end(norm, cue_end, (opening and not grouped) or listed, rules)
        scope = sent
        if opening and sent > 0:
            scope = _sentence_before(norm, sent)
            counts = [f for f in facts if f["kind"] == "count" and scope <= f["start"] and f["end"] <= sent]
            # two back past a sentence of differences only ('…同比减少72起…。其中，'), not past one with no count
            # at all ('…严肃查办…职务犯罪案件。其中立案侦查…4414人': its whole is unstated)
            if (counts and not any(level(f) for f in counts)) or cue_id in named_cue:
                scope = _sentence_before(norm, scope)  # a cue naming its action finds that action's count
            if not grouped:
                # '受理…86.4万件，…；结案79.1万件，…。其中，…受理…64.9万件，…结案57.6万件': the sentence before
                # runs back to its full stop, over its '；' clauses, so each part finds the whole of its action
                while scope > 0 and norm[:scope].rstrip()[-1:] in ("；", ";"):
                    scope = _sentence_before(norm, scope)
        held = bracket_at(norm, at)
        if held is not None:
            # '车辆申请32件(包括临时牌照申请，同比下降5.88%)，其他申请12件…': a cue inside a bracket reaches no
            # further than the bracket, its whole inside it too (counts in a bracket after a count are that
            # count's parts already), and the list outside goes on to its own cue's whole
            scope, end = max(scope, held[0]), min(end, held[1])
        near_facts = facts[bisect.bisect_left(facts, scope, key=_start) : bisect.bisect_left(facts, end, key=_start)]
        wholes = [
            f for f in near_facts if scope <= f["start"] and f["end"] <= at and level(f) and not _aside(norm, f, at)
        ]
        if opening and not grouped:
            # '业务范围外举报36件，占总数的30%。从举报方式来看，来信24件，…': a count given as a share of a total is
            # itself a part; the breakdown after it is of that unstated total, not of it
            wholes = [w for w in wholes if w["id"] not in part_of_total]
        parts = [f for f in near_facts if cue_end <= f["start"] and f["end"] <= end and level(f)]
        if not ((opening and not grouped) or listed):
            end = _parallel_end(norm, facts, parts, end, rules, level)
            parts = [f for f in facts if level(f) and cue_end <= f["start"] and f["end"] <= end]
        # '…，整体被捕数目较2016年的43人为低': a count compared against is a baseline, never a part
        parts = [
            f
            for f in parts
            if not summed(f) and not repeated(f) and not _compared_against(norm, f) and not _prior_count(norm, f, rules)
        ]
        if cue_id in named_cue:
            # '已立案侦办案件中，…': the whole is the count of the action the cue names; none named, no whole
            verb = _verb(cue, rules)
            negated = _negated(cue, rules)  # '在已执结案件中' is no breakdown of '未结案件19万件'
            noun = cue.rstrip("中")[-2:]
            wholes = [
                w
                for w in wholes
                if (verb and _verb(actions[w["id"]], rules) == verb and _negated(actions[w["id"]], rules) == negated)
                # '…12.3万人次旅客出境。出境旅客中，观光…': no action named, the whole says the cue's noun
                or (not verb and noun in norm[clause_start(norm, w["start"]) : w["end"] + 6])
            ]
            if not wholes and verb:
                wholes = _named_further_back(norm, facts, at, cue, actions, rules, level)
        inside = norm.find("在内", cue_end, end)
        near = _sentence_before(norm, sent) if opening and sent > 0 else None
        plans.append((at, cue, cue_id, wholes, parts, inside, near))
    # a part in the reach of two cues is the later one's ('…的案件中，…案件共16起，其中有8起…': 8 of the 16)
    owner: dict[str, int] = {}
    for at, _cue, _id, wholes, parts, inside, _near in plans:
        if wholes or inside >= 0:
            owner.update((p["id"], at) for p in parts)
    by_id = {f["id"]: f for f in facts}
    shares_of = {f["of"]: f for f in facts if f["kind"] == "percentage" and f.get("role") == "share" and f.get("of")}
    for at, cue, cue_id, wholes, parts, inside, near in plans:
        parts = [p for p in parts if owner.get(p["id"]) == at]
        # '来信206件，…；来访50件，…。从举报类型分析，…': the sentence before holds only parts of one whole: its
        # whole is this breakdown's too
        last = [w for w in wholes if w["start"] >= near] if near is not None else []
        prior = {r["whole"] for r in relations if r["type"] == "part_of" and r["part"] in {w["id"] for w in last}}
        if last and all(w["id"] in taken for w in last) and len(prior) == 1:
            wholes = [by_id[prior.pop()]]
        if inside >= 0:  # '包括12名外籍人员在内的犯罪嫌疑人86名': the parts before 在内, the whole after it
            after = [f for f in parts if f["start"] > inside]
            for p in (f for f in parts if f["end"] <= inside):
                if after:
                    _add_part(relations, taken, p, after[0], cue, cue_id)
            continue
        if not wholes:
            continue
        pair = [wholes[-1]]
        if len(wholes) > 1 and wholes[-2]["end"] == wholes[-1]["start"] - 1:
            pair.insert(0, wholes[-2])  # '26件30人': the number, its measure word, the next number
        whole_verbs = {_verb(actions[w["id"]], rules) for w in wholes} - {None}
        whole_units = {w.get("unit") for w in wholes}
        first_verb = _verb(actions[parts[0]["id"]], rules) if parts else None
        for k, p in enumerate(parts):
            verb = _verb(actions[p["id"]], rules)
            last_item = rules.last_in("ZH_OTHER", actions[p["id"]]) is not None  # '其他方式结案的200件'
            # '…举报400件，占33.3%；…移送200件，占16.7%': items that each give a share are one breakdown
            shared = shares_of.get(p["id"]) and shares_of.get(parts[0]["id"])
            if (
                verb
                and whole_verbs
                and verb not in whole_verbs
                and any(_other_stage(verb, w, rules) for w in whole_verbs)
                and not last_item
                and not shared
                and any(_verb(actions[q["id"]], rules) in whole_verbs for q in parts[k + 1 :])
            ):
                # '三年共审结84万件，其中2020年受理31.2万件、审结29.7万件': a count of another action, beside the part
                # of the whole's own action, is no part of it
                continue
            if k and verb and whole_verbs and verb not in whole_verbs and verb != first_verb and not last_item:
                # '…侦办枪支走私案件65起，缴获枪支48支…；侦办文物走私案件37起': an aside of another action inside
                # the list, which the first action resumes after, is skipped; otherwise a new action ends it
                resumes = first_verb is not None and any(
                    _verb(actions[q["id"]], rules) == first_verb for q in parts[k + 1 :]
                )
                if resumes and p.get("unit") not in whole_units:
                    continue
                if not shared:
                    break  # '…其中部督案件13起、省督案件11起，抓获嫌疑人2130余人': a new action ends the breakdown
            same = [w for w in wholes if verb and _verb(actions[w["id"]], rules) == verb]
            # '全市法院共受理…642318件…；市中院共受理…15406件…。其中，2019年全市法院受理…158230件…；市中院受理…':
            # of the wholes of the action, the one whose group names the subject the part's group names
            own = _group_text(norm, p)
            named = [w for w in same if (subj := _group_subject(norm, facts, w, rules)) and subj in own]
            same = named or same
            unit = [w for w in wholes if w.get("unit") == p.get("unit")]
            # '受理提请起诉的…350件420人。其中决定起诉210件260人': of the wholes of the same action, the one of the
            # part's unit (a pair's case count for the case count)
            same = [w for w in same if w.get("unit") == p.get("unit")] or same
            whole = same[-1] if same else next((w for w in pair if w.get("unit") == p.get("unit")), None)
            # '破获…410起，抓获…520名。上述案件中，…90起': the nearest whole of the part's unit
            whole = whole or (unit[-1] if unit else pair[-1])
            crosses = _may_cross(p, whole) or _same_measure(norm, p, whole, rules)
            if whole.get("unit") != p.get("unit") and not crosses:
                continue  # '其中，19个省份…': provinces are no part of a count of cases or people
            _add_part(relations, taken, p, whole, cue, cue_id)
            breakdown.setdefault(p["id"], at)
    _accounts_for(norm, facts, rules, relations, taken, level)
    _fraction_of(norm, facts, rules, relations, taken, level)
    _money_parts(norm, facts, rules, relations, taken)


def _bracket_spans(norm: str) -> list[tuple[int, int]]:
    """The brackets of a text, (open, close), in order: each opening bracket with the next closing one of its kind
    before a full stop; what bracket_at finds for every position inside, read in one pass."""
    out: list[tuple[int, int]] = []
    i, n = 0, len(norm)
    while i < n:
        close = BRACKETS.get(norm[i])
        if close is not None:
            j = norm.find(close, i + 1)
            stop = min((k for k in (norm.find("。", i + 1), norm.find("\n", i + 1)) if k >= 0), default=n)
            if 0 <= j < stop:
                out.append((i, j))
                i = j
        i += 1
    return out


def _start(f: dict) -> int:
    return f["start"]


def _group_text(norm: str, f: dict) -> str:
    """The words of a figure's '；' group up to it."""
    return norm[clause_start(norm, f["start"], SENTENCE_END) : f["start"]]


def _group_subject(norm: str, facts: list[dict], f: dict, rules: ZhRules) -> str | None:
    """The subject of a figure's '；' group: the words of its clause before the action word of the group's first
    figure ('全市法院共受理案件642318件': 全市法院), of two characters or more; None when no action is named."""
    start = clause_start(norm, f["start"], SENTENCE_END)
    k = bisect.bisect_left(facts, start, key=_start)  # facts are in text order
    first = next((g for g in facts[k:] if g["kind"] == "count"), None)
    if first is None:
        return None
    words = norm[clause_start(norm, first["start"]) : first["start"]]
    found = rules.last_in("ZH_ACTION", words)
    if found is None:
        return None
    subject = words[: found[0]].strip(OPENING_JUNK)
    for total in rules.of("ZH_TOTAL_WORD"):  # '全市法院共受理': the subject without 共
        subject = subject.removesuffix(total.text)
    return subject if len(subject) >= 2 else None


def _named_further_back(norm: str, facts: list[dict], at: int, cue: str, actions: dict, rules: ZhRules, level):
    """'…共立案侦查…案件151350件…。[paragraphs]…立案侦查的案件中，群众举报48671件': a cue that names its action
    with no count of that action near it reaches back to the last count whose words hold the action as the cue
    names it (立案侦查, not 立案 alone), in the paragraphs before; none when no count has it."""
    found = rules.last_in("ZH_ACTION", cue)
    if found is None:
        return []
    named = cue[: found[0] + len(found[1].text)].lstrip("在从")
    if len(named) < 2:
        return []
    back: list[dict] = []
    # the longest end of the cue's words, down to the action itself, that some count's words hold ('在该区运用“四种
    # 形态”处理的人员中' reads back to '区纪委监委运用“四种形态”处理党员干部8640人')
    # (never the action alone when the cue qualifies it: '在依法依规处理的人员中' is no '处理…线索5200件')
    for k in range(max(len(named) - len(found[1].text), 1)):
        back = [f for f in facts if level(f) and f["end"] <= at and named[k:] in actions[f["id"]]]
        if back:
            break
    if len(back) > 1 and _is_pair(norm, back[-2], back[-1], rules):
        return back[-2:]  # '151350件198781人': the whole of a part's unit is chosen from the pair
    return back[-1:]


def _accounts_for(norm: str, facts: list[dict], rules: ZhRules, relations: list[dict], taken: set, level) -> None:
    """'共立案侦查职务犯罪案件320件，贪污贿赂案件占210件': a count right after 占 is a part of the last count of its
    unit before it in its sentence (none there, none; '第3季…就占47人，…超过第1至3季90人的半数' is _fraction_of's)."""
    for i, f in enumerate(facts):
        if not level(f) or f["id"] in taken:
            continue
        at = f["start"] - (1 if norm[f["start"] - 1 : f["start"]] == "了" else 0)
        share = rules.ending("ZH_SHARE", norm, at)
        if share is None:
            continue
        sent = clause_start(norm, f["start"], SENTENCE_END)
        for j in range(i - 1, -1, -1):
            g = facts[j]
            if g["start"] < sent:
                break
            if level(g) and g.get("unit") == f.get("unit") and not _aside(norm, g, f["start"]):
                _add_part(relations, taken, f, g, share.text, share.id)
                break


def _money_parts(norm: str, facts: list[dict], rules: ZhRules, relations: list, taken: set) -> None:
    """'共立案86起，案值21.45亿元。其中，…刑事立案12起，案值2.38亿元；…': the money right after a part, in its
    clause group, is a part of the money right after that part's whole, in the same currency; a threshold
    ('金额超过5万元的大案') is none."""
    whole_of = {r["part"]: r for r in relations if r["type"] == "part_of"}
    index = {f["id"]: k for k, f in enumerate(facts)}

    def money_after(f: dict) -> dict | None:
        k = index[f["id"]] + 1
        nxt = facts[k] if k < len(facts) else None
        if nxt is None or nxt["kind"] != "money":
            return None
        return nxt if clause_start(norm, nxt["start"], SENTENCE_END) <= f["start"] else None

    for part_id, rel in list(whole_of.items()):
        part, whole = facts[index[part_id]], facts[index[rel["whole"]]]
        if part["kind"] != "count":
            continue
        money, total = money_after(part), money_after(whole)
        if money is None or total is None or money["id"] in taken or money.get("currency") != total.get("currency"):
            continue
        if is_threshold(norm, money, rules):
            continue
        taken.add(money["id"])
        relations.append(
            {"type": "part_of", "part": money["id"], "whole": total["id"], "cue": rel["cue"],
             "pattern_id": rel["pattern_id"], "confidence": rel["confidence"]}
        )


def _fraction_of(norm: str, facts: list[dict], rules: ZhRules, relations: list[dict], taken: set, level) -> None:
    """'第3季…就占47人，不但超过第1至3季90人的半数': a count said to be more (or less) than a fraction of another
    (…的半数, 一半, 三分之一: ZH_FRACTION_OF) is a part of it, the nearest earlier count of its unit in the
    sentence; a cue, not a statement."""
    for w in rules.of("ZH_FRACTION_OF"):
        at = norm.find("的" + w.text)
        while at >= 0:
            measures = {m.text for m in rules.of("ZH_MEASURE")} | {""}
            whole = next(
                (f for f in facts if level(f) and 0 <= at - f["end"] <= 2 and norm[f["end"] : at].strip() in measures),
                None,
            )
            sent = clause_start(norm, at, FULL_STOP)
            part = None
            if whole is not None:
                part = next(
                    (
                        g
                        for g in reversed(facts)
                        if level(g) and sent <= g["start"] and g["end"] <= whole["start"]
                        and g.get("unit") == whole.get("unit") and g["id"] not in taken
                    ),
                    None,
                )
            if part is not None:
                taken.add(part["id"])
                relations.append(
                    {"type": "part_of", "part": part["id"], "whole": whole["id"], "cue": "的" + w.text,
                     "pattern_id": w.id, "confidence": "cued"}
                )
            at = norm.find("的" + w.text, at + 1)


# units a count of cases holds as its parts besides cases: people (立案78.9万件，其中省部级干部90人), and the
# procuratorate's acts on them (办结…案件3000余件，其中提出抗诉37件)
CASE_PART_UNITS = ("protest", "suggestion")


def _same_measure(norm: str, a: dict, b: dict, rules: ZhRules) -> bool:
    """Whether two counts share their measure word ('食品企业120户' and '违法主体4.6万户': 户 counts both, whatever
    noun glosses each)."""
    ma, mb = rules.starting("ZH_MEASURE", norm, a["end"]), rules.starting("ZH_MEASURE", norm, b["end"])
    return ma is not None and mb is not None and ma.text == mb.text


def _may_cross(part: dict, whole: dict) -> bool:
    """Whether a part of another unit than its whole can be one of it: a part with no unit, units of one class,
    or people and the procuratorate's acts inside a count of cases."""
    a, b = part.get("unit"), whole.get("unit")
    if not a or not b:
        return True
    units = bundled_units()
    if units.kin(a, b):
        return True
    return units.root(b) == "case" and (units.root(a) == "person" or a in CASE_PART_UNITS)


def _names_an_action(row) -> bool:
    """A part cue row whose cue text must name an action: '已立案侦办案件中'."""
    return bool(row.attrs.get("needs_action"))


def _parallel_end(norm: str, facts: list[dict], parts: list[dict], end: int, rules: ZhRules, level) -> int:
    """'其中刑事案件70多万件，占13.5%；民事案件438万多件，占84.6%；…': a breakdown mid-sentence goes on past
    '；' while each group is one count of the unit of the single part before it (or a pair of its pair's units,
    '其中调解49件60人；撤诉8件9人'), with a share when that one has one, and no other action unless each group
    gives a share (a breakdown by source: 举报…，占；移送…，占)."""
    paired = len(parts) == 2 and _is_pair(norm, parts[0], parts[1], rules)
    if not (len(parts) == 1 or paired) or end >= len(norm) or norm[end] not in "；;":
        return end
    first = parts[0]
    units = [p.get("unit") for p in parts]  # '其中调解49件60人；撤诉8件9人；…': a pair part, pairs of its units
    first_verb = _verb(action_of(norm, facts, facts.index(first), rules), rules)

    def shared(a: int, b: int) -> bool:
        return any(f["kind"] == "percentage" and f.get("role") == "share" and a <= f["start"] < b for f in facts)

    share = shared(first["end"], end)
    while end < len(norm) and norm[end] in "；;":
        nxt = end + 1
        if rules.starting("ZH_SCOPE_END", norm, nxt):
            break
        stop = nxt
        while stop < len(norm) and norm[stop] not in SENTENCE_END:
            stop += 1
        counts = [f for f in facts if level(f) and nxt <= f["start"] < stop]
        if [f.get("unit") for f in counts] != units or shared(nxt, stop) != share:
            break
        if paired and not _is_pair(norm, counts[0], counts[1], rules):
            break
        verb = _verb(action_of(norm, facts, facts.index(counts[0]), rules), rules)
        if verb and verb != first_verb and not share:
            break  # groups that each give a share are one breakdown whatever their verbs ('举报…；移送…；')
        end = stop
    return end


def _sums(norm: str, facts: list[dict], rules: ZhRules, relations: list[dict]) -> None:
    """Sums the wording says are complete: a breakdown whose last item is 其他 ('…乡科级干部8.4万人，一般干部9万人，
    其他人员47.6万人': the counts of its clause group, of the total before them), and a total after its parts
    ('…10件、…20件，共计30件')."""
    whole_of = {r["part"]: r["whole"] for r in relations if r["type"] == "part_of"}
    by_id = {f["id"]: f for f in facts}
    in_sum: set[str] = set()
    shared = {g["of"] for g in facts if g["kind"] == "percentage" and g.get("role") == "share" and g.get("of")}
    brackets = _bracket_spans(norm)
    opens = [a for a, _ in brackets]

    def in_bracket(at: int) -> bool:
        k = bisect.bisect_right(opens, at) - 1
        return k >= 0 and brackets[k][0] < at < brackets[k][1]

    levels: dict[str, bool] = {}

    def level(f: dict) -> bool:
        # read once per figure: a long release has hundreds of cues, each filtering every figure
        found = levels.get(f["id"])
        if found is None:
            found = levels[f["id"]] = (
                f["kind"] == "count" and not is_difference(norm, f, rules) and not is_threshold(norm, f, rules)
            )
        return found

    def add(parts: list[dict], total: dict, cue: str, pattern_id: str, confidence: str = "stated") -> None:
        in_sum.update(p["id"] for p in parts)
        relations.append(
            {
                "type": "sum",
                "parts": [p["id"] for p in parts],
                "total": total["id"],
                "cue": cue,
                "pattern_id": pattern_id,
                "confidence": confidence,
            }
        )

    for i, last in enumerate(facts):
        if not level(last) or last["id"] in in_sum:
            continue
        other = rules.last_in("ZH_OTHER", action_of(norm, facts, i))
        if other is None:
            continue
        group = clause_start(norm, last["start"], SENTENCE_END)
        whole = whole_of.get(last["id"])
        if whole is not None:
            # the items of one breakdown, whatever noun glosses each ('企业120户…，其他经营主体3.3万户')
            run = [f for f in facts[:i] if level(f) and group <= f["start"] and whole_of.get(f["id"]) == whole]
            # '…，其他申请12件(…)，窗口申请300件(…)。': the 其他 item need not be the last; the breakdown's items
            # after it in its clause group are in the sum too
            stop = next((k for k in range(last["end"], len(norm)) if norm[k] in SENTENCE_END), len(norm))
            after = [f for f in facts[i + 1 :] if level(f) and f["end"] <= stop and whole_of.get(f["id"]) == whole]
        else:
            run = [f for f in facts[:i] if level(f) and group <= f["start"] and f.get("unit") == last.get("unit")]
            after = []
        run = [f for f in run if f["id"] not in in_sum] + [last] + [f for f in after if f["id"] not in in_sum]
        if len(run) == 1:
            run, group = _semicolon_list(norm, facts, i, group, level)
        if len(run) < 2:
            continue
        wholes = {whole_of.get(f["id"]) for f in run}
        firm = "stated"
        if len(wholes) == 1 and None not in wholes:
            total = by_id[wholes.pop()]
        else:
            # no cue ties the list to a whole: the count before it is a guess ('办结446件…。以投诉类型分：…、其他
            # 类型7起、…' is a breakdown of the complaints, not of those concluded)
            firm = "inferred"
            sent = _sentence_before(norm, clause_start(norm, group, FULL_STOP))
            before = [
                f
                for f in facts
                if level(f)
                and sent <= f["start"]
                and f["end"] <= group
                and f["id"] not in whole_of
                and not in_bracket(f["start"])  # '(2020年全年受理503件、办结397件)': another period's
            ]
            same = [f for f in before if f.get("unit") == last.get("unit")]
            # '在结案中，维持的有658件，…其他方式处理的623件': a list naming its action sums to a count of it
            named = _verb(norm[clause_start(norm, group, FULL_STOP) : run[0]["start"]], rules)
            if named:
                same = [f for f in same if _verb(action_of(norm, facts, facts.index(f), rules), rules) == named]
                before = same
            if not before:
                continue
            total = (same or before)[-1]
            if total["id"] in shared and any(f["id"] in shared for f in run):
                # '…反映一般干部12件，占20%；反映事业单位6件，占10%，其它2件，占3%': a count given with its share like
                # the items is an item of the same list, whose total the text does not give
                continue
        if total["value"] is not None and total["id"] not in {f["id"] for f in run}:
            add(run, total, other[1].text, other[1].id, firm)

    _all_kinds(norm, facts, rules, relations, whole_of, add)
    _complements(norm, facts, rules, whole_of, in_sum, add)

    for cue in rules.of("ZH_SUM_CUE"):
        at = norm.find(cue.text)
        while at >= 0:
            after = [f for f in facts if f["start"] >= at + len(cue.text)]
            total = after[0] if after else None
            gap = norm[at + len(cue.text) : total["start"]] if total else ""
            if total is not None and level(total) and len(gap) <= 2 and not any(c in CLAUSE_BREAK for c in gap):
                sent = clause_start(norm, at, FULL_STOP)
                group = clause_start(norm, at, SENTENCE_END)
                if group > sent and norm[group:at].strip(OPENING_JUNK):
                    # '…移送案件27件；我市共有9个案例入选…': after a '；' and a subject of its own, a new statement
                    sent = group
                parts = [
                    f
                    for f in facts
                    if level(f) and sent <= f["start"] and f["end"] <= at and f.get("unit") == total.get("unit")
                ]
                # '受理案件500件，其中刑事案件200件、民事案件100件，合计300件': a whole of the parts is none
                wholes = set(whole_of.values())
                parts = [f for f in parts if f["id"] not in in_sum and f["id"] not in wholes]
                if len(parts) >= 2:
                    add(parts, total, cue.text, cue.id)
            at = norm.find(cue.text, at + 1)


def _semicolon_list(norm: str, facts: list[dict], i: int, group: int, level) -> tuple[list[dict], int]:
    """'A…53532件，占35.4%；B…14354件，占9.5%；其他来源34793件': a list of one count to a '；' group, read back
    from its 其他 item while each group before holds one count of its unit (after a 其中 that opens one, the
    counts after the cue); returns the items and where the list begins."""
    last = facts[i]
    run = [last]
    sent = clause_start(norm, last["start"], FULL_STOP)
    while group > sent:
        prev = clause_start(norm, group - 1, SENTENCE_END)
        counts = [f for f in facts if prev <= f["start"] < group - 1 and level(f)]
        cue = norm.find("其中", prev, group)
        opens = False
        if cue >= 0:
            # '…，其中：A…；B…' opens the list: its one count after the cue; '原告撤诉的864件，占27.5%，其中…761件、
            # …103件': the group's own item is its one count before the cue, those after it are its parts
            after = [f for f in counts if f["start"] > cue]
            opens = len(after) == 1
            counts = after if opens else [f for f in counts if f["start"] < cue]
        if len(counts) != 1 or counts[0].get("unit") != last.get("unit"):
            break
        run.insert(0, counts[0])
        group = cue if opens else prev
        if opens:
            break
    return run, group


def _complements(norm: str, facts: list[dict], rules: ZhRules, whole_of: dict, in_sum: set, add) -> None:
    """'…其中立案侦办涉税走私犯罪案件1787起，…立案侦办非涉税走私犯罪案件1335起': a whole's two parts, the
    second named as the first with 非 before it, are all of it."""
    by_id = {f["id"]: f for f in facts}
    index = {f["id"]: i for i, f in enumerate(facts)}
    groups: dict[str, list[dict]] = {}
    for part, whole in whole_of.items():
        groups.setdefault(whole, []).append(by_id[part])
    for whole_id, parts in groups.items():
        if len(parts) != 2 or any(p["id"] in in_sum for p in parts):
            continue
        a, b = sorted(parts, key=lambda f: index[f["id"]])
        if a.get("unit") != b.get("unit"):
            continue
        first = action_of(norm, facts, index[a["id"]], rules)
        second = action_of(norm, facts, index[b["id"]], rules)
        for word in rules.of("ZH_COMPLEMENT"):
            k = second.find(word.text)
            head, tail = second[:k], second[k + len(word.text) :].rstrip("占有为达共计")
            if k < 0 or len(tail) < 2 or not "\u4e00" <= tail[0] <= "\u9fff":
                continue
            j = first.find(tail)
            if j >= 0 and first[:j].endswith(head):
                add([a, b], by_id[whole_id], word.text, word.id)
                break


KINDS_RE = re.compile(r"([一二两三四五六七八九十])种")
ORDINAL_RE = re.compile(r"第([一二三四五六七八九十])种")


def _all_kinds(norm: str, facts: list[dict], rules: ZhRules, relations, whole_of: dict, add) -> None:
    """'运用“四种形态”…处理137.6万人次。其中，运用第一种形态…；…第四种形态…': parts that name each of the N kinds
    their whole's sentence announces, once each, add up to it."""
    digits = rules.digits()
    by_id = {f["id"]: f for f in facts}
    groups: dict[str, list[dict]] = {}
    for part, whole in whole_of.items():
        groups.setdefault(whole, []).append(by_id[part])
    index = {f["id"]: i for i, f in enumerate(facts)}
    for whole_id, parts in groups.items():
        whole = by_id[whole_id]
        sent = norm[clause_start(norm, whole["start"], FULL_STOP) : whole["start"]]
        m = KINDS_RE.search(sent)
        n = digits.get(m.group(1)) if m else None
        if not n or len(parts) != n:
            continue
        seen = []
        for p in parts:
            o = ORDINAL_RE.search(norm[clause_start(norm, p["start"]) : p["start"]])
            seen.append(digits.get(o.group(1)) if o else None)
        if sorted(x for x in seen if x) == list(range(1, n + 1)):
            parts.sort(key=lambda f: index[f["id"]])
            add(parts, whole, m.group(), None)
