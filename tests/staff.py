"""Staff accounts in a role (the auth groups the migrations make: home/roles.py)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group


def staff_user(role, username, password="pw"):  # noqa: S107 (test accounts)
    """A member of `role`; the role must exist, as the migrations made it."""
    user = get_user_model().objects.create_user(username, f"{username}@example.com", password)
    user.groups.add(Group.objects.get(name=role))
    return user
