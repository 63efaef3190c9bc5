"""Demo programs and campaigns, written in our own words from the content brief.

``build(home)`` creates the eight programs and seven campaigns (with toolkits,
yearly editions and Spanish translations); ``link(home)`` runs after every
app's ``build`` and attaches resources and posts from the other apps where
they exist. Both only create what is missing.
"""

import datetime

from wagtail.models import Page

from campaigns.models import (
    CampaignEdition,
    CampaignIndexPage,
    CampaignPage,
    CampaignRelatedPost,
    CampaignRelatedResource,
    CampaignToolkitItem,
    ProgramIndexPage,
    ProgramPage,
    ProgramRelatedResource,
)
from nnirr_site.core.demo_builders import (
    call_to_action,
    ensure_page,
    ensure_translation,
    get_or_create_document,
    get_or_create_image,
    heading,
    paragraph,
    quote,
    rich,
)

MWC_URL = (
    "https://www.ohchr.org/en/instruments-mechanisms/instruments/"
    "international-convention-protection-rights-all-migrant-workers"
)


def build(home):
    programs = build_programs(home)
    campaigns = build_campaigns(home, programs)
    translate(programs, campaigns)
    translate_more(programs, campaigns)
    bring_migrants_day_to_2026(campaigns["migrants-day"])
    archive_old_campaigns(campaigns)


def program(index, slug, short_name, title, palette, summary, body, **fields):
    return ensure_page(
        index,
        ProgramPage,
        slug,
        title=title,
        short_name=short_name,
        summary=summary,
        listing_image=get_or_create_image(f"{short_name} program illustration", palette),
        body=body,
        **fields,
    )


def build_programs(home):
    index = ensure_page(
        home,
        ProgramIndexPage,
        "programs",
        title="Programs",
        intro="Long-term work that builds the power of immigrant and refugee communities.",
        summary="The network's programs: documentation, education, training and international advocacy.",
    )
    programs = {"index": index}
    programs["hurricane"] = ensure_page(
        index,
        ProgramPage,
        "hurricane",
        title="Human Rights Immigrant Community Action Network",
        short_name="HURRICANE",
        summary="Community members tell their stories and document abuses by immigration enforcement.",
        listing_image=get_or_create_image("HURRICANE storytelling illustration", "sky"),
        body=[
            paragraph(
                "HURRICANE gathers the stories of immigrant community members and documents human-rights abuses. "
                "More than 850 stories have been collected so far."
            ),
            heading("Why stories matter"),
            paragraph(
                "Numbers about raids and deportations rarely show what enforcement does to a family, a workplace "
                "or a whole neighborhood. When people describe in their own words what happened to them, "
                "lawmakers, journalists and the wider public can no longer look away.",
                "Local member groups help people record their testimony safely, and the network brings the "
                "patterns those testimonies reveal to decision makers at home and at the United Nations.",
            ),
            heading("Guilty by Immigration Status"),
            paragraph(
                "In 2008 alone HURRICANE documented more than a hundred stories and followed 118 immigration raids, "
                "which the authorities call enforcement operations. The findings were published as the report "
                "<i>Guilty by Immigration Status</i>."
            ),
            quote("They came at dawn and nobody told us where they were taking my brother.", "A story shared with HURRICANE"),
        ],
    )
    programs["bridge"] = program(
        index,
        "bridge",
        "BRIDGE",
        "Building a Race and Immigration Dialogue in the Global Era",
        "sun",
        "Popular-education workshops that help communities talk about race, immigration and the global economy.",
        [
            paragraph(
                "BRIDGE is a dialogue and curriculum project grounded in popular education. Instead of lectures, "
                "its workshops start from what participants already know from their own lives, and build a "
                "shared understanding from there."
            ),
            heading("The workbook"),
            paragraph(
                "The BRIDGE workbook gathers workshop modules that educators and organizers can adapt for their "
                "own groups. The modules cover:",
                "<ul><li>how the population of our communities is changing;</li>"
                "<li>immigration and the economy;</li><li>hate crimes and racist violence;</li>"
                "<li>gender and migration;</li><li>migration, population and the environment.</li></ul>",
            ),
            paragraph(
                "Each module brings newcomers and long-time residents, immigrants and US-born people together "
                "to look for common ground instead of competing for blame."
            ),
        ],
    )
    programs["irrti"] = program(
        index,
        "irrti",
        "IRRTI",
        "Immigrant and Refugee Rights Training Institutes",
        "leaf",
        "National and regional trainings that prepare community organizers to lead popular education.",
        [
            paragraph(
                "The Training Institutes prepare community organizers to facilitate popular education inside the "
                "immigrant-rights movement. Participants learn to run workshops, to listen, and to turn shared "
                "experience into collective action."
            ),
            heading("How the institutes work"),
            paragraph(
                "Institutes are held nationally and in the regions, so that organizers from small towns as well "
                "as big cities can take part. Trainers use the BRIDGE materials and methods, and participants "
                "leave with a plan for bringing what they learned back to their own community."
            ),
        ],
    )
    programs["uprooted"] = program(
        index,
        "uprooted",
        "Uprooted",
        "Uprooted: Refugees of the Global Economy",
        "earth",
        "A half-hour documentary following three people who left Bolivia, Haiti and the Philippines.",
        [
            paragraph(
                "<i>Uprooted</i> is a documentary of about thirty minutes. It follows three people who left "
                "Bolivia, Haiti and the Philippines, and the new challenges each of them met after arriving in "
                "the United States."
            ),
            paragraph(
                "The film shows how economic policies decided far away push people to leave home, and it is a "
                "good starting point for a discussion in a classroom, a congregation or a community meeting."
            ),
            ("embed", {"url": "https://www.youtube.com/", "title": "Uprooted: Refugees of the Global Economy",
                       "duration": "28 min"}),
        ],
    )
    programs["global-justice"] = program(
        index,
        "international-migrant-rights",
        "Global Justice",
        "International Migrant Rights and Global Justice",
        "plum",
        "Bringing the voices of migrants in the United States to global forums on migration and development.",
        contact_name="Alma Maquitico",
        contact_role="Co-Director",
        contact_email="info@nnirr.org",
        body=[
            paragraph(
                "Migration is shaped by decisions taken at a global level, so the network takes part in "
                "international networking and advocacy: at the Global Forum on Migration and Development, the "
                "UN Human Rights Council, the World Trade Organization and the International Labour Organization."
            ),
            heading("The Global Compact for Migration"),
            paragraph(
                "The Global Compact for Migration was a priority of our international work until its adoption "
                "in 2018. Since then we have taken part in its regional reviews, insisting that the rights of "
                "migrants, whatever their status, come first."
            ),
            heading("Working with partners"),
            paragraph(
                "We contributed to the guidelines on protecting migrants in countries in crisis, and we "
                "co-organize the People's Global Action on Migration, Development and Human Rights, a civil-society "
                "space that meets alongside the official forums."
            ),
        ],
    )
    programs["borders"] = program(
        index,
        "rights-at-borders",
        "Rights at Borders",
        "Rights at International Borders",
        "teal",
        "Human rights do not end at the border: supporting the UN principles and guidelines for border governance.",
        [
            paragraph(
                "The network supported the work of the UN human-rights office on the <i>Recommended Principles and "
                "Guidelines on Human Rights at International Borders</i>. The guidelines were released at the "
                "United Nations in New York on October 22, 2014, and NNIRR spoke at the launch event the following "
                "day."
            ),
            paragraph(
                "We use the guidelines to hold border authorities to account and to show that security and "
                "respect for human rights are not opposites."
            ),
        ],
    )
    programs["dialogue"] = program(
        index,
        "community-border-dialogue",
        "Border Dialogue",
        "National Community Border Dialogue",
        "sky",
        "A bi-national effort connecting border and interior communities around a shared agenda.",
        [
            paragraph(
                "The National Community Border Dialogue brings together communities along the US–Mexico border "
                "and communities in the interior of both countries. Their experiences of enforcement differ, "
                "but their hopes for safety, dignity and fair treatment are the same.",
                "Through meetings and exchanges, participants work toward a common agenda they can defend "
                "together.",
            ),
        ],
    )
    programs["survey"] = program(
        index,
        "border-community-survey",
        "Border Survey",
        "Border Community Survey and Services Map",
        "earth",
        "A 2021 survey of southern-border organizations, feeding a map of critical services and a human-rights report.",
        [
            paragraph(
                "In 2021 the network asked organizations along the southern border to take a survey about the "
                "human-rights concerns they see every day."
            ),
            heading("What the results are for"),
            paragraph(
                "The answers feed two tools. A digital map shows where border communities and migrants can find "
                "critical services: health care, food, emergency housing and legal help. A human-rights report "
                "brings together the concerns the organizations raised."
            ),
            paragraph("If your organization works at the border, take part and spread the word: #TakeTheSurvey."),
        ],
    )
    return programs


def toolkit(*items):
    """Toolkit rows from (document, description) pairs."""
    return [CampaignToolkitItem(document=document, description=text) for document, text in items]


def build_campaigns(home, programs):
    index = ensure_page(
        home,
        CampaignIndexPage,
        "campaigns",
        title="Campaigns",
        intro="Actions you can join today, and the campaigns that came before them.",
        summary="Current and past campaigns of the network.",
    )
    contact = Page.objects.child_of(home).filter(slug="contact").first()
    campaigns = {"index": index, "contact": contact}
    convention_summary = get_or_create_document(
        "The Migrant Workers Convention in brief",
        [
            "The International Convention on the Protection of the Rights of All Migrant Workers and Members of "
            "Their Families sets out rights for every migrant worker, documented or not.",
            "It protects against forced labor, arbitrary detention and collective expulsion, and gives migrant "
            "families the right to basic services. The United States has not ratified it.",
        ],
        "plum",
    )
    sign_on = get_or_create_document(
        "Organizational sign-on letter: ratify the Migrant Workers Convention",
        [
            "We, the undersigned organizations, call on the United States to ratify the International Convention "
            "on the Protection of the Rights of All Migrant Workers and Members of Their Families.",
            "Name of organization: ____________________   City and state: ____________________",
        ],
        "plum",
    )
    campaigns["convention"] = ensure_page(
        index,
        CampaignPage,
        "ratify-migrant-workers-convention",
        title="Ratify the Migrant Workers Convention",
        status="ongoing",
        start_date=datetime.date(2019, 12, 18),
        program=programs["global-justice"],
        summary="Call on the United States to ratify the UN convention that protects every migrant worker and family.",
        listing_image=get_or_create_image("Migrant workers convention illustration", "plum"),
        actions=[call_to_action("Read the Convention", url=MWC_URL,
                                description="Learn what the Convention guarantees, then add your name.")],
        body=[
            paragraph(
                "The International Convention on the Protection of the Rights of All Migrant Workers and Members "
                "of Their Families is the United Nations treaty on the rights of migrant workers. It recognizes "
                "that every migrant worker has rights, whatever their immigration status."
            ),
            heading("What we are asking"),
            paragraph(
                "The United States has not ratified the Convention. We ask supporters to sign a call for "
                "ratification: organizations can sign on as a group, and individuals can add their names to the "
                "petition."
            ),
        ],
        toolkit_items=toolkit(
            (convention_summary, "A two-page summary to share at meetings."),
            (sign_on, "Print it, collect signatures from your organization's board, and send it back to us."),
        ),
    )
    campaigns["refugees"] = ensure_page(
        index,
        CampaignPage,
        "refugee-admissions-2021",
        title="Admit at least 62,500 refugees",
        status="past",
        start_date=datetime.date(2021, 4, 16),
        end_date=datetime.date(2021, 5, 31),
        summary="A joint petition asking the administration to keep its promise and admit at least 62,500 refugees.",
        listing_image=get_or_create_image("Refugee welcome illustration", "sky"),
        body=[
            paragraph(
                "In April 2021 the administration decided to keep the refugee admissions ceiling for the 2021 "
                "fiscal year at 15,000, far below the 62,500 it had promised."
            ),
            paragraph(
                "Together with partner organizations, the network launched a joint petition asking the "
                "administration to admit at least 62,500 refugees, as promised, and to rebuild a resettlement "
                "system worthy of the name."
            ),
        ],
        toolkit_items=toolkit(
            (get_or_create_document(
                "Joint petition on refugee admissions, April 2021",
                ["We ask the administration to admit at least 62,500 refugees in fiscal year 2021, as it promised.",
                 "Keeping the ceiling at 15,000 leaves people who have already waited years in danger."],
                "sky",
            ), "The full text of the petition."),
        ),
    )
    campaigns["migrants-day"] = build_migrants_day(index, programs, contact)
    campaigns["census"] = ensure_page(
        index,
        CampaignPage,
        "we-all-count-census-2010",
        title="We ALL Count: Census 2010",
        status="past",
        start_date=datetime.date(2010, 1, 15),
        end_date=datetime.date(2010, 7, 31),
        summary="Encouraging immigrant communities to be counted in the 2010 census, safely.",
        listing_image=get_or_create_image("Census community illustration", "leaf"),
        body=[
            paragraph(
                "Every person living in the United States counts in the census, and the count decides how public "
                "money and political representation are shared out. Immigrant communities are often undercounted."
            ),
            paragraph(
                "The We ALL Count campaign encouraged immigrant families to take part, shared tools that answered "
                "the misinformation going around, and asked federal authorities to suspend immigration "
                "enforcement while the census was under way, so that nobody would be afraid to open the door."
            ),
        ],
        toolkit_items=toolkit(
            (get_or_create_document(
                "We ALL Count: census facts for immigrant communities",
                ["The census counts everyone living in the United States, whatever their status.",
                 "Your answers are confidential by law. Being counted brings resources to your community."],
                "leaf",
            ), "A flyer to hand out at community events."),
        ),
    )
    campaigns["legalization"] = ensure_page(
        index,
        CampaignPage,
        "legalization",
        title="Legalization: rights for everyone, whatever their status",
        status="ongoing",
        start_date=datetime.date(2013, 1, 1),
        program=programs["irrti"],
        summary="Community consultations on protecting the human and civil rights of every immigrant.",
        listing_image=get_or_create_image("Community consultation illustration", "sun"),
        body=[
            paragraph(
                "We speak of regularización, not amnesty: people who live and work here are not asking to be "
                "forgiven, but to have their rights recognized."
            ),
            paragraph(
                "Through face-to-face consultations, member groups ask their communities what a fair path to "
                "legal status must include, and how to protect the human and civil rights of all immigrants, "
                "whatever their status, while the fight for legalization goes on."
            ),
        ],
        toolkit_items=toolkit(
            (get_or_create_document(
                "Community consultation guide",
                ["How to hold a face-to-face consultation on legalization in your community.",
                 "Invite widely, meet where people feel safe, listen more than you speak, and write down what "
                 "you hear."],
                "sun",
            ), "Step-by-step guide for hosts of a consultation."),
        ),
    )
    campaigns["dialogue"] = ensure_page(
        index,
        CampaignPage,
        "un-high-level-dialogue-2013",
        title="UN High-Level Dialogue on Migration and Development, 2013",
        status="past",
        start_date=datetime.date(2013, 3, 1),
        end_date=datetime.date(2013, 10, 4),
        program=programs["global-justice"],
        summary="Preparing with international partners to put human rights at the center of migration policy.",
        listing_image=get_or_create_image("United Nations dialogue illustration", "plum"),
        body=[
            paragraph(
                "In the fall of 2013 the United Nations held its High-Level Dialogue on International Migration "
                "and Development in New York. The network prepared for it with partners from around the world."
            ),
            paragraph(
                "Our shared message was simple: migration policy must start from the human rights of migrants "
                "and their families, not from the needs of labor markets or border control."
            ),
        ],
    )
    campaigns["detention"] = ensure_page(
        index,
        CampaignPage,
        "immigration-detention-2012",
        title="End immigration detention (2012)",
        status="past",
        start_date=datetime.date(2012, 1, 15),
        end_date=datetime.date(2012, 12, 31),
        program=programs["hurricane"],
        summary="A joint submission to the UN Special Rapporteur on the Human Rights of Migrants.",
        listing_image=get_or_create_image("Detention report illustration", "earth"),
        body=[
            paragraph(
                "In 2012 the network coordinated a submission to the UN Special Rapporteur on the Human Rights of "
                "Migrants, describing how immigration detention harms people in the United States."
            ),
            paragraph(
                "The Special Rapporteur's report that year concluded that no one should be detained for "
                "immigration purposes: migration is not a crime."
            ),
        ],
    )
    return campaigns


def build_migrants_day(index, programs, contact):
    call_2020 = get_or_create_document(
        "International Migrants Day 2020: call to action",
        [
            "On December 18, join people across the country in standing up for the rights of migrants.",
            "What you can do: endorse the national statement; hold a press conference, forum or workshop; pass a "
            "local resolution; write to your elected officials; issue a statement; screen a film; put up posters.",
        ],
        "sun",
    )
    resolutions = get_or_create_document(
        "Tips on Passing Local Resolutions",
        [
            "A city council or county board resolution for International Migrants Day shows that your community "
            "stands with migrants.",
            "Find a sponsor on the council early, bring people to the meeting, and give members a draft text they "
            "can adopt as it is.",
        ],
        "sun",
    )
    letter = get_or_create_document(
        "Sample letter to elected officials",
        [
            "Dear ____________,",
            "On International Migrants Day, December 18, we ask you to defend the human rights of all migrants in "
            "our community, whatever their immigration status.",
        ],
        "sun",
    )
    editions = [
        CampaignEdition(
            year=2020,
            theme="Essential, not disposable",
            text=rich("Migrant workers kept the country fed and cared for through the pandemic. In 2020 we asked "
                      "for relief, health care and vaccines for everyone, whatever their status."),
            document=call_2020,
        ),
        CampaignEdition(
            year=2019,
            text=rich("Member groups held forums and community dinners in more than a dozen cities and called for "
                      "US ratification of the Migrant Workers Convention."),
            document=get_or_create_document(
                "International Migrants Day 2019: call to action",
                ["Celebrate and defend migrants on December 18: hold a gathering, pass a resolution, write to "
                 "officials and call for ratification of the Migrant Workers Convention."],
                "sun",
            ),
        ),
        CampaignEdition(
            year=2018,
            text=rich("The year the Global Compact for Migration was adopted, we asked local groups to make sure "
                      "its promises reached their own communities."),
        ),
    ]
    return ensure_page(
        index,
        CampaignPage,
        "international-migrants-day",
        title="International Migrants Day — December 18",
        status="active",
        start_date=datetime.date(2000, 12, 18),
        program=programs["global-justice"],
        summary="Every year since 2000 we coordinate actions for the rights of migrants on December 18.",
        listing_image=get_or_create_image("Migrants Day rally illustration", "sun"),
        hashtags="#SpotlightRStory #4rightsatborders",
        actions=[call_to_action("Tell us about your event", page=contact,
                                description="Planning something for December 18? Let us know so we can help "
                                            "spread the word. The toolkit below has everything you need.")],
        body=[
            paragraph("Local groups hold rallies, forums, receptions and community dinners."),
            paragraph(
                "The United Nations proclaimed December 18 International Migrants Day, the anniversary of the "
                "adoption of the Migrant Workers Convention. The network has coordinated actions around the "
                "country every year since 2000, and every year publishes a call to action with ideas for local "
                "groups of any size."
            ),
            heading("Ideas for your community"),
            paragraph(
                "<ul><li>Endorse the national statement.</li><li>Hold a press conference, a forum or a "
                "workshop.</li><li>Ask your city or county to pass a resolution (see our tips).</li><li>Send "
                "letters to your elected officials.</li><li>Issue a statement of your own.</li><li>Screen a film "
                "such as <i>Uprooted</i>.</li><li>Put up posters.</li></ul>"
            ),
        ],
        toolkit_items=toolkit(
            (call_2020, "This year's ideas and key messages."),
            (resolutions, "How to get your city or county to adopt a resolution."),
            (letter, "Adapt it and send it to your mayor, council members or members of Congress."),
        ),
        editions=editions,
    )


def translate(programs, campaigns):
    """Spanish versions of the indexes, three programs and three campaigns."""
    programs_es = ensure_translation(
        programs["index"],
        "es",
        "programas",
        title="Programas",
        intro="Trabajo de largo plazo que fortalece a las comunidades inmigrantes y refugiadas.",
        summary="Los programas de la Red: documentación, educación popular, formación e incidencia internacional.",
    )
    ensure_translation(
        programs["hurricane"],
        "es",
        "hurricane",
        title="Red de Acción Comunitaria por los Derechos Humanos de los Inmigrantes",
        summary="Personas de la comunidad cuentan lo que vivieron y documentan los abusos de las autoridades migratorias.",
        body=[
            paragraph(
                "HURRICANE recoge los testimonios de personas inmigrantes y documenta las violaciones de sus "
                "derechos humanos. Ya son más de 850 historias."
            ),
            heading("Por qué importan las historias"),
            paragraph(
                "Las cifras de redadas y deportaciones casi nunca muestran lo que la persecución le hace a una "
                "familia, a un lugar de trabajo o a un barrio entero. Cuando la gente cuenta con sus propias "
                "palabras lo que le pasó, ni los legisladores ni la prensa pueden mirar hacia otro lado."
            ),
            heading("Culpables por su estatus migratorio"),
            paragraph(
                "Solo en 2008, HURRICANE documentó más de cien testimonios y siguió de cerca 118 redadas, que las "
                "autoridades llaman «operativos». Los resultados se publicaron en el informe <i>Guilty by "
                "Immigration Status</i>."
            ),
        ],
    )
    ensure_translation(
        programs["bridge"],
        "es",
        "bridge",
        title="Construyendo un diálogo sobre raza e inmigración en la era global",
        summary="Talleres de educación popular para conversar sobre raza, migración y economía global.",
        body=[
            paragraph(
                "BRIDGE es un proyecto de diálogo y de materiales educativos basado en la educación popular. Los "
                "talleres parten de lo que cada participante ya sabe por experiencia propia y, desde ahí, "
                "construyen una comprensión común."
            ),
            heading("El cuaderno de trabajo"),
            paragraph(
                "El cuaderno reúne módulos que educadores y organizadores pueden adaptar a su grupo:",
                "<ul><li>los cambios en la población de nuestras comunidades;</li><li>la inmigración y la "
                "economía;</li><li>los crímenes de odio y la violencia racista;</li><li>género y migración;</li>"
                "<li>migración, población y medio ambiente.</li></ul>",
            ),
        ],
    )
    ensure_translation(
        programs["irrti"],
        "es",
        "irrti",
        title="Institutos de Formación sobre los Derechos de Inmigrantes y Refugiados",
        summary="Formaciones nacionales y regionales para que las organizadoras comunitarias guíen la educación popular.",
        body=[
            paragraph(
                "Los Institutos preparan a organizadores y organizadoras comunitarias para facilitar procesos de "
                "educación popular dentro del movimiento. Se aprende a dirigir talleres, a escuchar y a "
                "convertir la experiencia compartida en acción colectiva."
            ),
            paragraph(
                "Se organizan a nivel nacional y regional, para que participe gente de pueblos pequeños y de "
                "grandes ciudades. Cada participante vuelve a su comunidad con un plan propio."
            ),
        ],
    )
    ensure_translation(
        campaigns["index"],
        "es",
        "campanas",
        title="Campañas",
        intro="Acciones en las que puedes participar hoy, y las campañas que las precedieron.",
        summary="Campañas actuales y anteriores de la Red.",
    )
    ensure_translation(
        campaigns["convention"],
        "es",
        "ratificar-convencion-trabajadores-migratorios",
        title="Que Estados Unidos ratifique la Convención sobre los Trabajadores Migratorios",
        summary="Pide a Estados Unidos que ratifique la convención de la ONU que protege a toda persona trabajadora "
                "migrante y a su familia.",
        actions=[call_to_action("Lee la Convención", url=MWC_URL,
                                description="Conoce lo que garantiza la Convención y suma tu nombre.")],
        body=[
            paragraph(
                "La Convención Internacional sobre la Protección de los Derechos de Todos los Trabajadores "
                "Migratorios y de sus Familiares es el tratado de Naciones Unidas que reconoce derechos a toda "
                "persona trabajadora migrante, tenga o no papeles."
            ),
            heading("Qué pedimos"),
            paragraph(
                "Estados Unidos no la ha ratificado. Invitamos a organizaciones a firmar como grupo, y a cada "
                "persona a sumar su nombre a la petición."
            ),
        ],
    )
    ensure_translation(
        campaigns["refugees"],
        "es",
        "admision-refugiados-2021",
        title="Que se admita al menos a 62.500 personas refugiadas",
        summary="Una petición conjunta para que el gobierno cumpla su promesa y admita al menos a 62.500 personas "
                "refugiadas.",
        body=[
            paragraph(
                "En abril de 2021 el gobierno decidió mantener en 15.000 el tope de admisión de personas refugiadas "
                "para el año fiscal, muy lejos de las 62.500 que había prometido."
            ),
            paragraph(
                "Junto con organizaciones aliadas, la Red lanzó una petición conjunta para exigir que se admita al "
                "menos a 62.500 personas, como se prometió."
            ),
        ],
    )
    ensure_translation(
        campaigns["migrants-day"],
        "es",
        "dia-internacional-del-migrante",
        title="Día Internacional del Migrante: 18 de diciembre",
        summary="Desde el año 2000 coordinamos cada 18 de diciembre acciones por los derechos de las personas migrantes.",
        actions=[call_to_action("Cuéntanos qué estás organizando", page=campaigns["contact"],
                                description="¿Preparas algo para el 18 de diciembre? Avísanos y te ayudamos a "
                                            "difundirlo. En los materiales encontrarás todo lo necesario.")],
        body=[
            paragraph(
                "Naciones Unidas declaró el 18 de diciembre Día Internacional del Migrante, aniversario de la "
                "Convención sobre los Trabajadores Migratorios. Cada año, grupos locales de todo el país organizan "
                "marchas, foros, recepciones y cenas comunitarias, y la Red publica un llamado a la acción con "
                "ideas para grupos de cualquier tamaño."
            ),
            heading("Ideas para tu comunidad"),
            paragraph(
                "<ul><li>Respalda la declaración nacional.</li><li>Organiza una conferencia de prensa, un foro o "
                "un taller.</li><li>Pide a tu ciudad o condado que apruebe una resolución.</li><li>Escribe a tus "
                "representantes.</li><li>Proyecta una película como <i>Uprooted</i>.</li><li>Pega "
                "carteles.</li></ul>"
            ),
        ],
        editions=[
            CampaignEdition(
                year=2020,
                theme="Esenciales, no desechables",
                text=rich("Las personas migrantes sostuvieron al país durante la pandemia. En 2020 pedimos ayuda, "
                          "atención médica y vacunas para todas, sin importar su estatus."),
                document=campaigns["migrants-day"].editions.get(year=2020).document,
            ),
            CampaignEdition(
                year=2019,
                text=rich("Grupos de más de una docena de ciudades organizaron foros y cenas comunitarias y "
                          "pidieron la ratificación de la Convención."),
                document=campaigns["migrants-day"].editions.get(year=2019).document,
            ),
            CampaignEdition(
                year=2018,
                text=rich("El año en que se adoptó el Pacto Mundial para la Migración, invitamos a los grupos "
                          "locales a exigir que sus promesas llegaran a cada comunidad."),
            ),
        ],
    )
    return programs_es


def find_live(model_label, **lookup):
    """The first live English page of ``model_label`` matching ``lookup``, or None if that app has none."""
    app_label, model_name = model_label.split(".")
    pages = Page.objects.live().filter(
        content_type__app_label=app_label, content_type__model=model_name.lower(), locale__language_code="en"
    )
    return pages.filter(**lookup).order_by("path").first()


def add_links(page, relation, link_model, parent_field, targets):
    """Link ``targets`` (pages, None skipped) from ``page`` and its translations, unless already linked.

    Translations link to the same English pages; the templates show each
    one's translation where it exists.
    """
    targets = [target for target in targets if target is not None]
    for source in [page, *page.get_translations()]:
        if not targets or getattr(source, relation).exists():
            continue
        for order, target in enumerate(targets):
            link_model.objects.create(**{parent_field: source}, page=target, sort_order=order)
        source.save_revision().publish()


def link(home):
    """Attach resources and posts from the resources and blog apps, where those exist."""
    index = Page.objects.child_of(home).get(slug="programs")
    programs = {p.slug: p.specific for p in index.get_children()}
    campaign_index = Page.objects.child_of(home).get(slug="campaigns")
    campaigns = {p.slug: p.specific for p in campaign_index.get_children()}
    resource = "resources.ResourcePage"
    add_links(programs["hurricane"], "related_resources", ProgramRelatedResource, "program",
              [find_live(resource, title__icontains="Guilty by Immigration Status")])
    add_links(programs["bridge"], "related_resources", ProgramRelatedResource, "program",
              [find_live(resource, title__icontains="BRIDGE")])
    add_links(programs["uprooted"], "related_resources", ProgramRelatedResource, "program",
              [find_live(resource, title__icontains="Uprooted")])
    add_links(programs["international-migrant-rights"], "related_resources", ProgramRelatedResource, "program",
              [find_live(resource, title="The Global Compact for Migration"),
               find_live(resource, title__icontains="Closing remarks"),
               find_live(resource, title__icontains="Alliance of Alliances")])
    add_links(programs["irrti"], "related_resources", ProgramRelatedResource, "program",
              [find_live(resource, title__icontains="BRIDGE")])
    add_links(programs["rights-at-borders"], "related_resources", ProgramRelatedResource, "program",
              [find_live(resource, title__icontains="international borders")])
    add_links(campaigns["international-migrants-day"], "related_resources", CampaignRelatedResource, "campaign",
              [find_live(resource, title__icontains="Migrants Day"),
               find_live(resource, title__icontains="Local Resolutions"),
               find_live(resource, title__icontains="Sample letters")])
    add_links(campaigns["international-migrants-day"], "related_posts", CampaignRelatedPost, "campaign",
              [find_live("blog.BlogPage", slug="international-migrants-day-2026-events"),
               find_live("blog.BlogPage", slug="endorse-the-2026-national-statement"),
               find_live("blog.BlogPage", slug="getting-ready-for-international-migrants-day")])
    add_links(campaigns["un-high-level-dialogue-2013"], "related_resources", CampaignRelatedResource, "campaign",
              [find_live(resource, title__icontains="Alliance of Alliances")])
    add_links(campaigns["refugee-admissions-2021"], "related_posts", CampaignRelatedPost, "campaign",
              [find_live("blog.BlogPage", title__icontains="refugee")])
    add_links(campaigns["ratify-migrant-workers-convention"], "related_posts", CampaignRelatedPost, "campaign",
              [find_live("blog.BlogPage", title__icontains="Global Compact")])


# Spanish descriptions of the toolkit downloads, by their English description: a translation
# copies the rows from the English page, descriptions included.
TOOLKIT_ES = {
    "A two-page summary to share at meetings.": "Un resumen de dos páginas para compartir en reuniones.",
    "Print it, collect signatures from your organization's board, and send it back to us.":
        "Imprímela, reúne las firmas de la directiva de tu organización y envíanosla.",
    "The full text of the petition.": "El texto completo de la petición.",
    "A flyer to hand out at community events.": "Un volante para repartir en actividades comunitarias.",
    "Step-by-step guide for hosts of a consultation.": "Guía paso a paso para quienes organizan una consulta.",
    "This year's ideas and key messages.": "Las ideas y los mensajes clave de este año.",
    "How to get your city or county to adopt a resolution.": "Cómo lograr que tu ciudad o condado apruebe una resolución.",
    "Adapt it and send it to your mayor, council members or members of Congress.":
        "Adáptala y envíala a tu alcaldía, a tu concejo municipal o a tus representantes en el Congreso.",
}


def translate_more(programs, campaigns):
    """Spanish versions of the other five programs and four campaigns, and Spanish toolkit descriptions."""
    ensure_translation(
        programs["uprooted"],
        "es",
        "desarraigados",
        title="Desarraigados: personas refugiadas de la economía global",
        short_name="Desarraigados",
        summary="Un documental de media hora sobre tres personas que dejaron Bolivia, Haití y Filipinas.",
        body=[
            paragraph(
                "<i>Uprooted</i> (Desarraigados) es un documental de unos treinta minutos. Acompaña a tres personas "
                "que salieron de Bolivia, Haití y Filipinas, y los nuevos retos que cada una enfrentó al llegar a "
                "Estados Unidos."
            ),
            paragraph(
                "La película muestra cómo decisiones económicas tomadas muy lejos empujan a la gente a dejar su "
                "tierra. Es un buen punto de partida para conversar en un salón de clases, una congregación o una "
                "reunión comunitaria. La película está en inglés."
            ),
            ("embed", {"url": "https://www.youtube.com/", "title": "Uprooted: Refugees of the Global Economy",
                       "duration": "28 min"}),
        ],
    )
    ensure_translation(
        programs["global-justice"],
        "es",
        "derechos-de-migrantes-y-justicia-global",
        title="Derechos de las personas migrantes y justicia global",
        short_name="Justicia global",
        contact_role="Codirectora",
        summary="Llevamos la voz de las personas migrantes en Estados Unidos a los foros mundiales sobre migración y "
                "desarrollo.",
        body=[
            paragraph(
                "La migración depende de decisiones que se toman a nivel mundial. Por eso la Red participa en redes "
                "e incidencia internacional: en el Foro Mundial sobre Migración y Desarrollo, el Consejo de "
                "Derechos Humanos de la ONU, la Organización Mundial del Comercio y la Organización Internacional "
                "del Trabajo."
            ),
            heading("El Pacto Mundial para la Migración"),
            paragraph(
                "El Pacto Mundial para la Migración fue una prioridad de nuestro trabajo internacional hasta su "
                "adopción en 2018. Desde entonces participamos en sus revisiones regionales e insistimos en que los "
                "derechos de las personas migrantes, tengan o no papeles, van primero."
            ),
            heading("Con nuestras organizaciones aliadas"),
            paragraph(
                "Contribuimos a las directrices para proteger a las personas migrantes en países en crisis y "
                "coorganizamos la Acción Global de los Pueblos sobre Migración, Desarrollo y Derechos Humanos, un "
                "espacio de la sociedad civil que se reúne junto a los foros oficiales."
            ),
        ],
    )
    ensure_translation(
        programs["borders"],
        "es",
        "derechos-en-las-fronteras",
        title="Derechos humanos en las fronteras internacionales",
        short_name="Derechos en las fronteras",
        summary="Los derechos humanos no terminan en la frontera: apoyamos los principios y directrices de la ONU "
                "para la gestión de fronteras.",
        body=[
            paragraph(
                "La Red apoyó el trabajo de la oficina de derechos humanos de la ONU sobre los <i>Principios y "
                "Directrices recomendados sobre los derechos humanos en las fronteras internacionales</i>. Se "
                "presentaron en la sede de Naciones Unidas en Nueva York el 22 de octubre de 2014, y NNIRR tomó la "
                "palabra en el acto de presentación al día siguiente."
            ),
            paragraph(
                "Usamos las directrices para pedir cuentas a las autoridades fronterizas y para mostrar que la "
                "seguridad y el respeto de los derechos humanos no se oponen."
            ),
        ],
    )
    ensure_translation(
        programs["dialogue"],
        "es",
        "dialogo-comunitario-fronterizo",
        title="Diálogo Comunitario Fronterizo Nacional",
        short_name="Diálogo fronterizo",
        summary="Un esfuerzo binacional que une a comunidades de la frontera y del interior en torno a una agenda "
                "común.",
        body=[
            paragraph(
                "El Diálogo Comunitario Fronterizo Nacional reúne a comunidades de la frontera entre México y "
                "Estados Unidos con comunidades del interior de ambos países. Viven la vigilancia migratoria de "
                "maneras distintas, pero comparten el deseo de seguridad, dignidad y trato justo.",
                "En reuniones e intercambios, las y los participantes construyen una agenda común que pueden "
                "defender juntos.",
            ),
        ],
    )
    ensure_translation(
        programs["survey"],
        "es",
        "encuesta-comunitaria-fronteriza",
        title="Encuesta comunitaria fronteriza y mapa de servicios",
        short_name="Encuesta fronteriza",
        summary="Una encuesta de 2021 a organizaciones de la frontera sur, que alimenta un mapa de servicios "
                "esenciales y un informe de derechos humanos.",
        body=[
            paragraph(
                "En 2021 la Red invitó a las organizaciones de la frontera sur a responder una encuesta sobre los "
                "problemas de derechos humanos que ven cada día."
            ),
            heading("Para qué sirven los resultados"),
            paragraph(
                "Las respuestas alimentan dos herramientas. Un mapa digital muestra dónde las comunidades "
                "fronterizas y las personas migrantes encuentran servicios esenciales: atención médica, "
                "alimentos, albergue de emergencia y ayuda legal. Un informe de derechos humanos reúne las "
                "preocupaciones que plantearon las organizaciones."
            ),
            paragraph("Si tu organización trabaja en la frontera, participa y corre la voz: #TakeTheSurvey."),
        ],
    )
    ensure_translation(
        campaigns["census"],
        "es",
        "todos-contamos-censo-2010",
        title="Todos contamos: Censo 2010",
        summary="Animamos a las comunidades inmigrantes a participar en el censo de 2010, sin miedo.",
        body=[
            paragraph(
                "Toda persona que vive en Estados Unidos cuenta en el censo, y el conteo decide cómo se reparten el "
                "dinero público y la representación política. Las comunidades inmigrantes suelen quedar "
                "subcontadas."
            ),
            paragraph(
                "La campaña We ALL Count (Todos contamos) animó a las familias inmigrantes a participar, compartió "
                "herramientas contra la desinformación y pidió a las autoridades federales suspender las acciones "
                "migratorias durante el censo, para que nadie tuviera miedo de abrir la puerta."
            ),
        ],
    )
    ensure_translation(
        campaigns["legalization"],
        "es",
        "regularizacion",
        title="Regularización: derechos para todas las personas, sin importar su estatus",
        summary="Consultas comunitarias para proteger los derechos humanos y civiles de cada inmigrante.",
        body=[
            paragraph(
                "Hablamos de regularización, no de amnistía: quienes viven y trabajan aquí no piden perdón, piden "
                "que se reconozcan sus derechos."
            ),
            paragraph(
                "En consultas cara a cara, los grupos miembro preguntan a sus comunidades qué debe incluir un camino "
                "justo hacia la residencia legal, y cómo proteger los derechos humanos y civiles de todas las "
                "personas inmigrantes mientras sigue la lucha por la regularización."
            ),
        ],
    )
    ensure_translation(
        campaigns["dialogue"],
        "es",
        "dialogo-de-alto-nivel-onu-2013",
        title="Diálogo de Alto Nivel de la ONU sobre Migración y Desarrollo, 2013",
        summary="Nos preparamos con organizaciones de otros países para poner los derechos humanos en el centro de "
                "la política migratoria.",
        body=[
            paragraph(
                "En el otoño de 2013, Naciones Unidas celebró en Nueva York su Diálogo de Alto Nivel sobre la "
                "Migración Internacional y el Desarrollo. La Red se preparó con organizaciones aliadas de todo el "
                "mundo."
            ),
            paragraph(
                "Nuestro mensaje común fue sencillo: la política migratoria debe partir de los derechos humanos de "
                "las personas migrantes y sus familias, no de las necesidades del mercado laboral ni del control "
                "fronterizo."
            ),
        ],
    )
    ensure_translation(
        campaigns["detention"],
        "es",
        "detencion-migratoria-2012",
        title="Fin a la detención migratoria (2012)",
        summary="Un informe conjunto para el Relator Especial de la ONU sobre los derechos humanos de los migrantes.",
        body=[
            paragraph(
                "En 2012 la Red coordinó un informe para el Relator Especial de la ONU sobre los derechos humanos "
                "de los migrantes, que describía el daño que causa la detención migratoria en Estados Unidos."
            ),
            paragraph(
                "El informe del Relator Especial de ese año concluyó que nadie debería ser detenido por motivos "
                "migratorios: migrar no es un delito."
            ),
        ],
    )
    translate_toolkits()


def translate_toolkits():
    """Give Spanish campaign pages Spanish toolkit descriptions (translations copied the English ones)."""
    for page in CampaignPage.objects.filter(locale__language_code="es"):
        items = [item for item in page.toolkit_items.all() if item.description in TOOLKIT_ES]
        if not items:
            continue
        for item in items:
            item.description = TOOLKIT_ES[item.description]
            item.save(update_fields=["description"])
        CampaignPage.objects.get(pk=page.pk).save_revision().publish()


MIGRANTS_DAY_2026 = {
    "en": ("Human rights have no borders",
           "Member groups are planning vigils, forums, rallies and community dinners in nine states and online. "
           "Endorse the national statement, add your event to the calendar and use the toolkit below."),
    "es": ("Los derechos humanos no tienen fronteras",
           "Los grupos miembro preparan vigilias, foros, manifestaciones y cenas comunitarias en nueve estados y "
           "en línea. Respalda la declaración nacional, suma tu evento al calendario y usa los materiales de abajo."),
}


def bring_migrants_day_to_2026(page):
    """International Migrants Day is the network's current campaign: active, with its 2026 edition and call."""
    call_2026 = get_or_create_document(
        "International Migrants Day 2026: call to action",
        [
            "On December 18, 2026, stand with migrants in your community: human rights have no borders.",
            "What you can do: endorse the national statement; hold a vigil, a forum or a community dinner and add "
            "it to the network's calendar; ask your city council to pass a resolution; write to your elected "
            "officials; screen Uprooted; put up posters.",
        ],
        "sun",
    )
    for target in [page, *page.get_translations()]:
        target = CampaignPage.objects.get(pk=target.pk)
        theme, text = MIGRANTS_DAY_2026.get(target.locale.language_code, MIGRANTS_DAY_2026["en"])
        changed = False
        if not target.editions.filter(year=2026).exists():
            CampaignEdition.objects.create(campaign=target, year=2026, theme=theme, text=rich(text),
                                           document=call_2026, sort_order=-1)
            changed = True
        for item in target.toolkit_items.filter(document__title="International Migrants Day 2020: call to action"):
            item.document = call_2026
            item.save(update_fields=["document"])
            changed = True
        current = {"status": "active", "start_date": datetime.date(2026, 10, 15),
                   "end_date": datetime.date(2026, 12, 18)}
        if any(getattr(target, name) != value for name, value in current.items()):
            CampaignPage.objects.filter(pk=target.pk).update(**current)
            changed = True
        if changed:
            CampaignPage.objects.get(pk=target.pk).save_revision().publish()


def archive_old_campaigns(campaigns):
    """Only the current campaign is "Active": the 2019 call for ratification is an ongoing ask."""
    convention = campaigns["convention"]
    for target in [convention, *convention.get_translations()]:
        if target.specific.status == "active":
            CampaignPage.objects.filter(pk=target.pk).update(status="ongoing")
            CampaignPage.objects.get(pk=target.pk).save_revision().publish()
