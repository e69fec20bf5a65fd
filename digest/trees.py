"""Gradient-boosted trees evaluated with numpy: the models the package ships (the line
tagger, the article joiner) are plain JSON, so it needs no learning library at run time."""
from __future__ import annotations

import base64
import json
from importlib import resources

import numpy as np


def packaged_spec(name: str) -> dict | None:
    """A model file shipped in ``digest/data`` (None when it was removed: the stage that
    uses it then stands aside)."""
    try:
        return json.loads(resources.files("digest").joinpath(f"data/{name}").read_text(encoding="utf-8"))
    except (FileNotFoundError, OSError):
        return None


class Trees:
    """Trees of a LightGBM model, flattened into node arrays: multiclass, or binary with every
    tree scoring the second class (the first scores 0, so the softmax is the sigmoid)."""

    def __init__(self, spec: dict, feature_names: tuple[str, ...], what: str = "model"):
        if spec["features"] != list(feature_names):
            raise ValueError(f"{what} was trained on other features: run `make train`")
        self.classes = tuple(spec["classes"])
        self.depth = int(spec["depth"])
        if spec.get("format") == HEAP_FORMAT:  # as shipped: laid out already
            self.tree_class = from_base64(spec["tree_class"], "<i2")
            self._heap_feature = from_base64(spec["heap_feature"], "<i2")
            self._heap_threshold = from_base64(spec["heap_threshold"], "<f8")
            self._leaf_value = from_base64(spec["leaf_value"], "<f8")
        else:  # as trained (node lists)
            self.tree_class = np.asarray(spec["tree_class"], dtype=np.int64)
            self._heap_feature, self._heap_threshold, self._leaf_value = self._complete(spec)
        self.trees = len(self.tree_class)
        self._class_of_tree = np.zeros((self.trees, len(self.classes)))
        self._class_of_tree[np.arange(self.trees), self.tree_class] = 1.0

    def shipped_form(self, spec: dict) -> dict:
        """The model as the package ships it: each tree laid out complete in heap order, the
        arrays as little-endian bytes in base64 (deterministic, still plain JSON). It loads in
        a few milliseconds, where parsing 50,000 nodes' numbers and laying the trees out cost a
        cold start 50 ms; the probabilities are the same to the last bit."""
        return {"format": HEAP_FORMAT, "depth": self.depth, "classes": list(self.classes),
                "features": list(spec["features"]),
                "tree_class": to_base64(self.tree_class, "<i2"),  # (features and classes: a few hundred at most)
                "heap_feature": to_base64(self._heap_feature, "<i2"),
                "heap_threshold": to_base64(self._heap_threshold, "<f8"),
                "leaf_value": to_base64(self._leaf_value, "<f8")}

    def _complete(self, spec: dict) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Each tree as a complete binary tree of ``depth`` levels in heap order (node k's
        children are 2k+1 and 2k+2), a leaf above the last level standing for all the leaves
        under it (its nodes below send every row left): the walk down is arithmetic, with no
        child pointers to look up. Returns (feature, threshold) of the internal nodes and the
        leaf values, one row per tree."""
        roots = np.asarray(spec["roots"], dtype=np.int64)
        nodes_feature = np.asarray(spec["feature"], dtype=np.int64)
        nodes_threshold = np.asarray(spec["threshold"], dtype=np.float64)
        nodes_value = np.asarray(spec["value"], dtype=np.float64)
        inner, leaves, trees = 2 ** self.depth - 1, 2 ** self.depth, len(roots)
        left, right = np.asarray(spec["left"]), np.asarray(spec["right"])
        is_leaf = nodes_feature < 0
        tree_of, at, level = np.zeros(len(left), np.int64), np.zeros(len(left), np.int64), np.zeros(len(left), np.int64)
        tree_of[roots] = np.arange(trees)
        frontier = roots
        for depth in range(self.depth):  # each level's nodes place their children (all trees at once)
            frontier = frontier[~is_leaf[frontier]]
            for child, offset in ((left[frontier], 1), (right[frontier], 2)):
                tree_of[child], at[child], level[child] = tree_of[frontier], 2 * at[frontier] + offset, depth + 1
            frontier = np.concatenate([left[frontier], right[frontier]])
        feature = np.zeros(trees * inner, dtype=np.int64)
        threshold = np.full(trees * inner, np.inf)
        inside = np.flatnonzero(~is_leaf)
        feature[tree_of[inside] * inner + at[inside]] = nodes_feature[inside]
        threshold[tree_of[inside] * inner + at[inside]] = nodes_threshold[inside]
        ends = np.flatnonzero(is_leaf)  # a leaf covers 2**(depth - level) heap leaves from its leftmost descendant
        span = 2 ** (self.depth - level[ends])
        first = (at[ends] + 1) * span - 1 - inner + tree_of[ends] * leaves
        value = np.zeros(trees * leaves)
        value[np.repeat(first, span) + np.arange(span.sum()) - np.repeat(np.cumsum(span) - span, span)] = \
            np.repeat(nodes_value[ends], span)
        return feature, threshold, value

    def predict(self, rows: np.ndarray, chunk: int = 32) -> np.ndarray:
        """Class probabilities, one row per input row (in chunks: a huge page costs time in
        proportion to its lines, never a rows-by-trees matrix that outgrows the caches)."""
        if len(rows) > chunk:
            return np.concatenate([self.predict(rows[k : k + chunk], chunk) for k in range(0, len(rows), chunk)])
        if len(rows) == 0:
            return np.zeros((0, len(self.classes)))
        # one flat gather a level (np.take on 1-d arrays: faster than 2-d fancy indexing)
        trees, inner = self.trees, 2 ** self.depth - 1
        flat = np.ascontiguousarray(rows, dtype=np.float64).ravel()
        row_start = (np.arange(len(rows)) * rows.shape[1])[:, None]
        tree_start = (np.arange(trees) * inner)[None, :]
        at = np.zeros((len(rows), trees), dtype=np.int64)
        for _ in range(self.depth):
            node = tree_start + at
            values = flat.take(row_start + self._heap_feature.take(node))
            at = 2 * at + 1 + (values > self._heap_threshold.take(node))
        leaf = (np.arange(trees) * (inner + 1))[None, :] + at - inner
        scores = self._leaf_value.take(leaf) @ self._class_of_tree  # each tree's leaf added to its class
        scores -= scores.max(axis=1, keepdims=True)
        probs = np.exp(scores)
        return probs / probs.sum(axis=1, keepdims=True)


HEAP_FORMAT = "heap-base64"


def to_base64(values: np.ndarray, dtype: str) -> str:
    """An array as little-endian bytes of ``dtype`` in base64 (refused if a value would not fit)."""
    if not np.array_equal(np.asarray(values).astype(dtype), values):
        raise ValueError(f"values do not fit {dtype}")
    return base64.b64encode(np.ascontiguousarray(values, dtype=dtype).tobytes()).decode("ascii")


def from_base64(text: str, dtype: str) -> np.ndarray:
    """Bytes ``to_base64`` wrote, as the native arrays ``predict`` gathers from."""
    native = np.int64 if dtype[1] == "i" else np.float64
    return np.frombuffer(base64.b64decode(text), dtype=dtype).astype(native)


def from_lightgbm(dump: dict) -> dict:
    """LightGBM's ``Booster.dump_model()`` -> the flat spec ``Trees`` reads."""
    spec = {"feature": [], "threshold": [], "left": [], "right": [], "value": [], "roots": [], "tree_class": []}
    depth = 0
    for t, tree in enumerate(dump["tree_info"]):
        spec["roots"].append(len(spec["feature"]))
        spec["tree_class"].append(t % dump["num_class"])
        stack = [(tree["tree_structure"], None, None, 0)]
        while stack:
            node, parent, side, level = stack.pop()
            me = len(spec["feature"])
            if parent is not None:
                spec[side][parent] = me
            depth = max(depth, level)
            if "leaf_value" in node or "split_feature" not in node:
                spec["feature"].append(-1)
                spec["threshold"].append(0.0)
                spec["left"].append(me)
                spec["right"].append(me)
                spec["value"].append(node.get("leaf_value", 0.0))
                continue
            if node.get("decision_type", "<=") != "<=":
                raise ValueError("only numeric splits are supported")
            spec["feature"].append(node["split_feature"])
            spec["threshold"].append(node["threshold"])
            spec["left"].append(-1)
            spec["right"].append(-1)
            spec["value"].append(0.0)
            stack.append((node["right_child"], me, "right", level + 1))
            stack.append((node["left_child"], me, "left", level + 1))
    spec["depth"] = depth
    return spec


def average(specs: list[dict]) -> dict:
    """Several models over the same features as one: every tree kept, its leaves weighed 1/k,
    so a row's scores are the mean of the models' scores. A bag of models trained on different
    generated pages varies far less from one training seed to the next than any one of them
    (one seed's joiner moves a real page's articles as much as a new rule does)."""
    nodes = ("feature", "threshold", "left", "right", "value", "roots", "tree_class")
    out = {key: value for key, value in specs[0].items() if key not in nodes}
    out.update({key: [] for key in nodes})
    out["depth"] = max(spec["depth"] for spec in specs)
    for spec in specs:
        if spec["features"] != specs[0]["features"] or spec["classes"] != specs[0]["classes"]:
            raise ValueError("only models over the same features and classes can be averaged")
        offset = len(out["feature"])
        out["feature"] += spec["feature"]
        out["threshold"] += spec["threshold"]
        out["left"] += [node + offset for node in spec["left"]]
        out["right"] += [node + offset for node in spec["right"]]
        out["value"] += [value / len(specs) for value in spec["value"]]
        out["roots"] += [root + offset for root in spec["roots"]]
        out["tree_class"] += spec["tree_class"]
    return out
