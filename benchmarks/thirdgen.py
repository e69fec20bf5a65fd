"""A third page generator, written at stop 48 apart from ``synthetic.py`` (the training
generator) and ``othergen.py`` (the second, read while tuning since stop 33), and never
trained or tuned on: a fresh stand-in for "a generator you have not seen" (issue 12).
Report only; seeds 1 and 2 may be read, every other seed is held out.

    python benchmarks/thirdgen.py [--pages N] [--seed S] [--show] [--keep DIR]

Its habits are the variables issue 12 lists that the second generator holds fixed, each a
random variable of the page or the article: kickers that are series labels or a later
sentence's clause (never the text's first clause), decks with or without a dash; heads over
one to four lines, wrapped at their width or at a phrase, letter-spaced (punctuation too) or
printed one character a line (a vertical head); no gap, one or two blank lines between kicker,
title, deck and text; bylines of several shapes under the head, glued to the text's last
line, or none; author notes; section heads inside long articles; paragraphs with a full-width,
an ASCII or no indent, blank lines between them or not, a stray blank line inside one now and
then; articles run together with no gap; jump markers, captions, photo credits and editors'
lines anywhere between articles; and now and then the page's heads printed after their text.
Articles are the held-out news (``eval/summ/test.jsonl``). Needs ../shared.
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

FAMILY = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜谢邹喻柏窦章苏潘葛范彭鲁韦马苗方俞任袁柳鲍史唐薛雷贺倪汤殷罗毕郝安常乐傅齐康伍余顾孟黄穆萧尹姚邵汪祁毛狄米贝明臧"
GIVEN = "建国志强海燕晓东丽华明辉文博雅琴子涵思远国栋佳怡宏伟振华春生秋菊立新红梅俊杰雨桐"
SERIES = ["聚焦全国两会", "新春走基层", "权威发布", "高质量发展调研行", "一线观察", "关注民生", "经济新方位",
          "奋进新征程", "记者手记", "数说经济", "深度报道", "今日关注", "热点解读", "新闻链接"]
SECTIONS = ["要闻", "经济", "社会", "国际", "综合新闻", "财经周刊", "区域经济"]
CLOSE = "，。、；：？！）》”’…"
NOTES = ["（作者为{}大学教授）", "（作者单位：{}省社会科学院）", "（作者系{}研究院研究员）"]
PLACES = ["北京", "上海", "广东", "浙江", "四川", "湖北", "山东", "陕西"]


def person(rng: random.Random) -> str:
    given = GIVEN[2 * rng.randrange(len(GIVEN) // 2):][: rng.choice((1, 2))]
    return rng.choice(FAMILY) + given


def width_of(text: str) -> float:
    return sum(0.5 if ch.isascii() else 1.0 for ch in text)


def hard_wrap(text: str, width: float, first: str = "") -> list[str]:
    """Cut at ``width`` cells; a closing mark stays on the line it closes."""
    lines, line = [], first
    for ch in text:
        if width_of(line + ch) > width and ch not in CLOSE and line.strip():
            lines.append(line)
            line = ""
        line += ch
    return lines + ([line] if line.strip() else [])


def head_lines(title: str, rng: random.Random, page: dict) -> list[str]:
    """A head as printed: one line, wrapped at a width or at a phrase, letter-spaced or vertical."""
    if rng.random() < page["vertical"] and len(title) <= 12:
        return list(title)
    lines = [title]
    if len(title) > 8 and rng.random() < page["wrap"]:
        phrases = [p for p in re.split(r"(?<=[，；、])|\s+", title) if p]
        if len(phrases) > 1 and rng.random() < 0.5:
            lines = phrases[:3] + ([''.join(phrases[3:])] if len(phrases) > 3 else [])
        else:
            lines = hard_wrap(title, rng.randint(max(6, len(title) // 4 + 1), max(7, len(title) - 2)))
        lines = lines if len(lines) <= 4 else [title]
    if rng.random() < page["spaced"]:
        lines = [" ".join(line) for line in lines]
    return lines


def later_clause(paragraphs: list[str], rng: random.Random) -> str | None:
    clauses = [c for p in paragraphs[1:] for c in re.split(r"[，。；：！？]", p) if 8 <= len(c) <= 22]
    return rng.choice(clauses) if clauses else None


def byline_text(rng: random.Random) -> str:
    a, b = person(rng), person(rng)
    return rng.choice(("本报记者 {0}", "本报记者 {0} {1}", "{0} {1}", "■ 本报记者 {0}", "文/{0}", "{0} 文",
                       "本报记者 {0} 通讯员 {1}", "□ {0}")).format(a, b)


def article(source: dict, rng: random.Random, page: dict) -> tuple[list[str], list[str], dict]:
    """(head lines, text lines, gold) of one article."""
    paragraphs = list(source["paragraphs"])
    gold = {"title": source["title"], "subtitle": None, "byline": None, "complete_start": True,
            "continued": None, "paragraphs": paragraphs}
    kicker = rng.choice(SERIES) if rng.random() < page["kickers"] else None
    if kicker and rng.random() < 0.3:
        kicker += rng.choice(("——", "："))
    deck = later_clause(paragraphs, rng) if rng.random() < page["decks"] else None
    if deck and rng.random() < 0.5:
        deck = "——" + deck
    heads: list[str] = []
    if kicker:
        heads += head_lines(kicker, rng, dict(page, wrap=0.0, vertical=0.0)) + [""] * rng.choice(page["kicker_gap"])
    heads += head_lines(source["title"], rng, page)
    if deck:
        heads += [""] * rng.choice(page["kicker_gap"]) + hard_wrap(deck, rng.randint(12, 26))
    gold["subtitle"] = " / ".join(x for x in (kicker, deck) if x) or None
    byline_at = rng.choice(page["bylines"])
    if rng.random() < page["datelines"]:
        place = rng.choice(PLACES)
        paragraphs[0] = rng.choice(("本报讯 ", f"本报{place}{rng.randint(1, 12)}月{rng.randint(1, 28)}日电 ",
                                    f"新华社{place}{rng.randint(1, 12)}月{rng.randint(1, 28)}日电 ",
                                    f"本报讯（记者 {person(rng)}）")) + paragraphs[0]
    if byline_at in ("under", "note"):
        gold["byline"] = byline_text(rng) if byline_at == "under" else person(rng)
        heads += [""] * rng.choice((0, 0, 1)) + [gold["byline"]]
    heads += [""] * rng.choice(page["head_gap"])
    if len(paragraphs) >= 6 and rng.random() < page["sections"]:
        for at in sorted(rng.sample(range(2, len(paragraphs)), min(3, len(paragraphs) - 2)), reverse=True):
            clause = re.split(r"[，。；：！？]", paragraphs[at])[0][:14]
            if len(clause) >= 4:
                paragraphs.insert(at, clause)
    text: list[str] = []
    for k, paragraph in enumerate(paragraphs):
        lines = hard_wrap(paragraph, page["width"], page["indent"])
        if rng.random() < page["glitch"] and len(lines) > 2:
            lines.insert(rng.randint(1, len(lines) - 1), "")
        text += lines
        if k + 1 < len(paragraphs) and rng.random() < page["blank_between"]:
            text.append("")
    if byline_at == "end":
        gold["byline"] = f"（记者 {person(rng)}）"
        if rng.random() < 0.5:
            text[-1] += gold["byline"]
        else:
            text.append(gold["byline"])
    elif byline_at == "note":  # a commentary: the name under the head, the note after the text (gold: the text's)
        note = rng.choice(NOTES).format(rng.choice(PLACES))
        paragraphs[-1] += note
        text.append(note)
    return heads, text, gold


def articles(rng: random.Random, split: str = "test") -> list[dict]:
    """The news of SPLIT (eval/summ): test for the pages scored, dev for the pages trained on."""
    out = []
    for row in (SHARED / "eval" / "summ" / f"{split}.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(row)
        title = re.sub(r"\s+", "", item["summary"])
        parts = [s for s in re.findall(r"[^。！？]+[。！？]+[”’）]?|[^。！？]+$", re.sub(r"\s+", "", item["text"])) if s]
        if len(parts) < 2 or not 5 <= len(title) <= 40:
            continue
        paragraphs, k = [], 0
        while k < len(parts):
            n = rng.randint(1, 4)
            paragraphs.append("".join(parts[k:k + n]))
            k += n
        out.append({"title": title, "paragraphs": paragraphs})
    return out


def furniture(rng: random.Random) -> str:
    return rng.choice((f"图为{rng.choice(PLACES)}街头。新华社记者 {person(rng)} 摄", f"（下转第{rng.randint(2, 16)}版）",
                       f"本版责编：{person(rng)}　版式设计：{person(rng)}", f"制图：{person(rng)}",
                       f"图①：{rng.choice(PLACES)}一景。　图②：市民在选购商品。", "欢迎订阅 邮发代号1-1"))


def page(pool: list[dict], rng: random.Random, name: str) -> tuple[str, dict]:
    habits = {"width": rng.randint(10, 36), "indent": rng.choice(("", "　　", "  ")),
              "blank_between": rng.choice((0.0, 0.0, 0.5, 1.0)), "glitch": rng.choice((0.0, 0.05, 0.15)),
              "kickers": rng.choice((0.0, 0.2, 0.5)), "decks": rng.choice((0.0, 0.2, 0.5)),
              "kicker_gap": rng.choice(((0,), (1,), (0, 1))), "head_gap": rng.choice(((0,), (1,), (1, 2), (0, 1, 2))),
              "wrap": rng.choice((0.0, 0.3, 0.7)), "spaced": rng.choice((0.0, 0.0, 0.3)), "vertical": rng.choice((0.0, 0.0, 0.1)),
              "bylines": rng.choice((("under", "none"), ("end", "none"), ("under", "end", "note", "none"), ("none",))),
              "datelines": rng.choice((0.0, 0.5, 0.9)), "sections": rng.choice((0.0, 0.5)),
              "run_together": rng.choice((0.0, 0.2)), "heads_after": rng.random() < 0.08}
    top = rng.choice((f"{rng.randint(2019, 2024)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日　星期{rng.choice('一二三四五六日')}",
                      f"第{rng.randint(1, 16)}版", rng.choice(SECTIONS), f"{rng.choice(PLACES)}日报"))
    lines, noise, golds = [top, ""], [top], []
    for source in rng.sample(pool, rng.randint(2, 6)):
        heads, text, gold = article(dict(source), rng, habits)
        heads = [h for h in heads if h] + [""] if habits["heads_after"] else heads
        lines += text + [""] + heads if habits["heads_after"] else heads + text
        golds.append(gold)
        if rng.random() < 0.2:
            extra = furniture(rng)
            lines += ["", extra]
            noise.append(extra)
        if rng.random() >= habits["run_together"]:
            lines += [""] * rng.choice((1, 1, 2, 3))
    if rng.random() < 0.5:
        editor = f"责任编辑：{person(rng)}"
        lines.append(editor)
        noise.append(editor)
    gold = {"source": name, "paper": None, "date": None, "page": None, "articles": golds, "noise": noise}
    return "\n".join(lines) + "\n", gold


if __name__ == "__main__":
    sys.exit(generator_main(__doc__.splitlines()[0], SHARED, articles, page, "third"))
