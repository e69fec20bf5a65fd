"""A mail-ready message: text/plain (the digest as plain text) and text/html, for `| sendmail -t`.

Built with the standard library's email package; the HTML comes from markdown-it with
raw HTML disabled, so nothing in a page can inject markup into the mail.
"""
from __future__ import annotations

import datetime
import hashlib
import html
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime

from ..model import Digest
from . import markdown, terminal

# one self-contained page: readable on a phone and in dark mode, no remote anything
_PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
:root {{ color-scheme: light dark; }}
body {{ max-width: 42em; margin: 0 auto; padding: 1em; line-height: 1.7;
       font-family: -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }}
h1 {{ font-size: 1.4em; }} h2 {{ font-size: 1.15em; border-bottom: 1px solid #8884; padding-bottom: .2em; }}
h3 {{ font-size: 1.05em; margin-bottom: .2em; }}
</style></head>
<body>
{body}</body></html>
"""


def header_problem(name: str, value: str | None, required: bool) -> str | None:
    """Why a header value given on the command line cannot go into the mail, or None.
    (A line break would start a header of its own: `sendmail -t` would read it.)"""
    if value is None or not value.strip():
        return f"--format email needs {name} (sendmail -t reads the recipients from the message)" if required else None
    if any(ch in value for ch in "\r\n\x00"):
        return f"{name}: a header value cannot hold a line break"
    return None


def render(digest: Digest, to: str | None = None, sender: str | None = None, subject: str | None = None) -> str:
    """The message. Date is the latest page date printed on the pages (midnight, China time),
    else the time of the run; Message-ID is made from the content, so the same pages and
    options give the same bytes."""
    from markdown_it import MarkdownIt

    text = terminal.plain(digest)  # for reading as it is, not Markdown with its escapes
    html_body = MarkdownIt("commonmark", {"html": False}).render(markdown.render(digest))
    dates = sorted({s.date for s in digest.sources if s.date})
    msg = EmailMessage(policy=SMTP)
    msg["Subject"] = subject or (f"{markdown.TITLE} {dates[-1]}" if dates else markdown.TITLE)
    if to:
        msg["To"] = to
    if sender:
        msg["From"] = sender
    china = datetime.timezone(datetime.timedelta(hours=8))
    when = datetime.datetime.fromisoformat(dates[-1]).replace(tzinfo=china) if dates else datetime.datetime.now(china)
    msg["Date"] = format_datetime(when)
    digest_id = hashlib.sha256("\0".join([text, to or "", sender or "", msg["Subject"]]).encode("utf-8")).hexdigest()
    msg["Message-ID"] = f"<{digest_id[:32]}@digest.invalid>"
    msg.set_content(text, subtype="plain", charset="utf-8")
    msg.add_alternative(
        _PAGE.format(title=html.escape(msg["Subject"]), body=html_body),
        subtype="html",
        charset="utf-8",
    )
    msg.set_boundary(f"=_digest_{digest_id[:24]}")  # from the content, not at random
    return msg.as_bytes().decode("ascii", errors="replace").replace("\r\n", "\n")
