"""``manage.py purge_petition_data``: apply the petition data retention rules (see ``campaigns/petitions/retention.py``).

Safe to run daily from cron: each run only touches what is left to do.
"""

from django.core.management.base import BaseCommand

from campaigns.petitions.retention import IP_HASH_DAYS, UNCONFIRMED_DAYS, purge, retention_days


class Command(BaseCommand):
    help = (
        f"Delete signatures unconfirmed after {UNCONFIRMED_DAYS} days, drop address hashes older than "
        f"{IP_HASH_DAYS} days, and anonymize the signatures of petitions closed for longer than "
        "SUPPORTER_RETENTION_DAYS. --dry-run only reports."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Report what would be done; change nothing.")

    def handle(self, *args, **options):
        dry_run = options["dry_run"]
        report = purge(dry_run=dry_run)
        words = ("Would delete", "Would drop", "Would anonymize") if dry_run else ("Deleted", "Dropped", "Anonymized")
        if dry_run:
            self.stdout.write(self.style.WARNING("Dry run: nothing is changed."))
        self.stdout.write(
            f"{words[0]} {report.unconfirmed_deleted} signature(s) unconfirmed for more than {UNCONFIRMED_DAYS} days."
        )
        self.stdout.write(f"{words[1]} {report.ip_hashes_cleared} address hash(es) older than {IP_HASH_DAYS} days.")
        for title, number in sorted(report.anonymized.items()):
            self.stdout.write(
                f"{words[2]} {number} signature(s) of “{title}”, closed for more than {retention_days()} days."
            )
        self.stdout.write(self.style.SUCCESS(f"{words[2]} {report.anonymized_total} signature(s) in total."))
