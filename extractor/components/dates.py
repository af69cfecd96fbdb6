"""extractor_dates: find and normalise dates and periods (rules in patterns/dates.jsonl)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extractor.components.context import text_of  # also registers doc._.date_matches and doc._.reference_date
from extractor.rules import pipeline_rows


@Language.factory("extractor_dates", assigns=["doc._.date_matches"], default_config={"patterns_dirs": []})
def make_dates(nlp: Language, name: str, patterns_dirs: list[str]) -> DateComponent:
    """Factory: the date finder; a reference date set on `doc._.reference_date` resolves relative dates."""
    return DateComponent(name, patterns_dirs)


class DateComponent:
    """Runs `extractor.dates.DateFinder` over the doc text; matches keep their character offsets."""

    def __init__(self, name: str, patterns_dirs: list[str]):
        from extractor.dates import DateFinder

        self.name = name
        self.finder = DateFinder(pipeline_rows(patterns_dirs))

    def __call__(self, doc: Doc) -> Doc:
        if "reference_date_source" not in doc.user_data:  # nlp(text): no make_doc chose a reference date
            from extractor.dates import dateline_date

            found = dateline_date(text_of(doc), self.finder)
            doc._.reference_date = found
            doc.user_data["reference_date_source"] = "dateline" if found else None
        ops = doc._.operation_matches or []
        matches = self.finder.find(text_of(doc), doc._.reference_date)
        doc._.date_matches = [m for m in matches if not any(o.start < m.end and m.start < o.end for o in ops)]
        return doc
