"""Counts that are the size of a rise or fall ('rose by 167', '增加34件'): marked `difference`, qualified by the
percentage change after them when no level is stated, and audited as difference / earlier count. New sentences in
the genre's style, none from a corpus."""

import pytest
from conftest import by_text

from extractor.api import extract as extract_api
from extractor.checks import audit


def baseline_findings(record):
    return [f for f in audit(record) if f.check == "change_baseline"]


@pytest.mark.parametrize(
    "text, count, direction",
    [
        ("Fraud cases rose by 1,240 on the previous year.", "1,240", "up"),
        ("Appeals increased by more than 300 cases year on year.", "300", "up"),
        ("Thefts fell by 86, down 9% year on year.", "86", "down"),
        ("Arrests were down by 412 from 2022.", "412", "down"),
        ("There was an increase of 2,015 cases over the previous year.", "2,015", "up"),
        ("Courts saw a decrease of 58 suits.", "58", "down"),
        # a bare 'up'/'down' after a comma or a copula sizes the change too
        ("Bribery cases numbered 2,180, down 145 cases from 2021.", "145", "down"),
        ("Drug arrests were up 96 on the year before.", "96", "up"),
    ],
)
def test_a_count_after_a_change_and_by_is_a_difference(extract, text, count, direction):
    assert by_text(extract(text), count).difference == direction


@pytest.mark.parametrize(
    "text, count",
    [
        ("Fraud cases rose to 1,240 last year.", "1,240"),
        ("Police handled 1,240 cases, up 9% year on year.", "1,240"),
        ("The number of cases filed by 31 provinces rose.", "31"),
        # a particle of a verb is no change word
        ("Police tracked down 52 fugitives and broke up 17 gangs.", "52"),
        ("Police tracked down 52 fugitives and broke up 17 gangs.", "17"),
    ],
)
def test_a_level_is_no_difference(extract, text, count):
    assert by_text(extract(text), count).difference is None


@pytest.mark.parametrize(
    "text, change, count, direction",
    [
        # ', or X%' after a difference restates it as a change, not the share of '300, or 20 percent, involved'
        ("Cases filed rose by 9,960, or 3.1 percent, year on year.", "3.1 percent", "9,960", "up"),
        ("Drug cases went down by 1,085, or 6.4%, from 2021.", "6.4%", "1,085", "down"),
        ("Arrests increased by 167 people, up 3.95% from last year.", "3.95%", "167", "up"),
        ("Smuggling cases came to 1,320, down 88 cases or 6.2 percent.", "6.2 percent", "1,320", "down"),
    ],
)
def test_a_change_after_a_difference_qualifies_it(extract, text, change, count, direction):
    r = extract(text)
    pct = by_text(r, change)
    assert (pct.role, pct.direction) == ("change", direction)
    assert r.fact(pct.of).text == count


@pytest.mark.parametrize(
    "text, status",
    [
        # 2 / 16 = 12.5% (read as a level, 2 would fail: no whole b gives 2 / b - 1 = 12.5%)
        ("Hearings rose by 2, up 12.5% from last year.", "consistent"),
        # 167 / b = 3.95% for b from 4,223 to 4,233: always some whole earlier count
        ("Arrests increased by 167 people, up 3.95% from last year.", "untestable"),
        # 3 / 11 = 27.27% rounds to 27.3%; 3 / b is never 28.6% for a whole b
        ("Appeals fell by 3, down 27.3% from last year.", "consistent"),
        ("Appeals fell by 3, down 28.6% from last year.", "inconsistent"),
        # a difference written to the thousand always finds an earlier count
        ("Cases rose by 9,000, or 3.1 percent, year on year.", "untestable"),
    ],
)
def test_a_difference_is_audited_as_a_difference(extract, text, status):
    (finding,) = baseline_findings(extract(text))
    assert finding.status == status


ZH = [
    # no level stated: the change is of the difference ('结案数增加12.6万件，上升18.32%')
    ("今年以来，全省法院结案数增加12.6万件，上升18.32%。", "18.32%", "12.6万"),
    ("未结案件减少900件，下降1.27%。", "1.27%", "900"),
    # a level stated before: the change is of the level, as before
    ("全年共立盗窃案件2627起，同比减少215起，下降7.6%。", "7.6%", "2627"),
]


@pytest.mark.parametrize("text, change, count", ZH)
def test_a_chinese_change_after_a_difference(text, change, count):
    r = extract_api(text, "2024-06-30", lang="zh")
    pct = by_text(r, change)
    assert r.fact(pct.of).text == count
    assert [f.difference for f in r.facts if f.kind == "count" and f.text != count] in ([], ["down"])


def test_a_chinese_difference_is_marked():
    r = extract_api("受理案件同比增加了167件，减少72起。", "2024-06-30", lang="zh")
    assert [(f.text, f.difference) for f in r.facts if f.kind == "count"] == [("167", "up"), ("72", "down")]
