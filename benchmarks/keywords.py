"""Keywords from jieba's dictionary tags against keywords from jieba's POS tagger.

    python benchmarks/keywords.py [--set dev|test] [--show N]

``digest.keywords`` ranks words with jieba.analyse's TextRank but tells nouns and verbs by
jieba's dictionary (an unknown word counts as a noun) instead of by ``jieba.posseg``; this is
the comparison that chose it, against ``jieba.analyse.textrank`` with jieba's tagger (what
``digest`` used before), both with the same stopwords, page weighting and whole expressions:

1. FinNA news (``../shared/eval/summ``, dev to decide, test to report): the share of an
   article's five keywords that its editor's one-line summary also uses (a keyword the
   editor's headline shares says what the story is about), with a paired bootstrap interval.
2. Every article of samples/ and ../shared/pages as ``digest`` segments them: articles sharing
   more than two of five keywords with another of the page, keywords inside another of the
   article's, the two methods' agreement (shared keywords of five), and the keywords only one
   method gives.
3. Time: the keywords of every article in process (warm), and the cold cost of each.
Needs ../shared; exits 0 with a note when it is absent.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DIGEST_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT))

from digest import keywords as kw  # noqa: E402


def tagger_candidates(text: str, k: int = 5) -> list[tuple[str, float]]:
    """What ``digest.keywords.candidates`` was: jieba.analyse.textrank with jieba.posseg's tags."""
    from digest.nlp import jieba

    jieba()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import jieba.analyse as analyse
    analyse.set_stop_words(str(kw.stopwords_path()))
    words = analyse.textrank(text, topK=k * 4, withWeight=True, allowPOS=kw.ALLOW_POS)
    if len(words) < k:
        seen = {w for w, _ in words}
        words += [(w, weight * 0.5) for w, weight in analyse.extract_tags(text, topK=k * 4, withWeight=True)
                  if w not in seen]
    stop = kw.stopwords()
    out: dict[str, float] = {}
    for w, weight in words:
        if w not in stop and len(w) >= 2 and not w.isdigit():
            w = kw._whole(w, text)
            out[w] = max(out.get(w, 0.0), weight)
    return list(out.items())


METHODS = {"dictionary tags (digest)": kw.candidates, "jieba.posseg tags (before)": tagger_candidates}


def page_keywords(candidates, texts: list[str], k: int = 5) -> list[list[str]]:
    ranked = [candidates(t, k) for t in texts]
    df = Counter(w for words in ranked for w in {w for w, _ in words[: k * 2]})
    return [kw.pick(words, k, df - Counter({w for w, _ in words[: k * 2]})) for words in ranked]


def finna(name: str, seed: int = 1) -> None:
    path = SHARED / "eval" / "summ" / f"{name}.jsonl"
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    scores = {}
    for method, candidates in METHODS.items():
        per_doc = []
        for d in docs:
            words = kw.pick(candidates(d["text"], 5), 5)
            per_doc.append(sum(w in d["summary"] for w in words) / max(len(words), 1))
        scores[method] = per_doc
    ours, before = scores.values()
    diffs = [a - b for a, b in zip(ours, before)]
    rng = random.Random(seed)
    boot = sorted(sum(rng.choice(diffs) for _ in diffs) / len(diffs) for _ in range(2000))
    print(f"FinNA {name} ({len(docs)} news): keywords found in the editor's summary")
    for method, per_doc in scores.items():
        print(f"  {method:28} {sum(per_doc) / len(per_doc):.3f}")
    print(f"  difference {sum(diffs) / len(diffs):+.3f}  95% interval [{boot[50]:+.3f}, {boot[1949]:+.3f}]")


def pages(show: int) -> None:
    from digest.pipeline import Options, build_digest

    paths = sorted(str(p) for p in (ROOT / "samples").glob("*.txt"))
    paths += sorted(str(p) for p in (SHARED / "pages").glob("*.txt"))
    digest = build_digest(paths, Options(sentences=1, keywords=0))
    per_method: dict[str, list[list[list[str]]]] = {}
    seconds = {}
    for method, candidates in METHODS.items():
        candidates("预热")  # each method's tables loaded before the clock starts
        start = time.perf_counter()
        per_method[method] = [page_keywords(candidates, ["\n".join([a.title or "", *a.paragraphs])
                                                         for a in s.articles]) for s in digest.sources]
        seconds[method] = time.perf_counter() - start
    n = sum(len(s.articles) for s in digest.sources)
    print(f"\n{len(paths)} real pages, {n} articles (samples/ and ../shared/pages as pdftotext dumps them)")
    for method, page_words in per_method.items():
        shared = nested = 0
        for words in page_words:
            for i, mine in enumerate(words):
                shared += any(len(set(mine) & set(other)) > 2 for j, other in enumerate(words) if j != i)
                nested += any(a != b and a in b for a in mine for b in mine)
        print(f"  {method:28} sharing > 2 of 5 with another article: {shared}; nested: {nested}; "
              f"{seconds[method] * 1000 / n:.1f} ms an article (warm)")
    ours, before = per_method.values()
    pairs = [(a, b) for pa, pb in zip(ours, before) for a, b in zip(pa, pb)]
    agree = sum(len(set(a) & set(b)) for a, b in pairs) / len(pairs)
    only_ours = Counter(w for a, b in pairs for w in set(a) - set(b))
    only_before = Counter(w for a, b in pairs for w in set(b) - set(a))
    print(f"  the two agree on {agree:.2f} of 5 keywords an article")
    if show:
        print(f"  only with dictionary tags: {' '.join(w for w, _ in only_ours.most_common(show))}")
        print(f"  only with the tagger:      {' '.join(w for w, _ in only_before.most_common(show))}")


def cold() -> None:
    import subprocess

    code = ("import time,warnings,logging;warnings.simplefilter('ignore');import jieba;jieba.setLogLevel(logging.WARNING);"
            "jieba.initialize();t=time.perf_counter();{}print(time.perf_counter()-t)")
    ours = "from digest.keywords import keywords;keywords('测试关键词的冷启动时间');"
    before = "import jieba.analyse;jieba.analyse.textrank('测试关键词的冷启动时间');"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for method, stmt in (("dictionary tags (digest)", ours), ("jieba.posseg tags (before)", before)):
        times = sorted(float(subprocess.run([sys.executable, "-c", code.format(stmt)], capture_output=True, text=True,
                                            env=env).stdout or "nan") for _ in range(5))
        print(f"  cold, after jieba.initialize(): {method:28} {times[2]:.3f} s (median of 5)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="dev", choices=("dev", "test"))
    ap.add_argument("--show", type=int, default=0, help="print the N commonest keywords only one method gives")
    args = ap.parse_args()
    if not (SHARED / "eval" / "summ" / f"{args.set}.jsonl").exists():
        print(f"benchmarks: {SHARED}/eval/summ not found; nothing to measure")
        return 0
    finna(args.set)
    pages(args.show)
    cold()
    return 0


if __name__ == "__main__":
    sys.exit(main())
