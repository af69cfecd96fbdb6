"""Numerals: what is read as a figure, with which value and qualifier, and what is not a figure at all."""

import pytest
from conftest import by_text, facts_of

NUMERIC = ("count", "percentage", "multiplier", "money")

# (sentence, [(kind, surface, value, approx)]) -- every numeric fact the sentence should give, in order.
FIGURES = [
    ("Courts heard 1,285 appeals last month.", [("count", "1,285", 1285, None)]),
    # mojibake of a no-break space ('Â') glued to a number
    ("Inspectors punished 24,000Â township-level cadres.", [("count", "24,000", 24000, None)]),
    ("Police detained 313743 suspects in the province.", [("count", "313743", 313743, None)]),
    ("A total of 1,088,490 people were approved for arrest.", [("count", "1,088,490", 1088490, None)]),
    ("Prosecutors handled 1.6 million cases.", [("count", "1.6 million", 1600000, None)]),
    ("Customs received 4.253 million declarations.", [("count", "4.253 million", 4253000, None)]),
    ("Inspectors received two million reports.", [("count", "two million", 2000000, None)]),
    # a decimal before a counted noun: an average per head (a lost scale word is flagged, see below)
    ("Each prosecutor handled 41.6 cases last year.", [("count", "41.6", 41.6, None)]),
    # 万 and 亿 amounts rendered group by group, and what stays two figures
    ("Police froze 7 million 200 thousand yuan.", [("money", "7 million 200 thousand yuan", 7200000, None)]),
    ("Courts handled 1 billion 350 million yuan.", [("money", "1 billion 350 million yuan", 1350000000, None)]),
    (
        "The bureau audited 4 million 300 accounts.",
        [("count", "4 million", 4000000, None), ("count", "300", 300, None)],
    ),
    (
        "Police seized 2.5 million 300 thousand doses.",
        [("count", "2.5 million", 2500000, None), ("count", "300 thousand", 300000, None)],
    ),
    ("The team caught nine fugitives abroad.", [("count", "nine", 9, None)]),
    ("Seventeen officials were expelled from the Party.", [("count", "Seventeen", 17, None)]),
    ("Twenty-nine of the cases involved senior officials.", [("count", "Twenty-nine", 29, None)]),
    ("Police arrested more than 3,000 suspects.", [("count", "3,000", 3000, "more_than")]),
    ("Inspectors punished over 20,000 cadres.", [("count", "20,000", 20000, "over")]),
    ("Nearly 700 gangs were smashed.", [("count", "700", 700, "nearly")]),
    ("They strengthened supervision over 1,100 detention centers.", [("count", "1,100", 1100, None)]),
    ("About 45,500 cases were exposed.", [("count", "45,500", 45500, "about")]),
    ("At least 12 people were detained.", [("count", "12", 12, "at_least")]),
    ("Less than 300 complaints were filed.", [("count", "300", 300, "less_than")]),
    # 'up to' renders 多达 (as many as): the figure is exact; 'at most' is a bound
    ("Up to 2,340 cadres among those disciplined held rural posts.", [("count", "2,340", 2340, None)]),
    ("Courts accepted at most 80 petitions a day in the campaign.", [("count", "80", 80, "up_to")]),
    ("The ring had some 150 members.", [("count", "150", 150, "about")]),
    ("The number of cases exceeded 100,000 in 2018.", [("count", "100,000", 100000, "more_than")]),
    # a percent sign joined by a hyphen ('an 18.4-pct rise')
    ("Telecom fraud saw a 12.7-pct rise last year.", [("percentage", "12.7-pct", 12.7, None)]),
    ("Arrests fell by a 6-percent margin.", [("percentage", "6-percent", 6, None)]),
    ("A 30-member gang was broken up.", [("count", "30", 30, None)]),
    # a figure glued to the next sentence by its full stop
    ("The number of cadres held reached 31.Most were local.", [("count", "31", 31, None)]),
    (
        "Police cracked 2,085 cases of fraud and 2085 people were held.",
        [("count", "2,085", 2085, None), ("count", "2085", 2085, None)],
    ),
]

# Numbers spelled out at any length, with decimals read after 'point', and per mille read as a percentage.
SPELLED_OUT = [
    (
        "Officers screened three million four hundred and twelve thousand six hundred and eighty-one people.",
        [("count", "three million four hundred and twelve thousand six hundred and eighty-one", 3412681, None)],
    ),
    (
        "Courts closed five thousand three hundred and one appeals.",
        [("count", "five thousand three hundred and one", 5301, None)],
    ),
    ("The bureau logged one hundred twenty-seven tips.", [("count", "one hundred twenty-seven", 127, None)]),
    (
        "Courts heard one hundred twenty-five thousand three hundred suits.",
        [("count", "one hundred twenty-five thousand three hundred", 125300, None)],
    ),
    ("Police checked nine hundred sixty thousand cars.", [("count", "nine hundred sixty thousand", 960000, None)]),
    ("Police held two thousand and five suspects.", [("count", "two thousand and five", 2005, None)]),
    ("They seized three thousand four hundred guns.", [("count", "three thousand four hundred", 3400, None)]),
    (
        "Inspectors found eighty-two million six hundred thousand yuan.",
        [("money", "eighty-two million six hundred thousand yuan", 82600000, None)],
    ),
    ("The rate reached six point two nine percent.", [("percentage", "six point two nine percent", 6.29, None)]),
    ("Arrests rose by Twenty-one point five percent.", [("percentage", "Twenty-one point five percent", 21.5, None)]),
    ("Fraud made up two point five million cases.", [("count", "two point five million", 2500000, None)]),
    ("Seizures were four and a half times the year before.", [("multiplier", "four and a half times", 4.5, None)]),
    ("Drug cases grew two and half times.", [("multiplier", "two and half times", 2.5, None)]),
    ("Police seized one and a half million pills.", [("count", "one and a half million", 1500000, None)]),
    ("The incidence fell to 1.2‰ in the county.", [("percentage", "1.2‰", 0.12, None)]),
    ("The rate was 0.35‰ last year.", [("percentage", "0.35‰", 0.035, None)]),
    ("Crime fell to 3‱ of the population.", [("percentage", "3‱", 0.03, None)]),
    (
        "Officers held two thousand three thousand-strong rallies.",
        [("count", "two thousand", 2000, None), ("count", "three thousand", 3000, None)],
    ),
]


@pytest.mark.parametrize("text, expected", SPELLED_OUT, ids=[t for t, _ in SPELLED_OUT])
def test_spelled_out_numbers(extract, text, expected):
    got = [(f.kind, f.text, f.value, f.approx) for f in facts_of(extract(text), *NUMERIC)]
    assert got == expected


# Slogans built on a number are names, not counts (patterns/numbers.jsonl, NOT_FIGURE rows).
SLOGANS = [
    ("Cadres must practise the three strict and three solid.", []),
    ("He stressed the five musts and the two safeguards.", []),
    ('Members studied the four consciousnesses and the "three stricts".', []),
    # before the noun the slogan names
    ("Bureaus ran the three strict and three solid campaign with 120 cadres.", [("count", "120", 120)]),
    ("The three stricts and three solids education reached 45 units.", [("count", "45", 45)]),
    ("They heard three solid cases in the city.", [("count", "three", 3)]),
    ("Officials met the two upholds, and five officers spoke.", [("count", "five", 5)]),
]


@pytest.mark.parametrize("text, expected", SLOGANS, ids=[t for t, _ in SLOGANS])
def test_number_words_in_slogans(extract, text, expected):
    assert [(f.kind, f.text, f.value) for f in facts_of(extract(text), *NUMERIC)] == expected


# Sentences whose numerals are not figures: no numeric fact at all.
NOT_FIGURES = [
    "The Fifth Procuratorate directed the second batch of inspections.",
    "It was the 35th International Anti-Drug Day.",
    "(3) Supervision of criminal proceedings",
    "1. Filing supervision was strengthened.",
    "The Criminal Law Amendment (11) took effect.",
    "The Hundred-Day campaign ended in autumn.",
    "The 14th Five-Year Plan sets the goals.",
    "The 100-day operation targeted gangs.",
    "The gang operated for over 20 years.",
    "Drug cases declined for five consecutive years.",
    "The campaign will last two more years.",
    "The suspect, aged 21, confessed.",
    "A 21-year-old suspect confessed.",
    "Police seized 2.46 tons of methamphetamine.",
    "The land covered 3.21 million mu.",
    "The top 10 crimes are listed below.",
    "Fraud ranked third; the first two were dangerous driving and theft.",
    "The latter three cases involved gangs.",
    'Police ran a campaign of "two strikes and one check" on fraud.',
    'Inspectors applied the "four forms" of supervision.',
    "Article 3 of the law applies.",
    "The meeting began at 10:55 in Beijing.",
    "The law was adopted in 2019.",
    "One such case involved a criminal organization.",
    "Residents may dial 12388 or 12345 to report violations.",
    "Officials must observe the eight-point rules and the six point frugality rules.",
    "Victims should call 110 at once.",
    "Tips can go to the 96110 anti-fraud hotline.",
    "Inspectors visit two or three towns a week.",
    "Aid reached families with “three difficulties” in the county.",
    'Inspectors checked shops for "two lacks" in food labelling.',
    "See Figure 4 and Table 2 for the breakdown.",
    "12 CommentsPrint E-mail",
    "Anti-graft drive\n7\nThe commission said its work went on.",
]


@pytest.mark.parametrize("text, expected", FIGURES, ids=[t for t, _ in FIGURES])
def test_figures(extract, text, expected):
    got = [(f.kind, f.text, f.value, f.approx) for f in facts_of(extract(text), *NUMERIC)]
    assert got == expected


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_not_figures(extract, text):
    got = [(f.kind, f.text) for f in facts_of(extract(text), *NUMERIC)]
    assert got == []


@pytest.mark.parametrize(
    "text, unit",
    [
        ("Procuratorates filed 999 cases of duty-related crimes.", "case"),
        ("Procuratorates filed charges against 1,285 persons.", "person"),
        ("Police arrested 46,000 people.", "person"),
        ("Police arrested 1,400 individuals.", "person"),
        ("Police rescued 54 abducted women and children.", "person"),
        ("Prosecutors filed 119 major crimes involving judicial staff.", "crime"),
        ("Police received 89,098 clues.", "clue"),
        ("Inspectors handled 18,700 tip-offs.", "tip-off"),
        ("The SPP approved the arrest of 879,817 criminal suspects.", "suspect"),
        ("Police smashed 274 manufacturing dens.", "den"),
        ("Investigators questioned 2,871 public servants above county level.", "servant"),
        ("The court tried 14 major organized crime cases.", "case"),
        ("The campaign involved 30-member gangs.", "member"),
        ("Authorities regulated 449 kinds of narcotics.", "kind"),
        ("Prosecuted 405,000 for serious violent crimes.", "person"),
        ("Police busted 104 criminal gangs.", "gang"),
        ("Customs seized 34 million smuggled cigarettes.", "cigarette"),
        ("Police bought 1,200 police cars.", "car"),
        ("Among the cases, 1,902 involved fake health products.", "case"),
        ("Of those punished, 524,000 received party disciplinary penalties.", "person"),
        ("Of the complaints received, 1,710 were pursuable.", "complaint"),
        ("Of them, 1,283 were foreigners.", "foreigner"),
        ("Discipline in 2022: persons punished, 2,811.", "person"),
        ("Legal aid cases reached 58,300.", "case"),
        # the subject before a change verb names the level's unit, past adverbs, auxiliaries and bounds
        ("Fraud cases slightly decreased to about 12.4 million.", "case"),
        ("The intake of enforcement cases declined to 2,906.", "case"),
        ("The number of registered addicts has further dropped to nearly 615,000.", "addict"),
        ("Pending petitions were cut to fewer than 540.", "petition"),
        ("Smuggling suspects surged by 2,310.", "suspect"),
        ("In 2021, the number of such cases was 436.", "case"),
        ('"Every one of the 1,582 cases matters," he said.', "case"),
        # a unit word used as a modifier before a participle and its noun, and modifiers joined by 'and'
        ("Customs filed 640 criminal smuggling cases.", "case"),
        ("Inspectors charged 23 former provincial and ministerial level officials.", "official"),
        ("Courts heard 95 drug or firearm cases.", "case"),
        ("Police held 300 people smuggling drugs.", "person"),
        ("Courts heard 1,582 cases involving fraud.", "case"),
        # a hyphenated compound opening with a stop word modifies; a time phrase after the noun ends it
        ("Police caught 348 on-the-run fugitives.", "fugitive"),
        ("Police booked 61 hit-and-run drivers last week.", "driver"),
        ("Customs opened 1,120 smuggling probes next to the port.", "probe"),
        # an adverb of a participle before the noun; a population is people
        ("Prosecutors applied 11 newly added charges.", "charge"),
        ("The county registered 52,000 floating population.", "person"),
        # an en dash joins a compound modifier as a hyphen does
        ("Prosecutors reviewed 6,350 fraud–related cases.", "case"),
        # 人次 in translation counts visits, not people, as the Chinese gloss does
        ("The centre received 86,000 person-times.", "person-time"),
    ],
)
def test_count_units(extract, text, unit):
    (count,) = facts_of(extract(text), "count")
    assert count.unit == unit


def test_count_subject_and_action(extract):
    r = extract("Procuratorates filed a total of 999 cases of duty-related crimes involving judicial staff.")
    (count,) = facts_of(r, "count")
    assert count.subject == "cases of duty-related crimes involving judicial staff"
    assert count.action == "filed"


@pytest.mark.parametrize(
    "text, action",
    [
        ("A total of 265,000 people were not arrested.", "not arrested"),
        # the verb after a list set off by commas is the subject's
        ("A total of 52,600 cadres, including 41 at bureau level, were disciplined.", "disciplined"),
        ("Procuratorates decided not to prosecute 241,000 people.", "decided not to prosecute"),
        ("Procuratorates approved the arrest of 215,000 suspects.", "approved the arrest of"),
        ("Of the 470,000 filed, most were closed.", "filed"),
    ],
)
def test_count_actions(extract, text, action):
    assert facts_of(extract(text), "count")[0].action == action


@pytest.mark.parametrize(
    "text, surface, value",
    [
        ("seized goods worth cases50,000 yuan", "50,000 yuan", 50000),
        ("the number rose year-on-year6 times", "6 times", 6),
        ("and the courts cracked 2,395suspects cases", "2,395", 2395),
    ],
)
def test_glued_digits_are_read_and_flagged(extract, text, surface, value):
    facts = [f for f in extract(text).facts if f.text == surface]
    assert len(facts) == 1
    assert facts[0].value == value
    if text[text.index(surface) - 1].isalpha():
        assert facts[0].suspect and "glued" in facts[0].suspect_reason


def test_glued_percent_and_word(extract):
    r = extract("Cases and persons were up by 7.5%and 4% respectively.")
    assert [(f.text, f.value) for f in facts_of(r, "percentage")] == [("7.5%", 7.5), ("4%", 4)]


@pytest.mark.parametrize(
    "text, pairs",
    [
        # a count and its change joined by a slash, under the change word the sentence opens with
        (
            "Rises were seen in fraud (12,406 cases/18.35%); theft (9,870/4.02%).",
            [("18.35%", "12,406"), ("4.02%", "9,870")],
        ),
        ("Decreases were recorded in robbery (2,315 cases/7.40%).", [("7.40%", "2,315")]),
    ],
)
def test_slash_pairs_in_tables(extract, text, pairs):
    r = extract(text)
    for pct, count in pairs:
        fact = next(f for f in r.facts if f.text == pct)
        assert fact.role == "change" and r.fact(fact.of).text == count


@pytest.mark.parametrize("text, surface", [("1/3 of the cases", "1/3"), ("a 24/7 hotline", "24/7")])
def test_fractions_and_codes_with_a_slash_stay_whole(nlp, text, surface):
    assert surface in [t.text for t in nlp(text)]


def test_table_lines_keep_their_own_units(extract):
    r = extract("Persons not prosecuted: 1,024\nCivil protests filed: 186")
    assert [(f.text, f.unit) for f in facts_of(r, "count")] == [("1,024", "person"), ("186", "protest")]


def test_a_number_word_in_quoted_speech_is_still_a_count(extract):
    record = extract('The chief said "officers caught three suspects" on Monday.')
    assert [(f.kind, f.text) for f in facts_of(record, *NUMERIC)] == [("count", "three")]


@pytest.mark.parametrize(
    "text, change, direction",
    [
        ("Courts heard 12,804 cases, upby 18.3% over 2016.", "18.3%", "up"),
        ("Police closed 1,207 cases, downby 2.1%.", "2.1%", "down"),
    ],
)
def test_a_change_word_glued_to_by_is_read(extract, text, change, direction):
    pct = by_text(extract(text), change)
    assert (pct.role, pct.direction) == ("change", direction)


@pytest.mark.parametrize(
    "text, suspect",
    [
        ("On average, each judge concluded 87.5 cases.", False),
        ("Courts heard 3.1 cases per judge a week.", False),
        ("Police detained more than 2.6 people in the campaign.", True),
    ],
    ids=["each", "per", "lost-scale-word"],
)
def test_a_decimal_count_is_an_average_or_suspect(extract, text, suspect):
    (count,) = facts_of(extract(text), "count")
    assert count.value != int(count.value) and count.suspect is suspect


def test_letters_and_digits_in_one_word_are_a_code(extract):
    assert facts_of(extract("H1N1 and H7N9 cases were reported."), "count") == []


@pytest.mark.parametrize(
    "text, kept",
    [
        ("Ministers of the G20 and the C5 met in 2019 to discuss 14 cases.", ["14"]),
        ("Police grounded three F35 replicas and 12 drones.", ["three", "12"]),
        # a currency glued to its amount and a quarter stay figures of their own kinds
        ("Fines of RMB800 million were imposed in Q3 on 26 firms.", ["26"]),
    ],
)
def test_capitals_glued_to_digits_are_a_name(extract, text, kept):
    assert [f.text for f in facts_of(extract(text), "count")] == kept


def test_a_thousands_separator_before_four_digits_is_one_garbled_figure(extract):
    (count,) = facts_of(extract("Police detained 51,3046 suspects, down 3.1%."), "count")
    assert (count.text, count.value, count.suspect) == ("51,3046", 513046, True)


def test_a_comma_before_a_year_still_separates_it(extract):
    (date,) = facts_of(extract("The rules took effect on June 06,2018 nationwide."), "date")
    assert date.value == "2018-06-06"


@pytest.mark.parametrize(
    "text",
    [
        "The ages of the juvenile offenders were mainly between 15 and 17.",
        "Those between the ages of 14 and 16 accounted for 12 percent.",
    ],
)
def test_a_range_of_ages_is_no_count(extract, text):
    assert [f for f in extract(text).facts if f.kind == "count"] == []


def test_a_range_of_counts_after_between_stays(extract):
    assert [f.text for f in extract("Police arrested between 300 and 400 suspects.").facts] == ["300", "400"]



@pytest.mark.parametrize(
    "text, counts",
    [
        # a range writes both its ends alike: digits before a number word are a count, then a term
        ("Of the 860 defendants, 214 were jailed and 95 to three years or less.", ["860", "214", "95"]),
        ("Courts sentenced 1,030 people: 730 to five years or more.", ["1,030", "730"]),
    ],
)
def test_a_count_before_a_term_written_otherwise_is_no_range(extract, text, counts):
    assert [f.text for f in facts_of(extract(text), "count")] == counts


@pytest.mark.parametrize(
    "text, counts",
    [
        # the last items of a list before a measure are counts, each with its own unit
        ("The figures for the quarter were 1,240, 3,015 and 4 tonnes.", ["1,240", "3,015"]),
        ("Police seized 460, 218 and 9 kilograms respectively.", ["460", "218"]),
    ],
)
def test_a_list_ending_in_a_measure_keeps_its_counts(extract, text, counts):
    assert [f.text for f in facts_of(extract(text), "count")] == counts


def test_quoted_speech_opening_with_a_number_word_keeps_its_count(extract):
    assert [f.text for f in facts_of(extract('"Two suspects fled abroad," police said.'), "count")] == ["Two"]


def test_a_passive_verb_after_were_is_no_predicate_noun(extract):
    r = extract("Police stopped 7,300 drivers, of whom 2,450 were issued speeding tickets.")
    assert [f.unit for f in facts_of(r, "count")] == ["driver", "driver"]


def test_a_list_item_with_a_place_name_gives_no_unit_to_the_next(extract):
    r = extract("Police detained 14 crew, including six from Laos, three from Myanmar and five from Vietnam.")
    assert {f.unit for f in facts_of(r, "count")} == {"crew"}


def test_residents_keep_their_noun(extract):
    r = extract("Police held 9 people, including four Taiwan residents.")
    assert [f.unit for f in facts_of(r, "count")] == ["person", "resident"]


@pytest.mark.parametrize(
    "text, units",
    [
        # a bare count opening its sentence as its verb's subject counts what the sentence before counted
        ("Inspectors found 7,300 unlicensed stalls. About 4,100 were closed and 2,900 were moved.",
         ["stall", "stall", "stall"]),
        ("Police caught 860 poachers in 2022. Some 510 were charged.", ["poacher", "poacher"]),
    ],
)
def test_a_bare_subject_counts_what_the_sentence_before_counted(extract, text, units):
    assert [f.unit for f in facts_of(extract(text), "count")] == units


@pytest.mark.parametrize(
    "text, surface, value",
    [
        # 万 amounts rendered group by group with 'and': one number
        ("The courts accepted 426 thousand and 300 cases.", "426 thousand and 300", 426300),
        ("Police held 12 thousand and 20 thousand suspects.", "12 thousand", 12000),
    ],
)
def test_thousands_and_a_rest_below_a_thousand_are_one_number(extract, text, surface, value):
    assert by_text(extract(text), surface).value == value
