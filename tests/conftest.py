"""Shared fixtures: one pipeline for the whole session, and helpers to look facts up by their text."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.api import run
from extractor.build import build_pipeline
from extractor.cli import app


@pytest.fixture(scope="session")
def nlp():
    """The bundled pipeline, built once."""
    return build_pipeline()


# Headless Chromium for the report tests (skipped without it; Debian: apt-get install chromium)
CHROMIUM = Path(os.environ.get("EXTRACTOR_CHROMIUM", "/usr/bin/chromium"))
HEADLESS_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture()
def cli():
    """cli(*args, input=None) -> the result of the `extractor` command line, run in this process."""
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(app, [str(a) for a in args], input=input)

    return invoke


@pytest.fixture(scope="session")
def extract(nlp):
    """extract(text, reference_date=None) -> DocumentRecord, on the session pipeline."""

    def _extract(text, reference_date=None, **kw):
        return run(nlp, text, reference_date, **kw)

    return _extract


def facts_of(record, *kinds):
    """The record's facts of these kinds (all when none given), in document order."""
    return [f for f in record.facts if not kinds or f.kind in kinds]


def by_text(record, text, kind=None):
    """The one fact whose surface is `text` (and whose kind is `kind`, when given)."""
    found = [f for f in record.facts if f.text == text and (kind is None or f.kind == kind)]
    assert len(found) == 1, f"expected one fact {text!r}, found {[(f.kind, f.text) for f in record.facts]}"
    return found[0]


def script_module(name: str):
    """A script of scripts/ loaded as a module, for tests of its logic (scripts are no package)."""
    path = Path(__file__).resolve().parent.parent / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
