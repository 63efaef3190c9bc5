"""Organization-wide settings editors change in the admin: contacts, offices, donations, social links."""

import pickle

from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable, Site

from nnirr_site.core import layout_cache


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting, ClusterableModel):
    """Contact details, donation details and social links shown in the footer and on pages."""

    contact_email = models.EmailField(_("contact email"), blank=True)
    mailing_address = models.TextField(
        _("mailing address for checks"),
        blank=True,
        help_text=_("Where supporters can send donations by check. One line per address line."),
    )
    check_payable_to = models.CharField(_("checks payable to"), max_length=160, blank=True)
    donation_url = models.URLField(
        _("donation processor address"),
        blank=True,
        help_text=_(
            "The page of your donation processor where supporters give online (a secure payment form run by "
            "another company). Leave empty while there is none: the Donate page then offers checks and the "
            "other ways to give, without an online button."
        ),
    )
    facebook_url = models.URLField(_("Facebook"), blank=True)
    x_url = models.URLField(_("X (Twitter)"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    mailing_list_url = models.URLField(
        _("email list sign-up address"), blank=True, help_text=_("Where people join the network's email list.")
    )

    panels = [
        MultiFieldPanel([FieldPanel("contact_email"), InlinePanel("offices", label=_("Offices"))], heading=_("Contact")),
        MultiFieldPanel(
            [FieldPanel("donation_url"), FieldPanel("mailing_address"), FieldPanel("check_payable_to")],
            heading=_("Donations"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("x_url"),
                FieldPanel("instagram_url"),
                FieldPanel("youtube_url"),
                FieldPanel("mailing_list_url"),
            ],
            heading=_("Social media and email list"),
        ),
    ]

    class Meta:
        verbose_name = _("organization settings")

    @classmethod
    def for_request(cls, request):
        """Wagtail's ``for_request`` (a query, and one more for the offices, on every page that shows them:
        the footer when it is built, the standard pages each time), kept pickled with its offices in this
        process for the site generation (``layout_cache.py``): saving the settings, an office or a Site
        starts a new one. Each request gets its own copy. Previews and other requests read afresh."""
        attr_name = cls.get_cache_attr_name()
        if hasattr(request, attr_name) or getattr(request, "is_preview", False):
            return super().for_request(request)
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)

        def build():
            instance = cls.for_site(site)
            prefetch_related_objects([instance], "offices")
            return pickle.dumps(instance)

        site_settings = pickle.loads(layout_cache.remembered(("site-settings", cls.__name__, site.pk), build, scope="site"))
        site_settings._request = request
        setattr(request, attr_name, site_settings)
        return site_settings

    @property
    def social_links(self):
        links = [
            ("Facebook", self.facebook_url),
            ("X", self.x_url),
            ("Instagram", self.instagram_url),
            ("YouTube", self.youtube_url),
        ]
        return [(name, url) for name, url in links if url]


class Office(Orderable):
    """An office with its city and phone number."""

    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="offices")
    city = models.CharField(_("city"), max_length=80)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.TextField(_("street address"), blank=True)

    panels = [FieldPanel("city"), FieldPanel("phone"), FieldPanel("address")]

    def __str__(self):
        return self.city

    @property
    def phone_href(self):
        digits = "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")
        return f"tel:{digits}"
