"""Fixtures for the contact page."""

import pytest

from home.factories import ContactPageFactory


@pytest.fixture
def contact_page(site_root, practice):
    return ContactPageFactory(parent=site_root, title="Contact us", slug="contact", show_in_menus=True)
