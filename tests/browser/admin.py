"""Signing in to the admin in a real browser, as staff do: the password, then the code if asked."""

import re

from tests.staff import current_code


def sign_in(page, base_url, username, password, phone=None):
    """The password; then, for someone with an authenticator app (`phone`), a code from it."""
    page.goto(f"{base_url}/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    if phone is not None:
        page.wait_for_url(re.compile(r"/admin/two-factor/code/"))
        page.get_by_label("Code").fill(current_code(phone))
        page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"{base_url}/admin/")
