"""Demo content of the core app: the site, its home page, standard pages, settings and menus.

Facts come from the content brief; the wording is our own. Each function is
idempotent: it finds what is there and creates only what is missing.
"""

import json

from django.conf import settings
from wagtail.models import Collection, Locale, Page, Site

from nnirr_site.core import site_url
from nnirr_site.core.us_spelling import americanize
from nnirr_site.core.demo_builders import (
    ensure_page,
    ensure_translation,
    get_or_create_image,
    heading,
    paragraph,
    quote,
    update_page,
)
from nnirr_site.core.models import HomePage, Menu, MenuItem, Office, SiteSettings, StandardPage, TakeActionPage

PRIVACY_NOTICE_VERSION = settings.PRIVACY_NOTICE_VERSION


def ensure_locales():
    """Make sure every language in settings has a Wagtail locale."""
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def ensure_root():
    """Return the tree root (and the root collection), creating them if a test flushed the database."""
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(title="Root", slug="root", locale=Locale.get_default())
    return root


def build_home():
    """Create the home page, make it the default site's root (at the site's address), remove Wagtail's welcome page."""
    ensure_locales()
    root = ensure_root()
    hero_image = get_or_create_image("Community gathering illustration", "teal", (1600, 900))
    home = HomePage.objects.filter(depth=2, locale__language_code=settings.LANGUAGE_CODE).first()
    if home is None:
        home = ensure_page(
            root,
            HomePage,
            "home-nnirr",
            title="Home",
            seo_title="Human rights for all immigrants and refugees",
            hero_heading="Human rights for every immigrant and refugee",
            hero_text=(
                "We are a national network of local coalitions and immigrant, refugee, community, faith, "
                "civil-rights and labor groups. Together we defend the rights of all migrants, whatever "
                "their immigration status."
            ),
            hero_image=hero_image,
            hero_cta_text="Take action",
            summary=(
                "A national network working for just immigration and refugee policy and for the human rights "
                "of all migrants in the United States."
            ),
            listing_image=hero_image,
        )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        hostname, port = site_url.host_and_port() or ("localhost", 80)
        Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=True, site_name="NNIRR")
    elif site.root_page_id != home.id:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "NNIRR"
        site.save()
        if old_root.specific_class is Page and old_root.depth == 2:
            old_root.delete()
    site_url.sync_default_site()  # the host and port of SITE_URL (make run: HOST and PORT)
    return home


def build_standard_pages(home):
    """About, Contact, Donate, Privacy and the accessibility statement."""
    pages = {}
    about_image = get_or_create_image("Network members meeting", "sun")
    pages["about"] = ensure_page(
        home,
        StandardPage,
        "about",
        title="About the network",
        intro=(
            "The National Network for Immigrant and Refugee Rights brings together local coalitions, "
            "immigrant and refugee organizations, community and faith groups, civil-rights and labor "
            "organizations, and individual activists from across the United States."
        ),
        summary="Who we are, what we work for and how we work.",
        listing_image=about_image,
        body=[
            heading("What we work for"),
            paragraph(
                "We work for a just immigration and refugee policy in the United States, and we defend the "
                "rights of all immigrants and refugees, whatever their immigration status. Human rights are "
                "the frame for everything we do: dignity and protection belong to every person, not only to "
                "citizens."
            ),
            heading("Our four strategic aims", "h3"),
            paragraph(
                "<ol><li>Build the capacity of immigrant and refugee communities to take part in the "
                "movement.</li><li>Connect our communities with global movements for social and economic "
                "justice.</li><li>Strengthen the movement's leadership and vision from a human-rights "
                "perspective.</li><li>Grow our members' participation, their leadership and the network's "
                "own organizational strength.</li></ol>"
            ),
            heading("How we work"),
            paragraph(
                "We document human-rights abuses and challenge unjust laws. We advocate for immigrant "
                "workers and work with both mainstream and independent media. We hold national conferences "
                "as well as smaller regional and thematic gatherings, publish in print and online, run a "
                "video channel and keep members and allies informed through our email list."
            ),
            heading("Around the world"),
            paragraph(
                "The network helped found Migrants Rights International in 1994, the Global Coalition on "
                "Migration and the Women in Migration Network, and takes part in the Women and Global "
                "Migration Working Group. Our Co-Director, Alma Maquitico, speaks for the network at "
                "international meetings."
            ),
            quote(
                "Our communities are not a problem to be managed. They are people with rights, and with the "
                "power to defend them.",
                "From a network gathering",
            ),
        ],
    )
    pages["contact"] = ensure_page(
        home,
        StandardPage,
        "contact",
        title="Contact us",
        intro="Write to us, call one of our offices, or join our email list for news and action alerts.",
        summary="Email, phone numbers and how to stay in touch with the network.",
        show_contact_details=True,
        body=[
            paragraph(
                "Member organizations, journalists, researchers and community members are all welcome to get in "
                "touch. If you need legal help, we will do our best to point you to a trusted local "
                "organization; we do not give legal advice ourselves."
            ),
        ],
    )
    pages["donate"] = ensure_page(
        home,
        StandardPage,
        "donate",
        title="Support the network",
        intro="Your gift keeps community trainings, human-rights documentation and international advocacy going.",
        summary="Give by check, or through your organization, to support immigrant and refugee rights.",
        show_donation_details=True,
        listing_image=get_or_create_image("Hands together illustration", "earth"),
        body=[
            paragraph(
                "The network is sustained by its members and by people like you. Donations pay for trainings "
                "of community organizers, for documenting abuses at the border and in the interior, and for "
                "bringing the voices of migrants to national and international decision makers."
            ),
            paragraph(
                "Member organizations support the network with yearly dues, and congregations, unions and "
                "foundations give as well. Every gift receives a receipt."
            ),
        ],
    )
    pages["take-action"] = ensure_page(
        home,
        TakeActionPage,
        "take-action",
        title="Take action",
        intro=(
            "Sign a petition, add your organization to a letter, join an event near you, get our action alerts "
            "or give. Everything on this page is open now."
        ),
        summary="Every open petition, sign-on letter and upcoming event of the network, in one place.",
        donate_page=pages["donate"],
    )
    pages["privacy"] = ensure_page(
        home,
        StandardPage,
        "privacy",
        title="Privacy notice",
        intro=(
            "Many people who read this site or sign our petitions may be at risk because of their immigration "
            "status. We collect as little as we can, keep it for as short a time as we can and never sell or "
            "share it."
        ),
        summary="What we collect, why, who can see it and when we delete it.",
        body=[
            heading("Reading this site"),
            paragraph(
                "This site sets no tracking cookies and loads nothing from other companies: no analytics, no "
                "advertising, no fonts or videos from outside services. Our web server keeps technical logs for "
                "a short time to keep the site running and safe."
            ),
            heading("Signing a petition"),
            paragraph(
                "When you sign, we store your name, email address, and only the optional details you choose to "
                "give (postal code, country, a comment). We store which version of this notice you agreed to, "
                "the language you signed in, and whether you want news from the network. We never store your "
                "internet (IP) address; we keep only a scrambled code made from it, for 30 days, to stop "
                "automated abuse."
            ),
            paragraph(
                "Only a small group of staff with special permission can see signers' details, and every time "
                "they download a list of signers we record who did it and when. When a petition is delivered, "
                "decision makers receive names, postal codes, countries and dates; they receive email addresses "
                "only if you agreed to hear from the network. Comments are never published."
            ),
            heading("How long we keep it"),
            paragraph(
                "Signatures that are never confirmed are deleted after 30 days. "
                f"{getattr(settings, 'SUPPORTER_RETENTION_DAYS', 180)} days after a petition closes, we remove "
                "names, email addresses, postal codes and comments and keep only the count and the country. "
                "Every email we send you has a link to withdraw your signature at any time: it deletes your "
                "signature at once."
            ),
            heading("Questions"),
            paragraph(
                "Write to us at the address on our contact page to ask what we hold about you or to have it "
                f"deleted. This is version {PRIVACY_NOTICE_VERSION} of the notice."
            ),
        ],
    )
    pages["accessibility"] = ensure_page(
        home,
        StandardPage,
        "accessibility",
        title="Accessibility statement",
        intro="We want everyone to be able to use this site, on any device, in English or Spanish.",
        summary="How we make the site usable for everyone, and how to tell us about a problem.",
        body=[
            heading("What we do"),
            paragraph(
                "Pages are built with plain, semantic HTML and work without JavaScript. Text uses your device's "
                "own fonts, can be enlarged, and keeps a strong contrast. Every control can be reached with a "
                "keyboard and shows where the focus is, and a link at the top of every page skips straight to "
                "the content. Images that carry meaning have text alternatives."
            ),
            heading("How we test"),
            paragraph(
                "Every change to the site runs automated tests in a real browser (Chromium). They open one page "
                "of every kind, in English and in Spanish: the home page, standard pages, programs, campaigns, "
                "petitions, news posts, the resource library and search results, with their listing pages. They "
                "also open a petition's signing form with its error messages, the thank-you page and the "
                "confirmation pages reached from the email link. On each, the axe-core checker tests the rules "
                "of the Web Content Accessibility Guidelines (WCAG) 2.0, 2.1 and 2.2 at levels A and AA, and "
                "any problem it finds stops the change. Another test signs a petition using only the keyboard. "
                "Automated checks find only some problems, which is why your reports matter."
            ),
            heading("Tell us about a problem"),
            paragraph(
                "If something on this site is hard to use, please write to info@nnirr.org or use the details "
                "on our contact page, and tell us which page, what you were trying to do and what happened "
                "(and, if you like, which device, browser or assistive technology you use). We will answer "
                "within five working days."
            ),
        ],
    )
    return pages


OLD_DEMO_DONATION_URL = "https://example.org/donate-to-nnirr"


def build_settings(home):
    """Organization settings: contact email, offices, donation details, social links.

    The demo has no donation processor (``donation_url`` stays empty), so the Donate
    page shows its honest empty state: checks and the other ways to give.
    """
    site = Site.objects.get(root_page=home)
    site_settings = SiteSettings.for_site(site)
    if site_settings.contact_email:
        if site_settings.donation_url == OLD_DEMO_DONATION_URL:  # databases built before the setting was honest
            site_settings.donation_url = ""
            site_settings.save()
        return site_settings
    site_settings.contact_email = "info@nnirr.org"
    site_settings.donation_url = ""
    site_settings.mailing_address = "NNIRR\nP.O. Box 00000 (demo address)\nOakland, CA 94600"
    site_settings.check_payable_to = "National Network for Immigrant and Refugee Rights"
    site_settings.youtube_url = "https://www.youtube.com/"
    site_settings.facebook_url = "https://www.facebook.com/"
    site_settings.save()
    Office.objects.create(
        settings=site_settings, city="Oakland, California", phone="(510) 555-0142",
        address="Demo street address\nOakland, CA 94600", sort_order=0,
    )
    Office.objects.create(
        settings=site_settings, city="Washington, DC", phone="(202) 555-0175",
        address="Demo street address\nWashington, DC 20001", sort_order=1,
    )
    return site_settings


def build_menu(slug, name, entries, locale=None):
    """Create the menu if needed and append any of ``entries`` (pages or (label, url) pairs) it lacks."""
    locale = locale or Locale.get_default()
    menu, _ = Menu.objects.get_or_create(slug=slug, locale=locale, defaults={"name": name})
    present_pages = set(menu.items.values_list("link_page_id", flat=True))
    present_urls = set(menu.items.values_list("link_url", flat=True))
    order = menu.items.count()
    for entry in entries:
        if isinstance(entry, Page):
            if entry.id in present_pages:
                continue
            MenuItem.objects.create(menu=menu, link_page=entry, sort_order=order)
        else:
            label, url = entry
            if url in present_urls:
                continue
            MenuItem.objects.create(menu=menu, label=label, link_url=url, sort_order=order)
        order += 1
    return menu


def build_menus(home):
    """The main menu (sections in a sensible order) and the footer menu."""
    children = {page.slug: page for page in Page.objects.child_of(home).live()}
    order = ["about", "programs", "campaigns", "take-action", "events", "petitions", "resources", "services", "news",
             "donate"]
    build_menu("main", "Main menu", [children[slug] for slug in order if slug in children])
    footer = [children[slug] for slug in ["contact", "privacy", "accessibility"] if slug in children]
    build_menu("footer", "Footer menu", footer)


def link_home_hero(home, pages):
    """Point the hero's "Take action" button at the Take action page (it pointed at About before that page existed)."""
    home = HomePage.objects.get(pk=home.pk)
    about = pages.get("about")
    if home.hero_cta_page_id in (None, about.id if about else None) and "take-action" in pages:
        update_page(home, hero_cta_page=pages["take-action"], hero_cta_text="Take action")
    home_es = home.get_translation_or_none(Locale.objects.filter(language_code="es").first())
    if home_es is None:
        return
    about_es = about.get_translation_or_none(home_es.locale) if about else None
    take_action_es = pages["take-action"].get_translation_or_none(home_es.locale) if "take-action" in pages else None
    if take_action_es and home_es.specific.hero_cta_page_id in (None, about_es.id if about_es else None):
        update_page(home_es.specific, hero_cta_page=take_action_es, hero_cta_text="Actúa")


def translate_core_pages(home, pages):
    """Spanish versions of the home page and the standard pages, written for Spanish readers."""
    home_es = ensure_translation(
        home,
        "es",
        "inicio",
        title="Inicio",
        seo_title="Derechos humanos para todas las personas inmigrantes y refugiadas",
        hero_heading="Derechos humanos para cada inmigrante y cada refugiado",
        hero_text=(
            "Somos una red nacional de coaliciones locales y de organizaciones inmigrantes, refugiadas, "
            "comunitarias, religiosas, de derechos civiles y sindicales. Juntas defendemos los derechos de "
            "todas las personas migrantes, tengan o no papeles."
        ),
        hero_cta_text="Actúa",
        summary=(
            "Una red nacional que lucha por una política migratoria y de refugio justa y por los derechos "
            "humanos de todas las personas migrantes en Estados Unidos."
        ),
    )
    translated = {"home": home_es}
    translated["about"] = ensure_translation(
        pages["about"],
        "es",
        "quienes-somos",
        title="Quiénes somos",
        intro=(
            "La Red Nacional por los Derechos de Inmigrantes y Refugiados reúne a coaliciones locales, "
            "organizaciones de inmigrantes y refugiados, grupos comunitarios y de fe, organizaciones de derechos "
            "civiles y sindicatos, y a activistas de todo el país."
        ),
        summary="Quiénes somos, por qué luchamos y cómo trabajamos.",
        body=[
            heading("Por qué luchamos"),
            paragraph(
                "Queremos una política de inmigración y de refugio justa en Estados Unidos, y defendemos los "
                "derechos de todas las personas inmigrantes y refugiadas, sin importar su situación migratoria. "
                "Los derechos humanos guían todo nuestro trabajo: la dignidad y la protección son de cada "
                "persona, no solo de quienes tienen ciudadanía."
            ),
            heading("Nuestros cuatro objetivos", "h3"),
            paragraph(
                "<ol><li>Fortalecer a las comunidades inmigrantes y refugiadas para que participen en el "
                "movimiento.</li><li>Unir a nuestras comunidades con los movimientos globales por la justicia "
                "social y económica.</li><li>Formar liderazgo y una visión del movimiento basados en los "
                "derechos humanos.</li><li>Aumentar la participación y el liderazgo de nuestras organizaciones "
                "miembro y la capacidad de la propia red.</li></ol>"
            ),
            heading("Cómo trabajamos"),
            paragraph(
                "Documentamos violaciones de derechos humanos y nos oponemos a las leyes injustas. Defendemos a "
                "los trabajadores inmigrantes y trabajamos con medios grandes e independientes. Organizamos "
                "conferencias nacionales y encuentros regionales o temáticos, publicamos materiales impresos y en "
                "línea, tenemos un canal de video y una lista de correo para miembros y aliados."
            ),
            heading("En el mundo"),
            paragraph(
                "La Red ayudó a fundar Migrants Rights International en 1994, la Coalición Global sobre "
                "Migración y la Red de Mujeres en la Migración, y forma parte del Grupo de Trabajo sobre Mujeres "
                "y Migración Global. Nuestra codirectora, Alma Maquitico, representa a la Red en reuniones "
                "internacionales."
            ),
        ],
    )
    translated["contact"] = ensure_translation(
        pages["contact"],
        "es",
        "contacto",
        title="Contacto",
        intro="Escríbenos, llama a una de nuestras oficinas o súmate a nuestra lista de correo.",
        summary="Correo, teléfonos y cómo mantenerte en contacto con la Red.",
        body=[
            paragraph(
                "Organizaciones miembro, periodistas, investigadores y personas de la comunidad pueden "
                "escribirnos. No damos asesoría legal, pero haremos lo posible por ponerte en contacto con una "
                "organización local de confianza."
            )
        ],
    )
    translated["donate"] = ensure_translation(
        pages["donate"],
        "es",
        "donar",
        title="Apoya a la Red",
        intro="Tu donación sostiene los talleres comunitarios, la documentación de abusos y nuestra labor internacional.",
        summary="Dona con cheque o a través de tu organización para apoyar los derechos de inmigrantes y refugiados.",
        body=[
            paragraph(
                "La Red vive del apoyo de sus miembros y de personas como tú. Las donaciones pagan la formación "
                "de organizadores comunitarios, la documentación de abusos en la frontera y en el interior del "
                "país, y el trabajo para que las voces migrantes lleguen a quienes toman decisiones."
            ),
            paragraph(
                "Las organizaciones miembro apoyan a la Red con su cuota anual, y también donan congregaciones, "
                "sindicatos y fundaciones. Cada donación recibe su recibo."
            ),
        ],
    )
    translated["take-action"] = ensure_translation(
        pages["take-action"],
        "es",
        "actua",
        title="Actúa",
        intro=(
            "Firma una petición, suma a tu organización a una carta, ve a un evento cerca de ti, recibe nuestras "
            "alertas o haz una donación. Todo lo que ves en esta página está abierto ahora."
        ),
        summary="Todas las peticiones, cartas de adhesión y próximos eventos de la Red, en un solo lugar.",
    )
    translated["privacy"] = ensure_translation(
        pages["privacy"],
        "es",
        "privacidad",
        title="Aviso de privacidad",
        intro=(
            "Muchas personas que leen este sitio o firman nuestras peticiones podrían correr riesgos por su "
            "situación migratoria. Guardamos lo mínimo, durante el menor tiempo posible, y nunca lo vendemos ni "
            "lo compartimos."
        ),
        summary="Qué datos guardamos, para qué, quién puede verlos y cuándo los borramos.",
        body=[
            heading("Al visitar el sitio"),
            paragraph(
                "Este sitio no usa cookies de rastreo ni carga nada de otras empresas: ni estadísticas, ni "
                "publicidad, ni fuentes o videos externos. El servidor guarda registros técnicos por poco tiempo "
                "para que el sitio funcione y esté protegido."
            ),
            heading("Al firmar una petición"),
            paragraph(
                "Guardamos tu nombre, tu correo y solo los datos opcionales que quieras darnos (código postal, "
                "país, un comentario). También guardamos qué versión de este aviso aceptaste, el idioma en que "
                "firmaste y si quieres recibir noticias de la Red. Nunca guardamos tu dirección de internet (IP): "
                "solo un código cifrado hecho a partir de ella, durante 30 días, para frenar abusos automáticos."
            ),
            paragraph(
                "Solo un pequeño grupo del personal con un permiso especial puede ver los datos de quienes firman, "
                "y cada vez que alguien descarga una lista de firmantes anotamos quién fue y cuándo. Al entregar "
                "una petición, las autoridades reciben nombres, códigos postales, países y fechas; reciben correos "
                "solo si aceptaste recibir noticias de la Red. Los comentarios nunca se publican."
            ),
            heading("Cuánto tiempo los guardamos"),
            paragraph(
                "Las firmas que nunca se confirman se borran a los 30 días. "
                f"{getattr(settings, 'SUPPORTER_RETENTION_DAYS', 180)} días después de cerrar una petición, "
                "borramos nombres, correos, códigos postales y comentarios, y conservamos solo el total y el país. "
                "Cada correo que te enviamos trae un enlace para retirar tu firma cuando quieras: la borra en el acto."
            ),
            heading("Preguntas"),
            paragraph(
                "Escríbenos a la dirección de nuestra página de contacto para saber qué datos tenemos sobre ti o "
                f"para pedir que los borremos. Esta es la versión {PRIVACY_NOTICE_VERSION} del aviso."
            ),
        ],
    )
    translated["accessibility"] = ensure_translation(
        pages["accessibility"],
        "es",
        "accesibilidad",
        title="Declaración de accesibilidad",
        intro="Queremos que todas las personas puedan usar este sitio, en cualquier aparato, en español o en inglés.",
        summary="Cómo hacemos el sitio usable para todas las personas y cómo avisarnos de un problema.",
        body=[
            heading("Lo que hacemos"),
            paragraph(
                "Las páginas usan HTML sencillo y semántico y funcionan sin JavaScript. El texto usa las fuentes "
                "de tu aparato, se puede agrandar y tiene buen contraste. Todo se puede manejar con el teclado, "
                "el foco siempre se ve y un enlace al inicio de cada página lleva directo al contenido."
            ),
            heading("Cómo lo comprobamos"),
            paragraph(
                "Cada cambio del sitio pasa por pruebas automáticas en un navegador real (Chromium). Abren una "
                "página de cada tipo, en español y en inglés: la página de inicio, las páginas generales, los "
                "programas, las campañas, las peticiones, las noticias, la biblioteca de recursos y los "
                "resultados de búsqueda, con sus páginas de listado. También abren el formulario de firma de una "
                "petición con sus mensajes de error, la página de agradecimiento y las páginas de confirmación a "
                "las que lleva el enlace del correo. En cada una, el verificador axe-core revisa las reglas de "
                "las Pautas de Accesibilidad para el Contenido Web (WCAG) 2.0, 2.1 y 2.2, niveles A y AA, y "
                "cualquier problema que encuentre detiene el cambio. Otra prueba firma una petición usando solo "
                "el teclado. Las pruebas automáticas solo encuentran algunos problemas; por eso tus avisos importan."
            ),
            heading("Avísanos de un problema"),
            paragraph(
                "Si algo del sitio te resulta difícil de usar, escríbenos a info@nnirr.org o con los datos de la "
                "página de contacto, y dinos en qué página, qué intentabas hacer y qué pasó (y, si quieres, qué "
                "aparato, navegador o tecnología de apoyo usas). Te responderemos en un plazo de cinco días hábiles."
            ),
        ],
    )
    return translated


def build_spanish_menus(translated):
    """Spanish main and footer menus pointing at the Spanish pages that exist."""
    locale = Locale.objects.get(language_code="es")
    home_es = translated["home"]
    # child_of() goes by tree path; get_children() trusts numchild, which a stale copy may have wrong.
    children = {page.translation_key: page for page in Page.objects.child_of(home_es).live()}
    english_home = home_es.get_translation(Locale.get_default())
    order = ["about", "programs", "campaigns", "take-action", "events", "petitions", "resources", "services", "news",
             "donate"]
    english = {page.slug: page for page in Page.objects.child_of(english_home).live()}
    entries = [children[english[slug].translation_key] for slug in order
               if slug in english and english[slug].translation_key in children]
    build_menu("main", "Menú principal", entries, locale=locale)
    footer = [children[english[slug].translation_key] for slug in ["contact", "privacy", "accessibility"]
              if slug in english and english[slug].translation_key in children]
    build_menu("footer", "Menú del pie", footer, locale=locale)


def americanize_pages():
    """Bring English pages an older demo created to US spelling (a fresh database already has it)."""
    for page in Page.objects.filter(locale__language_code=settings.LANGUAGE_CODE).live().specific():
        changed = {}
        for name in ("title", "summary", "intro"):
            value = getattr(page, name, None)
            if isinstance(value, str) and americanize(value) != value:
                changed[name] = americanize(value)
        body = getattr(page, "body", None)
        if body is not None and hasattr(body, "raw_data"):
            raw = json.dumps(list(body.raw_data))
            if americanize(raw) != raw:
                changed["body"] = americanize(raw)  # a StreamField takes its raw JSON
        if changed:
            update_page(page, **changed)
