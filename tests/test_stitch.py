"""The article joiner: pieces of one article printed apart become one; whole stories never do."""
from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from digest import stitch
from digest.model import Article, Line, Page
from digest.pieces import Draft
from digest.segment import segment

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

OPENING = """数字经济已成为推动高质量发展的重要引擎。
全省加快建设数字基础设施，推进人工智能、
集成电路和生物医药等产业集群发展，一批
重大项目相继落地投产，带动了上下游企业的
协同创新。与此同时，各地持续深化改革，目标更"""

REST = """加明确，数字产业化和产业数字化双轮驱动，
为经济社会发展注入了新的动能。数字经济的
发展离不开人才，各地高校和企业联合培养
集成电路和人工智能人才，产业集群发展的
后劲更加充足。"""

OTHER = """城市公交是市民出行的主要方式。记者从市
交通部门获悉，全市新开通公交线路十二条，
覆盖新建小区和学校医院，市民出行更加便捷。
交通部门负责人表示，下一步将继续优化线网
布局，让群众出行更加舒心。"""


def draft(text: str, head: str | None = None, byline: str | None = None, start: bool = True) -> Draft:
    d = Draft(Article(id="", byline=byline, complete_start=start, paragraphs=[text]))
    if head:
        d.heads, d.headed = [Line(number=1, raw=head, text=head)], True
    return d


SECTION = """数字产业化和产业数字化双轮驱动，为经济社
会发展注入了新的动能。数字经济的发展离不
开人才，各地高校和企业联合培养集成电路和
人工智能人才，产业集群发展的后劲更加充足。"""

SIGNED_PAGE = ("数字经济加快发展\n\n陈路漫\n\n" + OPENING.replace("目标更", "目标更加明确。") + "\n\n（作者为浙江大学教授）\n\n"
               "公交线路新开通十二条\n\n吉文磊\n\n" + OTHER + "\n\n（作者为交通大学教授）\n\n人才支撑产业集群\n\n" + SECTION + "\n")


def test_an_unsigned_section_on_a_page_of_signed_commentaries_joins_the_article_it_belongs_to():
    """A box read out of order (pdfminer.six) puts a section, head and all, after another
    article: on a page where every story is signed, an unsigned head over text worded like one
    of them is that one's section head, not a story."""
    src = segment(Page("page.txt", SIGNED_PAGE))
    assert [a.title for a in src.articles] == ["数字经济加快发展", "公交线路新开通十二条"]
    first = src.articles[0]
    assert "人才支撑产业集群" in first.paragraphs and first.paragraphs[-1].endswith("产业集群发展的后劲更加充足。")


def test_two_whole_stories_are_never_scored_however_alike():
    a = draft("全省数字经济创新发展大会在宁波召开。会上发布了十项重点成果。", head="数字经济大会召开", byline="本报记者 陈红")
    b = draft("全省数字经济创新发展大会在杭州召开。会上发布了十项重点成果。", head="杭州数字经济大会召开")
    facts, pairs, _, _ = stitch.candidate_pairs([a, b])
    assert pairs == []
    c = draft("会上发布了十项重点成果，涵盖人工智能和集成电路。")  # no head, no author: a piece
    assert stitch.candidate_pairs([a, b, c])[1] == [(0, 2), (1, 2)]


def test_a_page_signed_by_names_alone_is_one_of_signed_commentaries_and_a_reporters_is_not():
    """人民日报's theory page signs each piece with a name alone ("蒋建国"): there a head with no
    signature over text (a section head read as a story's, pdfminer.six) may be a piece of
    another; on a page of reporters' bylines an unsigned brief is a story of its own, and so it
    is beside a single signed commentary."""
    text = "全省数字经济创新发展大会在宁波召开。会上发布了十项重点成果。"
    for names, expected in ((("蒋建国", "周江 张济坤"), [(0, 2), (1, 2)]), (("本报记者 陈红", "本报记者 王海涛"), [])):
        drafts = [draft(text, head="数字经济大会召开", byline=names[0]), draft(text, head="公交线路新开通", byline=names[1]),
                  draft(text, head="全面准确贯彻“一国两制”方针")]
        assert stitch.candidate_pairs(drafts)[1] == expected
    # one signature is no page of them, though it signs half the heads
    assert stitch.candidate_pairs([draft(text, head="数字经济大会召开", byline="蒋建国"), draft(text, head="公交线路新开通")])[1] == []


def test_a_text_opening_with_a_dateline_is_never_put_after_another_story():
    a = draft("全省数字经济创新发展大会在宁波召开。", head="数字经济大会召开")
    b = draft("本报讯 全省数字经济创新发展大会发布十项重点成果。")
    assert stitch.candidate_pairs([a, b])[1] == []


def test_joining_keeps_every_character_and_makes_the_second_head_a_section():
    a = draft("第一段。", head="总标题", byline="陈路漫")
    b = draft("第二段。", head="分标题", byline="（作者为浙江大学教授）")
    before = "".join(line.text for line in a.heads + b.heads) + a.article.text + b.article.text
    stitch.join(a, b)
    assert a.article.paragraphs == ["第一段。", "分标题", "第二段。"]
    assert [line.text for line in a.heads] == ["总标题"] and a.article.byline == "陈路漫 （作者为浙江大学教授）"
    after = "".join(line.text for line in a.heads) + "".join(a.article.paragraphs)
    assert sorted(after) == sorted(before) and not b.article.paragraphs


def test_a_piece_printed_before_its_head_goes_after_it():
    a = draft("后半段。", start=False)
    b = draft("前半段。", head="标题", byline="陈路漫")
    stitch.join(a, b)
    assert a.article.paragraphs == ["前半段。", "后半段。"] and a.heads[0].text == "标题"


def test_a_head_alone_printed_over_a_dateline_text_is_its_head_and_stays_first():
    # a dateline opens a story, so a text after one goes first -- but not before the head lines
    # printed over it, read as a short text of no sentence alone; they stay first, and become
    # its head when the tagger read them as a section head
    from digest.opening_heads import _opening_section_is_head
    from digest.blocks import Block

    head_lines = [Line(number=1, raw=t, text=t, role="subhead") for t in ("期货大佬旗下浙江善渊投资", "产品触及止损线")]
    a = Draft(Article(id="", paragraphs=["期货大佬旗下浙江善渊投资产品触及止损线"]))
    a.texts = [(0, Block("para", head_lines, a.article.paragraphs[0]))]
    b = draft("本报讯（记者 方伟军）开年后私募圈大事不断。")
    stitch.join(a, b)
    assert a.article.paragraphs[0] == "期货大佬旗下浙江善渊投资产品触及止损线"
    a.article.paragraphs.append("记者了解到，该基金已触及止损线。")
    _opening_section_is_head(a)
    assert [line.text for line in a.heads] == ["期货大佬旗下浙江善渊投资", "产品触及止损线"]


def test_the_shipped_model_reads_the_features_the_code_computes():
    spec = json.loads(resources.files("digest").joinpath("data/stitch_model.json").read_text(encoding="utf-8"))
    assert spec["features"] == list(stitch.FEATURE_NAMES)
    model = stitch.load_model()
    row = [0.0] * len(stitch.FEATURE_NAMES)
    assert 0.0 <= model.probabilities([row])[0] <= 1.0


def test_a_model_fitted_on_a_few_pages_learns_to_join_the_pieces_of_one_article():
    """fit learns from labelled pairs that a piece sharing an article's words is part of it
    and a piece sharing nothing is not, whichever order the extractor printed them in."""
    pytest.importorskip("lightgbm")
    import train_stitch

    X, y = [], []
    whole = {"数字经济加快发展": OPENING, "公交线路新开通十二条": OTHER}
    pieces = {"数字经济加快发展": REST.replace("\n", ""), "公交线路新开通十二条": "全市新开通公交线路十二条，覆盖新建小区，市民出行更加便捷。"}
    for first, second in (list(whole), list(whole)[::-1]):
        for owner in whole:
            drafts = [draft(whole[first].replace("\n", ""), head=first, byline="陈路漫"),
                      draft(whole[second].replace("\n", ""), head=second, byline="吉文磊"),
                      draft(pieces[owner], start=False)]
            facts, pairs, sims, signed = stitch.candidate_pairs(drafts)
            for a, b in pairs:
                X.append(stitch.pair_features(facts, a, b, sims, signed))
                y.append(int(b == 2 and [first, second][a] == owner))
    spec = train_stitch.fit([(X * 10, y * 10)])
    p = stitch.StitchModel(spec).probabilities(X)
    assert min(pi for pi, yi in zip(p, y) if yi) > 0.5 > max(pi for pi, yi in zip(p, y) if not yi)
    assert np.isfinite(p).all()


def test_a_head_with_next_to_no_text_is_no_article_but_the_head_printed_after_the_text_above():
    """pdftotext -raw prints a commentary's head after its text, in overlapping pieces, two of
    them read as text ("：", "发展新方位"), and the author's name under it: that head-only
    draft joins the text above, the pieces make one title, the name joins the note."""
    from digest.blocks import Block
    from digest.heads import set_head

    def lines(first: int, *texts: str) -> list[Line]:
        return [Line(number=first + k, raw=t, text=t.replace(" ", "")) for k, t in enumerate(texts)]

    above = draft(OPENING.replace("目标更", "目标更加明确。").replace("\n", ""), byline="（作者为中央党校研究员）")
    above.heads, above.headed = lines(491, "新时代", "新时代："), True
    piece = Draft(Article(id="", byline="陈曙光"))
    piece.heads, piece.headed = lines(495, "发展新方位 奋进新目标", "奋进新目标"), True
    for k, line in enumerate(lines(493, "：", "发展新方位")):
        piece.article.paragraphs.append(line.text)
        piece.texts.append((k, Block("para", [line], text=line.text)))
    below = draft(OTHER.replace("\n", ""), head="公交线路新开通十二条", byline="吉文磊")
    drafts = [above, piece, below]
    stitch._home_bare_heads(drafts, stitch.load_model())
    assert not piece.heads and not piece.article.paragraphs and piece.article.byline is None
    noise: list[str] = []
    set_head(above, noise)
    assert above.article.title == "新时代：发展新方位奋进新目标"
    assert above.article.byline == "陈曙光 （作者为中央党校研究员）"
    assert below.article.title is None and [line.text for line in below.heads] == ["公交线路新开通十二条"]


def test_two_heads_stacked_over_one_text_go_each_to_the_text_it_is_about():
    """"午评…" / "安信证券…" stacked over the second's text, the first's text further on: the
    head that shares nothing with the text under it and much with the untitled text near it
    is that text's head (pdfsynth pages drew them so)."""
    from digest.heads import rehome_heads

    other_head, own_head = "公交线路新开通十二条方便市民出行", "数字经济加快发展产业集群"
    stacked = draft(OPENING + "目标更加明确。")
    stacked.heads = [Line(number=1, raw=other_head, text=other_head), Line(number=3, raw=own_head, text=own_head)]
    stacked.headed = True
    untitled = draft(OTHER)
    rehome_heads([stacked, untitled])
    assert [line.text for line in stacked.heads] == [own_head]
    assert [line.text for line in untitled.heads] == [other_head] and untitled.headed
    # a kicker about the page's theme matches no untitled text: it stays where it is
    themed = draft(OPENING + "目标更加明确。")
    themed.heads = [Line(number=1, raw="奋进新征程建功新时代", text="奋进新征程建功新时代"),
                    Line(number=3, raw=own_head, text=own_head)]
    themed.headed = True
    rehome_heads([themed, draft(OTHER)])
    assert len(themed.heads) == 2


def test_a_banner_set_larger_than_the_title_is_not_the_title():
    """A PDF's largest head line is the title, unless it shares nothing with the text and
    another head line shares much: a banner over the article ("奋进新征程 建功新时代")."""
    from digest.heads import set_head

    d = draft(OPENING + "目标更加明确。")
    d.heads = [Line(number=1, raw="奋进新征程建功新时代", text="奋进新征程建功新时代", font_size=24.0),
               Line(number=3, raw="数字经济加快发展产业集群", text="数字经济加快发展产业集群", font_size=16.0)]
    noise: list[str] = []
    set_head(d, noise)
    assert d.article.title == "数字经济加快发展产业集群" and d.article.subtitle == "奋进新征程建功新时代"
    d.heads[0].text = d.heads[0].raw = "数字货币交易新规今起施行"  # another story's head: one pair in common
    set_head(d, noise)
    assert d.article.title == "数字经济加快发展产业集群"
    d.heads[0].text = d.heads[0].raw = "数字经济引领发展"  # a larger title that is about the text stays the title
    set_head(d, noise)
    assert d.article.title == "数字经济引领发展"
