"""Production settings: they stop at start-up without their secrets and pass `check --deploy`."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent
# Each test but one runs manage.py in a process of its own, on a database of its own (below): the same
# whatever DATABASE_URL says, so CI runs them once (`own_servers`).
own_process = pytest.mark.own_servers

REALISTIC_ENVIRONMENT = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "a-long-random-production-key-3f9c1b7e5d2a8f4c6e0b9d7a1c3e5f7b9d1a3c5e7f9b",
    "ALLOWED_HOSTS": "resilientmind.example,www.resilientmind.example",
    "DATABASE_URL": "sqlite:////tmp/rmc-settings-test.sqlite3",
    "EMAIL_URL": "smtp+tls://website:password@smtp.resilientmind.example:587",
    "WAGTAILADMIN_BASE_URL": "https://resilientmind.example",
}


def run_manage(*args, env):
    # The test process's own settings (DJANGO_ALLOW_ASYNC_UNSAFE among them) stay out of production.
    leave_out = {*REALISTIC_ENVIRONMENT, "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean_env = {key: value for key, value in os.environ.items() if key not in leave_out}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@own_process
@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_stops_when_a_required_variable_is_missing(missing):
    env = {key: value for key, value in REALISTIC_ENVIRONMENT.items() if key != missing}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert f"The environment variable {missing} is required in production" in result.stderr


@own_process
def test_production_passes_check_deploy_without_a_warning():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=REALISTIC_ENVIRONMENT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@own_process
def test_check_deploy_warns_behind_a_proxy_with_no_trusted_proxy_count():
    behind_a_proxy = {**REALISTIC_ENVIRONMENT, "USE_X_FORWARDED_PROTO": "true"}
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=behind_a_proxy)
    assert result.returncode != 0 and "home.W001" in result.stderr + result.stdout
    counted = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", env={**behind_a_proxy, "TRUSTED_PROXY_COUNT": "1"}
    )
    assert counted.returncode == 0, counted.stderr


@own_process
def test_false_is_read_as_false():
    env = {**REALISTIC_ENVIRONMENT, "SECURE_SSL_REDIRECT": "false"}
    result = run_manage("shell", "-c", "from django.conf import settings; print(settings.SECURE_SSL_REDIRECT)", env=env)
    assert result.stdout.strip().splitlines()[-1] == "False", result.stderr


@pytest.mark.django_db
def test_sqlite_is_set_up_for_several_editors_at_once():
    """WAL, IMMEDIATE transactions and a busy timeout, on the database the tests themselves use."""
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] == 20_000
        cursor.execute("PRAGMA synchronous")
        assert cursor.fetchone()[0] == 1  # NORMAL
    assert connection.transaction_mode == "IMMEDIATE"


@own_process
def test_make_run_with_debug_off_still_serves_static_files_and_media(tmp_path):
    """`DEBUG=false make run` shows the site's own error pages; its CSS and pictures still load."""
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "ridge.txt").write_text("a picture", encoding="utf-8")
    env = {
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
        "MEDIA_ROOT": str(tmp_path),
    }
    code = (
        "from django.conf import settings; from django.test import Client; client = Client(HTTP_HOST='127.0.0.1'); "
        "print(settings.DEBUG, client.get('/static/css/base.css').status_code, "
        "client.get('/media/images/ridge.txt').status_code)"
    )
    result = run_manage("shell", "-c", code, env=env)
    assert result.stdout.strip().splitlines()[-1] == "False 200 200", result.stdout + result.stderr
