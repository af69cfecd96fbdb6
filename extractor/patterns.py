"""Rule data: the PatternRow model, loading and validating `patterns/*.jsonl`, locating the bundled folder."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

ID_RE = re.compile(r"^[a-z0-9_]+(-[a-z0-9_]+)+$")
LABEL_RE = re.compile(r"^[A-Z][A-Z0-9_]*$")
SHAPES = {
    "id": (ID_RE, "look like kind-name-001 (lower case, digits, '_' and '-')"),
    "label": (LABEL_RE, "be UPPER_CASE"),
}


class PatternFileError(ValueError):
    """A pattern file that cannot be used; the message names every bad line as FILE:LINE: reason."""


class PatternRow(BaseModel):
    """One rule: a token pattern (list), a phrase (string) or a regular expression (string with regex=true).

    `attrs` carries the rule's metadata (a unit, a direction, a value); it lives beside the match, never in
    the label.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    label: str
    pattern: list[dict[str, Any]] | str
    regex: bool = False
    attrs: dict[str, Any] = Field(default_factory=dict)
    comment: str | None = None

    @field_validator("id", "label")
    @classmethod
    def _shape(cls, v: str, info) -> str:
        regex, shape = SHAPES[info.field_name]
        if not regex.match(v):
            raise ValueError(f"{info.field_name} {v!r} must {shape}")
        return v

    @field_validator("pattern")
    @classmethod
    def _pattern_not_empty(cls, v):
        if not v:
            raise ValueError("pattern must not be empty")
        return v

    @property
    def kind(self) -> str:
        """'regex', 'phrase' or 'token'."""
        if isinstance(self.pattern, list):
            return "token"
        return "regex" if self.regex else "phrase"


def patterns_dir() -> Path:
    """The bundled `patterns/` folder: inside the wheel, or at the repository root for an editable install."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_patterns", here.parent / "patterns"):
        if candidate.is_dir():
            return candidate
    raise PatternFileError(f"bundled patterns folder not found next to {here}")


def _check_row(row: PatternRow, registry=None) -> str | None:
    if row.kind == "regex":
        try:
            re.compile(row.pattern)
        except re.error as err:
            return f"bad regular expression: {err}"
    elif row.kind == "token":
        from spacy.schemas import validate_token_pattern

        errors = validate_token_pattern(row.pattern)
        if errors:
            return "bad token pattern: " + "; ".join(str(e) for e in errors)
    elif row.regex:
        return "regex=true needs a string pattern"
    if registry is not None:  # another language's rows: its own labels, no English audit data
        from extractor.labels import check_label

        return check_label(row.label, row.attrs, registry)
    return _check_attrs(row)


def _check_attrs(row: PatternRow) -> str | None:
    """What the rows of some labels must carry: audit data is read whole, a rule gate must parse."""
    from extractor.checks.conversion import LABEL as EXCHANGE_LABEL
    from extractor.checks.conversion import range_from_row
    from extractor.checks.rates import LABEL as RATE_LABEL
    from extractor.checks.rates import definition_from_row
    from extractor.gates import requires_of
    from extractor.labels import check_label

    bad = check_label(row.label, row.attrs)
    if bad:
        return bad
    try:
        if row.label == EXCHANGE_LABEL:
            range_from_row(row)
        elif row.label == RATE_LABEL:
            definition_from_row(row)
        requires_of(row.attrs)
    except ValueError as err:
        return str(err)
    return None


def load_pattern_file(path: Path, registry=None) -> list[PatternRow]:
    """Read and validate one JSON Lines pattern file; every bad line is reported at once.

    `registry` is the label registry its rows must fit (default: the English one, extractor.labels.LABELS)."""
    rows: list[PatternRow] = []
    problems: list[str] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise PatternFileError(f"{path}: cannot read pattern file: {err}") from err
    for lineno, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            data = json.loads(line)
            row = PatternRow.model_validate(data)
        except json.JSONDecodeError as err:
            problems.append(f"{path.name}:{lineno}: not JSON: {err.msg}")
            continue
        except ValidationError as err:
            reasons = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'row'}: {e['msg']}" for e in err.errors())
            problems.append(f"{path.name}:{lineno}: {reasons}")
            continue
        bad = _check_row(row, registry)
        if bad:
            problems.append(f"{path.name}:{lineno}: {row.id}: {bad}")
            continue
        rows.append(row)
    if problems:
        raise PatternFileError("\n".join(problems))
    return rows


def load_patterns(dirs: Iterable[Path | str] | None = None) -> list[PatternRow]:
    """All rows of the bundled patterns plus those of each extra folder or .jsonl file; ids must be unique
    across all files. A row of yours with the label and pattern of a row before it (a built-in one, or one of an
    earlier folder of yours) replaces that row: 'pesos' as MXN wins over the bundled PHP, and the facts it makes
    carry your row's id.

    Returns a new list every call, so building two pipelines never grows shared state.
    """
    sources = [patterns_dir()] + [Path(d) for d in (dirs or [])]
    rows: list[PatternRow] = []
    seen: dict[str, str] = {}
    problems: list[str] = []
    for n, source in enumerate(sources):
        if source.is_file() and source.suffix == ".jsonl":
            files = [source]
        elif source.is_dir():
            files = sorted(source.glob("*.jsonl"))
            if n and not files:
                raise PatternFileError(f"{source}: no .jsonl pattern files in this folder")
        else:
            raise PatternFileError(f"{source}: not a folder of pattern files nor a .jsonl file")
        for file_rows in read_files(files, seen, problems):
            if n:
                replaced = {_surface(r) for r in file_rows}
                rows = [r for r in rows if _surface(r) not in replaced]
            rows.extend(file_rows)
    if problems:
        raise PatternFileError("\n".join(problems))
    return rows


def read_files(
    files: Iterable[Path], seen: dict[str, str], problems: list[str], registry=None
) -> Iterator[list[PatternRow]]:
    """The rows of each file that loads; its bad lines, and ids already in `seen` (id -> file), go to `problems`."""
    for path in files:
        try:
            file_rows = load_pattern_file(path, registry)
        except PatternFileError as err:
            problems.append(str(err))
            continue
        for row in file_rows:
            if row.id in seen:
                problems.append(f"{path.name}: duplicate id {row.id!r} (first in {seen[row.id]})")
            seen[row.id] = path.name
        yield file_rows


def _surface(row: PatternRow) -> tuple[str, str, bool]:
    """What a rule matches and means it as: its label and its pattern (phrases compared in lower case)."""
    pattern = json.dumps(row.pattern, sort_keys=True) if isinstance(row.pattern, list) else row.pattern
    return row.label, pattern.lower() if row.kind == "phrase" else pattern, row.regex


def rows_with_label(rows: Iterable[PatternRow], *labels: str) -> list[PatternRow]:
    """The rows whose label is one of `labels`."""
    wanted = set(labels)
    return [r for r in rows if r.label in wanted]
