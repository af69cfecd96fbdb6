"""Currency conversions: is the exchange rate a restated amount implies plausible for the release's year?

Plausible rates live in `patterns/exchange_rates.jsonl`, one PatternRow per currency pair and year:

    {"id": "exchange_rate-usd-2004", "label": "EXCHANGE_RATE", "pattern": "CNY per USD",
     "attrs": {"year": 2004, "pair": "CNY/USD", "low": 8.27, "high": 8.29}}

`pair` "A/B" is units of A per unit of B. The year is the record's reference_date or published year; the
previous year's range is accepted too (figures often describe an earlier period), the bounds get a relative
tolerance for journalists' rounded rates, and an unknown year accepts every year's range.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from extractor.checks._common import facts_by_id, finding, guarded, is_number, label, present, resolve_data
from extractor.checks.intervals import (
    DEFAULT_ROUNDING,
    Interval,
    bound_interval,
    fmt_number,
    to_fraction,
)
from extractor.models import Finding
from extractor.patterns import PatternFileError, PatternRow, load_pattern_file, patterns_dir

CHECK = "currency_conversion"
LABEL = "EXCHANGE_RATE"
RATES_FILE = "exchange_rates.jsonl"
TOLERANCE = 0.03
PAIR_RE = re.compile(r"^[A-Z]{3}/[A-Z]{3}$")
ATTR_KEYS = frozenset({"year", "pair", "low", "high"})


@dataclass(frozen=True)
class ExchangeRange:
    """The plausible rates of one currency pair in one year: `low` to `high` of base per unit of quote."""

    pair: str
    year: int
    low: float
    high: float
    id: str = ""
    where: str = ""

    @property
    def base(self) -> str:
        """The currency counted ('CNY' in CNY/USD)."""
        return self.pair.split("/")[0]

    @property
    def quote(self) -> str:
        """The currency one unit of which is priced ('USD' in CNY/USD)."""
        return self.pair.split("/")[1]


def range_from_row(row: PatternRow, where: str = "") -> ExchangeRange:
    """Validate one PatternRow as an exchange-rate range; ValueError lists every problem of the row."""
    attrs = dict(row.attrs)
    problems: list[str] = []
    if row.label != LABEL:
        problems.append(f"label must be {LABEL}, not {row.label!r}")
    unknown = sorted(set(attrs) - ATTR_KEYS)
    if unknown:
        problems.append(
            f"unknown attrs {', '.join(map(repr, unknown))}; allowed: {', '.join(sorted(ATTR_KEYS))}"
        )
    missing = sorted(ATTR_KEYS - set(attrs))
    if missing:
        problems.append(f"missing attrs {', '.join(map(repr, missing))}")
    year, pair, low, high = attrs.get("year"), attrs.get("pair"), attrs.get("low"), attrs.get("high")
    if "year" in attrs and (not isinstance(year, int) or isinstance(year, bool) or not 1900 <= year <= 2100):
        problems.append(f"attrs.year {year!r} must be a year between 1900 and 2100")
    if "pair" in attrs and (not isinstance(pair, str) or not PAIR_RE.match(pair) or pair[:3] == pair[4:]):
        problems.append(f"attrs.pair {pair!r} must be two different ISO codes like 'CNY/USD'")
    for key, v in (("low", low), ("high", high)):
        if key in attrs and (not is_number(v) or v <= 0):
            problems.append(f"attrs.{key} {v!r} must be a positive number")
    if is_number(low) and is_number(high) and low > high:
        problems.append(f"attrs.low {low} is above attrs.high {high}")
    if problems:
        raise ValueError("; ".join(problems))
    return ExchangeRange(pair=pair, year=year, low=float(low), high=float(high), id=row.id, where=where)


def load_exchange_rates(path: Path | str | None = None) -> list[ExchangeRange]:
    """Read and validate an exchange-rate file (default: bundled `exchange_rates.jsonl`); FILE:LINE errors."""
    path = Path(path) if path is not None else patterns_dir() / RATES_FILE
    rows = load_pattern_file(path)
    lines: dict[str, int] = {}
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("//"):
            lines.setdefault(json.loads(line).get("id"), lineno)
    out: list[ExchangeRange] = []
    problems: list[str] = []
    seen: dict[tuple[str, int], str] = {}
    for row in rows:
        where = f"{path.name}:{lines.get(row.id, '?')}"
        try:
            rng = range_from_row(row, where)
        except ValueError as err:
            problems.append(f"{where}: {row.id}: {err}")
            continue
        key = (rng.pair, rng.year)
        if key in seen:
            problems.append(f"{where}: {row.id}: {rng.pair} {rng.year} is already given at {seen[key]}")
            continue
        seen[key] = where
        out.append(rng)
    if problems:
        raise PatternFileError("\n".join(problems))
    return out


def resolve_exchange_rates(exchange_rates=None) -> list[ExchangeRange]:
    """Ranges from None (bundled file), a path, ExchangeRanges or PatternRows."""
    return resolve_data(
        exchange_rates, ExchangeRange, "an ExchangeRange", range_from_row, load_exchange_rates
    )


def record_year(record) -> int | None:
    """The year of the record's reference_date, else of its published date, else None."""
    for attr in ("reference_date", "published"):
        m = re.match(r"^\s*(\d{4})", getattr(record, attr, None) or "")
        if m:
            return int(m.group(1))
    return None


def currency_conversion(
    record,
    *,
    exchange_rates=None,
    tolerance: float = TOLERANCE,
    rounding: Sequence[str] = DEFAULT_ROUNDING,
) -> list[Finding]:
    """Each Conversion relation: the implied rate against the plausible range for the year."""
    ranges = resolve_exchange_rates(exchange_rates)
    facts = facts_by_id(record)
    year = record_year(record)
    out: list[Finding] = []
    for rel in getattr(record, "relations", None) or []:
        if getattr(rel, "type", None) != "conversion" or (pair := present(facts, rel.from_, rel.to)) is None:
            continue
        src, dst = pair
        out.extend(guarded(CHECK, [src.id, dst.id], lambda a=src, b=dst: _one(a, b, ranges, year, tolerance, rounding)))
    return out


def _one(src, dst, ranges, year, tolerance, rounding) -> list[Finding]:
    ids = [src.id, dst.id]
    if getattr(src, "kind", None) != "money" or getattr(dst, "kind", None) != "money":
        return [finding(CHECK, "untestable", ids, "A conversion links figures that are not both money.")]
    if not (is_number(src.value) and is_number(dst.value)) or src.value <= 0 or dst.value <= 0:
        return [
            finding(CHECK, "untestable", ids, f"{label(src)} ({label(dst)}): an amount is zero or missing.")
        ]
    head = f"{label(src)} restated as {label(dst)}"
    pair = None
    for cand, num, den in (
        (f"{src.currency}/{dst.currency}", src, dst),
        (f"{dst.currency}/{src.currency}", dst, src),
    ):
        if any(r.pair == cand for r in ranges):
            pair = (cand, num, den)
            break
    if pair is None:
        return [
            finding(
                CHECK,
                "untestable",
                ids,
                f"{head}: no plausible rates are known for {src.currency} and {dst.currency}.",
            )
        ]
    name, num, den = pair
    for_pair = [r for r in ranges if r.pair == name]
    used = [r for r in for_pair if year is not None and r.year in (year, year - 1)]
    years_note = f"{year - 1}-{year}" if used else "any year"
    if not used:
        used = for_pair
    tol = Fraction(str(tolerance))
    low = min(Fraction(str(r.low)) for r in used)
    high = max(Fraction(str(r.high)) for r in used)
    plausible = Interval(low * (1 - tol), high * (1 + tol))
    implied = bound_interval(num, rounding).divide(bound_interval(den, rounding).positive_part())
    point = to_fraction(num.value) / to_fraction(den.value)
    base, quote = name.split("/")
    details = {
        "pair": name,
        "implied_rate": round(float(point), 4),
        "implied_interval": implied.as_json(),
        "plausible": [float(low), float(high)],
        "tolerance": tolerance,
        "years": sorted({r.year for r in used}) if years_note != "any year" else "any",
        "year_of_record": year,
        "arithmetic": (
            f"{fmt_number(num.value)} {base} / {fmt_number(den.value)} {quote} "
            f"= {float(point):.4f} {base} per {quote}"
        ),
    }
    if implied.hi is None:
        bound_note = "; one amount is only a bound, so only a rate too high could show"
    elif implied.lo == 0:
        bound_note = "; one amount is only a bound, so only a rate too low could show"
    else:
        bound_note = ""
    spread = (
        "" if implied.exact else f" ({implied.describe(lambda x: f'{float(x):.2f}')} allowing for rounding)"
    )
    known = f"{float(low):.2f}-{float(high):.2f} in {years_note}"
    if implied.overlaps(plausible):
        msg = f"{head}: {float(point):.2f} {base} per {quote}{spread}, plausible ({known}){bound_note}."
        return [finding(CHECK, "consistent", ids, msg, details)]
    side = "below" if implied.hi is not None and implied.hi < plausible.lo else "above"
    msg = (
        f"{head}: implies {float(point):.2f} {base} per {quote}{spread}, {side} the plausible "
        f"{known} (with {tolerance:.0%} tolerance)."
    )
    return [finding(CHECK, "inconsistent", ids, msg, details, severity="warning")]
