"""benchmarks/ablate.py: switching one rule off, everywhere it is used, and back."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from digest import assemble, story_cues  # noqa: E402
from digest.model import Page  # noqa: E402
from digest.segment import segment  # noqa: E402

# a feature with a section head inside it: the section goes on about what the article is about
FEATURE = ("推进绿色发展的三大抓手\n\n"
           "绿色发展是新发展理念的重要组成部分，推进绿色发展需要规划先行、产业支撑和消费引导，三者缺一不可，\n"
           "各地在实践中积累了不少推进绿色发展的有益经验，绿色规划、绿色产业、绿色消费协同推进。\n\n"
           "绿色规划\n\n"
           "推进绿色发展，规划要先行。各地编制规划时要把绿色发展的要求落到实处，推进绿色发展的空间布局，\n"
           "让绿色发展成为规划的底色，以绿色规划引领绿色产业和绿色消费。\n")


def test_the_rules_are_the_assemblers_judgements_not_the_taggers_features():
    from ablate import rules

    names = [name for name, _ in rules()]
    assert "story_cues.is_subhead" in names and "columns.join_sections_by_topic" in names
    assert not any(name.startswith(("roles.", "layout.", "author_lines.")) for name in names)
    assert len(names) == len(set(names))


def test_a_rule_switched_off_is_off_wherever_it_is_used_and_comes_back():
    from ablate import replace

    before = [a.title for a in segment(Page(source="f.txt", text=FEATURE)).articles]
    assert before == ["推进绿色发展的三大抓手"]  # the section head stays in its article
    original = story_cues.is_subhead
    undo = replace(original, lambda *a, **k: False)
    try:
        assert story_cues.is_subhead is not original
        off = [a.title for a in segment(Page(source="f.txt", text=FEATURE)).articles]
    finally:
        for module, attr in undo:
            setattr(module, attr, original)
    assert off == ["推进绿色发展的三大抓手", "绿色规划"]  # no section heads: a story of its own
    assert story_cues.is_subhead is original and assemble.cues.is_subhead is original
    assert [a.title for a in segment(Page(source="f.txt", text=FEATURE)).articles] == before


def test_a_rule_that_keeps_authors_whole_pays_though_articles_and_titles_do_not_move():
    """Switched off, ``story_cues.given_name_piece`` moved no article and no title of any set,
    and cost the real pdftotext dumps 7 of their 44 bylines (a name the extractor split,
    "汪" under the head and "涛" among the text): the verdict weighs bylines too."""
    from ablate import judge

    assert judge([(0.0, 0.0, 0.0), (0.0, 0.0, -0.159)]) == "pays"
    assert judge([(0.0, 0.0, 0.0), (0.0, 0.002, 0.0)]) == "better without"
    assert judge([(0.0, 0.0, 0.0)]) == "changes nothing"


def test_the_rules_asked_before_the_splitter_are_told_from_those_after_it():
    """A rule the walk asks (``is_subhead``), or the block builder before it (``_same_head``),
    shapes the drafts the splitter and joiner learn from; a pass after them (``rehome_heads``)
    does not: only the first need retrained models to be judged. Every rule is itself again
    afterwards."""
    from ablate import before_the_splitter, rules
    from digest import heads

    found = rules()
    stacked = "全省十项重点成果同日发布\n\n数字经济创新发展大会召开\n\n" + FEATURE.split("\n\n", 1)[1]
    early, sources = before_the_splitter(
        found, lambda: [segment(Page(source="f.txt", text=t)) for t in (FEATURE, stacked)])
    assert [a.title for a in sources[0].articles] == ["推进绿色发展的三大抓手"]  # watched, not changed
    assert "story_cues.is_subhead" in early and "pieces.place_orphans" in early
    # asked while the second page's blocks are built, before its assembler runs: before its splitter too
    assert "blocks._same_head" in early
    assert "heads.rehome_heads" not in early and "opening_heads.head_printed_above" not in early
    assert all(getattr(sys.modules[fn.__module__], name.split(".")[1]) is fn for name, fn in found)
    assert assemble.cues.is_subhead is story_cues.is_subhead and heads.rehome_heads is assemble.rehome_heads


def test_a_kept_set_is_scored_once_per_dump_it_holds(tmp_path):
    """``pdfpages.py --keep`` writes one folder per extractor: each is a set of its own (before,
    only the first of ``raw/`` or ``pdftotext/`` was scored and the other three dumps never)."""
    from ablate import Sets

    drawn, generated, flat = tmp_path / "pp-news", tmp_path / "news", tmp_path / "flat"
    for folder in (drawn / "pdftotext", drawn / "pymupdf", drawn / "gold", drawn / "pdf", generated / "raw", flat):
        folder.mkdir(parents=True)
    assert Sets.dumps_of(drawn) == [("pp-news/pdftotext", drawn / "pdftotext"), ("pp-news/pymupdf", drawn / "pymupdf")]
    assert Sets.dumps_of(generated) == [("news/raw", generated / "raw")]
    assert Sets.dumps_of(flat) == [("flat", flat)]
