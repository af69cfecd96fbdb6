"""Runs of thousands of characters without a space are tokenized in pieces: same text, bounded work."""

from __future__ import annotations

import pytest

from extractor.tokenizer import LONG_RUN, PIECE, make_doc

RUNS = [
    "“" * 3000,
    "%" * 2000 + " 12 cases",
    "(" * 1500 + "5" + ")" * 1500,
    '"5·13"' * 500,
    "9" * 5000 + " yuan",
    "ab,cd;" * 300,
    "x" * 1000 + "." + "y" * 1000,
]


@pytest.mark.parametrize("text", RUNS, ids=["curly", "percent", "parens", "codes", "digits", "mixed", "letters"])
def test_a_long_run_is_tokenized_in_pieces_that_make_up_the_text(nlp, text):
    run = text
    text = f"Police said {run} on Monday."
    doc = make_doc(nlp, text)
    assert doc.text == text
    lo, hi = len("Police said "), len("Police said ") + len(run)
    outside = lambda d: [(t.idx, t.text_with_ws) for t in d if t.idx < lo or t.idx >= hi]  # noqa: E731
    assert outside(doc) == outside(nlp.make_doc(text))
    assert all(text[t.idx : t.idx + len(t)] == t.text for t in doc)
    # letters and digits are never cut: a long numeral stays one token
    for t in doc:
        if len(t) > PIECE:
            assert t.text.isalnum() or t.text[:-1].isalnum()


def test_a_numeral_of_5000_digits_stays_one_token(nlp):
    doc = make_doc(nlp, "Seized " + "9" * 5000 + " yuan.")
    assert [len(t) for t in doc] == [6, 5000, 4, 1]


def test_ordinary_text_is_tokenized_as_spacy_does(nlp):
    text = "On 12 May, 1,285 persons (up 24.5%) were “prosecuted”; see https://example.org/a?b=c." * 20
    assert max(len(w) for w in text.split()) < LONG_RUN
    assert [t.text for t in make_doc(nlp, text)] == [t.text for t in nlp.make_doc(text)]


@pytest.mark.parametrize("pad", range(20))  # the repeated unit's length: every shift of the cuts
def test_a_cut_never_falls_inside_a_numeral(extract, pad):
    # a run far longer than LONG_RUN, its figures shifted by `pad` so that some piece boundary meets each
    # character of a numeral: every figure keeps its whole value
    text = "x" * pad + "cases:1,234;up16.6%;" * (3 * LONG_RUN // 20)
    record = extract(text)
    assert {(f.kind, f.value) for f in record.facts} <= {("count", 1234), ("percentage", 16.6)}
    assert all(f.text in ("1,234", "16.6%") for f in record.facts)


@pytest.mark.parametrize("pad", range(22))  # the repeated unit's length: every shift of the cuts
def test_a_chinese_paragraph_without_spaces_keeps_its_numerals_whole(pad):
    from extractor.api import extract

    text = "某" * pad + "全市共办理案件1234件，同比上升16.6%，" * (3 * LONG_RUN // 20)
    record = extract(text, lang="zh")
    assert {f.value for f in record.facts if f.kind == "percentage"} == {16.6}
    assert {f.value for f in record.facts if f.kind == "count"} == {1234}
