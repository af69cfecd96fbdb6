"""Shares: each percentage that is a share linked to its part (`of`) and to the total it is a share of (`whole`)."""

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
    past_restatement,
    prev_tok,
    sent_of,
    text_of,
)
from extractor.components.relations.common import (
    AUXILIARIES,
    FRACTION_WORDS,
    KIND_UNITS,
    LINK_WINDOW,
    NOUN_STOPS,
    QUOTES,
    RANGE,
    REFERRING_WORDS,
    SHARE_GLUE,
    TOTAL_REACH,
    VERB_CLASS,
    _acted,
    _counts_kinds,
    _draft_at,
    _link,
    _paragraph_start,
    _presented_as_total,
    _prior_period,
    _singular,
    first_word,
)
from extractor.components.units import hyphen_compound_at
from extractor.kinds import ITEM_KINDS
from extractor.lexicon import words


class SharesMixin:
    """The share links of the relation linker."""

    # -- shares --------------------------------------------------------------------------------------------
    def _shares(self, doc: Doc, drafts: list[Draft], rels: list[dict]) -> None:
        self._levels_against_a_period(doc, drafts)
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
            # 'the other two forms, namely ..., accounted for 3.5 percent': no share is of a count of kinds
            # '734,000 registered gamblers, a year-on-year drop of 11.2 percent, accounting for 0.041 percent of
            # the total population': a change between the count and its share qualifies the count, not the share
            earlier = [
                x
                for x in drafts
                if c_start <= x.tok < d.tok
                and not x.fields.get("_converted")
                and not _counts_kinds(x)
                and not (x.kind == "percentage" and x.fields.get("role") == "change")
            ]
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
                and (
                    not self._new_subject(doc, earlier[-1], share_cue.start if share_cue is not None else d.tok)
                    # 'filed 4,200 fraud cases, and these cases accounted for 31.2%': a subject restating the figure
                    or (share_cue is not None and self._subject_restates(doc, earlier[-1], share_cue.start))
                )
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
            if "of" not in d.fields and share_cue is not None and not any(x.kind in ITEM_KINDS for x in earlier):
                # 'The newly accepted cases accounted for 16.4%': the subject's words name an earlier count
                described = self._described_count(doc, d, share_cue.start, drafts)
                if described is not None:
                    _link(d, "of", described[0], described[1], "cued")
                    d.set(_described=True)
            # 'made up 8.5 percent of the 12,000 suspects': the whole is named right after 'of (the)'
            of_next = len(following) == 2 and following[0].lower_ == "of"
            k = next_tok(doc, nxt + 1) if of_next else len(doc)
            if k < len(doc) and doc[k].lower_ in {"the", "all", "these", "those"}:
                k = next_tok(doc, k + 1)
            named = _draft_at(doc).get(k) if of_next else None
            if named is not None and named.kind in ITEM_KINDS:
                _link(d, "whole", named, "of the", "stated")
                if isinstance(d.fields.get("of"), Draft):
                    self._part_of(rels, d.fields["of"], named, "of the", "stated", via="share")
                continue
            if d.fields.get("_described"):
                # '... concluded 3,460 cases. The concluded cases accounted for 13.5% of the national total': a
                # subject restated in a later sentence is measured against a total its words name, and no
                # earlier count is known to be it
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
            if len(following) == 2 and following[0].lower_ == "of" and following[1].lower_ in {"the", "all", "total"}:
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
                    # firm when the total is the count of the act its words name, or the text presents it as a
                    # total; 'of the total number of cases examined and prosecuted' over a count of arrests is a guess
                    named = _named_acts(doc[nxt : min(nxt + 7, sent.end)])
                    noun = self._total_noun(doc[nxt : min(nxt + 7, sent.end)])
                    tu = total.fields.get("unit")
                    other_class = noun is not None and tu is not None and not self._kin_any(noun, {tu})
                    if named and other_class and not any(x.kind == "count" and _acted(x, named[0]) for x in drafts):
                        # 'of the total number of cases examined and prosecuted' over a count of people, and no
                        # count is of cases examined: a total the text never states, so no whole and no check
                        d.set(_unstated_whole=True)
                        continue
                    acted = bool(named) and _acted(total, named[0])
                    firm = "cued" if acted or (not named and _presented_as_total(doc, total)) else "inferred"
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
                            and not (isinstance(part, Draft) and _siblings(doc, x, part))
                        ]
                    # 'making up 58 percent of cases concluded by the provincial courts': the whole is a count of
                    # the act its words name (the 5,214 cases received are not it), none when no count has it
                    acts = _named_acts(doc[nxt + 1 : min(nxt + 7, sent.end)])
                    if acts and any(x.kind == "count" and _acted(x, acts[0]) for x in drafts):
                        cands = [x for x in cands if _acted(x, acts[0])]
                        # '... of the cases closed by the SPC': of the counts of that act, the one its agent did;
                        # none when no count names that agent ('Courts nationwide concluded 9.53 million')
                        agent = _agent_of(doc[nxt + 1 : min(nxt + 12, sent.end)])
                        if agent:
                            named_by = {id(x): _done_by(doc, x, drafts, agent) for x in cands}
                            most = max(named_by.values(), default=0)
                            cands = [x for x in cands if most and named_by[id(x)] == most]
                    if cands:
                        # 'Less than 3% of cases were ...' (no article): the release's count of them, a guess
                        firm = "inferred" if bare and cands[-1].tok < sent.start else "cued"
                        _link(d, "whole", cands[-1], f"of the {unit}", firm)
                        if isinstance(part, Draft):
                            self._part_of(rels, part, cands[-1], f"of the {unit}", firm, via="share")
        self._share_lists(doc, shares, drafts, rels)
        self._named_act_shares(doc, shares, drafts)
        self._lead_shares(doc, drafts, rels)
        self._elliptical_shares(doc, shares, drafts)
        self._referring_shares(doc, shares, drafts)
        self._pronoun_shares(doc, shares, drafts)
        self._bare_shares(doc, drafts)
        # 'accounted for 3.5 percent and 3.3 percent of the total': the whole named after a list of shares is
        # the whole of each
        for a, b in itertools.pairwise(shares):
            whole = b.fields.get("whole")
            if "whole" in a.fields or not isinstance(whole, Draft) or isinstance(a.fields.get("of"), Draft):
                continue
            if text_of(doc)[a.end : b.start].strip().lower() in {"and", ",", "，", "、", ", and"}:
                ev = b.fields.get("_evidence", {}).get("whole", {})
                _link(a, "whole", whole, ev.get("cue"), ev.get("confidence", "inferred"), ev.get("pattern_id"))
        # 'Of the 4,800, 960 were minors, accounting for 25 percent': the part's whole is the share's whole
        whole_of = {id(r["part"]): r for r in rels if r["type"] == "part_of"}
        for d in shares:
            part = d.fields.get("of")
            if d.fields.get("_described") or d.fields.get("_unstated_whole"):
                continue  # its whole is what its own words name, not its part's whole
            if "whole" not in d.fields and isinstance(part, Draft) and id(part) in whole_of:
                rel = whole_of[id(part)]
                _link(d, "whole", rel["whole"], rel["cue"], rel["confidence"], rel["pattern_id"])

    def _named_act_shares(self, doc: Doc, shares: list[Draft], drafts: list[Draft]) -> None:
        """'decided to detain 3,180 people ... . The number of detentions accounted for 71.4%': a share whose
        sentence opens with 'the number of <noun>' and holds no figure before it is of the count the noun names
        in the sentence before (its unit, else its act)."""
        rules = RuleIndex.of(doc)
        for d in shares:
            if "of" in d.fields:
                continue
            sent = sent_of(doc, d.tok)
            if any(x.kind in ITEM_KINDS and sent.start <= x.tok < d.tok for x in drafts):
                continue
            found = self._anaphora(doc, sent, drafts, rules, set())
            if found is not None and found[1][-1].lower_ == "of":  # 'It accounted for 40%' names no figure
                _link(d, "of", found[0], found[1].text.lower(), "cued", found[1].id_)

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

    def _subject_restates(self, doc: Doc, figure: Draft, cue: int) -> bool:
        """True when the subject after the last comma between a figure and a share's cue restates the figure:
        'these cases', 'such cases', 'they', 'the detentions' (a noun the figure's clause said) before the cue."""
        start = doc.char_span(figure.start, figure.end, alignment_mode="expand").end
        commas = [t.i for t in doc[start:cue] if t.text in {",", "，"}]
        if not commas:
            return False
        words = [t for t in doc[commas[-1] + 1 : cue] if t.is_alpha and t.lower_ not in CLAUSE_JOINERS]
        if not words or len(words) > 3 or words[0].lower_ not in RESTATING_WORDS:
            return False
        nouns = [_singular(t.lower_) for t in words[1:]]
        if not nouns:
            return words[0].lower_ != "the"
        said = {_singular(t.lower_) for t in doc[sent_of(doc, figure.tok).start : commas[-1]] if t.is_alpha}
        unit = figure.fields.get("unit")
        return any(n in said or (unit is not None and self.units.kin(n, unit)) for n in nouns)

    def _pronoun_shares(self, doc: Doc, shares: list[Draft], drafts: list[Draft]) -> None:
        """'The region had 3.27 million smokers. They account for 4.12 percent of its population': a share whose
        sentence opens with a pronoun (PLURAL_ANAPHOR, ANAPHOR) right before its cue, no figure between, is
        the share of the count the pronoun refers to; the whole, unless given, stays unsaid."""
        rules = RuleIndex.of(doc)
        counts = [x for x in drafts if x.kind == "count"]
        toks = [x.tok for x in drafts]
        for d in shares:
            if isinstance(d.fields.get("of"), Draft) or "whole" in d.fields:
                continue
            sent = sent_of(doc, d.tok)
            pronoun = rules.starting_at(first_word(doc, sent, d.tok), "PLURAL_ANAPHOR", "ANAPHOR")
            if pronoun is None or pronoun.end - pronoun.start > 1 or sent.start == 0:
                continue  # 'They', 'These', 'This': a pronoun alone; 'The figures' may be the share's own
            verb = doc[pronoun.end : d.tok]
            if len(verb) > 4 or not any(s.label_ == "SHARE" for s in rules.within(pronoun.end, d.tok, "SHARE")):
                continue
            if drafts[bisect.bisect_left(toks, sent.start) : bisect.bisect_left(toks, d.tok)]:
                continue
            pool = self._previous_counts(doc, counts, sent)
            if len(pool) == 1:
                _link(d, "of", pool[0], pronoun.text.lower(), "cued", None)

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
        approx = RuleIndex.of(doc).ending_at(k + 1, "APPROX")
        if approx is not None:
            k = prev_tok(doc, approx.start - 1)  # 'Of the cases, nearly 68 percent involved ...'
        return k == comma or doc[k].lower_ in {"and", ",", "，", "while"}

    def _own_subject(self, doc: Doc, q: Draft, d: Draft, rules: RuleIndex) -> bool:
        """True when a change has a subject of its own after the figure before it: after the last ', and' (or
        'while') between them a noun stands before the change's verb ('..., and second instance cases
        increased by 4.92%'); 'and the number/figure ...' refers back instead."""
        start = doc.char_span(q.start, q.end, alignment_mode="expand").end
        cue_start = max((s.start for s in rules.within(start, d.tok, "CHANGE")), default=d.tok)  # its own cue
        toks = doc[start:cue_start]
        # 'foreign-related, Macao-related and Taiwan-related cases': joints inside a list of modifiers join none
        joints = [
            t.i
            for t in toks
            if t.lower_ in {"and", "while", "whereas"} and t.i > start and not hyphen_compound_at(doc, t.i + 1)
        ]
        if not joints or not any(
            t.text in {",", "，"} and not hyphen_compound_at(doc, t.i + 1) for t in doc[start : joints[-1]]
        ):
            return False
        after = [t for t in doc[joints[-1] + 1 : cue_start] if t.is_alpha]
        if not after:
            return False
        if doc[prev_tok(doc, cue_start - 1)].text in {",", "，"} and not rules.within(
            joints[-1] + 1, cue_start, "ANAPHOR"
        ):
            # '5,120 suspects, who were involved in fraud and theft, down 7.3%': a verbless change set off by a
            # comma qualifies the figure; the 'and' joined words inside the clause between
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
        if isinstance(part, Draft) and unit is None and named is None:
            # 'cracked 355 drug cases, and 80 involved couriers, accounting for 22.5% of the total': a part with no
            # noun is one of the set the count before it gives, so the total counts that count's class
            earlier = [x for x in drafts if x.kind == "count" and x.tok < part.tok and x.fields.get("unit")]
            if earlier and sent_of(doc, earlier[-1].tok).start >= self._sentences_back(doc, sent_of(doc, part.tok), 1):
                unit = earlier[-1].fields["unit"]
        if part is None and named is None:
            # 'Fraud cases made up 12.5 percent of the total': no part figure; the clause names what is counted,
            # else the sentence's subject ('Officials subject to the other two forms, namely ..., accounted for
            # 3.5 percent and 3.3 percent of the total'; never a count of kinds)
            counted = {x.fields.get("unit") for x in drafts if x.kind == "count" and x.tok < d.tok} - KIND_UNITS
            unit = None
            for lo, nearest in ((clause_start(doc, d.tok), True), (sent_of(doc, d.tok).start, False)):
                nouns = [_singular(t.lower_) for t in doc[max(lo, d.tok - LINK_WINDOW) : d.tok] if t.is_alpha]
                # the clause's noun nearest the share; the sentence's subject, its first noun
                unit = next(
                    (
                        n
                        for n in (reversed(nouns) if nearest else nouns)
                        if n not in KIND_UNITS
                        and (n in counted or (self.units.root(n) in ("case", "person") and self._kin_any(n, counted)))
                    ),
                    None,
                )
                if unit is not None:
                    break
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
        lo = bisect.bisect_left(drafts, d.start - TOTAL_REACH, key=lambda x: x.start)
        acts = _named_acts(window)
        cands = [
            x
            for x in drafts[lo:]
            if x.kind == "count"
            and x.tok < before
            and x is not part
            and id(x) not in inner
            and not x.fields.get("_converted")
            and not (isinstance(part, Draft) and _siblings(doc, x, part))
            # 'sanctioned 265,000 (of which ...)': a count with no noun yet is of the class its act names
            and (
                self.units.kin(x.fields.get("unit"), unit)
                or (not x.fields.get("unit") and bool(acts) and _acted(x, acts[0]))
            )
        ]
        # 'of the total number of disciplined persons': a total named by its act is a count of that act, and
        # none when no count has it
        if acts and any(x.kind == "count" and _acted(x, acts[0]) for x in drafts):
            cands = [x for x in cands if _acted(x, acts[0])]
        return cands[0] if cands else None

    def _described_count(self, doc: Doc, figure: Draft, end: int, drafts: list[Draft]) -> tuple[Draft, str] | None:
        """'The newly accepted cases accounted for 16.4%', 'the number of concluded cases increased by 673': a
        clause whose subject, right before token `end`, names a count's noun with words that qualify it ('newly
        accepted', 'concluded', 'involving township officials') and holds no figure refers to the earlier count
        (in its sentence or the three before) whose own words share most of those qualifiers; none when no count
        shares one or two share as many (the wording must tell them apart, values never do)."""
        sent = sent_of(doc, figure.tok)
        lo = max(sent.start, end - 16)
        seg = max((t.i + 1 for t in doc[lo:end] if t.text in {",", "，", ";", "；", ":", "("}), default=lo)
        if any(x.kind in ITEM_KINDS and seg <= x.tok < end for x in drafts):
            return None
        content = [t.lower_ for t in doc[seg:end] if t.is_alpha and t.lower_ not in DESCRIPTION_STOPS]
        is_noun = [self.units.root(_singular(w)) in ("case", "person") for w in content]
        if not any(is_noun):
            return None
        at = is_noun.index(True)
        while at + 1 < len(content) and is_noun[at + 1]:
            at += 1  # 'fraud cases': the last noun of the first run heads it, the others qualify it
        noun = _singular(content[at])
        wanted = {_stem(w) for i, w in enumerate(content) if i != at}
        lead = next((t.lower_ for t in doc[seg:end] if t.is_alpha), "")
        if not wanted and lead in {"these", "those", "such"} and seg == first_word(doc, sent) and sent.start > 0:
            # 'These cases accounted for 87%': the one count of that class in the sentence before
            prev = sent_of(doc, sent.start - 1)
            kin = [
                x
                for x in drafts
                if x.kind == "count" and prev.start <= x.tok < prev.end and self.units.kin(x.fields.get("unit"), noun)
            ]
            return (kin[0], f"{lead} {content[at]}") if len(kin) == 1 else None
        if not wanted:
            return None
        start = self._sentences_back(doc, sent, 3)
        toks = [x.tok for x in drafts]
        pool = drafts[bisect.bisect_left(toks, start) : bisect.bisect_left(toks, seg)]
        scored = []
        for i, x in enumerate(pool):
            if (
                x.kind != "count"
                or x.fields.get("_converted")
                or x.fields.get("difference")
                or not self.units.kin(x.fields.get("unit"), noun)
                or _prior_period(doc, x)
            ):
                continue
            # the count's own words: its noun phrase and act, and the words before it back to the figure before
            before = max(clause_start(doc, x.tok), x.tok - 8, pool[i - 1].tok + 1 if i else 0)
            # '5,210 new cases, and concluded 4,870': the words after a joint, not the noun of the figure before
            before = max((t.i + 1 for t in doc[before : x.tok] if t.lower_ in LIST_JOINTS), default=before)
            said = re.findall(r"[^\W\d_]+", f"{x.fields.get('subject') or ''} {x.fields.get('action') or ''}".lower())
            said += [t.lower_ for t in doc[before : x.tok] if t.is_alpha]
            scored.append((len(wanted & {_stem(w) for w in said}), x))
        best = max((n for n, _x in scored), default=0)
        picks = [x for n, x in scored if n == best]
        if best == 0 or len(picks) != 1:
            return None
        return picks[0], " ".join(t.text for t in doc[seg:end] if not t.is_space).lower()

    def _kin_any(self, noun: str, units: set) -> bool:
        """Whether `noun` counts the class of any of `units` (a total of its class is then there to find)."""
        return any(self.units.kin(u, noun) for u in units)

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

    @staticmethod
    def _levels_against_a_period(doc: Doc, drafts: list[Draft]) -> None:
        """'handled 9.87 million lawsuits in 2021, equaling 93 percent of the figure in the same period in 2019':
        a percentage of an earlier period is no share of a total but the level of the count of its clause against
        that period (role level, `of` that count, cued)."""
        text = text_of(doc)
        for d in drafts:
            if d.kind != "percentage" or d.fields.get("role") != "share":
                continue
            if not PERIOD_OF_RE.match(text, d.end):
                continue
            d.set(role="level")
            lo = clause_start(doc, d.tok)
            before = [x for x in drafts if x.kind in ITEM_KINDS and lo <= x.tok < d.tok and not _counts_kinds(x)]
            if before:
                _link(d, "of", before[-1], "of the same period", "cued")

    def _continues_a_firm_share(
        self, doc: Doc, shares: list[Draft], at: int, group: list[Draft], rels: list[dict]
    ) -> bool:
        """'Among them, 905,000 ..., accounting for 71.3% of the total; 301,000 ..., accounting for 23.7%; 64,000
        ..., 5.0%': shares that go on, after a ';', from a share whose whole the text names (stated or cued) in
        the same paragraph and line, are of that whole (cued, by the list). True when the group was linked so."""
        text = text_of(doc)
        if at == 0:
            return False  # `at`: where group[0] stands among the shares
        anchor = shares[at - 1]
        whole = anchor.fields.get("whole")
        firm = anchor.fields.get("_evidence", {}).get("whole", {}).get("confidence") in ("stated", "cued")
        gap = text[anchor.end : group[0].start]
        if not isinstance(whole, Draft) or not firm or "\n" in gap or not any(c in gap for c in ";；"):
            return False
        if any(isinstance(d.fields.get("of"), Draft) and d.fields["of"].kind != whole.kind for d in group):
            return False
        for d in group:
            _link(d, "whole", whole, "list", "cued")
            self._part_of(rels, d.fields["of"], whole, "list", "cued", via="share")
        return True

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
        position = {id(x): k for k, x in enumerate(shares)}
        for group in groups:
            if self._continues_a_firm_share(doc, shares, position[id(group[0])], group, rels):
                continue
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
            header = text[_paragraph_start(text, first_part.start) : first_part.start]
            colon = header.rstrip().endswith((":", "："))
            # the parts' acts pick their totals only when the list says two or more acts ('1,705 cases were
            # opened, ...; 622 cases were concluded, ...'), each of which a total before it did
            acts = {
                (d.fields["of"].fields.get("action") or "").split()[-1]
                for d in group
                if d.fields["of"].kind == "count" and d.fields["of"].fields.get("action")
            }
            by_act = len(acts) >= 2 and all(
                any(x.kind == "count" and x.tok < first_part.tok and _acted(x, a) for x in drafts) for a in acts
            )
            # the candidate totals, read once per list (a list of shares may be long): by kind, then by act or noun
            unit = first_part.fields.get("unit")  # one list counts one class of thing
            before = [
                x
                for x in drafts
                if x.tok < first_part.tok
                and id(x) not in members
                and id(x) not in inner
                and not x.fields.get("_converted")
            ]
            by_kind = {
                "count": [
                    x
                    for x in before
                    if x.kind == "count" and (unit is None or self.units.kin(x.fields.get("unit"), unit))
                ],
                "money": [x for x in before if x.kind == "money"],
            }
            narrowed: dict[tuple[str, str], list[Draft]] = {}
            for d in group:
                # each share's whole is of its part's kind ('fines of 101 million yuan, accounting for 66.4%' is of
                # the amount of fines, never of a count) and, when a total did the part's act, of that act ('622
                # cases were concluded, accounting for 32.1%' after 'opened 4,812 cases and concluded 1,936')
                part = d.fields["of"]
                cands = by_kind.get(part.kind, [])
                act = (part.fields.get("action") or "").split()[-1:]
                key = None
                if part.kind == "money" and (noun := _money_noun(doc, part)) is not None:
                    # 'fines of 101 million yuan' after 'fines totaled 152 million yuan': the amount of its noun
                    key, act = ("noun", noun), [noun]
                elif by_act and act:
                    key = ("act", act[0])
                if key is not None and key not in narrowed:
                    narrowed[key] = [
                        x for x in cands if (_money_noun(doc, x) == key[1] if key[0] == "noun" else _acted(x, key[1]))
                    ]
                same_act = narrowed.get(key, []) if key is not None else []
                whole = self._paragraph_lead(text, same_act or cands, first_part)
                if whole is None:
                    continue
                confidence = "cued" if colon or same_act else "inferred"
                cue = "list after a colon" if colon else f"the total {act[0]}" if same_act else "paragraph total"
                _link(d, "whole", whole, cue, confidence)
                self._part_of(rels, part, whole, cue, confidence, via="share")


PERIOD_OF_RE = re.compile(
    r"\s*of\s+(?:the\s+(?:figure|level|number|total|amount|volume)s?\s+(?:in|of|for|during)\s+)?"
    r"(?:the\s+same\s+(?:period|time|quarter|month)|the\s+previous\s+year|last\s+year|a\s+year\s+"
    r"(?:earlier|ago|before)|the\s+year\s+before|(?:19|20)\d\d\b(?!\s*(?:cases|people|persons)))",
    re.IGNORECASE,
)
MONEY_NOUN_GLUE = words("money_noun_glue")  # 'fines totaled', 'the amount involved was': words between noun and sum


def _money_noun(doc: Doc, x: Draft) -> str | None:
    """The noun an amount of money is of, read back from it over the words that join them ('fines of 101
    million yuan', 'fines totaled 152 million yuan', 'The amount involved was 3.41 billion yuan' -> amount),
    singular; None when no noun stands there."""
    k = prev_tok(doc, x.tok - 1)
    for _ in range(4):
        if k < 0 or not doc[k].is_alpha:
            return None
        if doc[k].lower_ not in MONEY_NOUN_GLUE:
            return _singular(doc[k].lower_)
        k = prev_tok(doc, k - 1)
    return None


def _named_acts(window) -> list[str]:
    """The participles in the words that name a whole ('of the total number of disciplined persons', 'of cases
    concluded by the courts'), up to a clause break or a verb of the share's own ('of cases were retried'): the
    act the whole counts. A caller narrows its wholes to that act only when some count of the text has it
    ('problems handled' after 'dealt with 4,120 problems' names no act the text counts by that word)."""
    acts = []
    for t in list(window)[1:]:
        if t.is_punct or t.lower_ in AUXILIARIES:
            break  # 'of cases were retried': the share's own verb, not the whole's
        if t.is_alpha and (t.lower_.endswith("ed") or t.lower_ in VERB_CLASS) and t.lower_ not in ("related",):
            acts.append(t.lower_)
    return acts


AGENT_STOPS = words("agent_stops")
# words that describe nothing in a subject restating a count ('the number of ...'): the rest must match its words
DESCRIPTION_STOPS = words("description_stops")
LIST_JOINTS = words("description_joints")
RESTATING_WORDS = words("restating_words")  # 'and these cases accounted for 31.2%': a subject restating a count
CLAUSE_JOINERS = words("clause_joiners")  # ', and these cases accounted for': passed over before the subject


def _agent_of(window) -> set[str]:
    """The words of the agent in the words that name a whole ('of cases closed by the SPC' -> {'spc'}, 'by courts
    at all levels' -> {'courts', 'court'}), up to a clause break after 'by'; empty when no 'by' names one."""
    words = list(window)
    at = next((k for k, t in enumerate(words) if t.lower_ == "by"), None)
    if at is None:
        return set()
    agent: set[str] = set()
    for t in words[at + 1 :]:
        if t.is_punct or t.lower_ in AUXILIARIES or (t.like_num):
            break
        w = t.lower_
        if t.is_alpha and w not in AGENT_STOPS:
            agent |= {w, w[:-1] if w.endswith("s") else w}
    return agent


def _done_by(doc: Doc, x: Draft, drafts: list[Draft], agent: set[str]) -> int:
    """How many of the agent's words count x's own words name: between the figure before it in its sentence (or
    the clause start) and x ('The SPC closed 11,210 cases'), or after x up to the next figure ('11,210 were closed
    by the SPC'); 'local courts' names 'by local courts' better than 'the provincial court' does."""
    sent = sent_of(doc, x.tok)
    i = bisect.bisect_left(drafts, x.tok, key=lambda d: d.tok)
    lo = max(clause_start(doc, x.tok), drafts[i - 1].tok + 1 if i > 0 else 0, sent.start)
    hi = drafts[i + 1].tok if i + 1 < len(drafts) and drafts[i + 1].tok < sent.end else sent.end
    said = {t.lower_ for t in doc[lo:hi] if t.i != x.tok}
    return len({w.rstrip("s") for w in agent & said})


def _stem(word: str) -> str:
    """A word reduced so that forms of one description meet: 'newly' -> new, 'accepted' / 'received' -> accept (its
    verb class), 'cases' -> case, 'involving' -> involv."""
    word = VERB_CLASS.get(word, word)
    if word.endswith("ly") and len(word) > 4:
        word = word[:-2]
    word = _singular(word)
    for suffix in ("ing", "ed", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _siblings(doc: Doc, x: Draft, part: Draft) -> bool:
    """True when count x stands before `part` in its sentence as another item of the same act, each with its own
    noun ('filed 1,203 cases involving county officials and 9,012 cases involving village officials'): a sibling
    is never the part's total."""
    act = part.fields.get("action")
    return (
        bool(act)
        and x.fields.get("action") == act
        and bool(x.fields.get("_unit_noun") and part.fields.get("_unit_noun"))  # '..., and 96 involved': one set
        and sent_of(doc, x.tok).start == sent_of(doc, part.tok).start
    )
