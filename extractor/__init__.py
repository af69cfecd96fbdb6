"""Extract the figures of Chinese law-enforcement press releases into validated records, and audit them."""

from extractor.models import DocumentRecord

__all__ = ["DocumentRecord", "extract", "extract_many", "pipeline", "to_dataframe"]
__version__ = "0.1.0"


def pipeline(patterns_dirs=None):
    """The spaCy `Language` that extracts facts; `patterns_dirs` adds folders of your own pattern files."""
    from extractor.build import build_pipeline

    return build_pipeline(patterns_dirs)


def extract(text: str, reference_date=None, *, source: str = "<text>", patterns_dirs=None) -> DocumentRecord:
    """Extract every fact of one document and return its record."""
    from extractor.api import extract as _extract

    return _extract(text, reference_date=reference_date, source=source, patterns_dirs=patterns_dirs)


def extract_many(texts, reference_date=None, *, as_tuples: bool = False, patterns_dirs=None, batch_size: int = 32):
    """Extract many texts with nlp.pipe (strings, or (text, context) pairs with `as_tuples`); see extractor.api."""
    from extractor.api import extract_many as _extract_many

    return _extract_many(
        texts, reference_date, as_tuples=as_tuples, patterns_dirs=patterns_dirs, batch_size=batch_size
    )


def to_dataframe(records, table: str = "facts"):
    """A pandas DataFrame of one table of records: 'facts', 'findings', 'relations' or 'documents'."""
    from extractor.io.tables import to_dataframe as _to_dataframe

    return _to_dataframe(records, table)
