"""Reading inputs: files, folders, stdin and JSON Lines, decoded from the encodings this genre comes in."""

from __future__ import annotations

import hashlib
import json
import sys
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 20_000_000
# Characters that GB18030-encoded English releases carry and Latin-1 text decoded as GB18030 does not.
GB_MARKERS = set("“”‘’、，。：；（）！？《》【】…—·") | {chr(c) for c in range(0x3000, 0x3040)}


def content_id(text: str) -> str:
    """A stable id for a document's content (sha256 of its UTF-8 text, first 16 hex digits)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class InputError(ValueError):
    """An input that cannot be read as text; the message is one line naming the reason."""


@dataclass(frozen=True)
class InputDoc:
    """One document to process: where it came from, its text, and what the input said about it."""

    source: str
    text: str
    published: str | None = None
    encoding: str | None = None
    doc_id: str | None = None
    url: str | None = None
    title: str | None = None
    lang: str | None = None  # what the input says the document's language is (JSON Lines `lang`)
    agency: str | None = None  # the agency the input names (JSON Lines `agency`)


@dataclass(frozen=True)
class InputFailure:
    """A document that could not be read."""

    source: str
    reason: str


def _control_ratio(text: str) -> float:
    bad = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
    return bad / max(1, len(text))


def _looks_utf16(data: bytes) -> str | None:
    even, odd = data[0::2], data[1::2]
    if len(data) >= 4 and len(data) % 2 == 0:
        if odd.count(0) > 0.3 * len(odd) and even.count(0) < 0.05 * len(even):
            return "utf-16-le"
        if even.count(0) > 0.3 * len(even) and odd.count(0) < 0.05 * len(odd):
            return "utf-16-be"
    return None


def decode(data: bytes, max_bytes: int = MAX_BYTES) -> tuple[str, str]:
    """(text, encoding) of raw bytes: UTF-8/16/32 with a BOM, UTF-16 without one, UTF-8, GB18030 (English with
    full-width punctuation), the Chinese, Japanese or Korean encoding charset-normalizer detects, else
    Windows-1252/Latin-1. InputError for empty, oversized or binary data."""
    if not data:
        raise InputError("empty file")
    if len(data) > max_bytes:
        raise InputError(f"too large: {len(data):,} bytes (limit {max_bytes:,}; raise it with --max-bytes)")
    boms = [
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ]
    encoding = next((enc for bom, enc in boms if data.startswith(bom)), None)
    if encoding is None and b"\x00" in data:
        encoding = _looks_utf16(data)
        if encoding is None:
            raise InputError("binary file (contains NUL bytes), not text")
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as err:
            raise InputError(f"not valid {encoding}: {err.reason} at byte {err.start}") from err
    else:
        text, encoding = _decode_8bit(data)
    if text.startswith("\ufeff"):
        text = text[1:]
    if _control_ratio(text) > 0.01:
        raise InputError("binary file (control characters), not text")
    if not text.strip():
        raise InputError("empty file (only whitespace)")
    return text, encoding


def _decode_8bit(data: bytes) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        gb = data.decode("gb18030")
        non_ascii = [ch for ch in gb if ord(ch) > 127]
        markers = sum(ch in GB_MARKERS for ch in non_ascii)
        if markers and markers * 4 >= len(non_ascii):
            return gb, "gb18030"
    except UnicodeDecodeError:
        pass
    detected = _detect_cjk(data)
    if detected is not None:
        return detected
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


# Encodings charset-normalizer's guess is taken for: the Chinese (and neighbouring) ones. For Latin text its guess
# among the single-byte code pages (cp1250, cp1252, latin-1 ...) is often a near miss, and the genre's is cp1252.
_CJK_ENCODINGS = {"gb18030", "gbk", "gb2312", "hz", "big5", "big5hkscs", "cp950", "euc_jp", "shift_jis", "cp932",
                  "euc_kr", "cp949", "iso2022_jp", "iso2022_kr"}  # fmt: skip


def _detect_cjk(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) when charset-normalizer reads the bytes as a Chinese, Japanese or Korean encoding; GBK and
    GB2312 are decoded with their superset GB18030."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:
        return None
    best = from_bytes(data).best()
    if best is None or best.encoding not in _CJK_ENCODINGS:
        return None
    encoding = "gb18030" if best.encoding in ("gbk", "gb2312") else best.encoding
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return str(best), best.encoding


def read_bytes(source: str, data: bytes, max_bytes: int = MAX_BYTES) -> Iterator[InputDoc | InputFailure]:
    """The documents in one input's bytes: one for text, one per line for JSON Lines."""
    try:
        text, encoding = decode(data, max_bytes)
    except InputError as err:
        yield InputFailure(source, str(err))
        return
    if source.endswith((".jsonl", ".ndjson")):
        yield from _jsonl_docs(source, text)
    else:
        yield InputDoc(source, text, encoding=encoding)


# Optional fields of a JSON Lines row that must be strings when present.
TEXT_FIELDS = ("url", "title", "agency")


def _jsonl_docs(source: str, text: str) -> Iterator[InputDoc | InputFailure]:
    # lines end at "\n" only: U+2028, U+2029 and U+0085 are valid inside a JSON string (str.splitlines cuts there)
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            yield InputFailure(where, f"not JSON: {err.msg}")
            continue
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            yield InputFailure(where, "a JSON Lines record needs a string field 'text'")
            continue
        if not row["text"].strip():
            yield InputFailure(where, "empty text")
            continue
        bad = next((k for k in TEXT_FIELDS if row.get(k) is not None and not isinstance(row[k], str)), None)
        if bad is not None:
            yield InputFailure(where, f"field {bad!r} must be a string, not {type(row[bad]).__name__}")
            continue
        published = row.get("published")
        row_id = str(row["id"]) if row.get("id") not in (None, "") else None
        yield InputDoc(
            # the file and the row: 'archive.jsonl#rel-7' (the id alone, in doc_id), else 'archive.jsonl:12'
            f"{source}#{row_id}" if row_id is not None else where,
            row["text"],
            published=str(published) if published else None,
            doc_id=row_id,
            url=row.get("url"),
            title=row.get("title") or None,
            lang=str(row["lang"]) if row.get("lang") else None,
            agency=row.get("agency") or None,
        )


def iter_inputs(
    paths: list[str],
    max_bytes: int = MAX_BYTES,
    recursive: bool = False,
    suffixes: tuple[str, ...] = (".txt",),
) -> Iterator[InputDoc | InputFailure]:
    """Every document named by `paths`: files, folders (their text files, sorted) and '-' for stdin."""
    for raw in paths:
        if raw == "-":
            yield from read_bytes("-", sys.stdin.buffer.read(), max_bytes)
            continue
        yield from iter_path(Path(raw), raw, max_bytes, recursive, suffixes)


def iter_path(
    path: Path,
    raw: str,
    max_bytes: int = MAX_BYTES,
    recursive: bool = False,
    suffixes: tuple[str, ...] = (".txt",),
    read: Callable[[Path, int], Iterator[InputDoc | InputFailure]] | None = None,
) -> Iterator[InputDoc | InputFailure]:
    """The documents of one path as named by the user (`raw`): a file, or a folder's files with these suffixes,
    sorted (with `recursive`, all levels below it but hidden folders); a failure naming the reason otherwise."""
    read = read or _read_file
    if path.is_dir():
        found = path.rglob("*") if recursive else path.glob("*")
        files = sorted(
            p
            for p in found
            if p.suffix.lower() in suffixes
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
            and p.is_file()
        )
        if not files:
            yield InputFailure(raw, f"folder holds no {'/'.join(suffixes)} files")
        for f in files:
            yield from read(f, max_bytes)
    elif path.is_file():
        yield from read(path, max_bytes)
    elif path.exists():
        yield InputFailure(raw, "not a regular file or folder")
    else:
        yield InputFailure(raw, "no such file or folder")


def _read_file(path: Path, max_bytes: int) -> Iterator[InputDoc | InputFailure]:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield InputFailure(
                str(path), f"too large: {size:,} bytes (limit {max_bytes:,}; raise it with --max-bytes)"
            )
            return
        data = path.read_bytes()
    except OSError as err:
        yield InputFailure(str(path), f"cannot read: {err.strerror or err}")
        return
    yield from read_bytes(str(path), data, max_bytes)
