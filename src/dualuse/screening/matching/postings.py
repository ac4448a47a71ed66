"""Compact inverted lists: key id -> sorted name ids, as two numpy arrays (CSR layout).

A Python dict of lists costs ~60 bytes per posting and ~100 per key; this costs 4 per posting and
16 per key. At a million names with several keys each, that is ~1 GB against ~100 MB.
"""

from __future__ import annotations

from array import array

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int32]
EMPTY: IntArray = np.zeros(0, dtype=np.int32)


class PostingsBuilder:
    """Collects (key, name id) pairs; keys are kept as 64-bit string hashes, never as strings.

    Python's `hash` of a string is salted per process, so an index is rebuilt, not unpickled,
    in each worker (which is how the app uses it anyway).
    """

    def __init__(self) -> None:
        self._keys = array("q")
        self._ids = array("i")

    def add(self, key: str, name_id: int) -> None:
        self._keys.append(hash(key))
        self._ids.append(name_id)

    def __len__(self) -> int:
        return len(self._ids)

    def build(self) -> Postings:
        keys = np.frombuffer(self._keys, dtype=np.int64) if self._keys else np.zeros(0, np.int64)
        ids = np.frombuffer(self._ids, dtype=np.int32) if self._ids else EMPTY
        order = np.argsort(keys, kind="stable")  # stable: ids stay ascending within a key
        sorted_keys = keys[order]
        boundary = np.ones(len(sorted_keys), dtype=bool)
        boundary[1:] = sorted_keys[1:] != sorted_keys[:-1]
        starts = np.flatnonzero(boundary)
        unique_keys = sorted_keys[starts].copy()
        offsets = np.append(starts, len(sorted_keys)).astype(np.int64)
        postings = Postings(unique_keys, offsets, ids[order].copy())
        self._keys, self._ids = array("q"), array("i")
        return postings


class Postings:
    """Sorted unique key hashes, their offsets, and the name ids of all keys end to end."""

    __slots__ = ("ids", "keys", "offsets")

    def __init__(self, keys: npt.NDArray[np.int64], offsets: npt.NDArray[np.int64], ids: IntArray) -> None:
        self.keys = keys
        self.offsets = offsets
        self.ids = ids

    def _slot(self, key: str) -> int:
        h = hash(key)
        slot = int(np.searchsorted(self.keys, h))
        if slot < len(self.keys) and self.keys[slot] == h:
            return slot
        return -1

    def get(self, key: str) -> IntArray:
        slot = self._slot(key)
        if slot < 0:
            return EMPTY
        return self.ids[self.offsets[slot] : self.offsets[slot + 1]]

    def slots(self, keys: list[str]) -> list[int]:
        """The slot of each key (-1 when absent), in one vectorised look-up."""
        if not keys or not len(self.keys):
            return [-1] * len(keys)
        hashes = np.fromiter((hash(k) for k in keys), dtype=np.int64, count=len(keys))
        found = np.minimum(np.searchsorted(self.keys, hashes), len(self.keys) - 1)
        hit = self.keys[found] == hashes
        return [int(f) if h else -1 for f, h in zip(found.tolist(), hit.tolist(), strict=True)]

    def at(self, slot: int) -> IntArray:
        return self.ids[self.offsets[slot] : self.offsets[slot + 1]]

    def __len__(self) -> int:
        return len(self.keys)

    def nbytes(self) -> int:
        return int(self.keys.nbytes + self.offsets.nbytes + self.ids.nbytes)


class FuzzyKeys:
    """Keys within one edit of a key (symmetric deletion): `krprs` finds `krprsf`, `krps`, `krpts`.

    Each indexed key and each of its one-character deletions is stored as a 64-bit hash next to the
    key; a query key and its deletions are looked up by binary search.
    """

    __slots__ = ("hashes", "keys", "min_length")

    def __init__(self, keys: list[str], owners_of: list[int], min_length: int) -> None:
        """`keys` are indexed; `near` returns `owners_of[k]` for each key k within one edit."""
        self.min_length = min_length
        hashes = array("q")
        owners = array("i")
        for number, key in enumerate(keys):
            if len(key) < min_length:
                continue
            variants = {key, *(key[:i] + key[i + 1 :] for i in range(len(key)))}
            for variant in variants:
                hashes.append(hash(variant))
                owners.append(owners_of[number])
        hash_np = np.frombuffer(hashes, dtype=np.int64) if hashes else np.zeros(0, dtype=np.int64)
        order = np.argsort(hash_np, kind="stable")
        self.hashes = hash_np[order].copy()
        owner_np = np.frombuffer(owners, dtype=np.int32) if owners else EMPTY
        self.keys: IntArray = owner_np[order].copy()

    def near(self, key: str) -> IntArray:
        """The owners (see `__init__`) of the keys within one edit of `key`."""
        if len(key) < self.min_length or not len(self.hashes):
            return EMPTY
        probes = np.array(
            [hash(key), *(hash(key[:i] + key[i + 1 :]) for i in range(len(key)))], dtype=np.int64
        )
        lo = np.searchsorted(self.hashes, probes, side="left")
        hi = np.searchsorted(self.hashes, probes, side="right")
        parts = [self.keys[a:b] for a, b in zip(lo.tolist(), hi.tolist(), strict=True) if b > a]
        if not parts:
            return EMPTY
        return np.unique(np.concatenate(parts))

    def nbytes(self) -> int:
        return int(self.hashes.nbytes + self.keys.nbytes)
