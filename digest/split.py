"""One draft holding two articles, cut in two by a scored choice: the mirror of ``stitch``.

An extractor that prints a head after its text (pdftotext -raw, a content stream) or runs one
box's text into another's leaves assembly with drafts that hold the text of two articles
and a draft that holds only a head. Where a draft is two articles is decided at each of its
paragraph breaks from a few signals weighed together by small boosted trees
(``data/split_model.json``, trained by ``make train`` on the drafts the tagger and assembler
give on generated pages in every extractor's style and reading order plus the real pages):
how unlike the wording before and after the break is (TextTiling), against the draft's other
breaks and the wider text either side (2,000 characters); which side a head standing at the break is about, and
the draft's title; how far apart the two texts are printed; a change of column width; how
long each side is. What is known is not learned: a break is only where a sentence ends or a head
stands, never before the source credit that closes a text ("（新华社）"), and every part keeps
a sentence of text however many breaks are cut.
"""
from __future__ import annotations

import math
from dataclasses import replace
from functools import lru_cache
from itertools import accumulate

import numpy as np

from .blocks import Block
from .layout import PARA_END
from .model import Line
from .patterns import SOURCE_ALONE
from .pieces import Draft, add_to_byline, clean_byline
from .similarity import overlap, similarity
from .trees import Trees, packaged_spec

CUT = 0.5  # a draft is cut where the model gives this probability
WINDOW = 3  # paragraphs either side whose wording is compared
MIN_PART = 40  # characters of text each part keeps: no part is a lone sentence fragment
WIDE = 2000  # characters either side of a break its wider signals read: the cost stays linear in a draft's length

# (also tried, and never split on by the trees, so gone: an author line or note printed at the
# break, the print order going back, a dateline after, a head at the break: the assembler has
# already ended a story at each of those)
FEATURE_NAMES = (
    "bias", "similarity", "below_mean", "above_min", "halves", "head_echo_after", "head_echo_before",
    "lines_between", "column_change", "log_before", "log_after", "share_before", "paragraphs",
    "title_echo_before", "title_echo_after",
)


def _span(draft: Draft) -> dict[int, tuple[int, int, float]]:
    """Paragraph index -> (first line number, last line number, column width) of its text."""
    out: dict[int, tuple[int, int, float]] = {}
    for k, block in draft.texts:
        first, last = block.lines[0].number, block.lines[-1].last_number
        a, b, c = out.get(k, (first, last, block.column))
        out[k] = (min(a, first), max(b, last), c)
    return out


def _text_sizes(paragraphs: list[str], spans: dict) -> list[int]:
    """Characters of text in each paragraph of a draft (0 for a head set in it)."""
    return [len(p) if k in spans else 0 for k, p in enumerate(paragraphs)]


def breaks(draft: Draft) -> list[int]:
    """The paragraph breaks a draft may be cut at: after a sentence end or at a head, each
    part keeping some text."""
    paragraphs = draft.article.paragraphs
    spans = _span(draft)
    sizes = _text_sizes(paragraphs, spans)
    total = sum(sizes)
    out, before = [], 0
    for k in range(1, len(paragraphs)):
        before += sizes[k - 1]
        ends = paragraphs[k - 1][-1:] in PARA_END or k - 1 not in spans or k not in spans
        if ends and before >= MIN_PART and total - before >= MIN_PART:
            out.append(k)
    return out


def break_features(draft: Draft, cuts: list[int]) -> list[list[float]]:
    """One row per break in ``cuts``, in FEATURE_NAMES order."""
    paragraphs = draft.article.paragraphs
    spans = _span(draft)
    sims = [similarity("".join(paragraphs[max(0, k - WINDOW) : k]), "".join(paragraphs[k : k + WINDOW])) for k in cuts]
    mean, low = (sum(sims) / len(sims), min(sims)) if sims else (0.0, 0.0)
    sizes = [len(p) if k in spans else 0 for k, p in enumerate(paragraphs)]
    total = sum(sizes) or 1
    upto = [0]
    for size in sizes:
        upto.append(upto[-1] + size)
    title = "".join(line.text for line in draft.heads) if draft.headed else ""
    rows = []
    for k, sim in zip(cuts, sims):
        before, after = _before(paragraphs, k), _after(paragraphs, k)
        # a paragraph with no text block is a head set in the text
        head = paragraphs[k] if k not in spans else paragraphs[k - 1] if k - 1 not in spans else ""
        prev = next((spans[j] for j in range(k - 1, -1, -1) if j in spans), None)
        nxt = next((spans[j] for j in range(k, len(paragraphs)) if j in spans), None)
        gap, change = 0.0, 0.0
        if prev and nxt:
            gap = math.log1p(abs(nxt[0] - prev[1]))
            if prev[2] and nxt[2]:
                change = abs(math.log(prev[2] / nxt[2]))
        share = upto[k] / total
        row = {
            "bias": 1.0,
            "similarity": sim,
            "below_mean": mean - sim,
            "above_min": sim - low,
            "halves": similarity(before, after),
            "head_echo_after": overlap(head, after.replace(head, "", 1)) if head else 0.0,
            "head_echo_before": overlap(head, before.replace(head, "", 1)) if head else 0.0,
            "lines_between": gap, "column_change": change,
            "log_before": math.log1p(share * total), "log_after": math.log1p((1 - share) * total),
            "share_before": share, "paragraphs": math.log1p(len(paragraphs)),
            "title_echo_before": overlap(title, before) if title else 0.0,
            "title_echo_after": overlap(title, after) if title else 0.0,
        }
        rows.append([float(row[name]) for name in FEATURE_NAMES])
    return rows


def _before(paragraphs: list[str], k: int) -> str:
    """Up to WIDE characters of the text before break k."""
    out, n = [], 0
    for p in reversed(paragraphs[:k]):
        out.append(p)
        n += len(p)
        if n >= WIDE:
            break
    return "".join(reversed(out))[-WIDE:]


def _after(paragraphs: list[str], k: int) -> str:
    """Up to WIDE characters of the text from break k on."""
    out, n = [], 0
    for p in paragraphs[k:]:
        out.append(p)
        n += len(p)
        if n >= WIDE:
            break
    return "".join(out)[:WIDE]


def split(drafts: list[Draft], blocks: list[Block], new_draft, model: "SplitModel | None" = None) -> None:
    """Cut each draft at the breaks the model finds likely, likeliest first, each part
    keeping some text; a part opening with a head takes it as its own."""
    model = model or load_model()
    if model is None or any(line.font_size is not None for b in blocks for line in b.lines[:1]):
        return  # learned on text dumps; a PDF's heads are known by their size, its stories rarely run together
    heads = _head_lines(blocks)
    bylines = [(clean_byline(b), b.lines[0].number) for b in blocks if b.kind == "byline"]
    out: list[Draft] = []
    for d in list(drafts):
        out.append(d)
        cuts = breaks(d)
        if not cuts:
            continue
        chosen = _chosen(cuts, model.probabilities(break_features(d, cuts)), d)
        parts = []
        for k in reversed(chosen):
            parts.append(_cut(d, k, new_draft, heads))
            _share_bylines(d, parts[-1], bylines)
        out.extend(reversed(parts))  # each part right after the draft it was cut from
    drafts[:] = out


def _chosen(cuts: list[int], probs: list[float], draft: Draft) -> list[int]:
    """The breaks to cut at: each as likely as CUT, those where a head stands first (a head
    ends a story or opens one), then the likeliest; and only where every part between the cuts
    keeps MIN_PART characters of text or opens with a head (the joiner takes it to its text).
    Two likely breaks around a line ("强化对平台押金…的管理和监督。" cut off by a column) would
    otherwise leave that line a story of its own."""
    paragraphs = draft.article.paragraphs
    sizes = _text_sizes(paragraphs, _span(draft))
    upto = [0, *accumulate(sizes)]

    def keeps(start: int, end: int) -> bool:
        return upto[end] - upto[start] >= MIN_PART or start > 0 and sizes[start] == 0

    def after_credit(k: int) -> int:  # "（新华社）" closes the text above it: a story ends after it
        return k + 1 if sizes[k] and SOURCE_ALONE.match(paragraphs[k]) and k + 1 < len(paragraphs) else k

    chosen: list[int] = []
    likely = [(0 in sizes[k - 1 : k + 1], p, after_credit(k)) for p, k in zip(probs, cuts) if p >= CUT]
    for _, _, k in sorted(likely, reverse=True):  # first where a head stands: one ends a story or opens one
        if k in chosen:
            continue
        lo = max((c for c in chosen if c < k), default=0)
        hi = min((c for c in chosen if c > k), default=len(sizes))
        if keeps(lo, k) and keeps(k, hi):
            chosen.append(k)
    return sorted(chosen)


def _head_lines(blocks: list[Block]) -> dict[str, list[Line]]:
    """A head set in a draft's text (a paragraph) -> its lines, to be a title again."""
    out: dict[str, list[Line]] = {}
    for b in blocks:
        if b.kind == "head":
            out.setdefault("".join(line.text for line in b.lines), b.lines)
            for line in b.lines:
                out.setdefault(line.text, [line])
    return out


def _cut(d: Draft, k: int, new_draft, heads: dict[str, list[Line]]) -> Draft:
    paragraphs, texts = d.take(k)
    part = new_draft(None)
    part.put(0, paragraphs, texts)
    part.closed = True
    spans = {j for j, _ in texts}
    if 0 not in spans and paragraphs and paragraphs[0] in heads:  # it opens with a head: its title
        part.heads, part.headed = list(heads[paragraphs[0]]), True
        part.take(0, 1)
    elif part.texts:
        _head_read_as_text(part)
    return part


ECHOED = 0.5  # share of a head's character bigrams its lead repeats
LEAD_CHARS = 200


def _head_read_as_text(part: Draft) -> None:
    """A part that opens a story with no head may open with its head read as a line of text
    (no blank line under it: "南水北调新进展：引江补汉工程加快做好开工准备" over "南水北调后续工程…
    引江补汉工程…开工准备"): a first line with no sentence end, whose words the lead under it
    repeats, is its head. Only here, where a story is known to start: elsewhere a line of text
    shares its paragraph's words too."""
    _, block = part.texts[0]
    first, paragraph = block.lines[0], part.article.paragraphs[0]
    if len(block.lines) < 2 or first.text[-1:] in PARA_END or len(first.text) > 40 or len(first.text) < 6 \
            or not paragraph.startswith(first.text):
        return
    if overlap(first.text, paragraph[len(first.text):][:LEAD_CHARS]) < ECHOED:
        return
    part.article.paragraphs[0] = paragraph[len(first.text):]
    part.texts[0] = (0, replace(block, lines=block.lines[1:], text=part.article.paragraphs[0]))
    part.heads, part.headed = [first], True


def _share_bylines(d: Draft, part: Draft, bylines: list[tuple[str, int]]) -> None:
    """Each author line or note of the draft goes with the part printed nearer to it."""
    if not d.article.byline:
        return
    mine, its = _bounds(d), _bounds(part)
    if mine is None or its is None:
        return
    for text, number in bylines:
        if text and text in (d.article.byline or "") and _distance(number, its) < _distance(number, mine):
            rest = (d.article.byline or "").replace(text, "", 1)
            d.article.byline = " ".join(rest.split()) or None
            add_to_byline(part.article, text)


def _bounds(d: Draft) -> tuple[int, int] | None:
    spans = _span(d).values()
    return (min(a for a, _, _ in spans), max(b for _, b, _ in spans)) if spans else None


def _distance(number: int, bounds: tuple[int, int]) -> int:
    return max(bounds[0] - number, number - bounds[1], 0)


class SplitModel(Trees):
    """Boosted trees over FEATURE_NAMES: the probability that a break is between two articles."""

    def __init__(self, spec: dict):
        super().__init__(spec, FEATURE_NAMES, "split model")

    def probabilities(self, rows: list[list[float]]) -> list[float]:
        return self.predict(np.asarray(rows, dtype=np.float64))[:, 1].tolist() if rows else []


@lru_cache(maxsize=1)
def load_model() -> SplitModel | None:
    spec = packaged_spec("split_model.json")
    return None if spec is None else SplitModel(spec)


__all__ = ["FEATURE_NAMES", "SplitModel", "break_features", "breaks", "split"]
