"""extractor_sentences: sentence boundaries that survive machine translation's stray periods and hard wraps."""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

ENDERS = {".", "!", "?", "。", "！", "？"}
HEADING_MAX = 60


@Language.factory("extractor_sentences", assigns=["token.is_sent_start"])
def make_sentences(nlp: Language, name: str) -> SentenceSplitter:
    """Factory: the sentence splitter."""
    return SentenceSplitter()


class SentenceSplitter:
    """Splits after . ! ? unless a digit or a lower-case word follows ('an increase. 42.5%' stays one
    sentence); at blank lines; at a single line break after a short heading line or a line ending in
    punctuation (hard-wrapped paragraphs stay whole).
    """

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        text = doc.text
        starts = [False] * len(doc)
        starts[0] = True
        for i in range(1, len(doc)):
            prev, tok = doc[i - 1], doc[i]
            gap = text[prev.idx + len(prev) : tok.idx]
            if prev.is_space:
                gap = prev.text + gap
            start = False
            if "\n\n" in gap or "\n\n" in prev.text:
                start = True
            elif "\n" in gap or (prev.is_space and "\n" in prev.text):
                line_start = text.rfind("\n", 0, prev.idx) + 1
                line = text[line_start : prev.idx + len(prev)].strip()
                last = line[-1:] if line else ""
                start = last in ENDERS or last in ":;" or len(line) < HEADING_MAX or not tok.text[:1].islower()
                if last and last.isalnum() and tok.text[:1].islower():
                    start = False
            elif prev.text in ENDERS or prev.text.endswith(("...", "…")):
                first = tok.text[:1]
                start = not (first.isdigit() or first.islower() or first in ",;%)")
            if start and not tok.is_space:
                starts[i] = True
        # one array write: setting Token.is_sent_start one by one rescans the doc on every call
        values = numpy.asarray([1 if x else -1 for x in starts], dtype="int64").astype("uint64").reshape(-1, 1)
        doc.from_array([SENT_START], values)
        return doc
