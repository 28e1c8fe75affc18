"""Helpers for the language tests: a test client that reads pages in Dutch or English."""

from __future__ import annotations


def read_in(client, locale: str):
    """Make `client` browse in `locale`: its browser asks for it and its session holds it."""
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = locale
    with client.session_transaction() as session:
        session["locale"] = locale
    return client
