"""The config file and the topic lexicon: defaults for options, a user's own categories, and
one clear line for every mistake in the file."""
from __future__ import annotations

import json

import pytest

from conftest import SAMPLES

SAMPLE = SAMPLES / "001_c697f188a711ef04.txt"


def run(runner, app, *args, env=None):
    return runner.invoke(app, list(args), env=env or {}, catch_exceptions=False)


def write_config(directory, text: str):
    path = directory / "digest" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_lexicon_has_the_papers_topics():
    from digest.categories import DEFAULT, names, shipped

    assert len(shipped()) >= 10 and names()[-1] == DEFAULT
    assert all(words for _, words in shipped())


@pytest.mark.parametrize("title, text, expected", [
    ("“一国两制”是保持香港、澳门长期繁荣稳定的最佳制度", "香港回归祖国以来，“一国两制”实践取得举世公认的成功。", "时政"),
    ("以供给侧结构性改革为主线建设现代化经济体系", "深化供给侧结构性改革，推动经济高质量发展。", "经济"),
    ("技改用上排污权抵押贷款", "银行为企业发放排污权抵押贷款，融资难题得到缓解，信贷支持绿色转型。", "金融"),
    ("今日天气", "多云。", None),  # no cue strong enough: 综合
])
def test_a_topic_comes_from_title_keywords_and_text(title, text, expected):
    from digest.categories import categorize

    assert categorize(title, text, []) == expected


def test_defaults_come_from_the_config_and_the_command_line_wins(runner, app, tmp_path):
    write_config(tmp_path, '[defaults]\nformat = "json"\nsentences = 1\nkeywords = 2\n')
    env = {"XDG_CONFIG_HOME": str(tmp_path)}
    result = run(runner, app, "run", str(SAMPLE), env=env)
    assert result.exit_code == 0
    articles = json.loads(result.output)["sources"][0]["articles"]
    assert all(len(a["summary"]) <= 1 and len(a["keywords"]) <= 2 for a in articles)
    result = run(runner, app, "run", str(SAMPLE), "-f", "markdown", "-k", "3", env=env)
    assert result.output.startswith("# 新闻摘要") and "关键词：" in result.output


def test_an_explicit_config_file_is_read_and_the_mail_headers_come_from_it(runner, app, tmp_path):
    path = tmp_path / "mail.toml"
    path.write_text('[defaults]\nformat = "email"\nto = "me@example.org"\nfrom = "digest@example.org"\n', encoding="utf-8")
    result = run(runner, app, "run", str(SAMPLE), "--config", str(path))
    assert result.exit_code == 0 and "To: me@example.org" in result.output


def test_a_user_category_can_be_added_asked_for_and_replace_the_shipped_words(runner, app, tmp_path):
    write_config(tmp_path, '[categories."城市"]\nwords = ["杭州", "温州", "上海"]\n'
                           '[categories."科技"]\nreplace = true\nwords = ["火星"]\n')
    env = {"XDG_CONFIG_HOME": str(tmp_path)}
    result = run(runner, app, "run", str(SAMPLES), "-f", "json", "--category", "城市", env=env)
    assert result.exit_code == 0
    found = [a for s in json.loads(result.output)["sources"] for a in s["articles"]]
    assert found and all(a["category"] == "城市" for a in found)
    every = run(runner, app, "run", str(SAMPLES), "-f", "json", env=env)
    assert all(a["category"] != "科技" for s in json.loads(every.output)["sources"] for a in s["articles"])
    legend = run(runner, app, "run", str(SAMPLE), "-n", "1", env=env)
    assert "■ 城市" in legend.output
    assert run(runner, app, "run", str(SAMPLE), "--category", "城市", env={"XDG_CONFIG_HOME": str(tmp_path / "x")}).exit_code == 2


@pytest.mark.parametrize("text, key", [
    ('[defaults]\nsentences = "many"\n', "defaults.sentences"),
    ('[defaults]\nformat = "pdf"\n', "defaults.format"),
    ('[defaults]\ncolour = "never"\n', "defaults.colour"),
    ('[output]\nx = 1\n', "output"),
    ('[categories."体育"]\nwords = "体育"\n', "categories.体育.words"),
    ('[categories."体育"]\nwords = ["体育"]\nweight = 2\n', "categories.体育.weight"),
    ('[categories."综合"]\nwords = ["杂"]\n', "categories.综合"),
    ('[defaults\nformat = "json"\n', "not valid TOML"),
])
def test_a_bad_config_is_one_line_naming_the_file_and_the_key(runner, app, tmp_path, text, key):
    path = write_config(tmp_path, text)
    result = run(runner, app, "run", str(SAMPLE), env={"XDG_CONFIG_HOME": str(tmp_path)})
    assert result.exit_code == 2 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and key in lines[0] and "Traceback" not in result.stderr


def test_a_missing_explicit_config_is_an_error_but_a_missing_default_one_is_not(runner, app, tmp_path):
    assert run(runner, app, "run", str(SAMPLE), env={"XDG_CONFIG_HOME": str(tmp_path)}).exit_code == 0
    result = run(runner, app, "run", str(SAMPLE), "--config", str(tmp_path / "none.toml"))
    assert result.exit_code == 2 and "none.toml" in result.stderr


def test_the_html_page_tints_each_topic(runner, app):
    result = run(runner, app, "run", str(SAMPLE), "-f", "html")
    assert '<span class="topic" style="background: hsl(' in result.output and "〔" not in result.output
