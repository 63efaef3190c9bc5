"""Editors translate pages and menus in the admin with wagtail-localize (side-by-side editor)."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from nnirr_site.core.models import Menu, StandardPage
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_editor_submits_a_page_for_translation_and_opens_the_translation_editor(admin_client):
    english = StandardPageFactory(parent=StandardPage.objects.get(slug="about"), title="Our history")
    spanish_locale = Locale.objects.get(language_code="es")
    url = reverse("wagtail_localize:submit_page_translation", args=[english.id])
    assert admin_client.get(url).status_code == 200

    response = admin_client.post(url, {"locales": [spanish_locale.id]})
    assert response.status_code == 302
    spanish = english.get_translation(spanish_locale)
    assert spanish.get_parent().specific.locale == spanish_locale  # under the Spanish About page

    editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[spanish.id]))
    assert editor.status_code == 200
    assert b"Our history" in editor.content  # the English source is shown beside the translation


def test_menu_snippet_can_be_submitted_for_translation(admin_client):
    menu = Menu.objects.get(slug="footer", locale__language_code="en")
    url = reverse("wagtail_localize:submit_snippet_translation", args=["core", "menu", menu.pk])
    assert admin_client.get(url).status_code == 200
