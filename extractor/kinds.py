"""The kind registry: every kind of fact, its record model, what the linker and the audit do with it, how the
report shows it (no spaCy here).

The record union (`models.Fact`), the numeric kinds (coverage, tables, the value bound), the kinds a relation can
link to as what is counted (`ITEM_KINDS`), the fields a fact draft hands its record and the report's legend and
highlight styles are all read from `KINDS`. A new kind is a record model in models.py, one entry here, the rows
of its rules and the lines of the builder that reads them (see README, "Rules and your own patterns").
"""

from __future__ import annotations

from dataclasses import dataclass

from extractor import models


@dataclass(frozen=True)
class Kind:
    """One kind of fact.

    `numeric`: its value is a number (coverage counts it among the figures; tables give it a number column).
    `item`: a relation can link a figure to it as what is counted or paid (a change's `of`, a share's whole, a
    part's whole). `fields`: what a draft of this kind hands its record besides the span, value, rule and
    approx/suspect (None for kinds whose components build their records themselves: dates, operations).
    `style`: the report's legend; `colour`, `background`, `decoration`: its highlight (CSS).
    """

    name: str
    model: type[models.FactBase]
    numeric: bool
    item: bool
    fields: tuple[str, ...] | None
    style: str
    colour: str
    background: str
    decoration: str


UNDERLINE_3PX = "text-decoration-thickness: 3px;"
KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("count", models.CountFact, numeric=True, item=True, fields=("unit", "subject", "action", "difference"),
             style="solid underline", colour="#1d4ed8", background="#dbeafe",
             decoration="text-decoration-style: solid;"),
        Kind("percentage", models.PercentageFact, numeric=True, item=False,
             fields=("role", "direction", "basis", "basis_year", "average", "points", "rate_name", "of", "whole",
                     "baseline"),
             style="double underline", colour="#166534", background="#dcfce7",
             decoration=f"text-decoration-style: double; {UNDERLINE_3PX}"),
        Kind("multiplier", models.MultiplierFact, numeric=True, item=False, fields=("of", "basis", "baseline"),
             style="wavy underline", colour="#7e22ce", background="#f3e8ff",
             decoration="text-decoration-style: wavy; text-decoration-thickness: 1.5px;"),
        Kind("money", models.MoneyFact, numeric=True, item=True, fields=("currency", "of"),
             style="dashed underline", colour="#92400e", background="#fef3c7",
             decoration="text-decoration-style: dashed;"),
        Kind("population_rate", models.PopulationRateFact, numeric=True, item=False,
             fields=("per", "unit", "population"),
             style="dashed overline", colour="#3f6212", background="#ecfccb",
             decoration="text-decoration-line: overline; text-decoration-style: dashed;"),
        Kind("date", models.DateFact, numeric=False, item=False, fields=None,
             style="dotted underline", colour="#0e7490", background="#cffafe",
             decoration=f"text-decoration-style: dotted; {UNDERLINE_3PX}"),
        Kind("operation", models.OperationFact, numeric=False, item=False, fields=None,
             style="boxed", colour="#be123c", background="#ffe4e6",
             decoration="text-decoration-line: none; box-shadow: inset 0 0 0 1.5px var(--k); padding: 0 3px;"),
    )
}
NUMERIC_KINDS = tuple(k.name for k in KINDS.values() if k.numeric)
ITEM_KINDS = tuple(k.name for k in KINDS.values() if k.item)
FACT_FIELDS = {k.name: k.fields for k in KINDS.values() if k.fields is not None}


def check_models() -> list[str]:
    """What does not fit: a kind whose model's `kind` is another name, a fact model with no kind here."""
    problems = []
    for kind in KINDS.values():
        if kind.model.model_fields["kind"].default != kind.name:
            problems.append(f"kind {kind.name!r}: its model {kind.model.__name__} is of kind "
                            f"{kind.model.model_fields['kind'].default!r}")
    named = {k.model for k in KINDS.values()}
    for model in models.FACT_MODELS:
        if model not in named:
            problems.append(f"{model.__name__} has no entry in extractor.kinds.KINDS")
    return problems
