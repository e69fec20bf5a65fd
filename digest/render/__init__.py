"""Renderers read the Digest model and nothing else."""
from __future__ import annotations



def source_heading(source) -> str:
    """Paper · date · page when the page printed them, else the file name."""
    parts = [p for p in (source.paper, source.date, f"{source.page}版" if source.page else None) if p]
    name = "stdin" if source.source == "-" else source.source.rsplit("/", 1)[-1]  # "\\" may be an escape: kept
    return " · ".join(parts) + f" ({name})" if parts else name


def article_heading(article) -> str:
    if article.title is None:
        return "（无标题）"
    return article.title + ("（拟）" if article.title_generated else "")
