"""The learned line tagger: gradient-boosted trees over ``line_features`` that revise the
line rules' roles where the evidence of the whole line and its neighbours says otherwise.

Shaped like jusText's second pass: the rules give each line a role first; the model, which
weighs 169 signals of the line and its neighbours together and was trained on pages in every
extractor's style (``make train``: generated pages in five styles, the seeds, and real pages labelled by
their PDFs' type sizes), changes a role only where it is confident. Its beliefs are then
looked at again, each line's beside its neighbours' (``NeighbourModel``, stacked on the
first: the second line of a head wrapped right over its text is a head line because the line
above is one, whatever it looks like alone). The model files are plain JSON
(``data/line_model.json``, ``data/neighbour_model.json``): flattened trees evaluated with
numpy, so the package needs no learning library at run time.
"""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from .layout import PARA_END, has_sentence, prints_gaps
from .trees import Trees, packaged_spec
from .line_features import CLASSES, FEATURE_NAMES, NEIGHBOUR_NAMES, features, neighbour_features
from .line_context import head_wrapped
from .model import Line
from .nlp import is_common_word, splits_word
from .patterns import NAMES_ONLY

CONFIDENT = 0.5  # a role changes only where the model gives the other role this probability


class LineModel(Trees):
    """The tagger's trees, over ``line_features``."""

    def __init__(self, spec: dict):
        super().__init__(spec, FEATURE_NAMES, "line model")


class NeighbourModel(Trees):
    """The tagger's second look, over ``neighbour_features``: trained on the first look's
    probabilities for pages it never saw (out of fold), so it learns how far to trust them."""

    def __init__(self, spec: dict):
        super().__init__(spec, NEIGHBOUR_NAMES, "neighbour model")


@lru_cache(maxsize=1)
def shipped() -> LineModel | None:
    """The model shipped in the package (None if it was removed: the rules then stand alone)."""
    spec = packaged_spec("line_model.json")
    return None if spec is None else LineModel(spec)


@lru_cache(maxsize=1)
def shipped_neighbours() -> NeighbourModel | None:
    spec = packaged_spec("neighbour_model.json")
    return None if spec is None else NeighbourModel(spec)


def probabilities(lines: list[Line], columns: list[float], model: LineModel,
                  second: NeighbourModel | None) -> tuple[list[int], np.ndarray]:
    """(indices of the non-blank lines, each one's class probabilities): the first look, then
    the second where there is one."""
    idx, rows = features(lines, columns)
    if not idx:
        return idx, np.zeros((0, len(CLASSES)))
    probs = model.predict(np.asarray(rows, dtype=np.float64))
    if second is not None:
        probs = second.predict(np.asarray(neighbour_features(lines, idx, rows, probs), dtype=np.float64))
    return idx, probs


_RULE_GROUP = {"caption": "noise", "jump": "noise"}
# where the rules and the tagger may differ and the rules stand: body, section head and head
# are told apart by the assembler too (a section head in an article, a story's own head)
_LEFT_TO_RULES = {("head", "subhead"), ("subhead", "body"), ("subhead", "head"), ("head", "body"), ("byline", "body")}
_HEAD_KINDS = ("head", "subhead")  # what the tagger's belief in a head line may be split between


def _inside_sentence(lines: list[Line], i: int) -> bool:
    """Text on both sides, the sentence open across the line: "…客户对产品购买" / 胡查平 / "后的服务…"."""
    before = next((lines[k] for k in range(i - 1, -1, -1) if not lines[k].blank), None)
    after = next((lines[k] for k in range(i + 1, len(lines)) if not lines[k].blank), None)
    return before is not None and after is not None and before.role == "body" and after.role == "body" \
        and before.text[-1:] not in PARA_END


def _sentence_open_above(lines: list[Line], i: int) -> bool:
    """The line right above (no blank between) is text left open at a comma: a head never
    comes next in reading order (a column box cut at a comma has a blank line after it)."""
    return i > 0 and lines[i - 1].role == "body" and lines[i - 1].text[-1:] in "，、；,;"


def _sentence_closed_below(lines: list[Line], i: int) -> bool:
    """The line stops at a comma and the line right under it (no blank between) ends the
    sentence: one sentence of text ("…发布十项重点成果，" / "研发投入强度持续提高。"), not a head
    cut at its comma (whose rest is a head line too, with no full stop)."""
    return lines[i].text[-1:] in "，、；,;" and i + 1 < len(lines) and not lines[i + 1].blank \
        and lines[i + 1].text[-1:] in "。！？!?"


def revise(lines: list[Line], columns: list[float], model: LineModel | None = None,
           confident: float = CONFIDENT) -> list[Line]:
    """Change a line's role where the model is confident it is another one (the shipped
    tagger with its second look; a MODEL given alone, as the tests train one, without)."""
    second = shipped_neighbours() if model is None else None
    model = model or shipped()
    if model is None:
        return lines
    idx, probs = probabilities(lines, columns, model, second)
    if not idx:
        return lines
    best = probs.argmax(axis=1)
    heads = [model.classes.index(c) for c in _HEAD_KINDS]
    # a head or a section head: how sure the model is that the line is one of the two, which
    # it may split its belief between ("安全事故暂停事故相": head 0.48, section head 0.46)
    sure = np.where(np.isin(best, heads), probs[:, heads].sum(axis=1), probs[np.arange(len(idx)), best])
    for i, c, p in zip(idx, best, sure):
        line = lines[i]
        role = line.tag = model.classes[c]
        rule = _RULE_GROUP.get(line.role, line.role)
        if line.hint is not None:
            continue  # the layout said what it is (a name piece inside a sentence, text a jump marker
            # is appended to, a slogan glued to a head, a repeated fragment): the rules placed it
        if role == "subhead" and (line.text[-1:] in "，、；,;" or has_sentence(line.text[:-1])):
            continue  # "正如专家所说，" over a quotation, "…组织结构。企业": the sentence goes on
        if role == "head" and (_sentence_open_above(lines, i) or _sentence_closed_below(lines, i)):
            continue  # "…向提供服务转变，" / "我国制造业服务化": the sentence goes on into the line
        if role == "byline" and is_common_word(line.text):
            continue  # "华光" ends the head "…牡丹绽放": a word of the dictionary is no name
        if p >= confident and rule != role and (rule, role) not in _LEFT_TO_RULES and "noise" not in (rule, role):
            line.role = role
            if role == "byline" and _inside_sentence(lines, i):
                line.hint = "inside"  # a co-author printed where the column's text runs round it
    _title_over_deck(lines)
    _signed_sections_are_heads(lines)
    _wrapped_heads_go_on(lines)
    return lines


def _signed_sections_are_heads(lines: list[Line]) -> None:
    """A section head is never signed: section-head lines with an author's name or byline
    right under them are a story's head (pdftotext -raw prints a commentary's head and name
    after its text: "中国共产党的历史担当" / "李忠杰")."""
    shown = [k for k, line in enumerate(lines) if not line.blank]
    for p in range(len(shown) - 1):
        line, name = lines[shown[p]], lines[shown[p + 1]]
        if line.role != "subhead" or name.role not in ("body", "byline") or name.hint is not None:
            continue
        if not (name.role == "byline" or NAMES_ONLY.match(name.text) and not is_common_word(name.text)):
            continue
        q = p
        while q >= 0 and lines[shown[q]].role == "subhead":
            lines[shown[q]].role = lines[shown[q]].tag = "head"
            q -= 1
        name.role = "byline"


TITLE_CHARS = 30  # a title over a deck is one line this long at most


def _title_over_deck(lines: list[Line]) -> None:
    """A deck (——…) hangs under its title: the line right above a head line opening with a
    dash, itself a phrase with no punctuation, under a sentence that ended or a blank line (a
    column cut mid-sentence, read box by box), is that title (pdftotext -raw prints "打赢脱贫攻坚战的有益参考" / "——" / "《…》简评" after the text above,
    where alone it passes for a line of text)."""
    shown = [k for k, line in enumerate(lines) if not line.blank]
    for a, k, d in zip(shown, shown[1:], shown[2:]):
        above, line, deck = lines[a], lines[k], lines[d]
        if deck.role != "head" or not deck.text.startswith("—") or line.role != "body" or line.hint is not None:
            continue
        phrase = len(line.text) <= TITLE_CHARS and not any(ch in PARA_END + "，、；：,;:" for ch in line.text)
        # set off from the text above: a closed sentence, or a gap (a column box cut mid-sentence)
        if phrase and (above.role != "body" or above.text[-1:] in PARA_END or k - a > 1):
            line.role = line.tag = "head"  # the tag too: order.py groups heads by it


_CLAUSE_MARKS = re.compile(r"[，。；！？,;!?]")  # two lines with a clause mark between them may be text


def _wrapped_heads_go_on(lines: list[Line]) -> None:
    """A head wrapped over lines is a head on every line: the text lines right under or over a
    head line, each joined to the next by a break a head line cannot end at (``head_wrapped``:
    "…浑水报告中" / "的相关指控没有事实依据", "多家纸企发出涨价函：产能增" / "速不及需求…"), are the
    head's lines — where no line has a clause mark (a head line the tagger made of a line of text
    cut at a column break, "币市场押注美联储将加息，投资者", must not pull its text in) and the run
    leaves no sentence open on its far side; and the block a head's last line closes, commas
    and all (``_block_over_head``)."""
    shown = [k for k, line in enumerate(lines) if not line.blank]
    gaps = prints_gaps(lines)
    for p, k in enumerate(shown):
        if lines[k].role == "head":
            for step in (1, -1):
                for line in _wrapped_run(lines, shown, p, step):
                    line.role = line.tag = "head"
            for line in _block_over_head(lines, k, gaps):
                line.role = line.tag = "head"


BLOCK_HEAD_LINES = 2  # a head wrapped over three lines at most: two over its last


def _block_over_head(lines: list[Line], k: int, gaps: bool) -> list[Line]:
    """The lines over head line ``k`` up to the blank line above, a head wrapped at its width
    with a comma inside ("基本金属：铜价升至一周高" / "点，因美联储官员给激进加" / "息泼冷水"): one
    or two lines of text set apart by a gap, no sentence ending in them; clause marks on one side
    of a break only (a line of text cut at a column break, "币市场押注美联储将加息，投资者", taken
    for a head, pulls in no line of text like it: "因乌克兰紧张局势加剧，且货"). On a page that
    prints blank lines that is enough (text and heads are set apart there: "国务院：落实平台企业并购"
    over "行为依法申报义务…"); where it prints none, a gap says little, and each line must run
    on into the next where a head line cannot end (``head_wrapped``)."""
    top = k
    while top > 0 and not lines[top - 1].blank and k - top <= BLOCK_HEAD_LINES:  # (bounded: a dump with
        top -= 1  # no blank lines and many heads stays linear)
    over = lines[top:k]
    if not over or len(over) > BLOCK_HEAD_LINES or any(has_sentence(l.text) for l in over) \
            or _CLAUSE_MARKS.search(lines[k].text) and any(_CLAUSE_MARKS.search(l.text) for l in over) \
            or any(l.role != "body" or l.hint is not None for l in over):
        return []
    pieces = over + [lines[k]]
    if not gaps and not all(head_wrapped(a.text, b.text) for a, b in zip(pieces, pieces[1:])):
        return []
    return over


def _wrapped_run(lines: list[Line], shown: list[int], p: int, step: int) -> list[Line]:
    """The text lines that go on the head at ``shown[p]`` downwards (step 1) or upwards (-1)."""
    run: list[Line] = []
    near, q = lines[shown[p]], p + step
    while 0 <= q < len(shown) and shown[q] == shown[q - step] + step:  # no blank line between
        line = lines[shown[q]]
        upper, lower = (near, line) if step > 0 else (line, near)
        if line.role != "body" or line.hint is not None or _CLAUSE_MARKS.search(upper.text + lower.text) \
                or line.text.rstrip("”’」』）)》")[-1:] in PARA_END + "，、；：,;:" or not head_wrapped(upper.text, lower.text):
            break
        after = lines[shown[q + 1]] if step > 0 and q + 1 < len(shown) and shown[q + 1] == shown[q] + 1 else None
        if after is not None and after.role == "body" and splits_word(line.text, after.text):
            break  # a word runs on from it into the text under it: it is that text's first line
        run.append(line)
        near, q = line, q + step
    beyond = lines[shown[q]] if run and 0 <= q < len(shown) and shown[q] == shown[q - step] + step else None
    if beyond is not None and (beyond.role == "subhead" or step < 0 and beyond.role == "body"
                               and beyond.text[-1:] not in PARA_END):
        return []  # a section head wrapped over lines, or a sentence open into the run from above
    return run
