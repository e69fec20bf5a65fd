"""Where `digest run` writes: each page as soon as it is digested (the terminal, JSONL or
Markdown on stdout, a JSONL archive: a hang or a kill costs only the page being read), or the
whole digest at the end (JSON, HTML, mail, and every format written to ``-o FILE``)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from . import cli_utils  # its stdout_is_terminal looked up at each call (the tests stand in a terminal)
from .cli_utils import PLAIN_WIDTH, console, wants_colour, write_output
from .reader_io import open_pager

STREAMED = ("terminal", "jsonl", "markdown")  # the formats written page by page on stdout


class Sink:
    """Pages in, output out: ``page`` for each digested input when ``streaming``, ``close``
    whatever happened, then ``finish`` with the digest (the collected one, or the streamed
    one's errors only)."""

    streaming = False
    to_terminal = False  # writing to the reader's terminal (no progress line then)
    pager = None

    def page(self, part) -> None:
        raise NotImplementedError

    def close(self) -> None:
        pass

    def finish(self, digest) -> None:
        pass


class TerminalStream(Sink):
    """The reader's terminal (through the pager when there is one) or a plain stdout."""

    streaming = True

    def __init__(self, topics: list[str], colour: str, width: Optional[int], no_pager: bool):
        self.topics = topics
        self.to_terminal = cli_utils.stdout_is_terminal()
        self.pager = open_pager() if self.to_terminal and not no_pager else None
        self.out = console(file=self.pager.file if self.pager else None, plain=not wants_colour(colour), width=width,
                           pager=self.pager is not None)
        if self.pager is not None:
            self.out.on_broken_pipe = _pager_quit  # rich would exit 1: quitting the pager early is no failure
        self.legend_shown = False

    def page(self, part) -> None:
        from ..render import terminal

        if not self.legend_shown:
            terminal.render_legend(self.out, self.topics)
            self.legend_shown = True
        for source in part.sources:
            terminal.render_source(source, self.out)

    def close(self) -> None:
        if self.pager is not None:
            self.pager.close()


class MarkdownStream(Sink):
    """Markdown on stdout: the title before the first page, a closing count after the last."""

    streaming = True

    def __init__(self, date: Optional[str]):
        self.date = date
        self.to_terminal = cli_utils.stdout_is_terminal()
        self.pages = self.articles = 0

    def page(self, part) -> None:
        from ..render import markdown

        title = markdown.head(markdown.title_date(self.date, part.sources[0])) if not self.pages else ""
        write_output(title + "".join(markdown.source(s) for s in part.sources), None)
        self.pages += len(part.sources)
        self.articles += sum(len(s.articles) for s in part.sources)

    def finish(self, digest) -> None:
        from ..render import markdown

        if self.pages:
            write_output(markdown.foot(self.pages, self.articles), None)


class JsonlStream(Sink):
    """A JSON line an article on stdout, or appended to an archive (``--resume``)."""

    streaming = True

    def __init__(self, archive=None):
        self.archive = archive
        self.to_terminal = archive is None and cli_utils.stdout_is_terminal()

    def page(self, part) -> None:
        from ..render import jsonout

        if self.archive is not None:
            self.archive.append(jsonout.render_lines(part))
        else:
            write_output(jsonout.render_lines(part), None)

    def close(self) -> None:
        if self.archive is not None:
            self.archive.close()


class Collected(Sink):
    """The whole digest rendered once every input is read, to stdout or ``-o FILE``."""

    def __init__(self, format: str, output: Optional[Path], width: Optional[int], mail: dict):
        self.format, self.output, self.width, self.mail = format, output, width, mail

    def finish(self, digest) -> None:
        if not digest.sources:
            return
        write_output(self._render(digest), self.output)

    def _render(self, digest) -> str:
        from ..render import jsonout, markdown, terminal

        if self.format == "json":
            return jsonout.render(digest)
        if self.format == "jsonl":
            return jsonout.render_lines(digest)
        if self.format == "html":
            from ..render import html  # each format's renderer loaded when asked for

            return html.render(digest)
        if self.format == "markdown":
            return markdown.render(digest)
        if self.format == "email":
            from ..render import email

            return email.render(digest, **self.mail)
        return terminal.plain(digest, self.width or PLAIN_WIDTH)


def open_sink(format: str, output: Optional[Path], archive, topics: list[str], date: Optional[str],
              colour: str, width: Optional[int], no_pager: bool, mail: dict) -> Sink:
    """The sink for FORMAT: streamed when writing to stdout in a streamed format, or to an
    ARCHIVE (``--resume``); else collected."""
    if archive is not None:
        return JsonlStream(archive)
    if output is None and format in STREAMED:
        if format == "terminal":
            return TerminalStream(topics, colour, width, no_pager)
        return MarkdownStream(date) if format == "markdown" else JsonlStream()
    return Collected(format, output, width, mail)


def _pager_quit() -> None:
    raise BrokenPipeError
