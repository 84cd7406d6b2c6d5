"""The two-factor pages: set up, type a code, recovery codes, manage your own, an administrator's reset."""

from base64 import b32encode
from http import HTTPStatus
from urllib.parse import urlencode

import segno
from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from home import two_factor

# The recovery codes just made, kept in the session only until the page that shows them once.
NEW_CODES_SESSION_KEY = "two_factor_new_recovery_codes"
TEMPLATES = "home/admin/two_factor/"
# The apps show six digits (TOTPDevice.digits); recovery codes are eight letters and digits.
APP_CODE_DIGITS = 6


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=40,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false", "autocapitalize": "off"}
        ),
    )

    def clean_code(self):
        """People type codes with spaces or dashes ("123 456", "abcd-efgh"): keep letters and digits."""
        code = "".join(character for character in self.cleaned_data["code"] if character.isalnum()).lower()
        if not code:
            raise forms.ValidationError("Type the code.")
        return code


def next_url(request):
    """Where to go after this step: the page the user asked for, if it is a path on this site; else the dashboard."""
    url = request.POST.get("next") or request.GET.get("next") or ""
    on_this_site = url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    if url.startswith("/") and on_this_site:
        return url
    return reverse("wagtailadmin_home")


def with_next(name, request):
    return f"{reverse(name)}?{request.GET.urlencode()}" if request.GET.get("next") else reverse(name)


def throttled_until(devices):
    """When the next code may be tried, if wrong codes have made these devices wait; else None."""
    for device in devices:
        allowed, details = device.verify_is_allowed()
        if not allowed:
            return (details or {}).get("locked_until") or timezone.now()
    return None


def wait_message(until):
    return f"Too many wrong codes. Wait until {timezone.localtime(until):%-I:%M:%S %p} and try again."


def signed_out(request):
    return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))


def qr_code_svg(device):
    """The set-up link as a QR code: an SVG drawn here, in the page, so nothing is asked of another site."""
    svg = segno.make(device.config_url, error="m").svg_inline(
        scale=5, border=4, title="QR code to scan with your authenticator app"
    )
    return mark_safe(svg)  # noqa: S308 (segno's own SVG: the link is our own device's, encoded as modules)


def grouped_key(device):
    """The secret key for typing it in by hand: base32 in groups of four."""
    key = b32encode(device.bin_key).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


@never_cache
@sensitive_post_parameters("code")
@require_http_methods(["GET", "POST"])
def verify(request):
    """After the password: a code from the app, or a recovery code. Wrong codes make the next wait."""
    user = request.user
    if not user.is_authenticated:
        return signed_out(request)
    if user.is_verified():
        return HttpResponseRedirect(next_url(request))
    if not two_factor.has_two_factor(user):
        return redirect(with_next("two_factor_setup", request))
    form = CodeForm(request.POST or None)
    status = HTTPStatus.OK
    if form.is_valid():
        code = form.cleaned_data["code"]
        # Six digits are the app's; anything else a recovery code. Each kind keeps its own count of
        # wrong tries, so a mistyped app code does not make a recovery code wait.
        kind = TOTPDevice if code.isdigit() and len(code) == APP_CODE_DIGITS else StaticDevice
        devices = list(kind.objects.devices_for_user(user, confirmed=True))
        until = throttled_until(devices)
        if until:
            form.add_error("code", wait_message(until))
            status = HTTPStatus.TOO_MANY_REQUESTS
        else:
            device = next((device for device in devices if device.verify_token(code)), None)
            if device is not None:
                otp_login(request, device)
                if isinstance(device, StaticDevice):
                    left = two_factor.recovery_codes_left(user)
                    messages.warning(
                        request,
                        f"You signed in with a recovery code; it will not work again. {left} left. If your "
                        "phone is lost, move two-factor sign-in to a new one (Account, Two-factor sign-in).",
                    )
                return HttpResponseRedirect(next_url(request))
            form.add_error(
                "code", "That code did not work. Type the newest code from your app, or one of your recovery codes."
            )
    context = {"form": form, "next": next_url(request)}
    return render(request, TEMPLATES + "verify.html", context, status=status)


@never_cache
@sensitive_post_parameters("code")
@require_http_methods(["GET", "POST"])
def setup(request):
    """Scan the QR code, type the code the app shows; then the recovery codes, once."""
    user = request.user
    if not user.is_authenticated:
        return signed_out(request)
    if two_factor.has_two_factor(user) and not user.is_verified():
        # Changing phones needs the old one (or a recovery code) first.
        return redirect(with_next("two_factor_verify", request))
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    form = CodeForm(request.POST or None)
    status = HTTPStatus.OK
    if form.is_valid():
        until = throttled_until([device])
        if until:
            form.add_error("code", wait_message(until))
            status = HTTPStatus.TOO_MANY_REQUESTS
        elif device.verify_token(form.cleaned_data["code"]):
            TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()  # the old phone, if any
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            request.session[NEW_CODES_SESSION_KEY] = two_factor.new_recovery_codes(user)
            return redirect(f"{reverse('two_factor_recovery_codes')}?{urlencode({'next': next_url(request)})}")
        else:
            form.add_error(
                "code", "That code did not work. Check that you scanned this page's QR code and try the newest code."
            )
    context = {
        "form": form,
        "next": next_url(request),
        "qr_code": qr_code_svg(device),
        "key": grouped_key(device),
        "required": two_factor.must_use_two_factor(user),
        "replacing": two_factor.has_two_factor(user),
    }
    return render(request, TEMPLATES + "setup.html", context, status=status)


@never_cache
@require_http_methods(["GET"])
def recovery_codes(request):
    """The new recovery codes, shown this once: the session forgets them as the page is made."""
    user = request.user
    if not user.is_authenticated:
        return signed_out(request)
    if not user.is_verified():
        return redirect(with_next("two_factor_verify", request))
    codes = request.session.pop(NEW_CODES_SESSION_KEY, None)
    return render(request, TEMPLATES + "recovery_codes.html", {"codes": codes, "next": next_url(request)})


@never_cache
@require_http_methods(["GET", "POST"])
def manage(request):
    """Account, then Two-factor sign-in: whether it is on, a new phone, new recovery codes."""
    user = request.user
    active = two_factor.has_two_factor(user)
    if request.method == "POST":
        if not active:
            return redirect("two_factor_setup")
        request.session[NEW_CODES_SESSION_KEY] = two_factor.new_recovery_codes(user)
        return redirect(f"{reverse('two_factor_recovery_codes')}?{urlencode({'next': reverse('two_factor_manage')})}")
    device = two_factor.authenticator(user)
    context = {
        "page_title": "Two-factor sign-in",
        "header_icon": "key",
        "active": active,
        "device": device,
        "codes_left": two_factor.recovery_codes_left(user),
        "required": two_factor.must_use_two_factor(user),
    }
    return render(request, TEMPLATES + "manage.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def reset(request, user_id):
    """An administrator forgets someone's phone and recovery codes (a lost phone): they set it up again."""
    if not request.user.is_superuser:
        raise PermissionDenied
    person = get_object_or_404(get_user_model(), pk=user_id)
    if request.method == "POST":
        two_factor.reset(person)
        messages.success(
            request,
            f"Two-factor sign-in for {person.get_full_name() or person.get_username()} is reset: "
            "they set it up again with their phone the next time they sign in.",
        )
        return redirect("wagtailusers_users:index")
    context = {
        "page_title": "Reset two-factor sign-in",
        "header_icon": "key",
        "person": person,
        "active": two_factor.has_two_factor(person),
    }
    return render(request, TEMPLATES + "reset.html", context)
