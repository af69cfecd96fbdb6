"""extractor_relations: link each figure to what it qualifies ('of', 'whole') and find parts, sums, conversions."""

from __future__ import annotations

import itertools
from types import SimpleNamespace

from spacy.language import Language
from spacy.tokens import Doc

from extractor.checks.rates import LABEL as RATE_LABEL
from extractor.checks.rates import rate_relations, resolve_rates
from extractor.components.context import Component, Draft, RuleIndex, doc_context, prev_tok, sent_of, text_of
from extractor.components.relations.changes import ChangesMixin
from extractor.components.relations.common import CONVERSION_GAP, _is_baseline
from extractor.components.relations.parts import PartsMixin
from extractor.components.relations.shares import SharesMixin
from extractor.rules import pipeline_rows
from extractor.unit_classes import LABELS as UNIT_LABELS
from extractor.unit_classes import UnitTable


@Language.factory(
    "extractor_relations",
    assigns=["doc._.draft_relations"],
    default_config={"patterns_dirs": []},
)
def make_relations(nlp: Language, name: str, patterns_dirs: list[str]) -> RelationLinker:
    """Factory: the linker."""
    return RelationLinker(name, patterns_dirs)


class RelationLinker(ChangesMixin, PartsMixin, SharesMixin, Component):
    """Links figures in the order the genre needs: conversions, 'respectively' lists, parts and wholes, then
    each remaining change or multiplier to the nearest figure before it, and each share to its part and whole."""

    def __init__(self, name: str, patterns_dirs: list[str]):
        self.name = name
        rows = pipeline_rows(patterns_dirs)
        self.attrs = {r.id: r.attrs for r in rows}
        self.units = UnitTable(r for r in rows if r.label in UNIT_LABELS)
        self.rates = resolve_rates([r for r in rows if r.label == RATE_LABEL])

    def __call__(self, doc: Doc) -> Doc:
        drafts: list[Draft] = doc._.drafts or []
        rels: list[dict] = []
        if not drafts:
            doc._.draft_relations = rels
            RuleIndex.release(doc)
            return doc
        rules = RuleIndex.of(doc)
        ctx = doc_context(doc)
        ctx.draft_at = {d.tok: d for d in drafts}  # the draft at each token, for the helpers (this call only)
        try:
            self._conversions(doc, drafts, rels)
            self._respectively(doc, drafts, rules, rels)
            self._parallel_changes(doc, drafts, rules)
            parts = self._parts(doc, drafts, rules, rels)
            parts |= self._continued_parts(doc, drafts, rels)
            parts |= self._further_parts(doc, drafts, rels)
            parts |= self._colon_lists(doc, drafts, rels)
            self._restated_act_lists(doc, drafts, rels)
            self._sums(doc, rules, rels)
            self._totals(doc, drafts, rules, rels)
            self._forms(doc, drafts, rels)
            self._other_lists(doc, rels)
            self._intake_pairs(doc, rels)
            self._shares(doc, drafts, rels)
            parts |= self._ranked_lists(doc, drafts, rules, rels)
            parts |= self._running_totals(doc, drafts, rules, rels)
            self._nearest_links(doc, drafts, rules, parts)
            self._fill_units(doc, drafts, rels)
            self._rates(doc, drafts, rels)
        finally:
            # nothing of the doc (its spans, in the rule index) outlives the call, or a memory zone around it
            ctx.draft_at, ctx.own_cue = None, set()
        doc._.draft_relations = rels
        RuleIndex.release(doc)
        return doc

    # -- named rates ---------------------------------------------------------------------------------------
    def _rates(self, doc: Doc, drafts: list[Draft], rels: list[dict]) -> None:
        """'the non-arrest rate was 22.4%': a `rate` relation when the rate's definition (patterns/rates.jsonl)
        finds its counts before it, in its sentence or the one before, by their actions and subjects (the audit's
        named_rate check reads it)."""
        if not any(d.fields.get("role") == "rate" for d in drafts):
            return
        views = [
            SimpleNamespace(
                id=str(n),
                kind=d.kind,
                start=d.start,
                value=float(d.value) if not isinstance(d.value, str) else d.value,
                **{k: d.fields.get(k) for k in ("role", "rate_name", "action", "subject", "unit")},
            )
            for n, d in enumerate(drafts)
        ]
        # an earlier figure a change is measured from ('an increase of 51% over 2,080 cases in 2016') is no count
        # of the rate's period
        bases = {id(x.fields["baseline"]) for x in drafts if isinstance(x.fields.get("baseline"), Draft)}
        bases |= {id(x) for x in drafts if x.kind == "count" and _is_baseline(doc, x.tok)}
        found = []
        for n, d in enumerate(drafts):
            if d.fields.get("role") != "rate":
                continue
            # the counts a rate is worked out from are stated with it: in its sentence or the one before
            sent = sent_of(doc, d.tok)
            scope = sent_of(doc, sent.start - 1).start if sent.start > 0 else sent.start
            lo = doc[scope].idx
            near = [v for v, x in zip(views, drafts, strict=True) if lo <= x.start <= d.start and id(x) not in bases]
            found += [r for r in rate_relations(SimpleNamespace(facts=near), rates=self.rates) if r["rate"] == str(n)]
        for rel in found:
            rel.update(
                rate=drafts[int(rel["rate"])],
                numerator=drafts[int(rel["numerator"])],
                denominator=[drafts[int(i)] for i in rel["denominator"]],
            )
            rels.append(rel)

    # -- conversions ---------------------------------------------------------------------------------------
    @staticmethod
    def _conversions(doc: Doc, drafts: list[Draft], rels: list[dict]) -> None:
        money = [d for d in drafts if d.kind == "money"]
        for a, b in itertools.pairwise(money):
            gap = text_of(doc)[a.end : b.start]
            if a.fields.get("currency") != b.fields.get("currency") and CONVERSION_GAP.match(gap):
                rels.append({"type": "conversion", "from": a, "to": b, "cue": gap.strip() or None})
                b.fields["_converted"] = True

    # -- units of bare counts ------------------------------------------------------------------------------
    @staticmethod
    def _fill_units(doc: Doc, drafts: list[Draft], rels: list[dict]) -> None:
        """A count with no noun ('287 of which had been cracked', 'nine Class A and 24 Class B suspects') takes
        its unit from, in order: the count it is coordinated with, the whole a cue made it part of, the count
        before it in its sentence, a whole found through shares, the verb ('Prosecuted 405,000 for ...')."""
        from extractor.components.units import CASE_ACTIONS, PERSON_ACTIONS
        from extractor.unit_classes import bundled_units

        cue_whole = {id(r["part"]): r["whole"] for r in rels if r["type"] == "part_of" and r["_via"] != "share"}
        share_whole = {id(r["part"]): r["whole"] for r in rels if r["type"] == "part_of" and r["_via"] == "share"}
        counts = [d for d in drafts if d.kind == "count"]
        bare = {id(d) for d in counts if "unit" not in d.fields}  # ids: a Draft compares by value, slowly
        base_of = {
            id(x.fields["baseline"]): x.fields["of"]
            for x in drafts
            if isinstance(x.fields.get("baseline"), Draft) and isinstance(x.fields.get("of"), Draft)
        }
        for n, d in enumerate(counts):
            if id(d) not in bare:
                continue
            if id(d) in base_of and base_of[id(d)].fields.get("unit"):
                # 'up 9.2% from 53,400 in 2021': the earlier figure counts what the later one counts
                d.fields["unit"] = base_of[id(d)].fields["unit"]
                continue
            sent = sent_of(doc, d.tok)
            nxt = counts[n + 1] if n + 1 < len(counts) else None
            prev = counts[n - 1] if n else None
            unit = None
            if nxt is not None and nxt.tok - d.tok <= 6 and any(t.lower_ == "and" for t in doc[d.tok : nxt.tok]):
                unit = nxt.fields.get("unit")
            if unit is None and id(d) in cue_whole and prev is not None and cue_whole.get(id(prev)) is cue_whole[id(d)]:
                unit = prev.fields.get("unit")  # '53 officials at ..., 3,500 at ... and 28,000 at ...'
            if unit is None and id(d) in cue_whole:
                unit = cue_whole[id(d)].fields.get("unit")
            action = d.fields.get("action") or ""
            if unit is None and prev is not None and sent_of(doc, prev.tok).start == sent.start:
                unit = prev.fields.get("unit")
                # 'opened 204,000 cases, and disciplined 176,000': a verb about people of its own counts persons,
                # not the cases of the count before
                own_verb = action and action != (prev.fields.get("action") or "")
                if own_verb and PERSON_ACTIONS.search(action) and bundled_units().root(unit) != "person":
                    unit = "person"
            if unit is None and id(d) in share_whole:
                unit = share_whole[id(d)].fields.get("unit")
            if unit is None and prev is not None and _opens_as_subject(doc, d, sent):
                # 'inspectors located 48,000 unlicensed vendors. About 31,000 were ordered to close': a bare count
                # opening its sentence as the subject of its verb counts what the sentence before counted
                before = sent_of(doc, prev.tok)
                named = [x for x in counts[:n] if before.start <= x.tok < before.end and x.fields.get("_unit_noun")]
                just_before = sent_of(doc, prev_tok(doc, sent.start - 1)).start == before.start
                adjacent = before.end <= sent.start and just_before
                if adjacent and named:
                    unit = named[-1].fields.get("unit")
            if unit is None and PERSON_ACTIONS.search(action):
                unit = "person"
            if unit is None and CASE_ACTIONS.search(action):
                unit = "case"
            if unit:
                d.fields["unit"] = unit
        # 'Discipline bodies investigated 220,000 officials. Of those investigated, 58 were at the provincial level':
        # 'those' says persons, and the whole says which persons; the part takes its unit from its whole
        for r in rels:
            if r["type"] != "part_of":
                continue
            part, whole = r["part"], r["whole"]
            wu = whole.fields.get("unit")
            if (
                (r["cue"] or "").endswith("those")
                and part.fields.get("unit") == "person"
                and not part.fields.get("_unit_noun")
                and wu
                and wu != "person"
                and bundled_units().root(wu) == "person"
            ):
                part.fields["unit"] = wu


SUBJECT_LEADS = ("about", "some", "nearly", "over", "more", "than", "almost", "around", "roughly")


def _opens_as_subject(doc: Doc, d: Draft, sent) -> bool:
    """True when bare count d opens its sentence (after its bounds only) and a verb follows it: 'About 31,000
    were ordered to close', 'Some 5,200 were handed to prosecutors'."""
    if d.tok - sent.start > 4:
        return False  # bounded: a sentence without stops holds thousands of counts
    lead = [t for t in doc[sent.start : d.tok] if not t.is_space]
    if any(t.lower_ not in SUBJECT_LEADS for t in lead):
        return False
    nxt = d.tok + 1
    while nxt < len(doc) and doc[nxt].is_space:
        nxt += 1
    return nxt < len(doc) and doc[nxt].lower_ in {"were", "was", "had", "have", "are", "is"}
