"""How alike two texts are in their wording: character bigrams, the measure every
segmentation stage that compares a head with a text, or two texts, shares."""
from __future__ import annotations

import functools
import math
from collections import Counter
from operator import add, mul


def similarity(a: str, b: str) -> float:
    """Cosine of character-bigram counts."""
    return cosine(bigram_vector(a), bigram_vector(b))


def cosine(a: tuple[dict[str, float], float], b: tuple[dict[str, float], float]) -> float:
    """Cosine of two sparse vectors given as (weights, norm)."""
    (va, na), (vb, nb) = a, b
    if len(va) > len(vb):
        va, vb = vb, va
    return sum(x * vb[g] for g, x in va.items() if g in vb) / (na * nb) if na and nb else 0.0


def bigram_vector(text: str) -> tuple[dict[str, int], float]:
    """Bigram counts and their norm; cached for an article's length of text, as one article
    is compared with many pieces (a page's worth of text is not kept: memory)."""
    return _cached_vector(text) if len(text) <= CACHED_CHARS else _vector(text)


CACHED_CHARS = 20_000


def _vector(text: str) -> tuple[dict[str, int], float]:
    counts = Counter(map(add, text, text[1:]))  # each pair of neighbouring characters
    return counts, math.sqrt(sum(map(mul, counts.values(), counts.values())))


_cached_vector = functools.lru_cache(maxsize=1024)(_vector)


def forget_vectors() -> None:
    """Drop the cached vectors (after a page: they are that page's texts)."""
    _cached_vector.cache_clear()


def overlap(head: str, text: str) -> float:
    """Share of the head's character bigrams found in the text."""
    return overlap_in(head, bigram_vector(text)[0])


def overlap_in(head: str, found: dict[str, int]) -> float:
    """``overlap`` with the text's bigram counts (``bigram_vector(text)[0]``) taken once, for a
    head asked of many texts or many heads of one."""
    grams = {head[i : i + 2] for i in range(len(head) - 1)}
    if not grams:
        return 0.0
    return sum(1 for g in grams if g in found) / len(grams)
