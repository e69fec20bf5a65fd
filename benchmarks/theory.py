"""Generated commentary pages, shaped like a daily's theory page (人民日报 理论版) and unlike
the seeds' news pages: long articles under a head (now and then a kicker over it, or the
head printed one character a line in a narrow column, its author's name likewise), the
author's name on a line of its own, section heads wrapped over two or three short lines,
an author's note closing each article (（作者为…）), a page banner; the heads printed first,
or (as content-stream extractors print them) every head after its text. The text is news
of ../shared/eval/summ (dev to tune on, test to report on), so no page is a real one.
Every choice is drawn at random per page or per article.
"""
from __future__ import annotations

import json
import random
import re

from synthetic import SHARED, spaced, wrap

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志文辉力永健世宏春晓雪海波宁鹏云飞凯"
PLACES = ["中国人民大学", "北京大学", "中共中央党校", "中国社会科学院", "武汉大学", "复旦大学", "南开大学", "山东大学"]
TITLES = ["教授", "研究员", "副教授", "党委书记", "院长"]
BANNERS = ["认真学习宣传贯彻党的十九大精神", "深入学习贯彻习近平新时代中国特色社会主义思想"]
ALIKE = 0.4  # items this alike (bigram cosine) are on one subject: sections of one article
SIDEBARS = 0.0  # how often a page's first article has a boxed commentary set inside it (--sidebars; no draw at 0)
_PUNCT = re.compile(r"[，。、；：！？“”‘’（）《》,.;:!?()\s]")


def name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def phrase(text: str, rng: random.Random, low: int, high: int) -> str:
    """A head-like phrase from a headline: no punctuation, LOW to HIGH characters."""
    from digest.nlp import cut

    out = ""
    for word in cut(_PUNCT.sub("", text)):  # whole words: a head ends where a word does
        if len(out) >= low and (len(out) + len(word) > high or rng.random() < 0.3):
            break
        out += word
    return out[:high]


def theory_articles(rng: random.Random, split: str = "dev", count: int = 200) -> list[dict]:
    """Articles of one to three news items on one subject, with section heads worded from
    the text under them."""
    from digest.text import split_sentences

    items = [json.loads(line) for line in (SHARED / "eval" / "summ" / f"{split}.jsonl").read_text(
        encoding="utf-8").splitlines()]
    from digest.pieces import similarity

    han = [re.sub(r"[^\u4e00-\u9fff]", "", item["text"]) for item in items]
    out = []
    for _ in range(count):
        # an article's sections are on its subject: the items most alike the first one
        first = rng.randrange(len(items))
        alike = [k for k in range(len(items)) if k != first and similarity(han[first], han[k]) >= ALIKE]
        parts = [items[first]] + [items[k] for k in rng.sample(alike, min(len(alike), rng.randint(0, 2)))]
        paragraphs: list[str] = []
        sections: set[int] = set()
        for item in parts:
            sentences = split_sentences(re.sub(r"\s+", "", item["text"]))
            while sentences:
                if paragraphs and rng.random() < 0.25:  # a section head, worded from the text under it
                    sections.add(len(paragraphs))
                    paragraphs.append(phrase(sentences[0], rng, 6, 14))
                take = rng.randint(1, 3)
                paragraphs.append("".join(sentences[:take]))
                sentences = sentences[take:]
        kicker = phrase(rng.choice(items)["summary"], rng, 8, 18) if rng.random() < 0.3 else None
        out.append({"title": phrase(parts[0]["summary"], rng, 6, 18), "subtitle": kicker, "byline": name(rng),
                    "complete_start": True, "continued": None, "paragraphs": paragraphs,
                    "note": f"（作者为{rng.choice(PLACES)}{rng.choice(TITLES)}）", "sections": sections})
    return out


def _article_lines(article: dict, rng: random.Random) -> tuple[list[str], list[str]]:
    """(head lines, text lines) of one article as printed."""
    vertical = len(article["title"]) <= 12 and rng.random() < 0.25
    if vertical:  # a narrow column: head and author one character a line
        head = list(article["title"]) + list(article["byline"])
    else:
        title = spaced(article["title"]) if rng.random() < 0.2 else article["title"]
        author = " ".join(article["byline"]) if len(article["byline"]) == 2 else article["byline"]
        head = ([article["subtitle"], ""] if article["subtitle"] else []) + [title, author]
    width = rng.randint(12, 22)
    text: list[str] = []
    for k, paragraph in enumerate(article["paragraphs"]):
        if k in article["sections"]:
            cut = rng.randint(5, 9)  # a section head wrapped in a narrow box
            text += [""] + [paragraph[k : k + cut] for k in range(0, len(paragraph), cut)] + [""]
        else:
            text += wrap(paragraph, width, rng)
    note = article["note"]
    text += [note] if len(note) <= width or rng.random() < 0.5 else [note[:width], note[width:]]
    return head, text


def theory_page(articles: list[dict], rng: random.Random, page_name: str) -> tuple[str, dict]:
    chosen = [dict(a) for a in rng.sample(articles, rng.randint(2, 4))]
    heads_after = rng.random() < 0.5  # the content stream's order, for the whole page
    date = f"2018年1月{rng.randint(1, 31)}日 星期{rng.choice('一二三四五六日')}"
    lines = ["7 理论", "理论", date, ""]
    noise = ["7 理论", "理论", date]
    if rng.random() < 0.5:
        banner = rng.choice(BANNERS)
        lines += [banner, ""]
        noise.append(banner)
    boxed = []
    for n, article in enumerate(chosen):
        head, text = _article_lines(article, rng)
        if n == 0 and SIDEBARS and rng.random() < SIDEBARS:
            from digest.text import display_width

            box = _sidebar(rng.choice(articles), max(display_width(line) for line in text), rng)
            text = _set_inside(text, box, rng)
            boxed.append(box)
        lines += (text + [""] + head if heads_after else head + [""] + text) + [""]
        noise.append(article.pop("note"))
        article.pop("sections")
    chosen += [box["gold"] for box in boxed]
    gold = {"source": page_name, "paper": None, "date": None, "page": None, "articles": chosen, "noise": noise}
    return "\n".join(lines) + "\n", gold


def _sidebar(article: dict, host_width: float, rng: random.Random) -> dict:
    """A short signed commentary in a box narrower than the text it stands in (0117: 14
    characters a line in 17): its head (letter-spaced or not), author and a few paragraphs of
    another article."""
    paragraphs = [p for k, p in enumerate(article["paragraphs"]) if k not in article["sections"]][: rng.randint(2, 4)]
    width = max(9, int(host_width) - rng.randint(2, 5))
    title = article["title"]
    return {"head": [spaced(title) if rng.random() < 0.5 else title], "byline": name(rng),
            "text": [line for p in paragraphs for line in wrap(p, width, rng)],
            "gold": {"title": title, "subtitle": None, "byline": None, "complete_start": True, "continued": None,
                     "paragraphs": paragraphs}}


def _set_inside(text: list[str], box: dict, rng: random.Random) -> list[str]:
    """The article's text with the box printed inside it, as pdftotext prints a box set among
    an article's columns: at a column's line (mid-sentence or not), its author's name over its
    text, and, half the time, its text from a column on first and its head after that part
    (the box's top columns read after its bottom ones)."""
    box["gold"]["byline"] = box["byline"]
    at = rng.randint(len(text) // 4, max(len(text) // 4, 3 * len(text) // 4))
    lines = box["text"]
    cut = rng.randint(1, max(1, len(lines) - 1)) if rng.random() < 0.5 and len(lines) > 2 else 0
    inside = [""] + [box["byline"], ""] + lines[cut:] + [""] + box["head"] + [""] + lines[:cut] + [""] if cut \
        else [""] + box["head"] + [box["byline"], ""] + lines + [""]
    return text[:at] + inside + text[at:]
