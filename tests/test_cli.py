"""Behaviour through the public CLI."""
import json
import os
import re

import pytest

from conftest import GOLDEN, SAMPLES

ANSI = re.compile(r"\x1b\[")
SAMPLE = SAMPLES / "001_c697f188a711ef04.txt"


def run(runner, app, *args, input=None, env=None):
    return runner.invoke(app, list(args), input=input, env=env or {}, catch_exceptions=False)


def test_no_arguments_prints_help(runner, app):
    result = runner.invoke(app, [])
    assert "run" in result.output and "summarize" in result.output


def test_version(runner, app):
    result = run(runner, app, "--version")
    assert result.exit_code == 0 and result.output.startswith("digest ")


def test_run_samples_terminal_is_plain_when_piped(runner, app):
    result = run(runner, app, "run", str(SAMPLES))
    assert result.exit_code == 0
    assert not ANSI.search(result.stdout)
    for name in sorted(p.name for p in SAMPLES.glob("*.txt")):
        assert name in result.stdout
    assert "关键词" in result.stdout


def test_run_json_schema(runner, app):
    result = run(runner, app, "run", str(SAMPLES), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["schema"] == "digest/1"
    assert len(data["sources"]) == 5
    keys = {"id", "title", "title_generated", "subtitle", "byline", "complete_start", "continued",
            "paragraphs", "summary", "keywords", "category"}
    for src in data["sources"]:
        assert set(src) >= {"source", "paper", "date", "page", "articles", "noise"}
        assert src["date"] is None or re.fullmatch(r"\d{4}-\d\d-\d\d", src["date"])
        for art in src["articles"]:
            assert set(art) >= keys
            assert art["id"].startswith(src["source"].rsplit("/", 1)[-1].rsplit(".", 1)[0] + "#")
            assert isinstance(art["title_generated"], bool)
            assert all(isinstance(p, str) and p for p in art["paragraphs"])
            body = "".join(art["paragraphs"])
            for sentence in art["summary"]:
                assert sentence in body  # verbatim
        assert all(isinstance(n, str) for n in src["noise"])


def test_output_is_deterministic(runner, app):
    a = run(runner, app, "run", str(SAMPLE), "-f", "json").stdout
    b = run(runner, app, "run", str(SAMPLE), "-f", "json").stdout
    assert a == b


def test_markdown_golden(runner, app):
    result = run(runner, app, "run", str(SAMPLE), "--format", "markdown")
    assert result.exit_code == 0
    golden = GOLDEN / "001_c697f188a711ef04.md"
    import os

    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")


def test_markdown_is_streamed_page_by_page(runner, app, monkeypatch, tmp_path):
    """Each page's section is on stdout as soon as the page is done: an interrupt (or a hang)
    on the third page costs only it. Before, Markdown was written whole at the end."""
    from digest import pipeline

    real = pipeline.segment

    def interrupted_on_page_three(page, **options):
        if page.source.endswith("002_0c66df68e3bcb91e.txt"):
            raise KeyboardInterrupt
        return real(page, **options)

    monkeypatch.setattr(pipeline, "segment", interrupted_on_page_three)
    result = runner.invoke(app, ["run", str(SAMPLES), "-f", "markdown", "-j", "1", "-k", "0"])
    assert "## 000_e3ba8b28733e8164.txt" in result.stdout and "(001_c697f188a711ef04.txt)" in result.stdout
    assert "002_0c66df68e3bcb91e" not in result.stdout
    monkeypatch.setattr(pipeline, "segment", real)
    out = tmp_path / "digest.md"  # streamed or written whole, the same bytes
    assert run(runner, app, "run", str(SAMPLES), "-f", "markdown", "-o", str(out)).exit_code == 0
    streamed = run(runner, app, "run", str(SAMPLES), "-f", "markdown").stdout
    assert streamed == out.read_text(encoding="utf-8")
    # the title is written before the other pages are read: its date is the first page's (000 prints none)
    assert streamed.startswith("# 新闻摘要\n\n## 000_") and streamed.endswith("---\n\n5 个版面 · 21 篇文章\n")


def test_terminal_golden(runner, app):
    result = run(runner, app, "run", str(SAMPLE))
    golden = GOLDEN / "001_c697f188a711ef04.txt"
    import os

    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")


def test_output_file(runner, app, tmp_path):
    out = tmp_path / "digest.md"
    result = run(runner, app, "run", str(SAMPLE), "-f", "markdown", "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("# ")


def test_stdin_dash(runner, app):
    text = SAMPLE.read_text(encoding="utf-8")
    result = runner.invoke(app, ["run", "-", "-f", "json"], input=text.encode("gb18030"))
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["sources"][0]["source"] == "-"
    assert data["sources"][0]["articles"]


def test_bad_file_does_not_lose_the_others(runner, app, tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x01\x02" * 50)
    result = runner.invoke(app, ["run", str(tmp_path / "missing.txt"), str(binary), str(SAMPLE), "-f", "json"])
    assert result.exit_code == 1
    assert len(json.loads(result.stdout)["sources"]) == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2
    assert "missing.txt" in errors[0] and "no such file" in errors[0]
    assert "image.txt" in errors[1] and "binary" in errors[1]
    assert "Traceback" not in result.output


def test_unknown_method_is_a_usage_error(runner, app):
    result = runner.invoke(app, ["run", str(SAMPLE), "--method", "nope"])
    assert result.exit_code == 2
    assert "nope" in result.stderr


def test_no_jieba_chatter_on_stderr(runner, app):
    result = runner.invoke(app, ["run", str(SAMPLE), "-f", "json"])
    assert "prefix dict" not in result.stderr and "Warning" not in result.stderr
    assert result.stderr == ""


def test_rich_markup_in_page_text_is_printed_verbatim(runner, app, tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("测试标题\n\n本报讯 这是[bold]正文[/bold]的第一句话，内容足够长。第二句话也在这里。\n", encoding="utf-8")
    result = run(runner, app, "run", str(page))
    assert "[bold]" in result.stdout


def test_email_format(runner, app):
    result = run(runner, app, "run", str(SAMPLE), "-f", "email", "--to", "me@example.org", "--from", "d@example.org")
    assert result.exit_code == 0
    import email
    from email.policy import default

    msg = email.message_from_string(result.stdout, policy=default)
    assert msg["To"] == "me@example.org" and msg["From"] == "d@example.org"
    assert msg["Date"] and msg["Message-ID"] and not msg.defects
    assert msg.is_multipart()
    kinds = [part.get_content_type() for part in msg.walk()]
    assert "text/plain" in kinds and "text/html" in kinds
    plain = msg.get_body(("plain",)).get_content()
    page = msg.get_body(("html",)).get_content()
    assert "##" not in plain and "\\" not in plain  # written for reading, not escaped Markdown
    assert '<html lang="zh-CN">' in page and "<title>" in page and "color-scheme" in page
    again = run(runner, app, "run", str(SAMPLE), "-f", "email", "--to", "me@example.org", "--from", "d@example.org")
    assert again.stdout == result.stdout  # same pages, same bytes: boundary, Date and Message-ID too


@pytest.mark.parametrize("args", [
    ["--to", "me@example.org"],  # no From: sendmail -t would fail later, silently, in cron
    ["--from", "d@example.org"],
    ["--to", "me@example.org\nBcc: x@example.org", "--from", "d@example.org"],  # a header injected
    ["--to", "me@example.org", "--from", "d@example.org", "--subject", "a\r\nb"],
])
def test_email_headers_missing_or_broken_are_a_usage_error(runner, app, args):
    result = run(runner, app, "run", str(SAMPLE), "-f", "email", *args)
    assert result.exit_code == 2
    assert "internal error" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""


def test_summarize_text_and_jsonl(runner, app, tmp_path):
    art = tmp_path / "a.txt"
    art.write_text("第一句讲了会议在杭州召开，来自各地的代表参加。第二句讲了产业联盟成立，成员单位有五十多家。"
                   "第三句讲了创新指数发布，综合得分比上年有所提高。第四句是结尾，会议持续了两天时间。", encoding="utf-8")
    result = run(runner, app, "summarize", str(art), "-n", "2")
    assert result.exit_code == 0
    assert len(result.stdout.split("关键词")[0].strip().splitlines()) == 2
    jl = tmp_path / "docs.jsonl"
    jl.write_text(json.dumps({"id": "x1", "text": "甲句。乙句。丙句。"}, ensure_ascii=False) + "\n", encoding="utf-8")
    result = run(runner, app, "summarize", str(jl), "-f", "jsonl", "-n", "1")
    row = json.loads(result.stdout)
    assert row["id"] == "x1" and len(row["summary"]) == 1


def test_summarize_list_methods(runner, app):
    result = run(runner, app, "summarize", "--list")
    for name in ("textrank", "textrank4zh", "sumy-textrank", "sumy-lexrank", "sumy-lsa", "sumy-luhn", "lead"):
        assert name in result.stdout


def test_eval_json(runner, app, tmp_path):
    data = tmp_path / "d.jsonl"
    rows = [{"text": "公司发布年报。利润增长。股价上涨。", "summary": "公司发布年报"}] * 3
    data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    result = run(runner, app, "eval", str(data), "--method", "lead", "-f", "json")
    out = json.loads(result.stdout)
    assert out["results"][0]["method"] == "lead"
    assert out["results"][0]["rouge1"] == pytest.approx(100 * 2 * 1.0 * (6 / 6) / 2, rel=1e-3) or out["results"][0]["rouge1"] > 0


def test_eval_against_a_baseline_gives_each_other_method_a_paired_interval(runner, app, tmp_path):
    data = tmp_path / "d.jsonl"
    rows = [{"text": "公司召开会议。公司发布年报，利润增长三成。股价上涨。", "summary": "公司发布年报利润增长三成"},
            {"text": "今天天气晴朗。新区开通公交线路十二条。市民出行更加便捷。", "summary": "新区开通公交线路十二条"}]
    data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    result = run(runner, app, "eval", str(data), "--method", "all", "--against", "lead", "-f", "json")
    by_method = {r["method"]: r for r in json.loads(result.stdout)["results"]}
    assert "against" not in by_method["lead"]
    against = by_method["textrank"]["against"]
    assert against["method"] == "lead"
    low, high = against["rouge1"]["ci95"]
    assert low <= against["rouge1"]["difference"] <= high
    table = run(runner, app, "eval", str(data), "--method", "textrank", "--against", "lead")
    assert "R1 vs lead (95% CI)" in table.stdout
    bad = runner.invoke(app, ["eval", str(data), "--against", "nope"])
    assert bad.exit_code == 2 and "--against" in bad.stderr


def test_eval_bad_file(runner, app, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(bad)])
    assert result.exit_code == 1 and "line 1" in result.stderr


def test_inspect_shows_roles(runner, app):
    result = run(runner, app, "inspect", str(SAMPLE))
    assert result.exit_code == 0
    assert "headline" in result.stdout and "byline" in result.stdout and "noise" in result.stdout


def test_inspect_shows_a_section_head_with_its_article(runner, app):
    """A section head inside an article is that article's line ("#1"), not a line of none ("-")."""
    result = run(runner, app, "inspect", str(SAMPLE.parent / "003_c690d1ddf13248f5.txt"))
    rows = [line.split(None, 3) for line in result.stdout.splitlines()[1:] if line.strip()[:1].isdigit()]
    sections = [row for row in rows if row[1] == "subhead"]
    assert sections and all(row[2].startswith("#") for row in sections)
    assert any(row[3].startswith("创新生态不断优化") and row[2] == "#1" for row in sections)


def test_inspect_shows_every_line_of_a_wrapped_title_as_the_title(runner, app, tmp_path):
    """A head wrapped over three lines is one title: inspect marks each of its lines so."""
    page = tmp_path / "page.txt"
    page.write_text("2021年4月10日 星期六 A3 经济\n\n"
                    "第一财季牛肉均价上涨了32%，鸡肉均\n价上涨了20%，猪肉均价上涨了13%。\n"
                    "该公司指出，通胀、劳动力短缺、牛和\n谷物成本上升是导致价格上涨的原因。\n\n"
                    "马钢股份：厂区发生\n安全事故暂停事故相\n关脱硫脱硝系统\n\n"
                    "马钢股份公告，6日8：15左右，公司服\n务商中冶宝钢技术服务有限公司维保人\n"
                    "员发现该公司承接的本公司炼铁总厂带\n式焙烧机脱硫脱硝系统D仓出现异常漏\n"
                    "灰，公司已暂停事故相关脱硫脱硝系统\n运行，并配合有关部门开展事故调查。\n", encoding="utf-8")
    result = run(runner, app, "inspect", str(page))
    rows = [line.split(None, 3) for line in result.stdout.splitlines()[1:] if line.strip()[:1].isdigit()]
    head = [row for row in rows if row[3] in ("马钢股份：厂区发生", "安全事故暂停事故相", "关脱硫脱硝系统")]
    assert [row[1] for row in head] == ["headline"] * 3


def test_output_is_identical_across_processes_and_hash_seeds(tmp_path):
    """jieba's keyword ties and any set iteration must not depend on PYTHONHASHSEED."""
    import os
    import subprocess
    import sys

    outs = []
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed, XDG_CACHE_HOME=str(tmp_path))
        proc = subprocess.run([sys.executable, "-m", "digest", "run", str(SAMPLE), "-f", "json"],
                              capture_output=True, env=env, check=True)
        assert proc.stderr == b""
        outs.append(proc.stdout)
    assert outs[0] == outs[1]


def test_colour_only_on_a_terminal_without_no_color(monkeypatch):
    """The console factory: ANSI colour on a TTY, none with NO_COLOR or when piped."""
    import io

    from rich.text import Text

    from digest.cli import cli_utils

    class FakeTTY(io.StringIO):
        def isatty(self):
            return True

    def render(no_color: bool, tty: bool) -> str:
        monkeypatch.setattr(cli_utils, "stdout_is_terminal", lambda: tty)
        monkeypatch.setenv("TERM", "xterm-256color")
        if no_color:
            monkeypatch.setenv("NO_COLOR", "1")
        else:
            monkeypatch.delenv("NO_COLOR", raising=False)
        buf = FakeTTY() if tty else io.StringIO()
        cli_utils.console(file=buf).print(Text("红色", style="red"))
        return buf.getvalue()

    assert "\x1b[" in render(no_color=False, tty=True)
    assert "\x1b[" not in render(no_color=True, tty=True)
    assert "\x1b[" not in render(no_color=False, tty=False)


def test_max_chars_budget(runner, app):
    result = run(runner, app, "run", str(SAMPLE), "-f", "json", "--max-chars", "60")
    for art in json.loads(result.stdout)["sources"][0]["articles"]:
        summary = art["summary"]
        assert summary
        assert sum(map(len, summary)) <= 60 or len(summary) == 1


def test_a_bug_on_one_page_is_one_error_line_and_the_others_are_still_digested(runner, app, monkeypatch):
    import digest.pipeline as pipeline

    real = pipeline.segment

    def broken_on_page_two(page, **options):
        if page.source.endswith("002_0c66df68e3bcb91e.txt"):
            raise AttributeError("boom")
        return real(page, **options)

    monkeypatch.setattr(pipeline, "segment", broken_on_page_two)
    result = runner.invoke(app, ["run", str(SAMPLES), "-f", "json", "-k", "0"])
    assert result.exit_code == 1
    assert "002_0c66df68e3bcb91e.txt: internal error (AttributeError: boom)" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(json.loads(result.stdout)["sources"]) == 4


def test_ctrl_c_while_the_cli_is_still_being_imported_exits_130_quietly(monkeypatch, capsys):
    """The entry point catches Ctrl-C from its first instruction: before, the CLI's imports ran
    before main()'s handler and a KeyboardInterrupt traceback was printed."""
    import importlib.abc
    import sys

    from digest import console

    class Interrupted(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name == "digest.cli":
                raise KeyboardInterrupt
            return None

    monkeypatch.delitem(sys.modules, "digest.cli", raising=False)
    monkeypatch.setattr(sys, "meta_path", [Interrupted(), *sys.meta_path])
    with pytest.raises(SystemExit) as exit_:
        console.main()
    assert exit_.value.code == 130
    assert "Traceback" not in capsys.readouterr().err


def test_importing_the_package_does_not_load_the_pipeline():
    import subprocess
    import sys

    code = "import sys, digest; assert 'digest.pipeline' not in sys.modules; print(digest.__version__)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).returncode == 0


def test_page_text_stays_inert_in_the_mail(runner, app, tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("数字经济<script>alert(1)</script>大会召开\n本报记者 陈 红\n\n"
                    "本报讯 6月24日，全省数字经济创新发展大会在宁波召开。会上发布了[十项成果](http://x)，\n"
                    "涵盖人工智能、集成电路等领域，来自各地的三百余家企业参加了对接活动。\n", encoding="utf-8")
    result = run(runner, app, "run", str(page), "-f", "email", "--to", "a@example.org", "--from", "b@example.org")
    import email
    from email.policy import default

    html_part = email.message_from_string(result.stdout, policy=default).get_body(("html",)).get_content()
    assert "<script>" not in html_part and "&lt;script&gt;" in html_part


def test_jsonl_gives_one_article_a_line(runner, app):
    result = run(runner, app, "run", str(SAMPLE), "-f", "jsonl", "-k", "2")
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    whole = json.loads(run(runner, app, "run", str(SAMPLE), "-f", "json", "-k", "2").stdout)
    assert len(rows) == len(whole["sources"][0]["articles"]) > 1
    assert all(row["source"] == str(SAMPLE) and row["schema"] == "digest/1" and row["title"] for row in rows)
    assert [row["title"] for row in rows] == [a["title"] for a in whole["sources"][0]["articles"]]


def test_html_is_one_page_and_page_text_stays_text(runner, app, tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("新能源汽车产销两旺<script>alert(1)</script>\n\n本报讯 今年以来，新能源汽车产销两旺，"
                    "市场占有率稳步提升，<b>全年</b>销量创新高。\n", encoding="utf-8")
    result = run(runner, app, "run", str(page), "-f", "html")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("<!doctype html>") and '<html lang="zh-CN">' in out and "<title>" in out
    assert "<script>" not in out and "<b>" not in out and "&lt;script&gt;" in out


def test_output_to_a_device_writes_and_never_replaces_it(runner, app):
    import stat as st

    result = run(runner, app, "run", str(SAMPLE), "-f", "json", "-o", "/dev/null")
    assert result.exit_code == 0, result.output
    assert st.S_ISCHR(os.stat("/dev/null").st_mode)


def test_output_keeps_the_mode_of_the_file_it_replaces_and_follows_symlinks(runner, app, tmp_path):
    out = tmp_path / "digest.md"
    out.write_text("old", encoding="utf-8")
    os.chmod(out, 0o644)
    assert run(runner, app, "run", str(SAMPLE), "-f", "markdown", "-o", str(out)).exit_code == 0
    assert (os.stat(out).st_mode & 0o777) == 0o644 and out.read_text(encoding="utf-8").startswith("# ")
    link = tmp_path / "latest.md"
    link.symlink_to(out)
    assert run(runner, app, "run", str(SAMPLE), "-f", "json", "-o", str(link)).exit_code == 0
    assert link.is_symlink() and out.read_text(encoding="utf-8").startswith("{")
    new = tmp_path / "new.md"
    assert run(runner, app, "run", str(SAMPLE), "-o", str(new)).exit_code == 0
    mask = os.umask(0)
    os.umask(mask)
    assert (os.stat(new).st_mode & 0o777) == 0o666 & ~mask


def test_output_refused_leaves_nothing_behind(runner, app, tmp_path):
    folder = tmp_path / "adir"
    folder.mkdir()
    result = run(runner, app, "run", str(SAMPLE), "-o", str(folder))
    assert result.exit_code == 1 and "cannot write" in result.stderr and len(result.stderr.splitlines()) == 1
    assert list(folder.iterdir()) == [] and sorted(p.name for p in tmp_path.iterdir()) == ["adir"]


def test_control_characters_in_a_file_name_never_reach_the_terminal(runner, app, tmp_path):
    name = "a\x1b]52;c;SGVsbG8=\x07b\x1b[2J.txt"
    (tmp_path / name).write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    for args in (["run", str(tmp_path)], ["run", str(tmp_path), "-f", "markdown"], ["inspect", str(tmp_path / name)],
                 ["run", str(tmp_path / ("missing" + name))]):
        result = run(runner, app, *args)
        assert "\x1b" not in result.stdout + result.stderr and "\x07" not in result.stdout + result.stderr, args
        assert "\\x1b" in result.stdout + result.stderr, args
    out = json.loads(run(runner, app, "run", str(tmp_path), "-f", "json").stdout)
    assert out["sources"][0]["source"].endswith("a\\x1b]52;c;SGVsbG8=\\x07b\\x1b[2J.txt")


def test_jobs_give_the_same_bytes_in_the_same_order(runner, app, tmp_path):
    missing = str(tmp_path / "missing.txt")
    one = run(runner, app, "run", str(SAMPLES), missing, "-f", "json", "-j", "1")
    two = run(runner, app, "run", str(SAMPLES), missing, "-f", "json", "-j", "2")
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout and one.stderr == two.stderr
    assert len(json.loads(two.stdout)["sources"]) == len(list(SAMPLES.glob("*.txt")))


def test_colour_is_asked_for_or_forced_never_guessed_through_a_pipe(runner, app):
    assert not ANSI.search(run(runner, app, "run", str(SAMPLE)).stdout)  # a pipe: plain
    assert ANSI.search(run(runner, app, "run", str(SAMPLE), "--color", "always").stdout)
    assert ANSI.search(runner.invoke(app, ["run", str(SAMPLE)], env={"FORCE_COLOR": "1"}).stdout)
    assert not ANSI.search(runner.invoke(app, ["run", str(SAMPLE), "--color", "never"], env={"FORCE_COLOR": "1"}).stdout)
    assert run(runner, app, "run", str(SAMPLE), "--color", "sometimes").exit_code == 2


def test_width_sets_the_columns_of_the_terminal_digest(runner, app, tmp_path):
    from rich.cells import cell_len

    coloured = run(runner, app, "run", str(SAMPLE), "--color", "always", "--width", "40").stdout
    lines = [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in coloured.splitlines()]
    assert max(cell_len(line) for line in lines) == 40  # CJK counted two columns each, nothing wider
    piped = run(runner, app, "run", str(SAMPLE), "--width", "50").stdout
    rule = next(line for line in piped.splitlines() if line.startswith("─"))
    assert cell_len(rule) == 50
    out = tmp_path / "d.txt"
    assert run(runner, app, "run", str(SAMPLE), "--width", "50", "-o", str(out)).exit_code == 0
    assert next(line for line in out.read_text(encoding="utf-8").splitlines() if line.startswith("─")) == rule
    assert run(runner, app, "run", str(SAMPLE), "--width", "5").exit_code == 2  # too narrow: a usage error


def test_quiet_says_only_failures(runner, app, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    assert "empty" in run(runner, app, "run", str(SAMPLE), str(empty)).stderr
    quiet = run(runner, app, "run", str(SAMPLE), str(empty), "--quiet")
    assert quiet.exit_code == 0 and quiet.stderr == ""
    failed = run(runner, app, "run", str(SAMPLE), str(tmp_path / "missing.txt"), "-q")
    assert failed.exit_code == 1 and "missing.txt" in failed.stderr


@pytest.mark.parametrize("fmt, name, extra", [
    ("html", "001_c697f188a711ef04.html", []),
    ("jsonl", "001_c697f188a711ef04.jsonl", []),
    ("email", "001_c697f188a711ef04.eml", ["--to", "reader@example.org", "--from", "digest@example.org"]),
])
def test_format_golden(runner, app, fmt, name, extra):
    result = run(runner, app, "run", str(SAMPLE), "-f", fmt, *extra)
    assert result.exit_code == 0
    out = result.stdout.replace(json.dumps(str(SAMPLE))[1:-1], SAMPLE.name)  # the same wherever the clone is
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")


def test_the_mail_is_well_formed():
    import email
    from email import policy

    message = email.message_from_string((GOLDEN / "001_c697f188a711ef04.eml").read_text(encoding="utf-8"),
                                        policy=policy.default)
    assert not message.defects
    for header in ("From", "To", "Date", "Message-ID", "MIME-Version", "Subject"):
        assert message[header], header
    assert message["Subject"].startswith("新闻摘要 2023-12-19 · ") and message["Subject"].endswith(" 篇")
    parts = [part.get_content_type() for part in message.walk()]
    assert parts == ["multipart/alternative", "text/plain", "text/html"]
    assert all(part.get_content_charset() == "utf-8" for part in message.walk() if not part.is_multipart())


def test_each_input_is_digested_before_the_next_is_read():
    """Streaming: a page's digest is there before the next input is even opened (a hang or a
    crash on a later input costs only that input)."""
    from digest.pipeline import Options, digest_inputs

    class Late:
        opened = False

        def read(self, n=-1):
            Late.opened = True
            return "后来的一页。".encode("utf-8")

    parts = digest_inputs([str(SAMPLE), "-"], Options(keywords=0, sentences=1), stdin=Late())
    first = next(parts)
    assert first.sources and not Late.opened
    second = next(parts)
    assert Late.opened and second.sources[0].source == "-"


def test_the_version_comes_before_any_library_is_imported():
    """`digest --version` through the installed entry point: the same answer as the CLI's,
    without importing typer (as fast as Python starts)."""
    import subprocess
    import sys

    code = ("import sys; sys.argv = ['digest', '--version']; from digest.console import main; main(); "
            "assert 'typer' not in sys.modules and 'digest.pipeline' not in sys.modules")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    from digest import __version__

    assert out == f"digest {__version__}\n"


def test_inspect_says_which_sentences_open_mid_sentence(runner, app, tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("新能源汽车产销两旺\n\n本报讯 今年以来，新能源汽车产销两旺，市场占有率稳步提升。\n"
                    "，且是全市唯一挂牌两个融资服务中心的区。过去5年，全市新增企业三万家。\n", encoding="utf-8")
    out = run(runner, app, "inspect", str(page)).stdout
    flagged = [line for line in out.splitlines() if "does not start a sentence" in line]
    assert len(flagged) == 1 and "，且是全市唯一" in flagged[0]


def test_reader_controls_choose_articles(runner, app):
    def titles(*args):
        out = json.loads(run(runner, app, "run", str(SAMPLES), "-f", "json", "-k", "3", *args).stdout)
        return [[a["title"] for a in s["articles"]] for s in out["sources"]], out

    everything, whole = titles()
    top, _ = titles("--top", "1")
    assert all(len(t) == min(1, len(e)) and set(t) <= set(e) for t, e in zip(top, everything))
    assert top[0] == [everything[0][0]]  # the lead story of the first page: long and first
    found, _ = titles("--grep", "萤火虫")
    assert sum(found, []) == ["萤火虫点亮长三角示范区"]
    science, out = titles("--category", "科技")
    assert sum(science, []) and all(a["category"] == "科技" for s in out["sources"] for a in s["articles"])
    assert run(runner, app, "run", str(SAMPLES), "--category", "体育").exit_code == 2
    ranked, _ = titles("--sort", "importance")
    assert [sorted(t) for t in ranked] == [sorted(t) for t in everything] and ranked[0][0] == everything[0][0]
    assert [t[:1] for t in ranked] == titles("--top", "1")[0]  # the most important first
    assert run(runner, app, "run", str(SAMPLES), "--sort", "size").exit_code == 2


def test_subdirectories_are_said_or_read_with_recursive(runner, app, tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    text = SAMPLE.read_text(encoding="utf-8")
    for name in ("a.txt", "sub/b.txt", "sub/deeper/c.txt"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    flat = run(runner, app, "run", str(tmp_path), "-f", "json", "-k", "0")
    assert flat.exit_code == 0 and "1 subdirectory not read" in flat.stderr
    assert [s["source"] for s in json.loads(flat.stdout)["sources"]] == [str(tmp_path / "a.txt")]
    deep = run(runner, app, "run", str(tmp_path), "-r", "-f", "json", "-k", "0")
    assert deep.exit_code == 0 and deep.stderr == ""
    assert [s["source"] for s in json.loads(deep.stdout)["sources"]] == [
        str(tmp_path / n) for n in ("a.txt", "sub/b.txt", "sub/deeper/c.txt")]


def test_date_sets_the_digest_date_everywhere(runner, app):
    md = run(runner, app, "run", str(SAMPLE), "-f", "markdown", "--date", "2024-02-03").stdout
    assert md.startswith("# 新闻摘要 2024-02-03\n")
    mail = run(runner, app, "run", str(SAMPLE), "-f", "email", "--to", "a@example.org", "--from", "b@example.org",
               "--date", "2024-02-03").stdout
    assert "Date: Sat, 03 Feb 2024 00:00:00 +0800" in mail
    assert run(runner, app, "run", str(SAMPLE), "--date", "2024-13-40").exit_code == 2
    assert run(runner, app, "run", str(SAMPLE), "-f", "markdown").stdout.startswith("# 新闻摘要 2023-12-19\n")


def _on_a_terminal(monkeypatch, stdout=True, stderr=False):
    import digest.cli.cli_utils as cli_utils
    import digest.cli.reader_io as reader_io
    import digest.cli.run as run_command

    monkeypatch.setattr(run_command, "stdout_is_terminal", lambda: stdout)
    monkeypatch.setattr(cli_utils, "stdout_is_terminal", lambda: stdout)
    monkeypatch.setattr(run_command, "stderr_is_terminal", lambda: stderr)
    monkeypatch.setattr(reader_io, "stderr_is_terminal", lambda: stderr)


def test_a_digest_on_a_terminal_goes_through_the_pager(runner, app, monkeypatch, tmp_path):
    _on_a_terminal(monkeypatch)
    paged = tmp_path / "paged.txt"
    result = run(runner, app, "run", str(SAMPLES), "-n", "1", "--color", "always",
                 env={"PAGER": f"sh -c 'cat > {paged}'"})
    assert result.exit_code == 0 and result.stdout == ""
    text = paged.read_text(encoding="utf-8")
    assert "■ 成果转化“地摊模式”变身“卖场模式”" in re.sub(r"\x1b\[[0-9;]*m", "", text)
    assert ANSI.search(text)  # the pager shows the colours (less -R)


@pytest.mark.parametrize("flags, pager", [(["--no-pager"], "sh -c 'cat > {}'"), ([], "")])
def test_no_pager_with_no_pager_or_an_empty_pager(runner, app, monkeypatch, tmp_path, flags, pager):
    _on_a_terminal(monkeypatch)
    paged = tmp_path / "paged.txt"
    result = run(runner, app, "run", str(SAMPLE), "-n", "1", *flags, env={"PAGER": pager.format(paged)})
    assert result.exit_code == 0 and "地摊模式" in result.stdout and not paged.exists()


def test_quitting_the_pager_early_is_no_failure(runner, app, monkeypatch):
    _on_a_terminal(monkeypatch)
    result = run(runner, app, "run", str(SAMPLES), "-n", "3", env={"PAGER": "head -c 10"})
    assert result.exit_code == 0 and result.stderr == ""


def test_many_pages_show_progress_and_a_closing_line_on_a_terminals_stderr(runner, app, monkeypatch):
    _on_a_terminal(monkeypatch, stdout=False, stderr=True)
    result = run(runner, app, "run", str(SAMPLES), "-f", "markdown", "-j", "1")
    assert result.exit_code == 0 and result.stdout.startswith("# 新闻摘要")
    assert result.stderr.strip().splitlines()[-1].startswith("digest: 5 pages, 21 articles in ")
    assert run(runner, app, "run", str(SAMPLES), "-f", "markdown", "-q").stderr == ""  # --quiet: nothing
    assert run(runner, app, "run", str(SAMPLE), "-f", "markdown").stderr == ""  # one page: no bar


def test_no_progress_in_a_pipe_or_from_cron(runner, app):
    assert run(runner, app, "run", str(SAMPLES), "-f", "markdown").stderr == ""


def test_shell_completion_is_offered(runner, app):
    result = run(runner, app, "--help")
    assert "--install-completion" in result.output and "--show-completion" in result.output


def test_resume_appends_only_what_the_archive_lacks(runner, app, tmp_path):
    """An archive run (-f jsonl -o FILE --resume) stopped at any moment starts again where it
    was: inputs already in FILE are not read again, a line cut short by a kill is dropped with
    the rest of its input's lines, and the finished file is the same bytes as one whole run."""
    whole = tmp_path / "whole.jsonl"
    assert run(runner, app, "run", str(SAMPLES), "-f", "jsonl", "-o", str(whole)).exit_code == 0
    archive = tmp_path / "archive.jsonl"
    first = sorted(SAMPLES.glob("*.txt"))[:2]
    assert run(runner, app, "run", *map(str, first), "-f", "jsonl", "-o", str(archive), "--resume").exit_code == 0
    assert whole.read_text(encoding="utf-8").startswith(archive.read_text(encoding="utf-8"))
    archive.write_bytes(archive.read_bytes()[:-50])  # killed in the middle of a line
    result = run(runner, app, "run", str(SAMPLES), "-f", "jsonl", "-o", str(archive), "--resume")
    assert result.exit_code == 0 and archive.read_bytes() == whole.read_bytes()
    again = run(runner, app, "run", str(SAMPLES), "-f", "jsonl", "-o", str(archive), "--resume")
    assert again.exit_code == 0 and archive.read_bytes() == whole.read_bytes()  # nothing left to do


@pytest.mark.parametrize("args", [["-f", "json", "-o", "x.json"], ["-f", "jsonl"], ["-f", "jsonl", "-o", "-"]])
def test_resume_needs_a_jsonl_file_to_append_to(runner, app, args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run(runner, app, "run", str(SAMPLE), *args, "--resume")
    assert result.exit_code == 2 and "--resume" in result.stderr and not (tmp_path / "x.json").exists()


def test_keywords_are_picked_out_inside_the_summary_on_a_colour_terminal(runner, app):
    result = run(runner, app, "run", str(SAMPLE), "-f", "json", "-n", "2")
    article = next(a for a in json.loads(result.output)["sources"][0]["articles"]
                   if any(k in s for k in a["keywords"] for s in a["summary"]))
    word = next(k for k in article["keywords"] if any(k in s for s in article["summary"]))
    coloured = run(runner, app, "run", str(SAMPLE), "-n", "2", "--color", "always").output
    bullets = [line for line in coloured.splitlines() if "•" in line and word in re.sub(r"\x1b\[[0-9;]*m", "", line)]
    assert any(re.search(r"\x1b\[1;[0-9;]*m" + re.escape(word), line) for line in bullets)
    plain = run(runner, app, "run", str(SAMPLE), "-n", "2").output
    assert not ANSI.search(plain)


@pytest.mark.parametrize("command", ["digest", "run", "inspect", "summarize", "eval"])
def test_the_help_kept_in_the_package_is_typers_own(runner, app, command, monkeypatch):
    """`digest --help` is answered without importing typer (30 ms of a 60 ms start), from
    data/help/, which must be exactly what typer prints from 80 columns on (UPDATE_GOLDEN=1
    rewrites it after a change to an option)."""
    from digest.console import COMMANDS

    monkeypatch.setenv("COLUMNS", "80")
    args = ["--help"] if command == "digest" else [command, "--help"]
    result = runner.invoke(app, args, prog_name="digest", terminal_width=78)  # click: min(columns, 80) - 2
    assert result.exit_code == 0
    kept = SAMPLES.parent / "digest" / "data" / "help" / f"{command}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        kept.write_text(result.output, encoding="utf-8")
    assert kept.read_text(encoding="utf-8") == result.output
    assert command == "digest" or command in COMMANDS


def test_help_comes_without_importing_typer(tmp_path):
    import subprocess
    import sys

    code = ("import sys; sys.argv = ['digest', 'run', '--help']; from digest.console import main; main(); "
            "print('typer' in sys.modules, file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={"COLUMNS": "100", "PATH": ""})
    assert result.returncode == 0 and result.stderr.strip() == "False" and "--resume" in result.stdout


def test_numpy_gets_one_blas_thread_unless_the_user_says_otherwise():
    """BLAS threads spin on a second core for our small matrices and fight `--jobs` workers:
    the entry point pins them to one before numpy is imported; a user's own setting stays."""
    import os
    import subprocess
    import sys

    code = ("import os, sys; sys.argv = ['digest', '--version']; from digest.console import main; main(); "
            "print(os.environ['OPENBLAS_NUM_THREADS'], os.environ['OMP_NUM_THREADS'])")
    env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
    assert out.split()[-2:] == ["1", "1"]
    env["OMP_NUM_THREADS"] = "4"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
    assert out.split()[-2:] == ["1", "4"]
