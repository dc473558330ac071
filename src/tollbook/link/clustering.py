"""Scored pairs -> persons (clusters of records), respecting human decisions. Pure.

Pairs are merged greedily, most probable first. Two groups of records are joined only
when the pairs between them are, on average, likely matches (pairs that were never
compared count as not matching): a chain of links through look-alikes does not glue
two different people together. Human decisions come first and win: a confirmed pair is
always one person (*must-link*), a split pair never is (*cannot-link*), even through
other records. Decisions that contradict each other are reported, not guessed at.

Records of a list that holds no duplicates (``exclusive``: record -> its list) never
end up in one person with another record of that list, not even through records of
other lists; only a human's confirmation puts two of them together.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

#: Default: groups are joined when their pairs average at least this probability.
DEFAULT_MIN_MEAN = 0.35


@dataclass
class Clustering:
    """Each record's cluster (the smallest record id in it), and the human decisions
    that could not all be honoured."""

    cluster_of: dict[int, int]
    #: must-link pairs that a cannot-link decision kept apart
    conflicts: list[tuple[int, int]] = field(default_factory=list)

    def clusters(self) -> dict[int, list[int]]:
        """Cluster id -> its record ids, in order."""
        out: dict[int, list[int]] = {}
        for record, cluster in sorted(self.cluster_of.items()):
            out.setdefault(cluster, []).append(record)
        return out


def cluster_pairs(
    ids: Iterable[int],
    left: Sequence[int],
    right: Sequence[int],
    probability: Sequence[float],
    threshold: float,
    *,
    must_link: Iterable[tuple[int, int]] = (),
    cannot_link: Iterable[tuple[int, int]] = (),
    min_mean: float = DEFAULT_MIN_MEAN,
    exclusive: Mapping[int, str] | None = None,
) -> Clustering:
    """Cluster the records ``ids`` from scored pairs (``left[i]``, ``right[i]``,
    ``probability[i]``); pairs below ``threshold`` never join records, nor records of
    one list of ``exclusive`` (record -> list, for lists without duplicates)."""
    groups = _Groups(ids, exclusive or {})
    neighbours: defaultdict[int, dict[int, float]] = defaultdict(dict)
    for a, b, p in zip(left, right, probability, strict=True):
        if a == b:
            continue
        known = neighbours[a].get(b)
        if known is None or p > known:
            neighbours[a][b] = p
            neighbours[b][a] = p
    for a, b in cannot_link:
        groups.forbid(a, b)
    conflicts: list[tuple[int, int]] = []
    for a, b in sorted(_ordered(must_link)):
        if not groups.join(a, b, human=True):
            conflicts.append((a, b))
    edges = sorted(
        (-p, a, b)
        for a, b, p in zip(left, right, probability, strict=True)
        if p >= threshold and a != b
    )
    for _, a, b in edges:
        ra, rb = groups.find(a), groups.find(b)
        if ra == rb or not groups.allowed(ra, rb):
            continue
        if _mean_between(groups.members[ra], groups.members[rb], neighbours) >= min_mean:
            groups.join(a, b)
    return Clustering(groups.labels(), conflicts)


def _ordered(pairs: Iterable[tuple[int, int]]) -> set[tuple[int, int]]:
    return {(min(a, b), max(a, b)) for a, b in pairs if a != b}


def _mean_between(
    first: list[int], second: list[int], neighbours: dict[int, dict[int, float]]
) -> float:
    if len(first) == 1 and len(second) == 1:
        return neighbours[first[0]].get(second[0], 0.0)
    if len(first) > len(second):
        first, second = second, first
    total = 0.0
    for record in first:
        near = neighbours.get(record)
        if near:
            total += sum(near.get(other, 0.0) for other in second)
    return total / (len(first) * len(second))


class _Groups:
    """Union-find over record ids, with cannot-link constraints between groups."""

    def __init__(self, ids: Iterable[int], exclusive: Mapping[int, str]) -> None:
        self.parent: dict[int, int] = {}
        self.members: dict[int, list[int]] = {}
        self.forbidden: dict[int, set[int]] = {}
        #: root -> the exclusive lists its records are on
        self.lists: dict[int, set[str]] = {}
        self.exclusive = exclusive
        for record in ids:
            self._add(record)

    def _add(self, record: int) -> None:
        if record not in self.parent:
            self.parent[record] = record
            self.members[record] = [record]
            listed = self.exclusive.get(record)
            if listed is not None:
                self.lists[record] = {listed}

    def find(self, record: int) -> int:
        if record not in self.parent:
            self._add(record)
            return record
        root = record
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[record] != root:
            self.parent[record], record = root, self.parent[record]
        return root

    def forbid(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        self.forbidden.setdefault(ra, set()).add(b)
        self.forbidden.setdefault(rb, set()).add(a)

    def allowed(self, ra: int, rb: int, human: bool = False) -> bool:
        """Whether no record of one group must stay apart from a record of the other
        (``human``: a person's confirmation, which may join two records of one list)."""
        if not human and not self.lists.get(ra, set()).isdisjoint(self.lists.get(rb, ())):
            return False
        for root, other in ((ra, rb), (rb, ra)):
            for record in self.forbidden.get(root, ()):
                if self.find(record) == other:
                    return False
        return True

    def join(self, a: int, b: int, human: bool = False) -> bool:
        """Join the groups of ``a`` and ``b`` unless forbidden; whether they are one."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if not self.allowed(ra, rb, human):
            return False
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))
        moved = self.forbidden.pop(rb, set())
        if moved:
            self.forbidden.setdefault(ra, set()).update(moved)
        listed = self.lists.pop(rb, set())
        if listed:
            self.lists.setdefault(ra, set()).update(listed)
        return True

    def labels(self) -> dict[int, int]:
        out: dict[int, int] = {}
        for members in self.members.values():
            label = min(members)
            for record in members:
                out[record] = label
        return out


def keep_identities(
    clusters: dict[int, list[int]], previous: dict[int, int]
) -> tuple[list[tuple[int | None, list[int]]], list[int]]:
    """Give each new cluster the identity of an earlier person where it can: the earlier
    person most of its records belonged to, unless a larger share of that person went
    to another cluster. Returns (person id or None for a new person, records) per
    cluster, and the earlier persons no cluster kept."""
    candidates: list[tuple[int, int, int]] = []  # (-overlap, cluster, person)
    for label, members in clusters.items():
        overlap: dict[int, int] = {}
        for record in members:
            person = previous.get(record)
            if person is not None:
                overlap[person] = overlap.get(person, 0) + 1
        candidates.extend((-n, label, person) for person, n in overlap.items())
    taken_people: set[int] = set()
    kept: dict[int, int] = {}
    for _, label, person in sorted(candidates):
        if label in kept or person in taken_people:
            continue
        kept[label] = person
        taken_people.add(person)
    out = [(kept.get(label), members) for label, members in sorted(clusters.items())]
    retired = sorted(set(previous.values()) - taken_people)
    return out, retired
