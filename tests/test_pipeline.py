"""A self-contained pipeline: nlp(text) gives what extract(text) gives; saved and loaded, it gives it again."""

from importlib.metadata import entry_points
from pathlib import Path

import pytest
import spacy

from extractor.api import doc_to_record, run
from extractor.pipeline import PIPE_ORDER

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
