"""Coverage: how many of a document's figures some check verified, so users see what was not verified."""

from __future__ import annotations

from collections.abc import Iterable

from extractor.checks._common import NUMERIC_KINDS


def coverage(record, findings: Iterable) -> dict:
    """Counts of numeric figures (count, percentage, multiplier, money): checked, looked at, and not verified.

    `checked`: figures in a consistent or inconsistent finding; `checkable`: figures some check looked at
    (also those only in 'untestable' findings); `figures`: all numeric figures; `unchecked`: ids of figures
    not checked.
    """
    numeric = [
        f.id for f in getattr(record, "facts", None) or [] if getattr(f, "kind", None) in NUMERIC_KINDS
    ]
    numeric_set = set(numeric)
    decided: set[str] = set()
    seen: set[str] = set()
    for fnd in findings or []:
        ids = set(getattr(fnd, "facts", None) or []) & numeric_set
        seen |= ids
        if getattr(fnd, "status", None) in ("consistent", "inconsistent"):
            decided |= ids
    untestable = seen - decided
    unchecked = [i for i in numeric if i not in decided]
    line = f"{len(decided)} of {len(numeric)} figures checked"
    extras = []
    if untestable:
        extras.append(f"{len(untestable)} could not be tested")
    no_check = len(numeric) - len(seen)
    if no_check:
        extras.append(f"{no_check} had no applicable check")
    if extras:
        line += f" ({'; '.join(extras)})"
    return {
        "checked": len(decided),
        "checkable": len(seen),
        "untestable": len(untestable),
        "figures": len(numeric),
        "unchecked": unchecked,
        "line": line,
    }
