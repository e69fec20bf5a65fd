"""Lead-k: the first sentences. On news it is the baseline to beat."""
from __future__ import annotations

from .base import register


@register("lead", "the first k sentences (the news baseline)")
class Lead:
    name = "lead"
    as_printed = True  # the anchor: the first sentences whatever they are, not the readable ones

    def rank(self, sentences: list[str], limit: int | None = None) -> list[int]:
        return list(range(len(sentences)))
