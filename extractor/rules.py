"""The rule rows a pipeline was built with, loaded once per set of pattern folders."""

from __future__ import annotations

from functools import lru_cache

from extractor.patterns import PatternRow, load_patterns, rows_with_label


@lru_cache(maxsize=8)
def _rows(dirs: tuple[str, ...]) -> tuple[PatternRow, ...]:
    return tuple(load_patterns(dirs))


def pipeline_rows(patterns_dirs: list[str] | tuple[str, ...] | None) -> list[PatternRow]:
    """Bundled rows plus those of `patterns_dirs`, as a new list (the cache holds an immutable tuple)."""
    return list(_rows(tuple(str(d) for d in (patterns_dirs or ()))))


by_label = rows_with_label  # the rows whose label is one of `labels`


@lru_cache(maxsize=8)
def audit_rules(patterns_dirs: tuple[str, ...] = ()) -> dict:
    """The audit's data as keyword arguments of `checks.audit` (rates, exchange_rates, units), bundled plus
    those of `patterns_dirs`, validated once: the checks take them as they are instead of reading every row
    again for each document."""
    from extractor.checks.conversion import resolve_exchange_rates
    from extractor.checks.rates import resolve_rates
    from extractor.unit_classes import LABELS as UNIT_LABELS
    from extractor.unit_classes import UnitTable

    rows = pipeline_rows(patterns_dirs)
    return {
        "rates": resolve_rates(by_label(rows, "RATE_DEFINITION")),
        "exchange_rates": resolve_exchange_rates(by_label(rows, "EXCHANGE_RATE")),
        "units": UnitTable([r for r in rows if r.label in UNIT_LABELS]),
    }


def phrase_table(rows: list[PatternRow], *labels: str) -> dict[str, dict]:
    """{lower-case phrase: attrs} for the phrase rows with these labels."""
    return {r.pattern.lower(): dict(r.attrs, _id=r.id) for r in by_label(rows, *labels) if r.kind == "phrase"}
