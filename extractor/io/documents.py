"""A read document becomes its record here, for every command (extract, audit, batch workers): the pipeline of
its language, or a record saying it was not read; the input's encoding, id, url, title and agency kept."""

from __future__ import annotations

from extractor.io.readers import InputDoc, content_id
from extractor.models import DocumentRecord, ErrorRecord

NOT_READ = "not read: "  # how the warning of a document no pipeline read begins


def error_record(source: str, reason: str) -> ErrorRecord:
    """The record of a document that could not be read or processed."""
    return ErrorRecord(source=source, error=f"{source}: {reason}", reason=reason)


def document_record(
    item: InputDoc, reference_date=None, patterns_dirs=(), lang: str = "auto"
) -> tuple[DocumentRecord | ErrorRecord, str | None]:
    """(record, warning) of one read document. `lang` (auto, en, zh) applies unless the input names its own.

    A document of a script neither pipeline reads (Cyrillic, kana, Hangul ...), with `auto`, is not run: its
    record has no facts, `lang` null and `not_read` the reason, and the warning says so. A document read by the
    English pipeline although mostly in Chinese, Japanese or Korean script (`--lang en`) gets a warning."""
    from extractor.api import extract
    from extractor.io.agency import agency_of
    from extractor.io.inputs import language_warning, unread_script
    from extractor.lang import CHOICES, resolve_lang

    wanted = item.lang or lang
    if wanted not in CHOICES:
        return error_record(item.source, f"language {wanted!r} is not one of {', '.join(CHOICES)}"), None
    meta = {
        "encoding": item.encoding,
        "url": item.url,
        "title": item.title,
        "agency": agency_of(item.title, item.text, item.agency),
    }
    if wanted == "auto" and (why := unread_script(item.text)):
        record = DocumentRecord(
            source=item.source,
            doc_id=item.doc_id or content_id(item.text),
            published=item.published,
            length=len(item.text),
            not_read=why,
            **meta,
        )
        return record, f"{NOT_READ}{why}"
    chosen = resolve_lang(wanted, item.text)
    note = language_warning(item.text) if chosen == "en" else None
    if note is None and (why := unread_script(item.text)):
        note = f"{why}: read as {chosen} as asked, but most figures will be missed"
    try:
        record = extract(
            item.text,
            reference_date,
            source=item.source,
            published=item.published,
            patterns_dirs=patterns_dirs,
            lang=chosen,
        )
    except Exception as err:  # one bad document must not stop the run
        return error_record(item.source, f"internal error: {type(err).__name__}: {err}".splitlines()[0]), note
    return record.model_copy(update={**meta, "doc_id": item.doc_id or record.doc_id}), note
