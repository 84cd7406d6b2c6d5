"""An event's "details checked" date (`last_verified`) everywhere a reader meets the event off the page.

The page and JSON-LD are pinned in test_index.py and test_json_ld.py; here the API (v2 and v3,
with v3's OpenAPI type), the event's .ics and the all-events .ics, and HSDS's `assured_date`.
"""

import datetime
from http import HTTPStatus

import pytest
from icalendar import Calendar

from home.api import hsds
from tests.test_hsds import get

pytestmark = pytest.mark.django_db

CHECKED = datetime.date(2026, 3, 5)
IN_WORDS = "Details last checked on March 5, 2026."


@pytest.fixture
def event(make_event):
    return make_event(title="Checked walk", last_verified=CHECKED)


def test_the_api_v2_and_v3_give_the_date_the_details_were_checked(client, event):
    for version in ("v2", "v3"):
        response = client.get(f"/api/{version}/pages/{event.pk}/")
        assert response.status_code == HTTPStatus.OK, version
        assert response.json()["last_verified"] == "2026-03-05", version
    listed = client.get("/api/v2/pages/", {"type": "events.EventPage", "fields": "last_verified"}).json()
    assert [item["last_verified"] for item in listed["items"]] == ["2026-03-05"]
    schemas = client.get("/api/v3/openapi.json").json()["components"]["schemas"]
    assert schemas["EventPageSchema"]["properties"]["last_verified"]["format"] == "date"


def test_the_calendars_say_when_the_details_were_checked(client, event):
    for url in (event.get_calendar_path(), "/events/calendar.ics"):
        response = client.get(url)
        assert response.status_code == HTTPStatus.OK, url
        (component,) = Calendar.from_ical(response.content).walk("VEVENT")
        assert IN_WORDS in str(component["DESCRIPTION"]), url


def test_hsds_gives_the_date_as_assured_date(client, event, practice):
    service = get(client, f"/services/{hsds.hsds_id('event-service', event.pk)}")
    assert service["name"] == "Checked walk"
    assert service["assured_date"] == "2026-03-05"
    listed = {item["name"]: item for item in get(client, "/services?per_page=50")["contents"]}
    assert listed["Checked walk"]["assured_date"] == "2026-03-05"
