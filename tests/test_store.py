"""The SQLite store, its exports, HTML inputs, and the audit across releases (`audit --store`)."""

import csv
import io
import json
import re
import sys
from pathlib import Path

import pytest

from extractor import cli_batch
from extractor.batch import metric_of, previous_period, run_batch
from extractor.io.html_input import html_text, read_html
from extractor.io.store import DocumentResult, ErrorResult, Store, StoreError
from extractor.io.tables import TABLE_NAMES, column_names

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("samples") / "s.sqlite"
    stats = run_batch([str(p) for p in SAMPLES], store, progress=False)
    assert stats.errors == 0
    return store


# -- the store ----------------------------------------------------------------------------------------------------


def test_store_tables_and_transactions(tmp_path):
    path = tmp_path / "s.sqlite"
    record = {
        "source": "a.txt",
        "doc_id": "k1",
        "length": 9,
        "facts": [{"id": "f1", "kind": "count", "start": 0, "end": 3, "text": "999", "suspect": False, "value": 999}],
        "relations": [],
        "findings": [],
        "coverage": {"checked": 0},
    }
    with Store(path) as st:
        st.write([ErrorResult("a.txt", "cannot read: busy"), ErrorResult("b.txt", "empty file")])
        assert st.counts()["errors"] == 2
        st.write([DocumentResult("k1", "a.txt", "999 cases", json.dumps(record))])
        assert st.has_document("k1") and not st.has_document("k2")
        # a document written later in a failing transaction leaves nothing behind
        with pytest.raises(KeyError):
            st.write([DocumentResult("k2", "c.txt", "x", json.dumps(record)), DocumentResult("k3", "d", "y", "{}")])
        assert not st.has_document("k2")
        counts = st.counts()
    assert counts == {
        "documents": 1,
        "facts": 1,
        "relations": 0,
        "findings": 0,
        "cross_release_findings": 0,
        "errors": 1,  # a.txt now succeeded: its error row is gone
    }
    with Store(path, create=False) as st:
        (rec,) = [r for r in st.iter_records() if "facts" in r]
        assert rec == {k: v for k, v in record.items()}
        assert list(rec) == ["source", "doc_id", "length", "facts", "relations", "findings", "coverage"]


def test_not_a_store(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "missing.sqlite", create=False)
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"plain text, not SQLite " * 40)
    with pytest.raises(StoreError, match="not an extractor store"):
        Store(bad)


def test_export_jsonl_is_the_audit_json(cli, sample_store):
    audit = cli("audit", *SAMPLES, "--format", "json")
    assert audit.exit_code in (0, 3)
    exported = cli("export", sample_store)
    assert exported.exit_code == 0
    assert exported.stdout == audit.stdout  # samples/ is sorted by source, as the export is


def test_export_csv_one_row_per_fact(cli, sample_store):
    result = cli("export", sample_store, "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    with Store(sample_store, create=False) as st:
        assert len(rows) == st.counts()["facts"]
    assert list(rows[0]) == column_names("facts")
    seed = [r for r in rows if r["source"].endswith("seed.txt") and r["text"] == "28.6%"]
    assert seed and seed[0]["kind"] == "percentage" and seed[0]["value"] == "28.6" and seed[0]["points"] == "false"
    dates = [r for r in rows if r["kind"] == "date"]
    assert dates and all(r["value"] == "" and r["value_text"] for r in dates)


@pytest.mark.parametrize("table", TABLE_NAMES)
def test_export_parquet(cli, sample_store, tmp_path, table):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / f"{table}.parquet"
    result = cli("export", sample_store, "--format", "parquet", "--table", table, "-o", out)
    assert result.exit_code == 0, result.output
    data = pq.read_table(out)
    assert data.column_names == column_names(table)
    with Store(sample_store, create=False) as st:
        counts = st.counts()
    assert data.num_rows == counts[table]
    if table == "facts":
        assert str(data.schema.field("value").type) == "double"
        assert str(data.schema.field("start").type) == "int64"


@pytest.mark.parametrize("table", ["findings", "relations", "documents"])
def test_export_csv_other_tables(cli, sample_store, table):
    result = cli("export", sample_store, "--format", "csv", "--table", table)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    with Store(sample_store, create=False) as st:
        counts = st.counts()
    assert len(rows) == counts[table] and list(rows[0]) == column_names(table)
    if table == "findings":
        bad = [r for r in rows if r["source"].endswith("seed.txt") and r["status"] == "inconsistent"]
        assert any(r["check"] == "multiplier_baseline" and r["facts"].count("f") == 2 for r in bad)
    if table == "documents":
        assert {r["source"] for r in rows} == {str(p) for p in SAMPLES}
        assert all(int(r["n_facts"]) > 0 for r in rows)


def test_export_table_needs_csv_or_parquet(cli, sample_store):
    result = cli("export", sample_store, "--table", "findings")
    assert result.exit_code == 2 and "--table" in result.stderr


def test_export_parquet_without_pyarrow(cli, sample_store, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    result = cli("export", sample_store, "--format", "parquet", "-o", tmp_path / "f.parquet")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "extractor: error: parquet export needs pyarrow, which is not installed: pip install 'press-figures[parquet]'"
    )


def test_export_missing_store(cli, tmp_path):
    result = cli("export", tmp_path / "nope.sqlite")
    assert result.exit_code == 2 and "no such store" in result.stderr


# -- HTML inputs --------------------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html><head><meta charset="gb2312"><title>Headline in the tab</title>
<style>.x { color: red }</style><script>var cases = 123456;</script></head>
<body><div class="nav">Home &gt; News</div>
<h1>Procuratorates report “main data”</h1>
<p>In 2019, procuratorates   approved the arrest of
<b>1,088,490</b> people, up 3% year-on-year.</p>
<div style="display:none">hidden 42 cases</div><noscript>enable 7 scripts</noscript>
<p>Police seized 320 phones.<br>Courts concluded 563 cases.</p></body></html>"""


def test_html_visible_text_and_offsets(extract):
    docs = list(read_html("p.html", PAGE.encode("gb18030"), main=False))  # the standard-library fallback
    (doc,) = docs
    assert doc.encoding == "gb18030"
    assert doc.text == (
        "Home > News\n\nProcuratorates report “main data”\n\n"
        "In 2019, procuratorates approved the arrest of 1,088,490 people, up 3% year-on-year.\n\n"
        "Police seized 320 phones.\nCourts concluded 563 cases.\n"
    )
    record = extract(doc.text)
    assert [(f.text, doc.text[f.start : f.end]) for f in record.facts if f.kind == "count"] == [
        ("1,088,490", "1,088,490"),
        ("320", "320"),
        ("563", "563"),
    ]


def test_html_without_visible_text():
    assert html_text("<html><head><title>t</title></head><body><script>x()</script></body></html>") == ""
    (failure,) = read_html("e.html", b"<html><body>  </body></html>")
    assert failure.reason == "HTML page without visible text"


# -- across releases ----------------------------------------------------------------------------------------------

REPORT_2018 = """Supreme People's Procuratorate: work report on 2018

Updated: 2019-03-12

In 2018, procuratorates across the country approved the arrest of 1,056,616 people and prosecuted 1,692,846 people.

In 2018, procuratorates across the country accepted 9,126 public interest cases.
"""
REPORT_2019 = """Supreme People's Procuratorate: work report on 2019

Updated: 2020-03-10

In 2019, procuratorates across the country approved the arrest of 1,088,490 people, up 3% year-on-year, and \
prosecuted 1,818,808 people, up 9.4% year-on-year.
"""
# Another release on 2018 that gives one figure differently and one the same; and a province (another scope).
STATS_2018 = """Procuratorial statistics released

Updated: 2020-01-20

In 2018, procuratorates across the country prosecuted 1,692,846 people. In 2018, procuratorates across the \
country accepted 9,216 public interest cases.
"""
PROVINCE_2018 = """Guangdong procuratorates report

Updated: 2019-02-01

In 2018, Guangdong procuratorates approved the arrest of 61,000 people.
"""


def test_metric_and_previous_period():
    fact = {"unit": "person", "action": "approved the arrest of", "subject": "people"}
    assert metric_of(fact) == ("person", ("approv", "arrest"), ("people",))
    assert metric_of({"unit": "case", "subject": "cases"}) is None  # no action: too vague to compare
    assert previous_period("2019", {"basis": "year_on_year"}) == "2018"
    assert previous_period("2019-01/2019-06", {"basis": "year_on_year"}) == "2018-01/2018-06"
    assert previous_period("2024-H1", {"basis": "year_on_year"}) == "2023-H1"
    assert previous_period("2022", {"basis": "named_year", "basis_year": 2020}) == "2020"
    assert previous_period("2022-Q1", {"basis": "previous_period"}) is None


@pytest.fixture()
def releases(tmp_path) -> Path:
    folder = tmp_path / "releases"
    folder.mkdir()
    for name, text in [
        ("a-2018.txt", REPORT_2018),
        ("b-2019.txt", REPORT_2019),
        ("c-stats.txt", STATS_2018),
        ("d-province.txt", PROVINCE_2018),
    ]:
        (folder / name).write_text(text, encoding="utf-8")
    store = tmp_path / "r.sqlite"
    assert run_batch([str(folder)], store, progress=False).errors == 0
    return store


def test_audit_store_across_releases(releases, capsys):
    code = cli_batch.audit_store(releases, "json")
    assert code == 0
    findings = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    got = {(f["check"], f["status"], f["details"]["documents"][0]["text"]) for f in findings}
    assert got == {
        # 9,126 and 9,216 public interest cases for 2018 in two releases
        ("cross_release_value", "inconsistent", "9,126"),
        ("cross_release_value", "consistent", "1,692,846"),
        # 1,088,490 / 1,056,616 - 1 = 3.02%: rounds to 3%
        ("cross_release_change", "consistent", "1,088,490"),
        # 1,818,808 / 1,692,846 - 1 = 7.44%, not 9.4%
        ("cross_release_change", "inconsistent", "1,818,808"),
    }  # the province's 61,000 is of another scope: never compared
    bad = [f for f in findings if f["status"] == "inconsistent"]
    assert all(f["severity"] == "warning" for f in bad)
    change = next(f for f in bad if f["check"] == "cross_release_change")
    docs = {d["role"]: d for d in change["details"]["documents"]}
    current, previous = docs["current"], docs["previous"]
    assert change["facts"] == [
        f"{current['doc_id']}:{current['fact']}",
        f"{current['doc_id']}:f{int(current['fact'][1:]) + 1}",  # the '9.4%' right after the count
        f"{previous['doc_id']}:{previous['fact']}",
    ]
    assert change["details"]["arithmetic"] == "1,818,808 / 1,692,846 - 1 = +7.44%"
    with Store(releases, create=False) as st:
        stored = st.cross_release_findings()
        assert [f["check"] for f in stored] == [f["check"] for f in findings]
        row = st.db.execute(
            "SELECT scope, doc_key, facts FROM findings WHERE check_name = 'cross_release_change' AND status = ?",
            ("inconsistent",),
        ).fetchone()
    assert row[0] == "cross_release" and row[1] is None and json.loads(row[2]) == change["facts"]
    # a second audit replaces the findings, it does not add to them
    assert cli_batch.audit_store(releases, "json", fail_on="inconsistent") == 3
    with Store(releases, create=False) as st:
        assert st.counts()["cross_release_findings"] == len(findings)


def test_audit_store_text_report(releases, capsys):
    assert cli_batch.audit_store(releases, "text", fail_on="error") == 0  # warnings only
    report = capsys.readouterr().out
    assert "2 inconsistent, 2 consistent, 0 untestable" in report
    assert "“In 2019, procuratorates across the country approved the arrest of 1,088,490 people" in report
    assert "Arithmetic: 1,818,808 / 1,692,846 - 1 = +7.44%, which does not" not in report
    assert "Arithmetic: 1,818,808 / 1,692,846 - 1 = +7.44%" in report


def test_audit_store_html_report(releases, cli, tmp_path):
    out = tmp_path / "across.html"
    result = cli("audit", "--store", releases, "--format", "html", "-o", out)
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<script" not in html
    statuses = re.findall(r'<li class="finding s-(\w+)"', html)
    assert statuses == ["inconsistent", "inconsistent", "consistent", "consistent"]
    assert "approved the arrest of <mark>1,088,490</mark> people" in html
    assert "1,818,808 / 1,692,846 - 1 = +7.44%" in html


def test_audit_store_only_inconsistent(releases, cli):
    result = cli("audit", "--store", releases, "--format", "json", "--only", "inconsistent")
    assert result.exit_code == 0
    found = [json.loads(line) for line in result.stdout.splitlines()]
    assert [f["status"] for f in found] == ["inconsistent", "inconsistent"]


def test_release_year_alone_is_no_finding(tmp_path, capsys):
    # Two releases of 2021 without a period in the sentence: perhaps a half year and a whole year.
    for name, n in (("h1.txt", "4,012"), ("year.txt", "5,031")):
        (tmp_path / name).write_text(
            f"Bulletin\n\nUpdated: 2021-0{len(name)}-01\n\nPolice arrested {n} suspects for telecom fraud.\n",
            encoding="utf-8",
        )
    store = tmp_path / "s.sqlite"
    run_batch([str(tmp_path / "h1.txt"), str(tmp_path / "year.txt")], store, progress=False)
    cli_batch.audit_store(store, "json")
    (finding,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert finding["status"] == "untestable" and finding["severity"] == "info"
