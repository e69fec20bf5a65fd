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
def inspect(path: str = typer.Argument(..., help="One page dump, or - for stdin.")) -> None:
    """Show each line with its role (headline, subtitle, byline, body, subhead, caption, noise…) and article."""
    from rich.text import Text

    from ..load import LoadError, read_page
    from ..segment import segment

    try:
        page = read_page(path)
    except LoadError as exc:
        error(f"{path}: {exc}")
        raise typer.Exit(1) from None
    source = segment(page)
    out = console()
    out.print(Text(f"{path}: {len(source.articles)} articles, {len(source.noise)} noise blocks, encoding {page.encoding}"))
    for line in source.lines:
        if line.blank:
            continue
        art = f"#{line.article + 1}" if line.article is not None else "-"
        row = Text(f"{line.number:>4} {line.role:<9} {art:>4}  ", style="dim")
        row.append(line.text, style=ROLE_STYLE.get(line.role, ""))
        out.print(row)
