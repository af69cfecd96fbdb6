"""Every pydantic record the extractor emits: facts, relations, findings and document records."""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

# No real figure comes near this; past it a Decimal (28 digits) no longer holds the value exactly, and past 4,300
# digits Python cannot even write it as JSON.
MAX_VALUE = 10**28
Approx = Literal["more_than", "over", "nearly", "about", "at_least", "less_than", "up_to"]
Number = int | float
Value = Annotated[Number, Field(gt=-MAX_VALUE, lt=MAX_VALUE)]


class Record(BaseModel):
    """Base of every record: frozen, unknown fields rejected."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class FactBase(Record):
    """What every fact has: an id, its kind, its span in the original text and the rule that produced it."""

    id: str
    kind: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    pattern_id: str | None = None
    approx: Approx | None = None
    suspect: bool = False
    suspect_reason: str | None = None

    @model_validator(mode="after")
    def _check_span(self) -> FactBase:
        if self.end <= self.start:
            raise ValueError(f"fact {self.id}: end {self.end} must be after start {self.start}")
        if self.end - self.start != len(self.text):
            raise ValueError(f"fact {self.id}: text {self.text!r} does not fill span {self.start}:{self.end}")
        if self.suspect and not self.suspect_reason:
            raise ValueError(f"fact {self.id}: a suspect fact needs a suspect_reason")
        return self


class CountFact(FactBase):
    """A number of things: '999 cases', '1,285 persons', 'nine suspects'."""

    kind: Literal["count"] = "count"
    # a whole number, or a decimal for an average per head ('each judge handled 64.3 cases')
    value: Annotated[int | float, Field(gt=-MAX_VALUE, lt=MAX_VALUE)]
    unit: str | None = None
    subject: str | None = None
    action: str | None = None
    # 'rose by 167 people', '增加34件': the count is the size of a rise ('up') or fall ('down'), not a level; a
    # percentage change of it is tested as Δ / earlier count, not as a level against an earlier one
    difference: Literal["up", "down"] | None = None


class PercentageFact(FactBase):
    """A percentage: a change, a share of a whole, a named rate or another level."""

    kind: Literal["percentage"] = "percentage"
    value: Value
    role: Literal["change", "share", "rate", "level"]
    direction: Literal["up", "down"] | None = None
    basis: Literal["year_on_year", "previous_period", "named_year", "none"] | None = None
    basis_year: int | None = None
    # 'an average annual increase of 24.3%', '年均增长9.9%': a rate over several years, not one step from an
    # earlier count, so no baseline check applies
    average: bool | None = None
    points: bool = False
    rate_name: str | None = None
    of: str | None = None
    whole: str | None = None
    baseline: str | None = None

    @model_validator(mode="after")
    def _check_role(self) -> PercentageFact:
        if self.role == "change" and self.direction is None:
            raise ValueError(f"fact {self.id}: a change needs a direction")
        if self.role != "change" and (self.direction or self.points):
            raise ValueError(f"fact {self.id}: direction and points belong to changes only")
        if self.average and self.role != "change":
            raise ValueError(f"fact {self.id}: average belongs to changes only")
        if self.basis == "named_year" and self.basis_year is None:
            raise ValueError(f"fact {self.id}: basis named_year needs basis_year")
        return self


class MultiplierFact(FactBase):
    """'4.26 times', '2.2-fold', 'doubled': the current figure over an earlier one."""

    kind: Literal["multiplier"] = "multiplier"
    value: Number = Field(gt=0, lt=MAX_VALUE)
    of: str | None = None
    baseline: str | None = None
    basis: Literal["year_on_year", "previous_period", "named_year", "none"] | None = None


class MoneyFact(FactBase):
    """An amount of money, in units of its currency ('2.3 billion yuan' is 2300000000 CNY)."""

    kind: Literal["money"] = "money"
    value: Value
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    of: str | None = None


class PopulationRateFact(FactBase):
    """A rate per head of population: '12.5 per 10,000 people', '3.2 cases per 100,000 residents', '0.8 per
    capita' (value 12.5, per 10000). `unit` is what is counted (case), `population` whom it is per (person)."""

    kind: Literal["population_rate"] = "population_rate"
    value: Value
    per: Annotated[int, Field(ge=1, lt=MAX_VALUE)]
    unit: str | None = None
    population: str | None = None


class DateFact(FactBase):
    """A date or period: ISO 8601 with X for unknown parts, or REL for an unresolved relative expression."""

    kind: Literal["date"] = "date"
    value: str
    granularity: Literal["day", "month", "quarter", "half", "year", "decade", "period"] | None = None
    start_date: str | None = None
    end_date: str | None = None
    relative: bool = False
    resolved: str | None = None


class OperationFact(FactBase):
    """A named campaign, action, operation, project or series of cases ('5·13', 'Hundred-Day Tackling Action')."""

    kind: Literal["operation"] = "operation"
    value: str
    name: str
    code: bool = False
    implied_date: str | None = None
    alias_of: str | None = None


# Every fact model; extractor.kinds names each one's kind, and a test checks the two agree.
FACT_MODELS = (CountFact, PercentageFact, MultiplierFact, MoneyFact, PopulationRateFact, DateFact, OperationFact)
Fact = Annotated[Union[FACT_MODELS], Field(discriminator="kind")]  # noqa: UP007 (a union built from a tuple)


Confidence = Literal["stated", "cued", "inferred"]


class Evidence(Record):
    """Why a relation holds: the cue in the text, the rule that read it, and how firmly the wording binds it.

    `stated`: the cue names both ends ('of which 221,000', 'Of the 470,000 filed, 133,534'); `cued`: a cue binds
    one end and the other is found by wording ('Among them' reaching into the sentence before, 'of the total');
    `inferred`: a nearest-figure guess. The audit reports inconsistencies only on stated and cued links; a
    failing check on an inferred one is `doubtful`.
    """

    cue: str | None = None
    pattern_id: str | None = None
    confidence: Confidence = "stated"


class PartOf(Evidence):
    """The text says one count is a subset of another ('among them', 'of which', 'including')."""

    type: Literal["part_of"] = "part_of"
    part: str
    whole: str


class Sum(Evidence):
    """The text says the parts make up the total."""

    type: Literal["sum"] = "sum"
    parts: list[str]
    total: str


class Conversion(Evidence):
    """A money amount restated in another currency: '8.6 billion yuan (125 million U.S. dollars)'."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, serialize_by_alias=True)
    type: Literal["conversion"] = "conversion"
    from_: str = Field(alias="from")
    to: str


class Respectively(Evidence):
    """'A and B, up X and Y respectively': each qualifier pairs with its item; aligned is false when lengths differ."""

    type: Literal["respectively"] = "respectively"
    items: list[str]
    qualifiers: list[str]
    aligned: bool


class RateOf(Evidence):
    """A named rate and the counts its definition uses, found in the same release."""

    type: Literal["rate"] = "rate"
    rate: str
    numerator: str
    denominator: list[str]
    definition: str | None = None


class Link(Evidence):
    """A figure's link to what it qualifies: `of` (the count that rose, the part a share is of), `whole` (a
    share's total) or `baseline` (the earlier figure a change is measured from); the fact holds the same id in
    its field of that name."""

    type: Literal["link"] = "link"
    role: Literal["of", "whole", "baseline"]
    source: str
    target: str


Relation = Annotated[PartOf | Sum | Conversion | Respectively | RateOf | Link, Field(discriminator="type")]


class Finding(Record):
    """One result of one audit check over the facts of a document."""

    check: str
    status: Literal["consistent", "inconsistent", "doubtful", "untestable"]
    severity: Literal["info", "warning", "error"]
    facts: list[str]
    message: str
    details: dict[str, Any] = Field(default_factory=dict)


class RecordWarning(Record):
    """A figure that could not become a valid fact, dropped from the record: where it was and why."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    reason: str


class DocumentRecord(Record):
    """Everything extracted from one document."""

    source: str
    lang: Literal["en", "zh"] | None = None  # the pipeline that read it (detected from the script, or chosen)
    doc_id: str | None = None
    reference_date: str | None = None
    reference_date_source: Literal["option", "published", "dateline"] | None = None
    published: str | None = None
    length: int | None = None
    encoding: str | None = None
    url: str | None = None
    title: str | None = None
    agency: str | None = None  # the input's agency field, else the first agency the title or opening names
    not_read: str | None = None  # why no pipeline read it (its script is neither English nor Chinese); no facts
    facts: list[Fact] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    findings: list[Finding] | None = None
    coverage: dict[str, Any] | None = None
    warnings: list[RecordWarning] | None = None  # only when a figure had to be dropped

    def fact(self, fact_id: str):
        """The fact with this id, or None."""
        for f in self.facts:
            if f.id == fact_id:
                return f
        return None


class ErrorRecord(Record):
    """A document that could not be processed, and why."""

    source: str
    error: str
    reason: str


def record_data(record: DocumentRecord | ErrorRecord) -> dict[str, Any]:
    """A record as JSON data with a fixed key set: every field of its model, None as null (never left out)."""
    return record.model_dump(mode="json", by_alias=True)


def document_json_schema() -> dict[str, Any]:
    """The JSON Schema of a document record (what `extractor schema` prints)."""
    return DocumentRecord.model_json_schema(by_alias=True)
