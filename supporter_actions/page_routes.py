"""How a supporter-action page reaches the code that answers its routes without importing it.

A petition or sign-on letter page is a data model with routes (``RoutablePageMixin``): the form, the
thank-you page, confirmation, withdrawal. The views (and rules) that answer them import the models;
if the models imported the views, each would import the other, and a lazy import inside a route
would only hide that circle. Instead the model asks for a handler by name, and the module that
answers registers itself under that name when its app is ready (``AppConfig.ready`` imports it):

    models.py  ──▶ page_routes ◀── views.py ──▶ models.py

so every arrow points one way, and a newcomer reading the model sees which name answers each route.
"""

_HANDLERS = {}


def answers(name):
    """Decorator: register the function as the handler called ``name`` (``"petitions.page"``)."""

    def register(function):
        _HANDLERS[name] = function
        return function

    return register


def handler(name):
    """The function registered as ``name``; a clear error if its module was never imported."""
    try:
        return _HANDLERS[name]
    except KeyError:
        raise LookupError(f"No handler registered as {name!r}: is its module imported in the app's ready()?") from None
