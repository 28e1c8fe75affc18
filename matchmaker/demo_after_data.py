"""Demo content after the award: challenges decided months ago, their pilots in every state, lessons,
an adoption, public KPIs, and (with the collaboration services) a co-owned challenge and a round.

Everything here is fictional, like `demo_data.py`. Past challenges have the same shape as
`demo_data.CHALLENGES` (they are played by the same loader); their proposals and panels likewise.
Moments are days relative to the day the demo is loaded (negative: in the past)."""

from __future__ import annotations

# ---------------------------------------------------------------------------
# Two more municipalities in the north: co-owners and round partners of Groningen
# ---------------------------------------------------------------------------

MUNICIPALITIES = [
    {
        "key": "leeuwarden",
        "name": "Gemeente Leeuwarden",
        "region": "Friesland",
        "website": "https://www.leeuwarden.nl",
        "description": (
            "Leeuwarden is de hoofdstad van Fryslân en werkt met dorpen, stad en buurgemeenten aan een "
            "leefbaar platteland en een stad waar jongeren willen blijven. We kopen liever een goed experiment "
            "dan een dik rapport."
        ),
        "verified": True,
    },
    {
        "key": "assen",
        "name": "Gemeente Assen",
        "region": "Drenthe",
        "website": "https://www.assen.nl",
        "description": (
            "Assen is een groene stad in het hart van Drenthe. Samen met Groningen en Leeuwarden doen we mee aan "
            "Startup in Residence Noord-Nederland, omdat een gemeente van onze omvang innovatie niet alleen hoeft "
            "te organiseren."
        ),
        "verified": True,
    },
]

OFFICERS = [
    {"email": "innovatie@leeuwarden.demo", "name": "Wytske de Boer", "municipality": "leeuwarden",
     "role": "owner", "locale": "nl"},
    {"email": "inkoop@assen.demo", "name": "Hendrik Lubbers", "municipality": "assen", "role": "owner",
     "locale": "nl"},
]

# ---------------------------------------------------------------------------
# Challenges decided months ago (spread over six quarters, so the KPI trends have something to show)
# ---------------------------------------------------------------------------

CHALLENGES = [
    {
        "key": "brood-naar-de-wijk",
        "published_for_days": 42,
        "municipality": "eindhoven",
        "language": "nl",
        "title": "Overgebleven brood en maaltijden naar de wijk",
        "summary": (
            "Bakkerijen en supermarkten in Eindhoven gooien elke avond brood en maaltijden weg, terwijl "
            "wijkrestaurants en de voedselbank tekorten hebben. We zoeken een manier om dat overschot dezelfde "
            "avond nog bij mensen te krijgen."
        ),
        "problem": (
            "Volgens de eigen telling van de bakkers gaat in Eindhoven wekelijks naar schatting 2.500 kilo brood "
            "en banket de container in. De vier wijkrestaurants in Woensel-Noord en Tongelre draaien op "
            "vrijwilligers en schenkingen, en de voedselbank krijgt vooral houdbare producten binnen.\n\n"
            "Het ophalen van vers overschot lukt nu alleen waar een vrijwilliger toevallig een auto heeft en de "
            "bakker kent. Afspraken lopen via WhatsApp-groepen die stilvallen zodra iemand stopt."
        ),
        "desired_outcome": (
            "Binnen zestien weken een werkende route van bakker naar bord in minstens twee wijken, met cijfers "
            "over hoeveel kilo er wordt gered en wat de wijkrestaurants ervan vinden. Als het werkt, willen we "
            "het stadsbreed inkopen."
        ),
        "affected": "Bezoekers van wijkrestaurants en de voedselbank, bakkers en supermarkten, vrijwilligers.",
        "department": "Sociaal Domein – Bestaanszekerheid",
        "themes": ["food", "waste", "care"],
        "keywords": ["voedselverspilling", "wijkrestaurant", "voedselbank", "brood", "circulair"],
        "budget_min_eur": 20000,
        "budget_max_eur": 40000,
        "pilot_weeks": 16,
        "state": "decided",
        "days_to_deadline": -520,
        "questions": [
            {"text": "Mag het overschot ook naar studentenhuizen, of alleen naar wijkrestaurants en de voedselbank?",
             "answer": "Wijkrestaurants en de voedselbank gaan voor, maar wat daar niet op kan, mag verder."},
        ],
    },
    {
        "key": "broken-pavement-early",
        "published_for_days": 30,
        "municipality": "utrecht",
        "language": "en",
        "title": "Spotting broken pavement before someone trips",
        "summary": (
            "Utrecht receives around 4,000 reports a year about loose tiles and broken kerbs, usually after "
            "someone has tripped. We want to find damaged pavement earlier, with the vehicles that already drive "
            "every street, and repair it before it becomes a claim."
        ),
        "problem": (
            "Our inspectors walk each street once every two years. In between we depend on residents' reports, "
            "which arrive late and cluster in neighbourhoods where people know how to file them. Older residents "
            "and wheelchair users in Overvecht and Kanaleneiland report little, but fall often.\n\n"
            "Last year the city paid out 41 trip-and-fall claims. Each one started with a defect that had been "
            "visible for weeks."
        ),
        "desired_outcome": (
            "A sixteen-week pilot in two districts showing whether automated detection finds defects earlier "
            "than reports do, and whether our maintenance contractor can act on what is found."
        ),
        "affected": "Pedestrians, especially older residents and wheelchair users; street maintenance crews.",
        "department": "Stadsbeheer – Wegen en Kunstwerken",
        "themes": ["public_space", "safety", "digital"],
        "keywords": ["pavement", "image recognition", "maintenance", "accessibility", "trip hazards"],
        "budget_min_eur": 25000,
        "budget_max_eur": 45000,
        "pilot_weeks": 16,
        "state": "decided",
        "days_to_deadline": -430,
        "questions": [
            {"text": "May cameras record faces and licence plates if they are blurred on the device?",
             "answer": "Yes, provided nothing unblurred leaves the vehicle. Our privacy officer will review the "
                       "set-up before the pilot starts."},
        ],
    },
    {
        "key": "wachten-aan-de-balie",
        "published_for_days": 28,
        "municipality": "groningen",
        "language": "nl",
        "title": "Minder wachten aan de balie van het Stadsloket",
        "summary": (
            "Bij het Stadsloket wachten inwoners soms een uur voor een vraag die in twee minuten beantwoord is: "
            "hoe staat mijn aanvraag ervoor? We zoeken een manier om die vraag te beantwoorden voordat iemand de "
            "deur door komt."
        ),
        "problem": (
            "Een derde van de bezoekers aan de balie komt voor de status van een lopende aanvraag: een "
            "parkeervergunning, een bijzondere bijstand, een paspoort dat niet klaarligt. Het zaaksysteem weet "
            "het antwoord, maar de inwoner niet.\n\n"
            "Op maandagochtend loopt de wachttijd op tot 55 minuten. Medewerkers zijn dan vooral bezig met vragen "
            "die geen baliewerk zijn."
        ),
        "desired_outcome": (
            "Inwoners zien zelf, in begrijpelijke taal, waar hun aanvraag staat. Minder statusvragen aan de balie "
            "en aan de telefoon, en een kortere wachttijd op drukke ochtenden."
        ),
        "affected": "Inwoners met een lopende aanvraag, baliemedewerkers, het Klant Contact Centrum.",
        "department": "Publiekszaken",
        "themes": ["digital"],
        "keywords": ["statusinformatie", "zaaksysteem", "wachttijd", "dienstverlening", "balie"],
        "budget_min_eur": 20000,
        "budget_max_eur": 40000,
        "pilot_weeks": 12,
        "state": "decided",
        "days_to_deadline": -330,
    },
    {
        "key": "bakfietsen-delen-ondernemers",
        "published_for_days": 35,
        "municipality": "utrecht",
        "language": "nl",
        "title": "Bakfietsen delen voor ondernemers in de binnenstad",
        "summary": (
            "Kleine ondernemers in de binnenstad rijden voor elke levering met een bestelbus door de "
            "zero-emissiezone. Een eigen elektrische bakfiets is voor de meesten te duur. Kan delen helpen?"
        ),
        "problem": (
            "Sinds de zero-emissiezone voor bestelverkeer geldt, zoeken bloemisten, kleine cateraars en "
            "reparateurs een alternatief voor de oude bestelbus. Een elektrische bakfiets kost al snel € 8.000 en "
            "staat het grootste deel van de week stil. Een stalplek in de binnenstad is schaars."
        ),
        "desired_outcome": (
            "Een deelsysteem voor elektrische bakfietsen dat door ten minste twintig ondernemers regelmatig wordt "
            "gebruikt, met een meetbare afname van bestelritten in de binnenstad."
        ),
        "affected": "Ondernemers in de binnenstad, bewoners en bezoekers (minder busjes op de werven).",
        "department": "Economische Zaken en Mobiliteit",
        "themes": ["mobility", "economy"],
        "keywords": ["bakfiets", "deelmobiliteit", "zero-emissiezone", "stadslogistiek", "ondernemers"],
        "budget_min_eur": 20000,
        "budget_max_eur": 40000,
        "pilot_weeks": 16,
        "state": "decided",
        "days_to_deadline": -300,
    },
    {
        "key": "de-escalatie-oefenen-boas",
        "published_for_days": 49,
        "municipality": "eindhoven",
        "language": "nl",
        "title": "De-escalatie oefenen voor boa's",
        "summary": (
            "Onze handhavers krijgen vaker te maken met agressie op straat. Rollenspellen in een zaaltje helpen "
            "maar beperkt. We zoeken een manier om lastige situaties realistisch en vaak te oefenen, ook in de "
            "avond- en nachtdienst."
        ),
        "problem": (
            "Het aantal meldingen van verbale agressie tegen boa's in Eindhoven steeg in twee jaar met 40%. De "
            "jaarlijkse training van één dag met een acteur is goed, maar te weinig om gedrag echt te veranderen, "
            "en nachtdienstmedewerkers missen hem vaak."
        ),
        "desired_outcome": (
            "Een oefenvorm die boa's in korte sessies, op een moment dat hen past, kunnen herhalen, met inzicht in "
            "wat ze leren en een daling van incidenten die uit de hand lopen."
        ),
        "affected": "Boa's en hun teamleiders, en inwoners die met handhaving te maken krijgen.",
        "department": "Toezicht en Handhaving",
        "themes": ["safety", "education"],
        "keywords": ["de-escalatie", "virtual reality", "training", "handhaving", "agressie"],
        "budget_min_eur": 30000,
        "budget_max_eur": 55000,
        "pilot_weeks": 16,
        "state": "decided",
        "days_to_deadline": -250,
    },
    {
        "key": "energiecoaches-meer-bereik",
        "published_for_days": 33,
        "municipality": "groningen",
        "language": "nl",
        "title": "Energiecoaches die meer huishoudens bereiken",
        "summary": (
            "Groningen heeft tachtig vrijwillige energiecoaches, maar ze komen vooral bij mensen die zelf bellen. "
            "De huishoudens met de hoogste energierekening en de koudste woning bereiken we nauwelijks."
        ),
        "problem": (
            "In Selwerd, De Hoogte en Beijum wonen veel huishoudens in slecht geïsoleerde huurwoningen. Zij "
            "vragen zelden een energiecoach aan: uit schaamte, omdat ze de brief niet lezen, of omdat ze niet "
            "weten dat het gratis is. Onze coaches zitten ondertussen op de bank te wachten op een aanvraag."
        ),
        "desired_outcome": (
            "Meer keukentafelgesprekken in de drie wijken, vooral bij huishoudens die we nu niet zien, en "
            "aantoonbaar lagere energiekosten bij wie een coach kreeg."
        ),
        "affected": "Huishoudens met energiearmoede, vrijwillige energiecoaches, wijkteams, corporaties.",
        "department": "Wijkaanpak en Energietransitie",
        "themes": ["energy", "care"],
        "keywords": ["energiearmoede", "energiecoach", "huurwoningen", "isolatie", "wijkaanpak"],
        "budget_min_eur": 30000,
        "budget_max_eur": 50000,
        "pilot_weeks": 16,
        "state": "decided",
        "days_to_deadline": -135,
        "questions": [
            {"text": "Mogen we samenwerken met de woningcorporaties om huishoudens te benaderen?",
             "answer": "Graag zelfs. Lefier en Nijestee doen mee en kunnen brieven meesturen met hun eigen post."},
        ],
    },
]

PROPOSALS = {
    "brood-naar-de-wijk": {
        "restbrood": {
            "state": "submitted", "price_eur": 37650, "duration_weeks": 16,
            "summary": (
                "Bakkers melden om vijf uur in onze app wat er over is; een vaste vrijwilliger per wijk haalt het "
                "met een elektrische bakfiets op en brengt het naar het wijkrestaurant of de voedselbank. Wat "
                "overblijft gaat naar de brouwerij."
            ),
            "understanding": "Het probleem is geen gebrek aan brood, maar aan een vaste, saaie, betrouwbare route.",
            "solution": (
                "Twee wijken, twaalf bakkerijen om te beginnen. Elke avond een vaste ophaalronde, met een "
                "reserveroute als een vrijwilliger uitvalt. De app rekent per bakker uit hoeveel kilo er is gered."
            ),
            "team": "Fleur Kramer (oprichter), twee coördinatoren en een netwerk van 40 vrijwilligers.",
        },
        "stille-vracht": {
            "state": "submitted", "price_eur": 44900, "duration_weeks": 14,
            "summary": (
                "Onze vrachtfietsen rijden 's avonds toch al leeg terug naar de hub. We nemen het overschot van "
                "bakkers mee en leveren het de volgende ochtend af bij de wijkrestaurants."
            ),
            "understanding": "Vers overschot moet snel weg; een vaste logistieke partij maakt het voorspelbaar.",
            "solution": "Een extra stop op bestaande avondroutes, koeling in de hub, levering voor negen uur.",
            "team": "Lotte Verhoeven en het planningsteam van Stille Vracht.",
            "price_justification": "Boven het budget door de gekoelde opslag in de hub; die kost € 4.900 en "
                                   "blijft na de pilot beschikbaar voor de wijkrestaurants.",
        },
    },
    "broken-pavement-early": {
        "streetlens": {
            "state": "submitted", "price_eur": 41800, "duration_weeks": 16,
            "summary": (
                "We fit our edge cameras to six street sweepers that cover Overvecht and Kanaleneiland every week. "
                "The software flags loose tiles, raised kerbs and potholes, blurs people on the device, and sends "
                "each defect with a photo and location to your maintenance system."
            ),
            "understanding": "Inspections are too rare and reports are unequal; vehicles that already pass daily "
                             "can close both gaps.",
            "solution": "Six cameras, a two-week calibration with your inspectors, then weekly defect lists and a "
                        "comparison with residents' reports in the same streets.",
            "team": "Arjun Mehta (CEO), two computer-vision engineers and a former road inspector from Rotterdam.",
        },
        "stadsgesprek-lab": {
            "state": "submitted", "price_eur": 23400, "duration_weeks": 12,
            "summary": (
                "We walk through the neighbourhood with small groups of older residents and wheelchair users, and "
                "they record every trip hazard in a simple app. That brings in reports from the people who report "
                "nothing today."
            ),
            "understanding": "The people who fall are the ones who do not report; start with them.",
            "solution": "Twelve neighbourhood walks with older people's associations and the district team, ending in "
                        "a map of every hazard.",
            "team": "Mirjam Postma and two community organisers of Stadsgesprek Lab.",
            "price_justification": "Below the budget range because we use no hardware: the walks, the app "
                                   "licence and the final map are all it takes.",
        },
    },
    "wachten-aan-de-balie": {
        "statusly": {
            "state": "submitted", "price_eur": 27500, "duration_weeks": 10,
            "summary": (
                "Statusly leest de gebeurtenissen uit jullie zaaksysteem en stuurt inwoners bij elke stap een sms "
                "of e-mail met een link naar een statuspagina, zoals bij een pakketje."
            ),
            "understanding": "Statusvragen verdwijnen pas als de inwoner het antwoord krijgt voordat hij het vraagt.",
            "solution": "Koppeling met het zaaksysteem via de ZGW-API's, teksten op B1-niveau, drie producten eerst.",
            "team": "Emily Carter en een ontwikkelaar met ervaring bij twee andere gemeenten.",
        },
        "formulierfabriek": {
            "state": "submitted", "price_eur": 39000, "duration_weeks": 12,
            "summary": (
                "Wij bouwen een statuspagina in Mijn Groningen voor parkeervergunningen en bijzondere bijstand, "
                "met per stap wat er gebeurt en hoe lang het nog duurt."
            ),
            "understanding": "Inwoners willen niet alleen weten waar hun aanvraag staat, maar ook wanneer het klaar is.",
            "solution": "Een verwachte doorlooptijd per stap, berekend uit afgeronde zaken van het afgelopen jaar.",
            "team": "Koen Schouten en het implementatieteam van Formulierfabriek.",
        },
    },
    "bakfietsen-delen-ondernemers": {
        "stille-vracht": {
            "state": "submitted", "price_eur": 33750, "duration_weeks": 16,
            "summary": (
                "Tien elektrische bakfietsen op drie plekken in de binnenstad, te reserveren per uur via een app. "
                "Onderhoud, verzekering en accuwissel doen wij; ondernemers betalen na de pilot een vast bedrag "
                "per maand."
            ),
            "understanding": "Ondernemers willen geen fiets bezitten, ze willen er een als het nodig is.",
            "solution": "Drie hubs bij parkeergarages, een proefmaand gratis, daarna een abonnement.",
            "team": "Lotte Verhoeven, een fleetmanager en twee monteurs.",
        },
        "buurtrijders": {
            "state": "submitted", "price_eur": 29900, "duration_weeks": 16,
            "summary": (
                "We zetten een ondernemersambassadeur in per winkelstraat die collega's helpt bij de eerste "
                "ritten met een gedeelde bakfiets."
            ),
            "understanding": "Gedrag verandert via de buurman, niet via een app.",
            "solution": "Ambassadeurs in vier straten, zes bakfietsen, maandelijkse ondernemersavond.",
            "team": "Sjoerd Hofman en twee ambassadeurs uit het netwerk van Buurtrijders.",
        },
        "hubwerk": {
            "state": "submitted", "price_eur": 47250, "duration_weeks": 20,
            "summary": (
                "Een volledige mobiliteitshub bij de Vredenburg-garage met bakfietsen, pakketkluizen en laadpunten "
                "voor lichte elektrische voertuigen."
            ),
            "understanding": "Eén goede hub is beter dan verspreide losse fietsen.",
            "solution": "Een hub in twintig weken, met een exploitatieplan voor vijf jaar.",
            "team": "Willemijn Bos en het projectteam van Hubwerk.",
            "price_justification": "Boven het budget door de pakketkluizen, die na de pilot kunnen blijven staan.",
        },
    },
    "de-escalatie-oefenen-boas": {
        "vakwerk-vr": {
            "state": "submitted", "price_eur": 52400, "duration_weeks": 16,
            "summary": (
                "Tien korte VR-scenario's, opgenomen in Eindhovense straten met echte acteurs: een weigerachtige "
                "fietser, een ruzie bij een terras, een groep jongeren bij de skatebaan. Boa's oefenen twintig "
                "minuten per keer, op het bureau, ook 's nachts."
            ),
            "understanding": "Oefenen moet vaak en kort kunnen, anders zakt het weg voor de volgende dienst.",
            "solution": "Zes headsets op twee bureaus, scenario's die reageren op toon en afstand, een dashboard "
                        "voor de teamleider.",
            "team": "Niels van den Berg, een scenarioschrijver en een trainer met twintig jaar politie-ervaring.",
        },
        "loudspeaker-studio": {
            "state": "submitted", "price_eur": 31200, "duration_weeks": 12,
            "summary": (
                "Jongeren uit Woensel schrijven en spelen de situaties waar boa's het meest mee worstelen, en "
                "oefenen samen met de handhavers in korte sessies straattheater."
            ),
            "understanding": "Bij veel incidenten zijn jongeren betrokken; hun kijk hoort in de training.",
            "solution": "Acht sessies met jongerenwerkers, boa's en jonge acteurs, gefilmd om later terug te kijken.",
            "team": "Adaeze Okafor en twee jongerenwerkers uit Woensel.",
        },
    },
    "energiecoaches-meer-bereik": {
        "warmtemaatje": {
            "state": "submitted", "price_eur": 44200, "duration_weeks": 20,
            "summary": (
                "We gaan niet wachten op aanvragen: onze coaches uit de wijk bellen aan, samen met de "
                "huismeester van de corporatie, en nemen radiatorfolie en tochtstrips meteen mee."
            ),
            "understanding": "Wie het hardst een coach nodig heeft, vraagt er het minst om.",
            "solution": "Zes nieuwe coaches uit Selwerd, De Hoogte en Beijum; aanbellen per portiek; "
                        "terugkomgesprek na acht weken met de meterstanden.",
            "team": "Esther Dijkstra, een coördinator en zes coaches in opleiding.",
        },
        "kilowise": {
            "state": "submitted", "price_eur": 35800, "duration_weeks": 16,
            "summary": (
                "Wij brengen energiearmoede per bouwblok in kaart uit energielabels en geaggregeerde meterdata, "
                "zodat jullie coaches aanbellen waar de nood het hoogst is."
            ),
            "understanding": "Coaches zijn schaars; stuur ze naar de bouwblokken met de grootste nood.",
            "solution": "Een kaart per bouwblok in vier weken, daarna bezoeken binnen en buiten de brandhaarden "
                        "vergelijken.",
            "team": "Katarzyna Nowak en een datawetenschapper.",
        },
    },
}

_PANEL = ["beleid@panel.demo", "uitvoering@panel.demo", "extern@panel.demo"]

PANELS = {
    "brood-naar-de-wijk": {
        "release_days": 16, "invited_by": "innovatie@eindhoven.demo", "members": _PANEL, "blind_review": False,
        "panel_sees_scores": True, "reviews_due_days": 14, "read_by": "innovatie@eindhoven.demo",
        "declared": [], "reviews": [],
        "decisions": [
            {"startup": "restbrood", "outcome": "awarded",
             "motivation": "Een vaste avondroute met vrijwilligers uit de wijk zelf; laagste prijs en de beste "
                           "aansluiting op de wijkrestaurants."},
            {"startup": "stille-vracht", "outcome": "rejected",
             "motivation": "Logistiek sterk, maar levering de volgende ochtend is te laat voor verse maaltijden."},
        ],
        "release": {"share_criterion_averages": True, "share_feedback_texts": True},
    },
    "broken-pavement-early": {
        "release_days": 9, "invited_by": "innovatie@utrecht.demo", "members": _PANEL, "blind_review": False,
        "panel_sees_scores": False, "reviews_due_days": 14, "read_by": "innovatie@utrecht.demo",
        "declared": [], "reviews": [],
        "decisions": [
            {"startup": "streetlens", "outcome": "awarded",
             "motivation": "Covers two districts every week with vehicles we already run; the comparison with "
                           "residents' reports makes the result measurable."},
            {"startup": "stadsgesprek-lab", "outcome": "rejected",
             "motivation": "Valuable for reaching residents who do not report, but it does not find defects "
                           "earlier than our own inspections."},
        ],
        "release": {"share_criterion_averages": True, "share_feedback_texts": True},
    },
    "wachten-aan-de-balie": {
        "release_days": 21, "invited_by": "innovatie@groningen.demo", "members": _PANEL, "blind_review": True,
        "panel_sees_scores": False, "reviews_due_days": 14, "read_by": "innovatie@groningen.demo",
        "declared": [], "reviews": [],
        "decisions": [
            {"startup": "statusly", "outcome": "rejected",
             "motivation": "De koppeling met ons zaaksysteem kan pas na de vervanging in 2027; binnen de pilot "
                           "zou er niets voor inwoners zichtbaar worden."},
            {"startup": "formulierfabriek", "outcome": "rejected",
             "motivation": "Sterk voorstel, maar ook hier is de koppeling met het huidige zaaksysteem niet "
                           "haalbaar binnen twaalf weken en het budget."},
        ],
        "release": {"no_award_reason": (
            "Geen gunning: beide voorstellen vragen een koppeling met ons zaaksysteem die pas na de vervanging "
            "in 2027 mogelijk is. We schrijven de uitdaging dan opnieuw uit."),
            "share_criterion_averages": False, "share_feedback_texts": True},
    },
    "bakfietsen-delen-ondernemers": {
        "release_days": 12, "invited_by": "inkoop@utrecht.demo", "members": _PANEL, "blind_review": False,
        "panel_sees_scores": True, "reviews_due_days": 10, "read_by": "inkoop@utrecht.demo",
        "declared": [], "reviews": [],
        "decisions": [
            {"startup": "stille-vracht", "outcome": "awarded",
             "motivation": "Complete dienst inclusief onderhoud en accuwissel, binnen budget, met een realistisch "
                           "abonnementsmodel na de pilot."},
            {"startup": "buurtrijders", "outcome": "rejected",
             "motivation": "Sympathieke aanpak, maar zes fietsen zonder onderhoudsdienst is te kwetsbaar."},
            {"startup": "hubwerk", "outcome": "rejected",
             "motivation": "Boven budget en een vaste hub bij één garage bedient maar een deel van de binnenstad."},
        ],
        "release": {"share_criterion_averages": True, "share_feedback_texts": False},
    },
    "de-escalatie-oefenen-boas": {
        "release_days": 10, "invited_by": "innovatie@eindhoven.demo", "members": _PANEL, "blind_review": False,
        "panel_sees_scores": True, "reviews_due_days": 14, "read_by": "innovatie@eindhoven.demo",
        "declared": [], "reviews": [],
        "decisions": [
            {"startup": "vakwerk-vr", "outcome": "awarded",
             "motivation": "Kort, herhaalbaar oefenen op het bureau, ook in de nachtdienst: precies waar de "
                           "huidige training tekortschiet."},
            {"startup": "loudspeaker-studio", "outcome": "rejected",
             "motivation": "Een mooie invalshoek die we willen onthouden, maar acht sessies zijn niet herhaalbaar "
                           "voor tachtig boa's in ploegendienst."},
        ],
        "release": {"share_criterion_averages": True, "share_feedback_texts": True},
    },
    "energiecoaches-meer-bereik": {
        "release_days": 8, "invited_by": "wijkaanpak@groningen.demo", "members": _PANEL, "blind_review": False,
        "panel_sees_scores": True, "reviews_due_days": 14, "read_by": "wijkaanpak@groningen.demo",
        "declared": [], "reviews": [],
        "decisions": [
            {"startup": "warmtemaatje", "outcome": "awarded",
             "motivation": "Coaches uit de wijk die zelf aanbellen, samen met de huismeester: de enige aanpak die "
                           "de huishoudens bereikt die nu niets aanvragen."},
            {"startup": "kilowise", "outcome": "rejected",
             "motivation": "Een goede kaart, maar die hebben we met de corporaties grotendeels al; het knelpunt "
                           "is de voordeur, niet de wijk."},
        ],
        "release": {"share_criterion_averages": True, "share_feedback_texts": True},
    },
}

# ---------------------------------------------------------------------------
# Pilots: what each award started, step by step.
#
# "criteria": (name, target, unit, higher is better); check-in "values" and the gate's "final" follow
# that order (None: not measured this time). Milestones: (title, due day, day done or None).
# ---------------------------------------------------------------------------

PILOTS = [
    {
        # continued to a contract; its lesson is published; Groningen adopted it
        "challenge": "brood-naar-de-wijk", "startup": "restbrood", "officer": "innovatie@eindhoven.demo",
        "plan_day": -501, "start_day": -492, "check_in_every_days": 14,
        "paid_by": "Sociaal Domein (experimentenbudget armoedebeleid)",
        "municipality_contact": "Sanne Verbeek, programmaregisseur innovatie",
        "startup_contact": "Fleur Kramer, oprichter Restbrood",
        "internal_notes": "Bakkerij De Korenaar wil niet met naam in publicaties; in rapportages als 'bakkerij W3'.",
        "goals": (
            "In Woensel-Noord en Tongelre elke avond vers overschot ophalen bij bakkers en supermarkten en "
            "dezelfde avond of de volgende ochtend uitdelen via de wijkrestaurants en de voedselbank. We willen "
            "weten of een vaste route met vrijwilligers uit de wijk betrouwbaar genoeg is om stadsbreed in te kopen."
        ),
        "criteria": [("Brood en banket gered", 600, "kg per week", True),
                     ("Aangesloten bakkerijen en supermarkten", 20, "locaties", True),
                     ("Gasten die het aanbod goed of zeer goed vinden", 75, "%", True)],
        "milestones": [("Twaalf bakkerijen aangesloten in Woensel-Noord", -478, -475),
                       ("Avondroute Tongelre rijdt", -450, -446),
                       ("Tussenevaluatie met de vier wijkrestaurants", -436, -436),
                       ("Demodag en advies over opschalen", -386, -386)],
        "check_ins": [
            {"day": -479, "side": "startup", "light": "amber", "values": [210, 9, None],
             "tried": "Eerste twee weken met zes vrijwilligers en twee bakfietsen langs negen bakkers.",
             "learned": "Bakkers melden hun overschot pas om half zes, niet om vijf uur; dan is de eerste "
                        "vrijwilliger al onderweg. Twee avonden reden we voor niets.",
             "next_change": "De ophaalronde begint om 18.00 uur en de app stuurt bakkers om 17.15 uur een herinnering."},
            {"day": -465, "side": "municipality", "light": "green", "values": [340, 14, 71],
             "tried": "Met de wijkrestaurants afgesproken dat zij 's avonds tot half acht brood aannemen.",
             "learned": "Het restaurant in Tongelre kan veel meer kwijt dan gedacht; dat in Woensel-Noord krijgt "
                        "te veel zoetigheid en te weinig brood.",
             "next_change": "Restbrood verdeelt per soort: banket eerst naar de voedselbank, brood naar de restaurants."},
            {"day": -451, "side": "startup", "light": "green", "values": [480, 17, None],
             "tried": "Twee supermarkten aangesloten en een tweede avondroute in Tongelre.",
             "learned": "Supermarkten hebben ook maaltijden over, maar die mogen we zonder koeling niet vervoeren.",
             "next_change": "We testen twee koelboxen op de bakfiets voor maaltijden van de Jumbo Woenselse Markt."},
            {"day": -437, "side": "municipality", "light": "amber", "values": [520, 19, 78],
             "tried": "Tussenevaluatie met de vier wijkrestaurants en de voedselbank.",
             "learned": "Op de avonden dat een vrijwilliger uitvalt, blijft alles liggen; de reserveroute werkt "
                        "alleen op papier.",
             "next_change": "Restbrood betaalt per route één vaste invalkracht; wij vragen het wijkteam om "
                            "vrijwilligers te werven."},
            {"day": -409, "side": "startup", "light": "green", "values": [690, 27, 81],
             "tried": "Vaste invalkrachten op beide routes en koelboxen voor maaltijden.",
             "learned": "Sinds de invalkrachten is er geen avond meer uitgevallen. Maaltijden zijn het populairst.",
             "next_change": "Voorbereiden van de demodag en een rekenmodel voor de hele stad."},
        ],
        "demo_day": {"day": -386,
                     "attendees": "Wethouder sociaal domein, vier wijkrestaurants, de Voedselbank Eindhoven, "
                                  "negen bakkers, Restbrood en twaalf vrijwilligers.",
                     "report": (
                         "Restbrood liet de route van bakker naar bord zien, met de cijfers van zestien weken: "
                         "gemiddeld 815 kilo per week gered in de laatste vier weken. De wijkrestaurants vroegen "
                         "om uitbreiding naar maaltijden. De wethouder vroeg om een voorstel voor de hele stad.")},
        "spent_eur": 36900,
        "gate": {"day": -381, "move": "continue", "final": [815, 27, 82], "route": "launching_customer",
                 "contract_eur": 96000, "contract_day": -352,
                 "motivation": (
                     "Alle drie de doelen gehaald: 815 kilo per week, 27 locaties en 82% tevreden gasten. Na de "
                     "invalkrachten geen uitval meer. We gaan als launching customer een contract van twee jaar "
                     "aan voor alle zeven stadsdelen.")},
        "lesson": {"day": -370, "publish_day": -362, "language": "nl", "reusable": True,
                   "context": "Eindhoven wilde vers overschot van bakkers en supermarkten dezelfde avond naar "
                              "wijkrestaurants en de voedselbank krijgen, in twee wijken, met vrijwilligers.",
                   "expected": "We dachten dat het knelpunt de bereidheid van bakkers zou zijn om mee te doen.",
                   "happened": "Bakkers deden graag mee. Het echte knelpunt was de betrouwbaarheid van de route: "
                               "elke avond dat een vrijwilliger uitviel, bleef alles liggen. Pas met betaalde "
                               "invalkrachten werd het voorspelbaar.",
                   "differently": "Vanaf dag één een vaste invalkracht per route begroten, en vooraf met de "
                                  "wijkrestaurants afspreken hoeveel brood en hoeveel banket ze kunnen gebruiken.",
                   "advice": "Begin met de ontvangers, niet met de bakkers: wat kunnen zij 's avonds aannemen en "
                             "bewaren? En reken op koeling als je ook maaltijden wilt meenemen."},
    },
    {
        # stopped: the detection worked, the organisation could not act on it
        "challenge": "broken-pavement-early", "startup": "streetlens", "officer": "innovatie@utrecht.demo",
        "plan_day": -415, "start_day": -400, "check_in_every_days": 14,
        "paid_by": "Stadsbeheer, budget groot onderhoud wegen",
        "municipality_contact": "Marloes van der Linden, innovation lead",
        "startup_contact": "Arjun Mehta, CEO Streetlens Analytics",
        "goals": (
            "Find loose tiles, raised kerbs and potholes in Overvecht and Kanaleneiland earlier than residents "
            "report them, and have them repaired within ten working days."
        ),
        "criteria": [("Detections that are real defects (precision)", 90, "%", True),
                     ("Defects repaired within 10 working days", 80, "%", True),
                     ("Trip-and-fall claims in the pilot districts", 4, "claims", False)],
        "milestones": [("Cameras on six street sweepers", -393, -390),
                       ("Calibration with our inspectors finished", -379, -372),
                       ("First weekly defect list in the maintenance system", -372, -365),
                       ("Comparison with residents' reports", -310, -300)],
        "check_ins": [
            {"day": -386, "side": "startup", "light": "green", "values": [64, None, None],
             "tried": "Cameras fitted and running on six sweepers; first 2,300 detections.",
             "learned": "Wet leaves and shadows from parked cars cause most false alarms.",
             "next_change": "We retrain on 800 images labelled together with your inspectors."},
            {"day": -372, "side": "municipality", "light": "amber", "values": [78, 41, 2],
             "tried": "First weekly defect list handed to the maintenance contractor.",
             "learned": "The contractor plans repairs per street once a quarter; single defects do not fit "
                        "their contract.",
             "next_change": "We ask the contractor for a weekly 'small repairs' crew for the pilot districts."},
            {"day": -358, "side": "startup", "light": "amber", "values": [81, 38, None],
             "tried": "Retrained model; defect lists now grouped per street and ranked by risk.",
             "learned": "Precision improves, but most defects on the list are not urgent; the list is long.",
             "next_change": "Only send defects above 3 cm height difference or near care homes and schools."},
            {"day": -330, "side": "municipality", "light": "red", "values": [74, 34, 5],
             "tried": "Temporary small-repairs crew for two weeks.",
             "learned": "The crew could handle about a third of the list; the rest waited for the quarterly "
                        "round. Claims did not drop.",
             "next_change": "Decide at the gate whether detection without a matching repair contract makes sense."},
        ],
        "demo_day": {"day": -296,
                     "attendees": "Stadsbeheer, the maintenance contractor, the claims team, the disability "
                                  "advisory council and Streetlens.",
                     "report": (
                         "Streetlens showed the defect map: many more defects than residents report, especially "
                         "in Overvecht. The contractor explained why their contract cannot absorb weekly single "
                         "repairs. The advisory council asked us to keep the map for the next maintenance plan.")},
        "spent_eur": 41800,
        "gate": {"day": -288, "move": "stop", "final": [71, 34, 6],
                 "motivation": (
                     "We stop. Detection works reasonably (71% precision against a 90% target), but our "
                     "maintenance contract cannot act on weekly lists: only 34% of defects were repaired within "
                     "ten days and claims did not fall. We learned this does not work for us until the new "
                     "maintenance contract in 2028.")},
        "lesson": {"day": -270, "publish_day": -255, "language": "en", "reusable": False,
                   "context": "Utrecht put cameras on street sweepers in two districts to find damaged pavement "
                              "before someone trips.",
                   "expected": "We expected the detection to be the hard part.",
                   "happened": "Detection was good enough to be useful, but our maintenance contractor works in "
                               "quarterly rounds and could not repair single defects every week. The defect list "
                               "grew, claims stayed the same.",
                   "differently": "Talk to the maintenance contractor before the challenge is published, and make "
                                  "a weekly repair crew part of the pilot budget.",
                   "advice": "Check your maintenance contract first. Detection without the capacity to repair "
                             "only gives you a longer list of known risks."},
    },
    {
        # continued to a contract; the lesson is still a draft
        "challenge": "bakfietsen-delen-ondernemers", "startup": "stille-vracht", "officer": "inkoop@utrecht.demo",
        "plan_day": -286, "start_day": -272, "check_in_every_days": 14,
        "paid_by": "Economische Zaken (50%) en Mobiliteit (50%)",
        "municipality_contact": "Jeroen Bakker, inkoopadviseur",
        "startup_contact": "Lotte Verhoeven, directeur Stille Vracht",
        "goals": (
            "Tien elektrische deelbakfietsen op drie plekken in de binnenstad, gebruikt door ten minste twintig "
            "ondernemers, met minder bestelritten met busjes door de zero-emissiezone."
        ),
        "criteria": [("Ondernemers die minstens eens per week rijden", 20, "ondernemers", True),
                     ("Bestelritten met busjes die vervielen", 150, "ritten per week", True),
                     ("Beschikbaarheid bakfietsen bij reservering", 95, "%", True)],
        "milestones": [("Drie stallingen ingericht", -265, -263),
                       ("Gratis proefmaand voor ondernemers", -244, -244),
                       ("Start abonnementen", -216, -214),
                       ("Demodag", -168, -168)],
        "check_ins": [
            {"day": -258, "side": "startup", "light": "amber", "values": [7, 35, 88],
             "tried": "Drie stallingen open: Vredenburg, Mariaplaats en Oudegracht-Tolsteeg.",
             "learned": "De stalling Tolsteeg wordt nauwelijks gebruikt; ondernemers daar hebben zelf ruimte.",
             "next_change": "Vier fietsen van Tolsteeg verhuizen naar de Twijnstraat."},
            {"day": -237, "side": "municipality", "light": "green", "values": [16, 92, 93],
             "tried": "Ondernemersavond met de winkeliersverenigingen van de Twijnstraat en de Voorstraat.",
             "learned": "Bloemisten en cateraars rijden het meest; zij willen een koelvak en een regenhoes.",
             "next_change": "Stille Vracht test twee fietsen met een geïsoleerde bak."},
            {"day": -216, "side": "startup", "light": "green", "values": [23, 131, 96],
             "tried": "Abonnementen gestart: € 89 per maand voor tien uur.",
             "learned": "Vrijwel iedereen uit de proefmaand neemt een abonnement; accuwissel op locatie werkt.",
             "next_change": "Wachtlijst bijhouden voor een vierde stalling."},
            {"day": -188, "side": "municipality", "light": "green", "values": [26, 164, 97],
             "tried": "Tellingen van bestelbusjes op de werven vergeleken met vorig jaar.",
             "learned": "Op dinsdag en donderdag rijden er duidelijk minder busjes; op zaterdag niet.",
             "next_change": "Voorbereiden van de demodag en het besluit over een concessie."},
        ],
        "demo_day": {"day": -168,
                     "attendees": "Wethouders economie en mobiliteit, twee winkeliersverenigingen, achttien "
                                  "ondernemers en Stille Vracht.",
                     "report": (
                         "Ondernemers vertelden zelf hoe ze de bakfiets gebruiken: een bloemist bezorgt nu 40 "
                         "boeketten per dag zonder busje. De wethouders willen doorgaan, maar het college vraagt "
                         "om een open aanbesteding voor een concessie van drie jaar.")},
        "spent_eur": 33100,
        "gate": {"day": -160, "move": "continue", "final": [26, 164, 97], "route": "regular_tender",
                 "contract_eur": 210000, "contract_day": -95,
                 "motivation": (
                     "Alle doelen gehaald, met 26 vaste gebruikers en 164 vervallen bestelritten per week. Omdat "
                     "het om een concessie voor drie jaar gaat, besteden we openbaar aan; Stille Vracht won die "
                     "aanbesteding.")},
        "lesson": {"day": -22, "publish_day": None, "language": "nl", "reusable": True,
                   "context": "Tien deelbakfietsen voor ondernemers in de Utrechtse binnenstad, zestien weken.",
                   "expected": "We verwachtten dat de prijs de drempel zou zijn.",
                   "happened": "De plek van de stalling bleek belangrijker dan de prijs. Eén van de drie "
                               "stallingen werd nauwelijks gebruikt en moest verhuizen.",
                   "differently": "",
                   "advice": ""},
    },
    {
        # extended: the headsets came five weeks late
        "challenge": "de-escalatie-oefenen-boas", "startup": "vakwerk-vr", "officer": "slimmestad@eindhoven.demo",
        "plan_day": -236, "start_day": -222, "check_in_every_days": 21,
        "paid_by": "Toezicht en Handhaving, opleidingsbudget",
        "municipality_contact": "Thijs van Rooij, programma Slimme Stad",
        "startup_contact": "Niels van den Berg, Vakwerk VR",
        "internal_notes": "Twee boa's hebben gevraagd hun scores niet met de teamleider te delen; afgesproken.",
        "goals": (
            "Boa's oefenen in korte VR-sessies met tien herkenbare Eindhovense situaties, ook in de avond- en "
            "nachtdienst. We meten hoeveel boa's de reeks afronden, hoe zeker ze zich voelen en of incidenten "
            "minder vaak uit de hand lopen."
        ),
        "criteria": [("Boa's die alle tien scenario's afrondden", 60, "boa's", True),
                     ("Zelfvertrouwen bij escalatie", 7.5, "cijfer 1-10", True),
                     ("Incidenten met fysiek geweld", 9, "per kwartaal", False)],
        "milestones": [("Scenario's opgenomen in Stratumseind en Woensel", -208, -204),
                       ("Headsets op beide bureaus", -208, -180),
                       ("Tussenmeting zelfvertrouwen", -152, -150),
                       ("Nachtdienstscenario's", -90, -83),
                       ("Demodag", 30, None)],
        "check_ins": [
            {"day": -201, "side": "startup", "light": "red", "values": [0, None, None],
             "tried": "Scenario's opgenomen; de headsets zijn besteld.",
             "learned": "De leverancier levert de headsets vijf weken later. Zonder headsets kan niemand oefenen.",
             "next_change": "We lenen twee headsets van het ROC en beginnen met één team."},
            {"day": -180, "side": "municipality", "light": "amber", "values": [8, 6.1, 12],
             "tried": "Eerste team oefent met geleende headsets.",
             "learned": "Twintig minuten is goed; langer geeft bij sommigen misselijkheid.",
             "next_change": "Sessies van maximaal vijftien minuten, met een nabespreking van vijf."},
            {"day": -159, "side": "startup", "light": "green", "values": [23, 6.8, None],
             "tried": "Alle zes headsets binnen, twee bureaus draaien.",
             "learned": "Boa's willen vooral oefenen met de situaties van de nachtdienst: uitgaanspubliek.",
             "next_change": "Twee extra scenario's rond sluitingstijd van de horeca."},
            {"day": -130, "side": "municipality", "light": "amber", "values": [34, 7.0, 10],
             "tried": "Tussenmeting zelfvertrouwen en gesprek met de teamleiders.",
             "learned": "Door de late start haalt de helft van de boa's de reeks niet binnen zestien weken.",
             "next_change": "Verlengen tot na de zomer, zodat ook de nachtdienst de hele reeks kan doen."},
            {"day": -96, "side": "startup", "light": "green", "values": [47, 7.3, None],
             "tried": "Nachtdienstscenario's in gebruik.",
             "learned": "De nachtdienst oefent het vaakst: tussen twee en vier uur is het rustig op het bureau.",
             "next_change": "Het dashboard voor teamleiders laat per team zien wie nog niet klaar is."},
            {"day": -33, "side": "municipality", "light": "green", "values": [58, 7.6, 7],
             "tried": "Teamleiders sporen boa's aan die nog scenario's missen.",
             "learned": "Het zelfvertrouwen haalt het doel; het aantal incidenten daalt, maar de periode is kort.",
             "next_change": "Demodag voorbereiden en het derde kwartaal afwachten voor de incidentcijfers."},
        ],
        "extend": {"day": -118, "until_day": 45,
                   "motivation": (
                       "De headsets kwamen vijf weken te laat, waardoor de helft van de boa's de reeks nog niet "
                       "kon afronden. We verlengen zodat ook de nachtdienst alle scenario's kan doen en we een "
                       "heel kwartaal incidentcijfers hebben.")},
        "spent_eur": 44300,
    },
    {
        # running: twenty weeks, the end in sight
        "challenge": "energiecoaches-meer-bereik", "startup": "warmtemaatje", "officer": "wijkaanpak@groningen.demo",
        "plan_day": -121, "start_day": -106, "check_in_every_days": 14,
        "paid_by": "Gemeente Groningen (Nationaal Isolatieprogramma) en Lefier",
        "municipality_contact": "Rutger Bosma, wijkaanpak",
        "startup_contact": "Esther Dijkstra, Warmtemaatje",
        "goals": (
            "Zes nieuwe energiecoaches uit Selwerd, De Hoogte en Beijum bellen zelf aan, samen met de huismeester. "
            "We willen meer keukentafelgesprekken bij huishoudens die nooit een coach aanvroegen, en een lagere "
            "energierekening na acht weken."
        ),
        "criteria": [("Keukentafelgesprekken", 300, "huishoudens", True),
                     ("Gesprekken bij wie nooit zelf een coach aanvroeg", 60, "%", True),
                     ("Besparing na acht weken", 15, "euro per maand", True),
                     ("Huishoudens die een tweede gesprek willen", 40, "%", True)],
        "milestones": [("Zes coaches opgeleid", -99, -97),
                       ("Aanbellen in Selwerd", -92, -92),
                       ("Aanbellen in De Hoogte en Beijum", -64, -61),
                       ("Terugkomgesprekken na acht weken", -36, -30),
                       ("Demodag in het wijkcentrum", 20, None)],
        "check_ins": [
            {"day": -93, "side": "startup", "light": "amber", "values": [22, 77, None, None],
             "tried": "Eerste week aanbellen in Selwerd, met de huismeester van Lefier.",
             "learned": "Overdag doet bijna niemand open; tussen vijf en zeven uur 's avonds wel.",
             "next_change": "De coaches bellen alleen nog aan tussen 16.30 en 19.00 uur."},
            {"day": -79, "side": "municipality", "light": "green", "values": [71, 72, None, 35],
             "tried": "Folders in vijf talen laten meesturen met de post van Lefier.",
             "learned": "De folder in het Arabisch en Tigrinya leverde vier keer zoveel afspraken op als verwacht.",
             "next_change": "Nijestee stuurt de folder mee in De Hoogte."},
            {"day": -58, "side": "startup", "light": "green", "values": [139, 68, 11, 41],
             "tried": "Aanbellen in De Hoogte en Beijum.",
             "learned": "In Beijum zijn veel woningen al geïsoleerd; de winst zit daar in de instellingen van de cv.",
             "next_change": "Coaches krijgen een korte training in het afstellen van de cv-ketel."},
            {"day": -37, "side": "municipality", "light": "amber", "values": [196, 65, 13, 44],
             "tried": "Eerste terugkomgesprekken met meterstanden.",
             "learned": "Besparing blijft nog onder het doel: veel huishoudens stookten al erg zuinig.",
             "next_change": "Voortaan ook vragen naar kou en vocht in huis, niet alleen naar de rekening."},
            {"day": -9, "side": "startup", "light": "green", "values": [248, 63, 16, 47],
             "tried": "Terugkomgesprekken in alle drie de wijken; twee coaches gaan door als vrijwilliger.",
             "learned": "Mensen die zelf nooit belden, willen vaak wel een tweede gesprek.",
             "next_change": "Laatste weken: aanbellen in de portieken die we nog misten, en de demodag voorbereiden."},
        ],
    },
]

# The plan of the pilot that the Eindhoven charging-point award started: still being written (no
# startup contact yet), so the pilot stays planned.
PLANNED_PILOT = {
    "challenge": "laadpalen-eerlijk-verdelen", "startup": "kerbside-labs", "officer": "innovatie@eindhoven.demo",
    "plan_day": -24, "start_day": 18, "check_in_every_days": 14,
    "paid_by": "Mobiliteit, laadinfrastructuur 2026-2027",
    "municipality_contact": "Sanne Verbeek, programmaregisseur innovatie",
    "criteria": [("Laadpaalaanvragen waarvoor het model een plek voorstelt", 85, "%", True),
                 ("Afwijking voorspelde en werkelijke laadvraag per wijk", 15, "%", False)],
    "milestones": [("Data van netbeheerder en laadpaalexploitant ontvangen", 25, None),
                   ("Eerste prognose voor drie wijken", 60, None),
                   ("Bewonersavond Woensel-Zuid", 85, None)],
}

# A challenge that ended without award: its lesson, published.
CHALLENGE_LESSONS = [
    {"challenge": "wachten-aan-de-balie", "officer": "innovatie@groningen.demo", "day": -305, "publish_day": -298,
     "language": "nl", "reusable": False,
     "context": "Groningen zocht een manier om inwoners zelf te laten zien waar hun aanvraag staat, zodat er minder "
                "statusvragen aan de balie komen.",
     "expected": "We verwachtten voorstellen voor een statuspagina die binnen twaalf weken live kon.",
     "happened": "Beide voorstellen waren goed, maar hadden een koppeling met ons zaaksysteem nodig. Dat systeem "
                 "wordt in 2027 vervangen en de leverancier bouwt er geen nieuwe koppelingen meer op. We hebben "
                 "niet gegund.",
     "differently": "Eerst met informatievoorziening nagaan welke systemen een startup binnen de pilot kan "
                    "gebruiken, en dat in de uitdaging zetten.",
     "advice": "Schrijf in de uitdaging welke koppelingen er zijn en welke niet. Startups kunnen veel, maar niet "
               "om een systeem heen dat op slot zit."},
]

# Another municipality adopts the continued pilot (a draft challenge linked to it).
ADOPTIONS = [
    {"pilot": "brood-naar-de-wijk", "municipality": "groningen", "officer": "wijkaanpak@groningen.demo",
     "day": -200},
]

# Municipalities that publish their KPI figures.
KPIS_PUBLIC = [
    {"municipality": "eindhoven", "officer": "innovatie@eindhoven.demo", "day": -340},
    {"municipality": "utrecht", "officer": "innovatie@utrecht.demo", "day": -120},
]

# ---------------------------------------------------------------------------
# Working together: a round run by Groningen with three challenges on shared dates; the first is
# co-owned by Leeuwarden and Assen, each with its own rights.
# ---------------------------------------------------------------------------

ROUND = {
    "municipality": "groningen", "officer": "innovatie@groningen.demo", "day": -12,
    "name": "SiR Noord-Nederland 2027-1",
    "description": (
        "Startup in Residence Noord-Nederland: Groningen, Leeuwarden en Assen zoeken samen startups voor "
        "opgaven die in het noorden anders liggen dan in de Randstad: afstanden, dorpen, krimp en groei tegelijk. "
        "Alle uitdagingen van deze ronde hebben dezelfde deadline. Je mag op meer uitdagingen inschrijven, maar "
        "je kunt er maar één winnen."
    ),
}

ROUND_CHALLENGES = [
    {
        "key": "dorpen-bereikbaar-zonder-auto",
        "municipality": "groningen",
        "round": True,
        "co_owners": [
            {"municipality": "leeuwarden", "rights": ["may_answer_questions", "may_manage_panel", "may_decide"]},
            {"municipality": "assen", "rights": ["may_answer_questions"]},
        ],
        "language": "nl",
        "title": "Dorpen bereikbaar zonder eigen auto",
        "summary": (
            "In de dorpen rond Groningen, Leeuwarden en Assen rijdt de bus steeds minder vaak. Wie geen auto "
            "heeft, komt moeilijk bij de huisarts, het werk of de mbo-school. Drie gemeenten zoeken samen naar "
            "vervoer dat past bij een dorp."
        ),
        "problem": (
            "Sinds de laatste dienstregeling rijden in veel dorpen nog maar twee bussen per dag, en in het weekend "
            "geen. Ouderen zijn afhankelijk van kinderen of buren, jongeren van ouders met een auto. De regiotaxi "
            "moet een dag vooraf worden gebeld en is voor veel mensen te duur.\n\n"
            "Tegelijk rijden er elke dag busjes van zorginstellingen, scholen en sportclubs half leeg door dezelfde "
            "dorpen."
        ),
        "desired_outcome": (
            "Een vervoersvorm die in drie dorpen (één per gemeente) in zestien weken wordt getest, met inwoners, "
            "vrijwilligers en de vervoerders die er al rijden. We willen weten hoeveel ritten er worden gemaakt, "
            "door wie, en wat het per rit kost."
        ),
        "affected": "Inwoners van kleine kernen zonder auto: ouderen, jongeren, mensen met een beperking.",
        "department": "Mobiliteit en Leefbaarheid (gezamenlijk)",
        "themes": ["mobility", "care"],
        "keywords": ["dorpen", "vervoer op maat", "buurtbus", "krimp", "bereikbaarheid"],
        "budget_min_eur": 45000,
        "budget_max_eur": 90000,
        "pilot_weeks": 16,
        "state": "open",
        "days_to_deadline": 54,
        "questions": [
            {"text": "Moet de oplossing in alle drie de dorpen hetzelfde zijn?",
             "answer": "Nee. Eén aanpak die je per dorp aanpast mag, drie verschillende aanpakken ook. Leeuwarden "
                       "beantwoordt vragen over het Friese dorp."},
        ],
    },
    {
        "key": "lege-winkelpanden-benutten",
        "municipality": "groningen",
        "round": True,
        "language": "nl",
        "title": "Lege winkelpanden tijdelijk benutten",
        "summary": (
            "In de aanloopstraten van Groningen staan tientallen winkelpanden leeg. Leegstand trekt leegstand aan. "
            "We zoeken een manier om panden snel en tijdelijk te vullen met iets waar de straat beter van wordt."
        ),
        "problem": (
            "Eigenaren wachten op een huurder voor de volle prijs en laten panden soms jaren leeg. Makers, "
            "buurtinitiatieven en beginnende ondernemers zoeken juist ruimte voor een paar maanden, maar vinden de "
            "eigenaar niet of schrikken van de voorwaarden."
        ),
        "desired_outcome": (
            "Binnen de pilot ten minste acht panden tijdelijk in gebruik, met een eenvoudige standaardovereenkomst "
            "en meetbare effecten op de passanten in de straat."
        ),
        "affected": "Winkeliers en bewoners van de aanloopstraten, pandeigenaren, starters en initiatieven.",
        "department": "Economie en Binnenstad",
        "themes": ["economy", "public_space"],
        "keywords": ["leegstand", "tijdelijk gebruik", "winkelstraat", "pandeigenaren"],
        "budget_min_eur": 20000,
        "budget_max_eur": 40000,
        "pilot_weeks": 16,
        "state": "open",
        "days_to_deadline": 54,
    },
    {
        "key": "mbo-stages-dichtbij",
        "municipality": "groningen",
        "round": True,
        "language": "en",
        "title": "Finding work placements close to home for vocational students",
        "summary": (
            "Vocational students in the northern villages drop out when their work placement is an hour away by "
            "bus. We look for a way to match students with employers close to where they live."
        ),
        "problem": (
            "Placement offices match students from a list of employers that mostly sit in the city. Students from "
            "small villages travel up to ninety minutes each way, or give up. Small employers in the villages would "
            "take a student but are not on the list."
        ),
        "desired_outcome": (
            "More placements within thirty minutes of the student's home, found with the schools and local "
            "employers' associations, tested with one year group."
        ),
        "affected": "Vocational students (mbo), their schools, small employers in the villages.",
        "department": "Onderwijs en Arbeidsmarkt",
        "themes": ["education", "economy"],
        "keywords": ["vocational education", "work placement", "villages", "matching", "dropout"],
        "budget_min_eur": 15000,
        "budget_max_eur": 35000,
        "pilot_weeks": 12,
        "state": "open",
        "days_to_deadline": 54,
    },
]

CHALLENGES += ROUND_CHALLENGES
