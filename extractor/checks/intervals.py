"""Interval arithmetic on reported figures: the true values a figure's text allows, in exact fractions.

A figure is read at the precision it is shown to: '28.6%' is a tenth of a percent, '4.26 times' a hundredth,
'1.6 million' a tenth of a million, '1,285' exact. Plain integers ending in '000' ('316,000', '60,000')
may be rounded at their last non-zero digit (Chinese releases give 31.6万 and 6万), so they are read as
rounded to that digit: '316,000' to the thousand, '60,000' to the ten thousand. Every rounding convention
in real use is accepted (half-up, half-even, truncation), so a rounded figure never raises a false alarm.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

ROUNDING_CONVENTIONS = ("half_up", "half_even", "truncate")
DEFAULT_ROUNDING: tuple[str, ...] = ROUNDING_CONVENTIONS
STRICT_ROUNDING: tuple[str, ...] = ("half_up", "half_even")

# How far an approximate qualifier widens a figure beyond its rounding (relative to the figure).
ABOUT_MARGIN = Fraction(5, 100)
NEARLY_MARGIN = Fraction(10, 100)
LOWER_BOUND_APPROX = frozenset({"more_than", "over", "at_least"})
UPPER_BOUND_APPROX = frozenset({"less_than", "up_to"})

SCALE_WORDS = {
    "hundred": 100,
    "thousand": 1_000,
    "k": 1_000,
    "million": 1_000_000,
    "mn": 1_000_000,
    "m": 1_000_000,
    "billion": 1_000_000_000,
    "bn": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
_NUMERAL_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_SCALE_RE = re.compile(
    r"(?<![A-Za-z])(" + "|".join(sorted(SCALE_WORDS, key=len, reverse=True)) + r")\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Interval:
    """A set of reals between `lo` and `hi` (None: unbounded), each end open or closed."""

    lo: Fraction | None
    hi: Fraction | None
    lo_closed: bool = True
    hi_closed: bool = True

    @classmethod
    def point(cls, x: int | float | Fraction) -> Interval:
        """The single value x."""
        v = to_fraction(x)
        return cls(v, v)

    @property
    def exact(self) -> bool:
        """True when the interval is a single value."""
        return self.lo is not None and self.lo == self.hi

    @property
    def bounded(self) -> bool:
        """True when both ends are finite."""
        return self.lo is not None and self.hi is not None

    @property
    def width(self) -> Fraction | None:
        """hi - lo, or None when unbounded."""
        return None if not self.bounded else self.hi - self.lo

    @property
    def empty(self) -> bool:
        """True when no value lies in the interval."""
        if self.lo is None or self.hi is None:
            return False
        return self.lo > self.hi or (self.lo == self.hi and not (self.lo_closed and self.hi_closed))

    def contains(self, x: int | float | Fraction) -> bool:
        """Whether x lies in the interval."""
        v = to_fraction(x)
        if self.lo is not None and (v < self.lo or (v == self.lo and not self.lo_closed)):
            return False
        return not (self.hi is not None and (v > self.hi or (v == self.hi and not self.hi_closed)))

    def intersect(self, other: Interval) -> Interval:
        """The values in both intervals (may be empty)."""
        lo, lo_c = _max_lo((self.lo, self.lo_closed), (other.lo, other.lo_closed))
        hi, hi_c = _min_hi((self.hi, self.hi_closed), (other.hi, other.hi_closed))
        return Interval(lo, hi, lo_c, hi_c)

    def overlaps(self, other: Interval) -> bool:
        """Whether some value lies in both intervals."""
        return not self.intersect(other).empty

    def integers(self, limit: int = 50) -> list[int]:
        """The whole numbers in the interval, at most `limit` of them (none when it is unbounded below)."""
        if self.lo is None or self.empty:
            return []
        first = math.ceil(self.lo)
        if first == self.lo and not self.lo_closed:
            first += 1
        out: list[int] = []
        n = first
        while len(out) < limit and self.contains(n):
            out.append(n)
            n += 1
        return out

    def __add__(self, other: Interval) -> Interval:
        lo = None if self.lo is None or other.lo is None else self.lo + other.lo
        hi = None if self.hi is None or other.hi is None else self.hi + other.hi
        return Interval(lo, hi, self.lo_closed and other.lo_closed, self.hi_closed and other.hi_closed)

    def scale(self, k: int | Fraction) -> Interval:
        """The interval times a positive constant."""
        k = Fraction(k)
        if k <= 0:
            raise ValueError(f"scale factor must be positive, got {k}")
        return Interval(
            None if self.lo is None else self.lo * k,
            None if self.hi is None else self.hi * k,
            self.lo_closed,
            self.hi_closed,
        )

    def shift(self, k: int | Fraction) -> Interval:
        """The interval plus a constant."""
        k = Fraction(k)
        return Interval(
            None if self.lo is None else self.lo + k,
            None if self.hi is None else self.hi + k,
            self.lo_closed,
            self.hi_closed,
        )

    def reflect(self, k: int | Fraction) -> Interval:
        """k minus the interval."""
        k = Fraction(k)
        return Interval(
            None if self.hi is None else k - self.hi,
            None if self.lo is None else k - self.lo,
            self.hi_closed,
            self.lo_closed,
        )

    def positive_part(self) -> Interval:
        """The part of the interval above zero."""
        return self.intersect(Interval(Fraction(0), None, False, True))

    def divide(self, other: Interval) -> Interval:
        """self / other for non-negative intervals, other > 0 (an unbounded quotient has hi None)."""
        if (self.lo is not None and self.lo < 0) or (other.lo is not None and other.lo < 0):
            raise ValueError("divide needs non-negative intervals")
        if self.lo is None:
            lo, lo_c = None, True
        elif other.hi is None:
            lo, lo_c = Fraction(0), (self.lo == 0 and self.lo_closed)
        elif other.hi == 0:
            raise ZeroDivisionError("division by an interval that is zero")
        else:
            lo, lo_c = self.lo / other.hi, self.lo_closed and other.hi_closed
            if self.lo == 0:
                lo_c = self.lo_closed
        if self.hi is None or other.lo is None or other.lo == 0:
            hi, hi_c = None, True
        else:
            hi, hi_c = self.hi / other.lo, self.hi_closed and other.lo_closed
        return Interval(lo, hi, lo_c, hi_c)

    def as_json(self, digits: int = 6) -> list:
        """[lo, hi, "[)"] with floats rounded to `digits` significant digits; None for an unbounded end."""
        brackets = ("[" if self.lo_closed else "(") + ("]" if self.hi_closed else ")")
        return [_round_sig(self.lo, digits), _round_sig(self.hi, digits), brackets]

    def describe(self, fmt=None, suffix: str = "") -> str:
        """'28.55%–28.7%' style text for a message; 'at least X' / 'at most Y' for one-sided intervals."""
        fmt = fmt or fmt_number
        if self.lo is None and self.hi is None:
            return "any value"
        if self.hi is None:
            return f"at least {fmt(self.lo)}{suffix}"
        if self.lo is None:
            return f"at most {fmt(self.hi)}{suffix}"
        if self.lo == self.hi:
            return f"{fmt(self.lo)}{suffix}"
        return f"{fmt(self.lo)}{suffix} to {fmt(self.hi)}{suffix}"


def _max_lo(a, b):
    (x, xc), (y, yc) = a, b
    if x is None:
        return y, yc
    if y is None or x > y:
        return x, xc
    if y > x:
        return y, yc
    return x, xc and yc


def _min_hi(a, b):
    (x, xc), (y, yc) = a, b
    if x is None:
        return y, yc
    if y is None or x < y:
        return x, xc
    if y < x:
        return y, yc
    return x, xc and yc


def _round_sig(x: Fraction | None, digits: int) -> float | None:
    if x is None:
        return None
    f = float(x)
    if f == 0 or not math.isfinite(f):
        return f
    return round(f, digits - 1 - math.floor(math.log10(abs(f))))


def to_fraction(x: int | float | str | Fraction) -> Fraction:
    """An exact fraction of a reported value: floats by their shortest repr, so 28.6 is 286/10."""
    if isinstance(x, Fraction):
        return x
    if isinstance(x, bool):
        raise TypeError("a boolean is not a figure")
    if isinstance(x, int):
        return Fraction(x)
    if isinstance(x, float):
        if not math.isfinite(x):
            raise ValueError(f"not a finite number: {x}")
        return Fraction(repr(x))
    return Fraction(x)


def fmt_number(x: Fraction | float | int | None, decimals: int = 4) -> str:
    """A number for a message: thousands separators, at most `decimals` decimals, no trailing zeros."""
    if x is None:
        return "?"
    f = float(x)
    if f == int(f) and abs(f) < 1e15:
        return f"{int(f):,}"
    s = f"{f:,.{decimals}f}".rstrip("0").rstrip(".")
    return s


@dataclass(frozen=True)
class Precision:
    """How a figure is shown: the number as written, its last-digit unit, whether it is rounded."""

    shown: Fraction | None
    unit: Fraction
    half: Fraction
    rounded: bool
    reason: str


def precision_of(text: str | None, value: int | float | Fraction, kind: str = "count") -> Precision:
    """The precision a fact's text gives its value (`half`: half a unit of the last shown digit).

    Counts and money: exact unless shown with decimals, a scale word ('1.6 million'), or as a plain integer
    ending in '000' (possibly rounded at its last non-zero digit). Percentages and multipliers: half a unit of
    the last shown digit ('28.6%' -> 0.05, '3 times' -> 0.5).
    """
    v = to_fraction(value)
    text = text or ""
    m = _NUMERAL_RE.search(text)
    scale_m = _SCALE_RE.search(text, m.end() if m else 0)
    if m is None:
        # number words: 'nine', 'four', 'doubled', 'two million'
        if scale_m:
            unit = Fraction(SCALE_WORDS[scale_m.group(1).lower()])
            return Precision(
                None, unit, unit / 2, True, f"number in words with scale word {scale_m.group(1)!r}"
            )
        if kind in ("count", "money"):
            return Precision(None, Fraction(1), Fraction(0), False, "number in words, exact")
        return Precision(None, Fraction(1), Fraction(1, 2), True, "number in words, read to the unit")
    digits = m.group(0).replace(",", "")
    shown = Fraction(digits)
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    unit = Fraction(1, 10**decimals)
    if kind in ("percentage", "multiplier"):
        factor = v / shown if shown else Fraction(1)
        return Precision(shown, unit * factor, unit * factor / 2, True, f"{decimals} decimal(s) shown")
    if scale_m or v != shown:
        if shown == 0:
            return Precision(shown, Fraction(0), Fraction(0), False, "zero")
        factor = v / shown
        word = scale_m.group(1) if scale_m else "scale"
        return Precision(
            shown, unit * factor, unit * factor / 2, True, f"{m.group(0)} {word}: rounded figure"
        )
    if decimals:
        return Precision(shown, unit, unit / 2, True, f"{decimals} decimal(s) shown")
    zeros = len(digits) - len(digits.rstrip("0"))
    if zeros >= 3 and shown != 0:
        unit = Fraction(10**zeros)
        return Precision(
            shown, unit, unit / 2, True, f"ends in {zeros} zeros: possibly rounded to {int(unit):,}"
        )
    return Precision(shown, Fraction(1), Fraction(0), False, "exact")


def rounding_interval(
    value: int | float | Fraction, half: Fraction, rounding: Sequence[str] = DEFAULT_ROUNDING
) -> Interval:
    """The true values that round to `value` at half-width `half` under any of the `rounding` conventions."""
    v = to_fraction(value)
    if half == 0:
        return Interval(v, v)
    unknown = [r for r in rounding if r not in ROUNDING_CONVENTIONS]
    if unknown or not rounding:
        raise ValueError(
            f"unknown rounding convention(s) {unknown or rounding!r}; allowed: {ROUNDING_CONVENTIONS}"
        )
    unit = 2 * half
    parts: list[Interval] = []
    for conv in rounding:
        if conv == "half_up":
            # half away from zero on magnitudes
            parts.append(
                Interval(v - half, v + half, True, False)
                if v >= 0
                else Interval(v - half, v + half, False, True)
            )
        elif conv == "half_even":
            k = v / unit
            even = k.denominator == 1 and k.numerator % 2 == 0
            parts.append(Interval(v - half, v + half, even, even))
        else:
            parts.append(Interval(v, v + unit, True, False) if v >= 0 else Interval(v - unit, v, False, True))
    return union(parts)


def union(parts: Iterable[Interval]) -> Interval:
    """The smallest interval holding all `parts` (they overlap here, so this is their union)."""
    parts = list(parts)
    lo, lo_c = parts[0].lo, parts[0].lo_closed
    hi, hi_c = parts[0].hi, parts[0].hi_closed
    for p in parts[1:]:
        if lo is not None and (p.lo is None or p.lo < lo):
            lo, lo_c = p.lo, p.lo_closed
        elif p.lo == lo and lo is not None:
            lo_c = lo_c or p.lo_closed
        if hi is not None and (p.hi is None or p.hi > hi):
            hi, hi_c = p.hi, p.hi_closed
        elif p.hi == hi and hi is not None:
            hi_c = hi_c or p.hi_closed
    return Interval(lo, hi, lo_c, hi_c)


def widen_for_approx(iv: Interval, approx: str | None) -> Interval:
    """Widen for a qualifier: 'more than' is a lower bound, 'about' ±5%, 'nearly' up to 10% below."""
    if approx is None:
        return iv
    if approx in LOWER_BOUND_APPROX:
        return Interval(iv.lo, None, iv.lo_closed, True)
    if approx in UPPER_BOUND_APPROX:
        return Interval(Fraction(0), iv.hi, True, iv.hi_closed)
    if approx == "about":
        return Interval(iv.lo * (1 - ABOUT_MARGIN), iv.hi * (1 + ABOUT_MARGIN), True, True)
    if approx == "nearly":
        return Interval(iv.lo * (1 - NEARLY_MARGIN), iv.hi, True, iv.hi_closed)
    return Interval(None, None)


def fact_interval(fact, rounding: Sequence[str] = DEFAULT_ROUNDING) -> Interval:
    """The true values a numeric fact allows: its precision, the rounding conventions, its qualifier."""
    prec = precision_of(getattr(fact, "text", None), fact.value, getattr(fact, "kind", "count"))
    iv = rounding_interval(fact.value, prec.half, rounding)
    return widen_for_approx(iv, getattr(fact, "approx", None))


def bound_interval(fact, rounding: Sequence[str] = DEFAULT_ROUNDING) -> Interval:
    """The values a figure allows when it is tested against another. A bound reads as the genre writes it, the
    figure rounded toward the bound at its last digit, as 67万余 is 670,000 and some, short of 680,000: 'more than
    670,000 cases' is 670,000 to 680,000, 'more than 1 million' 1 to 2 million (a writer with 3 million would say
    so). So a part of 728,000 does not fit 'more than 670,000', and 'more than 1 million yuan (about 489,900 U.S.
    dollars)' implies 2.0 to 4.3 yuan a dollar, not any rate above 2.0; 'about' widens as ever."""
    approx = getattr(fact, "approx", None)
    value = to_fraction(fact.value)
    if approx not in LOWER_BOUND_APPROX | UPPER_BOUND_APPROX or value <= 0:
        return fact_interval(fact, rounding)
    step = Fraction(1)
    while value % (step * 10) == 0:
        step *= 10
    while value % step != 0:
        step /= 10
    if approx in LOWER_BOUND_APPROX:
        return Interval(value, value + step, True, False)
    return Interval(max(Fraction(0), value - step), value, False, True)


def is_exact(fact) -> bool:
    """True for a figure given exactly: no qualifier and not a rounded figure."""
    if getattr(fact, "approx", None) is not None:
        return False
    prec = precision_of(getattr(fact, "text", None), fact.value, getattr(fact, "kind", "count"))
    return prec.half == 0
