"""Fuzz the extractor: N seeded inputs (mutated genre sentences, mutated sample releases, random text), each
checked as tests/test_fuzz.py checks one; prints the failures grouped by their first line.

    python scripts/fuzz.py --inputs 100000 --seed 16
    python scripts/fuzz.py --start 20000 --inputs 10000     # inputs 20,001-30,000 of the same seeded stream

No test runs this (tests/test_fuzz.py runs a few hundred through hypothesis).
"""

from __future__ import annotations

import argparse
import collections
import itertools
import random
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_fuzz import HOSTILE, SENTENCES, check_record  # noqa: E402

ALPHABET = "0123456789,.%％·“”\"'()（）-+ \n\tabcdefgTimesyuan年月日亿万\u2028\u0085"


def _mutate(rng: random.Random, text: str, steps: int) -> str:
    for _ in range(steps):
        op = rng.choice(("insert", "delete", "duplicate", "replace"))
        pos = rng.randint(0, len(text))
        if op == "insert":
            text = text[:pos] + rng.choice(HOSTILE) + text[pos:]
        elif op == "delete":
            text = text[:pos] + text[pos + rng.randint(1, 12) :]
        elif op == "duplicate":
            text = text[:pos] + text[pos : pos + rng.randint(1, 30)] * rng.randint(2, 5) + text[pos:]
        else:
            text = text[:pos] + "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 4))) + text[pos + 1 :]
    return text


def inputs(n: int, seed: int):
    """(kind, text) for n inputs: 50% mutated sentences, 30% mutated releases, 20% random text."""
    rng = random.Random(seed)
    releases = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    for _ in range(n):
        r = rng.random()
        if r < 0.5:
            base = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(1, 3)))
            yield "sentences", _mutate(rng, base, rng.randint(0, 8))
        elif r < 0.8:
            yield "releases", _mutate(rng, rng.choice(releases), rng.randint(1, 20))
        else:
            yield "random", "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 400)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--inputs", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--start", type=int, default=0, help="skip this many inputs of the stream first (run in slices)")
    ap.add_argument("--show", type=int, default=3, help="example inputs printed per kind of failure")
    args = ap.parse_args(argv)
    from extractor.api import run
    from extractor.build import build_pipeline

    nlp = build_pipeline()
    failures: dict[str, list[str]] = collections.defaultdict(list)
    kinds: collections.Counter[str] = collections.Counter()
    warned = 0
    started = time.perf_counter()
    stream = itertools.islice(inputs(args.start + args.inputs, args.seed), args.start, None)
    for n, (kind, text) in enumerate(stream, start=args.start + 1):
        kinds[kind] += 1
        try:
            record = run(nlp, text, "2024-01-01")
            check_record(record, text)
            warned += bool(record.warnings)
        except Exception as err:  # every failure is counted and shown
            line = f"{type(err).__name__}: {err}".splitlines()[0][:160]
            failures[line].append(text)
            if len(failures[line]) == 1:
                traceback.print_exc(limit=-3)
        if n % 10_000 == 0:
            print(f"{n:,} inputs, {sum(map(len, failures.values())):,} failures, "
                  f"{time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    total = sum(map(len, failures.values()))
    where = f"inputs {args.start + 1:,}-{args.start + args.inputs:,}" if args.start else f"{args.inputs:,} inputs"
    print(f"{where} ({', '.join(f'{k} {v:,}' for k, v in kinds.items())}), seed {args.seed}: "
          f"{total:,} failures of {len(failures)} kinds; {warned:,} records with a dropped figure; "
          f"{time.perf_counter() - started:.0f} s")
    for line, texts in sorted(failures.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(texts):,} x {line}")
        for t in texts[: args.show]:
            print(f"      {t[:200]!r}")
    return 1 if total else 0


if __name__ == "__main__":
    raise SystemExit(main())
