"""Article text: reading plain text or HTML, and splitting it into sentences.

Articles arrive as plain text, as HTML pages saved from a browser, or on standard input. Whatever
the form, the extractor wants one string of running text with tags stripped, entities decoded
and whitespace collapsed, then a list of sentences with their offsets in that string.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from casualty_recon.load.reading import read_input
from casualty_recon.model.errors import InputError, UsageError
from casualty_recon.model.usage import ARTICLE_MISSING, ARTICLE_UNREADABLE

# Tags whose content is never article text.
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head", "nav"})
# Tags that end a block of text: a sentence never runs across them.
_BLOCK_TAGS = frozenset(
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td",
        "th", "table", "section", "article", "header", "footer", "blockquote", "figcaption",
        "title", "pre", "dd", "dt",
    }
)  # fmt: skip
_HTML_HINT = re.compile(r"<\s*(?:!doctype|html|body|p|div|br|span|article|h[1-6])\b", re.I)


class _TextCollector(HTMLParser):
    """Collects the visible text of an HTML page, one block per line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip_depth += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self.parts.append(data)


def looks_like_html(raw: str) -> bool:
    """True when the text carries HTML markup rather than being plain text."""
    return bool(_HTML_HINT.search(raw[:5000]))


def html_to_text(raw: str) -> str:
    """The visible text of an HTML page: tags stripped, entities decoded, one block per line."""
    collector = _TextCollector()
    collector.feed(raw)
    collector.close()
    return "".join(collector.parts)


def normalize(raw: str) -> str:
    """Plain text with typographic quotes and dashes made plain and blank runs collapsed.

    Line breaks that separate paragraphs are kept (as a single newline) so that a heading
    without a full stop does not run into the next sentence.
    """
    text = html.unescape(raw) if "&" in raw else raw
    text = text.translate(_PLAIN)
    text = _BLANKS.sub(" ", text)
    text = re.sub(r" *\n[\n ]*", "\n", text)
    text = _SLUG.sub("", text)
    return text.strip()


# A run of blanks other than one plain space (which stays as it is): matching every space made
# a piece of text per word, 13 bytes a character of a long article at its peak.
_BLANKS = re.compile(
    r"[\t\f\v\u00a0\u2009\u202f][ \t\f\v\u00a0\u2009\u202f]*| [ \t\f\v\u00a0\u2009\u202f]+"
)
# A wire service's slug before a headline: "UPDATE 2-", "REFILE-", "WRAPUP 1-", "URGENT:".
_SLUG = re.compile(
    r"^(?:UPDATE|REFILE|CORRECTED|WRAPUP|RPT|URGENT|FACTBOX|EXCLUSIVE|DEVELOPING)"
    r"(?:\s*\d{1,2})?\s*[-:]\s*",
    re.M,
)


_PLAIN = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": " - ",
        "\u2012": "-", "\u2212": "-", "\r": "\n", "\u200b": None, "\ufeff": None,
    }
)  # fmt: skip


def article_text(raw: str) -> str:
    """Running text of an article given as plain text or HTML."""
    if looks_like_html(raw):
        raw = html_to_text(raw)
    return normalize(raw)


def read_article(name: str) -> str:
    """The raw text of the article at path `name`, or standard input for `-`, read within the
    input limit (a device, a FIFO without a writer or a file over the limit is refused while
    reading, never read to the end)."""
    if name != "-" and not Path(name).exists():
        raise UsageError.of(ARTICLE_MISSING, name=name)
    try:
        data = read_input(name)
    except InputError as error:
        raise UsageError.of(ARTICLE_UNREADABLE, message=error.problems[0].message) from None
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def read_articles(
    names: Sequence[str],
) -> tuple[list[tuple[str, str]], list[tuple[str, UsageError]]]:
    """The (name, raw text) of every article that can be read (standard input is named
    `<stdin>`), and the (name, error) of every one that cannot: one unreadable file of a batch
    does not stop the others."""
    texts: list[tuple[str, str]] = []
    unread: list[tuple[str, UsageError]] = []
    for name in names:
        try:
            texts.append((name if name != "-" else "<stdin>", read_article(name)))
        except UsageError as error:
            unread.append((name, error))
    return texts, unread


# --- sentences --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article: its text, its index, and where it starts in the article."""

    index: int
    start: int
    text: str


# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "maj", "capt", "sgt", "st", "mt",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "no", "vs", "etc", "approx", "gov", "sen", "rep", "brig", "adm", "cmdr", "jr", "sr",
        "u.s", "u.n", "u.k", "e.g", "i.e", "a.m", "p.m",
    }
)  # fmt: skip
# A candidate sentence end: terminal punctuation, optional closing quote or bracket, then space.
_END = re.compile(r"[.!?]+[\"')\]]*(?=\s)|\n")


def split_sentences(text: str) -> list[Sentence]:
    """Split running text into sentences, keeping abbreviations and initials together."""
    sentences: list[Sentence] = []
    start = 0
    for match in _END.finditer(text):
        end = match.end()
        if match.group() != "\n" and not _ends_sentence(text, match.start(), end):
            continue
        _append(sentences, text, start, end)
        start = end
    _append(sentences, text, start, len(text))
    return sentences


def _ends_sentence(text: str, dot: int, end: int) -> bool:
    if text[dot] != ".":
        return True
    word = re.search(r"([A-Za-z.]+)$", text[max(0, dot - 12) : dot])
    if word:
        token = word.group(1).lower().strip(".")
        if token in _ABBREVIATIONS:
            return False
        if len(token) == 1 and text[dot - 1].isupper():
            return False  # an initial: "George W. Bush"
    following = text[end : end + 3].lstrip()
    # A lower-case continuation means the stop was not the end of a sentence.
    return not (following[:1].islower())


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        offset = start + (len(chunk) - len(chunk.lstrip()))
        sentences.append(Sentence(len(sentences), offset, stripped))


def covering(spans: Iterable[tuple[int, int]]) -> Callable[[int], bool]:
    """Whether a position lies in any of `spans` (start, end: end excluded), answered by
    bisection: an article's places are tested against its other places, and a scan of every
    span for every place was quadratic (the 20 MB bench article: x37 the 1 MB time)."""
    ordered = sorted(spans)
    starts = [first for first, _ in ordered]
    reach: list[int] = []  # the furthest end among the spans starting at or before each
    furthest = -1
    for _, last in ordered:
        furthest = max(furthest, last)
        reach.append(furthest)

    def covers(position: int) -> bool:
        index = bisect_right(starts, position) - 1
        return index >= 0 and reach[index] > position

    return covers
