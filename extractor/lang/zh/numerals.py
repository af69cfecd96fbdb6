"""Chinese and Arabic numerals with scale characters: '31.6万' = 316000, '十五万五千' = 155000, '两千' = 2000."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation


def zh_number_value(text: str, digits: dict[str, int], scales: dict[str, int]) -> Decimal | None:
    """The value of a numeral written with Arabic digits and/or Chinese number characters, or None.

    `digits` maps 一..九, 零, 两 to their values, `scales` maps 十 百 千 万 亿 (and their traditional forms).
    Approximation characters (余, 多) must already be stripped.
    """
    s = text.replace(",", "").replace("，", "")
    s = "".join(ch for ch in s if ch not in " \u00a0\u2009\u202f")  # '12 345', grouped as yearbooks do
    if not s:
        return None
    point = re.fullmatch(r"(.+?)[点點]([零〇一二三四五六七八九]+)([万萬亿億]+)", s)
    if point is not None:
        # '四十二點三七億': the whole part in words, then each decimal digit, then the scale
        whole = _chinese(re.findall(r"\d+|.", point.group(1)), digits, scales)
        if whole is None:
            return None
        if any(ch not in digits for ch in point.group(2)):
            return None
        value = whole + Decimal("0." + "".join(str(digits[ch]) for ch in point.group(2)))
        for ch in point.group(3):
            value *= scales[ch]
        return value
    head = 0
    while head < len(s) and (s[head].isdigit() or s[head] == "."):
        head += 1
    if head:
        try:
            base = Decimal(s[:head])
        except InvalidOperation:
            return None
        rest = s[head:]
        if not rest:
            return base
        if all(ch in scales for ch in rest):
            value = base
            for ch in rest:
                value *= scales[ch]
            return value
        if "." in s:
            return None
    # '1万2千', '2亿2392万': a run of Arabic digits is one number before its scale, as a number character is
    return _chinese(re.findall(r"\d+|.", s), digits, scales)


def _chinese(parts: list[str], digits: dict[str, int], scales: dict[str, int]) -> Decimal | None:
    total = 0  # groups above 万/亿 already closed
    section = 0  # the current group below 万
    num = 0
    for ch in parts:
        if ch.isdigit():
            num = int(ch)
        elif ch in digits:
            num = digits[ch]
        elif ch in scales:
            scale = scales[ch]
            if scale < 10_000:
                section += (num or 1) * scale
            else:
                group = section + num
                if group == 0 and not total:
                    group = 1  # '近万人', '逾亿元': a scale alone is one of it
                if group == 0 and total:
                    total *= scale  # 万亿: the 亿 scales what 万 closed
                else:
                    total = (total + group) * scale if total and total < scale else total + group * scale
                section = 0
            num = 0
        else:
            return None
    return Decimal(total + section + num)
