"""benchmarks/realism.py: how far generated training pages are from real dumps."""
from __future__ import annotations

import random
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))


def test_the_area_under_the_curve_counts_every_pair_and_ties_half():
    from realism import auc

    rng = np.random.default_rng(3)
    y = rng.integers(0, 2, 200)
    score = rng.integers(0, 5, 200).astype(float)  # many ties
    weight = rng.uniform(0.5, 2.0, 200)
    pairs = [(weight[i] * weight[j]) * (1.0 if score[i] > score[j] else 0.5 if score[i] == score[j] else 0.0)
             for i in range(200) if y[i] == 1 for j in range(200) if y[j] == 0]
    total = sum(weight[i] * weight[j] for i in range(200) if y[i] == 1 for j in range(200) if y[j] == 0)
    assert abs(auc(y, score, weight) - sum(pairs) / total) < 1e-9


def test_a_feature_that_tells_two_sides_apart_is_found():
    from realism import tell_apart

    rng = random.Random(1)
    real = [[[rng.random(), 1.0 + rng.random()] for _ in range(30)] for _ in range(6)]
    generated = [[[rng.random(), rng.random()] for _ in range(30)] for _ in range(12)]
    score, gain = tell_apart(real, generated)
    assert score > 0.95 and gain[1] > gain[0]
    alike = [[[rng.random(), rng.random()] for _ in range(30)] for _ in range(6)]
    assert tell_apart(alike, generated)[0] < 0.75


def test_head_wording_tells_a_deck_about_its_story_from_one_about_another():
    from realism import head_wording

    own = {"title": "推进绿色发展", "subtitle": "——绿色规划引领产业转型", "paragraphs": ["推进绿色发展，要以绿色规划引领产业转型。"]}
    other = dict(own, subtitle="——港股午评恒指大涨")
    assert "kickers and decks 1: median 1.00, under 0.2 0.00" in head_wording([own])
    assert "under 0.2 1.00" in head_wording([other])
