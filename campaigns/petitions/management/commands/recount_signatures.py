"""``manage.py recount_signatures``: check every petition's tally against its counted signatures, fix drift."""

from django.core.management.base import BaseCommand
from wagtail.models import Locale

from campaigns.petitions.models import PetitionPage, Signature, TallyShard
from campaigns.petitions.signing import recount


class Command(BaseCommand):
    help = "Recount the counted signatures of every petition, repair any tally that drifted and report it."

    def handle(self, *args, **options):
        keys = set(PetitionPage.objects.values_list("translation_key", flat=True))
        keys |= set(TallyShard.objects.values_list("petition_key", flat=True).distinct())
        keys |= set(Signature.objects.values_list("petition_key", flat=True).distinct())
        default_locale = Locale.get_default()
        titles = {}
        for page in PetitionPage.objects.filter(translation_key__in=keys).select_related("locale"):
            if page.translation_key not in titles or page.locale_id == default_locale.pk:
                titles[page.translation_key] = page.title
        drifted = 0
        for key in sorted(keys, key=lambda k: titles.get(k, str(k))):
            old, new = recount(key)
            label = titles.get(key, f"(deleted petition {key})")
            if old != new:
                drifted += 1
                self.stdout.write(self.style.WARNING(f"{label}: tally was {old}, counted signatures are {new}; fixed."))
            elif options["verbosity"] > 1:
                self.stdout.write(f"{label}: {new}, correct.")
        summary = f"Checked {len(keys)} petition(s); {drifted} drifted and were fixed."
        self.stdout.write(self.style.SUCCESS(summary) if not drifted else self.style.WARNING(summary))
