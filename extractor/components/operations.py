"""extractor_operations: find named campaigns, operations and case codes (rules in patterns/operations.jsonl)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extractor.components.context import Component, text_of  # also registers doc._.operation_matches
from extractor.rules import pipeline_rows


@Language.factory("extractor_operations", assigns=["doc._.operation_matches"], default_config={"patterns_dirs": []})
def make_operations(nlp: Language, name: str, patterns_dirs: list[str]) -> OperationComponent:
    """Factory: the named-operation finder."""
    return OperationComponent(name, patterns_dirs)


class OperationComponent(Component):
    """Runs `extractor.operations.OperationFinder` over the doc text; aliases point at their first mention."""

    def __init__(self, name: str, patterns_dirs: list[str]):
        from extractor.operations import OperationFinder

        self.name = name
        self.finder = OperationFinder(pipeline_rows(patterns_dirs))

    def __call__(self, doc: Doc) -> Doc:
        doc._.operation_matches = self.finder.find(text_of(doc))
        return doc
