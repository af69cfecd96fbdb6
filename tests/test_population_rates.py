"""Rates per head of population ('12.5 per 10,000 people'): the kind added through the kind registry."""

from __future__ import annotations

import pytest
from conftest import facts_of

from extractor.explain import explain

# (sentence, surface, value, per, unit, population)
RATES = [
    ("The telecom fraud rate fell to 12.5 per 10,000 people last year.", "12.5 per 10,000 people", 12.5, 10000, None,
     "person"),
    ("Reported thefts reached 3.2 cases per 100,000 residents in the district.", "3.2 cases per 100,000 residents",
     3.2, 100000, "case", "resident"),
    ("The province had 2.7 prosecutors per 100,000 inhabitants by the end of June.",
     "2.7 prosecutors per 100,000 inhabitants", 2.7, 100000, "prosecutor", "inhabitant"),
    ("Mediation committees settled 41 disputes for every 1,000 households.", "41 disputes for every 1,000 households",
     41, 1000, "dispute", "household"),
    ("Juvenile offences stood at 8 per million population, the lowest on record.", "8 per million population", 8,
     1000000, None, "population"),
    ("The county now has 0.9 legal aid workers per capita in its rural towns.", "0.9 legal aid workers per capita",
     0.9, 1, "worker", "person"),
    ("Drug cases were 6.4 per ten thousand people in the border counties.", "6.4 per ten thousand people", 6.4, 10000,
     None, "person"),
]


@pytest.mark.parametrize("text, surface, value, per, unit, population", RATES, ids=[r[1] for r in RATES])
def test_a_rate_per_population_is_one_fact(extract, text, surface, value, per, unit, population):
    record = extract(text)
    rates = facts_of(record, "population_rate")
    assert [(r.text, r.value, r.per, r.unit, r.population) for r in rates] == [(surface, value, per, unit, population)]
    assert record.facts and all(text[f.start : f.end] == f.text for f in record.facts)
    # the base is no count of its own: '10,000 people' is not 10,000 people
    assert not [f for f in facts_of(record, "count") if rates[0].start <= f.start < rates[0].end]


def test_a_base_named_before_the_rate_is_no_false_count(nlp, extract):
    text = "The number of lawyers per 10,000 population rose to 3.1 in the city."
    assert facts_of(extract(text), "count") == []
    (row,) = [r for r in explain(nlp, text) if r["text"] == "10,000"]
    assert row["outcome"] == "dropped" and "base of a rate" in row["reason"]


def test_the_base_inside_a_rate_is_explained_as_part_of_it(nlp):
    rows = {r["text"]: r for r in explain(nlp, "Burglaries fell to 4.1 per 100,000 residents.")}
    assert rows["4.1"]["outcome"] == rows["100,000"]["outcome"] == "population_rate"
    assert rows["100,000"]["fact_text"] == "4.1 per 100,000 residents"


@pytest.mark.parametrize(
    "text, kinds",
    [
        ("Police handled 1,200 cases per year across the city.", [("count", "1,200")]),
        ("Arrests rose 3 per cent to 5,100 people.", [("percentage", "3 per cent"), ("count", "5,100")]),
        ("Investigators questioned 300 suspects in every district.", [("count", "300")]),
        ("The fund paid out 45 yuan per capita to victims.", [("money", "45 yuan")]),
    ],
    ids=["per-year", "per-cent", "in-every-place", "money-per-capita"],
)
def test_per_without_a_population_base_changes_nothing(extract, text, kinds):
    record = extract(text)
    assert [(f.kind, f.text) for f in facts_of(record, "count", "percentage", "money", "population_rate")] == kinds
