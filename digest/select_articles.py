"""Reader controls: which articles of a page the reader sees, in what order (`--grep`,
`--category`, `--top`, `--sort`).

They only filter the model: segmentation and summaries are the same whatever is shown, so a
filtered digest is the unfiltered one with articles left out.
"""
from __future__ import annotations

from .model import Article, Source


def importance(article: Article, position: int, count: int, longest: int) -> float:
    """How much an article matters on its page: the share of the page's longest article it
    fills (a lead story is long) and how near the top of the page it stands (editors put
    the main story first), weighed equally; 0 to 1."""
    size = len(article.text) / longest if longest else 0.0
    place = 1.0 - position / count if count else 0.0
    return 0.5 * size + 0.5 * place


def choose(source: Source, grep: str | None = None, category: str | None = None, top: int | None = None,
           sort: str = "page") -> Source:
    """The page with only the articles the reader asked for, in page order (or, with
    ``sort="importance"``, the most important first)."""
    articles = source.articles
    if grep:
        needle = grep.casefold()
        articles = [a for a in articles
                    if any(needle in (text or "").casefold() for text in (a.title, a.subtitle, a.text, *a.keywords))]
    if category:
        from .categories import DEFAULT

        articles = [a for a in articles if (a.category or DEFAULT) == category]
    longest = max((len(a.text) for a in source.articles), default=0)
    rank = {id(a): importance(a, k, len(source.articles), longest) for k, a in enumerate(source.articles)}
    if top is not None and len(articles) > top:
        keep = {id(a) for a in sorted(articles, key=lambda a: -rank[id(a)])[:top]}
        articles = [a for a in articles if id(a) in keep]
    if sort == "importance":
        articles = sorted(articles, key=lambda a: -rank[id(a)])
    if articles == source.articles:
        return source
    from dataclasses import replace

    return replace(source, articles=articles)


__all__ = ["choose", "importance"]
