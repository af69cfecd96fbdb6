"""A release of 10 MB (ordinary releases run together, as a yearbook is): run in chunks, its peak memory, and its
figures against one unchunked run of its first megabyte.

    python scripts/big_release.py                       # 10,000,000 bytes, compared on the first 1,000,000
    python scripts/big_release.py --bytes 3000000 --head 500000

The text is samples/*.txt and, when present, ../shared/corpus/dev/docs/*.txt, joined by blank lines and repeated
to the size. The head compared is the text up to the chunk cut nearest --head characters, so both runs read the
same characters; the unchunked run raises spaCy's max_length for that one document. Facts are compared by span,
kind and every field but the links (of, whole, baseline, alias_of); links are counted apart, since a chunk cannot
see across its cut. Exit 1 when a fact differs. No test runs this (it takes a minute or two).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus" / "dev" / "docs"
LINKS = ("of", "whole", "baseline", "alias_of")


def build(size: int) -> str:
    """Releases joined by blank lines, repeated until the UTF-8 text holds `size` bytes."""
    paths = sorted((ROOT / "samples").glob("*.txt"))
    if CORPUS.is_dir():
        paths += sorted(CORPUS.glob("*.txt"))
    unit = "\n\n".join(p.read_text(encoding="utf-8").strip() for p in paths) + "\n\n"
    text = unit * (size // len(unit.encode("utf-8")) + 1)
    while len(text.encode("utf-8")) > size:  # trim to the size, on a character
        text = text[: len(text) - max(1, (len(text.encode("utf-8")) - size) // 4)]
    return text


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _without_links(fact: dict) -> dict:
    return {k: v for k, v in fact.items() if k not in LINKS and k != "id"}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bytes", type=int, default=10_000_000, help="size of the release (default 10,000,000)")
    ap.add_argument("--head", type=int, default=1_000_000, help="characters compared with an unchunked run")
    ap.add_argument("--show-links", action="store_true", help="print each link the two runs read differently")
    args = ap.parse_args(argv)
    from extractor import chunks
    from extractor.api import cached_pipeline, run

    nlp = cached_pipeline(())
    text = build(args.bytes)
    base_mb = _peak_mb()
    run(nlp, "warm-up: 12 cases, up 3%.", "2022-01-01")
    started, cpu = time.perf_counter(), time.process_time()
    whole = run(nlp, text, "2022-01-01")
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    starts = chunks.cut_points(text)
    assert all(text[f.start : f.end] == f.text for f in whole.facts)
    print(
        f"release: {len(text.encode('utf-8')):,} bytes, {len(text):,} characters, {len(starts):,} chunks; "
        f"{len(whole.facts):,} facts, {len(whole.relations):,} relations in {seconds:.1f} s ({cpu:.1f} s CPU); "
        f"peak RSS {_peak_mb():,.0f} MB (before the run {base_mb:,.0f} MB)",
        flush=True,
    )

    cut = min(starts, key=lambda s: abs(s - args.head))  # the head ends on a cut: both runs read it whole
    head = text[:cut]
    nlp.max_length = max(nlp.max_length, len(head) + 1)  # this one document only: the process ends after it
    started = time.perf_counter()
    one = chunks.run_chunked(nlp, head, "2022-01-01", source="<text>", size=len(head) + 1)  # a single chunk
    print(f"head: {len(head):,} characters ({sum(1 for s in starts if s < cut)} chunks), one document: "
          f"{len(one.facts):,} facts in {time.perf_counter() - started:.1f} s; peak RSS now {_peak_mb():,.0f} MB")

    chunked = [f.model_dump(mode="json", exclude_none=True) for f in whole.facts if f.end <= cut]
    single = [f.model_dump(mode="json", exclude_none=True) for f in one.facts]
    same, reads_back, differ = 0, 0, []
    for a, b in zip(chunked, single, strict=False):
        if _without_links(a) == _without_links(b):
            same += 1
        elif a["kind"] == "date" and (a.get("relative") or "same period" in a["text"].lower()) and (
            (a["start"], a["end"]) == (b["start"], b["end"])
        ):
            reads_back += 1  # 'the same period last year' reads the period named before it, maybe before a cut
        else:
            differ.append((a, b))
    if len(chunked) != len(single):
        differ.append(({"count": len(chunked)}, {"count": len(single)}))
    by_id_a = {f["id"]: f for f in chunked}
    by_id_b = {f["id"]: f for f in single}
    link_total = link_same = 0
    link_differ = []
    for a, b in zip(chunked, single, strict=False):
        for key in LINKS:
            if key in a or key in b:
                link_total += 1
                ta, tb = by_id_a.get(a.get(key)), by_id_b.get(b.get(key))
                if ta is not None and tb is not None and (ta["start"], ta["end"]) == (tb["start"], tb["end"]):
                    link_same += 1
                else:
                    link_differ.append((a, key, ta, tb))
    print(
        f"facts in the head: chunked {len(chunked):,}, unchunked {len(single):,}; {same:,} identical but for "
        f"links, {reads_back:,} relative dates resolved otherwise, {len(differ):,} different; links "
        f"{link_same:,} of {link_total:,} the same"
    )
    for a, b in differ[:3]:
        print(f"  differs: {_without_links(a)}\n       vs: {_without_links(b)}")
    if args.show_links:
        chunk_of = {s: n for n, s in enumerate(starts)}
        for a, key, ta, tb in link_differ:
            where = max(s for s in starts if s <= a["start"])
            def said(t):
                if t is None:
                    return "none"
                back = max(s for s in starts if s <= t["start"])
                return f"{t['text']!r} at {t['start']:,} ({a['start'] - t['start']:,} characters back, chunk {chunk_of[back]})"
            print(f"  link {key} of {a['text']!r} at {a['start']:,} (chunk {chunk_of[where]}): chunked {said(ta)}, "
                  f"unchunked {said(tb)}")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
