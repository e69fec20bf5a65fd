"""The summarizer interface and registry.

A summarizer ranks the sentences of one article: ``rank(sentences) -> indices``, best
first. Everything else (splitting, top-k or a character budget, document order,
verbatim sentences) is done once here, so every method is compared on equal terms.
"""
from __future__ import annotations

from typing import Callable, Protocol

from ..text import split_sentences
from .readable import defects, readable, run_on_openings, strip_dateline


class Summarizer(Protocol):
    name: str

    def rank(self, sentences: list[str], limit: int | None = None) -> list[int]:
        """Indices of ``sentences``, most summary-worthy first.

        ``limit`` says how many will be used; a method may stop ordering after that many
        and append the rest in any order. A method may also offer
        ``rank_many(documents, limit)`` to rank a batch at once (see ``summarize_many``),
        and, with ``uses_title = True``, take each article's head: ``rank(sentences, limit,
        title)``, ``rank_many(documents, limit, titles)``.
        """
        ...


_REGISTRY: dict[str, tuple[str, Callable[[], Summarizer]]] = {}
_INSTANCES: dict[str, Summarizer] = {}


def register(name: str, description: str):
    """Class decorator: make a summarizer available as ``--method name``."""

    def deco(factory):
        _REGISTRY[name] = (description, factory)
        return factory

    return deco


def methods() -> dict[str, str]:
    _load_builtin()
    return {name: desc for name, (desc, _) in _REGISTRY.items()}


def get(name: str) -> Summarizer:
    _load_builtin()
    if name not in _REGISTRY:
        raise KeyError(f"unknown method {name!r}; choose from: {', '.join(_REGISTRY)}")
    if name not in _INSTANCES:
        _INSTANCES[name] = _REGISTRY[name][1]()
    return _INSTANCES[name]


def select(sentences: list[str], order: list[int], k: int | None = None, max_chars: int | None = None,
           readable_only: bool = True) -> list[int]:
    """Top of a ranking under a sentence count or a character budget, in document order.

    Only sentences a reader can read alone are taken (``readable``): no fragment, bare
    attribution, head or clause; a sentence that points back ("这是…", "因此…") only with
    the sentence it points to (taken together, where there is room for both). With a budget, sentences are taken best-first
    when they fit. A summary is never empty: failing all that, the best readable sentence
    alone, or the best one. ``readable_only=False`` (lead: the page as printed) takes the
    ranking as it is.
    """
    chosen: list[int] = []
    used = 0
    seen: set[int] = set()
    halves = run_on_openings(sentences) if readable_only else set()
    for i in order:
        if i in seen or not 0 <= i < len(sentences):
            continue
        seen.add(i)
        flaws = (defects(sentences[i]) | ({"fragment"} if i in halves else set())) if readable_only else set()
        if flaws - {"points_back"}:
            continue
        take = [i]
        if "points_back" in flaws and i == 0 and strip_dateline(sentences[0]) != sentences[0]:
            flaws = flaws - {"points_back"}  # "浙江日报讯 这个夏天，…": the dateline shows the article starts here
        if "points_back" in flaws and i - 1 not in chosen:
            # it reads only after the sentence it points to: both, where the sentence before
            # reads alone (and points back to nothing itself: "如此…" then "但…" is a chain
            # whose head is missing) and there is room for two; else neither
            if i == 0 or i - 1 in seen and i - 1 not in chosen or defects(sentences[i - 1]) \
                    or k is not None and len(chosen) + 2 > k:
                continue
            take = [i - 1, i]
            seen.add(i - 1)
        cost = sum(len(sentences[j]) for j in take)
        if max_chars is not None:
            if used + cost > max_chars:
                continue
            used += cost
        chosen += take
        if k is not None and len(chosen) >= k:
            break
    if not chosen and order:
        chosen = [next((i for i in order if 0 <= i < len(sentences) and readable(sentences[i]) and i not in halves),
                       order[0])
                  if readable_only else order[0]]
    return sorted(chosen)


def summarize(text: str, method: str = "textrank", k: int | None = 3, max_chars: int | None = None,
              title: str | None = None) -> list[str]:
    """Summary sentences of ``text``: verbatim, complete, in document order. ``title``: the
    article's printed head, for a method that weighs it."""
    return summarize_many([text], method, k, max_chars, [title])[0]


def summarize_many(texts: list[str], method: str = "textrank", k: int | None = 3,
                   max_chars: int | None = None, titles: list[str | None] | None = None) -> list[list[str]]:
    """Summaries of many texts (with their printed heads, where known). A method with
    ``rank_many`` ranks them in one batch (the same rankings, far less overhead per text)."""
    documents = [split_sentences(t) for t in texts]
    summarizer = get(method)
    limit = None if max_chars is not None else k
    todo = [i for i, sentences in enumerate(documents) if _needs_ranking(sentences, k, max_chars)]
    titled = getattr(summarizer, "uses_title", False) and titles is not None and any(titles)
    if len(todo) > 1 and hasattr(summarizer, "rank_many"):
        if titled:
            orders = summarizer.rank_many([documents[i] for i in todo], limit, [titles[i] for i in todo])
        else:
            orders = summarizer.rank_many([documents[i] for i in todo], limit)
    elif titled:
        orders = [summarizer.rank(documents[i], limit, titles[i]) for i in todo]
    else:
        orders = [summarizer.rank(documents[i], limit) for i in todo]
    ranked = dict(zip(todo, orders))
    filtered = not getattr(summarizer, "as_printed", False)
    out = []
    for i, sentences in enumerate(documents):
        if i not in ranked:  # one sentence, or no more than asked for: all of them that read alone
            picked = select(sentences, list(range(len(sentences))), readable_only=filtered)
        else:
            picked = select(sentences, ranked[i], k=k if max_chars is None else None, max_chars=max_chars,
                            readable_only=filtered)
        out.append([strip_dateline(sentences[j]) if j == 0 else sentences[j] for j in picked])
    return out


def _needs_ranking(sentences: list[str], k: int | None, max_chars: int | None) -> bool:
    if len(sentences) <= 1:
        return False
    return not (max_chars is None and k is not None and len(sentences) <= k)


def _load_builtin() -> None:
    if not _REGISTRY:
        from . import lead, sumy_methods, textrank, textrank4zh_method  # noqa: F401  (they register)
