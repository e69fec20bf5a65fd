import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.text import display_width, repair_spacing, split_sentences


@pytest.mark.parametrize(
    "text, expected",
    [
        ("他说：“我们将合力破解难题；共同推动。”这四个要素相互作用。",
         ["他说：“我们将合力破解难题；共同推动。”", "这四个要素相互作用。"]),
        ("增长3.10%。下降2.5%！", ["增长3.10%。", "下降2.5%！"]),
        ("第一句；第二句。", ["第一句；", "第二句。"]),
        ("真的吗？！是的……好", ["真的吗？！", "是的……", "好"]),
        ("没有结尾标点的文字", ["没有结尾标点的文字"]),
        ("前文。没有结尾标点", ["前文。", "没有结尾标点"]),
        ("他用了DAMO GRAPE模型。效果好。", ["他用了DAMO GRAPE模型。", "效果好。"]),
        ("括号里（注：见上。）继续。", ["括号里（注：见上。）", "继续。"]),
        ("第一段。\n第二段", ["第一段。", "第二段"]),
        ("", []),
    ],
)
def test_split_sentences(text, expected):
    assert split_sentences(text) == expected


def test_split_loses_nothing():
    text = "“政府负责当好‘园丁’，提供阳光雨露；市场是土壤。”这四个要素相互作用，才“爆”出了“新物种”。尾巴"
    assert "".join(split_sentences(text)) == text


def test_attribution_stays_with_its_quote():
    assert split_sentences("“我们很期待联合实验室。”何永富说。下一句。") == ["“我们很期待联合实验室。”何永富说。", "下一句。"]
    # a full sentence after a quote is its own sentence
    assert len(split_sentences("“我们很期待。”他认为这项成果将在胶粘剂开发过程中进行产业化。")) == 2


def test_quote_closes_with_its_sentence():
    # sumy moves the closing quote to the next sentence; we must not
    sents = split_sentences("“我们很期待。”这项成果将在胶粘剂开发中进行产业化。")
    assert sents[0] == "“我们很期待。”"


@pytest.mark.parametrize(
    "raw, fixed",
    [
        ("日前， 长三角 G60 科创走廊科技", "日前，长三角G60科创走廊科技"),
        ("三 省 人 才 落 户", "三省人才落户"),
        ("共有 90余家单位", "共有90余家单位"),
        ("DAMO GRAPE 模型", "DAMO GRAPE模型"),
        ("Sci-Tech & Finance Times", "Sci-Tech & Finance Times"),
        ("推动 ，旨在", "推动，旨在"),
    ],
)
def test_repair_spacing(raw, fixed):
    assert repair_spacing(raw) == fixed


def test_display_width_counts_cjk_quotes_full():
    assert display_width("“AI”") == 3.0


def test_normalize_removes_exactly_control_and_format_characters():
    import sys
    import unicodedata

    from digest.text import normalize

    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    kept = set(normalize(unicodedata.normalize("NFC", every)))
    for ch in every:
        if unicodedata.category(ch) in ("Cc", "Cf") and ch not in "\n\t\r":
            assert ch not in kept, hex(ord(ch))


def test_jiebas_dictionary_cache_is_read_whole_and_a_broken_one_left_to_jieba(tmp_path):
    """jieba's cache of its default dictionary, read in one piece (jieba's own marshal.load on
    the file takes three times as long); a cache that does not load is left to jieba."""
    import marshal

    from digest.nlp import _read_cached_dictionary, jieba

    jieba_module = jieba()  # imported quietly (jieba imports the deprecated pkg_resources)
    freq, total = jieba_module.dt.FREQ, jieba_module.dt.total
    (tmp_path / "jieba.cache").write_bytes(marshal.dumps((freq, total)))
    fresh = jieba_module.Tokenizer()
    fresh.tmp_dir = str(tmp_path)
    _read_cached_dictionary(fresh)
    assert fresh.initialized and fresh.total == total and fresh.FREQ == freq
    assert fresh.lcut("我们在杭州召开科技大会") == jieba().lcut("我们在杭州召开科技大会")
    (tmp_path / "jieba.cache").write_bytes(b"\x00 not marshal")
    broken = jieba_module.Tokenizer()
    broken.tmp_dir = str(tmp_path)
    _read_cached_dictionary(broken)
    assert not broken.initialized and broken.FREQ == {}


def test_cohesion_is_high_where_a_word_runs_across_a_break_and_nil_between_words():
    from digest.nlp import RUNS_ON, cohesion

    assert cohesion("组织生活松松垮", "垮，人心涣散") > 3 * RUNS_ON
    assert cohesion("品牌建设滞后。具体说", "来，产业发展") > RUNS_ON
    assert cohesion("品牌建设滞后。具体说", "垮，人心涣散") == 0.0
    assert cohesion("坚定不移地坚持中国", "特色社会主义道路") == 0.0  # a break between words


_WORDY = st.sampled_from(list("松垮具体说来经济中国特色社会主义发展建设党员人民创造价值，。"))


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDY, min_size=1, max_size=6).map("".join), st.lists(_WORDY, min_size=1, max_size=6).map("".join))
def test_cohesion_skips_the_dictionary_cut_only_where_no_word_could_run_across(left, right):
    """The look-up of a word across the break is a shortcut, never a different answer."""
    from digest import nlp

    a, b = left[-4:], right[:4]
    assert nlp.cohesion(left, right) == pytest.approx(nlp._best_cut(a + b) - nlp._best_cut(a) - nlp._best_cut(b))
