"""README 'Rules and your own patterns': adding a phrase and a unit, each done here in a folder of one's own
(a kind is added in extractor/kinds.py; population_rate was added that way: test_population_rates.py and
test_kind_registry.py)."""

from __future__ import annotations

import json

from conftest import facts_of


def test_adding_a_phrase_a_per_base_row(extract, tmp_path):
    from extractor.api import run
    from extractor.build import build_pipeline

    text = "Courts heard 5 appeals in each 1,000 residents of the county."
    assert facts_of(extract(text), "population_rate") == []
    row = {"id": "mine-per-001", "label": "PER_BASE", "pattern": "in each"}
    (tmp_path / "mine.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    (rate,) = facts_of(run(build_pipeline(patterns_dirs=[str(tmp_path)]), text), "population_rate")
    assert (rate.text, rate.value, rate.per, rate.unit, rate.pattern_id) == (
        "5 appeals in each 1,000 residents", 5, 1000, "appeal", "mine-per-001"
    )


def test_adding_a_unit_a_unit_class_row_the_linker_and_the_audit_read(cli, tmp_path):
    text = tmp_path / "r.txt"
    text.write_text("The prison service employed 400 people last year, among them 120 wardens.", encoding="utf-8")
    folder = tmp_path / "mine"
    folder.mkdir()
    row = {"id": "mine-unit_class-001", "label": "UNIT_CLASS", "pattern": "warden", "attrs": {"is_a": "person"}}
    (folder / "units.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")

    def audited(*extra):
        result = cli("audit", text, "--format", "json", *extra)
        assert result.exit_code == 0, result.output
        return json.loads(result.output.splitlines()[0])

    before = audited()
    assert before["relations"] == [] and before["findings"] == []  # wardens are no kin of people yet
    after = audited("--patterns", folder)
    assert [(r["type"], r["cue"]) for r in after["relations"]] == [("part_of", "among them")]
    assert [(f["check"], f["status"]) for f in after["findings"]] == [("parts_and_wholes", "consistent")]
