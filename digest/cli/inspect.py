"""`digest inspect`: every raw line with the role the segmenter gave it, to see why a page was cut."""
from __future__ import annotations

import typer

from . import app
from .cli_utils import console, error

ROLE_STYLE = {
    "headline": "bold cyan", "subtitle": "cyan", "head": "bold yellow", "subhead": "yellow", "byline": "green",
    "body": "", "caption": "magenta", "noise": "bright_black", "jump": "blue", "blank": "bright_black",
}


@app.command()
def inspect(path: str = typer.Argument(..., help="One page dump or PDF, or - for stdin.")) -> None:
    """Show each line with its role (headline, subtitle, byline, body, subhead, caption, noise…) and article;
    for a PDF, also its type size in points (every page of it)."""
    from rich.text import Text

    from ..load import LoadError, read_pages
    from ..segment import segment

    try:
        pages = read_pages(path)
    except LoadError as exc:
        error(f"{path}: {exc}")
        raise typer.Exit(1) from None
    out = console()
    for page in pages:
        source = segment(page)
        out.print(Text(f"{page.source}: {len(source.articles)} articles, {len(source.noise)} noise blocks, "
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
