"""Entry point for gunicorn and `flask`: `gunicorn wsgi:app`."""

from matchmaker import create_app

app = create_app()
