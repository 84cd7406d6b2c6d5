"""System checks for a deployment (`manage.py check --deploy`): settings that are fine alone but wrong together."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def proxy_count_behind_a_proxy(app_configs, **kwargs):
    """Behind a TLS proxy (it says so in X-Forwarded-Proto) with TRUSTED_PROXY_COUNT at 0, every
    visitor has the proxy's address: one rate limit of five messages an hour for everyone, and one
    stranger's wrong passwords pause an account's sign-in for the whole office."""
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None) and settings.TRUSTED_PROXY_COUNT == 0:
        return [
            checks.Warning(
                "The site is behind a proxy (SECURE_PROXY_SSL_HEADER is set) but TRUSTED_PROXY_COUNT is 0, "
                "so every visitor would share the proxy's address.",
                hint="Set TRUSTED_PROXY_COUNT to the number of proxies in front of gunicorn (docs/deployment.md).",
                id="home.W001",
            )
        ]
    return []
