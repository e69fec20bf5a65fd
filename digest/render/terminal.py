"""The colour digest for a reader at the terminal; plain text when piped or NO_COLOR is set.

Page text goes into rich ``Text`` objects, never into markup strings, so "[tags]" in a
page are printed as they are.
"""
from __future__ import annotations

import zlib

from ..categories import DEFAULT, names
from ..model import Digest
from . import article_heading, source_heading

PALETTE = ("red", "bright_red", "green", "bright_green", "cyan", "bright_cyan", "blue", "magenta", "bright_magenta",
           "yellow", "bright_blue", "bright_yellow")


def colour(category: str | None) -> str:
    """A category's colour: the shipped ones in list order, a user's own by its name (stable)."""
    if category is None or category == DEFAULT:
        return "white"
    shipped = names()[:-1]
    k = shipped.index(category) if category in shipped else zlib.crc32(category.encode()) % len(PALETTE)
    return PALETTE[k % len(PALETTE)]


def render(digest: Digest, console) -> None:
    render_legend(console, digest.categories)
    for source in digest.sources:
        render_source(source, console)


def render_legend(console, categories: list[str] | None = None) -> None:
    from rich.text import Text

    legend = Text("分类：", style="dim")
    for name in categories or names():
        legend.append(f"■ {name}  ", style=colour(name))
    console.print(legend)


def render_source(source, console) -> None:
    """One page: its heading rule, then its articles (printed as soon as the page is done)."""
    from rich.rule import Rule
    from rich.table import Table
    from rich.text import Text

    console.print()
    console.print(Rule(Text(source_heading(source), style="bold"), style="bright_black"))
    if not source.articles:
        console.print(Text("（本版未识别出文章）", style="dim"))
    for article in source.articles:
        tint = colour(article.category)
        console.print()
        head = Text("■ ", style=tint)
        head.append(article_heading(article), style=f"bold {tint}")
        console.print(head)
        if article.subtitle:
            console.print(Text("  " + article.subtitle, style="italic"))
        if article.byline:
            console.print(Text("  " + article.byline, style="dim"))
        if article.summary and not console.is_terminal:  # piped: one line each, no padding
            for sentence in article.summary:
                console.print(_marked(Text("  • " + sentence), article.keywords, tint))
        elif article.summary:
            bullets = Table.grid(padding=(0, 1), expand=True)
            bullets.add_column(width=3, justify="right")
            bullets.add_column(ratio=1, overflow="fold")
            for sentence in article.summary:
                bullets.add_row("•", _marked(Text(sentence), article.keywords, tint))
            console.print(bullets)
        if article.keywords:
            console.print(Text("  关键词：" + " · ".join(article.keywords), style="dim " + tint))
        if article.continued:
            console.print(Text(f"  （下转{article.continued}版）", style="dim"))


def _marked(text, keywords: list[str], tint: str):
    """The article's keywords picked out where the summary says them (bold, in its topic's
    colour; nothing shows where there is no colour)."""
    text.highlight_words(keywords, style=f"bold {tint}")
    return text


def plain(digest: Digest, width: int = 72) -> str:
    """The same digest as plain text (no colour codes), for a file or a mail's text part."""
    import io

    from rich.console import Console

    buf = io.StringIO()
    render(digest, Console(file=buf, color_system=None, force_terminal=False, highlight=False, soft_wrap=True,
                           emoji=False, markup=False, width=width))
    return buf.getvalue()
