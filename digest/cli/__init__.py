"""The command-line interface: one module per command, each a thin layer over the library."""
from __future__ import annotations

import os
import sys

import typer

from .. import __version__

app = typer.Typer(
    name="digest",
    help="Digest raw Chinese newspaper page dumps: articles, summaries, keywords.",
    no_args_is_help=True,
    add_completion=True,  # --install-completion, --show-completion (bash, zsh, fish, PowerShell)
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"digest {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Digest raw Chinese newspaper page dumps: articles, summaries, keywords."""


from . import eval as _eval  # noqa: E402,F401  (commands register themselves)
from . import inspect as _inspect  # noqa: E402,F401
from . import run as _run  # noqa: E402,F401
from . import summarize as _summarize  # noqa: E402,F401


def main() -> None:
    """Console-script entry: usage errors exit 2, failures 1, Ctrl-C 130, a closed pipe quietly."""
    try:
        app(prog_name="digest")
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    except Exception as exc:  # a bug: one line, not a traceback (DIGEST_DEBUG=1 shows it)
        if os.environ.get("DIGEST_DEBUG"):
            raise
        print(f"digest: internal error ({type(exc).__name__}: {exc}); please report it", file=sys.stderr)
        sys.exit(1)
