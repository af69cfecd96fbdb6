"""The Python API: build (and cache) a pipeline, run it over texts, turn its drafts into validated records."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter, ValidationError
from spacy.language import Language
from spacy.tokens import Doc

from extractor.components.context import TEXT_KEY, text_of
from extractor.components.records import PAYLOAD_KEY
from extractor.io.readers import content_id
from extractor.kinds import NUMERIC_KINDS
from extractor.models import MAX_VALUE, DocumentRecord, Fact
from extractor.tokenizer import make_doc as tokenize

FACT_ADAPTER: TypeAdapter = TypeAdapter(Fact)


@lru_cache(maxsize=4)
def cached_pipeline(patterns_dirs: tuple[str, ...] = ()) -> Language:
    """One pipeline per set of pattern folders, built on first use."""
    from extractor.build import build_pipeline

    return build_pipeline(list(patterns_dirs))


@lru_cache(maxsize=1)
def cached_zh_pipeline() -> Language:
    """The Chinese pipeline (extractor/lang/zh), built on first use."""
    from extractor.lang.zh.pipeline import build_zh_pipeline

    return build_zh_pipeline()


def pipeline_for(lang: str | None, text: str, patterns_dirs=None) -> tuple[Language, str]:
    """(pipeline, language) for `text`: `lang` 'en' or 'zh', or None / 'auto' to detect it from the script."""
    from extractor.lang import resolve_lang

    chosen = resolve_lang(lang, text)
    if chosen == "zh":
        return cached_zh_pipeline(), chosen
    return cached_pipeline(tuple(str(d) for d in (patterns_dirs or ()))), chosen


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """A date from YYYY-MM-DD (or a date); ValueError names the bad value."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as err:
        raise ValueError(f"reference date {value!r} is not YYYY-MM-DD") from err


def choose_reference(
    text: str, reference_date, published, finder=None, scan=None
) -> tuple[dt.date | None, str | None]:
    """(reference date, where it came from): the option, else `published`, else the text's own dateline (read
    by `finder`, from its `scan` of the text when the caller has one)."""
    if reference_date is not None:
        return parse_date(reference_date), "option"
    if published:
        try:
            return parse_date(published), "published"
        except ValueError:
            pass
    from extractor.dates import dateline_date

    found = dateline_date(text, finder, scan)
    return (found, "dateline") if found else (None, None)


def make_doc(nlp: Language, text: str, reference_date=None, published=None) -> Doc:
    """A tokenised doc holding what the caller knows of its date (the extractor_dates component chooses the
    reference date from it, as it does for `nlp(text)`), ready for the pipeline's components."""
    doc = tokenize(nlp, text)
    doc.user_data[TEXT_KEY] = text  # what text_of(doc) gives, without joining the tokens again
    option = parse_date(reference_date)
    doc._.reference_option = option.isoformat() if option else None
    doc._.published = published
    return doc


def doc_to_record(doc: Doc, source: str, published: str | None = None, lang: str | None = None) -> DocumentRecord:
    """The validated record of a processed doc: facts in document order with ids f1, f2, ..."""
    text = text_of(doc)
    head, payload = record_head(doc, source, published, lang), doc_payload(doc)
    return validated_record(text, head, payload["facts"], payload["relations"])


def doc_payload(doc: Doc) -> dict[str, list[dict]]:
    """The facts and relations of a processed doc as plain data (`{"facts": ..., "relations": ...}`)."""
    payload = doc.user_data.get(PAYLOAD_KEY)
    if payload is None:
        raise ValueError("the doc has not been through the extractor_records component (the pipeline's last)")
    return payload


def record_head(doc: Doc, source: str, published: str | None = None, lang: str | None = None) -> dict[str, Any]:
    """The fields of a processed doc's record other than its facts, relations and warnings."""
    text = text_of(doc)
    ref = doc._.reference_date
    ref_source = doc._.reference_date_source if doc._.reference_date_source != "none" else None
    if published is None and ref is not None and ref_source == "dateline":
        published = ref.isoformat()  # the release's own dateline is its publication date
    head = {
        "source": source,
        "lang": lang or doc.lang_,
        "doc_id": content_id(text),
        "reference_date": ref.isoformat() if ref else None,
        "reference_date_source": ref_source if ref else None,
        "published": published,
        "length": len(text),
    }
    return head


def validated_record(text: str, head: dict[str, Any], facts: list[dict], relations: list[dict]) -> DocumentRecord:
    """The record of `text` from its head fields, facts and relations; a fact no model accepts is left out
    with a warning (see `drop_invalid`)."""
    try:
        return DocumentRecord.model_validate({**head, "facts": facts, "relations": relations})
    except ValidationError:
        pass
    # the rare document with a bad figure: validate fact by fact, leave out the ones that fail, with a warning
    facts, relations, warnings = drop_invalid(text, facts, relations)
    return DocumentRecord.model_validate({**head, "facts": facts, "relations": relations, "warnings": warnings})


# the fields of a fact and of a relation that name facts
FACT_ID_FIELDS = ("of", "whole", "baseline", "alias_of")
RELATION_ID_FIELDS = frozenset(
    {"part", "whole", "parts", "total", "from", "to", "items", "qualifiers", "rate", "numerator", "denominator"}
    | {"source", "target"}
)


def drop_invalid(text: str, facts: list[dict], relations: list[dict]) -> tuple[list, list, list]:
    """(facts, relations, warnings): the facts their model accepts, renumbered f1, f2, ...; links to a dropped
    fact removed, relations naming one left out; a warning {start, end, text, reason} for each dropped fact."""
    kept, warnings = [], []
    for f in facts:
        if f.get("kind") in NUMERIC_KINDS and isinstance(f.get("value"), int | float) and abs(f["value"]) >= MAX_VALUE:
            reason = f"a value of {MAX_VALUE:.0e} or more: beyond any real figure"
        else:
            try:
                FACT_ADAPTER.validate_python(f)
                kept.append(f)
                continue
            except ValidationError as err:
                reason = _reason(err)
        start, end = f["start"], f["end"]
        reason = f"{f['kind']} dropped: {reason}"
        warnings.append({"start": start, "end": end, "text": text[start:end], "reason": reason})
    ids = {f["id"]: f"f{n}" for n, f in enumerate(kept, start=1)}
    out_facts = []
    for f in kept:
        f = {**f, "id": ids[f["id"]]}
        for key in FACT_ID_FIELDS:
            if f.get(key) is not None:
                f[key] = ids.get(f[key])
        out_facts.append(f)
    out_relations = []
    for r in relations:
        try:
            r = {
                k: ([ids[x] for x in v] if isinstance(v, list) else ids[v]) if k in RELATION_ID_FIELDS else v
                for k, v in r.items()
            }
        except KeyError:
            continue  # it names a dropped figure
        out_relations.append(r)
    return out_facts, out_relations, warnings


def _reason(err: ValidationError) -> str:
    first = err.errors(include_url=False, include_input=False)[0]
    where = ".".join(str(p) for p in first["loc"][1:]) or "fact"
    return f"{where}: {first['msg']}".splitlines()[0]


def run(
    nlp: Language, text: str, reference_date=None, *, source: str = "<text>", published=None
) -> DocumentRecord:
    """Extract every fact of one document with a pipeline you built (see `extractor.pipeline`); a text longer
    than `extractor.chunks.CHUNK_CHARS` runs in chunks cut on paragraph boundaries."""
    from extractor import chunks

    if len(text) > min(chunks.CHUNK_CHARS, nlp.max_length):
        return chunks.run_chunked(nlp, text, reference_date, source=source, published=published)
    doc = make_doc(nlp, text, reference_date, published)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc_to_record(doc, source, published)


def extract(
    text: str, reference_date=None, *, source: str = "<text>", published=None, patterns_dirs=None, lang=None
) -> DocumentRecord:
    """Extract every fact of one document; `lang` is 'en', 'zh' or None / 'auto' (detected from the script).

    Pattern folders (`patterns_dirs`) extend the English rules; Chinese documents use the bundled patterns/zh."""
    nlp, _chosen = pipeline_for(lang, text, patterns_dirs)
    return run(nlp, text, reference_date, source=source, published=published)


def extract_many(
    texts: Iterable[str] | Iterable[tuple[str, Any]],
    reference_date=None,
    *,
    as_tuples: bool = False,
    patterns_dirs=None,
    batch_size: int = 32,
) -> Iterator[DocumentRecord] | Iterator[tuple[DocumentRecord, Any]]:
    """Extract many texts with nlp.pipe, yielding records in input order; sources are '<text 1>', '<text 2>' ...

    As with spaCy's `nlp.pipe(..., as_tuples=True)`, `as_tuples` takes (text, context) pairs and yields
    (record, context); a dict context may name the document's `source` and `published` date.
    """
    from extractor import chunks

    nlp = cached_pipeline(tuple(str(d) for d in (patterns_dirs or ())))
    limit = min(chunks.CHUNK_CHARS, nlp.max_length)

    def items():
        for n, item in enumerate(texts, start=1):
            context = None
            if as_tuples:
                if not (isinstance(item, tuple) and len(item) == 2):
                    raise TypeError(f"item {n}: as_tuples=True takes (text, context) pairs, not {item!r:.60}")
                item, context = item
            if not isinstance(item, str):
                hint = " (pass as_tuples=True for (text, context) pairs)" if isinstance(item, tuple) else ""
                raise TypeError(f"item {n}: a text must be a str, not {type(item).__name__}{hint}")
            info = context if isinstance(context, dict) else {}
            yield item, str(info.get("source") or f"<text {n}>"), info.get("published"), context

    def docs(run, meta: deque):
        for text, source, published, context in run:
            meta.append((source, published, context))
            yield make_doc(nlp, text, reference_date, published)

    # runs of ordinary texts go through nlp.pipe; a long text in between runs in chunks, as `extract` runs it
    for long, group in itertools.groupby(items(), key=lambda item: len(item[0]) > limit):
        if long:
            for text, source, published, context in group:
                record = chunks.run_chunked(nlp, text, reference_date, source=source, published=published)
                yield (record, context) if as_tuples else record
            continue
        meta: deque[tuple[str, str | None, Any]] = deque()
        for doc in nlp.pipe(docs(group, meta), batch_size=batch_size):
            source, published, context = meta.popleft()
            record = doc_to_record(doc, source, published)
            yield (record, context) if as_tuples else record
