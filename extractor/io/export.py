"""Writing a store out: JSON Lines records (as `audit --format json`), or one row per fact as CSV or Parquet."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from extractor.io.store import Store

FORMATS = ("jsonl", "csv", "parquet")
PARQUET_HINT = "pip install 'extractor[parquet]'"
PARQUET_BATCH_ROWS = 10_000


class ExportError(ValueError):
    """An export that cannot be made (a missing optional dependency, no file for binary output); one line."""


def _fact_columns() -> list[str]:
    """The fields of every fact kind, in model order, without repeats."""
    from typing import get_args

    from extractor.models import Fact

    union = get_args(Fact)[0]
    seen: dict[str, None] = {}
    for cls in get_args(union):
        for name in cls.model_fields:
            seen.setdefault(name, None)
    return list(seen)


FACT_FIELDS = _fact_columns()
# One row per fact: the document, the fact's fields (its id as fact_id), and `number`, the value of the numeric
# kinds as a float (`value` holds numbers and the text values of dates and operations alike).
COLUMNS = ["doc_id", "source", "fact_id", *[c for c in FACT_FIELDS if c != "id"], "number"]
_BOOL_COLUMNS = {"suspect", "points", "relative", "code"}
_INT_COLUMNS = {"start", "end", "basis_year"}


def _row(doc_id: str, source: str, fact: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {"doc_id": doc_id, "source": source, "fact_id": fact.get("id")}
    for name in FACT_FIELDS:
        if name != "id":
            row[name] = fact.get(name)
    value = fact.get("value")
    is_num = isinstance(value, int | float) and not isinstance(value, bool)
    row["number"] = float(value) if is_num else None
    return row


def iter_rows(store: Store) -> Iterator[dict[str, Any]]:
    """One dict per fact, with COLUMNS as keys."""
    for doc_id, source, fact in store.iter_fact_rows():
        yield _row(doc_id, source, fact)


def write_jsonl(store: Store, fh: IO[str], errors: bool = True) -> int:
    """Every record as one JSON line (error records too, unless `errors` is false); the number written."""
    n = 0
    for rec in store.iter_records(errors=errors):
        fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def write_csv(store: Store, fh: IO[str]) -> int:
    """One CSV row per fact; the number of rows."""
    writer = csv.writer(fh, lineterminator="\n")
    writer.writerow(COLUMNS)
    n = 0
    for row in iter_rows(store):
        writer.writerow([_csv_cell(row[c]) for c in COLUMNS])
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


def parquet_schema(pa):
    """The Parquet columns: typed, the same names as the CSV."""
    fields = []
    for name in COLUMNS:
        if name in _BOOL_COLUMNS:
            typ = pa.bool_()
        elif name in _INT_COLUMNS:
            typ = pa.int64()
        elif name == "number":
            typ = pa.float64()
        else:
            typ = pa.string()
        fields.append(pa.field(name, typ))
    return pa.schema(fields)


def write_parquet(store: Store, path: Path) -> int:
    """One Parquet row per fact, written in row groups so memory stays flat; the number of rows."""
    pa, pq = require_pyarrow()
    schema = parquet_schema(pa)
    n = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        batch: list[dict[str, Any]] = []

        def flush() -> None:
            if batch:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch.clear()

        for row in iter_rows(store):
            if isinstance(row["value"], int | float) and not isinstance(row["value"], bool):
                row["value"] = json.dumps(row["value"])
            batch.append(row)
            n += 1
            if len(batch) >= PARQUET_BATCH_ROWS:
                flush()
        flush()
    return n
