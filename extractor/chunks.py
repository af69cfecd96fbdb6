"""Texts of any size: cut on paragraph (else line, sentence, space) boundaries, run chunk by chunk, merged.

A yearbook or a long work report passes spaCy's max_length (1,000,000 characters) and holds far more figures than
any one link needs to see. Each chunk is a document of its own for the pipeline; the merged record has offsets
into the whole text, ids f1, f2, ... across chunks, and the reference date of the whole (its dateline is in the
first chunk). What a chunk boundary cuts: links and aliases between figures on either side of it.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from pydantic import ValidationError
from spacy.language import Language

from extractor.io.readers import content_id
from extractor.models import DocumentRecord

# Long enough that an ordinary release is one chunk, short enough that any per-chunk cost stays small.
CHUNK_CHARS = 50_000
_SENTENCE_END = re.compile(r"[.!?。；;]\s")
ID_FIELDS = ("of", "whole", "baseline", "alias_of")
# the fields of a relation that name facts (the others: type, role, cue, pattern_id, confidence, aligned ...)
RELATION_IDS = frozenset(
    {"part", "whole", "parts", "total", "from", "to", "items", "qualifiers", "rate", "numerator", "denominator"}
    | {"source", "target"}
)


def cut_points(text: str, size: int = CHUNK_CHARS) -> list[int]:
    """Offsets where the chunks of `text` start (the first is 0); each chunk is at most `size` characters and
    ends after a blank line, else a line break, a sentence end or a space in its second half, else at `size`."""
    starts = [0]
    pos = 0
    while len(text) - pos > size:
        lo, hi = pos + size // 2, pos + size
        cut = text.rfind("\n\n", lo, hi)
        if cut >= 0:
            cut += 2
        else:
            cut = text.rfind("\n", lo, hi)
            cut = cut + 1 if cut >= 0 else -1
        if cut < 0:
            ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, hi)]
            cut = ends[-1] if ends else -1
        if cut < 0:
            cut = text.rfind(" ", lo, hi)
            cut = cut + 1 if cut >= 0 else hi
        while cut < len(text) and text[cut].isspace() and cut - pos < size:
            cut += 1  # a chunk starts at its first word
        starts.append(cut)
        pos = cut
    return starts


def run_chunked(
    nlp: Language, text: str, reference_date=None, *, source: str, published=None, size: int | None = None
) -> DocumentRecord:
    """The record of `text` run in chunks of at most `size` characters (default CHUNK_CHARS)."""
    from extractor import api

    starts = cut_points(text, size or min(CHUNK_CHARS, nlp.max_length))
    bounds = list(zip(starts, [*starts[1:], len(text)], strict=True))
    finder = nlp.get_pipe("extractor_dates").finder if "extractor_dates" in nlp.pipe_names else None
    head = text[: bounds[0][1]]
    ref, ref_source = api.choose_reference(head, reference_date, published, finder)
    chunks: list[tuple[int, dict[str, Any], dict[str, list[dict]]]] = []  # (offset, record head, payload)
    for start, end in bounds:
        with collector_paused():
            doc = api.make_doc(nlp, text[start:end], reference_date, published)
            doc._.reference_date = ref  # every chunk resolves against the whole text's date (its dateline is first)
            doc._.reference_date_source = ref_source or "none"
            for _, proc in nlp.pipeline:
                doc = proc(doc)
            chunks.append((start, api.record_head(doc, source, published), api.doc_payload(doc)))
        del doc
    # the chunks' plain data merged and validated once (a record per chunk, dumped and validated again as a
    # whole, cost a fifth of a chunked run); a chunk with a figure no model accepts takes the way of one record
    # per chunk, so that its figure is left out before the merge reads the aliases, as when the chunks ran alone
    first = chunks[0][1]
    whole = {**first, "doc_id": content_id(text), "length": len(text)}
    facts, relations, _ = _renumbered(
        [(offset, payload["facts"], payload["relations"], ()) for offset, _head, payload in chunks]
    )
    try:
        with collector_paused():
            return DocumentRecord.model_validate({**whole, "facts": facts, "relations": relations})
    except ValidationError:
        pass
    parts = [
        (offset, api.validated_record(text[offset : offset + h["length"]], h, p["facts"], p["relations"]))
        for offset, h, p in chunks
    ]
    return merge(text, parts)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for one chunk, as the caller had it after.

    A chunk makes no cyclic garbage (0 objects collected over chunked runs of every shape in
    scripts/scaling.py), but its tens of thousands of live objects make each full collection during it walk
    them all: 15-25% of the time of a 50,000-character chunk, and more for a larger chunk than a smaller one.
    Paused per chunk, a collection runs between chunks, so any garbage a chunk left is found there."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def merge(text: str, parts: list[tuple[int, DocumentRecord]]) -> DocumentRecord:
    """One record of the whole `text` from (offset, record of the chunk at that offset) pairs."""
    dumps = [(offset, rec.model_dump(mode="json", by_alias=True, exclude_none=True)) for offset, rec in parts]
    facts, relations, warnings = _renumbered(
        [(offset, d["facts"], d["relations"], d.get("warnings") or ()) for offset, d in dumps]
    )
    first = parts[0][1]
    return DocumentRecord.model_validate(
        {
            "source": first.source,
            "lang": first.lang,
            "doc_id": content_id(text),
            "reference_date": first.reference_date,
            "reference_date_source": first.reference_date_source,
            "published": first.published,
            "length": len(text),
            "facts": facts,
            "relations": relations,
            "warnings": warnings or None,
        }
    )


def _renumbered(parts: list[tuple[int, list[dict], list[dict], Any]]) -> tuple[list[dict], list[dict], list[dict]]:
    """(facts, relations, warnings) of the whole text from (offset, facts, relations, warnings) of each chunk,
    as new dicts: offsets into the whole text, ids f1, f2, ... across chunks, an operation named again after a
    cut an alias of its first mention in the text."""
    facts: list[dict[str, Any]] = []
    relations: list[dict[str, Any]] = []
    warnings: list[dict[str, Any]] = []
    first_named: dict[str, str] = {}  # an operation's name -> the id of its first mention in any chunk
    root: dict[str, str] = {}  # an operation's mention -> the mention it is an alias of, as merged
    for offset, chunk_facts, chunk_relations, chunk_warnings in parts:
        ids = {f["id"]: f"f{len(facts) + n}" for n, f in enumerate(chunk_facts, start=1)}
        for f in chunk_facts:
            f = {**f, "id": ids[f["id"]], "start": f["start"] + offset, "end": f["end"] + offset}
            for key in ID_FIELDS:
                if key in f:
                    f[key] = ids[f[key]]
            if f["kind"] == "operation":
                if "alias_of" in f:
                    # an alias of its chunk's first mention, which may itself be named before the cut: the
                    # alias of the first mention in the text, as one run over the whole text gives
                    f["alias_of"] = root.get(f["alias_of"], f["alias_of"])
                canonical = first_named.setdefault(f["name"], f["id"])
                canonical = root.get(canonical, canonical)  # that first mention may be an alias itself
                if "alias_of" not in f and canonical != f["id"]:
                    f["alias_of"] = canonical  # named again after a cut: the alias the chunk could not see
                if "alias_of" in f:
                    root[f["id"]] = f["alias_of"]
            facts.append(f)
        for r in chunk_relations:
            relations.append(
                {
                    key: ([ids[x] for x in v] if isinstance(v, list) else ids[v]) if key in RELATION_IDS else v
                    for key, v in r.items()
                }
            )
        for w in chunk_warnings:
            warnings.append({**w, "start": w["start"] + offset, "end": w["end"] + offset})
    return facts, relations, warnings
