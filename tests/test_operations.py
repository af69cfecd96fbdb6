"""Named operations: quoted names, unquoted names, codes, task forces, aliases, traps, and the rule file."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest

from extractor.operations import OperationFinder, OperationMatch, find_operations, implied_date
from extractor.patterns import load_pattern_file, patterns_dir

RULES = patterns_dir() / "operations.jsonl"
ROWS = load_pattern_file(RULES)
FINDER = OperationFinder(ROWS)


def found(text: str) -> list[OperationMatch]:
    matches = FINDER.find(text)
    for m in matches:
        assert text[m.start : m.end] == m.text
        # the name is the surface up to case (a lower-case name is title-cased) and an unpaired quote
        surface = m.text if m.text.count('"') != 1 else m.text.replace('"', "")
        assert m.name.lower() == " ".join(surface.split()).lower()
    assert all(a.end <= b.start for a, b in pairwise(matches))
    return matches


def texts(text: str) -> list[str]:
    return [m.text for m in found(text)]


# ------------------------------------------------------------------------------------------ quoted names

QUOTED = [
    ("straight", 'Police launched the "Summer Thunder Action" in May.', ["Summer Thunder Action"]),
    ("curly", "During the “Clean Net 2021 Campaign”, 3,100 gangs were smashed.", ["Clean Net 2021 Campaign"]),
    (
        "single-curly",
        "Since the ‘Spring Sword Operation’ began, 80 cases were solved.",
        ["Spring Sword Operation"],
    ),
    ("single-straight", "Officers joined the 'Sharp Blade Project' last year.", ["Sharp Blade Project"]),
    (
        "glued-quote",
        "\"The second stage of the'Kunlun Hundred-Day Action' ended,\" he said.",
        ["Kunlun Hundred-Day Action"],
    ),
    ("head-hunt", "The ministry opened this year's “Fox Hunt” on Monday.", ["Fox Hunt"]),
    ("head-net-year", 'The "Sky Net 2024" drive returned 1,200 fugitives.', ["Sky Net 2024"]),
    (
        "gate-year",
        'Customs began the "Iron Wall Guarding the Border Gate 2020" campaign.',
        ["Iron Wall Guarding the Border Gate 2020"],
    ),
    (
        "plural-head",
        'procurators began the "100-day Cleaning of Operations" nationwide.',
        ["100-day Cleaning of Operations"],
    ),
    (
        "cue-campaign",
        'The bureau joined the "Guarding the Green Hills" campaign this spring.',
        ["Guarding the Green Hills"],
    ),
    ("cue-special-action", 'Police deployed the "Safe Campus" special action in 12 cities.', ["Safe Campus"]),
    ("cue-series", 'Prosecutors handled the "Qinglang" series of special actions.', ["Qinglang"]),
    ("cue-codenamed", 'They launched an operation code-named "Thunder" in Yunnan.', ["Thunder"]),
    (
        "office-of-action",
        'A director of the "Hundred Day Action" Office spoke on Friday.',
        ["Hundred Day Action"],
    ),
    ("comma-inside", "the campaign, called “Sky Shield,” ended.", ["Sky Shield"]),
    ("lowercase-alone", 'Police completed the "special action" on time.', []),
    # capitalised quoted names in one list with a quoted name found as an operation are of the list
    (
        "list-after-such-as",
        'The bureau ran drives such as the "Spring Thunder Campaign", "Four Checks", "Quiet Ports" and "Cut Roots".',
        ["Spring Thunder Campaign", "Four Checks", "Quiet Ports", "Cut Roots"],
    ),
    ("list-before-head", 'Police ran the "Still Water" and "Iron Gate" operations.', ["Still Water", "Iron Gate"]),
    ("list-of-apps", 'Apps such as "WeChat", "Weibo" and "Douyin" were checked.', []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in QUOTED], ids=[c[0] for c in QUOTED])
def test_quoted_names(text, expected):
    matches = found(text)
    assert [m.text for m in matches] == expected
    assert all(not m.code and m.implied_date is None and m.canonical is None for m in matches)


# ------------------------------------------------------------------------------------------ unquoted names

UNQUOTED = [
    ("the-summer-action", "Since the Summer Action began, 9,000 suspects were held.", ["Summer Action"]),
    ("operation-x", "Operation Thunder broke 40 gangs.", ["Operation Thunder"]),
    (
        "operation-x-year",
        "The campaign, launched as Operation Fox Hunt 2015, ended.",
        ["Operation Fox Hunt 2015"],
    ),
    (
        "two-operations",
        "Operation Storm and Operation Sunrise ran in parallel.",
        ["Operation Storm", "Operation Sunrise"],
    ),
    ("fox-hunt", "Police returned 300 suspects in Fox Hunt last year.", ["Fox Hunt"]),
    ("fox-hunt-year", "During Fox Hunt 2023, 1,100 suspects were returned.", ["Fox Hunt 2023"]),
    ("this-years", "The ministry launched this year's Fox Hunt on Monday.", ["Fox Hunt"]),
    ("sky-net-campaign", "It is part of the Sky Net campaign against graft.", ["Sky Net"]),
    ("sky-net-year-campaign", "The Sky Net 2020 campaign began in March.", ["Sky Net 2020"]),
    ("possessive-country", "China's Sky Net campaign returned 1,000 fugitives.", ["Sky Net"]),
    ("and-two-names", "Both Sky Net and Fox Hunt continued.", ["Sky Net", "Fox Hunt"]),
    (
        "and-one-name",
        "the nationwide Summer Public Security Crackdown and Rectification Action ended.",
        ["Summer Public Security Crackdown and Rectification Action"],
    ),
    ("run-before-cue", "Police in the county joined the Spring Breeze campaign.", ["Spring Breeze"]),
    ("gazetteer-year", "Kunlun 2022 cracked 10,000 cases.", ["Kunlun 2022"]),
    ("gazetteer-cue", "The Kunlun operation continues.", ["Kunlun"]),
    ("strike-hard", "The Strike Hard campaign ran for three years.", ["Strike Hard"]),
    ("agency-cut", "The Ministry of Public Security's Fox Hunt returned 50 people.", ["Fox Hunt"]),
    ("ly-at-start", "Notably Fox Hunt recovered 2 billion yuan.", ["Fox Hunt"]),
    # a news site named 'X Y Net' in a byline is no operation
    ("byline-site-net", "Farm Daily - China Rural Net Beijing, May 3 - police said 40 gangs were broken.", []),
    ("reporter-site-net", "China Youth Net reporter learned that 9 cities joined the drive.", []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in UNQUOTED], ids=[c[0] for c in UNQUOTED])
def test_unquoted_names(text, expected):
    assert texts(text) == expected


# ------------------------------------------------------------------------------------------ machine-translated names

# (id, text, [(surface, name)]): names without quotes or capitals, series numbers, garbled quoted names
MT_NAMES = [
    (
        "lower-net-campaign",
        "Since the clean net campaign began, 90 gangs were broken up.",
        [("clean net", "Clean Net")],
    ),
    (
        "lower-year-special-action",
        "The thunder 2024 special action closed 61 cases.",
        [("thunder 2024", "Thunder 2024")],
    ),
    (
        "lower-leading-operation-series",
        "During operation hurricane No. 2, officers seized 18 guns.",
        [("operation hurricane No. 2", "Operation Hurricane No. 2")],
    ),
    ("lower-wall-operation", "The iron wall operation ended in June.", [("iron wall", "Iron Wall")]),
    ("lower-card-action", "The broken card action has cut off 1,200 accounts.", [("broken card", "Broken Card")]),
    ("lower-shield-action", "The green shield action protected 34 firms.", [("green shield", "Green Shield")]),
    ("lower-possessive", "Last year's sharp sword crackdown ended.", [("sharp sword", "Sharp Sword")]),
    (
        "lower-series-before-cue",
        "In the hurricane No. 1 operation, 12 gangs fell.",
        [("hurricane No. 1", "Hurricane No. 1")],
    ),
    ("lower-alone-head", "The county continued the hurricane operation.", [("hurricane", "Hurricane")]),
    (
        "caps-alone-year",
        "Police launched Hurricane 2018 and held 560 suspects.",
        [("Hurricane 2018", "Hurricane 2018")],
    ),
    ("caps-series", "Sky Net No. 3 brought back 47 fugitives.", [("Sky Net No. 3", "Sky Net No. 3")]),
    (
        "caps-alone-series",
        "Officers carried out the Lightning No. 1 campaign.",
        [("Lightning No. 1", "Lightning No. 1")],
    ),
    (
        "quoted-lower-cue",
        'The "smuggling and striking evil" campaign resolved 28 cases.',
        [("smuggling and striking evil", "Smuggling and Striking Evil")],
    ),
    (
        "quoted-lower-operation",
        'Since the “broken card” operation, 300 cards were frozen.',
        [("broken card", "Broken Card")],
    ),
    ("quoted-lower-year", 'Police launched the "typhoon 2019" special action.', [("typhoon 2019", "Typhoon 2019")]),
    (
        "quoted-lower-series",
        'Since "hurricane" No. 2 began, 40 suspects were held.',
        [('hurricane" No. 2', "Hurricane No. 2")],
    ),
    ("quoted-dot-space", "Police cracked the '8. 15' case and held 9 suspects.", [("8. 15", "8. 15")]),
    ("dot-series-of-cases", "The 7.21 series of cases involved 300 victims.", [("7.21", "7.21")]),
    ("lower-bare-series", "During the hurricane 1 operation, 9 gangs fell.", [("hurricane 1", "Hurricane 1")]),
    ("quoted-lower-no-article", 'Police carried out "thunder 3" special action.', [("thunder 3", "Thunder 3")]),
    (
        "lower-more-heads",
        "The iron fist action, the spring breeze campaign and the kunlun operation went on.",
        [("iron fist", "Iron Fist"), ("spring breeze", "Spring Breeze"), ("kunlun", "Kunlun")],
    ),
    # a lower-case name quoted with its own head word, as the translation leaves 'the "X" action' run together
    (
        "quoted-lower-with-its-head",
        'Shanghai "autumn wind action" cracked 1,300 cases, and the "clean water campaign" went on.',
        [("autumn wind action", "Autumn Wind Action"), ("clean water campaign", "Clean Water Campaign")],
    ),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in MT_NAMES], ids=[c[0] for c in MT_NAMES])
def test_machine_translated_names(text, expected):
    assert [(m.text, m.name) for m in found(text)] == expected


MT_TRAPS = [
    ("generic-special-action", "The special action achieved results, with 120 cases solved."),
    ("generic-joint", "The joint operation seized guns. The anti-fraud campaign went on."),
    ("description-net", "The safety net campaign and the bank card action helped 300 people."),
    ("common-nouns", "He crossed the great wall. The network was cut. The net profit rose."),
    ("operation-then-noun", "The operation net was set up. They built a fire wall project."),
    ("head-without-cue", "Her card was stolen in the action. The thunder was loud."),
    ("no-determiner", "Police said clean net campaign is hard."),
    ("quoted-lower-no-determiner", 'They waged a "clean homes" campaign.'),
    ("bare-split-number", "A total of 8. 15 cases were heard."),
    ("code-then-series", "The 5·13 case No. 2 file was read."),
    ("quoted-lower-article", 'Police waged a "sky net" campaign of their own.'),
    ("lower-bare-number-no-cue", "The hurricane 2 days ago hit the city."),
    ("quoted-lower-one-word", 'The "anti-fraud" campaign and the "clean" action went on.'),
    ("lower-project", "The bald eagle project and the water net project were funded."),
    ("lower-common-wind", "The strong wind damaged the action camera."),
    ("quoted-descriptions", 'He urged "a tough crackdown campaign" and praised the "special rectification action".'),
    ("quoted-coordinated", 'The "severe and swift action" of the police was praised.'),
]


@pytest.mark.parametrize("text", [c[1] for c in MT_TRAPS], ids=[c[0] for c in MT_TRAPS])
def test_machine_translated_traps(text):
    assert [m.text for m in found(text) if not m.code] == []


# ------------------------------------------------------------------------------------------ codes

CODES = [
    ("middot-quoted-series", 'Police cracked the "3·15" series of cases in Hebei.', "3·15", "XXXX-03-15"),
    ("middot-quoted-project", "Officers closed the “7·21” project last week.", "7·21", "XXXX-07-21"),
    ("middot-bare", "The team finished the 10·12 case in June.", "10·12", "XXXX-10-12"),
    ("leading-zero", "the “4·09” project in Jilin", "4·09", "XXXX-04-09"),
    ("bullet", "The 11•28 drug trafficking case involved 40 people.", "11•28", "XXXX-11-28"),
    ("katakana-dot", "Investigators closed the 7・21 project.", "7・21", "XXXX-07-21"),
    ("hyphenation-point", "Investigators in Jiangsu handled the 6‧18 case.", "6‧18", "XXXX-06-18"),
    ("spaced-middot", 'the "5 · 20" series of cases', "5 · 20", "XXXX-05-20"),
    ("dot-quoted-single", "Police broke up the Fuzhou '10.08' fraud gang.", "10.08", "XXXX-10-08"),
    ("dot-quoted-double", 'The "9.16" case was reopened.', "9.16", "XXXX-09-16"),
    ("dot-cue", "The Changsha 5.13 special case was cracked.", "5.13", "XXXX-05-13"),
    ("dot-cue-gap", "Police solved the 8.21 telecom fraud case.", "8.21", "XXXX-08-21"),
    (
        "fullwidth-dot-cue",
        "Prosecutors indicted members of the 12．25 series of cases.",
        "12．25",
        "XXXX-12-25",
    ),
    ("three-parts", 'The "1995.11.08" case was reviewed.', "1995.11.08", "1995-11-08"),
    ("three-parts-middot", "the 2016·3·02 case", "2016·3·02", "2016-03-02"),
    ("not-a-day", "Police solved the 2.30 case in Anhui.", "2.30", None),
    ("not-a-month", "the “13·05” project", "13·05", None),
]


@pytest.mark.parametrize("text, code, date", [c[1:] for c in CODES], ids=[c[0] for c in CODES])
def test_codes(text, code, date):
    (m,) = found(text)
    assert (m.text, m.name, m.code, m.implied_date) == (code, " ".join(code.split()), True, date)


TASK_FORCES = [
    ("capitalised", "The 518 Task Force arrested 12 people.", "518 Task Force", "XXXX-05-18"),
    ("quoted", "“829 Task Force” smashes a fraud ring", "829 Task Force", "XXXX-08-29"),
    (
        "special-lowercase",
        "the 1018 special task force seized 3 guns",
        "1018 special task force",
        "XXXX-10-18",
    ),
    ("invalid-date", "Later the 999 Task Force left.", "999 Task Force", None),
]


@pytest.mark.parametrize("text, span, date", [c[1:] for c in TASK_FORCES], ids=[c[0] for c in TASK_FORCES])
def test_task_forces(text, span, date):
    (m,) = found(text)
    assert (m.text, m.code, m.implied_date) == (span, True, date)


@pytest.mark.parametrize(
    "code, task_force, expected",
    [
        ("5·13", False, "XXXX-05-13"),
        ("4·06", False, "XXXX-04-06"),
        ("2.29", False, "XXXX-02-29"),
        ("2.30", False, None),
        ("0·10", False, None),
        ("1992.12.18", False, "1992-12-18"),
        ("2019.02.29", False, None),
        ("728", True, "XXXX-07-28"),
        ("1231", True, "XXXX-12-31"),
        ("2021", True, None),
        ("123·4", False, None),
    ],
)
def test_implied_date(code, task_force, expected):
    assert implied_date(code, task_force) == expected


# ------------------------------------------------------------------------------------------ traps

TRAPS = [
    ("bare-decimal", "The number of cases was 4.26 compared with last year."),
    ("times", "Seizures rose 3.18 times."),
    ("percent-sign", "Arrests rose by 12.6% year on year."),
    ("percent-word", "Arrests rose by 12.6 percent and 3.05 percentage points."),
    ("decimal-cases-rate", "Statistics show that 5.6 cases per 10,000 people were filed."),
    ("decimal-million-cases", "They handled the 1.2 million cases filed."),
    ("decimal-of-cases", "an average of 2.5 cases per day"),
    ("time-of-day", "The meeting began at 10.30 on Monday."),
    ("dot-date", "Updated: 2021.07.16 10:55"),
    ("battle-label", "From the “tough battle” against gangs, 26 groups were destroyed."),
    ("battle-label-2", "the “decisive war” of high-incidence cases"),
    ("annihilation", "a “battle of annihilation” of fraud rings"),
    ("people-war", "a “people's war” on drugs"),
    ("slogan-list", 'the three fronts of "striking, preventing and governing"'),
    ("platform", "relying on 120 “village express police” platforms"),
    ("app-called", "He downloaded an app called “Treasure Hunt” and lost money."),
    ("app-after", 'Users reported it through the "Clean Net" app.'),
    ("system-after", 'The "Sky Net" system covers every street.'),
    ("app-no-head", "He installed the “Golden Dragon Card Game” on his phone."),
    ("abstract-term", 'Courts stressed "fairness and efficiency" this year.'),
    ("abstract-term-2", 'They received "party or administrative sanctions".'),
    ("report-title", 'The "2022 National Fraud Situation Report" was published.'),
    ("law-title", 'The "Anti-Telecom and Online Fraud Law" took effect.'),
    ("plan-title", 'They issued the "Implementation Plan for the Special Action".'),
    ("action-plan-cue", 'the "Internet Plus" action plan'),
    ("lowercase-cue", 'a "zero-tolerance" campaign'),
    ("quoted-sentence", "“We will push the Special Action to the end, and win,” he said."),
    ("organisation", "The Ministry of Public Security and the Office of the Leading Group met."),
    ("news-source", "According to Jiangsu Police Net, the Legal Daily reported."),
    ("title-line", "Police Launch Summer Action Across Province\n\nIt began in June."),
    ("generic-caps", "The Special Action was launched. The Joint Operation ended."),
    ("action-plan-caps", "The National Action Plan was released."),
    ("safety-net", "The Social Safety Net was expanded."),
    ("place-before-cue", "The Hubei Jingmen operation was praised."),
    ("agency-before-cue", "The Public Security campaign was praised."),
    ("task-forces-count", "Police set up 300 task forces."),
    ("task-force-members", "Some 360 task force officers joined."),
    ("lowercase-operation", "Since the operation was launched, 17,000 cases were cracked."),
    ("law-with-year", "The 2018 Criminal Procedure Law was revised."),
]


@pytest.mark.parametrize("text", [c[1] for c in TRAPS], ids=[c[0] for c in TRAPS])
def test_traps(text):
    assert texts(text) == []


# ------------------------------------------------------------------------------------------ aliases

ALIASES = [
    (
        "hereinafter-long-name",
        'The procuratorate began the "Hundred Days of Cleaning up Abuse of Power by Judicial Officers in '
        'Prisons" (hereinafter referred to as the "100-day Cleaning of Operations"). During the "Hundred-Day '
        'Cleaning Action", 90 cases were filed. The “Hundred Days Cleaning Operation” ended in May.',
        [
            ("Hundred Days of Cleaning up Abuse of Power by Judicial Officers in Prisons", None),
            ("100-day Cleaning of Operations", 0),
            ("Hundred-Day Cleaning Action", 0),
            ("Hundred Days Cleaning Operation", 0),
        ],
    ),
    (
        "hereinafter-nested-quote",
        "The SPP began the \"Hundred Days of Cleaning the 'Hidden Rules' in Prisons\" "
        '(hereinafter referred to as the "Cleaning Action"). The Cleaning Action ended.',
        [
            ("Hundred Days of Cleaning the 'Hidden Rules' in Prisons", None),
            ("Cleaning Action", 0),
            ("Cleaning Action", 0),
        ],
    ),
    (
        "hereinafter-after-head-noun",
        'Since the "Shield 2024" special action (hereinafter referred to as the "Shield Action") began, police '
        "filed 300 cases. The Shield Action ends in May.",
        [("Shield 2024", None), ("Shield Action", 0), ("Shield Action", 0)],
    ),
    (
        "hereafter-the",
        'The second "Hundred Days Action" (hereafter "the Action") ended.',
        [("Hundred Days Action", None), ("Action", 0)],
    ),
    (
        "reworded",
        'The "Hundred Day Action" began in June. By August the "100 day operation" had cracked 5,000 cases.',
        [("Hundred Day Action", None), ("100 day operation", 0)],
    ),
    (
        "exact-repeats",
        'the "Summer Storm Campaign" ... the "Summer Storm Campaign" ... Summer Storm Campaign',
        [("Summer Storm Campaign", None), ("Summer Storm Campaign", 0), ("Summer Storm Campaign", 0)],
    ),
    (
        "different-years",
        'the "Iron Wall 2017" campaign; the "Iron Wall 2018" campaign',
        [("Iron Wall 2017", None), ("Iron Wall 2018", None)],
    ),
    (
        "year-vs-no-year",
        "This year's Fox Hunt is part of Sky Net. The Sky Net 2021 campaign began; Fox Hunt 2021 ended.",
        [("Fox Hunt", None), ("Sky Net", None), ("Sky Net 2021", None), ("Fox Hunt 2021", None)],
    ),
    (
        "same-year-repeat",
        "Sky Net 2021 began in March. Sky Net 2021 ended in December.",
        [("Sky Net 2021", None), ("Sky Net 2021", 0)],
    ),
    (
        "codes-repeat",
        'the "6·18" case and the 4·06 project; later the 6·18 case',
        [("6·18", None), ("4·06", None), ("6·18", 0)],
    ),
    (
        "head-added",
        "The Sky Net campaign and the wider Sky Net Operation",
        [("Sky Net", None), ("Sky Net Operation", 0)],
    ),
    (
        "unquoted-repeat-of-quoted",
        'The "Spring Breeze" special action began. Spring Breeze ended in May.',
        [("Spring Breeze", None), ("Spring Breeze", 0)],
    ),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in ALIASES], ids=[c[0] for c in ALIASES])
def test_aliases(text, expected):
    assert [(m.text, m.canonical) for m in found(text)] == expected


def test_canonical_points_to_a_first_mention():
    text = 'The "Hundred-Day Action" began. The "100-day operation" went on. The Hundred Day Action ended.'
    matches = found(text)
    assert [m.canonical for m in matches] == [None, 0, 0]
    assert all(matches[m.canonical].canonical is None for m in matches if m.canonical is not None)


# ------------------------------------------------------------------------------------------ API and rule data


def test_find_operations_defaults_to_the_bundled_rules():
    text = 'the "5·13" series of cases and the "Fox Hunt 2021" operation'
    assert find_operations(text) == FINDER.find(text)
    assert find_operations(text, ROWS) == FINDER.find(text)


def test_matches_carry_their_rule_id():
    ids = {row.id for row in ROWS}
    text = (
        'The "Hundred Days of Cleaning up Prisons" (hereinafter the "Cleaning Action") began. '
        'The "Sky Net 2022" campaign, the "Spring Breeze" action, Operation Thunder, '
        'the Spring Wind campaign, a campaign dubbed "Iron Fist", Kunlun 2023, the 5·13 case, '
        'the "9.06" case and the 728 Task Force.'
    )
    matches = found(text)
    assert len(matches) == 11
    assert {m.pattern_id for m in matches} <= ids


def test_rules_are_data():
    text = "Police returned 300 suspects in Fox Hunt last year."
    without_hunt = [r for r in ROWS if not (r.label == "OPERATION_HEAD" and r.pattern == "Hunt")]
    assert OperationFinder(without_hunt).find(text) == []
    assert OperationFinder([]).find('the "Sky Net" campaign') == []


def test_rule_file_loads_with_unique_ids():
    ids = [row.id for row in ROWS]
    assert ids and len(ids) == len(set(ids))
    assert all(row.label.startswith("OPERATION_") for row in ROWS)


def test_rule_attrs_are_well_formed():
    scopes = {"phrase", "name", "before", "after", "run", "run_cue", "run_name", "run_next", "cue_after"}
    scopes |= {"lower", "lower_cue"}
    for row in ROWS:
        if row.label == "OPERATION_HEAD":
            assert isinstance(row.pattern, str) and row.pattern[0].isupper() and "key" in row.attrs, row.id
        elif row.label == "OPERATION_CUE" and not row.regex:
            assert set(row.attrs["after"]) <= {"quoted", "code", "run"}, row.id
        elif row.label == "OPERATION_CODE":
            assert row.regex and "code" in re.compile(row.pattern).groupindex, row.id
        elif row.label == "OPERATION_NOT":
            assert row.attrs.get("scope") in scopes, row.id
            assert row.regex == (row.attrs["scope"] != "phrase"), row.id


def test_a_cue_rule_is_skipped_only_in_texts_without_what_it_requires():
    # `requires` is an optimisation: a finder without it finds the same names
    stripped = [{k: v for k, v in r.attrs.items() if k != "requires"} for r in ROWS]
    ungated = OperationFinder([r.model_copy(update={"attrs": attrs}) for r, attrs in zip(ROWS, stripped, strict=True)])
    assert any(r.attrs.get("requires") for r in ROWS)
    samples = sorted((patterns_dir().parent / "samples").glob("*.txt"))
    cases = [c[1] for c in QUOTED + UNQUOTED + MT_NAMES + MT_TRAPS + CODES + TASK_FORCES + TRAPS + ALIASES]
    cases += [p.read_text(encoding="utf-8") for p in samples] + [
        "Police ran a campaign known as Clean Sweep, a project titled Safe Homes and an action code named Falcon.",
        'The nationwide special campaign "Net Guard" and the joint operation "Sword 2024" closed 41 cases.',
    ]
    for text in cases:
        assert FINDER.find(text) == ungated.find(text), text


def test_every_mention_of_a_named_operation_counts_whatever_follows_it():
    text = (
        'Police opened the "Iron Gate" special action in March. They refined the "Iron Gate" work mechanism and '
        'built the "Iron Gate" brand of policing.'
    )
    assert texts(text) == ["Iron Gate", "Iron Gate", "Iron Gate"]
