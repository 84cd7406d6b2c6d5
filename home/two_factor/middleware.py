"""Nothing but setting up two-factor sign-in, or typing a code, until it is done."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse

from home.two_factor import has_two_factor, must_use_two_factor

# Pages a user signed in with a password only may still open: signing in and out, the two-factor
# pages themselves and the admin's scripts that those pages load.
OPEN_BEFORE_VERIFYING = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "admin:logout",
    "two_factor_setup",
    "two_factor_verify",
    "two_factor_recovery_codes",
}


class TwoFactorMiddleware:
    """Send a password-only session to the code page (or the set-up page) before any other page.

    After django-otp's OTPMiddleware, which tells whether this session typed a code. Every page
    is covered, not only the admin: a half-signed-in session must not count as signed in for
    private documents or a preview either.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            # A visitor with no session: nobody is signed in. Reading request.user would read the
            # session and mark every public answer "Vary: Cookie", for nothing.
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        match = request.resolver_match
        if match is not None and match.view_name in OPEN_BEFORE_VERIFYING:
            return None
        if has_two_factor(user):
            return redirect_to_login(request.get_full_path(), reverse("two_factor_verify"))
        if must_use_two_factor(user):
            return redirect_to_login(request.get_full_path(), reverse("two_factor_setup"))
        return None
