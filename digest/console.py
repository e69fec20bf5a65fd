"""The `digest` command's entry point. It imports nothing heavy itself, so that Ctrl-C while
the CLI is still being imported (jieba, numpy, typer take a while) exits 130 without a
traceback, like Ctrl-C at any later moment."""
from __future__ import annotations

import os
import sys

COMMANDS = ("run", "inspect", "summarize", "eval")
HELP_WIDTH = 80  # click formats help to min(terminal, 80) columns: from 80 on, the text is this


# numpy's BLAS starts a thread per core that spins while it waits; our matrices are small, so
# the second core was burnt for nothing (-j 1 on 100 pages: 17.8 s of CPU for 10.6 s; pinned to
# one thread, 10.5 s) and `--jobs` processes fought over the cores (-j 2: 1.15x -> 1.8x).
# A user's own setting wins.
BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def main() -> None:
    for var in BLAS_THREADS:  # before numpy is imported, in this process and the workers it forks
        os.environ.setdefault(var, "1")
    if sys.argv[1:] == ["--version"]:  # answered before the CLI library is imported: as fast as Python starts
        from . import __version__

        print(f"digest {__version__}")
        return
    text = _help_text(sys.argv[1:])
    if text is not None:  # the help typer would print, kept in the package (a test keeps it so)
        sys.stdout.write(text)
        return
    try:
        from .cli import main as cli_main
    except KeyboardInterrupt:
        sys.exit(130)
    cli_main()


def _help_text(args: list[str]) -> str | None:
    """`digest --help` or `digest COMMAND --help` as typer prints it on a terminal of 80
    columns or more (or a pipe), read from ``data/help/`` without importing typer (30 ms)."""
    if not args or args[-1] not in ("--help", "-h") or len(args) > 2 or len(args) == 2 and args[0] not in COMMANDS:
        return None
    import shutil

    if shutil.get_terminal_size().columns < HELP_WIDTH:
        return None
    from importlib import resources

    try:
        return resources.files("digest").joinpath("data", "help", f"{args[0] if len(args) == 2 else 'digest'}.txt") \
            .read_text(encoding="utf-8")
    except OSError:
        return None
