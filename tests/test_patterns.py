"""Pattern files: every bundled file loads; bad rows are reported by file and line; users can add their own."""

import json

import pytest

from extractor.api import run
from extractor.patterns import PatternFileError, load_pattern_file, load_patterns, patterns_dir
from extractor.pipeline import build_pipeline


@pytest.mark.parametrize("path", sorted(patterns_dir().glob("*.jsonl")), ids=lambda p: p.name)
def test_bundled_file_loads(path):
    assert load_pattern_file(path)


def test_ids_are_unique_across_files():
    rows = load_patterns()
    assert len({r.id for r in rows}) == len(rows)


def test_loading_twice_gives_fresh_lists():
    first = load_patterns()
    first.clear()
    assert load_patterns()


@pytest.mark.parametrize(
    "line, message",
    [
        ('{"id": "x-y-001", "label": "PERCENT_SIGN"}', "pattern"),
        ('{"id": "x-y-001", "label": "PERCENT_SIGN", "pattern": "%", "colour": 1}', "colour"),
        ('{"id": "Bad Id", "label": "PERCENT_SIGN", "pattern": "%"}', "kind-name-001"),
        ('{"id": "x-y-001", "label": "lower", "pattern": "%"}', "UPPER_CASE"),
        ('{"id": "x-y-001", "label": "X", "pattern": "(", "regex": true}', "regular expression"),
        ('{"id": "x-y-001", "label": "X", "pattern": [{"LOWR": "a"}]}', "token pattern"),
        ("{not json", "not JSON"),
    ],
)
def test_bad_rows_name_file_and_line(tmp_path, line, message):
    path = tmp_path / "mine.jsonl"
    path.write_text('{"id": "x-ok-001", "label": "X", "pattern": "fine"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(PatternFileError, match=r"mine\.jsonl:2: .*" + message):
        load_pattern_file(path)


def test_every_bad_line_is_listed_at_once(tmp_path):
    path = tmp_path / "mine.jsonl"
    path.write_text("{oops\n{again\n", encoding="utf-8")
    with pytest.raises(PatternFileError) as err:
        load_pattern_file(path)
    assert "mine.jsonl:1:" in str(err.value) and "mine.jsonl:2:" in str(err.value)


def test_duplicate_id_with_bundled_rules_is_an_error(tmp_path):
    (tmp_path / "dup.jsonl").write_text(
        json.dumps(
            {"id": "money-after-001", "label": "CURRENCY_AFTER", "pattern": "x", "attrs": {"currency": "XXX"}}
        )
        + "\n",
        encoding="utf-8",
    )
    with pytest.raises(PatternFileError, match="duplicate id"):
        load_patterns([tmp_path])


def test_user_patterns_add_a_currency(tmp_path):
    row = {
        "id": "mine-currency-001",
        "label": "CURRENCY_AFTER",
        "pattern": "ringgit sen",
        "attrs": {"currency": "MYR"},
    }
    (tmp_path / "mine.jsonl").write_text(
        json.dumps(row)
        + "\n"
        + json.dumps(
            {
                "id": "mine-currency-002",
                "label": "CURRENCY_AFTER",
                "pattern": "bitcoin",
                "attrs": {"currency": "XBT"},
            }
        )
        + "\n",
        encoding="utf-8",
    )
    nlp = build_pipeline([tmp_path])
    record = run(nlp, "Police seized 120 bitcoin from the gang.")
    (money,) = [f for f in record.facts if f.kind == "money"]
    assert (money.text, money.currency) == ("120 bitcoin", "XBT")


def test_missing_user_folder_is_an_error(tmp_path):
    with pytest.raises(PatternFileError, match="not a folder"):
        build_pipeline([tmp_path / "nope"])
