"""Every e-mail, rendered in Dutch and in English: tidy subjects, whole sentences, the recipient's locale."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from jinja2 import meta

from matchmaker import PROJECT_ROOT
from matchmaker.challenges.models import DeadlineExtension
from matchmaker.enums import DecisionOutcome
from matchmaker.evaluation.models import Decision
from matchmaker.mail.services import queue_mail
from matchmaker.recommendations.services import Match

TEMPLATES = sorted(p.stem for p in (PROJECT_ROOT / "templates/mail").glob("*.txt") if not p.stem.startswith("_"))
# Words Dutch shares with English ("e" of e-mail); anything else English in a Dutch subject is untranslated.
SHARED_WORDS = {"matchmaker", "deadline", "startup", "pitch", "is", "e", "check", "in", "pilot"}
WORD = re.compile(r"[^\W\d_]+")
CLUMSY = re.compile(r"[?!]\.|(?<!\.)\.\.(?!\.)")  # "…koel?." or "B.V.." (an ellipsis is fine)


@pytest.fixture
def context(make):
    """One sample of everything a mail template may ask for; the values end in "?" or "." on purpose."""
    municipality = make.municipality(name="Gemeente Zuidhaven")
    officer = make.officer(municipality, name="Anna de Vries")
    challenge = make.challenge(organisation=municipality, title="Hoe houden we de wijk koel?",
                               summary="Steen en asfalt houden de hitte vast.",
                               submissions_close_at=datetime(2030, 3, 5, 12, 0, tzinfo=UTC))
    startup = make.startup(name="Groendak B.V.")
    founder = make.startup_member(startup, name="Bram Bos")
    proposal = make.proposal(challenge=challenge, startup=startup)
    question = make.question(challenge=challenge, text="Mogen we sensoren ophangen?", answer="Ja, in overleg.")
    return {
        "user": founder, "challenge": challenge, "organisation": municipality, "startup": startup,
        "proposal": proposal, "version": proposal.versions[0], "question": question,
        "inviter": officer, "submitter": founder, "withdrawer": founder,
        "reason": "Het budget is anders bestemd.", "link": "https://matchmaker.example/link/abc",
        "login_link": "https://matchmaker.example/account/login",
        "reset_link": "https://matchmaker.example/account/reset", "days": 14,
        "extension": DeadlineExtension(old_close_at=datetime(2030, 3, 5, 12, 0, tzinfo=UTC),
                                       new_close_at=datetime(2030, 3, 12, 12, 0, tzinfo=UTC),
                                       reason="Meer tijd voor vragen."),
        "decision": Decision(outcome=DecisionOutcome.SHORTLISTED, motivation="Sterk plan.",
                             pitch_at=datetime(2030, 4, 2, 8, 30, tzinfo=UTC), pitch_note="Neem een demo mee."),
        "feedback": {"averages": [(c, 3.5) for c in challenge.criteria], "texts": ["Goed onderbouwd."]},
        "matches": [(startup, Match(item=challenge, score=87.5, why=[]))],
        "pilot": make.pilot(municipality=municipality, startup=startup, officer=officer),
        "due": datetime(2030, 5, 1, 8, 0, tzinfo=UTC),
    }


def sample_words(context) -> set[str]:
    values = [context["challenge"].title, context["organisation"].name, context["startup"].name,
              context["user"].name, context["inviter"].name, context["proposal"].reference or "",
              context["pilot"].title]
    return {w.lower() for value in values for w in WORD.findall(value)}


def test_the_sample_gives_every_template_what_it_uses(app, context):
    env = app.jinja_env
    for name in TEMPLATES:
        source = env.loader.get_source(env, f"mail/{name}.txt")[0]
        wanted = meta.find_undeclared_variables(env.parse(source)) - set(env.globals) - {"_", "gettext", "ngettext"}
        assert wanted <= set(context), (name, wanted - set(context))


@pytest.mark.parametrize("template", TEMPLATES)
def test_subjects_and_bodies_in_both_languages(context, template):
    rendered = {locale: queue_mail(to="someone@example.org", template=template, locale=locale, **context)
                for locale in ("nl", "en")}
    for locale, message in rendered.items():
        subject = message.subject
        assert subject and subject == subject.strip() and "  " not in subject, (locale, subject)
        assert not CLUMSY.search(subject) and "{" not in subject and "}" not in subject, (locale, subject)
        assert not CLUMSY.search(message.body), (locale, CLUMSY.search(message.body))
        assert "{{" not in message.body and "{%" not in message.body, locale
    dutch, english = rendered["nl"].subject, rendered["en"].subject
    assert dutch != english
    untranslated = ({w.lower() for w in WORD.findall(english)} - sample_words(context) - SHARED_WORDS) \
        & {w.lower() for w in WORD.findall(dutch)}
    assert untranslated == set(), (dutch, english)


@pytest.mark.parametrize(("locale", "average", "fit", "name"), [("nl", "3,5", "match 88", "Haalbaarheid"),
                                                               ("en", "3.5", "fit 88", "Feasibility")])
def test_numbers_and_criteria_in_mail_follow_the_recipients_locale(context, locale, average, fit, name):
    decision = queue_mail(to="a@example.org", template="decision_released", locale=locale, **context).body
    assert f"{name}: {average} (1–5)" in decision
    digest = queue_mail(to="a@example.org", template="match_digest", locale=locale, **context).body
    assert fit in digest


def test_the_sentence_filter_ends_sentences_once(app):
    from matchmaker.templating import sentence

    assert sentence("Gemeente X cancelled the challenge Hoe dan?.") == "Gemeente X cancelled the challenge Hoe dan?"
    assert sentence("X withdrew the proposal of Groendak B.V..") == "X withdrew the proposal of Groendak B.V."
    assert sentence("Wait... and see. Done!. Ok.") == "Wait... and see. Done! Ok."
