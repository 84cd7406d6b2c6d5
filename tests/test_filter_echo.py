"""What a visitor typed is said back without its control characters, on every page that says it back.

The finder, the articles index and the community index name each filter value
they left out (home/filters.py `printable`), the search page shows the query
(home/views.py), and the finder's calendar is named after its filters
(`describe`): none may carry NUL or another control character into the page,
which browsers' parsers report ("Saw U+0000 in stream") and may mangle.
"""

import unicodedata

import pytest

CONTROL = "%00%01%07%08%0B%0C%1B%7F%C2%80%C2%85%C2%9F%ED%A0%80"

ECHOES = [
    "/support-groups/?topic={}",
    "/support-groups/?topic=grief{}",
    "/support-groups/?day={}tuesday&meeting_format={}",
    "/support-groups/?audience={}&led_by={}&free={}&open={}&time_of_day={}",
    "/articles/?topic={}",
    "/articles/?topic=anxiety{}",
    "/articles/?page={}",
    "/asheville-community/?topic={}&area={}",
    "/asheville-community/?area=asheville{}",
    "/search/?query={}",
    "/search/?query=grief{}circle",
    "/search/?query=grief&page={}",
]


def control_characters(text):
    found = {ch for ch in text if unicodedata.category(ch) in {"Cc", "Cs"} and ch not in "\t\n\r"}
    return sorted(f"U+{ord(ch):04X}" for ch in found)


@pytest.mark.parametrize("url", ECHOES)
def test_no_control_character_is_echoed_into_the_page(client, demo_site, url):
    response = client.get(url.replace("{}", CONTROL))
    assert response.status_code == 200
    assert control_characters(response.content.decode()) == []


def test_the_finders_calendar_name_carries_no_control_character(client, demo_site):
    response = client.get(f"/groups/calendar.ics?topic=grief&day={CONTROL}")
    assert response.status_code == 200
    assert control_characters(response.content.decode()) == []


def test_what_was_left_out_is_still_named_in_printable_characters(client, demo_site):
    html = client.get("/support-groups/?topic=gr%00ief%01s").content.decode()
    assert "We left out part of your search" in html
    assert "“griefs”" in html
