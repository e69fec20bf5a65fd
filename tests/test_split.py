"""The article splitter: a draft that holds two articles' text is cut where one ends; one
article's text is never cut."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from digest import split, stitch
from digest.blocks import Block
from digest.model import Article, Line
from digest.pieces import Draft

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

DIGITAL = ["数字经济已成为推动高质量发展的重要引擎。全省加快建设数字基础设施，推进人工智能和集成电路产业集群发展。",
           "一批重大项目相继落地投产，带动了上下游企业的协同创新，数字产业化和产业数字化双轮驱动。",
           "数字经济的发展离不开人才，各地高校和企业联合培养集成电路和人工智能人才，产业集群发展的后劲更加充足。"]
BUSES = ["城市公交是市民出行的主要方式。记者从市交通部门获悉，全市新开通公交线路十二条，覆盖新建小区和学校医院。",
         "交通部门负责人表示，下一步将继续优化公交线网布局，增加早晚高峰的公交班次，让群众出行更加舒心。",
         "市民王女士说，家门口通了公交车，接送孩子上学方便多了，坐公交到医院看病也不用再换乘。"]


def line(number: int, text: str) -> Line:
    return Line(number=number, raw=text, text=text)


def draft_of(paragraphs: list[str], byline: str | None = None) -> tuple[Draft, list[Block]]:
    """A draft whose paragraphs were printed one line each from line 10 on, in order."""
    d = Draft(Article(id="", byline=byline, paragraphs=list(paragraphs)))
    blocks = []
    for k, text in enumerate(paragraphs):
        block = Block("para", [line(10 + k, text)], text=text, column=20.0)
        d.texts.append((k, block))
        blocks.append(block)
    return d, blocks


def split_drafts(d: Draft, blocks: list[Block], model) -> list[Draft]:
    """The draft and the parts the splitter cuts from it, in order."""
    drafts: list[Draft] = [d]

    def new_draft(head):
        drafts.append(Draft(Article(id="")))
        return drafts[-1]

    split.split(drafts, blocks, new_draft, model=model)
    return drafts


def test_breaks_are_only_where_a_sentence_ends_and_each_side_keeps_text():
    d, _ = draft_of(DIGITAL[:1] + ["（未完的句子，", "接着说完。"] + BUSES[:1])
    assert split.breaks(d) == [1, 3]  # not after "（未完的句子，"
    short, _ = draft_of(["短。", DIGITAL[0]])
    assert split.breaks(short) == []  # "短。" alone is no article


class Before:
    """A stand-in model that finds the break before the fourth paragraph likeliest."""

    def __init__(self, cuts):
        self.cuts = cuts

    def probabilities(self, rows):
        return [0.9 if k == 3 else 0.0 for k in self.cuts]


def test_a_story_never_opens_with_the_source_credit_that_closes_the_one_above():
    d, blocks = draft_of(DIGITAL + ["（新华社）"] + BUSES)
    drafts = split_drafts(d, blocks, Before(split.breaks(d)))
    assert [a.article.paragraphs for a in drafts] == [DIGITAL + ["（新华社）"], BUSES]


def test_each_break_gets_one_row_of_the_model_s_features():
    d, _ = draft_of(DIGITAL + BUSES)
    cuts = split.breaks(d)
    rows = split.break_features(d, cuts)
    assert len(rows) == len(cuts) and all(len(row) == len(split.FEATURE_NAMES) for row in rows)
    similarity = split.FEATURE_NAMES.index("similarity")
    at_turn = rows[cuts.index(3)][similarity]
    assert at_turn < min(row[similarity] for k, row in zip(cuts, rows) if k != 3)


class Always:
    """A stand-in model that cuts at the deepest turn of topic."""

    def probabilities(self, rows):
        above_min = split.FEATURE_NAMES.index("above_min")
        return [1.0 if row[above_min] == 0 else 0.0 for row in rows]


def test_a_draft_of_two_stories_is_cut_and_the_author_line_goes_with_the_part_printed_near_it():
    d, blocks = draft_of(DIGITAL + BUSES, byline="陈路漫 吉文磊")
    blocks.append(Block("byline", [line(9, "陈路漫")], text="陈路漫"))
    blocks.append(Block("byline", [line(16, "吉文磊")], text="吉文磊"))
    drafts = split_drafts(d, blocks, Always())
    assert [a.article.paragraphs for a in drafts] == [DIGITAL, BUSES]
    assert [a.article.byline for a in drafts] == ["陈路漫", "吉文磊"]


class Around:
    """A stand-in model that finds every break likely, the later ones likelier."""

    def probabilities(self, rows):
        return [0.6 + 0.01 * k for k in range(len(rows))]


def test_cuts_leave_every_part_a_sentence_of_text_so_a_credit_never_becomes_a_story():
    # "…。" / "（新华社）" / next story: breaks on both sides of the credit are likely, and
    # cutting at both left "（新华社）" an article of its own (drawn pages, pdftotext -raw)
    d, blocks = draft_of(DIGITAL + ["（新华社）"] + BUSES)
    drafts = split_drafts(d, blocks, Around())
    assert all(len(part.article.text) >= split.MIN_PART for part in drafts)
    assert "".join(p for part in drafts for p in part.article.paragraphs) == "".join(DIGITAL + ["（新华社）"] + BUSES)


def test_the_shipped_model_does_not_cut_one_article():
    model = split.load_model()
    assert model is not None
    d, _ = draft_of(DIGITAL)
    assert not any(p >= split.CUT for p in model.probabilities(split.break_features(d, split.breaks(d))))


def test_training_rows_say_which_breaks_lie_between_two_gold_articles():
    pytest.importorskip("lightgbm")
    import train_split

    text = "数字经济加快发展\n\n" + "\n".join(DIGITAL) + "\n" + "\n".join(BUSES) + "\n"
    gold = {"articles": [{"title": "数字经济加快发展", "paragraphs": DIGITAL}, {"title": "公交", "paragraphs": BUSES}]}
    rows, labels = train_split.page_rows(text, gold)
    assert len(rows) == len(labels) and sum(labels) == 1


def test_the_training_rows_are_read_with_the_shipped_splitter_and_joiner_aside(monkeypatch):
    """``make train`` once stopped when the joiner's features were changed: the splitter's rows
    were read with the old joiner file, which no longer loads."""
    pytest.importorskip("lightgbm")
    import train_lines
    import train_split

    def stale():
        raise ValueError("stitch model was trained on other features: run `make train`")

    monkeypatch.setattr(stitch, "load_model", stale)
    text = "数字经济加快发展\n\n" + "\n".join(DIGITAL) + "\n" + "\n".join(BUSES) + "\n"
    gold = {"articles": [{"title": "数字经济加快发展", "paragraphs": DIGITAL}, {"title": "公交", "paragraphs": BUSES}]}
    with train_lines.drafts_only():
        rows, labels = train_split.page_rows(text, gold)
    assert sum(labels) == 1
    assert stitch.load_model is stale and split.load_model is not None  # the shipped ones are back


SCHOOLS = ["全市今年新建改扩建中小学和幼儿园三十所，新增学位两万个，缓解了新建小区孩子上学难的问题。",
           "教育部门表示，新学校将配齐配强师资，推行集团化办学，让优质教育资源覆盖更多家庭。",
           "家长李先生说，孩子在家门口就能上好学校，每天接送省下了一个多小时。"]


def test_a_model_fitted_on_a_few_pages_learns_to_cut_where_one_story_ends():
    """fit learns from the labelled breaks of a few pages of two stories run together that the
    break where the wording turns is the one to cut, and cuts a pair of stories it never saw."""
    pytest.importorskip("lightgbm")
    import train_split
    import train_stitch

    X, y = [], []
    for first, second in ((DIGITAL, BUSES), (BUSES, DIGITAL)):
        text = "新闻\n\n" + "\n".join(first) + "\n" + "\n".join(second) + "\n"
        gold = {"articles": [{"title": "新闻", "paragraphs": first}, {"title": "", "paragraphs": second}]}
        rows, labels = train_split.page_rows(text, gold)
        X += rows
        y += labels
    assert sum(y) == 2 and len(y) > 2
    model = split.SplitModel(train_stitch.fit([(X * 10, y * 10)], split.FEATURE_NAMES, train_split.MONOTONE, "split"))
    d, _ = draft_of(SCHOOLS + DIGITAL)
    cuts = split.breaks(d)
    probs = model.probabilities(split.break_features(d, cuts))
    assert [k for k, p in zip(cuts, probs) if p >= split.CUT] == [3]


class AtLast:
    """A stand-in model that cuts at the last break."""

    def probabilities(self, rows):
        return [0.0] * (len(rows) - 1) + [1.0]


def test_a_part_opening_with_its_head_read_as_text_takes_it_as_its_head():
    """With no blank line under it, a news head reads as the first line of its lead; where a
    cut says a story starts, a first line with no sentence end that the lead repeats is its head."""
    head = "南水北调新进展：引江补汉工程加快做好开工准备"
    lead = ["南水北调后续工程首个拟开工项目——引江补汉工程，", "计划年内开工建设，目前正在加快做好开工准备。"]
    d, blocks = draft_of(DIGITAL)
    lines = [line(20 + k, text) for k, text in enumerate([head] + lead)]
    d.article.paragraphs.append("".join(l.text for l in lines))
    d.texts.append((len(DIGITAL), Block("para", lines, text=d.article.paragraphs[-1], column=20.0)))
    drafts = [d]

    def new_draft(head):
        drafts.append(Draft(Article(id="")))
        return drafts[-1]

    split.split(drafts, blocks, new_draft, model=Always())
    part = drafts[-1]
    assert [l.text for l in part.heads] == [head] and part.article.paragraphs == ["".join(lead)]
    # the paragraph's lines and text say the same (a later pass finding the head's next pieces
    # among the lines under it reads both): the head is in neither
    (_, block), = part.texts
    assert block.text == part.article.paragraphs[0] and [l.text for l in block.lines] == lead
    # a first line the text under it does not repeat is text
    d, blocks = draft_of(DIGITAL)
    lines = [line(20, "交通部门负责人表示，下一步将继续优化"), line(21, "公交线网布局，增加早晚高峰的公交班次。")]
    d.article.paragraphs.append("".join(l.text for l in lines))
    d.texts.append((len(DIGITAL), Block("para", lines, text=d.article.paragraphs[-1], column=20.0)))
    drafts = [d]
    split.split(drafts, blocks, new_draft, model=AtLast())
    assert len(drafts) == 2 and not any(x.heads for x in drafts)
    assert drafts[-1].article.paragraphs[-1] == "交通部门负责人表示，下一步将继续优化公交线网布局，增加早晚高峰的公交班次。"


def test_a_break_reads_a_bounded_stretch_of_text_so_a_long_draft_costs_linear_time(monkeypatch):
    """Each break's wider signals read at most WIDE characters either side: a draft of
    thousands of paragraphs (one pasted month) once cost the square of its length."""
    seen = []

    def similarity(a, b):
        seen.append(max(len(a), len(b)))
        return 0.5

    monkeypatch.setattr(split, "similarity", similarity)
    d, _ = draft_of((DIGITAL + BUSES + SCHOOLS) * 40)
    rows = split.break_features(d, split.breaks(d))
    assert len(rows) > 300 and max(seen) <= split.WIDE
