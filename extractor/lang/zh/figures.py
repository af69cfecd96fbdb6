"""Counts, percentages, multipliers and money in Chinese text, read from the numeral tokens and the rule words
beside them (patterns/zh/units.jsonl, cues.jsonl); every fact's span is an exact slice of the original text."""

from __future__ import annotations

import re
from decimal import Decimal

from extractor.lang.zh.numerals import zh_number_value
from extractor.lang.zh.rules import Word, ZhRules
from extractor.lang.zh.tokenizer import MIXED_SCALES, ZH_NUMERAL_CHARS

CLAUSE_END = "，,；;。！？!?\n：:"
SENTENCE_END = "。；;！？!?\n"
NUMERAL_RE = re.compile(
    rf"^(?:{MIXED_SCALES}|\d[\d,.·．\u00a0\u2009\u202f ]*[{ZH_NUMERAL_CHARS}]*"
    rf"|[{ZH_NUMERAL_CHARS}]+(?:[点點][{ZH_NUMERAL_CHARS}]+)?)([余餘多]?)$"
)
SPACES = " \u00a0\u2009\u202f"
MID_APPROX_RE = re.compile(rf"^(\d[\d,.]*|[{ZH_NUMERAL_CHARS}]+)([余餘多])([万萬亿億]+)$")
DECIMAL_RE = re.compile(r"^\d+(?:,\d{3})*(?:\.\d+)?")


def clause_start(norm: str, at: int, stops: str = CLAUSE_END) -> int:
    """Where the clause holding position `at` begins."""
    i = at - 1
    while i >= 0 and norm[i] not in stops:
        i -= 1
    return i + 1


def _number(core: str, rules: ZhRules) -> Decimal | None:
    if "·" in core or "．" in core or core.count(".") > 1:
        return None  # a code (5·13) or a dateline, not an amount
    return zh_number_value(core, rules.digits(), rules.scales())


def _plain(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def find_figures(norm: str, tokens: list[tuple[int, int]], rules: ZhRules) -> list[dict]:
    """Draft facts (dicts in the record's shape, without ids) for the numeral tokens at `tokens` (start, end)."""
    out: list[dict] = []
    for s, e in tokens:
        tok = norm[s:e]
        m = NUMERAL_RE.match(tok)
        mid = None if m else MID_APPROX_RE.match(tok)
        if not m and not mid:
            continue
        if mid:
            # '1200余万元', '三千余万', '二十多亿': the approximation stands before the scale
            inside, core = mid.group(2), mid.group(1) + mid.group(3)
        else:
            inside = m.group(1)
            core = tok[: len(tok) - len(inside)] if inside else tok
        chinese = not core[0].isdigit()
        if chinese and core in ("一", "零", "〇"):
            continue  # 一起: a word, not a figure
        money_word = len(core) > 1 and rules.starting("ZH_CURRENCY", norm, e) is not None  # 百万元以上
        scale_only = chinese and all(ch in "百千万亿" for ch in core)
        if scale_only and not (inside or _approx_before(norm, s, rules, scale_only) or money_word):
            continue  # 万一, 百日, 千家万户: words; but 逾百万件, 近千人, 千余名, 百万元以上 are figures
        if rules.ending("ZH_NOT_BEFORE", norm, s):
            continue
        if norm[s - 1 : s] == "前" and norm[e : e + 1] in ("名", "位"):
            continue  # '前5名依序为…': a rank, no count
        if chinese and len(core) == 1 and not inside and _modifies_word(norm, e, rules):
            continue  # '落实三项措施', '五部门联合', '三次集中排查': a numeral in a phrase, no count
        if chinese and _in_quoted_name(norm, s, e):
            continue  # '“三个提升”', '“两个维护”': a slogan or category name, no count
        if _in_counted_slogan(norm, s, e):
            continue  # '“四个减少、两个99%”': every figure of a slogan counted by 个 is the slogan's
        if _quoted_title(norm, s, e, rules):
            continue  # '印发“10条措施”': the title of a set of measures, no count
        value = _number(core, rules)
        if value is None:
            continue
        fact = _figure(norm, s, e, value, rules)
        if fact is None:
            continue
        approx = None
        if inside:
            approx = next((w.attrs["approx"] for w in rules.of("ZH_APPROX") if w.text == inside), None)
        lead = s
        while lead > 0 and norm[lead - 1] in SPACES and s - lead < 2:
            lead -= 1  # '超过 360 万人': a space after the word, as some sites set it
        before = rules.ending("ZH_APPROX", norm, lead)
        if before and (before.attrs["where"] == "before" or (scale_only and before.attrs["where"] == "before_scale")):
            approx = approx or before.attrs["approx"]
        after = rules.starting("ZH_APPROX", norm, fact.pop("_after"))
        if after and after.attrs["where"] == "after":
            approx = approx or after.attrs["approx"]
        fact["approx"] = approx
        out.append(fact)
    _elliptical_units(norm, out)
    return out


def _elliptical_units(norm: str, facts: list[dict]) -> None:
    """'抓获犯罪嫌疑人2846名，已逮捕1937名': a count of 名 with no noun of its own counts what the count of 名 before
    it in its sentence counts (the noun left out, as the genre writes a run of acts on the same people)."""
    last: dict[str, dict] = {}
    sent = -1
    for f in facts:
        bare = f.pop("_bare", None)
        if f["kind"] != "count":
            continue
        start = clause_start(norm, f["start"], SENTENCE_END)
        if start != sent:
            last, sent = {}, start
        measure = norm[f["end"] : f["end"] + 1]
        if bare == "名" and measure == "名" and "名" in last:
            f["unit"] = last["名"]["unit"]
        elif bare is None and measure == "名":
            last["名"] = f


def _modifies_word(norm: str, e: int, rules: ZhRules) -> bool:
    """True when a measure of ZH_MODIFIER_MEASURE follows at `e` and a Chinese character (a word it modifies)
    follows the measure: '三项措施', not '约谈三次。'."""
    measure = rules.starting("ZH_MODIFIER_MEASURE", norm, e)
    if measure is None:
        return False
    nxt = norm[e + len(measure.text) : e + len(measure.text) + 1]
    return bool(nxt) and "\u4e00" <= nxt <= "\u9fff"


def _in_quoted_name(norm: str, s: int, e: int) -> bool:
    """True when a numeral in Chinese characters stands inside a short quoted phrase with no digit: '“三个提升”'."""
    opening = norm.rfind("“", max(0, s - 12), s + 1)
    if opening < 0 or "”" in norm[opening:s]:
        return False
    closing = norm.find("”", e, e + 16)  # '“两个持续下降、一个明显上升”': a slogan of two parts
    return closing > 0 and not any(ch.isdigit() for ch in norm[opening:closing])


SLOGAN_RE = re.compile(r"[一二三四五六七八九十两]个")


def _in_counted_slogan(norm: str, s: int, e: int) -> bool:
    """True when a figure stands inside a short quoted phrase built on a numeral and 个 ('“四个减少、两个99%”',
    '“三个不变”'): a slogan, its numbers part of the name."""
    opening = norm.rfind("“", max(0, s - 16), s + 1)
    if opening < 0 or "”" in norm[opening:s]:
        return False
    closing = norm.find("”", e, e + 16)
    return closing > 0 and SLOGAN_RE.search(norm, opening, closing) is not None


def _quoted_title(norm: str, s: int, e: int, rules: ZhRules) -> bool:
    """True when a numeral opens a short quoted title made of it, a measure word and a noun of up to four
    characters ('“10条措施”', '“十项举措”'): a document's name, not a count."""
    if s == 0 or norm[s - 1] not in "“「":
        return False
    measure = rules.starting("ZH_MEASURE", norm, e)
    if measure is None:
        return False
    rest = norm[e + len(measure.text) : e + len(measure.text) + 6]
    close = next((k for k, ch in enumerate(rest) if ch in "”」"), None)
    return close is not None and 1 <= close <= 4 and all("\u4e00" <= ch <= "\u9fff" for ch in rest[:close])


def _approx_before(norm: str, s: int, rules: ZhRules, scale_only: bool = False) -> bool:
    word = rules.ending("ZH_APPROX", norm, s)
    where = word.attrs["where"] if word is not None else None
    return where == "before" or (scale_only and where == "before_scale")


def _figure(norm: str, s: int, e: int, value: Decimal, rules: ZhRules) -> dict | None:
    prefix = rules.ending("ZH_PERCENT", norm, s)
    if prefix and prefix.attrs.get("prefix"):
        fact = _percentage(norm, s - len(prefix.text), e, value * Decimal(str(prefix.attrs["factor"])), None, rules)
        fact["pattern_id"] = fact["pattern_id"] or prefix.id
        return fact
    if rules.ending("ZH_PER_BASE", norm, s):
        return None  # '每十万人口盗窃案件发案数': the base of a rate, no count
    pct = rules.starting("ZH_PERCENT", norm, e)
    if pct and not pct.attrs.get("prefix"):
        if re.search(r"[万亿]", norm[s:e]):
            return None
        if pct.attrs.get("factor"):
            value = value * Decimal(str(pct.attrs["factor"]))
        return _percentage(norm, s, e, value, pct, rules)
    elided = ELIDED_POINTS_RE.match(norm, e)
    if elided:
        # '分别下降12个、2.5个百分点': an item of a list whose last item is in points is in points too
        fact = _percentage(norm, s, e, value, None, rules)
        fact["end"] = fact["_after"] = elided.end()
        fact["points"] = fact.get("role") == "change"
        return fact
    mult = rules.starting("ZH_MULTIPLIER", norm, e)
    if mult:
        end = e + len(mult.text)
        return {
            "kind": "multiplier",
            "start": s,
            "end": end,
            "value": _plain(value),
            "pattern_id": mult.id,
            "basis": _basis(norm, s, rules)["basis"],
            "_after": end,
        }
    cur = rules.starting("ZH_CURRENCY", norm, e)
    if cur:
        end = e + len(cur.text)
        if cur.text == "元" and norm.startswith("人民币", end):
            end += 3
        currency = cur.attrs["currency"]
        before = rules.ending("ZH_CURRENCY", norm, s)
        if cur.text == "元" and before is not None and before.text != "元":
            currency = before.attrs["currency"]  # '港币2000万元': the currency named before the figure
        return {
            "kind": "money",
            "start": s,
            "end": end,
            "value": _plain(value),
            "currency": currency,
            "pattern_id": cur.id,
            "_after": end,
        }
    at = e
    while at < len(norm) and norm[at] in SPACES and at - e < 2:
        at += 1  # '受理 345 件': a space before the measure word, as yearbooks and some sites set it
    measure = rules.starting("ZH_MEASURE", norm, at)
    if measure is None:
        # '涉案案值超35亿': an amount in 万/亿 after a word for a sum of money, its 元 left out (headlines)
        pre = norm[clause_start(norm, s) : s]
        approx = rules.ending("ZH_APPROX", pre, len(pre))
        pre = pre[: len(pre) - len(approx.text)] if approx is not None else pre
        pre = pre.rstrip(" 达为共计")
        money = rules.ending("ZH_MONEY_NOUN", pre, len(pre))
        if money is not None and re.search(r"[万亿]", norm[s:e]):
            return {
                "kind": "money",
                "start": s,
                "end": e,
                "value": _plain(value),
                "currency": "CNY",
                "pattern_id": money.id,
                "_after": e,
            }
        return None
    if value != value.to_integral_value() and not rules.last_in("ZH_AVERAGE_COUNT", norm[clause_start(norm, s) : s]):
        return None  # '人均办案86.5件': a decimal count is an average per head, else no count
    after = at + len(measure.text)
    if rules.starting("ZH_DURATION", norm, after):
        return None  # '为期6个月', '连续8年5个月': a duration
    unit = measure.attrs["unit"]
    noun = None
    if not measure.attrs.get("fixed"):
        # the noun right after the measure word ('法院208个集体'), else the one right before the number ('嫌疑人
        # 52名'), else one a few characters on ('43家中级法院')
        noun = (
            rules.starting("ZH_NOUN", norm, after)
            or rules.ending("ZH_NOUN", norm, s)
            or _noun_after(norm, after, rules)
        )
        if noun:
            unit = noun.attrs["unit"]
    return {
        "kind": "count",
        "start": s,
        "end": e,
        "value": _plain(value),
        "unit": unit,
        "pattern_id": measure.id,
        "_after": after,
        "_bare": measure.text if noun is None else None,
    }


def _noun_after(norm: str, at: int, rules: ZhRules):
    """A counted noun within ten characters after the measure word ('43家中级法院', '1个走私废旧电池犯罪团伙'),
    in the same clause."""
    for k in range(0, 11):
        if at + k >= len(norm) or norm[at + k] in CLAUSE_END + "、":
            return None
        noun = rules.starting("ZH_NOUN", norm, at + k)
        if noun:
            return noun
    return None


def _basis(norm: str, s: int, rules: ZhRules) -> dict:
    """The comparison the clause before a change names: 同比 (year on year), 环比, 比2018年 (a named year, with
    `basis_year`); else the one a clause with no percentage named before it in the sentence ('与上年同比，受案增加167
    件，上升10.21%，结案增加34件，上升3.95%': every change of the sentence; '同比减少72起，下降19.5%': the
    difference's).
    A 同比 inside another percentage's clause is that one's ('案件数同比增长31.6%，补缴税款增长18.4%': none)."""
    own = clause_start(norm, s)
    found = _basis_in(norm[own:s], rules)
    if found["basis"] != "none":
        return found
    sent = clause_start(norm, s, SENTENCE_END)
    for clause in reversed(re.split(r"[，,；;：:]", norm[sent:own])):
        if clause and not any(ch in "%％" for ch in clause) and "百分点" not in clause:
            named = _basis_in(clause, rules)
            if named["basis"] != "none":
                return named
    return found


def _basis_in(pre: str, rules: ZhRules) -> dict:
    found = rules.last_in("ZH_BASIS", pre)
    best = (found[0] + len(found[1].text), {"basis": found[1].attrs["basis"]}) if found else None
    for rx, row in rules.regexes.get("ZH_BASIS", []):
        for m in rx.finditer(pre):
            if best is None or m.end() > best[0]:
                year = {"basis_year": int(m.group(1))} if row.attrs["basis"] == "named_year" else {}
                best = (m.end(), {"basis": row.attrs["basis"], **year})
    return best[1] if best else {"basis": "none"}


ELIDED_POINTS_RE = re.compile(r"个?(?=(?:[、和及与][\d.]+个?)*[、和及与][\d.]+个?百分点)")
LIST_OF_FIGURES_RE = re.compile(r"[\d.%％、和及与,，\s]*")


def _reached(rest: str, rules: ZhRules) -> bool:
    """True when the words after a change word open with 到/至 (ZH_CHANGE_TO) and hold nothing after it but
    earlier figures of the same list ('到97.2%和'): the figure is a level reached."""
    word = next((w.text for w in rules.of("ZH_CHANGE_TO") if rest.startswith(w.text)), None)
    return word is not None and LIST_OF_FIGURES_RE.fullmatch(rest[len(word) :]) is not None


def _percentage(norm: str, s: int, e: int, value: Decimal, sign, rules: ZhRules) -> dict:
    """A percentage from `s` to the end of its sign (`sign` None: the sign came before the number)."""
    end = e + len(sign.text) if sign else e
    points = bool(sign and sign.attrs.get("points"))
    pre = norm[clause_start(norm, s) : s]
    fact = {
        "kind": "percentage",
        "start": s,
        "end": end,
        "value": _plain(value),
        "points": points,
        "pattern_id": sign.id if sign else None,
        "_after": end,
    }
    change = rules.last_in("ZH_CHANGE", pre)
    if change is None:
        # '不捕率为41.2%，比成年人犯罪案件不捕率高9.3个百分点': a gap to another rate, read as a change of points
        for rx, row in rules.regexes.get("ZH_CHANGE", []):
            m = rx.search(pre.rstrip(SPACES))
            if m:
                change = (m.start(), Word(m.group(), row.id, dict(row.attrs)))
                break
    if change and _reached(pre[change[0] + len(change[1].text) :].strip(SPACES).lstrip("了"), rules):
        change = None  # '调撤率提高到61.5%', '分别提高到97.2%和61.5%': the level it rose to, not the change
    share = rules.last_in("ZH_SHARE", pre)
    if change and not (share and share[0] > change[0]):
        fact.update(
            role="change", direction=change[1].attrs["direction"], pattern_id=change[1].id, **_basis(norm, s, rules)
        )
        if rules.last_in("ZH_AVERAGE", pre):
            fact["average"] = True  # '年均增长9.9%': over several years
        return fact
    if fact["points"]:
        fact["points"] = False
        # a figure in percentage points is a difference of rates, never a rate or a share of its own
        fact["role"] = "level"
        return fact
    if share:
        fact.update(role="share", pattern_id=share[1].id)
        return fact
    for rx, row in rules.regexes.get("ZH_RATE_WORD", []):
        m = rx.search(pre.rstrip(SPACES))  # '不起诉率 23.1%': a space before the number
        if m:
            name = m.group()
            cut = max(name.rfind("率"), name.rfind("比"))
            # '结案率均超过85%', '调撤率保持97%以上': the name ends at its 率 (or 比), the words after it go
            fact.update(role="rate", rate_name=name[: cut + 1] if cut >= 0 else name, pattern_id=row.id)
            return fact
    fact["role"] = "level"
    return fact
