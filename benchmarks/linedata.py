"""Labelled lines for the line tagger: pages in every extractor's style, each line with the
role a reader gives it (body, head, byline, noise, subhead: a section head inside an article).

Three sources, none of them one generator's habits alone:
- generated pages (``synthetic.make_page``: the seeds' and dev news articles, a third of
  the pages with long heads wrapped over lines, a third (drawn apart) with the seeds' habits
  broken at ``synthetic.LOOSE`` 0.3: heads and kickers right over what follows them, no gap,
  decks on news; ``theory.theory_page``: commentary pages of dev news) and the seed
  pages, labelled from their gold by content, then printed again in the styles other
  extractors give: no blank lines at all (PyMuPDF), lines cut after every comma and heads
  after their text (pdftotext -raw), every line letter-spaced with blank lines between
  paragraphs (pdfminer.six), blank lines inside paragraphs (glitches, double spacing);
- the real 人民日报 pages of a training split, as each extractor dumps them, labelled by the
  type size of each line in the PDF (heads ≥ 13.5 pt, section heads 12.9 pt, author lines 9.7 pt, body 8.3 pt).
Development only (needs ../shared; the real pages need PyMuPDF, an AGPL tool never shipped).
"""
from __future__ import annotations

import json
import random
import re
from pathlib import Path

from digest.layout import column_widths, split_lines
from digest.line_features import features
from digest.patterns import AUTHOR_NOTE, SLOGAN
from digest.roles import classify

_WS = re.compile(r"\s+")


def squash(text: str | None) -> str:
    return _WS.sub("", text or "")


# -- labels from a gold page ------------------------------------------------------------

def gold_labeller(gold: dict):
    """A function line text -> class index (or None when the text could be several things)."""
    heads, bylines, noise, body, subheads = [], [], [], [], []
    for article in gold["articles"]:
        heads += [squash(article.get("title")), *[squash(s) for s in (article.get("subtitle") or "").split(" / ")]]
        bylines.append(squash(article.get("byline")))
        for p in article.get("paragraphs") or []:
            (subheads if len(p) <= 30 and p[-1:] not in "。！？…”）)" else body).append(squash(p))
    noise = [squash(n) for n in gold.get("noise") or []]
    heads = [h for h in heads if h]
    bylines = [b for b in bylines if b]

    def label(text: str) -> int | None:
        s = squash(text)
        if not s:
            return None
        if AUTHOR_NOTE.match(s):
            return 2  # an author's note closes an article as its author line does
        found = {c for c, pool in ((1, heads), (2, bylines), (3, noise), (0, body), (4, subheads))
                 if any(s in item for item in pool)}
        if len(found) == 1:
            return found.pop()
        if 1 in found and s in heads:
            return 1
        if 4 in found and s in subheads:
            return 4
        if 2 in found and s in bylines:
            return 2
        if found == {0, 3} and len(s) >= 6 and any(s == n for n in noise):
            return 3
        return None

    return label


# -- labels from a PDF's type sizes -----------------------------------------------------

def pdf_labeller(pdf: Path):
    import pymupdf

    printed: list[tuple[str, int]] = []
    for block in pymupdf.open(pdf)[0].get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            text = squash("".join(span["text"] for span in line["spans"]))
            if not text:
                continue
            size = max(span["size"] for span in line["spans"])
            y0 = line["bbox"][1]
            if y0 < 60 or 10.5 < size < 11.5 or SLOGAN.match(text):
                cls = 3  # the masthead, the date line, a page banner
            elif size >= 13.5:
                cls = 1
            elif size >= 12.5:
                cls = 4  # a section head inside an article
            elif 9.5 < size < 10 or AUTHOR_NOTE.match(text):
                cls = 2
            else:
                cls = 0
            printed.append((text, cls))
    # a vertical head (or name) is printed one character a line: its characters together too
    run: list[tuple[str, int]] = []
    for text, cls in printed + [("", -1)]:
        if len(text) == 1 and (not run or run[-1][1] == cls):
            run.append((text, cls))
            continue
        if len(run) >= 2:
            printed.append(("".join(t for t, _ in run), run[0][1]))
        run = [(text, cls)] if len(text) == 1 else []

    def label(text: str) -> int | None:
        s = squash(text)
        if not s:
            return None
        found = {cls for t, cls in printed if s in t or (len(t) >= 4 and t in s)}
        if len(found) == 1:
            return found.pop()
        if len(s) >= 8 and 0 in found:  # a long line found in a head too is a quote of it in the text
            exact = {cls for t, cls in printed if s == t}
            return exact.pop() if len(exact) == 1 else None
        return None

    return label


# -- other extractors' styles -----------------------------------------------------------

def spaced(text: str) -> str:
    return " ".join(re.findall(r"[0-9A-Za-z.%]+|\S", text))


def restyle(text: str, style: str, rng: random.Random) -> str:
    """The same page as another extractor would print it."""
    lines = text.split("\n")
    if style == "plain":
        return text
    if style == "no-blanks":  # PyMuPDF get_text(): no blank line anywhere
        return "\n".join(line for line in lines if line.strip()) + "\n"
    if style == "fragments":  # pdftotext -raw: a line cut after commas and before quotes
        out = []
        for line in lines:
            if not line.strip():
                continue
            pieces = re.split(r"(?<=[，、；：])|(?=[“])", line) if rng.random() < 0.8 else [line]
            out += [p for p in pieces if p]
        return "\n".join(out) + "\n"
    if style == "spaced":  # pdfminer.six: justified lines letter-spaced, blank lines between boxes
        out = []
        for line in lines:
            out.append(spaced(line) if line.strip() and rng.random() < 0.7 else line)
            if line.strip()[-1:] in "。！？”" and rng.random() < 0.6:
                out.append("")
        return "\n".join(out) + "\n"
    if style == "gappy":  # blank lines inside paragraphs: column breaks, glitches, double spacing
        out = []
        for line in lines:
            out.append(line)
            if line.strip() and rng.random() < 0.15:
                out.append("")
        return "\n".join(out) + "\n"
    if style == "boxes":  # pdfminer.six's box order: a page cut into column boxes, read out of order
        return boxes(lines, rng)
    raise ValueError(style)


def boxes(lines: list[str], rng: random.Random) -> str:
    """The page cut into boxes (at most blank lines, and every 6 to 30 lines, mid-sentence or
    not), each printed up to three places from where it stands, blank lines between."""
    out: list[list[str]] = [[]]
    size = rng.randint(6, 30)
    for line in lines:
        if not line.strip():
            if out[-1] and rng.random() < 0.7:
                out.append([])
            continue
        if len(out[-1]) >= size:
            out.append([])
            size = rng.randint(6, 30)
        out[-1].append(line)
    keyed = sorted((k + rng.uniform(0, 4), k) for k in range(len(out)) if out[k])
    return "\n\n".join("\n".join(out[k]) for _, k in keyed) + "\n"


STYLES = ("plain", "no-blanks", "fragments", "spaced", "gappy")
ORDERS = STYLES + ("boxes",)  # the styles and reading orders the article joiner is fitted on


# -- pages -> rows ----------------------------------------------------------------------

def page_of(text: str, label) -> tuple[list, list[int], list[list[float]], list[int]]:
    """(lines, indices of the non-blank ones, a feature row and a label each, -1 where the
    line could be several things): a page kept whole, for the second look's neighbours."""
    lines = split_lines(text)
    columns = column_widths(lines)
    classify(lines, columns)
    idx, rows = features(lines, columns)
    labels = [label(lines[i].text) for i in idx]
    return lines, idx, rows, [-1 if cls is None else cls for cls in labels]


def generated_pages(shared: Path, n: int, seed: int, others: tuple[str, ...] = ()):
    """(text, labeller) of N generated pages, and N/3 more of each of the OTHERS generators
    (``othergen``, ``thirdgen``), each restyled at random."""
    rng = random.Random(seed)
    for text, gold in unstyled_pages(rng, n):
        yield restyle(text, rng.choice(STYLES), rng), gold_labeller(gold)
    for name in others:
        for text, gold in other_pages(name, n // 3, seed):
            yield text, gold_labeller(gold)


def other_pages(name: str, n: int, seed: int, styles: tuple[str, ...] = STYLES):
    """(text, gold) of N pages of another generator, its articles drawn from the dev news
    (the pages it is scored on are of the test news), each restyled in one of STYLES."""
    import importlib

    module = importlib.import_module(name)
    rng = random.Random(seed * 7 + 1000)
    pool = module.articles(rng, "dev")
    for k in range(n):
        text, gold = module.page(pool, rng, f"{name}_{k}.txt")
        yield restyle(text, rng.choice(styles), rng), gold


def unstyled_pages(rng: random.Random, n: int):
    """(text, gold) of N generated pages as pdftotext would print them, drawn from RNG (which
    the caller may go on drawing from between pages: ``generated_pages`` restyles each)."""
    import synthetic
    import theory

    pools = [synthetic.gold_articles(), synthetic.news_articles(rng, "dev"), theory.theory_articles(rng, "dev")]
    for k in range(n):
        if k % 3 == 2:
            text, gold = theory.theory_page(pools[2], rng, f"train_{k}.txt")
        else:
            synthetic.WRAP = 0.3 if rng.random() < 1 / 3 else 0.0  # a third of the pages wrap long heads
            synthetic.LOOSE = 0.3 if rng.random() < 1 / 3 else 0.0  # ... and a third set heads right over text
            text, gold = synthetic.make_page(pools[k % 3], rng, f"train_{k}.txt", more=rng.random() < 0.5)
            synthetic.WRAP = synthetic.LOOSE = 0.0
        yield text, gold


def seed_pages(shared: Path, seed: int):
    rng = random.Random(seed)
    for raw in sorted((shared / "seeds").glob("*.txt")):
        gold = json.loads((shared / "gold" / (raw.stem + ".json")).read_text(encoding="utf-8"))
        text = raw.read_text(encoding="utf-8")
        label = gold_labeller(gold)  # one a page: its prints in every style are one page (see train_lines.collect)
        for style in STYLES:
            yield restyle(text, style, rng), label


def real_pages(dumps: dict[str, Path], pdfs: list[Path]):
    """Each PDF's dump by each extractor, labelled by the PDF's type sizes."""
    for pdf in pdfs:
        label = pdf_labeller(pdf)
        for folder in dumps.values():
            dump = folder / (pdf.stem + ".txt")
            if dump.exists():
                yield dump.read_text(encoding="utf-8"), label
