"""Time and peak memory of `digest run` on huge inputs (issue: hostile input never costs
memory): a page of many articles and one single article, at growing sizes.

    python benchmarks/bigpages.py [--sizes 1,5,20,50] [--article 5]

Each run is its own process (`digest run FILE -f json -o /dev/null -j 1`); peak RSS is the
child's own (wait4). Reported: seconds per MB (flat from the smallest size = linear) and
peak RSS against the input's size. Targets: RSS <= 10x the input at 49 MB (a file over 50
MiB is refused: one line, exit 1), time per MB within 1.5x from 1 MB to 49 MB, a 5 MB single article <= 1 GB peak.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024


def sample_paragraphs() -> list[str]:
    """Real text to repeat: the samples' lines (heads, bylines, furniture and all)."""
    return [line for path in sorted((ROOT / "samples").glob("*.txt"))
            for line in path.read_text(encoding="utf-8").splitlines()]


def many_articles(size: int) -> str:
    """The five sample pages over and over: a page of thousands of articles."""
    unit = "\n".join(sample_paragraphs()) + "\n\n"
    return unit * (size // len(unit.encode()) + 1)


def one_article(size: int) -> str:
    """One head and one article's text of SIZE bytes: every paragraph of the samples that is
    a sentence, repeated (the worst case for a summarizer's sentence graph)."""
    text = [p for p in sample_paragraphs() if p.rstrip().endswith("。") and len(p) > 20]
    body = "\n".join(text) + "\n"
    return "一篇很长的文章\n\n" + body * (size // len(body.encode()) + 1)


def measure(text: str) -> tuple[float, int, int]:
    """(seconds, peak RSS bytes, exit status) of digesting TEXT."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as fh:
        fh.write(text)
    try:
        start = time.perf_counter()
        proc = subprocess.Popen([str(Path(sys.executable).parent / "digest"), "run", fh.name, "-f", "json",
                                 "-o", os.devnull, "-j", "1", "-q"], stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        return seconds, usage.ru_maxrss * 1024, os.waitstatus_to_exitcode(status)
    finally:
        os.unlink(fh.name)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1,5,20,49", help="MB of a page of many articles (50 MiB is the input limit)")
    ap.add_argument("--article", type=float, default=5.0, help="MB of one single article (0: skip)")
    args = ap.parse_args()
    print("| input | MB | seconds | s/MB | peak RSS MB | RSS / input | exit |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    first = None
    for mb in [float(s) for s in args.sizes.split(",") if s]:
        text = many_articles(int(mb * MB))
        size = len(text.encode()) / MB
        seconds, rss, code = measure(text)
        first = first or seconds / size
        print(f"| many articles | {size:.1f} | {seconds:.1f} | {seconds / size:.2f} ({seconds / size / first:.2f}x) "
              f"| {rss / MB:.0f} | {rss / MB / size:.1f} | {code} |", flush=True)
    if args.article:
        text = one_article(int(args.article * MB))
        size = len(text.encode()) / MB
        seconds, rss, code = measure(text)
        print(f"| one article | {size:.1f} | {seconds:.1f} | {seconds / size:.2f} | {rss / MB:.0f} | {rss / MB / size:.1f} | {code} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
