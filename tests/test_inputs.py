"""Bad input gets one clear line naming the input and the reason, never a traceback; the rest go on."""

import json

import pytest

from extractor.io.readers import InputError, decode

TEXT = "Police filed 999 cases, up 28.6% year-on-year, and recovered 2.3 billion yuan.\n"


def records(result):
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


@pytest.mark.parametrize(
    "encoding, data",
    [
        ("utf-8", TEXT.replace("cases", "cases — “top”").encode("utf-8")),
        ("utf-8-sig", b"\xef\xbb\xbf" + TEXT.encode("utf-8")),
        ("utf-16", TEXT.replace("cases", "cases “top”").encode("utf-16")),
        ("utf-16-le", TEXT.encode("utf-16-le")),
        ("gb18030", TEXT.replace("cases", "cases “top”，").encode("gb18030")),
        ("cp1252", TEXT.replace("cases", "cases café ’s").encode("cp1252")),
    ],
)
def test_encodings_of_the_genre_decode(encoding, data):
    text, used = decode(data)
    assert "999 cases" in text and "28.6%" in text
    assert used.replace("-sig", "").split("-")[0] == encoding.replace("-sig", "").split("-")[0]


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty file"),
        (b"   \n\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (bytes(range(1, 32)) * 10, "binary"),
    ],
)
def test_unreadable_bytes(data, reason):
    with pytest.raises(InputError, match=reason):
        decode(data)


def test_too_large():
    with pytest.raises(InputError, match="too large"):
        decode(b"x" * 101, max_bytes=100)


def test_extract_file_writes_one_record(cli, tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    result = cli("extract", tmp_path / "a.txt")
    assert result.exit_code == 0
    (rec,) = records(result)
    assert rec["source"].endswith("a.txt")
    assert [f["text"] for f in rec["facts"]] == ["999", "28.6%", "2.3 billion yuan"]


def test_folder_mixing_good_and_bad_documents(cli, tmp_path):
    (tmp_path / "1-good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "2-empty.txt").write_bytes(b"")
    (tmp_path / "3-binary.txt").write_bytes(b"\x00\x01\x02\x03PK\x03\x04" * 20)
    (tmp_path / "4-gb.txt").write_bytes(TEXT.replace("cases", "cases，").encode("gb18030"))
    (tmp_path / "5-latin1.txt").write_bytes(TEXT.replace("cases", "cases é").encode("latin-1"))
    (tmp_path / "ignored.md").write_text("not a release", encoding="utf-8")
    result = cli("extract", tmp_path)
    assert result.exit_code == 1
    recs = records(result)
    assert [r["source"].rsplit("/", 1)[-1] for r in recs] == [
        "1-good.txt",
        "2-empty.txt",
        "3-binary.txt",
        "4-gb.txt",
        "5-latin1.txt",
    ]
    assert "facts" in recs[0] and "facts" in recs[3] and "facts" in recs[4]
    assert recs[1]["reason"] == "empty file" and "binary" in recs[2]["reason"]
    errors = [line for line in result.stderr.splitlines() if line]
    assert len(errors) == 2 and all(line.startswith("extractor: error: ") for line in errors)
    assert "2-empty.txt: empty file" in errors[0]
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "make, reason",
    [
        (lambda p: p / "missing.txt", "no such file or folder"),
        (lambda p: (p / "empty-dir").mkdir() or p / "empty-dir", "folder holds no .txt/.jsonl/"),
    ],
)
def test_missing_inputs(cli, tmp_path, make, reason):
    path = make(tmp_path)
    result = cli("extract", path)
    assert result.exit_code == 1
    assert reason in result.stderr and str(path) in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_large_file_is_refused_with_a_clear_line(cli, tmp_path):
    (tmp_path / "big.txt").write_text(TEXT * 50, encoding="utf-8")
    result = cli("extract", tmp_path / "big.txt", "--max-bytes", 1000)
    assert result.exit_code == 1
    assert "big.txt: too large" in result.stderr


def test_stdin(cli):
    result = cli("extract", "-", input=TEXT.encode("utf-8"))
    assert result.exit_code == 0
    assert records(result)[0]["source"] == "-"


def test_jsonl_input_uses_published_as_reference_date(cli, tmp_path):
    rows = [
        {"id": "r1", "text": "Police filed 12 cases last year.", "published": "2020-05-01"},
        {"text": ""},
        "not an object",
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n{broken\n", encoding="utf-8")
    result = cli("extract", path)
    recs = records(result)
    assert recs[0]["source"] == f"{path}#r1" and recs[0]["doc_id"] == "r1"  # the file and the row; the id
    assert recs[0]["reference_date"] == "2020-05-01"
    assert recs[0]["reference_date_source"] == "published"
    assert [r.get("reason", "")[:10] for r in recs[1:]] == ["empty text", "a JSON Lin", "not JSON: "]
    assert result.exit_code == 1


def test_bad_reference_date_is_a_usage_error(cli, tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    result = cli("extract", tmp_path / "a.txt", "--reference-date", "last tuesday")
    assert result.exit_code == 2
    assert "not YYYY-MM-DD" in result.stderr


def test_bad_pattern_folder_is_a_usage_error(cli, tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    pats = tmp_path / "pats"
    pats.mkdir()
    (pats / "mine.jsonl").write_text("{nope\n", encoding="utf-8")
    result = cli("extract", tmp_path / "a.txt", "--patterns", pats)
    assert result.exit_code == 2
    assert "mine.jsonl:1" in result.stderr


def test_output_file(cli, tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = cli("extract", tmp_path / "a.txt", "-o", out)
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["facts"]


def test_dateline_gives_reference_and_publication_date(cli, tmp_path):
    (tmp_path / "a.txt").write_text("Updated: 2014-03-10 16:26\n\nPolice filed 12 cases last year.\n", encoding="utf-8")
    (rec,) = records(cli("extract", tmp_path / "a.txt"))
    assert (rec["reference_date"], rec["reference_date_source"], rec["published"]) == (
        "2014-03-10", "dateline", "2014-03-10")
    last_year = next(f for f in rec["facts"] if f["text"] == "last year")
    assert last_year["resolved"] == "2013"
