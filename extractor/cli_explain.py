"""`extractor explain`: what each numeral became and why, so a user can see where to add a rule row."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from extractor.cli_common import EXIT_OK, PatternsOpt, RefOpt, check_options, fail


def _is_file(source: str) -> bool:
    """True when `source` names a file (a text given in quotes is never one, however long)."""
    try:
        return "\n" not in source and Path(source).is_file()
    except (OSError, ValueError):  # too long for a file name, or a NUL in it
        return False


def explain(
    source: Annotated[str, typer.Argument(help="A text in quotes, a file, or - for standard input.")],
    reference_date: RefOpt = None,
    patterns: PatternsOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per numeral.")] = False,
) -> None:
    """List each numeral with the fact it became (kind, rule id, links with their cue and confidence) or the
    reason it was dropped."""
    import sys

    from extractor.api import cached_pipeline
    from extractor.explain import explain as run_explain
    from extractor.explain import explain_lines

    ref, dirs = check_options(reference_date, patterns)
    if source == "-":
        text = sys.stdin.read()
    elif _is_file(source):
        try:
            text = Path(source).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            fail(f"{source}: cannot read: {err}", 1)
    else:
        text = source
    if not text.strip():
        name = source if source and len(source) < 80 and "\n" not in source else "the text given"
        fail(f"{name}: empty text, nothing to explain", 1)
    rows = run_explain(cached_pipeline(dirs), text, ref)
    for line in [json.dumps(r, ensure_ascii=False) for r in rows] if as_json else explain_lines(rows):
        typer.echo(line)
    raise typer.Exit(EXIT_OK)


def register_commands(app: typer.Typer) -> None:
    """Add `explain` to the command-line app."""
    app.command()(explain)
