"""Word lists as data: `patterns/lexicon.jsonl`, one WORD row a word, `attrs.list` naming its list, `attrs.value`
its number where the list gives one (months, weekdays); number words are the NUMBER_WORD rows (no spaCy)."""

from __future__ import annotations

from functools import lru_cache

from extractor.patterns import PatternFileError, PatternRow, load_pattern_file, patterns_dir

LABEL = "WORD"
LEXICON_FILE = "lexicon.jsonl"
NUMBERS_FILE = "numbers.jsonl"
# Lists whose every word carries its value; a row without one is an error naming the row.
VALUED = ("months", "weekdays", "one_articles")


@lru_cache(maxsize=1)
def _rows() -> tuple[PatternRow, ...]:
    rows = tuple(r for r in load_pattern_file(patterns_dir() / LEXICON_FILE) if r.label == LABEL)
    bad = [f"{r.id} ({r.pattern!r})" for r in rows if r.attrs["list"] in VALUED and r.attrs.get("value") is None]
    if bad:
        raise PatternFileError(f"{LEXICON_FILE}: rows of the lists {', '.join(VALUED)} need attrs.value: "
                               + ", ".join(bad))
    return rows


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    lists: dict[str, set[str]] = {}
    for row in _rows():
        lists.setdefault(row.attrs["list"], set()).add(row.pattern.lower())
    return {name: frozenset(words) for name, words in lists.items()}


def words(name: str) -> frozenset[str]:
    """The bundled word list `name` (lower case); a name with no rows is an error naming the known lists."""
    lists = _lists()
    if name not in lists:
        raise PatternFileError(f"{LEXICON_FILE}: no word list {name!r} (known: {', '.join(sorted(lists))})")
    return lists[name]


@lru_cache(maxsize=8)
def values(name: str) -> dict[str, int]:
    """{word: value} of a valued word list ('months': {'january': 1, 'jan': 1, ...}), in file order."""
    words(name)  # an unknown list is named
    return {r.pattern.lower(): int(r.attrs["value"]) for r in _rows() if r.attrs["list"] == name}


def _number_rows(label: str) -> dict[str, int]:
    rows = load_pattern_file(patterns_dir() / NUMBERS_FILE)
    return {
        r.pattern.lower(): int(r.attrs["value"])
        for r in rows
        if r.label == label and " " not in r.pattern and not r.attrs.get("glued_only")
    }


@lru_cache(maxsize=1)
def number_words() -> dict[str, int]:
    """The one-word NUMBER_WORD rows of numbers.jsonl ('zero' 0 ... 'ninety' 90), which the number finder reads."""
    return _number_rows("NUMBER_WORD")


@lru_cache(maxsize=1)
def scale_words() -> dict[str, int]:
    """The SCALE rows of numbers.jsonl that stand alone ('hundred' 100, 'million', 'wan'; not the glued 'k')."""
    return _number_rows("SCALE")


@lru_cache(maxsize=1)
def verb_classes() -> dict[str, str]:
    """Each word of a `verb_class_*` list mapped to its class ('penalized' -> 'punish'): verbs that name one act."""
    prefix = "verb_class_"
    return {w: name[len(prefix) :] for name, ws in _lists().items() if name.startswith(prefix) for w in ws}
