"""Withdrawing a signature from the link in every petition email, without logging in.

The link carries a token signed with the site's secret key (Django's
``Signer``, its own salt) naming the signature and its petition. It is not
stored anywhere, so every email a signer ever got — the confirmation, an
"already signed" note — keeps a working link, and it does not expire: people
may want to withdraw long after signing. Rotating ``SECRET_KEY`` (keeping the
old one in ``SECRET_KEY_FALLBACKS`` for a while) eventually retires old links.

The page looks the same whatever the token: a GET shows a button and changes
nothing (mail scanners open links); the POST deletes the signature if the
token names one of this petition, lowers the count if it was counted, and
answers with the same "withdrawn" page whether or not anything was deleted.
"""

from django.template.response import TemplateResponse

from campaigns.petitions.page_responses import page_context
from campaigns.petitions.removal import delete_signature
from campaigns.petitions.withdraw_tokens import signature_id_from_token, withdraw_token  # noqa: F401 (re-exported)
from supporter_actions.page_routes import answers
from supporter_actions.responses import FORM_METHODS, SAFE_METHODS, method_not_allowed


@answers("petitions.withdraw")
def withdraw_page(request, petition, token):
    """GET: the button. POST: withdraw if the token matches, and the same answer either way."""
    if request.method in SAFE_METHODS:
        return TemplateResponse(request, "petitions/withdraw.html", page_context(request, petition, withdrawn=False))
    if request.method != "POST":
        return method_not_allowed(request, FORM_METHODS, petition)
    signature_id = signature_id_from_token(token, petition.translation_key)
    if signature_id is not None:
        delete_signature(signature_id, petition_key=petition.translation_key)
    return TemplateResponse(request, "petitions/withdraw.html", page_context(request, petition, withdrawn=True))
