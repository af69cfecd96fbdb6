"""Chinese named operations whose head stands after what they fight, and case codes before their case: new
sentences in the style of Chinese releases."""

import pytest

from extractor.api import extract


def operations(text):
    rec = extract(text, "2024-06-30", lang="zh")
    return [(f.text, f.code) for f in rec.facts if f.kind == "operation"]


@pytest.mark.parametrize(
    "text, ops",
    [
        ("广州海关缉私局开展“GZ-112”打击象牙及其制品走私专项行动，抓获犯罪嫌疑人14名。", [("GZ-112", False)]),
        ("福州海关开展“海盾21-07”打击非设关地冻品走私专项行动。", [("海盾21-07", False)]),
        ("海关总署部署开展“绿盾2021”专项第二轮集中打击行动，查证涉案废物3.2万吨。", [("绿盾2021", False)]),
        ("宁波海关缉私局侦办“使命2021-7”走私冰毒案，查获冰毒12公斤。", [("使命2021-7", True)]),
        ("云南警方侦破“618”特大跨国贩毒案，抓获犯罪嫌疑人9名。", [("618", True)]),
        # a word or two of what the operation guards between the name and 行动
        ("县公安局组织开展“春风、护学”护校行动，排查隐患120处。", [("春风、护学", False)]),
        ("市教育局开展“清风”护校专项行动以来，排查隐患3000处。", [("清风", False)]),
    ],
    ids=[
        "code-then-what-it-fights",
        "name-with-a-year-code",
        "lead-zhuanxiang",
        "case-code-dash",
        "case-code-digits",
        "word-then-xingdong",
        "word-then-zhuanxiang-xingdong",
    ],
)
def test_operations_with_words_between_name_and_head(text, ops):
    assert operations(text) == ops


@pytest.mark.parametrize(
    "text",
    [
        "积极开展打击“两抢一盗”专项整治，破获案件300起。",
        "查获“套路贷”案件45起，涉案金额2.1亿元。",
        "全市打击“黄赌毒”等违法犯罪，查处案件120起。",
        "重点整治“网络水军”打击不力等问题。",
    ],
    ids=["crime-after-daji", "quoted-crime-before-cases", "crime-without-head", "no-head-after-the-lead"],
)
def test_quoted_words_without_an_operation_head_are_no_operations(text):
    assert operations(text) == []


@pytest.mark.parametrize(
    "text, ops",
    [
        ("自6月1日夏季治安打击整治行动开展以来，全市共抓获嫌疑人320名。", [("夏季治安打击整治行动", False)]),
        ("全省公安机关深入开展冬季严打整治行动，破获案件900起。", [("冬季严打整治行动", False)]),
        ("百日行动期间，共立案侦查80件。", [("百日行动", False)]),
    ],
    ids=["summer-campaign", "winter-campaign", "hundred-days"],
)
def test_a_campaign_named_by_its_season_needs_no_quotes(text, ops):
    assert operations(text) == ops


@pytest.mark.parametrize("text", ["全省开展专项行动，破获案件900起。", "春季学期开学后，学校开展安全教育。"])
def test_a_generic_campaign_or_a_season_alone_is_no_name(text):
    assert operations(text) == []


def test_a_long_quoted_name_with_its_head_inside():
    text = "全国公安机关开展“打击整治养老诈骗犯罪及非法集资专项行动”，破获案件3.9万起。"  # 19 characters in quotes
    assert operations(text) == [("打击整治养老诈骗犯罪及非法集资专项行动", False)]


@pytest.mark.parametrize(
    "text, ops",
    [
        # a quoted code name after 打击: the name of an operation, not a crime fought
        ("市公安局深入开展打击“金盾”专项行动，抓获犯罪嫌疑人64名。", [("金盾", False)]),
        # heads of campaigns: 专项治理, 攻势
        ("深入推进“长风2024”专项治理，查处案件18起。", [("长风2024", False)]),
        ("在“百日清源”专项清理中，破获案件41起。", [("百日清源", False)]),
        # a name found in quotes, said again unquoted before a head
        (
            "省公安厅通报“冬春破案新攻势”战果，全省开展了为期三个月的冬春破案新攻势专项行动，破案1600起。",
            [("冬春破案新攻势", False), ("冬春破案新攻势", False)],
        ),
        # after 系列, a longer word before the head, and a count of rounds after it
        ("全年组织开展“远航”系列大规模查缉行动38次，出动警力5000人次。", [("远航", False)]),
        # a quoted mention before the one with the head is the same operation
        ("【成果】“雷火”全省排名第一。在“雷火”专项行动中，破案17起。", [("雷火", False), ("雷火", False)]),
        # national campaigns the press leaves unquoted
        ("自扫黑除恶专项斗争开展以来，全省常态化推进扫黑除恶斗争。", [("扫黑除恶", False), ("扫黑除恶", False)]),
    ],
    ids=[
        "code-after-daji",
        "zhuanxiang-zhili",
        "zhuanxiang-qingli",
        "repeated-unquoted",
        "series-rounds",
        "mention-before",
        "saohei",
    ],
)
def test_operation_names_in_the_shapes_provincial_releases_use(text, ops):
    assert operations(text) == ops


@pytest.mark.parametrize(
    "text, ops",
    [
        # what the operation fights may be quoted between the name and its head
        ("省公安厅部署开展“雷霆2023”打击“套路贷”犯罪专项行动，抓获犯罪嫌疑人320名。", [("雷霆2023", False)]),
        ("海关总署开展“国门利剑2020”打击“水客”走私专项行动。", [("国门利剑2020", False)]),
        # a joint operation with foreign police under its name
        ("公安部积极推进“湄公河”国际执法合作，破获跨国案件85起。", [("湄公河", False)]),
    ],
    ids=["quoted-crime-between", "quoted-smugglers-between", "international-cooperation"],
)
def test_operations_whose_lead_quotes_what_they_fight(text, ops):
    assert operations(text) == ops


def test_a_quoted_crime_after_the_lead_is_no_operation_of_its_own():
    text = "全市开展打击“电信诈骗”犯罪专项行动，破获案件900起。"
    assert operations(text) == []


@pytest.mark.parametrize(
    "text, surface, name",
    [
        (
            "深入開展“國(guó)門利劍2018”聯(lián)合專項(xiàng)行(xíng)動(dòng)，查獲走私案件52起。",
            "國(guó)門利劍2018",
            "國門利劍2018",
        ),
        ("部署开展“蓝(lán)盾2021”专项行动，立案侦(zhēn)办走私案件36起。", "蓝(lán)盾2021", "蓝盾2021"),
    ],
    ids=["traditional-glosses-everywhere", "gloss-inside-the-name"],
)
def test_pinyin_glosses_are_read_through_and_kept_in_the_surface(text, surface, name):
    rec = extract(text, "2024-06-30", lang="zh")
    ops = [f for f in rec.facts if f.kind == "operation"]
    assert [(f.text, f.name) for f in ops] == [(surface, name)]
    assert all(text[f.start : f.end] == f.text for f in rec.facts)


@pytest.mark.parametrize(
    "text, ops",
    [
        ("全县公安机关深化“净源护民”，破获涉毒案件17起。", [("净源护民", False)]),
        ("市场监管部门持续开展“守护2025”。共查办案件44件。", [("守护2025", False)]),
        ("交警支队强化“畅行护航”，查处违法行为9100起。", [("畅行护航", False)]),
        ("自3月起开展“百城清源”以来，全省共破获案件210起。", [("百城清源", False)]),
    ],
    ids=["shenhua-comma", "kaizhan-full-stop", "qianghua-comma", "since-it-was-run"],
)
def test_a_quoted_name_right_after_a_campaign_verb_needs_no_head(text, ops):
    assert operations(text) == ops


@pytest.mark.parametrize(
    "text",
    [
        "机关党委深入开展“三会一课”，参加党员210名。",  # a slogan opens with a numeral
        "深化“放管服”改革，办理业务300件。",  # no clause break after the quote
        "公安机关开展全省秋季集中清查整治行动，抓获逃犯30名。",  # a season after a scope: what a body does, no name
        "统筹推进全市交警部门冬季道路专项整顿行动，查处违法车辆500辆。",
    ],
    ids=["slogan-with-a-numeral", "reform-after-the-quote", "scope-then-season", "agency-then-season"],
)
def test_slogans_and_descriptions_of_a_season_are_no_names(text):
    assert operations(text) == []


@pytest.mark.parametrize(
    "text, ops",
    [
        ("2020年3月至6月组织开展了百镇清网会战，期间共破获案件210起。", [("百镇清网会战", False)]),
        ("全市部署开展指尖护民行动，打掉诈骗团伙12个。", [("指尖护民行动", False)]),
    ],
    ids=["huizhan-after-kaizhan-le", "xingdong-after-bushu-kaizhan"],
)
def test_an_unquoted_name_right_after_a_campaign_verb_with_its_head(text, ops):
    assert operations(text) == ops


@pytest.mark.parametrize(
    "text",
    [
        "全县开展打击整治行动，破获案件90起。",  # the words of a generic action
        "各地开展联合执法行动，查处违法企业40家。",
        "全区开展禁毒行动，收戒吸毒人员30名。",  # two characters: a kind of action, no name
        "法院开展“护薪直通车”，办理追索劳动报酬案件1300件。",  # a quoted service, no campaign
        "开展“法律服务热线”，接听来电2100个。",
    ],
    ids=["generic-daji-zhengzhi", "generic-lianhe-zhifa", "two-characters", "service-channel", "service-hotline"],
)
def test_generic_actions_and_services_after_a_campaign_verb_are_no_names(text):
    assert operations(text) == []


@pytest.mark.parametrize(
    "text, ops",
    [
        # an unquoted name after a campaign verb and the campaign's length
        ("全县组织开展了为期3个月的百村禁毒会战，查处吸毒人员41名。", [("百村禁毒会战", False)]),
        ("市局启动为期一年的平安校园行动，排查隐患86处。", [("平安校园行动", False)]),
        # a name found with its head, written again whole, is the operation again
        (
            "全市开展了千村禁赌会战。从千村禁赌会战来看，涉赌人员明显减少。",
            [("千村禁赌会战", False), ("千村禁赌会战", False)],
        ),
    ],
)
def test_unquoted_names_after_a_campaigns_length_and_their_mentions(text, ops):
    assert operations(text) == ops


def test_a_generic_action_after_a_campaigns_length_is_no_name():
    assert operations("开展为期一年的打击整治行动，抓获12人。") == []


@pytest.mark.parametrize(
    "text, names",
    [
        ("深入开展“春雷”、“净网”和打击走私“6.18”等专项行动。", ["春雷", "净网", "6.18"]),
        ("开展“护苗”、“清朗”和专项整治“4·20”等行动。", ["护苗", "清朗", "4·20"]),
    ],
)
def test_a_list_of_names_whose_last_has_a_lead_shares_the_head(text, names):
    from extractor.api import extract

    rec = extract(text, "2024-06-30", lang="zh")
    assert [f.text for f in rec.facts if f.kind == "operation"] == names
