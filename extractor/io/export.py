"""Writing a store out: JSON Lines records (as `audit --format json`), or one table (facts, findings, relations,
documents) as CSV or Parquet with typed columns."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from extractor.io.store import Store
from extractor.io.tables import COLUMNS, TABLE_NAMES, column_names, table_rows

FORMATS = ("jsonl", "csv", "parquet")
PARQUET_HINT = "pip install 'press-figures[parquet]'"
PARQUET_BATCH_ROWS = 10_000
# A spreadsheet runs a cell that opens with one of these as a formula ('=HYPERLINK(...)' in a release's text):
# such a text cell gets a leading apostrophe, which spreadsheets show as text (OWASP, "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class ExportError(ValueError):
    """An export that cannot be made (a missing optional dependency, no file for binary output); one line."""


def _records(store: Store, errors: bool = True) -> Iterator[dict[str, Any]]:
    """The store's records as JSON dicts with the record's fixed key set (null where a field has no value)."""
    from extractor.models import DocumentRecord, ErrorRecord, record_data

    for rec in store.iter_records(errors=errors):
        model = ErrorRecord if "error" in rec else DocumentRecord
        yield record_data(model.model_validate(rec))


def iter_rows(store: Store, table: str = "facts") -> Iterator[dict[str, Any]]:
    """One dict per row of a table of the store, with its COLUMNS as keys."""
    yield from table_rows(_records(store), table)


def write_jsonl(store: Store, fh: IO[str], errors: bool = True) -> int:
    """Every record as one JSON line (error records too, unless `errors` is false); the number written."""
    n = 0
    for rec in _records(store, errors):
        fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n


def csv_cell(value: Any) -> Any:
    """A value as a CSV cell: empty for None, true/false, and text that a spreadsheet would run as a formula
    neutralised by a leading apostrophe (numbers stay numbers: -5.2 is not text)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(store: Store, fh: IO[str], table: str = "facts") -> int:
    """One CSV row per row of the table (facts by default); the number of rows."""
    columns = column_names(table)
    writer = csv.writer(fh, lineterminator="\n")
    writer.writerow(columns)
    n = 0
    for row in iter_rows(store, table):
        writer.writerow([csv_cell(row[c]) for c in columns])
        n += 1
    return n


def require_pyarrow():
    """pyarrow and pyarrow.parquet, or ExportError naming the extra to install."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as err:
        raise ExportError(f"parquet export needs pyarrow, which is not installed: {PARQUET_HINT}") from err
    return pa, pq


def parquet_schema(pa, table: str = "facts"):
    """The Parquet columns of a table: typed, the same names as the CSV."""
    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    return pa.schema([pa.field(name, types[typ]) for name, typ in COLUMNS[table]])


def write_parquet(store: Store, path: Path, table: str = "facts") -> int:
    """One Parquet row per row of the table, written in row groups so memory stays flat; the number of rows."""
    column_names(table)  # an unknown table fails before pyarrow is needed
    pa, pq = require_pyarrow()
    schema = parquet_schema(pa, table)
    n = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        batch: list[dict[str, Any]] = []

        def flush() -> None:
            if batch:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch.clear()

        for row in iter_rows(store, table):
            batch.append(row)
            n += 1
            if len(batch) >= PARQUET_BATCH_ROWS:
                flush()
        flush()
    return n


__all__ = ["FORMATS", "TABLE_NAMES", "ExportError", "write_csv", "write_jsonl", "write_parquet"]
