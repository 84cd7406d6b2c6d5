"""Error pages: a styled 404 and a 500 page that renders without the database."""

from http import HTTPStatus

import pytest
from django.test import RequestFactory
from django.views.defaults import server_error


@pytest.mark.django_db
def test_404_is_styled_and_helpful(client, site_root):
    response = client.get("/no-such-page/")
    html = response.content.decode()
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "We can't find that page" in html
    assert 'href="/search/"' in html
    assert "Need help now?" in html  # the crisis bar, from site settings


def test_500_page_renders_without_the_database():
    # No django_db marker: any database query here fails the test.
    response = server_error(RequestFactory().get("/"))
    html = response.content.decode()
    assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
    assert "Something went wrong on our side" in html
    assert 'href="tel:988"' in html
    # Styled like every page, from the stylesheets that need no area (base.html's first links).
    for sheet in ("tokens", "base", "components", "print"):
        assert f"/static/css/{sheet}.css" in html
