"""Keywords per article: jieba's TextRank over nouns and verbs, with a news stopword list.

Boilerplate words of news copy (记者, 表示, 近日, 本报讯…) rank high in any article and tell
the reader nothing, so they are stopwords here.
"""
from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

_ALLOW_POS = ("ns", "n", "nr", "nt", "nz", "vn", "v", "eng", "an")


@functools.lru_cache(maxsize=None)
def stopwords_path() -> Path:
    return Path(str(resources.files("digest") / "data" / "stopwords.txt"))


@functools.lru_cache(maxsize=None)
def stopwords() -> frozenset[str]:
    return frozenset(w.strip() for w in stopwords_path().read_text(encoding="utf-8").splitlines() if w.strip())


def keywords(text: str, k: int = 5) -> list[str]:
    """Up to k keywords, most important first; TF-IDF when the text is too short for a graph."""
    if k <= 0 or not text.strip():
        return []
    from .nlp import jieba_analyse

    analyse = jieba_analyse()
    words = analyse.textrank(text, topK=k * 3, allowPOS=_ALLOW_POS)
    if len(words) < k:
        words += [w for w in analyse.extract_tags(text, topK=k * 3) if w not in words]
    stop = stopwords()
    out = []
    for w in words:
        if w in stop or len(w) < 2 or w.isdigit():
            continue
        out.append(w)
        if len(out) == k:
            break
    return out
