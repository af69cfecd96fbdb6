"""A growing set of disjoint character spans, asked 'does [start, end) overlap any?' in O(log n) (no spaCy)."""

from __future__ import annotations

import bisect

BLOCK = 512  # spans per block before it splits in two


class DisjointSpans:
    """Spans added one at a time, never overlapping each other: the greedy choice of non-overlapping matches.

    A scan of every span taken so far made that choice quadratic in the matches of a text; so did one sorted
    list, whose inserts move the spans after the new one (13,000 codes: 7x the time for 2x the spans). The spans
    are kept in blocks of at most 2 * BLOCK, in order, so an insert moves one block's spans."""

    def __init__(self) -> None:
        self._firsts: list[int] = []  # the first start of each block
        self._blocks: list[tuple[list[int], list[int]]] = []  # (starts, ends) of each block, in order

    def overlaps(self, start: int, end: int) -> bool:
        """True when [start, end) shares a character with a span of the set."""
        b = bisect.bisect_left(self._firsts, end) - 1  # the last block with a span starting before `end`
        if b < 0:
            return False
        starts, ends = self._blocks[b]
        k = bisect.bisect_left(starts, end) - 1  # the last span starting before `end` (>= 0: the block's first)
        return ends[k] > start

    def add(self, start: int, end: int) -> None:
        """Add [start, end), which must overlap no span of the set."""
        if not self._blocks:
            self._firsts.append(start)
            self._blocks.append(([start], [end]))
            return
        b = max(bisect.bisect_right(self._firsts, start) - 1, 0)
        starts, ends = self._blocks[b]
        k = bisect.bisect_left(starts, start)
        starts.insert(k, start)
        ends.insert(k, end)
        self._firsts[b] = starts[0]
        if len(starts) > 2 * BLOCK:
            self._blocks[b : b + 1] = [(starts[:BLOCK], ends[:BLOCK]), (starts[BLOCK:], ends[BLOCK:])]
            self._firsts[b : b + 1] = [starts[0], starts[BLOCK]]
