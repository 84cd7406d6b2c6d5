"""Fixtures for the articles' tests: an index under the test site's home page, topics and people."""

import pytest

from blog.factories import ArticleIndexPageFactory
from home.factories import PersonFactory, TopicFactory


@pytest.fixture
def index(site_root):
    return ArticleIndexPageFactory(parent=site_root, title="Articles", slug="articles", intro="Our articles.")


@pytest.fixture
def anxiety(db):
    return TopicFactory(name="Anxiety", slug="anxiety", description="Worry that will not settle.")


@pytest.fixture
def grief(db):
    return TopicFactory(name="Grief and loss", slug="grief")


@pytest.fixture
def jordan(db):
    return PersonFactory(
        name="Jordan Reyes",
        role="Licensed clinical social worker",
        credentials="LCSW",
        short_bio="Jordan leads groups.",
    )


@pytest.fixture
def priya(db):
    return PersonFactory(
        name="Priya Natarajan", role="Counselor", credentials="LCMHC", short_bio="Priya teaches skills."
    )
