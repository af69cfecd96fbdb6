"""The benchmark script's pieces (no timing is asserted: speed is measured by running the script, not by tests)."""

from __future__ import annotations

import pytest
from conftest import script_module

from extractor.api import cached_pipeline


@pytest.fixture(scope="module")
def bench():
    return script_module("benchmark")


def test_documents_are_unique_so_the_store_does_not_skip_repeats(bench):
    base = bench.base_texts()
    texts = [bench.text_of(base, i) for i in range(2 * len(base))]
    assert len(set(texts)) == len(texts)
    assert texts[len(base)].startswith(base[0])


def test_breakdown_times_every_stage_of_a_run(bench, capsys):
    texts = [bench.text_of(bench.base_texts(), i) for i in range(3)]
    stages = bench.row_breakdown(texts)
    expected = {bench.FLOOR_STAGE, "extractor tokenizer", "record (pydantic)"}
    expected |= set(cached_pipeline(()).pipe_names)
    assert set(stages) == expected
    assert all(seconds >= 0 for seconds in stages.values())
    bench.print_breakdown(stages, len(texts))
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].split()[0] == "stage"
    # a line per stage, then the total and the tokenizer row the multiples are measured in
    assert len(lines) == 1 + len(expected) + 1
    assert lines[-1].startswith("tokenizer alone") and lines[-1].endswith("1.00x")


def test_breakdown_times_the_date_scan_once_per_document_and_pass(bench, monkeypatch):
    """The date component scans a release once, for its dateline and its dates alike (the extractor_dates stage
    holds both): a second scan would double that stage's cost unseen."""
    finder = cached_pipeline(()).get_pipe("extractor_dates").finder
    scans = []
    scan = finder._gated_scan
    monkeypatch.setattr(finder, "_gated_scan", lambda text: scans.append(text) or scan(text))
    texts = [bench.text_of(bench.base_texts(), i) for i in range(2)]
    bench.row_breakdown(texts)
    assert len(scans) == len(texts) * bench.BREAKDOWN_PASSES
