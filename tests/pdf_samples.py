"""PDFs built for the tests: hostile ones written byte by byte, and one full of identifying metadata.

Raw files are assembled by `raw_pdf` with a correct cross-reference table, so pypdf reads them as
real PDFs and reaches the part that is hostile."""

from __future__ import annotations

import io
import zlib

PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"
CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"


def raw_pdf(objects: list[bytes], *, root: int = 1) -> bytes:
    """A PDF whose object n (from 1) has the body objects[n - 1]."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def pages_pdf(count: int) -> bytes:
    """`count` pages, each its own object, in one flat /Kids array."""
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(count))
    return raw_pdf([CATALOG, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count)] + [PAGE] * count)


def deep_tree_pdf(levels: int = 120) -> bytes:
    """One page at the bottom of a chain of `levels` /Pages nodes (pypdf's own limit is 100)."""
    objects = [CATALOG]
    for i in range(levels):
        number = 2 + i
        parent = b"/Parent %d 0 R" % (number - 1) if i else b""
        objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1 %s >>" % (number + 1, parent))
    objects.append(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] >>" % (1 + levels))
    return raw_pdf(objects)


def flat_many_pages_pdf(count: int = 120_000) -> bytes:
    """`count` pages as one /Kids array of references to the same page object (720 kB)."""
    kids = b" ".join([b"3 0 R"] * count)
    return raw_pdf([CATALOG, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count), PAGE])


def tree_many_pages_pdf(count: int = 120_000, fan_out: int = 100) -> bytes:
    """`count` pages in a two-level tree: count / fan_out nodes of fan_out references each (840 kB),
    so no single array is longer than pypdf's limit and only the page count is hostile."""
    nodes = count // fan_out
    root_kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(nodes))
    leaf_kids = b" ".join([b"3 0 R"] * fan_out)
    node = b"<< /Type /Pages /Parent 2 0 R /Kids [%s] /Count %d >>" % (leaf_kids, fan_out)
    return raw_pdf([CATALOG, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (root_kids, count), PAGE]
                   + [node] * nodes)


def distinct_many_pages_pdf(count: int = 100_000, fan_out: int = 100) -> bytes:
    """`count` distinct page objects (8.4 MB for 100,000: under the 10 MB upload limit)."""
    nodes = count // fan_out
    first_page = 3 + nodes
    objects = [CATALOG, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % (3 + i) for i in range(nodes)), count)]
    for i in range(nodes):
        kids = b" ".join(b"%d 0 R" % (first_page + i * fan_out + j) for j in range(fan_out))
        objects.append(b"<< /Type /Pages /Parent 2 0 R /Kids [%s] /Count %d >>" % (kids, fan_out))
    for i in range(nodes):
        objects += [b"<< /Type /Page /Parent %d 0 R >>" % (3 + i)] * fan_out
    return raw_pdf(objects)


def cyclic_tree_pdf() -> bytes:
    """A /Pages node that lists itself among its kids."""
    return raw_pdf([CATALOG, b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>", PAGE])


def nested_arrays_pdf(depth: int = 5_000) -> bytes:
    """A page whose dictionary holds arrays nested `depth` deep: recursion in the parser."""
    return raw_pdf([CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                    b"<< /Type /Page /Parent 2 0 R /Junk " + b"[" * depth + b"]" * depth + b" >>"])


def no_pages_pdf() -> bytes:
    return raw_pdf([CATALOG, b"<< /Type /Pages /Kids [] /Count 0 >>"])


def bomb_pdf(unpacked_mb: int = 200) -> bytes:
    """One page whose content stream inflates to `unpacked_mb` MB of zeros (about 1 kB per MB packed).
    Built from one fully flushed deflate block repeated, so making it costs no compression time."""
    megabyte = b"\0" * (1024 * 1024)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = packer.compress(megabyte) + packer.flush(zlib.Z_FULL_FLUSH)  # independent of what precedes
    final = zlib.compressobj(9, zlib.DEFLATED, -15).flush()
    checksum = 1
    for _ in range(unpacked_mb):
        checksum = zlib.adler32(megabyte, checksum)
    packed = b"\x78\xda" + block * unpacked_mb + final + checksum.to_bytes(4, "big")
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream"
    return raw_pdf([CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>", stream])


def encrypted_pdf() -> bytes:
    """Opens without a password (only an owner password), but is encrypted all the same."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt(user_password="", owner_password="geheim", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def truncated_pdf() -> bytes:
    from .factories import pdf_bytes

    data = pdf_bytes(3)
    return data[: len(data) // 2]


def garbage_pdf(size: int = 200_000) -> bytes:
    """%PDF- followed by bytes that are no PDF at all (deterministic)."""
    data = bytearray(b"%PDF-1.7\n")
    state = 12345
    while len(data) < size:
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        data.append(state >> 16 & 0xFF)
    return bytes(data)


# --- a PDF that names its author everywhere except on the page --------------------------------------

AUTHOR = "Jan de Vries"
COMPANY = "Regenwinst"

# A JPEG's segments around a tiny scan: APP0 (JFIF), APP1 (EXIF) and COM naming the author, APP2
# (an ICC profile header), DQT, SOF0, DHT and the scan. The tests check the segments, not the pixels.
JPEG_EXIF = b"Exif\0\0Artist: Jan de Vries, Regenwinst"
JPEG_COMMENT = b"Made by Regenwinst"


def _segment(marker: int, body: bytes) -> bytes:
    return bytes([0xFF, marker]) + (len(body) + 2).to_bytes(2, "big") + body


JPEG_SCAN = b"\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00\xd2\xcf\x20\xff\xd9"
JPEG = (b"\xff\xd8" + _segment(0xE0, b"JFIF\0\x01\x01\x00\x00\x01\x00\x01\x00\x00")
        + _segment(0xE1, JPEG_EXIF) + _segment(0xFE, JPEG_COMMENT)
        + _segment(0xE2, b"ICC_PROFILE\0\x01\x01" + b"\0" * 16)
        + _segment(0xDB, b"\0" + bytes(range(1, 65)))
        + _segment(0xC0, b"\x08\x00\x01\x00\x01\x01\x01\x11\x00")
        + _segment(0xC4, b"\0" + b"\x01" + b"\0" * 15 + b"\x00") + JPEG_SCAN)


def identifying_pdf(pages: int = 2) -> bytes:
    """A PDF with Author/Creator/Producer/Title, XMP on the catalog and a page (compressed),
    document JavaScript and a JavaScript OpenAction, page JavaScript, an embedded file, a
    FileAttachment annotation, a link to the startup's site, a comment signed by its author, an
    internal link and a JPEG with EXIF. Each piece names the author; the page content does not."""
    from pypdf import PdfWriter
    from pypdf.annotations import Link, Text
    from pypdf.generic import (
        ArrayObject,
        DecodedStreamObject,
        DictionaryObject,
        NameObject,
        NumberObject,
        TextStringObject,
    )

    writer = PdfWriter()

    def name(value: str) -> NameObject:
        return NameObject(value)

    def packed(data: bytes, **entries):
        stream = DecodedStreamObject()
        stream.set_data(data)
        for key, value in entries.items():
            stream[name("/" + key)] = value
        return writer._add_object(stream.flate_encode())

    def javascript(code: str) -> DictionaryObject:
        return DictionaryObject({name("/S"): name("/JavaScript"), name("/JS"): TextStringObject(code)})

    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Author": f"{AUTHOR}, {COMPANY} BV", "/Creator": f"{COMPANY} Writer",
                         "/Producer": f"{COMPANY} PDF", "/Title": f"Voorstel {COMPANY}"})
    xmp = (f'<?xpacket begin=""?><x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>{AUTHOR}</dc:creator>'
           f'<pdf:Producer>{COMPANY}</pdf:Producer></x:xmpmeta><?xpacket end="w"?>').encode()
    root = writer._root_object
    root[name("/Metadata")] = packed(xmp, Type=name("/Metadata"), Subtype=name("/XML"))
    writer.pages[0][name("/Metadata")] = packed(xmp, Type=name("/Metadata"), Subtype=name("/XML"))
    root[name("/OpenAction")] = javascript(f"app.alert('{AUTHOR}')")
    writer.add_attachment(f"team-{COMPANY}.txt", f"{AUTHOR}, {COMPANY}".encode())
    root["/Names"].get_object()[name("/JavaScript")] = DictionaryObject({name("/Names"): ArrayObject([
        TextStringObject("hello"), writer._add_object(javascript(f"app.alert('{COMPANY}')"))])})
    filespec = DictionaryObject({
        name("/Type"): name("/Filespec"), name("/F"): TextStringObject(f"{COMPANY}.txt"),
        name("/EF"): DictionaryObject({name("/F"): packed(f"{AUTHOR} of {COMPANY}".encode(),
                                                          Type=name("/EmbeddedFile"))})})
    writer.add_annotation(0, DictionaryObject({
        name("/Type"): name("/Annot"), name("/Subtype"): name("/FileAttachment"),
        name("/Rect"): ArrayObject([NumberObject(10), NumberObject(10), NumberObject(30), NumberObject(30)]),
        name("/FS"): filespec, name("/Contents"): TextStringObject(f"{COMPANY} team")}))
    writer.add_annotation(0, Link(rect=(50, 50, 200, 80), url=f"https://{COMPANY.lower()}.nl/team"))
    writer.pages[0][name("/AA")] = DictionaryObject({name("/O"): javascript(f"app.alert('{COMPANY}')")})
    last = writer.pages[-1]
    writer.add_annotation(pages - 1, Link(rect=(50, 50, 200, 80), target_page_index=0))
    writer.add_annotation(pages - 1, Text(rect=(50, 550, 200, 650), text="Goed punt"))
    last["/Annots"][-1].get_object()[name("/T")] = TextStringObject(AUTHOR)
    image = DecodedStreamObject()
    image.set_data(JPEG)
    for key, value in {"/Type": name("/XObject"), "/Subtype": name("/Image"), "/Width": NumberObject(1),
                       "/Height": NumberObject(1), "/ColorSpace": name("/DeviceGray"),
                       "/BitsPerComponent": NumberObject(8), "/Filter": name("/DCTDecode")}.items():
        image[name(key)] = value
    last[name("/Resources")] = DictionaryObject({name("/XObject"): DictionaryObject(
        {name("/Im1"): writer._add_object(image)})})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def every_byte(data: bytes) -> bytes:
    """The raw file plus every stream decoded, so that text hidden in compressed streams shows."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    chunks = [data]
    for numbers in reader.xref.values():
        for number in numbers:
            item = reader.get_object(number)
            if hasattr(item, "get_data"):
                chunks.append(item.get_data())
    for number in reader.xref_objStm:
        item = reader.get_object(number)
        if hasattr(item, "get_data"):
            chunks.append(item.get_data())
    return b"".join(chunks)
