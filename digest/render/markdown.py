"""Markdown for the daily file a cron job writes; text is escaped so it cannot break the layout."""
from __future__ import annotations

import re

from ..model import Digest, Source
from . import article_heading, source_heading

TITLE = "新闻摘要"
# Inline syntax: emphasis, code, links and images, autolinks and raw HTML, strikethrough. A
# parenthesis or "!" only means something after "]", which is escaped, so they stay as they are.
_INLINE = re.compile(r"([\\`*\[\]~]|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z]))")  # "a_b" inside a word: no emphasis
# What makes a line a block of its own: a heading, quote, list item, rule, fence or table row.
_BLOCK_START = re.compile(r"^(\s*)(#{1,6}(?=\s|$)|>|[-+](?=\s|$)|-(?=[-\s]*$)|=+\s*$|\d{1,9}(?=[.)](?:\s|$)))")


_CLOSING_HASHES = re.compile(r"(^|\s)(#+)$")


def escape(text: str, block: bool = True) -> str:
    """Page text made inert in Markdown, escaping only what would change it: inline syntax
    everywhere, and what starts a block where the text starts a line (``block``; a heading's
    text after "### " is inline only). "&" and "<" become entities (no HTML, no entities)."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    text = _INLINE.sub(r"\\\1", text)
    text = _CLOSING_HASHES.sub(r"\1\\\2", text)  # "### 标题 #": a heading's closing sequence, dropped
    if block:
        text = _BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2) if not m.group(2)[0].isdigit()
                                else m.group(1) + m.group(2) + "\\", text, count=1)
    return text


def render(digest: Digest, day: str | None = None) -> str:
    """The whole digest: the same bytes as the pages streamed one by one (``head``,
    ``source``, ``foot``); ``day`` for the title where it is not streamed (HTML, mail: the
    latest page date)."""
    if not digest.sources:
        return ""
    body = "".join(source(s) for s in digest.sources)
    return head(day or title_date(digest.date, digest.sources[0])) + body + foot(
        len(digest.sources), sum(len(s.articles) for s in digest.sources))


def title_date(given: str | None, first: Source) -> str | None:
    """The digest's date in its title: the one given (--date), else the first page's: the
    title is written before the other pages are read (the digest is streamed page by page)."""
    return given or first.date


def head(day: str | None) -> str:
    return " ".join([f"# {TITLE}"] + ([day] if day else [])) + "\n\n"


def foot(n_sources: int, n_articles: int) -> str:
    return f"---\n\n{n_sources} 个版面 · {n_articles} 篇文章\n"


def source(page: Source) -> str:
    """One page's section, written as soon as the page is done."""
    out = [f"## {escape(source_heading(page), block=False)}", ""]
    if not page.articles:
        out += ["_（本版未识别出文章）_", ""]
    for article in page.articles:
        out += [f"### {escape(article_heading(article), block=False)}", ""]
        meta = []
        if article.subtitle:
            meta.append(f"*{escape(article.subtitle)}*")
        if article.byline:
            meta.append(escape(article.byline))
        if article.category:
            meta.append(f"〔{escape(article.category)}〕")
        if meta:
            out += [" · ".join(meta), ""]
        out += [f"- {escape(s)}" for s in article.summary]
        if article.summary:
            out.append("")
        if article.keywords:
            out += ["关键词：" + " · ".join(escape(k) for k in article.keywords), ""]
        if article.continued:
            out += [f"_（下转{escape(article.continued)}版）_", ""]
    return "\n".join(out) + "\n"
