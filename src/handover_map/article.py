"""Read a news article: plain text or a saved HTML page, in any encoding.

Produces an :class:`Article`: the text, its body paragraphs (page furniture
such as navigation words, photo captions and size switchers left out), the
headline and the publication date with where it came from.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from charset_normalizer import from_bytes

from ._errors import InputDataError
from .dates import find_dates

#: Articles larger than this are refused: no news report is 20 MB of text.
MAX_ARTICLE_BYTES = 20_000_000

_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|article)\b", re.IGNORECASE | re.DOTALL)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s*$")
_CAPTION_START = re.compile(r"^(FILE( PHOTO)?\s*[-–—:]|PHOTO\s*[-–—:]|IMAGE\s*[-–—:]|Photo:|Caption:)", re.IGNORECASE)
_CREDIT_END = re.compile(r"\((AFP|Reuters|AP|Getty Images|EPA)[^)]*\)\s*$|(Photo|Image)( by|:)\s+[^.]*$", re.IGNORECASE)
_FILE_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)-([01]\d)-([0-3]\d)(?!\d)")
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,40},\s+(?P<date>[^(\n]{3,40}?)\s*(\(|[-–—])")


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the article text, with its offsets and whether it is body text."""

    start: int
    end: int
    text: str
    body: bool


@dataclass
class Article:
    """A news article ready for extraction.

    ``published_from`` says where the publication date came from: ``option``,
    ``page metadata``, ``dateline``, ``file name``, ``dates in the text`` or
    ``unknown``.
    """

    text: str
    paragraphs: list[Paragraph]
    headline: str
    published: dt.date | None
    published_from: str
    location: str
    notes: list[str] = field(default_factory=list)

    @property
    def body(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.body]


def _decode(raw: bytes, path: str) -> str:
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputDataError(f"Article '{path}' is a binary file, not text or HTML.", hint="give a .txt or a saved .html page.")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(raw).best()
        if best is None:
            raise InputDataError(f"Cannot tell the text encoding of article '{path}'.", hint="save it as UTF-8.") from None
        return str(best)


def _split_paragraphs(text: str) -> list[tuple[int, int, str]]:
    """Lines as paragraphs (news text puts one paragraph on a line), with offsets."""
    out = []
    for match in re.finditer(r"[^\n]+", text):
        stripped = match.group(0).strip()
        if stripped:
            start = match.start() + match.group(0).index(stripped)
            out.append((start, start + len(stripped), stripped))
    return out


def _is_body(text: str) -> bool:
    return len(text.split()) >= 6 and bool(_SENTENCE_END.search(text)) and not _CAPTION_START.match(text) and not _CREDIT_END.search(text)


def classify_paragraphs(text: str) -> list[Paragraph]:
    """Mark body paragraphs; leave out furniture and captions.

    A paragraph repeated right after itself is a photo caption (pages print
    the caption twice: as alt text and below the photo).
    """
    raw = _split_paragraphs(text)
    repeated = {i for i in range(len(raw) - 1) if raw[i][2] == raw[i + 1][2]}
    repeated |= {i + 1 for i in repeated}
    return [Paragraph(start, end, body_text, _is_body(body_text) and i not in repeated) for i, (start, end, body_text) in enumerate(raw)]


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    if not 4 <= len(words) <= 25 or _SENTENCE_END.search(line):
        return False
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return capitalised / len(words) >= 0.6


def _published_from_text(paragraphs: list[Paragraph], location: str) -> tuple[dt.date | None, str]:
    for p in paragraphs[:8]:
        dateline = _DATELINE.match(p.text)
        if dateline:
            dated = [m.date for m in find_dates(dateline.group("date")) if m.date]
            if dated:
                return dated[0], "dateline"
    name_date = _FILE_DATE.search(Path(location).name)
    if name_date:
        try:
            return dt.date(*map(int, name_date.groups())), "file name"
        except ValueError:
            pass
    full_dates = [m.date for p in paragraphs for m in find_dates(p.text) if m.date and m.form != "weekday"]
    if full_dates:
        return max(full_dates), "dates in the text"
    return None, "unknown"


def _from_html(raw_html: str) -> tuple[str, str, dt.date | None]:
    import lxml.html
    import trafilatura

    try:
        tree = lxml.html.fromstring(raw_html)
    except (ValueError, lxml.etree.ParserError):
        return "", "", None
    for furniture in tree.xpath("//figure|//figcaption|//nav|//aside|//footer|//script|//style|//noscript"):
        furniture.drop_tree()
    text = trafilatura.extract(lxml.html.tostring(tree, encoding="unicode"), include_comments=False,
                               include_tables=False, include_images=False, favor_precision=True) or ""
    metadata = trafilatura.extract_metadata(raw_html)
    published = None
    if metadata is not None and metadata.date:
        try:
            published = dt.date.fromisoformat(metadata.date[:10])
        except ValueError:
            published = None
    return text, (metadata.title if metadata is not None and metadata.title else ""), published


def read_article(path: str | Path, *, published: dt.date | None = None) -> Article:
    """Read an article from a text or HTML file.

    Parameters
    ----------
    path
        A ``.txt`` file or a saved web page (detected by content, not name).
    published
        Publication date, overriding what the page says.

    Raises
    ------
    InputDataError
        If the file is missing, a folder, empty, binary, too large, or holds
        no text.
    """
    path = Path(path)
    if path.is_dir():
        raise InputDataError(f"Article '{path}' is a folder.", hint="give the path of a .txt or .html file.")
    if not path.is_file():
        raise InputDataError(f"Article '{path}' does not exist.", hint="check the path.")
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise InputDataError(f"Article '{path}' is {size:,} bytes, larger than any news report.", hint="give one article, as text or a saved page.")
    raw = path.read_bytes()
    text = _decode(raw, str(path))
    if not text.strip():
        raise InputDataError(f"Article '{path}' is empty.", hint="give a file with the article's text.")
    return parse_article(text, location=str(path), is_html=bool(_HTML_START.match(raw[:2048])), published=published)


def parse_article(text: str, *, location: str = "", is_html: bool = False, published: dt.date | None = None) -> Article:
    """Build an :class:`Article` from text already in memory (see :func:`read_article`)."""
    headline, page_date = "", None
    if is_html:
        text, headline, page_date = _from_html(text)
        if not text.strip():
            raise InputDataError(f"Found no article text in the page '{location}'.", hint="save the article page itself, or paste its text into a .txt file.")
    paragraphs = classify_paragraphs(text)
    if not headline:
        headline = next((p.text for p in paragraphs[:10] if not p.body and _looks_like_headline(p.text)), "")
    if published is not None:
        published_from = "option"
    elif page_date is not None:
        published, published_from = page_date, "page metadata"
    else:
        published, published_from = _published_from_text(paragraphs, location)
    return Article(text=text, paragraphs=paragraphs, headline=headline, published=published,
                   published_from=published_from, location=location)
