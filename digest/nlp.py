"""Lazy, once-only set-up of jieba: quiet, with its cache in a per-user directory.

jieba logs "Building prefix dict" to stderr on first use and writes its cache to the
shared temp dir, where another user's file makes it fail; both are fixed here, once.
"""
from __future__ import annotations

import functools
import logging
import os
import stat
import tempfile
import warnings
from pathlib import Path


def cache_dir() -> Path:
    """A private directory for jieba's dictionary cache: ``$XDG_CACHE_HOME/news-digest`` (or
    ``~/.cache/news-digest``), else ``$TMPDIR/news-digest-UID``; each is used only when it is
    a real directory of ours that no one else can write. Failing both, a fresh private temp
    directory (no cache kept: slower, never wrong, never a failure)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    uid = os.getuid() if hasattr(os, "getuid") else None
    for path in (Path(base) / "news-digest", Path(tempfile.gettempdir()) / f"news-digest-{uid if uid is not None else 'user'}"):
        if _private(path, uid):
            return path
    return Path(tempfile.mkdtemp(prefix="news-digest-"))


def _private(path: Path, uid: int | None) -> bool:
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.lstat(path)
        if not stat.S_ISDIR(info.st_mode) or uid is not None and info.st_uid != uid or info.st_mode & 0o022:
            return False  # a symlink, another user's, or writable by others: not ours to trust
        probe = path / ".writable"
        probe.touch()
        return True
    except OSError:
        return False


@functools.lru_cache(maxsize=None)
def jieba():
    """The initialised jieba module (dictionary loaded once per process)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # jieba imports the deprecated pkg_resources
        import jieba as _jieba
    _jieba.setLogLevel(logging.WARNING)
    _jieba.dt.tmp_dir = str(cache_dir())
    _read_cached_dictionary(_jieba.dt)
    _jieba.initialize()  # a no-op once the cache was read; else jieba builds the dictionary and caches it
    return _jieba


def _read_cached_dictionary(tokenizer) -> None:
    """jieba's own cache of its default dictionary, read at once: jieba reads it with
    ``marshal.load`` on the open file, which takes it in small pieces (0.48 s here); the same
    bytes read whole load in 0.17 s, a third of a one-page run. The file, its name and when
    it is valid are jieba's (``Tokenizer.initialize``: the default dictionary's cache is
    always valid); anything unexpected leaves the loading to jieba."""
    import marshal

    if tokenizer.initialized or tokenizer.dictionary is not None or tokenizer.cache_file:
        return
    path = os.path.join(tokenizer.tmp_dir or tempfile.gettempdir(), "jieba.cache")
    try:
        with open(path, "rb") as f:
            freq, total = marshal.loads(f.read())
    except (OSError, EOFError, ValueError, TypeError):
        return
    if isinstance(freq, dict) and isinstance(total, int) and total > 0:
        with tokenizer.lock:
            tokenizer.FREQ, tokenizer.total, tokenizer.initialized = freq, total, True


def dictionary_words_not_tagged(tags: tuple[str, ...]) -> frozenset[str]:
    """The words of jieba's dictionary whose part of speech is none of ``tags``, kept in the
    per-user cache beside jieba's own (its dictionary file is parsed once, 0.2 s; the cache
    reads in 0.02 s). The cache is named by the dictionary's size and time and the tags, so
    a changed dictionary or tag set makes a new one; a cache that cannot be read or written
    is rebuilt or skipped, never an error."""
    return _dictionary_words(tags, tagged=False)


@functools.lru_cache(maxsize=None)
def dictionary_words_tagged(tags: tuple[str, ...]) -> frozenset[str]:
    """The words of jieba's dictionary whose part of speech is one of ``tags`` (cached as above)."""
    return _dictionary_words(tags, tagged=True)


def _dictionary_words(tags: tuple[str, ...], tagged: bool) -> frozenset[str]:
    import hashlib
    import marshal

    source = jieba().dt.get_dict_file()
    try:
        info = os.fstat(source.fileno())
        key = f"{getattr(source, 'name', '')}|{info.st_size}|{info.st_mtime_ns}|{','.join(tags)}|{tagged}"
    except (OSError, AttributeError, ValueError):
        key = None
    path = cache_dir() / f"word-kinds-{hashlib.sha1(str(key).encode()).hexdigest()[:12]}.marshal"
    if key is not None:
        try:
            with open(path, "rb") as f:
                stored_key, words = marshal.loads(f.read())  # read whole: marshal.load on a file reads in small pieces
            if stored_key == key and isinstance(words, str):
                source.close()
                return frozenset(words.split("\n"))
        except (OSError, EOFError, ValueError, TypeError):
            pass
    allowed = frozenset(tags)
    with source:
        words = "\n".join(parts[0] for parts in (raw.decode("utf-8").split() for raw in source)
                          if len(parts) >= 3 and (parts[2] in allowed) == tagged)
    if key is not None:
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        try:
            with open(tmp, "wb") as f:
                marshal.dump((key, words), f)
            os.replace(tmp, path)
        except OSError:
            tmp.unlink(missing_ok=True)
    return frozenset(words.split("\n"))


def cut(text: str) -> list[str]:
    return jieba().lcut(text)


def splits_word(left: str, right: str, context: int = 2) -> bool:
    """Does a word run across the break between ``left`` and ``right``? ("生态里不" | "可或缺")

    A head ends at a word boundary; a line broken at a column edge often does not. With
    more ``context`` each side the segmenter sees whole words ("开门红" | "安信证", not "红安").
    """
    return _splits(left[-context:], right[:context])


@functools.lru_cache(maxsize=65536)
def _splits(a: str, b: str) -> bool:
    if not a or not b:
        return False
    pos = 0
    for token in jieba().lcut(a + b, HMM=False):
        end = pos + len(token)
        if pos < len(a) < end and len(token) >= 2:
            return True
        pos = end
    return False


RUNS_ON = 4.0  # cohesion at which a word runs across a break (``order``: its margin over any other reading too)


def cohesion(left: str, right: str, context: int = 4) -> float:
    """How much likelier the dictionary reads the two sides as one run of words than apart
    (the gain in log probability of jieba's best cut): high where a word runs across the
    break ("松松垮" | "垮，党员": 21.8), 0 where the break falls between words."""
    a, b = left[-context:], right[:context]
    if not a or not b or not _word_across(a, b):
        return 0.0  # no word across the break: the best cut of both is the best cuts of each
    return _best_cut(a + b) - _best_cut(a) - _best_cut(b)


def _word_across(a: str, b: str) -> bool:
    """Does a word of the dictionary start in A and end in B? (A few lookups: jieba's
    dictionary holds every word's prefixes, with frequency 0.)"""
    tokenizer = jieba().dt
    tokenizer.check_initialized()
    freq = tokenizer.FREQ
    for j in range(len(a)):
        start = a[j:]
        if start not in freq:
            continue
        for i in range(1, len(b) + 1):
            count = freq.get(start + b[:i])
            if count is None:
                break
            if count > 0:
                return True
    return False


@functools.lru_cache(maxsize=65536)
def _best_cut(text: str) -> float:
    tokenizer = jieba().dt
    tokenizer.check_initialized()
    route: dict = {}
    tokenizer.calc(text, tokenizer.get_DAG(text), route)
    return route[0][0]


def is_word(text: str) -> bool:
    """Is the text a word of the dictionary ("高质量", "变化"), not a name made up of
    characters ("樊丽明")?"""
    return jieba().dt.FREQ.get(text, 0) > 0


def is_common_word(text: str) -> bool:
    """A word of the dictionary that is no one's name: "华光" ends a head, but "李忠杰", which
    jieba's dictionary holds as a person's name (tagged nr), signs an article."""
    return is_word(text) and text not in dictionary_words_tagged(("nr",))


def starts_with_word(text: str) -> bool:
    """Does the text open with a word of two or more characters ("着力解决"), rather than
    a particle standing alone ("的核心战略")?"""
    tokens = jieba().lcut(text[:6], HMM=False)
    return bool(tokens) and len(tokens[0]) >= 2
