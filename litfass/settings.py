"""Django settings for litfass, configured from the environment only.

Every setting has a default for one machine (SQLite, local files, local-memory cache, a
database-backed task worker). Production (``LITFASS_ENV=production``) requires ``SECRET_KEY``
and ``ALLOWED_HOSTS`` and switches on the secure defaults that ``manage.py check --deploy`` wants.
See README.md for the full list of variables.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from urllib.parse import unquote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from litfass.embeds.origins import frame_src_origins

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool) -> bool:
    value = env(name)
    if not value:
        return default
    return value.lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


LITFASS_ENV = env("LITFASS_ENV", "development")
if LITFASS_ENV not in {"development", "production", "test"}:
    raise ImproperlyConfigured("LITFASS_ENV must be development, production or test.")
PRODUCTION = LITFASS_ENV == "production"
TESTING = LITFASS_ENV == "test"

DATA_DIR = Path(env("LITFASS_DATA_DIR", str(PROJECT_DIR / "var"))).resolve()
DEBUG = env_bool("DEBUG", default=False)


def _secret_key() -> str:
    value = env("SECRET_KEY")
    if value:
        return value
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set in production.")
    # Development keeps a generated key in a local file so sessions survive restarts.
    key_file = DATA_DIR / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    value = secrets.token_urlsafe(50)
    key_file.write_text(value)
    key_file.chmod(0o600)
    return value


SECRET_KEY = _secret_key()

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in production.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "litfass.core",
    "litfass.accounts",
    "litfass.places",
    "litfass.images",
    "litfass.content",
    "litfass.social",
    "litfass.embeds",
    "litfass.demo",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_tasks_db",
    "django_prose_editor",
    "js_lib_htmx",
    "allauth",
    "allauth.account",
    "allauth.mfa",
]

MIDDLEWARE = [
    # First: a cached page is answered before any other middleware runs; it carries the headers
    # the rest of the stack (security, CSP, language) gave it when it was rendered.
    "litfass.content.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # The code-embed origin answers snippets only: before sessions, CSRF and the site's pages.
    # The page cache in front of it keys pages by host, so it never mixes the two origins.
    "litfass.embeds.middleware.CodeOriginMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
]

ROOT_URLCONF = "litfass.urls"
WSGI_APPLICATION = "litfass.wsgi.application"

_context_processors = [
    "django.template.context_processors.request",
    "django.template.context_processors.csp",
    "django.template.context_processors.i18n",
    "django.contrib.auth.context_processors.auth",
    "django.contrib.messages.context_processors.messages",
    "litfass.content.context_processors.site",
]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": _context_processors},
    }
]

# --- Database ---------------------------------------------------------------------------------
DATABASE_URL = env("DATABASE_URL", f"sqlite:///{DATA_DIR / 'litfass.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=600)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and the writer work side by side; IMMEDIATE transactions and a busy
    # timeout make concurrent writers wait instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # A connection per worker thread is kept open: opening one costs more than most queries.
    DATABASES["default"]["CONN_MAX_AGE"] = 600
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test.sqlite3")}
else:
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ------------------------------------------------------------------------------------
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("LITFASS_CACHE_PREFIX", "litfass"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Seconds an anonymous page stays in the page cache; 0 switches the page cache off.
LITFASS_PAGE_CACHE_SECONDS = int(env("LITFASS_PAGE_CACHE_SECONDS", "0" if TESTING else "60"))

# --- Background tasks -------------------------------------------------------------------------
_task_backends = {
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
    "dummy": "django.tasks.backends.dummy.DummyBackend",
}
TASKS_BACKEND = env("LITFASS_TASKS", "immediate" if TESTING else "database")
if TASKS_BACKEND not in _task_backends:
    raise ImproperlyConfigured("LITFASS_TASKS must be one of: " + ", ".join(_task_backends))
TASKS = {"default": {"BACKEND": _task_backends[TASKS_BACKEND]}}

# --- Files ------------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(DATA_DIR / "static")))
MEDIA_URL = env("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(DATA_DIR / "media")))
# Largest upload accepted in bytes, and largest picture in pixels (against decompression bombs).
LITFASS_MAX_UPLOAD_BYTES = 32 * 1024 * 1024
LITFASS_MAX_IMAGE_PIXELS = 50_000_000
# A newcomer's first N posts need an editor's approval; 0 lets everybody publish directly.
LITFASS_APPROVAL_POSTS = int(env("LITFASS_APPROVAL_POSTS", "2"))
# Days a deleted post's pictures are kept before `litfass purge_deleted` removes them.
LITFASS_DELETE_GRACE_DAYS = int(env("LITFASS_DELETE_GRACE_DAYS", "7"))
# Widths of the responsive renditions made for every picture.
LITFASS_RENDITION_WIDTHS = (480, 960, 1600)

S3_BUCKET = env("LITFASS_S3_BUCKET")
_media_storage: dict[str, object] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": str(MEDIA_ROOT), "base_url": MEDIA_URL},
}
if S3_BUCKET:
    _media_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env("LITFASS_S3_ENDPOINT_URL") or None,
            "region_name": env("LITFASS_S3_REGION") or None,
            "access_key": env("LITFASS_S3_ACCESS_KEY") or None,
            "secret_key": env("LITFASS_S3_SECRET_KEY") or None,
            "custom_domain": env("LITFASS_S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": False,
            "file_overwrite": False,
            "default_acl": None,
        },
    }
STORAGES = {
    "default": _media_storage,
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION
if not PRODUCTION:
    # Development serves static files from the apps; WhiteNoise still expects the folder.
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)

# --- E-mail -----------------------------------------------------------------------------------
# Development prints e-mail to the console; production hands it to the local mail server.
EMAIL_URL = env("EMAIL_URL", "smtp://localhost:25" if PRODUCTION else "console://")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "litfass <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL


def _mailer(url: str) -> dict[str, object]:
    parts = urlsplit(url)
    if parts.scheme == "console":
        return {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if parts.scheme == "locmem":
        return {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    if parts.scheme in {"smtp", "smtps", "smtp+tls"}:
        return {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": parts.hostname or "localhost",
                "port": parts.port or (465 if parts.scheme == "smtps" else 587),
                "username": unquote(parts.username or ""),
                "password": unquote(parts.password or ""),
                "use_ssl": parts.scheme == "smtps",
                "use_tls": parts.scheme == "smtp+tls",
            },
        }
    raise ImproperlyConfigured(
        "EMAIL_URL must start with console://, locmem://, smtp://, smtps:// or smtp+tls://"
    )


MAILERS = {"default": _mailer(EMAIL_URL)}

# --- Accounts ---------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "litfass.accounts.passwords.GuessablePasswordValidator"},
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "content:home"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_SESSION_REMEMBER = None  # the login form asks "stay logged in"
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SIGNUP_FORM_CLASS = "litfass.accounts.forms.SignupForm"
ACCOUNT_ADAPTER = "litfass.accounts.adapter.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
}
ACCOUNT_USER_DISPLAY = "litfass.accounts.adapter.user_display"
ACCOUNT_EMAIL_NOTIFICATIONS = True
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env("LITFASS_SITE_NAME", "litfass")

# --- Language and time ------------------------------------------------------------------------
LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env("TIME_ZONE", "Europe/Berlin")
USE_I18N = True
USE_TZ = True

# --- The site ---------------------------------------------------------------------------------
LITFASS_SITE_NAME = env("LITFASS_SITE_NAME", "litfass")
LITFASS_DEFAULT_PLACE = env("LITFASS_DEFAULT_PLACE", "kaiserslautern")
# Radius in kilometres that counts as "surroundings" of a place.
LITFASS_SURROUNDINGS_KM = float(env("LITFASS_SURROUNDINGS_KM", "15"))

# --- Social and embeds ------------------------------------------------------------------------
# The public address of the site, for links in e-mails and to recognise our own post links.
LITFASS_SITE_URL = env(
    "LITFASS_SITE_URL",
    f"https://{ALLOWED_HOSTS[0]}" if PRODUCTION else "http://localhost:8000",
).rstrip("/")
# A separate domain (not a subdomain) where embedded code runs sandboxed; empty: no code embeds.
LITFASS_CODE_EMBED_ORIGIN = env("LITFASS_CODE_EMBED_ORIGIN")
LITFASS_MASTODON_INSTANCES = env_list(
    "LITFASS_MASTODON_INSTANCES", "mastodon.social,chaos.social,social.bund.de,norden.social"
)
# Embed providers that are switched on (by slug); unset means all of them.
LITFASS_EMBED_PROVIDERS = env_list("LITFASS_EMBED_PROVIDERS") or None
LITFASS_DAILYMOTION_PLAYER_ID = env("LITFASS_DAILYMOTION_PLAYER_ID")
# Comment flood limits: (comments, seconds) per account and per IP address, and the pause.
LITFASS_COMMENT_RATE_ACCOUNT = (5, 60)
LITFASS_COMMENT_RATE_IP = (20, 600)
LITFASS_COMMENT_MIN_INTERVAL = 10

# --- Security ---------------------------------------------------------------------------------
SECURE_CSP = {
    "default-src": [CSP.SELF],
    # The nonce is used only where a page needs an import map (the rich-text editor).
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, *([MEDIA_URL] if MEDIA_URL.startswith("https://") else [])],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    # Exactly the enabled embed providers' player origins and the code-embed origin.
    "frame-src": frame_src_origins(globals()) or [CSP.NONE],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Proxies in front of the app (addresses or networks) whose X-Forwarded-For is believed, for
# the per-address comment limit; a direct client cannot claim an address this way.
LITFASS_TRUSTED_PROXIES = env_list("LITFASS_TRUSTED_PROXIES", "127.0.0.1,::1")
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
