"""Keywords per article: TextRank over jieba's words that are nouns or verbs, with a news
stopword list.

The ranking is jieba.analyse's TextRank (co-occurrence in a window of five words, ten rounds
of weighted PageRank), but a word's kind comes from jieba's dictionary, read once into a
per-user cache, instead of jieba's POS tagger: loading the tagger and its IDF table cost
0.35 s of every cold start, and its HMM pass over unknown words was half of the steady-state
time. A word the dictionary does not know (a name, a new term jieba's HMM put together) counts
as a noun, which is what the tagger called almost all of them. The comparison that decided
it is ``benchmarks/keywords.py`` (README, Keywords).

Boilerplate words of news copy (记者, 表示, 近日, 本报讯…) rank high in any article and tell
the reader nothing, so they are stopwords here.
"""
from __future__ import annotations

import functools
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path

ALLOW_POS = ("ns", "n", "nr", "nt", "nz", "vn", "v", "eng", "an")  # jieba's tags of the kinds of word kept
WINDOW = 5  # words within this span of each other are linked (jieba's TextRank span)
ROUNDS = 10  # of PageRank, as jieba's TextRank
DAMPING = 0.85


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
    from .nlp import cut

    stop = stopwords()
    other_kind = other_kinds()
    tokens = cut(text)
    kept = [len(w) >= 2 and w.lower() not in stop and w not in other_kind and _wordlike(w) for w in tokens]
    words = textrank(tokens, kept)[: k * 4]
    if len(words) < k:  # too few links: the rest of the kept words by how often they occur
        seen = {w for w, _ in words}
        counts = Counter(w for w, keep in zip(tokens, kept) if keep and w not in seen)
        most = max(counts.values(), default=1)
        words += [(w, 0.5 * n / most) for w, n in counts.most_common(k * 4 - len(words))]
    out: dict[str, float] = {}
    for w, weight in words:
        if w not in stop and len(w) >= 2 and not w.isdigit():
            w = _whole(w, text)
            out[w] = max(out.get(w, 0.0), weight)
    return list(out.items())


def textrank(tokens: list[str], kept: list[bool]) -> list[tuple[str, float]]:
    """jieba.analyse's TextRank over the kept tokens: words within ``WINDOW`` tokens of each
    other are linked once per meeting, ranked by ``ROUNDS`` rounds of PageRank updating the words
    in sorted order (as jieba does, so the figures are jieba's), weights scaled to at most 1."""
    links: dict[tuple[str, str], int] = defaultdict(int)
    for i, word in enumerate(tokens):
        if kept[i]:
            for j in range(i + 1, min(i + WINDOW, len(tokens))):
                if kept[j]:
                    links[(word, tokens[j])] += 1
    graph: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for (a, b), n in links.items():
        graph[a].append((b, n))
        graph[b].append((a, n))
    if not graph:
        return []
    rank = dict.fromkeys(graph, 1.0 / len(graph))
    out_sum = {w: float(sum(n for _, n in edges)) for w, edges in graph.items()}
    share = {w: [(v, n / out_sum[v]) for v, n in edges] for w, edges in graph.items()}  # fixed across rounds
    order = sorted(graph)
    for _ in range(ROUNDS):
        for w in order:
            rank[w] = (1 - DAMPING) + DAMPING * sum(part * rank[v] for v, part in share[w])
    low, high = min(rank.values()), max(rank.values())
    scaled = {w: (r - low / 10.0) / (high - low / 10.0) for w, r in rank.items()}
    return sorted(scaled.items(), key=lambda item: -item[1])


@functools.lru_cache(maxsize=None)
def other_kinds() -> frozenset[str]:
    """The dictionary's words that are not nouns or verbs (我们, 可以, 非常, 一个…), from the
    per-user cache of jieba's dictionary tags (built on first use, 0.2 s; then 0.02 s)."""
    from .nlp import dictionary_words_not_tagged

    return dictionary_words_not_tagged(ALLOW_POS)


def _wordlike(word: str) -> bool:
    """Han characters, or a Latin word (GDP, 5G); not a number or punctuation."""
    return all("\u4e00" <= c <= "\u9fff" for c in word) or any(c.isascii() and c.isalpha() for c in word)


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
