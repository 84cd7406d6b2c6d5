from http import HTTPStatus
from unittest import mock

import pytest


@pytest.mark.django_db
def test_health_answers_ok_when_database_and_cache_answer(client):
    response = client.get("/health/")
    assert response.status_code == HTTPStatus.OK
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_cache_that_raises_is_degraded_not_down_and_the_reason_stays_in_the_log(client, caplog):
    with mock.patch("home.views.cache.set", side_effect=ConnectionError("redis://secret-host:6379 refused")):
        response = client.get("/health/")
    assert response.status_code == HTTPStatus.OK
    assert response.json() == {"status": "ok", "database": "ok", "cache": "degraded"}
    assert b"secret-host" not in response.content
    assert "the cache did not answer" in caplog.text


@pytest.mark.django_db
def test_redis_on_a_closed_port_is_degraded_not_down(client, redis_down):
    response = client.get("/health/")
    assert response.status_code == HTTPStatus.OK
    assert response.json() == {"status": "ok", "database": "ok", "cache": "degraded"}


@pytest.mark.django_db
def test_health_is_503_when_the_database_does_not_answer(client):
    with mock.patch("home.views.connection.cursor", side_effect=RuntimeError("db://secret-host down")):
        response = client.get("/health/")
    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert response.json() == {"status": "unavailable", "database": "unavailable", "cache": "ok"}
    assert b"secret-host" not in response.content
