"""Changes and multipliers: 'respectively' lists, parallel changes, and each remaining change or multiplier
linked to the figure it qualifies (`of`), with the level after 'to' or 'or' and a stated baseline."""

from __future__ import annotations

import bisect
import itertools
import re

from spacy.tokens import Doc, Span

from extractor.components.context import (
    Draft,
    RuleIndex,
    clause_start,
    next_tok,
    prev_tok,
    sent_of,
    text_of,
)
from extractor.components.relations.common import (
    AMOUNT_MODIFIERS,
    AUXILIARIES,
    BACK_REFERENCES,
    CHANGE_NOUNS,
    COMPARATIVES,
    FRONTED_OPENERS,
    GROWTH_WORDS,
    LEVEL_VERBS,
    LINK_WINDOW,
    MEASURE_NOUNS,
    MONEY_NOUNS,
    RATE_CHANGE_VERBS,
    VERB_CLASS,
    _acted,
    _bracketed_before,
    _counts_kinds,
    _draft_at,
    _is_baseline,
    _last_before,
    _link,
    _measure_of_a_count,
    _per_item,
    _singular,
    _time_adverbial,
    _tok,
    _year_after,
    first_word,
)
from extractor.components.units import singular
from extractor.kinds import ITEM_KINDS
from extractor.lexicon import words

TOTAL_OPENINGS = words("total_openings")  # 'In total, 2,330 cases ...': a sentence presenting its figure as a total
SIZE_COMPARATIVES = words("size_comparatives")  # 'the rate of decrease was 1.2% smaller than ...'


class ChangesMixin:
    """The change and multiplier links of the relation linker."""

    # -- respectively --------------------------------------------------------------------------------------
    def _respectively(self, doc: Doc, drafts: list[Draft], rules: RuleIndex, rels: list[dict]) -> None:
        done_until = -1
        # drafts and quantities are sorted by token: each cue bisects its window and reads it from its end, as
        # far as it needs (a long sentence of lists without items was walked whole once per cue)
        toks = [d.tok for d in drafts]
        converted = [d for d in drafts if d.fields.get("_converted")]
        slot_index: dict[tuple[str, ...], tuple[list[int], list[Draft | None]]] = {}
        ahead_taken: set[int] = set()  # counts a list named by its nouns took ('cases and officials ... 24% and 19.8%')
        for cue in rules.by_label.get("RESPECTIVELY", ()):
            sent = sent_of(doc, cue.start)
            lo = bisect.bisect_left(toks, max(sent.start, done_until + 1))
            # the drafts before the cue in its sentence (not yet in a list), restated amounts left out, last first
            before_rev = (drafts[i] for i in range(bisect.bisect_left(toks, cue.start) - 1, lo - 1, -1))
            # restated amounts left out, and counts of kinds ('the other two forms of handling, namely ...'),
            # which no list of changes or shares qualifies
            before_rev = (d for d in before_rev if not d.fields.get("_converted") and not _counts_kinds(d))
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
                if len(earlier) < len(quals) and same_para and refers_back and prev_sent.start > 0:
                    # '... solved 19,600 cases and held 27,300 suspects. Furthermore, 8.4 tonnes were seized and
                    # 95,000 addicts registered. These represent drops of ...': two sentences of one paragraph
                    two_back = sent_of(doc, prev_sent.start - 1)
                    if "\n\n" not in text_of(doc)[two_back.end_char : prev_sent.start_char]:
                        wider = self._slots(doc, two_back.start, prev_sent.end, item_kinds, done_until, slot_index)
                        earlier = wider if len(wider) == len(quals) else earlier
                if len(earlier) == len(quals) and same_para and refers_back:
                    items, confidence = earlier, "cued"
            if items and len(items) < len(quals) and sent.start > 0:
                prev_sent = sent_of(doc, sent.start - 1)
                if "\n\n" not in text_of(doc)[prev_sent.end_char : sent.start_char + 1]:
                    earlier = self._slots(doc, prev_sent.start, sent.start, item_kinds, done_until, slot_index)
                    items = earlier[-(len(quals) - len(items)) :] + items
            if len(items) > len(quals):
                # 'topped 8,000 for the first time, reaching 8,412 appeals, and 5,127 were reviewed, up 12.6% and
                # 7.45% respectively': a bar passed on the way to a level holds no place in the list
                items = [it for n, it in enumerate(items) if not self._passed_bar(doc, it, items[n + 1 : n + 2])]
            if not items:
                items = self._named_ahead(doc, sent, quals, cue, slot_index, ahead_taken)
                confidence = "cued"
            if not items:
                items = self._named_behind(doc, sent, quals, slot_index, ahead_taken)
            if not items:
                continue
            self._pair(items, quals, rels, cue, confidence)
            self._whole_after(doc, cue, quals)
            done_until = cue.start

    @staticmethod
    def _passed_bar(doc: Doc, item: Draft | None, nxt: list) -> bool:
        """True when count `item` is a bar the next item reaches past: 'topped 8,000 ..., reaching 8,412'."""
        if item is None or not nxt or nxt[0] is None:
            return False
        end = doc.char_span(item.start, item.end, alignment_mode="expand").end
        between = [t.lower_ for t in doc[end : nxt[0].tok] if t.is_alpha]
        return bool(between) and between[-1] in LEVEL_VERBS and len(between) <= 8

    def _named_ahead(
        self, doc: Doc, sent: Span, quals: list[Draft], cue: Span, index: dict, taken: set[int]
    ) -> list[Draft]:
        """'The number of cases and officials rose by 24% and 19.8%, respectively. ... A total of 10,840 people in
        8,222 cases ...': a list with no figures before it names its items by their nouns. Each noun takes the
        first count of its unit (or a unit it is a kind of, officials among people) after the list, in its own
        sentence or the first one ahead that holds counts (within three), not one an earlier list took; the list
        pairs in the nouns' order. Every noun must find its own count, else nothing pairs."""
        window = [t for t in doc[sent.start : quals[0].tok] if t.is_alpha]
        nouns = [(t.i, singular(t.lower_)) for t in window]
        ahead = self._counts_ahead(doc, sent, cue, index)
        found: list[tuple[int, Draft]] = []
        for q in ahead:
            unit = q.fields.get("unit")
            if id(q) in taken or not unit:
                continue
            at = next((i for i, n in nouns if n == unit), None)
            if at is None:
                at = next((i for i, n in nouns if self.units.is_a(n, unit) or self.units.is_a(unit, n)), None)
            if at is not None and all(a != at for a, _ in found):
                found.append((at, q))
        if len(found) != len(quals):
            return []
        taken.update(id(q) for _, q in found)
        return [d for _, d in sorted(found, key=lambda p: p[0])]

    def _named_behind(self, doc: Doc, sent: Span, quals: list[Draft], index: dict, taken: set[int]) -> list[Draft]:
        """'Police filed 3,200 cases, seized goods worth 41 million yuan and held 5,100 suspects. Cases, the value of
        goods seized and suspects fell 9%, 21% and 6% respectively': a list with no figures names its items by their
        nouns, and the sentence before (in its paragraph) gives them: each noun the count of its unit, a value or
        amount the money. Every noun must find its own figure, in order, else nothing pairs."""
        if sent.start == 0:
            return []
        prev = sent_of(doc, sent.start - 1)
        if "\n\n" in text_of(doc)[prev.end_char : sent.start_char]:
            return []
        periods = [
            {m.value for m in doc._.date_matches or () if sp.start_char <= m.start < sp.end_char}
            for sp in (prev, sent)
        ]
        if all(periods) and not periods[0] & periods[1]:
            return []  # '... between 2021 and 2025, ... . The number of cases in 2024 fell ...': another period
        figures = [q for q in self._slots(doc, prev.start, prev.end, ITEM_KINDS, -1, index) if q is not None]
        items = [x for x in re.split(r",|\band\b", doc[sent.start : quals[0].tok].text) if x.strip()]
        if len(items) != len(quals):
            return []
        found: list[Draft] = []
        for item in items:
            words = [singular(w.lower()) for w in re.findall(r"[A-Za-z]+", item)]
            money = bool(set(words) & MONEY_NOUNS)
            pick = next(
                (
                    q
                    for q in figures
                    if id(q) not in taken
                    and q not in found
                    and (
                        (money and q.kind == "money")
                        or (not money and q.kind == "count" and q.fields.get("unit") in words)
                    )
                ),
                None,
            )
            if pick is None:
                return []
            found.append(pick)
        if [f.tok for f in found] != sorted(f.tok for f in found):
            return []
        taken.update(id(q) for q in found)
        return found

    def _counts_ahead(self, doc: Doc, sent: Span, cue: Span, index: dict) -> list[Draft]:
        """The counts after `cue` in its sentence, else in the first of the next three sentences that has any."""
        counts = [q for q in self._slots(doc, cue.end, sent.end, ("count",), -1, index) if q is not None]
        nxt = sent
        for _ in range(3):
            if counts or nxt.end >= len(doc):
                break
            nxt = sent_of(doc, next_tok(doc, nxt.end))
            counts = [q for q in self._slots(doc, nxt.start, nxt.end, ("count",), -1, index) if q is not None]
        return counts

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
            if (d.kind == "percentage" or d.kind == "multiplier")
            and "of" not in d.fields
            and not d.fields.get("_resp")
            and (d.kind == "multiplier" or d.fields.get("role") in ("change", "level"))
            and not d.fields.get("points")
        ]
        toks = [d.tok for d in drafts]  # drafts are sorted by token: each group reads its sentence by bisection
        i = 0
        while i < len(pcts):
            group = [pcts[i]]
            while i + len(group) < len(pcts) and self._list_gap(doc, group[-1], pcts[i + len(group)], rules, drafts):
                group.append(pcts[i + len(group)])
            i += len(group)
            if len({d.kind for d in group}) > 1:
                continue  # a list is of one kind: '2.3 times, 3.6 times and 3.4 times that of 2021'
            changes = [d for d in group if d.fields.get("role") == "change" or d.kind == "multiplier"]
            if len(group) < 2 or len(changes) < len(group) - 1 or not changes:
                continue
            sent = sent_of(doc, group[0].tok)
            cues = rules.within(sent.start, sent.end, "RESPECTIVELY")
            if any(c.start > group[0].tok for c in cues):
                continue
            # '..., up 38% and 40%, respectively, and 9152 cases of 20290 persons were prosecuted, up 40.9% and
            # 50.8%': a 'respectively' closes the list before it; this list pairs with the counts after it
            lo = max([sent.start, *(c.end for c in cues)])
            window = drafts[bisect.bisect_left(toks, lo) : bisect.bisect_left(toks, group[0].tok)]
            counts = [d for d in window if d.kind == "count" and not d.fields.get("_converted")]
            how = ("in order", "inferred")
            if not window and sent.start > 0 and self._opens_with(doc, sent, rules, "PLURAL_ANAPHOR"):
                # 'These figures were up 41.3 percent and 88.2 percent': the counts of the sentence before,
                # as many as the changes, and no other figure among them
                prev = sent_of(doc, sent.start - 1)
                window = drafts[bisect.bisect_left(toks, prev.start) : bisect.bisect_left(toks, prev.end)]
                window = [d for d in window if d.kind != "date" and d.kind != "operation"]
                counts = [d for d in window if d.kind == "count" and not d.fields.get("_converted")]
                if len(counts) != len(group):
                    continue
                how = ("these figures", "cued")  # the words say which counts; only the pairing is by order
            if len(counts) < len(group):
                continue
            items = counts[-len(group) :]
            if any(d.kind != "count" and d.tok > items[0].tok for d in window):
                continue  # another figure between the counts and the list: no plain pairing
            ref = changes[0]
            for item, q in zip(items, group, strict=True):
                if q.kind == "percentage" and q.fields.get("role") != "change":
                    q.fields["role"] = "change"
                    q.fields.update({k: ref.fields[k] for k in ("direction", "basis", "basis_year") if k in ref.fields})
                _link(q, "of", item, *how)
                q.fields["_resp"] = True

    @staticmethod
    def _opens_with(doc: Doc, sent: Span, rules: RuleIndex, label: str) -> bool:
        """True when the sentence's first word (quotes and spaces passed) opens a `label` span."""
        return rules.starting_at(first_word(doc, sent), label) is not None

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
                or (q is not None and q.kind in kinds and not q.fields.get("_converted") and not _counts_kinds(q))
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
            growth = self._growth_of(doc, d, drafts, sent, bool(d.fields.get("points")))
            if growth is not None:
                # 'rose 18.3%, and the growth slowed by 2.6 percentage points': the points qualify the rate
                _link(d, "of", growth, "growth", "cued")
                continue
            money = self._amount_named_after(doc, d, drafts, sent) if d.kind == "multiplier" else None
            if money is not None:
                # '11,000 cases of aid worth 160 million yuan, triple the amount in 2018': the noun after the
                # multiplier says it is of the money, not of the nearest count
                _link(d, "of", money[0], money[1], "cued")
                continue
            level = self._level_after(doc, d)
            if level is not None:
                # 'grew 18.3% to 7,412', 'up 4.92% or 21,818', '..., while approved arrests rose by 27.8% to
                # 34,329': the level the wording states wins over the nearest figure before
                _link(d, "of", level[0], level[1], "stated")
                continue
            named = self._named_subject(doc, d, sent, drafts)
            if named is not None:
                # '58 cases were registered with fines of 420 million yuan; the number of cases registered rose
                # by 16.5%, and the amount of fines by 8.7%': the clause names what changed
                _link(d, "of", named[0], named[1], "cued")
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
                if _bracketed_before(doc, tok_i, d.tok):
                    continue  # '3,460 cases (including 1,200 fraud cases), up 12.5%': the bracket is an aside
                if q is None and _reason == "the word 'one' is rarely a figure":
                    continue  # '7,400 drivers ..., one of the harshest sanctions, down 3.85%': an appositive
                if q is not None and q.kind == "money" and _value_modifier(doc, q):
                    # '11 tons of narcotics with a market value of 2.7 billion yuan were seized, up 14.5%': the
                    # amount describes the goods; what rose is the goods (a measure), not the money
                    target, found = None, True
                    break
                if q is None and _reason == "duration" and _time_adverbial(doc, tok_i):
                    continue  # 'solved 4,512 cases over three months, up 16.2%': the period holds no change
                if q is None and _reason == "measure" and _per_item(doc, tok_i, d.tok):
                    continue  # '47 cases involved over 20 kilograms of drugs each, up 34%': a measure of each item
                if q is None and _reason == "measure" and _measure_of_a_count(doc, tok_i, drafts) and not (
                    _names_a_measure(doc, d)
                ):
                    continue  # '54 cases involving over 50 kilograms of heroin, up 17%': a measure of the items
                restated = q is not None and q is d.fields.get("_restates")
                if restated and self._level_of_difference(doc, q, quantities, j):
                    continue  # 'handled 4870 cases, an increase of 615 cases or 14.5%': the change of the level
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
            share_of = target.fields.get("of") if target is not None and target.kind == "percentage" else None
            if (
                target is not None
                and target.fields.get("role") == "share"
                and not d.fields.get("points")
                and isinstance(share_of, Draft)
                and share_of.kind in ITEM_KINDS
            ):
                # '3.27 million smokers. They account for 4.12 percent of the population, a fall of 7.9 percent
                # from 2024': a change in percent after a share is of the share's count (a share's own change
                # is given in points)
                target = share_of
            if target is not None and d.fields.get("points") and target.kind in ITEM_KINDS:
                target = None  # a change in percentage points is of a percentage, never of a count
            if target is not None and target.kind == "count" and target.fields.get("difference"):
                # 'the number of newly accepted cases increased by 1,158, with a growth rate of 36.4%': a rate
                # after a difference is of the level the difference's subject names, when its words name one
                cues = rules.within(max(sent.start, target.tok - 6), target.tok, "CHANGE")
                level = self._described_count(doc, target, cues[-1].start, drafts) if cues else None
                if level is not None:
                    _link(d, "of", level[0], level[1], "cued")
                    continue
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
                    continue
                ahead = _total_ahead(doc, d, sent, drafts) if d.kind == "multiplier" else None
                if ahead is not None:
                    _link(d, "of", ahead, "in total", "inferred")
        for d in drafts:
            if d.kind in ("percentage", "multiplier") and isinstance(d.fields.get("of"), Draft):
                if "baseline" not in d.fields:
                    found_base = self._stated_baseline(doc, d, drafts)
                    if found_base is not None:
                        _link(d, "baseline", *found_base)
                base = d.fields.get("baseline")
                if isinstance(base, Draft) and (base is d.fields["of"] or base.kind != d.fields["of"].kind):
                    d.fields.pop("baseline")
                elif isinstance(base, Draft) and base.kind == "count":
                    # 'The figure came from 17 cities, ... a 12.3% rise from last year': an earlier figure of
                    # another class of thing is no baseline of 4,812 servants
                    bu, tu = base.fields.get("unit"), d.fields["of"].fields.get("unit")
                    if bu and tu and bu != tu and not self.units.kin(bu, tu):
                        d.fields.pop("baseline")

    @staticmethod
    def _amount_named_after(doc: Doc, d: Draft, drafts: list[Draft], sent: Span) -> tuple[Draft, str] | None:
        """The latest amount of money before multiplier d in its sentence when the words right after it name an
        amount ('triple the amount in 2018', 'twice the value of a year earlier')."""
        end = doc.char_span(d.start, d.end, alignment_mode="expand").end
        words = [t.lower_ for t in doc[end : min(end + 3, sent.end)] if t.is_alpha]
        if words[:1] in (["the"], ["that"]):
            words = words[1:]
        if not words or words[0] not in MONEY_NOUNS - {"good", "goods"}:
            return None
        money = [x for x in drafts if x.kind == "money" and sent.start <= x.tok < d.tok]
        money = [x for x in money if not x.fields.get("_converted")]
        return (money[-1], f"the {words[0]}") if money else None

    @staticmethod
    def _level_of_difference(doc: Doc, diff: Draft, quantities: list, j: int) -> bool:
        """True when a count of the difference's unit, no difference itself, stands before it in its clause (the
        level the difference and its restating percentage are of)."""
        lo = clause_start(doc, diff.tok)
        for tok_i, q, _reason in reversed(quantities[:j]):
            if tok_i < lo:
                return False
            if q is not None and q.kind == "count" and not q.fields.get("difference"):
                return q.fields.get("unit") == diff.fields.get("unit")
        return False

    def _named_subject(self, doc: Doc, d: Draft, sent: Span, drafts: list[Draft]) -> tuple[Draft, str] | None:
        """The figure a change's clause names when it opens with 'the number of <noun>' (the latest count of that
        noun's class before the clause, in its sentence) or 'the amount / value of ...' (the latest amount of
        money): after a ';' or a comma the wording, not the nearest figure, says what rose."""
        words = [t for t in doc[max(sent.start, d.tok - 40) : d.tok] if not t.is_space]
        lowered = [t.lower_ for t in words]
        # the last 'the (total) number / amount / value of' before the change, with no figure after it
        at = next(
            (
                i
                for i in range(len(lowered) - 1, -1, -1)
                if lowered[i] == "the"
                and (
                    lowered[i + 1 : i + 3] in (["number", "of"], ["amount", "of"], ["value", "of"])
                    or lowered[i + 1 : i + 4] == ["total", "number", "of"]
                )
            ),
            None,
        )
        if at is None or any(t.i in _draft_at(doc) for t in words[at:]):
            return None
        k = at + 2 if lowered[at + 1] == "total" else at + 1
        what = lowered[k]
        noun = next((w for w in lowered[k + 2 :] if w.isalpha() and w not in {"the", "all"}), None)
        if noun is None:
            return None
        start = words[at].i
        if not any(t.text in {";", "；", ","} for t in doc[sent.start : start]):
            return None  # the sentence's subject itself: 'The number of ...' refers back (_anaphora)
        lo = max(sent.start, d.tok - LINK_WINDOW)
        cands = [
            x
            for x in drafts[bisect.bisect_left(drafts, lo, key=_tok) : bisect.bisect_left(drafts, start, key=_tok)]
            if not x.fields.get("_converted")
            and (
                x.kind == "money"
                if what != "number"
                else x.kind == "count" and self.units.kin(x.fields.get("unit"), _singular(noun))
            )
        ]
        return (cands[-1], f"the {what} of {noun}") if cands else None

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
    def _growth_of(doc: Doc, d: Draft, drafts: list[Draft], sent: Span, points: bool) -> Draft | None:
        """The change percentage a change qualifies when its clause names that change: in points, 'the growth
        slowed by 2.6 percentage points', 'the growth rate was 1.2 points lower'; in percent only with a verb
        that changes a rate ('a decline of 28.6%; the rate of decline narrowed by 9.3%'), since 'the increase in
        fraud was 8%' is a change of fraud cases."""
        last = _last_before(
            drafts, sent.start, d.tok, lambda x: x.kind == "percentage" and x.fields.get("role") == "change"
        )
        if last is None or last.fields.get("points"):
            return None
        between = {t.lower_ for t in doc[last.tok + 1 : d.tok]}
        if points:
            if between & GROWTH_WORDS:
                return last
            # 'a decrease of 12.4%; the decrease was 4.3 percentage points less than ...': the change named as a
            # subject ('the decrease'), with no rate between ('the non-arrest rate was 22.4%, an increase of 0.3
            # percentage points' is the rate's)
            named = any(
                t.lower_ in CHANGE_NOUNS and doc[prev_tok(doc, t.i - 1)].lower_ == "the"
                for t in doc[last.tok + 1 : d.tok]
            )
            level = any(
                x.kind == "percentage" and x.fields.get("role") != "change" and last.tok < x.tok < d.tok for x in drafts
            )
            return last if named and not level else None
        # 'the rate of decline narrowed by 9.3%', 'the rate of decrease was 1.2% smaller than the first quarter'
        end = doc.char_span(d.start, d.end, alignment_mode="expand").end
        after = {t.lower_ for t in doc[end : min(len(doc), end + 3)]}
        compared = "rate" in between and bool(after & SIZE_COMPARATIVES)
        return last if between & (GROWTH_WORDS | CHANGE_NOUNS) and (between & RATE_CHANGE_VERBS or compared) else None

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
        if cue in ("compared", "comparing") and next_tok(doc, k + 1) < len(doc):
            # 'a decrease of 25% compared with 800 cases in 2020': the earlier figure right after the change
            if doc[next_tok(doc, k + 1)].lower_ in ("with", "to"):
                cue, k = f"{cue} {doc[next_tok(doc, k + 1)].lower_}", next_tok(doc, k + 1)
        if cue == "from" or cue.endswith(" than") or cue.startswith("compar"):
            after = _draft_at(doc).get(next_tok(doc, k + 1))
            if after is not None and after.kind == target.kind and after is not target:
                return after, cue, "stated"
        sent = sent_of(doc, d.tok)
        prev = _last_before(drafts, sent.start, target.tok, lambda x: x.kind == target.kind)
        if prev is None:
            return None
        if _is_baseline(doc, prev.tok) and not _owned_baseline(doc, prev, d, drafts):
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
        first = first_word(doc, sent)
        anaphor = rules.starting_at(first, "ANAPHOR")
        if anaphor is None and sent.start > 0:
            # 'Data also show that the number of burglary cases dropped by 22%': a reported clause that opens with
            # the anaphor refers back as a sentence opening with it does
            that = next((t.i for t in doc[first : min(sent.end, first + 6)] if t.lower_ == "that"), None)
            words = [t.lower_ for t in doc[first:that]] if that is not None else []
            if that is not None and any(w in REPORTING_VERBS for w in words) and not any(
                t.i in _draft_at(doc) for t in doc[first:that]
            ):
                anaphor = rules.starting_at(next_tok(doc, that + 1), "ANAPHOR")
                if anaphor is not None and anaphor.text.lower() not in REPORTED_ANAPHORS:
                    anaphor = None  # 'that' alone is the anaphor of no figure here
        if anaphor is None or sent.start == 0:
            return None
        if rules.within(sent.start, sent.end, "RESPECTIVELY"):
            return None  # 'The number of cases and defendants fell by 14.1% and 3.2%, respectively': no one figure
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
        if k + 1 < len(doc) and doc[k].lower_ in {"number", "amount"} and doc[k + 1].lower_ == "of":
            k += 1  # 'The total number of such cases ...': the noun after 'of' says what it counts
        if k < len(doc) and doc[k].lower_ == "of":
            # 'The number of solved cases is ...' refers back only to a figure counting the same thing
            words = [t.lower_ for t in doc[k + 1 : min(sent.end, k + 8)] if t.is_alpha]
            units = {_singular(w) for w in words}
            named = [d for d in cands if d.fields.get("unit") in units]
            # 'decided to detain 3,180 people. The number of detentions rose 5.2%': the act's noun names the count
            # of that act
            acts = [w for w in words[:2] if w in VERB_CLASS]
            cands = named or ([d for d in cands if _acted(d, acts[0])] if acts else [])
        return (cands[0], anaphor) if cands else None


def _owned_baseline(doc: Doc, base: Draft, d: Draft, drafts: list[Draft]) -> bool:
    """True when the earlier figure `base` is named by another change: 'closed 4600 cases (an increase of 15%
    compared with 4000 cases), with 600 cases pending (a decrease of 25% ...)': the 4000 is the 15%'s base."""
    i = bisect.bisect_left(drafts, base.tok, key=lambda x: x.tok)
    before = drafts[i - 1] if i > 0 else None
    return (
        before is not None
        and before is not d
        and before.kind in ("percentage", "multiplier")
        and before.fields.get("role", "change") == "change"
        and base.tok - before.tok <= 6
    )


def _total_ahead(doc: Doc, d: Draft, sent: Span, drafts: list[Draft]) -> Draft | None:
    """'... uncovered more than double the number of online trading violations in the first quarter. In total,
    2,330 cases ... were dealt with in the January-March period': a multiplier with no figure before it in its
    sentence is of the first count of the next sentence, when that sentence opens by presenting it as a total
    (a guess)."""
    if any(x.kind in ITEM_KINDS and sent.start <= x.tok < d.tok for x in drafts) or sent.end >= len(doc):
        return None
    nxt = sent_of(doc, next_tok(doc, sent.end))
    opening = " ".join(t.lower_ for t in doc[nxt.start : min(nxt.end, nxt.start + 4)] if t.is_alpha)
    if not any(opening.startswith(m) for m in TOTAL_OPENINGS):
        return None
    return next((x for x in drafts if x.kind == "count" and nxt.start <= x.tok < nxt.end), None)


def _names_a_measure(doc: Doc, d: Draft) -> bool:
    """True when the words right after change d name a measure ('about 6.7 times the amount in 2017'): the
    change is of the measure, not of the count whose items it describes."""
    end = doc.char_span(d.start, d.end, alignment_mode="expand").end
    words = [t.lower_ for t in doc[end : min(end + 3, len(doc))] if t.is_alpha]
    if words[:1] in (["the"], ["that"]):
        words = words[1:]
    return bool(words) and words[0] in MEASURE_NOUNS


REPORTING_VERBS = words("reporting_verbs")  # 'Data show that', 'officials said that': a clause reported
REPORTED_ANAPHORS = ("the number", "the number of", "the total", "the figure")  # no bare 'that' or 'it' there
VALUE_MODIFIER_RE = re.compile(
    r"(?i)\bwith\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,2}(?:value|worth)\s+of\s+"
    r"(?:about\s+|some\s+|over\s+|nearly\s+|more\s+than\s+)?$"
)


def _value_modifier(doc: Doc, q: Draft) -> bool:
    """True when amount q is the value a 'with' phrase gives a noun before it ('narcotics with a market value of
    2.7 billion yuan')."""
    text = doc.text
    return VALUE_MODIFIER_RE.search(text[max(0, q.start - 60) : q.start]) is not None
