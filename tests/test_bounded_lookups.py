"""The lookups that replaced scans over a whole document give what the scans gave."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from extractor.api import make_doc
from extractor.components.context import CLAUSE_BREAKS, RuleIndex, clause_end, clause_start, sent_bounds, token_texts
from extractor.components.facts import Intervals

SAMPLES = sorted((Path(__file__).parent.parent / "samples").glob("*.txt"))


def test_intervals_answer_as_a_scan_of_all_spans():
    rng = random.Random(16)
    for _ in range(200):
        spans = [(s, s + rng.randint(1, 30)) for s in (rng.randint(0, 500) for _ in range(rng.randint(0, 20)))]
        iv = Intervals(spans)
        for _ in range(50):
            a = rng.randint(0, 540)
            b = a + rng.randint(1, 20)
            assert iv.overlaps(a, b) == any(s < b and a < e for s, e in spans)


def _doc_through_matcher(nlp, text):
    doc = make_doc(nlp, text, "2022-01-01")
    for name, proc in nlp.pipeline:
        doc = proc(doc)
        if name == "extractor_matcher":
            return doc
    raise AssertionError("no extractor_matcher")


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_clause_bounds_and_rule_lookups_match_the_scans(nlp, path):
    doc = _doc_through_matcher(nlp, path.read_text(encoding="utf-8"))
    texts = token_texts(doc)
    for i in range(len(doc)):
        s0, s1 = sent_bounds(doc, i)
        start = next((j + 1 for j in range(i - 1, s0 - 1, -1) if texts[j] in CLAUSE_BREAKS), s0)
        end = next((j for j in range(i + 1, s1) if texts[j] in CLAUSE_BREAKS), s1)
        assert (clause_start(doc, i), clause_end(doc, i)) == (start, end)
    rules = RuleIndex.of(doc)
    rng = random.Random(len(doc))
    for label in list(rules.by_label):
        spans = rules.by_label[label]
        for _ in range(40):
            lo = rng.randint(0, len(doc))
            hi = lo + rng.randint(0, 40)
            assert rules.starting_between(lo, hi, label) == [s for s in spans if lo <= s.start < hi]
            assert rules.within(lo, hi, label) == sorted(
                (s for s in spans if s.start >= lo and s.end <= hi), key=lambda s: s.start
            )
            other = rng.choice(list(rules.by_label))
            assert rules.any_within(lo, hi, label, other) == any(
                s.start >= lo and s.end <= hi for s in [*spans, *rules.by_label[other]]
            )
            i = rng.randint(0, max(0, len(doc) - 1))
            assert rules.covering(i, label) == next((s for s in spans if s.start <= i < s.end), None)


def test_last_before_answers_as_a_scan_of_the_drafts():
    from types import SimpleNamespace

    from extractor.components.relations.common import _last_before

    rng = random.Random(16)
    for _ in range(300):
        toks = sorted(rng.sample(range(200), rng.randint(0, 30)))
        drafts = [SimpleNamespace(tok=t, kind=rng.choice(("count", "money", "percentage"))) for t in toks]
        lo = rng.randint(0, 200)
        hi = lo + rng.randint(0, 80)
        wanted = lambda d: d.kind == "count"  # noqa: E731
        scan = [d for d in drafts if lo <= d.tok < hi and wanted(d)]
        assert _last_before(drafts, lo, hi, wanted) is (scan[-1] if scan else None)


@pytest.mark.parametrize("repeats, linked", [(3, True), (40, False)], ids=["near", "past-the-window"])
def test_a_change_looks_back_a_bounded_number_of_tokens_for_its_figure(extract, repeats, linked):
    """'..., up 12%' takes the figure before it in its sentence, within LINK_WINDOW tokens: a table turned into
    one sentence without stops does not send every change back over thousands of figures."""
    from extractor.components.relations.common import LINK_WINDOW

    filler = " while the review of the old files went on" * repeats
    text = f"In 2021 the court heard 312 appeals{filler}, up 12%."
    doc_tokens = len(text.split())
    assert (doc_tokens < LINK_WINDOW) == linked
    record = extract(text)
    (pct,) = [f for f in record.facts if f.kind == "percentage"]
    assert (pct.of is not None and record.fact(pct.of).text == "312") == linked


@pytest.mark.parametrize("paragraphs, whole", [(2, "4,120"), (150, None)], ids=["same-release", "another-release"])
def test_the_total_a_share_names_is_looked_for_a_bounded_distance_back(extract, paragraphs, whole):
    """'accounting for 14.2% of the total' takes the release's total of its class, within TOTAL_REACH
    characters: in a yearbook of many releases it never reaches into another release, so a text read in chunks
    finds the total a whole reading finds."""
    from extractor.components.relations.common import TOTAL_REACH

    filler = "\n\nThe inspection teams visited the border counties and reviewed their files.\n\n" * paragraphs
    text = f"Police solved a total of 4,120 cases.{filler}Fraud made up 585 cases, accounting for 14.2% of the total."
    assert (text.index("14.2%") - text.index("4,120") < TOTAL_REACH) == (whole is not None)
    record = extract(text)
    (pct,) = [f for f in record.facts if f.kind == "percentage"]
    assert (record.fact(pct.whole).text if pct.whole else None) == whole
