"""``manage.py ensure_demo_admin``: create the development login and print it (development only)."""

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

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
                f"Demo admin login (development only): http://{os.environ.get('HOST', '127.0.0.1')}:"
                f"{os.environ.get('PORT', '8000')}/admin/  "
                f"user: {DEMO_USERNAME}  password: {DEMO_PASSWORD}"
            )
        )
