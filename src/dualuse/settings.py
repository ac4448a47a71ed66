"""Configuration: the only module that reads os.environ. Every variable has a row in docs/settings.md."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent


def env_str(name: str, default: str) -> str:
    """An unset or empty variable takes the default (so `DATABASE_URL=` means the embedded SQLite)."""
    return os.environ.get(name) or default


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name, str(default)).strip().lower()
    if raw not in {"true", "false", "1", "0", "yes", "no"}:
        raise ImproperlyConfigured(f"{name}={raw!r}: expected true or false")
    return raw in {"true", "1", "yes"}


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, str(default))
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name}={raw!r}: expected a whole number") from exc


def env_list(name: str, default: str) -> list[str]:
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


def env_choice(name: str, default: str, choices: set[str]) -> str:
    raw = os.environ.get(name, default)
    if raw not in choices:
        raise ImproperlyConfigured(f"{name}={raw!r}: expected one of {sorted(choices)}")
    return raw


DEBUG = env_bool("DUALUSE_DEBUG", False)
DATA_DIR = Path(env_str("DUALUSE_DATA_DIR", str(PROJECT_DIR / "var")))
SECRET_KEY = env_str("DUALUSE_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and env_bool("DUALUSE_REQUIRE_SECRET_KEY", False):
        raise ImproperlyConfigured("DUALUSE_SECRET_KEY must be set in production")
    SECRET_KEY = "dualuse-insecure-development-key-change-me"  # noqa: S105 - development default, documented
ALLOWED_HOSTS = env_list("DUALUSE_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("DUALUSE_CSRF_TRUSTED_ORIGINS", "")
SHARED_DATA_DIR = Path(env_str("DUALUSE_SHARED_DATA_DIR", str(PROJECT_DIR.parent / "shared" / "data")))
# Art 5(6) is the law; "objection_qmv" is the European Parliament's 2018 model (see docs/settings.md).
CATCH_ALL_RULE = env_choice("DUALUSE_CATCH_ALL_RULE", "art5_6", {"art5_6", "objection_qmv"})
CELERY_BROKER_URL = env_str("DUALUSE_BROKER_URL", "")
SCREENING_THRESHOLD = float(env_str("DUALUSE_SCREENING_THRESHOLD", "0.70"))
UPLOAD_MAX_BYTES = env_int("DUALUSE_UPLOAD_MAX_BYTES", 10 * 1024 * 1024)
REQUIRE_OTP_FOR_AUTHORITIES = env_bool("DUALUSE_REQUIRE_OTP", True)
# The public dataset's small-cell rule: each published combination covers at least this many exporters.
TRANSPARENCY_MIN_EXPORTERS = env_int("DUALUSE_TRANSPARENCY_MIN_EXPORTERS", 3)
# Art 12(4) [S]: individual and global authorisations are valid up to 2 years, large projects up to 4.
LICENCE_MAX_MONTHS = env_int("DUALUSE_LICENCE_MAX_MONTHS", 24)
LARGE_PROJECT_MAX_MONTHS = env_int("DUALUSE_LARGE_PROJECT_MAX_MONTHS", 48)
# No EU deadline for deciding an application: each authority sets its own target (the "overdue" queue).
CASE_TARGET_WORKING_DAYS = env_int("DUALUSE_CASE_TARGET_WORKING_DAYS", 30)

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.admin",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "ninja",
    "dualuse.core",
    "dualuse.accounts",
    "dualuse.controllist",
    "dualuse.screening",
    "dualuse.determination",
    "dualuse.licensing",
    "dualuse.cooperation",
    "dualuse.diligence",
    "dualuse.transparency",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "dualuse.core.middleware.ContentSecurityPolicyMiddleware",
]

ROOT_URLCONF = "dualuse.urls"
WSGI_APPLICATION = "dualuse.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "dualuse.core.context.navigation",
            ]
        },
    }
]

_default_db = f"sqlite:///{DATA_DIR / 'db.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(env_str("DATABASE_URL", _default_db), conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while one writer writes; IMMEDIATE avoids lock upgrades that fail under load.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    if DATABASES["default"]["NAME"] == str(DATA_DIR / "db.sqlite3"):
        DATA_DIR.mkdir(parents=True, exist_ok=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("de", "Deutsch"), ("fr", "Français")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "static"
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "/media/"
# WhiteNoise serves static files from the app itself (runserver with DEBUG off, gunicorn workers): no
# separate web server is needed; finders let a fresh checkout work before `collectstatic`.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env_bool("DUALUSE_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DUALUSE_LOG_LEVEL", "WARNING")},
}
