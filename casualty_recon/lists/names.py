"""Names made comparable: Arabic normalisation, name parts and a cross-script skeleton.

Arabic names in casualty lists are written many ways for one person: hamza and alef forms
(أ إ آ ا), taa marbuta or haa (ة/ه), alef maqsura or yaa (ى/ي), diacritics and tatweel,
"عبد الله" or "عبدالله", "أبو داود" or "ابوداود", with or without the article al- (ال). The
normalised form erases all of those. The *skeleton* is a Latin consonant string (unidecode for
Arabic, vowels dropped for Latin transliterations), so `Abdullah` and `عبدالله` meet.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from unidecode import unidecode

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ؤ": "و",
        "ئ": "ي",
        "ى": "ي",
        "ة": "ه",
        "ء": "",
        "ی": "ي",  # Persian yeh
        "ک": "ك",  # Persian kaf
    }
)
# Compounds written with or without a space: عبد الرحمن, ابو داود, عطا الله, ال رحمن.
_JOIN_BEFORE = re.compile(r"(?<!\S)(عبد|ابو|ال)\s+(?=\S)")
_JOIN_ALLAH = re.compile(r"\s+(?=الله(?!\S))")
_NOT_LETTER = re.compile(r"[^\w\s]|[\d_]")
_SPACES = re.compile(r"\s+")
_ARABIC = re.compile("[\u0600-\u06ff]")
_LATIN_PREFIX = re.compile(r"\b(al|el|abu|abd|bin|ibn)[\s-]+")
_VOWELS = re.compile(r"[aeiouyw]")
_REPEATS = re.compile(r"(.)\1+")
_NOT_LOWER = re.compile(r"[^a-z ]")


def is_arabic(text: str) -> bool:
    return bool(_ARABIC.search(text))


def _strip_article(token: str) -> str:
    return token[2:] if token.startswith("ال") and len(token) >= 5 else token


def normalise_arabic(text: str) -> str:
    """One spelling for the many ways an Arabic name is written."""
    text = unicodedata.normalize("NFKC", text)
    text = _DIACRITICS.sub("", text).translate(_LETTERS)
    text = _NOT_LETTER.sub(" ", text)
    text = _SPACES.sub(" ", text).strip()
    text = _JOIN_BEFORE.sub(r"\1", text)
    text = _JOIN_ALLAH.sub("", text)
    return " ".join(_strip_article(token) for token in _join_letters(text.split()))


def _join_letters(tokens: list[str]) -> list[str]:
    """A letter standing alone is a word split by a stray space (`اري ج` for `اريج`, `م حمد` for
    `محمد`; no Arabic name part is one letter): joined to the word before it (the first word:
    to the word after it)."""
    if len(tokens) < 2 or all(len(token) > 1 for token in tokens):
        return tokens
    out: list[str] = []
    for token in tokens:
        # A lone letter joins the word before it; a lone first letter, the word after it.
        if out and (len(token) == 1 or (len(out) == 1 and len(out[0]) == 1)):
            out[-1] += token
        else:
            out.append(token)
    return out


def normalise_latin(text: str) -> str:
    """Lower-case ASCII, `al-`, `abu-` and the like joined to the word they prefix."""
    text = unidecode(text).lower()
    text = _NOT_LETTER.sub(lambda m: "-" if m.group() == "-" else " ", text)
    text = _LATIN_PREFIX.sub(r"\1", text)
    return _SPACES.sub(" ", text.replace("-", " ")).strip()


def normalise(text: str) -> str:
    """The comparable form of a name in any script."""
    return normalise_arabic(text) if is_arabic(text) else normalise_latin(text)


def skeleton(text: str) -> str:
    """Consonants in Latin letters: a key that survives transliteration (`mhmd bdlh`)."""
    latin = unidecode(normalise_arabic(text)) if is_arabic(text) else normalise_latin(text)
    latin = _NOT_LOWER.sub("", latin.lower())
    return " ".join(_word_skeleton(word) for word in latin.split())


@functools.lru_cache(maxsize=1 << 16)
def _word_skeleton(word: str) -> str:
    """One word's consonants (names repeat their words: computed once each)."""
    word = _REPEATS.sub(r"\1", word)
    word = word[0] + _VOWELS.sub("", word[1:])
    word = word.lstrip("aeiouyw") or word
    if word.startswith("l") and len(word) >= 4:  # the article, as unidecode writes it
        word = word[1:]
    return word


# --- name order --------------------------------------------------------------------------------
# Lists of many conventions write the family name first (Ukrainian, Russian, Hungarian,
# Vietnamese, Chinese, Korean official lists) and often mark it by writing it in upper case
# ("KOVALENKO Ivan Petrovych"); others give one or two given names, then one or two surnames
# ("Juan Carlos Díaz Castaño"), and either list may drop a given name or a surname. So besides the
# parts by position, a name is also read as the set of its parts, in any order.

MAX_KEY_PARTS = 6  # names with more parts than this give only their whole sorted key


def family_last(text: str) -> str:
    """The words written all in upper case moved to the end when others are not: the family name
    a list marks by its case ("KOVALENKO Ivan Petrovych" to "Ivan Petrovych KOVALENKO"). A name
    all in one case, or in a script without case, is left as it is."""
    if text == text.lower():  # no upper case at all (or a script without case): most names
        return text
    words = text.split()
    upper = [w for w in words if len(w) >= 2 and w.isupper()]
    if not upper or len(upper) == len(words) or not any(w.islower() or w.istitle() for w in words):
        return text
    return " ".join([*(w for w in words if w not in upper), *upper])


def sorted_name(norm: str) -> str:
    """The parts of a normalised name in alphabetical order: a key that ignores name order."""
    return " ".join(sorted(norm.split()))


def name_keys(norm: str) -> list[str]:
    """The order-free keys of a normalised name: its parts sorted, and its parts sorted with one
    left out, where two or more remain. Two names written in any order share a key when they
    have the same parts, or when one drops a part of the other (a second given name, a maternal
    surname, a grandfather's name) or differs in one part (a typo)."""
    parts = sorted(norm.split())
    if not parts:
        return []
    keys = [" ".join(parts)]
    if 3 <= len(parts) <= MAX_KEY_PARTS:
        keys += [" ".join(parts[:i] + parts[i + 1 :]) for i in range(len(parts))]
    return list(dict.fromkeys(keys))
