"""The HTML digest as a browser shows it: headless Chromium renders the page (a screenshot
with text on it, the articles in the rendered DOM) and a page's own markup stays inert.
Skipped where no Chromium is installed (Debian: `apt-get install chromium`)."""
from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from conftest import SAMPLES

BROWSER = next((shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome")
                if shutil.which(name)), None)
pytestmark = pytest.mark.skipif(BROWSER is None, reason="no Chromium on this machine")


def chromium(tmp_path: Path, page: Path, *args: str) -> subprocess.CompletedProcess:
    """Headless, no network, a fresh profile: what a reader's browser shows of PAGE."""
    return subprocess.run(
        [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
         f"--user-data-dir={tmp_path / 'profile'}", *args, page.as_uri()],
        capture_output=True, text=True, timeout=120)


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """(width, height, rows of RGB(A) bytes) of an 8-bit, non-interlaced PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    at, idat, header = 8, b"", None
    while at < len(data):
        size, kind = struct.unpack(">I4s", data[at : at + 8])
        body = data[at + 8 : at + 8 + size]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        at += 12 + size
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0
    step = 3 if colour == 2 else 4
    raw, rows, prev = zlib.decompress(idat), [], bytes(width * step)
    for y in range(height):
        line = raw[y * (width * step + 1) : (y + 1) * (width * step + 1)]
        kind, cur = line[0], bytearray(line[1:])
        for x in range(len(cur)):
            a = cur[x - step] if x >= step else 0
            b = prev[x]
            c = prev[x - step] if x >= step else 0
            if kind == 1:
                cur[x] = (cur[x] + a) & 255
            elif kind == 2:
                cur[x] = (cur[x] + b) & 255
            elif kind == 3:
                cur[x] = (cur[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                cur[x] = (cur[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(cur))
        prev = cur
    return width, height, [bytes(r[k] for k in range(len(r)) if k % step < 3) for r in rows]


def test_the_html_digest_renders_in_a_browser_with_its_articles(runner, app, tmp_path):
    page = tmp_path / "digest.html"
    result = runner.invoke(app, ["run", str(SAMPLES / "001_c697f188a711ef04.txt"), "-f", "html", "-o", str(page)])
    assert result.exit_code == 0
    dom = chromium(tmp_path, page, "--dump-dom").stdout
    for title in ("成果转化“地摊模式”变身“卖场模式”", "中国（温州）智能谷“金8条”新政发布"):
        assert title in dom
    shot = tmp_path / "shot.png"
    chromium(tmp_path, page, f"--screenshot={shot}", "--window-size=800,1000")
    width, height, rows = png_pixels(shot.read_bytes())
    assert (width, height) == (800, 1000)
    ink = sum(1 for row in rows for k in range(0, len(row), 3) if min(row[k : k + 3]) < 128)
    assert 0.01 < ink / (width * height) < 0.5  # text on a light page: neither blank nor a block of colour


def test_a_pages_own_markup_stays_inert_in_the_browser(runner, app, tmp_path):
    dump = tmp_path / "hostile.txt"
    dump.write_text("2024年5月6日 星期一\n\n标题<script>document.body.innerHTML='PWNED'</script>\n\n"
                    "本报讯 今年以来，全市新建<img src=x onerror=\"document.title='PWNED'\">充电桩三万个，"
                    "覆盖所有县城和重点乡镇，[bold]车主[/bold]出行更加方便。\n", encoding="utf-8")
    page = tmp_path / "hostile.html"
    assert runner.invoke(app, ["run", str(dump), "-f", "html", "-o", str(page)]).exit_code == 0
    dom = chromium(tmp_path, page, "--dump-dom").stdout
    assert "新闻摘要" in dom and "<title>PWNED" not in dom  # the page's script and handler never ran
    assert "<script>" not in dom.split("<body>", 1)[1] and "<img" not in dom
    assert "&lt;script&gt;" in dom  # shown as text, as printed
