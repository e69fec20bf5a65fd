"""The Dask recipe (examples/dask_archive.py) gives the same lines as `digest run -f jsonl`
for the same pages, on a LocalCluster of worker processes. Skipped without the optional
extra (`pip install 'news-digest[dask]'`)."""
from __future__ import annotations

import sys

import pytest

from conftest import ROOT, SAMPLES

distributed = pytest.importorskip("dask.distributed")


def test_the_dask_recipe_matches_digest_run(runner, app):
    sys.path.insert(0, str(ROOT / "examples"))
    import dask_archive

    pages = [str(p) for p in sorted(SAMPLES.glob("*.txt"))] + [str(SAMPLES / "no-such-page.txt")]
    expected = runner.invoke(app, ["run", *pages, "-f", "jsonl", "-q"])
    assert expected.exit_code == 1  # the missing page is an error line; the others are digested
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        lines, errors = dask_archive.run(pages, client)
    assert lines == expected.stdout and lines.count("\n") == 21
    assert len(errors) == 1 and "no-such-page.txt" in errors[0]
