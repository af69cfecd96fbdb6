"""`extractor explain`: each numeral with what it became, or why it was dropped."""

import json

import pytest

from extractor.explain import explain


@pytest.mark.parametrize(
    "text, numeral, outcome, detail",
    [
        ("Procuratorates filed 999 cases last year.", "999", "count", "numbers-count-001"),
        ("Cases rose 28.6% year on year.", "28.6", "percentage", "percentages-sign-001"),
        ("The ratio was 1.5 overall.", "1.5", "dropped", "decimal without a unit"),
        ("In 2020 police filed 40 cases.", "2020", "date", None),
    ],
)
def test_each_numeral_says_what_it_became(nlp, text, numeral, outcome, detail):
    row = next(r for r in explain(nlp, text) if r["text"] == numeral)
    assert row["outcome"] == outcome
    assert text[row["start"] : row["end"]] == numeral
    if outcome == "dropped":
        assert row["reason"] == detail
    elif detail:
        assert row["pattern_id"] == detail


def test_explain_shows_links_with_their_evidence(nlp):
    rows = explain(nlp, "Procuratorates filed 999 cases. Among them, 119 involved fraud, accounting for 11.9%.")
    share = next(r for r in rows if r["text"] == "11.9")
    assert {(link["role"], link["confidence"]) for link in share["links"]} == {("of", "cued"), ("whole", "cued")}
    part = next(r for r in rows if r["text"] == "119")
    assert part["links"] == [{"role": "part of", "target": "f1", "cue": "among them", "confidence": "cued"}]


def test_explain_command(cli, tmp_path):
    result = cli("explain", "--json", "Police filed 9 cases, up 12.5%.")
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert result.exit_code == 0 and [r["outcome"] for r in rows] == ["count", "percentage"]
    path = tmp_path / "r.txt"
    path.write_text("Police filed 9 cases.", encoding="utf-8")
    result = cli("explain", path)
    assert result.exit_code == 0 and "count f1 '9' (numbers-count-001)" in result.output
    long_text = "Police filed 9 cases. " * 40  # longer than a file name may be
    result = cli("explain", long_text)
    assert result.exit_code == 0 and result.output.count("count f") == 40
    result = cli("explain", "")
    assert result.exit_code == 1 and result.output.count("\n") == 1 and "empty" in result.output
