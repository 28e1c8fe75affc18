"""Lessons that travel: the public list and page, writing and publishing, and adopting a pilot."""

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from werkzeug.routing import BuildError

from ..challenges.lookup import challenge_for
from ..database import commit
from ..enums import LessonOutcome, OrgKind, PilotStatus
from ..errors import DomainError
from ..extensions import db
from ..organisations.forms import EmptyForm
from ..organisations.permissions import is_member, organisations_of
from ..pilots.models import Pilot
from ..web import get_or_404, page_number, show_error
from . import adoption, permissions, search, services
from .forms import LessonForm
from .models import Lesson

bp = Blueprint("lessons", __name__, url_prefix="/lessons")


# --- helpers shared with the pilot pages (the lead's templates use these) ------------------------------

@bp.app_template_global()
def pilot_url(pilot) -> str:
    """The pilot's public page; the challenge's page until the pilot pages exist."""
    try:
        return url_for("pilots.show", pilot_id=pilot.id)
    except BuildError:
        return url_for("challenges.show", ref=pilot.challenge.slug)


@bp.app_template_global()
def lesson_adoption(pilot) -> dict:
    """What `lessons/_adopt.html` shows on a pilot page: the adopt button for officers of another
    municipality, and who adopted the pilot for its own officers."""
    organisations = permissions.adopting_organisations(current_user, pilot) \
        if pilot.status == PilotStatus.CONTINUED else []
    return {
        "can_adopt": permissions.can_adopt_pilot(current_user, pilot),
        "organisations": organisations,
        "adoptions": adoption.adoptions_of(pilot) if permissions.can_see_adoptions(current_user, pilot) else None,
    }


@bp.app_template_global()
def lesson_for_pilot(pilot) -> dict:
    """What `lessons/_pilot_lesson.html` shows on a pilot page: its lesson (if the reader may see it) and
    whether the reader may write it."""
    lesson = services.lesson_of_pilot(pilot)
    return {
        "lesson": lesson if lesson is not None and permissions.can_view_lesson(current_user, lesson) else None,
        "can_write": permissions.can_write_pilot_lesson(current_user, pilot),
    }


def _lesson(lesson_id: int, allowed=permissions.can_view_lesson) -> Lesson:
    """404 for a lesson the user may not even see (unpublished, not theirs); 403 for the rest."""
    lesson = get_or_404(Lesson, lesson_id)
    if not permissions.can_view_lesson(current_user, lesson):
        abort(404)
    if not allowed(current_user, lesson):
        abort(403)
    return lesson


# --- public -------------------------------------------------------------------------------------------

@bp.get("/")
def index():
    text = request.args.get("q", "").strip()[:200]
    outcome = request.args.get("outcome", "")
    outcome = outcome if outcome in {o.value for o in LessonOutcome} else ""
    reusable = request.args.get("reusable") == "1"
    found, warming, pagination = None, False, None
    if text:
        found = search.search(text, outcome=outcome, reusable=reusable)
        warming = found is None
    if found is None:
        pagination = db.paginate(services.published_lessons(outcome=outcome, reusable=reusable), page=page_number(),
                                 per_page=current_app.config["PER_PAGE"], error_out=False)
    return render_template("lessons/index.html", text=text, outcome=outcome, reusable=reusable, found=found,
                           warming=warming, pagination=pagination, outcomes=services.outcome_labels())


@bp.get("/<id:lesson_id>")
def show(lesson_id: int):
    lesson = _lesson(lesson_id)
    return render_template("lessons/show.html", lesson=lesson, button_form=EmptyForm(),
                           parts=services.part_labels(), outcomes=services.outcome_labels(),
                           can_edit=permissions.can_edit_lesson(current_user, lesson),
                           can_publish=permissions.can_publish_lesson(current_user, lesson),
                           can_unpublish=permissions.can_unpublish_lesson(current_user, lesson),
                           problems=services.publication_problems(lesson) if not lesson.is_published else [])


# --- writing ------------------------------------------------------------------------------------------

def _save(form: LessonForm, write, lesson: Lesson | None = None):
    """Validate, write, commit; then publish when asked. Returns a redirect, or None to show the form."""
    if not form.validate_on_submit():
        return None
    try:
        lesson = write(data=form.to_data())
    except DomainError as error:
        show_error(error, form)
        return None
    commit()
    if "publish" in request.form:
        try:
            services.publish_lesson(lesson=lesson, user=current_user)
        except DomainError as error:
            show_error(error)
            flash(_("The lesson is saved but not published."), "info")
        else:
            commit()
            flash(_("The lesson is saved and published."), "success")
            return redirect(url_for("lessons.show", lesson_id=lesson.id))
    else:
        flash(_("The lesson is saved."), "success")
    return redirect(url_for("lessons.show", lesson_id=lesson.id))


def _render_form(form, *, lesson=None, pilot=None, challenge=None, outcome=None):
    """The form again; after a POST that did not save, with 422."""
    return render_template("lessons/form.html", form=form, lesson=lesson, pilot=pilot,
                           challenge=challenge or (pilot.challenge if pilot else lesson.challenge),
                           outcome=outcome or lesson.outcome, outcomes=services.outcome_labels(),
                           parts=services.part_labels()), 422 if request.method == "POST" else 200


@bp.route("/pilots/<id:pilot_id>/write", methods=["GET", "POST"])
@login_required
def write_for_pilot(pilot_id: int):
    pilot = get_or_404(Pilot, pilot_id)
    if not permissions.can_write_pilot_lesson(current_user, pilot):
        abort(403)
    existing = services.lesson_of_pilot(pilot)
    if existing is not None and request.method == "GET":
        return redirect(url_for("lessons.edit", lesson_id=existing.id))
    form = LessonForm()
    done = _save(form, lambda data: services.write_pilot_lesson(pilot=pilot, user=current_user, data=data))
    return done or _render_form(form, pilot=pilot, outcome=services.outcome_of_pilot(pilot))


@bp.route("/challenges/<ref>/write", methods=["GET", "POST"])
@login_required
def write_for_challenge(ref: str):
    challenge = challenge_for(current_user, ref, permissions.can_write_challenge_lesson)
    existing = services.lesson_of_challenge(challenge)
    if existing is not None and request.method == "GET":
        return redirect(url_for("lessons.edit", lesson_id=existing.id))
    form = LessonForm()
    done = _save(form, lambda data: services.write_challenge_lesson(challenge=challenge, user=current_user,
                                                                    data=data))
    return done or _render_form(form, challenge=challenge, outcome=LessonOutcome.NO_AWARD)


@bp.route("/<id:lesson_id>/edit", methods=["GET", "POST"])
@login_required
def edit(lesson_id: int):
    lesson = _lesson(lesson_id, permissions.can_edit_lesson)
    form = LessonForm(obj=lesson)
    form.load(lesson)
    done = _save(form, lambda data: services.edit_lesson(lesson=lesson, user=current_user, data=data), lesson)
    return done or _render_form(form, lesson=lesson, pilot=lesson.pilot)


def _switch(lesson_id: int, allowed, change, message: str):
    lesson = _lesson(lesson_id, permissions.is_lesson_officer)
    if not EmptyForm().validate_on_submit():
        abort(400)
    if allowed(current_user, lesson):
        try:
            change(lesson=lesson, user=current_user)
        except DomainError as error:
            show_error(error)
            return redirect(url_for("lessons.show", lesson_id=lesson.id))
        commit()
    flash(message, "success")  # a second click finds it done already
    return redirect(url_for("lessons.show", lesson_id=lesson.id))


@bp.post("/<id:lesson_id>/publish")
@login_required
def publish(lesson_id: int):
    return _switch(lesson_id, permissions.can_publish_lesson, services.publish_lesson,
                   _("The lesson is published: anyone can read it and the search finds it."))


@bp.post("/<id:lesson_id>/unpublish")
@login_required
def unpublish(lesson_id: int):
    return _switch(lesson_id, permissions.can_unpublish_lesson, services.unpublish_lesson,
                   _("The lesson is no longer public."))


@bp.get("/ours")
@login_required
def ours():
    """The officer's overview: lessons to write, the municipality's lessons, and who adopted its pilots."""
    if not organisations_of(current_user, OrgKind.MUNICIPALITY):
        abort(403)
    return render_template("lessons/ours.html", to_write=services.lessons_to_write(current_user),
                           lessons=services.lessons_of(current_user), adoptions=adoption.adoptions_for(current_user),
                           outcomes=services.outcome_labels())


# --- adopting a pilot ---------------------------------------------------------------------------------

@bp.post("/pilots/<id:pilot_id>/adopt")
@login_required
def adopt(pilot_id: int):
    pilot = get_or_404(Pilot, pilot_id)
    if not permissions.can_adopt_pilot(current_user, pilot):
        abort(403)
    if not EmptyForm().validate_on_submit():
        abort(400)
    choices = permissions.adopting_organisations(current_user, pilot)
    wanted = request.form.get("org", "")
    organisation = next((o for o in choices if o.slug == wanted), None) if wanted else choices[0]
    if organisation is None or not is_member(current_user, organisation):
        abort(403)
    try:
        draft = adoption.adopt_pilot(pilot=pilot, user=current_user, organisation=organisation)
    except DomainError as error:
        show_error(error)
        return redirect(pilot_url(pilot))
    commit()
    flash(_("A new draft is ready, pre-filled from the pilot's challenge. Check it, set the dates, then publish."),
          "success")
    return redirect(url_for("challenges.manage", ref=draft.id))
