"""Page metadata (paper, date, page label) read from the masthead lines the segmenter set aside."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date

from .patterns import DATE, PAGE_LABEL, PAPER_NAME


@dataclass(frozen=True)
class Masthead:
    paper: str | None = None
    date: str | None = None
    page: str | None = None


def read(noise_blocks: list[str]) -> Masthead:
    paper = day = page = None
    for text in noise_blocks:
        compact = text.replace(" ", "")
        if day is None:
            m = DATE.search(compact)
            if m and ("星期" in compact or len(compact) <= 16):
                day = _iso(*m.groups())
        if page is None:
            m = PAGE_LABEL.match(compact)
            if m:
                page = (m.group(1) or m.group(2)).replace(" ", "")
        if paper is None:
            for part in compact.replace("：", ":").replace("或", ":").split(":"):
                m = PAPER_NAME.fullmatch(part)
                if m:
                    paper = m.group(1)
                    break
    return Masthead(paper=paper, date=day, page=page)


def _iso(y: str, m: str, d: str) -> str | None:
    try:
        return Date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None
