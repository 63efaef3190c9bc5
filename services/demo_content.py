"""Demo border services: about 40 demonstration entries in English and Spanish, and the directory page.

Every entry is invented and says so: "Demo" in each organization's name, ``example.org`` email
addresses and websites, and phone numbers in the 555-01xx range reserved for fiction (or a
"555" Mexican number). They cover every category and the eight border states of the survey
(California, Arizona, New Mexico, Texas, Baja California, Sonora, Chihuahua, Tamaulipas, plus one
in Coahuila); a few are confidential (shelters), a few have not been checked for more than 180
days, and a few are temporarily closed. Running it again changes nothing.
"""

from datetime import time, timedelta

from django.utils import timezone
from wagtail.models import Locale, Page

from nnirr_site.core.demo_builders import call_to_action, ensure_page, ensure_snippet_translation, ensure_translation
from services.models import Service, ServiceHours
from services.pages import ServiceDirectoryPage

WEEKDAYS = range(0, 5)
EVERY_DAY = range(0, 7)


def hours(days, opens, closes):
    return [(day, time(*opens), time(*closes)) for day in days]


# (slug, name, name_es, organization, categories, city, state, phone, address, postal code, lat, lng,
#  description, description_es, extra) — extra holds every other field that differs from the defaults.
SERVICES = [
    ("demo-border-legal-clinic-san-diego", "Free immigration legal clinic", "Clínica legal gratuita de inmigración",
     "Demo Border Legal Aid", ["legal", "know_your_rights"], "San Diego", "US-CA", "+1 619-555-0101",
     "1450 Example Avenue, Suite 200", "92101", 32.7190, -117.1530,
     "Lawyers and accredited representatives answer questions about asylum, immigration court dates and "
     "work permits. Walk-in consultations on weekday mornings; appointments by phone.",
     "Abogadas y representantes acreditados responden preguntas sobre asilo, citas en la corte de inmigración y "
     "permisos de trabajo. Consultas sin cita por las mañanas entre semana; citas por teléfono.",
     {"languages": ["en", "es", "ht"], "interpretation_available": True, "asks": "no", "shares": "no",
      "hours": hours(WEEKDAYS, (9, 0), (13, 0)), "no_documents_required": True, "verified_days": 20}),
    ("demo-casa-refugio-san-diego", "Family shelter", "Albergue para familias",
     "Demo Casa Refugio San Diego", ["shelter", "food"], "San Diego", "US-CA", "+1 619-555-0102",
     "Confidential street 12", "92113", 32.7005, -117.1200,
     "Short stays for families who have just crossed or been released, with meals, showers and help to reach "
     "relatives. The address is given by phone.",
     "Estancias cortas para familias recién llegadas o liberadas, con comidas, regaderas y ayuda para contactar "
     "a sus familiares. La dirección se da por teléfono.",
     {"languages": ["en", "es", "mix"], "asks": "no", "shares": "no", "confidential": True, "open_24_hours": True,
      "verified_days": 45, "eligibility": "Families with children.",
      "eligibility_es": "Familias con niñas y niños."}),
    ("demo-community-clinic-chula-vista", "Community health clinic", "Clínica comunitaria de salud",
     "Demo Salud Fronteriza", ["medical", "mental_health"], "Chula Vista", "US-CA", "+1 619-555-0103",
     "300 Example Street", "91910", 32.6401, -117.0842,
     "Primary care, vaccinations and counseling for anyone, with or without insurance. Fees depend on income.",
     "Atención primaria, vacunas y consejería para cualquier persona, con o sin seguro médico. El costo depende "
     "de los ingresos.",
     {"languages": ["en", "es"], "fees": "sliding", "asks": "no", "shares": "no",
      "hours": hours(WEEKDAYS, (8, 0), (18, 0)) + hours([5], (9, 0), (13, 0)), "verified_days": 60}),
    ("demo-detention-visits-otay-mesa", "Detention visitation program", "Programa de visitas a personas detenidas",
     "Demo Friends Visiting Otay Mesa", ["detention_visitation", "accompaniment"], "San Diego", "US-CA",
     "+1 619-555-0104", "2200 Example Road", "92154", 32.5770, -116.9690,
     "Volunteers visit people held in immigration detention, send books and help families keep in touch.",
     "Personas voluntarias visitan a quienes están en detención migratoria, envían libros y ayudan a las familias "
     "a mantenerse en contacto.",
     {"languages": ["en", "es", "pt"], "asks": "no", "shares": "no", "hours": hours([5], (10, 0), (15, 0)),
      "verified_days": 250}),
    ("demo-calexico-food-pantry", "Food pantry", "Banco de alimentos",
     "Demo Imperial Valley Mutual Aid", ["food"], "Calexico", "US-CA", "+1 760-555-0105",
     "45 Example Lane", "92231", 32.6790, -115.4990,
     "Groceries every Tuesday and Thursday afternoon. No questions asked, no papers needed.",
     "Despensa cada martes y jueves por la tarde. Sin preguntas y sin papeles.",
     {"languages": ["en", "es"], "asks": "no", "shares": "no", "no_documents_required": True,
      "hours": hours([1, 3], (14, 0), (18, 0)), "verified_days": 30}),
    ("demo-el-centro-rides", "Rides to court and appointments", "Transporte a la corte y a citas",
     "Demo Valle Accompaniment Network", ["transportation", "accompaniment"], "El Centro", "US-CA",
     "+1 760-555-0106", "", "", None, None,
     "Volunteer drivers take people to immigration court, check-ins and medical appointments. Call two days ahead.",
     "Personas voluntarias llevan en auto a la corte de inmigración, a citas de control y a citas médicas. "
     "Llama con dos días de anticipación.",
     {"languages": ["en", "es"], "asks": "no", "shares": "no", "hours_note": "Call two days before your appointment.",
      "hours_note_es": "Llama dos días antes de tu cita.", "verified_days": 90}),
    ("demo-yuma-water-stations", "Desert water stations", "Estaciones de agua en el desierto",
     "Demo Humane Borders Yuma", ["water_aid"], "Yuma", "US-AZ", "+1 928-555-0107", "", "", None, None,
     "Volunteers keep water barrels full along desert routes and report who needs rescue. Call the hotline in "
     "an emergency, and 911 if someone is in danger.",
     "Personas voluntarias mantienen llenos tambos de agua en las rutas del desierto. En una emergencia llama a "
     "la línea de ayuda, y al 911 si alguien está en peligro.",
     {"languages": ["en", "es"], "asks": "no", "shares": "no", "open_24_hours": True, "verified_days": 15,
      "service_area": "Yuma County desert", "service_area_es": "Desierto del condado de Yuma"}),
    ("demo-tucson-asylum-hospitality", "Asylum seeker hospitality center", "Centro de hospitalidad para solicitantes de asilo",
     "Demo Casa Hospitalidad Tucson", ["shelter", "food", "transportation"], "Tucson", "US-AZ", "+1 520-555-0108",
     "Confidential", "85705", 32.2500, -110.9800,
     "Beds, meals, clothing and bus tickets for people released by immigration authorities who travel on to "
     "relatives. The address is shared by phone.",
     "Camas, comida, ropa y boletos de autobús para personas liberadas por las autoridades migratorias que viajan "
     "con sus familiares. La dirección se comparte por teléfono.",
     {"languages": ["en", "es", "quc", "pt"], "asks": "no", "shares": "no", "confidential": True,
      "open_24_hours": True, "verified_days": 10}),
    ("demo-tucson-know-your-rights", "Know-your-rights workshops", "Talleres sobre tus derechos",
     "Demo Derechos Humanos Tucson", ["know_your_rights", "legal"], "Tucson", "US-AZ", "+1 520-555-0109",
     "88 Example Plaza", "85701", 32.2226, -110.9747,
     "Workshops on what to do if immigration agents come to your home or work, and a rapid-response hotline.",
     "Talleres sobre qué hacer si agentes de inmigración llegan a tu casa o trabajo, y una línea de respuesta rápida.",
     {"languages": ["en", "es"], "asks": "no", "shares": "no", "hours": hours([2], (18, 0), (20, 0)),
      "verified_days": 40}),
    ("demo-nogales-az-clinic", "Border health clinic", "Clínica de salud fronteriza",
     "Demo Ambos Nogales Health", ["medical"], "Nogales", "US-AZ", "+1 520-555-0110", "12 Example Street", "85621",
     31.3400, -110.9370,
     "Urgent care and prescriptions. This clinic receives public funding and asks for identification.",
     "Atención de urgencias y recetas. Esta clínica recibe fondos públicos y pide identificación.",
     {"languages": ["en", "es"], "fees": "cost", "fees_note": "Accepts insurance",
      "fees_note_es": "Acepta seguro médico", "asks": "yes", "shares": "unknown",
      "documents_required": "Photo identification", "documents_required_es": "Identificación con foto",
      "hours": hours(EVERY_DAY, (7, 0), (19, 0)), "verified_days": 75}),
    ("demo-douglas-accompaniment", "Court accompaniment", "Acompañamiento a la corte",
     "Demo Cochise Border Witness", ["accompaniment"], "Douglas", "US-AZ", "+1 520-555-0111", "", "", None, None,
     "Volunteers go with people to hearings and check-ins so no one faces them alone.",
     "Personas voluntarias acompañan a audiencias y citas de control para que nadie vaya sola.",
     {"languages": ["en", "es"], "asks": "no", "shares": "no", "verified_days": 300,
      "status": "temporarily_closed", "hours_note": "Paused while we train new volunteers.",
      "hours_note_es": "En pausa mientras capacitamos a nuevas personas voluntarias."}),
    ("demo-las-cruces-legal", "Immigration legal services", "Servicios legales de inmigración",
     "Demo Mesilla Valley Legal Center", ["legal"], "Las Cruces", "US-NM", "+1 575-555-0112",
     "500 Example Boulevard", "88001", 32.3150, -106.7637,
     "Help with asylum, family petitions, DACA and defense in immigration court. Fees on a sliding scale.",
     "Ayuda con asilo, peticiones familiares, DACA y defensa en la corte de inmigración. Costo según ingresos.",
     {"languages": ["en", "es"], "fees": "sliding", "asks": "yes", "shares": "no",
      "hours": hours(WEEKDAYS, (9, 0), (17, 0)), "verified_days": 120,
      "documents_required": "Any immigration papers you have", "documents_required_es": "Los papeles migratorios que tengas"}),
    ("demo-sunland-park-food", "Community kitchen", "Comedor comunitario",
     "Demo Sunland Park Comedor", ["food", "water_aid"], "Sunland Park", "US-NM", "+1 575-555-0113",
     "7 Example Way", "88063", 31.7960, -106.5790,
     "Hot meals at midday, water and hygiene kits.", "Comida caliente al mediodía, agua y kits de higiene.",
     {"languages": ["es", "en"], "asks": "no", "shares": "no", "no_documents_required": True,
      "hours": hours(EVERY_DAY, (11, 30), (14, 0)), "verified_days": 25}),
    ("demo-deming-mental-health", "Counseling after detention", "Consejería después de la detención",
     "Demo Luna County Healing Circle", ["mental_health"], "Deming", "US-NM", "+1 575-555-0114",
     "", "", None, None,
     "Free counseling in person or by phone for people and families affected by detention and deportation.",
     "Consejería gratuita en persona o por teléfono para personas y familias afectadas por la detención y la deportación.",
     {"languages": ["en", "es"], "asks": "no", "shares": "no", "hours": hours([1, 3], (10, 0), (16, 0)),
      "verified_days": None}),
    ("demo-el-paso-shelter", "Migrant shelter", "Casa del migrante",
     "Demo Annunciation House El Paso", ["shelter", "food", "medical"], "El Paso", "US-TX", "+1 915-555-0115",
     "Confidential", "79901", 31.7600, -106.4850,
     "A place to rest for a few nights after release, with meals, a nurse and help with travel. Call first.",
     "Un lugar para descansar unas noches después de la liberación, con comida, enfermería y ayuda para viajar. "
     "Llama antes.",
     {"languages": ["en", "es", "kek", "mam"], "asks": "no", "shares": "no", "confidential": True,
      "open_24_hours": True, "verified_days": 12, "time_zone": "America/Denver"}),
    ("demo-el-paso-detention-visits", "Visits to people in detention", "Visitas a personas detenidas",
     "Demo Borderland Visitors", ["detention_visitation"], "El Paso", "US-TX", "+1 915-555-0116",
     "1010 Example Drive", "79925", 31.7750, -106.3880,
     "Weekly visits to the processing center; volunteers also put money in commissary accounts.",
     "Visitas semanales al centro de procesamiento; las personas voluntarias también depositan dinero para la tienda.",
     {"languages": ["en", "es", "fr"], "asks": "no", "shares": "no", "hours": hours([6], (9, 0), (12, 0)),
      "verified_days": 200, "time_zone": "America/Denver"}),
    ("demo-el-paso-workers-center", "Workers' rights center", "Centro de derechos laborales",
     "Demo Frontera Workers Center", ["know_your_rights", "legal", "other"], "El Paso", "US-TX", "+1 915-555-0117",
     "220 Example Street", "79901", 31.7590, -106.4870,
     "Help recovering unpaid wages and workshops on workplace rights, whatever your immigration status.",
     "Ayuda para recuperar salarios no pagados y talleres sobre derechos laborales, sin importar tu estatus migratorio.",
     {"languages": ["en", "es"], "asks": "no", "shares": "no", "hours": hours([0, 2, 4], (17, 0), (20, 0)),
      "verified_days": 50, "time_zone": "America/Denver"}),
    ("demo-del-rio-respite", "Respite center", "Centro de respiro",
     "Demo Val Verde Border Humanitarian Coalition", ["shelter", "transportation"], "Del Rio", "US-TX",
     "+1 830-555-0118", "400 Example Street", "78840", 29.3630, -100.8960,
     "Daytime rest, phone charging and rides to the bus station for people released in Del Rio.",
     "Descanso durante el día, carga de teléfonos y transporte a la central de autobuses para personas liberadas "
     "en Del Rio.",
     {"languages": ["en", "es", "ht", "fr"], "asks": "no", "shares": "no", "hours": hours(EVERY_DAY, (8, 0), (20, 0)),
      "verified_days": 35}),
    ("demo-eagle-pass-clinic", "Mobile medical unit", "Unidad médica móvil",
     "Demo Maverick County Health Volunteers", ["medical"], "Eagle Pass", "US-TX", "+1 830-555-0119",
     "", "", None, None,
     "A van with a doctor and nurses that parks near the bridge and the shelters. First aid and basic care.",
     "Una camioneta con médica y enfermeras que se estaciona cerca del puente y de los albergues. Primeros auxilios "
     "y atención básica.",
     {"languages": ["en", "es"], "asks": "no", "shares": "no", "hours": hours([0, 2, 4], (9, 0), (15, 0)),
      "verified_days": 400, "status": "temporarily_closed", "hours_note": "The van is being repaired.",
      "hours_note_es": "La camioneta está en reparación."}),
    ("demo-laredo-legal", "Asylum legal help", "Ayuda legal para asilo",
     "Demo Laredo Immigrant Alliance", ["legal", "know_your_rights"], "Laredo", "US-TX", "+1 956-555-0120",
     "15 Example Avenue", "78040", 27.5060, -99.5070,
     "Group sessions on the asylum process and help filling in forms.",
     "Sesiones en grupo sobre el proceso de asilo y ayuda para llenar formularios.",
     {"languages": ["en", "es"], "asks": "no", "shares": "no", "hours": hours([1, 3], (10, 0), (14, 0)),
      "verified_days": 80}),
    ("demo-mcallen-respite", "Humanitarian respite center", "Centro humanitario de respiro",
     "Demo Rio Grande Valley Respite", ["shelter", "food", "water_aid", "other"], "McAllen", "US-TX",
     "+1 956-555-0121", "100 Example Street", "78501", 26.2030, -98.2300,
     "Showers, clean clothes, a hot meal and a place to rest before the bus, for families released in the valley.",
     "Regaderas, ropa limpia, comida caliente y un lugar para descansar antes del autobús, para familias liberadas "
     "en el valle.",
     {"languages": ["en", "es", "pt"], "asks": "no", "shares": "no", "hours": hours(EVERY_DAY, (7, 0), (22, 0)),
      "verified_days": 18}),
    ("demo-brownsville-accompaniment", "Bridge accompaniment", "Acompañamiento en el puente",
     "Demo Team Brownsville Witness", ["accompaniment", "water_aid"], "Brownsville", "US-TX", "+1 956-555-0122",
     "", "", None, None,
     "Volunteers bring water and food to people waiting at the bridge and go with them to their appointments.",
     "Personas voluntarias llevan agua y comida a quienes esperan en el puente y les acompañan a sus citas.",
     {"languages": ["en", "es"], "asks": "no", "shares": "no", "hours": hours([5, 6], (8, 0), (12, 0)),
      "verified_days": 55}),
    ("demo-harlingen-public-clinic", "County health clinic", "Clínica de salud del condado",
     "Demo Cameron County Health Office", ["medical"], "Harlingen", "US-TX", "+1 956-555-0123",
     "77 Example Road", "78550", 26.1900, -97.6960,
     "Vaccinations and care for children. A public office: it asks for papers and may share information.",
     "Vacunas y atención para niñas y niños. Es una oficina pública: pide papeles y podría compartir información.",
     {"languages": ["en", "es"], "fees": "cost", "asks": "yes", "shares": "yes",
      "documents_required": "Proof of address and identification",
      "documents_required_es": "Comprobante de domicilio e identificación",
      "hours": hours(WEEKDAYS, (8, 0), (17, 0)), "verified_days": 100}),
    ("demo-tijuana-shelter", "Shelter for migrant women and children", "Albergue para mujeres y niñez migrante",
     "Demo Casa de las Mujeres Tijuana", ["shelter", "mental_health", "food"], "Tijuana", "MX-BCN",
     "+52 664 555 0124", "Confidential", "22000", 32.5250, -117.0200,
     "A safe house for women and children, with psychological support and workshops. Location given by phone.",
     "Una casa segura para mujeres y niñez, con apoyo psicológico y talleres. La ubicación se da por teléfono.",
     {"languages": ["es", "en", "ht"], "asks": "no", "shares": "no", "confidential": True, "open_24_hours": True,
      "verified_days": 22, "eligibility": "Women and children.", "eligibility_es": "Mujeres, niñas y niños."}),
    ("demo-tijuana-legal-orientation", "Legal orientation for asylum seekers", "Orientación legal para solicitantes de asilo",
     "Demo Al Otro Lado Tijuana", ["legal", "know_your_rights"], "Tijuana", "MX-BCN", "+52 664 555 0125",
     "Avenida Ejemplo 250, Zona Centro", "22000", 32.5330, -117.0380,
     "Free talks and one-to-one orientation on asking for asylum in the United States and on rights in Mexico.",
     "Pláticas gratuitas y orientación individual sobre cómo pedir asilo en Estados Unidos y sobre los derechos en México.",
     {"languages": ["es", "en", "ht", "fr"], "asks": "no", "shares": "no", "hours": hours(WEEKDAYS, (9, 0), (14, 0)),
      "verified_days": 65}),
    ("demo-tijuana-dining-hall", "Breakfast dining hall", "Desayunador",
     "Demo Desayunador Salesiano Tijuana", ["food"], "Tijuana", "MX-BCN", "+52 664 555 0126",
     "Calle Ejemplo 1000, Colonia Libertad", "22400", 32.5420, -117.0010,
     "Breakfast every day for anyone who arrives, and haircuts and showers on Saturdays.",
     "Desayuno todos los días para quien llegue, y cortes de cabello y regaderas los sábados.",
     {"languages": ["es"], "asks": "no", "shares": "no", "no_documents_required": True,
      "hours": hours(EVERY_DAY, (7, 0), (10, 0)), "verified_days": 8}),
    ("demo-mexicali-clinic", "Migrant health post", "Puesto de salud para migrantes",
     "Demo Salud Sin Fronteras Mexicali", ["medical", "mental_health"], "Mexicali", "MX-BCN", "+52 686 555 0127",
     "Boulevard Ejemplo 33", "21000", 32.6245, -115.4520,
     "General medicine, medicines and emotional support, free of charge.",
     "Medicina general, medicamentos y apoyo emocional, sin costo.",
     {"languages": ["es", "en"], "asks": "no", "shares": "no", "hours": hours(WEEKDAYS, (8, 0), (16, 0)),
      "verified_days": 190}),
    ("demo-tecate-transport", "Rides to shelters", "Traslados a albergues",
     "Demo Tecate Solidarity Network", ["transportation"], "Tecate", "MX-BCN", "+52 665 555 0128", "", "", None, None,
     "Volunteers drive people deported at the Tecate port of entry to shelters in Tijuana and Mexicali.",
     "Personas voluntarias trasladan a quienes son deportados por la garita de Tecate a albergues en Tijuana y Mexicali.",
     {"languages": ["es"], "asks": "no", "shares": "no", "hours_note": "Call when you arrive at the port of entry.",
      "hours_note_es": "Llama cuando llegues a la garita.", "verified_days": 140}),
    ("demo-nogales-son-comedor", "Aid center for deported people", "Centro de ayuda para personas deportadas",
     "Demo Iniciativa Kino Nogales", ["food", "medical", "legal", "other"], "Nogales", "MX-SON", "+52 631 555 0129",
     "Calle Ejemplo 5", "84000", 31.3080, -110.9420,
     "Two meals a day, first aid, clothing, phone calls home and help to report abuses by border authorities.",
     "Dos comidas al día, primeros auxilios, ropa, llamadas a casa y ayuda para denunciar abusos de las autoridades "
     "fronterizas.",
     {"languages": ["es", "en", "quc", "mam"], "asks": "no", "shares": "no",
      "hours": hours(EVERY_DAY, (8, 0), (10, 0)) + hours(EVERY_DAY, (16, 0), (18, 0)), "verified_days": 14}),
    ("demo-agua-prieta-shelter", "Migrant shelter", "Albergue para migrantes",
     "Demo Centro de Recursos Agua Prieta", ["shelter", "water_aid"], "Agua Prieta", "MX-SON", "+52 633 555 0130",
     "Avenida Ejemplo 8", "84200", 31.3290, -109.5530,
     "Beds for up to three nights, water and supplies for the road, and information about risks in the desert.",
     "Camas hasta por tres noches, agua y provisiones para el camino, e información sobre los riesgos del desierto.",
     {"languages": ["es"], "asks": "no", "shares": "no", "open_24_hours": True, "verified_days": 260}),
    ("demo-san-luis-rc-legal", "Human rights office", "Oficina de derechos humanos",
     "Demo Derechos Humanos San Luis", ["know_your_rights", "legal"], "San Luis Río Colorado", "MX-SON",
     "+52 653 555 0131", "Calle Ejemplo 44", "83400", 32.4570, -114.7700,
     "Documents and reports abuses against migrants and explains how to file a complaint in Mexico.",
     "Documenta y denuncia abusos contra personas migrantes y explica cómo presentar una queja en México.",
     {"languages": ["es"], "asks": "no", "shares": "no", "hours": hours(WEEKDAYS, (10, 0), (15, 0)),
      "verified_days": 95}),
    ("demo-altar-water", "Water and first aid for travelers", "Agua y primeros auxilios para viajeros",
     "Demo Comunidad Altar", ["water_aid", "medical"], "Altar", "MX-SON", "+52 637 555 0132", "", "", None, None,
     "Water, sunscreen, foot care and information about the dangers of crossing the desert.",
     "Agua, bloqueador solar, curación de pies e información sobre los peligros de cruzar el desierto.",
     {"languages": ["es"], "asks": "no", "shares": "no", "hours": hours(EVERY_DAY, (6, 0), (12, 0)),
      "verified_days": 70}),
    ("demo-juarez-shelter", "Shelter for families", "Albergue para familias",
     "Demo Casa Esperanza Juárez", ["shelter", "food", "mental_health"], "Ciudad Juárez", "MX-CHH",
     "+52 656 555 0133", "Confidential", "32000", 31.7000, -106.4300,
     "Families waiting to ask for asylum can stay for weeks, with school activities for children and counseling.",
     "Las familias que esperan para pedir asilo pueden quedarse semanas, con actividades escolares para la niñez "
     "y consejería.",
     {"languages": ["es", "en", "kek", "ht"], "asks": "no", "shares": "no", "confidential": True,
      "open_24_hours": True, "verified_days": 33}),
    ("demo-juarez-legal", "Free legal advice", "Asesoría legal gratuita",
     "Demo Derechos Humanos Integrales Juárez", ["legal", "know_your_rights", "accompaniment"], "Ciudad Juárez",
     "MX-CHH", "+52 656 555 0134", "Avenida Ejemplo 1600", "32030", 31.7200, -106.4600,
     "Lawyers explain the options in Mexico and the United States and go with people to Mexican migration offices.",
     "Abogadas y abogados explican las opciones en México y en Estados Unidos y acompañan a las oficinas de migración.",
     {"languages": ["es", "en"], "asks": "no", "shares": "no", "hours": hours(WEEKDAYS, (9, 0), (17, 0)),
      "verified_days": 110}),
    ("demo-juarez-detention-visits", "Visits to migration stations", "Visitas a estaciones migratorias",
     "Demo Observatorio Juárez", ["detention_visitation", "other"], "Ciudad Juárez", "MX-CHH", "+52 656 555 0135",
     "", "", None, None,
     "Monitors conditions in Mexican migration detention and visits people held there.",
     "Vigila las condiciones en la detención migratoria en México y visita a las personas detenidas.",
     {"languages": ["es"], "asks": "no", "shares": "no", "hours_note": "Visits on request.",
      "hours_note_es": "Visitas a solicitud.", "verified_days": 45}),
    ("demo-ojinaga-rides", "Transport to Chihuahua city", "Transporte a la ciudad de Chihuahua",
     "Demo Ojinaga Solidarity", ["transportation"], "Ojinaga", "MX-CHH", "+52 626 555 0136", "", "", None, None,
     "Shared rides for deported people to the bus station in Chihuahua.",
     "Viajes compartidos para personas deportadas hasta la central de autobuses de Chihuahua.",
     {"languages": ["es"], "asks": "unknown", "shares": "unknown", "verified_days": 500,
      "status": "temporarily_closed"}),
    ("demo-nuevo-laredo-shelter", "Migrant house", "Casa del migrante",
     "Demo Casa Nazareth Nuevo Laredo", ["shelter", "food", "medical"], "Nuevo Laredo", "MX-TAM",
     "+52 867 555 0137", "Confidential", "88000", 27.4800, -99.5300,
     "Shelter, food and a doctor's visit once a week. Because of the risks in the city, the address is given by phone.",
     "Albergue, comida y visita médica una vez por semana. Por los riesgos en la ciudad, la dirección se da por teléfono.",
     {"languages": ["es", "en"], "asks": "no", "shares": "no", "confidential": True, "open_24_hours": True,
      "verified_days": 28}),
    ("demo-reynosa-legal", "Legal and psychological support", "Apoyo legal y psicológico",
     "Demo Senda de Vida Reynosa", ["legal", "mental_health"], "Reynosa", "MX-TAM", "+52 899 555 0138",
     "Calle Ejemplo 300", "88500", 26.0800, -98.2900,
     "Orientation on asylum and support for people who have suffered violence on the journey.",
     "Orientación sobre asilo y apoyo para personas que sufrieron violencia en el camino.",
     {"languages": ["es", "en", "ht"], "asks": "no", "shares": "no", "hours": hours(WEEKDAYS, (9, 0), (15, 0)),
      "verified_days": 58}),
    ("demo-matamoros-camp-aid", "Water, food and medical aid", "Agua, comida y atención médica",
     "Demo Ayuda Matamoros", ["water_aid", "food", "medical"], "Matamoros", "MX-TAM", "+52 868 555 0139",
     "Plaza Ejemplo s/n", "87300", 25.8790, -97.5040,
     "Drinking water, a daily meal and a clinic tent for people waiting near the bridge.",
     "Agua potable, una comida al día y una carpa clínica para las personas que esperan cerca del puente.",
     {"languages": ["es", "en", "ht", "pt"], "asks": "no", "shares": "no", "hours": hours(EVERY_DAY, (9, 0), (17, 0)),
      "verified_days": 185}),
    ("demo-piedras-negras-kyr", "Rights workshops for deported people", "Talleres de derechos para personas deportadas",
     "Demo Frontera Digna Piedras Negras", ["know_your_rights", "other"], "Piedras Negras", "MX-COA",
     "+52 878 555 0140", "Calle Ejemplo 21", "26000", 28.7000, -100.5230,
     "Workshops on getting Mexican identity documents, finding work and staying safe.",
     "Talleres para obtener documentos de identidad mexicanos, encontrar trabajo y mantenerse a salvo.",
     {"languages": ["es"], "asks": "no", "shares": "no", "hours": hours([2, 4], (10, 0), (13, 0)),
      "verified_days": 77}),
]

WORDS = ("eligibility", "documents_required", "fees_note", "hours_note", "service_area")

# Organizations with a Spanish name: English pages mark the name lang="es" (every other name is English).
SPANISH_NAMES = {
    "demo-casa-refugio-san-diego", "demo-community-clinic-chula-vista", "demo-tucson-asylum-hospitality",
    "demo-tucson-know-your-rights", "demo-sunland-park-food", "demo-tijuana-shelter", "demo-tijuana-legal-orientation",
    "demo-tijuana-dining-hall", "demo-mexicali-clinic", "demo-nogales-son-comedor", "demo-agua-prieta-shelter",
    "demo-san-luis-rc-legal", "demo-altar-water", "demo-juarez-shelter", "demo-juarez-legal",
    "demo-juarez-detention-visits", "demo-nuevo-laredo-shelter", "demo-reynosa-legal", "demo-matamoros-camp-aid",
    "demo-piedras-negras-kyr",
}


def service_fields(entry, today):
    (slug, name, _name_es, organization, categories, city, state, phone, address, postal_code, latitude, longitude,
     description, _description_es, extra) = entry
    verified_days = extra.get("verified_days")
    fields = {
        "slug": slug,
        "name": name,
        "organization_name": organization,
        "organization_name_language": "es" if slug in SPANISH_NAMES else "en",
        "categories": categories,
        "city": city,
        "state": state,
        "phone": phone,
        "address": "" if extra.get("confidential") else address,
        "postal_code": postal_code,
        "latitude": latitude,
        "longitude": longitude,
        "description": description,
        "languages": extra.get("languages", ["es"]),
        "interpretation_available": extra.get("interpretation_available", False),
        "no_documents_required": extra.get("no_documents_required", False),
        "fees": extra.get("fees", "free"),
        "asks_immigration_status": extra.get("asks", "unknown"),
        "shares_with_enforcement": extra.get("shares", "unknown"),
        "status": extra.get("status", "active"),
        "open_24_hours": extra.get("open_24_hours", False),
        "address_confidential": extra.get("confidential", False),
        "time_zone": extra.get("time_zone", ""),
        "email": f"{slug.removeprefix('demo-')[:40]}@example.org",
        "website": f"https://example.org/{slug}",
        "last_verified_on": today - timedelta(days=verified_days) if verified_days is not None else None,
    }
    if extra.get("confidential"):
        # A confidential location still has a street address staff can see; the public never does.
        fields["address"] = f"{100 + len(slug)} Private Lane (staff only)"
    for word in WORDS:
        fields[word] = extra.get(word, "")
    return fields


def spanish_fields(entry):
    _slug, _name, name_es, *_rest, description_es, extra = entry
    fields = {"name": name_es, "description": description_es}
    for word in WORDS:
        if f"{word}_es" in extra:
            fields[word] = extra[f"{word}_es"]
    return fields


def build(home):
    directory = ensure_page(
        home,
        ServiceDirectoryPage,
        "services",
        title="Border services",
        intro="Legal help, shelter, health care, food and water near the US–Mexico border, from our border "
        "community survey. Demonstration entries: the organizations, addresses and phone numbers are invented.",
        summary="A directory and map of services for border communities and migrants.",
        how_to_use="Each entry says whether the service asks about immigration status and whether it shares "
        "information with immigration enforcement. Call before you go: hours change.",
    )
    today = timezone.localdate()
    english = Locale.get_default()
    spanish = Locale.objects.filter(language_code="es").first()
    for entry in SERVICES:
        service = Service.objects.filter(slug=entry[0], locale=english).first()
        if service is None:
            fields = service_fields(entry, today)
            service = Service(locale=english, **fields)
            service.save()
            ServiceHours.objects.bulk_create(
                ServiceHours(service=service, weekday=day, opens=opens, closes=closes, sort_order=i)
                for i, (day, opens, closes) in enumerate(entry[-1].get("hours", []))
            )
        name_language = "es" if entry[0] in SPANISH_NAMES else "en"
        if service.organization_name_language != name_language:  # a database loaded before the field existed
            service.organization_name_language = name_language
            service.save()
        if spanish is not None:
            ensure_snippet_translation(service, "es", **spanish_fields(entry))
    build_corrections(english)
    build_spanish(directory)
    return directory


def build_corrections(english):
    """Two corrections waiting in the staff queue, so editors see how it works."""
    from services.models import Correction

    if Correction.objects.exists():
        return
    hours = Service.objects.filter(slug="demo-tijuana-dining-hall", locale=english).first()
    moved = Service.objects.filter(slug="demo-ojinaga-rides", locale=english).first()
    if hours:
        Correction.objects.create(service=hours, service_key=hours.translation_key, topic="hours",
                                  details="Breakfast now starts at 6:30, not 7.", contact="", language="en")
    if moved:
        Correction.objects.create(service=moved, service_key=moved.translation_key, topic="closed",
                                  details="Los viajes se suspendieron, ya no hay camioneta.",
                                  contact="+52 626 555 0199", language="es", status="in_progress")


def build_spanish(directory):
    spanish = Locale.objects.filter(language_code="es").first()
    if spanish is None or directory.get_parent().get_translation_or_none(spanish) is None:
        return
    ensure_translation(
        directory,
        "es",
        "servicios",
        title="Servicios en la frontera",
        intro="Ayuda legal, albergue, salud, comida y agua cerca de la frontera entre México y Estados Unidos, a "
        "partir de nuestra encuesta a comunidades fronterizas. Entradas de demostración: las organizaciones, "
        "direcciones y teléfonos son inventados.",
        summary="Un directorio y mapa de servicios para comunidades fronterizas y personas migrantes.",
        how_to_use="Cada entrada dice si el servicio pregunta por el estatus migratorio y si comparte información "
        "con las autoridades de inmigración. Llama antes de ir: los horarios cambian.",
    )


def link(home):
    """Point the border survey program page at the directory (once)."""
    directory = ServiceDirectoryPage.objects.child_of(home).first()
    survey = Page.objects.filter(slug="border-community-survey", locale=home.locale).first()
    if directory is None or survey is None:
        return
    survey = survey.specific
    body = getattr(survey, "body", None)
    if body is None or any(block.block_type == "call_to_action" and block.value.get("page") and
                           block.value["page"].pk == directory.pk for block in body):
        return
    survey = type(survey).objects.get(pk=survey.pk)
    survey.body.append(call_to_action(
        "Find border services on the map", page=directory,
        description="The directory that grew out of the survey: legal help, shelter, health care, food and water.",
    ))
    survey.save_revision().publish()
