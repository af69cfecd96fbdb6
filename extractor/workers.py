"""The worker side of `extractor batch`: options, tasks, and the chunk a worker process (local or on Dask) runs.

Each worker builds the pipeline once (api.cached_pipeline caches it per process) and runs `process_chunk` over
chunks of documents inside `nlp.memory_zone()` (after a first WARM_DOCS documents) so memory stays flat; records go
back as JSON text. `extractor.batch` (local processes) and `extractor.distributed` (Dask) both submit here; this
module imports neither.
"""

from __future__ import annotations

import contextlib
import json
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from extractor.io.readers import InputDoc
from extractor.models import ErrorRecord, record_data

WINDOW_PER_WORKER = 3  # chunks in flight per worker: enough to keep it busy, few enough to keep memory flat

# One task: (key, the document as read); a result: ("ok", key, record JSON, warning or None) or
# ("error", key, reason, None).
Task = tuple[str, InputDoc]
Result = tuple[str, str, str, str | None]


@dataclass(frozen=True)
class BatchOptions:
    """What every worker needs to build its pipeline and audit: pattern folders and the reference date."""

    patterns_dirs: tuple[str, ...] = ()
    reference_date: str | None = None  # YYYY-MM-DD
    lang: str = "auto"  # en, zh, or auto: detected per document

    def as_meta(self) -> str:
        """These options as the JSON kept in the store's meta table (`lang` only when chosen, so a store made
        before the option existed keeps its meta)."""
        meta = {"patterns_dirs": list(self.patterns_dirs), "reference_date": self.reference_date}
        if self.lang != "auto":
            meta["lang"] = self.lang
        return json.dumps(meta)


# -- the worker side ----------------------------------------------------------------------------------------------

_PIPELINE_LOCK = threading.Lock()  # a Dask worker with several threads still runs one document at a time
# Documents each pipeline (keyed by its pattern folders) has run in this process outside a memory zone. Words a
# zone adds are dropped when it ends, the tokenizer's cache with them, so a word met in every chunk would be split
# and looked up afresh each time: the first WARM_DOCS documents run outside zones and their words (the genre's
# vocabulary, a bounded amount) stay for good; from then on every chunk runs in a zone and memory stays flat.
WARM_DOCS = 256
_WARMED: dict[tuple[str, ...], int] = {}


def _audit_rules(patterns_dirs: tuple[str, ...]):
    from extractor.rules import audit_rules

    return audit_rules(patterns_dirs)


def prepare_worker(options: BatchOptions, ignore_sigint: bool = True) -> None:
    """Worker initializer: build the pipeline and load the audit rules once per process."""
    if ignore_sigint:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    from extractor.api import cached_pipeline

    cached_pipeline(options.patterns_dirs)
    _audit_rules(options.patterns_dirs)


def record_json(record) -> str:
    """One record as JSON text, exactly as `extractor extract`/`audit --format json` write it."""
    return json.dumps(record_data(record), ensure_ascii=False)


def process_chunk(tasks: list[Task], options: BatchOptions) -> list[Result]:
    """Extract and audit a chunk of documents with this process's pipeline, inside one memory zone."""
    from extractor.api import cached_pipeline
    from extractor.checks import audit, coverage
    from extractor.io.documents import document_record

    nlp = cached_pipeline(options.patterns_dirs)
    audit_data = _audit_rules(options.patterns_dirs)
    out: list[Result] = []
    with _PIPELINE_LOCK:  # memory zones and the _WARMED counts need one chunk at a time per process
        warmed = _WARMED.get(options.patterns_dirs, 0)
        _WARMED[options.patterns_dirs] = warmed + len(tasks)
        with nlp.memory_zone() if warmed >= WARM_DOCS else contextlib.nullcontext():
            for key, item in tasks:
                try:
                    record, note = document_record(item, options.reference_date, options.patterns_dirs, options.lang)
                    if isinstance(record, ErrorRecord):
                        out.append(("error", key, record.reason, None))
                        continue
                    findings = audit(record, **audit_data)
                    record = record.model_copy(update={"findings": findings, "coverage": coverage(record, findings)})
                    out.append(("ok", key, record_json(record), note))
                except Exception as err:  # one bad document must not stop the run
                    out.append(("error", key, f"internal error: {type(err).__name__}: {err}".splitlines()[0], None))
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
            return chunk, [("error", t[0], reason, None) for t in chunk]

    for chunk in chunks:
        queue.append((chunk, submit(chunk)))
        while len(queue) >= window:
            yield take()
    while queue:
        yield take()
