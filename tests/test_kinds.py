"""Percentages, multipliers and money: the phrase families of the genre and their fields."""

import pytest
from conftest import by_text, facts_of

# (sentence, percentage surface, role, direction, basis, points)
PERCENTAGES = [
    (
        "Courts filed 999 cases, a year-on-year increase of 28.6%.",
        "28.6%",
        "change",
        "up",
        "year_on_year",
        False,
    ),
    (
        "Police solved 3,260 cases, up 24.2 percent from 2016.",
        "24.2 percent",
        "change",
        "up",
        "named_year",
        False,
    ),
    (
        "The number was 21.7 percent higher than the same period last year.",
        "21.7 percent",
        "change",
        "up",
        "year_on_year",
        False,
    ),
    (
        "Customs cracked 3,671 cases, down 21.5 percent on last year.",
        "21.5 percent",
        "change",
        "down",
        "year_on_year",
        False,
    ),
    (
        "The value was 7.12 billion yuan, up a whopping 63 percent year on year.",
        "63 percent",
        "change",
        "up",
        "year_on_year",
        False,
    ),
    (
        "Prosecutors charged 14,902 people, a 5.2 percent year-on-year increase.",
        "5.2 percent",
        "change",
        "up",
        "year_on_year",
        False,
    ),
    (
        "That is a rise of 75.8 percent from the previous year.",
        "75.8 percent",
        "change",
        "up",
        "year_on_year",
        False,
    ),
    ("Fatal accidents have dropped by 30%.", "30%", "change", "down", "none", False),
    ("Addicts fell 17.5% year-on-year.", "17.5%", "change", "down", "year_on_year", False),
    (
        "The cases rose 12 per cent over the previous five years.",
        "12 per cent",
        "change",
        "up",
        "previous_period",
        False,
    ),
    ("Arrests were down 3.4 pct month-on-month.", "3.4 pct", "change", "down", "previous_period", False),
    (
        "The non-arrest rate was 22.4%, an increase of 0.3 percentage points year-on-year.",
        "0.3 percentage points",
        "change",
        "up",
        "year_on_year",
        True,
    ),
    (
        "The rate fell 1.8 percentage points from 2020.",
        "1.8 percentage points",
        "change",
        "down",
        "named_year",
        True,
    ),
    ("The non-arrest rate was 46.2%.", "46.2%", "rate", None, None, False),
    ("The supervision adoption rate was 87.8%.", "87.8%", "rate", None, None, False),
    ("The non-prosecution rate rose to 26.3%.", "26.3%", "rate", None, None, False),
    ("Theft cases numbered 188,408, accounting for 17.3%.", "17.3%", "share", None, None, False),
    ("More than 81 percent of the crimes have been solved.", "81 percent", "share", None, None, False),
    ("The court adopted 99% of the sentencing suggestions.", "99%", "share", None, None, False),
    ("Online filing made up 72.5% of civil cases.", "72.5%", "share", None, None, False),
    ("The figure stood at 4.5 percent.", "4.5 percent", "level", None, None, False),
    ("Police arrested 1,620 people, 9 percent more than 2018.", "9 percent", "change", "up", "named_year", False),
    ("Cases were 15 percent fewer than last year.", "15 percent", "change", "down", "year_on_year", False),
    ("The share rose from 46.2% in 2015 to 89.7% in 2020.", "46.2%", "level", None, None, False),
    ("Cases filed +9.3%, persons punished -2.1%.", "2.1%", "change", "down", "none", False),
    ("The amount fell by 18.4%，the number of cases by 3%.", "18.4%", "change", "down", "none", False),
    ("Of the 1,500 cases, 300, or 20 percent, involved officials.", "20 percent", "share", None, None, False),
    ("Of the suspects, 64.6 percent were aged under 35.", "64.6 percent", "share", None, None, False),
    (
        "The application rate of the leniency system for confessing guilt and accepting punishment reached 87.6%.",
        "87.6%",
        "rate",
        None,
        None,
        False,
    ),
    ("Cases and persons were up 10 and 20 percent respectively.", "10", "change", "up", "none", False),
    ("Compared with the first quarter of 2021, the number of people punished increased by 2.5 percent.",
     "2.5 percent", "change", "up", "named_year", False),
    ("Cases were up 5% in 2019.", "5%", "change", "up", "none", False),
    ("Cases were 12% lower than in 2019.", "12%", "change", "down", "named_year", False),
    # a comparison word right after the figure
    ("The share was 61%, 3.5 percentage points above the provincial level.", "3.5 percentage points", "change", "up",
     "none", True),
    ("Fraud losses stayed 7 percent below the cap.", "7 percent", "change", "down", "none", False),
]


@pytest.mark.parametrize(
    "text, surface, role, direction, basis, points",
    PERCENTAGES,
    ids=[p[1] + ":" + p[0][:30] for p in PERCENTAGES],
)
def test_percentages(extract, text, surface, role, direction, basis, points):
    p = by_text(extract(text), surface, "percentage")
    assert (p.role, p.direction, p.basis, p.points) == (role, direction, basis, points)


def test_named_year_basis_keeps_the_year(extract):
    p = by_text(extract("Cases were up 24.2 percent from 2016."), "24.2 percent")
    assert p.basis_year == 2016


def test_rate_name(extract):
    p = by_text(extract("In 2019 the non-prosecution rate was 9.5%."), "9.5%")
    assert p.rate_name == "non-prosecution rate"


def test_approx_percentage(extract):
    p = by_text(extract("They accounted for more than 90% of those concluded."), "90%")
    assert p.approx == "more_than"


# (sentence, multiplier surface, value, approx, suspect)
MULTIPLIERS = [
    (
        "Prosecutors charged 144,000 people, 2.2 times the figure in the previous five years.",
        "2.2 times",
        2.2,
        None,
        False,
    ),
    ("The number of cases rose 4.26-fold.", "4.26-fold", 4.26, None, False),
    (
        "Seizures reached 17 tons, nearly three times the amount a year earlier.",
        "three times",
        3,
        "nearly",
        False,
    ),
    ("Fraud cases doubled compared with 2019.", "doubled", 2, None, False),
    ("Fraud websites jumped tenfold.", "tenfold", 10, None, False),
    ("Police seized 4,120 guns in 2018, more than double the previous year.", "double the", 2, "more_than", False),
    ("The caseload is nearly triple that of 2015.", "triple that", 3, "nearly", False),
    (
        "The number of investigations was 4.26 compared with the same period last year. Times.",
        "4.26",
        4.26,
        None,
        True,
    ),
]


@pytest.mark.parametrize("text, surface, value, approx, suspect", MULTIPLIERS, ids=[m[1] for m in MULTIPLIERS])
def test_multipliers(extract, text, surface, value, approx, suspect):
    m = by_text(extract(text), surface, "multiplier")
    assert (m.value, m.approx, m.suspect) == (value, approx, suspect)


def test_double_as_an_adjective_is_no_multiplier(extract):
    assert [f for f in extract("They ran a double check on 400 files.").facts if f.kind == "multiplier"] == []


def test_countless_times_is_no_multiplier(extract):
    assert facts_of(extract("They confronted drug dealers countless times."), "multiplier") == []


# (sentence, money surface, value, currency, approx)
MONEY = [
    ("Police recovered 277 million yuan for the masses.", "277 million yuan", 277_000_000, "CNY", None),
    ("The gambling ring moved 400 billion RMB.", "400 billion RMB", 400_000_000_000, "CNY", None),
    ("Fines reached RMB 500,000.", "RMB 500,000", 500_000, "CNY", None),
    ("The company earned some 2.6 million yuan.", "2.6 million yuan", 2_600_000, "CNY", "about"),
    ("Assets worth $2.7 billion were frozen.", "$2.7 billion", 2_700_000_000, "USD", None),
    ("Losses were US$307,000.", "US$307,000", 307_000, "USD", None),
    ("The fund held 1.3 billion U.S. dollars.", "1.3 billion U.S. dollars", 1_300_000_000, "USD", None),
    ("Assets of HK$498 million were seized.", "HK$498 million", 498_000_000, "HKD", None),
    (
        "The deal involved 30 million Hong Kong dollars.",
        "30 million Hong Kong dollars",
        30_000_000,
        "HKD",
        None,
    ),
    ("Over 55.3 billion yuan was recovered.", "55.3 billion yuan", 55_300_000_000, "CNY", "over"),
    ("Investigators froze 12 million euros.", "12 million euros", 12_000_000, "EUR", None),
    ("They traded US$5.6m in crypto.", "US$5.6m", 5_600_000, "USD", None),
    ("a smuggling case worth 220\nmillion yuan", "220\nmillion yuan", 220_000_000, "CNY", None),
    ("Casinos paid MOP 27.5 million in fines.", "MOP 27.5 million", 27_500_000, "MOP", None),
    ("Customs seized HK$2.3m in cash.", "HK$2.3m", 2_300_000, "HKD", None),
    ("Police froze 1.2 billion yuan（about 170 million US dollars）.", "1.2 billion yuan", 1_200_000_000, "CNY", None),
    # a currency on both sides, as translation doubles it: one amount, the sign's currency
    ("The ring laundered $8.3 million dollars.", "$8.3 million dollars", 8_300_000, "USD", None),
    ("Nearly RMB 40 million yuan was recovered.", "RMB 40 million yuan", 40_000_000, "CNY", "nearly"),
    ("Cash of HK$ 2 million dollars was found.", "HK$ 2 million dollars", 2_000_000, "HKD", None),
]


@pytest.mark.parametrize("text, surface, value, currency, approx", MONEY, ids=[m[1] for m in MONEY])
def test_money(extract, text, surface, value, currency, approx):
    m = by_text(extract(text), surface, "money")
    assert (m.value, m.currency, m.approx) == (value, currency, approx)


def test_trillion_garble_is_read_as_yi_and_flagged(extract):
    m = by_text(extract("Courts enforced cases valuing 81,700 trillion yuan."), "81,700 trillion yuan")
    assert m.value == 8_170_000_000_000
    assert m.suspect and "亿" in m.suspect_reason
