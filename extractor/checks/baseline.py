"""GRIM-style checks: can a count and its change or multiplier come from a whole-number earlier count?"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from fractions import Fraction

from extractor.checks._common import facts_by_id, finding, guarded, is_number, label
from extractor.checks.intervals import (
    DEFAULT_ROUNDING,
    STRICT_ROUNDING,
    Interval,
    fact_interval,
    fmt_number,
    is_exact,
    precision_of,
    rounding_interval,
    to_fraction,
)
from extractor.models import Finding

CHANGE = "change_baseline"
MULTIPLIER = "multiplier_baseline"
MAX_CANDIDATES = 6


def _strict(rounding: Sequence[str]) -> tuple[str, ...]:
    """The round-to-nearest conventions among `rounding` (all of them when none is to-nearest)."""
    strict = tuple(r for r in rounding if r in STRICT_ROUNDING)
    return strict or tuple(rounding)


def _near_integers(iv: Interval, limit: int = MAX_CANDIDATES) -> list[int]:
    """Whole numbers >= 1 in and just around a bounded interval, to show which baselines come close."""
    if iv.lo is None:
        return []
    lo = max(1, math.floor(iv.lo) - 1)
    hi = math.ceil(iv.hi) + 1 if iv.hi is not None else lo + limit
    hi = min(hi, lo + limit - 1)
    return list(range(lo, hi + 1))


def _conventions_matching(q: Fraction, value, half: Fraction, rounding: Sequence[str]) -> list[str]:
    return [conv for conv in rounding if rounding_interval(value, half, (conv,)).contains(q)]


def _pct(x: Fraction) -> str:
    return f"{float(x):.2f}%"


def _baseline_interval(n: int, p_iv: Interval, direction: str) -> Interval | None:
    """Baselines b with (n - b) / b (up) or (b - n) / b (down), in percent, in p_iv; None if none."""
    ratio = p_iv.scale(Fraction(1, 100))
    factor = ratio.shift(1) if direction == "up" else ratio.reflect(1)
    factor = factor.positive_part()
    if factor.empty:
        return None
    b_iv = Interval.point(n).divide(factor)
    b_iv = b_iv.intersect(Interval(Fraction(1), None))
    return None if b_iv.empty else b_iv


def change_baseline(record, *, rounding: Sequence[str] = DEFAULT_ROUNDING) -> list[Finding]:
    """For each count with a percentage change (not points): does a whole earlier count give that change?"""
    facts = facts_by_id(record)
    out: list[Finding] = []
    for pct in facts.values():
        if getattr(pct, "kind", None) != "percentage" or pct.role != "change" or pct.points or not pct.of:
            continue
        count = facts.get(pct.of)
        if getattr(count, "kind", None) != "count":
            continue
        if pct.average:
            out.append(_average_untestable(count, pct))
            continue
        one = _difference_one if getattr(count, "difference", None) else _change_one
        found = guarded(CHANGE, [count.id, pct.id], lambda c=count, p=pct, one=one: one(c, p, rounding))
        out.extend(found if pct.basis != "none" else [_unnamed_comparison(f) for f in found])
    return out


def _unnamed_comparison(fnd: Finding) -> Finding:
    """'15 cases, up 13%' with no comparison named (no 'year on year', 'from 2019', 同比): no whole earlier count
    fits, but the text does not say what the change is measured against (an average, another period, a rate);
    shown as doubtful, not counted as an inconsistency."""
    if fnd.status != "inconsistent":
        return fnd
    message = f"{fnd.message} No comparison is named, so this is doubtful rather than inconsistent."
    return fnd.model_copy(update={"status": "doubtful", "severity": "warning", "message": message})


def _average_untestable(count, pct) -> Finding:
    """'4,669 cases, an average annual increase of 24.3%': a rate compounded over several years says nothing about
    any one earlier count."""
    return finding(
        CHANGE,
        "untestable",
        [count.id, pct.id],
        f"{label(count)}, {pct.direction} {pct.text} a year on average: a rate over several years, not one step "
        "from an earlier count, so no baseline check applies.",
    )


def _change_one(count, pct, rounding: Sequence[str]) -> list[Finding]:
    ids = [count.id, pct.id]
    if not (is_number(count.value) and is_number(pct.value)) or count.value < 0 or pct.value < 0:
        return [finding(CHANGE, "untestable", ids, "The count or its change has no usable value.")]
    n = int(count.value)
    direction = pct.direction
    sign = "+" if direction == "up" else "-"
    head = f"{label(count)}, {'up' if direction == 'up' else 'down'} {pct.text.strip()}"
    if not is_exact(count):
        return [
            finding(
                CHANGE,
                "untestable",
                ids,
                f"{head}: the count is approximate or rounded, so some whole earlier count always fits; "
                "not tested.",
                {"reported": {"count": n, "count_interval": fact_interval(count, rounding).as_json()}},
            )
        ]
    if pct.approx is not None:
        return [
            finding(
                CHANGE,
                "untestable",
                ids,
                f"{head}: the change is only a bound ({pct.approx.replace('_', ' ')}), "
                "so the check cannot fail.",
            )
        ]
    half = precision_of(pct.text, pct.value, "percentage").half
    p_iv = rounding_interval(pct.value, half, rounding)
    details: dict = {
        "reported": {"count": n, "change": pct.value, "direction": direction},
        "accepted_change_percent": p_iv.as_json(),
        "rounding": list(rounding),
    }
    if direction == "down" and n > 0 and to_fraction(pct.value) == 100 and half > 0:
        least = math.ceil(n * 100 / half)
        details["arithmetic"] = (
            f"a fall of 100% leaves 0, not {n:,}; only a fall of {fmt_number(100 - half)}% or more, rounded "
            f"up, could, which needs an earlier count of at least {least:,}"
        )
        details["smallest_baseline_if_rounded"] = least
        return [
            finding(
                CHANGE,
                "inconsistent",
                ids,
                f"{head}: a fall of 100% means nothing is left, yet the count is {n:,}.",
                details,
                severity="warning",
            )
        ]
    if n == 0:
        if direction == "up":
            details["arithmetic"] = "a rise can never end at zero"
            return [finding(CHANGE, "inconsistent", ids, f"{head}: a rise cannot end at zero.", details)]
        if p_iv.contains(100):
            details["arithmetic"] = "0 is a fall of 100% from any earlier count"
            details["baselines"] = "any"
            return [finding(CHANGE, "consistent", ids, f"{head}: a fall to zero is a fall of 100%.", details)]
        details["arithmetic"] = f"any fall to zero is exactly 100%, not {pct.value}%"
        return [finding(CHANGE, "inconsistent", ids, f"{head}: a fall to zero is always 100%.", details)]
    b_iv = _baseline_interval(n, p_iv, direction)
    strict_iv = _baseline_interval(n, rounding_interval(pct.value, half, _strict(rounding)), direction)
    if b_iv is not None:
        details["baseline_interval"] = b_iv.as_json()
    if strict_iv is not None and (strict_iv.width is None or strict_iv.width >= 1):
        details["arithmetic"] = f"earlier counts from {strict_iv.describe()} fit, a range wider than one"
        return [
            finding(
                CHANGE,
                "untestable",
                ids,
                f"{head}: at this precision some whole earlier count always fits, so the check cannot fail.",
                details,
            )
        ]
    baselines = b_iv.integers() if b_iv is not None else []
    candidates = []
    around = b_iv if b_iv is not None else _naive_interval(n, to_fraction(pct.value), direction)
    for b in _near_integers(around) if around is not None else []:
        q = Fraction(n - b, b) * 100 if direction == "up" else Fraction(b - n, b) * 100
        candidates.append(
            {
                "baseline": b,
                "change_percent": round(float(q), 4),
                "rounds_to_reported": _conventions_matching(q, pct.value, half, rounding),
            }
        )
    details["candidates"] = candidates
    details["baselines"] = baselines
    if baselines:
        b = baselines[0]
        q = Fraction(n - b, b) * 100 if direction == "up" else Fraction(b - n, b) * 100
        conv = _conventions_matching(q, pct.value, half, rounding)
        details["arithmetic"] = (
            f"{n:,} / {b:,} = {float(Fraction(n, b)):.4f}: {sign}{_pct(abs(q))}, "
            f"which rounds to {pct.value}% ({', '.join(conv)})"
        )
        more = f" (also {', '.join(f'{x:,}' for x in baselines[1:])})" if len(baselines) > 1 else ""
        return [
            finding(
                CHANGE,
                "consistent",
                ids,
                f"{head}: an earlier count of {b:,}{more} gives {sign}{_pct(abs(q))}, "
                f"which rounds to {pct.value}%.",
                details,
            )
        ]
    tried = "; ".join(f"{c['baseline']:,} gives {sign}{c['change_percent']:.2f}%" for c in candidates[:4])
    details["arithmetic"] = f"no whole earlier count gives {sign}{pct.value}%: {tried}"
    return [
        finding(
            CHANGE,
            "inconsistent",
            ids,
            f"{head}: no whole-number earlier count gives this change ({tried}).",
            details,
        )
    ]


def _difference_one(count, pct, rounding: Sequence[str]) -> list[Finding]:
    """'rose by 167 people, up 3.95%': the count is the rise, so the earlier count is 167 / 3.95%; is there a
    whole one the rounding of the percentage allows?"""
    ids = [count.id, pct.id]
    head = f"{label(count)} {'more' if count.difference == 'up' else 'fewer'}, {pct.direction} {pct.text.strip()}"
    if not (is_number(count.value) and is_number(pct.value)) or count.value <= 0 or pct.value <= 0:
        return [finding(CHANGE, "untestable", ids, "The difference or its change has no usable value.")]
    if pct.direction != count.difference:
        msg = f"{head}: the count is a {'rise' if count.difference == 'up' else 'fall'} and the change says " \
            "the opposite; not tested."
        return [finding(CHANGE, "untestable", ids, msg)]
    if not is_exact(count) or pct.approx is not None:
        msg = (
            f"{head}: the difference or the change is approximate, so some whole earlier count always fits; "
            "not tested."
        )
        return [finding(CHANGE, "untestable", ids, msg)]
    n = int(count.value)
    half = precision_of(pct.text, pct.value, "percentage").half
    p_iv = rounding_interval(pct.value, half, rounding)
    b_iv = Interval.point(n * 100).divide(p_iv.positive_part()).intersect(Interval(Fraction(1), None))
    details: dict = {
        "reported": {"difference": n, "change": pct.value, "direction": pct.direction},
        "accepted_change_percent": p_iv.as_json(),
        "rounding": list(rounding),
    }
    if b_iv.empty:
        return [finding(CHANGE, "untestable", ids, f"{head}: no earlier count can be derived.", details)]
    details["baseline_interval"] = b_iv.as_json()
    if b_iv.width is None or b_iv.width >= 1:
        details["arithmetic"] = f"earlier counts from {b_iv.describe()} fit, a range wider than one"
        msg = f"{head}: at this precision some whole earlier count always fits, so the check cannot fail."
        return [finding(CHANGE, "untestable", ids, msg, details)]
    baselines = b_iv.integers()
    details["baselines"] = baselines
    if baselines:
        b = baselines[0]
        q = Fraction(n, b) * 100
        details["arithmetic"] = f"{n:,} / {b:,} = {_pct(q)}, which rounds to {pct.value}%"
        msg = f"{head}: an earlier count of {b:,} gives {_pct(q)}, which rounds to {pct.value}%."
        return [finding(CHANGE, "consistent", ids, msg, details)]
    details["arithmetic"] = f"{n:,} / b is never {pct.value}% for a whole b: b would lie in {b_iv.describe()}"
    msg = f"{head}: no whole-number earlier count gives this change ({n:,} / b would need b in {b_iv.describe()})."
    return [finding(CHANGE, "inconsistent", ids, msg, details)]


def _naive_interval(n: int, p: Fraction, direction: str) -> Interval | None:
    """The baseline the unrounded percentage implies, for showing the nearest candidates when none fits."""
    factor = 1 + p / 100 if direction == "up" else 1 - p / 100
    if factor <= 0:
        return Interval(Fraction(1), Fraction(1)) if n > 0 else None
    return Interval.point(Fraction(n) / factor)


def multiplier_baseline(record, *, rounding: Sequence[str] = DEFAULT_ROUNDING) -> list[Finding]:
    """For each count with a multiplier: is N = X·b or N = (X+1)·b ('rose X times') true for a whole b?"""
    facts = facts_by_id(record)
    out: list[Finding] = []
    for mult in facts.values():
        if getattr(mult, "kind", None) != "multiplier" or not mult.of:
            continue
        count = facts.get(mult.of)
        if getattr(count, "kind", None) != "count":
            continue
        out.extend(
            guarded(MULTIPLIER, [count.id, mult.id], lambda c=count, m=mult: _multiplier_one(c, m, rounding))
        )
    return out


READINGS = {
    "times": ("N = X × b", 0),
    "plus_one": ("N = (X + 1) × b, 'rose by X times'", 1),
}


def _multiplier_one(count, mult, rounding: Sequence[str]) -> list[Finding]:
    ids = [count.id, mult.id]
    if not (is_number(count.value) and is_number(mult.value)) or count.value < 0 or mult.value <= 0:
        return [finding(MULTIPLIER, "untestable", ids, "The count or its multiplier has no usable value.")]
    n = int(count.value)
    shown = " ".join(mult.text.split())
    if not re.search(r"times|fold|doubl|tripl", shown, re.IGNORECASE):
        shown += " times"
    head = f"{label(count)} at {shown}"
    if not is_exact(count) or mult.approx is not None:
        why = (
            "the count is approximate or rounded" if not is_exact(count) else "the multiplier is approximate"
        )
        return [
            finding(
                MULTIPLIER,
                "untestable",
                ids,
                f"{head}: {why}, so some earlier count always fits; not tested.",
            )
        ]
    half = precision_of(mult.text, mult.value, "multiplier").half
    x_iv = rounding_interval(mult.value, half, rounding)
    x_strict = rounding_interval(mult.value, half, _strict(rounding))
    details: dict = {
        "reported": {"count": n, "multiplier": mult.value},
        "accepted_multiplier": x_iv.as_json(),
        "rounding": list(rounding),
        "readings": {},
    }
    if n == 0:
        details["arithmetic"] = "zero is no multiple of a positive earlier count"
        return [
            finding(
                MULTIPLIER,
                "inconsistent",
                ids,
                f"{head}: zero cannot be a multiple of an earlier count.",
                details,
                severity="warning",
            )
        ]
    holds: list[str] = []
    untestable = False
    parts: list[str] = []
    x = to_fraction(mult.value)
    for name, (formula, offset) in READINGS.items():
        b_iv = Interval.point(n).divide(x_iv.shift(offset)).intersect(Interval(Fraction(1), None))
        strict = Interval.point(n).divide(x_strict.shift(offset))
        if strict.width is None or strict.width >= 1:
            untestable = True
        baselines = [] if b_iv.empty else b_iv.integers()
        point = Fraction(n) / (x + offset)
        parts.append(f"{n:,} / {fmt_number(x + offset)} = {float(point):.2f}")
        details["readings"][name] = {
            "formula": formula,
            "baseline_interval": None if b_iv.empty else b_iv.as_json(),
            "baselines": baselines,
            "nearest": [
                {"baseline": b, "ratio": round(float(Fraction(n, b)) - offset, 4)}
                for b in _near_integers(Interval.point(point), 4)
            ],
        }
        if baselines:
            holds.append(name)
    details["holds"] = holds
    details["arithmetic"] = "; ".join(parts)
    if untestable:
        return [
            finding(
                MULTIPLIER,
                "untestable",
                ids,
                f"{head}: at this precision some whole earlier count always fits, so the check cannot fail.",
                details,
            )
        ]
    if holds:
        which = " and ".join(READINGS[h][0] for h in holds)
        best = details["readings"][holds[0]]["baselines"][0]
        return [
            finding(
                MULTIPLIER,
                "consistent",
                ids,
                f"{head}: an earlier count of {best:,} fits ({which}).",
                details,
            )
        ]
    return [
        finding(
            MULTIPLIER,
            "inconsistent",
            ids,
            f"{head}: no whole earlier count fits either reading ({'; '.join(parts)}).",
            details,
            severity="warning",
        )
    ]
