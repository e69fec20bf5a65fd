"""Approximate segmentation figures on the 人民日报 pages of ../shared/pages, as four
extractors dump them.

    python benchmarks/heldout.py [--show] [--extractor NAME ...]

The real gold for these pages is not shared. This builds a stand-in from the PDFs
beside the dumps: each article is the body text (type under 13.5 pt, without the 9.7 pt
author lines and the "（作者…）" notes) whose lines fall inside the article's region,
drawn by hand from the page images below, read column by column; its title is the
printed head, its byline the 9.7 pt names in the region. The body order is only
approximate, so the figures are a guide (about ±0.05), not the judged score; they are
computed by the project's scorer (../shared/tools/segscore.py) exactly as for the seeds.
The pages are scored as pdftotext prints them (the shared dumps) and as ``pdftotext -raw``,
PyMuPDF ``get_text()`` and pdfminer.six ``extract_text()`` print them (dumped once into
.cache/heldout; an extractor that is not installed is skipped with a note). The shipped
line tagger learned from these pages: ``train_lines.py --cv`` gives the figures of taggers
that did not.

Needs PyMuPDF (``pip install pymupdf``; AGPL, a development tool only, never a
dependency of the package) and ../shared; exits 0 with a note when either is absent.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DIGEST_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from segbench import load_scorer, print_figures  # noqa: E402

# page -> [(title, subtitle, [[x0, y0, x1, y1], ...])] in PDF points (page 1017 x 1438)
ARTICLES = {
    "0102": [("新时代：发展新方位奋进新目标", None, [[0, 60, 760, 1025]]),
             ("意气风发走进新时代", None, [[755, 395, 1010, 1430]]),
             ("深刻理解新时代划时代意义", "让中国特色社会主义展现出更加强大生命力", [[0, 1030, 755, 1430]])],
    "0103": [("新使命：中国共产党的历史担当", None, [[0, 60, 755, 830]]),
             ("历史永远眷顾奋进者", None, [[755, 150, 1010, 1040]]),
             ("履行历史使命：伟大工程起决定性作用", "使党永葆旺盛生命力和强大战斗力", [[0, 1040, 755, 1430]])],
    "0104": [("我国社会主要矛盾变化的重大意义", None, [[0, 60, 755, 1065]]),
             ("准确把握社会主要矛盾的变化", None, [[755, 60, 1010, 1060]]),
             ("社会主要矛盾新变化与民族复兴新境界", None, [[0, 1065, 760, 1430], [760, 1060, 1010, 1125]])],
    "0105": [("新征程：明确新目标谱写新篇章", None, [[0, 60, 740, 780]]),
             ("把握中国现代化的历史方位", None, [[740, 150, 1010, 1430]]),
             ("走好新时代的长征路", None, [[0, 1020, 740, 1430]])],
    "0108": [("优先发展教育事业", None, [[0, 60, 680, 965]]),
             ("全面推进创新创业教育", None, [[680, 60, 1010, 820]]),
             ("党建工作应与中心工作有机结合", "实现从配合到融合的转变", [[680, 820, 1010, 1430]]),
             ("在理性辨析中树立正确历史观", "历史观争论属于意识形态领域斗争", [[0, 990, 680, 1430]])],
    "0110": [("“一国两制”是保持香港、澳门长期繁荣稳定的最佳制度", None, [[0, 60, 755, 995]]),
             ("法治与德治何以相得益彰", None, [[755, 60, 1010, 1100]]),
             ("建设海洋强国需完善海洋法律体系", "为维护海权提供有力法律支撑", [[0, 1060, 755, 1430]]),
             ("一带一路为跨文化传播提供新空间", "——“第九届跨文化传播国际学术会议”述要", [[755, 1110, 1010, 1430]])],
    "0111": [("着力解决突出环境问题", None, [[0, 60, 680, 980]]),
             ("准确理解﹃不平衡不充分的发展﹄", None, [[680, 60, 1010, 860]]),
             ("推进绿色发展的三大抓手", "绿色规划 / 绿色产业 / 绿色消费", [[680, 860, 1010, 1430]]),
             ("加深对绿色发展的理解", "树立自然价值和自然资本的理念", [[0, 1000, 680, 1430]])],
    "0117": [("关于我国经济高质量发展的几点认识", None, [[0, 0, 1010, 785]]),
             ("大就要有大的样子", None, [[0, 790, 330, 1430]]),
             ("加快制造业服务化转型", "适应融合趋势 / 增强竞争优势", [[330, 790, 1010, 1235]]),
             ("深化对中国特色社会主义政治经济学的研究", "——《中国特色社会主义政治经济学通论》简评",
              [[330, 1240, 1010, 1430]])],
    "0118": [("实现中华民族伟大复兴的必由之路",
              "——学习《习近平谈治国理政》第二卷关于坚持和发展中国特色社会主义的重要论述", [[0, 60, 690, 930]]),
             ("中国思想理论进入世界的鲜亮标志", None, [[690, 60, 1010, 1090]]),
             ("走出对我国社会主要矛盾认识的误区", "把握好“变”与“不变”的关系", [[0, 960, 690, 1430]]),
             ("打赢脱贫攻坚战的有益参考", "——《摆脱贫困与全面小康》简评", [[690, 1090, 1010, 1430]])],
    "0124": [("在实现高质量发展上取得新进展", None, [[0, 60, 680, 955]]),
             ("幸福都是奋斗出来的", None, [[680, 60, 1010, 770]]),
             ("智慧社会为社会信息化指明方向", "对智慧城市的新拓展", [[680, 770, 1010, 1430]]),
             ("积极解决金融发展不平衡不充分问题", "努力满足人民对高质量金融服务的需要", [[0, 985, 680, 1430]])],
    "0126": [("以供给侧结构性改革为主线建设现代化经济体系", None, [[0, 60, 690, 945]]),
             ("紧紧抓住完善产权制度这个重点", None, [[690, 60, 1010, 835]]),
             ("运用辩证思维推动高质量发展", "双手联弹 / 双量发力 / 双色并重 / 双管齐下", [[690, 835, 1010, 1430]]),
             ("促进国有企业和民营企业共同发展", "不是此消彼长 / 而是相辅相成", [[0, 985, 690, 1430]])],
    "0131": [("全面从严治党永远在路上的新时代内涵", None, [[0, 60, 640, 935]]),
             ("政党是构建人类命运共同体的重要力量", None, [[640, 60, 1010, 840]]),
             ("新时代必将有力推动人的全面发展", "始终坚持以人民为中心", [[640, 840, 1010, 1430]]),
             ("加强党的政治建设不能有半点含糊", "坚持和加强党的全面领导的必然要求", [[0, 960, 640, 1430]])],
}
NOTE = re.compile(r"^[（(]\s*作\s*者")


def pdf_lines(pdf: Path):
    """(x0, y0, x1, y1, type size, text) of each printed line, heads printed twice once."""
    import pymupdf

    seen = set()
    for block in pymupdf.open(pdf)[0].get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            text = "".join(span["text"] for span in line["spans"]).strip()
            size = max(span["size"] for span in line["spans"])
            x0, y0, x1, y1 = line["bbox"]
            if not text or (text, round(x0), round(y0)) in seen:
                continue  # the PDFs print some heads twice
            seen.add((text, round(x0), round(y0)))
            yield x0, y0, x1, y1, size, text


def body_lines(pdf: Path) -> list[tuple[float, float, float, float, str]]:
    return [(x0, y0, x1, y1, text) for x0, y0, x1, y1, size, text in pdf_lines(pdf)
            if not (size >= 13.5 or 9.5 < size < 10 or NOTE.match(text.replace(" ", "")))]


def author_lines(pdf: Path) -> list[tuple[float, float, float, float, str]]:
    """The author's name under a head: the 9.7 pt kaiti lines (one character a line when vertical)."""
    return [(x0, y0, x1, y1, text) for x0, y0, x1, y1, size, text in pdf_lines(pdf) if 9.5 < size < 10]


def inside(rects, x0, y0, x1, y1) -> bool:
    return any(a <= (x0 + x1) / 2 <= c and b <= (y0 + y1) / 2 <= d for a, b, c, d in rects)


def gold_page(day: str) -> dict:
    pdf = SHARED / "pages" / f"rmrb-2018{day}-07.pdf"
    lines, authors = body_lines(pdf), author_lines(pdf)
    articles = []
    for title, subtitle, rects in ARTICLES[day]:
        mine = [(x0, y0, t) for x0, y0, x1, y1, t in lines if inside(rects, x0, y0, x1, y1)]
        names = [(round(y0), x0, t) for x0, y0, x1, y1, t in authors if inside(rects, x0, y0, x1, y1)]
        byline = re.sub(r"\s+", "", "".join(t for _, _, t in sorted(names))) or None
        columns: list[list] = []
        for item in sorted(mine):
            if columns and item[0] - columns[-1][-1][0] < 40:
                columns[-1].append(item)
            else:
                columns.append([item])
        text = "".join(t for col in columns for _, _, t in sorted(col, key=lambda z: z[1]))
        articles.append({"title": title, "subtitle": subtitle, "byline": byline,
                         "paragraphs": [re.sub(r"\s+", "", text)]})
    return {"source": f"rmrb-2018{day}-07.txt", "articles": articles, "noise": []}


EXTRACTORS = ("pdftotext", "pdftotext-raw", "pymupdf", "pdfminer", "pdf")
DUMPS = EXTRACTORS[:4]  # the text dumps (what the line tagger reads)
KEYS = ("pages", "gold_articles", "pred_articles", "article_f1@0.8", "article_f1@0.95", "title_acc", "title_exact",
        "byline_acc", "body_recall", "body_precision", "lost_chars")


def dump_pages(extractor: str, out_dir: Path) -> Path | None:
    """The twelve pages as EXTRACTOR gives them (cached in OUT_DIR); None when it is not installed.
    ``pdftotext`` is the shared dumps themselves."""
    if extractor in ("pdftotext", "pdf"):
        return SHARED / "pages"  # the shared dumps; "pdf" is the PDFs beside them, read by digest itself
    pdfs = sorted((SHARED / "pages").glob("rmrb-*.pdf"))
    out = out_dir / extractor
    if out.is_dir() and len(list(out.glob("*.txt"))) == len(pdfs):
        return out
    out.mkdir(parents=True, exist_ok=True)
    for pdf in pdfs:
        target = out / (pdf.stem + ".txt")
        try:
            if extractor == "pdftotext-raw":
                subprocess.run(["pdftotext", "-enc", "UTF-8", "-raw", str(pdf), str(target)], check=True)
            elif extractor == "pymupdf":
                import pymupdf
                target.write_text("".join(page.get_text() for page in pymupdf.open(pdf)), encoding="utf-8")
            else:
                from pdfminer.high_level import extract_text
                target.write_text(extract_text(str(pdf)), encoding="utf-8")
        except (ImportError, FileNotFoundError):
            return None
    return out


# the two folds of train_lines.py --cv: each page is scored by a tagger trained without its fold
TRAIN_DAYS = ("0102", "0104", "0108", "0111", "0118", "0126")
REPORT_DAYS = ("0103", "0105", "0110", "0117", "0124", "0131")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true", help="print the figures of each page too")
    ap.add_argument("--extractor", action="append", choices=EXTRACTORS,
                    help="score only these extractors' dumps (default: every one installed)")
    args = ap.parse_args()
    scorer = load_scorer(SHARED, needs="pages")
    if scorer is None:
        return 0
    try:
        import pymupdf  # noqa: F401
    except ImportError:
        print("skipped: needs PyMuPDF (pip install pymupdf)")
        return 0
    import tempfile

    from digest.pipeline import Options, build_digest

    rows = []
    with tempfile.TemporaryDirectory() as gold_dir:
        for day in ARTICLES:
            Path(gold_dir, f"rmrb-2018{day}-07.json").write_text(json.dumps(gold_page(day), ensure_ascii=False),
                                                                   encoding="utf-8")
        for extractor in args.extractor or EXTRACTORS:
            dumps = dump_pages(extractor, ROOT / ".cache" / "heldout")
            if dumps is None:
                print(f"{extractor}: skipped (not installed)")
                continue
            suffix = ".pdf" if extractor == "pdf" else ".txt"
            pages = sorted(str(p) for p in dumps.glob("rmrb-*" + suffix))
            digest = build_digest(pages, Options(keywords=0, sentences=1)).to_dict()
            for source in digest["sources"]:  # a PDF is scored, its lost characters counted, against pdftotext's dump
                source["source"] = str(Path(source["source"]).with_suffix(".txt"))
            figures = scorer.score(Path(gold_dir), digest, dumps)
            if args.show:
                print(f"## {extractor}")
                print_figures(dict(figures), KEYS, True)
            rows.append((extractor, figures))
    print("| dump (the shipped tagger trained on these pages: `train_lines.py --cv` for figures it did not) | "
          + " | ".join(KEYS[3:]) + " |")
    print("| --- " * (len(KEYS) - 2) + "|")
    for extractor, figures in rows:
        print(f"| {extractor} | " + " | ".join(str(figures[k]) for k in KEYS[3:]) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
