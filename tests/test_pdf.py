"""The PDF path: `digest run page.pdf` reads the e-paper page itself, geometry and all."""
from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from conftest import SAMPLES, shared
from pdfmaker import column, glyphs, make_pdf

MASTHEAD = (380, 20, 8, "2026年1月3日 星期六 要闻")
HEAD_A = (40, 60, 22, "新能源汽车产销两旺")
DECK_A = (40, 86, 14, "——全年产销量均超一千二百万辆")
BYLINE_A = (150, 106, 11, "本报记者 王明")
COL_1 = ["本报北京1月3日电 记者从工业和信", "息化部获悉，今年我国新能源汽车产", "销量继续保持增长，市场占有率稳步",
         "提升，全年产销分别完成一千二百万", "辆以上。"]
COL_2 = ["业内人士表示，充电基础设施不断完", "善，消费者购车意愿持续增强。下一", "步，有关部门将推动技术创新，提升",
         "产品质量，促进产业高质量发展。"]
HEAD_B = (40, 300, 22, "乡村振兴迈出新步伐")
COL_B = ["本报讯 今年以来，各地扎实推进乡村", "振兴，农村基础设施持续改善，农民", "收入稳步增长，乡村面貌焕然一新。"]


def _page(head_after_text: bool = False) -> list:
    """Two articles: A over two columns (head, deck and author line), B under it; A's head
    drawn first, or after its text."""
    text_a = column(40, 125, COL_1) + column(230, 125, COL_2)
    head_a = [HEAD_A, DECK_A, BYLINE_A]
    a = text_a + head_a if head_after_text else head_a + text_a
    return [MASTHEAD, *a, HEAD_B, *column(40, 340, COL_B)]


def _run(runner, app, *args):
    result = runner.invoke(app, ["run", *map(str, args), "-f", "json", "-k", "0", "-n", "1"])
    return result, json.loads(result.stdout) if result.stdout.strip() else None


@pytest.mark.parametrize("head_after_text", [False, True])
def test_a_pdf_page_gives_its_articles_in_reading_order(runner, app, tmp_path, head_after_text):
    pdf = tmp_path / "page.pdf"
    pdf.write_bytes(make_pdf([_page(head_after_text)]))
    result, digest = _run(runner, app, pdf)
    assert result.exit_code == 0, result.output
    (source,) = digest["sources"]
    assert source["source"] == str(pdf) and source["date"] == "2026-01-03"
    a, b = source["articles"]
    assert (a["title"], b["title"]) == ("新能源汽车产销两旺", "乡村振兴迈出新步伐")
    assert a["subtitle"] == DECK_A[3] and b["subtitle"] is None
    assert a["byline"].replace(" ", "") == "本报记者王明"
    text = "".join(a["paragraphs"]).replace(" ", "")
    assert text.index("本报北京") < text.index("辆以上。") < text.index("业内人士") < text.index("高质量发展。")
    assert "".join(b["paragraphs"]).replace(" ", "").endswith("焕然一新。")


def test_the_largest_head_is_the_title(runner, app, tmp_path):
    """A kicker set smaller over its title: type size says which is which, whatever the text says."""
    items = [(60, 40, 13, "聚焦全国两会"), (40, 60, 24, "代表委员共商发展大计"),
             *column(40, 100, ["本报北京3月5日电 全国人大代表和政协委", "员今天分组审议政府工作报告，围绕", "经济发展建言献策。"])]
    pdf = tmp_path / "kicker.pdf"
    pdf.write_bytes(make_pdf([items]))
    _, digest = _run(runner, app, pdf)
    (article,) = digest["sources"][0]["articles"]
    assert article["title"] == "代表委员共商发展大计"
    assert article["subtitle"] == "聚焦全国两会"


def test_a_vertical_head_right_of_its_text_is_read_first():
    from digest.model import Page
    from digest.pdf import lay_out
    from digest.pipeline import Options, digest_page

    items = [(330, 40, 20, "冬日暖阳", True), (305, 60, 11, "李华", True),
             *column(40, 40, ["一场大雪过后，城市的街道上行人渐多，环卫工人", "早早上岗清扫积雪，保障市民出行安全。"]),
             (40, 300, 22, "另一篇报道的标题"), *column(40, 340, ["这是另一篇报道的正文，讲的是别的", "事情。"])]
    text, geometry = lay_out(glyphs(items))
    first = digest_page(Page("v.pdf", text, "pdf", geometry), Options(keywords=0, sentences=1)).articles[0]
    assert (first.title, first.byline) == ("冬日暖阳", "李华")
    assert first.text.startswith("一场大雪过后")


def test_an_edition_gives_one_source_per_page(runner, app, tmp_path):
    pdf = tmp_path / "edition.pdf"
    pdf.write_bytes(make_pdf([_page(), [HEAD_B, *column(40, 340, COL_B)]]))
    result, digest = _run(runner, app, pdf)
    assert result.exit_code == 0
    assert [s["source"] for s in digest["sources"]] == [f"{pdf}#p1", f"{pdf}#p2"]


def test_a_directory_gives_its_pdfs_and_dumps(runner, app, tmp_path):
    (tmp_path / "a.pdf").write_bytes(make_pdf([_page()]))
    (tmp_path / "b.txt").write_text((SAMPLES / sorted(p.name for p in SAMPLES.glob("*.txt"))[0]).read_text("utf-8"),
                                    encoding="utf-8")
    result, digest = _run(runner, app, tmp_path)
    assert result.exit_code == 0
    assert [s["source"].rsplit("/", 1)[-1] for s in digest["sources"]] == ["a.pdf", "b.txt"]


@pytest.mark.parametrize("data, message", [
    (make_pdf([[]]), "no text layer"),
    (b"%PDF-1.4\nthis is not a PDF at all\n", "not a readable PDF"),
])
def test_a_pdf_without_text_is_one_line_and_the_others_still_come(runner, app, tmp_path, data, message):
    bad, good = tmp_path / "scan.pdf", tmp_path / "good.pdf"
    bad.write_bytes(data)
    good.write_bytes(make_pdf([_page()]))
    result = runner.invoke(app, ["run", str(bad), str(good), "-f", "json", "-k", "0"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == 1 and str(bad) in errors[0] and message in errors[0]
    assert "Traceback" not in result.output
    assert [s["source"] for s in json.loads(result.stdout)["sources"]] == [str(good)]


def test_inspect_shows_type_sizes(runner, app, tmp_path):
    pdf = tmp_path / "page.pdf"
    pdf.write_bytes(make_pdf([_page(head_after_text=True)]))
    result = runner.invoke(app, ["inspect", str(pdf)])
    assert result.exit_code == 0
    head = next(line for line in result.stdout.splitlines() if "新能源汽车产销两旺" in line)
    assert re.search(r"\b22\.0 headline\b", head)


def _kept(source: dict) -> Counter:
    out = [source["noise"]]
    for a in source["articles"]:
        out.append([a["title"] if not a["title_generated"] else "", a["subtitle"] or "", a["byline"] or "", *a["paragraphs"]])
    return Counter(ch for part in out for text in part for ch in text if not ch.isspace())


def test_a_head_drawn_twice_over_itself_is_one_title_and_its_copy_is_noise(runner, app, tmp_path):
    """Fake bold: the PDF draws the head a second time over the first (here exactly, and a
    third time 0.3 pt to the right). PDFium keeps one copy, pdftotext prints them all: the
    copies go to noise, so no character is lost against pdftotext."""
    items = [HEAD_A, HEAD_A, (HEAD_A[0] + 0.3, *HEAD_A[1:]), BYLINE_A, *column(40, 125, COL_1)]
    pdf = tmp_path / "bold.pdf"
    pdf.write_bytes(make_pdf([items]))
    _, digest = _run(runner, app, pdf)
    (source,) = digest["sources"]
    (article,) = source["articles"]
    assert article["title"] == HEAD_A[3]
    assert source["noise"].count(HEAD_A[3]) == 2


def test_the_shared_pdfs_print_their_titles_and_lose_nothing():
    """The twelve 人民日报 PDFs (../shared/pages): every printed head read off them
    (benchmarks/heldout.py) is an article's title, and every character PDFium reads from
    them is in an article or in noise."""
    import sys

    from digest.load import read_pages
    from digest.pipeline import Options, build_digest

    sys.path.insert(0, str(SAMPLES.parent / "benchmarks"))
    from heldout import ARTICLES

    pdfs = [str(shared("pages", f"rmrb-2018{day}-07.pdf")) for day in ARTICLES]
    digest = build_digest(pdfs, Options(keywords=0, sentences=1)).to_dict()
    found = 0
    for day, pdf, source in zip(ARTICLES, pdfs, digest["sources"]):
        titles = {re.sub(r"\s+", "", a["title"]) for a in source["articles"] if not a["title_generated"]}
        found += sum(title in titles for title, _, _ in ARTICLES[day])
        (page,) = read_pages(pdf)
        assert not Counter(ch for ch in page.text if not ch.isspace()) - _kept(source), pdf
        # nor one pdftotext prints (it prints both copies of what a page draws twice)
        dump = shared("pages", f"rmrb-2018{day}-07.txt").read_text(encoding="utf-8")
        assert not Counter(ch for ch in dump if not ch.isspace()) - _kept(source), pdf
    assert found >= 43  # of 44


def test_inspect_draws_the_article_boxes(runner, app, tmp_path):
    pdf, png = tmp_path / "page.pdf", tmp_path / "boxes.png"
    pdf.write_bytes(make_pdf([_page()]))
    result = runner.invoke(app, ["inspect", str(pdf), "--png", str(png)])
    assert result.exit_code == 0, result.output
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    assert int.from_bytes(data[16:20], "big") == 900 and int.from_bytes(data[20:24], "big") == 1200  # 600x800 pt at 1.5
    import zlib

    raw = zlib.decompress(data[data.index(b"IDAT") + 4:])
    assert bytes((214, 39, 40)) in raw  # the first article's colour is drawn


def test_inspect_png_needs_a_pdf(runner, app, tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("标题\n\n正文一句话，说了一件事。\n", encoding="utf-8")
    result = runner.invoke(app, ["inspect", str(page), "--png", str(tmp_path / "x.png")])
    assert result.exit_code == 2 and "needs a PDF" in result.stderr


def test_any_layout_of_glyphs_is_read_whole():
    """Glyphs anywhere, at any size, in any drawing order: reading never crashes and every
    character comes out once (the reading order is the only thing layout decides)."""
    from collections import Counter

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from digest.pdf import Glyph, lay_out

    glyph = st.builds(
        lambda ch, x, y, size: Glyph(ch, x, y, x + size, y + size, size, "F"),
        st.sampled_from(list("新能源汽车产销两旺，。“”（）2025ab")),
        st.floats(0, 600, allow_nan=False), st.floats(0, 800, allow_nan=False),
        st.sampled_from([6.0, 8.3, 9.7, 12.9, 16.6, 33.1]),
    )

    @settings(max_examples=150, deadline=None)
    @given(st.lists(glyph, max_size=120))
    def check(glyphs):
        text, geometry = lay_out(glyphs)
        assert len(geometry) == len(text.split("\n")) - 1
        assert Counter(ch for ch in text if not ch.isspace()) == Counter(g.ch for g in glyphs)

    check()


def test_damaged_pdfs_are_one_line_each_never_a_traceback(runner, app, tmp_path):
    """Bytes that start like a PDF and then are anything: one line naming the file, the good
    page still digested."""
    import random

    good = tmp_path / "good.pdf"
    good.write_bytes(make_pdf([_page()]))
    whole = good.read_bytes()
    rng = random.Random(5)
    for k in range(12):
        damaged = bytearray(whole[: rng.randrange(20, len(whole))])
        for _ in range(rng.randrange(0, 40)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        bad = tmp_path / f"bad{k}.pdf"
        bad.write_bytes(bytes(damaged))
        result = runner.invoke(app, ["run", str(bad), str(good), "-f", "json", "-k", "0"])
        assert result.exit_code in (0, 1) and "Traceback" not in result.output
        sources = [s["source"] for s in json.loads(result.stdout)["sources"]]
        assert str(good) in sources
        assert result.exit_code == 0 or str(bad) in result.stderr


def test_a_lines_font_is_the_same_in_every_run():
    """A line set in two fonts, as many characters each ("从理论层面看。" in kaiti, "我们党不断推进"
    in song): its font is the first drawn of the most used, whatever the process's string hash
    seed (it was read off a set: two runs could head a box differently)."""
    import subprocess
    import sys

    code = ("from digest.pdf import Glyph, _line_box;"
            "run = [Glyph(ch, 10 * k, 0, 10 * k + 9, 9, 9, 'FZKTK' if k < 3 else 'FZBSK') for k, ch in enumerate('从理论我们党')];"
            "print(_line_box(run, False).font)")
    fonts = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            env={**__import__("os").environ, "PYTHONHASHSEED": str(seed)}).stdout.strip()
             for seed in range(6)}
    assert fonts == {"FZKTK"}


def test_a_row_of_heads_each_over_its_own_column_heads_its_own_text():
    """Three one-column stories side by side, their heads level in a row: the clear band
    under the row is wider than the gaps between the columns, yet each head goes with the
    text under it, not all three heads before all three texts."""
    from digest.model import Page
    from digest.pdf import lay_out
    from digest.pipeline import Options, digest_page

    stories = [("港口货运量增长", ["今年以来，全省港口完成货物吞吐量同比", "增长百分之六，集装箱航线持续加密，外",
                                  "贸运输保持活跃态势。港口集团表示，将", "继续推进码头自动化改造，提高装卸效率，",
                                  "降低船舶在港停留时间。"]),
               ("绿道串联公园", ["市区新建绿道三十公里，把沿河的十几座", "公园连成一线，市民周末骑行散步有了新",
                               "去处。园林部门介绍，绿道沿线种植了上", "万株乔木和灌木，设置了休息驿站和自行",
                               "车停放点。"]),
               ("夜间经济升温", ["老街区推出夜间市集和文艺演出，吸引大", "批游客前来消费，周边商户的营业额明显",
                               "上升。商务部门表示，将延长重点商圈营", "业时间，完善夜间公交线路，让游客来得",
                               "了、留得住。"])]
    items = [(40, 20, 8, "2026年1月3日 星期六 要闻")]
    for k, (head, lines) in enumerate(stories):
        x = 40 + k * 195
        items += [(x, 40, 22, head), *column(x, 84, lines)]
    text, geometry = lay_out(glyphs(items))
    src = digest_page(Page("row.pdf", text, "pdf", geometry), Options(keywords=0, sentences=1))
    assert [(a.title, a.text[:6]) for a in src.articles] == [(head, lines[0][:6]) for head, lines in stories]


def test_a_head_over_columns_is_read_with_its_text_not_after_the_story_beside_it():
    """Two stories stacked over two columns, a third in a column beside them: the band under
    the lower head (its text right under it) is no gap between stories, and is wider than the
    gap to the column beside; the stories are cut apart first, so the head keeps its text."""
    from digest.model import Page
    from digest.pdf import lay_out
    from digest.pipeline import Options, digest_page

    col_a = ["今年以来，全省港口完成货物吞吐", "量同比增长百分之六，集装箱航线", "持续加密，外贸运输保持活跃。"]
    col_a2 = ["港口集团表示，将继续推进码头自", "动化改造，提高装卸效率，降低船", "舶在港停留的时间。"]
    col_b = ["市区新建绿道三十公里，把沿河的", "十几座公园连成一线，市民周末骑", "行散步有了新的去处。"]
    col_b2 = ["园林部门介绍，绿道沿线种植了上", "万株乔木和灌木，设置了休息驿站", "和自行车停放点。"]
    col_c = ["老街区推出夜间市", "集和文艺演出，吸", "引大批游客前来消", "费，周边商户的营", "业额明显上升。商",
             "务部门表示，将延", "长重点商圈的营业", "时间。"]
    items = [(40, 20, 8, "2026年1月3日 星期六 要闻"),
             (40, 40, 22, "港口货运量增长外贸运输活跃"), *column(40, 84, col_a), *column(215, 84, col_a2),
             (40, 160, 22, "绿道串联沿河公园市民有新去处"), *column(40, 204, col_b), *column(215, 204, col_b2),
             (380, 40, 16, "夜间经济升温"), *column(380, 66, col_c)]
    text, geometry = lay_out(glyphs(items))
    src = digest_page(Page("stack.pdf", text, "pdf", geometry), Options(keywords=0, sentences=1))
    assert [(a.title, a.text[:6]) for a in src.articles] == [
        ("港口货运量增长外贸运输活跃", "今年以来，全"), ("绿道串联沿河公园市民有新去处", "市区新建绿道"), ("夜间经济升温", "老街区推出夜")]


def test_an_l_shaped_story_is_read_whole_its_head_holding_its_columns():
    """A head over three columns, its text short in the first two (a second story set under
    them) and running on down the third: no straight cut parts the two stories, and a cut
    under the head would read the story set under the short columns before the third column.
    The head holds the columns right under it: the first story is read whole, then the second."""
    from digest.model import Page
    from digest.pdf import lay_out
    from digest.pipeline import Options, digest_page

    col_1 = ["今年以来，全省港口完成货物吞", "吐量同比增长百分之六，集装箱", "航线持续加密，外贸运输活跃。"]
    col_2 = ["港口集团表示，将继续推进码头", "自动化改造，提高装卸的效率，", "降低船舶在港停留的时间，并"]
    col_3 = ["加快建设多式联运中心，打通铁", "路进港的最后一公里。物流企业", "反映，货物从工厂到船边的时间", "缩短了一半，运输成本明显下降。",
             "业内人士认为，港口的数字化改", "造将带动周边产业升级，吸引更", "多航运企业在此设立区域总部，", "进一步提升港口的综合竞争力。",
             "下一步，港口还将开辟新的远洋", "航线，服务内陆地区的货物出海。"]
    col_b1 = ["市区新建绿道三十公里，把沿河", "的十几座公园连成一线，市民周", "末骑行散步有了新的去处。"]
    col_b2 = ["园林部门介绍，绿道沿线种植了", "上万株乔木和灌木，设置了休息", "驿站和自行车的停放点。"]
    items = [(40, 20, 8, "2026年1月3日 星期六 要闻"),
             (40, 40, 24, "港口货运量增长外贸运输保持活跃"),
             *column(40, 84, col_1), *column(200, 84, col_2), *column(360, 84, col_3),
             (40, 150, 18, "绿道串联沿河公园"), *column(40, 184, col_b1), *column(200, 184, col_b2)]
    text, geometry = lay_out(glyphs(items))
    src = digest_page(Page("ell.pdf", text, "pdf", geometry), Options(keywords=0, sentences=1))
    assert [(a.title, a.text[:6], a.text[-6:]) for a in src.articles] == [
        ("港口货运量增长外贸运输保持活跃", "今年以来，全", "的货物出海。"), ("绿道串联沿河公园", "市区新建绿道", "车的停放点。")]


def test_a_story_head_set_as_small_as_a_section_head_still_opens_its_story():
    """A one-column story under another story's text, its head set no larger than a section
    head: type size alone says section, but its text is plainly about something else, so it
    is a story of its own (not a section of the story above)."""
    from digest.model import Page
    from digest.pdf import lay_out
    from digest.pipeline import Options, digest_page

    col_a = ["今年以来，全省港口完成货物吞吐", "量同比增长百分之六，集装箱航线", "持续加密，外贸运输保持活跃态势。",
             "港口集团表示，将继续推进码头自", "动化改造，提高装卸效率，降低船", "舶在港停留的时间。"]
    col_b = ["市区新建绿道三十公里，把沿河的", "十几座公园连成一线，市民周末骑", "行散步有了新的去处。园林部门介",
             "绍，绿道沿线种植了上万株乔木和", "灌木，设置了休息驿站和自行车停", "放点。"]
    items = [(40, 20, 8, "2026年1月3日 星期六 要闻"), (40, 40, 24, "港口货运量增长"), *column(40, 80, col_a),
             (40, 175, 14, "绿道串联沿河公园"), *column(40, 200, col_b)]
    text, geometry = lay_out(glyphs(items))
    src = digest_page(Page("small.pdf", text, "pdf", geometry), Options(keywords=0, sentences=1))
    assert [(a.title, a.text[:6]) for a in src.articles] == [("港口货运量增长", "今年以来，全"), ("绿道串联沿河公园", "市区新建绿道")]


def test_a_centred_head_heads_every_column_level_under_it():
    """A head centred over a story's four columns spans only the middle two: the outer two
    start level with them with nothing over them, so they are the story's too, and the
    story reads from its first column, under its head."""
    from digest.model import Page
    from digest.pdf import lay_out
    from digest.pipeline import Options, digest_page

    cols = [["今年以来，全省港口完成货物吞", "吐量同比增长百分之六，集装箱", "航线持续加密，外贸运输活跃。"],
            ["港口集团表示，将继续推进码头", "自动化改造，提高装卸的效率，", "降低船舶在港停留的时间，并"],
            ["加快建设多式联运中心，打通铁", "路进港的最后一公里。物流企业", "反映，运输成本明显下降。"],
            ["业内人士认为，港口的数字化改", "造将带动周边产业升级，吸引更", "多航运企业设立区域总部。"]]
    items = [(40, 20, 8, "2026年1月3日 星期六 要闻"), (240, 40, 24, "港口货运量增长"),
             *[line for k, col in enumerate(cols) for line in column(40 + 160 * k, 84, col)],
             (40, 150, 18, "绿道串联沿河公园"),
             *column(40, 184, ["市区新建绿道三十公里，把沿河", "的十几座公园连成一线，市民周", "末骑行散步有了新的去处。园林",
                               "部门介绍，绿道沿线种植了上万", "株乔木和灌木，设置了驿站。"])]
    text, geometry = lay_out(glyphs(items))
    src = digest_page(Page("centred.pdf", text, "pdf", geometry), Options(keywords=0, sentences=1))
    assert [(a.title, a.text[:6], a.text[-6:]) for a in src.articles] == [
        ("港口货运量增长", "今年以来，全", "立区域总部。"), ("绿道串联沿河公园", "市区新建绿道", "设置了驿站。")]


def test_a_cut_between_columns_does_not_part_a_centred_heads_story():
    """Columns set far apart (the widest band on the page is between two of them) under a head
    centred over the middle ones: a straight cut there would read the first column before its
    head; the story is read whole, from its first column, under its head."""
    from digest.model import Page
    from digest.pdf import lay_out
    from digest.pipeline import Options, digest_page

    cols = [["今年以来，全省港口完成货物吞", "吐量同比增长百分之六，集装箱", "航线持续加密，外贸运输活跃。"],
            ["港口集团表示，将继续推进码头", "自动化改造，提高装卸的效率，", "降低船舶在港停留的时间，并"],
            ["加快建设多式联运中心，打通铁", "路进港的最后一公里。物流企业", "反映，运输成本明显下降。"],
            ["业内人士认为，港口的数字化改", "造将带动周边产业升级，吸引更", "多航运企业设立区域总部。"]]
    items = [(40, 20, 8, "2026年1月3日 星期六 要闻"), (250, 40, 24, "港口货运量增长外贸活跃"),
             *[line for k, col in enumerate(cols) for line in column(40 + 170 * k, 84, col)]]
    text, geometry = lay_out(glyphs(items))
    src = digest_page(Page("apart.pdf", text, "pdf", geometry), Options(keywords=0, sentences=1))
    assert [(a.title, a.text[:6], a.text[-6:]) for a in src.articles] == [("港口货运量增长外贸活跃", "今年以来，全", "立区域总部。")]


@pytest.mark.parametrize("head_x, byline", [(247, (60, 66, 12, "本报记者 王明")), (175, None)],
                         ids=["author-line-over-first-column", "head-reaching-over-first-column"])
def test_a_centred_heads_story_takes_its_author_line_and_the_column_its_head_reaches_over(head_x, byline):
    """A head centred over four columns, spanning the middle two: the first column is the
    story's although its author line stands over it (the story's, not another story's), or
    the head's first character reaches a hair over it (the head is no other story's text)."""
    from digest.model import Page
    from digest.pdf import lay_out
    from digest.pipeline import Options, digest_page

    cols = [["今年以来，全省港口完成货物吞", "吐量同比增长百分之六，集装箱", "航线持续加密，外贸运输活跃。"],
            ["港口集团表示，将继续推进码头", "自动化改造，提高装卸的效率，", "降低船舶在港停留的时间，并"],
            ["加快建设多式联运中心，打通铁", "路进港的最后一公里。物流企业", "反映，运输成本明显下降。"],
            ["业内人士认为，港口的数字化改", "造将带动周边产业升级，吸引更", "多航运企业设立区域总部。"]]
    items = [(40, 20, 8, "2026年1月3日 星期六 要闻"), (head_x, 40, 24, "港口货运量增长外贸活跃"),
             *([byline] if byline else []),
             *[line for k, col in enumerate(cols) for line in column(40 + 160 * k, 84, col)],
             (40, 150, 18, "绿道串联沿河公园"),
             *column(40, 184, ["市区新建绿道三十公里，把沿河", "的十几座公园连成一线，市民周", "末骑行散步有了新的去处。园林",
                               "部门介绍，绿道沿线种植了上万", "株乔木和灌木，设置了驿站。"])]
    text, geometry = lay_out(glyphs(items))
    if byline:  # read under the head, before the column it stands over
        assert text.index("港口货运量") < text.index("本报记者") < text.index("今年以来")
    src = digest_page(Page("centred.pdf", text, "pdf", geometry), Options(keywords=0, sentences=1))
    assert [(a.title, a.byline, a.text[:6], a.text[-6:]) for a in src.articles] == [
        ("港口货运量增长外贸活跃", byline and byline[3], "今年以来，全", "立区域总部。"),
        ("绿道串联沿河公园", None, "市区新建绿道", "设置了驿站。")]


def test_a_head_centred_over_one_column_heads_the_column_whose_text_runs_on_into_it():
    """A story in three columns, its head centred over the middle one only: the first column
    opens a paragraph (indented) and its last line is full, the middle one opens with no
    indent, its text going on from there: the story is read from its first column, under its
    head, not with the first column read before the head as another story's end."""
    from digest.model import Page
    from digest.pdf import lay_out
    from digest.pipeline import Options, digest_page

    col_1 = ["今年以来，全省港口完成货物", "吞吐量同比增长百分之六，集装箱", "航线持续加密，外贸运输保持活跃，"]
    col_2 = ["港口集团表示，将继续推进码头", "自动化改造，提高装卸的效率，", "降低船舶在港停留的时间，并"]
    col_3 = ["加快建设多式联运中心，打通铁", "路进港的最后一公里。物流企业", "反映，运输成本明显下降。"]
    items = [(40, 20, 8, "2026年1月3日 星期六 要闻"), (212, 54, 24, "港口货运忙"),
             (60, 84, 10, col_1[0]), *column(40, 98, col_1[1:]), *column(200, 84, col_2), *column(360, 84, col_3),
             (40, 150, 18, "绿道串联沿河公园"),
             *column(40, 184, ["市区新建绿道三十公里，把沿河", "的十几座公园连成一线，市民周", "末骑行散步有了新的去处。园林",
                               "部门介绍，绿道沿线种植了上万", "株乔木和灌木，设置了驿站。"])]
    text, geometry = lay_out(glyphs(items))
    src = digest_page(Page("runon.pdf", text, "pdf", geometry), Options(keywords=0, sentences=1))
    assert [a.title for a in src.articles] == ["港口货运忙", "绿道串联沿河公园"]
    assert "".join(src.articles[0].paragraphs) == "".join(col_1 + col_2 + col_3)


def test_a_series_banner_set_larger_than_the_head_is_not_the_title():
    """A banner ("奋进新征程 建功新时代") set over a story's head, larger than it: type size
    alone says title, but it shares not a word with the story; its head shares a few (a
    head written, not copied from the text: less than a fifth of its character pairs)."""
    from digest.model import Page
    from digest.pdf import lay_out
    from digest.pipeline import Options, digest_page

    cols = [["今年以来，全省港口完成货物吞", "吐量同比增长百分之六，集装箱", "航线持续加密，外贸运输活跃。"],
            ["港口集团表示，将继续推进码头", "自动化改造，提高装卸的效率，", "降低船舶在港停留的时间。"]]
    items = [(40, 20, 8, "2026年1月3日 星期六 要闻"), (40, 40, 28, "奋进新征程 建功新时代"),
             (40, 84, 20, "机构看好港口板块维持买入评级"),
             *[line for k, col in enumerate(cols) for line in column(40 + 160 * k, 116, col)]]
    text, geometry = lay_out(glyphs(items))
    src = digest_page(Page("banner.pdf", text, "pdf", geometry), Options(keywords=0, sentences=1))
    assert [a.title for a in src.articles] == ["机构看好港口板块维持买入评级"]


def test_an_author_line_over_a_column_on_the_right_opens_the_next_story():
    """Two stories side by side, their columns level: the second's author line stands over
    its first column, its head centred over its second. The first story's head, looking for
    level columns beside its own, stops there: that column opens the next story."""
    from digest.model import Page
    from digest.pdf import lay_out
    from digest.pipeline import Options, digest_page

    a = [["今年以来，全省港口完成货物吞", "吐量同比增长百分之六，集装箱", "航线持续加密，外贸运输活跃。"],
         ["港口集团表示，将继续推进码头", "自动化改造，提高装卸的效率，", "降低船舶在港停留的时间。"]]
    b = [["市区新建绿道三十公里，把沿河", "的十几座公园连成一线，市民周", "末骑行散步有了新的去处，园林"],
         ["部门介绍，绿道沿线种植了上万", "株乔木和灌木，设置了休息驿站", "和自行车的停放点。"]]
    items = [(40, 20, 8, "2026年1月3日 星期六 要闻"), (40, 40, 24, "港口货运量增长"),
             *column(40, 84, a[0]), *column(200, 84, a[1]),
             (520, 40, 24, "绿道串联公园"), (380, 66, 12, "本报记者 李华"),
             *column(360, 84, b[0]), *column(520, 84, b[1])]
    text, geometry = lay_out(glyphs(items))
    src = digest_page(Page("beside.pdf", text, "pdf", geometry), Options(keywords=0, sentences=1))
    assert [(a.title, a.byline) for a in src.articles] == [("港口货运量增长", None), ("绿道串联公园", "本报记者 李华")]
    assert ["".join(a.paragraphs) for a in src.articles] == ["".join(a[0] + a[1]), "".join(b[0] + b[1])]


def test_a_hyphen_that_ends_a_line_is_kept():
    """PDFium reports a hyphen drawn at a line's end as U+FFFE (its soft-hyphen mark); it was
    skipped with the other marks, so "3万-4万" read "3万4万" (a generated page, stop 36)."""
    from digest.pdf import read_pdf

    items = [(40, 40, 22, "船舶租金上涨"),
             *column(40, 80, ["长租三年以上，报价3万-", "4万美元一天，一年租金", "超过一千万美元。"])]
    (page,) = read_pdf(make_pdf([items]), "hyphen.pdf")
    assert "报价3万-4万" in page.text.replace("\n", "")


def test_an_author_line_over_the_heads_columns_and_the_one_left_of_them_is_read_once():
    """A head over the second and third columns, its author line under it reaching over the
    first column too: the line is the band under the head and the author line over the
    column left of it, and was read twice (the PDF-drawn pages printed "周 江 张济坤" twice)."""
    from digest.pdf import lay_out

    cols = [["我国是海洋大国，海岸线漫长，管", "辖海域广袤，海洋资源丰富。维护", "国家海权、发展海洋事业，是建设"],
            ["海洋强国的题中应有之义。党的十", "九大报告提出坚持陆海统筹，加快", "建设海洋强国。这为我国海权维护"],
            ["指明了方向。完善海洋法律体系，", "要制定海洋基本法，明确规定我国", "海权的基本内涵和保障手段等内容。"]]
    items = [(40, 20, 8, "2026年1月3日 星期六 理论"), (230, 40, 30, "建设海洋强国需完善"),
             (160, 84, 12, "周 江 张济坤"),
             *[line for k, col in enumerate(cols) for line in column(20 + 170 * k, 110, col)]]
    text, _ = lay_out(glyphs(items))
    assert text.count("张济坤") == 1
    assert Counter(ch for ch in text if not ch.isspace()) == Counter(ch for item in items for ch in item[3] if not ch.isspace())


def test_a_name_beside_two_vertical_heads_is_read_once():
    """Two stories with vertical heads one over the other, the lower one's author name level
    with the foot of the upper head too: the name is read once, with the head it stands
    beside nearest (it went with both, and was printed twice)."""
    from digest.pdf import lay_out

    items = [(40, 20, 8, "2026年1月3日 星期六 要闻"),
             (330, 40, 20, "冬日暖阳照古城", True), (305, 60, 11, "王明", True),
             *column(40, 40, ["一场大雪过后，城市的街道上行人渐多，环卫工人", "早早上岗清扫积雪，保障市民出行安全。",
                              "古城墙上游人如织，拍照留念。"]),
             (330, 170, 20, "春运首日客流平稳", True), (305, 178, 11, "李华", True),
             *column(40, 200, ["春运首日，全市各车站客流平稳有序，铁路部门", "增开列车，方便旅客出行。"])]
    text, _ = lay_out(glyphs(items))
    assert text.count("李华") == 1 and text.count("王明") == 1
    assert Counter(ch for ch in text if not ch.isspace()) == Counter(ch for item in items for ch in item[3] if not ch.isspace())


def test_heads_side_by_side_keep_their_text_three_body_sizes_under_them():
    """Two stories side by side, their heads level, their text starting 2.8 body sizes under
    the heads (the real pages set text or an author line up to 3.0 under a head: 颜晓峰
    under 0104's head), a story under both: the band under the heads parts each head from
    its own text, not two stories, so each head is read with its columns (at 2.5 body sizes
    the heads were read first, both over the first story's text)."""
    from digest.model import Page
    from digest.pdf import lay_out
    from digest.pipeline import Options, digest_page

    items = [(40, 20, 8, "2026年1月3日 星期六 要闻"),
             (40, 40, 22, "港口货运量增长外贸活跃"), (350, 40, 22, "绿道串联沿河公园"),
             *column(40, 90, ["今年以来，全省港口完成货物吞", "吐量同比增长百分之六，集装箱", "航线持续加密，外贸运输活跃。"]),
             *column(190, 90, ["港口集团表示，将继续推进码头", "自动化改造，提高装卸的效率。"]),
             *column(350, 90, ["市区新建绿道三十公里，把沿河", "的十几座公园连成一线，市民周", "末骑行散步有了新的去处。"]),
             *column(500, 90, ["园林部门介绍，绿道沿线种植了", "上万株乔木，设置了驿站。"]),
             (40, 160, 22, "春运首日客流平稳有序"),
             *column(40, 200, ["春运首日，全市各车站客流平稳有序，铁路部门", "增开列车，方便旅客出行。"]),
             *column(370, 200, ["民航部门也增加了航班，机场运行平稳，旅客", "出行顺畅，服务保障到位。"])]
    text, geometry = lay_out(glyphs(items))
    src = digest_page(Page("row.pdf", text, "pdf", geometry), Options(keywords=0, sentences=1))
    assert [(a.title, a.text[:6]) for a in src.articles] == [
        ("港口货运量增长外贸活跃", "今年以来，全"), ("绿道串联沿河公园", "市区新建绿道"), ("春运首日客流平稳有序", "春运首日，全")]
