"""A PDF page's boxes of lines in reading order, by their positions alone: recursive XY-cut,
with what a reader knows of newspaper pages (a head goes with the text under it, a head set
across columns is read over them, heads set vertically are read before the text beside them).
"""
from __future__ import annotations

from bisect import bisect_left

from .geometry import HEAD_SIZE
from .model import LineBox

BESIDE = 3.0  # body sizes: text this close beside a head, level with it, starts under it
MIN_BAND = 0.25  # the narrowest band (in body sizes) XY-cut cuts at: under it, lines merely touch


def is_head(box: list[LineBox], body: float) -> bool:
    """Is any line of the box set as large as a head?"""
    return max(line.size for line in box) >= HEAD_SIZE * body


def xy_order(boxes: list[list[LineBox]], body: float) -> list[LineBox]:
    """Reading order by recursive XY-cut: each region is cut at its widest clear band,
    horizontal (read top to bottom) or vertical (left to right). Where no band is clear, a
    line set larger than the text and wider than its columns (a head or banner across
    columns) is taken out and read over the text under it; failing that, the region is
    cut again line by line (text wrapped round a picture); what still cannot be cut is read
    column by column. Heads set vertically (with the names beside them) are taken out
    first and read before the text left of them."""

    def rect(item: list[LineBox]) -> tuple[float, float, float, float]:
        return min(l.x0 for l in item), min(l.top for l in item), max(l.x1 for l in item), max(l.bottom for l in item)

    def widest_gap(rects: list[tuple], lo: int, hi: int) -> tuple[float, float]:
        """(width, position) of the widest band along one axis that no item crosses."""
        best = (0.0, 0.0)
        ordered = sorted(rects, key=lambda r: r[lo])
        reach = ordered[0][hi]
        for r in ordered[1:]:
            if r[lo] - reach > best[0]:
                best = (r[lo] - reach, r[lo])
            reach = max(reach, r[hi])
        return best

    def cut(items: list[list[LineBox]], by_line: bool = False) -> list[LineBox]:
        if len(items) <= 1:
            return [line for item in items for line in item]
        rects = [rect(item) for item in items]
        (h_width, h_at), (v_width, v_at) = widest_gap(rects, 1, 3), widest_gap(rects, 0, 2)
        if h_width < MIN_BAND * body and v_width < MIN_BAND * body:
            stories = _heads_on_their_columns(items, body)
            if len(stories) < len(items):  # L-shaped stories: each read whole, head and columns
                return cut(stories, by_line)
            intruder = _intruder(items, body)
            if intruder is not None:  # a head or banner set across columns: read over the text under it
                return _over_text_under(intruder, cut([item for item in items if item is not intruder], by_line), body)
            if not by_line:
                return cut([[line] for item in items for line in item], by_line=True)
            order = sorted(range(len(items)), key=lambda k: (0, -rects[k][0], 0) if items[k][0].vertical
                           else (1, rects[k][0], rects[k][1]))
            return [line for k in order for line in items[k]]
        axis, at = (1, h_at) if h_width >= v_width else (0, v_at)
        if axis == 1 and v_width >= MIN_BAND * body and _under_a_head(items, rects, h_at - h_width, body) \
                and _stories_apart(items, rects, v_at, body):
            axis, at = 0, v_at  # the band only parts a head from its text: cut the stories apart first
        elif axis == 1 and _heads_over_band(items, rects, h_at - h_width, h_at, body) \
                and len(stories := _heads_on_their_columns(items, body)) < len(items):
            return cut(stories, by_line)  # ... or read each head over several columns with them
        elif axis == 0 and any(is_head(item, body) for item in items) \
                and _parts_a_story(stories := _heads_on_their_columns(items, body), at):
            return cut(stories, by_line)  # the cut would part a centred head's story: read it whole
        first = [item for item, r in zip(items, rects) if r[axis] < at]
        second = [item for item, r in zip(items, rects) if r[axis] >= at]
        return cut(first, by_line) + cut(second, by_line)

    heads = _vertical_heads(boxes, body)
    order = cut(_heads_on_their_text([box for box in boxes if not any(box in group for group in heads)], body))
    for group in heads:
        order = _beside_text(group, order, body)
    return order


def _under_a_head(items: list[list[LineBox]], rects: list[tuple], band_top: float, body: float) -> bool:
    """Is the lowest item over a horizontal band a head, its text under the band (within
    ``GLUE_GAP``)? That band is no gap between stories but the one between a head and its text."""
    above = [k for k, r in enumerate(rects) if r[3] <= band_top + 0.01]
    if not above:
        return False
    k = max(above, key=lambda k: rects[k][3])
    below = [r for r in rects if r[1] > band_top and r[0] < rects[k][2] and rects[k][0] < r[2]]
    return is_head(items[k], body) and any(r[1] - band_top <= GLUE_GAP * body for r in below)


def _heads_over_band(items: list[list[LineBox]], rects: list[tuple], band_top: float, band_bottom: float,
                     body: float) -> bool:
    """Does a head over a horizontal band have its text right under the band (within
    ``GLUE_GAP`` of the head, an author line between or not)? The band parts it from its text."""
    for k, r in enumerate(rects):
        if r[3] <= band_top + 0.01 and is_head(items[k], body):
            if any(q[1] >= band_bottom - 0.01 and q[0] < r[2] and r[0] < q[2] and q[1] - r[3] <= GLUE_GAP * body
                   for q in rects):
                return True
    return False


def _stories_apart(items: list[list[LineBox]], rects: list[tuple], at: float, body: float) -> bool:
    """Does a vertical cut at ``at`` part stories, not columns of one: on each side the first
    item set no smaller than the text (a masthead or a page label may stand over it) is a head?"""
    def opens_with_head(side: list[int]) -> bool:
        sized = [k for k in side if max(line.size for line in items[k]) >= body - 0.1 * body]
        return bool(sized) and is_head(items[min(sized, key=lambda k: rects[k][1])], body)
    return all(opens_with_head([k for k, r in enumerate(rects) if (r[0] < at) == left]) for left in (True, False))


GLUE_GAP = 3.0  # body sizes: a head's text (or author line) starts this close under it (the real pages:
# up to 3.0, "颜晓峰" under 0104's head; at 2.5 a row of heads was read before the texts it stands over)
STACK_GAP = 2.5  # body sizes: a box stacked under another in its column (a section head, its text) is this close
SAME_EDGE = 1.5  # body sizes: a head set over one column starts where its text does, and ends within it


def _heads_on_their_text(boxes: list[list[LineBox]], body: float) -> list[list[LineBox]]:
    """A head set over one column, with its text (an author line between or not) right under
    it, is one item for the cut: a row of such heads side by side leaves a clear band under
    it as wide as the gaps between the columns, and a cut there would read every head of the
    row before any text. A head over several columns is left alone (its text is the columns
    under it, cut apart later), and so is a head over another head (a banner over a title)."""
    return _grouped(boxes, body, _text_under, list)


def _text_under(items: list[list[LineBox]], h: int, taken: set[int], body: float) -> list[int]:
    """The boxes under head ``h`` that are its text (and the author line over it), or none:
    the nearest box under the head, then the next if that was an author line, must end in a
    box of body type as wide as the head's column."""
    x0, x1 = min(l.x0 for l in items[h]), max(l.x1 for l in items[h])
    bottom, chain = max(l.bottom for l in items[h]), []
    for _ in range(2):  # the author line, then the text; or the text
        under = [k for k, box in enumerate(items) if k != h and k not in taken and k not in chain
                 and not box[0].vertical and 0 <= box[0].top - bottom <= GLUE_GAP * body
                 and box[0].x0 < x1 and x0 < max(l.x1 for l in box)]
        if not under:
            return []
        k = min(under, key=lambda k: items[k][0].top)
        box = items[k]
        if is_head(box, body):
            return []
        chain.append(k)
        if _body_type(box[0], body):
            same_column = abs(min(l.x0 for l in box) - x0) <= SAME_EDGE * body \
                and x1 <= max(l.x1 for l in box) + SAME_EDGE * body
            # (a column whose text goes on from the column left of it is the middle of a
            # story a centred head is set over: ``_columns_under`` reads it whole)
            return chain if same_column and not _continued_from_left(items, k, h, taken, body) else []
        bottom = max(l.bottom for l in box)
    return []


def _parts_a_story(items: list[list[LineBox]], at: float) -> bool:
    """Would a vertical cut at ``at`` run through a head and its columns made one item?"""
    return any(isinstance(item, _Story) and min(l.x0 for l in item) < at <= max(l.x1 for l in item) for item in items)


def _heads_on_their_columns(items: list[list[LineBox]], body: float) -> list[list[LineBox]]:
    """Each head set over several columns made one item with its columns (``_columns_under``):
    what the cut reads when the widest band would part a head from the columns right under it,
    when a cut between columns would run through a centred head's story, or when no straight
    cut parts a region (a story set in an L); the head is what holds its columns together."""
    return _grouped(items, body, _columns_under, _Story)


class _Story(list):
    """A head with the columns under it, made one item: grouped once (what is under it now is
    the next story's)."""


def _grouped(items: list[list[LineBox]], body: float, under, kind) -> list[list[LineBox]]:
    """ITEMS with each head (not vertical, not grouped before) made one item of ``kind`` with
    the boxes ``under(items, h, taken, body)`` finds for it, in that order."""
    items = [item if isinstance(item, _Story) else list(item) for item in items]
    taken: set[int] = set()
    for h, head in enumerate(items):
        if h not in taken and not head[0].vertical and not isinstance(head, _Story) and is_head(head, body):
            # each box once: an author line may be both the band under the head and the line
            # over a column beside it (it was read twice)
            chain = list(dict.fromkeys(under(items, h, taken, body)))
            if chain:
                items[h] = kind(head + [line for k in chain for line in items[k]])
            taken.update(chain)
    return [item for k, item in enumerate(items) if k not in taken]


def _columns_under(items: list[list[LineBox]], h: int, taken: set[int], body: float) -> list[int]:
    """The columns of text right under head ``h`` set over several of them (the author line
    or deck between, if any), left to right: its story's first columns, whatever stands under
    them (another story under the short ones: an L-shaped story, which no straight cut
    parts from its neighbours). None unless each stands under the head's span and two or
    more start level right under it."""
    x0, x1 = min(l.x0 for l in items[h]), max(l.x1 for l in items[h])
    bottom, chain = max(l.bottom for l in items[h]), []

    def under(k: int, box: list[LineBox]) -> bool:  # a head may be set short of its columns' edges, or centred
        return k != h and k not in taken and k not in chain and not box[0].vertical \
            and 0 <= box[0].top - bottom <= GLUE_GAP * body \
            and min(l.x0 for l in box) < x1 - body and max(l.x1 for l in box) > x0 + body
    for _ in range(3):  # an author line or deck, then the columns
        band = [k for k, box in enumerate(items) if under(k, box)]
        if not band or any(is_head(items[k], body) for k in band):
            return []
        columns = [k for k in band if _body_type(items[k][0], body) and len(items[k]) >= 2]
        if len(columns) >= 2 or len(columns) == 1 and _continued_from_left(items, columns[0], h, taken | set(chain), body):
            top = min(items[k][0].top for k in columns)
            # a line in the band over the columns' first lines (an author line set in body type,
            # or near it) is read before them, not sorted among them as a column
            above = sorted((k for k in band if k not in columns and max(l.bottom for l in items[k]) <= top),
                           key=lambda k: (items[k][0].top, items[k][0].x0))
            columns = [k for k in band if k not in above and _body_type(items[k][0], body)]  # with a column's last line set apart
            beside, names = _level_beside(items, columns, h, taken | set(chain) | set(above), body)
            columns += beside
            chain += above + names  # the story's author line, over its columns or one of its outer ones: read under the head
            width = max(max(l.x1 for l in items[k]) - min(l.x0 for l in items[k]) for k in columns)
            for k in sorted(columns, key=lambda k: min(l.x0 for l in items[k])):
                chain += _column_from(items, k, width, h, taken | set(chain) | set(columns), body)
            return chain
        if columns:
            return []
        chain += band
        bottom = max(l.bottom for k in band for l in items[k])
    return []


def _continued_from_left(items: list[list[LineBox]], k: int, h: int, taken: set[int], body: float) -> bool:
    """Does column ``k`` under head ``h`` go on with the text of the column level with it on
    its left: its first line no paragraph's first (not indented), the left column's last line
    full? Then the head is centred over a story that starts left of it."""
    left, _ = _level_beside(items, [k], h, taken, body, sides=(-1,))
    if not left:
        return False
    before, column = items[left[0]], items[k]
    return column[0].x0 <= min(l.x0 for l in column) + 0.5 * body \
        and before[-1].x1 >= max(l.x1 for l in before) - body


def _level_beside(items: list[list[LineBox]], columns: list[int], h: int, taken: set[int], body: float,
                  sides: tuple[int, ...] = (-1, 1)) -> tuple[list[int], list[int]]:
    """Columns of text right beside ``columns``, one after another outwards, that start level
    with them and have nothing over them as high up as head ``h`` (but, on the left, the
    story's author line): the rest of the story a centred head is set over. The first column that does not is where
    the story ends. Returns those columns (nearest first) and the author lines over them."""
    top = min(items[k][0].top for k in columns)
    head_top = min(l.top for l in items[h])
    gutter = 3 * body  # the widest gap between two columns of one story

    def level(j: int, box: list[LineBox]) -> bool:
        return j != h and j not in taken and j not in columns and not box[0].vertical and len(box) >= 2 \
            and _body_type(box[0], body) and abs(box[0].top - top) <= body

    def over(j: int) -> list[int]:
        x0, x1 = min(l.x0 for l in items[j]), max(l.x1 for l in items[j])
        return [k for k, item in enumerate(items) if k not in (j, h) and head_top < max(l.bottom for l in item) <= top
                and min(l.x0 for l in item) < x1 and x0 < max(l.x1 for l in item)]

    candidates = [j for j, box in enumerate(items) if level(j, box)]
    out: list[int] = []
    authors: list[int] = []
    left = min(min(l.x0 for l in items[k]) for k in columns)
    right = max(max(l.x1 for l in items[k]) for k in columns)
    for outward in sides:
        while True:
            edge = left if outward < 0 else right
            gaps = {j: edge - max(l.x1 for l in items[j]) if outward < 0 else min(l.x0 for l in items[j]) - edge
                    for j in candidates if j not in out}
            near = [j for j, gap in gaps.items() if 0 <= gap <= gutter]
            if not near:
                break
            j = min(near, key=gaps.__getitem__)
            names = over(j)
            # an author line stands over a story's first column: over a column on the left it
            # may be this story's; over one on the right it opens the next story
            if names and (outward > 0 or not all(_author_line(items[k], items[j], body) for k in names)):
                break
            out.append(j)
            authors += names
            if outward < 0:
                left = min(l.x0 for l in items[j])
            else:
                right = max(l.x1 for l in items[j])
    return out, authors


def _author_line(box: list[LineBox], column: list[LineBox], body: float) -> bool:
    """A line over a column that is its story's author line, not another story's: one
    line, set neither as text nor as a head, narrower than the column."""
    line = box[0]
    return len(box) == 1 and not _body_type(line, body) and not is_head(box, body) \
        and line.x1 - line.x0 < max(l.x1 for l in column) - min(l.x0 for l in column)


def _column_from(items: list[list[LineBox]], k: int, width: float, h: int, taken: set[int], body: float) -> list[int]:
    """Box ``k`` and the boxes stacked right under it within its column, ``width`` wide (a
    section head and its text): one column of a story, down to a gap or to anything wider."""
    x0 = min(l.x0 for l in items[k])
    x1 = x0 + width
    column, bottom = [k], max(l.bottom for l in items[k])
    while True:
        under = [j for j, box in enumerate(items) if j != h and j not in taken and j not in column
                 and not box[0].vertical and 0 <= box[0].top - bottom <= STACK_GAP * body
                 and min(l.x0 for l in box) >= x0 - SAME_EDGE * body and max(l.x1 for l in box) <= x1 + SAME_EDGE * body]
        if not under:
            return column
        j = min(under, key=lambda j: items[j][0].top)
        column.append(j)
        bottom = max(l.bottom for l in items[j])


def _body_type(line: LineBox, body: float) -> bool:
    return abs(line.size - body) <= 0.1 * body


def _vertical_heads(boxes: list[list[LineBox]], body: float) -> list[list[list[LineBox]]]:
    """Heads set vertically, each with the vertical names beside it, ordered right to left."""
    vertical = [box for box in boxes if box[0].vertical]
    heads = [box for box in vertical if box[0].size >= HEAD_SIZE * body]
    names: dict[int, list[list[LineBox]]] = {id(head): [] for head in heads}
    for box in (box for box in vertical if box[0].size < HEAD_SIZE * body):
        beside = [head for head in heads if head[0].x0 - BESIDE * body <= box[0].x1 <= head[0].x0 + body
                  and box[0].top < head[0].bottom and box[0].bottom > head[0].top]
        if beside:  # one head's: the one it stands nearest, its top nearest the name's (read once)
            nearest = min(beside, key=lambda head: (head[0].x0 - box[0].x1, abs(head[0].top - box[0].top)))
            names[id(nearest)].append(box)
    return [[head] + sorted(names[id(head)], key=lambda box: -box[0].x0) for head in heads]


def _beside_text(group: list[list[LineBox]], order: list[LineBox], body: float) -> list[LineBox]:
    """ORDER with a vertical head (and its names) before the text left of it: found at the
    first line of the column nearest the head on its left, level with it, then back over the lines read just
    before that one which start level with it too (the story's other columns)."""
    lines = [line for box in group for line in box]
    x0 = min(l.x0 for l in lines)
    top, bottom = min(l.top for l in lines), max(l.bottom for l in lines)

    beside = sorted(line.x0 for line in order if top <= line.top < bottom and line.x0 < x0)

    def level(line: LineBox) -> bool:
        """In a column that runs beside the head (it may start a few lines higher)."""
        if not (top - 5 * body <= line.top < bottom and line.x0 < x0):
            return False
        k = bisect_left(beside, line.x0 - body)  # the first column edge not left of its reach
        return k < len(beside) and beside[k] <= line.x0 + body

    nearest = max((line.x1 for line in order if level(line)), default=None)
    if nearest is None:
        return order + lines
    reach = min(nearest, x0) - BESIDE * body
    at = next(k for k, line in enumerate(order) if level(line) and line.x1 >= reach)
    while at > 0 and level(order[at - 1]):
        at -= 1
    return order[:at] + lines + order[at:]


def _over_text_under(head: list[LineBox], order: list[LineBox], body: float) -> list[LineBox]:
    """ORDER with HEAD put before the first line of the text it heads: a line under its
    span, or a line of body text beside it (a column that starts level with the head)."""
    x0, x1 = min(l.x0 for l in head), max(l.x1 for l in head)
    top, bottom = min(l.top for l in head), max(l.bottom for l in head)

    def heads(line: LineBox) -> bool:
        if line.x0 < x1 and x0 < line.x1:
            return line.top >= top - line.size
        level = line.top < bottom and line.bottom > top - (bottom - top)  # a column may start a little higher
        beside = level and max(line.x0 - x1, x0 - line.x1) <= BESIDE * body
        return beside and _body_type(line, body)

    at = next((k for k, line in enumerate(order) if heads(line)), len(order))
    return order[:at] + head + order[at:]


def _intruder(items: list[list[LineBox]], body: float) -> list[LineBox] | None:
    """The widest line not set in body type, when it is wider than a column of text."""
    widths = [item[0].x1 - item[0].x0 for item in items]
    body_width = max((w for w, item in zip(widths, items) if _body_type(item[0], body)), default=0.0)
    candidates = [(w, k) for k, (w, item) in enumerate(zip(widths, items))
                  if not _body_type(item[0], body) and w > body_width]
    return items[max(candidates)[1]] if candidates else None


# box colours for `digest inspect --png`: one per article, grey for the page's noise
