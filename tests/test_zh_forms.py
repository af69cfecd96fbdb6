"""Chinese forms that Hong Kong, Macau and some mainland releases write: years in number characters (二〇一九年),
前年 / 上一年 / 上月 / 昨 / 年底, a year's 同期 read as the release's own period, 百分之 before the number, and
Arabic digits between scale characters (2亿2392万, 1萬4109). New sentences in the genre's style, none from a corpus."""

import pytest

from extractor.api import extract


def zh(text, ref="2024-10-20"):
    rec = extract(text, ref, lang="zh")
    assert all(text[f.start : f.end] == f.text for f in rec.facts)
    return rec


def fact(rec, text, kind):
    found = [f for f in rec.facts if f.text == text and f.kind == kind]
    assert len(found) == 1, [(f.kind, f.text) for f in rec.facts]
    return found[0]


@pytest.mark.parametrize(
    "text, date, value",
    [
        ("二〇二一年，全港罪案下降5%。", "二〇二一年", "2021"),
        ("二〇二二年上半年，警方共破获案件3200宗。", "二〇二二年上半年", "2022-H1"),
        ("一九九八年起实施的条例仍然有效。", "一九九八年", "1998"),
        ("五月以来，警方共拘捕420人。", "五月以来", "XXXX-05"),
    ],
)
def test_years_and_months_in_number_characters_are_dates(text, date, value):
    assert fact(zh(text), date, "date").value == value


@pytest.mark.parametrize(
    "text, date, resolved",
    [
        ("盗窃案共991宗，较前年减少13%。", "前年", "2022"),
        ("罚没款比上一年增长12.5%。", "上一年", "2023"),
        ("警方昨公布上半年罪案数字。", "昨", None),
        ("上月共发生诈骗案120宗。", "上月", None),
        ("至年底，整体罪案上升3%。", "年底", None),
    ],
)
def test_words_for_periods_that_refer_back_are_relative_dates(text, date, resolved):
    f = fact(zh(text), date, "date")
    assert f.value == "REL"
    assert f.resolved == resolved


def test_a_day_word_keeps_its_own_date_and_no_word_is_half_read():
    rec = zh("昨日警方拘捕3人，昨天又拘捕2人。")
    assert {f.text for f in rec.facts if f.kind == "date"} == {"昨日", "昨天"}


@pytest.mark.parametrize(
    "text, date, value",
    [
        ("今年1月至9月，共开立案件8,420宗，较2023年同期增加620宗。", "2023年同期", "2023-01/2023-09"),
        ("今年前三季度，共破获案件5100宗，比2022年同期下降4%。", "2022年同期", "2022-01/2022-09"),
        ("二〇二四年上半年罪案3100宗，较二〇二三年同期上升2%。", "二〇二三年同期", "2023-H1"),
        # no period of months named: the year itself
        ("全年共破获案件5100宗，比2022年同期下降4%。", "2022年同期", "2022"),
    ],
)
def test_a_years_same_period_is_the_period_the_release_reports_on(text, date, value):
    rec = zh(text)
    assert fact(rec, date, "date").value == value
    assert not [f for f in rec.facts if f.kind == "date" and f.text == "同期"]


@pytest.mark.parametrize(
    "text, pct, value, role",
    [
        ("整体罪案下降百分之4.7。", "百分之4.7", 4.7, "change"),
        ("诈骗案占全部罪案的百分之三十五。", "百分之三十五", 35, "share"),
        ("破案率为百分之62.5。", "百分之62.5", 62.5, "rate"),
    ],
)
def test_a_percentage_written_after_bai_fen_zhi(text, pct, value, role):
    f = fact(zh(text), pct, "percentage")
    assert (f.value, f.role) == (value, role)


@pytest.mark.parametrize(
    "text, figure, kind, value",
    [
        ("罚没款2亿2392万元。", "2亿2392万元", "money", 223920000),
        ("涉案金额67億1779萬元。", "67億1779萬元", "money", 6717790000),
        ("共拘捕1萬4109人。", "1萬4109", "count", 14109),
        ("查获3万5千件。", "3万5千", "count", 35000),
        ("涉案1亿5千万元。", "1亿5千万元", "money", 150000000),
    ],
)
def test_arabic_digits_between_scale_characters_are_one_number(text, figure, kind, value):
    assert fact(zh(text), figure, kind).value == value


def test_a_year_after_a_scale_is_no_part_of_the_number():
    rec = zh("全年共5万人，2018年为4万人。")
    assert fact(rec, "2018年", "date").value == "2018"
    assert fact(rec, "5万", "count").value == 50000


@pytest.mark.parametrize(
    "text, dates",
    [
        ("2020年4月、8月、11月，分别开展专项检查。", {"2020年4月": "2020-04", "8月": "2020-08", "11月": "2020-11"}),
        ("2021年3月和9月，警方两次通报。", {"2021年3月": "2021-03", "9月": "2021-09"}),
    ],
)
def test_months_listed_after_a_month_of_a_year_are_of_that_year(text, dates):
    rec = zh(text)
    assert {f.text: f.value for f in rec.facts if f.kind == "date"} == dates
