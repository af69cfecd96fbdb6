"""A share or a change whose clause restates an earlier count by its description ('The newly accepted cases
accounted for 21.3%', 'the number of concluded cases increased by 610, a rise of 14.3%') qualifies the count its
words describe, chosen by wording alone: no pick when no count shares a qualifier or two share as many. New
sentences in the genre's style, none from a corpus."""

import pytest
from conftest import by_text

from extractor.checks import audit

COURT = "In 2023, the court accepted 6,120 civil cases, including 5,210 new cases, and concluded 4,870 cases. "


@pytest.mark.parametrize(
    "text, share, part",
    [
        (COURT + "The newly accepted cases accounted for 21.3% of the national total.", "21.3%", "5,210"),
        (COURT + "The concluded cases made up 18.2 percent of the provincial total.", "18.2 percent", "4,870"),
        (COURT + "Of all courts, the number of new cases accounted for 9.5%.", "9.5%", "5,210"),
        (
            "Discipline bodies filed 1,203 cases involving county-level officials and 9,012 cases involving "
            "village-level or lower officials. Among these, cases involving village-level or lower officials "
            "accounted for 88.2% of the total.",
            "88.2%",
            "9,012",
        ),
        (
            "Prosecutors approved the arrest of 3,410 suspects and indicted 5,820 suspects. The indicted suspects "
            "accounted for 12.6 percent of the national figure.",
            "12.6 percent",
            "5,820",
        ),
    ],
)
def test_a_share_of_a_described_subject_is_of_the_count_it_describes(extract, text, share, part):
    r = extract(text)
    pct = by_text(r, share)
    assert r.fact(pct.of).text == part


def test_these_cases_opening_a_share_sentence_is_the_one_count_before(extract):
    r = extract(
        "In April, inspectors uncovered 2,347 cases involving failures to fulfil duties and deceptive practices, "
        "particularly in areas such as protecting the environment. These cases accounted for 87% of all problems "
        "related to formalism."
    )
    pct = by_text(r, "87%")
    assert r.fact(pct.of).text == "2,347"
    assert pct.whole is None  # all problems of formalism: a total the text never gives


@pytest.mark.parametrize(
    "text, share",
    [
        # two counts of cases before 'These cases': the wording names neither
        ("Police filed 1,200 fraud cases and 800 theft cases. These cases accounted for 40% of all crimes.", "40%"),
        # both counts are 'cases accepted': the words cannot tell them apart
        ("The court accepted 6,120 civil cases and accepted 2,300 criminal cases. The accepted cases accounted "
         "for 14% of the national total.", "14%"),
        # nothing but the noun restates a count
        (COURT + "Cases accounted for 30% of the national total.", "30%"),
    ],
)
def test_a_description_that_fits_no_one_count_links_nothing(extract, text, share):
    assert by_text(extract(text), share).of is None


def test_a_described_share_takes_no_whole_from_its_part():
    """'The newly accepted cases accounted for 21.3% of the national total': the new cases are part of the
    6,120, but the share is of a total the text never gives, so it is no share of the 6,120 (a false alarm)."""
    from extractor.api import extract

    r = extract(COURT + "The newly accepted cases accounted for 21.3% of the national total.")
    assert by_text(r, "21.3%").whole is None
    assert not [f for f in audit(r) if f.status == "inconsistent"]


def test_a_list_sibling_is_no_total_of_a_share():
    from extractor.api import extract

    r = extract(
        "Discipline bodies filed 1,203 cases involving county-level officials and 9,012 cases involving "
        "village-level officials. Cases involving village-level officials accounted for 88.2% of the total cases."
    )
    pct = by_text(r, "88.2%")
    assert r.fact(pct.of).text == "9,012"
    assert pct.whole is None or r.fact(pct.whole).text != "1,203"


@pytest.mark.parametrize(
    "text, change, level",
    [
        (COURT + "Compared with 2022, the number of new cases increased by 1,020, with a growth rate of 24.4%.",
         "24.4%", "5,210"),
        (COURT + "The number of concluded cases increased by 610 over 2022, a rise of 14.3%.", "14.3%", "4,870"),
        (COURT + "Year on year, concluded cases went up by 610, or 14.3 percent.", "14.3 percent", "4,870"),
    ],
)
def test_a_rate_after_a_difference_is_of_the_level_its_subject_describes(extract, text, change, level):
    r = extract(text)
    assert r.fact(by_text(r, change).of).text == level


def test_a_rate_after_a_difference_with_no_described_level_stays_on_the_difference(extract):
    r = extract("Fraud cases rose by 1,240 on the previous year, an increase of 9.6%.")
    assert r.fact(by_text(r, "9.6%").of).text == "1,240"


@pytest.mark.parametrize(
    "text, multiplier, target",
    [
        ("In 2021, courts handled 11,000 cases of aid worth 160 million yuan, triple the amount in 2018.",
         "triple the", "160 million yuan"),
        ("Customs seized 1,200 tonnes of goods worth 3.1 billion yuan, twice the value of a year earlier.",
         "twice the", "3.1 billion yuan"),
        # the number, not an amount: the count stays
        ("Police solved 2,100 cases involving 80 million yuan, three times the number in 2019.",
         "three times", "2,100"),
    ],
)
def test_a_multiplier_naming_the_amount_is_of_the_money(extract, text, multiplier, target):
    r = extract(text)
    assert r.fact(by_text(r, multiplier).of).text == target


def test_a_respectively_closes_its_own_list_and_the_next_list_pairs_in_order(extract):
    r = extract(
        "Among them, 10,495 cases and 15,496 persons were arrested, up 38% and 40% year-on-year, respectively, and "
        "9,152 cases of 20,290 persons were prosecuted, up 40.9% and 50.8% year-on-year."
    )
    links = {p: r.fact(by_text(r, p).of).text for p in ("38%", "40%", "40.9%", "50.8%")}
    assert links == {"38%": "10,495", "40%": "15,496", "40.9%": "9,152", "50.8%": "20,290"}


def test_an_appeal_is_a_case_of_the_breakdown(extract):
    r = extract("In 2023, the court accepted 3,120 IP cases, of which there were 8 first-instance cases, "
                "3,070 second-instance cases and 42 appeals.")
    parts = {r.fact(x.part).text for x in r.relations if x.type == "part_of"}
    assert parts == {"8", "3,070", "42"}


@pytest.mark.parametrize(
    "text, links",
    [
        # a list of multipliers after as many counts, no 'respectively': paired in order (inferred)
        ("In 2023, police solved 18,000 cases, arrested 48,000 suspects and seized 47,000 illegal migrants, which "
         "were 2.3 times, 3.6 times, and 3.4 times that of the previous year.",
         {"2.3 times": "18,000", "3.6 times": "48,000", "3.4 times": "47,000"}),
        # 'N and M times': the first numeral shares the multiplier word
        ("Police seized 564,900 pieces of goods in 42,000 batches, 5.97 and 3.18 times higher than 2018 "
         "respectively.", {"5.97": "564,900", "3.18 times": "42,000"}),
    ],
)
def test_lists_of_multipliers_pair_with_their_counts(extract, text, links):
    r = extract(text)
    found = {}
    for m in (f for f in r.facts if f.kind == "multiplier"):
        found[m.text] = r.fact(m.of).text
    assert found == links


def test_a_list_of_multipliers_after_one_count_stays_on_it(extract):
    r = extract("Police solved 2,400 cases, 1.5 times and 2 times the figure of 2019.")
    assert {r.fact(m.of).text for m in r.facts if m.kind == "multiplier"} == {"2,400"}


@pytest.mark.parametrize(
    "text, money, value",
    [
        ("Police froze 57 billion yuan ($8.1b) in assets.", "$8.1b", 8_100_000_000),
        ("Police froze 57 billion yuan ($8.1bn) in assets.", "$8.1bn", 8_100_000_000),
    ],
)
def test_a_b_glued_to_an_amount_after_a_currency_sign_is_billions(extract, text, money, value):
    r = extract(text)
    assert by_text(r, money, "money").value == value
    assert not [f for f in audit(r) if f.status == "inconsistent"]


def test_a_b_after_a_number_without_a_currency_sign_is_no_billion(extract):
    r = extract("See Article 4b of the law, which covers 12 cases.")
    assert all(f.value < 1000 for f in r.facts if f.kind in ("count", "money"))


@pytest.mark.parametrize(
    "text, part, whole",
    [
        ("Courts heard 538 labour cases. They included 301 wage cases, 97 contract cases, 52 injury cases and 88 "
         "mediation cases, with 490 cases concluded.", "490", "538"),
        ("Police handled 940 fraud cases last year, including 610 phone scams and 120 online scams, with 875 cases "
         "solved.", "875", "940"),
    ],
)
def test_with_after_a_listed_breakdown_is_of_the_lists_whole(extract, text, part, whole):
    r = extract(text)
    wholes = {r.fact(x.part).text: r.fact(x.whole).text for x in r.relations if x.type == "part_of"}
    assert wholes[part] == whole
    assert not [f for f in audit(r) if f.status == "inconsistent"]


def test_an_approximate_share_opening_the_clause_after_a_lead_is_a_share(extract):
    r = extract("The district court dealt with 316 fraud cases. Of the cases, nearly 68 percent involved online "
                "shopping.")
    pct = by_text(r, "68 percent")
    assert (pct.role, r.fact(pct.whole).text) == ("share", "316")


@pytest.mark.parametrize(
    "text, count",
    [
        ("In six months, the gang smuggled goods 38 times and evaded 5.1 million yuan in taxes.", "38"),
        ("The suspects travelled abroad for over 300 times.", "300"),
    ],
)
def test_n_times_counting_occurrences_is_a_count_of_times(extract, text, count):
    f = by_text(extract(text), count)
    assert (f.kind, f.unit) == ("count", "time")


@pytest.mark.parametrize(
    "text, multiplier",
    [
        ("Fraud cases rose 3 times.", "3 times"),
        ("Cases were 2.3 times that of 2019.", "2.3 times"),
        ("Cases were up 4 times year on year.", "4 times"),
        ("Arrests grew by 2.5 times.", "2.5 times"),
        # a small multiple after a count, no comparison word around it: still a multiple (the genre's usual kind)
        ("The province handled 3,200 cases, 3 times and more in some counties.", "3 times"),
    ],
)
def test_n_times_of_a_figure_stays_a_multiplier(extract, text, multiplier):
    assert by_text(extract(text), multiplier).kind == "multiplier"
