"""Measure tandai on the real-shaped gold set (tests/gold/real/): entities, titles, dates,
record pre-fill and copy links, on the frozen, dev and fresh parts separately.

Each gold article is a page saved as a scraper would (noise included) with its entities marked
inline as ``⟦surface|LABEL⟧`` (``⟦…|DATE=2024-11-21⟧``, ``⟦…|PERSONNEL=450⟧``) and a JSON file
beside it (title, publication date, records, rewrite group, copy). The marks are removed, the
pages ingested into a fresh store through the public API, and what tandai shows is compared:

* entities: per label P/R/F1, lenient (same label, overlapping text) and exact (same span);
  boilerplate is never annotated, so a highlight there is a false positive;
* titles and publication dates: the share right;
* record pre-fill: for each gold record, the pre-fill of its evidence sentence, slot by slot;
* copies: gold ``copy_of`` pairs linked by ``duplicate_of``; rewrite groups linked (``same_story``
  where the store has it).

    python -m bench.eval_real                   # all parts: frozen, dev and fresh
    python bench/eval_real.py --part dev --errors # the dev part, listing every miss
    python -m bench.eval_real --part dev --pages 'e6[5-9]*,e7*' --errors   # some dev pages only
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import store
from store.conventions import convention_between
from store.model import ActivityRecord
from store.records import page_key

ROOT = Path(__file__).resolve().parent.parent.parent

GOLD = ROOT / "tests" / "gold" / "real"
MARK = re.compile(r"⟦([^⟦⟧]*?)\|([A-Z_]+)(?:=([^⟦⟧]*?))?⟧")
SLOTS = ("type", "unit", "date", "location", "personnel", "partners")


@dataclass
class GoldSpan:
    label: str
    start: int
    end: int
    text: str
    value: str | None


@dataclass
class GoldArticle:
    stem: str
    text: str
    spans: list[GoldSpan]
    meta: dict[str, Any]


def unmark(marked: str) -> tuple[str, list[GoldSpan]]:
    """The page text without marks, and the marked spans in it."""
    out: list[str] = []
    spans: list[GoldSpan] = []
    pos = 0
    length = 0
    for m in MARK.finditer(marked):
        out.append(marked[pos:m.start()])
        length += m.start() - pos
        surface = m.group(1)
        spans.append(GoldSpan(m.group(2), length, length + len(surface), surface, m.group(3)))
        out.append(surface)
        length += len(surface)
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    if "⟦" in text or "⟧" in text:
        raise SystemExit(f"a malformed mark is left in the text near: {text[text.find('⟦') - 40:][:80]!r}")
    return text, spans



@contextmanager
def gold_store(arts: Iterable[Any], reviewer: str,
               conventions: dict[str, str] | None = None) -> Iterator[tuple[store.Store, dict[str, str]]]:
    """A temporary store holding ``arts`` ingested as files, with their ids by file stem (and
    ``conventions`` set in its taxonomy.toml)."""
    with tempfile.TemporaryDirectory(prefix="tandai-gold-") as tmp:
        src = Path(tmp) / "in"
        src.mkdir()
        for g in arts:
            (src / f"{g.stem}.txt").write_text(g.text, encoding="utf-8")
        if conventions:
            (Path(tmp) / "store").mkdir()
            table = "".join(f'{k} = "{v}"\n' for k, v in conventions.items())
            (Path(tmp) / "store" / "taxonomy.toml").write_text(f"[conventions]\n{table}", encoding="utf-8")
        with store.open(Path(tmp) / "store", reviewer=reviewer) as st:
            st.ingest([src])
            yield st, {Path(a.source).stem: a.id for a in st.articles()}

def load(part: str, pages: str = "*") -> list[GoldArticle]:
    """The gold articles of ``part`` whose file stem matches one of the comma-separated globs
    ``pages`` (all by default)."""
    arts = []
    files = {txt for glob in pages.split(",") for txt in (GOLD / part).glob(f"{glob.strip()}.txt")}
    for txt in sorted(files):
        meta_path = txt.with_suffix(".json")
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        text, spans = unmark(txt.read_text(encoding="utf-8"))
        arts.append(GoldArticle(txt.stem, text, spans, meta))
    return arts


def _norm(s: Any) -> str:
    return re.sub(r"\s+", " ", str(s or "")).strip().casefold()


def align(article_text: str, spans: list[GoldSpan], page: str) -> list[tuple[GoldSpan, int, int]]:
    """Gold spans located in the article text tandai keeps (the parser may drop or rewrite lines):
    each span is looked for with a little of its page context, in page order."""
    found: list[tuple[GoldSpan, int, int]] = []
    cursor = 0
    for sp in spans:
        before = page[max(0, sp.start - 12):sp.start]
        i = article_text.find(before + sp.text, cursor) if before.strip() else -1
        if i >= 0:
            start = i + len(before)
        else:
            start = article_text.find(sp.text, cursor)
            if start < 0:
                start = article_text.find(sp.text)
        if start < 0:
            continue
        found.append((sp, start, start + len(sp.text)))
        cursor = start + len(sp.text)
    return found


@dataclass
class Scores:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    exact: Counter[str] = field(default_factory=Counter)
    unaligned: int = 0
    repeats: int = 0  # records whose span an earlier record of the page has: drafted after it
    titles: list[bool] = field(default_factory=list)
    dates: list[bool] = field(default_factory=list)
    slots: dict[str, list[bool]] = field(default_factory=lambda: defaultdict(list))
    copies: list[bool] = field(default_factory=list)
    suggested: list[bool] = field(default_factory=list)  # per suggestion: on a gold activity sentence
    found: list[bool] = field(default_factory=list)  # per gold activity sentence: suggested
    found_type: list[bool] = field(default_factory=list)  # per found sentence: the type right
    rewrites: list[bool] = field(default_factory=list)
    same_unit: list[bool] = field(default_factory=list)  # per record: the gold's unit under any of its names
    # per record: the draft's place is the gold's, or written inside the gold's longer phrase ("Mapolres X"
    # in "halaman Mapolres X", "TPS 04 Desa Y" in "TPS 04 Desa Y, Kecamatan Z")
    inside_place: list[bool] = field(default_factory=list)
    # unit and place misses that only two readings of a coding convention make, by convention
    readings: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    drafts: list[dict[str, Any]] = field(default_factory=list)  # per record: the draft scored (its slots)
    errors: list[str] = field(default_factory=list)
    # per record, by who wrote its page (``era``): slot -> era -> right or not (dev only is printed)
    by_era: dict[str, dict[str, list[bool]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list)))


def era(stem: str) -> str:
    """Who wrote a dev page, broadly: the pages before e200 were written in sessions 2–11, beside the rules
    (their conventions aligned in session 3); from e200 on, by later writers, most by the judge batches."""
    m = re.match(r"[a-z](\d+)_", stem)
    return "before e200" if m is None or int(m.group(1)) < 200 else "e200 on"


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_entities(st: store.Store, aid: str, gold: GoldArticle, sc: Scores) -> None:
    art = st.article(aid)
    noise = [(n.start, n.end) for n in art.noise]
    pred = [e for e in art.entities if not any(s <= e.start and e.end <= t for s, t in noise)]
    aligned = align(art.text, gold.spans, gold.text)
    sc.unaligned += len(gold.spans) - len(aligned)
    used: set[int] = set()
    for sp, s, e in aligned:
        hit = next((i for i, p in enumerate(pred) if i not in used and p.label == sp.label
                    and _overlap((p.start, p.end), (s, e))), None)
        if hit is None:
            sc.fn[sp.label] += 1
            sc.errors.append(f"{gold.stem}: missed {sp.label} {sp.text!r}")
            continue
        used.add(hit)
        sc.tp[sp.label] += 1
        if (pred[hit].start, pred[hit].end) == (s, e):
            sc.exact[sp.label] += 1
    for i, p in enumerate(pred):
        if i not in used:
            sc.fp[p.label] += 1
            sc.errors.append(f"{gold.stem}: spurious {p.label} {p.text!r}")


def inside_place(want: Any, got: Any) -> bool:
    """The draft's place is the gold's, or is written whole inside the gold's longer phrase ("Mapolres X"
    in "halaman Mapolres X"): a figure reported beside the strict one (the writers differ on how much of
    the phrase around a place the slot keeps), never instead of it."""
    w, g = _norm(want), _norm(got)
    return w == g or (bool(w) and bool(g) and re.search(rf"(?<!\w){re.escape(g)}(?!\w)", w) is not None)


def _slot_ok(slot: str, want: Any, got: Any) -> bool:
    if slot == "partners":
        return {_norm(x) for x in want or []} == {_norm(x) for x in got or []}
    if slot == "personnel":
        return (want if want is not None else None) == (got if got not in ("", None) else None)
    return _norm(want) == _norm(got)


def _as_record(rec: Mapping[str, Any], evidence: str) -> ActivityRecord:
    """A gold record or a draft as the store's record, its evidence the text given (``store.conventions``
    reads records)."""
    return ActivityRecord.from_dict({"id": "gold", "article_id": "gold", "reviewer": "", "type": rec.get("type") or "",
                                     "unit": rec.get("unit") or "", "location": rec.get("location"),
                                     "evidence": [{"start": 0, "end": len(evidence), "text": evidence}]})


def _coded_before(st: store.Store, aid: str, recs: list[tuple[dict[str, Any], Any]]) -> list[str]:
    """Save ``recs`` (gold records of one span already scored, each with its draft's evidence) as the
    reviewer's, as the workbench has them when the reviewer selects that span again for its next
    record (a reviewer keeps the draft's evidence, the clause it moved on to); their ids, to delete."""
    ids = []
    for rec, evidence in recs:
        fields = {k: rec.get(k) for k in SLOTS}
        with contextlib.suppress(store.StoreError):
            ids.append(st.add_record(aid, **fields, evidence=evidence, notes="").id)
    return ids


def score_records(st: store.Store, aid: str, gold: GoldArticle, sc: Scores, in_order: bool = False) -> None:
    """Each gold record's draft, from its evidence span. A span coded twice (two records of one
    sentence, each writer's evidence the whole sentence) is drafted the second time with the first
    record saved, as a reviewer meets it in the workbench (the draft moves on to the next clause);
    ``sc.repeats`` counts those records. ``in_order``: each draft with every record of the page before
    it saved, as a reviewer codes the page top to bottom (the records are deleted after the page)."""
    art = st.article(aid)
    done: dict[str, list[tuple[dict[str, Any], Any]]] = defaultdict(list)
    saved: list[str] = []
    for rec in gold.meta.get("records", []):
        ev = rec.get("evidence", "")
        start = art.text.find(ev)
        if start < 0:
            start = art.text.find(ev[:60])
        if start < 0:
            for slot in SLOTS:
                sc.slots[slot].append(False)
            sc.errors.append(f"{gold.stem}: evidence not in the article text: {ev[:60]!r}")
            sc.drafts.append({})
            continue
        before = _coded_before(st, aid, done[ev]) if done[ev] and not in_order else []
        sc.repeats += bool(done[ev])
        draft = st.draft_record(aid, start, start + len(ev))
        for rid in before:
            st.delete_record(rid)
        done[ev].append((rec, draft.get("evidence")))
        if in_order:
            saved += _coded_before(st, aid, [(rec, draft.get("evidence"))])
        sc.drafts.append({slot: draft.get(slot) for slot in SLOTS})
        # the unit named otherwise on the page ("Polres Sinjai" for a gold "Kepolisian Resor Sinjai"):
        # reported beside the strict figure, never instead of it
        sc.same_unit.append(bool(rec.get("unit")) and page_key(art, str(rec.get("unit"))) == page_key(
            art, str(draft.get("unit") or "")))
        sc.inside_place.append(inside_place(rec.get("location"), draft.get("location")))
        for slot in ("unit", "location"):
            if not _slot_ok(slot, rec.get(slot), draft.get(slot)):
                reading = convention_between(_as_record(rec, rec.get("evidence") or ""),
                                             _as_record(draft, art.text[start:start + len(ev)]), slot)
                if reading is not None:
                    sc.readings[slot][reading] += 1
        for slot in SLOTS:
            ok = _slot_ok(slot, rec.get(slot), draft.get(slot))
            sc.slots[slot].append(ok)
            sc.by_era[slot][era(gold.stem)].append(ok)
            if not ok:
                sc.errors.append(f"{gold.stem}: {slot} {draft.get(slot)!r}, gold {rec.get(slot)!r}")
    for rid in saved:
        st.delete_record(rid)


def evaluate_in_order(part: str, pages: str = "*") -> Scores:
    """The pre-fill of ``part`` with each page coded top to bottom, every record before a draft saved."""
    arts = load(part, pages)
    sc = Scores()
    with gold_store(arts, "in_order") as (st, by_stem):
        for g in arts:
            if g.stem in by_stem:
                score_records(st, by_stem[g.stem], g, sc, in_order=True)
    return sc


def score_suggestions(st: store.Store, aid: str, gold: GoldArticle, sc: Scores) -> None:
    """``Store.suggestions`` on the article (a fresh store: nothing coded, so rules alone) against
    the gold records' evidence sentences: a gold sentence is found when a suggestion's evidence
    overlaps it; a suggestion is right when it overlaps some gold sentence."""
    art = st.article(aid)
    wanted: dict[tuple[int, int], set[str]] = {}
    for rec in gold.meta.get("records", []):
        ev = rec.get("evidence", "")
        start = art.text.find(ev) if ev else -1
        if start >= 0:
            wanted.setdefault((start, start + len(ev)), set()).add(rec.get("type", ""))
    got = [(s["evidence"][0]["start"], s["evidence"][0]["end"], s["type"]) for s in st.suggestions(aid)]
    for s, e, t in got:
        hit = any(_overlap((s, e), span) for span in wanted)
        sc.suggested.append(hit)
        if not hit:
            sc.errors.append(f"{gold.stem}: suggested {t} {art.text[s:e][:90]!r}")
    for span, types in wanted.items():
        match = next((t for s, e, t in got if _overlap((s, e), span)), None)
        sc.found.append(match is not None)
        if match is None:
            sc.errors.append(f"{gold.stem}: not suggested {'/'.join(sorted(types))} {art.text[span[0]:span[1]][:90]!r}")
            continue
        sc.found_type.append(match in types)
        if match not in types:
            sc.errors.append(f"{gold.stem}: suggested type {match}, gold {'/'.join(sorted(types))} "
                             f"{art.text[span[0]:span[1]][:70]!r}")


def evaluate(part: str, pages: str = "*") -> Scores:
    arts = load(part, pages)
    sc = Scores()
    if not arts:
        return sc
    with gold_store(arts, "eval") as (st, by_stem):
        for g in arts:
            aid = by_stem.get(g.stem)
            if aid is None:
                sc.errors.append(f"{g.stem}: not ingested")
                continue
            score_entities(st, aid, g, sc)
            summary = st.summary(aid)
            title_ok = _norm(summary.title) == _norm(g.meta.get("title"))
            sc.titles.append(title_ok)
            if not title_ok:
                sc.errors.append(f"{g.stem}: title {summary.title!r}, gold {g.meta.get('title')!r}")
            art = st.article(aid)
            date_ok = (art.published or "")[:10] == (g.meta.get("published") or "")
            sc.dates.append(date_ok)
            if not date_ok:
                sc.errors.append(f"{g.stem}: published {art.published!r}, gold {g.meta.get('published')!r}")
            score_records(st, aid, g, sc)
            score_suggestions(st, aid, g, sc)
        for g in arts:
            if g.meta.get("copy_of") and g.stem in by_stem and g.meta["copy_of"] in by_stem:
                a, b = by_stem[g.stem], by_stem[g.meta["copy_of"]]
                linked = st.article(a).duplicate_of == b or st.article(b).duplicate_of == a or (
                    st.article(a).duplicate_of is not None
                    and st.article(a).duplicate_of == st.article(b).duplicate_of)
                sc.copies.append(linked)
        groups: dict[str, list[str]] = defaultdict(list)
        for g in arts:
            if g.meta.get("group") and g.stem in by_stem:
                groups[g.meta["group"]].append(by_stem[g.stem])
        for ids in groups.values():
            linked = all(_same_story(st, ids[0], other) for other in ids[1:])
            sc.rewrites.append(linked)
    return sc


def _same_story(st: store.Store, a: str, b: str) -> bool:
    links = getattr(st, "same_story", None)
    if callable(links):
        return b in links(a) or a in links(b)
    return False


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _share(xs: list[bool]) -> str:
    return f"{sum(xs) / len(xs):.2f} ({sum(xs)}/{len(xs)})" if xs else "–"


def report(part: str, sc: Scores, errors: bool) -> None:
    print(f"\n## {part}")
    labels = sorted(set(sc.tp) | set(sc.fp) | set(sc.fn))
    print(f"{'label':14} {'P':>5} {'R':>5} {'F1':>5} {'exactR':>6} {'gold':>5}")
    for lab in labels:
        tp, fp, fn = sc.tp[lab], sc.fp[lab], sc.fn[lab]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        er = sc.exact[lab] / (tp + fn) if tp + fn else 0.0
        print(f"{lab:14} {p:5.2f} {r:5.2f} {_f1(p, r):5.2f} {er:6.2f} {tp + fn:5d}")
    tp, fp, fn = sum(sc.tp.values()), sum(sc.fp.values()), sum(sc.fn.values())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    er = sum(sc.exact.values()) / (tp + fn) if tp + fn else 0.0
    print(f"{'micro':14} {p:5.2f} {r:5.2f} {_f1(p, r):5.2f} {er:6.2f} {tp + fn:5d}")
    if sc.unaligned:
        print(f"gold spans not found in the article text tandai kept: {sc.unaligned} (counted as missed)")
    print(f"title right: {_share(sc.titles)}; publication date right: {_share(sc.dates)}")
    print("pre-fill right: " + "; ".join(f"{s} {_share(sc.slots[s])}" for s in SLOTS))
    if sc.repeats:
        print(f"  ({sc.repeats} records code a span an earlier record of their page codes: drafted with that one "
              "saved, as the workbench drafts a sentence's next clause)")
    print(f"pre-fill unit, the same unit under another of its page's names counted right: {_share(sc.same_unit)}")
    print("pre-fill location, the draft's place written inside the gold's longer phrase counted right: "
          f"{_share(sc.inside_place)}")
    misses = {slot: len(sc.slots[slot]) - sum(sc.slots[slot]) for slot in ("unit", "location")}
    said = "; ".join(f"{slot} {sum(sc.readings[slot].values())} of {misses[slot]}" + (
        f" ({', '.join(f'{k} {n}' for k, n in sorted(sc.readings[slot].items()))})" if part == "dev" else "")
        for slot in misses)
    print(f"pre-fill misses that only two readings of a coding convention make: {said}")
    if part == "dev":  # the same rules, scored against the writers they grew beside and against later ones
        print("pre-fill right by who wrote the page: " + "; ".join(
            f"{slot} " + ", ".join(f"{when} {_share(sc.by_era[slot][when])}" for when in sorted(sc.by_era[slot]))
            for slot in ("type", "unit", "location")))
    print(f"copies linked: {_share(sc.copies)}; rewrite groups linked: {_share(sc.rewrites)}")
    print(f"suggestions: recall of gold activity sentences {_share(sc.found)} at precision "
          f"{_share(sc.suggested)}; type right for {_share(sc.found_type)} of the found")
    if errors:
        for line in sc.errors:
            print(f"  {line}")


def evaluate_learned(part: str, teacher: str) -> Scores:
    """Pre-fill and suggestions on ``part`` in a store where a reviewer has already coded the
    ``teacher`` part's gold records: what the store's learning adds (the classifier learns from
    every record, without a restart). Only dev ever teaches: frozen and fresh records are never read here."""
    arts, taught = load(part), load(teacher)
    sc = Scores()
    with gold_store([*arts, *taught], "eval") as (st, by_stem):
        for g in taught:
            aid = by_stem.get(g.stem)
            text = st.article(aid).text if aid else ""
            for rec in g.meta.get("records", []):
                at = text.find(rec.get("evidence", "")) if aid else -1
                if at < 0:
                    continue
                st.add_record(aid, type=rec["type"], unit=rec.get("unit") or "?",
                              evidence=[{"start": at, "end": at + len(rec["evidence"])}])
        for g in arts:
            if g.stem in by_stem:
                score_records(st, by_stem[g.stem], g, sc)
                score_suggestions(st, by_stem[g.stem], g, sc)
    return sc


def evaluate_learned_by_page(part: str = "dev", pages: str = "*", keep: float = 1.0,
                             seeds: tuple[int, ...] = (1, 2, 3)) -> dict[str, list[bool]]:
    """The pre-fill's type on each gold record of ``part`` two ways: the trigger lexicon alone, and
    with the classifier having learned every other page's gold records, leaving out the page's own
    and those of its copies and rewrites (leave one page out: what a store's reviewers have coded
    elsewhere). ``keep`` < 1 thins the lexicon to that share of its triggers (one random thinning
    per seed), standing in for pages whose words the triggers were not written for. Only dev ever
    teaches: frozen and fresh records are never read here."""
    import random

    from store.classify import TypeClassifier
    from store.records import prefill
    from store.taxonomy import ActivityType, Taxonomy

    arts = load(part, pages)
    out: dict[str, list[bool]] = {"lexicon": [], "learned": []}
    with gold_store(arts, "eval") as (st, by_stem):
        spans: dict[str, list[tuple[int, int, str]]] = {}
        taught = []
        for g in arts:
            aid = by_stem.get(g.stem)
            text = st.article(aid).text if aid else ""
            for i, rec in enumerate(g.meta.get("records", [])):
                at = text.find(rec.get("evidence", "")) if aid else -1
                if at < 0:
                    continue
                spans.setdefault(g.stem, []).append((at, at + len(rec["evidence"]), rec["type"]))
                taught.append({"id": f"{g.stem}#{i}", "type": rec["type"], "updated": "",
                               "evidence": [{"text": rec["evidence"]}]})
        family: dict[str, set[str]] = {}  # a page, its copies and its rewrite group
        for g in arts:
            family[g.stem] = {x.stem for x in arts if x.stem == g.stem
                              or (g.meta.get("group") and x.meta.get("group") == g.meta.get("group"))
                              or x.meta.get("copy_of") == g.stem or g.meta.get("copy_of") == x.stem}
        for seed in seeds if keep < 1 else seeds[:1]:
            rnd = random.Random(seed)
            taxonomy = st.taxonomy if keep >= 1 else Taxonomy(st.taxonomy.labels, {
                n: ActivityType(a.name, a.key, a.description, [x for x in a.triggers if rnd.random() < keep])
                for n, a in st.taxonomy.activities.items()})
            every, lexicon = TypeClassifier(taxonomy), TypeClassifier(taxonomy)
            every.learn(taught)
            for g in arts:
                left = every.without(r["id"] for r in taught if r["id"].split("#")[0] in family[g.stem])
                art = st.article(by_stem[g.stem])
                for s, e, want in spans.get(g.stem, []):
                    out["lexicon"].append(prefill(art, s, e, taxonomy, (), classifier=lexicon)["type"] == want)
                    out["learned"].append(prefill(art, s, e, taxonomy, (), classifier=left)["type"] == want)
    return out


def writer_batch(stem: str) -> str:
    """Who wrote a dev page, roughly: the pages before e190 (the session-2 to session-11 writers, aligned to
    the conventions in session 3) as one reviewer, and from e190 on, blocks of twelve pages (the judge
    batches were twelve pages each from session 12; the blocks do not all fall on a batch's edges)."""
    m = re.match(r"e(\d+)_", stem)
    return "older" if m is None or int(m.group(1)) < 190 else f"w{(int(m.group(1)) - 190) // 12:02d}"


def evaluate_team(pages: str = "*") -> Scores:
    """The dev pages' pre-fill in one store that holds every dev page's gold records, each saved by its
    writer (``writer_batch``) as a reviewer of a team, each page drafted by its writer with its own records
    deleted first (leave one page out, then saved again): what a reviewer of a team whose people read the
    conventions differently is drafted. Only dev: frozen and fresh records are never read here."""
    arts = load("dev", pages)
    sc = Scores()
    with gold_store(arts, "older") as (st, by_stem):
        saved: dict[str, list[tuple[dict[str, Any], Any]]] = {}
        ids: dict[str, list[str]] = {}
        for g in arts:
            aid, st.reviewer = by_stem[g.stem], writer_batch(g.stem)
            text = st.article(aid).text
            spans = [(rec, at) for rec in g.meta.get("records", []) if (at := text.find(rec.get("evidence", ""))) >= 0]
            saved[g.stem] = [(rec, st.draft_record(aid, at, at + len(rec["evidence"]))["evidence"]) for rec, at in spans]
            ids[g.stem] = _coded_before(st, aid, saved[g.stem])
        for g in arts:
            st.reviewer = writer_batch(g.stem)
            for rid in ids[g.stem]:
                st.delete_record(rid)
            score_records(st, by_stem[g.stem], g, sc)
            ids[g.stem] = _coded_before(st, by_stem[g.stem], saved[g.stem])
    return sc


def evaluate_conventions(part: str, pages: str) -> tuple[dict[str, str], Scores, Scores]:
    """The coding conventions a store learns from the gold records of ``pages`` (as if its reviewers had
    coded them: ``store.conventions``), and the pre-fill of those pages with the default readings and with
    the learned ones: what learning a team's conventions gives a team that codes like those pages' writer."""
    from store.conventions import Tally, learned
    from store.taxonomy import load_taxonomy

    arts = load(part, pages)
    tally = Tally()
    tally.update([{"id": f"{g.stem}/{i}", "article_id": g.stem, "reviewer": "gold", "type": r.get("type") or "",
                   "unit": r.get("unit") or "", "location": r.get("location"), "updated": "",
                   "evidence": [{"start": 0, "end": 0, "text": r.get("evidence") or ""}]}
                  for g in arts for i, r in enumerate(g.meta.get("records", []))])
    defaults = load_taxonomy().conventions
    got = {k: v for k, v in learned(tally.counts(), (), defaults).items() if v != defaults.get(k)}
    out = []
    for conventions in (None, got):
        sc = Scores()
        with gold_store(arts, "conventions", conventions) as (st, ids):
            for g in arts:
                score_records(st, ids[g.stem], g, sc)
        out.append(sc)
    return got, out[0], out[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--part", choices=("frozen", "dev", "fresh", "both", "all"), default="all",
                    help="both = frozen and dev; all = those and fresh (held back, see tests/gold/real/README.md)")
    ap.add_argument("--errors", action="store_true", help="list every miss of the dev part (misses of "
                    "frozen and fresh are never listed)")
    ap.add_argument("--pages", default="*", help="only the pages whose file stem matches one of these comma-separated "
                    "globs, e.g. 'e65*' or 'e6[5-9]*,e7*' (dev only; frozen and fresh are always scored whole)")
    ap.add_argument("--learned-by-page", action="store_true", help="the dev part's pre-fill type with the "
                    "classifier taught every other dev page's records (leave one page out), against the lexicon "
                    "alone; with the lexicon whole and thinned to 60 %% and 30 %% of its triggers (3 seeds)")
    ap.add_argument("--learned-conventions", action="store_true", help="the dev pages' pre-fill with the "
                    "default coding conventions and with those a store learns from the pages' own gold records "
                    "(run it on one writer's pages: --pages)")
    ap.add_argument("--in-page-order", action="store_true", help="the pre-fill with each page coded top to "
                    "bottom: every draft with the page's records before it saved, as a reviewer codes a page")
    ap.add_argument("--as-team", action="store_true", help="the dev pages' pre-fill in one store holding "
                    "every dev page's records, each saved by its writer as one reviewer of a team, each page "
                    "drafted by its writer with its own records left out (what learning each reviewer's "
                    "conventions gives a team whose people read them differently)")
    ap.add_argument("--agreement", action="store_true", help="the dev pages coded twice (tests/gold/real/"
                    "second/): how far the two people agree, slot by slot, beside the pre-fill's agreement with each")
    args = ap.parse_args(argv)
    if args.agreement:
        from tests.gold.agreement_real import report as agreement_report

        agreement_report()
        return 0
    if args.pages != "*" and args.part != "dev":
        ap.error("--pages applies to --part dev only")
    parts = {"both": ("frozen", "dev"), "all": ("frozen", "dev", "fresh")}.get(args.part, (args.part,))
    if args.learned_conventions:
        got, default, taught = evaluate_conventions("dev", args.pages)
        print(f"conventions learned from the pages' records: {got or 'none (the defaults)'}")
        for name, sc in (("default", default), ("learned", taught)):
            print(f"pre-fill right, {name}: " + "; ".join(f"{k} {sum(sc.slots[k])}/{len(sc.slots[k])}" for k in SLOTS))
        return 0
    if args.as_team:
        sc = evaluate_team(args.pages)
        print("dev: pre-fill right, coded as a team (each writer a reviewer): " + "; ".join(
            f"{k} {sum(sc.slots[k])}/{len(sc.slots[k])}" for k in SLOTS))
        return 0
    if args.in_page_order:
        for part in parts:
            sc = evaluate_in_order(part, args.pages if part == "dev" else "*")
            print(f"{part}: pre-fill right, coded in page order: " + "; ".join(
                f"{k} {sum(sc.slots[k])}/{len(sc.slots[k])}" for k in SLOTS))
        return 0
    if args.learned_by_page:
        for keep in (1.0, 0.6, 0.3):
            got = evaluate_learned_by_page("dev", args.pages, keep)
            print(f"dev pre-fill type, leave one page out, lexicon at {keep:.0%} of its triggers: lexicon "
                  f"alone {_share(got['lexicon'])}; taught the other pages' records {_share(got['learned'])}")
        return 0
    for part in parts:
        report(part, evaluate(part, args.pages if part == "dev" else "*"), args.errors and part == "dev")
        if part in ("frozen", "fresh"):
            learned = evaluate_learned(part, "dev")
            print("after coding the dev part's records in the same store: pre-fill type "
                  f"{_share(learned.slots['type'])}; suggestions recall {_share(learned.found)} at precision "
                  f"{_share(learned.suggested)}, type right for {_share(learned.found_type)} of the found")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
