"""The plain data that flows through the pipeline: Page -> Lines -> Blocks -> Articles -> Digest.

Renderers read these and nothing else; ``Digest.to_dict`` is the JSON schema ``digest/1``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .patterns import noise_kind

SCHEMA = "digest/1"


@dataclass(frozen=True)
class LineBox:
    """Where a PDF drew one line: its box (points, top-down), type size and font."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    font: str = ""
    vertical: bool = False
    doubled: bool = False  # a second copy the PDF drew over the first (fake bold): noise


@dataclass(frozen=True)
class Page:
    """One decoded input: the text of an e-paper page as a PDF extractor gave it.

    A page read from a PDF also carries ``geometry``: one LineBox per line of ``text``
    (None for its blank lines)."""

    source: str  # the path as the user gave it, or "-" for stdin; "FILE.pdf#p3" for a page of an edition
    text: str
    encoding: str = "utf-8"  # "pdf" for a page read from a PDF
    geometry: tuple[LineBox | None, ...] | None = None
    page_size: tuple[float, float] | None = None
    notes: tuple[str, ...] = ()  # repairs made while reading it ("2 NUL bytes removed"): said on stderr


@dataclass
class Line:
    """One physical line of the dump with the cues the segmenter reads.

    ``x``, ``y`` and ``font_size`` are for inputs that carry geometry (PDFs); text dumps
    leave them None and the segmenter falls back on text cues alone.
    """

    number: int  # 1-based line number in the dump (a split line keeps its number)
    raw: str  # the line as printed (may be a piece of a physical line)
    text: str  # spacing repaired
    spaced: bool = False  # printed with a space between every character
    # what is known early: "glued" (a slogan split off a head), "duplicate", "inside" (a name
    # piece the sentence runs round), "jumps" (text a jump marker is appended to)
    hint: str | None = None
    role: str = "body"  # headline, subtitle, byline, dateline, body, subhead, caption, jump, noise, blank
    article: int | None = None  # index of the article it went to
    tag: str | None = None  # the learned tagger's reading: body, head, subhead, byline, noise
    x: float | None = None
    y: float | None = None
    font_size: float | None = None

    @property
    def blank(self) -> bool:
        return not self.text

    @property
    def last_number(self) -> int:
        """The last physical line (a vertical head spans many)."""
        return self.number + self.raw.count("\n")

    @property
    def spaced_raw(self) -> str:
        """The raw text with runs of spaces collapsed: what bylines are matched on."""
        return " ".join(self.raw.split())


@dataclass
class Article:
    id: str
    title: str | None = None
    title_generated: bool = False
    subtitle: str | None = None
    byline: str | None = None
    complete_start: bool = True
    continued: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    category: str | None = None

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "title_generated": self.title_generated,
            "subtitle": self.subtitle,
            "byline": self.byline,
            "complete_start": self.complete_start,
            "continued": self.continued,
            "paragraphs": list(self.paragraphs),
            "summary": list(self.summary),
            "keywords": list(self.keywords),
            "category": self.category,
        }


@dataclass
class Source:
    """One page after segmentation (and, later, summaries)."""

    source: str
    encoding: str = "utf-8"
    paper: str | None = None
    date: str | None = None  # YYYY-MM-DD
    page: str | None = None
    articles: list[Article] = field(default_factory=list)
    noise: list[str] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)  # roles per line, for `digest inspect`

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "paper": self.paper,
            "date": self.date,
            "page": self.page,
            "articles": [a.to_dict() for a in self.articles],
            "noise": list(self.noise),
            "noise_kinds": [noise_kind(text) for text in self.noise],  # what each noise block is, in order
        }


@dataclass(frozen=True)
class SourceError:
    """An input that could not be read; the others are still digested."""

    source: str
    message: str


@dataclass
class Digest:
    sources: list[Source] = field(default_factory=list)
    errors: list[SourceError] = field(default_factory=list)
    warnings: list[SourceError] = field(default_factory=list)  # read, with a repair worth saying
    method: str = "textrank"
    date: str | None = None  # YYYY-MM-DD the reader gave (--date); else the pages' own dates count
    categories: list[str] | None = None  # the topic names in use, 综合 last (None: the shipped ones)

    def latest_date(self) -> str | None:
        """The digest's date: the one given, else the latest date printed on its pages."""
        return self.date or max((s.date for s in self.sources if s.date), default=None)

    def to_dict(self) -> dict:
        return {"schema": SCHEMA, "sources": [s.to_dict() for s in self.sources]}

    def extend(self, part: "Digest") -> None:
        """Take in the digest of more inputs (``pipeline.digest_inputs`` yields one per input)."""
        self.sources += part.sources
        self.errors += part.errors
        self.warnings += part.warnings
