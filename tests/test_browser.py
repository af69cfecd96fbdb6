"""The HTML audit report of samples/ in headless Chromium, driven by Playwright with the system's Chromium.

Skipped when /usr/bin/chromium (Debian: `apt-get install -y chromium`) or the playwright package (the `test` extra)
is absent; Playwright's own browser download is never used (`executable_path`). Set EXTRACTOR_UPDATE_SCREENSHOT=1 to
rewrite docs/report.png, the screenshot in the README.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import CHROMIUM, HEADLESS_FLAGS
from typer.testing import CliRunner

from extractor.cli import app
from extractor.io.readers import InputDoc, iter_inputs

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_MS = 20_000

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (the test extra)")


class Page:
    """One Chromium tab, keeping what the page said (console, exceptions, failed loads) and every request."""

    def __init__(self, tab) -> None:
        self.tab = tab
        self.messages: list[str] = []
        self.urls: list[str] = []
        tab.on("console", self._console)
        tab.on("pageerror", lambda err: self.messages.append(f"exception: {err}"))
        tab.on("requestfailed", lambda req: self.messages.append(f"failed: {req.url} {req.failure}"))
        tab.on("request", lambda req: self.urls.append(req.url))

    def _console(self, msg) -> None:
        if msg.type in ("error", "assert", "warning"):
            self.messages.append(f"console: {msg.text}")

    def navigate(self, url: str) -> None:
        """Open url and return once its load event has fired."""
        self.tab.goto(url, wait_until="load", timeout=TIMEOUT_MS)

    def js(self, expression: str):
        return self.tab.evaluate(expression)

    def errors(self) -> list[str]:
        return list(self.messages)

    def requests(self) -> list[str]:
        return list(self.urls)

    def screenshot(self, path: Path) -> None:
        self.tab.screenshot(path=str(path))


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """The HTML report of samples/, the JSON records it was made from, and each document's text."""
    out = tmp_path_factory.mktemp("report")
    html, jsonl = out / "report.html", out / "records.jsonl"
    runner = CliRunner()
    cwd = Path.cwd()
    os.chdir(ROOT)  # sources read 'samples/seed.txt', as in the README
    try:
        for fmt, path in (("html", html), ("json", jsonl)):
            result = runner.invoke(app, ["audit", "samples", "--format", fmt, "-o", str(path)])
            assert result.exit_code == 0, result.output
        texts = {d.source: d.text for d in iter_inputs(["samples"]) if isinstance(d, InputDoc)}
    finally:
        os.chdir(cwd)
    records = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    return html, records, texts


@pytest.fixture(scope="module")
def page(report):
    """A headless Chromium tab at 1366x900 with the report loaded."""
    html, _, _ = report
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), args=[f for f in HEADLESS_FLAGS if f != "--headless"], timeout=TIMEOUT_MS
        )
        try:
            tab = Page(browser.new_page(viewport={"width": 1366, "height": 900}))
            tab.navigate(html.as_uri())
            yield tab
        finally:
            browser.close()


def test_no_console_errors_and_no_network(page):
    """The page loads without console errors, exceptions or failed loads, and asks for nothing but its own file."""
    assert page.js("document.readyState") == "complete"
    assert page.errors() == []
    assert all(url.startswith("file:") for url in page.requests()), page.requests()


def test_every_fact_is_highlighted(page, report):
    """Each document section has one highlight per fact of its record, in order, and its text is the original."""
    _, records, texts = report
    docs = page.js(
        """Array.from(document.querySelectorAll('section.doc')).map(s => ({
             source: s.querySelector('h2').textContent.replace(/^\\s*\\d+\\s+/, ''),
             ids: Array.from(s.querySelectorAll('.doc-text [data-fact-id]')).map(m => m.dataset.factId),
             kinds: Array.from(s.querySelectorAll('.doc-text [data-fact-id]')).map(m => m.dataset.kind),
             text: s.querySelector('.doc-text').textContent}))"""
    )
    def inconsistent(r):
        return sum(f["status"] == "inconsistent" for f in r["findings"])

    problems_first = sorted(records, key=lambda r: (inconsistent(r) == 0, -inconsistent(r)))  # stable: input order
    assert [d["source"] for d in docs] == [r["source"] for r in problems_first]
    total = 0
    for doc, rec in zip(docs, problems_first, strict=True):
        facts = sorted(rec["facts"], key=lambda f: f["start"])
        assert doc["ids"] == [f["id"] for f in facts]
        assert doc["kinds"] == [f["kind"] for f in facts]
        assert doc["text"] == texts[rec["source"]]
        total += len(facts)
    assert page.js("document.querySelectorAll('[data-fact-id]').length") == total
    assert total > 0


def test_findings_link_to_highlights(page, report):
    """Every finding's links and data-facts name existing highlights; ids are unique; inconsistent findings first."""
    _, records, _ = report
    state = page.js(
        """(() => {
          const ids = Array.from(document.querySelectorAll('[id]')).map(e => e.id);
          const findings = Array.from(document.querySelectorAll('.finding')).map(f => ({
            status: f.dataset.status,
            section: f.closest('section.doc').id,
            facts: f.dataset.facts.split(' ').filter(Boolean),
            hrefs: Array.from(f.querySelectorAll('a[href^="#"]')).map(a => a.getAttribute('href').slice(1)),
          }));
          const targetOk = id => !!document.getElementById(id)?.hasAttribute('data-fact-id');
          const anchors = Array.from(document.querySelectorAll('a[href^="#"]'), a => a.getAttribute('href').slice(1));
          return {dupes: ids.filter((x, i) => ids.indexOf(x) !== i), findings,
                  bad: findings.flatMap(f => [...f.facts, ...f.hrefs].filter(id => !targetOk(id))),
                  dangling: anchors.filter(id => !document.getElementById(id))};
        })()"""
    )
    assert state["dupes"] == []
    assert state["bad"] == []
    assert state["dangling"] == []
    assert len(state["findings"]) == sum(len(r.get("findings", [])) for r in records)
    order = {"inconsistent": 0, "consistent": 1, "untestable": 2}
    for section in {f["section"] for f in state["findings"]}:
        ranks = [order[f["status"]] for f in state["findings"] if f["section"] == section]
        assert ranks == sorted(ranks)
    assert all(f["facts"] and f["hrefs"] for f in state["findings"])


def test_keyboard_and_pointer(page, tmp_path):
    """Focusing a highlight shows its popover; clicking a finding outlines its facts; Escape closes the popover."""
    popover = page.js(
        """(() => { const m = document.querySelector('.doc-text mark.fact'); m.focus();
             const p = document.getElementById('fact-pop');
             return {hidden: p.hidden, text: p.textContent, focused: document.activeElement === m,
                     desc: document.getElementById(m.getAttribute('aria-describedby')).textContent}; })()"""
    )
    assert popover["focused"] and not popover["hidden"]
    assert "value:" in popover["text"] and popover["desc"]
    page.tab.keyboard.press("Escape")
    assert page.js("document.getElementById('fact-pop').hidden") is True

    box = page.js(
        """(() => { const f = document.querySelector('.finding[data-status="inconsistent"]')
               || document.querySelector('.finding');
             f.scrollIntoView({block: 'center'}); const r = f.querySelector('.msg').getBoundingClientRect();
             return {x: r.left + 5, y: r.top + r.height / 2, facts: f.dataset.facts}; })()"""
    )
    page.tab.mouse.click(box["x"], box["y"])
    linked = page.js("Array.from(document.querySelectorAll('mark.linked')).map(m => m.id).join(' ')")
    assert linked.split() == box["facts"].split()
    page.screenshot(tmp_path / "finding.png")


def test_screenshot(page, tmp_path):
    """A laptop-sized screenshot of the top of the report, and of the first document with an inconsistency."""
    page.js("window.scrollTo(0, 0)")
    page.screenshot(tmp_path / "report-top.png")
    assert (tmp_path / "report-top.png").stat().st_size > 10_000
    if os.environ.get("EXTRACTOR_UPDATE_SCREENSHOT"):
        page.js(
            """(() => { const f = document.querySelector('.finding[data-status="inconsistent"]');
                 const s = f.closest('section.doc'); s.scrollIntoView({block: 'start'});
                 f.click(); const m = document.getElementById(f.dataset.facts.split(' ').pop());
                 m.focus({preventScroll: true}); })()"""
        )
        (ROOT / "docs").mkdir(exist_ok=True)
        page.screenshot(ROOT / "docs" / "report.png")
    assert page.errors() == []


def test_tricky_text_survives_the_browser(page, tmp_path):
    """Markup characters, CR LF, tabs and a leading newline come back exactly from the DOM (CR is escaped)."""
    from test_report_html import TEXT, make_record

    from extractor.io.report_html import render_html

    path = tmp_path / "tricky.html"
    path.write_text(render_html([(make_record(), TEXT)]), encoding="utf-8")
    page.navigate(path.as_uri())
    got = page.js(
        """({text: document.querySelector('.doc-text').textContent,
             marks: Array.from(document.querySelectorAll('.doc-text mark'), m => m.textContent)})"""
    )
    assert got["text"] == TEXT
    assert got["marks"] == [f.text for f in sorted(make_record().facts, key=lambda f: f.start)]
    assert page.errors() == []


def test_summary_sorts_and_filters(page):
    """Problem documents lead the summary; a heading sorts the rows; the status filter hides the other documents,
    in the table and below it."""
    rows = "Array.from(document.querySelectorAll('#summary-table tbody tr'))"
    first = page.js(f"{rows}[0].getAttribute('data-status')")
    assert first == "inconsistent"
    page.js("document.querySelectorAll('#summary-table thead button')[1].click()")  # Facts, ascending
    facts = page.js(f"{rows}.map(r => parseInt(r.cells[1].textContent))")
    assert facts == sorted(facts)
    page.js(
        "var s = document.querySelector('select[data-filter=status]'); s.value = 'inconsistent';"
        "s.dispatchEvent(new Event('change', {bubbles: true}))"
    )
    visible = page.js(f"{rows}.filter(r => !r.hidden).map(r => r.getAttribute('data-status'))")
    assert visible and set(visible) == {"inconsistent"}
    hidden_sections = page.js("Array.from(document.querySelectorAll('section.doc')).filter(s => s.hidden).length")
    assert hidden_sections == page.js(f"{rows}.filter(r => r.hidden).length")
    assert page.js("document.querySelector('form.filters output').textContent").startswith(f"{len(visible)} of")
    assert page.errors() == []


def test_agency_filter_hides_the_other_agencies(page, tmp_path):
    """Choosing an agency in the summary's filter leaves its documents alone shown, in the table and below it."""
    from test_report_html import TEXT, make_record

    from extractor.io.report_html import render_html

    base = make_record()
    audited = [
        (base.model_copy(update={"source": f"r{n}.txt", "agency": agency}), TEXT)
        for n, agency in enumerate(["customs", "Supreme People's Court", "customs", None])
    ]
    path = tmp_path / "agencies.html"
    path.write_text(render_html(audited), encoding="utf-8")
    page.navigate(path.as_uri())
    options = page.js("Array.from(document.querySelectorAll('select[data-filter=agency] option'), o => o.value)")
    assert options == ["", "customs", "Supreme People's Court"]
    page.tab.select_option("select[data-filter=agency]", "Supreme People's Court")
    shown = page.js(
        "Array.from(document.querySelectorAll('#summary-table tbody tr')).filter(r => !r.hidden)"
        ".map(r => r.querySelector('th').textContent)"
    )
    assert shown == ["r1.txt"]
    sections = page.js("Array.from(document.querySelectorAll('section.doc')).filter(s => !s.hidden).length")
    assert sections == 1
    page.tab.select_option("select[data-filter=agency]", "customs")
    assert page.js("document.querySelector('form.filters output').textContent") == "2 of 4 shown"
    assert page.errors() == []
