"""Fit the article joiner's weights (digest/data/stitch_model.json); called by train_lines.py.

Every page with known articles is segmented up to the joining step; each pair of drafts
the joiner would score becomes a row, labelled by whether their text belongs to one gold
article. The joins an oracle makes (the most alike pair of one article first) give the
rows of the rounds after, so the model sees the states it meets at run time.
Small boosted trees (LightGBM, depth 3, fixed seed, one thread), each source weighing the
same; ``python benchmarks/train_stitch.py`` shows which signals they split on.
Development only (needs ../shared).
"""
from __future__ import annotations

import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import digest.assemble as assemble  # noqa: E402
from digest import stitch  # noqa: E402
from digest.model import Page  # noqa: E402
from digest.segment import segment  # noqa: E402
from digest.trees import from_base64  # noqa: E402

MATCH = 0.5  # a draft is a gold article's when this share of its 4-grams is that article's
_WS = re.compile(r"\s+")


def _grams(text: str) -> Counter:
    text = _WS.sub("", text)
    return Counter(text[i:i + 4] for i in range(max(0, len(text) - 3)))


def _owner(text: str, golds: list[Counter]) -> int:
    grams = _grams(text)
    total = sum(grams.values())
    if not total:
        return -1
    shares = [sum((grams & g).values()) / total for g in golds]
    best = max(range(len(golds)), key=shares.__getitem__, default=-1)
    return best if best >= 0 and shares[best] >= MATCH else -1


def page_rows(text: str, gold: dict, name: str = "page.txt") -> tuple[list[list[float]], list[int]]:
    """Rows and labels of one page: every round's pairs until the oracle has nothing to join."""
    golds = [_grams("".join(a.get("paragraphs") or [])) for a in gold["articles"]]
    X: list[list[float]] = []
    y: list[int] = []

    def record(drafts, model=None):
        while True:
            facts, pairs, sims, signed = stitch.candidate_pairs(drafts)
            owners = [_owner(f.text, golds) for f in facts]
            best = None
            for a, b in pairs:
                same = owners[a] >= 0 and owners[a] == owners[b]
                X.append(stitch.pair_features(facts, a, b, sims, signed))
                y.append(int(same))
                if same and (best is None or sims[a, b] > best[0]):
                    best = (sims[a, b], a, b)
            if best is None:
                return
            stitch.join(drafts[best[1]], drafts[best[2]])

    segment_recording("stitch", record, text, name)
    return X, y


def segment_recording(stage: str, recorder, text: str, name: str = "page.txt") -> None:
    """Segment a page with one of the assembler's late stages (``split``, ``stitch``) replaced
    by a recorder that sees the drafts as that stage would."""
    shipped = getattr(assemble, stage)
    setattr(assemble, stage, recorder)
    try:
        segment(Page(source=name, text=text))
    finally:
        setattr(assemble, stage, shipped)


def rows_of_pages(pages, rows_of_page=None) -> tuple[list[list[float]], list[int]]:
    """Rows and labels of (text, gold) pages, by ``rows_of_page`` (the joiner's by default)."""
    X: list = []
    y: list = []
    for text, gold in pages:
        rows, labels = (rows_of_page or page_rows)(text, gold)
        X += rows
        y += labels
    return X, y


def generated(shared: Path, n: int, seed: int):
    """(text, gold) of N generated pages: news, the seeds' articles, theory pages and pages of
    briefs, in every extractor's style and reading order."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import synthetic
    import theory
    from linedata import ORDERS, restyle

    rng = random.Random(seed)
    news = synthetic.news_articles(rng, "dev")
    pools = [synthetic.gold_articles(), news, theory.theory_articles(rng, "dev"), [_brief(a, rng) for a in news]]
    for k in range(n):
        if k % 4 == 2:
            text, gold = theory.theory_page(pools[2], rng, f"stitch_{k}.txt")
        else:
            synthetic.WRAP = 0.3 if rng.random() < 1 / 3 else 0.0  # a third of the pages wrap long heads
            text, gold = synthetic.make_page(pools[k % 4], rng, f"stitch_{k}.txt", more=rng.random() < 0.5)
            synthetic.WRAP = 0.0
        yield restyle(text, rng.choice(ORDERS), rng), gold


PARAMS = {"objective": "binary", "num_leaves": 7, "max_depth": 3, "learning_rate": 0.1,
          "min_data_in_leaf": 20, "lambda_l2": 1.0, "seed": 7, "deterministic": True, "num_threads": 1, "verbose": -1}
ROUNDS = 60
# what is known for certain: more alike, a head its text echoes, a word run on across the
# break, a note that completes a name make one article likelier; distance makes it less
# likely -- the trees may not learn otherwise from a few pages
MONOTONE = {"similarity": 1, "similarity_margin": 1, "mutual_best": 1, "head_echo": 1, "seam_word": 1, "run_on": 1,
            "note_completes_name": 1, "distance": -1}


def _brief(article: dict, rng: random.Random) -> dict:
    """The article cut to a brief of one or two short paragraphs: pages of a few short
    stories, where every draft is as short as a fragment and yet no fragment."""
    paragraphs = [p[: rng.randint(30, 120)].rstrip("，、；：") + "。" for p in article["paragraphs"][: rng.randint(1, 2)]]
    return dict(article, paragraphs=paragraphs)


def fit(sources: list[tuple[list, list]], names=stitch.FEATURE_NAMES, monotone=None, what: str = "stitch") -> dict:
    """Small boosted trees over the sources' rows, each source weighing the same."""
    import lightgbm

    from digest.trees import from_lightgbm

    X = np.asarray([row for rows, _ in sources for row in rows], dtype=np.float64)
    y = np.asarray([label for _, labels in sources for label in labels])
    w = np.asarray([len(X) / len(sources) / len(rows) for rows, _ in sources for _ in rows])
    monotone = MONOTONE if monotone is None else monotone
    params = dict(PARAMS, monotone_constraints=[monotone.get(name, 0) for name in names])
    booster = lightgbm.train(params, lightgbm.Dataset(X, label=y, weight=w), num_boost_round=ROUNDS)
    print(f"{what}: {len(X)} rows, {int(y.sum())} positive", file=sys.stderr)
    spec = from_lightgbm(booster.dump_model())
    # a binary model's trees score the second class; the first scores 0 (softmax of [0, s] is the sigmoid of s)
    spec.update(classes=["no", "yes"], features=list(names), tree_class=[1] * len(spec["roots"]))
    return spec


def show(spec: dict) -> None:
    """Which signals the trees split on, and how often."""
    if "heap_feature" in spec:  # as shipped: the heap's padding nodes (threshold inf) split on nothing
        feature, threshold = from_base64(spec["heap_feature"], "<i2"), from_base64(spec["heap_threshold"], "<f8")
        counts = Counter(int(f) for f, t in zip(feature, threshold) if np.isfinite(t))
    else:
        counts = Counter(spec["feature"][k] for k in range(len(spec["feature"])) if spec["feature"][k] >= 0)
    for k, n in counts.most_common():
        print(f"{spec['features'][k]:22s} {n}")


if __name__ == "__main__":
    show(json.loads((ROOT / "digest" / "data" / "stitch_model.json").read_text(encoding="utf-8")))
