"""Bad input on the command line, in batches and stores: one line naming the input and the reason, the documented
exit code, and the rest of the run goes on."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess

import pytest

from extractor.io.readers import read_bytes
from extractor.io.store import Store

RELEASE = "The procuratorate prosecuted 1,285 persons in 2021, up 24.5% year-on-year."


def _one_error_line(result) -> str:
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert "Traceback" not in result.stderr and len(lines) == 1, result.stderr
    assert lines[0].startswith("extractor: error: ")
    return lines[0]


# -- JSON Lines ---------------------------------------------------------------------------------------------------

SEPARATORS = ["\u2028", "\u2029", "\u0085"]


@pytest.mark.parametrize("sep", SEPARATORS, ids=["U+2028", "U+2029", "U+0085"])
def test_json_lines_are_split_on_newline_only(sep):
    rows = [{"text": f"Police arrested 12 suspects.{sep}They seized 7 guns.", "id": "a"}, {"text": "In 2020, 9 cases."}]
    data = "\n".join(json.dumps(r, ensure_ascii=False) for r in rows).encode("utf-8")
    items = list(read_bytes("rows.jsonl", data))
    assert [type(i).__name__ for i in items] == ["InputDoc", "InputDoc"]
    assert items[0].text == rows[0]["text"]
    assert items[1].source == "rows.jsonl:2"  # line numbers count "\n" only


@pytest.mark.parametrize("url", [5, {"a": 1}, ["x"], True], ids=["int", "dict", "list", "bool"])
def test_a_row_whose_url_is_not_a_string_is_an_error_and_the_chunk_is_stored(cli, tmp_path, url):
    rows = [
        {"text": "Police arrested 12 suspects.", "url": "https://example.org/1"},
        {"text": "A total of 31 cases were filed.", "url": url},
        {"text": "They seized 7 guns.", "url": None},
    ]
    (tmp_path / "rows.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    result = cli("batch", tmp_path / "rows.jsonl", "--store", tmp_path / "s.sqlite", "--chunk-size", 16)
    assert result.exit_code == 1, result.output
    assert "rows.jsonl:2: field 'url' must be a string" in result.stderr and "Traceback" not in result.stderr
    with Store(tmp_path / "s.sqlite", readonly=True) as st:
        assert st.counts()["documents"] == 2 and st.counts()["errors"] == 1


# -- outputs, stores, schedulers ----------------------------------------------------------------------------------


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_extract_to_a_full_device_is_one_line_and_exit_2(cli, tmp_path):
    (tmp_path / "a.txt").write_text(RELEASE, encoding="utf-8")
    result = cli("extract", tmp_path / "a.txt", "-o", "/dev/full")
    assert result.exit_code == 2
    assert "/dev/full: cannot write: No space left on device" in _one_error_line(result)


def test_a_bad_scheduler_address_is_one_line_and_exit_2(cli, tmp_path):
    pytest.importorskip("dask.distributed")
    (tmp_path / "a.txt").write_text(RELEASE, encoding="utf-8")
    result = cli("batch", tmp_path / "a.txt", "--store", tmp_path / "s.sqlite", "--scheduler", "bogus://x")
    assert result.exit_code == 2
    assert "cannot reach the Dask scheduler at bogus://x" in _one_error_line(result)


def test_a_full_disk_during_batch_is_one_line_and_the_store_resumes(cli, tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(40):
        (folder / f"{n:02}.txt").write_text(f"Release {n}. " + RELEASE + " Filler text. " * 200, encoding="utf-8")
    store = tmp_path / "s.sqlite"
    opened = Store.__init__

    def small_disk(self, *args, **kw):
        opened(self, *args, **kw)
        pages = self.db.execute("PRAGMA page_count").fetchone()[0]
        self.db.execute(f"PRAGMA max_page_count = {pages + 40}")  # SQLite's own 'database or disk is full'

    monkeypatch.setattr(Store, "__init__", small_disk)
    full = cli("batch", folder, "--store", store, "--chunk-size", 4)
    assert full.exit_code == 2
    line = _one_error_line(full)
    assert "cannot write" in line and "full" in line
    monkeypatch.setattr(Store, "__init__", opened)
    with Store(store, readonly=True) as st:
        kept = st.counts()["documents"]
    assert 0 < kept < 40 and kept % 4 == 0  # whole chunks only
    again = cli("batch", folder, "--store", store, "--chunk-size", 4)
    assert again.exit_code == 0, again.output
    assert f"40 documents ({kept} skipped as done)" in again.stderr
    fresh = cli("batch", folder, "--store", tmp_path / "fresh.sqlite")
    assert fresh.exit_code == 0
    assert cli("export", store).stdout == cli("export", tmp_path / "fresh.sqlite").stdout


@contextlib.contextmanager
def _read_only(folder):
    """Make `folder` and its files unwritable, as a read-only filesystem is (chattr +i, which binds root too;
    else chmod for other users); skip when neither holds."""
    paths = [folder, *folder.iterdir()]
    if os.geteuid() == 0:
        done = subprocess.run(["chattr", "+i", *map(str, paths)], capture_output=True).returncode == 0
        undo = ["chattr", "-i", *map(str, paths)]
    else:
        for p in paths:
            p.chmod(0o555 if p.is_dir() else 0o444)
        done, undo = True, None
    try:
        try:
            (folder / "probe").write_text("x")
            writable = True
        except OSError:
            writable = False
        if not done or writable:
            pytest.skip("cannot make a folder read-only here")
        yield
    finally:
        if undo:
            subprocess.run(undo, capture_output=True)
        else:
            for p in paths:
                p.chmod(0o755 if p.is_dir() else 0o644)


def test_a_read_only_store_can_be_exported_audited_and_reported(cli, tmp_path):
    (tmp_path / "a.txt").write_text(RELEASE, encoding="utf-8")
    folder = tmp_path / "ro"
    folder.mkdir()
    store = folder / "s.sqlite"
    assert cli("batch", tmp_path / "a.txt", "--store", store).exit_code == 0
    expected = cli("export", store).stdout
    assert sorted(p.name for p in folder.iterdir()) == ["s.sqlite"]  # WAL checkpointed on close
    with _read_only(folder):
        exported = cli("export", store)
        assert exported.exit_code == 0, exported.output
        assert exported.stdout == expected
        audited = cli("audit", "--store", store)
        assert audited.exit_code == 0, audited.output
        assert "read-only" in audited.stderr and "not saved" in audited.stderr
        report = cli("report", "--store", store, "-o", tmp_path / "r.html")
        assert report.exit_code == 0, report.output
        more = cli("batch", tmp_path / "a.txt", "--store", store)
        assert more.exit_code == 2
        assert "cannot open for writing" in _one_error_line(more)


def test_a_store_opened_read_only_refuses_writes(tmp_path):
    with Store(tmp_path / "s.sqlite") as st:
        st.set_meta("x", "1")
    with Store(tmp_path / "s.sqlite", readonly=True) as st, pytest.raises(sqlite3.OperationalError):
        st.db.execute("INSERT INTO meta VALUES ('y', '2')")


# -- names and options --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["nope\nextractor: ok: forged.txt", "nope\rcarriage.txt", "esc\x1b[31mred.txt", "sep\u2028x.txt"]
)
def test_control_characters_in_a_name_are_escaped_in_messages(cli, tmp_path, name):
    result = cli("extract", tmp_path / name)
    assert result.exit_code == 1
    line = _one_error_line(result)
    # '[31m' makes the name a glob pattern to the reader: 'no file matches this pattern'
    assert ("no such file or folder" in line or "no file matches" in line) and "\x1b" not in line and "\r" not in line
    assert repr(name)[1:-1] in line


def test_control_characters_in_a_batch_error_are_escaped(cli, tmp_path):
    bad = tmp_path / "empty\nextractor: ok.txt"
    bad.write_text("", encoding="utf-8")
    result = cli("batch", bad, "--store", tmp_path / "s.sqlite")
    assert result.exit_code == 1
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("extractor:")]
    assert len(errors) == 1 and "empty\\nextractor: ok.txt: empty file" in errors[0]


BAD_OPTIONS = [
    (("extract", "{f}", "--reference-date", "2021-01-01junk"), "--reference-date '2021-01-01junk'"),
    (("extract", "{f}", "--reference-date", "2021-02-30"), "--reference-date '2021-02-30'"),
    (("extract", "{f}", "--reference-date", "20210101"), "--reference-date '20210101'"),
    (("extract", "{f}", "--max-bytes", "-1"), "--max-bytes must be a size in bytes greater than 0, not -1"),
    (("audit", "{f}", "--max-bytes", "0"), "--max-bytes must be a size in bytes greater than 0, not 0"),
    (("batch", "{f}", "--store", "{s}", "--jobs", "-1"), "--jobs must be 1 or more (0: one per CPU), not -1"),
    (("batch", "{f}", "--store", "{s}", "--max-bytes", "-5"), "--max-bytes must be a size"),
    (("batch", "{f}", "--store", "{s}", "--chunk-size", "0"), "--chunk-size must be 1 or more, not 0"),
]


@pytest.mark.parametrize("args, message", BAD_OPTIONS, ids=[f"{a[0]}{a[2:]}" for a, _ in BAD_OPTIONS])
def test_bad_options_are_one_line_and_exit_2(cli, tmp_path, args, message):
    (tmp_path / "a.txt").write_text(RELEASE, encoding="utf-8")
    args = [a.format(f=tmp_path / "a.txt", s=tmp_path / "s.sqlite") for a in args]
    result = cli(*args)
    assert result.exit_code == 2
    assert message in _one_error_line(result)
    assert not (tmp_path / "s.sqlite").exists()


def test_a_real_reference_date_is_accepted(cli, tmp_path):
    (tmp_path / "a.txt").write_text("Last year, 12 suspects were arrested.", encoding="utf-8")
    result = cli("extract", tmp_path / "a.txt", "--reference-date", "2024-02-29")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["reference_date"] == "2024-02-29"
