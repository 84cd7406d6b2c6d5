"""The sitemap lists What's on and each event; a past event stays, marked as never changing."""

import datetime

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db


def test_sitemap_lists_the_index_and_events(client, make_event, events_index):
    now = timezone.now().replace(microsecond=0)
    coming = make_event(slug="coming")
    over = make_event(
        slug="over", dates=[(now - datetime.timedelta(days=3), now - datetime.timedelta(days=3, hours=-1))]
    )
    text = client.get("/sitemap.xml").content.decode()
    for page in (events_index, coming, over):
        assert f"<loc>{page.get_full_url()}</loc>" in text
    after_past = text.split(f"<loc>{over.get_full_url()}</loc>", 1)[1].split("</url>", 1)[0]
    assert "<changefreq>never</changefreq>" in after_past
    after_coming = text.split(f"<loc>{coming.get_full_url()}</loc>", 1)[1].split("</url>", 1)[0]
    assert "never" not in after_coming
