"""The kind registry (extractor/kinds.py): every list of kinds elsewhere is read from it."""

from __future__ import annotations

from pydantic import TypeAdapter

from extractor import kinds, models
from extractor.checks import _common
from extractor.components import records
from extractor.components.relations import changes, shares
from extractor.io import report_html, tables
from extractor.lang.zh import relations as zh_relations


def test_every_kind_has_its_model_and_every_model_its_kind():
    assert kinds.check_models() == []
    assert {m.model_fields["kind"].default for m in models.FACT_MODELS} == set(kinds.KINDS)


def test_the_record_union_reads_every_kind():
    adapter = TypeAdapter(models.Fact)
    for kind in kinds.KINDS.values():
        assert kind.name in str(adapter.json_schema()), kind.name


def test_a_drafts_fields_are_fields_of_its_model():
    for name, fields in kinds.FACT_FIELDS.items():
        assert set(fields) <= set(kinds.KINDS[name].model.model_fields), name


def test_the_lists_elsewhere_are_the_registrys():
    assert _common.NUMERIC_KINDS is kinds.NUMERIC_KINDS
    assert changes.ITEM_KINDS is shares.ITEM_KINDS is kinds.ITEM_KINDS
    assert zh_relations.AMOUNTS is kinds.ITEM_KINDS
    assert records.FACT_FIELDS is kinds.FACT_FIELDS
    assert tables.NUMERIC_KINDS is kinds.NUMERIC_KINDS
    assert tuple(kinds.KINDS) == report_html.KINDS
    assert set(report_html.KIND_STYLES) == set(kinds.KINDS)


def test_every_fact_field_of_a_kind_has_a_table_column():
    columns = {c for c, _ in tables.COLUMNS["facts"]}
    for kind in kinds.KINDS.values():
        fields = set(kind.model.model_fields) - {"id", "value"}
        assert fields <= columns, (kind.name, fields - columns)


def test_the_report_styles_every_kind_before_the_overrides():
    css = report_html._css()
    for kind in kinds.KINDS:
        assert f".k-{kind} {{" in css and f".fact.k-{kind} {{" in css
        assert css.index(f".fact.k-{kind} {{") < css.index(".fact.linked")
