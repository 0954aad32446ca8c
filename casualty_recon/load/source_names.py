"""Whether two ways of writing a source's name mean the same organisation.

Used when claims are added to a file (`yaml_append`, and extract's fresh documents) so that a
source the file already has is reused under its own key instead of being created again:
`Ukraine's State Emergency Service` is the file's `SES: {name: State Emergency Service of
Ukraine}`. Names are compared as bags of words, ignoring case, accents, punctuation, a
possessive `'s`, `the` and linking words (`of`, `for`, `and`), so the word order of
`X of Ukraine` against `Ukraine's X` does not matter. A written acronym (`SES`, `OCHA`) matches
a long name whose initials it is, with or without the country it is `of` (`State Emergency
Service of Ukraine`, `Ukraine's State Emergency Service`). Two long names are never matched by
their initials alone: `Syrian Emergency Service` is not `State Emergency Service`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

__all__ = ["SourceName", "rekeyed_id", "same_source"]

_LINKING = frozenset({"the", "of", "for", "and", "on", "in", "to", "a", "an", "&"})
_POSSESSIVE = re.compile(r"(?<=\w)['\u2019]s?(?=\W*$)", re.I)  # Ukraine's, Workers'

_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,7}")


@dataclass(frozen=True, slots=True)
class SourceName:
    """A name as compared: its bag of words, its initials, and itself if it is an acronym."""

    words: frozenset[str]
    initials: frozenset[str]
    acronym: str | None

    @classmethod
    def of(cls, text: str) -> SourceName:
        written = text.strip()
        acronym = written.lower() if _ACRONYM.fullmatch(written) else None
        folded = unicodedata.normalize("NFKD", written)
        folded = "".join(c for c in folded if not unicodedata.combining(c))
        possessor: str | None = None
        tokens: list[str] = []
        for raw in folded.split():
            word = _POSSESSIVE.sub("", raw)
            if word != raw and not tokens:
                possessor = _plain(word)
            tokens.extend(part for part in _plain(word).split() if part)
        content = [t for t in tokens if t not in _LINKING]
        initials = {_initials(content)} if len(content) > 1 else set()
        if possessor and len(content) > 2 and content[0] == possessor:
            initials.add(_initials(content[1:]))  # Ukraine's State Emergency Service: SES
        if len(tokens) > 2 and tokens[-2] == "of" and len(content) > 2:
            initials.add(_initials(content[:-1]))  # State Emergency Service of Ukraine: SES
        return cls(frozenset(content), frozenset(initials), acronym)

    def matches(self, other: SourceName) -> bool:
        if self.words and self.words == other.words:
            return True
        return bool(
            (self.acronym and self.acronym in other.initials)
            or (other.acronym and other.acronym in self.initials)
        )


def same_source(names: list[str], known: list[str]) -> bool:
    """Whether any of `names` (a new source's key, name and aliases) is one of `known` (an
    existing source's key, name and aliases)."""
    ours = [_parsed(name) for name in names if name.strip()]
    theirs = [_parsed(name) for name in known if name.strip()]
    return any(a.matches(b) for a in ours for b in theirs)


def rekeyed_id(claim_id: str, old_key: str, new_key: str) -> str:
    """A claim id made from a source key (`ukraine-s-state-emergency-service-2022-03-20`) under
    the key the file already has for that source (`ses-2022-03-20`); other ids as they are."""
    old, new = _slug(old_key), _slug(new_key)
    if old_key == new_key or not old or not new or not claim_id.startswith(old + "-"):
        return claim_id
    return new + claim_id[len(old) :]


def _slug(key: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-")


@functools.lru_cache(maxsize=4096)
def _parsed(text: str) -> SourceName:
    return SourceName.of(text)


def _plain(word: str) -> str:
    return re.sub(r"[^a-z0-9&]+", " ", word.lower()).strip()


def _initials(words: list[str]) -> str:
    return "".join(word[0] for word in words)
