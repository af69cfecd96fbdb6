"""Long work is not silent: progress bars with a total when stderr is a terminal, a warning for too many jobs."""

from __future__ import annotations

import io
import json
import sys

import pytest

from extractor.batch import jobs_warning, run_batch
from extractor.cli import progress_bar
from extractor.io.inputs import count_documents, iter_documents

RELEASE = "Police in the county arrested {n} suspects in 2023, up 5% year-on-year.\n"


@pytest.fixture()
def folder(tmp_path):
    root = tmp_path / "in"
    (root / "deep").mkdir(parents=True)
    for n in range(3):
        (root / f"r{n}.txt").write_text(RELEASE.format(n=100 + n), encoding="utf-8")
    (root / "deep" / "p.html").write_text("<html><body><p>Courts heard 41 cases.</p></body></html>", encoding="utf-8")
    rows = [{"text": RELEASE.format(n=200 + n)} for n in range(4)]
    (root / "deep" / "rows.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    return root


def test_count_documents_matches_what_is_read(folder, tmp_path):
    assert count_documents([str(folder)]) == len(list(iter_documents([str(folder)]))) == 9
    assert count_documents([str(folder / "r*.txt"), str(tmp_path / "missing.txt")]) == 4
    assert count_documents(["-"]) is None


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_bar_with_total_on_a_terminal(folder, monkeypatch):
    monkeypatch.setattr(sys, "stderr", Terminal())
    bar = progress_bar(iter_documents([str(folder)]), [str(folder)])
    assert bar.total == 9 and len(list(bar)) == 9


def test_no_bar_when_stderr_is_not_a_terminal(folder, monkeypatch):
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    items = iter_documents([str(folder)])
    assert progress_bar(items, [str(folder)]) is items


def test_batch_bar_shows_total(folder, tmp_path, capsys):
    stats = run_batch([str(folder)], tmp_path / "s.sqlite", progress=True)
    assert stats.documents == 8 and stats.errors == 1
    err = capsys.readouterr().err
    assert "9/9" in err  # a total, so tqdm gives the ETA too


@pytest.mark.parametrize(
    "jobs, cores, load, expected",
    [
        (1, 2, 0.0, None),
        (2, 2, 0.1, None),
        (4, 2, 0.0, "--jobs 4 exceeds the 2 CPU cores"),
        (2, 2, 1.9, "the machine is busy (load 1.9 on 2 cores): --jobs 2 may run no faster than --jobs 1"),
        (1, 2, 5.0, None),  # one job: nothing to gain by fewer
        (4, 8, 2.0, None),
        (2, 2, None, None),
    ],
)
def test_jobs_warning(jobs, cores, load, expected):
    got = jobs_warning(jobs, cores, load)
    assert (got is None) if expected is None else (expected in got)


def test_batch_command_warns_about_jobs(cli, folder, tmp_path, monkeypatch):
    monkeypatch.setattr("extractor.batch.available_cores", lambda: 1)
    result = cli("batch", folder, "--store", tmp_path / "s.sqlite", "--jobs", "2", "--no-progress")
    assert "extractor: warning: --jobs 2 exceeds the 1 CPU cores" in result.stderr


def test_closing_line_on_a_terminal(folder, monkeypatch, capsys):
    from extractor.cli import summary_line

    monkeypatch.setattr(sys, "stderr", Terminal())
    summary_line(9, 1, 40, 2, 3.21)
    assert sys.stderr.getvalue() == (
        "extractor: 9 documents, 1 could not be read, 40 facts, 2 inconsistent findings in 3.2 s\n"
    )
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    summary_line(9, 1, 40, None, 3.2)
    assert sys.stderr.getvalue() == ""


def test_audit_store_shows_a_bar_with_total_and_a_closing_line(folder, tmp_path, monkeypatch):
    from extractor import cli_batch

    store = tmp_path / "s.sqlite"
    run_batch([str(folder)], store, progress=False)
    seen = []

    def bar(docs, total):
        seen.append(total)
        return docs

    monkeypatch.setattr(cli_batch, "_store_bar", bar)
    monkeypatch.setattr(sys, "stderr", Terminal())
    assert cli_batch.audit_store(store, out=tmp_path / "out.txt") == 0
    assert seen == [8]  # the store's documents, counted first: a total and an ETA
    assert sys.stderr.getvalue().startswith("extractor: 8 documents compared, 0 findings between releases")
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    seen.clear()
    assert cli_batch.audit_store(store, out=tmp_path / "out.txt") == 0
    assert seen == [] and sys.stderr.getvalue() == ""  # not a terminal: no bar, no line
