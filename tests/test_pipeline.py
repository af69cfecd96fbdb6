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
