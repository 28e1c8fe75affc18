"""`flask` commands: administrators, the scheduler tick, mail, the worker and demo data."""

from __future__ import annotations

import click
from flask import Flask

from .database import commit


def counted(n: int, noun: str) -> str:
    """An English count for the operator's console: "1 challenge", "3 challenges"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def register_cli(app: Flask) -> None:
    @app.cli.command("create-admin")
    @click.argument("email")
    @click.option("--name", default="Administrator", show_default=True)
    @click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True,
                  help="At least 12 characters; asked for when not given.")
    def create_admin(email: str, name: str, password: str) -> None:
        """Create an administrator account (or make an existing account administrator)."""
        from .accounts import services
        from .errors import DomainError

        user = services.find_user_by_email(email)
        if user is not None:
            user.is_admin = True
            click.echo(f"{user.email} is now an administrator.")
        else:
            try:
                user = services.create_user(email=email, name=name, password=password, is_admin=True)
            except DomainError as error:
                raise click.ClickException(error.message) from error
            click.echo(f"Administrator {user.email} created.")
        commit()

    @app.cli.command("tick")
    def tick() -> None:
        """Record due transitions and send their e-mail. Safe to run every minute from a scheduler."""
        from .challenges.services import close_due_challenges
        from .mail.services import deliver_pending
        from .pilots.services import send_check_in_reminders
        from .proposals.services import send_deadline_reminders
        from .recommendations.digest import send_digests

        closed = close_due_challenges()
        reminded = send_deadline_reminders()
        late = send_check_in_reminders()
        commit()
        digests = send_digests()
        commit()
        sent = deliver_pending()
        click.echo(f"closed {counted(len(closed), 'challenge')}; reminded {counted(reminded, 'draft')}; "
                   f"{counted(late, 'late check-in')}; "
                   f"{counted(digests, 'digest')}; sent {counted(sent, 'pending message')}")

    @app.cli.command("send-mail")
    def send_mail() -> None:
        """Retry e-mail still waiting in the outbox."""
        from .mail.services import deliver_pending

        click.echo(f"sent {counted(deliver_pending(), 'message')}")

    @app.cli.command("worker")
    @click.option("--burst", is_flag=True, help="Stop when the queue is empty.")
    def worker(burst: bool) -> None:
        """Run a background worker (RQ on Redis) for mail and other jobs."""
        from .jobs import run_worker

        run_worker(burst=burst)

    @app.cli.command("load-demo")
    @click.option("--force", is_flag=True, help="Load even if the database already holds organisations.")
    def load_demo(force: bool) -> None:
        """Load the demo municipalities, startups and challenges once, and print the demo logins."""
        from .demo import load_demo_data, print_logins

        if not load_demo_data(force=force):
            click.echo("Demo data is already loaded.")
        print_logins(click.echo)
