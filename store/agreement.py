"""How far reviewers agree: article status, entities, activity records (issue 13).

Pure: it reads plain annotation dicts (records, status entries, overrides as the annotation
tables hold them) and articles' recognised entities, never a file, so the store's query filters
(``status:conflict``, ``agree:no``), ``tandai agreement``, the workbench screen and the
adjudication mode all compute the same thing.

What is compared, and why that way:

- An article counts when two or more reviewers *finished* it (done, skipped, irrelevant or
  flagged): ``in_progress`` is set by the first record and says nothing yet. Adjudicators'
  versions (a status entry with ``adjudicated``) are never one of the coders.
- Status: Cohen's κ per pair of reviewers and Krippendorff's α nominal over all reviewers
  (missing values allowed), both from NLTK's ``AnnotationTask`` (Apache-2.0; the
  ``krippendorff`` package is GPL-3.0, which an MIT tool should not require).
- Entities: a reviewer's entities are the recognised ones plus that reviewer's own corrections
  (the workbench shows everyone's; agreement must not). Per pair and label, precision, recall
  and F1 of B against A, exact spans and overlapping spans (one-to-one).
- Records: per article and pair, aligned greedily by evidence overlap (character Jaccard), then
  same type, then same unit; a pair with no shared evidence still aligns when type and unit
  match. Per slot the share of aligned pairs that agree; κ for type over aligned pairs; records
  only one reviewer found are counted as such. α for type takes each aligned pair as a unit
  coded by its two reviewers (for two reviewers exactly Krippendorff's α). Of the unit and place
  differences, those that only a coding convention's two readings make ("Sat Lantas" against "Sat
  Lantas Polres X") are counted by convention: a project settles them with one line, not by talking
  about what happened (``store.conventions.convention_between``).
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from store.conventions import convention_between
from store.model import ActivityRecord, Entity
from store.suggest.everywhere import apply

FINISHED = ("done", "skipped", "irrelevant", "flagged")
SLOTS = ("type", "unit", "date", "location", "personnel", "partners")

Span3 = tuple[int, int, str]  # start, end, label


# -- the statistics ---------------------------------------------------------------------------

def _task(rows: Sequence[Sequence[Hashable | None]]) -> Any:
    """NLTK's AnnotationTask over a reliability matrix (a row per coder, a column per unit, None
    where a coder gave no value), nominal: two values agree or they do not."""
    from nltk.metrics.agreement import AnnotationTask
    from nltk.metrics.distance import binary_distance

    data = [(str(c), str(u), repr(v))
            for c, row in enumerate(rows) for u, v in enumerate(row) if v is not None]
    return AnnotationTask(data=data, distance=binary_distance)


def cohen_kappa(a: Sequence[Hashable], b: Sequence[Hashable]) -> float | None:
    """Cohen's κ of two raters over the same items; None when undefined (no items, or chance
    agreement is 1: both gave one and the same category throughout)."""
    if not a or len(a) != len(b) or len(set(a) | set(b)) < 2:
        return None  # NLTK says 1.0 where chance agreement is total; κ is 0/0 there
    try:
        return float(_task([list(a), list(b)]).kappa_pairwise("0", "1"))
    except ZeroDivisionError:
        return None


def alpha_nominal(rows: Sequence[Sequence[Hashable | None]]) -> float | None:
    """Krippendorff's α, nominal, of a reliability matrix (a row per coder, a column per unit,
    None where a coder gave no value); None when undefined (fewer than two values in all)."""
    # units coded once carry no pairs: left out, as Krippendorff (2011) does, before the values are
    # counted (a value seen only in such a unit makes no disagreement possible)
    keep = [i for i, col in enumerate(zip(*rows, strict=True)) if sum(v is not None for v in col) >= 2]
    values = {row[i] for row in rows for i in keep if row[i] is not None}
    if len(values) < 2:
        return None
    try:
        result = float(_task([[row[i] for i in keep] for row in rows]).alpha())
    except ZeroDivisionError:
        return None
    return None if math.isnan(result) else result


def prf(tp: int, n_a: int, n_b: int) -> dict[str, Any]:
    """Precision and recall of B against A, and F1 (None where a count is zero)."""
    precision = tp / n_b if n_b else None
    recall = tp / n_a if n_a else None
    f1 = 2 * tp / (n_a + n_b) if n_a + n_b else None
    return {"a": n_a, "b": n_b, "tp": tp, "precision": precision, "recall": recall, "f1": f1}


# -- entities -----------------------------------------------------------------------------------

def reviewer_entities(base: Iterable[Span3], overrides: Iterable[Mapping[str, Any]]) -> set[Span3]:
    """The recognised entities with one reviewer's corrections applied in order (as
    ``Store.entities`` does with everyone's)."""
    fixes = [{"action": o["action"], "start": int(o["start"]), "end": int(o["end"]), "text": "",
              "label": None if o["action"] == "remove" else str(o["label"])}
             for o in sorted(overrides, key=lambda o: (o.get("seq", 0), o.get("id", "")))]
    # the one rule of how corrections apply (a replay per correction was quadratic: minutes for the
    # 51,000 corrections a CoNLL import of a 1 MB text gives)
    kept = apply([Entity(s, e, lab, "") for s, e, lab in base], fixes)
    return {(x.start, x.end, x.label) for x in kept}


def entity_matches(a: set[Span3], b: set[Span3], overlap: bool) -> dict[str, tuple[int, int, int]]:
    """Per label (tp, |A|, |B|): exact = same span and label; overlap = same label and spans
    that share a character, matched one-to-one (each span counts once)."""
    out: dict[str, list[int]] = {}
    for _, _, lab in a:
        out.setdefault(lab, [0, 0, 0])[1] += 1
    for _, _, lab in b:
        out.setdefault(lab, [0, 0, 0])[2] += 1
    if not overlap:
        for _, _, lab in a & b:
            out[lab][0] += 1
    else:
        free = sorted(b)
        for s, e, lab in sorted(a):
            for i, (s2, e2, lab2) in enumerate(free):
                if lab2 == lab and s < e2 and s2 < e:
                    out[lab][0] += 1
                    del free[i]
                    break
    return {lab: (v[0], v[1], v[2]) for lab, v in out.items()}


# -- records --------------------------------------------------------------------------------------

def _covered(rec: Mapping[str, Any]) -> list[tuple[int, int]]:
    spans = sorted((int(s["start"]), int(s["end"])) for s in rec.get("evidence") or [])
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def evidence_overlap(a: Mapping[str, Any], b: Mapping[str, Any]) -> float:
    """Characters both records' evidence covers over characters either covers (0 … 1)."""
    ca, cb = _covered(a), _covered(b)
    both = sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in ca for s2, e2 in cb)
    either = sum(e - s for s, e in ca) + sum(e - s for s, e in cb) - both
    return both / either if either else 0.0


def _norm(text: Any) -> str:
    return " ".join(str(text or "").split()).casefold()


def slot_value(rec: Mapping[str, Any], slot: str) -> Hashable:
    """A slot as compared: text without case or spacing differences, partners as a set."""
    value = rec.get(slot)
    if slot == "partners":
        return frozenset(_norm(p) for p in value or [] if _norm(p))
    if slot == "personnel":
        return value if isinstance(value, int) else None
    return _norm(value) or None


def align(recs_a: Sequence[Mapping[str, Any]], recs_b: Sequence[Mapping[str, Any]]
          ) -> tuple[list[tuple[Mapping[str, Any], Mapping[str, Any]]], list[Mapping[str, Any]],
                     list[Mapping[str, Any]]]:
    """Aligned pairs, A's records left over, B's records left over (see the module doc)."""
    candidates = []
    for i, ra in enumerate(recs_a):
        for j, rb in enumerate(recs_b):
            ov = evidence_overlap(ra, rb)
            same_type = slot_value(ra, "type") == slot_value(rb, "type")
            same_unit = slot_value(ra, "unit") == slot_value(rb, "unit")
            if ov > 0 or (same_type and same_unit):
                key = (ov > 0, ov, same_type, same_unit)
                candidates.append((key, str(ra.get("id")), str(rb.get("id")), i, j))
    candidates.sort(key=lambda c: (c[0], c[1], c[2]), reverse=True)
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for _, _, _, i, j in candidates:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((recs_a[i], recs_b[j]))
    pairs.sort(key=lambda p: _first_start(p[0]))
    only_a = [r for i, r in enumerate(recs_a) if i not in used_a]
    only_b = [r for j, r in enumerate(recs_b) if j not in used_b]
    return pairs, only_a, only_b


def _first_start(rec: Mapping[str, Any]) -> int:
    cov = _covered(rec)
    return cov[0][0] if cov else 0


def records_agree(recs_a: Sequence[Mapping[str, Any]], recs_b: Sequence[Mapping[str, Any]]) -> bool:
    pairs, only_a, only_b = align(recs_a, recs_b)
    return not only_a and not only_b and all(
        slot_value(x, s) == slot_value(y, s) for x, y in pairs for s in SLOTS)


# -- who coded what -------------------------------------------------------------------------------

@dataclass
class Coded:
    """The annotations of the articles reviewers finished, grouped per article and reviewer."""

    status: dict[str, dict[str, str]] = field(default_factory=dict)  # article → reviewer → status
    records: dict[str, dict[str, list[dict[str, Any]]]] = field(default_factory=dict)
    overrides: dict[str, dict[str, list[dict[str, Any]]]] = field(default_factory=dict)
    adjudicated: dict[str, dict[str, str]] = field(default_factory=dict)  # article → adjudicator → status

    def reviewers(self) -> list[str]:
        return sorted({r for by in self.status.values() for r in by})

    def shared(self, reviewers: Sequence[str] | None = None) -> list[str]:
        """Articles two or more of ``reviewers`` (default: all) finished."""
        want = set(reviewers) if reviewers else None
        return sorted(a for a, by in self.status.items()
                      if sum(1 for r in by if want is None or r in want) >= 2)


def gather(status_entries: Iterable[Mapping[str, Any]], records: Iterable[Mapping[str, Any]],
           overrides: Iterable[Mapping[str, Any]], articles: set[str] | None = None) -> Coded:
    """Group the annotation tables by article and reviewer (only articles in ``articles``)."""
    coded = Coded()
    for e in status_entries:
        aid = e["article_id"]
        if articles is not None and aid not in articles:
            continue
        if e.get("adjudicated"):
            coded.adjudicated.setdefault(aid, {})[e["reviewer"]] = e["status"]
        elif e["status"] in FINISHED:
            coded.status.setdefault(aid, {})[e["reviewer"]] = e["status"]
    for r in records:
        aid = r["article_id"]
        if aid in coded.status and r["reviewer"] in coded.status[aid]:
            coded.records.setdefault(aid, {}).setdefault(r["reviewer"], []).append(dict(r))
    for o in overrides:
        aid = o["article_id"]
        if aid in coded.status and o["reviewer"] in coded.status[aid]:
            coded.overrides.setdefault(aid, {}).setdefault(o["reviewer"], []).append(dict(o))
    return coded


def _override_effect(overrides: Sequence[Mapping[str, Any]]) -> frozenset[tuple[Any, ...]]:
    return frozenset((o["action"], o["start"], o["end"], o.get("label")) for o in overrides)


def conflicts(coded: Coded, entity_diff: bool = True) -> tuple[set[str], set[str]]:
    """(articles whose finishing reviewers gave different statuses, articles where they disagree
    on anything: status, records, or entity corrections). Cheap: no article is read; two
    reviewers' corrections that differ but end in the same entities count as a disagreement."""
    status_conflict: set[str] = set()
    disagree: set[str] = set()
    for aid in coded.shared():
        by = coded.status[aid]
        if len(set(by.values())) > 1:
            status_conflict.add(aid)
            disagree.add(aid)
            continue
        recs = coded.records.get(aid, {})
        ovs = coded.overrides.get(aid, {})
        for a, b in combinations(sorted(by), 2):
            if not records_agree(recs.get(a, []), recs.get(b, [])) or (
                    entity_diff and _override_effect(ovs.get(a, [])) != _override_effect(ovs.get(b, []))):
                disagree.add(aid)
                break
    return status_conflict, disagree


# -- the report -------------------------------------------------------------------------------

def pair_name(a: str, b: str) -> str:
    return f"{a} ~ {b}"


def report(coded: Coded, reviewers: Sequence[str] | None, base_entities: Mapping[str, Iterable[Span3]],
           progress: Mapping[str, Mapping[str, int]] | None = None) -> dict[str, Any]:
    """Every figure ``tandai agreement`` prints, as plain data (JSON-ready).

    ``base_entities`` maps each shared article to its recognised entities (without corrections).
    """
    names = sorted(set(reviewers)) if reviewers else coded.reviewers()  # a coder given twice is one coder
    shared = coded.shared(names)
    pairs = list(combinations(names, 2))
    out: dict[str, Any] = {"reviewers": names, "articles": len(shared),
                           "progress": {r: dict(progress[r]) for r in names if progress and r in progress}}

    # status
    rows = [[coded.status[aid].get(r) for aid in shared] for r in names]
    kappas = {}
    for a, b in pairs:
        both = [aid for aid in shared if a in coded.status[aid] and b in coded.status[aid]]
        kappas[pair_name(a, b)] = {"articles": len(both), "kappa": cohen_kappa(
            [coded.status[x][a] for x in both], [coded.status[x][b] for x in both]),
            "agree": sum(1 for x in both if coded.status[x][a] == coded.status[x][b])}
    out["status"] = {"alpha": alpha_nominal(rows) if len(names) >= 2 else None, "pairs": kappas}

    # entities and records, pair by pair
    ent_out: dict[str, Any] = {}
    rec_out: dict[str, Any] = {}
    type_units: list[dict[str, str]] = []
    for a, b in pairs:
        both = [aid for aid in shared if a in coded.status[aid] and b in coded.status[aid]]
        totals: dict[str, dict[str, list[int]]] = {"exact": {}, "overlap": {}}
        n_pairs = only_a = only_b = 0
        agree = dict.fromkeys(SLOTS, 0)
        readings: dict[str, int] = {}  # differences a coding convention's two readings make
        types_a: list[Hashable] = []
        types_b: list[Hashable] = []
        for aid in both:
            ovs = coded.overrides.get(aid, {})
            base = list(base_entities.get(aid, ()))
            ea = reviewer_entities(base, ovs.get(a, []))
            eb = reviewer_entities(base, ovs.get(b, []))
            for mode in ("exact", "overlap"):
                for lab, (tp, na, nb) in entity_matches(ea, eb, mode == "overlap").items():
                    acc = totals[mode].setdefault(lab, [0, 0, 0])
                    acc[0] += tp
                    acc[1] += na
                    acc[2] += nb
            recs = coded.records.get(aid, {})
            aligned, left_a, left_b = align(recs.get(a, []), recs.get(b, []))
            n_pairs += len(aligned)
            only_a += len(left_a)
            only_b += len(left_b)
            for x, y in aligned:
                for s in SLOTS:
                    agree[s] += slot_value(x, s) == slot_value(y, s)
                for s in ("unit", "location"):
                    if slot_value(x, s) == slot_value(y, s):
                        continue
                    ra, rb = (ActivityRecord.from_dict(dict(r)) for r in (x, y))
                    name = convention_between(ra, rb, s)
                    if name is not None:
                        readings[name] = readings.get(name, 0) + 1
                types_a.append(slot_value(x, "type"))
                types_b.append(slot_value(y, "type"))
                type_units.append({a: str(slot_value(x, "type")), b: str(slot_value(y, "type"))})
        ent_out[pair_name(a, b)] = {mode: _label_table(totals[mode]) for mode in ("exact", "overlap")}
        rec_out[pair_name(a, b)] = {
            "articles": len(both), "aligned": n_pairs, "only_a": only_a, "only_b": only_b,
            "slots": {s: (agree[s] / n_pairs if n_pairs else None) for s in SLOTS},
            "differ": {s: n_pairs - agree[s] for s in SLOTS}, "conventions": dict(sorted(readings.items())),
            "type_kappa": cohen_kappa(types_a, types_b)}
    type_rows = [[u.get(r) for u in type_units] for r in names]
    out["entities"] = ent_out
    out["records"] = {"pairs": rec_out, "type_alpha": alpha_nominal(type_rows) if type_units else None}
    return out


def _label_table(acc: Mapping[str, list[int]]) -> dict[str, Any]:
    table = {lab: prf(*acc[lab]) for lab in sorted(acc)}
    tp, na, nb = (sum(v[i] for v in acc.values()) for i in range(3))
    table["ALL"] = prf(tp, na, nb)
    return table


# -- the same event in two articles ------------------------------------------------------------------

def event_key(rec: Mapping[str, Any]) -> tuple[Hashable, ...] | None:
    """What makes two records one event: unit, type, date and place, all given (case and spacing
    aside); None when one of them is missing (nothing to match on)."""
    key = tuple(slot_value(rec, s) for s in ("unit", "type", "date", "location"))
    return key if all(key) else None


def same_events_of(records: Iterable[Mapping[str, Any]], rec: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """Records of *other* articles that are the same event as ``rec`` (e.g. two outlets' rewrites
    of one press release coded twice). One pass, the cheap comparisons first."""
    key = event_key(rec)
    if key is None:
        return []
    date, typ, aid = rec.get("date"), rec.get("type"), rec.get("article_id")
    return [r for r in records if r.get("date") == date and r.get("type") == typ
            and r.get("article_id") != aid and event_key(r) == key]


def same_event_index(records: Iterable[Mapping[str, Any]]) -> dict[str, list[str]]:
    """record id → ids of the records in other articles that are the same event (for exports)."""
    groups: dict[tuple[Hashable, ...], list[Mapping[str, Any]]] = {}
    for r in records:
        key = event_key(r)
        if key is not None:
            groups.setdefault(key, []).append(r)
    out: dict[str, list[str]] = {}
    for group in groups.values():
        if len({r.get("article_id") for r in group}) < 2:
            continue
        for r in group:
            aid = r.get("article_id")
            out[str(r["id"])] = sorted(str(o["id"]) for o in group if o.get("article_id") != aid)
    return out
