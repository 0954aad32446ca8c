"""From article text to claims: statements, who said them, where, when, by whom.

`extract_claims` is the library entry point the `extract` command calls. It reads each article,
finds its toll statements (`statements`), attributes each (`attribution`), fills its window
(`window`), perpetrators (`perpetrators`) and area (`article_places`: places named in the
sentence, else in the article's lead, else the article's most named place, else its country),
and returns claims ready to be written as YAML (`writer`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from casualty_recon.extract.article_places import (
    UNKNOWN,
    ArticlePlaces,
)
from casualty_recon.extract.attribution import Attribution, Attributor
from casualty_recon.extract.basis import find_basis, source_basis
from casualty_recon.extract.earlier import earlier_window
from casualty_recon.extract.headline import is_cumulative
from casualty_recon.extract.named_speakers import ARTICLE_FORCES
from casualty_recon.extract.perpetrators import (
    article_coalition,
    article_forces,
    article_government,
    clash_party,
    find_perpetrators,
    state_subject,
)
from casualty_recon.extract.statements import Statement, article_statements
from casualty_recon.extract.text import Sentence, article_text, split_sentences
from casualty_recon.extract.window import Window, article_date, window
from casualty_recon.grammar.parties import country_forces
from casualty_recon.grammar.places import Gazetteer
from casualty_recon.model.errors import CasualtyReconError, GrammarError, UsageError

_AGENCIES = (
    "Reuters", "AFP", "AP", "Associated Press", "Anadolu Agency", "Anadolu", "DPA", "Xinhua",
    "SANA", "TASS", "Sputnik", "ANSA", "EFE", "UPI",
)  # fmt: skip
_BYLINE = re.compile(
    r"(?:^|[\s(\[-])(?:-{1,2}\s*|\(\s*|\bby\s+|\bWriting by [^()]*?\b)?"
    r"(?P<agency>" + "|".join(re.escape(a) for a in _AGENCIES) + r")\b(?:\s*\)|\s*$)",
    re.I,
)


@dataclass(frozen=True, slots=True)
class SourceEntry:
    """A `sources:` entry the claims refer to."""

    key: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ExtractedClaim:
    """One claim as `extract` writes it, with every value already in the v1 grammar.

    `perpetrators` is empty for `any`; `start`/`as_of`/`published` are period-grammar text.
    """

    id: str
    source: SourceEntry
    figure: str
    population: str
    outcome: str
    perpetrators: tuple[str, ...]
    area: tuple[str, ...]
    start: str | None
    as_of: str
    published: str | None
    basis: str
    relayed_by: str | None
    url: str | None
    quote: str
    notes: str
    confidence: str
    article: str

    @property
    def duplicate_key(self) -> tuple[str, str, str, str, str]:
        return (self.source.key, self.figure, self.population, self.outcome, self.as_of)


@dataclass(frozen=True, slots=True)
class ArticleFailure:
    """An article of a batch that could not be read or extracted, and why."""

    name: str
    message: str
    hint: str | None = None


def extract_claims(
    texts: Sequence[tuple[str, str]],
    *,
    published: dt.date | None = None,
    url: str | None = None,
    outlet: str | None = None,
    failures: list[ArticleFailure] | None = None,
    on_article: Callable[[int, str], None] | None = None,
) -> list[ExtractedClaim]:
    """The claims stated in each article, given as (name, raw text or HTML) pairs.

    `published` dates the articles (else a dateline found in each; an article with neither
    has `as_of: unknown` unless its sentence states a full date); `outlet` relays every
    attributed figure (else the byline agency). An article that names no place gives
    `area: unknown`. With `failures`, an article whose extraction fails is recorded there and
    the others are still extracted; without it, the error is raised. `on_article` is told the
    number and name of each article before it is read (the CLI shows progress with it).
    """
    gazetteer = Gazetteer()
    claims: list[ExtractedClaim] = []
    taken: set[str] = set()
    seen: set[tuple[str, str, str, str, str]] = set()
    for number, (name, raw) in enumerate(texts, start=1):
        if on_article is not None:
            on_article(number, name)
        # An article's claims are kept as they come, a repeat of an earlier figure never made,
        # and added to the others once the whole article is read.
        kept: list[ExtractedClaim] = []
        keys: set[tuple[str, str, str, str, str]] = set()

        def is_new(key: tuple[str, str, str, str, str]) -> bool:
            return key not in seen and key not in keys  # noqa: B023 (called within the loop)

        try:
            for claim in _article_claims(
                name, raw, gazetteer, published, url, outlet, taken, is_new
            ):
                keys.add(claim.duplicate_key)
                kept.append(claim)
        except Exception as error:  # one article's failure must not lose the others
            if failures is None:
                raise
            failures.append(_failure(name, error))
            continue
        seen |= keys
        taken.update(claim.id for claim in kept)
        claims.extend(kept)
    return claims


def _article_claims(
    name: str,
    raw: str,
    gazetteer: Gazetteer,
    published: dt.date | None,
    url: str | None,
    outlet: str | None,
    taken: set[str],
    is_new: Callable[[tuple[str, str, str, str, str]], bool],
) -> Iterator[ExtractedClaim]:
    """The claims of one article, in order, one at a time: a claim whose duplicate key
    `is_new` refuses still takes its id (the ids of the others do not depend on it) but is not
    made. The parts of a claim read from its clause are kept for the next statement of the
    same clause, and identical notes are one string."""
    text = article_text(raw)
    sentences = split_sentences(text)
    statements = _without_increments_of_tolls(article_statements(sentences))
    if not statements:
        return
    day = published or article_date(text)
    dated_from = "--published" if published else "the article's dateline"
    relay = outlet or _byline_agency(text)
    places = ArticlePlaces(gazetteer, text, sentences)
    attributor = Attributor(text)
    coalition = article_coalition(text)
    government = article_government(text)  # Syria's, else the first it names by its country
    if government is None and places.country is not None:  # else the article's country's
        government = country_forces(places.country)
    local_ids = _Ids(taken)
    notes_made: dict[str, str] = {}
    areas_made: dict[tuple[str, ...], tuple[str, ...]] = {}
    published_text = day.isoformat() if day else None
    last_clause: _ClauseParts | None = None
    statements.reverse()  # taken from the end, in order, each let go once its claim is made
    while statements:
        statement = statements.pop()
        clause, offset = statement_clause(statement)
        attribution = attributor.attribute(clause, statement.start - offset, sentences)
        source = _source(attribution, relay)
        relayed_by = relay if relay and relay != source.key else None
        scene = _scene(statement, clause)
        if last_clause is None or (last_clause.start, last_clause.text) != (
            scene.start,
            scene.text,
        ):
            last_clause = _ClauseParts(scene.start, scene.text, window(scene.text, day))
        span = _figure_span(last_clause.span, clause, statement, offset)
        claim_id = local_ids.claim_id(source.key, span.as_of)
        key = (source.key, statement.figure, statement.population, statement.outcome, span.as_of)
        if not is_new(key):
            continue
        if last_clause.area is None:
            found_area, last_clause.area_note = places.area_for(scene)
            if not found_area:
                found_area = (UNKNOWN,)
                last_clause.area_note = "area: unknown, the article names no known place."
            last_clause.area = areas_made.setdefault(found_area, found_area)
            last_clause.perpetrators = find_perpetrators(scene.text, coalition, government)
        area, area_note = last_clause.area, last_clause.area_note
        start = span.start
        if start is None and span.event_day and _single_event(statement):
            start = span.as_of
            span_notes: tuple[str, ...] = (*span.notes, "start: one event on one day, so as_of")
        else:
            span_notes = span.notes
        notes = [
            f"Extracted by casualty-recon from {name}; check against the article.",
            f"confidence: {_confidence(statement, attribution)} (rule: {statement.shape}).",
            f"published: {day} from {dated_from}."
            if day
            else "published: unknown, the article has no date and none was given.",
            *(f"{note}." for note in span_notes),
        ]
        if area_note:
            notes.append(area_note)
        if attribution is None:
            notes.append("No organisation is named for this figure; it is the outlet's own.")
        notes.extend(_outcome_notes(statement, clause.text))
        perpetrators = last_clause.perpetrators
        if not perpetrators:
            forces = article_forces("", places.country, government)
            if state_subject(clause.text):  # "Police killed 18": the article's forces
                perpetrators = (forces,) if forces else ()
            elif statement.population == "combatants":  # "in clashes with X"
                perpetrators = tuple(filter(None, [clash_party(clause.text, forces)]))
        claimant = attribution.perpetrator if attribution is not None else ""
        if claimant == ARTICLE_FORCES:  # "the army said it had killed": the article's forces
            speaker = attribution.organisation.name if attribution is not None else ""
            claimant = article_forces(speaker, places.country, government) or ""
        if claimant:
            perpetrators = (claimant,)
            notes.append(
                f"perpetrators: {claimant}, the source claiming its own "
                "killings; its figure is its own claim, unverified."
            )
        if clause is not statement.sentence:
            notes.append(_quote_note(clause, statement.sentence, offset, name))
        joined = " ".join(notes)
        yield ExtractedClaim(
            id=claim_id,
            source=source,
            figure=statement.figure,
            population=statement.population,
            outcome=statement.outcome,
            perpetrators=perpetrators,
            area=area,
            start=start,
            as_of=span.as_of,
            published=published_text,
            basis=source_basis(
                find_basis(clause.text, statement.start - offset, statement.end - offset),
                source,
            ),
            relayed_by=relayed_by,
            url=url,
            quote=clause.text,
            notes=notes_made.setdefault(joined, joined),
            confidence=_confidence(statement, attribution),
            article=name,
        )


def _figure_span(span: Window, clause: Sentence, statement: Statement, offset: int) -> Window:
    """The clause's window, or for a figure dated from the clause's day ("up from 45 a day
    earlier", "revising its earlier toll of 80") the window counted back from it."""
    start, end = statement.start - offset, statement.end - offset
    return earlier_window(clause.text, start, end, span) or span


def _scene(statement: Statement, clause: Sentence) -> Sentence:
    """The clause whose window, area and perpetrators a statement's claim takes: its own, or
    for "Thirteen of them were children" the clause of the count it breaks down."""
    return statement_clause(statement.part_of)[0] if statement.part_of else clause


# "neutralised": read as killed (statement_words), never silently.
_NEUTRALISED = re.compile(r"\bneutrali[sz](?:ed|ing)\b", re.I)


def _outcome_notes(statement: Statement, clause: str) -> list[str]:
    """What a reader should know of how the outcome was read: "neutralised" as killed."""
    neutralised = _NEUTRALISED.search(clause) if statement.outcome == "killed" else None
    if neutralised is None:
        return []
    return [
        f'outcome: killed, read from "{neutralised.group()}", as the source wrote it: a '
        "military word that usually means killed but can mean captured."
    ]


# An increment: "two more people", "another 3 people", "an additional five".
_MORE_AFTER = re.compile(r"\s+(?:more|additional|further)\b(?!\s+than)", re.I)
_MORE_BEFORE = re.compile(r"\b(?:another|an additional|a further)\s+$", re.I)


def _without_increments_of_tolls(statements: list[Statement]) -> list[Statement]:
    """The statements less the increments stated beside their running toll: in "two more bodies
    were found, bringing the total to 14" the claim is the toll, 14; the two are in it. An
    increment without a toll in its sentence is still a count of the dead."""
    tolls = {(s.sentence.index, s.outcome) for s in statements if s.shape == "toll"}
    return [
        s
        for s in statements
        if (s.sentence.index, s.outcome) not in tolls
        or s.shape == "toll"
        or not (
            _MORE_AFTER.match(s.sentence.text, s.end)
            or _MORE_BEFORE.search(s.sentence.text[max(0, s.start - 20) : s.start])
        )
    ]


@dataclass(slots=True)
class _ClauseParts:
    """What a clause says whatever the statement in it: read once for all its statements."""

    start: int
    text: str
    span: Window
    area: tuple[str, ...] | None = None
    area_note: str | None = None
    perpetrators: tuple[str, ...] = ()


def _single_event(statement: Statement) -> bool:
    """A toll of one event: not a running toll ("the death toll rose to") nor a total."""
    return statement.shape != "toll" and not is_cumulative(statement)


def _failure(name: str, error: Exception) -> ArticleFailure:
    if isinstance(error, UsageError):
        return ArticleFailure(name, error.message, error.hint)
    if isinstance(error, CasualtyReconError | GrammarError):
        return ArticleFailure(name, str(error))
    return ArticleFailure(
        name,
        f"extraction failed ({type(error).__name__}: {error})",
        "please report this as a bug in extract, with the article",
    )


# A sentence longer than this is read (and quoted) only around each statement: its clause, at
# most CLAUSE_REACH characters either side, cut at a semicolon or colon where there is one. The
# work per statement is then bounded, and 200 claims of a 14 KB sentence do not each quote it.
CLAUSE_LIMIT = 600
CLAUSE_REACH = 200
_CLAUSE_CUT = re.compile(r"[;:]\s")


def statement_clause(statement: Statement) -> tuple[Sentence, int]:
    """The part of its sentence a statement is read in, and where that part starts in the
    sentence: the whole sentence up to CLAUSE_LIMIT characters, else its clause."""
    sentence = statement.sentence
    text = sentence.text
    if len(text) <= CLAUSE_LIMIT:
        return sentence, 0
    low = max(0, statement.start - CLAUSE_REACH)
    high = min(len(text), statement.end + CLAUSE_REACH)
    cuts = [m.end() for m in _CLAUSE_CUT.finditer(text, low, statement.start)]
    if cuts:
        low = cuts[-1]
    elif low > 0:
        space = text.find(" ", low, statement.start)
        low = space + 1 if space >= 0 else low
    after = _CLAUSE_CUT.search(text, statement.end, high)
    if after:
        high = after.start() + 1
    elif high < len(text):
        space = text.rfind(" ", statement.end, high)
        high = space if space >= 0 else high
    chunk = text[low:high]
    low += len(chunk) - len(chunk.lstrip())
    return Sentence(sentence.index, sentence.start + low, chunk.strip()), low


def _quote_note(clause: Sentence, sentence: Sentence, offset: int, name: str) -> str:
    return (
        f"quote: the statement's clause, characters {offset + 1:,} to "
        f"{offset + len(clause.text):,} of the {len(sentence.text):,}-character sentence "
        f"{sentence.index + 1:,} of {name}."
    )


def _confidence(statement: Statement, attribution: Attribution | None) -> str:
    if statement.vague or statement.implied or statement.shape == "headline":
        return "low"
    if statement.shape in ("passive", "active", "result", "displacement") and attribution:
        return "high"
    return "medium"


def _source(attribution: Attribution | None, relay: str | None) -> SourceEntry:
    if attribution is not None:
        org = attribution.organisation
        return SourceEntry(org.key, org.name, org.kind, org.aliases)
    if relay:
        return SourceEntry(relay, relay, "media", (relay,))
    return SourceEntry("unattributed", "Figures the article gives without a source", "other")


def _byline_agency(text: str) -> str | None:
    """The news agency credited in the article's byline or sign-off, if any."""
    for part in (text[-200:], text[:200]):
        match = _BYLINE.search(part)
        if match:
            written = match.group("agency")
            return next(a for a in _AGENCIES if a.lower() == written.lower())
    return None


class _Ids:
    """Claim ids taken so far: `source-day`, then `source-day-2`, `-3`... for the next ones.

    The next suffix to try is remembered per base, so n claims of one source and day cost n
    look-ups, not n squared (ids are only ever added, so every suffix below it stays taken)."""

    def __init__(self, taken: set[str]) -> None:
        self._taken = set(taken)
        self._next: dict[str, int] = {}

    def claim_id(self, source_key: str, as_of: str) -> str:
        slug = re.sub(r"[^a-z0-9]+", "-", source_key.lower()).strip("-") or "claim"
        day = re.sub(r"[^0-9a-zA-Z.-]+", "-", as_of.split("..")[-1]).strip("-")
        base = f"{slug}-{day}"
        claim_id = base
        suffix = self._next.get(base, 2)
        if base in self._taken:
            claim_id = f"{base}-{suffix}"
            while claim_id in self._taken:
                suffix += 1
                claim_id = f"{base}-{suffix}"
            self._next[base] = suffix + 1
        self._taken.add(claim_id)
        return claim_id
