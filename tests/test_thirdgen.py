"""benchmarks/thirdgen.py: the third generator's gold accounts for every character it prints,
so the figures it gives measure the segmenter, not the generator (needs ../shared)."""
from __future__ import annotations

import random
import re
import sys
from pathlib import Path

from conftest import shared

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))


def _chars(text: str) -> str:
    return "".join(sorted(re.sub(r"\s", "", text)))


def test_every_character_printed_is_in_the_gold_once():
    import thirdgen

    shared("eval", "summ", "test.jsonl")
    rng = random.Random(3)
    pool = thirdgen.articles(rng)
    for k in range(30):
        text, gold = thirdgen.page(pool, rng, f"third_{k:03d}.txt")
        parts = list(gold["noise"])
        for a in gold["articles"]:
            parts += [a["title"], a.get("subtitle") or "", a.get("byline") or ""] + a["paragraphs"]
        printed = _chars(text)
        golden = _chars("".join(parts).replace(" / ", ""))
        assert printed == golden, gold["source"]
