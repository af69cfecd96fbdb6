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


def test_disjoint_spans_agree_with_a_scan_across_blocks(monkeypatch):
    # blocks of 2-4 spans: the splits and the lookups across block edges are exercised on a few hundred spans
    monkeypatch.setattr("extractor.spans.BLOCK", 2)
    rng = random.Random(11)
    for _ in range(40):
        spans, taken = DisjointSpans(), []
        for _ in range(400):
            start = rng.randrange(0, 3000)
            end = start + rng.randrange(1, 12)
            scan = any(start < e and s < end for s, e in taken)
            assert spans.overlaps(start, end) == scan
            if not scan:
                spans.add(start, end)
                taken.append((start, end))
        assert len(spans._blocks) > 10
