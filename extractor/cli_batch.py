"""Commands for archives: `batch` (extract and audit into a SQLite store), `export`, `report` and `audit --store`
(which `extractor.cli.audit` calls); `register_commands(app)` adds them to the app."""

from __future__ import annotations

import dataclasses
import json
import os
import sys
import time
from pathlib import Path
from typing import Annotated

import typer

from extractor.batch import CHUNK_SIZE
from extractor.cli_common import (
    EXIT_FAILED,
    EXIT_FINDINGS,
    EXIT_OK,
    Lang,
    LangOpt,
    MaxBytesOpt,
    OutOpt,
    PatternsOpt,
    RefOpt,
    check_max_bytes,
    check_options,
    choice,
    fail,
    one_line,
    output,
    warn,
)
from extractor.io.readers import MAX_BYTES
from extractor.io.report_text import fill_line

EXIT_INTERRUPTED = 130

StoreOpt = Annotated[Path, typer.Option("--store", help="The SQLite store to fill (created if missing).")]


def _options(reference_date: str | None, patterns: list[Path] | None):
    """BatchOptions from the command line; exits 2 on a bad date or a bad pattern folder, before any work."""
    from extractor.batch import BatchOptions

    ref, dirs = check_options(reference_date, patterns, build=False)
    return BatchOptions(patterns_dirs=dirs, reference_date=ref.isoformat() if ref else None)


def batch(
    paths: Annotated[
        list[str], typer.Argument(help="Folders (recursive: .txt, .html, .jsonl), globs, files, or - for stdin.")
    ],
    store: StoreOpt,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes (0: one per CPU).")] = 1,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Run on Dask: tcp://HOST:8786, or 'local' for a LocalCluster of --jobs."),
    ] = None,
    chunk_size: Annotated[
        int, typer.Option("--chunk-size", help="Documents per task and per store transaction.")
    ] = CHUNK_SIZE,
    progress: Annotated[
        bool | None, typer.Option("--progress/--no-progress", help="Progress bar (default: when stderr is a TTY).")
    ] = None,
    reference_date: RefOpt = None,
    patterns: PatternsOpt = None,
    max_bytes: MaxBytesOpt = MAX_BYTES,
    lang: LangOpt = Lang.auto,
) -> None:
    """Extract and audit every document into a SQLite store; a re-run skips the documents already there."""
    from tqdm import tqdm

    from extractor.batch import default_jobs, run_batch
    from extractor.distributed import DaskError
    from extractor.io.store import StoreError

    if jobs < 0:
        fail(f"--jobs must be 1 or more (0: one per CPU), not {jobs}")
    if chunk_size < 1:
        fail(f"--chunk-size must be 1 or more, not {chunk_size}")
    check_max_bytes(max_bytes)
    options = dataclasses.replace(_options(reference_date, patterns), lang=lang.value)
    if scheduler in (None, "local"):
        from extractor.batch import available_cores, jobs_warning

        try:
            load = os.getloadavg()[0]
        except (AttributeError, OSError):
            load = None
        warning = jobs_warning(default_jobs(jobs), available_cores(), load)
        if warning:
            typer.echo(f"extractor: warning: {warning}", err=True)

    def on_error(source: str, reason: str) -> None:
        tqdm.write(f"extractor: error: {one_line(f'{source}: {reason}')}", file=sys.stderr)

    def on_warning(source: str, message: str) -> None:
        tqdm.write(f"extractor: warning: {one_line(f'{source}: {message}')}", file=sys.stderr)

    try:
        stats = run_batch(
            paths,
            store,
            jobs=default_jobs(jobs),
            scheduler=scheduler,
            options=options,
            max_bytes=max_bytes,
            chunk_size=chunk_size,
            progress=progress,
            on_error=on_error,
            on_warning=on_warning,
        )
    except (StoreError, DaskError) as err:
        fail(str(err))
    except KeyboardInterrupt:
        typer.echo("extractor: interrupted; finished documents are kept: run the same command to resume", err=True)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    for warning in stats.warnings:
        warn(warning)
    typer.echo(stats.line(), err=True)
    raise typer.Exit(EXIT_FAILED if stats.errors else EXIT_OK)


ExportFormat = choice("ExportFormat", "jsonl", "csv", "parquet")


ExportTable = choice("ExportTable", "facts", "findings", "relations", "documents")


def export(
    store: Annotated[Path, typer.Argument(help="A store filled by `extractor batch`.")],
    fmt: Annotated[
        ExportFormat,
        typer.Option("--format", help="jsonl (records, as audit --format json), csv or parquet (a row per fact)."),
    ] = ExportFormat.jsonl,
    out: OutOpt = None,
    errors: Annotated[
        bool, typer.Option("--errors/--no-errors", help="jsonl: include the records of documents that failed.")
    ] = True,
    table: Annotated[
        ExportTable | None,
        typer.Option("--table", help="csv, parquet: facts (default), findings, relations, documents."),
    ] = None,
) -> None:
    """Write the records of a store out: JSON Lines, or one table (facts, findings, relations, documents) as CSV
    or Parquet."""
    from extractor.io.export import ExportError, write_csv, write_jsonl, write_parquet
    from extractor.io.store import Store, StoreError

    if table is not None and fmt is ExportFormat.jsonl:
        fail("--table names a table of csv or parquet; jsonl writes whole records")
    table_name = (table or ExportTable.facts).value
    try:
        with Store(store, readonly=True) as st:
            if fmt is ExportFormat.parquet:
                if out is None:
                    fail("parquet is binary: name the file with -o FILE.parquet")
                write_parquet(st, out, table_name)
            else:
                with output(out) as fh:
                    (write_jsonl(st, fh, errors) if fmt is ExportFormat.jsonl else write_csv(st, fh, table_name))
    except (StoreError, ExportError) as err:
        fail(str(err))
    except BrokenPipeError:  # `extractor export ... | head`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(EXIT_FAILED) from None
    except OSError as err:
        fail(f"{out or 'standard output'}: cannot write: {err.strerror or err}")
    raise typer.Exit(EXIT_OK)


# -- audit --store ------------------------------------------------------------------------------------------------


def report(
    store: Annotated[Path, typer.Option("--store", help="A store filled by `extractor batch`.")],
    out: OutOpt = None,
    metric: Annotated[
        list[str] | None,
        typer.Option(
            "--metric",
            help="'unit: action' to chart, e.g. 'person: prosecuted' (repeatable); "
            "default: the most frequent across releases.",
        ),
    ] = None,
) -> None:
    """Write the archive report: one HTML page with a metric across releases and findings by check and year."""
    from extractor.io.archive_report import render_store_report
    from extractor.io.store import Store, StoreError

    try:
        with Store(store, readonly=True) as st:
            page = render_store_report(st, metric)
    except StoreError as err:
        fail(str(err))
    with output(out) as fh:
        fh.write(page)


def audit_store(
    store: Path, fmt: str = "text", fail_on: str = "never", out: Path | None = None, only: str | None = None
) -> int:
    """`extractor audit --store STORE`: find figures that disagree BETWEEN the releases of a store, write them to
    its findings table (replacing those of the last run) and report them. Returns the exit code: 3 when
    `fail_on` is 'inconsistent' and any finding is, or 'error' and an inconsistent one has severity error; else 0."""
    from extractor.batch import cross_release_audit
    from extractor.io.store import Store, StoreError

    fmt, fail_on = getattr(fmt, "value", fmt), getattr(fail_on, "value", fail_on)
    only = getattr(only, "value", only)
    try:
        try:
            st = Store(store, create=False)
        except StoreError:
            st = Store(store, readonly=True)  # a read-only store is audited; its findings table stays as it was
        with st:
            started = time.perf_counter()
            findings = cross_release_audit(st, progress=_store_bar if sys.stderr.isatty() else None)
            try:
                if st.readonly:
                    raise StoreError(f"{store}: read-only")
                st.replace_cross_release(f.model_dump(mode="json") for f in findings)
            except StoreError as err:
                warn(f"{err}: the findings are reported but not saved in the store")
            shown = [f for f in findings if only != "inconsistent" or f.status == "inconsistent"]
            with output(out) as fh:
                if fmt == "json":
                    for f in shown:
                        fh.write(json.dumps(f.model_dump(mode="json"), ensure_ascii=False) + "\n")
                elif fmt == "html":
                    from extractor.io.report_html import render_cross_release_html

                    fh.write(render_cross_release_html(shown, st.document_text, st.counts(), str(st.path)))
                else:
                    fh.write(render_cross_release(st, shown))
            if sys.stderr.isatty():  # the closing line, as extract and audit give
                typer.echo(
                    f"extractor: {st.counts()['documents']:,} documents compared, {len(findings):,} findings between "
                    f"releases ({sum(f.status == 'inconsistent' for f in findings):,} inconsistent) "
                    f"in {time.perf_counter() - started:.1f} s",
                    err=True,
                )
    except StoreError as err:
        fail(str(err))
    bad = [f for f in findings if f.status == "inconsistent"]
    if (fail_on == "inconsistent" and bad) or (fail_on == "error" and any(f.severity == "error" for f in bad)):
        return EXIT_FINDINGS
    return EXIT_OK


def _store_bar(docs, total: int):
    from tqdm import tqdm

    return tqdm(docs, total=total, desc="audit --store", unit="doc", file=sys.stderr, delay=1.0, dynamic_ncols=True,
                leave=False)  # fmt: skip


def render_cross_release(store, findings) -> str:
    """The text report of the findings between releases: inconsistencies with both sentences, then the rest."""
    from extractor.io.report_text import sentence_at

    counts = store.counts()
    bad = [f for f in findings if f.status == "inconsistent"]
    good = [f for f in findings if f.status == "consistent"]
    untestable = [f for f in findings if f.status == "untestable"]
    lines = [
        f"== across releases: {store.path}",
        f"   {counts['documents']:,} documents; checks cross_release_value, cross_release_change",
        f"   {len(bad)} inconsistent, {len(good)} consistent, {len(untestable)} untestable",
        "",
    ]
    texts: dict[str, str | None] = {}
    if bad:
        lines.append(f"Inconsistencies ({len(bad)}):")
        for n, fnd in enumerate(bad, start=1):
            lines.append(fill_line(f"{n}. ", f"[{fnd.severity}] {fnd.check}: {fnd.message}", 2))
            for doc in fnd.details.get("documents", []):
                if doc["key"] not in texts:
                    texts[doc["key"]] = store.document_text(doc["key"])
                text = texts[doc["key"]]
                sentence = sentence_at(text, doc["start"], doc["end"]) if text else doc["text"]
                lines.append(f"     {doc['source']} ({doc['doc_id']}:{doc['fact']}, period {doc['period']}):")
                lines.append(fill_line("", f"“{sentence}”", 7))
            if fnd.details.get("arithmetic"):
                lines.append(fill_line("Arithmetic: ", str(fnd.details["arithmetic"]), 5))
        lines.append("")
    else:
        lines.append("No inconsistencies between releases found.")
        lines.append("")
    for title, group in (("Consistent", good), ("Could not be tested", untestable)):
        if group:
            lines.append(f"{title} ({len(group)}):")
            lines.extend(fill_line("- ", f"{f.check}: {f.message}", 2) for f in group)
            lines.append("")
    return "\n".join(lines)


__all__ = ["audit_store", "batch", "export", "render_cross_release"]


def register_commands(app: typer.Typer) -> None:
    """Add `batch`, `export` and `report` to the command-line app."""
    for command in (batch, export, report):
        app.command()(command)
