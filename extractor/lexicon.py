"""Word lists as data: `patterns/lexicon.jsonl`, one WORD row a word, `attrs.list` naming its list (no spaCy)."""

from __future__ import annotations

from functools import lru_cache

from extractor.patterns import PatternFileError, load_pattern_file, patterns_dir

LABEL = "WORD"
LEXICON_FILE = "lexicon.jsonl"


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    lists: dict[str, set[str]] = {}
    for row in load_pattern_file(patterns_dir() / LEXICON_FILE):
        if row.label == LABEL:
            lists.setdefault(row.attrs["list"], set()).add(row.pattern.lower())
    return {name: frozenset(words) for name, words in lists.items()}


def words(name: str) -> frozenset[str]:
    """The bundled word list `name` (lower case); a name with no rows is an error naming the known lists."""
    lists = _lists()
    if name not in lists:
        raise PatternFileError(f"{LEXICON_FILE}: no word list {name!r} (known: {', '.join(sorted(lists))})")
    return lists[name]


@lru_cache(maxsize=1)
def verb_classes() -> dict[str, str]:
    """Each word of a `verb_class_*` list mapped to its class ('penalized' -> 'punish'): verbs that name one act."""
    prefix = "verb_class_"
    return {w: name[len(prefix) :] for name, ws in _lists().items() if name.startswith(prefix) for w in ws}
