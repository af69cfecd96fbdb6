"""extractor_sentences: sentence boundaries that survive machine translation's stray periods and hard wraps."""

from __future__ import annotations

import re

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

from extractor.components.context import Component, text_of
from extractor.lexicon import words

ENDERS = {".", "!", "?", "。", "！", "？"}
# the characters that can make the next token a sentence start: a line break, or a stop ending the token before
BREAK_CHARS = re.compile("[\n.!?。！？…]")
HEADING_MAX = 60
YEAR = re.compile(r"(?:19|20)\d\d")
CUT_FROM_FIGURE = words("cut_from_figure")
# the last words of a line a hard wrap leaves mid-sentence ('in', 'of', 'down'): the next line goes on with it
LINE_CONTINUERS = words("line_continuers")


@Language.factory("extractor_sentences", assigns=["token.is_sent_start"])
def make_sentences(nlp: Language, name: str) -> SentenceSplitter:
    """Factory: the sentence splitter."""
    return SentenceSplitter()


class SentenceSplitter(Component):
    """Splits after . ! ? unless a digit or a lower-case word follows ('an increase. 42.5%' stays one
    sentence); at blank lines; at a single line break after a short heading line or a line ending in
    punctuation (hard-wrapped paragraphs stay whole).
    """

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        text = text_of(doc)
        starts = numpy.full(len(doc), -1, dtype="int64")
        starts[0] = 1
        # Only a token after a line break or after a stop can start a sentence: look at those alone.
        token_starts = doc.to_array([IDX])
        marks = numpy.fromiter((m.start() for m in BREAK_CHARS.finditer(text)), dtype="int64")
        candidates = numpy.unique(numpy.searchsorted(token_starts, marks, side="right"))
        for i in candidates[(candidates >= 1) & (candidates < len(doc))].tolist():
            if doc[i].is_space and i + 1 < len(doc) and not doc[i].text.count("\n"):
                # 'Lex Machina.  The biggest ...': two spaces after a stop make a space token; the word after it
                # starts the sentence
                if self._starts(text, doc[i - 1], doc[i + 1]):
                    starts[i + 1] = 1
            elif self._starts(text, doc[i - 1], doc[i]):
                starts[i] = 1
        # one array write: setting Token.is_sent_start one by one rescans the doc on every call
        doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))
        return doc

    @staticmethod
    def _starts(text: str, prev: Token, tok: Token) -> bool:
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
            if last in ",，" or (line.rsplit(None, 1)[-1:] and line.rsplit(None, 1)[-1] in LINE_CONTINUERS):
                start = False  # 'seized 4,300 vehicles,\ndown 6.1 percent', 'cases in\n2019': a hard wrap
        elif prev.text in ENDERS or prev.text.endswith(("...", "…")):
            first = tok.text[:1]
            start = not (first.isdigit() or first.islower() or first in ",;%)")
            if first.isdigit() and prev.i > 0:
                # '... than in 2019. 64.2 percent of them were ...' and '... were detained. 3,000 were ...' start
                # a sentence; 'Jan. 8', 'No. 2', a decimal broken by a space ('12. 5%') and a change word cut
                # from its figure ('a year-on-year increase. 42.5%', 'Cases rose. 42.5%') do not
                word = prev.nbor(-1).text
                start = (
                    len(word) >= 3 and word.isalpha() and word.islower() and word not in CUT_FROM_FIGURE
                ) or bool(YEAR.fullmatch(word))
        return start and not tok.is_space
