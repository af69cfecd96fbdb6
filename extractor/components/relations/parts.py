"""Parts and wholes: partitive cues ('of which', 'among them', 'including'), lists of parts after a total,
rankings, running totals and sums (the `part_of` and `sum` relations)."""

from __future__ import annotations

import bisect
import itertools
import re

from spacy.tokens import Doc, Span

from extractor.components.context import (
    CLAUSE_BREAKS,
    Draft,
    RuleIndex,
    doc_context,
    is_num,
    next_tok,
    prev_tok,
    sent_of,
    text_of,
)
from extractor.components.relations.common import (
    AUXILIARIES,
    CATEGORY_NOUNS,
    CLOSE_BRACKETS,
    FIRMNESS,
    LINK_WINDOW,
    LIST_MAX,
    LIST_NOUNS,
    NOUNS_BEFORE_OF,
    OPEN_BRACKETS,
    PREPOSITIONS,
    QUOTES,
    RANGE,
    RANK_REACH,
    REFERRING_WORDS,
    VERB_CLASS,
    WITH_GLUE,
    _acted,
    _draft_at,
    _is_baseline,
    _lead_gap,
    _list_goes_on,
    _new_verb_clause,
    _opens_item,
    _paragraph_start,
    _presented_as_total,
    _prior_period,
    _singular,
    _superseded,
    _tok,
    _year_after,
    _year_in_cue,
)
from extractor.lexicon import words

# the verb after a participle used as a noun ('906 of the disciplined held ...', '... were expelled')
VERB_AFTER = AUXILIARIES | words("irregular_participles")
RANK_WORDS = words("rank_words")
PART_CONTINUERS = words("part_continuers")  # 'Meanwhile,' opening a sentence that goes on with a breakdown
POINTING_WORDS = words("pointing_words")
LEFT_OVER_WORDS = words("left_over_words")
EXHAUSTIVE_TAILS = words("exhaustive_tails")
REMAINDER_WORDS = words("remainder_words")  # 'the other 40', 'the remaining 12': the last item of a breakdown
AGENT_PREPOSITIONS = words("agent_prepositions")  # 'caught by 1,200 officers': the count is no item of a breakdown
FORMS_PREPOSITIONS = words("forms_prepositions")  # 'under the four forms of oversight': parts that make up a total
PERCENT_WORDS = words("percent_words")  # '8.15% of those': the share's own 'of'
# the two parts of a caseload: the new cases and those carried over from before
NEW_INTAKE_WORDS = words("new_intake_words")
CARRIED_OVER_WORDS = words("carried_over_words")
# what a part with no noun is said to be or undergo when it counts people ('12,730 were found guilty')
PERSON_VERBS = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, words("person_predicates")))) + r")\b")


class PartsMixin:
    """The part-of links of the relation linker."""

    def _part_of(
        self, rels: list[dict], part: Draft, whole: Draft, cue: Span | str | None, confidence: str, via: str = "cue"
    ) -> None:
        """Record that `part` is a subset of `whole`, with its cue and how firmly the wording binds the two; two
        nouns of different classes ('fugitives' among 'guns') leave the link a guess, while a unit read from the
        words around a bare count ('Of the 470,000 filed') does not overrule the cue."""
        pu, wu = part.fields.get("unit"), whole.fields.get("unit")
        nouns = part.fields.get("_unit_noun") and whole.fields.get("_unit_noun")
        if pu and wu and nouns and not self.units.kin(pu, wu):
            # officials stated among cases keep the cue's word: a case is counted per person it is against
            if not (confidence == "stated" and self.units.counted_by(wu, pu)):
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
            # ('Among those cases, courts focused on labour disputes. Courts heard 436,000 labour lawsuits ...': a cue
            # whose sentence holds no count says nothing of the next sentence's counts, a new subject, often a new
            # period: no parts)
            after = [d for d in in_sent if d.tok >= cue.end]
            before = [d for d in in_sent if d.tok < cue.start]
            at_sentence_start = all(t.is_space or t.text in QUOTES for t in doc[sent.start : cue.start])
            # counts named as the earlier figure ('compared with 1,880 in the previous year') are no parts
            after = [d for d in after if not _is_baseline(doc, d.tok)]
            # a cue that ends in its own comma ('Specifically,') leaves no count inside it
            gap_from = cue.end - 1 if doc[cue.end - 1].is_punct else cue.end
            lead_gap = doc[gap_from : after[0].tok] if after else ()
            lead = after[0] if after and not any(t.text in {",", "，", ":", "："} for t in lead_gap) else None
            if lead is not None and _lead_gap(doc, cue.end, lead.tok):
                lead = None  # 'of Guangdong Province Public Security Bureau 16 held ...': a name, not 'Of the 470,000'
            if lead is not None and any(t.lower_ in AUXILIARIES | {"there"} for t in lead_gap):
                lead = None  # 'Among the total there were 9,412 major cases, ...': the count is a part, the verb says
            if mode in ("among", "of_them", "of_the") and at_sentence_start and lead is not None:
                # 'Among the 17,250 suspects arrested, 1,420 were leaders': the count inside the cue is the whole
                comma = next((t.i for t in doc[lead.tok : sent.end] if t.text in {",", "，"}), None)
                if comma is not None:
                    nested = next(
                        (
                            c.start
                            for c in rules.within(comma, sent.end, "PART_CUE")
                            if self.attrs[c.id_]["mode"] == "including"
                        ),
                        sent.end,
                    )
                    for part in [d for d in after[1:] if d.tok > comma]:
                        if part.tok > nested:
                            break  # 'Among the 12 new offences, 340 people ..., including 85 ...': the inner list's
                        if part is not after[1] and doc[prev_tok(doc, part.tok - 1)].lower_ in AGENT_PREPOSITIONS:
                            continue  # 'Among the 640 returned, 365 were caught in 58 countries': no item
                        pu, lu = part.fields.get("unit"), lead.fields.get("unit")
                        # 'Among the 12 new offences, 340 people were charged': people among kinds of crime
                        firm = "stated" if not (pu and lu) or self.units.kin(pu, lu) else "inferred"
                        add(part, lead, "of_the", firm)
            elif mode in ("among", "of_them", "of_the") and at_sentence_start:
                # '... an increase of 742 cases or 54.2% compared with 1368 cases in the last year. Amongst these
                # cases, ...': last year's count and a difference are no wholes of this year's parts
                whole_pool = [
                    d
                    for d in self._previous_counts(doc, counts, sent, over_credit=mode in ("among", "of_them"))
                    if not _is_baseline(doc, d.tok) and not d.fields.get("difference")
                ]
                named = self._partitive_unit(doc, cue, after)
                k = next_tok(doc, cue.end)
                near_total = any(_presented_as_total(doc, d) for d in whole_pool)
                kin_near = any(
                    self.units.kin(a.fields.get("unit"), d.fields.get("unit")) for a in after for d in whole_pool
                )
                if k < len(doc) and doc[k].lower_ == "total" and whole_pool and not near_total and kin_near:
                    # '-- Investigated 33,546 cases ..., involving 41,179 people; ... . Among the total there were
                    # 17,594 major graft cases, ... and 2,687 officials': the sentence before, none of its counts
                    # presented as a total elsewhere, holds the totals; each part takes the first of its class
                    named = None
                elif k < len(doc) and doc[k].lower_ == "total":
                    # 'A total of 4,812 ... . The cases came from 17 cities. Of the total, 318 ...': the count the
                    # text presented as a total, in the three sentences before, not the nearest count
                    back = self._sentences_back(doc, sent, 3)
                    totals = [
                        d
                        for d in counts
                        if back <= d.tok < sent.start and id(d) not in parts and _presented_as_total(doc, d)
                    ]
                    # 'Among the total number of officials ...': of the totals, one of the noun's class
                    words = [t.lower_ for t in doc[k + 1 : k + 5] if t.is_alpha]
                    noun = _singular(words[2]) if words[:2] == ["number", "of"] and len(words) > 2 else None
                    kin = [d for d in totals if noun and self.units.kin(d.fields.get("unit"), noun)]
                    # '... officials being investigated for corruption, ...': of two such totals, the one whose own
                    # words share most of the cue's ('investigated for bribery or corruption')
                    kin = _most_said(doc, kin or totals, _cue_words(doc, k + 1, sent.end), counts)
                    if totals:
                        whole_pool, named = kin[-1:], None
                act_conf = "cued"
                act_noun = None
                if (act := self._restricted_act(doc, cue, after)) is not None:
                    # 'Among those investigated in graft cases, 65,629 ...': the cue names an act narrowed by a
                    # phrase, so its whole is a count of that act (never one of another act, 'charged 167,000'),
                    # and a guess: the narrowed set may be one the text never counts
                    named, act_conf = act, "inferred"
                if named and named.endswith("ed"):
                    # 'Among the captured, 2,341 ...': the whole is the count of people captured, the nearest
                    # before (a paragraph or more back when the cue names it so), not a count of the year before
                    acted = [
                        d
                        for d in counts
                        if d.tok < sent.start
                        and (_acted(d, named) or _names_act(d, named))
                        and id(d) not in parts
                        and not _prior_period(doc, d)
                        and not _ranked(d)
                    ]
                    whole_pool = acted[-1:]
                    if whole_pool and _names_act(whole_pool[0], named) and not _acted(whole_pool[0], named):
                        # 'opened 220,000 investigations. Of those investigated, 13 were ...': the persons of the
                        # investigations; the noun is the act the cue names, so the whole holds across the two
                        # classes (each part is one of them), as firmly as the cue binds it
                        act_noun = whole_pool[0]
                elif named:
                    # 'Among the arrested suspects, 3,200 ...': the whole counts what the cue names; in the two
                    # sentences before, else the nearest earlier count of that unit
                    wider = [
                        d
                        for d in counts
                        if d.tok < sent.start
                        and d.fields.get("unit") == named
                        and not _is_baseline(doc, d.tok)
                        and not d.fields.get("difference")
                    ]
                    near = [d for d in wider if sent_of(doc, d.tok).start >= self._sentences_back(doc, sent, 2)]
                    whole_pool = near[-1:] or whole_pool or wider[-1:]
                    pointing = cue.text.lower().split()[-1] in POINTING_WORDS
                    if whole_pool and not pointing and not self.units.kin(whole_pool[-1].fields.get("unit"), named):
                        # 'decided to detain 41,200 people. Among the inspected and detained cases handled, 73,500
                        # persons ...': the cue describes cases no count gives, so the count before is a guess;
                        # 'prosecuting 14,902 individuals. Among these cases, ...' points back to it
                        act_conf = "inferred"
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
                    if part is not after[0] and doc[prev_tok(doc, part.tok - 1)].lower_ in AGENT_PREPOSITIONS:
                        continue  # '365 were caught by 1,200 police officers', 'in 58 countries': no item
                    unit = part.fields.get("unit")
                    if sibling is not None and not part.fields.get("_unit_noun") and unit in (None, "person"):
                        # 'Among them, one official was at ministerial level, and 712 were at bureau level': an
                        # item with no noun counts what the item before it counts ('Of those investigated, 13
                        # were officials, 1,037 were at ...': 'those' says persons, the item before says which)
                        part.set(unit=sibling)
                    elif part.fields.get("_unit_noun") or (unit not in (None, "person") and not unit.endswith("ed")):
                        sibling = unit
                    # the cue binds the part; the whole is read from the sentences before it
                    whole = act_noun or self._pick_whole(part, whole_pool, doc)
                    if whole is None and whole_pool and self.attrs[cue.id_].get("enumeration"):
                        # 'checked 3.92 million vehicles. Specifically, there were 151,000 buses, 66,000 ferries
                        # ...': a cue that only opens a breakdown binds its items to the count before, whatever
                        # nouns the translation gave them
                        whole = whole_pool[-1]
                    add(part, whole, "among", act_conf)
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
                if part_before is None and self.attrs[cue.id_].get("noun_between"):
                    # '27 cases out of 5,310': the part's noun between it and the cue
                    k = p
                    while k >= 0 and (doc[k].is_alpha or doc[k].text in RANGE) and p - k < 3:
                        k = prev_tok(doc, k - 1)
                    part_before = _draft_at(doc).get(k) if k >= 0 else None
                named = after[0] if after and after[0].tok == next_tok(doc, cue.end) else None
                if named is None and after and self.attrs[cue.id_].get("noun_between"):
                    # 'out of last year's total 5,310 trafficking cases': a few words before the whole
                    gap = [t for t in doc[cue.end : after[0].tok] if not t.is_space]
                    if len(gap) <= 4 and not any(t.text in CLAUSE_BREAKS or is_num(t) for t in gap):
                        named = after[0]
                if part_before is not None and part_before.kind == "count" and named is not None:
                    # '58 of the 300 fugitives': the count after the cue is the whole; '47 are on the list of 100
                    # most-wanted', '39 of China's 100 most-wanted': a set of reference, a whole of the part
                    # beside the list's own whole, and no item of the list
                    reference = self.attrs[cue.id_].get("reference", False)
                    if id(part_before) in parts and reference:
                        self._part_of(rels, part_before, named, cue, "stated")
                    else:
                        add(part_before, named, "of_the", "stated")
                        # '47 of the 260 suspects are detained, 33 are on bail and 9 are ...': the list goes on
                        items = [part_before] + [d for d in after if d.tok > named.tok]
                        for other in self._list_after(doc, items, named):
                            add(other, named, "of_the", "cued")
                    if reference:
                        references.add(id(named))
                elif (
                    part_before is not None
                    and part_before.kind == "count"
                    and (done := self._of_the_acted(doc, cue, part_before, counts, parts)) is not None
                ):
                    # '906 of the disciplined held township posts': the whole is the count of that act
                    add(part_before, done, "of_them", "cued")
                    if not part_before.fields.get("_unit_noun") and done.fields.get("unit"):
                        part_before.fields["unit"] = done.fields["unit"]
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
                        whole = self._pick_whole(part_before, pool, doc)
                        add(part_before, _whole_of_listed(whole, pool, parts), "of_them", "cued")
                elif mode == "count_of":
                    pass  # 'the number of the cases': no count before the cue, no partitive
                elif doc[prev_tok(doc, cue.start - 1)].lower_ in PERCENT_WORDS or (
                    (q := _draft_at(doc).get(prev_tok(doc, cue.start - 1))) is not None and q.kind == "percentage"
                ):
                    pass  # 'accounting for 8.15% of those convicted, who numbered 1,205,000': the share's own 'of'
                elif after and before:
                    # 'reports, of which 819,000 were tip-offs'; '... sanctioned 265,000 (of which 221,000 ...)':
                    # a bracket opened right after a count holds its parts
                    opener = prev_tok(doc, cue.start - 1)
                    bracketed = (
                        opener >= 1 and doc[opener].text in {"(", "（"} and before[-1].tok == prev_tok(doc, opener - 1)
                    )
                    whole = before[-1] if bracketed else self._antecedent(before, parts, after[0])
                    if whole is not None and (cased := self._in_whole_class(doc, after, whole)):
                        # '18,000 cases were concluded, in which 430 people were ordered to pay in 260 cases, while
                        # 210 people ... in 90 cases': the people are no cases; the counts 'in N cases' are the parts
                        for part in cased:
                            add(part, whole, "of_them", "cued")
                        continue
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
                # '(an increase of 15% compared with 4000 cases), with 600 cases pending': an earlier figure is no whole
                before = [d for d in before if not _is_baseline(doc, d.tok)]
                if not before:
                    continue  # 'the most prosecuted crime, with a total of 173,941 people prosecuted': no whole
                whole = before[-1]
                if id(whole) in parts and parts[id(whole)] is not whole:
                    # 'They included 301 wage cases, ... and 88 mediation cases, with 490 cases concluded': after a
                    # listed breakdown 'with' goes on about the list's whole, not its last item
                    whole = parts[id(whole)]
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
                    if _left_over(doc, part):
                        break  # 'closed 620 cases, with 85 cases pending': what is left is no part of what was done
                    add(part, whole, "with", "cued")
            elif mode in ("including", "among") and (bracket := self._noun_bracket(doc, cue, after)) is not None:
                # 'competition cases (including 114 antitrust cases) rose to 2,543': a bracket hung on a noun
                # holds parts of that noun's count, which comes after the bracket
                inside, whole = bracket
                for part in inside:
                    if id(part) in parts or part is whole:
                        continue
                    parts[id(part)] = whole
                    self._part_of(rels, part, whole, cue, "cued")
            elif mode in ("including", "among"):
                aside = self._aside_opening(doc, cue, sent, before)
                if aside is not None:
                    # 'The fugitives, spread across 48 countries, include 248 who ...': the count in an aside
                    # between the subject and its verb is no whole; the subject names it
                    first = after[0] if after else None
                    whole = self._subject_whole(doc, cue, sent, counts, parts, first, subject_end=aside)
                    for part in after:
                        if any(t.text in CLAUSE_BREAKS or t.text in {",", "，"} for t in doc[cue.end : part.tok]):
                            break
                        add(part, whole, "including", "cued")
                    continue
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
                        # a part of a breakdown is no set 'those' names: the whole it is a part of
                        while whole is not None and id(whole) in parts:
                            whole = parts[id(whole)]
                opener = prev_tok(doc, cue.start - 1)
                bracketed_cue = opener >= 0 and doc[opener].text in OPEN_BRACKETS
                for part in after:
                    before_part = prev_tok(doc, part.tok - 1)
                    if doc[before_part].lower_ in PREPOSITIONS and before_part >= cue.end:
                        break  # ('composed of 2,110 ...': the cue's own 'of' is no preposition of the part)
                    breaks = [t.i for t in doc[cue.end : part.tok] if t.text in CLAUSE_BREAKS]
                    if breaks and not (cue.text.lower().startswith("includ") and _list_goes_on(doc, breaks, part)):
                        break
                    if _new_verb_clause(doc, cue.end, part.tok):
                        break  # 'including Zhou and Su, and prosecuted 105 such officials': the list has ended
                    if _worded_list_before(doc, cue.end, part.tok):
                        break  # 'cases of fraud, including embezzlement and forgery, and 2,300 cases of ...': the
                        # cue listed kinds in words; a count after the list's comma is the whole's sibling
                    if bracketed_cue and any(t.text in CLOSE_BRACKETS for t in doc[cue.end : part.tok]):
                        break  # '5,000 cases (including 300 fraud cases) and 2,000 persons': the bracket ended it
                    if part is not after[0] and part.tok in doc_context(doc).own_cue:
                        break  # '..., and 47 of the 260 suspects are ...': a partitive of its own ends the list
                    add(part, whole, "including", confidence)
        if references:
            # a set of reference ('the list of 100 most-wanted') is no part of the count its sentence lists
            rels[:] = [r for r in rels if not (r["type"] == "part_of" and id(r["part"]) in references)]
            for ref in references:
                parts.pop(ref, None)
        return set(parts)

    def _continued_parts(self, doc: Doc, drafts: list[Draft], rels: list[dict]) -> set[int]:
        """'Among them, 512 involved refined oil. Meanwhile, 3,900 cases involved frozen meat.': the first count of
        the sentence after a cued breakdown, when that sentence opens with a word that goes on (PART_CONTINUERS),
        counts the parts' unit and says of it what a part says (the same verb right after it), is one more
        part of the same whole (cued), and so on for each sentence that does the same."""
        out: set[int] = set()
        linked = {id(r["part"]) for r in rels if r["type"] == "part_of"}
        linked |= {id(r["whole"]) for r in rels if r["type"] == "part_of"}
        counts = [d for d in drafts if d.kind == "count"]
        groups: dict[int, list[dict]] = {}
        for r in rels:
            if r["type"] == "part_of" and r.get("_via") == "cue" and r["confidence"] in ("stated", "cued"):
                groups.setdefault(id(r["whole"]), []).append(r)
        for group in groups.values():
            whole = group[0]["whole"]
            last = max((r["part"] for r in group), key=lambda d: d.start)
            verbs = {_verb_after(doc, r["part"]) for r in group} - {None}
            while verbs:
                sent = sent_of(doc, last.tok)
                if sent.end >= len(doc):
                    break
                nxt = sent_of(doc, next_tok(doc, sent.end))
                if not _opens_with(doc, nxt, PART_CONTINUERS):
                    break
                first = next((d for d in counts if nxt.start <= d.tok < nxt.end), None)
                if first is None or id(first) in linked or _verb_after(doc, first) not in verbs:
                    break
                unit, part_unit = first.fields.get("unit"), last.fields.get("unit")
                if unit and part_unit and not self.units.kin(unit, part_unit):
                    break
                cue = text_of(doc)[doc[nxt.start].idx : first.start].strip(" ,").lower()
                # '..., and 52 cases related to ...': counts of the unit joined to the first go on with it
                more = [
                    d
                    for d in counts
                    if first.tok < d.tok < nxt.end and id(d) not in linked and d.fields.get("unit") == unit
                    and doc[prev_tok(doc, d.tok - 1)].lower_ in ("and", ",", ";")
                ]
                for d in [first, *more]:
                    self._part_of(rels, d, whole, cue, "cued", via="continued")
                    linked.add(id(d))
                    out.add(id(d))
                last = first
        return out

    def _restated_act_lists(self, doc: Doc, drafts: list[Draft], rels: list[dict]) -> None:
        """'The commission disciplined 48,300 people. 12 prefecture-level officials, 640 county-level officials
        ... and 32,700 other staff were disciplined.': a sentence that is one list of counts sharing one verb,
        the verb of a count in the sentence before it, and ending in 'other', names every part of that count:
        a stated sum (no part_of: no partitive says which count each is in). The last count of the sentence
        before that did the act and is no part itself is the total; items of another class of thing, an item
        already a part or a whole, or a list that is not one (a clause break, a count with a verb of its own)
        make none."""
        linked = {id(r["part"]) for r in rels if r["type"] == "part_of"}
        wholes = {id(r["whole"]) for r in rels if r["type"] == "part_of"}
        counts = [d for d in drafts if d.kind == "count"]
        toks = [d.tok for d in counts]
        text = text_of(doc)
        for sent in doc.sents:
            items = counts[bisect.bisect_left(toks, sent.start) : bisect.bisect_left(toks, sent.end)]
            if len(items) < 2 or any(id(d) in linked or id(d) in wholes for d in items) or sent.start == 0:
                continue
            last = items[-1]
            k = next_tok(doc, last.tok + 1)
            if k >= len(doc) or doc[k].lower_ not in {"other", "others"}:
                continue
            verb = _verb_after(doc, last)
            if verb is None or any(_verb_after(doc, d) is not None for d in items[:-1]):
                continue
            gaps = [text[a.end : b.start] for a, b in itertools.pairwise(items)]
            if any(re.search(r"[;:()（）；：]", g) or not re.search(r",|\band\b|，|、", g) for g in gaps):
                continue
            lead = text[doc[sent.start].idx : items[0].start].strip()
            if lead and not LIST_LEAD_RE.fullmatch(lead):
                continue  # the list opens its sentence: no partitive, no clause of its own before it
            acted = verb.split()[-1]
            prev = sent_of(doc, prev_tok(doc, sent.start - 1))
            before = counts[bisect.bisect_left(toks, prev.start) : bisect.bisect_left(toks, prev.end)]
            totals = [d for d in before if _acted(d, acted) and id(d) not in linked]
            if not totals or any(r["type"] == "sum" and r["total"] is totals[-1] for r in rels):
                continue
            total = totals[-1]
            tu = total.fields.get("unit")
            if any(d.fields.get("unit") and tu and not self.units.kin(d.fields["unit"], tu) for d in items):
                continue
            rels.append(
                {"type": "sum", "parts": list(items), "total": total, "cue": "and other", "confidence": "stated"}
            )

    def _further_parts(self, doc: Doc, drafts: list[Draft], rels: list[dict]) -> set[int]:
        """'The money involved for 127 of the fugitives exceeded 5 million yuan. The sums for another 39 ...': a
        count after 'another' or 'a further', part of nothing yet, is one more part of the whole the count before
        it (in its sentence or the one before) is a cued part of, and counts what that part counts."""
        out: set[int] = set()
        whole_of = {id(r["part"]): r for r in rels if r["type"] == "part_of" and r["confidence"] in ("stated", "cued")}
        counts = [d for d in drafts if d.kind == "count"]
        for n, d in enumerate(counts):
            if id(d) in whole_of or n == 0:
                continue
            j = prev_tok(doc, d.tok - 1)
            further = j >= 0 and (
                doc[j].lower_ == "another" or (doc[j].lower_ == "further" and doc[prev_tok(doc, j - 1)].lower_ == "a")
            )
            prev = counts[n - 1]
            if not further or id(prev) not in whole_of:
                continue
            sent = sent_of(doc, d.tok)
            if prev.tok < sent.start and (sent.start == 0 or prev.tok < sent_of(doc, sent.start - 1).start):
                continue
            whole = whole_of[id(prev)]["whole"]
            unit, own = d.fields.get("unit"), prev.fields.get("unit") or whole.fields.get("unit")
            if unit and own and unit != own and not (self.units.is_a(unit, own) or self.units.is_a(own, unit)):
                continue  # 'Another 45 cars were seized': something else counted
            if not unit and own:
                d.fields["unit"] = own
            self._part_of(rels, d, whole, doc[j].lower_, "cued", via="further")
            whole_of[id(d)] = rels[-1]
            out.add(id(d))
        return out

    def _in_whole_class(self, doc: Doc, after: list[Draft], whole: Draft) -> list[Draft]:
        """The counts 'in N <whole's noun>' of the cue's sentence, when the first count after the cue has a noun of
        another class than the whole ('of which 430 people ... in 260 cases'); else none."""
        first, unit = after[0], whole.fields.get("unit")
        if not unit or not first.fields.get("_unit_noun") or self.units.kin(first.fields.get("unit"), unit):
            return []
        sent_end = sent_of(doc, first.tok).end
        return [
            d
            for d in after
            if d.tok < sent_end
            and d.fields.get("_unit_noun")
            and doc[prev_tok(doc, d.tok - 1)].lower_ == "in"
            and self.units.kin(d.fields.get("unit"), unit)
        ]

    @staticmethod
    def _aside_opening(doc: Doc, cue: Span, sent: Span, before: list[Draft]) -> int | None:
        """The opening comma of an aside that holds the counts before a verb cue ('The fugitives, spread across 48
        countries, include ...'): the cue a finite verb ('include', 'included'), right after the aside's closing
        comma, the aside opened after a subject with no count of its own. None otherwise."""
        if not before or not cue.text.lower().startswith("includ") or cue.text.lower() == "including":
            return None
        close = prev_tok(doc, cue.start - 1)
        if close <= sent.start or doc[close].text not in {",", "，"}:
            return None
        breaks = {",", "，"} | CLAUSE_BREAKS
        opening = next((t.i for t in reversed(doc[sent.start : before[-1].tok]) if t.text in breaks), None)
        if opening is None or doc[opening].text not in {",", "，"} or opening == sent.start:
            return None
        if any(d.tok < opening for d in before) or any(is_num(t) for t in doc[sent.start : opening]):
            return None
        return opening

    @staticmethod
    def _noun_bracket(doc: Doc, cue: Span, after: list[Draft]) -> tuple[list[Draft], Draft] | None:
        """The counts inside a bracket that opens with the cue right after a noun ('cases (including 114 ...)'),
        and the count the noun phrase goes on to give after the bracket closes: the first count after ')', a few
        words on in the same clause ('(...) (2,543/11.24%)', '(...) rose to 2,543'). None when the bracket hangs on
        a count ('2,543 (including 114 ...)', read as any list after its total) or no such count follows."""
        opener = prev_tok(doc, cue.start - 1)
        if opener < 1 or doc[opener].text not in OPEN_BRACKETS:
            return None
        hung_on = prev_tok(doc, opener - 1)
        if hung_on < 0 or not doc[hung_on].is_alpha:
            return None
        k = hung_on
        while k >= 0 and hung_on - k < 5 and not doc[k].is_punct:
            if k in _draft_at(doc) or is_num(doc[k]):
                return None  # '5,000 cases (including 300 ...) and 2,000 persons': the noun has its count
            k -= 1
        close = next((t.i for t in doc[cue.end : cue.end + LINK_WINDOW] if t.text in CLOSE_BRACKETS), None)
        if close is None:
            return None
        inside = [d for d in after if d.tok < close]
        outside = [d for d in after if d.tok > close]
        if not inside or not outside:
            return None
        gap = [t for t in doc[close + 1 : outside[0].tok] if not t.is_space]
        if len(gap) > 4 or any(t.text in CLAUSE_BREAKS or t.text in CLOSE_BRACKETS for t in gap):
            return None
        if gap and gap[0].text in {",", "，"}:
            return None  # '30.2 million by citizens (including 2.1 million ...), 12.9 million by ...': list items
        return inside, outside[0]

    def _subject_whole(
        self,
        doc: Doc,
        cue: Span,
        sent: Span,
        counts: list[Draft],
        parts: dict[int, Draft],
        first: Draft | None = None,
        subject_end: int | None = None,
    ) -> Draft | None:
        """The count the subject of 'included' names (its words up to `subject_end`, default the cue), before its
        sentence: 'Those arrested' -> the nearest count
        whose act is arresting (a verb of the same class); 'The cases concluded' -> the nearest count of cases
        concluded, else of cases. A subject naming categories of what the parts count ('The larger offences
        included 5,021 for assaulting officers'): the total of the parts' class the paragraph before opened
        with. None when the subject names neither."""
        words = [t for t in doc[sent.start : cue.start if subject_end is None else subject_end] if t.is_alpha]
        if not words or len(words) > 6:
            return None
        earlier = [d for d in counts if d.tok < sent.start and id(d) not in parts]
        verbs = [t.lower_ for t in words if t.lower_.endswith("ed") or t.lower_ in VERB_CLASS or t.lower_ in VERB_AFTER]
        nouns = [_singular(t.lower_) for t in words if t.lower_ not in {"those", "the", "these", "all"}]
        nouns = [n for n in nouns if n not in verbs and not n.endswith(("ed", "ing"))]
        if verbs:
            # 'Those released on bail' after '358 were released on bail': a part of that act is the set named when
            # no total is of it (a part that took its whole's verb, '41 at bureau level', is not)
            acted = [d for d in earlier if _acted(d, verbs[-1])] or [
                d for d in counts if d.tok < sent.start and id(d) in parts and _acted(d, verbs[-1])
            ]
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

    def _of_the_acted(self, doc: Doc, cue: Span, part: Draft, counts: list[Draft], parts: dict) -> Draft | None:
        """The count whose act a participle right after 'of the' names ('906 of the disciplined'): the nearest
        earlier one of that act, not a part already; None when the cue names no act."""
        k = next_tok(doc, cue.end)
        if cue.text.lower() not in {"of the", "of those", "of all"} or k >= len(doc):
            return None
        word = doc[k].lower_
        if not (word.endswith("ed") or word in VERB_CLASS):
            return None
        nxt = doc[next_tok(doc, k + 1)] if next_tok(doc, k + 1) < len(doc) else None
        if nxt is not None and nxt.is_alpha and not (nxt.lower_ in VERB_AFTER or nxt.lower_.endswith("ed")):
            return None  # 'of the disciplined officials': a modifier of a noun, read by _cue_noun
        acted = [d for d in counts if d.tok < part.tok and id(d) not in parts and _acted(d, word)]
        return acted[-1] if acted else None

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
                self._forms_after(doc, counts, n_draft, rels)
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
            # the count of kinds before the colon is no whole of the list ('in four forms: 55,900 ...')
            listed = {id(p) for p in parts}
            rels[:] = [
                r for r in rels if not (r["type"] == "part_of" and r["whole"] is n_draft and id(r["part"]) in listed)
            ]
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
    def _forms_after(doc: Doc, counts: list[Draft], n_draft: Draft, rels: list[dict]) -> None:
        """'dealt with 88,400 officials under the four forms of oversight. Of them, 55,900 ...; 24,700 ...; 4,300
        ...; and 3,500 ...': as many cued parts of the total, in the next sentence, as the forms the text names
        make up the total (a stated sum)."""
        back = prev_tok(doc, n_draft.tok - 1)
        if back >= 0 and doc[back].lower_ == "the":
            back = prev_tok(doc, back - 1)
        if back < 0 or doc[back].lower_ not in FORMS_PREPOSITIONS:
            return
        sent = sent_of(doc, n_draft.tok)
        total = next((d for d in reversed(counts) if sent.start <= d.tok < back), None)
        if total is None or sent.end >= len(doc) or any(r["type"] == "sum" and r["total"] is total for r in rels):
            return
        nxt = sent_of(doc, next_tok(doc, sent.end))
        parts = [
            r["part"]
            for r in rels
            if r["type"] == "part_of" and r["whole"] is total and r["confidence"] in ("stated", "cued")
            and nxt.start <= r["part"].tok < nxt.end
        ]
        if len(parts) >= 2 and len(parts) == n_draft.value:
            rels.append(
                {
                    "type": "sum",
                    "parts": sorted(parts, key=lambda d: d.tok),
                    "total": total,
                    "cue": f"{doc[n_draft.tok].text} {doc[next_tok(doc, n_draft.tok + 1)].text}",
                    "confidence": "stated",
                }
            )

    def _colon_lists(self, doc: Doc, drafts: list[Draft], rels: list[dict]) -> set[int]:
        """'Bodies punished 52,000 officials: 31 at provincial level, 2,100 at bureau level and ...': a count whose
        noun phrase ends at a colon is the whole of the counts listed after it (each opening an item, of a kindred
        unit, up to the sentence's end); a guess firmer than a nearest figure ('cued')."""
        counts = [d for d in drafts if d.kind == "count"]
        taken = {id(r["part"]) for r in rels if r["type"] == "part_of"}
        found: set[int] = set()
        for whole in counts:
            colon = next(
                (t.i for t in doc[whole.tok + 1 : whole.tok + 5] if not t.is_alpha or t.text in {":", "："}), None
            )
            if colon is None or doc[colon].text not in {":", "："} or doc[colon].i + 1 >= len(doc):
                continue
            sent = sent_of(doc, whole.tok)
            # the list runs to the clause's end ('...: 120 thefts, 90 frauds; police handled ...'), LIST_MAX items
            stop = next((t.i for t in doc[colon + 1 : sent.end] if t.text in CLAUSE_BREAKS), sent.end)
            lo = bisect.bisect_right(counts, colon, key=_tok)
            after = [d for d in counts[lo : lo + LIST_MAX] if d.tok < stop]
            if not after or after[0].tok != next_tok(doc, colon + 1) or len(after) < 2:
                continue  # the colon opens a list of figures, or it is no breakdown
            unit = whole.fields.get("unit")
            listed = [after[0]] + [d for d in after[1:] if _opens_item(doc, d.tok)]
            for part in listed:
                own = part.fields.get("unit") if part.fields.get("_unit_noun") else None
                if id(part) in taken or (own and unit and not self.units.kin(own, unit)):
                    break
                self._part_of(rels, part, whole, ":", "cued")
                found.add(id(part))
        return found

    @staticmethod
    def _other_lists(doc: Doc, rels: list[dict]) -> None:
        """'including 3,000 for theft, 2,000 for fraud and 1,000 other cases', 'Among these cases, there were
        1,120 contract cases, ... and 62 other cases': a list of parts that ends with 'other' names every part, so
        the parts make up the whole (a stated sum), as one whose last item ends 'or lower' / 'or below'
        (EXHAUSTIVE_TAILS) does. The list is the parts of one cue's sentence."""
        for members in _cue_groups(rels, lambda r: (id(r["whole"]), sent_of(doc, r["part"].tok).start)):
            last = members[-1]["part"]
            k = next_tok(doc, last.tok + 1)
            # '... and 9,000 other officials'; '... and 40,069 at township level or lower': the last item takes all
            # the rest
            tail = _words_after(doc, last.tok, 8)
            exhaustive = next((w for w in sorted(EXHAUSTIVE_TAILS) if f" {w} " in tail), None)
            # '... and the other 40 were tried abroad', 'the remaining 12': the last item is the rest
            j = prev_tok(doc, last.tok - 1)
            if j > 0 and doc[j].lower_ in REMAINDER_WORDS and doc[prev_tok(doc, j - 1)].lower_ == "the":
                exhaustive = exhaustive or f"the {doc[j].lower_}"
            if len(members) < 2 or k >= len(doc) or (doc[k].lower_ not in {"other", "others"} and exhaustive is None):
                continue
            whole = members[0]["whole"]
            # '..., including 301,000 party and 95,000 government penalties; 36 senior, ... and 9,000 other
            # officials': the breakdown that ends in 'other' is the group after the last semicolon, not the one
            # before it, which counts the same people another way
            semis = [t.i for t in doc[members[0]["part"].tok : last.tok] if t.text in {";", "；"}]
            group = [m for m in members if not semis or m["part"].tok > semis[-1]]
            if len(members) - len(group) == 1:
                group = members  # '365 were caught abroad; 258 gave up and the other four ...': one list, not two
            # a count between the parts that is no part of them is an item the reading missed: no sum of the rest
            inner = {id(m["part"]) for m in group}
            at = _draft_at(doc)
            missed = bool(group) and any(
                (d := at.get(i)) is not None and d.kind == "count" and id(d) not in inner
                and doc[prev_tok(doc, i - 1)].lower_ not in AGENT_PREPOSITIONS
                for i in range(group[0]["part"].tok + 1, group[-1]["part"].tok)
            )
            if len(group) >= 2 and not missed and not any(r["type"] == "sum" and r["total"] is whole for r in rels):
                parts = [m["part"] for m in group]
                cue = "and other" if doc[k].lower_ in {"other", "others"} else exhaustive
                rels.append({"type": "sum", "parts": parts, "total": whole, "cue": cue, "confidence": "stated"})

    @staticmethod
    def _intake_pairs(doc: Doc, rels: list[dict]) -> None:
        """'handled 4,959 cases, including 4,176 new cases and 783 cases carried over from earlier years': the
        two parts of a caseload, new and carried over, make it up (a sum, as cued as the parts)."""
        for members in _cue_groups(rels, lambda r: id(r["whole"]), lambda cue: cue.startswith("includ")):
            if len(members) != 2 or any(r["type"] == "sum" and r["total"] is members[0]["whole"] for r in rels):
                continue
            said = [_words_after(doc, m["part"].tok, 7) for m in members]
            new = [any(f" {w} " in x for w in NEW_INTAKE_WORDS) for x in said]
            old = [any(f" {w} " in x for w in CARRIED_OVER_WORDS) for x in said]
            if sorted(zip(new, old, strict=True)) == [(False, True), (True, False)]:
                parts = [m["part"] for m in members]
                firm = min((m["confidence"] for m in members), key=FIRMNESS.get)
                rels.append(
                    {"type": "sum", "parts": parts, "total": members[0]["whole"], "cue": "new and carried over",
                     "confidence": firm}
                )

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
        a core unit or of none yet, else the nearest count."""
        if not earlier:
            return None
        if id(earlier[-1]) in parts:
            return parts[id(earlier[-1])]
        unit = part.fields.get("unit") if part is not None else None
        same = [d for d in earlier if unit and d.fields.get("unit") == unit]
        if same:
            return same[-1]
        for d in reversed(earlier):
            # 'concluded 11,905, of which ...': a count with no noun of its own counts what the counts before it
            # do (its unit is filled in after linking), so it is the nearest antecedent as much as a core one
            if self._core(d) or not d.fields.get("unit"):
                return d
        return earlier[-1]

    def _core(self, d: Draft) -> bool:
        unit = d.fields.get("unit")
        return unit in {"case", "person", "suspect", "crime", "official", "clue", "criminal", "report"}

    @staticmethod
    def _previous_counts(doc: Doc, counts: list[Draft], sent: Span, over_credit: bool = False) -> list[Draft]:
        """Counts of the nearest of the two sentences before `sent` that has any. 'Among them' at the head of
        a paragraph reaches into the paragraph before; the second sentence back must share a paragraph with
        the first, unless `over_credit` ('Among them', 'Of these') and the first is a paragraph of its own with no
        numeral at all (a credit line a repost puts between a total and its breakdown)."""
        start = sent.start
        text = text_of(doc)
        for step in range(2):
            if start == 0:
                return []
            prev = sent_of(doc, start - 1)
            if step and "\n\n" in text[prev.start_char : doc[start].idx]:
                between = text[doc[start].idx : sent.start_char]  # the sentence passed over, and what follows it
                if not (over_credit and "\n\n" in between and not any(ch.isdigit() for ch in between)):
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
        words = _cue_phrase(doc, cue, after)
        if not words or words[-1] in REFERRING_WORDS or words[-1] in {"it", "figure", "figures"}:
            return None  # 'Among them', 'Of the total,': no noun of its own
        head = [w for w in words if w not in {"the", "these", "those", "all"}]
        for k, w in enumerate(head):
            # 'Among the cases handled in 2017,' -> case: the noun before a participle or a preposition that
            # follows it ('the arrested suspects' keeps its noun, 'those punished' its participle)
            if k and (w in PREPOSITIONS or w.endswith("ed")) and not head[k - 1].endswith("ed"):
                return _singular(head[k - 1])
        return _singular(words[-1])

    @staticmethod
    def _restricted_act(doc: Doc, cue: Span, after: list[Draft]) -> str | None:
        """The participle of 'Among those investigated in graft cases,' / 'Of the people sentenced for fraud,' when
        a phrase narrows it: the cue names the whole by its act, not by the noun of the phrase ('cases')."""
        words = _cue_phrase(doc, cue, after)
        if doc[cue.end - 1].lower_ in {"those", "the"}:
            head = words  # the cue 'Among those' holds its determiner
        else:
            head = words[1:] if words[:1] in (["those"], ["the"]) else []
        if head[:1] in (["people"], ["persons"]):
            head = head[1:]
        if len(head) > 1 and head[0].endswith("ed") and head[1] in PREPOSITIONS:
            return head[0]
        return None

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
        if doc is not None:
            pool = [d for d in pool if not _superseded(doc, d)] or pool  # 'from 34 to 22, ... 19 of them': 22
        unit = part.fields.get("unit")
        if doc is not None and unit:
            # 'Of the cases accepted in 2021, ...': a year in the cue picks the count of that year
            year = _year_in_cue(doc, part)
            dated = [d for d in pool if year and _year_after(doc, d.tok) == year and d.fields.get("unit") == unit]
            if dated:
                return dated[-1]
        if not unit and doc is not None and len(pool) > 1:
            # 'cases ..., involving 31,450 police officers. Of them, 12,730 were found guilty': a part whose verb
            # is about people is one of the people the pool counts
            verb = " ".join(t.lower_ for t in doc[part.tok + 1 : min(len(doc), part.tok + 6)] if t.is_alpha)
            people = [d for d in pool if self.units.root(d.fields.get("unit") or "") == "person"]
            if people and PERSON_VERBS.search(verb):
                pool = people
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


LIST_LEAD_RE = re.compile(r"(?i)(?:about|some|nearly|over|more than|almost)")  # bounds before a list's first count


def _cue_groups(rels: list[dict], key, cue_ok=lambda cue: True) -> list[list[dict]]:
    """The part_of relations a partitive cue made (its text passing `cue_ok`), grouped by `key(relation)` in
    the order they were made."""
    groups: dict = {}
    for r in rels:
        if r["type"] == "part_of" and r.get("_via") == "cue" and r.get("cue") and cue_ok(r["cue"]):
            groups.setdefault(key(r), []).append(r)
    return list(groups.values())


def _worded_list_before(doc: Doc, start: int, end: int) -> bool:
    """True when the words from a cue at `start` to a count at `end` open with a list in words and close it with a
    comma ('including embezzlement, forgery and extortion, and 2,300 ...'): no numeral before the first comma."""
    commas = [t.i for t in doc[start:end] if t.text in {",", "，"}]
    if not commas:
        return False
    lead = [t for t in doc[start : commas[0]] if not t.is_space]
    return bool(lead) and not any(is_num(t) for t in lead) and any(t.is_alpha and len(t) > 3 for t in lead)


def _words_after(doc: Doc, i: int, n: int) -> str:
    """The lower-case words of the n tokens after token i in its sentence up to the next numeral or comma,
    space-padded for whole-word search."""
    end = min(sent_of(doc, i).end, i + 1 + n)
    end = next((t.i for t in doc[i + 1 : end] if is_num(t) or t.text in {",", ";", "("}), end)
    return " " + " ".join(t.lower_ for t in doc[i + 1 : end] if not t.is_space) + " "


def _left_over(doc: Doc, part: Draft) -> bool:
    """True when a few words after the count say it is what remains ('85 cases pending', '742 cases outstanding',
    '30 still under review'), the `left_over_words` list."""
    return any(f" {w} " in _words_after(doc, part.tok, 4) for w in LEFT_OVER_WORDS)


def _names_act(d: Draft, participle: str) -> bool:
    """True when count d's noun is the act a participle names: 'opened 220,000 formal investigations. Of those
    investigated, ...', 'approved 9,400 arrests. Among those arrested, ...' (the noun's stem is the verb's)."""
    unit = d.fields.get("unit") or ""
    stem = participle[:-2] if participle.endswith("ed") else participle
    return len(stem) >= 5 and unit.startswith(stem) and unit != participle


def _ranked(d: Draft) -> bool:
    """True when count d is narrowed to a rank in its own words ('32 officials at the ministerial level and
    above'): a part of the set of an act, not the whole a cue names by that act."""
    return bool(RANK_WORDS & set(re.findall(r"[a-z]+", (d.fields.get("subject") or "").lower())))


CUE_STOPS = words("cue_stops")


def _cue_words(doc: Doc, start: int, end: int) -> set[str]:
    """The content words of a partitive cue's phrase, up to its comma ('number of officials being investigated for
    corruption from January to March' -> {'officials', 'investigated', 'corruption', 'january', 'march'})."""
    out = set()
    for t in doc[start:end]:
        if t.text in {",", "，", ";", ":"}:
            break
        if t.is_alpha and t.lower_ not in CUE_STOPS:
            out.add(t.lower_)
    return out


def _most_said(doc: Doc, cands: list[Draft], words: set[str], counts: list[Draft]) -> list[Draft]:
    """The candidates whose own words (from the figure before them in their sentence, and on to the next count of
    their unit: 'A total of 10,250 people in 7,900 cases were investigated for bribery, and 2,870 ...') share most
    of `words`; all of them when none shares any, or when there is one."""
    if len(cands) < 2 or not words:
        return cands

    def said(d: Draft) -> int:
        sent = sent_of(doc, d.tok)
        in_sent = [c for c in counts if sent.start <= c.tok < sent.end]
        before = [c.tok for c in in_sent if c.tok < d.tok]
        after = [c.tok for c in in_sent if c.tok > d.tok and c.fields.get("unit") == d.fields.get("unit")]
        lo = before[-1] + 1 if before else sent.start
        # its item opens after the last ',' or 'and' before it: the words before that are the figure before's
        lo = next((t.i + 1 for t in reversed(doc[lo : d.tok]) if t.lower_ in {",", ";", "and", "，"}), lo)
        hi = after[0] if after else sent.end
        return len(words & {t.lower_ for t in doc[lo:hi]})

    scores = [said(d) for d in cands]
    best = max(scores)
    return [d for d, n in zip(cands, scores, strict=True) if n == best] if best else cands


def _cue_phrase(doc: Doc, cue: Span, after: list[Draft]) -> list[str]:
    """The words of a partitive cue's phrase, lower case, from the cue to its comma or its first count after
    ('Among those investigated in graft cases, 65,629 ...' -> ['investigated', 'in', 'graft', 'cases'])."""
    stop = after[0].tok if after else cue.end + 8
    words = []
    for t in doc[cue.end : stop]:
        if t.text in {",", "，"}:
            break
        if t.is_alpha:
            words.append(t.lower_)
    return words


def _opens_with(doc: Doc, sent: Span, phrases: frozenset[str]) -> bool:
    """Whether the sentence opens with one of `phrases` (lower case, one to four words) and a comma."""
    toks = [t for t in doc[sent.start : min(sent.end, sent.start + 6)] if not t.is_space]
    for n in range(1, 5):
        if len(toks) > n and " ".join(t.lower_ for t in toks[:n]) in phrases and toks[n].text == ",":
            return True
    return False


def _verb_after(doc: Doc, d: Draft) -> str | None:
    """The first verb after a count in its clause ('512 involved', '866 cases of smuggled goods involved': a
    participle before it is taken, which then differs), lower case, or None."""
    j = d.tok + 1
    for _ in range(10):
        j = next_tok(doc, j)
        if j >= len(doc) or doc[j].text in CLAUSE_BREAKS or is_num(doc[j]):
            return None
        low = doc[j].lower_
        compound = j > 0 and doc[j - 1].text in ("-", "‐", "–")  # 'tax-related goods': part of a noun
        if low in AUXILIARIES:
            # 'were transferred' is a verb of its own; 'were thefts', 'were robberies' the same one
            k = next_tok(doc, j + 1)
            return f"{low} {doc[k].lower_}" if k < len(doc) and doc[k].lower_.endswith("ed") else low
        if doc[j].is_alpha and low.endswith("ed") and not compound:
            return low
        j += 1
    return None


def _whole_of_listed(whole: Draft | None, pool: list[Draft], parts: dict[int, Draft]) -> Draft | None:
    """'Among these, 250 were detained and 183 came back. Nineteen of them ...': 'them' after a sentence that
    lists two or more parts of one whole is that whole, not the part picked from the list."""
    if whole is None or id(whole) not in parts:
        return whole
    top = parts[id(whole)]
    listed = [d for d in pool if parts.get(id(d)) is top]
    return top if len(listed) >= 2 else whole
