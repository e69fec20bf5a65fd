"""Generated pages as real PDFs, read back by the real extractors: the dumps a text path
meets, with none of our guesses about how an extractor prints a page.

    python benchmarks/pdfpages.py [--pages N] [--seed S] [--articles news|news-test|theory|theory-test|real]

``pdfsynth.make_page`` sets a page (random body size, column count and width, head sizes and
wrapping, decks and kickers, letter-spaced and vertical heads, author lines over or after the
text, section heads, notes, banners, drawing order); here its glyphs are drawn into a PDF
(PyMuPDF's CJK font, Latin letters and digits at their own width) and the PDF
is read by ``pdftotext``, ``pdftotext -raw``, PyMuPDF ``get_text()`` and pdfminer.six
``extract_text()``, each dump scored against the page's gold (and the PDF itself, as
``digest run page.pdf`` reads it). The text path was never tuned on
these dumps: they measure it on layouts and prints nobody looked at while writing it (dev
articles to look at, ``-test`` articles to report on; ``real``: the twelve real pages' own
commentaries, text the rules were written beside, in layouts no real page has). Training the
line tagger, splitter and joiner on such dumps of dev pages lifted these figures and cost the
real pages (`docs/segmentation-history.md`, stops 35 and 36).
Development only: PyMuPDF is AGPL (a tool here, never a dependency of the package) and the
extractors must be installed.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import ROOT, SHARED  # noqa: E402

EXTRACTORS = ("pdftotext", "pdftotext-raw", "pymupdf", "pdfminer")


def draw(glyphs: list) -> bytes:
    """The glyphs as a one-page PDF, in their drawing order. A Latin letter or digit is set
    at its own width, not a Chinese character's (the setter gives every character a full
    square): the characters after it on its line move left by what it saved."""
    import pymupdf

    width = max(g.x1 for g in glyphs) + 30
    height = max(g.bottom for g in glyphs) + 30
    doc = pymupdf.open()
    page = doc.new_page(width=width, height=height)
    writer = pymupdf.TextWriter(page.rect)
    font = pymupdf.Font("china-s")
    line, saved = None, 0.0
    for g in glyphs:
        if line != (g.top, g.size, g.font):  # (a vertical head's characters each start a line)
            line, saved = (g.top, g.size, g.font), 0.0
        writer.append((g.x0 - saved, g.top + g.size * 0.88), g.ch, font=font, fontsize=g.size)
        if g.ch.isascii():
            saved += g.size - font.text_length(g.ch, fontsize=g.size)
    writer.write_text(page)
    data = doc.tobytes()
    doc.close()
    return data


def dumps(pdf: bytes) -> dict[str, str]:
    """The PDF's text as each extractor prints it."""
    import pymupdf
    from pdfminer.high_level import extract_text

    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "page.pdf")
        path.write_bytes(pdf)
        for extractor, extra in (("pdftotext", []), ("pdftotext-raw", ["-raw"])):
            out[extractor] = subprocess.run(["pdftotext", "-enc", "UTF-8", *extra, str(path), "-"],
                                            capture_output=True, check=True).stdout.decode("utf-8")
        with pymupdf.open(path) as doc:
            out["pymupdf"] = "".join(page.get_text() for page in doc)
        out["pdfminer"] = extract_text(str(path))
    return out


def pages(n: int, seed: int, articles: str = "news"):
    """(name, PDF, {extractor: dump}, gold) of N generated pages."""
    import pdfsynth

    rng = random.Random(seed)
    pool = pdfsynth.article_pool(rng, articles)
    for k in range(n):
        name = f"pdfpage_{k:03d}.txt"
        glyphs, gold = pdfsynth.make_page(pool, rng, name)
        pdf = draw(glyphs)
        yield name, pdf, dumps(pdf), gold


def main() -> int:
    import pdfsynth

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=100)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--articles", choices=pdfsynth.ARTICLE_SETS, default="news-test")
    ap.add_argument("--keep", type=Path, help="write each extractor's dumps, the gold and the digests here")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from digest.pipeline import Options, build_digest
    from segbench import load_scorer

    if not all(importlib.util.find_spec(tool) for tool in ("pymupdf", "pdfminer")) or not shutil.which("pdftotext"):
        print("skipped: needs PyMuPDF, pdfminer.six and pdftotext (development tools)")
        return 0
    scorer = load_scorer(SHARED, needs="eval/summ")
    if scorer is None:
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        (folder / "gold").mkdir(parents=True, exist_ok=True)
        for extractor in EXTRACTORS + ("pdf",):
            (folder / extractor).mkdir(exist_ok=True)
        for name, pdf, texts, gold in pages(args.pages, args.seed, args.articles):
            (folder / "pdf" / name.replace(".txt", ".pdf")).write_bytes(pdf)
            for extractor, text in texts.items():
                (folder / extractor / name).write_text(text, encoding="utf-8")
            (folder / "gold" / name.replace(".txt", ".json")).write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
        print(f"| extractor ({args.pages} pages of {args.articles}, seed {args.seed}) | article_f1@0.8 | title_exact | byline_acc | lost_chars |")
        print("| --- | --- | --- | --- | --- |")
        for extractor in EXTRACTORS + ("pdf",):  # the four dumps, and the PDF read by digest itself
            files = sorted(str(p) for p in (folder / extractor).glob("*.*"))
            digest = build_digest(files, Options(method="lead", keywords=0, sentences=1)).to_dict()
            for source in digest["sources"]:  # a PDF is scored, its lost characters counted, against pdftotext's dump
                source["source"] = str(Path(source["source"]).with_suffix(".txt"))
            if args.keep:
                (folder / f"digest-{extractor}.json").write_text(json.dumps(digest, ensure_ascii=False), encoding="utf-8")
            f = scorer.score(folder / "gold", digest, folder / ("pdftotext" if extractor == "pdf" else extractor))
            print(f"| {extractor} | {f['article_f1@0.8']} | {f['title_exact']} | {f['byline_acc']} | {f.get('lost_chars', 0)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
