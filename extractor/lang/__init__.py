"""Languages: which pipeline reads a document, chosen per document from its script or by the caller."""

from __future__ import annotations

LANGS = ("en", "zh")
CHOICES = ("auto", *LANGS)


def han_share(text: str, limit: int = 20_000) -> tuple[int, int]:
    """(Han characters, letters) among the first `limit` characters of `text`."""
    letters = han = 0
    for ch in text[:limit]:
        if ch.isalpha():
            letters += 1
            if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff":
                han += 1
    return han, letters


def detect_lang(text: str) -> str:
    """'zh' when more than 30% of the text's letters (and at least four of them) are Han characters, else 'en'."""
    han, letters = han_share(text)
    return "zh" if han >= 4 and han > 0.3 * letters else "en"


def resolve_lang(lang: str | None, text: str) -> str:
    """The language to read `text` in: `lang` itself, or the detected one for None / 'auto'."""
    if lang is None or lang == "auto":
        return detect_lang(text)
    if lang not in LANGS:
        raise ValueError(f"language {lang!r} is not one of {', '.join(CHOICES)}")
    return lang
