"""Changes and multipliers whose earlier figure the release states: 'from 1,250 in 2018 to 1,600, up 28%'."""

from __future__ import annotations

from collections.abc import Sequence

from extractor.checks._common import facts_by_id, finding, guarded, is_number, label
from extractor.checks.intervals import DEFAULT_ROUNDING, fact_interval, fmt_number
from extractor.models import Finding

CHECK = "stated_change"
NUMERIC = ("count", "money", "percentage")


def stated_change(record, *, rounding: Sequence[str] = DEFAULT_ROUNDING) -> list[Finding]:
    """For each change or multiplier with a stated baseline: do the two figures give the stated change?"""
    facts = facts_by_id(record)
    out: list[Finding] = []
    for q in facts.values():
        if getattr(q, "kind", None) not in ("percentage", "multiplier") or not getattr(q, "baseline", None):
            continue
        if q.kind == "percentage" and q.role != "change":
            continue
        now, base = facts.get(q.of), facts.get(q.baseline)
        if now is None or base is None or now.kind not in NUMERIC or base.kind != now.kind:
            continue
        if not (is_number(now.value) and is_number(base.value)) or base.value <= 0:
            continue
        out.extend(guarded(CHECK, [base.id, now.id, q.id], lambda q=q, n=now, b=base: _one(q, n, b, rounding)))
    return out


def _one(q, now, base, rounding) -> list[Finding]:
    ids = [base.id, now.id, q.id]
    n_iv, b_iv, q_iv = (fact_interval(f, rounding) for f in (now, base, q))
    if q.kind == "percentage" and q.points:
        implied = n_iv + b_iv.reflect(0) if q.direction == "up" else b_iv + n_iv.reflect(0)
        unit, shown = " points", fmt_number(now.value - base.value if q.direction == "up" else base.value - now.value)
        readings = {"difference": implied}
    elif q.kind == "percentage":
        ratio = n_iv.divide(b_iv.positive_part())
        implied = ratio.shift(-1).scale(100) if q.direction == "up" else ratio.reflect(1).scale(100)
        sign = 1 if q.direction == "up" else -1
        unit, shown = "%", f"{sign * (now.value / base.value - 1) * 100:+.2f}"
        readings = {"change": implied}
        if now.kind == "percentage":
            # 'The clearance rate reached 86.03%, an increase of 7.39% compared with 78.64%': a change of a rate
            # written with '%' is often its change in points (个百分点 translated as '%'); both readings are kept
            readings["points"] = n_iv + b_iv.reflect(0) if q.direction == "up" else b_iv + n_iv.reflect(0)
    else:
        ratio = n_iv.divide(b_iv.positive_part())
        unit, shown = " times", f"{now.value / base.value:.3f}"
        # 'N is X times B' and the Chinese 上升X倍 reading 'up X times' (N = (X + 1) B)
        readings = {"N = X·B": ratio, "N = (X+1)·B": ratio.shift(-1)}
    holding = [name for name, iv in readings.items() if iv.overlaps(q_iv)]
    arithmetic = (
        f"{fmt_number(now.value)} vs {fmt_number(base.value)}: {shown}{unit}, stated {fmt_number(q.value)}{unit}"
    )
    details = {
        "reported": q.value,
        "now": now.value,
        "baseline": base.value,
        "implied": {name: iv.as_json() for name, iv in readings.items()},
        "stated_interval": q_iv.as_json(),
        "readings_that_hold": holding,
        "arithmetic": arithmetic,
    }
    what = f"{label(q)} from {label(base)} to {label(now)}"
    if holding:
        return [finding(CHECK, "consistent", ids, f"{what}: the stated figures agree ({arithmetic}).", details)]
    return [
        finding(
            CHECK,
            "inconsistent",
            ids,
            f"{what}: the stated figures give {shown}{unit}, not {fmt_number(q.value)}{unit}.",
            details,
        )
    ]


__all__ = ["stated_change"]
