"""Word material for synthetic posts: places around Kaiserslautern, topics, names, sentences.

Pure data and text helpers, no Django: the writer turns these into rows.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class PlaceSpec:
    slug: str
    name: str
    kind: str  # "region", "town" or "district"
    parent: str | None  # slug of the parent place
    latitude: float
    longitude: float
    weight: float  # how often posts are about this place


# The town the default place slug is given to when the configured slug is none of these.
CENTRAL_TOWN = "kaiserslautern"

# Parents come before their children, so a single pass can compute the materialised paths.
PLACES: tuple[PlaceSpec, ...] = (
    PlaceSpec("westpfalz", "Westpfalz", "region", None, 49.45, 7.65, 0.5),
    PlaceSpec("nordpfalz", "Nordpfalz", "region", None, 49.62, 7.90, 0.5),
    PlaceSpec("kaiserslautern", "Kaiserslautern", "town", "westpfalz", 49.4447, 7.7690, 12),
    PlaceSpec("landstuhl", "Landstuhl", "town", "westpfalz", 49.4128, 7.5706, 3),
    PlaceSpec(
        "ramstein-miesenbach", "Ramstein-Miesenbach", "town", "westpfalz", 49.4447, 7.5547, 3
    ),
    PlaceSpec("otterberg", "Otterberg", "town", "westpfalz", 49.5035, 7.7697, 2),
    PlaceSpec("otterbach", "Otterbach", "town", "westpfalz", 49.4845, 7.7337, 1.5),
    PlaceSpec(
        "enkenbach-alsenborn", "Enkenbach-Alsenborn", "town", "westpfalz", 49.4860, 7.9030, 2
    ),
    PlaceSpec("weilerbach", "Weilerbach", "town", "westpfalz", 49.4813, 7.6339, 1.5),
    PlaceSpec("hochspeyer", "Hochspeyer", "town", "westpfalz", 49.4440, 7.8946, 1.5),
    PlaceSpec("trippstadt", "Trippstadt", "town", "westpfalz", 49.3594, 7.7728, 1),
    PlaceSpec("kusel", "Kusel", "town", "westpfalz", 49.5377, 7.3985, 2),
    PlaceSpec("rockenhausen", "Rockenhausen", "town", "nordpfalz", 49.6296, 7.8213, 1.5),
    PlaceSpec("winnweiler", "Winnweiler", "town", "nordpfalz", 49.5667, 7.8500, 1),
    PlaceSpec("kirchheimbolanden", "Kirchheimbolanden", "town", "nordpfalz", 49.6647, 8.0117, 2),
    PlaceSpec("eisenberg-pfalz", "Eisenberg (Pfalz)", "town", "nordpfalz", 49.5586, 8.0700, 1.5),
    PlaceSpec("kl-innenstadt", "Innenstadt", "district", "kaiserslautern", 49.4445, 7.7690, 4),
    PlaceSpec("betzenberg", "Betzenberg", "district", "kaiserslautern", 49.4340, 7.7760, 3),
    PlaceSpec("hohenecken", "Hohenecken", "district", "kaiserslautern", 49.4160, 7.7140, 2),
    PlaceSpec("erfenbach", "Erfenbach", "district", "kaiserslautern", 49.4800, 7.7150, 2),
    PlaceSpec("siegelbach", "Siegelbach", "district", "kaiserslautern", 49.4750, 7.6930, 2),
    PlaceSpec("morlautern", "Morlautern", "district", "kaiserslautern", 49.4760, 7.7920, 2),
    PlaceSpec("dansenberg", "Dansenberg", "district", "kaiserslautern", 49.4080, 7.7350, 1.5),
    PlaceSpec("einsiedlerhof", "Einsiedlerhof", "district", "kaiserslautern", 49.4430, 7.6550, 1.5),
    PlaceSpec("moelschbach", "Mölschbach", "district", "kaiserslautern", 49.4000, 7.8000, 1),
    PlaceSpec("erlenbach-kl", "Erlenbach", "district", "kaiserslautern", 49.4730, 7.7750, 1.5),
    PlaceSpec("atzel", "Atzel", "district", "landstuhl", 49.4100, 7.5800, 1),
)

TOPICS: tuple[tuple[str, str], ...] = (
    ("politik", "Politik"),
    ("wirtschaft", "Wirtschaft"),
    ("kultur", "Kultur"),
    ("sport", "Sport"),
    ("ausgehen-geniessen", "Ausgehen & Genießen"),
    ("vereine", "Vereine"),
    ("verkehr", "Verkehr"),
    ("blaulicht", "Blaulicht"),
)

# Word lists stay in compact rows; the formatter would put every word on a line of its own.
# fmt: off
FIRST_NAMES = (
    "Anna", "Ben", "Clara", "David", "Emma", "Felix", "Greta", "Hannah", "Jonas", "Julia",
    "Karl", "Lea", "Lukas", "Marie", "Max", "Mia", "Noah", "Paul", "Sophie", "Tim",
    "Ursula", "Werner", "Sabine", "Thomas", "Petra", "Jürgen", "Monika", "Stefan", "Heike",
    "Andreas", "Katrin", "Michael", "Birgit", "Frank", "Ilse", "Helmut", "Yasemin", "Mehmet",
    "Olga", "Piotr",
)
LAST_NAMES = (
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
    "Schulz", "Hoffmann", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann",
    "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt",
    "Werner", "Krause", "Meier", "Lehmann", "Schmid", "Schuster", "Jung", "Hahn", "Keller",
    "Vogel", "Friedrich", "Günther", "Roth", "Beck", "Lorenz",
)
BUSINESS_KINDS = (
    "Bäckerei", "Autohaus", "Buchhandlung", "Metzgerei", "Optik", "Weinstube", "Gärtnerei",
    "Fahrradladen", "Apotheke", "Brauhaus", "Schreinerei", "Reisebüro",
)
ORGANISATION_KINDS = (
    "TSV", "Förderverein", "Musikverein", "Feuerwehr", "Kirchengemeinde", "Heimatverein",
    "Gesangverein", "Pfälzerwald-Verein", "Karnevalverein", "Bürgerinitiative",
)
SUBJECTS = (
    "Stadtrat", "Ortsbeirat", "Feuerwehr", "Kita", "Grundschule", "Stadtbibliothek", "Freibad",
    "Wochenmarkt", "Musikverein", "Sportverein", "Kirchengemeinde", "Kreisverwaltung",
    "Polizei", "Tierheim", "Theater", "Volkshochschule", "Jugendzentrum", "Bürgerbüro",
    "Stadtwerke", "Weinfest", "Stadtteilfest", "Seniorenbeirat", "Förderverein", "Museum",
    "Radclub", "Chor", "Gartenschau", "Hospiz", "Bauhof", "Nachbarschaftshilfe",
)
PREDICATES = (
    "beschließt neuen Radweg", "feiert 100. Geburtstag", "sucht Ehrenamtliche",
    "eröffnet nach Umbau", "lädt zum Tag der offenen Tür", "bekommt neue Leitung",
    "sammelt Spenden für Spielplatz", "plant Umzug", "startet in die Saison",
    "warnt vor Betrügern am Telefon", "meldet Rekordbesuch", "ehrt langjährige Mitglieder",
    "stellt Haushalt vor", "erhält Förderung vom Land", "zieht Bilanz", "sperrt Straße",
    "verlängert Öffnungszeiten", "pflanzt 200 Bäume", "diskutiert über Parkplätze",
    "lädt zum Konzert", "gewinnt Kreismeisterschaft", "sucht Zeitzeugen",
    "bittet um Mithilfe", "verschiebt Entscheidung", "räumt nach Unwetter auf",
    "stellt neues Programm vor", "öffnet am Sonntag", "erinnert an Stadtgeschichte",
    "rüstet auf Solarstrom um", "bekommt neuen Spielplatz",
)
KICKERS = (
    "Nach dem Unwetter", "Ehrenamt", "Kommunalpolitik", "Jubiläum", "Verkehr", "Baustelle",
    "Ausflugstipp", "Kultursommer", "Vereinsleben", "Nachgefragt",
)
VENUES = (
    "Fruchthalle", "Stadthalle", "Bürgerhaus", "Gemeindehaus", "Pfalztheater", "Kammgarn",
    "Sportplatz", "Marktplatz", "Dorfgemeinschaftshaus", "Stadtpark",
)
# fmt: on
SENTENCES = (
    "In {place} ist am Wochenende einiges los gewesen.",
    "Die Verantwortlichen zeigten sich mit dem Ergebnis zufrieden.",
    "Viele Anwohnerinnen und Anwohner waren gekommen, um sich selbst ein Bild zu machen.",
    "Nach Angaben der Stadtverwaltung sollen die Arbeiten bis zum Herbst abgeschlossen sein.",
    "Der Eintritt ist frei, um Spenden wird gebeten.",
    "Wer sich beteiligen möchte, kann sich bis Ende des Monats melden.",
    "Die Kosten belaufen sich nach ersten Schätzungen auf rund 250.000 Euro.",
    "Schon am Vormittag bildeten sich vor dem Eingang lange Schlangen.",
    "Für Kinder gibt es ein eigenes Programm mit Basteln und Vorlesen.",
    "Die Polizei bittet Zeugen, sich bei der Inspektion in {place} zu melden.",
    "Der Ortsbeirat will sich in seiner nächsten Sitzung erneut mit dem Thema befassen.",
    "Seit Jahren setzen sich Ehrenamtliche in {place} für das Projekt ein.",
    "Die Busse der Linie 105 fahren in dieser Zeit eine Umleitung.",
    "Im Anschluss lud der Verein zu Kaffee und Kuchen ein.",
    "Bei strahlendem Sonnenschein kamen mehr Besucher als erwartet.",
    "Die Veranstalter hoffen auf eine Fortsetzung im kommenden Jahr.",
    "Kritik kam vor allem von den Anliegern der Hauptstraße.",
    "Das Land übernimmt einen großen Teil der Kosten.",
    "Wie es mit dem Gebäude weitergeht, ist noch offen.",
    "Ein Sprecher der Stadt kündigte eine Bürgerversammlung an.",
    "Gegen 14 Uhr wurde die Feuerwehr alarmiert.",
    "Die Mannschaft aus {place} setzte sich am Ende knapp durch.",
    "Auf dem Programm stehen Werke von Bach, Mozart und einer jungen Komponistin aus der Pfalz.",
    "Anmeldungen nimmt die Geschäftsstelle telefonisch oder per E-Mail entgegen.",
)
PHOTO_SUBJECTS = (
    "Blick auf den Marktplatz",
    "Die Mitglieder des Vereins vor dem Vereinsheim",
    "Besucherinnen und Besucher beim Fest",
    "Die neue Anlage kurz nach der Eröffnung",
    "Einsatzkräfte der Feuerwehr",
    "Der Chor bei der Probe",
    "Die Baustelle an der Hauptstraße",
    "Herbstlicher Wald bei Trippstadt",
    "Spielerinnen nach dem Abpfiff",
)


def person_name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def business_name(rng: random.Random) -> str:
    return f"{rng.choice(BUSINESS_KINDS)} {rng.choice(LAST_NAMES)}"


def organisation_name(rng: random.Random, place_name: str) -> str:
    return f"{rng.choice(ORGANISATION_KINDS)} {place_name}"


def headline(rng: random.Random, place_name: str) -> str:
    text = f"{rng.choice(SUBJECTS)} {rng.choice(PREDICATES)}"
    return f"{place_name}: {text}" if rng.random() < 0.6 else text


def sentences(rng: random.Random, count: int, place_name: str) -> str:
    return " ".join(s.format(place=place_name) for s in rng.sample(SENTENCES, count))


def body_html(rng: random.Random, place_name: str) -> str:
    """A few paragraphs of the HTML the rich-text editor produces (about 2-3 KB)."""
    parts = []
    for index in range(rng.randint(4, 7)):
        if index == 2 and rng.random() < 0.5:
            parts.append(f"<h2>{rng.choice(KICKERS)}</h2>")
        parts.append(f"<p>{sentences(rng, rng.randint(3, 5), place_name)}</p>")
        if index == 3 and rng.random() < 0.3:
            parts.append(
                "<blockquote><p>Wir sind überwältigt von der Unterstützung.</p></blockquote>"
            )
    if rng.random() < 0.25:
        parts.append(
            "<ul><li>Beginn: 18 Uhr</li><li>Eintritt frei</li><li>Barrierefreier Zugang</li></ul>"
        )
    return "\n".join(parts)
