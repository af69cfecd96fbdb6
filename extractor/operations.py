"""Named operations: quoted and capitalised campaign names, number-dot case codes, task forces, aliases.

Pure Python over the raw text (no spaCy); the rule data lives in `patterns/operations.jsonl`:

- OPERATION_HEAD (phrase): head nouns that end a name ('Action', 'Net', 'Hunt'); attrs `key` (the head's
  normalised form for alias matching: Action/Operation/Campaign/Crackdown share 'action'), `unquoted` (may end
  a capitalised name outside quotes), `needs_year` (only a head when a year follows: 'Gate 2017') and
  `leading` (the head comes first: 'Operation Thunder'), `lower` (also ends a lower-case name that a determiner
  opens and a cue closes, as machine translation leaves them: 'the clean net campaign', 'the iron wall
  operation'; after a lower-case 'operation' no cue is needed: 'operation hurricane No. 2') and `alone` (a name by
  itself when a year, a series number or a cue follows: 'Hurricane 2018', 'the thunder 2024 special action').
- OPERATION_CUE (phrase): lower-case words after a name that make it one ('campaign', 'series of cases');
  attrs `after`: which candidates the cue serves: 'quoted' (a quoted phrase), 'code' (a dot code), 'run' (an
  unquoted capitalised run without a head noun, which must follow directly). A regex row with attrs
  `before: true` is matched at the end of the text before a name instead ('an operation code-named').
- OPERATION_ALIAS (regex): the text between a name and its quoted alias ('(hereinafter referred to as the').
- OPERATION_CODE (regex with a `code` group): number codes; attrs `always` (false: needs quotes or a cue) and
  `task_force` (the span is the whole '728 Task Force') and `context` (needs a determiner, a capitalised word,
  a quote or a line start before it) and `quoted_only` (only a whole quoted phrase: "the '8. 15' case").
- OPERATION_NAME (phrase, case-sensitive): well-known names without a head noun; attrs `needs`: null, or
  'year_or_cue' ('Kunlun 2022', 'the Kunlun operation').
- OPERATION_NOT: vetoes; attrs `scope`: 'phrase' (the whole name, any case), 'name' (regex searched in the
  name), 'before' / 'after' (regex at the end of the text before the name / at the start of the text after
  it, quotes excluded), 'run' (regex searched in an unquoted capitalised run before a lower-case cue:
  agencies, places; a word it matches also cuts the start of an unquoted name), 'run_name' (regex searched in
  an unquoted name: generic 'Special Action'), 'run_next' (the capitalised word after an unquoted head:
  'Action Plan'), 'cue_after' (regex matched after a name that only a cue makes one: 'the "X" action plan'),
  'lower' (regex searched, any case, in a lower-case name: 'the special net action', 'the safety net campaign'),
  'lower_cue' (regex matched right after a lower-case name: its cue may not be 'project').

A series number after a name belongs to it ('Sky Net No. 3', 'operation hurricane No. 2'). A lower-case quoted
name is kept when a cue follows its closing quote and a determiner opens it ('the "broken card" operation'), or
when it is another mention of a strong name. `name` is the surface without line breaks and stray quotes, a
lower-case name title-cased ('the clean net campaign' -> 'Clean Net'); codes keep their surface.

Alias links: a quoted name right after another, joined by an OPERATION_ALIAS gap, is an alias of it. Any
other mention links to the first earlier mention with the same name (any case), the same code digits, or (for
names, not codes) the same years and a similar key: lower case, hyphens to spaces, number words to digits,
'days' to 'day', possessives and 'of'/'the'/'for' dropped, head nouns replaced by their `key`; similar means
equal token sets, equal sets once the 'action' head is dropped, or Jaccard >= FUZZY_THRESHOLD. Different
years, or a year on one side only, never link ('Fox Hunt' / 'Fox Hunt 2021'), except exact repeats.
"""

from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from extractor.gates import holds, requires_of, words_of
from extractor.lexicon import number_words, scale_words, words
from extractor.patterns import PatternRow, load_pattern_file, patterns_dir, rows_with_label
from extractor.spans import DisjointSpans

# A longer quoted phrase is a quotation, not a name; one followed by '(hereinafter ...)' may be longer.
MAX_WORDS = 12
MAX_WORDS_ALIASED = 25
MAX_QUOTE_CHARS = 300
# Lower-case words allowed between a quoted name or code and its cue: the '9.06' telecom network fraud case.
CUE_GAP_WORDS = 3
# Token-set Jaccard similarity above which two names (with the same years) are one operation.
FUZZY_THRESHOLD = 0.75
LOOKAROUND_CHARS = 80

DOUBLE = '"“”„‟'
SINGLE = "'‘’‚‛"
QUOTE_CHAR_RES = {DOUBLE: re.compile(f"[{DOUBLE}]"), SINGLE: re.compile(f"[{SINGLE}]")}
BLANK_LINE_RE = re.compile(r"\n\s*\n")
WORD_GAP_RE = re.compile(r"[ \t]+")
OPEN_AFTER = "([{<—–-/:;,.…"
PRIORITY = {"quoted": 0, "code": 1, "name": 2, "run": 2, "repeat": 3}

YEAR_RE = re.compile(r"(?:19|20)\d\d")
WORD_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-]*")
SENTENCE_RE = re.compile(r"[.!?;](?!\d)|,\s|\s[-–—]\s")
# 'Sky Net No. 3', 'hurricane No.2', 'Thunder No. 1': a series number closing a name
SERIES_RE = re.compile(r"[\"”’']?[ \t]+(?:No\.|NO\.|no\.)[ \t]?\d{1,2}(?![\d.,]\d|\w)")
# what may open a lower-case name: a determiner or a possessive ('the', "this year's", "the province's")
LOWER_OPENER_RE = re.compile(r"(?:\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir|[Oo]ur)|['’]s)[ \t]+$")
SERIES_WORDS = frozenset({"No.", "NO."})
TITLE_SMALL = words("title_small")
_ARTICLE_BEFORE_RE = re.compile(r"\b(?:[Aa]n?|[Aa]ny|[Ee]very|[Ee]ach)[ \t]+$")
_STRAY_QUOTE_RE = re.compile(r"(?<=\w)[\"“”‘’]+(?=\s)|(?<=\s)[\"“”‘’]+(?=\w)")
_YEAR_AFTER_RE = re.compile(r"[ \t]+(?:19|20)\d\d(?![\d.,]\d|\w)")
_BARE_SERIES_RE = re.compile(r"[ \t]+\d{1,2}(?=[ \t]+[a-z])")
_CAPITAL_BEFORE_RE = re.compile(r"[A-Z][\w'’\-]*[ \t]+$")
_MODIFIER_BEFORE_RE = re.compile(r"(?<![\w'’])([a-z][a-z\-]*)[ \t]+$")
_LEADING_OPERATION_RE = re.compile(r"\boperation[ \t]+$")
# lower-case modifiers allowed before a lower-case head: 'clean' net, 'broken' card, 'iron' wall
MAX_LOWER_MODIFIERS = 2
CODE_CONTEXT_RE = re.compile(r"(?:\b(?:the|this|its|their|a)|[A-Z][\w'’\-]*|[\"“‘'(])\s*$")


# The word lists of operation names are patterns/lexicon.jsonl's (see each list's first row).
CONNECTORS = words("operation_connectors")
# Words dropped from the start of a capitalised run ('During', 'The'); at a sentence start, any -ly word too.
LEADING_STOP = words("operation_leading_stop")
# Words that cannot sit between a quoted name or a code and its cue ("'XXX' is a typical case").
GAP_STOP = words("operation_gap_stop")
DESCRIPTION_SUFFIXES = tuple(sorted(words("description_suffixes")))
# 'Sky Net Two' is 'Sky Net 2' when names are compared: number words and the scale words up to a thousand
NUMBER_WORDS = {w: str(n) for w, n in number_words().items()} | {
    w: str(n) for w, n in scale_words().items() if n <= 1000
}
KEY_STOP = words("operation_key_stop")


# The cues before a name that one text can match, (rule id, regex), chosen per text by `find` and handed down.
BeforeCues = list[tuple[str, re.Pattern]]


@dataclass(frozen=True)
class OperationMatch:
    """One mention of a named operation; `text` is `document[start:end]` (quotes excluded)."""

    start: int
    end: int
    text: str
    name: str
    code: bool
    implied_date: str | None
    canonical: int | None
    pattern_id: str


@dataclass
class _Cand:
    start: int
    end: int
    kind: str
    pattern_id: str
    code: bool = False
    implied_date: str | None = None
    weak: bool = False
    alias_of: int | None = field(default=None, compare=False)  # index in the quoted list, for hereinafter


@dataclass
class _Quote:
    open: int
    close: int
    cand: _Cand | None = None
    vetoed: bool = False


LIST_JOIN_RE = re.compile(r"\s*(?:,|，|、)?\s*(?:and\s+|or\s+)?")  # between two quoted names of one list


def _quote_body(text: str, q: _Quote) -> tuple[int, int]:
    """The span inside a quote, American punctuation before the closing mark left out."""
    s, e = q.open + 1, q.close
    while e > s and text[e - 1] in ",.;:!?":
        e -= 1
    return s, e


def _collapse(s: str) -> str:
    return " ".join(s.split())


def implied_date(code: str, task_force: bool = False) -> str | None:
    """The date a code names: '5·13' -> 'XXXX-05-13', '1992.12.18' -> '1992-12-18', '728' -> 'XXXX-07-28'.

    A task-force number is read as MDD or MMDD; parts that are not a valid month and day give None.
    """
    parts = re.findall(r"\d+", code)
    year = None
    if task_force and len(parts) == 1 and len(parts[0]) in (3, 4):
        s = parts[0]
        parts = [s[:-2], s[-2:]]
    if len(parts) == 3 and len(parts[0]) == 4:
        year, parts = int(parts[0]), parts[1:]
    elif len(parts) != 2 or len(parts[0]) > 2:
        return None
    month, day = int(parts[0]), int(parts[1])
    if not 1 <= month <= 12:
        return None
    if not 1 <= day <= calendar.monthrange(year or 2000, month)[1]:
        return None
    return f"{year if year else 'XXXX'}-{month:02d}-{day:02d}"


class OperationFinder:
    """Finds named operations in raw text with the OPERATION_* rows of the rule files."""

    def __init__(self, rows: list[PatternRow]):
        heads = rows_with_label(rows, "OPERATION_HEAD")
        self.heads: dict[str, dict] = {r.pattern.lower(): {**r.attrs, "_id": r.id} for r in heads}
        self.unquoted_heads = {k: v for k, v in self.heads.items() if v.get("unquoted") and " " not in k}
        self.leading_heads = {r.pattern: r.id for r in heads if r.attrs.get("leading")}
        # lower-case heads ('the clean net campaign'); each searched for as itself and capitalised ('Hurricane No. 1')
        self.lower_heads = {k: v for k, v in self.heads.items() if v.get("lower") and " " not in k}
        self.cue_res: dict[str, re.Pattern] = {}
        self.cue_ids: dict[str, str] = {}
        cues = rows_with_label(rows, "OPERATION_CUE")
        for kind in ("quoted", "code", "run"):
            kind_rows = [r for r in cues if not r.regex and kind in r.attrs.get("after", [])]
            self.cue_ids.update({_collapse(r.pattern.lower()): r.id for r in kind_rows})
            phrases = sorted((r.pattern for r in kind_rows), key=len, reverse=True)
            if not phrases:
                continue
            alt = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
            gap = "" if kind == "run" else rf"(?P<gap>(?:[a-z][a-z\-]*\s+){{0,{CUE_GAP_WORDS}}}?)"
            self.cue_res[kind] = re.compile(rf"^[\"”’'‘“]?\s*{gap}(?P<cue>(?i:{alt}))\b")
        # (id, regex, requires): `requires` (see extractor.gates) lets a text without those words skip the rule
        self.before_cues = [
            (r.id, re.compile(r.pattern), requires_of(r.attrs))
            for r in cues
            if r.regex and r.attrs.get("before")
        ]
        self.alias_res = [
            (r.id, re.compile(r.pattern)) for r in rows_with_label(rows, "OPERATION_ALIAS") if r.regex
        ]
        self.codes = [
            (r.id, re.compile(r.pattern), dict(r.attrs))
            for r in rows_with_label(rows, "OPERATION_CODE")
            if r.regex
        ]
        self.names = [
            # the name first, the check of the character before it after: a pattern opening with a lookbehind is
            # tried at every character of the text, one opening with a literal is searched for (50x faster)
            (r.id, re.compile(rf"{(name := re.escape(r.pattern))}(?<![\w'’]{name})(?![\w'’])"), r.attrs.get("needs"))
            for r in rows_with_label(rows, "OPERATION_NAME")
            if not r.regex
        ]
        nots = rows_with_label(rows, "OPERATION_NOT")
        self.not_phrases = {_norm_phrase(r.pattern) for r in nots if r.attrs.get("scope") == "phrase"}
        self.not_res: dict[str, list[re.Pattern]] = {}
        for r in nots:
            scope = r.attrs.get("scope", "name")
            if r.regex:
                self.not_res.setdefault(scope, []).append(re.compile(r.pattern))

    # ---------------------------------------------------------------- public

    def find(self, text: str) -> list[OperationMatch]:
        """Every mention of a named operation, non-overlapping and sorted by start."""
        titles = _title_lines(text)
        # a cue before a name is tried before every capitalised run: only the rules this text can match
        words = words_of(text)
        cues = [(rid, rx) for rid, rx, requires in self.before_cues if requires is None or holds(requires, words)]
        quotes = self._quotes(text, cues)
        cands: list[_Cand] = []
        for q in quotes:
            if q.cand is not None:
                cands.append(q.cand)
        cands += self._codes(text)
        cands += self._gazetteer(text)
        cands += self._runs(text, titles, cues)
        cands += self._lower_names(text)
        vetoed = [(q.open, q.close) for q in quotes if q.vetoed]
        cands = [c for c in cands if not any(a < c.start and c.end <= b for a, b in vetoed)]
        chosen = _select(cands)
        chosen += self._repeats(text, chosen)
        chosen = _select(chosen)
        _add_series(text, chosen)
        return self._link(text, chosen, quotes)

    # ---------------------------------------------------------------- quoted phrases

    def _quotes(self, text: str, cues: BeforeCues) -> list[_Quote]:
        pairs: list[tuple[int, int]] = []
        for family in (DOUBLE, SINGLE):
            stack: list[int] = []
            for quote in QUOTE_CHAR_RES[family].finditer(text):
                i = quote.start()
                if stack and _can_close(text, i, family is SINGLE):
                    o = stack.pop()
                    if i - o - 1 <= MAX_QUOTE_CHARS and not BLANK_LINE_RE.search(text, o, i):
                        pairs.append((o, i))
                    else:
                        stack.clear()
                    continue
                if _can_open(text, i):
                    stack.append(i)
        pairs.sort()
        quotes = [_Quote(o, c) for o, c in pairs]
        for q in quotes:
            self._judge_quote(text, q, cues)
        self._coordinated_quotes(text, quotes)
        self._hereinafter(text, quotes)
        return quotes

    def _coordinated_quotes(self, text: str, quotes: list[_Quote]) -> None:
        """'special actions such as the "Thousand Towns Campaign", "Safe Harbors" and "Clear Routes"', 'the "Safe
        Harbor" and "Clean Sea" campaigns': capitalised quoted names joined by commas or 'and' to a quoted name
        found as an operation are operations of the same list."""
        runs: list[list[_Quote]] = []
        for q in quotes:
            gap = text[runs[-1][-1].close + 1 : q.open] if runs and q.open > runs[-1][-1].close + 1 else None
            if gap is not None and gap.strip() and LIST_JOIN_RE.fullmatch(gap):
                runs[-1].append(q)
            else:
                runs.append([q])
        for run in runs:
            found = [q.cand for q in run if q.cand is not None and not q.cand.weak and not q.cand.code]
            if not found:
                continue
            for q in run:
                s, e = _quote_body(text, q)
                body = text[s:e]
                if q.cand is None and not q.vetoed and body[:1].isupper() and len(body.split()) <= MAX_WORDS:
                    q.cand = _Cand(s, e, "quoted", found[0].pattern_id)

    def _judge_quote(self, text: str, q: _Quote, cues: BeforeCues) -> None:
        s, e = _quote_body(text, q)
        body = text[s:e]
        if not body:
            return
        for pid, rx, attrs in self.codes:
            m = rx.fullmatch(body)
            if m:
                date = implied_date(m.group("code"), bool(attrs.get("task_force")))
                q.cand = _Cand(s, e, "quoted", pid, code=True, implied_date=date)
                return
        if self._vetoed(text, s, e, q.open, q.close + 1):
            q.vetoed = True
            return
        words = body.split()
        if len(words) > MAX_WORDS_ALIASED or SENTENCE_RE.search(body):
            return
        head = self._head_id(words)
        before = text[max(0, q.open - LOOKAROUND_CHARS) : q.open]
        cue = self._cue(text, q.close + 1, "quoted") or _before_cue(before, cues)
        strong = body[0].isupper() or body[0].isdigit()
        # 'the "broken card" operation': a lower-case name is one when a cue closes it and a determiner opens it
        named = series = False
        if not strong:
            named = cue is not None and self._cue(text, q.close + 1, "quoted", gap=False) is not None
            # opened by a determiner, or (articles dropped by the translation) holding a head word or a number;
            # 'a' makes it a description: 'a "zero-tolerance" campaign'
            # one word needs a head or a number too: 'the "clean" action', 'the "anti-fraud" campaign' describe
            name_like = any(w.lower() in self.lower_heads for w in words) or any(ch.isdigit() for ch in body)
            named = named and (
                (LOWER_OPENER_RE.search(before) is not None and (len(words) > 1 or name_like))
                or (name_like and not _ARTICLE_BEFORE_RE.search(before))
            )
            # '"hurricane" No. 2': a series number after the closing quote makes it a name too
            alone = self.lower_heads.get(body.lower(), {}).get("alone")
            series = bool(head or alone) and SERIES_RE.match(text, q.close) is not None
            if series:
                cue = cue or head or self.lower_heads[body.lower()]["_id"]
            # '"spring green action"', '"clear wind action"': a lower-case name of three words or more whose own
            # last word is a cue (the translation quotes name and head together)
            inner = None
            name = words[:-1]  # two plain words, no function word, no cue of its own ('a tough crackdown' describes)
            plain = len(name) == 2 and all(
                w.isalpha() and w.lower() not in GAP_STOP and not w.lower().endswith(DESCRIPTION_SUFFIXES) for w in name
            )
            if plain and not any(self._cue(w + " ", 0, "quoted", gap=False) for w in name):
                inner = self._cue(body, len(body) - len(words[-1]) - 1, "quoted", gap=False)
            if inner is not None and not self._lower_vetoed(" ".join(name)):
                cue, named = inner, True
            named = (named or series) and not self._lower_vetoed(body)
        rule = head or (cue if strong or named else None)
        if len(words) > MAX_WORDS or rule is None:
            return
        q.cand = _Cand(s, e, "quoted", rule, weak=not (strong or named))

    def _hereinafter(self, text: str, quotes: list[_Quote]) -> None:
        opens = [q.open for q in quotes]  # strictly increasing: one quote per character
        for i, a in enumerate(quotes):
            # the first quote after a, those nested in it skipped, by bisection (any walk of the quotes after
            # a, even an islice of the list, made a text of quotes quadratic)
            j = bisect.bisect_right(opens, a.close)
            b = quotes[j] if j < len(quotes) else None
            if b is None or a.vetoed or b.vetoed:
                continue
            gap = text[a.close + 1 : b.open]
            rule = next((rid for rid, rx in self.alias_res if rx.match(gap)), None)
            if rule is None:
                continue
            if (
                a.cand is None
                and b.cand is None
                and not self._head_id(text[b.open + 1 : b.close].split(), True)
            ):
                continue
            body_a, body_b = text[a.open + 1 : a.close], text[b.open + 1 : b.close]
            if a.cand is None:
                if len(body_a.split()) > MAX_WORDS_ALIASED or SENTENCE_RE.search(body_a):
                    continue
                a.cand = _Cand(a.open + 1, a.close, "quoted", rule)
            if b.cand is None:
                if not body_b.strip() or SENTENCE_RE.search(body_b) or len(body_b.split()) > MAX_WORDS:
                    a.cand = None if a.cand.pattern_id == rule else a.cand
                    continue
                b.cand = _Cand(b.open + 1, b.close, "quoted", rule)
            a.cand.weak = b.cand.weak = False
            b.cand.alias_of = i
            if body_b.lower().startswith("the ") and b.cand.end - b.cand.start > 4:
                b.cand.start += 4

    # ---------------------------------------------------------------- codes, gazetteer

    def _codes(self, text: str) -> list[_Cand]:
        out = []
        for pid, rx, attrs in self.codes:
            for m in rx.finditer(text):
                s, e = m.span()
                code = m.group("code")
                if attrs.get("quoted_only"):
                    continue  # read in `_judge_quote` alone: "the '8. 15' case"
                if attrs.get("context") and not _code_context(text, s):
                    continue
                if not attrs.get("always"):
                    quoted = (
                        s > 0
                        and e < len(text)
                        and text[s - 1] in DOUBLE + SINGLE
                        and text[e] in DOUBLE + SINGLE
                    )
                    if not quoted and not (self._cue(text, e, "code") and _code_context(text, s)):
                        continue
                task_force = bool(attrs.get("task_force"))
                out.append(_Cand(s, e, "code", pid, code=True, implied_date=implied_date(code, task_force)))
        return out

    def _gazetteer(self, text: str) -> list[_Cand]:
        out = []
        for pid, rx, needs in self.names:
            for m in rx.finditer(text):
                s, e = m.span()
                year = re.match(r"\s+((?:19|20)\d\d)(?!\w)", text[e:])
                if year:
                    e += year.end()
                elif needs == "year_or_cue" and not self._cue(text, e, "run"):
                    continue
                if not self._vetoed(text, s, e):
                    out.append(_Cand(s, e, "name", pid))
        return out

    # ---------------------------------------------------------------- capitalised runs

    def _runs(self, text: str, titles: list[tuple[int, int]], cues: BeforeCues) -> list[_Cand]:
        out: list[_Cand] = []
        for run in _runs(text):
            before = text[max(0, run[0].start() - LOOKAROUND_CHARS) : run[0].start()]
            rule = _before_cue(before, cues)
            if rule:
                words = [m.group() for m in run]
                stop = next((k for k in range(1, len(run)) if self._org(words[k])), len(run))
                while stop > 1 and words[stop - 1].lower() in CONNECTORS:
                    stop -= 1
                s, e = run[0].start(), run[stop - 1].end()
                if not self._vetoed(text, s, e):
                    out.append(_Cand(s, e, "run", rule))
                continue
            if len(run) < 2 or any(a <= run[0].start() < b for a, b in titles):
                continue  # one word is no name without a cue before it
            out += self._names_in_run(text, run)
        return out

    def _names_in_run(self, text: str, run: list[re.Match]) -> list[_Cand]:
        """The names in one capitalised run, right to left: 'Operation X', '... Head [year]', '... <cue>'."""
        out: list[_Cand] = []
        words = [m.group() for m in run]
        end = len(run)
        k = run[0].start()
        while k > 0 and text[k - 1] in " \t":  # the character before the run's spaces (no copy of the text before)
            k -= 1
        at_start = k == 0 or text[k - 1] in '.!?:;"“”\n'
        while end > 0:
            lo = 1 if at_start and end > 1 and words[0].endswith("ly") else 0
            lo = _trim_leading(words, lo, end)
            found = self._operation_first(words, lo, end) or self._head_last(words, lo, end)
            cue = self._run_with_cue(text, words, lo, end, run) if found is None and lo < end else None
            if cue:
                found = (lo, end, cue)
            if found is None:
                break
            i, j, pid = found
            s, e = run[i].start(), run[j - 1].end()
            generic = any(rx.search(_collapse(text[s:e])) for rx in self.not_res.get("run_name", []))
            if not generic and not self._vetoed(text, s, e):
                out.append(_Cand(s, e, "run", pid))
            end = i
        return out

    def _operation_first(self, words: list[str], lo: int, end: int) -> tuple[int, int, str] | None:
        """'Operation Thunder', 'Operation Fox Hunt 2015': the rightmost 'Operation' followed by a name."""
        for i in range(end - 2, lo - 1, -1):
            rule = self.leading_heads.get(words[i])
            if rule is None:
                continue
            stop = next((k for k in range(i + 1, end) if words[k] == "and" or self._org(words[k])), end)
            while stop > i + 1 and words[stop - 1].lower() in CONNECTORS:
                stop -= 1
            if stop > i + 1 and any(w[0].isupper() for w in words[i + 1 : stop]):
                return i, stop, rule
        return None

    def _head_last(self, words: list[str], lo: int, end: int) -> tuple[int, int, str] | None:
        """The rightmost unquoted head with a modifier before it, plus a year after it; a head that may stand
        alone (attrs `alone`) needs no modifier before a year: 'Hurricane 2018'."""
        for h in range(end - 1, lo - 1, -1):
            attrs = self.unquoted_heads.get(_strip_possessive(words[h]).lower())
            if attrs is None or not words[h][0].isupper():
                continue
            has_year = h + 1 < end and YEAR_RE.fullmatch(words[h + 1]) is not None
            if h == lo:
                return (h, h + 2, attrs["_id"]) if has_year and attrs.get("alone") else None
            if attrs.get("needs_year") and not has_year:
                continue
            nxt = words[h + 1] if h + 1 < end else ""
            if nxt and any(rx.search(nxt) for rx in self.not_res.get("run_next", [])):
                continue
            first = lo
            for k in range(lo, h):
                if self._org(words[k]) or (
                    words[k] != _strip_possessive(words[k]) and self._org(words[k], True)
                ):
                    first = k + 1
            # 'Sky Net and Fox Hunt' is two names; 'Crackdown and Rectification Action' is one.
            for k in range(h - 1, first, -1):
                if words[k] == "and":
                    right = _collapse(" ".join(words[k + 1 : h + 1]))
                    generic = any(rx.search(right) for rx in self.not_res.get("run_name", []))
                    if k + 1 < h and not generic:
                        first = k + 1
                    break
            while first < h and (words[first].lower() in CONNECTORS or YEAR_RE.fullmatch(words[first])):
                first += 1
            if first < h:
                return first, h + 2 if has_year else h + 1, attrs["_id"]
            return None
        return None

    def _run_with_cue(
        self, text: str, words: list[str], lo: int, end: int, run: list[re.Match]
    ) -> str | None:
        """The id of the cue after a run of two or more capitalised words (or one and a year), if any."""
        content = [w for w in words[lo:end] if w.lower() not in CONNECTORS]
        if not content or not content[0][0].isupper() or len(content) > MAX_WORDS:
            return None
        if len(content) < 2 and not any(YEAR_RE.fullmatch(w) for w in content):
            return None
        phrase = " ".join(words[lo:end])
        if any(rx.search(phrase) for rx in self.not_res.get("run", []) + self.not_res.get("run_cue", [])):
            return None
        return self._cue(text, run[end - 1].end(), "run")

    def _org(self, word: str, descriptive: bool = False) -> bool:
        """An agency or place word ('Ministry', 'Hubei'); with `descriptive`, also 'Security', 'China'."""
        rxs = self.not_res.get("run", []) + (self.not_res.get("run_cue", []) if descriptive else [])
        return bool(word) and any(rx.fullmatch(_strip_possessive(word)) for rx in rxs)

    # ---------------------------------------------------------------- lower-case names

    def _lower_names(self, text: str) -> list[_Cand]:
        """'the clean net campaign', 'the thunder 2024 special action', 'operation hurricane No. 2': a lower-case
        head (attrs `lower`) with up to two lower-case modifiers, opened by a determiner (or a lower-case
        'operation' before it) and closed by a cue; a head alone (attrs `alone`) needs a year or a series number."""
        out: list[_Cand] = []
        words = words_of(text)
        for hs, e, head in _find_words(text, [h for h in self.lower_heads if h in words]):
            attrs = self.lower_heads[head.lower()]
            year = _YEAR_AFTER_RE.match(text, e)
            if year:
                e = year.end()
            series = SERIES_RE.match(text, e)
            if series:
                e = series.end()
            elif attrs.get("alone") and (bare := _BARE_SERIES_RE.match(text, e)):
                if self._cue(text, bare.end(), "run"):
                    series, e = bare, bare.end()  # 'the hurricane 1 operation': a series without 'No.'
            if not head.islower():
                # capitalised: 'Hurricane No. 1' (a capitalised run with a year is read by `_runs`)
                capital_before = _CAPITAL_BEFORE_RE.search(text[max(0, hs - 40) : hs])
                if series and attrs.get("alone") and not capital_before:
                    out.append(_Cand(hs, e, "run", attrs["_id"]))
                continue
            s, modifiers = hs, 0
            while modifiers < MAX_LOWER_MODIFIERS:
                w = _MODIFIER_BEFORE_RE.search(text[max(0, s - 40) : s])
                if w is None or w.group(1) in LEADING_STOP or w.group(1) in GAP_STOP or w.group(1) == "operation":
                    break
                s -= len(w.group())
                modifiers += 1
            before = text[max(0, s - LOOKAROUND_CHARS) : s]
            leading = _LEADING_OPERATION_RE.search(before)
            if leading:
                s -= len(leading.group())
            elif not LOWER_OPENER_RE.search(before) or not self._cue(text, e, "run"):
                continue
            if not (modifiers or year or series or attrs.get("alone")):
                continue
            if leading and not (modifiers or year or series or self._cue(text, e, "run")):
                continue  # 'the operation net': a name needs more than one common noun
            name = text[s:e]
            if self._lower_vetoed(name) or self._vetoed(text, s, e):
                continue
            if not leading and any(rx.match(text, e) for rx in self.not_res.get("lower_cue", [])):
                continue  # 'the bald eagle project': a cue too common to make a lower-case phrase a name
            out.append(_Cand(s, e, "run", attrs["_id"]))
        return out

    def _lower_vetoed(self, name: str) -> bool:
        """A lower-case name that is a description ('the special net action', 'the safety net campaign')."""
        return any(rx.search(_collapse(name)) for rx in self.not_res.get("lower", []))

    # ---------------------------------------------------------------- repeats of names already found

    def _repeats(self, text: str, chosen: list[_Cand]) -> list[_Cand]:
        names = {}
        for c in chosen:
            if c.code or c.weak:
                continue
            name = _collapse(text[c.start : c.end])
            if len(name.split()) >= 2 and name[0].isupper():
                names.setdefault(name, c.pattern_id)
        out = []
        for name, pid in names.items():
            rx = re.compile(
                r"(?<![\w'’\-])" + r"\s+".join(map(re.escape, name.split())) + r"(?![\w\-]|['’]\w)"
            )
            for m in rx.finditer(text):
                s, e = m.span()
                year = re.match(r"\s+((?:19|20)\d\d)(?!\w)", text[e:])
                if year and not YEAR_RE.search(name):
                    e += year.end()
                # a name the text gave as an operation is one in every mention, even in quotes whose next word
                # would veto a new name ('build the "Sharp Blade" brand': every mention counts)
                out.append(_Cand(s, e, "repeat", pid))
        return out

    # ---------------------------------------------------------------- helpers

    def _head_id(self, words: list[str], bare: bool = False) -> str | None:
        """The id of the head row a quoted name ends in (a year may follow; plurals count); `bare`: alone."""
        ws = [w.strip("\"'“”‘’()") for w in words]
        has_year = bool(ws) and YEAR_RE.fullmatch(ws[-1]) is not None
        while ws and YEAR_RE.fullmatch(ws[-1]):
            ws = ws[:-1]
        for n in (2, 1):
            if len(ws) < n:
                continue
            last = " ".join(ws[-n:]).lower()
            attrs = self.heads.get(last) or (self.heads.get(last[:-1]) if last.endswith("s") else None)
            if attrs and (has_year or not attrs.get("needs_year")) and (len(ws) > n or bare):
                return attrs["_id"]
        return None

    def _cue(self, text: str, pos: int, kind: str, gap: bool = True) -> str | None:
        """The id of the cue row for `kind` that follows `pos` (after an optional closing quote), if any;
        without `gap`, only a cue right after it."""
        rx = self.cue_res.get(kind)
        after = text[pos : pos + LOOKAROUND_CHARS]
        m = rx.match(after) if rx else None
        words = (m.groupdict().get("gap") or "").split() if m else []
        if not m or any(w in GAP_STOP for w in words) or (words and not gap):
            return None
        if any(rx.match(after) for rx in self.not_res.get("cue_after", [])):
            return None
        return self.cue_ids.get(_collapse(m.group("cue").lower()))

    def _vetoed(
        self, text: str, s: int, e: int, outer_s: int | None = None, outer_e: int | None = None
    ) -> bool:
        name = _collapse(text[s:e])
        if _norm_phrase(name) in self.not_phrases:
            return True
        if any(rx.search(name) for rx in self.not_res.get("name", [])):
            return True
        outer_s = s if outer_s is None else outer_s
        outer_e = e if outer_e is None else outer_e
        before = text[max(0, outer_s - LOOKAROUND_CHARS) : outer_s]
        after = text[outer_e : outer_e + LOOKAROUND_CHARS]
        if any(rx.search(before) for rx in self.not_res.get("before", [])):
            return True
        return any(rx.match(after) for rx in self.not_res.get("after", []))

    def _link(self, text: str, chosen: list[_Cand], quotes: list[_Quote]) -> list[OperationMatch]:
        chosen.sort(key=lambda c: c.start)
        index = {id(c): k for k, c in enumerate(chosen)}
        keys = [_key(_collapse(text[c.start : c.end]), self.heads) for c in chosen]
        canon: list[int | None] = [None] * len(chosen)

        def root(k: int) -> int:
            while canon[k] is not None:
                k = canon[k]
            return k

        for k, c in enumerate(chosen):
            if c.alias_of is not None:
                target = quotes[c.alias_of].cand
                if target is not None and id(target) in index and index[id(target)] < k:
                    canon[k] = root(index[id(target)])
                    continue
            for j in range(k):
                if _same(chosen[j], keys[j], c, keys[k], text):
                    canon[k] = root(j)
                    break
        # A weak (lower-case) quoted name is kept only when it is another mention of a strong one.
        strong_keys = [keys[k] for k, c in enumerate(chosen) if not c.weak]
        keep = [
            not c.weak or canon[k] is not None or any(_similar(keys[k], sk) for sk in strong_keys)
            for k, c in enumerate(chosen)
        ]
        if not all(keep):
            return self._link(text, [c for c, ok in zip(chosen, keep, strict=True) if ok], quotes)
        out = []
        for k, c in enumerate(chosen):
            span = text[c.start : c.end]
            out.append(
                OperationMatch(
                    c.start, c.end, span, normal_name(span, c.code), c.code, c.implied_date, canon[k], c.pattern_id
                )
            )
        return out


# -------------------------------------------------------------------- module helpers


def normal_name(surface: str, code: bool = False) -> str:
    """The name of a mention: line breaks and stray quotes out ('hurricane" No. 2' -> 'hurricane No. 2'), a
    lower-case name title-cased ('broken card' -> 'Broken Card', 'operation hurricane No. 2' -> 'Operation
    Hurricane No. 2'); a code keeps its surface ('5 · 20')."""
    name = _collapse(surface)
    if code:
        return name
    if len(_STRAY_QUOTE_RE.findall(name)) == 1:  # an unpaired quote; a quotation in a name stays: the 'Hidden Rules'
        name = _STRAY_QUOTE_RE.sub("", name)
    words = name.split()
    if not any(ch.isupper() for w in words if w not in SERIES_WORDS for ch in w):
        name = " ".join(w if w in TITLE_SMALL and k else w[:1].upper() + w[1:] for k, w in enumerate(words))
    return name


def _before_cue(before: str, cues: BeforeCues) -> str | None:
    """The id of the row of `cues` (those the text can match) that ends `before` with 'an operation code-named',
    if any."""
    return next((rid for rid, rx in cues if rx.search(before)), None)


def _find_words(text: str, heads: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, word) of each whole-word occurrence of the heads, as written or capitalised, by start (str.find
    is many times faster than a regex alternation for the one or two heads a release holds)."""
    out = []
    for head in heads:
        for form in {head, head.capitalize()}:
            i = text.find(form)
            while i >= 0:
                j = i + len(form)
                inside = (i and (text[i - 1].isalnum() or text[i - 1] in "'’-_")) or (
                    j < len(text) and (text[j].isalnum() or text[j] == "_")
                )
                if not inside:
                    out.append((i, j, form))
                i = text.find(form, j)
    return sorted(out)


def _add_series(text: str, chosen: list[_Cand]) -> None:
    """A series number after a name is part of it: 'Sky Net No. 3' (not after codes: '5·13 No. 2 case')."""
    for k, c in enumerate(chosen):
        nxt = chosen[k + 1].start if k + 1 < len(chosen) else len(text)
        series = None if c.code else SERIES_RE.match(text, c.end)
        if series and series.end() <= nxt:
            c.end = series.end()


def _can_open(text: str, i: int) -> bool:
    q = text[i]
    nxt = text[i + 1] if i + 1 < len(text) else ""
    prv = text[i - 1] if i > 0 else ""
    if not nxt or nxt.isspace() or nxt in DOUBLE + SINGLE:
        return False
    if q in "“‘„‚":
        return True
    if not prv or prv.isspace() or prv in OPEN_AFTER:
        return True
    # glued by the translation: the'Hundred-Day Tackling Action'
    return prv.isalpha() and (nxt.isupper() or nxt.isdigit())


def _can_close(text: str, i: int, single: bool) -> bool:
    q = text[i]
    nxt = text[i + 1] if i + 1 < len(text) else ""
    prv = text[i - 1] if i > 0 else ""
    if q in "“‘„‚" or not prv or prv.isspace():
        return False
    return not (single and nxt.isalnum())


def _code_context(text: str, s: int) -> bool:
    """A code is preceded by a determiner, a capitalised word (a place), a quote, or starts a line."""
    before = text[max(0, s - LOOKAROUND_CHARS) : s].rstrip(" \t")
    return s == 0 or not before or before.endswith("\n") or CODE_CONTEXT_RE.search(before) is not None


def _runs(text: str) -> list[list[re.Match]]:
    """Maximal sequences of capitalised or numeric words joined by single spaces (and 'of', 'the', 'for')."""
    runs: list[list[re.Match]] = []
    cur: list[re.Match] = []
    prev_end = -1
    joined = WORD_GAP_RE.fullmatch
    for m in WORD_RE.finditer(text):
        w = m.group()
        capital = w[0].isupper() or w[0].isdigit()
        if not cur:
            if capital:
                cur.append(m)
        elif (capital or w.lower() in CONNECTORS) and joined(text, prev_end, m.start()):
            cur.append(m)
        else:
            runs.append(cur)
            cur = [m] if capital else []
        prev_end = m.end()
    runs.append(cur)
    out = []
    for run in runs:
        while run and run[-1].group().lower() in CONNECTORS:
            run = run[:-1]
        if run:
            out.append(run)
    return out


def _trim_leading(words: list[str], lo: int, end: int) -> int:
    while lo < end and (
        words[lo].lower() in LEADING_STOP
        or words[lo].lower() in CONNECTORS
        or YEAR_RE.fullmatch(words[lo])
        or (re.search(r"['’]s$", words[lo]) is not None)
    ):
        lo += 1
    return lo


def _strip_possessive(w: str) -> str:
    return re.sub(r"['’]s$", "", w)


def _title_lines(text: str) -> list[tuple[int, int]]:
    """Lines written in title case (headlines): capitalised runs there are not trusted."""
    out = []
    small = {"of", "the", "and", "in", "on", "for", "to", "a", "an", "at", "by", "with", "from", "as", "vs"}
    for m in re.finditer(r"[^\n]+", text):
        line = m.group().rstrip()
        if len(line) >= 200 or line.endswith((".", "。", ";", ":")):
            continue  # a paragraph, not a headline: its words need not be read
        words = [w for w in re.findall(r"[A-Za-z][\w'’\-]*", m.group()) if w.lower() not in small]
        if len(words) >= 3:
            caps = sum(1 for w in words if w[0].isupper())
            if caps / len(words) >= 0.8:
                out.append(m.span())
    return out


def _norm_phrase(s: str) -> str:
    return " ".join(re.findall(r"[a-z0-9']+", s.lower().replace("’", "'")))


def _key(name: str, heads: dict[str, dict]) -> tuple[frozenset[str], frozenset[str], str]:
    """(token set, years, code digits) of a name for alias matching; see `_same`."""
    s = name.lower().replace("’", "'")
    code = ".".join(re.findall(r"\d+", s)) if re.fullmatch(r"[\d\W]+", s) else ""
    s = re.sub(r"'s\b", "", s)
    tokens = []
    for t in re.findall(r"[a-z0-9]+", s.replace("-", " ")):
        t = NUMBER_WORDS.get(t, t)
        if t in KEY_STOP:
            continue
        if t == "days":
            t = "day"
        attrs = heads.get(t) or (heads.get(t[:-1]) if t.endswith("s") else None)
        if attrs:
            t = attrs.get("key", t)
        tokens.append(t)
    years = frozenset(t for t in tokens if YEAR_RE.fullmatch(t))
    return frozenset(tokens), years, code


def _similar(a, b) -> bool:
    ta, ya, ca = a
    tb, yb, cb = b
    if ca or cb:
        return bool(ca) and ca == cb
    if ya != yb or not ta or not tb:
        return False
    if ta == tb:
        return True
    da, db = ta - {"action"}, tb - {"action"}
    if da == db and len(da) >= 2:
        return True
    return len(ta & tb) / len(ta | tb) >= FUZZY_THRESHOLD


def _same(a: _Cand, ka, b: _Cand, kb, text: str) -> bool:
    """Exact repeats always link; else codes link on equal digits, names on fuzzy keys with equal years."""
    if _collapse(text[a.start : a.end]).lower() == _collapse(text[b.start : b.end]).lower():
        return True
    if a.code != b.code:
        return False
    return _similar(ka, kb)


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping candidates: quoted before codes before runs before repeats, then longer first."""
    taken: list[_Cand] = []
    spans = DisjointSpans()
    for c in sorted(cands, key=lambda c: (PRIORITY[c.kind], -(c.end - c.start), c.start)):
        if c.end > c.start and not spans.overlaps(c.start, c.end):
            taken.append(c)
            spans.add(c.start, c.end)
    return sorted(taken, key=lambda c: c.start)


@lru_cache(maxsize=1)
def _default_finder() -> OperationFinder:
    return OperationFinder(load_pattern_file(Path(patterns_dir()) / "operations.jsonl"))


def find_operations(text: str, rows: list[PatternRow] | None = None) -> list[OperationMatch]:
    """Named operations in `text`; `rows` default to the bundled `patterns/operations.jsonl`."""
    finder = _default_finder() if rows is None else OperationFinder(rows)
    return finder.find(text)
