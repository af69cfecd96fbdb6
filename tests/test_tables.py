"""Records as tables: a fixed JSON key set, to_dataframe with typed columns, CSV cells a spreadsheet will not run."""

from __future__ import annotations

import csv
import io
import json

import pytest

import extractor
from extractor.batch import run_batch
from extractor.checks import audit, coverage
from extractor.io.export import csv_cell
from extractor.io.tables import TABLE_NAMES, TableError, column_names
from extractor.models import DocumentRecord, record_data

TEXTS = [
    "In 2022, courts in the province concluded 5,140 cases of telecom fraud, up 18.2% year-on-year, and recovered "
    "63 million yuan for victims; among them, 420 cases involved overseas gangs.",
    "The \"Thunder 2023\" campaign was launched on March 3. Officers arrested 96 suspects.",
]


def audited(text, source):
    record = extractor.extract(text, source=source, reference_date="2023-01-20")
    findings = audit(record)
    return record.model_copy(update={"findings": findings, "coverage": coverage(record, findings)})


@pytest.fixture(scope="module")
def records():
    return [audited(t, f"r{n}.txt") for n, t in enumerate(TEXTS, start=1)]


def test_json_record_has_every_key_of_its_model(cli, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(TEXTS[1], encoding="utf-8")
    (line,) = cli("extract", path).stdout.splitlines()
    rec = json.loads(line)
    assert set(rec) == set(DocumentRecord.model_fields)
    assert rec["published"] is None and rec["findings"] is None
    for fact in rec["facts"]:
        model = type(DocumentRecord.model_validate(rec).fact(fact["id"]))
        assert set(fact) == {f.alias or n for n, f in model.model_fields.items()}
    count = next(f for f in rec["facts"] if f["kind"] == "count")
    assert count["approx"] is None and count["suspect_reason"] is None


def test_json_normalize_works_on_records(records):
    pd = pytest.importorskip("pandas")
    flat = pd.json_normalize([record_data(r) for r in records], "facts", ["published", "source"])
    assert len(flat) == sum(len(r.facts) for r in records)
    assert flat["published"].isna().all()


def test_to_dataframe_facts_typed(records):
    pytest.importorskip("pandas")
    df = extractor.to_dataframe(records)
    assert list(df.columns) == column_names("facts")
    assert str(df["value"].dtype) == "Float64" and str(df["start"].dtype) == "Int64"
    assert str(df["suspect"].dtype) == "boolean"
    counts = df[df["kind"] == "count"]
    assert counts["value"].tolist() == [5140, 420, 96]
    dates = df[df["kind"] == "date"]
    assert dates["value"].isna().all() and "2022" in dates["value_text"].tolist()
    ops = df[df["kind"] == "operation"]
    assert ops["value_text"].str.contains("Thunder").all()
    surfaces = [TEXTS[int(s[1]) - 1][a:b] for s, a, b in zip(df["source"], df["start"], df["end"], strict=True)]
    assert (df["text"] == surfaces).all()


@pytest.mark.parametrize("table", TABLE_NAMES)
def test_to_dataframe_every_table(records, table):
    pytest.importorskip("pandas")
    df = extractor.to_dataframe(records, table=table)
    assert list(df.columns) == column_names(table)
    expected = {
        "facts": sum(len(r.facts) for r in records),
        "relations": sum(len(r.relations) for r in records),
        "findings": sum(len(r.findings) for r in records),
        "documents": len(records),
    }[table]
    assert len(df) == expected


def test_to_dataframe_takes_json_dicts_and_error_records(records):
    pytest.importorskip("pandas")
    rows = [record_data(r) for r in records] + [{"source": "bad.txt", "error": "bad.txt: empty", "reason": "empty"}]
    docs = extractor.to_dataframe(rows, "documents")
    assert docs["error"].tolist()[-1] == "empty" and docs["error"].isna().sum() == 2
    assert len(extractor.to_dataframe(rows, "facts")) == sum(len(r.facts) for r in records)


def test_to_dataframe_names_an_unknown_table(records):
    with pytest.raises(TableError, match="unknown table 'fact': choose one of facts, findings"):
        extractor.to_dataframe(records, "fact")


@pytest.mark.parametrize(
    "value, cell",
    [
        ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
        ("+1 cases", "'+1 cases"),
        ("-gang members", "'-gang members"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("cases", "cases"),
        (-5.5, -5.5),
        (None, ""),
        (True, "true"),
    ],
)
def test_csv_cell_neutralises_formulas(value, cell):
    assert csv_cell(value) == cell


def test_csv_export_of_a_hostile_id(cli, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "=1+2", "text": TEXTS[1]}) + "\n", encoding="utf-8")
    store = tmp_path / "s.sqlite"
    assert run_batch([str(src)], store, progress=False).errors == 0
    out = cli("export", store, "--format", "csv", "--table", "documents")
    (row,) = list(csv.DictReader(io.StringIO(out.stdout)))
    assert row["doc_id"] == "'=1+2" and row["source"] == f"{src}#=1+2"


def test_relations_table_keeps_link_ends_apart_from_the_document_source(records):
    pytest.importorskip("pandas")
    rels = extractor.to_dataframe(records, "relations")
    links = rels[rels["type"] == "link"]
    assert len(links) and (links["source"] == "r1.txt").any()
    facts = {(r.source, f.id) for r in records for f in r.facts}
    assert all((s, a) in facts and (s, b) in facts for s, a, b in zip(
        links["source"], links["source_fact"], links["target_fact"], strict=True))
    assert set(links["confidence"]) <= {"stated", "cued", "inferred"}
