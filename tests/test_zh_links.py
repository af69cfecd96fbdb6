"""Chinese links from wording and structure, one table per family of phrasing: parts (其中, …案件中), sums,
分别 lists, shares, named rates. New sentences in the style of Chinese releases, none from a corpus."""

import pytest

from extractor.api import extract
from extractor.checks import audit


def zh(text):
    rec = extract(text, "2024-06-30", lang="zh")
    assert all(text[f.start : f.end] == f.text for f in rec.facts)
    return rec


def parts_of(rec):
    return [(rec.fact(r.part).text, rec.fact(r.whole).text) for r in rec.relations if r.type == "part_of"]


def sums_of(rec):
    return [([rec.fact(p).text for p in r.parts], rec.fact(r.total).text) for r in rec.relations if r.type == "sum"]


def of(rec, text):
    (fact,) = [f for f in rec.facts if f.text == text]
    return rec.fact(fact.of).text if fact.of else None


def inconsistent(rec):
    return [f for f in audit(rec) if f.status == "inconsistent"]


@pytest.mark.parametrize(
    "text, numerator, denominator",
    [
        ("经审查批准逮捕120件150人，不批准逮捕30件50人，不捕率为25%。", "50", ["150", "50"]),
        ("全年决定起诉410件522人，决定不起诉36件58人，不诉率为10%。", "58", ["522", "58"]),
        ("該院批准逮捕88件97人，不批准逮捕12件23人，不捕率19.2%。", "23", ["97", "23"]),
        # a bracket saying conditional ones are in it keeps the count the numerator; 附条件不起诉 alone does not
        ("提起公诉305件380人；不起诉（含附条件）41件52人；不诉率12.0%。", "52", ["380", "52"]),
        ("附条件不起诉17人，决定起诉300人，决定不起诉60人，不诉率16.7%。", "60", ["300", "60"]),
        # a rate named for cases, and a rate of closing, are worked out from the cases of a pair
        ("全年受理案件560件655人，结案512件601人，案件结案率91.4%。", "512", ["560"]),
        ("全年受理案件480件590人，结案430件540人，结案率89.6%。", "430", ["480"]),
    ],
    ids=["non-arrest", "non-prosecution", "traditional", "conditional-in-bracket", "conditional-alone", "cases-rate",
         "closure-of-cases"],
)
def test_the_second_count_of_a_pair_keeps_the_action_of_the_first(text, numerator, denominator):
    rec = zh(text)
    (rel,) = [r for r in rec.relations if r.type == "rate"]
    assert rec.fact(rel.numerator).text == numerator
    assert [rec.fact(d).text for d in rel.denominator] == denominator


@pytest.mark.parametrize(
    "text",
    [
        "今年1至9月，全区法院新收案件3.2万件，同比上升6.1%；结案2.5万件，同比上升4.4%；结案率为71.3%。",
        "全院新收各类案件5120件，结案4380件，结案率81.2%。",
    ],
    ids=["national-shape", "one-court"],
)
def test_a_closure_rate_after_new_cases_has_no_relation(text):
    # 结案率 is over the cases on hand (旧存 + 新收): the new cases alone are not its base
    assert [r for r in zh(text).relations if r.type == "rate"] == []


@pytest.mark.parametrize(
    "text, parts",
    [
        (
            "全年共受理各类案件8 640件（不含上年旧存1 120件），同比上升4.2%。其中，基层法院受理7 300件，占84.5%。",
            [("7 300", "8 640")],
        ),
        ("全市共收案2 315件(不包括旧存案件410件)，其中民事案件1 608件。", [("1 608", "2 315")]),
        ("共办结案件960件（含上年积存85件），其中刑事案件210件。", [("85", "960"), ("210", "960")]),
    ],
    ids=["excluding-then-of-which", "not-including", "including-is-a-part"],
)
def test_a_bracket_excluding_a_count_holds_no_part_and_no_whole(text, parts):
    assert sorted(parts_of(zh(text))) == sorted(parts)


@pytest.mark.parametrize(
    "text, change, target",
    [
        ("1-6月共受理诉讼案件4210件(含旧存390件)，同比上升5.2%。", "5.2%", "4210"),
        ("全年审结案件1.8万件（旧存2100件），比上年增长3.6%。", "3.6%", "1.8万"),
    ],
    ids=["including-old-stock", "old-stock"],
)
def test_a_change_after_a_bracket_qualifies_the_count_before_it(text, change, target):
    assert of(zh(text), change) == target


@pytest.mark.parametrize(
    "text, links",
    [
        (
            "全省共破获毒品案件3120起，抓获犯罪嫌疑人4105名，缴获毒品2.6吨，查处吸毒人员1.1万人次，"
            "同比分别上升8.2%、11.4%、20.5%和6.7%。",
            {"8.2%": "3120", "11.4%": "4105", "20.5%": None, "6.7%": "1.1万"},
        ),
        (
            "海关查获走私冻品案件45起，查证冻品3800吨，分别增长12%和30%。",
            {"12%": "45", "30%": None},
        ),
    ],
    ids=["weight-in-the-middle", "weight-last"],
)
def test_a_weight_holds_its_place_in_a_respectively_list(text, links):
    rec = zh(text)
    (rel,) = [r for r in rec.relations if r.type == "respectively"]
    assert rel.aligned
    assert {q: of(rec, q) for q in links} == links
    assert not [f for f in audit(rec) if f.check == "parts_and_wholes" and f.status == "inconsistent"]


@pytest.mark.parametrize(
    "text, parts",
    [
        (
            "全市共破获涉毒案件620起，其中，部督案件9起、省督案件14起，先后打掉贩毒团伙12个，抓获犯罪嫌疑人880余人。",
            [("9", "620"), ("14", "620")],
        ),
        (
            "两年来共侦破经济犯罪案件1350起，其中集资诈骗案件210起，合同诈骗案件160起，抓获犯罪嫌疑人2040人。",
            [("210", "1350"), ("160", "1350")],
        ),
        (
            "全年受理案件2100件，结案1500件。其中：受理刑事案件300件，结案210件。",
            [("300", "2100"), ("210", "1500")],
        ),
    ],
    ids=["gangs-then-suspects", "suspects-after-the-cases", "same-actions-go-on"],
)
def test_a_new_action_ends_a_breakdown(text, parts):
    assert parts_of(zh(text)) == parts


@pytest.mark.parametrize(
    "text, parts",
    [
        ("全国共破获制毒案件530起，其中，云南、四川等12个省份破获420起。", [("420", "530")]),
        ("共立案审查1.6万件，其中县处级干部310人。", [("310", "1.6万")]),
    ],
    ids=["provinces-are-no-part-of-cases", "people-inside-cases"],
)
def test_a_part_of_another_unit_is_taken_only_for_people_and_acts(text, parts):
    assert parts_of(zh(text)) == parts


@pytest.mark.parametrize(
    "text, parts",
    [
        (
            "去年全省法院审结一审案件82万余件，其中刑事案件9万余件，占11%；民事案件70万余件，占85.4%；"
            "行政案件3万余件，占3.6%。",
            [("9万余", "82万余"), ("70万余", "82万余"), ("3万余", "82万余")],
        ),
        (
            "一季度海关立案侦办走私犯罪案件640起，其中，立案侦办涉税走私犯罪案件280起，案值35.2亿元；"
            "立案侦办非涉税走私犯罪案件360起。",
            [("280", "640"), ("360", "640")],
        ),
    ],
    ids=["one-count-and-its-share-to-a-group", "one-count-and-the-same-action-to-a-group"],
)
def test_a_breakdown_mid_sentence_goes_on_over_parallel_groups(text, parts):
    assert parts_of(zh(text)) == parts


@pytest.mark.parametrize(
    "text, not_part",
    [
        ("共办结案件2600余件，其中提出抗诉40余件；对审判活动违法行为提出检察建议3100余件。", "3100余"),
        ("共审查立案3.1万件；其中厅局级干部80人、县处级干部760人；立案审查村干部5000人。", "5000"),
        ("共受理案件900件，其中刑事案件120件；结案760件，结案率84.4%。", "760"),
    ],
    ids=["another-unit", "two-parts-before", "another-action"],
)
def test_a_breakdown_mid_sentence_stops_at_a_group_that_is_not_parallel(text, not_part):
    assert not_part not in [p for p, _ in parts_of(zh(text))]


@pytest.mark.parametrize(
    "text, parts",
    [
        (
            "全年海关立案侦办走私犯罪案件2150起。已立案侦办案件中，涉税走私犯罪案件占980起，同比增长6%；"
            "非涉税走私犯罪案件1170起。",
            [("980", "2150"), ("1170", "2150")],
        ),
        ("全市检察机关立案侦查职务犯罪案件86件。立案侦查的案件中，大案62件。", [("62", "86")]),
    ],
    ids=["cases-already-filed", "cases-investigated"],
)
def test_a_cue_naming_an_action_takes_the_count_of_that_action(text, parts):
    assert parts_of(zh(text)) == parts


def test_a_cue_naming_an_action_no_count_has_is_no_part():
    rec = zh(
        "全年受理行政案件1 240件。其中，单独提起赔偿的70件。在结案中，维持的有310件，占25%；撤销的190件，占15.3%。"
    )
    assert ("310", "70") not in parts_of(rec) and ("310", "1 240") not in parts_of(rec)


@pytest.mark.parametrize(
    "text, parts",
    [
        (
            "全年审结行政案件1 240件。在结案中，维持的有310件，占25%；撤销的190件，占15.3%。",
            [("310", "1 240"), ("190", "1 240")],
        ),
        ("全院共收案3 600件。受理的案件中，民事案件2 100件。", [("2 100", "3 600")]),
    ],
    ids=["closed-is-tried-and-closed", "received"],
)
def test_a_cue_names_its_action_in_any_word_for_it(text, parts):
    assert parts_of(zh(text)) == parts


@pytest.mark.parametrize(
    "text, change, target",
    [
        ("截至3月底共受理案件2 400件，结案1 100件。与上年同比，受案增加210件，上升9.6%。", "9.6%", "2 400"),
        ("1至6月全院审结案件5 300件。同比结案增加400件，上升8.2%。", "8.2%", "5 300"),
    ],
    ids=["cases-received", "cases-closed"],
)
def test_a_change_after_a_difference_takes_the_level_of_the_same_action_in_other_words(text, change, target):
    assert of(zh(text), change) == target


def test_a_later_cue_takes_the_parts_after_it():
    rec = zh("全年侦破毒品案件980起。侦破的毒品案件中，缴获毒品在1公斤以上的案件共24起，其中有9起超过5公斤。")
    assert parts_of(rec) == [("24", "980"), ("9", "24")]


@pytest.mark.parametrize(
    "text, parts, total",
    [
        (
            "全年审结案件2 400件。审结的案件中，判决的有1 200件，占50%；调解的700件，占29.2%，其中当庭调解的"
            "420件，庭前调解的280件；裁定驳回的300件，占12.5%；其他方式结案的200件，占8.3%。",
            ["1 200", "700", "300", "200"],
            "2 400",
        ),
    ],
    ids=["an-item-with-its-own-breakdown"],
)
def test_a_list_ending_in_other_reads_an_item_with_its_own_breakdown(text, parts, total):
    assert sums_of(zh(text)) == [(parts, total)]


def test_a_list_naming_an_action_sums_only_to_a_count_of_that_action():
    rec = zh(
        "行政赔偿收案120件。其中，单独提起的50件；附带提起的70件。在结案中，维持的有300件，占30%；撤销的200件，"
        "占20%；其他方式处理的500件，占50%。"
    )
    assert sums_of(rec) == []


@pytest.mark.parametrize(
    "text, parts, total",
    [
        (
            "前三季度全国海关共立案侦办走私犯罪案件2 870起，其中立案侦办涉税走私犯罪案件1 540起、案值310亿元，"
            "立案侦办非涉税走私犯罪案件1 330起。",
            ["1 540", "1 330"],
            "2 870",
        ),
        (
            "去年海关立案侦办走私犯罪案件3 020起。已立案侦办案件中，涉税走私犯罪案件占1 400起；"
            "非涉税走私犯罪案件1 620起。",
            ["1 400", "1 620"],
            "3 020",
        ),
    ],
    ids=["of-which", "among-those-filed"],
)
def test_a_part_and_its_complement_make_the_whole(text, parts, total):
    assert sums_of(zh(text)) == [(parts, total)]


def test_a_complement_that_does_not_add_up_is_flagged():
    rec = zh(
        "一季度海关立案侦办走私犯罪案件900起，其中，立案侦办涉税走私犯罪案件410起；立案侦办非涉税走私犯罪案件470起。"
    )
    assert [f.check for f in inconsistent(rec)] == ["parts_and_wholes"]


@pytest.mark.parametrize(
    "text",
    [
        "全市共查获走私案件300起，其中涉税走私案件120起，非法入境案件80起。",
        "全市共查获走私案件300起，其中涉税走私案件120起、非涉税走私案件100起、涉检案件30起。",
    ],
    ids=["not-a-complement", "three-parts"],
)
def test_no_complement_sum_without_the_two_parts_the_wording_makes_whole(text):
    assert sums_of(zh(text)) == []


@pytest.mark.parametrize(
    "text, parts",
    [
        (
            "全年全县共立案215件，给予处分203人(其中党纪处分190人;政务处分21人)。其中，处分乡科级干部28人，"
            "一般干部47人，农村、企业等其他人员128人。",
            [("190", "203"), ("21", "203"), ("28", "203"), ("47", "203"), ("128", "203")],
        ),
    ],
    ids=["semicolon-in-brackets"],
)
def test_a_semicolon_in_brackets_ends_no_sentence(text, parts):
    assert parts_of(zh(text)) == parts


@pytest.mark.parametrize(
    "text, parts",
    [
        (
            "1至9月，共受理信访举报820件，同比增长12.4%。从举报方式来看，来信310件，占37.8%；网络举报402件，"
            "占49%；来访108件，占13.2%。",
            [("310", "820"), ("402", "820"), ("108", "820")],
        ),
        (
            "全年共处置问题线索1500件。按线索来源分，信访举报移交的900件，巡视移交的600件。",
            [("900", "1500"), ("600", "1500")],
        ),
    ],
    ids=["by-manner", "by-source"],
)
def test_a_breakdown_by_one_dimension_is_of_the_total_before_it(text, parts):
    assert parts_of(zh(text)) == parts


def test_a_second_breakdown_of_a_total_keeps_its_parts_and_leaves_the_shares_apart():
    rec = zh(
        "共受理信访举报600件。从举报方式分析，来信240件，占40%；网络举报360件，占60%。"
        "从举报类型分析，检举控告类480件，占80%；批评建议120件，占20%。"
    )
    assert [p for p, w in parts_of(rec) if w == "600"] == ["240", "360", "480", "120"]
    wholes = {f.text: rec.fact(f.whole).text if f.whole else None for f in rec.facts if f.kind == "percentage"}
    assert wholes == {"40%": "600", "60%": "600", "80%": None, "20%": None}
    assert inconsistent(rec) == []


def test_a_pursuit_of_suspects_ends_a_breakdown_of_cases():
    rec = zh("全年共破获刑事案件8600起。其中，破获命案42起，毒品案件310起，追捕犯罪嫌疑人1200人，查获在逃人员95人。")
    assert parts_of(rec) == [("42", "8600"), ("310", "8600")]


def rates_of(rec):
    return {
        rec.fact(r.rate).text: (rec.fact(r.numerator).text, [rec.fact(d).text for d in r.denominator])
        for r in rec.relations
        if r.type == "rate"
    }


@pytest.mark.parametrize(
    "text, rates",
    [
        (
            "全年共批准逮捕犯罪嫌疑人1820人，不批准逮捕460人；提起公诉2300人，不起诉310人，附条件不起诉95人，"
            "不捕率、不诉率、附条件不起诉率分别为20.2%、11.9%、3.6%。",
            {"20.2%": ("460", ["1820", "460"]), "11.9%": ("310", ["2300", "310"])},
        ),
        (
            "經審查，批準逮捕3150人，不批準逮捕940人，不捕率和不訴率分別為23%和15%。",
            {"23%": ("940", ["3150", "940"])},
        ),
    ],
    ids=["three-rates-named-before-respectively", "traditional-two-rates"],
)
def test_rates_named_before_respectively_are_those_rates(text, rates):
    rec = zh(text)
    assert rates_of(rec) == rates
    assert [r for r in rec.relations if r.type == "respectively"] == []
    assert all(f.role == "rate" for f in rec.facts if f.kind == "percentage")


def test_a_conditional_non_prosecution_is_no_non_prosecution():
    rec = zh("决定起诉860人，决定不起诉140人，附条件不起诉60人，附条件不起诉率6%。全年不起诉率为14%。")
    assert rates_of(rec) == {"14%": ("140", ["860", "140"])}  # 6% is no 不起诉率; 14% reads the sentence before
    rec = zh("决定起诉860人，决定不起诉140人，附条件不起诉60人，不起诉率为14%。")
    assert rates_of(rec) == {"14%": ("140", ["860", "140"])}


def test_a_rate_with_a_space_before_its_number_is_a_rate():
    (pct,) = [f for f in zh("共批准逮捕900人，不批准逮捕100人，不捕率 10%。").facts if f.kind == "percentage"]
    assert pct.role == "rate" and pct.rate_name == "不捕率"


@pytest.mark.parametrize(
    "text, parts, total",
    [
        (
            "全年共受理各类案件860件，其中刑事案件240件、民事案件310件，合计550件，同比上升4%。",
            ["240", "310"],
            "550",
        ),
        ("全市共查处案件75起，其中无证经营案件30起、超范围经营案件15起，共计45起。", ["30", "15"], "45"),
    ],
    ids=["he-ji-after-of-which", "gong-ji-after-of-which"],
)
def test_a_sum_after_a_breakdown_adds_the_parts_not_their_whole(text, parts, total):
    rec = zh(text)
    assert sums_of(rec) == [(parts, total)]
    assert total not in [p for p, _ in parts_of(rec)]


@pytest.mark.parametrize(
    "text, not_part",
    [
        ("一季度全国法院新收案件580万件，其中广东、江苏、浙江3省法院新收案数均超40万件。", "40万"),
        ("全年破获毒品案件260起，其中两地各破获30起以上。", "30"),
    ],
    ids=["each-over", "each"],
)
def test_a_bar_each_item_passes_is_no_part(text, not_part):
    assert not_part not in [p for p, _ in parts_of(zh(text))]


def test_an_opening_cue_after_a_sentence_without_counts_has_no_whole_further_back():
    rec = zh(
        "全年共抓获在逃职务犯罪嫌疑人310人。检察机关严肃查办民生领域发生的职务犯罪案件。"
        "其中立案侦查在征地拆迁中涉嫌受贿的国家工作人员1250人，失职渎职的国家机关工作人员860人。"
    )
    assert parts_of(rec) == []


def test_an_opening_cue_after_a_sentence_of_differences_reaches_the_level_before():
    rec = zh("全年立杀人案件96起。与上年相比，同比减少12起。其中，持刀杀人案件40起。")
    assert parts_of(rec) == [("40", "96")]


def test_parts_of_a_pair_take_the_count_of_their_own_unit():
    rec = zh("全年共立案侦查职务犯罪案件950件1320人，其中贪污贿赂案件780件1050人，渎职侵权案件170件270人。")
    assert parts_of(rec) == [("780", "950"), ("1050", "1320"), ("170", "950"), ("270", "1320")]


@pytest.mark.parametrize(
    "text, parts",
    [
        ("全年共立案侦查职务犯罪案件320件，其中贪污贿赂案件占210件。", [("210", "320")]),
        ("去年全省破获电诈案件4 600起，跨境案件占了1 900起。", [("1 900", "4 600")]),
        ("第二季度被立案的厅局级干部就占35人，创同期新高。", []),
    ],
    ids=["of-which-accounts-for", "accounts-for", "no-count-before"],
)
def test_a_count_a_part_accounts_for_is_part_of_the_count_before(text, parts):
    assert parts_of(zh(text)) == parts


@pytest.mark.parametrize(
    "text, change, direction",
    [
        ("全年起诉5600人，增幅为12.1%。", "12.1%", "up"),
        ("共发生火灾820起，降幅达8.2%。", "8.2%", "down"),
        ("受理案件1.3万件，同比增12%。", "12%", "up"),
        ("立案侦查230人，同比降3.5%。", "3.5%", "down"),
        ("刑事案件数持续回落，下滑6.4%。", "6.4%", "down"),
    ],
    ids=["zengfu", "jiangfu", "tongbi-zeng", "tongbi-jiang", "xiahua"],
)
def test_a_change_named_by_its_noun_or_a_one_character_verb(text, change, direction):
    (fact,) = [f for f in zh(text).facts if f.text == change]
    assert (fact.role, fact.direction) == ("change", direction)


@pytest.mark.parametrize(
    "text, change, year",
    [
        ("2023年办理案件4800件，比2018年增长45.6%。", "45.6%", 2018),
        ("全年抓获1200人，比2019年下降12%。", "12%", 2019),
    ],
)
def test_a_change_against_a_named_year(text, change, year):
    (fact,) = [f for f in zh(text).facts if f.text == change]
    assert (fact.basis, fact.basis_year) == ("named_year", year)


def test_a_change_with_no_level_after_it_keeps_the_count_before():
    rec = zh("受理案件960件，同比增长13.5%，达到历史最高水平。")
    assert of(rec, "13.5%") == "960"


def test_a_comparison_opening_the_sentence_is_the_basis_of_each_change_in_it():
    rec = zh("2023年，全院受理案件1803件，结案894件。与上年同比，受案增加167件，上升10.21%，结案增加34件，上升3.95%。")
    assert [(f.text, f.basis) for f in rec.facts if f.kind == "percentage"] == [
        ("10.21%", "year_on_year"),
        ("3.95%", "year_on_year"),
    ]


def test_a_breakdown_ending_in_other_sums_over_its_items_whatever_noun_glosses_each():
    # 企业 (company) and 经营主体 (household, by 户) are items of one 其中 breakdown of 4.6万户
    rec = zh("全市共查处违法主体4.6万户，其中食品企业120户、药品经营企业385户、其他经营主体4.5万户。")
    assert sums_of(rec) == [(["120", "385", "4.5万"], "4.6万")]


# (text, change, the figure it qualifies): one table per family of what a change's wording ties it to
CHANGE_TARGETS = [
    # the level named right after it (达到, 至)
    pytest.param("今年以来，全市受理案件同比上升12.3%，达到3025件。", "12.3%", "3025", id="comma-dadao"),
    pytest.param("全省破获盗窃案件增长18.3%至7412起。", "18.3%", "7412", id="zhi"),
    pytest.param("去年查获走私案件860起，今年同比上升1.2倍，达到1892起。", "1.2倍", "1892", id="multiplier"),
    pytest.param("全区抓获嫌疑人从900人下降8.5%至824人。", "8.5%", "824", id="from-to"),
    # a named rate right before it, with no count between
    pytest.param("市检察院二审抗诉采纳率为71.42%，同比提升2.95%。", "2.95%", "71.42%", id="rate-wei"),
    pytest.param("各区县法院行政案件撤诉率33.18%，同比下降4.07%。", "4.07%", "33.18%", id="rate"),
    pytest.param("市中级法院审限内未执结案件比为88.36%，同比提升2.41%。", "2.41%", "88.36%", id="named-ratio"),
    pytest.param(
        "不批准逮捕4817人，不捕率为41.2%，比成年人犯罪案件不捕率高9.3个百分点。", "9.3个百分点", "41.2%",
        id="gap-to-another-rate",
    ),
    # a subject of its own that is no count: no figure before it
    pytest.param("查扣涉案车辆1.6万辆，治安警情同比下降9.4%、群众投诉同比下降5%。", "9.4%", None, id="own-subject"),
    pytest.param("受理案件860件，案件数同比上升12%。", "12%", "860", id="number-word"),
    pytest.param("抓获犯罪嫌疑人3200名，比去年同期增加15%。", "15%", "3200", id="bare"),
]


@pytest.mark.parametrize("text, change, target", CHANGE_TARGETS)
def test_a_change_qualifies_the_figure_its_wording_names(text, change, target):
    assert of(zh(text), change) == target


def test_a_gap_to_another_rate_is_a_change_of_points_with_no_period():
    (pct,) = [f for f in zh("不捕率为41.2%，比成年人案件不捕率高9.3个百分点。").facts if f.text == "9.3个百分点"]
    assert (pct.role, pct.direction, pct.points, pct.basis) == ("change", "up", True, "none")


def share(rec, text):
    (fact,) = [f for f in rec.facts if f.text == text]
    return (
        rec.fact(fact.of).text if fact.of else None,
        rec.fact(fact.whole).text if fact.whole else None,
    )


@pytest.mark.parametrize(
    "text, pct, part, whole",
    [
        ("本次会议应到代表260名，实到代表231名，占全体248名代表的93.1%。", "93.1%", "231", "248"),
        ("全市共有律师事务所120家，其中合伙所84家，占总数120家的70%。", "70%", "84", "120"),
        ("全年共立案1 560件，职务犯罪案件420件，占立案总数的26.9%。", "26.9%", "420", "1 560"),
        ("去年共起诉2 400人，未成年人240人，占起诉总人数的10%。", "10%", "240", "2 400"),
        ("全区共受理各类案件6 000件，起诉900人。其中涉众型案件600件，占受理案件总数的10%。", "10%", "600", "6 000"),
        ("全年立案1 200件，结案1 000件，经济犯罪案件300件，占立案数的25%。", "25%", "300", "1 200"),
        ("今年共审结案件5 000件。判处五年以上刑罚的被告人800人，占全部被告人的20%。", "20%", "800", None),
        ("共批准逮捕800人，不批准逮捕200人，占审查逮捕人数的20%。", "20%", "200", None),
        ("本省法院受理案件1 200件，占全国的5%。", "5%", "1 200", None),
        ("审结一审案件52.4万件，二审案件6.1万件，分别占案件总数的80.2%、9.3%。", "9.3%", "6.1万", None),
        ("某区法院受理案件900件，审结760件，占全市的12%。", "12%", "760", None),
        ("全市起诉1 500人，某区起诉300人，占全市的20%。", "20%", "300", "1 500"),
        ("受理案件1 200件，同比增加200件，涉黑案件120件，占案件总数的10%。", "10%", "120", "1 200"),
    ],
    ids=[
        "count-inside-zhan-de",
        "total-with-its-figure",
        "total-of-an-action",
        "total-persons-of-an-action",
        "action-named-sentence-before",
        "action-count-named",
        "total-never-stated",
        "action-total-not-stated",
        "national-whole-not-stated",
        "respectively-siblings-are-no-whole",
        "own-verb-is-no-part-of-another",
        "same-verb-whole",
        "difference-is-no-whole",
    ],
)
def test_a_share_takes_the_whole_its_zhan_phrase_names(text, pct, part, whole):
    assert share(zh(text), pct) == (part, whole)


@pytest.mark.parametrize(
    "text, confidence",
    [
        ("全年立案1 200件，经济犯罪案件300件，占立案数的25%。", "stated"),
        ("实到委员76名，占全体85名委员的89.4%。", "stated"),
        ("全年共受理案件3 000件，涉黑案件120件，占案件总量的4%。", "cued"),
        ("受理案件1 200件，涉黑案件120件，占案件总数的10%。", "inferred"),
    ],
    ids=["action-named", "count-inside", "total-said-of-the-whole", "nearest-count"],
)
def test_a_share_whole_link_says_how_firmly_the_text_gives_it(text, confidence):
    rec = zh(text)
    (link,) = [r for r in rec.relations if r.type == "link" and r.role == "whole"]
    assert link.confidence == confidence


def test_a_share_on_an_inferred_whole_is_doubtful_not_inconsistent():
    rec = zh("受理案件1 200件，涉黑案件120件，占案件总数的30%。")
    assert not inconsistent(rec)
    assert [f.check for f in audit(rec) if f.status == "doubtful"]


@pytest.mark.parametrize(
    "text, parts",
    [
        (
            "今年以来，全省检察机关共立案侦查职务犯罪案件1 600件2 100人。\n"
            "在拓宽线索来源方面，检察机关加大力度，立案侦查的案件中，群众举报520件，占32.5%；自行发现610件，"
            "占38.1%；纪检监察机关移送300件，占18.8%；其他来源170件，占10.6%。",
            [("520", "1 600"), ("610", "1 600"), ("300", "1 600"), ("170", "1 600")],
        ),
        (
            "全年共受理案件2 400件。其中，群众来信720件，占30%；网上举报960件，占40%；公安机关移送480件，占20%。",
            [("720", "2 400"), ("960", "2 400"), ("480", "2 400")],
        ),
        ("全年共立案侦查案件900件。各地抓获嫌疑人1 200名。起诉的案件中，涉黑案件80件。", []),
    ],
    ids=["named-action-paragraphs-back", "shares-with-differing-verbs", "action-never-counted"],
)
def test_a_breakdown_naming_its_action_finds_that_count(text, parts):
    rec = zh(text)
    assert parts_of(rec) == parts


@pytest.mark.parametrize(
    "text, pcts",
    [
        (
            "上半年，全市法院共受理案件8.6万件，审结7.1万件，未结案件1.5万件。与去年同期相比，收案数量上升6%，"
            "审结上升4%，未结案件上升12%。",
            {"6%": "8.6万", "4%": "7.1万", "12%": "1.5万"},
        ),
        ("全区共受理审查起诉各类犯罪520件610人，同比分别下降9.5%和下降7%。", {"9.5%": "520", "7%": "610"}),
        ("受理案件640件，审结600件，同比分别下降3.5%、上升2%。", {"3.5%": "640", "2%": "600"}),
        (
            "新收执行案件26万件，执结22万件，未结案件4万件，分别较去年同期上升了11%、7%、30%。",
            {"11%": "26万", "7%": "22万", "30%": "4万"},
        ),
    ],
    ids=["changes-name-counts-of-the-sentence-before", "respectively-repeated-verb", "respectively-mixed-verbs",
         "respectively-before-the-comparison"],
)
def test_changes_find_the_counts_their_words_name(text, pcts):
    rec = zh(text)
    assert {p: of(rec, p) for p in pcts} == pcts


def test_a_change_naming_no_counted_action_stays_unlinked():
    rec = zh("全市共立案1 200件。与去年同期相比，治安警情下降9.4%，群众满意度上升3%。")
    assert of(rec, "9.4%") is None and of(rec, "3%") is None


@pytest.mark.parametrize(
    "text, direction",
    [("不起诉率为16.4%，比去年同期高2.2个百分点。", "up"), ("结案率为95.1%，较上年低0.8个百分点。", "down")],
    ids=["higher", "lower"],
)
def test_a_rate_above_or_below_last_year_is_a_change_of_points(text, direction):
    rec = zh(text)
    (pts,) = [f for f in rec.facts if f.kind == "percentage" and f.points]
    assert (pts.role, pts.direction, rec.fact(pts.of).kind) == ("change", direction, "percentage")


@pytest.mark.parametrize(
    "text, share, whole",
    [
        (
            "共决定起诉各类犯罪3 200件4 100人。共决定不起诉各类犯罪620人，不起诉率为13.1%。\n"
            "起诉人数较多的罪名：盗窃罪820人，占起诉总人数的20%；诈骗罪410人，占起诉总人数的10%。",
            "10%",
            "4 100",
        ),
        (
            "共批准逮捕各类犯罪1 500件1 900人。批捕人数较多的罪名：盗窃罪380人，占批捕总人数的20%。",
            "20%",
            "1 900",
        ),
    ],
    ids=["not-prosecuted-is-no-prosecution", "abbreviated-action"],
)
def test_a_total_named_by_its_action_skips_the_negated_action(text, share, whole):
    rec = zh(text)
    (pct,) = [f for f in rec.facts if f.text == share]
    assert rec.fact(pct.whole).text == whole
    assert not inconsistent(rec)


def test_a_breakdown_of_closed_cases_is_no_breakdown_of_open_ones():
    rec = zh("新收执行案件30万件，执结26万件，未结案件11万件。在已执结案件中，以和解方式结案的案件9万件。")
    assert parts_of(rec) == [("9万", "26万")]


def test_a_named_rate_reads_its_complement_from_the_sentence_before():
    rec = zh("全市共决定起诉3 900人。共决定不起诉600人，不起诉率为13.3%。")
    assert rates_of(rec) == {"13.3%": ("600", ["3 900", "600"])}


@pytest.mark.parametrize(
    "text, pcts, confidence",
    [
        (
            "全市法院共受理案件5.12万件，审结4.87万件，执行到位金额32亿元，同比上升8.1%、6.6%和11.2%。",
            {"8.1%": "5.12万", "6.6%": "4.87万", "11.2%": "32亿元"},
            "cued",
        ),
        ("获评全省优秀文书6篇、精品案例3件，占全省总数的30%和15%。", {"30%": "6", "15%": "3"}, "cued"),
        (
            "共受理案件3 000件，其中刑事案件1 200件、民事案件1 800件，同比上升6%和2%。",
            {"6%": "1 200", "2%": "1 800"},
            "inferred",
        ),
    ],
    ids=["three-changes", "shares", "last-of-more-figures"],
)
def test_a_list_of_changes_without_fenbie_pairs_in_order(text, pcts, confidence):
    rec = zh(text)
    assert {p: of(rec, p) for p in pcts} == {p: t for p, t in pcts.items()}
    (resp,) = [r for r in rec.relations if r.type == "respectively"]
    assert resp.confidence == confidence


def test_a_list_after_two_equal_counts_pairs_each_with_its_own():
    rec = zh("受理民事案件2.05万件，审结2.05万件，同比下降4.4%和3.9%。")
    first, second = [f.id for f in rec.facts if f.kind == "count"]
    assert [f.of for f in rec.facts if f.kind == "percentage"] == [first, second]


def test_a_list_with_fewer_figures_than_changes_pairs_nothing():
    rec = zh("共立案1 200件，同比上升5%和3%。")
    assert [r for r in rec.relations if r.type == "respectively"] == []


def test_an_adoption_rate_reads_its_counts_by_their_actions():
    rec = zh("全年提出检察建议150件，相关单位采纳132件，采纳率88%。")
    assert rates_of(rec) == {"88%": ("132", ["150"])}
    assert not inconsistent(rec)
    wrong = zh("全年提出检察建议150件，相关单位采纳132件，采纳率80%。")
    assert [f.check for f in inconsistent(wrong)] == ["named_rate"]


@pytest.mark.parametrize(
    "text, parts",
    [
        ("全市法院参与评估的24项指标中，19项位于合理区间，5项接近合理区间。", [("19", "24"), ("5", "24")]),
        ("在审结的860件案件中，调解结案的410件。", [("410", "860")]),
        ("全年审结案件860件。其中，调解结案410件。", [("410", "860")]),
    ],
    ids=["indicators", "cases-among", "qizhong-still"],
)
def test_a_count_with_its_noun_before_zhong_is_the_whole_of_the_counts_after(text, parts):
    assert parts_of(zh(text)) == parts


def test_an_aside_of_another_action_inside_a_breakdown_is_skipped_not_its_end():
    rec = zh(
        "全省海关立案侦办走私犯罪案件410起。其中，侦办毒品走私案件160起；侦办枪支走私案件52起，缴获枪支37支、"
        "子弹9000发；侦办文物走私案件28起；侦办濒危物种走私案件19起。"
    )
    assert parts_of(rec) == [("160", "410"), ("52", "410"), ("28", "410"), ("19", "410")]


def test_a_change_list_after_a_qualified_clause_pairs_with_the_figures_after_that_qualifier():
    rec = zh("全年共批准逮捕12640人，同比上升6.1%，审结毒品案件392件2210人，同比上升10.4%和7.7%。")
    assert [of(rec, q) for q in ("6.1%", "10.4%", "7.7%")] == ["12640", "392", "2210"]


def test_points_after_the_size_of_a_change_qualify_that_change():
    rec = zh("全市法院受理案件86.2万件，同比增长5.3%，增幅较上年同期回落3.4个百分点；结案80.1万件，同比增长2.2%。")
    assert of(rec, "3.4个百分点") == "5.3%"


def test_an_opening_cue_finds_each_whole_of_its_action_across_the_semicolons_before():
    rec = zh(
        "全市法院受理各类案件91.6万件，同比增长3.1%；结案84.2万件，同比增长2.4%。其中，诉前调解成功案件20.3万件；"
        "受理审判执行案件71.3万件，同比下降1.5%，结案63.9万件，同比下降2.2%。"
    )
    assert ("71.3万", "91.6万") in parts_of(rec) and ("63.9万", "84.2万") in parts_of(rec)


@pytest.mark.parametrize(
    "text",
    [
        "在六个地市开展专项整治，合同诈骗罪、非法经营罪案件一审收案同比分别增长58%、24.6%。",
        "随着3个部门联合执法，盗窃、诈骗案件同比分别下降12.5%、9.1%。",
    ],
)
def test_respectively_after_names_pairs_no_stray_figure_and_raises_no_flag(text):
    rec = zh(text)
    assert not [r for r in rec.relations if r.type == "respectively"] and inconsistent(rec) == []


@pytest.mark.parametrize(
    "text, change, target",
    [
        # the noun of the clause says which count of a pair changed
        ("2023年全省法院审结走私案件1836件2471人，相较于2022年，案件数下降9.6%，涉案人数下降6.25%。", "9.6%", "1836"),
        ("2023年全省法院审结走私案件1836件2471人，相较于2022年，案件数下降9.6%，涉案人数下降6.25%。", "6.25%", "2471"),
        # last year's count, named so, is the base of the change, not its figure
        ("前三季度全市共立盗窃案件7315起，比去年同期的8960起减少1645起，同比下降18.36%。", "18.36%", "7315"),
    ],
)
def test_a_change_names_its_count_or_passes_over_last_years(text, change, target):
    assert of(zh(text), change) == target


def test_a_change_of_new_cases_is_not_of_a_total_with_old_stock():
    rec = zh("执行收案2860件(含旧存315件)，新收案件同比增加41.3%，结案1520件。")
    assert of(rec, "41.3%") is None and inconsistent(rec) == []


# Brackets in an item list: a cue inside a bracket reaches no further than it; a change in a bracket opened right
# after a count is that count's, whatever sub-counts stand before it; an 其他 item need not be the last one
BRACKET_LIST = (
    "今年以来，全区法院共收案3160件(同比上升12.5%)，其中民事案件1800件(同比上升8.0%)，刑事案件420件(包括"
    "危险驾驶案件，同比下降4.5%)，其他案件40件(申请再审28件，国家赔偿12件，同比上升60%)，执行案件900件(包括"
    "终本案件150件，同比上升20%)。"
)


def test_a_cue_in_a_bracket_does_not_take_the_items_after_it():
    rec = zh(BRACKET_LIST)
    assert set(parts_of(rec)) == {
        ("1800", "3160"), ("420", "3160"), ("40", "3160"), ("900", "3160"),
        ("28", "40"), ("12", "40"), ("150", "900"),
    }
    assert sums_of(rec) == [(["1800", "420", "40", "900"], "3160")]


@pytest.mark.parametrize("change, target", [("60%", "40"), ("20%", "900"), ("4.5%", "420"), ("12.5%", "3160")])
def test_a_change_in_a_bracket_after_a_count_is_of_that_count(change, target):
    assert of(zh(BRACKET_LIST), change) == target


def test_a_consistent_bracketed_list_raises_no_flag():
    assert inconsistent(zh(BRACKET_LIST)) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "全年受理信访举报860件，其中检举控告类310件，其中实名举报52件，这310件举报的办结率为97%。",
            [("310", "860"), ("52", "310")],
        ),
        ("全年破获电信诈骗案件268起，其中跨境案件37起，该37起案件涉案金额达1.2亿元。", [("37", "268")]),
    ],
)
def test_a_count_named_again_after_a_demonstrative_is_no_part(text, expected):
    assert parts_of(zh(text)) == expected


# The year before's figures named in the sentence (上年同期为…, 去年同期为…) are the base of the changes after them,
# never their figures: the changes are of this period's counts
@pytest.mark.parametrize(
    "text, change, target",
    [
        ("今年1至6月，全市共起诉案件318件402人，上年同期为250件330人，分别同比上升27.2%、21.82%。", "27.2%", "318"),
        ("今年1至6月，全市共起诉案件318件402人，上年同期为250件330人，分别同比上升27.2%、21.82%。", "21.82%", "402"),
        ("审结行政案件96件130人，去年同期为120件150人，同比案件数下降20%、人数下降13.33%。", "20%", "96"),
        ("全年受理信访件1560件，去年同期为1300件，同比上升20%。", "20%", "1560"),
    ],
)
def test_the_year_befores_figures_are_no_figures_of_a_change(change, target, text):
    rec = zh(text)
    assert of(rec, change) == target
    assert inconsistent(rec) == []


# a change whose clause names a rate is of that rate, stated before it in the sentence
@pytest.mark.parametrize(
    "text, change, target",
    [
        ("全区调解成功率达到71%，与上年同期相比，受案数下降8.2%，调解成功率上升5.5%。", "5.5%", "71%"),
        ("全市案件結案率為93%，與去年同期對比，收案數上升6.4%，結案率提高了2.2%。", "2.2%", "93%"),
        ("全区调解成功率达到71%，与上年同期相比，受案数下降8.2%，调解成功率上升5.5%。", "8.2%", None),
    ],
)
def test_a_change_naming_a_rate_is_of_that_rate(text, change, target):
    assert of(zh(text), change) == target


@pytest.mark.parametrize(
    "text", ["与上年同期相比，立案数上升12%。", "較去年同期，結案數下降3.5%。", "和上年同期对比，收案上升7%。"]
)
def test_the_same_period_of_the_year_before_in_any_wording_is_year_on_year(text):
    (pct,) = [f for f in zh(text).facts if f.kind == "percentage"]
    assert pct.basis == "year_on_year"


@pytest.mark.parametrize(
    "text, expected",
    [
        # after a '；' and a subject of its own, 共有 opens a new statement: no sum of the counts before
        ("全年共查处违法案件512件，移送公安机关案件31件；全市共有6个案例入选典型案例。", []),
        ("民事案件140件；行政案件60件；共计200件。", [(["140", "60"], "200")]),
    ],
)
def test_a_total_after_a_semicolon_and_a_new_subject_sums_nothing_before(text, expected):
    assert sums_of(zh(text)) == expected


BREAKDOWN_BY_SEMICOLONS = (
    "今年一季度，全市共有8.6万人次旅客入境，同比增长4.2%。\n\n入境旅客中，旅游4.1万人次；务工2.2万人次；"
    "经商1.5万人次；其他目的为0.8万人次，分别占入境旅客总数的47.7%、25.6%、17.4%和9.3%。"
)


def test_a_semicolon_list_pairs_with_its_respectively_shares_and_its_whole():
    rec = zh(BREAKDOWN_BY_SEMICOLONS)
    assert [(of(rec, s), rec.fact(f.whole).text if f.whole else None) for s in ("47.7%", "9.3%")
            for f in rec.facts if f.text == s] == [("4.1万", "8.6万"), ("0.8万", "8.6万")]
    assert set(parts_of(rec)) == {("4.1万", "8.6万"), ("2.2万", "8.6万"), ("1.5万", "8.6万"), ("0.8万", "8.6万")}
    assert inconsistent(rec) == []


def test_a_pair_whose_whole_names_the_parts_action_links_each_unit_to_its_own():
    rec = zh(
        "本季度，全院受理审查起诉的案件280件335人。其中决定起诉190件230人；决定不起诉41件52人，不诉率18.4%。"
    )
    assert set(parts_of(rec)) == {("190", "280"), ("230", "335"), ("41", "280"), ("52", "335")}


def test_a_change_whose_clause_opens_with_an_action_is_of_that_actions_count():
    # '…，立案同比增5%' after other figures and a bracket: the count of 立案, not the nearest figure
    rec = zh("全年共受理信访举报640件，立案210件，给予处分198人（其中党纪处分150人），立案同比增5%。")
    assert of(rec, "5%") == "210"
    assert inconsistent(rec) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "全年审结案件64件81人，其中判处实刑40件52人；判处缓刑19件23人；免予刑事处罚5件6人。",
            {("40", "64"), ("52", "81"), ("19", "64"), ("23", "81"), ("5", "64"), ("6", "81")},
        ),
        # a group of another action after the '；' is no part
        ("审查逮捕90件110人，其中批准逮捕70件85人；审查起诉160件190人。", {("70", "90"), ("85", "110")}),
    ],
)
def test_a_pair_breakdown_goes_on_over_semicolon_groups_of_pairs(text, expected):
    assert set(parts_of(zh(text))) == expected


@pytest.mark.parametrize(
    "text, share, target",
    [
        ("全市电信诈骗案件共立案近4千起，同比上升21.3%，占全部刑事案件的16.8%。", "16.8%", "4千"),
        ("全省受理涉企案件1.2万件，同比下降4%，占受理总数的9.5%。", "9.5%", "1.2万"),
    ],
    ids=["rise", "fall"],
)
def test_a_share_after_a_change_is_of_the_count_the_change_is_of(text, share, target):
    assert of(zh(text), share) == target


@pytest.mark.parametrize(
    "text, parts",
    [
        # a count of cases received beside one of cases concluded: only the concluded one is part of a total concluded
        ("五年共审结各类案件96万件，其中2023年受理各类案件22.4万件、审结21.9万件。", [("21.9万", "96万")]),
        # two actions of one stage (filing) stay parts
        (
            "海关共立案走私案件1800起，其中侦办走私犯罪案件120起，立案调查行政案件1680起。",
            [("120", "1800"), ("1680", "1800")],
        ),
    ],
    ids=["received-beside-concluded", "two-actions-of-filing"],
)
def test_a_count_of_another_stage_is_no_part(text, parts):
    r = zh(text)
    assert [(r.fact(x.part).text, r.fact(x.whole).text) for x in r.relations if x.type == "part_of"] == parts


def test_a_count_given_as_a_share_of_a_total_is_no_whole_of_the_breakdown_after_it():
    # the count before '从…来看' is itself a part of an unstated total: the breakdown after it has no whole
    r = zh("业务范围外举报48件，占总数的32%。从举报方式来看，来信30件，占40%；来访18件，占24%。")
    assert parts_of(r) == []
    assert not [f for f in audit(r) if f.status == "inconsistent"]


def test_an_item_given_with_its_share_is_no_total_of_an_other_list():
    # the items before '其它' each carry a share: the one before the '；' is an item, not the total
    r = zh("从职级来看，反映处级干部的18件，占30%；反映一般干部9件，占15%；反映事业单位5件，占8.3%，其它3件，占5%。")
    assert not [x for x in r.relations if x.type == "sum"]
    assert not [f for f in audit(r) if f.status == "inconsistent"]


def test_parts_after_an_opening_cue_take_the_whole_of_the_group_naming_their_subject():
    r = zh(
        "五年来，全省法院共受理案件520310件，审结508140件；省高院共受理案件12406件，审结12011件。"
        "其中，2023年全省法院受理案件121830件，审结118204件；省高院受理案件2901件，审结2788件。"
    )
    assert parts_of(r) == [("121830", "520310"), ("118204", "508140"), ("2901", "12406"), ("2788", "12011")]
    assert not [f for f in audit(r) if f.status == "inconsistent"]


@pytest.mark.parametrize(
    "text",
    [
        "市纪委监委运用“四种形态”处理党员干部5200人。在处理的人员中，第一种形态3640人、第二种形态1040人。",
        # a sentence of another act between, and the act quoted in the cue
        "市纪委监委运用“四种形态”处理党员干部5200人。另查处违规问题31人。据统计，在该市运用“四种形态”处理的人员中，"
        "第一种形态3640人、第二种形态1040人。",
    ],
    ids=["right-after", "a-sentence-between"],
)
def test_a_cue_naming_the_act_of_handling_reads_back_to_its_count(text):
    assert parts_of(zh(text)) == [("3640", "5200"), ("1040", "5200")]


@pytest.mark.parametrize(
    "text, parts",
    [
        ("第二季度被查处的县处级干部达38人，超过上半年70人的半数。", [("38", "70")]),
        ("本月受理的涉企案件120件，不足全年案件460件的三分之一。", [("120", "460")]),
    ],
    ids=["more-than-half", "less-than-a-third"],
)
def test_a_count_compared_with_a_fraction_of_another_is_a_part_of_it(text, parts):
    assert parts_of(zh(text)) == parts


def test_the_year_befores_figure_in_brackets_is_no_part():
    r = zh("查处虚假广告案件4起，比去年同期(11起)下降63.64%；查处计量案件15起，比去年同期(7起)上升114.29%。")
    assert parts_of(r) == []
    assert not [f for f in audit(r) if f.status == "inconsistent"]


def test_an_other_list_no_cue_ties_to_a_total_is_only_doubtful():
    r = zh("全年受理投诉520件，办结470件。以投诉类型分：家电维修96起、网络购物45起、其他类型9起。")
    (total_sum,) = [x for x in r.relations if x.type == "sum"]
    assert total_sum.confidence == "inferred"
    assert [f.status for f in audit(r) if f.check == "parts_and_wholes" and len(f.facts) == 4] == ["doubtful"]


def test_a_share_of_a_named_total_takes_the_count_presented_as_that_total():
    r = zh(
        "全年全县共受理消费诉求41200件，同比上升2.1%。12315平台受理诉求21630件，占诉求总量的52.5%；"
        "政务热线受理15490件，占诉求总量的37.6%。"
    )
    wholes = {f.text: r.fact(f.whole).text for f in r.facts if f.kind == "percentage" and f.whole}
    assert wholes == {"52.5%": "41200", "37.6%": "41200"}
    assert ("21630", "41200") in parts_of(r)


def test_the_money_of_a_part_is_a_part_of_the_money_of_its_whole():
    r = zh(
        "全年共立案侦办走私犯罪案件74起，案值18.6亿元。其中，刑事立案冻品走私案件10起，案值2.1亿元；"
        "刑事立案成品油走私案件25起，案值6.4亿元，涉案金额超过5万元的案件有20起。"
    )
    parts = parts_of(r)
    assert ("2.1亿元", "18.6亿元") in parts and ("6.4亿元", "18.6亿元") in parts
    assert not [p for p in parts if p[0] == "5万元"]  # a threshold is no part


@pytest.mark.parametrize(
    "text, source, target",
    [
        ("全省海关查获走私案件涉案金额4.6亿元人民币（约合6,500万美元）。", "4.6亿元人民币", "6,500万美元"),
        ("警方凍結涉案資金2,618.4萬元人民幣（約2,870萬港元）。", "2,618.4萬元人民幣", "2,870萬港元"),
        ("挽回经济损失1.3亿元，折合约1,800万美元。", "1.3亿元", "1,800万美元"),
    ],
)
def test_an_amount_restated_in_another_currency_is_a_conversion(text, source, target):
    rec = zh(text)
    (conv,) = [r for r in rec.relations if r.type == "conversion"]
    assert (rec.fact(conv.from_).text, rec.fact(conv.to).text) == (source, target)
    assert not inconsistent(rec)


@pytest.mark.parametrize(
    "text",
    [
        "涉案金额2.5亿元，其中3500万美元来自境外。",  # a part, not a restatement
        "追回赃款2.5亿元，3500万美元被冻结。",  # a comma and no cue: another amount
        "冻结资金800万元、300万美元。",  # two amounts of a list
    ],
)
def test_amounts_in_two_currencies_with_no_restating_cue_are_no_conversion(text):
    assert [r for r in zh(text).relations if r.type == "conversion"] == []


def test_a_conversion_at_an_impossible_rate_is_inconsistent():
    rec = zh("2019年，挽回经济损失2.5亿元人民币（约合5,000万美元）。")
    assert [f.check for f in inconsistent(rec)] == ["currency_conversion"]


@pytest.mark.parametrize(
    "text, surface, value",
    [
        ("警方共冻结涉案资金3,456.8万元。", "3,456.8万元", 34568000),
        ("查扣货值12,345.67元。", "12,345.67元", 12345.67),
    ],
)
def test_a_grouped_amount_with_decimals_is_one_figure(text, surface, value):
    (money,) = [f for f in zh(text).facts if f.kind == "money"]
    assert (money.text, money.value) == (surface, value)


@pytest.mark.parametrize(
    "text",
    [
        "全区受理审查起诉2460人，包括：盗窃罪810人、诈骗罪402人、抢劫罪97人，三类犯罪人数合计占受理审查起诉总数的53.2%。",
        "全年审结毒品案件318件、走私案件76件，以上两类案件合计占全部刑事案件的21.6%。",
        "查处赌博案件96起、涉黄案件41起，上述案件占治安案件总数的12.8%。",
    ],
)
def test_a_share_of_listed_figures_together_is_of_no_one_of_them(text):
    rec = zh(text)
    (share,) = [f for f in rec.facts if f.kind == "percentage"]
    assert share.of is None
    assert not inconsistent(rec)


def test_a_share_of_one_figure_keeps_its_part():
    rec = zh("受理案件1260件，其中盗窃案件315件，占25%。")
    assert of(rec, "25%") == "315"


@pytest.mark.parametrize(
    "text, change, target",
    [
        ("全市法院诉前调解纠纷2.3万件，占诉至法院纠纷量的31%，同比增长18.5%。", "18.5%", "2.3万"),
        ("全省检察机关受理控告申诉4,120件，占全部信访的46.2%，同比下降7.3%。", "7.3%", "4,120"),
        # a share moves in points; a named rate's change is the rate's
        ("受理案件1200件，占全省的15%，同比上升2个百分点。", "2个百分点", "15%"),
        ("执行到位比93.52%，同比提升1.76%。", "1.76%", "93.52%"),
    ],
)
def test_a_change_after_a_share_of_a_figure_is_the_figures(text, change, target):
    assert of(zh(text), change) == target


@pytest.mark.parametrize(
    "text",
    [
        "全市法院新收案件12.6万件，其中，2个区法院新收案数均超2万件，3个县法院新收案数超过1万件。",
        "全市共破获案件3200起，其中5个分局破案数超过300起。",
        "全省查处案件8600件，其中有4家企业涉案金额逾千万元。",
        "全省法院新收案件760.9万件，其中，甲、乙、丙3市法院新收案件均超50万件，丁、戊2市法院新收案件超过40万件，"
        "7个县法院新收案件过万件。",
    ],
)
def test_a_bar_passed_by_a_number_of_units_is_no_part(text):
    assert parts_of(zh(text)) == []


def test_a_bound_of_a_kind_of_case_is_still_a_part():
    assert parts_of(zh("全市共破获案件3200起，其中侵财案件超过1000起。")) == [("1000", "3200")]


@pytest.mark.parametrize(
    "text, first, second",
    [
        (
            "受理案件1200件、涉案人员1500人，同比分别上升6.4%、9.2%，增幅较上年分别下降12个、2.5个百分点。",
            "12个",
            "2.5个百分点",
        ),
        ("批捕、起诉人数同比分别增长3.1%和7.6%，增幅分别回落4个和0.8个百分点。", "4个", "0.8个百分点"),
    ],
)
def test_points_of_a_list_whose_last_item_names_them_are_the_changes_sizes(text, first, second):
    rec = zh(text)
    pts = [f for f in rec.facts if f.kind == "percentage" and f.text in (first, second)]
    assert [f.text for f in pts] == [first, second]
    assert not [f for f in rec.facts if f.kind == "count" and f.text == first[:-1]]
    changes = [f for f in rec.facts if f.kind == "percentage" and f.role == "change" and f.text.endswith("%")]
    assert [rec.fact(f.of).text for f in pts] == [c.text for c in changes[-2:]]


def test_counts_with_a_bare_measure_in_a_list_stay_counts():
    rec = zh("抓获嫌疑人12个、团伙3个。")
    assert [f.kind for f in rec.facts] == ["count", "count"]


@pytest.mark.parametrize(
    "text, total",
    [
        ("全区共受理审查起诉2460人。盗窃罪810人、诈骗罪402人、抢劫罪97人，三类犯罪人数合计占全部犯罪人数的53.2%。",
         "2460"),
        ("全区受理审查起诉2460人，包括：盗窃罪810人、诈骗罪402人、抢劫罪97人，三类合计占受理审查起诉总数的53.2%。",
         "2460"),
    ],
)
def test_listed_counts_a_collective_share_takes_in_are_parts_of_its_total(text, total):
    rec = zh(text)
    assert sorted(parts_of(rec)) == sorted([("810", total), ("402", total), ("97", total)])
    (share,) = [f for f in rec.facts if f.kind == "percentage"]
    assert rec.fact(share.whole).text == total and share.of is None


def test_an_item_of_a_collective_list_larger_than_the_total_is_flagged():
    rec = zh("全区共受理审查起诉2460人。盗窃罪810人、诈骗罪4020人、抢劫罪97人，三类犯罪人数合计占全部犯罪人数的53.2%。")
    assert [f.check for f in inconsistent(rec)] == ["parts_and_wholes"]


@pytest.mark.parametrize(
    "text, points, rate",
    [
        (
            "该区检察院共批准逮捕犯罪嫌疑人312人，不捕688人，不捕率为68.8%，高于全市平均不捕率30.5个百分点。",
            "30.5个百分点",
            "68.8%",
        ),
        ("结案率为93.5%，低于全省法院平均结案率2.1个百分点。", "2.1个百分点", "93.5%"),
    ],
)
def test_a_gap_to_another_rate_in_points_is_a_change_of_the_rate_not_a_rate(text, points, rate):
    rec = zh(text)
    fact = next(f for f in rec.facts if f.text == points)
    assert fact.role == "change" and rec.fact(fact.of).text == rate
    assert not inconsistent(rec)


@pytest.mark.parametrize(
    "text, part, whole",
    [
        # the decision inserted in the act reads as the act (批准和决定逮捕 is what 批捕 names)
        ("一季度，全市检察机关共批准和决定逮捕各类犯罪嫌疑人1216人。盗窃罪304人，占批捕总人数的25%。", "304", "1216"),
        # a bare 总数 is the total of the sentence before, whose words say it is one
        ("今年以来，全市共破获毒品刑事案件1512起；通过群众举报破获毒品案件302起，占总数的20%。", "302", "1512"),
    ],
)
def test_a_share_finds_the_total_its_words_name(text, part, whole):
    rec = zh(text)
    assert (part, whole) in parts_of(rec)
    (share,) = [f for f in rec.facts if f.kind == "percentage"]
    assert rec.fact(share.whole).text == whole and not inconsistent(rec)


@pytest.mark.parametrize(
    "text",
    [
        "一季度，全市检察机关共批准和决定逮捕各类犯罪嫌疑人1200人，不批准(决定)逮捕400人，不捕率为25%。",
        "一季度，全市检察机关共批准和决定逮捕各类犯罪嫌疑人1200人，不批准（决定）逮捕400人，不捕率为25%。",
        "今年1至6月，全市检察机关共批准逮捕未成年犯罪嫌疑人300人，不捕700人，不捕率为70%。",
        "共决定起诉未成年人410人，不起诉90人，不诉率为18%。",
    ],
)
def test_named_rates_read_through_inserted_decisions_and_minors(text):
    rec = zh(text)
    assert [r.type for r in rec.relations].count("rate") == 1
    assert [f.status for f in audit(rec) if f.check == "named_rate"] == ["consistent"]


@pytest.mark.parametrize(
    "text, direction",
    [
        ("2025年，全市法院审结刑事案件、毒品犯罪案件再降8.2%和6.5%。", "down"),
        ("今年以来，受理案件数又升12.4%。", "up"),
    ],
)
def test_a_one_character_change_after_again_is_a_change(text, direction):
    pcts = [f for f in zh(text).facts if f.kind == "percentage"]
    assert pcts and all(f.role == "change" and f.direction == direction for f in pcts)


def test_the_persons_of_a_case_part_are_no_part_of_the_cases():
    rec = zh(
        "全市检察机关共办理各类案件5280件。其中，审查逮捕案件1320件1865人、审查起诉案件2410件6102人、公益诉讼案件550件。"
    )
    assert sorted(parts_of(rec)) == sorted([("1320", "5280"), ("2410", "5280"), ("550", "5280")])
    assert not inconsistent(rec)


def test_pairs_under_a_pair_keep_both_parts():
    rec = zh("全年共受理审查起诉案件1200件1510人，其中盗窃案件300件402人。")
    assert sorted(parts_of(rec)) == sorted([("300", "1200"), ("402", "1510")])


def whole(rec, text):
    (fact,) = [f for f in rec.facts if f.text == text and f.kind == "percentage"]
    return rec.fact(fact.whole).text if fact.whole else None


# shares of one bare 总数 in a row: each count with its own 占总数的 is a part, never the next share's total
SAME_TOTAL = (
    "今年以来，全省共查处违规问题8420起。从问题类型看，违规吃喝问题共2310起，占总数的27.4%。"
    "其中违规收送礼金问题共1620起，占总数的19.2%。违规发放津贴补贴960起，占总数的11.4%。"
)


def test_shares_of_one_bare_total_share_its_whole_not_a_sibling():
    rec = zh(SAME_TOTAL)
    assert whole(rec, "19.2%") == whole(rec, "11.4%") == whole(rec, "27.4%") == "8420"
    assert not inconsistent(rec)


def test_a_count_with_its_own_share_of_the_total_is_no_total():
    rec = zh("全市查处违规问题共1200起，占总数的40%。违规公款吃喝问题共300起，占总数的10%。")
    assert whole(rec, "10%") != "1200"
    assert not inconsistent(rec)


@pytest.mark.parametrize(
    "text, share, total",
    [
        # the kind the share's total names is not the kind the earlier count counts: no whole, no flag
        ("今年7月，全国共查处违规问题6120起，处理8400人。7月，全国共查处问题2100起，占查处的形式主义、官僚主义问题总数的81.5%。",
         "81.5%", None),
        ("全年共查处问题3600起。从查处问题类型看，共查处问题1500起，占查处的享乐主义问题总数的62%。", "62%", None),
        # a named kind the total's words say (loosely: 未成年犯罪嫌疑人 for 未成年人犯罪) is its total
        ("全年受理审查起诉未成年犯罪嫌疑人5200人。其中，起诉盗窃犯罪1300人，占受理审查起诉未成年人犯罪总数的25%。",
         "25%", "5200"),
    ],
)
def test_a_total_of_a_named_kind_is_a_count_of_that_kind(text, share, total):
    rec = zh(text)
    assert whole(rec, share) == total
    assert not inconsistent(rec)


def test_items_of_one_act_and_different_kinds_are_siblings_not_totals():
    rec = zh(
        "5月，全省共查处地厅级干部问题12起，查处县处级干部问题140起，查处乡科级及以下干部问题1650起。"
        "其中，乡科级及以下干部问题占查处问题总数的91.6%。"
    )
    assert of(rec, "91.6%") == "1650"
    assert whole(rec, "91.6%") not in ("12", "140")
    assert not inconsistent(rec)


@pytest.mark.parametrize(
    "text, share, part",
    [
        ("全年查处违规吃喝问题2100起，违规收送礼品问题1800起。违规吃喝问题占查处问题总数的30.2%。", "30.2%", "2100"),
        ("全市法院审结涉企案件4300件，审结知识产权案件860件。其中，知识产权案件占全部审结案件的9.1%。", "9.1%", "860"),
    ],
)
def test_a_share_whose_subject_restates_a_count_is_of_that_count(text, share, part):
    assert of(zh(text), share) == part


def test_a_subject_two_counts_share_names_neither():
    rec = zh("全年查处违规吃喝问题2100起，其中违规吃喝问题在农村1800起。违规吃喝问题占查处问题总数的30.2%。")
    assert of(rec, "30.2%") is None


def sums_of_shares(rec):
    return [([rec.fact(p).text for p in r.parts], rec.fact(r.total).text) for r in rec.relations if r.type == "sum"]


RANKED = "上月受理诈骗案8210件，前3名依序为网络购物诈骗占31.2%、假投资诈骗18.5%、假交友诈骗10.3%，合计{}。"


def test_a_ranked_list_of_shares_is_of_the_total_before_it_and_sums_to_its_stated_total():
    rec = zh(RANKED.format("60%"))
    assert [whole(rec, p) for p in ("31.2%", "18.5%", "10.3%")] == ["8210"] * 3
    assert sums_of_shares(rec) == [(["31.2%", "18.5%", "10.3%"], "60%")]
    assert not [f for f in rec.facts if f.kind == "count" and f.text == "3"]  # 前3名: a rank, no count
    assert not inconsistent(rec)


def test_shares_that_do_not_add_up_to_their_stated_total_are_flagged():
    assert [f.check for f in inconsistent(zh(RANKED.format("62%")))] == ["parts_and_wholes"]


def test_a_share_sum_within_rounding_is_consistent():
    rec = zh("破获案件中，盗窃占40.1%、诈骗占22.3%、抢劫占7.7%，合计70.0%。")
    assert sums_of_shares(rec) and not inconsistent(rec)


@pytest.mark.parametrize(
    "text, share, whole_text",
    [
        ("全市共破获案件1500起，其中电信诈骗案件占40%。", "40%", "1500"),
        ("全年涉案金额3.2亿元，其中网络赌博占55%。", "55%", "3.2亿元"),
    ],
)
def test_a_share_naming_its_own_part_is_of_the_figure_before_as_its_whole(text, share, whole_text):
    rec = zh(text)
    assert whole(rec, share) == whole_text
    assert of(rec, share) is None


def test_a_share_right_after_its_figure_is_that_figures_share():
    rec = zh("全市破获案件1500起，占全省的40%。")
    assert of(rec, "40%") == "1500"


@pytest.mark.parametrize(
    "text",
    [
        "去年共有29名警员被捕，其中18人被警方拘捕，其余11人被其他部门拘捕，整体被捕数目较前年的43人为低。",
        "去年共有29名警员被捕，其中18人被警方拘捕，其余11人被其他部门拘捕，整体被捕数目较2016年的43人为低。",
    ],
)
def test_a_count_compared_against_is_no_part_and_the_rest_closes_the_breakdown(text):
    rec = zh(text)
    assert parts_of(rec) == [("18", "29"), ("11", "29")]
    assert sums_of(rec) == [(["18", "11"], "29")]
    assert not inconsistent(rec)


def rate_triples(rec):
    return [
        (rec.fact(r.rate).text, rec.fact(r.numerator).text, [rec.fact(d).text for d in r.denominator])
        for r in rec.relations
        if r.type == "rate"
    ]


@pytest.mark.parametrize(
    "text, rate, numerator, denominator",
    [
        ("今年1月至8月，共立刑事案件4120起、破案2260起，破案率54.85%。", "54.85%", "2260", ["4120"]),
        ("全市共立案1800起，侦破1500起，破案率83.3%。", "83.3%", "1500", ["1800"]),
        ("受理民事案件3120件；结案2480件，民事案件结案率总体水平为79.49%。", "79.49%", "2480", ["3120"]),
        # a rate no definition reads, named for one stated part of a whole: the part over the whole
        ("今年以来，公开流程信息合计3400件，其中有效公开案件3320件，无效公开案件80件，有效公开率97.65%。",
         "97.65%", "3320", ["3400"]),
    ],
)
def test_rates_read_from_their_names_and_the_counts_the_wording_gives(text, rate, numerator, denominator):
    rec = zh(text)
    assert rate_triples(rec) == [(rate, numerator, denominator)]
    assert not inconsistent(rec)


def test_a_rate_named_for_a_part_is_checked_against_its_counts():
    rec = zh("今年以来，公开流程信息合计3400件，其中有效公开案件3320件，无效公开案件80件，有效公开率95.65%。")
    assert [f.check for f in inconsistent(rec)] == ["named_rate"]


@pytest.mark.parametrize(
    "text",
    [
        # two counts say the rate's stem: no pick
        "公开流程信息合计3400件，其中有效公开案件3320件，有效公开并反馈案件3000件，有效公开率97.65%。",
        # the count that says the stem is no stated part of a whole
        "有效公开案件3320件，无效公开案件80件，有效公开率97.65%。",
    ],
)
def test_a_rate_named_for_a_part_needs_one_part_of_a_stated_whole(text):
    assert rate_triples(zh(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "1-6月，共受理各类案件5210件（去年同期为4980件），同比上升4.62%；其中旧存1320件，同比上升8.1%；新收3890件，同比上升3.5%；审执结2610件。",
        "全年共受理案件5210件，其中旧存1320件，新收3890件。",
    ],
)
def test_carried_over_and_new_cases_are_the_two_parts_of_the_caseload(text):
    rec = zh(text)
    assert sorted(parts_of(rec)) == [("1320", "5210"), ("3890", "5210")]
    assert not inconsistent(rec)


def test_the_year_befores_count_in_a_bracket_is_no_part():
    rec = zh("共受理案件2313件（去年同期为2296件），其中旧存670件（去年同期为220件），新收1643件。")
    assert ("220", "2313") not in parts_of(rec) and ("2296", "2313") not in parts_of(rec)


def test_a_comma_inside_a_bracket_does_not_cut_the_change_off_its_count():
    rec = zh("1-6月，共受理各类案件4210件（含执行1620件，与系统数据略有出入），同比下降6.2%。")
    assert of(rec, "6.2%") == "4210"


@pytest.mark.parametrize(
    "text, rate, numerator, denominator",
    [
        ("全年共受理民事案件420件，审结366件，审结率87.14%。", "87.14%", "366", ["420"]),
        ("办结审查起诉案件400件520人，适用认罪认罚审结360件470人，认罪认罚适用率90.38%。", "90.38%", "470", ["520"]),
        # a bracket saying what the count includes leaves it the count of its act
        ("决定起诉300件400人，决定不起诉（含附条件不起诉）40件50人，不诉率为11.11%。", "11.11%", "50", ["400", "50"]),
    ],
)
def test_more_named_rates_read_their_counts(text, rate, numerator, denominator):
    rec = zh(text)
    assert rate_triples(rec) == [(rate, numerator, denominator)]
    assert not inconsistent(rec)


def test_a_non_prosecution_rate_with_an_includes_bracket_is_checked():
    rec = zh("决定起诉300件400人，决定不起诉（含附条件不起诉）40件50人，不诉率为13.5%。")
    assert [f.check for f in inconsistent(rec)] == ["named_rate"]


@pytest.mark.parametrize(
    "text, parts",
    [
        ("全年起诉毒品犯罪2810人，占起诉总人数31200人的9.0%。", [("2810", "31200")]),
        ("受理网络诈骗案件1.4万件，占同期受理刑事案件总数6.2万件的22.6%。", [("1.4万", "6.2万")]),
        # a part its 其中 already places keeps that whole
        ("共立案4500件，其中贪污案件1300件，占全部4500件的28.9%。", [("1300", "4500")]),
    ],
)
def test_a_share_naming_its_wholes_figure_makes_its_figure_a_part_of_it(text, parts):
    assert parts_of(zh(text)) == parts


@pytest.mark.parametrize(
    "text, parts",
    [
        # a lead-in clause with no count before a cue that refers back leaves the cue opening its sentence
        (
            "全省共办理环境资源案件3120件。记者从新闻发布会上获悉，在上述案件中，非法采矿案件860件、非法捕捞案件415件。",
            [("860", "3120"), ("415", "3120")],
        ),
        ("全市共查处案件950起。在9日召开的通报会上，据悉，在这些案件中，涉网案件210起。", [("210", "950")]),
    ],
)
def test_a_referring_cue_after_a_lead_in_clause_reaches_the_sentence_before(text, parts):
    assert parts_of(zh(text)) == parts


def test_a_lead_in_clause_with_a_count_of_its_own_keeps_the_cue_in_its_sentence():
    rec = zh("全市共查处案件950起。会上通报了18个典型案例，在上述案例中，涉网案例7个。")
    assert ("7", "950") not in parts_of(rec)


def test_a_share_after_a_change_and_a_clause_with_no_figure_is_of_the_changed_count():
    rec = zh(
        "全省共办理走私案件4100件，其中成品油走私案件1350件。"
        "成品油走私案件同比上升8.4%，仍居各类案件之首，占案件总数的33%。"
    )
    share = next(f for f in rec.facts if f.text == "33%")
    assert (rec.fact(share.of).text, rec.fact(share.whole).text) == ("1350", "4100")


@pytest.mark.parametrize(
    "text, parts",
    [
        # a reporting clause that says nothing itself (据了解，, 据统计，) leaves any part cue opening its sentence
        (
            "全省累计办理涉农案件930件。据悉，在所办理的涉农案件中，普通程序案件801件，简易程序案件129件。",
            [("801", "930"), ("129", "930")],
        ),
        (
            "全市税务机关共稽查案件615件。据统计，在稽查的案件中，一般程序案件540件。其中制造业案件150件。",
            [("540", "615"), ("150", "615")],
        ),
    ],
)
def test_a_reporting_lead_in_leaves_a_part_cue_opening_its_sentence(text, parts):
    assert parts_of(zh(text)) == parts


@pytest.mark.parametrize(
    "text",
    [
        # a court's 审执结 closes its listing's 受理 for 结案率; 办结 does for 办结率
        "全院共受理各类案件2140件，审执结1926件，结案率90%。",
        "全局共受理群众信访件820件，已办结779件，信访办结率95%。",
    ],
)
def test_closures_by_other_verbs_make_their_rate(text):
    rec = zh(text)
    (rate,) = [r for r in rec.relations if r.type == "rate"]
    assert rec.fact(rate.numerator).text in ("1926", "779")
    assert [f.status for f in audit(rec) if f.check == "named_rate"] == ["consistent"]
