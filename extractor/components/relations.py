"""extractor_relations: link each figure to what it qualifies ('of', 'whole') and find parts, sums, conversions."""

from __future__ import annotations

import bisect
import itertools
import re
from types import SimpleNamespace

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractor.checks.rates import LABEL as RATE_LABEL
from extractor.checks.rates import rate_relations, resolve_rates
from extractor.components.context import (
    CLAUSE_BREAKS,
    LIST_JOINERS,
    Component,
    Draft,
    RuleIndex,
    clause_start,
    doc_context,
    is_num,
    next_tok,
    past_restatement,
    prev_tok,
    sent_of,
    text_of,
)
from extractor.kinds import ITEM_KINDS
from extractor.lexicon import verb_classes, words
from extractor.rules import pipeline_rows
from extractor.unit_classes import LABEL as UNIT_CLASS
from extractor.unit_classes import UnitTable

RANGE = {"-", "–", "~", "～"}
PREPOSITIONS = words("part_prepositions")
# words that end the noun a partitive cue names ('Twelve of the cases were ...')
NOUN_STOPS = words("partitive_noun_stop")
# verbs that name one act ('punished', 'penalized', 'disciplined'): each word maps to its class's first word
VERB_CLASS = verb_classes()
AUXILIARIES = words("auxiliary")
# words that present a figure as a total ('a total of', 'various'): 'of the total' may then name it firmly
TOTAL_MARKERS = words("total_marker")
# words between 'with' and its first part: 'with a total of 6,400 prosecuted'
WITH_GLUE = words("with_glue")
CONVERSION_GAP = re.compile(
    r"^\s*(?:[(（]|,?\s*(?:or|i\.e\.|equivalent to|worth))\s*"
    r"(?:about|approximately|around|roughly|some|nearly|almost|over|more than|or|equivalent to|approx\.)?\s*$",
    re.I,
)
QUOTES = "\"“”'‘’"
# how many tokens before it a change looks for its figure: the longest link on the dev corpus spans ~40
LINK_WINDOW = 150
LIST_MAX = 60  # items a list of parts may run to (a line of figures without stops is no list)
RANK_REACH = 200  # counts a ranking looks back over for the total its paragraph opened with


def _last_before(drafts: list[Draft], lo: int, hi: int, wanted) -> Draft | None:
    """The last draft with its token in [lo, hi) that is `wanted`: bisected in the drafts (sorted by token)
    and read back from hi, so a figure looks at its own sentence or clause, not at every figure of the doc."""
    i = bisect.bisect_left(drafts, hi, key=lambda x: x.tok) - 1
    while i >= 0 and drafts[i].tok >= lo:
        if wanted(drafts[i]):
            return drafts[i]
        i -= 1
    return None


@Language.factory(
    "extractor_relations",
    assigns=["doc._.draft_relations"],
    default_config={"patterns_dirs": []},
)
def make_relations(nlp: Language, name: str, patterns_dirs: list[str]) -> RelationLinker:
    """Factory: the linker."""
    return RelationLinker(name, patterns_dirs)


class RelationLinker(Component):
    """Links figures in the order the genre needs: conversions, 'respectively' lists, parts and wholes, then
    each remaining change or multiplier to the nearest figure before it, and each share to its part and whole."""

    def __init__(self, name: str, patterns_dirs: list[str]):
        self.name = name
        rows = pipeline_rows(patterns_dirs)
        self.attrs = {r.id: r.attrs for r in rows}
        self.units = UnitTable(r for r in rows if r.label == UNIT_CLASS)
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
            self._sums(doc, rules, rels)
            self._totals(doc, drafts, rules, rels)
            self._forms(doc, drafts, rels)
            self._other_lists(doc, rels)
            self._shares(doc, drafts, rels)
            parts |= self._ranked_lists(doc, drafts, rules, rels)
            parts |= self._running_totals(doc, drafts, rules, rels)
            self._nearest_links(doc, drafts, rules, parts)
            self._fill_units(doc, drafts, rels)
            self._rates(drafts, rels)
        finally:
            # nothing of the doc (its spans, in the rule index) outlives the call, or a memory zone around it
            ctx.draft_at, ctx.own_cue = None, set()
        doc._.draft_relations = rels
        RuleIndex.release(doc)
        return doc

    def _part_of(
        self, rels: list[dict], part: Draft, whole: Draft, cue: Span | str | None, confidence: str, via: str = "cue"
    ) -> None:
        """Record that `part` is a subset of `whole`, with its cue and how firmly the wording binds the two; two
        nouns of different classes ('fugitives' among 'guns') leave the link a guess, while a unit read from the
        words around a bare count ('Of the 470,000 filed') does not overrule the cue."""
        pu, wu = part.fields.get("unit"), whole.fields.get("unit")
        nouns = part.fields.get("_unit_noun") and whole.fields.get("_unit_noun")
        if pu and wu and nouns and not self.units.kin(pu, wu):
            confidence = "inferred"
        text, pattern_id = (cue.text.lower(), cue.id_) if isinstance(cue, Span) else (cue, None)
        same = next((r for r in rels if r["type"] == "part_of" and r["part"] is part and r["whole"] is whole), None)
        if same is not None:
            # two rules found one link ('Of them, 18,000 ..., 15% of all people indicted'): keep the firmer
            if FIRMNESS[confidence] > FIRMNESS[same["confidence"]]:
                same.update(cue=text, pattern_id=pattern_id, confidence=confidence)
            return
        rels.append(
            {
                "type": "part_of",
                "part": part,
                "whole": whole,
                "cue": text,
                "pattern_id": pattern_id,
                "confidence": confidence,
                "_via": via,
            }
        )

    # -- named rates ---------------------------------------------------------------------------------------
    def _rates(self, drafts: list[Draft], rels: list[dict]) -> None:
        """'the non-arrest rate was 22.4%': a `rate` relation when the rate's definition (patterns/rates.jsonl)
        finds its counts before it by their actions and subjects (the audit's named_rate check reads it)."""
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
        for rel in rate_relations(SimpleNamespace(facts=views), rates=self.rates):
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

    # -- respectively --------------------------------------------------------------------------------------
    def _respectively(self, doc: Doc, drafts: list[Draft], rules: RuleIndex, rels: list[dict]) -> None:
        done_until = -1
        # drafts and quantities are sorted by token: each cue bisects its window and reads it from its end, as
        # far as it needs (a long sentence of lists without items was walked whole once per cue)
        toks = [d.tok for d in drafts]
        converted = [d for d in drafts if d.fields.get("_converted")]
        slot_index: dict[tuple[str, ...], tuple[list[int], list[Draft | None]]] = {}
        for cue in rules.by_label.get("RESPECTIVELY", ()):
            sent = sent_of(doc, cue.start)
            lo = bisect.bisect_left(toks, max(sent.start, done_until + 1))
            # the drafts before the cue in its sentence (not yet in a list), restated amounts left out, last first
            before_rev = (drafts[i] for i in range(bisect.bisect_left(toks, cue.start) - 1, lo - 1, -1))
            before_rev = (d for d in before_rev if not d.fields.get("_converted"))
            last = next(before_rev, None)
            if last is None:
                continue
            qual_kind = last.kind
            k = bisect.bisect_left(toks, cue.end)
            nxt_draft = drafts[k] if k < len(drafts) else None
            share_after = (
                nxt_draft is not None
                and nxt_draft.kind == "percentage"
                and nxt_draft.fields.get("role") == "share"
                and nxt_draft.tok < sent.end
                and nxt_draft.tok - cue.end <= 4
                and self._only_share_words(doc, cue.end, nxt_draft.tok, rules)
            )
            if share_after or qual_kind == "count":
                before = [*reversed([*before_rev]), last]  # read whole: the list takes the window (done_until)
                if qual_kind != "count":
                    # 'copyright cases were 313,497, up 19.6%, respectively accounting for 5.4%, 14.9% and 59.6%':
                    # the shares after the cue pair with the counts, whatever qualifies those counts on the way
                    before = [d for d in before if d.kind == "count"]
                # 'charged 31,000, 9,800 and 1,120 people ... respectively, accounting for 1.8%, 0.6% and 0.07%'
                self._respectively_after(doc, cue, sent, before, (drafts, toks, converted), rules, rels)
                done_until = cue.start
                continue
            quals: list[Draft] = []
            for d in itertools.chain((last,), before_rev):
                if qual_kind == "money":
                    if d.kind != "money":
                        break
                elif d.kind not in ("percentage", "multiplier"):
                    break
                # a list is contiguous: 'up 28.6% and 24.5%', 'down 3.4 percent and up 19.2 percent'
                if quals and not self._list_gap(doc, d, quals[0], rules, converted):
                    break
                quals.insert(0, d)
            if len(quals) < 2:
                continue
            first = quals[0]
            item_kinds = ("count",) if qual_kind == "money" else ITEM_KINDS
            items = self._slots(doc, sent.start, first.tok, item_kinds, done_until, slot_index)
            confidence = "stated"
            if not items and sent.start > 0:
                # 'Police solved 1,200 robberies, ... and 78 kidnappings. These represent drops of 12.5%, ...,
                # respectively': the items are the sentence before, when this one refers back to it and that
                # one lists as many figures
                prev_sent = sent_of(doc, sent.start - 1)
                earlier = self._slots(doc, prev_sent.start, prev_sent.end, item_kinds, done_until, slot_index)
                same_para = "\n\n" not in text_of(doc)[prev_sent.end_char : sent.start_char]
                refers_back = doc[next_tok(doc, sent.start)].lower_ in BACK_REFERENCES
                if len(earlier) == len(quals) and same_para and refers_back:
                    items, confidence = earlier, "cued"
            if items and len(items) < len(quals) and sent.start > 0:
                prev_sent = sent_of(doc, sent.start - 1)
                if "\n\n" not in text_of(doc)[prev_sent.end_char : sent.start_char + 1]:
                    earlier = self._slots(doc, prev_sent.start, sent.start, item_kinds, done_until, slot_index)
                    items = earlier[-(len(quals) - len(items)) :] + items
            if not items:
                continue
            self._pair(items, quals, rels, cue, confidence)
            self._whole_after(doc, cue, quals)
            done_until = cue.start

    def _whole_after(self, doc: Doc, cue: Span, quals: list[Draft]) -> None:
        """'accounting for 60% and 45% respectively of the 200,000 cases': the shares' common whole."""
        k = next_tok(doc, cue.end)
        if k < len(doc) and doc[k].lower_ == "of":
            k = next_tok(doc, k + 1)
            if k < len(doc) and doc[k].lower_ in {"the", "all"}:
                k = next_tok(doc, k + 1)
            whole = _draft_at(doc).get(k)
            if whole is not None and whole.kind in ITEM_KINDS:
                for q in quals:
                    if q.kind == "percentage" and q.fields.get("role") == "share":
                        _link(q, "whole", whole, "respectively of", "stated", cue.id_)

    def _parallel_changes(self, doc: Doc, drafts: list[Draft], rules: RuleIndex) -> None:
        """'issued 4.23 million warrants and brought 4.69 million persons to court, up 20.5 percent and 32.8
        percent', '..., 13.2 percent and 9.9 percent down': a list of changes sharing one cue, after at least as
        many counts in its sentence, pairs with the last of them in order (a 'respectively' the translation left
        out); a member without its own cue takes the list's direction. Read from order alone, so 'inferred'."""
        pcts = [
            d
            for d in drafts
            if d.kind == "percentage"
            and "of" not in d.fields
            and not d.fields.get("_resp")
            and d.fields.get("role") in ("change", "level")
            and not d.fields.get("points")
        ]
        toks = [d.tok for d in drafts]  # drafts are sorted by token: each group reads its sentence by bisection
        i = 0
        while i < len(pcts):
            group = [pcts[i]]
            while i + len(group) < len(pcts) and self._list_gap(doc, group[-1], pcts[i + len(group)], rules, drafts):
                group.append(pcts[i + len(group)])
            i += len(group)
            changes = [d for d in group if d.fields.get("role") == "change"]
            if len(group) < 2 or len(changes) < len(group) - 1 or not changes:
                continue
            sent = sent_of(doc, group[0].tok)
            if rules.any_within(sent.start, sent.end, "RESPECTIVELY"):
                continue
            window = drafts[bisect.bisect_left(toks, sent.start) : bisect.bisect_left(toks, group[0].tok)]
            counts = [d for d in window if d.kind == "count" and not d.fields.get("_converted")]
            if len(counts) < len(group):
                continue
            items = counts[-len(group) :]
            if any(d.kind != "count" and d.tok > items[0].tok for d in window):
                continue  # another figure between the counts and the list: no plain pairing
            ref = changes[0]
            for item, q in zip(items, group, strict=True):
                if q.fields.get("role") != "change":
                    q.fields["role"] = "change"
                    q.fields.update({k: ref.fields[k] for k in ("direction", "basis", "basis_year") if k in ref.fields})
                _link(q, "of", item, "in order", "inferred")
                q.fields["_resp"] = True

    @staticmethod
    def _pair(
        items: list[Draft | None], quals: list[Draft], rels: list[dict], cue: Span, confidence: str = "stated"
    ) -> None:
        """Record a 'respectively' list and, when the lists line up, link each qualifier to its item. An item
        slot of None is a quantity that is no fact ('550,000 tonnes'): it keeps its place in the list."""
        aligned = len(items) == len(quals)
        rels.append(
            {
                "type": "respectively",
                "items": [i for i in items if i is not None],
                "qualifiers": quals,
                "aligned": aligned,
                "cue": cue.text.lower(),
                "pattern_id": cue.id_,
                "confidence": confidence,
            }
        )
        if aligned:
            for item, qual in zip(items, quals, strict=True):
                if item is not None:
                    _link(qual, "of", item, cue.text.lower(), confidence, cue.id_)
        for q in quals:
            q.fields["_resp"] = True

    def _slots(
        self, doc: Doc, start: int, end: int, kinds: tuple[str, ...], done_until: int, index: dict
    ) -> list[Draft | None]:
        """The items a 'respectively' list can pair with in tokens [start, end): figures of `kinds`, and
        measures ('550,000 tonnes of waste'), which hold a place without being facts. `index`: per `kinds`, the
        tokens and slots of the doc in order (built once per doc), bisected for the window."""
        if kinds not in index:
            slots = [
                (tok_i, q)
                for tok_i, q, reason in doc._.quantities or []
                if (q is None and reason == "measure")
                or (q is not None and q.kind in kinds and not q.fields.get("_converted"))
            ]
            index[kinds] = ([tok_i for tok_i, _q in slots], [q for _tok_i, q in slots])
        toks, slots = index[kinds]
        return slots[bisect.bisect_left(toks, max(start, done_until + 1)) : bisect.bisect_left(toks, end)]

    @staticmethod
    def _only_share_words(doc: Doc, start: int, end: int, rules: RuleIndex) -> bool:
        """True when tokens [start, end) are a share cue ('accounting for'), commas and spaces only."""
        cue_toks = {i for s in rules.within(start, end, "SHARE") for i in range(s.start, s.end)}
        return all(t.is_space or t.text in {",", "，"} or t.i in cue_toks for t in doc[start:end]) and bool(cue_toks)

    def _respectively_after(self, doc, cue, sent, before, index, rules, rels) -> None:
        """Items before 'respectively', qualifiers after it: 'charged 31,000, 9,800 and 1,120 people for ...
        respectively, accounting for 1.8%, 0.6% and 0.07% of the total'. `index`: (drafts, their tokens, the
        restated amounts among them)."""
        drafts, toks, converted = index
        if not before:
            return
        items = [before[-1]]
        adjacent = True
        for d in reversed(before[:-1]):
            gap = [
                t
                for t in doc[doc.char_span(d.start, d.end, alignment_mode="expand").end : items[0].tok]
                if not t.is_space
            ]
            if d.kind != "count" or len(gap) > 2 or any(t.lower_ not in {",", "，", "and", "、"} for t in gap):
                adjacent = False
                break
            items.insert(0, d)
        window = drafts[bisect.bisect_left(toks, cue.end) : bisect.bisect_left(toks, sent.end)]
        after = [d for d in window if not d.fields.get("_converted")]
        if not adjacent and len(items) == 1:
            # one item per clause: 'patent cases was 28,528, up 27.3%; trademark cases was 78,157, up 10.2%; ...'
            n = sum(1 for d in after if d.kind == "percentage")
            items = [d for d in before if d.kind == "count"][-n:] if n else items
        if len(items) < 2 or not after or after[0].kind not in ("percentage", "money", "multiplier"):
            return
        if after[0].tok - cue.end > 8:
            return
        quals = [after[0]]
        for d in after[1:]:
            if d.kind != quals[0].kind or not self._list_gap(doc, quals[-1], d, rules, converted):
                break
            quals.append(d)
        self._pair(items, quals, rels, cue)

    @staticmethod
    def _list_gap(doc: Doc, a: Draft, b: Draft, rules: RuleIndex, converted_drafts: list[Draft]) -> bool:
        """True when only list words stand between qualifiers a and b ('and', ',', 'up', 'an increase of'),
        a restated amount in brackets included ('13.66 billion yuan (about 1.9 billion U.S. dollars) and');
        `converted_drafts`: the figures, in document order, whose characters the gap may hold (the restated
        amounts of the doc; for the in-order change lists, every draft)."""
        start = doc.char_span(a.start, a.end, alignment_mode="expand").end
        # the drafts are in document order: the ones starting in the gap by bisection (a filter of them all per
        # pair made a line of changes without stops quadratic)
        lo = bisect.bisect_left(converted_drafts, a.end, key=lambda d: d.start)
        converted = []
        while lo < len(converted_drafts) and converted_drafts[lo].start < b.start:
            converted.append((converted_drafts[lo].start, converted_drafts[lo].end))
            lo += 1
        ok = {i for s in rules.within(start, b.tok, "CHANGE", "APPROX", "BASIS") for i in range(s.start, s.end)}
        gap = [
            t
            for t in doc[start : b.tok]
            if not t.is_space
            and t.i not in ok
            and t.text not in "()（）"
            and not any(s <= t.idx < e for s, e in converted)
        ]
        return len(gap) <= 4 and all(t.lower_ in {"and", ",", "、", "，", "as", "well", "or"} for t in gap)

    # -- parts and wholes ----------------------------------------------------------------------------------
    def _parts(self, doc: Doc, drafts: list[Draft], rules: RuleIndex, rels: list[dict]) -> set[int]:
        counts = [d for d in drafts if d.kind == "count"]
        parts: dict[int, Draft] = {}
        # a count right before a partitive cue of its own ('212 of the officials') is that cue's part
        doc_context(doc).own_cue = {
            prev_tok(doc, c.start - 1)
            for c in rules.by_label.get("PART_CUE", ())
            if self.attrs[c.id_]["mode"] in ("of_them", "count_of")
        }

        def add(part: Draft, whole: Draft | None, how: str, confidence: str) -> None:
            if whole is None or part is whole or id(part) in parts or (whole.tok > part.tok and how != "of_the"):
                return
            parts[id(part)] = whole
            self._part_of(rels, part, whole, cue, confidence)

        references: set[int] = set()
        for cue in rules.by_label.get("PART_CUE", ()):
            mode = self.attrs[cue.id_]["mode"]
            sent = sent_of(doc, cue.start)
            if mode in ("including", "with") and rules.within(sent.start, cue.start, "RANK_CUE"):
                continue  # 'The commonest offences included 2,105 for ...': a ranking, read by _ranked_lists
            if cue.text[:2].lower() == "of" and doc[prev_tok(doc, cue.start - 1)].lower_ in NOUNS_BEFORE_OF:
                continue  # 'the total number of those punished': a noun phrase, no partitive
            # the counts around the cue in its sentence, bisected and bounded (a sentence without stops holds
            # thousands of figures and cues)
            lo, hi = max(sent.start, cue.start - LINK_WINDOW), min(sent.end, cue.end + LINK_WINDOW)
            in_sent = counts[bisect.bisect_left(counts, lo, key=_tok) : bisect.bisect_left(counts, hi, key=_tok)]
            list_end = sent.end
            if mode in ("among", "of_them") and all(t.is_punct or t.is_space for t in doc[cue.end : sent.end]):
                # 'Among them,' left alone on its line (a list set out as paragraphs): the list is the next sentence
                if next_tok(doc, sent.end) < len(doc):
                    nxt_sent = sent_of(doc, next_tok(doc, sent.end))
                    in_sent = [d for d in counts if nxt_sent.start <= d.tok < nxt_sent.end]
                    list_end = nxt_sent.end
            after = [d for d in in_sent if d.tok >= cue.end]
            before = [d for d in in_sent if d.tok < cue.start]
            at_sentence_start = all(t.is_space or t.text in QUOTES for t in doc[sent.start : cue.start])
            # counts named as the earlier figure ('compared with 1,880 in the previous year') are no parts
            after = [d for d in after if not _is_baseline(doc, d.tok)]
            lead_gap = doc[cue.end : after[0].tok] if after else ()
            lead = after[0] if after and not any(t.text in {",", "，", ":", "："} for t in lead_gap) else None
            if lead is not None and _lead_gap(doc, cue.end, lead.tok):
                lead = None  # 'of Guangdong Province Public Security Bureau 16 held ...': a name, not 'Of the 470,000'
            if mode in ("among", "of_them", "of_the") and at_sentence_start and lead is not None:
                # 'Among the 17,250 suspects arrested, 1,420 were leaders': the count inside the cue is the whole
                comma = next((t.i for t in doc[lead.tok : sent.end] if t.text in {",", "，"}), None)
                if comma is not None:
                    for part in [d for d in after[1:] if d.tok > comma]:
                        add(part, lead, "of_the", "stated")
            elif mode in ("among", "of_them", "of_the") and at_sentence_start:
                whole_pool = self._previous_counts(doc, counts, sent)
                named = self._partitive_unit(doc, cue, after)
                if named and named.endswith("ed"):
                    # 'Among the captured, 2,341 ...': the whole is the count of people captured, the nearest
                    # before (a paragraph or more back when the cue names it so), not a count of the year before
                    acted = [
                        d
                        for d in counts
                        if d.tok < sent.start and _acted(d, named) and id(d) not in parts and not _prior_period(doc, d)
                    ]
                    whole_pool = acted[-1:]
                elif named:
                    # 'Among the arrested suspects, 3,200 ...': the whole counts what the cue names; in the two
                    # sentences before, else the nearest earlier count of that unit
                    wider = [d for d in counts if d.tok < sent.start and d.fields.get("unit") == named]
                    near = [d for d in wider if sent_of(doc, d.tok).start >= self._sentences_back(doc, sent, 2)]
                    whole_pool = near[-1:] or whole_pool or wider[-1:]
                nested = next(
                    (
                        c.start
                        for c in rules.within(cue.end, list_end, "PART_CUE")
                        if self.attrs[c.id_]["mode"] == "including" and c.start > cue.end
                    ),
                    list_end,
                )
                sibling = None
                for part in after:
                    if part.tok > nested:
                        break  # 'Among them, 466 officials, including 18 at prefecture level': the inner list's
                    if sibling is not None and not part.fields.get("unit"):
                        # 'Among them, one official was at ministerial level, and 712 were at bureau level': an
                        # item with no noun counts what the item before it counts
                        part.set(unit=sibling)
                    if part.fields.get("_unit_noun"):
                        sibling = part.fields.get("unit")
                    # the cue binds the part; the whole is read from the sentences before it
                    add(part, self._pick_whole(part, whole_pool, doc), "among", "cued")
            elif mode == "of_the" and after:
                whole = after[0]
                comma = next((t.i for t in doc[whole.tok : sent.end] if t.text == ","), None)
                if comma is not None:
                    for part in [d for d in after[1:] if d.tok > comma and id(d) not in parts]:
                        parts[id(part)] = whole
                        self._part_of(rels, part, whole, cue, "stated")
            elif mode in ("of_them", "count_of"):
                p = prev_tok(doc, cue.start - 1)
                part_before = _draft_at(doc).get(p)
                named = after[0] if after and after[0].tok == next_tok(doc, cue.end) else None
                if part_before is not None and part_before.kind == "count" and named is not None:
                    # '58 of the 300 fugitives': the count after the cue is the whole; '47 are on the list of 100
                    # most-wanted', '39 of China's 100 most-wanted': a set of reference, a whole of the part
                    # beside the list's own whole, and no item of the list
                    reference = self.attrs[cue.id_].get("reference", False)
                    if id(part_before) in parts and reference:
                        self._part_of(rels, part_before, named, cue, "stated")
                    else:
                        add(part_before, named, "of_the", "stated")
                    if reference:
                        references.add(id(named))
                elif part_before is not None and part_before.kind == "count" and (noun := self._cue_noun(doc, cue)):
                    # 'Twelve of those cadres', 'Thirty-one of the cases involved ...': the noun after the cue
                    # names the whole, the nearest earlier count of its class (a paragraph back or more: a
                    # definite noun refers to a set already given)
                    kindred = [
                        d
                        for d in counts
                        if d.tok < part_before.tok and id(d) not in parts and self.units.kin(d.fields.get("unit"), noun)
                    ]
                    if kindred:
                        whole = kindred[-1]
                        add(part_before, whole, "of_them", "stated" if before and whole is before[-1] else "cued")
                        for other in self._coordinated(doc, cue, after, whole):
                            add(other, whole, "of_them", "cued")
                elif part_before is not None and part_before.kind == "count":
                    # '287 of which', '34 of them': the count before the cue is the part
                    earlier = [d for d in before if d.tok < part_before.tok]
                    if earlier:
                        whole = self._antecedent(earlier, parts, part_before)
                        add(part_before, whole, "of_them", "stated" if whole is earlier[-1] else "cued")
                        # '... for 8,288 of them and the bringing to justice of 1,649': a count joined to the
                        # part by 'and' in its clause is a part of the same whole
                        for other in self._coordinated(doc, cue, after, whole):
                            add(other, whole, "of_them", "cued")
                    elif mode == "of_them":
                        # the whole is in the sentences before: 'The commission investigated 300 cadres.
                        # Twelve of those cadres were expelled'
                        pool = self._previous_counts(doc, counts, sent)
                        add(part_before, self._pick_whole(part_before, pool, doc), "of_them", "cued")
                elif mode == "count_of":
                    pass  # 'the number of the cases': no count before the cue, no partitive
                elif after and before:
                    # 'reports, of which 819,000 were tip-offs'
                    whole = self._antecedent(before, parts, after[0])
                    add(after[0], whole, "of_them", "stated" if whole is before[-1] else "cued")
                    # '..., of which 1,200 were fraud cases and 860 theft cases': the list goes on in the clause
                    for other in self._list_after(doc, after, whole):
                        add(other, whole, "of_them", "cued")
            elif mode == "with":
                # 'handled 52,000 cases, with 3,902 given warnings and 214 expelled': after a comma, the counts
                # the cue opens are parts of the figure before it
                comma = prev_tok(doc, cue.start - 1)
                if comma < 0 or doc[comma].text not in {",", "，"} or not after:
                    continue
                # 'with 3,902', 'with more than 6,400', 'with a total of 6,400'
                approx = {i for sp in rules.within(cue.end, after[0].tok, "APPROX") for i in range(sp.start, sp.end)}
                gap = [t for t in doc[cue.end : after[0].tok] if not t.is_space and t.i not in approx]
                if any(t.lower_ not in WITH_GLUE for t in gap):
                    continue
                if not before:
                    continue  # 'the most prosecuted crime, with a total of 173,941 people prosecuted': no whole
                whole = before[-1]
                for part in after:
                    if any(t.text in CLAUSE_BREAKS for t in doc[cue.end : part.tok]):
                        break
                    if part is not after[0] and doc[prev_tok(doc, part.tok - 1)].lower_ in PREPOSITIONS:
                        # 'charged 1,577 people ..., with 1,206 people in 611 cases prosecuted': the cases are
                        # a part of the count of cases the sentence gave before the cue
                        unit = part.fields.get("unit") if part.fields.get("_unit_noun") else None
                        own = [d for d in before if unit and self.units.kin(d.fields.get("unit"), unit)]
                        if own and doc[prev_tok(doc, part.tok - 1)].lower_ == "in" and own[-1] is not whole:
                            add(part, own[-1], "with", "cued")
                        break
                    unit = part.fields.get("unit") if part.fields.get("_unit_noun") else None
                    if unit and not self.units.kin(unit, whole.fields.get("unit")):
                        break  # 'handled 18,700 tip-offs, with 2,482 officials punished': another thing counted
                    add(part, whole, "with", "cued")
            elif mode in ("including", "among"):
                whole = self._pick_whole(after[0], list(reversed(before))) if before and after else None
                if whole is None and before and after and cue.text.lower().startswith("includ"):
                    # '626,000 cases were filed, including 87 cadres': the figure the list hangs on, whatever
                    # the translation calls the parts (the link stays a guess when the nouns differ)
                    whole = before[-1]
                confidence = "stated" if whole is not None and whole is before[-1] else "cued"
                if whole is None and cue.text.lower().startswith("includ"):
                    # 'Those arrested included 310 gang leaders', 'The cases concluded included 2,800': the
                    # subject names the whole (its verb, else its noun), however far back; else a guess from
                    # the sentence before
                    first = after[0] if after else None
                    whole = self._subject_whole(doc, cue, sent, counts, parts, first) if not before else None
                    if whole is None:
                        pool = self._previous_counts(doc, counts, sent)
                        whole = pool[-1] if pool else None
                for part in after:
                    if doc[prev_tok(doc, part.tok - 1)].lower_ in PREPOSITIONS:
                        break
                    breaks = [t.i for t in doc[cue.end : part.tok] if t.text in CLAUSE_BREAKS]
                    if breaks and not (cue.text.lower().startswith("includ") and _list_goes_on(doc, breaks, part)):
                        break
                    if _new_verb_clause(doc, cue.end, part.tok):
                        break  # 'including Zhou and Su, and prosecuted 105 such officials': the list has ended
                    add(part, whole, "including", confidence)
        if references:
            # a set of reference ('the list of 100 most-wanted') is no part of the count its sentence lists
            rels[:] = [r for r in rels if not (r["type"] == "part_of" and id(r["part"]) in references)]
            for ref in references:
                parts.pop(ref, None)
        return set(parts)

    def _subject_whole(
        self,
        doc: Doc,
        cue: Span,
        sent: Span,
        counts: list[Draft],
        parts: dict[int, Draft],
        first: Draft | None = None,
    ) -> Draft | None:
        """The count the subject of 'included' names, before its sentence: 'Those arrested' -> the nearest count
        whose act is arresting (a verb of the same class); 'The cases concluded' -> the nearest count of cases
        concluded, else of cases. A subject naming categories of what the parts count ('The larger offences
        included 5,021 for assaulting officers'): the total of the parts' class the paragraph before opened
        with. None when the subject names neither."""
        words = [t for t in doc[sent.start : cue.start] if t.is_alpha]
        if not words or len(words) > 6:
            return None
        earlier = [d for d in counts if d.tok < sent.start and id(d) not in parts]
        verbs = [t.lower_ for t in words if t.lower_.endswith("ed") or t.lower_ in VERB_CLASS]
        nouns = [_singular(t.lower_) for t in words if t.lower_ not in {"those", "the", "these", "all"}]
        nouns = [n for n in nouns if n not in verbs and not n.endswith(("ed", "ing"))]
        if verbs:
            acted = [d for d in earlier if _acted(d, verbs[-1])]
            if nouns:
                acted = [d for d in acted if self.units.kin(d.fields.get("unit"), nouns[-1])] or acted
            if acted:
                return acted[-1]
        unit = first.fields.get("unit") if first is not None else None
        if nouns and unit and not self.units.kin(unit, nouns[-1]):
            kin = [d for d in earlier if self.units.kin(d.fields.get("unit"), unit)]
            return self._paragraph_lead(text_of(doc), kin, first) if kin else None
        if nouns:
            same = [d for d in earlier if d.fields.get("unit") == nouns[-1]]
            return same[-1] if same else None
        return None

    def _cue_noun(self, doc: Doc, cue: Span) -> str | None:
        """The noun a partitive cue names right after it: 'of the cases involved' -> case, 'of those cadres'
        -> cadre, 'of the arrested suspects' -> suspect; None for 'of them', 'of which' or a figure."""
        return None if cue.text.lower() in {"of them", "of which", "of whom"} else self._noun_at(doc, cue.end)

    def _list_after(self, doc: Doc, after: list[Draft], whole: Draft | None) -> list[Draft]:
        """The counts that continue a list of parts opened by after[0] in its clause ('of which 1,200 were fraud
        cases, 860 theft cases and 310 robberies'): no clause break, no preposition before a count ('involving
        860 victims'), and no noun of another class than the first part's or the whole's."""
        if whole is None or not after:
            return []
        out = []
        first_unit = after[0].fields.get("unit")
        prev = after[0]
        for d in after[1:LIST_MAX]:
            between = doc[doc.char_span(prev.start, prev.end, alignment_mode="expand").end : d.tok]
            if any(t.text in CLAUSE_BREAKS or t.text in {".", "。"} for t in between):
                break
            if not _opens_item(doc, d.tok):
                break  # a list item follows 'and' or a comma; '... were under 16' is no item
            unit = d.fields.get("unit") if d.fields.get("_unit_noun") else None
            known = [u for u in (whole.fields.get("unit"), first_unit) if u]
            if unit and known and not any(self.units.kin(unit, u) for u in known):
                break
            if d.tok in doc_context(doc).own_cue:
                break
            out.append(d)
            prev = d
        return out

    def _coordinated(self, doc: Doc, cue: Span, after: list[Draft], whole: Draft | None) -> list[Draft]:
        """Counts after a partitive cue joined to its part by 'and' in the same clause, of the whole's class."""
        if whole is None:
            return []
        out = []
        for d in after:
            between = doc[cue.end : d.tok]
            if any(t.text in CLAUSE_BREAKS or t.text in {".", "。"} for t in between):
                break
            if not any(t.lower_ == "and" for t in between):
                continue
            unit = d.fields.get("unit") if d.fields.get("_unit_noun") else None
            if unit and not self.units.kin(unit, whole.fields.get("unit")):
                break
            if d.tok in doc_context(doc).own_cue:
                break
            out.append(d)
        return out

    def _totals(self, doc: Doc, drafts: list[Draft], rules: RuleIndex, rels: list[dict]) -> None:
        """'41 ..., 26 ... and 65 involved electronics, totalling 132 cases': the count after the cue is the sum
        of the counts of its unit before it in the sentence."""
        for cue in rules.by_label.get("TOTAL_CUE", ()):
            total = _draft_at(doc).get(next_tok(doc, cue.end))
            if total is None or total.kind != "count":
                continue
            sent = sent_of(doc, cue.start)
            unit = total.fields.get("unit")
            parts = [d for d in drafts if d.kind == "count" and sent.start <= d.tok < cue.start]
            parts = [d for d in parts if d.fields.get("unit") in (unit, None)]
            if len(parts) >= 2:
                rels.append({"type": "sum", "parts": parts, "total": total})

    def _forms(self, doc: Doc, drafts: list[Draft], rels: list[dict]) -> None:
        """'handled 587,000 people in four forms: 343,000 ..., 180,000 ..., 36,000 ... and 28,000 ...': when as
        many counts follow the colon as the text says, they are parts that make up the total (a stated sum);
        parts without a noun of their own count what the total counts."""
        counts = [d for d in drafts if d.kind == "count"]
        for n_draft in counts:
            k = next_tok(doc, n_draft.tok + 1)
            if k >= len(doc) or doc[k].lower_ not in LIST_NOUNS:
                continue
            colon = next_tok(doc, k + 1)
            if colon >= len(doc) or doc[colon].text not in {":", "："}:
                continue
            back = prev_tok(doc, n_draft.tok - 1)
            if back < 0 or doc[back].lower_ not in {"in", "into", "of"}:
                continue
            sent = sent_of(doc, n_draft.tok)
            total = next((d for d in reversed(counts) if sent.start <= d.tok < back), None)
            stop = next((t.i for t in doc[colon + 1 : sent.end] if t.text in {";", "；"}), sent.end)
            parts = [d for d in counts if colon < d.tok < stop]
            if total is None or len(parts) != int(n_draft.value) or len(parts) < 2:
                continue
            for part in parts:
                if not part.fields.get("_unit_noun") and total.fields.get("unit"):
                    part.fields["unit"] = total.fields["unit"]
                self._part_of(rels, part, total, f"in {doc[n_draft.tok].text} {doc[k].text}:", "stated")
            rels.append(
                {
                    "type": "sum",
                    "parts": parts,
                    "total": total,
                    "cue": f"{doc[n_draft.tok].text} {doc[k].text}",
                    "confidence": "stated",
                }
            )

    @staticmethod
    def _other_lists(doc: Doc, rels: list[dict]) -> None:
        """'including 3,000 for theft, 2,000 for fraud and 1,000 other cases': a list of parts that ends with
        'other' names every part, so the parts make up the whole (a stated sum)."""
        by_whole: dict[int, list[dict]] = {}
        for r in rels:
            if r["type"] == "part_of" and r.get("_via") == "cue" and (r.get("cue") or "").startswith("includ"):
                by_whole.setdefault(id(r["whole"]), []).append(r)
        for members in by_whole.values():
            last = members[-1]["part"]
            k = next_tok(doc, last.tok + 1)
            if len(members) < 2 or k >= len(doc) or doc[k].lower_ not in {"other", "others"}:
                continue
            whole = members[0]["whole"]
            if not any(r["type"] == "sum" and r["total"] is whole for r in rels):
                parts = [m["part"] for m in members]
                rels.append({"type": "sum", "parts": parts, "total": whole, "cue": "and other", "confidence": "stated"})

    @staticmethod
    def _sums(doc: Doc, rules: RuleIndex, rels: list[dict]) -> None:
        """'83,000 cases, including 51,000 ..., 24,000 ... and 6,000 ..., which together made up the total':
        parts the text says make up their whole become a sum."""
        for cue in rules.by_label.get("SUM_CUE", ()):
            sent = sent_of(doc, cue.start)
            groups: dict[int, list[dict]] = {}
            for r in rels:
                if r["type"] == "part_of" and sent.start <= r["part"].tok < cue.start:
                    groups.setdefault(id(r["whole"]), []).append(r)
            for members in groups.values():
                done = any(r["type"] == "sum" and r["total"] is members[0]["whole"] for r in rels)
                if len(members) >= 2 and not done:
                    rels.append({"type": "sum", "parts": [m["part"] for m in members], "total": members[0]["whole"]})

    def _antecedent(self, earlier: list[Draft], parts: dict[int, Draft], part: Draft | None = None) -> Draft | None:
        """The count 'of which' refers back to: a whole already used by a parallel part, else the nearest count
        of the part's own unit ('204 cases involving 263 persons, of which 47 cases'), else the nearest count of
        a core unit, else the nearest count."""
        if not earlier:
            return None
        if id(earlier[-1]) in parts:
            return parts[id(earlier[-1])]
        unit = part.fields.get("unit") if part is not None else None
        same = [d for d in earlier if unit and d.fields.get("unit") == unit]
        if same:
            return same[-1]
        for d in reversed(earlier):
            if self._core(d):
                return d
        return earlier[-1]

    def _core(self, d: Draft) -> bool:
        unit = d.fields.get("unit")
        return unit in {"case", "person", "suspect", "crime", "official", "clue", "criminal", "report"}

    @staticmethod
    def _previous_counts(doc: Doc, counts: list[Draft], sent: Span) -> list[Draft]:
        """Counts of the nearest of the two sentences before `sent` that has any. 'Among them' at the head of
        a paragraph reaches into the paragraph before; the second sentence back must share a paragraph with
        the first."""
        start = sent.start
        for step in range(2):
            if start == 0:
                return []
            prev = sent_of(doc, start - 1)
            if step and "\n\n" in text_of(doc)[prev.start_char : doc[start].idx]:
                return []
            # counts are sorted by token: bisected (a share or lead per sentence would scan them all)
            lo = bisect.bisect_left(counts, prev.start, key=_tok)
            pool = counts[lo : bisect.bisect_left(counts, prev.end, key=_tok)]
            if pool:
                return pool
            start = prev.start
        return []

    @staticmethod
    def _partitive_unit(doc: Doc, cue: Span, after: list[Draft]) -> str | None:
        """The unit a partitive cue names: 'Among the arrested suspects,' -> suspect; None for 'Among them'."""
        stop = after[0].tok if after else cue.end + 8
        words = []
        for t in doc[cue.end : stop]:
            if t.text in {",", "，"}:
                break
            if t.is_alpha:
                words.append(t.lower_)
        if not words or words[-1] in REFERRING_WORDS or words[-1] in {"it", "figure", "figures"}:
            return None  # 'Among them', 'Of the total,': no noun of its own
        return _singular(words[-1])

    @staticmethod
    def _sentences_back(doc: Doc, sent: Span, n: int) -> int:
        """The first token of the sentence n sentences before `sent`."""
        start = sent.start
        for _ in range(n):
            if start == 0:
                break
            start = sent_of(doc, start - 1).start
        return start

    def _pick_whole(self, part: Draft, pool: list[Draft], doc: Doc | None = None) -> Draft | None:
        """The whole a part belongs to among `pool` (earliest first): the nearest of the same unit, else of
        the same class (people), else the first, unless both units are known and differ."""
        if not pool:
            return None
        unit = part.fields.get("unit")
        if doc is not None and unit:
            # 'Of the cases accepted in 2021, ...': a year in the cue picks the count of that year
            year = _year_in_cue(doc, part)
            dated = [d for d in pool if year and _year_after(doc, d.tok) == year and d.fields.get("unit") == unit]
            if dated:
                return dated[-1]
        same = [d for d in pool if unit and d.fields.get("unit") == unit]
        if len(same) > 1 and doc is not None:
            # 'accounting for 24.2% of the cases accepted': the count whose verb the sentence repeats
            words = {t.lower_ for t in sent_of(doc, part.tok)}
            acted = [
                d
                for d in same
                if (d.fields.get("action") or "").split()[-1:] and d.fields["action"].split()[-1] in words
            ]
            if acted:
                return acted[0]
        if same:
            return same[0]
        kin = [d for d in pool if self.units.kin(unit, d.fields.get("unit"))]
        if kin:
            return kin[0]
        first = pool[0]
        other = first.fields.get("unit")
        if unit and other and other != unit and not self.units.kin(unit, other):
            return None  # counts of different things ('fugitives' among 'guns'): no guess
        return first

    # -- shares --------------------------------------------------------------------------------------------
    def _shares(self, doc: Doc, drafts: list[Draft], rels: list[dict]) -> None:
        shares = [d for d in drafts if d.kind == "percentage" and d.fields.get("role") == "share"]
        for d in shares:
            end_tok = doc.char_span(d.start, d.end, alignment_mode="expand").end
            nxt = next_tok(doc, end_tok)
            in_range = nxt < len(doc) and doc[nxt].text in RANGE
            partner = _draft_at(doc).get(next_tok(doc, nxt + 1)) if in_range else None
            if partner is not None and partner.kind == "percentage":
                # '20%-30% of the funds': read what follows the range's far end
                nxt = next_tok(doc, doc.char_span(partner.start, partner.end, alignment_mode="expand").end)
            if not in_range:
                nxt = past_restatement(doc, nxt)  # 'Almost 70% (69.8%) of them were civil cases'
            following = doc[nxt : nxt + 2]
            c_start = clause_start(doc, d.tok)
            # an amount restated in another currency is the amount before it: '8.1 billion yuan (1.07 billion
            # dollars), about 65 percent of the total' is a share of the yuan
            earlier = [x for x in drafts if c_start <= x.tok < d.tok and not x.fields.get("_converted")]
            sent = sent_of(doc, d.tok)
            in_sent = [x for x in drafts if sent.start <= x.tok < d.tok and x.kind == "count"]
            if (
                len(following) == 2
                and following[0].lower_ == "of"
                and following[1].lower_ in {"which", "them", "whom", "these"}
            ):
                if in_sent:
                    _link(d, "whole", in_sent[-1], f"of {following[1].lower_}", "stated")
                else:
                    # 'Police arrested 2,100 suspects. 54.3% of them were ...': the pronoun refers back to the
                    # first count of the sentence before
                    pool = self._previous_counts(doc, [x for x in drafts if x.kind == "count"], sent)
                    if pool:
                        _link(d, "whole", pool[0], f"of {following[1].lower_}", "cued")
                continue
            # '20% of the funds' names its own part; only a cue ('accounting for 14.2% of the total') or a bare
            # share ('188,408 people for theft, accounting for 17.3%') points back at a count
            own_part = len(following) == 2 and following[0].lower_ == "of" and not self._names_whole(doc, nxt)
            share_cue = next((s for s in RuleIndex.of(doc).within(c_start, d.tok, "SHARE") if d.tok - s.end <= 4), None)
            if (
                earlier
                and earlier[-1].kind in ITEM_KINDS
                and "of" not in d.fields
                and (share_cue or not own_part)
                and not self._refers_between(doc, earlier[-1], d.tok)
                and not self._new_subject(doc, earlier[-1], share_cue.start if share_cue is not None else d.tok)
            ):
                # 'accounting for 17.3%' binds the share to the figure before it; a bare '10.4%' is a guess
                if share_cue is not None:
                    _link(d, "of", earlier[-1], share_cue.text.lower(), "cued", share_cue.id_)
                elif len(following) == 2 and following[0].lower_ == "of":
                    # '1,125 were fraud cases, 12.5 percent of the total': 'of the total' names the whole, so
                    # the figure before is the part
                    _link(d, "of", earlier[-1], f"of {following[1].lower_}", "cued")
                else:
                    _link(d, "of", earlier[-1], None, "inferred")
            # 'made up 8.5 percent of the 12,000 suspects': the whole is named right after 'of (the)'
            k = next_tok(doc, nxt + 1) if own_part else len(doc)
            if k < len(doc) and doc[k].lower_ in {"the", "all", "these", "those"}:
                k = next_tok(doc, k + 1)
            named = _draft_at(doc).get(k) if own_part else None
            if named is not None and named.kind in ITEM_KINDS:
                _link(d, "whole", named, "of the", "stated")
                if isinstance(d.fields.get("of"), Draft):
                    self._part_of(rels, d.fields["of"], named, "of the", "stated", via="share")
                continue
            if own_part and following[1].lower_ in {"the", "those"}:
                k2 = next_tok(doc, following[1].i + 1)
                word = doc[k2].lower_ if k2 < len(doc) else ""
                nxt2 = doc[next_tok(doc, k2 + 1)] if next_tok(doc, k2 + 1) < len(doc) else None
                if word.endswith("ed") and (nxt2 is None or not nxt2.is_alpha or nxt2.lower_ in {"this", "in"}):
                    # 'accounting for 21.8% of the prosecuted': the count of people prosecuted before it
                    part = d.fields.get("of")
                    inner = {id(r["part"]) for r in rels if r["type"] == "part_of"}
                    acted = [
                        x
                        for x in drafts
                        if x.kind == "count"
                        and x.tok < d.tok
                        and _acted(x, word)
                        and x is not part
                        and id(x) not in inner
                        and not _prior_period(doc, x)
                    ]
                    if acted:
                        said = f"of {following[1].lower_} {word}"
                        _link(d, "whole", acted[-1], said, "cued")
                        if isinstance(d.fields.get("of"), Draft):
                            self._part_of(rels, d.fields["of"], acted[-1], said, "cued", via="share")
                        continue
            if len(following) == 2 and following[0].lower_ == "of" and following[1].lower_ in {"the", "all"}:
                # 'Among them, 1.096 million ..., accounting for 63.8% of the total': the total the part was
                # said to be part of; else the release's total of its class
                part = d.fields.get("of")
                given = next(
                    (r for r in rels if r["type"] == "part_of" and r["part"] is part and r["_via"] == "cue"), None
                )
                if given is not None and self._names_whole(doc, nxt) and not self._total_noun(doc[nxt : nxt + 7]):
                    _link(d, "whole", given["whole"], "of the total", given["confidence"], given["pattern_id"])
                    continue
                total = self._overall_total(doc, d, drafts, nxt, rels)
                if total is not None:
                    # the release's first total of the class is a guess unless the text presents it as a total
                    # ('a total of 4,120 cases', 'prosecuted 1,102,975 people for various crimes')
                    firm = "cued" if _presented_as_total(doc, total) else "inferred"
                    _link(d, "whole", total, "of the total", firm)
                    if isinstance(d.fields.get("of"), Draft):
                        self._part_of(rels, d.fields["of"], total, "of the total", firm, via="share")
                    continue
            if len(following) == 2 and following[0].lower_ == "of" and "whole" not in d.fields:
                # 'made up 24.9% of the fraud cases solved': the noun names the whole, the nearest count of its
                # unit in the sentence, else before it (a definite noun refers to a set already given); never
                # the share's own part or another part
                unit = self._noun_at(doc, nxt + 1)
                if unit is not None:
                    part = d.fields.get("of")
                    inner = {id(r["part"]) for r in rels if r["type"] == "part_of"}
                    cands = [x for x in in_sent if x.fields.get("unit") == unit and x is not part]
                    bare = following[1].lower_ not in {"the", "these", "those", "all"}
                    if not cands and (not bare or following[1].lower_.endswith("s")):
                        cands = [
                            x
                            for x in drafts
                            if x.kind == "count"
                            and x.tok < sent.start
                            and x is not part
                            and id(x) not in inner
                            and x.fields.get("unit") == unit
                        ]
                    if cands:
                        # 'Less than 3% of cases were ...' (no article): the release's count of them, a guess
                        firm = "inferred" if bare and cands[-1].tok < sent.start else "cued"
                        _link(d, "whole", cands[-1], f"of the {unit}", firm)
                        if isinstance(part, Draft):
                            self._part_of(rels, part, cands[-1], f"of the {unit}", firm, via="share")
        self._share_lists(doc, shares, drafts, rels)
        self._lead_shares(doc, drafts, rels)
        self._elliptical_shares(doc, shares, drafts)
        self._referring_shares(doc, shares, drafts)
        self._bare_shares(doc, drafts)
        # 'Of the 4,800, 960 were minors, accounting for 25 percent': the part's whole is the share's whole
        whole_of = {id(r["part"]): r for r in rels if r["type"] == "part_of"}
        for d in shares:
            part = d.fields.get("of")
            if "whole" not in d.fields and isinstance(part, Draft) and id(part) in whole_of:
                rel = whole_of[id(part)]
                _link(d, "whole", rel["whole"], rel["cue"], rel["confidence"], rel["pattern_id"])

    @staticmethod
    def _elliptical_shares(doc: Doc, shares: list[Draft], drafts: list[Draft]) -> None:
        """'Telecom fraud accounted for 60.2% of all cases solved, and theft 20.1%': a share that continues the
        share before it in its sentence, with only its item's words between ('and theft', ', fraud'), no figure
        and no 'of ...' of its own, has that share's whole."""
        toks = [x.tok for x in drafts]
        for prev, d in itertools.pairwise(shares):
            if "whole" in d.fields or "whole" not in prev.fields or isinstance(d.fields.get("of"), Draft):
                continue
            sent = sent_of(doc, d.tok)
            if prev.tok < sent.start:
                continue
            between = [
                x
                for x in drafts[bisect.bisect_right(toks, prev.tok) : bisect.bisect_left(toks, d.tok)]
                if x.kind != "date"
            ]
            end = doc.char_span(prev.start, prev.end, alignment_mode="expand").end
            k = next_tok(doc, end)
            if k + 1 < len(doc) and doc[k].lower_ == "of" and doc[next_tok(doc, k + 1)].lower_ in REFERRING_WORDS:
                end = next_tok(doc, k + 1) + 1  # '68.6 percent of which occurred in 2013 and 3.5 percent in 2017'
            gap = doc[end : d.tok]
            joint = next((t for t in gap if t.lower_ in {"and", ",", "，", ";", "；", "while"}), None)
            after = next_tok(doc, doc.char_span(d.start, d.end, alignment_mode="expand").end)
            if between or joint is None or any(t.lower_ == "of" for t in gap[-3:]):
                continue
            if after < len(doc) and doc[after].lower_ == "of":
                continue  # '..., and 12% of the funds': a share with a whole of its own
            if any(t.lower_ in {"which", "whom", "them", "among"} for t in gap):
                continue
            firm = prev.fields.get("_evidence", {}).get("whole", {}).get("confidence", "inferred")
            _link(d, "whole", prev.fields["whole"], "list", "inferred" if firm == "inferred" else "cued")

    @staticmethod
    def _names_own_whole(doc: Doc, d: Draft) -> bool:
        """True when 'of' follows percentage d and names something other than a pronoun ('90% of the number of
        people who ...'): the share has a whole of its own, named or not."""
        k = next_tok(doc, doc.char_span(d.start, d.end, alignment_mode="expand").end)
        nxt = next_tok(doc, k + 1)
        return k < len(doc) and doc[k].lower_ == "of" and (nxt >= len(doc) or doc[nxt].lower_ not in REFERRING_WORDS)

    def _referring_shares(self, doc: Doc, shares: list[Draft], drafts: list[Draft]) -> None:
        """'Procuratorates prosecuted 12,000 people. Most of them were men, with women making up only 8.1
        percent': a share whose sentence refers back ('of them', 'among them') before it, with no count of its
        own sentence before it, is a share of the count the pronoun refers to (the first of the sentence
        before, or the one the share's verb acted on)."""
        counts = [x for x in drafts if x.kind == "count"]
        toks = [x.tok for x in drafts]
        rules = RuleIndex.of(doc)
        for d in shares:
            if "whole" in d.fields or isinstance(d.fields.get("of"), Draft) or self._names_own_whole(doc, d):
                continue
            sent = sent_of(doc, d.tok)
            lo = max(sent.start, d.tok - LINK_WINDOW)  # a bounded look: a sentence without stops holds thousands
            cue = next(
                (
                    c
                    for c in rules.within(lo, d.tok, "PART_CUE")
                    if self.attrs[c.id_]["mode"] in ("among", "of_them")
                    and c.text.lower().split()[-1] in {"them", "these", "those", "whom"}
                ),
                None,
            )
            window = drafts[bisect.bisect_left(toks, lo) : bisect.bisect_left(toks, d.tok)]
            if cue is None or any(x.kind in ITEM_KINDS for x in window):
                continue
            whole = self._referent(doc, counts, sent, d)
            if whole is not None:
                _link(d, "whole", whole, cue.text.lower(), "cued", cue.id_)

    def _bare_shares(self, doc: Doc, drafts: list[Draft]) -> None:
        """Percentages with no 'of' that the wording makes shares of a count: 'punished 402,000 drug users, with
        71.5 percent punished for synthetic drugs' (after 'with', of the count before it in the sentence, as for a
        part); 'Registered addicts rose to 615,000. Nearly 64 percent were heroin users.' (opening a sentence
        before 'were', of the sentence before's count: 'cued' when it has one count, else a guess)."""
        counts = [x for x in drafts if x.kind == "count"]
        toks = [x.tok for x in drafts]
        rules = RuleIndex.of(doc)
        for d in drafts:
            if (
                d.kind != "percentage"
                or d.fields.get("role") not in ("share", "level")
                or "whole" in d.fields
                or isinstance(d.fields.get("of"), Draft)
                or d.fields.get("_resp")
            ):
                continue
            end = doc.char_span(d.start, d.end, alignment_mode="expand").end
            after = past_restatement(doc, end)
            if after < len(doc) and doc[after].lower_ in {"of", "accounting", "accounted", "-", "–"}:
                continue
            sent = sent_of(doc, d.tok)
            start = d.tok
            approx = rules.ending_at(prev_tok(doc, d.tok - 1) + 1, "APPROX")
            if approx is not None:
                start = approx.start
            k = prev_tok(doc, start - 1)
            if k >= sent.start and doc[k].lower_ == "with":
                lo = bisect.bisect_left(toks, max(sent.start, k - LINK_WINDOW))
                before = [
                    x
                    for x in drafts[lo : bisect.bisect_left(toks, k)]
                    if not (x.kind == "percentage" and x.fields.get("role") == "change")
                ]  # 'punished 402,000 drug users, up 3%, with 71.5 percent ...'
                if before and before[-1].kind == "count" and doc[prev_tok(doc, k - 1)].text in {",", "，"}:
                    d.fields["role"] = "share"
                    _link(d, "whole", before[-1], "with", "cued")
                continue
            opens = all(t.is_space or t.text in QUOTES for t in doc[sent.start : start])
            if opens and after < len(doc) and doc[after].lower_ in {"were", "was", "are", "is"}:
                pool = self._previous_counts(doc, counts, sent)
                if pool:
                    d.fields["role"] = "share"
                    _link(d, "whole", pool[0], doc[after].lower_, "cued" if len(pool) == 1 else "inferred")

    def _refers_between(self, doc: Doc, figure: Draft, end: int) -> bool:
        """True when a partitive cue that refers back ('of which', 'among whom') stands between `figure` and
        token end: a share after it is a share of the figure, not the figure's share. A cue right after the
        figure is the figure's own ('1,125 of which, or 12.5% of all cases')."""
        last = doc.char_span(figure.start, figure.end, alignment_mode="expand").end - 1
        return any(
            c.text.lower().split()[-1] in REFERRING_WORDS
            for c in RuleIndex.of(doc).within(figure.tok + 1, end, "PART_CUE")
            if self.attrs[c.id_]["mode"] in ("among", "of_them") and prev_tok(doc, c.start - 1) != last
        )

    def _lead_shares(self, doc: Doc, drafts: list[Draft], rels: list[dict]) -> None:
        """Percentages that a sentence's partitive lead makes shares of its whole: 'Of the 3,000 cases heard, 40%
        involved fraud and 12% theft'; 'Among the concluded cases, telecom fraud accounted for 31.7%' (the whole
        is the count the lead names, as for a part: the figure inside the lead, else the count of its noun or
        verb before it). A percentage that opens its clause after the lead is a share; a change or a named rate
        is not."""
        counts = [d for d in drafts if d.kind == "count"]
        toks = [d.tok for d in drafts]  # sorted: each lead reads its sentence by bisection
        for cue in RuleIndex.of(doc).by_label.get("PART_CUE", ()):
            if self.attrs[cue.id_]["mode"] not in ("among", "of_them", "of_the"):
                continue
            sent = sent_of(doc, cue.start)
            if not all(t.is_space or t.text in QUOTES for t in doc[sent.start : cue.start]):
                self._clause_shares(doc, cue, sent, drafts, toks)
                continue
            comma = next((t.i for t in doc[cue.end : sent.end] if t.text in {",", "，"}), None)
            if comma is None:
                continue
            pcts = [
                d
                for d in drafts[bisect.bisect_right(toks, comma) : bisect.bisect_left(toks, sent.end)]
                if d.kind == "percentage"
                and "whole" not in d.fields
                and d.fields.get("role") in ("share", "level")
                and not isinstance(d.fields.get("of"), Draft)
            ]
            if not pcts:
                continue
            lead = next((d for d in counts if cue.end <= d.tok < comma), None)
            confidence = "stated" if lead is not None else "cued"
            whole = lead if lead is not None else self._lead_whole(doc, cue, counts, sent, comma, pcts[0])
            if whole is None:
                continue
            for d in pcts:
                if d.fields.get("role") == "level" and not self._opens_clause(doc, d.tok, comma):
                    continue
                if self._names_own_whole(doc, d):
                    continue  # '..., accounted for 90% of the number of people who ...'
                d.fields["role"] = "share"
                _link(d, "whole", whole, cue.text.lower(), confidence, cue.id_)

    def _clause_shares(self, doc: Doc, cue: Span, sent: Span, drafts: list[Draft], toks: list[int]) -> None:
        """'Police arrested 2,100 suspects, among whom 17.6% were from other provinces and 5.2% were
        foreigners': percentages opening the clauses of a mid-sentence partitive that refers back ('among whom',
        'of which', 'in which') are shares of the count the cue follows."""
        k = prev_tok(doc, cue.start - 1)
        if cue.text.lower().split()[-1] not in REFERRING_WORDS or k < sent.start:
            return
        lo = max(sent.start, cue.start - LINK_WINDOW)  # a bounded look: a sentence without stops holds thousands
        before = drafts[bisect.bisect_left(toks, lo) : bisect.bisect_left(toks, cue.start)]
        if doc[k].lower_ in FRACTION_WORDS:
            # 'More than half of them, or 54.3%, were migrant workers': the percentage restating the fraction
            o = next_tok(doc, cue.end)
            after = next_tok(doc, o + 1) if o < len(doc) and doc[o].text in {",", "，"} else len(doc)
            d = _draft_at(doc).get(next_tok(doc, after + 1)) if after < len(doc) and doc[after].lower_ == "or" else None
            if d is None or d.kind != "percentage" or "whole" in d.fields:
                return
            pool = [x for x in before if x.kind == "count"][-1:] or self._previous_counts(
                doc, [x for x in drafts if x.kind == "count"], sent
            )[:1]
            if pool:
                d.fields["role"] = "share"
                _link(d, "whole", pool[0], f"{doc[k].lower_} {cue.text.lower()}", "cued", cue.id_)
            return
        if doc[k].text not in {",", "，"} or not before or before[-1].kind != "count":
            return
        hi = min(sent.end, cue.end + LINK_WINDOW)
        nested = next((c.start for c in RuleIndex.of(doc).within(cue.end, hi, "PART_CUE")), hi)
        opener = cue.end - 1  # the percentage right after the cue opens the clause
        for d in drafts[bisect.bisect_left(toks, cue.end) : bisect.bisect_left(toks, min(nested, sent.end))]:
            if d.kind == "count":
                break  # 'among whom 1,200 were women, 12.5% of them ...': the clause has a part of its own
            if (
                d.kind != "percentage"
                or "whole" in d.fields
                or d.fields.get("role") not in ("share", "level")
                or isinstance(d.fields.get("of"), Draft)
            ):
                continue
            if d.fields.get("role") == "level" and not self._opens_clause(doc, d.tok, opener):
                continue
            if self._names_own_whole(doc, d):
                continue
            d.fields["role"] = "share"
            _link(d, "whole", before[-1], cue.text.lower(), "stated", cue.id_)

    def _lead_whole(
        self, doc: Doc, cue: Span, counts: list[Draft], sent: Span, comma: int, first: Draft | None = None
    ) -> Draft | None:
        """The whole a lead without a figure names: 'Among the concluded cybercrime cases,' -> the nearest earlier
        count of cases; 'Among them,' -> the first count of the sentence before."""
        noun = self._noun_at(doc, cue.end)
        named = self._partitive_unit(doc, cue, [])
        if noun is None and named and named.endswith("ed"):
            # 'Among those punished, 12.5% ...', 'Of those prosecuted,': the count of what that verb acted on
            acted = [d for d in counts if d.tok < sent.start and _acted(d, named) and not _prior_period(doc, d)]
            return acted[-1] if acted else None
        if noun is not None:
            same = [d for d in counts if d.tok < sent.start and self.units.kin(d.fields.get("unit"), noun)]
            exact = [d for d in same if d.fields.get("unit") == noun]
            return (exact or same)[-1] if (exact or same) else None
        if cue.text.lower().split()[-1] in REFERRING_WORDS and doc[cue.end : comma].text.strip() == "":
            # 'Among them,', 'Of those,', 'Of that number,': the first count of the sentence before, or the one
            # the share's verb acted on ('... sentenced 9,100 people. Of them, 61.5% were sentenced to ...')
            return self._referent(doc, counts, sent, first)
        return None

    def _referent(self, doc: Doc, counts: list[Draft], sent: Span, share: Draft | None) -> Draft | None:
        """The count a pronoun at the head of `sent` refers to: the one of the sentence before that the share's
        passive verb acted on ('... sentenced 9,100 people. Of them, 61.5% were sentenced'), else its first."""
        pool = self._previous_counts(doc, counts, sent)
        verb = self._passive_verb(doc, share) if share is not None else None
        acted = [d for d in pool if verb and _acted(d, verb)]
        return acted[-1] if acted else pool[0] if pool else None

    @staticmethod
    def _passive_verb(doc: Doc, d: Draft) -> str | None:
        """The participle of 'X% were sentenced', 'X% had been prosecuted' after figure d, else None."""
        k = next_tok(doc, doc.char_span(d.start, d.end, alignment_mode="expand").end)
        words = [t.lower_ for t in doc[k : k + 4] if not t.is_space]
        aux = 0
        while aux < len(words) and words[aux] in AUXILIARIES:
            aux += 1
        return words[aux] if aux and aux < len(words) and words[aux].endswith("ed") else None

    @staticmethod
    def _opens_clause(doc: Doc, i: int, comma: int) -> bool:
        """True when the percentage at token i stands at the head of its clause: right after the lead's comma,
        or after ', and' / 'and' following another such percentage ('40% involved fraud and 12% theft')."""
        k = prev_tok(doc, i - 1)
        return k == comma or doc[k].lower_ in {"and", ",", "，", "while"}

    def _own_subject(self, doc: Doc, q: Draft, d: Draft, rules: RuleIndex) -> bool:
        """True when a change has a subject of its own after the figure before it: after the last ', and' (or
        'while') between them a noun stands before the change's verb ('..., and second instance cases
        increased by 4.92%'); 'and the number/figure ...' refers back instead."""
        start = doc.char_span(q.start, q.end, alignment_mode="expand").end
        cue_start = max((s.start for s in rules.within(start, d.tok, "CHANGE")), default=d.tok)  # its own cue
        toks = doc[start:cue_start]
        joints = [t.i for t in toks if t.lower_ in {"and", "while", "whereas"} and t.i > start]
        if not joints or not any(t.text in {",", "，"} for t in doc[start : joints[-1]]):
            return False
        after = [t for t in doc[joints[-1] + 1 : cue_start] if t.is_alpha]
        if not after:
            return False
        if rules.within(joints[-1] + 1, cue_start, "ANAPHOR"):
            # 'and the number rose ...' refers back; 'while the number of approved arrests rose ...' names its own
            return not self._same_subject(doc, q, d, rules)
        nouns = [t for t in after if t.lower_ not in SHARE_GLUE and not t.lower_.endswith(("ed", "ly"))]
        return any(t.lower_.endswith("s") or self.units.root(_singular(t.lower_)) != _singular(t.lower_) for t in nouns)

    def _new_subject(self, doc: Doc, figure: Draft, end: int) -> bool:
        """True when a new subject stands after the last comma between a figure and a share's cue, so the
        figure is not the share's part: '9,000 cases, with fraud cases taking up 12.5%' (but '188,408 people
        for theft, accounting for 17.3%', '18,000 were minors, which accounted for 15%')."""
        start = doc.char_span(figure.start, figure.end, alignment_mode="expand").end
        toks = doc[start:end]
        commas = [t.i for t in toks if t.text in {",", "，"} or t.lower_ in {"while", "whereas"}]
        if not commas:
            return False
        return any(t.is_alpha and t.lower_ not in SHARE_GLUE for t in doc[commas[-1] + 1 : end])

    def _names_whole(self, doc: Doc, of_tok: int) -> bool:
        """True when 'of' at of_tok names a whole rather than the share's own part: 'of the total', 'of all',
        'of the 9,000 cases' (a figure), not 'of the funds'."""
        k = next_tok(doc, of_tok + 1)
        if k < len(doc) and doc[k].lower_ in {"the", "these", "those"}:
            k = next_tok(doc, k + 1)
        if k >= len(doc):
            return False
        return doc[k].lower_ in {"total", "all", "overall", "whole"} or k in _draft_at(doc)

    def _overall_total(self, doc: Doc, d: Draft, drafts: list[Draft], of_tok: int, rels: list[dict]) -> Draft | None:
        """'accounting for 14.2% of the total (number of cases)': the total the release gave for the same class
        of thing, read from position and unit alone: the first earlier count of a kindred unit that is no part
        of another nor a sibling of the share's part (releases lead with their totals), never chosen by value."""
        window = doc[of_tok : min(of_tok + 7, sent_of(doc, of_tok).end)]
        words = [t.lower_ for t in window]
        if not set(words[:3]) & {"total", "all", "overall"} and "total" not in words[:5]:
            return None  # 'of the total', 'of all', 'of the national total', "of the country's total"
        part = d.fields.get("of")
        unit = part.fields.get("unit") if isinstance(part, Draft) else None
        named = self._total_noun(window)
        if named is not None and (part is None or unit is None or self.units.kin(unit, named)):
            # 'of the total number of reports', 'of all cases': the noun names what the total counts, unless the
            # part counts another class ('1,570,053 people, 14.2% of the total number of cases': translation
            # renders 件 and 人 loosely, the part's own noun is firmer; with no part figure the named noun wins
            # over a guess from the clause)
            unit = named
        if part is None and named is None:
            # 'Fraud cases made up 12.5 percent of the total': no part figure; the clause names what is counted
            nouns = [_singular(t.lower_) for t in doc[clause_start(doc, d.tok) : d.tok] if t.is_alpha]
            unit = next(
                (
                    n
                    for n in reversed(nouns)
                    if self.units.root(n) in ("case", "person")
                    or n in {x.fields.get("unit") for x in drafts if x.kind == "count"}
                ),
                None,
            )
        if unit is None:
            return None
        inner = {id(r["part"]) for r in rels if r["type"] == "part_of"}
        # the other shares' parts in the sentence are the total's siblings, not the total
        sent = sent_of(doc, d.tok)
        inner |= {
            id(x.fields["of"])
            for x in drafts
            if x.kind == "percentage" and sent.start <= x.tok < sent.end and isinstance(x.fields.get("of"), Draft)
        }
        before = part.tok if part is not None else d.tok
        cands = [
            x
            for x in drafts
            if x.kind == "count"
            and x.tok < before
            and x is not part
            and id(x) not in inner
            and not x.fields.get("_converted")
            and self.units.kin(x.fields.get("unit"), unit)
        ]
        return cands[0] if cands else None

    @staticmethod
    def _noun_at(doc: Doc, i: int) -> str | None:
        """The head noun of the phrase at token i, singular: 'the fraud cases solved' -> case, 'all suspects'
        -> suspect; None when no noun stands there ('the total', a figure)."""
        words: list[str] = []
        for t in doc[i : i + 5]:
            if t.lower_ in {"the", "all", "these", "those"} and not words:
                continue
            if not t.is_alpha or t.lower_ in NOUN_STOPS or (words and t.lower_.endswith("ed")):
                break
            words.append(t.lower_)
        nouns = [w for w in words if not w.endswith(("ed", "ing")) and w not in {"total", "overall", "whole"}]
        return _singular(nouns[-1]) if nouns else None

    @staticmethod
    def _total_noun(window: Span) -> str | None:
        """The noun a total's words name: 'of the total number of reports' -> report, 'of all cases' -> case;
        None for 'of the total' alone."""
        toks = list(window)
        for k, t in enumerate(toks):
            if t.lower_ in {"all", "total", "overall"}:
                rest = toks[k + 1 :]
                if rest[:2] and [x.lower_ for x in rest[:2]] == ["number", "of"]:
                    rest = rest[2:]
                rest = [x for x in rest if x.lower_ not in {"the", "those", "these"}]
                word = rest[0].lower_ if rest and rest[0].is_alpha else ""
                if word and word not in NOUN_STOPS and not word.endswith(("ed", "ing")):
                    return _singular(word)
                return None
        return None

    def _share_lists(self, doc: Doc, shares: list[Draft], drafts: list[Draft], rels: list[dict]) -> None:
        """Shares of one paragraph whose parts are counts share a whole ('The top 10 arrests were: 188,408 ...,
        accounting for 17.3%; 113,454 ..., 10.4%'): the total the release gave just before the list, that is
        the first count of a kindred unit in the list's paragraph before its first part, else in the nearest
        paragraph before it that has one (the genre opens a paragraph with its total). Chosen by position and
        unit, never by value; 'cued' when a colon introduces the list, else 'inferred'."""
        text = text_of(doc)
        groups: list[list[Draft]] = []
        for d in shares:
            if not isinstance(d.fields.get("of"), Draft) or "whole" in d.fields:
                continue
            if (
                groups
                and "\n\n" not in text[groups[-1][-1].end : d.start]
                and "\n" not in text[groups[-1][-1].end : d.start].strip(" ")
            ):
                groups[-1].append(d)
            else:
                groups.append([d])
        inner = {id(r["part"]) for r in rels if r["type"] == "part_of"}
        for group in groups:
            if len(group) < 2:
                continue
            evidence = [d.fields.get("_evidence", {}).get("of", {}) for d in group]
            cued = any(e.get("confidence") not in (None, "inferred") for e in evidence)
            for e in evidence:
                if cued and e.get("confidence") == "inferred":
                    # '..., accounting for 17.3%; 113,454 people for fraud, 10.4%;': a bare share continues a
                    # list whose first member carries the cue
                    e.update(cue="list", confidence="cued")
            members = {id(d.fields["of"]) for d in group}
            first_part = group[0].fields["of"]
            unit = first_part.fields.get("unit")
            cands = [
                x
                for x in drafts
                if x.kind == "count"
                and x.tok < first_part.tok
                and id(x) not in members
                and id(x) not in inner
                and (unit is None or self.units.kin(x.fields.get("unit"), unit))
            ]
            whole = self._paragraph_lead(text, cands, first_part)
            if whole is None:
                continue
            header = text[_paragraph_start(text, first_part.start) : first_part.start]
            confidence = "cued" if header.rstrip().endswith((":", "：")) else "inferred"
            cue = "list after a colon" if confidence == "cued" else "paragraph total"
            for d in group:
                _link(d, "whole", whole, cue, confidence)
                self._part_of(rels, d.fields["of"], whole, cue, confidence, via="share")

    def _ranked_lists(self, doc: Doc, drafts: list[Draft], rules: RuleIndex, rels: list[dict]) -> set[int]:
        """'By charge, theft came first at 402,000 people, followed by fraud at 287,000 people and ...'; 'The
        leading charges were: ...': the counts of a ranking, two or more of one class in its sentence, are parts
        of the total the release opened the paragraph with (the first count of their class in their paragraph
        before them, else in the nearest paragraph before that has one), as for a list of shares. Chosen by
        position and unit, never by value; the ranking's wording makes the link 'cued'."""
        text = text_of(doc)
        counts = [d for d in drafts if d.kind == "count"]
        toks = [d.tok for d in counts]
        inner = {id(r["part"]) for r in rels if r["type"] == "part_of"}
        wholes = {id(r["whole"]) for r in rels if r["type"] == "part_of"}
        seen: set[int] = set()
        made: set[int] = set()
        for cue in rules.by_label.get("RANK_CUE", ()):
            sent = sent_of(doc, cue.start)
            if sent.start in seen:
                continue
            seen.add(sent.start)
            in_sent = counts[bisect.bisect_left(toks, sent.start) : bisect.bisect_left(toks, sent.end)]
            if any(id(d) in inner or id(d) in wholes for d in in_sent):
                continue  # the sentence has parts or a whole of its own ('Of the 2.31 million charged, ...')
            items = [d for d in in_sent if not _is_baseline(doc, d.tok)]
            unit = next((d.fields.get("unit") for d in items if d.fields.get("_unit_noun")), None)
            items = [
                d
                for d in items
                if unit is None
                or d.fields.get("unit") in (None, *CATEGORY_NOUNS)
                or self.units.kin(d.fields.get("unit"), unit)
            ]  # '287,000 for fraud', '98,412 crimes of fraud': no other class of thing than the list's
            if len(items) < 2:
                continue
            end = bisect.bisect_left(toks, sent.start)
            cands = [
                x
                for x in counts[max(0, end - RANK_REACH) : end]  # the paragraphs just before: a bounded look
                if id(x) not in inner and (unit is None or self.units.kin(x.fields.get("unit"), unit))
            ]
            whole = self._paragraph_lead(text, cands, items[0])
            if whole is None:
                continue
            for d in items:
                self._part_of(rels, d, whole, cue, "cued")
                made.add(id(d))
        return made

    def _running_totals(self, doc: Doc, drafts: list[Draft], rules: RuleIndex, rels: list[dict]) -> set[int]:
        """'About 24,000 cadres were punished in May, bringing the total number of those punished this year to
        over 118,000': the count the cue follows in its sentence is a part of the count after its 'to'."""
        made: set[int] = set()
        counts = [d for d in drafts if d.kind == "count"]
        for cue in rules.by_label.get("RUNNING_TOTAL", ()):
            sent = sent_of(doc, cue.start)
            to = next((t.i for t in doc[cue.end : min(sent.end, cue.end + 14)] if t.lower_ == "to"), None)
            if to is None:
                continue
            after = counts[bisect.bisect_right(counts, to, key=_tok) : bisect.bisect_left(counts, sent.end, key=_tok)]
            lo = max(sent.start, cue.start - LINK_WINDOW)
            before = counts[bisect.bisect_left(counts, lo, key=_tok) : bisect.bisect_left(counts, cue.start, key=_tok)]
            if not after or not before or any(t.text in {",", "，"} for t in doc[to : after[0].tok]):
                continue
            part, total = before[-1], after[0]
            pu, tu = part.fields.get("unit"), total.fields.get("unit")
            if pu and tu and not self.units.kin(pu, tu) and total.fields.get("_unit_noun"):
                continue
            if pu and (tu is None or not total.fields.get("_unit_noun")):
                total.set(unit=pu)  # 'to over 118,000': the total counts what its part counts
            self._part_of(rels, part, total, cue, "cued")
            made.add(id(part))
        return made

    @staticmethod
    def _paragraph_lead(text: str, cands: list[Draft], first_part: Draft) -> Draft | None:
        """The first of `cands` in first_part's paragraph, else the first in the nearest paragraph before."""
        start = _paragraph_start(text, first_part.start)
        own = [x for x in cands if x.start >= start]
        if own:
            return own[0]
        earlier = [x for x in cands if x.start < start]
        if not earlier:
            return None
        lead_start = _paragraph_start(text, earlier[-1].start)
        return next(x for x in earlier if x.start >= lead_start)

    # -- nearest figure ------------------------------------------------------------------------------------
    def _nearest_links(self, doc: Doc, drafts: list[Draft], rules: RuleIndex, parts: set[int]) -> None:
        """A change or multiplier not linked yet qualifies the nearest quantity before it in its sentence,
        if that quantity is a figure (a measure such as '17 metric tons' blocks the link); a sentence that
        opens with 'The number ...'/'That ...' reaches back to the main figure of the sentence before."""
        quantities = doc._.quantities or []
        # what a change can qualify: no other change, no multiplier, no restated amount (sorted by token, as the
        # facts component sorts the quantities); bisected per change, so a long sentence is not walked again
        quantities = [
            (tok_i, q, reason)
            for tok_i, q, reason in quantities
            if q is None
            or not (
                (q.kind == "percentage" and q.fields.get("role") == "change")
                or q.kind == "multiplier"
                or q.fields.get("_converted")
            )
        ]
        quantity_toks = [tok_i for tok_i, _q, _reason in quantities]
        for d in drafts:
            if "of" in d.fields or d.kind not in ("percentage", "multiplier") or d.fields.get("_resp"):
                continue
            if d.kind == "percentage" and d.fields.get("role") != "change":
                continue
            sent = sent_of(doc, d.tok)
            growth = self._growth_of(doc, d, drafts, sent) if d.fields.get("points") else None
            if growth is not None:
                # 'rose 18.3%, and the growth slowed by 2.6 percentage points': the points qualify the rate
                _link(d, "of", growth, "growth", "cued")
                continue
            level = self._level_after(doc, d)
            if level is not None:
                # 'grew 18.3% to 7,412', 'up 4.92% or 21,818', '..., while approved arrests rose by 27.8% to
                # 34,329': the level the wording states wins over the nearest figure before
                _link(d, "of", level[0], level[1], "stated")
                continue
            target = None
            found = False
            # the quantities before d in its sentence, nearest first (bisected: no walk from the end of the doc),
            # at most LINK_WINDOW tokens back (a 'sentence' of a table without stops holds thousands of figures)
            first = bisect.bisect_left(quantity_toks, max(sent.start, d.tok - LINK_WINDOW))
            for j in range(bisect.bisect_left(quantity_toks, d.tok) - 1, first - 1, -1):
                tok_i, q, _reason = quantities[j]
                if q is not None and self._modifier_amount(doc, q, d, drafts):
                    continue
                if q is not None and _is_baseline(doc, tok_i):
                    # 'compared with 4,000 in 2021, an increase of 25 percent': the earlier figure is the baseline
                    _link(d, "baseline", q, doc[prev_tok(doc, tok_i - 1)].lower_, "stated", keep=True)
                    continue
                target, found = q, True
                if q is not None and not self._same_subject(doc, q, d, rules):
                    target = None  # 'closed 87 venues, and the number of drug cases increased fourfold'
                elif q is not None and self._own_subject(doc, q, d, rules):
                    target = None  # 'dropped to 2,098, and second instance cases increased by 4.92%'
                break
            if target is not None:
                # the change follows its figure in one clause ('filed 999 cases, up 28.6%'); across a ';' or
                # ':' it is a guess
                broken = clause_start(doc, d.tok) > target.tok
                _link(d, "of", target, None, "inferred" if broken else "cued")
                continue
            if not found:
                anaphor = self._anaphora(doc, sent, drafts, rules, parts)
                if anaphor is not None:
                    target, cue = anaphor
                    _link(d, "of", target, cue.text.lower(), "cued", cue.id_)
                    continue
                fronted = self._fronted_change(doc, d, sent, drafts)
                if fronted is not None:
                    _link(d, "of", fronted, "fronted", "inferred")
                    continue
                restated = self._restated_subject(doc, d, sent, drafts, rules)
                if restated is not None:
                    _link(d, "of", restated[0], restated[1], "cued")
        for d in drafts:
            if d.kind in ("percentage", "multiplier") and isinstance(d.fields.get("of"), Draft):
                if "baseline" not in d.fields:
                    found_base = self._stated_baseline(doc, d, drafts)
                    if found_base is not None:
                        _link(d, "baseline", *found_base)
                base = d.fields.get("baseline")
                if isinstance(base, Draft) and (base is d.fields["of"] or base.kind != d.fields["of"].kind):
                    d.fields.pop("baseline")

    def _restated_subject(
        self, doc: Doc, d: Draft, sent: Span, drafts: list[Draft], rules: RuleIndex
    ) -> tuple[Draft, str] | None:
        """'Customs cracked 9,212 cases and seized goods worth 3.9 billion yuan. While the goods seized were 8 per
        cent more, the cases uncovered were down 27 per cent': a change whose clause has a definite subject
        ('the cases uncovered') and no figure qualifies the latest count of that noun in the two sentences
        before (money for 'goods', 'value', 'amount'), the one its participle acted on when it says one."""
        lo = max(sent.start, d.tok - 12)  # the subject stands a few words before its change
        cue = next((c for c in reversed(rules.within(lo, d.tok, "CHANGE")) if d.tok - c.end <= 4), None)
        end = cue.start if cue is not None else d.tok
        joints = {",", "，", "while", "and", "whereas"}
        seg = max((t.i + 1 for t in doc[lo:end] if t.lower_ in joints), default=lo)
        words = [t for t in doc[seg:end] if not t.is_space]
        if len(words) < 2 or words[0].lower_ != "the":
            return None
        phrase = []
        for t in words[1:]:
            if not t.is_alpha or t.lower_ in AUXILIARIES:
                break
            phrase.append(t.lower_)
        nouns = [w for w in phrase if not w.endswith("ed")]
        if not nouns or nouns[0] in {"number", "figure", "total", "rate", "proportion", "share"}:
            return None  # 'The number of ...' and its kin are read elsewhere
        noun = _singular(nouns[-1]) if len(nouns) < 3 else _singular(nouns[0])
        participle = next((w for w in phrase if w.endswith("ed")), None)
        start = self._sentences_back(doc, sent, 2)
        toks = [x.tok for x in drafts]
        pool = [x for x in drafts[bisect.bisect_left(toks, start) : bisect.bisect_left(toks, sent.start)]]
        if noun in MONEY_NOUNS:
            cands = [x for x in pool if x.kind == "money"]
        else:
            cands = [x for x in pool if x.kind == "count" and self.units.kin(x.fields.get("unit"), noun)]
        acted = [x for x in cands if participle and _acted(x, participle)]
        pick = (acted or cands)[-1:] if (acted or cands) else []
        return (pick[0], f"the {' '.join(phrase)}") if pick else None

    @staticmethod
    def _fronted_change(doc: Doc, d: Draft, sent: Span, drafts: list[Draft]) -> Draft | None:
        """'In 2021, up 12.3% year on year, police filed 3,400 fraud cases': a change in a clause fronted before
        its sentence's first figure (a comma after it, no figure before it) qualifies the first figure of the
        main clause; a guess ('inferred')."""
        end = doc.char_span(d.start, d.end, alignment_mode="expand").end
        comma = next((t.i for t in doc[end : min(sent.end, end + 8)] if t.text in {",", "，"}), None)
        if comma is None:
            return None
        # the clause names nothing that changed ('Cases rose 12.3%, while arrests reached 3,400' is no fronting)
        rules = RuleIndex.of(doc)
        c_start = clause_start(doc, d.tok)
        # a clause of a sentence without stops can be the whole text: each test reads from d back only as far
        # as it must, and the drafts by bisection (a walk of the clause and of every draft per change was
        # quadratic in the changes of such a text)
        if rules.any_within(c_start, d.tok, "UNIT") or rules.any_within(c_start, d.tok, "ACTION"):
            return None
        seg = d.tok
        while seg > c_start and doc[seg - 1].text not in {",", "，"}:
            seg -= 1  # the token after the clause's last comma before d, else the clause's start
        first = next((t for t in doc[seg : d.tok] if t.is_alpha), None)
        if first is None or first.lower_ not in FRONTED_OPENERS:
            return None  # 'The figure rose 12.3%, and police filed ...': a clause with a subject of its own
        k = bisect.bisect_right(drafts, comma, key=lambda x: x.tok)
        while k < len(drafts) and drafts[k].tok < sent.end:
            x = drafts[k]
            if x.kind in ITEM_KINDS or x.kind == "percentage":
                return x if x.kind in ITEM_KINDS else None
            k += 1
        return None

    @staticmethod
    def _growth_of(doc: Doc, d: Draft, drafts: list[Draft], sent: Span) -> Draft | None:
        """The change percentage a change in percentage points qualifies when its clause names the growth
        ('the growth slowed by 2.6 percentage points', 'the growth rate was 1.2 points lower')."""
        last = _last_before(
            drafts, sent.start, d.tok, lambda x: x.kind == "percentage" and x.fields.get("role") == "change"
        )
        if last is None or last.fields.get("points"):
            return None
        between = {t.lower_ for t in doc[last.tok + 1 : d.tok]}
        return last if between & GROWTH_WORDS else None

    def _modifier_amount(self, doc: Doc, q: Draft, d: Draft, drafts: list[Draft]) -> bool:
        """True when amount q only describes a count before it in the clause: '1,200 cases involving more than
        30 million yuan, up 9%' (the change is the cases')."""
        if q.kind != "money":
            return False
        ending = RuleIndex.of(doc).ending
        k = q.tok - 1
        while k >= 0 and (doc[k].is_space or any(s.label_ == "APPROX" for s in ending.get(k + 1, ()))):
            k = k - 1 if doc[k].is_space else min(s.start for s in ending[k + 1]) - 1
        if k < 0 or doc[k].lower_ not in AMOUNT_MODIFIERS:
            return False
        start = clause_start(doc, q.tok)
        return _last_before(drafts, start, q.tok, lambda x: x.kind == "count") is not None

    def _stated_baseline(self, doc: Doc, d: Draft, drafts: list[Draft]) -> tuple[Draft, str, str] | None:
        """The earlier figure a change is measured from, when the sentence states it: 'from 1,250 in 2018 to
        1,600', '512,000 cases in 2020 and 598,000 cases in 2021, an increase of 21.8%'."""
        target = d.fields["of"]
        # 'up 9.2% from 53,400 in 2021': the earlier figure right after the change
        k = next_tok(doc, doc.char_span(d.start, d.end, alignment_mode="expand").end)
        basis = next((s for s in RuleIndex.of(doc).starting.get(k, ()) if s.label_ == "BASIS"), None)
        if basis is not None:
            k = next_tok(doc, basis.end)
        cue = doc[k].lower_ if k < len(doc) else ""
        if cue in COMPARATIVES and k + 1 < len(doc) and doc[next_tok(doc, k + 1)].lower_ == "than":
            # '25% more than 1,440 in 2020', '8% higher than the 1,440 of 2020'
            cue, k = f"{cue} than", next_tok(doc, k + 1)
            if next_tok(doc, k + 1) < len(doc) and doc[next_tok(doc, k + 1)].lower_ == "the":
                k = next_tok(doc, k + 1)
        if cue == "from" or cue.endswith(" than"):
            after = _draft_at(doc).get(next_tok(doc, k + 1))
            if after is not None and after.kind == target.kind and after is not target:
                return after, cue, "stated"
        sent = sent_of(doc, d.tok)
        prev = _last_before(drafts, sent.start, target.tok, lambda x: x.kind == target.kind)
        if prev is None:
            return None
        if _is_baseline(doc, prev.tok):
            return prev, doc[prev_tok(doc, prev.tok - 1)].lower_, "stated"
        y_prev, y_target = _year_after(doc, prev.tok), _year_after(doc, target.tok)
        same_unit = prev.fields.get("unit") == target.fields.get("unit") and prev.fields.get(
            "currency"
        ) == target.fields.get("currency")
        if same_unit and y_prev and y_target and y_prev < y_target:
            return prev, f"{y_prev} ... {y_target}", "cued"  # '512,000 cases in 2020 and 598,000 in 2021'
        return None

    def _same_subject(self, doc: Doc, q: Draft, d: Draft, rules: RuleIndex) -> bool:
        """False when 'the number of X' between figure q and qualifier d names something q does not count."""
        if q.kind != "count" or not q.fields.get("unit"):
            return True
        for span in rules.within(q.tok + 1, d.tok, "ANAPHOR"):
            k = span.end - 1 if span[-1].lower_ == "of" else next_tok(doc, span.end)
            if k >= len(doc) or doc[k].lower_ != "of":
                continue
            words = [t.lower_ for t in doc[k + 1 : min(d.tok, k + 7)] if t.is_alpha]
            units = {_singular(w) for w in words}
            unit = q.fields["unit"]
            return unit in units or any(self.units.kin(unit, u) for u in units)
        return True

    def _level_after(self, doc: Doc, d: Draft) -> tuple[Draft, str] | None:
        """'dropped 4.2 percentage points to 11.3 percent', 'fell 8.9% to 1.12 million': the level the change
        moved to, when nothing before it in the sentence is what changed."""
        end_tok = doc.char_span(d.start, d.end, alignment_mode="expand").end
        k = next_tok(doc, end_tok)
        # 'a 12.3% increase in fraud cases to 3,400': the change word after the figure
        change = next((s for s in RuleIndex.of(doc).starting.get(k, ()) if s.label_ == "CHANGE"), None)
        if change is not None:
            k = next_tok(doc, change.end)
        # skip a comparison in between: 'fell 8.9% year on year to 1.12 million', 'grew 12.3% over the previous
        # year, totalling 3,400'
        if k < len(doc) and doc[k].lower_ in {"over", "on", "than"}:
            j = next_tok(doc, k + 1)
            if any(s.label_ == "BASIS" for s in RuleIndex.of(doc).starting.get(j, ())):
                k = j
        basis = next((s for s in RuleIndex.of(doc).starting.get(k, ()) if s.label_ == "BASIS"), None)
        if basis is not None:
            k = next_tok(doc, basis.end)
        if k < len(doc) and doc[k].lower_ == "from":
            # 'fell by 9 per cent from 2,689 in 2022 to 2,447': the figure after 'from' is the baseline
            base = _draft_at(doc).get(next_tok(doc, k + 1))
            j = next_tok(doc, k + 2)
            while j < min(len(doc), k + 8) and doc[j].lower_ != "to":
                j += 1
            if base is not None and j < len(doc) and doc[j].lower_ == "to":
                _link(d, "baseline", base, "from", "stated", keep=True)
                k = j
        # 'a 12.3% increase in fraud cases to 3,400': the changed noun may stand before 'to'
        if k < len(doc) and doc[k].lower_ == "in":
            j = next_tok(doc, k + 1)
            while j < min(len(doc), k + 6) and doc[j].is_alpha and doc[j].lower_ not in {"to", "and", "or"}:
                j = next_tok(doc, j + 1)
            if j < len(doc) and doc[j].lower_ == "to":
                k = j
        # ', reaching 3,400', 'to reach 3,400', 'totalling 3,400', 'to stand at 3,400': the level it reached
        if k < len(doc) and doc[k].text == "," and next_tok(doc, k + 1) < len(doc):
            if doc[next_tok(doc, k + 1)].lower_ in LEVEL_VERBS:
                k = next_tok(doc, k + 1)
        if k < len(doc) and doc[k].lower_ == "to" and next_tok(doc, k + 1) < len(doc):
            if doc[next_tok(doc, k + 1)].lower_ in LEVEL_VERBS:
                k = next_tok(doc, k + 1)
        cue = doc[k].lower_ if k < len(doc) else ""
        if cue in LEVEL_VERBS:
            j = next_tok(doc, k + 1)
            while j < len(doc) and doc[j].lower_ in {"at", "to", "a", "total", "of"}:
                j = next_tok(doc, j + 1)
            k = prev_tok(doc, j - 1)  # the figure after the verb's words is read as after 'to'
        # 'increased by 4.92% or 21,818 cases' (MT of 为 N): the level, like 'to'
        if k < len(doc) and (cue in LEVEL_VERBS or doc[k].lower_ in {"to", "or"}):
            j = next_tok(doc, k + 1)
            approx = RuleIndex.of(doc).starting_at(j, "APPROX")
            if approx is not None:
                j = next_tok(doc, approx.end)  # 'rose 30.7 percent to nearly 117,000'
            target = _draft_at(doc).get(j)
            if target is None:
                return None
            if d.fields.get("points"):
                ok = target.kind == "percentage" and target.fields.get("role") in ("rate", "level")
            else:
                ok = target.kind in ITEM_KINDS
            if ok:
                return target, cue if cue in LEVEL_VERBS else doc[k].lower_
        return None

    @staticmethod
    def _anaphora(
        doc: Doc, sent: Span, drafts: list[Draft], rules: RuleIndex, parts: set[int]
    ) -> tuple[Draft, Span] | None:
        first = sent.start
        while first < sent.end and (doc[first].is_space or doc[first].text in QUOTES):
            first += 1
        anaphor = rules.starting_at(first, "ANAPHOR")
        if anaphor is None or sent.start == 0:
            return None
        prev = sent_of(doc, sent.start - 1)
        cands = [
            d
            for d in drafts
            if prev.start <= d.tok < prev.end
            and d.kind in ITEM_KINDS
            and id(d) not in parts
            and not d.fields.get("_converted")
        ]
        k = anaphor.end - 1 if anaphor[-1].lower_ == "of" else next_tok(doc, anaphor.end)
        if k < len(doc) and doc[k].lower_ == "of":
            # 'The number of solved cases is ...' refers back only to a figure counting the same thing
            words = [t.lower_ for t in doc[k + 1 : min(sent.end, k + 8)] if t.is_alpha]
            units = {_singular(w) for w in words}
            cands = [d for d in cands if d.fields.get("unit") in units]
        return (cands[0], anaphor) if cands else None

    # -- units of bare counts ------------------------------------------------------------------------------
    @staticmethod
    def _fill_units(doc: Doc, drafts: list[Draft], rels: list[dict]) -> None:
        """A count with no noun ('287 of which had been cracked', 'nine Class A and 24 Class B suspects') takes
        its unit from, in order: the count it is coordinated with, the whole a cue made it part of, the count
        before it in its sentence, a whole found through shares, the verb ('Prosecuted 405,000 for ...')."""
        from extractor.components.units import CASE_ACTIONS, PERSON_ACTIONS

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
            if unit is None and prev is not None and sent_of(doc, prev.tok).start == sent.start:
                unit = prev.fields.get("unit")
            if unit is None and id(d) in share_whole:
                unit = share_whole[id(d)].fields.get("unit")
            action = d.fields.get("action") or ""
            if unit is None and PERSON_ACTIONS.search(action):
                unit = "person"
            if unit is None and CASE_ACTIONS.search(action):
                unit = "case"
            if unit:
                d.fields["unit"] = unit


BASELINE_WORDS = words("baseline_words")
COMPARATIVES = words("comparatives")
FIRMNESS = {"inferred": 0, "cued": 1, "stated": 2}
GROWTH_WORDS = {"growth"}
LIST_NOUNS = {"forms", "ways", "categories", "types", "kinds", "classes", "groups"}
BACK_REFERENCES = words("back_references")
REFERRING_WORDS = words("referring_words")
FRACTION_WORDS = words("fraction_words")
LEVEL_VERBS = words("level_verbs")
FRONTED_OPENERS = words("fronted_openers")
NOUNS_BEFORE_OF = words("nouns_before_of")
CATEGORY_NOUNS = words("category_nouns")
PRIOR_PERIOD = words("prior_period")
MONEY_NOUNS = words("money_nouns")
# words that may stand between a figure's comma and its share cue without being a new subject
SHARE_GLUE = words("share_glue")
AMOUNT_MODIFIERS = words("amount_modifiers")


def _link(
    d: Draft,
    role: str,
    target: Draft,
    cue: str | None,
    confidence: str,
    pattern_id: str | None = None,
    keep: bool = False,
) -> None:
    """Point figure d's `role` field ('of', 'whole', 'baseline') at `target`, with the evidence the record's
    link relation reports; `keep` leaves a link already made in place."""
    if keep and role in d.fields:
        return
    d.fields[role] = target
    d.fields.setdefault("_evidence", {})[role] = {"cue": cue, "pattern_id": pattern_id, "confidence": confidence}


def _tok(d: Draft) -> int:
    return d.tok


def _prior_period(doc: Doc, d: Draft) -> bool:
    """True when count d is stated for the year before in a clause that opens its sentence ('In the same months
    of last year, about 287,000 people were punished'): a comparison, never the whole of this year's parts."""
    sent = sent_of(doc, d.tok)
    first = next_tok(doc, sent.start)
    if first >= d.tok or doc[first].lower_ not in {"in", "during", "for", "over"}:
        return False
    words = " ".join(t.lower_ for t in doc[first : d.tok])
    return any(w in words for w in PRIOR_PERIOD)


def _paragraph_start(text: str, at: int) -> int:
    """Where the paragraph holding character `at` starts: after the last blank line (or line break) before it."""
    k = text.rfind("\n", 0, at)
    return 0 if k < 0 else k + 1


def _is_baseline(doc: Doc, i: int) -> bool:
    """True when the figure at token i is named as the earlier figure: 'from 2,689', 'compared with 4,000',
    'than 1,486'."""
    k = prev_tok(doc, i - 1)
    if k < 0:
        return False
    word = doc[k].lower_
    if word == "than" and k > 0:
        # 'charged more than 41,000 people' qualifies the figure; '25% more than 1,486' names the earlier one
        j = prev_tok(doc, k - 1)
        if j >= 0 and doc[j].lower_ in {"more", "less", "fewer"}:
            before = prev_tok(doc, j - 1)
            return before >= 0 and (is_num(doc[before]) or doc[before].text in {"%", "percent"})
    if word in BASELINE_WORDS:
        return True
    return word in {"with", "to"} and k > 0 and doc[prev_tok(doc, k - 1)].lower_ in {"compared", "comparing", "versus"}


def _draft_at(doc: Doc) -> dict[int, Draft]:
    """The draft at each token of the doc the linker is reading (set for the length of its call)."""
    return doc_context(doc).draft_at or {}


def _acted(d: Draft, verb: str) -> bool:
    """True when count d's action is `verb` ('captured', 'prosecuted') or a verb of its class ('Among the
    penalized' reads back to 'punished 2,300 officials'), not negated."""
    action = d.fields.get("action") or ""
    if action.startswith(("not ", "decided not")):
        return False
    last = action.split()[-1:]
    return bool(last) and (last[0] == verb or VERB_CLASS.get(last[0], last[0]) == VERB_CLASS.get(verb, verb))


def _year_in_cue(doc: Doc, part: Draft) -> int | None:
    """The year named between the head of the part's sentence and the part: 'Of the cases accepted in 2021, N'."""
    sent = sent_of(doc, part.tok)
    for t in doc[sent.start : part.tok]:
        if re.fullmatch(r"(19|20)\d\d", t.text):
            return int(t.text)
    return None


def _year_after(doc: Doc, i: int) -> int | None:
    """The year in 'N ... in 2020' right after the figure at token i (within four tokens), else None."""
    for t in doc[i + 1 : i + 6]:
        if t.text in {",", ";", "."} or (is_num(t) and not re.fullmatch(r"(19|20)\d\d", t.text)):
            return None
        if re.fullmatch(r"(19|20)\d\d", t.text):
            return int(t.text)
    return None


def _list_goes_on(doc: Doc, breaks: list[int], part: Draft) -> bool:
    """True when an 'including' list goes on past each ';' before `part`: the segment after the break opens
    with a figure and holds no verb before it ('including 311,000 ...; 61 provincial-level cadres, 2,870 ...'),
    and `part` opens an item of that segment."""
    if any(doc[b].text not in {";", "；"} for b in breaks):
        return False
    for b in breaks:
        k = next_tok(doc, b + 1)
        while k < len(doc) and doc[k].lower_ in {"and", "as", "well", "plus"}:
            k = next_tok(doc, k + 1)
        if k >= len(doc) or not is_num(doc[k]):
            return False
        end = next((t.i for t in doc[b + 1 : sent_of(doc, b).end] if t.text in CLAUSE_BREAKS), sent_of(doc, b).end)
        if any(t.lower_ in AUXILIARIES or (t.is_lower and t.lower_.endswith("ed")) for t in doc[b + 1 : end]):
            return False  # '; 2,100 suspects were arrested': a clause of its own
    return next_tok(doc, breaks[-1] + 1) == part.tok or _opens_item(doc, part.tok)


def _presented_as_total(doc: Doc, d: Draft) -> bool:
    """True when the clause of count d presents it as a total: 'a total of', 'in total', 'various', 'all kinds
    of' (words of the `total_marker` list) in its clause up to a few words after it."""
    start = clause_start(doc, d.tok)
    end = min(sent_of(doc, d.tok).end, d.tok + 8)
    words = " ".join(t.lower_ for t in doc[start:end] if not t.is_space)
    return any(re.search(rf"\b{re.escape(m)}\b", words) for m in TOTAL_MARKERS)


def _lead_gap(doc: Doc, start: int, i: int) -> bool:
    """True when more than a few words, or a capitalised name, stand between a partitive lead ('Of the', 'Among
    the') and the figure at token i, so the figure is not the lead's whole ('Of the total 3,000 cases' is)."""
    gap = [t for t in doc[start:i] if not t.is_space]
    return len(gap) > 3 or any(t.is_title for t in gap)


def _opens_item(doc: Doc, i: int) -> bool:
    """True when the count at token i opens a list item: right after 'and' or a comma ('..., 860 theft cases'),
    or after its own noun that does ('..., robbery fugitives 41', the order translation keeps from Chinese)."""
    k = prev_tok(doc, i - 1)
    words = 0
    while k >= 0 and doc[k].is_alpha and doc[k].lower_ not in LIST_JOINERS and words < 3:
        k = prev_tok(doc, k - 1)
        words += 1
    if k < 0 or doc[k].lower_ not in LIST_JOINERS:
        return False
    return words == 0 or not any(t.lower_ in NOUN_STOPS for t in doc[k + 1 : i])


def _new_verb_clause(doc: Doc, start: int, end: int) -> bool:
    """True when ', and' followed by a past verb stands between tokens start and end: a new clause with its own
    verb ('..., and prosecuted 105 officials'), not a list item ('..., and 2,000 for fraud')."""
    for t in doc[start:end]:
        if t.lower_ == "and" and t.i > start and doc[t.i - 1].text in {",", "，"}:
            k = next_tok(doc, t.i + 1)
            if k < end and doc[k].is_alpha and doc[k].lower_.endswith("ed") and not doc[k].is_title:
                return True
    return False


def _singular(word: str) -> str:
    from extractor.components.units import singular

    return {"people": "person", "persons": "person"}.get(word, singular(word))
