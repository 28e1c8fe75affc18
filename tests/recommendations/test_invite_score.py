"""Inviting a startup from "Startups that fit" logs the fit the officer saw on the page."""

from __future__ import annotations

import re

from sqlalchemy import select

from matchmaker.audit.models import AuditEvent
from matchmaker.extensions import db
from matchmaker.recommendations import services
from matchmaker.recommendations.models import ApplyInvitation

from ..conftest import login
from .test_recommendations import market, sync_at_once  # noqa: F401 (fixtures)


def shown_fit(page: str, startup_id: int) -> int:
    block = page.split(f'id="s{startup_id}"')[1]
    return int(re.search(r'<span class="fit-number">(\d+)</span>', block).group(1))


def test_the_invitation_logs_the_score_the_page_showed(client, market):  # noqa: F811 (fixture)
    challenge, fits = market["challenge"], market["fits"]
    login(client, market["officer"])
    page = client.get(f"/challenges/{challenge.id}/fit").get_data(as_text=True)
    seen = shown_fit(page, fits.id)
    assert 0 < seen <= 100
    assert client.post(f"/challenges/{challenge.id}/fit/{fits.id}/invite").status_code == 302
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "challenge.startup_invited"))
    assert event.data == {"startup_id": fits.id, "startup": "Containerwijs", "score": seen}
    assert db.session.scalar(select(ApplyInvitation.score)) == seen
    audit = client.get(f"/challenges/{challenge.id}/audit").get_data(as_text=True)
    assert f"invited Containerwijs to apply (fit {seen} of 100)" in audit


def test_a_startup_without_any_fit_is_logged_without_a_score(client, market):  # noqa: F811 (fixture)
    challenge, unrelated = market["challenge"], market["unrelated"]
    assert services.fit_of_startup(challenge, unrelated) is None
    login(client, market["officer"])
    assert client.post(f"/challenges/{challenge.id}/fit/{unrelated.id}/invite").status_code == 302
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "challenge.startup_invited"))
    assert event.data["score"] is None


def test_shown_score_rounds_as_the_page_does():
    assert [services.shown_score(v) for v in (13.5, 14.5, 14.49, 0.2, 99.99)] == [
        int(f"{v:.0f}") for v in (13.5, 14.5, 14.49, 0.2, 99.99)] == [14, 14, 14, 0, 100]
