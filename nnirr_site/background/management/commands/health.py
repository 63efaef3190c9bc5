"""``manage.py health [--web]``: print the health report as JSON; exit 1 when anything checked fails.

Meant for a systemd timer or cron beside the worker (README, "Running the worker").
"""

import json
import sys

from django.core.management.base import BaseCommand

from nnirr_site.background import health


class Command(BaseCommand):
    help = "Report database, cache and worker health as JSON; exit status 1 when unhealthy."

    def add_arguments(self, parser):
        parser.add_argument("--web", action="store_true", help="Check the database and cache only, not the worker.")

    def handle(self, *args, web=False, **options):
        result = health.report(include_worker=not web)
        self.stdout.write(json.dumps(result, indent=2))
        if not result["ok"]:
            sys.exit(1)
