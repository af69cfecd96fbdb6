"""`extractor report --store`: the archive page, with charts built from the store."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from conftest import CHROMIUM, HEADLESS_FLAGS
from typer.testing import CliRunner

from extractor.cli import app
from extractor.io.archive_report import build_inputs, choose_metrics, document_period

RELEASES = [
    ("2019-01-20", "In 2018, procuratorates prosecuted 1,200 people for fraud, up 9.1% year-on-year."),
    ("2020-01-18", "In 2019, procuratorates prosecuted 1,380 people for fraud, up 15% year-on-year."),
    ("2021-01-22", "In 2020, procuratorates prosecuted 1,518 people for fraud, up 10% year-on-year."),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("archive")
    src = tmp / "releases.jsonl"
    src.write_text(
        "\n".join(json.dumps({"id": f"r{n}", "text": t, "published": p}) for n, (p, t) in enumerate(RELEASES)) + "\n",
        encoding="utf-8",
    )
    path = tmp / "archive.sqlite"
    result = CliRunner().invoke(app, ["batch", str(src), "--store", str(path), "--jobs", "1", "--no-progress"])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def page(store, tmp_path_factory):
    out = tmp_path_factory.mktemp("page") / "archive.html"
    result = CliRunner().invoke(app, ["report", "--store", str(store), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_metric_series_come_from_the_store(store):
    from extractor.io.store import Store

    with Store(store, create=False) as st:
        records = list(st.iter_records())
    metrics = choose_metrics(records, None)
    assert metrics[0] == "person: prosecuted"
    _, series, findings = build_inputs(records, metrics)
    assert series["person: prosecuted"] == {"2019": 1200, "2020": 1380, "2021": 1518}
    assert sum(findings["change_baseline"]["2019"].values()) == 1


def test_page_has_charts_as_inline_svg(page):
    svgs = page.count("<svg")
    assert svgs >= 2
    start = page.index("<svg")
    chart = page[start : page.index("</svg>", start) + 6]
    root = ET.fromstring(chart)
    assert root.get("role") == "img"
    assert "1,518" in page and "person: prosecuted" in page
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "")


def test_metric_option(store, tmp_path):
    out = tmp_path / "a.html"
    result = CliRunner().invoke(
        app, ["report", "--store", str(store), "--metric", "person: prosecuted", "-o", str(out)]
    )
    assert result.exit_code == 0
    assert "person: prosecuted" in out.read_text(encoding="utf-8")


def test_missing_store_is_one_line(tmp_path):
    result = CliRunner().invoke(app, ["report", "--store", str(tmp_path / "none.sqlite")])
    assert result.exit_code == 2 and "Traceback" not in result.output


@pytest.mark.parametrize(
    "record, period",
    [
        ({"published": "2020-06-02"}, "2020"),
        ({"reference_date": "2019-03-01"}, "2019"),
        ({"facts": [{"kind": "date", "value": "2018"}]}, "2018"),
        ({"facts": []}, "?"),
    ],
)
def test_document_period(record, period):
    assert document_period(record) == period


def test_archive_page_renders_in_chromium(page, tmp_path):
    if not CHROMIUM.exists():
        pytest.skip(f"headless Chromium ({CHROMIUM}) is not installed")
    import subprocess

    html = tmp_path / "archive.html"
    html.write_text(page, encoding="utf-8")
    flags = [
        *HEADLESS_FLAGS,
        f"--user-data-dir={tmp_path / 'profile'}",
        "--enable-logging=stderr",
        "--v=0",
    ]
    done = subprocess.run(
        [str(CHROMIUM), *flags, "--dump-dom", html.as_uri()], capture_output=True, text=True, timeout=60
    )
    assert "<svg" in done.stdout
    assert "CONSOLE" not in done.stderr or "Uncaught" not in done.stderr


PROBLEM_RELEASES = [
    ("2016-01-15", "https://example.org/r/2016", "In 2015, police filed 1,140 fraud cases, up 12% year-on-year."),
    ("2017-01-12", None, "In 2016, police filed 117 telecom fraud cases, up 31.8% year-on-year."),  # no baseline fits
    ("2020-01-10", "https://example.org/r/2020", "In 2019, police filed 1,350 fraud cases, up 8% year-on-year."),
]


@pytest.fixture(scope="module")
def problem_page(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("problems")
    src = tmp / "releases.jsonl"
    rows = [
        {"id": f"p{n}", "text": t, "published": p, **({"url": u} if u else {})}
        for n, (p, u, t) in enumerate(PROBLEM_RELEASES)
    ]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    store = tmp / "s.sqlite"
    runner = CliRunner()
    assert runner.invoke(app, ["batch", str(src), "--store", str(store), "--no-progress"]).exit_code == 0
    out = tmp / "archive.html"
    assert runner.invoke(app, ["report", "--store", str(store), "-o", str(out)]).exit_code == 0
    return out.read_text(encoding="utf-8")


def test_archive_lists_every_inconsistent_finding_with_its_release(problem_page):
    section = problem_page[problem_page.index('<section id="problems"') :]
    section = section[: section.index("</section>")]
    assert "Inconsistent findings (1)" in section
    assert 'href="#d-p1"' in section and "change baseline" in section
    assert "<strong>117</strong>" in section and "31.8%" in section
    assert problem_page.index('id="problems"') < problem_page.index('id="summary"')
    assert '<tr id="d-p1">' in problem_page


def test_archive_document_names_link_to_their_release(problem_page):
    table = problem_page[problem_page.index('<section id="summary"') :]
    # a JSON Lines row is named by its file and its id; the whole source is the cell's title
    assert '<a href="https://example.org/r/2016" rel="noopener noreferrer">releases.jsonl#p0</a>' in table
    assert '<a href="https://example.org/r/2020" rel="noopener noreferrer">releases.jsonl#p2</a>' in table
    assert re.search(r'<th scope="row" title="[^"]*/releases\.jsonl#p1">releases\.jsonl#p1</th>', table)  # no url


def test_time_axis_places_periods_by_date():
    from extractor.io.report_html import line_chart, period_position

    svg = line_chart({"cases": {"2015": 10, "2016": 20, "2019": 30}}, "t", chart_id="t")
    xs = [float(x) for x in re.findall(r'<g class="point"><title>[^<]*</title><circle cx="([\d.]+)"', svg)]
    assert len(xs) == 3
    assert (xs[2] - xs[1]) == pytest.approx(3 * (xs[1] - xs[0]), rel=0.01)  # 2016 -> 2019 is three years
    assert re.findall(r'class="year">(\d{4})<', svg) == ["2015", "2016", "2017", "2018", "2019"]
    assert [period_position(p) for p in ("2019", "2019-H1", "2019-Q4", "2019-07")] == pytest.approx(
        [2019.5, 2019.25, 2019.875, 2019 + 6.5 / 12]
    )
    assert period_position("Q1 report") is None
    categorical = line_chart({"cases": {"a": 1, "b": 2, "c": 3}}, "t", chart_id="u")
    xs = [float(x) for x in re.findall(r'<g class="point"><title>[^<]*</title><circle cx="([\d.]+)"', categorical)]
    assert (xs[2] - xs[1]) == pytest.approx(xs[1] - xs[0])
