"""Batch runs: read an archive, extract and audit each document in worker processes, keep the results in a store.

The parent process reads the inputs, skips documents the store has finished (by content key), sends small
chunks of documents to workers (spawned or forkserver processes, each building the pipeline once; what they run
is `extractor.workers`), and writes each chunk's results to SQLite in one transaction. The findings between
releases of a store (`audit --store`) are here too.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractor.io.documents import NOT_READ
from extractor.io.inputs import count_documents, iter_documents
from extractor.io.inputs import iter_documents as iter_batch_inputs  # noqa: F401  (its name before the move)
from extractor.io.readers import MAX_BYTES, InputFailure, content_id
from extractor.io.store import DocumentResult, ErrorResult, Store
from extractor.workers import (  # noqa: F401  (their names here before extractor.workers)
    WINDOW_PER_WORKER,
    BatchOptions,
    Result,
    Task,
    ordered_results,
    prepare_worker,
    process_chunk,
    record_json,
)

CHUNK_SIZE = 16


@dataclass
class BatchStats:
    """Counts of one run; `line()` is its summary."""

    documents: int = 0
    skipped: int = 0
    facts: int = 0
    findings: int = 0
    errors: int = 0
    seconds: float = 0.0
    not_read: int = 0  # documents in a script neither pipeline reads: stored with a record that says so
    warnings: list[str] = field(default_factory=list)

    @property
    def processed(self) -> int:
        """Documents extracted in this run (not skipped)."""
        return self.documents - self.skipped

    def line(self) -> str:
        """'batch: 1,000 documents (12 skipped as done), 31,200 facts, 4,100 findings, 3 errors in 41.2 s (...)'."""
        rate = self.processed / self.seconds if self.seconds > 0 else 0.0
        return (
            f"batch: {_n(self.documents, 'document')} ({self.skipped:,} skipped as done), "
            f"{_n(self.facts, 'fact')}, {_n(self.findings, 'finding')}, {_n(self.errors, 'error')}"
            + (f", {self.not_read:,} not read" if self.not_read else "")
            + " "
            f"in {self.seconds:.1f} s ({rate:.1f} docs/s)"
        )


def _n(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def _serial(chunks: Iterable[list[Task]], options: BatchOptions) -> Iterator[tuple[list[Task], list[Result]]]:
    for n, chunk in enumerate(chunks):
        if n == 0:
            prepare_worker(options, ignore_sigint=False)  # not before there is work: a re-run may have none
        yield chunk, process_chunk(chunk, options)


def mp_context() -> multiprocessing.context.BaseContext:
    """forkserver where the platform has it (workers fork from a clean server), else spawn; never plain fork."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    # the server imports spaCy and the extractor once; each worker forks from it and only builds its pipeline
    ctx.set_forkserver_preload(["extractor.api", "extractor.build", "extractor.checks", "extractor.workers"])
    return ctx


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
    on_warning: Callable[[str, str], None] | None = None,
) -> BatchStats:
    """Extract and audit every document of `paths` into the store at `store_path`; finished documents are skipped.

    `jobs`: worker processes (1 runs in this process); `scheduler`: a Dask scheduler address, 'local' for a
    LocalCluster of `jobs` workers, or a dask.distributed Client; `progress`: a tqdm bar on stderr (None: only
    when stderr is a terminal); `on_error(source, reason)` is called for each failed document and
    `on_warning(source, message)` for each one read with a warning (a script neither pipeline reads).
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
                f"{store_path} holds results made with other options ({before}); documents already there keep them"
            )
        show = sys.stderr.isatty() if progress is None else progress
        bar = tqdm(
            total=count_documents(paths) if show else None,  # the inputs counted first: a total and an ETA
            unit="doc",
            desc="batch",
            file=sys.stderr,
            disable=not show,
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
            buf: list[Task] = []
            for item in iter_documents(paths, max_bytes):
                if isinstance(item, InputFailure):
                    store.write([ErrorResult(item.source, item.reason)])
                    fail(item.source, item.reason)
                    bar.update(1)
                    continue
                key = content_id(item.text)
                stats.documents += 1
                if key in pending or store.has_document(key):
                    stats.skipped += 1
                    bar.update(1)
                    continue
                pending.add(key)
                buf.append((key, item))
                if len(buf) >= chunk_size:
                    yield buf
                    buf = []
            if buf:
                yield buf

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
                for (key, item), (status, _key, payload, note) in zip(chunk, chunk_results, strict=True):
                    if status == "ok":
                        writes.append(DocumentResult(key, item.source, item.text, payload, item.url))
                        if note and note.startswith(NOT_READ):
                            stats.not_read += 1
                        if note and on_warning is not None:
                            on_warning(item.source, note)
                    else:
                        writes.append(ErrorResult(item.source, payload, key))
                facts, findings = store.write(writes)
                stats.facts += facts
                stats.findings += findings
                for w in writes:
                    if isinstance(w, ErrorResult):
                        fail(w.source, w.reason)
                for t in chunk:
                    pending.discard(t[0])
                bar.update(len(chunk))
        finally:
            close = getattr(results, "close", None)
            if close is not None:
                close()
            bar.close()
            stats.seconds = time.perf_counter() - started
    return stats


def available_cores() -> int:
    """The CPU cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def jobs_warning(jobs: int, cores: int, load: float | None) -> str | None:
    """Why `jobs` workers may run no faster than fewer, or None: more jobs than cores, or cores already busy
    (`load`: the 1-minute load average, before the run)."""
    if jobs > cores:
        return (
            f"--jobs {jobs} exceeds the {cores} CPU cores: the workers will take turns on them, "
            f"which is slower than --jobs {cores}"
        )
    if jobs > 1 and load is not None and load + jobs > cores + 0.5:
        return (
            f"the machine is busy (load {load:.1f} on {cores} cores): --jobs {jobs} may run no faster than "
            f"--jobs {max(1, cores - round(load))}"
        )
    return None


def default_jobs(jobs: int) -> int:
    """`--jobs 0` means one worker per CPU."""
    return jobs if jobs > 0 else (os.cpu_count() or 1)


# -- findings between releases ------------------------------------------------------------------------------------

CROSS_VALUE = "cross_release_value"
CROSS_CHANGE = "cross_release_change"
# Dates that name a reporting period; a day ('On September 14th') is when something was said, not a period.
PERIOD_GRANULARITIES = frozenset({"year", "half", "quarter", "month", "period"})
# Two figures of one metric further apart than this are taken for different scopes (a province and the
# nation, one agency and another), not for a contradiction: they are not compared.
MAX_SCOPE_RATIO = 2
_STOPWORDS = frozenset(
    {
        "a", "an", "the", "of", "in", "on", "at", "for", "and", "or", "by", "to", "with", "from", "as", "its",
        "their", "this", "that", "these", "those", "total", "number", "numbers", "nationwide", "whole", "all",
        "country",
    }
)  # fmt: skip
_WORD_RE = re.compile(r"[a-z]+")
_YEAR_RE = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_PERIOD_RE = re.compile(r"^\d{4}(?:-(?:\d{2}|H[12]|Q[1-4]))?(?:/\d{4}(?:-(?:\d{2}|H[12]|Q[1-4]))?)?$")
_SENTENCE_END_RE = re.compile(r"(?<!\d)[.!?;。！？；](?=\s|$)|\n")


@dataclass(frozen=True)
class Figure:
    """A count of one release placed on a metric and a period, for comparison with other releases."""

    doc_key: str
    doc_id: str
    source: str
    fact: dict[str, Any]
    metric: tuple[str, tuple[str, ...], tuple[str, ...]]
    period: str
    period_from: str  # 'date f3 (2019)' or 'release year'

    @property
    def explicit(self) -> bool:
        """Whether the period comes from a date in the text (not the release's year)."""
        return self.period_from != "release year"

    @property
    def qualified_id(self) -> str:
        """'DOC_ID:f3'."""
        return f"{self.doc_id}:{self.fact['id']}"


def _stem(word: str) -> str:
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("ed", ""), ("ing", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)] + repl
    return word


def _words(text: str | None) -> tuple[str, ...]:
    return tuple(_stem(w) for w in _WORD_RE.findall((text or "").lower()) if w not in _STOPWORDS)


def metric_of(fact: dict[str, Any]) -> tuple[str, tuple[str, ...], tuple[str, ...]] | None:
    """(unit, action words, subject words) of a count, stemmed and without stop words; None without a unit or an
    action (a bare '50 cases' could be anything)."""
    unit, action = fact.get("unit"), fact.get("action")
    if not unit or not action:
        return None
    unit_stem = _stem(unit.lower())
    action_words = _words(action)
    if not action_words:
        return None
    subject = tuple(sorted(set(_words(fact.get("subject"))) - {unit_stem} - set(action_words)))
    return unit_stem, action_words, subject


def _period_value(date: dict[str, Any]) -> str | None:
    if date.get("granularity") not in PERIOD_GRANULARITIES or "same period" in date.get("text", "").lower():
        return None  # 'the same period last year' is a basis of comparison, not the figure's period
    value = date.get("resolved") or date.get("value") or ""
    return value if _PERIOD_RE.match(value) else None


def _sentence_start(text: str, pos: int) -> int:
    start = 0
    for m in _SENTENCE_END_RE.finditer(text, 0, pos):
        start = m.end()
    return start


def _sentence_end(text: str, pos: int) -> int:
    m = _SENTENCE_END_RE.search(text, pos)
    return m.start() if m else len(text)


def _paragraph_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def period_of(fact: dict[str, Any], dates: list[dict[str, Any]], text: str, reference_date: str | None):
    """(period, where it came from) of a count: the nearest period date before it in its sentence, else in its
    paragraph, else the release's year; None when its sentence names a period only after it (ambiguous)."""
    start = fact["start"]
    s_start, s_end = _sentence_start(text, start), _sentence_end(text, fact["end"])
    p_start = _paragraph_start(text, start)
    before = [d for d in dates if p_start <= d["start"] and d["end"] <= start]
    if before:
        nearest = max(before, key=lambda d: d["start"])
        return nearest["_period"], f"date {nearest['id']} ({nearest['text']})"
    if any(fact["end"] <= d["start"] and d["end"] <= s_end for d in dates if d["start"] >= s_start):
        return None
    if reference_date and _PERIOD_RE.match(reference_date[:4]):
        return reference_date[:4], "release year"
    return None


def _ns(fact: dict[str, Any]):
    from types import SimpleNamespace

    return SimpleNamespace(
        kind=fact.get("kind"),
        text=fact.get("text"),
        value=fact.get("value"),
        approx=fact.get("approx"),
        unit=fact.get("unit"),
    )


def _interval(fact: dict[str, Any]):
    from extractor.checks.intervals import fact_interval

    return fact_interval(_ns(fact))


def _agree(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return _interval(a).overlaps(_interval(b))


def _same_scope(x: float, y: float) -> bool:
    lo, hi = sorted((abs(float(x)), abs(float(y))))
    return lo > 0 and hi / lo <= MAX_SCOPE_RATIO


def _precise_first(figures: list[Figure]) -> list[Figure]:
    def width(f: Figure):
        iv = _interval(f.fact)
        return (iv.width is None, iv.width or 0)

    return sorted(figures, key=width)


def release_figures(doc: dict[str, Any]) -> tuple[list[Figure], list[tuple[Figure, dict[str, Any]]]]:
    """The figures of one release that can be compared (one per metric and period, dropped when the release
    itself gives that metric several disagreeing values), and its changes (figure, percentage fact)."""
    text = doc["text"]
    dates = []
    for d in doc["facts"]:
        if d["kind"] == "date" and (period := _period_value(d)):
            dates.append({**d, "_period": period})
    groups: dict[tuple, list[Figure]] = {}
    by_id: dict[str, Figure] = {}
    for f in doc["facts"]:
        if f["kind"] != "count" or f.get("suspect") or not isinstance(f.get("value"), int | float):
            continue
        metric = metric_of(f)
        found = period_of(f, dates, text, doc["reference_date"]) if metric else None
        if not metric or not found:
            continue
        fig = Figure(doc["key"], doc["doc_id"], doc["source"], f, metric, *found)
        groups.setdefault((metric, fig.period), []).append(fig)
        by_id[f["id"]] = fig
    figures = []
    for group in groups.values():
        if all(_agree(a.fact, b.fact) for i, a in enumerate(group) for b in group[i + 1 :]):
            figures.append(_precise_first(group)[0])
        else:
            for fig in group:
                by_id.pop(fig.fact["id"], None)  # the release is ambiguous about this metric
    changes = []
    for p in doc["facts"]:
        if (
            p["kind"] == "percentage"
            and p.get("role") == "change"
            and not p.get("points")
            and p.get("basis") in ("year_on_year", "named_year", "previous_period")
            and p.get("of") in by_id
        ):
            changes.append((by_id[p["of"]], p))
    return figures, changes


def previous_period(period: str, pct: dict[str, Any]) -> str | None:
    """The period a change compares with: a year earlier, or the named year; None when unclear."""
    basis = pct.get("basis")
    if basis == "year_on_year" or (basis == "previous_period" and len(period) == 4):
        return _YEAR_RE.sub(lambda m: str(int(m.group(1)) - 1), period)
    if basis == "named_year" and len(period) == 4 and pct.get("basis_year"):
        return str(pct["basis_year"])
    return None


def _describe(fig: Figure, role: str) -> dict[str, Any]:
    f = fig.fact
    return {
        "role": role,
        "doc_id": fig.doc_id,
        "key": fig.doc_key,
        "source": fig.source,
        "fact": f["id"],
        "text": f["text"],
        "start": f["start"],
        "end": f["end"],
        "value": f["value"],
        "period": fig.period,
        "period_from": fig.period_from,
    }


def _metric_json(metric: tuple) -> dict[str, Any]:
    unit, action, subject = metric
    return {"unit": unit, "action": " ".join(action), "subject": " ".join(subject)}


def _value_finding(a: Figure, b: Figure):
    from extractor.checks._common import finding, label

    ids = [a.qualified_id, b.qualified_id]
    details = {
        "metric": _metric_json(a.metric),
        "period": a.period,
        "documents": [_describe(a, "earlier"), _describe(b, "later")],
    }
    head = f"{label(_ns(a.fact))} in {a.source} and {label(_ns(b.fact))} in {b.source} ({a.period})"
    if _agree(a.fact, b.fact):
        return finding(CROSS_VALUE, "consistent", ids, f"{head}: the two releases agree.", details)
    if not _same_scope(a.fact["value"], b.fact["value"]):
        return None  # far apart: most likely different scopes, not a contradiction
    details["arithmetic"] = f"{a.fact['value']:,} ≠ {b.fact['value']:,} for {a.period}"
    if not (a.explicit and b.explicit):
        return finding(
            CROSS_VALUE,
            "untestable",
            ids,
            f"{head}: the values differ, but a period is only the year of its release, so they are not compared.",
            details,
        )
    return finding(
        CROSS_VALUE,
        "inconsistent",
        ids,
        f"{head}: two releases give different values for the same figure and period.",
        details,
        severity="warning",
    )


def _implied_baseline(count: dict[str, Any], pct: dict[str, Any]) -> float | None:
    """The earlier figure a change implies (count / (1 ± p)), to tell figures of another scope apart."""
    p = float(pct["value"]) / 100
    factor = 1 + p if pct.get("direction") == "up" else 1 - p
    return float(count["value"]) / factor if factor > 0 and count["value"] > 0 else None


def _change_finding(cur: Figure, pct: dict[str, Any], prev: Figure):
    from fractions import Fraction

    from extractor.checks._common import finding, label
    from extractor.checks.intervals import Interval

    c_iv, b_iv, p_iv = _interval(cur.fact), _interval(prev.fact), _interval(pct)
    up = pct.get("direction") == "up"
    c, b = Fraction(cur.fact["value"]), Fraction(prev.fact["value"])
    if b <= 0 or b_iv.lo is None or b_iv.lo <= 0 or c_iv.lo is None or c_iv.lo < 0:
        return None
    ratio = c_iv.divide(b_iv)
    change_iv = ratio.shift(-1).scale(100) if up else ratio.reflect(1).scale(100)
    q = (c / b - 1) * 100
    sign = "+" if q >= 0 else "-"
    ids = [cur.qualified_id, f"{cur.doc_id}:{pct['id']}", prev.qualified_id]
    head = (
        f"{label(_ns(cur.fact))} ({cur.period}) in {cur.source}, {'up' if up else 'down'} {pct['text'].strip()}, "
        f"against {label(_ns(prev.fact))} ({prev.period}) in {prev.source}"
    )
    details = {
        "metric": _metric_json(cur.metric),
        "period": cur.period,
        "previous_period": prev.period,
        "documents": [_describe(cur, "current"), _describe(prev, "previous")],
        "reported_change": {"value": pct["value"], "direction": pct.get("direction"), "text": pct["text"]},
        "accepted_change_percent": p_iv.as_json(),
        "computed_change_percent": change_iv.as_json(),
        "arithmetic": f"{cur.fact['value']:,} / {prev.fact['value']:,} - 1 = {sign}{abs(float(q)):.2f}%",
    }
    if change_iv.hi is None or p_iv.hi is None or p_iv.lo is None or change_iv.lo is None:
        return finding(CROSS_CHANGE, "untestable", ids, f"{head}: a figure is only a bound; not tested.", details)
    if not isinstance(change_iv, Interval) or change_iv.overlaps(p_iv):
        details["arithmetic"] += f", which rounds to {pct['value']}%"
        return finding(CROSS_CHANGE, "consistent", ids, f"{head}: {details['arithmetic']}.", details)
    if not (cur.explicit and prev.explicit):
        return finding(
            CROSS_CHANGE,
            "untestable",
            ids,
            f"{head}: {details['arithmetic']}, not {pct['value']}%, but a period is only the year of its "
            "release, so this is not a finding.",
            details,
        )
    return finding(
        CROSS_CHANGE,
        "inconsistent",
        ids,
        f"{head}: {details['arithmetic']}, which does not round to {pct['value']}%.",
        details,
        severity="warning",
    )


def cross_release_audit(store: Store, progress: Callable[[Iterable, int], Iterable] | None = None) -> list:
    """Findings between the releases of a store: one figure reported with different values for the same period
    (cross_release_value), and changes checked against the previous period's figure (cross_release_change).
    `progress(documents, total)` wraps the store's documents as they are read (a progress bar)."""
    from extractor.checks import sort_findings

    groups: dict[tuple, list[Figure]] = {}
    changes: list[tuple[Figure, dict[str, Any]]] = []
    docs: Iterable[dict[str, Any]] = store.iter_audit_documents()
    if progress is not None:
        docs = progress(docs, store.counts()["documents"])
    for doc in docs:
        figures, doc_changes = release_figures(doc)
        for fig in figures:
            groups.setdefault((fig.metric, fig.period), []).append(fig)
        changes.extend(doc_changes)
    findings = []
    for group in groups.values():
        for i, a in enumerate(group):
            for j in range(i + 1, len(group)):
                fnd = _value_finding(a, group[j])
                # agreement is shown once per neighbouring pair; every disagreeing pair is shown
                if fnd is not None and (fnd.status != "consistent" or j == i + 1):
                    findings.append(fnd)
    for cur, pct in changes:
        prev_period = previous_period(cur.period, pct)
        if prev_period is None:
            continue
        implied = _implied_baseline(cur.fact, pct)
        earlier = [
            f
            for f in groups.get((cur.metric, prev_period), [])
            if f.doc_key != cur.doc_key and implied is not None and _same_scope(implied, f.fact["value"])
        ]
        if not earlier or not all(_agree(a.fact, b.fact) for i, a in enumerate(earlier) for b in earlier[i + 1 :]):
            continue  # not in the archive, or the archive disagrees with itself (cross_release_value says so)
        fnd = _change_finding(cur, pct, _precise_first(earlier)[0])
        if fnd is not None:
            findings.append(fnd)
    return sort_findings(None, findings)
