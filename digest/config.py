"""The user's config file (TOML): defaults for `digest run`'s options and their own topic
categories, so that a cron line or a mail job stays short.

Found at ``--config FILE``, else ``$XDG_CONFIG_HOME/digest/config.toml`` (``~/.config`` when
the variable is unset); no file is no config. An option given on the command line wins over
the file. Every problem is one ``ConfigError`` naming the file and the key.

    [defaults]
    format = "markdown"
    sentences = 2
    to = "me@example.org"
    from = "digest@example.org"

    [categories."体育"]
    words = ["体育", "赛事", "冠军"]
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .categories import Lexicon, LexiconError, merge, shipped

# config key -> `digest run` parameter name (the long option without its dashes)
DEFAULT_KEYS = {"format": "format", "sentences": "sentences", "max-chars": "max_chars", "method": "method",
                "keywords": "keywords", "to": "mail_to", "from": "mail_from", "subject": "subject",
                "color": "color", "width": "width", "quiet": "quiet", "top": "top", "sort": "sort",
                "recursive": "recursive", "jobs": "jobs"}


class ConfigError(ValueError):
    pass


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    defaults: tuple[tuple[str, str, object], ...] = ()  # (key in the file, run parameter name, value)
    categories: Lexicon | None = None  # None: the shipped lexicon unchanged


def default_path() -> Path:
    home = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(home) / "digest" / "config.toml"


def load(explicit: Path | None = None) -> Config:
    """The config at EXPLICIT (which must exist) or at the default place (which may not)."""
    path = explicit or default_path()
    if explicit is None and not path.is_file():
        return Config()
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read it ({exc.__class__.__name__})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    unknown = set(table) - {"defaults", "categories"}
    if unknown:
        raise ConfigError(f"{path}: {sorted(unknown)[0]}: unknown table (defaults, categories)")
    defaults = table.get("defaults", {})
    if not isinstance(defaults, dict):
        raise ConfigError(f"{path}: defaults: a table of option = value")
    chosen = []
    for key, value in defaults.items():
        name = DEFAULT_KEYS.get(key.replace("_", "-"))
        if name is None:
            raise ConfigError(f"{path}: defaults.{key}: unknown option (one of {', '.join(DEFAULT_KEYS)})")
        chosen.append((key, name, value))
    categories = None
    if "categories" in table:
        try:
            categories = merge(shipped(), table["categories"])
        except LexiconError as exc:
            raise ConfigError(f"{path}: {exc}") from None
    return Config(path=path, defaults=tuple(chosen), categories=categories)
