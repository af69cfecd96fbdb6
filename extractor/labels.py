"""The label registry: every rule label, the model of its `attrs`, and the component that reads it (no spaCy here).

A row whose label is not listed here, or whose attrs do not fit the label's model, is rejected when its file
loads, with FILE:LINE and the reason; a typo never loads as a rule that silently does nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator


class Attrs(BaseModel):
    """What every rule may carry: `requires`, the words each of its matches contains (see extractor/gates.py)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    requires: list[str] | None = None


class NoAttrs(Attrs):
    """A label whose rows carry nothing but their pattern (and, optionally, a rule gate)."""


Approx = Literal["more_than", "over", "nearly", "about", "at_least", "less_than", "up_to"]


class ApproxAttrs(Attrs):
    approx: Approx
    # before a year-shaped numeral with no noun, the qualifier makes it a count ('detected more than 1960,')
    counts_year: bool = False


class BasisAttrs(Attrs):
    basis: Literal["year_on_year", "previous_period", "named_year", "none"]


class DirectionAttrs(Attrs):
    direction: Literal["up", "down"]


class CurrencyAttrs(Attrs):
    currency: str = Field(pattern=r"^[A-Z]{3}$")


class DateAttrs(Attrs):
    shape: str
    months_per: int | None = None
    offset: int | None = None
    anaphoric: bool | None = None
    n: int | None = None

    @field_validator("shape")
    @classmethod
    def _known_shape(cls, v: str) -> str:
        from extractor.dates import NORMALISERS  # the normalisers are code; the shape names one of them

        if v not in NORMALISERS:
            raise ValueError(f"unknown shape {v!r} (known: {', '.join(sorted(NORMALISERS))})")
        return v


class NumberAttrs(Attrs):
    value: int | float


class ScaleAttrs(Attrs):
    value: int
    glued_only: bool | None = None
    after_currency: bool | None = None  # only after a currency sign: '$8.1b


class ReasonAttrs(Attrs):
    reason: str | None = None


class PointsAttrs(Attrs):
    points: bool | None = None


class PartCueAttrs(Attrs):
    mode: Literal["among", "including", "of_the", "of_them", "count_of", "with"]
    reference: bool = False  # count_of: the whole is a set of reference ('the list of 100 most-wanted'), no item
    # count_of: the part's noun may stand between it and the cue ('27 cases out of 5,310')
    noun_between: bool = False
    # among: the cue only opens a breakdown ('Specifically,'): its items are the count's before, whatever their nouns
    enumeration: bool = False


class PerBaseAttrs(Attrs):
    per: int | None = Field(default=None, ge=1)  # a base the words give ('per capita' 1); else the numeral after them
    population: str | None = Field(default=None, pattern=r"^[a-z][a-z\- ]*$")  # whom 'per capita' is per


class UnitAttrs(Attrs):
    unit: str | None = None
    core: bool | None = None


class WordAttrs(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    list: str = Field(pattern=r"^[a-z_]+$")
    value: int | None = None  # the word's number, in the lists that give one (months: 'jan' 1)


class UnitClassAttrs(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    is_a: str = Field(min_length=1)


class UnitCountedByAttrs(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    by: str = Field(min_length=1)


class OperationHeadAttrs(Attrs):
    key: str | None = None
    unquoted: bool | None = None
    leading: bool | None = None
    needs_year: bool | None = None
    lower: bool | None = None  # also ends a lower-case name: 'the clean net campaign'
    alone: bool | None = None  # a name by itself before a year or series number: 'Hurricane 2018'


class OperationCueAttrs(Attrs):
    after: list[Literal["quoted", "code", "run"]] | None = None
    before: bool | None = None


class OperationCodeAttrs(Attrs):
    always: bool | None = None
    task_force: bool | None = None
    context: bool | None = None
    quoted_only: bool | None = None  # only a whole quoted phrase: "the '8. 15' case"


class OperationNameAttrs(Attrs):
    needs: Literal["year_or_cue"] | None = None


class OperationNotAttrs(Attrs):
    scope: Literal[
        "phrase", "name", "before", "after", "run", "run_cue", "run_name", "run_next", "cue_after", "lower", "lower_cue"
    ] = "name"


@dataclass(frozen=True)
class Label:
    """A rule label: the model its attrs must fit and the component (or audit check) that reads its rows."""

    attrs: type[BaseModel] | None  # None: the reader validates the rows whole (audit data)
    reader: str
    doc: str


LABELS: dict[str, Label] = {
    "ACTION": Label(NoAttrs, "extractor_facts", "verbs governing a count ('prosecuted', 'not arrested')"),
    "ANAPHOR": Label(NoAttrs, "extractor_relations", "'the number', 'this figure': refers back"),
    "PLURAL_ANAPHOR": Label(NoAttrs, "extractor_relations", "'These figures', 'They': the counts before"),
    "APPROX": Label(ApproxAttrs, "extractor_facts", "qualifiers: 'more than', 'nearly'"),
    "BASIS": Label(BasisAttrs, "extractor_facts", "comparison bases: 'year-on-year', 'from 2016'"),
    "CHANGE": Label(DirectionAttrs, "extractor_facts", "direction before a figure: 'an increase of'"),
    "CHANGE_AFTER": Label(DirectionAttrs, "extractor_facts", "direction after a figure: '28% higher'"),
    "CURRENCY_AFTER": Label(CurrencyAttrs, "extractor_facts", "currency after an amount: 'yuan'"),
    "CURRENCY_BEFORE": Label(CurrencyAttrs, "extractor_facts", "currency before an amount: 'RMB', 'US$'"),
    "DATE": Label(DateAttrs, "extractor_dates", "date shapes, each read by its normaliser"),
    "DATE_NOT": Label(NoAttrs, "extractor_dates", "date traps"),
    "EXCHANGE_RATE": Label(None, "currency_conversion", "plausible yearly exchange-rate bands"),
    "MULTIPLIER_VERB": Label(NumberAttrs, "extractor_facts", "'doubled', 'tripled'"),
    "MULTIPLIER_WORD": Label(NoAttrs, "extractor_facts", "'times', '-fold'"),
    "NOT_FIGURE": Label(ReasonAttrs, "extractor_facts", "whole spans that hold no figure (phone numbers)"),
    "NOT_FIGURE_AFTER": Label(ReasonAttrs, "extractor_facts", "what after a numeral makes it no figure"),
    "NOT_FIGURE_BEFORE": Label(ReasonAttrs, "extractor_facts", "what before a numeral makes it no figure"),
    "NUMBER_WORD": Label(NumberAttrs, "extractor_numbers", "number words: 'twelve'"),
    "OPERATION_ALIAS": Label(NoAttrs, "extractor_operations", "'(hereinafter referred to as'"),
    "OPERATION_CODE": Label(OperationCodeAttrs, "extractor_operations", "number-dot codes: '5·13'"),
    "OPERATION_CUE": Label(OperationCueAttrs, "extractor_operations", "words that make a name an operation"),
    "OPERATION_HEAD": Label(OperationHeadAttrs, "extractor_operations", "head nouns: 'Action', 'Net'"),
    "OPERATION_NAME": Label(OperationNameAttrs, "extractor_operations", "names without a head: 'Kunlun'"),
    "OPERATION_NOT": Label(OperationNotAttrs, "extractor_operations", "vetoes"),
    "PART_CUE": Label(PartCueAttrs, "extractor_relations", "partitives: 'among them', 'of which'"),
    "PER_BASE": Label(PerBaseAttrs, "extractor_facts", "'per 10,000', 'per capita': a rate per head of population"),
    "PERCENT_SIGN": Label(PointsAttrs, "extractor_facts", "'%', 'percent', 'percentage points'"),
    "RANK_CUE": Label(NoAttrs, "extractor_relations", "rankings: 'followed by', 'the top five charges were'"),
    "RUNNING_TOTAL": Label(NoAttrs, "extractor_relations", "'bringing the total to': the count before is part of it"),
    "RATE_DEFINITION": Label(None, "named_rate", "named rates and the counts they are made of"),
    "RATE_WORD": Label(NoAttrs, "extractor_facts", "'rate': a percentage that is a named rate"),
    "RESPECTIVELY": Label(NoAttrs, "extractor_relations", "'respectively'"),
    "SCALE": Label(ScaleAttrs, "extractor_numbers", "scale words: 'million', 'bn'"),
    "SHARE": Label(NoAttrs, "extractor_facts", "share cues: 'accounting for'"),
    "SUM_CUE": Label(NoAttrs, "extractor_relations", "'together made up the total'"),
    "TOTAL_CUE": Label(NoAttrs, "extractor_relations", "'totalling', 'for a total of'"),
    "UNIT": Label(UnitAttrs, "extractor_facts", "counted nouns and their irregular forms"),
    "UNIT_CLASS": Label(UnitClassAttrs, "unit table", "is-a: a trafficker is a suspect is a person"),
    "UNIT_COUNTED_BY": Label(
        UnitCountedByAttrs, "unit table", "a case is counted by the person it is against: officials stated among cases"
    ),
    "WORD": Label(WordAttrs, "lexicon", "word lists the components read (patterns/lexicon.jsonl)"),
}


class ZhMeasureAttrs(Attrs):
    unit: str = Field(pattern=r"^[a-z][a-z\- ]*$")
    fixed: bool | None = None  # the measure word alone decides the unit (人 person), a noun beside it does not


class ZhNounAttrs(Attrs):
    unit: str = Field(pattern=r"^[a-z][a-z\- ]*$")


class ZhCaseloadAttrs(Attrs):
    part: Literal["carried", "new"]  # 旧存 (carried over from before) or 新收 (received in the period)


class ZhApproxAttrs(Attrs):
    approx: Approx
    where: Literal["before", "before_scale", "inside", "after"]  # before_scale: only before a scale alone (过万)


class ZhCollectiveAttrs(Attrs):
    after_numeral: bool = False  # '类' names the figures before it only after a numeral ('三类', '两项')


class ZhChangeAttrs(Attrs):
    direction: Literal["up", "down"]


class ZhPercentAttrs(Attrs):
    points: bool | None = None
    factor: float | None = None  # the value in percent is the number times this: 成 (tenths) 10, 万分之 0.01
    prefix: bool | None = None  # written before the number: 万分之30.5


class ZhDateAttrs(Attrs):
    shape: Literal[
        "ymd", "ymd_range", "ymd_ymd_range", "md_range", "md_d_range", "ym", "ym_range", "y_m_range", "y_range",
        "y_ym_range", "ym_ym_range", "m_range",
        "quarter_range", "md", "d", "y", "y_since", "y_same_period", "y_end", "y_half", "y_quarter",
        "quarter", "first_months", "y_edge_months", "y_first_quarters", "first_quarters", "m", "dateline_iso",
        "dateline_dmy", "rel",
    ]


class ZhActionAttrs(Attrs):
    same_as: str | None = None  # the action word it is read as: 受案 and 收案 are 受理, 审结 and 办结 are 结案
    full: str | None = None  # the words it abbreviates, as a total's words name a count's: 批捕 is 批准逮捕


class ZhPartCueAttrs(Attrs):
    needs_action: bool | None = None  # the cue must name an action, whose count is the whole: 已立案侦办案件中


class ZhVariantAttrs(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    simplified: str = Field(min_length=1, max_length=1)


# Chinese rows (patterns/zh/*.jsonl) are read by the Chinese builders (extractor/lang/zh), never by the English
# components, and are checked against this registry.
ZH_LABELS: dict[str, Label] = {
    "ZH_APPROX": Label(ZhApproxAttrs, "zh_figures", "约, 近, 逾, 超过 before; 余, 多 inside; 以上, 以下 after"),
    "ZH_BASIS": Label(BasisAttrs, "zh_figures", "同比, 比去年同期, 环比, 比前五年"),
    "ZH_CHANGE": Label(ZhChangeAttrs, "zh_figures", "上升, 增长, 下降, 减少 before a figure"),
    "ZH_CURRENCY": Label(CurrencyAttrs, "zh_figures", "元, 元人民币, 美元, 港元 after an amount"),
    "ZH_DURATION": Label(NoAttrs, "zh_figures", "月, 小时 after 个: 为期6个月 is a duration, no count"),
    "ZH_MONEY_NOUN": Label(NoAttrs, "zh_figures", "案值, 涉案金额: before an amount in 万/亿 without 元, money in CNY"),
    "ZH_DATE": Label(ZhDateAttrs, "zh_dates", "date shapes, each read by its normaliser"),
    "ZH_DIGIT": Label(NumberAttrs, "zh_figures", "number characters: 一, 两, 九"),
    "ZH_MEASURE": Label(ZhMeasureAttrs, "zh_figures", "measure words after a count: 人, 件, 起, 名"),
    "ZH_MULTIPLIER": Label(NoAttrs, "zh_figures", "倍"),
    "ZH_NOT_BEFORE": Label(ReasonAttrs, "zh_figures", "what before a numeral makes it no figure: 第"),
    "ZH_NOUN": Label(ZhNounAttrs, "zh_figures", "counted nouns with their English gloss: 犯罪嫌疑人 suspect"),
    "ZH_RATE_UNIT": Label(ZhNounAttrs, "zh_relations", "案件…率, 结案率: the counts of a pair a rate is of"),
    "ZH_OPERATION_HEAD": Label(NoAttrs, "zh_operations", "heads after a quoted name: 行动, 专项行动, 专案"),
    "ZH_OPERATION_LEAD": Label(NoAttrs, "zh_operations", "打击, 专项: opening the words between a name and its head"),
    "ZH_DEMONSTRATIVE": Label(NoAttrs, "zh_relations", "这, 该, 上述: '这140件' names a count again, no part"),
    "ZH_CAMPAIGN_VERB": Label(NoAttrs, "zh_operations", "深化, 开展: before a quoted name and no head"),
    "ZH_FRACTION_OF": Label(NoAttrs, "zh_relations", "半数, 一半: '超过…90人的半数', the count before is a part of 90"),
    "ZH_RECEIVED_VERB": Label(NoAttrs, "zh_relations", "受理, 收案: cases received; no part of those concluded"),
    "ZH_CONCLUDED_VERB": Label(NoAttrs, "zh_relations", "审结, 结案: cases concluded; no part of those received"),
    "ZH_SERVICE_TAIL": Label(NoAttrs, "zh_operations", "直通车, 热线, 平台: a quoted service after 开展, no campaign"),
    "ZH_SINCE_RUN": Label(NoAttrs, "zh_operations", "以来, 期间: after a quoted name, 'since it was run', closing it"),
    "ZH_NAME_END": Label(NoAttrs, "zh_operations", "以来, 中, 的: after an operation's head, ending its phrase"),
    "ZH_PART_CUE": Label(ZhPartCueAttrs, "zh_relations", "其中: the figures after it are parts of the one before"),
    "ZH_PERCENT": Label(ZhPercentAttrs, "zh_figures", "%, 个百分点, 成 (tenths), 万分之 (per ten thousand)"),
    "ZH_RATE_WORD": Label(NoAttrs, "zh_figures", "率: a percentage that is a named rate"),
    "ZH_CHANGE_TO": Label(NoAttrs, "zh_figures", "到, 至 after a change word: the figure is the level reached"),
    "ZH_MODIFIER_MEASURE": Label(
        NoAttrs, "zh_figures", "项, 个, 次, 部门: a one-character numeral before it and a word is a modifier, no count"
    ),
    "ZH_CRIME_WORD": Label(
        NoAttrs, "zh_operations", "抢, 盗, 毒: a quoted word after 打击 holding one names a crime, not an operation"
    ),
    "ZH_NUMBER_NOUN": Label(
        ZhNounAttrs, "zh_relations", "案件数, 人数: a change after this noun is of the count of that unit before it"
    ),
    "ZH_PRIOR_PERIOD": Label(NoAttrs, "zh_relations", "去年同期的: the count after it is the year before's, a base"),
    "ZH_NEW_CASES": Label(NoAttrs, "zh_relations", "新收: a change of new cases is none of a total with 含旧存"),
    "ZH_GENERIC_NOUN": Label(
        NoAttrs, "zh_relations", "问题, 案件, 人数: a noun that names no kind of its own in '占查处…问题总数的'"
    ),
    "ZH_GROWTH_NOUN": Label(NoAttrs, "zh_relations", "增幅, 增速: a change in points after it is of the change before"),
    "ZH_RESPECTIVELY": Label(NoAttrs, "zh_relations", "分别"),
    "ZH_SCALE": Label(ScaleAttrs, "zh_figures", "十, 百, 千, 万, 亿"),
    "ZH_SHARE": Label(NoAttrs, "zh_figures", "占, 佔: a share of a whole"),
    "ZH_TOTAL_WORD": Label(NoAttrs, "zh_relations", "总, 全部, 所有: in 占…的, the whole is a total stated before"),
    "ZH_VARIANT": Label(ZhVariantAttrs, "zh_script", "traditional character -> simplified, one for one"),
    "ZH_GLOSS": Label(NoAttrs, "zh_script", "a pinyin reading after a character, 偵(zhēn): read as if absent"),
    "ZH_ACTION": Label(ZhActionAttrs, "zh_relations", "受理, 结案: the verb a part shares with its whole"),
    "ZH_SCOPE_END": Label(NoAttrs, "zh_relations", "此外, 另有: a 其中 breakdown ends before it"),
    "ZH_CONVERSION_CUE": Label(
        NoAttrs, "zh_relations", "约合, 折合: an amount after it (in brackets, after a comma) restates the one before"
    ),
    "ZH_COLLECTIVE": Label(
        ZhCollectiveAttrs, "zh_relations", "合计, 上述, 三类: a share's subject that takes in the figures before it"
    ),
    "ZH_SUM_CUE": Label(NoAttrs, "zh_relations", "共计, 合计: the count after it is the sum of those before"),
    "ZH_OTHER": Label(NoAttrs, "zh_relations", "其他: the last item of an exhaustive breakdown"),
    "ZH_SUBJECT_JUNK": Label(NoAttrs, "zh_relations", "其中, 分别, 依序为: words before 占 that name no part"),
    "ZH_CASELOAD": Label(ZhCaseloadAttrs, "zh_relations", "旧存, 新收: the two parts a 受理 caseload is made of"),
    "ZH_NOT_PART": Label(NoAttrs, "zh_relations", "不含, 不包括: a bracket opening with it holds no part"),
    "ZH_UNCOUNTED": Label(NoAttrs, "zh_relations", "吨, 公斤: a measure no fact reads, a place in a 分别 list"),
    "ZH_EACH": Label(NoAttrs, "zh_relations", "均, 各 before a figure: a bar each item passes (均超25万件), no part"),
    "ZH_COMPLEMENT": Label(NoAttrs, "zh_relations", "非: a part named as the rest of the part before it (涉税/非涉税)"),
    "ZH_ALIAS": Label(NoAttrs, "zh_operations", "以下简称: the quoted name after it is an alias"),
    "ZH_AVERAGE": Label(NoAttrs, "zh_figures", "年均, 平均每年 before a change: a rate over several years"),
    "ZH_AVERAGE_COUNT": Label(NoAttrs, "zh_figures", "人均, 平均每 before a decimal count: an average per head"),
    "ZH_PER_BASE": Label(NoAttrs, "zh_figures", "每 right before a number: the base of a rate (每十万人口), no count"),
    "ZH_OPERATION_NAME": Label(NoAttrs, "zh_operations", "净网, 断卡, 昆仑: campaigns named unquoted before a head"),
    "ZH_OPERATION_UNQUOTED": Label(NoAttrs, "zh_operations", "春季…整治行动: an unquoted name with its season or 百日"),
    "ZH_LEVEL_AFTER": Label(NoAttrs, "zh_relations", "达到, 至, 升至 after a change: the amount after it is its level"),
}


def check_label(label: str, attrs: dict, registry: dict[str, Label] | None = None) -> str | None:
    """None when `label` is known and `attrs` fit its model, else the reason (naming what is allowed)."""
    registry = LABELS if registry is None else registry
    entry = registry.get(label)
    if entry is None:
        return f"unknown label {label!r} (known: {', '.join(sorted(registry))})"
    if entry.attrs is None:
        return None
    try:
        entry.attrs.model_validate(attrs)
    except ValidationError as err:
        return "; ".join(f"attrs.{'.'.join(map(str, e['loc'])) or ''}: {e['msg']}" for e in err.errors())
    return None
