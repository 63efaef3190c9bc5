"""The sign-up form where the issue puts it: the Contact page, and the block editors place on any page."""

from wagtail.models import Page

from nnirr_site.core.models import StandardPage


def test_contact_page_has_the_sign_up_form_in_both_languages(client, lists):
    for path, heading, join in (("/contact/", "Join our email list", "/email-list/join/"),
                                ("/es/contacto/", "Súmate a nuestra lista de correo", "/es/lista-de-correo/unirse/")):
        html = client.get(path).content.decode()
        assert heading in html, path
        assert f'action="{join}"' in html and 'value="contact page"' in html


def test_editors_place_the_sign_up_block_on_any_page(client, lists):
    home = Page.objects.get(depth=2, locale__language_code="en")
    page = StandardPage(title="Stay in touch", slug="stay-in-touch-test", body=[
        ("email_signup", {"heading": "News from the border", "text": "Twice a month, no more."}),
    ])
    home.add_child(instance=page)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "News from the border" in html and "Twice a month, no more." in html
    assert 'value="block"' in html and 'name="lists"' in html and 'id="block-list-' in html


def test_a_list_in_the_other_language_is_marked_with_lang_in_the_forms(client, lists):
    """The Spanish-only list's name on English pages (footer and full form) carries lang="es", and not on Spanish ones."""
    from email_list.models import MailingList

    spanish = MailingList.objects.filter(language="es", public=True).first()
    assert spanish is not None
    english_page = client.get("/").content.decode()
    assert f'<span lang="es">{spanish.name}</span>' in english_page
    form = client.get("/email-list/").content.decode()
    assert f'<span lang="es">{spanish.name}</span>' in form
    spanish_page = client.get("/es/").content.decode()
    assert f'<span lang="es">{spanish.name_in("es")}</span>' not in spanish_page
