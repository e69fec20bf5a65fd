"""Never crash, never lose text: for any input, every non-space character is in the output."""
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest.model import Page
from digest.segment import segment
from digest.text import split_sentences

# Text shaped like page dumps: CJK, punctuation, digits, Latin, spaces and many newlines.
ALPHABET = st.sampled_from(list("科技创新长三角走廊本报讯记者通讯员摄图①责编：，。！？；“”（）《》——…下转A2版 \n\n\n") + ["\u3000", "G60", "DAMO", "3.10%"])
PAGES = st.lists(ALPHABET, max_size=400).map("".join)


def output_chars(source) -> Counter:
    parts = []
    for a in source.articles:
        parts += [a.title if not a.title_generated else None, a.subtitle, a.byline, *a.paragraphs]
    parts += source.noise
    return Counter("".join(p for p in parts if p).replace(" ", "").replace("\u3000", ""))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PAGES)
def test_segmentation_never_loses_a_character(text):
    source = segment(Page(source="p.txt", text=text))
    want = Counter(ch for ch in text if not ch.isspace())
    assert not (want - output_chars(source))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_segmentation_never_crashes_on_any_text(text):
    segment(Page(source="-", text=text))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_splitter_loses_nothing(text):
    joined = "".join(split_sentences(text))
    assert Counter(ch for ch in joined if not ch.isspace()) == Counter(ch for ch in text if not ch.isspace())


@settings(max_examples=30, deadline=None)
@given(PAGES)
def test_full_pipeline_never_crashes(text):
    from digest.pipeline import digest_text

    src = digest_text(text, "p.txt")
    for article in src.articles:
        body = "".join(article.paragraphs)
        assert all(s in body for s in article.summary)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("科技创新。！？；…”’」）) 数字AB12 ")), max_size=80).map("".join))
def test_splitter_fast_path_agrees_with_the_careful_one(text):
    from digest.text import _attach_attributions, _split_paragraph

    assert split_sentences(text) == _attach_attributions(_split_paragraph(text))


def _sample_blocks() -> list[list[str]]:
    """The samples' blocks (text between blank lines), and the held-out pages' when ../shared is there."""
    from conftest import SAMPLES, SHARED

    pages = sorted(SAMPLES.glob("*.txt")) + sorted((SHARED / "pages").glob("rmrb-*.txt"))
    return [p.read_text(encoding="utf-8").split("\n\n") for p in pages]


SAMPLE_BLOCKS = _sample_blocks()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=len(SAMPLE_BLOCKS) - 1).flatmap(
    lambda k: st.permutations(SAMPLE_BLOCKS[k])))
def test_a_real_page_with_its_columns_in_any_order_loses_nothing(blocks):
    # the extractor's order is not reading order: the passes that put pieces back
    # together (heads placed by content, cut text resumed, sections moved) must never drop text
    text = "\n\n".join(blocks)
    source = segment(Page(source="p.txt", text=text))
    want = Counter(ch for ch in text if not ch.isspace())
    assert not (want - output_chars(source))


# Lines as content-stream extractors print them, no blank line anywhere: heads, names (whole,
# or one character a line), authors' notes (whole or wrapped), text; in any order.
GAPLESS_LINES = st.sampled_from([
    "数字经济创新发展大会召开", "全市新开通公交线路十二条", "——《数字经济通论》简评", "——", "简评",
    "陈红", "李正辉", "石锦建", "樊", "丽", "明", "吴", "锦", "欧阳辉", "（作者为浙江大学教授）", "（作者单位：",
    "中证金融研究院）", "本报讯 6月24日，全省数字经济创新发展大", "会在宁波召开。会上发布了十项重点成果，涵盖",
    "人工智能、集成电路、生物医药等领域，来自", "各地的三百余家企业参加了对接活动。", "服务实体经济、防控金融风险、深化",
    "金融改革是金融领域当前和今后一个时", "全面推进创新创业教育", "2018年1月8日星期一", "7理论", "（下转A2版）",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(GAPLESS_LINES, max_size=60))
def test_gapless_pages_in_any_order_lose_no_character(lines):
    text = "\n".join(lines) + "\n"
    source = segment(Page(source="p.txt", text=text))
    want = Counter(ch for ch in text if not ch.isspace())
    assert not (want - output_chars(source))


def _visible_text(html_text: str) -> str:
    """The text a reader sees in rendered HTML (tags dropped, entities decoded)."""
    import html
    import re

    return html.unescape(re.sub(r"<[^>]*>", "", html_text)).strip()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("#>-+=*_`[]()!~<>&;|\\.:0123456789 axAZ新闻摘要") + ["1. ", "- ", "**", "](", "a_b",
                                                                                      "&amp;", "http://x"]),
                min_size=1, max_size=25).map("".join))
def test_markdown_escaping_shows_the_text_as_it_is(text):
    """Whatever a page holds, the Markdown shows it literally: as a list item and as a heading
    (rendered by markdown-it, CommonMark, raw HTML off), nothing becomes a link, emphasis,
    heading, quote, list or tag."""
    from markdown_it import MarkdownIt

    from digest.render.markdown import escape

    want = " ".join(text.split())
    if not want:
        return
    md = MarkdownIt("commonmark", {"html": False})
    item = md.render("- " + escape(text))
    heading = md.render("### " + escape(text, block=False))
    assert item.startswith("<ul>\n<li>") and _visible_text(item) == want
    assert heading.startswith("<h3>") and _visible_text(heading) == want
