"""How firmly a finding stands: an inconsistency that rests on an inferred link is only doubtful."""

from __future__ import annotations

from extractor.models import Finding

WEAK = "inferred"
FIRMNESS = {"inferred": 0, "cued": 1, "stated": 2}


def link_confidence(record) -> dict[frozenset[str], str]:
    """{frozenset of two fact ids: confidence} for every link and part_of relation of the record."""
    out: dict[frozenset[str], str] = {}
    for rel in getattr(record, "relations", None) or []:
        kind = getattr(rel, "type", None)
        if kind == "link":
            pair = frozenset((rel.source, rel.target))
        elif kind == "part_of":
            pair = frozenset((rel.part, rel.whole))
        else:
            continue
        # two rules may join the same pair; the firmer one counts
        if pair not in out or FIRMNESS.get(rel.confidence, 0) > FIRMNESS.get(out[pair], 0):
            out[pair] = rel.confidence
    return out


def weigh(record, findings: list[Finding]) -> list[Finding]:
    """Inconsistent findings whose facts are joined by an inferred link (a nearest-figure guess) become
    'doubtful' (severity warning): shown, never counted as inconsistencies, ignored by --fail-on."""
    links = link_confidence(record)
    if not links:
        return findings
    out: list[Finding] = []
    for fnd in findings:
        if fnd.status == "inconsistent":
            ids = fnd.facts
            weak = [
                sorted(pair)
                for pair, conf in links.items()
                if conf == WEAK and pair <= set(ids) and len(pair) == 2
            ]
            if weak:
                details = dict(fnd.details, link="inferred", inferred_links=weak)
                fnd = fnd.model_copy(
                    update={
                        "status": "doubtful",
                        "severity": "warning",
                        "message": fnd.message + " (The link between these figures is inferred, not stated.)",
                        "details": details,
                    }
                )
        out.append(fnd)
    return out
