"""benchmarks/pdfpages.py: generated pages drawn into real PDFs and read back by the real
extractors (development tools: skipped where they are not installed)."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

pytest.importorskip("pymupdf")
pytest.importorskip("pdfminer")
if shutil.which("pdftotext") is None:
    pytest.skip("pdftotext is not installed", allow_module_level=True)


def _line(x: float, top: float, size: float, text: str, font: str) -> list:
    from digest.pdf import Glyph

    out, k = [], 0
    for ch in text:
        out.append(Glyph(ch, x + k * size, top, x + (k + 1) * size, top + size, size, font))
        k += 1
    return out


def test_every_extractor_reads_back_every_character_of_a_drawn_page():
    import pdfpages

    head = _line(40, 40, 24, "新征程谱写新篇章", "FZDHTK")
    body = _line(40, 90, 10, "2021年全国粮食总产量再创新高。", "FZBSK")
    dumps = pdfpages.dumps(pdfpages.draw(head + body))
    assert set(dumps) == set(pdfpages.EXTRACTORS)
    for extractor, text in dumps.items():
        squashed = "".join(text.split())
        assert "新征程谱写新篇章" in squashed, extractor
        assert "2021年全国粮食总产量再创新高。" in squashed, extractor
    # digits are set half as wide as a Chinese character: no extractor sees gaps between them
    assert "2021年" in dumps["pdftotext"]
