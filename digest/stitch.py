"""Pieces of one article printed apart, joined by a scored choice, not by a rule per case.

An extractor that reads a page box by box (pdfminer.six, a content stream) prints an
article's columns among other articles' columns, so assembly can end with more drafts than
the page has articles: a column that opens mid-sentence, a section head taken for a story's
head, an author's note cut off from the name it belongs to. Which drafts are one article is
decided here for every pair at once, from a few signals weighed together by small boosted
trees (``data/stitch_model.json``, trained by ``make train`` on generated pages in every
extractor's style and reading order plus the real pages): how alike their wording is, and
whether each is the other's best match; whether a word runs on across the break; whether
each has a head, an author, an author's note of its own (two authors are two articles; a
name and a lone note complete each other); how far apart they are printed. The likeliest
pair is joined first, then all are scored again. What is known is not learned: two
whole stories are never candidates, nor two drafts with an author line or a note each, nor a
text after a dateline.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .layout import PARA_END
from .nlp import splits_word
from .patterns import AUTHOR_NOTE, DATELINE, NAMES_ONLY
from .pieces import HEAD_CHARS, Draft, add_to_byline, has_note
from .similarity import cosine, overlap
from .trees import Trees, packaged_spec

JOIN = 0.25  # two drafts become one when the model gives this probability (calibrated on generated dev pages: 0.5 under-joined every style)
SIGNED_PAGE = 0.5  # signatures (two at least) for this share of the page's heads: a page of signed commentaries
PIECES_PER_JOIN = 32  # drafts on a page for each join made in one round
NEIGHBOURS = 8  # drafts either side in page order a piece may belong to (a page's, not a file's)
_OPENS_MID = "，、。；：）)」』”’！？…的了着和与及并而或"

FEATURE_NAMES = (
    "bias", "similarity", "similarity_margin", "mutual_best", "a_head", "b_head", "both_heads",
    "a_author", "b_author", "a_note", "b_note", "note_completes_name",
    "a_cut", "b_opens_mid", "run_on", "b_dateline", "log_smaller",
    "adjacent", "distance", "signed_page", "a_unsigned", "b_unsigned", "head_echo", "seam_word", "a_bare", "b_bare", "a_first",
)


@dataclass(frozen=True)
class _Facts:
    """What a draft says about itself, read once per round."""

    text: str
    head_text: str
    opening: str  # what is printed first: its head, else its text
    head: bool
    author: bool  # a name of its own (not just an author's note)
    note: bool
    signature: bool  # signed as a commentary is: an author's note, or names alone ("蒋建国"), not "本报记者 …"
    cut: bool  # its text stops mid-sentence, and no jump marker sends it to another page
    opens_mid: bool  # its text opens mid-sentence
    dateline: bool
    continued: bool  # a jump marker sends its text on to another page
    lines_only: bool  # every paragraph is text printed on the page (none a head set in it)


def _facts(d: Draft) -> _Facts:
    paragraphs = d.article.paragraphs
    byline = d.article.byline or ""
    first, last = (paragraphs[0], paragraphs[-1]) if paragraphs else ("", "")
    note = has_note(byline)
    return _Facts(
        text="".join(paragraphs),
        head_text=(head := "".join(line.text for line in d.heads) if d.headed else ""),
        opening=head or first,
        head=d.headed and bool(d.heads),
        author=bool(byline) and not AUTHOR_NOTE.match(byline),
        note=note,
        signature=note or NAMES_ONLY.match(byline) or NAMES_ONLY.match(byline.replace(" ", "")),
        cut=bool(last) and last[-1] not in PARA_END and not d.article.continued,  # a jump marker says where it goes on
        opens_mid=not d.article.complete_start or (head or first)[:1] in _OPENS_MID,
        dateline=bool(DATELINE.match(first)),
        continued=bool(d.article.continued),
        lines_only={k for k, _ in d.texts} == set(range(len(paragraphs))),
    )


def pair_features(facts: list[_Facts], a: int, b: int, sims: dict, signed: float) -> list[float]:
    """Signals that drafts ``a`` and ``b`` (a printed first) are one article, in FEATURE_NAMES order."""
    fa, fb = facts[a], facts[b]
    sim = sims[a, b]
    # the other partners each could have: one whose author line or note would be a second one
    # is none (an article has one author line and one note)
    others_a = [sims[min(a, c), max(a, c)] for c in _near(a, len(facts)) if c not in (a, b) and _compatible(fa, facts[c])]
    others_b = [sims[min(b, c), max(b, c)] for c in _near(b, len(facts)) if c not in (a, b) and _compatible(fb, facts[c])]
    row = {
        "bias": 1.0,
        "similarity": sim,
        "similarity_margin": sim - max(others_a + others_b, default=0.0),
        "mutual_best": sim >= max(others_a, default=0.0) and sim >= max(others_b, default=0.0),
        "a_head": fa.head, "b_head": fb.head, "both_heads": fa.head and fb.head,
        "a_author": fa.author, "b_author": fb.author, "a_note": fa.note, "b_note": fb.note,
        "note_completes_name": _lone_note(fa) and _bare_name(fb) or _lone_note(fb) and _bare_name(fa),
        "a_cut": fa.cut, "b_opens_mid": fb.opens_mid,
        "run_on": fa.cut and fb.opens_mid or fb.cut and fa.opens_mid,
        "b_dateline": fb.dateline,
        "log_smaller": math.log1p(min(len(fa.text), len(fb.text))),
        "adjacent": b == a + 1, "distance": math.log1p(b - a),
        "signed_page": signed,
        "a_unsigned": signed * (not fa.author and not fa.note), "b_unsigned": signed * (not fb.author and not fb.note),
        "head_echo": max(overlap(fa.head_text, fb.text), overlap(fb.head_text, fa.text)),
        "seam_word": _seam(fa, fb) or _seam(fb, fa),
        "a_bare": not fa.head and not fa.author, "b_bare": not fb.head and not fb.author,
        # the page's first text: maybe the rest of an article from the page before
        "a_first": a == 0 and not fa.head and not fa.author,
    }
    return [float(row[name]) for name in FEATURE_NAMES]


def _lone_note(f: _Facts) -> bool:
    return f.note and not f.author


def _bare_name(f: _Facts) -> bool:
    return f.author and not f.note


def _compatible(fa: _Facts, fb: _Facts) -> bool:
    """Could be one article: an article has one author line and one author's note."""
    return not (fa.author and fb.author or fa.note and fb.note)


def _seam(fa: _Facts, fb: _Facts) -> bool:
    """A's text stops inside a word that B's text opens with the rest of ("…目标更" | "加宏大")."""
    return fa.cut and splits_word(fa.text, fb.opening)


def _near(k: int, n: int) -> range:
    return range(max(0, k - NEIGHBOURS), min(n, k + NEIGHBOURS + 1))


def candidate_pairs(drafts: list[Draft]) -> tuple[list[_Facts], list[tuple[int, int]], dict, float]:
    """The drafts' facts, the pairs worth scoring (neighbours in page order, both with text),
    their similarities and how much of the page is signed commentary (a signature for each head:
    a story without one there is likelier a piece of another)."""
    facts = [_facts(d) for d in drafts]
    live = [k for k, f in enumerate(facts) if f.text]
    headed = [f for f in facts if f.head and f.text]
    signatures = sum(f.signature for f in facts)
    signed = min(1.0, signatures / len(headed)) if headed else 0.0
    page = signed if signatures >= 2 else 0.0  # one signed commentary beside a news box is no such page
    pairs = [(a, b) for i, a in enumerate(live) for b in live[i + 1:] if b - a <= NEIGHBOURS
             and (_incomplete(facts[a], page) or _incomplete(facts[b], page))
             and _compatible(facts[a], facts[b]) and not (facts[b].dateline and _story(facts[a]))]
    vectors = _weighted_bigrams([facts[k].text for k in range(len(facts))])
    sims = {(a, b): cosine(vectors[a], vectors[b]) for a in live for b in _near(a, len(facts))
            if a < b and facts[b].text}
    for a in range(len(facts)):
        for b in _near(a, len(facts)):
            sims.setdefault((min(a, b), max(a, b)), 0.0)
    return facts, pairs, sims, signed


def _story(f: _Facts) -> bool:
    """Has what a story opens with: a head, an author line or a dateline."""
    return f.head or f.author or f.dateline


def _incomplete(f: _Facts, signed: float) -> bool:
    """A draft that cannot be a whole article: it opens or stops mid-sentence, it has neither a
    head nor an author nor a dateline, its author's note has no name, or it goes unsigned on a
    page of signed commentaries (a section head of one, read as a head of its own). Two whole
    stories are never joined, however alike."""
    return (f.opens_mid or f.cut or not _story(f) or f.note and not f.author
            or signed >= SIGNED_PAGE and not f.author and not f.note)


def _weighted_bigrams(texts: list[str]) -> list[tuple[dict[str, float], float]]:
    """Character-bigram counts weighted by how few of the page's drafts use them (tf-idf): on a
    page of commentaries every text says 新时代 and 发展; what only two texts share is what
    makes them one."""
    counts = [Counter(t[i : i + 2] for i in range(len(t) - 1)) for t in texts]
    df = Counter(g for c in counts for g in c)
    n = len(texts)
    out = []
    for c in counts:
        v = {g: k * math.log((1 + n) / (1 + df[g]) + 1) for g, k in c.items()}
        out.append((v, math.sqrt(sum(x * x for x in v.values()))))
    return out


def stitch(drafts: list[Draft], model: "StitchModel | None" = None) -> None:
    """Join the drafts that are pieces of one article, most likely pair first."""
    model = model or load_model()
    while True:
        facts, pairs, sims, signed = candidate_pairs(drafts)
        rows = [pair_features(facts, a, b, sims, signed) for a, b in pairs]
        scored = sorted(zip(model.probabilities(rows) if rows else [], pairs), reverse=True)
        # one join a round, then all scored again; a page of very many pieces joins more a
        # round (each draft once), so that its cost stays near linear in its drafts
        per_round = max(1, sum(1 for f in facts if f.text) // PIECES_PER_JOIN)
        joined: set[int] = set()
        for p, (a, b) in scored:
            if p < JOIN or len(joined) >= 2 * per_round:
                break
            if a not in joined and b not in joined:
                join(drafts[a], drafts[b])
                joined |= {a, b}
        if not joined:
            break
    _home_bare_heads(drafts, model)


BARE_HEAD_TEXT = 20  # characters: a head over less text than this, none of it a sentence, is no article


def _bare_head(f: _Facts) -> bool:
    return f.head and len(f.text) < BARE_HEAD_TEXT and not any(ch in PARA_END for ch in f.text) \
        and not f.continued and f.lines_only


def _home_bare_heads(drafts: list[Draft], model: "StitchModel") -> None:
    """A head (and author line) with next to no text under it, none of it a sentence, is no
    article: an extractor printed it away from its text (pdftotext -raw prints a head after
    its text, in pieces, some read as a line of text). It goes to the partner the joiner finds
    likeliest, however unsure, among the drafts it could belong to; its lines, text and all,
    join that draft's head, which ``heads.set_head`` puts together."""
    homeless: set[int] = set()
    while True:
        facts, _, sims, signed = candidate_pairs(drafts)
        bare = next((k for k, f in enumerate(facts) if _bare_head(f) and id(drafts[k]) not in homeless), None)
        if bare is None:
            return
        partners = [c for c in _near(bare, len(facts)) if c != bare and facts[c].text
                    and not _bare_head(facts[c]) and _compatible(facts[bare], facts[c])]
        if not partners:
            homeless.add(id(drafts[bare]))
            continue
        rows = [pair_features(facts, min(bare, c), max(bare, c), sims, signed) for c in partners]
        home, piece = drafts[max(zip(model.probabilities(rows), partners))[1]], drafts[bare]
        text_lines = [line for _, block in piece.texts for line in block.lines]
        piece.take(0)
        home.heads = sorted(home.heads + piece.heads + text_lines, key=lambda line: line.number)
        home.headed = True
        piece.heads, piece.headed = [], False
        if piece.article.byline:
            add_to_byline(home.article, piece.article.byline)
            piece.article.byline = None


def join(a: Draft, b: Draft) -> None:
    """B's text goes into A (a printed first): after it, or before it when it opens the story
    (only B has a head, or B opens with a dateline); a head that is not the title becomes a
    section head, the bylines are put together. A text of nothing but a head's lines printed
    over B's opening is B's head (``opening_heads`` makes it so): B goes after it."""
    b_head = b.headed and bool(b.heads)
    opens = b.article.paragraphs[:1] and DATELINE.match(b.article.paragraphs[0]) and not _head_only(a)
    if b_head and not (a.headed and a.heads) or opens:
        if b_head:
            a.heads, a.headed, b.heads, b.headed = b.heads, True, [], False
        a.put(0, *b.take(0))
    else:
        at = len(a.article.paragraphs)
        if b_head:
            for line in b.heads:
                line.role = "subhead"
            a.article.paragraphs.append("".join(line.text for line in b.heads))
            at += 1
            b.heads, b.headed = [], False
        a.put(at, *b.take(0))
    if b.article.byline:
        add_to_byline(a.article, b.article.byline)
        b.article.byline = None
    a.article.complete_start = a.article.complete_start or b.article.complete_start


def _head_only(d: Draft) -> bool:
    """Is the draft's text a head's lines and nothing else (no head of its own, one short
    paragraph, no sentence)?"""
    return not d.heads and len(d.article.paragraphs) == 1 and len(d.article.paragraphs[0]) <= HEAD_CHARS \
        and not any(ch in PARA_END for ch in d.article.paragraphs[0])


class StitchModel(Trees):
    """Boosted trees over FEATURE_NAMES: the probability that two drafts are one article."""

    def __init__(self, spec: dict):
        super().__init__(spec, FEATURE_NAMES, "stitch model")

    def probabilities(self, rows: list[list[float]]) -> list[float]:
        return self.predict(np.asarray(rows, dtype=np.float64))[:, 1].tolist()


@lru_cache(maxsize=1)
def load_model() -> StitchModel:
    return StitchModel(packaged_spec("stitch_model.json"))  # shipped with the package: no rule stands in for it


__all__ = ["FEATURE_NAMES", "StitchModel", "candidate_pairs", "join", "pair_features", "stitch"]
