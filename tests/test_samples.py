"""The bundled sample releases, end to end: offsets, expected records, and the seed's figures."""

import json
from pathlib import Path

import pytest
from conftest import by_text

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
TEXTS = sorted(SAMPLES.glob("*.txt"))
KEYS = {
    "count": ("unit",),
    "percentage": ("role", "direction", "basis", "points"),
    "multiplier": (),
    "money": ("currency",),
    "date": (),
    "operation": ("code",),
}


def summary(record):
    """The record in the shape of samples/expected/*.json: links by surface, not by id."""
    facts = []
    for f in record.facts:
        d = {"kind": f.kind, "text": f.text, "value": f.value}
        for k in KEYS[f.kind]:
            v = getattr(f, k)
            if v not in (None, False):
                d[k] = v
        if getattr(f, "of", None):
            d["of"] = record.fact(f.of).text
        if getattr(f, "alias_of", None):
            d["alias_of"] = record.fact(f.alias_of).text
        facts.append(d)
    rels = []
    for x in record.relations:
        if x.type == "part_of":
            rels.append(
                {"type": "part_of", "part": record.fact(x.part).text, "whole": record.fact(x.whole).text}
            )
        elif x.type == "conversion":
            rels.append(
                {"type": "conversion", "from": record.fact(x.from_).text, "to": record.fact(x.to).text}
            )
        elif x.type == "respectively":
            rels.append(
                {
                    "type": "respectively",
                    "items": [record.fact(i).text for i in x.items],
                    "qualifiers": [record.fact(i).text for i in x.qualifiers],
                    "aligned": x.aligned,
                }
            )
    return {"facts": facts, "relations": rels}


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_offsets_give_the_surface(extract, path):
    text = path.read_text(encoding="utf-8")
    record = extract(text)
    assert record.facts
    for f in record.facts:
        assert text[f.start : f.end] == f.text


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_sample_matches_its_expected_records(extract, path):
    expected = json.loads((SAMPLES / "expected" / f"{path.stem}.json").read_text(encoding="utf-8"))
    got = summary(extract(path.read_text(encoding="utf-8")))
    assert got["facts"] == expected["facts"]
    assert got["relations"] == expected["relations"]


def test_seed_figures_end_to_end(extract):
    r = extract((SAMPLES / "seed.txt").read_text(encoding="utf-8"))
    for count, pct, unit in (
        ("999", "28.6%", "case"),
        ("1,285", "24.5%", "person"),
        ("119", "72.5%", "crime"),
    ):
        c, p = by_text(r, count, "count"), by_text(r, pct, "percentage")
        assert c.unit == unit
        assert (p.role, p.direction, p.basis, p.of) == ("change", "up", "year_on_year", c.id)
    m = by_text(r, "4.26", "multiplier")
    assert m.value == 4.26 and m.suspect
    assert m.of == by_text(r, "138", "count").id
