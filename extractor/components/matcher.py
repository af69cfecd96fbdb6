"""extractor_matcher: run the token, phrase and regex rules of `patterns/` and keep every match as a span."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from extractor.components.context import Component, text_of
from extractor.gates import Requires, holds, requires_of, words_of
from extractor.rules import pipeline_rows

# Rules with these labels are read by other components (number words, dates, operations, audit data).
DEFAULT_SKIP = [
    "NUMBER_WORD", "SCALE", "DATE", "OPERATION", "RATE_DEF", "EXCHANGE", "UNIT_CLASS", "UNIT_COUNTED_BY", "WORD"
]


@Language.factory(
    "extractor_matcher",
    assigns=["doc.spans"],
    default_config={"patterns_dirs": [], "spans_key": "rules", "skip_label_prefixes": DEFAULT_SKIP},
)
def make_matcher(
    nlp: Language, name: str, patterns_dirs: list[str], spans_key: str, skip_label_prefixes: list[str]
) -> RuleMatcher:
    """Factory: every rule whose label does not start with one of `skip_label_prefixes`."""
    return RuleMatcher(nlp, name, patterns_dirs, spans_key, skip_label_prefixes)


class RuleMatcher(Component):
    """Like spaCy's span ruler, for three kinds of rule; overlapping matches are all kept in `doc.spans[key]`.

    Each span's label is the rule's label and its `id_` the rule's id; `attrs_for(span)` gives the rule's
    metadata from a side table.
    """

    def __init__(self, nlp: Language, name: str, patterns_dirs, spans_key: str, skip_label_prefixes):
        self.name = name
        self.spans_key = spans_key
        rows = [r for r in pipeline_rows(patterns_dirs) if not r.label.startswith(tuple(skip_label_prefixes))]
        self.attrs = {r.id: dict(r.attrs) for r in rows}
        self.labels = {r.id: r.label for r in rows}
        self.matcher = Matcher(nlp.vocab, validate=True)
        self.phrase_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        # (id, regex, requires): `requires` (see extractor.gates) lets a text without those words skip the rule
        self.regexes: list[tuple[str, re.Pattern, Requires | None]] = []
        self.sent_start_rules: set[str] = set()
        for row in rows:
            if row.kind == "token":
                expanded = expand_token_pattern(row.pattern)
                if expanded is None:
                    self.matcher.add(row.id, [row.pattern])
                    continue
                phrases, sent_start = expanded
                self.phrase_matcher.add(row.id, [Doc(nlp.vocab, words=list(words)) for words in phrases])
                if sent_start:
                    self.sent_start_rules.add(row.id)
            elif row.kind == "phrase":
                # the tokenizer's special cases depend on case ('U.S.' vs 'u.s.'), so add each casing
                variants = {row.pattern, row.pattern.lower(), row.pattern.upper(), row.pattern.title()}
                docs = {tuple(t.lower_ for t in d): d for d in map(nlp.make_doc, sorted(variants))}
                self.phrase_matcher.add(row.id, list(docs.values()))
            else:
                requires = requires_of(row.attrs)
                self.regexes.append((row.id, re.compile(row.pattern), requires))

    def attrs_for(self, span: Span) -> dict:
        """The metadata of the rule that produced `span`."""
        return self.attrs.get(span.id_, {})

    def __call__(self, doc: Doc) -> Doc:
        vocab = doc.vocab
        spans: list[Span] = []
        matches = list(self.phrase_matcher(doc))
        if len(self.matcher):
            matches += self.matcher(doc)
        for match_id, start, end in matches:
            rule_id = vocab.strings[match_id]
            if rule_id in self.sent_start_rules and not doc[start].is_sent_start:
                continue
            spans.append(Span(doc, start, end, label=self.labels[rule_id], span_id=rule_id))
        text = text_of(doc)
        words = words_of(text) if any(requires for _, _, requires in self.regexes) else frozenset()
        for rule_id, regex, requires in self.regexes:
            if requires is not None and not holds(requires, words):
                continue
            for m in regex.finditer(text):
                span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if span is not None and len(span):
                    spans.append(Span(doc, span.start, span.end, label=self.labels[rule_id], span_id=rule_id))
        spans.sort(key=lambda s: (s.start, -s.end))
        doc.spans[self.spans_key] = spans
        return doc


def expand_token_pattern(pattern: list[dict], limit: int = 5000) -> tuple[list[tuple[str, ...]], bool] | None:
    """A token pattern of LOWER values and IN lists, each token once or optional ("?"), as the word sequences it
    matches, for the PhraseMatcher: spaCy's Matcher tries every pattern at every token through Python
    predicates, the PhraseMatcher looks a token up once. `IS_SENT_START: true` on the first token is allowed
    (checked on each match); the flag says so. None when the pattern needs the Matcher (other attributes,
    REGEX, "*"/"+", or more than `limit` sequences)."""
    seqs: list[tuple[str, ...]] = [()]
    sent_start = False
    for i, token in enumerate(pattern):
        op = token.get("OP")
        keys = set(token) - {"OP"}
        if i == 0 and token.get("IS_SENT_START") is True:
            sent_start = True
            keys.discard("IS_SENT_START")
        if op not in (None, "?") or keys != {"LOWER"}:
            return None
        value = token["LOWER"]
        if isinstance(value, str):
            words = [value]
        elif isinstance(value, dict) and set(value) == {"IN"}:
            words = list(value["IN"])
        else:
            return None
        if not all(isinstance(w, str) and w and w == w.lower() and not any(c.isspace() for c in w) for w in words):
            return None
        grown = [(*seq, w) for seq in seqs for w in words]
        seqs = grown + seqs if op == "?" else grown
        if len(seqs) > limit:
            return None
    if sent_start and pattern[0].get("OP") == "?":
        return None  # the first token may be left out: the token to check would then be unclear
    return sorted({seq for seq in seqs if seq}), sent_start
