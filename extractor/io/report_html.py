"""A self-contained HTML audit report (no network): highlighted texts, findings, coverage and SVG charts."""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from html import escape
from importlib import resources
from typing import Any

from extractor.io.report_text import sentence_at
from extractor.kinds import KINDS as KIND_REGISTRY
from extractor.kinds import NUMERIC_KINDS as NUMERIC

KINDS = tuple(KIND_REGISTRY)
KIND_STYLES = {k.name: k.style for k in KIND_REGISTRY.values()}

STATUSES = ("inconsistent", "doubtful", "consistent", "untestable")
STATUS_LABELS = {
    "inconsistent": "Inconsistent",
    "doubtful": "Doubtful (inferred link)",
    "consistent": "Consistent",
    "untestable": "Untestable",
}
STATUS_ICONS = {"inconsistent": "✗", "doubtful": "~", "consistent": "✓", "untestable": "?"}
MAX_SENTENCES = 3
MAX_DETAIL_CHARS = 400


# ---------------------------------------------------------------- small helpers


def _esc(value: Any) -> str:
    """HTML-escaped text that a browser parses back to exactly the same characters (CR survives too)."""
    return escape(str(value), quote=True).replace("\r", "&#13;")


def _asset(name: str) -> str:
    return resources.files("extractor.io").joinpath("report_assets", name).read_text(encoding="utf-8")


def _slug(value: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", value) or "_"


def _num(value: Any) -> str:
    """A number for people: thousands separators, no trailing '.0'."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        if value.is_integer() and abs(value) < 1e18:
            return f"{int(value):,}"
        return f"{round(value, 6):,}"
    return f"{value:,}"


def _words(key: str) -> str:
    return str(key).replace("_", " ")


def _is_interval(value: Any) -> bool:
    return (
        isinstance(value, list | tuple)
        and len(value) == 3
        and all(isinstance(v, int | float) and not isinstance(v, bool) for v in value[:2])
        and value[2] in ("[]", "[)", "(]", "()")
    )


def compact(value: Any, depth: int = 0) -> str:
    """A one-line rendering of finding details: intervals as [a, b), nested dicts in parentheses."""
    if _is_interval(value):
        lo, hi, kind = value
        return f"{kind[0]}{_num(lo)}, {_num(hi)}{kind[1]}"
    if isinstance(value, Mapping):
        parts = [f"{_words(k)} {compact(v, depth + 1)}" for k, v in value.items() if v not in (None, [], {})]
        text = "; ".join(parts) if depth == 0 else ", ".join(parts)
        return text if depth == 0 else f"({text})"
    if isinstance(value, list | tuple):
        items = [compact(v, depth + 1) for v in value[:6]]
        if len(value) > 6:
            items.append(f"… {len(value) - 6} more")
        return "[" + ", ".join(items) + "]"
    return _num(value)


def _shorten(text: str, limit: int = MAX_DETAIL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# ---------------------------------------------------------------- facts


def _fact_value(f) -> str:
    kind = getattr(f, "kind", "")
    value = getattr(f, "value", None)
    if kind == "count":
        return _num(value)
    if kind == "percentage":
        return f"{_num(value)} percentage points" if getattr(f, "points", False) else f"{_num(value)}%"
    if kind == "multiplier":
        return f"× {_num(value)}"
    if kind == "money":
        return f"{_num(value)} {getattr(f, 'currency', '')}".strip()
    if kind == "operation":
        return str(getattr(f, "name", None) or value)
    return str(value)


def _fact_unit(f) -> str:
    kind = getattr(f, "kind", "")
    if kind == "count":
        return getattr(f, "unit", None) or ""
    if kind == "money":
        return getattr(f, "currency", "") or ""
    if kind == "percentage":
        return "percentage points" if getattr(f, "points", False) else "%"
    if kind == "multiplier":
        return "times"
    if kind == "date":
        return getattr(f, "granularity", None) or ""
    return ""


def _fact_about(f) -> list[tuple[str, str]]:
    """The fact's attributes beyond value and unit, as (label, text) pairs."""
    out: list[tuple[str, str]] = []
    names = (
        "approx",
        "subject",
        "action",
        "role",
        "direction",
        "basis",
        "basis_year",
        "average",
        "rate_name",
        "start_date",
        "end_date",
        "resolved",
        "implied_date",
    )
    for name in names:
        value = getattr(f, name, None)
        if value not in (None, "", False):
            out.append((_words(name), _words(value) if isinstance(value, str) else _num(value)))
    if getattr(f, "relative", False):
        out.append(("relative", "yes"))
    if getattr(f, "code", False):
        out.append(("code name", "yes"))
    if getattr(f, "suspect", False):
        out.append(("suspect", getattr(f, "suspect_reason", None) or "yes"))
    return out


def fact_links(record) -> dict[str, list[tuple[str, str]]]:
    """For each fact id, its links to other facts as (how, other id): of, whole, parts, sums, conversions, rates."""
    links: dict[str, list[tuple[str, str]]] = {}

    def add(a: str | None, how: str, b: str | None) -> None:
        if a and b and (how, b) not in links.setdefault(a, []):
            links[a].append((how, b))

    for f in getattr(record, "facts", None) or []:
        for attr, how, back in (
            ("of", "of", "qualified by"),
            ("whole", "share of", "whole of"),
            ("alias_of", "alias of", "alias"),
        ):
            other = getattr(f, attr, None)
            add(f.id, how, other)
            add(other, back, f.id)
    for rel in getattr(record, "relations", None) or []:
        kind = getattr(rel, "type", None)
        if kind == "part_of":
            add(rel.part, "part of", rel.whole)
            add(rel.whole, "has part", rel.part)
        elif kind == "sum":
            for part in rel.parts:
                add(part, "adds up to", rel.total)
                add(rel.total, "sum of", part)
        elif kind == "conversion":
            add(rel.from_, "restated as", rel.to)
            add(rel.to, "restates", rel.from_)
        elif kind == "respectively":
            if rel.aligned:
                for item, qual in zip(rel.items, rel.qualifiers, strict=False):
                    add(item, "respectively", qual)
                    add(qual, "respectively", item)
        elif kind == "rate":
            add(rel.rate, "numerator", rel.numerator)
            add(rel.numerator, "numerator of", rel.rate)
            for d in rel.denominator:
                add(rel.rate, "denominator", d)
                add(d, "denominator of", rel.rate)
    return links


def _layout(facts: Sequence, text: str | None) -> tuple[list, dict[str, str]]:
    """The facts to highlight (in order, never overlapping) and, for each one left out, why."""
    shown, skipped, last_end, last_id, seen = [], {}, -1, None, set()
    for f in sorted(facts, key=lambda f: (f.start, -f.end)):
        if f.id in seen:
            continue  # a repeated id keeps its first fact's highlight and row
        seen.add(f.id)
        if text is None:
            skipped[f.id] = "no document text"
        elif f.end > len(text) or text[f.start : f.end] != f.text:
            skipped[f.id] = "its offsets do not match the text"
        elif f.start < last_end:
            skipped[f.id] = f"overlaps {last_id}, not highlighted"
        else:
            shown.append(f)
            last_end, last_id = f.end, f.id
    return shown, skipped


# ---------------------------------------------------------------- one document


class _Doc:
    """What the renderer needs about one document record: ids, links, findings by status and by fact."""

    def __init__(self, n: int, record, text: str | None) -> None:
        self.n, self.record, self.text = n, record, text
        self.prefix = f"doc{n}"
        self.facts = list(getattr(record, "facts", None) or [])
        self.by_id = {}
        for f in self.facts:
            self.by_id.setdefault(f.id, f)
        findings = list(getattr(record, "findings", None) or [])
        order = {s: i for i, s in enumerate(STATUSES)}
        self.findings = sorted(findings, key=lambda x: order.get(x.status, len(order)))
        self.counts = {s: sum(1 for x in findings if x.status == s) for s in STATUSES}
        self.shown, self.skipped = _layout(self.facts, text)
        self.links = fact_links(record)
        self.finding_ids = [f"{self.prefix}-n{i}" for i in range(1, len(self.findings) + 1)]
        self.findings_of: dict[str, list[int]] = {}
        for i, fnd in enumerate(self.findings):
            for fid in fnd.facts:
                self.findings_of.setdefault(fid, []).append(i)
        cov = getattr(record, "coverage", None)
        if cov is None:
            from extractor.checks.coverage import coverage

            cov = coverage(record, findings)
        self.coverage = cov

    def anchor(self, fact_id: str) -> str:
        """The element id a link to this fact goes to: its highlight, or its row when it is not highlighted."""
        base = f"{self.prefix}-{_slug(fact_id)}"
        return f"{base}-row" if fact_id in self.skipped or fact_id not in self.by_id else base

    def audit_state(self, fact_id: str) -> str:
        states = {self.findings[i].status for i in self.findings_of.get(fact_id, [])}
        if states & {"consistent", "inconsistent"}:
            return "checked"
        if states:
            return "untestable"
        f = self.by_id.get(fact_id)
        return "not checked" if f is not None and f.kind in NUMERIC else "—"

    def describe(self, f) -> list[tuple[str, str]]:
        """Plain-text lines about a fact, for its tooltip and screen-reader description."""
        lines = [("value", _fact_value(f))]
        unit = _fact_unit(f)
        if unit and f.kind in ("count", "date"):
            lines.append(("unit" if f.kind == "count" else "granularity", unit))
        lines += _fact_about(f)
        for how, other in self.links.get(f.id, []):
            o = self.by_id.get(other)
            lines.append((how, f"{other} “{o.text}”" if o is not None else other))
        for i in self.findings_of.get(f.id, []):
            fnd = self.findings[i]
            lines.append(("finding", f"{fnd.status} {_words(fnd.check)}"))
        if f.id in self.skipped:
            lines.append(("note", self.skipped[f.id]))
        return lines


def _fact_link(doc: _Doc, fact_id: str) -> str:
    f = doc.by_id.get(fact_id)
    if f is None:
        return f'<span class="missing">{_esc(fact_id)} (not in record)</span>'
    return (
        f'<a class="fact-link k-{_esc(f.kind)}" href="#{doc.anchor(fact_id)}">'
        f'{_esc(" ".join(f.text.split()))}<span class="fid"> {_esc(fact_id)}</span></a>'
    )


def _text_html(doc: _Doc) -> str:
    """The document text with every laid-out fact in a <mark>; between marks the text is exactly the original."""
    text = doc.text or ""
    out, pos = [], 0
    for f in doc.shown:
        out.append(_esc(text[pos : f.start]))
        desc = "\n".join(f"{k}: {v}" for k, v in [("kind", f.kind), *doc.describe(f)])
        fid = _slug(f.id)
        out.append(
            f'<mark class="fact k-{_esc(f.kind)}" id="{doc.prefix}-{fid}" data-fact-id="{_esc(f.id)}" '
            f'data-kind="{_esc(f.kind)}" tabindex="0" title="{_esc(desc)}" '
            f'aria-describedby="{doc.prefix}-{fid}-d">{_esc(f.text)}</mark>'
        )
        pos = f.end
    out.append(_esc(text[pos:]))
    return "".join(out)


def _descriptions(doc: _Doc) -> str:
    """Hidden descriptions the highlights point to with aria-describedby (and the popover shows)."""
    parts = []
    for f in doc.shown:
        lines = "".join(
            f'<span class="sep">; </span><span class="line"><span class="lbl">{_esc(k)}:</span> {_esc(v)}</span>'
            for k, v in doc.describe(f)
        )
        parts.append(
            f'<span id="{doc.prefix}-{_slug(f.id)}-d"><span class="line head">'
            f'<span class="kind-tag k-{_esc(f.kind)}">{_esc(f.kind)}</span> {_esc(f.id)}</span>{lines}</span>'
        )
    return f'<div class="descriptions" hidden>{"".join(parts)}</div>'


def _sentence_html(sentence: str, texts: Iterable[str]) -> str:
    """A sentence with the finding's figures in <strong>."""
    wanted = sorted({" ".join(t.split()) for t in texts if t and t.strip()}, key=len, reverse=True)
    if not wanted:
        return _esc(sentence)
    # Whole figures only: '12' is not bolded inside '2012' or '1,125'.
    pattern = re.compile(r"(?<![\w.,])(?:" + "|".join(re.escape(t) for t in wanted) + r")(?![\w]|[.,]\d)")
    out, pos = [], 0
    for m in pattern.finditer(sentence):
        out.append(_esc(sentence[pos : m.start()]) + f"<strong>{_esc(m.group(0))}</strong>")
        pos = m.end()
    out.append(_esc(sentence[pos:]))
    return "".join(out)


def _finding_html(doc: _Doc, i: int) -> str:
    fnd = doc.findings[i]
    status = fnd.status if fnd.status in STATUSES else "untestable"
    facts = [doc.by_id[x] for x in fnd.facts if x in doc.by_id]
    sentences: list[str] = []
    if doc.text:
        for f in sorted(facts, key=lambda f: f.start):
            if f.start < len(doc.text):
                s = sentence_at(doc.text, f.start, f.end)
                if s and s not in sentences:
                    sentences.append(s)
    texts = [f.text for f in facts]
    body = [
        f'<p class="f-head"><span class="badge b-{status}">'
        f'<span aria-hidden="true">{STATUS_ICONS[status]}</span> {STATUS_LABELS[status]}</span> '
        f'<span class="check">{_esc(_words(fnd.check))}</span> '
        f'<span class="sev sev-{_esc(fnd.severity)}">{_esc(fnd.severity)}</span></p>',
        f'<p class="msg">{_esc(fnd.message)}</p>',
    ]
    for s in sentences[:MAX_SENTENCES]:
        body.append(f'<blockquote class="sentence"><p>“{_sentence_html(s, texts)}”</p></blockquote>')
    details = dict(fnd.details or {})
    arithmetic = details.get("arithmetic")
    if arithmetic:
        body.append(f'<p class="arith"><span class="lbl">Arithmetic</span> <code>{_esc(arithmetic)}</code></p>')
    elif details:
        body.append(
            f'<p class="arith"><span class="lbl">Details</span> <code>{_esc(_shorten(compact(details)))}</code></p>'
        )
    if fnd.facts:
        links = " ".join(_fact_link(doc, x) for x in fnd.facts)
        body.append(f'<p class="figs"><span class="lbl">Figures</span> {links}</p>')
    if details:
        raw = json.dumps(details, ensure_ascii=False, indent=1, default=str)
        body.append(f'<details class="raw"><summary>All details</summary><pre>{_esc(raw)}</pre></details>')
    targets = " ".join(doc.anchor(x) for x in fnd.facts if x in doc.by_id)
    return (
        f'<li class="finding st-{status}" id="{doc.finding_ids[i]}" data-status="{status}" '
        f'data-facts="{_esc(targets)}">{"".join(body)}</li>'
    )


def _findings_html(doc: _Doc) -> str:
    if not doc.findings:
        return '<p class="none">No check applied to this document’s figures.</p>'
    out = []
    for status in STATUSES:
        idx = [i for i, f in enumerate(doc.findings) if f.status == status]
        if not idx:
            continue
        out.append(
            f'<h4 class="group g-{status}">{STATUS_LABELS[status]} <span class="n">({len(idx)})</span></h4>'
            f'<ol class="findings">{"".join(_finding_html(doc, i) for i in idx)}</ol>'
        )
    other = [i for i, f in enumerate(doc.findings) if f.status not in STATUSES]
    if other:
        out.append(
            f'<h4 class="group">Other</h4><ol class="findings">{"".join(_finding_html(doc, i) for i in other)}</ol>'
        )
    return "".join(out)


def _facts_table(doc: _Doc) -> str:
    rows, seen = [], set()
    for f in doc.facts:
        fid = _slug(f.id)
        row_id = "" if f.id in seen else f' id="{doc.prefix}-{fid}-row"'
        seen.add(f.id)
        links = ", ".join(f"{_esc(how)} {_fact_link(doc, other)}" for how, other in doc.links.get(f.id, []))
        about = "; ".join(f"{_esc(k)} {_esc(v)}" for k, v in _fact_about(f))
        if f.id in doc.skipped and doc.text is not None:
            about = "; ".join(x for x in (about, f"<em>{_esc(doc.skipped[f.id])}</em>") if x)
        finds = ", ".join(
            f'<a href="#{doc.finding_ids[i]}">{_esc(doc.findings[i].status)} {_esc(_words(doc.findings[i].check))}</a>'
            for i in doc.findings_of.get(f.id, [])
        )
        text_cell = (
            _fact_link(doc, f.id)
            if f.id not in doc.skipped
            else f'<span class="k-{_esc(f.kind)}">{_esc(f.text)}</span>'
        )
        rows.append(
            f'<tr{row_id}><th scope="row">{_esc(f.id)}</th>'
            f'<td><span class="kind-tag k-{_esc(f.kind)}">{_esc(f.kind)}</span></td><td>{text_cell}</td>'
            f'<td class="num">{_esc(_fact_value(f))}</td><td>{_esc(_fact_unit(f))}</td><td>{about}</td>'
            f"<td>{links}</td><td>{_esc(doc.audit_state(f.id))}{': ' + finds if finds else ''}</td></tr>"
        )
    return (
        f'<details class="facts" id="{doc.prefix}-facts"><summary>All {len(doc.facts)} facts of this document'
        "</summary>"
        '<div class="table-wrap"><table class="facts-table">'
        f'<caption class="sr-only">Facts of {_esc(doc.record.source)}</caption><thead><tr>'
        + "".join(
            f'<th scope="col">{h}</th>' for h in ("Id", "Kind", "Text", "Value", "Unit", "Attributes", "Links", "Audit")
        )
        + f"</tr></thead><tbody>{''.join(rows)}</tbody></table></div></details>"
    )


def _coverage_bar(cov: Mapping[str, Any]) -> str:
    figures, checked = cov.get("figures") or 0, cov.get("checked") or 0
    untestable = cov.get("untestable") or 0
    if not figures:
        return ""
    a, b = 100 * checked / figures, 100 * untestable / figures
    return (
        '<span class="covbar" aria-hidden="true">'
        f'<span class="c-checked" style="width:{a:.1f}%"></span>'
        f'<span class="c-untestable" style="width:{b:.1f}%"></span></span>'
    )


def _doc_section(doc: _Doc) -> str:
    rec = doc.record
    p = doc.prefix
    meta = []
    for attr, name in (
        ("doc_id", "id"),
        ("title", "title"),
        ("agency", "agency"),
        ("published", "published"),
        ("reference_date", "reference date"),
        ("length", "characters"),
        ("encoding", "encoding"),
    ):
        value = getattr(rec, attr, None)
        if value not in (None, ""):
            shown = _num(value) if isinstance(value, int) else value
            if attr == "reference_date" and getattr(rec, "reference_date_source", None):
                shown = f"{value} (from {rec.reference_date_source})"
            meta.append(f"<div><dt>{_esc(name)}</dt><dd>{_esc(shown)}</dd></div>")
    meta_html = f'<dl class="meta">{"".join(meta)}</dl>' if meta else ""
    bad = doc.counts["inconsistent"]
    chip = (
        f'<span class="chip chip-bad"><span aria-hidden="true">✗</span> {bad} inconsistent</span>'
        if bad
        else '<span class="chip chip-ok"><span aria-hidden="true">✓</span> no inconsistency</span>'
    )
    if getattr(rec, "not_read", None):  # never an all-clear: nothing of it was read or checked
        chip = '<span class="chip chip-bad"><span aria-hidden="true">!</span> not read</span>'
        meta_html += f'<p class="not-read"><strong>Not read:</strong> {_esc(rec.not_read)}</p>'
    unchecked = [x for x in doc.coverage.get("unchecked") or [] if x in doc.by_id]
    unchecked_html = ""
    if unchecked:
        unchecked_html = (
            '<details class="unchecked"><summary>Figures not verified '
            f"({len(unchecked)})</summary><p>{' '.join(_fact_link(doc, x) for x in unchecked)}</p></details>"
        )
    if doc.text is None:
        text_block = '<p class="none">The document text is not available; its facts are listed below.</p>'
    else:
        text_block = f'<div class="doc-text" id="{p}-text" data-doc="{p}">{_text_html(doc)}</div>'
    return (
        f'<section class="doc" id="{p}" aria-labelledby="{p}-h">'
        f'<header class="doc-head"><h2 id="{p}-h"><span class="docno">{doc.n}</span> {_esc(rec.source)}</h2>{chip}'
        f"{meta_html}"
        f'<p class="coverage"><span class="lbl">Coverage</span> {_esc(doc.coverage.get("line", ""))} '
        f"{_coverage_bar(doc.coverage)}</p>{unchecked_html}"
        f'<nav class="doc-nav" aria-label="Within {_esc(rec.source)}"><a href="#{p}-findings-h">Findings</a> '
        f'<a href="#{p}-text-h">Text</a> <a href="#{p}-facts">Facts</a> <a href="#summary">Summary</a></nav>'
        "</header>"
        f'<div class="doc-body"><div class="col-text"><h3 id="{p}-text-h">Text</h3>{text_block}</div>'
        f'<div class="col-findings"><h3 id="{p}-findings-h">Findings '
        f'<span class="n">({bad} inconsistent, {doc.counts["consistent"]} consistent, '
        f"{doc.counts['untestable']} untestable)</span></h3>{_findings_html(doc)}</div></div>"
        f"{_facts_table(doc)}{_descriptions(doc)}</section>"
    )


def problems_first(docs: list[_Doc]) -> list[_Doc]:
    """Documents with inconsistent findings first (most first), then those no pipeline read, then the rest, each
    group in input order."""
    return sorted(
        docs,
        key=lambda d: (d.counts["inconsistent"] == 0, not _not_read(d), -d.counts["inconsistent"], d.n),
    )


def _not_read(doc: _Doc) -> bool:
    return bool(getattr(doc.record, "not_read", None))


def _status(doc: _Doc) -> str:
    if doc.counts["inconsistent"]:
        return "inconsistent"
    return "not-read" if _not_read(doc) else "ok"


def _year(rec) -> str:
    for attr in ("published", "reference_date"):
        value = getattr(rec, attr, None) or ""
        if re.match(r"\d{4}", value):
            return value[:4]
    return ""


def _bad_checks(doc: _Doc) -> list[str]:
    return sorted({f.check for f in doc.findings if f.status == "inconsistent"})


def _filters(docs: list[_Doc], errors: list) -> str:
    checks = sorted({c for d in docs for c in _bad_checks(d)})
    years = sorted({y for d in docs if (y := _year(d.record))}, reverse=True)
    agencies = sorted({a for d in docs if (a := getattr(d.record, "agency", None))}, key=str.lower)

    def select(name: str, label: str, options: list[tuple[str, str]]) -> str:
        opts = "".join(f'<option value="{_esc(v)}">{_esc(t)}</option>' for v, t in options)
        return (
            f'<label>{label} <select data-filter="{name}" aria-controls="summary-table">'
            f'<option value="">all</option>{opts}</select></label>'
        )

    status = [("inconsistent", "with inconsistencies"), ("ok", "without inconsistencies")]
    if any(_not_read(d) for d in docs):
        status.append(("not-read", "in a language not read"))
    if errors:
        status.append(("error", "could not be read"))
    return (
        '<form class="filters" role="search" aria-label="Filter the documents" onsubmit="return false">'
        + select("status", "Status", status)
        + select("check", "Inconsistent check", [(c, _words(c)) for c in checks])
        + select("year", "Year", [(y, y) for y in years])
        + select("agency", "Agency", [(a, a) for a in agencies])
        + '<label>Document <input type="search" data-filter="text" aria-controls="summary-table" '
        'placeholder="name contains"></label>'
        '<output class="shown" aria-live="polite"></output></form>'
    )


def _summary(docs: list[_Doc], errors: list[tuple[int, Any]], page_of: Mapping[str, str] | None = None) -> str:
    rows: list[str] = []
    page_of = page_of or {}
    for doc in problems_first(docs):
        c = doc.counts
        bad = f'<strong class="bad">{c["inconsistent"]}</strong>' if c["inconsistent"] else "0"
        checks = _bad_checks(doc)
        year = _year(doc.record)
        cov = doc.coverage
        share = (cov.get("checked") or 0) / cov["figures"] if cov.get("figures") else 0
        agency = getattr(doc.record, "agency", None) or ""
        if _not_read(doc):
            line = (
                '<span class="badge b-error"><span aria-hidden="true">!</span> Not read</span> '
                f"{_esc(doc.record.not_read)}"
            )
        else:
            line = f"{_esc(cov.get('line', ''))} {_coverage_bar(cov)}"
        rows.append(
            f'<tr data-status="{_status(doc)}" data-check="{_esc(" ".join(checks))}"'
            f' data-year="{year}" data-doc="{doc.prefix}" data-agency="{_esc(agency.lower())}">'
            f'<th scope="row"><a href="{_esc(page_of.get(doc.prefix, ""))}#{doc.prefix}">{_esc(doc.record.source)}</a>'
            "</th>"
            f'<td class="num">{len(doc.facts)}</td><td class="num">{bad}</td>'
            f'<td class="num">{c["consistent"]}</td><td class="num">{c["untestable"]}</td>'
            f"<td>{_esc(', '.join(_words(x) for x in checks))}</td><td>{year}</td><td>{_esc(agency)}</td>"
            f'<td data-v="{share:.4f}">{line}</td></tr>'
        )
    for _n, rec in errors:
        rows.insert(
            sum(1 for d in docs if d.counts["inconsistent"]),
            f'<tr class="error-row" data-status="error" data-check="" data-year="" data-agency="">'
            f'<th scope="row">{_esc(rec.source)}</th>'
            f'<td colspan="8"><span class="badge b-error"><span aria-hidden="true">!</span> Could not be read</span> '
            f"{_esc(rec.reason)}</td></tr>",
        )
    tot = {s: sum(d.counts[s] for d in docs) for s in STATUSES}
    figures = sum(d.coverage.get("figures") or 0 for d in docs)
    checked = sum(d.coverage.get("checked") or 0 for d in docs)
    foot = (
        f'<tfoot><tr><th scope="row">All {len(docs)} documents</th><td class="num">{sum(len(d.facts) for d in docs)}'
        f'</td><td class="num">{tot["inconsistent"]}</td><td class="num">{tot["consistent"]}</td>'
        f'<td class="num">{tot["untestable"]}</td><td></td><td></td><td></td>'
        f"<td>{checked} of {figures} figures checked</td>"
        "</tr></tfoot>"
    )
    columns = (
        ("Document", "text"),
        ("Facts", "num"),
        ("Inconsistent", "num"),
        ("Consistent", "num"),
        ("Untestable", "num"),
        ("Inconsistent checks", "text"),
        ("Year", "text"),
        ("Agency", "text"),
        ("Coverage", "num"),
    )
    head = "".join(
        f'<th scope="col" aria-sort="none"{" class=num" if typ == "num" and h != "Coverage" else ""}>'
        f'<button type="button" data-sort="{typ}">{h}</button></th>'
        for h, typ in columns
    )
    return (
        '<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>'
        + _filters(docs, errors)
        + '<div class="table-wrap"><table class="summary" id="summary-table"><caption>Findings and coverage of each '
        "document, those with inconsistent findings (the figures that do not add up) first; select a column "
        "heading to sort by it.</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody>{foot}</table></div></section>"
    )


def _legend() -> str:
    items = "".join(
        f'<li><span class="fact k-{k} sample">{k}</span> <span class="how">{KIND_STYLES[k]}</span></li>' for k in KINDS
    )
    return (
        '<section id="legend" aria-labelledby="legend-h"><h2 id="legend-h">Legend</h2>'
        f'<ul class="legend">{items}</ul><p class="hint">Hover over or tab to a highlighted figure to see its value, '
        "unit and links; select a finding to outline its figures in the text.</p></section>"
    )


def _stats(docs: list[_Doc], errors: list) -> str:
    bad = sum(d.counts["inconsistent"] for d in docs)
    figures = sum(d.coverage.get("figures") or 0 for d in docs)
    checked = sum(d.coverage.get("checked") or 0 for d in docs)
    tiles = [
        (
            "Documents",
            f"{len(docs)}"
            + (f" <small>({not_read} not read)</small>" if (not_read := sum(map(_not_read, docs))) else "")
            + (f" <small>+ {len(errors)} unreadable</small>" if errors else ""),
        ),
        ("Facts extracted", f"{sum(len(d.facts) for d in docs):,}"),
        ("Inconsistent findings", f'<span class="{"bad" if bad else "ok"}">{bad}</span>'),
        ("Figures checked", f"{checked} <small>of {figures}</small>"),
    ]
    return '<dl class="stats">' + "".join(f"<div><dt>{t}</dt><dd>{v}</dd></div>" for t, v in tiles) + "</dl>"


KIND_CSS_MARK = "/* KINDS:"


def _css() -> str:
    """report.css with each kind's highlight from the kind registry where it marks them: `.k-KIND` sets the
    colours, `.fact.k-KIND` the decoration (before `.fact:hover` and `.fact.linked`, which override them)."""
    css = _asset("report.css")
    kinds = "".join(
        f".k-{k.name} {{ --k: {k.colour}; --kb: {k.background}; }}\n.fact.k-{k.name} {{ {k.decoration} }}\n"
        for k in KIND_REGISTRY.values()
    )
    at = css.index(KIND_CSS_MARK)
    return css[:at] + kinds + css[at:]


def _page(title: str, header: str, body: str, script: bool = True) -> str:
    js = f"<script>{_asset('report.js')}</script>" if script else ""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="extractor"><title>{_esc(title)}</title>'
        f"<style>{_css()}</style></head><body>"
        '<a class="skip" href="#main">Skip to main content</a>'
        f'<header class="page-head">{header}</header><main id="main" tabindex="-1">{body}</main>'
        '<div id="fact-pop" role="tooltip" hidden></div>'
        f"{js}</body></html>\n"
    )


def _split(audited: Sequence[tuple[Any, str | None]]) -> tuple[list[_Doc], list[tuple[int, Any]]]:
    """The documents to show (numbered in input order) and the ErrorRecords, which become rows."""
    docs: list[_Doc] = []
    errors: list[tuple[int, Any]] = []
    for n, (record, text) in enumerate(audited, start=1):
        if hasattr(record, "facts"):
            docs.append(_Doc(n, record, text))
        else:
            errors.append((n, record))
    return docs, errors


def render_html(audited: Sequence[tuple[Any, str | None]]) -> str:
    """The audit report of (record, text) pairs as one self-contained HTML page; ErrorRecords become rows."""
    docs, errors = _split(audited)
    header = (
        '<h1>Figures audit</h1><p class="sub">Counts, percentages, multipliers, money, dates and operations '
        "found in each release, and whether the figures add up.</p>" + _stats(docs, errors)
    )
    body = _summary(docs, errors) + _legend() + "".join(_doc_section(d) for d in problems_first(docs))
    if not docs and not errors:
        body += '<p class="none">No documents.</p>'
    return _page("Figures audit", header, body)


def render_html_pages(audited: Sequence[tuple[Any, str | None]], page_size: int, name: str) -> list[tuple[str, str]]:
    """The audit report split into pages of `page_size` documents, problems first: [(file name, html)], the first
    named `name` (e.g. 'report.html') with the summary of every document, the others 'report-2.html' ... A page of
    1,000 releases takes 20 s to open; pages of 50 open in about a second."""
    docs, errors = _split(audited)
    ordered = problems_first(docs)
    groups = [ordered[i : i + page_size] for i in range(0, len(ordered), page_size)] or [[]]
    stem, dot, ext = name.rpartition(".")
    stem, ext = (stem, dot + ext) if dot else (name, "")
    names = [name] + [f"{stem}-{k}{ext}" for k in range(2, len(groups) + 1)]
    page_of = {d.prefix: (names[k] if k else "") for k, group in enumerate(groups) for d in group}
    total = len(ordered)

    def nav(k: int) -> str:
        links = [f'<a href="{_esc(names[0])}#summary">Summary</a>']
        if k > 0:
            links.append(f'<a href="{_esc(names[k - 1])}" rel="prev">Previous page</a>')
        if k + 1 < len(groups):
            links.append(f'<a href="{_esc(names[k + 1])}" rel="next">Next page</a>')
        first = k * page_size + 1
        return (
            f'<nav class="pages" aria-label="Pages of the report"><span>Documents {first}–'
            f"{first + len(groups[k]) - 1} of {total} (page {k + 1} of {len(groups)})</span> {' '.join(links)}</nav>"
        )

    pages = []
    for k, group in enumerate(groups):
        sections = "".join(_doc_section(d) for d in group)
        if k:
            sections = sections.replace('href="#summary"', f'href="{_esc(names[0])}#summary"')
        header = (
            '<h1>Figures audit</h1><p class="sub">Counts, percentages, multipliers, money, dates and operations '
            "found in each release, and whether the figures add up.</p>" + _stats(docs, errors)
        )
        if k == 0:
            body = _summary(docs, errors, page_of) + (nav(0) if len(groups) > 1 else "") + _legend() + sections
            if not docs and not errors:
                body += '<p class="none">No documents.</p>'
        else:
            body = nav(k) + _legend() + sections + nav(k)
        title = "Figures audit" + (f" (page {k + 1} of {len(groups)})" if k else "")
        pages.append((names[k], _page(title, header, body)))
    return pages


def _marked_sentence(text: str | None, start: int, end: int, surface: str) -> str:
    if not text or end > len(text) or text[start:end] != surface:
        return f"<mark>{_esc(surface)}</mark>"
    sentence = sentence_at(text, start, end)
    at = sentence.find(" ".join(surface.split()))
    if at < 0:
        return _esc(sentence)
    n = len(" ".join(surface.split()))
    return f"{_esc(sentence[:at])}<mark>{_esc(sentence[at : at + n])}</mark>{_esc(sentence[at + n :])}"


def render_cross_release_html(findings: Sequence, text_of_key, counts: Mapping[str, int], store_name: str) -> str:
    """`audit --store --format html`: the findings between releases as one self-contained page, inconsistent
    first, each with the sentence of every release it compares (the figure marked) and its arithmetic.
    `text_of_key(key)` gives a document's text."""
    order = {s: i for i, s in enumerate(STATUSES)}
    findings = sorted(findings, key=lambda f: order.get(f.status, len(order)))
    texts: dict[str, str | None] = {}
    items = []
    for n, fnd in enumerate(findings, start=1):
        releases = []
        for doc in (fnd.details or {}).get("documents", []):
            if doc["key"] not in texts:
                texts[doc["key"]] = text_of_key(doc["key"])
            sentence = _marked_sentence(texts[doc["key"]], doc["start"], doc["end"], doc["text"])
            releases.append(
                f"<li><strong>{_esc(doc['source'])}</strong> <span class=\"n\">({_esc(doc['doc_id'])}:"
                f"{_esc(doc['fact'])}, period {_esc(doc.get('period'))})</span><blockquote>{sentence}</blockquote></li>"
            )
        arithmetic = (fnd.details or {}).get("arithmetic")
        items.append(
            f'<li class="finding s-{fnd.status}" id="x{n}"><p><span class="badge b-{fnd.status}">'
            f'<span aria-hidden="true">{STATUS_ICONS[fnd.status]}</span> {STATUS_LABELS[fnd.status]}</span> '
            f"<strong>{_esc(_words(fnd.check))}</strong> [{_esc(fnd.severity)}] {_esc(fnd.message)}</p>"
            f"<ul>{''.join(releases)}</ul>"
            + (f'<p class="arith"><span class="lbl">Arithmetic</span> {_esc(arithmetic)}</p>' if arithmetic else "")
            + "</li>"
        )
    tally = {s: sum(1 for f in findings if f.status == s) for s in STATUSES}
    tiles = [
        ("Documents", f"{counts.get('documents', 0):,}"),
        ("Inconsistent", f'<span class="{"bad" if tally["inconsistent"] else "ok"}">{tally["inconsistent"]}</span>'),
        ("Consistent", f"{tally['consistent']}"),
        ("Untestable", f"{tally['untestable']}"),
    ]
    header = (
        "<h1>Figures across releases</h1>"
        f'<p class="sub">{_esc(store_name)}: the same figure for the same period in different releases, and '
        "year-on-year changes against the previous period's figure (checks cross_release_value, "
        "cross_release_change).</p>"
        '<dl class="stats">' + "".join(f"<div><dt>{t}</dt><dd>{v}</dd></div>" for t, v in tiles) + "</dl>"
    )
    body = (
        f'<section aria-labelledby="x-h"><h2 id="x-h">Findings ({len(findings)})</h2>'
        + (f'<ol class="findings">{"".join(items)}</ol>' if items else '<p class="none">No findings.</p>')
        + "</section>"
    )
    return _page("Figures across releases", header, body, script=False)


# ---------------------------------------------------------------- SVG charts (for the archive report)

PALETTE = ("#1d4ed8", "#b91c1c", "#047857", "#7e22ce", "#b45309", "#0e7490", "#be185d", "#374151")
DASHES = ("", "6 3", "2 3", "8 3 2 3", "1 4", "10 4")
MARKERS = ("circle", "square", "triangle", "diamond")
STATUS_COLOURS = {"inconsistent": "#b91c1c", "doubtful": "#b45309", "consistent": "#047857", "untestable": "#64748b"}


def _chart_id(title: str, chart_id: str | None) -> str:
    return _slug(chart_id) if chart_id else "chart-" + hashlib.sha1(title.encode("utf-8")).hexdigest()[:8]


def nice_ceiling(value: float) -> float:
    """The smallest 1, 2, 2.5, 5 or 10 times a power of ten that is at least `value` (1 for zero or less)."""
    if not value or value <= 0 or not math.isfinite(value):
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power * (1 + 1e-12):
            return step * power
    return 10 * power


def _svg_open(cid: str, width: int, height: int, title: str, desc: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{cid}" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'aria-labelledby="{cid}-title {cid}-desc" font-family="system-ui, sans-serif" font-size="12">'
        f'<title id="{cid}-title">{_esc(title)}</title><desc id="{cid}-desc">{_esc(desc)}</desc>'
    )


def _axis(x0: float, y0: float, x1: float, top: float, ymax: float, lo: float = 0.0) -> str:
    out = []
    ticks = 4 if float((ymax - lo) / 4).is_integer() else 5  # 0, 2, 4 ... rather than 0, 2.5, 5 ...
    for i in range(ticks + 1):
        v = lo + (ymax - lo) * i / ticks
        y = y0 - (y0 - top) * i / ticks
        out.append(
            f'<line x1="{x0}" x2="{x1}" y1="{y:.1f}" y2="{y:.1f}" stroke="#d1d5db" stroke-width="1"/>'
            f'<text x="{x0 - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#374151">{_esc(_num(round(v, 6)))}</text>'
        )
    out.append(f'<line x1="{x0}" x2="{x1}" y1="{y0}" y2="{y0}" stroke="#374151" stroke-width="1"/>')
    return '<g class="axis" aria-hidden="true">' + "".join(out) + "</g>"


def _pairs(data: Mapping[Any, Any] | Iterable[tuple[Any, Any]]) -> list[tuple[str, float]]:
    items = data.items() if isinstance(data, Mapping) else data
    out = []
    for label, value in items:
        try:
            v = float(value)
        except (TypeError, ValueError):
            continue
        if math.isfinite(v):
            out.append((str(label), v))
    return out


def bar_chart(
    data: Mapping[Any, Any] | Iterable[tuple[Any, Any]],
    title: str,
    desc: str | None = None,
    *,
    chart_id: str | None = None,
    width: int = 560,
    height: int = 260,
    colour: str = PALETTE[0],
) -> str:
    """A vertical bar chart of (label, value) pairs as an SVG string with title, desc and a <title> per bar."""
    return stacked_bar_chart(
        [label for label, _ in _pairs(data)],
        {"": [v for _, v in _pairs(data)]},
        title,
        desc,
        chart_id=chart_id,
        width=width,
        height=height,
        colours={"": colour},
    )


def stacked_bar_chart(
    categories: Sequence[Any],
    series: Mapping[str, Sequence[float]],
    title: str,
    desc: str | None = None,
    *,
    chart_id: str | None = None,
    width: int = 560,
    height: int = 260,
    colours: Mapping[str, str] | None = None,
) -> str:
    """Bars per category, stacked by series (e.g. findings by status per year); negative values count as 0."""
    cid = _chart_id(title, chart_id)
    cats = [str(c) for c in categories]
    names = list(series)
    colours = dict(colours or {})
    for i, name in enumerate(names):
        colours.setdefault(name, STATUS_COLOURS.get(name, PALETTE[i % len(PALETTE)]))

    def val(name: str, j: int) -> float:
        values = series[name]
        try:
            v = float(values[j]) if j < len(values) else 0.0
        except (TypeError, ValueError):
            return 0.0
        return v if math.isfinite(v) and v > 0 else 0.0

    totals = [sum(val(n, j) for n in names) for j in range(len(cats))]
    if desc is None:
        desc = (
            "; ".join(
                f"{c}: " + ", ".join(f"{_num(val(n, j))}{' ' + n if n else ''}" for n in names)
                for j, c in enumerate(cats)
            )
            or "No data."
        )
    legend_h = 22 if any(names) else 0
    left, right, top, bottom = 56, 12, 12 + legend_h, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    ymax = nice_ceiling(max(totals, default=0))
    out = [_svg_open(cid, width, height, title, desc)]
    if legend_h:
        x = left
        for name in names:
            out.append(
                f'<rect x="{x}" y="6" width="12" height="12" fill="{colours[name]}"/>'
                f'<text x="{x + 16}" y="16" fill="#111827">{_esc(name)}</text>'
            )
            x += 28 + 7 * len(name)
    out.append(_axis(left, top + plot_h, left + plot_w, top, ymax))
    if not cats:
        out.append(f'<text x="{width / 2}" y="{top + plot_h / 2}" text-anchor="middle" fill="#374151">No data</text>')
    slot = plot_w / max(1, len(cats))
    bar_w = max(2.0, min(48.0, slot * 0.7))
    for j, cat in enumerate(cats):
        x = left + slot * j + (slot - bar_w) / 2
        y = top + plot_h
        group = [f'<g class="bar"><title>{_esc(cat)}: {_esc(_num(totals[j]))}</title>']
        for name in names:
            v = val(name, j)
            h = plot_h * v / ymax
            y -= h
            if h > 0:
                group.append(
                    f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" fill="{colours[name]}" '
                    f'data-series="{_esc(name)}" data-value="{_esc(_num(v))}"/>'
                )
        group.append("</g>")
        out.append("".join(group))
        if len(cats) <= 16 or j % math.ceil(len(cats) / 16) == 0:
            out.append(
                f'<text x="{x + bar_w / 2:.1f}" y="{top + plot_h + 16}" text-anchor="middle" fill="#374151" '
                f'aria-hidden="true">{_esc(_shorten(cat, 14))}</text>'
            )
    out.append("</svg>")
    return "".join(out)


def _marker(kind: str, x: float, y: float, colour: str) -> str:
    if kind == "square":
        return f'<rect x="{x - 3.5:.1f}" y="{y - 3.5:.1f}" width="7" height="7" fill="{colour}"/>'
    if kind == "triangle":
        d = f"M{x:.1f} {y - 4.5:.1f} L{x + 4.5:.1f} {y + 3.5:.1f} L{x - 4.5:.1f} {y + 3.5:.1f} Z"
        return f'<path d="{d}" fill="{colour}"/>'
    if kind == "diamond":
        d = f"M{x:.1f} {y - 5:.1f} L{x + 5:.1f} {y:.1f} L{x:.1f} {y + 5:.1f} L{x - 5:.1f} {y:.1f} Z"
        return f'<path d="{d}" fill="{colour}"/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}"/>'


_PERIOD_RE = re.compile(r"^(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|H([12])|Q([1-4])))?$")


def period_position(label: str) -> float | None:
    """Where a period lies on a time axis, in years: the middle of '2019' is 2019.5, of '2019-H1' 2019.25, of
    '2019-Q4' 2019.875, of '2019-03' 2019.21; None for a label that is not a period."""
    m = _PERIOD_RE.match(str(label))
    if not m:
        return None
    year, month, day, half, quarter = m.groups()
    y = int(year)
    if day:
        return y + min(1.0, ((int(month) - 1) * 30.44 + int(day) - 0.5) / 365.25)
    if month:
        return y + (int(month) - 0.5) / 12 if 1 <= int(month) <= 12 else None
    if half:
        return y + (int(half) - 0.5) / 2
    if quarter:
        return y + (int(quarter) - 0.5) / 4
    return y + 0.5


def line_chart(
    series: Mapping[str, Mapping[Any, Any] | Iterable[tuple[Any, Any]]],
    title: str,
    desc: str | None = None,
    *,
    chart_id: str | None = None,
    width: int = 560,
    height: int = 260,
) -> str:
    """Lines over shared x labels (sorted), one per series, each with its own colour, dash pattern and marker."""
    cid = _chart_id(title, chart_id)
    data = {str(name): dict(_pairs(points)) for name, points in series.items()}
    xs = sorted({x for points in data.values() for x in points})
    values = [v for points in data.values() for v in points.values()]
    if desc is None:
        desc = (
            "; ".join(
                f"{name}: " + ", ".join(f"{x} {_num(v)}" for x, v in sorted(points.items()))
                for name, points in data.items()
            )
            or "No data."
        )
    names = list(data)
    legend_h = 22 if names else 0
    left, right, top, bottom = 76, 16, 12 + legend_h, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    lo = min([0.0, *values])
    ymax = nice_ceiling(max(values, default=0) - lo) + lo if values else 1.0
    span = (ymax - lo) or 1.0
    out = [_svg_open(cid, width, height, title, desc)]
    x = left
    for i, name in enumerate(names):
        colour, dash = PALETTE[i % len(PALETTE)], DASHES[i % len(DASHES)]
        out.append(
            f'<line x1="{x}" x2="{x + 22}" y1="12" y2="12" stroke="{colour}" stroke-width="2"'
            + (f' stroke-dasharray="{dash}"' if dash else "")
            + f"/>{_marker(MARKERS[i % len(MARKERS)], x + 11, 12, colour)}"
            f'<text x="{x + 28}" y="16" fill="#111827">{_esc(name)}</text>'
        )
        x += 40 + 7 * len(name)
    out.append(_axis(left, top + plot_h, left + plot_w, top, ymax, lo))
    if not xs:
        out.append(f'<text x="{width / 2}" y="{top + plot_h / 2}" text-anchor="middle" fill="#374151">No data</text>')

    positions = {x: period_position(x) for x in xs}
    timed = bool(xs) and all(v is not None for v in positions.values())
    if timed:  # periods: placed by date, so a missing year leaves its gap
        first_year = math.floor(min(positions.values()))
        last_year = math.floor(max(positions.values()))
        t0, t1 = first_year, last_year + 1

    def px(x_label: str) -> float:
        if timed:
            return left + plot_w * (positions[x_label] - t0) / (t1 - t0)
        return left + (plot_w * (xs.index(x_label) + 0.5) / len(xs))

    def py(v: float) -> float:
        return top + plot_h - plot_h * (v - lo) / span

    if timed:
        years = list(range(first_year, last_year + 1))
        step = max(1, math.ceil(len(years) / 12))
        for year in years[::step]:
            x_mid = left + plot_w * (year + 0.5 - t0) / (t1 - t0)
            out.append(
                f'<text x="{x_mid:.1f}" y="{top + plot_h + 16}" text-anchor="middle" fill="#374151" '
                f'aria-hidden="true" class="year">{year}</text>'
            )
    else:
        step = max(1, math.ceil(len(xs) / 12))
        for j, xl in enumerate(xs):
            if j % step == 0:
                out.append(
                    f'<text x="{px(xl):.1f}" y="{top + plot_h + 16}" text-anchor="middle" fill="#374151" '
                    f'aria-hidden="true">{_esc(_shorten(xl, 12))}</text>'
                )
    for i, (name, points) in enumerate(data.items()):
        colour, dash = PALETTE[i % len(PALETTE)], DASHES[i % len(DASHES)]
        pts = [(px(xl), py(points[xl]), xl, points[xl]) for xl in xs if xl in points]
        group = [f'<g class="series" data-series="{_esc(name)}">']
        if len(pts) > 1:
            d = " ".join(f"{'M' if k == 0 else 'L'}{a:.1f} {b:.1f}" for k, (a, b, _, _) in enumerate(pts))
            group.append(
                f'<path d="{d}" fill="none" stroke="{colour}" stroke-width="2"'
                + (f' stroke-dasharray="{dash}"' if dash else "")
                + "/>"
            )
        for a, b, xl, v in pts:
            group.append(
                f'<g class="point"><title>{_esc(name)}, {_esc(xl)}: {_esc(_num(v))}</title>'
                f"{_marker(MARKERS[i % len(MARKERS)], a, b, colour)}</g>"
            )
        group.append("</g>")
        out.append("".join(group))
    out.append("</svg>")
    return "".join(out)


def _data_table(caption: str, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    head = "".join(f'<th scope="col">{_esc(h)}</th>' for h in header)
    body = "".join(
        "<tr>"
        + f'<th scope="row">{_esc(r[0])}</th>'
        + "".join(f'<td class="num">{_esc(_num(v))}</td>' for v in r[1:])
        + "</tr>"
        for r in rows
    )
    return (
        f'<details class="data"><summary>Data: {_esc(caption)}</summary><div class="table-wrap"><table>'
        f'<caption class="sr-only">{_esc(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody>'
        "</table></div></details>"
    )


def _doc_anchor(doc_id: Any) -> str:
    return f"d-{_slug(str(doc_id))}"


def _release_link(rel: Mapping[str, Any]) -> str:
    name = _esc(rel.get("name") or rel.get("source", ""))
    inner = f'<a href="#{_doc_anchor(rel.get("doc_id"))}" title="{_esc(rel.get("source", ""))}">{name}</a>'
    url = rel.get("url")
    if url and re.match(r"https?://", str(url)):
        inner += f' <a class="ext" href="{_esc(url)}" rel="noopener noreferrer">(release)</a>'
    return inner


def _problems_section(problems: Sequence[Mapping[str, Any]]) -> str:
    items = []
    for n, p in enumerate(problems, start=1):
        rels = []
        for rel in p.get("releases", []):
            quotes = "".join(
                f"<blockquote>{_sentence_html(sentence, [surface])}</blockquote>"
                for sentence, surface in rel.get("sentences", [])
            )
            period = f' <span class="n">(period {_esc(rel["period"])})</span>' if rel.get("period") else ""
            rels.append(f"<li>{_release_link(rel)}{period}{quotes}</li>")
        arith = p.get("arithmetic")
        items.append(
            f'<li class="finding s-inconsistent" id="p{n}"><p><strong>{_esc(_words(p["check"]))}</strong> '
            f"[{_esc(p['severity'])}] {_esc(p['message'])}</p><ul>{''.join(rels)}</ul>"
            + (f'<p class="arith"><span class="lbl">Arithmetic</span> {_esc(arith)}</p>' if arith else "")
            + "</li>"
        )
    body = f'<ol class="findings">{"".join(items)}</ol>' if items else '<p class="none">No inconsistent finding.</p>'
    return (
        f'<section id="problems" aria-labelledby="problems-h"><h2 id="problems-h">Inconsistent findings '
        f"({len(problems)})</h2>{body}</section>"
    )


def render_archive_html(
    documents: Sequence[Mapping[str, Any]],
    metric_series: Mapping[str, Mapping[Any, Any] | Iterable[tuple[Any, Any]]],
    findings_by_check_year: Mapping[str, Mapping[Any, Mapping[str, int]]],
    problems: Sequence[Mapping[str, Any]] | None = None,
) -> str:
    """The archive report of a store, as one self-contained page with inline SVG charts.

    `documents`: dicts with source, and optionally url, doc_id, published, facts, inconsistent, consistent,
    untestable, coverage (the coverage line); `metric_series`: metric name -> (period, value) pairs or
    {period: value}; `findings_by_check_year`: check -> year -> status -> number of findings; `problems`: the
    inconsistent findings to list first (see archive_report.inconsistent_findings).
    """
    charts = [] if problems is None else [_problems_section(problems)]
    if metric_series:
        charts.append(
            '<section aria-labelledby="metrics-h"><h2 id="metrics-h">Reported figures over time</h2>'
            + line_chart(metric_series, "Reported figures by period", chart_id="metrics")
            + _data_table(
                "reported figures by period",
                ["Metric", "Period", "Value"],
                [(name, x, v) for name, points in metric_series.items() for x, v in sorted(_pairs(points))],
            )
            + "</section>"
        )
    if findings_by_check_year:
        parts = ['<section aria-labelledby="checks-h"><h2 id="checks-h">Findings by check and year</h2>']
        for n, (check, by_year) in enumerate(sorted(findings_by_check_year.items()), start=1):
            years = sorted(by_year, key=str)
            series = {s: [int((by_year[y] or {}).get(s, 0) or 0) for y in years] for s in STATUSES}
            title = f"{_words(check)}: findings by year"
            parts.append(
                f"<h3>{_esc(_words(check))}</h3>"
                + stacked_bar_chart(years, series, title, chart_id=f"check{n}")
                + _data_table(
                    title, ["Year", *STATUSES], [[y, *(series[s][i] for s in STATUSES)] for i, y in enumerate(years)]
                )
            )
        parts.append("</section>")
        charts.append("".join(parts))
    rows = []
    for d in documents:
        name = _esc(d.get("name") or d.get("source", ""))
        if d.get("url") and re.match(r"https?://", str(d["url"])):
            name = f'<a href="{_esc(d["url"])}" rel="noopener noreferrer">{name}</a>'
        anchor = f' id="{_doc_anchor(d["doc_id"])}"' if d.get("doc_id") else ""
        rows.append(
            f"<tr{anchor}>"
            f'<th scope="row" title="{_esc(d.get("source", ""))}">{name}</th><td>{_esc(d.get("published") or "")}</td>'
            + "".join(f'<td class="num">{_esc(_num(d.get(k, "")))}</td>' for k in ("facts", *STATUSES))
            + f"<td>{_esc(d.get('coverage') or '')}</td></tr>"
        )
    table = (
        '<section id="summary" aria-labelledby="docs-h"><h2 id="docs-h">Documents</h2><div class="table-wrap">'
        '<table class="summary"><caption>Every document in the store.</caption><thead><tr>'
        + "".join(
            f'<th scope="col">{h}</th>'
            for h in ("Document", "Published", "Facts", "Inconsistent", "Consistent", "Untestable", "Coverage")
        )
        + f"</tr></thead><tbody>{''.join(rows)}</tbody></table></div></section>"
    )
    header = (
        "<h1>Figures archive</h1>"
        f'<p class="sub">{len(documents)} documents: figures over time and what the audit found.</p>'
    )
    return _page("Figures archive", header, "".join(charts) + table, script=False)


__all__ = [
    "bar_chart",
    "compact",
    "fact_links",
    "line_chart",
    "nice_ceiling",
    "render_archive_html",
    "render_html",
    "stacked_bar_chart",
]
