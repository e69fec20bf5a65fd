"""Speed of every summarizer, measured in one process, as ratios to the anchors.

    python benchmarks/run.py [--quick] [--skip-cli]

1. In-process: each method summarizes the same documents (the shared test set and the
   seeds' long articles) one at a time; docs/s and the ratio to textrank4zh and to
   sumy-textrank. "textrank (batch)" is our textrank ranking them all at once.
2. CLI: marginal docs/s of `digest summarize DOCS.jsonl -k 0` (start-up excluded: the
   difference between runs on N and on M copies of the documents). This is where our
   textrank ranks the whole file as one batch (``rank_many``).
3. Growth: time per article of our textrank as articles grow to 20,000 characters, with
   the local exponent of time against sentence count (1 = linear, 2 = quadratic).
Needs ../shared/eval/summ; exits 0 with a note when it is absent.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DIGEST_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT))

from digest.summarize import get, methods, select, summarize_many  # noqa: E402
from digest.text import split_sentences  # noqa: E402

ANCHORS = ("textrank4zh", "sumy-textrank")
MAX_COPIES = 200  # of a document set in one CLI run (the long articles: ~25 MB)


def load(name: str) -> list[str]:
    path = SHARED / "eval" / "summ" / name
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


def time_once(method: str, texts: list[str]) -> float:
    """Docs/s of split + rank + select over ``texts`` (after a warm-up on the first)."""
    summarizer = get(method)
    summarizer.rank(split_sentences(texts[0]))
    start = time.perf_counter()
    for text in texts:
        sentences = split_sentences(text)
        order = summarizer.rank(sentences, 3) if len(sentences) > 1 else [0]
        select(sentences, order, k=3)
    return len(texts) / (time.perf_counter() - start)


def time_batch(method: str, texts: list[str]) -> float:
    """Docs/s of the batch path (``summarize_many``, which ``digest summarize`` uses)."""
    summarize_many(texts[:2], method, k=3)  # warm-up
    start = time.perf_counter()
    summarize_many(texts, method, k=3)
    return len(texts) / (time.perf_counter() - start)


def in_process(sets: dict[str, list[str]], repeat: int) -> dict:
    """Methods take turns within each repeat and keep their best rate, so that the
    machine's drift (other tenants, frequency scaling) hits every method alike."""
    table = {}
    for set_name, texts in sets.items():
        rates = {m: 0.0 for m in methods()}
        batch_name = "textrank (batch)"  # as digest summarize runs it: all documents at once
        rates[batch_name] = 0.0
        for _ in range(repeat):
            for m in rates:
                rate = time_batch("textrank", texts) if m == batch_name else time_once(m, texts)
                rates[m] = max(rates[m], rate)
        table[set_name] = rates
        print(f"\n{set_name}: {len(texts)} documents (in process: split + rank + select; best of {repeat})")
        print(f"  {'method':15} {'docs/s':>10} {'x textrank4zh':>14} {'x sumy-textrank':>16}")
        for m, r in sorted(rates.items(), key=lambda kv: -kv[1]):
            print(f"  {m:15} {r:10.1f} {r / rates['textrank4zh']:14.1f} {r / rates['sumy-textrank']:16.1f}")
    return table


def cli_marginal(texts: list[str], method: str, low: int = 1, high: int = 4, tries: int = 2) -> float:
    """Marginal docs/s of the real command: (time(high*N) - time(low*N)), best of ``tries``
    each, so that start-up (imports, jieba's dictionary) and its jitter cancel out."""
    exe = [sys.executable, "-m", "digest", "summarize"]
    best = {}
    with tempfile.TemporaryDirectory() as tmp:
        for mult in (low, high):
            path = Path(tmp) / f"docs{mult}.jsonl"
            with open(path, "w", encoding="utf-8") as fh:
                for n in range(mult):
                    for i, text in enumerate(texts):
                        fh.write(json.dumps({"id": f"{n}-{i}", "text": text}, ensure_ascii=False) + "\n")
            runs = []
            for _ in range(tries):
                start = time.perf_counter()
                subprocess.run(exe + [str(path), "-f", "jsonl", "-k", "0", "-m", method, "-n", "3"], check=True,
                               stdout=subprocess.DEVNULL, cwd=ROOT)
                runs.append(time.perf_counter() - start)
            best[mult] = min(runs)
    return (high - low) * len(texts) / max(1e-9, best[high] - best[low])


def _multiplier(method: str, rate: float, n: int, seconds: float = 6.0) -> int:
    """How many copies of the documents make the marginal part take ``seconds``, so that
    start-up jitter (about a second) is small beside it. ``rate`` is the in-process rate
    one document at a time; a method that ranks batches (rank_many) runs ~3x faster."""
    if hasattr(get(method), "rank_many"):
        rate *= 3
    return min(MAX_COPIES, max(2, 1 + math.ceil(seconds * rate / n)))


def growth(long_texts: list[str], methods_to_time: list[str], sizes: list[int]) -> None:
    pool = "\n".join(long_texts)
    while len(pool) < max(sizes):
        pool += "\n" + pool
    print("\nGrowth with article length (median seconds per article):")
    header = f"  {'chars':>7} {'sentences':>9} " + " ".join(f"{m:>14}" for m in methods_to_time) + "   exponent(textrank)"
    print(header)
    prev = None
    for size in sizes:
        text = pool[:size]
        sentences = split_sentences(text)
        row = []
        for m in methods_to_time:
            if m == "textrank4zh" and size > 5000:
                row.append(None)
                continue
            summarizer = get(m)
            runs = []
            for _ in range(3 if size <= 5000 else 2):
                start = time.perf_counter()
                summarizer.rank(sentences)
                runs.append(time.perf_counter() - start)
            row.append(statistics.median(runs))
        t = row[0]
        exponent = ""
        if prev is not None and len(sentences) > prev[0]:
            exponent = f"{math.log(t / prev[1]) / math.log(len(sentences) / prev[0]):.2f}"
        prev = (len(sentences), t)
        cells = " ".join(f"{v:14.4f}" if v is not None else f"{'-':>14}" for v in row)
        print(f"  {size:7d} {len(sentences):9d} {cells}   {exponent}")


def start_up(repeat: int = 20) -> None:
    """`digest --version` and `--help` against `python -c pass` (median wall time, one run):
    the target is 2x at most."""
    digest = str(Path(sys.executable).parent / "digest")

    def median(cmd: list[str]) -> float:
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    anchor = median([sys.executable, "-c", "pass"])
    print(f"start-up (median of {repeat}): python -c pass {anchor * 1000:.1f} ms")
    for args in (["--version"], ["--help"], ["run", "--help"]):
        t = median([digest, *args])
        print(f"  digest {' '.join(args):12} {t * 1000:6.1f} ms   x python -c pass {t / anchor:5.2f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="fewer documents, one repeat")
    ap.add_argument("--skip-cli", action="store_true", help="skip the CLI marginal measurement")
    args = ap.parse_args()
    start_up()
    if not (SHARED / "eval" / "summ" / "test.jsonl").exists():
        print(f"benchmarks: {SHARED}/eval/summ not found; nothing to measure")
        return 0
    test = load("test.jsonl")
    long = load("long.jsonl")
    if args.quick:
        test = test[:100]
    table = in_process({"test.jsonl": test, "long.jsonl": long}, repeat=1 if args.quick else 5)
    if not args.skip_cli:
        print("\nCLI marginal docs/s (`digest summarize DOCS.jsonl -k 0`, start-up excluded):")
        rates = {m: cli_marginal(test, m, high=_multiplier(m, table["test.jsonl"][m], len(test))) for m in ("textrank", *ANCHORS)}
        for m, r in rates.items():
            print(f"  {m:15} {r:10.1f}   x textrank4zh {r / rates['textrank4zh']:6.1f}   x sumy-textrank {r / rates['sumy-textrank']:6.1f}")
        long_rates = {m: cli_marginal(long, m, high=_multiplier(m, table["long.jsonl"][m], len(long)))
                      for m in ("textrank", "textrank4zh")}
        print(f"  long.jsonl: textrank {long_rates['textrank']:.1f} docs/s, textrank4zh {long_rates['textrank4zh']:.1f} docs/s,"
              f" ratio {long_rates['textrank'] / long_rates['textrank4zh']:.1f}")
    growth(long, ["textrank", "textrank4zh"], [500, 1000, 2000, 5000, 10000, 20000])
    return 0


if __name__ == "__main__":
    sys.exit(main())
