"""Changes averaged over several years ('an average annual increase of 24.3%', '年均增长24.3%'): marked `average`,
linked to their count as any change, and never tested against one earlier count (no whole-number baseline can
say anything about a compound rate)."""

import pytest
from conftest import by_text

from extractor.api import extract as extract_any
from extractor.checks import audit

AVERAGED = [
    ("Courts concluded 38 cases in 2023, an average annual increase of 24.3% since 2019.", "24.3%"),
    ("Prosecutors filed 41 cases, growing at an annualized 13.7 percent over five years.", "13.7 percent"),
    ("The number of suspects reached 57, averaging 11.3% growth a year since 2018.", "11.3%"),
]


@pytest.mark.parametrize("text, change", AVERAGED, ids=["average-annual", "annualized", "averaging"])
def test_an_averaged_change_is_marked_and_left_untested(extract, text, change):
    record = extract(text)
    pct = by_text(record, change)
    assert (pct.role, pct.average) == ("change", True)
    findings = [f for f in audit(record) if pct.id in f.facts]
    assert findings and all(f.status == "untestable" for f in findings)


def test_a_one_step_change_of_the_same_figures_is_still_tested(extract):
    # the same count and rate as a plain year-on-year change: no whole earlier count gives +24.3% on 38
    record = extract("Police solved 38 cases, up 24.3% year on year.")
    pct = by_text(record, "24.3%")
    assert pct.average is None
    assert [f.status for f in audit(record) if pct.id in f.facts] == ["inconsistent"]


@pytest.mark.parametrize(
    "text, change",
    [
        ("2019年至2023年，全市法院受理案件38件，年均增长24.3%。", "24.3%"),
        ("近五年共查办案件41件，平均每年增长13.7%。", "13.7%"),
    ],
    ids=["nianjun", "pingjun-meinian"],
)
def test_a_chinese_averaged_change_is_marked_and_left_untested(text, change):
    record = extract_any(text, "2024-06-30", lang="zh")
    (pct,) = [f for f in record.facts if f.text == change]
    assert (pct.role, pct.average) == ("change", True)
    assert all(f.status == "untestable" for f in audit(record) if pct.id in f.facts)
