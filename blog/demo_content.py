"""Demo blog: authors, topics, seven older posts from the content brief, three from October and November 2026,
and Spanish translations of the index and five posts.

Facts come from the content brief; every sentence is our own. Running it again
changes nothing: each helper finds what exists before creating anything.
"""

import datetime

from wagtail.models import Locale

from blog.models import Author, BlogIndexPage, BlogPage, BlogPageAuthor, BlogPageRelatedPost, Topic
from nnirr_site.core.demo_builders import (
    ensure_snippet_translation,
    ensure_tags,
    call_to_action,
    ensure_page,
    ensure_translation,
    get_or_create_image,
    heading,
    paragraph,
    quote,
    update_page,
)


TOPICS = {
    # slug: (English name, Spanish name, Spanish slug)
    "network-news": ("Network news", "Noticias de la red", "noticias-de-la-red"),
    "global-migration": ("Global migration", "Migración global", "migracion-global"),
    "refugees-and-asylum": ("Refugees and asylum", "Refugio y asilo", "refugio-y-asilo"),
    "border-rights": ("Rights at the border", "Derechos en la frontera", "derechos-en-la-frontera"),
    "human-rights": ("Human rights", "Derechos humanos", "derechos-humanos"),
}

AUTHORS = [
    # (name, English role, Spanish name, Spanish role, photo palette or None)
    ("Alma Maquitico", "Co-Director", "Alma Maquitico", "Codirectora", "plum"),
    ("NNIRR staff", "Communications team", "Equipo de NNIRR", "Comunicación", None),
    ("Border Dialogue team", "National Community Border Dialogue", "Equipo del Diálogo Fronterizo",
     "Diálogo Comunitario Fronterizo Nacional", "sky"),
]


def _petition_page(language):
    """The refugee admissions petition in ``language`` if the petitions demo made it (the post links to it)."""
    from wagtail.models import Page

    return Page.objects.filter(slug__startswith="refugee-admissions-petition", locale__language_code=language).first() \
        or Page.objects.filter(slug="peticion-admision-de-refugiados", locale__language_code=language).first()


def build_topics():
    """English topics and their Spanish translations, keyed by English slug."""
    english = Locale.get_default()
    topics = {}
    for slug, (name, es_name, es_slug) in TOPICS.items():
        topic, _ = Topic.objects.get_or_create(slug=slug, locale=english, defaults={"name": name})
        spanish = ensure_snippet_translation(topic, "es", name=es_name, slug=es_slug)
        topics[slug] = (topic, spanish)
    return topics


def build_authors():
    english = Locale.get_default()
    authors = []
    for name, role, es_name, es_role, palette in AUTHORS:
        photo = get_or_create_image(f"Portrait placeholder: {name}", palette, (600, 600)) if palette else None
        author, _ = Author.objects.get_or_create(
            name=name, locale=english, defaults={"role": role, "photo": photo}
        )
        ensure_snippet_translation(author, "es", name=es_name, role=es_role)
        authors.append(author)
    return authors


def ensure_post(index, slug, *, topic, tags, authors, **fields):
    """A post with its topic, authors and tags; fills them in on a post an older demo created without them."""
    author_links = [BlogPageAuthor(author=author, sort_order=i) for i, author in enumerate(authors)]
    post = ensure_page(index, BlogPage, slug, topic=topic, author_links=author_links, **fields)
    if post.topic_id is None:
        post = update_page(post, topic=topic, author_links=author_links)
    return ensure_tags(post, tags)


def build(home):
    topics = build_topics()
    alma, staff, border_team = build_authors()
    en = {slug: pair[0] for slug, pair in topics.items()}
    es = {slug: pair[1] for slug, pair in topics.items()}

    blog = ensure_page(
        home,
        BlogIndexPage,
        "news",
        title="News",
        intro="News, statements and stories from the network and its members.",
        summary="The network's blog.",
    )
    posts = {}
    posts["launch"] = ensure_post(
        blog,
        "our-new-website",
        title="Welcome to our new website",
        date=datetime.date(2021, 3, 1),
        topic=en["network-news"],
        tags=["website", "our network"],
        authors=[staff],
        listing_image=get_or_create_image("New website illustration", "teal"),
        summary="Our new site was made possible by the gift of a design studio and an artist's work.",
        body=[
            paragraph(
                "We are glad to share a new home for the network's news, campaigns and resources. It is lighter, "
                "easier to read on a phone and available in English and Spanish."
            ),
            paragraph(
                "A design studio gave its time to plan and build the site as a gift to the movement, and an "
                "artist let us use their artwork throughout. We thank them both: their generosity means every "
                "donated dollar can go to community work instead."
            ),
            heading("What you will find here"),
            paragraph(
                "<ul><li>News and statements from the network and its members.</li>"
                "<li>Our programs and the campaigns you can join today.</li>"
                "<li>A library of reports, toolkits, newsletters and videos to download and share.</li></ul>"
            ),
            paragraph("Tell us what is missing or hard to use: we will keep improving the site with your help."),
        ],
    )
    posts["compact"] = ensure_post(
        blog,
        "remarks-global-compact-regional-review",
        title="Our remarks at the Global Compact for Migration regional review",
        date=datetime.date(2021, 4, 28),
        topic=en["global-migration"],
        tags=["Global Compact", "United Nations", "COVID-19"],
        authors=[alma],
        listing_image=get_or_create_image("Regional review gathering illustration", "sky"),
        summary=(
            "At the regional review for Latin America and the Caribbean we asked governments to put migrants' "
            "rights at the center of their recovery from the pandemic."
        ),
        body=[
            paragraph(
                "Governments of Latin America and the Caribbean met to review how they are carrying out the Global "
                "Compact for Safe, Orderly and Regular Migration. Civil-society organizations, our network among "
                "them, took part in the consultation held beforehand and brought the voices of migrant "
                "communities into the room."
            ),
            paragraph(
                "Our Co-Director's closing remarks focused on the pandemic. Migrants kept working on the front "
                "lines, in fields, care homes, kitchens and warehouses, while many were shut out of relief "
                "programs, health care, reliable information and vaccines."
            ),
            quote(
                "A recovery that leaves migrants out is not a recovery. Rights cannot depend on a person's papers.",
                "Alma Maquitico, Co-Director",
            ),
            paragraph(
                "The full text of the remarks is in our resource library, alongside our page of resources on the "
                "Global Compact."
            ),
        ],
    )
    posts["hundred_days"] = ensure_post(
        blog,
        "first-100-days",
        title="The first 100 days: real progress, and what still has to change",
        date=datetime.date(2021, 4, 30),
        topic=en["human-rights"],
        tags=["essential workers", "asylum", "refugees", "COVID-19", "deportations"],
        authors=[alma, staff],
        listing_image=get_or_create_image("Hundred days illustration", "sun"),
        summary=(
            "The new administration moved quickly on COVID-19. For immigrant communities, most of the work "
            "is still ahead."
        ),
        body=[
            paragraph(
                "One hundred days into a new administration, we recognize the progress made against COVID-19: "
                "more people vaccinated, more testing and more relief reaching families. Immigrant workers kept "
                "the country fed and cared for throughout the crisis, and they deserve the same protection."
            ),
            heading("What is still needed"),
            paragraph(
                "<ul><li>A path to regularisation for undocumented essential workers and their families.</li>"
                "<li>An end to the Title 42 restrictions that turn people away at the border.</li>"
                "<li>Temporary Protected Status for Haitians and others who cannot safely return.</li>"
                "<li>An end to deportations.</li>"
                "<li>Refugee admissions that match the promises made.</li>"
                "<li>A fair, humane asylum process.</li></ul>"
            ),
            paragraph(
                "These are not favors. They follow from the human rights every person holds, whatever their "
                "immigration status."
            ),
        ],
    )
    posts["petition"] = ensure_post(
        blog,
        "sign-the-refugee-admissions-petition",
        title="Sign the petition: admit at least 62,500 refugees this year",
        date=datetime.date(2021, 4, 20),
        topic=en["refugees-and-asylum"],
        tags=["refugees", "petitions", "take action"],
        authors=[staff],
        listing_image=get_or_create_image("Refugee welcome illustration", "leaf"),
        summary="The refugee ceiling is still 15,000. Join our call to keep the promise of 62,500.",
        body=[
            paragraph(
                "The administration promised to raise the number of refugees admitted this fiscal year to 62,500. "
                "Instead it kept the ceiling set by its predecessor: 15,000, one of the lowest in the history of "
                "the program."
            ),
            paragraph(
                "Behind that number are families who have already been vetted and are waiting in danger, some "
                "with tickets that were cancelled. Together with partner organizations we are asking the "
                "administration to admit at least 62,500 refugees this year."
            ),
            call_to_action(
                "Sign the petition",
                page=_petition_page("en"),
                url="" if _petition_page("en") else "/petitions/",
                description="Add your name to the joint petition.",
            ),
        ],
    )
    posts["survey"] = ensure_post(
        blog,
        "border-community-survey",
        title="Calling border organizations: take the community survey",
        date=datetime.date(2021, 6, 15),
        topic=en["border-rights"],
        tags=["border", "survey", "TakeTheSurvey"],
        authors=[border_team],
        listing_image=get_or_create_image("Border communities illustration", "earth"),
        summary=(
            "If your organization works along the southern border, your answers will help map critical "
            "services and document human-rights concerns."
        ),
        body=[
            paragraph(
                "We are asking organizations along the US–Mexico border to tell us what they see: the human-rights "
                "concerns in their communities and the services people can, or cannot, count on."
            ),
            paragraph(
                "The answers will feed a digital map of critical services for border communities and migrants, "
                "such as health care, food, emergency housing and legal help, and a report on human rights at "
                "the border."
            ),
            paragraph("The survey takes about twenty minutes. Share it with partners using #TakeTheSurvey."),
        ],
    )
    posts["highlight"] = ensure_post(
        blog,
        "human-rights-network-highlights-nnirr",
        title="A human-rights network highlights our work",
        date=datetime.date(2012, 11, 8),
        topic=en["human-rights"],
        tags=["human rights", "Universal Declaration", "our network"],
        authors=[staff],
        listing_image=get_or_create_image("Human rights anniversary illustration", "plum"),
        summary=(
            "For the 64th anniversary of the Universal Declaration of Human Rights, a human-rights network "
            "featured the National Network."
        ),
        body=[
            paragraph(
                "Ahead of the 64th anniversary of the Universal Declaration of Human Rights, a network of "
                "human-rights organizations chose to feature our work in its series on groups that bring the "
                "Declaration home to communities in the United States."
            ),
            paragraph(
                "The feature describes how we document abuses against immigrants, train community organizers and "
                "carry their testimony to the United Nations. We are honored, and we share the recognition with "
                "every member organization that makes this work possible."
            ),
        ],
    )
    posts["migrants_day"] = ensure_post(
        blog,
        "getting-ready-for-international-migrants-day",
        title="Getting ready for International Migrants Day",
        date=datetime.date(2020, 11, 16),
        topic=en["network-news"],
        tags=["Migrants Day", "take action", "our network"],
        authors=[staff],
        listing_image=get_or_create_image("Migrants Day gathering illustration", "sun"),
        summary="Every December 18 communities across the country stand up for migrants' rights. Here is how to join.",
        body=[
            paragraph(
                "We have coordinated International Migrants Day in the United States every year since 2000. Local "
                "groups organize rallies, forums, receptions and shared meals; this year many events will also "
                "take place online."
            ),
            paragraph(
                "Our yearly call to action has ideas for everyone: endorse the national statement, hold a press "
                "conference or a workshop, ask your city to pass a resolution, write to your officials, screen a "
                "film or put up posters. Find it, with sample letters and tips, in the resource library."
            ),
        ],
    )
    if not posts["hundred_days"].related_post_links.exists():
        update_page(
            posts["hundred_days"],
            related_post_links=[
                BlogPageRelatedPost(post=posts["petition"], sort_order=0),
                BlogPageRelatedPost(post=posts["compact"], sort_order=1),
            ],
        )

    build_spanish(blog, posts, es)
    build_recent_posts(blog, posts, en, es, alma, staff, border_team)
    translate_older_posts(blog, posts, es)


def build_spanish(blog, posts, es):
    """The Spanish blog index and two posts, written in Spanish."""
    spanish = Locale.objects.filter(language_code="es").first()
    if spanish is None or blog.get_parent().get_translation_or_none(spanish) is None:
        return None
    spanish_blog = ensure_translation(
        blog,
        "es",
        "noticias",
        title="Noticias",
        intro="Noticias, declaraciones e historias de la red y de sus organizaciones miembro.",
        summary="El blog de la red.",
    )
    petition = ensure_translation(
        posts["petition"],
        "es",
        "firma-la-peticion-de-admision-de-refugiados",
        title="Firma la petición: que se admita al menos a 62.500 refugiados este año",
        topic=es["refugees-and-asylum"],
        summary="El tope de refugiados sigue en 15.000. Súmate para exigir que se cumpla la promesa de 62.500.",
        body=[
            paragraph(
                "El gobierno prometió que este año fiscal admitiría hasta 62.500 personas refugiadas. Sin embargo, "
                "mantuvo el límite fijado por el gobierno anterior: 15.000, una de las cifras más bajas en la "
                "historia del programa."
            ),
            paragraph(
                "Detrás de ese número hay familias que ya pasaron todos los controles y siguen esperando en "
                "peligro; a algunas incluso les cancelaron el vuelo. Junto con organizaciones aliadas, pedimos "
                "al gobierno que admita al menos a 62.500 personas refugiadas este año."
            ),
            call_to_action(
                "Firma la petición",
                page=_petition_page("es"),
                url="" if _petition_page("es") else "/es/peticiones/",
                description="Agrega tu nombre a la petición conjunta.",
            ),
        ],
    )
    ensure_tags(petition, ["personas refugiadas", "peticiones", "actúa"])
    survey = ensure_translation(
        posts["survey"],
        "es",
        "encuesta-comunitaria-fronteriza",
        title="Organizaciones de la frontera: respondan la encuesta comunitaria",
        topic=es["border-rights"],
        summary=(
            "Si tu organización trabaja en la frontera sur, tus respuestas ayudarán a mapear servicios esenciales "
            "y a documentar problemas de derechos humanos."
        ),
        body=[
            paragraph(
                "Invitamos a las organizaciones de la frontera entre México y Estados Unidos a contarnos lo que "
                "viven: los problemas de derechos humanos en sus comunidades y los servicios con los que la gente "
                "puede contar, o no."
            ),
            paragraph(
                "Con las respuestas construiremos un mapa digital de servicios esenciales para las comunidades "
                "fronterizas y las personas migrantes, como atención médica, alimentos, albergue de emergencia y "
                "asesoría legal, además de un informe sobre derechos humanos en la frontera."
            ),
            paragraph("Responder toma unos veinte minutos. Compártanla con sus aliados con #TakeTheSurvey."),
        ],
    )
    ensure_tags(survey, ["frontera", "encuesta", "TakeTheSurvey"])
    return spanish_blog


def build_recent_posts(blog, posts, en, es, alma, staff, border_team):
    """Three posts from October and November 2026, in English and Spanish: the site is alive."""
    posts["migrants_day_2026"] = ensure_post(
        blog,
        "international-migrants-day-2026-events",
        title="International Migrants Day 2026: events in nine states and online",
        date=datetime.date(2026, 11, 18),
        topic=en["network-news"],
        tags=["Migrants Day", "take action", "events"],
        authors=[staff],
        listing_image=get_or_create_image("Migrants Day 2026 illustration", "sun"),
        summary="A month before December 18, member groups have planned vigils, forums, rallies and dinners. "
                "Find one near you or add your own.",
        body=[
            paragraph(
                "One month from today, on December 18, communities across the country will mark International "
                "Migrants Day. Member groups have already planned candlelight vigils in the desert, binational "
                "forums at the border, rallies at state capitols, community dinners for families and an online "
                "teach-in, in nine states so far."
            ),
            paragraph(
                "This year's theme is <b>Human rights have no borders</b>. The 2026 call to action has ideas for "
                "groups of every size, with a tips sheet for passing a local resolution and sample letters to "
                "elected officials."
            ),
            heading("How to take part"),
            paragraph(
                "<ul><li>Find an event near you in the events calendar, or subscribe to it.</li>"
                "<li>Planning something? Add your event: we publish it once a moderator has checked it.</li>"
                "<li>Ask your organization to endorse the national statement.</li></ul>"
            ),
        ],
    )
    posts["borders_2026"] = ensure_post(
        blog,
        "twelve-years-of-the-border-guidelines",
        title="Twelve years of the UN guidelines on human rights at borders",
        date=datetime.date(2026, 10, 22),
        topic=en["border-rights"],
        tags=["borders", "United Nations", "human rights"],
        authors=[border_team],
        listing_image=get_or_create_image("Border guidelines anniversary illustration", "teal"),
        summary="On October 22, 2014 the UN released its principles on human rights at international borders. "
                "They matter more than ever.",
        body=[
            paragraph(
                "Twelve years ago today, the UN human-rights office released its <i>Recommended Principles and "
                "Guidelines on Human Rights at International Borders</i> in New York. The network supported the "
                "work that led to them and spoke at the launch the next day."
            ),
            paragraph(
                "The guidelines say something simple: a border is not a place where rights stop. People who cross "
                "it, with or without papers, keep their right to life, to ask for protection, to be free from "
                "arbitrary detention and to keep their families together."
            ),
            paragraph(
                "Border organizations use them every day, when they document abuses, accompany people to their "
                "hearings or keep water stations in the desert. Our border services directory lists many of them."
            ),
        ],
    )
    posts["statement_2026"] = ensure_post(
        blog,
        "endorse-the-2026-national-statement",
        title="Local groups: endorse the 2026 Migrants Day national statement",
        date=datetime.date(2026, 11, 4),
        topic=en["human-rights"],
        tags=["Migrants Day", "sign-on letters", "take action"],
        authors=[alma],
        listing_image=get_or_create_image("National statement illustration", "plum"),
        summary="Every year, local coalitions, congregations, unions and worker centers endorse one statement for "
                "the rights of all migrants. Add your organization's name.",
        body=[
            paragraph(
                "Each International Migrants Day, hundreds of local groups speak with one voice. The national "
                "statement asks our elected officials to protect the human rights of migrants in their own "
                "communities, to welcome refugees and to support US ratification of the Migrant Workers "
                "Convention."
            ),
            paragraph(
                "Any organization can endorse it: a local coalition, a congregation, a union or worker center, a "
                "legal-services provider. We check every endorsement before it is listed, and we deliver the "
                "statement with its signatories to officials in December."
            ),
            quote("When a city council hears the same message from its congregations, its unions and its "
                  "immigrant groups, it listens.", "Alma Maquitico, Co-Director"),
        ],
    )
    spanish = Locale.objects.filter(language_code="es").first()
    if spanish is None or blog.get_translation_or_none(spanish) is None:
        return
    ensure_tags(ensure_translation(
        posts["migrants_day_2026"],
        "es",
        "dia-internacional-del-migrante-2026-eventos",
        title="Día Internacional del Migrante 2026: eventos en nueve estados y en línea",
        topic=es["network-news"],
        summary="A un mes del 18 de diciembre, los grupos miembro preparan vigilias, foros, manifestaciones y "
                "cenas. Encuentra uno cerca de ti o suma el tuyo.",
        body=[
            paragraph(
                "Dentro de un mes, el 18 de diciembre, comunidades de todo el país celebrarán el Día Internacional "
                "del Migrante. Los grupos miembro ya preparan vigilias con velas en el desierto, foros binacionales "
                "en la frontera, manifestaciones frente a los capitolios estatales, cenas comunitarias para las "
                "familias y una charla en línea, por ahora en nueve estados."
            ),
            paragraph(
                "El lema de este año es <b>Los derechos humanos no tienen fronteras</b>. El llamado a la acción "
                "2026 trae ideas para grupos de cualquier tamaño, con consejos para aprobar una resolución local y "
                "cartas modelo para tus representantes."
            ),
            heading("Cómo participar"),
            paragraph(
                "<ul><li>Busca un evento cerca de ti en el calendario, o suscríbete a él.</li>"
                "<li>¿Organizas algo? Suma tu evento: lo publicamos cuando una persona del equipo lo revisa.</li>"
                "<li>Pide a tu organización que respalde la declaración nacional.</li></ul>"
            ),
        ],
    ), ["Día del Migrante", "actúa", "eventos"])
    ensure_tags(ensure_translation(
        posts["borders_2026"],
        "es",
        "doce-anos-de-las-directrices-sobre-fronteras",
        title="Doce años de las directrices de la ONU sobre derechos humanos en las fronteras",
        topic=es["border-rights"],
        summary="El 22 de octubre de 2014 la ONU presentó sus principios sobre derechos humanos en las fronteras "
                "internacionales. Hoy importan más que nunca.",
        body=[
            paragraph(
                "Hace doce años, la oficina de derechos humanos de la ONU presentó en Nueva York sus <i>Principios "
                "y Directrices recomendados sobre los derechos humanos en las fronteras internacionales</i>. La Red "
                "apoyó el trabajo que les dio origen y tomó la palabra en la presentación al día siguiente."
            ),
            paragraph(
                "Las directrices dicen algo sencillo: la frontera no es un lugar donde se acaban los derechos. "
                "Quienes la cruzan, con o sin papeles, conservan su derecho a la vida, a pedir protección, a no ser "
                "detenidos arbitrariamente y a no ser separados de su familia."
            ),
            paragraph(
                "Las organizaciones fronterizas las usan a diario, cuando documentan abusos, acompañan a la gente a "
                "sus audiencias o mantienen estaciones de agua en el desierto. Nuestro directorio de servicios "
                "fronterizos reúne a muchas de ellas."
            ),
        ],
    ), ["fronteras", "Naciones Unidas", "derechos humanos"])
    ensure_tags(ensure_translation(
        posts["statement_2026"],
        "es",
        "respalda-la-declaracion-nacional-2026",
        title="Grupos locales: respalden la declaración nacional del Día del Migrante 2026",
        topic=es["human-rights"],
        summary="Cada año, coaliciones locales, congregaciones, sindicatos y centros de trabajadores respaldan una "
                "declaración por los derechos de todas las personas migrantes. Suma el nombre de tu organización.",
        body=[
            paragraph(
                "Cada Día Internacional del Migrante, cientos de grupos locales hablan con una sola voz. La "
                "declaración nacional pide a nuestras autoridades electas que protejan los derechos humanos de las "
                "personas migrantes en sus comunidades, que den la bienvenida a las personas refugiadas y que "
                "apoyen la ratificación de la Convención sobre los Trabajadores Migratorios por Estados Unidos."
            ),
            paragraph(
                "Cualquier organización puede respaldarla: una coalición local, una congregación, un sindicato o "
                "centro de trabajadores, un servicio legal. Revisamos cada adhesión antes de publicarla y en "
                "diciembre entregamos la declaración, con la lista de firmantes, a las autoridades."
            ),
            quote("Cuando un concejo municipal escucha el mismo mensaje de sus congregaciones, sus sindicatos y sus "
                  "grupos inmigrantes, escucha.", "Alma Maquitico, codirectora"),
        ],
    ), ["Día del Migrante", "cartas de adhesión", "actúa"])


OLDER_POSTS_ES = [
    # (key, Spanish slug, topic slug, title, summary, paragraphs, tags)
    ("launch", "nuestro-nuevo-sitio-web", "network-news", "Bienvenidas y bienvenidos a nuestro nuevo sitio web",
     "El nuevo sitio fue posible gracias al regalo de un estudio de diseño y a la obra de un artista.",
     ["Estrenamos un nuevo hogar para las noticias, campañas y recursos de la Red: más ligero, más fácil de leer en "
      "el teléfono y en español y en inglés.",
      "Un estudio de diseño donó su tiempo para planear y construir el sitio, y un artista nos permitió usar su "
      "obra. Gracias a su generosidad, cada dólar donado puede ir al trabajo comunitario."],
     ["sitio web", "nuestra red"]),
    ("compact", "palabras-revision-regional-pacto-mundial", "global-migration",
     "Nuestras palabras en la revisión regional del Pacto Mundial para la Migración",
     "En la consulta previa a la revisión de América Latina y el Caribe pedimos poner los derechos de las personas "
     "migrantes en el centro de la recuperación.",
     ["La pandemia golpeó con dureza a las personas migrantes: trabajaron en la primera línea y, aun así, se les "
      "negó ayuda económica, atención médica, información y vacunas.",
      "Pedimos a los gobiernos de la región que pongan los derechos humanos de todas las personas migrantes, tengan "
      "o no papeles, en el centro de su recuperación de la pandemia."],
     ["Pacto Mundial", "COVID-19"]),
    ("hundred_days", "los-primeros-100-dias", "human-rights",
     "Los primeros 100 días: avances reales y lo que todavía tiene que cambiar",
     "Hubo avances contra la COVID-19; faltan la regularización, el fin del Título 42, el TPS, el fin de las "
     "deportaciones y más refugio.",
     ["A cien días de un nuevo gobierno, reconocemos los avances contra la COVID-19. Pero todavía falta mucho.",
      "Pedimos la regularización de las personas trabajadoras esenciales sin papeles, el fin de las restricciones "
      "del Título 42 en la frontera, el TPS para Haití y otros países, el fin de las deportaciones, más admisiones "
      "de personas refugiadas y un proceso de asilo justo."],
     ["regularización", "deportaciones", "asilo"]),
    ("highlight", "una-red-de-derechos-humanos-destaca-nuestro-trabajo", "human-rights",
     "Una red de derechos humanos destaca nuestro trabajo",
     "En el aniversario 64 de la Declaración Universal de Derechos Humanos, una red de derechos humanos presentó el "
     "trabajo de la Red.",
     ["Para el aniversario 64 de la Declaración Universal de Derechos Humanos, una red de derechos humanos publicó "
      "un artículo sobre cómo documentamos abusos, formamos a organizadores comunitarios y llevamos sus testimonios "
      "a Naciones Unidas. Compartimos este reconocimiento con cada organización miembro."],
     ["derechos humanos", "Declaración Universal", "nuestra red"]),
    ("migrants_day", "preparandonos-para-el-dia-internacional-del-migrante", "network-news",
     "Preparándonos para el Día Internacional del Migrante",
     "Cada 18 de diciembre, comunidades de todo el país defienden los derechos de las personas migrantes. Así "
     "puedes participar.",
     ["Coordinamos el Día Internacional del Migrante en Estados Unidos desde el año 2000. Los grupos locales "
      "organizan manifestaciones, foros, recepciones y comidas compartidas; este año muchas actividades también "
      "serán en línea.",
      "Nuestro llamado a la acción tiene ideas para todos: respaldar la declaración nacional, organizar una "
      "conferencia de prensa o un taller, pedir a tu ciudad una resolución, escribir a tus autoridades, proyectar "
      "una película o pegar carteles."],
     ["Día del Migrante", "actúa", "nuestra red"]),
]


def translate_older_posts(blog, posts, es):
    """Spanish versions of the older posts, so the Spanish news archive is complete."""
    spanish = Locale.objects.filter(language_code="es").first()
    if spanish is None or blog.get_translation_or_none(spanish) is None:
        return
    for key, slug, topic, title, summary, paragraphs, tags in OLDER_POSTS_ES:
        if key not in posts:
            continue
        post = ensure_translation(posts[key], "es", slug, title=title, summary=summary, topic=es[topic],
                                  body=[paragraph(*paragraphs)])
        ensure_tags(post, tags)
