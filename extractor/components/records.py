"""extractor_records: the facts of a doc as plain data, `doc.spans["facts"]` and `doc._.relations`, spaCy-native.

The last component. It turns the drafts, date and operation matches of the components before it into the JSON of
the record's facts and relations (in `doc.user_data`, so `DocBin(store_user_data=True)` round-trips a processed
doc), puts one span per fact in `doc.spans["facts"]` (label = kind; displaCy's `style="span"` renders them) and
drops the working state, which holds Python objects no serialiser reads.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractor.components.context import CONTEXT_KEY, Component, Draft, text_of
from extractor.kinds import FACT_FIELDS

PAYLOAD_KEY = "extractor"  # doc.user_data[PAYLOAD_KEY] = {"facts": [...], "relations": [...]}
SPANS_KEY = "facts"
COMMON_FIELDS = ("approx", "suspect", "suspect_reason")
# What a date or operation match hands its record (the other kinds come as drafts: extractor.kinds.FACT_FIELDS)
MATCH_FIELDS = {
    "date": ("value", "granularity", "start_date", "end_date", "relative", "resolved"),
    "operation": ("name", "code", "implied_date"),
}
# The working state of the components before this one: Python objects, gone once the facts are plain data.
WORKING_STATE = ("drafts", "draft_relations", "quantities", "date_matches", "operation_matches")


@lru_cache(maxsize=1)
def _adapters():
    from pydantic import TypeAdapter

    from extractor.models import Fact, Relation

    return TypeAdapter(Fact), TypeAdapter(Relation)


def _span_fact(span: Span):
    """The validated record (a CountFact, DateFact ...) of a span of doc.spans['facts'], or None."""
    payload = span.doc.user_data.get(PAYLOAD_KEY)
    if not payload:
        return None
    for fact in payload["facts"]:
        if fact["id"] == span.id_:
            return _adapters()[0].validate_python(fact)
    return None


def _doc_relations(doc: Doc) -> list:
    payload = doc.user_data.get(PAYLOAD_KEY)
    return [_adapters()[1].validate_python(r) for r in payload["relations"]] if payload else []


if not Span.has_extension("fact"):
    Span.set_extension("fact", getter=_span_fact)
if not Doc.has_extension("relations"):
    Doc.set_extension("relations", getter=_doc_relations)


@Language.factory("extractor_records", assigns=["doc.spans", "doc._.relations"], default_config={})
def make_records(nlp: Language, name: str) -> RecordComponent:
    """Factory: the facts of a doc as plain data, spans and relations (see the module docstring)."""
    return RecordComponent(name)


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _draft_payload(d: Draft, ids: dict[int, str]) -> dict[str, Any]:
    payload: dict[str, Any] = {}
    for key in FACT_FIELDS[d.kind] + COMMON_FIELDS:
        v = d.fields.get(key)
        if isinstance(v, Draft):
            v = ids.get(id(v))
        if v is not None and v is not False:
            payload[key] = v
    payload["value"] = round(d.value) if d.kind == "count" and d.value == round(d.value) else _number(d.value)
    return payload


def facts_and_relations(doc: Doc) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The facts (ids f1, f2, ... in document order) and relations of a doc the components have read, as JSON."""
    text = text_of(doc)
    items: list[tuple[int, int, str, Any]] = []
    for d in doc._.drafts or []:
        items.append((d.start, d.end, d.kind, d))
    for m in doc._.date_matches or []:
        items.append((m.start, m.end, "date", m))
    for m in doc._.operation_matches or []:
        items.append((m.start, m.end, "operation", m))
    items.sort(key=lambda x: (x[0], x[1]))
    ids: dict[int, str] = {id(obj): f"f{n}" for n, (_, _, _, obj) in enumerate(items, start=1)}
    op_ids = [ids[id(m)] for m in doc._.operation_matches or []]
    facts = []
    for start, end, kind, obj in items:
        base = {"id": ids[id(obj)], "kind": kind, "start": start, "end": end, "text": text[start:end]}
        if kind in MATCH_FIELDS:
            base.update(pattern_id=obj.pattern_id, **{key: getattr(obj, key) for key in MATCH_FIELDS[kind]})
            if kind == "operation":
                base.update(value=obj.name, alias_of=op_ids[obj.canonical] if obj.canonical is not None else None)
        else:
            base["pattern_id"] = obj.pattern_id
            base.update(_draft_payload(obj, ids))
        facts.append({k: v for k, v in base.items() if v is not None})
    relations = []
    for r in doc._.draft_relations or []:
        rel = {k: (ids[id(v)] if isinstance(v, Draft) else v) for k, v in r.items() if not k.startswith("_")}
        for key in ("items", "qualifiers", "parts", "denominator"):
            if key in rel:
                rel[key] = [ids[id(x)] for x in r[key]]
        relations.append({k: v for k, v in rel.items() if v is not None})
    relations.extend(_links(doc._.drafts or [], ids))
    return facts, relations


def _links(drafts: list[Draft], ids: dict[int, str]) -> list[dict[str, Any]]:
    """A `link` relation for each figure's of / whole / baseline field, with the evidence the linker kept."""
    out = []
    for d in drafts:
        for role, evidence in (d.fields.get("_evidence") or {}).items():
            target = d.fields.get(role)
            if isinstance(target, Draft) and id(target) in ids:
                link = {"type": "link", "role": role, "source": ids[id(d)], "target": ids[id(target)], **evidence}
                out.append({k: v for k, v in link.items() if v is not None})
    return out


class RecordComponent(Component):
    """Writes the facts and relations as plain data, the fact spans, and drops the working state."""

    def __init__(self, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        facts, relations = facts_and_relations(doc)
        doc.user_data[PAYLOAD_KEY] = {"facts": facts, "relations": relations}
        spans = []
        for fact in facts:
            span = doc.char_span(fact["start"], fact["end"], label=fact["kind"], alignment_mode="expand")
            if span is not None:
                spans.append(Span(doc, span.start, span.end, label=fact["kind"], span_id=fact["id"]))
        doc.spans[SPANS_KEY] = spans
        for name in WORKING_STATE:
            doc.user_data.pop(("._.", name, None, None), None)
        # token._.num holds Decimals and the caches below tuples and sets: the facts now say what they did
        for key in [k for k in doc.user_data if isinstance(k, tuple) and k[1] in ("num", "num_info")]:
            del doc.user_data[key]
        doc.user_data.pop(CONTEXT_KEY, None)
        return doc
