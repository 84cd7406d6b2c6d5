"""Staff accounts in a role (the auth groups the migrations make: home/roles.py), and signing them in."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from home.two_factor import must_use_two_factor


def staff_user(role, username, password="pw"):  # noqa: S107 (test accounts)
    """A member of `role`; the role must exist, as the migrations made it."""
    user = get_user_model().objects.create_user(username, f"{username}@example.com", password)
    user.groups.add(Group.objects.get(name=role))
    return user


def authenticator(user):
    """The user's phone: a confirmed TOTP device, made if they have none."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Test phone", confirmed=True)


def current_code(device):
    """The six digits the phone shows now."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def sign_in(client, user):
    """`client.force_login(user)`, as far as the admin lets them: for a role that must use
    two-factor sign-in (administrators, moderators, coordinators), also their phone and a
    session that has typed its code, as after the code page. Nothing is switched off: the
    code is still asked of everyone else the tests sign in."""
    client.force_login(user)
    if must_use_two_factor(user):
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = authenticator(user).persistent_id
        session.save()
    return user
