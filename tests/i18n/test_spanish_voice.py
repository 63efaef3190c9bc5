"""The site's Spanish speaks to the reader as "tú" (neutral Latin American), in the interface and the demo pages.

The check looks only for forms that address one reader as "usted" and that are rarely anything
else, so it has few false positives: "usted" itself; a sentence (or "por favor, …") that starts
with a usted command ("Llame", "Elija", "Escríbanos", "Déjelo"); and "Su"/"Le" opening a
sentence about the reader's own name, email, phone, signature or codes ("Su nombre", "Le
quedan…"); and "Gracias por su…". Plural "ustedes" and its commands ("Respondan", "Compártanla") stay: in Latin
America they are the plural of "tú". Third-person "su" ("la Red y sus grupos") is not looked at.
Letters addressed to an official ("le pedimos que cumpla su palabra") use no sentence-initial command.
"""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from wagtail.models import Locale, Page

from nnirr_site.compile_translations import catalogues

COMMANDS = (
    "Abra Acepte Adapte Adhiera Agregue Añada Apruébela Busque Cambie Complete Confirme Conozca Consulte Contáctenos "
    "Corrija Cuéntenos Déjela Déjelo Descargue Díganos Elija Envíe Envíelo Envíelas Escriba Escríbanos Espere "
    "Firme Genere Guarde Haga Imprímalos Indique Ingrese Inscríbase Introduzca Llame Llámenos Lea Márquelo Pida "
    "Pregunte Presione Pulse Quite Regístrese Revise Revíselo Seleccione Siga Súmese Suscríbase Sume Únase Use "
    "Vea Visite Vuelva"
).split()
READER = "nombre correo teléfono firma dirección cargo código códigos organización adhesión suscripción".split()

COMMAND = "|".join(COMMANDS)
START = r"(?:^|[.:;!?¡¿]\s+|“)"  # a sentence, a line or a quotation starts
USTED = re.compile(
    r"\b[Uu]sted\b"
    rf"|{START}(?:{COMMAND})\b"
    rf"|[Pp]or favor,\s+(?i:{COMMAND})\b"
    rf"|{START}(?:Su|Sus)\s+(?:{'|'.join(READER)})\b"
    rf"|{START}Le\s+(?:queda|quedan|enviamos|escribimos)\b"
    r"|\b[Gg]racias por su\b",
    re.MULTILINE,
)


def usted_forms(text):
    """The usted forms found in ``text``."""
    return [match.group(0).strip(" .:;!?¡¿“") for match in USTED.finditer(text or "")]


def page_text(html):
    """The words of the page's <main>, one line per element, so a heading's end starts a sentence."""
    main = html[html.find("<main"):html.find("</main>")]
    lines = (line.strip() for line in re.sub(r"<[^>]+>", "\n", main).splitlines())
    return "\n".join(re.sub(r"\s+", " ", line) for line in lines if line)


def test_the_check_finds_usted_and_leaves_tu_and_plural_ustedes_alone():
    for usted in ("Llame antes de ir.", "Por favor, elija una opción.", "Si usted no firmó, ignore este correo.",
                  "Su nombre", "Gracias. Revise el correo.", "Gracias por su adhesión.", "Le quedan pocos códigos.",
                  "P. ej. “Llame antes”."):
        assert usted_forms(usted), usted
    for fine in ("Llama antes de ir.", "Por favor, elige una opción.", "Respondan la encuesta y compártanla.",
                 "La Red y sus grupos.", "Esta campaña terminó. Sus materiales siguen aquí.", "Tu nombre",
                 "Quienes firmamos le pedimos que cumpla su palabra.", "Ustedes pueden sumarse."):
        assert usted_forms(fine) == [], fine


def test_every_spanish_catalogue_says_tu():
    found = []
    for po_path in catalogues(Path(settings.BASE_DIR)):
        if po_path.parts[-3] != "es":
            continue
        for entry in polib.pofile(str(po_path)):
            for text in [entry.msgstr, *entry.msgstr_plural.values()]:
                if text and usted_forms(text):
                    found.append(f"{po_path.parent.parent.parent.parent.name}: {entry.msgid[:50]!r} → {text[:90]!r}")
    assert found == [], "\n".join(found)


@pytest.mark.django_db
def test_every_spanish_demo_page_and_service_says_tu(client):
    from services.models import Service

    spanish = Locale.objects.get(language_code="es")
    pages = Page.objects.live().public().filter(locale=spanish, depth__gt=1)
    assert pages.count() >= 40
    found = []
    for page in pages:
        response = client.get(page.url)
        if response.status_code != 200:
            continue
        found += [f"{page.url}: {form}" for form in usted_forms(page_text(response.content.decode()))]
    for service in Service.objects.filter(locale=spanish):
        for field in ("name", "description", "eligibility", "documents_required", "fees_note", "hours_note"):
            found += [f"service {service.slug} {field}: {form}" for form in usted_forms(getattr(service, field))]
    assert found == [], "\n".join(found)
