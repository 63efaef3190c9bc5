"""Demo blog: authors, topics, seven posts from the content brief and Spanish translations of the index and two posts.

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
                url="https://example.org/refugee-admissions-petition",
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
        summary="Every 18 December communities across the country stand up for migrants' rights. Here is how to join.",
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
        title="Firma la petición: que se admita al menos a 62 500 refugiados este año",
        topic=es["refugees-and-asylum"],
        summary="El tope de refugiados sigue en 15 000. Súmate para exigir que se cumpla la promesa de 62 500.",
        body=[
            paragraph(
                "El gobierno prometió que este año fiscal admitiría hasta 62 500 personas refugiadas. Sin embargo, "
                "mantuvo el límite fijado por el gobierno anterior: 15 000, una de las cifras más bajas en la "
                "historia del programa."
            ),
            paragraph(
                "Detrás de ese número hay familias que ya pasaron todos los controles y siguen esperando en "
                "peligro; a algunas incluso les cancelaron el vuelo. Junto con organizaciones aliadas, pedimos "
                "al gobierno que admita al menos a 62 500 personas refugiadas este año."
            ),
            call_to_action(
                "Firma la petición",
                url="https://example.org/refugee-admissions-petition",
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
            "Si su organización trabaja en la frontera sur, sus respuestas ayudarán a mapear servicios esenciales "
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
