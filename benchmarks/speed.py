"""The speed figures of the issue "fast from the first page to an archive", as ratios to
anchors measured in the same run.

    python benchmarks/speed.py [--pages 100] [--repeat 5]

1. Cold start: `digest run PAGE -o /dev/null` on one real page against
   `python -c "import jieba; jieba.initialize()"` (median wall time; target <= 1.3x), and
   where the difference goes (``python -X importtime`` and the stages' own clocks).
2. Throughput per core: the whole pipeline (segment, summarize, keywords, Markdown) over the
   real pages, warm, in process, against `jieba.lcut` over the same text (target >= 0.5x).
3. Processes: `digest run -j 2` against `-j 1` on N pages (the real pages copied; target >= 1.7x
   on two cores), and whether the output is the same bytes.
The real pages are samples/ and, when present, ../shared/pages.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DIGEST_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT))
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # as the `digest` command does


def real_pages() -> list[Path]:
    return sorted((ROOT / "samples").glob("*.txt")) + sorted((SHARED / "pages").glob("*.txt"))


def wall(cmd: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cold_start(page: Path, repeat: int) -> None:
    """Both commands as installed: the package's bytecode compiled (pip compiles it on install,
    as it did jieba's; a machine with PYTHONDONTWRITEBYTECODE set would otherwise compile the
    package's source at every start, 65 ms here), their caches built, and taking turns, so
    that the machine's drift weighs on both alike."""
    import compileall

    compileall.compile_dir(str(ROOT / "digest"), quiet=1)
    digest = str(Path(sys.executable).parent / "digest")
    anchor_code = "import logging, warnings; warnings.simplefilter('ignore'); import jieba; jieba.setLogLevel(60); jieba.initialize()"
    subprocess.run([sys.executable, "-c", anchor_code], check=True)  # jieba's own cache built
    subprocess.run([digest, "run", str(page), "-o", os.devnull], check=True)  # ours
    anchors, runs = [], []
    for _ in range(repeat):
        anchors.append(wall([sys.executable, "-c", anchor_code], 1))
        runs.append(wall([digest, "run", str(page), "-o", os.devnull], 1))
    anchor, ours = statistics.median(anchors), statistics.median(runs)
    print(f"cold start, median of {repeat}: jieba.initialize() {anchor:.3f} s; digest run {page.name} {ours:.3f} s"
          f" = {ours / anchor:.2f}x (target <= 1.3x)")


def throughput(pages: list[Path]) -> None:
    from digest.model import Page
    from digest.nlp import jieba
    from digest.pipeline import Options, digest_page
    from digest.model import Digest
    from digest.render.markdown import render

    texts = [p.read_text(encoding="utf-8") for p in pages]
    chars = sum(len(t) for t in texts)
    lcut = jieba().lcut
    options = Options()

    def pipeline() -> None:
        sources = [digest_page(Page(source=p.name, text=t), options) for p, t in zip(pages, texts)]
        render(Digest(sources=sources))

    def segmenter() -> None:
        for t in texts:
            lcut(t)

    best = {}
    for name, run in (("pipeline", pipeline), ("jieba.lcut", segmenter)):
        run()  # warm: tables, models, regexes
        times = []
        for _ in range(3):
            start = time.perf_counter()
            run()
            times.append(time.perf_counter() - start)
        best[name] = chars / min(times)
    print(f"throughput, one core, {len(pages)} pages, {chars:,} characters, best of 3: pipeline {best['pipeline']:,.0f} "
          f"chars/s, jieba.lcut {best['jieba.lcut']:,.0f} chars/s = {best['pipeline'] / best['jieba.lcut']:.2f}x (target >= 0.5x)")


def processes(pages: list[Path], n: int) -> None:
    digest = str(Path(sys.executable).parent / "digest")
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(n):
            src = pages[k % len(pages)]
            shutil.copyfile(src, Path(tmp, f"{k:03d}-{src.name}"))
        out1, out2 = Path(tmp, "one.md"), Path(tmp, "two.md")
        t1 = wall([digest, "run", "-f", "markdown", "-j", "1", tmp, "-o", str(out1)], 1)
        t2 = wall([digest, "run", "-f", "markdown", "-j", "2", tmp, "-o", str(out2)], 1)
        same = out1.read_bytes() == out2.read_bytes()
    print(f"processes, {n} pages on {os.cpu_count()} cores: -j 1 {t1:.1f} s, -j 2 {t2:.1f} s = {t1 / t2:.2f}x "
          f"(target >= 1.7x); same bytes: {same}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=100, help="pages for the -j 2 / -j 1 ratio")
    ap.add_argument("--repeat", type=int, default=5, help="runs of each cold start")
    args = ap.parse_args()
    pages = real_pages()
    cold_start(pages[0], args.repeat)
    throughput(pages)
    processes(pages, args.pages)
    return 0


if __name__ == "__main__":
    sys.exit(main())
