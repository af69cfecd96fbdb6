"""Rule gates: the words every match of a rule contains, so a sentence or a text without them is not searched.

A rule's `attrs.requires` is a list of groups; a group is slots separated by spaces; a slot is words joined by "|".
A text can hold a match when, for some group, every slot has one of its words among the text's words (runs of
letters, lower-cased) or classes (`<year>` 1800-2099, `<number>` any digit, `<month>` a capitalised month name
or abbreviation, `<weekday>`):

    "requires": ["<month> <year>", "last|next year"]

The gate is an optimisation only: the tests check that gated and ungated rules find the same matches.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from extractor.lexicon import values

_WORD = re.compile(r"[a-z]+")
_YEAR = re.compile(r"(?<!\d)(?:18|19|20)\d\d(?!\d)")
_NUMBER = re.compile(r"\d")


@lru_cache(maxsize=1)
def _month_re() -> re.Pattern:
    """English month names (calendar's follow the locale) and abbreviations from patterns/lexicon.jsonl, as the
    date rules write them: capitalised ('May', not 'may'). Built on first use: the lexicon's loader reads rule
    gates with this module."""
    names = sorted(values("months"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(w.capitalize() for w in names) + r")(?![A-Za-z])")


@lru_cache(maxsize=1)
def _word_classes() -> dict[str, frozenset[str]]:
    return {"<weekday>": frozenset(values("weekdays"))}


CLASSES = ("<year>", "<number>", "<month>", "<weekday>")

Requires = tuple[tuple[frozenset[str], ...], ...]


def parse_requires(value: Any) -> Requires:
    """`["<month> <year>", "last|next year"]` -> ((month, year), (last or next, year)); ValueError if malformed."""
    if not isinstance(value, list) or not value or not all(isinstance(g, str) and g.split() for g in value):
        raise ValueError('attrs.requires must be a list of groups like "<month> <year>" or "last|next year"')
    groups = []
    for group in value:
        slots = []
        for slot in group.split():
            words = frozenset(slot.split("|"))
            bad = [w for w in words if not (w in CLASSES or re.fullmatch(r"[a-z]+", w))]
            if bad:
                raise ValueError(
                    f"attrs.requires: {', '.join(sorted(bad))} is neither a lower-case word nor {', '.join(CLASSES)}"
                )
            slots.append(words)
        groups.append(tuple(slots))
    return tuple(groups)


def requires_of(attrs: dict) -> Requires | None:
    """A rule's parsed `attrs.requires`, or None when it has none (it then searches everything)."""
    return parse_requires(attrs["requires"]) if "requires" in attrs else None


def words_of(text: str, start: int = 0, end: int | None = None) -> frozenset[str]:
    """The words of text[start:end] (runs of letters, lower-cased), with the classes they belong to. A whole
    text's are kept for the next call: several components gate their rules on the same release."""
    if start == 0 and end is None:
        return _text_words(text)
    return _words(text, start, len(text) if end is None else end)


@lru_cache(maxsize=2)
def _text_words(text: str) -> frozenset[str]:
    return _words(text, 0, len(text))


def _words(text: str, start: int, end: int) -> frozenset[str]:
    words = set(_WORD.findall(text[start:end].lower()))
    for name, members in _word_classes().items():
        if not members.isdisjoint(words):
            words.add(name)
    if _month_re().search(text, start, end):
        words.add("<month>")
    if _NUMBER.search(text, start, end):
        words.add("<number>")
        if _YEAR.search(text, start, end):
            words.add("<year>")
    return frozenset(words)


def holds(requires: Requires, words: frozenset[str] | set[str]) -> bool:
    """Whether `words` (from `words_of`) can hold a match of a rule that `requires` them."""
    for group in requires:
        for slot in group:
            if slot.isdisjoint(words):
                break
        else:
            return True
    return False
