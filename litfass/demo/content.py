"""The demo content: a few towns of the Westpfalz, their people and a few weeks of local news.

The texts are German because the demo town is; they are written for litfass and use the facts
of docs/PRODUCT.md. Everything is created through the services, as an import by the system
(``by=None``). Pictures are illustrations drawn by :mod:`litfass.demo.images`.
"""

# The German texts use the en dash of German typography, and a resident has a Turkish name with
# a dotless i; both are intended, not confusable look-alikes.

from __future__ import annotations

import datetime as dt
import re
import zlib
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from litfass.accounts import services as account_services
from litfass.accounts.models import Profile, User
from litfass.content import services as content_services
from litfass.content.models import Post, Topic
from litfass.content.services import EventData
from litfass.core.pagecache import bump_generation
from litfass.demo import images
from litfass.embeds import services as embed_services
from litfass.embeds.conf import site_base
from litfass.embeds.refs import EmbedKind
from litfass.images import services as image_services
from litfass.images.models import Image
from litfass.places import services as place_services
from litfass.places.models import Place

BERLIN = ZoneInfo("Europe/Berlin")
# Templates print "Foto: <credit>"; these pictures are drawn, which the credit says.
CREDIT = "litfass-Demo (Illustration)"
# Demo accounts get addresses in a reserved top-level domain: nothing can ever be sent there.
DEMO_EMAIL_DOMAIN = "demo.litfass.invalid"
ELECTION_URL = (
    "https://www.kaiserslautern.de/buerger_rathaus_politik/wahlen/"
    "oberbuergermeisterwahl/index.html.de"
)
FRUCHTHALLE_ADDRESS = "Fruchthallstraße 10, 67655 Kaiserslautern"
FRUCHTHALLE_POINT = (49.4447, 7.7690)


class DemoAlreadyLoaded(Exception):
    """The demo accounts or profiles exist already; load again only with a reset."""


@dataclass(frozen=True)
class Counts:
    places: int = 0
    topics: int = 0
    profiles: int = 0
    accounts: int = 0
    posts: int = 0
    pictures: int = 0

    def __str__(self) -> str:
        return (
            f"{self.places} places, {self.topics} topics, {self.profiles} profiles, "
            f"{self.accounts} accounts, {self.posts} posts, {self.pictures} pictures"
        )


@dataclass(frozen=True)
class PlaceSpec:
    slug: str
    name: str
    kind: str
    parent: str | None
    latitude: float
    longitude: float


@dataclass(frozen=True)
class ProfileSpec:
    slug: str
    display_name: str
    kind: str
    home_place: str
    bio: str
    # Usernames of further demo accounts that may post for this profile.
    members: tuple[str, ...] = ()


@dataclass(frozen=True)
class PictureSpec:
    motif: str
    palette: str
    label: str
    alt_text: str
    caption: str


@dataclass(frozen=True)
class PostSpec:
    kind: str
    author: str
    headline: str
    body: str
    # How long before the load the post was published; the list below is newest first.
    age: dt.timedelta
    place: str
    topic: str
    kicker: str = ""
    teaser: str = ""
    sponsor: str | None = None
    event: EventData | None = None
    pictures: tuple[PictureSpec, ...] = field(default=())
    # Embeds below the text: (dialog, link), where a link without a scheme is the headline
    # of another demo post (embedded as its card).
    embeds: tuple[tuple[str, str], ...] = field(default=())


# Coordinates are those of the town centres. Kaiserslautern's "und Umgebung" (15 km) takes in
# its districts, Otterberg (~7 km) and Enkenbach-Alsenborn (~11 km), but not Pirmasens (~28 km).
PLACES: tuple[PlaceSpec, ...] = (
    PlaceSpec("westpfalz", "Westpfalz", Place.Kind.REGION, None, 49.40, 7.55),
    PlaceSpec("kaiserslautern", "Kaiserslautern", Place.Kind.TOWN, "westpfalz", 49.4432, 7.7689),
    PlaceSpec("hohenecken", "Hohenecken", Place.Kind.DISTRICT, "kaiserslautern", 49.4197, 7.7156),
    PlaceSpec("erfenbach", "Erfenbach", Place.Kind.DISTRICT, "kaiserslautern", 49.4727, 7.7160),
    PlaceSpec("otterberg", "Otterberg", Place.Kind.TOWN, "westpfalz", 49.5033, 7.7700),
    PlaceSpec(
        "enkenbach-alsenborn",
        "Enkenbach-Alsenborn",
        Place.Kind.TOWN,
        "westpfalz",
        49.4861,
        7.9019,
    ),
    PlaceSpec("pirmasens", "Pirmasens", Place.Kind.TOWN, "westpfalz", 49.2010, 7.6050),
)

TOPICS: tuple[tuple[str, str], ...] = (
    ("politik", "Politik"),
    ("lokales", "Lokales"),
    ("kultur", "Kultur"),
    ("sport", "Sport"),
    ("wirtschaft", "Wirtschaft"),
    ("ausgehen-geniessen", "Ausgehen & Genießen"),
    ("ratgeber", "Ratgeber"),
)

# Invented residents and club; Herzlich digital and Kultur Kaiserslautern appear in the facts.
PROFILES: tuple[ProfileSpec, ...] = (
    ProfileSpec(
        "herzlich-digital",
        "Herzlich digital",
        Profile.Kind.ORGANISATION,
        "kaiserslautern",
        "Die Digitalisierungsmarke der Stadt Kaiserslautern, getragen von der KL.digital GmbH. "
        "Wir berichten über Projekte, die das Leben in der Stadt einfacher machen sollen.",
    ),
    ProfileSpec(
        "redaktion",
        "Redaktion",
        Profile.Kind.EDITORIAL,
        "kaiserslautern",
        "Die Lokalredaktion für Kaiserslautern und die Westpfalz. Hinweise und Themenwünsche "
        "sind jederzeit willkommen.",
    ),
    ProfileSpec(
        "kultur-kaiserslautern",
        "Kultur Kaiserslautern",
        Profile.Kind.BUSINESS,
        "kaiserslautern",
        "Konzerte, Lesungen und Feste in Kaiserslautern. Die Beiträge dieses Profils sind als "
        "Anzeige gekennzeichnet.",
    ),
    ProfileSpec(
        "sabine-hartung",
        "Sabine Hartung",
        Profile.Kind.PERSON,
        "hohenecken",
        "Lebt seit drei Jahrzehnten unterhalb der Burgruine und ist selten ohne Kamera unterwegs.",
    ),
    ProfileSpec(
        "mehmet-yildiz",
        "Mehmet Yıldız",
        Profile.Kind.PERSON,
        "erfenbach",
        "Familienvater, Hobbykoch und Pressewart der Sportfreunde Lautertal.",
    ),
    ProfileSpec(
        "jonas-riedel",
        "Jonas Riedel",
        Profile.Kind.PERSON,
        "otterberg",
        "Studiert in Kaiserslautern und schreibt über alles, was in Otterberg los ist.",
    ),
    ProfileSpec(
        "claudia-weissmann",
        "Claudia Weißmann",
        Profile.Kind.PERSON,
        "enkenbach-alsenborn",
        "Engagiert im Ortsverschönerungsverein, schreibt über Ehrenamt und Einzelhandel.",
    ),
    ProfileSpec(
        "sportfreunde-lautertal",
        "Sportfreunde Lautertal",
        Profile.Kind.ORGANISATION,
        "erfenbach",
        "Fußball, Laufen und Gymnastik für alle Generationen – ein Verein, viele Abteilungen.",
        members=("mehmet-yildiz",),
    ),
)


def _first_friday_of_december(year: int) -> dt.date:
    first = dt.date(year, 12, 1)
    return first + dt.timedelta(days=(4 - first.weekday()) % 7)


def concert_start(now: dt.datetime) -> dt.datetime:
    """When "Winterliche Klangwelten" begins: 19:30 Berlin time on the next first Friday of
    December that still lies ahead of ``now``.

    The facts place the concert on "Friday, 5 December", which is true in 2025 and 2031. A
    demo loaded in any other year must still show an upcoming concert in December on a Friday,
    so the weekday and month are kept and the day moves within the first week of December:
    5 December 2025, 4 December 2026, 3 December 2027 … The texts print the actual date.
    """
    for year in (now.year, now.year + 1):
        start = dt.datetime.combine(_first_friday_of_december(year), dt.time(19, 30), tzinfo=BERLIN)
        if start > now:
            return start
    raise AssertionError("unreachable: December of next year is always ahead")


def _german_day(day: dt.datetime) -> str:
    weekdays = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
    months = (
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    )
    return f"{weekdays[day.weekday()]}, {day.day}. {months[day.month - 1]}"


def _at(now: dt.datetime, days: int, hour: int, minute: int = 0) -> dt.datetime:
    """``days`` days after ``now`` (Berlin calendar) at the given local time."""
    date = now.astimezone(BERLIN).date() + dt.timedelta(days=days)
    return dt.datetime.combine(date, dt.time(hour, minute), tzinfo=BERLIN)


def _ago(days: int = 0, hours: int = 0, minutes: int = 0) -> dt.timedelta:
    return dt.timedelta(days=days, hours=hours, minutes=minutes)


def _pic(motif: str, palette: str, label: str, alt_text: str, caption: str) -> PictureSpec:
    return PictureSpec(motif, palette, label, alt_text, caption)


def _election() -> PostSpec:
    return PostSpec(
        kind=Post.Kind.ARTICLE,
        author="herzlich-digital",
        place="kaiserslautern",
        topic="politik",
        age=_ago(hours=2, minutes=40),
        kicker="OB-Wahl Kaiserslautern",
        headline="Digitales Kaiserslautern: Herzlich digital spricht mit allen sechs "
        "Kandidierenden",
        teaser="Sechs Videokonferenzen zu je einer Stunde: Das Team von Herzlich digital hat "
        "allen, die sich um die Stadtspitze bewerben, seine Arbeit vorgestellt – und gefragt, "
        "was sie mit der Digitalisierung der Stadt vorhaben.",
        body=f"""
<p>Wenn Kaiserslautern am 12. Februar eine neue Oberbürgermeisterin oder einen neuen
Oberbürgermeister wählt, entscheidet die Stadt auch darüber, wie es mit ihren Digitalprojekten
weitergeht. Das Team von Herzlich digital wollte deshalb schon vor der Wahl wissen, wie die
Bewerberinnen und Bewerber darüber denken, und hat alle zum Gespräch gebeten.</p>
<p>Jede und jeder bekam eine Stunde in einer Videokonferenz: Beate Kimmel (SPD), Tobias
Wiesemann (Die Grünen), Anja Pfeiffer (CDU), Rainer Rocholl (Die Basis) sowie die beiden
Parteilosen Thomas Kürwitz und Evangelos Karanikas. Zuerst erklärte das Team, wofür die Marke
steht, wo Kaiserslautern im Vergleich mit anderen Städten bei der Digitalisierung steht und
welche Vorhaben laufen oder geplant sind. Danach blieb Zeit für Fragen und Diskussion.</p>
<h2>Eine Marke seit 2017</h2>
<p>Unter dem Namen „Herzlich digital“ bündelt Kaiserslautern seit 2017 seine Anstrengungen,
bundesweit als Vorbild für die digitale Stadt zu gelten. Getragen wird die Marke von der
KL.digital GmbH; mit im Boot sind die Stabsstelle Digitalisierung der Stadtverwaltung und das
Smart City Living Lab am Deutschen Forschungszentrum für Künstliche Intelligenz (DFKI).</p>
<h2>Alle haben zugesagt</h2>
<p>Ilona Benz, Chief Digital Officer und Geschäftsführerin der KL.digital GmbH, freut sich
darüber, dass niemand die Einladung ausgeschlagen hat. Aus den Gesprächen nehme sie mit, dass
alle Kandidierenden die Digitalisierung als Kernfrage für den Wissenschafts- und IT-Standort
Kaiserslautern sehen. Viel bedeutet ihr nach eigenen Worten die Anerkennung für das Team und das
Signal, dass dessen Arbeit auf Dauer weitergehen soll.</p>
<p>Dirk Andres, Leiter der Stabsstelle Digitalisierung, beschreibt die Runden als lebhaft: Die
Kandidierenden hätten viel nachgefragt und eigene Ideen mitgebracht. Auch neue Formen der
Zusammenarbeit und die Frage, wie sich eine Verwaltung verändern lässt, seien zur Sprache
gekommen. Was sich im Team an digital gestützten Arbeitsweisen bewährt habe, wolle man nach und
nach in die Verwaltung tragen. Die Anregungen aus den Gesprächen nehme das Team mit – in der
Hoffnung auf eine gute Zusammenarbeit mit der künftigen Stadtspitze.</p>
<h2>Was aus den Projekten wird</h2>
<p>Dr. Martin Memmel, der das Smart City Living Lab am DFKI leitet, ging es vor allem darum, die
Pläne der Bewerberinnen und Bewerber für das digitale Kaiserslautern zu hören. Das Zusammenspiel
aus Smart-City-Fördermitteln und einem eingespielten Team hält er für eine Gelegenheit, die sich
so bald nicht wieder bietet. Ob die Projekte über die Förderung hinaus Bestand haben, hänge aber
entscheidend davon ab, ob die neue Stadtspitze sie unterstützt.</p>
<h2>Zur Wahl</h2>
<p>Gewählt wird am 12. Februar. Wer gewinnt, folgt auf Oberbürgermeister Dr. Klaus Weichel.
Wahllokale, Briefwahl und alle weiteren Informationen hat die Stadt auf ihrer
<a href="{ELECTION_URL}">Seite zur Oberbürgermeisterwahl</a> zusammengestellt.</p>
""",
        pictures=(
            _pic(
                "video_call",
                "studio",
                "Videokonferenz",
                "Illustration: Bildschirm einer Videokonferenz mit sechs Kacheln, in jeder "
                "eine angedeutete Person",
                "Sechs Gespräche zu je einer Stunde: Herzlich digital lud alle Kandidierenden "
                "zur Videokonferenz ein.",
            ),
            _pic(
                "city_hall",
                "dusk",
                "Rathaus Kaiserslautern",
                "Illustration: das Rathaus-Hochhaus mit erleuchteten Fenstern über den Dächern "
                "der Innenstadt in der Abenddämmerung",
                "Wer zieht ins Rathaus ein? Kaiserslautern wählt am 12. Februar.",
            ),
        ),
    )


def _december_concerts(concert: dt.datetime) -> PostSpec:
    return PostSpec(
        kind=Post.Kind.ARTICLE,
        author="kultur-kaiserslautern",
        sponsor="kultur-kaiserslautern",
        place="kaiserslautern",
        topic="ausgehen-geniessen",
        age=_ago(days=2, hours=3, minutes=5),
        kicker="Konzerte im Advent",
        headline=f"Kultur in Kaiserslautern: Das bringt der Dezember {concert.year}",
        embeds=(("event", "Sinfoniekonzert „Winterliche Klangwelten“"),),
        teaser="Winterliche Orchesterklänge, ein Konzert für die ganze Familie und eine "
        "international gefeierte Geigerin: Der Dezember ist in Kaiserslautern ein Monat "
        "voller Musik.",
        body=f"""
<p>Ob Orchesterabend, Familienkonzert oder Soloabend: Im Dezember hat das Kulturprogramm in
Kaiserslautern für jedes Alter etwas zu bieten.</p>
<h2>„Winterliche Klangwelten“ in der Fruchthalle</h2>
<p>Am {_german_day(concert)} gastiert die Deutsche Staatsphilharmonie Rheinland-Pfalz mit dem
Sinfoniekonzert „Winterliche Klangwelten“ in der Fruchthalle. Das Programm spannt den Bogen von
stiller Winterpoesie bis zu strahlender Virtuosität. Am Pult steht der belgische Dirigent David
Reiland, dessen Lesarten als lebendig gelten und Überliefertes mit heutigem Blick verbinden.</p>
<h2>„Karneval der Tiere“ für Familien</h2>
<p>Löwe, Elefant, Schwan: Die musikalische Tierparade ist für viele Kinder die erste Begegnung
mit einem Orchester. Im Familienkonzert hören Groß und Klein, wie Instrumente Tiere lebendig
werden lassen.</p>
<h2>Zu Gast: Tianwa Yang</h2>
<p>Ein Höhepunkt des Monats ist der Auftritt der Geigerin Tianwa Yang, die auf den großen
Konzertpodien der Welt zu Hause ist.</p>
<p>Karten gibt es im Vorverkauf und, solange vorhanden, an der Abendkasse.</p>
""",
        pictures=(
            _pic(
                "conductor",
                "night",
                "Sinfoniekonzert",
                "Illustration: Orchester auf einer Bühne, im Vordergrund ein Dirigent mit "
                "erhobenem Taktstock",
                "Am Pult: Dirigent David Reiland leitet „Winterliche Klangwelten“.",
            ),
            _pic(
                "concert_hall",
                "night",
                "Fruchthalle",
                "Illustration: die Fruchthalle bei Nacht, ihre Bogenfenster sind erleuchtet",
                "Spielort der Sinfoniekonzerte: die Fruchthalle in der Innenstadt.",
            ),
            _pic(
                "animals",
                "day",
                "Karneval der Tiere",
                "Illustration: ein Elefant und ein Schwan an einem Teich, darüber Musiknoten",
                "„Karneval der Tiere“ – ein Konzert für die ganze Familie.",
            ),
            _pic(
                "violin",
                "dusk",
                "Violine",
                "Illustration: eine Geige mit Bogen vor einem Abendhimmel",
                "Die Geigerin Tianwa Yang ist im Dezember zu Gast.",
            ),
            _pic(
                "notes",
                "night",
                "Winterklänge",
                "Illustration: Notenlinien mit Noten über einer verschneiten Hügellandschaft "
                "bei Nacht",
                "Musik für lange Winterabende.",
            ),
        ),
    )


def _concert_season() -> PostSpec:
    return PostSpec(
        kind=Post.Kind.ARTICLE,
        author="kultur-kaiserslautern",
        sponsor="kultur-kaiserslautern",
        place="kaiserslautern",
        topic="ausgehen-geniessen",
        age=_ago(days=12, hours=5, minutes=30),
        kicker="Konzertprogramm Kaiserslautern",
        headline="Konzertsaison 2025/2026: Über 70 Abende im Jubiläumsjahr",
        teaser="Die städtische Konzertreihe geht in ihre 76. Saison – und feiert dabei das "
        "750-jährige Bestehen der Stadt mit.",
        body="""
<p>Kaiserslautern wird 750 Jahre alt, und die Konzertsaison 2025/2026 feiert mit. Mehr als 70
Veranstaltungen umfasst das Programm, mit dem die städtische Konzertreihe in ihre 76. Saison
startet. Vorgestellt haben es Bürgermeister und Kulturdezernent Manfred Schulz und Christoph
Dammann, der Leiter des Kulturreferats.</p>
<h2>Von der Sinfonie bis zum Familienkonzert</h2>
<p>Das Rückgrat bilden die Sinfoniekonzerte in der Fruchthalle. Daneben stehen Kammermusik,
Konzerte für Kinder und Familien sowie Abende, an denen klassisches Repertoire auf neuere Musik
trifft.</p>
<h2>Abonnement oder Einzelkarte</h2>
<p>Wer regelmäßig kommen möchte, fährt mit einem Abonnement günstiger; Einzelkarten gibt es für
jedes Konzert im Vorverkauf.</p>
""",
        pictures=(
            _pic(
                "jubilee",
                "day",
                "750 Jahre Kaiserslautern",
                "Illustration: die Zahl 750 in großen Ziffern, umgeben von buntem Konfetti",
                "Die Saison steht im Zeichen des 750-jährigen Stadtjubiläums.",
            ),
            _pic(
                "concert_hall",
                "day",
                "Fruchthalle",
                "Illustration: die Fruchthalle mit ihren zwei Reihen von Bogenfenstern bei Tag",
                "In der Fruchthalle finden die Sinfoniekonzerte statt.",
            ),
            _pic(
                "conductor",
                "dusk",
                "Orchester",
                "Illustration: ein Orchester in Reihen auf der Bühne, vorn der Dirigent",
                "Mehr als 70 Veranstaltungen stehen im Programm.",
            ),
            _pic(
                "notes",
                "day",
                "Konzertsaison",
                "Illustration: geschwungene Notenlinien mit Noten über grünen Hügeln",
                "Von Kammermusik bis Familienkonzert: die 76. Saison.",
            ),
        ),
    )


def _concert_event(concert: dt.datetime) -> PostSpec:
    return PostSpec(
        kind=Post.Kind.EVENT,
        author="kultur-kaiserslautern",
        place="kaiserslautern",
        topic="kultur",
        age=_ago(days=2, hours=3, minutes=20),
        kicker="Deutsche Staatsphilharmonie Rheinland-Pfalz",
        headline="Sinfoniekonzert „Winterliche Klangwelten“",
        body="""
<p>Die Deutsche Staatsphilharmonie Rheinland-Pfalz ist mit einem winterlichen Programm in der
Fruchthalle zu Gast. Unter der Leitung von David Reiland erklingen Werke zwischen leiser
Schneelandschaft und funkelnder Virtuosität.</p>
<p>Bitte kommen Sie rechtzeitig: Nach Beginn ist der Einlass nur in der Pause möglich.</p>
""",
        event=EventData(
            starts_at=concert,
            ends_at=concert + dt.timedelta(hours=2),
            organiser="Kultur Kaiserslautern",
            price="19 bis 32 €, ermäßigt die Hälfte",
            ticket_url="https://tickets.example.org/winterliche-klangwelten",
            venue="Fruchthalle",
            address=FRUCHTHALLE_ADDRESS,
            latitude=FRUCHTHALLE_POINT[0],
            longitude=FRUCHTHALLE_POINT[1],
        ),
        embeds=(
            (
                "map",
                "https://www.openstreetmap.org/?mlat={0}&mlon={1}#map=17/{0}/{1}".format(
                    *FRUCHTHALLE_POINT
                ),
            ),
        ),
        pictures=(
            _pic(
                "concert_hall",
                "dusk",
                "Fruchthalle",
                "Illustration: die Fruchthalle in der Abenddämmerung mit warm erleuchteten "
                "Bogenfenstern",
                "Hier spielt die Staatsphilharmonie: die Fruchthalle.",
            ),
        ),
    )


def _office_hours(now: dt.datetime) -> PostSpec:
    start = _at(now, 10, 18)
    return PostSpec(
        kind=Post.Kind.EVENT,
        author="herzlich-digital",
        place="kaiserslautern",
        topic="ratgeber",
        age=_ago(days=1, hours=1, minutes=15),
        kicker="Herzlich digital",
        headline="Online-Sprechstunde: Ihre Fragen zu digitalen Behördengängen",
        body="""
<p>Welche Anliegen lassen sich schon online erledigen, wo hakt es noch, und wie meldet man
einen Schaden an Straße oder Gehweg? In einer offenen Videosprechstunde beantwortet das Team von
Herzlich digital Fragen aus der Bürgerschaft.</p>
<p>Eine Anmeldung ist nicht nötig. Den Link zur Videokonferenz finden Sie in diesem Beitrag;
ein aktueller Browser genügt, eine Kamera ist keine Pflicht.</p>
""",
        event=EventData(
            starts_at=start,
            ends_at=start + dt.timedelta(hours=1),
            online_url="https://meet.example.org/herzlich-digital-sprechstunde",
            organiser="Herzlich digital",
            price="kostenlos",
        ),
    )


def _local_posts() -> list[PostSpec]:
    return [
        PostSpec(
            kind=Post.Kind.SNAPSHOT,
            author="sabine-hartung",
            place="hohenecken",
            topic="lokales",
            age=_ago(days=1, hours=9, minutes=35),
            headline="Raureif unterhalb der Burgruine Hohenecken",
            body="<p>Kurz nach Sonnenaufgang lag heute Reif auf den Wiesen – der Umweg über den "
            "Burgweg hat sich gelohnt.</p>",
            pictures=(
                _pic(
                    "castle_ruin",
                    "frost",
                    "Burgruine Hohenecken",
                    "Illustration: Burgruine auf einem bewaldeten Hügel, davor kleine Tannen mit "
                    "Reif, rechts die aufgehende Sonne",
                    "Frostiger Morgen an der Burgruine.",
                ),
            ),
        ),
        PostSpec(
            kind=Post.Kind.GALLERY,
            author="jonas-riedel",
            place="otterberg",
            topic="lokales",
            age=_ago(days=3, hours=14, minutes=10),
            headline="Adventsmarkt an der Abteikirche: Ein Abend in Bildern",
            body="<p>Waffelduft, Punsch und Bläsermusik: Vor der Abteikirche hat am Wochenende "
            "wieder der kleine Adventsmarkt der Otterberger Vereine geöffnet. Ein paar "
            "Eindrücke vom Samstagabend.</p>",
            pictures=(
                _pic(
                    "church",
                    "night",
                    "Abteikirche Otterberg",
                    "Illustration: romanische Kirche mit großer Fensterrose bei Nacht, es schneit",
                    "Die Abteikirche gibt dem Markt seine Kulisse.",
                ),
                _pic(
                    "market",
                    "night",
                    "Adventsmarkt",
                    "Illustration: Marktbuden mit Lichterketten und ein geschmückter "
                    "Tannenbaum bei Schneefall",
                    "Lichterketten über den Buden der Vereine.",
                ),
                _pic(
                    "market",
                    "dusk",
                    "Adventsmarkt",
                    "Illustration: Holzbuden und ein Weihnachtsbaum in der Abenddämmerung",
                    "Kurz vor Marktbeginn: die Buden sind bereit.",
                ),
                _pic(
                    "town",
                    "night",
                    "Otterberg",
                    "Illustration: Häuserzeile mit beleuchteten Fenstern und einem Kirchturm bei "
                    "Nacht",
                    "Auf dem Heimweg durch die Altstadt.",
                ),
            ),
        ),
        PostSpec(
            kind=Post.Kind.ARTICLE,
            author="redaktion",
            place="erfenbach",
            topic="lokales",
            age=_ago(days=4, hours=7, minutes=45),
            kicker="Baustelle",
            headline="Erfenbach: Kanalarbeiten in der Ortsmitte – drei Wochen Umleitung",
            body="""
<p>In der Ortsdurchfahrt von Erfenbach wird ab Montag ein Abwasserkanal erneuert. Für rund drei
Wochen ist die Straße dort nur halbseitig befahrbar; eine Ampel regelt den Verkehr.</p>
<p>Der Lieferverkehr wird gebeten, die ausgeschilderte Umleitung zu nutzen. Anwohnerinnen und
Anwohner erreichen ihre Grundstücke weiterhin, müssen aber zeitweise mit Wartezeiten rechnen.
Die Bushaltestelle in der Ortsmitte wird für die Dauer der Arbeiten um etwa 100 Meter
verlegt.</p>
""",
            pictures=(
                _pic(
                    "roadworks",
                    "day",
                    "Baustelle",
                    "Illustration: Straße mit rot-weißer Absperrung, Leitkegeln und dem Arm "
                    "eines Baggers",
                    "Halbseitige Sperrung: Eine Ampel regelt den Verkehr.",
                ),
            ),
        ),
        PostSpec(
            kind=Post.Kind.ARTICLE,
            author="claudia-weissmann",
            place="enkenbach-alsenborn",
            topic="wirtschaft",
            age=_ago(days=5, hours=2, minutes=50),
            kicker="Neueröffnung",
            headline="Neue Backstube in Alsenborn: Sauerteig, Dinkel und ein Café-Eck",
            body="""
<p>Wo lange ein Schaufenster leer stand, duftet es seit Samstag nach frischem Brot: Die
„Backstube Kornblume“ hat in Alsenborn eröffnet. Bäckermeisterin Lena Brandt setzt auf lange
Teigführung, Sauerteig und Getreide aus der Region.</p>
<blockquote><p>Ich wollte eine Bäckerei, in der man noch zusehen kann, wie das Brot entsteht.</p>
</blockquote>
<p>Neben Broten und Brötchen gibt es eine kleine Kaffeeecke mit sechs Plätzen. Geöffnet ist
dienstags bis samstags ab 6.30 Uhr, sonntags bis mittags.</p>
""",
            pictures=(
                _pic(
                    "bakery",
                    "dusk",
                    "Backstube",
                    "Illustration: Ladenfront mit rot-weiß gestreifter Markise und Brotlaiben im "
                    "Schaufenster",
                    "Brot aus Sauerteig und regionalem Getreide im Schaufenster.",
                ),
            ),
        ),
        PostSpec(
            kind=Post.Kind.ARTICLE,
            author="sportfreunde-lautertal",
            place="erfenbach",
            topic="sport",
            age=_ago(days=6, hours=16, minutes=25),
            kicker="Fußball",
            headline="Sportfreunde Lautertal gewinnen Flutlichtspiel mit 2:1",
            body="""
<p>Vor gut 200 Zuschauern haben die Sportfreunde Lautertal am Freitagabend den Tabellenzweiten
bezwungen. Nach dem frühen Rückstand glich die Mannschaft noch vor der Pause aus; den
Siegtreffer erzielte der eingewechselte Nachwuchsstürmer in der 84. Minute.</p>
<p>Das nächste Heimspiel ist in zwei Wochen. Der Förderverein verkauft dann wieder Glühwein und
Bratwurst zugunsten der Jugendabteilung.</p>
""",
            pictures=(
                _pic(
                    "pitch",
                    "night",
                    "Sportplatz",
                    "Illustration: Fußballplatz unter Flutlicht mit Tor und Mittelkreis",
                    "Flutlichtabend auf dem Sportplatz.",
                ),
            ),
        ),
        PostSpec(
            kind=Post.Kind.ARTICLE,
            author="redaktion",
            place="kaiserslautern",
            topic="ratgeber",
            age=_ago(days=8, hours=4, minutes=5),
            kicker="Stadtbibliothek",
            headline="E-Books aus der Stadtbibliothek: So klappt die digitale Ausleihe",
            body="""
<p>Lesen, ohne das Haus zu verlassen: Mit einem gültigen Bibliotheksausweis lassen sich
E-Books, Hörbücher und Zeitschriften auch digital ausleihen. So geht es:</p>
<ol>
<li>Ausweisnummer und Passwort bereithalten – beides gibt es an der Theke.</li>
<li>Die Ausleih-App installieren oder die Webseite der digitalen Ausleihe öffnen.</li>
<li>Titel suchen, ausleihen und auf das Gerät laden.</li>
</ol>
<h2>Keine Mahngebühren</h2>
<p>Digitale Titel geben sich am Ende der Leihfrist von selbst zurück. Versäumnisgebühren können
deshalb gar nicht erst entstehen.</p>
""",
            pictures=(
                _pic(
                    "books",
                    "studio",
                    "Stadtbibliothek",
                    "Illustration: Regale voller bunter Buchrücken, davor ein Tablet mit "
                    "Textzeilen",
                    "Digital ausleihen: Bücher auf dem Tablet.",
                ),
            ),
        ),
        PostSpec(
            kind=Post.Kind.ARTICLE,
            author="jonas-riedel",
            place="otterberg",
            topic="lokales",
            age=_ago(days=13, hours=6, minutes=40),
            kicker="Vereinsleben",
            headline="25 Jahre „Hand in Hand“: Otterberger Nachbarschaftsverein feiert",
            body="""
<p>Einkaufen für die Nachbarin, Fahrten zum Arzt, Hilfe beim Ausfüllen von Formularen: Seit 25
Jahren vermittelt der Verein „Hand in Hand“ in Otterberg kleine Hilfen im Alltag. Zum Jubiläum
kamen am Sonntag rund 150 Gäste in den Gemeindesaal.</p>
<p>Die Vorsitzende dankte den gut 60 Ehrenamtlichen und warb um Nachwuchs: Gesucht werden vor
allem Menschen, die ein- oder zweimal im Monat eine Fahrt übernehmen können.</p>
""",
        ),
        PostSpec(
            kind=Post.Kind.ARTICLE,
            author="sabine-hartung",
            place="hohenecken",
            topic="kultur",
            age=_ago(days=15, hours=3, minutes=55),
            kicker="Lesung",
            headline="Sagen und Geschichten rund um die Burg: Lesung im Pfarrheim",
            body="""
<p>Von Raubrittern, Brunnengeistern und einer verschwundenen Glocke: Der Heimatkreis lädt zu
einem Abend mit Sagen aus Hohenecken und seiner Umgebung ein. Gelesen wird im Pfarrheim,
dazu gibt es Tee und Gebäck.</p>
<p>Der Eintritt ist frei, um eine Spende für den Erhalt der Burgruine wird gebeten.</p>
""",
            pictures=(
                _pic(
                    "castle_ruin",
                    "dusk",
                    "Burgruine Hohenecken",
                    "Illustration: Burgruine auf einem Hügel vor rötlichem Abendhimmel",
                    "Um die Burgruine ranken sich viele Geschichten.",
                ),
            ),
        ),
        PostSpec(
            kind=Post.Kind.ARTICLE,
            author="redaktion",
            place="pirmasens",
            topic="wirtschaft",
            age=_ago(days=17, hours=8, minutes=15),
            kicker="Ausbildung",
            headline="Pirmasens: Ausbildungsbörse bringt Schulabgänger und Betriebe zusammen",
            body="""
<p>Gut 40 Betriebe aus Handwerk, Industrie und Pflege haben sich am Samstag jungen Leuten
vorgestellt, die eine Lehrstelle suchen. Viele Firmen hatten Auszubildende mitgebracht, die aus
erster Hand vom Berufsalltag erzählten.</p>
<p>Wer an dem Tag verhindert war, kann sich bei den Betrieben auch direkt bewerben – viele
Plätze für das kommende Ausbildungsjahr sind noch frei.</p>
""",
            pictures=(
                _pic(
                    "workshop",
                    "dusk",
                    "Ausbildung",
                    "Illustration: drei ineinandergreifende Zahnräder über einer Werkbank",
                    "Handwerk, Industrie, Pflege: viele Wege in den Beruf.",
                ),
            ),
        ),
        PostSpec(
            kind=Post.Kind.ARTICLE,
            author="redaktion",
            place="kaiserslautern",
            topic="ratgeber",
            age=_ago(days=19, hours=1, minutes=30),
            kicker="Winterdienst",
            headline="Schnee, Eis und Laub: Was Anlieger im Winter beachten müssen",
            body="""
<p>Wer an einem Gehweg wohnt, muss ihn in vielen Fällen selbst räumen und streuen. Was genau
gilt, regelt die Satzung der Stadt: wann morgens geräumt sein muss, wie breit der Weg frei
bleiben soll und womit gestreut werden darf.</p>
<h2>Die wichtigsten Punkte</h2>
<ul>
<li>Schnee und Eis werden auf dem Gehweg beseitigt, nicht auf die Fahrbahn geschoben.</li>
<li>Sand und Splitt schonen Pflanzen und Pfoten; Streusalz ist vielerorts nur eingeschränkt
erlaubt.</li>
<li>Auch nasses Laub kann rutschig werden und gehört deshalb regelmäßig entfernt.</li>
</ul>
<p>Im Zweifel hilft ein Anruf beim Bürgerservice der Stadt.</p>
""",
        ),
        PostSpec(
            kind=Post.Kind.ARTICLE,
            author="sportfreunde-lautertal",
            place="hohenecken",
            topic="sport",
            age=_ago(days=21, hours=11, minutes=20),
            kicker="Laufen",
            headline="Lauftreff am Gelterswoog: Auch im Winter jeden Samstag",
            body="""
<p>Der Lauftreff der Sportfreunde Lautertal macht keine Winterpause: Jeden Samstag um 9 Uhr
geht es vom Parkplatz am Gelterswoog aus auf eine Runde um den See – wahlweise fünf oder zehn
Kilometer.</p>
<p>Mitlaufen kann jede und jeder, auch ohne Vereinsmitgliedschaft. Bei Dunkelheit und Glätte
empfehlen wir Stirnlampe und Schuhe mit gutem Profil.</p>
""",
            pictures=(
                _pic(
                    "lake",
                    "day",
                    "Gelterswoog",
                    "Illustration: ein See vor dunklem Nadelwald, am Ufer drei Läuferinnen und "
                    "Läufer",
                    "Fünf oder zehn Kilometer rund um den See.",
                ),
            ),
        ),
        PostSpec(
            kind=Post.Kind.ARTICLE,
            author="claudia-weissmann",
            place="enkenbach-alsenborn",
            topic="lokales",
            age=_ago(days=24, hours=5, minutes=10),
            kicker="Ehrenamt",
            headline="40 neue Obstbäume für die Streuobstwiese am Ortsrand",
            body="""
<p>Äpfel, Birnen, Zwetschgen und zwei Speierlinge: Rund 30 Freiwillige haben am Samstag 40
junge Obstbäume am Ortsrand gepflanzt. Die Sorten sind alte, regionale Züchtungen, die mit
Trockenheit besser zurechtkommen.</p>
<p>Für jeden Baum gibt es eine Patin oder einen Paten, die sich in den ersten Jahren ums Gießen
kümmern. Die erste Ernte wird in drei bis vier Jahren erwartet.</p>
""",
            pictures=(
                _pic(
                    "orchard",
                    "autumn",
                    "Streuobstwiese",
                    "Illustration: junge Obstbäume mit Stützpfählen auf einer Wiese, daneben "
                    "ein Spaten",
                    "Frisch gepflanzt: alte regionale Obstsorten.",
                ),
            ),
        ),
        PostSpec(
            kind=Post.Kind.ARTICLE,
            author="mehmet-yildiz",
            place="erfenbach",
            topic="lokales",
            age=_ago(days=27, hours=9, minutes=45),
            kicker="Flohmarkt",
            headline="Hofflohmarkt in Erfenbach: Über 60 Höfe öffnen ihre Tore",
            body="""
<p>Spielzeug, Bücher, Geschirr und so manches Fundstück vom Dachboden: Beim Hofflohmarkt haben
am Sonntag mehr als 60 Haushalte in Erfenbach ihre Höfe und Garagen geöffnet.</p>
<p>Eine Karte mit allen Ständen hing am Dorfplatz aus. Viele Nachbarinnen und Nachbarn boten
außerdem Kaffee und Kuchen an – der Erlös geht an den Kindergarten.</p>
""",
        ),
        PostSpec(
            kind=Post.Kind.ARTICLE,
            author="redaktion",
            place="kaiserslautern",
            topic="kultur",
            age=_ago(days=30, hours=2, minutes=35),
            kicker="Offene Ateliers",
            headline="Künstlerinnen und Künstler laden in ihre Werkstätten ein",
            body="""
<p>Ein Wochenende lang öffnen Malerinnen, Bildhauer und Fotografinnen in der Innenstadt ihre
Ateliers. Wer mag, kann zuschauen, Fragen stellen und an manchen Orten selbst zu Pinsel oder
Ton greifen.</p>
<p>Einen Plan mit allen Stationen gibt es in den teilnehmenden Ateliers; der Eintritt ist
überall frei.</p>
""",
        ),
    ]


def demo_posts(now: dt.datetime) -> list[PostSpec]:
    """All demo posts relative to ``now``, newest first."""
    concert = concert_start(now)
    posts = [
        _election(),
        _office_hours(now),
        _december_concerts(concert),
        _concert_event(concert),
        _concert_season(),
        *_local_posts(),
    ]
    return sorted(posts, key=lambda post: post.age)


def has_posts() -> bool:
    return Post.objects.exists()


def _delete_all(queryset: QuerySet[Any]) -> int:
    count = queryset.count()
    queryset.delete()
    return count


def _delete_places() -> int:
    """Delete all places, leaves first: a place protects its children from deletion."""
    count = 0
    while batch := list(Place.objects.filter(children__isnull=True).values_list("pk", flat=True)):
        count += _delete_all(Place.objects.filter(pk__in=batch))
    return count


def _delete_files(names: list[str]) -> None:
    for name in names:
        default_storage.delete(name)


def clear_content() -> Counts:
    """Delete every post, profile, place and topic, and the demo accounts; return the counts.

    Picture and avatar files are deleted once the transaction commits. Accounts of real people
    stay; they only lose their memberships in the deleted profiles.
    """
    pictures = 0
    for image in Image.objects.only("pk", "file", "renditions"):
        image_services.delete_image(image=image)
        pictures += 1
    avatars = [name for name in Profile.objects.values_list("avatar", flat=True) if name]
    if avatars:
        transaction.on_commit(lambda: _delete_files(avatars))
    return Counts(
        pictures=pictures,
        posts=_delete_all(Post.objects.all()),
        profiles=_delete_all(Profile.objects.all()),
        accounts=_delete_all(User.objects.filter(email__endswith=f"@{DEMO_EMAIL_DOMAIN}")),
        topics=_delete_all(Topic.objects.all()),
        places=_delete_places(),
    )


def _check_not_loaded() -> None:
    slugs = [spec.slug for spec in PROFILES]
    if (
        Profile.objects.filter(slug__in=slugs).exists()
        or User.objects.filter(username__in=slugs).exists()
    ):
        raise DemoAlreadyLoaded(
            "The demo profiles or accounts exist already; use --reset to load them again."
        )


def _places() -> dict[str, Place]:
    """Create the demo places; places that exist already (same slug) are reused."""
    by_slug: dict[str, Place] = {}
    for spec in PLACES:
        existing = Place.objects.filter(slug=spec.slug).first()
        by_slug[spec.slug] = existing or place_services.create_place(
            name=spec.name,
            slug=spec.slug,
            kind=spec.kind,
            parent=by_slug[spec.parent] if spec.parent else None,
            latitude=spec.latitude,
            longitude=spec.longitude,
        )
    return by_slug


def _topics() -> dict[str, Topic]:
    """Create the topics in menu order; topics that exist already (same slug) are reused.

    Topics have no service yet; a plain create is enough for fixed demo data.
    """
    by_slug: dict[str, Topic] = {}
    for position, (slug, name) in enumerate(TOPICS, start=1):
        topic = Topic.objects.filter(slug=slug).first()
        by_slug[slug] = topic or Topic.objects.create(name=name, slug=slug, position=position)
    return by_slug


def _profiles(places: dict[str, Place]) -> tuple[dict[str, Profile], int]:
    """Create one account per profile (no usable password) and the profiles it owns."""
    accounts: dict[str, User] = {}
    profiles: dict[str, Profile] = {}
    for spec in PROFILES:
        owner = account_services.create_user(
            username=spec.slug, email=f"{spec.slug}@{DEMO_EMAIL_DOMAIN}", password=None
        )
        accounts[spec.slug] = owner
        profiles[spec.slug] = account_services.create_profile(
            display_name=spec.display_name,
            slug=spec.slug,
            kind=spec.kind,
            home_place=places[spec.home_place],
            bio=spec.bio,
            owner=owner,
        )
    for spec in PROFILES:
        for username in spec.members:
            account_services.add_member(profile=profiles[spec.slug], user=accounts[username])
    return profiles, len(accounts)


def _one_line_paragraphs(html: str) -> str:
    """Undo the line wrapping of the source: one block element per line, no breaks in text."""
    return re.sub(r">\s+<", ">\n<", " ".join(html.split()))


def _seed(post: PostSpec, index: int) -> int:
    return zlib.crc32(f"{post.headline}#{index}".encode())


def _create_post(
    spec: PostSpec,
    *,
    now: dt.datetime,
    places: dict[str, Place],
    topics: dict[str, Topic],
    profiles: dict[str, Profile],
    written: list[str],
) -> Post:
    post = content_services.create_post(
        kind=spec.kind,
        author=profiles[spec.author],
        headline=spec.headline,
        kicker=spec.kicker,
        teaser=spec.teaser,
        body=_one_line_paragraphs(spec.body),
        place=places[spec.place],
        topic=topics[spec.topic],
        sponsor=profiles[spec.sponsor] if spec.sponsor else None,
        event=spec.event,
    )
    for index, picture in enumerate(spec.pictures):
        image = content_services.add_picture(
            post=post,
            data=images.render(
                picture.motif,
                seed=_seed(spec, index),
                label=picture.label,
                palette=picture.palette,
            ),
            credit=CREDIT,
            alt_text=picture.alt_text,
            caption=picture.caption,
        )
        written.append(str(image.file.name))
    return content_services.publish_post(post=post, at=now - spec.age)


@dataclass(frozen=True)
class LoadResult:
    loaded: Counts
    removed: Counts | None


def _add_embeds(spec: PostSpec, created: dict[str, Post]) -> None:
    for dialog, link in spec.embeds:
        if "://" not in link:
            link = f"{site_base()}{created[link].get_absolute_url()}"
        embed_services.add_embed(
            post=created[spec.headline], by=None, url=link, dialog=EmbedKind(dialog)
        )


def load_demo(*, reset: bool = False, now: dt.datetime | None = None) -> LoadResult:
    """Load the demo content in one transaction; with ``reset``, delete all content first.

    Raises DemoAlreadyLoaded when the demo accounts or profiles exist and ``reset`` is false.
    If anything fails, the database is rolled back and the picture files written so far are
    deleted again.
    """
    now = now or timezone.now()
    written: list[str] = []
    try:
        with transaction.atomic():
            removed = clear_content() if reset else None
            _check_not_loaded()
            places = _places()
            topics = _topics()
            profiles, accounts = _profiles(places)
            specs = demo_posts(now)
            # Oldest first, so that ids grow with the publication date as in real life.
            created = {
                spec.headline: _create_post(
                    spec,
                    now=now,
                    places=places,
                    topics=topics,
                    profiles=profiles,
                    written=written,
                )
                for spec in reversed(specs)
            }
            for spec in specs:
                _add_embeds(spec, created)
            transaction.on_commit(bump_generation)
    except BaseException:
        _delete_files(written)
        raise
    loaded = Counts(
        places=len(places),
        topics=len(topics),
        profiles=len(profiles),
        accounts=accounts,
        posts=len(specs),
        pictures=len(written),
    )
    return LoadResult(loaded=loaded, removed=removed)
