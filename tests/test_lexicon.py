"""Word lists kept as data (patterns/lexicon.jsonl, numbers.jsonl): what reads them, and how a bad row fails."""

from __future__ import annotations

import json

import pytest

from extractor import dates, gates, lexicon, operations
from extractor.patterns import PatternFileError


@pytest.mark.parametrize(
    "module, name, word",
    [
        (operations, "CONNECTORS", "of"),
        (operations, "LEADING_STOP", "meanwhile"),
        (operations, "GAP_STOP", "yuan"),
        (operations, "KEY_STOP", "the"),
        (operations, "TITLE_SMALL", "and"),
    ],
)
def test_operation_word_lists_are_the_lexicons(module, name, word):
    listed = getattr(module, name)
    assert word in listed
    assert listed in {lexicon.words(n) for n in lexicon._lists()}


def test_month_names_are_kept_once():
    assert dates.MONTHS["sep"] == 9 and dates.MONTHS["dec"] == 12
    assert lexicon.values("months")["sept"] == 9
    assert gates.words_of("Filed in Sept 2021") >= {"<month>", "<year>"}
    assert "<month>" not in gates.words_of("we may file it")  # lower-case 'may' is no month
    assert "<weekday>" in gates.words_of("On Tuesday the court ruled")


def test_number_words_are_the_number_finders():
    assert dates.NUMBER_WORDS["an"] == 1 and dates.NUMBER_WORDS["seven"] == 7
    assert operations.NUMBER_WORDS["two"] == "2" and operations.NUMBER_WORDS["hundred"] == "100"
    assert "k" not in operations.NUMBER_WORDS  # glued-only scale words are not words of a name
    assert lexicon.number_words()["ninety"] == 90


def test_a_valued_list_row_without_its_value_is_named(tmp_path, monkeypatch):
    (tmp_path / "lexicon.jsonl").write_text(
        json.dumps({"id": "lexicon-months-001", "label": "WORD", "pattern": "january", "attrs": {"list": "months"}})
        + "\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(lexicon, "patterns_dir", lambda: tmp_path)
    lexicon._rows.cache_clear()
    try:
        with pytest.raises(PatternFileError, match=r"need attrs.value: lexicon-months-001 \('january'\)"):
            lexicon._rows()
    finally:
        lexicon._rows.cache_clear()


def test_a_word_rows_unknown_attr_is_refused(tmp_path):
    from extractor.patterns import load_pattern_file

    path = tmp_path / "lexicon.jsonl"
    row = {"id": "lexicon-x-001", "label": "WORD", "pattern": "x", "attrs": {"list": "x", "valu": 1}}
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(PatternFileError, match=r"lexicon\.jsonl:1"):
        load_pattern_file(path)
