"""Fit the article splitter's weights (digest/data/split_model.json); called by train_lines.py.

Every page with known articles is segmented up to the splitting step; each break the
splitter would score becomes a row, labelled by whether the text on its two sides belongs to
two gold articles (each paragraph's owner is the gold article holding most of its 4-grams;
a head between them is skipped). Small boosted trees (LightGBM, depth 3, fixed seed, one
thread), each source weighing the same; ``python benchmarks/train_split.py`` shows which
signals they split on. Development only (needs ../shared).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_stitch  # noqa: E402
from digest import split  # noqa: E402
from train_stitch import _grams, _owner, show  # noqa: E402

MIN_OWNED = 8  # characters a paragraph needs to say whose it is

# what is known for certain: a break between unlike wordings is likelier a break between articles
MONOTONE = {"below_mean": 1, "halves": -1}


def page_rows(text: str, gold: dict, name: str = "page.txt") -> tuple[list[list[float]], list[int]]:
    """Rows and labels of one page: every break of every draft the assembler leaves."""
    golds = [_grams("".join(a.get("paragraphs") or [])) for a in gold["articles"]]
    X: list[list[float]] = []
    y: list[int] = []

    def record(drafts, blocks, new_draft, model=None):
        for d in drafts:
            cuts = split.breaks(d)
            if not cuts:
                continue
            spans = {k for k, _ in d.texts}
            owners = [_owner(p, golds) if k in spans and len(p) >= MIN_OWNED else -1
                      for k, p in enumerate(d.article.paragraphs)]
            X.extend(split.break_features(d, cuts))
            for k in cuts:
                before = next((o for o in reversed(owners[:k]) if o >= 0), -1)
                after = next((o for o in owners[k:] if o >= 0), -1)
                y.append(int(before >= 0 and after >= 0 and before != after))

    train_stitch.segment_recording("split", record, text, name)
    return X, y


def rows_of_pages(pages) -> tuple[list[list[float]], list[int]]:
    return train_stitch.rows_of_pages(pages, page_rows)


if __name__ == "__main__":
    show(json.loads((ROOT / "digest" / "data" / "split_model.json").read_text(encoding="utf-8")))
