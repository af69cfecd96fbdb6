"""What a read document brings to its record, the same in extract, audit and batch: a JSON Lines row's file and id,
the page's title and date, the agency, and a record that says so when no pipeline reads its language."""

from __future__ import annotations

import json
import re

import pytest

from extractor.batch import run_batch
from extractor.io.agency import AGENCY_LABELS, agency_of, agency_table
from extractor.io.inputs import unread_script
from extractor.io.store import Store
from extractor.patterns import PatternFileError


def records(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


# -- languages no pipeline reads --------------------------------------------------------------------------------

UNREAD = [
    ("russian", "В 2023 году органы прокуратуры возбудили 1250 уголовных дел, что на 12% больше, чем годом ранее.",
     "Cyrillic"),
    ("kana-only", "けいさつは ことし ２５けんの さぎじけんを かいけつしたと はっぴょうしました。", "Japanese kana"),
    ("japanese-with-kanji", "警察庁は、2023年に特殊詐欺事件を1万9038件認知したと発表した。前年より8.3%増えた。",
     "Japanese kana"),
    ("korean", "경찰은 올해 상반기에 보이스피싱 사건 3,512건을 적발했다고 밝혔다. 작년보다 12% 늘었다.",
     "Korean Hangul"),
    ("greek", "Η αστυνομία συνέλαβε 25 υπόπτους για απάτη το 2023, αύξηση 12% σε σχέση με πέρσι.", "Greek"),
    ("arabic", "ألقت الشرطة القبض على 25 مشتبها بهم في قضايا احتيال خلال عام 2023.", "Arabic"),
    ("halfwidth-katakana", "ｹｲｻﾂﾊ ｺﾄｼ ２５ｹﾝﾉ ｻｷﾞｼﾞｹﾝｦ ｶｲｹﾂｼﾀ。", "Japanese kana"),
]  # fmt: skip
READ = [
    ("english", "Procuratorates filed 1,250 cases in 2023, up 12% year-on-year."),
    ("english-quotes-dashes", "Police — in “Operation Thunder” — seized 3.2 tons of drugs, worth 5 million yuan."),
    ("english-with-a-russian-name", "Customs at Manzhouli (Маньчжурия) handled 212 smuggling cases in 2023."),
    ("chinese", "2023年，全市检察机关共批准逮捕犯罪嫌疑人1.2万人，同比上升8.5%。"),
    ("traditional", "2023年，全市檢察機關共批准逮捕犯罪嫌疑人1.2萬人，同比上升8.5%。"),
    ("chinese-with-a-katakana-dot", "“5·13”专案中，警方抓获犯罪嫌疑人・共计312名。"),
    ("chinese-with-fullwidth-latin", "ＧＤＰ、ＡＰＰ和ＷＥＢＳＩＴＥ：二〇二三年共查处违规网站１２家。"),
    ("fullwidth-english", "Ｐｏｌｉｃｅ ｓｏｌｖｅｄ ２５ ｃａｓｅｓ ｉｎ ２０２３."),
    ("rare-han", "𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇𠀈𠀉𠀊𠀋 共12件。"),
]


@pytest.mark.parametrize("text, script", [(t, s) for _, t, s in UNREAD], ids=[n for n, _, _ in UNREAD])
def test_a_script_no_pipeline_reads_is_named(text, script):
    reason = unread_script(text)
    assert reason is not None and script in reason


@pytest.mark.parametrize("text", [t for _, t in READ], ids=[n for n, _ in READ])
def test_english_and_chinese_are_read(text):
    assert unread_script(text) is None


def test_extract_gives_a_record_that_says_it_was_not_read(cli, tmp_path):
    path = tmp_path / "ru.txt"
    path.write_text(UNREAD[0][1], encoding="utf-8")
    result = cli("extract", path)
    (rec,) = records(result)
    assert result.exit_code == 0
    assert rec["lang"] is None and rec["facts"] == [] and "Cyrillic" in rec["not_read"]
    assert f"warning: {path}: not read: " in result.stderr


def test_audit_shows_a_document_not_read_never_an_all_clear(cli, tmp_path):
    (tmp_path / "a-ru.txt").write_text(UNREAD[0][1], encoding="utf-8")
    (tmp_path / "b-en.txt").write_text(READ[0][1], encoding="utf-8")
    text = cli("audit", tmp_path).stdout
    ru = text[text.index("a-ru.txt") : text.index("b-en.txt")]
    assert "not read: " in ru and "No inconsistencies found" not in ru and "Coverage" not in ru
    summary = text[text.index("== summary") :]
    assert "1 document read, 1 not read" in summary and "a-ru.txt" in summary
    only = cli("audit", tmp_path, "--only", "inconsistent").stdout
    assert "a-ru.txt" in only.split("== summary")[0]  # a problem to show, like an unreadable file
    html = cli("audit", tmp_path, "--format", "html").stdout
    row = re.search(r'<tr data-status="not-read"[^>]*>.*?</tr>', html)
    assert row and "a-ru.txt" in row.group(0) and "Not read" in row.group(0)
    assert '<option value="not-read">' in html


def test_batch_stores_the_record_not_read_and_counts_it(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "kana.txt").write_text(UNREAD[1][1], encoding="utf-8")
    (src / "en.txt").write_text(READ[0][1], encoding="utf-8")
    warned = []
    stats = run_batch(
        [str(src)], tmp_path / "s.sqlite", progress=False, on_warning=lambda s, m: warned.append((s, m))
    )
    assert stats.errors == 0 and stats.not_read == 1 and "1 not read" in stats.line()
    assert [s for s, _ in warned] == [str(src / "kana.txt")] and warned[0][1].startswith("not read: ")
    with Store(tmp_path / "s.sqlite", create=False) as st:
        recs = {r["source"]: r for r in st.iter_records()}
    assert "Japanese kana" in recs[str(src / "kana.txt")]["not_read"]
    assert "not_read" not in recs[str(src / "en.txt")]
    from extractor.io.tables import table_rows

    rows = {r["source"]: r for r in table_rows(recs.values(), "documents")}
    assert rows[str(src / "kana.txt")]["not_read"] and rows[str(src / "kana.txt")]["lang"] is None
    assert rows[str(src / "en.txt")]["not_read"] is None and rows[str(src / "en.txt")]["lang"] == "en"


def test_a_language_chosen_by_the_user_is_read_with_a_warning(cli, tmp_path):
    path = tmp_path / "ru.txt"
    path.write_text(UNREAD[0][1], encoding="utf-8")
    result = cli("extract", path, "--lang", "en")
    (rec,) = records(result)
    assert rec["lang"] == "en" and rec["not_read"] is None
    assert "Cyrillic" in result.stderr and "read as en as asked" in result.stderr


# -- agencies ---------------------------------------------------------------------------------------------------

AGENCIES = [
    ("spp-title", "Supreme People's Procuratorate releases 2023 figures", "In 2023, 1,250 cases were filed.",
     "Supreme People's Procuratorate"),
    ("spp-curly-apostrophe", None, "The Supreme People’s Procuratorate said that procuratorates filed 999 cases.",
     "Supreme People's Procuratorate"),
    ("title-before-text", "Customs seize 3.2 tons of drugs", "The Ministry of Public Security said ...", "customs"),
    ("local-procuratorate", None, "The Haidian District People's Procuratorate prosecuted 312 people.",
     "procuratorates"),
    ("police-family", None, "Police in Shenzhen solved 1,204 telecom fraud cases in the first half.", "police"),
    ("ccdi-abbreviation", None, "The CCDI announced that 58,000 cadres were disciplined.",
     "CCDI and National Supervisory Commission"),
    ("court-line-break", None, "The Supreme People's\nCourt heard 77 appeals.", "Supreme People's Court"),
    ("chinese-spp", None, "2023年，最高人民检察院共受理案件1.2万件。", "Supreme People's Procuratorate"),
    ("chinese-local", None, "北京市海淀区人民检察院共起诉312人。", "procuratorates"),
    ("chinese-customs", "海关总署：2023年查获走私案件212起", "全文如下。", "General Administration of Customs"),
    ("traditional", None, "2023年，最高人民檢察院共受理案件1.2萬件。", "Supreme People's Procuratorate"),
    ("none-named", None, "In 2023, 1,250 cases were filed, up 12% year-on-year.", None),
    ("only-far-down", None, "In 2023, 1,250 cases were filed. " * 12 + "The Ministry of Justice said so.", None),
    ("word-inside-a-word", None, "The policemen's union counted 40 members.", None),
]  # fmt: skip


@pytest.mark.parametrize("title, text, expected", [a[1:] for a in AGENCIES], ids=[a[0] for a in AGENCIES])
def test_agency_from_the_title_else_the_opening(title, text, expected):
    assert agency_of(title, text) == expected


def test_agency_stated_by_the_input_wins_and_every_command_keeps_it(cli, tmp_path):
    rows = [
        {"id": "a", "text": "Police in Hefei solved 40 cases in 2023.", "agency": "Hefei Public Security Bureau"},
        {"id": "b", "text": "The Supreme People's Court heard 77 appeals in 2023."},
        {"id": "c", "text": "In 2023, 12 cases.", "agency": 7},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    recs = records(cli("extract", path))
    assert [r.get("agency") for r in recs[:2]] == ["Hefei Public Security Bureau", "Supreme People's Court"]
    assert recs[2]["reason"] == "field 'agency' must be a string, not int" and recs[2]["source"] == f"{path}:3"
    assert run_batch([str(path)], tmp_path / "s.sqlite", progress=False).errors == 1
    with Store(tmp_path / "s.sqlite", create=False) as st:
        stored = {r["doc_id"]: r.get("agency") for r in st.iter_records(errors=False)}
    assert stored == {"a": "Hefei Public Security Bureau", "b": "Supreme People's Court"}
    html = cli("audit", path, "--format", "html").stdout
    assert '<option value="Supreme People&#x27;s Court">Supreme People&#x27;s Court</option>' in html
    assert 'data-agency="hefei public security bureau"' in html


def test_agency_word_list_errors_name_file_and_line(tmp_path):
    path = tmp_path / "agencies.jsonl"
    good = {"id": "agency-x-001", "label": "AGENCY", "pattern": "Bureau of Things", "attrs": {"agency": "things"}}
    lines = [
        json.dumps(good),
        json.dumps({**good, "id": "agency-x-002", "attrs": {"agnecy": "things"}}),
        json.dumps({**good, "id": "agency-x-003", "label": "AGENCI"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(PatternFileError) as err:
        agency_table(path)
    assert "agencies.jsonl:2:" in str(err.value) and "agencies.jsonl:3:" in str(err.value)
    path.write_text(json.dumps({**good, "pattern": "Bureau", "regex": True}) + "\n", encoding="utf-8")
    with pytest.raises(PatternFileError, match=r"agencies\.jsonl:1: agency-x-001: an AGENCY row is a phrase"):
        agency_table(path)


def test_bundled_agency_list_loads():
    regex, names = agency_table()
    assert set(AGENCY_LABELS) == {"AGENCY"} and len(names) > 40 and regex.pattern


# -- JSON Lines rows keep their file ----------------------------------------------------------------------------


def test_jsonl_rows_are_named_by_their_file_and_id(cli, tmp_path):
    for name in ("a.jsonl", "b.jsonl"):
        rows = [{"id": "r1", "text": f"Police in {name[0]} arrested 12 suspects."}, {"text": "Courts heard 9 cases."}]
        (tmp_path / name).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    recs = records(cli("extract", tmp_path))
    assert [(r["source"], r["doc_id"]) for r in recs] == [
        (f"{tmp_path / 'a.jsonl'}#r1", "r1"),
        (f"{tmp_path / 'a.jsonl'}:2", recs[1]["doc_id"]),
        (f"{tmp_path / 'b.jsonl'}#r1", "r1"),
        (f"{tmp_path / 'b.jsonl'}:2", recs[3]["doc_id"]),
    ]
    assert re.fullmatch(r"[0-9a-f]{16}", recs[1]["doc_id"])  # no id: the content's


def test_jsonl_title_is_kept(cli, tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"text": "Police arrested 12 suspects.", "title": "Twelve held"}) + "\n")
    (rec,) = records(cli("extract", path))
    assert rec["title"] == "Twelve held"
