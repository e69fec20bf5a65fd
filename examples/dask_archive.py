"""Digest an archive on a Dask cluster: one task per input file, JSON Lines out -- the same
lines, in the same order, as `digest run FILES -f jsonl` on one machine.

    pip install 'news-digest[dask]'
    python examples/dask_archive.py /data/epaper/**/*.txt -o archive.jsonl                # a local cluster
    python examples/dask_archive.py /data/epaper/**/*.txt -o archive.jsonl --scheduler tcp://head:8786

A user with a cluster changes the scheduler address and nothing else: the library's own
`digest_input` (one input -> its pages' digest, or the one line that says why not) runs on
the workers, so a bad file costs only itself, as in `digest run`. The workers need the
package installed (`pip install news-digest` on each), nothing else.
"""
from __future__ import annotations

import argparse
import sys

from digest.pipeline import Options, digest_input
from digest.render.jsonout import render_lines


def digest_one(path: str, options: Options) -> tuple[str, list[str]]:
    """One input's JSON Lines and its error lines (a file that cannot be read)."""
    part = digest_input(path, options)
    return render_lines(part), [f"{e.source}: {e.message}" for e in part.errors]


def run(paths: list[str], client, options: Options = Options(), partitions: int | None = None) -> tuple[str, list[str]]:
    """The archive's JSON Lines, computed on CLIENT's cluster, in input order, and the error lines."""
    import dask.bag as db

    bag = db.from_sequence(paths, npartitions=partitions or max(1, min(len(paths), 4 * _workers(client))))
    results = bag.map(digest_one, options).compute(scheduler=client.get)
    return "".join(lines for lines, _ in results), [e for _, errors in results for e in errors]


def _workers(client) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


def main() -> int:
    from dask.distributed import Client, LocalCluster

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--scheduler", help="a running cluster's scheduler address (default: a local cluster)")
    args = ap.parse_args()
    with (Client(args.scheduler) if args.scheduler else Client(LocalCluster(processes=True))) as client:
        text, errors = run(args.paths, client)
    with open(args.output, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    for line in errors:
        print(f"digest: {line}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
