"""Which of the segmenter's rules still pay: each switched off, every set scored again.

    python benchmarks/ablate.py --folds DIR [--sets DIR ...] [--rules NAME ...] [--all]

A rule here is a judgement the assembler makes after the line tagger (a function of
``story_cues``, ``heads``, ``opening_heads``, ``pieces``, ``blocks`` or ``columns`` that
answers yes or no, or a pass of ``assemble``'s ``finish``). Each is forced to answer no, then
yes (a pass: skipped), and the F1@0.8, title_exact and byline_acc of every set are printed
as changes from the code as it is (bylines since stop 51: without them a rule that keeps a
real page's author whole looked idle). A rule that changes nothing anywhere, or only helps
when it is gone, no longer pays: the guide says delete it (its tests with it), once the full
test suite agrees (a page no set holds may need it: stop 51's fold of ``indents_paragraphs``).
The sets:

- the seeds (``../shared/seeds`` and their gold);
- the twelve real pages as four extractors dump them, **each page read by models trained
  without it** (``DIR`` as ``train_lines.py --cv --folds DIR`` leaves it; it trains them when
  they are not there). Read by the shipped models, which learned those pages, a rule that
  carries what an unseen page needs can look idle: ``join_sections_by_topic`` changed
  nothing in-sample, and was worth 0.897 -> 0.920 F1 on pdftotext cross-validated;
- any folder given with ``--sets`` holding ``raw/`` (or ``pdftotext/``…) and ``gold/``, as
  ``synthetic.py --keep``, ``othergen.py --keep`` and ``pdfpages.py --keep`` write them (each
  extractor's dump of a PDF-drawn set scored as a set of its own).

The folds' models are those trained on the code of the day they were written: delete ``DIR``
after a change the models learn from (see ``train_lines.py``). A rule switched off is scored
with models trained while it was on; before a deletion lands, ``make train`` and ``--cv``
say what the retrained models make of it. A rule the assembler asks before the splitter runs
shapes the drafts the splitter and the joiner learn from (``train_lines.drafts_only``): its
verdict says so ("before the splitter"), and only retrained folds can call it idle (stop 55:
``story_cues.indents_paragraphs`` and its kin changed nothing with these models, and
retrained without them the real pages through pdfminer.six lost 0.04-0.06 F1 on two bags of
seeds).

A rule feeding the line tagger's features (``roles``, ``author_lines``, ``layout``) is not
here: switching it off changes what the tagger was trained on, so only ``make train`` and
``train_lines.py --cv`` can say what it is worth. Development only (needs ../shared).
"""
from __future__ import annotations

import argparse
import importlib
import inspect
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from heldout import ARTICLES, REPORT_DAYS, TRAIN_DAYS, gold_page  # noqa: E402
from segbench import load_scorer  # noqa: E402
from train_lines import MODEL_FILES, SHARED, cross_validate, dumps, models_in_use  # noqa: E402

from digest import assemble  # noqa: E402
from digest.pipeline import Options, build_digest  # noqa: E402

RULE_MODULES = ("story_cues", "heads", "opening_heads", "pieces", "blocks", "columns")


def pdfpages_extractors() -> tuple[str, ...]:
    """The dumps ``pdfpages.py --keep`` writes (imported late: it needs no PDF library to name them)."""
    from pdfpages import EXTRACTORS

    return EXTRACTORS
BAG = [(seed, 900) for seed in (11, 12, 13)]  # train_lines.py's defaults: the folds --cv trains


def rules() -> list[tuple[str, object]]:
    """(module.name, function): the yes/no judgements of RULE_MODULES and the passes
    ``assemble`` runs, each once (a function imported elsewhere is the same rule)."""
    found: dict[int, tuple[str, object]] = {}
    for name in RULE_MODULES:
        module = importlib.import_module(f"digest.{name}")
        for attr, fn in vars(module).items():
            if inspect.isfunction(fn) and fn.__module__ == module.__name__ \
                    and inspect.signature(fn).return_annotation in ("bool", bool):
                found.setdefault(id(fn), (f"{name}.{attr}", fn))
    for attr in inspect.getsource(assemble._Assembly.finish).split():
        fn = getattr(assemble, attr.split("(")[0], None)
        if inspect.isfunction(fn) and fn.__module__.split(".")[-1] in RULE_MODULES:
            found.setdefault(id(fn), (f"{fn.__module__.split('.')[-1]}.{fn.__name__}", fn))
    return sorted(found.values(), key=lambda pair: pair[0])


def replace(fn, new) -> list[tuple[object, str]]:
    """Put ``new`` wherever a digest module holds ``fn``; returns what to put back."""
    undo = []
    for name, module in list(sys.modules.items()):
        if name.startswith("digest") and module is not None:
            for attr, value in list(vars(module).items()):
                if value is fn:
                    setattr(module, attr, new)
                    undo.append((module, attr))
    return undo


def variants(fn) -> list[tuple[str, object]]:
    """A yes/no rule answers no, then yes; a pass is skipped."""
    if inspect.signature(fn).return_annotation in ("bool", bool):
        return [("=no", lambda *a, **k: False), ("=yes", lambda *a, **k: True)]
    return [(" skipped", lambda *a, **k: None)]


class Sets:
    """Scores every set with the code as it stands (models loaded once)."""

    def __init__(self, folds: Path, extra: list[Path]):
        self.scorer = load_scorer(SHARED, needs="pages")
        if self.scorer is None:
            sys.exit(1)
        self.extractors = dumps()
        if not all((folds / f"fold-{days[0]}" / name).is_file() for days in (TRAIN_DAYS, REPORT_DAYS) for name in MODEL_FILES):
            cross_validate(BAG, self.extractors, folds=folds)  # trains and keeps the folds' models
        self.folds = [(days, tuple(json.loads((folds / f"fold-{days[0]}" / name).read_text(encoding="utf-8"))
                                   for name in MODEL_FILES)) for days in (REPORT_DAYS, TRAIN_DAYS)]
        self.gold = Path(tempfile.mkdtemp())
        for day in ARTICLES:
            (self.gold / f"rmrb-2018{day}-07.json").write_text(json.dumps(gold_page(day), ensure_ascii=False), encoding="utf-8")
        self.extra = [(name, dump, d / "gold") for d in extra for name, dump in self.dumps_of(d)]
        self.seeds = (SHARED / "seeds", SHARED / "gold")

    @staticmethod
    def dumps_of(d: Path) -> list[tuple[str, Path]]:
        """(name, folder) of each dump a kept set holds: ``raw/`` (``synthetic.py``,
        ``othergen.py``), or one folder per extractor (``pdfpages.py``: each scored as a set of
        its own, "pp-news/pymupdf"); the folder itself when it holds the pages."""
        found = [(f"{d.name}/{sub}", d / sub) for sub in ("raw", *pdfpages_extractors()) if (d / sub).is_dir()]
        return found or [(d.name, d)]

    def _score(self, gold: Path, raw: Path, sources: list) -> tuple[float, float, float]:
        figures = self.scorer.score(gold, {"sources": sources}, raw)
        return figures["article_f1@0.8"], figures["title_exact"], figures["byline_acc"]

    @staticmethod
    def _read(files: list[str]) -> list:
        return build_digest(files, Options(keywords=0, sentences=1)).to_dict()["sources"]

    def score(self) -> dict[str, tuple[float, float, float]]:
        out = {"seeds": self._score(self.seeds[1], self.seeds[0], self._read(sorted(map(str, self.seeds[0].glob("*.txt")))))}
        real: dict[str, list] = {extractor: [] for extractor in self.extractors}
        for days, specs in self.folds:
            with models_in_use(specs):  # the fold's models: they never saw these days
                for extractor, folder in self.extractors.items():
                    real[extractor] += self._read([str(folder / f"rmrb-2018{day}-07.txt") for day in days])
        for extractor, sources in real.items():
            out[f"real {extractor}"] = self._score(self.gold, self.extractors[extractor], sources)
        for name, raw, gold in self.extra:
            out[name] = self._score(gold, raw, self._read(sorted(map(str, raw.glob("*.txt")))))
        return out


def put_back(fn, places: list[tuple[object, str]]) -> None:
    """Undo ``replace``: ``fn`` again wherever it was."""
    for module, attr in places:
        setattr(module, attr, fn)


def before_the_splitter(found: list[tuple[str, object]], read):
    """The rules of ``found`` asked, on any page ``read()`` segments, before the assembler's
    splitter runs on it: those whose answers make the drafts the splitter and joiner learn
    from. ``read``: a function that segments the pages (the sets' scoring). Returns them and
    what ``read()`` returned (the rules only watched, their answers the same)."""
    asked: set[str] = set()
    state = {"split": False}
    # a page (or a piece of one) begins with its lines read: the block builder asks rules too
    splitter, start = assemble.split, importlib.import_module("digest.segment")._segment

    def page_start(*a, **k):
        state["split"] = False
        return start(*a, **k)

    def splitting(*a, **k):
        state["split"] = True
        return splitter(*a, **k)

    def watched(name: str, fn):
        def rule(*a, **k):
            if not state["split"]:
                asked.add(name)
            return fn(*a, **k)
        return rule

    undo = [(fn, replace(fn, watched(name, fn))) for name, fn in found]
    undo += [(splitter, replace(splitter, splitting)), (start, replace(start, page_start))]
    try:
        result = read()
    finally:
        for fn, places in undo:
            put_back(fn, places)
    return asked, result


def judge(deltas: list[tuple[float, ...]]) -> str:
    """A rule's verdict from each set's changes (F1, title, byline) when it is switched off:
    any figure that falls says it pays."""
    if all(abs(x) < 5e-4 for d in deltas for x in d):
        return "changes nothing"
    return "better without" if min(min(d) for d in deltas) > -5e-4 else "pays"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=Path, required=True, help="the cross-validation folds' models (train_lines.py --cv --folds)")
    ap.add_argument("--sets", type=Path, nargs="*", default=[], help="more kept sets (raw/ or pdftotext/, and gold/)")
    ap.add_argument("--rules", nargs="*", help="module.function names (default: every rule)")
    ap.add_argument("--all", action="store_true", help="print every rule, not only those that pay nowhere or only when gone")
    args = ap.parse_args()
    sets = Sets(args.folds, args.sets)
    found = [(name, fn) for name, fn in rules() if not args.rules or name in args.rules]
    early, base = before_the_splitter(found, sets.score)  # scored once, the rules watched
    names = list(base)
    print("base: " + "; ".join(f"{n} {f:.3f}/{t:.3f}/{b:.3f}" for n, (f, t, b) in base.items()))
    print(f"| rule | {' | '.join(names)} | verdict |")
    print("| --- " * (len(names) + 2) + "|")
    for name, fn in found:
        for label, new in variants(fn):
            undo = replace(fn, new)
            try:
                got = sets.score()
            finally:
                put_back(fn, undo)
            deltas = [tuple(g - b for g, b in zip(got[n], base[n])) for n in names]
            verdict = judge(deltas) + (" (before the splitter: retrain to judge)" if name in early else "")
            if args.all or not verdict.startswith("pays"):
                print(f"| {name}{label} | " + " | ".join("/".join(f"{x:+.3f}" for x in d) for d in deltas) + f" | {verdict} |")
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
