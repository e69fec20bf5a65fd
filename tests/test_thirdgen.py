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


def test_pages_to_train_on_are_of_the_dev_news_never_the_test_news():
    """``train_lines.py --others`` trains on the generators' pages of the dev news: the test
    news they are scored on stays unseen."""
    import json

    from linedata import other_pages

    test = shared("eval", "summ", "test.jsonl")
    test_titles = {re.sub(r"\s+", "", json.loads(row)["summary"]) for row in test.read_text(encoding="utf-8").splitlines()}
    for name in ("othergen", "thirdgen"):
        pages = list(other_pages(name, 4, 1))
        titles = [a["title"] for _, gold in pages for a in gold["articles"]]
        assert len(pages) == 4 and titles and not set(titles) & test_titles, name
