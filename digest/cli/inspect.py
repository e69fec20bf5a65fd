"""`digest inspect`: every raw line with the role the segmenter gave it, to see why a page was cut."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from . import app
from .cli_utils import console, error

ROLE_STYLE = {
    "headline": "bold cyan", "subtitle": "cyan", "head": "bold yellow", "subhead": "yellow", "byline": "green",
    "body": "", "caption": "magenta", "noise": "bright_black", "jump": "blue", "blank": "bright_black",
}


@app.command()
def inspect(
    path: str = typer.Argument(..., help="One page dump or PDF, or - for stdin."),
    png: Optional[Path] = typer.Option(None, "--png", metavar="FILE",
                                       help="PDF only: draw each article's lines framed in a colour of its own "
                                            "(noise in grey) over the page, to FILE (FILE-p2.png… for an edition)."),
) -> None:
    """Show each line with its role (headline, subtitle, byline, body, subhead, caption, noise…) and article;
    for a PDF, also its type size in points (every page of it)."""
    from rich.text import Text

    from ..load import LoadError, read_pages
    from ..segment import segment
    from ..text import visible

    try:
        pages = read_pages(path)
    except LoadError as exc:
        error(f"{path}: {exc}")
        raise typer.Exit(1) from None
    if png is not None and pages[0].geometry is None:
        error(f"{path}: --png needs a PDF (a text dump has no page to draw on)")
        raise typer.Exit(2)
    out = console()
    for number, page in enumerate(pages, 1):
        source = segment(page)
        if png is not None:
            _draw(path, page, source, number - 1, png if len(pages) == 1 else png.with_name(f"{png.stem}-p{number}{png.suffix}"))
        out.print(Text(f"{visible(page.source)}: {len(source.articles)} articles, {len(source.noise)} noise blocks, "
                       f"encoding {page.encoding}"))
        for line in source.lines:
            if line.blank:
                continue
            art = f"#{line.article + 1}" if line.article is not None else "-"
            size = f"{line.font_size:>5.1f} " if page.geometry is not None and line.font_size is not None else \
                ("      " if page.geometry is not None else "")
            row = Text(f"{line.number:>4} {size}{line.role:<9} {art:>4}  ", style="dim")
            row.append(line.text, style=ROLE_STYLE.get(line.role, ""))
            out.print(row)
        for k, article in enumerate(source.articles, 1):
            for sentence in _fragments(article):
                out.print(Text(f"#{k}: a sentence that does not start a sentence (left out of summaries; text joined "
                               f"wrongly?): {sentence[:40]}", style="yellow"))


def _fragments(article) -> list[str]:
    """The article's sentences that open mid-sentence: what a wrong join leaves, and what no
    summary takes."""
    from ..summarize.readable import defects, run_on_openings
    from ..text import split_sentences

    from ..pipeline import summary_text

    sentences = split_sentences(article.text)
    summarized = split_sentences(summary_text(article))  # without section heads, which end as a cut does
    halves = {summarized[k] for k in run_on_openings(summarized)}
    return [s for s in sentences if "fragment" in defects(s) or s in halves]


def _draw(path: str, page, source, index: int, out: Path) -> None:
    from ..pdf import draw_articles

    boxes = []
    for line in source.lines:
        box = page.geometry[line.number - 1] if not line.blank and line.number - 1 < len(page.geometry) else None
        if box is not None:
            boxes.append((line.article, box.x0, box.top, box.x1, box.bottom))
    try:
        draw_articles(Path(path).read_bytes(), index, boxes, str(out))
    except OSError as exc:
        error(f"{out}: {exc.strerror or exc}")
        raise typer.Exit(1) from None
