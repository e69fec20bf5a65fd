"""Speed of the PDF path, as ratios measured in one run on the twelve PDFs of ../shared/pages:

- reading: ``digest.pdf.read_pdf`` against ``pdftotext`` of the same page (target <= 2x);
- the whole digest: ``build_digest`` on the PDF against ``build_digest`` on its
  pdftotext dump (target <= 3x).

    python benchmarks/pdfspeed.py [--repeat N]

Each figure is the best of N rounds over all twelve pages. Needs ../shared and pdftotext
(exits 0 with a note without them).
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DIGEST_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT))


def best(rounds: int, work) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    pdfs = sorted((SHARED / "pages").glob("*.pdf"))
    if not pdfs or shutil.which("pdftotext") is None:
        print("skipped: needs ../shared/pages and pdftotext")
        return 0
    from digest.pdf import read_pdf
    from digest.pipeline import Options, build_digest

    data = [p.read_bytes() for p in pdfs]
    dumps = [str(p.with_suffix(".txt")) for p in pdfs]
    options = Options(keywords=5, sentences=3)
    build_digest(dumps[:1], options)  # warm: jieba's dictionary, the tagger
    pdftotext = best(args.repeat, lambda: [subprocess.run(["pdftotext", "-enc", "UTF-8", str(p), "-"],
                                                          capture_output=True, check=True) for p in pdfs])
    reading = best(args.repeat, lambda: [read_pdf(d, "x.pdf") for d in data])
    on_dump = best(args.repeat, lambda: build_digest(dumps, options))
    on_pdf = best(args.repeat, lambda: build_digest(list(map(str, pdfs)), options))
    n = len(pdfs)
    print(f"pages: {n}")
    print(f"pdftotext:            {pdftotext / n * 1000:7.1f} ms/page")
    print(f"digest.pdf reading:   {reading / n * 1000:7.1f} ms/page  ratio {reading / pdftotext:.2f} (target <= 2)")
    print(f"digest run, dump:     {on_dump / n * 1000:7.1f} ms/page")
    print(f"digest run, PDF:      {on_pdf / n * 1000:7.1f} ms/page  ratio {on_pdf / on_dump:.2f} (target <= 3)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
