"""One self-contained HTML page: the Markdown digest rendered with markdown-it, raw HTML
disabled (nothing in a page can inject markup), readable on a phone and in dark mode, no
remote anything. ``--format html`` writes it; the mail's HTML part is the same page."""
from __future__ import annotations

import html
import zlib

from ..categories import DEFAULT, names
from ..model import Digest
from . import markdown

_PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
:root {{ color-scheme: light dark; }}
body {{ max-width: 42em; margin: 0 auto; padding: 1em; line-height: 1.7;
       font-family: -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }}
h1 {{ font-size: 1.4em; }} h2 {{ font-size: 1.15em; border-bottom: 1px solid #8884; padding-bottom: .2em; }}
h3 {{ font-size: 1.05em; margin-bottom: .2em; }}
.topic {{ padding: 0 .4em; border-radius: .3em; white-space: nowrap; }}
</style></head>
<body>
{body}</body></html>
"""


def title(digest: Digest) -> str:
    """"新闻摘要 2025-06-27 · 12 篇": the latest page date printed, the number of articles."""
    day = digest.latest_date()
    count = sum(len(s.articles) for s in digest.sources)
    return " ".join([markdown.TITLE] + ([day] if day else [])) + f" · {count} 篇"


def render(digest: Digest, page_title: str | None = None) -> str:
    from markdown_it import MarkdownIt

    body = MarkdownIt("commonmark", {"html": False}).render(markdown.render(digest, digest.latest_date()))
    return _PAGE.format(title=html.escape(page_title or title(digest)), body=_tint_topics(body, digest))


def _tint_topics(body: str, digest: Digest) -> str:
    """Each "〔topic〕" the Markdown writes becomes a tag in its topic's colour (a tint that reads
    on light and dark backgrounds alike)."""
    topics = [t for t in (digest.categories or names()) if t != DEFAULT]
    for k, topic in enumerate(topics):
        hue = (k * 360 // max(1, len(names()) - 1)) if topic in names() else zlib.crc32(topic.encode()) % 360
        tag = f"〔{html.escape(markdown.escape(topic))}〕"
        body = body.replace(tag, f'<span class="topic" style="background: hsl({hue} 70% 50% / .2)">'
                                 f'{html.escape(topic)}</span>')
    return body
