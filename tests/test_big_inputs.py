"""Huge inputs cost memory and time in proportion to their size: a dump far longer than a
page is segmented in pieces, a page's articles are summarized in batches, and the tests that
build huge inputs cap their own memory (a regression fails the test, not the machine)."""
from __future__ import annotations

import resource
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from conftest import SAMPLES

BIN = Path(sys.executable).parent


def _samples_text(times: int) -> str:
    return ("\n".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))) + "\n\n") * times


def _chars(source) -> Counter:
    out = Counter()
    for a in source.articles:
        for part in [a.title or "", a.subtitle or "", a.byline or "", *a.paragraphs]:
            out.update(ch for ch in part if not ch.isspace())
    for n in source.noise:
        out.update(ch for ch in n if not ch.isspace())
    return out


def test_a_dump_longer_than_a_page_is_segmented_in_pieces_and_nothing_is_lost(monkeypatch):
    from digest import segment as segment_module
    from digest.model import Page

    text = _samples_text(3)
    monkeypatch.setattr(segment_module, "CHUNK_CHARS", 4000)
    pieces = segment_module._pieces(text)
    assert len(pieces) > 5 and "\n".join(pieces) == text
    source = segment_module.segment(Page(source="big.txt", text=text))
    assert _chars(source) == Counter(ch for ch in text if not ch.isspace())  # every character, once
    ids = [a.id for a in source.articles]
    assert ids == [f"big#{k}" for k in range(1, len(ids) + 1)]
    numbers = [line.number for line in source.lines]
    assert numbers == sorted(numbers) and numbers[-1] <= text.count("\n") + 1
    whole = segment_module._segment(Page(source="big.txt", text=text))
    # a cut costs at most two articles: the one it cuts in two, and a fragment it strands (a
    # caption or a head over no text); on this text 19 cuts cost 15 to 21 as the models are
    # retrained (81 against 66; 84 against 63 with a joiner that segments the whole as 3 x 21)
    assert abs(len(source.articles) - len(whole.articles)) <= 2 * (len(pieces) - 1)


def test_a_page_shorter_than_a_piece_is_segmented_whole():
    from digest.model import Page
    from digest.segment import CHUNK_CHARS, _segment, segment

    text = (SAMPLES / "001_c697f188a711ef04.txt").read_text(encoding="utf-8")
    assert len(text) < CHUNK_CHARS
    assert [a.to_dict() for a in segment(Page(source="p.txt", text=text)).articles] == \
        [a.to_dict() for a in _segment(Page(source="p.txt", text=text)).articles]


def _capped_run(path: Path, megabytes: int) -> subprocess.CompletedProcess:
    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (megabytes << 20, megabytes << 20))

    return subprocess.run([str(BIN / "digest"), "run", str(path), "-f", "json", "-o", "/dev/null", "-j", "1", "-q"],
                          preexec_fn=cap, capture_output=True, text=True, timeout=600)


@pytest.mark.skipif(sys.platform != "linux", reason="address-space limits as Linux sets them")
def test_a_megabyte_page_digests_within_a_memory_cap(tmp_path):
    """1 MB of pages (some 250 articles) in 700 MB of address space; the summarizer's old
    quadratic graph needed 1.4 GB for 1.5 MB."""
    path = tmp_path / "big.txt"
    path.write_text(_samples_text(90), encoding="utf-8")
    assert path.stat().st_size > 1 << 20
    result = _capped_run(path, 700)
    assert result.returncode == 0, result.stderr[-500:]


@pytest.mark.skipif(sys.platform != "linux", reason="address-space limits as Linux sets them")
def test_one_megabyte_article_digests_within_a_memory_cap(tmp_path):
    """A single article of 1 MB (some 9,000 sentences): the quadratic graph would need ~0.6 GB more."""
    sentences = [line for line in _samples_text(1).splitlines() if line.endswith("。") and len(line) > 20]
    path = tmp_path / "article.txt"
    path.write_text("一篇很长的文章\n\n" + ("\n".join(sentences) + "\n") * 120, encoding="utf-8")
    assert path.stat().st_size > 1 << 20
    result = _capped_run(path, 700)
    assert result.returncode == 0, result.stderr[-500:]
