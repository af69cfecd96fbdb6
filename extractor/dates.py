"""Dates and periods in release text: rules from `patterns/dates.jsonl`, values in ISO with X for unknowns."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from extractor.gates import Requires, holds, requires_of, words_of
from extractor.lexicon import number_words, values
from extractor.patterns import PatternRow, load_pattern_file, patterns_dir
from extractor.spans import DisjointSpans

DATE_LABEL = "DATE"
TRAP_LABEL = "DATE_NOT"
REL = "REL"

# A year-less date more than this many days after the reference date is taken to be from the year before.
_FUTURE_SLACK_DAYS = 92

MONTHS = {name[:3]: n for name, n in values("months").items()}  # 'jan' 1 ... (patterns/lexicon.jsonl)
WEEKDAYS = values("weekdays")
NUMBER_WORDS = values("one_articles") | number_words()  # 'a year ago', 'three years ago' (and numbers.jsonl)
ORDINALS = {
    "first": 1,
    "1st": 1,
    "1": 1,
    "second": 2,
    "2nd": 2,
    "2": 2,
    "third": 3,
    "3rd": 3,
    "3": 3,
    "fourth": 4,
    "4th": 4,
    "4": 4,
}
LAST_ORDINALS = ("last", "final", "latter")


# A text's regex matches: (rule order, rule, match), from `DateFinder.scan`.
Scan = list[tuple[int, Any, re.Match]]


class DateRuleError(ValueError):
    """Date rows that cannot be used; the message names every bad row at once."""


@dataclass(frozen=True)
class DateMatch:
    """One date or period found in a text; `text == document[start:end]`.

    `value` is ISO 8601 with X for unknown parts ('XXXX-12-19', '2023-01/2023-06', '2021-H1', '199X'), or REL
    for a relative expression without a reference date; `resolved` is the value filled in from the reference
    date (the year of 'December 19th', the date of 'yesterday').
    """

    start: int
    end: int
    text: str
    value: str
    granularity: str | None
    start_date: str | None
    end_date: str | None
    relative: bool
    resolved: str | None
    pattern_id: str


@dataclass(frozen=True)
class _Norm:
    """A match's normalised value; `part`/`inherit` pass a period on to 'the same period in 2019'."""

    value: str
    granularity: str | None
    start_date: str | None = None
    end_date: str | None = None
    relative: bool = False
    resolved: str | None = None
    part: tuple[Any, ...] | None = None
    inherit_year: int | None = None
    inherit: bool = False
    anchored: bool = False  # a part of an unnamed year ('the second quarter'): resolved in `find`


Normaliser = Callable[[re.Match, dict, "dt.date | None"], "_Norm | None"]


# ---------------------------------------------------------------- small helpers


def _y(year: int | None) -> str:
    return "XXXX" if year is None else f"{year:04d}"


def _ym(year: int | None, month: int) -> str:
    return f"{_y(year)}-{month:02d}"


def _ymd(year: int | None, month: int, day: int) -> str:
    return f"{_y(year)}-{month:02d}-{day:02d}"


def _month(name: str) -> int:
    return MONTHS[name[:3].lower()]


def _number(word: str) -> int | None:
    word = " ".join(word.lower().split())
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def _valid(year: int | None, month: int, day: int) -> bool:
    try:
        dt.date(year or 2000, month, day)
    except ValueError:
        return False
    return True


def _group(m: re.Match, name: str) -> str | None:
    return m.group(name) if name in m.re.groupindex else None


def _rel_offset(phrase: str) -> tuple[int, bool]:
    """(year offset, anaphoric) of 'this year', 'last year', 'the previous year', 'the same year'."""
    words = phrase.lower().split()
    if "same" in words or "previous" in words or "preceding" in words or "prior" in words:
        return (-1 if "same" not in words else 0), True
    if "last" in words or "past" in words or words[:2] == ["a", "year"]:
        return -1, False
    if "next" in words:
        return 1, False
    return 0, False


def _year_spec(m: re.Match, ref: dt.date | None, implicit_this_year: bool = False) -> tuple[int | None, bool]:
    """(year or None, relative) from the `year` or `rel` group; relative years need `ref` to be known."""
    year, rel = _group(m, "year"), _group(m, "rel")
    if year:
        return int(year), False
    if rel is None and not implicit_this_year:
        return None, False
    offset, anaphoric = _rel_offset(rel or "this year")
    if anaphoric or ref is None:
        return None, True
    return ref.year + offset, True


def _guess_year(month: int, day: int, ref: dt.date) -> int:
    """The year of a year-less date in a release published on `ref` (releases look back more than ahead)."""
    cand = dt.date(ref.year, month, day if _valid(ref.year, month, day) else 28)
    return ref.year - 1 if (cand - ref).days > _FUTURE_SLACK_DAYS else ref.year


def _range_end_year(month: int, day: int, ref: dt.date) -> int:
    """The year of a year-less range end: a release reports on periods that have begun by its date."""
    cand = dt.date(ref.year, month, day if _valid(ref.year, month, day) else 28)
    return ref.year - 1 if cand > ref else ref.year


def _rel_norm(
    value: str | None,
    granularity: str | None,
    start: str | None = None,
    end: str | None = None,
    part: tuple[Any, ...] | None = None,
) -> _Norm:
    """A relative expression: resolved when `value` is known, else REL."""
    if value is None:
        return _Norm(REL, granularity, relative=True, part=part)
    return _Norm(value, granularity, start, end, relative=True, resolved=value, part=part)


def _apply_part(part: tuple[Any, ...] | None, year: int) -> tuple[str, str, str | None, str | None]:
    """(value, granularity, start, end) of a part ('H', 1), ('Q', 2), ('M', 1, 6), ('D', 5, 3, 8, 28) or None of
    `year`."""
    if part is None:
        return str(year), "year", None, None
    kind = part[0]
    if kind == "D" and _valid(year, part[1], part[2]) and _valid(year, part[3], part[4]):
        a, b = _ymd(year, part[1], part[2]), _ymd(year, part[3], part[4])
        return f"{a}/{b}", "period", a, b
    if kind == "H":
        first, last = (1, 6) if part[1] == 1 else (7, 12)
        return f"{year}-H{part[1]}", "half", _ym(year, first), _ym(year, last)
    if kind == "Q":
        first = 3 * part[1] - 2
        return f"{year}-Q{part[1]}", "quarter", _ym(year, first), _ym(year, first + 2)
    a, b = _ym(year, part[1]), _ym(year, part[2])
    return f"{a}/{b}", "period", a, b


# ---------------------------------------------------------------- dateparser (relative phrases), lazily and cached


@lru_cache(maxsize=1024)
def _dp_ago(phrase: str, ref: dt.date) -> dt.date | None:
    """The date `phrase` ('11 years ago') names, counted back from `ref`."""
    import dateparser

    base = dt.datetime.combine(ref, dt.time())
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    found = dateparser.parse(phrase, languages=["en"], settings=settings)
    return found.date() if found else None


def _parse_day(m: re.Match, need_year: bool) -> tuple[int | None, int, int] | None:
    """(year, month, day) of the absolute date in `m`, from the rule's named groups (year None without
    `need_year`); None when they name no real day ('February 30').

    The groups are unambiguous (a month name, a day, a year), so dateparser is not asked: its reading could only
    agree with them or be overruled by them, and it cost 1.4 ms for each date it had not seen."""
    month, day = _month(m.group("month")), int(m.group("day"))
    year = int(m.group("year")) if need_year else None
    return (year, month, day) if _valid(year, month, day) else None


# ---------------------------------------------------------------- normalisers, one per shape


def _norm_ymd(m: re.Match, attrs: dict, ref: dt.date | None) -> _Norm | None:
    year, month, day = int(m.group("year")), int(m.group("month")), int(m.group("day"))
    if not _valid(year, month, day):
        return None
    return _Norm(_ymd(year, month, day), "day")


def _norm_month_day_year(m: re.Match, attrs: dict, ref: dt.date | None) -> _Norm | None:
    ymd = _parse_day(m, need_year=True)
    return _Norm(_ymd(*ymd), "day") if ymd else None


def _norm_month_day(m: re.Match, attrs: dict, ref: dt.date | None) -> _Norm | None:
    ymd = _parse_day(m, need_year=False)
    if ymd is None:
        return None
    _, month, day = ymd
    if _group(m, "rel"):
        year, _rel = _year_spec(m, ref)
        return _rel_norm(_ymd(year, month, day) if year and _valid(year, month, day) else None, "day")
    resolved = None
    if ref is not None:
        year = _guess_year(month, day, ref)
        resolved = _ymd(year, month, day) if _valid(year, month, day) else None
    return _Norm(_ymd(None, month, day), "day", resolved=resolved)


def _norm_month(m: re.Match, attrs: dict, ref: dt.date | None) -> _Norm | None:
    month = _month(m.group("month"))
    year, relative = _year_spec(m, ref)
    if relative:
        return _rel_norm(_ym(year, month) if year else None, "month")
    resolved = _ym(_guess_year(month, 1, ref), month) if ref is not None and year is None else None
    return _Norm(_ym(year, month), "month", resolved=resolved)


def _range_years(m1: int, y1: int | None, m2: int, y2: int | None) -> tuple[int | None, int | None]:
    """The missing year of one end from the other: 'January to June 2023', 'December to March 2021'."""
    if y1 is None and y2 is not None:
        y1 = y2 - 1 if m1 > m2 else y2
    elif y2 is None and y1 is not None:
        y2 = y1 + 1 if m2 < m1 else y1
    return y1, y2


def _range_ends(
    m: re.Match, ref: dt.date | None, m1: int, y1: int | None, m2: int, y2: int | None
) -> tuple[int | None, int | None, bool] | None:
    """(first year, last year, relative) of a range of months or days, the last year from a relative year
    ('this year') when the match has one; None when that year cannot be resolved."""
    relative = False
    if _group(m, "rel"):
        y2, relative = _year_spec(m, ref)
        if y2 is None:
            return None
    y1, y2 = _range_years(m1, y1, m2, y2)
    return y1, y2, relative


def _norm_month_range(m: re.Match, attrs: dict, ref: dt.date | None) -> _Norm | None:
    m1, m2 = _month(m.group("m1")), _month(m.group("m2"))
    y1 = int(m.group("y1")) if _group(m, "y1") else None
    named = _group(m, "y2") or _group(m, "y3")  # y3: 'the January-July period of 2021'
    ends = _range_ends(m, ref, m1, y1, m2, int(named) if named else None)
    if ends is None:
        return _rel_norm(None, "period")
    y1, y2, relative = ends
    if (y1 is not None and y2 is not None and (y1, m1) >= (y2, m2)) or (m1 == m2 and y1 == y2):
        return None
    a, b = _ym(y1, m1), _ym(y2, m2)
    part = ("M", m1, m2) if y1 == y2 and m1 < m2 else None
    if relative:
        return _rel_norm(f"{a}/{b}", "period", a, b, part=part)
    resolved = None
    if ref is not None and y2 is None:
        r2 = _range_end_year(m2, 1, ref)
        resolved = f"{_ym(r2 - 1 if m1 > m2 else r2, m1)}/{_ym(r2, m2)}"
    return _Norm(f"{a}/{b}", "period", a, b, resolved=resolved, part=part)


def _norm_day_range(m: re.Match, attrs: dict, ref: dt.date | None) -> _Norm | None:
    # One month may serve both ends: 'June 6 to 25', '1-7 October'.
    m1 = _month(_group(m, "m1") or m.group("m2"))
    m2 = _month(_group(m, "m2") or m.group("m1"))
    y1 = int(m.group("y1")) if _group(m, "y1") else None
    d1 = int(m.group("d1"))
    month_end = bool(_group(m, "month_end"))  # '(from) May 3rd to the end of October': the end is a month
    d2 = calendar.monthrange(int(_group(m, "y2") or y1 or 2001), m2)[1] if month_end else int(m.group("d2"))
    ends = _range_ends(m, ref, m1, y1, m2, int(m.group("y2")) if _group(m, "y2") else None)
    if ends is None:
        return _rel_norm(None, "period")
    y1, y2, relative = ends
    if not (_valid(y1, m1, d1) and _valid(y2, m2, d2)):
        return None
    if y1 is not None and y2 is not None and (y1, m1, d1) >= (y2, m2, d2):
        return None
    if y1 is None and (m1, d1) >= (m2, d2) and m1 == m2:
        return None
    a, b = _ymd(y1, m1, d1), _ym(y2, m2) if month_end else _ymd(y2, m2, d2)
    # 'between May 3 and Aug. 28, ... from the same period in 2009': days of one year a later 'same period' takes
    part = ("D", m1, d1, m2, d2) if y1 == y2 and (m1, d1) < (m2, d2) and not month_end else None
    if relative:
        return _rel_norm(f"{a}/{b}", "period", a, b, part=part)
    resolved = None
    if ref is not None and y2 is None:
        r2 = _range_end_year(m2, d2, ref)
        r1 = r2 - 1 if (m1, d1) > (m2, d2) else r2
        if _valid(r1, m1, d1) and _valid(r2, m2, d2):
            resolved = f"{_ymd(r1, m1, d1)}/{_ym(r2, m2) if month_end else _ymd(r2, m2, d2)}"
    return _Norm(f"{a}/{b}", "period", a, b, resolved=resolved, part=part)


def _norm_year_range(m: re.Match, attrs: dict, ref: dt.date | None) -> _Norm | None:
    y1 = int(m.group("y1"))
    if _group(m, "rel"):
        # 'from 2016 to last year', 'between October 2018 and the end of last year': one period, its end relative
        # to the reference date
        y2, _relative = _year_spec(m, ref)
        if y2 is None:
            return _rel_norm(None, "period")
        m1, m2 = _group(m, "m1"), _group(m, "m2")
        start = _ym(y1, MONTHS[m1.lower()[:3]]) if m1 else str(y1)
        end = _ym(y2, MONTHS[m2.lower()[:3]]) if m2 else _ym(y2, 12) if _group(m, "end") else str(y2)
        if end <= start:
            return None
        return _rel_norm(f"{start}/{end}", "period", start, end)
    y2 = int(m.group("y2"))
    if len(m.group("y2")) == 2:
        y2 += y1 // 100 * 100  # '2011-15': the end written with its last two digits
    if _group(m, "end1") and y2 > y1:
        # 'from the end of 2017 to 2021': the period opens at the first year's last month
        start = _ym(y1, 12)
        return _Norm(f"{start}/{y2}", "period", start, str(y2))
    m2 = _group(m, "m2")
    if m2 and y2 >= y1:
        # 'from 2018 to March 2023', 'between 2018 and March of 2023': the end a month
        end = _ym(y2, MONTHS[m2.lower()[:3]])
        return _Norm(f"{y1}/{end}", "period", str(y1), end)
    if y2 <= y1:
        return None
    return _Norm(f"{y1}/{y2}", "period", str(y1), str(y2))


def _norm_year(m: re.Match, attrs: dict, ref: dt.date | None) -> _Norm | None:
    year, relative = _year_spec(m, ref)
    if relative:
        return _rel_norm(_y(year) if year else None, "year")
    return _Norm(_y(year), "year") if year else None


def _norm_year_end(m: re.Match, attrs: dict, ref: dt.date | None) -> _Norm | None:
    """'the end of 2005' -> 2005-12, as the Chinese gold writes 2005年底; relative years resolved."""
    year, relative = _year_spec(m, ref)
    if relative:
        return _rel_norm(_ym(year, 12) if year else None, "month")
    return _Norm(_ym(year, 12), "month") if year else None


def _norm_decade(m: re.Match, attrs: dict, ref: dt.date | None) -> _Norm | None:
    decade = int(m.group("decade"))
    return _Norm(f"{decade // 10}X", "decade", str(decade), str(decade + 9))


def _x_part(part: tuple[Any, ...]) -> tuple[str, str, str | None, str | None]:
    """(value, granularity, start, end) of a part of an unknown year: 'XXXX-Q2', 'XXXX-01/XXXX-10'."""
    value, granularity, start, end = _apply_part(part, 2000)
    return tuple(x.replace("2000", "XXXX") if x else x for x in (value, granularity, start, end))  # type: ignore


def _norm_part(m: re.Match, part: tuple[Any, ...], ref: dt.date | None) -> _Norm:
    """A part of a year ('the first half of 2021', 'the first half of this year', 'the first quarter').

    With no year named the value keeps its X ('XXXX-Q1', as a year-less day does) and `find` resolves it on the
    year the release names before it, else on the reference date."""
    if _group(m, "year") is None and _group(m, "rel") is None:
        value, granularity, start, end = _x_part(part)
        return _Norm(value, granularity, start, end, part=part, anchored=True)
    year, relative = _year_spec(m, ref)
    if year is None:
        return _rel_norm(None, _apply_part(part, 2000)[1], part=part)
    value, granularity, start, end = _apply_part(part, year)
    if relative:
        return _rel_norm(value, granularity, start, end, part=part)
    return _Norm(value, granularity, start, end, part=part)


def _anchor_year(part: tuple[Any, ...], named: int | None, ref: dt.date | None) -> int | None:
    """The year of a part of an unnamed year: the latest year the release named before it (a release about
    2020 published in 2021 speaks of 2020's quarters; earlier years named are comparisons), else the reference
    date's year, or the year before when the part would begin after the reference date."""
    if named is not None and (ref is None or named <= ref.year):
        return named
    if ref is None:
        return None
    first = {"H": lambda p: 1 if p[1] == 1 else 7, "Q": lambda p: 3 * p[1] - 2}.get(part[0], lambda p: p[1])(part)
    return ref.year - 1 if dt.date(ref.year, first, 1) > ref else ref.year


_YEAR_VALUE = re.compile(r"(?:1[89]|20)\d\d")


def _norm_half(m: re.Match, attrs: dict, ref: dt.date | None) -> _Norm | None:
    word = m.group("ord").lower()
    n = 2 if word in LAST_ORDINALS else ORDINALS.get(word)
    return _norm_part(m, ("H", n), ref) if n in (1, 2) else None


def _norm_quarter(m: re.Match, attrs: dict, ref: dt.date | None) -> _Norm | None:
    if (_group(m, "kind") or "Q").upper() == "H":  # 'H1 2020'
        return _norm_half(m, attrs, ref)
    word = m.group("ord").lower()
    n = 4 if word in LAST_ORDINALS else ORDINALS.get(word)
    return _norm_part(m, ("Q", n), ref) if n else None


def _norm_first_months(m: re.Match, attrs: dict, ref: dt.date | None) -> _Norm | None:
    n = _number(m.group("n"))
    months = (n or 0) * int(attrs.get("months_per", 1))
    if not 1 <= months <= 12:
        return None
    return _norm_part(m, ("M", 1, months), ref)


def _norm_same_period(m: re.Match, attrs: dict, ref: dt.date | None) -> _Norm | None:
    year, rel = _group(m, "year"), _group(m, "rel")
    if year:
        return _Norm(year, "year", inherit=True, inherit_year=int(year))
    if rel is None:
        return _rel_norm(None, "period")
    offset, _anaphoric = _rel_offset(rel)
    if ref is None:
        return _rel_norm(None, "period")
    target = ref.year + offset
    return replace(_rel_norm(str(target), "year"), inherit=True, inherit_year=target)


def _norm_rel_year(m: re.Match, attrs: dict, ref: dt.date | None) -> _Norm | None:
    if attrs.get("anaphoric") or ref is None:
        return _rel_norm(None, "year")
    return _rel_norm(str(ref.year + int(attrs.get("offset", 0))), "year")


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _norm_rel_years(m: re.Match, attrs: dict, ref: dt.date | None) -> _Norm | None:
    n = int(attrs["n"]) if "n" in attrs else _number(m.group("n"))
    if not n:
        return None
    which = m.group("which").lower()
    unit = (_group(m, "unit") or (f"{_group(m, 'unit1')}s" if _group(m, "unit1") else "years")).lower()
    if ref is None or which not in ("past", "last", "next", "coming"):
        return _rel_norm(None, "period")
    ahead = which in ("next", "coming")
    if unit == "years":
        a, b = (ref.year + 1, ref.year + n) if ahead else (ref.year - n, ref.year - 1)
        return _rel_norm(f"{a}/{b}", "period", str(a), str(b))
    if unit == "months":
        other = _add_months(ref.year, ref.month, n if ahead else -n)
        a, b = sorted([(ref.year, ref.month), other])
        sa, sb = _ym(*a), _ym(*b)
        return _rel_norm(f"{sa}/{sb}", "period", sa, sb)
    days = n * (7 if unit == "weeks" else 1)
    other = ref + dt.timedelta(days=days if ahead else -days)
    first, last = sorted([ref, other])
    return _rel_norm(f"{first.isoformat()}/{last.isoformat()}", "period", first.isoformat(), last.isoformat())


def _norm_rel_month(m: re.Match, attrs: dict, ref: dt.date | None) -> _Norm | None:
    if ref is None:
        return _rel_norm(None, "month")
    return _rel_norm(_ym(*_add_months(ref.year, ref.month, int(attrs.get("offset", 0)))), "month")


def _norm_last_month_name(m: re.Match, attrs: dict, ref: dt.date | None) -> _Norm | None:
    """'last August': the latest August before the reference month (REL, resolved when there is one)."""
    month = _month(m.group("month"))
    if ref is None:
        return _rel_norm(None, "month")
    year = ref.year if month < ref.month else ref.year - 1
    return _rel_norm(_ym(year, month), "month")


def _norm_year_month(m: re.Match, attrs: dict, ref: dt.date | None) -> _Norm | None:
    year, month = int(m.group("year")), int(m.group("month"))
    if month == (year + 1) % 100:
        return None  # '2011-12', '2019-20': a span of years (a school or fiscal year), not a month
    return _Norm(_ym(year, month), "month")


def _norm_rel_quarter(m: re.Match, attrs: dict, ref: dt.date | None) -> _Norm | None:
    if ref is None:
        return _rel_norm(None, "quarter")
    offset = {"this": 0, "last": -1, "next": 1}[m.group("which").lower()]
    index = ref.year * 4 + (ref.month - 1) // 3 + offset
    value, granularity, start, end = _apply_part(("Q", index % 4 + 1), index // 4)
    return _rel_norm(value, granularity, start, end)


def _norm_anaphoric(m: re.Match, attrs: dict, ref: dt.date | None) -> _Norm | None:
    """'the same day', 'that month', 'the previous quarter', 'during the period': a period named before in the
    text, which the rules do not track; REL, never resolved on the reference date."""
    found = _ANAPHORIC_UNIT.search(m.group())  # 'the same month last year': month; 'this winter': a period
    unit = found.group().lower() if found else "period"
    return _rel_norm(None, unit if unit in ("day", "month", "quarter", "year") else "period")


_ANAPHORIC_UNIT = re.compile(r"(?i)day|week|month|quarter|year|period")


def _norm_rel_week(m: re.Match, attrs: dict, ref: dt.date | None) -> _Norm | None:
    if ref is None:
        return _rel_norm(None, "period")
    offset = {"this": 0, "last": -1, "next": 1}[m.group("which").lower()]
    monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=offset)
    sunday = monday + dt.timedelta(days=6)
    first, last = monday.isoformat(), sunday.isoformat()
    return _rel_norm(f"{first}/{last}", "period", first, last)


def _norm_rel_day(m: re.Match, attrs: dict, ref: dt.date | None) -> _Norm | None:
    if ref is None:
        return _rel_norm(None, "day")
    return _rel_norm((ref + dt.timedelta(days=int(attrs.get("offset", 0)))).isoformat(), "day")


def _norm_day_of_month(m: re.Match, attrs: dict, ref: dt.date | None) -> _Norm | None:
    day = int(m.group("day"))
    resolved = None
    if ref is not None:
        year, month = (ref.year, ref.month) if day <= ref.day else _add_months(ref.year, ref.month, -1)
        resolved = _ymd(year, month, day) if _valid(year, month, day) else None
    return _Norm(f"XXXX-XX-{day:02d}", "day", resolved=resolved)


def _norm_weekday(m: re.Match, attrs: dict, ref: dt.date | None) -> _Norm | None:
    if ref is None:
        return _rel_norm(None, "day")
    back = (ref.weekday() - WEEKDAYS[m.group("weekday").lower()]) % 7
    return _rel_norm((ref - dt.timedelta(days=back)).isoformat(), "day")


def _norm_ago(m: re.Match, attrs: dict, ref: dt.date | None) -> _Norm | None:
    unit = m.group("unit").lower().rstrip("s")
    granularity = {"year": "year", "month": "month"}.get(unit, "day")
    n = _number(m.group("n"))
    if ref is None or n is None or m.group("dir").lower() != "ago":
        # 'later' and 'earlier' count from a moment in the story, not from the release.
        return _rel_norm(None, granularity)
    found = _dp_ago(f"{n} {unit}s ago", ref)
    if found is None:
        return _rel_norm(None, granularity)
    by_unit = {"year": _y(found.year), "month": _ym(found.year, found.month)}
    value = by_unit.get(granularity, found.isoformat())
    return _rel_norm(value, granularity)


NORMALISERS: dict[str, Normaliser] = {
    "ymd": _norm_ymd,
    "month_day_year": _norm_month_day_year,
    "month_day": _norm_month_day,
    "month": _norm_month,
    "month_range": _norm_month_range,
    "day_range": _norm_day_range,
    "year_range": _norm_year_range,
    "year": _norm_year,
    "year_end": _norm_year_end,
    "decade": _norm_decade,
    "half": _norm_half,
    "quarter": _norm_quarter,
    "first_months": _norm_first_months,
    "same_period": _norm_same_period,
    "rel_year": _norm_rel_year,
    "rel_years": _norm_rel_years,
    "rel_month": _norm_rel_month,
    "last_month_name": _norm_last_month_name,
    "rel_week": _norm_rel_week,
    "rel_quarter": _norm_rel_quarter,
    "year_month": _norm_year_month,
    "anaphoric": _norm_anaphoric,
    "rel_day": _norm_rel_day,
    "day_of_month": _norm_day_of_month,
    "weekday": _norm_weekday,
    "ago": _norm_ago,
}


# ---------------------------------------------------------------- the finder


@dataclass(frozen=True)
class _Rule:
    row: PatternRow
    regex: re.Pattern
    normalise: Normaliser | None  # None for a trap
    requires: Requires | None  # words every match contains: a sentence without them is not searched


# Where a sentence may end, for the scan: a stop before a capital or a quote, or a blank line. A stop before a
# digit or a small letter ('Dec. 4', 'No. 3', 'approx. five') never ends one. No date crosses these points.
_SCAN_BREAK = re.compile(r"[.!?;。！？；][\"'”’)）]*\s+(?=[\"“‘(（]?[A-Z])|\n[ \t]*\n\s*")


class DateFinder:
    """Runs the DATE rows and DATE_NOT traps over a text; longest match wins, winning traps dropped.

    Each DATE row names its normaliser in `attrs["shape"]` and feeds it through named groups (`month`, `day`,
    `year`, `rel`, ...). A named group `span`, when present, is the fact's span; the rest of the match is
    context that must be there but is not part of the date (the preposition before a bare month: 'in June').
    """

    def __init__(self, rows: Iterable[PatternRow]):
        rules: list[_Rule] = []
        problems: list[str] = []
        for row in rows:
            if row.label not in (DATE_LABEL, TRAP_LABEL):
                continue
            if row.kind != "regex":
                problems.append(f"{row.id}: a {row.label} row must be a regex (regex=true, string pattern)")
                continue
            normalise = None
            if row.label == DATE_LABEL:
                shape = row.attrs.get("shape")
                normalise = NORMALISERS.get(shape)
                if normalise is None:
                    known = ", ".join(sorted(NORMALISERS))
                    problems.append(f"{row.id}: unknown shape {shape!r} (known: {known})")
                    continue
            try:
                requires = requires_of(row.attrs)
            except ValueError as err:
                problems.append(f"{row.id}: {err}")
                continue
            try:
                regex = re.compile(row.pattern)
            except re.error as err:
                problems.append(f"{row.id}: bad regular expression: {err}")
                continue
            rules.append(_Rule(row, regex, normalise, requires))
        if problems:
            raise DateRuleError("bad date rows:\n" + "\n".join(problems))
        self._rules = rules

    def scan(self, text: str) -> Scan:
        """Every rule's regex matches in `text`, for `find` (and `dateline_date`) to read: the date component
        scans a release once and reads it twice, for its dateline and then with the reference date found."""
        return list(self._gated_scan(text))

    def _gated_scan(self, text: str) -> Iterator[tuple[int, _Rule, re.Match]]:
        """Each rule's matches, searched only in the sentences that hold what the rule `requires` ("<month>
        <year>", "last year"): the same matches as a scan of the whole text, since no date crosses a sentence
        break, at a fraction of the cost (a regex with lookbehinds is tried at every character it is given)."""
        starts = [0] + [m.end() for m in _SCAN_BREAK.finditer(text)]
        bounds = list(zip(starts, [*starts[1:], len(text)], strict=True))
        words = [words_of(text, start, end) for start, end in bounds]
        in_text = set().union(*words)
        for order, rule in enumerate(self._rules):
            if rule.requires is None:
                for m in rule.regex.finditer(text):
                    yield order, rule, m
                continue
            if not holds(rule.requires, in_text):
                continue
            for (start, end), held in zip(bounds, words, strict=True):
                if holds(rule.requires, held):
                    for m in rule.regex.finditer(text, start, end):
                        yield order, rule, m

    def find(self, text: str, reference_date: dt.date | None = None, scan: Scan | None = None) -> list[DateMatch]:
        """Non-overlapping dates in `text`, sorted by start; relative ones resolved on `reference_date`; `scan`:
        `self.scan(text)` when the caller has it."""
        if isinstance(reference_date, dt.datetime):
            reference_date = reference_date.date()
        candidates = []
        for order, rule, m in self.scan(text) if scan is None else scan:
            start, end = m.span("span") if _group(m, "span") is not None else m.span()
            if end <= start:
                continue
            norm = None
            if rule.normalise is not None:
                norm = rule.normalise(m, rule.row.attrs, reference_date)
                if norm is None:
                    continue
            candidates.append((start, end, order, rule, norm))
        candidates.sort(key=lambda c: (c[0] - c[1], c[0], c[2]))
        taken = DisjointSpans()
        chosen = []
        for cand in candidates:
            start, end = cand[0], cand[1]
            if taken.overlaps(start, end):
                continue
            taken.add(start, end)
            chosen.append(cand)
        chosen.sort(key=lambda c: c[0])
        out: list[DateMatch] = []
        last_part: tuple[Any, ...] | None = None
        last_month: int | None = None  # the month of the latest month named ('last August', 'March 2016')
        named_year: int | None = None  # the latest year named so far ('in 2020', 'March 2020', '2020-H1')
        same_end: int | None = None  # where the latest 'the same period of 2019' ended
        for start, end, _, rule, norm in chosen:
            if norm is None:
                continue
            if (
                same_end is not None
                and not norm.relative
                and not norm.inherit
                and _YEAR_VALUE.fullmatch(norm.value)
                and text[same_end:start].strip().lower() in {"and", ",", "or", "and in", ", and"}
            ):
                # 'in the same period of 2019 and 2020': the second year is the same period of its year
                norm = replace(norm, inherit=True, inherit_year=int(norm.value))
            if norm.anchored and norm.part is not None:
                year = _anchor_year(norm.part, named_year, reference_date)
                norm = replace(norm, resolved=_apply_part(norm.part, year)[0] if year else None)
            elif not norm.relative and not norm.inherit and (y := _YEAR_VALUE.match(norm.value)):
                if reference_date is None or int(y.group()) <= reference_date.year:
                    named_year = max(named_year or 0, int(y.group()))
            if norm.inherit and norm.inherit_year is not None and last_month and "month" in text[start:end].lower():
                # 'the same month in 2015' after 'last August': that month of the year it names
                month_value = _ym(norm.inherit_year, last_month)
                norm = replace(norm, value=month_value, granularity="month", start_date=None, end_date=None,
                               resolved=month_value if norm.relative else None)
            elif norm.inherit and norm.inherit_year is not None:
                # 'the same period in 2019' names the year; the period is the one the text just spoke of.
                value, granularity, first, last = _apply_part(last_part, norm.inherit_year)
                norm = replace(
                    norm,
                    value=value,
                    granularity=granularity,
                    start_date=first,
                    end_date=last,
                    resolved=value if norm.relative else None,
                )
            same_end = end if norm.inherit and norm.inherit_year is not None and last_part is not None else None
            if norm.part is not None:
                last_part = norm.part
            if norm.granularity == "month" and (mm := _MONTH_OF.match(norm.value)):
                last_month = int(mm.group(1))
            out.append(
                DateMatch(
                    start,
                    end,
                    text[start:end],
                    norm.value,
                    norm.granularity,
                    norm.start_date,
                    norm.end_date,
                    norm.relative,
                    norm.resolved,
                    rule.row.id,
                )
            )
        return out


_MONTH_OF = re.compile(r"^(?:\d{4}|XXXX)-(\d{2})$")


@lru_cache(maxsize=1)
def _default_finder() -> DateFinder:
    return DateFinder(load_pattern_file(patterns_dir() / "dates.jsonl"))


def find_dates(
    text: str, reference_date: dt.date | None = None, rows: Iterable[PatternRow] | None = None
) -> list[DateMatch]:
    """Dates in `text` with the bundled rules (or `rows`)."""
    finder = _default_finder() if rows is None else DateFinder(rows)
    return finder.find(text, reference_date)


# ---------------------------------------------------------------- the release's own date

_DATELINE_KEY = re.compile(
    r"(?i)\b(?:updated|published|posted|released?|release\s+date|date|time)\s*(?:[:：]|\s+on)?\s*$"
)
_DATELINE_TOP_LINES = 8
_DATELINE_KEY_CHARS = 1000
_DATELINE_OTHER_WORDS = 4
_DATELINE_CREDIT_CHARS = 80


def _full_day(match: DateMatch) -> dt.date | None:
    if match.granularity != "day" or match.relative or "X" in match.value:
        return None
    try:
        return dt.date.fromisoformat(match.value)
    except ValueError:
        return None


def _lines(text: str) -> list[tuple[int, int, int]]:
    """(start, end, rank among non-empty lines so far) of every line of `text`."""
    out, pos, rank = [], 0, 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line), rank))
        rank += bool(line.strip())
        pos += len(line) + 1
    return out


def dateline_date(text: str, finder: DateFinder | None = None, scan: Scan | None = None) -> dt.date | None:
    """The release's own full date: after 'Updated:', alone on a top line, or in '(Xinhua ... date)'.

    `finder`: the DateFinder of the pipeline that will read the text; `scan`: its scan of the text, when the
    caller has it (and will read it again)."""
    lines = _lines(text)
    # Only the top of the release and short bracketed credit lines can hold its dateline: search those alone.
    top_end = max((e for _s, e, rank in lines if rank < _DATELINE_TOP_LINES), default=len(text))
    # when every paragraph is one line the top lines are the whole release: never scan past the key window
    head_end = min(len(text), top_end, _DATELINE_KEY_CHARS)
    regions = [(0, head_end)] + [
        (s, e)
        for s, e, _rank in lines
        if s >= head_end and len(text[s:e].strip()) <= _DATELINE_CREDIT_CHARS and text[s:e].strip().startswith("(")
    ]
    finder = finder or _default_finder()
    found = [
        (m, day)
        for m in finder.find(text, scan=scan)
        if any(lo <= m.start and m.end <= hi for lo, hi in regions) and (day := _full_day(m)) is not None
    ]
    if not found:
        return None

    def line_of(pos: int) -> tuple[int, int, int]:
        return next(line for line in lines if line[0] <= pos <= line[1])

    for m, day in found:
        start, end, rank = line_of(m.start)
        before, after = text[start : m.start], text[m.end : end]
        if m.start < _DATELINE_KEY_CHARS and _DATELINE_KEY.search(before):
            return day
        # Besides its date a dateline holds a source or a time at most ('By:CSHRS', '10:55Xinhua').
        words = re.findall(r"[A-Za-z]+", before + after)
        sentence_end = text[start:end].rstrip().endswith((".", ",", ";"))
        if rank < _DATELINE_TOP_LINES and len(words) <= _DATELINE_OTHER_WORDS and not sentence_end:
            return day
    for m, day in found:
        start, end, _ = line_of(m.start)
        line = text[start:end].strip()
        if line.startswith("(") and line.endswith(")") and len(line) <= _DATELINE_CREDIT_CHARS:
            return day
    return None
