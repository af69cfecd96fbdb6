"""The Chinese pipeline: new sentences in the style of Chinese releases, one table per family."""

import json
import re

import pytest

from extractor.api import extract
from extractor.lang import detect_lang, resolve_lang
from extractor.lang.zh.glosses import without_glosses
from extractor.lang.zh.numerals import zh_number_value
from extractor.lang.zh.rules import load_zh_rows, zh_rules
from extractor.patterns import PatternFileError


def zh(text):
    rec = extract(text, "2024-06-30", lang="zh")
    assert rec.lang == "zh"
    assert all(text[f.start : f.end] == f.text for f in rec.facts)
    return rec


def only(rec, kind):
    return [f for f in rec.facts if f.kind == kind]


COUNTS = [
    ("全市共侦破盗窃案件4213起。", "4213", 4213, "case", None),
    # the noun right after the measure word wins over a noun before the number; glosses of the genre's nouns
    ("全市法院56个集体和个人受到表彰。", "56", 56, "collective", None),
    ("全县11个临时卡点昼夜值守。", "11", 11, "checkpoint", None),
    ("派出警力900名、巡逻摩托140台。", "140", 140, "vehicle", None),
    ("出台优化营商环境的22条措施。", "22", 22, "measure", None),
    ("全县栽种树苗6万株。", "6万", 60000, "tree", None),
    ("全市排查消防安全隐患1870处。", "1870", 1870, "hazard", None),
    ("4个基层院与邻县检察院签署协议。", "4", 4, "procuratorate", None),
    # a numeral and its measure that end the phrase, or count a noun, stay counts
    ("全年共约谈村干部三次。", "三", 3, "time", None),
    ("全市开展5轮集中收网，抓获嫌疑人46名。", "5", 5, "round", None),
    ("案件共涉及9个罪名。", "9", 9, "charge", None),
    ("民警打掉两个犯罪团伙。", "两", 2, "gang", None),
    # a 名 with no noun counts what the 名 before it in the sentence counts
    ("共抓获犯罪嫌疑人3120名，已逮捕2045名，移送起诉1380名。", "2045", 2045, "suspect", None),
    ("收缴各类子弹3200余发。", "3200余", 3200, "bullet", "more_than"),
    ("查获走私船舶12艘。", "12", 12, "ship", None),
    ("冻结涉案银行卡1.6万张。", "1.6万", 16000, "card", None),
    ("共抓获犯罪嫌疑人2.7万名。", "2.7万", 27000, "suspect", None),
    ("检察机关起诉八千六百人。", "八千六百", 8600, "person", None),
    ("累计查处违法企业三十余家，涉及员工一百二十人。", "三十余", 30, "enterprise", "more_than"),
    ("先后处理1.8万余人次。", "1.8万余", 18000, "person-time", "more_than"),
    ("一年来办结行政案件近5千件。", "5千", 5000, "case", "nearly"),
    ("收到群众举报线索约640条。", "640", 640, "clue", "about"),
    ("打掉犯罪团伙逾百个，抓获嫌疑人4,530人。", "4,530", 4530, "person", None),
    ("关停违规网站平台1200家以上。", "1200", 1200, "website", "over"),
    ("全年審結刑事案件兩萬三千件。", "兩萬三千", 23000, "case", None),
    ("对十名在逃人员发布通缉令。", "十", 10, "person", None),
    ("警方偵破詐騙案件3千餘宗。", "3千餘", 3000, "case", "more_than"),
    # yearbooks group thousands by spaces, and some sites set a space before the measure word
    ("全年共受理各类案件 18 306件，同比上升4.1%。", "18 306", 18306, "case", None),
    ("审结一审刑事案件 2 941 件。", "2 941", 2941, "case", None),
    ("受理申诉 57 件。", "57", 57, "case", None),
    ("共抓获犯罪嫌疑人1.6万余名。", "1.6万余", 16000, "suspect", "more_than"),
    ("打掉犯罪团伙三百余万个。", "三百余万", 3_000_000, "gang", "more_than"),
    # a space before the scale character, or after the word of approximation
    ("全年接待来访群众超过 420 万人次。", "420 万", 4_200_000, "person-time", "more_than"),
    ("追回涉案车辆 1.3 万辆。", "1.3 万", 13000, "vehicle", None),
    # a scale character alone is a figure with a word of approximation: 逾百万, 近千, 千余
    ("全省法院审结案件逾百万件。", "百万", 1_000_000, "case", "more_than"),
    ("当天共有近千名群众参加。", "千", 1000, "person", "nearly"),
    ("专项行动中教育挽救千余名青少年。", "千余", 1000, "person", "more_than"),
    # 万 and 亿 alone are one of them (近万人 was read as 0); 过 and 上 bound a scale alone
    ("当天共有近万名群众参加。", "万", 10000, "person", "nearly"),
    ("3个县法院新收案件均过万件。", "万", 10000, "case", "more_than"),
    ("全年接待上万人次。", "万", 10000, "person-time", "more_than"),
    # nouns a 件 or 名 count is of
    ("警方抓獲3.4萬名疑犯。", "3.4萬", 34000, "suspect", None),
    ("该市开设30个维持治疗门诊。", "30", 30, "clinic", None),
    # a case counted by its source stays a case
    ("立案侦查的案件中，群众举报4867件。", "4867", 4867, "case", None),
    # measure words of items and occasions
    ("巡察中发现突出问题27项。", "27", 27, "item", None),
    ("对相关负责人约谈63次。", "63", 63, "time", None),
    ("全年共有27篇论文获奖。", "27", 27, "article", None),
    ("全市员额检察官人均办理案件64.8件。", "64.8", 64.8, "case", None),
    # the noun says what is counted, before the figure or up to ten characters after its measure word
    ("对违法行为提出纠正意见2.4万件次。", "2.4万", 24000, "opinion", None),
    ("共打掉1个跨省贩卖野生动物犯罪团伙。", "1", 1, "gang", None),
    ("查获走私卷烟5000万支。", "5000万", 50_000_000, "cigarette", None),
    ("拦截涉诈电话86万次。", "86万", 860000, "call", None),
    ("排查整治治安乱点31处。", "31", 31, "spot", None),
    ("收缴管制刀具208把。", "208", 208, "knife", None),
    ("全市11个区县的破案数均上升。", "11", 11, "county", None),
    ("已制发检察建议书41份。", "41", 41, "suggestion", None),
]


@pytest.mark.parametrize("text, span, value, unit, approx", COUNTS, ids=[c[1] for c in COUNTS])
def test_counts(text, span, value, unit, approx):
    (fact,) = [f for f in only(zh(text), "count") if f.text == span]
    assert (fact.value, fact.unit, fact.approx) == (value, unit, approx)


@pytest.mark.parametrize(
    "text",
    [
        "各地统一部署，进一步加强一批重点工作。",
        "这是第五次专项检查。",
        "行动一起推进，万一出现问题立即上报。",
        "平安建设走进千家万户，百日攻坚再出发。",
        "这是一次性解决历史遗留问题的一项举措。",
        "查获涉案物品2.5件。",
        "全省常住人口约8000万。",
        "开展为期6个月的严打整治行动，全县连续5年3个月无命案。",
        "全市工作呈现“三个提升”“两个下降”的良好态势。",
        # a one-character numeral before 项, 次, 部门, 类 and a word it modifies: a slogan, a policy, a grouping
        "全市检察机关着力推进“惩腐、治乱、护民”三项重点工作。",
        "全省禁毒工作呈现“两个持续下降、一个稳步上升”的态势。",
        "随着六部门联合开展整治，非法采砂案件同比下降9%。",
        "团伙骗取贷款后二次转贷牟利，民警先后开展了四次集中排查。",
        "专案组先后组织两轮集中行动。",
        # a quoted title of a set of measures
        "市政府印发支持小微企业的“12条措施”。",
    ],
)
def test_words_with_number_characters_are_no_counts(text):
    assert only(zh(text), "count") == []


PERCENTAGES = [
    ("受理案件1.6万件，同比上升12.5%。", "12.5%", "change", "up", "year_on_year", False),
    ("批捕人数比去年同期下降3.2%。", "3.2%", "change", "down", "year_on_year", False),
    ("结案数环比增长7%。", "7%", "change", "up", "previous_period", False),
    ("结案率同比提高2.4个百分点。", "2.4个百分点", "change", "up", "year_on_year", True),
    ("起诉人数減少了6.1%。", "6.1%", "change", "down", "none", False),
    ("女性被告人占全部被告人的8.3%。", "8.3%", "share", None, None, False),
    # a change word before 到/至 gives the level reached: a rate when a rate is named, and each item of a list
    ("全市法院调解撤诉率提高到58.4%。", "58.4%", "rate", None, None, False),
    ("一审服判息诉率和当庭裁判率分别提升至91.3%和64.8%。", "64.8%", "rate", None, None, False),
    ("结案率和调撤率分别提高1.7%和2.9%。", "2.9%", "change", "up", "none", False),
    ("群众满意率96.2%，高出2020年2.7个百分点。", "2.7个百分点", "change", "up", "named_year", True),
    ("不起诉率为11.7%。", "11.7%", "rate", None, None, False),
    ("诈骗案件同比上升超三成。", "三成", "change", "up", "year_on_year", False),
    ("受理案件较2021年下降9.6%。", "9.6%", "change", "down", "named_year", False),
    ("全市法院立案率、结案率均超过90%。", "90%", "rate", None, None, False),
    ("调撤率保持96%以上。", "96%", "rate", None, None, False),
    ("与2019年相比，起诉人数增长15%。", "15%", "change", "up", "named_year", False),
]


@pytest.mark.parametrize(
    "text, span, value",
    [("全市刑事案件发案率为万分之12.5。", "万分之12.5", 0.125), ("审结案件同比增长近两成。", "两成", 20)],
    ids=["per-ten-thousand", "tenths"],
)
def test_percentages_written_as_tenths_or_per_ten_thousand(text, span, value):
    (fact,) = only(zh(text), "percentage")
    assert (fact.text, fact.value) == (span, value)


@pytest.mark.parametrize("text, span, role, direction, basis, points", PERCENTAGES, ids=[p[1] for p in PERCENTAGES])
def test_percentages(text, span, role, direction, basis, points):
    (fact,) = [f for f in only(zh(text), "percentage") if f.text == span]
    assert (fact.role, fact.direction, fact.basis, fact.points) == (role, direction, basis, points)


def test_a_bare_change_after_a_clause_with_its_basis_takes_that_basis():
    # '同比减少120起，下降4.5%' says year on year once for both (as zh-dev's gold reads it); a sentence of its own
    # names none ('分别下降了' without 同比 stays none)
    rec = zh("立案数同比减少120起，下降4.5%。")
    (pct,) = only(rec, "percentage")
    assert (pct.direction, pct.basis) == ("down", "year_on_year")
    (other,) = only(zh("立案数同比减少120起。破案数下降4.5%。"), "percentage")
    assert other.basis == "none"


@pytest.mark.parametrize(
    "text, bases",
    [
        # another percentage's own 同比 is not carried to the next clause's change (the Chinese conventions)
        ("全市查处走私案件数同比上升22.4%，案值增长9.1%。", ["year_on_year", "none"]),
        # a comparison of its own clause opens every change of the sentence
        ("与去年同期相比，受理增加90件，上升8.8%，审结增加41件，上升4.2%。", ["year_on_year", "year_on_year"]),
    ],
)
def test_a_basis_is_carried_only_from_a_clause_without_a_percentage(text, bases):
    assert [p.basis for p in only(zh(text), "percentage")] == bases


MONEY = [
    ("其中千万元以上案件14起。", "千万元", 10_000_000, "CNY"),
    # an amount in 万/亿 after a word for a sum of money, its 元 left out (headlines)
    ("破获走私案件86起 涉案案值超12亿", "12亿", 1_200_000_000, "CNY"),
    ("为群众挽回经济损失3400万。", "3400万", 34_000_000, "CNY"),
    # the approximation before the scale ('1200余万元'), and a currency named before the figure
    ("挽回经济损失1300余万元。", "1300余万元", 13_000_000, "CNY"),
    ("涉案资金二十多亿元。", "二十多亿元", 2_000_000_000, "CNY"),
    ("查扣赃款港币3500万元。", "3500万元", 35_000_000, "HKD"),
    ("涉案金额达3.6亿元。", "3.6亿元", 360_000_000, "CNY"),
    ("涉案金额逾亿元。", "亿元", 100_000_000, "CNY"),
    ("挽回经济损失850万元。", "850万元", 8_500_000, "CNY"),
    ("罚没款共计七百億元人民幣。", "七百億元人民幣", 70_000_000_000, "CNY"),
    ("折合约2100万美元。", "2100万美元", 21_000_000, "USD"),
    ("案值约十二億港元。", "十二億港元", 1_200_000_000, "HKD"),
]


@pytest.mark.parametrize("text, span, value, currency", MONEY, ids=[m[1] for m in MONEY])
def test_money(text, span, value, currency):
    (fact,) = only(zh(text), "money")
    assert (fact.text, fact.value, fact.currency) == (span, value, currency)


DATES = [
    # a year inside a title in 《》 is part of a name; the year after it is a date
    ("检察院发布《2023年度金融检察白皮书》，2023年共受理案件640件。", "2023年", "2023"),
    # a range of days, with 起 or its first 日 left out, is one period
    ("自4月8日起至7月31日，全市开展夏季整治。", "4月8日起至7月31日", "XXXX-04-08/XXXX-07-31"),
    ("警方从4月8至7月31日开展集中整治。", "4月8至7月31日", "XXXX-04-08/XXXX-07-31"),
    ("9月3日至18日，全省共破案210起。", "9月3日至18日", "XXXX-09-03/XXXX-09-18"),
    ("2022年4月8日起至7月31日，全市共破案90起。", "2022年4月8日起至7月31日", "2022-04-08/2022-07-31"),
    ("2019年4月1日至9月30日，全省共破案800起。", "2019年4月1日至9月30日", "2019-04-01/2019-09-30"),
    ("前8月全市海关查获走私案件90起。", "前8月", "XXXX-01/XXXX-08"),
    ("11月份，海关立案侦办案件12起。", "11月份", "XXXX-11"),
    ("2014年至2023年6月，全省共破案3000起。", "2014年至2023年6月", "2014/2023-06"),
    # a range across a year's end, both ends with their year, is one period
    ("2017年10月至2018年3月，全县共破获盗窃案件520余起。", "2017年10月至2018年3月", "2017-10/2018-03"),
    ("2022年12月至2023年2月份，海关查获案件40起。", "2022年12月至2023年2月份", "2022-12/2023-02"),
    # a dash as 至 after 今年
    ("今年1-9月，全县共破获盗窃案件210起。", "今年1-9月", "REL"),
    ("市公安局负责人今日介绍，全市共破案300起。", "今日", "REL"),
    ("2021年1月至11月，全省共破案300起。", "2021年1月至11月", "2021-01/2021-11"),
    ("2019年3至8月开展专项整治。", "2019年3至8月", "2019-03/2019-08"),
    ("1至5月，共查处案件80件。", "1至5月", "XXXX-01/XXXX-05"),
    ("截至2021年6月底，全省共立案800件。", "2021年6月底", "2021-06"),
    ("截止9月底，共抓获嫌疑人90名。", "9月底", "XXXX-09"),
    ("2021年前三季度，全省共破案300起。", "2021年前三季度", "2021-01/2021-09"),
    ("从前两季度的数据看，案件下降。", "前两季度", "XXXX-01/XXXX-06"),
    ("民警侦破一起19年前的命案积案。", "19年前", "REL"),
    ("上半年，检察机关共起诉500人。", "上半年", "REL"),
    ("今年以来，共抓获嫌疑人90名。", "今年以来", "REL"),
    ("与去年同期相比，案件减少了。", "去年同期", "REL"),
    ("去年11月至今年4月，共破获盗窃案件86起。", "去年11月至今年4月", "REL"),
    ("同年，共有7名民警受到表彰。", "同年", "REL"),
    ("当月共办结案件41件。", "当月", "REL"),
    ("2020年上半年全市受理案件900件。", "2020年上半年", "2020-H1"),
    # a quarter is its months, as 第1至3季 is read (the Chinese conventions)
    ("2018年第二季度办结案件70件。", "2018年第二季度", "2018-04/2018-06"),
    ("四季度共受理案件90件。", "四季度", "XXXX-10/XXXX-12"),
    ("3月15日，警方集中收网。", "3月15日", "XXXX-03-15"),
    ("2016年以来共办案200件。", "2016年以来", "2016"),
    ("截至2015年底，累计处理60人。", "2015年底", "2015-12"),
    ("2014至2018年，共办结案件500件。", "2014至2018年", "2014/2018"),
    ("第1至3季共立案1200件。", "第1至3季", "XXXX-01/XXXX-09"),
    ("警方周三通报，共抓获30人。", "周三", "REL"),
    # a month with no year before a verb, 以来 or a comma; 同日/当日; 同期 stays a period
    ("打击整治行动9月部署以来，共抓获嫌疑人86名。", "9月", "XXXX-09"),
    ("11月以来，全县共办结案件73件。", "11月以来", "XXXX-11"),
    ("市局于4月开展夏季攻势，破获案件41起。", "4月", "XXXX-04"),
    ("省法院同日通报了一批典型案例。", "同日", "REL"),
    ("当日共查获违法车辆35辆。", "当日", "REL"),
    ("同期受理行政诉讼案件208件。", "同期", "REL"),
    ("截至9月中旬，共查获走私案件77起。", "9月中旬", "XXXX-09"),
    ("本季度，全院共受理案件55件。", "本季度", "REL"),
    ("上季度共结案31件。", "上季度", "REL"),
    ("自年初起，全县共立案22件。", "年初", "REL"),
    ("一季度(即2024年12月28日至2025年3月27日)共立案19件。", "2024年12月28日至2025年3月27日", "2024-12-28/2025-03-27"),
    ("2022年3月上旬，警方集中收网。", "2022年3月上旬", "2022-03"),
]


# 同期 inside the name of a rate is no period; '3个月' is a duration, no month
@pytest.mark.parametrize(
    "text",
    [
        "发出检察建议210件，被建议单位同期回复率96.3%。",
        "督促涉案企业同期整改率达92%。",
        "为期3个月的专项行动结束。",
    ],
)
def test_no_date_in_a_rate_name_or_a_duration(text):
    assert only(zh(text), "date") == []


@pytest.mark.parametrize(
    "text, span, value",
    [
        # 同期 opening a clause is the period the clause is for, a rate after it or not
        ("共办理复查案件88件，同期上级法院改判率4.1%。", "同期", "REL"),
        ("受理案件1.6万件，同期调解率58.1%。", "同期", "REL"),
        ("结案率由往年的71%提高到80%。", "往年", "REL"),
        # a month before its own duration, and 前N月 with 个 left out
        ("仅9月一个月，全市就查处案件410起。", "9月", "XXXX-09"),
        ("今年前7月，全省共破获案件1250起。", "今年前7月", "REL"),
    ],
)
def test_periods_opening_a_clause_and_before_a_duration(text, span, value):
    dates = [f for f in only(zh(text), "date") if f.text == span]
    assert [d.value for d in dates] == [value]


def test_the_base_of_a_rate_per_population_is_no_count():
    assert only(zh("每十万人口盗窃案件发案数同比下降18%，每10万人口发案率为12.3。"), "count") == []


@pytest.mark.parametrize("text, span, value", DATES, ids=[d[1] for d in DATES])
def test_dates(text, span, value):
    dates = [f for f in only(zh(text), "date") if f.text == span]
    assert [d.value for d in dates] == [value]


def test_relative_dates_resolve_against_the_reference_date():
    (date,) = only(zh("去年全年共办案300件。"), "date")
    assert (date.value, date.relative, date.resolved) == ("REL", True, "2023")


OPERATIONS = [
    ("海关将继续开展“雷霆2022”缉私行动。", "雷霆2022", False),
    # a code of capitals naming a series of cases
    ("全年立案侦办“ZJ”系列走私案件9起。", "ZJ", True),
    # a stray closing mark, and a lead and head after 系列
    ("开展“2019亮剑行动’，破获案件60起。", "2019亮剑行动", False),
    ("组织开展“蓝剑”系列打击走私专项行动，查获案件41起。", "蓝剑", False),
    ("全省深入推进“蓝盾”攻坚行动，审结案件120件。", "蓝盾", False),
    # adjacent quoted names share the head after the last one, as names joined by 、 do
    ("组织开展“清风”“亮剑”等专项行动，打掉团伙12个。", "清风", False),
    ("组织开展“清风”“亮剑”等专项行动，打掉团伙12个。", "亮剑", False),
    ("持續開展「金盾」「鐵拳」系列專項行動。", "金盾", False),
    ("部署开展“护苗”“净边”等专项打击行动。", "护苗", False),
    ("全省开展“净网2023”专项行动，侦破案件90起。", "净网2023", False),
    ("在「雷霆」行动中抓获嫌疑人30名。", "雷霆", False),
    ("成功破获“8·17”特大诈骗案，涉案金额2亿元。", "8·17", True),
    ("持续推进“昆仑”与“蓝天”专项行动。", "昆仑", False),
]


@pytest.mark.parametrize("text, name, code", OPERATIONS, ids=[o[1] for o in OPERATIONS])
def test_operations(text, name, code):
    ops = {f.name: f for f in only(zh(text), "operation")}
    assert name in ops and ops[name].code is code and text[ops[name].start - 1] in "“「『"


def test_quoted_words_without_a_head_are_no_operations():
    assert only(zh("查获“冰毒”12公斤，整治“黄赌毒”问题。"), "operation") == []


def test_a_change_links_to_the_count_of_the_clause_before():
    rec = zh("全市受理案件5200件，同比上升8.4%。")
    (count,) = only(rec, "count")
    (pct,) = only(rec, "percentage")
    assert pct.of == count.id
    assert any(r.type == "link" and r.source == pct.id and r.target == count.id for r in rec.relations)


def test_a_change_after_a_difference_links_to_the_level_before_it():
    rec = zh("全市立抢劫案件460起，同比减少35起，下降7.1%。")
    pct = only(rec, "percentage")[0]
    assert rec.fact(pct.of).text == "460"


def test_respectively_without_figures_before_it_pairs_nothing():
    rec = zh("盗窃、诈骗案件分别下降了12.4%、6.3%和2.2%。")
    assert [r for r in rec.relations if r.type == "respectively"] == []


@pytest.mark.parametrize(
    "text",
    ["受理案件900件，同比增加60件。其中，刑事案件300件。", "结案500件，与上年同比增加40件，其中民事案件200件。"],
    ids=["opening-sentence", "mid-sentence"],
)
def test_of_which_never_takes_a_difference_as_its_whole(text):
    rec = zh(text)
    wholes = [rec.fact(r.whole).text for r in rec.relations if r.type == "part_of"]
    assert "60" not in wholes and "40" not in wholes


def test_respectively_pairs_changes_with_figures_in_order():
    rec = zh("共立案侦查走私案件320起、案值45亿元，同比分别增长6.5%、12.1%。")
    (rel,) = [r for r in rec.relations if r.type == "respectively"]
    items = [rec.fact(i).text for i in rel.items]
    quals = [rec.fact(i).text for i in rel.qualifiers]
    assert (items, quals, rel.aligned) == (["320", "45亿元"], ["6.5%", "12.1%"], True)
    assert [rec.fact(q).of for q in rel.qualifiers] == rel.items


@pytest.mark.parametrize(
    "text, whole, parts",
    [
        ("共批准逮捕犯罪嫌疑人900人，其中未成年人45人、外籍人员12人。", "900", ["45", "12"]),
        ("全年受理信访举报3.2万件次。其中，检举控告类1.1万件次。", "3.2万", ["1.1万"]),
        ("共处分干部8.1万人，其中党纪处分6万人；另有县处级干部400人。", "8.1万", ["6万"]),
        ("全年立盗窃案件9000起。其中，入户盗窃1200起；扒窃650起。", "9000", ["1200", "650"]),
        ("在这些案件中，涉及金额巨大的案件有85件。", None, []),
    ],
    ids=["same-sentence", "next-sentence", "mid-sentence-stops-at-semicolon", "opening-runs-to-full-stop", "no-whole"],
)
def test_of_which_makes_parts_of_the_count_before(text, whole, parts):
    rec = zh(text)
    found = [(rec.fact(r.part).text, rec.fact(r.whole).text) for r in rec.relations if r.type == "part_of"]
    assert found == [(p, whole) for p in parts]


def test_of_which_after_a_pair_takes_the_whole_of_the_parts_unit():
    rec = zh("立案侦查渎职案件40件52人，其中重大案件15件。")
    (rel,) = [r for r in rec.relations if r.type == "part_of"]
    assert (rec.fact(rel.part).text, rec.fact(rel.whole).text) == ("15", "40")


def test_the_audit_runs_unchanged_on_chinese_records():
    from extractor.checks import audit

    rec = zh("全市受理案件200件，其中盗窃案件150件，占75%。")
    findings = audit(rec)
    assert any(f.status == "consistent" for f in findings)


@pytest.mark.parametrize(
    "text, value",
    [
        ("31.6万", 316000),
        ("十五万五千", 155000),
        ("二百零七", 207),
        ("两千", 2000),
        ("3亿", 300_000_000),
        ("一万二千", 12000),
        ("1万2千", 12000),
        ("4万亿", 4 * 10**12),
    ],
)
def test_numerals(text, value):
    rules = zh_rules()
    assert zh_number_value(text, rules.digits(), rules.scales()) == value


@pytest.mark.parametrize(
    "text, lang",
    [
        ("The police solved 1,200 cases in 2023, up 5 percent.", "en"),
        ("今年以来全市公安机关共破获刑事案件一千二百起。", "zh"),
        ("Figures: 破获 cases 1,200 in the city of Harbin during the year", "en"),
    ],
)
def test_language_is_detected_from_the_script(text, lang):
    assert detect_lang(text) == lang


def test_a_bad_language_is_named():
    with pytest.raises(ValueError, match="'fr' is not one of auto, en, zh"):
        resolve_lang("fr", "text")


def test_tokens_keep_numerals_codes_and_latin_runs_whole():
    from extractor.api import cached_zh_pipeline

    text = "破获案件31.6万起，“5·13”专案涉及App 2.9万多个。"
    doc = cached_zh_pipeline().make_doc(text)
    assert doc.text == text
    assert {"31.6万", "5·13", "App", "2.9万多"} <= {t.text for t in doc}


def test_a_bad_chinese_rule_is_named_with_file_and_line(tmp_path):
    (tmp_path / "units.jsonl").write_text(
        '{"id": "zh_unit-measure-001", "label": "ZH_MEASURE", "pattern": "人", "attrs": {"unit": "person"}}\n'
        '{"id": "zh_unit-measure-002", "label": "ZH_MEASURE", "pattern": "件", "attrs": {"unti": "case"}}\n',
        encoding="utf-8",
    )
    with pytest.raises(
        PatternFileError,
        match=re.escape("units.jsonl:2: zh_unit-measure-002: attrs.unit: Field required; attrs.unti: Extra"),
    ):
        load_zh_rows(tmp_path)


def test_every_bundled_chinese_row_loads():
    assert {row.label for row in load_zh_rows()} >= {"ZH_MEASURE", "ZH_DATE", "ZH_VARIANT", "ZH_PERCENT"}


def test_cli_lang_option_and_jsonl_field(cli, tmp_path):
    text = "全市共破获案件300起，同比上升5%。"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    rows = [
        {"id": "d1", "text": text},
        {"id": "d2", "text": text, "lang": "en"},
        {"id": "d3", "text": text, "lang": "fr"},
    ]
    (tmp_path / "b.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    auto = [json.loads(line) for line in cli("extract", tmp_path / "a.txt").stdout.splitlines()]
    forced = [json.loads(line) for line in cli("extract", tmp_path / "a.txt", "--lang", "en").stdout.splitlines()]
    assert auto[0]["lang"] == "zh" and len(auto[0]["facts"]) == 2
    assert forced[0]["lang"] == "en"
    result = cli("extract", tmp_path / "b.jsonl")
    recs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r.get("lang") for r in recs[:2]] == ["zh", "en"]
    assert recs[2]["reason"] == "language 'fr' is not one of auto, en, zh" and result.exit_code == 1
    assert cli("extract", tmp_path / "a.txt", "--lang", "fr").exit_code == 2


@pytest.mark.parametrize(
    "text, share, whole",
    [
        ("全年处理违纪人员4.5万人次。其中，批评教育2.7万人次，占60%。", "60%", "4.5万"),
        ("共立案贪污案件120件150人，查处的干部中有30名县处级干部，占总人数的20%。", "20%", "150"),
    ],
    ids=["breakdown", "of-the-total"],
)
def test_a_share_takes_the_whole_its_wording_names(text, share, whole):
    rec = zh(text)
    (pct,) = [f for f in only(rec, "percentage") if f.text == share]
    assert rec.fact(pct.whole).text == whole


def test_a_share_with_no_whole_in_its_wording_has_none():
    rec = zh("受理案件800件，占40%。")
    (pct,) = only(rec, "percentage")
    assert pct.whole is None and pct.of is not None


def pairs_of(rec, kind="part_of"):
    return [(rec.fact(r.part).text, rec.fact(r.whole).text) for r in rec.relations if r.type == kind]


@pytest.mark.parametrize(
    "text, rate, numerator, denominator",
    [
        (
            "全省共批准逮捕犯罪嫌疑人2.4万人，同比下降3%；不批准逮捕9000人，不捕率27.3%。",
            "27.3%",
            "9000",
            ["2.4万", "9000"],
        ),
        (
            "受理审查起诉1.5万人，决定起诉1.1万人；决定不起诉2600人，不起诉率19.1%。",
            "19.1%",
            "2600",
            ["1.1万", "2600"],
        ),
        ("该院受理民事案件640件，结案512件，结案率为80%。", "80%", "512", ["640"]),
        ("全市檢察機關批准逮捕1200人，不捕300人，不捕率20%。", "20%", "300", ["1200", "300"]),
    ],
    ids=["non-arrest", "non-prosecution-not-the-received", "closure", "traditional"],
)
def test_named_rates_take_their_counts_from_the_definitions_file(text, rate, numerator, denominator):
    rec = zh(text)
    (rel,) = [r for r in rec.relations if r.type == "rate"]
    assert rec.fact(rel.rate).text == rate
    assert rec.fact(rel.numerator).text == numerator
    assert [rec.fact(d).text for d in rel.denominator] == denominator
    assert rel.pattern_id.startswith("rates-zh_")


def test_a_rate_whose_counts_are_in_another_sentence_has_no_relation():
    rec = zh("全省共批准逮捕犯罪嫌疑人2.4万人。据统计，全年不捕率为27.3%。")
    assert [r for r in rec.relations if r.type == "rate"] == []


def test_the_audit_recomputes_a_chinese_named_rate():
    from extractor.checks import audit

    rec = zh("该院受理民事案件640件，结案512件，结案率为70%。")
    (finding,) = [f for f in audit(rec) if f.check == "named_rate"]
    assert finding.status == "inconsistent"


@pytest.mark.parametrize(
    "text, parts",
    [
        (
            "全院受理案件2100件，结案1500件。与上年同比，受案增加80件，结案增加55件。其中：受理刑事案件300件，"
            "结案210件；受理民事案件1200件，结案950件。",
            [("300", "2100"), ("210", "1500"), ("1200", "2100"), ("950", "1500")],
        ),
        ("共受理各类案件980件(旧存120件)，结案700件。", [("120", "980")]),
        ("全年受理案件2 310件（上年2 045件），审结2 004件（旧存168件）。", [("168", "2 004")]),
        ("办结案件640件（其中调解结案230件、撤诉110件），结案率78%。", [("230", "640"), ("110", "640")]),
        ("查办的处级干部中有26名女性干部。全市共查处干部300人，查处的干部中有26名女性干部。", [("26", "300")]),
        ("全年破获毒品案件410起，抓获嫌疑人520名。上述案件中，跨省案件有90起。", [("90", "410")]),
        ("民警共抓获犯罪嫌疑人73名，包括在逃人员9名。", [("9", "73")]),
        ("民警抓获包括9名在逃人员在内的犯罪嫌疑人73名。", [("9", "73")]),
    ],
    ids=[
        "same-action-two-sentences-back",
        "bracket",
        "bracket-of-another-period-is-no-part",
        "bracket-after-a-rate",
        "zhong-you",
        "refers-back",
        "including",
        "including-before-the-whole",
    ],
)
def test_a_part_takes_the_whole_its_wording_names(text, parts):
    assert pairs_of(zh(text)) == parts


def test_a_threshold_is_neither_part_nor_whole():
    rec = zh("立案侦查渎职案件18件25人，其中造成死亡3人以上、经济损失50万元以上的特大案件7件。")
    assert pairs_of(rec) == [("7", "18")]


def test_an_in_addition_ends_a_breakdown():
    rec = zh("全省共审查立案5.2万件；其中厅局级干部120人、县处级干部900人；此外，立案审查村干部6000人。")
    assert ("6000", "5.2万") not in pairs_of(rec)
    assert ("900", "5.2万") in pairs_of(rec)


def test_parallel_sentences_carry_a_breakdown_on():
    rec = zh(
        "全年处理违纪党员3.5万人次。其中，给予警告处理2万人次；给予严重警告处理1万人次。\n\n"
        "给予撤职处理4000人次；给予开除处理1000人次。"
    )
    assert [p for p, w in pairs_of(rec)] == ["2万", "1万", "4000", "1000"]


def sums_of(rec):
    return [([rec.fact(p).text for p in r.parts], rec.fact(r.total).text) for r in rec.relations if r.type == "sum"]


@pytest.mark.parametrize(
    "text, parts, total",
    [
        ("去年全省破获盗窃案件300起、诈骗案件200起，共计500起。", ["300", "200"], "500"),
        ("两地海关查获走私香烟案件45起、走私成品油案件30起，合计75起。", ["45", "30"], "75"),
        (
            "共受理举报线索1000件，其中：群众来信500件，占50%；上级交办300件，占30%；其他来源200件，占20%。",
            ["500", "300", "200"],
            "1000",
        ),
        (
            "被处分者有2.1万人，其中党纪处分1.6万人、政务处分8000人；被处分县处级干部300人，"
            "乡科级干部2700人，其他人员1.8万人。",
            ["300", "2700", "1.8万"],
            "2.1万",
        ),
        (
            "全年运用“三种形态”处理1.2万人次。其中，运用第一种形态处理8000人次；运用第二种形态处理3000人次；"
            "运用第三种形态处理1000人次。",
            ["8000", "3000", "1000"],
            "1.2万",
        ),
    ],
    ids=["gong-ji", "he-ji", "semicolon-list-ending-in-other", "one-group-ending-in-other", "all-n-kinds"],
)
def test_sums_the_wording_says_are_complete(text, parts, total):
    assert sums_of(zh(text)) == [(parts, total)]


@pytest.mark.parametrize(
    "text",
    [
        "全市破获盗窃案件300起、诈骗案件200起，其中电信诈骗案件120起。",
        "全年运用“四种形态”处理1.2万人次。其中，运用第一种形态处理8000人次；运用第二种形态处理3000人次。",
        "共计抓获犯罪嫌疑人86名，其中女性11名。",
    ],
    ids=["no-cue", "not-all-kinds", "total-first"],
)
def test_no_sum_without_wording_that_it_is_complete(text):
    assert sums_of(zh(text)) == []


@pytest.mark.parametrize(
    "text, ops",
    [
        (
            "公安部部署开展“打击治理跨境赌博犯罪专项行动”（以下简称“断赌行动”），“断赌行动”开展以来成效明显。",
            [("打击治理跨境赌博犯罪专项行动", None), ("断赌行动", 0), ("断赌行动", None)],
        ),
        ("海关开展“国门守护2024”联合专项行动（简称“国门守护”）。", [("国门守护2024", None), ("国门守护", 0)]),
        ("全省开展《护苗2024》专项行动，发放《未成年人保护法》宣传册。", [("护苗2024", None)]),
        ("民警破获“9·21”系列案后，又在“9·21”案中追缴赃款。", [("9·21", None), ("9·21", None)]),
        ("开展打击“盗抢骗”和“春雷”等专项行动。", [("春雷", None)]),
    ],
    ids=["alias", "alias-short-cue", "book-title-brackets", "later-mention", "crime-category-after-fight"],
)
def test_operations_aliases_and_mentions(text, ops):
    rec = zh(text)
    found = only(rec, "operation")
    index = {f.id: n for n, f in enumerate(found)}
    assert [(f.text, index.get(f.alias_of)) for f in found] == ops


@pytest.mark.parametrize(
    "text, change, target",
    [
        ("全省不捕率为24.6%，同比增加3.2个百分点。", "3.2个百分点", "24.6%"),
        ("该院结案率为81.5%。与上年同比，受案增加40件，结案率下降了1.8个百分点。", "1.8个百分点", "81.5%"),
        ("受理案件900件，同比上升4个百分点。", "4个百分点", None),
    ],
    ids=["percentage-before", "rate-named-in-its-clause", "never-a-count"],
)
def test_a_change_in_points_is_a_change_of_a_percentage(text, change, target):
    rec = zh(text)
    (pct,) = [f for f in only(rec, "percentage") if f.text == change]
    assert (rec.fact(pct.of).text if pct.of else None) == target


@pytest.mark.parametrize(
    "text, change, target",
    [
        ("全院受理案件1500件，结案1200件。与上年同比，结案增加60件，上升5.3%。", "5.3%", "1200"),
        ("受理执行案件600件，结案450件，结案率为75%，结案数同比上升8.2%。", "8.2%", "450"),
    ],
    ids=["difference-then-change", "count-named-by-its-action"],
)
def test_a_change_takes_the_level_of_the_action_it_names(text, change, target):
    rec = zh(text)
    (pct,) = [f for f in only(rec, "percentage") if f.text == change]
    assert rec.fact(pct.of).text == target


def test_the_chinese_sample_reads_with_its_links():
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "samples-zh" / "procuratorate-2024.txt"
    text = path.read_text(encoding="utf-8")
    rec = extract(text)
    assert rec.lang == "zh"
    (rate,) = [r for r in rec.relations if r.type == "rate"]
    assert (rec.fact(rate.rate).text, rec.fact(rate.numerator).text) == ("31.1%", "9.6万")
    assert pairs_of(rec) == [("1200余", "3.8万"), ("8500", "6.2万"), ("5.3万", "6.2万")]
    assert [f.text for f in only(rec, "operation")] == ["断卡"]


def test_a_share_naming_its_whole_by_action_keeps_its_part():
    rec = zh("共立案侦查案件400件，在这些案件中，涉案金额较大的案件有300件，占立案数的75%。")
    (pct,) = only(rec, "percentage")
    assert (rec.fact(pct.of).text, rec.fact(pct.whole).text) == ("300", "400")


@pytest.mark.parametrize(
    "text, name",
    [
        ("自净网专项行动开展以来，破获网络犯罪案件52起。", "净网"),
        ("全市扎实推进打非治违斗争，办结线索300件。", "打非治违"),
        ("深入开展昆仑2024专项行动。", "昆仑2024"),
    ],
    ids=["before-a-head", "before-douzheng", "with-its-year"],
)
def test_recurring_campaigns_unquoted_before_a_head(text, name):
    assert [f.text for f in only(zh(text), "operation")] == [name]


def test_a_campaign_word_without_a_head_is_no_operation():
    assert only(zh("加强网络净网工作，守护清朗网络空间。"), "operation") == []


@pytest.mark.parametrize(
    "text, whole, parts",
    [
        (
            "去年，全省海关立案偵(zhēn)辦走私案件1200起，同比增長(zhǎng)8.1%，其中偵(zhēn)辦涉稅走私案件700起；"
            "偵(zhēn)辦非涉稅走私案件500起。",
            "1200",
            ["700", "500"],
        ),
        ("全市法院受(shòu)理案件3.6万件，其中刑事案件4200件。", "3.6万", ["4200"]),
    ],
    ids=["glosses-around-verbs", "gloss-before-the-whole"],
)
def test_a_breakdown_reads_through_pinyin_glosses(text, whole, parts):
    rec = extract(text, "2024-06-30", lang="zh")
    by_id = {f.id: f for f in rec.facts}
    found = [(by_id[r.part].text, by_id[r.whole].text) for r in rec.relations if r.type == "part_of"]
    assert found == [(p, whole) for p in parts]
    assert all(text[f.start : f.end] == f.text for f in rec.facts)


def _glosses():
    return [pattern for pattern, _ in zh_rules().regexes["ZH_GLOSS"]]


@pytest.mark.parametrize(
    "text, reading",
    [
        ("立案偵(zhēn)辦案件", "立案偵辦案件"),
        ("“藍(lán)天2018”專項行(xíng)動(dòng)", "“藍天2018”專項行動"),
        ("受（shòu）理", "受理"),
        ("本办法第三条(a)项规定", "本办法第三条(a)项规定"),  # no tone mark: an item letter
        ("见附件(ii)：受理36件", "见附件(ii)：受理36件"),
        ("the gloss (zhēn) after a Latin word", "the gloss (zhēn) after a Latin word"),  # after no character
    ],
    ids=["one", "several", "full-width-brackets", "item-letter", "roman-numeral", "after-latin"],
)
def test_pinyin_glosses_are_cut_from_the_reading_and_offsets_map_back(text, reading):
    r = without_glosses(text, _glosses())
    assert r.text == reading
    for i, ch in enumerate(r.text):
        assert text[r.start(i)] == ch
        assert r.end(i + 1) == r.start(i) + 1  # a span ending on a glossed character leaves its gloss out


@pytest.mark.parametrize(
    "text, span, unit",
    [
        ("先後實施5輪次集中打擊。", "5", "round"),  # 輪 is read as 轮
        ("查獲走私車輛36輛。", "36", "vehicle"),  # 輛 as 辆
        ("抓獲犯罪嫌疑人1.2萬名。", "1.2萬", "suspect"),
    ],
    ids=["lun-ci", "liang", "wan-ming"],
)
def test_traditional_characters_are_read_through_the_full_variant_table(text, span, unit):
    rec = extract(text, "2024-06-30", lang="zh")
    counts = [(f.text, f.unit) for f in rec.facts if f.kind == "count"]
    assert counts == [(span, unit)]


@pytest.mark.parametrize(
    "text, span, unit",
    [
        ("共检查出入境交通工具12.6万辆次。", "12.6万", "vehicle"),
        ("检查出入境飞机2.1万架次。", "2.1万", "aircraft"),
        ("查验列车3200列次。", "3200", "train"),
    ],
)
def test_measure_words_of_crossings(text, span, unit):
    (count,) = [f for f in only(zh(text), "count") if f.text == span]
    assert count.unit == unit


@pytest.mark.parametrize(
    "text, span, unit",
    [
        # the noun after 个 names the unit, for the places and bodies releases count
        ("巡视组进驻31个省区市和52个中央和国家机关。", "31", "province"),
        ("巡视组进驻31个省区市和52个中央和国家机关。", "52", "agency"),
        ("检查组抽查食品生产厂点86个、规模以上企业27家。", "27", "enterprise"),
        ("全市设1个主会场和9个分会场。", "9", "venue"),
        ("全省有23个县(市)实现命案全破。", "23", "county"),
        # 人员 after a count of suspects in the same sentence counts people
        ("共抓获犯罪嫌疑人715名，劝返在逃人员64名。", "64", "person"),
    ],
)
def test_units_of_places_bodies_and_people(text, span, unit):
    (count,) = [f for f in only(zh(text), "count") if f.text == span]
    assert count.unit == unit


def test_bijiang_bisheng_are_changes_year_on_year():
    pcts = only(zh("盗窃案件、诈骗案件分别比降9.4%、3.3%，破案数比升7%。"), "percentage")
    assert [(p.role, p.direction) for p in pcts] == [("change", "down"), ("change", "down"), ("change", "up")]
    assert {p.basis for p in pcts} == {"year_on_year"}


@pytest.mark.parametrize(
    "text, kept",
    [
        ("今年全县治安形势呈现“三个下降、一个98%”的特点，共破获案件120起。", ["120"]),
        ("全市实现“两个零发生、三个100%”目标，抓获嫌疑人45名。", ["45"]),
    ],
)
def test_figures_of_a_slogan_counted_by_ge_are_no_figures(text, kept):
    rec = zh(text)
    assert [f.text for f in rec.facts if f.kind in ("count", "percentage")] == kept


@pytest.mark.parametrize(
    "text, span, value",
    [
        # a decimal written in number words before its scale: each digit after 點/点
        ("案值二十六點四八億元。", "二十六點四八億元", 2648000000),
        ("涉案金额五点零七亿元。", "五点零七亿元", 507000000),
    ],
)
def test_money_with_a_decimal_in_number_words(text, span, value):
    (money,) = only(zh(text), "money")
    assert (money.text, money.value) == (span, value)


@pytest.mark.parametrize(
    "text, span, value",
    [
        # a year in number characters with its zero written as a digit or a circle
        ("二0一八年，全市共破获案件720起。", "二0一八年", "2018"),
        ("二○二二年，該局共偵辦案件41宗。", "二○二二年", "2022"),
        # the first or last months of a named year, one period
        ("2022年前5个月，全省共立案860件。", "2022年前5个月", "2022-01/2022-05"),
        ("部署2024年后8个月的工作。", "2024年后8个月", "2024-05/2024-12"),
    ],
)
def test_number_character_years_and_the_edge_months_of_a_year(text, span, value):
    dates = [f for f in only(zh(text), "date") if f.text == span]
    assert [d.value for d in dates] == [value]
