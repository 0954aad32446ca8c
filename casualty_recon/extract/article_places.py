"""Where an article's statements happened: its places, per sentence, in its lead, most named,
and its main country; its datelines, which name where the reporter is, never an area.

`claims` asks `ArticlePlaces.area_for` for the area of each statement: the places its sentence
names, else the article's lead's, else the article's most named place, else its country. The
rules that find and weigh place names are in `towns`; this module puts them together.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Sequence

from casualty_recon.extract import towns as cues
from casualty_recon.extract.org_names import organisation_spans
from casualty_recon.extract.speaking_places import speaking_places, standing_places
from casualty_recon.extract.text import Sentence, covering
from casualty_recon.extract.towns import cued_places, demonym_country
from casualty_recon.grammar.places import Gazetteer, display_name, town_parent
from casualty_recon.grammar.places import place as gazetteer_place
from casualty_recon.model.claims import Place

__all__ = ["UNKNOWN", "ArticlePlaces", "dateline_span", "dateline_spans"]

# What a claim's area or as_of says when the article does not tell (the format accepts it).
UNKNOWN = "unknown"
# Sentences that make up an article's lead, for places the statement itself does not name.
_LEAD_SENTENCES = 2


# A dateline: where the reporter is, not what the article is about. "KYIV (Reuters) -",
# "KHARTOUM, Sudan -", "Kyiv, 3 March -", "HODEIDAH, Yemen (Newswire) -" at a line's start.
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][\w'.]*(?:[ -][A-Z][\w'.]*){0,3})"
    r"(?P<rest>(?:,\s*(?:\d{1,2} [A-Z][a-z]+\.?(?:,? \d{4})?|[A-Z][a-z]+\.? \d{1,2}(?:,? \d{4})?|"
    r"[A-Z][\w.]*(?: [A-Z][\w.]*){0,2}))*\s*(?:\([^)\n]{1,40}\))?)\s*(?:-{1,2}|:)\s+",
    re.M,
)
_DATELINE_SEARCH = 600
# Statements about a whole country: "across the country", "nationwide".
_COUNTRY_WIDE = re.compile(
    r"\b(?:across|throughout|all over|around) the (?:whole |entire )?country\b|"
    r"\b(?:nationwide|countrywide|country-wide)\b|\bin the (?:whole |entire )?country\b",
    re.I,
)


def dateline_span(text: str) -> tuple[int, int] | None:
    """Where the dateline's place names are, if the article opens a paragraph with one: a city in
    capitals, or followed by a country, a date or an agency in brackets, then a dash."""
    return next(iter(dateline_spans(text)), None)


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Every paragraph opening near the top that looks like a dateline: the dateline itself, and
    a heading in capitals with a dash before it ("WORLD NEWS - Africa"), which names no scope
    either."""
    spans: list[tuple[int, int]] = []
    for match in _DATELINE.finditer(text[:_DATELINE_SEARCH]):
        place, rest = match.group("place"), match.group("rest").strip()
        if (place.isupper() and len(place) >= 3) or rest:
            spans.append((match.start(), match.end("rest")))
    return spans


class ArticlePlaces:
    """Places of one article: per sentence, in the lead, most named, and the main country.

    A dateline's city counts towards the article's country but is never the area of a
    statement: it is where the reporter is, not the scope of the figure.
    """

    def __init__(self, gazetteer: Gazetteer, text: str, sentences: Sequence[Sentence]) -> None:
        self._gazetteer, self._text = gazetteer, text
        ordered: dict[frozenset[Place], tuple[Place, ...]] = {}  # one tuple a set of places
        ambiguous: list[tuple[int, int, str, str | None]] = []  # settled by the country below
        found = gazetteer.find_places(text, ambiguous)
        found = [m for m in found if not cues.begins_a_town(text, m[0], m[1])]  # "Dera Ismail"
        # "the Islamic State in Iraq and the Levant": no place of the article
        in_name = covering(organisation_spans(text, {end for _, end, _ in found}))
        found = [m for m in found if not in_name(m[0])]
        mentions = [
            (start, end, ordered.get(places) or ordered.setdefault(places, _in_order(places)))
            for start, end, places in map(_adjective_as_country(text), found)
        ]
        datelines = dateline_spans(text)
        in_dateline, in_first = covering(datelines), covering(datelines[:1])
        # The main country is one the text names outside its dateline, other than as a
        # reference point ("CAIRO, Egypt (Newswire) - ... in Khartoum": Sudan), else the
        # dateline's; then the one named most; of two named as often, one the text names by its
        # name wins over a dateline's ("TUNIS (Newswire) - ... in Libya").
        countries: Counter[str] = Counter()
        by_name: Counter[str] = Counter()
        self._in_text: set[str] = set()
        where: set[str] = set()  # named in the text, not as a speaker's ("France's minister")
        spoke_in = []  # "Speaking in Washington, the envoy said": no area, no main country
        spoken = covering(speaking_places(text))  # the phrase wherever it stands
        stood = covering(standing_places(text))  # "a witness in X said": its sentence's only
        for start, end, places in mentions:
            said_here = spoken(start) or cues.spoke_in(text, start, end)
            pointed = in_dateline(start) or said_here or stood(start)
            pointed = pointed or cues.reference_place(text, start, end)
            spoke_in += [(start, end)] if said_here else []
            for place in places:
                countries[place.country] += 1
                if not pointed:
                    self._in_text.add(place.country)
                    by_name[place.country] += place.is_country
                    where.update([] if cues.speakers_country(text, start, end) else [place.country])
        # "MANILA (Newswire) -": a dateline's city without its country gives the country
        if datelines and not any(in_first(m[0]) for m in mentions):
            countries.update(filter(None, [cues.dateline_country(text[slice(*datelines[0])])]))
        plain = cues.uncued_towns(text, countries, [*datelines, *((s, e) for s, e, _ in mentions)])
        plain = [town for town in plain if not (spoken(town[0]) or in_name(town[0]))]
        placed = [town.country for start, _, town in plain if not stood(start)]
        countries.update(placed)  # "near Mocimboa da Praia"
        self._in_text.update(placed)
        where.update(placed)
        self.country = (
            max(
                countries,
                key=lambda c: (c in where, c in self._in_text, countries[c], by_name[c]),
            )
            if countries
            else None
        )
        # A town named with a cue replaces the region or country its name also matched; a place
        # a distance is measured from ("10 km north of Y") is no area (`towns`).
        towns, references, self._unknown, demonyms = cued_places(text, self.country)
        towns = [t for t in towns if not (in_dateline(t[0]) or spoken(t[0]) or in_name(t[0]))]
        # "a Malian village": the country, named by its demonym
        towns += [(s, e, gazetteer_place(code)) for s, e, code in demonyms]
        towns += [t for t in plain if t[0] not in {s for s, _, _ in towns}]
        towns.sort(key=lambda town: town[0])
        located = [town for town in towns if not stood(town[0])]
        if located and (self.country is None or self.country not in self._in_text):
            self.country = located[0][2].country
        # (a mention of a reference point may begin at its article: "of the Gaza Strip")
        skipped = [
            *datelines,
            *spoke_in,
            *((s, e) for s, e, _ in towns),
            *((r - 4, r + 1) for r in references),
        ]
        regions = cues.named_regions(gazetteer, text, self.country, ambiguous, mentions)
        mentions += regions
        if regions and (self.country is None or self.country not in self._in_text):
            self.country = regions[0][2][0].country
        inside = covering(skipped)
        kept = [m for m in mentions if not inside(m[0])]
        kept += [(start, end, (town,)) for start, end, town in towns]
        kept.sort(key=lambda mention: mention[0])
        # In order of their start, for bisecting by sentence.
        local: dict[tuple[Place, ...], tuple[Place, ...]] = {}
        self._mentions = [
            (
                start,
                end,
                local.get(places)
                or local.setdefault(places, tuple(p for p in places if p.country == self.country)),
            )
            for start, end, places in kept
        ]
        self._starts = [start for start, _, _ in self._mentions]
        self._stood = {start for start in self._starts if stood(start)}
        lead_end = (
            sentences[min(_LEAD_SENTENCES, len(sentences)) - 1].start
            + len(sentences[min(_LEAD_SENTENCES, len(sentences)) - 1].text)
            if sentences
            else 0
        )
        # A town is the scope of its own sentence only: elsewhere, where it lies.
        elsewhere = [m for m in self._mentions if m[0] not in self._stood]
        self._lead = _labels(_container(p) for s, _, ps in elsewhere if s < lead_end for p in ps)
        named: Counter[Place] = Counter(
            c for _, _, ps in elsewhere for c in map(_container, ps) if not c.is_country
        )
        self._most_named = _labels([named.most_common(1)[0][0]]) if named else ()

    def area_for(self, sentence: Sentence) -> tuple[tuple[str, ...], str | None]:
        """The area of a statement and, when it is not from the sentence, a note saying so."""
        end = sentence.start + len(sentence.text)
        first = bisect_left(self._starts, sentence.start)
        last = bisect_left(self._starts, end, lo=first)
        mentions = self._mentions[first:last]
        if any(ps and s not in self._stood for s, _, ps in mentions):  # a witness's place yields
            mentions = [mention for mention in mentions if mention[0] not in self._stood]
        own_places = [p for ps in _narrowest([ps for _, _, ps in mentions]) for p in ps]
        if any(sentence.start <= start < end for start in self._unknown):
            # A settlement the gazetteer lacks is named too: not one of the towns, but where
            # they lie, is what the sentence's figures share.
            own_places = [_container(p) for p in own_places]
        own = _labels(own_places)
        if own:
            return own, None
        unknown = [
            cues.unknown_name(self._text, s) for s in self._unknown if sentence.start <= s < end
        ]
        if unknown and self.country not in self._in_text:  # the dateline's country, a guess
            where = f"; {display_name(self.country)} is only the dateline's" if self.country else ""
            note = f"area: unknown, {unknown[0]} is no place the gazetteer knows{where}."
            return (UNKNOWN,), note
        if self.country and _COUNTRY_WIDE.search(sentence.text):
            return (display_name(self.country),), "area: the sentence speaks of the country."
        if self._lead:
            return self._lead, "area: the sentence names no place; taken from the article's lead."
        if self._most_named:
            return self._most_named, "area: the article's most named place."
        if self.country:
            label = display_name(self.country)
            return (label,), "area: the article names only its country."
        return (), None


# After a region's name, the words that say it is the region ("the Somali region").
_REGION_WORDS = re.compile(r" (?:region|regional|state|zone|province|governorate)\b")
_NOUN_AFTER = re.compile(r" [a-z]")


def _adjective_as_country(
    text: str,
) -> Callable[[tuple[int, int, frozenset[Place]]], tuple[int, int, frozenset[Place]]]:
    """A region whose name is another country's demonym, used as an adjective before a noun
    ("Somali forces", "the central Somali town of", not "the Somali region"), is that country:
    Ethiopia's Somali region is not meant."""

    def read(mention: tuple[int, int, frozenset[Place]]) -> tuple[int, int, frozenset[Place]]:
        start, end, places = mention
        if any(p.is_country for p in places) or not _NOUN_AFTER.match(text, end):
            return mention
        code = demonym_country(text[start:end].rsplit(" ", 1)[-1])
        if code is None or any(p.country == code for p in places):
            return mention
        if _REGION_WORDS.match(text, end):
            return mention
        return start, end, frozenset({gazetteer_place(code)})

    return read


def _narrowest(mentions: list[tuple[Place, ...]]) -> list[tuple[Place, ...]]:
    """The mentions of a sentence without a region of several places ("the West Bank", "the
    Gaza Strip") where another mention lies within it ("in Jenin in the occupied West Bank")."""

    def within(inner: tuple[Place, ...], codes: set[str]) -> bool:
        return (
            bool(inner)
            and all(p.code in codes or town_parent(p.code) in codes for p in inner)
            and {p.code for p in inner} != codes
        )

    kept = []
    for mention in mentions:
        codes = {p.code for p in mention}
        if len(mention) > 1 and any(within(other, codes) for other in mentions):
            continue
        kept.append(mention)
    return kept


def _container(town: Place) -> Place:
    """The place a town lies in (its region, else its country); any other place itself."""
    parent = town_parent(town.code)
    return town if parent is None else gazetteer_place(parent)


def _in_order(places: frozenset[Place]) -> tuple[Place, ...]:
    """The places of a mention in a fixed order (a set's order changes with the hash seed)."""
    return tuple(sorted(places, key=lambda p: (p.code, p.part or "", p.name)))


def _labels(places: object) -> tuple[str, ...]:
    """Place labels without repeats; a country is dropped when one of its parts is named, and a
    part of a place is dropped when the whole place is named too, and so is a town's region."""
    # one label a place: a town the article spells two ways ("Douma", "Duma") is named once
    firsts: dict[tuple[str, str | None], Place] = {}
    for each in places:  # type: ignore[attr-defined]
        firsts.setdefault((each.code, each.part), each)
    chosen = list(firsts.values())
    codes_whole = {p.code for p in chosen if p.part is None}
    kept = [p for p in chosen if p.part is None or p.code not in codes_whole]
    # A town's region is dropped when the town is named: the town is the narrower scope (any
    # region of its country when the gazetteer does not know which one holds it).
    regions = {town_parent(p.code) for p in kept}
    kept = [
        p
        for p in kept
        if p.code not in regions and (p.country not in regions or town_parent(p.code) is not None)
    ]
    if any(not p.is_country for p in kept):
        kept = [p for p in kept if not p.is_country]
    return tuple(map(cues.loadable_label, kept))
