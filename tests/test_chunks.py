"""Texts of any size run in chunks cut on paragraph boundaries: offsets exact, results as an unchunked run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor import chunks
from extractor.api import run

SAMPLES = sorted((Path(__file__).parent.parent / "samples").glob("*.txt"))
LINKS = ("of", "whole", "baseline", "alias_of")


def _chunk_of(starts: list[int], offset: int) -> int:
    return sum(1 for s in starts if s <= offset) - 1


CUT_CASES = [
    ("First paragraph here.\n\nSecond paragraph is here.\n\nThird.", 30, ["First paragraph here.\n\n"]),
    ("One line of words\nanother line of words\nand more", 30, ["One line of words\n"]),
    ("A sentence ends. Another one starts here and runs on", 30, ["A sentence ends. "]),
    ("words without any stop at all in this text", 20, ["words without any "]),
    ("x" * 50, 20, ["x" * 20]),
]


@pytest.mark.parametrize("text, size, first", CUT_CASES, ids=["paragraph", "line", "sentence", "space", "hard"])
def test_cut_points_prefer_paragraphs_then_lines_sentences_spaces(text, size, first):
    starts = chunks.cut_points(text, size)
    assert text[: starts[1]] == first[0]
    ends = [*starts[1:], len(text)]
    assert all(0 < e - s <= size for s, e in zip(starts, ends, strict=True))
    assert "".join(text[s:e] for s, e in zip(starts, ends, strict=True)) == text


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_chunked_run_matches_the_unchunked_run_on_the_samples(nlp, path):
    """Every fact the same (span, kind, value, unit, role ...); a link or relation differs only where the
    unchunked run linked across a cut, which a chunk cannot see."""
    text = path.read_text(encoding="utf-8")
    size = 700
    starts = chunks.cut_points(text, size)
    assert len(starts) > 1, "the sample must be cut for this test to mean anything"
    whole = run(nlp, text, "2022-01-01")
    cut = chunks.run_chunked(nlp, text, "2022-01-01", source="<text>", size=size)
    assert cut.doc_id == whole.doc_id and cut.length == len(text)
    a = [f.model_dump(exclude_none=True) for f in whole.facts]
    b = [f.model_dump(exclude_none=True) for f in cut.facts]
    assert len(a) == len(b)
    for fa, fb in zip(a, b, strict=True):
        fa_, fb_ = ({k: v for k, v in f.items() if k not in LINKS} for f in (fa, fb))
        if fa_ != fb_:
            # 'the same period last year', 'the same period in 2019' read the period named before them, which
            # may lie before the cut
            reads_back = fa["relative"] or "same period" in fa["text"].lower()
            assert fa["kind"] == "date" and reads_back and _chunk_of(starts, fa["start"]) > 0, (fa, fb)
            assert (fa["start"], fa["end"]) == (fb["start"], fb["end"])
    by_id = {f["id"]: f for f in a}
    crossing = 0
    for fa, fb in zip(a, b, strict=True):
        assert cut.fact(fb["id"]).text == text[fb["start"] : fb["end"]]
        for key in LINKS:
            if fa.get(key) != fb.get(key):
                target = by_id[fa[key]] if key in fa else by_id[fb[key]]
                assert _chunk_of(starts, target["start"]) != _chunk_of(starts, fa["start"]), (fa, fb, key)
                crossing += 1
    members = lambda r: [v for k, v in r.items() if k in chunks.RELATION_IDS]  # noqa: E731
    same_chunk = [
        r
        for r in whole.model_dump(by_alias=True)["relations"]
        if len({_chunk_of(starts, by_id[i]["start"]) for m in members(r) for i in (m if isinstance(m, list) else [m])})
        == 1
    ]
    got = cut.model_dump(by_alias=True)["relations"]
    assert all(r in got for r in same_chunk)


def test_a_text_longer_than_max_length_runs_in_chunks(nlp, monkeypatch):
    para = "In 2021, the city procuratorate prosecuted 1,285 persons, up 24.5% year-on-year.\n\n"
    text = para * 60
    monkeypatch.setattr(nlp, "max_length", 1_000)  # as a 1,000,001-character text against spaCy's default
    record = run(nlp, text, "2022-01-01")
    counts = [f for f in record.facts if f.kind == "count"]
    assert len(counts) == 60 and all(f.value == 1285 for f in counts)
    assert [f.id for f in record.facts] == [f"f{n}" for n in range(1, len(record.facts) + 1)]
    assert all(text[f.start : f.end] == f.text for f in record.facts)
    pct = [f for f in record.facts if f.kind == "percentage"]
    assert len(pct) == 60 and all(record.fact(p.of).value == 1285 for p in pct)


def test_an_operation_named_again_after_a_cut_is_still_an_alias(nlp):
    text = (
        "The province launched the Sky Net 2023 Special Operation in March.\n\n"
        + "Other work went on as planned in every county of the province.\n\n" * 3
        + "Under the Sky Net 2023 Special Operation, 310 suspects were caught.\n"
    )
    whole = run(nlp, text, "2023-12-01")
    cut = chunks.run_chunked(nlp, text, "2023-12-01", source="<text>", size=120)
    ops = lambda r: [(f.start, f.alias_of and r.fact(f.alias_of).start) for f in r.facts if f.kind == "operation"]  # noqa: E731
    assert ops(cut) == ops(whole)


def test_an_alias_after_a_cut_names_the_first_mention_in_the_text(nlp):
    """An alias of its chunk's first mention of an operation named before the cut is an alias of the mention
    before the cut, as in one run over the whole text (not an alias of an alias)."""
    para = (
        'The province launched the "Clean Wind 2024" special action (hereinafter referred to as the "Clean Wind '
        'Action") in May, and the Clean Wind Action closed 40 cases.\n\n'
    )
    text = para + "Other work went on as planned in every county of the province.\n\n" * 3 + para
    whole = run(nlp, text, "2024-12-01")
    cut = chunks.run_chunked(nlp, text, "2024-12-01", source="<text>", size=200)
    assert len(chunks.cut_points(text, 200)) > 2
    ops = lambda r: [(f.start, f.alias_of and r.fact(f.alias_of).start) for f in r.facts if f.kind == "operation"]  # noqa: E731
    assert ops(cut) == ops(whole)
    assert [target for _start, target in ops(cut)][-3:] == [27, 27, 27]


def test_extract_on_the_command_line_reads_a_long_file(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(chunks, "CHUNK_CHARS", 500)
    para = "Police arrested 12 suspects in the county, the bureau said on Monday.\n\n"
    (tmp_path / "long.txt").write_text(para * 40, encoding="utf-8")
    result = cli("extract", tmp_path / "long.txt")
    assert result.exit_code == 0, result.output
    row = json.loads(result.stdout)
    assert [f["value"] for f in row["facts"] if f["kind"] == "count"] == [12] * 40


def test_extract_many_runs_a_long_text_in_chunks_as_extract_does(monkeypatch):
    """Short texts around a long one keep their order; the long one is the record `extract` gives (past
    max_length, which nlp.pipe would refuse)."""
    from extractor import extract
    from extractor.api import cached_pipeline, extract_many

    monkeypatch.setattr(cached_pipeline(()), "max_length", 1_000)  # as 1,000,001 characters against the default
    para = "In 2022, the county court concluded 418 cases of telecom fraud, down 7.5% year-on-year.\n\n"
    long = para * 12
    texts = ["Police detained 36 suspects.", long, "The bureau froze 2.4 million yuan.", long[:200]]
    got = list(extract_many(texts, "2023-01-01"))
    assert [r.source for r in got] == ["<text 1>", "<text 2>", "<text 3>", "<text 4>"]
    assert got[1].model_dump(exclude={"source"}) == extract(long, "2023-01-01").model_dump(exclude={"source"})
    assert [f.value for f in got[1].facts if f.kind == "count"] == [418] * 12
    assert all(long[f.start : f.end] == f.text for f in got[1].facts)
    assert [f.value for f in got[0].facts if f.kind == "count"] == [36]
    assert [f.kind for f in got[2].facts] == ["money"]


def _per_chunk_records(nlp, text: str, size: int):
    """The record of `text` as one record per chunk merged (what run_chunked did before it merged plain data)."""
    from extractor import api

    starts = chunks.cut_points(text, size)
    parts = []
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        doc = api.make_doc(nlp, text[start:end], "2022-01-01")
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        parts.append((start, api.doc_to_record(doc, "<text>")))
    return chunks.merge(text, parts)


MERGE_CASES = [
    "\n\n".join(p.read_text(encoding="utf-8") for p in SAMPLES),
    # a figure no model accepts in every chunk: the record-per-chunk way, its warnings offset into the whole text
    'Police solved 25 cases, a decrease of 0 Times. The "Sky Net" action caught 12 fugitives.\n\n' * 30,
    # an operation named in every chunk: aliases across the cuts
    'The "Clean Net 2021" campaign closed 41 cases. The "Clean Net 2021" campaign went on.\n\n' * 30,
]


@pytest.mark.parametrize("text", MERGE_CASES, ids=["samples", "bad-figures", "aliases"])
def test_merged_plain_data_is_the_merge_of_the_chunk_records(nlp, text):
    size = 700
    assert len(chunks.cut_points(text, size)) > 3
    got = chunks.run_chunked(nlp, text, "2022-01-01", source="<text>", size=size)
    assert got == _per_chunk_records(nlp, text, size)
    assert all(text[f.start : f.end] == f.text for f in got.facts)


@pytest.mark.parametrize("enabled", [True, False], ids=["gc-on", "gc-off"])
def test_a_chunked_run_leaves_the_garbage_collector_as_the_caller_had_it(nlp, monkeypatch, enabled):
    import gc

    was = gc.isenabled()
    inside, between = [], []
    real_renumbered = chunks._renumbered
    from extractor import api

    def make_doc(*args, **kwargs):
        inside.append(gc.isenabled())  # within a chunk: paused
        return real_make_doc_api(*args, **kwargs)

    def renumbered(parts):
        between.append(gc.isenabled())  # after the chunks, before the final validation: the caller's setting
        return real_renumbered(parts)

    real_make_doc_api = api.make_doc
    monkeypatch.setattr(api, "make_doc", make_doc)
    monkeypatch.setattr(chunks, "_renumbered", renumbered)
    try:
        gc.enable() if enabled else gc.disable()
        rec = chunks.run_chunked(nlp, "Police solved 25 cases in March.\n\n" * 40, "2022-01-01", source="<t>", size=200)
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()
    assert len(inside) > 3 and not any(inside)
    assert between == [enabled]
    assert [f.value for f in rec.facts if f.kind == "count"] == [25] * 40
