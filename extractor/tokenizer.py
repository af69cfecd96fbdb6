"""Tokenizer rules for machine-translated releases: split digits glued to words, keep offsets intact."""

from __future__ import annotations

import itertools
import re

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

# Each rule splits a token without touching the text, so every token keeps its character offset.
GLUE_INFIXES = [
    # "cases50,000", "year-on-year6", "selling8": letters run into a number
    r"(?<=[A-Za-z])(?=[0-9])",
    # "10:55Xinhua", "2.7bn", "7.5%and": a number runs into a word (not ordinals 26th, decades 1990s)
    r"(?<=[0-9])(?![sS]\b|st\b|nd\b|rd\b|th\b|ST\b|ND\b|RD\b|TH\b)(?=[A-Za-z])",
    r"(?<=[0-9])%(?=[A-Za-z0-9])",
    # "27,000Â township-level": mojibake (UTF-8 read as Latin-1) glued to a number
    r"(?<=[0-9])(?=Â)",
    # "20%-30%", "5~8%": ranges
    r"(?<=[0-9])%(?=[-–~～][0-9])",
    r"(?<=[0-9]%)[-–~～](?=[0-9])",
    r"(?<=[0-9])[~～](?=[0-9])",
    # "HK$498", "US$2.81": currency symbol glued to the amount
    r"(?<=[$¥￥€£])(?=[0-9])",
    # "06,2018" after a month: a comma before a four-digit year is not a thousands separator
    r"(?<=[0-9]),(?=(?:1[89]|20)[0-9]{2}(?![0-9]))",  # not '42,3015' (a garbled 423,015), read whole
    # "the'Hundred-Day": a quote glued between words
    r"(?<=[a-z])['‘’\"“”](?=[A-Z])",
    # full-width punctuation from Chinese input methods: '18.4%，the', '12.5％', 'yuan（about'
    r"[，。；：（）！？、【】《》]",
    r"(?<=[0-9])[％‰‱]",
    r"(?<=[0-9])%(?=[^\s\w])",
    # "76.%": a decimal digit lost before the sign; the numeral keeps its stray point
    r"(?<=[0-9]\.)(?=%)",
    # a count and its percentage joined by a slash in tables: '(137,267/57.80%)', '(37,946 cases/39.58%)';
    # fractions ('1/3') and '24/7' stay whole
    r"(?<=,[0-9]{3})/(?=[0-9])",
    r"(?<=[0-9])/(?=[0-9]+\.[0-9])",
    r"(?<=[A-Za-z]{2})/(?=[0-9])",
    # "respectively.4,100 tons were seized": a full stop glued between a word and the next sentence's figure
    # (not "No.5", "Art.3": at least three lower-case letters before it)
    r"(?<=[a-z]{3})\.(?=[0-9])",
    # "reached 27.As the report said": a figure glued to the next sentence by its full stop (a capital and a
    # lower-case letter after it: not "No.5", "3.5", "U.S.")
    r"(?<=[0-9])\.(?=[A-Z][a-z])",
    # "upby 18.3%", "downby 2.1%": the space before 'by' lost in translation
    r"(?<=[Uu]p)(?=by\b)",
    r"(?<=[Dd]own)(?=by\b)",
    # signed changes in tables: '+9.3%', '-2.1%'
    r"(?<=^[+])(?=[0-9])",
    r"(?<=^[-−])(?=[0-9])",
]


# Every suffix rule matches a few characters at the end (and looks a few back). spaCy asks for the suffix of the
# rest of a token once per suffix it peels, and an end-anchored search tries every position of its argument: on a
# token of 3,000 '%' or '“' that is 4.5 million tries. Searching the tail alone gives the same suffixes.
SUFFIX_WINDOW = 64


class TailSearch:
    """`suffix_search` from the last SUFFIX_WINDOW characters on (lookbehinds still see before them); picklable,
    as the pipeline must be, and serialisable (spaCy reads the pattern from `__self__`)."""

    def __init__(self, regex):
        self.regex = regex
        self.__self__ = regex

    def __call__(self, string: str):
        return self.regex.search(string, max(0, len(string) - SUFFIX_WINDOW))


FULLWIDTH = ["，", "。", "；", "：", "（", "）", "！", "？", "、", "％", "‰", "‱"]


def customize_tokenizer(nlp: Language) -> None:
    """Add the glue-splitting infixes (and full-width punctuation affixes) to `nlp`'s tokenizer, in place."""
    infixes = list(nlp.Defaults.infixes) + GLUE_INFIXES
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.tokenizer.suffix_search = TailSearch(compile_suffix_regex(list(nlp.Defaults.suffixes) + FULLWIDTH))
    nlp.tokenizer.prefix_search = compile_prefix_regex(
        list(nlp.Defaults.prefixes) + FULLWIDTH + [r"[+−](?=[0-9])"]
    ).search


# spaCy peels a token's prefixes and suffixes one at a time, copying and hashing the rest of the token each time:
# a run of 12,500 '“' without a space took 4 s. Runs that long are no word of a release (a table border, a scraped
# page's filler); they are tokenized in pieces cut after punctuation marks.
LONG_RUN = 400
PIECE = 200
_LONG_RUN_RE = re.compile(rf"\S{{{LONG_RUN},}}")


def _cut_after(text: str, i: int) -> bool:
    """True when a long run may be cut after character i: a punctuation mark, never the point or comma inside a
    numeral ('16.6%', '1,285'), whose pieces would read as two figures."""
    if text[i].isalnum():
        return False
    return not (0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit())


def make_doc(nlp: Language, text: str) -> Doc:
    """`nlp.make_doc(text)`, but a run of more than LONG_RUN characters without a space is tokenized in pieces
    of at most PIECE characters; the tokens' texts and spaces still make up `text` exactly."""
    if not getattr(nlp.tokenizer, "peels_affixes", True):
        return nlp.make_doc(text)  # a tokenizer of one regex pass (Chinese) reads a long run in linear time
    runs = list(_LONG_RUN_RE.finditer(text))
    if not runs:
        return nlp.make_doc(text)
    words: list[str] = []
    spaces: list[bool] = []

    def add(segment: str) -> None:
        for t in nlp.tokenizer(segment):
            words.append(t.text)
            spaces.append(bool(t.whitespace_))

    pos = 0
    for m in runs:
        if m.start() > pos:
            add(text[pos : m.start()])
        start, end = m.span()
        cuts = []
        while end - start > PIECE:
            # after the last punctuation mark within PIECE, else the first after it: letters and digits have no
            # affixes to peel and stay whole ('9' * 5000 is one numeral)
            back = next((i for i in range(start + PIECE - 1, start, -1) if _cut_after(text, i)), None)
            if back is None:
                back = next((i for i in range(start + PIECE, end) if _cut_after(text, i)), end - 1)
            start = back + 1
            if start >= end:
                break
            cuts.append(start)
        if end < len(text) and text[end] == " ":
            end += 1  # the space after the run is its last token's whitespace, as in one pass
        for a, b in itertools.pairwise([m.start(), *cuts, end]):
            if b > a:
                add(text[a:b])
        pos = end
    if pos < len(text):
        add(text[pos:])
    return Doc(nlp.vocab, words=words, spaces=spaces)
