"""The SQLite store of batch runs: documents (with their text), facts, relations, findings and errors.

Documents are keyed by `readers.content_id` of their text. Each document is written with its facts, relations and
findings in the same transaction as the other documents of its small batch, so a run killed at any moment leaves
only whole documents behind, and a re-run skips them. Only the parent process of a batch writes here.
"""

from __future__ import annotations

import contextlib
import heapq
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SCHEMA_VERSION = "1"
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
    key                   TEXT PRIMARY KEY,   -- readers.content_id(text)
    doc_id                TEXT NOT NULL,      -- the record's doc_id: the input's id, else key
    source                TEXT NOT NULL,
    url                   TEXT,
    published             TEXT,
    reference_date        TEXT,
    reference_date_source TEXT,
    encoding              TEXT,
    length                INTEGER NOT NULL,
    n_facts               INTEGER NOT NULL,
    n_findings            INTEGER NOT NULL,
    coverage              TEXT,               -- JSON
    text                  TEXT NOT NULL,
    lang                  TEXT,               -- the record's lang (added to version-1 stores when opened)
    title                 TEXT,               -- the record's title, agency, not_read (likewise added)
    agency                TEXT,
    not_read              TEXT,
    warnings              TEXT                -- JSON: the record's warnings, figures left out (likewise added)
);
CREATE INDEX IF NOT EXISTS documents_source ON documents (source, key);
CREATE INDEX IF NOT EXISTS documents_doc_id ON documents (doc_id);
CREATE TABLE IF NOT EXISTS facts (
    doc_key    TEXT NOT NULL REFERENCES documents (key),
    seq        INTEGER NOT NULL,              -- document order
    fact_id    TEXT NOT NULL,                 -- f1, f2, ... within the document
    kind       TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    end_char   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    number     REAL,                          -- value of count, percentage, multiplier and money facts
    value_text TEXT,                          -- value of date and operation facts
    unit       TEXT,
    subject    TEXT,
    action     TEXT,
    data       TEXT NOT NULL,                 -- the fact's JSON, as in the record
    PRIMARY KEY (doc_key, seq)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS facts_kind_unit ON facts (kind, unit);
CREATE TABLE IF NOT EXISTS relations (
    doc_key TEXT NOT NULL REFERENCES documents (key),
    seq     INTEGER NOT NULL,
    type    TEXT NOT NULL,
    data    TEXT NOT NULL,                    -- the relation's JSON, as in the record
    PRIMARY KEY (doc_key, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS findings (
    id         INTEGER PRIMARY KEY,
    scope      TEXT NOT NULL CHECK (scope IN ('document', 'cross_release')),
    doc_key    TEXT REFERENCES documents (key), -- NULL for findings between documents
    seq        INTEGER NOT NULL,
    check_name TEXT NOT NULL,
    status     TEXT NOT NULL,
    severity   TEXT NOT NULL,
    facts      TEXT NOT NULL,                 -- JSON list; 'DOC_ID:f3' between documents
    message    TEXT NOT NULL,
    data       TEXT NOT NULL                  -- the finding's JSON
);
CREATE INDEX IF NOT EXISTS findings_doc ON findings (doc_key, seq);
CREATE INDEX IF NOT EXISTS findings_scope ON findings (scope, check_name, status);
CREATE TABLE IF NOT EXISTS errors (
    source  TEXT PRIMARY KEY,
    reason  TEXT NOT NULL,
    doc_key TEXT                              -- set when the text was read but extraction failed
);
"""
# Fields of a DocumentRecord, in the order its JSON has them (url, kept apart, comes between the two).
RECORD_HEAD = ("source", "lang", "doc_id", "reference_date", "reference_date_source", "published", "length", "encoding")
RECORD_TAIL = ("title", "agency", "not_read")
# Columns added to the documents table since version-1 stores were first made: added when such a store is opened.
# Opened read-only, a store without them reads them as NULL.
ADDED_COLUMNS = ("lang", *RECORD_TAIL, "warnings")
DOCUMENT_COLUMNS = (
    "key, doc_id, source, url, published, reference_date, reference_date_source, encoding, length, n_facts, "
    "n_findings, coverage, text, lang, title, agency, not_read, warnings"
)


class StoreError(ValueError):
    """A store that cannot be opened or is not an extractor store; the message is one line."""


@dataclass(frozen=True)
class DocumentResult:
    """A processed document: its key, where it came from, its text and its record as JSON."""

    key: str
    source: str
    text: str
    record_json: str
    url: str | None = None


@dataclass(frozen=True)
class ErrorResult:
    """A document that could not be read or processed, and why (one line)."""

    source: str
    reason: str
    key: str | None = None


def _connect_readonly(path: Path) -> sqlite3.Connection:
    """A connection that only reads `path`: where the folder can be written, an ordinary one with `query_only`
    (it still tidies the WAL files away on close); else (a read-only filesystem or share) SQLite's `immutable`
    URI, which needs no -shm file beside the store."""
    folder = path.resolve().parent
    try:
        writable = not (os.statvfs(folder).f_flag & os.ST_RDONLY) and os.access(path, os.W_OK)
    except OSError:
        writable = False
    if writable and _can_create(folder):
        db = sqlite3.connect(str(path), isolation_level=None, timeout=30)
        db.execute("PRAGMA query_only = ON")
        return db
    from urllib.parse import quote

    return sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro&immutable=1", uri=True, isolation_level=None)


def _can_create(folder: Path) -> bool:
    """Whether a file can be made in `folder` (os.access says yes to root even where chattr +i says no)."""
    import tempfile

    try:
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)


class Store:
    """An open store; use as a context manager. `create=False` refuses a path that does not exist."""

    def __init__(self, path: str | Path, *, create: bool = True, readonly: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        if (readonly or not create) and not self.path.is_file():
            raise StoreError(f"{self.path}: no such store")
        try:
            if readonly:
                self.db = _connect_readonly(self.path)
            else:
                self.db = sqlite3.connect(str(self.path), isolation_level=None, timeout=30)
        except sqlite3.Error as err:
            raise StoreError(f"{self.path}: cannot open: {err}") from err
        try:
            self.db.execute("PRAGMA busy_timeout = 30000")
            if not readonly:
                mode = self.db.execute("PRAGMA journal_mode = WAL").fetchone()
                if mode and str(mode[0]).lower() != "wal":
                    self.db.execute("PRAGMA journal_mode = DELETE")
                self.db.execute("PRAGMA synchronous = NORMAL")
            self._init_schema(create and not readonly)
        except sqlite3.OperationalError as err:
            self.db.close()
            if not readonly and ("readonly" in str(err) or "unable to open" in str(err)):
                raise StoreError(f"{self.path}: cannot open for writing ({err})") from err
            raise StoreError(f"{self.path}: not an extractor store ({err})") from err
        except sqlite3.DatabaseError as err:
            self.db.close()
            raise StoreError(f"{self.path}: not an extractor store ({err})") from err

    def _init_schema(self, create: bool) -> None:
        self._missing: list[str] = []
        tables = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "meta" not in tables:
            if tables or not create:
                raise StoreError(f"{self.path}: not an extractor store (no meta table)")
            # one script, one transaction: a run killed here leaves no half-made schema
            self.db.executescript(
                f"BEGIN IMMEDIATE;{SCHEMA}INSERT INTO meta VALUES ('schema_version', '{SCHEMA_VERSION}');COMMIT;"
            )
            return
        version = self.get_meta("schema_version")
        if version != SCHEMA_VERSION:
            raise StoreError(f"{self.path}: store schema version {version!r}; this extractor reads {SCHEMA_VERSION!r}")
        columns = {r[1] for r in self.db.execute("PRAGMA table_info(documents)")}
        self._missing = [c for c in ADDED_COLUMNS if c not in columns]  # a store made before records had these
        if self._missing and not self.readonly:
            with self.transaction() as db:
                for column in self._missing:
                    db.execute(f"ALTER TABLE documents ADD COLUMN {column} TEXT")
            self._missing = []

    # -- plumbing -------------------------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection (committed work is on disk already)."""
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    class _Transaction:
        def __init__(self, db: sqlite3.Connection) -> None:
            self.db = db

        def __enter__(self) -> sqlite3.Connection:
            self.db.execute("BEGIN IMMEDIATE")
            return self.db

        def __exit__(self, exc_type, exc, tb) -> None:
            if exc_type is None:
                self.db.execute("COMMIT")
            elif self.db.in_transaction:  # SQLite may have rolled back already (SQLITE_FULL)
                self.db.execute("ROLLBACK")

    def transaction(self) -> _Transaction:
        """BEGIN IMMEDIATE ... COMMIT (ROLLBACK on an exception)."""
        return Store._Transaction(self.db)

    def get_meta(self, key: str) -> str | None:
        """A value of the meta table, or None."""
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as err:
            raise StoreError(f"{self.path}: cannot write: {err}") from err

    def set_meta(self, key: str, value: str) -> None:
        """Set a value of the meta table (its own transaction)."""
        with self._writing(), self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    # -- writing ----------------------------------------------------------------------------------------------

    def has_document(self, key: str) -> bool:
        """Whether a document with this content key is finished."""
        return self.db.execute("SELECT 1 FROM documents WHERE key = ?", (key,)).fetchone() is not None

    def write(self, results: Sequence[DocumentResult | ErrorResult]) -> tuple[int, int]:
        """Write documents (with facts, relations, findings) and errors in ONE transaction; (facts, findings)
        written. A document already present is left as it is; an error replaces the earlier error of its source."""
        n_facts = n_findings = 0
        try:
            with self.transaction() as db:
                for res in results:
                    if isinstance(res, ErrorResult):
                        db.execute("INSERT OR REPLACE INTO errors VALUES (?, ?, ?)", (res.source, res.reason, res.key))
                        continue
                    f, g = self._write_document(db, res)
                    n_facts += f
                    n_findings += g
        except sqlite3.Error as err:  # a full disk, a read-only file: the chunk is rolled back, the store stays whole
            raise StoreError(f"{self.path}: cannot write: {err}; finished documents are kept") from err
        return n_facts, n_findings

    def _write_document(self, db: sqlite3.Connection, res: DocumentResult) -> tuple[int, int]:
        rec = json.loads(res.record_json)
        facts, relations, findings = rec.get("facts", []), rec.get("relations", []), rec.get("findings") or []
        cur = db.execute(
            f"INSERT OR IGNORE INTO documents ({DOCUMENT_COLUMNS}) VALUES ({', '.join('?' * 18)})",
            (
                res.key,
                rec.get("doc_id") or res.key,
                rec["source"],
                res.url,
                rec.get("published"),
                rec.get("reference_date"),
                rec.get("reference_date_source"),
                rec.get("encoding"),
                rec.get("length", len(res.text)),
                len(facts),
                len(findings),
                _dumps(rec["coverage"]) if rec.get("coverage") is not None else None,
                res.text,
                rec.get("lang"),
                *(rec.get(k) for k in RECORD_TAIL),
                _dumps(rec["warnings"]) if rec.get("warnings") else None,
            ),
        )
        db.execute("DELETE FROM errors WHERE source = ?", (rec["source"],))
        if cur.rowcount == 0:
            return 0, 0
        db.executemany(
            "INSERT INTO facts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    res.key,
                    seq,
                    f["id"],
                    f["kind"],
                    f["start"],
                    f["end"],
                    f["text"],
                    f["value"] if f["kind"] not in ("date", "operation") else None,
                    f["value"] if f["kind"] in ("date", "operation") else None,
                    f.get("unit"),
                    f.get("subject"),
                    f.get("action"),
                    _dumps(f),
                )
                for seq, f in enumerate(facts)
            ],
        )
        db.executemany(
            "INSERT INTO relations VALUES (?, ?, ?, ?)",
            [(res.key, seq, r["type"], _dumps(r)) for seq, r in enumerate(relations)],
        )
        db.executemany(
            "INSERT INTO findings (scope, doc_key, seq, check_name, status, severity, facts, message, data) "
            "VALUES ('document', ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (res.key, seq, g["check"], g["status"], g["severity"], _dumps(g["facts"]), g["message"], _dumps(g))
                for seq, g in enumerate(findings)
            ],
        )
        return len(facts), len(findings)

    def replace_cross_release(self, findings: Iterable[dict]) -> int:
        """Replace every finding between documents with these (Finding JSON dicts), in one transaction."""
        n = 0
        with self._writing(), self.transaction() as db:
            db.execute("DELETE FROM findings WHERE scope = 'cross_release'")
            for seq, g in enumerate(findings):
                db.execute(
                    "INSERT INTO findings (scope, doc_key, seq, check_name, status, severity, facts, message, data) "
                    "VALUES ('cross_release', NULL, ?, ?, ?, ?, ?, ?, ?)",
                    (seq, g["check"], g["status"], g["severity"], _dumps(g["facts"]), g["message"], _dumps(g)),
                )
                n += 1
        return n

    # -- reading ----------------------------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """How many documents, facts, relations, findings (per document and between documents) and errors."""
        one = self.db.execute
        return {
            "documents": one("SELECT count(*) FROM documents").fetchone()[0],
            "facts": one("SELECT count(*) FROM facts").fetchone()[0],
            "relations": one("SELECT count(*) FROM relations").fetchone()[0],
            "findings": one("SELECT count(*) FROM findings WHERE scope = 'document'").fetchone()[0],
            "cross_release_findings": one("SELECT count(*) FROM findings WHERE scope = 'cross_release'").fetchone()[0],
            "errors": one("SELECT count(*) FROM errors").fetchone()[0],
        }

    def _children(self, table: str, key: str) -> list[Any]:
        scope = " AND scope = 'document'" if table == "findings" else ""
        rows = self.db.execute(f"SELECT data FROM {table} WHERE doc_key = ?{scope} ORDER BY seq", (key,))
        return [json.loads(r[0]) for r in rows]

    def _documents(self, order: str = "source, key") -> Iterator[tuple]:
        head = (f"NULL AS {c}" if c in self._missing else c for c in (*RECORD_HEAD, *RECORD_TAIL, "warnings"))
        cols = "key, url, text, coverage, n_findings, " + ", ".join(head)
        yield from self.db.execute(f"SELECT {cols} FROM documents ORDER BY {order}")

    def record_of(self, row: tuple) -> dict[str, Any]:
        """The DocumentRecord JSON (a dict in the record's field order, None left out) of a documents row."""
        key, url, _text, cov, _n, *head, warnings = row
        rec: dict[str, Any] = {k: v for k, v in zip(RECORD_HEAD, head, strict=False) if v is not None}
        if url is not None:
            rec["url"] = url
        rec.update((k, v) for k, v in zip(RECORD_TAIL, head[len(RECORD_HEAD) :], strict=True) if v is not None)
        rec["facts"] = self._children("facts", key)
        rec["relations"] = self._children("relations", key)
        rec["findings"] = self._children("findings", key)
        if cov is not None:
            rec["coverage"] = json.loads(cov)
        if warnings is not None:
            rec["warnings"] = json.loads(warnings)
        return rec

    def iter_records(self, errors: bool = True) -> Iterator[dict[str, Any]]:
        """Every record, documents and (with `errors`) error records, ordered by source: the same JSON shape
        as `extractor audit --format json`."""
        docs = ((row[5], 0, row[0], row) for row in self._documents())
        errs = (
            (
                (src, 1, "", (src, reason))
                for src, reason in self.db.execute("SELECT source, reason FROM errors ORDER BY source")
            )
            if errors
            else iter(())
        )
        for _src, is_error, _key, row in heapq.merge(docs, errs, key=lambda x: (x[0], x[1], x[2])):
            if is_error:
                src, reason = row
                yield {"source": src, "error": f"{src}: {reason}", "reason": reason}
            else:
                yield self.record_of(row)

    def iter_fact_rows(self) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """(doc_id, source, fact JSON) for every fact, documents ordered by source, facts in document order."""
        for key, doc_id, source in self.db.execute("SELECT key, doc_id, source FROM documents ORDER BY source, key"):
            for fact in self._children("facts", key):
                yield doc_id, source, fact

    def iter_audit_documents(self) -> Iterator[dict[str, Any]]:
        """Each document's key, doc_id, source, reference date, text and facts (dicts), ordered by reference date."""
        rows = self.db.execute(
            "SELECT key, doc_id, source, reference_date, text FROM documents "
            "ORDER BY coalesce(reference_date, ''), source, key"
        )
        for key, doc_id, source, ref, text in rows:
            yield {
                "key": key,
                "doc_id": doc_id,
                "source": source,
                "reference_date": ref,
                "text": text,
                "facts": self._children("facts", key),
            }

    def document_text(self, key: str) -> str | None:
        """The text of the document with this key."""
        found = self.db.execute("SELECT text FROM documents WHERE key = ?", (key,)).fetchone()
        return found[0] if found else None

    def cross_release_findings(self) -> list[dict[str, Any]]:
        """The findings between documents, as written by the last `audit --store`."""
        rows = self.db.execute("SELECT data FROM findings WHERE scope = 'cross_release' ORDER BY seq")
        return [json.loads(r[0]) for r in rows]
