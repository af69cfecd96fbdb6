"""Fuzzing: mutated sentences of the genre never raise, always give a valid record, and every span is its text.

Seeded (derandomized) so a run is repeatable; scripts/fuzz.py runs the same checks over 100,000 inputs."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.cli import record_json
from extractor.models import DocumentRecord

# New sentences in the style of the releases (not from the corpus).
SENTENCES = [
    "In the first half of 2023, the county procuratorate approved the arrest of 1,402 suspects, up 12.7% year-on-year.",
    "Among them, 316 were minors, accounting for 22.5% of the total.",
    "The number of telecom fraud cases solved was 4.12 compared with the same period last year. Times.",
    "Courts concluded 88,910 cases involving 2.36 billion yuan (about 342 million U.S. dollars).",
    "During the “Sky Net 2024” operation, police arrested 57 fugitives and recovered 1.9 million yuan.",
    "Filed cases and persons fell by 3.2% and 4.8% respectively, and the non-arrest rate was 41.6%.",
    "Since the launch of the “5·20” special action on May 20, 2022, 9,030 clues have been verified.",
    "Compared with 2019, prosecutions for drug crimes decreased by 17 percent, a drop of 0.5 percentage points.",
    "Police seized 12.4 tonnes of drugs, 3 times the figure of 2021, and detained 640 people.",
    "Updated: 2021-03-08 09:15 Xinhua: the bureau handled 2,351 cases, of which 1,120 were cracked.",
]
HOSTILE = [
    "%", "％", "·", "“", "”", '"', "(", ")", "（", "）", "\n", "\n\n", "\u2028", "\u0085", " Times.", "times",
    "year-on-year", "respectively", "0", "00", "9" * 40, "1,2345", "2015·5·5", "½", "²", "٣", "１２", "-", "+",
    "; ", ": ", "trillion", "billion", "thousand", "ten thousand", "yuan", "$", "HK$", "Among them, ", "from 20",
    "Operation ", "\t", "\x00", "\ufeff", "…", "—", " and ", ", ",
]


@st.composite
def mutated(draw) -> str:
    text = " ".join(draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3)))
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["insert", "delete", "duplicate", "replace"]))
        pos = draw(st.integers(0, len(text)))
        if op == "insert":
            text = text[:pos] + draw(st.sampled_from(HOSTILE)) + text[pos:]
        elif op == "delete":
            text = text[:pos] + text[pos + draw(st.integers(1, 12)) :]
        elif op == "duplicate":
            text = text[:pos] + text[pos : pos + draw(st.integers(1, 30))] * draw(st.integers(2, 5)) + text[pos:]
        else:
            text = text[:pos] + draw(st.text(min_size=1, max_size=4)) + text[pos + 1 :]
    return text


def check_record(record: DocumentRecord, text: str) -> None:
    """What every record must satisfy, for any input."""
    again = DocumentRecord.model_validate_json(record_json(record))
    assert again.length == len(text)
    ids = {f.id for f in record.facts}
    for f in record.facts:
        assert text[f.start : f.end] == f.text, f
    for w in record.warnings or ():
        assert text[w.start : w.end] == w.text
    for r in record.model_dump(by_alias=True)["relations"]:
        for key in ("part", "whole", "total", "from", "to", "rate", "numerator", "source", "target"):
            if isinstance(r.get(key), str):
                assert r[key] in ids, r
        for key in ("items", "qualifiers", "parts", "denominator"):
            assert set(r.get(key) or ()) <= ids, r
    for f in record.facts:
        for key in ("of", "whole", "baseline", "alias_of"):
            assert getattr(f, key, None) in ids | {None}, f


@settings(
    max_examples=200,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=mutated())
def test_mutated_sentences_give_valid_records(extract, text):
    check_record(extract(text, "2024-01-01"), text)
