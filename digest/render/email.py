"""A mail-ready message: text/plain (the digest as plain text) and text/html, for `| sendmail -t`.

Built with the standard library's email package; the HTML part is ``render.html``'s page
(markdown-it with raw HTML disabled, so nothing in a page can inject markup into the mail).
"""
from __future__ import annotations

import datetime
import hashlib
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime

from ..model import Digest
from . import html as html_out
from . import terminal

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
    text = terminal.plain(digest)  # for reading as it is, not Markdown with its escapes
    day = digest.latest_date()
    msg = EmailMessage(policy=SMTP)
    msg["Subject"] = subject or html_out.title(digest)
    if to:
        msg["To"] = to
    if sender:
        msg["From"] = sender
    china = datetime.timezone(datetime.timedelta(hours=8))
    when = datetime.datetime.fromisoformat(day).replace(tzinfo=china) if day else datetime.datetime.now(china)
    msg["Date"] = format_datetime(when)
    digest_id = hashlib.sha256("\0".join([text, to or "", sender or "", msg["Subject"]]).encode("utf-8")).hexdigest()
    msg["Message-ID"] = f"<{digest_id[:32]}@digest.invalid>"
    msg.set_content(text, subtype="plain", charset="utf-8")
    msg.add_alternative(html_out.render(digest, msg["Subject"]), subtype="html", charset="utf-8")
    msg.set_boundary(f"=_digest_{digest_id[:24]}")  # from the content, not at random
    return msg.as_bytes().decode("ascii", errors="replace").replace("\r\n", "\n")
