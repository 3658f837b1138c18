"""The fast duplicate signature and index give exactly what the plain definitions give: stored
signatures of older stores stay comparable, and the same articles link (issue 10, ingest speed).

The references below are the definitions written as plainly as possible (a regex for words,
a loop per shingle, a loop per posting); the shipped code must agree with them on any text."""

from __future__ import annotations

import random
import re
import zlib
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from store.model import Article, Entity, Span
from store.text import dedupe


def plain_signature(text: str, noise: list[Span]) -> list[int]:
    """Words (letters and digits) of the lower-cased text outside the noise and the first line,
    every five in a row joined by spaces, CRC-32 of their UTF-8, those divisible by SAMPLE."""
    nl = text.find("\n")
    skip = sorted([*noise, Span(0, nl)] if nl > 0 else noise, key=lambda s: s.start)
    parts, pos = [], 0
    for s in skip:
        if s.start > pos:
            parts.append(text[pos : s.start])
        pos = max(pos, s.end)
    parts.append(text[pos:])
    words = re.findall(r"[^\W_]+", "\n".join(parts).lower())
    hashes = {zlib.crc32(" ".join(words[i : i + 5]).encode()) for i in range(len(words) - 4)}
    return sorted(h for h in hashes if h % dedupe.SAMPLE == 0)


class PlainIndex:
    """The duplicate index written plainly: a Python loop per shingle. A posting lists its first
    MAX_POSTING articles; past that, an article whose text it already lists (a copy at least
    SAME_TEXT close to its original is that original's text) adds nothing, another is listed,
    and the text past MAX_POSTING makes the shingle common."""

    def __init__(self) -> None:
        self.postings: dict[int, list[str]] = {}
        self.common: set[int] = set()
        self.sigs: dict[str, frozenset[int]] = {}
        self.root: dict[str, str] = {}
        self.same: dict[str, str] = {}

    def add(self, aid: str, sig: list[int], duplicate_of: str | None = None) -> None:
        sig = [h for h in sig if h < dedupe.STORY_BASE]
        self.sigs[aid] = frozenset(sig)
        if duplicate_of:
            self.root[aid] = duplicate_of
            if dedupe.jaccard(sig, sorted(self.sigs.get(duplicate_of, ()))) >= dedupe.SAME_TEXT:
                self.same[aid] = duplicate_of
        text = self.same.get(aid, aid)
        for h in sig:
            if h in self.common:
                continue
            ids = self.postings.setdefault(h, [])
            texts = {self.same.get(x, x) for x in ids}
            if len(ids) < dedupe.MAX_POSTING or (text not in texts and len(texts) < dedupe.MAX_POSTING):
                ids.append(aid)
            elif text not in texts:
                self.common.add(h)

    def find(self, sig: list[int]) -> str | None:
        sig = [h for h in sig if h < dedupe.STORY_BASE]
        if len(sig) < dedupe.MIN_SHINGLES // dedupe.SAMPLE + 1:
            return None
        lists = [self.postings.get(h) for h in sig if h not in self.common]
        counts = Counter(aid for ids in lists if ids for aid in ids)
        need = max(2.0, dedupe.THRESHOLD * len(lists) / (1 + dedupe.THRESHOLD))
        best: tuple[float, str] | None = None
        for cand, shared in counts.most_common(20):
            if shared < need:
                break
            score = len(frozenset(sig) & self.sigs[cand]) / len(frozenset(sig) | self.sigs[cand])
            if score >= dedupe.THRESHOLD and (best is None or score > best[0]):
                best = (score, cand)
        return None if best is None else self.root.get(best[1], best[1])


def plain_figures(text: str, skip: list[tuple[int, int]]) -> set[int]:
    """Figures as first written: every run of digits (with "." thousands), its neighbours tested
    one by one, skipped spans merged."""
    merged: list[list[int]] = []
    for a, b in sorted(skip):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    out = set()
    for m in re.finditer(r"\d+(?:\.\d{3})*", text):
        s, end = m.span()
        before = text[s - 1] if s else " "
        after = text[end : end + 2] if end < len(text) else " "
        if before.isalnum() or before in ".,:/-_" or after[:1].isalnum() or after[:1] in ":/_":
            continue
        if after[:1] in ".," and after[1:2].isdigit():
            continue
        if any(a <= s < b for a, b in merged):
            continue
        n = int(m.group().replace(".", ""))
        if n > 10 and not 1945 <= n <= 2035:
            out.add(dedupe.STORY_BASE | (zlib.crc32(str(n).encode()) << 2) | dedupe.FIGURE)
    return out


_FIGURES = st.lists(st.sampled_from([*"0123456789 .,:/-_a\n", "²", "٣", "1.240", "2024", " 612 ", "(26/11)"]),
                    max_size=80).map("".join)


@settings(max_examples=400, deadline=None)
@given(_FIGURES, st.lists(st.tuples(st.integers(0, 80), st.integers(0, 12)), max_size=5))
def test_story_figures_are_the_plain_rule(text: str, cuts: list[tuple[int, int]]) -> None:
    noise = [Span(a, a + n) for a, n in cuts[:2]]
    units = [Entity(a, a + n, "POLICE_UNIT", text[a : a + n]) for a, n in cuts[2:]]
    article = Article(id="x", source="", title="", text=text, noise=noise, entities=units)
    nl = text.find("\n")
    skip = [(a.start, a.end) for a in noise + units] + [(0, nl if nl > 0 else 0)]
    assert set(dedupe.story_signature(article)) == plain_figures(text, skip)


_TEXT = st.lists(st.sampled_from([*"ab cd ef\n\n.,-_'é ß Ÿ K İ 1 2 ", "polres ", "garut ", "“kata” "]),
                 max_size=150).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.lists(st.tuples(st.integers(0, 400), st.integers(0, 60)), max_size=4))
def test_signature_is_the_plain_definition(text: str, cuts: list[tuple[int, int]]) -> None:
    noise = [Span(a, min(len(text), a + n)) for a, n in cuts if a < len(text)]
    assert dedupe.signature(text, noise) == plain_signature(text, noise)


def test_signature_of_a_long_article_in_both_scripts() -> None:
    rng = random.Random(3)
    vocab = "polres garut menggelar apel pengamanan tps di kecamatan 1.240 personel “siaga” café naïve".split()
    for ascii_only in (True, False):
        words = [w for w in vocab if w.isascii() or not ascii_only]
        text = "Judul\n\n" + " ".join(rng.choice(words) for _ in range(3000))
        sig = dedupe.signature(text, [Span(10, 40)])
        assert sig == plain_signature(text, [Span(10, 40)]) and len(sig) > 50


def test_index_links_as_the_plain_index_does_past_the_posting_cap() -> None:
    """Articles drawn from a small pool of shingles, so many shingles pass MAX_POSTING and
    several originals tie: every lookup names the same original as the plain index."""
    rng = random.Random(11)
    pool = [h * dedupe.SAMPLE for h in range(300)]
    fast, plain = dedupe.DuplicateIndex(), PlainIndex()
    found = 0
    for n in range(600):
        base = rng.randrange(0, 250)
        sig = sorted(set(pool[base : base + rng.randrange(4, 50)]) | set(rng.sample(pool, rng.randrange(0, 8))))
        sig += [dedupe.STORY_BASE + 4 * n]  # a story fact rides along and never counts
        dup = fast.find(sig)
        assert dup == plain.find(sig)
        found += dup is not None
        fast.add(f"a{n:04d}", sig, dup)
        plain.add(f"a{n:04d}", sig, dup)
    assert len(fast) == 600 and 50 < found < 550  # both linking and not linking were exercised


def test_index_counts_texts_past_the_cap_as_the_plain_index_does() -> None:
    """Half the articles copies of five texts (a few shingles dropped or added: close copies and
    looser ones), half texts of their own sharing a template's shingles: the lists of the copied
    texts grow past MAX_POSTING with one entry a new text, template shingles turn common, and
    every lookup and every posting is what the plain index gives."""
    rng = random.Random(13)
    pool = [h * dedupe.SAMPLE for h in range(400)]
    texts = [sorted(rng.sample(pool, rng.randrange(12, 40))) for _ in range(5)]
    fast, plain = dedupe.DuplicateIndex(), PlainIndex()
    found = 0
    for n in range(900):
        if n % 2:
            text = rng.choice(texts)
            sig = set(rng.sample(text, len(text) - rng.randrange(0, 5))) | set(rng.sample(pool, rng.randrange(0, 4)))
        else:
            sig = set(rng.sample(pool[:20], rng.randrange(5, 20))) | set(rng.sample(pool, rng.randrange(5, 20)))
        dup = fast.find(sorted(sig))
        assert dup == plain.find(sorted(sig))
        found += dup is not None
        fast.add(f"a{n:04d}", sorted(sig), dup)
        plain.add(f"a{n:04d}", sorted(sig), dup)
        assert {h: ids for h, ids in fast._postings.items() if ids} == {
            h: ids for h, ids in plain.postings.items() if h not in plain.common}
    assert 200 < found < 450 and plain.common and len(fast._same) > 100
    assert max(map(len, plain.postings.values())) > dedupe.MAX_POSTING


def test_an_add_after_a_lookup_posts_what_an_add_alone_posts() -> None:
    """``add_shingles`` reuses the posting lists ``find_shingles`` just looked up for the same
    shingles; after a lookup of other shingles, a lookup cut short, or with a shingle twice (a
    damaged stored signature), it looks them up again: the postings are those of adds alone."""
    rng = random.Random(7)
    pool = [h * dedupe.SAMPLE for h in range(120)]
    fast, alone = dedupe.DuplicateIndex(), dedupe.DuplicateIndex()
    for n in range(400):
        sig = sorted(rng.sample(pool, rng.randrange(1, 30)))
        if n % 7 == 3:
            sig = [*sig, sig[0]]  # a shingle twice
        if n % 5 == 1:
            fast.find_shingles(sorted(rng.sample(pool, 12)))  # another article's lookup
        elif n % 3:
            fast.find_shingles(list(sig))  # (an equal list, not the same one)
        fast.add_shingles(f"a{n:03d}", sig)
        alone.add_shingles(f"a{n:03d}", sig)
        assert fast._postings == alone._postings
        assert fast.find_shingles(sig) == alone.find_shingles(sig)


class PlainStoryIndex(dedupe.StoryIndex):
    """The story lookup as first written: a Counter.update per posted figure."""

    def find(self, sig: list[int], published: str | None) -> list[str]:  # type: ignore[override]
        sig = dedupe.story_part(sig)
        counts: Counter[str] = Counter()
        for h in sig:
            if h & 3 == dedupe.FIGURE:
                ids = self._postings.get(h)
                if ids and len(ids) <= dedupe.MAX_POSTING:
                    counts.update(ids)
        found: set[str] = set()
        cands = [cand for cand, shared in counts.most_common(20) if shared >= dedupe.STORY_MIN_FIGURES]
        words = [h for h in sig if h & 3 == dedupe.PERSON_WORD]
        if len(words) >= dedupe.STORY_MANY_PEOPLE:
            people: Counter[str] = Counter()
            for h in words:
                ids = self._people.get(h)
                if ids and len(ids) <= dedupe.MAX_POSTING:
                    people.update(ids)
            cands += [cand for cand, shared in people.most_common(8)
                      if shared >= dedupe.STORY_MANY_PEOPLE and cand in counts and cand not in cands]
        for cand in cands:
            if cand in found:
                continue
            other, when = self._sigs[cand]
            if dedupe.same_story(sig, sorted(other), published, when):
                found |= self._group.get(cand, set()) | {cand}
        return sorted(found)


def test_story_index_links_as_the_plain_one_does() -> None:
    """Facts from small pools (figures past MAX_POSTING, many ties among candidates, people and
    days that confirm or not): every lookup finds the same rewrites as the plain lookup."""
    rng = random.Random(5)
    figures = [dedupe.STORY_BASE | (h << 2) | dedupe.FIGURE for h in range(60)]
    others = [dedupe.STORY_BASE | (h << 2) | kind for h in range(12) for kind in (dedupe.PERSON_WORD, dedupe.DAY)]
    fast, plain = dedupe.StoryIndex(), PlainStoryIndex()
    linked = 0
    for n in range(700):
        base = rng.randrange(0, 50)
        story = set(figures[base : base + rng.randrange(1, 9)]) | set(rng.sample(others, rng.randrange(0, 9)))
        sig = [4 * rng.randrange(1000), *sorted(story)]  # a shingle hash rides along and never counts
        day = f"2024-11-{rng.randrange(1, 29):02d}"
        got = fast.find(sig, day)
        assert got == plain.find(sig, day)
        linked += bool(got)
        fast.add(f"s{n:04d}", sig, day, got)
        plain.add(f"s{n:04d}", sig, day, got)
    assert 50 < linked < 650
