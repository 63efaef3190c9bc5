"""Demo sign-on letters: the Migrant Workers Convention call for ratification and the International Migrants Day statement.

Each letter sits under the campaign page of the same subject when the campaigns demo made it,
otherwise under a statements index at ``/statements/``; both have a Spanish translation. The
organizations and people are fictional ("Demo" in every name, example.org sites and addresses,
555 phone numbers). Organizations are keyed by their normalized name and people by their email
key, so running it again adds nothing.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.utils import timezone
from wagtail.models import Locale, Page

from campaigns.letters.models import (
    Endorsement,
    EndorsementStatus,
    IndividualSigner,
    OrganizationKind,
    SignOnLetterPage,
    StatementIndexPage,
)
from campaigns.letters.signing import CONSENT_VERSION, normalize_name, website_domain
from nnirr_site.core.demo_builders import ensure_page, ensure_translation, rich
from supporter_actions.addresses import email_key

K = OrganizationKind
DEMO_STAFF = "Demo staff"
CONSENT_TEXT = {
    "en": "I am authorized to sign on behalf of this organization. "
    "I agree that the network stores these details to verify and list our sign-on.",
    "es": "Estoy autorizado/a para firmar en nombre de esta organización. "
    "Acepto que la Red guarde estos datos para verificar y publicar nuestra adhesión.",
}

# (name, kind, city, state, subdomain, language). State names read the same in English and Spanish.
CONVENTION_VERIFIED = [
    ("Demo Valley Immigrant Coalition", K.LOCAL_COALITION, "Fresno", "California", "valley-coalition", "en"),
    ("Demo Bay Area Worker Center", K.LABOR, "Oakland", "California", "bay-workers", "en"),
    ("Demo Comité de Familias Unidas", K.COMMUNITY, "Los Angeles", "California", "familias-unidas", "es"),
    ("Demo Saint Brigid Parish Justice Ministry", K.FAITH, "San Jose", "California", "st-brigid", "en"),
    ("Demo Central Coast Legal Aid", K.LEGAL_SERVICES, "Salinas", "California", "coast-legal", "en"),
    ("Demo Border Rights Alliance", K.ADVOCACY, "San Diego", "California", "border-rights", "en"),
    ("Demo Rio Grande Community Network", K.LOCAL_COALITION, "El Paso", "Texas", "rio-grande", "es"),
    ("Demo Gulf Coast Domestic Workers Union", K.LABOR, "Houston", "Texas", "gulf-workers", "en"),
    ("Demo Iglesia Nueva Esperanza", K.FAITH, "San Antonio", "Texas", "nueva-esperanza", "es"),
    ("Demo Valley Immigration Legal Clinic", K.LEGAL_SERVICES, "McAllen", "Texas", "valley-clinic", "en"),
    ("Demo Sonoran Desert Humanitarian Project", K.COMMUNITY, "Tucson", "Arizona", "sonoran-aid", "en"),
    ("Demo Arizona Migrant Studies Center", K.ACADEMIC, "Tempe", "Arizona", "migrant-studies", "en"),
    ("Demo Nogales Accompaniment Group", K.COMMUNITY, "Nogales", "Arizona", "nogales-group", "es"),
    ("Demo Lakeside Refugee Coalition", K.LOCAL_COALITION, "Chicago", "Illinois", "lakeside-refugees", "en"),
    ("Demo Prairie Interfaith Council", K.FAITH, "Springfield", "Illinois", "prairie-interfaith", "en"),
    ("Demo Southside Day Laborers Association", K.LABOR, "Chicago", "Illinois", "southside-laborers", "es"),
    ("Demo Sunshine Farmworker Alliance", K.LABOR, "Immokalee", "Florida", "sunshine-farmworkers", "en"),
    ("Demo Haitian Neighbors Association", K.COMMUNITY, "Miami", "Florida", "haitian-neighbors", "en"),
    ("Demo Florida Asylum Help Desk", K.LEGAL_SERVICES, "Orlando", "Florida", "asylum-help", "en"),
    ("Demo Front Range Immigrant Alliance", K.LOCAL_COALITION, "Denver", "Colorado", "front-range", "en"),
    ("Demo Mountain Cooperative Bakery", K.BUSINESS, "Boulder", "Colorado", "mountain-bakery", "en"),
    ("Demo Willamette Human Rights Circle", K.ADVOCACY, "Portland", "Oregon", "willamette-rights", "en"),
    ("Demo Pacific Northwest Farmworker Union", K.LABOR, "Yakima", "Washington", "pnw-farmworkers", "es"),
    ("Demo Puget Sound Refugee Welcome", K.COMMUNITY, "Seattle", "Washington", "puget-welcome", "en"),
    ("Demo Commonwealth Immigrant Law Project", K.LEGAL_SERVICES, "Boston", "Massachusetts", "commonwealth-law", "en"),
    ("Demo Harbor Friends Meeting", K.FAITH, "Worcester", "Massachusetts", "harbor-friends", "en"),
    ("Demo Twin Cities Migrant Justice Network", K.LOCAL_COALITION, "Minneapolis", "Minnesota", "twin-cities", "en"),
    ("Demo Atlanta Dignity Project", K.ADVOCACY, "Atlanta", "Georgia", "atlanta-dignity", "en"),
    ("Demo Silver State Workers Center", K.LABOR, "Las Vegas", "Nevada", "silver-workers", "es"),
    ("Demo Community Radio Collective", K.OTHER, "Reno", "Nevada", "community-radio", "en"),
]
CONVENTION_PENDING = [
    ("Demo Eastside Tenants and Workers Union", K.LABOR, "Dallas", "Texas", "eastside-tenants", "en"),
    ("Demo Grace Fellowship Outreach", K.FAITH, "Phoenix", "Arizona", "grace-outreach", "en"),
    ("Demo Red de Mujeres Migrantes", K.COMMUNITY, "Santa Ana", "California", "mujeres-migrantes", "es"),
]
CONVENTION_REJECTED = (
    ("Demo Quick Visa Consultants", K.BUSINESS, "Miami", "Florida", "quick-visa", "en"),
    "A commercial visa service, not an organization that works for migrants' rights; the contact could not "
    "confirm being authorized to sign.",
)
STATEMENT_VERIFIED = [
    ("Demo Valley Immigrant Coalition", K.LOCAL_COALITION, "Fresno", "California", "valley-coalition", "en"),
    ("Demo Rio Grande Community Network", K.LOCAL_COALITION, "El Paso", "Texas", "rio-grande", "es"),
    ("Demo Lakeside Refugee Coalition", K.LOCAL_COALITION, "Chicago", "Illinois", "lakeside-refugees", "en"),
    ("Demo Harbor Friends Meeting", K.FAITH, "Worcester", "Massachusetts", "harbor-friends", "en"),
    ("Demo Front Range Immigrant Alliance", K.LOCAL_COALITION, "Denver", "Colorado", "front-range", "en"),
    ("Demo Sunshine Farmworker Alliance", K.LABOR, "Immokalee", "Florida", "sunshine-farmworkers", "en"),
    ("Demo Nogales Accompaniment Group", K.COMMUNITY, "Nogales", "Arizona", "nogales-group", "es"),
]
CONVENTION_INDIVIDUALS = [
    ("Marisol", "Vega", "Fresno", "California", "es"),
    ("Daniel", "Kim", "Oakland", "California", "en"),
    ("Grace", "Okafor", "Houston", "Texas", "en"),
    ("Tomas", "Herrera", "El Paso", "Texas", "es"),
    ("Linh", "Tran", "Seattle", "Washington", "en"),
    ("Rosa", "Delgado", "Tucson", "Arizona", "es"),
    ("Samuel", "Bekele", "Minneapolis", "Minnesota", "en"),
    ("Amina", "Haddad", "Chicago", "Illinois", "en"),
    ("Lucia", "Fernandez", "Miami", "Florida", "es"),
    ("Peter", "Walsh", "Boston", "Massachusetts", "en"),
    ("Joseph", "Pierre", "Miami", "Florida", "en"),
    ("Carmen", "Ortiz", "Denver", "Colorado", "es"),
]
CONTACTS = ["Alex Rivera", "Sam Lee", "Jordan Diaz", "Taylor Nguyen", "Morgan Silva", "Casey Brown"]
TITLES = ["Director", "Coordinator", "Organizer", "Board chair", ""]


def _campaign(slug):
    from campaigns.models import CampaignPage

    return CampaignPage.objects.filter(slug=slug, locale__language_code=settings.LANGUAGE_CODE).first()


def _statements(home, cache):
    if "en" not in cache:
        cache["en"] = ensure_page(
            home,
            StatementIndexPage,
            "statements",
            title="Statements and sign-on letters",
            intro="Letters and statements that organizations across the country endorse together.",
            summary="The network's statements and sign-on letters.",
        )
        es = Locale.objects.filter(language_code="es").first()
        if es is not None and home.get_translation_or_none(es) is not None:
            ensure_translation(
                cache["en"],
                "es",
                "declaraciones",
                title="Declaraciones y cartas de adhesión",
                intro="Cartas y declaraciones que organizaciones de todo el país respaldan juntas.",
                summary="Las declaraciones y cartas de adhesión de la Red.",
            )
    return cache["en"]


def build_convention_letter(parent):
    return ensure_page(
        parent,
        SignOnLetterPage,
        "sign-on-letter",
        title="Organizations call on the United States to ratify the Migrant Workers Convention",
        summary="Add your organization to the call for US ratification of the UN Migrant Workers Convention.",
        addressee="The President and the Members of the United States Senate",
        letter_text=rich(
            "We, the undersigned organizations, write to ask the United States to ratify the International "
            "Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families.",
            "Migrant workers grow and harvest our food, care for our children and elders, and build our homes. "
            "Too many of them are underpaid, work in unsafe conditions, are held in detention or are separated "
            "from their families, whatever their immigration status.",
            "The Convention sets out basic human rights for every migrant worker and family member: fair pay and "
            "safe work, due process, protection from arbitrary detention and collective expulsion, and access to "
            "essential services. Ratifying it would show that the United States respects these rights at home.",
            "We ask the President to send the Convention to the Senate, and the Senate to ratify it without delay.",
        ),
        organization_goal=100,
        allow_individuals=True,
        thank_you_text=rich(
            "Thank you. Please check the contact person's inbox and confirm the sign-on; our staff then verify "
            "it before your organization appears on the list."
        ),
    )


def translate_convention_letter(page):
    return ensure_translation(
        page,
        "es",
        "carta-de-adhesion",
        title="Organizaciones piden a los Estados Unidos que ratifiquen la Convención sobre los Trabajadores Migratorios",
        summary="Suma a tu organización al llamado para que EE. UU. ratifique la Convención de la ONU sobre los "
        "Trabajadores Migratorios.",
        addressee="El Presidente y los miembros del Senado de los Estados Unidos",
        letter_text=rich(
            "Las organizaciones que firmamos pedimos a los Estados Unidos que ratifiquen la Convención "
            "Internacional sobre la Protección de los Derechos de Todos los Trabajadores Migratorios y de sus "
            "Familiares.",
            "Las personas trabajadoras migrantes cultivan y cosechan nuestros alimentos, cuidan a nuestras niñas, "
            "niños y personas mayores, y construyen nuestras casas. Muchas de ellas reciben salarios injustos, "
            "trabajan en condiciones peligrosas, son detenidas o separadas de sus familias, sea cual sea su "
            "situación migratoria.",
            "La Convención reconoce derechos humanos básicos a toda persona trabajadora migrante y a su familia: "
            "un salario justo y trabajo seguro, el debido proceso, protección contra la detención arbitraria y la "
            "expulsión colectiva, y acceso a los servicios esenciales. Ratificarla mostraría que los Estados "
            "Unidos respetan estos derechos en su propio territorio.",
            "Pedimos al Presidente que envíe la Convención al Senado, y al Senado que la ratifique sin demora.",
        ),
        thank_you_text=rich(
            "Gracias. Revisa el correo de la persona de contacto y confirma la adhesión; luego nuestro equipo la "
            "verifica antes de que tu organización aparezca en la lista."
        ),
    )


def build_statement(parent):
    return ensure_page(
        parent,
        SignOnLetterPage,
        "national-statement",
        title="International Migrants Day national statement",
        summary="On December 18, local groups across the country endorse one statement for the rights of all migrants.",
        addressee="Elected officials in our cities, states and in Washington",
        letter_text=rich(
            "On December 18, International Migrants Day, our organizations join communities around the world to "
            "stand up for the human rights of all migrants and refugees, whatever their immigration status.",
            "Migrants are our neighbors, coworkers and family members. They deserve safety, fair work, health "
            "care and the chance to live with their families without fear of raids, detention or deportation.",
            "We ask our elected officials to protect migrants' human rights in their own communities, to welcome "
            "refugees, and to support US ratification of the Migrant Workers Convention.",
        ),
        organization_goal=50,
        allow_individuals=False,
        thank_you_text=rich("Thank you. Please confirm the sign-on from the contact person's inbox."),
    )


def translate_statement(page):
    return ensure_translation(
        page,
        "es",
        "declaracion-nacional",
        title="Declaración nacional del Día Internacional del Migrante",
        summary="El 18 de diciembre, grupos locales de todo el país respaldan una misma declaración por los "
        "derechos de todas las personas migrantes.",
        addressee="Autoridades electas de nuestras ciudades, estados y de Washington",
        letter_text=rich(
            "El 18 de diciembre, Día Internacional del Migrante, nuestras organizaciones se unen a comunidades de "
            "todo el mundo para defender los derechos humanos de todas las personas migrantes y refugiadas, sea "
            "cual sea su situación migratoria.",
            "Las personas migrantes son nuestras vecinas, compañeras de trabajo y familiares. Merecen seguridad, "
            "trabajo digno, atención médica y la posibilidad de vivir con sus familias sin miedo a redadas, "
            "detenciones o deportaciones.",
            "Pedimos a nuestras autoridades electas que protejan los derechos humanos de las personas migrantes "
            "en sus comunidades, que acojan a las personas refugiadas y que apoyen la ratificación de la "
            "Convención sobre los Trabajadores Migratorios por parte de los Estados Unidos.",
        ),
        thank_you_text=rich("Gracias. Confirma la adhesión desde el correo de la persona de contacto."),
    )


def add_endorsements(versions, rows, status, start, reason=""):
    """Bulk-create the endorsements of ``rows`` missing from the letter (by normalized name)."""
    letter = versions["en"]
    key = letter.translation_key
    existing = set(Endorsement.objects.filter(letter_key=key).values_list("name_key", flat=True))
    new = []
    for number, (name, kind, city, state, subdomain, language) in enumerate(rows):
        name_key = normalize_name(name)
        if name_key in existing:
            continue
        website = f"https://{subdomain}.example.org/"
        contact_email = f"contact@{subdomain}.example.org"
        created = start + datetime.timedelta(hours=9 * number)
        confirmed = created + datetime.timedelta(minutes=12)
        decided = confirmed + datetime.timedelta(days=1) if status != EndorsementStatus.PENDING else None
        new.append(
            Endorsement(
                letter=versions.get(language, letter),
                letter_key=key,
                organization_name=name,
                name_key=name_key,
                kind=kind,
                city=city,
                state=state,
                country="US",
                website=website,
                website_domain=website_domain(website),
                contact_name=CONTACTS[number % len(CONTACTS)],
                contact_title=TITLES[number % len(TITLES)],
                contact_email=contact_email,
                contact_email_key=email_key(contact_email),
                contact_phone=f"+1 555 01{number % 100:02d}",
                authorized=True,
                consent_text=CONSENT_TEXT[language],
                consent_version=CONSENT_VERSION,
                language=language,
                created_at=created,
                confirmed_at=confirmed,
                status=status,
                decided_at=decided,
                decided_by_name=DEMO_STAFF if decided else "",
                rejection_reason=reason,
                emails_count=2 if status == EndorsementStatus.VERIFIED else 1,
            )
        )
        existing.add(name_key)
    Endorsement.objects.bulk_create(new)


def add_individuals(versions, rows, start):
    letter = versions["en"]
    key = letter.translation_key
    existing = set(IndividualSigner.objects.filter(letter_key=key).values_list("email_key", flat=True))
    new = []
    for number, (first, last, city, state, language) in enumerate(rows):
        email = f"{first}.{last}".lower() + "@example.org"
        if email_key(email) in existing:
            continue
        created = start + datetime.timedelta(hours=7 * number)
        new.append(
            IndividualSigner(
                letter=versions.get(language, letter),
                letter_key=key,
                first_name=first,
                last_name=last,
                city=city,
                state=state,
                email=email,
                email_key=email_key(email),
                language=language,
                consent_version=CONSENT_VERSION,
                created_at=created,
                confirmed_at=created + datetime.timedelta(minutes=5),
                emails_count=1,
            )
        )
    IndividualSigner.objects.bulk_create(new)


def _with_spanish(page, translate):
    versions = {"en": page}
    es = Locale.objects.filter(language_code="es").first()
    if es is not None and Page.objects.get(pk=page.get_parent().pk).get_translation_or_none(es) is not None:
        versions["es"] = translate(page)
    return versions


# The 2026 statement takes endorsements until the end of International Migrants Day, Pacific time.
STATEMENT_DEADLINE = datetime.datetime(2026, 12, 18, 23, 59, tzinfo=zoneinfo.ZoneInfo("America/Los_Angeles"))


def close_statement_on_migrants_day(versions):
    """Give the Migrants Day statement (every language) this year's deadline, also on an older demo database."""
    for page in versions.values():
        if page.deadline is None:
            SignOnLetterPage.objects.filter(pk=page.pk).update(deadline=STATEMENT_DEADLINE)
            SignOnLetterPage.objects.get(pk=page.pk).save_revision().publish()


def build(home):
    statements = {}
    convention_parent = _campaign("ratify-migrant-workers-convention") or _statements(home, statements)
    convention = _with_spanish(build_convention_letter(convention_parent), translate_convention_letter)
    statement_parent = _campaign("international-migrants-day") or _statements(home, statements)
    statement = _with_spanish(build_statement(statement_parent), translate_statement)
    close_statement_on_migrants_day(statement)

    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    add_endorsements(convention, CONVENTION_VERIFIED, EndorsementStatus.VERIFIED, now - datetime.timedelta(days=40))
    add_endorsements(convention, CONVENTION_PENDING, EndorsementStatus.PENDING, now - datetime.timedelta(days=2))
    add_endorsements(
        convention, [CONVENTION_REJECTED[0]], EndorsementStatus.REJECTED, now - datetime.timedelta(days=6),
        reason=CONVENTION_REJECTED[1],
    )
    add_individuals(convention, CONVENTION_INDIVIDUALS, now - datetime.timedelta(days=30))
    add_endorsements(statement, STATEMENT_VERIFIED, EndorsementStatus.VERIFIED, now - datetime.timedelta(days=20))
