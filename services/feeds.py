"""An Atom feed of the directory's services, most recently checked first, in the directory's language.

Built from the public view of services (``services/disclosure.py``): an entry of a confidential
location says its city and phone, never its address.
"""

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from nnirr_site.core import site_url
from services.disclosure import public_queryset, public_services


class ServiceFeed(Feed):
    """The ``FEED_SIZE`` services checked most recently."""

    feed_type = Atom1Feed

    def __init__(self, directory):
        super().__init__()
        self.directory = directory
        self.request = None

    def get_object(self, request, *args, **kwargs):
        self.request = request
        self.language = self.directory.locale.language_code
        return self.directory

    def absolute(self, path):
        return site_url.absolute(path, self.request) if site_url.base_url() else self.request.build_absolute_uri(path)

    def title(self, obj):
        return _("%(title)s · National Network for Immigrant and Refugee Rights") % {"title": obj.title}

    def link(self, obj):
        return self.absolute(obj.url)

    def feed_url(self, obj):
        return self.absolute(self.request.path)

    def subtitle(self, obj):
        return obj.intro or obj.title

    def items(self, obj):
        base = obj.url
        queryset = public_queryset(obj.locale_id).order_by("-last_verified_on", "-updated_at", "pk")[: obj.FEED_SIZE]
        return public_services(queryset, with_hours=False, url_for=lambda s: base + s.slug + "/")

    def item_title(self, item):
        return f"{item.name} — {item.place}"

    def item_description(self, item):
        lines = [item.organization_name, ", ".join(item.category_labels), item.place]
        if item.address:
            lines.append(item.address)
        if item.phone:
            lines.append(item.phone)
        return " · ".join(filter(None, lines))

    def item_link(self, item):
        return self.absolute(item.url)

    def item_guid(self, item):
        return f"urn:uuid:{item.translation_key}"

    item_guid_is_permalink = False

    def item_updateddate(self, item):
        return item.updated_at or timezone.now()

    def item_categories(self, item):
        return item.category_labels
