"""Pinyin readings printed inside a Chinese text: some sites follow an uncommon character with its reading in
brackets ('偵(zhēn)辦', '“國(guó)門利劍2018”'). The rules read the text without them; every offset found in that
reading is mapped back to the original, so `text[start:end]` stays a fact's surface, glosses and all."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Reading:
    """The text the rules read, and where each of its characters is in the original (None: nothing was cut)."""

    text: str
    origin: tuple[int, ...] | None = None

    def start(self, i: int) -> int:
        """The original offset of the reading's character at `i`."""
        if self.origin is None:
            return i
        return self.origin[i] if i < len(self.origin) else (self.origin[-1] + 1 if self.origin else 0)

    def end(self, j: int) -> int:
        """The original offset just after the reading's character at `j - 1`: a gloss after a fact's last
        character is not the fact's."""
        if self.origin is None or j == 0:
            return j
        return self.origin[j - 1] + 1


def without_glosses(text: str, glosses: list[re.Pattern]) -> Reading:
    """`text` with every match of `glosses` cut out (the ZH_GLOSS rows of patterns/zh/script.jsonl)."""
    cuts = sorted((m.start(), m.end()) for pattern in glosses for m in pattern.finditer(text))
    if not cuts:
        return Reading(text)
    kept: list[str] = []
    origin: list[int] = []
    at = 0
    for start, end in cuts:
        if start < at:  # two rows matching one gloss
            at = max(at, end)
            continue
        kept.append(text[at:start])
        origin.extend(range(at, start))
        at = end
    kept.append(text[at:])
    origin.extend(range(at, len(text)))
    return Reading("".join(kept), tuple(origin))
