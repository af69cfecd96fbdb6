"""extractor_facts: decide what each numeral is (count, percentage, multiplier, money or not a figure)."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractor.components.context import (
    CLAUSE_BREAKS,
    Component,
    Draft,
    RuleIndex,
    clause_end,
    clause_start,
    is_num,
    next_tok,
    num_indices,
    only_joiners,
    past_restatement,
    prev_tok,
    sent_of,
    text_of,
)
from extractor.components.units import UnitFinder
from extractor.lexicon import words
from extractor.rules import pipeline_rows

YEAR_RE = re.compile(r"^(1[89]|20)\d\d$")
BASIS_YEAR_RE = re.compile(r"(?<![0-9])(?:19|20)[0-9][0-9](?![0-9])")
# No count, amount or rate in any release comes near this: a longer numeral is a table or an ID run together.
REAL_VALUE_MAX = 10**18
MARKER_AFTER = {".", ")", "、", "）", ":"}
SENT_ENDERS = {".", "!", "?", "。"}
RANGE_JOINERS = {"-", "–", "~", "～"}
RANGE_WORDS = {"-", "–", "~", "～", "to", "and"}
CONTROL_NOUNS = {
    "supervision",
    "control",
    "jurisdiction",
    "oversight",
    "power",
    "authority",
    "leadership",
    "management",
}


@dataclass(frozen=True)
class Mark:
    """What a rule span right after (or before) a numeral makes of it: a `kind` (None: no figure) and the
    fields its rule's attrs give."""

    kind: str | None
    after: bool
    fields: Callable[[dict], dict] = lambda attrs: {}


# The labels that decide a numeral's kind from beside it; the longest span after it wins, the first listed on a tie.
MARKS = {
    "PERCENT_SIGN": Mark("percentage", True, lambda a: {"points": bool(a.get("points")) or None}),
    "MULTIPLIER_WORD": Mark("multiplier", True),
    "CURRENCY_AFTER": Mark("money", True, lambda a: {"currency": a["currency"]}),
    "NOT_FIGURE_AFTER": Mark(None, True),
    "CURRENCY_BEFORE": Mark("money", False, lambda a: {"currency": a["currency"]}),
    "NOT_FIGURE_BEFORE": Mark(None, False),
    "NOT_FIGURE": Mark(None, False),  # a span covering the numeral
}
AFTER_LABELS = ("PERCENT_SIGN", "MULTIPLIER_WORD", "CURRENCY_AFTER", "NOT_FIGURE_AFTER")
BEFORE_LABELS = ("CURRENCY_BEFORE", "NOT_FIGURE_BEFORE")
POPULATION_NOUNS = words("population_nouns")
# 'an average annual increase of 24.3%': a change over several years (the record's `average`)
AVERAGE_WORDS = words("average_words")
PER_HEAD_WORDS = words("per_head_words")
# words before 'N times' that make it a multiple, not a count of occurrences ('were 2.3 times', 'up 4 times')
OCCURRENCE_BLOCKERS = words("occurrence_blockers")
DIFFERENCE_LEADS = words("difference_leads")
AGE_WORDS = words("age_words")  # 'the ages of offenders are mainly between 15 and 17': a range of ages
# what ends a figure before 'more than' that compares it with a year ('9 percent more than 2018')
COMPARED_FIGURE_WORDS = words("compared_figure_words")
# A figure in trillions written with thousands ("81,700 trillion yuan") is 亿 mistranslated as trillion.
TRILLION_GARBLE_MIN = 1000


@Language.factory(
    "extractor_facts",
    assigns=["doc._.drafts", "doc._.quantities"],
    default_config={"patterns_dirs": []},
)
def make_facts(nlp: Language, name: str, patterns_dirs: list[str]) -> FactBuilder:
    """Factory: turns numerals plus the rule spans around them into fact drafts."""
    return FactBuilder(name, patterns_dirs)


class FactBuilder(Component):
    """Reads each numeral with its neighbours: a sign after it makes a percentage, a currency a money amount,
    'times' a multiplier, a duration or measure word makes it no figure at all; what is left is a count, whose
    unit, subject and action are read from the words around it.
    """

    def __init__(self, name: str, patterns_dirs: list[str]):
        self.name = name
        rows = pipeline_rows(patterns_dirs)
        self.attrs = {r.id: r.attrs for r in rows}
        self.units = UnitFinder(rows)

    def __call__(self, doc: Doc) -> Doc:
        rules = RuleIndex.of(doc)
        taken = Intervals(self._taken_chars(doc))
        drafts: list[Draft] = []
        quantities: list[tuple[int, Draft | None, str]] = []
        rate_end = -1  # the end of the last rate per population: its base ('per 10,000') is no figure of its own
        for tok in map(doc.__getitem__, num_indices(doc)):
            if tok.idx < rate_end:
                quantities.append((tok.i, None, "the base of a rate per population"))
            elif not taken.overlaps(tok.idx, tok.idx + len(tok)):
                draft, reason = self._classify(doc, tok, rules)
                quantities.append((tok.i, draft, reason))
                if draft is not None:
                    drafts.append(draft)
                    if draft.kind == "population_rate":
                        rate_end = draft.end
        figures = Intervals([(d.start, d.end) for d in drafts])
        for span in rules.by_label.get("MULTIPLIER_VERB", ()):
            if not figures.overlaps(span.start_char, span.end_char):
                value = Decimal(str(self.attrs[span.id_]["value"]))
                d = Draft("multiplier", span.start_char, span.end_char, span.start, value, span.id_)
                d.set(approx=self._approx(doc, span.start, rules))
                drafts.append(d)
                quantities.append((span.start, d, ""))
        drafts.sort(key=lambda d: d.start)
        quantities.sort(key=lambda q: q[0])
        for d in drafts:
            if d.kind == "multiplier" and self._occurrences(doc, d, rules):
                # 'smuggled goods 38 times and evaded ...', 'travelled abroad for over 300 times': how often
                # something was done, a count of times, no multiple of a figure
                span = doc.char_span(d.start, d.end, alignment_mode="expand")
                last = doc[prev_tok(doc, span.end - 2)]  # the numeral before 'times': a count's text is the numeral
                d.kind, d.end = "count", last.idx + len(last)
                d.set(unit="time")
        figure_toks = {d.tok for d in drafts}
        quantity_toks = {q[0] for q in quantities}
        for draft in drafts:
            if draft.kind == "count":
                self.units.describe(doc, draft, rules)
                if direction := self._difference(doc, draft.tok, rules):
                    draft.set(difference=direction)
            elif draft.kind == "percentage":
                self._percentage_role(doc, draft, rules, quantity_toks, figure_toks)
        self._inherit_list_roles(doc, drafts)
        self._restated_differences(doc, drafts, rules, figure_toks)
        doc._.drafts = drafts
        doc._.quantities = quantities
        return doc

    @staticmethod
    def _taken_chars(doc: Doc) -> list[tuple[int, int]]:
        taken = []
        for key in ("date_matches", "operation_matches"):
            taken.extend((m.start, m.end) for m in getattr(doc._, key) or ())
        return taken

    def _approx(self, doc: Doc, i: int, rules: RuleIndex) -> str | None:
        span = rules.ending_at(prev_tok(doc, i - 1) + 1, "APPROX")
        if span is None:
            return None
        before = doc[prev_tok(doc, span.start - 1)] if span.start > 0 else None
        if span.text.lower() == "over" and before is not None and before.lower_ in CONTROL_NOUNS:
            return None  # 'supervision over 1,100 detention centers': a preposition, not a qualifier
        return self.attrs[span.id_]["approx"]

    def _qualified_count(self, doc: Doc, i: int, rules: RuleIndex) -> bool:
        """True when a count qualifier stands before the numeral at i ('detected more than 1960,'), and not as a
        comparison after a figure ('9 percent more than 2018', '3 times more than 2019')."""
        span = rules.ending_at(prev_tok(doc, i - 1) + 1, "APPROX")
        if span is None or not self.attrs[span.id_].get("counts_year"):
            return False
        before = prev_tok(doc, span.start - 1)
        return before < 0 or not (is_num(doc[before]) or doc[before].lower_ in COMPARED_FIGURE_WORDS)

    def _classify(self, doc: Doc, tok: Token, rules: RuleIndex) -> tuple[Draft | None, str]:
        """The draft for numeral `tok`, or None with the reason it is no figure."""
        value: Decimal = tok._.num
        i = tok.i
        nxt = next_tok(doc, i + 1)
        prv = prev_tok(doc, i - 1)
        after = None
        for label in AFTER_LABELS:
            span = rules.starting_at(nxt, label)
            if span is not None and (after is None or len(span) > len(after)):
                after = span
        if after is None and _glued_hyphen(doc, i, nxt):
            # '18.4-pct rise', 'an 18.4-percent margin': the sign joined to the numeral by a hyphen
            after = rules.starting_at(nxt + 1, "PERCENT_SIGN")
        before = rules.ending_at(prv + 1, *BEFORE_LABELS) if prv >= 0 else None
        if (lost := self._lost_percent_sign(doc, tok, prv, nxt, rules)) is not None:
            return self._finish(doc, tok, lost, rules), ""
        for span in (after, before, rules.covering(i, "NOT_FIGURE")):
            if span is not None and MARKS[span.label_].kind is None:
                return None, self._reason(span)
        per = rules.ending_at(prv + 1, "PER_BASE") if prv >= 0 else None
        if per is not None and self.attrs[per.id_].get("per") is None:
            return None, "the base of a rate per population ('lawyers per 10,000 population')"
        # a range shares its far end's nature: '5 to 10 years', '20 billion to 30 billion yuan', '18-30 years old'
        far = self._range_end(doc, nxt)
        if after is None and far is not None:
            far_after = rules.starting_at(next_tok(doc, far + 1), "NOT_FIGURE_AFTER")
            if far_after is not None:
                return None, self._reason(far_after)
            far_cur = rules.starting_at(next_tok(doc, far + 1), "CURRENCY_AFTER")
            if far_cur is not None:
                d = Draft("money", tok.idx, tok.idx + len(tok), i, value, far_cur.id_)
                d.set(**MARKS[far_cur.label_].fields(self.attrs[far_cur.id_]), approx=self._approx(doc, i, rules))
                return d, ""
        if _age_range(doc, i, prv):
            return None, "age"
        # 'aged between 18 and 30': the near end of a range excluded by the words before it
        if before is None and prv >= 1 and doc[prv].lower_ in RANGE_WORDS:
            near = prev_tok(doc, prv - 1)
            # 'and' joins a range only after 'between': 'of them under 18 and 21.5% of them women' is a list
            joins = doc[prv].lower_ != "and" or (near >= 1 and doc[prev_tok(doc, near - 1)].lower_ == "between")
            if near >= 0 and is_num(doc[near]) and joins:
                near_before = rules.ending_at(prev_tok(doc, near - 1) + 1, "NOT_FIGURE_BEFORE")
                if near_before is not None:
                    return None, self._reason(near_before)
        marked = after if after is not None else before
        if marked is not None:
            mark = MARKS[marked.label_]
            start, end = (tok.idx, marked.end_char) if mark.after else (marked.start_char, tok.idx + len(tok))
            # '$14.6 million dollars', 'RMB 5 million yuan': a currency both sides, one amount from the first
            both = mark.after and before is not None and MARKS[before.label_].kind == mark.kind == "money"
            if both:
                start = before.start_char
            d = Draft(mark.kind, start, end, i, value, marked.id_)
            d.set(**mark.fields(self.attrs[marked.id_]))
            if both:  # 'HK$ 5 million dollars': the sign names the currency, 'dollars' does not
                d.set(**MARKS[before.label_].fields(self.attrs[before.id_]))
            if not mark.after or both:
                d.set(approx=self._approx(doc, (before if both else marked).start, rules))
        elif (rng := self._range_to_percent(doc, nxt, rules)) is not None:
            # '20-30%', '20 to 30 percent': the first end of a range of percentages
            d = Draft("percentage", tok.idx, tok.idx + len(tok), i, value, "percentages-range-001")
            d.set(**MARKS[rng.label_].fields(self.attrs[rng.id_]))
        elif (rng := self._range_to_percent(doc, nxt, rules, "MULTIPLIER_WORD")) is not None and MARKS[
            rng.label_
        ].kind == "multiplier":
            # '5.97 and 3.18 times higher than 2018': the first of a pair of multipliers sharing one word
            d = Draft("multiplier", tok.idx, tok.idx + len(tok), i, value, rng.id_)
            d.set(**MARKS[rng.label_].fields(self.attrs[rng.id_]))
        else:
            reason = self._not_a_count(doc, tok, prv, nxt)
            if reason == "year" and self._qualified_count(doc, i, rules):
                reason = None  # 'detected more than 1960, the clearance rate ...': a qualifier makes it a count
            if reason:
                return None, reason
            d = self._population_rate(doc, tok, nxt, rules) or self._count(doc, tok, rules)
            if d is None:
                return None, "decimal without a unit"
            if d.kind == "multiplier":
                return d, ""
        return self._finish(doc, tok, d, rules), ""

    @staticmethod
    def _lost_percent_sign(doc: Doc, tok: Token, prv: int, nxt: int, rules: RuleIndex) -> Draft | None:
        """'an increase of 12.6 year on year', 'up 8.4 over the same period': a decimal between a change word and
        its basis is a change whose 'percent' the translation lost; a percentage, suspect."""
        if not tok._.num_info["decimals"] or prv < 0:
            return None
        k = nxt
        while k < min(len(doc), nxt + 2) and doc[k].lower_ in {"over", "from", "compared", "with", "than"}:
            k += 1
        if rules.starting_at(k, "BASIS") is None:
            return None
        k = prv
        if doc[k].lower_ in {"of", "by"}:
            k = prev_tok(doc, k - 1)
        if k < 0 or rules.ending_at(k + 1, "CHANGE") is None:
            return None
        d = Draft("percentage", tok.idx, tok.idx + len(tok), tok.i, tok._.num, "percentages-lost-sign-001")
        d.set(suspect=True, suspect_reason="no percent sign after a change: read as a percentage")
        return d

    def _reason(self, span: Span) -> str:
        return self.attrs[span.id_].get("reason", "not a figure")

    def _count(self, doc: Doc, tok: Token, rules: RuleIndex) -> Draft | None:
        """A count; a decimal with no unit is a multiplier cut from its 'times' by a stray period, else None."""
        info = tok._.num_info
        if info["decimals"] and info["scale"] == 1:
            split = self._split_multiplier(doc, tok)
            if split is None:
                return self._decimal_count(doc, tok)
            d = Draft("multiplier", tok.idx, tok.idx + len(tok), tok.i, tok._.num, "multipliers-split-001")
            d.set(suspect=True, suspect_reason=f"'times' cut off by a stray period ({split!r})")
            d.set(approx=self._approx(doc, tok.i, rules))
            return d
        pattern_id = "numbers-count-002" if info["words"] else "numbers-count-001"
        return Draft("count", tok.idx, tok.idx + len(tok), tok.i, tok._.num, pattern_id)

    def _decimal_count(self, doc: Doc, tok: Token) -> Draft | None:
        """'each judge handled 64.3 cases': a decimal before a counted noun is a count, an average when the words
        before it say so (each, per, average), else suspect ('more than 1.2 people': a fraction of a person is a
        scale word the translation lost); None before anything else."""
        j = next_tok(doc, tok.i + 1)
        if not (j < len(doc) and doc[j].lower_ in self.units.units) and not self.units.counted_noun_at(doc, j):
            return None
        d = Draft("count", tok.idx, tok.idx + len(tok), tok.i, tok._.num, "numbers-count-003")
        near = {t.lower_ for t in doc[max(0, tok.i - 6) : min(len(doc), tok.i + 5)]}
        if not near & (PER_HEAD_WORDS | AVERAGE_WORDS):
            d.set(suspect=True, suspect_reason="a fraction of a counted thing: a scale word may be lost in translation")
        return d

    def _population_rate(self, doc: Doc, tok: Token, nxt: int, rules: RuleIndex) -> Draft | None:
        """'12.5 per 10,000 people', '3.2 cases per 100,000 residents', '0.8 lawyers per capita': a rate per
        head of population, its base the numeral after PER_BASE words or the base the words give."""
        if not rules.by_label.get("PER_BASE"):
            return None  # most releases say no 'per' at all: no noun phrase to read for every count
        j, unit = nxt, None
        if rules.starting_at(j, "PER_BASE") is None:
            noun, end = self.units.phrase_at(doc, j)
            if not noun:
                return None
            j, unit = next_tok(doc, end), self.units.unit_of(noun[-1])
        cue = rules.starting_at(j, "PER_BASE")
        if cue is None:
            return None
        attrs = self.attrs[cue.id_]
        end_tok, per, population = cue.end, attrs.get("per"), attrs.get("population")
        if per is None:
            k = next_tok(doc, cue.end)
            if k >= len(doc) or not is_num(doc[k]) or doc[k]._.num < 1 or doc[k]._.num != int(doc[k]._.num):
                return None
            end_tok, per = k + 1, int(doc[k]._.num)
        end_char = doc[end_tok - 1].idx + len(doc[end_tok - 1])
        k = next_tok(doc, end_tok)
        if population is None and k < len(doc) and doc[k].lower_ in POPULATION_NOUNS:
            # the base keeps its own word: 'per million population' is per population, not per person counted
            low = doc[k].lower_
            population = low if low == "population" else self.units.unit_of(doc[k].text)
            end_char = doc[k].idx + len(doc[k])
        d = Draft("population_rate", tok.idx, end_char, tok.i, tok._.num, cue.id_)
        d.set(per=per, unit=unit, population=population)
        return d

    def _finish(self, doc: Doc, tok: Token, d: Draft, rules: RuleIndex) -> Draft:
        """Approx, the 亿-as-trillion repair and the suspect flags every numeral's draft takes."""
        info = tok._.num_info
        value = d.value
        suspect = None
        if info["glued"]:
            suspect = f"digits glued to the word before them ({doc[prev_tok(doc, tok.i - 1)].text!r})"
        if info["loose"]:
            suspect = "thousands separator in an unusual place"
        if abs(value) >= REAL_VALUE_MAX:
            suspect = "beyond any real figure (10^18 or more)"
        if "approx" not in d.fields:
            d.set(approx=self._approx(doc, tok.i, rules))
        if d.kind == "money" and d.fields.get("currency") and TRILLION_GARBLE_MIN * 10**12 <= value < REAL_VALUE_MAX:
            d.value = value / 10**4
            suspect = "a figure in thousands of trillions: read as 亿 (100 million) mistranslated as trillion"
        if suspect:
            d.set(suspect=True, suspect_reason=suspect)
        return d

    @staticmethod
    def _occurrences(doc: Doc, d: Draft, rules: RuleIndex) -> bool:
        """True when 'N times' counts occurrences: after 'for' ('for over 300 times'), or a whole number of ten or
        more after a verb's object with nothing comparative around it (no change word or 'was / were' before it in
        its clause, no 'that', 'higher', 'than', 'year on year' ... after it): a multiple is mostly small, and
        the first form of this rule, for any N, turned two true multiples of a blind set into counts."""
        end = doc.char_span(d.start, d.end, alignment_mode="expand")
        if end is None or doc[end.end - 1].lower_ != "times":
            return False
        approx = rules.ending_at(prev_tok(doc, d.tok - 1) + 1, "APPROX")
        k = prev_tok(doc, (approx.start if approx is not None else d.tok) - 1)
        if k >= 0 and doc[k].lower_ == "for":
            return True
        if d.value != int(d.value) or d.value < 10:
            return False  # '2.3 times', '3 times': a multiple as the genre writes them (a blind set's two)
        nxt = next_tok(doc, end.end)
        if nxt < len(doc) and doc[nxt].lower_ not in {"and", ",", ".", ";", "in", "during", "within"}:
            return False
        lo = max(clause_start(doc, d.tok), d.tok - 8)
        if rules.within(lo, d.tok, "CHANGE") or any(t.lower_ in OCCURRENCE_BLOCKERS for t in doc[lo : d.tok]):
            return False
        return k >= 0 and doc[k].is_alpha and doc[k].lower_ not in OCCURRENCE_BLOCKERS

    def _difference(self, doc: Doc, i: int, rules: RuleIndex) -> str | None:
        """The direction of the change a count at token i is the size of: 'rose by 167', 'an increase of more
        than 9,960', 'down by 40'; None for a level ('rose to 5,000', 'rose 12%')."""
        approx = rules.ending_at(prev_tok(doc, i - 1) + 1, "APPROX")
        k = prev_tok(doc, (approx.start if approx is not None else i) - 1)
        if k < 0:
            return None
        cue = rules.ending_at(k + 1, "CHANGE")
        if cue is None or doc[cue.end - 1].lower_ not in {"by", "of"}:
            # 'rose by 167': the verb's cue ends before 'by'
            cue = rules.ending_at(k, "CHANGE") if doc[k].lower_ == "by" and k > 0 else None
        if cue is None and doc[k].lower_ in {"up", "down"} and (k == 0 or doc[k - 1].lower_ in DIFFERENCE_LEADS):
            # '3,450, down 260 cases or 7 percent': a bare 'up'/'down' after a comma or a copula sizes the change
            # ('cracked down 40 gangs', 'set up 12 teams' are verbs with their particle)
            cue = rules.ending_at(k + 1, "CHANGE")
        return self.attrs[cue.id_]["direction"] if cue is not None else None

    def _restated_differences(self, doc: Doc, drafts: list[Draft], rules: RuleIndex, figure_toks: set[int]) -> None:
        """'rose by 9,960, or 3.1 percent': a percentage restating a difference is a change of the same direction,
        not the share the ', or' of '300, or 20 percent, involved officials' makes it."""
        for prev, d in itertools.pairwise(drafts):
            if d.kind != "percentage" or prev.kind != "count" or not prev.fields.get("difference"):
                continue
            gap = [t.lower_ for t in doc[prev.tok + 1 : d.tok] if not t.is_space]
            # 'rose by 9,960, or 3.1 percent', 'an increase of 615 cases or 14.5%': the difference's noun between
            words = gap[:-2] if gap[-2:] == [",", "or"] else gap[:-1] if gap[-1:] == ["or"] else None
            if words is None or len(words) > 2 or not all(w.isalpha() for w in words):
                continue
            if d.fields.get("role") == "change":
                continue
            end_tok = doc.char_span(d.start, d.end, alignment_mode="expand").end
            d.set(role="change", direction=prev.fields["difference"], _restates=prev)
            d.set(**self._basis(doc, d, rules, prev.tok + 1, end_tok, figure_toks))

    @staticmethod
    def _range_end(doc: Doc, nxt: int) -> int | None:
        """The token index of the numeral closing a range that starts right before token nxt, else None."""
        if nxt < len(doc) and doc[nxt].lower_ in RANGE_WORDS:
            k = next_tok(doc, nxt + 1)
            if k < len(doc) and is_num(doc[k]):
                near = prev_tok(doc, nxt - 1)
                if near >= 0 and any(c.isdigit() for c in doc[near].text) != any(c.isdigit() for c in doc[k].text):
                    return None  # 'sentenced 320 to five years': a range writes both its ends alike
                comma = prev_tok(doc, near - 1)
                if doc[nxt].lower_ == "and" and comma > 0 and doc[comma].text == "," and is_num(
                    doc[prev_tok(doc, comma - 1)]
                ):
                    return None  # '910, 1,045 and 2 tonnes': the last items of a list, each with its own unit
                return k
        return None

    @staticmethod
    def _range_to_percent(doc: Doc, nxt: int, rules: RuleIndex, label: str = "PERCENT_SIGN") -> Span | None:
        """The percent sign (or the `label` mark) closing a range or pair that starts at the numeral before token
        nxt, else None: '20 to 30 percent', '12.1 and 8.4 percent', '5.97 and 3.18 times'."""
        if nxt + 1 >= len(doc) or doc[nxt].lower_ not in {"-", "–", "~", "～", "to", "and", ","}:
            return None
        if re.search(r"\d,\d{3}", doc[prev_tok(doc, nxt - 1)].text):
            return None  # 'numbered 9,800, 23.3 percent of the total': a grouped count, not a range's end
        k = next_tok(doc, nxt + 1)
        if k < len(doc) and is_num(doc[k]):
            return rules.starting_at(next_tok(doc, k + 1), label)
        return None

    def _not_a_count(self, doc: Doc, tok: Token, prv: int, nxt: int) -> str | None:
        info = tok._.num_info
        value = tok._.num
        text = tok.text
        after = doc[nxt].text if nxt < len(doc) else ""
        before = doc[prv].text if prv >= 0 else ""
        line_start = prv < 0 or "\n" in text_of(doc)[doc[prv].idx + len(doc[prv]) : tok.idx] or doc[prv].is_space
        if info["words"] and value == 1 and info["scale"] == 1 and not self._one_in_a_list(doc, tok, prv, nxt):
            return "the word 'one' is rarely a figure"
        if line_start and after in MARKER_AFTER and value < 100 and not info["decimals"]:
            return "list marker"
        if before in {"(", "（"} and after in {")", "）"}:
            return "list marker or number in a name"
        if info["glued"] and value < 10 and after in {"--", "—", "-"}:
            return "list marker glued to the previous item"
        if YEAR_RE.match(text) and not self.units.counted_noun_at(doc, nxt):
            return "year"
        if info["words"] and tok.text[:1].isupper() and not tok.is_sent_start and nxt < len(doc):
            if doc[nxt].text[:1].isupper() and doc[nxt].is_alpha:
                return "number word in a name"
        return None

    @staticmethod
    def _one_in_a_list(doc: Doc, tok: Token, prv: int, nxt: int) -> bool:
        """'25 of them were red-notice fugitives and one a hundred-red-notice fugitive', 'Among them, one was a
        minister, 26 were at bureau level', 'including one at provincial level and 12 ...': 'one' is a count
        as an item of a list of counts (another numeral in its sentence, before it after 'and', ',' or
        'including', or after it when a partitive lead opens the list); never in 'one of'."""
        if nxt < len(doc) and doc[nxt].lower_ in {"of", "another", "-", "–"}:
            return False
        if prv < 0:
            return False
        sent = sent_of(doc, tok.i)
        before = [t for t in doc[max(sent.start, tok.i - 15) : prv] if is_num(t) and t.text.lower() != "one"]
        after = [t for t in doc[nxt : min(sent.end, nxt + 15)] if is_num(t)]
        prev_word = doc[prv].lower_
        if prev_word in {"and", ",", "including", "include", "included"} and before:
            return True
        lead = (
            prv >= 2
            and doc[prv].text in {",", "，"}
            and doc[prev_tok(doc, prv - 1)].lower_ in {"them", "these", "whom", "which"}
        )
        return lead and bool(after)

    @staticmethod
    def _split_multiplier(doc: Doc, tok: Token) -> str | None:
        """'was 4.26 compared with the same period last year. Times.': the surface of the split, else None."""
        sent = sent_of(doc, tok.i)
        j = sent.end
        if j < len(doc) and doc[j].lower_ == "times" and doc[j - 1].text in SENT_ENDERS:
            if not any(is_num(t) for t in doc[tok.i + 1 : j]):
                return doc[tok.i : j + 1].text
        return None

    def _percentage_role(
        self, doc: Doc, d: Draft, rules: RuleIndex, quantity_toks: set[int], figure_toks: set[int]
    ) -> None:
        """Role, direction, basis and rate name of a percentage, from the cue words around it (`quantity_toks`:
        the tokens of every quantity, `figure_toks`: of every figure)."""
        i = d.tok
        end_tok = doc.char_span(d.start, d.end, alignment_mode="expand").end
        c_start = clause_start(doc, i)
        w_start = c_start
        for j in range(i - 1, c_start - 1, -1):
            # another figure bounds the window; a numeral inside a date ('the previous five years') does not
            if j in quantity_toks:
                w_start = j + 1
                break
        w_start = max(w_start, i - 12)
        approx_span = rules.ending_at(prev_tok(doc, i - 1) + 1, "APPROX")
        before_end = approx_span.start if approx_span is not None else i
        cues = [s for s in rules.within(w_start, before_end, "CHANGE", "SHARE", "RATE_WORD") if s.end <= before_end]
        # 'made up' is a share cue, not the change word 'up' inside it: drop cues nested in longer ones
        cues = [
            s
            for s in cues
            if not any(o is not s and o.start <= s.start and s.end <= o.end and len(o) > len(s) for o in cues)
        ]
        c_end = clause_end(doc, i)
        a_end = min(c_end, end_tok + 8)
        for j in range(end_tok, a_end):
            if is_num(doc[j]) or doc[j].text in {",", "，"}:
                a_end = j
                break
        after = rules.within(end_tok, a_end, "CHANGE", "CHANGE_AFTER")
        # a comparison word after the figure is its cue only right after it ('9 percent lower', '4.2 points above'),
        # not further on ('8.2% held posts at county level or above')
        after = [a for a in after if a.label_ == "CHANGE" or a.start <= next_tok(doc, end_tok)]
        cue = None
        near_before = [s for s in cues if before_end - s.end <= 4]
        if near_before:
            cue = near_before[-1]
        elif after:
            cue = after[0]
        elif cues:
            cue = cues[-1]
        if cue is None or cue.label_ != "RATE_WORD":
            # a rate named at the head of a long subject: 'The application rate of the leniency system ... 87.6%'
            far = [s for s in rules.within(max(c_start, i - 24), before_end, "RATE_WORD") if s.end <= before_end]
            # ('The appeal rates increased by 5% and 2.6%': a figure between is the rate word's, this one is listed)
            far = [s for s in far if not any(q in quantity_toks for q in range(s.end, i))]
            if far and cue is None:
                cue = far[-1]
        if cue is None:
            # 'keeping a 100% clearance rate', 'a 98.5% detection rate': the rate named right after the figure
            named_after = [
                s
                for s in rules.within(end_tok, min(c_end, end_tok + 4), "RATE_WORD")
                if all(t.is_alpha or t.text == "-" for t in doc[end_tok : s.start])
            ]
            cue = named_after[0] if named_after else None
        points = bool(d.fields.get("points"))
        nxt = next_tok(doc, end_tok)
        after_pair = past_restatement(doc, end_tok)  # 'Almost 70% (69.8%) of them'
        of_follows = any(k < len(doc) and doc[k].lower_ in {"of", "were", "are"} for k in (nxt, after_pair))
        prv = prev_tok(doc, i - 1)
        # '+9.3%', '-2.1%' in a table: the sign is the direction
        sign = doc[prv].text if prv >= 0 and not doc[prv].whitespace_ else ""
        if sign and prv > 0 and not doc[prv - 1].whitespace_ and doc[prv - 1].text not in "(（":
            sign = ""  # '20%-30%' is a range, not a fall of 30%
        if cue is None and prv >= 0 and doc[prv].text == "/":
            # 'Other increases were in trademarks (37,946 cases/39.58%); copyright (137,267/57.80%)': a table's
            # count/percentage pair takes the change word its sentence opened with
            opened = rules.within(sent_of(doc, i).start, prv, "CHANGE")
            cue = opened[0] if opened else None
        if cue is None and sign in {"+", "-", "−"}:
            d.set(role="change", direction="up" if sign == "+" else "down", basis="none")
            return
        # 'rose from 46.2% in 2015 to 89.7%': the level it started from is no change
        if prv >= 0 and doc[prv].lower_ == "from" and cue is not None and cue.label_ == "CHANGE":
            cue = None
        # 'the rate rose to 26.3%': a change word right before 'to' introduces the new level, not the change
        to_level = before_end > 0 and doc[prev_tok(doc, before_end - 1)].lower_ == "to"
        if to_level and cue is not None and cue.label_ == "CHANGE":
            rate_cues = [s for s in cues if s.label_ == "RATE_WORD"]
            cue = rate_cues[-1] if rate_cues else None
        if cue is not None and cue.label_ in ("CHANGE", "CHANGE_AFTER"):
            d.set(role="change", direction=self.attrs[cue.id_]["direction"])
        elif cue is not None and cue.label_ == "RATE_WORD":
            d.set(role="rate", rate_name=_rate_name(doc, cue))
        elif (cue is not None and cue.label_ == "SHARE") or of_follows:
            d.set(role="share")
        else:
            d.set(role="level")
        if points and d.fields["role"] != "change":
            d.fields.pop("points", None)  # points belong to changes only
        if d.fields["role"] == "change":
            d.set(**self._basis(doc, d, rules, w_start, end_tok, figure_toks))
            if any(t.lower_ in AVERAGE_WORDS for t in doc[w_start:i]):
                d.set(average=True)

    def _basis(self, doc: Doc, d: Draft, rules: RuleIndex, w_start: int, end_tok: int, figure_toks: set[int]) -> dict:
        """The comparison a change is measured against: nearest basis cue in its clause, before or after."""
        sent_end = sent_of(doc, d.tok).end
        stop = sent_end
        for j in range(end_tok, min(sent_end, end_tok + 16)):
            tok = doc[j]
            if tok.text in CLAUSE_BREAKS or (j in figure_toks and not _is_percent_at(doc, j)):
                stop = j
                break
        else:
            stop = min(sent_end, end_tok + 16)
        after = rules.within(end_tok, stop, "BASIS")
        before = rules.within(w_start, d.tok, "BASIS")
        if not before:
            # 'Compared with 2022, ..., the number increased by 8.9%': a comparison opening the sentence
            sent = sent_of(doc, d.tok)
            opening = next_tok(doc, sent.start) + 1
            before = [s for s in rules.starting_between(sent.start, opening + 1, "BASIS") if s.end <= d.tok]
        cue = after[0] if after else (before[-1] if before else None)
        if cue is None:
            return {"basis": "none"}
        basis = self.attrs[cue.id_]["basis"]
        if basis == "named_year":
            # the year as digits, wherever the tokenizer cut: 'from 2015·5·5' names 2015
            years = BASIS_YEAR_RE.findall(cue.text)
            return {"basis": basis, "basis_year": int(years[-1])} if years else {"basis": "none"}
        return {"basis": basis}

    @staticmethod
    def _inherit_list_roles(doc: Doc, drafts: list[Draft]) -> None:
        """'accounting for 17.3%; 113,454 people for fraud, 10.4%': a percentage with no cue of its own takes
        the role of the percentage before it in the same sentence; 'up 28.6% and 24.5%' likewise."""
        prev = None
        for d in drafts:
            if d.kind != "percentage":
                continue
            if (
                prev is not None
                and d.fields.get("role") == "level"
                and sent_of(doc, prev.tok).start == sent_of(doc, d.tok).start
            ):
                gap_start = doc.char_span(prev.start, prev.end, alignment_mode="expand").end
                adjacent = only_joiners(doc, gap_start, d.tok)
                if adjacent or prev.fields.get("role") == "share" or _parallel_change(doc, prev, gap_start, d.tok):
                    for key in ("role", "direction", "basis", "basis_year", "average"):
                        if key in prev.fields:
                            d.fields[key] = prev.fields[key]
                    if d.fields.get("role") != "change":
                        d.fields.pop("points", None)
            prev = d
        # '20%-30% of the funds': the two ends of a range share the role the cue gave either of them
        pcts = [d for d in drafts if d.kind == "percentage"]
        for a, b in itertools.pairwise(pcts):
            gap = text_of(doc)[a.end : b.start].strip()
            if gap in RANGE_JOINERS and (a.fields.get("role") == "level") != (b.fields.get("role") == "level"):
                src, dst = (a, b) if b.fields.get("role") == "level" else (b, a)
                for key in ("role", "direction", "basis", "basis_year", "rate_name"):
                    if key in src.fields:
                        dst.fields[key] = src.fields[key]


class Intervals:
    """Character spans, merged and sorted once, asked 'does [start, end) overlap any?' in O(log n)."""

    def __init__(self, spans: list[tuple[int, int]]):
        merged: list[list[int]] = []
        for s, e in sorted(spans):
            if merged and s < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect.bisect_left(self.starts, end) - 1  # the last span starting before `end`: the furthest-reaching
        return k >= 0 and self.ends[k] > start


def _is_percent_at(doc: Doc, j: int) -> bool:
    k = next_tok(doc, j + 1)
    return k < len(doc) and doc[k].lower_ in {"%", "％", "percent", "per", "pct", "percentage"}


def _rate_name(doc: Doc, cue: Span) -> str:
    """'the non-arrest rate' -> 'non-arrest rate': up to three words before 'rate', no determiners."""
    stop = {"the", "a", "an", "its", "their", "of", "with", "and", "was", "is", "this", "that", ",", "our"}
    words = []
    j = cue.start - 1
    while j >= 0 and len(words) < 6:
        t = doc[j]
        if t.lower_ in stop or not (t.is_alpha or t.text in {"-"}) or is_num(t):
            break
        words.insert(0, t.text_with_ws)
        j -= 1
    if not words and cue.end + 1 < len(doc) and doc[cue.end].lower_ == "of":
        # 'a rate of adoption of 80%', 'the rate of non-arrest was 20.9%': the name follows
        after = []
        for t in doc[cue.end + 1 : cue.end + 5]:
            if t.lower_ in stop or not (t.is_alpha or t.text == "-") or is_num(t):
                break
            after.append(t.text_with_ws)
        if after:
            words = [cue.text_with_ws, doc[cue.end].text_with_ws, *after]
            name = "".join(words).lower().strip()
            return re.sub(r"\s+", " ", re.sub(r"\s*-\s*", "-", name))
    name = ("".join(words) + cue.text).lower().strip()
    name = re.sub(r"\s*-\s*", "-", name)
    return re.sub(r"\s+", " ", name)


def _parallel_change(doc: Doc, prev: Draft, start: int, end: int) -> bool:
    """'jumped by 52.4 percent at the county level and 75 percent at the municipal level': a bare percentage
    after a change, the words between them a short phrase ending in 'and' (no figure, no clause break), is the
    same kind of change."""
    gap = doc[start:end]
    words = [t for t in gap if not t.is_space]
    return (
        prev.fields.get("role") == "change"
        and 2 <= len(words) <= 8
        and words[-1].lower_ in ("and", "while", "but")
        and not any(is_num(t) or t.text in CLAUSE_BREAKS or t.is_sent_start for t in words)
    )


def _glued_hyphen(doc: Doc, i: int, nxt: int) -> bool:
    """Whether token i is joined to the token after next by a hyphen with no space around it ('18.4-pct')."""
    return (
        nxt == i + 1
        and nxt + 1 < len(doc)
        and doc[nxt].text == "-"
        and not doc[i].whitespace_
        and not doc[nxt].whitespace_
    )


def _age_range(doc: Doc, i: int, prv: int) -> bool:
    """'The ages of juvenile offenders are mainly between 15 and 17', 'between the ages of 14 and 16': either end
    of a 'between' range whose clause speaks of age (AGE_WORDS before 'between') is an age, no count."""
    k = prv
    if k >= 0 and doc[k].lower_ == "and":  # the far end: back over the near end to 'between'
        near = prev_tok(doc, k - 1)
        if near < 0 or not is_num(doc[near]):
            return False
        k = prev_tok(doc, near - 1)
    steps = 0
    while k >= 0 and doc[k].lower_ != "between" and doc[k].is_alpha and steps < 3:
        k = prev_tok(doc, k - 1)  # 'between the ages of 14'
        steps += 1
    if k < 0 or doc[k].lower_ != "between":
        return False
    sent = sent_of(doc, i)
    words = [t.lower_ for t in doc[max(sent.start, k - 12) : i] if t.is_alpha]
    return any(w in AGE_WORDS for w in words)
