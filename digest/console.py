"""The `digest` command's entry point. It imports nothing heavy itself, so that Ctrl-C while
the CLI is still being imported (jieba, numpy, typer take a while) exits 130 without a
traceback, like Ctrl-C at any later moment."""
from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:  # answered before the CLI library is imported: as fast as Python starts
        from . import __version__

        print(f"digest {__version__}")
        return
    try:
        from .cli import main as cli_main
    except KeyboardInterrupt:
        sys.exit(130)
    cli_main()
