"""The evaluation for the procurement file (CSV) and the challenge's audit trail."""

from __future__ import annotations

import json

from ..challenges.models import Challenge
from .conflicts import declarations_for_challenge
from .decisions import decisions_of
from .reviews import reviews_of

HEADER = ["record", "proposal", "startup", "evaluator", "discipline", "criterion", "weight", "score", "comment",
          "recommendation", "feedback", "review_status", "conflict", "conflict_kind", "note", "outcome",
          "motivation", "pitch_at_utc", "at_utc"]


def _row(**values) -> list:
    return [values.get(column, "") for column in HEADER]


def evaluation_rows(challenge: Challenge) -> list[list]:
    rows = [HEADER]
    for review in reviews_of(challenge):
        proposal, seat = review.proposal, review.seat
        base = dict(proposal=proposal.reference, startup=proposal.startup.name, evaluator=seat.email,
                    discipline=seat.discipline.value, review_status=review.status.value,
                    recommendation=review.recommendation.value if review.recommendation else "",
                    at_utc=(review.submitted_at or review.updated_at).isoformat())
        for criterion in challenge.criteria:
            score = review.score_for(criterion.id)
            # The stored name (a default criterion's in the language the challenge was written in), not
            # the reader's translation: the procurement file must read the same for everyone.
            rows.append(_row(record="score", criterion=criterion.name, weight=criterion.weight,
                             score="" if score is None or score.value is None else score.value,
                             comment=score.comment if score else "", **base))
        rows.append(_row(record="review", feedback=review.feedback, **base))
    for declaration in declarations_for_challenge(challenge):
        rows.append(_row(record="declaration", proposal=declaration.proposal.reference,
                         startup=declaration.proposal.startup.name, evaluator=declaration.seat.email,
                         discipline=declaration.seat.discipline.value,
                         conflict="yes" if declaration.has_conflict else "no",
                         conflict_kind=declaration.kind.value if declaration.kind else "", note=declaration.note,
                         at_utc=declaration.declared_at.isoformat()))
    for decision in decisions_of(challenge):
        state = "decision" if decision.released_at else (
            "decision (withdrawn)" if decision.withdrawn_at else "decision (prepared)")
        rows.append(_row(record=state,
                         proposal=decision.proposal.reference, startup=decision.proposal.startup.name,
                         outcome=decision.outcome.value, motivation=decision.motivation,
                         pitch_at_utc=decision.pitch_at.isoformat() if decision.pitch_at else "",
                         note=decision.pitch_note,
                         at_utc=(decision.released_at or decision.prepared_at).isoformat()))
    return rows


def audit_rows(entries, sentences: list[str], *, with_ip: bool) -> list[list]:
    """The audit trail as CSV rows: the raw record, then the event as a sentence in the reader's language; the
    IP column only for administrators."""
    header = ["at_utc", "actor", "action", "subject", "subject_id", "data", "description"] + (
        ["ip"] if with_ip else [])
    rows = [header]
    for entry, text in zip(entries, sentences, strict=True):
        actor = "(hidden until the deadline)" if entry.hidden else (entry.actor or "system")
        row = [entry.at.isoformat(), actor, entry.action, entry.subject_type, entry.subject_id or "",
               json.dumps(entry.data, ensure_ascii=False, sort_keys=True) if entry.data else "", text]
        rows.append(row + ([entry.ip or ""] if with_ip else []))
    return rows
