"""Blind panels download an anonymous copy of the attachment; officers and open panels the original."""

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from matchmaker.proposals import attachments, pdf_safety

from .. import pdf_samples as samples
from ..conftest import login

SECRETS = (b"regenwinst", b"jan de vries")


def leaks(data: bytes) -> list[bytes]:
    """The secrets found in the file, in its raw bytes or in any decompressed stream."""
    everything = samples.every_byte(data).lower()
    return [secret for secret in SECRETS if secret in everything]


@pytest.fixture
def blind_panel(evaluation, make):
    """A blind panel whose first proposal carries the PDF full of identifying metadata."""
    challenge, seat, proposal = evaluation["challenge"], evaluation["seats"][0], evaluation["proposals"][0]
    challenge.blind_review = True
    version = proposal.versions[0]
    version.attachment_key = attachments.store(samples.identifying_pdf())
    version.attachment_name = "Regenwinst-voorstel.pdf"
    make.declaration(seat=seat, proposal=proposal)
    return evaluation | {"seat": seat, "proposal": proposal, "version": version}


def download(client, seat, proposal):
    return client.get(f"/panel/{seat.id}/proposals/{proposal.id}/attachment")


def test_the_sample_really_names_its_author():
    """Without this, the tests below would pass on a sample that hides nothing."""
    original = samples.identifying_pdf()
    reader = PdfReader(io.BytesIO(original))
    assert reader.metadata["/Author"] == "Jan de Vries, Regenwinst BV"
    assert leaks(original) == list(SECRETS)
    root = reader.trailer["/Root"]
    assert {"/Metadata", "/OpenAction", "/Names"} <= set(root.keys())
    assert {"/EmbeddedFiles", "/JavaScript"} <= set(root["/Names"].keys())
    subtypes = [a.get_object()["/Subtype"] for page in reader.pages for a in page["/Annots"]]
    assert subtypes == ["/FileAttachment", "/Link", "/Link", "/Text"]


def test_blind_panel_downloads_a_copy_without_metadata_scripts_or_files(client, blind_panel):
    seat, proposal = blind_panel["seat"], blind_panel["proposal"]
    login(client, seat.user)
    response = download(client, seat, proposal)
    assert response.status_code == 200 and response.headers["Content-Type"] == "application/pdf"
    assert 'filename=Proposal-A.pdf' in response.headers["Content-Disposition"]
    data = response.data
    assert leaks(data) == []
    assert b"JavaScript" not in data and b"/JS" not in data and b"/EmbeddedFile" not in data

    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 2
    assert reader.metadata is None and "/Info" not in reader.trailer
    root = reader.trailer["/Root"]
    assert set(root.keys()) == {"/Type", "/Pages"}  # no /Metadata, /Names, /OpenAction, /AA, /AcroForm
    for page in reader.pages:
        assert not {"/Metadata", "/AA", "/PieceInfo"} & set(page.keys())
    first, last = reader.pages
    assert "/Annots" not in first  # the file attachment and the link to the startup's site are gone
    link, comment = (a.get_object() for a in last["/Annots"])
    assert link["/Subtype"] == "/Link" and "/Dest" in link  # a jump to page 1 stays
    assert comment["/Subtype"] == "/Text" and comment["/Contents"] == "Goed punt" and "/T" not in comment
    image = last["/Resources"]["/XObject"]["/Im1"].get_object()
    jpeg = image._data
    assert jpeg.startswith(b"\xff\xd8\xff\xe0") and jpeg.endswith(samples.JPEG_SCAN)
    assert samples.JPEG_EXIF not in jpeg and samples.JPEG_COMMENT not in jpeg and b"ICC_PROFILE" in jpeg


def test_the_copy_is_made_once_and_kept_next_to_the_original(client, blind_panel, app):
    seat, proposal, version = blind_panel["seat"], blind_panel["proposal"], blind_panel["version"]
    login(client, seat.user)
    first = download(client, seat, proposal).data
    folder = Path(app.config["UPLOAD_FOLDER"])
    kept = folder / version.attachment_key.replace(".pdf", ".blind-v1.pdf")
    assert kept.read_bytes() == first
    assert attachments.path_for(kept.name) is None  # never served as an original by its own name
    kept.write_bytes(first + b"\n% served from the copy on disk\n")
    assert download(client, seat, proposal).data.endswith(b"% served from the copy on disk\n")
    assert not list(folder.glob("*.part"))


def test_open_panel_and_officer_get_the_original(client, blind_panel, make):
    seat, proposal, challenge = blind_panel["seat"], blind_panel["proposal"], blind_panel["challenge"]
    original = samples.identifying_pdf()
    officer = blind_panel["officer"]
    login(client, officer)
    response = client.get(f"/proposals/{proposal.id}/attachment")
    assert response.status_code == 200 and response.data == original
    officer_seat = make.seat(challenge=challenge, user=officer)
    make.declaration(seat=officer_seat, proposal=proposal)
    response = download(client, officer_seat, proposal)  # an officer on the panel still sees who is who
    assert response.data == original and "Regenwinst-voorstel.pdf" in response.headers["Content-Disposition"]

    challenge.blind_review = False
    login(client, seat.user)
    response = download(client, seat, proposal)
    assert response.data == original and "Regenwinst-voorstel.pdf" in response.headers["Content-Disposition"]


def test_a_file_that_cannot_be_made_anonymous_is_not_served(client, blind_panel):
    """An attachment stored before today's checks, which pypdf cannot rewrite: a message, not the file."""
    seat, proposal, version = blind_panel["seat"], blind_panel["proposal"], blind_panel["version"]
    version.attachment_key = attachments.store(samples.deep_tree_pdf())
    login(client, seat.user)
    response = download(client, seat, proposal)
    assert response.status_code == 302
    assert response.headers["Location"] == f"/panel/{seat.id}/proposals/{proposal.id}"
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "could not be made anonymous" in page


def test_anonymised_copy_keeps_every_page_and_its_content():
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, NameObject

    writer = PdfWriter()
    for number in range(1, 8):
        page = writer.add_blank_page(width=595, height=842)
        content = DecodedStreamObject()
        content.set_data(b"BT /F1 12 Tf 72 720 Td (Pagina %d) Tj ET" % number)
        page[NameObject("/Contents")] = writer._add_object(content)
    buffer = io.BytesIO()
    writer.write(buffer)
    copy = PdfReader(io.BytesIO(pdf_safety.anonymised_copy(buffer.getvalue())))
    assert [page.get_contents().get_data() for page in copy.pages] == [
        b"BT /F1 12 Tf 72 720 Td (Pagina %d) Tj ET" % n for n in range(1, 8)]


@pytest.mark.parametrize(("jpeg", "expected"), [
    (samples.JPEG, None),
    (b"not a jpeg at all", b"not a jpeg at all"),
    (b"\xff\xd8\xff\xe1\x00\xff truncated segment", b"\xff\xd8\xff\xe1\x00\xff truncated segment"),
])
def test_strip_jpeg_metadata(jpeg, expected):
    stripped = pdf_safety.strip_jpeg_metadata(jpeg)
    if expected is not None:
        assert stripped == expected
        return
    assert samples.JPEG_EXIF not in stripped and samples.JPEG_COMMENT not in stripped
    removed = len(samples.JPEG_EXIF) + len(samples.JPEG_COMMENT) + 8  # two segments of marker + length
    assert len(stripped) == len(jpeg) - removed and stripped.endswith(samples.JPEG_SCAN)
