"""What every command shares: consoles, error lines, writing output files."""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import typer

PROG = "digest"


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty() and os.environ.get("TERM") != "dumb"


def console(file=None, plain: bool | None = None):
    """A rich Console: colour only on a terminal without NO_COLOR; no hard wrapping when piped."""
    from rich.console import Console

    if plain is None:
        plain = not stdout_is_terminal() or "NO_COLOR" in os.environ
    if plain:
        return Console(file=file or sys.stdout, color_system=None, force_terminal=False, highlight=False,
                       soft_wrap=True, emoji=False, markup=False, width=72)
    return Console(file=file or sys.stdout, highlight=False, emoji=False, markup=False)


def error(message: str) -> None:
    """One line on stderr, prefixed with the program name; never a traceback."""
    typer.echo(f"{PROG}: {message}", err=True)


def write_output(text: str, output: Path | None) -> None:
    """stdout, or a file replaced atomically (a cron job never sees half a digest)."""
    if output is None or str(output) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    output = Path(output)
    directory = output.parent if str(output.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", dir=directory)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, output)
    except OSError as exc:
        error(f"{output}: cannot write: {exc.strerror or exc}")
        raise typer.Exit(1) from None


def check_method(method: str, allow_all: bool = False, option: str = "--method") -> None:
    from ..summarize import methods

    names = list(methods())
    if method in names or (allow_all and method == "all"):
        return
    raise typer.BadParameter(f"unknown method {method!r}; choose from: {', '.join(names + (['all'] if allow_all else []))}",
                             param_hint=f"'{option}'")
