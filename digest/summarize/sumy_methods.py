"""sumy's summarizers with jieba tokens, fed sentences from our splitter.

sumy's own Chinese splitter moves a closing ” to the next sentence and drops text
without a final full stop, so we build its document model from our sentences.
"""
from __future__ import annotations

import functools
import warnings

from ..nlp import jieba
from .base import register


@functools.lru_cache(maxsize=None)
def _sumy():
    jieba()
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.nlp.tokenizers import Tokenizer
    from sumy.utils import get_stop_words

    return ObjectDocumentModel, Paragraph, Sentence, Tokenizer("chinese"), Stemmer("chinese"), get_stop_words("chinese")


@functools.lru_cache(maxsize=None)
def _np():
    import numpy

    return numpy


class _SumyMethod:
    name = ""
    _class_path = ""

    def __init__(self):
        ObjectDocumentModel, Paragraph, Sentence, tokenizer, stemmer, stop_words = _sumy()
        module, cls = self._class_path.rsplit(".", 1)
        summarizer_cls = getattr(__import__(module, fromlist=[cls]), cls)
        self._summarizer = summarizer_cls(stemmer)
        self._summarizer.stop_words = stop_words
        self._model = (ObjectDocumentModel, Paragraph, Sentence, tokenizer)

    def rank(self, sentences: list[str], limit: int | None = None) -> list[int]:
        """sumy only returns its top k in document order; we capture its ratings instead."""
        ObjectDocumentModel, Paragraph, Sentence, tokenizer = self._model
        objs = [Sentence(s, tokenizer) for s in sentences]
        document = ObjectDocumentModel([Paragraph(objs)])
        captured: list = []

        def capture(doc_sentences, count, rating, *args, **kwargs):
            captured.append((rating, args, kwargs))
            return ()

        self._summarizer._get_best_sentences = capture
        try:
            with warnings.catch_warnings(), _np().errstate(all="ignore"):
                warnings.simplefilter("ignore")  # LexRank divides by zero on graphs without edges
                self._summarizer(document, len(objs))
        except Exception:  # degenerate input (no content words): fall back to order
            return list(range(len(sentences)))
        if not captured:
            return list(range(len(sentences)))
        rating, args, kwargs = captured[0]
        if callable(rating):
            def score(o):
                return rating(o, *args, **kwargs)
        else:
            def score(o):
                return rating.get(o, 0.0)
        values = [float(score(o)) for o in objs]
        return sorted(range(len(objs)), key=lambda i: (-values[i], i))


for _name, _path, _desc in (
    ("sumy-textrank", "sumy.summarizers.text_rank.TextRankSummarizer", "sumy's TextRank"),
    ("sumy-lexrank", "sumy.summarizers.lex_rank.LexRankSummarizer", "sumy's LexRank"),
    ("sumy-lsa", "sumy.summarizers.lsa.LsaSummarizer", "sumy's LSA"),
    ("sumy-luhn", "sumy.summarizers.luhn.LuhnSummarizer", "sumy's Luhn"),
):
    register(_name, _desc + " (jieba tokens)")(type(_name.replace("-", "_"), (_SumyMethod,), {"name": _name, "_class_path": _path}))
