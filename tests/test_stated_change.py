"""Changes measured against an earlier figure the release states: linked as `baseline`, checked by the audit."""

import pytest
from conftest import by_text

from extractor.checks import audit


def stated(record):
    return [f for f in audit(record) if f.check == "stated_change"]


@pytest.mark.parametrize(
    "text, change, now, base",
    [
        ("Cases fell by 9 per cent from 2,689 in 2022 to 2,447.", "9 per cent", "2,447", "2,689"),
        ("Police handled 4,800 cases, compared with 4,000 in 2021, an increase of 25 percent.", "25 percent",
         "4,800", "4,000"),
        ("Courts heard 512,000 cases in 2020 and 598,000 cases in 2021, an increase of 16.8%.", "16.8%", "598,000",
         "512,000"),
        ("The number of cases rose from 1,250 in 2018 to 1,600 in 2019, up 28 percent.", "28 percent", "1,600",
         "1,250"),
    ],
)
def test_baseline_is_linked(extract, text, change, now, base):
    r = extract(text)
    pct = by_text(r, change)
    assert r.fact(pct.of).text == now and r.fact(pct.baseline).text == base


@pytest.mark.parametrize(
    "text, status",
    [
        ("Courts heard 512,000 cases in 2020 and 598,000 cases in 2021, an increase of 16.8%.", "consistent"),
        ("Courts heard 512,000 cases in 2020 and 598,000 cases in 2021, an increase of 21.8%.", "inconsistent"),
        ("The number of cases rose from 1,250 in 2018 to 1,600 in 2019, up 28 percent.", "consistent"),
        ("The number of cases rose from 1,250 in 2018 to 1,600 in 2019, up 20 percent.", "inconsistent"),
        ("Cases fell by 9 per cent from 2,689 in 2022 to 2,447.", "consistent"),
        ("Cases fell by 12 per cent from 2,689 in 2022 to 2,447.", "inconsistent"),
        ("The rate rose from 46.2% in 2015 to 49.7% in 2016, up 3.5 percentage points.", "consistent"),
        ("The rate rose from 46.2% in 2015 to 49.7% in 2016, up 4.5 percentage points.", "inconsistent"),
        ("Frauds rose from 300 cases in 2019 to 1,200 cases in 2020, 4 times the earlier figure.", "consistent"),
        ("Frauds rose from 300 cases in 2019 to 1,200 cases in 2020, 3 times more.", "consistent"),
        ("Frauds rose from 300 cases in 2019 to 1,200 cases in 2020, 2.5 times more.", "inconsistent"),
        # a change of a rate written with '%' holds as a relative change or as its change in points
        ("The closure rate reached 88.42%, an increase of 6.21% compared with 82.21% in 2018.", "consistent"),
        ("The closure rate reached 88.42%, an increase of 7.55% compared with 82.21% in 2018.", "consistent"),
        ("The closure rate reached 88.42%, an increase of 4.1% compared with 82.21% in 2018.", "inconsistent"),
    ],
)
def test_stated_change(extract, text, status):
    (found,) = stated(extract(text))
    assert found.status == status
    assert "arithmetic" in found.details


def test_a_change_with_no_stated_baseline_is_not_this_check(extract):
    assert stated(extract("Police filed 999 cases, up 28.6% year-on-year.")) == []


def test_each_change_takes_the_earlier_figure_stated_after_it(extract):
    r = extract(
        "The court closed 3,900 cases (an increase of 30% compared with 3,000 cases in 2019), with 450 cases "
        "pending (a decrease of 25% compared with 600 cases in 2019)."
    )
    assert [r.fact(by_text(r, q).baseline).text for q in ("30%", "25%")] == ["3,000", "600"]
    assert [f.status for f in stated(r)] == ["consistent", "consistent"]


def test_a_change_restating_a_difference_is_of_the_level(extract):
    r = extract(
        "The court handled 5,130 fraud cases, showing an increase of 690 cases or 15.5% compared with 4,440 cases "
        "in the previous year."
    )
    pct = by_text(r, "15.5%")
    assert (pct.role, r.fact(pct.of).text, r.fact(pct.baseline).text) == ("change", "5,130", "4,440")
    assert [f.status for f in stated(r)] == ["consistent"]
