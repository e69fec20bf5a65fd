"""What the segmentation benchmarks share: the project's scorer and how figures are printed."""
from __future__ import annotations

import importlib.util
from pathlib import Path


def load_scorer(shared: Path, needs: str):
    """../shared/tools/segscore.py as a module; None (with a note) when it or the
    folder of ../shared the benchmark ``needs`` is absent."""
    path = shared / "tools" / "segscore.py"
    if not path.exists() or not (shared / needs).is_dir():
        print(f"skipped: {shared} has no {needs}/ or tools/segscore.py")
        return None
    spec = importlib.util.spec_from_file_location("segscore", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def print_figures(figures: dict, keys: tuple[str, ...], show_pages: bool) -> None:
    per_page = figures.pop("per_page")
    if show_pages:
        for name, row in per_page.items():
            print(f"{name}: {dict(row)}")
    for key in keys:
        print(f"{key}: {figures[key]}")


FIGURES = ("pages", "gold_articles", "pred_articles", "article_f1@0.8", "article_f1@0.95", "title_acc",
           "title_exact", "byline_acc", "para_break_f1", "body_precision", "lost_chars")


def score_generated(scorer, pages, keep: Path | None = None) -> dict:
    """Generated pages, (file name, dump text, gold) each, written as dumps and gold files (to
    KEEP, else a temporary folder), digested as one run and scored."""
    import json
    import tempfile

    from digest.pipeline import Options, build_digest

    with tempfile.TemporaryDirectory() as tmp:
        folder = keep or Path(tmp)
        raw, gold = folder / "raw", folder / "gold"
        raw.mkdir(parents=True, exist_ok=True)
        gold.mkdir(parents=True, exist_ok=True)
        for name, text, truth in pages:
            (raw / name).write_text(text, encoding="utf-8")
            (gold / Path(name).with_suffix(".json").name).write_text(json.dumps(truth, ensure_ascii=False), encoding="utf-8")
        digest = build_digest([str(raw)], Options(keywords=0, sentences=1))
        return scorer.score(gold, digest.to_dict(), raw)


def generator_main(description: str, shared: Path, articles, page, prefix: str) -> int:
    """The command line of a page generator written apart from the training one (``othergen``,
    ``thirdgen``): ``--pages``, ``--seed``, ``--show``, ``--keep``; its pages scored as one run.
    ``articles(rng)`` gives the pool, ``page(pool, rng, name)`` a (dump, gold) page."""
    import argparse
    import random

    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--show", action="store_true", help="print the figures of each page too")
    ap.add_argument("--keep", type=Path, help="write the generated pages and their gold to this folder")
    args = ap.parse_args()
    scorer = load_scorer(shared, needs="eval/summ")
    if scorer is None:
        return 0
    rng = random.Random(args.seed)
    pool = articles(rng)
    names = [f"{prefix}_{k:03d}.txt" for k in range(args.pages)]
    pages = ((name, *page(pool, rng, name)) for name in names)
    print_figures(score_generated(scorer, pages, args.keep), FIGURES, args.show)
    return 0
