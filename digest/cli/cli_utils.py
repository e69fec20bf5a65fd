"""What every command shares: consoles, error lines, writing output files."""
from __future__ import annotations

import os
import stat
import sys
import tempfile
from pathlib import Path

import typer

PROG = "digest"


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty() and os.environ.get("TERM") != "dumb"


def wants_colour(choice: str = "auto") -> bool:
    """--color always|never|auto; for auto: FORCE_COLOR (set, not empty) forces it, NO_COLOR
    (set) turns it off, else colour on a terminal only."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("FORCE_COLOR"):
        return True
    return "NO_COLOR" not in os.environ and stdout_is_terminal()


PLAIN_WIDTH = 72  # the rules of a piped digest (its text is never hard-wrapped)


def console(file=None, plain: bool | None = None, width: int | None = None, pager: bool = False):
    """A rich Console: colour only where ``wants_colour`` says; no hard wrapping when piped.
    ``width``: columns (default: the terminal's, PLAIN_WIDTH when piped). ``pager``: FILE is
    a pager's pipe, shown on this terminal: the terminal's width and colours."""
    from rich.console import Console

    if plain is None:
        plain = not wants_colour()
    if plain:
        return Console(file=file or sys.stdout, color_system=None, force_terminal=False, highlight=False,
                       soft_wrap=True, emoji=False, markup=False, width=width or PLAIN_WIDTH)
    if pager:
        import shutil

        width = width or shutil.get_terminal_size().columns
    return Console(file=file or sys.stdout, highlight=False, emoji=False, markup=False,
                   force_terminal=True if pager or not stdout_is_terminal() else None, width=width)


def error(message: str) -> None:
    """One line on stderr, prefixed with the program name; never a traceback."""
    from ..text import visible

    typer.echo(f"{PROG}: {visible(message)}", err=True)


def write_output(text: str, output: Path | None) -> None:
    """stdout; a device or pipe written in place (``-o /dev/null``); else a regular file
    replaced atomically (a cron job never sees half a digest), keeping the mode of the file it
    replaces (the umask's for a new one). A symlink to a regular file writes that file;
    anything else is refused with one line. No temporary file outlives a failure."""
    if output is None or str(output) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    output = Path(output)
    if not str(output) or output.name in ("", ".", ".."):
        _cannot_write(output, "not a file name")
    try:
        target = output.resolve() if output.is_symlink() else output
        mode = os.stat(target).st_mode if target.exists() else None
    except OSError as exc:
        _cannot_write(output, exc.strerror or str(exc))
    if mode is not None and (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        _write_in_place(text, target)  # /dev/null, /dev/stdout, a named pipe: write, never rename over it
        return
    if mode is not None and not stat.S_ISREG(mode):
        _cannot_write(output, "not a regular file (a directory, socket or block device): not replaced")
    keep = stat.S_IMODE(mode) if mode is not None else 0o666 & ~_umask()
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent if str(target.parent) else ".")
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.chmod(tmp, keep)
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        _cannot_write(output, exc.strerror or str(exc))
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _write_in_place(text: str, target: Path) -> None:
    try:
        with open(target, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    except OSError as exc:
        _cannot_write(target, exc.strerror or str(exc))


def _cannot_write(output: Path, why: str):
    error(f"{output}: cannot write: {why}")
    raise typer.Exit(1)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def check_method(method: str, allow_all: bool = False, option: str = "--method") -> None:
    from ..summarize import methods

    names = list(methods())
    if method in names or (allow_all and method == "all"):
        return
    raise typer.BadParameter(f"unknown method {method!r}; choose from: {', '.join(names + (['all'] if allow_all else []))}",
                             param_hint=f"'{option}'")
