"""Demo resource library: every publication, tool and video in the content brief, with generated files.

Facts come from the content brief; the wording is our own. PDFs, the letter
template and the covers are generated (nothing is downloaded). Running it again
changes nothing.
"""

from wagtail.models import Locale

from nnirr_site.core.demo_builders import (
    ensure_tags,
    ensure_page,
    ensure_translation,
    get_or_create_document,
    get_or_create_image,
    heading,
    paragraph,
    update_page,
)
from resources.models import ResourceIndexPage, ResourceKind, ResourcePage, ResourcePageDocument

SAMPLE_LETTER = """Dear {official},

I am writing as your constituent to ask you to honor International Migrants Day, December 18, by
standing up for the human rights of every immigrant and refugee in our community.

Immigrant workers care for our families, grow and serve our food and keep our city running. Yet many
live in fear of raids, detention and deportation, and are shut out of basic protections.

I ask you to:
- support a local resolution affirming the rights of all migrants, whatever their status;
- keep local services open to everyone, without questions about immigration status;
- call on Congress to ratify the UN Migrant Workers Convention.

Please let me know what you will do.

Sincerely,
[Your name]
[Your address]
"""


def letter_document(title, official):
    text = SAMPLE_LETTER.format(official=official)
    return get_or_create_document(title, [], filename=f"{title.lower().replace(' ', '-')[:50]}.txt",
                                  content=text.encode())


def pdf(title, *paragraphs, palette="teal"):
    return get_or_create_document(title, list(paragraphs), palette=palette)


def ensure_resource(library, slug, *, topics, documents=(), **fields):
    """A resource page with its files and topic tags."""
    links = [
        ResourcePageDocument(document=document, label=label, sort_order=i)
        for i, (document, label) in enumerate(documents)
    ]
    page = ensure_page(library, ResourcePage, slug, document_links=links, **fields)
    if links and not page.document_links.exists():
        # A page an older, smaller demo created: bring it up to date once.
        page = update_page(page, document_links=links, **fields)
    return ensure_tags(page, topics, field="topics")


def build(home):
    library = ensure_page(
        home,
        ResourceIndexPage,
        "resources",
        title="Resources",
        intro="Reports, toolkits, newsletters and videos to download and share.",
        summary="The network's library of publications and tools.",
    )
    pages = {}

    for season, year, palette, lead in [
        ("Winter", 2019, "teal", "Detention at record levels, and communities organizing to end it."),
        ("Fall", 2020, "sun", "Migrant workers on the front line of the pandemic, and the relief they were denied."),
    ]:
        title = f"Network News, {season} {year}"
        pages[title] = ensure_resource(
            library,
            f"network-news-{season.lower()}-{year}",
            title=title,
            kind=ResourceKind.NEWSLETTER,
            publication_year=year,
            languages=["en"],
            topics=["newsletter", "immigration policy", "global migration"],
            listing_image=get_or_create_image(f"{title} cover", palette),
            summary=f"Our newsletter's analysis of US immigration and global migration. In this issue: {lead}",
            documents=[(pdf(title, "Analysis of US immigration policy and global migration from the network.",
                            lead, palette=palette), "")],
            body=[paragraph(
                "Network News brings members and allies our reading of what is changing in US immigration policy "
                "and in migration around the world, along with news from member organizations."
            )],
        )

    report = get_or_create_document(
        "Guilty by Immigration Status (2008)",
        [
            "A report of the HURRICANE program.",
            "In 2008 community members documented more than 100 stories of abuse and tracked 118 immigration "
            "raids across the country.",
        ],
        palette="sky",
    )
    pages["guilty"] = ensure_resource(
        library,
        "guilty-by-immigration-status",
        title="Guilty by Immigration Status",
        kind=ResourceKind.REPORT,
        publication_year=2008,
        languages=["en"],
        topics=["human rights documentation", "immigration raids", "HURRICANE"],
        listing_image=get_or_create_image("Guilty by Immigration Status cover", "sky"),
        summary="The 2008 HURRICANE report on immigration raids and their human cost.",
        documents=[(report, "")],
        body=[
            paragraph(
                "Through our HURRICANE program, community members across the country recorded what immigration "
                "enforcement did to their families and neighborhoods. In 2008 alone they documented more than a "
                "hundred stories of abuse and tracked 118 raids, which the government called 'enforcement "
                "operations'."
            ),
            paragraph(
                "The report gathers those stories and shows a pattern: people treated as criminals because of "
                "their immigration status, and whole communities living in fear."
            ),
        ],
    )

    pages["bridge"] = ensure_resource(
        library,
        "bridge-workbook",
        title="BRIDGE: a popular-education workbook on race and immigration",
        kind=ResourceKind.CURRICULUM,
        languages=["en"],
        topics=["popular education", "race and immigration", "BRIDGE"],
        listing_image=get_or_create_image("BRIDGE workbook cover", "leaf"),
        summary="Workshop modules for educators and organizers who want to open honest conversations in their communities.",
        documents=[(pdf(
            "BRIDGE workbook",
            "Building a Race and Immigration Dialogue in the Global Era.",
            "Modules: changing demographics; immigration and the economy; hate crimes and racist violence; "
            "gender and migration; migration, population and the environment.",
            palette="leaf",
        ), "")],
        body=[
            paragraph(
                "BRIDGE, Building a Race and Immigration Dialogue in the Global Era, is our popular-education "
                "project. The workbook collects its workshop modules, each with goals, activities and handouts."
            ),
            heading("Modules", "h3"),
            paragraph(
                "<ul><li>Changing demographics</li><li>Immigration and the economy</li>"
                "<li>Hate crimes and racist violence</li><li>Gender and migration</li>"
                "<li>Migration, population and the environment</li></ul>"
            ),
        ],
    )

    pages["uprooted"] = ensure_resource(
        library,
        "uprooted",
        title="Uprooted: Refugees of the Global Economy",
        kind=ResourceKind.VIDEO,
        languages=["en"],
        topics=["global economy", "refugees", "video"],
        listing_image=get_or_create_image("Uprooted video still", "earth"),
        summary="A half-hour documentary about three people who left Bolivia, Haiti and the Philippines.",
        video_url="https://www.youtube.com/results?search_query=Uprooted+Refugees+of+the+Global+Economy",
        video_duration="30 min",
        body=[paragraph(
            "Three people tell why they left Bolivia, Haiti and the Philippines, and what they faced after "
            "arriving in the United States. The film connects their stories to the global economic forces that "
            "push people to migrate. It works well to open a workshop or a community screening."
        )],
    )

    call_to_action_en = pdf(
        "International Migrants Day call to action",
        "December 18: International Migrants Day.",
        "Ways to take part: endorse the national statement; hold a press conference or a workshop; pass a local "
        "resolution; send letters to officials; issue a statement; screen a film; put up posters.",
        palette="sun",
    )
    call_to_action_es = pdf(
        "Día Internacional del Migrante: llamado a la acción",
        "18 de diciembre: Día Internacional del Migrante.",
        "Formas de participar: respaldar la declaración nacional; organizar una conferencia de prensa o un taller; "
        "aprobar una resolución local; enviar cartas a autoridades; publicar una declaración; proyectar una "
        "película; colocar carteles.",
        palette="sun",
    )
    pages["migrants_day"] = ensure_resource(
        library,
        "international-migrants-day-call-to-action",
        title="International Migrants Day: call to action",
        kind=ResourceKind.TOOLKIT,
        publication_year=2020,
        languages=["en", "es"],
        topics=["Migrants Day", "take action"],
        listing_image=get_or_create_image("Migrants Day call to action cover", "sun"),
        summary="Our yearly guide to marking December 18 in your community, in English and Spanish.",
        documents=[(call_to_action_en, "Call to action (English)"), (call_to_action_es, "Llamado a la acción (español)")],
        body=[paragraph(
            "We have coordinated International Migrants Day in the United States since 2000. The call to action "
            "lists what your group can do: endorse the national statement, hold a press conference or workshop, "
            "pass a local resolution, write to officials, issue a statement, screen a film or put up posters."
        )],
    )

    pages["resolutions"] = ensure_resource(
        library,
        "tips-on-passing-local-resolutions",
        title="Tips on Passing Local Resolutions",
        kind=ResourceKind.TOOLKIT,
        languages=["en"],
        topics=["Migrants Day", "local organizing"],
        listing_image=get_or_create_image("Local resolutions tips cover", "teal"),
        summary="How to win a city or county resolution for migrants' rights, step by step.",
        documents=[(pdf(
            "Tips on Passing Local Resolutions",
            "Find a sponsor on the council early. Bring community members who are affected to speak.",
            "Draft short, clear text, and follow up after the vote so the resolution is put into practice.",
        ), "")],
        body=[paragraph(
            "A local resolution puts your city or county on record for the human rights of every migrant. These "
            "tips cover finding a sponsor, building a coalition, drafting the text and keeping the pressure on "
            "after the vote."
        )],
    )

    pages["letters"] = ensure_resource(
        library,
        "sample-letters-to-officials",
        title="Sample letters to officials",
        kind=ResourceKind.LETTER,
        publication_year=2020,
        languages=["en"],
        topics=["Migrants Day", "take action"],
        summary="Letter templates to adapt and send to your elected officials.",
        documents=[
            (letter_document("Sample letter to a city council member", "Council Member"), ""),
            (pdf(
                "Sample letter to a member of Congress",
                "Dear Representative,",
                "As your constituent, I ask you to stand up for the human rights of all immigrants and refugees, "
                "whatever their status, and to support ratification of the UN Migrant Workers Convention.",
            ), ""),
        ],
        body=[paragraph(
            "Start from these templates, add a sentence about your own community, and send them by post or email. "
            "A personal letter is read; a copied one is only counted."
        )],
    )

    pages["alliances"] = ensure_resource(
        library,
        "alliance-of-alliances",
        title="Alliance of Alliances: Building Civil Society Convergences Around Global Movements for Migrant Rights",
        kind=ResourceKind.REPORT,
        languages=["en"],
        topics=["global migration", "movement building"],
        listing_image=get_or_create_image("Alliance of Alliances cover", "plum"),
        summary="A report on how migrant-rights networks around the world are joining forces.",
        documents=[(pdf(
            "Alliance of Alliances report",
            "How civil-society networks for migrant rights can converge with global justice movements.",
            palette="plum",
        ), "")],
        body=[paragraph(
            "Migrant-rights organizations have built networks in every region. This report looks at how those "
            "networks can work together, and with labor, women's and global-justice movements, to speak with "
            "one voice at international meetings."
        )],
    )

    pages["compact"] = ensure_resource(
        library,
        "global-compact-for-migration",
        title="The Global Compact for Migration",
        kind=ResourceKind.TOOLKIT,
        publication_year=2018,
        languages=["en"],
        topics=["Global Compact", "United Nations", "global migration"],
        listing_image=get_or_create_image("Global Compact illustration", "sky"),
        summary="Background, our positions and links on the Global Compact and its regional reviews.",
        external_url="https://migrationnetwork.un.org/",
        external_link_text="The UN Network on Migration",
        body=[
            paragraph(
                "The Global Compact for Safe, Orderly and Regular Migration was our international priority until "
                "its adoption in 2018. Since then we have taken part in its regional reviews, pressing governments "
                "to keep human rights at its center."
            ),
            paragraph("This page gathers our statements on the Compact and links to the official process."),
        ],
    )

    pages["borders"] = ensure_resource(
        library,
        "rights-at-borders",
        title="Human rights at international borders",
        kind=ResourceKind.TOOLKIT,
        publication_year=2014,
        languages=["en"],
        topics=["border", "United Nations", "human rights"],
        listing_image=get_or_create_image("Rights at borders illustration", "earth"),
        summary="The UN's Recommended Principles and Guidelines on Human Rights at International Borders, and why they matter.",
        external_url="https://www.ohchr.org/en/migration",
        external_link_text="The UN human rights office on migration",
        body=[paragraph(
            "On October 22, 2014 the UN human-rights office released its Recommended Principles and Guidelines on "
            "Human Rights at International Borders in New York. We supported the work that led to them and spoke "
            "at the launch event the following day. Use them to hold border authorities to account. "
            "#4rightsatborders"
        )],
    )

    remarks = pdf(
        "Closing remarks, Global Compact regional review consultation (2021)",
        "COVID-19 hit migrants hard: they worked on the front lines yet were denied relief, health care, "
        "information and vaccines.",
        palette="sky",
    )
    pages["remarks"] = ensure_resource(
        library,
        "closing-remarks-global-compact-2021",
        title="Closing remarks at the Global Compact regional review consultation, 2021",
        kind=ResourceKind.REPORT,
        publication_year=2021,
        languages=["en"],
        topics=["Global Compact", "COVID-19"],
        summary="Our closing remarks at the consultation before the Latin America and Caribbean regional review.",
        documents=[(remarks, "")],
        body=[paragraph(
            "Before governments of Latin America and the Caribbean reviewed the Global Compact for Migration, civil "
            "society met to prepare. Our closing remarks described how hard the pandemic hit migrants: working on "
            "the front lines while being denied relief, health care, information and vaccines."
        )],
    )

    pages["flyers"] = ensure_resource(
        library,
        "flyers-about-the-network",
        title="Flyers about the network",
        kind=ResourceKind.FLYER,
        languages=["en", "es"],
        topics=["outreach"],
        listing_image=get_or_create_image("Network flyer cover", "teal"),
        summary="One-page flyers to print and hand out at meetings, in English and Spanish.",
        documents=[
            (pdf("Network flyer (English)", "Who we are and how to join the network.", palette="teal"), ""),
            (pdf("Folleto de la red (español)", "Quiénes somos y cómo sumarse a la red.", palette="teal"), ""),
        ],
    )
    pages["pamphlet"] = ensure_resource(
        library,
        "pamphlet-human-rights-for-all-immigrants",
        title="Pamphlet: human rights for all immigrants and refugees",
        kind=ResourceKind.FLYER,
        languages=["en"],
        topics=["outreach", "human rights"],
        listing_image=get_or_create_image("Network pamphlet cover", "leaf"),
        summary="A folded pamphlet introducing the network, its programs and its human-rights approach.",
        documents=[(pdf(
            "Network pamphlet",
            "The National Network for Immigrant and Refugee Rights: our aims, our programs, and how to get involved.",
            palette="leaf",
        ), "")],
    )

    build_spanish(library, pages)


def build_spanish(library, pages):
    """The Spanish library and three resources, written in Spanish."""
    spanish = Locale.objects.filter(language_code="es").first()
    if spanish is None or library.get_parent().get_translation_or_none(spanish) is None:
        return
    ensure_translation(
        library,
        "es",
        "recursos",
        title="Recursos",
        intro="Informes, guías, boletines y videos para descargar y compartir.",
        summary="La biblioteca de publicaciones y herramientas de la red.",
    )
    migrants_day = ensure_translation(
        pages["migrants_day"],
        "es",
        "dia-internacional-del-migrante-llamado-a-la-accion",
        title="Día Internacional del Migrante: llamado a la acción",
        summary="Nuestra guía anual para conmemorar el 18 de diciembre en tu comunidad, en inglés y en español.",
        body=[paragraph(
            "Desde el año 2000 coordinamos el Día Internacional del Migrante en Estados Unidos. El llamado a la "
            "acción propone lo que tu grupo puede hacer: respaldar la declaración nacional, organizar una "
            "conferencia de prensa o un taller, promover una resolución local, escribir a tus autoridades, publicar "
            "una declaración, proyectar una película o colocar carteles."
        )],
    )
    ensure_tags(migrants_day, ["Día del Migrante", "actúa"], field="topics")
    resolutions = ensure_translation(
        pages["resolutions"],
        "es",
        "consejos-para-aprobar-resoluciones-locales",
        title="Consejos para aprobar resoluciones locales",
        summary="Cómo lograr, paso a paso, que tu ciudad o condado apruebe una resolución por los derechos de las personas migrantes.",
        body=[paragraph(
            "Una resolución local deja constancia de que tu ciudad o condado defiende los derechos humanos de todas "
            "las personas migrantes. Estos consejos explican cómo conseguir quién la patrocine, formar una "
            "coalición, redactar el texto y mantener la presión después de la votación. El documento está en inglés."
        )],
    )
    ensure_tags(resolutions, ["Día del Migrante", "organización local"], field="topics")
    remarks = ensure_translation(
        pages["remarks"],
        "es",
        "palabras-de-clausura-pacto-mundial-2021",
        title="Palabras de clausura en la consulta previa a la revisión regional del Pacto Mundial, 2021",
        summary="Nuestras palabras de clausura en la consulta previa a la revisión regional de América Latina y el Caribe.",
        body=[paragraph(
            "Antes de que los gobiernos de América Latina y el Caribe revisaran el Pacto Mundial para la Migración, "
            "la sociedad civil se reunió para prepararse. En nuestras palabras de clausura describimos el duro golpe "
            "de la pandemia para las personas migrantes: trabajaron en la primera línea y, aun así, se les negó "
            "ayuda económica, atención médica, información y vacunas."
        )],
    )
    ensure_tags(remarks, ["Pacto Mundial", "COVID-19"], field="topics")
    translate_more(pages)


# The other resources in Spanish: (key, Spanish slug, title, summary, one paragraph). Their files are
# in English, and the text says so.
MORE_SPANISH = [
    ("Network News, Winter 2019", "network-news-invierno-2019", "Network News, invierno de 2019",
     "El análisis de nuestro boletín sobre la política migratoria de EE. UU. y la migración global. En este número: "
     "la detención en niveles récord y las comunidades que se organizan para acabar con ella.",
     "Network News ofrece a miembros y aliados nuestra lectura de lo que cambia en la política migratoria de "
     "Estados Unidos y en la migración en el mundo, con noticias de las organizaciones miembro. El boletín está "
     "en inglés."),
    ("Network News, Fall 2020", "network-news-otono-2020", "Network News, otoño de 2020",
     "El análisis de nuestro boletín sobre la política migratoria de EE. UU. y la migración global. En este número: "
     "las personas trabajadoras migrantes en la primera línea de la pandemia y la ayuda que se les negó.",
     "Network News ofrece a miembros y aliados nuestra lectura de lo que cambia en la política migratoria de "
     "Estados Unidos y en la migración en el mundo, con noticias de las organizaciones miembro. El boletín está "
     "en inglés."),
    ("guilty", "culpables-por-su-estatus-migratorio", "Guilty by Immigration Status (Culpables por su estatus migratorio)",
     "El informe 2008 de HURRICANE sobre las redadas migratorias y su costo humano.",
     "Con el programa HURRICANE, personas de la comunidad de todo el país registraron lo que la vigilancia "
     "migratoria hizo a sus familias y barrios. Solo en 2008 documentaron más de cien testimonios de abusos y "
     "siguieron 118 redadas. El informe muestra un patrón: personas tratadas como delincuentes por su estatus "
     "migratorio y comunidades enteras viviendo con miedo. El informe está en inglés."),
    ("bridge", "bridge-cuaderno-de-educacion-popular", "BRIDGE: cuaderno de educación popular sobre raza e inmigración",
     "Módulos de taller para educadores y organizadores que quieren abrir conversaciones honestas en sus comunidades.",
     "El cuaderno reúne módulos sobre los cambios en la población, la inmigración y la economía, los crímenes de odio "
     "y la violencia racista, género y migración, y migración, población y medio ambiente. Cada módulo parte de la "
     "experiencia de quienes participan. El cuaderno está en inglés."),
    ("uprooted", "desarraigados-video", "Uprooted (Desarraigados): personas refugiadas de la economía global",
     "Un documental de media hora sobre tres personas que dejaron Bolivia, Haití y Filipinas.",
     "El video acompaña a tres personas y los retos que encontraron al llegar a Estados Unidos, y muestra cómo "
     "decisiones económicas tomadas lejos empujan a la gente a migrar. Sirve para abrir una conversación en clase, "
     "en una congregación o en una reunión comunitaria. El video está en inglés."),
    ("letters", "cartas-modelo-a-las-autoridades", "Cartas modelo a las autoridades",
     "Cartas que tu grupo puede adaptar y enviar a tus autoridades por el Día Internacional del Migrante.",
     "Adapta estas cartas con datos de tu comunidad y envíalas a tu alcaldía, a tu concejo municipal o a tus "
     "representantes en el Congreso. Las cartas están en inglés."),
    ("alliances", "alianza-de-alianzas", "Alianza de alianzas: convergencias de la sociedad civil en torno a los "
     "movimientos globales por los derechos de las personas migrantes",
     "Un informe sobre cómo las redes de la sociedad civil unen fuerzas por los derechos de las personas migrantes.",
     "El informe describe cómo organizaciones de migrantes, sindicatos, grupos de derechos humanos y redes de "
     "desarrollo construyen alianzas entre países y continentes. El informe está en inglés."),
    ("compact", "pacto-mundial-para-la-migracion", "El Pacto Mundial para la Migración",
     "Qué es el Pacto Mundial para la Migración y cómo lo seguimos desde su adopción en 2018.",
     "El Pacto Mundial para una Migración Segura, Ordenada y Regular fue adoptado en 2018. Desde entonces "
     "participamos en sus revisiones regionales e insistimos en que los derechos de las personas migrantes, "
     "tengan o no papeles, van primero. Los documentos de esta página están en inglés."),
    ("borders", "derechos-humanos-en-las-fronteras-internacionales", "Derechos humanos en las fronteras internacionales",
     "Los principios y directrices de la ONU sobre derechos humanos en las fronteras, presentados en 2014.",
     "La oficina de derechos humanos de la ONU presentó los Principios y Directrices recomendados sobre los "
     "derechos humanos en las fronteras internacionales el 22 de octubre de 2014 en Nueva York. La Red apoyó su "
     "elaboración. Los documentos de esta página están en inglés."),
    ("flyers", "volantes-sobre-la-red", "Volantes sobre la Red",
     "Volantes para presentar a la Red en reuniones, ferias y actividades comunitarias.",
     "Imprímelos y repártelos en tus actividades: explican quiénes somos, por qué luchamos y cómo sumarse. Los "
     "volantes están en inglés."),
    ("pamphlet", "folleto-derechos-humanos-para-todas-las-personas", "Folleto: derechos humanos para todas las personas "
     "inmigrantes y refugiadas",
     "Un folleto sobre la Red y su trabajo por los derechos de todas las personas inmigrantes y refugiadas.",
     "El folleto presenta a la Red, sus programas y sus campañas, y explica cómo pueden sumarse las organizaciones "
     "y las personas. El folleto está en inglés."),
]


# Topic tags of the Spanish copies, in Spanish (a copy for translation keeps the English tags).
SPANISH_TOPICS = {
    "newsletter": "boletín", "immigration policy": "política migratoria", "global migration": "migración global",
    "human rights documentation": "documentación de derechos humanos", "immigration raids": "redadas migratorias",
    "HURRICANE": "HURRICANE", "popular education": "educación popular", "race and immigration": "raza e inmigración",
    "BRIDGE": "BRIDGE", "global economy": "economía global", "refugees": "personas refugiadas", "video": "video",
    "Migrants Day": "Día del Migrante", "take action": "actúa", "local organizing": "organización local",
    "movement building": "construcción de movimiento", "Global Compact": "Pacto Mundial",
    "United Nations": "Naciones Unidas", "border": "frontera", "human rights": "derechos humanos",
    "COVID-19": "COVID-19", "outreach": "difusión",
}


def translate_more(pages):
    """Spanish pages for the rest of the library, so Spanish visitors never land on an English page."""
    for key, slug, title, summary, text in MORE_SPANISH:
        if key in pages:
            spanish = ensure_translation(pages[key], "es", slug, title=title, summary=summary, body=[paragraph(text)])
            english_topics = type(pages[key]).objects.get(pk=pages[key].pk).topics.names()
            ensure_tags(spanish, [SPANISH_TOPICS.get(name, name) for name in english_topics], field="topics")
