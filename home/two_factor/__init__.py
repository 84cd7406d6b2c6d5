"""Two-factor sign-in: a code from an authenticator app on the phone, after the password.

Built on django-otp (its TOTP and static-token devices) with a few admin views of our own,
because wagtail-2fa 1.8.0 has no recovery codes, declares and tests nothing newer than
Wagtail 4 / Django 4.1 in its classifiers and tox matrix, and checks a permission name that
does not exist ("user.change_user") for administrators managing others' devices.

- Who must: administrators and the roles in `home.roles.TWO_FACTOR_ROLES`; anyone else who has
  set it up is asked for a code too.
- `middleware.TwoFactorMiddleware` sends such a user, signed in with a password only, to set it
  up (no device yet) or to type a code (a device), before any other page.
- `views`: set-up with a QR code drawn here (segno, inline SVG: nothing leaves the site), the
  code page, recovery codes shown once, the user's own page to manage it, and an administrator's
  reset for a lost phone.
"""

from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from home.roles import HEALTH_INFORMATION_PERMISSIONS, TWO_FACTOR_ROLES

RECOVERY_CODE_COUNT = 10
RECOVERY_DEVICE_NAME = "Recovery codes"


def must_use_two_factor(user):
    """Administrators, moderators, group coordinators and anyone else who may read contact messages
    or join requests must (home/roles.py says why)."""
    if not user.is_authenticated:
        return False
    return (
        user.is_superuser
        or user.groups.filter(name__in=TWO_FACTOR_ROLES).exists()
        or any(user.has_perm(permission) for permission in HEALTH_INFORMATION_PERMISSIONS)
    )


def has_two_factor(user):
    """The user has set up an authenticator app (a confirmed device)."""
    return user.is_authenticated and user_has_device(user, confirmed=True)


def authenticator(user):
    """The user's confirmed authenticator app, or None."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def new_recovery_codes(user):
    """Replace the user's recovery codes with RECOVERY_CODE_COUNT new ones; return them (to show once)."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True})
    device.token_set.all().delete()
    token = device.token_set.model
    return [device.token_set.create(token=token.random_token()).token for _ in range(RECOVERY_CODE_COUNT)]


def recovery_codes_left(user):
    return sum(device.token_set.count() for device in StaticDevice.objects.devices_for_user(user, confirmed=True))


def reset(user):
    """Forget the user's phone and recovery codes: they set it up again at their next sign-in."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
