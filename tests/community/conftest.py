"""Fixtures for the community pages: topics, a small tree of areas, and the index under the home page."""

import pytest

from community.factories import AreaFactory, CommunityIndexPageFactory
from home.factories import TopicFactory


@pytest.fixture
def topics(db):
    return {
        "grief": TopicFactory(name="Grief and loss", slug="grief"),
        "recovery": TopicFactory(name="Addiction and recovery", slug="addiction-recovery"),
        "families": TopicFactory(name="Families and caregivers", slug="families-caregivers"),
        "outdoors": TopicFactory(name="Mindfulness and the outdoors", slug="mindfulness-outdoors"),
    }


@pytest.fixture
def areas(db):
    county = AreaFactory(name="Buncombe County", slug="buncombe-county")
    asheville = AreaFactory(name="Asheville", slug="asheville", parent=county)
    return {
        "county": county,
        "asheville": asheville,
        "west": AreaFactory(name="West Asheville", slug="west-asheville", parent=asheville),
        "black-mountain": AreaFactory(name="Black Mountain", slug="black-mountain", parent=county),
        "weaverville": AreaFactory(name="Weaverville", slug="weaverville", parent=county),
    }


@pytest.fixture
def community_index(site_root):
    return CommunityIndexPageFactory(
        parent=site_root, title="Asheville community", slug="asheville-community", show_in_menus=True
    )
