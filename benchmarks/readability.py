"""Summary sentences a reader stumbles on, counted by ``digest.summarize.readable.defects``
over every article of samples/ and ../shared/pages (as pdftotext dumps them), ``-n 3``.

    python benchmarks/readability.py [--method NAME] [--show]

``points_back`` counts only where the summary does not also hold the sentence before it.
Keywords too: articles sharing more than two of their five keywords with another article
of the page, and keywords contained in another keyword of the same article.
"""
from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DIGEST_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT))


def audit(paths: list[str], method: str = "textrank", show: bool = False) -> dict:
    from digest.pipeline import Options, build_digest, summary_text
    from digest.summarize.readable import defects, run_on_openings, strip_dateline
    from digest.text import split_sentences

    digest = build_digest(paths, Options(method=method, sentences=3, keywords=5))
    counts: Counter[str] = Counter()
    sentences = bad = articles = shared_keywords = nested = 0
    for source in digest.sources:
        for article in source.articles:
            articles += 1
            order = split_sentences("\n".join(article.paragraphs))
            summarized = split_sentences(summary_text(article))  # the sentences the summarizer chose among
            halves = {summarized[k] for k in run_on_openings(summarized)}
            for s in article.summary:
                sentences += 1
                found = set(defects(s)) | ({"fragment"} if s in halves else set())
                if "points_back" in found:
                    # the article's first sentence points back to nothing ("这个夏天，…" after a
                    # dateline); another is read with the sentence before it, shown without its dateline
                    at = next((k for k, t in enumerate(order) if t.endswith(s) or s.endswith(t)), None)
                    if at == 0 or at is not None and strip_dateline(order[at - 1]) in article.summary:
                        found.discard("points_back")
                if found:
                    bad += 1
                    counts.update(found)
                    if show:
                        print(f"{sorted(found)} {s}")
            words = set(article.keywords)
            if any(len(words & set(other.keywords)) > 2 for other in source.articles if other is not article):
                shared_keywords += 1
            if any(a != b and a in b for a in words for b in words):
                nested += 1
    return {"articles": articles, "sentences": sentences, "defective": bad,
            "rate": round(bad / max(sentences, 1), 4), "by_kind": dict(counts),
            "articles_sharing_3_keywords": shared_keywords, "articles_with_nested_keywords": nested}


def pages() -> list[str]:
    out = sorted(str(p) for p in (ROOT / "samples").glob("*.txt"))
    out += sorted(str(p) for p in (SHARED / "pages").glob("*.txt"))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--method", default="textrank")
    ap.add_argument("--show", action="store_true", help="print each defective sentence")
    args = ap.parse_args()
    for key, value in audit(pages(), args.method, args.show).items():
        print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
