"""Batch runs: read an archive, extract and audit each document in worker processes, keep the results in a store.

The parent process reads the inputs, skips documents the store has finished (by content key), sends small
chunks of documents to workers (spawned or forkserver processes, each building the pipeline once), and writes
each chunk's results to SQLite in one transaction. Workers send records back as JSON text; the pipeline runs
inside `nlp.memory_zone()` per chunk so memory stays flat however many documents pass through.
"""

from __future__ import annotations

import glob
import json
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from extractor.io.html_input import HTML_SUFFIXES, read_html
from extractor.io.readers import MAX_BYTES, InputDoc, InputFailure, read_bytes
from extractor.io.store import DocumentResult, ErrorResult, Store

BATCH_SUFFIXES = (".txt", ".jsonl", ".ndjson", *HTML_SUFFIXES)
CHUNK_SIZE = 8
WINDOW_PER_WORKER = 3  # chunks in flight per worker: enough to keep it busy, few enough to keep memory flat

# One task: (key, source, text, published, encoding, doc_id); a result: ("ok", key, record JSON) or
# ("error", key, reason).
Task = tuple[str, str, str, str | None, str | None, str | None]
Result = tuple[str, str, str]


@dataclass(frozen=True)
class BatchOptions:
    """What every worker needs to build its pipeline and audit: pattern folders and the reference date."""

    patterns_dirs: tuple[str, ...] = ()
    reference_date: str | None = None  # YYYY-MM-DD

    def as_meta(self) -> str:
        """These options as the JSON kept in the store's meta table."""
        return json.dumps({"patterns_dirs": list(self.patterns_dirs), "reference_date": self.reference_date})


@dataclass
class BatchStats:
    """Counts of one run; `line()` is its summary."""

    documents: int = 0
    skipped: int = 0
    facts: int = 0
    findings: int = 0
    errors: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)

    @property
    def processed(self) -> int:
        """Documents extracted in this run (not skipped)."""
        return self.documents - self.skipped

    def line(self) -> str:
        """'batch: 1,000 documents (12 skipped as done), 31,200 facts, 4,100 findings, 3 errors in 41.2 s (24.3 docs/s)'"""
        rate = self.processed / self.seconds if self.seconds > 0 else 0.0
        return (
            f"batch: {_n(self.documents, 'document')} ({self.skipped:,} skipped as done), "
            f"{_n(self.facts, 'fact')}, {_n(self.findings, 'finding')}, {_n(self.errors, 'error')} "
            f"in {self.seconds:.1f} s ({rate:.1f} docs/s)"
        )


def _n(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


# -- reading inputs -----------------------------------------------------------------------------------------------


def iter_batch_inputs(paths: Iterable[str], max_bytes: int = MAX_BYTES) -> Iterator[InputDoc | InputFailure]:
    """Every document named by `paths`: folders (recursively: .txt, .html, .jsonl), globs, files, '-' for stdin."""
    for raw in paths:
        if raw == "-":
            yield from read_bytes("-", sys.stdin.buffer.read(), max_bytes)
            continue
        path = Path(raw)
        if not path.exists() and glob.has_magic(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield InputFailure(raw, "no file matches this pattern")
            for m in matches:
                yield from _iter_path(Path(m), m, max_bytes)
            continue
        yield from _iter_path(path, raw, max_bytes)


def _iter_path(path: Path, raw: str, max_bytes: int) -> Iterator[InputDoc | InputFailure]:
    if path.is_dir():
        files = sorted(
            p
            for p in path.rglob("*")
            if p.suffix.lower() in BATCH_SUFFIXES
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
            and p.is_file()
        )
        if not files:
            yield InputFailure(raw, f"folder holds no {'/'.join(BATCH_SUFFIXES)} files")
        for f in files:
            yield from read_file(f, max_bytes)
    elif path.is_file():
        yield from read_file(path, max_bytes)
    elif path.exists():
        yield InputFailure(raw, "not a regular file or folder")
    else:
        yield InputFailure(raw, "no such file or folder")


def read_file(path: Path, max_bytes: int = MAX_BYTES) -> Iterator[InputDoc | InputFailure]:
    """The documents of one file: the visible text of .html, one per line of .jsonl, else the file's text."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield InputFailure(source, f"too large: {size:,} bytes (limit {max_bytes:,}; raise it with --max-bytes)")
            return
        data = path.read_bytes()
    except OSError as err:
        yield InputFailure(source, f"cannot read: {err.strerror or err}")
        return
    if path.suffix.lower() in HTML_SUFFIXES:
        yield from read_html(source, data, max_bytes)
    else:
        yield from read_bytes(source, data, max_bytes)


# -- the worker side ----------------------------------------------------------------------------------------------

_PIPELINE_LOCK = threading.Lock()  # a Dask worker with several threads still runs one document at a time


@lru_cache(maxsize=4)
def _audit_rules(patterns_dirs: tuple[str, ...]):
    from extractor.rules import by_label, pipeline_rows

    rows = pipeline_rows(patterns_dirs)
    return by_label(rows, "RATE_DEFINITION"), by_label(rows, "EXCHANGE_RATE")


def prepare_worker(options: BatchOptions, ignore_sigint: bool = True) -> None:
    """Worker initializer: build the pipeline and load the audit rules once per process."""
    if ignore_sigint:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    from extractor.api import cached_pipeline

    cached_pipeline(options.patterns_dirs)
    _audit_rules(options.patterns_dirs)


def record_json(record) -> str:
    """One record as JSON text, exactly as `extractor extract`/`audit --format json` write it."""
    return json.dumps(record.model_dump(mode="json", by_alias=True, exclude_none=True), ensure_ascii=False)


def process_chunk(tasks: list[Task], options: BatchOptions) -> list[Result]:
    """Extract and audit a chunk of documents with this process's pipeline, inside one memory zone."""
    from extractor.api import cached_pipeline, run
    from extractor.checks import audit, coverage

    nlp = cached_pipeline(options.patterns_dirs)
    rates, fx = _audit_rules(options.patterns_dirs)
    out: list[Result] = []
    with _PIPELINE_LOCK, nlp.memory_zone():
        for key, source, text, published, encoding, doc_id in tasks:
            try:
                record = run(nlp, text, options.reference_date, source=source, published=published)
                record = record.model_copy(update={"encoding": encoding, "doc_id": doc_id or record.doc_id})
                findings = audit(record, rates=rates, exchange_rates=fx)
                record = record.model_copy(update={"findings": findings, "coverage": coverage(record, findings)})
                out.append(("ok", key, record_json(record)))
            except Exception as err:  # one bad document must not stop the run
                out.append(("error", key, f"internal error: {type(err).__name__}: {err}".splitlines()[0]))
    return out


# -- running chunks -----------------------------------------------------------------------------------------------


def ordered_results(
    submit: Callable[[list[Task]], Any], chunks: Iterable[list[Task]], window: int
) -> Iterator[tuple[list[Task], list[Result]]]:
    """(chunk, results) in input order, with at most `window` chunks in flight (futures from `submit`)."""
    queue: deque[tuple[list[Task], Any]] = deque()

    def take() -> tuple[list[Task], list[Result]]:
        chunk, fut = queue.popleft()
        try:
            return chunk, fut.result()
        except Exception as err:  # a worker that died or a task the cluster lost: its documents fail, the run goes on
            reason = f"worker failed: {type(err).__name__}: {err}".splitlines()[0]
            return chunk, [("error", t[0], reason) for t in chunk]

    for chunk in chunks:
        queue.append((chunk, submit(chunk)))
        while len(queue) >= window:
            yield take()
    while queue:
        yield take()


def _serial(chunks: Iterable[list[Task]], options: BatchOptions) -> Iterator[tuple[list[Task], list[Result]]]:
    prepare_worker(options, ignore_sigint=False)
    for chunk in chunks:
        yield chunk, process_chunk(chunk, options)


def mp_context() -> multiprocessing.context.BaseContext:
    """forkserver where the platform has it (workers fork from a clean server), else spawn; never plain fork."""
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(method)


class _Pool:
    """A process pool that is rebuilt when a worker dies (its chunks in flight become errors)."""

    def __init__(self, jobs: int, options: BatchOptions) -> None:
        self.jobs, self.options = jobs, options
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self.jobs, mp_context=mp_context(), initializer=prepare_worker, initargs=(self.options,)
        )

    def submit(self, chunk: list[Task]) -> Future:
        try:
            return self.executor.submit(process_chunk, chunk, self.options)
        except BrokenProcessPool:
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = self._new()
            return self.executor.submit(process_chunk, chunk, self.options)

    def close(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)


def _processes(
    chunks: Iterable[list[Task]], options: BatchOptions, jobs: int
) -> Iterator[tuple[list[Task], list[Result]]]:
    pool = _Pool(jobs, options)
    try:
        yield from ordered_results(pool.submit, chunks, jobs * WINDOW_PER_WORKER)
    finally:
        pool.close()


def run_batch(
    paths: list[str],
    store_path: str | Path,
    *,
    jobs: int = 1,
    scheduler: Any = None,
    options: BatchOptions | None = None,
    max_bytes: int = MAX_BYTES,
    chunk_size: int = CHUNK_SIZE,
    progress: bool | None = None,
    on_error: Callable[[str, str], None] | None = None,
) -> BatchStats:
    """Extract and audit every document of `paths` into the store at `store_path`; finished documents are skipped.

    `jobs`: worker processes (1 runs in this process); `scheduler`: a Dask scheduler address, 'local' for a
    LocalCluster of `jobs` workers, or a dask.distributed Client; `progress`: a tqdm bar on stderr (None: only
    when stderr is a terminal); `on_error(source, reason)` is called for each failed document.
    """
    from tqdm import tqdm

    options = options or BatchOptions()
    stats = BatchStats()
    started = time.perf_counter()
    with Store(store_path) as store:
        before = store.get_meta("options")
        if before is None:
            store.set_meta("options", options.as_meta())
        elif before != options.as_meta():
            stats.warnings.append(
                f"{store_path} holds results made with other options ({before}); "
                "documents already there keep them"
            )
        bar = tqdm(
            unit="doc",
            desc="batch",
            file=sys.stderr,
            disable=None if progress is None else not progress,
            dynamic_ncols=True,
            smoothing=0.1,
        )
        pending: set[str] = set()

        def fail(source: str, reason: str) -> None:
            stats.errors += 1
            bar.set_postfix(errors=stats.errors, refresh=False)
            if on_error is not None:
                on_error(source, reason)

        def chunks() -> Iterator[list[Task]]:
            from extractor.api import content_id

            buf: list[Task] = []
            for item in iter_batch_inputs(paths, max_bytes):
                if isinstance(item, InputFailure):
                    store.write([ErrorResult(item.source, item.reason)])
                    fail(item.source, item.reason)
                    continue
                key = content_id(item.text)
                stats.documents += 1
                if key in pending or store.has_document(key):
                    stats.skipped += 1
                    bar.update(1)
                    continue
                pending.add(key)
                urls[key] = item.url
                buf.append((key, item.source, item.text, item.published, item.encoding, item.doc_id))
                if len(buf) >= chunk_size:
                    yield buf
                    buf = []
            if buf:
                yield buf

        urls: dict[str, str | None] = {}
        if scheduler is not None:
            from extractor.distributed import dask_results

            results = dask_results(chunks(), options, scheduler, jobs)
        elif jobs > 1:
            results = _processes(chunks(), options, jobs)
        else:
            results = _serial(chunks(), options)
        try:
            for chunk, chunk_results in results:
                writes: list[DocumentResult | ErrorResult] = []
                for (key, source, text, *_), (status, _key, payload) in zip(chunk, chunk_results, strict=True):
                    if status == "ok":
                        writes.append(DocumentResult(key, source, text, payload, urls.get(key)))
                    else:
                        writes.append(ErrorResult(source, payload, key))
                facts, findings = store.write(writes)
                stats.facts += facts
                stats.findings += findings
                for w in writes:
                    if isinstance(w, ErrorResult):
                        fail(w.source, w.reason)
                for t in chunk:
                    pending.discard(t[0])
                    urls.pop(t[0], None)
                bar.update(len(chunk))
        finally:
            close = getattr(results, "close", None)
            if close is not None:
                close()
            bar.close()
            stats.seconds = time.perf_counter() - started
    return stats


def default_jobs(jobs: int) -> int:
    """`--jobs 0` means one worker per CPU."""
    return jobs if jobs > 0 else (os.cpu_count() or 1)
