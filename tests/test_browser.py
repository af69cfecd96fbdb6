"""The HTML audit report of samples/ in headless Chromium, driven over the DevTools protocol (standard library only).

Skipped when /usr/bin/chromium is absent (Debian: `apt-get install -y chromium`). Set EXTRACTOR_UPDATE_SCREENSHOT=1 to
rewrite docs/report.png, the screenshot in the README.
"""

from __future__ import annotations

import base64
import contextlib
import http.client
import json
import os
import socket
import struct
import subprocess
import time
from pathlib import Path

import pytest
from conftest import CHROMIUM, HEADLESS_FLAGS
from typer.testing import CliRunner

from extractor.cli import app
from extractor.io.readers import InputDoc, iter_inputs

ROOT = Path(__file__).resolve().parent.parent
FLAGS = [
    *HEADLESS_FLAGS,
    "--disable-extensions",
    "--hide-scrollbars",
    "--remote-debugging-port=0",
]
TIMEOUT = 20.0

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)")


class WebSocket:
    """Just enough of RFC 6455 for the DevTools protocol: masked text frames out, text frames in."""

    def __init__(self, host: str, port: int, path: str) -> None:
        self.sock = socket.create_connection((host, port), timeout=TIMEOUT)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(
            f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n".encode()
        )
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise ConnectionError("websocket handshake: connection closed")
            head += chunk
        head, self.buf = head.split(b"\r\n\r\n", 1)
        if b" 101 " not in head.split(b"\r\n", 1)[0]:
            raise ConnectionError(f"websocket handshake refused: {head[:200]!r}")

    def _read(self, n: int) -> bytes:
        while len(self.buf) < n:
            chunk = self.sock.recv(max(65536, n - len(self.buf)))
            if not chunk:
                raise ConnectionError("websocket closed")
            self.buf += chunk
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def _frame(self, opcode: int, payload: bytes) -> None:
        mask = os.urandom(4)
        n = len(payload)
        head = bytes([0x80 | opcode])
        if n < 126:
            head += bytes([0x80 | n])
        elif n < 65536:
            head += bytes([0x80 | 126]) + struct.pack(">H", n)
        else:
            head += bytes([0x80 | 127]) + struct.pack(">Q", n)
        self.sock.sendall(head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def send(self, text: str) -> None:
        self._frame(0x1, text.encode("utf-8"))

    def recv(self) -> str:
        message = b""
        while True:
            b0, b1 = self._read(2)
            opcode, n = b0 & 0x0F, b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._read(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._read(8))[0]
            mask = self._read(4) if b1 & 0x80 else b""
            data = self._read(n)
            if mask:
                data = bytes(b ^ mask[i % 4] for i, b in enumerate(data))
            if opcode == 0x8:
                raise ConnectionError("websocket closed by the browser")
            if opcode == 0x9:
                self._frame(0xA, data)
                continue
            if opcode in (0x0, 0x1, 0x2):
                message += data
                if b0 & 0x80:
                    return message.decode("utf-8")

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._frame(0x8, b"")
        self.sock.close()


class Page:
    """One Chromium tab: send DevTools commands, keep every event (console, exceptions, log, requests)."""

    def __init__(self, ws: WebSocket) -> None:
        self.ws, self.next_id, self.events = ws, 0, []

    def call(self, method: str, **params):
        self.next_id += 1
        my_id = self.next_id
        self.ws.send(json.dumps({"id": my_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == my_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            if "method" in msg:
                self.events.append(msg)

    def navigate(self, url: str, timeout: float = TIMEOUT) -> None:
        """Open url and return once its load event has fired."""
        seen = len(self.events)
        self.call("Page.navigate", url=url)
        deadline = time.monotonic() + timeout
        while not any(ev["method"] == "Page.loadEventFired" for ev in self.events[seen:]):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{url} did not load")
            msg = json.loads(self.ws.recv())
            if "method" in msg:
                self.events.append(msg)

    def js(self, expression: str):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression[:80]}...: {result['exceptionDetails']}")
        return result["result"].get("value")

    def errors(self) -> list[str]:
        out = []
        for ev in self.events:
            p = ev.get("params", {})
            if ev["method"] == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert", "warning"):
                out.append("console: " + " ".join(str(a.get("value", a.get("description"))) for a in p["args"]))
            elif ev["method"] == "Runtime.exceptionThrown":
                out.append("exception: " + json.dumps(p.get("exceptionDetails", {}))[:300])
            elif ev["method"] == "Log.entryAdded" and p["entry"]["level"] in ("error", "warning"):
                out.append(f"log: {p['entry'].get('text')} {p['entry'].get('url', '')}")
        return out

    def requests(self) -> list[str]:
        return [ev["params"]["request"]["url"] for ev in self.events if ev["method"] == "Network.requestWillBeSent"]

    def screenshot(self, path: Path) -> None:
        data = self.call("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))


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
def page(report, tmp_path_factory):
    """A headless Chromium tab at 1366x900 with the report loaded."""
    html, _, _ = report
    profile = tmp_path_factory.mktemp("chromium-profile")
    log = (profile.parent / "chromium.log").open("wb")
    proc = subprocess.Popen(
        [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", "about:blank"],
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    ws = None
    try:
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + TIMEOUT
        while not (port_file.exists() and port_file.read_text().strip()):
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"Chromium did not start (exit {proc.poll()}); see {log.name}")
            time.sleep(0.05)
        port = int(port_file.read_text().split()[0])
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
        conn.request("GET", "/json/list")
        targets = json.loads(conn.getresponse().read())
        conn.close()
        ws_url = next(t["webSocketDebuggerUrl"] for t in targets if t["type"] == "page")
        ws = WebSocket("127.0.0.1", port, "/" + ws_url.split("/", 3)[3])
        tab = Page(ws)
        for domain in ("Runtime", "Log", "Network", "Page"):
            tab.call(f"{domain}.enable")
        tab.call("Emulation.setFocusEmulationEnabled", enabled=True)  # focus events as in a focused window
        tab.call("Emulation.setDeviceMetricsOverride", width=1366, height=900, deviceScaleFactor=1, mobile=False)
        tab.navigate(html.as_uri())
        yield tab
    finally:
        if ws is not None:
            ws.close()
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


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
    page.call("Input.dispatchKeyEvent", type="keyDown", key="Escape", code="Escape", windowsVirtualKeyCode=27)
    page.call("Input.dispatchKeyEvent", type="keyUp", key="Escape", code="Escape", windowsVirtualKeyCode=27)
    assert page.js("document.getElementById('fact-pop').hidden") is True

    box = page.js(
        """(() => { const f = document.querySelector('.finding[data-status="inconsistent"]')
               || document.querySelector('.finding');
             f.scrollIntoView({block: 'center'}); const r = f.querySelector('.msg').getBoundingClientRect();
             return {x: r.left + 5, y: r.top + r.height / 2, facts: f.dataset.facts}; })()"""
    )
    for kind in ("mousePressed", "mouseReleased"):
        page.call("Input.dispatchMouseEvent", type=kind, x=box["x"], y=box["y"], button="left", clickCount=1)
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
