"""What became of each numeral of a text: the fact it is part of and the rule that made it, or why it was dropped."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from extractor.api import doc_to_record, make_doc


def explain(nlp: Language, text: str, reference_date=None) -> list[dict[str, Any]]:
    """One row per numeral in document order: {start, end, text, outcome, ...}. `outcome` is the fact kind it
    became (with `fact`, `pattern_id` and the fact's links), 'dropped' (with the `reason`), or 'unread'."""
    doc = make_doc(nlp, text, reference_date, None)
    quantities = None
    numerals: list[tuple[int, int, int]] = []
    for name, proc in nlp.pipeline:
        if name == "extractor_records":  # it drops token._.num (a doc keeps plain data only): read them first
            numerals = [(tok.i, tok.idx, tok.idx + len(tok)) for tok in doc if tok._.num is not None]
        doc = proc(doc)
        if name == "extractor_facts":
            quantities = {tok_i: reason for tok_i, q, reason in (doc._.quantities or []) if q is None}
    record = doc_to_record(doc, "<explain>")
    rows: list[dict[str, Any]] = []
    for tok_i, start, end in numerals:
        row: dict[str, Any] = {"start": start, "end": end, "text": text[start:end]}
        fact = next((f for f in record.facts if f.start <= start and end <= f.end), None)
        if fact is not None:
            row.update(outcome=fact.kind, fact=fact.id, fact_text=fact.text, pattern_id=fact.pattern_id)
            for key in ("unit", "role", "of", "whole", "baseline"):
                value = getattr(fact, key, None)
                if value is not None:
                    row[key] = value
            links = [
                {"role": r.role, "target": r.target, "cue": r.cue, "confidence": r.confidence}
                for r in record.relations
                if r.type == "link" and r.source == fact.id
            ]
            links += [
                {"role": "part of", "target": r.whole, "cue": r.cue, "confidence": r.confidence}
                for r in record.relations
                if r.type == "part_of" and r.part == fact.id
            ]
            if links:
                row["links"] = links
        elif quantities is not None and tok_i in quantities:
            row.update(outcome="dropped", reason=quantities[tok_i] or "not a figure")
        else:
            row.update(outcome="unread", reason="no rule made it a figure (inside a date, a name or a code?)")
        rows.append(row)
    return rows


def explain_lines(rows: list[dict[str, Any]]) -> list[str]:
    """The rows as lines to read: "28.6%  [120-125]  percentage f3 (percentages-sign-001) of f2 'cued' ..."."""
    out = []
    for r in rows:
        head = f"{r['text']!r:>16}  [{r['start']}-{r['end']}]  "
        if r["outcome"] in ("dropped", "unread"):
            out.append(head + f"{r['outcome']}: {r['reason']}")
            continue
        bits = [f"{r['outcome']} {r['fact']} {r['fact_text']!r} ({r['pattern_id']})"]
        bits += [f"{k} {r[k]}" for k in ("unit", "role") if k in r]
        for link in r.get("links", []):
            bits.append(f"{link['role']} {link['target']} ({link['confidence']}, cue {link['cue']!r})")
        out.append(head + "; ".join(bits))
    return out
