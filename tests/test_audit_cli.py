"""`extractor audit`: the report formats and the exit codes."""

import json
import re

import pytest
from typer.testing import CliRunner

from extractor.cli import app

SEED_LIKE = (
    "Procuratorates filed 999 cases and 1,285 persons, a year-on-year increase of 28.6% and 24.5% respectively. "
    "Among them, 138 cases were investigated, and the number of investigations was 4.26 compared with the same "
    "period last year. Times.\n"
)
CLEAN = "Police filed 999 cases, up 28.6% year-on-year.\n"


@pytest.fixture()
def files(tmp_path):
    (tmp_path / "a.txt").write_text(SEED_LIKE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def run(*args):
    return CliRunner().invoke(app, ["audit", *map(str, args)])


def test_text_report_puts_inconsistencies_first(files):
    result = run(files / "a.txt")
    assert result.exit_code == 0
    out = result.stdout
    assert out.index("Inconsistencies") < out.index("Consistent")
    assert "multiplier_baseline" in out and "138 / 4.26" in out
    assert "Coverage:" in out and "figures checked" in out


def test_json_records_carry_findings_and_coverage(files):
    result = run(files, "--format", "json")
    recs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"].rsplit("/", 1)[-1] for r in recs] == ["a.txt", "b.txt"]
    first = recs[0]
    assert first["findings"][0]["status"] == "inconsistent"
    assert {f["check"] for f in first["findings"]} >= {"change_baseline", "multiplier_baseline"}
    ids = {f["id"] for f in first["facts"]}
    assert all(set(f["facts"]) <= ids for f in first["findings"])
    assert first["coverage"]["line"].endswith(("checked", ")"))
    baseline = next(f for f in recs[1]["findings"] if f["check"] == "change_baseline")
    assert baseline["status"] == "consistent" and "777" in json.dumps(baseline["details"])


def test_html_report_is_one_page(files, tmp_path):
    out = tmp_path / "report.html"
    result = run(files, "--format", "html", "-o", out)
    assert result.exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'data-fact-id="f1"' in page
    assert "http://" not in page and "https://" not in page


@pytest.mark.parametrize(
    "name, fail_on, code",
    [("a.txt", "never", 0), ("a.txt", "inconsistent", 3), ("a.txt", "error", 0), ("b.txt", "inconsistent", 0)],
)
def test_fail_on(files, name, fail_on, code):
    assert run(files / name, "--fail-on", fail_on).exit_code == code


def test_unreadable_document_is_reported_and_the_rest_audited(files):
    (files / "c.txt").write_bytes(b"")
    result = run(files, "--format", "json")
    assert result.exit_code == 1
    recs = [json.loads(line) for line in result.stdout.splitlines()]
    assert recs[2]["reason"] == "empty file" and "findings" in recs[0]


@pytest.mark.parametrize(
    "text, status",
    [
        ("In 2016 prosecutors approved the arrest of 72,600 suspects and decided not to approve the arrest of 19,800, "
         "a non-arrest rate of 21.4%.", "consistent"),
        ("In 2016 prosecutors approved the arrest of 72,600 suspects and decided not to approve the arrest of 19,800, "
         "a non-arrest rate of 27.3%.", "inconsistent"),
        ("Prosecutors approved the arrests of 317,000 people and decided not to arrest 90,000 people. The non-arrest "
         "rate was 22.1 percent.", "consistent"),
    ],
)
def test_named_rate_end_to_end(text, status):
    from extractor import extract
    from extractor.checks import audit

    (found,) = [f for f in audit(extract(text)) if f.check == "named_rate"]
    assert found.status == status


@pytest.mark.parametrize(
    "row, reason",
    [
        ({"label": "EXCHANGE_RATE", "attrs": {"pair": "CNY/USD", "year": 2020, "low": 9, "high": 1}}, "above"),
        ({"label": "RATE_DEFINITION", "attrs": {"rate": "approval rate"}}, "unknown attrs"),
        ({"label": "RATE_DEFINITION", "attrs": {"formula": "numerator / denominator", "numerator": "clos",
                                                "denominator": "accept", "other_exclude": "(new"}},
         "other_exclude: bad regular expression"),
        ({"label": "DATE", "regex": True, "attrs": {"shape": "year", "requires": ["<fortnight>"]}}, "<fortnight>"),
    ],
)
def test_bad_audit_data_in_a_patterns_folder_is_one_line_naming_file_and_line(files, tmp_path, row, reason):
    folder = tmp_path / "mine"
    folder.mkdir()
    row = {"id": "mine-bad-001", "pattern": r"\d+", **row}
    (folder / "mine.jsonl").write_text("\n" + json.dumps(row) + "\n", encoding="utf-8")
    result = run(files / "b.txt", "--patterns", folder)
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "mine.jsonl:2: mine-bad-001" in result.output and reason in result.output


def test_text_audit_ends_with_a_summary(files):
    (files / "c.txt").write_bytes(b"")
    result = run(files)
    assert result.exit_code == 1
    closing = result.stdout.split("== summary\n", 1)[1]
    assert "2 documents read, 1 could not be read; 1 with inconsistent findings" in closing
    assert "figures checked" in closing and f"{files / 'a.txt'} (1)" in closing


@pytest.mark.parametrize(
    "only, shown",
    [("inconsistent", ["a.txt"]), ("findings", ["a.txt", "b.txt"])],
)
def test_only_lists_the_problem_documents(files, only, shown):
    (files / "d.txt").write_text("The bureau held a meeting on the work.\n", encoding="utf-8")  # no findings
    result = run(files, "--format", "json", "--only", only)
    assert [json.loads(line)["source"].rsplit("/", 1)[-1] for line in result.stdout.splitlines()] == shown
    text = run(files, "--only", only).stdout
    assert [line.rsplit("/", 1)[-1] for line in text.splitlines() if line.startswith("== /")] == shown
    assert f"listed above: {len(shown)} of 3 (--only {only})" in text
    if only == "inconsistent":
        assert "Consistent (" not in text.split("== summary")[0]
    html = run(files, "--format", "html", "--only", only).stdout
    assert html.count('<section class="doc"') == len(shown)


def test_html_pages_of_documents(files, tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("pages")  # not inside `files`: a folder's .html files are inputs too
    for n in range(3):
        (files / f"c{n}.txt").write_text(f"Courts concluded {40 + n} cases in 2022.\n", encoding="utf-8")
    out = tmp_path / "out" / "report.html"
    out.parent.mkdir()
    result = run(files, "--format", "html", "-o", out, "--page-size", "2")
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.parent.iterdir())
    assert names == ["report-2.html", "report-3.html", "report.html"]
    pages = {n: (out.parent / n).read_text(encoding="utf-8") for n in names}
    sections = {n: re.findall(r'<section class="doc" id="(doc\d+)"', html) for n, html in pages.items()}
    assert sorted(d for found in sections.values() for d in found) == [f"doc{n}" for n in range(1, 6)]
    assert sections["report.html"][0] == "doc1"  # a.txt, the inconsistent one, leads
    first = pages["report.html"]
    for name in ("report-2.html", "report-3.html"):
        for doc in sections[name]:
            assert f'href="{name}#{doc}"' in first  # the summary links to the page holding the document
        assert 'href="report.html#summary"' in pages[name] and "<style>" in pages[name]
    assert 'rel="next" href' not in first and 'href="report-2.html" rel="next"' in first
    single = tmp_path / "one.html"
    assert run(files, "--format", "html", "-o", single, "--page-size", "0").exit_code == 0
    assert single.read_text(encoding="utf-8").count('<section class="doc"') == 5
    assert not list(tmp_path.glob("one-*.html"))
