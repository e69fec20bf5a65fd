"""The one pipeline: paths -> pages -> segmented sources -> summaries and keywords -> Digest.

The library API; the CLI is a thin layer over ``build_digest``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import BinaryIO, Callable, Iterable, Iterator

from .categories import Lexicon, categorize
from .keywords import keywords as extract_keywords, page_keywords
from .load import LoadError, Skipped, expand, read_pages
from .model import Article, Digest, Page, Source, SourceError
from .layout import PARA_END, closes_sentence, has_sentence
from .patterns import DATELINE
from .segment import segment
from .summarize import DEFAULT_METHOD, summarize, summarize_many
from .text import split_sentences, visible

GENERATED_TITLE_CHARS = 24
HEADING_CHARS = 24  # a paragraph this short without a sentence end is a section sub-head
LONG_HEADING_CHARS = 64  # ... or up to this long with no sentence end in it: two wrapped heads run together
_REPORTER_CREDIT = re.compile(r"^\s*[（(][^（）()]{1,12}[）)]")  # "（阮见）" after 本报上海5月23日电
# A first clause that only says who said it ("东北证券研报认为") or sets the scene ("当地时间周一",
# "截至1月25日晚间", "避险情绪驱动下", "记者日前获悉") makes no headline; the clause after it does.
_SAID = re.compile(r"^(\S{2,10}?)(?:研报|报告|文章|分析师|首席经济学家|负责人|人士|发言人)?(?:认为|指出|表示|称|预计|强调|介绍|透露|分析|说)$")
_SETTING = re.compile(r"^(?:当地时间|截至|截止|据悉|据了解|记者|日前|近日|近期|昨日|今日|今天|目前|此前|北京时间|\d{1,4}年|\d{1,2}月)"
                      r"|(?:获悉|了解到|期间|之际|以来|驱动下|影响下|背景下|情况下)$")


@dataclass(frozen=True)
class Options:
    method: str = DEFAULT_METHOD
    sentences: int = 3
    max_chars: int | None = None
    keywords: int = 5
    categories: Lexicon | None = None  # the topic word list (None: the shipped one)


def digest_page(page: Page, options: Options = Options()) -> Source:
    """Segment one page and summarize each of its articles."""
    source = segment(page, keep_lines=False)  # each line's role is `digest inspect`'s business (memory)
    source.source = visible(source.source)  # a file name never drives the terminal, and stays valid UTF-8
    for start in range(0, len(source.articles), BATCH_ARTICLES):
        batch = source.articles[start : start + BATCH_ARTICLES]
        summaries = summarize_many([summary_text(a) for a in batch], options.method, k=options.sentences,
                                   max_chars=options.max_chars, titles=[printed_title(a) for a in batch])
        words = page_keywords([a.text for a in batch], options.keywords)  # each against its page (a huge dump: its batch)
        for article, summary, keywords in zip(batch, summaries, words):
            enrich(article, options, summary, keywords)
    return source


BATCH_ARTICLES = 200  # a page has 2-30 articles; a huge dump is summarized this many at a time (memory)


def digest_text(text: str, source: str = "-", options: Options = Options()) -> Source:
    return digest_page(Page(source=source, text=text), options)


def summary_text(article: Article) -> str:
    """The article's text without its section sub-heads: a summary is made of sentences."""
    paragraphs = [p for p in article.paragraphs if not _is_heading(p)]
    return "\n".join(paragraphs or article.paragraphs)


def printed_title(article: Article) -> str | None:
    """The head the page printed (not one made from the text): what the summary may weigh."""
    return None if article.title_generated else article.title


def _is_heading(paragraph: str) -> bool:
    """Short, and no sentence end: not even a quote closing after one ("全面打通成果“转化链”").
    A theory page's section heads run longer ("社会主要矛盾变化标志着中国特色社会主义取得重大
    历史性成就"), but have no sentence end anywhere in them."""
    if paragraph[-1:] in PARA_END and closes_sentence(paragraph):
        return False
    return len(paragraph) <= HEADING_CHARS or len(paragraph) <= LONG_HEADING_CHARS and not has_sentence(paragraph)


def enrich(article: Article, options: Options, summary: list[str] | None = None,
           keywords: list[str] | None = None) -> None:
    """Summary (unless already made for the whole page), keywords, topic, stand-in title."""
    text = article.text
    if summary is None:
        summary = summarize(summary_text(article), options.method, k=options.sentences, max_chars=options.max_chars,
                            title=printed_title(article))
    article.summary = summary
    article.keywords = keywords if keywords is not None else extract_keywords(text, options.keywords)
    article.category = categorize(article.title, text, article.keywords, options.categories)
    if article.title is None and text.strip():
        article.title = generated_title(article.summary or split_sentences(text))
        article.title_generated = article.title is not None


def generated_title(sentences: list[str]) -> str | None:
    """A stand-in headline for an article the page printed without one: its key sentence, cut short."""
    if not sentences:
        return None
    first = _REPORTER_CREDIT.sub("", DATELINE.sub("", sentences[0])).lstrip("，, ").rstrip("。！？；;!?") or sentences[0]
    clauses = [c for c in re.split(r"[，,]", first) if c]
    source = None
    while len(clauses) > 1:
        said = _SAID.match(clauses[0])
        if said:  # "东北证券研报认为，春季躁动还在调整…" -> "东北证券：春季躁动还在调整"
            source = source or said.group(1)
        elif not _SETTING.search(clauses[0]):
            break
        clauses.pop(0)  # "当地时间周一，…", "记者日前获悉，…": the setting, not the news
    rest = "，".join(clauses)
    head = rest.split("，")[0]
    if source and 4 <= len(head) <= GENERATED_TITLE_CHARS - len(source) - 1:
        return f"{source}：{head}"
    for sep in "，：:":
        head = rest.split(sep)[0]
        if 6 <= len(head) <= GENERATED_TITLE_CHARS:
            return head
    return rest[:GENERATED_TITLE_CHARS] + ("…" if len(rest) > GENERATED_TITLE_CHARS else "")


def build_digest(
    paths: Iterable[str],
    options: Options = Options(),
    stdin: BinaryIO | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    jobs: int = 1,
    recursive: bool = False,
) -> Digest:
    """Digest every path; a path that cannot be read becomes an error entry, not a failure.

    With ``jobs`` > 1 the inputs are digested in that many processes; the result is the same,
    in the same order, as with one."""
    digest = Digest(method=options.method)
    for part in digest_inputs(paths, options, stdin, progress, jobs, recursive):
        digest.extend(part)
    return digest


def digest_inputs(
    paths: Iterable[str],
    options: Options = Options(),
    stdin: BinaryIO | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    jobs: int = 1,
    recursive: bool = False,
    skip: Callable[[str], bool] | None = None,
) -> Iterator[Digest]:
    """One partial digest per input, in input order, each as soon as it is done (and those
    before it): a caller can write a page's digest before the next page is read.
    ``progress(k, total, item)`` is told before each input is digested; an input for which
    ``skip(name)`` is true is not read at all (``--resume``)."""
    items = [item for item in expand(list(paths), recursive)
             if skip is None or type(item) is not str or item == "-" or not skip(visible(item))]
    files = [item for item in items if type(item) is str and item != "-"]
    pool = None
    futures = {}
    if jobs > 1 and len(files) > 1:
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(max_workers=min(jobs, len(files)))
        futures = {k: pool.submit(digest_input, item, options) for k, item in enumerate(items)
                   if type(item) is str and item != "-"}
    try:
        for k, item in enumerate(items):
            if isinstance(item, SourceError):
                yield Digest(method=options.method, errors=[SourceError(visible(item.source), item.message)])
                continue
            if isinstance(item, Skipped):
                yield Digest(method=options.method, warnings=[SourceError(visible(str(item)), item.message)])
                continue
            if progress is not None:
                progress(k, len(items), item)  # input k+1 of len(items) is next
            yield futures[k].result() if k in futures else digest_input(item, options, stdin)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def digest_input(item: str, options: Options = Options(), stdin: BinaryIO | None = None) -> Digest:
    """One input (a file or ``-``) digested: its pages, or the one line that says why not."""
    digest = Digest(method=options.method)
    try:
        pages = read_pages(item, stdin=stdin)
    except LoadError as exc:
        digest.errors.append(SourceError(visible(item), str(exc)))
        return digest
    except Exception as exc:  # a reader's bug on one file must not lose the others' output
        digest.errors.append(SourceError(visible(item), f"internal error ({type(exc).__name__}: {exc}); please report it"))
        return digest
    for page in pages:  # a PDF edition gives one page per printed page
        digest.warnings += [SourceError(visible(page.source), f"warning: {note}") for note in page.notes]
        try:
            digest.sources.append(digest_page(page, options))
        except Exception as exc:  # a bug on one page must not lose the others' output
            digest.errors.append(SourceError(visible(page.source), f"internal error ({type(exc).__name__}: {exc}); "
                                                                   "please report it"))
    return digest
