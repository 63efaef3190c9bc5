"""What every view of a petition page renders with: its context (the friendly 405 page is the core's).

The page's own views (``views.py``) and the withdrawal page (``withdrawal.py``) both use these; they
live below both so that neither imports the other.
"""

from supporter_actions import tokens


def page_context(request, petition, **extra):
    context = petition.get_context(request)
    context["valid_days"] = tokens.valid_days()
    context.update(extra)
    return context
