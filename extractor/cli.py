"""The command line: parse arguments, call the library, write JSON Lines, map failures to exit codes."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from extractor.cli_common import (  # noqa: F401  (the names other modules and tests take from here)
    EXIT_FAILED,
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    ISO_DATE_RE,
    PATHS_HELP,
    Lang,
    LangOpt,
    MaxBytesOpt,
    OutOpt,
    PathsArg,
    PatternsOpt,
    RefOpt,
    check_max_bytes,
    check_options,
    choice,
    echo_error,
    fail,
    one_line,
    output,
    record_json,
    warn,
)
from extractor.io.readers import MAX_BYTES, InputDoc, InputFailure
from extractor.models import DocumentRecord, ErrorRecord

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Extract the figures, dates and named operations of press releases, and audit whether they add up.",
)

DISTRIBUTION = "press-figures"


def version_line() -> str:
    """'extractor 0.1.0 (press-figures)': the version of the installed distribution, else of the package."""
    from importlib import metadata

    from extractor import __version__

    try:
        version = metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        version = __version__
    return f"extractor {version} ({DISTRIBUTION})"


def _show_version(value: bool) -> None:
    if value:
        typer.echo(version_line())
        raise typer.Exit(EXIT_OK)


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Extract the figures, dates and named operations of press releases, and audit whether they add up."""

def progress_bar(items, paths: list[str], desc: str = "documents"):
    """`items` through a tqdm bar on stderr (total and ETA from a count of the inputs) when stderr is a terminal and
    the run lasts more than a second; `items` as they are otherwise."""
    if not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    from extractor.io.inputs import count_documents

    return tqdm(items, total=count_documents(paths), desc=desc, unit="doc", file=sys.stderr, delay=1.0,
                dynamic_ncols=True, leave=False)  # fmt: skip


def process(
    paths: list[str], ref, dirs, max_bytes: int, lang: str = "auto"
) -> Iterator[tuple[InputDoc | InputFailure, DocumentRecord | ErrorRecord]]:
    """Each input with its record: a document record, or an error record naming the reason.

    `lang` (auto, en, zh) applies to every document whose input does not name its own language."""
    from extractor.io.documents import document_record, error_record
    from extractor.io.inputs import iter_documents

    for item in progress_bar(iter_documents(paths, max_bytes=max_bytes), paths):
        if isinstance(item, InputFailure):
            yield item, error_record(item.source, item.reason)
            continue
        record, note = document_record(item, ref, dirs, lang)
        if note:
            warn(f"{item.source}: {note}")
        yield item, record


@app.command()
def extract(
    paths: PathsArg,
    reference_date: RefOpt = None,
    patterns: PatternsOpt = None,
    out: OutOpt = None,
    max_bytes: MaxBytesOpt = MAX_BYTES,
    lang: LangOpt = Lang.auto,
) -> None:
    """Extract the figures, dates and operations of each document as JSON Lines, one record per document."""
    check_max_bytes(max_bytes)
    ref, dirs = check_options(reference_date, patterns)
    failed = done = facts = 0
    started = time.perf_counter()
    with output(out) as fh:
        for _item, record in process(paths, ref, dirs, max_bytes, lang.value):
            done += 1
            if isinstance(record, ErrorRecord):
                failed += 1
                echo_error(record.error)
            else:
                facts += len(record.facts)
            fh.write(record_json(record) + "\n")
    summary_line(done, failed, facts, None, time.perf_counter() - started)
    raise typer.Exit(EXIT_FAILED if failed else EXIT_OK)


def summary_line(documents: int, failed: int, facts: int, inconsistent: int | None, seconds: float) -> None:
    """On a terminal, one closing line on stderr: documents, unreadable ones, facts (and inconsistent findings)."""
    if not sys.stderr.isatty():
        return
    parts = [f"{documents:,} document{'s' if documents != 1 else ''}", f"{failed:,} could not be read"]
    parts.append(f"{facts:,} facts")
    if inconsistent is not None:
        parts.append(f"{inconsistent:,} inconsistent findings")
    typer.echo(f"extractor: {', '.join(parts)} in {seconds:.1f} s", err=True)


Format = choice("Format", "text", "json", "html")


Only = choice("Only", "inconsistent", "findings")


FailOn = choice("FailOn", "never", "inconsistent", "error")


@app.command()
def audit(
    paths: Annotated[list[str] | None, typer.Argument(help=PATHS_HELP)] = None,
    fmt: Annotated[
        Format, typer.Option("--format", help="text (a report to read), json (JSON Lines) or html.")
    ] = Format.text,
    fail_on: Annotated[
        FailOn,
        typer.Option("--fail-on", help="Exit 3 on any inconsistent finding, or only on those of severity error."),
    ] = FailOn.never,
    reference_date: RefOpt = None,
    patterns: PatternsOpt = None,
    out: OutOpt = None,
    max_bytes: MaxBytesOpt = MAX_BYTES,
    store: Annotated[
        Path | None, typer.Option("--store", help="Audit a batch store ACROSS its releases (instead of PATHS).")
    ] = None,
    only: Annotated[
        Only | None,
        typer.Option(
            "--only", help="Report only documents with inconsistent findings (and those alone), or with any finding."
        ),
    ] = None,
    page_size: Annotated[
        int,
        typer.Option(
            "--page-size", min=0, help="html with -o: documents per page, more in FILE-2.html ... (0: one page)."
        ),
    ] = 25,
    lang: LangOpt = Lang.auto,
) -> None:
    """Extract, then check that the figures add up: baselines, shares, parts and wholes, rates, conversions."""
    if store is not None:
        from extractor.cli_batch import audit_store

        raise typer.Exit(audit_store(store, fmt, fail_on, out, only))
    if not paths:
        fail("name the files or folders to audit, or a store with --store")
    from extractor.checks import audit as run_checks
    from extractor.checks import coverage
    from extractor.rules import audit_rules

    check_max_bytes(max_bytes)
    ref, dirs = check_options(reference_date, patterns)
    audit_data = audit_rules(dirs)
    failed = 0
    flagged = False
    started = time.perf_counter()
    audited: list[tuple[DocumentRecord | ErrorRecord, str | None]] = []
    for item, record in process(paths, ref, dirs, max_bytes, lang.value):
        if isinstance(record, ErrorRecord):
            failed += 1
            echo_error(record.error)
            audited.append((record, None))
            continue
        findings = run_checks(record, **audit_data)
        record = record.model_copy(update={"findings": findings, "coverage": coverage(record, findings)})
        bad = [f for f in findings if f.status == "inconsistent"]
        if (fail_on is FailOn.inconsistent and bad) or (
            fail_on is FailOn.error and any(f.severity == "error" for f in bad)
        ):
            flagged = True
        audited.append((record, item.text))
    docs = [r for r, _ in audited if isinstance(r, DocumentRecord)]
    summary_line(
        len(audited),
        failed,
        sum(len(r.facts) for r in docs),
        sum(1 for r in docs for f in r.findings or [] if f.status == "inconsistent"),
        time.perf_counter() - started,
    )
    if fmt is Format.html and out is not None and page_size:
        write_html_pages(audited, only, page_size, out)
    else:
        with output(out) as fh:
            fh.write(render_audit(audited, fmt, only))
    if failed:
        raise typer.Exit(EXIT_FAILED)
    raise typer.Exit(EXIT_FINDINGS if flagged else EXIT_OK)


def _shown(record: DocumentRecord | ErrorRecord, only: Only | None) -> bool:
    if only is None or isinstance(record, ErrorRecord) or record.not_read:
        return True  # a document that could not be read, or that no pipeline reads, is always a problem to show
    findings = record.findings or []
    if only is Only.inconsistent:
        return any(f.status == "inconsistent" for f in findings)
    return bool(findings)


def write_html_pages(audited, only: Only | None, page_size: int, out: Path) -> None:
    """The HTML audit as pages of `page_size` documents: `out`, then OUT-2.html ... beside it."""
    from extractor.io.report_html import render_html_pages

    shown = [(r, t) for r, t in audited if _shown(r, only)]
    for name, page in render_html_pages(shown, page_size, out.name):
        with output(out.with_name(name)) as fh:
            fh.write(page)


def render_audit(
    audited: list[tuple[DocumentRecord | ErrorRecord, str | None]], fmt: Format, only: Only | None = None
) -> str:
    """The audit of every document in one output format; `only` keeps the documents with inconsistent findings
    (the text report then shows those findings alone) or with any finding. Unreadable documents always show."""
    shown = [(r, t) for r, t in audited if _shown(r, only)]
    if fmt is Format.json:
        return "".join(record_json(r) + "\n" for r, _ in shown)
    if fmt is Format.html:
        from extractor.io.report_html import render_html

        return render_html(shown)
    from extractor.io.report_text import render_closing, render_text

    parts = []
    for record, text in shown:
        if isinstance(record, ErrorRecord):
            parts.append(f"== {record.source}\n   could not be read: {record.reason}\n")
        else:
            statuses = ("inconsistent",) if only is Only.inconsistent else None
            parts.append(render_text(record, record.findings or [], text, statuses=statuses))
    parts.append(render_closing([r for r, _ in audited], shown=len(shown), only=only.value if only else None))
    return "\n".join(parts)


@app.command()
def schema() -> None:
    """Print the JSON Schema of a document record."""
    from extractor.models import document_json_schema

    typer.echo(json.dumps(document_json_schema(), indent=2))


from extractor import cli_batch, cli_explain  # noqa: E402  (they import cli_common, never this module)

for _commands in (cli_batch, cli_explain):
    _commands.register_commands(app)


def main() -> None:
    """Entry point of the `extractor` console script."""
    app(prog_name="extractor")


if __name__ == "__main__":
    main()
