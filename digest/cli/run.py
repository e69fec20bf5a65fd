"""`digest run`: pages -> digest, in the chosen format."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from . import app
from .cli_utils import check_method, console, error, stdout_is_terminal
from .reader_io import Progress, stderr_is_terminal


class Format(str, Enum):
    terminal = "terminal"
    markdown = "markdown"
    json = "json"
    jsonl = "jsonl"
    html = "html"
    email = "email"


class Colour(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


class Order(str, Enum):
    page = "page"
    importance = "importance"


def _read_config(ctx: typer.Context, param: typer.CallbackParam, value: Optional[str]):
    """Read the config file before the other options, so that its [defaults] are theirs (an
    option on the command line still wins): a bad file or value is one line, exit 2."""
    from ..config import ConfigError, load

    try:
        config = load(Path(value) if value else None)
    except ConfigError as exc:
        error(str(exc))
        raise typer.Exit(2)
    params = {p.name: p for p in ctx.command.params}
    for key, name, raw in config.defaults:
        try:
            params[name].process_value(ctx, raw)
        except Exception as exc:  # the option's own check (type, range, choice) failed
            error(f"{config.path}: defaults.{key}: {getattr(exc, 'message', None) or exc}")
            raise typer.Exit(2)
    ctx.default_map = {**(ctx.default_map or {}), **{name: raw for _, name, raw in config.defaults}}
    return config


@app.command()
def run(
    paths: List[str] = typer.Argument(..., metavar="PATH", help="Pages: text dumps or PDFs, directories (their *.txt and *.pdf) or - for stdin."),
    format: Format = typer.Option(Format.terminal, "--format", "-f", help="Output format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to FILE instead of stdout."),
    sentences: int = typer.Option(3, "--sentences", "-n", min=1, max=50, help="Summary sentences per article."),
    max_chars: Optional[int] = typer.Option(None, "--max-chars", min=1, help="Summary character budget (instead of -n)."),
    method: str = typer.Option("textrank", "--method", "-m", help="Summarizer (see `digest summarize --list`)."),
    keywords: int = typer.Option(5, "--keywords", "-k", min=0, max=50, help="Keywords per article."),
    mail_to: Optional[str] = typer.Option(None, "--to", help="email format: To header."),
    mail_from: Optional[str] = typer.Option(None, "--from", help="email format: From header."),
    subject: Optional[str] = typer.Option(None, "--subject", help="email format: Subject header."),
    color: Colour = typer.Option(Colour.auto, "--color",
                                 help="Colour on the terminal: auto (FORCE_COLOR and NO_COLOR are honoured), always, never."),
    width: Optional[int] = typer.Option(None, "--width", min=20, max=1000, metavar="N",
                                        help="Terminal format: columns (default: the terminal's width; 72 when piped)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Nothing on stderr unless an input failed."),
    grep: Optional[str] = typer.Option(None, "--grep", metavar="WORD",
                                       help="Only articles with WORD in their title, keywords or text."),
    category: Optional[str] = typer.Option(None, "--category", metavar="NAME", help="Only articles of this topic."),
    top: Optional[int] = typer.Option(None, "--top", min=1, metavar="N",
                                      help="Only the N most important articles of each page (length and place on the page)."),
    sort: Order = typer.Option(Order.page, "--sort",
                               help="Articles in page order, or the most important first."),
    recursive: bool = typer.Option(False, "--recursive", "-r", help="Read directories' subdirectories too."),
    date: Optional[str] = typer.Option(None, "--date", metavar="YYYY-MM-DD",
                                       help="The digest's date (titles, mail Date and subject); else the pages' latest printed date."),
    no_pager: bool = typer.Option(False, "--no-pager",
                                  help="Terminal format: never page (else $PAGER, default `less -FRX`, on a terminal)."),
    resume: bool = typer.Option(False, "--resume",
                                help="With -f jsonl -o FILE: skip the inputs FILE already holds, append the others page by page."),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, max=256,
                             help="Pages digested at once, in processes (0: one per core). Same output as -j 1."),
    config=typer.Option(None, "--config", metavar="FILE", is_eager=True, callback=_read_config, show_default=False,
                        help="Defaults and categories from this TOML file (else $XDG_CONFIG_HOME/digest/config.toml)."),
) -> None:
    """Digest newspaper pages: articles, summaries, keywords.

    Exit status: 0 all inputs digested, 1 some input could not be read (the others are
    still digested), 2 usage error.
    """
    from ..categories import names

    topics = names(config.categories)
    date = _checked(method, category, topics, date, format, {"--to": mail_to, "--from": mail_from, "--subject": subject})
    from ..model import Digest
    from ..pipeline import Options, digest_inputs
    from ..select_articles import choose
    from .sinks import open_sink

    options = Options(method=method, sentences=sentences, max_chars=max_chars, keywords=keywords,
                      categories=config.categories)
    archive = _open_archive(output, format) if resume else None
    sink = open_sink(format.value, output, archive, topics, date, color.value, width, no_pager,
                     mail={"to": mail_to, "sender": mail_from, "subject": subject})
    progress = Progress(enabled=stderr_is_terminal() and not quiet and not sink.to_terminal)
    status = None
    if stdout_is_terminal() and not sink.streaming and not quiet and not progress.enabled:
        status = console(file=None).status("digesting…")
        status.start()
    digest = Digest(method=method, date=date, categories=topics)
    try:
        for part in digest_inputs(paths, options, jobs=jobs or _cores(), recursive=recursive, progress=progress.start,
                                  skip=archive.holds if archive else None):
            _say(part, quiet)
            progress.count(part)
            part.sources = [choose(source, grep, category, top, sort.value) for source in part.sources]
            if not sink.streaming:
                digest.extend(part)
                continue
            if part.sources:  # each page out as soon as it is done: a hang costs only it
                sink.page(part)
            digest.errors += part.errors  # written already: keep what the end needs, not the pages
    except BrokenPipeError:
        if sink.pager is None:
            raise
        pass  # the reader quit the pager: the rest is not wanted
    finally:
        if status is not None:
            status.stop()
        progress.finish()
        sink.close()
    sink.finish(digest)
    if digest.errors:
        raise typer.Exit(1)


def _checked(method: str, category: Optional[str], topics: list[str], date: Optional[str], format: Format,
             headers: dict) -> Optional[str]:
    """The options no type checks: the summarizer, the category, the date (returned as
    YYYY-MM-DD) and a mail's headers; a bad one is one line on stderr, exit 2."""
    check_method(method)
    if category is not None and category not in topics:
        raise typer.BadParameter(f"{category!r}: choose from {', '.join(topics)}", param_hint="'--category'")
    if date is not None:
        import datetime

        try:
            date = datetime.date.fromisoformat(date).isoformat()
        except ValueError:
            raise typer.BadParameter(f"{date!r}: a date as YYYY-MM-DD", param_hint="'--date'") from None
    if format is Format.email:
        from ..render.email import header_problem

        for name, value in headers.items():
            problem = header_problem(name, value, name != "--subject")
            if problem:
                error(problem)
                raise typer.Exit(2)
    return date


def _say(part, quiet: bool) -> None:
    """An input's errors, and unless quiet its warnings, on stderr as soon as it is read."""
    for err in part.errors + ([] if quiet else part.warnings):
        error(f"{err.source}: {err.message}")
    for source in part.sources:
        if not source.articles and not source.noise and not quiet:
            error(f"{source.source}: warning: the page is empty")  # said, not an error: exit 0


def _open_archive(output: Optional[Path], format: "Format"):
    from .reader_io import Archive

    if format is not Format.jsonl or output is None or str(output) == "-":
        raise typer.BadParameter("needs --format jsonl and -o FILE (the archive to append to)", param_hint="'--resume'")
    try:
        return Archive(output)
    except OSError as exc:
        error(f"{output}: cannot write: {exc.strerror or exc}")
        raise typer.Exit(1)


def _cores() -> int:
    """The cores this process may run on (a container's share, not the machine's count)."""
    import os

    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1
