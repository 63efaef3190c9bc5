"""``manage.py load_demo_content``: build the demo site from the content brief, idempotently."""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

from nnirr_site.core import demo_content as core_demo

# Each app's demo module has ``build(home)``; they run in this order after the core pages.
APP_DEMO_MODULES = [
    "campaigns.demo_content",
    "campaigns.petitions.demo_content",
    "campaigns.letters.demo_content",
    "events.demo_content",
    "resources.demo_content",
    "blog.demo_content",
    "nnirr_site.accounts.demo_content",
    "services.demo_content",
    "email_list.demo_content",
]


class Command(BaseCommand):
    help = "Create the demo site (pages, images, documents, menus). Running it again changes nothing."

    def handle(self, *args, **options):
        with transaction.atomic():
            home = core_demo.build_home()
            pages = core_demo.build_standard_pages(home)
            core_demo.build_settings(home)
            translated = core_demo.translate_core_pages(home, pages)
            app_modules = []
            for module_path in APP_DEMO_MODULES:
                try:
                    module = import_module(module_path)
                except ModuleNotFoundError as exc:
                    if exc.name != module_path:
                        raise
                    continue
                module.build(home)
                app_modules.append(module)
            # Links between apps (a campaign's related resources) once every app's pages exist.
            for module in app_modules:
                if hasattr(module, "link"):
                    module.link(home)
            core_demo.link_home_hero(home, pages)
            core_demo.build_menus(home)
            core_demo.build_spanish_menus(translated)
            core_demo.americanize_pages()  # a database an older demo made: US spelling in its pages
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
