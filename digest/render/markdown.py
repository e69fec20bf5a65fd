"""Markdown for the daily file a cron job writes; text is escaped so it cannot break the layout."""
from __future__ import annotations

import re

from ..model import Digest
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


def render(digest: Digest) -> str:
    n_articles = sum(len(s.articles) for s in digest.sources)
    day = digest.latest_date()
    out = [" ".join([f"# {TITLE}"] + ([day] if day else [])), "", f"{len(digest.sources)} 个版面 · {n_articles} 篇文章", ""]
    for source in digest.sources:
        out += [f"## {escape(source_heading(source), block=False)}", ""]
        if not source.articles:
            out += ["_（本版未识别出文章）_", ""]
        for article in source.articles:
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
    return "\n".join(out).rstrip() + "\n"
