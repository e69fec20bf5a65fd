"""Layout repair: raw dump -> Lines with cues, and the reflow of wrapped lines into paragraphs.

A PDF extractor gives one line per printed line, in an order that is only roughly
reading order. This stage undoes what the extractor did to single lines: characters
printed with spaces between them, a vertical headline printed one character per line,
a masthead slogan glued to the headline after it, a byline appended to the last body
line. It never drops a character: every piece of every raw line becomes a Line.
"""
from __future__ import annotations

import re

from .line_context import CANNOT_START
from .model import Line
from .nlp import is_word, splits_word
from .patterns import AUTHOR_NOTE, BULLET, CAPTION, COMPOUND_SURNAMES, HAN, JUMP, NAMES_ONLY, ROLE_WORD, SURNAMES
from .text import CJK_CHAR, display_width, is_cjk, is_han, repair_spacing

# "三 省 人 才 落 户" : single CJK characters separated by spaces
_SPACED_RUN = re.compile(rf"(?:{CJK_CHAR}[ \u3000]+){{2,}}{CJK_CHAR}")
# A spaced-out run (slogan, masthead) glued to ordinary text that follows it.
_GLUED_SPACED_PREFIX = re.compile(rf"^\s*((?:{CJK_CHAR}[ \u3000]+){{3,}}{CJK_CHAR})(\S{{4}}.*)$")
# A byline or credit appended to a body line after the sentence end: "…年头。 本报记者 陈路漫"
_BYLINE_HEAD = (
    r"(?:本报记者|本报通讯员|本报特约记者|特约记者|见习记者|记者|通讯员|实习生|撰稿|文/|文／|□|■|（记者|\(记者|（通讯员|（据|\(据|（本报记者"
    r"|[\u4e00-\u9fff]{2,8}(?:报|社|台|网)(?:记者|通讯员))"  # 解放日报记者 李成东
)
_APPENDED_BYLINE = re.compile(rf"^(.*[。！？”」）)])[ \u3000]+({_BYLINE_HEAD}.{{1,40}})$")
# A jump marker at the end of a body line: "…转型， （下转A2版）"
_APPENDED_JUMP = re.compile(r"^(.*\S)[ \u3000]*([（(](?:下转|转|接|上接)[^（）()]{1,12}[）)])\s*$")
# Bare names appended after the last sentence: "…主办。 李凯旋"
# "…下功夫。（记者 毛欣）": a reporter's credit in brackets set right after the last sentence
_GLUED_CREDIT = re.compile(r"^(.*[。！？”])([（(](?:本报|特约|见习)?(?:记者|通讯员|实习生)[^（）()，。；,;]{1,36}[）)])$")
# (a closing quote ends the sentence only after a stop: "…“一国两制” 方针" is a quoted phrase, its
# space the extractor's, and "方针" no name)
_APPENDED_NAMES = re.compile(r"^(.*(?:[。！？]|[。！？][”’]))[ \u3000]+([\u4e00-\u9fff]{1,4}(?:[ \u3000][\u4e00-\u9fff]{1,4}){0,3})$")
_LATIN_OR_DIGIT_PREFIX = re.compile(r"^[0-9A-Za-z]{1,6}$")


def split_lines(text: str) -> list[Line]:
    """Raw dump -> Lines, with glued pieces split apart and vertical headlines joined."""
    lines: list[Line] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        pieces = _pieces(raw)
        for k, piece in enumerate(pieces):
            line = _make_line(number, piece)
            if k == 0 and len(pieces) > 1 and _GLUED_SPACED_PREFIX.match(raw) and piece == _GLUED_SPACED_PREFIX.match(raw).group(1):
                line.hint = "glued"
            elif k + 1 < len(pieces) and JUMP.match(pieces[k + 1].strip()):
                line.hint = "jumps"  # text a jump marker is appended to: never a head
            lines.append(line)
    lines = _join_vertical_runs(lines)
    return _mark_slogan_repeats(_join_split_author_lines(_join_split_notes(_join_head_fragments(lines))))


def _mark_slogan_repeats(lines: list[Line]) -> list[Line]:
    """A slogan glued in front of a headline is furniture; printed again alone on a line (in
    the masthead, "为 有 金 融 活 水 来") it is the same furniture, not a head."""
    slogans = {line.text for line in lines if line.hint == "glued"}
    for line in lines:
        if line.hint is None and line.text in slogans:
            line.hint = "glued"
    return lines


def _join_split_notes(lines: list[Line]) -> list[Line]:
    """An author's note wrapped over lines ("（作者为中央党校习近平新时" / "代…研究中心" /
    "研究员）", perhaps with a blank line between them) is one line: it is furniture that
    closes an article, not text."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if AUTHOR_NOTE.match(line.text) and "）" not in line.text and ")" not in line.text:
            j = i + 1
            while j < len(lines) and j - i <= 4 and not lines[j].text.endswith(("）", ")")) \
                    and (lines[j].text or lines[j - 1].text):  # one blank line: pdfminer.six's box break
                j += 1
            if j < len(lines) and j - i <= 4 and lines[j].text.endswith(("）", ")")):
                run = [l for l in lines[i : j + 1] if l.text]
                out.append(Line(number=line.number, raw="\n".join(l.raw for l in run),
                                text="".join(l.text for l in run), spaced=line.spaced))
                i = j + 1
                continue
        out.append(line)
        i += 1
    return out


_NAME_PIECE = re.compile(rf"^[{HAN}]{{1,4}}[）)]?$")
AUTHOR_PIECES = 8  # role words and name pieces of one author line, at most


def _join_split_author_lines(lines: list[Line]) -> list[Line]:
    """An author line the extractor printed in pieces, a role word or a name a line, perhaps a
    blank line between them ("本报记者" / "赵 敏" / "通讯员" / "孙立平", "（记者" / "李" / "静）"), is
    one line: a role word alone names nobody and heads nothing. The pieces after a role word
    must make names (``_author_pieces``)."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        run = _author_pieces(lines, i) if ROLE_WORD.match(lines[i].text) else []
        if not run:
            out.append(lines[i])
            i += 1
            continue
        words, names = [], ""
        for k in run:
            text = lines[k].text
            if ROLE_WORD.match(text):
                words += [names, text] if names else [text]
                names = ""
            else:
                names += text
        words += [names] if names else []
        out.append(Line(number=lines[i].number, raw="\n".join(lines[k].raw for k in run), text=" ".join(words)))
        i = run[-1] + 1
    return out


def _author_pieces(lines: list[Line], i: int) -> list[int]:
    """Indices of the pieces of the split author line whose role word is at i: up to the
    last role word whose pieces make names (or a surname whose other half the extractor
    printed elsewhere: "通讯员" / "赵" … "敏"), and a role word after them whose name went
    elsewhere; none if the first role word's pieces make no name."""
    run, names, j, whole = [i], "", i + 1, 0
    while len(run) < AUTHOR_PIECES:
        k = j + 1 if j < len(lines) and lines[j].blank else j  # one blank line between pieces at most
        if k >= len(lines) or not (_NAME_PIECE.match(lines[k].text) or ROLE_WORD.match(lines[k].text)):
            break
        if ROLE_WORD.match(lines[k].text):
            if not _names(names):
                break  # a role word with no name after it
            whole, names = len(run), ""
        else:
            names += lines[k].text.rstrip("）)")
        run.append(k)
        j = k + 1
        if lines[k].text.endswith(("）", ")")):
            break
    if _names(names) or not names and whole > 1:
        whole = len(run)  # (a role word last, its name printed elsewhere: still this line's)
    return run[:whole] if whole > 1 else []


def _names(text: str) -> bool:
    return bool(NAMES_ONLY.match(text)) or len(text) == 1 and text in SURNAMES


def _join_head_fragments(lines: list[Line]) -> list[Line]:
    """A head printed in fragments: "新时代：" / "新时代" / "：发展新方位" -> "新时代：发展新方位".

    The extractor repeats a piece of a two-part head and splits it at the colon. The
    repeated piece and the second colon are kept as a "duplicate" line (noise), so no
    character is lost.
    """
    out = list(lines)
    for a, line in enumerate(out):
        if not line.text.endswith(("：", ":")) or len(line.text) > 20:
            continue
        later = [k for k in range(a + 1, min(len(out), a + 5)) if not out[k].blank][:2]
        for c in later:
            tail = out[c].text
            if tail.startswith(("：", ":")) and len(tail) > 1:
                dupes = [k for k in later if k < c and line.text.startswith(out[k].text)]
                line.text = line.text + tail[1:]
                line.raw = line.raw + "\n" + out[c].raw
                out[c] = Line(number=out[c].number, raw=tail[0], text=tail[0], hint="duplicate")
                for k in dupes:
                    out[k].hint = "duplicate"
                break
    return out


def _pieces(raw: str) -> list[str]:
    if CAPTION.match(raw.strip()):
        return [raw]  # "图①：…操作设备。 蔡斌摄": the photographer's credit is the caption's
    m = _GLUED_SPACED_PREFIX.match(raw)
    if m and not _SPACED_RUN.fullmatch(m.group(2).strip()) and " " not in m.group(2).strip()[:4]:
        return [m.group(1), *_pieces(m.group(2))]
    m = _APPENDED_JUMP.match(raw)
    if m and m.group(1).strip():
        return [*_pieces(m.group(1)), m.group(2)]
    m = _APPENDED_BYLINE.match(raw) or _GLUED_CREDIT.match(raw.rstrip())
    if m is not None and any(ch in m.group(2) for ch in "，。；,;"):
        m = None  # "…（阮见） 记者从市交通部门获悉，…" is a dateline and text, not a byline
    if m is not None and display_width(m.group(1)) >= 2 and not _is_spaced_out(raw.strip()):
        return [m.group(1), m.group(2)]  # "家。 通讯员 婷玮 本报记者 陈浩飞": a role word says it
    if m is None:
        m = _APPENDED_NAMES.match(raw)
        if m and not NAMES_ONLY.match(m.group(2)):
            m = None
    if m and (display_width(m.group(1)) >= 2 or _sentence_end_only(m.group(1))) \
            and (not _is_spaced_out(raw.strip())
                 # a justified line of text with the names set close after it: "主 办 。 李凯旋"
                 or _is_spaced_out(m.group(1).strip()) and " " not in m.group(2) and "\u3000" not in m.group(2)
                 # "形。 李 静 周 洁": the last of a sentence, then names set with a space inside
                 or " " not in m.group(1).strip()):
        return [m.group(1), m.group(2)]
    return [raw]


def _sentence_end_only(text: str) -> bool:
    """"。" left alone on the line by the wrap, with the byline appended after it."""
    return bool(text.strip()) and all(ch in "。！？”」）) " for ch in text)


# In a letter-spaced line every space is the spacing's but one between two Latin words or
# numbers: "苹 果 ( AAPL.O ) 将 于" is "苹果(AAPL.O)将于", "3 + N" is "3+N".
_SPACING = re.compile(r"(?<![A-Za-z0-9])[ \t\u00a0\u3000]+|[ \t\u00a0\u3000]+(?![A-Za-z0-9])")


def _make_line(number: int, raw: str) -> Line:
    stripped = raw.strip()
    spaced = bool(_SPACED_RUN.search(stripped)) and _is_spaced_out(stripped)
    return Line(number=number, raw=raw, text=repair_spacing(_SPACING.sub("", stripped) if spaced else stripped),
                spaced=spaced)


def _is_spaced_out(text: str) -> bool:
    """Most CJK characters of the line stand alone between spaces (justified or letter-spaced heads)."""
    tokens = text.split()
    if len(tokens) < 3:
        return False
    singles = sum(1 for t in tokens if len(t) == 1 and is_cjk(t))
    return singles >= 0.6 * len(tokens)


def _one_char(lines: list[Line], k: int) -> bool:
    return 0 <= k < len(lines) and len(lines[k].text) == 1 and is_cjk(lines[k].text)


def _vertical_run(lines: list[Line], i: int) -> int:
    """The end (exclusive) of the run of one-character lines that starts at i: a head or a
    name set vertically, one character a line, either tight or (pdfminer.six sees a gap
    after every character) with one blank line between the characters."""
    j = i + 1
    while _one_char(lines, j):
        j += 1
    if j - i > 1:
        return j
    while j < len(lines) and lines[j].blank and _one_char(lines, j + 1) and not _one_char(lines, j + 2):
        j += 2  # "大" / "" / "就" / "" / "要": the gapped form, each character alone
    return j


def _join_vertical_runs(lines: list[Line]) -> list[Line]:
    """Three or more one-character lines in a row are a headline printed vertically (and
    perhaps its author's name after it); two to four that are a name are that name ("吴" /
    "锦", "肖" / "" / "凌" / "" / "之"), not a head.

    A short number or Latin word just before the run (a year over a vertical head) joins it.
    """
    out: list[Line] = []
    i = 0
    while i < len(lines):
        if not _one_char(lines, i) or lines[i].text in CANNOT_START + "﹄﹂":
            out.append(lines[i])  # "。" alone (pdftotext -raw) ends the sentence above; no head opens with it
            i += 1
            continue
        j = _vertical_run(lines, i)
        at = [k for k in range(i, j) if not lines[k].blank]
        run = [lines[k] for k in at]
        raw = "\n".join(line.raw for line in lines[i:j])
        text = "".join(line.text for line in run)
        if 2 <= len(run) <= 4 and _is_name(text):
            out.append(Line(number=run[0].number, raw=raw, text=text))
        elif len(run) >= 3:
            prefix = ""
            k = len(out) - 1
            while k >= 0 and out[k].blank:
                k -= 1
            if k >= 0 and _LATIN_OR_DIGIT_PREFIX.match(out[k].text) and (len(out) - 1 - k) <= 1:
                prefix = out[k].text
                del out[k:]
            name = _vertical_name(run)
            head = run[: len(run) - name]
            last = at[len(head) - 1] + 1
            out.append(Line(number=head[0].number, raw="\n".join(line.raw for line in lines[i:last]),
                            text=prefix + "".join(line.text for line in head), spaced=True))
            if name:
                out.append(Line(number=run[len(head)].number, raw="\n".join(line.raw for line in lines[last:j]),
                                text="".join(line.text for line in run[len(head):])))
        else:
            out.extend(lines[i:j])
        i = j
    return out


def _vertical_name(run: list[Line]) -> int:
    """How many characters at the end of a vertical run are its author's name (0 if none):
    a narrow column prints its head and then its author one character a line, so the two
    run together ("全面推进创新创业教育" + "樊丽明"). A name is two or three characters after a
    head of four or more, opening with a common surname, that the dictionary has no word
    for ("高质量" ends a head) and that no word runs into ("变化" | "严书翰")."""
    text = "".join(line.text for line in run)
    for size in (4, 3, 2):
        head, tail = text[:-size], text[-size:]
        if len(head) >= 4 and _is_name(tail) and not splits_word(head, tail):
            return size
    return 0


def _is_name(text: str) -> bool:
    """Two or three Han characters opening with a common surname (three or four with a
    compound one) that are no word of the dictionary ("樊丽明", "吴锦", "欧阳辉"; not "高质量",
    "华光")."""
    if not all(is_han(ch) for ch in text) or is_word(text):
        return False
    if text[:2] in COMPOUND_SURNAMES:  # 欧阳辉
        return 3 <= len(text) <= 4
    return 2 <= len(text) <= 3 and text[0] in SURNAMES and not is_word(text[:2])


# ---------------------------------------------------------------------------------------
# Column width and reflow

PARA_END = "。！？!?…”」』）)"
UNWRAPPED_WIDTH = 32  # no newspaper column is this wide: such a line is a whole paragraph


def prints_gaps(lines: list[Line]) -> bool:
    """Does the extractor print blank lines at all? PyMuPDF and pdftotext -raw, which follow
    the PDF's content stream, print about one in 500 lines (at the page's end); pdftotext and
    pdfminer.six one in 20 to one in 10. Where there are none, no gap is no cue."""
    filled = [i for i, line in enumerate(lines) if not line.blank]
    if not filled:
        return False
    inside = lines[filled[0] : filled[-1] + 1]  # blank lines after the page's end say nothing
    return sum(line.blank for line in inside) >= 0.01 * len(inside)


def column_widths(lines: list[Line], window: int = 4) -> list[float]:
    """For each line, the width of the column it sits in: the second widest of its neighbours.

    Columns differ in width on one page, so a global width would call every line of a
    narrow column "short"; a median would be pulled down by the short lines (heads,
    paragraph ends) around a head; the widest alone could be a stray head or wide line.
    """
    widths = [display_width(line.text) for line in lines]
    idx = [i for i, line in enumerate(lines) if not line.blank and widths[i] >= 4]
    result = [0.0] * len(lines)
    if not idx:
        return result
    positions = {i: p for p, i in enumerate(idx)}
    p = 0
    for i in range(len(lines)):
        if i in positions:
            p = positions[i]
        else:
            while p + 1 < len(idx) and idx[p + 1] < i:
                p += 1
        near = sorted((widths[idx[q]] for q in range(max(0, p - window), min(len(idx), p + window + 1))), reverse=True)
        result[i] = near[1] if len(near) >= 4 else near[0]
    return result


def is_full(width: float, column: float) -> bool:
    """A line that reaches the column edge was wrapped by the typesetter, not ended by the writer."""
    return column > 0 and width >= column - 1.5


def printed_indent(raw: str) -> bool:
    """Does the dump print the line indented, as a paragraph's first line is where the PDF's text
    holds its indent (pdftotext keeps a leading "\u3000\u3000"; the real pages' text does not)?"""
    return raw[:1] in (" ", "\u3000") and bool(raw.strip())


def ends_paragraph(text: str, width: float, column: float, next_raw: str | None, gap_after: bool = False,
                   next_indented: bool = False) -> bool:
    """Did the writer end the paragraph on this line? ``text`` is the line, or the paragraph
    up to its end when an aside opened on an earlier line ("…增长。（上海证" / "券报）").

    A sentence end short of the column edge ends the paragraph. At the edge it is
    ambiguous; a blank line after it decides (on the seed pages: 22 paragraph ends
    out of 23 such lines, against 1 out of 8 without the blank line), or a next line
    indented as a paragraph's first line is (see ``indented_first_line``).
    """
    if not text:
        return True
    if next_raw is not None and printed_indent(next_raw):
        return text[-1] in PARA_END or text[-1] in "：:"
    if text[-1] in "：:" and next_raw is not None and next_raw.strip()[:1] in "“「『\"":
        return False  # "…会议强调：" over "“推动高质量发展…”": the words said go on the sentence
    if next_indented and width < column - 3.5 and not BULLET.match(text) and _ends_like_a_head(text):
        # shorter than a first line's indent: a head run into the text ("…，海棠繁花满树")
        return True
    if text[-1] not in PARA_END or not closes_sentence(text):
        return False
    return not is_full(width, column) or width > UNWRAPPED_WIDTH or gap_after or next_indented


def _ends_like_a_head(text: str) -> bool:
    """A head run into the text ends with a word ("海棠繁花满树"), a quoted word ("着力激活科创
    “动力源”") or a speaker's colon, not with a comma or with words quoted after a comma (…指出，
    “推进绿色发展”), which go on the sentence past a line the extractor cut short."""
    if is_han(text[-1]) or text[-1] in "：:":
        return True
    opening = max(text.rfind("“"), text.rfind("「"), text.rfind("『"))
    return text[-1] in "”」』" and opening > 0 and is_han(text[opening - 1])


# digits and Latin letters, quotes and dashes are set at no fixed width: a line that has
# them says little about an indent by its length
_UNSURE_WIDTH = re.compile(r"[0-9A-Za-z“”‘’—…·\s]")


def indented_first_line(lines: list[Line], columns: list[float], j: int | None) -> bool:
    """Is line ``j`` a paragraph's first line by its indent: two or three characters short of
    its column, yet wrapped on (no sentence end) into another line of text? Inside a
    paragraph only its last line is short."""
    k = next((k for k in range(j + 1, len(lines)) if not lines[k].blank), None) if j is not None else None
    if k is None or lines[j].role != "body" or lines[k].role != "body":
        return False
    text, column = lines[j].text, columns[j]
    if not text or text[-1] in PARA_END:
        return False
    # bounds of its width when digits, Latin, quotes and dashes may be set half or full width
    unsure = len(_UNSURE_WIDTH.findall(text.replace(" ", "")))
    narrowest = display_width(_UNSURE_WIDTH.sub("", text)) + 0.5 * unsure
    widest = narrowest + 0.5 * unsure
    below = display_width(lines[k].text)
    return column - 3.5 <= narrowest and widest < column - 1.5 and is_full(below, columns[k]) and widest <= below - 1.5


CLOSING_MARKS = "”」』）)’"
_SENTENCE_END = "。！？!?…；"


def has_sentence(text: str) -> bool:
    """Is there a sentence end anywhere in the text? A head made a paragraph has none."""
    return any(ch in _SENTENCE_END for ch in text)


def closes_sentence(text: str) -> bool:
    """A closing quote or bracket ends a sentence only after a sentence end: "…。”",
    "…机制。（记者 杨 洁）". "“国有”" or "（自治区、直辖市）" at a line's end closes a
    quoted word or an aside, and the sentence goes on."""
    stripped = text.rstrip(CLOSING_MARKS)
    if len(stripped) == len(text):
        return True
    if not stripped or stripped[-1] in _SENTENCE_END:
        return True
    if text[-1] in "）)":  # an aside after the sentence: look before its opening bracket
        opening = max(text.rfind("（"), text.rfind("("))
        if opening >= 0:
            before = text[:opening].rstrip().rstrip(CLOSING_MARKS)  # "…2025年。”（21财经）"
            return not before or before[-1] in _SENTENCE_END
    return False
