import codecs

import pytest

from digest.load import LoadError, decode, expand, read_page
from digest.model import SourceError

TEXT = "长三角G60科创走廊科技成果对接转化大会在杭州召开。会上，三个联盟成立。" * 3


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "big5", "utf-16", "utf-16-le"])
def test_decodes_common_chinese_encodings(encoding):
    text = TEXT if encoding != "big5" else "長三角科技成果對接轉化大會在杭州召開。會上，三個聯盟成立。" * 3
    data = text.encode(encoding)
    decoded, _ = decode(data)
    assert decoded.lstrip("\ufeff") == text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_and_without_ascii(encoding):
    text = "长三角科技成果对接转化大会在杭州召开。会上，三个联盟成立。" * 4  # no NUL bytes at all
    assert decode(text.encode(encoding))[0] == text


def test_utf8_bom_is_removed():
    decoded, name = decode(codecs.BOM_UTF8 + TEXT.encode())
    assert decoded == TEXT and name == "utf-8-sig"


def test_binary_is_refused():
    with pytest.raises(LoadError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_empty_file_is_empty_text():
    assert decode(b"") == ("", "utf-8")


def test_missing_path_is_an_error_entry(tmp_path):
    items = list(expand([str(tmp_path / "nope.txt")]))
    assert isinstance(items[0], SourceError) and "no such file" in items[0].message


def test_directory_expands_to_sorted_txt_and_pdf(tmp_path):
    for name in ("b.txt", "a.txt", "c.pdf", "d.doc"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.rsplit("/", 1)[-1] for p in expand([str(tmp_path)])] == ["a.txt", "b.txt", "c.pdf"]


def test_crlf_is_normalized(tmp_path):
    f = tmp_path / "p.txt"
    f.write_bytes("第一行\r\n第二行\r\n".encode("gb18030"))
    assert read_page(str(f)).text == "第一行\n第二行\n"


def test_size_limit_is_a_clear_error(tmp_path, monkeypatch):
    import digest.load as load

    f = tmp_path / "big.txt"
    f.write_text("长" * 100, encoding="utf-8")
    with pytest.raises(LoadError, match="larger than"):
        read_page(str(f), max_bytes=50)
    assert read_page(str(f), max_bytes=1000).text == "长" * 100


def test_a_fifo_is_refused_without_waiting_and_the_other_pages_are_digested(runner, app, tmp_path):
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    good = tmp_path / "good.txt"
    good.write_text("数字经济创新发展大会召开\n\n本报讯 全省数字经济创新发展大会在宁波召开，会上发布了十项重点成果。\n", encoding="utf-8")
    result = runner.invoke(app, ["run", str(fifo), str(good), "-f", "json"])
    assert result.exit_code == 1
    assert "pipe.txt" in result.stderr and "not a regular file" in result.stderr
    assert "good.txt" in result.stdout


def test_a_closed_stdin_is_an_input_error_for_dash(monkeypatch):
    import sys

    import pytest

    from digest.load import LoadError, read_page

    monkeypatch.setattr(sys, "stdin", None)
    with pytest.raises(LoadError, match="closed"):
        read_page("-")


def test_an_empty_page_is_said_on_stderr(runner, app, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text(" \n\n\u3000\n", encoding="utf-8")
    result = runner.invoke(app, ["run", str(empty), "-f", "json"])
    assert result.exit_code == 0
    assert "empty.txt" in result.stderr and "empty" in result.stderr


def test_the_cache_is_used_only_when_it_is_private(tmp_path, monkeypatch):
    """Another user's (or a world-writable) cache directory is never trusted: the next
    private place is used, and failing all, a fresh temp directory (no failure)."""
    import os
    import stat

    from digest import nlp

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    mine = nlp.cache_dir()
    assert mine == tmp_path / "xdg" / "news-digest" and stat.S_IMODE(os.stat(mine).st_mode) & 0o077 == 0
    os.chmod(mine, 0o777)  # someone made it writable by all
    monkeypatch.setattr(nlp.tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    fallback = nlp.cache_dir()
    assert fallback != mine and fallback.parent == tmp_path / "tmp"
    os.chmod(fallback, 0o777)
    last = nlp.cache_dir()
    assert last not in (mine, fallback) and last.is_dir()


PAGE_BYTES = "新能源汽车产销两旺\n\n本报讯 今年以来，新能源汽车产销两旺，市场占有率稳步提升，全年销量创新高。\n".encode("utf-8")


@pytest.mark.parametrize("damaged, said", [
    (PAGE_BYTES[:60] + b"\xff" + PAGE_BYTES[60:], "1 byte that is not UTF-8"),
    (PAGE_BYTES + "业内".encode("utf-8")[:4], "not UTF-8"),  # cut in the middle of a character
    (PAGE_BYTES[:30] + b"\x00" + PAGE_BYTES[30:], "1 NUL byte removed"),
])
def test_a_page_with_a_few_stray_bytes_is_read_with_a_warning(runner, app, tmp_path, damaged, said):
    import json

    page = tmp_path / "page.txt"
    page.write_bytes(damaged)
    result = runner.invoke(app, ["run", str(page), "-f", "json"])
    assert result.exit_code == 0
    assert str(page) in result.stderr and said in result.stderr and len(result.stderr.splitlines()) == 1
    assert "新能源汽车产销两旺" in result.stdout and json.loads(result.stdout)["sources"]


def test_a_page_of_many_bad_bytes_is_still_refused(runner, app, tmp_path):
    page = tmp_path / "page.txt"
    page.write_bytes(bytes(range(256)) * 8)
    result = runner.invoke(app, ["run", str(page)])
    assert result.exit_code == 1 and str(page) in result.stderr


def test_a_big5_page_with_one_stray_byte_pair_is_read_as_big5_and_said():
    """It still decodes as GB18030 (as gibberish); the encoding whose text reads as Chinese
    wins, the stray bytes replaced and named in a note."""
    from digest.load import decode

    data = ("臺灣的經濟發展與國際貿易關係密切，政府推動產業升級，鼓勵企業創新研發。\n" * 30).encode("big5")
    bad = data[:600] + b"\xa4\x80" + data[600:]  # a pair GB18030 reads and Big5 does not
    notes: list[str] = []
    text, encoding = decode(bad, notes)
    assert encoding == "big5" and text.startswith("臺灣的經濟發展")
    assert len(notes) == 1 and "big5" in notes[0] and "byte 600" in notes[0]
    assert decode(data, []) == (data.decode("big5"), "big5")


def _with_strays(data: bytes, pair: bytes, share: float, seed: int = 1) -> bytes:
    import random

    rng, out = random.Random(seed), bytearray(data)
    for _ in range(int(len(data) * share / len(pair))):
        k = rng.randrange(len(out) // 2) * 2  # between two-byte characters (the pages are all Han)
        out[k:k] = pair
    return bytes(out)


BIG5_PAGE = ("臺灣的經濟發展與國際貿易關係密切，政府推動產業升級，鼓勵企業創新研發。\n" * 40).encode("big5")
GB_PAGE = ("长三角科技成果对接转化大会在杭州召开，会上三个联盟成立，推动区域协同创新。\n" * 40).encode("gb18030")


@pytest.mark.parametrize("data, pair, encoding", [
    (BIG5_PAGE, b"\xa4\x80", "big5"),  # pairs GB18030 reads (as gibberish) and Big5 does not
    (BIG5_PAGE, b"\x81\x30", "big5"),  # pairs neither reads
    (GB_PAGE, b"\xff\xff", "gb18030"),
])
def test_a_page_with_many_stray_bytes_is_read_in_its_encoding_and_said(data, pair, encoding):
    """Half a per cent of stray bytes, far beyond the few a UTF-8 page may have: the
    encoding whose text reads as Chinese still wins, never gibberish, and a note says so."""
    from digest.load import decode

    notes: list[str] = []
    text, found = decode(_with_strays(data, pair, 0.005), notes)
    assert found == encoding and "\ufffd" in text and len(notes) == 1 and encoding in notes[0]
    assert text.replace("\ufffd", "").startswith(data.decode(encoding)[:10])


def test_a_page_with_too_many_stray_bytes_is_refused_not_misread():
    from digest.load import LoadError, decode

    with pytest.raises(LoadError, match="encoding"):
        decode(_with_strays(BIG5_PAGE, b"\x81\x30", 0.03), [])


def test_a_dump_with_its_columns_side_by_side_is_read_with_a_warning(runner, app, tmp_path):
    """pdftotext -layout prints a page's columns side by side, a gutter of spaces between them:
    read line by line, the text comes out interleaved, so the user is told so (exit 0, the
    digest still written); an ordinary dump, letter-spaced lines and all, is not."""
    left = ["今年以来，全省港口完成货物吞", "吐 量 同 比 增 长 百 分 之 六 ，集 装 箱", "航线持续加密，外贸运输活跃。"] * 5
    right = ["市区新建绿道三十公里，把沿河", "的 十 几 座 公 园 连 成 一 线 ，市 民 周", "末骑行散步有了新的去处。"] * 5
    layout = tmp_path / "layout.txt"
    layout.write_text("\n".join(f"{a:<30}     {b}" for a, b in zip(left, right)) + "\n", encoding="utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text("\n".join(left + right) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["run", str(layout), str(plain), "-f", "json", "-k", "0"])
    assert result.exit_code == 0 and result.stdout.strip()
    said = [line for line in result.stderr.splitlines() if "side by side" in line]
    assert len(said) == 1 and str(layout) in said[0] and "-layout" in said[0]
