"""Batch runs into a store: bad inputs become error rows, re-runs skip finished documents, a run killed with
SIGKILL and restarted ends with the rows of an uninterrupted run, and --jobs 2 gives the same export as --jobs 1."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractor import cli_batch  # noqa: F401  (registers batch and export on the app)
from extractor.batch import BatchOptions, iter_batch_inputs, run_batch
from extractor.io.export import write_jsonl
from extractor.io.readers import InputDoc, InputFailure
from extractor.io.store import Store

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
CLI = [sys.executable, "-c", "import sys, extractor.cli_batch; from extractor.cli import main; main()"]

CITIES = ["Hefei", "Wuhan", "Xi'an", "Nanning", "Kunming", "Lanzhou", "Harbin", "Fuzhou"]


def release(i: int) -> str:
    """A short release of our own, different for each i."""
    city = CITIES[i % len(CITIES)]
    return (
        f"{city} Public Security Bureau: results of the spring campaign, bulletin {i}\n\n"
        f"Updated: 2023-0{1 + i % 9}-1{i % 10}\n\n"
        f"In 2022, police in {city} filed {100 + 7 * i} cases of telecom fraud, up {1 + i % 9}.{i % 10}% "
        f"year-on-year, and arrested {40 + 3 * i} suspects, of which {2 + i % 5} were gang leaders.\n\n"
        f"Police recovered {1 + i % 4}.{i % 10} million yuan for {20 + i} victims.\n"
    )


def make_archive(folder: Path, n: int = 40) -> Path:
    """n releases: the bundled samples (made unique) and our own bulletins."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        if i < len(SAMPLES) * 2:
            sample = SAMPLES[i % len(SAMPLES)].read_text(encoding="utf-8")
            text = sample + f"\nBulletin {i} ends here.\n"
        else:
            text = release(i)
        (folder / f"doc-{i:03d}.txt").write_text(text, encoding="utf-8")
    return folder


def export_jsonl(store_path: Path) -> str:
    from io import StringIO

    buf = StringIO()
    with Store(store_path, create=False) as store:
        write_jsonl(store, buf)
    return buf.getvalue()


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    return make_archive(tmp_path_factory.mktemp("archive") / "docs")


@pytest.fixture(scope="module")
def reference(archive, tmp_path_factory) -> str:
    """The export of an uninterrupted --jobs 1 run over the archive."""
    store = tmp_path_factory.mktemp("ref") / "ref.sqlite"
    stats = run_batch([str(archive)], store, jobs=1, progress=False)
    assert stats.errors == 0 and stats.documents == 40 and stats.skipped == 0
    return export_jsonl(store)


def test_mixed_folder_gives_error_rows_and_full_results(cli, tmp_path):
    docs = tmp_path / "in"
    (docs / "sub").mkdir(parents=True)
    good = SAMPLES[0].read_text(encoding="utf-8")
    (docs / "1-good.txt").write_text(good, encoding="utf-8")
    (docs / "2-empty.txt").write_bytes(b"")
    (docs / "3-binary.txt").write_bytes(b"\x00\x01\x02\x03PK\x03\x04" * 20)
    gb_text = "Police in Hefei filed 999 cases，up 28.6% year-on-year, and arrested 1,285 suspects.\n"
    (docs / "sub" / "4-gb.txt").write_bytes(gb_text.encode("gb18030"))
    latin = "Police in Hefei filed 512 cases, up 4.1% year-on-year, and seized 88 cars (café raid).\n"
    (docs / "sub" / "5-latin1.txt").write_bytes(latin.encode("latin-1"))
    (docs / "6-page.html").write_text(
        "<html><head><title>x</title><script>var n = 777;</script></head>"
        "<body><h1>Courts report</h1><p>Courts concluded <b>1,652</b> cases, up 9.2% year-on-year.</p></body></html>",
        encoding="utf-8",
    )
    (docs / "7-rows.jsonl").write_text(
        json.dumps({"id": "rel-7", "text": "Police arrested 31 suspects.", "published": "2023-05-01", "url": "u"})
        + "\nnot json\n",
        encoding="utf-8",
    )
    (docs / "notes.md").write_text("ignored: not an input suffix", encoding="utf-8")
    store = tmp_path / "s.sqlite"
    result = cli("batch", docs, "--store", store)
    assert result.exit_code == 1, result.output
    assert "5 documents (0 skipped as done)" in result.stderr
    assert "3 errors" in result.stderr
    with Store(store, create=False) as st:
        errors = dict(st.db.execute("SELECT source, reason FROM errors"))
        docs_rows = {
            Path(s).name: (t, enc) for s, t, enc in st.db.execute("SELECT source, text, encoding FROM documents")
        }
        url = st.db.execute("SELECT url FROM documents WHERE doc_id = 'rel-7'").fetchone()[0]
    assert sorted(Path(s).name for s in errors) == ["2-empty.txt", "3-binary.txt", "7-rows.jsonl:2"]
    assert "empty" in errors[str(docs / "2-empty.txt")] and "binary" in errors[str(docs / "3-binary.txt")]
    assert docs_rows["4-gb.txt"] == (gb_text, "gb18030")
    assert docs_rows["5-latin1.txt"][1] in ("cp1252", "latin-1")
    assert "var n" not in docs_rows["6-page.html"][0] and "x" not in docs_rows["6-page.html"][0].split()
    assert url == "u"
    records = [json.loads(line) for line in cli("export", store).stdout.splitlines()]
    by_name = {Path(r["source"]).name: r for r in records}
    assert {r["source"] for r in records if "error" in r} == set(errors)
    gb = by_name["4-gb.txt"]
    assert [f["text"] for f in gb["facts"] if f["kind"] != "date"] == ["999", "28.6%", "1,285"]
    assert isinstance(gb["findings"], list) and gb["coverage"]["figures"] == 3
    page = by_name["6-page.html"]
    text = docs_rows["6-page.html"][0]
    assert [text[f["start"] : f["end"]] for f in page["facts"]] == ["1,652", "9.2%"]
    row = by_name["7-rows.jsonl#rel-7"]  # a JSON Lines row with an id: its file and its id
    assert row["doc_id"] == "rel-7" and row["published"] == "2023-05-01"


def test_rerun_skips_finished_documents(cli, archive, reference, tmp_path):
    store = tmp_path / "s.sqlite"
    first = cli("batch", archive, "--store", store)
    assert first.exit_code == 0, first.output
    assert "40 documents (0 skipped as done)" in first.stderr
    again = cli("batch", archive, str(archive / "doc-00*.txt"), "--store", store)
    assert again.exit_code == 0
    assert "50 documents (50 skipped as done), 0 facts, 0 findings, 0 errors" in again.stderr
    assert export_jsonl(store) == reference


def test_jobs_2_gives_the_same_export_as_jobs_1(archive, reference, tmp_path):
    store = tmp_path / "s.sqlite"
    stats = run_batch([str(archive)], store, jobs=2, progress=False, chunk_size=4)
    assert (stats.documents, stats.errors) == (40, 0)
    assert export_jsonl(store) == reference


def test_killed_run_resumes_to_the_same_rows(archive, reference, tmp_path):
    store = tmp_path / "s.sqlite"
    args = [*CLI, "batch", str(archive), "--store", str(store), "--jobs", "1", "--chunk-size", "1"]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    committed = 0
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if store.exists():
                try:
                    with sqlite3.connect(store, timeout=1) as db:
                        committed = db.execute("SELECT count(*) FROM documents").fetchone()[0]
                except sqlite3.OperationalError:
                    committed = 0  # schema not there yet
                if committed >= 2:
                    break
            time.sleep(0.005)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the batch finished before it could be killed"
    with sqlite3.connect(store) as db:
        done = db.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert 2 <= done < 40
    rerun = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert f"40 documents ({done} skipped as done)" in rerun.stderr
    assert export_jsonl(store) == reference


def test_inputs_folders_globs_and_missing(tmp_path):
    make_archive(tmp_path / "a" / "b", 3)
    items = list(iter_batch_inputs([str(tmp_path / "a"), str(tmp_path / "a" / "b" / "doc-00[12].txt"), "nope/*.txt"]))
    names = [Path(i.source).name for i in items if isinstance(i, InputDoc)]
    assert names == ["doc-000.txt", "doc-001.txt", "doc-002.txt", "doc-001.txt", "doc-002.txt"]
    (failure,) = [i for i in items if isinstance(i, InputFailure)]
    assert failure.reason == "no file matches this pattern"


def test_bad_options_are_usage_errors(cli, tmp_path):
    result = cli("batch", tmp_path, "--store", tmp_path / "s.sqlite", "--reference-date", "yesterday")
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.stderr
    (tmp_path / "not-a-store.sqlite").write_bytes(b"hello, this is not SQLite at all" * 10)
    result = cli("batch", tmp_path, "--store", tmp_path / "not-a-store.sqlite")
    assert result.exit_code == 2 and "not an extractor store" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_changed_options_warn(tmp_path):
    make_archive(tmp_path / "in", 1)
    store = tmp_path / "s.sqlite"
    run_batch([str(tmp_path / "in")], store, progress=False)
    stats = run_batch([str(tmp_path / "in")], store, progress=False, options=BatchOptions(reference_date="2020-01-01"))
    assert stats.skipped == 1 and "other options" in stats.warnings[0]


def test_missing_dask_is_one_clear_line(cli, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "dask.distributed", None)
    make_archive(tmp_path / "in", 1)
    result = cli("batch", tmp_path / "in", "--store", tmp_path / "s.sqlite", "--scheduler", "local")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "extractor: error: --scheduler needs dask.distributed, which is not installed: "
        "pip install 'press-figures[dask]'"
    )


def test_importing_extractor_imports_no_dask():
    code = "import sys, extractor, extractor.batch, extractor.cli_batch; print('dask' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"


def test_jsonl_is_read_a_line_at_a_time(tmp_path):
    rows = [{"id": f"r{i}", "text": release(i), "published": "2023-01-02"} for i in range(3)]
    lines = [json.dumps(r) for r in rows]
    lines.insert(1, "")
    lines.insert(2, '{"text": ""}')
    lines.append(json.dumps({"text": release(9)}))
    path = tmp_path / "archive.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_batch_inputs([str(path)], max_bytes=len(release(0)) + 100))  # the file is larger than that
    got = [(i.source, type(i).__name__) for i in items]
    assert got == [
        (f"{path}#r0", "InputDoc"),  # a row with an id: its file and its id
        (f"{path}:3", "InputFailure"),
        (f"{path}#r1", "InputDoc"),
        (f"{path}#r2", "InputDoc"),
        (f"{path}:6", "InputDoc"),
    ]
    assert items[0].published == "2023-01-02" and items[0].doc_id == "r0"


def test_words_stay_while_warming_up_then_each_chunk_runs_in_a_memory_zone(monkeypatch):
    from extractor import workers as batch  # the worker side of batch runs
    from extractor.api import cached_pipeline

    monkeypatch.setattr(batch, "WARM_DOCS", 1)
    monkeypatch.setattr(batch, "_WARMED", {})
    options = BatchOptions()
    strings = cached_pipeline(options.patterns_dirs).vocab.strings

    def chunk(word: str) -> list:
        return [(word, InputDoc(f"{word}.txt", f"Police in Zhejiang questioned 12 {word} suspects in May."))]

    [(status, _, _, _)] = batch.process_chunk(chunk("Blorvexian"), options)
    [(status2, _, record, _)] = batch.process_chunk(chunk("Quaxlomite"), options)
    assert status == status2 == "ok" and "Quaxlomite" in record
    assert "Blorvexian" in strings  # warm-up: kept
    assert "Quaxlomite" not in strings  # in a zone: dropped with it
