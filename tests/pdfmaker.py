"""Tiny PDFs for the tests, written by hand: Chinese text at given places and sizes.

The font is Adobe's non-embedded STSong-Light with the UniGB-UCS2-H CMap, which every
PDF reader knows, so a page is a few hundred bytes and needs no font file.
"""
from __future__ import annotations

# (x, top, size, text) in points from the page's top-left; vertical=True sets it top to bottom
Item = tuple


def make_pdf(pages: list[list[Item]], width: int = 600, height: int = 800) -> bytes:
    objs: list[bytes] = [b"", b""]  # catalog and page tree, filled in below
    font = 3 + 2 * len(pages)
    kids = []
    for items in pages:
        ops = []
        for item in items:
            x, top, size, text = item[:4]
            vertical = len(item) > 4 and item[4]
            for k, ch in (enumerate(text) if vertical else [(0, text)]):
                y = height - top - size - (k * size if vertical else 0)
                code = "".join(f"{ord(c):04X}" for c in ch)
                ops.append(f"BT /F1 {size} Tf {x} {y} Td <{code}> Tj ET")
        content = "\n".join(ops).encode()
        page_no, content_no = len(objs) + 1, len(objs) + 2
        kids.append(f"{page_no} 0 R")
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} {height}] "
                    f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {content_no} 0 R >>".encode())
        objs.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objs[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objs[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(pages)} >>".encode()
    objs.append(f"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
                f"/DescendantFonts [{font + 1} 0 R] >>".encode())
    objs.append(f"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo "
                f"<< /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor {font + 2} 0 R /DW 1000 >>"
                .encode())
    objs.append(b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] "
                b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{off:010d} 00000 n \n".encode() for off in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def column(x: float, top: float, lines: list[str], size: float = 10, leading: float = 14) -> list[Item]:
    """Lines of body text set one under another."""
    return [(x, top + i * leading, size, line) for i, line in enumerate(lines)]


def glyphs(items: list[Item]) -> list:
    """The same items as PDFium would report their characters, in the order given (for
    layouts a hand-written PDF cannot carry: PDFium drops one-character text objects of
    a font that is not embedded, which is how vertical heads are drawn)."""
    from digest.pdf import Glyph

    out = []
    for item in items:
        x, top, size, text = item[:4]
        vertical = len(item) > 4 and item[4]
        for k, ch in enumerate(text):
            gx, gy = (x, top + k * size) if vertical else (x + k * size, top)
            out.append(Glyph(ch, gx, gy, gx + size, gy + size, size, "STSong-Light"))
    return out
