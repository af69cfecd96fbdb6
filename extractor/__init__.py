"""Extract the figures of Chinese law-enforcement press releases into validated records, and audit them."""

from extractor.models import DocumentRecord

__all__ = ["DocumentRecord", "extract", "pipeline"]
__version__ = "0.1.0"


def pipeline(patterns_dirs=None):
    """The spaCy `Language` that extracts facts; `patterns_dirs` adds folders of your own pattern files."""
    from extractor.build import build_pipeline

    return build_pipeline(patterns_dirs)


def extract(text: str, reference_date=None, *, source: str = "<text>", patterns_dirs=None) -> DocumentRecord:
    """Extract every fact of one document and return its record."""
    from extractor.api import extract as _extract

    return _extract(text, reference_date=reference_date, source=source, patterns_dirs=patterns_dirs)
