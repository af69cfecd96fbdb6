"""What the command-line modules share: exit codes, option types, one-line errors and warnings, output files.

`extractor.cli` builds the app and registers the commands of `cli_batch` and `cli_explain` (each module's
`register_commands(app)`), so no command module imports another."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, TextIO

import typer

from extractor.models import DocumentRecord, ErrorRecord, record_data

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_FINDINGS = 0, 1, 2, 3
ISO_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


PATHS_HELP = "Files, folders (recursive: .txt, .html, .jsonl), globs, or - for stdin."
PathsArg = Annotated[list[str], typer.Argument(help=PATHS_HELP)]
RefOpt = Annotated[
    str | None, typer.Option("--reference-date", help="YYYY-MM-DD: resolves 'last year', 'yesterday' ...")
]
PatternsOpt = Annotated[
    list[Path] | None,
    typer.Option("--patterns", help="A folder of your own pattern files, or one .jsonl file (repeatable)."),
]
OutOpt = Annotated[Path | None, typer.Option("-o", "--output", help="Write here instead of standard output.")]
MaxBytesOpt = Annotated[int, typer.Option("--max-bytes", help="Refuse inputs larger than this (bytes).")]


def check_max_bytes(max_bytes: int) -> None:
    """Exit 2 with one line unless --max-bytes is a size (> 0)."""
    if max_bytes <= 0:
        fail(f"--max-bytes must be a size in bytes greater than 0, not {max_bytes}")


# Line breaks and other control characters (Cc, U+2028/U+2029) in a message: a file named "a\nextractor: ok"
# must not print a second, forged line.
_CONTROL_ESCAPES = {c: repr(chr(c))[1:-1] for c in [*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029]}


def one_line(message: str) -> str:
    """`message` with its control characters escaped as Python writes them ('\\n', '\\x1b'), so it is one line."""
    return message.translate(_CONTROL_ESCAPES)


def choice(name: str, *values: str) -> type[Enum]:
    """The choices of an option as a str Enum, which typer lists in --help and checks."""
    return Enum(name, {v: v for v in values}, type=str)


Lang = choice("Lang", "auto", "en", "zh")


LangOpt = Annotated[
    Lang,
    typer.Option(
        "--lang", help="Language of the documents: en, zh, or auto (from the share of Chinese characters per document)."
    ),
]


def fail(message: str, code: int = EXIT_USAGE) -> None:
    """Print one error line and exit."""
    typer.echo(f"extractor: error: {one_line(message)}", err=True)
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
    try:
        with fh:
            yield fh
    except OSError as err:  # a full disk, /dev/full, a quota: found on a write or on the close
        fail(f"{path}: cannot write: {err.strerror or err}")


def record_json(record: DocumentRecord | ErrorRecord) -> str:
    """One JSON line for a record."""
    return json.dumps(record_data(record), ensure_ascii=False)


def check_options(reference_date: str | None, patterns: list[Path] | None, *, build: bool = True):
    """(reference date, pattern folders) from the command line; exits 2 with one line on a bad date or a bad
    pattern folder, before any document is read. With `build`, the pipeline is built here once."""
    from extractor.api import cached_pipeline, parse_date
    from extractor.patterns import PatternFileError
    from extractor.rules import pipeline_rows

    if reference_date is not None and not ISO_DATE_RE.fullmatch(reference_date):
        fail(f"--reference-date {reference_date!r} is not YYYY-MM-DD, a real date")
    try:
        ref = parse_date(reference_date)
    except ValueError:
        fail(f"--reference-date {reference_date!r} is not YYYY-MM-DD, a real date")
    dirs = tuple(str(p) for p in patterns or ())
    missing = [d for d in dirs if not (Path(d).is_dir() or (Path(d).suffix == ".jsonl" and Path(d).is_file()))]
    if missing:
        fail(f"--patterns: not a folder nor a .jsonl file: {', '.join(missing)}")
    try:
        cached_pipeline(dirs) if build else pipeline_rows(dirs)
    except PatternFileError as err:
        # every bad line at once, one line each, so a user fixes them in one go
        for line in str(err).splitlines():
            typer.echo(f"extractor: error: bad pattern file: {line}", err=True)
        raise typer.Exit(EXIT_USAGE) from None
    return ref, dirs


def warn(message: str) -> None:
    """One warning line on stderr (above a progress bar, if one shows)."""
    from tqdm import tqdm

    tqdm.write(f"extractor: warning: {one_line(message)}", file=sys.stderr)


def echo_error(message: str) -> None:
    """One error line on stderr (above a progress bar, if one shows)."""
    from tqdm import tqdm

    tqdm.write(f"extractor: error: {one_line(message)}", file=sys.stderr)
