"""Parts and shares whose whole the wording names: a definite noun after a partitive, a list after 'of which',
a sentence lead ('Of the 3,000 cases heard, 40% ...'), the noun after 'of the total number of'. New sentences in
the genre's style; each row is a phrasing family."""

import pytest
from conftest import by_text

from extractor.checks import audit


def parts(record):
    return [(record.fact(x.part).text, record.fact(x.whole).text) for x in record.relations if x.type == "part_of"]


# (text, [(part, whole)]): the part_of links expected, in order
PARTS = [
    (
        # a count of kinds ('the other two forms') is no item of the shares after it, nor a part
        "Inspectors handled 2.35 million officials. Among them, 1.62 million officials, or 68.9 percent, were "
        "warned. Officials subject to the other two forms, namely demotion and dismissal, accounted for 3.5 "
        "percent and 3.3 percent of the total, respectively.",
        [("1.62 million", "2.35 million")],
    ),
    (
        # an 'include' list ends at a count with a partitive of its own, whose list goes on with bare items
        "The 180 cases include 12 robberies, 75 frauds and 93 other cases, and 52 of the 240 suspects are in "
        "criminal detention, 31 are on bail and 8 are under residential surveillance.",
        [("12", "180"), ("75", "180"), ("93", "180"), ("52", "240"), ("31", "240"), ("8", "240")],
    ),
    (
        # 'from A to B': the set a later 'of them' refers to is the new level, B
        "The office cut its review targets from 48 to 30 this year. By October, 26 of them had been met.",
        [("26", "30")],
    ),
    ("Procuratorates merged their case centres from 75 into 52. Of them, 40 now open at weekends.", [("40", "52")]),
    (
        # a lead naming its noun before a participle and a year: the count of that noun, across a heading line
        "In 2019, 64 cases of price fixing were registered.\n\n  Second, enforcement turned to utilities.\n\n"
        "Among the cases investigated in 2019, 23 were in the gas sector, 11 were in the power sector, and 5 were "
        "in the water sector.",
        [("23", "64"), ("11", "64"), ("5", "64")],
    ),
    (
        "The bureau accepted 430 complaints about hotels last year. Among the complaints handled, 120 concerned "
        "prices and 95 concerned refunds.",
        [("120", "430"), ("95", "430")],
    ),
    (
        # a definite noun after 'of the' refers back, here a paragraph back, to the count of its class
        "As of June, inspection agencies had investigated about 41,600 cases involving banquets.\n\n"
        "Thirty-one of the cases involved officials at department level.",
        [("Thirty-one", "41,600")],
    ),
    (
        # 'of the officials' names another class than the cases: no link to the case count
        "Prosecutors handled 2,450 cases last year, and 212 of the officials were expelled.",
        [],
    ),
    (
        "The commission investigated 300 cadres in 2019. Twelve of those cadres were expelled from the party.",
        [("Twelve", "300")],
    ),
    # a running total: the count before the cue is a part of the one after its 'to'
    (
        "About 17,000 officials were punished in March, bringing the total number of those punished this year to "
        "over 52,000.",
        [("17,000", "52,000")],
    ),
    ("Police caught 27 fugitives in May, bringing the number caught this year to 310.", [("27", "310")]),
    # a lead left alone on its line, or before a colon and a line break: the list follows
    (
        "Customs handled 2,940 cases.\n\nAmong them,\n\n405 cases involved drugs, and 311 cases involved guns.",
        [("405", "2,940"), ("311", "2,940")],
    ),
    ("Customs handled 2,940 cases. Among them:\n405 cases involved drugs and 311 involved guns.",
     [("405", "2,940"), ("311", "2,940")]),
    # an item with no noun counts what the item before it counts, and goes to that class's whole
    (
        "The commission filed 98,000 cases and punished 87,000 people. Among them, one official was at provincial "
        "level, and 530 were at bureau level.",
        [("one", "87,000"), ("530", "87,000")],
    ),
    # 'with N people in M cases': the cases go to the count of cases before the cue
    (
        "Police handled 642 fraud cases and charged 1,310 people, with 1,020 people in 488 cases prosecuted.",
        [("1,020", "1,310"), ("488", "642")],
    ),
    # a set of reference ('the list of 100 most-wanted') is a whole of its part and no item of the list
    (
        "Police caught 960 fugitives last year. Of them, 305 returned on their own and 38 are on the list of 100 "
        "most-wanted.",
        [("305", "960"), ("38", "960"), ("38", "100")],
    ),
    ("Police caught 960 fugitives, including 27 of China's 100 most-wanted.", [("27", "960"), ("27", "100")]),
    ("Police caught 960 fugitives. Of them, 305 returned and 38 are on the 100 most-wanted list.",
     [("305", "960"), ("38", "960"), ("38", "100")]),
    # a lead reads back to this year's count, past the year before's stated for comparison
    (
        "Inspectors punished 206,000 people this year. In the same months of last year, about 190,000 people were "
        "punished.\n\nAmong those punished, some 1,340 officials were at the county level or above.",
        [("1,340", "206,000")],
    ),
    # 'one' is a count as an item of a list of counts
    (
        "Inspectors punished 93,000 people. Among them, one was at provincial level, 41 were at bureau level and "
        "620 at county level.",
        [("one", "93,000"), ("41", "93,000"), ("620", "93,000")],
    ),
    ("Prosecutors indicted 275 officials, including one at ministerial level and nine at bureau level.",
     [("one", "275"), ("nine", "275")]),
    ("Police caught 44 fugitives, 31 of them on the red notice list and one on the wanted list.",
     [("31", "44"), ("one", "44")]),
    # a ranking's counts are parts of the total its paragraph (or the one before) opened with
    (
        "Courts convicted 1.42 million defendants in 2021.\n\nBy crime, dangerous driving ranked first with 351,000 "
        "defendants, followed by theft with 197,000 and fraud with 88,000.",
        [("351,000", "1.42 million"), ("197,000", "1.42 million"), ("88,000", "1.42 million")],
    ),
    (
        "Prosecutors indicted 870,000 people in the first half.\n\nThe leading charges were: 166,000 people for "
        "theft, 92,000 for fraud and 71,000 for picking quarrels.",
        [("166,000", "870,000"), ("92,000", "870,000"), ("71,000", "870,000")],
    ),
    (
        # the ranking's subject counts categories: its counts are parts of the people, not of the categories
        "Courts tried 2,640 people under the nine crimes added in 2021.\n\nThe most common crimes included 1,580 "
        "for obstructing police and 410 for high-altitude throwing.",
        [("1,580", "2,640"), ("410", "2,640")],
    ),
    (
        "Prosecutors charged 1.93 million people last year.\n\nThe three crimes with the highest number of "
        "defendants were: 402,000 people for drunk driving, 188,000 people for theft and 97,000 people for fraud.",
        [("402,000", "1.93 million"), ("188,000", "1.93 million"), ("97,000", "1.93 million")],
    ),
    (
        # an 'included' subject naming categories: the parts ('N for ...' are people) go to the people total
        "Courts tried 6,310 people under the 17 offences added last year.\n\nThe main offences included 4,020 for "
        "assaulting officers and 690 for usury.",
        [("4,020", "6,310"), ("690", "6,310")],
    ),
    # a ranking of one figure, or one with a whole of its own, is left to the other rules
    ("Police solved 64,000 cases. Guangdong ranked first with 9,100 cases.", []),
    (
        # 'Of the total,' names no unit: the list's parts count what the whole counts
        "Discipline bodies punished 52,000 people last year.\n\nOf the total, 17 were officials at the provincial "
        "level, and 640 at the prefecture level.",
        [("17", "52,000"), ("640", "52,000")],
    ),
    (
        # the list after 'of which' goes on in its clause
        "The bureau handled 3,120 cases, of which 1,200 were fraud cases and 860 were theft cases.",
        [("1,200", "3,120"), ("860", "3,120")],
    ),
    (
        "Procuratorates received 52,000 reports, of which 31,000 were tip-offs, 12,000 were complaints and 4,200 "
        "involved 6,100 people.",
        [("31,000", "52,000"), ("12,000", "52,000"), ("4,200", "52,000")],
    ),
    (
        # 'in which' is how machine translation renders 其中
        "The police captured fugitives 512, in which murder fugitives 9, robbery fugitives 41 and 130 fugitives "
        "involved in gang cases.",
        [("9", "512"), ("41", "512"), ("130", "512")],
    ),
    (
        # the 'including' list ends where a new verb opens a clause
        "The bureau investigated 86 senior officials, including Wang Min and Li Jun, and prosecuted 71 such officials.",
        [],
    ),
    (
        "Customs filed 1,260 smuggling cases, including 310 drug cases and 95 arms cases, and seized 14 tons of goods.",
        [("310", "1,260"), ("95", "1,260")],
    ),
    (
        # 'such' stands between the figure and its noun; 'of the total' names the release's total of cases
        "Border police cracked 412 drug smuggling cases last year.\n\nHe said police came across about 90 such "
        "cases, accounting for more than 20 percent of the total.",
        [("90", "412")],
    ),
    (
        # an 'including' list goes on past ';' while the segment is more items (a figure first, no verb)
        "Agencies punished 402,000 people, including 311,000 given party sanctions and 95,000 given government "
        "sanctions; 61 provincial-level cadres and 2,870 bureau-level cadres.",
        [("311,000", "402,000"), ("95,000", "402,000"), ("61", "402,000"), ("2,870", "402,000")],
    ),
    (
        # a segment after ';' with its own verb is a new clause
        "Police filed 3,200 cases, including 410 fraud cases; 2,100 suspects were arrested.",
        [("410", "3,200")],
    ),
    (
        # 'with' then an approximation or 'a total of' before the first part
        "Prosecutors handled 8,200 people suspected of smuggling, with a total of 6,400 prosecuted and about 310 "
        "not prosecuted.",
        [("6,400", "8,200"), ("310", "8,200")],
    ),
    (
        # 'with' and no figure before it in the sentence: an attribute, not a part
        "Dangerous driving is still the most prosecuted crime, with a total of 173,500 people prosecuted.",
        [],
    ),
    (
        # a lead with a figure right after it names the whole ...
        "Of the total 3,000 cases heard, 1,200 involved fraud.",
        [("1,200", "3,000")],
    ),
    (
        # ... but a name between 'of' and a figure is no partitive lead (a garbled dateline)
        "of Jiangsu Provincial Public Security Department 18 held a press conference, and arrested fugitives were 512.",
        [],
    ),
    (
        # the subject of 'included' names the whole by its verb, however far back
        "Police arrested 8,300 suspects in the campaign.\n\nThe operation also cracked 460 gangs. Those arrested "
        "included 310 gang leaders and 95 fugitives.",
        [("310", "8,300"), ("95", "8,300")],
    ),
    (
        # ... its verb standing after a list set off by commas, past a later count of something else
        "Some 52,600 cadres, including 41 at bureau level, were disciplined last year. Inspectors also opened "
        "61,000 cases. Those disciplined also included 880 at county level and 6,100 at township level.",
        [("41", "52,600"), ("880", "52,600"), ("6,100", "52,600")],
    ),
    (
        # ... or by its noun
        "Courts concluded 12,400 environmental cases last year.\n\nJudges also heard 3,100 appeals. The cases "
        "concluded included 2,800 involving water pollution.",
        [("2,800", "12,400")],
    ),
    (
        # 'Of those,' with no participle counts what its whole counts, not people
        "Some 1,210,000 criminal verdicts were issued in 2021. Of those, 511 were not guilty judgments.",
        [("511", "1,210,000")],
    ),
    (
        # 'Of that number' refers back like 'Among them'
        "A total of 98,400 suspects were arrested in 2021. Of that number, 21,030 were repeat offenders.",
        [("21,030", "98,400")],
    ),
    (
        # a breakdown by charge with no partitive word is not a stated part (GOLD_FORMAT: the text must say so)
        "In 2022, procuratorates prosecuted 1,690,000 people. By type of crime, 362,000 people were prosecuted for "
        "dangerous driving, 208,000 for theft and 116,000 for fraud.",
        [],
    ),
    (
        # an age after 'under' is no item of the list 'of whom' opens
        "Courts tried 52,900 defendants in 2021, of whom 9,870 were under 16.",
        [("9,870", "52,900")],
    ),
    (
        # the figure an 'including' list hangs on, though translation names the parts otherwise
        "Agencies filed 512,000 cases, including 64 cadres at the central level and 2,980 at bureau level.",
        [("64", "512,000"), ("2,980", "512,000")],
    ),
    (
        # an 'including' list inside an 'Among them' sentence belongs to the figure before it
        "The province punished 2,870 officials.\n\nAmong them, 392 officials, including 15 at the prefecture "
        "level and 104 at the county level, were found responsible for vote buying.",
        [("392", "2,870"), ("15", "392"), ("104", "392")],
    ),
    (
        # 'among the 12 places' mid-sentence is no partitive of the officials
        "Inspectors in Gansu punished 1,930 officials, the most among the 12 places inspected.",
        [],
    ),
    (
        # 'Among the penalized' reads back to the count of people punished (a verb of the same act)
        "Agencies punished about 3,100 officials last year. Another 140 were handed to prosecutors.\nAmong the "
        "penalized, 81 people were at the bureau level.",
        [("81", "3,100")],
    ),
    # 'Of the total' is the count the text presented as a total, not the nearest count before it
    (
        "A total of 6,230 cadres were punished in 2022. The cases came from 23 counties. Of the total, 1,140 held "
        "village posts.",
        [("1,140", "6,230")],
    ),
    # a bracket opened right after a count holds its parts, whatever the nearest count of the part's unit
    (
        "The organs handled 615,000 clues, filed 240,000 cases, and sanctioned 198,000 (of which 163,000 received "
        "party penalties).",
        [("163,000", "198,000")],
    ),
    # 'Among the total number of <noun>': the total of that class, across a paragraph without figures
    (
        "A total of 4,410 people in 3,050 cases were investigated for graft.\n\nThe rise reflects a tougher "
        "stance.\n\nAmong the total number of officials investigated, 37 held posts at the provincial level.",
        [("37", "4,410")],
    ),
    # 'composed of', 'consisting of': a breakdown, as 'including'
    (
        "The bureau handled 4,870 drug cases in 2022, composed of 1,960 trafficking cases, 1,740 possession cases, "
        "and 1,170 cultivation cases.",
        [("1,960", "4,870"), ("1,740", "4,870"), ("1,170", "4,870")],
    ),
    ("Inspectors checked 9,300 cases, consisting of 5,100 fraud cases and 4,200 theft cases.", [
        ("5,100", "9,300"),
        ("4,200", "9,300"),
    ]),
    # 'Specifically,', 'To be specific,', 'Broken down,' open a breakdown of the count before, as 'Among them,'
    (
        "Prosecutors charged 7,340 people with drug crimes in 2021. Specifically, there were 5,210 traffickers and "
        "1,480 people who sheltered drug users.",
        [("5,210", "7,340"), ("1,480", "7,340")],
    ),
    (
        "The city's police closed 2,650 theft cases last year. To be specific, 1,310 were burglaries and 870 were "
        "pickpocketing cases.",
        [("1,310", "2,650"), ("870", "2,650")],
    ),
    ("Courts heard 11,400 disputes. Broken down, 6,020 were labour disputes and 3,300 were loan disputes.", [
        ("6,020", "11,400"),
        ("3,300", "11,400"),
    ]),
    # 'Specifically' inside a sentence is an adverb, no breakdown
    ("Police arrested 420 suspects and seized 95 guns specifically made for hunting.", []),
    # 'Amongst' is 'among'
    (
        "In 2021, the court accepted 1,630 new civil cases. Amongst these cases, there were 1,020 contract disputes, "
        "42 labour cases and 568 other cases.",
        [("1,020", "1,630"), ("42", "1,630"), ("568", "1,630")],
    ),
    # a part with no noun whose verb is about people is one of the people counted before
    (
        "Prosecutors looked into 26,500 cases of illegal detention, involving 30,120 police officers. Of them, "
        "11,840 were found guilty.",
        [("11,840", "30,120")],
    ),
    # last year's count and the difference are no wholes of this year's parts
    (
        "In 2018, the court accepted 2,040 new cases, an increase of 620 cases or 43.7% compared with 1,420 cases in "
        "the last year. Amongst these cases, there were 1,310 admiralty cases and 12 administrative cases.",
        [("1,310", "2,040"), ("12", "2,040")],
    ),
    # 'Among the total there were ...': the counts after the verb are parts, each of the total of its class
    (
        "Customs investigated 18,240 smuggling cases, involving 24,610 people. Among the total there were 8,130 "
        "major smuggling cases, 1,540 tax evasion cases, and 1,270 officials, including 88 at the county level.",
        [("8,130", "18,240"), ("1,540", "18,240"), ("1,270", "24,610"), ("88", "1,270")],
    ),
    # 'out of': the count before it (its noun between) is part of the count after it
    ("Police detained 52 suspects; 17 out of the 52 suspects were minors.", [("17", "52")]),
    (
        "He said the 31 cases - out of last year's total 4,870 smuggling cases -- involved 2.3 billion yuan.",
        [("31", "4,870")],
    ),
    # of two totals of the class, the one whose own words share the cue's ('for corruption')
    (
        "A total of 9,120 people in 6,800 cases were investigated for embezzlement or corruption, and 2,430 people "
        "were investigated in 1,960 cases of dereliction of duty. Among the total number of officials being "
        "investigated for corruption in the first half, 48 were at prefectural level.",
        [("48", "9,120")],
    ),
    # a participle after 'of the' names the act its whole counted
    (
        "Inspectors punished 2,870 officials and closed 640 cases. In all, 410 of the punished were expelled.",
        [("410", "2,870")],
    ),
    # a count whose noun phrase ends at a colon is the whole of the list after it
    (
        "Inspectors punished 18,400 officials: 12 at provincial level, 610 at bureau level and 17,778 at county "
        "level or lower.",
        [("12", "18,400"), ("610", "18,400"), ("17,778", "18,400")],
    ),
    ("Persons prosecuted: 11,430, persons arrested: 9,200.", []),  # table labels, no breakdown
    # an 'including' list in words ends at its comma: the count after ', and' is the whole's sibling
    (
        "Courts heard 910 cases of financial fraud, including embezzlement, forgery and extortion, and 2,450 "
        "cases of smuggling last year.",
        [],
    ),
    # 'of which' people 'in N cases': the counts of the whole's class are the parts, not the people
    (
        "Courts concluded 21,400 civil cases in 2022, in which 510 people were ordered to pay in 318 cases, while "
        "260 people were ordered to pay in 97 cases of fraud.",
        [("318", "21,400"), ("97", "21,400")],
    ),
    # what is left ('pending', 'outstanding') is no part of what was done
    ("The tribunal resolved 4,380 cases, with 760 cases outstanding.", []),
    ("The tribunal resolved 4,380 cases, with 760 cases mediated.", [("760", "4,380")]),
    # 'pending' is the next item's word, not the first's
    ("The tribunal resolved 4,380 cases, with 85 mediated, 12 pending.", [("85", "4,380")]),
    # a count in an aside between the subject and its verb 'include' is no whole; the subject names the whole
    (
        "Police caught 712 fugitives abroad. The fugitives, hiding in 51 countries and regions, include 263 who "
        "surrendered.",
        [("263", "712")],
    ),
    ("The suspects, from 19 provinces, included 402 women.", []),
    # a bracket hung on a noun holds parts of the count that noun phrase gives after it
    (
        "Trademark cases rose to 37,950; unfair competition cases (including 126 antitrust cases) rose to 2,610.",
        [("126", "2,610")],
    ),
    (
        "Other rises came in copyright (138,020/57.8%) and competition cases (including monopoly cases of 97) "
        "(2,480/11.2%).",
        [("97", "2,480")],
    ),
    (
        "Drug cases (including 61 trafficking cases and 14 manufacturing cases) numbered 1,318, up 8.1%.",
        [("61", "1,318"), ("14", "1,318")],
    ),
    # a bracket hung on a count's own noun is that count's list, and it ends at the bracket
    ("Police handled 5,200 cases (including 310 fraud cases) and 2,090 persons.", [("310", "5,200")]),
]


@pytest.mark.parametrize("text, expected", PARTS, ids=[p[0][:50] for p in PARTS])
def test_part_of(extract, text, expected):
    assert parts(extract(text)) == expected


# (text, [(part, whole, confidence)]): cues whose whole their words name only by an act or the next sentence
GUESSED_WHOLES = [
    # a cue naming an act narrowed by a phrase: a count of that act, never one of another act, as a guess
    (
        "About 48,000 people were charged with fraud, and 39,000 were convicted. Among those investigated in fraud "
        "cases, 22,400 officials were investigated for embezzlement, while 7,100 people were investigated for "
        "bribery.",
        [],
    ),
    (
        "Inspectors investigated 52,300 officials in 2018. About 61,000 people were charged. Among those "
        "investigated for bribery, 14,200 held township posts.",
        [("14,200", "52,300", "inferred")],
    ),
    # a count narrowed to a rank is a part of the act's set, never the whole the cue names by that act
    (
        "The agency investigated 41 officials at the ministerial level and above in five years. About 152,000 "
        "people were charged. Among those investigated in graft cases, 58,300 civil servants took bribes.",
        [],
    ),
    # a cue whose sentence holds no count says nothing of the next sentence's counts
    (
        "Courts handled 9.86 million civil cases in the first half, up 21.4 percent. Among those cases, courts "
        "gave priority to wage and housing disputes. Judges heard 512,000 wage lawsuits and 288,000 housing "
        "disputes.",
        [],
    ),
    (
        "Police arrested 6,300 suspects in the campaign. Among those suspects, Hunan province ranked first. The "
        "province solved 1,450 cases.",
        [],
    ),
    # a participle naming the act a noun counts: the persons of the investigations, as the cue binds them
    (
        "Inspectors reviewed 410,000 leads and opened 96,000 formal investigations. Of those investigated, 21 "
        "were provincial-level officials, 840 were at the bureau level, and 7,300 at the county level.",
        [("21", "96,000", "cued"), ("840", "96,000", "cued"), ("7,300", "96,000", "cued")],
    ),
]


@pytest.mark.parametrize(
    "text, units",
    [
        # 'those' says persons, the whole or the item before says which
        (
            "Discipline bodies investigated 38,000 officials in 2023. Of those investigated, 44 were at the provincial "
            "level, 1,260 were at the bureau level, and 9,800 at the county level.",
            {"44": "official", "1,260": "official", "9,800": "official"},
        ),
        (
            "Inspectors opened 96,000 investigations. Of those investigated, 21 were provincial-level officials, 840 "
            "were at the bureau level, and 7,300 at the county level.",
            {"21": "official", "840": "official", "7,300": "official"},
        ),
        ("Police caught 3,400 suspects. Among those caught, 120 were gang leaders.", {"120": "leader"}),
        # 'of the investigated' names an act, not a noun; 'another 224' counts what the item before counts
        (
            "Prosecutors investigated 28,400 officials. Of the total, 1,390 of the investigated were at county "
            "level, while another 206 were at bureau level.",
            {"1,390": "official", "206": "official"},
        ),
    ],
)
def test_parts_of_those_take_their_unit_from_the_whole_or_the_item_before(extract, text, units):
    record = extract(text)
    assert {s: by_text(record, s).unit for s in units} == units


# 'Among them' reaches over a credit line a repost puts between a total and its breakdown (a paragraph of its
# own with no numeral), never over a sentence of its own paragraph that may name the set it refers to
OVER_CREDIT = [
    (
        "Customs officers uncovered 1,930 smuggling cases in 2024, the administration said.\n\n"
        "The report was first carried by a provincial newspaper.\n\nAmong them, 215 cases involved frozen meat.",
        [("215", "1,930")],
    ),
    (
        "Customs officers uncovered 1,930 smuggling cases in 2024.\n\nOfficers gave priority to meat and oil "
        "smuggling. Among them, 215 cases involved frozen meat.",
        [],
    ),
]


@pytest.mark.parametrize("text, expected", OVER_CREDIT, ids=["credit-line", "own-paragraph-sentence"])
def test_among_them_reaches_over_a_credit_line(extract, text, expected):
    assert [(p, w) for p, w, *_ in parts(extract(text))] == expected


# A stated cue between counts of units one counts the other by (patterns/unit_classes.jsonl, UNIT_COUNTED_BY):
# the link keeps the cue's word and the audit tests it; unrelated nouns stay a guess the audit only doubts
COUNTED_BY = [
    ("Inspectors opened 61,000 cases, including 92,400 officials at the township level.", "stated", "inconsistent"),
    ("Inspectors opened 61,000 cases, including 9,240 officials at the township level.", "stated", "consistent"),
    ("Bodies punished 45,000 people, including 51,000 party disciplinary penalties.", "stated", "inconsistent"),
    ("Police seized 2,100 guns, including 7,700 fugitives.", "inferred", "doubtful"),
]


@pytest.mark.parametrize("text, confidence, status", COUNTED_BY, ids=[c[0][:50] for c in COUNTED_BY])
def test_a_stated_part_counted_by_its_whole_is_tested(extract, text, confidence, status):
    record = extract(text)
    (rel,) = [r for r in record.relations if r.type == "part_of"]
    assert rel.confidence == confidence
    assert [f.status for f in audit(record) if f.check == "parts_and_wholes"] == [status]


# a cue describing a set of another class than the count before ('Among the ... cases handled' after a count of
# people) leaves the link a guess, so a larger part is doubtful; 'Among these cases' points back to the count
DESCRIBED_WHOLES = [
    (
        "Customs decided to hold 12,800 people in May.\n\nAmong the inspected and held cases handled, 19,300 persons "
        "were bailed.",
        "inferred",
        "doubtful",
    ),
    (
        "Prosecutors charged 9,410 individuals in gang cases. Among these cases, 2,105 individuals were linked to "
        "mafia-like groups.",
        "cued",
        "consistent",
    ),
]


@pytest.mark.parametrize("text, confidence, status", DESCRIBED_WHOLES, ids=["described", "pointed"])
def test_a_cue_describing_another_class_is_a_guess(extract, text, confidence, status):
    record = extract(text)
    (rel,) = [r for r in record.relations if r.type == "part_of"]
    assert rel.confidence == confidence
    assert [f.status for f in audit(record) if f.check == "parts_and_wholes"] == [status]


@pytest.mark.parametrize("text, expected", GUESSED_WHOLES, ids=[p[0][:50] for p in GUESSED_WHOLES])
def test_guessed_wholes(extract, text, expected):
    record = extract(text)
    got = [
        (record.fact(x.part).text, record.fact(x.whole).text, x.confidence)
        for x in record.relations
        if x.type == "part_of"
    ]
    assert got == expected


# (text, share, its whole or None)
SHARE_WHOLES = [
    # a part with no noun is one of the set the count before it gives: 'the total' counts that count's class
    (
        "Customs cracked 412 smuggling cases last year, and 96 involved couriers, accounting for 23.3% of the total.",
        "23.3%",
        "412",
    ),
    (
        "Customs cracked 412 smuggling cases and held 530 suspects. 96 were minors, making up 18.1% of the total.",
        "18.1%",
        "530",
    ),
    # a total named by its act, over a count whose noun the text leaves out ('sanctioned 248,000 (of which ...)')
    (
        "Inspectors sanctioned 248,000 (of which 203,000 were punished by party discipline). In rural areas "
        "161,000 persons were punished, accounting for 64.9% of the total number of punished persons.",
        "64.9%",
        "248,000",
    ),
    # a whole named by its act and its agent: the count that agent's words give, none when no count names it
    (
        "The provincial court closed 12,480 cases last year, and local courts closed 1.46 million cases. Commercial "
        "cases accounted for 3.4% of the cases closed by the provincial court.",
        "3.4%",
        "12,480",
    ),
    (
        "Local courts closed 1.46 million cases, and 12,480 cases were closed by the provincial court. Retrials made "
        "up 2.1% of the cases closed by local courts.",
        "2.1%",
        "1.46 million",
    ),
    (
        "Courts nationwide concluded 8.7 million cases. The circuit tribunals closed 5,300 cases, taking up 71 "
        "percent of cases closed by the high court.",
        "71 percent",
        None,
    ),
    (
        "The agency received 42,000 reports in the first half, and 12,500 officials were punished. Reports about "
        "village officials numbered 9,800, 23.3 percent of the total number of reports.",
        "23.3 percent",
        "42,000",
    ),
    (
        "Police solved 8,420 cases and arrested 9,100 suspects. Gang suspects numbered 1,100, or 12.1% of the "
        "national total.",
        "12.1%",
        "9,100",
    ),
    (
        "In 2021, police solved 8,420 fraud cases. The 2,100 online fraud cases made up 24.9% of the fraud cases "
        "solved.",
        "24.9%",
        "8,420",
    ),
    ("Of the 3,000 cases heard, 40% involved fraud and 12% involved theft.", "40%", "3,000"),
    ("Of the 3,000 cases heard, 40% involved fraud and 12% involved theft.", "12%", "3,000"),
    (
        "Shanghai courts concluded over 41,000 cybercrime cases between 2019 and 2023.\nAmong the concluded "
        "cybercrime cases, telecom fraud accounted for 61.2% of the total.",
        "61.2%",
        "41,000",
    ),
    ("Police arrested 9,100 suspects in 2022. Among them, 22% were repeat offenders.", "22%", "9,100"),
    (
        # 'of the total' after a part of a stated whole is that whole, not the release's first total
        "Agencies received 2.91 million reports.\n\nThey dealt with 1.402 million people in four ways. Among them, "
        "912,000 people were given warnings, accounting for 65.0% of the total.",
        "65.0%",
        "1.402 million",
    ),
    (
        # with no part figure, the noun after 'of the total number of' names the total, not the clause's nouns
        "Agencies dealt with 4,120 problems in May. They criticised 11,300 people. Among them, problems of township "
        "cadres accounted for 92.6% of the total number of problems handled.",
        "92.6%",
        "4,120",
    ),
    # a lead that refers back with a pronoun, or names the act its whole counted
    ("The courts accepted 6,200 petitions last year. Of those, 27.4% were settled by mediation.", "27.4%", "6,200"),
    (
        "Discipline bodies punished 4,900 officials. Among those punished, 8.2% held posts at county level or above.",
        "8.2%",
        "4,900",
    ),
    (
        # the share's verb picks the count it acted on among the sentence before's counts
        "Courts heard 7,300 cases and convicted 8,800 people. Of them, 41.5% were convicted of fraud.",
        "41.5%",
        "8,800",
    ),
    (
        "Police solved 2,750 drug cases in 2022. Among all the drug cases solved, 63.0% involved synthetic drugs.",
        "63.0%",
        "2,750",
    ),
    # a mid-sentence partitive that refers back: its percentages are shares of the count it follows
    ("The bureau detained 1,640 suspects, among whom 14.8% were from outside the province.", "14.8%", "1,640"),
    ("Customs filed 870 cases, of which 35% involved frozen products.", "35%", "870"),
    ("Customs filed 870 cases, in which 35% involved frozen products and 9% involved cigarettes.", "9%", "870"),
    # 'X% of them' with no count before it in its sentence: the count of the sentence before
    ("Prosecutors charged 5,480 people with fraud in 2021. 38.9% of them were under 30.", "38.9%", "5,480"),
    (
        "Prosecutors charged 5,480 people with fraud in 2021, 300 more than in 2020. 38.9% of them were first "
        "offenders.",
        "38.9%",
        "5,480",
    ),
    # a sentence that refers back before its share
    ("Police caught 3,300 fugitives. Most of them were men, with women making up just 6.4 percent.", "6.4 percent",
     "3,300"),
    (
        "Inspectors punished 206,000 people. In the same months of last year, 190,000 people were punished. Some "
        "61 percent of those punished this year were village cadres.",
        "61 percent",
        "206,000",
    ),
    # 'of cases' with no article: the release's count of cases, a guess
    ("Courts concluded 31,000 cases in 2021. Less than 3% of cases were retried.", "3%", "31,000"),
    # a share restated in brackets before 'of them': both are shares of the count referred to
    ("Courts took in some 7.3 million cases. About 60% (59.6%) of them were civil cases.", "60%", "7.3 million"),
    ("Courts took in some 7.3 million cases. About 60% (59.6%) of them were civil cases.", "59.6%", "7.3 million"),
    # 'of those <verb>ed' reads back to the count of that act
    (
        "Courts sentenced 640,000 defendants.\n\nProbation was given to 93,000, or 14.5% of those convicted.",
        "14.5%",
        "640,000",
    ),
    # a share with no 'of': after 'with' it is a share of the count before; opening a sentence before 'were',
    # of the sentence before's count
    ("Police fined 38,000 drivers, with 62.5 percent fined for speeding.", "62.5 percent", "38,000"),
    ("Police fined 38,000 drivers, up 4%, with 62.5 percent fined for speeding.", "62.5 percent", "38,000"),
    ("Registered addicts fell to 702,000. Roughly 58 percent were users of synthetic drugs.", "58 percent",
     "702,000"),
    # a fraction restated as a percentage after ', or'
    ("The agency received 9,200 reports, nearly half of which, or 47.3 percent, were anonymous.", "47.3 percent",
     "9,200"),
    # an elliptical share continues the one before it
    (
        "Police solved 6,100 cases. Online fraud accounted for 44.1% of all cases solved, and theft 18.7%.",
        "18.7%",
        "6,100",
    ),
    (
        "About 12,400 reports came in from 2015 to 2020, 52.6 percent of which arrived in 2019 and 8.1 percent in "
        "2020.",
        "8.1 percent",
        "12,400",
    ),
    (
        # a share that names its own 'of ...' does not continue the one before
        "Police solved 6,100 cases. Online fraud accounted for 44.1% of all cases solved, and theft made up 18.7% "
        "of the thefts reported.",
        "18.7%",
        None,
    ),
    (
        # a restrictive clause names a set the release never counted: no whole
        "A total of 713,000 people were prosecuted and 265,000 were not. People who pleaded guilty made up more "
        "than 90% of the number of people who were charged.",
        "90%",
        None,
    ),
    # a whole named by its act is a count of that act: not the release's first count of the class, and none
    # when the act's count is the share's own part
    (
        "More than 20 county officials surrendered this year.\nInspectors opened 96,000 cases and punished 81,000 "
        "people.\nBy rank, 57,000 village cadres were punished, accounting for 70.4% of the total number of "
        "punished persons.",
        "70.4%",
        "81,000",
    ),
    (
        "The two district courts accepted 3,120 civil cases, accounting for 8.2 percent of cases in the city.\n"
        "They concluded 2,760 cases, making up 7.9 percent of cases concluded by all courts of the city.",
        "7.9 percent",
        None,
    ),
]


@pytest.mark.parametrize("text, share, whole", SHARE_WHOLES, ids=[f"{s[1]} {s[0][:40]}" for s in SHARE_WHOLES])
def test_share_whole(extract, text, share, whole):
    r = extract(text)
    fact = by_text(r, share)
    assert fact.role == "share"
    assert (r.fact(fact.whole).text if fact.whole else None) == whole


def test_a_named_rate_after_a_lead_stays_a_rate(extract):
    r = extract("Police arrested 9,100 suspects in 2022. Among them, 22% were repeat offenders, and the conviction "
                "rate was 98.1%.")
    assert by_text(r, "98.1%").role == "rate" and by_text(r, "98.1%").whole is None


@pytest.mark.parametrize(
    "text, surface, kind",
    [
        ("Nationwide, 12,500 officials were punished.", "12,500", "count"),  # a grouped count, not an age
        ("Reports about village officials numbered 9,800, 23.3 percent of the total.", "9,800", "count"),
        ("It recovered 476 second-level relics and 285 first-level relics.", "476", "count"),  # an ordinal
        # a list of shares is no range: 'under 18 and 21.5%' keeps its percentage
        ("Courts tried 6,000 people, with 3.4% of them under 18 and 21.5% of them women.", "21.5%", "percentage"),
        ("Victims aged between 18 and 30 numbered 2,000.", "2,000", "count"),
        # a year-shaped numeral after a count qualifier is a count, even with no noun after it
        ("Police solved more than 1980, and the clearance rate was 71.2%.", "1980", "count"),
        ("Officers detected nearly 2010, up 4.5% year on year.", "2010", "count"),
        ("Cases rose 6% over 2018.", "2018", "date"),  # 'over' a year is a comparison, no qualifier
        ("Police handled 120 emergencies and 119 fires.", "120", "count"),  # a count of emergencies stays a count
        ("Police handled 120 emergency calls and 119 emergency rescues.", "120", "count"),
    ],
)
def test_figures_the_families_stand_on(extract, text, surface, kind):
    assert by_text(extract(text), surface).kind == kind


def test_a_count_for_a_crime_counts_people(extract):
    assert by_text(extract("The commonest charges were 3,115 for theft and 870 for fraud."), "3,115").unit == "person"
    r = extract("Courts sentenced 9,100 criminals for fraud and 2,700 for theft.")
    assert by_text(r, "2,700").unit == "criminal"  # an item of a list counts what the list counts


def test_the_subject_before_rose_to_names_the_unit(extract):
    assert by_text(extract("Registered addicts rose to 702,000."), "702,000").unit == "addict"
    assert by_text(extract("Fraud cases stood at 3,100 in May."), "3,100").unit == "case"


def test_a_change_verb_ends_the_noun_after_the_number_of(extract):
    fact = by_text(extract("The number of fraud cases rose 12% to 3,400."), "3,400")
    assert fact.unit == "case"
    fact = by_text(extract("The number of convicted rose 30.7 percent to nearly 117,000."), "117,000")
    assert fact.unit != "rose"


@pytest.mark.parametrize(
    "text, gone",
    [
        ("Zhang, 52, was sentenced to ten years.", "52"),  # an age in apposition is still no figure
        ("The city's 110 alarm calls rose by 6.1%.", "110"),  # an emergency number before what it receives
        ("The province's 120 medical, fire alarm reports fell 3.2%.", "120"),
        ("The video lasted a 30-second stretch, the court said.", "30"),  # a duration
        ("The commission has zero tolerance for graft.", "zero"),
        ("It keeps a zero-tolerance stance on corruption.", "zero"),
        # a number that ranks categories counts nothing
        ("The five crimes with the most defendants were theft and fraud.", "five"),
        # fractions and units of account are no counts
        ("Nearly two thirds of the cases involved online fraud.", "two"),
        ("Three quarters of the suspects were men.", "Three"),
        ("All amounts are in units of 10,000 yuan.", "10,000"),
        # 'one' outside a list of counts
        ("One of the 30 fugitives was caught in May.", "One"),
        ("He was one of the 30 fugitives caught in May.", "one"),
        # ages after who they are
        ("Of them, those under 25 made up 45 percent.", "25"),
        ("Minors under 14 are not criminally liable.", "14"),
        ("Suspects older than 60 were released on bail.", "60"),
        ("Courts tried 6,000 people, with 3.4% of them under 18 and 21.5% of them women.", "18"),
    ],
)
def test_what_stays_dropped(extract, text, gone):
    assert all(f.text != gone for f in extract(text).facts)


def test_a_part_made_larger_than_the_whole_a_definite_noun_names_is_flagged(extract):
    findings = audit(extract("As of June, agencies had investigated 41,600 cases involving banquets.\n\n"
                      "Of them, 4,120 were banquets, and 42,001 of the cases involved officials at department level."))
    assert any(f.check == "parts_and_wholes" and f.status == "inconsistent" for f in findings)


@pytest.mark.parametrize(
    "text, surface, role",
    [
        ("Migrant suspects have taken up about 31 percent of all cases.", "31 percent", "share"),
        ("Cases handled in the first half went up 31 percent.", "31 percent", "change"),
        ("Courts handled 2,330 cases, surging 163.9 percent year-on-year.", "163.9 percent", "change"),
        # the first of a list of changes whose cue follows the last
        ("Agencies probed 61,000 officials in 52,000 cases, 4.1% and 3.3% down.", "4.1%", "change"),
    ],
)
def test_share_and_change_cues(extract, text, surface, role):
    assert by_text(extract(text), surface).role == role


@pytest.mark.parametrize(
    "lead, status",
    [
        # the text presents the release's first count as a total: 'of the total' names it firmly
        ("Procuratorates prosecuted a total of 52,000 people in 2022.", "inconsistent"),
        ("Procuratorates prosecuted 52,000 people for various crimes in 2022.", "inconsistent"),
        # no such words: the total is a guess from position, so a part larger than it is only doubtful
        ("Procuratorates in the province prosecuted 52,000 people in 2022.", "doubtful"),
    ],
)
def test_of_the_total_is_firm_only_for_a_figure_presented_as_a_total(extract, lead, status):
    text = lead + "\n\nThe courts convicted 61,000 people for theft, accounting for 12.5% of the total."
    findings = audit(extract(text))
    parts = [f for f in findings if f.check == "parts_and_wholes"]
    assert parts and parts[0].status == status


def test_shares_of_the_total_after_a_subject_with_no_figure_take_the_release_total(extract):
    # the subject's first noun names what is counted ('People ...'), not a noun nearer the shares
    text = (
        "Disciplinary organs dealt with over 1.38 million people in 2022.\n\nAmong them, around 990,000 people, or "
        "71.7 percent, were reprimanded.\n\nPeople subject to the other two forms, namely heavy penalties and "
        "adjustments to official positions as well as prosecution, accounted for 3.4 percent and 3.8 percent of "
        "the total, respectively."
    )
    record = extract(text)
    wholes = {f.text: record.fact(f.whole).text for f in record.facts if f.kind == "percentage" and f.whole}
    assert wholes == {"71.7 percent": "1.38 million", "3.4 percent": "1.38 million", "3.8 percent": "1.38 million"}



# a sentence opening with 'Meanwhile,' or 'In addition,' right after a breakdown goes on with it when its count
# says of the same unit what a part says; a sentence about something else does not
CONTINUED = [
    (
        "Customs handled 4,215 smuggling cases. Among them, 612 cases involved frozen meat. Meanwhile, 388 cases "
        "involved refined oil.",
        [("612", "4,215"), ("388", "4,215")],
    ),
    (
        "Police filed 2,180 fraud cases. Of these, 640 involved online loans. In addition, 310 cases involved fake "
        "investments, and 95 cases involved phone scams.",
        [("640", "2,180"), ("310", "2,180"), ("95", "2,180")],
    ),
    (
        "Courts heard 9,620 cases. Of these, 4,100 were criminal cases. Meanwhile, 1,270 cases of drug-related "
        "crime were transferred.",
        [("4,100", "9,620")],
    ),
    (
        "Police filed 2,180 fraud cases. Of these, 640 involved online loans. Meanwhile, 1,200 people were "
        "arrested.",
        [("640", "2,180")],
    ),
    (
        "Police filed 2,180 fraud cases. Of these, 640 involved online loans. The bureau also said 310 cases "
        "involved theft.",
        [("640", "2,180")],
    ),
]


@pytest.mark.parametrize("text, expected", CONTINUED, ids=["meanwhile", "in-addition-list", "other-verb",
                                                           "other-unit", "no-opening-word"])
def test_a_breakdown_goes_on_in_a_sentence_that_says_so(extract, text, expected):
    assert parts(extract(text)) == expected


def test_a_continued_part_larger_than_the_whole_is_flagged(extract):
    r = extract("Customs handled 4,215 smuggling cases. Among them, 612 cases involved frozen meat. Meanwhile, "
                "5,388 cases involved refined oil.")
    assert [f.check for f in audit(r) if f.status == "inconsistent"] == ["parts_and_wholes"]


@pytest.mark.parametrize(
    "text, flagged",
    [
        # shares with no part count in different sentences may describe overlapping groups: not summed
        ("Altogether 153,000 officials were sanctioned, of whom 77 percent received party penalties. Almost 58 "
         "percent of those sanctioned this year held no public office.", False),
        # one list of shares of one whole is summed
        ("Of the 12,000 cases handled, 45 percent involved theft, 30 percent involved fraud and 35 percent "
         "involved robbery.", True),
    ],
)
def test_shares_of_one_whole_are_summed_only_as_one_list_or_with_their_parts(extract, text, flagged):
    findings = [f for f in audit(extract(text)) if f.check == "share_of_total" and f.status == "inconsistent"]
    assert bool(findings) == flagged


# 'them' and 'those' after a sentence that lists parts of one whole refer to the whole, not to the last part
AFTER_A_BREAKDOWN = [
    (
        "By Friday, 516 fugitives had been returned from 41 countries. Among these fugitives, 304 were caught "
        "abroad and 212 surrendered. Twenty-three of them had been at large for over a decade.",
        ("Twenty-three", "516"),
    ),
    (
        "By Friday, 516 fugitives had been brought back from 41 countries. Among these fugitives, 304 were caught "
        "abroad and 212 surrendered. Twenty-three of them had been at large for years. Those brought back included "
        "64 former officials.",
        ("64", "516"),
    ),
    (
        "Police detained 870 suspects. Of these, 512 were arrested and 358 were released on bail. Those released "
        "on bail included 41 minors.",
        ("41", "358"),
    ),
]


@pytest.mark.parametrize("text, link", AFTER_A_BREAKDOWN, ids=["of-them", "those-brought-back", "those-acted"])
def test_a_back_reference_after_a_listed_breakdown_is_to_its_whole(extract, text, link):
    r = extract(text)
    assert link in parts(r)
    assert not [f for f in audit(r) if f.status == "inconsistent"]


def test_an_item_introduced_by_there_are_goes_on_with_the_list(extract):
    r = extract(
        "In the year, 208,000 officials were disciplined, including 151,000 party warnings and 64,000 demerits; "
        "19 ministerial-level officials, 1,440 bureau-level officials, 9,800 county-level officials, and besides "
        "there are 36,000 ordinary staff and 161,000 other grassroots workers."
    )
    assert {p for p, w in parts(r) if w == "208,000"} >= {"19", "1,440", "9,800", "36,000", "161,000"}
    assert [x.type for x in r.relations].count("sum") == 1


def test_a_clause_with_its_own_verb_after_a_semicolon_ends_the_list(extract):
    r = extract("Police detained 5,200 suspects, including 310 gang leaders; 2,100 suspects were arrested later.")
    assert parts(r) == [("310", "5,200")]


@pytest.mark.parametrize(
    "text, parts_made, flagged",
    [
        # 'the other N' as the last item names the rest: the parts make up the whole
        ("A total of 518 suspects were returned. Among these suspects, 301 were seized by local police, 175 "
         "surrendered and the other 42 were tried abroad.", 3, False),
        ("A total of 518 suspects were returned. Among these suspects, 301 were seized by local police, 175 "
         "surrendered and the remaining 62 were tried abroad.", 3, True),
    ],
)
def test_the_other_n_closes_a_breakdown(extract, text, parts_made, flagged):
    r = extract(text)
    (total,) = [x for x in r.relations if x.type == "sum"]
    assert len(total.parts) == parts_made
    assert bool([f for f in audit(r) if f.status == "inconsistent"]) == flagged


def test_a_reflexive_pronoun_after_a_count_is_no_unit(extract):
    r = extract("A total of 518 suspects were returned. Among these suspects, 301 were seized and 217 handed "
                "themselves over.")
    assert by_text(r, "217").unit == "suspect" and ("217", "518") in parts(r)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The drive returned 412 fugitives. The money involved for 127 of the fugitives exceeded 5 million yuan. "
         "The sums for another 39 exceeded 50 million yuan.", [("127", "412"), ("39", "412")]),
        ("Police detained 860 suspects. Of them, 230 were charged, and a further 95 were released on bail.",
         [("230", "860"), ("95", "860")]),
        # something else counted after 'another' is no part
        ("Police arrested 300 suspects. Of them, 120 were charged. Another 45 cars were seized.",
         [("120", "300")]),
    ],
)
def test_another_n_after_a_part_is_one_more_part(extract, text, expected):
    assert parts(extract(text)) == expected


@pytest.mark.parametrize(
    "text, summed",
    [
        # who did it is no item of the breakdown, and the parts still make up the whole
        ("A total of 627 suspects were returned. Among these suspects, 365 were caught by 1,200 police officers, "
         "258 surrendered and the other four were tried abroad.", ["365", "258", "four"]),
        # one item before a semicolon is the same list, not a breakdown of its own
        ("A total of 627 suspects were returned. Among these suspects, 365 were caught abroad; 258 people gave up "
         "and the other four were tried abroad.", ["365", "258", "four"]),
    ],
)
def test_a_sum_is_of_every_item_of_the_list(extract, text, summed):
    r = extract(text)
    sums = [x for x in r.relations if x.type == "sum"]
    assert [[r.fact(p).text for p in x.parts] for x in sums] == ([summed] if summed else [])
    assert "1,200" not in {p for p, _ in parts(r)}
    assert not [f for f in audit(r) if f.status == "inconsistent"]


def test_an_irregular_past_verb_after_a_count_is_no_unit(extract):
    r = extract("A total of 627 suspects were returned. Among these suspects, 365 were caught by police, 258 gave "
                "themselves up and the other four were tried abroad.")
    assert by_text(r, "258").unit == "suspect"
    (total,) = [x for x in r.relations if x.type == "sum"]
    assert [r.fact(p).text for p in total.parts] == ["365", "258", "four"]


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("Inspection bodies dealt with 88,412 officials under the four forms of oversight. Of them, 55,906 were "
         "handled under the first form; 24,702 under the second form; 4,301 under the third form; and 3,503 under "
         "the fourth form.", False),
        ("Inspection bodies dealt with 88,412 officials under the four forms of oversight. Of them, 55,906 were "
         "handled under the first form; 24,702 under the second form; 4,301 under the third form; and 4,503 under "
         "the fourth form.", True),
    ],
)
def test_parts_of_the_named_forms_in_the_next_sentence_make_up_the_total(extract, text, flagged):
    r = extract(text)
    (total,) = [x for x in r.relations if x.type == "sum"]
    assert len(total.parts) == 4 and r.fact(total.total).text == "88,412"
    assert bool([f for f in audit(r) if f.status == "inconsistent"]) == flagged


def test_the_count_of_forms_before_a_colon_is_no_whole_of_the_list(extract):
    r = extract("Discipline bodies handled 88,400 officials in four forms: 55,900 under the first, 24,700 under the "
                "second, 4,300 under the third and 3,500 under the fourth.")
    assert {w for _, w in parts(r)} == {"88,400"}


def test_people_among_kinds_of_crime_are_a_guess_and_an_inner_list_its_own(extract):
    r = extract("Among the 12 new offences, 340 people have been charged, including 85 for selling counterfeit "
                "infant formula.")
    assert ("85", "340") in parts(r) and ("85", "12") not in parts(r)
    assert not [f for f in audit(r) if f.status == "inconsistent"]
