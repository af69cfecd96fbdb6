"""Tokenizer rules for machine-translated releases: split digits glued to words, keep offsets intact."""

from __future__ import annotations

from spacy.language import Language
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

# Each rule splits a token without touching the text, so every token keeps its character offset.
GLUE_INFIXES = [
    # "cases50,000", "year-on-year6", "selling8": letters run into a number
    r"(?<=[A-Za-z])(?=[0-9])",
    # "10:55Xinhua", "2.7bn", "7.5%and": a number runs into a word (not ordinals 26th, decades 1990s)
    r"(?<=[0-9])(?![sS]\b|st\b|nd\b|rd\b|th\b|ST\b|ND\b|RD\b|TH\b)(?=[A-Za-z])",
    r"(?<=[0-9])%(?=[A-Za-z0-9])",
    # "20%-30%", "5~8%": ranges
    r"(?<=[0-9])%(?=[-–~～][0-9])",
    r"(?<=[0-9]%)[-–~～](?=[0-9])",
    r"(?<=[0-9])[~～](?=[0-9])",
    # "HK$498", "US$2.81": currency symbol glued to the amount
    r"(?<=[$¥￥€£])(?=[0-9])",
    # "06,2018" after a month: a comma before a four-digit year is not a thousands separator
    r"(?<=[0-9]),(?=[0-9]{4}(?![0-9]))",
    # "the'Hundred-Day": a quote glued between words
    r"(?<=[a-z])['‘’\"“”](?=[A-Z])",
    # full-width punctuation from Chinese input methods: '18.4%，the', '12.5％', 'yuan（about'
    r"[，。；：（）！？、【】《》]",
    r"(?<=[0-9])[％‰‱]",
    r"(?<=[0-9])%(?=[^\s\w])",
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
