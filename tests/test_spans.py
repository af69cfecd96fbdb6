"""DisjointSpans answers as a scan of every span taken would."""

import random

from extractor.spans import DisjointSpans


def _agree_with_a_scan(rng, spans_per_run: int, room: int, longest: int) -> DisjointSpans:
    """Random spans offered to a DisjointSpans and to a plain list; both must agree on every overlap."""
    spans, taken = DisjointSpans(), []
    for _ in range(spans_per_run):
        start = rng.randrange(0, room)
        end = start + rng.randrange(1, longest)
        scan = any(start < e and s < end for s, e in taken)
        assert spans.overlaps(start, end) == scan
        if not scan:
            spans.add(start, end)
            taken.append((start, end))
    return spans


def test_disjoint_spans_agree_with_a_scan():
    rng = random.Random(7)
    for _ in range(200):
        _agree_with_a_scan(rng, 60, 300, 25)


def test_disjoint_spans_agree_with_a_scan_across_blocks(monkeypatch):
    # blocks of 2-4 spans: the splits and the lookups across block edges are exercised on a few hundred spans
    monkeypatch.setattr("extractor.spans.BLOCK", 2)
    rng = random.Random(11)
    for _ in range(40):
        assert len(_agree_with_a_scan(rng, 400, 3000, 12)._blocks) > 10
