"""Demo after the award: pilots in every state, check-ins by both sides, demo days, the gate, lessons,
an adoption and public KPIs, played through the same services the pages use (see `demo.py`).

The past challenges of `demo_after_data.py` are played by the `DemoLoader` like the others (created,
published, proposals submitted, closed, decisions released: the award starts each pilot); this module
adds what happened after the award, each step at its own day in the past."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from types import SimpleNamespace
from typing import TYPE_CHECKING

from .enums import ProcurementRoute, TrafficLight

if TYPE_CHECKING:
    from .demo import DemoLoader


def with_after_award(data) -> SimpleNamespace:
    """The demo content plus the after-award municipalities, officers, past challenges, proposals and
    panels, for the loader to play like the rest."""
    from . import demo_after_data as after

    return SimpleNamespace(
        MUNICIPALITIES=data.MUNICIPALITIES + after.MUNICIPALITIES, OFFICERS=data.OFFICERS + after.OFFICERS,
        EVALUATORS=data.EVALUATORS, STARTUPS=data.STARTUPS, CHALLENGES=data.CHALLENGES + after.CHALLENGES,
        PROPOSALS={**data.PROPOSALS, **after.PROPOSALS}, PANELS={**data.PANELS, **after.PANELS},
        PENDING_PANEL_INVITATIONS=data.PENDING_PANEL_INVITATIONS)


def _amount(value) -> Decimal:
    return Decimal(str(value))


class AfterAward:
    """Schedules the after-award steps on the loader's story (played with everything else)."""

    def __init__(self, loader: DemoLoader):
        from . import demo_after_data

        self.loader = loader
        self.data = demo_after_data
        self.story = loader.story

    # --- time -------------------------------------------------------------------------------------

    def moment(self, day: float) -> datetime:
        return self.loader.now + timedelta(days=day)

    def date(self, day: float) -> date:
        from .demo import AMSTERDAM

        return self.moment(day).astimezone(AMSTERDAM).date()

    def at(self, day: float, run) -> None:
        if day <= 0:
            self.story.at(self.moment(day), run)

    # --- lookups ----------------------------------------------------------------------------------

    def pilot(self, row: dict):
        from .pilots.services import pilot_for_proposal

        pilot = pilot_for_proposal(self.loader.proposals[(row["challenge"], row["startup"])])
        if pilot is None:
            raise RuntimeError(f"demo: no pilot for {row['challenge']}/{row['startup']} (award not released?)")
        return pilot

    def user(self, email: str):
        return self.loader.users[email]

    def author(self, row: dict, side: str):
        return self.loader.startups[row["startup"]][0] if side == "startup" else self.user(row["officer"])

    # --- the whole story --------------------------------------------------------------------------

    def schedule(self) -> None:
        for row in self.data.PILOTS:
            self.plan(row)
            self.run(row)
        self.plan(self.data.PLANNED_PILOT)
        for row in self.data.CHALLENGE_LESSONS:
            self.challenge_lesson(row)
        for row in self.data.ADOPTIONS:
            self.adoption(row)
        for row in self.data.KPIS_PUBLIC:
            self.kpis_public(row)
        self.collaboration()

    # --- a pilot, from plan to gate ---------------------------------------------------------------

    def milestones(self, row: dict, as_of: float | None):
        from .pilots.services import MilestoneInput

        return [MilestoneInput(title=title, due_on=self.date(due),
                               done_on=self.date(done) if done is not None and as_of is not None and done <= as_of
                               else None)
                for title, due, done in row["milestones"]]

    def plan(self, row: dict) -> None:
        from .pilots.services import CriterionInput, update_plan

        def write():
            plan = {"starts_on": self.date(row["start_day"]), "paid_by": row["paid_by"],
                    "municipality_contact": row["municipality_contact"],
                    "startup_contact": row.get("startup_contact", ""),
                    "check_in_every_days": row["check_in_every_days"],
                    "internal_notes": row.get("internal_notes", "")}
            if row.get("goals"):
                plan["goals"] = row["goals"]
            criteria = [CriterionInput(name=name, target=_amount(target), unit=unit, higher_is_better=higher)
                        for name, target, unit, higher in row["criteria"]]
            update_plan(pilot=self.pilot(row), user=self.user(row["officer"]), plan=plan, criteria=criteria,
                        milestones=self.milestones(row, None))
        self.at(row["plan_day"], write)

    def run(self, row: dict) -> None:
        from .pilots.services import start_pilot, update_plan

        officer = self.user(row["officer"])
        self.at(row["start_day"], lambda: start_pilot(pilot=self.pilot(row), user=officer))
        for done in sorted({done for _title, _due, done in row["milestones"] if done is not None}):
            self.at(done, lambda done=done: update_plan(pilot=self.pilot(row), user=officer, plan={},
                                                        milestones=self.milestones(row, done)))
        for check_in in row["check_ins"]:
            self.at(check_in["day"], self._check_in(row, check_in))
        if row.get("demo_day"):
            self.at(row["demo_day"]["day"], self._demo_day(row))
        if row.get("extend"):
            self.at(row["extend"]["day"], self._extend(row))
        last_day = row["gate"]["day"] if row.get("gate") else -1
        if row.get("spent_eur"):
            self.at(last_day - 1, lambda: update_plan(pilot=self.pilot(row), user=officer,
                                                      plan={"spent_cents": row["spent_eur"] * 100}))
        if row.get("gate"):
            self.at(row["gate"]["day"], self._gate(row))
        if row.get("lesson"):
            self.pilot_lesson(row)

    def _check_in(self, row: dict, check_in: dict):
        from .pilots.services import write_check_in

        def write():
            pilot = self.pilot(row)
            values = {c.id: _amount(v) for c, v in zip(pilot.criteria, check_in["values"]) if v is not None}
            write_check_in(pilot=pilot, user=self.author(row, check_in["side"]), tried=check_in["tried"],
                           learned=check_in["learned"], next_change=check_in["next_change"],
                           light=TrafficLight(check_in["light"]), measurements=values)
        return write

    def _demo_day(self, row: dict):
        from .pilots.services import record_demo_day

        demo = row["demo_day"]
        return lambda: record_demo_day(pilot=self.pilot(row), user=self.user(row["officer"]),
                                       demo_on=self.date(demo["day"]), attendees=demo["attendees"],
                                       report=demo["report"])

    def _extend(self, row: dict):
        from .pilots.services import decide_pilot

        extend = row["extend"]
        return lambda: decide_pilot(pilot=self.pilot(row), user=self.user(row["officer"]), move="extend",
                                    motivation=extend["motivation"], extended_until=self.date(extend["until_day"]))

    def _gate(self, row: dict):
        from .pilots.services import decide_pilot

        gate = row["gate"]

        def decide():
            pilot = self.pilot(row)
            final = {c.id: _amount(v) for c, v in zip(pilot.criteria, gate["final"])}
            contract = {}
            if gate["move"] == "continue":
                contract = {"route": ProcurementRoute(gate["route"]), "contract_value_cents": gate["contract_eur"] * 100,
                            "contract_on": self.date(gate["contract_day"])}
            decide_pilot(pilot=pilot, user=self.user(row["officer"]), move=gate["move"], motivation=gate["motivation"],
                         final_values=final, **contract)
        return decide

    # --- lessons, adoption, KPIs ------------------------------------------------------------------

    @staticmethod
    def _lesson_data(lesson: dict) -> dict:
        from .lessons.services import PARTS

        return {**{part: lesson.get(part, "") for part in PARTS}, "language": lesson["language"],
                "reusable": lesson["reusable"]}

    def _publish(self, find, officer, day) -> None:
        from .lessons.services import publish_lesson

        if day is not None:
            self.at(day, lambda: publish_lesson(lesson=find(), user=officer))

    def pilot_lesson(self, row: dict) -> None:
        from .lessons.services import lesson_of_pilot, write_pilot_lesson

        lesson, officer = row["lesson"], self.user(row["officer"])
        self.at(lesson["day"], lambda: write_pilot_lesson(pilot=self.pilot(row), user=officer,
                                                          data=self._lesson_data(lesson)))
        self._publish(lambda: lesson_of_pilot(self.pilot(row)), officer, lesson.get("publish_day"))

    def challenge_lesson(self, row: dict) -> None:
        from .lessons.services import lesson_of_challenge, write_challenge_lesson

        officer = self.user(row["officer"])
        self.at(row["day"], lambda: write_challenge_lesson(challenge=self.loader.challenges[row["challenge"]],
                                                           user=officer, data=self._lesson_data(row)))
        self._publish(lambda: lesson_of_challenge(self.loader.challenges[row["challenge"]]), officer,
                      row.get("publish_day"))

    def adoption(self, row: dict) -> None:
        from .lessons.adoption import adopt_pilot

        pilot_row = next(r for r in self.data.PILOTS if r["challenge"] == row["pilot"])
        self.at(row["day"], lambda: adopt_pilot(pilot=self.pilot(pilot_row), user=self.user(row["officer"]),
                                                organisation=self.loader.municipalities[row["municipality"]]))

    def kpis_public(self, row: dict) -> None:
        from .kpis.services import set_kpis_public

        self.at(row["day"], lambda: set_kpis_public(organisation=self.loader.municipalities[row["municipality"]],
                                                    user=self.user(row["officer"]), public=True))

    # --- working together -------------------------------------------------------------------------

    def collaboration(self) -> None:
        """The round (Groningen runs it) and its challenges: each draft joins the round between its creation
        and its publication (taking the round's dates); the lead buyer chooses the co-owners and their rights."""
        from .collaboration.rounds import create_round, put_in_round
        from .collaboration.services import add_co_owner
        from .demo import _deadlines, _published_for

        spec = self.data.ROUND
        rows = self.data.ROUND_CHALLENGES
        organiser = self.user(spec["officer"])
        questions_at, close_at = _deadlines(rows[0], self.loader.now)
        made = {}

        def create():
            made["round"] = create_round(
                organisation=self.loader.municipalities[spec["municipality"]], user=organiser,
                data={"name": spec["name"], "description": spec["description"], "questions_close_at": questions_at,
                      "submissions_close_at": close_at})
        self.at(spec["day"], create)
        for row in rows:
            publish_at = min(close_at - _published_for(row), self.loader.now - timedelta(days=3))
            created_at = publish_at - timedelta(days=6)  # as `DemoLoader.challenge` creates it
            key = row["key"]
            self.story.at(created_at + timedelta(hours=1), lambda key=key: put_in_round(
                challenge=self.loader.challenges[key], round_=made["round"], user=organiser))
            for co in row.get("co_owners", []):
                self.story.at(created_at + timedelta(hours=2), lambda key=key, co=co: add_co_owner(
                    challenge=self.loader.challenges[key], user=organiser,
                    organisation=self.loader.municipalities[co["municipality"]],
                    rights={right: True for right in co["rights"]}))
