"""A tokenizer for Chinese on spacy.blank('zh'): numerals with their scale characters, codes and Latin runs are
one token each; every other character is a token of its own; offsets are those of the original text.

Why not spaCy's default `char` segmenter: it splits '31.6万' into five tokens and '5·13' into three, so a figure
would never be one token. Why not jieba or pkuseg: a word segmenter is not needed for rules that read figures and
the few words around them, and this keeps the pipeline free of dictionaries and downloads.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc
from spacy.vocab import Vocab

ZH_NUMERAL_CHARS = "零〇一二两兩三四五六七八九十百千万萬亿億"
# '2亿2392万', '3万5千', '1亿5千万', '1萬4109': Arabic digits between scale characters, or after one, one numeral
_TAIL = r"\d{1,4}(?![\d.,年月日%％])"
MIXED_SCALES = rf"\d+[万萬亿億](?:(?:\d{{1,4}}[千百万萬]+)+(?:{_TAIL})?|{_TAIL})"
TOKEN_RE = re.compile(
    MIXED_SCALES + r"[余餘多]?"
    r"|\d{1,3}(?:,\d{3})+\.\d+(?:[ \u00a0]?[万萬亿億]+)?[余餘多]?"  # 3,456.8万 (grouped, with decimals)
    r"|\d+(?:[.·．:]\d+)+(?:[ \u00a0]?[万萬亿億]+)?[余餘多]?"  # 31.6万, 5·13, 2.9万多, 1.2 万
    r"|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d.])(?:[万萬亿億千百]+)?[余餘多]?"  # 12 345 (yearbooks)
    # 151350, 1,285, 34万余, 1200余万, 360 万
    r"|\d+(?:,\d{3})*(?:[万萬亿億千百]+|[ \u00a0][万萬亿億]+)?(?:[余餘多][万萬亿億]+)?[余餘多]?"
    # 十五万五千, 三十余, 三千余万, 四十二點三七億 (a decimal in words before its scale)
    rf"|[{ZH_NUMERAL_CHARS}]+(?:[点點][零〇一二三四五六七八九]+[万萬亿億]+)?(?:[余餘多][万萬亿億]+)?[余餘多]?"
    r"|[A-Za-z][A-Za-z\-]*"  # Latin runs
    r"|[ \t]+|\r?\n|\S",
)


def pieces(text: str) -> list[tuple[int, int, bool]]:
    """The tokens of `text` as (start, end, followed by one space): a single space after a word is that word's
    trailing space, as spaCy keeps it, and no token of its own."""
    out: list[tuple[int, int, bool]] = []
    for m in TOKEN_RE.finditer(text):
        w = m.group()
        if w == " " and out and not out[-1][2] and not text[out[-1][0] : out[-1][1]].isspace():
            out[-1] = (out[-1][0], out[-1][1], True)
            continue
        out.append((m.start(), m.end(), False))
    return out


class ChineseTokenizer:
    """Callable text -> Doc; `Doc.text` equals the input exactly."""

    # one regex pass, no prefixes or suffixes peeled: a long run without spaces (a Chinese paragraph) needs no
    # cutting into pieces (extractor.tokenizer.make_doc reads this)
    peels_affixes = False

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        for start, end, space in pieces(text):
            words.append(text[start:end])
            spaces.append(space)
        return Doc(self.vocab, words=words, spaces=spaces)

    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> ChineseTokenizer:
        return self

    def to_disk(self, path, **kwargs) -> None:
        return None

    def from_disk(self, path, **kwargs) -> ChineseTokenizer:
        return self
