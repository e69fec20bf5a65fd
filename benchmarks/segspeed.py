"""How segmentation time grows with the size of a page.

    python benchmarks/segspeed.py [--max-copies 8]

A real page dump is 5-50 KB, but a user can hand ``digest`` one huge file (a month of pages
pasted together); the passes that put pieces back together compare pieces with each other,
so their cost must not grow with the square of the page. This lays the five sample pages
end to end 1, 2, 4, … times, segments each as one page in this process (best of two) and
prints seconds and the local growth exponent (1.0 = linear, 2.0 = quadratic).
"""
from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--max-copies", type=int, default=8)
    args = ap.parse_args()
    from digest.model import Page
    from digest.segment import segment

    one = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt")))
    first = sorted((ROOT / "samples").glob("*.txt"))[0].read_text(encoding="utf-8")
    from digest.line_model import shipped
    from digest.nlp import jieba

    start = time.perf_counter()
    jieba()
    loaded = time.perf_counter()
    shipped()
    modelled = time.perf_counter()
    segment(Page(source="first", text=first))
    done = time.perf_counter()
    print(f"cold start: jieba's dictionary {loaded - start:.3f} s, the line tagger's model {modelled - loaded:.3f} s, "
          f"then the first page {done - modelled:.3f} s")
    pages = sorted((ROOT / "samples").glob("*.txt"))
    start = time.perf_counter()
    for path in pages * 3:
        segment(Page(source=path.name, text=path.read_text(encoding="utf-8")))
    print(f"warm: {(time.perf_counter() - start) / (3 * len(pages)):.3f} s a sample page")
    segment(Page(source="warm-up", text=one))  # regex compilation
    print("the five sample pages laid end to end")
    _series(lambda copies: "\n\n".join([one] * copies), args.max_copies)
    # the worst case for passes that read the text after a gap: no head for the whole file
    paragraph = next(p for p in one.split("\n\n") if len(p) > 200 and "。" in p[-3:])
    print("one article of gap-separated paragraphs and no head, as long")
    _series(lambda copies: "\n\n".join([paragraph] * (copies * len(one) // len(paragraph))), args.max_copies)
    # the worst case for the splitter and the joiner: every break a turn of topic, so thousands
    # of drafts (list surgery per cut once made this grow with the square of the page)
    paragraphs = [p for p in one.split("\n\n") if len(p) > 40]
    shuffled = [paragraphs[(k * 7919) % len(paragraphs)] for k in range(len(paragraphs))]
    print("the samples' paragraphs shuffled, with no head, as long")
    _series(lambda copies: "\n\n".join(shuffled * copies), args.max_copies)
    return 0


def _series(make_text, max_copies: int) -> None:
    from digest.model import Page
    from digest.segment import segment

    print(f"{'copies':>6} {'chars':>10} {'seconds':>8} {'exponent':>8}")
    previous = None
    copies = 1
    while copies <= max_copies:
        text = make_text(copies)
        best = math.inf
        for _ in range(2):
            start = time.perf_counter()
            segment(Page(source="big", text=text))
            best = min(best, time.perf_counter() - start)
        exponent = "" if previous is None else f"{math.log(best / previous[1]) / math.log(len(text) / previous[0]):.2f}"
        print(f"{copies:>6} {len(text):>10,} {best:>8.3f} {exponent:>8}")
        previous = (len(text), best)
        copies *= 2


if __name__ == "__main__":
    sys.exit(main())
