"""Who said it: the organisation a toll statement is attributed to.

A statement is attributed by a verb of saying near an organisation's name ("UOSSM ... says",
"the Observatory said", "according to the UN"). Organisations come from a table of the usual
counters (`counters`: their acronyms and the short names articles use on second mention) and
from the article itself: "Union of Medical Care and Relief Organizations (UOSSM)" defines UOSSM
for the rest of the article. A statement with no attribution is the outlet's own.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from casualty_recon.extract.aliases import alias_matches, alias_pattern, first_end
from casualty_recon.extract.counters import KNOWN, Organisation
from casualty_recon.extract.named_speakers import (
    claimant_names,
    described_names,
    describes,
    descriptor_start,
    non_state_claim,
    opens_with_breakdown,
    overlaps,
    role_kind,
    state_force_claim,
    take,
    tallied_names,
    titled_people,
)
from casualty_recon.extract.named_speakers import kind_of as _kind_of
from casualty_recon.extract.text import Sentence
from casualty_recon.grammar.parties import canonical_party, state_party

# Words that make a capitalised phrase an organisation rather than a person.
_ORGANISATION_WORDS = (
    r"Committees?|Organi[sz]ations?|Office|Network|Observatory|Council|Coalition|Agency|"
    r"Ministry|Command|Commission|Defen[cs]e|Crescent|Cent(?:re|er)|Society|Foundation|Union|"
    r"Federation|Authority|Department|Institute|Watch|Helmets|Programme|Program|Fund|Group|"
    r"Association|Directorate|Movement|Front|Brigade|Project|Monitor|Tracker|Initiative|Service"
)
_DEFINED = re.compile(
    r"(?P<name>(?:[A-Z][\w'.-]*\s+)(?:(?:[A-Z][\w'.-]*|of|for|and|the|on|in|de|des|sans)\s+){0,9}"
    r"[A-Z][\w'.-]*)\s*\((?P<acronym>[A-Z][A-Za-z]{1,9})\)"
)
_SENTENCE_END = re.compile(r"(?<=[A-Za-z]{3}[.!?])\s+|\n")
# After a line's opening "PLACE (Agency)", the dash of a dateline: "ADDIS ABABA (AP) -" names
# where the reporter is and the agency, not an organisation "Addis Ababa" defining "AP".
_DATELINE_AGENCY = re.compile(r"[ \t]*(?:-{1,2}|\u2013|\u2014)\s")
_CAPITALISED_ORG = re.compile(
    r"(?:the\s+)?(?P<name>(?:[A-Z][\w'-]*\s+){0,6}(?:" + _ORGANISATION_WORDS + r")"
    r"(?:\s+(?:of|for)(?:\s+the)?(?:\s+[A-Z][\w'-]*){1,4}){0,2})"
)
# Speakers named by their office or role, in lower case: "the regional governor", "the
# Houthi-run health ministry", "Ukraine's emergency service", "local health officials".
_ROLE_HEADS = (
    r"governor|ministry|minister|officials?|service|spokes(?:man|woman|person)|police|"
    r"authorities|department|mayor|army|military|director|chief|commander|council|"
    r"administration|prosecutors?|investigators?|coroner|agency|authority|office|monitor|observers?|"
    r"activists?|medics|doctors|sources|residents|witnesses|media|television|news agency|"
    r"project|tracker|group|organi[sz]ation|body|official|hospital|rescuers|workers|presidency|"
    r"government|commission|ombudsman|coalition|rebels|insurgents|historians|researchers|"
    r"scholars|charity|envoy|ambassador|president|President(?= [A-Z][a-z])|committees?|"
    r"(?:(?<=[Ss]ecurity )|(?<=medical )|(?<=military )|(?<=local )|(?<=hospital ))"
    r"source|"
    r"(?:(?<=[Ss]ecurity )|(?<=[Gg]overnment )|(?<=[Aa]rmed ))forces|"
    r"(?<=[Pp]olice )forces(?=,?\s+(?:(?:has|have|had|also)\s+)?(?:said|say|says|told|reported)\b)"
)
# An office named in lower case, then the acronym the article gives it: "the United Nations
# refugee agency (UNHCR)", "the country's disaster agency (BNPB)". Up to four words before the
# head, none of them an article or a linking word.
_ROLE_DEFINED = re.compile(
    r"(?<![\w'.-])(?P<name>(?:(?!(?:the|an?|and|or|said|says|that|to|of|by|in|on|at)\s)"
    r"[\w'.-]+\s+){0,4}(?P<head>"
    + _ROLE_HEADS
    + r"))\s*\((?P<acronym>(?-i:(?=[A-Za-z]{2,10}\))[A-Z][a-z]*[A-Z][A-Za-z]*))\)",
    re.I,
)
# An acronym in brackets ends a definition: `_ROLE_DEFINED` is tried only before one (0.8 ms).
_ACRONYM_IN_BRACKETS = re.compile(r"\s*\((?=[A-Za-z]{2,10}\))[A-Z][a-z]*[A-Z][A-Za-z]*\)")
_DEFINITION_REACH = 400  # characters before the brackets: four words and an office at most


def _role_definitions(text: str) -> Iterator[re.Match[str]]:
    """`_ROLE_DEFINED.finditer(text)`, tried only in a window before each acronym in brackets."""
    done = 0
    for brackets in _ACRONYM_IN_BRACKETS.finditer(text):
        if brackets.end() <= done:
            continue
        start = max(done, brackets.start() - _DEFINITION_REACH)
        for match in _ROLE_DEFINED.finditer(text, start, brackets.end()):
            if match.end() == brackets.end():
                yield match
                done = match.end()
                break


_ROLE_MODIFIERS = (
    r"[A-Z][\w'.]*(?:-[\w']+)*|local|regional|provincial|state|district|city|municipal|"
    r"military|security|health|medical|civil|emergency|interior|defen[cs]e|government|"
    r"hospital|rescue|police|public|national|federal|senior|top|rebel|opposition|army|"
    r"interim|rights|human rights|war|aid|humanitarian|forensic|deputy|acting|vice|assistant|"
    r"chief|head|attorney|special|foreign(?: policy)?|ministry|agency|department|office|"
    r"(?:prosecutor|governor|president|mayor|minister|general|commissioner|ombudsman)'s|"
    r"[\w]+-(?:run|led|controlled|"
    r"backed|based|affiliated)|official|pro-government|opposition-run"
)
_ROLE = re.compile(
    r"(?<![\w'-])(?P<article>(?:[Tt]he|[Aa]n?)\s+)?(?P<name>(?P<modifiers>(?:(?:"
    + _ROLE_MODIFIERS
    + r")\s+){0,3})(?P<head>"
    + _ROLE_HEADS
    + r")\b(?!\s+(?:troops|soldiers|forces|militias?|jets|warplanes|drones|air ?strikes)\s+"
    r"(?!said|says|told|reported|added|confirmed)\w)"  # "government troops killed": no speaker
    r"(?:(?:\s+of|(?:(?<=envoy)|(?<=ambassador))\s+(?:to|for))\s+(?:the\s+)?[A-Z][\w'-]*"
    r"(?:\s+[A-Z][\w'-]*){0,2}|"
    r"\s+of\s+(?:the\s+)?(?:defen[cs]e|health|interior|justice|(?:home|internal) affairs)\b|"
    # "a spokesman for the regional government" (a body that is no role of its own: "an
    # official at the health ministry" is the ministry's)
    r"\s+(?:for|of)\s+the\s+(?:[a-z][\w'-]*\s+){0,2}(?:government|mission|presidency)|"
    # the place it serves, right before its verb: "police in Haiti said" (Haiti's police)
    r"\s+in\s+(?P<served>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})(?=,?\s+(?:(?:has|had|also|"
    r"later|earlier)\s+)?(?:said|says|told|reported|announced|added|confirmed|estimated)\b))?)"
)
_SAYING = (
    r"said|says|say|saying|reported|reports|told|stated|announced|added|adds|estimated|"
    r"estimates|documented|recorded|counted|confirmed|verified|tallied|registered|"
    r"put the (?:death )?toll|puts the (?:death )?toll|gave a (?:death )?toll|has said|had said"
)
_SAYS = re.compile(r"\b(?:" + _SAYING + r")\b", re.I)
_ACCORDING = re.compile(r"\b(?:according to|citing|cited by|quoted by)\b", re.I)
# A speaker right before its verb: "X said", "X (XYZ), which ..., says", "X has also said".
# An office may be followed by its holder's name: "police spokesman Mohammed Shehu said".
_SPEAKER_THEN_VERB = re.compile(
    r"(?:\s*\([^)]{1,40}\))?(?:\s*,[^,]{1,120},)?(?:\s+and\s+[^,.;]{1,40}?)?(?:\s+in\s+the\s+\w+)?"
    r"(?-i:(?:\s+(?:[A-Z][a-z]{1,4}\.|[A-Z][\w'-]*[a-z][\w'-]*)){1,4})?\s+"
    r"(?:(?:has|had|have|also|later|earlier|previously|then|separately|on \w+|in a statement|"
    r"last \w+|further)\s+){0,3}(?:" + _SAYING + r")\b",
    re.I,
)
# A speaker right after its verb: "said the regional governor", "according to the UN".
_VERB_THEN_SPEAKER = re.compile(
    r"\b(?:" + _SAYING + r"|according to|citing|cited by|quoted by|figures from|data from|"
    r"a (?:report|statement|tally|count) (?:by|from))\s+(?:on \w+\s+)?"
    r"(?-i:[A-Z][\w'.-]+\s+(?:[A-Z][\w'.-]+\s+){0,2}?[A-Z][\w'.-]+,\s+)?(?:(?:the|a|an)\s+)?$",
    re.I,
)
# After a speaker named after its verb, an auxiliary: the speaker is the subject of the reported
# clause ("the UN said medics had treated 12"), not the one who said it.
_REPORTED_SUBJECT = re.compile(
    r"\s+(?:had|have|has|were|was|are|is|would|will|could|did)\b"
    r"(?!\s+(?:said|told|reported)\b(?!\s+to\b))"
)
_GENERIC_MONITOR = re.compile(
    r"\b(?:a|the)\s+(?:[\w-]+\s+){0,2}?(?:monitor|monitoring group|war monitor|observatory)\b",
    re.I,
)
# A sentence continuing an earlier speaker's statement: "it said", "the group added".
_PRONOUN_SAYS = re.compile(
    r"\b(?:it|he|she|they|the group|the organi[sz]ation|the agency|the body)\s+(?:\w+\s+)?"
    r"(?:said|says|added|adds|reported|estimated|documented|recorded|confirmed|verified)\b|"
    r",\s*(?:it|he|she|they)?\s*adding\b|^(?:It|He|She|They)\s+(?:\w+\s+)?(?:said|says|added)\b",
    re.I,
)
# Role heads that name nothing by themselves: a bare "the agency said" points back.
_ANAPHORIC_HEADS = frozenset(
    {"group", "organisation", "organization", "body", "agency", "monitor", "ministry", "office",
     "service", "governor", "official", "authority", "department", "project", "tracker"}
)  # fmt: skip
_SPEAKER_SEARCH_BACK = 3


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a statement is attributed to, how that was read, and the party it names as the
    killer when the speaker claims the killing itself ("X said it had killed 40 soldiers")."""

    organisation: Organisation
    how: str
    perpetrator: str = ""


@dataclass(frozen=True, slots=True)
class Speaker:
    """An organisation or role named in a sentence: where, who, and how it was recognised.

    `rank` is 0 for a known counter, 1 for a capitalised organisation name, 2 for a role
    ("the regional governor"); `bare` marks a role with no modifier ("the agency").
    """

    start: int
    end: int
    organisation: Organisation
    rank: int
    head: str = ""
    bare: bool = False
    perpetrator: str = ""
    counted: bool = False  # named as the one who counted ("a tally by X"): joined to the figure


class Attributor:
    """Finds who each statement of one article is attributed to."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._organisations: list[Organisation] = list(KNOWN)
        known_keys = {o.key for o in KNOWN}
        for match in _DEFINED.finditer(text):
            acronym = match.group("acronym")
            # Not across a sentence's end: "... in Mali. The Armed Conflict ... (ACLED)".
            name = _SENTENCE_END.split(match.group("name"))[-1]
            name = re.sub(r"^(?:The|A|An)\s+", "", " ".join(name.split()))
            name = re.sub(r"^(?:[A-Z][\w.]*-based)\s+", "", name)
            if acronym in known_keys or _DATELINE_AGENCY.match(text, match.end()):
                continue
            known_keys.add(acronym)
            self._organisations.insert(
                0, Organisation(acronym, name, _kind_of(name), (name, acronym))
            )
        self._define_offices(text, known_keys)
        self._organisations = [  # "civil defence": Syria's White Helmets only on Syria
            replace(org, aliases=(*org.aliases, *org.local))
            if org.local and org.home in text
            else org
            for org in self._organisations
        ]
        # One pass over a sentence finds every alias: longest aliases first, so that
        # "UN refugee agency" wins over "UN" where both start.
        self._by_alias: dict[str, Organisation] = {}
        for org in self._organisations:
            for alias in org.aliases:
                self._by_alias.setdefault(alias, org)
        # The known counters' aliases share one pattern, compiled once per process; an
        # article's own organisations get a small one (one pattern of all 75 aliases per such
        # article cost 0.12 s of compiling in a batch of 400, as much as its extraction).
        own = tuple(alias for alias in self._by_alias if alias not in _known_aliases())
        self._aliases = [alias_pattern(_known_aliases())]
        if own:
            self._aliases.append(alias_pattern(own))
        self._sohr_named = "Observatory" in text or "SOHR" in text
        self._speakers: dict[str, list[Speaker]] = {}
        self._attached: dict[str, list[Speaker]] = {}
        self._first_seen: dict[Organisation, int] = {}

    def _define_offices(self, text: str, known_keys: set[str]) -> None:
        """An office the article names in lower case before an acronym: the acronym's known
        counter gains that name as an alias; an unknown acronym becomes an organisation."""
        defined = {o.key for o in self._organisations} - {o.key for o in KNOWN}
        for match in _role_definitions(text):
            acronym = match.group("acronym")
            name = " ".join(match.group("name").split())
            if acronym in defined:
                continue  # a capitalised name the article defined already
            for index, org in enumerate(self._organisations):
                if acronym in org.aliases:
                    if name not in org.aliases:
                        aliases = (*org.aliases, name)
                        self._organisations[index] = replace(org, aliases=aliases)
                    break
            else:
                kind = role_kind(match.group("head").lower(), name)
                self._organisations.insert(0, Organisation(acronym, name, kind, (name, acronym)))
                known_keys.add(acronym)
            defined.add(acronym)

    def mentions(self, sentence: str) -> list[tuple[int, Organisation]]:
        """Organisations and roles named in a sentence, by position."""
        return [(s.start, s.organisation) for s in self.speakers(sentence)]

    def speakers(self, sentence: str) -> list[Speaker]:
        """Everyone named in a sentence who could be its speaker, by position, without overlaps:
        a known counter wins over a capitalised name, which wins over a role."""
        cached = self._speakers.get(sentence)
        if cached is not None:
            return cached
        found: list[Speaker] = []
        for match in alias_matches(self._aliases, sentence):
            found.append(Speaker(match.start(), match.end(), self._by_alias[match.group()], 0))
        if self._sohr_named:
            for match in _GENERIC_MONITOR.finditer(sentence):
                found.append(Speaker(match.start(), match.end(), KNOWN[0], 0))
        # Where a speaker already is: one check per mention, not one per pair of mentions.
        taken = bytearray(len(sentence) + 1)
        for speaker in found:
            take(taken, speaker.start, speaker.end)
        for speaker in _claimants(sentence):
            if not overlaps(taken, speaker.start, speaker.end):
                found.append(speaker)
                take(taken, speaker.start, speaker.end)
        for start, end, key, name in titled_people(sentence):
            if not overlaps(taken, start, end):
                organisation = Organisation(
                    key, name, "government", tuple(dict.fromkeys((name, key)))
                )
                found.append(Speaker(start, end, organisation, 1))
                take(taken, start, end)
        for start, end, name, kind in tallied_names(sentence):
            if not overlaps(taken, start, end):
                organisation = Organisation(name, name, kind, (name,))
                found.append(Speaker(start, end, organisation, 1, counted=True))
                take(taken, start, end)
        for match in _CAPITALISED_ORG.finditer(sentence):
            name = re.sub(r"^(?:The|A|An)\s+", "", " ".join(match.group("name").split()))
            if len(name.split()) < 2 or overlaps(taken, match.start("name"), match.end()):
                continue
            found.append(
                Speaker(
                    match.start("name"),
                    match.end(),
                    Organisation(name, name, _kind_of(name), (name,)),
                    1,
                )
            )
            take(taken, match.start("name"), match.end())
        for speaker in _described_organisations(sentence):
            if not overlaps(taken, speaker.start, speaker.end):
                found.append(speaker)
                take(taken, speaker.start, speaker.end)
        for match in _role_matches(sentence):
            role = _role_speaker(match)
            if overlaps(taken, role.start, role.end):
                continue
            found.append(role)
            take(taken, role.start, role.end)
        found.sort(key=lambda f: (f.start, f.rank, -f.end))
        kept: list[Speaker] = []
        for item in found:
            if kept and item.start < kept[-1].end:
                continue  # inside a longer or better mention
            kept.append(item)
        _remember(self._speakers, sentence, kept)
        return kept

    def attached(self, sentence: str) -> list[Speaker]:
        """The speakers of a sentence joined to a verb of saying ("X said", "according to X")."""
        cached = self._attached.get(sentence)
        if cached is None:
            cached = [
                s
                for s in self.speakers(sentence)
                if s.perpetrator or s.counted or _is_attached(sentence, s)
            ]
            _remember(self._attached, sentence, cached)
        return cached

    def attribute(
        self, sentence: Sentence, position: int, sentences: Sequence[Sentence]
    ) -> Attribution | None:
        """The organisation the statement at `position` in `sentence` is attributed to.

        The statement's own sentence decides when it names a speaker with a verb of saying;
        an earlier sentence's speaker is taken only for a continuation ("it said", "the group
        added", "the agency said" after the agency was named).
        """
        text = sentence.text
        attached = self.attached(text)
        if attached:
            best = min(
                attached, key=lambda s: (_other_clause(text, s, position), _gap(s, position))
            )
            if best.bare:
                earlier = self._antecedent(sentence, sentences, best.head)
                if earlier is not None:
                    return Attribution(earlier, "named in an earlier sentence")
            described = self._described(best, sentence, sentences) if best.rank == 2 else None
            if described is not None:  # "the disaster agency" after "... Agency (BNPB)"
                return Attribution(described, "named earlier in the article", best.perpetrator)
            if best.perpetrator:
                return Attribution(
                    best.organisation, "a party claiming its own killings", best.perpetrator
                )
            return Attribution(best.organisation, "named in the sentence with a verb of saying")
        if _PRONOUN_SAYS.search(text):
            earlier = self._antecedent(sentence, sentences, "")
            if earlier is not None:
                return Attribution(earlier, "named in an earlier sentence")
            return None
        if opens_with_breakdown(text) and not _SAYS.search(text):  # "Among the dead were four ..."
            earlier = self._antecedent(sentence, sentences, "", back=1)
            if earlier is not None:
                return Attribution(earlier, "the count it breaks down, the sentence before")
        # A known counter close to a verb of saying that the joins above did not catch.
        says = [m.start() for m in _SAYS.finditer(text)] + [
            m.end() for m in _ACCORDING.finditer(text)
        ]
        named = [s for s in self.speakers(text) if s.rank < 2]
        if named and says:
            distance, speaker = min(
                ((min(abs(s.start - v) for v in says), s) for s in named), key=lambda d: d[0]
            )
            if distance <= 160:
                return Attribution(speaker.organisation, "named in the sentence near a verb")
        return None

    def _described(
        self, role: Speaker, sentence: Sentence, sentences: Sequence[Sentence]
    ) -> Organisation | None:
        """The body an office named in lower case describes ("the disaster agency": Indonesia's
        National Disaster Management Agency), if the article named it before this sentence."""
        index, back = sentence.index, _SPEAKER_SEARCH_BACK
        near = [s for s in sentences[max(0, index - back) : index] if 0 < index - s.index <= back]
        if len(near) < min(index, back):  # not numbered by position: look at them all
            near = [s for s in sentences if 0 < index - s.index <= back]
        orgs = [sp.organisation for s in near[::-1] for sp in self.speakers(s.text) if sp.rank < 2]
        found = (
            o for o in (*orgs, *self._organisations) if describes(role.organisation.name, o.name)
        )
        return next((o for o in found if self._named_by(o) <= sentence.start), None)

    def _named_by(self, org: Organisation) -> int:
        """Where the article's first naming of `org` ends, once per article (searching the text
        before each sentence was quadratic in the article's length)."""
        if org not in self._first_seen:
            self._first_seen[org] = first_end(self._text, org.aliases)
        return self._first_seen[org]

    def _antecedent(
        self,
        sentence: Sentence,
        sentences: Sequence[Sentence],
        head: str,
        back: int = _SPEAKER_SEARCH_BACK,
    ) -> Organisation | None:
        """The speaker an anaphoric sentence points back to: the last one joined to a verb of
        saying in the few sentences before (matching the role's head noun, if any); for an
        article's first sentence (its headline), the first one after."""
        index = sentence.index
        # Sentences are numbered by position (split_sentences): look only at the neighbours.
        near = sentences[max(0, index - _SPEAKER_SEARCH_BACK) : index + _SPEAKER_SEARCH_BACK + 1]
        if not any(s.index == index for s in near):  # numbered otherwise: look at them all
            near = sentences
        before = [s for s in near if index - back <= s.index < index]
        after = [s for s in near if index < s.index <= index + _SPEAKER_SEARCH_BACK]
        candidates = [sp for s in reversed(before) for sp in reversed(self.attached(s.text))]
        if index == 0:
            candidates += [sp for s in after for sp in self.attached(s.text)]
        for speaker in candidates:
            if speaker.bare:
                continue
            if not head or head in ("group", "organisation", "organization", "body"):
                return speaker.organisation
            if head in speaker.organisation.name.lower() or _HEAD_KIND.get(head) == (
                speaker.organisation.kind
            ):
                return speaker.organisation
        return None


_HEAD_KIND = {"monitor": "monitor", "agency": "un", "ministry": "government"}
# Sentences whose speakers are remembered: statements come in order and look a few sentences
# back, so the last few hundred are enough, and a long article's memory stays bounded.
_REMEMBERED = 256


def _remember(cache: dict[str, list[Speaker]], sentence: str, speakers: list[Speaker]) -> None:
    if len(cache) >= _REMEMBERED:
        del cache[next(iter(cache))]  # the oldest
    cache[sentence] = speakers


@functools.cache
def _known_aliases() -> tuple[str, ...]:
    return tuple(dict.fromkeys(alias for org in KNOWN for alias in org.aliases))


_NOT_A_MODIFIER = re.compile(
    r"^(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December|But|And|In|On|At|By|"
    r"Late|Early|Meanwhile|Other|Also|Later|Earlier|Yesterday|Today|However|Then|So|When|"
    r"While|Some|Many|Several)\s+)+"
)


# A sentence's first word (or the first after its dateline's dash, or a quote), capitalised.
_OPENING_WORD = re.compile(r"(?:^|\s[-\u2013\u2014]\s)[\"'\u201c]?(?P<word>[A-Z][a-z]+)\b")
_HEAD_WORD = re.compile(_ROLE_HEADS)


def _claimants(sentence: str) -> list[Speaker]:
    """Parties that say they did the killing: the speaker, and the perpetrator (their count is
    their own claim, unverified). A bare role ("Police said it had killed") is left to roles."""
    found = []
    for start, end, name, acronym in claimant_names(sentence):
        if _NOT_A_MODIFIER.match(name + " ") or _HEAD_WORD.fullmatch(name.lower()):
            continue
        if sentence.endswith(" in ", 0, start):  # "the army in Sudan said it": a place
            continue
        party = canonical_party(acronym or name)
        key = name if state_party(name) else party  # "Nigerian Army": as written, not its forces
        organisation = Organisation(key, name, _kind_of(name), tuple(dict.fromkeys((name, key))))
        found.append(Speaker(start, end, organisation, 1, perpetrator=party))
    return found


def _described_organisations(sentence: str) -> list[Speaker]:
    """Organisations named after what they are ("the human rights group Indepaz")."""
    return [
        Speaker(start, end, Organisation(name, name, kind or _kind_of(name), (name,)), 1)
        for start, end, name, kind in described_names(sentence)
        if not _NOT_A_MODIFIER.match(name + " ")  # "the group On Monday": a day, not a name
    ]


def _role_matches(sentence: str) -> list[re.Match[str]]:
    """The roles of a sentence, then a role head that opens it capitalised, read in lower case as
    roles are written mid-sentence ("Police said four miners were killed": police); "Police
    spokesman Mohammed Shehu said" keeps its capital, the head being "spokesman"."""
    matches = list(_ROLE.finditer(sentence))
    for opening in _OPENING_WORD.finditer(sentence, 0, 120):
        word, start = opening.group("word"), opening.start("word")
        if not _HEAD_WORD.fullmatch(word.lower()):
            continue
        probe = sentence[:start] + word[0].lower() + sentence[start + 1 :]
        match = _ROLE.match(probe, start)
        if match is not None and match.start("head") == start:
            matches.append(match)
    return matches


def _role_speaker(match: re.Match[str]) -> Speaker:
    head = match.group("head").lower()
    start = match.start("name")
    # "the disaster agency", "disaster agency officials"; not "the area local media"
    start = descriptor_start(match.string, start, match.group("modifiers"))
    modifiers = match.string[start : match.start("name")].split() + match.group("modifiers").split()
    name = " ".join((match.string[start : match.start("name")] + match.group("name")).split())
    name = re.sub(r"^(?:The|A|An)\s+", "", name)
    # A capitalised word before a role that is a day, a month or a connective, not a name:
    # "Monday activists said", "But activists said", "Late March media reported".
    name = _NOT_A_MODIFIER.sub("", name) or name
    modifiers = [m for m in modifiers if not _NOT_A_MODIFIER.fullmatch(m + " ")]
    key = re.sub(r"'s?\b", "", name)
    if match.group("served"):  # "police in Haiti": keyed as "Haiti's police" is
        key = f"{match.group('served')} {key[: key.rindex(' in ')]}"
    key = re.sub(r"-(?:run|led|controlled|backed|affiliated)\b", "", key)
    key = re.sub(r"^[\w]+-based\s+", "", key)
    kind = role_kind(head, name)
    bare = not modifiers or all(m.lower() in ("the", "a", "an") for m in modifiers)
    return Speaker(
        start,
        match.end(),
        Organisation(key, name, kind, (name, key)),
        2,
        head,
        bare and head in _ANAPHORIC_HEADS and name.lower().endswith(head),  # not "ministry of"
        state_force_claim(name, head, match.string, match.end())
        or non_state_claim(head, match.string, match.end()),
    )


def _is_attached(sentence: str, speaker: Speaker) -> bool:
    if _SPEAKER_THEN_VERB.match(sentence, speaker.end):
        return True
    before = sentence[max(0, speaker.start - 60) : speaker.start]
    if _REPORTED_SUBJECT.match(sentence, speaker.end):
        return False  # "X said rescuers had pulled ...": the subject of what X said
    return bool(_VERB_THEN_SPEAKER.search(before))


def _other_clause(text: str, speaker: Speaker, position: int) -> bool:
    """True when a clause boundary ("; ", ", while", ", but") separates speaker and statement."""
    low, high = sorted((speaker.start, position))
    return bool(re.search(r";|,\s*(?:while|whereas|but)\b", text[low:high]))


def _gap(speaker: Speaker, position: int) -> int:
    if speaker.start <= position < speaker.end:
        return 0
    return min(abs(speaker.start - position), abs(speaker.end - position))
