"""Links: what each percentage and multiplier qualifies, 'respectively' lists, parts and wholes, conversions."""

import pytest
from conftest import by_text

from extractor.checks import audit


def of_text(record, surface):
    """The surface of the fact that the fact `surface` qualifies, or None."""
    fact = by_text(record, surface)
    target = record.fact(fact.of) if fact.of else None
    return target.text if target else None


def relations(record, type_):
    return [r for r in record.relations if r.type == type_]


# (sentence, qualifier surface, the surface it must qualify or None)
LINKS = [
    # a measure of a count's items stands between the count and its change, and is no figure of its own
    ("Police found 63 cases involving over 40 kilograms of ketamine, up 21 percent from 2020.", "21 percent", "63"),
    ("Customs logged 118 seizures of more than 3 tonnes of ivory, a rise of 9% year on year.", "9%", "118"),
    # an appositive opening with 'one of' stands between a count and its change
    ("Courts barred 2,160 officials from office, one of the toughest penalties in the law, up 6.5 percent.",
     "6.5 percent", "2,160"),
    # the value a 'with' phrase gives goods that are a measure: the change is of the goods, no figure
    ("Some 8 tonnes of cocaine with a street value of 1.9 billion yuan were seized, down 11 percent.",
     "11 percent", None),
    # a reported clause opening with 'the number of' refers back as a sentence opening with it does
    ("Courts tried 6,180 fraud cases in 2021. Figures also show that the number of fraud cases rose by 14 percent "
     "from 2019.", "14 percent", "6,180"),
    # ... unless the change names the measure
    ("Police filed 74 cases involving 9,300 tonnes of smuggled waste, about 3.2 times the amount of 2016.",
     "3.2 times", None),
    # the inflections of the change verbs are cues like their base forms
    ("Courts handled 2,330 cases in the first quarter, surging 163.9 percent year-on-year.", "163.9 percent", "2,330"),
    ("Police filed 4,210 cases, jumping 12.5% from 2018.", "12.5%", "4,210"),
    ("Customs seized 1,060 guns last year, plunging 31.2 percent.", "31.2 percent", "1,060"),
    # the level 'to' states wins over the nearest figure in another clause
    (
        "Suspects reviewed for arrest numbered 61,020, down 1.4%, while the number of approved arrests rose by 21.9% "
        "to 30,118.",
        "21.9%",
        "30,118",
    ),
    # changes sharing one cue after as many counts pair in order (a 'respectively' left out), the cue before or after
    ("Courts tried 3.12 million cases and sentenced 3.9 million people, up 11.2 percent and 8.4 percent.",
     "8.4 percent", "3.9 million"),
    ("Agencies probed 61,000 officials in 52,000 cases, 4.1 percent and 3.3 percent down from 2016.",
     "4.1 percent", "61,000"),
    ("Agencies probed 61,000 officials in 52,000 cases, 4.1 percent and 3.3 percent down from 2016.",
     "3.3 percent", "52,000"),
    # a sentence opening with 'These figures', 'They' refers to the counts of the sentence before: as many
    # changes as counts pair in order; a count more or fewer leaves them unlinked
    ("Inspectors closed 3,840 shops and fined 1,270 firms.\n\nThese figures were up 14.6% and 9.8% on 2020.",
     "9.8%", "1,270"),
    ("Courts heard 6,200 fraud cases and 2,900 theft cases. They rose 7.7 percent and 2.5 percent year on year.",
     "7.7 percent", "6,200"),
    ("Courts heard 6,200 fraud cases, 2,900 theft cases and 640 robbery cases. They rose 7.7 percent and 2.5 "
     "percent year on year.", "7.7 percent", None),
    # a pronoun opening a share's sentence refers to the count before; a change in percent after the share is
    # of that count, not of the share (a share's own change is given in points)
    ("The county had 41,600 registered migrants in 2024. They make up 6.3 percent of its residents, a rise of "
     "4.4 percent from 2023.", "6.3 percent", "41,600"),
    ("The county had 41,600 registered migrants in 2024. They make up 6.3 percent of its residents, a rise of "
     "4.4 percent from 2023.", "4.4 percent", "41,600"),
    ("Courts tried 23,000 minors, accounting for 3.9% of all defendants, down 5.1% year on year.", "5.1%", "23,000"),
    # one count: both changes stay with it
    ("Police filed 1,204 cases, up 18.1% and 9.2%.", "9.2%", "1,204"),
    # an approximation between 'to' and the level
    ("The number of convictions rose 30.7 percent to nearly 117,000.", "30.7 percent", "117,000"),
    # 'taken up' is a share cue, not the change cue 'up'
    ("Migrant suspects have taken up about 31 percent of all cases.", "31 percent", None),
    # a change with its own subject after 'while', though another change stands between
    ("Police filed 4,210 cases, jumping 12.5% from 2018, while theft cases were dropping 3.1%.", "3.1%", None),
    ("Police filed 999 cases, up 28.6% year-on-year.", "28.6%", "999"),
    ("The value of cases solved was 7.12 billion yuan, up 63 percent.", "63 percent", "7.12 billion yuan"),
    (
        "138 cases were investigated, and the number of investigations was 4.26 compared with the same period "
        "last year. Times.",
        "4.26",
        "138",
    ),
    (
        "Prosecutors charged 144,000 people, 2.2 times the figure in the previous five years.",
        "2.2 times",
        "144,000",
    ),
    (
        "Police seized 17 metric tons of heroin, nearly three times the amount a year earlier.",
        "three times",
        None,
    ),
    (
        "The non-arrest rate was 22.4%, an increase of 0.3 percentage points year-on-year.",
        "0.3 percentage points",
        "22.4%",
    ),
    (
        "The share of juvenile suspects dropped 4.2 percentage points to 11.3 percent.",
        "4.2 percentage points",
        "11.3 percent",
    ),
    (
        "Police solved 15,287 serious cases. The number of solved cases is 21.7 percent higher than a year ago.",
        "21.7 percent",
        "15,287",
    ),
    (
        "Customs handled 3,260 cases last year. The number was up 24.2 percent from 2016.",
        "24.2 percent",
        "3,260",
    ),
    (
        "Police destroyed 11 dens. The number of gambling cases was 2.3 compared with the same period last year. "
        "Times.",
        "2.3",
        None,
    ),
    ("Theft accounted for 17.3% of arrests.", "17.3%", None),
    (
        "Police closed 87 venues, and the number of synthetic drug cases increased nearly fourfold from 2008.",
        "fourfold",
        None,
    ),
    ("Police filed 3,000 cases, and the number of cases rose 5%.", "5%", "3,000"),
    ("In the first quarter, registered cases fell 8.9% year on year to 1.12 million.", "8.9%", "1.12 million"),
    ("Between 300 and 400 suspects were detained, and 20%-30% of the funds were recovered.", "20%", None),
    ("Police arrested 188,408 people for theft, accounting for 17.3%.", "17.3%", "188,408"),
    # a change between a count and its share qualifies the count; the share is the count's too
    (
        "There were 612,000 registered addicts in the province, a year-on-year drop of 9.8 percent, accounting for "
        "0.052 percent of the total population.",
        "0.052 percent",
        "612,000",
    ),
    # a duration a preposition of time governs holds no change: the change qualifies the count before it
    ("Police solved 4,612 burglaries over three months, up 16.2 percent year on year.", "16.2 percent", "4,612"),
    ("Courts closed 2,140 appeals within 10 days, a rise of 3.5%.", "3.5%", "2,140"),
    ("Inspectors filed 905 cases in the past two years, an increase of 41.7 percent.", "41.7 percent", "905"),
    ("The bureau seized 318 vehicles for two consecutive months, down 9.4%.", "9.4%", "318"),
    ("In all, 1.84 million people stayed clean for more than three years, a 6.9% year-on-year rise.", "6.9%",
     "1.84 million"),
    ("Another 52 offenders were held for at least two years, down 11.5 percent.", "11.5 percent", "52"),
    # a measure of each item holds no change either
    ("A further 53 cases involved over 20 kilograms of narcotics each, up 31 percent year-on-year.", "31 percent",
     "53"),
    # a bracket between a count and its change is an aside: the change qualifies the count before the bracket
    (
        "In 2023 the bureau cracked 6,215 cases (among them 1,930 online gambling cases and 742 scams), up 9.6% year "
        "on year.",
        "9.6%",
        "6,215",
    ),
    ("Courts admitted 88,400 appeals [of which 2,010 were retrials], a decline of 4.2%.", "4.2%", "88,400"),
    # a clause between a count and its verbless change, even with an 'and' inside it, leaves the change the count's
    (
        "Prosecutors approved the arrest of 5,470 suspects, who were chiefly involved in fraud and gambling, down 6.8% "
        "year on year.",
        "6.8%",
        "5,470",
    ),
    (
        "Courts concluded 31,900 cases of violent crime, including robbery, arson and those endangering public "
        "safety, up 1.9 percent.",
        "1.9 percent",
        "31,900",
    ),
    # ... but a new subject with its own verb after ', and' keeps its own change
    ("Courts heard 2,098 appeals, and retrial cases increased by 4.9%.", "4.9%", None),
    # 'The total number of such cases' refers back to a count of cases, not to a count of kinds of crime
    (
        "Five types of property crimes have fallen. The total number of such cases in the first half showed a 7.2 "
        "percent year-on-year decline.",
        "7.2 percent",
        None,
    ),
    ("Police solved 4,630 fraud cases. The total number of such cases fell 6.6 percent.", "6.6 percent", "4,630"),
    # a level stated for a duration is a measure of its own, and the change is not the count's
    ("Police held 7,800 hearings; the average review took 32 days, down 12 percent.", "12 percent", None),
]


@pytest.mark.parametrize("text, qualifier, target", LINKS, ids=[q for _, q, _ in LINKS])
def test_links(extract, text, qualifier, target):
    assert of_text(extract(text), qualifier) == target


@pytest.mark.parametrize(
    "text, pairs",
    [
        (
            "Procuratorates filed 999 cases and 1,285 persons, a year-on-year increase of 28.6% and 24.5% "
            "respectively.",
            [("28.6%", "999"), ("24.5%", "1,285")],
        ),
        (
            # the full stop glued to the next sentence's figure
            "Customs filed 412 cases involving goods worth 1.8 billion yuan, up 12.4% and 30.1% respectively.2,300 "
            "tons of ore were seized.",
            [("12.4%", "412"), ("30.1%", "1.8 billion yuan")],
        ),
        (
            "Courts accepted 56,105,000 cases and concluded 55,259,000 cases worth 8.17 trillion yuan; increases of "
            "29.3%, 29.8% and 47.1% respectively.",
            [("29.3%", "56,105,000"), ("29.8%", "55,259,000"), ("47.1%", "8.17 trillion yuan")],
        ),
        (
            "Prosecutors approved the arrest of 4.53 million suspects and prosecuted 7.17 million suspects, down 3.4 "
            "percent and up 19.2 percent respectively.",
            [("3.4 percent", "4.53 million"), ("19.2 percent", "7.17 million")],
        ),
        (
            "Customs handled 647 criminal cases and 922 administrative cases, which involved 13.66 billion yuan (about "
            "1.9 billion U.S. dollars) and 170 million yuan, respectively.",
            [("13.66 billion yuan", "647"), ("170 million yuan", "922")],
        ),
        (
            "A total of 1,413,742 cases were reviewed. After examination, 1,818,808 people were prosecuted, up 7.2% "
            "and 7.4% year-on-year respectively.",
            [("7.2%", "1,413,742"), ("7.4%", "1,818,808")],
        ),
        (
            "Courts charged 31,000, 9,800 and 1,120 people for fraud, theft and drugs respectively, accounting for "
            "1.8%, 0.6% and 0.07% of the total.",
            [("1.8%", "31,000"), ("0.6%", "9,800"), ("0.07%", "1,120")],
        ),
        (
            "Customs cracked 352 criminal cases and seized 550,000 tonnes of waste, down 32.4 percent and 46.7 percent "
            "respectively.",
            [("32.4 percent", "352"), ("46.7 percent", None)],
        ),
        (
            "Drug cases and suspects handled by police fell by 8.5 percent and 11.2 percent, respectively, from a "
            "year earlier.\nAltogether 9,870 suspects were arrested in 6,215 cases, the ministry said.",
            [("8.5 percent", "6,215"), ("11.2 percent", "9,870")],
        ),
        (
            "Fraud cases and suspects rose by 12 percent and 9 percent, respectively, to 2,300 cases and 3,100 "
            "suspects.",
            [("12 percent", "2,300"), ("9 percent", "3,100")],
        ),
    ],
    ids=[
        "two",
        "full-stop-glued-to-a-figure",
        "three-across-semicolon",
        "mixed-directions",
        "money",
        "across-sentences",
        "qualifiers-after",
        "measure-keeps-its-place",
        "nouns-name-counts-in-the-next-sentence",
        "nouns-name-counts-after-to",
    ],
)
def test_respectively_pairs_in_order(extract, text, pairs):
    r = extract(text)
    (resp,) = relations(r, "respectively")
    assert resp.aligned
    assert [(q, of_text(r, q)) for q, _ in pairs] == pairs


def test_two_noun_named_lists_take_the_counts_ahead_in_turn(extract):
    r = extract(
        "The number of bribery cases and officials probed rose by 14 percent and 11.5 percent, respectively.\n\n"
        "The number of negligence cases and officials probed rose by 6.2 percent and 8.9 percent, respectively.\n\n"
        "In all, 5,310 people in 4,120 cases were probed for bribery, and 1,904 people in 1,377 cases for negligence."
    )
    got = {f.text: of_text(r, f.text) for f in r.facts if f.kind == "percentage"}
    assert got == {"14 percent": "4,120", "11.5 percent": "5,310", "6.2 percent": "1,377", "8.9 percent": "1,904"}


def test_respectively_nouns_without_counts_of_their_own_pair_nothing(extract):
    r = extract(
        "Drug cases and seizures fell by 8.5 percent and 11.2 percent, respectively.\n"
        "Altogether 9,870 people were held in 6,215 cases."
    )
    assert relations(r, "respectively") == []
    assert all(f.of is None for f in r.facts if f.kind == "percentage")


def test_respectively_lists_of_different_lengths_are_recorded_not_guessed(extract):
    r = extract("Investigations into 1,500 officials were launched, up by 7.5% and 4% respectively.")
    (resp,) = relations(r, "respectively")
    assert not resp.aligned
    assert len(resp.items) == 1 and len(resp.qualifiers) == 2
    assert of_text(r, "7.5%") is None and of_text(r, "4%") is None


# (text, [(part, whole)])
PARTS = [
    (
        "Procuratorates filed 999 cases and 1,285 persons.\n\nAmong them, 119 major crimes were filed, and 138 cases "
        "of commutation were investigated.",
        [("119", "999"), ("138", "999")],
    ),
    ("The ministry supervised 309 key cases, 287 of which had been cracked.", [("287", "309")]),
    (
        "Inspectors received 2.617 million reports, of which 819,000 were tip-offs.",
        [("819,000", "2.617 million")],
    ),
    ("Of the 470,000 filed, 133,534 officials were involved.", [("133,534", "470,000")]),
    # 'of which' after a count with no noun of its own: that count is the antecedent, not an earlier core one
    ("Courts accepted 23,061 cases and concluded 22,870, of which 1,902 were retried.", [("1,902", "22,870")]),
    (
        "Police caught 5,386 criminals, including nine Class A and 24 Class B suspects.",
        [("nine", "5,386"), ("24", "5,386")],
    ),
    (
        "More than 670,000 cases were filed, including 58,000 civil lawsuits and 614,000 administrative lawsuits.",
        [("58,000", "670,000"), ("614,000", "670,000")],
    ),
    (
        # 'and prosecution of 1,649' continues 'of them': both are parts of the cases
        "Officials were punished in 11,829 cases, with sanctions for 8,288 of them and prosecution of 1,649.",
        [("8,288", "11,829"), ("1,649", "11,829")],
    ),
    (
        "Investigators questioned 2,871 public servants, including 253 at city level, in 2,581 cases.",
        [("253", "2,871")],
    ),
]


@pytest.mark.parametrize("text, expected", PARTS, ids=[p[0][:40] for p in PARTS])
def test_part_of(extract, text, expected):
    r = extract(text)
    got = [(r.fact(x.part).text, r.fact(x.whole).text) for x in relations(r, "part_of")]
    assert got == expected


def test_parts_take_the_unit_of_their_whole(extract):
    r = extract("The ministry supervised 309 key cases, 287 of which had been cracked.")
    assert by_text(r, "287").unit == "case"


def test_sibling_parts_share_a_unit(extract):
    r = extract(
        "The CCDI punished 627,000 people, including 53 officials at the provincial level, 3,500 at the "
        "department level and 28,000 at the county level."
    )
    assert [by_text(r, t).unit for t in ("53", "3,500", "28,000")] == ["official"] * 3


def test_list_of_shares_shares_one_whole(extract):
    text = (
        "Prosecutors approved the arrest of 1,088,490 suspects. The top crimes were: 188,408 people for theft, "
        "accounting for 17.3%; 113,454 people for fraud, 10.4%; 93,834 for provoking trouble, accounting for 8.6%."
    )
    r = extract(text)
    for share, part in (("17.3%", "188,408"), ("10.4%", "113,454"), ("8.6%", "93,834")):
        fact = by_text(r, share)
        assert fact.role == "share"
        assert r.fact(fact.of).text == part
        assert r.fact(fact.whole).text == "1,088,490"


def test_share_of_which_names_the_whole(extract):
    r = extract("About 45,500 cases were exposed, 68.6 percent of which occurred in 2013.")
    share = by_text(r, "68.6 percent")
    assert share.of is None and r.fact(share.whole).text == "45,500"


@pytest.mark.parametrize(
    "text, source, target",
    [
        ("They earned some 2.6 million yuan (US$307,000).", "2.6 million yuan", "US$307,000"),
        (
            "It involved 8.4 billion yuan (about 1.3 billion U.S. dollars).",
            "8.4 billion yuan",
            "1.3 billion U.S. dollars",
        ),
        (
            "Assets of 530 million yuan (HK$498 million) were confiscated.",
            "530 million yuan",
            "HK$498 million",
        ),
    ],
)
def test_currency_conversions(extract, text, source, target):
    r = extract(text)
    (conv,) = relations(r, "conversion")
    assert (r.fact(conv.from_).text, r.fact(conv.to).text) == (source, target)


def test_no_conversion_between_amounts_in_one_currency(extract):
    assert relations(extract("They moved 5 million yuan (and 2 million yuan later)."), "conversion") == []


def test_sum_when_the_text_says_the_parts_make_up_the_total(extract):
    r = extract(
        "Police cracked 83,000 drug cases, including 51,000 cases of trafficking, 26,000 cases of possession and "
        "6,000 cases of manufacturing, which together made up the total."
    )
    (total,) = relations(r, "sum")
    assert r.fact(total.total).text == "83,000"
    assert [r.fact(p).text for p in total.parts] == ["51,000", "26,000", "6,000"]


def test_no_sum_without_the_words(extract):
    r = extract("More than 670,000 cases were filed, including 58,000 civil and 614,000 administrative lawsuits.")
    assert relations(r, "sum") == []


def test_shares_respectively_of_one_whole(extract):
    r = extract(
        "Courts concluded 120,000 civil cases and 80,000 criminal cases, accounting for 60% and 40% respectively "
        "of the 200,000 cases concluded."
    )
    for share, part in (("60%", "120,000"), ("40%", "80,000")):
        fact = by_text(r, share)
        assert (r.fact(fact.of).text, r.fact(fact.whole).text) == (part, "200,000")


def test_partitive_whole_counts_what_the_cue_names(extract):
    r = extract(
        "Police cracked 12,000 cases and arrested 23,600 suspects. The police seized 356 guns. Among the arrested "
        "suspects, 3,200 were fugitives, accounting for 13.6%."
    )
    share = by_text(r, "13.6%")
    assert r.fact(share.whole).text == "23,600"


def test_respectively_shares_after_counts_with_their_own_changes(extract):
    r = extract(
        "In 2021 courts concluded 525,618 intellectual property cases. The number of patent cases was 28,528, up "
        "27.3%; trademark cases was 78,157, up 10.2%; and copyright cases were 313,497, up 19.6%, respectively "
        "accounting for 5.4%, 14.9% and 59.6% of the total."
    )
    for share, part in (("5.4%", "28,528"), ("14.9%", "78,157"), ("59.6%", "313,497")):
        fact = by_text(r, share)
        assert (r.fact(fact.of).text, r.fact(fact.whole).text) == (part, "525,618")
    assert r.fact(by_text(r, "19.6%").of).text == "313,497"


def test_a_share_in_the_next_clause_is_not_a_respectively_qualifier(extract):
    r = extract(
        "The court accepted 50,773 cases and tried 49,863 cases, increases from the previous five years of 174% "
        "and 191% respectively, with 82.4% of cases completed in time."
    )
    assert by_text(r, "174%").role == "change" and r.fact(by_text(r, "191%").of).text == "49,863"
    assert by_text(r, "82.4%").of is None


@pytest.mark.parametrize(
    "text, share, whole",
    [
        (
            "Police captured 7,108 drug criminals. The number of drug addicts registered was 61,200. Among the "
            "captured, 2,341 were repeat offenders, accounting for 32.9%.",
            "32.9%",
            "7,108",
        ),
        (
            "Prosecutors prosecuted 11,430 people. Juveniles numbered 3,216 persons, accounting for 21.8% of the "
            "prosecuted.",
            "21.8%",
            "11,430",
        ),
    ],
)
def test_wholes_named_by_a_participle(extract, text, share, whole):
    r = extract(text)
    assert r.fact(by_text(r, share).whole).text == whole


# (sentence, share, its whole, its part or None): the figure right after 'of (the)' is the share's whole, stated
SHARES_OF_A_NAMED_FIGURE = [
    ("Fraud accounted for 14.6% of the 38,200 criminal cases filed in the province.", "14.6%", "38,200", None),
    ("Women made up 6.3 percent of the 4,015 suspects caught.", "6.3 percent", "4,015", None),
    ("The 2,710 drug cases made up 9.9% of the 27,400 cases tried last year.", "9.9%", "27,400", "2,710"),
    ("Juvenile cases climbed to 1,180, or 4.4 percent of all 26,900 cases prosecuted.", "4.4 percent", "26,900",
     "1,180"),
]


@pytest.mark.parametrize("text, share, whole, part", SHARES_OF_A_NAMED_FIGURE)
def test_a_share_of_a_named_figure_takes_it_as_its_whole(extract, text, share, whole, part):
    r = extract(text)
    fact = by_text(r, share)
    assert r.fact(fact.whole).text == whole
    assert of_text(r, share) == part
    if part is not None:
        assert (part, whole) in [(r.fact(x.part).text, r.fact(x.whole).text) for x in relations(r, "part_of")]


def test_a_share_of_a_year_names_no_whole(extract):
    r = extract("Telecom fraud made up 12.1% of the 2019 level.")
    assert by_text(r, "12.1%").whole is None


def test_of_which_prefers_the_parts_own_unit(extract):
    r = extract("Courts filed 204 cases involving 263 persons, of which 47 cases were major.")
    (rel,) = relations(r, "part_of")
    assert (r.fact(rel.part).text, r.fact(rel.whole).text) == ("47", "204")


def test_totalling_makes_a_sum(extract):
    r = extract("Police found 41 fraud cases, 26 theft cases and 65 other cases, totalling 132 cases.")
    (total,) = relations(r, "sum")
    assert r.fact(total.total).text == "132" and len(total.parts) == 3


def test_baseline_right_after_the_change(extract):
    r = extract(
        "Legal aid cases reached 58,300, up 9.2% from 53,400 in 2021, and 1.36 million consultations were given."
    )
    pct = by_text(r, "9.2%")
    assert (r.fact(pct.of).text, r.fact(pct.baseline).text) == ("58,300", "53,400")
    assert by_text(r, "53,400").unit == "case"


@pytest.mark.parametrize(
    "text, change, target",
    [
        ("In 2021, 64 cases were filed with fines of 510 million yuan; the number of cases filed rose by 14.3% "
         "from 2020, and the amount of fines rose by 6.2%.", "6.2%", "510 million yuan"),
        ("In 2021, 64 cases were filed with fines of 510 million yuan; the number of cases filed rose by 14.3% "
         "from 2020, and the amount of fines rose by 6.2%.", "14.3%", "64"),
        ("Customs seized goods worth 3.1 billion yuan in 1,200 cases, and the value of the goods fell 8.4 percent.",
         "8.4 percent", "3.1 billion yuan"),
    ],
    ids=["amount-of", "number-of", "value-of"],
)
def test_a_clause_naming_what_changed_takes_that_figure(extract, text, change, target):
    record = extract(text)
    pct = by_text(record, change)
    assert record.fact(pct.of).text == target
    (link,) = [r for r in record.relations if r.type == "link" and r.role == "of" and r.source == pct.id]
    assert link.confidence == "cued"


def test_an_earlier_figure_of_another_class_is_no_baseline(extract):
    r = extract(
        "A total of 3,905 officials were disciplined in the first half. The figure came from 14 provinces, "
        "marking a 9.8-percent rise from last year."
    )
    (pct,) = [f for f in r.facts if f.kind == "percentage"]
    assert pct.baseline is None
    assert not [f for f in audit(r) if f.status == "inconsistent"]


def test_a_count_before_a_list_of_compound_modifiers_takes_its_change(extract):
    r = extract(
        "Courts concluded 9,400 foreign-related, Hong Kong-related and Taiwan-related cases, a year-on-year rise "
        "of 8.2%."
    )
    (count,) = [f for f in r.facts if f.kind == "count"]
    assert count.unit == "case" and of_text(r, "8.2%") == "9,400"


@pytest.mark.parametrize(
    "text, change, target",
    [
        (
            "Police detained 208,300 suspects, a year-on-year decline of 19.4%; the rate of decline narrowed by "
            "6.1% from the first quarter.",
            "6.1%",
            "19.4%",
        ),
        ("Cases rose 12%, and the increase in fraud was 8%.", "8%", None),
    ],
    ids=["a-change-of-the-change", "a-change-of-another-subject"],
)
def test_a_change_that_narrows_a_change_qualifies_it(extract, text, change, target):
    assert of_text(extract(text), change) == target


def test_a_bar_passed_on_the_way_to_a_level_holds_no_place_in_a_respectively_list(extract):
    r = extract(
        "Appeals topped 6000 for the first time, reaching 6210 appeals, and 3105 appeals were reviewed, up 8% and "
        "4% year on year respectively."
    )
    assert (of_text(r, "8%"), of_text(r, "4%")) == ("6210", "3105")


@pytest.mark.parametrize("name", ["non-arrest rate", "non capture rate", "non-capture rate"])
def test_the_non_arrest_rate_under_its_translations(extract, name):
    r = extract(
        f"Prosecutors approved the arrest of 2,400 suspects; 600 people were not arrested. The {name} was 20%."
    )
    (rate,) = [x for x in r.relations if x.type == "rate"]
    assert r.fact(rate.numerator).text == "600"


@pytest.mark.parametrize(
    "text, numerator",
    [
        (
            "Prosecutors approved the arrest of 5,100 people; 1,700 people were arrested without approval or "
            "decision, and the rate of non-arrest was 25%.",
            "1,700",
        ),
        (
            "A total of 7,200 people were decided to sue and 800 people were not prosecuted, with a non prosecution "
            "rate of 10%.",
            "800",
        ),
        # a rate with no name of its own, right after the count of its numerator's act
        (
            "Procuratorial organs approved the arrest of 15,200 suspects; 9,800 people were not arrested, with a "
            "rate of 39.2%.",
            "9,800",
        ),
        (
            "Prosecutors decided to sue 61,400 people and 18,200 people were not prosecuted, with a rate of 22.9%.",
            "18,200",
        ),
    ],
    ids=["arrested-without-approval", "decided-to-sue", "unnamed-after-not-arrested", "unnamed-after-not-prosecuted"],
)
def test_named_rates_read_their_counts_as_translation_words_them(extract, text, numerator):
    r = extract(text)
    (rate,) = [x for x in r.relations if x.type == "rate"]
    assert r.fact(rate.numerator).text == numerator
    assert [f.status for f in audit(r) if f.check == "named_rate"] == ["consistent"]


@pytest.mark.parametrize("lead", ["in the quarter", "for various crimes"], ids=["plain", "presented-as-total"])
def test_a_total_named_by_an_act_no_count_has_is_no_whole(extract, lead):
    r = extract(
        f"Prosecutors approved the arrest of 16,300 people {lead}. Among them, 9,100 persons pleaded "
        "guilty, which accounted for 61.2% of the total number of cases examined and prosecuted."
    )
    assert by_text(r, "61.2%").whole is None
    assert [f.check for f in audit(r) if f.status in ("inconsistent", "doubtful") and f.check == "share_of_total"] == []


def test_an_unnamed_rate_after_a_count_no_rate_counts_has_no_relation(extract):
    r = extract("Courts heard 10,400 cases and sentenced 9,800 people, with a rate of 94.2%.")
    assert [x for x in r.relations if x.type == "rate"] == []


def test_an_unnamed_rate_after_concluded_cases_is_the_closure_rate(extract):
    r = extract("Courts accepted 10,412 cases and concluded 9,806 cases, with a rate of 94.2%.")
    (rel,) = [x for x in r.relations if x.type == "rate"]
    assert r.fact(rel.numerator).text == "9,806" and [r.fact(i).text for i in rel.denominator] == ["10,412"]


@pytest.mark.parametrize(
    "text, change, target",
    [
        # a change of a change: named as the subject, in points or with a comparative after 'the rate of'
        ("A total of 803,114 people were prosecuted, a year-on-year decrease of 12.4%; the decrease was 4.3 "
         "percentage points less than in the first half.", "4.3 percentage points", "12.4%"),
        ("A total of 803,114 people were prosecuted, a year-on-year decrease of 12.4%; the rate of decrease was "
         "1.2% smaller than in the first quarter.", "1.2%", "12.4%"),
        # a rate between the change and the points takes them
        ("Arrests rose 4.7% year-on-year, and the non-arrest rate was 22.4%, an increase of 0.3 percentage points.",
         "0.3 percentage points", "22.4%"),
    ],
)
def test_a_change_of_a_change_qualifies_the_change(extract, text, change, target):
    r = extract(text)
    fact = by_text(r, change)
    assert fact.of is not None and r.fact(fact.of).text == target


def test_points_never_qualify_a_count(extract):
    assert by_text(extract("Police handled 46 cases, up 3 percentage points."), "3 percentage points").of is None


@pytest.mark.parametrize(
    "text, target",
    [
        ("The regulator uncovered more than double the number of online fraud cases this quarter. In total, 2,318 "
         "such cases were handled in the three months.", "2,318"),
        ("Customs seized nearly triple the amount of ivory in 2019. Altogether, 412 cases were filed.", "412"),
        # a next sentence that does not present its figure as a total is no referent
        ("Police seized twice as many guns as last year. The ministry said 2,330 cases were handled.", None),
    ],
)
def test_a_multiplier_with_no_figure_is_of_the_total_the_next_sentence_opens_with(extract, text, target):
    r = extract(text)
    (m,) = [f for f in r.facts if f.kind == "multiplier"]
    assert (r.fact(m.of).text if m.of else None) == target


@pytest.mark.parametrize(
    "text, pct",
    [
        ("Compared with 2021, closed cases increased by 612, with a growth rate of 26.1%.", "26.1%"),
        ("Police filed 3,214 cases, with a decline rate of 6.1%.", "6.1%"),
    ],
)
def test_a_rate_of_change_is_a_change(extract, text, pct):
    fact = by_text(extract(text), pct)
    assert fact.role == "change" and fact.rate_name is None


def test_the_of_of_a_share_is_no_partitive_of_the_figure_before(extract):
    from extractor.checks import audit

    r = extract("Heavy sentences were imposed on 98,210, accounting for 8.15% of those convicted, who numbered "
                "1,205,000.")
    assert [x for x in r.relations if x.type == "part_of"] == []
    assert not [f for f in audit(r) if f.status == "inconsistent"]



@pytest.mark.parametrize(
    "text",
    [
        "Police seized 3,120 guns, including 1,850 pistols and 940 rifles.",
        "Inspectors checked 760 companies, of which 215 were private enterprises.",
        "Officers stopped 2,400 vehicles, among them 1,700 cars and 380 trucks.",
    ],
)
def test_sub_kinds_of_things_make_a_part_testable(extract, text):
    findings = [f for f in audit(extract(text)) if f.check == "parts_and_wholes"]
    assert findings and all(f.status == "consistent" for f in findings)


@pytest.mark.parametrize(
    "text, parts, total",
    [
        (
            "Inspectors punished 9,640 officials in 2022. 41 department-level officials, 820 county-level officials "
            "and 8,779 other cadres were punished.",
            ["41", "820", "8,779"],
            "9,640",
        ),
        (
            "Customs seized 5,300 guns in 2019. About 2,100 pistols, 1,900 rifles and 1,300 other firearms were "
            "seized at ports.",
            ["2,100", "1,900", "1,300"],
            "5,300",
        ),
        # the total may be a whole of its own breakdown already, a paragraph before
        (
            "Auditors fined 61,200 people (of which 40,100 were fined for tax offences).\n\n31 senior officials, "
            "2,400 other officials and 58,769 other staff were fined.",
            ["31", "2,400", "58,769"],
            "61,200",
        ),
    ],
)
def test_a_list_ending_in_other_repeating_the_verb_of_the_count_before_is_its_sum(extract, text, parts, total):
    r = extract(text)
    (s,) = relations(r, "sum")
    assert [r.fact(p).text for p in s.parts] == parts and r.fact(s.total).text == total


@pytest.mark.parametrize(
    "text",
    [
        # a new verb, a clause of its own before the list, a count with a verb of its own: no breakdown
        "Police arrested 2,400 suspects in 2021. 1,300 men and 1,100 women were released.",
        "Police arrested 2,400 suspects in 2021. In Hebei, 1,300 men and 1,100 women were arrested.",
        "Courts tried 900 cases in 2021. 500 cases were civil and 400 were tried.",
        # no 'other': the list need not name every part
        "Police arrested 2,400 suspects in 2021. 1,300 men and 1,100 women were arrested.",
    ],
)
def test_a_list_without_the_verb_of_the_count_before_is_no_breakdown(extract, text):
    r = extract(text)
    assert relations(r, "part_of") == [] and relations(r, "sum") == []


def test_shares_of_a_list_take_the_total_of_their_own_act_or_amount(extract):
    r = extract(
        "By June 30, inspectors had opened 3,950 cases and closed 1,620 cases; the amount involved was 2.6 billion "
        "yuan and fines totaled 118 million yuan.\n\nIn the capital, 1,410 cases were opened, accounting for "
        "35.7%; 530 cases were closed, accounting for 32.7%; the amount involved was 1.3 billion yuan, accounting "
        "for 50%; and fines of 70 million yuan, accounting for 59.3%."
    )
    wholes = {s: r.fact(by_text(r, s).whole).text for s in ("35.7%", "32.7%", "50%", "59.3%")}
    assert wholes == {"35.7%": "3,950", "32.7%": "1,620", "50%": "2.6 billion yuan", "59.3%": "118 million yuan"}
    assert not [f for f in audit(r) if f.status in ("inconsistent", "doubtful")]


def test_shares_summed_over_a_guessed_whole_are_only_doubtful(extract):
    # no colon and no act: the whole of the list is the paragraph's lead, a guess; shares over 100% are doubtful
    r = extract(
        "Police handled 2,000 cases in 2021.\n\nThe courts heard 900 theft cases, accounting for 61%; 700 fraud "
        "cases, 52%."
    )
    findings = [f for f in audit(r) if f.check == "share_of_total" and len(f.facts) > 2]
    assert findings and all(f.status == "doubtful" for f in findings)


def test_shares_going_on_after_a_semicolon_from_a_named_whole_share_it(extract):
    r = extract(
        "Inspectors dealt with 48,000 people in 2022. Among them, 30,100 were warned, accounting for 62.7% of the "
        "total; 12,900 were fined, accounting for 26.9%; 5,000 were dismissed, accounting for 10.4%."
    )
    for share in ("26.9%", "10.4%"):
        assert r.fact(by_text(r, share).whole).text == "48,000"
    firm = {x.confidence for x in r.relations if x.type == "link" and x.role == "whole"}
    assert firm <= {"stated", "cued"}


@pytest.mark.parametrize(
    "text, pct, target",
    [
        ("Courts closed 6.42 million suits in 2022, equaling 91 percent of the figure in the same period in 2019.",
         "91 percent", "6.42 million"),
        ("Permits issued came to 2.8 million, amounting to 57.3 percent of the same period last year.",
         "57.3 percent", "2.8 million"),
    ],
)
def test_a_percentage_of_an_earlier_period_is_the_level_of_its_count(extract, text, pct, target):
    r = extract(text)
    fact = by_text(r, pct)
    assert (fact.role, of_text(r, pct), fact.whole) == ("level", target, None)


def test_an_enumeration_cue_binds_its_items_to_the_count_before_whatever_their_nouns(extract):
    r = extract(
        "Border stations checked 21.4 million passages in 2023. Specifically, 13.1 million trips were made by "
        "residents and 8.3 million trips by visitors."
    )
    got = [(r.fact(x.part).text, r.fact(x.whole).text) for x in relations(r, "part_of")]
    assert got == [("13.1 million", "21.4 million"), ("8.3 million", "21.4 million")]


def test_buses_are_one_bus(extract):
    assert by_text(extract("Police checked 1,240 buses."), "1,240").unit == "bus"


def test_a_bracket_closing_a_list_item_holds_parts_of_that_item(extract):
    r = extract(
        "Specifically, 8.4 million trips were made by residents (including 0.6 million by students), 3.1 million "
        "trips by visitors and 1.2 million trips by drivers."
    )
    got = [(r.fact(x.part).text, r.fact(x.whole).text) for x in relations(r, "part_of")]
    assert ("0.6 million", "8.4 million") in got and ("0.6 million", "3.1 million") not in got
