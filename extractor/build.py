"""build_pipeline: spacy.blank("en") plus the extractor's components; the one place the pipe order lives."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from extractor.components import (  # noqa: F401  (registers the factories)
    dates,
    facts,
    matcher,
    numbers,
    operations,
    records,
    relations,
    sentences,
)
from extractor.patterns import PatternFileError
from extractor.rules import pipeline_rows
from extractor.tokenizer import customize_tokenizer

PIPE_ORDER = [
    "extractor_sentences",
    "extractor_operations",
    "extractor_dates",
    "extractor_numbers",
    "extractor_matcher",
    "extractor_facts",
    "extractor_relations",
    "extractor_records",
]


def build_pipeline(patterns_dirs: list[str | Path] | None = None) -> Language:
    """A blank English pipeline with the extractor's components; `patterns_dirs` adds your own rule folders.

    Raises PatternFileError (a ValueError) naming file and line when a pattern file is invalid.
    """
    dirs = [str(Path(d)) for d in (patterns_dirs or [])]
    for d in dirs:
        if not (Path(d).is_dir() or (Path(d).suffix == ".jsonl" and Path(d).is_file())):
            raise PatternFileError(f"{d}: not a folder of pattern files nor a .jsonl file")
    pipeline_rows(dirs)  # validate every file once, before any component is built
    nlp = spacy.blank("en")
    customize_tokenizer(nlp)
    for name in PIPE_ORDER:
        config = {} if name in ("extractor_sentences", "extractor_records") else {"patterns_dirs": dirs}
        nlp.add_pipe(name, config=config)
    return nlp
