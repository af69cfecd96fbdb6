"""Records: validated, frozen, discriminated on kind; offsets always give the surface."""

import json
import subprocess
import sys

import pytest
from pydantic import TypeAdapter, ValidationError

from extractor.models import CountFact, DocumentRecord, Fact, PercentageFact


def test_fact_union_discriminates_on_kind():
    fact = TypeAdapter(Fact).validate_python(
        {
            "id": "f1",
            "kind": "percentage",
            "start": 0,
            "end": 5,
            "text": "28.6%",
            "value": 28.6,
            "role": "share",
        }
    )
    assert isinstance(fact, PercentageFact)


def test_unknown_fields_are_rejected():
    with pytest.raises(ValidationError, match="extra"):
        CountFact(id="f1", start=0, end=3, text="999", value=999, colour="red")


def test_records_are_frozen():
    fact = CountFact(id="f1", start=0, end=3, text="999", value=999)
    with pytest.raises(ValidationError):
        fact.value = 1000


def test_span_must_fit_text():
    with pytest.raises(ValidationError, match="does not fill span"):
        CountFact(id="f1", start=0, end=4, text="999", value=999)


def test_change_needs_direction():
    with pytest.raises(ValidationError, match="direction"):
        PercentageFact(id="f1", start=0, end=3, text="3 %", value=3, role="change")


def test_suspect_needs_reason():
    with pytest.raises(ValidationError, match="suspect_reason"):
        CountFact(id="f1", start=0, end=3, text="999", value=999, suspect=True)


def test_record_round_trips_through_json(extract):
    record = extract(
        "Police filed 999 cases, up 28.6% year-on-year, and recovered 2.3 billion yuan (US$320 million)."
    )
    data = json.loads(record.model_dump_json(by_alias=True))
    assert DocumentRecord.model_validate(data) == record
    assert any(r["type"] == "conversion" and "from" in r for r in data["relations"])


def test_values_are_json_numbers(extract):
    record = extract("Police filed 1.6 million cases, up 28.6%.")
    data = json.loads(record.model_dump_json())
    assert [type(f["value"]) for f in data["facts"]] == [int, float]


def test_schema_command_prints_the_json_schema():
    out = subprocess.run(
        [sys.executable, "-m", "extractor", "schema"], capture_output=True, text=True, check=True
    )
    schema = json.loads(out.stdout)
    assert schema["title"] == "DocumentRecord"
    assert "CountFact" in schema["$defs"] and "discriminator" in json.dumps(schema)
