"""One reader for every command: .txt, .html and .jsonl read alike by extract, audit and batch; HTML pages reduced
to their article with its title and date; Chinese encodings detected."""

from __future__ import annotations

import json

import pytest

from extractor.batch import run_batch
from extractor.io.html_input import has_main_text_extractor, read_html
from extractor.io.readers import decode
from extractor.io.store import Store

RELEASE = "In 2023, customs officers filed 214 smuggling cases, up 7.5% year-on-year, and seized 3.2 tons of drugs.\n"
PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>City procuratorate reports half-year figures - Legal Daily</title>
<meta name="PubDate" content="2023-07-21 09:30"><script>var visitors = 98765;</script></head>
<body><header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav></header>
<div class="counter">Visitors today 12,345</div>
<div class="main"><article><h1>City procuratorate reports half-year figures</h1>
<p>In the first half of 2023, procuratorates in the city approved the arrest of 8,412 suspects, up 6.3%
year-on-year, and prosecuted 11,027 people.</p>
<p>Among them, 1,204 people were prosecuted for telecom fraud, a year-on-year decrease of 4.1%. The procuratorates
also filed 318 public interest cases in the period under review.</p>
<p>The "Clean Net 2023" special action recovered 56 million yuan for victims across the city.</p>
</article></div>
<aside><h3>Related</h3><ul><li><a href="/a">Smuggling cases up 40% in coastal city</a></li>
<li><a href="/b">Court hears 77 appeals</a></li></ul></aside>
<footer><p>Copyright 2023 Legal Daily. All rights reserved. Visitors 2,000,000</p></footer></body></html>"""
needs_trafilatura = pytest.mark.skipif(not has_main_text_extractor(), reason="trafilatura not installed")


def mixed_folder(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(RELEASE, encoding="utf-8")
    (folder / "b.html").write_text(PAGE, encoding="utf-8")
    rows = [{"id": "r1", "text": "Police arrested 45 suspects in 2022."}, {"text": "Courts heard 63 cases."}]
    (folder / "sub" / "c.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return folder


def test_every_command_reads_the_same_documents(cli, tmp_path):
    folder = mixed_folder(tmp_path)
    extracted = [json.loads(line) for line in cli("extract", folder).stdout.splitlines()]
    audited = [json.loads(line) for line in cli("audit", folder, "--format", "json").stdout.splitlines()]
    store = tmp_path / "s.sqlite"
    assert run_batch([str(folder)], store, progress=False).errors == 0
    with Store(store, create=False) as st:
        batched = list(st.iter_records(errors=False))
    fields = ("source", "doc_id", "title", "published", "agency", "url")
    key = lambda recs: sorted((*(r.get(k) for k in fields), len(r["facts"])) for r in recs)  # noqa: E731
    assert len(extracted) == 4
    assert key(extracted) == key(audited) == key(batched)
    assert {r["source"].rsplit("/", 1)[-1] for r in extracted} == {"a.txt", "b.html", "c.jsonl#r1", "c.jsonl:2"}
    page = next(r for r in batched if r["source"].endswith("b.html"))
    assert page["title"] and page["published"]  # the page's title and date, kept by batch as by extract


@needs_trafilatura
def test_html_page_reduced_to_its_article(cli, tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    (doc,) = read_html(str(path), path.read_bytes())
    for chrome in ("12,345", "40%", "77 appeals", "Home", "98765", "2,000,000"):
        assert chrome not in doc.text
    assert "8,412 suspects" in doc.text and "56 million yuan" in doc.text
    (rec,) = [json.loads(line) for line in cli("extract", path).stdout.splitlines()]
    assert rec["title"] == "City procuratorate reports half-year figures"
    assert rec["published"] == "2023-07-21" and rec["reference_date_source"] == "published"
    assert {f["text"] for f in rec["facts"] if f["kind"] == "count"} >= {"8,412", "11,027", "1,204", "318"}
    assert not {"12,345", "77", "2,000,000"} & {f["text"] for f in rec["facts"]}
    assert all(doc.text[f["start"] : f["end"]] == f["text"] for f in rec["facts"])


def test_html_fallback_reads_visible_text_title_and_date():
    (doc,) = read_html("p.html", PAGE.encode("utf-8"), main=False)
    assert "98765" not in doc.text and "8,412 suspects" in doc.text
    assert doc.title == "City procuratorate reports half-year figures - Legal Daily"
    assert doc.published == "2023-07-21"


def test_html_without_trafilatura_falls_back(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "trafilatura", None)
    assert not has_main_text_extractor()
    (doc,) = read_html("p.html", PAGE.encode("utf-8"))
    assert "Visitors today 12,345" in doc.text and doc.published == "2023-07-21"


CHINESE = [
    "最高人民检察院发布数据：2023年上半年，全国检察机关共批准逮捕各类犯罪嫌疑人35万余人，同比上升12.4%。",
    "公安部通报：今年以来全国公安机关共破获刑事案件98万起，抓获犯罪嫌疑人126万名。",
    "海关总署：1至6月共查获走私案件4,213起，案值56.7亿元，同比下降8.2%",
    "法院审结一审案件1,256件",
    "国家监委立案审查调查“百日行动”涉案人员3,021人，给予党纪政务处分2,876人。",
]


@pytest.mark.parametrize("text", CHINESE, ids=[f"zh{n}" for n in range(1, 6)])
def test_gb18030_chinese_decodes(text):
    assert decode(text.encode("gb18030")) == (text, "gb18030")


def test_gb18030_file_offsets_into_the_decoded_text(cli, tmp_path):
    text = CHINESE[2] + "\n\nIn 2023, customs filed 4,213 cases.\n"
    path = tmp_path / "zh.txt"
    path.write_bytes(text.encode("gb18030"))
    (rec,) = [json.loads(line) for line in cli("extract", path).stdout.splitlines()]
    assert rec["encoding"] == "gb18030" and rec["length"] == len(text)
    assert rec["facts"] and all(text[f["start"] : f["end"]] == f["text"] for f in rec["facts"])


def test_chinese_text_read_as_english_gets_a_warning_not_a_silent_all_clear(cli, tmp_path):
    (tmp_path / "zh.txt").write_text(CHINESE[0] + CHINESE[1], encoding="utf-8")
    (tmp_path / "en.txt").write_text(RELEASE + "（完）", encoding="utf-8")
    result = cli("audit", tmp_path, "--format", "json", "--lang", "en")
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "zh.txt" in warnings[0] and "the pipeline reads English" in warnings[0]
