"""The learned line tagger: its file, its trees, and what it learns that the line rules miss."""
from __future__ import annotations

import random
import sys

import numpy as np
import pytest

from conftest import ROOT
from digest.layout import column_widths, split_lines
from digest.line_features import FEATURE_NAMES, features
from digest.line_model import CLASSES, LineModel, revise, shipped
from digest.trees import average, from_lightgbm
from digest.model import Page
from digest.roles import classify
from digest.segment import segment

sys.path.insert(0, str(ROOT / "benchmarks"))

HEADS = ["全省数字经济创新发展大会召开", "新开公交线路方便市民出行", "高新技术企业数量稳步增长", "老旧小区改造惠及万户居民",
         "跨境电商综合试验区扩围", "乡村振兴示范带建设提速", "医保服务实现跨省通办", "文旅消费迎来新一轮增长",
         "绿色金融产品不断丰富", "职业教育产教融合走深走实", "港口集装箱吞吐量创新高", "社区养老服务网络织密"]
SENTENCES = ["会上发布了十项重点成果，涵盖人工智能、集成电路、生物医药等领域。", "来自各地的三百余家企业参加了对接活动。",
             "据介绍，今年以来全省新增高新技术企业一千余家。", "研发投入强度持续提高，创新生态不断优化。",
             "交通部门负责人表示，下一步将继续优化线网布局。", "一批重大项目相继落地投产，带动就业岗位两万多个。",
             "市民出行更加便捷，群众满意度明显提升。", "相关部门将加强统筹协调，确保各项措施落到实处。"]
PAGES, ROUNDS = 24, 40  # a tiny model: a few seconds to train
NAMES = ["本报记者 陈 红", "本报记者 王海涛", "通讯员 李 静"]


def gapless_page(rng: random.Random) -> tuple[str, list[str]]:
    """A page as PyMuPDF prints one: heads right over their text, no blank line anywhere;
    with each line's class (body, head, byline)."""
    lines, labels = [], []
    for head in rng.sample(HEADS, 4):
        lines.append(head)
        labels.append("head")
        if rng.random() < 0.5:
            lines.append(rng.choice(NAMES))
            labels.append("byline")
        width = rng.randint(13, 20)
        for _ in range(rng.randint(2, 3)):
            text = "".join(rng.sample(SENTENCES, 3))
            wrapped = ["  " + text[: width - 2]] + [text[k : k + width] for k in range(width - 2, len(text), width)]
            lines += [w for w in wrapped if w.strip()]
            labels += ["body"] * len([w for w in wrapped if w.strip()])
    return "\n".join(lines) + "\n", labels


def tagged_rows(text: str, labels: list[str]):
    lines = split_lines(text)
    columns = column_widths(lines)
    classify(lines, columns)
    idx, rows = features(lines, columns)
    assert len(idx) == len(labels)  # nothing joined or split on these pages
    return lines, idx, rows


def lightgbm_or_skip():
    """LightGBM (a dev extra) trains the tagger; its wheel needs the system's OpenMP runtime."""
    try:
        import lightgbm
    except (ImportError, OSError) as error:  # OSError: libgomp missing
        pytest.skip(f"lightgbm unavailable: {error}")
    return lightgbm


@pytest.fixture(scope="module")
def tiny_model():
    lightgbm_or_skip()
    from train_lines import train

    return train(*tiny_training_set(), rounds=ROUNDS)


def tiny_training_set() -> tuple[list, list]:
    rng = random.Random(3)
    X, y = [], []
    for _ in range(PAGES):
        text, labels = gapless_page(rng)
        _, _, rows = tagged_rows(text, labels)
        X += rows
        y += [CLASSES.index(label) for label in labels]
    return X, y


def test_a_tiny_model_learns_heads_the_line_rules_miss(tiny_model):
    """With no gap under a head and no author line, the rules read the head as text; a model
    trained on a dozen such pages reads it as a head."""
    model = LineModel(tiny_model)
    text, labels = gapless_page(random.Random(99))
    lines, idx, rows = tagged_rows(text, labels)
    heads = [k for k, label in enumerate(labels) if label == "head"]
    missed_by_rules = [k for k in heads if lines[idx[k]].role != "head"]
    assert missed_by_rules, "the page should hold a head the rules miss"
    predicted = model.predict(np.asarray(rows)).argmax(axis=1)
    assert all(CLASSES[predicted[k]] == "head" for k in missed_by_rules)
    revise(lines, column_widths(lines), model)
    assert all(lines[idx[k]].role == "head" for k in missed_by_rules)


def _tiny_booster(seed: int, leaves: int):
    """Rows, and a small multiclass LightGBM model over them with its flat spec."""
    lightgbm = lightgbm_or_skip()
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(300, len(FEATURE_NAMES)))
    y = (X[:, 0] > 0).astype(int) + 2 * (X[:, 1] > 0.5)
    booster = lightgbm.train({"objective": "multiclass", "num_class": 5, "num_leaves": leaves, "verbose": -1,
                              "deterministic": True, "num_threads": 1, "seed": 1},
                             lightgbm.Dataset(X, label=y), num_boost_round=10)
    spec = from_lightgbm(booster.dump_model())
    spec.update(classes=list(CLASSES), features=list(FEATURE_NAMES))
    return X, booster, spec


def test_flattened_trees_predict_as_lightgbm_does():
    X, booster, spec = _tiny_booster(0, 7)
    assert np.allclose(LineModel(spec).predict(X), booster.predict(X), atol=1e-9)


def test_the_shipped_form_predicts_to_the_last_bit_as_the_trees_it_was_made_from():
    """The package ships each model laid out (heap order, base64 bytes in JSON) so that it
    loads in milliseconds; through a JSON round trip it gives the very same probabilities."""
    import json

    X, _, spec = _tiny_booster(2, 11)
    trained = LineModel(spec)
    shipped_spec = json.loads(json.dumps(trained.shipped_form(spec)))
    assert "feature" not in shipped_spec and shipped_spec["format"] == "heap-base64"
    assert np.array_equal(LineModel(shipped_spec).predict(X), trained.predict(X))


def test_a_bag_of_models_scores_the_mean_of_their_scores():
    """``trees.average`` (the shipped models are bags of three seeds) keeps every tree and
    weighs it 1/k: its raw scores are the mean of the models' raw scores."""
    lightgbm = lightgbm_or_skip()
    rng = np.random.default_rng(1)
    X = rng.normal(size=(200, len(FEATURE_NAMES)))
    y = (X[:, 0] > 0).astype(int) + 2 * (X[:, 2] > 0.3)
    specs = []
    for seed in (1, 2):
        booster = lightgbm.train({"objective": "multiclass", "num_class": 5, "num_leaves": 7, "verbose": -1,
                                  "deterministic": True, "num_threads": 1, "seed": seed, "bagging_fraction": 0.7,
                                  "bagging_freq": 1}, lightgbm.Dataset(X, label=y), num_boost_round=8)
        spec = from_lightgbm(booster.dump_model())
        spec.update(classes=list(CLASSES), features=list(FEATURE_NAMES))
        specs.append(spec)
    logits = [np.log(LineModel(spec).predict(X)) for spec in specs]
    mean = (logits[0] + logits[1]) / 2
    expected = np.exp(mean) / np.exp(mean).sum(axis=1, keepdims=True)
    assert np.allclose(LineModel(average(specs)).predict(X), expected, atol=1e-9)
    assert not np.allclose(logits[0], logits[1])  # two different models, or the test proves nothing


def test_training_is_reproducible(tiny_model):
    from train_lines import train

    assert train(*tiny_training_set(), rounds=ROUNDS) == tiny_model


def test_the_shipped_model_loads_and_reads_the_features_the_code_computes():
    model = shipped()
    assert model is not None and model.classes == CLASSES
    src = segment(Page("p.txt", "新开公交线路方便市民出行\n本报记者 陈 红\n" + "全市新开通公交线路十二条，覆盖新建小区。\n" * 3))
    assert src.articles[0].title == "新开公交线路方便市民出行"


def _lines(*pairs: tuple[str, str]):
    from digest.model import Line

    out = []
    for k, (text, role) in enumerate(pairs):
        line = Line(number=k + 1, raw=text, text=text)
        line.role = line.tag = role
        out.append(line)
    return out


def test_the_phrase_right_over_a_deck_is_its_title():
    """pdftotext -raw prints "打赢脱贫攻坚战的有益参考" / "——" / "《…》简评" after the text above;
    alone the first reads as text, but a deck hangs under its title."""
    from digest.line_model import _title_over_deck

    lines = _lines(("也较好体现了整体治理理念。", "body"), ("打赢脱贫攻坚战的有益参考", "body"), ("——", "head"),
                   ("《摆脱贫困与全面小康》简评", "head"))
    _title_over_deck(lines)
    assert [line.role for line in lines] == ["body", "head", "head", "head"] and lines[1].tag == "head"
    # a sentence going on over a dash is text, and so is a line under an open sentence
    for above, line in ((("也较好体现了整体治理理念。", "body"), ("他说，这是有益参考", "body")),
                        (("书中关于教育扶贫的", "body"), ("论述较好体现了整体治理理念", "body"))):
        lines = _lines(above, line, ("——", "head"))
        _title_over_deck(lines)
        assert lines[1].role == "body"


def test_a_title_after_a_column_cut_mid_sentence_still_heads_its_deck():
    """pdfminer.six reads a page box by box: the title "深化对…的研究" comes after a column
    that stops mid-sentence, with a blank line between; the blank line sets it off as a
    closed sentence would."""
    from digest.line_model import _title_over_deck

    lines = _lines(("例都还比较低，我国制造业服务化", "body"), ("", "body"), ("深化对中国特色社会主义政治经济学的研究", "body"),
                   ("", "body"), ("——《中国特色社会主义政治经济学通论》简评", "head"))
    lines[1].raw = lines[1].text = lines[3].raw = lines[3].text = ""
    _title_over_deck(lines)
    assert lines[2].role == "head"


def test_the_phrase_over_a_deck_printed_after_its_text_is_its_title():
    """pdftotext -raw prints a review's head after its text: "打赢脱贫攻坚战的有益参考" / "——" /
    "《…》" / "简评" / its author. Alone the first line reads as text; with the deck under it, it
    is the head of the text above (through the whole pipeline, as the page gives it)."""
    text = ("理论框架的系统性、\n整体性令人印象\n深刻。书中关于教育扶贫、\n基层组织建\n设、\n"
            "社会合力扶贫等的论述，\n也较好体现\n了整体治理理念。\n"
            "打赢脱贫攻坚战的有益参考\n——\n《摆脱贫困与全面小康》\n简评\n戚小倩\n")
    [article] = segment(Page(source="review.txt", text=text)).articles
    assert (article.title, article.subtitle, article.byline) == \
        ("打赢脱贫攻坚战的有益参考", "——《摆脱贫困与全面小康》简评", "戚小倩")
    assert article.text.endswith("也较好体现了整体治理理念。")


def test_a_page_read_box_by_box_gives_the_title_after_a_column_cut_mid_sentence_its_deck():
    """pdfminer.six reads a page box by box: the title "深化对…的研究" comes after a column
    that stops mid-sentence, with a blank line between, then its deck and author over its text."""
    text = ("发 达 国 家 经 济 重 心 从 制 造 业 向 服 务\n业 转 变 ，通 过 服 务 业 的 发 展 增 强 制\n"
            "造 业 竞 争 力 。 而 从 我 国 企 业 实 际 情\n况 看 ，大 部 分 制 造 业 企 业 的 服 务 业\n"
            "务 收 入 占 总 收 入 的 比 例 都 还 比 较 低\n，我 国 制 造 业 服 务 化\n\n"
            "深化对中国特色社会主义政治经济学的研究\n\n——《中国特色社会主义政治经济学通论》简评\n胡培兆\n\n"
            "党 的 十 八 大 以 来 ，我 们 党 在 实\n践 中 形 成 了 以 新 发 展 理 念 为 主 要 内\n"
            "容 的 习 近 平 新 时 代 中 国 特 色 社 会 主\n义 经 济 思 想 ，这 是 中 国 特 色 社 会 主\n"
            "义 政 治 经 济 学 的 最 新 成 果 。\n")
    articles = segment(Page(source="boxes.txt", text=text)).articles
    assert [(a.title, a.subtitle, a.byline) for a in articles] == [
        (None, None, None), ("深化对中国特色社会主义政治经济学的研究", "——《中国特色社会主义政治经济学通论》简评", "胡培兆")]


@pytest.mark.parametrize("under, signed", [("何民捷", True), ("本报记者 王小明", True), ("历史上、现实中，很多人", False),
                                            ("发展", False)])
def test_a_section_head_signed_by_a_name_is_a_storys_head(under, signed):
    """pdftotext -raw prints a commentary's head and its author's name after its text; the
    tagger may read the head as a section head, but a section head is never signed (0103)."""
    from digest.line_model import _signed_sections_are_heads

    lines = _lines(("驶向胜利的彼岸。", "body"), ("中国共产党的", "subhead"), ("历史担当", "subhead"),
                   (under, "byline" if under.startswith("本报") else "body"), ("历史上、现实中，", "body"))
    _signed_sections_are_heads(lines)
    assert [line.role for line in lines[1:3]] == (["head", "head"] if signed else ["subhead", "subhead"])
    assert (lines[3].role == "byline") == signed


@pytest.mark.parametrize("pairs, heads", [
    # a head wrapped at a word: the tagger read its second line as the text's first
    ((("贝壳：内部调查实质性完成浑水报告中", "head"), ("的相关指控没有事实依据", "body"), ("贝壳找房1月28日公布其内部", "body")),
     [True, True, False]),
    # and its first line, under the page's masthead
    ((("2023年10月4日 星期一", "noise"), ("多家纸企发出涨价函：产能增", "body"), ("速不及需求纸浆涨价传导", "head")),
     [False, True, True]),
    # a line of text cut at a column break that the tagger took for a head does not pull in
    # the line over it: a clause mark says the two may be text
    ((("（记者 张晓峰）", "byline"), ("因乌克兰紧张局势加剧，且货", "body"), ("币市场押注美联储将加息，投资者", "head")),
     [False, False, True]),
    # a section head wrapped over lines stays whole, not cut into a head
    ((("贯彻新思想：用", "subhead"), ("习近平新时代中国特色", "subhead"), ("社会主义思想武装头", "body"), ("脑指导实践", "head")),
     [False, False, False, True]),
    # a head wrapped over three lines, the tagger sure of the last one only
    ((("2023年10月4日 星期一", "noise"), ("全省数字经济创新发", "body"), ("展大会在宁波召开发布十项重", "body"),
      ("点成果", "head"), ("本报记者 王小明", "byline")),
     [False, True, True, True, False]),
    # a head wrapped over a block of its own with a comma inside, the tagger sure of its last line only
    ((("", "body"), ("基本金属：铜价升至一周高", "body"), ("点，因美联储官员给激进加", "body"), ("息泼冷水", "head"),
      ("", "body"), ("本报讯 铜价升至一周高点，", "body")),
     [False, True, True, True, False, False]),
    # and one whose last line has the comma
    ((("", "body"), ("我国高分辨率多模综合成像卫星正式投", "body"), ("入使用，实现四个“首次”", "head"), ("", "body")),
     [False, True, True, False]),
    # on a page that prints blank lines, the block's line goes with the head with no word across
    ((("", "body"), ("国务院：落实平台企业并购", "body"), ("行为依法申报义务防止“掐", "head"), ("尖式并购”", "head"),
      ("", "body"), ("新华社北京2月18日电 国务院印发规划。", "body")),
     [False, True, True, True, False, False]),
    # but a line of text cut at a column break and taken for a head pulls in no text over it
    ((("（记者 张晓峰）", "byline"), ("", "body"), ("因乌克兰紧张局势加剧，且货", "body"), ("币市场押注美联储将加息，投资者", "head")),
     [False, False, False, True]),
    # the line under a head that a sentence runs on from into the next line is text
    ((("全省数字经济大会召开", "head"), ("的三百余家企业参加了对接活", "body"), ("动据介绍今年以来全省新增", "body")),
     [True, False, False]),
])
def test_a_line_a_head_runs_on_into_is_the_heads(pairs, heads):
    from digest.line_model import _wrapped_heads_go_on

    lines = _lines(*pairs)
    _wrapped_heads_go_on(lines)
    assert [line.role == "head" for line in lines] == heads


def test_the_second_look_reads_each_line_with_its_neighbours_beliefs():
    """``neighbour_features``: a line's row holds its own and its neighbours' first-look
    probabilities (zeros past the page's ends), a few of its features, and whether a head
    wrapped at its width goes on across its breaks ("…数字货币的设计工" / "作")."""
    from digest.line_features import NEIGHBOUR_NAMES, neighbour_features

    lines = split_lines("新西兰联储启动央行数字货币的设计工\n作\n\n据报道，新西兰联储近日启动相关工作。\n")
    columns = column_widths(lines)
    classify(lines, columns)
    idx, rows = features(lines, columns)
    probs = np.asarray([[0.1, 0.6, 0.1, 0.1, 0.1], [0.5, 0.2, 0.1, 0.1, 0.1], [0.9, 0.0, 0.0, 0.1, 0.0]])
    table = neighbour_features(lines, idx, rows, probs)
    assert all(len(row) == len(NEIGHBOUR_NAMES) for row in table)
    at = {name: k for k, name in enumerate(NEIGHBOUR_NAMES)}
    assert table[1][at["p_prev_head"]] == 0.6 and table[1][at["p_body"]] == 0.5
    assert table[0][at["p_prev_head"]] == 0.0 and table[2][at["p_next2_body"]] == 0.0
    assert table[0][at["wraps_down"]] == 1.0 and table[1][at["wraps_up"]] == 1.0
    assert table[1][at["wraps_down"]] == 0.0  # a blank line between: no head wraps across it


def _read_with_second_look(monkeypatch, beliefs: list[float]):
    """A line of text revised by a second look that believes every line BELIEFS (one
    probability per class, in ``CLASSES`` order)."""
    import digest.line_model as line_model

    class Fixed:
        def predict(self, rows):
            return np.tile(beliefs, (len(rows), 1))

    monkeypatch.setattr(line_model, "shipped_neighbours", lambda: Fixed())
    lines = split_lines("全市新开通公交线路十二条，覆盖新建小区和产业园区。\n")
    columns = column_widths(lines)
    return revise(classify(lines, columns), columns)


def test_the_shipped_second_look_loads_and_has_the_last_word(monkeypatch):
    import digest.line_model as line_model

    assert line_model.shipped_neighbours() is not None
    lines = _read_with_second_look(monkeypatch, [0.0, 1.0, 0.0, 0.0, 0.0])  # every line a head
    assert lines[0].tag == "head"  # the first look alone calls it text


def test_a_line_believed_a_head_or_a_section_head_is_a_head_line_though_neither_alone_is_sure(monkeypatch):
    """The tagger may split its belief in a head line between head and section head ("安全事故
    暂停事故相": 0.48 and 0.46); what it is sure of is that the line is not text."""
    assert CLASSES == ("body", "head", "byline", "noise", "subhead")
    assert _read_with_second_look(monkeypatch, [0.1, 0.46, 0.0, 0.0, 0.44])[0].role == "head"
    # body 0.3, head 0.4, byline 0.3: not sure it is a head
    assert _read_with_second_look(monkeypatch, [0.3, 0.4, 0.3, 0.0, 0.0])[0].role == "body"


def test_a_line_is_measured_against_the_text_it_is_printed_with():
    """``width_below`` / ``width_above``: a head set right over its text at a width of its own
    stands out from the column under it; a paragraph's lines do not (0 where a blank line or
    the page's end comes first)."""
    at = {name: k for k, name in enumerate(FEATURE_NAMES)}
    text = ("证券交易保持严监管已成常态开年两周监管部门剑指异常交易\n进入今年，沪深交易所对证券交易保持严监\n"
            "管，两周内多起异常交易被采取自律监管措\n施，严重异常交易行为者被暂停账户交易。\n\n责任编辑：王芳\n")
    lines = split_lines(text)
    columns = column_widths(lines)
    classify(lines, columns)
    idx, rows = features(lines, columns)
    below = [rows[p][at["width_below"]] for p in range(len(idx))]
    above = [rows[p][at["width_above"]] for p in range(len(idx))]
    assert below[0] > 1.3 and 0.9 <= below[1] <= 1.1
    assert above[0] == 0.0 and below[3] == 0.0 and below[4] == 0.0 and above[4] == 0.0
