"""A bad figure never sinks a document: it is dropped with a warning, or flagged suspect, and the rest stands."""

from __future__ import annotations

import json

import pytest

from extractor.cli import record_json
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
