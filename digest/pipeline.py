"""The one pipeline: paths -> pages -> segmented sources -> summaries and keywords -> Digest.

The library API; the CLI is a thin layer over ``build_digest``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import BinaryIO, Callable, Iterable

from .categories import categorize
from .keywords import keywords as extract_keywords
from .load import LoadError, expand, read_page
from .model import Article, Digest, Page, Source, SourceError
from .layout import PARA_END, closes_sentence, has_sentence
from .patterns import DATELINE
from .segment import segment
from .summarize import DEFAULT_METHOD, summarize, summarize_many
from .text import split_sentences

GENERATED_TITLE_CHARS = 24
HEADING_CHARS = 24  # a paragraph this short without a sentence end is a section sub-head
LONG_HEADING_CHARS = 48
_REPORTER_CREDIT = re.compile(r"^\s*[（(][^（）()]{1,12}[）)]")  # "（阮见）" after 本报上海5月23日电


@dataclass(frozen=True)
class Options:
    method: str = DEFAULT_METHOD
    sentences: int = 3
    max_chars: int | None = None
    keywords: int = 5


def digest_page(page: Page, options: Options = Options()) -> Source:
    """Segment one page and summarize each of its articles."""
    source = segment(page)
    summaries = summarize_many([summary_text(a) for a in source.articles], options.method, k=options.sentences,
                               max_chars=options.max_chars)
    for article, summary in zip(source.articles, summaries):
        enrich(article, options, summary)
    return source


def digest_text(text: str, source: str = "-", options: Options = Options()) -> Source:
    return digest_page(Page(source=source, text=text), options)


def summary_text(article: Article) -> str:
    """The article's text without its section sub-heads: a summary is made of sentences."""
    paragraphs = [p for p in article.paragraphs if not _is_heading(p)]
    return "\n".join(paragraphs or article.paragraphs)


def _is_heading(paragraph: str) -> bool:
    """Short, and no sentence end: not even a quote closing after one ("全面打通成果“转化链”").
    A theory page's section heads run longer ("社会主要矛盾变化标志着中国特色社会主义取得重大
    历史性成就"), but have no sentence end anywhere in them."""
    if paragraph[-1:] in PARA_END and closes_sentence(paragraph):
        return False
    return len(paragraph) <= HEADING_CHARS or len(paragraph) <= LONG_HEADING_CHARS and not has_sentence(paragraph)


def enrich(article: Article, options: Options, summary: list[str] | None = None) -> None:
    """Summary (unless already made for the whole page), keywords, topic, stand-in title."""
    text = article.text
    if summary is None:
        summary = summarize(summary_text(article), options.method, k=options.sentences, max_chars=options.max_chars)
    article.summary = summary
    article.keywords = extract_keywords(text, options.keywords)
    article.category = categorize(article.title, text, article.keywords)
    if article.title is None and text.strip():
        article.title = generated_title(article.summary or split_sentences(text))
        article.title_generated = article.title is not None


def generated_title(sentences: list[str]) -> str | None:
    """A stand-in headline for an article the page printed without one: its key sentence, cut short."""
    if not sentences:
        return None
    first = _REPORTER_CREDIT.sub("", DATELINE.sub("", sentences[0])).lstrip("，, ").rstrip("。！？；;!?") or sentences[0]
    for sep in "，,：:":
        head = first.split(sep)[0]
        if 6 <= len(head) <= GENERATED_TITLE_CHARS:
            return head
    return first[:GENERATED_TITLE_CHARS] + ("…" if len(first) > GENERATED_TITLE_CHARS else "")


def build_digest(
    paths: Iterable[str],
    options: Options = Options(),
    stdin: BinaryIO | None = None,
    progress: Callable[[str], None] | None = None,
) -> Digest:
    """Digest every path; a path that cannot be read becomes an error entry, not a failure."""
    digest = Digest(method=options.method)
    for item in expand(list(paths)):
        if isinstance(item, SourceError):
            digest.errors.append(item)
            continue
        if progress is not None:
            progress(item)
        try:
            page = read_page(item, stdin=stdin)
        except LoadError as exc:
            digest.errors.append(SourceError(item, str(exc)))
            continue
        try:
            digest.sources.append(digest_page(page, options))
        except Exception as exc:  # a bug on one page must not lose the others' output
            digest.errors.append(SourceError(item, f"internal error ({type(exc).__name__}: {exc}); please report it"))
    return digest
