"""Records as flat tables (documents, facts, relations, findings) with typed columns, for CSV, Parquet and pandas."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from extractor.kinds import NUMERIC_KINDS

TABLE_NAMES = ("facts", "findings", "relations", "documents")
_KEYS = [("doc_id", "str"), ("source", "str")]
# (column, type) per table; types: str, int, float, bool. A list of fact ids is one string, the ids apart by spaces.
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "documents": [
        *_KEYS,
        ("url", "str"),
        ("title", "str"),
        ("agency", "str"),
        ("lang", "str"),
        ("not_read", "str"),
        ("published", "str"),
        ("reference_date", "str"),
        ("reference_date_source", "str"),
        ("encoding", "str"),
        ("length", "int"),
        ("n_facts", "int"),
        ("n_relations", "int"),
        ("n_findings", "int"),
        ("n_inconsistent", "int"),
        ("figures", "int"),
        ("checked", "int"),
        ("error", "str"),
    ],
    "facts": [
        *_KEYS,
        ("published", "str"),
        ("fact_id", "str"),
        ("kind", "str"),
        ("start", "int"),
        ("end", "int"),
        ("text", "str"),
        ("value", "float"),  # the numeric kinds (extractor.kinds.NUMERIC_KINDS)
        ("value_text", "str"),  # date (ISO 8601 with X) and operation (its name)
        ("pattern_id", "str"),
        ("approx", "str"),
        ("suspect", "bool"),
        ("suspect_reason", "str"),
        ("unit", "str"),
        ("subject", "str"),
        ("action", "str"),
        ("difference", "str"),
        ("role", "str"),
        ("direction", "str"),
        ("basis", "str"),
        ("basis_year", "int"),
        ("average", "bool"),
        ("points", "bool"),
        ("rate_name", "str"),
        ("of", "str"),
        ("whole", "str"),
        ("baseline", "str"),
        ("currency", "str"),
        ("per", "int"),  # population_rate: 12.5 per 10,000 people
        ("population", "str"),
        ("granularity", "str"),
        ("start_date", "str"),
        ("end_date", "str"),
        ("relative", "bool"),
        ("resolved", "str"),
        ("name", "str"),
        ("code", "bool"),
        ("implied_date", "str"),
        ("alias_of", "str"),
    ],
    "relations": [
        *_KEYS,
        ("seq", "int"),
        ("type", "str"),
        ("part", "str"),
        ("whole", "str"),
        ("cue", "str"),
        ("from", "str"),
        ("to", "str"),
        ("items", "str"),
        ("qualifiers", "str"),
        ("aligned", "bool"),
        ("parts", "str"),
        ("total", "str"),
        ("rate", "str"),
        ("numerator", "str"),
        ("denominator", "str"),
        ("definition", "str"),
        ("role", "str"),  # a link: of / whole / baseline, from source_fact to target_fact
        ("source_fact", "str"),
        ("target_fact", "str"),
        ("pattern_id", "str"),
        ("confidence", "str"),  # stated / cued / inferred
    ],
    "findings": [
        *_KEYS,
        ("seq", "int"),
        ("check", "str"),
        ("status", "str"),
        ("severity", "str"),
        ("facts", "str"),
        ("message", "str"),
        ("arithmetic", "str"),
        ("details", "str"),  # JSON
    ],
}


class TableError(ValueError):
    """An unknown table name; the message lists the known ones."""


def column_names(table: str) -> list[str]:
    """The columns of a table, in order."""
    return [name for name, _ in _columns(table)]


def _columns(table: str) -> list[tuple[str, str]]:
    if table not in COLUMNS:
        raise TableError(f"unknown table {table!r}: choose one of {', '.join(TABLE_NAMES)}")
    return COLUMNS[table]


def _as_dict(record: Any) -> dict[str, Any]:
    if isinstance(record, dict):
        return record
    from extractor.models import record_data

    return record_data(record)


def _ids(value: Any) -> Any:
    return " ".join(value) if isinstance(value, list) else value


def _typed(value: Any, typ: str) -> Any:
    if value is None:
        return None
    if typ == "float":
        return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
    if typ == "int":
        return int(value)
    if typ == "bool":
        return bool(value)
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _fact_row(rec: dict[str, Any], fact: dict[str, Any]) -> dict[str, Any]:
    row = dict(fact, fact_id=fact.get("id"), doc_id=rec.get("doc_id"), source=rec.get("source"))
    row["published"] = rec.get("published")
    numeric = fact.get("kind") in NUMERIC_KINDS
    row["value"] = fact.get("value") if numeric else None
    row["value_text"] = None if numeric else fact.get("value")
    return row


def _document_row(rec: dict[str, Any]) -> dict[str, Any]:
    if "error" in rec:
        return {"source": rec.get("source"), "error": rec.get("reason") or rec.get("error")}
    findings = rec.get("findings") or []
    coverage = rec.get("coverage") or {}
    return dict(
        rec,
        n_facts=len(rec.get("facts") or []),
        n_relations=len(rec.get("relations") or []),
        n_findings=len(findings),
        n_inconsistent=sum(1 for f in findings if f.get("status") == "inconsistent"),
        figures=coverage.get("figures"),
        checked=coverage.get("checked"),
    )


def table_rows(records: Iterable[Any], table: str) -> Iterator[dict[str, Any]]:
    """One dict per row of `table` (its columns as keys, values typed) over records (DocumentRecord, ErrorRecord
    or their JSON dicts). Error records appear in the documents table only, with their `error`."""
    cols = _columns(table)
    for record in records:
        rec = _as_dict(record)
        if table == "documents":
            raw = [_document_row(rec)]
        elif "error" in rec:
            continue
        elif table == "facts":
            raw = [_fact_row(rec, f) for f in rec.get("facts") or []]
        else:
            key = "relations" if table == "relations" else "findings"
            raw = []
            for seq, item in enumerate(rec.get(key) or []):
                row = {k: _ids(v) for k, v in item.items()}
                if table == "relations":  # a link's `source` and `target` are fact ids; `source` is the document's
                    row["source_fact"], row["target_fact"] = row.pop("source", None), row.pop("target", None)
                if table == "findings":
                    details = item.get("details") or {}
                    row["details"] = json.dumps(details, ensure_ascii=False) if details else None
                    row["arithmetic"] = details.get("arithmetic")
                row.update(seq=seq, doc_id=rec.get("doc_id"), source=rec.get("source"))
                raw.append(row)
        for row in raw:
            yield {name: _typed(row.get(name), typ) for name, typ in cols}


_PANDAS_TYPES = {"str": "string", "int": "Int64", "float": "Float64", "bool": "boolean"}


def to_dataframe(records: Iterable[Any], table: str = "facts"):
    """A pandas DataFrame of one table ('facts', 'findings', 'relations' or 'documents') of these records, with
    typed columns: `value` numeric (count, percentage, multiplier, money), `value_text` for dates and operation
    names; missing values are <NA>. Needs pandas (`pip install 'press-figures[pandas]'`)."""
    cols = _columns(table)
    try:
        import pandas as pd
    except ImportError as err:
        hint = "pip install 'press-figures[pandas]'"
        raise ImportError(f"to_dataframe needs pandas, which is not installed: {hint}") from err
    rows = list(table_rows(records, table))
    frame = pd.DataFrame.from_records(rows, columns=[name for name, _ in cols])
    return frame.astype({name: _PANDAS_TYPES[typ] for name, typ in cols})
