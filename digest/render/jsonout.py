"""JSON, schema digest/1: the stable machine interface."""
from __future__ import annotations

import json

from ..model import Digest


def render(digest: Digest) -> str:
    return json.dumps(digest.to_dict(), ensure_ascii=False, indent=2) + "\n"
