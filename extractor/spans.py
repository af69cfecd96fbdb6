"""A growing set of disjoint character spans, asked 'does [start, end) overlap any?' in O(log n) (no spaCy)."""

from __future__ import annotations

import bisect


class DisjointSpans:
    """Spans added one at a time, never overlapping each other: the greedy choice of non-overlapping matches.

    A scan of every span taken so far made that choice quadratic in the matches of a text."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        """True when [start, end) shares a character with a span of the set."""
        k = bisect.bisect_left(self.starts, end) - 1  # the last span starting before `end`
        return k >= 0 and self.ends[k] > start

    def add(self, start: int, end: int) -> None:
        """Add [start, end), which must overlap no span of the set."""
        k = bisect.bisect_left(self.starts, start)
        self.starts.insert(k, start)
        self.ends.insert(k, end)
