"""The audit: pure functions from a document record to findings about its figures (no spaCy here)."""

from __future__ import annotations

from collections.abc import Sequence

from extractor.checks.baseline import change_baseline, multiplier_baseline
from extractor.checks.confidence import weigh
from extractor.checks.conversion import (
    ExchangeRange,
    currency_conversion,
    load_exchange_rates,
    resolve_exchange_rates,
)
from extractor.checks.coverage import coverage
from extractor.checks.intervals import DEFAULT_ROUNDING, Interval, fact_interval, precision_of
from extractor.checks.parts import parts_and_wholes
from extractor.checks.rates import RateDefinition, load_rate_definitions, named_rate, resolve_rates
from extractor.checks.repeated import repeated_figure
from extractor.checks.shares import share_of_total
from extractor.checks.stated import stated_change
from extractor.models import Finding

CHECK_NAMES = (
    "change_baseline",
    "multiplier_baseline",
    "stated_change",
    "share_of_total",
    "parts_and_wholes",
    "named_rate",
    "currency_conversion",
    "repeated_figure",
)
_STATUS_ORDER = {"inconsistent": 0, "doubtful": 1, "consistent": 2, "untestable": 3}
_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}

__all__ = [
    "CHECK_NAMES",
    "DEFAULT_ROUNDING",
    "ExchangeRange",
    "Interval",
    "RateDefinition",
    "audit",
    "change_baseline",
    "coverage",
    "currency_conversion",
    "fact_interval",
    "load_exchange_rates",
    "load_rate_definitions",
    "multiplier_baseline",
    "named_rate",
    "parts_and_wholes",
    "precision_of",
    "repeated_figure",
    "share_of_total",
    "sort_findings",
    "stated_change",
]


def sort_findings(record, findings: list[Finding]) -> list[Finding]:
    """Inconsistent first (errors, then warnings), then doubtful, consistent, untestable; in document order."""
    starts = {f.id: f.start for f in getattr(record, "facts", None) or []}

    def key(fnd: Finding):
        first = min((starts.get(i, 1 << 60) for i in fnd.facts), default=1 << 60)
        return (_STATUS_ORDER.get(fnd.status, 3), _SEVERITY_ORDER.get(fnd.severity, 3), first, fnd.check)

    return sorted(findings, key=key)


def audit(
    record,
    *,
    rates=None,
    exchange_rates=None,
    rounding: Sequence[str] = DEFAULT_ROUNDING,
    units=None,
) -> list[Finding]:
    """Run every check on one document record; findings ordered inconsistent first.

    `rates`: rate definitions (None for the bundled patterns/rates.jsonl, a path, or RateDefinition/PatternRow
    objects); `exchange_rates`: likewise for patterns/exchange_rates.jsonl; `rounding`: the accepted
    conventions; `units`: the unit table (None for the bundled patterns/unit_classes.jsonl).
    An inconsistency that rests on an inferred link is reported as `doubtful`.
    A bad definitions file raises PatternFileError; odd records never raise.
    """
    findings: list[Finding] = []
    findings += change_baseline(record, rounding=rounding)
    findings += multiplier_baseline(record, rounding=rounding)
    findings += stated_change(record, rounding=rounding)
    findings += share_of_total(record, rounding=rounding)
    findings += parts_and_wholes(record, rounding=rounding, units=units)
    findings += named_rate(record, rates=resolve_rates(rates), rounding=rounding)
    findings += currency_conversion(
        record, exchange_rates=resolve_exchange_rates(exchange_rates), rounding=rounding
    )
    findings += repeated_figure(record, rounding=rounding)
    return sort_findings(record, weigh(record, findings))
