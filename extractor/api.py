"""The Python API: build (and cache) a pipeline, run it over texts, turn its drafts into validated records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from extractor.components.context import Draft, text_of
from extractor.io.readers import content_id
from extractor.models import DocumentRecord

FACT_FIELDS = {
    "count": ("unit", "subject", "action"),
    "percentage": ("role", "direction", "basis", "basis_year", "points", "rate_name", "of", "whole", "baseline"),
    "multiplier": ("of", "basis", "baseline"),
    "money": ("currency", "of"),
}
COMMON_FIELDS = ("approx", "suspect", "suspect_reason")


@lru_cache(maxsize=4)
def cached_pipeline(patterns_dirs: tuple[str, ...] = ()) -> Language:
    """One pipeline per set of pattern folders, built on first use."""
    from extractor.pipeline import build_pipeline

    return build_pipeline(list(patterns_dirs))


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """A date from YYYY-MM-DD (or a date); ValueError names the bad value."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as err:
        raise ValueError(f"reference date {value!r} is not YYYY-MM-DD") from err


def choose_reference(text: str, reference_date, published, finder=None) -> tuple[dt.date | None, str | None]:
    """(reference date, where it came from): the option, else `published`, else the text's own dateline."""
    if reference_date is not None:
        return parse_date(reference_date), "option"
    if published:
        try:
            return parse_date(published), "published"
        except ValueError:
            pass
    from extractor.dates import dateline_date

    found = dateline_date(text, finder)
    return (found, "dateline") if found else (None, None)


def make_doc(nlp: Language, text: str, reference_date=None, published=None) -> Doc:
    """A tokenised doc holding what the caller knows of its date (the extractor_dates component chooses the
    reference date from it, as it does for `nlp(text)`), ready for the pipeline's components."""
    doc = nlp.make_doc(text)
    doc.user_data["_text"] = text  # what text_of(doc) gives, without joining the tokens again
    doc._.reference_option = parse_date(reference_date)
    doc._.published = published
    return doc


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
    value = _number(d.value)
    if d.kind == "count":
        value = round(d.value)
    payload["value"] = value
    return payload


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


def doc_to_record(doc: Doc, source: str, published: str | None = None) -> DocumentRecord:
    """The validated record of a processed doc: facts in document order with ids f1, f2, ..."""
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
        if kind == "date":
            base.update(
                pattern_id=obj.pattern_id,
                value=obj.value,
                granularity=obj.granularity,
                start_date=obj.start_date,
                end_date=obj.end_date,
                relative=obj.relative,
                resolved=obj.resolved,
            )
        elif kind == "operation":
            base.update(
                pattern_id=obj.pattern_id,
                value=obj.name,
                name=obj.name,
                code=obj.code,
                implied_date=obj.implied_date,
                alias_of=op_ids[obj.canonical] if obj.canonical is not None else None,
            )
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
    ref = doc._.reference_date
    ref_source = doc._.reference_date_source if doc._.reference_date_source != "none" else None
    if published is None and ref is not None and ref_source == "dateline":
        published = ref.isoformat()  # the release's own dateline is its publication date
    return DocumentRecord.model_validate(
        {
            "source": source,
            "doc_id": content_id(text),
            "reference_date": ref.isoformat() if ref else None,
            "reference_date_source": ref_source if ref else None,
            "published": published,
            "length": len(text),
            "facts": facts,
            "relations": relations,
        }
    )


def run(
    nlp: Language, text: str, reference_date=None, *, source: str = "<text>", published=None
) -> DocumentRecord:
    """Extract every fact of one document with a pipeline you built (see `extractor.pipeline`)."""
    doc = make_doc(nlp, text, reference_date, published)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc_to_record(doc, source, published)


def extract(
    text: str, reference_date=None, *, source: str = "<text>", published=None, patterns_dirs=None
) -> DocumentRecord:
    """Extract every fact of one document."""
    nlp = cached_pipeline(tuple(str(d) for d in (patterns_dirs or ())))
    return run(nlp, text, reference_date, source=source, published=published)


def extract_many(
    items: Iterable[tuple[str, str, str | None]],
    reference_date=None,
    *,
    patterns_dirs=None,
    batch_size: int = 32,
) -> Iterator[DocumentRecord]:
    """Extract (source, text, published) items with nlp.pipe, yielding records in input order."""
    nlp = cached_pipeline(tuple(str(d) for d in (patterns_dirs or ())))
    meta: list[tuple[str, str | None]] = []

    def docs():
        for source, text, published in items:
            meta.append((source, published))
            yield make_doc(nlp, text, reference_date, published)

    for n, doc in enumerate(nlp.pipe(docs(), batch_size=batch_size)):
        source, published = meta[n]
        yield doc_to_record(doc, source, published)
