"""A mail-ready message: text/plain (the Markdown) and text/html, for `| sendmail -t`.

Built with the standard library's email package; the HTML comes from markdown-it with
raw HTML disabled, so nothing in a page can inject markup into the mail.
"""
from __future__ import annotations

from email.message import EmailMessage
from email.policy import SMTP

from ..model import Digest
from . import markdown


def render(digest: Digest, to: str | None = None, sender: str | None = None, subject: str | None = None) -> str:
    from markdown_it import MarkdownIt

    text = markdown.render(digest)
    html_body = MarkdownIt("commonmark", {"html": False}).render(text)
    dates = sorted({s.date for s in digest.sources if s.date})
    msg = EmailMessage(policy=SMTP)
    msg["Subject"] = subject or (f"{markdown.TITLE} {dates[-1]}" if dates else markdown.TITLE)
    if to:
        msg["To"] = to
    if sender:
        msg["From"] = sender
    msg.set_content(text, subtype="plain", charset="utf-8")
    msg.add_alternative(
        "<!doctype html><html><head><meta charset=\"utf-8\"></head><body>" + html_body + "</body></html>",
        subtype="html",
        charset="utf-8",
    )
    return msg.as_bytes().decode("ascii", errors="replace").replace("\r\n", "\n")
