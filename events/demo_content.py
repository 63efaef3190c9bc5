"""Demo events: International Migrants Day 2026 across the country, an IRRTI training, two past years, and two
submissions waiting in the staff queue. Every event has a Spanish translation.

Organizers are fictional ("Demo" in every name, example.org sites and addresses, 555 phone numbers).
Pages are found by slug, so running it again adds nothing.
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.utils import timezone
from wagtail.models import Locale, Page

from events.models import EventIndexPage, EventPage, EventSubmission, SubmissionStatus
from nnirr_site.core.demo_builders import ensure_page, ensure_translation, paragraph, update_page

D = datetime.date
T = datetime.time
AZ, MT, CT, ET, PT = "America/Phoenix", "America/Denver", "America/Chicago", "America/New_York", "America/Los_Angeles"
DAY_2026 = D(2026, 12, 18)

# slug, (title en, title es), (summary en, summary es), city, state, zone, start, end, attendance, venue,
# street, (lat, lon) or None, venue private, languages, organizer, extra fields
MIGRANTS_DAY_2026 = [
    ("tucson-vigil-2026", ("Candlelight vigil for migrants who died crossing the desert",
                           "Vigilia con velas por las personas migrantes que murieron en el desierto"),
     ("We read the names of those who died on the border this year and light a candle for each.",
      "Leemos los nombres de quienes murieron en la frontera este año y encendemos una vela por cada persona."),
     "Tucson", "AZ", AZ, T(18, 0), T(19, 30), "in_person", "Demo Armory Park", "221 S 6th Ave", (32.2153, -110.9675),
     False, ["en", "es"], "Demo Sonoran Desert Humanitarian Project", {}),
    ("phoenix-rally-2026", ("Rally at the State Capitol", "Manifestación en el Capitolio estatal"),
     ("A noon rally for the rights of all migrants, with speakers from local congregations and unions.",
      "Una manifestación al mediodía por los derechos de todas las personas migrantes, con oradores de "
      "congregaciones y sindicatos locales."),
     "Phoenix", "AZ", AZ, T(12, 0), T(13, 30), "in_person", "Demo Capitol Plaza", "1700 W Washington St",
     (33.4481, -112.0970), False, ["en", "es"], "Demo Grace Fellowship Outreach",
     {"cancel": ("The plaza permit was withdrawn. We will gather at the spring forum instead.",
                 "Se retiró el permiso para la plaza. Nos reuniremos en el foro de primavera.")}),
    ("el-paso-forum-2026", ("Binational forum: human rights at the border", "Foro binacional: derechos humanos en la frontera"),
     ("Border residents from both sides share what they see and agree on what to ask of both governments.",
      "Residentes de ambos lados de la frontera cuentan lo que viven y acuerdan qué pedir a ambos gobiernos."),
     "El Paso", "TX", MT, T(17, 30), T(20, 0), "both", "Demo Community Hall", "1100 N Stanton St",
     (31.7698, -106.4869), False, ["es", "en"], "Demo Rio Grande Community Network",
     {"interpretation": "Spanish–English", "online_url": "https://meet.example.org/el-paso-forum"}),
    ("houston-dinner-2026", ("Community dinner for families", "Cena comunitaria para las familias"),
     ("A shared meal for families affected by detention, with childcare and legal information tables.",
      "Una comida compartida para familias afectadas por la detención, con cuidado infantil y mesas de "
      "información legal."),
     "Houston", "TX", CT, T(18, 30), T(21, 0), "in_person", "Demo Parish Hall", "4500 Private Rd", None,
     True, ["es", "en"], "Demo Gulf Coast Domestic Workers Union",
     {"registration_url": "https://register.example.org/houston-dinner", "accessibility_notes":
      "Step-free entrance. Childcare on site."}),
    ("san-antonio-rally-2026", ("Migrants Day march downtown", "Marcha del Día del Migrante en el centro"),
     ("We walk from the cathedral to the federal building with music and banners.",
      "Caminamos de la catedral al edificio federal con música y pancartas."),
     "San Antonio", "TX", CT, T(11, 0), T(13, 0), "in_person", "Demo Main Plaza", "115 Main Plaza",
     (29.4246, -98.4946), False, ["es", "en"], "Demo Iglesia Nueva Esperanza", {}),
    ("los-angeles-rally-2026", ("Rally and cultural festival", "Manifestación y festival cultural"),
     ("Music, dance and speakers celebrating the contributions of migrant workers to the city.",
      "Música, danza y oradores que celebran lo que las personas trabajadoras migrantes aportan a la ciudad."),
     "Los Angeles", "CA", PT, T(10, 0), T(14, 0), "in_person", "Demo Olvera Plaza", "125 Paseo de la Plaza",
     (34.0573, -118.2378), False, ["es", "en"], "Demo Comité de Familias Unidas", {}),
    ("oakland-forum-2026", ("Forum: why the US should ratify the Migrant Workers Convention",
                            "Foro: por qué EE. UU. debe ratificar la Convención sobre los Trabajadores Migratorios"),
     ("Labor and legal experts explain the UN convention and what ratification would change.",
      "Especialistas laborales y jurídicos explican la convención de la ONU y qué cambiaría su ratificación."),
     "Oakland", "CA", PT, T(18, 0), T(20, 0), "both", "Demo Labor Temple", "2315 Valdez St",
     (37.8120, -122.2640), False, ["en", "es"], "Demo Bay Area Worker Center",
     {"postpone": (D(2027, 1, 15), "The main speaker is ill; the forum moves to January.",
                   "La oradora principal está enferma; el foro pasa a enero."),
      "online_url": "https://meet.example.org/oakland-forum", "online_url_private": True,
      "registration_url": "https://register.example.org/oakland-forum"}),
    ("fresno-reception-2026", ("Welcome reception for new neighbors", "Recepción de bienvenida a los nuevos vecinos"),
     ("Refugee and immigrant families meet local groups, teachers and clinics over coffee and pan dulce.",
      "Familias refugiadas e inmigrantes conocen a grupos locales, docentes y clínicas con café y pan dulce."),
     "Fresno", "CA", PT, T(17, 0), T(19, 0), "in_person", "Demo Valley Community Center", "1515 E Divisadero St",
     (36.7470, -119.7770), False, ["en", "es", "other"], "Demo Valley Immigrant Coalition",
     {"interpretation": "Hmong and Punjabi volunteers"}),
    ("chicago-dinner-2026", ("Community dinner and storytelling", "Cena comunitaria y relatos"),
     ("Neighbors share food and stories of arrival; the place is shared with those who register.",
      "Vecinas y vecinos comparten comida e historias de llegada; el lugar se comunica a quienes se inscriben."),
     "Chicago", "IL", CT, T(18, 0), T(21, 0), "in_person", "Demo Southside Home", "0000 Private St", (41.80, -87.65),
     True, ["en", "es"], "Demo Southside Day Laborers Association",
     {"registration_url": "https://register.example.org/chicago-dinner", "cost": "$5 suggested, no one turned away"}),
    ("miami-vigil-2026", ("Interfaith vigil for Haitian and Latin American migrants",
                          "Vigilia interreligiosa por las personas migrantes haitianas y latinoamericanas"),
     ("Prayers and songs in Haitian Creole, Spanish and English for families separated by deportation.",
      "Oraciones y cantos en criollo haitiano, español e inglés por las familias separadas por la deportación."),
     "Miami", "FL", ET, T(19, 0), T(20, 30), "in_person", "Demo Notre Dame Church", "110 NE 62nd St",
     (25.8310, -80.1930), False, ["en", "es", "other"], "Demo Haitian Neighbors Association",
     {"interpretation": "Haitian Creole–English"}),
    ("new-york-forum-2026", ("Forum: migrants' rights in the city", "Foro: los derechos de las personas migrantes en la ciudad"),
     ("Community groups and city officials discuss language access, labor rights and sanctuary policies.",
      "Grupos comunitarios y funcionarios de la ciudad hablan de acceso lingüístico, derechos laborales y "
      "políticas santuario."),
     "New York", "NY", ET, T(18, 30), T(20, 30), "in_person", "Demo Public Library Auditorium", "455 5th Ave",
     (40.7510, -73.9820), False, ["en", "es"], "", {"accessibility_notes": "Wheelchair accessible. ASL on request."}),
    ("denver-screening-2026", ("Film screening: Uprooted", "Proyección: Uprooted (Desarraigados)"),
     ("We screen the network's half-hour film about three people who left Bolivia, Haiti and the Philippines, "
      "then talk.",
      "Proyectamos el documental de media hora de la Red sobre tres personas que dejaron Bolivia, Haití y "
      "Filipinas, y luego conversamos."),
     "Denver", "CO", MT, T(18, 0), T(20, 0), "in_person", "Demo Front Range Library", "10 W 14th Ave Pkwy",
     (39.7379, -104.9879), False, ["en", "es"], "Demo Front Range Immigrant Alliance", {}),
    ("seattle-reception-2026", ("Reception with refugee-led groups", "Recepción con grupos dirigidos por personas refugiadas"),
     ("Refugee-led organizations present their work; food from member kitchens.",
      "Organizaciones dirigidas por personas refugiadas presentan su trabajo; comida de cocinas de la red."),
     "Seattle", "WA", PT, T(17, 30), T(19, 30), "in_person", "Demo Puget Sound Hall", "2100 S Jackson St",
     (47.5990, -122.3030), False, ["en", "other"], "Demo Puget Sound Refugee Welcome", {}),
    ("boston-press-conference-2026", ("Press conference for a city resolution", "Conferencia de prensa por una resolución municipal"),
     ("Groups ask the city council to pass a Migrants Day resolution, using the network's tips sheet.",
      "Los grupos piden al concejo municipal que apruebe una resolución por el Día del Migrante, con la guía "
      "de la Red."),
     "Boston", "MA", ET, T(10, 0), T(11, 0), "in_person", "Demo City Hall Plaza", "1 City Hall Sq",
     (42.3603, -71.0580), False, ["en"], "Demo Commonwealth Immigrant Law Project", {}),
    ("online-teach-in-2026", ("Online teach-in: migration and human rights", "Charla en línea: migración y derechos humanos"),
     ("A bilingual teach-in on the UN framework for migrants' rights and how local groups use it.",
      "Una charla bilingüe sobre el marco de la ONU para los derechos de las personas migrantes y cómo lo usan "
      "los grupos locales."),
     "", "", ET, T(19, 0), T(20, 30), "online", "", "", None, False, ["es", "en"], "",
     {"online_url": "https://meet.example.org/teach-in", "interpretation": "Spanish–English"}),
]

PAST = [
    (D(2025, 12, 18), "tucson-vigil-2025", ("Candlelight vigil 2025", "Vigilia con velas 2025"),
     "Tucson", "AZ", AZ, T(18, 0), T(19, 0), "in_person", ["en", "es"]),
    (D(2025, 12, 18), "chicago-forum-2025", ("Forum on detention 2025", "Foro sobre la detención 2025"),
     "Chicago", "IL", CT, T(18, 30), T(20, 30), "in_person", ["en", "es"]),
    (D(2025, 12, 18), "online-teach-in-2025", ("Online teach-in 2025", "Charla en línea 2025"),
     "", "", ET, T(19, 0), T(20, 0), "online", ["es"]),
    (D(2024, 12, 18), "los-angeles-rally-2024", ("Rally and march 2024", "Manifestación y marcha 2024"),
     "Los Angeles", "CA", PT, T(10, 0), T(13, 0), "in_person", ["es", "en"]),
    (D(2024, 12, 18), "houston-dinner-2024", ("Community dinner 2024", "Cena comunitaria 2024"),
     "Houston", "TX", CT, T(18, 0), T(21, 0), "in_person", ["es", "en"]),
]


def _campaign(language):
    from campaigns.models import CampaignPage

    page = CampaignPage.objects.filter(slug="international-migrants-day", locale__language_code="en").first()
    if page is None or language == "en":
        return page
    locale = Locale.objects.filter(language_code=language).first()
    return page.get_translation_or_none(locale) if locale else None


def build_index(home):
    index = ensure_page(
        home, EventIndexPage, "events", title="Events",
        intro="Rallies, forums, vigils, community dinners and trainings across the country. Filter by state, "
              "language or campaign, and subscribe to the calendar.",
        summary="Events of the network and its member groups across the country.",
    )
    es = Locale.objects.filter(language_code="es").first()
    if es is not None and home.get_translation_or_none(es) is not None:
        ensure_translation(
            index, "es", "eventos", title="Eventos",
            intro="Manifestaciones, foros, vigilias, cenas comunitarias y talleres en todo el país. Filtra por "
                  "estado, idioma o campaña y suscríbete al calendario.",
            summary="Eventos de la Red y de sus grupos miembros en todo el país.",
        )
    return index


def _event(index, slug, titles, summaries, day, city, state, zone, start, end, attendance, languages,
           campaign=None, venue="", street="", geo=None, private=False, organizer="", extra=None):
    extra = dict(extra or {})
    cancel, postpone = extra.pop("cancel", None), extra.pop("postpone", None)
    existing = Page.objects.child_of(index).filter(slug=slug).first()
    fields = dict(
        title=titles[0], summary=summaries[0], start_date=day, start_time=start, end_time=end, time_zone=zone,
        city=city, state=state, attendance=attendance, venue_name=venue, street_address=street,
        venue_private=private, languages=languages, organizer_name=organizer, campaign=campaign,
        latitude=Decimal(str(geo[0])) if geo else None, longitude=Decimal(str(geo[1])) if geo else None,
        body=[paragraph(summaries[0])], **extra,
    )
    page = ensure_page(index, EventPage, slug, **fields)
    if existing is None and cancel:
        page = update_page(page, status="cancelled", status_note=cancel[0])
    if existing is None and postpone:
        page = update_page(page, status="postponed", postponed_to=postpone[0], status_note=postpone[1])
    es_fields = dict(title=titles[1], summary=summaries[1], body=[paragraph(summaries[1])])
    if campaign is not None:
        es_fields["campaign"] = _campaign("es")
    if cancel:
        es_fields["status_note"] = cancel[1]
    if postpone:
        es_fields["status_note"] = postpone[2]
    index_es = index.get_translation_or_none(Locale.objects.filter(language_code="es").first())
    if index_es is not None:
        ensure_translation(page, "es", slug, **es_fields)
    return page


def build_events(index):
    campaign = _campaign("en")
    for (slug, titles, summaries, city, state, zone, start, end, attendance, venue, street, geo, private,
         languages, organizer, extra) in MIGRANTS_DAY_2026:
        _event(index, slug, titles, summaries, DAY_2026, city, state, zone, start, end, attendance, languages,
               campaign=campaign, venue=venue, street=street, geo=geo, private=private, organizer=organizer,
               extra=extra)
    _event(
        index, "irrti-training-albuquerque-2027",
        ("IRRTI regional training for community organizers", "Taller regional IRRTI para organizadores comunitarios"),
        ("Two days of popular-education practice for organizers who will lead workshops in their communities.",
         "Dos días de práctica de educación popular para quienes van a facilitar talleres en sus comunidades."),
        D(2027, 2, 20), "Albuquerque", "NM", MT, T(9, 0), T(16, 0), "in_person", ["en", "es"],
        venue="Demo Center for Popular Education", street="800 4th St SW", geo=(35.0780, -106.6530),
        organizer="", extra={"end_date": D(2027, 2, 21), "registration_url": "https://register.example.org/irrti",
                             "cost": "Free; travel grants available",
                             "accessibility_notes": "Step-free building. Tell us what you need when you register."},
    )
    for day, slug, titles, city, state, zone, start, end, attendance, languages in PAST:
        summaries = (f"International Migrants Day {day.year}.", f"Día Internacional del Migrante {day.year}.")
        _event(index, slug, titles, summaries, day, city, state, zone, start, end, attendance, languages,
               campaign=campaign, extra={"online_url": "https://meet.example.org/archive"} if attendance == "online" else {})


SUBMISSIONS = [
    dict(title="Posada for migrant rights", summary="A neighborhood posada with songs and a short talk on rights.",
         start_date=DAY_2026, start_time=T(18, 0), end_time=T(20, 0), time_zone=CT, attendance="in_person",
         venue_name="Demo Parish Courtyard", street_address="300 Demo Ave", city="Dallas", state="TX",
         organizer_name="Demo Eastside Tenants and Workers Union", languages=["es", "en"],
         contact_name="Jordan Diaz", contact_email="jordan@eastside-tenants.example.org", contact_phone="(214) 555-0142",
         language="en"),
    dict(title="Taller: conoce tus derechos", summary="Un taller para saber qué hacer ante un operativo migratorio.",
         start_date=D(2026, 12, 19), start_time=T(10, 0), end_time=T(12, 0), time_zone=PT, attendance="in_person",
         venue_name="Demo Centro Comunitario", street_address="50 Demo St", city="Santa Ana", state="CA",
         organizer_name="Demo Red de Mujeres Migrantes", languages=["es"], venue_private=True,
         contact_name="Morgan Silva", contact_email="morgan@mujeres-migrantes.example.org", language="es"),
]


def build_submissions(index):
    for fields in SUBMISSIONS:
        if EventSubmission.objects.filter(title=fields["title"]).exists():
            continue
        now = timezone.now()
        EventSubmission.objects.create(
            index_page=index, status=SubmissionStatus.PENDING, confirmed_at=now, created_at=now,
            consent_text="I agree that the network stores these details to review the event.", **fields,
        )


def build(home):
    if "events" not in settings.INSTALLED_APPS:
        return
    index = build_index(home)
    build_events(index)
    build_submissions(index)


def link(home):
    """After every app's demo (the staff groups come from the accounts demo): Moderators review submitted events."""
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.filter(name="Moderators").first()
    if group is not None:
        group.permissions.add(Permission.objects.get(content_type__app_label="events",
                                                     codename="moderate_eventsubmission"))
