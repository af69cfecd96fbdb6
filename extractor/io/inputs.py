"""The one reader of every command: files, folders, globs and standard input; .txt, .html and .jsonl alike."""

from __future__ import annotations

import dataclasses
import glob
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from extractor.io.html_input import HTML_SUFFIXES, read_html
from extractor.io.readers import (
    MAX_BYTES,
    InputDoc,
    InputError,
    InputFailure,
    _jsonl_docs,
    decode,
    iter_path,
    read_bytes,
)

JSONL_SUFFIXES = (".jsonl", ".ndjson")
SUFFIXES = (".txt", *JSONL_SUFFIXES, *HTML_SUFFIXES)


def iter_documents(paths: Iterable[str], max_bytes: int = MAX_BYTES) -> Iterator[InputDoc | InputFailure]:
    """Every document named by `paths`, for every command: folders (recursively: .txt, .html, .jsonl), globs,
    files, '-' for standard input."""
    for raw in paths:
        if raw == "-":
            yield from read_bytes("-", sys.stdin.buffer.read(), max_bytes)
            continue
        path = Path(raw)
        if not path.exists() and glob.has_magic(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield InputFailure(raw, "no file matches this pattern")
            for m in matches:
                yield from _iter_path(Path(m), m, max_bytes)
            continue
        yield from _iter_path(path, raw, max_bytes)


def _iter_path(path: Path, raw: str, max_bytes: int) -> Iterator[InputDoc | InputFailure]:
    return iter_path(path, raw, max_bytes, recursive=True, suffixes=SUFFIXES, read=read_file)


def read_file(path: Path, max_bytes: int = MAX_BYTES) -> Iterator[InputDoc | InputFailure]:
    """The documents of one file: the visible text of .html, one per line of .jsonl (streamed), else its text."""
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from read_jsonl_file(path, max_bytes)
    else:
        yield from _read_whole(path, max_bytes)


def _read_whole(path: Path, max_bytes: int) -> Iterator[InputDoc | InputFailure]:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield InputFailure(source, f"too large: {size:,} bytes (limit {max_bytes:,}; raise it with --max-bytes)")
            return
        data = path.read_bytes()
    except OSError as err:
        yield InputFailure(source, f"cannot read: {err.strerror or err}")
        return
    if path.suffix.lower() in HTML_SUFFIXES:
        yield from read_html(source, data, max_bytes)
    else:
        yield from read_bytes(source, data, max_bytes)


def read_jsonl_file(path: Path, max_bytes: int = MAX_BYTES) -> Iterator[InputDoc | InputFailure]:
    """The documents of a JSON Lines file, read a line at a time (an archive may be larger than memory);
    `max_bytes` limits each line."""
    source = str(path)
    try:
        fh = path.open("rb")
    except OSError as err:
        yield InputFailure(source, f"cannot read: {err.strerror or err}")
        return
    with fh:
        if fh.read(4).startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
            fh.close()  # UTF-16/32 lines cannot be split on b"\n": read it whole, as `extract` does
            yield from _read_whole(path, max_bytes)
            return
        fh.seek(0)
        found = False
        for lineno, raw in enumerate(fh, start=1):
            if lineno == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            if not raw.strip():
                continue
            found = True
            where = f"{source}:{lineno}"
            if len(raw) > max_bytes:
                yield InputFailure(
                    where, f"too large: {len(raw):,} bytes (limit {max_bytes:,}; raise it with --max-bytes)"
                )
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                try:
                    line, _encoding = decode(raw, max_bytes)
                except InputError as err:
                    yield InputFailure(where, str(err))
                    continue
            for item in _jsonl_docs(source, line):
                # readers numbers the lines of the text it is given: this one line is line 1
                if item.source == f"{source}:1":
                    item = dataclasses.replace(item, source=where)
                yield item
        if not found:
            yield InputFailure(source, "empty file")


def count_documents(paths: Iterable[str]) -> int | None:
    """How many documents `iter_documents(paths)` will give, for a progress bar's total: one per file, one per
    non-blank line of a JSON Lines file; None when standard input is among them. Failures count as one."""
    total = 0
    for raw in paths:
        if raw == "-":
            return None
        path = Path(raw)
        if not path.exists() and glob.has_magic(raw):
            files = [Path(m) for m in glob.glob(raw, recursive=True)]
        elif path.is_dir():
            files = [
                p
                for p in path.rglob("*")
                if p.suffix.lower() in SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and p.is_file()
            ]
        else:
            files = [path]
        for f in files:
            total += _lines(f) if f.suffix.lower() in JSONL_SUFFIXES else 1
        if not files:
            total += 1
    return total


def _lines(path: Path) -> int:
    n = 0
    try:
        with path.open("rb") as fh:
            n = sum(1 for line in fh if line.strip())
    except OSError:
        return 1
    return max(n, 1)


def language_warning(text: str) -> str | None:
    """Why the English pipeline will miss most of a text, or None: a text mostly in Chinese, Japanese or Korean
    script (of its letters, more than 30% CJK), whose figures a rule for English phrasing does not read."""
    letters = cjk = 0
    for ch in text[:20_000]:
        if ch.isalpha():
            letters += 1
            if "\u3040" <= ch <= "\u30ff" or "\u3400" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af":
                cjk += 1
    if letters >= 20 and cjk > 0.3 * letters:
        return (
            f"{cjk * 100 // letters}% of its letters are Chinese, Japanese or Korean characters: the pipeline reads "
            "English (machine translation), so most figures will be missed"
        )
    return None


# Scripts named by the first word of a letter's Unicode name; Latin and Han are read (English, Chinese).
_SCRIPT_NAMES = {"HIRAGANA": "Japanese kana", "KATAKANA": "Japanese kana", "HANGUL": "Korean Hangul"}
_LETTER_RE = re.compile(r"[^\W\d_]")
# letters neither ASCII nor Han (Latin-1 letters are told apart by their names)
_OTHER_LETTER_RE = re.compile(r"[^\W\d_\x00-\x7f\u3400-\u9fff\uf900-\ufaff]")
_KANA_SHARE = 0.1  # Japanese prose is mostly kana; Chinese has none, so a tenth of kana is Japanese
_MIN_LETTERS = 10


def unread_script(text: str) -> str | None:
    """Why neither pipeline reads `text`, or None: most of its letters are of a script other than Latin and Han
    (Cyrillic, Greek, Arabic, Hangul ...), or a tenth of them are Japanese kana (Japanese, whose kanji the Chinese
    rules would misread), at least ten letters either way. Two regular-expression scans (an ASCII text: none)."""
    head = text[:20_000]
    if head.isascii():
        return None
    scripts: dict[str, int] = {}
    for ch in _OTHER_LETTER_RE.findall(head):
        name = unicodedata.name(ch, "").removeprefix("FULLWIDTH ").removeprefix("HALFWIDTH ")
        if "LATIN" in name or name.startswith(("CJK", "IDEOGRAPHIC")):
            continue  # 'FULLWIDTH LATIN CAPITAL LETTER G', 'CJK UNIFIED IDEOGRAPH-20000', '〇'
        first = name.split(" ", 1)[0]
        script = _SCRIPT_NAMES.get(first, first.title() or "unnamed")
        scripts[script] = scripts.get(script, 0) + 1
    other = sum(scripts.values())
    if other < _MIN_LETTERS:
        return None
    letters = len(_LETTER_RE.findall(head))
    script, n = max(scripts.items(), key=lambda kv: kv[1])
    kana = scripts.get("Japanese kana", 0)
    if kana >= _MIN_LETTERS and kana > _KANA_SHARE * letters:
        script, n = "Japanese kana", kana
    elif other * 2 <= letters or n < _MIN_LETTERS:
        return None
    return f"{n * 100 // letters}% of its letters are {script}; the pipelines read English and Chinese"
