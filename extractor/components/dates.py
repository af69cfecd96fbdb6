"""extractor_dates: find and normalise dates and periods (rules in patterns/dates.jsonl)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extractor.components.context import (  # also registers doc._.date_matches and doc._.reference_date
    Component,
    text_of,
)
from extractor.rules import pipeline_rows

# What the caller knows (an option, a JSON Lines `published`, as ISO strings) and where the reference date came
# from: plain strings, so a processed doc still goes into a DocBin
for _name in ("reference_date_source", "reference_option", "published"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.factory("extractor_dates", assigns=["doc._.date_matches"], default_config={"patterns_dirs": []})
def make_dates(nlp: Language, name: str, patterns_dirs: list[str]) -> DateComponent:
    """Factory: the date finder; a reference date set on `doc._.reference_date` resolves relative dates."""
    return DateComponent(name, patterns_dirs)


class DateComponent(Component):
    """Chooses the doc's reference date, then runs `extractor.dates.DateFinder` over the doc text; matches keep
    their character offsets."""

    def __init__(self, name: str, patterns_dirs: list[str]):
        from extractor.dates import DateFinder

        self.name = name
        self.finder = DateFinder(pipeline_rows(patterns_dirs))

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        scan = self.finder.scan(text)  # read twice: for the dateline, then with the reference date
        if doc._.reference_date_source is None:
            self.choose_reference(doc, scan)
        ops = doc._.operation_matches or []
        matches = self.finder.find(text, doc._.reference_date, scan)
        doc._.date_matches = [m for m in matches if not any(o.start < m.end and m.start < o.end for o in ops)]
        return doc

    def choose_reference(self, doc: Doc, scan=None) -> None:
        """The date relative dates resolve against: `doc._.reference_option` (the caller's), else
        `doc._.published`, else the release's own dateline; so `nlp(text)` and `extract(text)` agree. `scan`:
        the finder's scan of the doc's text, when the caller has it."""
        from extractor.api import choose_reference

        ref, source = choose_reference(text_of(doc), doc._.reference_option, doc._.published, self.finder, scan)
        doc._.reference_date = ref
        doc._.reference_date_source = source or "none"
