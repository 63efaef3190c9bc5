"""``manage.py purge_supporter_data``: apply every action's retention rules (``supporter_actions/retention.py``).

Safe to run daily from cron: each run only touches what is left to do.
"""

from django.core.management.base import BaseCommand

from supporter_actions.retention import IP_HASH_DAYS, UNCONFIRMED_DAYS, purge, registered_actions


class Command(BaseCommand):
    help = (
        f"For every supporter action (petitions, sign-on letters, …): delete submissions unconfirmed after "
        f"{UNCONFIRMED_DAYS} days, drop address hashes older than {IP_HASH_DAYS} days, and blank supporters' "
        "details once the action has been closed longer than SUPPORTER_RETENTION_DAYS. --dry-run only reports."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Report what would be done; change nothing.")
        parser.add_argument(
            "--action", action="append", choices=sorted(registered_actions()), help="Only this action (repeatable)."
        )

    def handle(self, *args, **options):
        dry_run = options["dry_run"]
        if dry_run:
            self.stdout.write(self.style.WARNING("Dry run: nothing is changed."))
        for action, lines in purge(dry_run=dry_run, actions=options["action"]).items():
            self.stdout.write(self.style.MIGRATE_HEADING(f"{action[:1].upper()}{action[1:]}:"))
            for text, _count in lines:
                self.stdout.write(f"  {text}")
