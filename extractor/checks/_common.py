"""Helpers shared by the checks: building findings, looking facts up, never letting odd input raise."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from extractor.kinds import NUMERIC_KINDS
from extractor.models import Finding
from extractor.patterns import PatternFileError, PatternRow

__all__ = ["NUMERIC_KINDS", "finding", "resolve_data"]



def finding(
    check: str,
    status: str,
    facts: Iterable[str | None],
    message: str,
    details: dict[str, Any] | None = None,
    severity: str | None = None,
) -> Finding:
    """A Finding; severity defaults to 'info' unless the status is 'inconsistent' ('error') or 'doubtful'
    ('warning')."""
    if severity is None:
        severity = {"inconsistent": "error", "doubtful": "warning"}.get(status, "info")
    ids = list(dict.fromkeys(f for f in facts if f))
    return Finding(
        check=check, status=status, severity=severity, facts=ids, message=message, details=details or {}
    )


def facts_by_id(record) -> dict[str, Any]:
    """Every fact of the record by id (the first one when an id repeats)."""
    out: dict[str, Any] = {}
    for f in getattr(record, "facts", None) or []:
        out.setdefault(f.id, f)
    return out


def present(facts: dict[str, Any], *ids: str | None) -> tuple | None:
    """The facts of these ids ('of', 'whole', a conversion's ends), or None when any is missing."""
    found = tuple(facts.get(i) for i in ids if i)
    return found if len(found) == len(ids) and None not in found else None


def guarded(check: str, fact_ids: Iterable[str | None], run: Callable[[], list[Finding]]) -> list[Finding]:
    """Run one evaluation; an unexpected error becomes an 'untestable' finding instead of an exception."""
    ids = list(fact_ids)
    try:
        return run()
    except Exception as err:  # a check must never raise on odd input
        return [
            finding(
                check,
                "untestable",
                ids,
                f"The figures could not be evaluated ({type(err).__name__}: {err}).",
                {"error": f"{type(err).__name__}: {err}"},
            )
        ]


def is_number(value: Any) -> bool:
    """True for an int or float that is not a bool."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def _plural(noun: str) -> str:
    """'case' -> 'cases', 'company' -> 'companies', 'person' -> 'persons' (the genre's own plural)."""
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "o", "u"):
        return noun[:-1] + "ies"
    if noun.endswith(("sh", "ch", "x")):
        return noun + "es"
    return noun + "s"


def label(fact) -> str:
    """How a fact reads in a message: its text, with its unit when the text lacks it ('999 cases')."""
    text = " ".join(str(getattr(fact, "text", "") or "").split())
    unit = getattr(fact, "unit", None)
    if getattr(fact, "kind", None) == "count" and unit and unit.lower() not in text.lower():
        plural = unit if getattr(fact, "value", None) == 1 or unit.endswith("s") else _plural(unit)
        text = f"{text} {plural}"
    approx = getattr(fact, "approx", None)
    if approx:
        words = {
            "more_than": "more than",
            "over": "over",
            "nearly": "nearly",
            "about": "about",
            "at_least": "at least",
            "less_than": "less than",
            "up_to": "up to",
        }
        prefix = words.get(approx, approx)
        if not text.lower().startswith(prefix):
            text = f"{prefix} {text}"
    return f"'{text}'"


def same_measure(a, b) -> bool:
    """Whether two facts measure comparable things: both counts, or both money in one currency."""
    ka, kb = getattr(a, "kind", None), getattr(b, "kind", None)
    if ka != kb:
        return False
    if ka == "money":
        return a.currency == b.currency
    return ka == "count"


_BUNDLED: dict[Callable, tuple] = {}  # load -> what load() read of the bundled file, read once a process


def resolve_data(items, model: type, what: str, from_row: Callable, load: Callable) -> list:
    """Audit data (exchange-rate ranges, rate definitions) from None (the bundled file, `load()`, read once), a
    path (`load(path)`), ready `model` items or PatternRows (`from_row(row, row.id)`); every bad one named at
    once."""
    if items is None:
        if load not in _BUNDLED:
            _BUNDLED[load] = tuple(load())
        return list(_BUNDLED[load])
    if isinstance(items, str | Path):
        return load(items)
    out: list = []
    problems: list[str] = []
    for item in items:
        if isinstance(item, model):
            out.append(item)
        elif isinstance(item, PatternRow):
            try:
                out.append(from_row(item, item.id))
            except ValueError as err:
                problems.append(f"{item.id}: {err}")
        else:
            problems.append(f"{item!r} is neither {what} nor a PatternRow")
    if problems:
        raise PatternFileError("\n".join(problems))
    return out
