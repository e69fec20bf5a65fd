"""benchmarks/misses.py: a missed title or author line is sorted by where it went."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from misses import misses  # noqa: E402

TEXT_A = "党的十八届三中全会指出，公有制经济和非公有制经济都是社会主义市场经济的重要组成部分，国有企业和民营企业共同发展。"
TEXT_B = "李方祥、陈晖涛主编的《摆脱贫困与全面小康》一书已由人民日报出版社出版，为坚决打赢脱贫攻坚战提供了有益参考。"


def article(title, text, subtitle=None, byline=None):
    return {"title": title, "subtitle": subtitle, "byline": byline, "paragraphs": [text]}


def test_a_title_read_as_the_deck_and_a_name_given_to_the_story_beside_are_told_apart():
    gold = {"p": {"articles": [article("促进国有企业和民营企业共同发展", TEXT_A, byline="殷鹏"),
                               article("打赢脱贫攻坚战的有益参考", TEXT_B, subtitle="——《摆脱贫困与全面小康》简评", byline="戚小倩")]}}
    sources = [{"source": "dir/p.txt", "noise": ["2026年1月12日"],
                "articles": [article("——《摆脱贫困与全面小康》简评", TEXT_B, subtitle="打赢脱贫攻坚战的有益参考", byline="殷鹏"),
                             article("促进国有企业和民营企业共同发展", TEXT_A, byline="戚小倩")]}]
    titles, bylines, examples, matched = misses(gold, sources)
    assert matched == 2
    assert titles == {"own-subtitle": 1}
    assert bylines == {"other-byline": 2}
    assert examples["title own-subtitle"][0][:2] == ("p", "打赢脱贫攻坚战的有益参考")


def test_a_title_in_the_noise_and_one_joined_with_more_are_told_apart():
    gold = {"p": {"articles": [article("促进国有企业和民营企业共同发展", TEXT_A),
                               article("打赢脱贫攻坚战的有益参考", TEXT_B, byline="戚小倩")]}}
    sources = [{"source": "p.txt", "noise": ["促进国有企业和民营企业共同发展", "戚 小 倩"],
                "articles": [article("十八届三中全会", TEXT_A),
                             article("打赢脱贫攻坚战的有益参考——简评", TEXT_B)]}]
    titles, bylines, _, _ = misses(gold, sources)
    assert titles == {"noise": 1, "joined": 1}
    assert bylines == {"noise": 1}


def test_an_article_no_prediction_holds_is_not_counted():
    gold = {"p": {"articles": [article("促进国有企业和民营企业共同发展", TEXT_A)]}}
    sources = [{"source": "p.txt", "noise": [], "articles": [article("打赢脱贫攻坚战的有益参考", TEXT_B)]}]
    titles, bylines, _, matched = misses(gold, sources)
    assert matched == 0 and not titles and not bylines
