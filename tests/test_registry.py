"""The label registry and the word lists: every rule row has a known label, fitting attrs and a reader."""

import json

import pytest

from extractor.checks import CHECK_NAMES
from extractor.labels import LABELS, check_label
from extractor.lexicon import words
from extractor.patterns import load_patterns

OTHER_READERS = {"unit table", "lexicon"}


def test_every_label_has_a_reader(nlp):
    readers = set(nlp.pipe_names) | set(CHECK_NAMES) | OTHER_READERS
    assert {name: entry.reader for name, entry in LABELS.items() if entry.reader not in readers} == {}


def test_every_bundled_row_has_a_registered_label():
    assert {row.label for row in load_patterns()} == set(LABELS)  # and every registered label has rows


@pytest.mark.parametrize(
    "label, attrs, reason",
    [
        ("CURRENCY_AFTR", {"currency": "CNY"}, "unknown label 'CURRENCY_AFTR' (known: ACTION"),
        ("CURRENCY_AFTER", {"currncy": "CNY"}, "attrs.currncy: Extra inputs are not permitted"),
        ("CURRENCY_AFTER", {"currency": "yuan"}, "attrs.currency"),
        ("OPERATION_NOT", {"scope": "phrases"}, "attrs.scope"),
        ("DATE", {"shape": "fortnight"}, "unknown shape 'fortnight'"),
        ("PART_CUE", {"mode": "amongst"}, "attrs.mode"),
        ("UNIT_CLASS", {"is_a": ""}, "attrs.is_a"),
        ("WORD", {"list": "Bad List"}, "attrs.list"),
    ],
)
def test_a_bad_label_or_attrs_is_named(label, attrs, reason):
    assert reason in (check_label(label, attrs) or "")


@pytest.mark.parametrize(
    "row, reason",
    [
        ({"label": "CURRENCY_AFTR", "pattern": "pesos", "attrs": {"currency": "MXN"}}, "unknown label"),
        ({"label": "CURRENCY_AFTER", "pattern": "pesos", "attrs": {"currncy": "MXN"}}, "attrs.currncy"),
        ({"label": "OPERATION_NOT", "pattern": "x", "regex": True, "attrs": {"scope": "phrases"}}, "attrs.scope"),
        ({"label": "DATE", "pattern": r"\d+", "regex": True, "attrs": {"shape": "fortnight"}}, "unknown shape"),
    ],
)
def test_a_bad_row_in_a_users_folder_is_one_line_and_exit_2(cli, tmp_path, row, reason):
    folder = tmp_path / "mine"
    folder.mkdir()
    good = {"id": "mine-ok-001", "label": "CURRENCY_AFTER", "pattern": "soles", "attrs": {"currency": "PEN"}}
    lines = [json.dumps(good), json.dumps({"id": "mine-bad-001", **row})]
    (folder / "mine.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    text = tmp_path / "r.txt"
    text.write_text("Police filed 999 cases in 2020.", encoding="utf-8")
    result = cli("extract", text, "--patterns", folder)
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "mine.jsonl:2: mine-bad-001" in result.output
    assert reason in result.output
    assert "Traceback" not in result.output


def test_a_users_currency_row_works(extract_with_patterns):
    record = extract_with_patterns(
        [{"id": "mine-ok-001", "label": "CURRENCY_AFTER", "pattern": "soles", "attrs": {"currency": "PEN"}}],
        "Customs seized goods worth 3.5 million soles.",
    )
    money = [f for f in record.facts if f.kind == "money"]
    assert [(m.text, m.currency) for m in money] == [("3.5 million soles", "PEN")]


@pytest.fixture()
def extract_with_patterns(tmp_path):
    from extractor.api import run
    from extractor.build import build_pipeline

    def _run(rows, text):
        folder = tmp_path / "user"
        folder.mkdir(exist_ok=True)
        (folder / "user.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
        return run(build_pipeline(patterns_dirs=[str(folder)]), text)

    return _run


@pytest.mark.parametrize(
    "name, word", [("np_stop", "respectively"), ("passive", "were"), ("irregular_participles", "given")]
)
def test_word_lists_are_data(name, word):
    assert word in words(name)


def test_an_unknown_word_list_is_named():
    with pytest.raises(ValueError, match="no word list 'nope'"):
        words("nope")


def test_a_users_row_replaces_a_built_in_row_with_the_same_surface(extract_with_patterns):
    rows = [{"id": "mine-pesos-001", "label": "CURRENCY_AFTER", "pattern": "pesos", "attrs": {"currency": "MXN"}}]
    (money,) = [f for f in extract_with_patterns(rows, "Police seized 2 million pesos.").facts if f.kind == "money"]
    assert (money.currency, money.pattern_id) == ("MXN", "mine-pesos-001")


def test_patterns_takes_a_jsonl_file_and_reports_every_bad_line(cli, tmp_path):
    path = tmp_path / "mine.jsonl"
    good = {"id": "mine-pesos-001", "label": "CURRENCY_AFTER", "pattern": "pesos", "attrs": {"currency": "MXN"}}
    path.write_text(json.dumps(good) + "\n", encoding="utf-8")
    text = tmp_path / "r.txt"
    text.write_text("Police seized 2 million pesos.", encoding="utf-8")
    result = cli("extract", text, "--patterns", path)
    assert result.exit_code == 0 and '"currency": "MXN"' in result.output
    bad = [{"id": f"mine-bad-00{n}", "label": "CURRENCY_AFTR", "pattern": "x"} for n in (1, 2)]
    path = tmp_path / "broken.jsonl"  # another file: pipelines are cached per set of pattern paths
    path.write_text("\n".join(json.dumps(r) for r in [good, *bad]) + "\n", encoding="utf-8")
    result = cli("extract", text, "--patterns", path)
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert len(lines) == 2 and "broken.jsonl:2: mine-bad-001" in lines[0]
    assert "broken.jsonl:3: mine-bad-002" in lines[1]
