from sqlalchemy import select

from matchmaker.audit.models import AuditEvent
from matchmaker.extensions import db

from ..conftest import login
from ..factories import PASSWORD


def test_admin_verifies_municipality_and_officers_are_told(client, make, outbox):
    admin = make.admin()
    officer = make.user()
    municipality = make.municipality(verified=False, members=[officer])
    login(client, admin)
    page = client.get("/admin/organisations").get_data(as_text=True)
    assert municipality.name in page and "Verify" in page
    response = client.post(f"/admin/organisations/{municipality.id}/verify")
    assert response.status_code == 302
    db.session.refresh(municipality)
    assert municipality.verified_at is not None
    assert [m.template for m in outbox(officer.email)] == ["municipality_verified"]
    # a second click is harmless
    client.post(f"/admin/organisations/{municipality.id}/verify")
    assert len(outbox(officer.email)) == 1
    assert db.session.scalar(select(AuditEvent.action).where(AuditEvent.action == "organisation.verified"))


def test_verify_unknown_organisation_is_404(client, make):
    login(client, make.admin())
    assert client.post("/admin/organisations/999/verify").status_code == 404
    assert client.post("/admin/organisations/abc/verify").status_code == 404


def test_admin_deactivates_user_who_is_signed_out_everywhere(app, client, make):
    from matchmaker.database import commit

    user = make.user(email="victim@example.org")
    admin = make.admin()
    commit()
    victim = app.test_client()
    victim.post("/account/login", data={"email": "victim@example.org", "password": PASSWORD})
    assert victim.get("/dashboard").status_code == 200
    login(client, admin)
    assert client.post(f"/admin/users/{user.id}/deactivate").status_code == 302
    assert victim.get("/dashboard").status_code == 302
    db.session.refresh(user)
    assert user.active is False
    assert client.post(f"/admin/users/{user.id}/activate").status_code == 302
    db.session.refresh(user)
    assert user.active is True


def test_admin_cannot_deactivate_self(client, make):
    admin = make.admin()
    login(client, admin)
    response = client.post(f"/admin/users/{admin.id}/deactivate", follow_redirects=True)
    assert b"cannot deactivate your own account" in response.data
    db.session.refresh(admin)
    assert admin.active


def test_admin_user_search(client, make):
    make.user(email="zoekmij@example.org", name="Zoek Mij")
    make.user(email="ander@example.org")
    login(client, make.admin())
    page = client.get("/admin/users?q=zoek").get_data(as_text=True)
    assert "zoekmij@example.org" in page and "ander@example.org" not in page
