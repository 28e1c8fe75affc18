"""Demo content for Matchmaker: municipalities, officers, evaluators, startups and challenges.

Everything in this module is fictional. Organisations, people, e-mail addresses
(all on the reserved ``.demo`` TLD), websites (``.example``) and KvK numbers are
made up for demonstration purposes. Neighbourhood names and general facts about
the four cities are used only to make the challenges feel recognisable.

The data is plain Python so that it can be loaded by a seed command without
side effects. Theme codes match ``matchmaker.themes.THEMES``.
"""

from __future__ import annotations

# ---------------------------------------------------------------------------
# Municipalities
# ---------------------------------------------------------------------------

MUNICIPALITIES = [
    {
        "key": "utrecht",
        "name": "Gemeente Utrecht",
        "region": "Utrecht",
        "website": "https://www.utrecht.nl",
        "description": (
            "Utrecht groeit snel en wil een gezonde stad blijven voor iedereen die er woont, werkt en leert. "
            "Daarom werken we graag samen met jonge bedrijven die met frisse ideeën helpen bij vraagstukken "
            "rond mobiliteit, afval, energie en dienstverlening. We beginnen klein, leren in de praktijk en "
            "schalen op wat werkt."
        ),
        "verified": True,
    },
    {
        "key": "eindhoven",
        "name": "Gemeente Eindhoven",
        "region": "Noord-Brabant",
        "website": "https://www.eindhoven.nl",
        "description": (
            "Eindhoven is een stad van technologie, design en kennis. Als gemeente zetten we die innovatiekracht "
            "in voor maatschappelijke opgaven: van slimme mobiliteit tot digitale dienstverlening die iedere "
            "inwoner begrijpt. Samen met startups testen we oplossingen in echte wijken, met echte inwoners."
        ),
        "verified": True,
    },
    {
        "key": "groningen",
        "name": "Gemeente Groningen",
        "region": "Groningen",
        "website": "https://gemeente.groningen.nl",
        "description": (
            "Groningen werkt aan een eerlijke energietransitie en aan sterke, leefbare wijken in stad en dorpen. "
            "We zoeken ondernemers die samen met bewoners, corporaties en wijkteams durven te experimenteren. "
            "Wat in één wijk werkt, passen we daarna breder toe."
        ),
        "verified": True,
    },
    {
        "key": "zwolle",
        "name": "Gemeente Zwolle",
        "region": "Overijssel",
        "website": "https://www.zwolle.nl",
        "description": (
            "Zwolle ligt tussen IJssel, Vecht en Zwarte Water en heeft daardoor eigen opgaven rond water en "
            "klimaatadaptatie. De gemeente wil vaker vraaggestuurd innoveren en nodigt startups uit om mee te "
            "denken over een groene, gezonde en sociale stad."
        ),
        # Still waiting for an administrator to verify the account: demonstrates the verification flow.
        "verified": False,
    },
]

# ---------------------------------------------------------------------------
# Municipal officers (one owner and one member per municipality)
# ---------------------------------------------------------------------------

OFFICERS = [
    {
        "email": "innovatie@utrecht.demo",
        "name": "Marloes van der Linden",
        "municipality": "utrecht",
        "role": "owner",
        "locale": "nl",
    },
    {
        "email": "inkoop@utrecht.demo",
        "name": "Jeroen Bakker",
        "municipality": "utrecht",
        "role": "member",
        "locale": "nl",
    },
    {
        "email": "innovatie@eindhoven.demo",
        "name": "Sanne Verbeek",
        "municipality": "eindhoven",
        "role": "owner",
        "locale": "nl",
    },
    {
        "email": "slimmestad@eindhoven.demo",
        "name": "Thijs van Rooij",
        "municipality": "eindhoven",
        "role": "member",
        "locale": "en",
    },
    {
        "email": "innovatie@groningen.demo",
        "name": "Femke Huizinga",
        "municipality": "groningen",
        "role": "owner",
        "locale": "nl",
    },
    {
        "email": "wijkaanpak@groningen.demo",
        "name": "Rutger Bosma",
        "municipality": "groningen",
        "role": "member",
        "locale": "nl",
    },
    {
        "email": "innovatie@zwolle.demo",
        "name": "Ilse Brink",
        "municipality": "zwolle",
        "role": "owner",
        "locale": "nl",
    },
    {
        "email": "inkoop@zwolle.demo",
        "name": "Martijn Kuipers",
        "municipality": "zwolle",
        "role": "member",
        "locale": "nl",
    },
]

# ---------------------------------------------------------------------------
# Evaluation panel
# ---------------------------------------------------------------------------

EVALUATORS = [
    {
        "email": "beleid@panel.demo",
        "name": "Hanneke Vos",
        "discipline": "policy",
        "locale": "nl",
    },
    {
        "email": "informatievoorziening@panel.demo",
        "name": "Rik Smeets",
        "discipline": "it",
        "locale": "nl",
    },
    {
        "email": "inkoop@panel.demo",
        "name": "Petra Wouters",
        "discipline": "procurement",
        "locale": "nl",
    },
    {
        "email": "uitvoering@panel.demo",
        "name": "Mehmet Yıldız",
        "discipline": "operations",
        "locale": "nl",
    },
    {
        "email": "extern@panel.demo",
        "name": "Carolien Timmermans",
        "discipline": "external",
        "locale": "nl",
    },
    {
        "email": "bewoner@panel.demo",
        "name": "Gerda Mulder",
        "discipline": "resident",
        "locale": "nl",
    },
]

# ---------------------------------------------------------------------------
# Startups
#
# Intended fits (for the fuzzy matcher demo):
#   afvalinzameling binnenstad   -> containerwijs (too old for the age limit), stille-vracht, streetlens
#   parkeerdruk                  -> parkeerlicht, kerbside-labs, streetlens
#   energy poverty               -> warmtemaatje, kilowise
#   hittestress                  -> groenblauw-ontwerp, sponge-city-labs
#   youth participation          -> loudspeaker-studio, stadsgesprek-lab
#   deelmobiliteit               -> hubwerk (too big for the FTE limit), buurtrijders, stille-vracht
#   permit status                -> formulierfabriek, statusly
#   laadpalen                    -> parkeerlicht, kerbside-labs
#   warmtetransitie              -> warmtemaatje, stadsgesprek-lab, kilowise
#   zwerfafval                   -> streetlens, containerwijs, stadsgesprek-lab
#   eenzaamheid ouderen          -> koffiekring, huddle-robotics
#   rainwater gardens            -> regenwinst, sponge-city-labs, groenblauw-ontwerp
#   water vasthouden (draft)     -> regenwinst, sponge-city-labs, groenblauw-ontwerp
#   no particular fit            -> restbrood, vakwerk-vr
# ---------------------------------------------------------------------------

STARTUPS = [
    {
        "key": "containerwijs",
        "name": "Containerwijs",
        "region": "Amersfoort",
        "website": "https://containerwijs.example",
        "description": (
            "Containerwijs ontwikkelt sinds 2012 vulgraadsensoren voor ondergrondse containers, afvalbakken en "
            "bedrijfscontainers. Onze sensoren meten elk uur hoe vol een container is en sturen die informatie via "
            "een energiezuinig netwerk naar een dashboard. Daarmee plannen inzamelaars hun routes op basis van de "
            "werkelijke vulgraad in plaats van vaste rondes. Inmiddels zijn ruim 14.000 sensoren actief bij "
            "gemeenten, afvalbedrijven en campussen. In parken en winkelgebieden combineren we ze met persende "
            "afvalbakken die tot vijf keer zoveel afval bevatten."
        ),
        "capabilities": [
            "vulgraadsensoren",
            "afvalinzameling",
            "routeoptimalisatie",
            "IoT-sensoren",
            "slimme afvalbakken",
            "dashboards",
        ],
        "sectors": ["waste", "public_space"],
        "size_fte": 26,
        "founded_year": 2012,  # older than 10 years: demonstrates the age limit
        "kvk_number": "51234876",
        "owner": {"email": "founder@containerwijs.demo", "name": "Harm Jansen", "locale": "nl"},
    },
    {
        "key": "stille-vracht",
        "name": "Stille Vracht",
        "region": "Utrecht",
        "website": "https://stillevracht.example",
        "description": (
            "Stille Vracht verzorgt emissievrije stadslogistiek met elektrische vrachtfietsen en lichte "
            "elektrische voertuigen. In smalle binnensteden halen we bedrijfsafval, oud papier en herbruikbare "
            "verpakkingen op bij ondernemers en bundelen we leveringen via kleine stadshubs. Sinds 2023 beheren we "
            "ook deelbakfietsen voor bewoners van nieuwbouwwijken, die per uur via een app te reserveren zijn. "
            "Onze ritten vervangen dagelijks zo'n 120 bestelbusbewegingen in de binnenstad."
        ),
        "capabilities": [
            "elektrische vrachtfietsen",
            "stadslogistiek",
            "afvalinzameling",
            "zero-emissie",
            "deelbakfietsen",
            "bundeling van goederenstromen",
        ],
        "sectors": ["mobility", "waste"],
        "size_fte": 14,
        "founded_year": 2019,
        "kvk_number": "74829310",
        "owner": {"email": "founder@stille-vracht.demo", "name": "Lotte Verhoeven", "locale": "nl"},
    },
    {
        "key": "streetlens",
        "name": "Streetlens Analytics",
        "region": "Amsterdam",
        "website": "https://streetlens.example",
        "description": (
            "Streetlens Analytics turns street-level imagery into actionable data for public space managers. "
            "Small cameras on municipal vehicles, such as street sweepers and enforcement scooters, record the "
            "street while driving; our edge software detects litter, dumped bags next to containers, damaged "
            "pavement and parked cars in real time. Faces and licence plates are blurred on the device and no raw "
            "images leave the vehicle. Municipalities receive a daily map of issues and parking occupancy counts "
            "that integrates with their existing reporting systems."
        ),
        "capabilities": [
            "computer vision",
            "edge computing",
            "privacy by design",
            "afvaldetectie",
            "bijplaatsingen",
            "parking occupancy",
        ],
        "sectors": ["public_space", "digital", "waste"],
        "size_fte": 9,
        "founded_year": 2020,
        "kvk_number": "77530218",
        "owner": {"email": "founder@streetlens.demo", "name": "Arjun Mehta", "locale": "en"},
    },
    {
        "key": "parkeerlicht",
        "name": "Parkeerlicht",
        "region": "Eindhoven",
        "website": "https://parkeerlicht.example",
        "description": (
            "Parkeerlicht maakt draadloze parkeersensoren die in het wegdek worden geplaatst en zonder camera's "
            "meten of een parkeervak bezet is. De sensoren werken vijf jaar op één batterij en communiceren via "
            "LoRaWAN. Gemeenten gebruiken onze data om de parkeerdruk in woonwijken over de hele week te volgen, "
            "om de bezetting van laadpalen en gehandicaptenparkeerplaatsen te monitoren en om beleid te "
            "onderbouwen. Alle data is beschikbaar via een open API, zodat bewoners dezelfde cijfers zien als de "
            "gemeente."
        ),
        "capabilities": [
            "parkeersensoren",
            "parkeerdruk",
            "laadpaalbezetting",
            "LoRaWAN",
            "open data",
            "mobiliteit",
        ],
        "sectors": ["mobility", "digital"],
        "size_fte": 11,
        "founded_year": 2018,
        "kvk_number": "70418825",
        "owner": {"email": "founder@parkeerlicht.demo", "name": "Daan Koster", "locale": "nl"},
    },
    {
        "key": "kerbside-labs",
        "name": "Kerbside Labs",
        "region": "Rotterdam",
        "website": "https://kerbsidelabs.example",
        "description": (
            "Kerbside Labs builds planning software for the most contested space in the city: the kerb. Our "
            "platform combines parking counts, vehicle registration statistics, charging session data and grid "
            "capacity into one model per street. Municipalities use it to forecast where demand for EV charging "
            "will arise, to test scenarios for removing parking spaces and to explain trade-offs to residents with "
            "clear maps. We are transport planners and data scientists from Spain, Poland and the Netherlands who "
            "met at a mobility accelerator in Rotterdam."
        ),
        "capabilities": [
            "curb management",
            "charging demand forecasting",
            "laadinfrastructuur",
            "netcongestie",
            "geodata",
            "parkeerdruk",
        ],
        "sectors": ["mobility", "energy"],
        "size_fte": 7,
        "founded_year": 2021,
        "kvk_number": "81927364",
        "owner": {"email": "founder@kerbside-labs.demo", "name": "Lucía Fernández", "locale": "en"},
    },
    {
        "key": "hubwerk",
        "name": "Hubwerk Mobiliteit",
        "region": "'s-Hertogenbosch",
        "website": "https://hubwerk.example",
        "description": (
            "Hubwerk ontwerpt, bouwt en exploiteert mobiliteitshubs in nieuwbouwwijken en bij kantoorlocaties. "
            "Een hub combineert deelauto's, e-bikes, bakfietsen, laadpleinen en pakketkluizen op één plek, met één "
            "app voor reserveren en betalen. We werken voor projectontwikkelaars, woningcorporaties en gemeenten en "
            "beheren inmiddels 45 hubs in Nederland en België. Ons team van 38 mensen begeleidt ook de "
            "gebiedsontwikkeling, van de parkeernorm tot de eerste verhuisdag."
        ),
        "capabilities": [
            "mobiliteitshubs",
            "deelmobiliteit",
            "deelauto's",
            "laadpleinen",
            "gebiedsontwikkeling",
            "mobiliteitsapp",
        ],
        "sectors": ["mobility", "housing"],
        "size_fte": 38,  # bigger than 30 FTE: demonstrates the size limit
        "founded_year": 2017,
        "kvk_number": "68201547",
        "owner": {"email": "founder@hubwerk.demo", "name": "Willemijn Bos", "locale": "nl"},
    },
    {
        "key": "buurtrijders",
        "name": "Buurtrijders",
        "region": "Nijmegen",
        "website": "https://buurtrijders.example",
        "description": (
            "Buurtrijders helpt buurten om samen elektrische deelauto's te gebruiken en te beheren. We zetten geen "
            "vloot van buitenaf neer, maar beginnen bij de bewoners: met een welkomstgesprek bij de verhuizing, een "
            "gratis proefmaand en een buurtambassadeur die de eerste ritten begeleidt. Zo groeit deelmobiliteit "
            "van een abstract idee uit tot een gewoonte. In onze buurten deelt één auto gemiddeld tien "
            "huishoudens, en een kwart van de deelnemers deed binnen een jaar de eigen (tweede) auto weg."
        ),
        "capabilities": [
            "deelmobiliteit",
            "buurtdeelauto's",
            "gedragsverandering",
            "onboarding nieuwe bewoners",
            "coöperatief model",
            "buurtambassadeurs",
        ],
        "sectors": ["mobility", "participation"],
        "size_fte": 5,
        "founded_year": 2021,
        "kvk_number": "83746120",
        "owner": {"email": "founder@buurtrijders.demo", "name": "Sjoerd Hofman", "locale": "nl"},
    },
    {
        "key": "warmtemaatje",
        "name": "Warmtemaatje",
        "region": "Groningen",
        "website": "https://warmtemaatje.example",
        "description": (
            "Warmtemaatje leidt mensen uit de wijk op tot energiecoach en zet hen in bij huishoudens die moeite "
            "hebben met hun energierekening. Onze coaches komen aan de keukentafel, brengen direct kleine "
            "maatregelen aan zoals radiatorfolie en tochtstrips en helpen bij het aanvragen van regelingen. Omdat "
            "ze uit dezelfde buurt komen en vaak dezelfde taal spreken, bereiken we juist de huishoudens die niet "
            "op brieven reageren. We bezochten ruim 6.500 huishoudens in Groningen en Drenthe en begeleiden "
            "bewonersavonden in wijken die van het aardgas af gaan."
        ),
        "capabilities": [
            "energiearmoede",
            "energiecoaching",
            "warmtetransitie",
            "keukentafelgesprekken",
            "kleine isolatiemaatregelen",
            "outreach",
        ],
        "sectors": ["energy", "care", "participation"],
        "size_fte": 16,
        "founded_year": 2020,
        "kvk_number": "78014592",
        "owner": {"email": "founder@warmtemaatje.demo", "name": "Esther Dijkstra", "locale": "nl"},
    },
    {
        "key": "kilowise",
        "name": "Kilowise Analytics",
        "region": "Utrecht",
        "website": "https://kilowise.example",
        "description": (
            "Kilowise Analytics helps municipalities and housing associations see where energy poverty is "
            "concentrated, without profiling individual households. We combine energy labels, aggregated smart "
            "meter data from grid operators, building characteristics and public income statistics at "
            "building-block level into an energy vulnerability index. Outreach teams use our maps to decide which "
            "streets to visit first, and to measure whether their interventions reduce consumption and payment "
            "arrears. Our founders previously worked on energy data at a technical university and a European grid "
            "operator."
        ),
        "capabilities": [
            "energy poverty",
            "energiearmoede",
            "smart meter data",
            "privacy-preserving analytics",
            "energielabels",
            "targeted outreach",
        ],
        "sectors": ["energy", "digital"],
        "size_fte": 6,
        "founded_year": 2022,
        "kvk_number": "85092371",
        "owner": {"email": "founder@kilowise.demo", "name": "Katarzyna Nowak", "locale": "en"},
    },
    {
        "key": "groenblauw-ontwerp",
        "name": "Groenblauw Ontwerp",
        "region": "Arnhem",
        "website": "https://groenblauw-ontwerp.example",
        "description": (
            "Groenblauw Ontwerp is een ontwerpbureau voor klimaatbestendige straten, pleinen en schoolpleinen. We "
            "maken versteende plekken koeler en groener met snelle, betaalbare ingrepen: ontharden, bomen in "
            "verplaatsbare bakken, schaduwdoeken, geveltuinen en wadi's die regenwater vasthouden. Bewoners "
            "ontwerpen mee tijdens straatsessies, zodat de ingrepen passen bij hoe de straat echt wordt gebruikt. "
            "Met hittemetingen voor en na de ingreep laten we zien wat het effect is op de gevoelstemperatuur."
        ),
        "capabilities": [
            "klimaatadaptatie",
            "hittestress",
            "ontharding",
            "natuurinclusief ontwerp",
            "wadi's",
            "participatief ontwerp",
        ],
        "sectors": ["climate", "public_space", "water"],
        "size_fte": 12,
        "founded_year": 2019,
        "kvk_number": "75310846",
        "owner": {"email": "founder@groenblauw-ontwerp.demo", "name": "Iris van Leeuwen", "locale": "nl"},
    },
    {
        "key": "regenwinst",
        "name": "Regenwinst",
        "region": "Zwolle",
        "website": "https://regenwinst.example",
        "description": (
            "Regenwinst maakt slimme regentonnen en waterbuffers die vooraf leeglopen als er een zware bui wordt "
            "voorspeld. Zo is er ruimte om piekbuien op te vangen en blijft er in droge periodes water over voor "
            "de tuin. In een eenvoudige app zien bewoners hoeveel liter ze hebben vastgehouden. Samen met "
            "hoveniers geven we bovendien tuinadvies per straat, waarbij we tegels vervangen door groen en "
            "geveltuinen aanleggen. Vorig jaar plaatsten we ruim 1.200 buffers bij particulieren."
        ),
        "capabilities": [
            "slimme regentonnen",
            "waterberging",
            "klimaatadaptatie",
            "tuinadvies",
            "IoT-sensoren",
            "weersverwachting",
        ],
        "sectors": ["water", "climate"],
        "size_fte": 8,
        "founded_year": 2021,
        "kvk_number": "82165039",
        "owner": {"email": "founder@regenwinst.demo", "name": "Gerrit Wolters", "locale": "nl"},
    },
    {
        "key": "sponge-city-labs",
        "name": "Sponge City Labs",
        "region": "Delft",
        "website": "https://spongecitylabs.example",
        "description": (
            "Sponge City Labs designs nature-based solutions that let neighbourhoods absorb water like a sponge and "
            "stay cooler in summer. We model rainfall, runoff and heat at street level in a digital twin, then work "
            "with municipalities and residents to place measures where they have the most effect: permeable "
            "paving, rain gardens, tree pits with extra storage and green roofs. A low-cost network of soil "
            "moisture and temperature sensors shows whether the measures perform as expected. Our team combines "
            "hydrologists, landscape architects and software engineers from five countries."
        ),
        "capabilities": [
            "climate adaptation",
            "waterberging",
            "hittestress",
            "digital twin",
            "soil moisture sensors",
            "nature-based solutions",
        ],
        "sectors": ["climate", "water"],
        "size_fte": 10,
        "founded_year": 2020,
        "kvk_number": "76643018",
        "owner": {"email": "founder@sponge-city-labs.demo", "name": "Tomás Ribeiro", "locale": "en"},
    },
    {
        "key": "stadsgesprek-lab",
        "name": "Stadsgesprek Lab",
        "region": "Leiden",
        "website": "https://stadsgesprek.example",
        "description": (
            "Stadsgesprek Lab organiseert participatietrajecten die verder reiken dan de vaste groep insprekers. "
            "We combineren een toegankelijk online platform, gelote burgerpanels en gesprekken op plekken waar "
            "mensen al komen: de supermarkt, het buurthuis, het schoolplein of het park. Alle inbreng wordt "
            "zichtbaar verwerkt en deelnemers horen wat er met hun ideeën is gedaan. We begeleidden trajecten over "
            "vergroening, zwerfafval, woningbouw en de warmtetransitie in twaalf gemeenten."
        ),
        "capabilities": [
            "burgerparticipatie",
            "digitale participatie",
            "gelote burgerpanels",
            "wijkgesprekken",
            "terugkoppeling",
            "bewonersinitiatieven",
        ],
        "sectors": ["participation", "digital"],
        "size_fte": 9,
        "founded_year": 2019,
        "kvk_number": "74120693",
        "owner": {"email": "founder@stadsgesprek-lab.demo", "name": "Mirjam Postma", "locale": "nl"},
    },
    {
        "key": "loudspeaker-studio",
        "name": "Loudspeaker Studio",
        "region": "Eindhoven",
        "website": "https://loudspeaker.example",
        "description": (
            "Loudspeaker Studio designs participation formats for people aged 15 to 30. Instead of asking young "
            "people to attend evening meetings, we go where they already are: short polls and challenges on the "
            "platforms they use, pop-up studios at vocational schools and sports clubs, and paid design sprints in "
            "which young residents work on a real assignment. Every project ends with a 'what happened next' "
            "episode, so participants see how their ideas shaped the outcome. We are two design graduates who "
            "moved to Eindhoven from Lagos and Lisbon, working with a network of freelance youth workers."
        ),
        "capabilities": [
            "youth participation",
            "jongerenparticipatie",
            "social media",
            "game design",
            "co-creation",
            "mbo",
        ],
        "sectors": ["participation", "education"],
        "size_fte": 3,
        "founded_year": 2025,
        "kvk_number": None,  # registration still in progress
        "owner": {"email": "founder@loudspeaker-studio.demo", "name": "Adaeze Okafor", "locale": "en"},
    },
    {
        "key": "formulierfabriek",
        "name": "Formulierfabriek",
        "region": "Deventer",
        "website": "https://formulierfabriek.example",
        "description": (
            "Formulierfabriek bouwt digitale formulieren en statuspagina's voor gemeenten en provincies. Onze "
            "software koppelt via standaard-API's aan bestaande zaaksystemen en laat inwoners in begrijpelijke "
            "taal zien waar hun aanvraag staat, wat de volgende stap is en hoe lang die naar verwachting duurt. "
            "Inwoners kiezen zelf of ze updates per e-mail of sms ontvangen. Alles voldoet aan WCAG 2.1 niveau AA "
            "en we testen elk formulier met laaggeletterde inwoners."
        ),
        "capabilities": [
            "digitale dienstverlening",
            "statusinformatie",
            "zaaksystemen",
            "API-koppelingen",
            "begrijpelijke taal",
            "WCAG",
        ],
        "sectors": ["digital"],
        "size_fte": 17,
        "founded_year": 2018,
        "kvk_number": "71598230",
        "owner": {"email": "founder@formulierfabriek.demo", "name": "Koen Schouten", "locale": "nl"},
    },
    {
        "key": "statusly",
        "name": "Statusly",
        "region": "Amsterdam",
        "website": "https://statusly.example",
        "description": (
            "Statusly is a lightweight case tracking layer for public services. It reads events from existing "
            "back-office systems and turns them into clear, multilingual status updates for residents, much like "
            "tracking a parcel. Residents follow their application through a link, email or text message, without "
            "creating an account. For staff, Statusly shows which cases are waiting on whom, so bottlenecks become "
            "visible. We are a three-person team with backgrounds in logistics software and public service design."
        ),
        "capabilities": [
            "case tracking",
            "notifications",
            "plain language",
            "multilingual",
            "vergunningen",
            "API integration",
        ],
        "sectors": ["digital"],
        "size_fte": 3,
        "founded_year": 2023,
        "kvk_number": "89204517",
        "owner": {"email": "founder@statusly.demo", "name": "Emily Carter", "locale": "en"},
    },
    {
        "key": "koffiekring",
        "name": "Koffiekring",
        "region": "Leeuwarden",
        "website": "https://koffiekring.example",
        "description": (
            "Koffiekring verbindt mensen die in hun dagelijkse werk veel ouderen zien, zoals postbodes, kappers, "
            "apothekersassistenten en vrijwilligers, met het wijkteam. Via een eenvoudige app of een telefoontje "
            "melden zij een zorgelijk signaal, met toestemming van de oudere zelf. Een vaste vrijwilliger uit de "
            "buurt komt dan binnen een week langs voor een kop koffie en een goed gesprek. In de vier gemeenten "
            "waar we actief zijn, bereiken we zo gemiddeld drie keer zoveel ouderen als via doorverwijzing alleen."
        ),
        "capabilities": [
            "eenzaamheid",
            "vroegsignalering",
            "vrijwilligersnetwerk",
            "ouderenzorg",
            "wijkteams",
            "signaleringsapp",
        ],
        "sectors": ["care", "participation"],
        "size_fte": 7,
        "founded_year": 2021,
        "kvk_number": "80475126",
        "owner": {"email": "founder@koffiekring.demo", "name": "Anneke Zijlstra", "locale": "nl"},
    },
    {
        "key": "huddle-robotics",
        "name": "Huddle Robotics",
        "region": "Enschede",
        "website": "https://huddlerobotics.example",
        "description": (
            "Huddle Robotics develops a small social robot that supports older adults who live at home. It reminds "
            "people of appointments and medication, plays music and quizzes, and starts a video call with family at "
            "a single touch. With permission, it can also notice changes in daily routine, such as a whole day "
            "without any interaction, and alert a relative or care professional. Our robots are used by home care "
            "organisations in the Netherlands and Germany. The company started as a university spin-off founded by "
            "roboticists from Turkey and the Netherlands."
        ),
        "capabilities": [
            "zorgrobots",
            "social robotics",
            "ouderenzorg",
            "eenzaamheid",
            "speech interface",
            "thuiswonende ouderen",
        ],
        "sectors": ["care"],
        "size_fte": 13,
        "founded_year": 2020,
        "kvk_number": "77182940",
        "owner": {"email": "founder@huddle-robotics.demo", "name": "Yusuf Demir", "locale": "en"},
    },
    {
        "key": "restbrood",
        "name": "Restbrood",
        "region": "Haarlem",
        "website": "https://restbrood.example",
        "description": (
            "Restbrood haalt brood en banket dat aan het eind van de dag overblijft op bij bakkerijen en "
            "supermarkten en verdeelt het via voedselbanken, buurthuizen en studentenverenigingen. Wat niet meer "
            "eetbaar is, gaat naar een lokale brouwerij die er bier van maakt. In onze app melden bakkers hun "
            "overschot en kunnen vrijwilligers een ophaalrit claimen. Per week redden we zo'n drie ton brood in de "
            "regio Haarlem en Amsterdam."
        ),
        "capabilities": [
            "voedselverspilling",
            "korte keten",
            "bakkerijen",
            "voedselbanken",
            "vrijwilligersplanning",
            "circulaire economie",
        ],
        "sectors": ["food", "waste"],
        "size_fte": 5,
        "founded_year": 2022,
        "kvk_number": "84731265",
        "owner": {"email": "founder@restbrood.demo", "name": "Fleur Kramer", "locale": "nl"},
    },
    {
        "key": "vakwerk-vr",
        "name": "Vakwerk VR",
        "region": "Tilburg",
        "website": "https://vakwerkvr.example",
        "description": (
            "Vakwerk VR maakt virtual-reality-trainingen voor technische vakopleidingen, zoals installatietechniek, "
            "elektrotechniek en lassen. Leerlingen oefenen handelingen die in het echt duur of gevaarlijk zijn, "
            "zoals werken aan een meterkast of het monteren van een buitenunit. Docenten zien per leerling welke "
            "stappen goed gaan en waar extra begeleiding nodig is. Onze trainingen worden gebruikt op mbo-scholen "
            "en in de bedrijfsopleidingen van installatiebedrijven."
        ),
        "capabilities": [
            "virtual reality",
            "vakonderwijs",
            "installatietechniek",
            "e-learning",
            "mbo",
            "technisch personeel",
        ],
        "sectors": ["education", "economy"],
        "size_fte": 9,
        "founded_year": 2020,
        "kvk_number": "73058214",
        "owner": {"email": "founder@vakwerk-vr.demo", "name": "Niels van den Berg", "locale": "nl"},
    },
]

# ---------------------------------------------------------------------------
# Challenges
#
# 12 public (7 open, 2 closing soon, 3 closed), 1 draft, 1 cancelled.
# 9 in Dutch, 5 in English. Zwolle (not yet verified) only has a draft.
# ---------------------------------------------------------------------------

CHALLENGES = [
    # ----------------------------------------------------------------- Utrecht
    {
        "key": "slimmere-afvalinzameling-binnenstad",
        "municipality": "utrecht",
        "language": "nl",
        "title": "Slimmere afvalinzameling in de binnenstad",
        "summary": (
            "In de smalle straten van de binnenstad staan afvalzakken te lang op straat, rijden inzamelwagens vaak "
            "half leeg en ergeren bewoners en ondernemers zich aan afval naast containers. We zoeken een manier om "
            "afval slimmer, schoner en met minder vrachtverkeer in te zamelen."
        ),
        "problem": (
            "In de Utrechtse binnenstad wonen ruim 20.000 mensen en zijn meer dan 1.500 winkels en horecazaken "
            "gevestigd. Veel huishoudens hebben geen ruimte voor een eigen container en zijn aangewezen op "
            "ondergrondse containers of op zakkeninzameling op vaste dagen. Die zakken staan regelmatig uren te "
            "vroeg buiten, worden opengepikt door meeuwen en trekken ratten aan."
            "\n\n"
            "Onze inzamelwagens rijden vaste routes, ongeacht hoe vol de containers zijn. Uit steekproeven blijkt "
            "dat ongeveer 40% van de geleegde containers nog niet half vol is, terwijl andere containers al dagen "
            "overvol zijn. Daar ontstaan bijplaatsingen: het Meldpunt Openbare Ruimte krijgt jaarlijks ruim 6.000 "
            "meldingen over afval naast containers in het centrum."
            "\n\n"
            "Tegelijk willen we het zware vrachtverkeer in de binnenstad terugdringen. De werven en kades zijn "
            "kwetsbaar en voor stadslogistiek geldt een zero-emissiezone. Grote inzamelwagens passen daar steeds "
            "slechter bij."
        ),
        "desired_outcome": (
            "We willen in een pilot van zestien weken in één deel van de binnenstad ontdekken hoe we afval kunnen "
            "inzamelen op het moment dat het nodig is, met minder ritten en minder afval naast de containers. Dat "
            "kan een technische oplossing zijn, een andere logistieke aanpak, een gedragsinterventie of een "
            "combinatie daarvan."
            "\n\n"
            "Na afloop willen we kunnen laten zien wat het effect is op het aantal ritten, het aantal meldingen en "
            "de tevredenheid van bewoners en ondernemers, zodat we kunnen besluiten of we opschalen naar de hele "
            "binnenstad."
        ),
        "affected": (
            "Bewoners en ondernemers in de binnenstad en de bezoekers van de stad. Daarnaast de medewerkers van de "
            "afvalinzameling, die dagelijks tussen fietsers en terrassen door manoeuvreren, en de collega's van het "
            "Meldpunt en van handhaving, die nu veel tijd kwijt zijn aan bijplaatsingen."
        ),
        "department": "Stadsbeheer – Afval en Reiniging",
        "themes": ["waste", "public_space"],
        "keywords": [
            "afvalinzameling",
            "vulgraadsensoren",
            "routeoptimalisatie",
            "bijplaatsingen",
            "binnenstad",
            "zero-emissie",
        ],
        "budget_min_eur": 25000,
        "budget_max_eur": 50000,
        "pilot_weeks": 16,
        "max_age_years": 10,
        "max_fte": None,
        "languages": ["nl", "en"],
        "state": "open",
        "days_to_deadline": 28,
        "questions": [
            {
                "text": (
                    "Mogen we sensoren aanbrengen in de bestaande ondergrondse containers, of moet de oplossing los "
                    "van de containers werken?"
                ),
                "answer": (
                    "Aanbrengen in de bestaande containers mag, zolang de sensor het legen niet hindert en zonder "
                    "boren in de betonnen bak wordt bevestigd. Onze containerbeheerder denkt graag mee over de "
                    "montage."
                ),
            },
            {
                "text": "Is er historische data beschikbaar over ledigingen en meldingen?",
                "answer": (
                    "Ja. We kunnen ledigingsdata van de afgelopen twee jaar en geanonimiseerde meldingen per straat "
                    "delen met de startup die de pilot uitvoert."
                ),
            },
            {
                "text": "Kunnen we voor het indienen van een voorstel een keer meelopen met een inzamelronde?",
                "answer": None,
            },
        ],
        "clarifications": [
            "Naar aanleiding van meerdere vragen: de pilot richt zich op huishoudelijk afval. Voorstellen die ook "
            "bedrijfsafval van winkels en horeca meenemen zijn welkom, maar dat is geen voorwaarde."
        ],
        "cancel_reason": None,
    },
    {
        "key": "parkeerdruk-woonwijken",
        "municipality": "utrecht",
        "language": "nl",
        "title": "Parkeerdruk in woonwijken inzichtelijk maken",
        "summary": (
            "Bewoners van wijken als Lombok en Zuilen ervaren een hoge parkeerdruk, maar onze cijfers komen uit "
            "handmatige tellingen op één avond per jaar. We zoeken een manier om parkeerdruk betrouwbaar, "
            "privacyvriendelijk en betaalbaar in beeld te brengen, zodat we samen met bewoners betere besluiten "
            "nemen."
        ),
        "problem": (
            "Bij besluiten over betaald parkeren, deelauto's, laadpalen of het vergroenen van straten is "
            "parkeerdruk een belangrijke factor. Nu meten we die met handmatige tellingen: medewerkers lopen één "
            "keer per jaar op een doordeweekse avond door de wijk en turven de geparkeerde auto's. Zo'n telling "
            "kost al snel € 8.000 per wijk en is een momentopname."
            "\n\n"
            "Bewoners herkennen zich daardoor vaak niet in onze cijfers. Zij zien dat het op zaterdagavond, tijdens "
            "een evenement of bij werkzaamheden in de buurt juist heel druk is. Op inspraakavonden gaat de "
            "discussie dan over de cijfers in plaats van over de oplossingen."
            "\n\n"
            "Tegelijk willen we geen camera's in woonstraten ophangen die kentekens of mensen vastleggen. Privacy "
            "en draagvlak in de wijk zijn voor ons randvoorwaarden."
        ),
        "desired_outcome": (
            "We willen in twee of drie straten testen hoe we de parkeerdruk over de hele week kunnen meten, met een "
            "nauwkeurigheid die minstens vergelijkbaar is met handmatige tellingen. De uitkomsten moeten zo worden "
            "gepresenteerd dat zowel beleidsmedewerkers als bewoners ze begrijpen en kunnen controleren."
            "\n\n"
            "Als de pilot slaagt, willen we de aanpak gebruiken bij de volgende herziening van het parkeerbeleid."
        ),
        "affected": (
            "Bewoners van woonwijken met hoge parkeerdruk, mensen met een gehandicaptenparkeerkaart, bezoekers en "
            "mantelzorgers die een plek zoeken, en de beleidsmedewerkers en verkeerskundigen die parkeermaatregelen "
            "voorbereiden."
        ),
        "department": "Mobiliteit",
        "themes": ["mobility", "digital"],
        "keywords": [
            "parkeerdruk",
            "parkeersensoren",
            "privacy by design",
            "open data",
            "woonwijken",
        ],
        "budget_min_eur": 20000,
        "budget_max_eur": 40000,
        "pilot_weeks": 16,
        "max_age_years": None,
        "max_fte": None,
        "languages": ["nl", "en"],
        "state": "open",
        "days_to_deadline": 35,
        "questions": [
            {
                "text": (
                    "Mogen we beelden uit de openbare ruimte gebruiken als die direct op het apparaat worden "
                    "geanonimiseerd?"
                ),
                "answer": (
                    "Dat is bespreekbaar, mits er geen beelden worden opgeslagen of verstuurd en alleen tellingen "
                    "het apparaat verlaten. Een gegevensbeschermingseffectbeoordeling (DPIA) is onderdeel van de "
                    "pilot; onze privacy officer helpt daarbij."
                ),
            },
            {
                "text": "Which streets are you considering for the pilot?",
                "answer": (
                    "We are thinking of two streets in Lombok and one in Zuilen, but we are open to other "
                    "suggestions if your approach needs specific conditions."
                ),
            },
        ],
        "clarifications": [],
        "cancel_reason": None,
    },
    {
        "key": "energy-poverty-households",
        "municipality": "utrecht",
        "language": "en",
        "title": "Energy poverty: finding the households that need help",
        "summary": (
            "Thousands of Utrecht households struggle to pay their energy bills, yet many never apply for the "
            "support we offer. We are looking for respectful ways to find and reach these households earlier, "
            "before arrears and cold homes turn into debt and health problems."
        ),
        "problem": (
            "An estimated 14,000 households in Utrecht live in energy poverty: they spend a disproportionate share "
            "of their income on energy, live in a poorly insulated home, or both. The municipality offers free "
            "energy coaches, small insulation measures and a local energy fund. Last year, however, fewer than "
            "3,000 households made use of these schemes."
            "\n\n"
            "The households we most want to reach are often the hardest to find. They may not read letters from "
            "the municipality, distrust government, speak limited Dutch or feel ashamed to ask for help. Many only "
            "become visible when they are already in debt or when their housing association reports payment "
            "arrears."
            "\n\n"
            "We have data that could help, such as the energy labels of homes, neighbourhood income statistics "
            "and signals from debt counselling, but we use it with great care. We do not want to label individual "
            "residents or build something that feels like surveillance."
        ),
        "desired_outcome": (
            "We want to test an approach that helps us reach more households in energy poverty, earlier, and in a "
            "way they experience as helpful rather than intrusive. This could be a smarter way of combining "
            "aggregated data, a new outreach channel, a partnership with people residents already trust, or "
            "something we have not thought of yet."
            "\n\n"
            "In a 16-week pilot in one or two neighbourhoods we want to learn which approach actually leads to "
            "households accepting help, and what that help achieves for them."
        ),
        "affected": (
            "Low-income households, tenants in older social and private rental homes, and residents with limited "
            "Dutch or digital skills. On the municipal side: energy coaches, neighbourhood teams, debt counsellors "
            "and the staff who run the local energy fund."
        ),
        "department": "Werk en Inkomen",
        "themes": ["energy", "care"],
        "keywords": [
            "energy poverty",
            "energiearmoede",
            "outreach",
            "smart meter data",
            "privacy",
            "energy coaches",
        ],
        "budget_min_eur": 30000,
        "budget_max_eur": 60000,
        "pilot_weeks": 16,
        "max_age_years": None,
        "max_fte": 50,
        "languages": ["nl", "en"],
        "state": "closing_soon",
        "days_to_deadline": 2,
        "questions": [
            {
                "text": (
                    "Can the pilot use household-level data from housing associations, or only aggregated data?"
                ),
                "answer": (
                    "Only aggregated data at neighbourhood or building-block level, unless a household has given "
                    "explicit consent. We can put you in touch with two housing associations that are interested "
                    "in taking part."
                ),
            },
            {
                "text": "Is het mogelijk om de energiecoaches van de gemeente in te zetten tijdens de pilot?",
                "answer": (
                    "Ja, binnen de pilot zijn ongeveer 40 coachuren per week beschikbaar. De inzet stemmen we samen "
                    "af bij de start."
                ),
            },
            {
                "text": "Do you expect the startup to provide financial support to households directly?",
                "answer": None,
            },
        ],
        "clarifications": [
            "The deadline will not be extended. Proposals may be short: two pages describing your idea and how you "
            "would test it are enough."
        ],
        "cancel_reason": None,
    },
    {
        "key": "hittestress-versteende-wijken",
        "municipality": "utrecht",
        "language": "nl",
        "title": "Hittestress in versteende wijken",
        "summary": (
            "In sterk versteende wijken is het op hete dagen tot 7 graden warmer dan in groene delen van de stad. "
            "Kwetsbare bewoners hebben daar het meeste last van. We zoeken manieren om snel en betaalbaar koelte "
            "dichter bij huis te brengen."
        ),
        "problem": (
            "Tijdens de hittegolven van de afgelopen zomers liep de gevoelstemperatuur in delen van Kanaleneiland, "
            "Overvecht en de binnenstad op tot boven de 40 graden. Deze wijken hebben veel verharding, weinig "
            "bomen en veel woningen zonder buitenruimte of koeling. 's Nachts koelt het er nauwelijks af."
            "\n\n"
            "Hitte is niet alleen onprettig, maar ook een gezondheidsrisico. Ouderen, mensen met een chronische "
            "ziekte en jonge kinderen lopen het meeste risico. De GGD ziet tijdens hitteperiodes een duidelijke "
            "toename van klachten."
            "\n\n"
            "Het herinrichten van straten kost jaren. We willen daarom ook kijken naar wat op korte termijn kan: "
            "tijdelijke schaduw, koele plekken, kleinschalige vergroening en betere hitte-informatie voor "
            "kwetsbare bewoners."
        ),
        "desired_outcome": (
            "We willen in één wijk testen welke maatregelen op korte termijn merkbaar verkoeling geven en hoe we "
            "bewoners daarbij betrekken. Zowel het gemeten effect (temperatuur, gebruik van koele plekken) als het "
            "ervaren effect (hoe voelen bewoners zich tijdens een hete week) vinden we belangrijk."
        ),
        "affected": (
            "Bewoners van versteende wijken, in het bijzonder ouderen, mensen met een chronische ziekte en gezinnen "
            "met jonge kinderen in kleine woningen. Daarnaast de medewerkers van Stadsbeheer, de GGD en de "
            "buurtteams."
        ),
        "department": "Stadsbeheer – Groen en Klimaat",
        "themes": ["climate", "public_space"],
        "keywords": [
            "hittestress",
            "klimaatadaptatie",
            "vergroening",
            "schaduw",
            "koele plekken",
            "temperatuurmetingen",
        ],
        "budget_min_eur": 25000,
        "budget_max_eur": 50000,
        "pilot_weeks": 20,
        "max_age_years": 10,
        "max_fte": None,
        "languages": ["nl", "en"],
        "state": "closed",
        "days_to_deadline": -18,
        "questions": [
            {
                "text": "Moeten de maatregelen na afloop van de pilot blijven staan?",
                "answer": (
                    "Nee, tijdelijke maatregelen zijn prima. We willen juist leren wat werkt voordat we structureel "
                    "investeren."
                ),
            },
            {
                "text": "Mag de pilot ook plaatsvinden op grond van een woningcorporatie?",
                "answer": "Ja, als de corporatie instemt. Wij leggen graag het contact.",
            },
        ],
        "clarifications": [],
        "cancel_reason": None,
    },
    {
        "key": "multilingual-service-desk",
        "municipality": "utrecht",
        "language": "en",
        "title": "Multilingual help at the city service desk",
        "summary": (
            "Residents with limited Dutch often bring a relative, sometimes a child, to interpret for them at the "
            "city service desk. We are looking for better ways to help residents quickly and reliably in a "
            "language they understand."
        ),
        "problem": (
            "At our city service desks, staff help around 600 residents a day with passports, registrations, "
            "benefits and permits. A growing number of them speak little or no Dutch: newcomers, refugees, "
            "international workers and older migrants. Staff can call a professional telephone interpreter, but "
            "this takes time to arrange and is rarely used for short questions."
            "\n\n"
            "In practice, residents often bring a family member to translate, sometimes a child who then has to "
            "explain their parents' debts or health situation. Misunderstandings lead to repeat visits, incomplete "
            "applications and frustration on both sides of the desk."
        ),
        "desired_outcome": (
            "We want to test tools or ways of working that help staff and residents understand each other quickly "
            "and reliably, both for short questions at the desk and on the phone, while keeping sensitive personal "
            "data secure."
        ),
        "affected": (
            "Residents with limited Dutch, including newcomers, refugees and international workers; the relatives "
            "who now act as interpreters; and the front-office staff of the city service desks."
        ),
        "department": "Publiekszaken",
        "themes": ["digital", "participation"],
        "keywords": [
            "multilingual",
            "translation",
            "service desk",
            "accessibility",
            "inclusion",
        ],
        "budget_min_eur": 20000,
        "budget_max_eur": 40000,
        "pilot_weeks": 16,
        "max_age_years": None,
        "max_fte": None,
        "languages": ["nl", "en"],
        "state": "cancelled",
        "days_to_deadline": 9,
        "questions": [
            {
                "text": "Is machine translation allowed for conversations that involve personal data?",
                "answer": (
                    "That was one of the points we still needed to investigate with our privacy officer. Please see "
                    "the cancellation notice for the current status of this challenge."
                ),
            },
        ],
        "clarifications": [],
        "cancel_reason": (
            "We have withdrawn this challenge because Utrecht has joined a national pilot on interpreting services "
            "at municipal desks, which starts this year. We do not want to run two overlapping pilots. We expect to "
            "publish a follow-up challenge once the national results are known, and we thank everyone who showed "
            "interest."
        ),
    },
    # --------------------------------------------------------------- Eindhoven
    {
        "key": "youth-participation",
        "municipality": "eindhoven",
        "language": "en",
        "title": "Participation that reaches young residents",
        "summary": (
            "Residents aged 16 to 27 barely show up in our participation processes, although decisions about "
            "housing, public space and nightlife affect them directly. We are looking for ways to involve young "
            "people that fit their lives, not ours."
        ),
        "problem": (
            "Eindhoven is a young city: about a quarter of its residents are between 16 and 27 years old, many of "
            "them students, apprentices and young professionals from abroad. Yet in our participation processes "
            "they are almost invisible. At our last three neighbourhood evenings about redevelopment plans, fewer "
            "than 5% of the participants were under 30."
            "\n\n"
            "Our current methods (evening meetings, online surveys on the municipal website, letters to residents) "
            "work reasonably well for homeowners over 45. Young people tell us these formats feel slow, formal and "
            "without consequence: they rarely hear what happened with their input."
            "\n\n"
            "As a result, decisions about student housing, public space, cycle routes and nightlife are made with "
            "little input from the people who will live with them the longest."
        ),
        "desired_outcome": (
            "We want to test an approach that brings the voices of young residents into one real decision-making "
            "process within the next year, in a way that is representative, low-threshold and honest about what "
            "can and cannot be influenced. Closing the feedback loop, showing young people what was done with "
            "their input, is an essential part of it."
            "\n\n"
            "After the pilot we want to know which formats reach which groups, what they cost, and how our own "
            "project teams can use the approach without outside help."
        ),
        "affected": (
            "Young residents aged 16 to 27, including students, young workers, international residents and young "
            "people in vocational education (mbo). On our side: project leaders, participation advisers and the "
            "council members who weigh the input."
        ),
        "department": "Participatie en Communicatie",
        "themes": ["participation", "education"],
        "keywords": [
            "youth participation",
            "burgerparticipatie",
            "jongeren",
            "feedback loop",
            "co-creation",
        ],
        "budget_min_eur": 15000,
        "budget_max_eur": 35000,
        "pilot_weeks": 16,
        "max_age_years": None,
        "max_fte": None,
        "languages": ["nl", "en"],
        "state": "open",
        "days_to_deadline": 21,
        "questions": [
            {
                "text": "Is there a specific decision-making process the pilot should connect to?",
                "answer": (
                    "Yes: the redesign of a square in Woensel-Zuid that is used heavily by young people. The input "
                    "collected in the pilot will become part of the design brief."
                ),
            },
            {
                "text": "Mogen we samenwerken met mbo-scholen in de regio?",
                "answer": (
                    "Graag zelfs. We hebben goede contacten met twee mbo-instellingen en brengen je graag met hen in "
                    "contact."
                ),
            },
        ],
        "clarifications": [],
        "cancel_reason": None,
    },
    {
        "key": "deelmobiliteit-nieuwbouwwijken",
        "municipality": "eindhoven",
        "language": "nl",
        "title": "Deelmobiliteit in nieuwbouwwijken",
        "summary": (
            "In nieuwe woonwijken bouwen we met lage parkeernormen, in de verwachting dat bewoners deelauto's en "
            "deelfietsen gebruiken. In de praktijk blijft het gebruik achter en staat de eigen auto toch op de "
            "stoep. Hoe maken we deelmobiliteit vanaf de eerste verhuisdag een logische keuze?"
        ),
        "problem": (
            "Eindhoven bouwt de komende tien jaar ruim 20.000 woningen, vaak in compacte wijken met een "
            "parkeernorm van 0,5 of lager. Dat kan alleen als bewoners minder vaak een eigen auto nodig hebben. In "
            "de eerste nieuwbouwwijken met een mobiliteitshub zien we echter dat de deelauto's gemiddeld maar twee "
            "uur per dag worden gebruikt."
            "\n\n"
            "Bewoners vertellen ons dat ze niet goed weten hoe het werkt, dat de deelauto net niet beschikbaar is "
            "wanneer ze hem nodig hebben, of dat ze de overstap niet durven te maken zolang ze hun eigen auto nog "
            "hebben. Ontwikkelaars en aanbieders wijzen naar elkaar en naar de gemeente. Ondertussen ontstaat "
            "parkeeroverlast in de omliggende straten."
            "\n\n"
            "Het moment van verhuizen is een kans: dan veranderen mensen het makkelijkst hun gewoontes. Die kans "
            "laten we nu grotendeels liggen."
        ),
        "desired_outcome": (
            "We zoeken een aanpak die ervoor zorgt dat nieuwe bewoners deelmobiliteit in de eerste maanden echt "
            "uitproberen en blijven gebruiken. Denk aan een introductie bij de sleuteloverdracht, een betere mix "
            "van vervoermiddelen in de hub, slimme prijsprikkels of een buurtgerichte organisatie."
            "\n\n"
            "In één wijk met ongeveer 600 nieuwe woningen willen we meten wat het effect is op het gebruik van "
            "deelvoertuigen, op het autobezit en op de parkeerdruk in de buurt."
        ),
        "affected": (
            "Nieuwe bewoners van nieuwbouwwijken, van starters en gezinnen tot senioren, en de buren in bestaande "
            "wijken die parkeeroverlast ervaren. Daarnaast projectontwikkelaars, aanbieders van deelvervoer en de "
            "medewerkers van Verkeer en Vervoer."
        ),
        "department": "Verkeer en Vervoer",
        "themes": ["mobility", "housing"],
        "keywords": [
            "deelmobiliteit",
            "mobiliteitshub",
            "deelauto",
            "nieuwbouw",
            "parkeernorm",
            "gedragsverandering",
        ],
        "budget_min_eur": 30000,
        "budget_max_eur": 60000,
        "pilot_weeks": 24,
        "max_age_years": None,
        "max_fte": 25,
        "languages": ["nl", "en"],
        "state": "open",
        "days_to_deadline": 40,
        "questions": [
            {
                "text": "Werken jullie in de pilotwijk al samen met een vaste aanbieder van deelauto's?",
                "answer": (
                    "In de pilotwijk zijn twee aanbieders actief via afspraken met de ontwikkelaar. Een oplossing "
                    "moet met beide kunnen samenwerken; we zoeken nadrukkelijk geen nieuwe aanbieder."
                ),
            },
            {
                "text": "Is there a maximum company size for this challenge?",
                "answer": (
                    "Yes. This challenge is aimed at startups and small companies with at most 25 FTE, as stated in "
                    "the conditions."
                ),
            },
            {
                "text": "Kunnen bewoners een vergoeding krijgen als ze meedoen aan interviews of een dagboekstudie?",
                "answer": None,
            },
        ],
        "clarifications": [
            "Aanvulling: de pilotwijk wordt in fases opgeleverd. Bij de start van de pilot zijn ongeveer 250 "
            "woningen bewoond; tijdens de pilot komen daar circa 350 bij."
        ],
        "cancel_reason": None,
    },
    {
        "key": "digital-permit-status",
        "municipality": "eindhoven",
        "language": "en",
        "title": "Digital permit status for residents",
        "summary": (
            "Residents who apply for a permit, whether for a dormer window, felling a tree or a street party, often "
            "have no idea where their application stands. They call us, we search, they wait. We want to give "
            "residents clear and timely insight into the status of their application."
        ),
        "problem": (
            "Each year Eindhoven handles around 9,000 permit applications, from building permits under the "
            "Environment and Planning Act (Omgevingswet) to event and parking permits. Applications pass through "
            "several systems and teams. Residents receive an acknowledgement of receipt and, weeks later, a "
            "decision. In between, they hear very little."
            "\n\n"
            "Our customer contact centre receives about 1,800 calls a month about the status of an application. "
            "Each call takes time: colleagues look up the file in two or three systems and ask case handlers for "
            "an update. Residents find the uncertainty frustrating, especially when a contractor or a party has "
            "already been booked."
            "\n\n"
            "Our back-office systems will not be replaced any time soon. A solution has to work with what we have, "
            "using existing interfaces and respecting our information security policy."
        ),
        "desired_outcome": (
            "Residents can see, in plain language, what stage their application is in, what happens next and "
            "roughly how long it will take, preferably through channels they already use, such as the resident "
            "portal, email or text messages."
            "\n\n"
            "In a 12-week pilot with one type of permit we want to learn whether this reduces the number of status "
            "calls and increases resident satisfaction, and what it would take to extend it to other permits."
        ),
        "affected": (
            "Residents and local entrepreneurs who apply for permits, including people with limited digital skills "
            "who rely on the phone. Staff at the customer contact centre, case handlers in the permits department "
            "and our information management team."
        ),
        "department": "Vergunningen, Toezicht en Handhaving",
        "themes": ["digital"],
        "keywords": [
            "permits",
            "vergunningen",
            "case status",
            "notifications",
            "plain language",
            "API integration",
        ],
        "budget_min_eur": 20000,
        "budget_max_eur": 45000,
        "pilot_weeks": 12,
        "max_age_years": None,
        "max_fte": None,
        "languages": ["nl", "en"],
        "state": "closing_soon",
        "days_to_deadline": 1,
        "questions": [
            {
                "text": "Which case management system do you use, and does it have an API?",
                "answer": (
                    "We use a case management system that is common among Dutch municipalities, with a documented "
                    "REST API based on the national Common Ground standards. Technical details will be shared with "
                    "shortlisted startups under a confidentiality agreement."
                ),
            },
            {
                "text": "Does the solution need to meet accessibility requirements?",
                "answer": (
                    "Yes. Everything residents see must meet WCAG 2.1 level AA, as required for Dutch government "
                    "websites."
                ),
            },
            {
                "text": "Kunnen we voor het indienen een dagdeel meekijken bij het klantcontactcentrum?",
                "answer": None,
            },
        ],
        "clarifications": [],
        "cancel_reason": None,
    },
    {
        "key": "laadpalen-eerlijk-verdelen",
        "municipality": "eindhoven",
        "language": "nl",
        "title": "Laadpalen eerlijk verdelen over de wijken",
        "summary": (
            "Het aantal elektrische auto's groeit snel, maar nieuwe laadpalen komen vooral in wijken waar al veel "
            "elektrische rijders wonen. Tegelijk zit het stroomnet op veel plekken vol. Hoe plaatsen we "
            "laadinfrastructuur eerlijk, slim en op tijd?"
        ),
        "problem": (
            "Eindhoven plaatst laadpalen op aanvraag: wie een elektrische auto heeft en niet op eigen terrein kan "
            "laden, kan een paal aanvragen. Dat werkt, maar leidt tot een scheve verdeling. In wijken met veel "
            "koopwoningen en hogere inkomens staan relatief veel palen; in andere wijken blijven ze achter, terwijl "
            "ook daar steeds meer mensen een (tweedehands) elektrische auto kopen."
            "\n\n"
            "Daarnaast heeft de netbeheerder laten weten dat er in een aantal wijken voorlopig nauwelijks ruimte is "
            "voor extra aansluitingen. Bestaande palen worden bovendien niet altijd efficiënt gebruikt: sommige "
            "auto's staan dagenlang aan dezelfde paal."
            "\n\n"
            "We willen niet alleen reageren op aanvragen, maar vooruit plannen op basis van de verwachte vraag, de "
            "netcapaciteit en de beschikbare ruimte in de straat."
        ),
        "desired_outcome": (
            "Een aanpak of hulpmiddel waarmee we kunnen voorspellen waar de komende drie jaar laadbehoefte ontstaat, "
            "en waarmee we keuzes over locaties kunnen uitleggen aan bewoners en de gemeenteraad. We willen dit "
            "testen in drie wijken met verschillende kenmerken."
        ),
        "affected": (
            "Bewoners zonder eigen oprit die (willen) overstappen op elektrisch rijden, buurtbewoners die "
            "parkeerplaatsen zien veranderen in laadplekken, en de medewerkers van Verkeer en Vervoer die nu elke "
            "aanvraag afzonderlijk beoordelen."
        ),
        "department": "Verkeer en Vervoer",
        "themes": ["energy", "mobility"],
        "keywords": [
            "laadpalen",
            "laadinfrastructuur",
            "netcongestie",
            "voorspelmodel",
            "laadpaalbezetting",
            "datagedreven beleid",
        ],
        "budget_min_eur": 25000,
        "budget_max_eur": 50000,
        "pilot_weeks": 16,
        "max_age_years": None,
        "max_fte": None,
        "languages": ["nl", "en"],
        "state": "closed",
        "days_to_deadline": -40,
        "questions": [
            {
                "text": "Is er data van de bestaande laadpalen beschikbaar?",
                "answer": (
                    "Ja. Via de exploitant hebben we geanonimiseerde laadsessies van de afgelopen drie jaar "
                    "beschikbaar."
                ),
            },
            {
                "text": "Can the pilot include smart charging to reduce peak load on the grid?",
                "answer": (
                    "Smart charging is in scope, as long as it is agreed with the charge point operator and the grid "
                    "operator. We will facilitate those conversations."
                ),
            },
        ],
        "clarifications": [
            "De gemeenteraad heeft gevraagd om een eerlijke spreiding van laadpalen over de stad. De resultaten van "
            "deze pilot delen we daarom ook met de raad."
        ],
        "cancel_reason": None,
    },
    # --------------------------------------------------------------- Groningen
    {
        "key": "warmtetransitie-wijkaanpak",
        "municipality": "groningen",
        "language": "nl",
        "title": "Warmtetransitie: bewoners meenemen in de wijkaanpak",
        "summary": (
            "In de wijkaanpak voor aardgasvrij wonen haken veel bewoners af: de informatie is ingewikkeld, het "
            "vertrouwen in de overheid is laag en de kosten zijn onzeker. We zoeken nieuwe manieren om bewoners "
            "vroeg en op hun eigen manier te betrekken bij de warmtetransitie in hun wijk."
        ),
        "problem": (
            "Groningen werkt wijk voor wijk toe naar aardgasvrij wonen. Samen met bewoners onderzoeken we welk "
            "alternatief het beste past: een warmtenet, volledig elektrisch of een hybride oplossing. In de wijken "
            "waar we zijn begonnen, doet vooral een kleine, goed geïnformeerde groep mee. Van de ruim 3.000 "
            "huishoudens in de huidige pilotwijk kwamen er 140 naar de informatieavonden."
            "\n\n"
            "Veel bewoners hebben andere zorgen aan hun hoofd. De nasleep van de gaswinning heeft het vertrouwen in "
            "overheid en energiebedrijven beschadigd. Anderen huren, hebben weinig geld of vinden de technische "
            "keuzes onbegrijpelijk. Juist deze bewoners willen we bereiken, omdat de keuze voor hun wijk hen net zo "
            "hard raakt."
            "\n\n"
            "Onze huidige middelen, zoals brieven, bijeenkomsten en een projectwebsite, sluiten onvoldoende aan. "
            "Bewonersinitiatieven en de energiecoöperatie doen veel goed werk, maar hun capaciteit is beperkt."
        ),
        "desired_outcome": (
            "We willen in één wijk een aanpak testen die meer én andere bewoners actief laat meedenken over de "
            "warmtekeuze. Dat kan bijvoorbeeld via gesprekken aan de keukentafel, beelden van wat een keuze "
            "betekent voor de eigen woning, of samenwerking met vertrouwde mensen en plekken in de wijk."
            "\n\n"
            "Succes betekent voor ons: meer bewoners die zeggen dat ze weten wat er speelt en dat hun mening ertoe "
            "doet, ook huurders en mensen die we nu niet bereiken."
        ),
        "affected": (
            "Bewoners van de pilotwijk, zowel huurders als eigenaar-bewoners, met extra aandacht voor ouderen, "
            "laaggeletterden en mensen met een krappe beurs. Daarnaast de wijkregisseur, de energiecoaches, de "
            "woningcorporatie en de lokale energiecoöperatie."
        ),
        "department": "Ruimtelijke Ontwikkeling – Energietransitie",
        "themes": ["energy", "participation"],
        "keywords": [
            "warmtetransitie",
            "aardgasvrij",
            "wijkaanpak",
            "burgerparticipatie",
            "energiecoaches",
            "vertrouwen",
        ],
        "budget_min_eur": 30000,
        "budget_max_eur": 60000,
        "pilot_weeks": 16,
        "max_age_years": None,
        "max_fte": None,
        "languages": ["nl"],
        "state": "open",
        "days_to_deadline": 30,
        "questions": [
            {
                "text": "Is de keuze voor het warmtealternatief in de pilotwijk al gemaakt?",
                "answer": (
                    "Nee. Er is een voorkeursrichting (een warmtenet), maar de definitieve keuze volgt pas na het "
                    "participatietraject. Dat is ook de reden dat we nu breed willen betrekken."
                ),
            },
            {
                "text": "Kunnen we binnen de pilot ook bewoners helpen met kleine isolatiemaatregelen?",
                "answer": None,
            },
        ],
        "clarifications": [],
        "cancel_reason": None,
    },
    {
        "key": "zwerfafval-parken-water",
        "municipality": "groningen",
        "language": "nl",
        "title": "Zwerfafval in parken en langs het water",
        "summary": (
            "Op warme dagen blijft er in het Noorderplantsoen, het Stadspark en langs het water veel zwerfafval "
            "achter. Een deel belandt in het water. We zoeken manieren om zwerfafval te voorkomen en sneller op te "
            "ruimen waar het ontstaat."
        ),
        "problem": (
            "Groningen is een jonge stad met veel studenten en een sterke buitencultuur. Op een zonnige zaterdag "
            "komen duizenden mensen samen in de parken en langs de kades. De afvalbakken zitten dan vaak halverwege "
            "de middag al vol, en wat niet meer past blijft liggen of waait weg."
            "\n\n"
            "Ons reinigingsteam ruimt op maandagochtend soms meer dan twee ton afval op uit één park. Blikjes, "
            "wegwerpbekers, sigarettenpeuken en verpakkingen van maaltijdbezorgers komen ook in de grachten en "
            "vaarten terecht, waar ze lastig te verwijderen zijn en schade doen aan vogels en vissen."
            "\n\n"
            "We hebben geen goed beeld van waar en wanneer het meeste afval ontstaat. Daardoor plannen we de inzet "
            "van mensen en materieel op ervaring, niet op gegevens."
        ),
        "desired_outcome": (
            "We willen in één park en een aangrenzend stuk waterkant testen wat werkt om zwerfafval te verminderen: "
            "slimmere afvalbakken, beter getimede inzet, gedragsprikkels voor bezoekers, het opvangen van drijfvuil "
            "of iets heel anders. We meten het effect in kilo's opgeruimd afval, het aantal meldingen en de "
            "beleving van bezoekers en omwonenden."
        ),
        "affected": (
            "Parkbezoekers, omwonenden, studenten en verenigingen die de parken gebruiken, en de medewerkers van "
            "Stadsbeheer die het afval opruimen. Ook de vrijwilligers van lokale opruimacties en de medewerkers van "
            "het waterschap die drijfvuil verwijderen."
        ),
        "department": "Stadsbeheer",
        "themes": ["waste", "public_space"],
        "keywords": [
            "zwerfafval",
            "afvalbakken",
            "vulgraadsensoren",
            "drijfvuil",
            "gedragsverandering",
            "parken",
        ],
        "budget_min_eur": 15000,
        "budget_max_eur": 40000,
        "pilot_weeks": 16,
        "max_age_years": None,
        "max_fte": None,
        "languages": ["nl", "en"],
        "state": "open",
        "days_to_deadline": 18,
        "questions": [
            {
                "text": "Kan de pilot in de zomermaanden plaatsvinden?",
                "answer": (
                    "Ja, dat is juist de bedoeling. We mikken op een start in mei, zodat de pilot het drukke "
                    "zomerseizoen beslaat."
                ),
            },
            {
                "text": "Are we allowed to place objects in the water, for example to catch floating litter?",
                "answer": (
                    "That requires permission from the water authority. We will arrange a meeting with them for "
                    "shortlisted startups; please describe in your proposal what you would need."
                ),
            },
            {
                "text": "Mogen we bezoekers belonen die hun afval meenemen of helpen opruimen?",
                "answer": None,
            },
        ],
        "clarifications": [],
        "cancel_reason": None,
    },
    {
        "key": "eenzaamheid-ouderen-signaleren",
        "municipality": "groningen",
        "language": "nl",
        "title": "Eenzaamheid onder ouderen vroeg signaleren",
        "summary": (
            "Veel ouderen voelen zich eenzaam, maar komen pas in beeld als de problemen groot zijn. Buren, "
            "huisartsen en vrijwilligers zien wel signalen, maar die komen niet samen. Hoe herkennen we eenzaamheid "
            "eerder, zonder ouderen te betuttelen?"
        ),
        "problem": (
            "Uit de gezondheidsmonitor blijkt dat bijna de helft van de inwoners van 75 jaar en ouder zich weleens "
            "eenzaam voelt, en ruim 1 op de 10 ernstig eenzaam. Door de vergrijzing, vooral in de dorpen en "
            "wijken aan de rand van de stad, groeit die groep de komende jaren."
            "\n\n"
            "Eenzaamheid is vaak onzichtbaar. Mensen schamen zich of willen niemand tot last zijn. Signalen, zoals "
            "de krant die blijft liggen, iemand die niet meer naar de soos komt of een partner die is overleden, "
            "worden wel opgemerkt door buren, postbodes, kappers, huisartsen en wijkverpleegkundigen. Maar ze "
            "bereiken zelden iemand die er iets mee kan."
            "\n\n"
            "Het wijkteam en de welzijnsorganisaties bieden volop activiteiten en ondersteuning. Het probleem is "
            "niet het aanbod, maar de verbinding tussen de oudere die het nodig heeft en dat aanbod."
        ),
        "desired_outcome": (
            "We zoeken een manier om signalen van eenzaamheid eerder op te vangen en om te zetten in persoonlijk "
            "contact, met respect voor privacy en zelfstandigheid. Technologie mag daarbij helpen, maar het contact "
            "zelf is menselijk."
            "\n\n"
            "In een pilot van zestien weken in één wijk willen we zien hoeveel ouderen we eerder bereiken en hoe zij "
            "dat contact ervaren."
        ),
        "affected": (
            "Zelfstandig wonende ouderen van 75 jaar en ouder, hun mantelzorgers en buren. Daarnaast de "
            "medewerkers van het wijkteam, welzijnswerkers, wijkverpleegkundigen en vrijwilligers."
        ),
        "department": "Zorg en Welzijn",
        "themes": ["care"],
        "keywords": [
            "eenzaamheid",
            "ouderen",
            "vroegsignalering",
            "wijkteams",
            "vrijwilligers",
            "welzijn",
        ],
        "budget_min_eur": 20000,
        "budget_max_eur": 45000,
        "pilot_weeks": 16,
        "max_age_years": None,
        "max_fte": None,
        "languages": ["nl"],
        "state": "open",
        "days_to_deadline": 25,
        "questions": [
            {
                "text": "Mogen we tijdens de pilot sensoren plaatsen in de woningen van ouderen?",
                "answer": (
                    "Alleen met uitdrukkelijke toestemming van de bewoner en als de oudere zelf de regie houdt. "
                    "Eerlijk gezegd verwachten we meer van oplossingen die mensen met elkaar verbinden dan van "
                    "oplossingen die mensen monitoren."
                ),
            },
        ],
        "clarifications": [
            "Let op: voorstellen kunnen alleen in het Nederlands worden ingediend, omdat de pilot draait om direct "
            "contact met oudere inwoners."
        ],
        "cancel_reason": None,
    },
    {
        "key": "rainwater-private-gardens",
        "municipality": "groningen",
        "language": "en",
        "title": "Making private gardens part of the rainwater solution",
        "summary": (
            "About 40% of the surface in our residential areas is private property, and more and more of it is "
            "paved. During cloudbursts the sewers overflow and streets flood. We want residents to help retain "
            "rainwater in their own gardens, and we need a way to make that easy."
        ),
        "problem": (
            "Cloudbursts of more than 60 mm of rain in an hour, once rare, are becoming more frequent. Last summer, "
            "streets in several neighbourhoods flooded twice within a month and basements took in water. The sewer "
            "system was never designed for these volumes."
            "\n\n"
            "We are making public space greener and adding water storage under streets and squares. But around 40% "
            "of the surface in our residential areas is private: gardens, driveways and roofs. A growing share of "
            "it is paved, so the rain that falls there goes straight into the sewer."
            "\n\n"
            "Subsidies for green roofs and rain barrels exist, yet they are used mainly by residents who were "
            "already interested. Most residents do not know how much their garden contributes to the problem, nor "
            "what they could do about it."
        ),
        "desired_outcome": (
            "We want to test an approach that leads to measurable extra water storage on private property in one "
            "neighbourhood, for example by showing residents what their plot contributes, by making measures such "
            "as smart rain barrels or removing paving easy and affordable, or by organising it street by street."
            "\n\n"
            "We would like to know how many litres of extra storage the pilot achieves, and which approach "
            "convinces which residents."
        ),
        "affected": (
            "Homeowners and tenants with a garden or flat roof, residents whose streets or basements flood, and "
            "our colleagues in the water and sewerage team who deal with the consequences."
        ),
        "department": "Stadsbeheer – Water en Riolering",
        "themes": ["climate", "water"],
        "keywords": [
            "rainwater",
            "waterberging",
            "klimaatadaptatie",
            "green roofs",
            "rain barrels",
            "depaving",
        ],
        "budget_min_eur": 20000,
        "budget_max_eur": 40000,
        "pilot_weeks": 20,
        "max_age_years": 10,
        "max_fte": None,
        "languages": ["nl", "en"],
        "state": "closed",
        "days_to_deadline": -5,
        "questions": [
            {
                "text": "Can the pilot be combined with the existing subsidy scheme?",
                "answer": (
                    "Yes. Residents in the pilot area can still apply for the regular subsidy, and your approach may "
                    "build on it."
                ),
            },
            {
                "text": "Hebben jullie een voorkeursbuurt voor de pilot?",
                "answer": (
                    "We denken aan een jarendertigbuurt met veel kleine achtertuinen, maar staan open voor een "
                    "onderbouwd ander voorstel."
                ),
            },
        ],
        "clarifications": [
            "We received several questions about measurement. A simple, transparent estimate of the storage "
            "capacity per measure is sufficient; a sensor network is not required."
        ],
        "cancel_reason": None,
    },
    # ------------------------------------------------------------------ Zwolle
    {
        "key": "water-vasthouden-in-de-wijk",
        "municipality": "zwolle",
        "language": "nl",
        "title": "Water vasthouden in de wijk",
        "summary": (
            "Zwolle krijgt te maken met zowel wateroverlast als droogte. Samen met bewoners en startups willen we "
            "onderzoeken hoe we regenwater in de wijk langer vasthouden en slim hergebruiken."
        ),
        "problem": (
            "Zwolle ligt op het kruispunt van IJssel, Vecht en Zwarte Water. Bij hevige buien lopen straten in "
            "oudere wijken onder, terwijl in droge zomers het groen verdort en de grondwaterstand daalt. In beide "
            "gevallen is er te weinig ruimte om water vast te houden."
            "\n\n"
            "Het rioolstelsel voert regenwater nu vooral snel af. We willen toe naar een stad die water vasthoudt "
            "waar het valt: in tuinen, op daken en in de openbare ruimte. Daarvoor hebben we bewoners nodig, want "
            "meer dan de helft van het oppervlak in onze woonwijken is particulier."
        ),
        "desired_outcome": (
            "We zoeken een aanpak waarmee we in één wijk aantoonbaar meer regenwater vasthouden, bij voorkeur in "
            "combinatie met hergebruik, bijvoorbeeld voor het besproeien van groen in droge periodes. Deze "
            "uitdaging is nog in voorbereiding en wordt afgestemd met het waterschap."
        ),
        "affected": (
            "Bewoners van oudere wijken met wateroverlast, volkstuinders en groenbeheerders, en de medewerkers van "
            "de gemeente en het waterschap die samen verantwoordelijk zijn voor het watersysteem."
        ),
        "department": "Openbare Ruimte",
        "themes": ["water", "climate"],
        "keywords": [
            "waterberging",
            "klimaatadaptatie",
            "regenwater",
            "droogte",
            "hergebruik",
        ],
        "budget_min_eur": 15000,
        "budget_max_eur": 35000,
        "pilot_weeks": 16,
        "max_age_years": None,
        "max_fte": None,
        "languages": ["nl"],
        "state": "draft",
        "days_to_deadline": 45,
        "questions": [],
        "clarifications": [],
        "cancel_reason": None,
    },
]

# ---------------------------------------------------------------------------
# Proposals
#
# Per challenge, per startup: how far it got and what it wrote, in the challenge's language. Each
# proposal has its own text, price and plan; a price outside the budget comes with a justification.
# The loader plays them through the real services (start, save, submit, withdraw) at dates before
# the deadline, so receipts, references and the audit trail look like real use.
# ---------------------------------------------------------------------------

PROPOSALS = {
    "hittestress-versteende-wijken": {
        "groenblauw-ontwerp": {
            "state": "submitted",
            "price_eur": 46500,
            "duration_weeks": 20,
            "summary": (
                "Koele Stoep: in twintig weken maken we met de bewoners van één straat in Kanaleneiland-Noord drie "
                "koele plekken: een onthard en beplant hoekje bij de seniorenflat, schaduwdoeken boven de "
                "speelplek en bomen in verplaatsbare bakken langs de looproute naar de supermarkt. We meten de "
                "gevoelstemperatuur voor en na, en vragen bewoners hoe ze de hete dagen doorkwamen."
            ),
            "understanding": (
                "Wat ons opvalt in jullie vraag is 'dichter bij huis'. Een koel park op een kwartier lopen helpt "
                "een tachtigjarige met hartfalen niet: die blijft binnen, in een woning die 's nachts niet "
                "afkoelt. De winst zit in de eerste honderd meter rond de voordeur.\n\n"
                "Uit eerdere projecten weten we ook dat tijdelijke maatregelen alleen blijven staan als bewoners "
                "ze zelf willen. Een schaduwdoek waar niemand om vroeg, hangt er na de eerste storm scheef bij."
            ),
            "solution": (
                "Week 1–4: twee straatsessies (één doordeweeks bij de flat, één op zaterdag bij de speelplek) en "
                "een hittewandeling met het buurtteam en de GGD-verpleegkundige.\n\n"
                "Week 5–10: aanleg. We halen ongeveer 60 m² tegels weg, planten hittebestendige vaste planten en "
                "zetten twee meerstammige bomen in bakken die later naar een definitieve plek kunnen. Boven de "
                "speelplek komen drie schaduwdoeken op losse voeten, zonder graafwerk.\n\n"
                "Week 11–20: meten en bijsturen. Vier meters (twee in de nieuwe koele plekken, twee in een "
                "vergelijkbare straat zonder ingreep) loggen elke tien minuten temperatuur en vochtigheid. Op hete "
                "dagen tellen we hoeveel mensen de plekken gebruiken. In week 20 presenteren we de uitkomsten op "
                "straat, met een advies welke ingreep de gemeente structureel zou moeten doen."
            ),
            "team": (
                "Iris van Leeuwen (landschapsarchitect, projectleider), Bram Kuijpers (ecoloog, beplanting en "
                "onderhoud), Nadia El Idrissi (participatie; spreekt Arabisch en Tarifit, wat in deze straat telt) "
                "en een vaste hovenier uit Utrecht. We deden vergelijkbare trajecten op drie schoolpleinen in "
                "Arnhem en in de wijk Geitenkamp."
            ),
        },
        "sponge-city-labs": {
            "state": "submitted",
            "price_eur": 54000,
            "duration_weeks": 22,
            "price_justification": (
                "Onze prijs ligt € 4.000 boven het budget. Dat verschil zit vrijwel helemaal in de 40 sensoren "
                "(€ 95 per stuk inclusief montage en twee jaar dataverbinding), die na de pilot eigendom van de "
                "gemeente worden en bruikbaar blijven voor het hitteplan. Zonder sensornetwerk blijven we binnen "
                "het budget, maar dan kunnen we het model niet toetsen."
            ),
            "summary": (
                "We bouwen een digitale tweeling van Overvecht-Noord waarin we hitte, schaduw en verharding per "
                "straat doorrekenen. Met 40 goedkope sensoren toetsen we het model, en op de drie heetste plekken "
                "met kwetsbare bewoners zetten we tijdelijke maatregelen neer waarvan we het effect vooraf "
                "voorspellen en achteraf meten. Zo weet de gemeente niet alleen wát werkt, maar ook wáár."
            ),
            "understanding": (
                "De gemeente wil op korte termijn verkoeling en tegelijk leren voor de lange termijn. Dat "
                "spanningsveld herkennen we: wie nu op gevoel schaduwdoeken ophangt, weet na één zomer niet of een "
                "andere plek meer had opgeleverd. Overvecht kent bovendien grote verschillen tussen de galerijflats "
                "met veel beton en de groenere hofjes; een gemiddelde temperatuur per wijk zegt daar weinig."
            ),
            "solution": (
                "Fase 1 (week 1–6): we maken het model met open data (AHN-hoogtekaart, bomenregister, BGT-"
                "verharding) en hangen in overleg met Stadsbeheer 40 sensoren aan lantaarnpalen.\n\n"
                "Fase 2 (week 7–10): met bewoners en het buurtteam kiezen we uit de vijf heetste plekken de drie "
                "waar kwetsbare mensen wonen. Daar komen mobiele bomen, een waterpunt en schaduwdoeken.\n\n"
                "Fase 3 (week 11–22): meten, vergelijken met de voorspelling en het model bijstellen. Model en "
                "data blijven na de pilot van de gemeente en draaien op een gewone laptop."
            ),
            "team": (
                "Tomás Ribeiro (hydroloog, projectleider), Eline de Graaf (landschapsarchitect en Nederlandstalig "
                "aanspreekpunt voor bewoners), Wei Zhang (software engineer, digitale tweeling) en Joost Hermans "
                "(sensoren en installatie). Het team werkte eerder aan hitte- en wateranalyses voor Delft en "
                "Rotterdam."
            ),
        },
        "regenwinst": {
            "state": "submitted",
            "price_eur": 28000,
            "duration_weeks": 14,
            "summary": (
                "In één hofje in Kanaleneiland plaatsen we twintig slimme regentonnen en vervangen we samen met "
                "bewoners tegels door groen. Met het opgevangen water houden bewoners in hete weken planten en "
                "gevels nat, wat hun directe omgeving merkbaar koeler maakt. Een eenvoudige app laat zien hoeveel "
                "water er klaarstaat."
            ),
            "understanding": (
                "Hitte en water horen bij elkaar: een tuin die water vasthoudt, verdampt het op warme dagen en "
                "blijft koeler. Versteende wijken missen allebei. Wij kijken vooral naar wat bewoners zelf kunnen "
                "doen, omdat de gemeente niet elke binnentuin kan herinrichten. Eerlijk is eerlijk: onze kern ligt "
                "bij waterberging, en hitte is voor ons een nieuwe toepassing."
            ),
            "solution": (
                "Via de woningcorporatie zoeken we een hofje met twintig tot dertig woningen met een kleine tuin. "
                "Bewoners krijgen een slimme regenton van 250 liter die leegloopt vóór een zware bui en vol blijft "
                "in droge weken. Met een hovenier wippen we per tuin gemiddeld vier m² tegels. In hete weken krijgen "
                "bewoners een bericht: 'gebruik vanavond je regenwater voor de gevel en de planten'. We meten de "
                "temperatuur in drie tuinen met en drie zonder maatregelen."
            ),
            "team": (
                "Gerrit Wolters (oprichter, productontwikkeling), Sanne Mulder (klantcontact en tuinadvies) en "
                "hoveniersbedrijf De Groene Hand uit Utrecht. Vorig jaar plaatsten we ruim 1.200 buffers bij "
                "particulieren."
            ),
        },
        "streetlens": {
            "state": "withdrawn",
            "price_eur": 31500,
            "duration_weeks": 18,
            "summary": (
                "We koppelen onze camera's op de veegwagens van Stadsbeheer aan een warmtebeeldsensor en brengen zo "
                "in kaart welke stoepen en pleinen op hete middagen het warmst worden en waar schaduw ontbreekt. De "
                "kaart helpt bij het kiezen van de plekken voor tijdelijke maatregelen."
            ),
            "understanding": (
                "Voor goede keuzes is een fijnmazig beeld nodig van waar het heet is. Satellietbeelden zijn te grof "
                "en missen de schaduw van gebouwen op het moment dat mensen buiten lopen."
            ),
            "solution": (
                "Twee veegwagens rijden in juli en augustus met onze sensorkast mee. De beelden blijven op het "
                "apparaat; alleen de oppervlaktetemperatuur per tien meter stoep gaat naar de kaart. Elke week "
                "krijgt Stadsbeheer een bijgewerkte hittekaart."
            ),
            "team": "Arjun Mehta (computer vision), Femke Brouwer (data-analist) en onze hardwarepartner in Amsterdam.",
        },
    },
    "laadpalen-eerlijk-verdelen": {
        "kerbside-labs": {
            "state": "submitted",
            "price_eur": 44000,
            "duration_weeks": 16,
            "summary": (
                "Met een voorspelmodel per straat laten we zien waar in Eindhoven de komende drie jaar laadbehoefte "
                "ontstaat, hoeveel ruimte het net daar biedt en welke parkeerplekken in aanmerking komen. In "
                "Woensel-West, Meerhoven en Stratum toetsen we het model aan echte aanvragen en laadsessies, en "
                "bespreken we de kaarten met bewoners."
            ),
            "understanding": (
                "Plaatsen op aanvraag beloont wie het eerst en het hardst vraagt. Daardoor lopen wijken met veel "
                "huurwoningen en tweedehands elektrische auto's achter, terwijl juist daar de vraag straks groeit. "
                "Daar komt de netcongestie bij: een paal op een vol stuk net kan pas over jaren worden aangesloten. "
                "De gemeente heeft dus een plan nodig dat vooruitkijkt én dat uit te leggen is aan de raad."
            ),
            "solution": (
                "Week 1–5: we koppelen de geanonimiseerde laadsessies, RDW-cijfers over elektrische auto's per "
                "postcode, de capaciteitskaart van de netbeheerder en parkeertellingen.\n\n"
                "Week 6–10: het model voorspelt per straat de vraag tot en met 2028 en markeert waar net én ruimte "
                "beschikbaar zijn. We toetsen het door de voorspelling voor vorig jaar te vergelijken met de "
                "aanvragen die echt binnenkwamen.\n\n"
                "Week 11–16: in elke wijk een avond met bewoners over de kaart: welke plekken kunnen wel, welke "
                "niet. De gemeente krijgt het model als open-source notebook en een eenvoudige kaartviewer."
            ),
            "team": (
                "Lucía Fernández (verkeerskundige, projectleider), Piotr Kowalski (datawetenschapper) en Maarten de "
                "Wit (gebiedsregisseur, Nederlandstalig aanspreekpunt voor bewoners en raad). We maakten "
                "vergelijkbare modellen voor Rotterdam-Zuid en Gdańsk."
            ),
        },
        "parkeerlicht": {
            "state": "submitted",
            "price_eur": 52500,
            "duration_weeks": 24,
            "price_justification": (
                "De prijs ligt € 2.500 boven het budget omdat de hardware (150 sensoren) het grootste deel van de "
                "kosten is. Als de gemeente de sensoren huurt in plaats van koopt, daalt de prijs van de pilot naar "
                "ongeveer € 41.000; de sensoren blijven dan van ons."
            ),
            "summary": (
                "We leggen sensoren onder 150 parkeervakken bij bestaande laadpalen en in de straten eromheen. Zo "
                "meten we hoe lang auto's aan een paal staan, hoe vaak een paal bezet is zonder dat er geladen "
                "wordt en hoe druk het in de straat is. Met die cijfers kan de gemeente palen beter benutten en "
                "gerichter bijplaatsen."
            ),
            "understanding": (
                "Een deel van het probleem zit in het gebruik van de palen die er al staan: auto's die dagenlang "
                "blijven staan, of gewone auto's op een laadplek. Als dat zichtbaar wordt, hoeven er minder palen "
                "bij en is het makkelijker uit te leggen waarom ergens wel of geen paal komt."
            ),
            "solution": (
                "In week 1–4 plaatsen we 150 sensoren in drie wijken, een halve dag per straat en zonder de weg open "
                "te breken. Vanaf week 5 is live te zien welke laadplekken bezet zijn en hoe lang. Na twaalf weken "
                "meten leveren we per wijk een rapport met de benutting per paal en een advies voor nieuwe "
                "locaties."
            ),
            "team": "Daan Koster (oprichter), twee installateurs en een data-analist. Onze sensoren liggen in zeven gemeenten.",
        },
    },
    "rainwater-private-gardens": {
        "regenwinst": {
            "state": "submitted",
            "price_eur": 36500,
            "duration_weeks": 20,
            "summary": (
                "We offer every household in one 1930s neighbourhood a smart rain barrel that empties itself before "
                "a forecast cloudburst, and organise tile-swap Saturdays street by street. A live counter shows how "
                "many litres the neighbourhood holds back, so residents see what their own garden adds."
            ),
            "understanding": (
                "Subsidies reach the residents who were already convinced. What is missing is a reason for the "
                "others to act now, and a way to do it without research or paperwork. Small back gardens in 1930s "
                "streets are often paved because that is easy to keep tidy; few residents connect that to a "
                "flooded street two blocks away."
            ),
            "solution": (
                "Weeks 1–4: with the water team we choose the neighbourhood and map which plots drain to the "
                "overloaded sewer.\n\n"
                "Weeks 5–16: door-to-door visits and three tile-swap Saturdays per street. Residents get a "
                "300-litre smart barrel for a quarter of its price; the existing subsidy and the pilot cover the "
                "rest. Every barrel reports its level, so we know how much was held back in each storm.\n\n"
                "Weeks 17–20: we compare with a similar neighbourhood without the pilot and report litres stored "
                "per euro spent."
            ),
            "team": (
                "Gerrit Wolters (founder, hardware), Sanne Mulder (resident contact), two gardeners from Groningen "
                "who do the depaving, and a student from the Hanze University of Applied Sciences who runs the "
                "measurements."
            ),
        },
        "sponge-city-labs": {
            "state": "submitted",
            "price_eur": 39800,
            "duration_weeks": 24,
            "summary": (
                "Every household in the pilot area receives a personal plot check: a one-page map of how much rain "
                "falls on their roof and garden, where it goes today and which three affordable measures would hold "
                "it back. We then organise the measures street by street with local contractors, and check the "
                "result against our runoff model after every heavy shower."
            ),
            "understanding": (
                "Residents do not act because the problem is invisible from their own garden. A leaflet about "
                "climate adaptation is abstract; a map of your own house saying 'your roof sends 4,200 litres to "
                "the street in one storm' is not. The challenge is to make that personal message cheap enough to "
                "give to everyone, not only to the interested few."
            ),
            "solution": (
                "We generate the plot checks from the height map, building footprints and aerial photographs, and "
                "validate fifty of them by visiting the gardens. Residents choose from a short menu: a rain barrel, "
                "a green roof on the shed, depaving or a small rain garden. We bundle orders per street to lower "
                "the price and schedule the work. Six soil-moisture sensors and the sewer operator's overflow data "
                "show the effect."
            ),
            "team": (
                "Tomás Ribeiro (hydrologist), Eline de Graaf (landscape architect, Dutch-speaking contact for "
                "residents) and Wei Zhang (software). We made similar analyses for two neighbourhoods in Delft."
            ),
        },
        "groenblauw-ontwerp": {
            "state": "submitted",
            "price_eur": 24000,
            "duration_weeks": 12,
            "summary": (
                "With the residents of one street we redesign their front and back gardens in a single afternoon "
                "on the pavement, then do the work together on four Saturdays: depaving, planting and a shared rain "
                "garden on the corner. We document costs and litres stored, so that other streets can copy the "
                "approach without us."
            ),
            "understanding": (
                "The question is not technical: everyone knows that tiles do not absorb water. It is social: how "
                "does removing tiles become the normal thing to do in a street? In our experience that happens when "
                "neighbours do it together and see each other's gardens change."
            ),
            "solution": (
                "We start with a street party and a design session at a drawing table on the pavement. Residents "
                "choose from simple garden designs that each hold 500 to 1,500 litres. On four Saturdays we work "
                "with them, a gardener and a skip for the tiles, which the municipality collects for reuse. We "
                "measure the area depaved, estimate the storage per garden with the municipality's own rule of "
                "thumb, and end with a street manual anyone can follow."
            ),
            "team": "Iris van Leeuwen (landscape architect), Nadia El Idrissi (community work) and a gardener from Groningen.",
        },
    },
    "slimmere-afvalinzameling-binnenstad": {
        "stille-vracht": {
            "state": "submitted",
            "price_eur": 41000,
            "duration_weeks": 16,
            "summary": (
                "In de Twijnstraat en omgeving halen we huisvuilzakken en kleine hoeveelheden bedrijfsafval op met "
                "twee elektrische vrachtfietsen, op tijden die passen bij hoe bewoners en ondernemers leven. De "
                "ondergrondse containers legen we alleen nog als sensoren aangeven dat ze vol raken. Zo verdwijnt "
                "een deel van de ritten met grote wagens uit de smalle straten."
            ),
            "understanding": (
                "Het probleem zit niet alleen in te volle of te lege containers, maar in het moment: zakken die om "
                "zeven uur 's ochtends al buiten staan omdat iemand naar zijn werk moet. Een grote wagen kan niet "
                "vaker langskomen, een vrachtfiets wel."
            ),
            "solution": (
                "We werken zestien weken in een gebied van ongeveer 900 huishoudens en 120 ondernemers. Bewoners "
                "kunnen 's avonds tussen 19.00 en 21.00 uur hun zak meegeven aan onze rijder of kwijt in een van "
                "drie tijdelijke inzamelpunten. Ondernemers melden via een app wanneer ze afval hebben. In twaalf "
                "ondergrondse containers plaatsen we in overleg met jullie beheerder vulgraadsensoren, en het "
                "ledigingsschema volgt die metingen. Elke maand rapporteren we het aantal ritten, bijplaatsingen en "
                "meldingen."
            ),
            "team": (
                "Lotte Verhoeven (oprichter, logistiek), drie vaste rijders uit Utrecht en Koen Bakker, die twaalf "
                "jaar routes plande bij een afvalinzamelaar."
            ),
        },
        "streetlens": {
            "state": "draft",
            "summary": (
                "Onze camera's op de veegwagens, die toch al dagelijks door de binnenstad rijden, herkennen "
                "bijplaatsingen naast containers automatisch. Zo ziet de gemeente elke ochtend waar het misgaat, "
                "voordat er een melding binnenkomt."
            ),
            "understanding": (
                "Meldingen zijn een vertraagd en onvolledig beeld: niet iedereen meldt, en in drukke straten meldt "
                "iedereen hetzelfde."
            ),
        },
    },
    "parkeerdruk-woonwijken": {
        "parkeerlicht": {
            "state": "submitted",
            "price_eur": 33000,
            "duration_weeks": 18,
            "summary": (
                "In drie straten in Lombok en Zuilen leggen we 180 draadloze sensoren in het wegdek en meten we "
                "zestien weken lang, dag en nacht, hoeveel parkeervakken bezet zijn. Geen camera's en geen "
                "kentekens. Bewoners en gemeente zien dezelfde cijfers op een openbaar dashboard."
            ),
            "understanding": (
                "Op inspraakavonden gaat het over de cijfers, omdat één telling per jaar niet laat zien wat "
                "bewoners op zaterdagavond meemaken. Een meting die continu loopt en die iedereen kan controleren, "
                "maakt die discussie overbodig. Privacy is daarbij een harde eis: een sensor in het wegdek weet "
                "alleen óf er een auto staat."
            ),
            "solution": (
                "Week 1–3: met de verkeerskundigen kiezen we de straten en leggen we de sensoren (een halve dag per "
                "straat). Week 4–15: meten; elke week controleren we op twee willekeurige momenten met een "
                "handmatige telling, zodat de nauwkeurigheid zichtbaar wordt. Week 16: een openbare avond in het "
                "buurthuis met de resultaten per uur en per dag. De data komt beschikbaar via een open API."
            ),
            "team": (
                "Daan Koster (oprichter), Yara Haddad (data-analist) en twee installateurs. We meten parkeerdruk al "
                "voor Helmond en Veldhoven."
            ),
        },
    },
    "energy-poverty-households": {
        "kilowise": {
            "state": "submitted",
            "price_eur": 58000,
            "duration_weeks": 16,
            "summary": (
                "We combine energy labels, aggregated smart-meter data and income statistics at building-block "
                "level into a vulnerability map of Utrecht, without looking at individual households. Outreach "
                "teams use it to choose which streets to visit first; after twelve weeks we measure whether the "
                "visits reached more households in need than the current approach."
            ),
            "understanding": (
                "The households that need help most are the least likely to answer a letter or ask for support. "
                "Today's lists come from payment arrears, which arrive late. A map that shows where energy poverty "
                "is concentrated lets teams go there before the bills pile up, but only if it respects privacy and "
                "can be explained to residents."
            ),
            "solution": (
                "Weeks 1–4: data agreements with the grid operator and the housing associations; we only receive "
                "data aggregated over at least ten connections.\n\n"
                "Weeks 5–8: the index and the map, checked against the outreach teams' own knowledge of the "
                "neighbourhoods.\n\n"
                "Weeks 9–16: two outreach teams work from the map in Overvecht and Kanaleneiland; a third works as "
                "usual. We compare how many households were reached and how many qualified for support."
            ),
            "team": (
                "Katarzyna Nowak (data scientist, project lead), Jasper van Dam (former energy coach in Utrecht, "
                "who links the data to the work in the streets) and a privacy officer we hire per project."
            ),
        },
        "warmtemaatje": {
            "state": "draft",
            "price_eur": 45000,
            "summary": (
                "Energy coaches from the neighbourhood itself knock on doors in the streets that score worst on "
                "energy labels, sit down at the kitchen table and fit draught strips and radiator foil on the spot."
            ),
            "understanding": (
                "Letters do not work for the households we are looking for. A neighbour who speaks their language "
                "does."
            ),
        },
    },
}

# ---------------------------------------------------------------------------
# Evaluation panels
#
# Who sits on which panel, what they declared and scored. Scores follow the default criteria in
# order: impact (30), feasibility (25), innovation (15), team (15), value for money (15). A score of 1
# or 5 always has a comment (the form requires one). The scores differ per evaluator and criterion,
# and on one proposal one evaluator is far from the other two, so the ranking shows a disagreement.
# ---------------------------------------------------------------------------

PANELS = {
    "hittestress-versteende-wijken": {
        "invited_by": "innovatie@utrecht.demo",
        "members": ["beleid@panel.demo", "informatievoorziening@panel.demo", "uitvoering@panel.demo"],
        "blind_review": False,
        "panel_sees_scores": True,
        "reviews_due_days": 21,  # after the submission deadline
        "read_by": "innovatie@utrecht.demo",
        "reviews": [
            {
                "evaluator": "beleid@panel.demo", "startup": "groenblauw-ontwerp", "scores": [5, 4, 3, 5, 4],
                "comments": {
                    0: "Richt zich precies op de eerste honderd meter rond de voordeur van kwetsbare bewoners; "
                       "daar vraagt het hitteplan om.",
                    3: "Participatie met iemand die de talen in de straat spreekt: dat missen we vaak.",
                },
                "recommendation": "shortlist",
                "feedback": (
                    "Sterk voorstel dat begint bij de bewoners die het meeste last hebben van hitte. De vergelijking "
                    "met een straat zonder ingreep maakt het effect geloofwaardig. Denk nog na over wie de planten "
                    "na week twintig water geeft."
                ),
            },
            {
                "evaluator": "beleid@panel.demo", "startup": "sponge-city-labs", "scores": [3, 3, 4, 4, 2],
                "recommendation": "maybe",
                "feedback": (
                    "Het model is waardevol voor het hitteplan op lange termijn, maar de pilot besteedt veel tijd "
                    "aan meten voordat er iets koeler wordt. Voor bewoners die deze zomer last hebben, komt het laat."
                ),
            },
            {
                "evaluator": "beleid@panel.demo", "startup": "regenwinst", "scores": [4, 4, 3, 4, 5],
                "comments": {4: "Voor dit bedrag bereik je een heel hofje, inclusief tuinadvies."},
                "recommendation": "shortlist",
                "feedback": (
                    "Laagdrempelig en goedkoop, en bewoners doen zelf mee. Het verband tussen regenwater en "
                    "verkoeling mag sterker onderbouwd worden, maar de aanpak past bij wat een wijk zelf kan."
                ),
            },
            {
                "evaluator": "informatievoorziening@panel.demo", "startup": "groenblauw-ontwerp",
                "scores": [4, 4, 3, 4, 3], "recommendation": "shortlist",
                "feedback": (
                    "Degelijk plan. De vier meters zijn eenvoudig maar voldoende; spreek vooraf af waar de meetdata "
                    "terechtkomen, zodat we ze later met andere wijken kunnen vergelijken."
                ),
            },
            {
                "evaluator": "informatievoorziening@panel.demo", "startup": "sponge-city-labs",
                "scores": [4, 5, 5, 3, 2],
                "comments": {
                    1: "Bouwt op open data die we al hebben (AHN, BGT, bomenregister); technisch goed uitvoerbaar.",
                    2: "Een toetsbaar hittemodel per straat hebben we nog niet; dit zou het eerste zijn.",
                },
                "recommendation": "maybe",
                "feedback": (
                    "Technisch het sterkste voorstel: een model dat je kunt toetsen en dat na de pilot van ons "
                    "blijft. De prijs boven het budget en de lange aanloop maken het lastig; een variant met minder "
                    "sensoren zou helpen."
                ),
            },
            {
                "evaluator": "informatievoorziening@panel.demo", "startup": "regenwinst", "scores": [2, 2, 1, 2, 3],
                "comments": {2: "Slimme regentonnen bestaan al jaren; voor hitte voegt de app weinig toe."},
                "recommendation": "no",
                "feedback": (
                    "Het voorstel gaat vooral over waterberging. Hoe de regentonnen op een hete dag voor verkoeling "
                    "zorgen, wordt niet duidelijk, en een meting in zes tuinen is te klein om er iets over te zeggen."
                ),
            },
            {
                "evaluator": "uitvoering@panel.demo", "startup": "groenblauw-ontwerp", "scores": [4, 5, 3, 4, 4],
                "comments": {1: "Geen graafwerk, losse voeten en bakken: dit kan Stadsbeheer zonder vergunningstraject "
                                "toestaan."},
                "recommendation": "shortlist",
                "feedback": (
                    "Uitvoerbaar zonder dat de straat open moet, en de bomen in bakken kunnen later verhuizen. Maak "
                    "wel afspraken over het onderhoud na week twintig: daar gaat het bij tijdelijk groen vaak mis."
                ),
            },
            {
                "evaluator": "uitvoering@panel.demo", "startup": "regenwinst", "scores": [4, 3, 3, 4, 4],
                "recommendation": "maybe",
                "feedback": (
                    "Praktisch en dicht bij de bewoners. Twintig tonnen in kleine corporatietuinen vraagt wel om "
                    "toestemming vooraf, en om een afspraak over wie ze in de winter leegmaakt."
                ),
            },
            {
                # still working on it: a draft, so the panel has one review outstanding
                "evaluator": "uitvoering@panel.demo", "startup": "sponge-city-labs", "scores": [3, 2, None, None, None],
                "recommendation": None, "feedback": "", "submit": False,
            },
        ],
        "decisions": [
            {
                "startup": "groenblauw-ontwerp", "outcome": "shortlisted", "pitch_days": 30,
                "motivation": (
                    "Hoogste gemiddelde score en alle drie de beoordelaars adviseren de shortlist. In de pitch "
                    "bespreken we het onderhoud na de pilot."
                ),
                "pitch_note": "Neem een voorstel mee voor het onderhoud van de beplanting na week twintig.",
            },
        ],
    },
    "laadpalen-eerlijk-verdelen": {
        "invited_by": "innovatie@eindhoven.demo",
        "members": ["beleid@panel.demo", "informatievoorziening@panel.demo", "uitvoering@panel.demo",
                    "extern@panel.demo"],
        "blind_review": False,
        "panel_sees_scores": False,
        "reviews_due_days": 14,
        "read_by": "innovatie@eindhoven.demo",
        "conflicts": [
            {"evaluator": "extern@panel.demo", "startup": "kerbside-labs", "kind": "former_employer",
             "note": "Tot vorig voorjaar adviseerde ik Kerbside Labs over hun laadmodel."},
        ],
        "reviews": [
            {
                "evaluator": "extern@panel.demo", "startup": "parkeerlicht", "scores": [2, 3, 2, 3, 1],
                "comments": {4: "Voor dit bedrag krijg je een meting van vandaag; voor hetzelfde geld koop je een "
                                "plan voor drie jaar."},
                "recommendation": "no",
                "feedback": (
                    "Het plaatsen van de sensoren is solide uitgewerkt, maar de vraag ging over vooruitkijken. Een "
                    "combinatie met een prognose van de laadvraag had het voorstel sterker gemaakt."
                ),
            },
            {
                "evaluator": "beleid@panel.demo", "startup": "kerbside-labs", "scores": [5, 4, 4, 4, 4],
                "comments": {0: "Kijkt vooruit en maakt de verdeling over de wijken uitlegbaar aan de raad: precies "
                                "de vraag."},
                "recommendation": "shortlist",
                "feedback": (
                    "Overtuigend: het voorstel verbindt vraag, netcapaciteit en ruimte in de straat, en toetst de "
                    "voorspelling aan echte aanvragen. Dat er per wijk een bewonersavond in het plan zit, maakt het "
                    "bestuurlijk bruikbaar."
                ),
            },
            {
                "evaluator": "beleid@panel.demo", "startup": "parkeerlicht", "scores": [3, 3, 2, 4, 2],
                "recommendation": "no",
                "feedback": (
                    "Inzicht in het gebruik van de bestaande palen is nuttig, maar het helpt ons niet bij de vraag "
                    "waar de komende jaren nieuwe palen moeten komen. De prijs ligt bovendien boven het budget."
                ),
            },
            {
                "evaluator": "informatievoorziening@panel.demo", "startup": "kerbside-labs",
                "scores": [4, 4, 5, 3, 4],
                "comments": {2: "Een open-source model, getoetst op onze eigen aanvragen: dat hebben we nog nergens."},
                "recommendation": "shortlist",
                "feedback": (
                    "Goed dat het model als open-source notebook wordt opgeleverd. Let op de RDW-cijfers per "
                    "postcode: in kleine postcodegebieden zijn de aantallen laag en dus grillig."
                ),
            },
            {
                "evaluator": "informatievoorziening@panel.demo", "startup": "parkeerlicht",
                "scores": [3, 4, 2, 4, 3], "recommendation": "maybe",
                "feedback": (
                    "Bewezen techniek en een open API, dat waarderen we. De sensoren meten bezetting maar geen "
                    "laadgedrag; daarvoor moeten de gegevens van de exploitant er alsnog naast."
                ),
            },
            {
                "evaluator": "uitvoering@panel.demo", "startup": "kerbside-labs", "scores": [4, 3, 4, 4, 3],
                "recommendation": "shortlist",
                "feedback": (
                    "Bruikbaar voor het team dat nu elke aanvraag los beoordeelt. Zorg dat de kaartviewer ook werkt "
                    "voor collega's zonder datakennis, en plan tijd in voor de overdracht."
                ),
            },
            {
                "evaluator": "uitvoering@panel.demo", "startup": "parkeerlicht", "scores": [2, 4, 2, 3, 2],
                "recommendation": "no",
                "feedback": (
                    "Sensoren in 150 vakken leggen is goed te doen, maar het levert vooral een rapport over vandaag "
                    "op. Wij zoeken iets dat helpt bij de keuzes voor de komende drie jaar."
                ),
            },
        ],
        "decisions": [
            {
                "startup": "kerbside-labs", "outcome": "awarded",
                "motivation": (
                    "Hoogste score op impact en innovatie; het enige voorstel dat vooruit plant op basis van vraag, "
                    "netcapaciteit en ruimte. Gegund voor een pilot van zestien weken in drie wijken."
                ),
            },
            {
                "startup": "parkeerlicht", "outcome": "rejected",
                "motivation": (
                    "Het voorstel meet vooral het huidige gebruik van laadpalen en sluit daardoor minder aan op de "
                    "vraag naar een vooruitkijkende verdeling. De prijs ligt boven het budget."
                ),
            },
        ],
        "release": {"share_criterion_averages": True, "share_feedback_texts": True},
    },
    "rainwater-private-gardens": {
        # closed five days ago: the panel has accepted, but nobody has started reading yet
        "invited_by": "innovatie@groningen.demo",
        "members": ["inkoop@panel.demo", "extern@panel.demo", "bewoner@panel.demo"],
        "blind_review": True,
        "panel_sees_scores": False,
        "reviews_due_days": 16,
        "read_by": "innovatie@groningen.demo",
        "read": ["regenwinst", "groenblauw-ontwerp"],  # the officer has not opened Sponge City Labs yet
        "declared": [],
        "reviews": [],
    },
}

# Panel invitations that are still open (the evaluator's dashboard shows them).
PENDING_PANEL_INVITATIONS = [
    {"challenge": "zwerfafval-parken-water", "evaluator": "bewoner@panel.demo", "invited_by": "innovatie@groningen.demo"},
]
