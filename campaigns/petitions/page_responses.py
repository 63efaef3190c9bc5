"""What every view of a petition page renders with: its context, and the friendly 405 page.

The page's own views (``views.py``) and the withdrawal page (``withdrawal.py``) both use these; they
live below both so that neither imports the other.
"""

from django.template.response import TemplateResponse

from supporter_actions import tokens

SAFE_METHODS = ("GET", "HEAD")


def method_not_allowed(request, allowed, page=None):
    """A friendly 405 page with the Allow header."""
    response = TemplateResponse(request, "petitions/405.html", {"page": page, "self": page}, status=405)
    response["Allow"] = ", ".join(allowed)
    return response


def page_context(request, petition, **extra):
    context = petition.get_context(request)
    context["valid_days"] = tokens.valid_days()
    context.update(extra)
    return context
