"""A second page generator, written apart from ``synthetic.py`` and never trained or tuned on:
the stand-in for "a generator you have not seen" (issue 12). Report only.

    python benchmarks/othergen.py [--pages N] [--seed S] [--show]

It draws its own habits, each a random variable of the page or the article, and shares no
layout code with the training generator: heads wrapped over one to three lines at a head
width of their own; kickers and decks taken from the article's own first sentence; no gap,
one or two blank lines under a head; a byline under the head, in brackets after the text
("（记者 王海涛）"), "文/图 …" or none; datelines of several shapes; paragraphs set with or
without a blank line between them and with or without a full-width indent ("　　");
a page header and an editor's line ("责任编辑：…") as furniture, picture credits; a column
break every so many lines; and now and then the whole page's heads printed after their
text. Articles are the held-out news (``eval/summ/test.jsonl``). Needs ../shared.
"""
from __future__ import annotations

import json
import os
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DIGEST_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from segbench import generator_main  # noqa: E402

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红飞鹏宇浩凯晨辉晶琳欣悦婷雪瑞博文斌波宁亮鑫"
SECTIONS = ["要闻", "经济", "综合", "财经", "国内", "观察"]
DATELINES = ["本报讯 ", "本报北京{m}月{d}日电 ", "新华社北京{m}月{d}日电 ", "本报讯（记者 {n}）", "据新华社报道，", ""]
CREDITS = ["（图片来源：视觉中国）", "图为{place}一景。{n} 摄", "制图：{n}", "本版图片均为资料图"]
PLACES = ["杭州西湖", "上海外滩", "深圳前海", "北京中关村", "成都天府新区"]
CLOSE = "，。、；：？！）》”’…"


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))


def sentences(text: str) -> list[str]:
    return [s for s in re.findall(r"[^。！？]+[。！？]+[”’）]?|[^。！？]+$", text) if s.strip()]


def cells(text: str) -> float:
    return sum(0.5 if ch.isascii() else 1.0 for ch in text)


def wrap(text: str, width: int, indent: str) -> list[str]:
    """Hard wrapped at WIDTH cells, closing punctuation kept on the line it closes."""
    lines, line = [], indent
    for ch in text:
        if cells(line + ch) > width and ch not in CLOSE and line.strip():
            lines.append(line)
            line = ""
        line += ch
    if line.strip():
        lines.append(line)
    return lines


def articles(rng: random.Random, split: str = "test") -> list[dict]:
    """The news of SPLIT (eval/summ): test for the pages scored, dev for the pages trained on."""
    out = []
    for row in (SHARED / "eval" / "summ" / f"{split}.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(row)
        title = re.sub(r"\s+", "", item["summary"])
        parts = sentences(re.sub(r"\s+", "", item["text"]))
        if len(parts) < 3 or not 6 <= len(title) <= 44:
            continue
        paragraphs, k = [], 0
        while k < len(parts):
            n = rng.choice((1, 1, 2, 2, 3, 4))
            paragraphs.append("".join(parts[k : k + n]))
            k += n
        out.append({"title": title, "paragraphs": paragraphs})
    return out


def article_lines(source: dict, rng: random.Random, page: dict) -> tuple[list[str], list[str], dict]:
    """(head lines, text lines, gold article) of one article."""
    paragraphs = list(source["paragraphs"])
    gold = {"title": source["title"], "subtitle": None, "byline": None, "complete_start": True,
            "continued": None, "paragraphs": paragraphs}
    head_width = rng.randint(9, 18)
    head = wrap(source["title"], head_width, "") if len(source["title"]) > head_width and rng.random() < 0.6 \
        else [source["title"]]
    head = head[:3] if len(head) <= 3 else [source["title"]]
    clause = re.split(r"[，：；。]", paragraphs[0])[0]
    extra = None
    if 6 <= len(clause) <= 18 and rng.random() < page["decks"]:
        extra = clause
        head = [extra] + head if rng.random() < 0.5 else head + ["——" + extra]
        gold["subtitle"] = extra if head[0] == extra else "——" + extra
    byline_at = rng.choice(("under", "under", "end", "none", "none"))
    name = person(rng)
    m, d = rng.randint(1, 12), rng.randint(1, 28)
    dateline = rng.choice(DATELINES).format(m=m, d=d, n=name)
    if dateline and rng.random() < page["datelines"]:
        paragraphs[0] = dateline + paragraphs[0]
    heads = list(head)
    if byline_at == "under":
        gold["byline"] = rng.choice(("本报记者 {0}", "记者 {0} 通讯员 {1}", "文/{0}")).format(name, person(rng))
        heads.append(gold["byline"])
    heads += [""] * rng.choice(page["gaps"])
    width = rng.randint(13, 24)
    text: list[str] = []
    for k, paragraph in enumerate(paragraphs):
        text += wrap(paragraph, width, page["indent"])
        if page["blank_paragraphs"] and k + 1 < len(paragraphs):
            text.append("")
    if byline_at == "end":
        gold["byline"] = f"（记者 {name}）"
        text[-1] += gold["byline"] if rng.random() < 0.5 else ""
        if not text[-1].endswith(gold["byline"]):
            text.append(gold["byline"])
    every = rng.randint(18, 40)
    text = [line for k, line in enumerate(text, 1) for line in ([line, ""] if k % every == 0 else [line])]
    return heads, text, gold


def page(pool: list[dict], rng: random.Random, name: str) -> tuple[str, dict]:
    habits = {"decks": rng.choice((0.0, 0.3, 0.6)), "datelines": rng.random(), "gaps": rng.choice(((0,), (0, 1), (1,), (1, 2))),
              "indent": rng.choice(("", "", "　　")), "blank_paragraphs": rng.random() < 0.3,
              "heads_after": rng.random() < 0.1}
    noise = [f"{rng.randint(2020, 2023)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日 星期{rng.choice('一二三四五六日')}",
             f"A{rng.randint(1, 16)}", rng.choice(SECTIONS)]
    lines = [" ".join(noise), ""]
    noise = [" ".join(noise)]
    chosen = [dict(a) for a in rng.sample(pool, rng.randint(2, 5))]
    golds = []
    for source in chosen:
        head, text, gold = article_lines(source, rng, habits)
        block = text + [""] + [h for h in head if h] if habits["heads_after"] else head + text
        lines += block + [""]
        golds.append(gold)
        if rng.random() < 0.25:
            credit = rng.choice(CREDITS).format(place=rng.choice(PLACES), n=person(rng))
            lines += [credit, ""]
            noise.append(credit)
    editor = f"责任编辑：{person(rng)}　美术编辑：{person(rng)}"
    lines.append(editor)
    noise.append(editor)
    gold = {"source": name, "paper": None, "date": None, "page": None, "articles": golds, "noise": noise}
    return "\n".join(lines) + "\n", gold


if __name__ == "__main__":
    sys.exit(generator_main(__doc__.splitlines()[0], SHARED, articles, page, "other"))
