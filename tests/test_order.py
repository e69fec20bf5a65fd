"""Reading order of content-stream dumps (pdftotext -raw, PyMuPDF): heads after their text."""
from __future__ import annotations

import pytest

from digest.model import Line, Page
from digest.order import continuations_follow
from digest.segment import segment
from digest.text import display_width
from test_segment import BODY_A, BODY_B

HEAD_A, HEAD_B = "数字经济创新发展大会在宁波召开", "全市新开通公交线路十二条"
NOTE = "（作者为市交通研究所研究员）"


def seg(text: str):
    return segment(Page(source="page.txt", text=text))


def test_a_gapless_page_that_prints_heads_after_their_text_is_read_heads_first():
    """PyMuPDF's order: masthead, text, head, author line, next text, its head…, no blank line."""
    page = "\n".join(["2018年1月8日星期一", BODY_A, HEAD_A, "陈红", BODY_B, NOTE, HEAD_B, "王海涛"]) + "\n"
    src = seg(page)
    assert [a.title for a in src.articles] == [HEAD_A, HEAD_B]
    assert src.articles[0].paragraphs[0].startswith("本报讯6月24日")
    assert src.articles[1].paragraphs[0].startswith("本报讯记者从市交通部门")
    assert "王海涛" in (src.articles[1].byline or "") and "陈红" in (src.articles[0].byline or "")


def test_a_gapless_page_that_prints_heads_first_stays_as_printed():
    page = "\n".join(["2018年1月8日星期一", HEAD_A, "陈红", BODY_A, HEAD_B, "王海涛", BODY_B]) + "\n"
    src = seg(page)
    assert [a.title for a in src.articles] == [HEAD_A, HEAD_B]
    assert src.articles[0].paragraphs[0].startswith("本报讯6月24日")


def test_kicker_and_title_with_no_gap_between_them_keep_the_kicker_over_the_title():
    """On a page with no blank lines, a kicker right over its title is no deck under it: no
    gap says nothing there (the last main head over the author line is the title)."""
    kicker, title = "推动数字经济高质量发展", "全省创新大会在宁波召开"
    page = "\n".join(["2018年1月8日星期一", kicker, title, "陈红", BODY_A, HEAD_B, "王海涛", BODY_B]) + "\n"
    src = seg(page)
    assert (src.articles[0].title, src.articles[0].subtitle) == (title, kicker)


def test_a_name_cut_into_its_characters_is_one_author_line():
    """PyMuPDF prints a two-character name set wide ("吴  锦") as one character a line."""
    page = "\n".join(["2018年1月8日星期一", BODY_A, HEAD_A, "吴", "锦", BODY_B, HEAD_B, "王海涛"]) + "\n"
    src = seg(page)
    assert src.articles[0].title == HEAD_A and "吴锦" in (src.articles[0].byline or "").replace(" ", "")


@pytest.mark.parametrize("vertical, head, name", [
    ("全面推进创新创业教育樊丽明", "全面推进创新创业教育", "樊丽明"),  # head and author, one character a line
    ("意气风发走进新时代欧阳辉", "意气风发走进新时代", "欧阳辉"),  # a compound surname
    ("准确把握变化严书翰", "准确把握变化", "严书翰"),
    ("推动经济高质量", "推动经济高质量", None),  # 高质量 is a word, not a name
    ("大就要有大的样子", "大就要有大的样子", None),
])
def test_a_vertical_head_and_the_author_printed_under_it_are_told_apart(vertical, head, name):
    from digest.layout import split_lines

    lines = [l.text for l in split_lines("\n".join(vertical) + "\n") if l.text]
    assert lines == [head] + ([name] if name else [])


@pytest.mark.parametrize("printed, expected", [
    # pdfminer.six sees a gap after every character of a vertical head: one blank line between
    ("大\n\n就\n\n要\n\n有\n\n大\n\n的\n\n样\n\n子\n", ["大就要有大的样子"]),
    ("肖\n\n凌\n\n之\n", ["肖凌之"]),  # a name set vertically, gapped: a name, not a head
    # pdfminer.six prints the name first, a blank line, then the head
    ("欧\n阳\n辉\n\n意\n气\n风\n发\n走\n进\n新\n时\n代\n", ["欧阳辉", "意气风发走进新时代"]),
    ("变\n\n成\n", ["变", "成"]),  # two characters that are no name stay as printed
])
def test_vertical_runs_as_pdfminer_prints_them(printed, expected):
    from digest.layout import split_lines

    lines = split_lines(printed)
    assert [l.text for l in lines if l.text] == expected
    assert [l.spaced for l in lines if l.text] == [len(t) > 4 for t in expected]  # a head, not a name


def test_two_authors_a_line_each_are_one_author_line():
    page = "\n".join(["2018年1月8日星期一", BODY_A, HEAD_A, "李正辉", "石锦建", BODY_B, HEAD_B, "王海涛"]) + "\n"
    first, second = seg(page).articles
    assert (first.title, first.byline) == (HEAD_A, "李正辉 石锦建")
    assert second.title == HEAD_B


def test_a_co_author_printed_inside_the_text_joins_the_author_line():
    """pdftotext prints the second of two authors set side by side where its height falls in
    the column: inside a sentence ("…深化" / 石锦建 / "金融改革是…"). The name goes to the author
    line, the sentence stays whole, and no story starts there."""
    body = ("习近平同志在党的十九大报告中指\n出，我国社会主要矛盾已经转化为人民\n日益增长的美好生活需要和不平衡不充\n"
            "分的发展之间的矛盾。金融是现代经济\n的核心，人民日益增长的美好生活需要\n也包括对高质量金融服务的需要。\n"
            "服务实体经济、防控金融风险、深化\n\n石锦建\n金融改革是金融领域当前和今后一个时\n期的主要任务。解决金融发展不平衡不\n"
            "充分问题，要紧紧围绕这些任务展开和\n推进。\n")
    src = seg("积极解决金融发展不平衡不充分问题\n李正辉\n" + body)
    (article,) = src.articles
    assert article.byline.replace(" ", "") == "李正辉石锦建"
    assert "深化金融改革" in "".join(article.paragraphs)


def test_a_deck_cut_into_pieces_is_one_deck_under_its_title():
    """pdftotext -raw cuts a deck at its dash and its title marks: "——" / "《…通论》" / "简评"."""
    page = "\n".join(["2018年1月17日星期三", "深化对中国特色社会主义政治经济学的研究", "——",
                      "《中国特色社会主义政治经济学通论》", "简评", "胡培兆", BODY_A]) + "\n"
    (article,) = seg(page).articles
    assert (article.title, article.subtitle) == ("深化对中国特色社会主义政治经济学的研究",
                                                 "——《中国特色社会主义政治经济学通论》简评")


def test_a_head_line_read_as_a_section_head_moves_with_the_head_line_over_it():
    """A head printed after its text, its second line read as a section head (narrow, no
    punctuation): the two are one head group, moved in front of the text together."""
    from digest.layout import split_lines
    from digest.order import head_groups

    lines = [line for line in split_lines("正文一。\n蛋白质Nsp13也许是\n新冠药物研发新靶点\n\n正文二。\n小节标题\n")]
    for line, tag in zip(lines, ("body", "head", "subhead", None, "body", "subhead")):
        line.tag = tag
    assert head_groups(lines) == [[1, 2]]
    lines[1].tag, lines[2].tag = "subhead", "head"  # the section-head line over the head line
    assert head_groups(lines) == [[1, 2]]


# -- a sentence's continuation printed elsewhere (order.continuations_follow) ----------------

# pdftotext's order of a box set inside a story's columns (the shape of the 人民日报 theory page
# of 2018-01-17, text made up): the story's sentence is cut at "具体说", the box follows (its
# author, the rest of its text, its head, its opening, cut at "松松垮"), then "来，…" goes on.
BOX_INSIDE_A_SENTENCE = "\n".join([
    "2018年1月17日星期三", "", "关于乡村振兴的几点认识", "", "王建国", "",
    "乡村振兴是新时代做好三农工作的总抓", "手。近年来，各地因地制宜发展特色产", "业，农民收入持续较快增长，农村面貌",
    "发生了深刻变化。实践表明，只有把产", "业发展放在突出位置，乡村振兴才有坚", "实基础。",
    "产业兴旺是乡村振兴的重点。要立足", "资源禀赋发展特色农业，延长产业链、", "提升价值链，让农民多分享增值收益。",
    "同时要看到，一些地方产业同质化问题", "突出，农产品的品牌建设滞后。具体说", "",
    "李明华", "",
    "垮，人心涣散，什么事也办不成。", "这样的支部不得人心，群众自然也不会", "拥护。实践证明，只有先把支部建强，",
    "把党员带动起来，才能凝聚人心。", "",
    "支 部 强 才 能 村 子 强", "",
    "“给钱给物，不如建个好支部。”这句", "话道出了基层党组织的重要作用。一个", "村子发展得好不好，关键看支部。支部",
    "有战斗力，群众就有主心骨。反之，支", "部软弱涣散，党员的组织生活也松松垮", "",
    "来，产业发展要在三个方面下功夫。", "一是做强主导产业，培育龙头企业，带", "动农户增收致富。二是推动融合发展，",
    "发展乡村旅游和农村电商。三是加强品", "牌建设，提高农产品市场竞争力。", "",
]) + "\n"


def test_a_box_printed_inside_a_sentence_is_read_apart_and_both_sentences_go_on():
    src = seg(BOX_INSIDE_A_SENTENCE)
    assert [a.title for a in src.articles] == ["关于乡村振兴的几点认识", "支部强才能村子强"]
    story, box = src.articles
    assert "具体说来，产业发展" in story.text and "支部" not in story.text
    assert "松松垮垮，人心涣散" in box.text and box.paragraphs[0].startswith("“给钱给物")


def _lines(*texts: str, jump: int | None = None) -> list[Line]:
    lines = [Line(number=k + 1, raw=t, text=t) for k, t in enumerate(texts)]
    if jump is not None:
        lines[jump].role = "jump"
    return lines


def _reordered(lines: list[Line]) -> list[int]:
    """The order continuations_follow gives, every line in a column as wide as the widest."""
    column = max(display_width(line.text) for line in lines)
    return continuations_follow(lines, list(range(len(lines))), [column] * len(lines))


CUT, BOX, REST = "同时要看到，农产品品牌建设滞后。具体说", "垮，人心涣散，什么事也办不成。", "来，产业发展要在三个方面下功夫。"


def test_the_one_text_that_finishes_a_cut_word_is_moved_up_under_it():
    lines = _lines(CUT, "", BOX, "", REST)
    assert _reordered(lines) == [0, 4, 1, 2, 3]


def test_a_box_whose_rest_is_printed_over_its_head_is_read_head_first_under_its_author():
    """The box's author line, the rest of its text, its head, its opening cut at "松松垮": the
    rest is the same author's, so it goes on after the opening."""
    lines = _lines("李明华", "", BOX, "", "支部强才能村子强", "", "有战斗力，群众就有主心骨。反之，支部软弱涣散，组织生活松松垮")
    lines[0].role, lines[4].role = "byline", "head"
    assert _reordered(lines) == [0, 1, 3, 4, 5, 6, 2]


def test_a_text_under_another_authors_line_is_theirs_not_the_rest_of_a_cut_word():
    lines = _lines("王建国", "", "有战斗力，群众就有主心骨。反之，支部软弱涣散，组织生活松松垮", "", "李明华", "", BOX)
    lines[0].role = lines[4].role = "byline"
    assert _reordered(lines) == list(range(7))


@pytest.mark.parametrize("texts, jump", [
    ((CUT, "", BOX, "", REST, "", "来，农村电商要加快发展。"), None),  # two could: neither is taken
    ((CUT, "来，农村电商要加快发展。", "", BOX, "", REST), None),  # the line printed next finishes it
    ((CUT, "（下转A2版）", "", BOX, "", REST), 1),  # a jump marker sends it to another page
    (("同时要看到，农产品品牌建设滞后。", "", BOX, "", REST), None),  # it ends its sentence
    (("农产品品牌建设滞后，产业", "", BOX, "", REST), None),  # cut between words: nothing says where it goes on
    (("建设滞后。具体说", "", BOX, "", REST, "", "同时要看到，农产品的品牌建设还很滞后。"), None),
    # a line far short of its column's edge (a head, a name the tagger missed) was not cut there
])
def test_no_text_is_moved_without_one_plain_continuation(texts, jump):
    lines = _lines(*texts, jump=jump)
    assert _reordered(lines) == list(range(len(lines)))


# pdfminer.six, 人民日报 2018-01-03 p.7: the last line of the column beside a vertical head
# printed before the author and the head, its sentence going on after them
PDFMINER_CUT_BY_VERTICAL_HEAD = """2018年1月3日 星期三

建 设 的 艰 巨 任 务 ，中 国 共 产 党 励 精
图治、劈波斩浪。多少次艰难探索，
在考验中前行；多少次自我修正，在
困难中冲锋。特别是勇于推进改革
开 放 ，带 领 广 大 人 民 走 上 中 国 特 色
社会主义道路，克服千难万险，创造
出发展奇迹，人民生活显著改善，综
合 国 力 显 著 增 强 ，国 际 地 位 显 著 提
高 。 让 中 国 富 起 来 的 ，也 正 是 这 个
坚强有力的中国共产党。

一 路 走 来 ，中 国 共 产 党 越 来 越

何
民
捷

历
史
永
远
眷
顾
奋
进
者

成熟、越来越强大。如今，西方国家一些政党忙着为选票互
相 攻 击 拆 台 ，没 有 为 民 众 做 事 的 诚 意 ，僵 化 不 前 ，失 去 自 我
变 革 的 勇 气 和 动 力 ，日 益 失 去 人 心 ，成 为 发 展 停 滞 、社 会 动
荡 的 消 极 因 素 。 中 国 共 产 党 始 终 怀 抱 远 大 理 想 ，领 导 中 国
人民走上国家富强、人民幸福的康庄大道。

习 近 平 同 志 指 出 ，历 史 车 轮 滚 滚 向 前 ，时 代 潮 流 浩 浩
荡 荡 ；历 史 只 会 眷 顾 坚 定 者 、奋 进 者 、搏 击 者 ，而 不 会 等 待
犹 豫 者 、懈 怠 者 、畏 难 者 。 一 代 人 有 一 代 人 的 使 命 ，一 个
"""


def test_a_line_of_running_text_printed_before_a_vertical_head_is_not_the_title():
    (article,) = seg(PDFMINER_CUT_BY_VERTICAL_HEAD).articles
    assert article.title == "历史永远眷顾奋进者"
    assert "何民捷" in article.byline.replace(" ", "")
    assert "一路走来，中国共产党越来越成熟、越来越强大。" in "".join(article.paragraphs)


@pytest.mark.parametrize("title", [
    "中国共产党越来越成熟",  # no clause mark: a head, not a line of running text
    "一路走来，中国共产党越来越成熟。",  # a sentence that ends
])
def test_a_title_that_is_no_cut_line_keeps_its_place_over_a_vertical_head(title):
    from digest.assemble import title_from_vertical_head
    from digest.blocks import Block
    from digest.layout import split_lines
    from digest.model import Article

    (head,) = [l for l in split_lines("\n".join("历史永远眷顾奋进者") + "\n") if l.text]
    paragraphs = ["坚强有力的中国共产党。", head.text, "成熟、越来越强大。"]
    article = Article(id="x", title=title, paragraphs=list(paragraphs))
    title_from_vertical_head([article], [Block("head", [head], head.text)])
    assert (article.title, article.paragraphs) == (title, paragraphs)
