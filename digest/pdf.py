"""PDF pages -> text lines with geometry, read with PDFium (pypdfium2, Apache-2.0/BSD).

Each page becomes a ``Page`` whose text is a dump like an extractor's (one printed line a
line, a blank line between boxes of text) and whose ``geometry`` gives each of those lines
its box, type size and font: the segmenter reads type size as one more cue. Characters
are joined into lines by position (a head drawn one character at a time, or set
vertically, is one line), lines into boxes, and boxes are put in reading order by their
positions alone (recursive XY-cut), not in the order the producer happened to draw them:
many e-paper PDFs draw an article's text first and its head last.
"""
from __future__ import annotations

import ctypes
import re

from .geometry import body_size
from .model import LineBox, Page
from .reading_order import is_head, xy_order
from .text import normalize

# Two characters of one size are on one line when their centres are this close vertically
# (in type sizes) and the gap between them is under MAX_GAP sizes for the line's first two
# or after a printed space, else under SPACE_GAP sizes or 2.5 times the widest gap so far: a
# letter-spaced head keeps its spacing, a gutter to the next column is wider than either.
SAME_LINE = 0.45
MAX_GAP = 4.0
SPACE_GAP = 0.35
OVERLAP = 1.2  # justified lines drawn in pieces overlap by a squeezed punctuation mark
# A line starts a new box (a blank line in the dump) when it sits this far below the last
# one (in its type size), moves up, leaves the last line's horizontal span or changes size.
BOX_GAP = 0.9
SIZE_CHANGE = 0.15


_CJK_SPACE = re.compile(r"(?<=[^\x00-\x7f]) +(?=[^\x00-\x7f])")  # letter-spacing between Chinese characters
_SKIPPED = frozenset(" \r\n\x00\uffff\u3000\xa0\t")
_LINE_END_HYPHEN = "\ufffe"  # PDFium's mark for a hyphen drawn at a line's end: the hyphen is on the page


class PdfError(Exception):
    """A PDF that gives no text; the message is one line meant for the user."""


class Glyph:
    """One drawn character: its box (points, top-down), centre, type size and font."""

    __slots__ = ("ch", "x0", "top", "x1", "bottom", "size", "font", "cx", "cy", "spaced")

    def __init__(self, ch: str, x0: float, top: float, x1: float, bottom: float, size: float, font: str,
                 spaced: bool = False):
        self.ch, self.x0, self.top, self.x1, self.bottom, self.size, self.font = ch, x0, top, x1, bottom, size, font
        self.cx, self.cy = (x0 + x1) / 2, (top + bottom) / 2
        self.spaced = spaced  # a space came before it ("GDP growth")


def read_pdf(data: bytes, source: str) -> list[Page]:
    """Every page of a PDF as a Page; a multi-page file names its pages ``FILE.pdf#p3``."""
    import pypdfium2 as pdfium  # only the PDF path pays for it

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise PdfError(f"not a readable PDF ({exc})") from None
    try:
        pages = []
        for index in range(len(doc)):
            name = source if len(doc) == 1 else f"{source}#p{index + 1}"
            pages.append(_read_page(doc[index], name))
    except pdfium.PdfiumError as exc:  # a page that does not load: the file is damaged
        raise PdfError(f"a damaged PDF ({exc})") from None
    finally:
        doc.close()
    if not any(page.text.strip() for page in pages):
        raise PdfError("no text layer (a scanned page?): nothing to read")
    return pages


def _read_page(page, source: str) -> Page:
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        kept: set[int] = set()
        chars = _chars(textpage, height, kept)
        doubled = _drawn_twice(page, textpage, height, kept)
    finally:
        textpage.close()
        page.close()
    text, geometry = lay_out(chars)
    if doubled:  # after the page, a box of their own: the segmenter puts them in noise
        text += "\n" + "".join(box.text + "\n" for box in doubled)
        geometry += (None, *doubled)
    return Page(source=source, text=text, encoding="pdf", geometry=geometry, page_size=(width, height))


def _drawn_twice(page, textpage, height: float, kept: set[int]) -> list[LineBox]:
    """Text the PDF drew a second time over itself (a head or a chart label in fake bold):
    PDFium's text page keeps one copy and drops the other, pdftotext prints both. The text
    objects none of the text page's characters came from are those second copies; each
    reads as the text under its box. Kept, as noise, so that no character of the page is
    lost against pdftotext."""
    import pypdfium2.raw as raw

    if 0 in kept:  # some characters came from no text object PDFium would name: no telling
        return []
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    out = []
    for index in range(raw.FPDFPage_CountObjects(page.raw)):
        obj = raw.FPDFPage_GetObject(page.raw, index)
        if raw.FPDFPageObj_GetType(obj) != raw.FPDF_PAGEOBJ_TEXT or ctypes.addressof(obj.contents) in kept:
            continue
        if not raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            continue
        text = re.sub(r"\s+", "", textpage.get_text_bounded(left.value - 0.5, bottom.value - 0.5,
                                                            right.value + 0.5, top.value + 0.5))
        if not text:
            continue
        box = LineBox(text=normalize(text), x0=left.value, top=height - top.value, x1=right.value,
                      bottom=height - bottom.value, size=0.0, doubled=True)
        last = out[-1] if out else None
        if last is not None and abs(box.top - last.top) < (last.bottom - last.top) / 2 \
                and -1 <= box.x0 - last.x1 < 2 * (last.bottom - last.top):  # the same line drawn on
            box = LineBox(text=last.text + box.text, x0=last.x0, top=last.top, x1=box.x1, bottom=last.bottom,
                          size=0.0, doubled=True)
            out.pop()
        out.append(box)
    return out


def lay_out(glyphs: list[Glyph]) -> tuple[str, tuple[LineBox | None, ...]]:
    """Glyphs in drawing order -> the page as a dump (lines in reading order, a blank line
    between boxes) and the LineBox of each of its lines (None for the blank ones)."""
    if not glyphs:
        return "", ()
    lines = _lines(glyphs)
    body = body_size(lines) or 1.0
    boxes = [head for box in _boxes(xy_order(_boxes(lines), body)) for head in _one_head(box, body)]
    text_lines: list[str] = []
    geometry: list[LineBox | None] = []
    for b, box in enumerate(boxes):
        if b:
            text_lines.append("")
            geometry.append(None)
        for line in box:
            text_lines.append(line.text)
            geometry.append(line)
    return "\n".join(text_lines) + "\n", tuple(geometry)


def _chars(textpage, height: float, kept: set[int] | None = None) -> list[Glyph]:
    """The drawn characters with their boxes (top-down coordinates), sizes and fonts; size
    and font are read once per text object (a run of characters drawn together), whose
    addresses go in ``kept``."""
    import pypdfium2.raw as raw

    buffers = (raw.FS_MATRIX(), ctypes.create_string_buffer(96), ctypes.c_int())  # reused for every object
    handle = textpage.raw
    rect = raw.FS_RECTF()
    styles: dict[int, tuple[float, str]] = {}
    out = []
    count = raw.FPDFText_CountChars(handle)
    text = textpage.get_text_range()
    if len(text) != count:  # characters outside the BMP: read them one by one
        text = "".join(chr(raw.FPDFText_GetUnicode(handle, i)) for i in range(count))
    spaced = False
    char_box, text_object, address = raw.FPDFText_GetLooseCharBox, raw.FPDFText_GetTextObject, ctypes.addressof
    for i, ch in enumerate(text):
        if ch in _SKIPPED:  # spaces are kept as a mark on the next character; PDFium's line breaks are not ours
            spaced = spaced or ch in " \u3000\xa0\t"
            continue
        if ch == _LINE_END_HYPHEN:
            ch = "-"
        char_box(handle, i, rect)
        obj = text_object(handle, i)
        key = address(obj.contents) if obj else 0
        style = styles.get(key)
        if style is None:
            style = styles[key] = _style(raw, handle, i, buffers)
            if kept is not None:
                kept.add(key)
        out.append(Glyph(ch, rect.left, height - rect.top, rect.right, height - rect.bottom, *style, spaced))
        spaced = False
    return out


def _style(raw, handle, i: int, buffers: tuple) -> tuple[float, str]:
    """(type size in points, font name) of the character at i."""
    matrix, name, flags = buffers
    raw.FPDFText_GetMatrix(handle, i, matrix)
    scale = (matrix.b ** 2 + matrix.d ** 2) ** 0.5 or 1.0
    raw.FPDFText_GetFontInfo(handle, i, name, len(name), flags)
    return round(raw.FPDFText_GetFontSize(handle, i) * scale, 1), name.value.decode("latin-1").split("+")[-1]


def _lines(chars: list[Glyph]) -> list[LineBox]:
    """Characters in drawing order -> lines: a character joins the line before it when it
    sits beside its last character (horizontal) or under it (a vertical head)."""
    runs: list[tuple[list[Glyph], bool]] = []
    vertical = False  # is the current line set vertically?
    widest = 0.0  # the widest gap inside the current line so far
    run: list[Glyph] = []
    last = None
    for i, c in enumerate(chars):
        if last is not None:
            size = c.size if c.size > last.size else last.size
            size = size if size > 1.0 else 1.0
            gap = c.x0 - last.x1
            if not vertical and abs(c.cy - last.cy) < SAME_LINE * size and abs(c.size - last.size) <= SIZE_CHANGE * size:
                # a letter-spaced head keeps one spacing; a gutter to the next column or story is wider
                room = MAX_GAP * size if len(run) == 1 or c.spaced else max(SPACE_GAP * size, 2.5 * widest)
                if -OVERLAP * size < gap < room:
                    run.append(c)
                    widest = gap if gap > widest else widest
                    last = c
                    continue
            if abs(c.cx - last.cx) < 0.3 * size and 0 <= c.top - last.bottom < 1.5 * size \
                    and (vertical or len(run) == 1 and not _beside(chars, i)):
                run.append(c)
                vertical, last = True, c
                continue
            runs.append((run, vertical))
        run, vertical, widest, last = [c], False, 0.0, c
    if run:
        runs.append((run, vertical))
    return [_line_box(r, v) for r, v in runs]


def _beside(chars: list[Glyph], i: int) -> bool:
    """Does the character after chars[i] sit beside it? Then chars[i] begins a horizontal
    line (a title under the one-character last line of its kicker), not a vertical one."""
    if i + 1 >= len(chars):
        return False
    c, d = chars[i], chars[i + 1]
    return abs(d.cy - c.cy) < SAME_LINE * max(c.size, 1.0) and -OVERLAP * c.size < d.x0 - c.x1 < MAX_GAP * c.size


def _line_box(run: list[Glyph], vertical: bool) -> LineBox:
    first = run[0]
    parts = [first.ch]
    x0, top, x1, bottom = first.x0, first.top, first.x1, first.bottom
    prev = first
    for c in run[1:]:  # one pass: a page has thousands of lines
        if not vertical and (c.spaced or c.x0 - prev.x1 > 0.8 * (c.size if c.size > 1.0 else 1.0)):
            parts.append(" ")  # a space printed, or letter-spaced heads: kept as extractors print them
        parts.append(c.ch)
        x0, top = (c.x0 if c.x0 < x0 else x0), (c.top if c.top < top else top)
        x1, bottom = (c.x1 if c.x1 > x1 else x1), (c.bottom if c.bottom > bottom else bottom)
        prev = c
    sizes = sorted(c.size for c in run)
    half = len(sizes) // 2
    size = sizes[half] if len(sizes) % 2 else (sizes[half - 1] + sizes[half]) / 2  # the median
    fonts = [c.font for c in run]
    # the most used font (of a tie, the first drawn: a set's order changes from run to run)
    font = first.font if fonts.count(first.font) == len(fonts) else max(fonts, key=fonts.count)
    return LineBox(text=normalize("".join(parts)), x0=x0, top=top, x1=x1, bottom=bottom, size=size, font=font,
                   vertical=vertical)


def _boxes(lines: list[LineBox]) -> list[list[LineBox]]:
    """Lines -> boxes: a new box where the next line is not right under the last one."""
    boxes: list[list[LineBox]] = []
    for line in lines:
        if boxes:
            last = boxes[-1][-1]
            size = max(min(line.size, last.size), 1.0)
            below = 0 <= line.top - last.bottom + 0.3 * size < (BOX_GAP + 0.3) * size
            overlaps = line.x0 < last.x1 and last.x0 < line.x1
            same_size = abs(line.size - last.size) <= SIZE_CHANGE * max(line.size, last.size)
            if below and overlaps and same_size and not line.vertical and not last.vertical:
                boxes[-1].append(line)
                continue
        boxes.append([line])
    return boxes


def _one_head(box: list[LineBox], body: float) -> list[list[LineBox]]:
    """A head wrapped over lines of one size and font is one head, one line of the dump;
    a line in another font (a banner over a title) is a head of its own."""
    if len(box) < 2 or not is_head(box, body) or any(line.vertical for line in box):
        return [box]
    heads = [[box[0]]]
    for prev, line in zip(box, box[1:]):
        if prev.font == line.font:
            heads[-1].append(line)
        else:
            heads.append([line])
    return [[LineBox(text=_CJK_SPACE.sub("", "".join(l.text for l in part)), x0=min(l.x0 for l in part), top=part[0].top,
                     x1=max(l.x1 for l in part), bottom=part[-1].bottom, size=part[0].size, font=part[0].font)]
            for part in heads]


_COLOURS = ((214, 39, 40), (31, 119, 180), (44, 160, 44), (255, 127, 14), (148, 103, 189), (140, 86, 75),
            (227, 119, 194), (23, 190, 207), (188, 189, 34))
_NOISE = (150, 150, 150)


def draw_articles(data: bytes, index: int, boxes: list[tuple[int | None, float, float, float, float]],
                  out: str, scale: float = 1.5) -> None:
    """Page ``index`` of the PDF rendered to a PNG at ``out``, each article's lines framed in
    its colour (article None: noise, in grey): why the page was cut so, at a glance."""
    import zlib

    import numpy as np
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    try:
        bitmap = doc[index].render(scale=scale, rev_byteorder=True)  # RGB(A) rows
        pixels = np.array(bitmap.to_numpy()[:, :, :3], dtype=np.uint8)
    finally:
        doc.close()
    height, width = pixels.shape[:2]
    for article, x0, top, x1, bottom in boxes:
        colour = _NOISE if article is None else _COLOURS[article % len(_COLOURS)]
        a, b = max(int(x0 * scale) - 2, 0), min(int(x1 * scale) + 2, width - 1)
        c, d = max(int(top * scale) - 2, 0), min(int(bottom * scale) + 2, height - 1)
        for edge in (pixels[c:c + 2, a:b + 1], pixels[d - 1:d + 1, a:b + 1], pixels[c:d + 1, a:a + 2], pixels[c:d + 1, b - 1:b + 1]):
            edge[...] = colour
    raw = b"".join(b"\x00" + row.tobytes() for row in pixels)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return len(body).to_bytes(4, "big") + kind + body + zlib.crc32(kind + body).to_bytes(4, "big")

    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes((8, 2, 0, 0, 0))
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b"")
    with open(out, "wb") as fh:
        fh.write(png)


__all__ = ["Glyph", "PdfError", "draw_articles", "lay_out", "read_pdf", "xy_order"]
