"""Quality gate: segmentation of the sample pages scored against the hand-made gold.

The gold and the scorer live in ../shared (not in the repo); these tests skip without it.
The floors are the figures reached so far, so a change that makes segmentation worse
fails here (raise them as segmentation improves).
"""
import importlib.util
import json
from collections import Counter

import pytest

from conftest import SAMPLES, shared

FLOORS = {"article_f1@0.8": 0.95, "article_f1@0.95": 0.95, "title_acc": 0.95, "body_precision": 0.99,
          "para_break_f1": 0.96}


@pytest.fixture(scope="module")
def scorer():
    path = shared("tools", "segscore.py")
    spec = importlib.util.spec_from_file_location("segscore", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_seed_segmentation_meets_the_floors(runner, app, scorer):
    gold = shared("gold")
    result = runner.invoke(app, ["run", str(SAMPLES), "-f", "json"])
    assert result.exit_code == 0
    figures = scorer.score(gold, json.loads(result.stdout), SAMPLES)
    assert figures["lost_chars"] == 0
    for key, floor in FLOORS.items():
        assert figures[key] >= floor, (key, figures[key])


def test_held_out_pages_lose_nothing(runner, app):
    pages = sorted(shared("pages").glob("*.txt"))
    result = runner.invoke(app, ["run", *map(str, pages), "-f", "json", "-k", "0", "-n", "1"])
    assert result.exit_code == 0
    for src in json.loads(result.stdout)["sources"]:
        raw = open(src["source"], encoding="utf-8").read()
        out = []
        for a in src["articles"]:
            out += [a["title"] if not a["title_generated"] else "", a["subtitle"] or "", a["byline"] or "", *a["paragraphs"]]
        out += src["noise"]
        want = Counter(ch for ch in raw if not ch.isspace())
        have = Counter(ch for ch in "".join(out) if not ch.isspace())
        assert not (want - have), src["source"]
        assert 1 <= len(src["articles"]) <= 8


def test_held_out_pages_print_their_titles():
    """The printed heads of the held-out pages (read off their PDFs, benchmarks/heldout.py)
    come out as article titles; a floor under the figure reached (41 of 44)."""
    import re
    import sys

    sys.path.insert(0, str(SAMPLES.parent / "benchmarks"))
    from heldout import ARTICLES

    from digest.pipeline import Options, build_digest

    pages = [str(shared("pages", f"rmrb-2018{day}-07.txt")) for day in ARTICLES]
    digest = build_digest(pages, Options(keywords=0, sentences=1))
    squash = lambda s: re.sub(r"\s+", "", s or "")  # noqa: E731
    found = 0
    for day, src in zip(ARTICLES, digest.sources):
        titles = {squash(a.title) for a in src.articles if not a.title_generated}
        found += sum(squash(title) in titles for title, _, _ in ARTICLES[day])
    assert found >= 40


def test_authors_the_dictionary_holds_as_names_sign_their_articles():
    """PyMuPDF prints 0103's commentary heads and their authors after the text. The tagger
    read "李忠杰" as an author line, but it was refused as a word of the dictionary (as
    "华光" ending a head must be): jieba holds it as a person's name (tagged nr); and a name
    printed after the article's author note ("（作者为…）") went to noise. (PyMuPDF is a
    development tool only: skipped without it.)"""
    pymupdf = pytest.importorskip("pymupdf")
    from digest.nlp import is_common_word
    from digest.pipeline import Options, digest_text

    assert is_common_word("华光") and not is_common_word("李忠杰")
    text = pymupdf.open(shared("pages", "rmrb-20180103-07.pdf"))[0].get_text()
    src = digest_text(text, "rmrb-20180103-07.txt", Options(keywords=0, sentences=1))
    bylines = "".join(a.byline or "" for a in src.articles).replace(" ", "")
    assert "李忠杰（作者为中央党史研究室原副主任）" in bylines
    assert "唐洲雁（作者为山东社会科学院" in bylines


def _generated_page_figures(articles: str, more: bool = False, pages: int = 80, seed: int = 5,
                            style: str = "plain") -> dict:
    """Scores of ``pages`` pages laid out by benchmarks/synthetic.py from the seeds' gold
    articles or from news items (``articles``), the rarer artifacts too with ``more``."""
    import random
    import sys
    import tempfile
    from pathlib import Path

    shared("gold")
    shared("eval", "summ")
    sys.path.insert(0, str(SAMPLES.parent / "benchmarks"))
    import synthetic
    from linedata import restyle

    from digest.pipeline import Options, build_digest

    rng = random.Random(seed)
    pool = synthetic.gold_articles() if articles == "seeds" else synthetic.news_articles(rng)
    with tempfile.TemporaryDirectory() as tmp:
        raw, gold = Path(tmp, "raw"), Path(tmp, "gold")
        raw.mkdir()
        gold.mkdir()
        for k in range(pages):
            text, truth = synthetic.make_page(pool, rng, f"g{k:02d}.txt", more=more)
            text = restyle(text, style, rng)
            (raw / f"g{k:02d}.txt").write_text(text, encoding="utf-8")
            (gold / f"g{k:02d}.json").write_text(json.dumps(truth, ensure_ascii=False), encoding="utf-8")
        digest = build_digest([str(raw)], Options(keywords=0, sentences=1))
        assert not digest.errors
        spec = importlib.util.spec_from_file_location("segscore", shared("tools", "segscore.py"))
        scorer = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(scorer)
        return scorer.score(gold, digest.to_dict(), raw)


def test_generated_pages_lose_nothing_and_keep_their_articles():
    """Pages laid out from the seed gold: nothing lost, ever, and floors under the figures
    reached (F1@0.8 0.983, titles 0.971, paragraph breaks 0.929 on these 80 pages)."""
    figures = _generated_page_figures("seeds")
    assert figures["lost_chars"] == 0
    assert figures["article_f1@0.8"] >= 0.975 and figures["title_acc"] >= 0.96, figures
    assert figures["para_break_f1"] >= 0.915, figures


@pytest.mark.parametrize("more", [False, True])
def test_generated_pages_of_unseen_news_keep_their_articles(more):
    """Pages laid out from news items the rules were not written on (dev.jsonl), with and
    without the seeds' rarer artifacts: nothing lost, and floors under the figures reached
    (F1@0.8 0.998 / 0.983, titles 0.975 / 0.964, paragraph breaks 0.950 / 0.924 on these 80
    pages; 0.989 without the artifacts since a page signed by names alone counts as signed
    commentary, which took real pdfminer.six pages from 0.822 to 0.897: a trade, not a slip).
    Titles without the artifacts 0.9651 at stop 38, 0.9619 (a title of 315) at stop 39 with
    the splitter and joiner retrained: a retrain alone moves these pages by a title or an
    article (the stop-38 code trained from seed 21: F1@0.8 0.984), so the title floor is 0.96."""
    figures = _generated_page_figures("news", more)
    assert figures["lost_chars"] == 0
    floor_f1, floor_title, floor_break = (0.965, 0.955, 0.915) if more else (0.985, 0.96, 0.94)
    assert figures["article_f1@0.8"] >= floor_f1 and figures["title_acc"] >= floor_title, figures
    assert figures["para_break_f1"] >= floor_break, figures


@pytest.mark.parametrize("style, floor_f1, floor_title", [("no-blanks", 0.85, 0.75), ("fragments", 0.78, 0.50)])
def test_generated_pages_as_other_extractors_print_them(style, floor_f1, floor_title):
    """The same news pages with no blank line anywhere (PyMuPDF) and with lines cut after
    every comma (pdftotext -raw): nothing lost, and floors under the figures reached with the
    line tagger and the splitter (F1@0.8 0.896 / 0.808, titles 0.767 / 0.527 on these 80 pages;
    with the tagger's second look 0.860 / 0.775 with no blank lines -- on 80 pages a draw moves
    F1 by 0.03: 0.895 and 0.915 on the next seeds, and the held-out 300 pages of test news went
    0.887 -> 0.899 -- so the floor is 0.85;
    before the splitter 0.68 / 0.64 and 0.80 / 0.57: titles are counted over the articles
    found, and the articles it finds anew are often untitled -- in all, more titles are right;
    the rules alone gave 0.49 / 0.43 F1 and 0.42 / 0.27 titles on 150 such pages of test news)."""
    figures = _generated_page_figures("news", style=style)
    assert figures["lost_chars"] == 0
    assert figures["article_f1@0.8"] >= floor_f1 and figures["title_exact"] >= floor_title, figures


@pytest.mark.parametrize("articles, floor_f1, floor_title", [("theory", 0.94, 0.92), ("news", 0.97, 0.96)])
def test_generated_pdf_pages_keep_their_articles(articles, floor_f1, floor_title):
    """PDF pages set at random sizes, columns and drawing orders (benchmarks/pdfsynth.py),
    read back by digest.pdf: nothing lost, and floors under the figures reached (F1@0.8
    0.958 / 0.978, titles 0.935 / 0.972 on these 40 pages of dev items, theory / news, since
    stop 53 sets them as a real sheet is set: justified, tracked lines, squeezed marks, more
    stories a page, and reads a head's text up to 3 body sizes under it; 0.962 / 0.989 and
    0.915 / 0.979 on the pages before)."""
    import sys

    shared("eval", "summ")
    sys.path.insert(0, str(SAMPLES.parent / "benchmarks"))
    import pdfsynth

    spec = importlib.util.spec_from_file_location("segscore", shared("tools", "segscore.py"))
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    figures = pdfsynth.score_pages(scorer, articles, pages=40, seed=5)
    assert figures["lost_chars"] == 0
    assert figures["article_f1@0.8"] >= floor_f1 and figures["title_exact"] >= floor_title, figures


def test_generated_pdf_pages_of_the_real_commentaries_keep_their_articles():
    """The twelve real pages' commentaries (long texts on one subject; text the rules were
    written beside) set in generated PDF layouts (benchmarks/pdfsynth.py --articles real) and
    read back by digest.pdf: nothing lost, floors under the figures reached (F1@0.8 0.941,
    titles 0.914 on these 40 pages since stop 53 sets them as a real sheet is set, up to six
    commentaries a page; 0.984 and 0.973 on the taller, sparser pages before). Reading the
    real PDFs' gold needs PyMuPDF, a development tool: skipped without it."""
    import sys

    pytest.importorskip("pymupdf")
    shared("pages")
    shared("eval", "summ")
    sys.path.insert(0, str(SAMPLES.parent / "benchmarks"))
    import pdfsynth

    spec = importlib.util.spec_from_file_location("segscore", shared("tools", "segscore.py"))
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    figures = pdfsynth.score_pages(scorer, "real", pages=40, seed=5)
    assert figures["lost_chars"] == 0
    assert figures["article_f1@0.8"] >= 0.93 and figures["title_exact"] >= 0.90, figures


def test_summaries_read_alone_and_keywords_tell_articles_apart():
    """The defect checker (digest.summarize.readable) over every article of samples/ and
    the twelve real pages with -n 3: at most 2% of summary sentences defective (0 now: a
    sentence pointing back is no longer taken with one that points back too; 21% before the
    selection read it), at most 1 article in 10 sharing more than two
    keywords with another of its page, no keyword inside another."""
    import sys

    shared("pages")
    sys.path.insert(0, str(SAMPLES.parent / "benchmarks"))
    import readability

    figures = readability.audit(readability.pages())
    assert figures["rate"] <= 0.02, figures
    assert figures["articles_sharing_3_keywords"] <= figures["articles"] / 10, figures
    assert figures["articles_with_nested_keywords"] == 0, figures
