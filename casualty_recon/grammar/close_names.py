"""The closest known spelling of a name, for "did you mean": difflib's choice, found fast.

`difflib.get_close_matches` scores every known spelling (about 4,000) with a SequenceMatcher: 10
ms a name, 212 s for a file of 20,000 unknown places. Here the spellings are indexed once by
their character counts. A spelling can reach a ratio of `cutoff` only if the characters it shares
with the name, counted as multisets, reach it (difflib's own `quick_ratio`, an upper bound of the
ratio), so one vectorised pass over the counts leaves the few spellings that can, and these are
scored and chosen exactly as get_close_matches would among all of them (the best ratio, ties to
the greater spelling). Each name is answered once.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping

import numpy as np


class CloseNames:
    """Known spellings (folded key -> spelling to show), indexed for `closest`."""

    def __init__(self, spellings: Mapping[str, str]) -> None:
        self._shown = dict(spellings)
        self._keys = list(self._shown)
        alphabet = sorted({char for key in self._keys for char in key})
        self._column = {char: i for i, char in enumerate(alphabet)}
        # One row a character, one column a spelling: a name reads only its own characters' rows.
        counts = np.zeros((len(alphabet), len(self._keys)), dtype=np.int16)
        for column, key in enumerate(self._keys):
            for char in key:
                counts[self._column[char], column] += 1
        self._counts = counts
        self._present = (counts > 0).astype(np.int16)  # for a character the name has once
        self._lengths = np.array([len(key) for key in self._keys], dtype=np.int64)
        self._answers: dict[tuple[str, float], tuple[float, str] | None] = {}

    def closest(self, key: str, cutoff: float) -> tuple[float, str] | None:
        """The known spelling closest to the folded `key` with its ratio, if one reaches
        `cutoff`: what `difflib.get_close_matches(key, keys, n=1, cutoff=cutoff)` picks."""
        if (key, cutoff) not in self._answers:
            self._answers[(key, cutoff)] = self._closest(key, cutoff)
        return self._answers[(key, cutoff)]

    def _closest(self, key: str, cutoff: float) -> tuple[float, str] | None:
        # The characters shared with each spelling: a character the name has once is shared
        # where a spelling has it at all (one sum over those rows); others up to their count.
        once, more = [], []
        for char in set(key):
            row = self._column.get(char)
            if row is not None:  # a character no spelling has matches none
                count = key.count(char)
                if count == 1:
                    once.append(row)
                else:
                    more.append((row, min(count, 255)))
        shared = self._present[once].sum(axis=0, dtype=np.int16)
        for row, count in more:
            shared += np.minimum(self._counts[row], count)
        # quick_ratio, 2 * shared / (len(a) + len(b)): no ratio is above it.
        bound = 2.0 * shared / (self._lengths + len(key))
        possible = np.flatnonzero(bound >= cutoff - 1e-9)  # a hair below, for rounding
        # As get_close_matches scores them (the spelling as a, the name as b), best bound
        # first: once the bound is below the best ratio found, no spelling left can reach it.
        matcher = difflib.SequenceMatcher()
        matcher.set_seq2(key)
        best: tuple[float, str] | None = None
        order = possible[np.argsort(-bound[possible], kind="stable")]
        for index, ceiling in zip(order.tolist(), bound[order].tolist(), strict=True):
            if best is not None and ceiling < best[0]:
                break
            spelling = self._keys[index]
            matcher.set_seq1(spelling)
            score = matcher.ratio()
            if score >= cutoff and (best is None or (score, spelling) > best):
                best = (score, spelling)
        if best is None:
            return None
        return difflib.SequenceMatcher(None, key, best[1]).ratio(), self._shown[best[1]]
