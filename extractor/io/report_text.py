"""A plain-text audit report for the terminal: inconsistencies first, with their sentence and arithmetic."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable

from extractor.checks.coverage import coverage

WIDTH = 100
MAX_SENTENCES = 3
MAX_SENTENCE_CHARS = 300
_BOUNDARY = set(".!?;\n。！？；")
_WORD_END = re.compile(r"[A-Za-z]+$")
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "no", "co", "ltd", "inc", "jr", "st", "vs", "corp"})


def _is_boundary(text: str, i: int) -> bool:
    """Whether text[i] ends a sentence (. ! ? ; newline); not a '.' inside a number or before lower case."""
    ch = text[i]
    if ch not in _BOUNDARY:
        return False
    if ch != ".":
        return True
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if prev.isdigit() and nxt.isdigit():
        return False
    m = _WORD_END.search(text, max(0, i - 8), i)
    word = m.group(0) if m else ""
    if (len(word) == 1 and word.isupper()) or word.lower() in _ABBREVIATIONS:
        return False  # 'U.S.', 'No. 5', 'Co.'
    rest = text[i + 1 : i + 4].lstrip(" ")
    return not (rest[:1].islower())


def sentence_at(text: str, start: int, end: int) -> str:
    """The sentence around text[start:end], whitespace collapsed; shortened around the span when very long."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    left = start
    while left > 0 and not _is_boundary(text, left - 1):
        left -= 1
    right = end
    while right < len(text) and not _is_boundary(text, right):
        right += 1
    if right < len(text) and text[right] != "\n":
        right += 1
    sentence = text[left:right]
    if len(sentence) > MAX_SENTENCE_CHARS:
        mid = (start + end) // 2 - left
        half = MAX_SENTENCE_CHARS // 2
        lo, hi = max(0, mid - half), min(len(sentence), mid + half)
        sentence = ("…" if lo > 0 else "") + sentence[lo:hi] + ("…" if hi < len(sentence) else "")
    return " ".join(sentence.split())


def _sentences(record, fnd, text: str | None) -> list[str]:
    if not text:
        return []
    by_id = {f.id: f for f in getattr(record, "facts", None) or []}
    spans = sorted((by_id[i].start, by_id[i].end) for i in fnd.facts if i in by_id)
    out: list[str] = []
    for start, end in spans:
        if start >= len(text):
            continue
        s = sentence_at(text, start, end)
        if s and s not in out:
            out.append(s)
    return out[:MAX_SENTENCES]


def fill_line(prefix: str, body: str, indent: int) -> str:
    """body wrapped to the report width, the first line after prefix, the rest aligned under it."""
    return textwrap.fill(
        body,
        width=WIDTH,
        initial_indent=" " * indent + prefix,
        subsequent_indent=" " * (indent + len(prefix)),
        break_long_words=False,
        break_on_hyphens=False,
    )


def _figures(record, fnd) -> str:
    by_id = {f.id: f for f in getattr(record, "facts", None) or []}
    return ", ".join(f"'{by_id[i].text}' ({i})" if i in by_id else i for i in fnd.facts)


def render_text(record, findings, text: str | None = None, statuses: Iterable[str] | None = None) -> str:
    """One document's report: header, inconsistencies with sentence and arithmetic, the rest, coverage;
    `statuses` (e.g. ("inconsistent",)) lists only the findings of those statuses."""
    findings = list(findings or [])
    keep = set(statuses) if statuses is not None else {"inconsistent", "doubtful", "consistent", "untestable"}
    lines: list[str] = [f"== {getattr(record, 'source', None) or '<document>'}"]
    about = []
    fields = (("doc_id", "id"), ("agency", "agency"), ("published", "published"), ("reference_date", "reference date"))
    for attr, name in fields:
        value = getattr(record, attr, None)
        if value:
            about.append(f"{name}: {value}")
    if about:
        lines.append("   " + "; ".join(about))
    if getattr(record, "not_read", None):  # never an all-clear: no pipeline read it, nothing was checked
        lines.append(fill_line("not read: ", record.not_read, 3))
        return "\n".join(lines) + "\n"
    bad = [f for f in findings if f.status == "inconsistent"]
    good = [f for f in findings if f.status == "consistent"]
    untestable = [f for f in findings if f.status == "untestable"]
    doubtful = [f for f in findings if f.status == "doubtful"]
    counts = f"   {len(bad)} inconsistent, {len(good)} consistent, {len(untestable)} untestable"
    lines.append(counts + (f", {len(doubtful)} doubtful" if doubtful else ""))
    lines.append("")
    if bad:
        lines.append(f"Inconsistencies ({len(bad)}):")
        for n, fnd in enumerate(bad, start=1):
            lines.append(fill_line(f"{n}. ", f"[{fnd.severity}] {fnd.check}: {fnd.message}", 2))
            sentences = _sentences(record, fnd, text)
            for s in sentences:
                lines.append(fill_line("Sentence: ", f"“{s}”", 5))
            if not sentences:
                lines.append(fill_line("Figures: ", _figures(record, fnd), 5))
            arithmetic = (fnd.details or {}).get("arithmetic")
            if arithmetic:
                lines.append(fill_line("Arithmetic: ", str(arithmetic), 5))
        lines.append("")
    else:
        lines.append("No inconsistencies found.")
        lines.append("")
    for status, found, heading in (
        ("doubtful", doubtful, "Doubtful: would not add up, but the link is inferred, not stated"),
        ("consistent", good, "Consistent"),
        ("untestable", untestable, "Could not be tested"),
    ):
        if found and status in keep:
            lines.append(f"{heading} ({len(found)}):")
            lines.extend(fill_line("- ", f"{fnd.check}: {fnd.message}", 2) for fnd in found)
            lines.append("")
    cov = coverage(record, findings)
    lines.append(f"Coverage: {cov['line']}")
    return "\n".join(lines) + "\n"


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def render_closing(records: Iterable, shown: int | None = None, only: str | None = None) -> str:
    """The closing summary of an audit: documents read and not, those with inconsistencies (named), findings by
    status and figures checked, over every document audited (`shown` and `only` say what the report above lists)."""
    records = list(records)
    docs = [r for r in records if hasattr(r, "facts") and not r.not_read]
    not_read = [r for r in records if getattr(r, "not_read", None)]
    unreadable = len(records) - len(docs) - len(not_read)
    flagged = [r for r in docs if any(f.status == "inconsistent" for f in r.findings or [])]
    totals = {s: sum(1 for r in docs for f in r.findings or [] if f.status == s) for s in ("inconsistent",
              "doubtful", "consistent", "untestable")}  # fmt: skip
    covs = [r.coverage or coverage(r, r.findings or []) for r in docs]
    figures = sum(c.get("figures") or 0 for c in covs)
    checked = sum(c.get("checked") or 0 for c in covs)
    lines = ["== summary"]
    read = f"{_plural(len(docs), 'document')} read" + (f", {unreadable:,} could not be read" if unreadable else "")
    if not_read:
        read += f", {len(not_read):,} not read (a script neither pipeline reads)"
    lines.append(f"   {read}; {len(flagged):,} with inconsistent findings")
    lines.append(
        f"   {totals['inconsistent']:,} inconsistent, {totals['consistent']:,} consistent, "
        f"{totals['untestable']:,} untestable"
        + (f", {totals['doubtful']:,} doubtful" if totals["doubtful"] else "")
        + f"; {checked:,} of {figures:,} figures checked"
    )
    if only is not None and shown is not None:
        lines.append(f"   listed above: {shown:,} of {len(records):,} (--only {only})")
    if not_read:
        lines.append("   not read:")
        lines.extend(fill_line("", r.source, 5) for r in not_read)
    if flagged:
        lines.append("   inconsistent:")
        lines.extend(
            fill_line("", f"{r.source} ({sum(1 for f in r.findings or [] if f.status == 'inconsistent')})", 5)
            for r in flagged
        )
    return "\n".join(lines) + "\n"


def render_all(items: Iterable[tuple]) -> str:
    """Reports of several documents, from (record, findings, text) triples, separated by a blank line."""
    return "\n".join(render_text(*item) for item in items)


__all__ = ["fill_line", "render_all", "render_closing", "render_text", "sentence_at"]
