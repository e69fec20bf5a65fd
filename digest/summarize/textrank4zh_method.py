"""The real textrank4zh package, made to run on current networkx.

textrank4zh 0.3 calls ``networkx.from_numpy_matrix`` (removed in networkx 3.0) and its
pagerank needs scipy. We give networkx the old name back (same function under its new
name) and feed textrank4zh our sentences, so its own segmentation and similarity
are what is measured, not its splitter.
"""
from __future__ import annotations

import functools
import warnings

from ..nlp import jieba
from .base import register


@functools.lru_cache(maxsize=None)
def _textrank4zh():
    import networkx

    if not hasattr(networkx, "from_numpy_matrix"):
        networkx.from_numpy_matrix = networkx.from_numpy_array
    jieba()  # quiet and cached before textrank4zh imports it
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from textrank4zh import Segmentation, util
    return Segmentation.WordSegmentation(), util


@register("textrank4zh", "the textrank4zh package (jieba words, networkx PageRank)")
class TextRank4zh:
    name = "textrank4zh"

    def rank(self, sentences: list[str], limit: int | None = None) -> list[int]:
        seg, util = _textrank4zh()
        words = [seg.segment(s, lower=True, use_stop_words=True, use_speech_tags_filter=False) for s in sentences]
        try:
            ranked = util.sort_sentences(sentences=sentences, words=words, sim_func=util.get_similarity,
                                         pagerank_config={"alpha": 0.85})
        except Exception:  # networkx fails to converge on degenerate graphs
            return list(range(len(sentences)))
        return [item.index for item in ranked]
