"""The officer's evaluation tab bar: which tabs work now, and why the others do not work yet.

A tab that would answer 403 today (scores and decisions before the deadline, the panel of a cancelled
challenge) is shown, not as a link but with the reason; tabs the reader can never use (an
administrator reading the audit trail) are left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import format_datetime
from flask_babel import gettext as _

from ..challenges.permissions import can_manage_challenge
from ..collaboration.permissions import acts_for
from . import permissions


@dataclass(frozen=True)
class Tab:
    endpoint: str
    label: str
    reason: str | None = None  # why it does not work yet; None: a working link

    @property
    def enabled(self) -> bool:
        return self.reason is None


def not_yet_reason(challenge) -> str:
    """Why the evaluation pages of this challenge do not open (yet), as a short phrase."""
    if challenge.is_cancelled:
        return _("the challenge is cancelled")
    if challenge.is_draft or challenge.submissions_close_at is None:
        return _("after publishing and the deadline")
    return _("after the deadline, %(when)s", when=format_datetime(challenge.submissions_close_at, "d MMMM HH:mm"))


def evaluation_tabs(user, challenge) -> list[Tab]:
    tabs = []
    if can_manage_challenge(user, challenge):
        tabs = [Tab("challenges.manage", _("Challenge"))]
        if acts_for(user, challenge, "may_manage_panel"):  # a co-owner without the right never uses it
            panel_reason = None if permissions.can_manage_panel(user, challenge) else not_yet_reason(challenge)
            tabs.append(Tab("evaluation.panel_page", _("Panel"), panel_reason))
        if acts_for(user, challenge, "may_decide"):
            running = None if permissions.can_run_evaluation(user, challenge) else not_yet_reason(challenge)
            tabs += [Tab("evaluation.overview", _("Scores and ranking"), running),
                     Tab("evaluation.decisions_page", _("Decisions"), running)]
    if permissions.can_read_audit(user, challenge):
        tabs.append(Tab("evaluation.audit", _("Audit trail")))
    return tabs
