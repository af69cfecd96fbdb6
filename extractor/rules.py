"""The rule rows a pipeline was built with, loaded once per set of pattern folders."""

from __future__ import annotations

from functools import lru_cache

from extractor.patterns import PatternRow, load_patterns


@lru_cache(maxsize=8)
def _rows(dirs: tuple[str, ...]) -> tuple[PatternRow, ...]:
    return tuple(load_patterns(dirs))


def pipeline_rows(patterns_dirs: list[str] | tuple[str, ...] | None) -> list[PatternRow]:
    """Bundled rows plus those of `patterns_dirs`, as a new list (the cache holds an immutable tuple)."""
    return list(_rows(tuple(str(d) for d in (patterns_dirs or ()))))


def by_label(rows: list[PatternRow], *labels: str) -> list[PatternRow]:
    """The rows whose label is one of `labels`."""
    wanted = set(labels)
    return [r for r in rows if r.label in wanted]


def phrase_table(rows: list[PatternRow], *labels: str) -> dict[str, dict]:
    """{lower-case phrase: attrs} for the phrase rows with these labels."""
    return {r.pattern.lower(): dict(r.attrs, _id=r.id) for r in by_label(rows, *labels) if r.kind == "phrase"}
