"""How far the generated training pages are from real dumps, and what gives them away.

    python benchmarks/realism.py [--pages N] [--seed S] [--lines all|head|body|byline|subhead] [--top K]
                                 [--drawn news|theory|real]

For each extractor, a classifier (LightGBM, 3 folds that keep a page's lines together) is asked
to tell the twelve real 人民日报 pages' lines, as that extractor dumps them, from the lines of N
generated training pages (``linedata.unstyled_pages``) printed in the style that stands for it
(``linedata.restyle``), on the line tagger's own features (``line_features.features``, without
the page-level ones and the rules' roles). AUC 0.5: the generator's lines could be real ones;
near 1.0: real pages do something the generator never does, or the reverse -- the features
the classifier leans on say what, with their 10/50/90 % quantiles on either side. Read it
before trusting a generated figure, and after changing the generator (the issue's "compare
it with real dumps often"). ``--lines head`` asks the same of head lines alone (as each page's
labeller tells them), and so on. ``--drawn ARTICLES`` asks it of ``pdfpages``' generated pages
drawn as PDFs and dumped by the extractor itself (the held-out PDF-drawn sets) instead: how
real their layouts are. Last, how much of their heads' wording the real and the
generated articles' texts repeat (kickers and decks as well as titles). A report, not a gate:
real pages of one paper differ from any generator's in what they are about (a theory page
prints few digits), not only in layout.
Development only: needs ../shared, lightgbm, and PyMuPDF and pdfminer.six for the real dumps.
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from heldout import ARTICLES, SHARED, dump_pages, gold_page, load_scorer  # noqa: E402

# the generated style that stands for each extractor's dump (linedata.restyle)
STYLE_OF = {"pdftotext": "plain", "pdftotext-raw": "fragments", "pymupdf": "no-blanks", "pdfminer": "spaced"}
CLASSES = {"all": None, "body": 0, "head": 1, "byline": 2, "subhead": 4}  # line_features.CLASSES
PARAMS = {"objective": "binary", "num_leaves": 15, "max_depth": 4, "learning_rate": 0.1, "min_data_in_leaf": 20,
          "feature_fraction": 0.8, "seed": 1, "deterministic": True, "num_threads": 1, "verbose": -1}
ROUNDS = 100
FOLDS = 3


def kept_features() -> list[int]:
    """The tagger's features a line shows (not the page's blank share or the line's place on it,
    which tell a page apart, not a line; not the rules' roles, which follow from the rest)."""
    from digest.line_features import FEATURE_NAMES

    return [k for k, name in enumerate(FEATURE_NAMES)
            if "rule_" not in name and name not in ("blank_share", "position")]


def rows(text: str, label, wanted: int | None, keep: list[int]) -> list[list[float]]:
    from linedata import page_of

    _, _, feats, labels = page_of(text, label)
    return [[row[k] for k in keep] for row, cls in zip(feats, labels) if wanted is None or cls == wanted]


def auc(y: np.ndarray, score: np.ndarray, weight: np.ndarray) -> float:
    """Weighted area under the ROC curve (ties count half)."""
    order = np.argsort(score, kind="stable")
    y, score, weight = y[order], score[order], weight[order]
    pos, neg = weight * (y == 1), weight * (y == 0)
    area, neg_below = 0.0, 0.0
    k = 0
    while k < len(score):
        j = k
        while j < len(score) and score[j] == score[k]:
            j += 1
        area += pos[k:j].sum() * (neg_below + neg[k:j].sum() / 2)
        neg_below += neg[k:j].sum()
        k = j
    return area / (pos.sum() * neg.sum())


def tell_apart(real: list[list[list[float]]], generated: list[list[list[float]]]) -> tuple[float, np.ndarray]:
    """(AUC out of fold, gain of each feature summed over the folds): pages, not lines, are
    split into folds, and both sides weigh the same."""
    import lightgbm as lgb

    pages = real + generated
    X = np.array([row for page in pages for row in page], dtype=float)
    y = np.array([1] * sum(map(len, real)) + [0] * sum(map(len, generated)))
    fold = np.array([k % FOLDS for k, page in enumerate(pages) for _ in page])
    weight = np.where(y == 1, (y == 0).sum() / max(1, (y == 1).sum()), 1.0)
    score, gain = np.zeros(len(y)), np.zeros(X.shape[1])
    for f in range(FOLDS):
        test = fold == f
        model = lgb.train(PARAMS, lgb.Dataset(X[~test], y[~test], weight=weight[~test]), ROUNDS)
        score[test] = model.predict(X[test])
        gain += model.feature_importance("gain")
    return auc(y, score, weight), gain


def head_wording(articles) -> str:
    """How much of its titles' and its kickers' and decks' wording an article set's text repeats
    (share of character pairs, median; share of heads under 0.2): real kickers and decks echo
    their story at least as much as titles do, and a generator whose kickers are about another
    story teaches a model that the line the text echoes is the title."""
    from digest.similarity import overlap

    titles, subs = [], []
    for article in articles:
        text = "".join(article.get("paragraphs") or [])
        if not text:
            continue
        if article.get("title"):
            titles.append(overlap(article["title"], text))
        subs += [overlap(p.strip("—"), text) for p in (article.get("subtitle") or "").split(" / ") if p.strip("—")]

    def summary(values: list[float]) -> str:
        if not values:
            return "none"
        return f"{len(values)}: median {float(np.median(values)):.2f}, under 0.2 {sum(v < 0.2 for v in values) / len(values):.2f}"
    return f"titles {summary(titles)} | kickers and decks {summary(subs)}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=120, help="generated pages")
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--lines", choices=tuple(CLASSES), default="all")
    ap.add_argument("--top", type=int, default=4, help="features shown for each extractor")
    ap.add_argument("--drawn", choices=("news", "theory", "real"),
                    help="compare pdfpages' PDF-drawn pages of these articles, as each extractor dumps them")
    args = ap.parse_args()
    if load_scorer(SHARED, needs="pages") is None:
        return 0
    try:
        import lightgbm  # noqa: F401
        import pymupdf  # noqa: F401
    except ImportError:
        print("skipped: needs lightgbm and PyMuPDF (pip install lightgbm pymupdf pdfminer.six)")
        return 0
    import linedata
    from digest.line_features import FEATURE_NAMES

    keep, wanted = kept_features(), CLASSES[args.lines]
    pdfs = sorted((SHARED / "pages").glob("rmrb-*.pdf"))
    labels = [linedata.pdf_labeller(pdf) for pdf in pdfs]
    if args.drawn:
        import pdfpages

        drawn = list(pdfpages.pages(args.pages, args.seed, args.drawn))
        pages = [(None, gold) for _, _, _, gold in drawn]
    else:
        pages = list(linedata.unstyled_pages(random.Random(args.seed), args.pages))
    print(f"| dump (real pages) | generated style | {args.lines} lines real / generated | AUC | what tells them apart |")
    print("| --- | --- | --- | --- | --- |")
    details = []
    for extractor, style in STYLE_OF.items():
        folder = dump_pages(extractor, ROOT / ".cache" / "heldout")
        if folder is None:
            continue
        real = [rows((folder / (pdf.stem + ".txt")).read_text(encoding="utf-8"), label, wanted, keep)
                for pdf, label in zip(pdfs, labels)]
        rng = random.Random(args.seed)
        if args.drawn:
            style = "drawn, " + extractor
            generated = [rows(texts[extractor], linedata.gold_labeller(gold), wanted, keep) for _, _, texts, gold in drawn]
        else:
            generated = [rows(linedata.restyle(text, style, rng),
                              linedata.gold_labeller(gold), wanted, keep) for text, gold in pages]
        score, gain = tell_apart(real, generated)
        top = np.argsort(-gain)[:args.top]
        print(f"| {extractor} | {style} | {sum(map(len, real))} / {sum(map(len, generated))} | {score:.3f} | "
              + ", ".join(FEATURE_NAMES[keep[k]] for k in top) + " |")
        R = np.array([row for page in real for row in page])
        G = np.array([row for page in generated for row in page])
        for k in top:
            q = lambda v: " / ".join(f"{x:.2f}" for x in np.quantile(v, (0.1, 0.5, 0.9)))  # noqa: E731
            details.append(f"{extractor:14s} {FEATURE_NAMES[keep[k]]:20s} gain {gain[k] / gain.sum():.2f}   "
                           f"real {q(R[:, k])} (mean {R[:, k].mean():.2f})   generated {q(G[:, k])} "
                           f"(mean {G[:, k].mean():.2f})")
    print()
    print("\n".join(details))
    print()
    print("head wording, share of a head's character pairs its own text repeats:")
    print(f"  real pages (stand-in gold)  {head_wording(a for day in ARTICLES for a in gold_page(day)['articles'])}")
    print(f"  generated pages             {head_wording(a for _, gold in pages for a in gold['articles'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
