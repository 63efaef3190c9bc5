"""``make screenshots``: full-page screenshots of every page type at 390 and 1366 px, English and Spanish.

Builds a database with the demo content (``bench.site.demo_site``; ``--reuse`` keeps the one from the
previous run), serves it with ``runserver`` on a free loopback port (development settings, so static
and media files are served), walks the tour of ``nnirr_site.core.page_tour`` with Debian's Chromium
and writes ``screenshots/<name>-<lang>-<width>.png`` (git-ignored) plus an ``index.html`` showing
them side by side, so a reviewer can look at the whole site in a minute.

Staff are users too: the run also signs in as the demo admin (``ensure_demo_admin``; development
settings let its password alone through) and takes the Wagtail admin's dashboard ("This morning")
and the Campaigns and Petitions listings at 1366 px, in English and in Spanish (``admin-*.png``).
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.server import HOST, PY, database_urls, free_port, stop_all, wait_for_http  # noqa: E402
from bench.site import demo_site, shell  # noqa: E402

DB_NAME = "nnirr_screenshots"
WIDTHS = (390, 1366)
BROWSER_LOCALES = {"en": "en-US", "es": "es-419"}
# (name, admin path) taken at 1366 px in each admin language.
ADMIN_PAGES = [("admin-dashboard", "/admin/"), ("admin-campaigns", "/admin/campaign_pages/"),
               ("admin-petitions", "/admin/petition_pages/")]
TOUR = "import json; from nnirr_site.core.page_tour import tour; print('TOUR' + json.dumps(tour()))"


def database_env(reuse, media_root):
    """The environment of a demo database, rebuilt unless ``reuse`` and it already exists."""
    os.environ["MEDIA_ROOT"] = str(media_root)
    if reuse:
        url, _bench, _admin = database_urls(DB_NAME)
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "nnirr_site.settings.bench", "DATABASE_URL": url,
               "CACHE_DIR": tempfile.mkdtemp(prefix="nnirr-shots-cache-"), "LOG_LEVEL": "ERROR"}
        env.pop("SECRET_KEY", None)
        try:
            shell(env, "from wagtail.models import Page; assert Page.objects.count() > 2", capture=True)
            return env
        except subprocess.CalledProcessError:
            print("No demo database to reuse: building one.", flush=True)
    env, _cache_dir = demo_site(DB_NAME)
    return env


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuse", action="store_true", help="reuse the demo database of the previous run")
    parser.add_argument("--only", default="", help="comma-separated page names (e.g. home,campaign)")
    parser.add_argument("--out", default=str(ROOT / "screenshots"))
    parser.add_argument("--no-admin", action="store_true", help="skip the Wagtail admin screenshots")
    args = parser.parse_args()

    media_root = ROOT / ".cache" / "screenshots-media"
    media_root.mkdir(parents=True, exist_ok=True)
    env = database_env(args.reuse, media_root)
    tour = json.loads(shell(env, TOUR, capture=True).stdout.split("TOUR", 1)[1])
    if args.only:
        wanted = set(args.only.split(","))
        tour = [entry for entry in tour if entry[0] in wanted]

    out = Path(args.out)
    out.mkdir(exist_ok=True)
    port = free_port()
    run_env = {**env, "DJANGO_SETTINGS_MODULE": "nnirr_site.settings.dev", "PAGE_CACHE_SECONDS": "0",
               "PORT": str(port)}
    shell(env, f"from wagtail.models import Site; Site.objects.filter(is_default_site=True).update(port={port})")
    server = subprocess.Popen([PY, "manage.py", "runserver", "--noreload", f"{HOST}:{port}"], cwd=ROOT,
                              env=run_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shots = []
    try:
        wait_for_http(port)
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium") or shutil.which("chromium-browser"))
            for width in WIDTHS:
                # The browser's own words (a file input's "Choose file") in the page's language, as a visitor's.
                pages = {language: browser.new_page(viewport={"width": width, "height": 844 if width < 800 else 900},
                                                    locale=BROWSER_LOCALES.get(language, language))
                         for language in {language for _name, language, _path in tour}}
                for name, language, path in tour:
                    page = pages[language]
                    if name == "not-found":
                        show_site_404(page, port, path, env)
                    page.goto(f"http://localhost:{port}{path}", wait_until="load")
                    page.unroute_all()
                    page.evaluate("""() => { for (const img of document.images) img.loading = 'eager'; }""")
                    page.wait_for_load_state("networkidle")
                    filename = f"{name}-{language}-{width}.png"
                    page.screenshot(path=str(out / filename), full_page=True)
                    shots.append((name, language, width, filename, path))
                    print(f"{filename}  {path}", flush=True)
                for page in pages.values():
                    page.close()
            if not args.no_admin:
                shots += admin_shots(browser, port, out, env)
            browser.close()
    finally:
        stop_all([server])
    write_index(out, shots)
    print(f"{len(shots)} screenshots in {out}/ (open {out}/index.html)")


def show_site_404(page, port, path, env):
    """Answer ``path`` with the site's own 404 page: the development server (DEBUG) would show Django's."""
    code = ("from django.test import Client, override_settings\n"
            "with override_settings(DEBUG=False, ALLOWED_HOSTS=['testserver']):\n"
            f"    print('HTML' + Client(raise_request_exception=False).get({path!r}).content.decode())")
    html = shell({**env, "DJANGO_SETTINGS_MODULE": "nnirr_site.settings.dev"}, code, capture=True).stdout
    body = html.split("HTML", 1)[1]
    page.route(f"http://localhost:{port}{path}",
               lambda route: route.fulfill(status=404, content_type="text/html; charset=utf-8", body=body))


def admin_shots(browser, port, out, env):
    """The admin as a signed-in editor sees it each morning, in English then in Spanish."""
    printed = shell({**env, "DJANGO_SETTINGS_MODULE": "nnirr_site.settings.dev"},
                    "from django.core.management import call_command; call_command('ensure_demo_admin')",
                    capture=True).stdout  # "… user: admin  password: …"
    username, password = re.search(r"user: (\S+)\s+password: (\S+)", printed).groups()
    shots = []
    page = browser.new_page(viewport={"width": 1366, "height": 2000})  # the admin scrolls inside its own frame
    base = f"http://localhost:{port}"
    page.goto(base + "/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_load_state("load")
    for language in ("en", "es"):
        set_admin_language(env, username, language)
        for name, path in ADMIN_PAGES:
            page.goto(base + path, wait_until="load")
            filename = f"{name}-{language}-1366.png"
            page.screenshot(path=str(out / filename), full_page=True)
            shots.append((name, language, 1366, filename, path))
            print(f"{filename}  {path}", flush=True)
    set_admin_language(env, username, "")
    page.close()
    return shots


def set_admin_language(env, username, language):
    """The admin's language is the user's preference (Wagtail's UserProfile.preferred_language)."""
    shell(env, "from django.contrib.auth import get_user_model; from wagtail.users.models import UserProfile; "
               f"profile = UserProfile.get_for_user(get_user_model().objects.get(username={username!r})); "
               f"profile.preferred_language = {language!r}; profile.save()", capture=True)


def write_index(out, shots):
    rows = []
    for name, language, width, filename, path in shots:
        rows.append(f'<figure><figcaption>{name} · {language} · {width} px · <code>{path}</code></figcaption>'
                    f'<a href="{filename}"><img src="{filename}" width="{min(width, 683)}" loading="lazy" alt=""></a></figure>')
    (out / "index.html").write_text(
        "<!DOCTYPE html><meta charset=utf-8><title>NNIRR screenshots</title>"
        "<style>body{font-family:system-ui;display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start}"
        "figure{margin:0}img{border:1px solid #ccc;display:block}</style>" + "".join(rows))


if __name__ == "__main__":
    main()
