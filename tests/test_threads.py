"""One pipeline shared by threads, or copied by pickling, gives each document the records it gives alone."""

from __future__ import annotations

import pickle
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from extractor.api import run

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.txt"))
# Short releases of different shapes, so that threads interleave documents whose working state differs: named
# operations with and without a cue before them, shares, respectively-lists, dates with and without a year.
SHORT = [
    'In the special campaign code-named "Thunder 2023", police cracked 1,203 cases and arrested 2,310 suspects.',
    "The courts concluded 45,600 cases in 2022, of which 12,300 were civil cases, accounting for 27.0%.",
    "Procuratorates prosecuted 1,120 and 980 persons respectively, up 12.5% and 8.1% year on year.",
    "From January to June, customs seized 3.2 tons of drugs, 1.6 times the figure of the same period last year.",
    'The "Hundred-Day Action" recovered 560 million yuan (about US$78 million) for 3,400 victims.',
    "On March 5, the bureau announced that 208 officials had been punished, a decrease of 4.6%.",
]


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in SAMPLES] + SHORT


@pytest.fixture
def eager_switching():
    """Threads switch every microsecond instead of every 5 ms, so documents interleave inside components."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(before)


def test_threads_sharing_one_pipeline_get_the_records_of_a_serial_run(nlp, eager_switching):
    texts = _texts()
    serial = [run(nlp, t).model_dump_json() for t in texts]
    work = texts * 4
    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = list(pool.map(lambda t: run(nlp, t).model_dump_json(), work))
    wrong = [i for i, got in enumerate(threaded) if got != serial[i % len(texts)]]
    assert wrong == [], f"{len(wrong)} of {len(work)} documents differ when threads share the pipeline"


# (component, method called after the component has set its working state for a document, and before it has
# read it all; a document whose result depends on that state; one that sets it differently)
INTERLEAVED = [
    pytest.param(
        "extractor_operations",
        "finder._quotes",
        "Police launched an operation code-named Spring Thunder across the province, cracking 320 cases.",
        "Police cracked 1,203 cases.",
        id="operation-cues",
    ),
    pytest.param(
        "extractor_relations",
        "_conversions",
        "Procuratorates prosecuted 1,120 persons, up 12.5% from 996 persons a year earlier.",
        "In the first half of 2023, customs seized 3.2 tons of drugs, up 12.5% year on year, and 980 kilograms.",
        id="relation-links",
    ),
]


@pytest.mark.parametrize(("pipe", "method", "text", "other"), INTERLEAVED)
def test_another_thread_reading_a_document_midway_leaves_this_documents_state(nlp, pipe, method, text, other):
    expected = run(nlp, text).model_dump_json()
    owner_name, _, name = method.rpartition(".")
    owner = nlp.get_pipe(pipe)
    if owner_name:
        owner = getattr(owner, owner_name)
    original = getattr(owner, name)
    calls = []

    def midway(*args, **kwargs):
        if not calls:  # the first call only: the other document runs whole in another thread, then this one goes on
            calls.append(1)
            other_thread = threading.Thread(target=run, args=(nlp, other))
            other_thread.start()
            other_thread.join()
        return original(*args, **kwargs)

    setattr(owner, name, midway)
    try:
        got = run(nlp, text).model_dump_json()
    finally:
        delattr(owner, name)  # the instance attribute goes; the method is the class's again
    assert calls, f"{method} was not called: the test no longer interleaves"
    assert got == expected


def test_a_pickled_copy_of_the_pipeline_gives_the_same_records(nlp):
    run(nlp, SHORT[0])  # a pipeline that has read a document pickles too (its working state is left out)
    copy = pickle.loads(pickle.dumps(nlp))
    for text in _texts():
        assert run(copy, text).model_dump_json() == run(nlp, text).model_dump_json()
