"""The audit trail in words: every action as a sentence in the reader's language.

A sentence is built only from what the listing lets the reader see (`listing.AuditEntry`): an entry
hidden by the seal has no actor, subject or data, and its sentence names nobody ("A startup submitted
a proposal (hidden until the deadline)"). Proposals are named by their reference, and only when the
seal lets the reader know it (`is_sealed`); otherwise "a proposal".

Every action recorded anywhere (`record_event(action=...)` and the lifecycles' move events) needs an
entry in `SENTENCES`; `tests/test_audit_sentences.py` finds them in the code and fails for one
without a sentence. An unknown action still shows (as its code), so the page never breaks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from flask_babel import format_datetime, ngettext
from flask_babel import gettext as _
from sqlalchemy import select

from ..extensions import db
from .listing import AuditEntry


@dataclass(frozen=True)
class Context:
    """What one sentence may use: the actor's name (or "Matchmaker" for the system), the proposal's
    label, the entry's data."""

    actor: str
    proposal: str
    data: dict


Sentence = Callable[[Context], str]


def _when(value) -> str:
    try:
        return format_datetime(datetime.fromisoformat(value), "d MMMM y, HH:mm")
    except (TypeError, ValueError):
        return "–"


def _label(choices: Callable[[], list], value) -> str:
    return str(dict(choices()).get(value, value or "–"))


def _discipline(value) -> str:
    from ..evaluation.forms import discipline_choices

    return _label(discipline_choices, value)


def _conflict_kind(value) -> str:
    from ..evaluation.forms import conflict_choices

    return _label(conflict_choices, value)


def _recommendation(value) -> str:
    from ..evaluation.forms import recommendation_choices

    return _label(recommendation_choices, value)


def _outcome(value) -> str:
    return {"shortlisted": _("shortlisted for a pitch"), "awarded": _("awarded"),
            "rejected": _("not selected")}.get(value, value or "–")


def _what_was_read(value) -> str:
    return {"page": _("the printable page"), "csv": _("in the CSV export"),
            "attachment": _("the attached PDF")}.get(value, value or "–")


def _settings(c: Context) -> str:
    parts = []
    if "blind_review" in c.data:
        parts.append(_("blind review (names hidden)") if c.data["blind_review"] else _("open review (names shown)"))
    if "panel_sees_scores" in c.data:
        parts.append(_("evaluators see each other's scores after submitting their own")
                     if c.data["panel_sees_scores"] else _("evaluators do not see each other's scores"))
    if "reviews_due_at" in c.data:
        parts.append(_("the panel's deadline is %(when)s", when=_when(c.data["reviews_due_at"]))
                     if c.data["reviews_due_at"] else _("no deadline for the panel"))
    return _("%(actor)s changed the evaluation settings: %(changes)s", actor=c.actor, changes="; ".join(parts))


def _released(c: Context) -> str:
    n = len(c.data.get("decisions") or [])
    if c.data.get("final"):
        return ngettext("%(actor)s released %(num)d decision; every proposal has its final outcome",
                        "%(actor)s released %(num)d decisions; every proposal has its final outcome", n, actor=c.actor)
    return ngettext("%(actor)s released %(num)d decision", "%(actor)s released %(num)d decisions", n, actor=c.actor)


def _traffic_light(value) -> str:
    return {"green": _("green"), "amber": _("amber"), "red": _("red")}.get(value, "–")


def _invited_to_apply(c: Context) -> str:
    startup = c.data.get("startup") or _("a startup")
    if c.data.get("score") is None:
        return _("%(actor)s invited %(startup)s to apply", actor=c.actor, startup=startup)
    return _("%(actor)s invited %(startup)s to apply (fit %(score)d of 100)", actor=c.actor, startup=startup,
             score=round(c.data["score"]))


def _rights(c: Context) -> str:
    """The rights of a co-owner, in short words."""
    words = {"may_edit": _("edit"), "may_answer_questions": _("answer questions"),
             "may_manage_panel": _("manage the panel"), "may_decide": _("decide"), "may_run_pilot": _("run the pilot")}
    rights = [str(words[r]) for r in c.data.get("rights") or [] if r in words]
    return ", ".join(rights) if rights else _("read only")


def _organisation(c: Context) -> str:
    return c.data.get("organisation") or _("a municipality")


def _round(c: Context) -> str:
    return c.data.get("round") or _("a round")


SENTENCES: dict[str, Sentence] = {
    # challenges
    "challenge.created": lambda c: _("%(actor)s created the challenge as a draft", actor=c.actor),
    "challenge.updated": lambda c: _("%(actor)s edited the draft", actor=c.actor),
    "challenge.criteria_set": lambda c: ngettext(
        "%(actor)s set %(num)d evaluation criterion", "%(actor)s set %(num)d evaluation criteria",
        len(c.data.get("criteria") or []), actor=c.actor),
    "challenge.published": lambda c: _("%(actor)s published the challenge", actor=c.actor),
    "challenge.deadline_extended": lambda c: _("%(actor)s extended the deadline to %(when)s: %(reason)s",
                                               actor=c.actor, when=_when(c.data.get("to")),
                                               reason=c.data.get("reason", "")),
    "challenge.closed": lambda c: _("The deadline passed: the challenge is closed and its proposals can be read"),
    "challenge.evaluating": lambda c: _("The evaluation started (first step by %(actor)s)", actor=c.actor),
    "challenge.decided": lambda c: _("%(actor)s released the last decisions: the challenge is decided",
                                     actor=c.actor),
    "challenge.cancelled": lambda c: _("%(actor)s cancelled the challenge: %(reason)s", actor=c.actor,
                                       reason=c.data.get("reason", "")),
    "challenge.clarified": lambda c: _("%(actor)s posted a clarification", actor=c.actor),
    "challenge.startup_invited": _invited_to_apply,
    # working together
    "challenge.co_owner_added": lambda c: _("%(actor)s added %(organisation)s as a co-owner (may: %(rights)s)",
                                            actor=c.actor, organisation=_organisation(c), rights=_rights(c)),
    "challenge.co_owner_rights_changed": lambda c: _("%(actor)s changed what co-owner %(organisation)s may do: "
                                                     "%(rights)s", actor=c.actor, organisation=_organisation(c),
                                                     rights=_rights(c)),
    "challenge.co_owner_removed": lambda c: _("%(actor)s removed co-owner %(organisation)s", actor=c.actor,
                                              organisation=_organisation(c)),
    "challenge.round_joined": lambda c: _("%(actor)s put the challenge in the round %(round)s", actor=c.actor,
                                          round=_round(c)),
    "challenge.round_left": lambda c: _("%(actor)s took the challenge out of the round %(round)s", actor=c.actor,
                                        round=_round(c)),
    "round.created": lambda c: _("%(actor)s started the round %(round)s", actor=c.actor, round=_round(c)),
    "round.updated": lambda c: _("%(actor)s changed the round %(round)s", actor=c.actor, round=_round(c)),
    # questions
    "question.asked": lambda c: _("%(actor)s asked a question", actor=c.actor),
    "question.answered": lambda c: _("%(actor)s answered a question; the answer is public", actor=c.actor),
    # proposals
    "proposal.started": lambda c: _("%(actor)s started %(proposal)s", actor=c.actor, proposal=c.proposal),
    "proposal.saved": lambda c: _("%(actor)s saved %(proposal)s", actor=c.actor, proposal=c.proposal),
    "proposal.submitted": lambda c: _("%(actor)s submitted %(proposal)s", actor=c.actor, proposal=c.proposal),
    "proposal.withdrawn": lambda c: _("%(actor)s withdrew %(proposal)s", actor=c.actor, proposal=c.proposal),
    "proposal.viewed": lambda c: _("%(actor)s read %(proposal)s (%(what)s)", actor=c.actor, proposal=c.proposal,
                                   what=_what_was_read(c.data.get("what"))),
    "proposal.shortlisted": lambda c: _("%(proposal)s is shortlisted for a pitch (released by %(actor)s)",
                                        proposal=c.proposal, actor=c.actor),
    "proposal.awarded": lambda c: _("%(proposal)s is awarded (released by %(actor)s)", proposal=c.proposal,
                                    actor=c.actor),
    "proposal.rejected": lambda c: _("%(proposal)s is not selected (released by %(actor)s)", proposal=c.proposal,
                                     actor=c.actor),
    "application.pending_saved": lambda c: (_("A visitor without an account changed a draft proposal, waiting for "
                                              "their e-mail confirmation") if c.data.get("again") else
                                            _("A visitor without an account wrote a draft proposal and was sent a "
                                              "confirmation link")),
    "application.link_resent": lambda c: _("A visitor without an account asked for the confirmation link again"),
    "application.confirmed": lambda c: _("%(actor)s confirmed their e-mail address; the draft became %(proposal)s",
                                         actor=c.actor, proposal=c.proposal),
    # the panel
    "panel.invited": lambda c: (_("%(actor)s invited %(email)s to the panel again (%(discipline)s)", actor=c.actor,
                                  email=c.data.get("email", ""), discipline=_discipline(c.data.get("discipline")))
                                if c.data.get("again") else
                                _("%(actor)s invited %(email)s to the panel (%(discipline)s)", actor=c.actor,
                                  email=c.data.get("email", ""), discipline=_discipline(c.data.get("discipline")))),
    "panel.accepted": lambda c: _("%(actor)s accepted the invitation and joined the panel", actor=c.actor),
    "panel.revoked": lambda c: _("%(actor)s removed %(email)s from the panel", actor=c.actor,
                                 email=c.data.get("email", "")),
    "evaluation.settings_changed": _settings,
    "conflict.declared": lambda c: _("Evaluator %(actor)s declared a conflict of interest (%(kind)s) for %(proposal)s",
                                     actor=c.actor, kind=_conflict_kind(c.data.get("kind")), proposal=c.proposal),
    "conflict.none_declared": lambda c: _("Evaluator %(actor)s declared no conflict of interest for %(proposal)s",
                                          actor=c.actor, proposal=c.proposal),
    "review.scores_changed": lambda c: ngettext(
        "%(actor)s saved a score for %(proposal)s", "%(actor)s saved %(num)d scores for %(proposal)s",
        len(c.data.get("scores") or {}), actor=c.actor, proposal=c.proposal),
    "review.submitted": lambda c: _("%(actor)s submitted a review of %(proposal)s, recommending: %(recommendation)s",
                                    actor=c.actor, proposal=c.proposal,
                                    recommendation=_recommendation(c.data.get("recommendation"))),
    "review.reopened": lambda c: _("%(actor)s reopened the review by %(evaluator)s of %(proposal)s", actor=c.actor,
                                   evaluator=c.data.get("evaluator", "–"), proposal=c.proposal),
    # decisions
    "decision.prepared": lambda c: _("%(actor)s prepared a decision for %(proposal)s: %(outcome)s", actor=c.actor,
                                     proposal=c.proposal, outcome=_outcome(c.data.get("outcome"))),
    "decision.withdrawn": lambda c: _("%(actor)s withdrew the prepared decision for %(proposal)s", actor=c.actor,
                                      proposal=c.proposal),
    "decision.released_one": lambda c: _("%(actor)s released the decision for %(proposal)s: %(outcome)s",
                                         actor=c.actor, proposal=c.proposal, outcome=_outcome(c.data.get("outcome"))),
    "decision.released": _released,
    # organisations
    "organisation.created": lambda c: _("%(actor)s registered the organisation", actor=c.actor),
    "organisation.updated": lambda c: _("%(actor)s updated the organisation's profile", actor=c.actor),
    "organisation.verified": lambda c: _("%(actor)s verified the organisation", actor=c.actor),
    "organisation.member_invited": lambda c: _("%(actor)s invited %(email)s to join the organisation", actor=c.actor,
                                               email=c.data.get("email", "")),
    "organisation.member_joined": lambda c: _("%(actor)s joined the organisation", actor=c.actor),
    "organisation.invitation_revoked": lambda c: _("%(actor)s withdrew the invitation to %(email)s", actor=c.actor,
                                                   email=c.data.get("email", "")),
    "organisation.kpis_published": lambda c: _("%(actor)s made the municipality's figures (KPIs) public",
                                                actor=c.actor),
    "organisation.kpis_unpublished": lambda c: _("%(actor)s made the municipality's figures (KPIs) private",
                                                  actor=c.actor),
    "organisation.member_removed": lambda c: _("%(actor)s removed a member from the organisation", actor=c.actor),
    "organisation.role_changed": lambda c: _("%(actor)s changed a member's role to %(role)s", actor=c.actor,
                                             role={"owner": _("owner"), "member": _("member")}.get(
                                                 c.data.get("role"), c.data.get("role", "–"))),
    # accounts
    "user.registered": lambda c: _("%(actor)s created an account", actor=c.actor),
    "user.registration_repeated": lambda c: _("Someone tried to register again with an address that has an account"),
    "user.verified": lambda c: _("%(actor)s confirmed their e-mail address", actor=c.actor),
    "user.password_reset": lambda c: _("%(actor)s set a new password with a reset link", actor=c.actor),
    "user.password_changed": lambda c: _("%(actor)s changed their password", actor=c.actor),
    "user.password_set": lambda c: _("%(actor)s set a password (the account signed in by e-mail link before)",
                                     actor=c.actor),
    "user.signed_in_by_link": lambda c: _("%(actor)s signed in with a link by e-mail", actor=c.actor),
    "user.activated": lambda c: _("%(actor)s activated the account", actor=c.actor),
    "user.deactivated": lambda c: _("%(actor)s deactivated the account", actor=c.actor),
    # pilots
    "pilot.created": lambda c: _("The award started a pilot in the planned state"),
    "pilot.plan_changed": lambda c: _("%(actor)s changed the pilot's plan", actor=c.actor),
    "pilot.started": lambda c: _("%(actor)s started the pilot", actor=c.actor),
    "pilot.check_in": lambda c: _("%(actor)s wrote a check-in (%(light)s)", actor=c.actor,
                                  light=_traffic_light(c.data.get("light"))),
    "pilot.demo_day": lambda c: _("%(actor)s recorded the demo day", actor=c.actor),
    "pilot.extended": lambda c: _("%(actor)s extended the pilot", actor=c.actor),
    "pilot.continued": lambda c: _("%(actor)s decided to continue the pilot to a contract", actor=c.actor),
    "pilot.stopped": lambda c: _("%(actor)s decided to stop the pilot", actor=c.actor),
    # lessons and adoptions
    "lesson.written": lambda c: _("%(actor)s wrote the lesson", actor=c.actor),
    "lesson.edited": lambda c: _("%(actor)s edited the lesson", actor=c.actor),
    "lesson.published": lambda c: _("%(actor)s published the lesson", actor=c.actor),
    "lesson.unpublished": lambda c: _("%(actor)s took the lesson off the public pages", actor=c.actor),
    "challenge.adopted": lambda c: _("%(actor)s started this challenge from the pilot “%(pilot)s” of %(municipality)s",
                                     actor=c.actor, pilot=c.data.get("pilot") or "–",
                                     municipality=c.data.get("municipality") or "–"),
    "pilot.adopted": lambda c: _("%(actor)s (%(organisation)s) adopted the pilot in a new challenge", actor=c.actor,
                                 organisation=c.data.get("organisation") or "–"),
}

# While the seal holds: what happened, never by whom or to which proposal.
HIDDEN: dict[str, Callable[[], str]] = {
    "question.asked": lambda: _("A startup asked a question (who asked stays hidden until the deadline)"),
    "proposal.started": lambda: _("A startup started a proposal (hidden until the deadline)"),
    "proposal.saved": lambda: _("A startup saved a proposal (hidden until the deadline)"),
    "proposal.submitted": lambda: _("A startup submitted a proposal (hidden until the deadline)"),
    "proposal.withdrawn": lambda: _("A startup withdrew a proposal (hidden until the deadline)"),
    "application.pending_saved": lambda: _("Someone wrote a draft proposal, waiting for their e-mail confirmation "
                                           "(hidden until the deadline)"),
    "application.link_resent": lambda: _("Someone asked for their confirmation link again (hidden until the "
                                         "deadline)"),
    "application.confirmed": lambda: _("Someone confirmed their e-mail address and their draft became a proposal "
                                       "(hidden until the deadline)"),
}


def hidden_sentence(action: str) -> str:
    sentence = HIDDEN.get(action)
    return sentence() if sentence else _("A startup did something here (hidden until the deadline)")


def sentence(entry: AuditEntry, proposal_label: str | None = None) -> str:
    """The entry as a sentence; `proposal_label` names the proposal it is about, when the reader may
    know it."""
    if entry.hidden:
        return hidden_sentence(entry.action)
    build = SENTENCES.get(entry.action)
    if build is None:
        return entry.action
    return build(Context(actor=entry.actor_name or entry.actor or _("Matchmaker"),
                         proposal=proposal_label or _("a proposal"), data=entry.data or {}))


def _proposal_ids(entries: list[AuditEntry]) -> dict[int, int]:
    """Entry index -> the id of the proposal the (visible) entry is about."""
    from ..evaluation.models import ConflictDeclaration, Decision, Review
    from ..proposals.models import ProposalVersion

    lookups = {"reviews": Review, "conflict_declarations": ConflictDeclaration, "decisions": Decision,
               "proposal_versions": ProposalVersion}
    wanted: dict[str, set[int]] = {}
    for entry in entries:
        if not entry.hidden and entry.subject_type in lookups and entry.subject_id:
            wanted.setdefault(entry.subject_type, set()).add(entry.subject_id)
    linked: dict[tuple[str, int], int] = {}
    for subject_type, ids in wanted.items():
        model = lookups[subject_type]
        for row_id, proposal_id in db.session.execute(select(model.id, model.proposal_id).where(model.id.in_(sorted(ids)))):
            linked[(subject_type, row_id)] = proposal_id
    found = {}
    for index, entry in enumerate(entries):
        if entry.hidden:
            continue
        if entry.subject_type == "proposals" and entry.subject_id:
            found[index] = entry.subject_id
        elif isinstance((entry.data or {}).get("proposal_id"), int):
            found[index] = entry.data["proposal_id"]
        elif (entry.subject_type, entry.subject_id) in linked:
            found[index] = linked[(entry.subject_type, entry.subject_id)]
    return found


def describe(entries: list[AuditEntry], reader) -> list[str]:
    """One sentence per entry, in order. A proposal is named by its reference only where the seal lets
    the reader know it."""
    from ..proposals.models import Proposal
    from ..proposals.permissions import is_sealed

    ids = _proposal_ids(entries)
    proposals = {p.id: p for p in db.session.scalars(select(Proposal).where(Proposal.id.in_(sorted(set(ids.values())))))} \
        if ids else {}
    labels = {pid: _("Proposal %(reference)s", reference=p.reference)
              for pid, p in proposals.items() if p.reference and not is_sealed(p, reader)}
    return [sentence(entry, labels.get(ids.get(index))) for index, entry in enumerate(entries)]
