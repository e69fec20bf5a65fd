"""Markdown for the daily file a cron job writes; text is escaped so it cannot break the layout."""
from __future__ import annotations

import re

from ..model import Digest
from . import article_heading, source_heading

TITLE = "新闻摘要"
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>])")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])", re.M)


def escape(text: str) -> str:
    """Backslash-escape Markdown syntax; HTML-escape what could open a tag or entity."""
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    text = _SPECIAL.sub(r"\\\1", text)
    text = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    return " ".join(text.split())


def render(digest: Digest) -> str:
    n_articles = sum(len(s.articles) for s in digest.sources)
    out = [f"# {TITLE}", "", f"{len(digest.sources)} 个版面 · {n_articles} 篇文章", ""]
    for source in digest.sources:
        out += [f"## {escape(source_heading(source))}", ""]
        if not source.articles:
            out += ["_（本版未识别出文章）_", ""]
        for article in source.articles:
            out += [f"### {escape(article_heading(article))}", ""]
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
