"""The snippet that embeds a built map in another page (a blog post, a story).

An iframe, a caption with the title and a link to the map's own page (for
readers whose browser or feed shows no frames), and a few lines of script:
the map posts the height of its content to the page that embeds it
(``{type: "handover-map:height", height}``, see ``templates/js/embed.js``),
and the script sets the frame to that height, so that the whole map, legend
and credits show at any column width with no scrolling inside the frame. The
script only listens to its own frame's window, from the origin of the frame's
address. Without it (a platform that strips scripts) the frame keeps an
aspect ratio of 3:2, at least 480 px high.
"""

from __future__ import annotations

import html
import re

from .words import DEFAULT_LANGUAGE, LANGUAGES, words

#: Frame heights the snippet accepts, in pixels; heights a page reports outside this range are ignored.
FRAME_HEIGHTS = (100, 20_000)

_RESIZE_SCRIPT = (
    "(function () {"
    'var frame = document.currentScript.parentNode.querySelector("iframe");'
    ' addEventListener("message", function (event) {'
    " var data = event.data;"
    " if (event.source !== frame.contentWindow || event.origin !== new URL(frame.src, location.href).origin) return;"
    '  if (!data || data.type !== "handover-map:height") return;'
    " var height = Math.ceil(Number(data.height));"
    f" if (!(height >= {FRAME_HEIGHTS[0]} && height <= {FRAME_HEIGHTS[1]})) return;"
    '  frame.style.aspectRatio = "auto"; frame.style.minHeight = "0"; frame.style.height = height + "px";'
    " });"
    "})();"
)


def page_title(page_html: str) -> str:
    """The ``<title>`` of a built page, as text; "Map" when it has none."""
    found = re.search(r"<title>(.*?)</title>", page_html, re.DOTALL)
    title = html.unescape(found.group(1)).strip() if found else ""
    return " ".join(title.split()) or "Map"


def page_language(page_html: str) -> str:
    """The language of a built page's own words (its ``<html lang>``), English when it names none the page has."""
    found = re.search(r'<html lang="([A-Za-z-]+)"', page_html)
    return found.group(1) if found and found.group(1) in LANGUAGES else DEFAULT_LANGUAGE


def embed_snippet(url: str, title: str, height: int | None = None, lang: str = DEFAULT_LANGUAGE) -> str:
    """HTML that embeds the map published at ``url`` in a page.

    Parameters
    ----------
    url
        Address of the map's page: an http(s) URL or one relative to the
        embedding page (checked by the caller; escaped here).
    title
        The map's title, for the frame's ``title`` and the caption.
    height
        The frame's height in pixels before the map reports its own, and
        where scripts do not run; default: an aspect ratio of 3:2, at least
        480 px.
    lang
        Language of the caption's own words (see :func:`page_language`).

    Returns
    -------
    str
        The snippet, one ``<figure>`` element.
    """
    src, text = html.escape(url), html.escape(title)
    size = f'height="{height}" ' if height else ""
    ratio = "" if height else "aspect-ratio:3/2;min-height:480px;"
    return (
        '<figure class="handover-map-embed" style="margin:1.5em 0">\n'
        f'<iframe src="{src}" title="{text}" width="100%" {size}'
        f'style="border:0;width:100%;min-width:320px;max-width:1600px;display:block;{ratio}" loading="lazy" allow="fullscreen"></iframe>\n'
        f'<figcaption style="font-size:0.85em;margin-top:4px"><a href="{src}">{text}</a> {html.escape(words(lang)("embed.own_page"))}</figcaption>\n'
        f"<script>{_RESIZE_SCRIPT}</script>\n"
        "</figure>"
    )
