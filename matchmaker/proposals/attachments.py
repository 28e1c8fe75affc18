"""Proposal attachments: one PDF of at most 10 MB and 50 pages, checked by its content, stored outside
the web root under a generated name and only ever served as a download to those allowed to read it.
Blind panels get an anonymous copy (see `pdf_safety.anonymised_copy`), made once and kept beside it."""

from __future__ import annotations

import os
import re
import secrets
import tempfile
from pathlib import Path

from flask import current_app
from flask_babel import gettext as _

from ..errors import ValidationFailed
from ..parsing import clean_text
from .pdf_safety import MAX_PAGES, UnsafePdf, anonymised_copy

__all__ = ["MAX_BYTES", "MAX_PAGES", "anonymised_copy", "blind_path_for", "clean_filename", "path_for",
           "read_pdf", "store"]

MAX_BYTES = 10 * 1024 * 1024
KEY_PATTERN = re.compile(r"^[0-9a-f]{32}\.pdf$")
# Bump when anonymised_copy removes more: older blind copies are then made again.
BLIND_VERSION = 1


def folder() -> Path:
    path = Path(current_app.config["UPLOAD_FOLDER"])
    path.mkdir(parents=True, exist_ok=True)
    return path


def _refusal(reason: str) -> str:
    if reason == "truncated":
        return _("This PDF cannot be read: it is incomplete or damaged (its end is missing). Export it again "
                 "and choose it again.")
    if reason == "encrypted":
        return _("This PDF is protected with a password or encryption, so the panel could not open it. "
                 "Save or export it without protection and choose it again.")
    if reason == "too_many_pages":
        return _("This PDF has more than %(n)d pages. A light proposal needs far fewer: keep the attachment "
                 "to at most %(n)d pages and choose it again.", n=MAX_PAGES)
    if reason == "no_pages":
        return _("This PDF has no pages.")
    return _("This PDF is built in an unusual way (for example with thousands of pages, or pages nested too "
             "deeply) and cannot be checked safely. Export it again as an ordinary PDF of at most %(n)d "
             "pages and choose it again.", n=MAX_PAGES)


def read_pdf(upload) -> bytes:
    """The bytes of an uploaded PDF, or a ValidationFailed on the attachment field saying what is wrong.

    Whatever the file does to pypdf (damaged, encrypted, too many pages, a page tree too deep, a limit
    of pypdf reached, runaway recursion), the result is a ValidationFailed, never another exception.
    The check includes making the anonymous copy, so a file accepted here can always be shown to a
    blind panel."""
    data = upload.stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ValidationFailed(_("The PDF is larger than 10 MB. Make it smaller (for example by exporting "
                                 "images at a lower resolution) and choose it again."), field="attachment")
    if not data:
        raise ValidationFailed(_("The file is empty."), field="attachment")
    if not data.lstrip()[:5] == b"%PDF-":
        raise ValidationFailed(_("This file is not a PDF. Export your document as PDF and choose it again."),
                               field="attachment")
    try:
        anonymised_copy(data)
    except UnsafePdf as refused:
        raise ValidationFailed(_refusal(refused.reason), field="attachment") from refused
    except Exception as exc:  # pypdf raises many kinds of errors on hostile input
        current_app.logger.info("attachment refused, pypdf could not read it: %s: %s", type(exc).__name__,
                                str(exc)[:200])
        raise ValidationFailed(_("This PDF cannot be read; it may be damaged. Export it again and choose it "
                                 "again."), field="attachment") from exc
    return data


def store(data: bytes) -> str:
    key = f"{secrets.token_hex(16)}.pdf"
    (folder() / key).write_bytes(data)
    return key


def path_for(key: str) -> Path | None:
    if not key or not KEY_PATTERN.match(key):
        return None
    path = folder() / key
    return path if path.is_file() else None


def blind_path_for(key: str) -> Path | None:
    """The anonymous copy of an attachment, made on first use and kept next to it as
    `<key>.blind-v<N>.pdf` (attachments never change: a new upload gets a new key). None when there is
    no such attachment. Raises UnsafePdf or pypdf's errors when the copy cannot be made."""
    original = path_for(key)
    if original is None:
        return None
    blind = original.with_name(f"{original.stem}.blind-v{BLIND_VERSION}.pdf")
    if not blind.is_file():
        content = anonymised_copy(original.read_bytes())
        # written under a temporary name and renamed, so two workers never serve half a file
        handle, temporary = tempfile.mkstemp(dir=original.parent, suffix=".part")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(content)
            os.replace(temporary, blind)
        except OSError:
            Path(temporary).unlink(missing_ok=True)
            raise
    return blind


def clean_filename(name: str) -> str:
    """A safe display name: the base name only, without control, bidi or invisible characters (so
    "invoice" + U+202E + "fdp.exe" cannot show as "invoiceexe.pdf"), ending in .pdf."""
    name = Path(clean_text(name or "", multiline=False)).name
    name = re.sub(r"[/\\\\]", "", name).strip() or "proposal.pdf"
    if not name.lower().endswith(".pdf"):
        name = f"{name}.pdf"
    return name[-120:]
