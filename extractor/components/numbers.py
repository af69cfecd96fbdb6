"""extractor_numbers: find numerals (digits, number words, scale words) and merge each into one token."""

from __future__ import annotations

import re
from decimal import Decimal

from spacy.attrs import LIKE_NUM, LOWER
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

from extractor.components.context import Component, doc_context, text_of
from extractor.lexicon import words
from extractor.rules import phrase_table, pipeline_rows

NUM_RE = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
# A thousands separator in the wrong place ("1,2345", "12,34") is still a number, but a suspect one.
LOOSE_NUM_RE = re.compile(r"^\d+(?:,\d+)+(?:\.\d+)?$")
HYPHENS = {"-", "–", "‑"}
SHORT_GROUP_RE = re.compile(r"^\d{1,3}$")
GROUP_RE = re.compile(r"^\d{3}$")
LOST_DECIMAL_RE = re.compile(r"^\d{1,3}(?:,\d{3})*\.$")
# 'l.046 million': a lower-case l where the digit 1 was (an OCR or translation garble), then a decimal
ELL_FOR_ONE_RE = re.compile(r"^l\.\d{1,3}$")
# signs read as percentages, with the decimal places they shift: per mille, per ten thousand
PER_PERCENT = {"‰": 1, "‱": 2}

# words that end a noun phrase ('and', 'were', 'in'): after 'N, NNN' they make it two numbers, not a split one
SPLIT_STOPS = words("np_stop") | words("linking_verbs") | words("auxiliary")

if not Token.has_extension("num"):
    Token.set_extension("num", default=None)
    Token.set_extension("num_info", default=None)


@Language.factory(
    "extractor_numbers", assigns=["token._.num", "token._.num_info"], default_config={"patterns_dirs": []}
)
def make_numbers(nlp: Language, name: str, patterns_dirs: list[str]) -> NumberMerger:
    """Factory: the number finder, with number and scale words from the NUMBER_WORD and SCALE rules."""
    return NumberMerger(name, patterns_dirs)


CURRENCY_SIGNS = "$¥€£"


class NumberMerger(Component):
    """Merges each numeral ('1,285', '1.6 million', 'Twenty-nine') into one token carrying its value.

    `token._.num` is the value as a Decimal; `token._.num_info` holds what later rules need: the digits'
    decimals, the scale, whether it was written in words, whether it is glued to the word before it.
    """

    def __init__(self, name: str, patterns_dirs: list[str]):
        self.name = name
        rows = pipeline_rows(patterns_dirs)
        self.words = {k: int(v["value"]) for k, v in phrase_table(rows, "NUMBER_WORD").items() if " " not in k}
        self.scales = {k: (int(v["value"]), bool(v.get("glued_only"))) for k, v in phrase_table(rows, "SCALE").items()}
        # scales read only glued to an amount right after a currency sign: '$8.1b' (a '4b' elsewhere is no billion)
        self.money_scales = {k for k, v in phrase_table(rows, "SCALE").items() if v.get("after_currency")}
        self.word_keys = frozenset(hash_string(w) for w in self.words)

    def _read(self, doc: Doc, i: int):
        """(end token index, base value, info) for a numeral starting at token i, else None."""
        tok = doc[i]
        info = {"decimals": 0, "words": False, "loose": False}
        if LOST_DECIMAL_RE.match(tok.text) and i + 1 < len(doc) and doc[i + 1].text in {"%", "％"}:
            # '43.%': the digits after the point lost; the whole part is the value, a suspect one
            base = Decimal(tok.text[:-1].replace(",", ""))
            info["loose"] = True
            j = i + 1
        elif (
            ELL_FOR_ONE_RE.match(tok.text)
            and i + 2 < len(doc)
            and doc[i + 1].is_space is False
            and doc[i + 1].lower_ in self.scales
            and not self.scales[doc[i + 1].lower_][1]
        ):
            # 'approved l.046 million arrests': the letter l for the digit 1, before a scale word; a suspect value
            digits = "1" + tok.text[1:]
            base = Decimal(digits.replace(",", ""))
            info["decimals"] = len(digits.split(".")[1]) if "." in digits else 0
            info["loose"] = True
            j = i + 1
        elif NUM_RE.match(tok.text) or LOOSE_NUM_RE.match(tok.text):
            digits = tok.text.replace(",", "")
            base = Decimal(digits)
            info["decimals"] = len(digits.split(".")[1]) if "." in digits else 0
            info["loose"] = not NUM_RE.match(tok.text)
            j = i + 1
            if self._split_thousands(doc, i):
                # 'against 427, 386 defendants': a thousands separator with a stray space, one number
                base, j = base * 1000 + Decimal(doc[i + 2].text), i + 3
                info["loose"] = True
        elif tok.lower_ in self.words:
            base = Decimal(self.words[tok.lower_])
            info["words"] = True
            j = i + 1
            tens = base >= 20 and base % 10 == 0
            if tens and j + 1 < len(doc) and doc[j].text in HYPHENS and not tok.whitespace_ and not doc[j].whitespace_:
                unit = self.words.get(doc[j + 1].lower_)
                if unit is not None and 0 < unit < 10:
                    base += unit
                    j += 2
            elif tens and j < len(doc) and 0 < self.words.get(doc[j].lower_, 0) < 10:
                base += self.words[doc[j].lower_]
                j += 1
        else:
            return None
        if info["words"]:
            j, base = self._point(doc, j, base, info)
            j, base = self._and_a_half(doc, j, base, info)
        scale = 1
        while True:
            # a hard line wrap may stand between the digits and the scale word ("220\nmillion")
            if j + 1 < len(doc) and doc[j].is_space and "\n\n" not in doc[j].text and doc[j + 1].lower_ in self.scales:
                j += 1
            # 万 rendered word for word: '2.36 ten thousand suspects'
            if j + 1 < len(doc) and doc[j].lower_ == "ten" and doc[j + 1].lower_ == "thousand":
                scale *= 10_000
                j += 2
                continue
            if not (j < len(doc) and doc[j].lower_ in self.scales):
                break
            value, glued_only = self.scales[doc[j].lower_]
            if glued_only and doc[j - 1].whitespace_:
                break
            if doc[j].lower_ in self.money_scales and not (i > 0 and doc[i - 1].text[-1:] in CURRENCY_SIGNS):
                break
            # "hundred" after a large value ("2,000 hundred") is not a scale word in this genre
            if value == 100 and scale != 1:
                break
            scale *= value
            j += 1
            # 'three hundred and twenty', 'one hundred twenty-five': the tens and units after 'hundred'
            glue = 1 if j < len(doc) and doc[j].lower_ == "and" else 0
            if value == 100 and info["words"] and j + glue < len(doc) and base < 100:
                rest = self.words.get(doc[j + glue].lower_)
                if rest is not None and 0 < rest < 100:
                    base, scale, j = base * 100 + rest, 1, j + glue + 1
                    if rest >= 20 and rest % 10 == 0 and j + 1 < len(doc) and doc[j].text in HYPHENS:
                        unit = self.words.get(doc[j + 1].lower_)
                        if unit is not None and 0 < unit < 10:
                            base, j = base + unit, j + 2
        if info["words"] and scale >= 100 and not info["decimals"]:
            j, base, scale = self._rest(doc, j, base, scale)
        elif scale >= 1000 and not info["decimals"] and not info["loose"]:
            j, base, scale = self._digit_rest(doc, j, base, scale)
        info["scale"] = scale
        if j < len(doc) and doc[j].text in PER_PERCENT and not doc[j - 1].whitespace_:
            # '1.2‰' is read as a percentage (PERCENT_SIGN '‰'): 0.12, one decimal more; '3‱': 0.03
            shift = PER_PERCENT[doc[j].text]
            base, info["decimals"] = base / 10**shift, info["decimals"] + shift
        return j, base, info

    def _split_thousands(self, doc: Doc, i: int) -> bool:
        """True for 'N, NNN noun' at token i: one to three digits, a comma glued to them and a space after it, three
        digits and a lower-case noun ('427, 386 defendants'); a list ('12, 386 and 500') or a clause ('Of the 427,
        386 were ...') has another word after the second group."""
        if not (
            i + 3 < len(doc)
            and SHORT_GROUP_RE.match(doc[i].text)
            and not doc[i].whitespace_
            and doc[i + 1].text == ","
            and doc[i + 1].whitespace_ == " "
            and GROUP_RE.match(doc[i + 2].text)
            and doc[i + 2].whitespace_
        ):
            return False
        nxt = doc[i + 3]
        if i > 0 and doc[i - 1].lower_ == nxt.lower_:
            return False  # 'gang fugitives 4, 173 fugitives involved in ...': two items, each with its noun
        return nxt.is_alpha and nxt.is_lower and nxt.lower_ not in SPLIT_STOPS and nxt.lower_ not in self.scales

    def _point(self, doc: Doc, j: int, base: Decimal, info: dict) -> tuple[int, Decimal]:
        """'six point two nine': the digit words after 'point' are decimals."""
        if not (j + 1 < len(doc) and doc[j].lower_ == "point" and 0 <= self.words.get(doc[j + 1].lower_, -1) < 10):
            return j, base
        digits = ""
        k = j + 1
        while k < len(doc) and 0 <= self.words.get(doc[k].lower_, -1) < 10:
            digits += str(self.words[doc[k].lower_])
            k += 1
        info["decimals"] = len(digits)
        return k, Decimal(f"{base}.{digits}")

    @staticmethod
    def _and_a_half(doc: Doc, j: int, base: Decimal, info: dict) -> tuple[int, Decimal]:
        """'three and a half times', 'two and half times', 'one and a half million': a half more."""
        words = [t.lower_ for t in doc[j : j + 3]]
        if words[:3] == ["and", "a", "half"]:
            k = j + 3
        elif words[:2] == ["and", "half"]:
            k = j + 2
        else:
            return j, base
        if info["decimals"]:
            return j, base
        info["decimals"] = 1
        return k, base + Decimal("0.5")

    def _rest(self, doc: Doc, j: int, base: Decimal, scale: int) -> tuple[int, Decimal, int]:
        """'three million | four hundred and twelve thousand | six hundred and eighty-one': the smaller groups
        after a scale word, in words (one 'and' may open the last), added to it; an exact number, scale 1."""
        k = j + 1 if j + 1 < len(doc) and doc[j].lower_ == "and" else j
        if not (k < len(doc) and doc[k].lower_ in self.words):
            return j, base, scale
        read = self._read(doc, k)
        if read is None or not read[2]["words"] or read[2]["decimals"]:
            return j, base, scale
        end, rest_base, rest_info = read
        rest = rest_base * rest_info["scale"]
        if not 0 < rest < scale:
            return j, base, scale  # 'two thousand three thousand' is two numbers
        return end, base * scale + rest, 1

    def _digit_rest(self, doc: Doc, j: int, base: Decimal, scale: int) -> tuple[int, Decimal, int]:
        """'7 million 200 thousand', '1 billion 350 million': 万 and 亿 amounts rendered group by group; the next
        numeral, in digits with a smaller scale word of its own, is added ('5 million 300 cases' is two)."""
        if (
            scale == 1000
            and j + 1 < len(doc)
            and doc[j].lower_ == "and"
            and NUM_RE.match(doc[j + 1].text)
            and doc[j - 1].lower_ == "thousand"
        ):
            # '318 thousand and 400': 31.84万 rendered word for word, one number (the rest below a thousand)
            read = self._read(doc, j + 1)
            if read is not None and not read[2]["words"] and not read[2]["decimals"] and read[2]["scale"] == 1:
                if 0 < read[1] < 1000:
                    return read[0], base * scale + read[1], 1
            return j, base, scale
        if not (j < len(doc) and NUM_RE.match(doc[j].text) and doc[j - 1].whitespace_):
            return j, base, scale
        read = self._read(doc, j)
        if read is None or read[2]["words"] or read[2]["decimals"] or read[2]["scale"] == 1:
            return j, base, scale
        end, rest_base, rest_info = read
        rest = rest_base * rest_info["scale"]
        if not 0 < rest < scale:
            return j, base, scale
        return end, base * scale + rest, 1

    def _candidates(self, doc: Doc) -> list[int]:
        """The tokens a numeral can start at: number-like ones (spaCy's LIKE_NUM flag, set once per word: '1,285',
        '4.26', 'ten') and the number words of the rules."""
        keys = self.word_keys
        ells = {t.i for t in doc if ELL_FOR_ONE_RE.match(t.text)} if "l." in text_of(doc) else set()
        return [
            k
            for k, (like, lower) in enumerate(doc.to_array([LIKE_NUM, LOWER]).tolist())
            if like or lower in keys or k in ells
        ]

    def __call__(self, doc: Doc) -> Doc:
        found = []
        i = 0
        for k in self._candidates(doc) if len(doc) else []:
            if k < i:
                continue  # inside the numeral before
            read = self._read(doc, k)
            if read is None:
                continue
            i = k
            j, base, info = read
            prev = doc[i - 1] if i else None
            info["glued"] = bool(prev is not None and not prev.whitespace_ and (prev.is_alpha or prev.text == "%"))
            found.append((doc[i].idx, doc[j - 1].idx + len(doc[j - 1]), base * info["scale"], info))
            i = j
        with doc.retokenize() as retok:
            for start, end, _, _ in found:
                span = doc.char_span(start, end)
                if span is not None and len(span) > 1:
                    retok.merge(span)
        nums = set()
        for start, end, value, info in found:
            span = doc.char_span(start, end)
            if span is None or len(span) != 1:
                continue
            span[0]._.num = value
            span[0]._.num_info = info
            nums.add(span.start)
        # later components ask 'is this token a numeral?' thousands of times: answer from a set
        doc_context(doc).nums = nums
        return doc
