"""What a count counts: its unit (singular head noun), the counted phrase, and the action that governs it."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from extractor.components.context import (
    CLAUSE_BREAKS,
    Draft,
    RuleIndex,
    doc_context,
    is_num,
    next_tok,
    prev_tok,
    sent_of,
    token_lowers,
    token_texts,
)
from extractor.lexicon import words
from extractor.patterns import PatternRow
from extractor.rules import by_label

# Words that end the counted noun phrase.
STOP = words("np_stop")
# prepositions that end the head of a subject before a linking verb ('Reports about officials numbered 9,800')
SUBJECT_PREPOSITIONS = words("subject_preposition")
# Participles that do not end in -ed: '3,902 given warnings' is a verb, not 'warnings' counted
IRREGULAR_PARTICIPLES = words("irregular_participles")
QUOTES = {'"', "“", "”", "'", "‘", "’", "«", "»"}
PASSIVE = words("passive")
PARTITIVE_DETERMINERS = words("partitive_determiners")
ACTION_PREFIXES = words("action_prefixes")
SUBJECT_BREAKS = {",", ".", "(", "，", "。", "!", "?"}  # with CLAUSE_BREAKS and numerals: where a subject ends
PERSON_ACTIONS = re.compile(
    r"prosecut|arrest|detain|sentenc|convict|punish|investigat|apprehend|captur|rescu|transferr|charg|indict|"
    r"repatriat|extradit|expel|fined|disciplin|sanction|interview|summon|surrender|brought"
)
CASE_ACTIONS = re.compile(r"^(filed|registered|solved|cracked|handled|accepted|concluded|closed|placed on file)")
MAX_NP = 7
DETERMINERS = words("determiners")
REFERRING_WORDS = words("referring_words")  # 'Of the total,' names no unit: the part counts what its whole does
SUBJECT_VERBS = words("subject_verbs")
AUXILIARY = words("auxiliary")
BOUND_WORDS = words("bound_words")  # 'rose to about 1,200': between the preposition and the count
LEVEL_PREPOSITIONS = words("level_prepositions")  # 'rose to 1,200', 'stood at', 'was cut from 540', 'by'
VERB_ADVERBS = words("verb_adverbs")  # 'slightly decreased to': between a subject and its verb
LINKING_VERBS = words("linking_verbs")


HYPHENS = ("-", "–", "‐")  # a hyphen, an en dash and U+2010 join the words of a compound modifier


def singular(word: str) -> str:
    """A plural English noun made singular by rule ('cases' -> 'case', 'tip-offs' -> 'tip-off')."""
    w = word.lower()
    if len(w) <= 3 or w.endswith(("ss", "us", "is", "ics")):
        return w
    if w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "sses", "zes", "buses")):
        return w[:-2]  # 'buses' -> 'bus' ('cases', 'uses' keep their e)
    if w.endswith("s"):
        return w[:-1]
    return w


class UnitFinder:
    """Reads the noun phrase after a count, with the unit table of patterns/units.jsonl for irregular forms."""

    def __init__(self, rows: list[PatternRow]):
        self.units: dict[str, dict] = {}
        for row in by_label(rows, "UNIT"):
            self.units[row.pattern.lower()] = dict(row.attrs)

    def unit_of(self, word: str) -> str:
        """The unit a noun stands for ('people' -> 'person', 'cases' -> 'case')."""
        entry = self.units.get(word.lower())
        if entry and entry.get("unit"):
            return entry["unit"]
        return singular(word)

    def is_core(self, unit: str | None) -> bool:
        """True for the units the genre counts most (case, person, suspect ...)."""
        if unit is None:
            return False
        for word, entry in self.units.items():
            if entry.get("core") and (entry.get("unit") or singular(word)) == unit:
                return True
        return False

    def counted_noun_at(self, doc: Doc, i: int) -> bool:
        """True when a known counted noun (possibly after modifiers) starts at token i: '2085 people'."""
        words = self._phrase(doc, i)[0]
        return bool(words) and words[-1].lower() in self.units

    def phrase_at(self, doc: Doc, i: int) -> tuple[list[str], int]:
        """The words of the noun phrase starting at token i, and the index one past its last token."""
        return self._phrase(doc, i)

    def _phrase(self, doc: Doc, i: int) -> tuple[list[str], int]:
        """The words of the noun phrase starting at token i, and the index one past its last token."""
        words: list[str] = []
        j = i
        last = i
        while j < len(doc) and len(words) < MAX_NP:
            tok = doc[j]
            if tok.is_space and "\n\n" not in tok.text:
                j += 1
                continue
            if tok.text in QUOTES:
                j += 1
                continue
            if tok.is_sent_start:
                break  # 'Persons not prosecuted: 1,024\nCivil protests filed: 186': the next line is not its noun
            if tok.text in HYPHENS and words and j + 1 < len(doc) and not tok.whitespace_ and doc[j + 1].is_alpha:
                words[-1] = words[-1] + "-" + doc[j + 1].text  # 'fraud–related': an en dash as a hyphen
                j += 2
                last = j
                continue
            low = tok.lower_
            if (
                low in STOP
                and tok.is_alpha
                and not tok.whitespace_
                and j + 2 < len(doc)
                and doc[j + 1].text == "-"
                and not doc[j + 1].whitespace_
                and doc[j + 2].is_alpha
                and _noun_after_compound(doc, j)
            ):
                words.append(tok.text)  # 'on-the-run suspects': a compound opening with a stop word modifies too
                j += 1
                last = j
                continue
            if (
                low.endswith("ly")
                and low in STOP
                and j + 2 < len(doc)
                and doc[j + 1].lower_.endswith("ed")
                and self._modifier(doc, j + 1)
            ):
                j += 1  # '4 newly introduced violations': an adverb of a participle before its noun ('3,200 newly
                continue  # filed' has no noun after it and ends here)
            if low in {"and", "or"} and words and self._coordinated_modifier(doc, words[-1], j):
                j += 1  # 'former provincial and ministerial level cadres': modifiers joined before their noun
                continue
            if low in {",", "and", "or"} and words and "-" in words[-1] and hyphen_compound_at(doc, j + 1):
                j += 1  # 'foreign-related, Macao-related and Taiwan-related cases': a list of compound modifiers
                continue
            if not tok.is_alpha or low in STOP or is_num(tok):
                break
            if words and low.endswith(("ed", "ing")) and low not in self.units:
                # 'organized crime cases' modifies; 'cases involved senior officials' is the verb
                if _plural_unit(words[-1], self.units) or not self._modifier(doc, j):
                    break
            words.append(tok.text)
            j += 1
            last = j
        # capitalised words before the head are names or classes ('Class A', 'Japanese'): skip them as modifiers
        return words, last

    def _coordinated_modifier(self, doc: Doc, word: str, j: int) -> bool:
        """True when `word`, before the 'and'/'or' at j, is a modifier joined to the next one ('provincial and
        ministerial level cadres', 'drug and firearm cases'): no plural before the conjunction, and a word after
        it that is no verb, figure or stop word, in a phrase that goes on to a plural noun."""
        if word.lower().endswith("s") or "-" in word:
            return False
        for k in range(j + 1, min(len(doc), j + 5)):
            low = doc[k].lower_
            if not doc[k].is_alpha or low in STOP or low.endswith("ed") or doc[k].is_sent_start:
                return False
            if low.endswith("s") and not low.endswith("ss"):
                return True
        return False

    def _modifier(self, doc: Doc, j: int) -> bool:
        """True when the participle at j modifies a noun after it ('organized crime cases')."""
        k = j + 1
        return k < len(doc) and doc[k].is_alpha and doc[k].lower_ not in STOP and not doc[k].lower_.endswith("ed")

    def _head(self, words: list[str]) -> str | None:
        """The counted noun of a phrase: the last known unit word, else the last word."""
        known = [w for w in words if w.lower() in self.units]
        last = words[-1] if words else ""
        # '1,200 police cars': a plural head outranks a known unit word used as a modifier ('police'), but not a
        # known plural ('1,582 cases matters': the verb after it)
        plural_known = bool(known) and known[-1].lower().endswith("s")
        plural_form = last.lower().endswith("s") and not last.lower().endswith("ss")
        if last and not plural_known and last[:1].islower() and plural_form:
            return last
        if known:
            return known[-1]
        heads = [w for w in words if not (w[:1].isupper() and w.lower() not in self.units)]
        return heads[-1] if heads else None

    def _fallback_unit(self, doc: Doc, i: int, start: int) -> str | None:
        """Units read from the words around a count with no noun after it."""
        low = doc[start].lower_ if start < len(doc) else ""
        # '307 for collecting illegal debts', '93,834 for provoking trouble': people charged for a crime (the
        # genre's 'N people for theft' with the noun left out)
        if low == "for" and start + 1 < len(doc) and doc[next_tok(doc, start + 1)].is_alpha:
            nums = doc_context(doc).nums or set()
            first_of_list = not any(k in nums for k in range(sent_of(doc, i).start, i))  # else the list's noun
            if first_of_list and doc[next_tok(doc, start + 1)].lower_ not in {"the", "a", "an", "every", "each"}:
                return "person"
        # 'Twenty-nine of the cases': a partitive names the unit
        if low == "of":
            k = next_tok(doc, start + 1)
            if k < len(doc) and doc[k].lower_ in {"the", "these", "those", "all"}:
                words, _ = self._phrase(doc, next_tok(doc, k + 1))
                head = self._head(words)
                if head and head.lower().endswith("ed") and head.lower() not in self.units:
                    return None  # '1,505 of the investigated': an act, not a noun; the whole gives the unit
                if head:
                    return self.unit_of(head)
        # 'of which 819,000 were tip-offs': a predicate noun
        verb = doc[next_tok(doc, start + 1)].lower_ if next_tok(doc, start + 1) < len(doc) else ""
        passive = verb.endswith("ed") or verb in IRREGULAR_PARTICIPLES  # '2,200 were issued notices': a verb
        if low in {"were", "are"} and not passive:
            words, _ = self._phrase(doc, next_tok(doc, start + 1))
            head = self._head(words)
            if head and (head.lower() in self.units or head.lower().endswith("s")):
                return self.unit_of(head)
        # 'Of the complaints received, 1,710 were ...', 'Among those punished, 524,000 ...'
        sent_start = sent_of(doc, i).start
        first = next_tok(doc, sent_start)
        if first + 1 < i and doc[first].lower_ in {"of", "among"} and doc[first + 1].lower_ in DETERMINERS:
            words, _ = self._phrase(doc, next_tok(doc, first + 2))
            head = self._head(words)
            if head and head.lower() in REFERRING_WORDS:
                return None
            if head and not head.lower().endswith(("ed", "ing")):
                return self.unit_of(head)
            if doc[first + 1].lower_ == "those" and head:
                return "person"  # 'Of those punished, 524,000 ...' ('Of those, 354 ...' counts what the whole does)
            if head:
                return None
        # 'Legal aid cases reached 58,300': the subject before a linking verb names the unit ('Registered
        # addicts rose to 615,000', 'stood at')
        # ('decreased to about 12.3 million', 'was cut from 540 to 122', 'slightly decreased to')
        k = prev_tok(doc, i - 1)
        while k > sent_start and doc[k].lower_ in BOUND_WORDS:
            k = prev_tok(doc, k - 1)
        if k > 1 and doc[k].lower_ in LEVEL_PREPOSITIONS and doc[prev_tok(doc, k - 1)].lower_ in SUBJECT_VERBS:
            k = prev_tok(doc, k - 1)
        if k > 0 and doc[k].lower_ in SUBJECT_VERBS:
            j = prev_tok(doc, k - 1)
            while j > sent_start and (doc[j].lower_ in AUXILIARY or doc[j].lower_ in VERB_ADVERBS):
                j = prev_tok(doc, j - 1)
            # 'Reports about village officials numbered 9,800': the head stands before the subject's preposition
            # ('The intake of enforcement cases decreased to ...': else the noun right before the verb)
            heads = [j]
            m = j
            while m > sent_start and doc[m - 1].is_alpha and doc[m - 1].lower_ not in {"and", "or"}:
                m -= 1
                if doc[m].lower_ in SUBJECT_PREPOSITIONS and m - 1 >= sent_start and doc[m - 1].is_alpha:
                    heads.insert(0, m - 1)
            for j in heads[:1] + heads[-1:]:
                if j >= sent_start and doc[j].is_alpha:
                    word = doc[j].lower_
                    if word in self.units or (word.endswith("s") and not word.endswith("ss") and word not in STOP):
                        return self.unit_of(doc[j].text)
        # tables written as prose: 'cases filed, 2,436; persons punished, 2,811'
        k = prev_tok(doc, i - 1)
        if k > 0 and doc[k].text in {",", "，", ":", "："}:
            label_words = []
            j = k - 1
            while j >= sent_start and doc[j].is_alpha and len(label_words) < 4:
                label_words.insert(0, doc[j])
                j -= 1
            if label_words and (j < sent_start or doc[j].text in CLAUSE_BREAKS or doc[j].text in {",", "，"}):
                # '..., two from Myanmar, one from Vietnam': the item before, with its number and its name, is no
                # label
                listed = any(is_num(t) for t in label_words)
                nouns = [
                    t.lower_
                    for t in label_words
                    if not listed
                    and not t.lower_.endswith(("ed", "ing"))
                    and t.lower_ not in STOP
                    and not (t.is_title and t.i > sent_start)
                ]
                if nouns:
                    return self.unit_of(nouns[-1])
        # 'the number of registered drug addicts ... was 2.14 million'
        for k in range(i - 1, max(sent_start, i - 30) - 1, -1):
            if doc[k].lower_ == "of" and k > 0 and doc[k - 1].lower_ in {"number", "total"}:
                j = next_tok(doc, k + 1)
                while j < len(doc) and doc[j].lower_ in {"such", "these", "those", "the", "all"}:
                    j = next_tok(doc, j + 1)
                words, _ = self._phrase(doc, j)
                # 'the number of convicted rose 30.7 percent': the change verb ends the phrase
                rules = RuleIndex.of(doc)
                for n in range(len(words)):
                    if rules.starting_at(j + n, "CHANGE") is not None:
                        words = words[:n]
                        break
                head = self._head(words)
                return self.unit_of(head) if head else None
            if doc[k].text in CLAUSE_BREAKS:
                break
        return None

    def describe(self, doc: Doc, d: Draft, rules: RuleIndex) -> None:
        """Set unit, subject and action on count draft d."""
        i = d.tok
        start = next_tok(doc, i + 1)
        hyphen = start < len(doc) and doc[start].text == "-" and not doc[i].whitespace_ and not doc[start].whitespace_
        if hyphen:
            start += 1  # 'four-level organs', '30-member gang': the word after the hyphen is the unit
        elif start < len(doc) and doc[start].lower_ == "such":
            start = next_tok(doc, start + 1)  # 'about 80 such cases': the noun after 'such' is the unit
        words, _end = self._phrase(doc, start)
        while words and words[-1][:1].isupper() and len(words) > 1 and words[-1].lower() not in self.units:
            words.pop()
        # 'punished and ...', 'cracked': a participle standing alone is a verb, not the counted noun
        while words and words[-1].lower().endswith(("ed", "ing")) and words[-1].lower() not in self.units:
            words.pop()
        # '3,902 given warnings', '214 caught': a leading irregular participle is the verb
        if words and words[0].lower() in IRREGULAR_PARTICIPLES and not hyphen:
            words = []
        head = words[0] if hyphen and words else self._head(words)
        # '1,902 involved fake products', '524,000 received penalties': a leading verb, not a modifier
        if words and words[0].lower() in LINKING_VERBS and not hyphen:
            head = None
        # '51 involved online gambling': a leading participle with no countable noun after it is the verb
        if head and words[0].lower().endswith("ed") and not hyphen:
            if head.lower() not in self.units and not head.lower().endswith("s"):
                head = None
        unit = self.unit_of(head) if head else self._fallback_unit(doc, i, start)
        if unit:
            d.set(unit=unit)
            if head:
                d.fields["_unit_noun"] = True  # the noun after the count names it, not the words around it
        subj_end = self._subject_end(doc, start)
        if subj_end > start:
            subject = doc[start:subj_end].text.strip(" ,;\"“”'‘’")
            if subject:
                d.set(subject=re.sub(r"\s+", " ", subject))
        action = self._action(doc, i, subj_end, rules)
        if action:
            d.set(action=action)

    @staticmethod
    def _subject_end(doc: Doc, start: int) -> int:
        texts, lowers = token_texts(doc), token_lowers(doc)
        nums = doc_context(doc).nums
        j = start
        limit = min(len(doc), start + 14)
        while j < limit:
            text, lower = texts[j], lowers[j]
            if text in CLAUSE_BREAKS or text in SUBJECT_BREAKS or (j in nums if nums is not None else is_num(doc[j])):
                break
            if lower in PASSIVE or (lower == "and" and j + 1 < len(doc) and _starts_clause(doc[j + 1])):
                break
            if "\n\n" in text or (j > start and doc[j].is_sent_start):
                break
            j += 1
        while j > start and (lowers[j - 1] in STOP or lowers[j - 1] == "-"):
            j -= 1
        return j

    @staticmethod
    def _action(doc: Doc, i: int, subj_end: int, rules: RuleIndex) -> str | None:
        """The verb governing the count: after it when the clause is passive ('were not arrested'), else the
        nearest before it in the same clause."""
        sent = sent_of(doc, i)
        after_limit = min(sent.end, subj_end + 5)
        # '..., and 30,100 were adopted': a passive after the next figure is that figure's
        nums = doc_context(doc).nums
        nxt = next(
            (j for j in range(subj_end, after_limit) if (j in nums if nums is not None else is_num(doc[j]))), None
        )
        if nxt is not None:
            after_limit = nxt
        # '412,000 suspects; arrest was refused for 81,200': a passive past a clause break is another clause's
        after_limit = next((j for j in range(subj_end, after_limit) if doc[j].text in CLAUSE_BREAKS), after_limit)
        lo = i + 1
        inserted = _insertion_end(doc, subj_end, sent.end)
        if inserted is not None:
            # 'A total of 418,000 officials, including 29 at the provincial level, were punished': the verb
            # after a list set off by commas is the subject's
            lo, after_limit = inserted, min(sent.end, inserted + 5)
        after = [s for s in rules.within(lo, after_limit, "ACTION")]
        passive = any(lower in PASSIVE for lower in token_lowers(doc)[lo:after_limit])
        if after and passive:
            return _action_text(doc, after[0])
        if _partitive_whole(doc, i, nums):
            # 'solved 8,214 of the 9,730 cases filed': the verb before is the part's; the whole has only the
            # participle after it, if any
            return _action_text(doc, after[0]) if after else None
        before = [s for s in rules.within(max(sent.start, i - 12), i, "ACTION")]
        # a clause break ends the verb's reach, but for the colon of a table line: 'Persons prosecuted: 11,430'
        label_colon = prev_tok(doc, i - 1)
        before = [
            s
            for s in before
            if not any(t.text in CLAUSE_BREAKS and t.i != label_colon for t in doc[s.end : i])
        ]
        if before:
            # the nearest verb, and of verbs ending there the longest ('decided not to approve the arrest of')
            end = max(s.end for s in before)
            return _action_text(doc, max((s for s in before if s.end == end), key=len))
        if after and not _opens_next_predicate(doc, after[0], nxt):
            return _action_text(doc, after[0])
        return None

    def default_unit(self, action: str | None) -> str | None:
        """'Prosecuted 405,000 for ...': a count with no noun after a verb about people counts persons."""
        if action and PERSON_ACTIONS.search(action):
            return "person"
        return None


INSERTION_CUES = words("insertion_cues")
# what opens another figure's predicate before its verb ('... 3,180 people and fined 1,270')
PREDICATE_OPENERS = words("predicate_openers")


def _insertion_end(doc: Doc, at: int, end: int) -> int | None:
    """Where a comma-bounded insertion opened by a partitive cue at `at` (', including 29 at the provincial
    level,') ends: the token after its closing comma, when a passive verb follows; else None."""
    if at >= end or doc[at].text != "," or next_tok(doc, at + 1) >= end:
        return None
    if doc[next_tok(doc, at + 1)].lower_ not in INSERTION_CUES:
        return None
    close = next((t.i for t in doc[at + 2 : min(end, at + 16)] if t.text in {",", ";", "，"}), None)
    if close is None or doc[close].text != ",":
        return None
    after = next_tok(doc, close + 1)
    return after if after < end and doc[after].lower_ in PASSIVE else None


def _noun_after_compound(doc: Doc, j: int) -> bool:
    """True when the hyphenated compound starting at token j ('on-the-run') has a word after it that is no stop
    word: the noun it modifies ('on-the-run suspects'; not '300 out-of-court')."""
    k = j
    while k + 2 < len(doc) and doc[k + 1].text == "-" and not doc[k].whitespace_ and not doc[k + 1].whitespace_:
        k += 2
    nxt = k + 1
    return nxt < len(doc) and doc[nxt].is_alpha and doc[nxt].lower_ not in STOP


def hyphen_compound_at(doc: Doc, k: int) -> bool:
    """True when a hyphenated compound ('Macao-related') starts at token k (after 'and' too)."""
    if k < len(doc) and doc[k].lower_ in {"and", "or"}:
        k += 1
    return k + 2 < len(doc) and doc[k].is_alpha and doc[k + 1].text == "-" and not doc[k].whitespace_


def _plural_unit(word: str, units) -> bool:
    """A known unit word that is a noun, not a modifier: 'cases' before 'involving', not 'criminal' before
    'smuggling cases'."""
    low = word.lower()
    return low in units and (low.endswith("s") or units[low].get("unit", low) != low)


def _starts_clause(tok) -> bool:
    """'... cases and 1,285 persons', '... gangs and arrested 603': what follows 'and' starts a new item."""
    return is_num(tok) or tok.lower_.endswith("ed") or tok.lower_ in PASSIVE


def _partitive_whole(doc: Doc, i: int, nums) -> bool:
    """'8,214 of the 9,730', '12 out of 40': the count at i is the whole a figure right before it is part of."""
    j = prev_tok(doc, i - 1)
    if j >= 0 and doc[j].lower_ in PARTITIVE_DETERMINERS:
        j = prev_tok(doc, j - 1)
    if j < 0 or doc[j].lower_ != "of":
        return False
    k = prev_tok(doc, j - 1)
    if k >= 0 and doc[k].lower_ == "out":
        k = prev_tok(doc, k - 1)
    return k >= 0 and (k in nums if nums is not None else is_num(doc[k]))


def _opens_next_predicate(doc: Doc, span, nxt: int | None) -> bool:
    """'... 3,180 people and fined 1,270': a verb after 'and', 'while' or a comma, right before the next figure,
    opens that figure's predicate; '237,242 cases filed and 225,678 ...' is the count's own participle."""
    before = prev_tok(doc, span.start - 1)
    return nxt is not None and nxt - span.end <= 2 and before >= 0 and doc[before].lower_ in PREDICATE_OPENERS


def _action_text(doc: Doc, span) -> str:
    """The action as written, with a negation right before it ('not arrested')."""
    text = span.text.lower()
    j = span.start - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    if j >= 0 and doc[j].lower_ in ACTION_PREFIXES and not text.startswith(doc[j].lower_):
        text = ("not" if doc[j].lower_ == "never" else doc[j].lower_) + " " + text
    return re.sub(r"\s+", " ", text)
