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
def test_health_says_unavailable_without_leaking_why(client):
    with mock.patch("home.views.cache.set", side_effect=ConnectionError("redis://secret-host:6379 refused")):
        response = client.get("/health/")
    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert response.json() == {"status": "unavailable", "database": "ok", "cache": "unavailable"}
    assert b"secret-host" not in response.content
