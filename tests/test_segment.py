"""One test per layout phenomenon, on small hand-made page fragments (not the seeds)."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from digest.model import Page
from digest.segment import segment

from conftest import shared

# A body paragraph hard-wrapped at 16 columns, as an extractor prints it.
BODY_A = """本报讯 6月24日，全省数字经济创新发展大
会在宁波召开。会上发布了十项重点成果，涵盖
人工智能、集成电路、生物医药等领域，来自
各地的三百余家企业参加了对接活动。
据介绍，今年以来全省新增高新技术企业一千
余家，研发投入强度持续提高，创新生态不断
优化，一批重大项目相继落地投产。"""

BODY_B = """本报讯 记者从市交通部门获悉，全市新开通
公交线路十二条，覆盖新建小区和产业园区，
市民出行更加便捷。
交通部门负责人表示，下一步将继续优化线网
布局，提升公共交通服务水平，让群众出行更
加舒心。"""

# More of BODY_A's story, as a section under a section head: a section is about its article
# (under a head, text on another subject is another story).
SECTION_A = BODY_A.replace("本报讯 6月24日，", "同日，").replace("宁波", "杭州")


def seg(text: str):
    return segment(Page(source="page.txt", text=text))


def titles(src):
    return [a.title for a in src.articles]


def test_blank_line_in_the_middle_of_a_word_is_joined():
    text = "创新大会在宁波召开\n\n本报讯 6月24日，长三角科技成果对接转化大会在杭州召开，科技成\n\n果对接转化大会吸引了数百家企业参加。\n"
    src = seg(text)
    assert "科技成果对接转化大会吸引" in src.articles[0].paragraphs[0]


def test_hard_wraps_are_reflowed_into_paragraphs():
    src = seg("数字经济创新发展大会召开\n\n" + BODY_A)
    paras = src.articles[0].paragraphs
    assert len(paras) == 2
    assert paras[0].startswith("本报讯6月24日，全省数字经济创新发展大会在宁波召开。")
    assert paras[1].startswith("据介绍，今年以来全省新增高新技术企业一千余家")


def test_one_line_paragraphs_are_kept():
    text = "标题在这里出现\n\n第一段文字很长很长，一直写到了句号为止，中间没有任何换行，因为提取工具把整段放在了一行里。\n第二段文字也很长，写了很多内容，同样是一行到底，这在一些报纸的电子版里很常见。\n"
    src = seg(text)
    assert src.articles[0].paragraphs == ["第一段文字很长很长，一直写到了句号为止，中间没有任何换行，因为提取工具把整段放在了一行里。", "第二段文字也很长，写了很多内容，同样是一行到底，这在一些报纸的电子版里很常见。"]


def test_spurious_spaces_between_cjk_removed_latin_spaces_kept():
    text = "新模型发布\n\n日前， 长三角 G60 科创走廊发布了 DAMO GRAPE 模型 ，效果很好。\n"
    para = seg(text).articles[0].paragraphs[0]
    assert para == "日前，长三角G60科创走廊发布了DAMO GRAPE模型，效果很好。"


def test_masthead_slogan_glued_to_headline_goes_to_noise():
    text = " 为 有 金 融 活 水 来数字经济创新发展大会在宁波召开\n\n" + BODY_A
    src = seg(text)
    assert "为有金融活水来" in [n.replace(" ", "") for n in src.noise]
    assert src.articles[0].title == "数字经济创新发展大会在宁波召开"


def test_letter_spaced_headline_is_a_title():
    src = seg("三 省 人 才 落 户 网 上 办\n\n" + BODY_B)
    assert src.articles[0].title == "三省人才落户网上办"


def test_a_letter_spaced_head_keeps_no_spacing_round_brackets_and_signs():
    """pdfminer.six letter-spaces a justified line: the spaces round "(" and "+" are the
    spacing's too; only one between two Latin words or numbers is the text's."""
    src = seg("苹 果 ( AAPL.O ) 将 于 下 周 放 榜\n\n" + BODY_B)
    assert src.articles[0].title == "苹果(AAPL.O)将于下周放榜"
    assert seg("京 津 冀 “ 3 + N ” 联 盟 采 购 方 案\n\n" + BODY_B).articles[0].title == "京津冀“3+N”联盟采购方案"


def test_vertical_headline_is_a_title():
    vertical = "\n".join("公交线路新开通")
    src = seg(vertical + "\n\n" + BODY_B)
    assert src.articles[0].title == "公交线路新开通"


def test_kicker_and_title():
    text = "聚焦数字经济，打造创新高地———\n\n全省数字经济大会召开\n本报记者 王小明\n\n" + BODY_A.replace("本报讯 ", "")
    art = seg(text).articles[0]
    assert art.title == "全省数字经济大会召开"
    assert art.subtitle == "聚焦数字经济，打造创新高地———"
    assert art.byline == "本报记者 王小明"


def test_headline_printed_after_its_article_is_attached_to_it():
    body = BODY_B.replace("本报讯 ", "")
    text = body + "\n\n（记者 杨 洁）\n\n公交线路再添十二条\n\n"
    src = seg(text)
    assert len(src.articles) == 1
    assert src.articles[0].title == "公交线路再添十二条"


def test_article_without_headline_has_no_title_in_segmentation():
    src = seg(BODY_B)
    assert src.articles[0].title is None


def test_a_head_set_right_over_its_text_is_its_title():
    # no gap, no dateline, no byline under it: the tagger reads it as the text's first line,
    # but it closes no sentence, the text under it opens one and says its words again
    body = BODY_B.replace("本报讯 ", "")
    src = seg("2024年6月25日 星期二\n\n全市新开通公交线路十二条\n" + body)
    assert titles(src) == ["全市新开通公交线路十二条"]
    assert src.articles[0].paragraphs[0].startswith("记者从市交通部门获悉")
    # the first line of text is no head: it runs on into the next line ("线网" / "布局")
    src = seg("2024年6月25日 星期二\n\n" + body.split("\n", 3)[3])
    assert titles(src) == [None]


def test_a_line_that_only_says_who_spoke_is_the_kicker_not_the_title():
    # "…表示" over the news, set right over it: the lead-in is the kicker ("习近平在…时强调")
    body = ("国家卫健委发言人米锋表示，各地不得随意禁止外地群众返乡过年，\n"
            "不得随意对返乡群众采取隔离等措施，要做好返乡人员的健康服务。\n"
            "他说，各地要坚持科学精准防控，避免简单化和一刀切。\n")
    src = seg("2024年1月5日 星期五\n\n国家卫健委发言人米锋表示\n不得随意禁止外地群众返乡过年\n\n" + body)
    assert [(a.title, a.subtitle) for a in src.articles] == [("不得随意禁止外地群众返乡过年", "国家卫健委发言人米锋表示")]


def test_a_wrapped_head_whose_last_piece_repeats_a_word_of_it_keeps_that_piece():
    # "春运" repeats a word of the first line, but is not printed next to it: it ends the head,
    # it is no second print of a piece (pdfminer.six prints a head drawn twice right under it)
    src = seg("2022年2月28日 星期五 A12 财经\n\n交通运输部：强化春运\n疫情防控着力打造健康\n春运\n"
              "记者 叶华鑫 通讯员 尹浩\n\n交通运输部召开春运工作视频调度会，要求各地强化春运疫情防控，\n"
              "着力打造健康春运、平安春运，保障旅客安全有序出行。\n会议指出，今年春运客流总体平稳，各地要压实责任。\n")
    assert titles(src) == ["交通运输部：强化春运疫情防控着力打造健康春运"]
    assert src.noise == ["2022年2月28日星期五A12财经"]


def test_a_head_wrapped_at_its_width_is_one_title_though_its_lines_are_equally_wide():
    # every line of a head wrapped at its width but the last is full: the first two lines are
    # as wide as each other (a kicker over its title is rarely so), so they are one head
    src = seg("2022年2月28日 星期五 A12 财经\n\n先前的文章说了一件事。\n\n蔚来回应宁德时代布局\n换电：欢迎有利于电动\n车主的创新\n"
              "记者 苏鹏勇\n\n宁德时代推出换电服务品牌，蔚来方面回应称，欢迎一切有利于电动车主的创新，\n"
              "换电模式的推广需要行业共同努力，蔚来将继续开放换电网络。\n"
              "业内人士表示，换电与充电将长期并存，互为补充。\n")
    assert [a.title for a in src.articles if a.title] [-1] == "蔚来回应宁德时代布局换电：欢迎有利于电动车主的创新"


def test_section_head_lines_right_under_a_head_are_more_of_that_head():
    # the tagger reads the head's narrow last piece as a section head; printed right under the
    # head line with no gap it is no section of the story it opens: a story opens with its text
    src = seg("2021年4月10日 星期六 A3 经济\n\n"
              "第一财季牛肉均价上涨了32%，鸡肉均\n价上涨了20%，猪肉均价上涨了13%。\n"
              "该公司指出，通胀、劳动力短缺、牛和\n谷物成本上升是导致价格上涨的原因。\n\n"
              "马钢股份：厂区发生\n安全事故暂停事故相\n关脱硫脱硝系统\n\n"
              "马钢股份公告，6日8：15左右，公司服\n务商中冶宝钢技术服务有限公司维保人\n"
              "员发现该公司承接的本公司炼铁总厂带\n式焙烧机脱硫脱硝系统D仓出现异常漏\n"
              "灰，公司已暂停事故相关脱硫脱硝系统\n运行，并配合有关部门开展事故调查。\n")
    assert "马钢股份：厂区发生安全事故暂停事故相关脱硫脱硝系统" in titles(src)


def test_narrow_lines_right_under_a_head_are_the_head_wrapped_on():
    # text fills its column's lines but a paragraph's last: lines under a head, narrower than
    # the text by more than an indent and closing no sentence, are the head's, not the text's
    src = seg("2022年1月28日 星期五 A4 观察\n\n"
              "第一财季牛肉均价上涨了32%，鸡肉均价上涨\n了20%，猪肉均价上涨了13%。\n"
              "该公司指出，通胀、劳动力短缺、牛和谷物成\n本上升是导致价格上涨的原因。\n\n"
              "广东房协建议房企：提高政治\n站位落实调控政策，积极销售\n回款\n"
              "1月27日，广东省房地产行业协会发布《2021年度\n广东房地产市场分析报告》，报告显示，2021年下\n"
              "半年广东全省商品房销售量高位下探，全年销售面\n积同比下降6%。协会建议房企提高政治站位，落\n"
              "实调控政策，积极销售回款，稳健经营。\n")
    art = next(a for a in src.articles if "房协" in (a.title or ""))
    assert art.title == "广东房协建议房企：提高政治站位落实调控政策，积极销售回款"
    assert art.paragraphs[0].startswith("1月27日")


def test_a_head_wrapped_on_into_a_paragraph_of_its_own_is_still_the_head_s():
    # the tagger cut the head's last line off as a paragraph (or a section head) of its own,
    # the text printed right under it: the narrow lines run on across that cut
    from digest.blocks import Block
    from digest.model import Article, Line
    from digest.opening_heads import find_opening_head
    from digest.pieces import Draft

    def para(first, texts):
        lines = [Line(number=first + k, raw=t, text=t) for k, t in enumerate(texts)]
        return Block("para", lines, "".join(texts), column=16.5)

    last = para(6, ["加息100个基点"])
    text = para(7, ["周一公布的路透调查结果显示，俄", "罗斯央行料将连续第二次大幅加息10", "0个基点，以抑制通胀。接受调查的3",
                    "3位分析师和经济学家中，有27位预", "计俄罗斯央行将于周五将关键利率上调"])
    d = Draft(Article(id="", paragraphs=[last.text, text.text], complete_start=True),
              heads=[Line(number=5, raw="机构调查：俄罗斯央行周五料", text="机构调查：俄罗斯央行周五料")],
              headed=True, texts=[(0, last), (1, text)])
    find_opening_head(d)
    assert [line.text for line in d.heads] == ["机构调查：俄罗斯央行周五料", "加息100个基点"]
    assert d.article.paragraphs == [text.text] and d.texts == [(0, text)]


def test_on_a_page_that_does_not_indent_the_first_text_reaching_the_edge_still_has_its_head():
    # "the page opens mid-paragraph" is read from a first line reaching the column's edge,
    # which only says so where paragraphs open indented; here none do
    src = seg("2023年2月27日 星期三 A9 综合\n\n"
              "证券交易保持严监管已成常态开年两周监管部门剑指287起异常交易行为\n"
              "进入2022年，沪深交易所对证券交易保持严监\n管。\n\n"
              "两周内，287起证券异常交易被采取自律监管\n措施，严重异常交易行为者被暂停账户交易，\n"
              "持续释放强监管信号。数据统计，1月4日至1\n月14日，深交所共对178起证券异常交易行为\n"
              "采取了自律监管措施。（记者 孟军波）\n\n"
              "中青宝回复关注函\n\n"
              "中青宝回复关注函，保尔利德未来的\n核心竞争力主要在于公司及华为等合\n作伙伴相关海外服务的赋能。\n\n"
              "本次收购是基于公司业务需求产生，\n是具体业务核心人员出于业务开发的\n需要。\n")
    assert src.articles[0].title == "证券交易保持严监管已成常态开年两周监管部门剑指287起异常交易行为"
    assert not src.articles[0].title_generated


@pytest.mark.parametrize("indent", ["\u3000\u3000", "  "], ids=["full-width", "ascii"])
def test_a_line_printed_with_a_paragraphs_indent_is_text_not_a_deck(indent):
    # the dump keeps the paragraphs' indents; the story's first paragraph is cut by a blank
    # line after its first line, which is short and set apart as a deck would be, but indented
    page = ("{i}业内人士认为，今年一季度的供应在短期\n内不太可能激增。考虑到需求，价格不太可\n能下降。\n\n"
            "本版责编：毕佳　版式设计：彭海燕\n\n"
            "滥用国家力量无理打压中企！美FCC吊销中国联通美洲公司在美经营授权\n\n"
            "{i}美国又以所谓“国家安全”为由，吊销\n\n"
            "中国联通（美洲）运营有限公司在美提供\n州际和国际通信服务的授权。\n\n"
            "{i}中国外交部此前曾表示，中方敦促美方\n停止将国家安全概念泛化、将经济问题政\n"
            "治化的错误做法，停止滥用国家力量无理\n打压中国企业。（环球网）\n").format(i=indent)
    story = seg(page).articles[-1]
    assert (story.title, story.subtitle) == ("滥用国家力量无理打压中企！美FCC吊销中国联通美洲公司在美经营授权", None)
    assert story.paragraphs[0].startswith("美国又以所谓“国家安全”为由，吊销中国联通")


def test_a_head_whose_quote_closes_on_its_last_line_is_whole_there():
    # the quote is open at the end of the head's first line, closed at the end of its second:
    # whether the head goes on is asked of the head so far, not of its last line alone
    src = seg("2023年2月11日 星期二 A16 经济\n\n"
              "Meta市值跌破6000亿美元，或滑出反垄断范围？\n\n"
              "Meta收跌2.1%，市值为5993.2亿美元，跌破6000亿\n美元。6000亿美元市值恰好是美国众议院为“覆盖\n"
              "性平台”制定的门槛，达到这个门槛的平台将受到\n一系列专门针对科技巨头制定的竞争性立法提案的\n约束。\n"
              "这些提案要最终成为法律还需要一段时间，有的还\n有可能半路夭折。\n\n"
              "英国智库：英国央行的加息行动“\n落后于形势”\n\n"
              "英国国家经济社会研究院（Niesr）\n副院长PaulMortimer-Lee周二在一个\n"
              "网络活动上表示，就加息而言，英国\n央行“落后形势至少六个月，甚至可\n能是九个月”。\n"
              "他表示，“英国央行现正努力从11月\n的无行动转向12月和2月加息，甚至\n"
              "考虑加息50个基点，这表明英国央行\n承认落后于形势。”（记者 向英兰）\n")
    assert "英国智库：英国央行的加息行动“落后于形势”" in titles(src)


SOURCE_AND_CLAIM_HEAD = (
    "2022年2月9日 星期三 A5 财经\n"
    "\n"
    "证券时报：保障性租赁\n"
    "住房将成楼市新增长极\n"
    "记者 邓秀雪 通讯员 袁丽晨\n"
    "\n"
    "新规的落地，不论是对减轻房企负债投\n"
    "资压力，还是打消银行发放涉房贷款诸\n"
    "多顾虑都有积极作用。对房企而言，随\n"
    "着近期一系列楼市调控政策的微调，房\n"
    "企销售和资金压力有望逐步缓解，从而\n"
    "推动市场预期逐步改善。实际上，近期\n"
    "股市房地产板块和银行板块出现反弹，\n"
    "显示市场对房地产预期转好。可以预见，\n"
    "已落地的纠偏政策会持续发力，而在稳\n"
    "地价、稳房价、稳预期的总体要求下，\n"
    "各地还会因城施策继续出台有利于促进\n"
    "房地产业良性循环和健康发展的相关举\n"
    "措。\n"
)


def test_a_head_naming_its_source_before_a_colon_goes_on_in_a_line_as_wide():
    # "证券时报：保障性租赁" / "住房将成楼市新增长极": what the source says goes on; no title and deck
    src = seg(SOURCE_AND_CLAIM_HEAD)
    assert titles(src) == ["证券时报：保障性租赁住房将成楼市新增长极"]
    assert src.articles[0].subtitle is None


def test_a_colon_head_over_a_line_of_another_width_stays_title_and_deck():
    page = SOURCE_AND_CLAIM_HEAD.replace("住房将成楼市新增长极\n", "住房将成为楼市新的增长极\n")
    assert seg(page).articles[0].subtitle is not None


def test_three_head_lines_as_wide_as_each_other_are_one_head():
    # a kicker and a title, or a title and its deck, are not set to one width with a third line
    src = seg("2022年2月7日 星期一 A5 财经\n\n"
              "2021年7月17日至23日，河南省遭遇历史罕\n见特大暴雨，发生严重洪涝灾害，特别是7\n"
              "月20日郑州市遭受重大人员伤亡和财产损失。\n\n图为成都天府新区一景。侯兰 摄\n\n"
              "摩根士丹利料美股还\n有更大跌势恐怕会跑\n输世界其余地区股市\n本报记者 钱宇秀\n\n"
              "本报讯（记者 钱宇秀）摩根士丹利跨资\n产策略师AndrewSheets认为，由于美股难\n"
              "以适应政策收紧的时代，因此加倍押注美\n股将从赢家变为输家。\n")
    assert "摩根士丹利料美股还有更大跌势恐怕会跑输世界其余地区股市" in titles(src)


def test_a_head_wrapped_over_three_lines_whose_middle_shares_no_word_with_the_text_is_one_head():
    # whether the head is about the text under it is asked of the head so far, not of its
    # middle line alone ("有更大跌势恐怕会跑" shares no word with a text that says "落后于世界其余地区")
    src = seg("2022年2月7日 星期一 A5 财经\n\n图为成都天府新区一景。侯兰 摄\n\n"
              "摩根士丹利料美股还\n有更大跌势恐怕会跑\n输世界其余地区股市\n本报记者 钱宇秀\n\n"
              "本报讯 摩根士丹利跨资产策略师认为，由\n于美股难以适应政策收紧的时代，美股表\n"
              "现会落后于世界其余地区的股票，他们偏\n好在美国股市持有防御性头寸。\n")
    assert titles(src) == ["摩根士丹利料美股还有更大跌势恐怕会跑输世界其余地区股市"]
    assert src.articles[0].subtitle is None


@pytest.mark.parametrize("page, title", [
    # the first paragraph under the head is about another matter than the head; the text as
    # a whole is about what the head says
    ("2022年2月9日 星期三 A5 财经\n\n本版图片均为资料图\n\n"
     "全国去年底以来已有20多个城市调整公积金贷款\n"
     "人民银行、银保监会2月8日发布关于保障性租\n赁住房有关贷款不纳入房地产贷款集中度管理\n的通知。\n"
     "据统计，从去年底到如今的两个多月时间内，\n全国20多个城市住房公积金贷款政策调整。\n"
     "业内人士表示，“一城一策”的调整有望从公\n积金贷款进一步拓展至银行商业贷款。\n",
     "全国去年底以来已有20多个城市调整公积金贷款"),
    # "…" or "！" inside a head is no sentence it states ("上海市唯一！闵行连续三年获评示范")
    ("2020年4月23日 星期日 A13 要闻\n\n"
     "多地房贷利率下调，放款速度加\n快…专家：只是对合理需求的放\n松，各地仍在严管市场秩序\n"
     "记者 雷娟 通讯员 肖涛兰\n"
     "　　今年1月，贝壳研究院监\n测的103个重点城市主流首套\n房贷利率为5.56%，二套利率\n"
     "为5.84%，均较上月回落8个基\n点，1月平均放款周期为50天，\n较上月缩短7天。\n"
     "　　专家表示，房贷利率下调是\n对合理需求的放松，各地仍在\n严管市场秩序。\n",
     "多地房贷利率下调，放款速度加快…专家：只是对合理需求的放松，各地仍在严管市场秩序"),
    # a head wrapped at the column's width with no gap under it, its short last piece read as a
    # paragraph of its own (the other generator's pages; the text set in a wider column)
    ("2023年3月10日 星期二 A11 财经\n\n"
     "小鹏汽车：因宁德时代电池价格大\n幅上涨，将逐步替换由中航锂电供\n应\n"
     "　　日前，小鹏汽车在接受机构调研时表示，2021年实\n际交付汽车9.8万辆，超出原计划的9万辆目标；2022年\n"
     "计划整体交付25万辆，并向30万辆冲击。而在电池方面，\n小鹏汽车表示，宁德时代价格涨幅太大，为应对成本上涨\n"
     "带来的压力，未来会逐渐将宁德时代动力电池替换为中航\n锂电的电池。（集微网）\n（记者 张浩杰）\n",
     "小鹏汽车：因宁德时代电池价格大幅上涨，将逐步替换由中航锂电供应"),
], ids=["about-the-whole-text", "trails-off-inside", "last-piece-apart"])
def test_an_opening_head_set_right_over_its_text_is_found_whole(page, title):
    assert titles(seg(page))[0] == title


HEAD_RIGHT_OVER_ITS_TEXT = (
    "2022年1月24日 星期一 A6 财经\n"
    "\n"
    "体信心，鼓励企业增加中长期投资，对\n"
    "于当前扩内需、稳外需以及房地产市场\n"
    "平稳运行将产生积极效果。从房企角度\n"
    "看，中长期贷款资金成本将进一步降低，\n"
    "进而鼓励房企愿贷敢贷，较好激活房企\n"
    "2022年的投资和新开工意愿；从购房者\n"
    "来说，房贷利率成本进一步下调，将进\n"
    "一步激活合理住房消费需求，活跃交易\n"
    "行情。\n"
    "\n"
    "未来基金主席Costello：澳洲联储将\n"
    "利率维持到2024年是“不可能的”\n"
    "　　本报讯 澳洲联储需要改变措辞，为\n"
    "今年晚些时候或明年加息做好准备。到目\n"
    "前为止，澳洲联储的立场仍是直到2024年\n"
    "才会加息，这显然是站不住脚的。不管最\n"
    "终是今年年底还是明年开始加息，澳洲联\n"
    "储都必须要提前让市场做好准备。\n"
    "　　联储主席也必须“承认”应当终止债\n"
    "券购买计划，否则会损害联储信誉。\n"
    "　　三年后的利率走势是无法预测的，澳\n"
    "联储的任务也不在这，它的任务是控制通\n"
    "胀，利率应该由通胀决定，而不应该一个\n"
    "由银行根据无法预测的环境宣布的结果。\n"
    "（记者 汪鑫）\n"
)


def test_a_head_read_as_a_paragraph_of_its_own_right_over_its_text_is_its_head():
    # the other generator's page: the head set with no gap over its text, read as a paragraph
    # of no sentence that the joiner put after the text it heads
    src = seg(HEAD_RIGHT_OVER_ITS_TEXT)
    story = src.articles[-1]
    assert story.title == "未来基金主席Costello：澳洲联储将利率维持到2024年是“不可能的”"
    assert story.paragraphs[0].startswith("本报讯")
    assert not any("Costello" in p for p in story.paragraphs)


def test_a_last_paragraph_that_closes_a_sentence_stays_text():
    page = HEAD_RIGHT_OVER_ITS_TEXT.replace("利率维持到2024年是“不可能的”", "利率维持到2024年是不可能的。")
    articles = seg(page).articles
    assert all("Costello" not in (a.title or "") for a in articles)
    assert any(p.startswith("未来基金主席Costello") for a in articles for p in a.paragraphs)


QUESTION_HEAD_AFTER_ITS_TEXT = (
    "2022年2月8日 星期二 A7 财经\n"
    "\n"
    "考虑到上次美联储2018年加息时缩表对市场影响\n"
    "多么糟糕，美联储还要考虑试图同时加息和缩表，”\n"
    "他在报告中写道，警告了“震慑性”做法的危险。\n"
    "“意外的冲击不会立即影响到通胀，但会立即影\n"
    "响已经高估的金融资产价格，破坏信心并损害经\n"
    "济稳定，”他表示。Minerd去年曾认为通胀会是\n"
    "暂时的，现在他表示，价格大幅上涨可能是“疫\n"
    "情后经济复苏的一个坚韧而持续的特征。”\n"
    "\n"
    "制图：宋萍\n"
    "\n"
    "蔚来汽车斥资5000万杀\n"
    "入保险经纪领域新能源\n"
    "车险不要中介？\n"
    "　　新华社北京5月24日电 2021年\n"
    "底，随着新能源汽车商业保险专属\n"
    "条款的正式实施，不少新能源汽车\n"
    "的保费大幅增长。\n"
    "\n"
    "　　随着蔚来入局保险经纪领域，\n"
    "业界开始更加期待新能源车企与保\n"
    "险公司推出专属保险产品。行业人\n"
    "士普遍认为，相对于传统保险公司，\n"
)


def test_a_head_that_asks_set_over_a_gap_and_read_after_its_text_is_its_head():
    # the joiner put the head's paragraph after the text it heads; a head may ask
    story = seg(QUESTION_HEAD_AFTER_ITS_TEXT).articles[-1]
    assert story.title == "蔚来汽车斥资5000万杀入保险经纪领域新能源车险不要中介？"
    assert story.paragraphs[0].startswith("新华社北京5月24日电")


SOURCE_OVER_A_STORY = (
    "北京购买四类药品人\n"
    "员需72小时内核检\n"
    "北京疫情防控工作发布会\n"
    "通报：为进一步提早发现和管\n"
    "控疫情风险，今起，既往14\n"
    "日内及今后购买退热、止咳、\n"
    "抗感染、治疗咽干咽痛四类药\n"
    "品的人员，均需在72小时内\n"
    "进行一次核酸检测。\n"
    "北京健康宝将通过核酸检\n"
    "测数据库进行比对，未能按时\n"
    "\n"
    "进行检测的，将进行弹窗提示，\n"
    "可能会影响出行和日常生活。\n"
    "请大家及时关注防控提醒\n"
    "和短信提示，自觉遵守防疫规\n"
    "定，配合做好核酸检测、健康\n"
    "管理等防控工作，在检测结果\n"
    "未出之前，请居民朋友减少外\n"
    "出。\n"
    "（央视）\n"
    "\n"
    "央视曝光电商直播乱象：得物产品抽样不合\n"
    "格率50%，快手小红书等同样存在问题\n"
    "上海市市场监督管理局对\n"
    "9家电商直播平台销售的婴幼\n"
    "儿服装、成人服装、服装配饰、\n"
    "鞋、箱包和床上用品等6类商\n"
    "品进行抽检，共涉及96个品\n"
    "\n"
    "牌的6类产品。\n"
    "结果发现，113批次样\n"
    "品中，有22批次不合格，不\n"
    "合格率为19. 5%。其中，\n"
    "抽查不合格率最高的是“ 得物”\n"
    "\n"
    "电商平台；此外，抽查发现，\n"
    "有6批次样品未标注生产企业\n"
    "名称；而快手抽样不合格率为\n"
    "40%，小红书抽样不合格率\n"
    "为28. 6%；而京东、淘宝\n"
    "等电商直播或短视频平台的货\n"
    "物中也有部分存在问题。\n"
)


def test_a_source_in_brackets_over_the_next_story_is_not_its_head():
    titles_ = titles(seg(SOURCE_OVER_A_STORY))
    assert "（央视）" not in titles_
    assert titles_[-1] == "央视曝光电商直播乱象：得物产品抽样不合格率50%，快手小红书等同样存在问题"


def test_head_lines_under_a_kicker_set_apart_from_the_text_by_a_gap_are_the_head():
    # two lines right under the kicker, closing no sentence, a blank line between them and the
    # text (which the paragraph, not ended, runs on across): head, not the text's opening
    src = seg("2022年2月7日 星期一 A5 财经\n\n"
              "货币市场交易员加大了对主要央行加息次数和\n幅度的押注，反映出对决策者将通过紧缩前置\n"
              "来遏制通胀的展望。\n\n制图：冯晶欣\n\n"
              "海通证券指出\n海通证券：两市上演深V行\n情，静待市场夯实底部区域\n\n"
              "海通证券指出，地方两会相继召\n开，从各地区会议内容来看，释\n放了两个重要信号，一是重视稳\n"
              "增长工作，二是基建投资为发力\n重点。进入2022年以后，各地发\n行专项债的节奏有所加快。\n")
    art = next(a for a in src.articles if "海通" in a.text + (a.title or ""))
    # (which of the two is the title is set_head's to say: here the kicker right over them)
    assert "海通证券：两市上演深V行情，静待市场夯实底部区域" in (art.title, art.subtitle)
    assert art.paragraphs[0].startswith("海通证券指出，地方两会")


QUOTED_LAST_PIECE = (
    "2022年1月17日 星期一 A4 经济\n"
    "\n"
    "　　当地时间1月5日，土耳其单日新增新冠肺\n"
    "炎确诊病例达到66467例，此后土耳其单日新\n"
    "增确诊病例几乎都在6万例以上，并屡次刷新\n"
    "最高纪录。（央视）\n"
    "\n"
    "人民财评：点燃中国经济增长\n"
    "“双引擎”\n"
    "\n"
    "　　消费与投资是扩大内需的重要动力。\n"
    "2021年，我国消费活力充沛，消费升级势\n"
    "头不减。前三季度，最终消费支出对经济\n"
    "增长贡献率为64.8%，比上半年提高3.1个\n"
    "百分点，成为拉动中国经济增长的第一动\n"
    "力源。2021年，我国投资亮点频频，制造\n"
    "业投资调整优化。\n"
    "　　1-11月，制造业投资同比增长13.7%，\n"
    "明显快于全部投资，高技术制造业投资增\n"
    "长更达22.2%。所以，面对疫情反复对消\n"
    "费造成持续影响，面对原材料成本上涨导\n"
    "致投资增速放缓，必须坚持扩大消费、投\n"
)


def test_a_head_whose_last_piece_is_a_quoted_word_over_a_gap_is_whole():
    # "…增长" / "“双引擎”" / gap / text: the closing quote ends a quoted word, not a sentence
    assert titles(seg(QUOTED_LAST_PIECE))[-1] == "人民财评：点燃中国经济增长“双引擎”"


def test_a_title_read_as_a_line_of_text_between_its_kicker_and_a_gap_is_the_head():
    # the kicker over the title was read as the head, the title under it as a paragraph of its
    # own; no sentence closes in it and a gap parts it from the text: it is head. A sentence
    # there (。) keeps it text.
    from digest.opening_heads import _head_over_gap
    from digest.blocks import Block
    from digest.model import Article, Line
    from digest.pieces import Draft

    def draft(title_line: str) -> Draft:
        kicker = Line(number=12, raw="美国银行认为", text="美国银行认为", role="head")
        title = Line(number=13, raw=title_line, text=title_line, role="body")
        text = [Line(number=15, raw=t, text=t, role="body") for t in ("美国银行认为，谷歌母公司宣布拆股。",)]
        d = Draft(Article(id="", paragraphs=[title_line, text[0].text]), heads=[kicker], headed=True)
        d.texts = [(0, Block("para", [title], title_line)), (1, Block("para", text, text[0].text))]
        return d

    d = draft("美国银行：Alphabet拆分股票或引发其他公司效仿")
    _head_over_gap(d)
    assert [line.text for line in d.heads] == ["美国银行认为", "美国银行：Alphabet拆分股票或引发其他公司效仿"]
    assert d.article.paragraphs == ["美国银行认为，谷歌母公司宣布拆股。"]
    d = draft("美国银行认为拆股将引发效仿。")
    _head_over_gap(d)
    assert len(d.heads) == 1 and len(d.article.paragraphs) == 2


def test_generated_title_is_marked():
    from digest.pipeline import digest_text

    src = digest_text(BODY_B, "page.txt")
    art = src.articles[0]
    assert art.title and art.title_generated is True


@pytest.mark.parametrize(
    "byline",
    ["本报记者 陈路漫 通讯员 胡珂", "（记者 杨 洁）", "□长三角科技报联盟上海报道组 吴苡婷", "解放日报记者 李成东",
     "（据 6月 25日今日闵行官方微信）"],
)
def test_bylines_on_their_own_line(byline):
    text = "数字经济创新发展大会召开\n" + byline + "\n\n" + BODY_A.replace("本报讯 ", "")
    art = seg(text).articles[0]
    assert art.byline == byline


@pytest.mark.parametrize("byline", ["本报记者 陈路漫 通讯员 胡珂", "解放日报记者 李成东"])
def test_a_byline_appended_to_the_last_body_line_is_split_off(byline):
    text = BODY_A.replace("本报讯 ", "") + " " + byline + "\n\n公交线路再添十二条\n\n" + BODY_B
    first, second = seg(text).articles
    assert first.byline == byline and first.paragraphs[-1].endswith("落地投产。")
    assert second.title == "公交线路再添十二条"


def test_byline_appended_to_the_last_body_line():
    text = "数字经济创新发展大会召开\n\n" + BODY_A + " 本报记者 陈路漫 通讯员 胡珂\n"
    art = seg(text).articles[0]
    assert art.byline == "本报记者 陈路漫 通讯员 胡珂"
    assert art.paragraphs[-1].endswith("一批重大项目相继落地投产。")


def test_bare_names_after_the_text_are_the_byline():
    text = "数字经济创新发展大会召开\n\n" + BODY_A + "\n李凯旋\n"
    assert seg(text).articles[0].byline == "李凯旋"


@pytest.mark.parametrize("names, byline", [("傅春生", "傅春生"), ("傅 红", "傅红"), ("赖明 洪涛", "赖明 洪涛"),
                                           ("阎海燕", "阎海燕")])
def test_names_of_the_commonest_surnames_after_the_text_are_the_byline(names, byline):
    """傅, 阎, 赖 and 洪 are among the hundred commonest surnames."""
    text = "数字经济创新发展大会召开\n\n" + BODY_A + "\n" + names + "\n"
    assert seg(text).articles[0].byline == byline


@pytest.mark.parametrize("printed, byline", [
    ("汪 涛 吴光胜 胡查平", "汪涛 吴光胜 胡查平"),  # 0117: a two-character name spaced to the width of three
    ("徐方平 高 静", "徐方平 高静"),  # 0118
    ("陈 先 达", "陈先达"),  # a name letter-spaced whole
    ("本报记者 陈路漫 通讯员 胡珂", "本报记者 陈路漫 通讯员 胡珂"),  # names apart stay apart
    ("李 静 陈 红", "李静 陈红"),  # two such names side by side
    ("记 者 王 强", "记 者 王 强"),  # lone characters that are not names in pairs: left as printed
])
def test_a_name_spaced_out_is_written_whole_in_the_byline(printed, byline):
    """Papers space a two-character name to the width of a three-character one ("汪 涛"); the
    reader sees one name, not two people (no Chinese name is one character)."""
    from digest.author_lines import names_as_written

    assert names_as_written(printed) == byline
    text = "数字经济创新发展大会召开\n\n" + BODY_A + "\n" + printed + "\n"
    assert seg(text).articles[0].byline.replace(" ", "") == byline.replace(" ", "")


@pytest.mark.parametrize("names", ["李\n\n静\n\n张晓峰", "本报记者\n\n李静\n\n通讯员\n\n张晓峰"])
def test_names_printed_apart_over_blank_lines_under_a_head_are_one_author_line(names):
    """pdftotext prints a letter-spaced author line as pieces with blank lines between ("李" /
    "静" / "张晓峰", drawn pages): the next name is more of the line the pieces began, not a new
    story's author line over the text (which left the head an empty article)."""
    src = seg("数字经济创新发展大会召开\n" + names + "\n\n" + BODY_A + "\n")
    assert len(src.articles) == 1
    article = src.articles[0]
    assert article.title == "数字经济创新发展大会召开" and article.paragraphs
    assert article.byline.replace(" ", "") == names.replace("\n", "")


def test_whole_names_a_blank_line_apart_are_not_made_one_author_line():
    """Two stories side by side, their heads printed together and then their author lines
    ("郭雪磊" / "" / "郭丽娜"): whole names a blank apart may be two stories' authors, so only a
    name the extractor cut into pieces takes the next one into its line."""
    src = seg("数字经济创新发展大会召开\n郭雪磊\n\n郭丽娜\n\n" + BODY_A + "\n")
    assert all("郭雪磊" not in (a.byline or "") or "郭丽娜" not in (a.byline or "") for a in src.articles)


@pytest.mark.parametrize("credit", ["（中国网）", "。（中国网）"])
def test_names_after_a_source_credit_are_the_texts_author_line_not_a_head(credit):
    """A text closed by its source credit ("…活动。" / "（中国网）") is finished as surely as by a
    full stop: the names printed in pieces after it are its author line, not the next head."""
    closed = BODY_A + ("\n" + credit if credit.startswith("（") else credit[1:])
    text = "数字经济创新发展大会召开\n\n" + closed + "\n\n李\n\n静\n\n张晓峰\n\n公交线路再添十二条\n" \
        + BODY_B.replace("本报讯 ", "") + "\n"
    first, second = seg(text).articles
    assert first.byline.replace(" ", "") == "李静张晓峰"
    assert second.title == "公交线路再添十二条" and second.byline is None


def test_two_names_after_the_text_then_the_next_head():
    text = ("数字经济创新发展大会召开\n\n" + BODY_A + "\n林晓晖 王屹峰\n\n公交线路再添十二条\n\n"
            + BODY_B.replace("本报讯 ", "") + "\n吉文磊\n")
    first, second = seg(text).articles
    assert first.byline == "林晓晖 王屹峰"
    assert second.title == "公交线路再添十二条" and second.subtitle is None and second.byline == "吉文磊"


@pytest.mark.parametrize("dateline", ["本报讯", "本报上海5月23日电（阮见）", "新民晚报讯", "新华社北京1月2日电"])
def test_dateline_opens_an_article_and_stays_in_its_first_paragraph(dateline):
    first = BODY_A.replace("本报讯 ", "")
    second = BODY_B.replace("本报讯", dateline)
    src = seg(first + "\n" + second)
    assert len(src.articles) == 2
    assert src.articles[1].paragraphs[0].startswith(dateline.replace(" ", ""))


def test_jump_marker_sets_continued_and_is_noise():
    text = "数字经济创新发展大会召开\n\n" + BODY_A[:-1] + "， （下转A2版）\n"
    src = seg(text)
    assert src.articles[0].continued == "A2"
    assert "（下转A2版）" in src.noise


def test_one_line_of_text_cut_by_a_jump_marker_is_text_not_a_head():
    """A story cut after its first line: that line, short and set apart, would pass for a head,
    but text a jump marker is appended to is the story's text."""
    text = ("公交线路新开通十二条\n\n" + BODY_B + "\n\n数字经济创新发展大会召开\n本报记者 王海涛\n\n"
            "6月24日，全省数字经济创新发展大 （下转A2版）\n")
    src = seg(text)
    assert titles(src) == ["公交线路新开通十二条", "数字经济创新发展大会召开"]
    assert src.articles[1].paragraphs == ["6月24日，全省数字经济创新发展大"]
    assert src.articles[1].continued == "A2"


def test_page_beginning_mid_sentence_is_an_incomplete_start():
    text = "，并将加快新品种选育进展，进一步提升了产业链\n水平。\n\n数字经济创新发展大会召开\n\n" + BODY_A
    src = seg(text)
    assert src.articles[0].complete_start is False
    assert src.articles[1].complete_start is True


def test_section_subhead_stays_in_the_article_as_its_own_paragraph():
    text = "数字经济创新发展大会召开\n\n" + BODY_A + "\n\n创新生态不断优化\n\n" + SECTION_A
    src = seg(text)
    assert len(src.articles) == 1
    assert "创新生态不断优化" in src.articles[0].paragraphs


def test_bullet_items_stay_in_the_article():
    text = ("新推的便民措施发布\n\n" + BODY_B + "\n■跨区域协作服务保障上海乐园开园运营，\n交管部门全力做好保障工作。\n"
            "■长三角区域高速路网协同排堵保畅，\n四省市联合发布出行提示。\n")
    src = seg(text)
    assert len(src.articles) == 1
    assert any(p.startswith("■跨区域协作") for p in src.articles[0].paragraphs)


def test_captions_and_credits_are_noise():
    text = ("数字经济创新发展大会召开\n\n" + BODY_A + "\n\n图①：大会现场，嘉宾正在参观展品。 王小明摄\n"
            "本版责编：肖 遥 陈圆圆\n版式设计：张丹峰\n")
    src = seg(text)
    assert any(n.startswith("图①") for n in src.noise)
    assert any(n.startswith("本版责编") for n in src.noise)
    assert all("图①" not in p for p in src.articles[0].paragraphs)


def test_a_photographer_credit_after_a_caption_stays_in_the_caption_between_stories():
    """"图①：…设备。 蔡斌摄": the credit after the caption's sentence is the caption's, never an
    author line or a head of its own (it became the title of the story after it)."""
    text = ("数字经济创新发展大会召开\n\n" + BODY_A + "\n\n图①：大会现场，嘉宾正在参观展品。 蔡斌摄\n\n"
            "公交线路新开通十二条\n\n" + BODY_B + "\n")
    src = seg(text)
    assert "图①：大会现场，嘉宾正在参观展品。蔡斌摄" in [n.replace(" ", "") for n in src.noise]
    assert titles(src) == ["数字经济创新发展大会召开", "公交线路新开通十二条"]
    assert all(a.byline is None for a in src.articles)
    # over untitled text, too: no head
    src = seg("数字经济创新发展大会召开\n\n" + BODY_A + "\n\n图①：大会现场，嘉宾正在参观展品。 蔡斌摄\n\n" + BODY_C + "\n")
    assert not any("蔡斌" in (a.title or "") + (a.byline or "") for a in src.articles)


def test_masthead_gives_date_and_page():
    text = "2023年12月19日 星期二\n农历癸卯年十一月初七\n第A1版：要闻\n\n数字经济创新发展大会召开\n\n" + BODY_A
    src = seg(text)
    assert src.date == "2023-12-19"
    assert src.page == "A1"
    assert src.articles[0].title == "数字经济创新发展大会召开"


def test_lead_with_a_blank_line_after_every_short_line():
    lead = "之江浪潮，创新奔涌不\n\n息。\n\n近年来，萧山始终把创\n\n新驱动作为经济社会发展\n\n的核心战略，一以贯之。\n"
    src = seg("科技 点燃新质生产力\n\n" + lead + "\n" + BODY_B.replace("本报讯 ", ""))
    art = src.articles[0]
    assert art.title == "科技点燃新质生产力"
    assert art.paragraphs[0] == "之江浪潮，创新奔涌不息。"
    assert art.paragraphs[1] == "近年来，萧山始终把创新驱动作为经济社会发展的核心战略，一以贯之。"


def test_justified_letter_spaced_body_is_not_a_headline():
    body = ("加 宏 大 ，愿 景 更 加 美 好 。 从 现 代 化\n国 家 升 级 为 现 代 化 强 国 ，意 味 着 新\n"
            "目标不是建成一般意义上的社会主\n义现代化国家，到那时，中华民族将\n完 成 从 站 起 来 、富 起 来 到 强 起 来 的\n"
            "伟 大 飞 跃 。\n")
    src = seg("新时代的价值追求\n陈曙光\n\n" + body)
    assert len(src.articles) == 1
    assert src.articles[0].title == "新时代的价值追求"
    assert src.articles[0].byline == "陈曙光"


def test_headline_printed_in_fragments_is_put_together():
    text = "新时代：\n新时代\n：发展新方位 奋进新目标\n陈曙光\n\n" + BODY_B.replace("本报讯 ", "")
    art = seg(text).articles[0]
    assert art.title == "新时代：发展新方位奋进新目标"


def test_empty_and_whitespace_pages():
    assert seg("").articles == []
    assert seg("\n\n   \n").articles == []


def test_slogan_banner_is_noise_not_a_title():
    text = "认真学习宣传贯彻党的十九大精神\n\n" + BODY_B
    src = seg(text)
    assert "认真学习宣传贯彻党的十九大精神" in src.noise
    assert src.articles[0].title is None


def test_section_subheads_are_not_summary_sentences():
    from digest.pipeline import Options, digest_text

    text = "数字经济创新发展大会召开\n\n" + BODY_A + "\n\n创新生态不断优化\n\n" + SECTION_A
    art = digest_text(text, "page.txt", Options(sentences=10)).articles[0]
    assert "创新生态不断优化" in art.paragraphs
    assert "创新生态不断优化" not in art.summary
    assert len(art.summary) >= 4


def test_two_section_heads_run_together_are_not_a_summary_sentence():
    """Two wrapped section heads the layout ran into one paragraph (53 characters, no sentence
    end in them) are no more a summary sentence than one is."""
    from digest.model import Article
    from digest.pipeline import summary_text

    heads = "明确数字经济发展新目标：分两步走全面建设数字经济强省贯彻数字发展新理念：用新发展理念引领数字经济高质量发展"
    article = Article(id="a", paragraphs=[BODY_A.replace("\n", ""), heads, SECTION_A.replace("\n", "")])
    assert heads not in summary_text(article)
    assert BODY_A.replace("\n", "") in summary_text(article)


def test_section_subhead_ending_in_a_quoted_word_is_not_a_summary_sentence():
    from digest.pipeline import Options, digest_text

    text = "数字经济创新发展大会召开\n\n" + BODY_A + "\n\n全面打通成果“转化链”\n\n" + SECTION_A
    art = digest_text(text, "page.txt", Options(sentences=10)).articles[0]
    assert "全面打通成果“转化链”" in art.paragraphs
    assert "全面打通成果“转化链”" not in art.summary


def test_speaker_label_is_its_own_paragraph_and_a_labelled_top_fragment_joins_its_feature():
    top = "区政协委员高清淼：\n如今创新正成为企业发展的共识，但是如何让创新成果能够更\n接地气，仍是需要考虑和推进的事情。\n\n"
    feature = ("代表委员这样说——\n\n区人大代表徐甲甲：\n最近一年，认知大模型的智慧涌现在全球范围\n"
               "内掀起浪潮，将带来解决人类刚需命题的全新机遇。\n")
    src = seg(top + "数字经济创新发展大会召开\n\n" + BODY_A + "\n\n" + feature)
    titles = [a.title for a in src.articles]
    assert titles == ["数字经济创新发展大会召开", "代表委员这样说——"]
    feature_paras = src.articles[1].paragraphs
    assert feature_paras[0] == "区人大代表徐甲甲："
    assert "区政协委员高清淼：" in feature_paras


# Theory pages (人民日报 理论版): heads as wide as the narrow column, set apart by gaps,
# with the author's name right under them and the text straight after it.
def test_kicker_title_and_author_over_the_text_at_column_width():
    title = "全市新开通十二条公交线路覆盖新建小区"  # as wide as the column: not "short"
    text = (BODY_A.replace("本报讯 ", "") + "\n\n优化线网布局提升公交服务\n\n" + title + "\n\n韩秀华\n"
            + BODY_B.replace("本报讯 ", ""))
    first, second = seg(text).articles
    assert second.title == title and second.subtitle == "优化线网布局提升公交服务"
    assert second.byline == "韩秀华"
    assert second.paragraphs[0].startswith("记者从市交通部门获悉")


def test_author_line_directly_over_the_text_after_a_head():
    text = BODY_A.replace("本报讯 ", "") + "\n\n公交线路再添十二条\n韩秀华\n" + BODY_B.replace("本报讯 ", "")
    first, second = seg(text).articles
    assert second.title == "公交线路再添十二条" and second.byline == "韩秀华"
    assert not any("韩秀华" in p for p in first.paragraphs + second.paragraphs)


def test_a_name_split_into_lone_characters_is_kept_out_of_the_text():
    # "刘 … 伟": the extractor printed the author's name as two lone characters far apart
    text = "刘\n\n" + BODY_A.replace("本报讯 ", "") + "\n\n伟\n\n公交线路再添十二条\n\n" + BODY_B.replace("本报讯 ", "")
    src = seg(text)
    paragraphs = [p for a in src.articles for p in a.paragraphs]
    assert paragraphs[0].startswith("6月24日")
    assert "公交线路再添十二条" in paragraphs or "公交线路再添十二条" in titles(src)  # a head, not text
    assert not any("伟" in p or "刘" in p for p in paragraphs)
    assert "伟" in src.noise and "刘" in src.noise


@pytest.mark.parametrize("first, second", [("畅", "江"), ("江", "畅")])
def test_a_name_in_lone_characters_is_the_author_of_the_one_article_without_one(first, second):
    # a vertical author line pdftotext printed a character at a time, far apart and in either
    # order (0124: "畅" … "江"); the other article names its author
    text = ("数字经济创新发展大会召开\n\n" + BODY_A.replace("本报讯 ", "") + "\n\n" + first + "\n\n"
            + REST + "\n" + second + "\n\n公交线路再添十二条\n韩秀华\n\n" + BODY_B.replace("本报讯 ", ""))
    src = seg(text)
    assert [a.byline for a in src.articles] == ["江畅", "韩秀华"]
    assert "江" not in src.noise and "畅" not in src.noise


def test_lone_characters_stay_noise_when_two_articles_name_no_author():
    text = ("数字经济创新发展大会召开\n\n" + BODY_A.replace("本报讯 ", "") + "\n\n畅\n\n" + REST
            + "\n江\n\n公交线路再添十二条\n\n" + BODY_B.replace("本报讯 ", ""))
    src = seg(text)
    assert [a.byline for a in src.articles] == [None, None]
    assert "江" in src.noise and "畅" in src.noise


def test_section_subhead_wrapped_in_a_narrow_box_is_its_own_paragraph():
    # "以供给侧结构性" / "改革为主线具有客观" / "必然性": a sub-head wrapped over short lines,
    # run straight into the text (whose first line is indented by two characters)
    text = ("数字经济创新发展大会召开\n\n" + BODY_A.replace("本报讯 ", "") + "\n\n"
            "以数字化改革为\n牵引打造创新发展\n新高地\n" + REST)
    art = seg(text).articles[0]
    assert "以数字化改革为牵引打造创新发展新高地" in art.paragraphs
    assert art.paragraphs[-1].startswith("数字经济是浙江发展的金字招牌")


def test_short_lines_that_run_into_the_text_mid_word_are_not_a_subhead():
    text = ("数字经济创新发展大会召开\n\n" + BODY_A.replace("本报讯 ", "") + "\n\n"
            "以数字化改革为\n牵引打造创新发\n" + REST.replace("数字经济", "展数字经济", 1))
    art = seg(text).articles[0]
    assert not any(p.startswith("以数字化改革为") and p.endswith("创新发") for p in art.paragraphs)


REST = ("数字经济是浙江发展的金字招牌，全省上\n下坚持一张蓝图绘到底，推动数字经济做强\n"
        "做优做大，数字技术与实体经济深度融合，\n新业态新模式不断涌现。\n")


def test_many_heads_stacked_apart_are_heads_not_text():
    # titles printed away from their articles, then kickers, a title and its author
    stack = "\n\n".join(["数字经济成为增长新引擎", "社会主要矛盾变化的重大意义", "双手联弹", "双量发力",
                         "双色并重", "公交线路再添十二条"])
    text = BODY_A.replace("本报讯 ", "") + "\n\n" + stack + "\n吴\n" + BODY_B.replace("本报讯 ", "")
    src = seg(text)
    last = src.articles[-1]
    assert last.title == "公交线路再添十二条" and last.byline == "吴"
    assert not any("双手联弹" in p or "数字经济成为" in p for a in src.articles for p in a.paragraphs)


def test_lone_name_piece_before_the_text_after_a_closed_paragraph_is_noise():
    text = "公交线路再添十二条\n韩秀\n" + BODY_B.replace("本报讯 ", "").replace("更\n加舒心。", "更\n加舒心。\n\n鹏\n据悉，")
    src = seg(text)
    assert "鹏" in src.noise
    assert any(p.startswith("据悉，") for p in src.articles[0].paragraphs)


def test_author_note_closes_the_article_and_the_name_after_it_is_its_author():
    text = ("数字经济创新发展大会召开\n\n" + BODY_A.replace("本报讯 ", "") + "\n（作者为浙江大学教授）\n\n陈先达\n\n"
            + BODY_B.replace("本报讯 ", ""))
    first, second = seg(text).articles
    assert first.byline == "陈先达 （作者为浙江大学教授）"
    assert second.byline is None and second.paragraphs[0].startswith("记者从市交通部门获悉")


def test_page_banner_between_two_texts_separates_their_articles():
    text = ("数字经济创新发展大会召开\n\n" + BODY_A.replace("本报讯 ", "") + "\n\n认真学习宣传贯彻党的十九大精神\n\n"
            + BODY_B.replace("本报讯 ", ""))
    src = seg(text)
    assert len(src.articles) == 2 and "认真学习宣传贯彻党的十九大精神" in src.noise


def test_author_note_wrapped_over_lines_is_one_note_that_closes_the_article():
    text = ("数字经济创新发展大会召开\n\n" + BODY_A.replace("本报讯 ", "") + "\n（作 者 为 中 央 党 校 习 近 平 新 时\n"
            "代中国特色社会主义思想研究中心\n研究员）\n\n" + BODY_B.replace("本报讯 ", ""))
    first, second = seg(text).articles
    assert first.byline == "（作者为中央党校习近平新时代中国特色社会主义思想研究中心研究员）"
    assert second.paragraphs[0].startswith("记者从市交通部门获悉")


def test_orphan_head_goes_to_the_article_about_it_not_the_nearest_that_mentions_it():
    env = ("大气污染防治取得新进展，全国地级及以上城\n市空气质量明显改善，环境问题治理成效显著。\n"
           "水污染防治深入推进，重点流域环境质量持续\n向好，各地着力解决突出环境问题。\n")
    other = ("发展不平衡不充分的问题仍然突出，在着力解决\n突出环境问题的同时，推动经济高质量发展，实\n"
             "现更加协调的区域发展格局，城乡差距逐步缩小，\n公共服务水平不断提升，人民生活持续改善。\n")
    text = env + "\n\n认真学习宣传贯彻党的十九大精神\n\n" + other + "\n\n着力解决突出环境问题\n\n"
    src = seg(text)
    about_env = next(a for a in src.articles if any("大气污染" in p for p in a.paragraphs))
    assert about_env.title == "着力解决突出环境问题"


def test_names_inside_a_cut_sentence_join_the_byline_and_the_sentence_goes_on():
    text = ("加快制造业服务化转型\n汪\n\n制造业服务化是指制造业企业\n由提供产品向提供服务转变，\n我国制造业服务化\n\n涛\n\n"
            "吴光胜\n\n水平明显偏低。加快制造业服\n务化转型需要多方面着力。\n")
    (art,) = seg(text).articles
    assert art.byline == "汪涛 吴光胜"  # "涛": the rest of the name, printed apart
    assert art.paragraphs[-1].endswith("我国制造业服务化水平明显偏低。加快制造业服务化转型需要多方面着力。")


def test_title_and_deck_right_over_the_author_after_cut_text_are_a_head():
    text = (BODY_A.replace("本报讯 ", "").replace("落地投产。", "落地投") + "\n\n深化对数字经济发展规律的研究\n"
            "——《数字经济通论》简评\n胡培兆\n" + BODY_B.replace("本报讯 ", ""))
    art = seg(text).articles[-1]
    assert art.title == "深化对数字经济发展规律的研究" and art.subtitle == "——《数字经济通论》简评"
    assert art.byline == "胡培兆" and art.paragraphs[0].startswith("记者从市交通部门获悉")


def test_headless_text_ending_in_an_author_note_is_the_rest_of_the_article_it_resembles():
    first = ("数字经济创新发展大会召开\n陈曙光\n\n" + BODY_A.replace("本报讯 ", "") + "\n\n")
    other = ("公交线路再添十二条\n吉文磊\n\n" + BODY_B.replace("本报讯 ", "") + "\n（作者为交通大学教授）\n\n")
    rest = ("全省数字经济创新发展大会在宁波召开。会上发布\n了十项重点成果，涵盖人工智能、集成电路、生物\n"
            "医药等领域，今年以来全省新增高新技术企业一千\n余家，研发投入强度持续提高，创新生态不断优化。\n"
            "（作者为浙江大学教授）\n")
    src = seg(first + other + rest)
    assert len(src.articles) == 2
    art = src.articles[0]
    assert art.title == "数字经济创新发展大会召开" and art.paragraphs[-1].endswith("创新生态不断优化。")
    assert art.byline == "陈曙光 （作者为浙江大学教授）"


def test_short_head_wrapped_over_two_lines_under_title_and_author_is_a_section():
    text = ("新使命：数字经济的历史担当\n李忠杰\n\n不忘初心走在\n时代前列\n\n" + BODY_A.replace("本报讯 ", ""))
    (art,) = seg(text).articles
    assert art.title == "新使命：数字经济的历史担当" and art.byline == "李忠杰"
    assert art.paragraphs[0] == "不忘初心走在时代前列"


def test_second_author_after_the_note_splits_off_the_article_run_into_the_first():
    # a box article printed straight after another article's text: the only sign is a
    # second author's name after the note, and the turn of topic where the box begins
    first = ("促进国有企业和民营企业共同发展\n殷\n\n" + BODY_A.replace("本报讯 ", "") + "\n\n"
             + BODY_A.replace("本报讯 ", "").replace("6月24日", "近日") + "\n\n")
    # (the box's first line set as a paragraph's is: short of the column by an indent, not more)
    opening = "记者从市交通部门获悉，全市新开通公交\n线路十二条，覆盖新建小区和产业园区，\n市民出行更加便捷。交通部门负责人表示，\n下一步将继续优化线网布局，提升公共交\n通服务水平，让群众出行更加舒心。"
    box = (opening + "\n\n" + BODY_B.replace("本报讯 记者从市交通部门获悉，", "据悉，")
           + "\n（作者为中国宏观经济研究院教授）\n\n常修泽\n")
    src = seg(first + box)
    assert len(src.articles) == 2
    a, b = src.articles
    assert a.byline == "殷" and all("公交" not in p for p in a.paragraphs)
    assert b.byline == "常修泽 （作者为中国宏观经济研究院教授）" and b.paragraphs[0].startswith("记者从市交通部门获悉")


def test_title_and_deck_wrapped_inside_its_quotes_over_a_lone_surname():
    text = (BODY_B.replace("本报讯 ", "") + "\n（作者单位：西南政法大学）\n\n一带一路为跨文化传播提供新空间\n"
            "——“ 第 九 届 跨 文 化 传 播 国 际\n学术会议”述要\n肖\n\n" + BODY_A.replace("本报讯 ", ""))
    art = seg(text).articles[-1]
    assert art.title == "一带一路为跨文化传播提供新空间"
    assert art.subtitle == "——“第九届跨文化传播国际学术会议”述要"
    assert art.byline == "肖" and art.paragraphs[0].startswith("6月24日")


def test_a_head_over_a_head_opening_with_a_word_like_zhuoli_is_not_run_on_text():
    # 着 opens "着力": a word, not the particle that would continue the line above
    text = (BODY_A.replace("本报讯 ", "") + "\n\n准确理解数字经济的发展\n\n着力解决突出环境问题\n\n推进绿色发展的三大抓手\n韩秀华\n"
            + BODY_B.replace("本报讯 ", ""))
    src = seg(text)
    assert not any("准确理解数字经济的发展" in p for a in src.articles for p in a.paragraphs)


def test_a_few_headless_lines_join_the_titled_article_they_belong_to():
    text = ("数字经济创新发展大会召开\n陈路漫\n\n" + BODY_A.replace("本报讯 ", "") + "\n（作者为浙江大学教授）\n\n"
            "公交线路再添十二条\n吉文磊\n\n" + BODY_B.replace("本报讯 ", "") + "\n（作者为交通大学教授）\n\n"
            "全省数字经济创新发展大会发布十项重点成果，\n研发投入强度持续提高。\n")
    src = seg(text)
    assert len(src.articles) == 2
    assert src.articles[0].paragraphs[-1] == "全省数字经济创新发展大会发布十项重点成果，研发投入强度持续提高。"


def test_a_short_untitled_story_on_a_page_of_bylined_news_stays_an_article():
    text = ("数字经济创新发展大会召开\n本报记者 陈路漫\n\n" + BODY_A + "\n\n公交线路再添十二条\n本报记者 吉文磊\n\n" + BODY_B
            + "\n\n本报讯 全市首条低空物流航线开通，无人机\n送货最快十分钟送达。\n")
    assert len(seg(text).articles) == 3


def test_a_short_story_opening_with_a_dateline_is_not_a_fragment_of_a_similar_article():
    text = ("数字经济创新发展大会召开\n陈路漫\n\n" + BODY_A.replace("本报讯 ", "") + "\n（作者为浙江大学教授）\n\n"
            "公交线路再添十二条\n吉文磊\n\n" + BODY_B.replace("本报讯 ", "") + "\n（作者为交通大学教授）\n\n"
            "本报讯 全省数字经济创新发展大会发布十项重\n点成果，研发投入强度持续提高。\n")
    assert len(seg(text).articles) == 3


def test_a_line_ending_in_a_quoted_word_does_not_end_the_paragraph():
    text = ("数字经济创新发展大会召开\n\n这些数据表明，“国有”\n“民营”在各自领域充分发挥优势，协调\n发展、共领风骚，"
            "促进了经济社会发展。\n")
    art = seg(text).articles[0]
    assert art.paragraphs == ["这些数据表明，“国有”“民营”在各自领域充分发挥优势，协调发展、共领风骚，促进了经济社会发展。"]


def test_a_kicker_set_as_a_row_of_short_phrases_stays_with_its_title():
    # an untitled article waits before it: the kicker phrases must not go to it as a title
    text = (BODY_B.replace("本报讯 ", "") + "\n\n不是此消彼长\n\n而是相辅相成\n\n促进国有企业和民营企业共同发展\n殷\n\n"
            + BODY_A.replace("本报讯 ", ""))
    art = seg(text).articles[-1]
    assert art.title == "促进国有企业和民营企业共同发展"
    assert art.subtitle == "不是此消彼长 / 而是相辅相成"


def test_an_aside_in_brackets_after_the_last_sentence_ends_the_paragraph():
    # the wrap left "。" on the last line, with the reporter's credit after it
    text = (BODY_B.replace("本报讯 ", "").replace("更\n加舒心。", "更\n加舒心\n。 （记者 杨 洁）") + "\n\n"
            "科技成果转化概念验证中心首批入选单位名单确定\n" + BODY_A)
    src = seg(text)
    assert titles(src)[-1] == "科技成果转化概念验证中心首批入选单位名单确定"


def test_punctuation_pushed_onto_a_line_of_its_own_is_text_not_furniture():
    text = ("数字经济创新发展大会召开\n\n" + BODY_A.replace("落地投产。", "落地投产\n。") + "\n科创金融赋能，牡丹绽放\n华光\n"
            + BODY_B.replace("本报讯 ", ""))
    src = seg(text)
    art = src.articles[0]
    assert art.paragraphs[1].endswith("一批重大项目相继落地投产。")
    assert art.byline is None and "。" not in src.noise


def test_a_kicker_and_title_printed_after_their_article_stay_together():
    # the article's kicker and letter-spaced title follow its text, then the next article's head
    text = (BODY_A.replace("本报讯 ", "") + "\n\n如何打开数字经济创新发展新通道？\n\n数 字 经 济 创 新 发 展 大 会 召 开\n\n"
            "公交线路再添十二条\n本报记者 吉文磊\n" + BODY_B)
    first, second = seg(text).articles
    assert (first.title, first.subtitle) == ("数字经济创新发展大会召开", "如何打开数字经济创新发展新通道？")
    assert second.title == "公交线路再添十二条"


def test_stand_in_title_leaves_out_the_dateline_and_the_reporter_credit():
    from digest.pipeline import generated_title

    assert generated_title(["本报上海5月23日电（阮见）长三角G60科创走廊首批量子通信应用场景将于5月24日公布。"]) \
        == "长三角G60科创走廊首批量子通信应用场景将于5月…"


def test_a_name_piece_inside_a_sentence_goes_to_the_byline_and_the_sentence_stays_whole():
    text = ("运用辩证思维推动高质量发展\n吴\n\n" + BODY_A.replace("本报讯 ", "") + "\n"
            "近年来，全市建成以农村淘宝、天门电子\n\n锦\n商务创业园等为主体的电子商务支\n撑体系，全市电商应用企业发展到\n"
            "近四百家，带动就业超过一万人。\n")
    (art,) = seg(text).articles
    assert art.byline == "吴锦"
    assert art.paragraphs[-1] == ("近年来，全市建成以农村淘宝、天门电子商务创业园等为主体的电子商务支撑体系，"
                                  "全市电商应用企业发展到近四百家，带动就业超过一万人。")


def test_names_appended_after_a_sentence_end_the_wrap_left_alone():
    text = ("数字经济创新发展大会召开\n\n" + BODY_A.replace("落地投产。", "落地投产\n。 林晓晖 王屹峰")
            + "\n\n公交线路再添十二条\n本报记者 吉文磊\n" + BODY_B)
    first, second = seg(text).articles
    assert first.byline == "林晓晖 王屹峰" and first.paragraphs[-1].endswith("落地投产。")
    assert second.title == "公交线路再添十二条"


def test_a_head_and_byline_printed_after_their_article_are_not_the_next_storys_head():
    # untitled text, then its title and byline, then the next story's one-line head and text
    text = (BODY_A + "\n\n数字经济创新发展大会召开\n本报记者 陈路漫\n\n公交线路再添十二条\n\n" + BODY_B.replace("本报讯 ", ""))
    first, second = seg(text).articles
    assert first.title == "数字经济创新发展大会召开" and first.byline == "本报记者 陈路漫"
    assert second.title == "公交线路再添十二条" and second.paragraphs[0].startswith("记者从市交通部门获悉")


def test_a_slogan_over_an_untitled_story_gives_way_to_the_story_own_head_printed_after_it():
    text = ("传递科技力量 成就金融梦想\n\n" + BODY_B.replace("本报讯 ", "") + "\n\n公交线路再添十二条\n本报记者 吉文磊\n\n"
            "数字经济创新发展大会召开\n本报记者 陈路漫\n" + BODY_A)
    src = seg(text)
    assert titles(src) == ["公交线路再添十二条", "数字经济创新发展大会召开"]
    assert "传递科技力量成就金融梦想" in src.noise


def test_a_slogan_over_an_untitled_story_whose_head_and_byline_come_before_the_next_storys_head():
    # the next story has no author line and no dateline: its head alone follows the byline
    text = ("传递科技力量 成就金融梦想\n\n" + BODY_B.replace("本报讯 ", "") + "\n\n公交线路再添十二条\n本报记者 吉文磊\n\n"
            "数字经济创新发展大会召开\n\n" + BODY_A.replace("本报讯 ", ""))
    src = seg(text)
    assert titles(src) == ["公交线路再添十二条", "数字经济创新发展大会召开"]
    assert src.articles[0].byline == "本报记者 吉文磊"
    assert "传递科技力量成就金融梦想" in src.noise
    assert not any("数字经济创新发展大会召开" == p for p in src.articles[0].paragraphs)


def test_a_head_after_a_text_closed_by_its_byline_is_that_texts_head_when_it_is_about_it():
    text = (BODY_A + " 本报记者 陈路漫\n\n全省数字经济创新发展大会召开\n\n" + BODY_B + "\n（记者 杨 洁）\n\n公交线路再添十二条\n")
    first, second = seg(text).articles
    assert first.title == "全省数字经济创新发展大会召开" and first.byline == "本报记者 陈路漫"
    assert second.title == "公交线路再添十二条" and second.byline == "（记者 杨 洁）"


def test_head_after_a_bylined_text_stacked_over_the_next_storys_title_and_byline():
    text = (BODY_A + " 陈路漫\n\n全省数字经济创新发展大会召开\n\n公交线路再添十二条\n（记者 杨 洁）\n" + BODY_B)
    first, second = seg(text).articles
    assert first.title == "全省数字经济创新发展大会召开"
    assert (second.title, second.subtitle, second.byline) == ("公交线路再添十二条", None, "（记者 杨 洁）")


def test_the_title_under_a_kicker_ending_in_a_dash_is_a_head_even_at_column_width():
    text = ("搭平台、建通道、强链接，数字经济构建从创新策源到产业应用全链条———\n\n全省九城协同发展，让彼此优势在创新中共振放大\n\n"
            + BODY_A.replace("本报讯 ", ""))
    (art,) = seg(text).articles
    assert art.title == "全省九城协同发展，让彼此优势在创新中共振放大"
    assert art.subtitle == "搭平台、建通道、强链接，数字经济构建从创新策源到产业应用全链条———"


def test_head_after_an_ended_untitled_text_stacked_over_the_next_title():
    text = (BODY_B.replace("本报讯 ", "") + "\n\n公交线路再添十二条\n\n数字经济创新发展大会召开\n" + BODY_A)
    first, second = seg(text).articles
    assert first.title == "公交线路再添十二条"
    assert (second.title, second.subtitle) == ("数字经济创新发展大会召开", None)


def test_kicker_and_title_of_a_bylined_text_printed_after_it_over_the_next_head():
    text = (BODY_A + " 本报记者 谢卫群\n\n数字经济创新\n\n全省发布十项重点成果\n\n市民出行更便捷\n\n公交线路再添十二条\n"
            "本报记者 章家辉\n" + BODY_B)
    first, second = seg(text).articles
    assert (first.title, first.subtitle) == ("全省发布十项重点成果", "数字经济创新")
    assert second.title == "公交线路再添十二条"


def test_a_head_ending_in_a_dash_after_its_finished_feature_is_not_the_next_storys_kicker():
    feature = ("区人大代表徐甲甲：\n数字经济是浙江发展的金字招牌，全省上\n下坚持一张蓝图绘到底，推动数字经济做强\n"
               "做优做大，代表委员这样说的道理在于坚持。\n")
    text = (feature + "\n代表委员这样说——\n\n公交线路再添十二条\n\n" + BODY_B)
    first, second = seg(text).articles
    assert first.title == "代表委员这样说——"
    assert (second.title, second.subtitle) == ("公交线路再添十二条", None)


def _letter_spaced(lines: list[str]) -> str:
    """Justified lines as a theory page's dump prints them: a space between characters."""
    return "\n".join(" ".join(line) for line in lines)


# A feature under its author's name: wrapped section heads, the text of its first section
# cut mid-word ("…高质量发") at a column's end.
SECTIONED_FEATURE = ("王 明\n\n数字经济推动\n高质量发展迈出\n坚实步伐\n" + _letter_spaced([
    "全省数字经济创新发展大会",
    "在宁波召开。会上发布了十项重",
    "点成果，涵盖人工智能、集成电",
    "路、生物医药等领域。数字经济",
    "正在成为推动经济高质量发"]) + "\n\n数据要素市场\n化配置改革取得\n积极进展\n" + _letter_spaced([
    "数字经济是浙江发展的金字",
    "招牌，全省上下坚持一张蓝图绘",
    "到底，推动数字经济做强做优做",
    "大，新业态新模式不断涌现。"]) + "\n\n")
# Its lead, then the rest of the cut sentence ("展的重要引擎。…"), printed further on.
FEATURE_LEAD = _letter_spaced([
    "习近平同志指出，要加快发展",
    "数字经济，推动实体经济和数字",
    "经济融合发展。深刻认识数字经",
    "济的重大意义十分重要。"]) + "\n\n" + _letter_spaced([
    "展的重要引擎。各地纷纷出台政",
    "策支持数字产业发展，数字技术",
    "与实体经济深度融合。"]) + "\n\n"
OTHER_BOX = ("全市新开通公交线路十二条\n\n李 华\n\n" + _letter_spaced([
    "记者从市交通部门获悉，全市",
    "新开通公交线路十二条，覆盖新",
    "建小区和产业园区，市民出行更",
    "加便捷。"]) + "\n（作者为市交通研究院研究员）\n\n")


@pytest.mark.parametrize("between", ["", OTHER_BOX], ids=["same-box", "another-box-between"])
def test_text_cut_mid_word_goes_on_where_a_paragraph_opens_with_the_rest_of_the_word(between):
    src = seg(SECTIONED_FEATURE + between + FEATURE_LEAD + "深刻认识数字经济的重大意义\n")
    feature = next(a for a in src.articles if a.byline == "王明")
    assert any("推动经济高质量发展的重要引擎。各地纷纷" in p for p in feature.paragraphs)
    assert not any(p.startswith("展的重要引擎") for a in src.articles for p in a.paragraphs)


def test_a_titled_lead_printed_apart_opens_the_untitled_feature_of_sections():
    src = seg(SECTIONED_FEATURE + OTHER_BOX + FEATURE_LEAD + "深刻认识数字经济的重大意义\n")
    assert titles(src) == ["深刻认识数字经济的重大意义", "全市新开通公交线路十二条"]
    feature = src.articles[0]
    assert feature.byline == "王明"
    assert feature.paragraphs[0].startswith("习近平同志指出")
    assert feature.paragraphs[1] == "数字经济推动高质量发展迈出坚实步伐"


def test_a_paragraph_opening_with_a_word_of_its_own_is_not_the_rest_of_a_cut_word():
    # "…吸引更多大" / "学生创业…": 大学 runs across, but 学生 is the paragraph's own first word
    cut = SECTIONED_FEATURE.replace(" ".join("正在成为推动经济高质量发"), " ".join("正在吸引越来越多大"))
    assert cut != SECTIONED_FEATURE
    text = cut + OTHER_BOX + _letter_spaced(["学生创业者在数字经济领域大", "显身手，成绩喜人。"]) + "\n"
    src = seg(text)
    assert not any("越来越多大学生创业" in p for a in src.articles for p in a.paragraphs)


@pytest.mark.parametrize("head, first_lines, expected", [
    # a 17-character column; the paragraph under the head is indented a little more than
    # two characters by the justification ("由高速增长阶段转向高质量发展", 14)
    ("推动数字经济高\n质量发展具有多方面\n重大意义", ["由高速增长阶段转向高质量发展", "阶段，是"], "推动数字经济高质量发展具有多方面重大意义"),
    # "“治国必先治党，治党务必从": an opening quote is set narrow, so the line looks short
    ("从标准要求把\n握数字经济发\n展的大方向", ["“发展必先创新，创新务必从", "严。”"], "从标准要求把握数字经济发展的大方向"),
], ids=["indented-by-three", "opening-with-a-quote"])
def test_wrapped_section_head_over_a_first_line_that_looks_short(head, first_lines, expected):
    text = "数字经济创新发展大会召开\n\n" + _letter_spaced([
        "全省数字经济创新发展大会在宁波",
        "召开。会上发布了十项重点成果，涵盖",
        "人工智能、集成电路、生物医药领域。"]) + "\n\n" + head + "\n" + _letter_spaced([
        first_lines[0],
        first_lines[1] + "数字经济突破结构性瓶颈的必",
        "然选择，也是实现现代化的必由之路。"]) + "\n"
    art = seg(text).articles[0]
    assert expected in art.paragraphs
    assert art.paragraphs[-1].startswith(first_lines[0][:7])


# A 16-character column: paragraphs' first lines are indented by two characters.
SENTENCE_AT_THE_EDGE = ("数字经济创新发展大会召开\n\n"
                        "全省数字经济创新发展大会在宁\n"
                        "波召开，会上发布了十项重点成果，\n"
                        "涵盖人工智能、集成电路等新领域。\n"  # a sentence end at the column's edge
                        "{next}\n"
                        "各地三百余家企业参加了对接活动，\n"
                        "一批重大项目相继落地投产。\n")


@pytest.mark.parametrize("next_line", ["据介绍，今年以来全省新增高新", "据介绍，今年以来全省新增2家"],
                         ids=["han", "short-even-with-a-full-width-digit"])
def test_a_sentence_end_at_the_column_edge_over_an_indented_line_ends_the_paragraph(next_line):
    """A digit may be set half or full width: a line short by an indent either way is indented."""
    art = seg(SENTENCE_AT_THE_EDGE.format(next=next_line)).articles[0]
    assert art.title == "数字经济创新发展大会召开"
    assert len(art.paragraphs) == 2
    assert art.paragraphs[1].startswith("据介绍")


@pytest.mark.parametrize("next_line", ["生物医药等领域的企业代表和专家们", "据介绍，今年全省新增了2023"],
                         ids=["full-line", "digits-say-nothing"])  # 13 to 15 cells wide: full or indented
def test_a_sentence_end_at_the_column_edge_over_a_full_line_goes_on(next_line):
    art = seg(SENTENCE_AT_THE_EDGE.format(next=next_line)).articles[0]
    assert art.title == "数字经济创新发展大会召开"
    assert len(art.paragraphs) == 1


def test_a_head_run_into_the_text_over_an_indented_first_line_is_its_own_paragraph():
    text = ("数字经济创新发展大会召开\n\n"
            "全省数字经济创新发展大会\n"
            "在宁波召开，会上发布了十项重点\n"
            "成果，涵盖人工智能、集成电路等\n"
            "领域。\n"
            "助力外贸企业，海棠满树\n"
            "面对近期外贸企业受关税风波\n"
            "冲击的情况，全省迅速行动，研究\n"
            "出台相关政策，帮助企业稳订单。\n")
    art = seg(text).articles[0]
    assert "助力外贸企业，海棠满树" in art.paragraphs
    assert art.paragraphs[-1].startswith("面对近期外贸企业")


def test_a_number_ending_a_sentence_alone_on_a_line_is_text_not_furniture():
    # "…城镇化率达到" / "58.1%。": the wrap pushed the end of the sentence down
    text = ("数字经济创新发展大会召开\n\n全省数字经济创新发展大会在宁\n波召开，全省常住人口城镇化率达到\n"
            "58.1%。\n据介绍，今年以来全省新增高\n新技术企业一千余家，研发投入持续\n提高。\n")
    src = seg(text)
    assert "58.1%。" not in src.noise
    assert "城镇化率达到58.1%。" in src.articles[0].paragraphs[0]


def test_a_head_and_byline_printed_right_after_their_untitled_story_are_its_own_with_few_shared_words():
    # "AI扫一眼，胃部病变早发现" shares only AI, 胃部, 病变, 发现 with its text
    story = ("本报讯 胃癌是我国常见的恶性肿瘤，其防治困局迎来新突破。6月25\n日，浙江省肿瘤医院与达摩院联合发布胃癌\n"
             "筛查新成果，利用平扫CT影像发现早期胃部\n病变。相关成果发表于国际期刊上。\n")
    text = BODY_B + "\n\n" + story + "\nAI扫一眼，胃部病变早发现\n林晓晖 王屹峰\n\n本版责编：肖 遥\n"
    src = seg("公交线路再添十二条\n\n" + text)
    ai = next(a for a in src.articles if "胃癌" in "".join(a.paragraphs))
    assert ai.title == "AI扫一眼，胃部病变早发现" and ai.byline == "林晓晖 王屹峰"


def test_a_kicker_and_title_with_their_byline_printed_after_their_story_are_its_head():
    # the title shares few words with the text; the next story's head and byline follow
    story = ("本报讯 胃癌是我国常见的恶性肿瘤，其防治困局迎来新突破。6月25\n日，浙江省肿瘤医院团队研发胃癌\n"
             "筛查新成果，利用AI模型和平扫CT影像识别\n早期胃部病变。相关成果发表于国际期刊上。\n")
    text = (story + "\n浙江团队研发胃癌筛查新模式\n\nAI扫一眼，胃部病变早发现\n林晓晖 王屹峰\n\n"
            "数字经济创新发展大会召开\n本报记者 陈路漫\n" + BODY_A)
    first, second = seg(text).articles
    assert {first.title, first.subtitle} == {"AI扫一眼，胃部病变早发现", "浙江团队研发胃癌筛查新模式"}
    assert first.byline == "林晓晖 王屹峰"
    assert (second.title, second.byline) == ("数字经济创新发展大会召开", "本报记者 陈路漫")


def test_a_text_line_that_opens_like_an_author_line_inside_a_sentence_is_text():
    # "…这是" / "记 者 当 天 在 上 海 市 公 安 局 召 开 的" (justified) / "新闻发布会上…"
    text = ("三省人才落户上海公共户网上办\n\n新民晚报讯 沪苏浙皖警方再推五项\n便民惠企实事项目，6月26日起正式\n"
            "上线运行。这是上海市公安局在当\n" + " ".join("记者当天召开的发布会上发布的") + "\n"
            "讯息。上海市公安局新闻发言人介\n绍，去年沪苏浙皖警方合作深入推进。\n")
    src = seg(text)
    assert len(src.articles) == 1 and src.articles[0].byline is None
    assert "这是上海市公安局在当记者当天召开的发布会上发布的讯息。" in src.articles[0].paragraphs[0]


def test_a_charts_data_source_wrapped_over_lines_is_a_caption():
    # "数据来源：" / "《…工作报告》。" and a line the extractor printed twice
    text = ("数字经济创新发展大会召开\n\n" + BODY_A + "\n\n数据来源：国家统计局2023年发布的党的十八大以\n"
            "来我国经济社会发展相关数据。\n来我国经济社会发展相关数据。\n\n数据来源：\n"
            "《十八届中央纪律检查委员会向中国共产党第\n十九次全国代表大会的工作报告》。\n")
    src = seg(text)
    assert len(src.articles) == 1
    assert all("数据" not in p for p in src.articles[0].paragraphs)
    assert "".join(src.noise).count("来我国经济社会发展相关数据。") == 2


def test_text_cut_mid_word_goes_on_after_a_section_head_printed_over_the_rest():
    # "…正在成为推动经济高质量发" | another box | "数字产业新" / "动能加快集聚" (section head) / "展的重要引擎。…"
    rest = ("数字产业新\n动能加快集聚\n" + _letter_spaced([
        "展的重要引擎。各地纷纷出台政",
        "策支持数字产业发展，数字技术",
        "与实体经济深度融合。"]) + "\n")
    src = seg(SECTIONED_FEATURE + OTHER_BOX + rest)
    assert len(src.articles) == 2
    feature = next(a for a in src.articles if a.byline == "王明")
    assert any("推动经济高质量发展的重要引擎。各地纷纷" in p for p in feature.paragraphs)
    assert "数字产业新动能加快集聚" in feature.paragraphs


def test_a_section_worded_like_another_articles_section_heads_is_that_articles():
    def section(head: str, body: list[str]) -> str:
        return head + "\n" + _letter_spaced(body) + "\n\n"

    feature = ("把握数字经济发展的三个维度\n\n王 明\n\n" +
               section("从时间维度\n把握数字经济发展", ["数字经济是浙江发展的金字",
                                                "招牌，全省上下坚持一张蓝图绘",
                                                "到底，新业态新模式不断涌现。"]) +
               section("从空间维度\n把握数字经济发展", ["全省各地纷纷出台政策支持",
                                                "数字产业发展，数字技术与实体",
                                                "经济深度融合，成效显著。"]))
    other = ("全市新开通公交线路十二条\n\n李 华\n\n" + _letter_spaced([
        "记者从市交通部门获悉，全市",
        "新开通公交线路十二条，覆盖新",
        "建小区和产业园区，市民出行更",
        "加便捷。"]) + "\n\n" +
        section("从产业维度\n把握数字经济发展", ["集成电路、人工智能等产业",
                                         "加快集聚，一批重大项目相继落",
                                         "地投产，产业生态不断优化。"]) +
        _letter_spaced(["交通部门负责人表示，下一步", "将继续优化线网布局。"]) + "\n（作者为市交通研究院研究员）\n")
    src = seg(feature + other)
    bus = next(a for a in src.articles if a.title == "全市新开通公交线路十二条")
    digital = next(a for a in src.articles if a.byline == "王明")
    assert not any("集成电路" in p for p in bus.paragraphs)
    assert any("集成电路" in p for p in digital.paragraphs)
    assert any("下一步将继续优化线网布局" in p for p in bus.paragraphs)


def test_a_paragraph_opening_with_a_head_run_in_like_another_articles_is_that_articles():
    # "从辩证思维角度准确把握社会主要矛盾的变化。…": heads run into the text, one of them astray
    feature = ("准确把握数字经济的发展\n\n王 明\n\n" + _letter_spaced([
        "从时间维度准确把握数字经",
        "济的发展。数字经济是浙江发展",
        "的金字招牌，新业态不断涌现。",
        "从空间维度准确把握数字经",
        "济的发展。全省各地纷纷出台政",
        "策支持数字产业发展，成效显著。"]) + "\n（作者为省社科院研究员）\n\n")
    other = ("全市新开通公交线路十二条\n\n李 华\n\n" + _letter_spaced([
        "记者从市交通部门获悉，全市",
        "新开通公交线路十二条，覆盖新",
        "建小区和产业园区，市民出行更",
        "加便捷。",
        "从产业维度准确把握数字经",
        "济的发展。集成电路、人工智能",
        "等产业加快集聚，产业生态优化。"]) + "\n（作者为市交通研究院研究员）\n")
    src = seg(feature + other)
    bus = next(a for a in src.articles if a.title == "全市新开通公交线路十二条")
    assert not any("集成电路" in p for p in bus.paragraphs)
    assert any("集成电路" in p for a in src.articles if a is not bus for p in a.paragraphs)


def test_text_cut_between_words_goes_on_where_the_page_prints_the_phrase_across_the_break_whole():
    # "…建成富强民主" | "文明和谐美丽的…": no word runs across, but the page prints
    # "富强民主文明和谐美丽" whole elsewhere
    cut = SECTIONED_FEATURE.replace(" ".join("正在成为推动经济高质量发"), " ".join("助力把我国建成富强民主"))
    cut = cut.replace(" ".join("大，新业态新模式不断涌现。"), " ".join("大，为建设富强民主文明和谐美丽的国家贡献力量。"))
    assert cut.count("富 强 民 主") == 2
    rest = _letter_spaced(["文明和谐美丽的社会主义现代", "化强国贡献数字力量。"]) + "\n"
    src = seg(cut + OTHER_BOX + rest)
    feature = next(a for a in src.articles if a.byline == "王明")
    assert any("建成富强民主文明和谐美丽的社会主义现代化强国" in p for p in feature.paragraphs)


def test_an_authors_own_text_is_not_taken_for_the_rest_of_a_cut_word_and_no_author_is_lost():
    # "…高质量发" | "李 华" over "展的重要引擎…": an author line opens an article of its own
    rest = "李 华\n\n" + _letter_spaced(["展的重要引擎。各地纷纷出台政", "策支持数字产业发展。"]) + "\n"
    src = seg(SECTIONED_FEATURE + rest)
    assert any(a.byline == "李华" for a in src.articles) or "李 华" in src.noise
    assert not any("高质量发展的重要引擎" in p for a in src.articles for p in a.paragraphs)


def test_names_set_close_after_a_justified_last_line_are_its_author_and_close_the_text():
    # "北 高 峰 科 学 家 会 客 厅 主 办 。 李凯旋": the line is letter-spaced, the names are not
    text = ("解码杭州科创生态\n\n" + BODY_B.replace("本报讯 ", "") + "\n" + " ".join("本次活动由科学家会客厅主办。")
            + " 李凯旋\n\n长三角G60科创走廊\n\n激活创新动能推动高质量发展\n本报记者 谢卫群\n" + BODY_A.replace("本报讯 ", ""))
    first, second = seg(text).articles
    assert first.byline == "李凯旋" and first.paragraphs[-1].endswith("本次活动由科学家会客厅主办。")
    assert {second.title, second.subtitle} == {"激活创新动能推动高质量发展", "长三角G60科创走廊"}
    assert second.byline == "本报记者 谢卫群"


def test_a_byline_appended_after_a_last_line_of_one_character_is_split_off():
    # "家。 通讯员 婷玮 本报记者 陈浩飞": the wrap left one character and the stop
    text = (BODY_A.replace("本报讯 ", "").replace("相继落地投产。", "相继落地投产，累计超过两千\n家。")
            + " 通讯员 婷玮 本报记者 陈浩飞\n\n公交线路再添十二条\n\n" + BODY_B)
    first, second = seg(text).articles
    assert first.byline == "通讯员 婷玮 本报记者 陈浩飞" and first.paragraphs[-1].endswith("超过两千家。")
    assert second.title == "公交线路再添十二条"


def test_kicker_title_and_byline_printed_after_their_story_before_the_next_storys_text():
    # the next story's own head comes after it: the head group is the story's above
    text = (
        BODY_B + "\n\n市交通部门优化公交线网布局\n\n公交线路再添十二条\n（记者 杨 洁）\n\n" + BODY_A
        + "\n\n数字经济创新发展大会召开\n本报记者 陈路漫\n")
    first, second = seg(text).articles
    assert {first.title, first.subtitle} == {"公交线路再添十二条", "市交通部门优化公交线网布局"}
    assert first.byline == "（记者 杨 洁）"
    assert (second.title, second.byline) == ("数字经济创新发展大会召开", "本报记者 陈路漫")


def test_a_head_printed_after_a_story_that_ran_on_from_a_titled_one_splits_it_off():
    # "公交线路再添十二条" (no author) over its text, then the next story's text with no head,
    # then that story's head printed after it, stacked over a third story's head and author
    third = BODY_A.replace("本报讯 ", "").replace("数字经济", "海洋经济").replace("宁波", "舟山")
    text = ("公交线路再添十二条\n\n" + BODY_B.replace("本报讯 ", "") + "\n" + BODY_A.replace("本报讯 ", "") +
            "\n\n数字经济创新发展大会召开\n\n舟山海洋经济发展势头良好\n本报记者 陈路漫\n" + third)
    src = seg(text)
    bus = next(a for a in src.articles if a.title == "公交线路再添十二条")
    assert not any("数字经济" in p for p in bus.paragraphs)
    digital = next(a for a in src.articles if a.title == "数字经济创新发展大会召开")
    assert digital.paragraphs[0].startswith("6月24日，全省数字经济")
    sea = next(a for a in src.articles if a.title == "舟山海洋经济发展势头良好")
    assert sea.byline == "本报记者 陈路漫" and "海洋经济" in sea.paragraphs[0]


def test_names_appended_after_a_last_line_of_one_character_are_the_byline():
    # "…下降15个基" / "点。 吉文磊"
    text = (BODY_A.replace("本报讯 ", "").replace("相继落地投产。", "相继落地投产，利率下降15个基\n点。")
            + " 吉文磊\n\n公交线路再添十二条\n\n" + BODY_B)
    first, second = seg(text).articles
    assert first.byline == "吉文磊" and first.paragraphs[-1].endswith("15个基点。")
    assert second.title == "公交线路再添十二条"


def test_on_a_page_of_signed_commentaries_headless_authorless_text_joins_the_one_it_resembles():
    # a theory page: every article closes with its author's note, so a long text with no
    # head and no author is a piece of one of them (here of the digital-economy article)
    digital = ("数字经济创新发展大会召开\n\n王 明\n\n" + BODY_A.replace("本报讯 ", "") + "\n（作者为省社科院研究员）\n\n")
    bus = ("公交线路再添十二条\n\n李 华\n\n" + BODY_B.replace("本报讯 ", "") + "\n（作者为市交通研究院研究员）\n\n")
    piece = "\n".join([BODY_A.replace("本报讯 ", "").replace("宁波", "温州").replace("十项", "八项")] * 3) + "\n"
    assert len(piece) > 300
    src = seg(digital + bus + piece)
    assert titles(src) == ["数字经济创新发展大会召开", "公交线路再添十二条"]
    assert any("温州" in p for p in src.articles[0].paragraphs)


def test_text_run_in_before_a_commentary_that_opens_by_quoting_its_title_is_not_its():
    # "“幸福都是奋斗出来的”。…": the commentary starts there; the text before it (run in by
    # the column order) is a piece of the other commentary it resembles
    digital = ("数字经济创新发展大会召开\n\n王 明\n\n" + BODY_A.replace("本报讯 ", "") + "\n（作者为省社科院研究员）\n\n")
    run_in = BODY_A.replace("本报讯 ", "").replace("宁波", "温州").replace("十项", "八项") + "\n"
    happiness = ("“幸福都是奋斗出来的”。这句话揭示了创造美好生活\n的基本路径，激发起全社会奋斗的信心和决心。\n"
                 "幸福不会从天而降，要创造美好生活，就必须\n脚踏实地、埋头苦干。\n（作者为市委党校教授）\n\n"
                 "幸福都是奋斗出来的\n")
    src = seg(digital + run_in + happiness)
    happy = next(a for a in src.articles if a.title == "幸福都是奋斗出来的")
    assert happy.paragraphs[0].startswith("“幸福都是奋斗出来的”")
    assert not any("温州" in p for p in happy.paragraphs)
    assert any("温州" in p for p in src.articles[0].paragraphs)


def test_a_news_story_whose_second_paragraph_opens_with_the_words_of_its_head_stays_whole():
    """A news head often repeats a clause of the text ("现阶段美联储将…预期" / "现阶段美联储将…预期，一方面…"):
    only a title quoted whole, or standing as a sentence, marks where a commentary opens."""
    story = ("全省数字经济大会发布十项重点成果\n（记者 李 静）\n会上发布了十项重点成果，涵盖\n人工智能、集成电路等领域。\n"
             "全省数字经济大会发布十项重点成果，来\n自各地的三百余家企业参加了对接活动。\n")
    src = seg(story)
    assert titles(src) == ["全省数字经济大会发布十项重点成果"]
    assert len(src.articles[0].paragraphs) == 2


def test_names_alone_between_gaps_after_a_finished_text_are_an_author_line_not_text():
    # "…解读“不平衡不充分的发展”。" / "" / "卫兴华" / "" / a wrapped section head of another article
    text = ("公交线路再添十二条\n\n" + BODY_B.replace("本报讯 ", "") + "\n\n卫兴华\n\n"
            "充分认识数字\n经济发展的重\n大意义\n\n" + BODY_A.replace("本报讯 ", "") + "\n")
    src = seg(text)
    assert not any("卫兴华" in p for a in src.articles for p in a.paragraphs)
    assert any(a.byline == "卫兴华" for a in src.articles)


def test_head_as_wide_as_the_columns_alone_between_gaps_opens_a_story():
    """A one-line head between gaps, after a finished story and over a text block, is a head
    however wide: a line of text has a gap on both sides only where a column holds one line."""
    first = "本报讯 记者从市交通部门获悉，全市新开通\n公交线路十二条，覆盖新建小区和产业园区，\n市民出行更加便捷。"
    head = "全省数字经济创新发展大会在宁波召开发布十项成果"  # as wide as the columns around it
    src = seg("公交线路新开通十二条\n\n" + first + "\n\n" + head + "\n\n" + BODY_A.replace("本报讯 ", "", 1))
    assert titles(src) == ["公交线路新开通十二条", head]
    assert src.articles[1].paragraphs[0].startswith("6月24日，全省数字经济创新发展大会在宁波召开。")


def test_first_line_of_a_paragraph_cut_off_by_column_breaks_stays_text():
    """"会上，G60联席办与…" between two column breaks opens a paragraph; it is no head."""
    text = ("数字经济创新发展大会召开\n\n" + BODY_A + "\n\n会上，与会代表共同签署战略合作协议，进一\n\n"
            "步发挥行业协会作用，推动上下游要素对接。\n")
    src = seg(text)
    assert titles(src) == ["数字经济创新发展大会召开"]
    assert src.articles[0].paragraphs[-1] == "会上，与会代表共同签署战略合作协议，进一步发挥行业协会作用，推动上下游要素对接。"


def test_author_line_of_two_character_names_printed_with_a_space():
    """"李 静 王海涛" under a head: a two-character name is set with a space to fill the
    width of a three-character one; the line is the author line, the head a head."""
    head = "全省数字经济创新发展大会在宁波召开发布十项成果"
    src = seg("公交线路新开通十二条\n\n" + BODY_B + "\n\n" + head + "\n李 静 王海涛\n" + BODY_A.replace("本报讯 ", "", 1))
    assert titles(src) == ["公交线路新开通十二条", head]
    assert src.articles[1].byline == "李静 王海涛"


def test_source_credit_wrapped_over_two_lines_ends_the_story():
    """"…（上海证" / "券报）": the aside opened on the line before closes the story, so the
    head after it opens the next one."""
    first = BODY_B.replace("加舒心。", "加舒心。（上海证\n券报）")
    head = "全省数字经济创新发展大会在宁波召开发布十项成果"
    src = seg("公交线路新开通十二条\n\n" + first + "\n\n" + head + "\n本报记者 王海涛\n" + BODY_A.replace("本报讯 ", "", 1))
    assert titles(src) == ["公交线路新开通十二条", head]
    assert src.articles[0].paragraphs[-1].endswith("（上海证券报）")


def test_source_credit_after_a_closing_quote_ends_the_story():
    from digest.layout import closes_sentence

    assert closes_sentence("的做法，将补贴政策延续至2025年。”（21财经）")
    assert not closes_sentence("31个省（自治区、直辖市）")


def test_names_set_with_a_space_inside_appended_after_the_last_sentence():
    """"…情形。 李 静 周 洁": two two-character names appended to the story's last line."""
    text = "公交线路新开通十二条\n\n" + BODY_B.replace("加舒心。", "加舒心。 李 静 周 洁") + "\n"
    src = seg(text)
    assert src.articles[0].byline == "李静 周洁"
    assert src.articles[0].paragraphs[-1].endswith("让群众出行更加舒心。")


# A story on another subject, wrapped at 13 columns (BODY_A and BODY_B are at 20-22).
BODY_C = """国家统计局今天发布数据，一月
份全国居民消费价格同比上涨百
分之零点九，涨幅比上月回落。
其中，食品价格下降百分之三点
八，非食品价格上涨百分之一点
九，服务价格有所上涨。"""


def test_short_head_between_stories_on_other_subjects_opens_a_story():
    """A short head with no author line under it is a section head only while the text
    after it goes on about what its article was about."""
    src = seg("数字经济创新发展大会召开\n\n" + BODY_A + "\n\n一月居民消费价格回落\n\n" + BODY_C + "\n")
    assert titles(src) == ["数字经济创新发展大会召开", "一月居民消费价格回落"]


def test_section_head_over_more_of_the_same_story_stays_a_section():
    more = """据介绍，全省数字经济核心产业增加值持续
增长，一批数字经济创新发展重点项目相继落
地，全省数字经济创新发展成果丰硕。"""
    src = seg("数字经济创新发展大会召开\n\n" + BODY_A + "\n\n重点项目相继落地\n\n" + more + "\n")
    assert titles(src) == ["数字经济创新发展大会召开"]
    assert "重点项目相继落地" in src.articles[0].paragraphs


def test_source_credit_alone_on_a_line_is_the_end_of_the_text():
    text = "公交线路新开通十二条\n\n" + BODY_B + "\n（新华社）\n"
    src = seg(text)
    assert src.articles[0].paragraphs[-1].endswith("（新华社）")


def test_untitled_text_in_another_column_on_another_subject_is_another_story():
    """After a finished story and a gap, text set at another width and about something
    else is a story of its own, even with no head over it."""
    src = seg("数字经济创新发展大会召开\n\n" + BODY_A + "\n\n" + BODY_C + "\n")
    assert len(src.articles) == 2
    assert src.articles[1].paragraphs[0].startswith("国家统计局今天发布数据")


def test_a_sentence_cut_at_a_stray_fragment_runs_on_in_lines_of_another_width_in_a_raw_dump(tmp_path):
    """pdftotext -raw breaks a real page's lines at every comma, so their widths say nothing
    of the column they were set in: on 20180118, "…就后一个问题，" runs on past a stray "“1"
    into lines the layout reads as wider ("·18”演讲给出的答案是…"). A rule that opened a story
    wherever text after furniture changed width cut the commentary there (388 of its 2,284
    characters kept); the sentence goes on, and so does the story."""
    pdf = shared("pages", "rmrb-20180118-07.pdf")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) not installed")
    dump = tmp_path / "page.txt"
    subprocess.run(["pdftotext", "-enc", "UTF-8", "-raw", str(pdf), str(dump)], check=True)
    src = segment(Page(source="page.txt", text=dump.read_text(encoding="utf-8")))
    story = next(a for a in src.articles if a.title == "中国思想理论进入世界的鲜亮标志")
    text = "".join(story.paragraphs)
    assert "就后一个问题，" in text and "演讲给出的答案是" in text


def test_head_and_author_line_printed_after_their_story_title_it():
    """A head and its author line under a finished untitled story, about that story and not
    the text after them, are its head printed after it."""
    after = BODY_A.replace("本报讯 6月24日，", "")
    src = seg(BODY_C + "\n一月居民消费价格回落\n本报记者 王海涛\n\n" + after + "\n")
    assert src.articles[0].title == "一月居民消费价格回落"
    assert src.articles[0].byline == "本报记者 王海涛"
    assert src.articles[0].paragraphs[0].startswith("国家统计局今天发布数据")
    assert src.articles[1].paragraphs[0].startswith("全省数字经济创新发展大会在宁波召开")


def test_untitled_text_on_another_subject_after_a_finished_story_is_another_story():
    """In the same column too: after a finished story and a gap, enough text about something
    else is a story of its own (a feature's sections stay: they share its words)."""
    other = BODY_C.replace("\n", "") + ("国家统计局城市司首席统计师解读说，一月份居民消费价格同比涨幅回落，"
                                      "主要是受去年同期基数较高影响。扣除食品和能源价格的核心价格指数同比上涨百分之一点二。")
    story = BODY_A + "\n" + SECTION_A.replace("本报讯", "")
    src = seg("数字经济创新发展大会召开\n\n" + story + "\n\n" + other + "\n")
    assert len(src.articles) == 2
    assert src.articles[1].paragraphs[0].startswith("国家统计局今天发布数据")


def test_kicker_set_apart_over_its_title_after_a_story_opens_a_story():
    """"…如何打开创新驱动新通道？" / gap / "科技成果点燃创新生态" after a finished story: a
    kicker over its title, a story's head, not a section head of the story above (even on a
    page where every story is about the same things). (The title shares words with its text
    as real titles do — all 63 gold titles share a third or more of their character pairs
    with their text — else it gives way to a head line that shares more.)"""
    src = seg("数字经济创新发展大会召开\n\n" + BODY_A + "\n\n如何打开创新发展新通道？\n\n科技成果点燃创新生态\n\n" + SECTION_A + "\n")
    assert titles(src) == ["数字经济创新发展大会召开", "科技成果点燃创新生态"]
    assert src.articles[1].subtitle == "如何打开创新发展新通道？"


def test_short_head_over_text_closed_by_another_author_line_opens_a_story():
    """An article has one author line: under a story that has one, a short head over text
    closed by another author line is another story's, however alike their subjects."""
    page = ("数字经济创新发展大会召开\n本报记者 王海涛\n\n" + BODY_A + "\n\n杭州也开数字经济大会！\n\n" + SECTION_A +
            "\n（记者 杨 洁）\n")
    src = seg(page)
    assert titles(src) == ["数字经济创新发展大会召开", "杭州也开数字经济大会！"]
    assert src.articles[1].byline == "（记者 杨 洁）"


def test_title_under_a_kicker_printed_after_its_story_goes_with_the_kicker():
    """Kicker, title and author line printed after their untitled story: the kicker is about
    it, the title (a turn of phrase) about neither text; the title goes with its kicker."""
    after = BODY_A.replace("本报讯 6月24日，", "")
    page = BODY_C + "\n\n一月份全国居民消费价格同比上涨\n\n物价温和怎么看\n本报记者 王海涛\n\n" + after + "\n"
    src = seg(page)
    first = src.articles[0]
    assert {first.title, first.subtitle} == {"一月份全国居民消费价格同比上涨", "物价温和怎么看"}
    assert first.byline == "本报记者 王海涛"
    assert src.articles[1].paragraphs[0].startswith("全省数字经济创新发展大会在宁波召开")


@pytest.mark.parametrize("sentence, title", [
    ("东北证券研报认为，春季躁动还在调整，是布局机会。", "东北证券：春季躁动还在调整"),
    ("当地时间周一，辉瑞宣布与法国CDMO签约，提供原料药。", "辉瑞宣布与法国CDMO签约"),
    ("记者日前获悉，5年来银行业累计处置不良资产11.9万亿元。", "5年来银行业累计处置不良资产11.9万亿元"),
    ("避险情绪驱动下，黄金ETF单日流入超100亿元。", "黄金ETF单日流入超100亿元"),
])
def test_stand_in_title_skips_who_said_it_and_the_scene_setting(sentence, title):
    """"东北证券研报认为，…" or "当地时间周一，…" open a sentence but make no headline."""
    from digest.pipeline import generated_title

    assert generated_title([sentence]) == title


def test_wide_head_over_a_lead_set_with_a_gap_after_every_line():
    lead = "周二欧市尾盘时段，德\n\n国十年期国债收益率上\n\n涨零点四个基点。\n\n"
    head = "意大利和西班牙国债收益率涨超五个基点领涨欧洲"
    src = seg("公交线路新开通十二条\n\n" + BODY_B + "\n\n" + head + "\n\n" + lead + BODY_A.replace("本报讯 ", "") + "\n")
    assert titles(src) == ["公交线路新开通十二条", head]


def test_wide_head_with_a_slogan_glued_in_front_is_a_head():
    """" 为 有 金 融 活 水 来全省数字经济…": the slogan split off stands for the gap above the head."""
    head = "全省数字经济创新发展大会在宁波召开发布成果"  # as wide as the column
    src = seg("总第5244期\n\n 为 有 金 融 活 水 来" + head + "\n\n" + BODY_A.replace("本报讯 6月24日，", "") + "\n")
    assert titles(src) == [head]
    assert "为有金融活水来" in src.noise


def test_head_over_a_gapped_lead_whose_lines_run_on_into_each_other():
    """The lead's lines are head candidates too (short, set apart); one that runs on into the
    next by the middle of a word leaves the head above it a head."""
    head = "北 京 证 监 局 ： 将 督 促 把 好 年 报 “ 披 露 关 ” “ 真 实 关 ”"
    lead = "北京证监局贯彻落实证监\n\n会关于上市公司年报监管\n\n工作的决策部署。\n\n"
    src = seg("公交线路新开通十二条\n\n" + BODY_B + "\n\n" + head + "\n\n" + lead + BODY_A.replace("本报讯 ", "") + "\n")
    assert titles(src)[1] == "北京证监局：将督促把好年报“披露关”“真实关”"


def test_head_and_author_line_after_a_story_under_a_stray_slogan_replace_the_slogan():
    """A masthead slogan over an untitled story is taken for its head at first; the story's
    own head, printed after it with its author line, replaces it even sharing fewer words."""
    page = ("为 有 金 融 活 水 来\n\n" + BODY_C + "\n\n消费价格回落说明什么\n本报记者 王海涛\n\n"
            "数字经济创新发展大会召开\n本报记者 李 静\n\n" + BODY_A + "\n")
    src = seg(page)
    assert titles(src) == ["消费价格回落说明什么", "数字经济创新发展大会召开"]
    assert src.articles[0].byline == "本报记者 王海涛"
    assert "为有金融活水来" in src.noise


def test_head_opening_with_a_short_clause_and_a_comma_wider_than_an_indented_line():
    """"短短一天，超百亿元资金流入…" alone between gaps: not as wide as an indented first line
    of the text below (that one, "会上，…", is text cut off by column breaks), so a head."""
    head = "短短一天，超百亿元资金流入黄金交易所交易基金"
    src = seg("公交线路新开通十二条\n\n" + BODY_B + "\n（证券时报）\n\n" + head + "\n\n" + BODY_A.replace("本报讯 ", "") + "\n")
    assert titles(src) == ["公交线路新开通十二条", head]


def test_first_of_two_heads_after_an_untitled_story_is_its_head_when_it_leans_to_it():
    """Two heads between an untitled story and the next story's author line: the first shares
    some words with the story above (an editor's headline need not share many) and fewer with
    the story below, the second is plainly the story below's: the first is the head above's."""
    page = (BODY_C + "\n\n消费价格回落说明什么\n\n数字经济创新发展大会在宁波召开\n本报记者 王海涛\n\n"
            + BODY_A.replace("本报讯 6月24日，", "") + "\n")
    src = seg(page)
    assert titles(src) == ["消费价格回落说明什么", "数字经济创新发展大会在宁波召开"]
    assert src.articles[1].byline == "本报记者 王海涛"


def test_deck_set_right_under_its_title_is_the_subtitle():
    """A kicker stands over its title with a gap between; a deck is set right under it."""
    src = seg("数字经济创新发展大会召开\n全省十项重点成果同日发布\n\n" + BODY_A + "\n")
    assert (src.articles[0].title, src.articles[0].subtitle) == ("数字经济创新发展大会召开", "全省十项重点成果同日发布")
    src = seg("全省十项重点成果同日发布\n\n数字经济创新发展大会召开\n\n" + BODY_A + "\n")
    assert (src.articles[0].title, src.articles[0].subtitle) == ("数字经济创新发展大会召开", "全省十项重点成果同日发布")


# The rest of a story cut off by the page's top edge: its first line is a full line (no
# paragraph's first line is, being indented), and it opens mid-sentence.
REST_OF_A_STORY = """业参加了对接活动，签约项目总投资超过一百亿
元，涵盖人工智能、集成电路、生物医药等领域。
据介绍，今年以来全省新增高新技术企业一千
余家，研发投入强度持续提高，创新生态不断
优化，一批重大项目相继落地投产。"""


# BODY_B on a page that indents its paragraphs' first lines (pdftotext drops the indent's
# spaces: the line is two characters short); only there does a first line reaching the
# column's edge say that the text goes on from a page not printed
BODY_B_INDENTED = """本报讯 记者从市交通部门获悉，全市新开通
公交线路十二条，覆盖新建小区和产业园区，
市民出行更加便捷。
交通部门负责人表示，下一步将继续
优化线网布局，提升公共交通服务水平，让
群众出行更加舒心。"""


def test_page_opening_in_the_middle_of_an_article_is_marked_incomplete():
    src = seg("总第5244期\n\n" + REST_OF_A_STORY + "\n\n公交线路新开通十二条\n\n" + BODY_B_INDENTED + "\n")
    assert [a.complete_start for a in src.articles] == [False, True]
    assert src.articles[1].title == "公交线路新开通十二条"


def test_slogan_over_the_rest_of_an_article_at_the_top_of_the_page_is_furniture():
    """A slogan set as a head over text that goes on from a page not printed is no head."""
    src = seg("总第5244期\n\n传递科技力量 成就金融梦想\n\n" + REST_OF_A_STORY + "\n\n公交线路新开通十二条\n\n" + BODY_B_INDENTED + "\n")
    assert src.articles[0].complete_start is False
    assert src.articles[0].title_generated or src.articles[0].title is None
    assert "传递科技力量成就金融梦想" in src.noise


def test_page_opening_with_an_untitled_story_is_complete():
    """An untitled story's first line is indented: the page does not open mid-article."""
    src = seg("总第5244期\n\n" + BODY_A + "\n\n公交线路新开通十二条\n\n" + BODY_B + "\n")
    assert src.articles[0].complete_start is True


def test_topic_of_the_text_after_a_gap_is_judged_near_the_gap():
    """A story on another subject after a gap is found however long the article before it
    (the comparison reads a window each side, so a page of any length is read in linear time)."""
    long_story = "\n".join([BODY_A.replace("本报讯 6月24日，", "")] * 30)
    other = BODY_C.replace("\n", "") + ("国家统计局城市司首席统计师解读说，一月份居民消费价格同比涨幅回落，"
                                      "主要是受去年同期基数较高影响。扣除食品和能源价格的核心价格指数同比上涨百分之一点二。")
    src = seg("数字经济创新发展大会召开\n\n" + long_story + "\n\n" + other + "\n")
    assert len(src.articles) == 2


def test_question_head_over_its_author_line_is_a_head():
    head = "数字经济大会十项成果能否落地见效？"
    src = seg("公交线路新开通十二条\n\n" + BODY_B + "\n（中证报）\n\n" + head + "\n本报记者 李 静 通讯员 孙立平\n"
              + BODY_A.replace("本报讯 ", "") + "\n")
    assert titles(src) == ["公交线路新开通十二条", head]
    assert src.articles[1].byline == "本报记者 李静 通讯员 孙立平"


def test_label_of_a_graphic_over_a_head_is_furniture():
    """"院士岛" set apart over a story's head, sharing nothing with its text and not worded as
    a kicker: the label of a graphic, not the story's kicker."""
    src = seg("公交线路新开通十二条\n\n" + BODY_B + "\n\n院士岛\n\n数字经济创新发展大会召开\n\n" + BODY_A + "\n")
    assert titles(src) == ["公交线路新开通十二条", "数字经济创新发展大会召开"]
    assert src.articles[1].subtitle is None
    assert "院士岛" in src.noise


def test_kicker_sharing_words_with_its_story_stays_its_subtitle():
    src = seg("公交线路新开通十二条\n\n" + BODY_B + "\n\n十项重点成果发布\n\n数字经济创新发展大会召开\n\n" + BODY_A + "\n")
    assert src.articles[1].subtitle == "十项重点成果发布"


def test_graphic_label_after_a_story_does_not_split_it():
    """"基因芯片", a graphic's label after a long story whose later part mentions it: no head
    of a story that ran on from the titled one (too short for a title), so nothing is split off."""
    chips = ("新年伊始，实验室传来好消息：育种基因芯片研发\n成功。\n据悉，该基因芯片可有效解决检测难度大、\n"
             "成本高等难题，智能芯片产业链加快集聚。\n")
    story = BODY_A + "\n" + SECTION_A.replace("本报讯", "") + "\n" + chips
    src = seg("数字经济创新发展大会召开\n\n" + story + "\n基因芯片\n\n公交线路新开通十二条\n\n" + BODY_B + "\n")
    assert titles(src) == ["数字经济创新发展大会召开", "公交线路新开通十二条"]


def test_lead_of_equal_lines_one_gap_apart_under_a_head_is_text():
    """A lead set in a box, a gap after every line, its lines without punctuation: each would
    pass for a head (short, set apart), but lines as wide as each other ending in a sentence
    end are one paragraph."""
    lead = "中国消费者协会日前发布\n\n全国消协组织受理投诉情\n\n况分析数据。\n\n"
    src = seg("公交线路新开通十二条\n\n" + BODY_B + "\n\n消费投诉数据发布\n通讯员 张晓峰 本报记者 周 洁\n" + lead
              + BODY_A.replace("本报讯 ", "") + "\n")
    assert titles(src) == ["公交线路新开通十二条", "消费投诉数据发布"]
    assert src.articles[1].paragraphs[0] == "中国消费者协会日前发布全国消协组织受理投诉情况分析数据。"


def test_lead_of_equal_lines_one_gap_apart_right_under_a_head_set_one_gap_above_it():
    """The same lead with the head one gap above its first line: the head is not one of the
    lead's lines (it is wider), and the lead's first line is text, not a second head."""
    lead = "中国消费者协会日前发布\n\n全国消协组织受理投诉情\n\n况分析数据。\n\n"
    src = seg("公交线路新开通十二条\n\n" + BODY_B + "\n\n中 消 协 ： 消 费 投 诉 数 据 发 布\n\n" + lead
              + BODY_A.replace("本报讯 ", "") + "\n")
    assert titles(src) == ["公交线路新开通十二条", "中消协：消费投诉数据发布"]
    assert src.articles[1].subtitle is None
    assert src.articles[1].paragraphs[0] == "中国消费者协会日前发布全国消协组织受理投诉情况分析数据。"
    # and under a graphic's label set one gap above the head
    src = seg("公交线路新开通十二条\n\n" + BODY_B + "\n\n院士岛\n\n中消协：消费投诉数据发布\n\n" + lead
              + BODY_A.replace("本报讯 ", "") + "\n")
    assert titles(src) == ["公交线路新开通十二条", "中消协：消费投诉数据发布"]
    assert src.articles[1].paragraphs[0] == "中国消费者协会日前发布全国消协组织受理投诉情况分析数据。"


def test_head_and_author_line_between_an_untitled_story_and_another_head_are_the_story_s():
    """Text A (untitled), head a + author line, head b, text B: a title, author line and
    section head open no story while the story above still waits for its head."""
    page = (BODY_C + "\n\n物价温和怎么看\n本报记者 刘一鸣\n\n数字经济创新发展大会在宁波召开\n\n"
            + BODY_A.replace("本报讯 6月24日，", "") + "\n")
    src = seg(page)
    assert titles(src) == ["物价温和怎么看", "数字经济创新发展大会在宁波召开"]
    assert src.articles[0].byline == "本报记者 刘一鸣"


# More about BODY_A's subject (the digital economy), with a short first sentence run into
# the text as a theory page sets a section head, wrapped at BODY_B's width.
DIGITAL_SECTION = """数字经济成为发展新引擎。全省数字经
济核心产业增加值持续增长，数字经济创新
发展重点项目相继落地，人工智能、集成电
路、生物医药等领域的高新技术企业加快集
聚，研发投入强度持续提高，数字经济创新
发展大会成果丰硕。"""


def test_a_section_printed_among_another_articles_columns_goes_back_to_its_article():
    """The extractor can print one feature's section inside another's columns, with nothing
    in the text to show the seam; the section reads far more like the other article's
    opening than its own article's, so it goes there (to its end, in page order), with the
    author's note printed after it."""
    page = ("数字经济创新发展大会召开\n\n" + BODY_A + "\n\n公交线路新开通十二条\n\n" + BODY_B + "\n"
            + DIGITAL_SECTION + "\n（作者为省数字经济研究院研究员）\n")
    src = seg(page)
    assert titles(src) == ["数字经济创新发展大会召开", "公交线路新开通十二条"]
    digital, transport = src.articles
    assert digital.paragraphs[-1].startswith("数字经济成为发展新引擎。")
    assert not any("数字经济" in p for p in transport.paragraphs)
    assert transport.paragraphs[-1].endswith("加舒心。")
    assert digital.byline == "（作者为省数字经济研究院研究员）"
    assert transport.byline is None


def test_a_section_about_its_own_article_stays_where_it_is_printed():
    """The same run-in section about the article it is printed in stays there, even on a
    page whose other article is on the same subject."""
    own = DIGITAL_SECTION.replace("数字经济成为发展新引擎", "公交出行成为城市新名片")
    own = own.replace("数字经济", "公交线网").replace("人工智能、集成电", "新建小区和产业园").replace("路、生物医药", "区、学校医院")
    page = ("数字经济创新发展大会召开\n\n" + BODY_A + "\n\n公交线路新开通十二条\n\n" + BODY_B + "\n" + own + "\n")
    src = seg(page)
    assert src.articles[1].paragraphs[-1].startswith("公交出行成为城市新名片。")


CUT_STORY = """全省数字经济创新发展大会在宁波召
开。会上发布了十项重点成果，涵盖人工智
能、集成电路、生物医药等领域，来自各地
的三百余家企业参加了对接活动。
据介绍，今年以来全省新增高新技术企
业一千余家，研发投入强度持续提高，数字
经济核心产业增加值持续增长，创新生态不
断优化，数字经济创新发展成果丰硕，人工
智能、集成电路等领域的企业加快集聚，一
批数字经济创新发展重点项目相继落地，一"""

PRICES = """国家统计局今天发布数据，一月份
全国居民消费价格同比上涨百分之零点九，
涨幅比上月回落。其中，食品价格下降百分
之三点八，非食品价格上涨百分之一点九，
服务价格有所上涨。国家统计局城市司首席
统计师解读说，一月份居民消费价格同比涨
幅回落，主要是受去年同期基数较高影响。
扣除食品和能源价格的核心价格指数同比上
涨百分之一点二，物价总体保持温和。"""


def test_text_after_a_story_cut_at_a_column_end_opening_afresh_on_another_subject_is_another_story():
    """A story cut mid-sentence at a column's end goes on where a paragraph opens mid-line
    (its first line as wide as the column). After the gap, a paragraph whose first line is
    indented opens afresh: about something else, it is another story, not the cut one's rest."""
    caption = "\n\n图为大会现场。 王 明 摄\n\n"
    src = seg("数字经济创新发展大会召开\n\n" + CUT_STORY + caption + PRICES + "\n")
    assert len(src.articles) == 2
    assert src.articles[1].paragraphs[0].startswith("国家统计局今天发布数据")
    # the same text opening mid-line (no indent) may be the rest of the cut sentence: kept on
    run_on = PRICES.replace("国家统计局今天发布数据，一月份\n", "项目相继落地投产。国家统计局今天发布数据，一\n月份")
    src = seg("数字经济创新发展大会召开\n\n" + CUT_STORY + caption + run_on + "\n")
    assert len(src.articles) == 1


def test_a_head_sharing_a_little_with_the_untitled_text_above_and_nothing_with_the_story_below():
    """Text A (untitled), head a, then head b, author line and story B: a shares a few words
    with A and none with B, so it is no kicker of b but A's head printed after it (an
    editor's headline need not share many words with its text)."""
    page = (BODY_C + "\n\n机构分析：居民消费回落或推迟加息步伐\n\n数字经济创新发展大会召开\n本报记者 王海涛\n"
            + BODY_A.replace("本报讯 6月24日，", "") + "\n")
    src = seg(page)
    assert titles(src) == ["机构分析：居民消费回落或推迟加息步伐", "数字经济创新发展大会召开"]
    assert src.articles[1].subtitle is None
    # or twice as much as with the story below
    src = seg(page.replace("机构分析：居民消费回落或推迟加息步伐", "分析：居民消费回落令数字资产承压"))
    assert titles(src) == ["分析：居民消费回落令数字资产承压", "数字经济创新发展大会召开"]

    # but not a graphic's label after the head and author line already printed after A
    page = (BODY_C.replace("有所上涨。", "有所上涨，食品 （下转A2版）") + "\n\n统计局发布一月数据\n\n一月居民消费价格回落\n本报记者 刘一鸣\n\n"
            "居民价格监测中心\n\n数字经济创新发展大会召开\n本报记者 王海涛\n"
            + BODY_A.replace("本报讯 6月24日，", "") + "\n")
    src = seg(page)
    assert titles(src) == ["一月居民消费价格回落", "数字经济创新发展大会召开"]


def test_heads_printed_after_each_of_their_untitled_stories():
    """Text A, head a, text B, head b, and nothing else: each head is about the finished text
    above it and not the text below, so it is that text's (not the next story's) head."""
    page = BODY_C + "\n\n一月居民消费价格同比上涨\n\n" + BODY_A + "\n\n数字经济大会发布十项成果\n"
    src = seg(page)
    assert titles(src) == ["一月居民消费价格同比上涨", "数字经济大会发布十项成果"]
    assert src.articles[0].paragraphs[0].startswith("国家统计局今天发布数据")


def test_a_head_with_nothing_after_it_titles_the_text_right_above_with_fewer_shared_words():
    """The page's last words, a head right after an untitled text: like a head printed with
    its author line right after a text, it needs fewer words in common to be its head."""
    src = seg(BODY_C + "\n\n一月居民消费价格同比上涨\n\n" + BODY_A + "\n\n数字经济峰会在甬举办\n")
    assert titles(src) == ["一月居民消费价格同比上涨", "数字经济峰会在甬举办"]


def test_a_paragraph_printed_as_one_long_line_after_wrapped_text_is_another_box():
    """Wrapped text, a gap, then a paragraph printed as one line wider than any column: a box
    of its own, judged by its subject on as little text as another column is."""
    wrapped = """局今天发布数据，一月份全国居民消费
价格同比上涨百分之零点九，涨幅比上月回
落。其中，食品价格下降百分之三点八，非
食品价格上涨百分之一点九。"""
    one_line = BODY_A.replace("\n", "").replace("本报讯 ", "")
    src = seg(wrapped + "\n\n" + one_line + "\n\n数字经济创新发展大会在宁波召开\n")
    assert len(src.articles) == 2
    assert src.articles[1].paragraphs[0].startswith("6月24日，全省数字经济")
    assert src.articles[1].title == "数字经济创新发展大会在宁波召开"


def test_a_short_head_after_a_story_signed_off_by_its_source_opens_a_story():
    """"…发展动力。（经参）" ends its story: a short head after it opens the next one, even on the
    same subject (where a head over more of the same story would be a section head)."""
    story = BODY_A.replace("投产。", "投产。（经参）")
    more = SECTION_A.replace("同日，", "6月25日，")
    src = seg("数字经济创新发展大会召开\n本报记者 陈 红\n\n" + story + "\n\n杭州数字经济大会召开\n\n" + more + "\n")
    assert titles(src) == ["数字经济创新发展大会召开", "杭州数字经济大会召开"]
    # without the credit the head is a section head of the same story
    src = seg("数字经济创新发展大会召开\n本报记者 陈 红\n\n" + BODY_A + "\n\n杭州数字经济大会召开\n\n" + more + "\n")
    assert titles(src) == ["数字经济创新发展大会召开"]


@pytest.mark.parametrize("short_line, quote_line", [
    ("会议强调：", "“推动数字经济高质量发展是"),  # a colon over the words said
    ("正如专家所说，", "“数字经济是发展的金字招牌"),  # a comma
    ("会上指出，“推进数字经济”", "“形成数据要素市场化配置格局"),  # words quoted after a comma
], ids=["colon", "comma", "quoted-after-a-comma"])
def test_a_line_cut_short_before_a_quote_does_not_end_the_paragraph(short_line, quote_line):
    """The extractor cuts a line where a quotation opens, leaving a short line and a line that
    looks indented; the sentence goes on across them (a head run into the text ends with a
    word, a quoted word or a speaker's colon over text that does not open with a quote)."""
    text = ("数字经济创新发展大会召开\n\n"
            "全省数字经济创新发展大会在宁\n"
            "波召开，会上发布了十项重点成果，\n"
            "涵盖人工智能、集成电路等新领域。\n" + short_line + "\n" + quote_line + "\n"
            "的重要引擎”，各地三百余家企业参\n"
            "加了对接活动。\n")
    art = seg(text).articles[0]
    assert len(art.paragraphs) == 1, art.paragraphs


def test_a_short_line_ending_in_a_colon_over_a_quotation_is_no_speaker_label():
    """"区人大代表徐甲甲：" over the words it introduces is a paragraph of its own; "习近平同志
    强调：" over a quotation the extractor set on the next line goes on the sentence."""
    text = ("数字经济创新发展大会召开\n\n"
            "全省数字经济创新发展大会在宁\n"
            "波召开，发布十项成果。\n"
            "省领导强调：\n"
            "“数字经济是发展的金字招牌。”各地\n"
            "三百余家企业参加了对接活动。\n")
    art = seg(text).articles[0]
    assert len(art.paragraphs) == 2, art.paragraphs
    assert art.paragraphs[1].startswith("省领导强调：“数字经济是发展的金字招牌。”")


def test_a_head_after_a_story_cut_by_a_jump_marker_sharing_nothing_with_the_text_below():
    """A story cut after two lines by a jump marker has few words to share with its head,
    printed after it; a head sharing some with it and nothing with the text under the head
    is its head (not a head over a story it says nothing about)."""
    cut = "6月24日，全省数字经济创新发展大会在宁\n波召开，会上发布了十项重点 （下转A2版）\n"
    src = seg(cut + "\n数字经济峰会在甬举办\n\n" + BODY_C + "\n")
    assert titles(src)[0] == "数字经济峰会在甬举办"
    assert src.articles[0].continued == "A2"
    assert src.articles[1].paragraphs[0].startswith("国家统计局今天发布数据")


def test_head_and_author_line_after_a_story_cut_by_a_jump_marker_before_another_head():
    """A story cut by a jump marker is finished on this page: a head and author line between
    it and another head are its own, printed after it, even sharing few words with the few
    lines it has here."""
    cut = ("6月24日，全省数字经济创新发展大会在宁波召开，会上发布了十项重点成果，涵盖人工智能、集成电路、"
           "生物医药等 （下转A2版）\n")
    page = (cut + "\n浙江数字经济成果丰硕：一批重大项目相继投产\n王海涛 李 静\n\n"
            "一月居民消费价格回落\n本报记者 刘一鸣\n" + BODY_C + "\n")
    src = seg(page)
    assert titles(src) == ["浙江数字经济成果丰硕：一批重大项目相继投产", "一月居民消费价格回落"]
    assert src.articles[0].continued == "A2"
    assert src.articles[1].byline == "本报记者 刘一鸣"


def test_a_one_line_head_after_an_untitled_story_sharing_nothing_with_the_text_below():
    """A one-line head after a finished untitled story: an editor's headline shares fewer
    words with its text (0.44 here); sharing nothing with the text below, it is no head of
    that text, so it is the head of the story above it."""
    src = seg(BODY_A.replace("本报讯 6月24日，", "") + "\n\n数字经济峰会在甬举办\n\n" + BODY_C + "\n")
    assert titles(src)[0] == "数字经济峰会在甬举办"
    assert src.articles[1].paragraphs[0].startswith("国家统计局今天发布数据")


def test_a_head_right_after_a_story_cut_by_a_jump_marker_before_another_head():
    """A story of one line cut by a jump marker, its head printed after it, then another
    story's head: the first head, sharing some words with the cut line (0.44), is its head."""
    cut = ("6月24日，全省数字经济创新发展大会在宁波召开，会上发布了十项重点成果，涵盖人工智能、集成电路、"
           "生物医药等 （下转A2版）\n")
    page = (cut + "\n数字经济峰会在甬举办\n\n图②：大会现场外景。 王 明 摄\n\n一月居民消费价格回落\n\n"
            + BODY_C + "\n")
    src = seg(page)
    assert titles(src) == ["数字经济峰会在甬举办", "一月居民消费价格回落"]


def test_heads_printed_after_a_signed_story_leave_the_next_storys_head_to_it():
    """Deck and title printed after a story and its author line, stacked over the next
    story's head (its text right under it, no author line between): the last head is about
    the text below, not the story above, so it heads the story below."""
    text = (BODY_B + " （记者 杨 洁）\n\n市交通部门优化公交线网布局\n\n公交线路再添十二条\n\n"
            "数字经济创新发展大会召开\n\n" + BODY_A.replace("本报讯 ", "") + "\n")
    first, second = seg(text).articles
    assert {first.title, first.subtitle} == {"公交线路再添十二条", "市交通部门优化公交线网布局"}
    assert first.byline == "（记者 杨 洁）"
    assert second.title == "数字经济创新发展大会召开"
    assert second.paragraphs[0].startswith("6月24日，全省数字经济")


def test_head_and_author_line_last_on_the_page_after_a_story_cut_by_a_jump_marker_title_it():
    """The page's last words, a head and its author line, right after an untitled story cut
    by a jump marker: its head, though the few lines printed here share few of its words."""
    text = BODY_A + " （下转A2版）\n\n全省经济跑出加速度\n本报记者 陈路漫\n"
    src = seg(text)
    assert len(src.articles) == 1
    story = src.articles[0]
    assert (story.title, story.byline) == ("全省经济跑出加速度", "本报记者 陈路漫")
    assert story.continued


def test_a_graphic_label_over_a_story_gives_way_to_its_head_printed_after_it():
    """"巡检机器人" (a graphic's label, a word or two shared with the text by chance) over a
    story whose own head and author line are printed after it, before the next story's head."""
    text = ("线网布局\n\n" + BODY_B + "\n\n市交通部门优化公交线网布局\n本报记者 王海涛\n\n"
            "数字经济创新发展大会召开\n本报记者 陈路漫\n" + BODY_A + "\n")
    first, second = seg(text).articles
    assert (first.title, first.byline) == ("市交通部门优化公交线网布局", "本报记者 王海涛")
    assert (second.title, second.byline) == ("数字经济创新发展大会召开", "本报记者 陈路漫")
    assert "线网布局" in seg(text).noise


def test_a_slogan_printed_alone_and_glued_to_a_head_elsewhere_is_no_head():
    """"为 有 金 融 活 水 来" alone over the first story, and again glued in front of a head
    further down: furniture both times, though the story speaks of 金融活水."""
    story = BODY_B.replace("市民出行更加便捷。", "金融活水为企业发展注入动力。")
    text = ("为 有 金 融 活 水 来\n\n" + story + "\n\n 为 有 金 融 活 水 来数字经济创新发展大会召开\n\n" + BODY_A + "\n")
    src = seg(text)
    assert [a.title for a in src.articles] == [None, "数字经济创新发展大会召开"]
    assert [n.replace(" ", "") for n in src.noise].count("为有金融活水来") == 2


def test_a_longer_label_over_a_story_gives_way_to_a_head_printed_after_it_about_the_story_twice_as_much():
    """"浙大杭州国际科创中心" over a story (sharing a few words with it) whose own head, about it
    twice as much, is printed after it with its author line."""
    text = ("市民公交卡服务管理中心\n\n" + BODY_B + "\n\n市交通部门优化公交线网布局\n本报记者 王海涛\n\n"
            "数字经济创新发展大会召开\n本报记者 陈路漫\n" + BODY_A + "\n")
    first, second = seg(text).articles
    assert (first.title, first.byline) == ("市交通部门优化公交线网布局", "本报记者 王海涛")
    assert second.title == "数字经济创新发展大会召开"


@pytest.mark.parametrize("opening, rest", [
    # 获悉 runs across the break
    ("  记者近日从市交通部门与公交集团获\n悉，下一步将继续优化线网布局，提升公共\n交通服务水平，让群众出行更加舒心。",
     "记者近日从市交通部门与公交集团获悉，下一步"),
    # the next line opens with a particle
    ("  记者近日通过市民热线和网络留言找到\n了几位经常乘车的市民，他们都说新线路开\n通以后出行方便多了。",
     "记者近日通过市民热线和网络留言找到了几位"),
])
def test_a_first_line_opening_like_an_author_line_whose_sentence_runs_on_is_text(opening, rest):
    """"记者近日从市交通部门与公交集团获" / "悉，下一步…", "记者…找到" / "了几位…": "记者…" opens the
    line as an author line does, but its sentence runs on into the next line: it is the
    paragraph's first line, not another story's byline."""
    text = ("公交线路再添十二条\n\n  记者从市交通部门获悉，全市新开通公交\n"
            "线路十二条，覆盖新建小区和产业园区，市\n民出行更加便捷。\n" + opening + "\n")
    src = seg(text)
    assert len(src.articles) == 1 and src.articles[0].byline is None
    assert src.articles[0].paragraphs[-1].startswith(rest)


def test_a_stray_label_over_a_story_gives_way_to_its_head_printed_last_on_the_page():
    """"院士岛" (a graphic's label) over a story, and the story's head printed after it as the
    page's last words, with no author line."""
    text = "院士岛\n\n" + BODY_B + "\n\n公交出行迎来新变化市民出行更舒心\n"
    src = seg(text)
    assert [a.title for a in src.articles] == ["公交出行迎来新变化市民出行更舒心"]
    assert "院士岛" in src.noise


def test_a_letter_spaced_title_under_a_plain_deck_printed_after_its_story_goes_with_it():
    """Deck set plain over the title set letter-spaced, both printed after their story (its
    author line appended to its last line) and before a caption and the next story's head:
    the letter-spaced head is the title, the plain one its deck."""
    text = (BODY_B.replace("加舒心。", "加舒心。 王海涛") + "\n\n公交线网布局持续优化调整\n\n新 开 线 路 惠 及 沿 线 群 众\n\n"
            "图①：新开通的公交线路。 陈海汶摄\n\n如何打开创新发展新通道？\n\n数字经济创新发展大会召开\n\n" + BODY_A + "\n")
    first, second = seg(text).articles
    assert (first.title, first.subtitle, first.byline) == ("新开线路惠及沿线群众", "公交线网布局持续优化调整", "王海涛")
    assert second.title == "数字经济创新发展大会召开"


WIDE_BOX = """从安全、环境看，落后山区并非不安全，而且空气污染少、蓝天白云多。对民主、法
治、公平、正义的需求状况，也不能用城乡、区域发展不平衡来说明，更不能用生产
还落后来说明。总之，城乡、区域发展不平衡是发展不平衡不充分的一种表现，但
不能仅仅从城乡、区域发展不平衡来解读“不平衡不充分的发展”。"""


def test_a_section_head_wrapped_in_a_narrow_box_under_a_wide_one_is_one_paragraph():
    """"充分认识着力解" / "决突出环境问题的重" / "大意义", set apart by gaps under an author
    line that ends a wide box: one section head (the column estimate there still mixes in
    the wide box), not text broken inside 重大."""
    narrow = ("日益走近世界舞台中央，国际社会希望\n我国能够为解决事关人类发展与安全\n"
              "的重大问题发挥更大作用。必须着力\n解决突出环境问题，合理承担国际责任\n"
              "和义务，与世界各国共同应对全球环境\n挑战，为全球生态安全作出贡献。")
    text = ("着力解决突出环境问题\n\n" + narrow + "\n\n城乡区域发展不平衡怎么看\n\n" + WIDE_BOX
            + "\n\n卫兴华\n\n充分认识着力解\n决突出环境问题的重\n大意义\n\n" + narrow + "\n")
    paragraphs = [p for a in seg(text).articles for p in a.paragraphs]
    assert "充分认识着力解决突出环境问题的重大意义" in paragraphs


def test_a_short_line_whose_word_runs_on_into_an_indented_looking_line_goes_on():
    """"增强本领，不断开创事业发展新境" / "界。新时代的长征路…": the second line is as short as
    an indented first line, but 境界 runs across the break: one paragraph, not a head run in."""
    text = ("新时代的长征路\n\n增强本领，不断开创事业发展新境\n界。新时代的长征路，最大的特点就是\n"
            "“新”。时代新，中国特色社会主义进入新\n时代，我国经济实力、科技实力、国防实力、\n"
            "综合国力进入世界前列，迎来了实现中华\n民族伟大复兴的光明前景。\n")
    src = seg(text)
    assert src.articles[0].paragraphs[0].startswith("增强本领，不断开创事业发展新境界。新时代的长征路")


def test_a_gapped_lead_whose_first_sentence_ends_at_the_box_edge_is_one_paragraph():
    """"近日，南太平洋岛国汤加" / gap / "海底火山喷发引发海啸。" / gap / "由于目前海啸威胁正逐渐" / …:
    a lead set with a gap after every line, its first sentence ending right at the box's edge,
    is text under its head and author line, not a second head."""
    lead = ["近日，南太平洋岛国汤加", "海底火山喷发引发海啸。", "由于目前海啸威胁正逐渐", "消退，邻国新西兰已经派",
            "出飞机，前往当地评估受", "灾情况。"]
    text = ("汤加海啸威胁逐渐消退，邻国新西兰已派飞机前往评估灾情\n王海涛 张晓峰\n" + "\n\n".join(lead) + "\n"
            "据英国广播公司1月17日报道，新西兰国防军已经派出海上\n巡逻机前往汤加，对该地区的受灾情况进行评估。\n")
    src = seg(text)
    assert [a.title for a in src.articles] == ["汤加海啸威胁逐渐消退，邻国新西兰已派飞机前往评估灾情"]
    assert src.articles[0].paragraphs[0].startswith("近日，南太平洋岛国汤加海底火山喷发引发海啸。")


@pytest.mark.parametrize("head", ["安 信 证 券 ： 节 后 市 场 有 望 实 现 虎 年 开 门 红", "安信证券：节后市场有望实现虎年开门红"])
def test_a_display_head_set_apart_is_no_word_running_on_by_a_narrow_reading(head):
    """"安 信 证 券 ： 节 后 市 场 有 望 实 现 虎 年 开 门 红" alone between gaps over "安信证券研报
    指出…": two characters either side read "红安" as a word across the break; whole words
    either side ("开门红" | "安信") do not, so it is a head."""
    text = (BODY_B + "\n\n" + head + "\n\n"
            "安信证券研报指出，经过春节前调整\n后，市场负面情绪已获得较为充分的释放，\n"
            "从全A隐含风险溢价来看，当前已达到近\n年来的较高水平，节后市场有望迎来开门红。\n")
    src = seg(text)
    assert [a.title for a in src.articles][-1] == "安信证券：节后市场有望实现虎年开门红"


def test_a_wide_head_right_over_bare_names_over_text_is_a_head_and_its_author_line():
    """A head nearly as wide as the column, set apart above, right over "李 静 陈 红" and the
    text (no gap under it): head and author line, not three lines of text."""
    text = (BODY_B + "\n（央视）\n\n人民日报：构筑冬奥会疫情防控“数字防线”\n李 静 陈 红\n北京冬奥会大幕即将开启。\n"
            "中国在疫情防控期间如期如约举办\n冬奥会，30多位国际政要将出席北京冬\n奥会开幕式及相关活动，充分说明中国\n"
            "防疫措施得到国际社会的广泛认可。\n")
    src = seg(text)
    last = src.articles[-1]
    assert (last.title, last.byline) == ("人民日报：构筑冬奥会疫情防控“数字防线”", "李静 陈红")
    assert last.paragraphs[0] == "北京冬奥会大幕即将开启。"


def test_names_with_a_two_character_name_spaced_appended_to_the_last_line_are_the_byline():
    """"…交易结算。 李 静 张晓峰": a two-character name is set with a space to fill a
    three-character one's width; appended after the last sentence, they are the author line."""
    text = ("数字经济创新发展大会召开\n\n" + BODY_A.replace("相继落地投产。", "相继落地投产。 李 静 张晓峰") + "\n\n"
            + BODY_B + "\n")
    src = seg(text)
    assert src.articles[0].byline == "李静 张晓峰"
    assert not any("李静" in p for p in src.articles[0].paragraphs)


def test_a_head_and_author_line_after_a_story_under_a_slogan_about_it_not_the_text_below():
    """"为 有 金 融 活 水 来" over a story whose head and author line are printed after it,
    over the next story's text: the head shares a few words with the story above (a third)
    and none with the text below, so it and its author line are the story's."""
    story = BODY_B.replace("本报讯 ", "")
    text = ("为 有 金 融 活 水 来\n\n" + story + "\n\n公交出行迎来新变化市民出行更舒心\n本报记者 刘一鸣\n\n"
            + BODY_C + "\n")
    first, second = seg(text).articles
    assert (first.title, first.byline) == ("公交出行迎来新变化市民出行更舒心", "本报记者 刘一鸣")
    assert second.paragraphs[0].startswith("国家统计局今天发布数据")


def test_a_slogan_sharing_a_word_with_the_story_gives_way_to_its_head_printed_after_it_over_text():
    """"为 有 金 融 活 水 来" over a story on 金融 (a third of its words shared), the story's own head
    and author line printed after it (twice as much shared), then the next story's text."""
    story = ("近日，财政部公布普惠金融发展示范区名单，闵行区成为上海市唯一\n一个连续三年获此称号的区。闵行区构建了\n"
             "多层次、高效率、广覆盖的普惠金融服务体\n系，为中小微企业的发展注入了活水。")
    text = ("为 有 金 融 活 水 来\n\n" + story + "\n\n上海市唯一！闵行连续三年获评示范\n（据今日闵行官方微信）\n\n"
            + BODY_C + "\n")
    first, second = seg(text).articles
    assert (first.title, first.byline) == ("上海市唯一！闵行连续三年获评示范", "（据今日闵行官方微信）")
    assert second.paragraphs[0].startswith("国家统计局今天发布数据")


def test_a_head_and_author_line_after_a_story_cut_by_a_jump_marker_over_other_text_are_its_own():
    """A story cut by a jump marker after a few lines, its head and author line printed after
    it, then another story's text: the head shares some words with the cut story (0.44) and
    none with the text below, so it is the cut story's, not the next one's."""
    cut = ("全省数字经济创新发展大会在宁波召开，会上发布了十项\n重点成果，来自各地的三百余家企业参加了对接活动。"
           "据介绍，今年\n以来全省新增高新技术企业一千余家，研发投入强度持续")
    text = cut + " （下转A2版）\n\n全省高新企业持续增加\n王海涛 张晓峰\n\n" + BODY_C + "\n"
    first, second = seg(text).articles
    assert (first.title, first.byline) == ("全省高新企业持续增加", "王海涛 张晓峰")
    assert first.continued and second.paragraphs[0].startswith("国家统计局今天发布数据")


def test_a_head_right_over_a_dateline_opens_the_story():
    """No gap and no author line: the dateline (本报讯) under a line says that line is a head."""
    src = seg("数字经济创新发展大会召开\n" + BODY_A + "\n\n全市新开通公交线路十二条\n" + BODY_B + "\n")
    assert titles(src) == ["数字经济创新发展大会召开", "全市新开通公交线路十二条"]


def test_a_section_head_in_a_commentary_signed_under_its_head_and_closed_by_a_note():
    """The theory-page layout: the author's name under the head, the author's note after the
    text. The note is the same author's, so a section head before it opens no story."""
    page = ("数字经济创新发展大会召开\n陈红\n\n" + SECTION_A + "\n\n全省创新生态持续优化\n\n"
            + SECTION_A.replace("同日，", "此外，") + "\n（作者为浙江大学教授）\n")
    (article,) = seg(page).articles
    assert article.title == "数字经济创新发展大会召开"
    assert "全省创新生态持续优化" in article.paragraphs
    assert article.byline == "陈红 （作者为浙江大学教授）"


def test_a_name_after_the_note_joins_the_names_not_the_note():
    """"汪涛 吴光胜" / "（作者单位：…）" / "胡查平": the third author's name, printed after the
    note, goes with the names (the reader sees every author together, then the note)."""
    from digest.model import Article
    from digest.pieces import add_to_byline

    article = Article(id="x", byline="汪涛 吴光胜 （作者单位：武汉大学组织营销研究中心）")
    add_to_byline(article, "胡查平")
    assert article.byline == "汪涛 吴光胜 胡查平 （作者单位：武汉大学组织营销研究中心）"
    add_to_byline(article, "（作者单位：另一单位）")
    assert article.byline.endswith("（作者单位：另一单位）")


def test_a_full_stop_alone_before_a_vertical_head_stays_with_the_sentence_it_ends():
    """pdftotext -raw cuts a line before a quote and leaves "。" alone on the next line; a
    head printed vertically right after it is the head, not "。准确理解…"."""
    from digest.layout import split_lines

    text = "不能仅仅从城乡区域发展不平衡来解读\n“不平衡不充分的发展”\n。\n" + "\n".join("准确理解﹃不平衡不充分的发展﹄") + "\n"
    assert [line.text for line in split_lines(text) if line.text][-2:] == ["。", "准确理解﹃不平衡不充分的发展﹄"]


def test_a_vertical_name_with_a_gap_between_its_characters_is_whole():
    """"肖" / "" / "珺" under a head (pdftotext of 人民日报 2018-01-10 p.7) is the name 肖珺."""
    from digest.layout import split_lines

    texts = [line.text for line in split_lines("一带一路为跨文化传播提供新空间\n肖\n\n珺\n\n教育部人文社科重点研究基地等单位共同主办。\n")]
    assert "肖珺" in texts and "肖" not in texts


def test_a_latin_letter_over_a_vertical_head_is_kept_in_an_author_line():
    """"外" / "围" / "冲" / "击" / "A" / "股" / "回" / "调": the Latin letter that ends the first
    run is joined to the second (a letter over a vertical head) in the line's text, not its
    raw; an author line is built from its lines' raw (the spaces between names) and lost it
    ("股 回 调 机 构", a generated PDF page read by pdftotext, stop 36)."""
    from digest.blocks import Block
    from digest.layout import split_lines
    from digest.pieces import clean_byline

    line = next(l for l in split_lines("\n".join("外围冲击") + "\nA\n" + "\n".join("股回调机构") + "\n")
                if l.text.startswith("A"))
    assert "A" in clean_byline(Block("byline", [line], line.text))
    src = seg("上证指数创下新低\n\n" + "\n".join("外围冲击") + "\nA\n" + "\n".join("股回调机构") + "\n\n" + BODY_B)
    assert "A" in "".join(str(a) for a in src.articles) + "".join(src.noise)


@pytest.mark.parametrize("text, kind", [
    ("（下转A2版）", "jump"), ("本版制图：李姿阅", "credit"), ("数据来源：国家统计局", "caption"),
    ("深入学习贯彻习近平新时代中国特色社会主义思想", "slogan"), ("2018年1月3日 星期三", "masthead"),
    ("（作者为中央党史研究室原副主任）", "author"), ("来我国经济社会发展相关数据。", "other"),
])
def test_noise_says_what_it_is(text, kind):
    from digest.patterns import noise_kind

    assert noise_kind(text) == kind


def test_a_head_drawn_twice_over_itself_is_one_title():
    """pdfminer.six prints a head the PDF draws twice interleaved: "新使命新使命：：…"."""
    src = seg("新使命新使命：：中国共产党的历史担当\n\n李忠杰\n\n" + BODY_A.replace("本报讯 ", "") + "\n")
    assert src.articles[0].title == "新使命：中国共产党的历史担当"
    assert "新使命：" in src.noise  # the repeat is kept, as noise


def test_a_head_printed_in_overlapping_pieces_is_one_title():
    """PyMuPDF prints each piece of a head drawn in overlapping pieces."""
    from digest.heads import set_head
    from digest.model import Article, Line
    from digest.pieces import Draft

    pieces = ["新时代", "新时代：发展新方位", "发展新方位奋进新目标", "奋进新目标"]
    d = Draft(Article(id="", paragraphs=["新时代是承前启后、继往开来的时代。"]),
              heads=[Line(number=k + 1, raw=t, text=t) for k, t in enumerate(pieces)], headed=True)
    noise: list[str] = []
    set_head(d, noise)
    assert d.article.title == "新时代：发展新方位奋进新目标" and d.article.subtitle is None
    assert sorted("".join(noise) + d.article.title) == sorted("".join(pieces))  # nothing lost


def test_a_name_said_twice_in_a_headline_is_not_taken_for_a_head_drawn_twice():
    src = seg("习近平会见塞尔维亚总统武契奇武契奇说塞中是钢铁友谊\n\n" + BODY_A + "\n")
    assert src.articles[0].title == "习近平会见塞尔维亚总统武契奇武契奇说塞中是钢铁友谊"


@pytest.mark.parametrize("pieces, title", [
    (["一带一路为跨文化传播提供新空间", "——"], "一带一路为跨文化传播提供新空间"),  # a dash alone is no title
    (["。准确理解不平衡不充分的发展"], "准确理解不平衡不充分的发展"),  # the sentence end before, cut onto the head
    (["英国智库：英国央行的加息行动“", "落后于形势”"], "英国智库：英国央行的加息行动“落后于形势”"),  # a quote left open
    (["国家卫健委：昨日新增本土确诊病例18", "例"], "国家卫健委：昨日新增本土确诊病例18例"),  # one character is no repeat
])
def test_a_title_has_words_and_does_not_open_with_a_sentence_end(pieces, title):
    from digest.heads import set_head
    from digest.model import Article, Line
    from digest.pieces import Draft

    d = Draft(Article(id="", paragraphs=["正文第一句。"]),
              heads=[Line(number=k + 1, raw=t, text=t) for k, t in enumerate(pieces)], headed=True)
    noise: list[str] = []
    set_head(d, noise)
    assert d.article.title == title
    assert sorted("".join(noise) + d.article.title + (d.article.subtitle or "").replace(" / ", "")) == sorted("".join(pieces))


@pytest.mark.parametrize("head, title, subtitle", [
    # wrapped at the head's width: the upper line ends on a preposition, so the head goes on
    ("全省数字经济创新发展大会在\n宁波召开", "全省数字经济创新发展大会在宁波召开", None),
    # a deck (or, in pdftotext -raw and PyMuPDF, a kicker) right against its title ends on a
    # word: it stays the subtitle
    ("全省数字经济大会召开\n十项重点成果集中发布", "全省数字经济大会召开", "十项重点成果集中发布"),
])
def test_a_head_wrapped_at_its_width_is_one_title_and_a_deck_is_not(head, title, subtitle):
    art = seg(head + "\n本报记者 王小明\n\n" + BODY_A).articles[0]
    assert (art.title, art.subtitle) == (title, subtitle)


@pytest.mark.parametrize("head, title", [
    # wrapped at a word, but the words across the break are the text's own ("创新发展大会"):
    # one head over two lines
    ("全省数字经济创新\n发展大会召开", "全省数字经济创新发展大会召开"),
    # a number runs on over the break, and what is left is no head of its own
    ("全省今年新增高新技术企业10\n00家", "全省今年新增高新技术企业1000家"),
    ("全省今年新增高新技术企业1000\n家", "全省今年新增高新技术企业1000家"),
    # over three lines: words run across both breaks
    ("全省数字经济创新发展大会在宁波召开会上发布了十项重\n点成果涵盖人工智能集成电路生物\n医药等领域", "全省数字经济创新发展大会在宁波召开会上发布了十项重点成果涵盖人工智能集成电路生物医药等领域"),
])
def test_a_head_wrapped_at_a_word_is_one_title(head, title):
    art = seg(head + "\n本报记者 王小明\n\n" + BODY_A).articles[0]
    assert (art.title, art.subtitle) == (title, None)


def test_a_shorter_kicker_over_its_title_stays_a_kicker_though_the_text_joins_their_words():
    # "…大会在" / "宁波…" would be read as one head wrapped at its width, but a wrapped head
    # fills its first line: over a longer title, the shorter line is a kicker
    art = seg("数字经济创新发展大会\n在宁波发布十项重点成果集中亮相\n本报记者 王小明\n\n" + BODY_A).articles[0]
    assert art.subtitle is not None
    assert {art.title, art.subtitle} == {"数字经济创新发展大会", "在宁波发布十项重点成果集中亮相"}


@pytest.mark.parametrize("head", [
    "全省数字经济创新发展大会在宁波召开会上发布了十项重\n点成果",  # a word runs across the break
    "全省数字经济创新发展大会在宁波召开新增企业1000\n家",  # a number and its unit
])
def test_a_head_wrapped_right_over_its_text_is_one_title(head):
    # no gap and no byline under the head: the tagger alone may read the second line as the
    # text's first; a line a head line runs on into is the head's
    art = seg("\n" + head + "\n" + BODY_B).articles[0]
    assert art.title == head.replace("\n", "")
    assert art.paragraphs[0].startswith("本报讯")


def test_a_reporters_credit_in_brackets_glued_to_the_last_sentence_is_the_byline():
    text = "全省数字经济大会召开\n\n" + BODY_A + "（记者 王海涛）"  # "…落地投产。（记者 王海涛）"
    art = seg(text).articles[0]
    assert art.byline == "（记者 王海涛）"
    assert art.paragraphs[-1].endswith("落地投产。")


@pytest.mark.parametrize("gaps, title, subtitle", [
    # a page that sets kickers apart by a gap: two head lines printed together, the upper the
    # wider and neither marked, are one head wrapped at its width (no word runs on across the break)
    (True, "宁波迎来全省数字经济大会十项成果同日亮相", None),
    # a dump with no blank lines (PyMuPDF, pdftotext -raw) says nothing by printing them together:
    # two heads, the upper read as the kicker
    (False, "十项成果同日亮相", "宁波迎来全省数字经济大会"),
])
def test_two_head_lines_printed_together_the_upper_filling_its_line_are_one_head(gaps, title, subtitle):
    text = "宁波迎来全省数字经济大会\n十项成果同日亮相\n本报记者 王小明\n\n" + BODY_A + "\n\n公交线路再添十二条\n\n" + BODY_B + "\n"
    if not gaps:
        text = "\n".join(line for line in text.splitlines() if line.strip()) + "\n"
    art = seg(text).articles[0]
    assert (art.title, art.subtitle) == (title, subtitle)


def test_a_head_printed_twice_over_itself_is_one_title_and_no_subtitle():
    """pdfminer.six prints both copies of a head the PDF draws twice, one under the other."""
    src = seg("我国社会主要矛盾变化的重大意义\n我国社会主要矛盾变化的重大意义\n\n颜晓峰\n\n" + BODY_A + "\n")
    art = src.articles[0]
    assert (art.title, art.subtitle) == ("我国社会主要矛盾变化的重大意义", None)
    assert "我国社会主要矛盾变化的重大意义" in src.noise  # the copy is kept, as noise


@pytest.mark.parametrize("first_role, titled", [("subhead", True), ("body", False)])
def test_an_untitled_story_opening_with_a_section_head_has_it_for_its_head(first_role, titled):
    """A story does not open with a section head: the lines the tagger read as one, over the
    rest of an untitled draft's text, are its head (the second generator sets heads wrapped
    over short lines between blank lines, read as section heads)."""
    from digest.opening_heads import _opening_section_is_head
    from digest.blocks import Block
    from digest.model import Article, Line
    from digest.pieces import Draft

    head = [Line(number=1, raw="英国10月份家庭能源价", text="英国10月份家庭能源价", role=first_role),
            Line(number=2, raw="格上限将超过3000美元", text="格上限将超过3000美元", role=first_role)]
    body = [Line(number=4, raw="英国10月份的能源价格上限可能上升。", text="英国10月份的能源价格上限可能上升。")]
    d = Draft(Article(id="", paragraphs=["英国10月份家庭能源价格上限将超过3000美元", "英国10月份的能源价格上限可能上升。"]),
              texts=[(0, Block("para", head)), (1, Block("para", body))])
    _opening_section_is_head(d)
    assert (d.heads == head) == titled
    assert d.article.paragraphs == (["英国10月份的能源价格上限可能上升。"] if titled else
                                    ["英国10月份家庭能源价格上限将超过3000美元", "英国10月份的能源价格上限可能上升。"])


def test_a_head_that_asks_right_over_its_text_is_its_head():
    src = seg("2021年6月27日 星期一 A12 综合\n\n" + BODY_B + "\n\n"
              "Meta市值跌破6000亿美元，\n或滑出反垄断范围？\n\n"
              "Meta收跌2.1%，市值为5993.2亿美元，跌破6000亿美元。6000亿美元市值恰好是美国众议院为平台制定的门槛，\n"
              "市值跌破这一门槛后，Meta或将滑出反垄断法案的范围。\n")
    assert "Meta市值跌破6000亿美元，或滑出反垄断范围？" in titles(src)


def test_an_untitled_story_whose_narrow_second_line_goes_on_into_its_text_has_both_for_its_head():
    # head right over its text, no gap, both pieces read as text: the second piece, narrower
    # than the column and wrapped on into more lines, is no text's first line (text opens
    # full width, short by an indent at most)
    page = """2022年3月22日 星期二 A14 要闻

要有力落实贸易投资自由化便利化举措，支持新
型离岸国际贸易发展，支持贸易新业态新模式发
展，推进贸易外汇收支便利化试点提质增效，全
面深化服务贸易创新发展试点，进一步推进个人
经常项目外汇业务便利化，强化非现场监测管理。

图为深圳前海一景。闫欣 摄

国家统计局王萍萍：12月外来农业
户籍人口失业率为4.6%
国家统计局人口和就业统计司司长
王萍萍指出，农民工就业形势不断
改善。春节后，外来农业户籍人口
失业率连续回落，至12月份，外来
农业户籍人口失业率为4.6%，低于
全国水平0.5个百分点。
高校毕业生就业形势总体稳定。
6、7月份，由于高校毕业生集中求
职，16—24岁青年失业率明显上升。
"""
    assert titles(seg(page))[-1] == "国家统计局王萍萍：12月外来农业户籍人口失业率为4.6%"


def test_a_source_credit_on_a_line_of_its_own_closes_the_story_above():
    # "（证券时报网）" under a finished text is that text's source, not the opening (or the
    # head) of the story after it, about something else (the second generator's page)
    page = """2022年4月7日 星期二 A6 国内

一，预计今年12月完工。

水利部规划计划司有关负责人表示，2014
年开始实施的172项重大水利工程，目前
已累计开工149项，完工49项，竣工验收1
9项。

同时，国务院确定的2020年及后续150项
重大水利工程建设也在加快实施。

截至2021年底，150项重大水利工程已批
复立项67项，开工62项。目前，我国在建
重大水利工程投资规模超过1万亿元。

（证券时报网）

本版图片均为资料图

全国首个：广州南沙发
布对标RCEP、CPTPP双
协定“17条”

近日，广州南沙发布《南沙自贸
片区对标RCEPCPTPP进一步深化
改革扩大开放试点措施》。这是
全国首个对标RCEP、CPTPP双协
定的自贸区集成性创新举措。《
试点措施》聚焦国家高度关切的
贸易自由便利、投资自由便利、
要素流动便利、金融服务、竞争
政策和绿色发展6大领域，精准
对标RCEPCPTPP条款，提出17条
先行先试措施。

在贸易自由便利领域，RCEP、CP
TPP协定除约定成员国之间的关
税减让政策外，对各国货物贸易
口岸效能也提出了更高要求，并
制定了新的原产地规则。（央视）

"""
    src = seg(page)
    assert src.articles[0].paragraphs[-1] == "（证券时报网）"
    assert "（证券时报网）" not in titles(src)
    # and the head under it goes on over a piece that closes a quote, not a sentence
    assert titles(src)[1] == "全国首个：广州南沙发布对标RCEP、CPTPP双协定“17条”"


def test_a_line_over_the_head_sharing_not_a_word_with_the_story_is_not_its_title():
    """A line stacked over a head that shares not one character pair with the story (another
    item's head, a banner), while the head shares a few: the head is the title, however
    little of it the text repeats."""
    src = seg("1月19日新增确诊66例广东新增\n"
              "机构分析：金融市场动荡有所加剧不太可能推迟美联储加息的步伐\n\n"
              "美联储应对超低利率这一全新时代战略的核心部分，就\n"
              "是宣布在通胀率达到或超过2%、就业达到充分水平之前，将\n"
              "政策利率维持在近似于零的水平。目前通胀率高于美联储\n"
              "想要的水平，而从大多数角度来衡量，就业已经接近充分。\n")
    assert src.articles[0].title == "机构分析：金融市场动荡有所加剧不太可能推迟美联储加息的步伐"


def test_an_author_line_printed_in_pieces_is_one_author_line_not_a_head():
    # pdftotext prints a spaced author line a piece at a time, blank lines between; "本报记者"
    # alone is no head and opens no story, and the names are whole
    page = "全省数字经济创新发展大会召开\n本报记者\n\n赵\n\n敏\n\n通讯员\n\n孙立平\n\n" + BODY_A.replace("本报讯 ", "") + \
        "\n\n市区新开通公交线路十二条\n（记者\n\n李\n\n静）\n\n" + BODY_B.replace("本报讯 ", "")
    source = seg(page)
    assert [a.title for a in source.articles] == ["全省数字经济创新发展大会召开", "市区新开通公交线路十二条"]
    assert source.articles[0].byline.replace(" ", "") == "本报记者赵敏通讯员孙立平"
    assert source.articles[1].byline.replace(" ", "") == "（记者李静）"


def test_a_role_word_whose_name_went_elsewhere_is_no_head_of_the_next_story():
    # pdftotext prints a vertical author line's role word apart from its names ("本报记者" here,
    # "周" / "洁" far down the page): alone, it names nobody and heads nothing; read as a head,
    # it took the title of the story under it, whose head sits right over its text
    page = ("全省数字经济创新发展大会召开\n\n" + BODY_A + "\n\n本报记者\n\n市区新开通公交线路十二条\n"
            + BODY_B.replace("本报讯 ", "") + "\n")
    source = seg(page)
    assert titles(source) == ["全省数字经济创新发展大会召开", "市区新开通公交线路十二条"]
    assert source.articles[0].byline == "本报记者"


def test_an_author_line_in_pieces_keeps_a_surname_whose_other_half_went_elsewhere():
    page = "全省数字经济创新发展大会召开\n本报记者\n\n陈\n\n红\n\n通讯员\n\n赵\n\n" + BODY_A.replace("本报讯 ", "")
    source = seg(page)
    assert titles(source) == ["全省数字经济创新发展大会召开"]
    assert source.articles[0].byline.replace(" ", "") == "本报记者陈红通讯员赵"


def test_a_quoted_phrase_the_extractor_spaced_after_is_no_name_appended_to_the_text():
    # pdftotext sets a space after a closing quote: "“ 一国两制” 方针" is a quoted phrase and
    # the word after it, not the text and its author's name; after a stop it is a name
    from digest.layout import split_lines

    def pieces(text: str) -> list[str]:
        return [line.text for line in split_lines(text) if line.text]

    assert pieces("全面准确贯彻“ 一\n国两制” 方针\n") == ["全面准确贯彻“一", "国两制”方针"]
    assert pieces("活动由会客厅主办。 李凯旋\n") == ["活动由会客厅主办。", "李凯旋"]
    assert pieces("他说：“要办好。” 李凯旋\n") == ["他说：“要办好。”", "李凯旋"]


LONG_HEAD_OVER_ITS_DECK = (
    "2023年4月6日 星期五 A7 国内\n"
    "\n"
    "上海市长龚正：上海将加大力度布局\n"
    "车规级芯片生产解决“缺芯”问题\n"
    "——上海市十五届人大六次会议闭幕后\n"
    "\n"
    "　　上海市十五届人大六次会议闭幕后，市\n"
    "政府在世博中心举行记者招待会。上海市市\n"
    "长龚正与记者见面，并回答媒体提问。\n"
    "\n"
    "　　在回答关于新能源汽车发展的问题时，\n"
    "龚正说，近年来，上海已从供需两端推出一\n"
    "批支持政策，近期还将出台实施意见，比如\n"
    "推动充换电等基础设施建设。很多新能源汽\n"
)


def test_a_long_head_over_its_deck_is_read_whole_the_deck_apart():
    # the title runs to 31 characters and its deck to 17: together longer than any head, but a
    # deck is a line of its own, so the title's length is what counts
    src = seg(LONG_HEAD_OVER_ITS_DECK)
    assert titles(src) == ["上海市长龚正：上海将加大力度布局车规级芯片生产解决“缺芯”问题"]
    assert src.articles[0].subtitle == "——上海市十五届人大六次会议闭幕后"
    assert src.articles[0].paragraphs[0].startswith("上海市十五届人大六次会议闭幕后，市政府")


HEAD_CUT_INSIDE_A_NUMBER = (
    "2022年6月22日 星期日 A2 观察\n"
    "\n"
    "浙能电力：2021年完\n"
    "成发电量同比增长29\n"
    ".24%\n"
    "\n"
    "\n"
    "新华社北京8月18日电 浙能电力公告，\n"
    "2021年第四季度公司全资及控股发电企\n"
    "业按合并报表口径完成发电量3781033.\n"
    "47万千瓦时，上网电量3576199.77万千\n"
    "瓦时，同比分别增长16.06%和16.14%。\n"
)


def test_a_number_under_a_head_stays_noise():
    # a number printed alone under a head (a page number) is no part of it
    src = seg(HEAD_CUT_INSIDE_A_NUMBER.replace("成发电量同比增长29\n.24%", "成发电量同比增长\n24"))
    assert titles(src) == ["浙能电力：2021年完成发电量同比增长"]


HEAD_WHOSE_LAST_PIECE_IS_A_WORD = (
    "2020年3月10日 星期六 A10 综合\n"
    "\n"
    "美国参谋长联席会议主席新冠病毒检测呈\n"
    "阳性\n"
    "\n"
    "\n"
    "　　根据声明，美国参谋长联席会\n"
    "议主席、陆军上将马克·米利周日\n"
    "新冠病毒检测呈阳性。根据声明，\n"
    "美国参谋长联席会议发言人DaveBu\n"
    "tler上校表示。\n"
    "　　米利症状轻微，目前正在远程\n"
    "办公；他接种了新冠疫苗和加强针。\n"
    "米利上一次接触美国总统乔·拜登\n"
)


@pytest.mark.parametrize("under, title, byline", [
    ("阳性", "美国参谋长联席会议主席新冠病毒检测呈阳性", None),  # a word no one is named: the head's
    ("李忠杰", "美国参谋长联席会议主席新冠病毒检测呈", "李忠杰"),  # a name: the author line
    ("本报记者", "美国参谋长联席会议主席新冠病毒检测呈", "本报记者"),  # a role word: the author line
])
def test_a_word_of_the_dictionary_under_a_head_is_its_last_piece_not_an_author(under, title, byline):
    src = seg(HEAD_WHOSE_LAST_PIECE_IS_A_WORD.replace("呈\n阳性\n", "呈\n" + under + "\n"))
    assert titles(src) == [title]
    assert src.articles[0].byline == byline


HEAD_OVER_A_BYLINE_OF_ANOTHER_SHAPE = (
    "国际\n"
    "\n"
    "中国经济支撑资本市场行稳致远\n"
    "{byline}\n"
    "\n"
    "　　本报讯 经济日报文章指出，\n"
    "稳中向好的中国经济是资本市场\n"
    "稳健发展最坚实的底气和保障。\n"
    "2021年，我国经济总量突破110\n"
    "万亿元，稳居世界第二位。综合\n"
    "国力、社会生产力、人民生活水\n"
    "平进一步提升。\n"
)


@pytest.mark.parametrize("byline", ["□ 柏振华", "■ 本报记者 袁建国", "■本报记者 袁建国", "殷志强 文", "施红梅 文/图"])
def test_an_author_line_marked_by_a_bullet_or_signed_as_the_writer_is_the_byline_not_the_heads(byline):
    """Bylines as many papers set them ("□ 柏振华", "■本报记者 袁建国", "殷志强 文") were read as the
    head's last line (a third generator's pages, stop 48)."""
    src = seg(HEAD_OVER_A_BYLINE_OF_ANOTHER_SHAPE.format(byline=byline))
    assert titles(src) == ["中国经济支撑资本市场行稳致远"]
    assert src.articles[0].byline == byline


def test_a_list_items_bullet_is_no_byline():
    from digest.patterns import BYLINE

    assert not BYLINE.match("■长三角区域高速路网协同排查") and not BYLINE.match("■新闻链接")


def test_a_dash_deck_the_text_repeats_is_never_the_title():
    """A deck (——…) that is a clause of the text shares more with it than a headline written
    apart from it; the headline is the title all the same."""
    src = seg("国际\n\n花旗银行：日本央行将独守鸽派阵营日元或维持跌势\n\n——以使他所带领的政府获得长期支撑\n\n"
              "　　本报讯 日本首相表示将延续宽松，以使他所带领的政府获得长期支撑。分析人士认为，\n"
              "日本央行的政策短期内难以改变，日元汇率或承压。\n")
    assert titles(src) == ["花旗银行：日本央行将独守鸽派阵营日元或维持跌势"]
    assert src.articles[0].subtitle == "——以使他所带领的政府获得长期支撑"


HEAD_WHOSE_LAST_PIECE_READS_AS_A_NAME = (
    "要闻\n"
    "\n"
    "证券交易保持严监管已成常态开年两周监管部门剑指287起异常交\n"
    "{piece}\n"
    "\n"
    "　　进入2022年，沪深交易所对证券交易保持严监管。\n"
    "两周内，287起证券异常交易被采取自律监管措施，严\n"
    "重异常交易行为者被暂停账户交易，持续释放强监管信\n"
    "号。数据统计，1月4日至1月14日，深交所共对178起证\n"
    "券异常交易行为采取了自律监管措施，涉及盘中拉抬打\n"
    "压、虚假申报等异常交易情形。\n"
)


@pytest.mark.parametrize("piece, title, byline", [
    ("易行为", "证券交易保持严监管已成常态开年两周监管部门剑指287起异常交易行为", None),  # "异常交易行为": the text's words
    ("易建国", "证券交易保持严监管已成常态开年两周监管部门剑指287起异常交", "易建国"),  # a name: the text never prints "交易建"
    ("文/易敏", "证券交易保持严监管已成常态开年两周监管部门剑指287起异常交", "文/易敏"),  # an author line with its role
])
def test_a_heads_last_piece_a_phrase_of_its_story_runs_into_is_the_heads_not_an_author(piece, title, byline):
    """A wrapped head's last piece whose first character is a surname ("易行为") was read as the
    author line: the story's own phrase runs across the break ("异常交易行为"), as no name does."""
    src = seg(HEAD_WHOSE_LAST_PIECE_READS_AS_A_NAME.format(piece=piece))
    assert titles(src) == [title]
    assert src.articles[0].byline == byline


def test_a_heads_last_piece_its_line_above_holds_whole_is_no_repeat_when_a_word_runs_into_it():
    """"…协议大宗交" / "易方式": the upper line holds "易方式" whole ("交易方式调整…"), yet a word runs
    on into it, so it is the head's last piece, not a head printed twice."""
    src = seg("要闻\n\n阳光城：公开发行公司债券停牌，\n交易方式调整为仅采取协议大宗交\n易方式\n\n\n"
              "　　阳光城公告，公司债券于2022年2月8日开市起停牌1个交易日，\n"
              "复牌之日起上述债券交易方式调整为仅采取协议大宗交易方式。\n")
    assert titles(src) == ["阳光城：公开发行公司债券停牌，交易方式调整为仅采取协议大宗交易方式"]


def test_a_heads_last_piece_read_as_a_spaced_name_goes_back_on_the_head():
    """"…夺取今年夏粮小" / "麦 丰 收": read as a name (麦 a surname) and spaced as one, the author line
    was "麦 丰 收"; the text prints "小麦丰收", so it is the head's."""
    src = seg("2024年3月5日　星期二\n\n"
              "去 年 秋 汛 会 影 响 今 年 粮 食 产 量 吗 ？ 农 业 农 村 部 ： 千 方 百 计 夺 取 今 年 夏 粮 小\n"
              "麦 丰 收\n\n\n"
              "去年我国冬麦区发生了非常严重的秋汛，\n小麦播期普遍推迟。农业农村部种植业管\n"
              "理司司长潘文博表示，当前的主要问题是\n晚播麦比例比较大，冬前的苗情长势确实\n\n弱。潘文博表示，已经制定了保夏粮小麦\n"
              "丰收工作方案和技术预案，千方百计夺取\n今年夏粮小麦丰收，为全年粮食稳定发展\n赢得主动。\n")
    assert titles(src) == ["去年秋汛会影响今年粮食产量吗？农业农村部：千方百计夺取今年夏粮小麦丰收"]
    assert src.articles[0].byline is None


# The top of a generated news page drawn as a PDF, as pdftotext prints it: the head right over
# its text with no gap and as wide as the column, the text's first line unindented.
FIRST_STORY_UNINDENTED = """2026年1月11日

星期六

传特斯拉计划开发APP商店打造软硬件“ 生态链”
据“ 知晓内情” 的特斯拉投资者透露，特斯拉
( TSLA. O) 可能正在开发类似苹果的应用程
序商店，其可以让车主自行下载和安装应用程序，

由此打造特斯拉自主品牌的软硬件生态链。此外，
有消息称，自2021年5月左右以来特斯拉一直
在开发自己的“ 应用商店” ，并将在 Cyber

t ruck 交付之前正式推出。业内专家表示，
如果特斯拉推出应用商店，它可能会为这个开创性
的电动品牌增添另一个有趣的方面，该品牌在其电
"""


def test_a_page_first_story_set_unindented_under_its_head_keeps_its_head():
    """Its first line reaches the column's edge, which on a page that indents its paragraphs says
    the page may open mid-article: that mark must not keep its head, read as text, from being
    looked for among its opening lines (and found, the story opens under it)."""
    article = seg(FIRST_STORY_UNINDENTED).articles[0]
    assert article.title == "传特斯拉计划开发APP商店打造软硬件“生态链”"
    assert article.complete_start


TESLA_TEXT = """美国阿拉梅达县公共卫生当局宣布，位于加利
福尼亚州弗里蒙特的特斯拉工厂本周可以扩大
复工，下周一开始制造汽车，条件是要将先前
商定的工人的安全预防措施部署到位。
业内分析人士表示，特斯拉美国工厂的复工对
于保障中国市场新车供应和上海工厂的生产均
有重要意义，零部件短缺局面有望缓解。
"""


def test_a_line_wider_than_the_head_wrapped_under_it_is_a_kicker_not_the_head_s_first_line():
    # the head wraps at ten characters (a word runs on: "复" / "工"); a line of fifteen cannot
    # be one of its lines: it is set smaller, a kicker over the title
    text = ("美国阿拉梅达县公共卫生当局宣布\n特斯拉美国工厂获准复\n工上海工厂零部件短缺\n局面有望缓解\n\n"
            + TESLA_TEXT)
    art = seg(text).articles[0]
    assert art.title == "特斯拉美国工厂获准复工上海工厂零部件短缺局面有望缓解"
    assert art.subtitle == "美国阿拉梅达县公共卫生当局宣布"



def test_a_head_wrapped_narrower_than_its_deck_is_the_title_on_a_page_printed_without_gaps():
    # pdftotext -raw prints a PDF-drawn commentary page's heads after their text and no blank
    # lines: "…不能有半点" / "含糊" holds thirteen characters a line, the deck under it sixteen on one
    text = """党的十九大报告强调，党的政治建设是党的根本性
建设，决定党的建设方向和效果。政治能力是党员、干
部的首要能力，是加强党的政治建设的题中应有之义。
一些党员、干部之所以成为政治上的糊涂人，与其政
治能力不强有很大关系。观察事物、处理问题、推进
工作，始终坚持和加强党的全面领导。
（作者为山东大学教授）
加强党的政治建设不能有半点
含糊
坚持和加强党的全面领导的必然要求
方 雷
把中国建成现代化强国，是中国人民为之奋斗了几
代人的夙愿。党的十九大报告提出在本世纪中叶全面
建成社会主义现代化强国的目标，令人振奋。在世界
现代化进程中，各国走出了不同的道路。
（作者为中国人民大学教授）
走中国特色的现代化道路
王 明
"""
    first, second = seg(text).articles
    assert (first.title, first.subtitle) == ("加强党的政治建设不能有半点含糊", "坚持和加强党的全面领导的必然要求")
    assert second.title == "走中国特色的现代化道路"


def test_a_label_kicker_ending_in_a_colon_over_a_title_with_its_own_colon_stays_a_kicker():
    # "今日关注：" cut at its colon would run on into the head under it, but a title names one
    # source before a colon, never two: no gold title of ours holds two
    text = ("今日关注：\n工信部：黄金行业总体运行平稳\n\n" + "工信部发布数据显示，2021年我国黄金行业总体运行平\n"
            "稳，黄金产量同比下降，黄金消费大幅增长，行业效益\n明显回升。\n")
    art = seg(text).articles[0]
    assert art.title == "工信部：黄金行业总体运行平稳"
    assert art.subtitle == "今日关注："


def test_one_character_lines_over_a_head_tell_no_width_the_head_is_set_at():
    # the last characters of a vertical head ("英" / "寸", its digits printed apart) stacked
    # right over a one-line head: lines of one character are no head wrapped narrow, set larger
    from digest.heads import set_head
    from digest.model import Article, Line
    from digest.pieces import Draft

    heads = [Line(number=n, raw=t, text=t, role="headline") for n, t in ((1, "英"), (2, "寸"), (3, "美方呼吁中国"))]
    d = Draft(Article(id="", paragraphs=["外交部发言人28日说，美方呼吁中国在气候问题上承担更多责任。新机有4.7英寸显示屏。"]),
              heads=heads, headed=True)
    set_head(d, [], gaps=False)
    assert d.article.title == "美方呼吁中国"


def test_two_stories_whose_heads_went_to_each_other_s_text_get_them_back():
    from digest.heads import swap_crossed_titles
    from digest.model import Article, Line
    from digest.pieces import Draft

    wildlife = Article(id="a", title="董事长无视防疫政策烧香？通策医疗：不要在八卦新闻多花精力", subtitle=None,
                       paragraphs=["当地时间9日，研究人员在纽约野生白尾鹿样本中发现7只鹿感染了奥密克戎毒株，"
                                   "这是首次在野生动物身上发现奥密克戎毒株。"])
    clinic = Article(id="b", title="美国首次发现野生动物感染奥密克戎毒株", subtitle="今日关注",
                     paragraphs=["网传通策医疗董事长无视防疫政策带头烧香，通策医疗回应称，希望大家不要在八卦新闻上"
                                 "多花精力。"])
    drafts = [Draft(wildlife, heads=[Line(number=1, raw="h1", text="h1")]),
              Draft(clinic, heads=[Line(number=5, raw="h2", text="h2")])]
    swap_crossed_titles(drafts)
    assert wildlife.title == "美国首次发现野生动物感染奥密克戎毒株" and wildlife.subtitle == "今日关注"
    assert clinic.title.startswith("董事长无视防疫政策烧香") and clinic.subtitle is None
    assert [d.heads[0].text for d in drafts] == ["h2", "h1"]  # the head lines go with their titles
    swap_crossed_titles(drafts)  # each title now its own text's: nothing moves
    assert wildlife.title == "美国首次发现野生动物感染奥密克戎毒株"


def _draft(title: str, text: str, head: str):
    from digest.model import Article, Line
    from digest.pieces import Draft

    return Draft(Article(id="", title=title, subtitle=None, paragraphs=[text]),
                 heads=[Line(number=1, raw=head, text=head, role="headline")])


def test_a_row_of_heads_read_in_another_order_goes_to_the_texts_that_repeat_them():
    # three stories set side by side: pdftotext printed their heads in a row, then the texts in
    # another order; the first text repeats the second head whole, not the one it got
    from digest.heads import swap_crossed_titles

    drafts = [_draft("以供给侧结构性改革为主线建设现代化经济体系",
                     "新时代、新机遇、新目标、新征程，展现在我们面前的是一条通往民族复兴的光辉之路。走好新时代的长征路，"
                     "要有新的担当。", "h1"),
              _draft("走好新时代的长征路", "创新创业教育是我国建设创新型国家一系列战略举措的重要组成部分。", "h2"),
              _draft("全面推进创新创业教育",
                     "以供给侧结构性改革为主线，建设现代化经济体系，是党的十九大作出的重大决策部署。", "h3")]
    swap_crossed_titles(drafts)
    assert [d.article.title for d in drafts] == ["走好新时代的长征路", "全面推进创新创业教育",
                                                 "以供给侧结构性改革为主线建设现代化经济体系"]
    assert [d.heads[0].text for d in drafts] == ["h2", "h3", "h1"]


def test_a_head_its_own_text_repeats_half_of_stays_whatever_a_stray_fragment_would_gain():
    # "高校", a stray two characters read as the head of a story's second part, shares its one
    # pair with the first part, and both parts repeat the first's head: it does not go
    from digest.heads import swap_crossed_titles

    drafts = [_draft("全面推进创新创业教育", "创新创业教育是高校建设创新型国家的重要组成部分，要全面推进。", "h1"),
              _draft("高校", "以“广覆盖、全过程”的指导思想全面推进创新创业教育，健全保障机制。", "h2")]
    swap_crossed_titles(drafts)
    assert [d.article.title for d in drafts] == ["全面推进创新创业教育", "高校"]


def test_a_head_its_neighbour_repeats_whole_goes_to_it_though_its_own_text_shares_some():
    # two stories side by side, heads printed together over the first's text (pdftotext reads
    # the row of heads first): the second head shares a little with the text it sits over
    # (0.29 of its character pairs, over the fifth that marked a stray head), and the untitled
    # text beside it repeats it whole
    from digest.heads import rehome_heads
    from digest.model import Article, Line
    from digest.pieces import Draft

    own = ("2017年1月17日，在达沃斯世界经济论坛年会上，习近平主席发表题为《共担时代责任共促全球发展》的演讲。"
           "国际舆论普遍认为，这两篇演讲顺应世界发展大势，反映世界人民心声。今日世界，处于大发展大变革大调整时期。"
           "中国思想理论进入世界，教育交流日益密切。")
    beside = "百年大计，教育为本。党的十九大报告围绕“优先发展教育事业”作出新的全面部署。"
    heads = [Line(number=5, raw="中国思想理论进入世界的鲜亮标志", text="中国思想理论进入世界的鲜亮标志", role="headline"),
             Line(number=7, raw="优先发展教育事业", text="优先发展教育事业", role="headline")]
    headed = Draft(Article(id="", title=None, subtitle=None, paragraphs=[own]), heads=list(heads), headed=True)
    untitled = Draft(Article(id="", title=None, subtitle=None, paragraphs=[beside]))
    rehome_heads([headed, untitled])
    assert [line.text for line in headed.heads] == ["中国思想理论进入世界的鲜亮标志"]
    assert [line.text for line in untitled.heads] == ["优先发展教育事业"]


# pdfminer.six boxes each line of a head set large, so a blank line stands between them
HEAD_BOXED_LINE_BY_LINE = """生态环境部：进一步加强重金

属污染防控

本报记者 孙立平 通讯员 周 洁

生 态 环 境 部 部 长 黄 润 秋 主 持 召 开 部

常 务 会 议 ，审 议 并 原 则 通 过《“ 十 四 五 ”
环境影响评价与排污许可工作实施方案》、
《 关 于 进 一 步 加 强 重 金 属 污 染 防 控 的 意
见 》。会 议 指 出 ，《 实 施 方 案 》是“ 十
四 五 ” 时 期 推 进 环 评 与 排 污 许 可 工 作 的

施 工 图 ，要 抓 好 宣 传 解 读 ，做 好 任 务 分
解 ，加 强 协 调 配 合 ，稳 步 推 进 各 项 任 务
落 到 实 处 。
"""


def test_a_head_whose_word_runs_across_a_blank_line_is_one_title():
    # "重金" / "属": no head line ends inside a word, so the blank line is the extractor's, not a
    # gap setting a kicker apart
    (article,) = segment(Page(source="p.txt", text=HEAD_BOXED_LINE_BY_LINE)).articles
    assert article.title == "生态环境部：进一步加强重金属污染防控" and article.subtitle is None
    assert article.byline == "本报记者 孙立平 通讯员 周洁"


def test_a_title_stacked_over_another_story_goes_to_the_text_headed_by_its_deck_alone():
    # two reviews side by side, drawn as a PDF and read by pdftotext: one's title printed over
    # the other's head, its deck ("——《…》简评") left over its own text. A deck alone is no
    # title: the title whose wording that text repeats goes to it, over its deck
    from digest.heads import rehome_heads
    from digest.model import Article, Line
    from digest.pieces import Draft

    own = ("党的十八届三中全会指出：“公有制经济和非公有制经济都是社会主义市场经济的重要组成部分，"
           "都是我国经济社会发展的重要基础。”国有企业和民营企业良性竞争、相互协作、共同发展。")
    review = ("李方祥、陈晖涛主编的《摆脱贫困与全面小康》一书，已由人民日报出版社、福建人民出版社联合出版。"
              "该书为深入学习领会党中央关于摆脱贫困的重要思想、坚决打赢脱贫攻坚战提供了有益参考。")
    heads = [Line(number=5, raw="打赢脱贫攻坚战的有益参考", text="打赢脱贫攻坚战的有益参考", role="headline"),
             Line(number=7, raw="促进国有企业和民营企业共同发展", text="促进国有企业和民营企业共同发展", role="headline")]
    deck = Line(number=40, raw="——《摆脱贫困与全面小康》简评", text="——《摆脱贫困与全面小康》简评", role="headline")
    headed = Draft(Article(id="", title=None, subtitle=None, paragraphs=[own]), heads=list(heads), headed=True)
    decked = Draft(Article(id="", title=None, subtitle=None, paragraphs=[review]), heads=[deck], headed=True)
    rehome_heads([headed, decked])
    assert [line.text for line in headed.heads] == ["促进国有企业和民营企业共同发展"]
    assert [line.text for line in decked.heads] == ["打赢脱贫攻坚战的有益参考", "——《摆脱贫困与全面小康》简评"]


def test_a_deck_wrapped_onto_a_second_line_is_still_a_deck_alone():
    from digest.model import Line
    from digest.line_context import deck_alone

    def line(number: int, text: str) -> Line:
        return Line(number=number, raw=text, text=text, role="headline")

    assert deck_alone([line(9, "——“第九届跨文化传"), line(10, "播国际学术会议”述要")])
    assert not deck_alone([line(9, "——“第九届跨文化传播国际学术会议”述要"), line(11, "一带一路为跨文化传播提供新空间")])
    assert not deck_alone([line(9, "一带一路为跨文化传播提供新空间")]) and not deck_alone([])


def test_an_article_of_less_than_a_sentence_goes_back_into_the_text_printed_before_it():
    # pdfminer.six boxes a column's last line alone: read as a head over the few characters
    # that end its sentence, it made an article of five ("测量能力。")
    from digest.model import Article, Line
    from digest.pieces import Draft, join_sentence_fragments

    head = "积极参与国际计量比对，提升国际承认的校准与"
    before = Draft(Article(id="", title="计量体系建设提速", paragraphs=["国家市场监管总局日前印发通知，要求各地加快计量体系建设。"]))
    piece = Draft(Article(id="", title=head, paragraphs=["测量能力。"]), heads=[Line(number=9, raw=head, text=head)],
                  headed=True)
    signed = Draft(Article(id="", title="短评", byline="王明", paragraphs=["好。"]))
    jumps = Draft(Article(id="", title="春节楼市", paragraphs=["在深圳，春节假期期间"], continued="A2"))
    drafts = [before, piece, signed, jumps]
    join_sentence_fragments(drafts)
    assert drafts == [before, signed, jumps]  # an author line or a jump marker says it is a story
    assert before.article.paragraphs[-1] == head + "测量能力。"


@pytest.mark.parametrize("pieces, text, title, subtitle", [
    # a kicker a character wider than the full lines of the title wrapped under it
    (["港股上午盘主要指数集体下跌", "港股午评：恒生科技指数跌", "1.76%教育、基建板块逆势", "走强"],
     "港股上午盘主要指数集体下跌，科技股下挫引领大市走低。恒生科技指数跌1.76%，教育、基建板块逆势走强。",
     "港股午评：恒生科技指数跌1.76%教育、基建板块逆势走强", "港股上午盘主要指数集体下跌"),
    # ... or a character narrower, with nothing print squeezes in it
    (["国新办举行政策例行吹风会", "民政部：基本公共服务资源向", "社区下沉，优先发展社区养老", "托育"],
     "国新办举行政策例行吹风会，介绍规划相关情况。民政部副部长介绍，推动基本公共服务资源向社区下沉，优先发展社区养老托育。",
     "民政部：基本公共服务资源向社区下沉，优先发展社区养老托育", "国新办举行政策例行吹风会"),
    # a head wrapped at its width whose first line is a character wider only by its quotes,
    # which print may set at half a cell: one head
    (["桥水料市场面临“重大风险”", "因投资者低估美联储收紧政", "策力度"],
     "桥水基金表示，市场面临重大风险，因为投资者低估了美联储收紧政策的力度。",
     "桥水料市场面临“重大风险”因投资者低估美联储收紧政策力度", None),
    # ... or whose next line is a character wider only by the colon hanging at its end
    (["网传正邦科技借员工", "名义办理养殖贷公司：", "内部核查中"],
     "有网友爆料正邦科技借员工名义办理养殖贷，公司回应称内部正在核查中。",
     "网传正邦科技借员工名义办理养殖贷公司：内部核查中", None),
], ids=["kicker-wider", "kicker-narrower", "quotes-squeezed", "colon-hangs"])
def test_a_kicker_is_not_joined_to_a_title_wrapped_at_another_width(pieces, text, title, subtitle):
    from digest.heads import set_head
    from digest.model import Article, Line
    from digest.pieces import Draft

    d = Draft(Article(id="", paragraphs=[text]),
              heads=[Line(number=k + 1, raw=t, text=t) for k, t in enumerate(pieces)], headed=True)
    set_head(d, [])
    assert (d.article.title, d.article.subtitle) == (title, subtitle)


@pytest.mark.parametrize("text, title, opening", [
    # a page's section label ("要闻") set over a story whose head stands right on its text with
    # no gap, read as the text's first lines: the label shares nothing with the text, the head does
    ("要闻\n\n汉缆股份：中标6.7亿\n元南方电网招标项目\n汉缆股份公告，在《南方电网公司2021\n"
     "年主网线路材料第二批框架招标项目》\n中，公司中标35kV~500kV铝包钢芯铝绞\n线1个包，220KV交流电力电缆2个包，1\n"
     "10kV交流电力电缆2个包，220kV交流电\n力电缆附件1个包；在《南方电网公司\n2021年配网材料第二批框架招标项目》\n"
     "中，公司中标20kV及以下钢芯铝绞线1\n个包。经初步估算，两个项目中标总合\n计金额约为6.7亿元，约占公司2020年\n"
     "经审计的营业收入的9.64%。\n", "汉缆股份：中标6.7亿元南方电网招标项目", "汉缆股份公告"),
    # a head set wider than its narrow column, its second line as wide as the column: the dump
    # prints the text's first-line indent ("\u3000\u3000"), so that line opens no paragraph
    ("深度报道\n恩捷股份股权激励计划：2022年\n营收增长率不低于150%\n\u3000\u3000恩捷股份披露股票\n"
     "期权与限制性股票激励\n计划，拟向激励对象授\n予股票权益合计不超过\n317.09万份。授予股票\n"
     "期权的行权价格为265.\n36元/份，限制性股票\n的授予价格为64.48元/\n股。各年度业绩考核目\n"
     "标：以2021年营业收入\n为基数，2022年营业收\n入增长率不低于150%。\n",
     "恩捷股份股权激励计划：2022年营收增长率不低于150%", "恩捷股份披露股票"),
    # the page's masthead over the first story, whose head, wider than the column, is read as the
    # text's first lines: only that unindented first line says the page opens mid-article (the
    # story after it tells that the page indents its paragraphs)
    ("北京日报\n\n浙江省委原常委、杭州市委原书记周江勇严重违纪违法被开除党\n籍和公职\n\n\u3000\u3000日前，经中共中央\n"
     "批准，中央纪委国家监\n委对浙江省委原常委、\n杭州市委原书记周江勇\n严重违纪违法问题进行\n了立案审查调查。经查，\n周江勇丧失理想信念，\n"
     "背离“两个维护”，政\n治意识淡漠，对党中央\n决策部署阳奉阴违，与\n资本勾连，支持资本无\n序扩张，搞迷信活动，\n处心积虑对抗组织审查。\n"
     "违规干预插手市场经济、\n执法司法活动；毫无纪\n法底线，大搞权钱交易，\n利用职务便利为他人在\n工程承揽、土地转让、\n税收返还等方面谋利，\n"
     "伙同亲属非法收受巨额\n财物，搞家族式腐败。（记者 方俊杰）\n瑞信：美联储可能会采取直接出售资产的方式来缩表\n\n\u3000\u3000瑞信分析师报告中\n称，美联储可能通过直\n"
     "接出售资产来缩减资产\n负债表规模，以此对抗\n通胀。\n\u3000\u3000疫情期间美联储购\n买债券以将长期利压在\n低位，导致资产负债表\n"
     "规模大约增加了一倍。\n\u3000\u3000瑞信分析师Zoltan\nPozsar上周晚些时候在\n一份报告中表示，前几\n轮“量化紧缩”进展缓\n慢，但这一次美联储可\n"
     "能会采取更积极的行动。\n\u3000\u3000Pozsar表示，这一\n次“直接出售资产的可\n",
     "浙江省委原常委、杭州市委原书记周江勇严重违纪违法被开除党籍和公职", "日前，经中共中央"),
    # a news head whose text repeats only a quarter of its wording (0.28 of its character pairs;
    # a real theory page's titles repeat a third or more, real news titles less: 15% of them
    # under a third, 6% under a quarter)
    ("2022年7月13日 星期三 A1 要闻\n\n未来基金主席Costello：澳洲联储\n将利率维持到2024年是“不可能的”\n"
     "澳洲联储需要改变措辞，为今年晚些时候或\n明年加息做好准备。\n到目前为止，澳洲联储的立场仍是直到2024\n"
     "年才会加息，这显然是站不住脚的。\n不管最终是今年年底还是明年开始加息，澳\n洲联储都必须要提前让市场做好准备。联储\n"
     "主席也必须“承认”应当终止债券购买计划，\n否则会损害联储信誉。\n三年后的利率走势是无法预测的，澳联储的\n"
     "任务也不在这，它的任务是控制通胀，利率\n应该由通胀决定，而不应该一个由银行根据\n无法预测的环境宣布的结果。（记者 史桂玉）\n",
     "未来基金主席Costello：澳洲联储将利率维持到2024年是“不可能的”", "澳洲联储需要改变措辞"),
    # a kicker that only says who spoke ("…显示") over a title set right on its text: the kicker
    # leads in to the title and is never one, so the story's title is still to be found
    ("2021年3月28日 星期一 A11 财经\n\n土耳其官方数据显示\n土耳其1月通胀率飙升至48.69%，创近20年新高\n"
     "土耳其官方数据显示，在能源、食品价格上涨和里拉疲\n软的推动下，土耳其1月通胀率飙升至48.69%，创近20\n"
     "年新高。数据显示，土耳其1月CPI同比上涨48.69%，环\n比上涨11.1%。当月生产者价格上涨10.45%，年通胀率\n"
     "达到93.53%。\n能源通胀率从12月的42.93%升至76.38%。\n",
     "土耳其1月通胀率飙升至48.69%，创近20年新高", "土耳其官方数据显示，在能源"),
], ids=["under-a-label", "over-an-indent", "under-a-masthead", "news-head-repeated-little", "under-a-lead-in"])
def test_a_head_read_as_its_text_s_opening_lines_is_found(text, title, opening):
    art = seg(text).articles[0]
    assert art.title == title
    assert art.paragraphs[0].startswith(opening)


def test_a_dateline_under_a_head_opens_the_text_with_a_gap_under_it():
    # "本报讯 …" right under a letter-spaced head, a blank line (a column glitch) under it before
    # the rest of the sentence: the text's first line, not a piece of the head
    text = ("国际\n\n新 三 板 市 场 拟 修 改 分 层 管 理 办 法 向 社 会 公 开 征 求 意 见\n本报讯 1月28日，全国中小企业\n\n"
            "股份转让系统（新三板市场）发\n布公告称，对《全国中小企业股\n份转让系统分层管理办法》进行\n了修订，现向市场公开征求意见。\n"
            "一是适当降低净利润条件中的净\n资产收益率要求，将“最近两年\n加权平均净资产收益率平均不低\n于8%”调整为不低于6%。\n")
    art = seg(text).articles[0]
    assert art.title == "新三板市场拟修改分层管理办法向社会公开征求意见"
    assert art.paragraphs[0].startswith("本报讯")


@pytest.mark.parametrize("head, label", [("要闻", True), ("深度报道", True), ("董春晓", False),
                                         ("超强顺周期巨头中远", False), ("境", False)])
def test_a_label_over_a_story_is_a_few_characters_no_name_and_none_of_the_text(head, label):
    # an author's name read as a head is no label (the opening lines under it are text), nor is a
    # title that shares little with its text (a figure of speech), nor a vertical head's piece
    from digest.model import Article, Line
    from digest.opening_heads import _label
    from digest.pieces import Draft

    d = Draft(Article(id="", paragraphs=["延续2021年前三季度的高增长，中远海控最新业绩预告显示盈利大增。"]),
              heads=[Line(number=1, raw=head, text=head)], headed=True)
    assert _label(d) is label


@pytest.mark.parametrize("pieces, title, subtitle", [
    # a short plain line right over a head more than twice as long leads into it: a kicker
    (["开年后私募圈大事不断", "期货大佬旗下浙江善渊投资产品触及止损线全市场超400只私募产品站在清盘边缘"],
     "期货大佬旗下浙江善渊投资产品触及止损线全市场超400只私募产品站在清盘边缘", "开年后私募圈大事不断"),
    # a deck right under its title, longer than it but not twice: the upper line is the title
    (["解码“杭州六小龙”背后的科创生态", "《有为与有效》读书分享会独角兽专场举行"],
     "解码“杭州六小龙”背后的科创生态", "《有为与有效》读书分享会独角兽专场举行"),
], ids=["short-kicker", "long-deck"])
def test_of_two_plain_heads_set_together_a_short_one_over_a_long_one_is_its_kicker(pieces, title, subtitle):
    from digest.heads import set_head
    from digest.model import Article, Line
    from digest.pieces import Draft

    text = "近日，私募圈大事不断。杭州六小龙背后的科创生态引起关注，期货大佬旗下产品触及止损线，读书分享会在杭州举行。"
    d = Draft(Article(id="", paragraphs=[text]),
              heads=[Line(number=k + 1, raw=t, text=t) for k, t in enumerate(pieces)], headed=True)
    set_head(d, [])
    assert (d.article.title, d.article.subtitle) == (title, subtitle)


def test_a_deck_ending_on_the_words_its_title_opens_with_is_no_piece_of_a_head_drawn_overlapping():
    from digest.heads import set_head
    from digest.model import Article, Line
    from digest.pieces import Draft

    pieces = ["2021年进出口规模突破六万亿美元“十四", "五”外贸开局良好", "——刚刚过去的2021年"]
    d = Draft(Article(id="", paragraphs=["刚刚过去的2021年，我国外贸交出了一份亮眼成绩单，进出口规模突破六万亿美元。"]),
              heads=[Line(number=k + 1, raw=t, text=t) for k, t in enumerate(pieces)], headed=True)
    set_head(d, [])
    assert (d.article.title, d.article.subtitle) == ("2021年进出口规模突破六万亿美元“十四五”外贸开局良好", "——刚刚过去的2021年")
