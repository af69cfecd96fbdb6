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
        # a figure opens a sentence after a stop that ends a clause, or a year
        ("Police arrested 2,100 suspects. 1,200 of them were women.", 2),
        ("Fraud fell by 300 cases compared with 2019. 62.5 percent of the rest were online.", 2),
        # abbreviations and broken decimals before a digit do not end a sentence
        ("BEIJING, Jan. 8 (Xinhua) -- Police filed 40 cases.", 1),
        ("The team No. 2 solved 12 cases.", 1),
        ("The rate was 12. 5% higher.", 1),
        ("It saw a year-on-year increase. 42.5% in the first half.", 1),
        # a hard wrap after a comma or a word a sentence cannot end on goes on; a short heading line still ends
        ("Customs seized 3,900 smuggled cars,\ndown 7.2 percent.", 1),
        ("Police filed 11,300 fraud cases in\n2020, down 9.1 percent.", 1),
        ("Police filed 11,300 fraud cases in 2020, down\n9.1 percent from the year before.", 1),
        ("Main figures\nPolice filed 11,300 fraud cases.", 2),
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
