"""Where the missed titles and author lines went, on a set of scored pages: kinds, not pages.

    python benchmarks/misses.py DIR [--dump raw|pdftotext|...] [--pred PRED.json] [--examples N]

``DIR`` holds the pages' dumps (``raw/``, or one folder per extractor as ``pdfpages.py --keep``
writes them) and their ``gold/``; ``--pred`` reads a digest already written (``digest run … -f
json``), else the pages are digested here. Each gold article is matched to the predicted article
whose text is nearest its own (body 4-gram F1 of at least 0.8, as the scorer's articles are; the
scorer also pairs them one to one, best first, which this does not); a title or author line missed
there is sorted by where it went:

- titles: ``own-subtitle`` (read as the deck or kicker: a swap), ``cut`` (the title holds part of
  it), ``joined`` (the title holds it and more), ``other-head`` (another article's title or
  subtitle holds it), ``noise``, ``own-body`` or ``other-body`` (read as text), ``lost-apart``
  (nowhere whole: split across places);
- author lines: ``other-byline``, ``noise``, ``in-head``, ``in-text``, ``lost-apart``.

A fix for a kind that runs through several sets is a fix; one for a few examples of one set's
kind is a fit (the guide). Development only (the gold is ``../shared``'s or a generator's)."""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MATCH = 0.8  # the scorer's article match


def squash(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


def grams(text: str) -> set[str]:
    text = squash(text)
    return {text[i:i + 4] for i in range(len(text) - 3)}


def _match(gold: dict, predicted: list[tuple[dict, set[str]]]) -> dict | None:
    """The predicted article whose text is nearest a gold article's (4-gram F1), if at least MATCH."""
    own = grams("".join(gold["paragraphs"]))
    best, score = None, 0.0
    for article, theirs in predicted:
        f = 2 * len(own & theirs) / (len(own) + len(theirs) or 1)
        if f > score:
            best, score = article, f
    return best if score >= MATCH else None


def title_kind(gold: str, mine: dict, articles: list[dict], noise: str) -> str:
    """Where a gold title went that is not ``mine``'s title (all texts squashed)."""
    title = squash(mine.get("title"))
    if gold in squash(mine.get("subtitle")):
        return "own-subtitle"
    if title and gold.startswith(title.rstrip("…")) or title and gold.endswith(title):
        return "cut"
    if gold in title:
        return "joined"
    if any(gold in squash(a.get("title")) + "|" + squash(a.get("subtitle")) for a in articles):
        return "other-head"
    if gold in noise:
        return "noise"
    if gold in squash("".join(mine["paragraphs"])):
        return "own-body"
    if any(gold in squash("".join(a["paragraphs"])) for a in articles):
        return "other-body"
    return "lost-apart"


def byline_kind(gold: str, articles: list[dict], noise: str) -> str:
    """Where a gold author line went that ``mine``'s author line does not hold."""
    if any(gold in squash(a.get("byline")) for a in articles):
        return "other-byline"
    if gold in noise:
        return "noise"
    if any(gold in squash(a.get("title")) + squash(a.get("subtitle")) for a in articles):
        return "in-head"
    if any(gold in squash("".join(a["paragraphs"])) for a in articles):
        return "in-text"
    return "lost-apart"


def misses(gold_pages: dict[str, dict], sources: list[dict]):
    """(title kinds, byline kinds, examples by kind, matched gold articles) over the pages:
    ``gold_pages`` by dump file stem, ``sources`` a digest's JSON "sources"."""
    titles, bylines, examples, matched = Counter(), Counter(), defaultdict(list), 0
    for source in sources:
        stem = Path(source["source"]).stem
        if stem not in gold_pages:
            continue
        articles = source["articles"]
        predicted = [(a, grams("".join(a["paragraphs"]))) for a in articles]
        noise = squash("".join(source.get("noise", [])))
        for gold in gold_pages[stem]["articles"]:
            mine = _match(gold, predicted)
            if mine is None:
                continue
            matched += 1
            title, byline = squash(gold.get("title")), squash(gold.get("byline"))
            if title and title != squash(mine.get("title")):
                kind = title_kind(title, mine, articles, noise)
                titles[kind] += 1
                examples["title " + kind].append((stem, title, squash(mine.get("title")), squash(mine.get("subtitle"))))
            if byline and byline not in squash(mine.get("byline")):
                kind = byline_kind(byline, articles, noise)
                bylines[kind] += 1
                examples["byline " + kind].append((stem, byline, squash(mine.get("byline"))))
    return titles, bylines, examples, matched


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", type=Path, help="a kept set: raw/ (or an extractor's folder) and gold/")
    ap.add_argument("--dump", default="raw", help="the folder of DIR holding the dumps (default raw)")
    ap.add_argument("--pred", type=Path, help="a digest's JSON of those dumps (default: digest them here)")
    ap.add_argument("--examples", type=int, default=5, help="examples printed of each kind")
    args = ap.parse_args()
    gold_dir, dumps = args.dir / "gold", args.dir / args.dump
    if not gold_dir.is_dir() or not (args.pred or dumps.is_dir()):
        print(f"misses: {args.dir} has no gold/ or {args.dump}/", file=sys.stderr)
        return 2
    if args.pred:
        sources = json.loads(args.pred.read_text(encoding="utf-8"))["sources"]
    else:
        from digest.pipeline import Options, build_digest

        files = sorted(str(p) for p in dumps.iterdir() if p.suffix in (".txt", ".pdf"))
        sources = build_digest(files, Options(keywords=0, sentences=1)).to_dict()["sources"]
    gold_pages = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in gold_dir.glob("*.json")}
    titles, bylines, examples, matched = misses(gold_pages, sources)
    print(f"{matched} gold articles matched; titles missed {sum(titles.values())}: {dict(titles.most_common())}")
    print(f"author lines missed {sum(bylines.values())}: {dict(bylines.most_common())}")
    for kind in sorted(examples):
        print(kind)
        for example in examples[kind][:args.examples]:
            print("  ", " | ".join(example))
    return 0


if __name__ == "__main__":
    sys.exit(main())
