"""Staff enter event times in Asheville time: the admin offers no other time zone."""

from wagtail.admin.localization import get_available_admin_time_zones


def test_the_admin_offers_asheville_time_only():
    assert get_available_admin_time_zones() == ["America/New_York"]
