"""Line features for the learned line tagger (``line_model``): what a reader sees of one line
and its neighbours, with no assumption about how an extractor spaced or ordered the page.

Every feature is a number read off the text: the line's width against its column, the
page and the lines printed right under and over it, how it ends and how the next line
begins, the blank lines around it, whether a word or a sentence runs on across its end, letter-spacing, the shapes of bylines, datelines and
credits, and the role the line rules gave it. The same features serve every extractor's
dump (pdftotext with or without ``-raw``, PyMuPDF, pdfminer.six), blank lines or none.
"""
from __future__ import annotations

from .layout import PARA_END, display_width
from .line_context import CANNOT_START, head_wrapped
from .model import Line
from .nlp import splits_word
from .patterns import AUTHOR_NOTE, BYLINE, CAPTION, CREDIT, DATELINE, JUMP, MASTHEAD, NAMES_ONLY, SURNAMES
from .text import han_count

CLASSES = ("body", "head", "byline", "noise", "subhead")  # what the tagger tells lines apart as
ROLES = ("body", "head", "subhead", "byline", "noise", "caption", "jump")
_CLAUSE_END = "，、；：,;:"


def _line_shape(line: Line, column: float, page_width: float) -> list[float]:
    text = line.text
    width = display_width(text)
    last = text[-1:] if text else ""
    punct = sum(ch in "，。、；：！？,.;:!?" for ch in text[:-1])
    return [
        width,
        width / column if column else 0.0,
        width / page_width if page_width else 0.0,
        han_count(text),
        float(last in "。！？!?…"),
        float(last in "”」』）)"),
        float(last in _CLAUSE_END),
        float(text.endswith(("——", "—"))),
        float(punct == 0 and last not in PARA_END + _CLAUSE_END),
        punct,
        float(text[:1] in CANNOT_START),
        float(text[:1] in "“「『（("),
        sum(ch.isdigit() for ch in text) / max(1, len(text)),
        sum(ch.isascii() and ch.isalpha() for ch in text) / max(1, len(text)),
        float(line.spaced),
        float("\n" in line.raw),  # a vertical head joined from one character a line
        float(bool(BYLINE.match(line.spaced_raw))),
        float(NAMES_ONLY.match(line.spaced_raw)),
        float(2 <= len(text) <= 4 and text[:1] in SURNAMES),
        float(bool(AUTHOR_NOTE.match(text))),
        float(bool(DATELINE.match(text))),
        float(bool(CAPTION.match(text) or CREDIT.match(text))),
        float(bool(JUMP.match(text))),
        float(bool(MASTHEAD.match(text))),
        float(line.hint is not None),
    ] + [float(line.role == role) for role in ROLES]


SHAPE_NAMES = ["width", "width_col", "width_page", "han", "end_sentence", "end_close", "end_clause", "end_dash",
               "no_punct", "inner_punct", "bad_start", "open_start", "digits", "latin", "spaced", "vertical",
               "byline_pat", "names_only", "surname_short", "author_note", "dateline", "caption", "jump", "masthead",
               "hinted"] + [f"rule_{r}" for r in ROLES]
_EMPTY = [0.0] * len(SHAPE_NAMES)


def features(lines: list[Line], columns: list[float]) -> tuple[list[int], list[list[float]]]:
    """(indices of the non-blank lines, one feature row each)."""
    idx = [i for i, line in enumerate(lines) if not line.blank]
    if not idx:
        return [], []
    widths = sorted(display_width(lines[i].text) for i in idx)
    page_width = widths[int(0.9 * (len(widths) - 1))] or 1.0
    blank_share = 1.0 - len(idx) / len(lines)
    shapes = [_line_shape(lines[i], columns[i] or page_width, page_width) for i in idx]
    # does a word run on from each line into the next? (once a pair: it is jieba's work)
    runs = [float(splits_word(lines[a].text, lines[b].text)) for a, b in zip(idx, idx[1:])] + [0.0]
    below, above = _block_ratios(idx, [shape[0] for shape in shapes])
    rows = []
    for p, i in enumerate(idx):
        prev_i = idx[p - 1] if p else None
        next_i = idx[p + 1] if p + 1 < len(idx) else None
        gap_before = (i - prev_i - 1) if prev_i is not None else 3
        gap_after = (next_i - i - 1) if next_i is not None else 3
        context = [
            min(gap_before, 3), min(gap_after, 3), blank_share, p / len(idx),
            runs[p], runs[p - 1] if p else 0.0,
            float(prev_i is None or lines[prev_i].text[-1:] in PARA_END),
            below[p], above[p],
        ]
        rows.append(shapes[p] + context
                    + (shapes[p - 1] if p else _EMPTY)
                    + (shapes[p + 1] if p + 1 < len(idx) else _EMPTY)
                    + (shapes[p - 2] if p > 1 else _EMPTY)
                    + (shapes[p + 2] if p + 2 < len(idx) else _EMPTY))
    return idx, rows


BLOCK_LINES = 3  # lines under (over) a line, printed with no blank between, that give its block's width


def _block_ratios(idx: list[int], widths: list[float]) -> tuple[list[float], list[float]]:
    """Each line's width against the widest of the few lines right under it, and right over it,
    with no blank line between (0 when there are none): a paragraph's line is as wide as the
    text it is set in, give or take an indent; a head printed right over (or under) a text is
    set at a width of its own, wider or narrower than the column whatever the extractor kept."""
    n = len(idx)
    below, above = [0.0] * n, [0.0] * n
    for p in range(n):
        for out, step in ((below, 1), (above, -1)):
            near, q = [], p
            while len(near) < BLOCK_LINES and 0 <= q + step < n and abs(idx[q + step] - idx[q]) == 1:
                q += step
                near.append(widths[q])
            out[p] = widths[p] / max(near) if near and max(near) else 0.0
    return below, above


FEATURE_NAMES = (SHAPE_NAMES + ["gap_before", "gap_after", "blank_share", "position", "runs_on", "runs_in",
                                "prev_closed", "width_below", "width_above"]
                 + [f"prev_{n}" for n in SHAPE_NAMES] + [f"next_{n}" for n in SHAPE_NAMES]
                 + [f"prev2_{n}" for n in SHAPE_NAMES] + [f"next2_{n}" for n in SHAPE_NAMES])


# -- the second look: the tagger's beliefs about a line and its neighbours ----------------

_OWN = ("gap_before", "gap_after", "blank_share", "width_col", "width_below", "width_above", "han", "end_sentence",
        "end_clause", "end_dash", "no_punct", "runs_on", "runs_in", "spaced", "dateline",
        "byline_pat", "names_only", "rule_body", "rule_head", "rule_subhead", "rule_byline")
_OWN_AT = [FEATURE_NAMES.index(name) for name in _OWN]
_SIDES = ("", "prev_", "next_", "prev2_", "next2_")
NEIGHBOUR_NAMES = tuple(f"p_{side}{c}" for side in _SIDES for c in CLASSES) + _OWN + ("wraps_up", "wraps_down")


def neighbour_features(lines: list[Line], idx: list[int], rows, probs) -> list[list[float]]:
    """One row a line for the tagger's second look: its and its neighbours' class
    probabilities from the first, a few of its own features, and whether a head wrapped at
    its width would go on across the line's breaks with the line above and below (printed
    with no blank between). A line's role depends on its neighbours' roles: the second line
    of a head is a head line, whatever it looks like alone."""
    n = len(idx)
    zero = [0.0] * len(CLASSES)
    # would a head wrapped at its width go on from each line into the next? (once a pair)
    wraps = [float(idx[p + 1] == idx[p] + 1 and head_wrapped(lines[idx[p]].text, lines[idx[p + 1]].text))
             for p in range(n - 1)] + [0.0]
    out = []
    for p in range(n):
        near = []
        for q in (p, p - 1, p + 1, p - 2, p + 2):
            near += list(probs[q]) if 0 <= q < n else zero
        out.append(near + [rows[p][k] for k in _OWN_AT] + [wraps[p - 1] if p else 0.0, wraps[p]])
    return out
