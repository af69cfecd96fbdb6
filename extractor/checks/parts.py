"""Parts and wholes: a part within its whole, parts adding up to their total, aligned 'respectively' lists."""

from __future__ import annotations

from collections.abc import Sequence

from extractor.checks._common import facts_by_id, finding, guarded, is_number, label, same_measure
from extractor.checks.intervals import (
    DEFAULT_ROUNDING,
    Interval,
    bound_interval,
    fact_interval,
    fmt_number,
    is_exact,
    to_fraction,
)
from extractor.models import Finding
from extractor.unit_classes import UnitTable, bundled_units

CHECK = "parts_and_wholes"

def comparable_units(a, b, units: UnitTable | None = None) -> bool:
    """Whether a subset relation can be tested: same kind and currency, units of one class (the unit table of
    patterns/unit_classes.jsonl: leaders among suspects, crimes among cases) or a unit left unsaid."""
    if not same_measure(a, b):
        return False
    if a.kind != "count":
        return True
    ua, ub = (a.unit or "").strip().lower(), (b.unit or "").strip().lower()
    if not ua or not ub or ua == ub:
        return True
    return (units or bundled_units()).kin(ua, ub)


def _can_be_at_most(part: Interval, whole: Interval) -> bool:
    """Whether some value of `part` is <= some value of `whole`."""
    if part.lo is None or whole.hi is None:
        return True
    return part.lo < whole.hi or (part.lo == whole.hi and part.lo_closed and whole.hi_closed)


def parts_and_wholes(
    record, *, rounding: Sequence[str] = DEFAULT_ROUNDING, units: UnitTable | None = None
) -> list[Finding]:
    """PartOf: part <= whole; Sum: parts add up to the total; Respectively: as many qualifiers as items."""
    facts = facts_by_id(record)
    out: list[Finding] = []
    for rel in getattr(record, "relations", None) or []:
        kind = getattr(rel, "type", None)
        if kind == "part_of":
            out.extend(guarded(CHECK, [rel.part, rel.whole], lambda r=rel: _part_of(r, facts, rounding, units)))
        elif kind == "sum":
            out.extend(guarded(CHECK, [*rel.parts, rel.total], lambda r=rel: _sum(r, facts, rounding)))
        elif kind == "respectively":
            out.extend(guarded(CHECK, [*rel.items, *rel.qualifiers], lambda r=rel: _respectively(r, facts)))
    return out


def _part_of(rel, facts, rounding, units: UnitTable | None) -> list[Finding]:
    part, whole = facts.get(rel.part), facts.get(rel.whole)
    ids = [rel.part, rel.whole]
    if part is None or whole is None:
        return []
    if not (is_number(getattr(part, "value", None)) and is_number(getattr(whole, "value", None))):
        return []
    # a stated link ('Of the 470,000 filed, 133,534 officials') is tested whatever the units: the text says
    # the part is among the whole; the linker marks a link between two unlike nouns as inferred
    comparable = comparable_units(part, whole, units) or (
        getattr(rel, "confidence", "stated") == "stated" and same_measure(part, whole)
    )
    if not comparable and not same_measure(part, whole):
        return [finding(CHECK, "untestable", ids, f"{label(part)} and {label(whole)} are not the same kind of figure.")]
    p_iv, w_iv = bound_interval(part, rounding), bound_interval(whole, rounding)
    if not comparable:
        things = f"{getattr(part, 'unit', None)} vs {getattr(whole, 'unit', None)}"
        if _can_be_at_most(p_iv, w_iv):
            msg = f"{label(part)} is said to be part of {label(whole)}, but they count different things ({things})."
            return [finding(CHECK, "untestable", ids, msg)]
        # larger, yet of another class of thing: the link itself may be wrong, so doubtful, not inconsistent
        msg = (
            f"{label(part)} is said to be part of {label(whole)} and is larger, but they count different things "
            f"({things}), so the link may be wrong."
        )
        arithmetic = f"{fmt_number(part.value)} > {fmt_number(whole.value)}"
        details = {"part": part.value, "whole": whole.value, "cue": rel.cue, "arithmetic": arithmetic}
        return [finding(CHECK, "doubtful", ids, msg, details)]
    details = {
        "part": part.value,
        "whole": whole.value,
        "part_interval": p_iv.as_json(),
        "whole_interval": w_iv.as_json(),
        "cue": rel.cue,
        "arithmetic": f"{fmt_number(part.value)} <= {fmt_number(whole.value)}",
    }
    if _can_be_at_most(p_iv, w_iv):
        plain = is_exact(part) and getattr(whole, "approx", None) is None
        if plain and to_fraction(part.value) > to_fraction(whole.value):
            # '84,000 officials, including 84,300 ...': larger than the whole as written, within what it may be
            # rounded from: shown as doubtful, not counted an inconsistency
            details["arithmetic"] = f"{fmt_number(part.value)} > {fmt_number(whole.value)}, within rounding"
            msg = (
                f"{label(part)} is larger than {label(whole)} as written, though within what the whole may have "
                "been rounded from."
            )
            return [finding(CHECK, "doubtful", ids, msg, details)]
        msg = f"{label(part)} is no more than {label(whole)}, its whole."
        return [finding(CHECK, "consistent", ids, msg, details)]
    details["arithmetic"] = f"{fmt_number(part.value)} > {fmt_number(whole.value)}"
    return [
        finding(
            CHECK,
            "inconsistent",
            ids,
            f"{label(part)} is said to be part of {label(whole)}, but it is larger "
            f"({fmt_number(part.value)} > {fmt_number(whole.value)}).",
            details,
        )
    ]


def _sum(rel, facts, rounding) -> list[Finding]:
    ids = [*rel.parts, rel.total]
    parts = [facts.get(p) for p in rel.parts]
    total = facts.get(rel.total)
    if total is None or not parts or any(p is None for p in parts):
        return [finding(CHECK, "untestable", ids, "A stated sum refers to figures that were not found.")]
    if not all(is_number(getattr(f, "value", None)) for f in [*parts, total]):
        return [finding(CHECK, "untestable", ids, "A stated sum has figures without a number.")]
    if not (all(same_measure(p, total) for p in parts) or all(_share(f) for f in [*parts, total])):
        return [
            finding(CHECK, "untestable", ids, "A stated sum mixes figures of different kinds or currencies.")
        ]
    sum_iv = Interval.point(0)
    for p in parts:
        sum_iv = sum_iv + fact_interval(p, rounding)
    t_iv = fact_interval(total, rounding)
    stated = sum(to_fraction(p.value) for p in parts)
    terms = " + ".join(fmt_number(p.value) for p in parts)
    details = {
        "parts": [p.value for p in parts],
        "total": total.value,
        "sum": float(stated),
        "sum_interval": sum_iv.as_json(),
        "total_interval": t_iv.as_json(),
        "arithmetic": f"{terms} = {fmt_number(stated)} vs total {fmt_number(total.value)}",
    }
    if sum_iv.overlaps(t_iv):
        msg = f"The parts add up to {fmt_number(stated)}, which fits the total {label(total)}."
        return [finding(CHECK, "consistent", ids, msg, details)]
    msg = f"The parts ({terms}) add up to {fmt_number(stated)}, not the stated total {label(total)}."
    if getattr(rel, "confidence", "stated") == "inferred":
        # a total guessed for a list no cue ties to it: shown, not counted an inconsistency
        return [finding(CHECK, "doubtful", ids, msg + " (The total is inferred, not stated.)", details)]
    return [finding(CHECK, "inconsistent", ids, msg, details)]


def _share(f) -> bool:
    """A percentage that is a share of a whole, not a change in points: shares of one whole add up as counts do."""
    return getattr(f, "kind", None) == "percentage" and getattr(f, "role", None) == "share" and not f.points


def _respectively(rel, facts) -> list[Finding]:
    ids = [*rel.items, *rel.qualifiers]
    if rel.aligned:  # a measure can hold an item's place without being a fact
        return []
    items = ", ".join(label(facts[i]) if i in facts else i for i in rel.items)
    quals = ", ".join(label(facts[q]) if q in facts else q for q in rel.qualifiers)
    details = {
        "items": list(rel.items),
        "qualifiers": list(rel.qualifiers),
        "arithmetic": f"{len(rel.items)} item(s) vs {len(rel.qualifiers)} 'respectively' qualifier(s)",
    }
    msg = (
        f"'Respectively' pairs {len(rel.items)} figure(s) ({items}) with {len(rel.qualifiers)} qualifier(s) "
        f"({quals}); the lists do not line up, so which figure each qualifier belongs to is unclear."
    )
    return [finding(CHECK, "doubtful", ids, msg, details)]
