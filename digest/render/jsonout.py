"""JSON, schema digest/1: the stable machine interface."""
from __future__ import annotations

import json
import re

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


_PDF_PAGE = re.compile(r"#p\d+$")  # "ed.pdf#p3": page 3 of the input ed.pdf


def sources_in(path) -> set[str]:
    """The inputs an archive of JSON Lines already holds (``--resume``): each line's
    "source", and a PDF page's file too ("ed.pdf#p3" -> "ed.pdf"). A run killed while writing
    leaves a last line cut short: the lines of that input are removed (it is read again), so
    the file ends where the next run appends."""
    import os

    found: set[str] = set()
    try:
        fh = open(path, "rb+")
    except FileNotFoundError:
        return found
    with fh:
        good = run_start = 0
        current = None
        torn = False
        for raw in fh:
            if not raw.endswith(b"\n"):
                torn = True  # written by a run that did not finish its line
                break
            try:
                source = json.loads(raw).get("source")
            except (ValueError, AttributeError):
                source = None
            name = _PDF_PAGE.sub("", source) if isinstance(source, str) else None
            if name != current:
                current, run_start = name, good
            good += len(raw)
            if name is not None:
                found.update((source, name))
        if torn:
            found.discard(current)
            good = run_start  # an input's lines are written together: the torn one's go with it
        if good < os.fstat(fh.fileno()).st_size:
            fh.truncate(good)
    return found
