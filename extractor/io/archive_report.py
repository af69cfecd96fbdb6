"""The archive report of a store: documents, a chosen metric across releases and periods, findings by check and year."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

YEAR = re.compile(r"^(19|20)\d\d")


def document_period(record: dict[str, Any]) -> str:
    """The year a release reports on: its publication or reference date, else its first dated year, else '?'."""
    for key in ("published", "reference_date"):
        value = record.get(key) or ""
        if YEAR.match(value):
            return value[:4]
    for fact in record.get("facts", []):
        if fact.get("kind") == "date" and YEAR.match(str(fact.get("value", ""))):
            return str(fact["value"])[:4]
    return "?"


def metric_key(fact: dict[str, Any]) -> str | None:
    """'unit: action' for a count ('person: prosecuted'), the name charts and --metric use; None without a unit."""
    if fact.get("kind") != "count" or not fact.get("unit"):
        return None
    action = fact.get("action")
    return f"{fact['unit']}: {action}" if action else fact["unit"]


def short_name(source: str, doc_id: str | None = None) -> str:
    """A document's name in the archive page: its file's name, with the row's id for a JSON Lines row
    ('/data/2023/releases.jsonl#rel-7' -> 'releases.jsonl#rel-7'; the id may hold '/' or '#' itself)."""
    if doc_id and source.endswith(f"#{doc_id}"):
        return f"{Path(source[: -len(doc_id) - 1]).name}#{doc_id}"
    return Path(source).name or source


def choose_metrics(records: list[dict[str, Any]], wanted: list[str] | None, top: int = 3) -> list[str]:
    """The metrics to chart: those asked for, else the `top` most frequent across releases (one vote each)."""
    if wanted:
        return wanted
    votes: Counter[str] = Counter()
    for rec in records:
        votes.update({k for f in rec.get("facts", []) if (k := metric_key(f))})
    return [k for k, n in votes.most_common() if n >= 2][:top] or [k for k, _ in votes.most_common(1)]


def build_inputs(records: list[dict[str, Any]], metrics: list[str]):
    """(documents, metric_series, findings_by_check_year) for extractor.io.report_html.render_archive_html."""
    documents, series = [], defaultdict(dict)
    by_check: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    for rec in records:
        if "error" in rec:
            documents.append({"source": rec["source"], "name": short_name(rec["source"]), "error": rec.get("reason")})
            continue
        period = document_period(rec)
        statuses = Counter(f["status"] for f in rec.get("findings", []))
        documents.append(
            {
                "source": rec["source"],
                "name": short_name(rec["source"], rec.get("doc_id")),
                "url": rec.get("url"),
                "doc_id": rec.get("doc_id"),
                "published": rec.get("published") or rec.get("reference_date"),
                "facts": len(rec.get("facts", [])),
                "inconsistent": statuses.get("inconsistent", 0),
                "consistent": statuses.get("consistent", 0),
                "untestable": statuses.get("untestable", 0),
                "coverage": (
                    f"not read: {rec['not_read']}" if rec.get("not_read") else (rec.get("coverage") or {}).get("line")
                ),
            }
        )
        for metric in metrics:
            # the release's first figure of the metric is its headline figure
            first = next((f for f in rec.get("facts", []) if metric_key(f) == metric), None)
            if first is not None and period != "?":
                series[metric].setdefault(period, first["value"])
        for finding in rec.get("findings", []):
            by_check[finding["check"]][period][finding["status"]] += 1
    return documents, {k: v for k, v in series.items() if v}, {k: dict(v) for k, v in by_check.items()}


def _text_by_doc_id(store, doc_id: str) -> str | None:
    row = store.db.execute("SELECT text FROM documents WHERE doc_id = ? LIMIT 1", (doc_id,)).fetchone()
    return row[0] if row else None


def inconsistent_findings(store, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every inconsistent finding of the store, in documents and between them: its check, severity, message,
    arithmetic and, for each release it names, the release (source, doc_id, url) and the sentence of its figure."""
    from extractor.io.report_text import sentence_at

    out = []
    for rec in records:
        bad = [f for f in rec.get("findings") or [] if f.get("status") == "inconsistent"]
        if "error" in rec or not bad:
            continue
        text = _text_by_doc_id(store, rec["doc_id"])
        facts = {f["id"]: f for f in rec.get("facts", [])}
        for fnd in bad:
            spans = sorted((facts[i]["start"], facts[i]["end"], facts[i]["text"]) for i in fnd["facts"] if i in facts)
            sentences = []
            for start, end, surface in spans:
                sentence = sentence_at(text, start, end) if text else surface
                if sentence not in [s for s, _ in sentences]:
                    sentences.append((sentence, surface))
            out.append(
                {
                    "scope": "document",
                    "check": fnd["check"],
                    "severity": fnd["severity"],
                    "message": fnd["message"],
                    "arithmetic": (fnd.get("details") or {}).get("arithmetic"),
                    "releases": [
                        {
                            "source": rec["source"],
                            "name": short_name(rec["source"], rec["doc_id"]),
                            "doc_id": rec["doc_id"],
                            "url": rec.get("url"),
                            "sentences": sentences,
                        }
                    ],
                }
            )
    urls = {r.get("doc_id"): r.get("url") for r in records if "error" not in r}
    for fnd in store.cross_release_findings():
        if fnd.get("status") != "inconsistent":
            continue
        releases = []
        for doc in (fnd.get("details") or {}).get("documents", []):
            text = store.document_text(doc["key"])
            sentence = sentence_at(text, doc["start"], doc["end"]) if text else doc["text"]
            releases.append(
                {
                    "source": doc["source"],
                    "name": short_name(doc["source"], doc["doc_id"]),
                    "doc_id": doc["doc_id"],
                    "url": urls.get(doc["doc_id"]),
                    "sentences": [(sentence, doc["text"])],
                    "period": doc.get("period"),
                }
            )
        out.append(
            {
                "scope": "cross_release",
                "check": fnd["check"],
                "severity": fnd["severity"],
                "message": fnd["message"],
                "arithmetic": (fnd.get("details") or {}).get("arithmetic"),
                "releases": releases,
            }
        )
    return out


def render_store_report(store, metrics: list[str] | None = None) -> str:
    """The self-contained archive page of an open Store."""
    from extractor.io.report_html import render_archive_html

    records = list(store.iter_records())
    chosen = choose_metrics([r for r in records if "error" not in r], metrics)
    documents, series, findings = build_inputs(records, chosen)
    problems = inconsistent_findings(store, records)
    for finding in store.cross_release_findings():
        year = str((finding.get("details") or {}).get("period") or "?")[:4]
        findings.setdefault(finding["check"], {}).setdefault(year, {}).setdefault(finding["status"], 0)
        findings[finding["check"]][year][finding["status"]] += 1
    return render_archive_html(documents, series, findings, problems)
