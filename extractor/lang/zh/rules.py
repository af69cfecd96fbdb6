"""The Chinese rule data (patterns/zh/*.jsonl), validated against extractor.labels.ZH_LABELS, as lookup tables."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from extractor.labels import ZH_LABELS
from extractor.patterns import PatternFileError, PatternRow, patterns_dir, read_files


def zh_patterns_dir() -> Path:
    """The bundled folder of Chinese rules, `patterns/zh/`."""
    return patterns_dir() / "zh"


def load_zh_rows(folder: Path | None = None) -> list[PatternRow]:
    """Every row of the Chinese rule files; every bad line, and every duplicate id, reported at once."""
    folder = folder or zh_patterns_dir()
    files = sorted(folder.glob("*.jsonl"))
    if not files:
        raise PatternFileError(f"{folder}: no .jsonl pattern files in this folder")
    rows: list[PatternRow] = []
    problems: list[str] = []
    for file_rows in read_files(files, {}, problems, ZH_LABELS):
        rows.extend(file_rows)
    if problems:
        raise PatternFileError("\n".join(problems))
    return rows


@dataclass(frozen=True)
class Word:
    """A cue word (a phrase row): its text, its row id and its attrs."""

    text: str
    id: str
    attrs: dict = field(default_factory=dict)


@dataclass
class ZhRules:
    """The Chinese rows by label; phrase rows longest first, so '人次' is tried before '人'."""

    words: dict[str, list[Word]]
    regexes: dict[str, list[tuple[re.Pattern, PatternRow]]]
    variants: dict[int, str]
    _index: dict = field(default_factory=dict, repr=False, compare=False)

    def of(self, label: str) -> list[Word]:
        return self.words.get(label, [])

    def normalise(self, text: str) -> str:
        """The text in simplified characters, one character for one, so offsets stay those of the original."""
        return text.translate(self.variants)

    def _by_char(self, label: str, last: bool) -> dict[str, list[Word]]:
        """The words of `label` by their first (or last) character, longest first: a lookup tries only the
        words that can match there (every word of a long list was tried at every figure)."""
        key = (label, last)
        table = self._index.get(key)
        if table is None:
            table = {}
            for w in self.of(label):
                if w.text:
                    table.setdefault(w.text[-1] if last else w.text[0], []).append(w)
            self._index[key] = table
        return table

    def starting(self, label: str, text: str, at: int) -> Word | None:
        """The longest word of `label` that starts at `at`."""
        if at >= len(text):
            return None
        for w in self._by_char(label, False).get(text[at], ()):
            if text.startswith(w.text, at):
                return w
        return None

    def ending(self, label: str, text: str, at: int) -> Word | None:
        """The longest word of `label` that ends at `at`."""
        if at <= 0 or at > len(text):
            return None
        for w in self._by_char(label, True).get(text[at - 1], ()):
            if at >= len(w.text) and text.startswith(w.text, at - len(w.text)):
                return w
        return None

    def last_in(self, label: str, text: str) -> tuple[int, Word] | None:
        """The word of `label` that occurs last in `text`, with its position."""
        best = None
        for w in self.of(label):
            i = text.rfind(w.text)
            if i >= 0 and (best is None or i + len(w.text) > best[0] + len(best[1].text)):
                best = (i, w)
        return best

    def digits(self) -> dict[str, int]:
        return {w.text: int(w.attrs["value"]) for w in self.of("ZH_DIGIT")}

    def scales(self) -> dict[str, int]:
        return {w.text: int(w.attrs["value"]) for w in self.of("ZH_SCALE")}


@lru_cache(maxsize=2)
def zh_rules(folder: str | None = None) -> ZhRules:
    """The rule tables of a folder of Chinese rules (default: the bundled one), built once."""
    rows = load_zh_rows(Path(folder) if folder else None)
    words: dict[str, list[Word]] = {}
    regexes: dict[str, list[tuple[re.Pattern, PatternRow]]] = {}
    variants: dict[int, str] = {}
    for row in rows:
        if row.label == "ZH_VARIANT":
            variants[ord(str(row.pattern))] = row.attrs["simplified"]
        elif row.kind == "regex":
            regexes.setdefault(row.label, []).append((re.compile(str(row.pattern)), row))
        elif row.kind == "phrase":
            words.setdefault(row.label, []).append(Word(str(row.pattern), row.id, dict(row.attrs)))
        else:
            raise PatternFileError(f"{row.id}: Chinese rules are phrases or regular expressions, not token patterns")
    for label in words:
        words[label].sort(key=lambda w: -len(w.text))
    return ZhRules(words, regexes, variants)
