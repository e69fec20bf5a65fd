"""What a reader at a terminal gets beyond the digest itself: a pager for a long digest and a
progress bar for many pages. Neither ever appears in a pipe, a file or cron."""
from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time

PROGRESS_FROM = 4  # inputs: fewer finish before a bar would be worth drawing
DEFAULT_PAGER = "less -FRX"  # -F: quit at once when the digest fits the screen; -R: colours; -X: leave it shown


def pager_command() -> list[str] | None:
    """$PAGER (empty: no pager), else `less -FRX` if less is installed."""
    pager = os.environ.get("PAGER")
    if pager is not None:
        return shlex.split(pager) or None
    argv = shlex.split(DEFAULT_PAGER)
    return argv if shutil.which(argv[0]) else None


class Pager:
    """A pager process the terminal digest is streamed into (each page as soon as it is done);
    the reader quitting it early ends the run quietly."""

    def __init__(self, argv: list[str]):
        env = dict(os.environ)
        env.setdefault("LESSCHARSET", "utf-8")
        self.process = subprocess.Popen(argv, stdin=subprocess.PIPE, env=env, encoding="utf-8", errors="replace")
        self.file = self.process.stdin

    def close(self) -> None:
        try:
            self.process.stdin.close()
        except BrokenPipeError:
            pass
        self.process.wait()


def open_pager() -> Pager | None:
    argv = pager_command()
    if argv is None:
        return None
    try:
        return Pager(argv)
    except OSError:  # a PAGER that does not run: the digest goes to the terminal as it is
        return None


def stderr_is_terminal() -> bool:
    return sys.stderr.isatty() and os.environ.get("TERM") != "dumb"


class Progress:
    """A bar on stderr while the inputs are digested, and one line at the end: only on a
    terminal, only for more than a few inputs, never with --quiet."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.bar = None
        self.task = None
        self.started = time.monotonic()
        self.pages = self.articles = 0

    def start(self, done: int, total: int, item: str) -> None:
        """Called before input DONE+1 of TOTAL is digested."""
        if not self.enabled or total < PROGRESS_FROM:
            return
        if self.bar is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn, TimeRemainingColumn

            self.bar = Bar(TextColumn("digesting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                           TextColumn("{task.description}"), console=Console(file=sys.stderr), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("", total=total)
        from ..text import visible

        self.bar.update(self.task, completed=done, description=os.path.basename(visible(item))[:40])

    def count(self, part) -> None:
        self.pages += len(part.sources)
        self.articles += sum(len(s.articles) for s in part.sources)

    def finish(self) -> None:
        if self.bar is None:
            return
        self.bar.stop()
        seconds = time.monotonic() - self.started
        print(f"digest: {self.pages} pages, {self.articles} articles in {seconds:.1f} s", file=sys.stderr)


class Archive:
    """``--resume``: the JSON Lines file a long run appends to, page by page, and the inputs it
    already holds (skipped: a run stopped at any moment starts again where it was)."""

    def __init__(self, path):
        from ..render.jsonout import sources_in

        self.done = sources_in(path)
        self.file = open(path, "a", encoding="utf-8", newline="\n")

    def holds(self, name: str) -> bool:
        return name in self.done

    def append(self, lines: str) -> None:
        if lines:
            self.file.write(lines)
            self.file.flush()

    def close(self) -> None:
        self.file.close()
