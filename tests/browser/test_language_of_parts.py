"""WCAG 3.1.2 in Chromium: challenge text in the other language than the page carries that language,
the interface around it keeps the page's."""

from __future__ import annotations

import pytest

from matchmaker.database import commit

from .test_accessibility import axe_violations

pytestmark = pytest.mark.browser

LANGUAGE_OF = "el => el.closest('[lang]').getAttribute('lang')"  # the language a screen reader uses


@pytest.fixture
def challenges(make):
    municipality = make.municipality(name="Gemeente Zuidhaven")
    english = make.challenge(organisation=municipality, language="en", slug="cooler-streets",
                             title="Cooler streets in stony neighbourhoods",
                             summary="Stone and asphalt keep the heat in.",
                             problem="Streets stay hot at night.\n\nResidents sleep badly.",
                             desired_outcome="Cooler nights for residents.")
    dutch = make.challenge(organisation=municipality, language="nl", slug="koelere-straten",
                           title="Koelere straten in stenige wijken", summary="Steen en asfalt houden de hitte vast.",
                           problem="Straten blijven 's nachts heet.", desired_outcome="Koelere nachten.")
    commit()
    return {"en": english.slug, "nl": dutch.slug}


@pytest.mark.parametrize(("page_locale", "content_locale"), [("nl", "en"), ("en", "nl")])
def test_challenge_text_in_the_other_language_is_marked(live_server, page_factory, challenges,
                                                        page_locale, content_locale):
    page = page_factory(page_locale)
    page.goto(f"{live_server}/challenges/{challenges[content_locale]}")
    assert page.locator("html").get_attribute("lang") == page_locale
    for selector in ("h1", "p.lead", "#problem-h ~ p", "#outcome-h ~ p"):
        nodes = page.locator(f"main {selector}")
        assert nodes.count() >= 1, selector
        for i in range(nodes.count()):
            assert nodes.nth(i).evaluate(LANGUAGE_OF) == content_locale, selector
    for interface in ("#problem-h", "#criteria-h", "#facts-h", ".breadcrumb a"):
        assert page.locator(f"main {interface}").first.evaluate(LANGUAGE_OF) == page_locale, interface
    assert axe_violations(page) == []


@pytest.mark.parametrize("page_locale", ["nl", "en"])
def test_the_list_marks_only_the_challenges_in_the_other_language(live_server, page_factory, challenges,
                                                                   page_locale):
    page = page_factory(page_locale, width=360, height=740)
    page.goto(f"{live_server}/challenges/")
    assert page.locator("html").get_attribute("lang") == page_locale
    for content_locale, slug in challenges.items():
        card = page.locator(".challenge-card", has=page.locator(f"a[href='/challenges/{slug}']"))
        assert card.locator("h2").evaluate(LANGUAGE_OF) == content_locale
        assert card.locator(".summary").evaluate(LANGUAGE_OF) == content_locale
        assert card.locator("ul.meta li").first.evaluate(LANGUAGE_OF) == page_locale
    assert axe_violations(page) == []
