"""Answers every supporter action's pages share.

``method_not_allowed``: a page asked with a method it does not take (a PUT on a thank-you page, a
POST where only GET works) gets a friendly 405 page in the visitor's language, with the ``Allow``
header and a way back to the action's page, never a bare error or a 500.
"""

from django.template.response import TemplateResponse

SAFE_METHODS = ("GET", "HEAD")
FORM_METHODS = ("GET", "HEAD", "POST")


def method_not_allowed(request, allowed, page=None):
    response = TemplateResponse(request, "supporter_actions/405.html", {"page": page, "self": page}, status=405)
    response["Allow"] = ", ".join(allowed)
    return response


def confirmation_page(request, page, render, *, link_works, confirm):
    """The page a double opt-in link opens: GET shows a button (mail scanners open links); only POST confirms.

    ``link_works()`` says whether the token still finds something to confirm; ``confirm()`` confirms it
    and says whether it did. ``render(token_valid=…, confirmed=…, status=…)`` draws the action's page
    (``supporter_actions/confirm.html`` and its blocks). A link that does not work (used, expired,
    cut) gets the same page with status 404; a method other than GET, HEAD and POST gets the 405 page.
    """
    if request.method in SAFE_METHODS:
        works = link_works()
        return render(token_valid=works, confirmed=False, status=200 if works else 404)
    if request.method != "POST":
        return method_not_allowed(request, FORM_METHODS, page)
    if confirm():
        return render(token_valid=True, confirmed=True, status=200)
    return render(token_valid=False, confirmed=False, status=404)
