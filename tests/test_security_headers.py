"""Security headers on every kind of response, and the grade Mozilla's HTTP Observatory would give them."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_api_docs_use_the_sites_own_copy_of_swagger_ui(client):
    body = client.get("/api/v3/docs/").content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', body)
    assert "/static/ninja/swagger-ui-bundle.js" in sources
    assert [source for source in sources if not source.startswith("/")] == []
