"""Dates and periods in Chinese text (patterns/zh/dates.jsonl): each row's shape names its normaliser here."""

from __future__ import annotations

import datetime as dt
import re

from extractor.lang.zh.rules import ZhRules

CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _n(s: str) -> int:
    if s.isdigit():
        return int(s)
    if s in CN_DIGITS:
        return CN_DIGITS[s]
    if len(s) == 2 and s[0] == "十":
        return 10 + CN_DIGITS[s[1]]
    raise ValueError(s)


def _ok_month(*ms: int) -> bool:
    return all(1 <= m <= 12 for m in ms)


def normalise(shape: str, g: tuple[str, ...]) -> tuple[str, str] | None:
    """(value, granularity) for a match of `shape` with groups `g`, or None when the numbers are no date."""
    if shape == "rel":
        return "REL", "period"
    if shape in ("ymd", "dateline_iso"):
        y, m, d = int(g[0]), int(g[1]), int(g[2])
    elif shape == "dateline_dmy":
        d, m, y = int(g[0]), int(g[1]), int(g[2])
    if shape in ("ymd", "dateline_iso", "dateline_dmy"):
        try:
            return dt.date(y, m, d).isoformat(), "day"
        except ValueError:
            return None
    if shape in ("ymd_range", "ymd_ymd_range"):
        # '2016年3月1日至6月30日': one period within a year; '2025年6月27日至2025年9月24日': both days in full
        end = (g[0], g[3], g[4]) if shape == "ymd_range" else g[3:6]
        try:
            a = dt.date(int(g[0]), int(g[1]), int(g[2]))
            b = dt.date(*(int(x) for x in end))
        except ValueError:
            return None
        return (f"{a.isoformat()}/{b.isoformat()}", "period") if a < b else None
    if shape in ("md_range", "md_d_range"):  # '自3月5日起至6月30日', '3月5日至20日': one period, year unknown
        m1, d1 = int(g[0]), int(g[1])
        m2, d2 = (int(g[2]), int(g[3])) if shape == "md_range" else (m1, int(g[2]))
        try:
            a, b = dt.date(2000, m1, d1), dt.date(2000, m2, d2)  # a leap year: 2月29日 is a day
        except ValueError:
            return None
        return (f"XXXX-{m1:02d}-{d1:02d}/XXXX-{m2:02d}-{d2:02d}", "period") if a < b else None
    if shape == "ym":
        return (f"{int(g[0]):04d}-{int(g[1]):02d}", "month") if _ok_month(int(g[1])) else None
    if shape in ("ym_range", "y_m_range"):
        y, a, b = int(g[0]), int(g[1]), int(g[2])
        return (f"{y:04d}-{a:02d}/{y:04d}-{b:02d}", "period") if _ok_month(a, b) and a < b else None
    if shape == "ym_ym_range":  # '2018年11月至2019年4月': from a month of one year to a month of a later one
        y1, m1, y2, m2 = (int(x) for x in g[:4])
        ok = _ok_month(m1) and _ok_month(m2) and 1900 <= y1 <= 2100 and (y1, m1) < (y2, m2)
        return (f"{y1:04d}-{m1:02d}/{y2:04d}-{m2:02d}", "period") if ok else None
    if shape == "y_ym_range":  # '2013年至2022年9月': from a year to a month of a later one
        a, b, m = int(g[0]), int(g[1]), int(g[2])
        return (f"{a}/{b}-{m:02d}", "period") if 1900 <= a < b <= 2100 and _ok_month(m) else None
    if shape == "y_range":
        a, b = int(g[0]), int(g[1])
        return (f"{a}/{b}", "period") if 1900 <= a < b <= 2100 else None
    if shape == "quarter_range":
        a, b = _n(g[0]), _n(g[1])
        return (f"XXXX-{(a - 1) * 3 + 1:02d}/XXXX-{b * 3:02d}", "period") if a < b else None
    if shape == "m_range":
        a, b = int(g[0]), int(g[1])
        return (f"XXXX-{a:02d}/XXXX-{b:02d}", "period") if _ok_month(a, b) and a < b else None
    if shape in ("y_first_quarters", "first_quarters"):
        n = _n(g[-1])
        year = g[0] if shape == "y_first_quarters" else "XXXX"
        return (f"{year}-01/{year}-{n * 3:02d}", "period") if 1 < n <= 3 else None
    if shape == "m":
        m = int(g[0])
        return (f"XXXX-{m:02d}", "month") if _ok_month(m) else None
    if shape == "first_months":
        n = _n(g[0])
        return (f"XXXX-01/XXXX-{n:02d}", "period") if 1 < n <= 12 else None
    if shape == "y_edge_months":  # '2023年前4个月' (its first months), '2023年后9个月' (its last)
        y, n = int(g[0]), _n(g[2])
        if not (1900 <= y <= 2100 and 1 <= n < 12):
            return None
        first, last = (1, n) if g[1] == "前" else (13 - n, 12)
        return f"{y:04d}-{first:02d}/{y:04d}-{last:02d}", "period"
    if shape == "md":
        m, d = int(g[0]), int(g[1])
        return (f"XXXX-{m:02d}-{d:02d}", "day") if _ok_month(m) and 1 <= d <= 31 else None
    if shape == "d":
        d = int(g[0])
        return (f"XXXX-XX-{d:02d}", "day") if 1 <= d <= 31 else None
    if shape in ("y", "y_since", "y_same_period"):
        return (g[0], "year") if 1900 <= int(g[0]) <= 2100 else None
    if shape == "y_end":
        return f"{g[0]}-12", "month"
    if shape == "y_half":
        return f"{g[0]}-H{1 if g[1] == '上' else 2}", "half"
    # quarters as their months, as the Chinese conventions read 第1至3季 (XXXX-01/XXXX-09): 2019年第一季度 is
    # 2019-01/2019-03 (the English 'the first quarter of 2019' stays 2019-Q1, as its gold writes it)
    if shape == "y_quarter":
        q = _n(g[1])
        return (f"{g[0]}-{3 * q - 2:02d}/{g[0]}-{3 * q:02d}", "quarter") if 1 <= q <= 4 else None
    if shape == "quarter":
        q = _n(g[0])
        return (f"XXXX-{3 * q - 2:02d}/XXXX-{3 * q:02d}", "quarter") if 1 <= q <= 4 else None
    raise ValueError(f"no normaliser for date shape {shape!r}")


def _resolved(text: str, ref: dt.date | None) -> str | None:
    """The year a 今年/去年 expression names, given the reference date."""
    if ref is None:
        return None
    if text.startswith(("今年", "本年")):
        return str(ref.year)
    if text.startswith(("去年", "上年", "上一年")):
        return str(ref.year - 1)
    if text.startswith("前年"):
        return str(ref.year - 2)
    return None


# '二〇一九年': a year in number characters, read as its digits (one character each: offsets stay)
# ('二0一九年', '二○二一年': a zero written as an ASCII digit or a circle)
CN_YEAR_RE = re.compile(r"[〇零○０0一二三四五六七八九]{4}(?=年)")
# '六月以来': a month of one number character, not part of 十二月
CN_MONTH_RE = re.compile(r"(?<![〇零一二三四五六七八九十\d])[一二三四五六七八九](?=月)")
YEAR_DIGITS = str.maketrans("〇零○０一二三四五六七八九", "0000123456789")
# the months of the period a release reports on, as its first such date writes them
PERIOD_MONTHS = (
    (re.compile(r"(\d{1,2})月?(?:至|到|-|—|－)(\d{1,2})月"), lambda m: (int(m[1]), int(m[2]))),
    (re.compile(r"[前首]([一二三1-3])(?:个)?季"), lambda m: (1, 3 * _n(m[1]))),
    (re.compile(r"上半年"), lambda m: (1, 6)),
    (re.compile(r"前([一二三四五六七八九十]{1,2}|\d{1,2})个?月"), lambda m: (1, _n(m[1]))),
)


def _digits_for_dates(norm: str) -> str:
    """`norm` with years and one-character months in number characters as digits, of the same length."""
    out = CN_YEAR_RE.sub(lambda m: m.group().translate(YEAR_DIGITS), norm)  # '2019年' is left as it is
    return CN_MONTH_RE.sub(lambda m: m.group().translate(YEAR_DIGITS), out)


LISTED_MONTH_RE = re.compile(r"[、和及与]\s*(\d{1,2})月(?![\d日份底末初中])")


def _listed_months(norm: str, out: list[dict]) -> None:
    """'2020年4月、8月、11月': the months listed after a month of a year are months of that year (a bare '8月、' is
    found here; '11月' found alone takes the year)."""
    at = {f["start"]: f for f in out}
    for f in sorted(out, key=lambda f: f["start"]):
        m = re.fullmatch(r"(\d{4})-(\d{2})", str(f["value"]))
        if f.get("granularity") != "month" or m is None:
            continue
        end = f["end"]
        while (nxt := LISTED_MONTH_RE.match(norm, end)) is not None and 1 <= int(nxt[1]) <= 12:
            s, e = nxt.start(1), nxt.end()
            value = f"{m[1]}-{int(nxt[1]):02d}"
            known = at.get(s)
            if known is not None and known["value"].startswith("XXXX-"):
                known["value"] = value
            elif known is None and not any(g["start"] < e and s < g["end"] for g in out):
                fact = {"kind": "date", "start": s, "end": e, "value": value, "granularity": "month",
                        "pattern_id": f["pattern_id"]}
                out.append(fact)
                at[s] = fact
            elif known is None:
                break
            end = e


def _release_months(norm: str, facts: list[dict]) -> tuple[int, int] | None:
    """The months of the first date in the release that names a span of months within a year."""
    for f in sorted(facts, key=lambda f: f["start"]):
        if f["kind"] != "date":
            continue
        for rx, months in PERIOD_MONTHS:
            m = rx.search(norm[f["start"] : f["end"]])
            if m:
                a, b = months(m)
                if 1 <= a < b <= 12:
                    return a, b
    return None


TITLE_RE = re.compile(r"《[^《》\n]{1,40}》")


def find_dates(norm: str, rules: ZhRules, ref: dt.date | None) -> list[dict]:
    """Draft date facts, longest match first; a match overlapping one already taken is dropped."""
    found: list[tuple[int, int, str, tuple, str]] = []
    text = norm
    norm = _digits_for_dates(norm)
    for rx, row in rules.regexes.get("ZH_DATE", []):
        for m in rx.finditer(norm):
            if m.end() > m.start():
                found.append((m.start(), m.end(), row.attrs["shape"], m.groups(), row.id))
    found.sort(key=lambda x: (-(x[1] - x[0]), x[0]))
    # '《2024年度知识产权检察白皮书》': a year inside a title is part of a name, no date
    taken: list[tuple[int, int]] = [m.span() for m in TITLE_RE.finditer(norm)]
    out: list[dict] = []
    for s, e, shape, groups, pid in found:
        if any(s < te and ts < e for ts, te in taken):
            continue
        res = normalise(shape, groups)
        if res is None:
            continue
        value, gran = res
        fact = {"kind": "date", "start": s, "end": e, "value": value, "granularity": gran, "pattern_id": pid}
        if value == "REL":
            fact.update(relative=True, resolved=_resolved(norm[s:e], ref))
        if shape == "y_same_period":
            fact["_same_period"] = True
        taken.append((s, e))
        out.append(fact)
    _listed_months(norm, out)
    months = _release_months(text, out) if any(f.get("_same_period") for f in out) else None
    for f in out:
        # '较2023年同期增加1,178宗' in a release on 今年1月至9月: 2023-01/2023-09
        if f.pop("_same_period", False) and months is not None:
            y = f["value"]
            half = {(1, 6): "H1", (7, 12): "H2"}.get(months)  # as y_half writes 二〇一九年上半年
            value = f"{y}-{half}" if half else f"{y}-{months[0]:02d}/{y}-{months[1]:02d}"
            f.update(value=value, granularity="half" if half else "period")
    return out


def dateline(facts: list[dict], limit: int = 300) -> dt.date | None:
    """The release's own date: the first full calendar date within its first `limit` characters."""
    for f in sorted(facts, key=lambda f: f["start"]):
        if f["start"] > limit:
            break
        if f.get("granularity") == "day" and not f["value"].startswith("X"):
            return dt.date.fromisoformat(f["value"])
    return None
