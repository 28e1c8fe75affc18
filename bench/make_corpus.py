"""Generate a reproducible synthetic corpus of startup profiles and challenge-like queries.

    .venv/bin/python bench/make_corpus.py [--records 100000] [--queries 200] [--seed 7] [--out bench/data]

Writes ``corpus.jsonl`` (``{"id", "title", "text", "tags"}``; title = company name, tags = 3-8
capabilities, text ~150 words of Dutch and English sector vocabulary, Dutch compounds, place names,
generic filler and a long Zipf tail of made-up words such as product names) and ``queries.jsonl``
(challenges of mixed lengths, about a third with typos). Same seed, same files.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

SECTORS: dict[str, str] = {
    "mobiliteit": "mobiliteit verkeer parkeren fiets fietsers deelauto deelfietsen openbaar vervoer bus tram "
    "laadpaal laadpalen elektrisch rijden verkeerslichten kruispunt route planning logistiek bezorging "
    "traffic mobility parking bicycle charging electric vehicle routing congestion commuters transit",
    "afval": "afval inzameling containers recycling circulair grondstoffen hergebruik plastic glas papier "
    "textiel compost scheiden sorteren restafval vuilniswagen waste collection sorting recycling circular "
    "materials landfill reuse bins",
    "energie": "energie warmte transitie zonnepanelen windmolens isolatie warmtepomp warmtenet aardgasvrij "
    "netcongestie opslag batterij waterstof besparing verduurzaming energy heat solar wind insulation grid "
    "storage battery hydrogen efficiency renewable",
    "water": "water riolering regenwater wateroverlast droogte dijken grondwater waterkwaliteit zuivering "
    "kanalen sensoren meten overstroming klimaatadaptatie water sewer flooding drought groundwater quality "
    "treatment canals sensors",
    "zorg": "zorg ouderen thuiszorg eenzaamheid welzijn mantelzorg jeugdzorg dementie gezondheid preventie "
    "huisarts wijkverpleging care elderly loneliness wellbeing health prevention dementia telecare "
    "monitoring patients",
    "onderwijs": "onderwijs scholen leerlingen docenten laaggeletterdheid taal rekenen digitale "
    "vaardigheden bibliotheek education schools students teachers literacy skills learning training",
    "veiligheid": "veiligheid ondermijning criminaliteit handhaving camera toezicht brandweer crisis "
    "overlast boa safety crime enforcement cameras surveillance emergency response incidents",
    "wonen": "wonen woningen woningbouw huurders corporaties renovatie bouw vergunningen ruimtelijke "
    "ordening housing homes construction renovation permits tenants zoning",
    "data": "data dashboard platform software algoritme kunstmatige intelligentie privacy open data api "
    "digitale dienstverlening burgerzaken formulieren chatbot data analytics machine learning "
    "artificial intelligence cloud dashboard automation digital twin",
    "groen": "groen bomen biodiversiteit parken hittestress vergroening insecten bermen beheer "
    "green trees biodiversity parks heat greening urban nature maintenance",
}

COMPOUND_PARTS = (
    (
        "afval verkeer parkeer warmte energie water zorg woning data fiets laad zonne straat wijk school "
        "buurt regen grond bouw licht geluid lucht"
    ),
    (
        "inzameling sensor sensoren transitie beheer netwerk platform plan plannen meting metingen "
        "systeem kwaliteit verlichting overlast advies opslag zuivering voorziening monitor"
    ),
)

CAPABILITIES = [
    "iot",
    "sensoren",
    "dataplatform",
    "machine",
    "learning",
    "computer",
    "vision",
    "app",
    "ontwikkeling",
    "gis",
    "mapping",
    "predictive",
    "maintenance",
    "digital",
    "twin",
    "blockchain",
    "drones",
    "robotica",
    "3d",
    "printing",
    "e-learning",
    "gamification",
    "participatie",
    "citizen",
    "engagement",
    "energieadvies",
    "subsidieadvies",
    "logistiek",
    "circulaire",
    "bouw",
    "waterbeheer",
    "zorgtechnologie",
    "domotica",
    "beveiliging",
    "cybersecurity",
    "cloud",
    "hosting",
    "ux",
    "design",
    "open",
    "source",
    "api",
    "integratie",
    "chatbots",
    "spraakherkenning",
    "lora",
    "netwerk",
    "5g",
    "edge",
    "computing",
    "batterijopslag",
    "warmtepompen",
    "isolatie",
    "ledverlichting",
    "smart",
    "lighting",
    "parkeerbeheer",
    "deelmobiliteit",
]

PLACES = [
    "amsterdam",
    "rotterdam",
    "utrecht",
    "eindhoven",
    "groningen",
    "tilburg",
    "almere",
    "breda",
    "nijmegen",
    "arnhem",
    "haarlem",
    "enschede",
    "amersfoort",
    "apeldoorn",
    "zwolle",
    "leiden",
    "maastricht",
    "dordrecht",
    "zoetermeer",
    "delft",
    "deventer",
    "leeuwarden",
    "alkmaar",
    "venlo",
    "helmond",
    "gouda",
    "hilversum",
    "assen",
    "emmen",
    "den",
    "bosch",
    "brabant",
    "limburg",
    "friesland",
]

FILLER = [
    "wij",
    "we",
    "our",
    "ons",
    "team",
    "bedrijf",
    "company",
    "solution",
    "oplossing",
    "klanten",
    "customers",
    "gemeenten",
    "municipalities",
    "helpen",
    "help",
    "ontwikkelen",
    "develop",
    "innovatief",
    "innovative",
    "slim",
    "smart",
    "duurzaam",
    "sustainable",
    "snel",
    "fast",
    "goedkoop",
    "affordable",
    "samen",
    "together",
    "partners",
    "pilot",
    "project",
    "projecten",
    "projects",
    "resultaten",
    "results",
    "ervaring",
    "experience",
    "jaar",
    "years",
    "markt",
    "market",
    "product",
    "products",
    "service",
    "diensten",
    "services",
    "schaalbaar",
    "scalable",
    "impact",
    "maatschappelijk",
    "social",
    "kosten",
    "costs",
    "besparen",
    "save",
    "efficient",
    "efficiënt",
    "toekomst",
    "future",
    "nieuw",
    "new",
    "eenvoudig",
    "simple",
    "gebruik",
    "use",
    "gebruikers",
    "users",
    "de",
    "het",
    "een",
    "van",
    "en",
    "in",
    "op",
    "voor",
    "met",
    "the",
    "of",
    "and",
    "to",
    "in",
    "for",
    "with",
    "is",
    "are",
    "that",
    "this",
    "by",
    "from",
    "at",
]

SYLLABLES = [
    "ba",
    "be",
    "bi",
    "bo",
    "bu",
    "da",
    "de",
    "di",
    "do",
    "du",
    "fa",
    "fe",
    "fi",
    "fo",
    "ka",
    "ke",
    "ki",
    "ko",
    "ku",
    "la",
    "le",
    "li",
    "lo",
    "lu",
    "ma",
    "me",
    "mi",
    "mo",
    "mu",
    "na",
    "ne",
    "ni",
    "no",
    "nu",
    "pa",
    "pe",
    "pi",
    "po",
    "ra",
    "re",
    "ri",
    "ro",
    "ru",
    "sa",
    "se",
    "si",
    "so",
    "ta",
    "te",
    "ti",
    "to",
    "tu",
    "va",
    "ve",
    "vi",
    "vo",
    "za",
    "ze",
    "zo",
    "tra",
    "tro",
    "pla",
    "plo",
    "gri",
    "gro",
    "stra",
    "stro",
    "ex",
    "ix",
    "ox",
    "on",
    "an",
    "en",
    "in",
    "ar",
    "er",
    "or",
    "ur",
    "ent",
    "ant",
    "ion",
    "ics",
    "ix",
    "io",
]

SUFFIXES = ["BV", "B.V.", "Labs", "Technologies", "Solutions", "Systems", "Group", "NL", "Tech", "Studio"]

CHALLENGE_OPENERS = [
    "Hoe kunnen we",
    "Gezocht:",
    "Uitdaging:",
    "How can we",
    "Wanted:",
    "Challenge:",
    "Oplossing gezocht voor",
]


def make_words(rng: np.random.Generator, n: int) -> list[str]:
    """``n`` distinct made-up words (product names, jargon, names): the corpus's long tail."""
    words: set[str] = set()
    while len(words) < n:
        k = rng.integers(2, 5, size=n)
        picks = rng.integers(0, len(SYLLABLES), size=(n, 4))
        for row, kk in zip(picks, k):
            words.add("".join(SYLLABLES[i] for i in row[:kk]))
            if len(words) >= n:
                break
    return sorted(words)


def typo(rng: np.random.Generator, word: str) -> str:
    """One dropped, swapped or replaced letter."""
    if len(word) < 4:
        return word
    i = int(rng.integers(1, len(word) - 1))
    op = int(rng.integers(0, 3))
    if op == 0:
        return word[:i] + word[i + 1 :]
    if op == 1:
        return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]
    return word[:i] + "abcdefghijklmnopqrstuvwxyz"[int(rng.integers(0, 26))] + word[i + 1 :]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent / "data"))
    args = ap.parse_args(argv)
    rng = np.random.default_rng(args.seed)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    sector_names = list(SECTORS)
    sector_words = {s: SECTORS[s].split() for s in sector_names}
    compounds = [a + b for a in COMPOUND_PARTS[0].split() for b in COMPOUND_PARTS[1].split()]
    tail = make_words(rng, 150_000)
    rng.shuffle(tail)
    zipf = 1.0 / np.arange(1, len(tail) + 1) ** 1.05
    zipf /= zipf.sum()
    names = make_words(rng, args.records + 1000)
    rng.shuffle(names)

    cdf = np.cumsum(zipf)
    tail_draws = np.minimum(np.searchsorted(cdf, rng.random(args.records * 190)), len(tail) - 1)
    with (out / "corpus.jsonl").open("w", encoding="utf-8") as fh:
        for i in range(args.records):
            sectors = rng.choice(sector_names, size=int(rng.integers(1, 3)), replace=False)
            n_words = int(rng.integers(110, 190))
            kinds = rng.choice(5, size=n_words, p=[0.38, 0.34, 0.08, 0.05, 0.15])
            pools = [
                [FILLER[k] for k in rng.integers(0, len(FILLER), size=n_words)],
                [
                    sector_words[sectors[a]][b % len(sector_words[sectors[a]])]
                    for a, b in zip(
                        rng.integers(0, len(sectors), size=n_words), rng.integers(0, 10_000, size=n_words)
                    )
                ],
                [compounds[k] for k in rng.integers(0, len(compounds), size=n_words)],
                [PLACES[k].capitalize() for k in rng.integers(0, len(PLACES), size=n_words)],
                [tail[k] for k in tail_draws[i * 190 : i * 190 + n_words]],
            ]
            words = [pools[kind][j] for j, kind in enumerate(kinds)]
            cuts = np.cumsum(rng.integers(8, 20, size=n_words // 8 + 2))
            sentences, start = [], 0
            for cut in cuts:
                if start >= n_words:
                    break
                chunk = words[start : min(int(cut), n_words)]
                sentences.append(chunk[0].capitalize() + " " + " ".join(chunk[1:]) + ".")
                start = int(cut)
            tags = list(rng.choice(CAPABILITIES, size=int(rng.integers(3, 9)), replace=False))
            name = names[i].capitalize() + " " + SUFFIXES[int(rng.integers(0, len(SUFFIXES)))]
            fh.write(
                json.dumps({"id": f"s{i:06d}", "title": name, "text": " ".join(sentences), "tags": tags})
                + "\n"
            )

    with (out / "queries.jsonl").open("w", encoding="utf-8") as fh:
        for i in range(args.queries):
            sector = sector_names[int(rng.integers(0, len(sector_names)))]
            sw = sector_words[sector]
            title_words = [CHALLENGE_OPENERS[int(rng.integers(0, len(CHALLENGE_OPENERS)))]]
            title_words += [sw[int(rng.integers(0, len(sw)))] for _ in range(int(rng.integers(2, 5)))]
            title_words.append(compounds[int(rng.integers(0, len(compounds)))])
            title_words.append("in " + PLACES[int(rng.integers(0, len(PLACES)))].capitalize())
            length = [0, 10, 30, 80][i % 4]
            body = []
            for _ in range(length):
                r = rng.random()
                if r < 0.45:
                    body.append(sw[int(rng.integers(0, len(sw)))])
                elif r < 0.85:
                    body.append(FILLER[int(rng.integers(0, len(FILLER)))])
                elif r < 0.95:
                    body.append(compounds[int(rng.integers(0, len(compounds)))])
                else:
                    body.append(tail[min(int(np.searchsorted(cdf, rng.random())), len(tail) - 1)])
            title, text = " ".join(title_words), " ".join(body)
            if i % 3 == 0:  # some typos, about one word in five
                title = " ".join(typo(rng, w) if rng.random() < 0.2 else w for w in title.split())
                text = " ".join(typo(rng, w) if rng.random() < 0.2 else w for w in text.split())
            tags = list(rng.choice(CAPABILITIES, size=int(rng.integers(0, 4)), replace=False))
            fh.write(json.dumps({"id": f"c{i:04d}", "title": title, "text": text, "tags": tags}) + "\n")
    print(f"wrote {args.records} records and {args.queries} queries to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
