"""Read a news article: plain text or a saved HTML page, in any encoding.

Produces an :class:`Article`: the text, its body paragraphs (page furniture
such as navigation words, photo captions and size switchers left out), the
headline and the publication date with where it came from.

The encoding is taken from a byte-order mark (UTF-8, UTF-16 or UTF-32), else
UTF-8 if the bytes are UTF-8, else the encoding a page declares, else the
best guess. A file is a page when its first tag, after blank space, an XML
declaration and comments, is an HTML one. Line endings become LF. Every step
is linear in the file's size.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import lxml.etree
import lxml.html
from charset_normalizer import from_bytes

from ._errors import InputDataError
from .dates import find_dates

#: Articles larger than this are refused: no news report is 20 MB of text.
MAX_ARTICLE_BYTES = 20_000_000
#: Headlines longer than this are cut (a page's title can be anything).
MAX_HEADLINE = 300
#: Page addresses longer than this are left out of the source line.
MAX_URL = 2000

_WEB_ADDRESS = re.compile(r"https?://[^\s\"'<>`\\/?#]+(?:[/?#][^\s\"'<>`\\]*)?", re.IGNORECASE)

_HTML_TAG = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|article)\b", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"\s*<\?xml\b[^>]*>")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# Byte-order marks, longest first: UTF-32's little-endian mark starts with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# A page's own word on its encoding, looked for in its first 1024 bytes as browsers do.
_DECLARED_CHARSET = re.compile(
    rb"<meta\b[^>]{0,200}?charset\s*=\s*[\"']?\s*([\w.:-]{1,40})|<\?xml\b[^>]{0,200}?encoding\s*=\s*[\"']([\w.:-]{1,40})", re.IGNORECASE
)
# Encodings that mean windows-1252 to every browser.
_READ_AS_CP1252 = frozenset({"iso8859-1", "ascii"})
_WEB_ENCODINGS = frozenset(
    codecs.lookup(name).name
    for name in (
        "utf-8",
        "cp874",
        "cp866",
        "koi8-r",
        "koi8-u",
        "mac-cyrillic",
        "gb18030",
        "gbk",
        "big5",
        "euc-jp",
        "iso2022-jp",
        "shift-jis",
        "euc-kr",
        *(f"cp{n}" for n in range(1250, 1259)),
        *(f"iso8859-{n}" for n in (2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16)),
    )
)
_BLANK = re.compile(r"\s*")
_LINE_BREAK = re.compile(r"\r\n?|[\u2028\u2029]")
_DIGITS = re.compile(r"\d")
# Pages nested deeper than this are flattened below it: the text extractor
# loses content in deeper trees (the HTML parser itself stops at 2,048 levels).
_FLAT_DEPTH = 200
# Block elements: their text stands on lines of its own when deep content is flattened.
_BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    }
)
# What trafilatura and the libraries under it raise on malformed pages ("<!-- x --><html><svg>"
# makes one drop the root element and fail an assertion).
_EXTRACTOR_FAILURES = (AssertionError, AttributeError, IndexError, KeyError, RecursionError, TypeError, ValueError, lxml.etree.LxmlError)
_SENTENCE_END = re.compile(r"[.!?][\"'”’“‘»«)\]\s]*$")  # quotes of any language or direction may follow
_INNER_SENTENCE_END = re.compile(r"[^\W\d_]{3}[.!?][\"'”’)\]]* [^\W\d_a-zа-я]")
#: Words of a copy's last paragraph, cut off inside its first sentence, that make it prose: captions are shorter.
_CUT_OFF_WORDS = 20
_CAPTION_START = re.compile(r"^(FILE( PHOTO)?\s*[-–—:]|PHOTO\s*[-–—:]|IMAGE\s*[-–—:]|Photo:|Caption:)", re.IGNORECASE)
_AGENCY_CREDIT = re.compile(r"\((?:AFP|Reuters|AP|Getty Images|EPA)", re.IGNORECASE)
_PHOTO_CREDIT = re.compile(r"(?:Photo|Image)(?: by|:)\s", re.IGNORECASE)
#: A line that is only a photo's credit ("AP Photo", "Foto: EPA/Name", "Фото: AP"): the paragraph above it is the caption.
_CREDIT_LINE = re.compile(r"\(?(?:(?:AP|AFP|Reuters|EPA|Xinhua|Anadolu|TASS)\s+Photo\b|(?:Photo|Foto|Фото)(?:\s+by|\s*:))[^\n]{0,60}", re.IGNORECASE)
_FILE_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)-([01]\d)-([0-3]\d)(?!\d)")
_DATELINE_HEAD = re.compile(r"[A-Z][A-Z .'-]{2,40},\s+(?P<rest>.*)")
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,40},\s+(?P<date>[^(\n]{3,40}?)\s*(\(|[-–—])")
_OUTLET = re.compile(r"\s*\((?P<outlet>[^\W\d_][\w .&'/-]{0,40})\)")
_MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_WORD = r"(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
#: Dates as news sites write them in their addresses, year first or last,
#: separated or run together: /2020/11/20/, 20201120, 25112020, 2005/sep/12, 06-Sep-2021.
_ADDRESS_DATES = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"(?<![\d.])(?P<y>(?:19|20)\d\d)[-/_](?P<m>[01]?\d)[-/_](?P<d>[0-3]?\d)(?!\d)",
        r"(?<![\d.])(?P<y>(?:19|20)\d\d)[-/_]" + _MONTH_WORD + r"[-/_](?P<d>[0-3]?\d)(?!\d)",
        r"(?<![\d.])(?P<d>[0-3]?\d)[-/_](?P<m>[01]?\d)[-/_](?P<y>(?:19|20)\d\d)(?!\d)",
        r"(?<![\d.])(?P<d>[0-3]?\d)[-/_]" + _MONTH_WORD + r"[-/_](?P<y>(?:19|20)\d\d)(?!\d)",
        # ".../2021/0812/story", ".../2021/08/15070945/..." (the day runs into a clock time).
        r"(?<![\d.])(?P<y>(?:19|20)\d\d)/(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)",
        r"(?<![\d.])(?P<y>(?:19|20)\d\d)/(?P<m>[01]?\d)/(?P<d>[0-3]\d)\d{6}(?!\d)",
        # "20210808-kunduz", and a day that runs into a clock time ".../202011131044764442-story"
        # (not "2000121451170", a serial number whose first digits only look like a day).
        r"(?<![\d.])(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?:(?:[01]\d|2[0-3])(?:[0-5]\d+)?)?(?!\d)",
        r"(?<![\d.])(?P<d>[0-3]\d)(?P<m>[01]\d)(?P<y>(?:19|20)\d\d)(?!\d)",
    )
)


#: A web archive's copy of a page, dated by the day it was copied: "https://web.archive.org/web/20070630162402/http://...",
#: ".../web/20070630162402id_/...", "wayback.archive.org/web/...", "archive.ph/20210815123456/...".
_ARCHIVED = re.compile(
    r"^(?:https?://)?(?:[\w-]+\.)*(?:archive\.org(?::\d+)?/web|archive\.(?:is|ph|today|li|vn|fo|md))/\d{1,14}[a-z_*]*/(?P<original>.*)$",
    re.IGNORECASE,
)


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
    ``page metadata``, ``dateline``, ``file name``, what :func:`~handover_map.reading.find_published`
    finds, or ``unknown``. ``site`` and ``url`` come from a saved page's metadata and are
    empty for plain text.
    """

    text: str
    paragraphs: list[Paragraph]
    headline: str
    published: dt.date | None
    published_from: str
    location: str
    notes: list[str] = field(default_factory=list)
    #: The outlet or site: a saved page's ``og:site_name`` (else its address's host), or the agency a dateline names.
    site: str = ""
    #: The page's own address (``rel=canonical`` or ``og:url``), when it is an http(s) one.
    url: str = ""

    @property
    def body(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.body]


def _declared_encoding(head: bytes) -> str | None:
    """The encoding a page declares (meta charset or XML declaration), if Python has it and pages use it."""
    declared = _DECLARED_CHARSET.search(head)
    if declared is None:
        return None
    try:
        name = codecs.lookup((declared.group(1) or declared.group(2)).decode("ascii")).name
    except LookupError:
        return None
    name = "cp1252" if name in _READ_AS_CP1252 else name
    # Only the encodings of web pages: a declared "utf-16" in an ASCII page is
    # wrong, and codecs such as punycode or unicode_escape are no page encodings.
    return name if name in _WEB_ENCODINGS else None


def _decode(raw: bytes, path: str) -> str:
    """Text of an article file: by its byte-order mark, else UTF-8, else the
    encoding the page declares, else the best guess."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise InputDataError(
                    f"Article '{path}' starts with a {encoding.upper()} byte-order mark but is not {encoding.upper()} text.", hint="save it again as UTF-8."
                ) from None
    if b"\x00" in raw[:4096]:
        raise InputDataError(f"Article '{path}' is a binary file, not text or HTML.", hint="give a .txt or a saved .html page.")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _declared_encoding(raw[:1024])
    if declared is not None:
        try:
            return raw.decode(declared)
        except UnicodeDecodeError:
            pass
    best = from_bytes(raw).best()
    if best is None:
        raise InputDataError(f"Cannot tell the text encoding of article '{path}'.", hint="save it as UTF-8.") from None
    return str(best)


def _looks_like_html(text: str) -> bool:
    """Whether a text is a web page: its first tag, after blank space, an XML
    declaration and comments, is an HTML one."""
    i = 0
    while True:
        i = _BLANK.match(text, i).end()  # type: ignore[union-attr]  # matches the empty string too
        if text.startswith("<!--", i):
            end = "-->"  # "<!-->" is an empty comment to browsers: look from the "--"
        elif text.startswith("<?", i):
            end = "?>"
        else:
            return bool(_HTML_TAG.match(text, i))
        close = text.find(end, i + 2)
        if close < 0:
            return False
        i = close + len(end)


def _split_paragraphs(text: str) -> list[tuple[int, int, str]]:
    """Lines as paragraphs (news text puts one paragraph on a line), with offsets."""
    out: list[tuple[int, int, str]] = []
    for match in re.finditer(r"[^\n]+", text):
        stripped = match.group(0).strip()
        if stripped:
            start = match.start() + match.group(0).index(stripped)
            previous = out[-1] if out else None
            if previous is not None and previous[2][-1:].isalpha() and stripped[:1].islower():
                # A sentence a copy broke across lines ("... 15 ноября, но" / "согласились отложить ..."): one paragraph.
                out[-1] = (previous[0], start + len(stripped), text[previous[0] : start + len(stripped)])
            else:
                out.append((start, start + len(stripped), stripped))
    return out


def _ends_with_credit(text: str) -> bool:
    """Whether a paragraph ends in a photo credit: "(AFP/...)" or "Photo by ..." after its last full stop.

    Found by looking only past the last ")" or "." (a regular expression
    anchored at the end would rescan the rest of the text from every "(AFP").
    """
    stripped = text.rstrip()
    if stripped.endswith(")"):
        last = len(stripped) - 1
        if _AGENCY_CREDIT.search(stripped, stripped.rfind(")", 0, last) + 1, last):
            return True
    return bool(_PHOTO_CREDIT.search(text, text.rfind(".") + 1))


#: The fewest words of a sentence read as the story of a text that has no longer one, and the most such lines.
_SHORT_STORY_WORDS = 3
_SHORT_STORY_LINES = 2


def _is_body(text: str, last: bool = False) -> bool:
    # A long paragraph of several sentences is prose even when a copy cuts it off mid-sentence; so is
    # a long one at the end of a copy that stops inside its first sentence ("..., which").
    words = len(text.split())
    last_word = text.rsplit(None, 1)[-1] if words else ""
    cut_off = last and words >= _CUT_OFF_WORDS and last_word.isalpha() and last_word.islower()
    ends = bool(_SENTENCE_END.search(text)) or (words >= 25 and bool(_INNER_SENTENCE_END.search(text))) or cut_off
    return words >= 6 and ends and _is_prose(text)


def _is_prose(text: str) -> bool:
    """Whether a paragraph is no photo caption ("Photo: ...") and ends in no photo credit."""
    return not _CAPTION_START.match(text) and not _ends_with_credit(text)


def classify_paragraphs(text: str) -> list[Paragraph]:
    """Mark body paragraphs; leave out furniture and captions.

    A paragraph repeated right after itself is a photo caption (pages print
    the caption twice: as alt text and below the photo), and so is a
    sentence followed by a line that is only a photo credit ("AP Photo",
    "Foto: EPA/...").
    """
    raw = _split_paragraphs(text)
    captions = {i for i in range(len(raw) - 1) if raw[i][2] == raw[i + 1][2]}
    captions |= {i + 1 for i in captions}
    # ... and so is a sentence a credit line follows (not a lede of several over its photo's credit).
    captions |= {i for i in range(len(raw) - 1) if _CREDIT_LINE.fullmatch(raw[i + 1][2]) and not _INNER_SENTENCE_END.search(raw[i][2])}
    last = len(raw) - 1
    paragraphs = [Paragraph(start, end, body_text, _is_body(body_text, i == last) and i not in captions) for i, (start, end, body_text) in enumerate(raw)]
    if not any(p.body for p in paragraphs):
        # A text of a short sentence or two only (a post, a wire flash: "Талибы захватили Кандагар в пятницу.") is its
        # story; not a caption, nor a list of headlines or links (more than two such lines).
        story = [
            i
            for i, p in enumerate(paragraphs)
            if _SENTENCE_END.search(p.text) and len(p.text.split()) >= _SHORT_STORY_WORDS and i not in captions and _is_prose(p.text)
        ]
        if len(story) <= _SHORT_STORY_LINES:
            paragraphs = [replace(p, body=i in story) for i, p in enumerate(paragraphs)]
    return paragraphs


def _is_dateline(line: str) -> bool:
    """Whether a line is a dateline on its own ("BAKU, December 1, 2020"): a
    place in capitals, a comma, and a date with at most one other word."""
    head = _DATELINE_HEAD.match(line)
    if head is None:
        return False
    rest = head.group("rest")
    dated = [m for m in find_dates(rest) if m.date]
    if not dated:
        return False
    for mention in reversed(dated):
        rest = rest[: mention.start] + " " + rest[mention.end :]
    return len(re.findall(r"[^\W\d_]+", rest)) <= 1


def _looks_like_headline(line: str, first: bool = False) -> bool:
    """Whether a line that is not prose is a headline: mostly capitalised words ("Taliban Capture
    Faizabad"), or, as the first line of a text that goes on, any that opens with a capital ("Taliban
    enter Kabul as the president flees": headlines in sentence case)."""
    words = line.split()
    if not 4 <= len(words) <= 25 or _SENTENCE_END.search(line) or _is_dateline(line):
        return False
    if first and words[0].lstrip("\"'«»“”„‘’")[:1].isupper():
        return True  # (after an opening quote too: "“Талибан” вошел в Кабул")
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return capitalised / len(words) >= 0.6


def _file_name(location: str) -> str:
    """The last part of a path or address (either slash): the folder names the user, not the article."""
    return re.split(r"[\\/]", location.rstrip("\\/"))[-1]


def date_from_address(address: str) -> dt.date | None:
    """The day a news page's address carries, if it carries one: ".../2020/11/20/story",
    ".../20210808-kunduz", ".../25112020/142748", ".../2005/sep/12/...", ".../06-Sep-2021/...",
    ".../2021/0812/...", ".../202011131044764442-story". Of a web archive's copy, the day in
    the address it copied: the day it was copied is no day of publication."""
    path = address.strip().split("?", 1)[0].split("#", 1)[0]
    while archived := _ARCHIVED.match(path):  # (a copy of a copy too)
        path = archived.group("original")
    for pattern in _ADDRESS_DATES:
        for match in pattern.finditer(path):
            fields = match.groupdict()
            month = _MONTH_ABBREVIATIONS.index(fields["mon"].lower()) + 1 if fields.get("mon") else int(fields["m"])
            try:
                return dt.date(int(fields["y"]), month, int(fields["d"]))
            except ValueError:
                continue
    return None


def _published_from_text(paragraphs: list[Paragraph], location: str) -> tuple[dt.date | None, str]:
    for p in paragraphs[:8]:
        dateline = _DATELINE.match(p.text)
        if dateline:
            dated = [m.date for m in find_dates(dateline.group("date")) if m.date]
            if dated:
                return dated[0], "dateline"
    name_date = _FILE_DATE.search(_file_name(location))
    if name_date:
        try:
            return dt.date(*map(int, name_date.groups())), "file name"
        except ValueError:
            pass
    # Not the latest date the text writes: in real reports that is more often a date of history
    # (an occupation in 1993, a deal of 2020 in a piece of 2025) than the report's own day.
    return None, "unknown"


def _dateline_outlet(paragraphs: list[Paragraph]) -> str:
    """The agency a dateline names in brackets: "BAKU, 20 November 2020 (Caspian Wire) - ..." gives "Caspian Wire"."""
    for p in paragraphs[:8]:
        dateline = _DATELINE.match(p.text)
        if dateline:
            outlet = _OUTLET.match(p.text, dateline.end("date"))
            return outlet.group("outlet").strip() if outlet else ""
    return ""


def _flatten(element) -> None:
    """Replace what an element holds by its text, one ``<p>`` per block, without recursion."""
    pieces = [element.text or ""]
    for event, node in lxml.etree.iterwalk(element, events=("start", "end")):
        if node is element:
            continue
        tag = node.tag if isinstance(node.tag, str) else ""  # comments and processing instructions
        if event == "start":
            pieces.append("\n" if tag in _BLOCK_TAGS else "")
            pieces.append((node.text or "") if tag else "")
        else:
            pieces.append("\n" if tag in _BLOCK_TAGS else "")
            pieces.append(node.tail or "")
    for child in list(element):
        element.remove(child)
    element.text = None
    for line in "".join(pieces).split("\n"):
        if line.strip():
            lxml.etree.SubElement(element, "p").text = " ".join(line.split())


def _flatten_deep(tree) -> None:
    """Flatten every element at depth :data:`_FLAT_DEPTH` that has content deeper than one more level."""
    depth, anchor = 0, None
    deep: list[lxml.etree._Element] = []
    for event, element in lxml.etree.iterwalk(tree, events=("start", "end")):
        if event == "end":
            depth -= 1
            continue
        depth += 1
        if depth == _FLAT_DEPTH:
            anchor = element
        elif depth == _FLAT_DEPTH + 2 and (not deep or deep[-1] is not anchor):
            deep.append(anchor)
    for element in deep:
        _flatten(element)


@dataclass(frozen=True)
class _Page:
    """What a saved page gives: its text, headline, date, site and address."""

    text: str
    headline: str
    published: dt.date | None
    site: str = ""
    url: str = ""


def _from_html(raw_html: str, location: str) -> _Page:
    import trafilatura

    raw_html = _NOT_XML.sub("", raw_html)  # lxml refuses these characters back from Python
    declaration = _XML_DECLARATION.match(raw_html)
    if declaration:  # XHTML: lxml takes no text that declares its encoding
        raw_html = raw_html[declaration.end() :]
    parser = lxml.html.HTMLParser(huge_tree=True)
    try:  # the whole document, even where a comment comes first (fromstring would give one element)
        tree = lxml.html.document_fromstring(raw_html, parser=parser)
    except (ValueError, lxml.etree.LxmlError):
        return _Page("", "", None)
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
        raise InputDataError(
            f"The page '{location}' nests its elements too deep to read (the HTML parser stops at 2,048 levels).",
            hint="paste the article text into a .txt file and give that.",
        )
    for furniture in tree.xpath("//figure|//figcaption|//nav|//aside|//footer|//script|//style|//noscript"):
        if furniture.getparent() is not None:
            furniture.drop_tree()
    _flatten_deep(tree)
    try:
        text = (
            trafilatura.extract(
                lxml.html.tostring(tree, encoding="unicode"), include_comments=False, include_tables=False, include_images=False, favor_precision=True
            )
            or ""
        )
    except _EXTRACTOR_FAILURES as error:
        raise InputDataError(
            f"Cannot read the page '{location}' ({type(error).__name__} in the text extractor).",
            hint="save the article page again, or paste its text into a .txt file.",
        ) from None
    try:
        metadata = trafilatura.extract_metadata(raw_html)
    except _EXTRACTOR_FAILURES:
        metadata = None  # its title and date are then taken from the text, and the report says so
    published = None
    if metadata is not None and metadata.date:
        try:
            published = dt.date.fromisoformat(metadata.date[:10])
        except ValueError:
            published = None
    if published is None and metadata is not None and metadata.url:
        published = date_from_address(metadata.url)  # the page's canonical address
    if metadata is None:
        return _Page(text, "", published)
    return _Page(text, metadata.title or "", published, _one_line(metadata.sitename or ""), _web_address(metadata.url or ""))


def _one_line(text: str) -> str:
    """``text`` on one line, at most :data:`MAX_HEADLINE` characters."""
    text = " ".join(text.split())
    return text if len(text) <= MAX_HEADLINE else text[:MAX_HEADLINE] + "…"


def _web_address(url: str) -> str:
    """``url`` when it is an http(s) address of at most :data:`MAX_URL` characters
    with no spaces, quotes or control characters, else "": a ``file:`` address
    or a relative one would publish a local path."""
    url = url.strip()
    if len(url) > MAX_URL or not _WEB_ADDRESS.fullmatch(url):
        return ""
    return url


def _clean_headline(headline: str) -> str:
    """The headline on one line, at most :data:`MAX_HEADLINE` characters (it goes into every event's source)."""
    headline = " ".join(headline.split())
    if len(headline) > MAX_HEADLINE:
        cut = headline.rfind(" ", 0, MAX_HEADLINE)
        headline = headline[: cut if cut > 0 else MAX_HEADLINE] + "…"
    return headline


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
        If the file is missing, a folder, unreadable, empty, binary, too
        large, not in the encoding its byte-order mark names, or a page that
        holds no text or nests its elements too deep.
    """
    path = Path(path)
    if path.is_dir():
        raise InputDataError(f"Article '{path}' is a folder.", hint="give the path of a .txt or .html file.")
    if not path.exists():
        raise InputDataError(f"Article '{path}' does not exist.", hint="check the path.")
    if not path.is_file():
        raise InputDataError(f"Article '{path}' is not a regular file.", hint="give the path of a .txt or .html file.")
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise InputDataError(f"Article '{path}' is {size:,} bytes, larger than any news report.", hint="give one article, as text or a saved page.")
        raw = path.read_bytes()
    except OSError as error:
        raise InputDataError(f"Cannot read article '{path}': {error.strerror or error}.", hint="check that the file is readable.") from None
    text = _decode(raw, str(path))
    if not text.strip():
        raise InputDataError(f"Article '{path}' is empty.", hint="give a file with the article's text.")
    return parse_article(text, location=str(path), is_html=_looks_like_html(text), published=published)


def parse_article(text: str, *, location: str = "", is_html: bool = False, published: dt.date | None = None) -> Article:
    """Build an :class:`Article` from text already in memory (see :func:`read_article`).

    Line endings (CR, CR LF, Unicode line and paragraph separators) become LF,
    so offsets refer to the text with LF line endings.

    Raises
    ------
    InputDataError
        If a page holds no article text, or nests its elements too deep.
    """
    page = _Page("", "", None)
    text = text.removeprefix("\ufeff")
    if is_html:
        page = _from_html(text, location)
        text = page.text
        if not text.strip():
            raise InputDataError(f"Found no article text in the page '{location}'.", hint="save the article page itself, or paste its text into a .txt file.")
    text = _LINE_BREAK.sub("\n", text)
    paragraphs = classify_paragraphs(text)
    headline, page_date = page.headline, page.published
    if not headline:
        # (A first line heads a text only if more follows: a lone line may be a cut-off caption.)
        goes_on = len(paragraphs) > 1
        headline = next((p.text for k, p in enumerate(paragraphs[:10]) if not p.body and _looks_like_headline(p.text, k == 0 and goes_on)), "")
    headline = _clean_headline(headline)
    if published is not None:
        published_from = "option"
    elif page_date is not None:
        published, published_from = page_date, "page metadata"
    else:
        published, published_from = _published_from_text(paragraphs, location)
    return Article(
        text=text,
        paragraphs=paragraphs,
        headline=headline,
        published=published,
        published_from=published_from,
        location=location,
        site=page.site or _dateline_outlet(paragraphs),
        url=page.url,
    )


def one_report(text: str) -> str:
    """``text`` fit for one report's part of a cell: on one line, without the separator's bar."""
    return " ".join(text.replace("|", "/").split())


def citation(article: Article) -> str:
    """How a report is cited in the ``source`` column and the map's credits.

    Outlet or site, headline, publication date and the page's own address,
    those that are known, separated by commas: "Yerevan Weekly, Karvachar
    falls silent, 2020-11-26, https://weekly.example.org/karvachar". Never
    the file's name or folder, which are the user's, not the report's.
    """
    site = one_report(article.site)
    headline = one_report(article.headline) or "(untitled)"
    parts = [site if site and site.casefold() != headline.casefold() else "", headline]
    parts.append(article.published.isoformat() if article.published else "")
    parts.append(article.url.replace("|", "%7C"))
    return ", ".join(part for part in parts if part)
