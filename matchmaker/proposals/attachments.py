"""Proposal attachments: one PDF of at most 10 MB, checked by its content, stored outside the web
root under a generated name and only ever served as a download to those allowed to read it."""

from __future__ import annotations

import io
import re
import secrets
from pathlib import Path

from flask import current_app
from flask_babel import gettext as _
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from ..errors import ValidationFailed
from ..parsing import clean_text

MAX_BYTES = 10 * 1024 * 1024
KEY_PATTERN = re.compile(r"^[0-9a-f]{32}\.pdf$")


def folder() -> Path:
    path = Path(current_app.config["UPLOAD_FOLDER"])
    path.mkdir(parents=True, exist_ok=True)
    return path


def read_pdf(upload) -> bytes:
    """The bytes of an uploaded PDF, or a ValidationFailed saying what is wrong with it."""
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
        reader = PdfReader(io.BytesIO(data), strict=False)
        pages = len(reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError) as exc:
        raise ValidationFailed(_("This PDF cannot be read; it may be damaged. Export it again and choose it "
                                 "again."), field="attachment") from exc
    if pages < 1:
        raise ValidationFailed(_("This PDF has no pages."), field="attachment")
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


def clean_filename(name: str) -> str:
    """A safe display name: the base name only, without control, bidi or invisible characters (so
    "invoice" + U+202E + "fdp.exe" cannot show as "invoiceexe.pdf"), ending in .pdf."""
    name = Path(clean_text(name or "", multiline=False)).name
    name = re.sub(r"[/\\\\]", "", name).strip() or "proposal.pdf"
    if not name.lower().endswith(".pdf"):
        name = f"{name}.pdf"
    return name[-120:]
