"""`digest eval`: ROUGE of summarizers against reference summaries, side by side."""
from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from . import app
from .cli_utils import check_method, console, error, stdout_is_terminal, write_output


class EvalFormat(str, Enum):
    table = "table"
    json = "json"


@app.command("eval")
def eval_command(
    data: Path = typer.Argument(..., help="JSONL with \"text\" and a reference \"summary\" per line."),
    method: str = typer.Option("textrank", "--method", "-m", help="A summarizer, or 'all'."),
    sentences: int = typer.Option(1, "--sentences", "-n", min=1, max=20, help="Summary sentences."),
    max_chars: Optional[int] = typer.Option(None, "--max-chars", min=1, help="Character budget instead of -n."),
    format: EvalFormat = typer.Option(EvalFormat.table, "--format", "-f"),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Only the first N items."),
    against: Optional[str] = typer.Option(
        None, "--against", help="A baseline method: each method's difference from it, with a 95% paired bootstrap interval."),
) -> None:
    """Character ROUGE-1/2/L F1 (x100) and docs/second; the greedy oracle is the ceiling."""
    check_method(method, allow_all=True)
    if against is not None:
        check_method(against, option="--against")
    from ..evaluate import evaluate, load_jsonl, paired_difference
    from ..summarize import methods

    try:
        items = load_jsonl(data)
    except OSError as exc:
        error(f"{data}: {exc.strerror or exc}")
        raise typer.Exit(1) from None
    except ValueError as exc:
        error(f"{data}: {exc}")
        raise typer.Exit(1) from None
    items = items[:limit] if limit else items
    if not any(it.get("summary") for it in items):
        error(f"{data}: no item has a reference \"summary\"")
        raise typer.Exit(1)
    names = list(methods()) if method == "all" else [method]
    results = [evaluate(items, name, k=sentences, max_chars=max_chars) for name in names]
    ceiling = evaluate(items, "oracle", k=sentences)
    rows = [r.to_dict() for r in results]
    top = ceiling.to_dict()
    for row in rows:
        row["oracle_fraction_rouge1"] = round(row["rouge1"] / top["rouge1"], 3) if top["rouge1"] else None
    if against is not None:
        base = next((r for r in results if r.method == against), None) \
            or evaluate(items, against, k=sentences, max_chars=max_chars)
        for row, result in zip(rows, results):
            if result.method != against:
                row["against"] = {"method": against, **paired_difference(result, base)}
    if format is EvalFormat.json:
        write_output(json.dumps({"data": str(data), "k": sentences, "max_chars": max_chars, "results": rows,
                                 "oracle": top}, ensure_ascii=False, indent=2) + "\n", None)
        return
    from rich.table import Table

    table = Table(title=f"{data.name}: {rows[0]['docs'] if rows else 0} docs, k={sentences}" +
                  (f", max {max_chars} chars" if max_chars else ""))
    columns = ["method", "ROUGE-1", "ROUGE-2", "ROUGE-L", "of oracle R1", "docs/s"]
    if against is not None:
        columns += [f"R1 vs {against} (95% CI)", f"RL vs {against} (95% CI)"]
    for col in columns:
        table.add_column(col, justify="left" if col == "method" else "right")
    for row in sorted(rows, key=lambda r: -r["rouge1"]):
        cells = [row["method"], f"{row['rouge1']:.1f}", f"{row['rouge2']:.1f}", f"{row['rougeL']:.1f}",
                 f"{row['oracle_fraction_rouge1']:.0%}" if row["oracle_fraction_rouge1"] is not None else "-",
                 f"{row['docs_per_second']:.0f}" if row["docs_per_second"] else "-"]
        if against is not None:
            cells += [_difference(row, "rouge1"), _difference(row, "rougeL")]
        table.add_row(*cells)
    table.add_row("oracle (ceiling)", f"{top['rouge1']:.1f}", f"{top['rouge2']:.1f}", f"{top['rougeL']:.1f}", "100%", "-",
                  *(["", ""] if against is not None else []))
    out = console()
    if against is not None and not stdout_is_terminal():
        out.width = max(out.width, 132)  # piped: room for the intervals rather than wrapping them
    out.print(table)


def _difference(row: dict, figure: str) -> str:
    if "against" not in row:
        return "-"
    d = row["against"][figure]
    low, high = d["ci95"]
    return f"{d['difference']:+.2f} [{low:+.2f}, {high:+.2f}]"
