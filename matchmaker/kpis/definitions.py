"""What each figure means, in words a council can quote: the label on the page and the definition in its
help text. `figures.py` computes exactly this; a change to one is a change to the other."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l


@dataclass(frozen=True)
class Definition:
    key: str  # the short name, also in the CSV
    label: object
    text: object
    unit: str  # count | proposals | percent | days | weeks | euro


DEFINITIONS = [
    Definition("challenges_published", _l("Challenges published"), _l(
        "Challenges that were published, counted in the quarter of their publication. A challenge cancelled "
        "after publication still counts; drafts do not."), "count"),
    Definition("proposals_per_challenge", _l("Proposals per challenge"), _l(
        "The average number of proposals per challenge whose submission deadline has passed: the proposals "
        "that were submitted and not withdrawn (each once, however many versions it has), divided by the "
        "number of those challenges, including challenges that received none. Challenges still open and "
        "cancelled challenges are left out. Counted in the quarter of the submission deadline."), "proposals"),
    Definition("applicants", _l("Applicants"), _l(
        "The proposals counted in proposals per challenge: one per startup per challenge. The two shares "
        "below are taken over them."), "count"),
    Definition("first_time_share", _l("First-time suppliers"), _l(
        "The share of applicants that had never won an award from a municipality that owns the challenge "
        "(lead buyer or co-owner) before the challenge was published. An award counts from the moment its "
        "decision was released; every pilot starts with an award, so an earlier pilot counts too."), "percent"),
    Definition("sme_share", _l("SMEs among applicants"), _l(
        "The share of applicants with fewer than 250 employees (full-time equivalents) in their profile as "
        "it is today: the staff part of the EU definition of small and medium-sized enterprises (turnover "
        "is not recorded). Applicants whose profile gives no size are left out of this share and counted "
        "separately."), "percent"),
    Definition("size_unknown", _l("Applicants of unknown size"), _l(
        "Applicants whose profile gives no number of employees; they are not in the SME share."), "count"),
    Definition("median_days_to_award", _l("Days from publication to award"), _l(
        "For each challenge with at least one award: the calendar days (Dutch time) from its publication to "
        "the release of its first award. The figure is the median over those challenges: the middle value, "
        "or the average of the two middle values when their number is even. Counted in the quarter the "
        "award was released."), "days"),
    Definition("pilots_started", _l("Pilots started"), _l(
        "Pilots that started running, counted in the quarter they started. A planned pilot that has not "
        "started does not count."), "count"),
    Definition("continued_share", _l("Pilots continued to a contract"), _l(
        "Of the pilots decided at the gate (continued to a contract, or stopped, also before they started), "
        "the share that continued to a contract. An extension is not a decision. Counted in the quarter of "
        "the decision."), "percent"),
    Definition("median_weeks_to_decision", _l("Weeks from award to decision"), _l(
        "For each decided pilot: the weeks (calendar days in Dutch time, divided by 7) from the release of "
        "its award to the decision to continue or stop. The median over those pilots, taken as above. "
        "Counted in the quarter of the decision."), "weeks"),
    Definition("budget_committed", _l("Experiment budget committed"), _l(
        "The total budget in the plans of the pilots that started (the proposal's price unless the officers "
        "changed it), counted in the quarter the pilot started. A pilot without a budget adds nothing."),
        "euro"),
    Definition("budget_spent", _l("Experiment budget spent"), _l(
        "The total spent on those same pilots, as last recorded by the officers, counted in the quarter the "
        "pilot started. A pilot with no amount recorded adds nothing."), "euro"),
    Definition("lessons_published", _l("Lessons published"), _l(
        "Lessons from pilots, and from challenges that ended without an award, that the municipality "
        "published, counted in the quarter of publication."), "count"),
]

BY_KEY = {definition.key: definition for definition in DEFINITIONS}


def basis_text(key: str, value) -> str:
    """The line under a figure on the page: what it was computed over, or that there is no data yet."""
    from flask_babel import gettext as _
    from flask_babel import ngettext

    n, part = value.basis, value.count
    if value.value is None or (BY_KEY[key].unit == "count" and not value.value):
        return _("no data yet")
    texts = {
        "proposals_per_challenge": lambda: _(
            "%(proposals)s for %(challenges)s",
            proposals=ngettext("%(num)d proposal", "%(num)d proposals", part),
            challenges=ngettext("%(num)d challenge whose deadline has passed",
                                "%(num)d challenges whose deadline has passed", n)),
        "first_time_share": lambda: ngettext("%(count)d of %(num)d applicant", "%(count)d of %(num)d applicants",
                                             n, count=part),
        "sme_share": lambda: ngettext("%(count)d of %(num)d applicant of known size",
                                      "%(count)d of %(num)d applicants of known size", n, count=part),
        "median_days_to_award": lambda: ngettext("median over %(num)d challenge", "median over %(num)d challenges", n),
        "continued_share": lambda: ngettext("%(count)d of %(num)d decided pilot", "%(count)d of %(num)d decided pilots",
                                            n, count=part),
        "median_weeks_to_decision": lambda: ngettext("median over %(num)d decided pilot",
                                                     "median over %(num)d decided pilots", n),
        "budget_committed": lambda: ngettext("over %(num)d pilot", "over %(num)d pilots", n),
        "budget_spent": lambda: ngettext("recorded for %(num)d pilot", "recorded for %(num)d pilots", n),
    }
    return texts[key]() if key in texts else ""
