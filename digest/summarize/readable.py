"""Can a reader read this sentence alone? The defects a summary sentence must not have.

A summary is read instead of the article, one sentence at a time and out of its place,
so a sentence is a defect there when it:

- ``fragment``: does not start a sentence (it opens with a comma or a closing quote, or a
  particle that continues a word: what a wrong join in segmentation leaves), or does not
  end one (it stops mid-word where a column or a page was cut);
- ``attribution``: only says who spoke ("浙江大学…副主任朱亮说。") without the quote;
- ``heading``: is a section or list-item head ("一是确立融合理念。", "坚守党的政治立场。"),
  a short quotation alone ("“幸福都是奋斗出来的”。"), or a
  one-liner that only announces what follows ("数据便是最好的证明。", "具体来说，需要做好四个
  方面工作。");
- ``clause``: ends in a semicolon, colon or comma: a piece of a longer sentence;
- ``points_back``: opens by pointing at what came before ("这是…", "因此…", "同时…", or a
  short opening clause with 此 or 这 in it: "在此基础上，…", "人生如此，…"): it reads only
  right after that sentence (``select`` keeps it then and only then).

Each rule is a property of the sentence's own text but one: a sentence that opens where a
cut-off sentence of the same article stops is a fragment too (``run_on_openings``).
``defects`` and ``run_on_openings`` are also what the test suite's checker runs over every
article of the seeds and the real pages.
"""
from __future__ import annotations

import re

from ..patterns import DATELINE
from ..text import han_count

SHORT = 14  # Han characters: a sentence this short with no comma in it is a head or an announcer
_CANNOT_START = set("，、。；：？！…）)」』”’》,.;:?!%")
_CONTINUES = set("的地得了着过们")
# words that open with one of those characters (no dictionary load for a summary: a short list)
_WORDS_OF_PARTICLES = frozenset(
    "的确 的士 地方 地区 地位 地球 地产 地铁 地震 地下 地图 地域 地址 地面 地块 地理 地质 地价 地段 得到 得以 得益 "
    "得知 得分 得出 了解 着力 着眼 着重 着手 着实 着想 着陆 着装 过去 过程 过度 过于 过渡 过年 过境 过往 过后 "
    "过多 过高 过低 过快 过剩 过热 过半 过亿 过千 过万".split())
_CLOSERS = "”’」』）)】》〉\"'"
_TAIL = _CLOSERS + " \t\r\n\u3000"  # what may follow a sentence's last word
_ENDS_CLAUSE = ("；", ";", "：", ":", "，", ",", "、")
_ATTRIBUTION = re.compile(r"^[^，。！？；“”\"]{0,24}(?:说|表示|介绍|指出|认为|坦言|透露|强调|称|谈道|告诉记者|感慨|笑着说|问道|答道)[。！]?$")
_LIST_ITEM = re.compile(r"^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，、是]|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．])")
_POINTS_BACK = re.compile(r"^(?:这|此|该|其|因此|因而|所以|同时|此外|另外|另一方面|对此|为此|然而|但是|但|而且|并且|不过|比如|例如|其中|与此同时|由此|总之|可见|这样|如此|那么)")
# an opening clause of a few characters that points back: "在此基础上，" "正是在这一基础上，" "以此为指引，"
_POINTS_BACK_CLAUSE = re.compile(r"^[^，,。！？；：“”]{0,10}(?<!彼)(?:此(?!前)|这)[^，,。！？；：“”]{0,8}[，,]")
# a short sentence that announces a list to come: "这里谈几点认识。" "可以从以下三个方面加以落实。"
_ANNOUNCES = re.compile(r"(?:以下|如下|下列|几点|[两三四五六七八九十几]+(?:个|大)?方面|[两三四五六七八九十几]点)[^，。；]{0,14}[。：:]$")
_INNER_MARKS = re.compile(r"[，,、；：“”0-9０-９%％]")
_QUOTED_ALONE = re.compile(r"^[“「『][^“”「」『』]+[”」』][。！？!?]?$")
_DATELINE_PREFIX = re.compile(DATELINE.pattern + r"(?:[（(][^（）()]{1,20}[）)])?\s*")


def defects(sentence: str) -> frozenset[str]:
    """The defects of one summary sentence (empty: it reads alone)."""
    text = sentence.strip()
    if not text:
        return frozenset({"fragment"})
    found: set[str] = set()
    han = han_count(text) if len(text) <= 4 * SHORT else 4 * SHORT  # only short sentences need the count
    if text[0] in _CANNOT_START or text[0] in _CONTINUES and text[:2] not in _WORDS_OF_PARTICLES:
        found.add("fragment")  # "的核心战略…" continues a word; "过去5年…", "着力…" open with one
    if _cut_off(text):
        found.add("fragment")  # "…我们要深入学习领会习近平新时代中国特色社会主义思": cut off
    if len(text) <= 40 and _ATTRIBUTION.match(text):
        found.add("attribution")
    if text.endswith(_ENDS_CLAUSE) and (not text.endswith(("；", ";")) or han <= 2 * SHORT):
        found.add("clause")  # a long statement ending in "；" reads alone; a short one is a list item
    if han <= 2 * SHORT:
        body = text.rstrip("。！？!?”’）)")
        if _LIST_ITEM.match(text) and "，" not in body or han <= SHORT and not _INNER_MARKS.search(body) \
                or _ANNOUNCES.search(text) or han <= SHORT and _QUOTED_ALONE.match(text):
            found.add("heading")  # (a short sentence with a figure in it states a fact: it reads alone)
    if _POINTS_BACK.match(text) or _POINTS_BACK_CLAUSE.match(text):
        found.add("points_back")
    return frozenset(found)


def run_on_openings(sentences: list[str]) -> set[int]:
    """The sentences that open where a cut-off sentence of the same text stops: the two halves
    of one sentence the page or the segmentation set apart ("…内涵更加充实，目标更" / "加宏大，愿景
    更加美好。": a word runs across the cut). Each half alone has a sentence's shape; the second
    is a fragment all the same (the first already is: it stops mid-word)."""
    # (the text's last sentence aside: a text that stops mid-sentence at its end was cut there,
    # truncated or continued on another page, and what it would run on into is not in it)
    ends = [s.rstrip(_TAIL) for s in sentences[:-1] if _cut_off(s)]
    if not ends:
        return set()
    from ..nlp import splits_word

    return {i for i, s in enumerate(sentences)
            if s.strip() and not _cut_off(s) and any(splits_word(end, s.strip()) for end in ends)}


def _cut_off(sentence: str) -> bool:
    end = sentence.rstrip(_TAIL)
    return bool(end) and "\u4e00" <= end[-1] <= "\u9fff"


def readable(sentence: str) -> bool:
    """Does the sentence read alone (``points_back`` aside, which depends on its neighbour)?"""
    return not (defects(sentence) - {"points_back"})


def strip_dateline(sentence: str) -> str:
    """"本报北京1月3日电（记者 王明）今年…" -> "今年…": the dateline is not news."""
    stripped = _DATELINE_PREFIX.sub("", sentence, count=1).lstrip("　 ，,")
    return stripped if han_count(stripped) >= 4 else sentence


__all__ = ["SHORT", "defects", "readable", "run_on_openings", "strip_dateline"]
