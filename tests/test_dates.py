"""Dates: one case per phrasing, per family, plus the traps that must not be dates."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.dates import DateFinder, DateMatch, DateRuleError, dateline_date, find_dates
from extractor.gates import parse_requires
from extractor.patterns import PatternRow, load_pattern_file, patterns_dir

DATES_FILE = patterns_dir() / "dates.jsonl"
SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture(scope="module")
def finder() -> DateFinder:
    return DateFinder(load_pattern_file(DATES_FILE))


def _only(matches: list[DateMatch], span: str) -> DateMatch:
    hits = [m for m in matches if m.text == span]
    assert hits, f"{span!r} not found; got {[(m.text, m.value) for m in matches]}"
    return hits[0]


# (sentence, span text, value) -- values without a reference date
ABSOLUTE_DAYS = [
    ("Xinhua News Agency, Beijing, November 3rd: the court said.", "November 3rd", "XXXX-11-03"),
    ("China News Service, Shanghai, April 17 (Reporter Wang Mou) Police said", "April 17", "XXXX-04-17"),
    ("BEIJING, Feb. 21 (Xinhua) -- The customs office said", "Feb. 21", "XXXX-02-21"),
    ("On September 9th, 2020, a suspect surnamed Li was caught.", "September 9th, 2020", "2020-09-09"),
    ("the regulation issued on Nov. 14, 2015, took effect", "Nov. 14, 2015", "2015-11-14"),
    ("The bulletin the bureau issued on the 9th shows that fraud fell.", "the 9th", "XXXX-XX-09"),
    ("A survey released on the 21st indicated a drop in theft.", "the 21st", "XXXX-XX-21"),
    ("Release date 2021-04-12 Provincial police reported", "2021-04-12", "2021-04-12"),
    ("Updated: 2016-11-02 09:41", "2016-11-02", "2016-11-02"),
    ("The report\nOctober 08,2019   By:Staff\n", "October 08,2019", "2019-10-08"),
    ("Friday, March 03, 2017\n\nOfficials said", "Friday, March 03, 2017", "2017-03-03"),
    ("The hearing was held on 12 June 2018 in Wuhan.", "12 June 2018", "2018-06-12"),
    ("The ruling came on the 4th of August, 2016.", "4th of August, 2016", "2016-08-04"),
    ("The notice was posted 2020/7/9 on the website.", "2020/7/9", "2020-07-09"),
    ("The plan dated 2021.12.03 was adopted.", "2021.12.03", "2021-12-03"),
    ("as of May 20 it had seized 30 guns", "May 20", "XXXX-05-20"),
    ("the law took effect on 1 March after the vote", "1 March", "XXXX-03-01"),
]

MONTHS_AND_YEARS = [
    ("The gang fled abroad in August 2012 and was caught later.", "August 2012", "2012-08"),
    ("The case was filed in Dec. 2014 by local police.", "Dec. 2014", "2014-12"),
    ("It has been investigating since September, 2016.", "September, 2016", "2016-09"),
    ("One night in July, he received a call.", "July", "XXXX-07"),
    ("the ministry announced in November.", "November", "XXXX-11"),
    ("As of April, prosecutors had charged 300 people.", "April", "XXXX-04"),
    ("In August, Hunan police joined the operation.", "August", "XXXX-08"),
    ("The campaign runs until December and covers all provinces.", "December", "XXXX-12"),
    ("Prosecutors charged 1,200 people in 2018.", "2018", "2018"),
    ("The figure has risen steadily since 2015.", "2015", "2015"),
    ("The 2020 data show a decline.", "2020", "2020"),
    ("2022 work summary\n\nIn the past year, the courts", "2022", "2022"),
    ("the communists took power in 1949 and", "1949", "1949"),
    ("The 2018 China Anti-Drug Report was released.", "2018", "2018"),
    ("Entering 2021, the courts stepped up", "2021", "2021"),
    ("Arrests rose by 12 percent over 2016.", "2016", "2016"),
    ("Transferred in March this year, he", "March this year", "REL"),
    ("Gangs flourished in the 1980s in coastal cities.", "the 1980s", "198X"),
    ("Fraud surged in the early 2000s.", "the early 2000s", "200X"),
    # a bare month after a word of comparison
    ("Thefts were down 4.1% compared with May.", "May", "XXXX-05"),
    ("Arrests climbed 9% over October.", "October", "XXXX-10"),
    ("Fraud cases were 12% higher than January.", "January", "XXXX-01"),
    ("Caseloads rose 2% versus August.", "August", "XXXX-08"),
]

RANGES = [
    ("The operation ran from early May to late August.", "from early May to late August", "XXXX-05/XXXX-08"),
    ("February to October 2022 saw 8,000 cases.", "February to October 2022", "2022-02/2022-10"),
    ("Data were released for from March to May 2021 only.", "from March to May 2021", "2021-03/2021-05"),
    ("From January to September, 2020, courts heard", "From January to September, 2020", "2020-01/2020-09"),
    ("From January to November in 2019, courts heard", "From January to November in 2019", "2019-01/2019-11"),
    ("Cases filed Jan-Oct rose 5 percent.", "Jan-Oct", "XXXX-01/XXXX-10"),
    (
        "Police solved 9,000 cases in the January-August period, the ministry said.",
        "the January-August period",
        "XXXX-01/XXXX-08",
    ),
    ("Seizures between Feb 12 and April 30 doubled.", "between Feb 12 and April 30", "XXXX-02-12/XXXX-04-30"),
    (
        "The inspection lasted from May 8 to July 19 in six provinces.",
        "from May 8 to July 19",
        "XXXX-05-08/XXXX-07-19",
    ),
    ("from June 3 to 21 the teams visited 40 firms", "from June 3 to 21", "XXXX-06-03/XXXX-06-21"),
    ("During Oct. 1-7, 2019 the stations were busy.", "Oct. 1-7, 2019", "2019-10-01/2019-10-07"),
    ("Crimes committed between March and August were solved.", "between March and August", "XXXX-03/XXXX-08"),
    (
        "From November 2013 to September 2018, about 60,000 cases were filed.",
        "From November 2013 to September 2018",
        "2013-11/2018-09",
    ),
    (
        "from August 2016 to the end of May 2021, more than 500 suits were filed",
        "from August 2016 to the end of May 2021",
        "2016-08/2021-05",
    ),
    ("from December to March 2021 the hotline took calls", "from December to March 2021", "2020-12/2021-03"),
    (
        "arrests made between November 2001 and May this year",
        "between November 2001 and May this year",
        "REL",
    ),
    ("RESULTS IN 2014-2018\nCharged 30,000 people", "2014-2018", "2014/2018"),
    ("From 2009 to 2013, the courts concluded", "From 2009 to 2013", "2009/2013"),
    ("the campaign, between 2003 and 2007, targeted gangs", "between 2003 and 2007", "2003/2007"),
    ("the data\nfrom April\nto June 2022 show", "from April\nto June 2022", "2022-04/2022-06"),
    (
        "Between 1 February and 31 August 2019, police",
        "Between 1 February and 31 August 2019",
        "2019-02-01/2019-08-31",
    ),
    ("during the holiday, 1-7 October, traffic police", "1-7 October", "XXXX-10-01/XXXX-10-07"),
    # to the end of a month: the end is that month, as 'the end of September' alone is read
    (
        "From April 8th to the end of September, police",
        "From April 8th to the end of September",
        "XXXX-04-08/XXXX-09",
    ),
    ("in June 2nd to the end of July, courts", "June 2nd to the end of July", "XXXX-06-02/XXXX-07"),
    (
        "from March 3, 2024 to the end of June, courts",
        "from March 3, 2024 to the end of June",
        "2024-03-03/2024-06",
    ),
]

PARTS_OF_PERIODS = [
    ("In the first half of 2022, prosecutors charged", "the first half of 2022", "2022-H1"),
    ("In the second half of 2019, courts heard", "the second half of 2019", "2019-H2"),
    ("In first half of 2020, arrests fell.", "first half of 2020", "2020-H1"),
    ("in the first half of this year, arrests fell", "the first half of this year", "REL"),
    ("fewer cases in the\nfirst half of the year, officials said", "the\nfirst half of the year", "REL"),
    ("In the first 10 months of 2016, courts concluded", "the first 10 months of 2016", "2016-01/2016-10"),
    ("over the first eight months of this year", "the first eight months of this year", "REL"),
    ("cases solved in the first five months rose", "the first five months", "XXXX-01/XXXX-05"),
    ("In the first quarter, the bureau filed 400 cases.", "the first quarter", "XXXX-Q1"),
    ("In the third quarter of 2021, the bureau filed", "the third quarter of 2021", "2021-Q3"),
    (
        "in the first three quarters of 2018, customs seized",
        "the first three quarters of 2018",
        "2018-01/2018-09",
    ),
    ("arrests in Q2 2020 rose", "Q2 2020", "2020-Q2"),
    ("the 2019-H2 figures", "2019-H2", "2019-H2"),
    ("The drive was launched in late March.", "late March", "XXXX-03"),
    ("It began in mid-July across the province.", "mid-July", "XXXX-07"),
    ("by the end of October, 900 people were held", "the end of October", "XXXX-10"),
    ("in early April 2020 the case was closed", "early April 2020", "2020-04"),
    ("by the end of 2019, all gangs were removed", "the end of 2019", "2019-12"),  # as 2019年底
    ("end-2018 figures show a fall", "end-2018", "2018-12"),
    ("by mid-2020 the campaign was over", "mid-2020", "2020"),
    ("the task will be finished by the end of this year", "the end of this year", "REL"),
]

RELATIVE = [
    ("Cases rose 31.2 percent over the previous five-year period.", "the previous five-year period", "REL"),
    ("Thefts were markedly fewer this winter in the city.", "this winter", "REL"),
    ("In the first ten months this year, police handled 5,600 cases.", "the first ten months this year", "REL"),
    ("The bureau cracked 5,000 cases this year.", "this year", "REL"),
    ("This year, the office will keep up the pressure.", "This year", "REL"),
    ("this year's Sky Net operation", "this year", "REL"),
    ("Courts heard 200 such cases last year.", "last year", "REL"),
    ("up 5 percent on last\nyear, officials said", "last\nyear", "REL"),
    ("3 percent more than the same period last year", "the same period last year", "REL"),
    ("down from the same period of the previous year", "the same period of the previous year", "REL"),
    ("up 7 percent over same period last year", "same period last year", "REL"),
    ("the same period a year earlier", "the same period a year earlier", "REL"),
    ("people accepted in the same period; prosecutors also", "the same period", "REL"),
    ("an increase of 40 percent from the previous year", "the previous year", "REL"),
    ("compared with the year before, arrests rose", "the year before", "REL"),
    ("In the past three years, police have", "the past three years", "REL"),
    ("Over the last ten years, courts", "the last ten years", "REL"),
    ("Main Work of the Last 4 Years", "the Last 4 Years", "REL"),
    ("up 30 percent from the previous four years", "the previous four years", "REL"),
    ("up 12 percent from the pre-vious three years", "the pre-vious three years", "REL"),
    ("in the past decade, the courts", "the past decade", "REL"),
    ("courts in past 10 years heard", "past 10 years", "REL"),
    ("the procuratorate said yesterday that", "yesterday", "REL"),
    ("The bureau announced today that", "today", "REL"),
    ("Today, the provincial department held a meeting.", "Today", "REL"),
    ("the ministry today (14th) released data", "today (14th)", "XXXX-XX-14"),
    ("On the 19th, the Ministry of Public Security said", "the 19th", "XXXX-XX-19"),
    ("at a meeting on the afternoon of the 4th.", "the 4th", "XXXX-XX-04"),
    ("On 16th, the provincial bureau said", "16th", "XXXX-XX-16"),
    ("the court announced on the 1st the main data", "the 1st", "XXXX-XX-01"),
    ("a briefing on the 12th since the drive began", "the 12th", "XXXX-XX-12"),
    ("the bureau said on the 3rd after a review", "the 3rd", "XXXX-XX-03"),
    ("the customs authority said on Thursday.", "Thursday", "REL"),
    ("data released Tuesday show", "Tuesday", "REL"),
    ("a gang that killed two guards 9 years ago.", "9 years ago", "REL"),
    ("Two weeks later, the suspect was caught.", "Two weeks later", "REL"),
    (
        "courts have, since the start of the year that is ending now, heard",
        "the start of the year that is ending now",
        "REL",
    ),
    ("since the beginning of this year, police", "the beginning of this year", "REL"),
    ("the law took effect on June 1 this year, and", "June 1 this year", "REL"),
    (
        "in the first five months, and in the same period in 2018",
        "the same period in 2018",
        "2018-01/2018-05",
    ),
    (
        "In the first half of this year arrests rose, above the same period in 2019.",
        "the same period in 2019",
        "2019-H1",
    ),
    ("Arrests exceeded those of the same period in 2017.", "the same period in 2017", "2017"),
    # days of one year named before: the same days of the year the phrase names
    (
        "Checks ran from March 9 to June 30, and seizures were up on the same period of 2022.",
        "the same period of 2022",
        "2022-03-09/2022-06-30",
    ),
    # the month the text just named, in the year the phrase names
    ("In March 2016, police filed 300 cases, up 5% on the same month in 2015.", "the same month in 2015", "2015-03"),
    ("Thefts rose in August, 9.9 per cent over the\nsame month in 2014.", "the\nsame month in 2014", "2014-08"),
]

# periods that refer back to one the text named: REL, as the gold convention has "the same period", "the year"
REFERRING_BACK = [
    ("In the same month, police held 23 people.", "the same month", "REL"),
    ("That month, prosecutors filed 40 cases.", "That month", "REL"),
    ("The month saw 40 cases closed.", "The month", "REL"),
    ("On the same day, five suspects surrendered.", "the same day", "REL"),
    ("Later that day the court ruled.", "that day", "REL"),
    ("During the period, 60 cases were solved.", "the period", "REL"),
    ("In this time period, 20 people were held.", "this time period", "REL"),
    ("during this period the bureau took 300 calls", "this period", "REL"),
    ("Throughout the year, the office heard 62 cases.", "the year", "REL"),
    ("an 8% rise on the previous quarter", "the previous quarter", "REL"),
    ("down 3% from the previous month", "the previous month", "REL"),
    ("he was released the following day", "the following day", "REL"),
    ("The same year, 12 gangs were removed.", "The same year", "REL"),
    ("That year's figure was higher.", "That year", "REL"),
    ("up 5% on the same month last year", "the same month last year", "REL"),
    ("3% above the same quarter of the previous year", "the same quarter of the previous year", "REL"),
]

# new shapes: a year's first months without 'first', a range of ordinal days, day-month-year with hyphens, ISO months
NEW_SHAPES = [
    ("In the 10 months of 2019, 300 cases were heard.", "the 10 months of 2019", "2019-01/2019-10"),
    ("over the eight months of 2020 the office", "the eight months of 2020", "2020-01/2020-08"),
    ("March 3rd to 5th saw 20 arrests.", "March 3rd to 5th", "XXXX-03-03/XXXX-03-05"),
    ("the June 6th-8th, 2021 raids", "June 6th-8th, 2021", "2021-06-06/2021-06-08"),
    ("On 14-Mar-2021, 30 persons were held.", "14-Mar-2021", "2021-03-14"),
    ("on 3-September-2020 the court", "3-September-2020", "2020-09-03"),
    ("In 2021-09, 12 cases were filed.", "2021-09", "2021-09"),
    ("the 2020/11 report", "2020/11", "2020-11"),
    # a year after a name and before a document's title noun is the document's year, not a series number
    ("the Supreme People's Court 2019 Report on IP protection", "2019", "2019"),
    ("The Procuratorate 2021 Work Report said filings rose.", "2021", "2021"),
    ("the Ministry 2018 White Paper on drug control", "2018", "2018"),
    # a year after an agency or document noun closing a title is the report's year
    ("Report on the Work of the Municipal People's Court 2021\n\nMarch 3, 2021", "2021", "2021"),
    ("the Bureau's Work Review 2017 said", "2017", "2017"),
]

# (sentence, text that must not be, or be inside, a date)
TRAPS = [
    ("Last May be the best month for the campaign.", "Last May"),
    ('The "Report on Consumer Complaints in Hubei (2021)" was published.', "2021"),
    ("the White Paper on Drug Control (2019)” says", "2019"),
    ("In the year 2019, courts heard 30 cases.", "the year"),
    ("during the month of May", "the month"),
    ("the period from January to June", "the period"),
    ("a rise of 8% over the year-on-year figure", "the year"),
    ("the 2011-12 school year", "2011-12"),
    ("March 3 to 5 people were held", "to 5"),
    ("the months of hard work", "the months"),

    ("Courts review the figures weekly and quarterly.", "weekly"),
    ("an annual operation targeting fugitives", "annual"),
    ("analysing trends on a weekly basis", "weekly basis"),
    ("monthly inspections were held", "monthly"),
    ("The Sky Net 2023 campaign was launched.", "2023"),
    ("a key part of Fox Hunt 2020, officials said", "2020"),
    ("the Kunlun-2021 operation", "2021"),
    ('the "Thunder 2019" special operation', "2019"),
    ('the "Sword Guarding the Country\'s Gate 2016" campaign', "2016"),
    ('the "6·18" fraud case', "6·18"),
    ('the "3·08" project in Fujian', "3·08"),
    ("the Putian '7.21' telecom case", "7.21"),
    ("the '1995.10.06' series of cases", "1995.10.06"),
    ("rose 31.4% and 24 cases", "31.4% and 24"),
    ("fell 24.5% year on year", "24.5%"),
    ("a campaign lasting five months", "five months"),
    ("He was sentenced to two years.", "two years"),
    ("over 20 years of service", "20 years"),
    ("a decline for five consecutive years", "five consecutive years"),
    ("the 100-day campaign", "100-day"),
    ("a three-year crackdown", "three-year"),
    ("the highest level in recent years", "recent years"),
    ("up to now, 300 suspects", "up to now"),
    ("a crackdown in summer", "summer"),
    ("2019-03-01 10:55Xinhua", "10:55"),
    ("on the 35th International Anti-Drug Day", "the 35th"),
    ("the 13th National People's Congress", "13th"),
    ("the Criminal Law Amendment (11) took effect", "(11)"),
    ("filed on 12 cases of fraud", "12 cases"),
    ("involving 1,285 persons", "1,285"),
    ("prosecuted 2045 people for fraud", "2045"),
    ("solved 1,949 cases", "1,949"),
    ("cracked 2013 drug cases", "2013"),
    ("more than 2000 were transferred", "2000"),
    ("It may be the largest case.", "may"),
    ("the ruling may take effect soon", "may"),
    ("They will march on.", "march"),
    ("the 2nd batch of inspections", "2nd"),
    ("ranked 3rd in the country", "3rd"),
    ("the No. 2019 document", "2019"),
    ("year-on-year growth this year-on-year", "year-on-year"),
]


def _ids(cases):
    return [c[1].replace("\n", " ") for c in cases]


@pytest.mark.parametrize(
    "text, span, value",
    ABSOLUTE_DAYS + MONTHS_AND_YEARS + RANGES + PARTS_OF_PERIODS + RELATIVE + REFERRING_BACK + NEW_SHAPES,
    ids=_ids(ABSOLUTE_DAYS + MONTHS_AND_YEARS + RANGES + PARTS_OF_PERIODS + RELATIVE + REFERRING_BACK + NEW_SHAPES),
)
def test_date_span_and_value(finder, text, span, value):
    m = _only(finder.find(text), span)
    assert (m.text, m.value) == (span, value)
    assert text[m.start : m.end] == m.text


@pytest.mark.parametrize("text, trap", TRAPS, ids=_ids(TRAPS))
def test_trap_is_not_a_date(finder, text, trap):
    at = text.index(trap)
    hits = [m for m in finder.find(text) if m.start < at + len(trap) and at < m.end]
    assert hits == [], f"{trap!r} taken as a date: {[(m.text, m.value) for m in hits]}"


# (sentence, span text, reference date, value, resolved, relative)
RESOLVED = [
    ("cases rose this year", "this year", "2021-07-25", "2021", "2021", True),
    # a range of years ending in a relative year is one period
    ("fraud grew from 2017 to last year", "from 2017 to last year", "2022-02-10", "2017/2021", "2017/2021", True),
    ("between 2019 and this year, 80 returned", "between 2019 and this year", "2023-06-01", "2019/2023",
     "2019/2023", True),
    ("from 2017 to May this year, 80 returned", "from 2017 to May this year", "2023-06-01", "2017/2023-05",
     "2017/2023-05", True),
    ("between March 2018 and the end of last year", "between March 2018 and the end of last year", "2023-06-01",
     "2018-03/2022-12", "2018-03/2022-12", True),
    ("users fell from the end of 2017 to 2021", "from the end of 2017 to 2021", "2023-06-01", "2017-12/2021", None,
     False),
    # a range of years ending at a month
    ("from 2018 to March 2023, 80 returned", "from 2018 to March 2023", "2023-06-01", "2018/2023-03", None, False),
    ("between 2018 and March of 2023, 80 returned", "between 2018 and March of 2023", "2023-06-01", "2018/2023-03",
     None, False),
    ("cases fell last year", "last year", "2024-03-22", "2023", "2023", True),
    ("fraud cases rose last August", "last August", "2016-09-20", "2016-08", "2016-08", True),
    ("police caught 40 fugitives last October", "last October", "2016-09-20", "2015-10", "2015-10", True),
    ("over the past three-year period", "the past three-year period", "2016-09-20", "2013/2015", "2013/2015", True),
    ("the agency said yesterday.", "yesterday", "2019-09-10", "2019-09-09", "2019-09-09", True),
    ("the authority said on Wednesday.", "Wednesday", "2018-01-25", "2018-01-24", "2018-01-24", True),
    ("the ministry said on Thursday.", "Thursday", "2018-01-25", "2018-01-25", "2018-01-25", True),
    (
        "in the first half of this year",
        "the first half of this year",
        "2021-07-25",
        "2021-H1",
        "2021-H1",
        True,
    ),
    (
        "from January to June this year",
        "from January to June this year",
        "2021-07-25",
        "2021-01/2021-06",
        "2021-01/2021-06",
        True,
    ),
    ("in the past five years", "the past five years", "2018-03-09", "2013/2017", "2013/2017", True),
    ("fled 13 years ago", "13 years ago", "2004-08-26", "1991", "1991", True),
    ("on April 1 this year", "April 1 this year", "2021-07-25", "2021-04-01", "2021-04-01", True),
    # a range of days with a relative year after it is one period, to the month when it ends at a month's end
    ("from July 1st to the end of October this year, a campaign ran", "from July 1st to the end of October this year",
     "2021-07-25", "2021-07-01/2021-10", "2021-07-01/2021-10", True),
    ("between March 3rd and 5th last year, 40 were held", "between March 3rd and 5th last year", "2021-07-25",
     "2020-03-03/2020-03-05", "2020-03-03/2020-03-05", True),
    ("on June 6-8 this year, 40 were held", "June 6-8 this year", "2021-07-25", "2021-06-06/2021-06-08",
     "2021-06-06/2021-06-08", True),
    ("from May 6 to 25 last year", "from May 6 to 25 last year", "2021-07-25", "2020-05-06/2020-05-25",
     "2020-05-06/2020-05-25", True),
    ("up on the same period last year", "the same period last year", "2021-07-25", "2020", "2020", True),
    (
        "in the first seven months of this year, 40% above the same period last year",
        "the same period last year",
        "2004-08-26",
        "2003-01/2003-07",
        "2003-01/2003-07",
        True,
    ),
    ("the previous year", "the previous year", "2004-08-26", "REL", None, True),
    ("Three months later, a notice was issued.", "Three months later", "2022-04-08", "REL", None, True),
    ("Xinhua, December 11th.", "December 11th", "2021-12-19", "XXXX-12-11", "2021-12-11", False),
    ("BEIJING, Dec. 30 (Xinhua)", "Dec. 30", "2025-01-08", "XXXX-12-30", "2024-12-30", False),
    ("the ministry today (21st) released", "today (21st)", "2023-07-21", "XXXX-XX-21", "2023-07-21", False),
    ("On the 23rd, the ministry said", "the 23rd", "2023-08-02", "XXXX-XX-23", "2023-07-23", False),
    (
        "from early April to late October",
        "from early April to late October",
        "2021-12-19",
        "XXXX-04/XXXX-10",
        "2021-04/2021-10",
        False,
    ),
    (
        "between February and November",
        "between February and November",
        "2022-03-15",
        "XXXX-02/XXXX-11",
        "2021-02/2021-11",
        False,
    ),
    ("in 2019", "2019", "2021-07-25", "2019", None, False),
]


# a part of a year the text does not name: X in the value, the year in `resolved`, from the latest year the release
# named before it, else the reference date (the year before when the part would start after it)
ANCHORED = [
    ("In the second quarter, 45 cases were filed.", "the second quarter", "2021-08-02", "XXXX-Q2", "2021-Q2"),
    ("In the fourth quarter, arrests fell.", "the fourth quarter", "2021-03-10", "XXXX-Q4", "2020-Q4"),
    (
        "In 2020 courts heard 300 cases. In the second quarter, 45, up from 2019.",
        "the second quarter",
        "2021-03-10",
        "XXXX-Q2",
        "2020-Q2",
    ),
    (
        "Compared with 2018, in the first half arrests rose 5%.",
        "the first half",
        "2019-09-01",
        "XXXX-H1",
        "2018-H1",
    ),
    ("In the first six months, 30 cases.", "the first six months", "2022-07-15", "XXXX-01/XXXX-06", "2022-01/2022-06"),
    ("This quarter, arrests fell.", "This quarter", "2021-05-10", "2021-Q2", "2021-Q2"),
    ("up on last quarter", "last quarter", "2021-02-10", "2020-Q4", "2020-Q4"),
]


@pytest.mark.parametrize("text, span, ref, value, resolved", ANCHORED, ids=[c[1] for c in ANCHORED])
def test_part_of_an_unnamed_year(finder, text, span, ref, value, resolved):
    m = _only(finder.find(text, dt.date.fromisoformat(ref)), span)
    assert (m.value, m.resolved) == (value, resolved)


@pytest.mark.parametrize("text, span", [c[:2] for c in REFERRING_BACK], ids=_ids(REFERRING_BACK))
def test_referring_back_is_never_resolved(finder, text, span):
    m = _only(finder.find(text, dt.date(2021, 7, 25)), span)
    assert (m.value, m.resolved, m.relative) == ("REL", None, True)


@pytest.mark.parametrize("text, span, ref, value, resolved, relative", RESOLVED, ids=[c[1] for c in RESOLVED])
def test_resolved_on_reference_date(finder, text, span, ref, value, resolved, relative):
    m = _only(finder.find(text, dt.date.fromisoformat(ref)), span)
    assert (m.value, m.resolved, m.relative) == (value, resolved, relative)


@pytest.mark.parametrize(
    "text, granularity, start_date, end_date",
    [
        ("January to June 2023", "period", "2023-01", "2023-06"),
        ("the first half of 2021", "half", "2021-01", "2021-06"),
        ("the fourth quarter of 2020", "quarter", "2020-10", "2020-12"),
        ("the 1990s", "decade", "1990", "1999"),
        ("2013-2017", "period", "2013", "2017"),
        ("July 28th, 2021", "day", None, None),
        ("October 2011", "month", None, None),
        ("2016", "year", None, None),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_granularity_and_bounds(finder, text, granularity, start_date, end_date):
    (m,) = finder.find(text)
    assert (m.text, m.granularity, m.start_date, m.end_date) == (text, granularity, start_date, end_date)


def test_matches_do_not_overlap_and_are_sorted(finder):
    text = (
        "From January to June 2023, courts heard 2,000 cases, up on the same period last year; on June 5 "
        "the Sky Net 2023 drive began, and in 2022 the first half of the year saw 1,949 cases."
    )
    found = finder.find(text)
    assert [m.text for m in found] == [
        "From January to June 2023",
        "the same period last year",
        "June 5",
        "2022",
        "the first half of the year",
    ]
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
    assert all(text[m.start : m.end] == m.text for m in found)


def test_find_dates_uses_bundled_rows_or_given_rows():
    assert [m.value for m in find_dates("in 2019")] == ["2019"]
    row = PatternRow(
        id="date-year-901", label="DATE", pattern=r"\b(?P<year>20\d\d)\b", regex=True, attrs={"shape": "year"}
    )
    assert [m.pattern_id for m in find_dates("in 2019", rows=[row])] == ["date-year-901"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Highlights of the report\n\nUpdated: 2015-03-12 10:04\n\nBEIJING, March 12 (Xinhua)", "2015-03-12"),
        ("Court work report\n\n\n\nMarch 12, 2015\n\nDelegates:", "2015-03-12"),
        ("date 2021-05-17 City Online reported on May 16 that", "2021-05-17"),
        ("Work Report highlights\nOctober 11,2019   By:Staff\nText", "2019-10-11"),
        ("Customs seized more.\nsaid Wang.\n(Xinhua News Agency July 9, 2007)", "2007-07-09"),
        ("Gangs smashed\n\nMonday, April 02, 2018\n\nAbout 1,000 gangs", "2018-04-02"),
        ("Record seizures in 2016\n\n2017-02-11 09:12Xinhua\n\nA total of", "2017-02-11"),
        ("Anti-graft drive\nSource: Xinhua | 2020-05-06\n\nA total of", "2020-05-06"),
        ("BEIJING, March 10 (Xinhua) -- The court said", None),
        ("The report says that on June 1, 2016, the law took effect.", None),
        ("No dates at all here.", None),
    ],
    ids=[
        "updated",
        "alone-on-line",
        "date-keyword",
        "by-line",
        "agency-credit",
        "weekday-line",
        "time-glued",
        "source-line",
        "year-less",
        "in-a-sentence",
        "none",
    ],
)
def test_dateline_date(text, expected):
    got = dateline_date(text)
    assert (got.isoformat() if got else None) == expected


def test_every_date_row_loads_and_ids_are_unique():
    rows = load_pattern_file(DATES_FILE)
    ids = [r.id for r in rows]
    assert len(ids) == len(set(ids))
    assert all(r.id.startswith("date-") and r.label in ("DATE", "DATE_NOT") and r.regex for r in rows)
    DateFinder(rows)  # every shape is known
    raw = [json.loads(line) for line in DATES_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(raw) == len(rows)


def _whole_text_scan(finder: DateFinder, text: str) -> list[tuple[str, tuple[int, int]]]:
    """Every rule's matches in the whole text, but those across a blank line (see the next test)."""
    blank_line = re.compile(r"\n[ \t]*\n")
    found = ((rule.row.id, m) for rule in finder._rules for m in rule.regex.finditer(text))
    return sorted((rule_id, m.span()) for rule_id, m in found if not blank_line.search(m.group()))


SCAN_TEXTS = [c[0] for c in ABSOLUTE_DAYS + MONTHS_AND_YEARS + RANGES + PARTS_OF_PERIODS + RELATIVE + TRAPS] + [
    "Jan. 5, 2023 was the date. In 2022 the court heard 1,204 cases. Dec. 4 this year; No. 3. From June to Sept.",
    "The campaign ran between early March\nand late June 2021! Q2 2021 figures rose. Today (26th), police said so.",
]


def test_a_rule_searches_only_sentences_holding_what_it_requires(finder):
    # The gate is an optimisation: it must find exactly what a scan of the whole text finds.
    texts = SCAN_TEXTS + [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    for text in texts:
        gated = sorted((rule.row.id, m.span()) for _, rule, m in finder._gated_scan(text))
        assert gated == _whole_text_scan(finder, text), text


def test_a_date_never_crosses_a_blank_line(finder):
    # 'the year 2017' then a paragraph opening 'Officials said' is no four-digit count of officials
    text = "Friday, March 03, 2017\n\nOfficials said"
    assert any(rule.row.id.startswith("date-trap_count") for rule in finder._rules if rule.regex.search(text))
    assert not any(rule.row.id.startswith("date-trap") for _, rule, _ in finder._gated_scan(text))


def test_bad_rows_are_all_reported():
    rows = [
        PatternRow(id="date-bad-001", label="DATE", pattern=r"\d+", regex=True, attrs={"shape": "fortnight"}),
        PatternRow(id="date-bad-002", label="DATE", pattern="next week"),
        PatternRow(
            id="date-bad-003",
            label="DATE",
            pattern=r"\d+",
            regex=True,
            attrs={"shape": "year", "requires": ["<fortnight>"]},
        ),
        PatternRow(id="count-other-001", label="COUNT", pattern="x"),
    ]
    with pytest.raises(DateRuleError) as err:
        DateFinder(rows)
    message = str(err.value)
    assert "date-bad-001" in message and "fortnight" in message and "date-bad-002" in message
    assert "date-bad-003" in message and "<fortnight>" in message
    assert "count-other-001" not in message


def test_import_is_cheap():
    code = "import sys, extractor.dates; assert 'dateparser' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("requires", ["<year>", [], [""], ["Last year"], ["<fortnight>"], ["last-year"], [3]])
def test_malformed_requires_are_refused(requires):
    with pytest.raises(ValueError):
        parse_requires(requires)


def test_requires_groups_slots_and_classes():
    requires = parse_requires(["<month> <year>", "last|next year"])
    month_year = (frozenset({"<month>"}), frozenset({"<year>"}))
    assert requires == (month_year, (frozenset({"last", "next"}), frozenset({"year"})))


@pytest.mark.parametrize(
    "text, date, value",
    [
        ("Regulators logged 4,200 complaints between March of 2018 and August of 2019.",
         "between March of 2018 and August of 2019", "2018-03/2019-08"),
        ("From January of 2020 to June of 2021, police solved 300 cases.", "From January of 2020 to June of 2021",
         "2020-01/2021-06"),
    ],
)
def test_a_month_range_with_of_before_each_year_is_one_period(extract, text, date, value):
    found = [f for f in extract(text).facts if f.kind == "date"]
    assert [(f.text, f.value) for f in found] == [(date, value)]


@pytest.mark.parametrize(
    "text, span, value",
    [
        # a year joined to 'the same period of YEAR' is the same period of its own year
        ("In the first quarter of 2022, fraud fell. Arrests were 900 and 1,100 in the same period of 2020 and 2021.",
         "2021", "2021-Q1"),
        ("In the first half of 2023, thefts rose, against the same period of 2021 and 2022.", "2022", "2022-H1"),
        # a year joined to a plain year stays a year
        ("Courts heard 9,000 cases in 2019 and 2020.", "2020", "2020"),
    ],
)
def test_a_year_joined_to_the_same_period_of_a_year_is_that_period(finder, text, span, value):
    (got,) = [m for m in finder.find(text) if m.text == span]
    assert got.value == value


@pytest.mark.parametrize(
    "text, span, value",
    [
        # a full date after a headline in title case is a date, not a year closing a name
        ("Police Smash Smuggling Ring 2016-3-9", "2016-3-9", "2016-03-09"),
        # a range of years whose end keeps its last two digits; the end of a range is no count
        ("The 13th Five-Year Plan (2016-20) set the goals.", "2016-20", "2016/2020"),
        ("In 2015-2019 crime fell by a third.", "2015-2019", "2015/2019"),
    ],
)
def test_dates_after_headlines_and_short_year_ranges(finder, text, span, value):
    (got,) = [m for m in finder.find(text) if m.text == span]
    assert got.value == value


def test_a_year_and_a_month_stay_a_month(finder):
    (got,) = finder.find("Filed in 2021-09 by the bureau.")
    assert (got.text, got.value) == ("2021-09", "2021-09")


@pytest.mark.parametrize(
    "text, span",
    [
        ("In the three years, prosecutors charged 4,100 officials.", "the three years"),
        ("-- In the 5 years, courts concluded 9,300 cases.", "the 5 years"),
    ],
)
def test_the_years_a_release_reports_on_are_a_period_referring_back(finder, text, span):
    (got,) = [m for m in finder.find(text) if m.text == span]
    assert got.value == "REL"


def test_the_years_to_come_are_no_period_referring_back(finder):
    assert finder.find("Plans for the five years to come were set.") == []
