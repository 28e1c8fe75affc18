"""The lesson pages: writing from a decided pilot or a challenge without award, saving and publishing,
clear messages for bad input, the officer's to-do list, and the entry points on the challenge pages."""

from __future__ import annotations

from flask import render_template_string
from flask_login import login_user
from sqlalchemy import select

from matchmaker.extensions import db
from matchmaker.lessons.models import Lesson

from ..conftest import login
from .conftest import write

FORM = {"language": "en", "context": "The old town floods.", "expected": "Rain barrels would help.",
        "happened": "Few residents joined.", "differently": "Work with residents' associations.",
        "advice": "Measure per street.", "reusable": "no"}


def test_writing_a_pilots_lesson_from_the_form(client, lessons_world):
    stopped = lessons_world["stopped"]
    login(client, lessons_world["users"]["officer"])
    form = client.get(f"/lessons/pilots/{stopped.id}/write").get_data(as_text=True)
    assert "Write the lesson" in form and 'class="badge outcome-stopped">Stopped' in form
    assert 'name="outcome"' not in form  # derived, never typed
    response = client.post(f"/lessons/pilots/{stopped.id}/write", data=FORM)
    lesson = db.session.scalar(select(Lesson).where(Lesson.pilot_id == stopped.id))
    assert response.headers["Location"] == f"/lessons/{lesson.id}"
    assert (lesson.language, lesson.happened, lesson.reusable, lesson.published_at) == (
        "en", "Few residents joined.", False, None)
    page = client.get(f"/lessons/{lesson.id}").get_data(as_text=True)
    assert "The lesson is saved." in page and "Not published. Only officers of Gemeente Utrecht" in page
    assert f'action="/lessons/{lesson.id}/publish"' in page
    assert '<p lang="en">Few residents joined.</p>' not in page  # the page is English too: no lang mark


def test_an_empty_form_says_what_to_do_and_saves_nothing(client, lessons_world):
    stopped = lessons_world["stopped"]
    login(client, lessons_world["users"]["officer"])
    response = client.post(f"/lessons/pilots/{stopped.id}/write", data={"language": "nl", "reusable": "no"})
    assert response.status_code == 422
    assert "Write at least one part of the lesson; you can complete it later." in response.get_data(as_text=True)
    response = client.post(f"/lessons/pilots/{stopped.id}/write", data={**FORM, "reusable": "maybe"})
    assert response.status_code == 422 and "Not a valid choice" in response.get_data(as_text=True)
    assert db.session.scalar(select(Lesson).where(Lesson.pilot_id == stopped.id)) is None


def test_save_and_publish_publishes_a_complete_lesson(client, lessons_world):
    cancelled = lessons_world["cancelled"]
    login(client, lessons_world["users"]["officer"])
    response = client.post(f"/lessons/challenges/{cancelled.id}/write", data={**FORM, "publish": "1"})
    lesson = db.session.scalar(select(Lesson).where(Lesson.challenge_id == cancelled.id))
    assert response.headers["Location"] == f"/lessons/{lesson.id}" and lesson.published_at is not None
    page = client.get(f"/lessons/{lesson.id}").get_data(as_text=True)
    assert "The lesson is saved and published." in page and "Why it was cancelled" in page


def test_save_and_publish_keeps_an_incomplete_lesson_and_says_what_is_missing(client, lessons_world):
    stopped = lessons_world["stopped"]
    login(client, lessons_world["users"]["officer"])
    client.post(f"/lessons/pilots/{stopped.id}/write", data={**FORM, "advice": "", "publish": "1"})
    lesson = db.session.scalar(select(Lesson).where(Lesson.pilot_id == stopped.id))
    assert lesson.happened == "Few residents joined." and lesson.published_at is None
    page = client.get(f"/lessons/{lesson.id}").get_data(as_text=True)
    assert "Fill in before publishing: Advice for another municipality." in page
    assert "The lesson is saved but not published." in page


def test_editing_keeps_the_lesson_and_a_second_write_goes_to_the_edit_page(client, lessons_world):
    draft = lessons_world["draft"]
    login(client, lessons_world["users"]["officer"])
    assert client.get(f"/lessons/challenges/{lessons_world['no_award'].id}/write").headers["Location"] == \
        f"/lessons/{draft.id}/edit"
    form = client.get(f"/lessons/{draft.id}/edit").get_data(as_text=True)
    assert "Edit the lesson" in form and draft.context in form
    client.post(f"/lessons/{draft.id}/edit", data={**FORM, "reusable": "yes"})
    db.session.refresh(draft)
    assert (draft.advice, draft.reusable) == ("Measure per street.", True)


def test_publish_and_unpublish_buttons_and_double_clicks(client, lessons_world):
    draft = lessons_world["draft"]
    login(client, lessons_world["users"]["officer"])
    write(lessons_world["no_award"], lessons_world["users"]["officer"])  # complete it
    for _ in range(2):
        assert client.post(f"/lessons/{draft.id}/publish").headers["Location"] == f"/lessons/{draft.id}"
    db.session.refresh(draft)
    assert draft.published_at is not None
    assert client.get(f"/lessons/{draft.id}").status_code == 200
    client.post(f"/lessons/{draft.id}/unpublish")
    client.post(f"/lessons/{draft.id}/unpublish")
    db.session.refresh(draft)
    assert draft.published_at is None
    client.post("/account/logout")
    assert client.get(f"/lessons/{draft.id}").status_code == 404


def test_publishing_an_incomplete_lesson_is_refused_with_the_reason(client, lessons_world):
    draft = lessons_world["draft"]
    login(client, lessons_world["users"]["officer"])
    response = client.post(f"/lessons/{draft.id}/publish", follow_redirects=True)
    assert "Fill in before publishing: Advice for another municipality." in response.get_data(as_text=True)
    db.session.refresh(draft)
    assert draft.published_at is None


def test_the_public_page_of_a_pilots_lesson(client, lessons_world):
    lesson = lessons_world["published"]
    page = client.get(f"/lessons/{lesson.id}").get_data(as_text=True)
    assert "Slimme afvalinzameling" in page and "Gemeente Utrecht" in page and "Continued to a contract" in page
    assert '<p lang="nl">Begin met één wijk en meet vanaf de eerste week.</p>' in page
    assert lessons_world["continued"].startup.name in page
    assert "Edit the lesson" not in page and "/publish" not in page


def test_the_officers_dashboard_lists_lessons_to_write(client, lessons_world):
    login(client, lessons_world["users"]["officer"])
    page = client.get("/dashboard").get_data(as_text=True)
    todo = page.split('data-todo="lessons"')[1].split("</ul>")[0]
    assert f'href="/lessons/pilots/{lessons_world["stopped"].id}/write"' in todo
    assert f'href="/lessons/challenges/{lessons_world["cancelled"].id}/write"' in todo
    assert f'href="/lessons/{lessons_world["draft"].id}"' in todo
    assert "lesson written, not published yet" in todo
    login(client, lessons_world["users"]["other_officer"])
    assert 'data-todo="lessons"' not in client.get("/dashboard").get_data(as_text=True)


def test_the_manage_page_of_a_challenge_without_award_links_to_its_lesson(client, lessons_world):
    login(client, lessons_world["users"]["officer"])
    cancelled = client.get(f"/challenges/{lessons_world['cancelled'].id}/manage").get_data(as_text=True)
    assert f'href="/lessons/challenges/{lessons_world["cancelled"].id}/write"' in cancelled
    no_award = client.get(f"/challenges/{lessons_world['no_award'].id}/manage").get_data(as_text=True)
    assert f'href="/lessons/{lessons_world["draft"].id}"' in no_award and "Written, not published yet." in no_award
    decided = client.get(f"/challenges/{lessons_world['continued'].challenge_id}/manage").get_data(as_text=True)
    assert "/lessons/challenges/" not in decided  # awarded: its lesson belongs to the pilot


def test_the_pilot_partial_offers_to_write_or_shows_the_lesson(app, lessons_world):
    def render(pilot, user):
        with app.test_request_context("/"):
            login_user(user)
            return render_template_string('{% include "lessons/_pilot_lesson.html" %}', pilot=pilot)

    officer = lessons_world["users"]["officer"]
    assert f'href="/lessons/pilots/{lessons_world["stopped"].id}/write"' in render(lessons_world["stopped"], officer)
    assert f'href="/lessons/{lessons_world["published"].id}"' in render(lessons_world["continued"], officer)
    assert render(lessons_world["running"], officer).strip() == ""
    assert "/write" not in render(lessons_world["stopped"], lessons_world["users"]["other_officer"])


def test_the_lesson_form_reads_in_dutch(client, lessons_world):
    login(client, lessons_world["users"]["officer"])
    with client.session_transaction() as session:
        session["locale"] = "nl"
    page = client.get(f"/lessons/pilots/{lessons_world['stopped'].id}/write").get_data(as_text=True)
    for text in ("Schrijf de les", "Wat we verwachtten", "Advies voor een andere gemeente", "Gestopt",
                 "Is de oplossing herbruikbaar?", "Bewaren en publiceren"):
        assert text in page, text


def test_the_pilot_page_links_to_writing_and_then_to_the_lesson(client, lessons_world):
    login(client, lessons_world["users"]["officer"])
    stopped = client.get(f"/pilots/{lessons_world['stopped'].id}").get_data(as_text=True)
    assert f'href="/lessons/pilots/{lessons_world["stopped"].id}/write"' in stopped
    continued = client.get(f"/pilots/{lessons_world['continued'].id}").get_data(as_text=True)
    assert f'href="/lessons/{lessons_world["published"].id}"' in continued
    client.post("/account/logout")
    public = client.get(f"/pilots/{lessons_world['stopped'].id}").get_data(as_text=True)
    assert "/write" not in public
