"""Inputs -> Pages: expand paths, read bytes, detect the encoding, refuse what is not text.

A Chinese user's files come as UTF-8 (with or without BOM), GB18030/GBK/GB2312, Big5 or
UTF-16. BOMs decide first; strict UTF-8 second (it almost never decodes by accident);
then charset-normalizer chooses among the legacy encodings.
"""
from __future__ import annotations

import codecs
import os
import re
import stat
import sys
from pathlib import Path
from typing import BinaryIO, Iterator

from .model import Page, SourceError
from .text import normalize

MAX_BYTES = 50 * 1024 * 1024  # a page dump is ~20 KB; 50 MiB is not a page
MAX_DOCUMENTS_BYTES = 2 * 1024 * 1024 * 1024  # `digest summarize` on a JSONL corpus
PLAUSIBILITY_SAMPLE = 4000  # characters: enough to tell an encoding, cheap on big files
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
PAGE_SUFFIXES = (".txt", ".pdf")  # what a directory is read for
_LEGACY = ("gb18030", "big5", "utf_16_le", "utf_16_be")


_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f]")


class LoadError(Exception):
    """A path that gives no page; the message is one line meant for the user."""


class Skipped(str):
    """A directory's entries left unread (subdirectories without ``--recursive``): said on
    stderr as a warning, not an error."""

    def __new__(cls, directory: str, message: str):
        self = super().__new__(cls, directory)
        self.message = message
        return self


def expand(paths: list[str], recursive: bool = False) -> Iterator[str | SourceError | Skipped]:
    """Files as given, directories as their ``*.txt`` and ``*.pdf`` files in sorted order
    (and, with ``recursive``, their subdirectories' in turn), ``-`` as stdin."""
    for raw in paths:
        if raw == "-":
            yield "-"
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _directory(path, raw, recursive, top=True)
        elif path.exists():
            yield raw
        else:
            yield SourceError(raw, "no such file or directory")


def _directory(path: Path, raw: str, recursive: bool, top: bool) -> Iterator[str | SourceError | Skipped]:
    try:
        entries = sorted(path.iterdir())
    except OSError as exc:
        yield SourceError(raw, f"cannot read the directory: {exc.strerror or exc}")
        return
    found = [p for p in entries if p.suffix.lower() in PAGE_SUFFIXES and p.is_file()]
    folders = [p for p in entries if p.is_dir() and not p.is_symlink()]
    if not found and not (recursive and folders):
        if top:
            yield SourceError(raw, "no .txt or .pdf files in directory")
    for p in found:
        yield str(p)
    if recursive:
        for folder in folders:
            yield from _directory(folder, str(folder), recursive, top=False)
    elif folders:
        yield Skipped(raw, f"warning: {len(folders)} subdirector{'ies' if len(folders) > 1 else 'y'} not read "
                           "(--recursive reads them)")


def read_page(source: str, stdin: BinaryIO | None = None, max_bytes: int = MAX_BYTES) -> Page:
    """Read one text dump (or ``-``) and decode it; raises LoadError with a one-line reason.
    A PDF with one page gives that page; ``read_pages`` reads a whole edition."""
    pages = read_pages(source, stdin, max_bytes)
    if len(pages) != 1:
        raise LoadError(f"a PDF of {len(pages)} pages: give `digest run` the file to read every page")
    return pages[0]


def is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip(b"\x00\t\r\n ").startswith(b"%PDF-")


def read_pages(source: str, stdin: BinaryIO | None = None, max_bytes: int = MAX_BYTES) -> list[Page]:
    """The pages of one path: a text dump is one page, a PDF one page per printed page."""
    data = _read_bytes(source, stdin, max_bytes)
    if is_pdf(data):
        from .pdf import PdfError, read_pdf  # a text dump's digest never loads the PDF reader

        try:
            return read_pdf(data, source)
        except PdfError as exc:
            raise LoadError(str(exc)) from None
    notes: list[str] = []
    text, encoding = decode(data, notes)
    if columns_side_by_side(text):
        _note(notes, "its columns are printed side by side (pdftotext -layout, or PyMuPDF with sort=True): "
                     "they are read in the wrong order; give the PDF itself, or a dump made without -layout")
    return [Page(source=source, text=normalize(text), encoding=encoding, notes=tuple(notes))]


_GUTTER = re.compile(r"\S {3,}\S")  # three spaces or more between two characters of a line
SIDE_BY_SIDE = 0.3  # share of a dump's lines with such a gap: 0.55-0.92 for the twelve pages by
# pdftotext -layout and PyMuPDF get_text(sort=True), at most 0.05 in every other dump we have


def columns_side_by_side(text: str) -> bool:
    """Does the dump print its columns side by side on one line, a gutter of spaces between
    them? The segmenter reads a dump line by line and cannot untangle that."""
    lines = [line for line in text.split("\n") if line.strip()]
    gutters = sum(1 for line in lines if _GUTTER.search(line))
    return gutters >= 10 and gutters >= SIDE_BY_SIDE * len(lines)


def _read_bytes(source: str, stdin: BinaryIO | None, max_bytes: int) -> bytes:
    try:
        if source == "-":
            if stdin is None and (sys.stdin is None or getattr(sys.stdin, "buffer", None) is None):
                raise LoadError("standard input is closed")
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read(max_bytes + 1)
        else:
            mode = os.stat(source).st_mode
            if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
                # a FIFO would block the whole run (and every other page's output) forever
                raise LoadError("not a regular file (a FIFO, device or socket): not read")
            with open(source, "rb") as fh:
                data = fh.read(max_bytes + 1)
    except IsADirectoryError:
        raise LoadError("is a directory") from None
    except PermissionError:
        raise LoadError("permission denied") from None
    except OSError as exc:
        raise LoadError(exc.strerror or str(exc)) from None
    if len(data) > max_bytes:
        raise LoadError(f"larger than {max_bytes // (1024 * 1024)} MiB")
    return data


def decode(data: bytes, notes: list[str] | None = None) -> tuple[str, str]:
    """Bytes -> (text, encoding name). Raises LoadError for binary or undecodable data.

    A text page with a few stray bytes is not refused whole: a handful of NUL bytes are
    removed, a handful of bytes that are not UTF-8 in UTF-8 text (a page cut mid-character,
    one bad byte) are replaced by U+FFFD; each such repair is said in ``notes``."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                raise LoadError(f"starts with a {name} byte-order mark but does not decode as {name}") from None
    if not data.strip():
        return "", "utf-8"
    if b"\x00" in data:  # UTF-16 (ASCII in it leaves NUL bytes) or binary
        utf16 = _sniff_utf16(data)
        if utf16:
            return data.decode(utf16), utf16
        count = data.count(b"\x00")
        if count > _few(len(data)):
            raise LoadError("binary file (contains NUL bytes); expected a text dump of a page")
        first = data.index(b"\x00")
        _note(notes, f"{count} NUL byte{'s' * (count > 1)} removed (the first at byte {first})")
        data = data.replace(b"\x00", b"")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = _mostly_utf8(data, exc, notes)
    if text is not None:  # strict UTF-8 almost never decodes by accident
        _refuse_binary(text)
        return text, "utf-8"
    utf16 = _sniff_utf16(data)  # UTF-16 of pure CJK has no NUL bytes
    if utf16:
        return data.decode(utf16), utf16
    text, encoding = _detect_legacy(data, notes)
    _refuse_binary(text)
    return text, encoding


MUCH_MORE_PLAUSIBLE = 0.2  # share of ordinary Chinese characters by which one decoding beats another


READS_AS_TEXT = 0.8  # share of ordinary Chinese text's characters a repaired page must reach


def _tolerated(size: int) -> int:
    """Stray bytes a page in a legacy encoding may have and still be read as it (each said in a
    warning): one in a hundred. A page "overwhelmingly one encoding"; more is no page."""
    return max(3, size // 100)


def _few(size: int) -> int:
    """How many stray bytes a page of SIZE bytes may have and still be read: a few per mille."""
    return max(3, size // 1000)


def _note(notes: list[str] | None, text: str) -> None:
    if notes is not None:
        notes.append(text)


def _mostly_utf8(data: bytes, first: UnicodeDecodeError, notes: list[str] | None) -> str | None:
    """UTF-8 text with a few bytes that are not (a page cut mid-character, one bad byte):
    read, those bytes replaced; None when it is not UTF-8 at all."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    if bad > _few(len(data)) or han_ratio(text) < 0.3:
        return None
    what = f"{bad} bytes that are" if bad > 1 else "1 byte that is"
    _note(notes, f"{what} not UTF-8 replaced by U+FFFD (the first at byte {first.start})")
    return text


def han_ratio(text: str) -> float:
    """The share of Han characters among the non-space characters."""
    chars = [ch for ch in text[:PLAUSIBILITY_SAMPLE] if not ch.isspace()]
    return sum(1 for ch in chars if "\u4e00" <= ch <= "\u9fff") / max(len(chars), 1)


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: it decodes strictly and reads as plausible text (CJK, ASCII, spaces)."""
    if len(data) < 4 or len(data) % 2:
        return None
    best, best_score = None, 0.0
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        score = _text_plausibility(text)
        if score > best_score:
            best, best_score = name, score
    if best is None or best_score < 0.9:
        return None
    if b"\x00" not in data:  # pure CJK: only trust UTF-16 over the legacy guesses if it reads better
        try:
            if _text_plausibility(data.decode("utf-8")) >= best_score:
                return None
        except UnicodeDecodeError:
            pass
        for legacy in ("gb18030", "big5"):
            try:
                if _text_plausibility(data.decode(legacy)) >= best_score:
                    return None
            except UnicodeDecodeError:
                continue
    return best


def _text_plausibility(text: str) -> float:
    """Share of characters that ordinary Chinese text is made of (on a sample)."""
    text = text[:PLAUSIBILITY_SAMPLE]
    if not text:
        return 0.0
    ok = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fa5" or 32 <= ord(ch) < 127 or ch in "\n\r\t"
             or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" or ch in "“”‘’—…·")
    return ok / len(text)


def _detect_legacy(data: bytes, notes: list[str] | None = None) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    candidates, lenient = [], []
    for name in ("gb18030", "big5"):
        try:
            candidates.append((name, data.decode(name)))
        except UnicodeDecodeError as exc:
            text = data.decode(name, errors="replace")
            if text.count("\ufffd") <= _tolerated(len(data)):
                lenient.append((name, text, exc.start))
    if len(candidates) <= 1 and lenient:
        # a Big5 page with stray byte pairs may still decode as GB18030, as gibberish, or as
        # neither: the encoding whose text reads as Chinese wins, its stray bytes replaced and said
        strict = candidates[0][1] if candidates else None
        floor = _text_plausibility(strict) + MUCH_MORE_PLAUSIBLE if strict is not None else READS_AS_TEXT
        for other, repaired, first in sorted(lenient, key=lambda c: -_text_plausibility(c[1])):
            if _text_plausibility(repaired) > floor:
                bad = repaired.count("\ufffd")
                what = f"{bad} bytes that are" if bad > 1 else "1 byte that is"
                _note(notes, f"{what} not {other} replaced by U+FFFD (the first at byte {first})")
                return repaired, other
    if len(candidates) == 1:
        return candidates[0][1], candidates[0][0]
    best = from_bytes(data, cp_isolation=list(_LEGACY) + ["utf_8"]).best()
    if best is not None and best.encoding in ("gb18030", "big5"):
        name = best.encoding
        return data.decode(name), name
    if candidates:
        # Both decode: the one whose text is most common Han characters wins.
        name, text = max(candidates, key=lambda c: _text_plausibility(c[1]))
        return text, name
    if best is not None:
        return str(best), best.encoding
    raise LoadError("cannot determine the text encoding (tried UTF-8, GB18030, Big5, UTF-16)")


def _refuse_binary(text: str) -> None:
    sample = text[:20000]
    controls = len(_CONTROLS.findall(sample))
    if controls > max(3, len(sample) // 100):
        raise LoadError("binary file (control characters); expected a text dump of a page")
    if "\ufffd" in sample and sample.count("\ufffd") > len(sample) // 20:
        raise LoadError("undecodable text")
