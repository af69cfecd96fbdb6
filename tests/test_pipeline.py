"""A self-contained pipeline: nlp(text) gives what extract(text) gives; saved and loaded, it gives it again."""

from importlib.metadata import entry_points
from pathlib import Path

import pytest
import spacy

from extractor.api import doc_to_record, run
from extractor.build import PIPE_ORDER, build_pipeline

SAMPLES = sorted(Path(__file__).resolve().parents[1].joinpath("samples").glob("*.txt"))
DATELINE = (
    "Updated: 2021-03-10 16:26\n\nProcuratorates filed 999 cases last year, and 120 in the same period of this "
    "year, up 12% year on year."
)


def test_every_factory_has_an_entry_point():
    names = {ep.name for ep in entry_points(group="spacy_factories")}
    assert set(PIPE_ORDER) <= names


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_nlp_of_text_equals_extract(nlp, path):
    text = path.read_text(encoding="utf-8")
    assert doc_to_record(nlp(text), "<text>") == run(nlp, text)


def test_nlp_of_text_reads_the_dateline_as_extract_does(nlp):
    by_nlp, by_run = doc_to_record(nlp(DATELINE), "<text>"), run(nlp, DATELINE)
    assert by_nlp == by_run
    assert by_nlp.reference_date == "2021-03-10" and by_nlp.reference_date_source == "dateline"
    last_year = next(f for f in by_nlp.facts if f.text == "last year")
    assert last_year.resolved == "2020"


def test_a_saved_pipeline_loads_and_gives_the_same_records(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == nlp.pipe_names
    for path in SAMPLES:
        text = path.read_text(encoding="utf-8")
        assert run(loaded, text) == run(nlp, text), path.name


def test_every_component_takes_spacys_error_handler(nlp):
    def handler(name, proc, docs, err):
        return None

    fresh = build_pipeline()
    fresh.set_error_handler(handler)
    assert all(proc.get_error_handler() is handler for _, proc in fresh.pipeline)


def test_nlp_pipe_skips_a_document_a_component_cannot_read(monkeypatch):
    from extractor.components.relations import RelationLinker

    fresh = build_pipeline()
    real = RelationLinker._conversions

    def explode(doc, drafts, rels):
        if "BOOM" in doc.text:
            raise RuntimeError("a bad document")
        return real(doc, drafts, rels)

    monkeypatch.setattr(RelationLinker, "_conversions", staticmethod(explode))
    skipped = []
    fresh.set_error_handler(lambda name, proc, docs, err: skipped.append((name, str(err))))
    texts = ["Police filed 9 cases.", "BOOM: 12 cases.", "Courts heard 40 cases."]
    docs = list(fresh.pipe(texts))
    assert [d.text for d in docs] == [texts[0], texts[2]]
    assert skipped == [("extractor_relations", "a bad document")]
    with pytest.raises(RuntimeError):
        build_pipeline()("BOOM: 12 cases.")  # without a handler the error is raised


def test_components_share_one_typed_context_and_leave_only_declared_keys(nlp):
    """The working caches live in one DocContext while the pipeline runs; a processed doc keeps its text, its
    reference date, its declared extensions and the records' payload, nothing else."""
    from extractor.components.context import CONTEXT_KEY, REFERENCE_DATE_KEY, TEXT_KEY, DocContext
    from extractor.components.records import PAYLOAD_KEY

    text = "Courts heard 1,406 cases in 2022, up 6.1% year on year; among them, 212 involved minors."
    seen = {}
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "extractor_records":
            seen = dict(doc.user_data)
        doc = proc(doc)
    ctx = seen[CONTEXT_KEY]
    assert isinstance(ctx, DocContext) and ctx.nums and ctx.token_texts
    assert not [k for k in seen if isinstance(k, str) and k.startswith("_") and k != TEXT_KEY]
    assert {k for k in doc.user_data if isinstance(k, str)} == {TEXT_KEY, REFERENCE_DATE_KEY, PAYLOAD_KEY}
    assert all(k[0] == "._." and doc.has_extension(k[1]) for k in doc.user_data if not isinstance(k, str))
