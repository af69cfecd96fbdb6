"""A bad figure never sinks a document: it is dropped with a warning, or flagged suspect, and the rest stands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.cli import record_json
from extractor.io.store import DocumentResult
from extractor.models import DocumentRecord
from tests.conftest import by_text


def _valid(record: DocumentRecord, text: str) -> None:
    DocumentRecord.model_validate_json(record_json(record))  # serialises, and reads back as a valid record
    for f in record.facts:
        assert text[f.start : f.end] == f.text
    assert [f.id for f in record.facts] == [f"f{n}" for n in range(1, len(record.facts) + 1)]
    for w in record.warnings or ():
        assert text[w.start : w.end] == w.text


BASIS_YEARS = [
    ("The number of cases filed rose 24.2 percent from 2015·5·5, the procuratorate said.", 2015),
    ("Fraud cases fell by 3.1 percent compared with 2019²; 88 suspects were arrested.", 2019),
]


@pytest.mark.parametrize("text, year", BASIS_YEARS, ids=["code-after-year", "superscript"])
def test_a_basis_year_glued_to_other_characters_is_read_from_its_digits(extract, text, year):
    record = extract(text)
    _valid(record, text)
    pct = next(f for f in record.facts if f.kind == "percentage")
    assert pct.basis in ("named_year", "none")
    if pct.basis == "named_year":
        assert pct.basis_year == year


def test_a_multiplier_of_zero_is_dropped_with_a_warning_and_the_rest_stands(extract):
    text = "The city prosecuted 1,204 persons; fraud cases showed a decrease of 0 Times. Among them, 77 were minors."
    record = extract(text)
    _valid(record, text)
    assert not [f for f in record.facts if f.kind == "multiplier"]
    assert by_text(record, "1,204", "count").value == 1204
    assert by_text(record, "77", "count").value == 77
    (warning,) = record.warnings
    assert warning.text.startswith("0")
    assert "multiplier dropped" in warning.reason and "greater than 0" in warning.reason


@pytest.mark.parametrize("digits", [30, 400, 5000], ids=["30-digits", "400-digits", "5000-digits"])
def test_a_numeral_no_record_can_hold_is_dropped_with_a_warning(extract, digits):
    huge = "9" * digits
    text = f"Police seized {huge} yuan of drugs and arrested 312 suspects."
    record = extract(text)
    _valid(record, text)
    assert by_text(record, "312", "count").value == 312
    assert not [f for f in record.facts if f.text.startswith("999")]
    (warning,) = record.warnings
    assert warning.text.startswith(huge[:20]) and "beyond any real figure" in warning.reason
    assert len(record_json(record)) > digits  # the text is kept, the value is not: json.dumps did not raise


def test_a_value_beyond_any_real_count_is_kept_but_flagged_suspect(extract):
    text = "The bureau registered 123456789012345678901 accounts, and 45 persons were detained."
    record = extract(text)
    _valid(record, text)
    big = by_text(record, "123456789012345678901")
    assert big.value == 123456789012345678901 and big.suspect and "beyond any real figure" in big.suspect_reason
    assert not by_text(record, "45", "count").suspect
    assert json.loads(record_json(record))["facts"][0]["value"] == 123456789012345678901


def test_an_ordinary_record_has_no_warnings(extract):
    record = extract("In 2021, 1,285 persons were prosecuted, up 24.5% year-on-year.")
    assert record.warnings is None and json.loads(record_json(record)).get("warnings") is None


def test_extract_on_the_command_line_writes_a_record_for_a_huge_numeral(cli, tmp_path):
    path = tmp_path / "table.txt"
    path.write_text("Seized: " + "7" * 6000 + " yuan. Arrested: 12 suspects.\n", encoding="utf-8")
    result = cli("extract", path)
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    row = json.loads(line)
    assert [f["value"] for f in row["facts"] if f["kind"] == "count"] == [12]
    assert len(row["warnings"]) == 1


def test_the_store_keeps_a_records_warnings(cli, tmp_path):
    from extractor.batch import run_batch

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bad.txt").write_text("Seized: " + "4" * 40 + " yuan. Arrested: 19 suspects.\n", encoding="utf-8")
    (folder / "good.txt").write_text("In 2021, 1,285 persons were prosecuted, up 24.5%.\n", encoding="utf-8")
    store = tmp_path / "s.sqlite"
    assert run_batch([str(folder)], store, progress=False).errors == 0
    rows = {Path(r["source"]).name: r for r in map(json.loads, cli("export", store).stdout.splitlines())}
    extracted = json.loads(cli("extract", folder / "bad.txt").stdout)
    assert rows["bad.txt"]["warnings"] == extracted["warnings"] and len(extracted["warnings"]) == 1
    assert rows["good.txt"]["warnings"] is None


def test_a_store_made_before_warnings_is_read_and_extended(tmp_path):
    """A store whose documents table lacks the warnings column: read as none when opened read-only, the
    column added when opened for writing."""
    import sqlite3

    from extractor.io.store import Store

    path = tmp_path / "old.sqlite"
    with Store(path) as st:
        st.write([DocumentResult("k1", "a.txt", "12 cases", json.dumps(_RECORD))])
    db = sqlite3.connect(path)
    db.execute("ALTER TABLE documents DROP COLUMN warnings")
    db.commit()
    db.close()
    with Store(path, readonly=True) as st:
        (rec,) = st.iter_records()
        assert rec["source"] == "a.txt" and "warnings" not in rec
    with Store(path) as st:
        newer = {**_RECORD, "source": "b.txt", "warnings": [_W]}
        st.write([DocumentResult("k2", "b.txt", "7 cases", json.dumps(newer))])
        recs = {r["source"]: r for r in st.iter_records()}
    assert "warnings" not in recs["a.txt"] and recs["b.txt"]["warnings"] == [_W]


_W = {"start": 0, "end": 2, "text": "12", "reason": "multiplier dropped: value: Input should be greater than 0"}
_RECORD = {"source": "a.txt", "doc_id": "k1", "length": 8, "facts": [], "relations": [], "findings": []}


# (text, surface, kind, value): a figure the translation garbled, read with the value it plainly means, as suspect
GARBLED = [
    # a stray space after a thousands comma, before the counted noun
    ("Prosecutors indicted 512, 904 defendants, a rise of 4.2 percent.", "512, 904", "count", 512904),
    ("Courts heard 3, 417 appeals in the first half.", "3, 417", "count", 3417),
    # the letter l for the digit 1 before a scale word: a suspect value
    ("Prosecutors charged l.284 million suspects, up 3 percent.", "l.284 million", "count", 1284000),
    # the digits after the decimal point lost before the sign
    ("Fraud cases and suspects rose 12.4% and 58.%, respectively.", "58.%", "percentage", 58),
    # the percent sign lost between a change and its basis
    ("Approved arrests reached 41,356, an increase of 11.8 year on year.", "11.8", "percentage", 11.8),
    ("Filed cases rose by 6.3 compared with the same period last year.", "6.3", "percentage", 6.3),
]


@pytest.mark.parametrize("text, surface, kind, value", GARBLED, ids=[g[1] for g in GARBLED])
def test_garbled_figures_are_read_and_flagged(extract, text, surface, kind, value):
    record = extract(text)
    _valid(record, text)
    fact = by_text(record, surface)
    assert (fact.kind, fact.value, fact.suspect) == (kind, value, True)


@pytest.mark.parametrize(
    "text, surfaces",
    [
        # two numbers, not a split one: a clause or a list follows the second
        ("Of the 427, 386 were men.", ["427", "386"]),
        ("Police held 12, 386 and 500 suspects.", ["12", "386", "500"]),
        # a list of counts written noun first: the noun before the first is the noun after the second
        ("Among them, robbery suspects 9, theft suspects 6, 211 suspects involved in fraud.", ["9", "6", "211"]),
        ("In 2019, 386 cases were filed.", ["2019", "386"]),
        # a decimal after a change with no basis after it stays no percentage
        ("The sentence rose by 2.5 years on average.", []),
    ],
)
def test_numbers_a_comma_or_a_change_word_keep_apart(extract, text, surfaces):
    record = extract(text)
    _valid(record, text)
    assert [f.text for f in record.facts if f.kind in ("count", "date", "percentage")] == surfaces
