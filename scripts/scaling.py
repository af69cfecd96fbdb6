"""Time the extractor on hostile shapes of text at growing sizes and print the ratio per 4x step (linear: ~4x).

    python scripts/scaling.py                                  # 25 KB, 100 KB, 400 KB, 1.6 MB, 6.4 MB of every shape
    python scripts/scaling.py --sizes 25000,100000 --shape quoted-codes --profile
    python scripts/scaling.py --disable extractor_relations     # the other components alone
    python scripts/scaling.py --collect-in-chunks              # the garbage collector left on within chunks

Each shape is one unit of text repeated to the size (tables turned into prose, scraped pages, yearbooks). Times
are CPU seconds of this process (time.process_time): on a machine shared with other jobs, wall-clock time measures
the others as much as the extractor. Every size is timed the same way, the least of --repeat runs (an earlier
version repeated only runs under 2 s, so the step from a repeated run to a single one read up to 13% high). A shape
whose step takes longer than --budget seconds is not run at the next size. No test runs this: speed is measured,
never asserted.
"""

from __future__ import annotations

import argparse
import cProfile
import itertools
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _release() -> str:
    return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt")))


SHAPES = {
    "ordinary-releases": lambda: _release() + "\n\n",
    "space-separated-numbers": lambda: "12 345 6789 10 2021 77 3.5 ",
    "comma-grouped-numbers": lambda: "1,234, 56,789, 1,000,000, 12,345.6, ",
    "table-rows": lambda: "Fraud 1,285 24.5% 312 -3.1% 4.26 times\n",
    "quoted-codes": lambda: '"5·13" "12·18" ',
    "quoted-phrases": lambda: '"Sky Net" campaign and the "Clean Wind" action, ',
    "capitalised-runs": lambda: "Provincial People's Procuratorate Public Security Bureau Anti Fraud Centre ",
    "respectively-list": lambda: "fraud, theft, robbery and drugs cases rose 12.1%, 3.4%, 5.6% and 7.8% respectively, ",
    "one-line-no-stops": lambda: "there were 12 cases and 1,285 persons up 24.5% and 3.1 times ",
    "curly-quotes": lambda: "“",
    "curly-quoted-names": lambda: "“Sky Net” ",
    "straight-quotes": lambda: '"',
    "percent-signs": lambda: "%",
    "nested-parentheses": lambda: "(",
    "year-on-year-changes": lambda: "up 24.2 percent from 2015, down 3% year-on-year, ",
}


def build(shape: str, size: int) -> str:
    unit = SHAPES[shape]()
    return (unit * (size // len(unit) + 1))[:size]


def _time(text: str, profile: bool, repeat: int = 1) -> float:
    """CPU seconds of extracting `text`: the least of `repeat` runs, the same number at every size so that the
    ratios compare like with like (one run when profiling)."""
    return min(_time_once(text, profile) for _ in range(1 if profile else max(1, repeat)))


def _time_once(text: str, profile: bool) -> float:
    import extractor

    prof = cProfile.Profile() if profile else None
    start = time.process_time()
    if prof:
        prof.enable()
    record = extractor.extract(text, "2022-01-01")
    if prof:
        prof.disable()
    seconds = time.process_time() - start
    assert all(text[f.start : f.end] == f.text for f in record.facts)
    if prof:
        pstats.Stats(prof).sort_stats("cumulative").print_stats(18)
    return seconds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="25000,100000,400000,1600000,6400000", help="characters, comma-separated")
    ap.add_argument("--shape", action="append", choices=sorted(SHAPES), help="only these shapes (repeatable)")
    ap.add_argument("--budget", type=float, default=600.0, help="seconds a step may take before the next is skipped")
    ap.add_argument("--profile", action="store_true", help="print a cProfile of each run")
    ap.add_argument("--repeat", type=int, default=1, help="runs of every size, the least taken (default 1)")
    ap.add_argument("--disable", action="append", default=[], help="a pipeline component to leave out (repeatable)")
    ap.add_argument(
        "--collect-in-chunks",
        action="store_true",
        help="leave the garbage collector on within chunks (the extractor pauses it per chunk): its cost measured",
    )
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    import extractor
    from extractor.api import cached_pipeline

    if args.collect_in_chunks:
        import contextlib

        from extractor import chunks

        chunks.collector_paused = contextlib.nullcontext
    for name in args.disable:
        cached_pipeline(()).disable_pipe(name)  # to see the other components' scaling

    extractor.extract("warm-up: 12 cases, up 3%.")
    print(f"{'shape (CPU s)':<26}" + "".join(f"{s:>12,}" for s in sizes) + "   ratio per step")
    for shape in args.shape or SHAPES:
        times: list[float] = []
        for size in sizes:
            if times and times[-1] > args.budget:
                break
            times.append(_time(build(shape, size), args.profile, args.repeat))
        ratios = [f"{b / a:.2f}x" if a > 0 else "-" for a, b in itertools.pairwise(times)]
        cells = "".join(f"{t:>11.2f}s" for t in times) + " " * 12 * (len(sizes) - len(times))
        print(f"{shape:<26}{cells}   {' '.join(ratios)}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
