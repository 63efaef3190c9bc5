"""``{% email_list_signup %}``: the short sign-up form for the footer, the Contact page, blocks and thank-you pages.

An inclusion tag, so its strings live in this app's catalogue. The public lists come from the
layout cache (a new generation whenever a list is saved; ``email_list/receivers.py``), so the
footer costs no query on a page that is otherwise cached. The form carries nothing personal and
no token: see ``email_list/forms.py``.
"""

from django import template
from django.utils import translation

from email_list.models import MailingList
from nnirr_site.core import layout_cache

register = template.Library()


def _public_lists(language):
    def build():
        return [
            {"pk": item.pk, "name": item.name_in(language), "language": item.language}
            for item in MailingList.objects.filter(public=True).order_by("sort_order", "name")
        ]

    return layout_cache.cached("email-list-public-lists", build, language, scope="site")


@register.inclusion_tag("email_list/includes/embedded_form.html", takes_context=True)
def email_list_signup(context, source_form="footer", prefix="footer-list", dark=False, source=""):
    language = (translation.get_language() or "en")[:2]
    request = context.get("request")
    if not source and request is not None:
        source = request.path
    return {
        "lists": _public_lists(language),
        "language": language if language in ("en", "es") else "en",
        "prefix": prefix,
        "source_form": source_form,
        "source": source[:500],
        "dark": dark,
    }


@register.inclusion_tag("email_list/includes/footer_signup.html", takes_context=True)
def email_list_footer(context):
    """The footer's section: a heading and the short form. Kept in the footer's cached fragment (same for every page
    of a language); the join view takes the page it came from from the Referer (sent for same-origin requests)."""
    language = (translation.get_language() or "en")[:2]
    return {
        "lists": _public_lists(language),
        "language": language if language in ("en", "es") else "en",
        "prefix": "footer-list",
        "source_form": "footer",
        "source": "",
        "dark": True,
    }
