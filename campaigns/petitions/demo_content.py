"""Demo petitions: the 2021 refugee admissions petition (closed) and the Migrant Workers Convention call (open).

They sit under the campaign pages of the same name when the campaigns demo
made them, otherwise under a petition index at ``/petitions/``. A few example
signatures (example.org addresses) make the counts and the signer list show.
Running it again changes nothing.

It also makes sure the "Petition data" group exists and, in development only
(``DEBUG``, like ``ensure_demo_admin``), adds an example editor who is not in
it and so sees petition totals but no signer's data.
"""

import datetime
from zoneinfo import ZoneInfo

from django.apps import apps
from django.conf import settings
from django.utils import timezone
from wagtail.models import Locale, Page

from campaigns.petitions.data_access import ensure_petition_data_group
from campaigns.petitions.models import PetitionIndexPage, PetitionPage, Signature
from campaigns.petitions.signing import normalize_email, recount
from nnirr_site.core.demo_builders import ensure_page, ensure_translation, get_or_create_image, rich, update_page

PACIFIC = ZoneInfo("America/Los_Angeles")

DEMO_EDITOR_USERNAME = "editor"
DEMO_EDITOR_PASSWORD = "nnirr-demo-editor-2026"  # development only: never created unless DEBUG

REFUGEE_SIGNERS = [
    ("Amina", "Haddad", "US", "en"),
    ("Jorge", "Ramírez", "US", "es"),
    ("Grace", "Okafor", "US", "en"),
    ("Linh", "Tran", "US", "en"),
    ("Rosa", "Delgado", "MX", "es"),
    ("Samuel", "Bekele", "US", "en"),
    ("Fatima", "Noor", "CA", "en"),
    ("Tomás", "Herrera", "US", "es"),
]
CONVENTION_SIGNERS = [
    ("Marisol", "Vega", "US", "es"),
    ("Daniel", "Kim", "US", "en"),
    ("Ana", "Lopes", "BR", "en"),
    ("Kwame", "Mensah", "GH", "en"),
    ("Lucía", "Fernández", "US", "es"),
    ("Peter", "Walsh", "IE", "en"),
]


def _campaign_parent(slug):
    """The English campaign page with ``slug``, if the campaigns demo created it."""
    try:
        campaign_model = apps.get_model("campaigns", "CampaignPage")
    except LookupError:
        return None
    page = campaign_model.objects.filter(slug=slug, locale__language_code=settings.LANGUAGE_CODE).first()
    if page is None or "petitions.PetitionPage" not in _allowed_children(page):
        return None
    return page


def _allowed_children(page):
    return {f"{model._meta.app_label}.{model.__name__}" for model in page.specific_class.creatable_subpage_models()}


PETITION_INDEX_INTRO = (
    "Add your name to the demands of immigrant and refugee communities. Open petitions come first; closed ones "
    "stay here as a record of what we asked for."
)


def _index(home):
    index = ensure_page(
        home,
        PetitionIndexPage,
        "petitions",
        title="Petitions",
        intro=PETITION_INDEX_INTRO,
        summary="Petitions of the network, open and closed.",
    )
    if not index.intro:  # an index a test or an older demo made with a title only
        index = update_page(index, intro=PETITION_INDEX_INTRO, summary="Petitions of the network, open and closed.")
    return index


def _spanish_index(index):
    es = Locale.objects.filter(language_code="es").first()
    if es is None or index.get_parent().get_translation_or_none(es) is None:
        return None
    return ensure_translation(
        index,
        "es",
        "peticiones",
        title="Peticiones",
        intro="Suma tu nombre a las demandas de las comunidades inmigrantes y refugiadas.",
        summary="Las peticiones de la Red, abiertas y cerradas.",
    )


# Shown under the thank-you page's own "Thank you for signing": they do not thank a second time.
REFUGEE_THANKS_EN = "Standing with refugees matters: we delivered the signatures together with our partners."
REFUGEE_THANKS_ES = "Apoyar a las personas refugiadas importa: entregamos las firmas junto con nuestras organizaciones aliadas."
CONVENTION_THANKS_EN = (
    "Organizations can sign on too: the campaign page has the call for ratification that groups endorse."
)
CONVENTION_THANKS_ES = (
    "Las organizaciones también pueden sumarse: en la página de la campaña está el llamado a la ratificación que "
    "respaldan los grupos."
)
OLD_THANKS = {  # what an older demo database still says, and what it says now
    "Thank you for standing with refugees. We delivered the signatures with our partners.": REFUGEE_THANKS_EN,
    "Thank you! Organizations can also endorse the call for ratification: write to us to add your group.":
        CONVENTION_THANKS_EN,
    "Gracias por apoyar a las personas refugiadas. Entregamos las firmas junto con nuestras organizaciones aliadas.":
        REFUGEE_THANKS_ES,
    "¡Gracias! Las organizaciones también pueden respaldar el llamado a la ratificación: escríbenos para sumar a tu "
    "grupo.": CONVENTION_THANKS_ES,
}


def say_thank_you_once():
    """Replace the thank-you texts of an older demo database that thanked twice."""
    for old, new in OLD_THANKS.items():
        for petition in PetitionPage.objects.filter(thank_you_text=rich(old)):
            update_page(petition, thank_you_text=rich(new))


def build_refugee_petition(parent):
    return ensure_page(
        parent,
        PetitionPage,
        "refugee-admissions-petition",
        title="Admit at least 62,500 refugees this year",
        summary="In April 2021 we asked the President to raise the refugee ceiling to the 62,500 that had been promised.",
        listing_image=get_or_create_image("Refugee families welcome illustration", "sky"),
        addressee="The President of the United States",
        ask=rich(
            "In April 2021 the administration decided to leave the refugee admissions ceiling for fiscal year 2021 "
            "at 15,000, the historic low set by its predecessor, even though it had promised to raise it to 62,500.",
            "Thousands of refugees who had already been vetted were left waiting in danger. We, the undersigned, "
            "ask you to keep your word: admit at least 62,500 refugees this fiscal year and rebuild a welcoming "
            "resettlement system.",
        ),
        signature_goal=10000,
        deadline=datetime.datetime(2021, 5, 15, 23, 59, tzinfo=PACIFIC),
        ask_postal_code=True,
        ask_country=True,
        ask_comment=True,
        show_signers=True,
        offline_signatures=1250,
        thank_you_text=rich(REFUGEE_THANKS_EN),
        share_text="Refugees were promised 62,500 places this year. Ask the President to keep that promise.",
    )


def build_convention_petition(parent):
    return ensure_page(
        parent,
        PetitionPage,
        "ratify-the-convention-petition",
        title="Ratify the Migrant Workers Convention",
        summary="Ask the United States to ratify the UN convention that protects all migrant workers and their families.",
        listing_image=get_or_create_image("Migrant workers convention illustration", "leaf"),
        addressee="The President and the United States Senate",
        ask=rich(
            "The UN International Convention on the Protection of the Rights of All Migrant Workers and Members "
            "of Their Families sets out basic rights for every migrant worker, with or without papers: fair pay, "
            "safe work, due process and family life.",
            "The United States has not ratified it. We, the undersigned, ask the President to send the Convention "
            "to the Senate and ask the Senate to ratify it without delay.",
        ),
        signature_goal=5000,
        deadline=None,
        ask_postal_code=True,
        ask_country=True,
        ask_comment=False,
        show_signers=True,
        offline_signatures=0,
        thank_you_text=rich(CONVENTION_THANKS_EN),
        share_text="Migrant workers' rights are human rights. Ask the US to ratify the Migrant Workers Convention.",
    )


def translate_refugee(page, es_parent):
    return ensure_translation(
        page,
        "es",
        "peticion-admision-de-refugiados",
        title="Admitan al menos a 62.500 personas refugiadas este año",
        summary="En abril de 2021 pedimos al Presidente subir el tope de refugiados a los 62.500 que había prometido.",
        addressee="El Presidente de los Estados Unidos",
        ask=rich(
            "En abril de 2021 el gobierno decidió mantener en 15.000 el tope de admisión de refugiados para el año "
            "fiscal 2021, el mínimo histórico fijado por el gobierno anterior, a pesar de haber prometido subirlo "
            "a 62.500.",
            "Miles de personas refugiadas que ya habían pasado todos los controles quedaron esperando en peligro. "
            "Quienes firmamos le pedimos que cumpla su palabra: admita al menos a 62.500 personas refugiadas este "
            "año fiscal y reconstruya un sistema de reasentamiento acogedor.",
        ),
        thank_you_text=rich(REFUGEE_THANKS_ES),
        share_text="A las personas refugiadas se les prometieron 62.500 plazas este año. Pide al Presidente que cumpla.",
    )


def translate_convention(page, es_parent):
    return ensure_translation(
        page,
        "es",
        "peticion-ratificar-la-convencion",
        title="Ratifiquen la Convención sobre los Trabajadores Migratorios",
        summary="Pide a los Estados Unidos que ratifiquen la convención de la ONU que protege a toda persona "
        "trabajadora migrante y a su familia.",
        addressee="El Presidente y el Senado de los Estados Unidos",
        ask=rich(
            "La Convención Internacional de la ONU sobre la Protección de los Derechos de Todos los Trabajadores "
            "Migratorios y de sus Familiares reconoce derechos básicos a toda persona trabajadora migrante, tenga "
            "papeles o no: un salario justo, trabajo seguro, debido proceso y vida en familia.",
            "Los Estados Unidos no la han ratificado. Quienes firmamos pedimos al Presidente que envíe la Convención "
            "al Senado, y al Senado que la ratifique sin demora.",
        ),
        thank_you_text=rich(CONVENTION_THANKS_ES),
        share_text="Los derechos de las personas trabajadoras migrantes son derechos humanos. Pide a EE. UU. que "
        "ratifique la Convención.",
    )


def add_example_signatures(petition, signers, translations, first_day):
    """Confirmed, listed example signatures (example.org); only the missing ones are added.

    Once ``purge_petition_data`` has anonymized a petition's signatures, none are added again.
    """
    if Signature.objects.filter(petition_key=petition.translation_key, anonymised_at__isnull=False).exists():
        return
    moment = first_day
    for number, (first, last, country, language) in enumerate(signers):
        email = f"{first}.{last}".lower().replace("á", "a").replace("í", "i").replace("é", "e") + "@example.org"
        page = translations.get(language, petition)
        moment = moment + datetime.timedelta(hours=5 + number)
        Signature.objects.get_or_create(
            petition_key=petition.translation_key,
            email_normalized=normalize_email(email),
            defaults={
                "petition": page,
                "first_name": first,
                "last_name": last,
                "email": email,
                "country": country,
                "privacy_notice_version": settings.PRIVACY_NOTICE_VERSION,
                "language": language,
                "show_name": number % 4 != 3,
                "created_at": moment,
                "confirmed_at": moment + datetime.timedelta(minutes=7),
                "counted_at": moment + datetime.timedelta(minutes=7),
            },
        )
    recount(petition.translation_key)


def show_form_on_campaign(petition):
    """Put the petition's signing form among its campaign's actions, if it hangs under a campaign."""
    from campaigns.models import CampaignPage

    campaign = CampaignPage.objects.filter(pk=petition.get_parent().pk).first()
    if campaign is None or any(
        block.block_type == "petition" and block.value["petition"] and block.value["petition"].pk == petition.pk
        for block in campaign.actions
    ):
        return
    actions = [(block.block_type, block.value) for block in campaign.actions]
    update_page(campaign, actions=[("petition", {"petition": petition, "heading": ""}), *actions])


def ensure_demo_editor():
    """In development, an editor in Wagtail's "Editors" group but not in "Petition data"."""
    if not settings.DEBUG:
        return None
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user, created = get_user_model().objects.get_or_create(
        username=DEMO_EDITOR_USERNAME,
        defaults={"email": "editor@example.org", "first_name": "Demo", "last_name": "Editor", "is_staff": False},
    )
    if created:
        user.set_password(DEMO_EDITOR_PASSWORD)
        user.save()
        editors = Group.objects.filter(name="Editors").first()
        if editors is not None:
            user.groups.add(editors)
    return user


def build(home):
    ensure_petition_data_group()
    ensure_demo_editor()
    # The index lists every petition of its language (those under campaigns too), so it always exists.
    index = _index(home)
    placed = {}
    for slug, builder in (
        ("refugee-admissions-2021", build_refugee_petition),
        ("ratify-migrant-workers-convention", build_convention_petition),
    ):
        parent = _campaign_parent(slug) or index
        placed[slug] = (parent, builder(parent))

    es = Locale.objects.filter(language_code="es").first()
    _spanish_index(index)
    translated = {}
    for slug, translate in (
        ("refugee-admissions-2021", translate_refugee),
        ("ratify-migrant-workers-convention", translate_convention),
    ):
        parent, petition = placed[slug]
        es_parent = Page.objects.get(pk=parent.pk).get_translation_or_none(es) if es else None
        translated[slug] = {"en": petition}
        if es_parent is not None:
            translated[slug]["es"] = translate(petition, es_parent)

    for versions in translated.values():
        for petition in versions.values():
            show_form_on_campaign(petition)
    say_thank_you_once()

    add_example_signatures(
        placed["refugee-admissions-2021"][1],
        REFUGEE_SIGNERS,
        translated["refugee-admissions-2021"],
        datetime.datetime(2021, 4, 20, 9, 0, tzinfo=PACIFIC),
    )
    add_example_signatures(
        placed["ratify-migrant-workers-convention"][1],
        CONVENTION_SIGNERS,
        translated["ratify-migrant-workers-convention"],
        timezone.now() - datetime.timedelta(days=10),
    )
