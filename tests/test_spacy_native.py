"""Processed docs are spaCy-native: fact spans with their records, relations, displaCy, DocBin."""

from __future__ import annotations

import re

import srsly
from spacy import displacy
from spacy.tokens import DocBin

from extractor.api import doc_to_record, make_doc

TEXT = (
    "Release time: 2024-01-16 09:30\n\n"
    "In 2023, the provincial procuratorates prosecuted 2,318 people, up 12.4% year-on-year; among them, "
    "164 were public officials. The \"Clear Sky 2023\" special action recovered 41.5 million yuan."
)


def processed(nlp):
    return nlp(make_doc(nlp, TEXT))


def test_fact_spans_carry_kind_and_record(nlp):
    doc = processed(nlp)
    record = doc_to_record(doc, "t")
    spans = list(doc.spans["facts"])
    assert [(s.label_, s.id_) for s in spans] == [(f.kind, f.id) for f in record.facts]
    assert {"date", "count", "percentage", "operation", "money"} <= {s.label_ for s in spans}
    for span in spans:
        assert span._.fact == record.fact(span.id_)
        assert span.start_char <= span._.fact.start and span._.fact.end <= span.end_char


def test_relations_on_the_doc(nlp):
    doc = processed(nlp)
    record = doc_to_record(doc, "t")
    assert doc._.relations == record.relations
    part = next(r for r in doc._.relations if r.type == "part_of")
    assert record.fact(part.part).value == 164 and record.fact(part.whole).value == 2318


def test_nlp_pipe_takes_strings_and_tuples(nlp):
    docs = list(nlp.pipe([(TEXT, "ctx")], as_tuples=True))
    (doc, ctx), = docs
    assert ctx == "ctx" and "count" in {s.label_ for s in doc.spans["facts"]}
    doc2 = next(nlp.pipe([TEXT]))
    assert [s.id_ for s in doc2.spans["facts"]] == [s.id_ for s in doc.spans["facts"]]


def test_displacy_renders_the_fact_spans(nlp):
    html = displacy.render(processed(nlp), style="span", options={"spans_key": "facts"}, page=False)
    labels = set(re.findall(r">\s*([a-z]+)\s*</span>", html))
    assert {"count", "percentage", "money", "operation", "date"} <= labels
    assert "2,318" in html


def test_docbin_round_trips_a_processed_doc(nlp):
    doc = processed(nlp)
    srsly.msgpack_dumps(doc.user_data)  # no Python objects left: this raised on DateMatch before
    data = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    (back,) = DocBin().from_bytes(data).get_docs(nlp.vocab)
    assert doc_to_record(back, "t") == doc_to_record(doc, "t")
    assert back._.reference_date == doc._.reference_date is not None
    assert [(s.label_, s.id_, s._.fact) for s in back.spans["facts"]] == [
        (s.label_, s.id_, s._.fact) for s in doc.spans["facts"]
    ]


def test_nlp_of_a_string_reads_the_dateline_as_run_does(nlp):
    doc = nlp(TEXT)
    assert str(doc._.reference_date) == "2024-01-16"
    assert doc_to_record(doc, "t") == doc_to_record(processed(nlp), "t")


def test_nlp_pipe_with_processes_gives_the_serial_docs(nlp):
    texts = [TEXT, "Police arrested 30 suspects and seized 2.1 million yuan in cash."] * 2
    serial = [doc_to_record(d, "t") for d in nlp.pipe(texts)]
    parallel = [doc_to_record(d, "t") for d in nlp.pipe(texts, n_process=2, batch_size=1)]
    assert parallel == serial
