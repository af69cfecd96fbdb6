"""The unit table: which counted nouns are kinds of which (a trafficker is a suspect is a person), shared by the
linker and the audit. Data in `patterns/unit_classes.jsonl`; no spaCy here."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from extractor.patterns import PatternFileError, PatternRow, load_pattern_file, patterns_dir

LABEL = "UNIT_CLASS"
COUNTED_BY = "UNIT_COUNTED_BY"
LABELS = frozenset({LABEL, COUNTED_BY})
UNIT_CLASSES_FILE = "unit_classes.jsonl"


class UnitTable:
    """Units and their parents: `root('trafficker')` is 'person'; `kin(a, b)` when both count one class of thing."""

    def __init__(self, rows: Iterable[PatternRow]):
        self.parent: dict[str, str] = {}
        self.by: dict[str, set[str]] = {}
        problems: list[str] = []
        for row in rows:
            if row.label == COUNTED_BY:
                self.by.setdefault(row.pattern.lower(), set()).add(str(row.attrs["by"]).lower())
                continue
            if row.label != LABEL:
                continue
            unit, parent = row.pattern.lower(), str(row.attrs["is_a"]).lower()
            if unit in self.parent and self.parent[unit] != parent:
                problems.append(f"{row.id}: {unit!r} is already a kind of {self.parent[unit]!r}")
            self.parent[unit] = parent
        for unit in self.parent:
            seen = {unit}
            u = unit
            while u in self.parent:
                u = self.parent[u]
                if u in seen:
                    problems.append(f"{unit!r}: its is_a chain comes back to {u!r}")
                    break
                seen.add(u)
        if problems:
            raise PatternFileError("; ".join(problems))

    def ancestors(self, unit: str | None) -> list[str]:
        """The unit and each class above it, nearest first: ['trafficker', 'suspect', 'person']."""
        if not unit:
            return []
        out = [unit.lower()]
        while out[-1] in self.parent and len(out) < 16:
            out.append(self.parent[out[-1]])
        return out

    def root(self, unit: str | None) -> str | None:
        """The widest class a unit belongs to ('person', 'case'), or the unit itself."""
        chain = self.ancestors(unit)
        return chain[-1] if chain else None

    def is_a(self, unit: str | None, other: str | None) -> bool:
        """True when `unit` is `other` or a kind of it: is_a('trafficker', 'person')."""
        return bool(unit and other) and other.lower() in self.ancestors(unit)

    def kin(self, a: str | None, b: str | None) -> bool:
        """True when both units count the same class of thing (leaders among suspects, crimes among cases)."""
        return bool(a and b) and self.root(a) == self.root(b)

    def counted_by(self, whole: str | None, part: str | None) -> bool:
        """True when a count of `whole` is counted one per `part` (UNIT_COUNTED_BY rows: a case per person it is
        against), so a text may state parts of one among a whole of the other: '52,000 cases, including 3,100
        officials', '立案78.9万件，其中省部级干部90人', '610,000 people punished, including 490,000 sanctions'."""
        wc, pc = self.ancestors(whole), self.ancestors(part)
        return any(self.by.get(w, set()) & set(pc) for w in wc) or any(self.by.get(p, set()) & set(wc) for p in pc)

    def members(self, root: str) -> frozenset[str]:
        """Every unit whose widest class is `root`, the root included."""
        return frozenset({root} | {u for u in self.parent if self.root(u) == root})


def load_unit_table(path: Path | str | None = None, extra: Iterable[PatternRow] = ()) -> UnitTable:
    """The unit table of a file (default: the bundled one), plus any extra UNIT_CLASS and UNIT_COUNTED_BY rows."""
    path = Path(path) if path is not None else patterns_dir() / UNIT_CLASSES_FILE
    return UnitTable([*load_pattern_file(path), *extra])


@lru_cache(maxsize=1)
def bundled_units() -> UnitTable:
    """The bundled unit table, read once per process."""
    return load_unit_table()
