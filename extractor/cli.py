"""The command line: parse arguments, call the library, write JSON Lines, map failures to exit codes."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, TextIO

import typer

from extractor.io.readers import MAX_BYTES, InputDoc, InputFailure, iter_inputs
from extractor.models import DocumentRecord, ErrorRecord

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

PathsArg = Annotated[list[str], typer.Argument(help="Files, folders (their .txt files, sorted) or - for stdin.")]
RefOpt = Annotated[
    str | None, typer.Option("--reference-date", help="YYYY-MM-DD: resolves 'last year', 'yesterday' ...")
]
PatternsOpt = Annotated[
    list[Path] | None, typer.Option("--patterns", help="A folder of your own pattern files (repeatable).")
]
OutOpt = Annotated[Path | None, typer.Option("-o", "--output", help="Write here instead of standard output.")]
MaxBytesOpt = Annotated[int, typer.Option("--max-bytes", help="Refuse inputs larger than this.")]


def fail(message: str, code: int = EXIT_USAGE) -> None:
    """Print one error line and exit."""
    typer.echo(f"extractor: error: {message}", err=True)
    raise typer.Exit(code)


@contextmanager
def output(path: Path | None) -> Iterator[TextIO]:
    """Standard output, or the file named by -o (its folder must exist)."""
    if path is None:
        yield sys.stdout
        return
    try:
        fh = path.open("w", encoding="utf-8")
    except OSError as err:
        fail(f"{path}: cannot write: {err.strerror or err}")
    with fh:
        yield fh


def record_json(record: DocumentRecord | ErrorRecord) -> str:
    """One JSON line for a record."""
    return json.dumps(record.model_dump(mode="json", by_alias=True, exclude_none=True), ensure_ascii=False)


def _setup(reference_date: str | None, patterns: list[Path] | None):
    from extractor.api import cached_pipeline, parse_date
    from extractor.patterns import PatternFileError

    try:
        ref = parse_date(reference_date)
    except ValueError as err:
        fail(str(err))
    dirs = tuple(str(p) for p in patterns or ())
    try:
        cached_pipeline(dirs)
    except PatternFileError as err:
        first, *rest = str(err).splitlines()
        fail(f"bad pattern file: {first}" + (f" (and {len(rest)} more problems)" if rest else ""))
        for line in rest:
            typer.echo(f"  {line}", err=True)
    return ref, dirs


def process(paths: list[str], ref, dirs, max_bytes: int) -> Iterator[tuple[InputDoc | InputFailure, DocumentRecord | ErrorRecord]]:
    """Each input with its record: a document record, or an error record naming the reason."""
    from extractor.api import extract

    for item in iter_inputs(paths, max_bytes=max_bytes):
        if isinstance(item, InputFailure):
            yield item, ErrorRecord(source=item.source, error=f"{item.source}: {item.reason}", reason=item.reason)
            continue
        try:
            record = extract(item.text, ref, source=item.source, published=item.published, patterns_dirs=dirs)
            record = record.model_copy(update={"encoding": item.encoding, "doc_id": item.doc_id or record.doc_id})
        except Exception as err:  # one bad document must not stop the run
            reason = f"internal error: {type(err).__name__}: {err}".splitlines()[0]
            yield item, ErrorRecord(source=item.source, error=f"{item.source}: {reason}", reason=reason)
            continue
        yield item, record


@app.command()
def extract(
    paths: PathsArg,
    reference_date: RefOpt = None,
    patterns: PatternsOpt = None,
    out: OutOpt = None,
    max_bytes: MaxBytesOpt = MAX_BYTES,
) -> None:
    """Extract the figures, dates and operations of each document as JSON Lines, one record per document."""
    ref, dirs = _setup(reference_date, patterns)
    failed = 0
    with output(out) as fh:
        for _item, record in process(paths, ref, dirs, max_bytes):
            if isinstance(record, ErrorRecord):
                failed += 1
                typer.echo(f"extractor: error: {record.error}", err=True)
            fh.write(record_json(record) + "\n")
    raise typer.Exit(EXIT_FAILED if failed else EXIT_OK)


@app.command()
def schema() -> None:
    """Print the JSON Schema of a document record."""
    from extractor.models import document_json_schema

    typer.echo(json.dumps(document_json_schema(), indent=2))


def main() -> None:
    """Entry point of the `extractor` console script."""
    app(prog_name="extractor")


if __name__ == "__main__":
    main()
