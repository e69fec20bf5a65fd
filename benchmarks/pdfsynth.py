"""The PDF path on generated pages: articles set in type at random sizes, columns and
places, drawn in random orders, read back by ``digest.pdf.lay_out`` and segmented.

    python benchmarks/pdfsynth.py [--pages N] [--seed S] [--articles news|news-test|theory|theory-test|real]

A page is what PDFium would report for an e-paper page: each character with its box, type
size and font. Nothing here was looked at while ``digest/pdf.py`` and ``digest/geometry.py``
were written (they were built on the twelve real PDFs of ../shared/pages), so these
figures say how the PDF path holds on layouts it has not seen. Every assumption is drawn
at random per page or per article: body size and leading, column width and count, how many
columns an article spans, head size and wrapping (a page's heads on one line across a span
made wide enough for them, as the real theory pages set them, or wrapped at their article's
width), kicker over or deck under the title,
letter-spaced heads, vertical heads set right of their text with the author beside them,
the author line under the head or after the text, section heads inside the text, author
notes, a banner, the masthead, and the drawing order (heads first, heads after their text,
columns of an article in any order, articles in any order). The text is news of
../shared/eval/summ (dev to tune on, test to report on), or with ``--articles real`` the
twelve real pages' own commentaries (long texts on one subject; text tuned on, layouts new).
Articles are placed on a grid of columns by skyline packing, each as high as its text needs,
on a sheet about as high as √2 its width: a story that fits at no width is left for another page.
The type is set as the real pages set it (``make realism --drawn`` compares the dumps with
the real ones): lines justified, text tracked a little apart or solid, punctuation squeezed
into half its square, a story's text in columns of its own width, heads clear of the box
beside them and set over a gap.
"""
from __future__ import annotations

import argparse
import json
import math
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import ROOT, SHARED, news_articles  # noqa: E402
from segbench import FIGURES, load_scorer, print_figures  # noqa: E402

BANNERS = ["认真学习宣传贯彻党的十九大精神", "深入学习贯彻习近平新时代中国特色社会主义思想", "奋进新征程 建功新时代"]
DECK = 0.25  # how often a title has a deck under it
KICKER = 0.2  # ... or a kicker over it


class Setter:
    """Sets one page: a list of glyphs (drawing order decided later) and its gold."""

    def __init__(self, rng: random.Random):
        from digest.pdf import Glyph

        self.Glyph, self.rng = Glyph, rng
        self.body = rng.uniform(7.5, 11.0)
        self.leading = self.body * rng.uniform(1.25, 1.5)
        self.gutter = self.body * rng.uniform(1.0, 2.2)
        self.chars = rng.randint(11, 20)  # characters a column line holds
        self.columns = rng.randint(4, 8)
        # text set a little apart (the real pages: 0.09-0.2 of a character between characters, which
        # the extractors print as spaces in a third of the lines), or solid
        self.tracking = rng.uniform(0.03, 0.22) if rng.random() < 0.7 else 0.0
        # punctuation squeezed to half a character, as the real pages set it (a box the next character
        # overlaps: where pdftotext -raw breaks its lines), or given its full square
        self.squeeze = rng.random() < 0.7
        self.unit = self.body * (1 + self.tracking)  # a body character's advance
        self.column_width = self.chars * self.unit
        self.margin = rng.uniform(10, 40)
        self.width = 2 * self.margin + self.columns * self.column_width + (self.columns - 1) * self.gutter
        self.height = self.width * rng.uniform(1.3, 1.5)  # a sheet's shape (the real pages: 1017 x 1438 pt)
        # a page's heads on one line across the columns their article spans (as a theory page
        # sets them: the article is made wide enough), or wrapped to the article's width
        self.one_line_heads = rng.random() < 0.5
        self.head_gap = rng.uniform(0.3, 2.5)  # space under a head, in body sizes (real pages: 0.7-3)

    def text(self, x: float, top: float, size: float, text: str, font: str, tracking: float = 0.0,
             vertical: bool = False, fit: float | None = None, justify: bool = False) -> list:
        """Glyphs of one line; FIT: the width it must keep to (a line too long has its characters
        set closer; with JUSTIFY, one too short has them set apart to fill it, as a typesetter
        fills every line of a paragraph but its last)."""
        offsets, pos = [], 0.0
        for k, ch in enumerate(text):
            if self.squeeze and k and ch in OPENING_MARKS:
                pos -= size * 0.5  # an opening mark takes the right half of its square
            offsets.append(pos)
            pos += size * (0.55 if self.squeeze and ch in CLOSING_MARKS else 1) * (1 + tracking)
        natural = offsets[-1] + size if offsets else 0.0
        if fit and len(offsets) > 1 and offsets[-1] > 0 and (natural > fit or justify and natural < fit):
            offsets = [o * (fit - size) / offsets[-1] for o in offsets]
        out = []
        for k, ch in enumerate(text):
            if ch == " ":
                continue
            gx, gy = (x, top + k * size * 1.05) if vertical else (x + offsets[k], top)
            spaced = k > 0 and text[k - 1] == " "  # PDFium marks the character after a printed space
            out.append(self.Glyph(ch, gx, gy, gx + size, gy + size, round(size, 1), font, spaced))
        return out

    def column_x(self, col: int) -> float:
        return self.margin + col * (self.column_width + self.gutter)

    def span_width(self, k: int) -> float:
        return k * self.column_width + (k - 1) * self.gutter


NO_LINE_START = set("，。、；：？！）》」』”’…%,.;:?!)")  # a typesetter never begins a line with these
CLOSING_MARKS = set("，。、；：？！）》」』”’")  # marks set in the left half of their square
OPENING_MARKS = set("（《「『“‘")  # ... and in the right half


def _wrap(text: str, chars: int, indent: int = 0) -> list[tuple[int, str]]:
    """(indent, line) pairs: a paragraph wrapped at CHARS, its first line INDENT short; a
    closing mark that would begin a line is squeezed onto the line before (避头尾)."""
    out, first = [], True
    while text:
        room = chars - (indent if first else 0)
        while room < len(text) and text[room] in NO_LINE_START:
            room += 1
        out.append((indent if first else 0, text[:room]))
        text, first = text[room:], False
    return out


def set_article(s: Setter, article: dict, x: float, top: float, span: int) -> tuple[list[list], float]:
    """Glyph groups (head, author, each column, note) of one article set at (x, top) over
    SPAN grid columns, and the height it took."""
    rng, body = s.rng, s.body
    width = s.span_width(span)
    vertical = len(article["title"]) <= 12 and rng.random() < 0.15
    head_groups: list[list] = []
    y = top
    strip = 0.0
    subtitle = article.get("subtitle")
    if vertical:
        size = body * rng.uniform(2.0, 3.2)
        strip = size + body * 2.5
        head_groups.append(s.text(x + width - size, top, size, article["title"], "FZXBSK", vertical=True))
        if article.get("byline"):
            head_groups.append(s.text(x + width - strip + body * 0.3, top + size, body * 1.15,
                                      article["byline"].replace(" ", ""), "FZKTK", vertical=True))
        subtitle = None
    else:
        # a head keeps clear of the box beside it (the real pages' heads never run into a neighbour's)
        room = width - body * rng.uniform(0.8, 3.0)
        size = body * rng.uniform(1.8, 4.5)
        if s.one_line_heads:
            size = min(body * rng.uniform(2.5, 6.0), max(room / len(article["title"]), body * 1.8))
        if len(article["title"]) * size > room:  # smaller, down to 1.8 body sizes, then wrapped
            size = max(body * 1.8, min(size, room / math.ceil(len(article["title"]) / 2)))
        per_line = max(1, int(room / size))
        title_lines = [article["title"][k:k + per_line] for k in range(0, len(article["title"]), per_line)]
        tracking = rng.uniform(0.2, 0.8) if len(article["title"]) <= 10 and rng.random() < 0.2 else 0.0
        if tracking and len(article["title"]) * size * (1 + tracking) > room:
            tracking = 0.0
        kicker = subtitle and not subtitle.startswith("——") and rng.random() < 0.7
        sub_size = min(body * rng.uniform(1.3, 2.0), size * 0.8)  # a kicker or deck is set smaller than its title
        sub_per_line = max(1, int(room / sub_size))
        # a subtitle of several pieces (the gold joins them with " / ") is set a piece a line, as the real
        # page sets "双手联弹" / "双量发力" / …
        sub_lines = [piece[k:k + sub_per_line] for piece in (subtitle or "").split(" / ")
                     for k in range(0, len(piece), sub_per_line)]
        if subtitle and kicker:
            for line in sub_lines:
                head_groups.append(s.text(x, y, sub_size, line, "FZHTK"))
                y += sub_size * 1.4
            y += sub_size * 0.3
        for line in title_lines:
            indent = (width - len(line) * size * (1 + tracking)) / 2 if rng.random() < 0.5 else 0
            head_groups.append(s.text(x + max(indent, 0), y, size, line, "FZDHTK", tracking))
            y += size * 1.25
        if subtitle and not kicker:
            for line in sub_lines:
                head_groups.append(s.text(x, y, sub_size, line, "FZFSK"))
                y += sub_size * 1.4
            y += sub_size * 0.3
        y += body * s.head_gap * rng.uniform(0.7, 1.3)
    # the author line after the text: a news item's now and then; a commentary's (it has an
    # author's note) under its head, as on every real theory page we hold
    byline_after = article.get("byline") and not vertical and rng.random() < (0.05 if article.get("note") else 0.3)
    if article.get("byline") and not vertical and not byline_after:
        head_groups.append(s.text(x + rng.uniform(0, width / 3), y, body * rng.uniform(1.0, 1.2), article["byline"], "FZKTK"))
        y += body * rng.uniform(1.6, 3.5)
    # the text: paragraphs and section heads wrapped to the column, then dealt into columns
    # its own columns over the grid's (a story may set its text in a column more or fewer than the
    # grid columns it spans: the real pages' lines are of several widths), none under 8 characters
    columns = max(1, span if not vertical else math.floor((width - strip + s.gutter) / (s.column_width + s.gutter)))
    columns = max(1, columns + rng.choice((-1, 0, 0, 0, 1)))
    while columns > 1 and (width - strip - (columns - 1) * s.gutter) / columns < 8 * s.unit:
        columns -= 1
    column = (width - strip - (columns - 1) * s.gutter) / columns
    chars = int(column / s.unit)
    rows: list[tuple[str, float, int, str, bool]] = []  # (kind, size, indent, text, a paragraph's last line)
    for k, paragraph in enumerate(article["paragraphs"]):
        if k in article.get("sections", ()):
            sec = body * rng.uniform(1.3, 1.7)
            rows.append(("gap", body, 0, "", True))
            rows += [("section", sec, 0, t, True) for _, t in _wrap(paragraph, max(4, int(chars * s.unit / sec) - 1))]
            rows.append(("gap", body, 0, "", True))
        else:
            lines = _wrap(paragraph, chars, 2)
            rows += [("body", body, i, t, n == len(lines) - 1) for n, (i, t) in enumerate(lines)]
    if byline_after:
        rows.append(("byline", body * 1.1, 0, article["byline"], True))
    if article.get("note"):
        lines = _wrap(article["note"], chars)
        rows += [("note", body, 0, t, n == len(lines) - 1) for n, (_, t) in enumerate(lines)]
    per_column = math.ceil(sum(s.leading * (r[1] / body) for r in rows) / columns)
    groups = head_groups
    col, cy, group = 0, y, []
    for kind, row_size, indent, text, last in rows:
        step = s.leading * (row_size / body)
        if cy + step > y + per_column + 0.5 and col + 1 < columns:
            groups.append(group)
            col, cy, group = col + 1, y, []
        if kind == "gap":
            cy += step * 0.5
            continue
        cx = x + col * (column + s.gutter) + indent * s.unit
        font = {"body": "FZBSK", "section": "FZHTK", "byline": "FZKTK", "note": "FZHTK"}[kind]
        if kind == "byline":
            cx += max(0.0, chars * s.unit - len(text) * row_size)
        group += s.text(cx, cy, row_size, text, font, s.tracking, fit=(chars - indent) * s.unit, justify=not last)
        cy += step
    groups.append(group)
    height = max(cy, y + per_column) - top
    if vertical:
        height = max(height, len(article["title"]) * size * 1.05)
    return [g for g in groups if g], height


def _fit(s: Setter, article: dict, skyline: list[float], span: int, rng: random.Random):
    """Where ARTICLE goes on the sheet: the lowest place SPAN grid columns wide, or wider
    (a long text is set across more columns to fit), with a banner over it now and then;
    (column, span, top, banner glyphs and text or None, glyph groups, height), or None when
    it fits under the sheet's foot at no width."""
    for width in range(span, s.columns + 1):
        col = min(range(s.columns - width + 1), key=lambda c: (max(skyline[c:c + width]), c))
        top = max(skyline[col:col + width]) + s.body * rng.uniform(1.5, 3.5)
        banner = None
        text = rng.choice(BANNERS)
        size = min(s.body * rng.uniform(2.0, 3.0), s.span_width(width) / len(text))
        if rng.random() < 0.15 and size >= s.body * 1.6:  # a banner over the article
            banner = (s.text(s.column_x(col), top, size, text, "FZHTK"), text)
        groups, height = set_article(s, article, s.column_x(col), top + (size * 1.8 if banner else 0), width)
        if banner:
            height += size * 1.8
        if top + height <= s.height - s.margin:
            return col, width, top, banner, groups, height
    return None


def make_page(articles: list[dict], rng: random.Random, name: str) -> tuple[list, dict]:
    s = Setter(rng)
    wanted = rng.randint(2, 8)
    skyline = [s.margin + 40.0] * s.columns
    masthead = f"2026年1月{rng.randint(1, 28)}日 星期{rng.choice('一二三四五六日')}"
    pieces: list[list] = [s.text(s.margin, s.margin, s.body * 1.2, masthead, "NEU")]
    noise = [masthead]
    placed, chosen = [], []
    for article in (dict(a) for a in rng.sample(articles, min(len(articles), 3 * wanted))):
        if len(chosen) == wanted:
            break
        span = rng.randint(1, min(s.columns, 4))
        if s.one_line_heads:  # wide enough for its head on one line at 2.5 body sizes
            while span < s.columns and s.span_width(span) < len(article["title"]) * 2.5 * s.body:
                span += 1
        if sum(len(p) for p in article["paragraphs"]) > 1500:
            span = max(span, min(s.columns, 3))
        fitted = _fit(s, article, skyline, span, rng)  # the page is a sheet: a story that fits nowhere waits
        if fitted is None:
            continue
        col, span, top, banner, groups, height = fitted
        if banner:
            pieces.append(banner[0])
            noise.append(banner[1])
        placed.append(groups)
        chosen.append(article)
        skyline[col:col + span] = [top + height] * span
        if article.get("note"):
            noise.append(article["note"])
    # drawing order: heads first or after their text, columns in order or not, articles any order
    heads_after = rng.random() < 0.4
    rng.shuffle(placed)
    for groups in placed:
        text_groups = [g for g in groups if g[0].size <= s.body * 1.2 + 0.05 and g[0].font != "FZKTK" or len(g) > 40]
        head_groups = [g for g in groups if g not in text_groups]
        if rng.random() < 0.2:
            rng.shuffle(text_groups)
        pieces += text_groups + head_groups if heads_after else head_groups + text_groups
    if rng.random() < 0.2:
        rng.shuffle(pieces)
    glyphs = [g for piece in pieces for g in piece]
    for article in chosen:
        article.pop("note", None)
        article.pop("sections", None)
    gold = {"source": name, "paper": None, "date": None, "page": None, "articles": chosen, "noise": noise}
    return glyphs, gold


ARTICLE_SETS = ("news", "news-test", "theory", "theory-test", "real")


def article_pool(rng: random.Random, articles: str) -> list[dict]:
    """The articles pages of ARTICLES (one of ARTICLE_SETS) are set from."""
    from theory import theory_articles

    if articles == "real":
        return real_articles(rng)
    split = "test" if articles.endswith("-test") else "dev"
    return theory_articles(rng, split) if articles.startswith("theory") else news_articles(rng, split)


def _author_names(day: str) -> list[list[str]]:
    """Each real article's authors as its page prints them: names apart, a two-character name
    spaced out to the width of three ("徐方平 高 静"; the gold keeps the names run together)."""
    from heldout import ARTICLES, author_lines, inside

    pieces = author_lines(SHARED / "pages" / f"rmrb-2018{day}-07.pdf")
    out = []
    for _, _, rects in ARTICLES[day]:
        names: list[str] = []
        loose = ""  # characters the PDF drew one by one make one name
        for _, _, text in sorted((round(y0), x0, t.strip()) for x0, y0, x1, y1, t in pieces
                                 if inside(rects, x0, y0, x1, y1)):
            if len(text) == 1:
                loose += text
                continue
            names += [loose] if loose else []
            names.append(text)
            loose = ""
        names += [loose] if loose else []
        out.append([" ".join(name) if len(name) == 2 else name for name in names])
    return out


def _section_head(paragraph: str) -> bool:
    """A short paragraph that closes no sentence is a section head the real page set as one."""
    return len(paragraph) <= 30 and paragraph[-1:] not in "。！？”…）)"


def real_articles(rng: random.Random) -> list[dict]:
    """The twelve real pages' 44 commentaries: title and kicker from the stand-in gold
    (``heldout.gold_page``), authors as printed, the text as ``digest`` reads it off the real
    PDF (paragraphs in order, section heads set as such; the gold's text runs some lines of
    two columns together, which is no matter to the scorer and garbles sentences to set), an
    author's note drawn as ``theory`` draws them: long texts on one subject each, as no news
    pool has them, to set in layouts no real page has. The text is what the rules were written
    beside (tuned on), so these pages test layouts, not wording; and it is the PDF path's
    reading of those pages (F1@0.8 1.0 against their gold today): a change to the PDF path
    changes these pages' text as well as how they are read."""
    from collections import Counter

    from heldout import ARTICLES, gold_page
    from theory import PLACES, TITLES

    from digest.pipeline import Options, build_digest

    out = []
    for day in ARTICLES:
        pdf = SHARED / "pages" / f"rmrb-2018{day}-07.pdf"
        read = build_digest([str(pdf)], Options(keywords=0, sentences=1)).sources[0].articles
        bags = [Counter("".join(a.paragraphs)) for a in read]
        for article, names in zip(gold_page(day)["articles"], _author_names(day)):
            gold = Counter("".join(article["paragraphs"]))
            best = max(range(len(read)), key=lambda k: sum((bags[k] & gold).values()))
            paragraphs = [p for p in read[best].paragraphs if p.strip()]
            out.append({"title": article["title"], "subtitle": article.get("subtitle"),
                        "byline": " ".join(names) or None, "complete_start": True, "continued": None,
                        "paragraphs": paragraphs, "note": f"（作者为{rng.choice(PLACES)}{rng.choice(TITLES)}）",
                        "sections": {k for k, p in enumerate(paragraphs) if k and _section_head(p)}})
    return out


def score_pages(scorer, articles: str, pages: int, seed: int, keep: Path | None = None) -> dict:
    """The scorer's figures on PAGES generated pages of ARTICLES (news, theory, …-test)."""
    sys.path.insert(0, str(ROOT))
    from digest.model import Digest, Page
    from digest.pdf import lay_out
    from digest.pipeline import Options, digest_page
    rng = random.Random(seed)
    pool = article_pool(rng, articles)
    digest = Digest(method="lead")
    with tempfile.TemporaryDirectory() as tmp:
        folder = keep or Path(tmp)
        raw, gold = folder / "raw", folder / "gold"
        raw.mkdir(parents=True, exist_ok=True)
        gold.mkdir(parents=True, exist_ok=True)
        for k in range(pages):
            name = f"pdfsynth_{k:03d}.txt"
            glyphs, truth = make_page(pool, rng, name)
            text, geometry = lay_out(glyphs)
            (raw / name).write_text(text, encoding="utf-8")
            (gold / f"pdfsynth_{k:03d}.json").write_text(json.dumps(truth, ensure_ascii=False), encoding="utf-8")
            page = Page(name, text, "pdf", geometry)
            digest.sources.append(digest_page(page, Options(method="lead", keywords=0, sentences=1)))
        figures = scorer.score(gold, digest.to_dict(), raw)
        if keep:
            (folder / "digest.json").write_text(json.dumps(digest.to_dict(), ensure_ascii=False, indent=1), "utf-8")
    return figures


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=100)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--articles", choices=ARTICLE_SETS, default="theory-test")
    ap.add_argument("--show", action="store_true", help="print the figures of each page too")
    ap.add_argument("--keep", type=Path, help="write the pages (as dumps), their gold and the digest to this folder")
    args = ap.parse_args()
    scorer = load_scorer(SHARED, needs="eval/summ")
    if scorer is None:
        return 0
    figures = score_pages(scorer, args.articles, args.pages, args.seed, args.keep)
    print_figures(figures, FIGURES, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
