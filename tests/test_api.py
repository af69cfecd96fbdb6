"""The Python API as a user meets it: `extractor.pipeline` stays the function, `extract_many` takes what nlp.pipe
takes."""

from __future__ import annotations

import subprocess
import sys

import pytest

import extractor
from extractor.api import extract_many

TEXTS = [
    "In the first half of 2023, the city's procuratorates approved the arrest of 412 suspects, up 9.6% year-on-year.",
    "Customs officers seized 37 kilograms of drugs and filed 58 smuggling cases.",
]


def test_pipeline_stays_a_function_after_extract_has_run():
    # a fresh interpreter: the submodule used to replace the function once extract() had imported it
    code = (
        "import extractor\n"
        "extractor.extract('Police solved 25 cases.')\n"
        "nlp = extractor.pipeline()\n"
        "print(type(nlp).__name__, callable(extractor.pipeline))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["English", "True"]


def test_pipeline_is_a_function_whatever_was_imported_first():
    import extractor.build

    assert callable(extractor.pipeline)


def test_extract_many_takes_plain_strings():
    records = list(extract_many(TEXTS))
    assert [r.source for r in records] == ["<text 1>", "<text 2>"]
    assert [f.value for f in records[0].facts if f.kind == "count"] == [412]
    assert [f.value for f in records[1].facts if f.kind == "count"] == [58]
    assert records[0] == extractor.extract(TEXTS[0], source="<text 1>")


def test_extract_many_takes_text_context_pairs_as_nlp_pipe_does():
    items = [(TEXTS[0], {"source": "h1.txt", "published": "2023-07-20"}), (TEXTS[1], 7)]
    out = list(extract_many(items, as_tuples=True))
    (first, ctx1), (second, ctx2) = out
    assert (first.source, first.published, first.reference_date_source) == ("h1.txt", "2023-07-20", "published")
    assert ctx1 == {"source": "h1.txt", "published": "2023-07-20"} and ctx2 == 7
    assert second.source == "<text 2>"


@pytest.mark.parametrize(
    "items, kw, message",
    [
        ([("a text", {})], {}, "pass as_tuples=True"),
        (["a text"], {"as_tuples": True}, "(text, context) pairs"),
        ([42], {}, "must be a str, not int"),
    ],
    ids=["tuple-without-as_tuples", "string-with-as_tuples", "not-a-string"],
)
def test_extract_many_names_a_wrong_item(items, kw, message):
    with pytest.raises(TypeError, match="item 1") as err:
        list(extract_many(items, **kw))
    assert message in str(err.value)


def test_no_submodule_can_shadow_the_pipeline_function():
    import importlib.util

    assert importlib.util.find_spec("extractor.pipeline") is None  # the builder lives in extractor.build
