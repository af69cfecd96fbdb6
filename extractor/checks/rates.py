"""Named rates (non-arrest rate, non-prosecution rate) recomputed from the counts in the same release.

Definitions live in `patterns/rates.jsonl`, one PatternRow per rate:

    {"id": "rates-non_arrest-001", "label": "RATE_DEFINITION", "pattern": "non-arrest rate",
     "attrs": {"formula": "numerator / (numerator + complement)",
               "numerator": "<regex>", "complement": "<regex>", "match_on": ["action", "subject"]}}

`pattern` is the rate's name as written (a phrase matched as whole words in the fact's `rate_name`, or a
regular expression with "regex": true). `numerator`, `complement` and `denominator` are regular expressions
searched (case-insensitive) in a count's `action`, then its `subject` (the fields named by `match_on`, in that
order). `formula` is one of FORMULAS.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from extractor.checks._common import facts_by_id, finding, guarded, is_number, resolve_data
from extractor.checks.intervals import DEFAULT_ROUNDING, Interval, fact_interval, fmt_number, to_fraction
from extractor.models import Finding
from extractor.patterns import PatternFileError, PatternRow, load_pattern_file, patterns_dir

CHECK = "named_rate"
LABEL = "RATE_DEFINITION"
RATES_FILE = "rates.jsonl"
FORMULAS = {
    "numerator / (numerator + complement)": ("numerator", "complement"),
    "numerator / denominator": ("numerator", "denominator"),
}
MATCH_FIELDS = ("action", "subject")
ATTR_KEYS = frozenset({"formula", "numerator", "complement", "denominator", "match_on", "other_exclude"})


@dataclass(frozen=True)
class RateDefinition:
    """One named rate: how to recognise its name and which counts make it up."""

    id: str
    name: str
    name_regex: bool
    formula: str
    numerator: re.Pattern
    other: re.Pattern
    match_on: tuple[str, ...] = MATCH_FIELDS
    where: str = ""
    other_exclude: re.Pattern | None = None

    @property
    def other_role(self) -> str:
        """'complement' or 'denominator', as the formula names the second count."""
        return FORMULAS[self.formula][1]

    def matches_name(self, rate_name: str | None) -> bool:
        """Whether a fact's rate_name is this rate."""
        if not rate_name:
            return False
        name = " ".join(rate_name.lower().split())
        return _name_pattern(self.name, self.name_regex).search(name) is not None

    def count_matches(self, fact, which: str) -> str | None:
        """The field ('action' or 'subject') where the count matches the numerator or other regex, or None."""
        rx = self.numerator if which == "numerator" else self.other
        if which != "numerator" and self.other_exclude is not None:
            if any(self.other_exclude.search(getattr(fact, f, None) or "") for f in self.match_on):
                return None
        for field in self.match_on:
            value = getattr(fact, field, None)
            if value and rx.search(value):
                return field
        return None


@lru_cache(maxsize=256)
def _name_pattern(name: str, regex: bool) -> re.Pattern:
    """A rate's name as a compiled pattern: its regular expression, or its phrase as whole words."""
    if regex:
        return re.compile(name, re.IGNORECASE)
    return re.compile(r"(?<![\w-])" + re.escape(" ".join(name.lower().split())) + r"(?![\w-])")


def definition_from_row(row: PatternRow, where: str = "") -> RateDefinition:
    """Validate one PatternRow as a rate definition; ValueError lists every problem of the row."""
    problems: list[str] = []
    attrs: dict[str, Any] = dict(row.attrs)
    if row.label != LABEL:
        problems.append(f"label must be {LABEL}, not {row.label!r}")
    if not isinstance(row.pattern, str):
        problems.append(
            "pattern must be the rate's name (a phrase or, with regex=true, a regular expression)"
        )
    unknown = sorted(set(attrs) - ATTR_KEYS)
    if unknown:
        problems.append(
            f"unknown attrs {', '.join(map(repr, unknown))}; allowed: {', '.join(sorted(ATTR_KEYS))}"
        )
    formula = " ".join(str(attrs.get("formula", "")).split())
    if formula not in FORMULAS:
        problems.append(
            f"attrs.formula {attrs.get('formula')!r} must be one of: {'; '.join(map(repr, FORMULAS))}"
        )
        needed: tuple[str, ...] = ("numerator",)
    else:
        needed = FORMULAS[formula]
        spare = {"complement", "denominator"} - set(needed)
        for key in sorted(spare & set(attrs)):
            problems.append(f"attrs.{key} is not used by formula {formula!r}")
    compiled: dict[str, re.Pattern] = {}
    for key in needed:
        rx = attrs.get(key)
        if not isinstance(rx, str) or not rx.strip():
            problems.append(f"attrs.{key} must be a regular expression (a non-empty string)")
            continue
        try:
            compiled[key] = re.compile(rx, re.IGNORECASE)
        except re.error as err:
            problems.append(f"attrs.{key}: bad regular expression: {err}")
    exclude = attrs.get("other_exclude")
    if exclude is not None:
        if not isinstance(exclude, str) or not exclude.strip():
            problems.append("attrs.other_exclude must be a regular expression (a non-empty string)")
        else:
            try:
                compiled["other_exclude"] = re.compile(exclude, re.IGNORECASE)
            except re.error as err:
                problems.append(f"attrs.other_exclude: bad regular expression: {err}")
    match_on = attrs.get("match_on", list(MATCH_FIELDS))
    if not isinstance(match_on, list) or not match_on or any(m not in MATCH_FIELDS for m in match_on):
        problems.append(f"attrs.match_on must be a non-empty list of {', '.join(map(repr, MATCH_FIELDS))}")
        match_on = list(MATCH_FIELDS)
    if problems:
        raise ValueError("; ".join(problems))
    return RateDefinition(
        id=row.id,
        name=row.pattern,
        name_regex=row.regex,
        formula=formula,
        numerator=compiled["numerator"],
        other=compiled[FORMULAS[formula][1]],
        match_on=tuple(match_on),
        where=where,
        other_exclude=compiled.get("other_exclude"),
    )


def _line_numbers(path: Path) -> dict[str, int]:
    out: dict[str, int] = {}
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("//"):
            out.setdefault(json.loads(line).get("id"), lineno)
    return out


def load_rate_definitions(path: Path | str | None = None) -> list[RateDefinition]:
    """Read and validate a rates file (default: the bundled `rates.jsonl`); errors name FILE:LINE."""
    path = Path(path) if path is not None else patterns_dir() / RATES_FILE
    rows = load_pattern_file(path)
    lines = _line_numbers(path)
    out: list[RateDefinition] = []
    problems: list[str] = []
    for row in rows:
        where = f"{path.name}:{lines.get(row.id, '?')}"
        try:
            out.append(definition_from_row(row, where))
        except ValueError as err:
            problems.append(f"{where}: {row.id}: {err}")
    if problems:
        raise PatternFileError("\n".join(problems))
    return out


def resolve_rates(rates=None) -> list[RateDefinition]:
    """Definitions from None (bundled file), a path, RateDefinitions or PatternRows."""
    return resolve_data(rates, RateDefinition, "a RateDefinition", definition_from_row, load_rate_definitions)


def named_rate(record, *, rates=None, rounding: Sequence[str] = DEFAULT_ROUNDING) -> list[Finding]:
    """Each named rate against its counts: a RateOf relation if present, else the nearest matching counts."""
    definitions = resolve_rates(rates)
    facts = facts_by_id(record)
    rate_of = {}
    for rel in getattr(record, "relations", None) or []:
        if getattr(rel, "type", None) == "rate":
            rate_of.setdefault(rel.rate, rel)
    out: list[Finding] = []
    for pct in facts.values():
        if getattr(pct, "kind", None) != "percentage" or pct.role != "rate":
            continue
        rel = rate_of.get(pct.id)
        definition = next((d for d in definitions if d.matches_name(pct.rate_name)), None)
        if rel is None and definition is None:
            continue
        ids = [pct.id] + ([rel.numerator, *rel.denominator] if rel else [])
        out.extend(
            guarded(CHECK, ids, lambda p=pct, r=rel, d=definition: _one(p, r, d, facts, record, rounding))
        )
    return out


def rate_relations(record, *, rates=None) -> list[dict[str, Any]]:
    """A `rate` relation for each named rate whose definition finds its counts before it (by their actions and
    subjects, the wording, never their values): what the audit's named_rate check then recomputes."""
    definitions = resolve_rates(rates)
    out: list[dict[str, Any]] = []
    for pct in getattr(record, "facts", None) or []:
        if getattr(pct, "kind", None) != "percentage" or pct.role != "rate":
            continue
        definition = next((d for d in definitions if d.matches_name(pct.rate_name)), None)
        cue = pct.rate_name
        if definition is None and (pct.rate_name or "rate") == "rate":
            # '11,416 people were not arrested, with a rate of 39.4%': a rate with no name of its own is the rate
            # whose numerator the act of the count right before it names
            definition = _rate_of_the_count_before(pct, definitions, record)
            cue = f"{definition.name} (unnamed, after its count)" if definition is not None else cue
        if definition is None:
            continue
        num, other = _find_counts(pct, definition, record)
        if num is None or other is None:
            continue
        denominator = [other.id, num.id] if definition.other_role == "complement" else [other.id]
        out.append(
            {
                "type": "rate",
                "rate": pct.id,
                "numerator": num.id,
                "denominator": denominator,
                "definition": definition.formula,
                "cue": cue,
                "pattern_id": definition.id,
                "confidence": "cued",
            }
        )
    return out


def _rate_of_the_count_before(pct, definitions: list[RateDefinition], record) -> RateDefinition | None:
    """The definition whose numerator the action of the count right before an unnamed rate matches, when every
    such definition is one rate (same numerator and formula: the name's variants); else None."""
    before = [
        f
        for f in (getattr(record, "facts", None) or [])
        if getattr(f, "kind", None) in ("count", "money", "percentage") and f.start < pct.start
    ]
    if not before:
        return None
    last = max(before, key=lambda f: f.start)
    if last.kind != "count" or not getattr(last, "action", None):
        return None
    found = [d for d in definitions if d.count_matches(last, "numerator") == "action"]
    if not found:
        return None
    if len({(d.numerator.pattern, d.formula) for d in found}) != 1:
        # two rates whose numerators both fit (a closure and a clearance rate of concluded cases): one only if
        # they find the same counts
        pairs = {tuple(f.id if f is not None else None for f in _find_counts(pct, d, record)) for d in found}
        if len(pairs) != 1 or None in next(iter(pairs)):
            return None
    return found[0]


def _find_counts(pct, definition: RateDefinition, record) -> tuple[Any, Any]:
    """The counts nearest before the rate that match the definition's numerator and its other count."""
    counts = [
        f
        for f in (getattr(record, "facts", None) or [])
        if getattr(f, "kind", None) == "count" and f.start < pct.start and is_number(f.value)
    ]
    counts.sort(key=lambda f: f.start, reverse=True)

    def nearest(which: str, exclude: set[str]):
        for field in definition.match_on:
            for f in counts:
                if (
                    f.id not in exclude
                    and getattr(f, field, None)
                    and definition.count_matches(f, which) == field
                ):
                    return f
        return None

    num = nearest("numerator", set())
    other = nearest("other", {num.id} if num is not None else set())
    return num, other


def _name(pct, definition) -> str:
    return pct.rate_name or (definition.name if definition else "rate")


def _describe_count(f) -> str:
    what = getattr(f, "action", None) or getattr(f, "subject", None) or getattr(f, "unit", None)
    return f"{fmt_number(f.value)} ({what})" if what else fmt_number(f.value)


def _one(pct, rel, definition, facts, record, rounding) -> list[Finding]:
    name = _name(pct, definition)
    head = f"{name} {pct.text.strip()}"
    if not is_number(pct.value):
        return [finding(CHECK, "untestable", [pct.id], f"{head}: the rate has no number.")]
    if rel is not None:
        num = facts.get(rel.numerator)
        den = [facts.get(d) for d in rel.denominator]
        if num is None or not den or any(d is None for d in den):
            return [
                finding(
                    CHECK, "untestable", [pct.id], f"{head}: the counts its relation names were not found."
                )
            ]
        others = [d for d in den if d.id != num.id]
        complement_form = len(others) < len(den)
        formula = rel.definition or (
            "numerator / (numerator + others)" if complement_form else "numerator / (sum of denominator)"
        )
        source = "relation"
    else:
        num, other = _find_counts(pct, definition, record)
        if num is None or other is None:
            missing = [r for r, f in (("numerator", num), (definition.other_role, other)) if f is None]
            return [
                finding(
                    CHECK,
                    "untestable",
                    [pct.id],
                    f"{head}: the counts its definition needs ({', '.join(missing)}) "
                    "were not found before it.",
                    {"definition": definition.id, "formula": definition.formula, "missing": missing},
                )
            ]
        others = [other]
        complement_form = definition.other_role == "complement"
        formula = definition.formula
        source = f"definition {definition.id}"
    figures = [num, *others]
    if not all(getattr(f, "kind", None) == "count" and is_number(f.value) for f in figures):
        return [finding(CHECK, "untestable", [pct.id], f"{head}: its figures are not all counts.")]
    ids = [pct.id, *(f.id for f in figures)]
    n_iv = fact_interval(num, rounding)
    o_iv = Interval.point(0)
    for f in others:
        o_iv = o_iv + fact_interval(f, rounding)
    n_val = to_fraction(num.value)
    o_val = sum(to_fraction(f.value) for f in others)
    if complement_form:
        if n_val + o_val == 0:
            return [finding(CHECK, "untestable", ids, f"{head}: its counts are all zero.")]
        point = n_val / (n_val + o_val) * 100
        # n / (n + o) = 1 / (1 + o / n): rises with n, falls with o
        if n_iv.lo is not None and n_iv.lo <= 0:
            n_iv = n_iv.positive_part()
        computed = Interval.point(1).divide(o_iv.divide(n_iv).shift(1)).scale(100)
        shown = f"{_describe_count(num)} / ({' + '.join(_describe_count(f) for f in [num, *others])})"
    else:
        if o_val == 0:
            return [finding(CHECK, "untestable", ids, f"{head}: its denominator is zero.")]
        point = n_val / o_val * 100
        computed = n_iv.divide(o_iv.positive_part()).scale(100)
        shown = f"{_describe_count(num)} / ({' + '.join(_describe_count(f) for f in others)})"
    accepted = fact_interval(pct, rounding)
    details = {
        "rate": name,
        "source": source,
        "formula": formula,
        "reported_percent": pct.value,
        "accepted_percent": accepted.as_json(),
        "numerator": {"id": num.id, "value": num.value, "action": getattr(num, "action", None)},
        "others": [{"id": f.id, "value": f.value, "action": getattr(f, "action", None)} for f in others],
        "computed_percent": round(float(point), 4),
        "computed_interval_percent": computed.as_json(),
        "rounding": list(rounding),
        "arithmetic": f"{shown} = {float(point):.2f}%",
    }
    spread = (
        ""
        if computed.exact
        else f" ({computed.describe(lambda x: f'{float(x):.2f}', '%')} allowing for rounding)"
    )
    if computed.overlaps(accepted):
        msg = f"{head}: the counts give {shown} = {float(point):.2f}%{spread}, which matches."
        return [finding(CHECK, "consistent", ids, msg, details)]
    msg = f"{head} does not follow from the counts: {shown} = {float(point):.2f}%{spread}."
    if rel is None:
        # counts the definition found anywhere before the rate, with no relation stating them: a guess
        msg += " The counts were found by their verbs anywhere before the rate, not stated with it."
        return [finding(CHECK, "doubtful", ids, msg, details)]
    return [finding(CHECK, "inconsistent", ids, msg, details, severity="warning")]


def definitions_for(names: Iterable[str], rates=None) -> dict[str, RateDefinition | None]:
    """Which definition each rate name resolves to (None when unknown), to check a rates file."""
    definitions = resolve_rates(rates)
    return {n: next((d for d in definitions if d.matches_name(n)), None) for n in names}
