"""Train the line tagger shipped in digest/data/line_model.json (``make train``).

    python benchmarks/train_lines.py [--pages N] [--seed S] [--out FILE] [--report]

Training data (``linedata``): N generated pages in five extractor styles, the five seed
pages in each style, and the real pages of the training split (TRAIN_DAYS) as four
extractors dump them, labelled by their PDFs' type sizes. The other real pages
(REPORT_DAYS) are never trained on: ``--report`` prints the tagger's accuracy on them.
Fixed seed, one thread: the same data and settings give the same file.
Development only: needs ../shared, lightgbm, and PyMuPDF for the real pages.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DIGEST_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from heldout import EXTRACTORS, REPORT_DAYS, TRAIN_DAYS, dump_pages  # noqa: E402

PARAMS = {"objective": "multiclass", "num_class": 5, "num_leaves": 15, "max_depth": 6, "learning_rate": 0.1, "min_data_in_leaf": 20,
          "feature_fraction": 0.8, "bagging_fraction": 0.8, "bagging_freq": 1, "lambda_l2": 1.0, "seed": 7,
          "deterministic": True, "num_threads": 1, "verbose": -1}
ROUNDS = 120


def dumps() -> dict[str, Path]:

    found = {}
    for extractor in EXTRACTORS:
        folder = dump_pages(extractor, ROOT / ".cache" / "heldout")
        if folder is None:  # a model trained without one extractor's pages would not be the shipped one
            sys.exit(f"train_lines: {extractor} is not installed (pdftotext: poppler-utils; pip install pymupdf pdfminer.six)")
        found[extractor] = folder
    return found


def collect(pages, X: list, y: list) -> None:
    from linedata import rows_of

    for text, label in pages:
        rows, labels = rows_of(text, label)
        X += rows
        y += labels


def real(days) -> list[Path]:
    return [SHARED / "pages" / f"rmrb-2018{day}-07.pdf" for day in days]


def train(X, y, weights=None, rounds: int = ROUNDS) -> dict:
    import lightgbm
    import numpy as np

    from digest.line_features import FEATURE_NAMES
    from digest.line_model import CLASSES, from_lightgbm

    data = lightgbm.Dataset(np.asarray(X, dtype=np.float64), label=np.asarray(y), weight=weights, free_raw_data=True)
    booster = lightgbm.train(PARAMS, data, num_boost_round=rounds)
    spec = from_lightgbm(booster.dump_model())
    spec.update(classes=list(CLASSES), features=list(FEATURE_NAMES))
    return spec


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=900, help="generated pages to train on")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--out", type=Path, default=ROOT / "digest" / "data" / "line_model.json")
    ap.add_argument("--report", action="store_true", help="accuracy on the real pages held out (REPORT_DAYS)")
    args = ap.parse_args()
    if not (SHARED / "gold").is_dir():
        print(f"skipped: {SHARED} has no gold/")
        return 0
    import synthetic
    from linedata import generated_pages, real_pages, seed_pages

    rng = random.Random(args.seed)
    synthetic.HEAD_AFTER = 0.3
    extractor_dumps = dumps()
    X: list = []
    y: list = []
    weights: list = []
    for pages in (generated_pages(SHARED, args.pages, rng.randrange(1 << 30)), seed_pages(SHARED, args.seed),
                  real_pages(extractor_dumps, real(TRAIN_DAYS))):
        start = len(X)
        collect(pages, X, y)
        # each source weighs as much as another, however many lines it has
        weights += [1.0 / max(1, len(X) - start)] * (len(X) - start)
    print(f"{len(X)} labelled lines", file=sys.stderr)
    spec = train(X, y, [w * len(X) / 3 for w in weights])
    args.out.write_text(json.dumps(spec, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB)", file=sys.stderr)
    if args.report:
        report(spec, extractor_dumps)
    return 0


def report(spec: dict, extractor_dumps: dict[str, Path]) -> None:
    import numpy as np

    from digest.line_model import LineModel
    from linedata import real_pages

    model = LineModel(spec)
    for extractor, folder in extractor_dumps.items():
        X: list = []
        y: list = []
        collect(real_pages({extractor: folder}, real(REPORT_DAYS)), X, y)
        rows = np.asarray(X)
        pred = model.predict(rows).argmax(axis=1)
        truth = np.asarray(y)
        rule = rows[:, [list(spec["features"]).index(f"rule_{c}") for c in spec["classes"]]]
        rule_pred = rule.argmax(axis=1)
        for c, name in enumerate(spec["classes"]):
            if c == 0:
                continue
            def f1(p):
                tp = ((p == c) & (truth == c)).sum()
                prec, rec = tp / max(1, (p == c).sum()), tp / max(1, (truth == c).sum())
                return 2 * prec * rec / max(1e-9, prec + rec)
            print(f"{extractor:14s} {name:7s} n={int((truth == c).sum()):4d}  model F1 {f1(pred):.3f}  rules F1 {f1(rule_pred):.3f}")


if __name__ == "__main__":
    sys.exit(main())
