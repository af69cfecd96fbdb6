"""DisjointSpans answers as a scan of every span taken would."""

import random

from extractor.spans import DisjointSpans


def test_disjoint_spans_agree_with_a_scan():
    rng = random.Random(7)
    for _ in range(200):
        spans, taken = DisjointSpans(), []
        for _ in range(60):
            start = rng.randrange(0, 300)
            end = start + rng.randrange(1, 25)
            scan = any(start < e and s < end for s, e in taken)
            assert spans.overlaps(start, end) == scan
            if not scan:
                spans.add(start, end)
                taken.append((start, end))
