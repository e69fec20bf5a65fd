"""Character-level text helpers shared by every stage: CJK spacing and sentence splitting.

There is exactly one sentence splitter in the project (``split_sentences``); the
segmenter, every summarizer and the evaluation all use it, so that a sentence means
the same thing everywhere.
"""
from __future__ import annotations

import re
import unicodedata

# Han ideographs (with extensions), CJK symbols and full-width forms count as "CJK":
# a space next to one of them is a typesetting artefact, not a word separator.
_CJK_RANGES = (
    "\u2e80-\u2fdf"  # radicals
    "\u3000-\u303f"  # CJK symbols and punctuation
    "\u3040-\u30ff"  # kana (appear in names and quotes)
    "\u3400-\u4dbf"  # ext A
    "\u4e00-\u9fff"  # unified ideographs
    "\uf900-\ufaff"  # compatibility ideographs
    "\ufe30-\ufe4f"  # CJK compatibility forms
    "\uff00-\uffef"  # full-width forms: ，。！？（）：；
    "\u2014\u2018\u2019\u201c\u201d\u2026\u00b7\u25a0\u25a1\u25cf\u3010\u3011"
    "\U00020000-\U0002ffff"
)
CJK_CHAR = f"[{_CJK_RANGES}]"
_CJK_RE = re.compile(CJK_CHAR)
_HAN_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
# Whitespace (including the ideographic space) with a CJK character on either side.
_SPACE_NEXT_TO_CJK = re.compile(rf"(?<={CJK_CHAR})[ \t\u00a0\u3000]+|[ \t\u00a0\u3000]+(?={CJK_CHAR})")
_MULTI_SPACE = re.compile(r"[ \t\u00a0\u3000]+")

SENTENCE_END = "。！？!?；;…"
CLOSERS = "”’」』）)】》〉\"'"
_OPEN_QUOTES = {"“": "”", "「": "」", "『": "』", "‘": "’"}


def is_cjk(ch: str) -> bool:
    return bool(_CJK_RE.match(ch))


def is_han(ch: str) -> bool:
    return bool(_HAN_RE.match(ch))


def han_count(text: str) -> int:
    return len(_HAN_RE.findall(text))


def repair_spacing(text: str) -> str:
    """Remove spaces a PDF extractor puts between CJK characters; keep one between Latin words.

    "日前， 长三角 G60 科创走廊" -> "日前，长三角G60科创走廊"; "DAMO GRAPE" stays.
    """
    text = _SPACE_NEXT_TO_CJK.sub("", text)
    return _MULTI_SPACE.sub(" ", text).strip()


# Control (Cc) and format (Cf) characters, newline and tab excepted.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U0001bca0-\U0001bca3"
    "\U000110cd\U00013430-\U0001343f\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)


def normalize(text: str) -> str:
    """NFC, no control or format characters but newlines and tabs, CRLF folded."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _INVISIBLE.sub("", text)


# Characters wide in every Unicode version since 9: CJK punctuation, kana, Han, Hangul syllables,
# compatibility ideographs, CJK compatibility forms, fullwidth forms, and the "ambiguous" quotes,
# dashes and dots of Chinese text. Counted in one pass; the few others are looked up one by one.
_WIDE = re.compile("[\u3001-\u303e\u3040-\u4dbf\u4e00-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f"
                   "\uff01-\uff60\u2018\u2019\u201c\u201d\u2014\u2026\u00b7]+")


def display_width(text: str) -> float:
    """Width in CJK cells: a Han character or CJK punctuation (“ ” — …) is 1, a Latin letter or digit 0.5."""
    rest = _WIDE.sub("", text)
    return len(text) - len(rest) + sum(1.0 if unicodedata.east_asian_width(ch) in "WFA" else 0.5
                                       for ch in rest if not ch.isspace())


def widest_width(text: str) -> int:
    """The widest a line may be set, in CJK cells: a Latin letter or digit is half a cell in
    theory and up to a whole one in a PDF's font; no glyph is wider."""
    return sum(1 for ch in text if not ch.isspace())


# Paragraphs without quotes or ASCII terminators (most of them) split with one regex.
_SIMPLE_SENTENCE = re.compile(r"[^。！？；…]*[。！？；…]+[”’」』）)】》〉]*|[^。！？；…]+$")
_NEEDS_CAREFUL_SPLIT = re.compile(r"[“「『‘!?;\"']")


def split_sentences(text: str) -> list[str]:
    """Split Chinese text into sentences, losing nothing.

    A sentence ends at 。！？!?；; or an ellipsis, and takes any closing quotes and
    brackets that follow with it; a short attribution after a quote (“…。”他说。)
    belongs to the quote. Terminators inside “…” quotes do not end a sentence
    unless the quote itself closes right after them. Newlines always end a sentence.
    Text without final punctuation is kept as the last sentence. ``"".join(result)``
    equals the input with newlines and surrounding spaces removed.
    """
    sentences: list[str] = []
    for para in text.split("\n"):
        if _NEEDS_CAREFUL_SPLIT.search(para):
            sentences.extend(_attach_attributions(_split_paragraph(para)))
        else:
            sentences.extend(p for p in (m.strip() for m in _SIMPLE_SENTENCE.findall(para)) if p)
    return sentences


def _split_paragraph(para: str) -> list[str]:
    out: list[str] = []
    start = 0
    open_quotes: list[str] = []  # the closing quote each open quote waits for
    i, n = 0, len(para)
    while i < n:
        ch = para[i]
        if ch in _OPEN_QUOTES:
            open_quotes.append(_OPEN_QUOTES[ch])
        elif open_quotes and ch == open_quotes[-1]:
            open_quotes.pop()
        elif ch in SENTENCE_END and not (ch in "!?;" and _is_latin_context(para, i)):
            j = i + 1
            while j < n and para[j] in SENTENCE_END:  # ！？ …… ?!
                j += 1
            k, still_open = j, list(open_quotes)
            while k < n and para[k] in CLOSERS:  # 。” and 。）stay with their sentence
                if still_open and para[k] == still_open[-1]:
                    still_open.pop()
                k += 1
            if not still_open:
                _emit(out, para[start:k])
                start, open_quotes = k, []
            i = k if not still_open else j
            continue
        i += 1
    _emit(out, para[start:])
    return out


# "“…。”陈子辰说。" is one sentence: a short speech attribution after a quote stays with it.
_ATTRIBUTION = re.compile(r"^[^，。！？；“”]{0,14}(?:说|表示|介绍|指出|认为|坦言|透露|强调|称|谈道|告诉记者|感慨|笑着说)[。！]?$")


def _attach_attributions(sentences: list[str]) -> list[str]:
    out: list[str] = []
    for s in sentences:
        if out and out[-1].endswith(("”", "」", "』")) and _ATTRIBUTION.match(s):
            out[-1] += s
        else:
            out.append(s)
    return out


def _is_latin_context(para: str, i: int) -> bool:
    """An ASCII ! ? ; inside Latin text (e.g. "Yahoo!Inc", "a;b") does not end a Chinese sentence."""
    nxt = para[i + 1] if i + 1 < len(para) else ""
    prev = para[i - 1] if i else ""
    return bool(nxt) and nxt.isascii() and nxt.isalnum() and prev.isascii()


def _emit(out: list[str], piece: str) -> None:
    piece = piece.strip()
    if piece:
        out.append(piece)


_UNSHOWABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def visible(text: str) -> str:
    """Control characters (ESC, BEL, …) and the undecodable bytes of a file name shown as
    escapes ("\\x1b", "\\xff"): a name or message never drives the reader's terminal, and
    stays valid UTF-8 in JSON and mail."""
    def escape(match: re.Match) -> str:
        ch = match.group()
        code = ord(ch) - 0xDC00 if 0xDC80 <= ord(ch) <= 0xDCFF else ord(ch)
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _UNSHOWABLE.sub(escape, text)


def strip_punct(text: str) -> str:
    """Characters that count for ROUGE: no punctuation, no spaces."""
    return "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch)[0] not in "PZS")
