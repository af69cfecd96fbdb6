"""Pattern files: every bundled file loads; bad rows are reported by file and line; users can add their own."""

import json
import re
from pathlib import Path

import pytest
from spacy.matcher import Matcher

from extractor.api import run
from extractor.build import build_pipeline
from extractor.components.matcher import expand_token_pattern
from extractor.gates import holds, parse_requires, words_of
from extractor.patterns import PatternFileError, load_pattern_file, load_patterns, patterns_dir
from extractor.rules import pipeline_rows

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.mark.parametrize("path", sorted(patterns_dir().glob("*.jsonl")), ids=lambda p: p.name)
def test_bundled_file_loads(path):
    assert load_pattern_file(path)


def test_ids_are_unique_across_files():
    rows = load_patterns()
    assert len({r.id for r in rows}) == len(rows)


def test_loading_twice_gives_fresh_lists():
    first = load_patterns()
    first.clear()
    assert load_patterns()


@pytest.mark.parametrize(
    "line, message",
    [
        ('{"id": "x-y-001", "label": "PERCENT_SIGN"}', "pattern"),
        ('{"id": "x-y-001", "label": "PERCENT_SIGN", "pattern": "%", "colour": 1}', "colour"),
        ('{"id": "Bad Id", "label": "PERCENT_SIGN", "pattern": "%"}', "kind-name-001"),
        ('{"id": "x-y-001", "label": "lower", "pattern": "%"}', "UPPER_CASE"),
        ('{"id": "x-y-001", "label": "X", "pattern": "(", "regex": true}', "regular expression"),
        ('{"id": "x-y-001", "label": "X", "pattern": [{"LOWR": "a"}]}', "token pattern"),
        ("{not json", "not JSON"),
    ],
)
def test_bad_rows_name_file_and_line(tmp_path, line, message):
    path = tmp_path / "mine.jsonl"
    path.write_text('{"id": "x-ok-001", "label": "X", "pattern": "fine"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(PatternFileError, match=r"mine\.jsonl:2: .*" + message):
        load_pattern_file(path)


def test_every_bad_line_is_listed_at_once(tmp_path):
    path = tmp_path / "mine.jsonl"
    path.write_text("{oops\n{again\n", encoding="utf-8")
    with pytest.raises(PatternFileError) as err:
        load_pattern_file(path)
    assert "mine.jsonl:1:" in str(err.value) and "mine.jsonl:2:" in str(err.value)


def test_duplicate_id_with_bundled_rules_is_an_error(tmp_path):
    (tmp_path / "dup.jsonl").write_text(
        json.dumps(
            {"id": "money-after-001", "label": "CURRENCY_AFTER", "pattern": "x", "attrs": {"currency": "XXX"}}
        )
        + "\n",
        encoding="utf-8",
    )
    with pytest.raises(PatternFileError, match="duplicate id"):
        load_patterns([tmp_path])


def test_user_patterns_add_a_currency(tmp_path):
    row = {
        "id": "mine-currency-001",
        "label": "CURRENCY_AFTER",
        "pattern": "ringgit sen",
        "attrs": {"currency": "MYR"},
    }
    (tmp_path / "mine.jsonl").write_text(
        json.dumps(row)
        + "\n"
        + json.dumps(
            {
                "id": "mine-currency-002",
                "label": "CURRENCY_AFTER",
                "pattern": "bitcoin",
                "attrs": {"currency": "XBT"},
            }
        )
        + "\n",
        encoding="utf-8",
    )
    nlp = build_pipeline([tmp_path])
    record = run(nlp, "Police seized 120 bitcoin from the gang.")
    (money,) = [f for f in record.facts if f.kind == "money"]
    assert (money.text, money.currency) == ("120 bitcoin", "XBT")


def test_missing_user_folder_is_an_error(tmp_path):
    with pytest.raises(PatternFileError, match="not a folder"):
        build_pipeline([tmp_path / "nope"])


# -- token rules through the PhraseMatcher ---------------------------------------------------------------------

EXPANSIONS = [
    ([{"LOWER": "twice"}, {"LOWER": {"IN": ["as", "the"]}}], [("twice", "as"), ("twice", "the")], False),
    ([{"LOWER": "-", "OP": "?"}, {"LOWER": "days"}], [("-", "days"), ("days",)], False),
    ([{"IS_SENT_START": True, "LOWER": "of"}, {"LOWER": "the", "OP": "?"}], [("of",), ("of", "the")], True),
]
NOT_EXPANDED = [
    [{"LOWER": "from"}, {"TEXT": {"REGEX": "^20[0-9]{2}$"}}],
    [{"LOWER": "from"}, {"LOWER": "the", "OP": "*"}],
    [{"LOWER": "From"}],
    [{"LOWER": {"NOT_IN": ["a"]}}],
    [{"IS_SENT_START": True, "LOWER": "of", "OP": "?"}],
]


@pytest.mark.parametrize("pattern, phrases, sent_start", EXPANSIONS)
def test_a_simple_token_rule_becomes_phrases(pattern, phrases, sent_start):
    assert expand_token_pattern(pattern) == (phrases, sent_start)


@pytest.mark.parametrize("pattern", NOT_EXPANDED)
def test_other_token_rules_stay_with_the_matcher(pattern):
    assert expand_token_pattern(pattern) is None


def test_phrases_find_what_spacys_matcher_finds(nlp):
    # every bundled token rule, over the samples and sentences made to hit the rules
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))] + [
        "Of the 3,200 cases, 41 involved minors. Within 15 consecutive days and 3 working days, 7-day checks ran.",
        "He was sentenced to 12 years in prison; the 21-year-old, 16 years of age, had 2 Comment(s) at 9 a.m.",
        "A three-pronged drive seized 5.6 tons and 3 kg; twice as many, twice the number; one-third of 90 cases.",
    ]
    rows = [r for r in pipeline_rows(None) if r.kind == "token"]
    assert rows and any(expand_token_pattern(r.pattern) for r in rows)
    reference = Matcher(nlp.vocab)
    for row in rows:
        reference.add(row.id, [row.pattern])
    ruler = nlp.get_pipe("extractor_matcher")
    for doc in nlp.pipe(texts):
        want = {(nlp.vocab.strings[i], s, e) for i, s, e in reference(doc)}
        got = {(span.id_, span.start, span.end) for span in doc.spans[ruler.spans_key] if span.id_ in reference}
        assert got == want
        assert want  # the texts do hit the rules


GATE_TEXTS = [
    "Call the 12377 reporting hotline or the 96110 anti-fraud hot-line; telephone: 010-65250000.",
    "Zhang, 52, was sentenced; the 12345 service line took 3,000 calls. Cases rose 6% from 2019.",
    "Arrests were 12% lower than in the first half of 2021, and up 3% compared with 2020.",
    "Up 5% on the same month last year and same quarter a year earlier; that day, during this time period.",
    'Cadres studied "three stricts" and the five musts from March 3rd to 5th, on 14-Mar-2021 and in 2021-09.',
    "In the 10 months of 2019 and this quarter, the previous month and throughout the year.",
]


def test_a_rule_gate_never_hides_a_match():
    # `requires` lets a text without those words skip a rule: wherever the rule matches, they are there
    texts = GATE_TEXTS + [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    gated = [r for r in pipeline_rows(None) if r.regex and "requires" in r.attrs]
    assert len(gated) > 10
    hits = 0
    for row in gated:
        regex, requires = re.compile(row.pattern), parse_requires(row.attrs["requires"])
        for text in texts:
            for m in regex.finditer(text):
                hits += 1
                assert holds(requires, words_of(m.group())), (row.id, m.group())
    assert hits > 20
