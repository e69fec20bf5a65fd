"""What the segmentation benchmarks share: the project's scorer and how figures are printed."""
from __future__ import annotations

import importlib.util
from pathlib import Path


def load_scorer(shared: Path, needs: str):
    """../shared/tools/segscore.py as a module; None (with a note) when it or the
    folder of ../shared the benchmark ``needs`` is absent."""
    path = shared / "tools" / "segscore.py"
    if not path.exists() or not (shared / needs).is_dir():
        print(f"skipped: {shared} has no {needs}/ or tools/segscore.py")
        return None
    spec = importlib.util.spec_from_file_location("segscore", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def print_figures(figures: dict, keys: tuple[str, ...], show_pages: bool) -> None:
    per_page = figures.pop("per_page")
    if show_pages:
        for name, row in per_page.items():
            print(f"{name}: {dict(row)}")
    for key in keys:
        print(f"{key}: {figures[key]}")
