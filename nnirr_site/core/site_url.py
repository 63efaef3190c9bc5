"""The site's public address, and absolute links built on it.

A link that leaves the page it is on (in an email, a feed, the sitemap, share
text, canonical and alternate links) must name the address visitors use: not
the Host header of whatever request built it (a proxy's, a crawler's, a forged
one, and a shared or cached page passes it on to everyone), and not the Wagtail
Site record's host and port, which cannot say https on any port but 443.

That address is ``settings.WAGTAILADMIN_BASE_URL`` (Wagtail's own setting, so
its admin emails agree), which the settings read from the ``SITE_URL``
environment variable, or follow ``HOST`` and ``PORT`` in development
(``nnirr_site/settings/``). It is ``scheme://host[:port]`` with no path;
``nnirr_site/core/checks.py`` says so when it is not, or is missing in
production. ``sync_default_site`` gives the default Wagtail Site the same host
and port after every ``migrate`` and when the demo content is loaded, so
Wagtail's own full URLs (``page.full_url``) agree too.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS
from wagtail.models import Page, Site

DEFAULT_PORTS = {"http": 80, "https": 443}


def base_url():
    """The site's address without a trailing slash, or ``""`` when it is not configured."""
    return (settings.WAGTAILADMIN_BASE_URL or "").rstrip("/")


def absolute(path_or_page, request=None):
    """The site's absolute URL of a path ("/about/") or a page; an absolute URL is returned as it is.

    A page that cannot be routed gives ``None``.
    """
    if isinstance(path_or_page, Page):
        parts = path_or_page.get_url_parts(request)
        if parts is None or parts[2] is None:
            return None
        path = parts[2]
    else:
        path = str(path_or_page)
    if urlsplit(path).scheme:
        return path
    return base_url() + path


def on_site(url):
    """The same path and query as ``url`` (absolute on any host, or a path), on the site's address."""
    parts = urlsplit(url)
    return base_url() + (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def address_problem(url):
    """Why ``url`` cannot be the site's address (a sentence), or ``None`` when it can."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return "it is not a valid URL"
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        return "it must start with http:// or https:// and name a host"
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username or parts.password:
        return "it must be only scheme://host[:port], with no path, query or login"
    return None


def host_and_port(url=None):
    """The host name and port of the site's address, as a Wagtail Site stores them; ``None`` if unusable."""
    url = base_url() if url is None else url
    if not url or address_problem(url):
        return None
    parts = urlsplit(url)
    return parts.hostname, parts.port or DEFAULT_PORTS[parts.scheme]


def sync_default_site(using=DEFAULT_DB_ALIAS):
    """Give the default Wagtail Site the site address's host name and port; return whether it changed.

    Leaves it alone when the address is unset or invalid, or when another Site already answers there.
    """
    address = host_and_port()
    if address is None:
        return False
    sites = Site.objects.using(using)
    site = sites.filter(is_default_site=True).first()
    if site is None or (site.hostname, site.port) == address:
        return False
    if sites.filter(hostname=address[0], port=address[1]).exclude(pk=site.pk).exists():
        return False
    site.hostname, site.port = address
    site.save(using=using, update_fields=["hostname", "port"])
    return True


def sync_default_site_after_migrate(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    """``post_migrate`` receiver: every deploy's ``migrate`` brings the Site record in line with SITE_URL."""
    sync_default_site(using)
