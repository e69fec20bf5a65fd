"""`digest summarize`: summary and keywords of clean article text (no page segmentation)."""
from __future__ import annotations

import json
from enum import Enum
from typing import Optional

import typer

from . import app
from .cli_utils import check_method, error, write_output


class SummaryFormat(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


def _documents(source: str, text: str) -> list[dict]:
    """A .jsonl file (or stdin that is JSONL) gives many documents; anything else is one article."""
    lines = [l for l in text.splitlines() if l.strip()]
    looks_jsonl = source.endswith(".jsonl") or (lines and lines[0].lstrip().startswith("{"))
    if not looks_jsonl:
        return [{"id": "stdin" if source == "-" else source, "text": text}]
    docs = []
    for n, line in enumerate(lines, 1):
        try:
            item = json.loads(line)
        except json.JSONDecodeError:
            if n == 1 and not source.endswith(".jsonl"):
                return [{"id": "stdin" if source == "-" else source, "text": text}]
            raise ValueError(f"line {n}: not JSON") from None
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise ValueError(f"line {n}: needs a \"text\" string")
        title = item.get("title")  # the printed head, where the file has one: textrank weighs it
        docs.append({"id": item.get("id", n), "text": item["text"], "title": title if isinstance(title, str) else None})
    return docs


@app.command()
def summarize(
    path: Optional[str] = typer.Argument(None, help="A plain-text article, a .jsonl of {\"id\",\"text\"[,\"title\"]}, or - for stdin."),
    format: SummaryFormat = typer.Option(SummaryFormat.text, "--format", "-f"),
    sentences: int = typer.Option(3, "--sentences", "-n", min=1, max=50),
    max_chars: Optional[int] = typer.Option(None, "--max-chars", min=1, help="Character budget instead of -n."),
    method: str = typer.Option("textrank", "--method", "-m"),
    keywords: int = typer.Option(5, "--keywords", "-k", min=0, max=50),
    list_methods: bool = typer.Option(False, "--list", help="List the summarization methods and exit."),
) -> None:
    """Summarize article text: verbatim sentences in document order, plus keywords."""
    from ..summarize import methods

    if list_methods:
        for name, desc in methods().items():
            typer.echo(f"{name:15} {desc}")
        return
    if path is None:
        raise typer.BadParameter("missing PATH (a file, or - for stdin)", param_hint="'PATH'")
    check_method(method)
    from ..keywords import keywords as extract_keywords
    from ..load import MAX_DOCUMENTS_BYTES, LoadError, read_page
    from ..summarize import summarize_many

    try:
        page = read_page(path, max_bytes=MAX_DOCUMENTS_BYTES)
        docs = _documents(path, page.text)
    except (LoadError, ValueError) as exc:
        error(f"{path}: {exc}")
        raise typer.Exit(1) from None
    summaries = summarize_many([doc["text"] for doc in docs], method, k=sentences, max_chars=max_chars,
                               titles=[doc.get("title") for doc in docs])
    out = []
    for doc, summary in zip(docs, summaries):
        kws = extract_keywords(doc["text"], keywords) if keywords else []
        out.append({"id": doc["id"], "summary": summary, "keywords": kws})
    if format is SummaryFormat.jsonl:
        write_output("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in out), None)
    elif format is SummaryFormat.json:
        body = out[0] if len(out) == 1 and not path.endswith(".jsonl") else out
        write_output(json.dumps(body, ensure_ascii=False, indent=2) + "\n", None)
    else:
        chunks = []
        for o in out:
            block = "\n".join(o["summary"])
            if len(out) > 1:
                block = f"# {o['id']}\n" + block
            if o["keywords"]:
                block += "\n关键词：" + " · ".join(o["keywords"])
            chunks.append(block)
        write_output("\n\n".join(chunks) + "\n", None)
