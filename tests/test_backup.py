"""The backup and restore in docs/deployment.md, run for real on PostgreSQL.

Skipped on SQLite (the documented backup is pg_dump), run in CI's PostgreSQL pass.
"""

import shutil
import subprocess
import uuid

import psycopg
import pytest
from django.db import connection

from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def conninfo(dbname):
    params = connection.get_connection_params()
    parts = {"host": params.get("host"), "port": params.get("port"), "user": params.get("user"), "dbname": dbname}
    return " ".join(f"{key}={value}" for key, value in parts.items() if value)


@pytest.mark.skipif(shutil.which("pg_dump") is None, reason="pg_dump is not installed")
def test_pg_dump_and_restore_bring_back_the_content(site_root, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("The documented backup uses pg_dump: runs when DATABASE_URL points at PostgreSQL")
    marker = f"Restored page {uuid.uuid4().hex[:8]}"
    StandardPageFactory(parent=site_root, slug="restore-check", title=marker)
    dump = tmp_path / "backup.dump"
    restored = f"rmc_restore_{uuid.uuid4().hex[:8]}"
    source = conninfo(connection.settings_dict["NAME"])

    subprocess.run(["pg_dump", "--format=custom", "--no-owner", f"--file={dump}", source], check=True)
    with psycopg.connect(conninfo("postgres"), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{restored}"')
    try:
        subprocess.run(["pg_restore", "--no-owner", f"--dbname={conninfo(restored)}", str(dump)], check=True)
        with psycopg.connect(conninfo(restored)) as copy:
            titles = [row[0] for row in copy.execute("SELECT title FROM wagtailcore_page")]
        assert marker in titles
    finally:
        with psycopg.connect(conninfo("postgres"), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{restored}"')
