"""Links from wording alone, with their evidence; the audit's confidence in what it reports."""

import json

import pytest
from conftest import by_text

from extractor.checks import audit
from extractor.checks.confidence import weigh
from extractor.models import DocumentRecord, Finding
from extractor.patterns import PatternFileError, load_pattern_file
from extractor.unit_classes import UnitTable, bundled_units


def part_of(record):
    """{(part surface, whole surface): relation} for the record's part_of relations."""
    facts = {f.id: f for f in record.facts}
    return {(facts[r.part].text, facts[r.whole].text): r for r in record.relations if r.type == "part_of"}


def link(record, source_text, role):
    """The `link` relation of the fact with this surface and role, or None."""
    src = by_text(record, source_text)
    return next((r for r in record.relations if r.type == "link" and r.source == src.id and r.role == role), None)


# (sentence, part, whole, confidence): the partitive families of the genre, the whole named by the wording
PARTITIVES = [
    ("Prosecutors approved the arrest of 5,210 suspects. Among them, 412 have been indicted.", "412", "5,210", "cued"),
    ("The commission looked into 300 cadres. Twelve of those cadres were expelled.", "Twelve", "300", "cued"),
    ("So far 58 of the 300 fugitives on the list have been returned.", "58", "300", "stated"),
    ("Discipline bodies handled 52,000 cases, with 3,902 given warnings and 214 expelled.", "3,902", "52,000", "cued"),
    ("Discipline bodies handled 52,000 cases, with 3,902 given warnings and 214 expelled.", "214", "52,000", "cued"),
    ("Authorities disciplined 118,000 (of which 96,000 received party sanctions).", "96,000", "118,000", "stated"),
    ("Police detained 8,460 suspects, including 52 major traffickers.", "52", "8,460", "stated"),
    ("Courts took 250,000 cases. Of the 250,000 accepted, 71,406 were closed.", "71,406", "250,000", "stated"),
    ("Procuratorates filed 20,000 cases. Among the total, there were 9,311 major cases.", "9,311", "20,000", "cued"),
    ("Police cracked 2,100 cases, with 300 of them involving guns.", "300", "2,100", "cued"),
    ("Courts concluded 31,600 cases, 4,200 of which involved online fraud.", "4,200", "31,600", "stated"),
    ("Inspectors found 9,120 cases of graft, punishing 6,400 of them and sending 1,270 to prosecutors.", "1,270",
     "9,120", "cued"),
]


@pytest.mark.parametrize("text, part, whole, confidence", PARTITIVES, ids=[p[0][:40] for p in PARTITIVES])
def test_partitive_families(extract, text, part, whole, confidence):
    rels = part_of(extract(text))
    assert (part, whole) in rels, rels
    rel = rels[(part, whole)]
    assert rel.confidence == confidence and rel.cue and rel.pattern_id


@pytest.mark.parametrize(
    "text, part",
    [
        # 'with' opens parts only after a comma and right before a count of the same class of thing
        ("Police cracked 2,100 cases, with an increase of 12 percent.", None),
        ("Units handled 18,700 tip-offs, with 2,482 officials punished.", "2,482"),
        ("The number of the cases rose to 300 last year.", None),
    ],
)
def test_no_partitive_without_its_wording(extract, text, part):
    assert not part_of(extract(text)), part


def test_a_part_without_a_noun_takes_its_unit_from_its_whole(extract):
    r = extract("Prosecutors approved the arrest of 5,210 suspects. Among them, 412 have been indicted.")
    assert by_text(r, "412").unit == "suspect"
    r = extract("Discipline bodies handled 52,000 cases, with 3,902 given warnings and 214 expelled.")
    assert by_text(r, "3,902").unit == "case"


@pytest.mark.parametrize(
    "text, change, target, confidence",
    [
        ("Police filed 999 cases, up 28.6% year-on-year.", "28.6%", "999", "cued"),
        ("Cases involving minors grew 18.3% to 7,412.", "18.3%", "7,412", "stated"),
        ("Prosecutors charged more than 41,000 people with fraud, up 8.2% year on year.", "8.2%", "41,000", "cued"),
        ("Police cracked 1,200 cases involving more than 30 million yuan, up 9% year on year.", "9%", "1,200", "cued"),
        # the level a change reached, however the translation says it
        ("Telecom fraud cases fell by 6.1% year on year, reaching 2,380.", "6.1%", "2,380", "stated"),
        ("The number of drug addicts dropped 11.4 percent to stand at 1.8 million.", "11.4 percent", "1.8 million",
         "stated"),
        ("Smuggling cases grew 4.4% over the previous year, totalling 5,120.", "4.4%", "5,120", "stated"),
        ("Customs recorded a 7.5% rise in drug cases to 960.", "7.5%", "960", "stated"),
        ("Juvenile cases went up 2.2 percent to reach a total of 6,540.", "2.2 percent", "6,540", "stated"),
        # a definite subject restates a count of the sentences before
        (
            "Customs cracked 4,130 cases and seized goods worth 1.2 billion yuan. While the goods seized were 6 per "
            "cent more, the cases uncovered were down 19 per cent.",
            "19 per cent",
            "4,130",
            "cued",
        ),
        (
            "Customs cracked 4,130 cases and seized goods worth 1.2 billion yuan. While the goods seized were 6 per "
            "cent more, the cases uncovered were down 19 per cent.",
            "6 per cent",
            "1.2 billion yuan",
            "cued",
        ),
        (
            "Police solved 8,800 cases and arrested 11,200 suspects. The suspects arrested rose 4.4 percent.",
            "4.4 percent",
            "11,200",
            "cued",
        ),
        # a change fronted before the figure it qualifies is a guess
        ("In the first half, up 9.8% year on year, courts concluded 15,300 cases.", "9.8%", "15,300", "inferred"),
        ("Compared with 2019, a year-on-year decrease of 3.3%, police solved 7,000 cases.", "3.3%", "7,000",
         "inferred"),
    ],
)
def test_changes_link_to_their_figure_with_evidence(extract, text, change, target, confidence):
    r = extract(text)
    rel = link(r, change, "of")
    assert rel is not None and r.fact(rel.target).text == target and rel.confidence == confidence
    assert by_text(r, change).of == rel.target  # the fact's field and the link agree


@pytest.mark.parametrize(
    "text, change",
    [
        ("Fraud cases rose 12.3%, while arrests reached 3,400.", "12.3%"),  # the clause has its own subject
        ("The figure rose 4.1%, and police filed 3,400 cases.", "4.1%"),
    ],
)
def test_a_change_with_a_subject_does_not_reach_forward(extract, text, change):
    assert link(extract(text), change, "of") is None


def test_more_than_qualifies_a_count_and_is_no_baseline(extract):
    r = extract("Prosecutors charged more than 41,000 people with fraud, up 8.2% year on year.")
    assert by_text(r, "8.2%").baseline is None
    r = extract("The courts heard 1,800 cases, 25% more than 1,440 in 2020.")
    assert r.fact(by_text(r, "25%").baseline).text == "1,440"


def _share_list(first_part: int) -> str:
    return (
        "In 2023 procuratorates approved the arrest of 800,000 suspects, and 200,000 people were not arrested.\n"
        f"The top three charges were: {first_part:,} people for theft, accounting for 25.0%; 120,000 people for "
        "fraud, 15.0%; 80,000 for gambling, accounting for 10.0%."
    )


def test_a_share_lists_whole_is_read_from_position_and_unit_never_from_values(extract):
    """The list's whole is the paragraph-leading total; making a part larger than it changes no link, so the
    audit can say the part no longer fits (the old linker took the nearest count at least as large)."""
    for first in (200_000, 950_000):
        r = extract(_share_list(first))
        share = by_text(r, "25.0%")
        assert r.fact(share.whole).text == "800,000"
        assert link(r, "25.0%", "whole").confidence == "cued"
        assert r.fact(by_text(r, "15.0%").whole).text == "800,000"
    findings = audit(r)
    bad = [f for f in findings if f.status == "inconsistent"]
    assert {f.check for f in bad} >= {"share_of_total", "parts_and_wholes"}


def test_of_the_total_is_the_release_total_not_the_largest_count(extract):
    r = extract(
        "Courts concluded 52,000 cases in 2022. Fraud cases reached 9,000. Among the rest, 130,000 civil "
        "disputes were mediated. Drug cases numbered 4,160, accounting for 8% of the total."
    )
    assert r.fact(by_text(r, "8%").whole).text == "52,000"


def _record(relations, facts):
    return DocumentRecord.model_validate({"source": "t", "facts": facts, "relations": relations})


FACTS = [
    {"id": "f1", "kind": "count", "start": 0, "end": 3, "text": "100", "value": 100, "unit": "case"},
    {"id": "f2", "kind": "count", "start": 10, "end": 13, "text": "150", "value": 150, "unit": "case"},
]


@pytest.mark.parametrize(
    "confidence, status", [("stated", "inconsistent"), ("cued", "inconsistent"), ("inferred", "doubtful")]
)
def test_an_inconsistency_on_an_inferred_link_is_doubtful(confidence, status):
    rec = _record([{"type": "part_of", "part": "f2", "whole": "f1", "confidence": confidence}], FACTS)
    found = [f for f in audit(rec) if f.check == "parts_and_wholes"]
    assert [f.status for f in found] == [status]
    if status == "doubtful":
        assert found[0].severity == "warning" and "inferred" in found[0].message


def test_weigh_leaves_findings_without_a_weak_link_alone():
    rec = _record([{"type": "part_of", "part": "f2", "whole": "f1", "confidence": "inferred"}], FACTS)
    other = Finding(check="repeated_figure", status="inconsistent", severity="error", facts=["f2"], message="m")
    assert weigh(rec, [other]) == [other]


def test_fail_on_inconsistent_ignores_doubtful_findings(cli, tmp_path):
    # 'up 28.6%' qualifies 999 across a ';' only by guess: the impossible change is doubtful, not a failure
    path = tmp_path / "r.txt"
    path.write_text("Procuratorates filed 7 cases; in the same period, up 28.6% year-on-year.\n", encoding="utf-8")
    result = cli("audit", path, "--format", "json", "--fail-on", "inconsistent")
    record = json.loads(result.output.splitlines()[0])
    statuses = {f["status"] for f in record["findings"]}
    assert "inconsistent" not in statuses
    assert result.exit_code == 0


def test_unit_table_classes():
    units = bundled_units()
    assert units.is_a("trafficker", "person") and units.is_a("cadre", "official")
    assert units.kin("crime", "case") and units.kin("leader", "suspect") and not units.kin("official", "case")
    assert units.root("relic") == "relic" and not units.kin("relic", "case")
    # counted by: a case per person it is against, a sanction per person punished; either order, through classes
    assert units.counted_by("case", "official") and units.counted_by("crime", "cadre")
    assert units.counted_by("person", "penalty") and not units.counted_by("gun", "fugitive")


def test_unit_table_rejects_a_cycle(tmp_path):
    rows = [
        '{"id": "units-class-001", "label": "UNIT_CLASS", "pattern": "a", "attrs": {"is_a": "b"}}',
        '{"id": "units-class-002", "label": "UNIT_CLASS", "pattern": "b", "attrs": {"is_a": "a"}}',
    ]
    path = tmp_path / "unit_classes.jsonl"
    path.write_text("\n".join(rows), encoding="utf-8")
    with pytest.raises(PatternFileError, match="comes back"):
        UnitTable(load_pattern_file(path))


# (text, share, its part or None, its whole or None)
SHARES = [
    (
        "Courts heard 9,000 cases. Of them, 1,125 were fraud cases, 12.5 percent of the total.",
        "12.5 percent",
        "1,125",
        "9,000",
    ),
    ("Courts heard 9,000 cases, 1,125 of which, or 12.5% of all cases, involved fraud.", "12.5%", "1,125", "9,000"),
    ("Courts heard 9,000 cases. Fraud cases made up 12.5 percent of the total.", "12.5 percent", None, "9,000"),
    ("Courts heard 9,000 cases, with fraud cases taking up 12.5 percent.", "12.5 percent", None, None),
    ("Police arrested 188,408 people for theft, accounting for 17.3%.", "17.3%", "188,408", None),
    # an amount restated in another currency: the share is of the amount as first written
    (
        "Customs seized goods worth 4.2 billion yuan (580 million dollars), accounting for 38 percent of the total.",
        "38 percent",
        "4.2 billion yuan",
        None,
    ),
    ("Prosecutors charged 18,000 minors, which accounted for 15%.", "15%", "18,000", None),
    # 'of total cases' with no article names the total as 'of the total cases' does
    ("Inspectors handled 7,305 cases. Office cars took up nearly 25 percent of total cases.", "25 percent", None,
     "7,305"),
    # a clause whose subject restates the count before it: the share is of that count, its whole unsaid
    ("Police filed 4,216 fraud cases, and these cases accounted for 31.2% of all criminal cases.", "31.2%", "4,216",
     None),
    ("Courts approved detention for 3,180 people, and the detentions accounted for 79.6% of the applications.",
     "79.6%", "3,180", None),
    ("The funds reached 9 billion yuan, and 12.5% of the funds went to rural areas.", "12.5%", None, None),
    ("Courts heard 9,000 cases, and 12.5 percent of the defendants were women.", "12.5 percent", None, None),
]


@pytest.mark.parametrize("text, share, part, whole", SHARES, ids=[s[0][:40] for s in SHARES])
def test_share_families(extract, text, share, part, whole):
    r = extract(text)
    fact = by_text(r, share)
    assert fact.role == "share"
    assert (r.fact(fact.of).text if fact.of else None) == part
    assert (r.fact(fact.whole).text if fact.whole else None) == whole


def test_respectively_reaches_back_only_when_the_sentence_refers_back(extract):
    counts = "Police solved 1,200 robberies, 3,400 thefts, 560 frauds and 78 kidnappings. "
    r = extract(counts + "These represent year-on-year drops of 12.5%, 30.1%, 8.8% and 17.0%, respectively.")
    assert [r.fact(by_text(r, p).of).text for p in ("12.5%", "30.1%", "8.8%", "17.0%")] == [
        "1,200",
        "3,400",
        "560",
        "78",
    ]
    rel = next(x for x in r.relations if x.type == "respectively")
    assert rel.aligned and rel.confidence == "cued"
    r = extract(counts + "Fraud, theft, arson and robbery fell 12.5%, 30.1%, 8.8% and 17.0%, respectively.")
    assert by_text(r, "12.5%").of is None


@pytest.mark.parametrize(
    "text, links",
    [
        # the items in two sentences of one paragraph; a weight holds its place in the list
        ("Officers solved 18,400 smuggling cases and detained 25,100 suspects. In addition, 7.2 tonnes of drugs "
         "were seized and 88,000 addicts were registered. These represent year-on-year drops of 14.1%, 9.8%, "
         "6.5% and 21.3%, respectively.", {"14.1%": "18,400", "9.8%": "25,100", "6.5%": None, "21.3%": "88,000"}),
        ("Courts concluded 31,200 cases. They also heard 4,700 appeals. Both represent increases of 5.5% and "
         "2.9%, respectively.", {"5.5%": "31,200", "2.9%": "4,700"}),
    ],
)
def test_respectively_reaches_two_sentences_back_in_its_paragraph(extract, text, links):
    r = extract(text)
    assert {p: (r.fact(by_text(r, p).of).text if by_text(r, p).of else None) for p in links} == links


@pytest.mark.parametrize(
    "text, numerator, denominator",
    [
        (
            "Procuratorates approved the arrest of 40,000 suspects and decided not to arrest 10,000 people. "
            "The non-arrest rate was 20%.",
            "10,000",
            {"10,000", "40,000"},
        ),
        (
            "Procuratorates approved the arrest of 40,000 suspects, and no arrest was approved for 10,000 people. "
            "The non-arrest rate was 20%.",
            "10,000",
            {"10,000", "40,000"},
        ),
        (
            "Procuratorates approved the arrests of 40,000 suspects and made no arrests of 10,000 people, a "
            "non-arrest rate of 20%.",
            "10,000",
            {"10,000", "40,000"},
        ),
        # a refusal is a non-arrest, with or without an article, and a clause break ends a passive's reach
        (
            "Procuratorates approved the arrest of 40,000 suspects and refused to approve the arrest of 10,000 "
            "people, a non-arrest rate of 20%.",
            "10,000",
            {"10,000", "40,000"},
        ),
        (
            "Procuratorates approved the arrest of 40,000 suspects; arrest was refused for 10,000 people. The "
            "non-arrest rate was 20%.",
            "10,000",
            {"10,000", "40,000"},
        ),
        (
            "Procuratorates approved arrests of 40,000 suspects and decided not to approve arrest for 10,000 "
            "people, a non-arrest rate of 20%.",
            "10,000",
            {"10,000", "40,000"},
        ),
        # the non-prosecution rate: those charged are those prosecuted
        (
            "Prosecutors charged 40,000 people and declined to prosecute 10,000, a non-prosecution rate of 20%.",
            "10,000",
            {"10,000", "40,000"},
        ),
        # the adoption rate: adopted over those made, whichever verb made them
        (
            "Prosecutors made 5,000 procuratorial suggestions, and 4,000 were adopted, an adoption rate of 80%.",
            "4,000",
            {"5,000"},
        ),
        (
            "The bureau put forward 2,500 corrections, 2,000 of which were adopted, with a rate of adoption of 80%.",
            "2,000",
            {"2,500"},
        ),
    ],
)
def test_a_named_rate_is_a_relation_to_its_counts(extract, text, numerator, denominator):
    r = extract(text)
    assert [x.type for x in r.relations].count("rate") == 1
    rel = next(x for x in r.relations if x.type == "rate")
    assert r.fact(rel.rate).text in ("20%", "80%") and r.fact(rel.numerator).text == numerator
    assert {r.fact(i).text for i in rel.denominator} == denominator and rel.pattern_id
    assert [f.status for f in audit(r) if f.check == "named_rate"] == ["consistent"]


@pytest.mark.parametrize(
    ("text", "rate", "numerator", "denominator"),
    [
        # the closure rate (结案率): cases concluded over cases accepted, whatever the verbs
        ("Courts in the city accepted 24,600 cases and concluded 22,140, a closure rate of 90%.", "90%", "22,140",
         "24,600"),
        ("The intermediate court received 3,500 cases and closed 3,150 of them, with a case closing rate of 90%.",
         "90%", "3,150", "3,500"),
        ("Of the 8,000 cases on hand, 7,200 were disposed of, and the rate of closure reached 90 percent.",
         "90 percent", "7,200", "8,000"),
        # the solving rate (破案率): cases solved over cases filed or registered by the police
        ("Police solved 4,500 of the 5,000 criminal cases filed, a solving rate of 90%.", "90%", "4,500", "5,000"),
        ("Public security organs registered 1,600 fraud cases and cracked 1,440, a detection rate of 90%.", "90%",
         "1,440", "1,600"),
        ("The bureau cleared 720 out of 800 cases recorded, bringing the clearance rate to 90%.", "90%", "720",
         "800"),
        # a court's clearance rate: closed over handled
        ("The court handled 5,120 cases and closed 4,410 cases. The clearance rate reached 86.13%.", "86.13%",
         "4,410", "5,120"),
    ],
)
def test_closure_and_solving_rates_are_relations_to_their_counts(extract, text, rate, numerator, denominator):
    r = extract(text)
    (rel,) = [x for x in r.relations if x.type == "rate"]
    assert r.fact(rel.rate).text == rate and r.fact(rel.numerator).text == numerator
    assert [r.fact(i).text for i in rel.denominator] == [denominator]
    assert [f.status for f in audit(r) if f.check == "named_rate"] == ["consistent"]


@pytest.mark.parametrize(
    "text",
    [
        "Courts in the city accepted 24,612 cases and concluded 22,151, a closure rate of 95%.",
        "Police solved 4,518 of the 5,020 criminal cases filed, a solving rate of 80%.",
    ],
)
def test_a_closure_or_solving_rate_its_counts_do_not_give_is_inconsistent(extract, text):
    assert [f.status for f in audit(extract(text)) if f.check == "named_rate"] == ["inconsistent"]


def test_a_rate_takes_no_count_of_the_year_before(extract):
    r = extract(
        "In 2017, the court handled 3,651 cases, including 3,086 new cases accepted (an increase of 36.5% over "
        "2,261 cases in 2016), and closed 3,141 cases (an increase of 51% over 2,080 cases in 2016). The clearance "
        "rate was 86.03%."
    )
    (rel,) = [x for x in r.relations if x.type == "rate"]
    assert r.fact(rel.numerator).text == "3,141" and [r.fact(i).text for i in rel.denominator] == ["3,651"]
    assert [f.status for f in audit(r) if f.check == "named_rate"] == ["consistent"]


def test_a_rate_far_from_counts_of_its_verbs_has_no_relation_and_no_inconsistency(extract):
    r = extract(
        "In 2020, courts accepted 30,112 cases. The courts held 40 training sessions. Judges met 12 times. "
        "In the first half, courts concluded 12,031 cases. The closure rate was 95.1%."
    )
    assert [x for x in r.relations if x.type == "rate"] == []
    assert [f.status for f in audit(r) if f.check == "named_rate"] == ["doubtful"]


@pytest.mark.parametrize(
    "text",
    [
        # national closure rates are over the cases on hand; new cases are not their denominator
        "Courts newly received 12,000 cases and concluded 11,500, a closure rate of 88.4%.",
        "The courts received 4,100 cases, including 3,200 newly filed ones, and concluded 3,900 of the new cases; "
        "the closure rate was 95.1%.",
    ],
)
def test_new_cases_are_no_closure_rates_denominator(extract, text):
    r = extract(text)
    rels = [x for x in r.relations if x.type == "rate"]
    assert all("new" not in (r.fact(i).action or "") + (r.fact(i).subject or "") for x in rels for i in x.denominator)
    assert "inconsistent" not in [f.status for f in audit(r) if f.check == "named_rate"]


@pytest.mark.parametrize(
    ("text", "whole", "action"),
    [
        ("Police solved 4,500 of the 5,000 criminal cases filed.", "5,000", "filed"),
        ("Prosecutors charged 312 of the 400 suspects.", "400", None),
        ("The commission expelled 12 out of 40 officials investigated.", "40", "investigated"),
    ],
)
def test_a_partitive_whole_has_no_verb_of_its_part(extract, text, whole, action):
    assert by_text(extract(text), whole).action == action


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("The courts received 4,100 cases, including 3,217 newly filed.", "3,217"),
        ("Police handled 912 cases, 640 of them successfully closed.", "640"),
    ],
)
def test_an_adverb_after_a_count_is_no_unit(extract, text, part):
    assert by_text(extract(text), part).unit == "case"


def test_parts_in_so_many_forms_make_up_their_total(extract):
    r = extract(
        "Discipline bodies handled 587,000 people in four forms: 343,000 received criticism, 180,000 light "
        "penalties, 36,000 heavy penalties and 28,000 were expelled."
    )
    (total_sum,) = [x for x in r.relations if x.type == "sum"]
    assert r.fact(total_sum.total).text == "587,000" and total_sum.confidence == "stated"
    assert [r.fact(i).text for i in total_sum.parts] == ["343,000", "180,000", "36,000", "28,000"]
    assert by_text(r, "343,000").unit == "person"  # a part with no noun counts what the total counts
    assert [f.status for f in audit(r) if f.check == "parts_and_wholes" and len(f.facts) == 5] == ["consistent"]
    # three counts after 'four forms:' do not line up with the text: no sum
    r = extract("Bodies handled 587,000 people in four forms: 343,000 were criticised, 180,000 and 36,000.")
    assert not [x for x in r.relations if x.type == "sum"]


@pytest.mark.parametrize(
    "text",
    [
        "Police handled 6,000 cases, including 3,000 thefts, 2,000 frauds and 1,000 other cases.",
        # any partitive cue: the list after 'Among these' that ends in 'other' names every part
        "Police handled 6,000 cases. Among these cases, there were 3,000 thefts, 2,000 frauds, and 1,000 other cases.",
        "Police handled 6,000 cases, of which 3,000 were thefts, 2,000 frauds and 1,000 others.",
        # 'or lower' after the last item: it takes the rest
        "Police punished 6,000 officials, including 3,000 at county level, 2,000 at township level and 1,000 at "
        "village level or below.",
        "Police punished 6,000 officials: 3,000 at county level, 2,000 at township level and 1,000 at village level "
        "or lower.",
    ],
)
def test_a_list_ending_in_other_or_lower_is_a_sum(extract, text):
    r = extract(text)
    (total_sum,) = [x for x in r.relations if x.type == "sum"]
    assert r.fact(total_sum.total).text == "6,000" and len(total_sum.parts) == 3
    assert [f.status for f in audit(r) if f.check == "parts_and_wholes" and len(f.facts) == 4] == ["consistent"]


@pytest.mark.parametrize(
    "text, status",
    [
        ("The tribunal handled 3,127 cases, including 2,604 new cases and 523 cases carried over.", "consistent"),
        ("The tribunal handled 3,127 cases, including 2,604 new cases and 623 cases carried over.", "inconsistent"),
    ],
    ids=["adds-up", "does-not"],
)
def test_new_and_carried_over_cases_make_up_the_caseload(extract, text, status):
    r = extract(text)
    (total_sum,) = [x for x in r.relations if x.type == "sum"]
    assert r.fact(total_sum.total).text == "3,127"
    assert [r.fact(p).text for p in total_sum.parts] == ["2,604", text.split("and ")[1].split()[0]]
    assert [f.status for f in audit(r) if f.check == "parts_and_wholes" and len(f.facts) == 3] == [status]


def test_a_list_not_ending_in_other_is_no_sum(extract):
    r = extract("Police handled 6,000 cases, including 3,000 thefts, 2,000 frauds and 1,000 robberies.")
    assert not [x for x in r.relations if x.type == "sum"]


def test_a_list_ending_in_other_after_a_semicolon_sums_its_own_group(extract):
    # the group before the semicolon counts the same people another way (by sanction): no part of the sum
    r = extract(
        "Bodies punished 52,000 people, including 41,000 party penalties and 14,000 government penalties; 12 "
        "ministerial officials, 640 bureau officials, 5,100 county officials and 46,248 other officials."
    )
    (total_sum,) = [x for x in r.relations if x.type == "sum"]
    assert [r.fact(p).text for p in total_sum.parts] == ["12", "640", "5,100", "46,248"]
    assert r.fact(total_sum.total).text == "52,000"


def test_points_of_a_growth_rate_qualify_the_rate(extract):
    r = extract("Cases filed rose 18.3%, and the growth slowed by 2.6 percentage points.")
    assert r.fact(by_text(r, "2.6 percentage points").of).text == "18.3%"


@pytest.mark.parametrize(
    "text, change, target",
    [
        ("Contract cases fell 12.6% to 2,098, and appeal cases increased by only 4.9% or 21,818 cases.", "4.9%",
         "21,818"),
        ("Courts heard 3,000 cases, and fraud cases rose 20%.", "20%", None),
        ("Police solved 4,500 crimes, and the figure rose by 12%.", "12%", "4,500"),
        ("Police filed 999 cases, up 12% year on year, and arrested 1,200 suspects, up 8%.", "8%", "1,200"),
    ],
)
def test_a_change_with_a_subject_of_its_own(extract, text, change, target):
    r = extract(text)
    fact = by_text(r, change)
    assert (r.fact(fact.of).text if fact.of else None) == target


def test_reports_show_a_doubtful_finding_apart_from_the_inconsistencies(extract):
    from extractor.cli import Format, render_audit

    text = "Procuratorates filed 7 cases; in the same period, up 28.6% year-on-year."
    record = extract(text)
    findings = audit(record)
    assert [f.status for f in findings if f.check == "change_baseline"] == ["doubtful"]
    record = record.model_copy(update={"findings": findings})
    report = render_audit([(record, text)], Format.text)
    assert "Doubtful" in report and "0 inconsistent" in report
    page = render_audit([(record, text)], Format.html)
    assert 'data-status="doubtful"' in page


@pytest.mark.parametrize(
    "text, links",
    [
        # a list of nouns before 'respectively' pairs with the figures of the sentence before that name them
        (
            "Customs filed 2,900 cases, seized goods worth 38 million yuan and held 4,700 suspects. Cases, the value "
            "of goods seized and suspects fell 8%, 19% and 5% respectively.",
            {"8%": "2,900", "19%": "38 million yuan", "5%": "4,700"},
        ),
        # a noun with no figure of its own pairs nothing
        (
            "Customs filed 2,900 cases and held 4,700 suspects. Cases, seizures and suspects fell 8%, 19% and 5% "
            "respectively.",
            {"8%": None, "19%": None, "5%": None},
        ),
        # the list names another period than the sentence before: nothing pairs
        (
            "From 2020 to 2024, courts concluded 31,000 cases and sentenced 48,000 defendants. The number of cases "
            "and defendants in 2024 fell by 14.1% and 3.2%, respectively.",
            {"14.1%": None, "3.2%": None},
        ),
    ],
    ids=["nouns-name-the-figures-before", "a-noun-without-a-figure", "another-period"],
)
def test_respectively_items_named_by_nouns_in_the_sentence_before(extract, text, links):
    r = extract(text)
    assert {p: (r.fact(by_text(r, p).of).text if by_text(r, p).of else None) for p in links} == links


@pytest.mark.parametrize(
    "text, share, target",
    [
        # the act's noun after 'the number of' names the count of that act in the sentence before
        ("Police decided to detain 2,940 people and fined 1,130 others. The number of detentions rose 4.8%.", "4.8%",
         "2,940"),
        ("Police decided to detain 2,940 people and fined 1,130 others. The number of detentions accounted for 72.2%.",
         "72.2%", "2,940"),
    ],
    ids=["change", "share"],
)
def test_the_number_of_an_act_names_the_count_of_that_act(extract, text, share, target):
    r = extract(text)
    assert r.fact(by_text(r, share).of).text == target
    assert by_text(r, "2,940").action == "decided to detain"  # a verb after 'and' is the next count's


def test_a_pronoun_opening_a_share_sentence_names_no_figure_by_itself(extract):
    r = extract("Police solved 300 cases and detained 500 suspects. It accounted for 40% of the total.")
    assert by_text(r, "40%").of is None

