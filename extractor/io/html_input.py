"""The text of .html inputs: the article's main text by trafilatura when it is installed (`press-figures[html]`), else
the visible text by the standard library's html.parser (scripts, styles and hidden parts skipped); the page's title
and publication date go with it."""

from __future__ import annotations

import codecs
import datetime as dt
import re
from collections.abc import Iterator
from html.parser import HTMLParser

from extractor.io.readers import MAX_BYTES, InputDoc, InputError, InputFailure, decode

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# Elements whose content a reader never sees.
SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe", "object"})
# Elements that start a new paragraph: their text is kept apart by a blank line, as in the .txt releases.
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
        "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
        "tr", "ul", "body",
    }
)  # fmt: skip
LINE_TAGS = frozenset({"br"})
VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# GB2312 and GBK pages are decoded with their superset, as browsers do.
_CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "iso-8859-1": "cp1252"}
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u3000]+")
_TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
# Publication dates in a page's head: <meta name="PubDate" content="2023-07-21 09:30"> (Chinese government sites),
# article:published_time, and the other common names.
_META_DATE_RE = re.compile(
    r"""<meta[^>]+(?:name|property|itemprop)\s*=\s*["'](?:pubdate|publishdate|article:published_time|"""
    r"""datepublished|dc\.date(?:\.issued)?|publication_date|firstpublishedtime)["'][^>]*>""",
    re.IGNORECASE,
)
_CONTENT_RE = re.compile(r"""content\s*=\s*["']\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})""", re.IGNORECASE)


class _VisibleText(HTMLParser):
    """Collects text outside skipped elements; block elements become paragraph breaks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_tag: str | None = None
        self.skip_depth = 0
        self.pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip_tag == "head" and tag == "body":
            self.skip_tag, self.skip_depth = None, 0  # pages often leave </head> out
        if self.skip_tag is not None:
            if tag == self.skip_tag:
                self.skip_depth += 1
            return
        if tag == "body":
            self.parts.append("\n\n")
            return
        if tag not in VOID_TAGS and (tag in SKIP_TAGS or _hidden(attrs)):
            self.skip_tag, self.skip_depth = tag, 1
            return
        if tag in LINE_TAGS:
            self.parts.append("\n")
        elif tag in BLOCK_TAGS:
            self.parts.append("\n\n")
        if tag == "pre":
            self.pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip_tag is None and tag in LINE_TAGS | BLOCK_TAGS:
            self.parts.append("\n" if tag in LINE_TAGS else "\n\n")

    def handle_endtag(self, tag: str) -> None:
        if self.skip_tag is not None:
            if tag == self.skip_tag:
                self.skip_depth -= 1
                if self.skip_depth == 0:
                    self.skip_tag = None
            return
        if tag in BLOCK_TAGS:
            self.parts.append("\n\n")
        if tag == "pre" and self.pre:
            self.pre -= 1

    def handle_data(self, data: str) -> None:
        if self.skip_tag is not None:
            return
        if self.pre:
            self.parts.append(data)
        else:
            self.parts.append(_SPACES.sub(" ", data.replace("\n", " ")))


def _hidden(attrs: list[tuple[str, str | None]]) -> bool:
    for name, value in attrs:
        if name == "hidden" or (name == "aria-hidden" and (value or "").lower() == "true"):
            return True
        if name == "style" and value and _HIDDEN_STYLE_RE.search(value):
            return True
    return False


def html_text(markup: str) -> str:
    """The text a reader sees in an HTML page: paragraphs apart by a blank line, spaces collapsed."""
    parser = _VisibleText()
    parser.feed(markup)
    parser.close()
    raw = "".join(parser.parts)
    lines = [line.strip(" ") for line in raw.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n") + "\n" if text.strip() else ""


def _declared_charset(data: bytes) -> str | None:
    m = _CHARSET_RE.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace").lower()
    name = _CHARSET_ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_html(data: bytes, max_bytes: int = MAX_BYTES) -> tuple[str, str]:
    """(markup, encoding): a BOM or valid UTF-8 first, then the charset the page declares, then readers.decode's
    guess (GB18030 or Windows-1252)."""
    text, encoding = decode(data, max_bytes)  # raises InputError for empty, oversized or binary data
    if encoding.startswith("utf"):
        return text, encoding
    declared = _declared_charset(data)
    if declared and declared != codecs.lookup(encoding).name:
        try:
            return data.decode(declared).lstrip("\ufeff"), declared
        except UnicodeDecodeError:
            pass
    return text, encoding


def _page_title(markup: str) -> str | None:
    m = _TITLE_RE.search(markup)
    if not m:
        return None
    import html

    title = _SPACES.sub(" ", html.unescape(re.sub(r"<[^>]+>", "", m.group(1))).replace("\n", " ")).strip()
    return title or None


def _page_date(markup: str) -> str | None:
    for meta in _META_DATE_RE.finditer(markup):
        m = _CONTENT_RE.search(meta.group(0))
        if m:
            year, month, day = (int(g) for g in m.groups())
            try:
                return dt.date(year, month, day).isoformat()
            except ValueError:
                continue
    return None


def has_main_text_extractor() -> bool:
    """True when trafilatura (and the lxml cleaner it needs) can be imported."""
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        return False
    return True


def main_text(markup: str) -> tuple[str, str | None, str | None] | None:
    """(text, title, publication date) of the page's article by trafilatura, paragraphs apart by a blank line as
    in the .txt releases; None when trafilatura is not installed or finds no article."""
    try:
        import trafilatura
    except ImportError:
        return None
    found = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False, include_tables=True)
    if found is None or not (found.text or "").strip():
        return None
    paragraphs = [_SPACES.sub(" ", line).strip() for line in found.text.split("\n")]
    text = "\n\n".join(p for p in paragraphs if p) + "\n"
    return text, found.title or None, found.date or None


def read_html(
    source: str, data: bytes, max_bytes: int = MAX_BYTES, *, main: bool = True
) -> Iterator[InputDoc | InputFailure]:
    """One document: the article's main text of an HTML page (trafilatura; with `main` false or without it, the
    visible text), with its title and publication date. Offsets of its facts are into that text."""
    try:
        markup, encoding = decode_html(data, max_bytes)
    except InputError as err:
        yield InputFailure(source, str(err))
        return
    found = main_text(markup) if main else None
    if found is not None:
        text, title, published = found
    else:
        text, title, published = html_text(markup), None, None
    if not text.strip():
        yield InputFailure(source, "HTML page without visible text")
        return
    yield InputDoc(
        source,
        text,
        encoding=encoding,
        published=published or _page_date(markup),
        title=title or _page_title(markup),
    )
