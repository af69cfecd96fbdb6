"""The audit checks on hand-made records: rounding edges, approximate figures, tiny baselines, odd input."""

from __future__ import annotations

import json
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest

from extractor.checks import (
    CHECK_NAMES,
    audit,
    change_baseline,
    coverage,
    currency_conversion,
    load_exchange_rates,
    load_rate_definitions,
    multiplier_baseline,
    named_rate,
    parts_and_wholes,
    repeated_figure,
    share_of_total,
)
from extractor.checks.intervals import fact_interval, precision_of, rounding_interval
from extractor.io.report_text import render_text, sentence_at
from extractor.models import (
    Conversion,
    CountFact,
    DateFact,
    DocumentRecord,
    MoneyFact,
    MultiplierFact,
    PartOf,
    PercentageFact,
    RateOf,
    Respectively,
    Sum,
)
from extractor.patterns import PatternFileError, PatternRow, patterns_dir

F = Fraction


class Doc:
    """Lays facts out in a fake release so every fact's offsets match its text."""

    def __init__(self) -> None:
        self.text = ""
        self.facts: list = []
        self.relations: list = []

    def say(self, words: str) -> Doc:
        self.text += words
        return self

    def _add(self, cls, fid: str, text: str, **kw) -> Doc:
        start = len(self.text)
        self.text += text
        self.facts.append(cls(id=fid, text=text, start=start, end=start + len(text), **kw))
        return self

    def count(self, fid, text, value, **kw) -> Doc:
        return self._add(CountFact, fid, text, value=value, **kw)

    def pct(self, fid, text, value, **kw) -> Doc:
        return self._add(PercentageFact, fid, text, value=value, **kw)

    def mult(self, fid, text, value, **kw) -> Doc:
        return self._add(MultiplierFact, fid, text, value=value, **kw)

    def money(self, fid, text, value, currency, **kw) -> Doc:
        return self._add(MoneyFact, fid, text, value=value, currency=currency, **kw)

    def date(self, fid, text, value, **kw) -> Doc:
        return self._add(DateFact, fid, text, value=value, **kw)

    def rel(self, relation) -> Doc:
        self.relations.append(relation)
        return self

    def record(self, **kw) -> DocumentRecord:
        return DocumentRecord(source="test.txt", facts=self.facts, relations=self.relations, **kw)


def only(findings, check=None):
    """The single finding (of `check`), failing the test when there is not exactly one."""
    found = [f for f in findings if check is None or f.check == check]
    assert len(found) == 1, [f.message for f in found]
    return found[0]


# ---------------------------------------------------------------- precision and intervals

PRECISION_CASES = [
    ("28.6%", 28.6, "percentage", F(1, 20), True),
    ("4.26 times", 4.26, "multiplier", F(1, 200), True),
    ("3 times", 3, "multiplier", F(1, 2), True),
    ("1,285", 1285, "count", F(0), False),
    ("2085", 2085, "count", F(0), False),
    ("100", 100, "count", F(0), False),
    ("nine", 9, "count", F(0), False),
    ("316,000", 316000, "count", F(500), True),
    ("60,000", 60000, "count", F(5000), True),
    ("1.6 million", 1600000, "count", F(50000), True),
    ("2.617 million", 2617000, "count", F(500), True),
    ("US$307,000", 307000, "money", F(500), True),
    ("HK$45 million", 45000000, "money", F(500000), True),
    ("220\nmillion yuan", 220000000, "money", F(500000), True),
]


@pytest.mark.parametrize(
    "text, value, kind, half, rounded",
    PRECISION_CASES,
    ids=[c[0].replace("\n", "_") for c in PRECISION_CASES],
)
def test_precision_comes_from_the_text(text, value, kind, half, rounded):
    prec = precision_of(text, value, kind)
    assert prec.half == half
    assert prec.rounded is rounded


ROUNDING_CASES = [
    # value, half, conventions, x, inside
    (28.6, F(1, 20), ("half_up",), F("28.55"), True),
    (28.6, F(1, 20), ("half_up",), F("28.65"), False),
    (28.6, F(1, 20), ("half_even",), F("28.65"), True),  # 6 is even: 28.65 rounds to 28.6
    (28.5, F(1, 20), ("half_even",), F("28.55"), False),  # 5 is odd: 28.55 rounds to 28.6
    (28.6, F(1, 20), ("truncate",), F("28.69"), True),
    (28.6, F(1, 20), ("truncate",), F("28.7"), False),
    (28.6, F(1, 20), ("truncate",), F("28.59"), False),
    (28.6, F(1, 20), ("half_up", "half_even", "truncate"), F("28.549"), False),
    (28.6, F(1, 20), ("half_up", "half_even", "truncate"), F("28.699"), True),
]


@pytest.mark.parametrize("value, half, conventions, x, inside", ROUNDING_CASES)
def test_rounding_interval_edges(value, half, conventions, x, inside):
    assert rounding_interval(value, half, conventions).contains(x) is inside


def test_unknown_rounding_convention_is_refused():
    with pytest.raises(ValueError, match="banker"):
        rounding_interval(28.6, F(1, 20), ("banker",))


def test_qualifiers_widen_the_interval():
    d = Doc().count("a", "700,000", 700000, approx="more_than").count("b", "2,700", 2700, approx="nearly")
    more, nearly = d.facts
    iv = fact_interval(more)
    assert iv.hi is None and iv.lo == 650000  # '700,000' may be 7 rounded ten-thousands (70万)
    iv = fact_interval(nearly)
    assert iv.lo == 2430 and iv.hi == 2700  # up to 10% below, never above


# ---------------------------------------------------------------- change_baseline


def seed_record() -> DocumentRecord:
    d = Doc().say("The bureau opened ")
    d.count("c1", "999", 999, unit="case").say(" cases and charged ")
    d.count("c2", "1,285", 1285, unit="person").say(" people, up ").pct(
        "p1", "28.6%", 28.6, role="change", direction="up", of="c1"
    )
    d.say(" and ").pct("p2", "24.5%", 24.5, role="change", direction="up", of="c2")
    d.say(" respectively. Of these, ")
    d.count("c3", "119", 119, unit="case").say(" were major, up ")
    d.pct("p3", "72.5%", 72.5, role="change", direction="up", of="c3").say("; ")
    d.count("c4", "138", 138, unit="case").say(" cases of sentence reduction were found, ")
    d.mult("m1", "4.26 times", 4.26, of="c4").say(" as many as a year before.")
    return d.record()


@pytest.mark.parametrize("pct_id, baseline", [("p1", 777), ("p2", 1032), ("p3", 69)])
def test_seed_changes_are_consistent_with_whole_baselines(pct_id, baseline):
    found = [f for f in change_baseline(seed_record()) if pct_id in f.facts]
    f = only(found)
    assert f.status == "consistent"
    assert baseline in f.details["baselines"]
    assert any(c["baseline"] == baseline and c["rounds_to_reported"] for c in f.details["candidates"])
    assert f"{baseline:,}" in f.message


def test_seed_multiplier_fails_under_both_readings():
    f = only(multiplier_baseline(seed_record()))
    assert f.status == "inconsistent"
    assert f.details["holds"] == []
    assert f.details["readings"]["times"]["baselines"] == []
    assert f.details["readings"]["plus_one"]["baselines"] == []
    assert "32.39" in f.message and "26.24" in f.message


CHANGE_CASES = [
    # count text, value, pct text, value, direction, kwargs of the count, status, baselines
    ("3", 3, "50%", 50, "up", {}, "consistent", [2]),
    ("2", 2, "100%", 100, "up", {}, "consistent", [1]),
    ("1", 1, "100%", 100, "up", {}, "inconsistent", []),  # the baseline would be half a case
    ("7", 7, "30%", 30, "up", {}, "inconsistent", []),  # 7/5 is +40%, 7/6 is +16.7%
    ("3", 3, "25%", 25, "down", {}, "consistent", [4]),
    ("3", 3, "30%", 30, "down", {}, "inconsistent", []),
    ("0", 0, "100%", 100, "down", {}, "consistent", None),
    ("0", 0, "50%", 50, "down", {}, "inconsistent", None),
    ("0", 0, "20%", 20, "up", {}, "inconsistent", None),
    ("5", 5, "100%", 100, "down", {}, "inconsistent", None),  # a fall of 100% leaves nothing
    ("5", 5, "120%", 120, "down", {}, "inconsistent", []),
    ("316,000", 316000, "5.1%", 5.1, "up", {}, "untestable", None),  # rounded to the thousand
    ("1.6 million", 1600000, "5.1%", 5.1, "up", {}, "untestable", None),
    ("700", 700, "5.1%", 5.1, "up", {"approx": "more_than"}, "untestable", None),
    ("123,457", 123457, "5.1%", 5.1, "up", {}, "untestable", None),  # every count this size fits
]


@pytest.mark.parametrize(
    "ctext, n, ptext, p, direction, ckw, status, baselines",
    CHANGE_CASES,
    ids=[f"{c[0]}-{c[4]}-{c[2]}" for c in CHANGE_CASES],
)
def test_change_baseline_edges(ctext, n, ptext, p, direction, ckw, status, baselines):
    d = Doc().count("c", ctext, n, **ckw).say(" cases, ")
    d.pct("p", ptext, p, role="change", direction=direction, of="c")
    f = only(change_baseline(d.record()))
    assert f.status == status, f.message
    if baselines is not None:
        assert f.details["baselines"] == baselines
    if status == "inconsistent" and n == 5 and p == 100:
        assert f.severity == "warning" and "1,000" in f.details["arithmetic"]


@pytest.mark.parametrize(
    "ptext, p, rounding, status",
    [
        # 9 from 8 is exactly +12.5%: half-up gives 13%, half-even and truncation give 12%
        ("13%", 13, ("half_up",), "consistent"),
        ("13%", 13, ("half_even",), "inconsistent"),
        ("13%", 13, ("truncate",), "inconsistent"),
        ("12%", 12, ("half_up",), "inconsistent"),
        ("12%", 12, ("half_even",), "consistent"),
        ("12%", 12, ("half_up", "half_even", "truncate"), "consistent"),
        ("13%", 13, ("half_up", "half_even", "truncate"), "consistent"),
    ],
)
def test_change_baseline_at_a_half_boundary(ptext, p, rounding, status):
    d = Doc().count("c", "9", 9).say(" cases, up ").pct("p", ptext, p, role="change", direction="up", of="c")
    f = only(change_baseline(d.record(), rounding=rounding))
    assert f.status == status


def test_change_in_points_or_of_a_non_count_is_not_tested():
    d = Doc().pct("r", "22.4%", 22.4, role="rate").say(" up ")
    d.pct("p", "0.3 percentage points", 0.3, role="change", direction="up", points=True, of="r")
    d.say(", and ").pct("q", "5%", 5, role="change", direction="up", of="r")
    d.say(", and ").pct("s", "7%", 7, role="change", direction="up", of="missing")
    assert change_baseline(d.record()) == []


# ---------------------------------------------------------------- multiplier_baseline

MULTIPLIER_CASES = [
    ("10", 10, "2.5 times", 2.5, {}, "consistent", ["times"]),
    ("12", 12, "3.0 times", 3.0, {}, "consistent", ["times", "plus_one"]),
    ("26", 26, "1.60 times", 1.6, {}, "consistent", ["plus_one"]),  # 26 = 2.60 x 10
    ("0", 0, "2.5 times", 2.5, {}, "inconsistent", None),
    ("3,000", 3000, "2.5 times", 2.5, {}, "untestable", None),
    ("10", 10, "2.5 times", 2.5, {"approx": "about"}, "untestable", None),
]


@pytest.mark.parametrize("ctext, n, mtext, x, mkw, status, holds", MULTIPLIER_CASES)
def test_multiplier_baseline_edges(ctext, n, mtext, x, mkw, status, holds):
    d = Doc().count("c", ctext, n).say(" cases, ").mult("m", mtext, x, of="c", **mkw)
    f = only(multiplier_baseline(d.record()))
    assert f.status == status, f.message
    if holds is not None:
        assert f.details["holds"] == holds


# ---------------------------------------------------------------- share_of_total

SHARE_CASES = [
    # part, whole, share text, value, rounding, status
    (("188,408", 188408), ("1,088,490", 1088490), "17.3%", 17.3, None, "consistent"),
    # 113 / 400 is exactly 28.25% (28.249999999999996 in floating point)
    (("113", 113), ("400", 400), "28.3%", 28.3, None, "consistent"),  # half-up
    (("113", 113), ("400", 400), "28.2%", 28.2, None, "consistent"),  # half-even, truncation
    (("113", 113), ("400", 400), "28.3%", 28.3, ("half_up",), "consistent"),
    (("113", 113), ("400", 400), "28.3%", 28.3, ("half_even",), "inconsistent"),
    (("113", 113), ("400", 400), "28.3%", 28.3, ("truncate",), "inconsistent"),
    (("113", 113), ("400", 400), "28.2%", 28.2, ("half_up",), "inconsistent"),
    (("113", 113), ("400", 400), "28.2%", 28.2, ("half_even",), "consistent"),
    (("113", 113), ("400", 400), "28.4%", 28.4, None, "inconsistent"),
    (("113", 113), ("400", 400), "28.1%", 28.1, None, "inconsistent"),
    (("1,500", 1500), ("1,023", 1023), "14.7%", 14.7, None, "inconsistent"),  # part larger than whole
    (("31,600", 31600), ("316,000", 316000), "10.0%", 10.0, None, "consistent"),
    (("32,100", 32100), ("316,000", 316000), "10.0%", 10.0, None, "inconsistent"),
]


@pytest.mark.parametrize("part, whole, stext, s, rounding, status", SHARE_CASES)
def test_share_of_total(part, whole, stext, s, rounding, status):
    d = Doc().count("w", *whole).say(" people in all, of whom ").count("a", *part).say(" were women, ")
    d.pct("s", stext, s, role="share", of="a", whole="w")
    kw = {"rounding": rounding} if rounding else {}
    f = only(share_of_total(d.record(), **kw))
    assert f.status == status, f.message


@pytest.mark.parametrize(
    "shares, status",
    [
        ([("40%", 40), ("35.2%", 35.2), ("25%", 25)], "consistent"),  # 100.2% stated, fine once rounded
        ([("50.1%", 50.1), ("50.0%", 50.0)], "consistent"),  # at least exactly 100%
        ([("50.2%", 50.2), ("50.0%", 50.0)], "inconsistent"),  # at least 100.1%
        ([("60%", 60), ("45%", 45)], "inconsistent"),
        ([("60%", 60), ("45%", 45, "less_than")], "consistent"),
    ],
)
def test_shares_of_one_whole_fit_in_100_percent(shares, status):
    d = Doc().count("w", "5,000", 5000).say(" cases: ")
    for i, (text, value, *approx) in enumerate(shares):
        kw = {"approx": approx[0]} if approx else {}
        d.pct(f"s{i}", text, value, role="share", whole="w", **kw).say(", ")
    f = only(share_of_total(d.record()))
    assert f.status == status
    assert f.facts == [f"s{i}" for i in range(len(shares))] + ["w"]  # the whole too: its link's confidence counts


def test_a_share_restated_in_brackets_is_summed_once():
    d = Doc().count("w", "5,000", 5000).say(" cases: about ")
    d.pct("a", "90%", 90, role="share", whole="w", approx="about").say(" (")
    d.pct("b", "88.6%", 88.6, role="share", whole="w").say(") civil and about ")
    d.pct("c", "10%", 10, role="share", whole="w", approx="about").say(" (")
    d.pct("e", "9.8%", 9.8, role="share", whole="w").say(") criminal")
    f = only(share_of_total(d.record()))
    assert f.status == "consistent" and f.facts == ["b", "e", "w"]


def test_nested_shares_are_not_summed():
    d = Doc().count("w", "5,000", 5000).say(" cases, ").count("a", "3,000", 3000).say(" of them fraud, ")
    d.pct("s1", "60%", 60, role="share", of="a", whole="w").say(", of which ")
    d.count("b", "2,500", 2500).say(" online, ").pct("s2", "50%", 50, role="share", of="b", whole="w")
    d.rel(PartOf(part="b", whole="a"))
    found = share_of_total(d.record())
    assert [f.status for f in found] == ["consistent", "consistent"]
    assert all(len(f.facts) == 3 for f in found)  # the two part/whole checks, no sum


# ---------------------------------------------------------------- parts_and_wholes

PART_CASES = [
    # part (text, value, kw), whole (text, value, kw), status
    (("120", 120, {}), ("100", 100, {}), "inconsistent"),
    (("80", 80, {}), ("100", 100, {}), "consistent"),
    (("100", 100, {}), ("100", 100, {}), "consistent"),
    (("100", 100, {"approx": "more_than"}), ("90", 90, {}), "inconsistent"),
    (("103", 103, {}), ("100", 100, {"approx": "about"}), "consistent"),
    (("1.2 million", 1200000, {}), ("1,190,000", 1190000, {}), "consistent"),  # rounded, may be equal
    # a bound reads as the genre writes it: 'more than 670,000' is 670,000 and some, short of 680,000 (67万余)
    (("728,000", 728000, {}), ("670,000", 670000, {"approx": "more_than"}), "inconsistent"),
    (("675,000", 675000, {}), ("670,000", 670000, {"approx": "more_than"}), "consistent"),
    (("140,000", 140000, {}), ("100,000", 100000, {"approx": "more_than"}), "consistent"),  # 1 to 2 hundred thousand
    (("3,100", 3100, {"approx": "more_than"}), ("3,000", 3000, {"approx": "more_than"}), "consistent"),
    (("4,100", 4100, {"approx": "more_than"}), ("3,900", 3900, {"approx": "more_than"}), "inconsistent"),
    # an exact part above a round whole as written, within what the whole may be rounded from: shown, not counted
    (("84,300", 84300, {}), ("84,000", 84000, {}), "doubtful"),
    (("84,600", 84600, {}), ("84,000", 84000, {}), "doubtful"),
    # counts of different classes on a link the linker did not state: a larger part says the link may be wrong
    # (doubtful), a smaller one tests nothing; a stated link is tested whatever the units
    (("80", 80, {"unit": "official"}), ("40", 40, {"unit": "case", "confidence": "cued"}), "doubtful"),
    (("30", 30, {"unit": "official"}), ("40", 40, {"unit": "case", "confidence": "cued"}), "untestable"),
    (("80", 80, {"unit": "official"}), ("40", 40, {"unit": "case", "confidence": "stated"}), "inconsistent"),
    # the unit table's classes: a trafficker is a suspect is a person; a crime is a case
    (("90", 90, {"unit": "trafficker"}), ("40", 40, {"unit": "person"}), "inconsistent"),
    (("50", 50, {"unit": "crime"}), ("40", 40, {"unit": "case"}), "inconsistent"),
    (("50", 50, {"unit": "tip-off"}), ("40", 40, {"unit": "report"}), "inconsistent"),
    (("80", 80, {"unit": "suspect"}), ("40", 40, {"unit": "person"}), "inconsistent"),
]


@pytest.mark.parametrize("part, whole, status", PART_CASES)
def test_part_of(part, whole, status):
    whole_kw = dict(whole[2])
    confidence = whole_kw.pop("confidence", "stated")
    d = Doc().count("w", whole[0], whole[1], **whole_kw).say(" in all, among them ")
    rel = PartOf(part="p", whole="w", cue="among them", confidence=confidence)
    d.count("p", part[0], part[1], **part[2]).rel(rel)
    f = only(parts_and_wholes(d.record()))
    assert f.status == status, f.message


@pytest.mark.parametrize(
    "parts, total, status",
    [
        ([("40", 40), ("60", 60)], ("100", 100), "consistent"),
        ([("40", 40), ("50", 50)], ("100", 100), "inconsistent"),
        ([("316,000", 316000), ("265,000", 265000)], ("581,400", 581400), "consistent"),
        ([("316", 316), ("265", 265)], ("582", 582), "inconsistent"),
    ],
)
def test_sum(parts, total, status):
    d = Doc().count("t", *total).say(" in all: ")
    for i, (text, value) in enumerate(parts):
        d.count(f"p{i}", text, value).say(" and ")
    d.rel(Sum(parts=[f"p{i}" for i in range(len(parts))], total="t"))
    f = only(parts_and_wholes(d.record()))
    assert f.status == status


def test_respectively_lists_of_different_lengths():
    d = Doc().count("a", "12", 12).say(" and ").count("b", "30", 30).say(" cases, up ")
    d.pct("x", "5%", 5, role="change", direction="up").say(", ")
    d.pct("y", "6%", 6, role="change", direction="up").say(" and ")
    d.pct("z", "7%", 7, role="change", direction="up").say(" respectively")
    d.rel(Respectively(items=["a", "b"], qualifiers=["x", "y", "z"], aligned=False))
    d.rel(Respectively(items=["a", "b"], qualifiers=["x", "y"], aligned=True))
    f = only(parts_and_wholes(d.record()))
    # a reading doubt (a dropped figure, or an item that is a noun with no figure), shown and not counted
    assert (f.status, f.severity) == ("doubtful", "warning")
    assert f.details["items"] == ["a", "b"] and len(f.details["qualifiers"]) == 3


# ---------------------------------------------------------------- named_rate


def rates_record(arrested=316000, not_arrested=265000, rate="46.2%", rate_value=46.2) -> DocumentRecord:
    d = Doc().say("Prosecutors approved and decided to arrest ")
    d.count("a", f"{arrested:,}", arrested, action="approved and decided to arrest", subject="suspects")
    d.say(" suspects, while ")
    d.count("n", f"{not_arrested:,}", not_arrested, action="not arrested", subject="people")
    d.say(" people were not arrested: the non-arrest rate was ")
    d.pct("r1", rate, rate_value, role="rate", rate_name="non-arrest rate").say(". They prosecuted ")
    d.count("p", "713,000", 713000, action="prosecuted", subject="people")
    d.say(" people and did not prosecute ")
    d.count("q", "265,000", 265000, action="not prosecuted", subject="people")
    d.say(", a non-prosecution rate of ")
    d.pct("r2", "27.1%", 27.1, role="rate", rate_name="non-prosecution rate")
    return d.record()


def test_named_rates_from_definitions():
    found = {f.facts[0]: f for f in named_rate(rates_record())}
    arrest, prosecution = found["r1"], found["r2"]
    # counts a definition finds with no relation stating them are a guess: a failing rate is doubtful
    assert arrest.status == "doubtful" and "not stated with it" in arrest.message
    assert arrest.details["computed_percent"] == pytest.approx(45.61, abs=0.01)
    assert arrest.facts == ["r1", "n", "a"]
    lo, hi, _ = arrest.details["computed_interval_percent"]
    assert 45.4 < lo < 45.6 < hi < 45.8
    assert prosecution.status == "consistent"
    assert prosecution.facts == ["r2", "q", "p"]
    assert prosecution.details["computed_percent"] == pytest.approx(27.10, abs=0.01)


def test_named_rate_consistent_when_counts_fit():
    found = [f for f in named_rate(rates_record(arrested=309000)) if f.facts[0] == "r1"]
    f = only(found)  # 265 / (265 + 309) = 46.17%
    assert f.status == "consistent"


def test_rate_relation_is_used_before_the_definitions():
    d = Doc().count("x", "1,024", 1024).say(" and ").count("y", "256", 256).say(" gave a clearance rate of ")
    d.pct("r", "20.0%", 20.0, role="rate", rate_name="clearance rate")
    d.rel(RateOf(rate="r", numerator="y", denominator=["x", "y"]))
    f = only(named_rate(d.record()))
    assert f.status == "consistent" and f.details["source"] == "relation"
    d.relations[0] = RateOf(rate="r", numerator="y", denominator=["x"])  # 256 / 1024 = 25%
    assert only(named_rate(d.record())).status == "inconsistent"


def test_named_rate_takes_the_nearest_counts_before_it():
    d = Doc().count("old", "900", 900, action="arrested").say(" arrested last year; this year ")
    d.count("a", "300", 300, action="arrested").say(" arrested and ")
    d.count("n", "100", 100, action="not arrested").say(" not arrested, a non-arrest rate of ")
    d.pct("r", "25%", 25, role="rate", rate_name="non-arrest rate")
    d.say("; later ").count("late", "5", 5, action="arrested")
    f = only(named_rate(d.record()))
    assert f.status == "consistent" and f.facts == ["r", "n", "a"]


def test_named_rate_without_its_counts_is_untestable_and_unknown_rates_are_skipped():
    d = Doc().count("a", "300", 300, action="arrested").say(" arrested; non-arrest rate ")
    d.pct("r", "25%", 25, role="rate", rate_name="non-arrest rate").say("; conviction rate ")
    d.pct("s", "99.8%", 99.8, role="rate", rate_name="conviction rate")
    f = only(named_rate(d.record()))
    assert f.status == "untestable" and f.details["missing"] == ["numerator"]


def test_bundled_rate_definitions_load():
    defs = load_rate_definitions()
    names = {d.name for d in defs}
    assert {"non-arrest rate", "non-prosecution rate", "adoption rate"} <= names
    assert all(d.where.startswith("rates.jsonl:") for d in defs)


def test_bad_rate_definitions_name_file_and_line(tmp_path):
    good = {"formula": "numerator / (numerator + complement)", "numerator": "not", "complement": "x"}

    def row(rid, **attrs):
        return {"id": rid, "label": "RATE_DEFINITION", "pattern": "a rate", "attrs": {**good, **attrs}}

    rows = [
        row("rates-ok-001"),
        row("rates-bad-001", formula="a/b"),
        row("rates-bad-002", numerator="("),
        row("rates-bad-003", colour=1),
    ]
    path = tmp_path / "rates.jsonl"
    path.write_text("// my rates\n" + "\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    with pytest.raises(PatternFileError) as err:
        load_rate_definitions(path)
    msg = str(err.value)
    assert "rates.jsonl:3: rates-bad-001" in msg and "formula" in msg
    assert "rates.jsonl:4: rates-bad-002" in msg and "regular expression" in msg
    assert "rates.jsonl:5: rates-bad-003" in msg and "'colour'" in msg
    assert "rates.jsonl:2" not in msg


def test_user_rate_definitions_as_pattern_rows():
    row = PatternRow(
        id="rates-clearance-001",
        label="RATE_DEFINITION",
        pattern="clearance rate",
        attrs={"formula": "numerator / denominator", "numerator": "solved", "denominator": "filed"},
    )
    d = Doc().count("f", "400", 400, action="filed").say(" filed, ").count("s", "300", 300, action="solved")
    d.say(" solved, a clearance rate of ").pct("r", "75%", 75, role="rate", rate_name="case clearance rate")
    f = only(named_rate(d.record(), rates=[row]))
    assert f.status == "consistent" and f.facts == ["r", "s", "f"]


# ---------------------------------------------------------------- currency_conversion

CONVERSION_CASES = [
    # (text, value, currency, approx), (text, value, currency), published, status
    (("2.6 million yuan", 2600000, "CNY", None), ("US$307,000", 307000, "USD"), "2004-08-01", "consistent"),
    (("60 billion yuan", 60e9, "CNY", None), ("$9.77 billion", 9.77e9, "USD"), "2009-03-01", "inconsistent"),
    (("60 billion yuan", 60e9, "CNY", "over"), ("$9.77 billion", 9.77e9, "USD"), "2009-03-01", "consistent"),
    # a bound reads as rounded toward it at its last digit: 'more than 1 million' is 1 to 2 million
    (("1 million yuan", 1e6, "CNY", "more_than"), ("US$163,300", 163300, "USD"), "2014-03-01", "consistent"),
    (("1 million yuan", 1e6, "CNY", "more_than"), ("US$489,900", 489900, "USD"), "2014-03-01", "inconsistent"),
    (("540 million yuan", 540e6, "CNY", "more_than"), ("$88 million", 88e6, "USD"), "2012-03-01", "consistent"),
    (("60 billion yuan", 60e9, "CNY", None), ("$9.77 billion", 9.77e9, "USD"), None, "consistent"),
    (("$10 million", 10e6, "USD", None), ("68.3 million yuan", 68.3e6, "CNY"), "2010-01-01", "consistent"),
    (("$10 million", 10e6, "USD", None), ("82.8 million yuan", 82.8e6, "CNY"), "2015-01-01", "inconsistent"),
    (("100 million yuan", 100e6, "CNY", None), ("HK$94 million", 94e6, "HKD"), "2003-05-01", "consistent"),
    (("100 million yuan", 100e6, "CNY", None), ("HK$94 million", 94e6, "HKD"), "2015-05-01", "inconsistent"),
    (("100 million yuan", 100e6, "CNY", None), ("13 million euros", 13e6, "EUR"), "2015-05-01", "untestable"),
]


@pytest.mark.parametrize("src, dst, published, status", CONVERSION_CASES)
def test_currency_conversion(src, dst, published, status):
    d = Doc().money("a", src[0], src[1], src[2], **({"approx": src[3]} if src[3] else {}))
    d.say(" (").money("b", *dst).say(")").rel(Conversion(from_="a", to="b"))
    f = only(currency_conversion(d.record(published=published)))
    assert f.status == status, f.message
    if status == "inconsistent":
        assert f.severity == "warning"


def test_reference_date_year_comes_before_published():
    d = Doc().money("a", "60 billion yuan", 60e9, "CNY").say(" (").money("b", "$9.77 billion", 9.77e9, "USD")
    d.say(")").rel(Conversion(from_="a", to="b"))
    f = only(currency_conversion(d.record(reference_date="2014-06-30", published="2009-01-01")))
    assert f.status == "consistent" and f.details["years"] == [2013, 2014]


def test_bundled_exchange_rates_load_and_bad_rows_name_their_line(tmp_path):
    ranges = load_exchange_rates()
    years = {r.year for r in ranges if r.pair == "CNY/USD"}
    assert set(range(1994, 2026)) <= years
    assert all(r.low <= r.high for r in ranges)

    def row(rid, **attrs):
        return {"id": rid, "label": "EXCHANGE_RATE", "pattern": "x", "attrs": attrs}

    rows = [
        row("exchange_rate-usd-2001", year=2001, pair="CNY/USD", low=8.2, high=8.3),
        row("exchange_rate-usd-2002", year=2002, pair="CNYUSD", low=9, high=8),
        row("exchange_rate-usd-2003", year=2001, pair="CNY/USD", low=8.2, high=8.3),
    ]
    path = tmp_path / "exchange_rates.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    with pytest.raises(PatternFileError) as err:
        load_exchange_rates(path)
    msg = str(err.value)
    assert "exchange_rates.jsonl:2: exchange_rate-usd-2002" in msg and "pair" in msg and "above" in msg
    assert "jsonl:1:" not in msg
    # a year given twice is found once every row is valid on its own
    path.write_text("\n".join(json.dumps(r) for r in rows[::2]) + "\n", encoding="utf-8")
    with pytest.raises(PatternFileError) as err:
        load_exchange_rates(path)
    assert "exchange_rates.jsonl:2: exchange_rate-usd-2003" in str(err.value) and "already given" in str(err.value)


# ---------------------------------------------------------------- repeated_figure


SUBJECT = "guns of various types"


def repeated_record(second_text, second_value, *, action="seized", subject=SUBJECT, period=None, **kw):
    d = Doc().say("Police ").count("a", "1,234", 1234, unit="gun", action="seized", subject=SUBJECT)
    d.say(" guns were seized. ")
    if period:
        d.date("d", period, period).say(", ")
    d.count("b", second_text, second_value, unit="gun", action=action, subject=subject, **kw).say(" guns.")
    return d.record()


@pytest.mark.parametrize(
    "args, kw, flagged",
    [
        (("1,243", 1243), {}, True),
        (("1,234", 1234), {}, False),  # the same value repeated
        (("1.2 thousand", 1200), {}, False),  # a rounded restatement
        (("1,300", 1300), {"approx": "nearly"}, False),
        (("1,243", 1243), {"action": "destroyed"}, False),
        (("1,243", 1243), {"subject": "rifles"}, False),
        (("1,243", 1243), {"period": "2019"}, False),  # another period
        (("1,243", 1243), {"subject": None}, False),
        (("1,243", 1243), {"subject": "guns"}, False),  # a bare noun does not name one quantity
    ],
)
def test_repeated_figure(args, kw, flagged):
    found = repeated_figure(repeated_record(*args, **kw))
    if flagged:
        f = only(found)
        assert (f.status, f.severity) == ("inconsistent", "warning") and f.facts == ["a", "b"]
    else:
        assert found == []


def test_repeated_figure_ignores_related_figures():
    d = Doc().count("a", "50", 50, unit="case", action="filed", subject="cases").say(" cases, among them ")
    d.count("b", "20", 20, unit="case", action="filed", subject="cases").rel(PartOf(part="b", whole="a"))
    assert repeated_figure(d.record()) == []


# ---------------------------------------------------------------- audit, coverage, robustness


def test_audit_orders_inconsistent_first_and_uses_known_names():
    found = audit(seed_record())
    assert found[0].status == "inconsistent" and found[0].check == "multiplier_baseline"
    order = [f.status for f in found]
    assert order == sorted(order, key=["inconsistent", "consistent", "untestable"].index)
    assert {f.check for f in found} <= set(CHECK_NAMES)


def test_coverage_counts_checked_figures():
    rec = seed_record()
    cov = coverage(rec, audit(rec))
    # c1, c2, c3, p1, p2, p3 (consistent) and c4, m1 (inconsistent) of 8 figures
    assert (cov["checked"], cov["figures"], cov["unchecked"]) == (8, 8, [])
    d = Doc().count("a", "316,000", 316000).say(" cases, up ")
    d.pct("p", "5%", 5, role="change", direction="up", of="a").say(", and ").count("b", "12", 12)
    d.say(" others, ").date("d", "2019", "2019")
    rec = d.record()
    cov = coverage(rec, audit(rec))
    assert (cov["checked"], cov["checkable"], cov["figures"]) == (0, 2, 3)
    assert cov["unchecked"] == ["a", "p", "b"]
    assert cov["line"].startswith("0 of 3 figures checked")


def test_checks_never_raise_on_odd_input():
    d = Doc().count("c", "12", 12).say(" and ").money("m", "5 yuan", 5, "CNY").say(" and ")
    d.pct("p", "5%", 5, role="change", direction="up", of="ghost").say(" and ")
    d.pct("s", "5%", 5, role="share", of="c", whole="m").say(" and ")
    d.mult("x", "2 times", 2, of="m").say(" and ").date("d", "2020", "2020")
    bad_count = CountFact.model_construct(id="n", kind="count", start=99, end=101, text="??", value=None)
    odd = {"start": 102, "end": 104, "text": "?%", "value": None, "points": False, "approx": None}
    bad_pct = PercentageFact.model_construct(
        id="q", kind="percentage", role="change", direction="up", of="n", **odd
    )
    d.facts += [bad_count, bad_pct]
    for rel in (
        PartOf(part="ghost", whole="c"),
        PartOf(part="m", whole="c"),
        Sum(parts=["c", "ghost"], total="m"),
        Conversion(from_="c", to="d"),
        Conversion(from_="ghost", to="m"),
        RateOf(rate="p", numerator="ghost", denominator=["c"]),
        RateOf(rate="ghost", numerator="c", denominator=[]),
        Respectively(items=[], qualifiers=["ghost"], aligned=False),
    ):
        d.rel(rel)
    rec = DocumentRecord.model_construct(source="odd", facts=d.facts, relations=d.relations)
    found = audit(rec)
    assert all(f.status in ("untestable", "inconsistent", "doubtful") for f in found)
    assert not any(f.check == "change_baseline" and f.status == "inconsistent" for f in found)
    assert audit(DocumentRecord(source="empty")) == []


def test_checks_package_does_not_import_spacy():
    code = "import sys, extractor.checks, extractor.io.report_text; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ---------------------------------------------------------------- text report


def test_render_text_puts_inconsistencies_first_with_sentence_and_arithmetic():
    d = Doc().say("Summary.\nThe bureau opened ")
    d.count("c", "138", 138, unit="case").say(" cases, ").mult("m", "4.26 times", 4.26, of="c")
    d.say(" as many as before. It closed ").count("k", "12", 12, unit="case").say(" cases, up ")
    d.pct("p", "20%", 20, role="change", direction="up", of="k").say(
        ". Over 3.5 million U.S. dollars frozen."
    )
    rec = d.record()
    report = render_text(rec, audit(rec), d.text)
    assert report.startswith("== test.txt")
    assert report.index("Inconsistencies (1)") < report.index("Consistent (1)")
    assert "“The bureau opened 138 cases, 4.26 times as many as before.”" in report
    assert "Arithmetic: 138 / 4.26 = 32.39; 138 / 5.26 = 26.24" in report
    assert report.rstrip().endswith("Coverage: 4 of 4 figures checked")
    bare = render_text(rec, audit(rec), None)
    assert "Figures: '138' (c), '4.26 times' (m)" in bare and "Sentence:" not in bare


@pytest.mark.parametrize(
    "text, fact, sentence",
    [
        ("Cases rose. Up 28.6% on last year; deaths fell.", "28.6%", "Up 28.6% on last year;"),
        ("Seized 2.6 million yuan (U.S. dollars 0.3 million) in May. Next.", "2.6", "Seized 2.6 million"),
        ("Line one\nline two has 7 cases\nline three", "7", "line two has 7 cases"),
    ],
)
def test_sentence_at(text, fact, sentence):
    start = text.index(fact)
    got = sentence_at(text, start, start + len(fact))
    assert got.startswith(sentence)
    if "U.S." in text:
        assert got.endswith("in May.")


def test_bundled_data_files_are_in_the_patterns_folder():
    folder = patterns_dir()
    assert (folder / "rates.jsonl").is_file() and (folder / "exchange_rates.jsonl").is_file()
    assert Path(folder / "rates.jsonl").read_text(encoding="utf-8").count("RATE_DEFINITION") >= 2


@pytest.mark.parametrize(
    "basis, status",
    [
        ("year_on_year", "inconsistent"),
        ("previous_period", "inconsistent"),
        ("none", "doubtful"),
        (None, "inconsistent"),
    ],
)
def test_a_change_against_no_named_comparison_is_only_doubtful(basis, status):
    # 7 cases up 30%: 7/5 is +40%, 7/6 is +16.7%; with no comparison named ('7 cases, up 30%') the text does not
    # say what the change is measured against, so the failure is shown, not counted
    d = Doc().count("c", "7", 7).say(" cases, ")
    kw = {"basis": basis} if basis else {}
    d.pct("p", "30%", 30, role="change", direction="up", of="c", **kw)
    f = only(change_baseline(d.record()))
    assert f.status == status
    assert ("No comparison is named" in f.message) == (status == "doubtful")
