"""System checks for the site's public address (``SITE_URL``, read into ``WAGTAILADMIN_BASE_URL``).

Every absolute link the site sends out is built on that address
(``nnirr_site/core/site_url.py``): confirmation links in emails, feeds, the
sitemap, share text. Without it they would name no host, or a wrong one, so a
deployment without it must not pass ``manage.py check --deploy``. Registered in
``CoreConfig.ready``.

- nnirr.E001 (deploy): the address is not set.
- nnirr.E002: it is set but is not ``http(s)://host[:port]``.
- nnirr.W001 (deploy): ``ALLOWED_HOSTS`` refuses its host, so every link to the site would fail.
"""

from django.conf import settings
from django.core.checks import Error, Warning
from django.http.request import validate_host

from nnirr_site.core import site_url

SITE_URL_HINT = "Set the SITE_URL environment variable to the address visitors use, for example https://nnirr.org."


def check_site_url_format(app_configs=None, **kwargs):
    """An address that is set must be usable (every environment)."""
    url = site_url.base_url()
    problem = url and site_url.address_problem(url)
    if not problem:
        return []
    return [
        Error(
            f"The site's address {url!r} (SITE_URL, or WAGTAILADMIN_BASE_URL) cannot be used: {problem}.",
            hint=SITE_URL_HINT,
            id="nnirr.E002",
        )
    ]


def check_site_url_deploy(app_configs=None, **kwargs):
    """A deployment must say where it is, and accept requests for that host."""
    url = site_url.base_url()
    if not url:
        return [
            Error(
                "The site's public address is not set, so links in emails, feeds, the sitemap and share "
                "text would not name the site.",
                hint=SITE_URL_HINT + " (WAGTAILADMIN_BASE_URL, its older name, is read too.)",
                id="nnirr.E001",
            )
        ]
    address = site_url.host_and_port(url)
    if address and not validate_host(address[0], settings.ALLOWED_HOSTS):
        return [
            Warning(
                f"ALLOWED_HOSTS does not accept {address[0]!r}, the host of the site's address {url!r}: "
                "every link to the site would be refused.",
                hint="Add the host to ALLOWED_HOSTS, or correct SITE_URL.",
                id="nnirr.W001",
            )
        ]
    return []
