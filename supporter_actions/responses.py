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
