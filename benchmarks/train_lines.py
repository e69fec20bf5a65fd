"""Train the four models the package ships (``make train``): the line tagger
(digest/data/line_model.json) and its second look (neighbour_model.json), the article
splitter (split_model.json) and the article joiner (stitch_model.json).

    python benchmarks/train_lines.py [--pages N] [--seed S] [--bag K] [--out FILE] [--cv [--show] [--folds DIR]]
                                     [--others othergen thirdgen]

Training data (``linedata``): N generated pages in five extractor styles, the five seed
pages in each style, and the twelve real pages as four extractors dump them, labelled by
their PDFs' type sizes; each source weighs the same. The second look learns from the
tagger's probabilities for pages it was not trained on (two folds of every source), so that
it learns how far to trust them on a page never seen. The splitter (``train_split``) and the
joiner (``train_stitch``) then learn from the drafts that tagger gives on 1200 and 600 more
generated pages (in every style and in pdfminer.six's box order) and on the same real pages.
``--cv`` writes no model: it trains two sets,
each without one half of the real pages (heldout.TRAIN_DAYS / REPORT_DAYS), and scores every
page with the model that never saw it -- the figures to report. ``--folds DIR`` keeps the
two sets in DIR, and when DIR holds them already scores with them without training (seconds
instead of 13 minutes): for a change to a stage no model learns from (the passes after the
joiner, the renderers), not for one that changes the training rows or the drafts.
Each model shipped is a bag of K (3) trained from seeds S, S+1, …, each on its own generated
pages, averaged (``trees.average``): one seed's models move a real page's figures by as much as
a rule does (pdfminer.six F1 0.870-0.921 over three seeds), their bag far less.
Fixed seeds, one thread: the same data and settings give the same file. ``--others`` (an
experiment, not what ``make train`` does) adds a third as many pages of each named generator
written apart from this one, drawn from the dev news: leave one out and score it (its own
``--seed`` pages, of the test news) to see what breadth does for a generator never seen.
Development only: needs ../shared, lightgbm, and PyMuPDF for the real pages.
"""
from __future__ import annotations

import argparse
from contextlib import contextmanager
import json
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DIGEST_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from heldout import ARTICLES, DUMPS, REPORT_DAYS, TRAIN_DAYS, dump_pages  # noqa: E402
from digest.trees import Trees  # noqa: E402

ALL_DAYS = tuple(ARTICLES)

PARAMS = {"objective": "multiclass", "num_class": 5, "num_leaves": 15, "max_depth": 6, "learning_rate": 0.1, "min_data_in_leaf": 20,
          "feature_fraction": 0.8, "bagging_fraction": 0.8, "bagging_freq": 1, "lambda_l2": 1.0, "seed": 7,
          "deterministic": True, "num_threads": 1, "verbose": -1}
ROUNDS = 120
SECOND_ROUNDS = 60  # the second look weighs few signals
STITCH_PAGES = 600  # generated pages the article joiner learns from
SPLIT_PAGES = 1200  # ... and the splitter (a draft holding two articles is rarer than a piece)
HEAD_AFTER = 0.3  # how often a training page prints its heads after their text
OTHERS = ("othergen", "thirdgen")  # the generators written apart from synthetic.py: report only (see --others)


def dumps() -> dict[str, Path]:

    found = {}
    for extractor in DUMPS:
        folder = dump_pages(extractor, ROOT / ".cache" / "heldout")
        if folder is None:  # a model trained without one extractor's pages would not be the shipped one
            sys.exit(f"train_lines: {extractor} is not installed (pdftotext: poppler-utils; pip install pymupdf pdfminer.six)")
        found[extractor] = folder
    return found


def collect(pages) -> list[tuple]:
    """Each page kept whole (``linedata.page_of``), with the fold it falls in: the prints of
    one page (one labeller: a PDF's four dumps, a seed page in five styles) share a fold, or
    a tagger trained on one print would see the page it is to score fresh."""
    from linedata import page_of

    pages = list(pages)  # every labeller alive to the end: an id is a page's only while it lives
    folds: dict[int, int] = {}
    return [page_of(text, label) + (folds.setdefault(id(label), len(folds) % 2),) for text, label in pages]


def labelled(sources: list[list[tuple]], probs=None) -> tuple[list, list, list]:
    """Rows, labels and weights of every labelled line, each source weighing as much as
    another however many lines it has: first-look rows, or (with PROBS, one array a page)
    second-look rows."""
    from digest.line_features import neighbour_features

    per_source = []
    for s, pages in enumerate(sources):
        X, y = [], []
        for k, (lines, idx, rows, labels, _) in enumerate(pages):
            if probs is not None:
                rows = neighbour_features(lines, idx, rows, probs[s][k])
            X += [row for row, cls in zip(rows, labels) if cls >= 0]
            y += [cls for cls in labels if cls >= 0]
        per_source.append((X, y))
    total = sum(len(X) for X, _ in per_source)
    weights = [total / len(per_source) / len(X) for X, _ in per_source for _ in X]
    return [row for X, _ in per_source for row in X], [c for _, y in per_source for c in y], weights


def out_of_fold(sources: list[list[tuple]]) -> list[list]:
    """The first look's probabilities for every page from a tagger trained without it (two
    folds of each source's pages): what the second look sees at run time on a page the
    first never saw."""
    import numpy as np

    from digest.line_features import CLASSES
    from digest.line_model import LineModel

    probs = [[None] * len(pages) for pages in sources]
    for fold in (0, 1):
        train_part = [[page for page in pages if page[-1] != fold] for pages in sources]
        model = LineModel(train(*labelled(train_part)))
        for s, pages in enumerate(sources):
            for k, (_, idx, rows, _, page_fold) in enumerate(pages):
                if page_fold == fold:
                    probs[s][k] = model.predict(np.asarray(rows, dtype=np.float64)) if idx else np.zeros((0, len(CLASSES)))
    return probs


def real(days) -> list[Path]:
    return [SHARED / "pages" / f"rmrb-2018{day}-07.pdf" for day in days]


def train(X, y, weights=None, rounds: int = ROUNDS, names=None) -> dict:
    import lightgbm
    import numpy as np

    from digest.line_features import FEATURE_NAMES
    from digest.line_model import CLASSES
    from digest.trees import from_lightgbm

    data = lightgbm.Dataset(np.asarray(X, dtype=np.float64), label=np.asarray(y), weight=weights, free_raw_data=True)
    booster = lightgbm.train(PARAMS, data, num_boost_round=rounds)
    spec = from_lightgbm(booster.dump_model())
    spec.update(classes=list(CLASSES), features=list(names or FEATURE_NAMES))
    return spec


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=900, help="generated pages to train on")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--bag", type=int, default=3, help="models averaged, one per seed from --seed on")
    ap.add_argument("--out", type=Path, default=ROOT / "digest" / "data" / "line_model.json")
    ap.add_argument("--show", action="store_true", help="with --cv: the figures of each page too")
    ap.add_argument("--cv", action="store_true",
                    help="instead: two models, each trained without one half of the real pages, scored on that half")
    ap.add_argument("--folds", type=Path, help="with --cv: keep the two folds' models here; reuse them if there")
    ap.add_argument("--others", nargs="*", default=[], choices=OTHERS,
                    help="an experiment: the other generators' pages (of the dev news) join the generated ones "
                         "(stop 49: the left-out one's titles +0.01 to +0.02, the real pages cross-validated -0.02 to -0.09: not taken)")
    args = ap.parse_args()
    others = tuple(args.others)
    if not (SHARED / "gold").is_dir():
        print(f"skipped: {SHARED} has no gold/")
        return 0
    extractor_dumps = dumps()
    bag = [(seed, args.pages) for seed in range(args.seed, args.seed + args.bag)]
    if args.cv:
        cross_validate(bag, extractor_dumps, show=args.show, folds=args.folds, others=others)
        return 0
    write_models(train_bag(bag, extractor_dumps, ALL_DAYS, others), args.out)
    return 0


MODEL_FILES = ("line_model.json", "neighbour_model.json", "split_model.json", "stitch_model.json")


def write_models(models: tuple[dict, dict, dict, dict], out: Path) -> None:
    """The four models in the form the package ships, the tagger's as OUT, the rest beside it."""
    for name, model in zip((out.name,) + MODEL_FILES[1:], models):
        path = out.with_name(name)
        shipped = Trees(model, tuple(model["features"])).shipped_form(model)
        path.write_text(json.dumps(shipped, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {path} ({path.stat().st_size // 1024} KiB)", file=sys.stderr)


def base_pages(seed: int, pages: int, others: tuple[str, ...] = ()) -> list[list[tuple]]:
    """The pages of each source but the real pages: PAGES generated pages (and a third as many
    of each of OTHERS' generators), the seed pages."""
    from linedata import generated_pages, seed_pages

    rng = random.Random(seed)
    return [collect(source) for source in (generated_pages(SHARED, pages, rng.randrange(1 << 30), others), seed_pages(SHARED, seed))]


def train_bag(bag: list[tuple[int, int]], extractor_dumps: dict[str, Path], days,
              others: tuple[str, ...] = ()) -> tuple[dict, dict, dict, dict]:
    """``train_on`` once per (seed, pages) of the bag, each kind of model averaged over them
    (each seed's rows built in turn: three seeds' rows at once would need gigabytes)."""
    import synthetic
    from digest.trees import average

    synthetic.HEAD_AFTER = HEAD_AFTER  # every path that trains (make train, --cv, ablate's folds) the same pages
    trained = [train_on(base_pages(seed, pages, others), extractor_dumps, days, seed) for seed, pages in bag]
    return tuple(average([models[k] for models in trained]) for k in range(4))


def train_on(base: list[list[tuple]], extractor_dumps: dict[str, Path], days, seed: int) -> tuple[dict, dict, dict, dict]:
    """The line tagger and its second look, then the article joiner (``train_stitch``) on the drafts that tagger
    gives, each of the generated pages, the seeds and the real pages of DAYS, each source
    weighing as much as another however many lines it has."""
    import digest.line_model as line_model
    import train_split
    import train_stitch
    from digest import split
    from digest.line_features import NEIGHBOUR_NAMES
    from heldout import gold_page
    from linedata import real_pages

    sources = base + [collect(real_pages(extractor_dumps, real(days)))]
    rows, labels, weights = labelled(sources)
    print(f"{len(rows)} labelled lines", file=sys.stderr)
    spec = train(rows, labels, weights)
    second = train(*labelled(sources, out_of_fold(sources)), rounds=SECOND_ROUNDS, names=NEIGHBOUR_NAMES)
    tagger, neighbours = line_model.LineModel(spec), line_model.NeighbourModel(second)
    shipped, line_model.shipped = line_model.shipped, lambda: tagger
    shipped_second, line_model.shipped_neighbours = line_model.shipped_neighbours, lambda: neighbours

    def real_pages_of_days():
        return ((folder.joinpath(f"rmrb-2018{day}-07.txt").read_text(encoding="utf-8"), gold_page(day))
                for folder in extractor_dumps.values() for day in days)

    try:
        with drafts_only():
            cuts = [train_split.rows_of_pages(train_stitch.generated(SHARED, SPLIT_PAGES, seed + 1)),
                    train_split.rows_of_pages(real_pages_of_days())]
            joins = [train_stitch.rows_of_pages(train_stitch.generated(SHARED, STITCH_PAGES, seed)),
                     train_stitch.rows_of_pages(real_pages_of_days())]
    finally:
        line_model.shipped = shipped
        line_model.shipped_neighbours = shipped_second
    splitter = train_stitch.fit(cuts, split.FEATURE_NAMES, train_split.MONOTONE, "split")
    return spec, second, splitter, train_stitch.fit(joins)


class _NoJoins:
    """A joiner that joins nothing."""

    @staticmethod
    def probabilities(rows: list) -> list[float]:
        return [0.0] * len(rows)


@contextmanager
def drafts_only():
    """While the splitter's and the joiner's rows are read: the splitter and the joiner the
    package ships stand aside. Each learns from the drafts the assembler leaves (a joiner
    trained on the splitter's parts did worse on the real pages: 0.89 / 0.71 against 0.92 /
    0.78 on pdftotext / pdfminer.six in the cross-validation); the splitter's rows are read
    before the joiner runs, and its shipped file may be of other features, when they are
    what is being retrained (``make train`` stopped there before)."""
    from digest import split, stitch

    shipped = split.load_model, stitch.load_model
    split.load_model, stitch.load_model = (lambda: None), (lambda: _NoJoins())
    try:
        yield
    finally:
        split.load_model, stitch.load_model = shipped


@contextmanager
def models_in_use(specs: tuple[dict, dict, dict, dict]):
    """The four models (tagger, second look, splitter, joiner specs) in place of the shipped
    ones while the block runs: a fold's, to read pages they never saw."""
    import digest.line_model as line_model
    from digest import split, stitch

    tagger, neighbours = line_model.LineModel(specs[0]), line_model.NeighbourModel(specs[1])
    cuts, joins = split.SplitModel(specs[2]), stitch.StitchModel(specs[3])
    shipped = (line_model.shipped, line_model.shipped_neighbours, split.load_model, stitch.load_model)
    line_model.shipped, line_model.shipped_neighbours = (lambda: tagger), (lambda: neighbours)
    split.load_model, stitch.load_model = (lambda: cuts), (lambda: joins)
    try:
        yield
    finally:
        line_model.shipped, line_model.shipped_neighbours, split.load_model, stitch.load_model = shipped


def cross_validate(bag: list[tuple[int, int]], extractor_dumps: dict[str, Path], show: bool = False,
                   folds: Path | None = None, others: tuple[str, ...] = ()) -> None:
    """Each real page scored by a model that never saw it: two folds of six pages. FOLDS: a
    folder keeping each fold's models (``fold-<first scored day>``), reused when there."""
    import tempfile

    from digest.pipeline import Options, build_digest
    from heldout import ARTICLES, KEYS, gold_page
    from segbench import load_scorer

    scorer = load_scorer(SHARED, needs="pages")
    digests: dict[str, list] = {extractor: [] for extractor in extractor_dumps}
    for trained, scored in ((TRAIN_DAYS, REPORT_DAYS), (REPORT_DAYS, TRAIN_DAYS)):
        kept = folds / f"fold-{scored[0]}" if folds else None
        if kept and all((kept / name).is_file() for name in MODEL_FILES):
            spec, second, splitter, joiner = (json.loads((kept / name).read_text(encoding="utf-8")) for name in MODEL_FILES)
            print(f"scoring {', '.join(scored)} with the models kept in {kept} (not trained again)", file=sys.stderr)
        else:
            spec, second, splitter, joiner = train_bag(bag, extractor_dumps, trained, others)
            if kept:
                kept.mkdir(parents=True, exist_ok=True)
                write_models((spec, second, splitter, joiner), kept / MODEL_FILES[0])
        with models_in_use((spec, second, splitter, joiner)):
            for extractor, folder in extractor_dumps.items():
                pages = [str(folder / f"rmrb-2018{day}-07.txt") for day in scored]
                digests[extractor] += build_digest(pages, Options(keywords=0, sentences=1)).to_dict()["sources"]
    print("| dump (each page scored by a model trained without it) | " + " | ".join(KEYS[3:]) + " |")
    print("| --- " * (len(KEYS) - 2) + "|")
    with tempfile.TemporaryDirectory() as gold_dir:
        for day in ARTICLES:
            Path(gold_dir, f"rmrb-2018{day}-07.json").write_text(json.dumps(gold_page(day), ensure_ascii=False),
                                                                   encoding="utf-8")
        for extractor, sources in digests.items():
            figures = scorer.score(Path(gold_dir), {"sources": sources}, extractor_dumps[extractor])
            print(f"| {extractor} | " + " | ".join(str(figures[k]) for k in KEYS[3:]) + " |")
            if show:
                for name, page in figures["per_page"].items():
                    print(f"    {extractor} {name}: {page}")


if __name__ == "__main__":
    sys.exit(main())
