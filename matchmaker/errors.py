"""Domain errors raised by services. Views turn them into form errors, flashes or 4xx pages."""

from __future__ import annotations


class DomainError(Exception):
    """A rule of the domain was broken. `message` is already translated for the user."""

    status_code = 400

    def __init__(self, message: str, *, field: str | None = None,
                 problems: list[tuple[str | None, str]] | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        self.problems = problems or [(field, message)]


class NotAllowed(DomainError):
    status_code = 403


class InvalidState(DomainError):
    status_code = 409


class ValidationFailed(DomainError):
    status_code = 422
