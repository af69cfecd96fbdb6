"""The same quantity stated twice in one release with different values.

Conservative by design (a false alarm costs more than a miss): two figures are taken as the same quantity only
when they are of one kind and unit (or currency), have the same non-empty subject and the same non-empty
action, fall under the same period (the nearest date stated before each is the same), and no relation links
them (parts of one total, items of one 'respectively' list). They differ only when no value allowed by their
rounding and qualifiers is common to both. The same value repeated gives no finding.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractor.checks._common import finding, guarded, is_number, label
from extractor.checks.intervals import DEFAULT_ROUNDING, fact_interval, fmt_number
from extractor.models import Finding

CHECK = "repeated_figure"


MIN_SUBJECT_WORDS = 3


def _norm(s: str | None) -> str:
    return " ".join((s or "").lower().replace("’", "'").split())


def _linked_pairs(record) -> set[frozenset[str]]:
    """Pairs of fact ids that some relation puts together (they are distinct quantities by construction)."""
    out: set[frozenset[str]] = set()
    for rel in getattr(record, "relations", None) or []:
        kind = getattr(rel, "type", None)
        if kind == "part_of":
            groups = [[rel.part, rel.whole]]
        elif kind == "sum":
            groups = [[*rel.parts, rel.total]]
        elif kind == "respectively":
            groups = [list(rel.items)]
        elif kind == "rate":
            groups = [[rel.numerator, *rel.denominator]]
        else:
            groups = []
        for g in groups:
            for i, a in enumerate(g):
                for b in g[i + 1 :]:
                    if a != b:
                        out.add(frozenset((a, b)))
    return out


def repeated_figure(record, *, rounding: Sequence[str] = DEFAULT_ROUNDING) -> list[Finding]:
    """Figures of one quantity (same unit, subject, action and period) whose values cannot agree."""
    return guarded(CHECK, [], lambda: _run(record, rounding))


def _run(record, rounding) -> list[Finding]:
    facts = sorted(getattr(record, "facts", None) or [], key=lambda f: f.start)
    linked = _linked_pairs(record)
    period = None
    groups: dict[tuple, list] = {}
    for f in facts:
        kind = getattr(f, "kind", None)
        if kind == "date":
            period = _norm(f.value)
            continue
        if kind not in ("count", "money") or not is_number(f.value):
            continue
        subject, action = _norm(getattr(f, "subject", None)), _norm(getattr(f, "action", None))
        # a bare noun ('cases') names no quantity: 'the SPC accepted 21,081 cases' and 'courts accepted
        # 45.574 million cases' are different figures; demand a descriptive phrase before comparing
        if not subject or not action or len(subject.split()) < MIN_SUBJECT_WORDS:
            continue
        unit = _norm(f.unit) if kind == "count" else f.currency
        groups.setdefault((kind, unit, subject, action, period), []).append(f)
    out: list[Finding] = []
    for (_kind, _unit, subject, action, when), members in groups.items():
        if len(members) < 2:
            continue
        ivs = {m.id: fact_interval(m, rounding) for m in members}
        clashes = [
            (a, b)
            for i, a in enumerate(members)
            for b in members[i + 1 :]
            if frozenset((a.id, b.id)) not in linked and not ivs[a.id].overlaps(ivs[b.id])
        ]
        if not clashes:
            continue
        involved = list(dict.fromkeys(x for pair in clashes for x in pair))
        values = ", ".join(label(m) for m in involved)
        details = {
            "subject": subject,
            "action": action,
            "period": when,
            "values": [m.value for m in involved],
            "arithmetic": " vs ".join(fmt_number(m.value) for m in involved),
        }
        msg = f"The same figure ({action} {subject}) is given with different values: {values}" + (
            f" (period: {when})." if when else "."
        )
        out.append(finding(CHECK, "inconsistent", [m.id for m in involved], msg, details, severity="warning"))
    return out
