"""JSON, schema digest/1: the stable machine interface."""
from __future__ import annotations

import json

from ..model import Digest


def render(digest: Digest) -> str:
    return json.dumps(digest.to_dict(), ensure_ascii=False, indent=2) + "\n"


def render_lines(digest: Digest) -> str:
    """JSON Lines: one article a line, with its page's source, paper, date and page (an
    archive's format: append, grep, stream). The pages' noise is in ``--format json``."""
    out = []
    whole = digest.to_dict()
    for source in whole["sources"]:
        page = {key: source[key] for key in ("source", "paper", "date", "page")}
        for article in source["articles"]:
            out.append(json.dumps({"schema": whole["schema"], **page, **article}, ensure_ascii=False))
    return "".join(line + "\n" for line in out)
