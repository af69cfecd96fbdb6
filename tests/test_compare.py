"""scripts/compare.py's comparison logic (the runs themselves are what the script does, not a test)."""

from __future__ import annotations

import copy

import pytest
from conftest import script_module


@pytest.fixture(scope="module")
def compare():
    return script_module("compare")


def _fact(fid, kind, start, text, **extra):
    return {"id": fid, "kind": kind, "start": start, "end": start + len(text), "text": text, **extra}


RECORD = {
    "source": "a.txt",
    "reference_date": None,
    "facts": [_fact("f1", "count", 10, "1,285", value=1285, unit="person"), _fact("f2", "percentage", 30, "4.5%")],
    "relations": [{"type": "link", "role": "of", "source": "f2", "target": "f1"}],
    "findings": [{"check": "baseline", "status": "consistent", "facts": ["f1", "f2"]}],
}


def test_identical_runs_have_no_differences(compare):
    assert compare.diff_records([RECORD], [copy.deepcopy(RECORD)], "x") == []


@pytest.mark.parametrize(
    "change, expected",
    [
        (lambda r: r["facts"][0].update(unit="case"), "x: a.txt: fact - count 10:15"),
        (lambda r: r["facts"].pop(), "x: a.txt: fact - percentage 30:34 '4.5%' {}  + None"),
        (lambda r: r["relations"].clear(), 'x: a.txt: relations - {"role": "of"'),
        (lambda r: r["findings"][0].update(status="inconsistent"), 'x: a.txt: findings + {"check": "baseline"'),
        (lambda r: r.update(reference_date="2024-01-01"), "x: a.txt: reference_date None -> '2024-01-01'"),
        (lambda r: r["facts"].reverse(), "x: a.txt: fact ids or order differ"),
    ],
    ids=["unit", "fact-gone", "relation-gone", "finding-status", "field", "order"],
)
def test_each_change_is_listed(compare, change, expected):
    new = copy.deepcopy(RECORD)
    change(new)
    diffs = compare.diff_records([RECORD], [new], "x")
    assert diffs and any(d.startswith(expected) for d in diffs), diffs


def test_a_document_missing_on_one_side_is_named(compare):
    other = dict(copy.deepcopy(RECORD), source="b.txt")
    assert compare.diff_records([RECORD], [RECORD, other], "x") == ["x: b.txt: only in the second"]
    assert compare.diff_records([RECORD, other], [RECORD], "x") == ["x: b.txt: only in the first"]


def test_scores_differ_by_path(compare):
    old = {"ALL": {"F1": 0.9, "P": 1.0}, "relations": {"of": {"F1": 0.5}}}
    new = {"ALL": {"F1": 0.95, "P": 1.0}, "relations": {"of": {"F1": 0.5}}}
    assert compare.diff_scores(old, old, "dev") == []
    assert compare.diff_scores(old, new, "dev") == ["dev: ALL.F1 0.900 -> 0.950"]


def test_an_ignored_kind_leaves_with_its_relations_and_findings(compare):
    new = copy.deepcopy(RECORD)
    new["facts"].append(_fact("f3", "rate", 50, "3.2 per 10,000"))
    new["relations"].append({"type": "link", "role": "of", "source": "f3", "target": "f1"})
    new["findings"].append({"check": "rates", "status": "untestable", "facts": ["f3"]})
    assert compare.diff_records([RECORD], [new], "x") != []
    assert compare.diff_records([RECORD], compare.drop_kinds([new], {"rate"}), "x") == []


def test_halves_alternate_over_sorted_ids(compare, tmp_path):
    for name in ("c", "a", "d", "b", "e"):
        (tmp_path / f"{name}.json").write_text("{}")
    assert compare.halves(tmp_path) == {"A": ["a", "c", "e"], "B": ["b", "d"]}
