"""The agency a release is from: the JSON Lines row's `agency`, else the first agency its title names, else the
first one its opening names, from the word list `patterns/documents/agencies.jsonl` (validated when loaded)."""

from __future__ import annotations

import contextlib
import json
import re
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from extractor.labels import Label
from extractor.patterns import PatternFileError, load_pattern_file, patterns_dir

AGENCIES_FILE = Path("documents") / "agencies.jsonl"
# A release names its issuer in its title or its first lines ("The Supreme People's Procuratorate released ...");
# an agency named further down is one the release speaks of.
OPENING_CHARS = 300


class AgencyAttrs(BaseModel):
    """What an AGENCY row says: the agency's name as reports show it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    agency: str = Field(min_length=1)


# The registry of the agencies file: rows read by this module, not by a pipeline component.
AGENCY_LABELS = {"AGENCY": Label(AgencyAttrs, "agency", "agency names: 'Supreme People's Procuratorate', '海关总署'")}


def _phrase_regex(phrase: str) -> str:
    body = re.escape(phrase).replace("'", "['’]").replace(r"\ ", r"\s+")
    if phrase[:1].isascii() and phrase[:1].isalnum():
        body = r"(?<![A-Za-z0-9])" + body
    if phrase[-1:].isascii() and phrase[-1:].isalnum():
        body += r"(?![A-Za-z0-9])"
    return body


def _line_numbers(path: Path) -> dict[str, int]:
    numbers = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        with contextlib.suppress(ValueError, AttributeError):
            numbers[json.loads(line).get("id")] = n
    return numbers


@lru_cache(maxsize=4)
def agency_table(path: Path | None = None) -> tuple[re.Pattern, dict[str, str]]:
    """(regex of every phrase, longest first; lower-case phrase -> agency) of the agencies file. Rows must be
    phrases; PatternFileError names FILE:LINE of every bad one."""
    path = path or patterns_dir() / AGENCIES_FILE
    rows = load_pattern_file(path, AGENCY_LABELS)
    if any(r.kind != "phrase" for r in rows):
        numbers = _line_numbers(path)
        bad = [
            f"{path.name}:{numbers.get(r.id, '?')}: {r.id}: an AGENCY row is a phrase (a string), not a {r.kind}"
            for r in rows
            if r.kind != "phrase"
        ]
        raise PatternFileError("\n".join(bad))
    names = {re.sub(r"\s+", " ", r.pattern.lower().replace("’", "'")): r.attrs["agency"] for r in rows}
    phrases = sorted(names, key=len, reverse=True)
    return re.compile("|".join(_phrase_regex(p) for p in phrases), re.IGNORECASE), names


def find_agency(text: str | None, path: Path | None = None) -> str | None:
    """The agency of the first agency phrase in `text` (at one place, the longest), or None."""
    if not text:
        return None
    regex, names = agency_table(path)
    m = regex.search(text)
    if m is None:
        return None
    return names[re.sub(r"\s+", " ", m.group(0).lower().replace("’", "'"))]


def agency_of(title: str | None, text: str, stated: str | None = None) -> str | None:
    """The release's agency: `stated` (the input's own field), else the first one named in the title, else in
    the first OPENING_CHARS characters of the text."""
    if stated:
        return stated
    return find_agency(title) or find_agency(text[:OPENING_CHARS])
