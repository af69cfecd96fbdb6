"""The HTML audit report's structure, read back with the standard library's html.parser; and the SVG chart helpers."""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.io.readers import InputDoc, iter_inputs
from extractor.io.report_html import (
    _sentence_html,
    bar_chart,
    compact,
    line_chart,
    nice_ceiling,
    render_archive_html,
    render_html,
    stacked_bar_chart,
)
from extractor.kinds import KINDS as KIND_REGISTRY
from extractor.models import (
    CountFact,
    DateFact,
    DocumentRecord,
    ErrorRecord,
    Finding,
    MoneyFact,
    MultiplierFact,
    OperationFact,
    PartOf,
    PercentageFact,
)

ROOT = Path(__file__).resolve().parent.parent
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SVG = "{http://www.w3.org/2000/svg}"


class Page(HTMLParser):
    """The parts of a report the tests look at: elements by id, links, highlights and each document's text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.elements: list[tuple[str, dict]] = []
        self.ids: list[str] = []
        self.texts: dict[str, str] = {}  # doc-text id -> its text content
        self.marks: list[dict] = []  # highlight attributes plus their text
        self.raw_text: list[str] = []  # text outside script and style
        self.doc_text: str | None = None
        self.mark: dict | None = None
        self.feed(html)
        self.close()
        self.by_id = {a["id"]: (t, a) for t, a in self.elements if "id" in a}

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        self.elements.append((tag, a))
        if "id" in a:
            self.ids.append(a["id"])
        if "doc-text" in a.get("class", "").split():
            self.doc_text = a["id"]
            self.texts[a["id"]] = ""
        if "data-fact-id" in a:
            assert self.mark is None, "highlights must not nest"
            self.mark = {**a, "tag": tag, "text": "", "in": self.doc_text}
        if tag not in VOID:
            self.stack.append((tag, a))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1:]}"
        _, a = self.stack.pop()
        if "data-fact-id" in a:
            self.marks.append(self.mark)
            self.mark = None
        if a.get("id") is not None and a.get("id") == self.doc_text:
            self.doc_text = None

    def handle_data(self, data):
        if self.doc_text is not None:
            self.texts[self.doc_text] += data
        if self.mark is not None:
            self.mark["text"] += data
        if not self.stack or self.stack[-1][0] not in ("script", "style"):
            self.raw_text.append(data)


def fact_attrs(page: Page, tag: str, **want) -> list[dict]:
    return [a for t, a in page.elements if t == tag and all(a.get(k) == v for k, v in want.items())]


TEXT = (
    '\nPress <release> & "notes"\r\n'
    "On 5 May 2023, police cracked 999 cases, up 28.6% year-on-year; 138 cases were 4.26 times last year's.\r\n"
    "The “5·13” operation recovered 2.3 billion yuan\tin total.\n\n"
    "Of them, 12 cases—<b>tagged</b>—were closed. 12"
)


def span(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def make_record(text: str = TEXT, extra_facts=(), findings=None) -> DocumentRecord:
    def at(part, nth=0):
        s, e = span(text, part, nth)
        return {"start": s, "end": e, "text": part}

    facts = [
        DateFact(id="f1", value="2023-05-05", granularity="day", **at("5 May 2023")),
        CountFact(id="f2", value=999, unit="case", subject="cases", action="cracked", **at("999")),
        PercentageFact(
            id="f3", value=28.6, role="change", direction="up", basis="year_on_year", of="f2", **at("28.6%")
        ),
        CountFact(id="f4", value=138, unit="case", **at("138")),
        MultiplierFact(id="f5", value=4.26, of="f4", **at("4.26 times")),
        OperationFact(id="f6", value="5·13", name="5·13", code=True, **at("5·13")),
        MoneyFact(id="f7", value=2_300_000_000, currency="CNY", **at("2.3 billion yuan")),
        CountFact(id="f8", value=12, unit="case", **at("12")),
        CountFact(id="f9", value=12, **at("12", 1)),  # the very last characters of the text
        *extra_facts,
    ]
    if findings is None:
        findings = [
            Finding(
                check="parts_and_wholes",
                status="consistent",
                severity="info",
                facts=["f8", "f2"],
                message="'12 cases' is no more than '999 cases'.",
                details={"part": 12, "whole": 999, "arithmetic": "12 <= 999"},
            ),
            Finding(
                check="change_baseline",
                status="untestable",
                severity="info",
                facts=["f2", "f3"],
                message="not tested",
                details={"reported": {"count": 999, "count_interval": [998.5, 999.5, "[)"]}},
            ),
            Finding(
                check="multiplier_baseline",
                status="inconsistent",
                severity="warning",
                facts=["f4", "f5"],
                message="'138 cases' at 4.26 times: no whole earlier count fits <either> reading.",
                details={"arithmetic": "138 / 4.26 = 32.39 & 138 / 5.26 = 26.24"},
            ),
        ]
    return DocumentRecord(
        source="inline <test>.txt",
        doc_id="abc",
        published="2023-05-06",
        length=len(text),
        facts=facts,
        relations=[PartOf(part="f8", whole="f2", cue="of_them")],
        findings=findings,
        coverage={"checked": 3, "figures": 7, "untestable": 1, "unchecked": ["f7", "f9"], "line": "3 of 7 checked"},
    )


@pytest.fixture(scope="module")
def page() -> Page:
    errors = ErrorRecord(source="broken.txt", error="broken.txt: binary file", reason="binary file <NUL>")
    return Page(render_html([(make_record(), TEXT), (errors, None)]))


def test_text_is_the_original_text(page):
    """Concatenating the text content of the document body gives back the text: markup, CR, tabs and all."""
    assert page.texts == {"doc1-text": TEXT}


def test_every_fact_is_a_focusable_highlight(page):
    """One highlight per fact, in document order, with its kind, its text, tabindex 0 and a description."""
    record = make_record()
    assert [m["data-fact-id"] for m in page.marks] == [f.id for f in sorted(record.facts, key=lambda f: f.start)]
    for m in page.marks:
        fact = record.fact(m["data-fact-id"])
        assert m["tag"] == "mark" and m["in"] == "doc1-text"
        assert m["text"] == fact.text and m["data-kind"] == fact.kind
        assert m["tabindex"] == "0" and m["id"] == f"doc1-{fact.id}"
        assert m["title"].startswith(f"kind: {fact.kind}\nvalue: ")
        desc_tag, _ = page.by_id[m["aria-describedby"]]
        assert desc_tag == "span"
    assert "value: × 4.26" in next(m for m in page.marks if m["data-fact-id"] == "f5")["title"]
    assert "of: f2 “999”" in next(m for m in page.marks if m["data-fact-id"] == "f3")["title"]


def test_ids_unique_and_links_resolve(page):
    """No id twice; every in-page link goes somewhere; every finding points at highlights."""
    assert len(page.ids) == len(set(page.ids))
    hrefs = [a["href"] for t, a in page.elements if t == "a" and a.get("href", "").startswith("#")]
    assert hrefs and all(h[1:] in page.by_id for h in hrefs)
    findings = fact_attrs(page, "li")
    findings = [a for a in findings if "finding" in a.get("class", "").split()]
    assert [a["data-status"] for a in findings] == ["inconsistent", "consistent", "untestable"]
    for a in findings:
        for target in a["data-facts"].split():
            assert "data-fact-id" in page.by_id[target][1]


def test_findings_show_sentence_arithmetic_and_details(page):
    text = "".join(page.raw_text)
    assert "138 / 4.26 = 32.39 & 138 / 5.26 = 26.24" in text  # the arithmetic, unescaped back
    assert "no whole earlier count fits <either> reading" in text
    assert "reported (count 999, count interval [998.5, 999.5))" in text  # compact details, no arithmetic
    assert "3 of 7 checked" in text  # the coverage line
    assert "4.26 times" in text and "were 4.26 times last year's." in text  # the sentence


def test_summary_and_error_row(page):
    """The summary table: a linked row per document, a row with the reason per unreadable input; th scoped."""
    text = "".join(page.raw_text)
    assert "binary file <NUL>" in text and "broken.txt" in text
    assert ("a", {"href": "#doc1"}) in page.elements
    assert all("scope" in a for t, a in page.elements if t == "th")
    assert not any(a.get("id", "").startswith("doc2") for _, a in page.elements)


def test_self_contained_and_accessible(page):
    """No external resource; lang, skip link, main landmark, headings, legend of every kind."""
    html = render_html([(make_record(), TEXT)])
    assert html.startswith("<!DOCTYPE html>")
    assert ("html", {"lang": "en"}) in page.elements
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "@import" not in html and "url(" not in html and "<link" not in html
    assert ("a", {"class": "skip", "href": "#main"}) in page.elements
    assert page.by_id["main"][0] == "main"
    tags = [t for t, _ in page.elements]
    for tag in ("header", "main", "section", "h1", "h2", "h3", "table", "caption", "ol"):
        assert tag in tags
    legend = [a.get("class", "") for t, a in page.elements if "sample" in a.get("class", "").split()]
    assert len(legend) == len(KIND_REGISTRY)


def luminance(colour: str) -> float:
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_kind_colours_meet_wcag_aa():
    """Text on every kind's tint, and each kind's label colour on its tint, reach 4.5:1."""
    css = (ROOT / "extractor" / "io" / "report_assets" / "report.css").read_text(encoding="utf-8")
    var = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-f]{6})", css))
    for kind in KIND_REGISTRY.values():  # the kinds' colours come from the kind registry
        assert contrast(var["ink"], kind.background) >= 4.5, kind.name
        assert contrast(kind.colour, kind.background) >= 4.5, kind.name
        assert contrast(kind.colour, "#f9fafb") >= 4.5, kind.name  # the label in the popover
    for status in ("bad", "ok", "unt"):
        assert contrast(var[status], var[f"{status}-bg"]) >= 4.5, status
    assert contrast(var["muted"], "#ffffff") >= 4.5


def test_sentence_bolds_whole_figures_only():
    html = _sentence_html("In 2012, 12 of 1,125 cases & 125 more.", ["12", "125"])
    assert html == "In 2012, <strong>12</strong> of 1,125 cases &amp; <strong>125</strong> more."


def test_overlapping_and_misplaced_facts_still_listed():
    """A fact overlapping an earlier one, or whose offsets do not match, is listed but not highlighted."""
    s, e = span(TEXT, "99 cases")  # starts inside '999' (f2)
    overlap = CountFact(id="f10", value=99, unit="case", start=s, end=e, text="99 cases")
    wrong = CountFact(id="f11", value=7, start=0, end=3, text="abc")
    finding = Finding(check="parts_and_wholes", status="consistent", severity="info", facts=["f10", "f2"], message="m")
    record = make_record(extra_facts=[overlap, wrong], findings=[finding])
    page = Page(render_html([(record, TEXT)]))
    assert page.texts["doc1-text"] == TEXT
    ids = [m["data-fact-id"] for m in page.marks]
    assert "f2" in ids and "f10" not in ids and "f11" not in ids
    assert "doc1-f10-row" in page.by_id and "doc1-f11-row" in page.by_id
    hrefs = {a["href"] for t, a in page.elements if t == "a"}
    assert "#doc1-f10-row" in hrefs
    assert "overlaps f2, not highlighted" in "".join(page.raw_text)


def test_without_text_or_findings():
    """A record without its text or findings still renders: facts listed, coverage computed."""
    record = make_record(findings=[]).model_copy(update={"findings": None, "coverage": None})
    page = Page(render_html([(record, None)]))
    assert page.marks == [] and page.texts == {}
    assert "doc1-f2-row" in page.by_id
    assert "0 of 7 figures checked" in "".join(page.raw_text)
    Page(render_html([]))


def test_samples_report_round_trips(tmp_path):
    """The report of samples/ through the command line: every fact highlighted, every text exact."""
    out = tmp_path / "report.html"
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(app, ["audit", "samples", "--format", "html", "-o", str(out)])
        texts = {d.source: d.text for d in iter_inputs(["samples"]) if isinstance(d, InputDoc)}
        json_out = CliRunner().invoke(app, ["audit", "samples", "--format", "json"])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    page = Page(out.read_text(encoding="utf-8"))
    records = [json.loads(line) for line in json_out.stdout.splitlines()]
    assert len(page.texts) == len(records) == len(texts)
    for n, rec in enumerate(records, start=1):
        assert page.texts[f"doc{n}-text"] == texts[rec["source"]]
        marks = [m["data-fact-id"] for m in page.marks if m["in"] == f"doc{n}-text"]
        assert sorted(marks) == sorted(f["id"] for f in rec["facts"])


@pytest.mark.parametrize(
    "details, expected",
    [
        ({"part": 26000, "whole": 1430000}, "part 26,000; whole 1,430,000"),
        ({"interval": [25500.0, 27000.0, "[)"]}, "interval [25,500, 27,000)"),
        ({"reported": {"count": 1652, "change": 9.2}}, "reported (count 1,652, change 9.2)"),
        ({"rounding": ["half_up", "truncate"], "none": None}, "rounding [half_up, truncate]"),
        ({"ratio": 7.1562, "years": list(range(8))}, "ratio 7.1562; years [0, 1, 2, 3, 4, 5, … 2 more]"),
    ],
)
def test_compact_details(details, expected):
    assert compact(details) == expected


@pytest.mark.parametrize(
    "value, expected", [(0, 1), (-3, 1), (0.7, 1), (1, 1), (1.1, 2), (2.2, 2.5), (3, 5), (7, 10), (180, 200)]
)
def test_nice_ceiling(value, expected):
    assert nice_ceiling(value) == pytest.approx(expected)


def svg(markup: str) -> ET.Element:
    root = ET.fromstring(markup)
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and desc is not None and title.text and desc.text
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    return root


def test_bar_chart():
    """One bar per value with its own <title>; labels escaped; a summary in <desc>; zero values draw nothing."""
    root = svg(bar_chart([("2021", 3), ("2022 <&>", 7), ("2023", 0)], "Cases <per> year", chart_id="c1"))
    assert root.get("id") == "c1"
    rects = root.findall(f".//{SVG}g[@class='bar']/{SVG}rect")
    assert [r.get("data-value") for r in rects] == ["3", "7"]
    assert float(rects[1].get("height")) > float(rects[0].get("height"))
    bars = [g.find(f"{SVG}title").text for g in root.iter(f"{SVG}g") if g.get("class") == "bar"]
    assert bars == ["2021: 3", "2022 <&>: 7", "2023: 0"]
    assert root.find(f"{SVG}desc").text == "2021: 3; 2022 <&>: 7; 2023: 0"
    assert root.find(f"{SVG}title").text == "Cases <per> year"


def test_bar_chart_empty_and_bad_values():
    root = svg(bar_chart({"a": "x", "b": float("nan")}, "Nothing"))
    assert root.findall(f".//{SVG}rect") == []
    assert any(t.text == "No data" for t in root.iter(f"{SVG}text"))
    assert root.get("id").startswith("chart-")


def test_stacked_bar_chart():
    """Bars stack by series; heights add up to the total; a legend names each series."""
    series = {"inconsistent": [1, 0], "consistent": [2, 4], "untestable": [1, 0]}
    root = svg(stacked_bar_chart(["2022", "2023"], series, "Findings", chart_id="s"))
    groups = [g for g in root.iter(f"{SVG}g") if g.get("class") == "bar"]
    assert [len(g.findall(f"{SVG}rect")) for g in groups] == [3, 1]
    heights = [sum(float(r.get("height")) for r in g.findall(f"{SVG}rect")) for g in groups]
    assert heights[0] == pytest.approx(heights[1])
    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert {"inconsistent", "consistent", "untestable"} <= set(labels)


def test_line_chart():
    """A path per series with more than one point, a marker per point, x labels sorted and shared."""
    series = {"cases": [("2023", 999), ("2021", 700), ("2022", 777)], "persons": {"2022": 1032, "2023": 1285}}
    root = svg(line_chart(series, "Figures", chart_id="l"))
    groups = [g for g in root.iter(f"{SVG}g") if g.get("class") == "series"]
    assert [g.get("data-series") for g in groups] == ["cases", "persons"]
    assert [len(g.findall(f"{SVG}path")) for g in groups] == [1, 1]
    points = [p.find(f"{SVG}title").text for g in groups for p in g.findall(f"{SVG}g")]
    assert points[:3] == ["cases, 2021: 700", "cases, 2022: 777", "cases, 2023: 999"]
    assert len(points) == 5
    svg(line_chart({}, "Empty"))
    svg(line_chart({"down": [("a", -5), ("b", 3)]}, "Negative"))


def test_archive_page():
    """The archive page: charts with unique ids, data tables, a documents table; parses cleanly."""
    html = render_archive_html(
        [{"source": "a.txt", "published": "2023-01-01", "facts": 10, "inconsistent": 1, "coverage": "1 of 2"}],
        {"cases filed": [("2022", 900), ("2023", 999)]},
        {"change_baseline": {2022: {"consistent": 2}, 2023: {"inconsistent": 1, "untestable": 3}}},
    )
    page = Page(html)
    assert len(page.ids) == len(set(page.ids))
    assert sum(1 for t, _ in page.elements if t == "svg") == 2
    assert "a.txt" in "".join(page.raw_text)
    assert ("html", {"lang": "en"}) in page.elements


def test_problem_documents_lead_the_report():
    """Documents with inconsistent findings come first in the summary and the sections; rows carry what the
    filters read (status, inconsistent checks, year)."""
    good = make_record().model_copy(update={"findings": [], "coverage": None, "source": "quiet.txt"})
    bad = make_record().model_copy(update={"source": "loud.txt", "published": "2021-05-02"})
    assert any(f.status == "inconsistent" for f in bad.findings)
    html = render_html([(good, TEXT), (good.model_copy(update={"source": "calm.txt"}), TEXT), (bad, TEXT)])
    rows = re.findall(
        r'<tr data-status="(\w+)" data-check="([^"]*)" data-year="(\d*)" data-doc="(doc\d+)" data-agency="[^"]*">', html
    )
    assert [r[0] for r in rows] == ["inconsistent", "ok", "ok"]
    assert rows[0][3] == "doc3" and rows[0][2] == "2021" and rows[0][1]
    sections = re.findall(r'<section class="doc" id="(doc\d+)"', html)
    assert sections == ["doc3", "doc1", "doc2"]
    for name in ("status", "check", "year", "agency", "text"):
        assert f'data-filter="{name}"' in html
    assert html.count("data-sort=") == 9
