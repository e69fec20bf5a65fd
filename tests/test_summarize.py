import os

import pytest

from digest.evaluate import lcs_length, oracle, rouge, rouge_l, rouge_n
from digest.summarize import get, methods, select, summarize

ARTICLE = (
    "本报讯 6月24日，长三角G60科创走廊科技成果对接转化大会在杭州召开。"
    "会上，长三角G60科创走廊重大科创平台联盟、企业出海服务联盟、低空经济协同创新联盟成立。"
    "“我们将和各联盟单位合力破解制约高质量发展的技术难题。”欧阳宏伟说。"
    "当天，《长三角G60科创走廊产业高质量发展指数（2024年）》在会上发布。"
    "指数显示，G60的发明专利授权量均占到全国的10%，技术合同成交额占全国的8.5%。"
    "大会现场举行多领域合作签约与中试基地授牌仪式"
)


@pytest.mark.parametrize("method", sorted(methods()))
def test_every_registered_method_runs_and_is_verbatim(method):
    summary = summarize(ARTICLE, method, k=2)
    assert len(summary) == 2
    for s in summary:
        assert s in ARTICLE
    assert [ARTICLE.index(s) for s in summary] == sorted(ARTICLE.index(s) for s in summary)


def test_registry_has_the_required_methods():
    assert {"textrank", "textrank4zh", "sumy-textrank", "sumy-lexrank", "sumy-lsa", "sumy-luhn", "lead"} <= set(methods())


def test_unknown_method_raises():
    with pytest.raises(KeyError):
        get("nope")


def test_char_budget_takes_best_first_and_never_empty():
    sents = ["长长长长长长长长长长。", "短。", "中中中中。"]  # too short to read alone: the budget logic only
    assert select(sents, [0, 1, 2], max_chars=8, readable_only=False) == [1, 2]
    assert select(sents, [0, 1, 2], max_chars=3, readable_only=False) == [1]
    assert select(sents, [0, 1, 2], max_chars=1, readable_only=False) == [0]
    assert select(sents, [0, 1, 2], max_chars=1) == [0]  # nothing reads alone: the best one, never nothing


def test_short_text_is_its_own_summary():
    assert summarize("只有一句话", k=3) == ["只有一句话"]
    assert summarize("", k=3) == []


def test_textrank4zh_works_on_current_networkx():
    import networkx

    assert int(networkx.__version__.split(".")[0]) >= 3
    order = get("textrank4zh").rank(["会议在杭州召开。", "联盟在会上成立。", "指数在会上发布。"])
    assert sorted(order) == [0, 1, 2]


def test_rouge_hand_computed():
    # pred 今天天气 / ref 天气很好 (chars): unigrams overlap 天,气 -> 2; P=2/4 R=2/4 F=0.5
    assert rouge_n("今天天气", "天气很好", 1) == pytest.approx(0.5)
    # bigrams pred: 今天 天天 天气; ref: 天气 气很 很好 -> overlap 1; P=1/3 R=1/3
    assert rouge_n("今天天气", "天气很好", 2) == pytest.approx(1 / 3)
    # LCS 天气 = 2 -> F=0.5
    assert lcs_length("今天天气", "天气很好") == 2
    assert rouge_l("今天天气", "天气很好") == pytest.approx(0.5)
    # punctuation and spaces do not count
    assert rouge("今天，天气。", "今天天气") == pytest.approx((1.0, 1.0, 1.0))


def test_oracle_picks_the_matching_sentence():
    assert oracle(["无关的话。", "公司发布年报。", "别的。"], "公司发布年报", 1) == [1]


def test_batch_ranking_equals_one_by_one(monkeypatch):
    """summarize_many (textrank's rank_many: one sparse graph for all) == summarize per text."""
    from digest.summarize import summarize_many, textrank

    monkeypatch.setattr(textrank, "BATCH_FROM", 2)  # the sparse batch even for a few texts

    texts = [ARTICLE, ARTICLE.replace("。", "。\n", 2), "只有一句", "", "第一句。第二句。", ARTICLE * 3,
             "“我们很期待。”他说。第二句话很长很长很长。第三句。第四句也在这里。"]
    for k in (1, 2, 3):
        assert summarize_many(texts, "textrank", k=k) == [summarize(t, "textrank", k=k) for t in texts]
    assert summarize_many(texts, "textrank", max_chars=40) == [summarize(t, "textrank", max_chars=40) for t in texts]


def test_batch_ranking_equals_one_by_one_on_news():
    import json

    from conftest import shared
    from digest.summarize.textrank import TextRank
    from digest.text import split_sentences

    with open(shared("eval", "summ", "dev.jsonl"), encoding="utf-8") as fh:
        docs = [split_sentences(json.loads(line)["text"]) for line in fh][:200]
    docs = [d for d in docs if len(d) > 1]
    tr = TextRank()
    assert [o[:3] for o in tr.rank_many(docs, 3)] == [tr.rank(d, 3)[:3] for d in docs]


def test_a_question_weighs_less_than_the_statement_that_answers_it():
    from digest.summarize import summarize

    text = ("经济高质量发展的支点是什么？一个重要答案是产业生态，产业生态决定经济高质量发展的成色。"
            "近年来，全区产业生态持续优化，高质量发展的支点更加稳固。各地也纷纷出台政策，支持企业发展。")
    assert summarize(text, "textrank", k=1) == ["一个重要答案是产业生态，产业生态决定经济高质量发展的成色。"]


def test_a_later_item_of_a_list_must_be_clearly_better_to_be_picked():
    # "二是…" leans on "一是…": alone it reads as a fragment, though it is short and central here
    text = ("近日，有关部门介绍了今年金融工作的安排，未来要做两方面努力，一是在前瞻性的研究方面做出更多探索，"
            "希望先于市场发现产业趋势和潜在优势公司。二是要做更多的逆向投资。"
            "逆向投资使得我们能够更好地应对市场波动，逆向投资也带来长期收益。")
    assert not summarize(text, "textrank", k=1)[0].startswith("二是")


def test_a_long_section_head_without_a_sentence_end_is_not_summary_material():
    from digest.model import Article
    from digest.pipeline import summary_text

    head = "社会主要矛盾变化标志着中国特色社会主义取得重大历史性成就"  # 29 characters, no sentence end
    article = Article(id="x", paragraphs=[head, "中国特色社会主义是科学社会主义理论逻辑和中国社会发展历史逻辑的辩证统一。"])
    assert head not in summary_text(article)


def test_a_sentence_that_points_back_must_be_clearly_better_to_be_picked():
    # "这一亮眼成绩的背后，…" alone leaves the reader asking which result (sample page 001)
    from pathlib import Path

    from digest.pipeline import Options, build_digest

    page = Path(__file__).resolve().parent.parent / "samples" / "001_c697f188a711ef04.txt"
    article = next(a for source in build_digest([str(page)], Options(keywords=0)).sources
                   for a in source.articles if a.title == "技改用上排污权抵押贷款")
    assert len(article.summary) == 3
    assert not any(s.startswith(("这一", "这是", "此外", "其中")) for s in article.summary)


def test_paired_difference_of_a_method_with_itself_is_zero_and_of_a_better_one_excludes_zero():
    from digest.evaluate import MethodResult, paired_difference

    same = MethodResult("a", docs=4, per_doc=[(0.5, 0.4, 0.5), (0.2, 0.1, 0.2), (0.9, 0.8, 0.9), (0.4, 0.3, 0.4)])
    assert paired_difference(same, same)["rouge1"] == {"difference": 0.0, "ci95": [0.0, 0.0]}
    better = MethodResult("b", docs=4, per_doc=[(r1 + 0.1, r2 + 0.1, rl + 0.1) for r1, r2, rl in same.per_doc])
    diff = paired_difference(better, same)
    assert diff["rougeL"]["difference"] == pytest.approx(10.0)
    assert diff["rouge1"]["ci95"][0] > 0
    assert paired_difference(better, same) == diff  # the same resamples every time
    with pytest.raises(ValueError):
        paired_difference(better, MethodResult("c", docs=1, per_doc=[(0.1, 0.1, 0.1)]))


@pytest.mark.parametrize("sentence, kind", [
    ("加宏大，愿景更加美好。", None),  # alone it reads as a sentence: only the cut-off half it completes shows it (below)
    ("，且是全市唯一挂牌两个融资服务中心的区。", "fragment"),
    ("的核心战略是创新驱动。", "fragment"),
    ("浙江大学长三角智慧绿洲创新中心副主任朱亮说。", "attribution"),
    ("一是确立融合理念。", "heading"),
    ("坚守党的政治立场。", "heading"),
    ("数据便是最好的证明。", "heading"),
    ("10个区域重点合作项目进行了集中签约；", "clause"),
    ("这是根据我国当时的实际情况作出的正确论断。", "points_back"),
    ("公司股价上涨5%。", None),  # short, but it states a fact: it reads alone
    ("过去5年，湖北生产总值年均增长9.2%，高于全国平均水平。", None),  # 过去 is a word, not a particle
    ("着力振兴实体经济，滚动实施万企万亿技改工程，加快制造业优化升级。", None),
    ("因此，我们不能依德治国。", "points_back"),
    ("党的十九大报告指出，中国特色社会主义进入新时代，这是我国发展新的历史方位。", None),
    # found reading the real pages' summaries again (this stop)
    ("我们要深入学习领会习近平新时代中国特色社会主义思", "fragment"),  # cut off mid-word
    ("具体来说，需要做好四个方面工作。", "heading"),  # announces what follows
    ("在具体工作中，可以从以下三个方面加以落实。", "heading"),
    ("这里谈几点对推动高质量发展的认识。", "heading"),
    ("“幸福都是奋斗出来的”。", "heading"),  # a quotation alone
    ("在此基础上，我们党提出“两个一百年”奋斗目标。", "points_back"),
    ("正是在这一基础上，党的十九大报告提出建设智慧社会。", "points_back"),
    ("人生如此，对一个政党来说也是一样。", "points_back"),
    ("另一方面，要深刻认识不平衡不充分的发展。", "points_back"),
    ("推进这两方面建设，均需以供给侧结构性改革为主线。", "points_back"),
    ("“一国两制”是一个完整的概念。", None),  # a quoted name inside a statement
    ("据媒体此前报道，瑞幸咖啡正在研究是否在纳斯达克重新上市。", None),  # 此前: earlier, not "this"
    ("彼此信任，是合作的基础。", None),
    ("建设现代化经济体系的核心是推动高质量发展，其内容主要包括两大方面：一是在质量上提升。", None),
])
def test_defects_of_summary_sentences(sentence, kind):
    """The defects issue 14 lists, from the real pages' summaries."""
    from digest.summarize.readable import defects

    found = defects(sentence)
    assert (kind in found) if kind else not (found - {"fragment"} if sentence.startswith("加") else found)


def test_the_second_half_of_a_sentence_cut_apart_is_no_summary_sentence():
    """"加宏大，愿景更加美好。" (0102) reads as a sentence alone, but the article also holds
    "…目标更", cut off mid-word: a word runs across ("更加"), the two are halves of one
    sentence the segmentation set apart. It was a summary sentence (issue 14's first example)."""
    from digest.summarize.base import select
    from digest.summarize.readable import run_on_openings

    sentences = ["加宏大，愿景更加美好。", "全省新建充电桩三万个，覆盖所有县城和重点乡镇。",
                 "这与原来第三步战略目标相比，内涵更加充实，目标更", "到本世纪中叶建成社会主义现代化强国。"]
    assert run_on_openings(sentences) == {0}
    assert select(sentences, [0, 1, 2, 3], k=1) == [1]
    assert run_on_openings(sentences[:2]) == set()  # no cut-off sentence: nothing to run on from
    # a text that stops mid-sentence at its end was cut there (truncated, continued elsewhere)
    assert run_on_openings(sentences[:3]) == set()


def test_an_article_may_open_by_pointing_at_its_own_scene_after_a_dateline():
    """"浙江日报讯 这个夏天，…" starts the article (the dateline shows it): it may be chosen;
    "因此，…" with nothing before it may not."""
    from digest.summarize.base import select

    opened = ["浙江日报讯 这个夏天，一群群萤火虫在夜空中闪烁飞舞，点亮了示范区的田野。", "数据便是最好的证明。"]
    assert select(opened, [0, 1], k=1) == [0]
    assert select(["因此，我们必须坚定不移地推进改革，毫不动摇。", "全省新建充电桩三万个，覆盖所有县城。"], [0, 1], k=1) == [1]


def test_a_summary_takes_only_sentences_that_read_alone():
    from digest.summarize.base import select

    sentences = ["一是确立融合理念。", "浙江大学副主任朱亮说。", "这是一项长期任务，需要各方共同努力推进落实。",
                 "全省新建充电桩三万个，覆盖所有县城，群众出行更加方便。", "数据便是最好的证明。"]
    order = [0, 1, 2, 4, 3]
    assert select(sentences, order, k=1) == [3]  # the best that reads alone
    assert select(sentences, order, k=3) == [3]  # "这是…" points back to a head: not without it
    assert select(sentences, order, k=1, readable_only=False) == [0]  # lead takes the page as printed
    assert select(["一是。"], [0], k=1) == [0]  # never empty


def test_a_sentence_that_points_back_comes_with_the_one_before():
    from digest.summarize.base import select

    sentences = ["全省新建充电桩三万个，覆盖所有县城和重点乡镇。", "这让新能源汽车车主的出行更加方便，也带动了消费。",
                 "专家认为，明年的建设规模还将继续扩大，投资也会增加。"]
    assert select(sentences, [1, 2, 0], k=2) == [0, 1]
    assert select(sentences, [1, 2, 0], k=1) == [2]


def test_a_chain_of_sentences_pointing_back_is_not_taken_without_its_head():
    """0117 p.7: "如此循环往复…" then "但在高速增长阶段…": the second was taken with the first,
    which itself reads only after the sentence before it -- a summary opening mid-argument."""
    from digest.summarize.base import select

    sentences = ["需求不断升级，既开辟新的消费领域，又引领供给体系优化升级。", "如此循环往复、相互促进，就能推动生产力不断迈上新台阶。",
                 "但在高速增长阶段，重速度轻质量的问题比较突出。", "推动高质量发展，要坚持质量第一、效益优先。"]
    assert select(sentences, [2, 1, 3, 0], k=2) == [0, 1]


def test_the_dateline_is_not_part_of_the_summary():
    from digest.summarize import summarize

    text = "本报北京1月3日电（记者 王明）今年我国新能源汽车产销两旺，全年产销量均超过一千二百万辆。\n业内人士表示，充电设施不断完善，消费者购车意愿持续增强。"
    assert summarize(text, k=1)[0].startswith("今年我国新能源汽车")


def test_keywords_are_whole_expressions_and_not_nested():
    from digest.keywords import keywords

    text = ("坚持依法治国和以德治国相结合。以德治国强调道德的教化作用，以德治国与依法治国相辅相成。"
            "杨浦区推动杨浦科技创新，杨浦区的企业积极参与。") * 3
    words = keywords(text, 8)
    assert "德治国" not in words and ("以德治国" in words or "依法治国" in words)
    assert not any(a != b and a in b for a in words for b in words)


def test_keywords_of_a_page_tell_its_articles_apart():
    from digest.keywords import page_keywords

    shared = "新能源汽车产业发展迅速，新能源汽车销量增长，汽车市场活跃。"
    texts = [shared + "电池企业扩大产能，电池技术不断进步，电池成本下降。" * 2,
             shared + "充电桩建设加快，充电网络覆盖乡村，充电更加便利。" * 2]
    first, second = page_keywords(texts, 3)
    assert len(set(first) & set(second)) <= 1


def test_keywords_are_nouns_and_verbs_by_the_dictionary_and_unknown_names_count():
    """A pronoun, an adverb or a number is never a keyword; a name jieba's dictionary does not
    know (柯桥区's 善厚镇, a person's name) can be."""
    from digest.keywords import keywords, other_kinds

    assert {"我们", "非常", "一个"} <= other_kinds() and "企业" not in other_kinds()
    text = ("善厚镇的企业非常重视创新。我们看到，善厚镇一个个企业加快转型，2023年企业创新投入增长。"
            "朱炳元认为，善厚镇企业的创新经验值得推广。") * 2
    words = keywords(text, 5)
    assert "善厚镇" in words and "企业" in words
    assert not {"我们", "非常", "一个", "2023"} & set(words)


def test_a_broken_word_kinds_cache_is_rebuilt(tmp_path, monkeypatch):
    from digest import nlp

    monkeypatch.setattr(nlp, "cache_dir", lambda: tmp_path)
    first = nlp.dictionary_words_not_tagged(("n", "v"))
    [cache] = tmp_path.glob("word-kinds-*.marshal")
    cache.write_bytes(b"not marshal at all")
    assert nlp.dictionary_words_not_tagged(("n", "v")) == first
    assert cache.read_bytes() != b"not marshal at all"
    import marshal

    key, _ = marshal.loads(cache.read_bytes())
    cache.write_bytes(marshal.dumps((key, 12345)))  # the right key, the wrong kind of content
    assert nlp.dictionary_words_not_tagged(("n", "v")) == first


def test_a_page_is_digested_without_the_pos_tagger_the_idf_table_or_scipy():
    """Their imports were 0.5 s of a one-page run's 1.4 s (the keywords read the dictionary's
    tags; a page's few articles are ranked without scipy)."""
    import subprocess
    import sys
    from pathlib import Path

    page = sorted(Path(__file__).resolve().parent.parent.joinpath("samples").glob("*.txt"))[0]
    code = ("import sys; from digest.pipeline import build_digest, Options; "
            f"build_digest([{str(page)!r}], Options()); "
            "print(sorted(m for m in ('jieba.posseg', 'jieba.analyse', 'scipy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_text_dump_is_digested_without_the_pdf_reader_or_the_mail_and_html_renderers():
    """What a run does not use it does not load (cold start: the PDF reader, the email and
    html renderers were 10 ms of it)."""
    import subprocess
    import sys
    from pathlib import Path

    page = sorted(Path(__file__).resolve().parent.parent.joinpath("samples").glob("*.txt"))[0]
    code = ("import sys; from digest.cli import main; sys.argv = ['digest', 'run', %r, '-f', 'markdown', '-o', %r]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('digest.pdf', 'digest.reading_order', 'digest.render.email', 'digest.render.html') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code % (str(page), os.devnull)], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_sentence_that_restates_the_head_is_the_thesis():
    """A commentary states its thesis in its head; the sentence that says it again is taken
    over a merely central one (Edmundson's title method), where the article has a printed head;
    the batch and the one-by-one ranking agree."""
    from digest.summarize import summarize, summarize_many, textrank

    text = ("当前，世界格局正发生深刻变化，国际社会面临许多共同挑战。"
            "政党是构建人类命运共同体的重要力量，应当发挥引领作用，凝聚各方共识。"
            "各国人民期待合作共赢，期待更加美好的未来。"
            "推动构建人类命运共同体，需要各国政党加强交流，增进理解与互信。")
    head = "政党是构建人类命运共同体的重要力量"
    thesis = "政党是构建人类命运共同体的重要力量，应当发挥引领作用，凝聚各方共识。"
    assert thesis not in summarize(text, k=2)
    assert thesis in summarize(text, k=2, title=head)
    texts, titles = [text, text.replace("当前", "目前")] * 2, [head, None, head, None]
    one_by_one = [summarize(t, k=2, title=h) for t, h in zip(texts, titles)]
    assert summarize_many(texts, k=2, titles=titles) == one_by_one
    textrank.BATCH_FROM, saved = 2, textrank.BATCH_FROM
    try:
        assert summarize_many(texts, k=2, titles=titles) == one_by_one  # the sparse batch too
    finally:
        textrank.BATCH_FROM = saved
