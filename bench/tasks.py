"""The benchmark's own background tasks: ``nothing`` (the empty flow's: only the queue's own work) and
``bare_email`` (the textbook flow's confirmation email, ``bench/urls.py``)."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import connection
from django_tasks import task


@task(backend="petitions")
def nothing(number):
    return number


@task(backend="petitions")
def bare_email(signature_id, token):
    """Send the textbook flow's confirmation email through Django's mail backend and note it was sent."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT first_name, email FROM bench_bare_signature WHERE id = %s", [signature_id])
        first_name, email = cursor.fetchone()
        link = f"{settings.WAGTAILADMIN_BASE_URL}/bench-bare/confirm/{token}/"
        send_mail("Please confirm your signature", f"Hello {first_name},\n\nConfirm your signature: {link}\n",
                  None, [email])
        cursor.execute("UPDATE bench_bare_signature SET emailed_at = now() WHERE id = %s", [signature_id])
