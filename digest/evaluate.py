"""Character-level ROUGE-1/2/L F1 and the greedy extractive oracle.

Characters, not words: Chinese has no spaces and word segmenters disagree, so scores
would depend on the segmenter. Punctuation and spaces are removed before scoring.
"""
from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .summarize import get, select
from .text import split_sentences, strip_punct


def _ngrams(text: str, n: int) -> Counter:
    return Counter(text[i : i + n] for i in range(len(text) - n + 1))


def _f1(overlap: int, pred: int, ref: int) -> float:
    if not overlap or not pred or not ref:
        return 0.0
    p, r = overlap / pred, overlap / ref
    return 2 * p * r / (p + r)


def rouge_n(pred: str, ref: str, n: int) -> float:
    p, r = _ngrams(strip_punct(pred), n), _ngrams(strip_punct(ref), n)
    return _f1(sum((p & r).values()), sum(p.values()), sum(r.values()))


def lcs_length(a: str, b: str) -> int:
    if not a or not b:
        return 0
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0]
        for j, cb in enumerate(b, 1):
            cur.append(prev[j - 1] + 1 if ca == cb else max(prev[j], cur[j - 1]))
        prev = cur
    return prev[-1]


def rouge_l(pred: str, ref: str) -> float:
    a, b = strip_punct(pred), strip_punct(ref)
    return _f1(lcs_length(a, b), len(a), len(b))


def rouge(pred: str, ref: str) -> tuple[float, float, float]:
    return rouge_n(pred, ref, 1), rouge_n(pred, ref, 2), rouge_l(pred, ref)


def oracle(sentences: list[str], ref: str, k: int) -> list[int]:
    """Greedy extractive oracle: add the sentence that most raises ROUGE-1+2 until none does or k are taken."""
    chosen: list[int] = []
    best = 0.0
    while len(chosen) < k:
        cand = None
        for i in range(len(sentences)):
            if i in chosen:
                continue
            text = "".join(sentences[j] for j in sorted(chosen + [i]))
            score = rouge_n(text, ref, 1) + rouge_n(text, ref, 2)
            if score > best:
                best, cand = score, i
        if cand is None:
            break
        chosen.append(cand)
    return sorted(chosen) or [0]


@dataclass
class MethodResult:
    method: str
    docs: int = 0
    rouge1: float = 0.0
    rouge2: float = 0.0
    rougel: float = 0.0
    seconds: float = 0.0
    extra: dict = field(default_factory=dict)
    per_doc: list = field(default_factory=list, repr=False)  # (R1, R2, RL) of each document, in order

    @property
    def docs_per_second(self) -> float | None:
        return self.docs / self.seconds if self.seconds > 0 else None

    def to_dict(self) -> dict:
        return {
            "method": self.method,
            "docs": self.docs,
            "rouge1": round(100 * self.rouge1, 2),
            "rouge2": round(100 * self.rouge2, 2),
            "rougeL": round(100 * self.rougel, 2),
            "docs_per_second": round(self.docs_per_second, 1) if self.docs_per_second else None,
        }


def load_jsonl(path: Path) -> list[dict]:
    items = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"line {n}: not JSON ({exc.msg})") from None
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise ValueError(f"line {n}: needs a \"text\" string")
            items.append(item)
    return items


def evaluate(items: list[dict], method: str, k: int = 1, max_chars: int | None = None) -> MethodResult:
    """Mean ROUGE of one method; time counts ranking only (splitting is shared by all)."""
    docs = [(split_sentences(it["text"]), it.get("summary") or "") for it in items if it.get("summary")]
    result = MethodResult(method)
    if method == "oracle":
        summarizer = None
    else:
        summarizer = get(method)
        if docs:
            summarizer.rank(docs[0][0])  # warm-up: lazy imports and dictionaries load here
    for sentences, ref in docs:
        if not sentences:
            continue
        start = time.perf_counter()
        if summarizer is None:
            picked = oracle(sentences, ref, k)
        else:
            order = summarizer.rank(sentences, None if max_chars else k) if len(sentences) > 1 else [0]
            picked = select(sentences, order, k=None if max_chars else k, max_chars=max_chars,
                            readable_only=not getattr(summarizer, "as_printed", False))
        result.seconds += time.perf_counter() - start
        pred = "".join(sentences[i] for i in picked)
        r1, r2, rl = rouge(pred, ref)
        result.per_doc.append((r1, r2, rl))
        result.docs += 1
        result.rouge1 += r1
        result.rouge2 += r2
        result.rougel += rl
    if result.docs:
        result.rouge1 /= result.docs
        result.rouge2 /= result.docs
        result.rougel /= result.docs
    if summarizer is None:
        result.seconds = 0.0
    return result


def paired_difference(ours: MethodResult, base: MethodResult, resamples: int = 2000,
                      seed: int = 0) -> dict[str, dict]:
    """Mean difference (x100) of each ROUGE figure between two methods on the same documents,
    with a 95% paired bootstrap interval: whether a margin of a fraction of a point is more
    than which documents happened to be drawn. Deterministic for a given seed."""
    if len(ours.per_doc) != len(base.per_doc) or not ours.per_doc:
        raise ValueError("the two results must score the same documents")
    import numpy as np

    diffs = np.array(ours.per_doc) - np.array(base.per_doc)  # documents x (R1, R2, RL)
    samples = np.random.default_rng(seed).integers(0, len(diffs), size=(resamples, len(diffs)))
    out = {}
    for k, name in enumerate(("rouge1", "rouge2", "rougeL")):
        means = diffs[:, k][samples].mean(axis=1)
        low, high = np.percentile(means, [2.5, 97.5])
        out[name] = {"difference": round(100 * float(diffs[:, k].mean()), 2),
                     "ci95": [round(100 * float(low), 2), round(100 * float(high), 2)]}
    return out
