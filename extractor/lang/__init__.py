"""Languages: which pipeline reads a document, chosen per document from its script or by the caller."""

from __future__ import annotations

import re

HAN_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

LANGS = ("en", "zh")
CHOICES = ("auto", *LANGS)


def detect_lang(text: str) -> str:
    """'zh' when more than 30% of the text's letters (and at least four of them) are Han characters, else 'en'."""
    head = text[:20_000]
    han = len(HAN_RE.findall(head))
    if han < 4:
        return "en"  # an English document costs one regular-expression scan
    letters = sum(1 for ch in head if ch.isalpha())
    return "zh" if han > 0.3 * letters else "en"


def resolve_lang(lang: str | None, text: str) -> str:
    """The language to read `text` in: `lang` itself, or the detected one for None / 'auto'."""
    if lang is None or lang == "auto":
        return detect_lang(text)
    if lang not in LANGS:
        raise ValueError(f"language {lang!r} is not one of {', '.join(CHOICES)}")
    return lang
