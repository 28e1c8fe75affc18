"""Every page has its own title (WCAG 2.4.2): two different pages of the demo never share one, e.g. a
proposal's receipts and its edit form, or the queues of two panels."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_different_pages_have_different_titles(demo_crawl):
    """For one reader, pages are the same page when they show the same main text (a challenge by id
    and by slug, a redirect to the sign-in page) or differ only in their query (filters, page numbers)."""
    by_title: dict[str, dict[tuple[str, str], str]] = {}
    for page in demo_crawl:
        if page.status != 200:
            continue
        by_title.setdefault(page.title, {}).setdefault((page.role, page.final.split("?")[0]), page.signature)
    shared = {}
    for title, pages in by_title.items():
        for role in {role for role, _path in pages}:
            mine = {path: signature for (who, path), signature in pages.items() if who == role}
            if len(set(mine.values())) > 1:
                shared[f"{role}: {title}"] = sorted(mine)
    assert shared == {}
    assert len(by_title) >= 40, f"only {len(by_title)} titles: did the crawl run?"
    for title in by_title:
        assert title.endswith(" · Matchmaker") and len(title) > len(" · Matchmaker"), title


def test_a_proposal_and_its_edit_form_have_different_titles(client, make):
    from ..conftest import login

    member = make.startup_member()
    challenge = make.challenge(title="Slimme afvalbakken")
    proposal = make.proposal(challenge=challenge, startup=member.memberships[0].organisation)
    login(client, member)
    show = client.get(f"/proposals/{proposal.id}").get_data(as_text=True)
    edit = client.get(f"/proposals/{proposal.id}/edit").get_data(as_text=True)
    title = lambda html: html.split("<title>")[1].split("</title>")[0]  # noqa: E731
    assert title(show) == "Receipts and status: Slimme afvalbakken · Matchmaker"
    assert title(edit) == "Proposal: Slimme afvalbakken · Matchmaker"
