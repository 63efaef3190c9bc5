"""The email list's public addresses, in the page's language: ``/email-list/thanks/``, ``/es/lista-de-correo/gracias/``.

The addresses are Django's translated URL patterns (``pgettext_lazy`` in ``path()``, under the
project's ``i18n_patterns``): ``reverse()`` writes them in the active language, so a Spanish
confirmation email, digest or unsubscribe header links the Spanish address, and each language
resolves only its own words. The Spanish words live in ``email_list/locale/es``.

Links sent before the Spanish addresses existed (``/es/email-list/confirm/<token>/`` in a
confirmation email, ``/es/email-list/unsubscribe/…`` in a digest's ``List-Unsubscribe`` header)
must keep working for years, so the English words are also *served* under ``/es/`` by the same
views, not redirected: a mail client's one-click unsubscribe POST may not follow a redirect. Those
patterns carry names ending in ``_english`` so that ``reverse("email_list:thanks")`` never picks
them, while the language switcher (``translate_url``) still finds their English address.
"""

from django.urls import include, path
from django.utils.translation import pgettext_lazy

from email_list import views

app_name = "email_list"

CONTEXT = "email list web address; keep the slashes and the <…> parts"

# (English words, the same words to translate, name, view). makemessages reads only literal strings, hence the pairs.
ROUTES = [
    ("", "", "signup", views.signup),
    ("join/", pgettext_lazy(CONTEXT, "join/"), "join", views.join),
    ("thanks/", pgettext_lazy(CONTEXT, "thanks/"), "thanks", views.thanks),
    ("confirm/<str:token>/", pgettext_lazy(CONTEXT, "confirm/<str:token>/"), "confirm", views.confirm_page),
    ("preferences/<str:token>/", pgettext_lazy(CONTEXT, "preferences/<str:token>/"), "preferences", views.preferences),
    ("unsubscribe/<str:token>/<int:list_id>/", pgettext_lazy(CONTEXT, "unsubscribe/<str:token>/<int:list_id>/"),
     "unsubscribe", views.unsubscribe),
    ("digests/", pgettext_lazy(CONTEXT, "digests/"), "archive", views.archive),
    ("digests/<int:digest_id>/", pgettext_lazy(CONTEXT, "digests/<int:digest_id>/"), "archive_detail",
     views.archive_detail),
]

urlpatterns = [
    path(pgettext_lazy(CONTEXT, "email-list/"),
         include([path(words, view, name=name) for _english, words, name, view in ROUTES])),
    # The English words in every language (see the module docstring).
    path("email-list/", include([path(english, view, name=f"{name}_english") for english, _words, name, view in ROUTES])),
]
