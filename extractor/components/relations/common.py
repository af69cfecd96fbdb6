"""What the relation linker's parts share: word lists read from patterns/, bounds of its looks, small readers of
the doc around a figure."""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span

from extractor.components.context import (
    CLAUSE_BREAKS,
    LIST_JOINERS,
    Draft,
    clause_start,
    doc_context,
    is_num,
    next_tok,
    prev_tok,
    sent_of,
)
from extractor.lexicon import verb_classes, words

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
# characters a share's "of the total" looks back for the release's total: the farthest whole of the dev and new gold
# stands 1,593 characters before its share; a text of many releases (a yearbook) must not reach into another one,
# and a long text read in chunks then finds the same total as one read whole
TOTAL_REACH = 10_000


def _last_before(drafts: list[Draft], lo: int, hi: int, wanted) -> Draft | None:
    """The last draft with its token in [lo, hi) that is `wanted`: bisected in the drafts (sorted by token)
    and read back from hi, so a figure looks at its own sentence or clause, not at every figure of the doc."""
    i = bisect.bisect_left(drafts, hi, key=lambda x: x.tok) - 1
    while i >= 0 and drafts[i].tok >= lo:
        if wanted(drafts[i]):
            return drafts[i]
        i -= 1
    return None




BASELINE_WORDS = words("baseline_words")
COMPARATIVES = words("comparatives")
FIRMNESS = {"inferred": 0, "cued": 1, "stated": 2}
GROWTH_WORDS = words("growth_words")
# 'the rate of decline narrowed by 9.3%': a noun of a change and a verb that changes a rate of change
CHANGE_NOUNS = words("change_nouns")
RATE_CHANGE_VERBS = words("rate_change_verbs")
# 'over the past three months', 'within 10 days': a duration in a time adverbial
PERIOD_PREPOSITIONS = words("period_prepositions")
PERIOD_MODIFIERS = words("period_modifiers")
PER_HEAD_WORDS = words("per_head_words")  # '20 kilograms of drugs each': a measure of each item
MEASURE_LEADS = words("measure_leads")  # '54 cases involving 50 kilograms of heroin': a measure of the items
MEASURE_BOUNDS = words("measure_bounds")
ITEM_FILLERS = words("item_fillers")  # 'and besides there are 36,000 ...': words that only introduce a list item
LIST_NOUNS = words("list_nouns")
KIND_UNITS = words("kind_units")
BACK_REFERENCES = words("back_references")
REFERRING_WORDS = words("referring_words")
FRACTION_WORDS = words("fraction_words")
LEVEL_VERBS = words("level_verbs")
FRONTED_OPENERS = words("fronted_openers")
NOUNS_BEFORE_OF = words("nouns_before_of")
CATEGORY_NOUNS = words("category_nouns")
PRIOR_PERIOD = words("prior_period")
MONEY_NOUNS = words("money_nouns")
MEASURE_NOUNS = words("measure_nouns")  # '6.7 times the amount': a measure named after a change
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


def _superseded(doc: Doc, d: Draft) -> bool:
    """True when count d is the old level of a 'from A to B' ('cut its indicators from 34 to 22'): the set a
    later 'of them' or 'among them' refers to is the new one, B."""
    k = prev_tok(doc, d.tok - 1)
    if k < 0 or doc[k].lower_ != "from":
        return False
    end = doc.char_span(d.start, d.end, alignment_mode="expand").end
    j = next_tok(doc, end)
    if j < len(doc) and not doc[j].is_alpha and doc[j].text not in {",", "，"}:
        j = next_tok(doc, j + 1)  # 'from 34 cases to 22', a unit word or none
    while j < len(doc) and doc[j].is_alpha and doc[j].lower_ not in {"to", "into"} and j - end < 4:
        j = next_tok(doc, j + 1)
    nxt = next_tok(doc, j + 1) if j < len(doc) and doc[j].lower_ in {"to", "into"} else len(doc)
    return nxt < len(doc) and nxt in _draft_at(doc)


def _counts_kinds(d: Draft) -> bool:
    """True for a count of kinds of things ('two forms', 'three categories', 'four types'): a number of classes,
    never an item that a list of changes or shares qualifies."""
    return d.kind == "count" and d.fields.get("unit") in KIND_UNITS


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
    if word in {"over", "on"} and k > 0:
        # 'an increase of 51% over 2,080 cases in 2016': after a percentage, the figure it is measured from
        j = prev_tok(doc, k - 1)
        return j >= 0 and doc[j].lower_ in {"%", "percent", "per", "cent", "pct"}
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
        if any(
            (t.lower_ in AUXILIARIES and doc[prev_tok(doc, t.i - 1)].lower_ != "there")
            or (t.is_lower and t.lower_.endswith("ed"))
            for t in doc[b + 1 : end]
        ):
            return False  # '; 2,100 suspects were arrested': a clause of its own ('and there are 36,000 ...' is not)
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
    while k >= 0 and doc[k].lower_ in ITEM_FILLERS:
        i = k  # '..., and besides there are 36,000 ordinary staff': words that only introduce the item
        k = prev_tok(doc, k - 1)
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


def _time_adverbial(doc: Doc, i: int) -> bool:
    """True when the numeral at token i opens a duration that a preposition of time governs ('over the past three
    months', 'within 10 days', 'for two consecutive years'), not a level stated for a duration ('took 32 days')."""
    k = prev_tok(doc, i - 1)
    while k >= 0 and doc[k].lower_ not in PERIOD_PREPOSITIONS and doc[k].lower_ in PERIOD_MODIFIERS:
        k = prev_tok(doc, k - 1)  # 'for more than three years': 'over' is a preposition before it is a bound
    return k >= 0 and doc[k].lower_ in PERIOD_PREPOSITIONS


def _per_item(doc: Doc, i: int, end: int) -> bool:
    """True when the measure at token i is of each item ('over 20 kilograms of narcotics each', '5 grams per
    case'): a per-head word before token end, in the measure's clause."""
    for t in doc[i + 1 : end]:
        if t.text in CLAUSE_BREAKS or t.text in {",", "，"}:
            return False
        if t.lower_ in PER_HEAD_WORDS:
            return True
    return False


def _measure_of_a_count(doc: Doc, i: int, drafts: list) -> bool:
    """True when the measure at token i describes the items of a count before it in its clause ('54 cases
    involving more than 50 kilograms of heroin', '91 seizures of over 2 tonnes'): a word that joins a noun to
    its measure stands before it, past its bounds, and a count stands before that word."""
    k = i - 1
    while k >= 0 and (doc[k].is_space or doc[k].lower_ in MEASURE_BOUNDS):
        k -= 1
    if k < 1 or doc[k].lower_ not in MEASURE_LEADS:
        return False
    lo = clause_start(doc, k)
    return any(d.kind == "count" and lo <= d.tok < k for d in drafts)


OPEN_BRACKETS, CLOSE_BRACKETS = {"(", "（", "["}, {")", "）", "]"}


def _bracketed_before(doc: Doc, i: int, end: int) -> bool:
    """True when the token at i stands inside a bracket that closes before token end: '3,460 cases (including
    1,200 fraud cases and 800 theft cases), up 12.5%' -- the change after the bracket is no change of 800."""
    depth = 0
    for t in doc[i + 1 : end]:
        if t.text in OPEN_BRACKETS:
            depth += 1
        elif t.text in CLOSE_BRACKETS:
            if depth == 0:
                return True
            depth -= 1
    return False


def first_word(doc: Doc, sent: Span, end: int | None = None) -> int:
    """The token of the first word of `sent` (spaces and quotes passed), at most `end`."""
    stop = sent.end if end is None else end
    first = sent.start
    while first < stop and (doc[first].is_space or doc[first].text in QUOTES):
        first += 1
    return first
