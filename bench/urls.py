"""The site's URLs plus bare Django views: the baselines the benchmarks compare against.

``hello`` is the least a view can do behind the site's middleware (the page
benchmark's baseline). ``empty_sign`` and ``empty_confirm`` are the petition
benchmark's empty flow: the same three requests a supporter makes, with the
signature replaced by queueing a task that does nothing, and the confirmation
by nothing at all.

``bare_petition`` and ``bare_confirm`` are its *textbook flow*: a petition as the Django tutorial
would write it, doing the minimum a double opt-in petition must (a Django form with CSRF, a
country list and validation; one row stored with a hashed token in a transaction that queues the
email; the email sent by the worker through Django's mail backend; confirming by the link's
hash), and nothing the site adds (layout, menus, two languages, form stamps and abuse checks,
consent records, shared pages, tallies, retries). It shows what the minimum duties cost on
this stack, between the empty flow and ours. With ``minimum=True`` (``/bench-min/``) they are the
*minimum flow*: the same duties with the form page rendered once per process, what they cost
before anything the site adds. Their table is the benchmark's own (``BARE_TABLE``, created by
the benchmark's set-up), not the site's.
"""

import hashlib
import secrets

from django import forms
from django.db import connection, transaction
from django.http import HttpResponse, HttpResponseNotFound, HttpResponseRedirect
from django.middleware.csrf import get_token
from django.template import engines
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django_countries.fields import CountryField

from bench.tasks import bare_email, nothing
from nnirr_site.urls import urlpatterns as site_urlpatterns

BARE_TABLE = """
CREATE TABLE IF NOT EXISTS bench_bare_signature (
    id bigserial PRIMARY KEY, first_name text NOT NULL, last_name text NOT NULL, email text NOT NULL,
    postal_code text NOT NULL, country text NOT NULL, token_hash bytea NOT NULL UNIQUE,
    signed_at timestamptz NOT NULL DEFAULT now(), emailed_at timestamptz, confirmed_at timestamptz,
    warm_up boolean NOT NULL DEFAULT false, minimum boolean NOT NULL DEFAULT false
)
"""
BARE_PAGE = engines["django"].from_string(
    "<!doctype html><html lang=en><meta charset=utf-8><title>Sign the petition</title>"
    "<h1>Sign the petition</h1><form method=post>{% csrf_token %}"
    "<input type=\"hidden\" name=\"started\" value=\"textbook\">{{ form }}<button>Sign</button></form></html>"
)


class BareSignatureForm(forms.Form):
    first_name = forms.CharField(max_length=100)
    last_name = forms.CharField(max_length=100)
    email = forms.EmailField()
    postal_code = forms.CharField(max_length=20)
    country = CountryField().formfield()
    consent = forms.BooleanField()


CSRF_SLOT = "bench-csrf-slot-3c9d"
_kept_page = []


def bare_petition(request, warm_up=False, minimum=False):
    """GET: the form; POST: store the signature and queue its confirmation email, then 303 to a thank-you.

    ``warm_up``: the benchmark's warm-up signing before a round (its rows are marked, and not counted).
    ``minimum``: the *minimum flow*: the same, but the form page is rendered once per process and each
    visitor gets it with their own CSRF token (as the site does with its petition page), so the flow
    costs the minimum duties without Django rendering the form's widgets on every request.
    """
    if minimum and request.method != "POST":
        if not _kept_page:
            _kept_page.append(BARE_PAGE.render({"form": BareSignatureForm(), "csrf_token": CSRF_SLOT}))
        return HttpResponse(_kept_page[0].replace(CSRF_SLOT, get_token(request)))
    form = BareSignatureForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        token = secrets.token_urlsafe(32)
        data = form.cleaned_data
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO bench_bare_signature (first_name, last_name, email, postal_code, country, token_hash, "
                "warm_up, minimum) VALUES (%s, %s, %s, %s, %s, %s, %s, %s) RETURNING id",
                [data["first_name"], data["last_name"], data["email"], data["postal_code"], str(data["country"]),
                 hashlib.sha256(token.encode()).digest(), warm_up, minimum],
            )
            bare_email.enqueue(cursor.fetchone()[0], token)
        return HttpResponseRedirect("/bench-hello/", status=303)
    return HttpResponse(BARE_PAGE.render({"form": form}, request))


@require_POST
def bare_confirm(request, token):
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE bench_bare_signature SET confirmed_at = now() WHERE token_hash = %s AND confirmed_at IS NULL "
            "RETURNING id",
            [hashlib.sha256(token.encode()).digest()],
        )
        if cursor.fetchone() is None:
            return HttpResponseNotFound("No such signature", content_type="text/plain")
    return HttpResponse("<!doctype html><title>Thank you</title><p>Your signature is confirmed.", content_type="text/html")


def hello(request):
    """The least a Django view can do, behind the same middleware as every page."""
    return HttpResponse("Hello", content_type="text/plain")


@csrf_exempt
@require_POST
def empty_sign(request):
    """Queue one task that does nothing, in a transaction, as signing queues its email."""
    with transaction.atomic():
        nothing.enqueue(0)
    return HttpResponseRedirect("/bench-hello/", status=303)


@csrf_exempt
@require_POST
def empty_confirm(request):
    return HttpResponse("Thanks", content_type="text/plain")


urlpatterns = [
    path("bench-hello/", hello, name="bench_hello"),
    path("bench-empty/sign/", empty_sign, name="bench_empty_sign"),
    path("bench-empty/confirm/", empty_confirm, name="bench_empty_confirm"),
    path("bench-bare/", bare_petition, name="bench_bare_petition"),
    path("bench-bare/warm-up/", bare_petition, {"warm_up": True}, name="bench_bare_warm_up"),
    path("bench-bare/confirm/<str:token>/", bare_confirm, name="bench_bare_confirm"),
    path("bench-min/", bare_petition, {"minimum": True}, name="bench_min_petition"),
    path("bench-min/warm-up/", bare_petition, {"minimum": True, "warm_up": True}, name="bench_min_warm_up"),
    *site_urlpatterns,
]
