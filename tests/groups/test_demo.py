"""The groups' demo content covers what the finder must show, loads once, and multiplies for the benchmark."""

import pytest
from django.core.management import call_command

from groups import demo
from groups.choices import Audience, Cost, Frequency, GroupStatus, LedBy, MeetingFormat
from groups.models import MeetingRule, SupportGroupIndexPage, SupportGroupPage, Venue
from home.models import HomePage, Person

pytestmark = pytest.mark.django_db


def test_demo_groups_cover_every_kind_and_load_once(client, demo_site):
    counts = (SupportGroupPage.objects.count(), Venue.objects.count(), MeetingRule.objects.count())
    call_command("load_demo_content", verbosity=0)
    assert (SupportGroupPage.objects.count(), Venue.objects.count(), MeetingRule.objects.count()) == counts

    groups = list(SupportGroupPage.objects.live().prefetch_related("meeting_rules", "topics"))
    assert len(groups) >= 10
    assert {g.meeting_format for g in groups} == set(MeetingFormat.values)
    assert {g.led_by for g in groups} == set(LedBy.values)
    assert {r.frequency for g in groups for r in g.meeting_rules.all()} == set(Frequency.values)
    assert {-1, 2} <= {r.week_of_month for g in groups for r in g.meeting_rules.all()}
    assert {Cost.FREE, Cost.SLIDING_SCALE, Cost.FEE} <= {g.cost for g in groups}
    assert {GroupStatus.OPEN, GroupStatus.WAITLIST, GroupStatus.CLOSED} <= {g.status for g in groups}
    assert len({g.audience for g in groups}) >= 5 and Audience.LGBTQ in {g.audience for g in groups}
    assert len({t.slug for g in groups for t in g.topics.all()}) >= 6
    towns = set(Venue.objects.values_list("locality", flat=True)) | set(Venue.objects.values_list("area", flat=True))
    assert {"Asheville", "Black Mountain", "Weaverville", "West Asheville"} <= towns
    assert all("demo" in venue.name for venue in Venue.objects.all())
    assert all("Demo profile" in bio for bio in Person.objects.values_list("short_bio", flat=True))
    assert all(g.meets_in_person or g.online_meeting_url for g in groups)

    finder = SupportGroupIndexPage.objects.get()
    assert finder.show_in_menus
    assert HomePage.objects.get().cta_page.specific == finder
    assert client.get(finder.url).status_code == 200
    for group in groups:
        assert client.get(group.url).status_code == 200, group.url


def test_multiply_adds_copies_for_the_benchmark(demo_site):
    count = SupportGroupPage.objects.count()
    demo.multiply(3, log=lambda message: None)
    assert SupportGroupPage.objects.count() == 3 * count
    assert all(url.startswith("/") for _, url in demo.bench_urls())


@pytest.mark.parametrize("edited", [False, True])
def test_the_finder_help_of_an_earlier_demo_is_not_said_twice(client, finder, make_group, practice, edited):
    """The help ("Not sure which group is right?") is now the finder's own, with the office's number as a
    link; a finder body still holding the earlier demo's copy of it is emptied, an edited one kept."""
    make_group(title="Tuesday grief circle")
    body = [{"type": block_type, "value": value} for block_type, value in demo.OLD_FINDER_HELP]
    if edited:
        body[1]["value"] = body[1]["value"].replace("That is normal", "That is quite normal")
    finder.body = body
    finder.save_revision().publish()

    demo.drop_old_finder_help(SupportGroupIndexPage.objects.get(), log=lambda message: None)

    html = client.get(finder.url).content.decode()
    assert html.count("Not sure which group is right?") == (2 if edited else 1)
    assert "call the office on <a href=" in html
