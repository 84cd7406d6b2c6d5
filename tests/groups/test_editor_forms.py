"""The support group's edit form: tabs staff recognize, and mistakes explained with how to fix them."""

import datetime
import re
from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from groups.choices import Frequency, MeetingFormat, Weekday
from groups.factories import VenueFactory
from groups.models import SupportGroupPage
from home.factories import TopicFactory

pytestmark = pytest.mark.django_db

# A Tuesday.
FIRST_TUESDAY = datetime.date(2025, 1, 7)


def group_form(group, rules=None, cancelled=(), **fields):
    rules = rules if rules is not None else [{}]
    return nested_form_data(
        {
            "title": group.title,
            "slug": group.slug,
            "summary": "A weekly circle for people living with loss.",
            "description": streamfield([]),
            "audience": "adults",
            "led_by": "professional",
            "facilitators": inline_formset([]),
            "last_verified": "2025-01-07",
            "meeting_format": MeetingFormat.IN_PERSON,
            "venue": group.venue_id or "",
            "online_platform": "",
            "online_meeting_url": "",
            "meeting_rules": inline_formset(
                [
                    {
                        "frequency": Frequency.WEEKLY,
                        "weekday": Weekday.TUESDAY,
                        "week_of_month": "",
                        "start_time": "18:30",
                        "end_time": "20:00",
                        "first_date": FIRST_TUESDAY.isoformat(),
                        "last_date": "",
                        **rule,
                    }
                    for rule in rules
                ],
                min=1,
            ),
            "cancelled_meetings": inline_formset([{"date": date.isoformat(), "note": ""} for date in cancelled]),
            "status": "open",
            "capacity": "",
            "how_to_join": rich_text("<p>Send the form.</p>"),
            "first_meeting": rich_text("<p>Nobody has to share.</p>"),
            "cost": "free",
            "cost_details": "",
            "insurance_note": "",
            "comments": inline_formset([]),
            **fields,
        }
    )


def edit(client, group, data):
    return client.post(reverse("wagtailadmin_pages:edit", args=[group.pk]), data)


@pytest.fixture
def group(make_group):
    return make_group(title="Tuesday grief circle")


def test_the_edit_form_has_the_tabs_staff_think_in(admin_client, group):
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[group.pk])).content.decode()
    handler = SupportGroupPage.get_edit_handler()
    tabs = ["Content", "Schedule and place", "Joining", "Promotion", "Settings"]
    assert [tab.heading for tab in handler.children] == tabs
    for tab in tabs[:4]:
        assert tab in html, tab
    joining = next(tab for tab in handler.children if tab.heading == "Joining")
    assert {"status", "capacity", "how_to_join", "cost"} <= set(joining.get_form_options()["fields"])


def test_every_group_field_explains_itself():
    skip = {"page_ptr", "id", "reading_time"}
    local = [f for f in SupportGroupPage._meta.get_fields() if f.model is SupportGroupPage and f.concrete]
    for field in local:
        if field.name not in skip and field.editable:
            assert field.help_text, field.name


def test_a_valid_edit_is_saved(admin_client, group):
    response = edit(admin_client, group, group_form(group))
    assert response.status_code == HTTPStatus.FOUND


def test_the_admin_form_says_how_to_fix_an_end_time_before_the_start(admin_client, group):
    response = edit(admin_client, group, group_form(group, rules=[{"start_time": "18:30", "end_time": "17:00"}]))
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "The meeting ends before it starts: set the end time after the start time (6:30pm)" in html


def test_the_admin_form_says_a_monthly_rule_needs_its_week(admin_client, group):
    response = edit(admin_client, group, group_form(group, rules=[{"frequency": Frequency.MONTHLY}]))
    assert "Monthly groups need a week of the month" in response.content.decode()


def test_the_admin_form_refuses_a_group_with_nowhere_to_meet(admin_client, group):
    response = edit(admin_client, group, group_form(group, venue=""))
    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "A group needs somewhere to meet" in html


def test_the_admin_form_refuses_a_cancelled_date_the_group_does_not_meet(admin_client, group):
    wednesday = FIRST_TUESDAY + datetime.timedelta(days=8)
    response = edit(admin_client, group, group_form(group, cancelled=[wednesday]))
    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "The group does not meet on Wednesday, January 15, 2025, so there is nothing to cancel" in html
    assert "It meets every Tuesday, 6:30pm to 8pm" in html
    assert not group.revisions.exists()  # nothing saved


def test_a_cancelled_date_before_or_after_the_schedule_is_explained(admin_client, group):
    before = FIRST_TUESDAY - datetime.timedelta(days=7)
    html = edit(admin_client, group, group_form(group, cancelled=[before])).content.decode()
    assert "is before the group&#x27;s schedule starts" in html
    last = FIRST_TUESDAY + datetime.timedelta(days=28)
    after = last + datetime.timedelta(days=7)
    data = group_form(group, rules=[{"last_date": last.isoformat()}], cancelled=[after])
    assert "is after the group&#x27;s schedule ends" in edit(admin_client, group, data).content.decode()


def test_a_cancelled_meeting_day_is_accepted(admin_client, group):
    tuesday = FIRST_TUESDAY + datetime.timedelta(days=14)
    response = edit(admin_client, group, group_form(group, cancelled=[tuesday]))
    assert response.status_code == HTTPStatus.FOUND
    group.refresh_from_db()
    draft = group.get_latest_revision_as_object()
    assert [cancelled.date for cancelled in draft.cancelled_meetings.all()] == [tuesday]


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"venue": None, "online_meeting_url": ""}, "venue", "choose a venue (in person), add the online meeting"),
        ({"meeting_format": MeetingFormat.HYBRID}, "online_meeting_url", "Online and hybrid groups need the"),
        (
            {"meeting_format": MeetingFormat.IN_PERSON, "venue": None, "online_meeting_url": "https://meet.example"},
            "venue",
            "In-person and hybrid groups need a venue",
        ),
    ],
)
def test_the_group_says_where_it_needs_to_meet(fields, field, message):
    group = SupportGroupPage(title="Group", summary="A group.", venue=VenueFactory.build(pk=1), **{})
    group.venue_id = 1
    for name, value in fields.items():
        setattr(group, name, value)
    if fields.get("venue", "keep") is None:
        group.venue_id = None
    with pytest.raises(ValidationError) as error:
        group.clean()
    assert message in " ".join(error.value.message_dict[field])


def test_topics_are_tick_boxes_with_every_topic_in_sight(admin_client, group):
    """As on articles (and as docs/editors.md says): tick the Topics, no Ctrl-click list box."""
    grief = TopicFactory(name="Grief and loss", slug="grief")
    TopicFactory(name="Trauma", slug="trauma")
    group.topics.set([grief])
    group.save_revision()
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[group.pk])).content.decode()
    assert '<select name="topics"' not in html
    boxes = re.findall(r'<input type="checkbox" name="topics"[^>]*>\s*([^<]+?)\s*</label>', html)
    assert boxes == ["Grief and loss", "Trauma"]
    ticked = re.findall(r'<input type="checkbox" name="topics"[^>]* checked[^>]*>\s*([^<]+?)\s*</label>', html)
    assert ticked == ["Grief and loss"]
