"""Packaging: a distribution name of its own, --version, metadata; the import package and command stay `extractor`."""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

import extractor

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_distribution_name_is_not_the_taken_one():
    # 'extractor' on the package index is an unrelated project: `pip install extractor` would install it
    assert PROJECT["name"] == "press-figures"
    assert PROJECT["scripts"] == {"extractor": "extractor.cli:main"}


def test_version_option(cli):
    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout == f"extractor {extractor.__version__} (press-figures)\n"


def test_installed_metadata_matches_the_package():
    meta = metadata.metadata("press-figures")
    assert meta["Version"] == extractor.__version__
    classifiers = meta.get_all("Classifier") or []
    assert "License :: OSI Approved :: MIT License" in classifiers
    assert any(c.startswith("Programming Language :: Python :: 3.") for c in classifiers)
    extras = set(meta.get_all("Provides-Extra") or [])
    assert {"test", "dask", "parquet", "pandas", "html"} <= extras
