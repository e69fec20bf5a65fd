"""Keywords per article: jieba's TextRank over nouns and verbs, with a news stopword list.

Boilerplate words of news copy (记者, 表示, 近日, 本报讯…) rank high in any article and tell
the reader nothing, so they are stopwords here.
"""
from __future__ import annotations

import functools
from collections import Counter
from importlib import resources
from pathlib import Path

_ALLOW_POS = ("ns", "n", "nr", "nt", "nz", "vn", "v", "eng", "an")


@functools.lru_cache(maxsize=None)
def stopwords_path() -> Path:
    return Path(str(resources.files("digest") / "data" / "stopwords.txt"))


@functools.lru_cache(maxsize=None)
def stopwords() -> frozenset[str]:
    return frozenset(w.strip() for w in stopwords_path().read_text(encoding="utf-8").splitlines() if w.strip())


def candidates(text: str, k: int = 5) -> list[tuple[str, float]]:
    """Keyword candidates with their TextRank weights, most important first: whole
    expressions (以德治国, not 德治国), no stopword, no number."""
    if k <= 0 or not text.strip():
        return []
    from .nlp import jieba_analyse

    analyse = jieba_analyse()
    words = analyse.textrank(text, topK=k * 4, withWeight=True, allowPOS=_ALLOW_POS)
    if len(words) < k:
        seen = {w for w, _ in words}
        words += [(w, weight * 0.5) for w, weight in analyse.extract_tags(text, topK=k * 4, withWeight=True)
                  if w not in seen]
    stop = stopwords()
    out: dict[str, float] = {}
    for w, weight in words:
        if w not in stop and len(w) >= 2 and not w.isdigit():
            w = _whole(w, text)
            out[w] = max(out.get(w, 0.0), weight)
    return list(out.items())


def pick(ranked: list[tuple[str, float]], k: int, elsewhere: Counter | None = None) -> list[str]:
    """The k best candidates; a word other articles of the page also have counts less (it
    does not tell this article apart), and a word inside a better one goes (杨浦区 · 杨浦)."""
    elsewhere = elsewhere or Counter()
    scored = sorted(ranked, key=lambda item: -item[1] / (1.0 + elsewhere[item[0]]) ** 0.5)
    out: list[str] = []
    for word, _ in scored:
        if any(word in kept or kept in word for kept in out):
            continue
        out.append(word)
        if len(out) == k:
            break
    return out


def keywords(text: str, k: int = 5) -> list[str]:
    """Up to k keywords of one text, most important first."""
    return pick(candidates(text, k), k)


def page_keywords(texts: list[str], k: int = 5) -> list[list[str]]:
    """Keywords of the articles of one page, each chosen against the others."""
    ranked = [candidates(text, k) for text in texts]
    df = Counter(w for words in ranked for w in {w for w, _ in words[: k * 2]})
    out = []
    for words in ranked:
        mine = Counter({w for w, _ in words[: k * 2]})
        out.append(pick(words, k, df - mine))
    return out


@functools.lru_cache(maxsize=None)
def phrases() -> tuple[str, ...]:
    path = Path(str(resources.files("digest") / "data" / "phrases.txt"))
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


def _whole(word: str, text: str) -> str:
    """The word, or the set expression it is a piece of where the text has that ("德治国" ->
    "以德治国", "一带" -> "一带一路")."""
    return next((p for p in phrases() if word in p and word != p and p in text), word)
