"""A topic for each article from a transparent word list (``data/categories.toml``), which a
user's config file can extend or override: deterministic, instant, and readable by anyone
who wants to know why an article is 金融 and not 经济.

Scoring: a category's word counts once in the first ``TEXT_CHARS`` characters of the text,
twice among the keywords and three times in the title; the best score wins if it reaches
``MIN_SCORE`` (ties: the category listed first), else the article is 综合 (``None``).
"""
from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources

DEFAULT = "综合"
TEXT_CHARS = 600
MIN_SCORE = 3

Lexicon = tuple[tuple[str, tuple[str, ...]], ...]  # (name, words) in order: picklable, hashable


class LexiconError(ValueError):
    """A categories table that is not names -> {words = [...], replace = bool}; the message names the key."""


@lru_cache(maxsize=1)
def shipped() -> Lexicon:
    text = resources.files("digest").joinpath("data", "categories.toml").read_text(encoding="utf-8")
    return merge((), tomllib.loads(text).get("categories", {}))


def merge(base: Lexicon, table: dict) -> Lexicon:
    """BASE with a config's ``[categories.NAME]`` tables: words added to a shipped category
    (or instead of them with ``replace = true``), a new name added after the others."""
    if not isinstance(table, dict):
        raise LexiconError("categories: a table of categories")
    merged = {name: list(words) for name, words in base}
    for name, entry in table.items():
        if not isinstance(entry, dict):
            raise LexiconError(f"categories.{name}: a table with words = [...]")
        unknown = set(entry) - {"words", "replace"}
        if unknown:
            raise LexiconError(f"categories.{name}.{sorted(unknown)[0]}: unknown key (words, replace)")
        words = entry.get("words", [])
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            raise LexiconError(f"categories.{name}.words: a list of non-empty strings")
        if not isinstance(entry.get("replace", False), bool):
            raise LexiconError(f"categories.{name}.replace: true or false")
        if name == DEFAULT:
            raise LexiconError(f"categories.{name}: {DEFAULT} is what an article with no category is")
        kept = [] if entry.get("replace") else merged.get(name, [])
        merged[name] = kept + [w.strip() for w in words if w.strip() not in kept]
    return tuple((name, tuple(words)) for name, words in merged.items() if words)


def names(lexicon: Lexicon | None = None) -> list[str]:
    """Every category a reader can ask for, 综合 last."""
    return [name for name, _ in (lexicon or shipped())] + [DEFAULT]


def categorize(title: str | None, text: str, keywords: list[str], lexicon: Lexicon | None = None) -> str | None:
    head, body = title or "", text[:TEXT_CHARS]
    best, best_score = None, MIN_SCORE - 1
    for name, words in lexicon or shipped():
        score = sum(3 * head.count(w) + 2 * sum(k == w or w in k for k in keywords) + body.count(w) for w in words)
        if score > best_score:
            best, best_score = name, score
    return best
