"""``manage.py ensure_demo_admin``: create the development login and print it (development only)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from nnirr_site.core import site_url

DEMO_USERNAME = "admin"
DEMO_PASSWORD = "nnirr-demo-admin-2026"


class Command(BaseCommand):
    help = "Create a demo superuser for local development and print its login. Refuses outside DEBUG."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("The demo admin account is only created in development (DEBUG=True).")
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=DEMO_USERNAME,
            defaults={"email": "admin@example.org", "is_staff": True, "is_superuser": True,
                      "first_name": "Demo", "last_name": "Admin"},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo admin login (development only): {site_url.absolute('/admin/')}  "
                f"user: {DEMO_USERNAME}  password: {DEMO_PASSWORD}"
            )
        )
