"""build_zh_pipeline: spacy.blank("zh") with the Chinese tokenizer and one component, extractor_zh, that builds
the same fact and relation records as the English pipeline (extractor.models), so the audit runs unchanged."""

from __future__ import annotations

import contextlib
import datetime as dt

import spacy
from spacy.language import Language
from spacy.tokens import Doc

import extractor.components.dates  # noqa: F401  (registers the reference-date extensions)
from extractor.components.context import text_of
from extractor.components.facts import Intervals
from extractor.components.records import PAYLOAD_KEY
from extractor.lang.zh.dates import dateline, find_dates
from extractor.lang.zh.figures import find_figures
from extractor.lang.zh.glosses import without_glosses
from extractor.lang.zh.operations import find_operations
from extractor.lang.zh.relations import link
from extractor.lang.zh.rules import zh_rules
from extractor.lang.zh.tokenizer import ChineseTokenizer, pieces


class ChineseExtractor:
    """Reads one Chinese doc: dates, operations, then the figures outside them, then their links."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.rules = zh_rules()

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        reading = without_glosses(text, [pattern for pattern, _ in self.rules.regexes.get("ZH_GLOSS", [])])
        norm = self.rules.normalise(reading.text)
        option = doc._.reference_option
        ref, source = (dt.date.fromisoformat(option), "option") if option else (None, None)
        if ref is None and doc._.published:
            with contextlib.suppress(ValueError):
                ref, source = dt.date.fromisoformat(str(doc._.published)[:10]), "published"
        dates = find_dates(norm, self.rules, ref)
        if ref is None:
            ref = dateline(dates)
            source = "dateline" if ref else None
            if ref:
                dates = find_dates(norm, self.rules, ref)
        operations = find_operations(norm, reading.text, self.rules)
        taken = [(f["start"], f["end"]) for f in dates + operations]
        if reading.origin is None:
            spans = [(t.idx, t.idx + len(t)) for t in doc]
        else:
            spans = [(s, e) for s, e, _ in pieces(reading.text)]
        taken_at = Intervals(taken)  # a scan of every date and name per token was quadratic in a long release
        tokens = [(ts, te) for ts, te in spans if not taken_at.overlaps(ts, te)]
        figures = find_figures(norm, tokens, self.rules)
        facts = sorted(dates + operations + figures, key=lambda f: (f["start"], f["end"]))
        for n, f in enumerate(facts, start=1):
            f["id"] = f"f{n}"
        at = {f["start"]: f["id"] for f in facts}
        for f in facts:
            if "_alias_of" in f:
                f["alias_of"] = at.get(f.pop("_alias_of"))
        relations = link(norm, facts, self.rules)
        for f in facts:  # the reading's offsets back to the original's
            f["start"], f["end"] = reading.start(f["start"]), reading.end(f["end"])
            f["text"] = text[f["start"] : f["end"]]
        doc._.reference_date = ref
        doc._.reference_date_source = source or "none"
        doc.user_data[PAYLOAD_KEY] = {"facts": facts, "relations": relations}
        return doc


@Language.factory("extractor_zh", assigns=["doc._.reference_date"])
def make_zh_extractor(nlp: Language, name: str) -> ChineseExtractor:
    """The Chinese extractor: facts and relations of a doc, in the records' JSON shape."""
    return ChineseExtractor(nlp, name)


def build_zh_pipeline() -> Language:
    """A blank Chinese pipeline: the numeral-keeping tokenizer and the extractor_zh component."""
    nlp = spacy.blank("zh")
    nlp.tokenizer = ChineseTokenizer(nlp.vocab)
    nlp.add_pipe("extractor_zh")
    return nlp
