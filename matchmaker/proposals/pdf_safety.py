"""Reading untrusted PDFs safely, and writing the anonymous copy a blind panel downloads.

No Flask here: plain bytes in, bytes or an `UnsafePdf` out. pypdf does the parsing; this module bounds
the work it may do on a hostile file (page count, page-tree depth, array and dictionary sizes) so that
a file with 120,000 pages or a page tree 1,000 levels deep is refused in milliseconds instead of
being walked, and it never decodes a content stream, so a compressed "bomb" costs nothing.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from pypdf import PdfReader, PdfWriter, apply_configuration
from pypdf.errors import LimitReachedError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject, StreamObject

MAX_PAGES = 50
MAX_TREE_DEPTH = 32  # a balanced page tree of 50 pages is 2 or 3 levels deep
MAX_TREE_ENTRIES = 1_000  # /Kids entries looked at while counting pages (pages, nodes, junk)
MAX_TREE_ARRAY = 5_000  # while counting pages, no /Kids (or page-level) array may be longer than this
MAX_OBJECTS = 200_000  # objects the anonymiser may visit; a 10 MB file holds fewer
EOF_WINDOW = 16 * 1024  # a complete PDF ends with %%EOF (readers look in the last kilobyte; we allow junk)

# Actions that stay in the anonymous copy: jumps inside the document. Everything else (JavaScript,
# URI, Launch, SubmitForm, GoToR, GoToE, ImportData, Rendition, Sound, Movie, ...) is removed.
SAFE_ACTIONS = frozenset({"/GoTo", "/Named"})
# Keys removed from every dictionary in the anonymous copy.
DROPPED_KEYS = (
    "/Metadata",  # XMP (document, page, image or font level)
    "/PieceInfo",  # private data of the authoring application (Illustrator keeps a whole file here)
    "/AA",  # additional actions: JavaScript on open, close, focus, ...
    "/OpenAction", "/JS", "/JavaScript",
    "/EmbeddedFiles", "/EF", "/AF",  # embedded and associated files
    "/OPI",  # links to the original image files on the author's disk
)
# Annotations removed from the pages: they carry files, media or scripts.
DROPPED_ANNOTATIONS = frozenset({"/FileAttachment", "/Sound", "/Movie", "/Screen", "/RichMedia", "/3D"})
# Keys removed from the annotations that stay: /T is the author of a comment (or a form field's
# name), /Parent ties a form widget to its field and its value's name.
DROPPED_ANNOTATION_KEYS = ("/T", "/TU", "/TM", "/Parent")


class UnsafePdf(ValueError):
    """A PDF we refuse, with a `reason`: truncated, encrypted, too_many_pages, too_complex or no_pages."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def open_checked(data: bytes) -> PdfReader:
    """A reader for `data` once the file is known to be small enough to handle, else `UnsafePdf`.

    Any other exception means pypdf could not read the file: the caller treats it as damaged."""
    if b"%%EOF" not in data[-EOF_WINDOW:]:
        raise UnsafePdf("truncated")  # also spares pypdf a slow search through a large damaged file
    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        raise UnsafePdf("encrypted")
    with apply_configuration(array_maximum_element_count=MAX_TREE_ARRAY,
                             dictionary_maximum_element_count=MAX_TREE_ARRAY):
        try:
            pages = count_pages(reader)
        except LimitReachedError as exc:
            raise UnsafePdf("too_complex") from exc
    if pages < 1:
        raise UnsafePdf("no_pages")
    # pypdf's own walk now agrees within the same bounds (it is what the anonymiser uses)
    with apply_configuration(page_tree_maximum_depth=MAX_TREE_DEPTH, page_tree_maximum_entries=MAX_TREE_ENTRIES):
        if len(reader.pages) != pages:
            raise UnsafePdf("too_complex")
    return reader


def count_pages(reader: PdfReader) -> int:
    """Count the pages by walking the page tree, stopping as soon as a limit is passed.

    Unlike `len(reader.pages)` this never walks more than MAX_TREE_ENTRIES entries, so a file that
    claims 120,000 pages costs as much as one with 51. Follows pypdf's rules for what is a page."""
    top = reader.trailer["/Root"].get_object()["/Pages"].get_object()
    if not isinstance(top, DictionaryObject):
        raise UnsafePdf("no_pages")
    pages = entries = 0
    seen: set[int] = {id(top)}
    stack: list[tuple[Iterator, int]] = [(_kids(top), 1)]
    while stack:
        kids, depth = stack[-1]
        kid = next(kids, None)
        if kid is None:
            stack.pop()
            continue
        entries += 1
        if entries > MAX_TREE_ENTRIES:
            raise UnsafePdf("too_complex")
        node = kid.get_object()
        if not isinstance(node, DictionaryObject) or not node:
            continue
        if id(node) in seen:
            raise UnsafePdf("too_complex")  # a cycle
        kind = node.get("/Type", "/Pages" if "/Kids" in node else "/Page")
        if kind == "/Pages":
            if depth >= MAX_TREE_DEPTH:
                raise UnsafePdf("too_complex")
            seen.add(id(node))
            stack.append((_kids(node), depth + 1))
        elif kind == "/Page":  # anything else in /Kids is ignored, as pypdf does
            pages += 1
            if pages > MAX_PAGES:
                raise UnsafePdf("too_many_pages")
    return pages


def _kids(node: DictionaryObject) -> Iterator:
    kids = node.get("/Kids")
    kids = kids.get_object() if kids is not None else None
    return iter(kids) if isinstance(kids, ArrayObject) else iter(())


# --- the anonymous copy -------------------------------------------------------------------------

def anonymised_copy(data: bytes) -> bytes:
    """A copy of the PDF without what could name its author outside the visible page content.

    Removed: the document information dictionary (Author, Creator, Producer, Title, ...), XMP metadata
    (catalog, pages, images), JavaScript and every action other than a jump inside the document,
    embedded and associated files, file-attachment and media annotations, external links (URI
    annotations), the authors of comments, form-field names, application private data, EXIF/XMP/IPTC
    blocks and comments inside JPEG images, outlines and the structure tree. Only the pages are
    copied, so nothing hanging from the document catalog comes along.

    Raises `UnsafePdf` for files we refuse; anything else pypdf raises means the file is damaged."""
    reader = open_checked(data)
    pages = list(reader.pages)
    _scrub_reachable(pages)
    writer = PdfWriter()
    for page in pages:
        writer.add_page(page)
    writer.metadata = None  # no /Info dictionary at all, not even pypdf's /Producer
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _scrub_reachable(pages: list[DictionaryObject]) -> None:
    """Clean, in place, every dictionary reachable from the pages (their resources, annotations, ...)
    before the writer copies them, so what is removed is never copied at all. Each object once."""
    seen: set[int] = set()
    stack: list = list(pages)
    visited = 0
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            item = item.get_object()
        if not isinstance(item, (DictionaryObject, ArrayObject)) or id(item) in seen:
            continue
        seen.add(id(item))
        visited += 1
        if visited > MAX_OBJECTS:
            raise UnsafePdf("too_complex")
        if isinstance(item, ArrayObject):
            stack.extend(item)
            continue
        _scrub_dictionary(item)
        stack.extend(item.values())


def _scrub_dictionary(item: DictionaryObject) -> None:
    for key in DROPPED_KEYS:
        item.pop(key, None)
    for key in ("/A", "/Next", "/PA"):
        if key in item and not _is_safe_action(item[key]):
            del item[key]
    if "/Annots" in item:
        kept = ArrayObject(ref for ref in _as_array(item["/Annots"]) if _keep_annotation(ref))
        if kept:
            item[NameObject("/Annots")] = kept
        else:
            del item["/Annots"]
    if "/Subtype" in item and "/Rect" in item:  # an annotation
        for key in DROPPED_ANNOTATION_KEYS:
            item.pop(key, None)
    if isinstance(item, StreamObject) and item.get("/Subtype") == "/Image" and _filters(item) == ["/DCTDecode"]:
        cleaned = strip_jpeg_metadata(item._data)
        if cleaned != item._data:
            StreamObject.set_data(item, cleaned)  # the raw JPEG bytes; no re-encoding


def _as_array(value) -> list:
    value = value.get_object() if isinstance(value, IndirectObject) else value
    return list(value) if isinstance(value, ArrayObject) else []


def _is_safe_action(value) -> bool:
    action = value.get_object() if isinstance(value, IndirectObject) else value
    if isinstance(action, ArrayObject):  # /Next may be an array of actions
        return all(_is_safe_action(a) for a in action)
    return isinstance(action, DictionaryObject) and action.get("/S") in SAFE_ACTIONS


def _keep_annotation(ref) -> bool:
    annotation = ref.get_object() if isinstance(ref, IndirectObject) else ref
    if not isinstance(annotation, DictionaryObject):
        return False
    subtype = annotation.get("/Subtype")
    if subtype in DROPPED_ANNOTATIONS:
        return False
    if subtype == "/Link":  # keep jumps inside the document; drop web links and scripts
        return "/Dest" in annotation or ("/A" in annotation and _is_safe_action(annotation["/A"]))
    return True


def _filters(stream: StreamObject) -> list[str]:
    value = stream.get("/Filter")
    value = value.get_object() if isinstance(value, IndirectObject) else value
    if isinstance(value, ArrayObject):
        return [str(v) for v in value]
    return [str(value)] if value is not None else []


# JPEG segments that stay: APP0 (JFIF), APP14 (Adobe colour transform) and APP2 when it is an ICC
# profile. APP1 (EXIF, XMP), APP13 (Photoshop/IPTC: byline, copyright) and COM can name the author.
_KEPT_APP = {0xE0, 0xEE}


def strip_jpeg_metadata(data: bytes) -> bytes:
    """The JPEG without its EXIF, XMP, IPTC and comment segments; the image data is unchanged.
    Anything that does not parse as a JPEG is returned as it is."""
    if not data.startswith(b"\xff\xd8"):
        return data
    out = bytearray(b"\xff\xd8")
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            return data
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker == 0xDA or marker == 0xD9:  # start of scan (or end of image): the rest is image data
            out += data[at:]
            return bytes(out)
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:  # markers without a length
            out += data[at:at + 2]
            at += 2
            continue
        length = int.from_bytes(data[at + 2:at + 4], "big")
        if length < 2 or at + 2 + length > len(data):
            return data
        segment = data[at:at + 2 + length]
        is_icc = marker == 0xE2 and segment[4:16] == b"ICC_PROFILE\x00"
        if not (0xE0 <= marker <= 0xEF or marker == 0xFE) or marker in _KEPT_APP or is_icc:
            out += segment
        at += 2 + length
    return data
