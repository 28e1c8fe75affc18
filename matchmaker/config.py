"""Settings, read once from the environment.

`Config` is what `create_app()` uses; `TestConfig` is what the test suite uses. No setting has a
guessable fallback: in development a random secret key is generated once and kept in the instance
folder, in production the app refuses to start without `SECRET_KEY`.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def _bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _optional_bool(name: str) -> bool | None:
    """True or False when the variable is set, None (decide from other settings) when it is not."""
    value = os.environ.get(name)
    return None if value is None or not value.strip() else _bool(name)


class ConfigError(RuntimeError):
    """Raised when the environment does not allow the app to start safely."""


class Config:
    ENV_NAME = os.environ.get("MATCHMAKER_ENV", "development")
    SECRET_KEY: str | None = os.environ.get("SECRET_KEY")
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL")  # None: SQLite in the instance folder
    SQLALCHEMY_ENGINE_OPTIONS: dict = {"pool_pre_ping": True}
    REDIS_URL = os.environ.get("REDIS_URL")

    BABEL_DEFAULT_LOCALE = "nl"
    BABEL_DEFAULT_TIMEZONE = "Europe/Amsterdam"
    LANGUAGES = ("nl", "en")

    WTF_CSRF_TIME_LIMIT = None  # tokens live as long as the session; a long proposal must not expire
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = _bool("SESSION_COOKIE_SECURE", ENV_NAME == "production")
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SECURE = SESSION_COOKIE_SECURE
    MAX_CONTENT_LENGTH = 12 * 1024 * 1024

    # Mail: "console" writes each message to the log and to instance/outbox/, "smtp" sends it.
    MAIL_BACKEND = os.environ.get("MAIL_BACKEND", "smtp" if ENV_NAME == "production" else "console")
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "localhost")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", "25"))
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD")
    MAIL_USE_TLS = _bool("MAIL_USE_TLS")
    MAIL_USE_SSL = _bool("MAIL_USE_SSL")
    MAIL_FROM = os.environ.get("MAIL_FROM", "Matchmaker <noreply@matchmaker.local>")
    # The development outbox page (/dev/mail/): every e-mail the app sent, links and all, readable
    # in the browser from this machine only (loopback clients). Unset: on in development with the
    # console backend, off otherwise. The app refuses to start with it on in production.
    DEV_OUTBOX: bool | None = _optional_bool("DEV_OUTBOX")
    # Jobs (mail delivery, digests): "inline" runs them in the request, "rq" puts them on Redis.
    JOB_QUEUE = os.environ.get("JOB_QUEUE", "rq" if ENV_NAME == "production" else "inline")

    # How many reverse proxies stand in front of the app. Each must set X-Forwarded-For, -Proto and
    # -Host (and -Prefix when serving under a path). 0: the headers are ignored and the address of
    # the connecting machine is the client's (used for rate limits, the audit trail, /dev/mail/).
    TRUSTED_PROXIES: int | str = os.environ.get("TRUSTED_PROXIES", "0")

    RATELIMIT_ENABLED = _bool("RATELIMIT_ENABLED", True)
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI") or (
        os.environ.get("REDIS_URL") or "memory://"
    )
    RATELIMIT_HEADERS_ENABLED = True

    UPLOAD_FOLDER = os.environ.get("UPLOAD_FOLDER")  # None: instance/uploads
    PREFERRED_URL_SCHEME = os.environ.get("PREFERRED_URL_SCHEME", "http")
    SERVER_NAME = os.environ.get("SERVER_NAME")
    # The address in e-mail links. Unset: the address of the request that sends the mail (or the
    # development address outside requests). Set it in production, behind a proxy.
    PUBLIC_URL = os.environ.get("PUBLIC_URL")

    PER_PAGE = 12
    PASSWORD_HASH_METHOD = "scrypt"  # werkzeug's maintained default


class TestConfig(Config):
    ENV_NAME = "testing"
    TESTING = True
    SECRET_KEY = "test-secret-key-not-for-production"
    WTF_CSRF_ENABLED = False
    RATELIMIT_ENABLED = False
    RATELIMIT_STORAGE_URI = "memory://"
    MAIL_BACKEND = "memory"
    JOB_QUEUE = "inline"
    SESSION_COOKIE_SECURE = False
    REMEMBER_COOKIE_SECURE = False
    SERVER_NAME = None
    PASSWORD_HASH_METHOD = "pbkdf2:sha256:1000"  # fast hashing keeps the suite quick; tests only
    MATCH_INDEX_BACKGROUND = False  # build the matcher's index in the request, so tests are deterministic
    DEV_OUTBOX = None  # decided from ENV_NAME and MAIL_BACKEND, whatever the developer's environment says
    TRUSTED_PROXIES = 0


def resolve_secret_key(config: dict, instance_path: str) -> str:
    """Return the configured key, or create one in the instance folder outside production."""
    key = config.get("SECRET_KEY")
    if key:
        return key
    if config.get("ENV_NAME") == "production":
        raise ConfigError("SECRET_KEY must be set in production (MATCHMAKER_ENV=production).")
    path = Path(instance_path) / "secret_key"
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    path.write_text(key)
    path.chmod(0o600)
    return key
