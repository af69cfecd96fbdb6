"""Helpers the fact and relation components share: drafts of facts, rule lookups by token, clause windows."""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from spacy.tokens import Doc, Span, Token
from spacy.util import raise_error

CLAUSE_BREAKS = {";", "；", ":", "："}
LIST_JOINERS = {"and", ",", "、", "，", "as", "well", "or", "while", "respectively"}

if not Doc.has_extension("drafts"):
    Doc.set_extension("drafts", default=None)
    Doc.set_extension("draft_relations", default=None)
    Doc.set_extension("quantities", default=None)
    Doc.set_extension("date_matches", default=None)
    Doc.set_extension("operation_matches", default=None)
REFERENCE_DATE_KEY = "extractor:reference_date"
# The doc's text as a string (api.make_doc sets it; it stays on the processed doc, which DocBin stores)
TEXT_KEY = "_text"
# The components' shared caches for the doc being read, one typed object (dropped by extractor_records)
CONTEXT_KEY = "extractor:context"


def _get_reference_date(doc: Doc) -> dt.date | None:
    value = doc.user_data.get(REFERENCE_DATE_KEY)
    return dt.date.fromisoformat(value) if value else None


def _set_reference_date(doc: Doc, value: dt.date | None) -> None:
    doc.user_data[REFERENCE_DATE_KEY] = value.isoformat() if value else None  # a string, which DocBin stores


if not Doc.has_extension("reference_date"):
    Doc.set_extension("reference_date", getter=_get_reference_date, setter=_set_reference_date)


class Component:
    """What every extractor component shares: spaCy's error-handler hooks, so that `nlp.set_error_handler(...)`
    lets `nlp.pipe` skip a document a component cannot read instead of stopping the run."""

    _error_handler = None

    def set_error_handler(self, handler) -> None:
        """Called by `Language.set_error_handler`: what `nlp.pipe` does with a document this component fails on."""
        self._error_handler = handler

    def get_error_handler(self):
        """The handler `nlp.pipe` calls on a failure (spaCy's `raise_error` unless one was set)."""
        return self._error_handler or raise_error


@dataclass
class DocContext:
    """What the components work out once per doc and share, kept under one key of `doc.user_data`.

    Each cache remembers the token count (or span count) it was made at: extractor_numbers merges tokens, and a
    cache made before that is made again.
    """

    nums: set[int] | None = None  # the token indices of merged numerals (extractor_numbers sets it)
    sent_bounds: tuple[int, list[int], list[int]] | None = None  # (tokens, sentence starts, sentence of each token)
    token_texts: list[str] | None = None
    token_lowers: list[str] | None = None
    clause_breaks: tuple[int, list[int]] | None = None  # (tokens, indices of ; and :)
    rule_indexes: dict[str, tuple[int, RuleIndex]] = field(default_factory=dict)  # spans key -> (spans, index)
    draft_at: dict[int, Draft] | None = None  # the draft at each token, while extractor_relations reads the doc
    own_cue: set[int] = field(default_factory=set)  # counts right before a partitive cue of their own (relations)


def doc_context(doc: Doc) -> DocContext:
    """The doc's DocContext, made on first use."""
    ctx = doc.user_data.get(CONTEXT_KEY)
    if ctx is None:
        ctx = doc.user_data[CONTEXT_KEY] = DocContext()
    return ctx


@dataclass
class Draft:
    """A fact under construction: mutable while components link it, frozen into a record at the end."""

    kind: str
    start: int
    end: int
    tok: int
    value: Decimal | str
    pattern_id: str
    fields: dict[str, Any] = field(default_factory=dict)
    id: str = ""

    def set(self, **kw: Any) -> None:
        """Set fields, ignoring None values."""
        self.fields.update({k: v for k, v in kw.items() if v is not None})


class RuleIndex:
    """The rule spans of a doc, looked up by the token they start or end at."""

    def __init__(self, doc: Doc, key: str = "rules"):
        self.starting: dict[int, list[Span]] = defaultdict(list)
        self.ending: dict[int, list[Span]] = defaultdict(list)
        self.by_label: dict[str, list[Span]] = defaultdict(list)
        spans = doc.spans.get(key, [])
        for span in spans:
            self.starting[span.start].append(span)
            self.ending[span.end].append(span)
            self.by_label[span.label_].append(span)
        for table in (self.starting, self.ending):
            for spans_at in table.values():
                spans_at.sort(key=lambda s: -(s.end - s.start))

    @classmethod
    def of(cls, doc: Doc, key: str = "rules") -> RuleIndex:
        """The index of doc.spans[key], built once per doc for the components that read it (the last of them
        drops it: `RuleIndex.release(doc)`, so no Span outlives the pipeline in `doc.user_data`)."""
        indexes = doc_context(doc).rule_indexes
        cached = indexes.get(key)
        count = len(doc.spans[key]) if key in doc.spans else 0
        if cached is None or cached[0] != count:
            cached = indexes[key] = (count, cls(doc, key))
        return cached[1]

    @staticmethod
    def release(doc: Doc, key: str = "rules") -> None:
        """Drop the index of doc.spans[key] (its Spans hold the doc)."""
        doc_context(doc).rule_indexes.pop(key, None)

    def starting_at(self, i: int, *labels: str) -> Span | None:
        """The longest span with one of `labels` starting at token i."""
        for span in self.starting.get(i, ()):
            if span.label_ in labels:
                return span
        return None

    def ending_at(self, i: int, *labels: str) -> Span | None:
        """The longest span with one of `labels` ending right before token i."""
        for span in self.ending.get(i, ()):
            if span.label_ in labels:
                return span
        return None

    def _by_start(self, label: str) -> tuple[list[int], list[tuple[int, Span]]]:
        """The spans of `label` sorted by their first token, with their place in `by_label`, built once."""
        cache = self.__dict__.setdefault("_sorted", {})
        if label not in cache:
            ordered = sorted(enumerate(self.by_label.get(label, ())), key=lambda p: (p[1].start, p[0]))
            cache[label] = ([s.start for _, s in ordered], ordered)
        return cache[label]

    def starting_between(self, lo: int, hi: int, label: str) -> list[Span]:
        """Spans of `label` whose first token is in [lo, hi), in `by_label` order; O(log n + found)."""
        starts, ordered = self._by_start(label)
        found = ordered[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]
        return [s for _, s in sorted(found, key=lambda p: p[0])]

    def covering(self, i: int, label: str) -> Span | None:
        """The first span of `label` (in `by_label` order) that holds token i."""
        cache = self.__dict__.setdefault("_covering", {})
        if label not in cache:
            table: dict[int, Span] = {}
            for span in self.by_label.get(label, ()):
                for j in range(span.start, span.end):
                    table.setdefault(j, span)
            cache[label] = table
        return cache[label].get(i)

    def any_within(self, start: int, end: int, *labels: str) -> bool:
        """True when a span with one of `labels` lies inside tokens [start, end), as `bool(within(...))`, in
        O(log n): only spans that start inside and reach past `end` are passed over (a window of a long clause
        listed every span in it to learn whether there was one)."""
        for label in labels:
            starts, ordered = self._by_start(label)
            k, stop = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
            while k < stop:
                if ordered[k][1].end <= end:
                    return True
                k += 1
        return False

    def within(self, start: int, end: int, *labels: str) -> list[Span]:
        """Spans with one of `labels` lying inside tokens [start, end)."""
        out = []
        for label in labels:
            out.extend(s for s in self.starting_between(start, end, label) if s.end <= end)
        return sorted(out, key=lambda s: s.start)


def text_of(doc: Doc) -> str:
    """doc.text, computed once: the property joins every token again on each access."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def sent_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """(start, end) of the sentence holding token i. Token.sent walks the whole doc on every call; this looks
    the sentence up in bounds computed once per doc."""
    ctx = doc_context(doc)
    bounds = ctx.sent_bounds
    if bounds is None or bounds[0] != len(doc):
        starts = [s.start for s in doc.sents] if len(doc) else [0]
        owner = [0] * len(doc)
        for n, start in enumerate(starts):
            end = starts[n + 1] if n + 1 < len(starts) else len(doc)
            for j in range(start, end):
                owner[j] = n
        bounds = (len(doc), starts, owner)
        ctx.sent_bounds = bounds
    _, starts, owner = bounds
    n = owner[i]
    return starts[n], starts[n + 1] if n + 1 < len(starts) else len(doc)


def sent_of(doc: Doc, i: int) -> Span:
    """The sentence holding token i (see `sent_bounds`)."""
    start, end = sent_bounds(doc, i)
    return doc[start:end]


def token_texts(doc: Doc) -> list[str]:
    """The text of every token, read once per doc: doc[i] builds a new Token object on every access."""
    ctx = doc_context(doc)
    texts = ctx.token_texts
    if texts is None or len(texts) != len(doc):
        texts = ctx.token_texts = [t.text for t in doc]
    return texts


def token_lowers(doc: Doc) -> list[str]:
    """The lower-case text of every token, read once per doc (see `token_texts`)."""
    ctx = doc_context(doc)
    lowers = ctx.token_lowers
    if lowers is None or len(lowers) != len(doc):
        lowers = ctx.token_lowers = [t.lower() for t in token_texts(doc)]
    return lowers


def _is_space(text: str) -> bool:
    return text.isspace() and "\n\n" not in text


def next_tok(doc: Doc, i: int) -> int:
    """Index of the first non-space token at or after i (len(doc) if none)."""
    texts = token_texts(doc)
    while i < len(texts) and _is_space(texts[i]):
        i += 1
    return i


def past_restatement(doc: Doc, i: int) -> int:
    """Index of the first non-space token at or after i, past a bracketed restatement of a percentage or the
    bracket closing one: 'Almost 70% (69.8%) of them', '(69.8%) of them'."""
    k = next_tok(doc, i)
    if k < len(doc) and doc[k].text in {")", "）"}:
        return next_tok(doc, k + 1)
    if k < len(doc) and doc[k].text in {"(", "（"}:
        inner = [t for t in doc[k + 1 : k + 6]]
        close = next((t.i for t in inner if t.text in {")", "）"}), None)
        percent = any(t.text in {"%", "％"} or t.lower_ == "percent" for t in inner)
        if close is not None and percent and any(t.like_num for t in inner):
            return next_tok(doc, close + 1)
    return k


def prev_tok(doc: Doc, i: int) -> int:
    """Index of the last non-space token at or before i (-1 if none)."""
    texts = token_texts(doc)
    while i >= 0 and _is_space(texts[i]):
        i -= 1
    return i


def _clause_breaks(doc: Doc) -> list[int]:
    """The indices of the ; and : tokens, found once per doc (a sentence of a table may run for pages)."""
    texts = token_texts(doc)
    ctx = doc_context(doc)
    cached = ctx.clause_breaks
    if cached is None or cached[0] != len(texts):
        cached = ctx.clause_breaks = (len(texts), [j for j, t in enumerate(texts) if t in CLAUSE_BREAKS])
    return cached[1]


def clause_start(doc: Doc, i: int) -> int:
    """First token of the clause holding token i: after the last ; or : of its sentence."""
    sent_start = sent_bounds(doc, i)[0]
    breaks = _clause_breaks(doc)
    k = bisect.bisect_left(breaks, i) - 1  # the last break before i
    return breaks[k] + 1 if k >= 0 and breaks[k] >= sent_start else sent_start


def clause_end(doc: Doc, i: int) -> int:
    """One past the last token of the clause holding token i."""
    sent_end = sent_bounds(doc, i)[1]
    breaks = _clause_breaks(doc)
    k = bisect.bisect_right(breaks, i)  # the first break after i
    return breaks[k] if k < len(breaks) and breaks[k] < sent_end else sent_end


def num_indices(doc: Doc) -> list[int]:
    """The indices of the merged numeral tokens, in order."""
    nums = doc_context(doc).nums
    return sorted(nums) if nums is not None else [t.i for t in doc if t._.num is not None]


def is_num(tok: Token) -> bool:
    """True for a merged numeral token."""
    nums = doc_context(tok.doc).nums
    return tok.i in nums if nums is not None else tok._.num is not None


def only_joiners(doc: Doc, start: int, end: int) -> bool:
    """True when tokens [start, end) are list connectors only ('and', ',', spaces)."""
    return all(t.is_space or t.lower_ in LIST_JOINERS for t in doc[start:end])
