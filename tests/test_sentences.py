"""Sentence bounds: after a stop and a capital, with one space or two; not inside a figure or before a digit."""

import pytest


@pytest.mark.parametrize(
    "text, sentences",
    [
        ("Courts heard 1,019 cases. The margin was wide.", 2),
        ("Courts heard 1,019 cases.  The margin was wide.  Police filed 40 more.", 3),  # two spaces after a stop
        ("The number was 4.26 compared with last year. Times.", 2),
        ("Cases rose. 42.5% of them were new.", 1),  # a digit after the stop keeps one sentence (MT damage)
        ("Cases rose 12 percent.\n\nPolice filed 40 more.", 2),
    ],
)
def test_sentence_bounds(nlp, text, sentences):
    assert len(list(nlp(text).sents)) == sentences


def test_a_multiplier_does_not_reach_into_the_sentence_before(extract):
    r = extract(
        "US courts heard 1,019 copyright cases, according to one firm.  The gap was widest in copyright.  "
        "Chinese courts heard 134.7 times more cases than the United States."
    )
    assert next(f for f in r.facts if f.kind == "multiplier").of is None
