"""Shares of a total: does part / whole round to the share, and do the shares of one whole fit in 100%?"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from extractor.checks._common import facts_by_id, finding, guarded, is_number, label, present, same_measure
from extractor.checks.intervals import DEFAULT_ROUNDING, fact_interval, fmt_number, to_fraction
from extractor.models import Finding

CHECK = "share_of_total"
RESTATED_GAP = 3  # characters between a share and its bracketed restatement: '90% (88.6%)'
LIST_GAP = 28  # characters between two shares with no part counts read as one list ('45% were thefts, 30% were')


def share_of_total(record, *, rounding: Sequence[str] = DEFAULT_ROUNDING) -> list[Finding]:
    """Each share with a part and a whole: part / whole vs the share; then each whole's shares vs 100%."""
    facts = facts_by_id(record)
    out: list[Finding] = []
    for pct in facts.values():
        if getattr(pct, "kind", None) != "percentage" or pct.role != "share":
            continue
        if (pair := present(facts, pct.of, pct.whole)) is None:
            continue
        part, whole = pair
        out.extend(guarded(CHECK, [pct.id, part.id, whole.id], lambda p=pct, a=part, w=whole: _one(p, a, w, rounding)))
    out.extend(guarded(CHECK, [], lambda: _sums(record, facts, rounding)))
    return out


def _one(pct, part, whole, rounding: Sequence[str]) -> list[Finding]:
    ids = [pct.id, part.id, whole.id]
    if not same_measure(part, whole) or not all(is_number(f.value) for f in (pct, part, whole)):
        return [
            finding(
                CHECK,
                "untestable",
                ids,
                f"Share {pct.text.strip()}: the part {label(part)} and the whole {label(whole)} are not "
                "comparable "
                "figures.",
            )
        ]
    if whole.value <= 0 or part.value < 0:
        return [
            finding(CHECK, "untestable", ids, f"Share {pct.text.strip()}: the whole {label(whole)} is zero.")
        ]
    part_iv = fact_interval(part, rounding)
    whole_iv = fact_interval(whole, rounding).positive_part()
    ratio = part_iv.divide(whole_iv).scale(100)
    accepted = fact_interval(pct, rounding)
    point = to_fraction(part.value) / to_fraction(whole.value) * 100
    details = {
        "reported_share": pct.value,
        "accepted_share_percent": accepted.as_json(),
        "part": part.value,
        "whole": whole.value,
        "computed_percent": round(float(point), 4),
        "computed_interval_percent": ratio.as_json(),
        "rounding": list(rounding),
        "arithmetic": f"{fmt_number(part.value)} / {fmt_number(whole.value)} = {float(point):.2f}%",
    }
    spread = "" if ratio.exact else f" ({ratio.describe(_fmt2, '%')} allowing for rounding of the counts)"
    if ratio.overlaps(accepted):
        msg = f"{label(part)} is {float(point):.2f}% of {label(whole)}{spread}: {pct.text.strip()} fits."
        return [finding(CHECK, "consistent", ids, msg, details)]
    msg = (
        f"{label(part)} is {float(point):.2f}% of {label(whole)}{spread}, not the stated {pct.text.strip()}."
    )
    return [finding(CHECK, "inconsistent", ids, msg, details)]


def _fmt2(x) -> str:
    return f"{float(x):.2f}"


def _listed(share, neighbours) -> bool:
    """Whether a share stands within LIST_GAP characters of another share next to it (one list)."""
    return any(
        t is not share and (0 <= t.start - share.end <= LIST_GAP or 0 <= share.start - t.end <= LIST_GAP)
        for t in neighbours
    )


def _sums(record, facts, rounding: Sequence[str]) -> list[Finding]:
    nested: set[tuple[str, str]] = set()
    for rel in getattr(record, "relations", None) or []:
        if getattr(rel, "type", None) == "part_of":
            nested.add((rel.part, rel.whole))
    groups: dict[str, list] = {}
    for pct in facts.values():
        if getattr(pct, "kind", None) != "percentage" or pct.role != "share" or not pct.whole:
            continue
        if not is_number(pct.value):
            continue
        groups.setdefault(pct.whole, []).append(pct)
    out: list[Finding] = []
    for whole_id, shares in groups.items():
        kept, seen = [], set()
        for s in sorted(shares, key=lambda x: x.start):
            if s.of and s.of in seen:
                continue  # the same part stated twice
            if kept and getattr(kept[-1], "approx", None) and 0 <= s.start - kept[-1].end <= RESTATED_GAP:
                kept[-1] = s  # 'about 90% (88.6%)': one share, restated in brackets; the precise figure counts
                continue
            seen.add(s.of)
            kept.append(s)
        # shares with no part count ('of whom 77% received penalties', 'almost 58% held no office') may describe
        # overlapping groups: they count toward the sum only in a run of shares stated together (one list)
        kept = [s for n, s in enumerate(kept) if s.of or _listed(s, kept[max(n - 1, 0) : n + 2])]
        parts = {s.of for s in kept if s.of}
        # a share of a part of another listed part overlaps it; leave such groups alone
        if any((a, b) in nested for a in parts for b in parts):
            continue
        if len(kept) < 2:
            continue
        ivs = [fact_interval(s, rounding) for s in kept]
        low = sum((iv.lo if iv.lo is not None else Fraction(0)) for iv in ivs)
        stated = sum(to_fraction(s.value) for s in kept)
        whole = facts.get(whole_id)
        whole_txt = label(whole) if whole is not None else whole_id
        terms = " + ".join(s.text.strip() for s in kept)
        details = {
            "whole": whole_id,
            "shares": [s.value for s in kept],
            "stated_sum_percent": float(stated),
            "smallest_possible_sum_percent": float(low),
            "rounding": list(rounding),
            "arithmetic": f"{terms} = {fmt_number(stated)}%; at least {fmt_number(low)}% with rounding",
        }
        # the whole is one of the facts: a sum over shares whose whole is a guess (an inferred link) is doubtful
        ids = [s.id for s in kept] + ([whole_id] if whole is not None else [])
        if low > 100:
            msg = (
                f"The shares of {whole_txt} add up to {fmt_number(stated)}%, more than 100% even if each was "
                f"rounded up (at least {fmt_number(low)}%)."
            )
            out.append(finding(CHECK, "inconsistent", ids, msg, details))
        else:
            msg = f"The {len(kept)} shares of {whole_txt} add up to {fmt_number(stated)}%, within 100%."
            out.append(finding(CHECK, "consistent", ids, msg, details))
    return out
