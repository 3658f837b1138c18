"""Near-duplicate detection (the same press release republished with small edits) and rewrite
detection (the same source told again in other words: see ``story_signature``).

Signature: hashes of 5-word shingles of the article's body (noise lines excluded), sampled by
value (``h % SAMPLE == 0``), so two copies of a text sample the *same* shingles wherever they
sit. Two articles are near duplicates when their sampled sets overlap by ``THRESHOLD`` or more
(Jaccard). Articles that only share a template or an event share few 5-word runs (names,
places and numbers differ), so they stay unlinked. Candidates come from an inverted index over
sampled hashes, kept only while ingest runs.
"""

from __future__ import annotations

import re
import sys
import zlib
from bisect import bisect_left, bisect_right
from collections import Counter
from collections import _count_elements as _count  # type: ignore[attr-defined]
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from functools import partial
from itertools import chain, compress, filterfalse, islice, repeat
from operator import and_, attrgetter, ge

from store.model import Article, Span

try:  # ISA-L's CRC-32 (``isal``, a dependency): the same value as zlib's, in ~0.04 us less a
    # shingle (the duplicate signature of an article: 170 -> 131 us); zlib's where it is missing
    from isal.isal_zlib import crc32 as _crc32
except ImportError:  # pragma: no cover - isal is installed with tandai
    _crc32 = zlib.crc32

SHINGLE = 5
SAMPLE = 4
_SAMPLE_MASK = SAMPLE - 1  # SAMPLE is a power of two: h % SAMPLE == 0 exactly when h & mask == 0
assert SAMPLE & _SAMPLE_MASK == 0
_UNSAMPLED = partial(and_, _SAMPLE_MASK)  # h & mask: true (left out) unless h % SAMPLE == 0
_COPY_WORDS = 50_000  # texts up to this many words zip shifted copies of their word list (4 x 400 KB)
THRESHOLD = 0.5
MIN_SHINGLES = 8
# A shingle found in more texts than this is template or boilerplate text, not evidence that one
# article republishes another: it stops counting (and keeps each lookup cheap). A close copy of a
# text the shingle's list already holds is that text again, not one more (see ``DuplicateIndex``).
MAX_POSTING = 40
# A copy this close to its original (Jaccard) is the same text to a full posting list. Copies of
# one release differ by an outlet's lead and tail (0.72-1.0 on the gold pages, most above 0.85);
# articles that only share a long undetected widget are looser unless the widget is eight times
# their own text, so such a widget still stops counting once 41 of them carry it.
SAME_TEXT = 0.8
STORY_BASE = 1 << 40  # story facts (below) ride in the same stored signature, above the shingles

_WORD = re.compile(r"[^\W_]+")
# ASCII bytes to their word form: letters lower-cased, digits kept, every other byte a space
_ASCII_WORD_BYTES = bytes(ord(chr(i).lower()) if chr(i).isalnum() else 32 for i in range(128)) + bytes(
    range(128, 256))


def _outside(text: str, noise: Sequence[Span]) -> str:
    """The text outside noise spans (the parts joined by line breaks)."""
    if noise:
        parts = []
        pos = 0
        for span in sorted(noise, key=lambda s: s.start):
            if span.start > pos:
                parts.append(text[pos : span.start])
            pos = max(pos, span.end)
        parts.append(text[pos:])
        text = "\n".join(parts)
    return text


def _body_bytes(text: str, noise: Sequence[Span]) -> list[bytes]:
    """Lower-cased words outside noise spans, as the UTF-8 bytes shingles are hashed in. ASCII
    text is split as bytes (capitals lowered and non-word bytes made spaces by one table, no str
    per word): the same words as the regex finds, at a fraction of its cost."""
    text = _outside(text, noise)
    if text.isascii():
        return text.encode().translate(_ASCII_WORD_BYTES).split()
    return " ".join(_WORD.findall(text.lower())).encode().split(b" ")


def signature(text: str, noise: Sequence[Span] = ()) -> list[int]:
    """Sorted sampled shingle hashes of the body; the title line is left out (outlets rewrite it)."""
    nl = text.find("\n")
    spans = [*noise, Span(0, nl)] if nl > 0 else list(noise)
    words = _body_bytes(text, spans)
    if len(words) < SHINGLE:
        return []
    # each shingle is its five words joined by spaces, hashed as UTF-8 bytes (CRC-32: stored
    # signatures of older stores stay comparable); lazily, not a list of shingles: a 12 MB text
    # would hold 300 MB of them at once. The whole chain runs in C (zip reuses its tuple, join,
    # crc32, set, filterfalse): no Python frame per shingle. The zip walks copies of the word
    # list shifted by one to four words (a few KB of pointers), not ``islice`` iterators (five
    # more calls a shingle); a huge text keeps the iterators. The sample is taken before the set
    # (which then holds a quarter of the hashes) by ``and_`` through ``partial``: ``(3).__and__``
    # is a method wrapper, called with a tuple of arguments made and freed for every shingle.
    if len(words) <= _COPY_WORDS:
        shifted: Iterable[Iterable[bytes]] = [words[k:] for k in range(SHINGLE)]
    else:
        shifted = [islice(words, k, None) for k in range(SHINGLE)]
    shingles = map(b" ".join, zip(*shifted, strict=False))
    return sorted(set(filterfalse(_UNSAMPLED, map(_crc32, shingles))))  # h % SAMPLE == 0


def jaccard(a: Sequence[int], b: Sequence[int]) -> float:
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


_COMMON: tuple[str, ...] = ()  # a posting of more than ``MAX_POSTING`` texts: stops counting


class DuplicateIndex:
    """Finds the earliest known article that a new signature nearly duplicates.

    A shingle's posting list holds the first ``MAX_POSTING`` articles that have it; past that, it
    counts texts: a close copy (``SAME_TEXT``) of an original the list already holds adds nothing
    (the list already leads a look-up to that original), any other article is listed, and the
    text past ``MAX_POSTING`` makes the shingle common. So a release carried by hundreds of sites
    keeps linking every copy to its original, while a template shared by many different
    articles stops counting as before; a list never holds more than twice ``MAX_POSTING``."""

    def __init__(self) -> None:
        # a full posting list is swapped for ``_COMMON``: a lookup drops it with the unknown
        # shingles in one C call (falsy) and counts them in another, not a Python test per shingle
        self._postings: dict[int, list[str] | tuple[str, ...]] = {}
        self._sigs: dict[str, frozenset[int]] = {}
        self._root: dict[str, str] = {}
        self._same: dict[str, str] = {}  # a close copy: its original (the text it is)
        self._texts: dict[int, set[str]] = {}  # a full posting list's texts (``_same`` or the id)
        # the shingles ``find_shingles`` last looked up and their posting lists, until an add
        self._looked: tuple[list[int], list[list[str] | tuple[str, ...] | None]] | None = None

    def __len__(self) -> int:
        return len(self._sigs)

    def add(self, article_id: str, sig: list[int], duplicate_of: str | None = None) -> None:
        self.add_shingles(article_id, shingle_part(sig), duplicate_of)

    def add_shingles(self, article_id: str, sig: list[int], duplicate_of: str | None = None) -> None:
        """``add`` with the signature's shingles alone (``shingle_part``: split once by the caller).
        Right after ``find_shingles`` of the same shingles (ingest asks, then adds), its posting
        lists are reused: no second look-up a shingle."""
        mine = frozenset(sig)
        self._sigs[article_id] = mine
        if duplicate_of:
            self._root[article_id] = duplicate_of
            original = self._sigs.get(duplicate_of)
            if original:
                shared = len(mine.intersection(original))
                if shared / (len(mine) + len(original) - shared) >= SAME_TEXT:
                    self._same[article_id] = duplicate_of
        postings = self._postings
        looked, self._looked = self._looked, None
        # (a shingle twice, in a damaged stored signature, must find the list its first made)
        if looked is None or len(mine) != len(sig) or looked[0] != sig:
            for h in sig:
                ids = postings.get(h)
                if ids is None:
                    postings[h] = [article_id]
                elif ids:
                    if len(ids) < MAX_POSTING:
                        ids.append(article_id)  # type: ignore[union-attr]  # (only _COMMON is a tuple)
                    else:
                        self._add_to_full(article_id, h, ids)  # type: ignore[arg-type]  # (rare)
            return
        for h, ids in zip(sig, looked[1], strict=True):  # (the same steps, the look-up made)
            if ids is None:
                postings[h] = [article_id]
            elif ids:
                if len(ids) < MAX_POSTING:
                    ids.append(article_id)  # type: ignore[union-attr]
                else:
                    self._add_to_full(article_id, h, ids)  # type: ignore[arg-type]

    def _add_to_full(self, article_id: str, h: int, ids: list[str]) -> None:
        """Post an article to a list holding ``MAX_POSTING`` articles or more: by texts (above)."""
        same = self._same
        text = same.get(article_id, article_id)
        texts = self._texts.get(h)
        if texts is None:
            if not same:  # no close copy anywhere: every article is a text of its own
                self._postings[h] = _COMMON
                return
            texts = self._texts[h] = {same.get(x, x) for x in ids}
        if text in texts:
            return
        if len(texts) >= MAX_POSTING:
            self._postings[h] = _COMMON
            del self._texts[h]
        else:
            texts.add(text)
            ids.append(article_id)

    def find(self, sig: Sequence[int]) -> str | None:
        """The original (not itself a duplicate) that ``sig`` duplicates, or None."""
        return self.find_shingles(shingle_part(sig))

    def find_shingles(self, sig: list[int]) -> str | None:
        """``find`` with the signature's shingles alone (``shingle_part``)."""
        self._looked = None
        if len(sig) < MIN_SHINGLES // SAMPLE + 1:
            return None
        lists = list(map(self._postings.get, sig))
        self._looked = (sig, lists)  # for ``add_shingles`` of the same shingles, if it comes next
        countable = len(lists) - lists.count(_COMMON)  # (None and a list never equal a tuple)
        # one C loop, not one per shingle (``Counter.update``'s own, without its Python frames)
        counts: Counter[str] = Counter()
        _count(counts, chain.from_iterable(filter(None, lists)))
        # shared distinctive shingles at which Jaccard can still reach THRESHOLD
        need = max(2.0, THRESHOLD * countable / (1 + THRESHOLD))
        if not counts or max(counts.values()) < need:
            return None
        best: tuple[float, str] | None = None
        mine = frozenset(sig)
        # the candidates most_common(20) would give before the first below ``need``, in its
        # order (by count, ties in first-seen order: sorted is stable), without ranking the rest
        # (picked in C: a comprehension over every counted id was most of a look-up)
        ahead = sorted(
            compress(counts, map(ge, counts.values(), repeat(need))), key=counts.__getitem__, reverse=True
        )
        for cand in ahead[:20]:
            other = self._sigs[cand]
            shared = len(mine.intersection(other))
            score = shared / (len(mine) + len(other) - shared)  # (the union's size, not the union)
            if score >= THRESHOLD and (best is None or score > best[0]):
                best = (score, cand)
        if best is None:
            return None
        original = best[1]
        return self._root.get(original, original)


# -- rewrites: one source told again in other words --------------------------------------------------
# A rewrite of a press release shares few word runs with it but the same facts: the figures, the
# people, the dates. Its story signature is those facts, hashed with their kind in the low bits:
# figures (numbers above ten that are not years, times or unit numbers), the words of people's
# names, and the ISO dates mentioned. Two articles are one story when they share several figures
# and a person, most of the smaller one's figures, and were published within a few days. Look-alikes
# (one outlet's template, one unit's other events) share the unit and its chief but not the figures.
FIGURE, PERSON_WORD, DAY = 0, 1, 2
STORY_MIN_FIGURES = 2  # shared figures needed, with a shared person ...
STORY_FIGURE_SHARE = 0.4  # ... and this share of the smaller article's figures
STORY_DAYS = 4  # publication dates at most this far apart (when both are known)
# ... or one shared figure with this many shared words of people's names (a release's people quoted
# again, two or three of them: a unit's other events share its chief's two or three words, not more)
STORY_MANY_PEOPLE = 5
# "1.240", alone: not part of a code or a word, a time ("07.30"), a date ("26/11") or a decimal
# ("9,8"): no letter, digit or one of . , : / - _ before it; no letter, digit, : / _ after it, nor
# . or , and a digit (str.isdigit's digits: the test this replaced). A match cut short by the
# context can never match shorter: the character after it would be a digit or ". digit".
_ISDIGIT = "".join(re.escape(c) for c in map(chr, range(sys.maxunicode + 1)) if c.isdigit())
# The look-behind follows the first digit: leading the pattern, it would run at every position.
_FIGURE = re.compile(rf"\d(?<![\w.,:/\-]\d)\d*(?:\.\d{{3}})*(?![\w:/])(?![.,][{_ISDIGIT}])")
# the same on ASCII text, where \d and str.isdigit are [0-9], searched in its bytes with every
# digit made "0" (``_ZEROED``: one table, as fast as a copy): a pattern opening with one literal
# character is found by a scan for it, a character set by a test of every character (2.5 times
# slower on the story signature). Every other byte is left as it is, so the contexts read alike.
_FIGURE_ASCII = re.compile(rb"0(?<![\w.,:/\-]0)0*(?:\.000)*(?![\w:/])(?![.,]0)")
_ZEROED = bytes.maketrans(b"123456789", b"0" * 9)
_UNIT_LABELS = frozenset({"POLICE_UNIT", "MILITARY_UNIT", "GOV_ORG", "ELECTION_BODY", "DATE", "ELECTION"})
_FACT_LABELS = frozenset({"PERSON", "DATE"})
_SPAN = attrgetter("start", "end")
_LABEL = attrgetter("label")
_NAME_WORD = re.compile(r"[^\W\d_]{3,}")
_NAME_STOP = frozenset("sik sos kapolres kapolsek kapolda ipda iptu akp kompol akbp".split())


def _hash(kind: int, value: str) -> int:
    return STORY_BASE | (zlib.crc32(value.encode()) << 2) | kind


def story_part(sig: Sequence[int]) -> list[int]:
    return [h for h in sig if h >= STORY_BASE]


def shingle_part(sig: Sequence[int]) -> list[int]:
    return [h for h in sig if h < STORY_BASE]


def split_signature(sig: list[int]) -> tuple[list[int], list[int]]:
    """``(shingle_part(sig), story_part(sig))`` of a signature made by ``article_signature`` (the
    sorted shingles, all below 2^32, then the sorted facts, all at least ``STORY_BASE``): cut by
    bisection, not by two walks in Python (0.5 us instead of 7 an article). Not for a stored
    signature, which a damaged store may hold out of order."""
    cut = bisect_left(sig, STORY_BASE)
    return sig[:cut], sig[cut:]


def story_signature(article: Article) -> list[int]:
    """Sorted fact hashes of an article's body (noise, unit names and the first line left out),
    each at least ``STORY_BASE``: stored after the shingle hashes in the one signature list."""
    text = article.text
    ents = article.entities
    nl = text.find("\n")
    # (a comprehension reads an entity's slots through the interpreter's specialised attribute
    # loads: cheaper than ``attrgetter`` chains in C, which look every attribute up by name)
    skip = [(e.start, e.end) for e in ents if e.label in _UNIT_LABELS]
    skip += [(s.start, s.end) for s in article.noise]
    skip.append((0, nl if nl > 0 else 0))
    skip.sort()
    starts = [start for start, _ in skip]
    # a position is inside a skipped span when it is before the furthest end of the spans that
    # start at or before it (the same test as against the merged spans, without merging them)
    reach = []
    furthest = skip[0][1]
    for _, end in skip:
        if end > furthest:
            furthest = end
        reach.append(furthest)
    facts: set[int] = set()
    figures: Iterator[re.Match[bytes] | re.Match[str]]
    if text.isascii():
        figures = _FIGURE_ASCII.finditer(text.encode().translate(_ZEROED))
    else:
        figures = _FIGURE.finditer(text)
    for m in figures:
        s = m.start()
        k = bisect_right(starts, s) - 1
        if k >= 0 and s < reach[k]:
            continue
        n = int(text[s : m.end()].replace(".", ""))
        if n > 10 and not 1945 <= n <= 2035:
            facts.add(_hash(FIGURE, str(n)))
    # people's names and dates only, each text once (a name is mentioned again and again): the
    # same facts as a walk over every entity
    people: set[str] = set()
    days: set[str] = set()
    for e in ents:
        label = e.label
        if label == "PERSON":
            if e.text not in people:
                people.add(e.text)
                for w in _NAME_WORD.findall(e.text.lower()):
                    if w not in _NAME_STOP:
                        facts.add(_hash(PERSON_WORD, w))
        elif label == "DATE" and isinstance(e.value, str) and len(e.value) >= 10 and e.value[:10] not in days:
            days.add(e.value[:10])
            facts.add(_hash(DAY, e.value[:10]))
    return sorted(facts)


def _days(a: str | None, b: str | None) -> int | None:
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days) if a and b else None
    except ValueError:
        return None


def same_story(a: Sequence[int], b: Sequence[int], published_a: str | None = None,
               published_b: str | None = None) -> bool:
    """Whether two story signatures tell one story (see the rule above)."""
    days = _days(published_a, published_b)
    if days is not None and days > STORY_DAYS:
        return False
    shared = set(a) & set(b)
    figures = sum(1 for h in shared if h & 3 == FIGURE)
    people = sum(1 for h in shared if h & 3 == PERSON_WORD)
    if people < 1 or (figures < STORY_MIN_FIGURES and not (figures and people >= STORY_MANY_PEOPLE)):
        return False
    smaller = min(sum(1 for h in a if h & 3 == FIGURE), sum(1 for h in b if h & 3 == FIGURE))
    return figures >= STORY_FIGURE_SHARE * smaller


class StoryIndex:
    """Finds the known articles a new one rewrites the story of, from shared facts: each fact
    lists the articles that hold it (a fact in more than ``MAX_POSTING`` is common knowledge,
    like election day, and stops counting), so a lookup reads a few short lists."""

    def __init__(self) -> None:
        self._postings: dict[int, list[str]] = {}
        self._people: dict[int, list[str]] = {}  # a person's name word: the articles naming it
        self._sigs: dict[str, tuple[frozenset[int], str | None]] = {}
        self._group: dict[str, set[str]] = {}

    def add(self, article_id: str, sig: Sequence[int], published: str | None,
            linked: Sequence[str] = ()) -> None:
        self.add_facts(article_id, story_part(sig), published, linked)

    def add_facts(self, article_id: str, sig: list[int], published: str | None,
                  linked: Sequence[str] = ()) -> None:
        """``add`` with the signature's facts alone (``story_part``: split once by the caller)."""
        self._sigs[article_id] = (frozenset(sig), published)
        if linked:
            group = set(linked) | {article_id}
            for other in list(group):
                group |= self._group.get(other, set())
            for member in group:
                self._group[member] = group
        for h in sig:
            kind = h & 3
            if kind == DAY:
                continue  # candidates come from shared figures, or people and a figure; days only confirm
            postings = self._postings if kind == FIGURE else self._people
            ids = postings.get(h)
            if ids is None:
                postings[h] = [article_id]
            elif len(ids) <= MAX_POSTING:
                ids.append(article_id)

    def find(self, sig: Sequence[int], published: str | None) -> list[str]:
        """Every known article of the same story (the whole group of each match), sorted."""
        return self.find_facts(story_part(sig), published)

    def find_facts(self, sig: list[int], published: str | None) -> list[str]:
        """``find`` with the signature's facts alone (``story_part``)."""
        # only figures are posted (``add``): the other facts find no list. Counted in one C
        # loop, in the order a Counter.update per fact would count them (ties rank alike)
        lists = [ids for ids in map(self._postings.get, sig) if ids and len(ids) <= MAX_POSTING]
        counts: Counter[str] = Counter()
        _count(counts, chain.from_iterable(lists))
        found: set[str] = set()
        if not counts:
            return []
        cands = [cand for cand, shared in counts.most_common(20) if shared >= STORY_MIN_FIGURES]
        words = [h for h in sig if h & 3 == PERSON_WORD]
        if len(words) >= STORY_MANY_PEOPLE:
            # a rewrite sharing one figure and the release's people ("12 personel", three names): found
            # by the people's words, asked when it shares a figure too
            people: Counter[str] = Counter()
            _count(people, chain.from_iterable(
                ids for ids in map(self._people.get, words) if ids and len(ids) <= MAX_POSTING))
            cands += [cand for cand, shared in people.most_common(8)
                      if shared >= STORY_MANY_PEOPLE and cand in counts and cand not in cands]
        for cand in cands:
            if cand in found:
                continue
            other, when = self._sigs[cand]
            if same_story(sig, sorted(other), published, when):
                found |= self._group.get(cand, set()) | {cand}
        return sorted(found)


def article_signature(article: Article) -> list[int]:
    """The one signature an article's summary keeps: shingles (copies), then facts (rewrites)."""
    return signature(article.text, article.noise) + story_signature(article)


def story_groups(links: Iterable[tuple[str, Sequence[str]]]) -> dict[str, list[str]]:
    """Each linked article's whole group of rewrites (itself excluded), from what each article
    was linked to at ingest: an article learns of rewrites ingested after it only this way."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for aid, linked in links:
        for other in linked if isinstance(linked, list | tuple) else ():
            if not isinstance(other, str) or not isinstance(aid, str):
                continue  # a damaged meta file: its links are lost, nothing else
            a, b = root(aid), root(other)
            if a != b:
                parent[max(a, b)] = min(a, b)
    members: dict[str, list[str]] = {}
    for x in list(parent):
        members.setdefault(root(x), []).append(x)
    return {x: sorted(m for m in group if m != x) for group in members.values() for x in group}
