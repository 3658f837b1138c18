"""Agreement over a store, and adjudication: settling where reviewers disagree (issue 13).

The figures come from :mod:`store.agreement` (pure); here they are fed from an open Store
(the articles a query selects, their recognised entities). Adjudication writes the settled
version under the adjudicator's name (the Store's reviewer): records copied from the version
taken (ids derived from the adjudicator and the source record, so taking twice writes once),
entity corrections, and a status entry marked ``adjudicated`` that keeps the adjudicator out of
the agreement figures and lets the export pick the adjudicated version. So the adjudicator is never
one of the coders: a reviewer who coded an article may not adjudicate it (their status would become
the adjudication marker and their records mix with the copies), and on a team database only the
adjudicator role may adjudicate at all (``Store.adjudication_refused``). A record settled a slot at a
time is settled once every slot where the two versions differ was decided: until then the status
entry lists the rest as ``undecided``, and the export leaves the record out.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from store import agreement
from store.coding import next_stamp
from store.disk.annotations import status_key
from store.disk.corpus import now_iso
from store.errors import InvalidArgument, NotFound, StoreError
from store.history import Delete, Op, Put
from store.interchange.common import selected_ids
from store.model import RECORD_FIELDS, STATUSES, ActivityRecord, Article, check_id
from store.records import validate
from store.store import Store


def coded(st: Store, query: str | None = None) -> agreement.Coded:
    ann = st.annotations
    return agreement.gather(ann.values("status"), ann.values("records"), ann.values("overrides"),
                            selected_ids(st, query))


def progress(st: Store) -> dict[str, dict[str, int]]:
    """Per reviewer: articles per status and records (adjudicated versions under their own row:
    ``adjudicated`` the articles settled, ``unsettled`` those with a record's slot still undecided)."""
    out: dict[str, dict[str, int]] = {}
    blank = {**dict.fromkeys(STATUSES, 0), "records": 0, "adjudicated": 0, "unsettled": 0}
    for e in st.annotations.values("status"):
        row = out.setdefault(e["reviewer"], dict(blank))
        row[e["status"]] = row.get(e["status"], 0) + 1
        if e.get("adjudicated"):
            row["unsettled" if _undecided_of(e) else "adjudicated"] += 1
    for r in st.annotations.values("records"):
        out.setdefault(r["reviewer"], dict(blank))
        out[r["reviewer"]]["records"] += 1
    return dict(sorted(out.items()))


def report(st: Store, query: str | None = None, reviewers: list[str] | None = None) -> dict[str, Any]:
    """Every agreement figure over the articles ``query`` selects (see ``agreement.report``)."""
    c = coded(st, query)
    known = c.reviewers()
    if reviewers:
        unknown = [r for r in reviewers if r not in known]
        if unknown:
            raise StoreError(f"no finished articles by {', '.join(unknown)} (reviewers here: "
                             f"{', '.join(known) or 'none'})")
    out = agreement.report(c, reviewers, base_entities(st, set(c.shared(reviewers))), progress(st))
    out["query"] = query or ""
    return out


def base_entities(st: Store, ids: set[str]) -> dict[str, list[agreement.Span3]]:
    """The recognised entities (no corrections) of ``ids``, each shard read once: an article at a
    time would read a whole shard per article (10k articles: minutes)."""
    out: dict[str, list[agreement.Span3]] = {}
    if not ids:
        return out
    wanted_shards = {name for name, s in st.corpus.iter_summaries() if s["id"] in ids}
    for name in wanted_shards:
        for aid, doc in st.corpus.load_shard(name).items():
            if aid in ids:
                out[aid] = [(e.start, e.end, e.label) for e in Article.from_dict(doc).entities]
    return out


# -- adjudication -----------------------------------------------------------------------------

@dataclass
class Side:
    """One reviewer's version of an article."""

    reviewer: str
    status: str
    records: list[dict[str, Any]]
    entities: set[agreement.Span3]


@dataclass
class Comparison:
    """Two reviewers' versions of one article, aligned for a side-by-side view."""

    article_id: str
    a: Side
    b: Side
    pairs: list[tuple[dict[str, Any] | None, dict[str, Any] | None]] = field(default_factory=list)
    entity_diffs: list[tuple[int, int, str | None, str | None]] = field(default_factory=list)  # span, A, B

    def slot_rows(self, i: int) -> list[tuple[str, str, str, bool]]:
        """(slot, A's value, B's value, agree) of pair ``i``, for display."""
        ra, rb = self.pairs[i]
        rows = []
        for slot in (*agreement.SLOTS, "evidence"):
            va, vb = show(ra, slot), show(rb, slot)
            same = ra is not None and rb is not None and (
                agreement.slot_value(ra, slot) == agreement.slot_value(rb, slot) if slot != "evidence"
                else va == vb)
            rows.append((slot, va, vb, same))
        return rows


def show(rec: dict[str, Any] | None, slot: str) -> str:
    if rec is None:
        return "—"
    value = rec.get(slot)
    if slot == "partners":
        return ", ".join(value or [])
    if slot == "evidence":
        return " | ".join(str(s.get("text") or "") for s in value or [])
    return "" if value is None else str(value)


def disagreements(st: Store, query: str | None = None) -> list[str]:
    """Articles where the reviewers who finished them disagree, in store order."""
    _, disagree = agreement.conflicts(coded(st, query))
    return sorted(disagree)


def compare(st: Store, article_id: str, a: str | None = None, b: str | None = None) -> Comparison:
    """Two reviewers' versions of an article (default: the first two who finished it), for the
    Store's reviewer to adjudicate: refused (``StoreError``) when they may not (``refusal``)."""
    check_id("article", article_id)
    why = refusal(st, article_id)
    if why:
        raise StoreError(why)
    c = coded(st)
    by = c.status.get(article_id, {})
    names = sorted(by)
    a = a or (names[0] if names else None)
    b = b or (names[1] if len(names) > 1 else None)
    if a is None or b is None or a not in by or b not in by:
        raise NotFound(f"article {article_id} was not finished by two reviewers")
    base = [(e.start, e.end, e.label) for e in st.article(article_id, corrected=False).entities]
    ovs = c.overrides.get(article_id, {})
    recs = c.records.get(article_id, {})
    sides = [Side(r, by[r], sorted(recs.get(r, []), key=_start),
                  agreement.reviewer_entities(base, ovs.get(r, []))) for r in (a, b)]
    cmp = Comparison(article_id, sides[0], sides[1])
    aligned, only_a, only_b = agreement.align(sides[0].records, sides[1].records)
    rows: list[tuple[dict[str, Any] | None, dict[str, Any] | None]] = [(dict(x), dict(y)) for x, y in aligned]
    rows += [(dict(x), None) for x in only_a] + [(None, dict(y)) for y in only_b]
    cmp.pairs = sorted(rows, key=lambda p: _start(p[0] or p[1] or {}))
    spans_a = {(s, e): lab for s, e, lab in sides[0].entities}
    spans_b = {(s, e): lab for s, e, lab in sides[1].entities}
    for span in sorted(set(spans_a) | set(spans_b)):
        if spans_a.get(span) != spans_b.get(span):
            cmp.entity_diffs.append((span[0], span[1], spans_a.get(span), spans_b.get(span)))
    return cmp


def _start(rec: dict[str, Any]) -> int:
    ev = rec.get("evidence") or []
    return min((int(s["start"]) for s in ev), default=0)


def adjudicated_id(adjudicator: str, source_ids: list[str]) -> str:
    return hashlib.sha256("\x1f".join([adjudicator, *source_ids]).encode()).hexdigest()[:16]


def copy_ids(adjudicator: str, records: list[dict[str, Any]]) -> set[str]:
    """The ids ``take_record`` can give ``adjudicator``'s copies of the coders' ``records`` (one
    article): one source record, or a pair from two reviewers in either order (a source may be the
    adjudicator's own record in a store from before coders were refused). A record of the
    adjudicator's with any other id is their own coding."""
    out = {adjudicated_id(adjudicator, [r["id"]]) for r in records}
    out |= {adjudicated_id(adjudicator, [x["id"], y["id"]]) for x in records for y in records
            if x["reviewer"] != y["reviewer"]}
    return out


def _article_records(st: Store, article_id: str) -> list[dict[str, Any]]:
    found = (st.annotations.get("records", rid) for rid in st.annotations.record_ids_for(article_id))
    return [r for r in found if r is not None]


def coded_it(st: Store, article_id: str) -> bool:
    """Whether the Store's reviewer coded this article: a status of their own that is not an
    adjudication marker, or records of theirs that are not adjudicated copies (a store from before
    the refusal may hold both under the marker)."""
    entry = st.annotations.get("status", status_key(st.reviewer, article_id))
    if entry is not None and not entry.get("adjudicated") and entry["status"] != "todo":
        return True
    recs = _article_records(st, article_id)
    copies = copy_ids(st.reviewer, recs)
    return any(r["reviewer"] == st.reviewer and r["id"] not in copies for r in recs)


def refusal(st: Store, article_id: str) -> str | None:
    """Why the Store's reviewer may not adjudicate this article, or None: the store's rule (a
    team database: the adjudicator role), then not a reviewer who coded it."""
    why = st.adjudication_refused()
    if why:
        return why
    if coded_it(st, article_id):
        return (f"you coded article {article_id} (as {st.reviewer}); another reviewer adjudicates it")
    return None


def _require(st: Store, article_id: str) -> None:
    why = refusal(st, article_id)
    if why:
        raise StoreError(why)


def _mark(st: Store, article_id: str, status: str, undecided: dict[str, list[str]] | None = None) -> Op:
    """The adjudicator's status entry: the marker, and the slots still undecided per adjudicated
    record (``undecided``; kept as they were when None, left out when there are none, so an entry
    written before there were undecided slots reads as settled)."""
    entry = {"article_id": article_id, "reviewer": st.reviewer, "status": status, "updated": now_iso(),
             "adjudicated": True}
    open_slots = undecided_slots(st, article_id) if undecided is None else undecided
    if open_slots:
        entry["undecided"] = {rid: list(slots) for rid, slots in sorted(open_slots.items())}
    return Put("status", status_key(st.reviewer, article_id), entry)


WHOLE = "record"  # the undecided "slot" of a pair only one coder has: keep that record or drop it


def _started(st: Store, cmp: Comparison, taking: int | None = None) -> tuple[list[Op], dict[str, list[str]]]:
    """The undecided slots so far and, on the adjudicator's first take in an article, the copies
    that settle every pair the two coders agree on (as INCEpTION's curation merges agreement at
    once): an adjudicated article exports only the adjudicator's copies, so a pair nobody took
    would be lost from the export without a word. Every pair they differ on starts undecided
    (its differing slots, or ``WHOLE`` for a record only one of them has). ``taking`` is the pair
    the take itself settles."""
    if st.annotations.get("status", status_key(st.reviewer, cmp.article_id)) is not None:
        return [], undecided_slots(st, cmp.article_id)
    ops: list[Op] = []
    undecided: dict[str, list[str]] = {}
    article = st.article(cmp.article_id, corrected=False)
    for i, (ra, rb) in enumerate(cmp.pairs):
        rid = adjudicated_id(st.reviewer, [r["id"] for r in (ra, rb) if r is not None])
        slots = differing(ra, rb) if ra is not None and rb is not None else [WHOLE]
        if i == taking:
            continue
        if slots:
            undecided[rid] = slots
        elif ra is not None and st.annotations.get("records", rid) is None:
            ops.append(Put("records", rid, _copy(st, article, rid, ra, None)))
    return ops, undecided


def _copy(st: Store, article: Article, rid: str, source: dict[str, Any],
          current: dict[str, Any] | None) -> dict[str, Any]:
    """The adjudicator's record ``rid`` holding ``source``'s slots (validated as any record)."""
    clean = validate(article, {k: v for k, v in source.items() if k in RECORD_FIELDS}, st.taxonomy)
    stamp = next_stamp(str(current["updated"])) if current else now_iso()
    rec = {"id": rid, "article_id": article.id, "reviewer": st.reviewer,
           "created": (current or {}).get("created") or stamp, "updated": stamp, **clean}
    rec["evidence"] = [e if isinstance(e, dict) else e.to_dict() for e in rec.get("evidence") or []]
    return rec


def _undecided_of(entry: dict[str, Any] | None) -> dict[str, list[str]]:
    """The undecided slots an adjudicator's status entry holds (anything malformed is ignored)."""
    found = (entry or {}).get("undecided") if (entry or {}).get("adjudicated") else None
    if not isinstance(found, dict):
        return {}
    return {str(rid): [s for s in slots if isinstance(s, str)] for rid, slots in found.items()
            if isinstance(slots, list) and slots}


def undecided_slots(st: Store, article_id: str, reviewer: str | None = None) -> dict[str, list[str]]:
    """Adjudicated record id → the slots where the two versions differ that the adjudicator
    (``reviewer``, default the Store's) has not decided yet: taking one slot of a record leaves
    the others undecided, whatever value the record holds there meanwhile (A's)."""
    return _undecided_of(st.annotations.get("status", status_key(reviewer or st.reviewer, article_id)))


def differing(ra: dict[str, Any] | None, rb: dict[str, Any] | None) -> list[str]:
    """The slots where two aligned records differ (as agreement compares them); none when one
    side has no record (then the whole record is what is decided)."""
    if ra is None or rb is None:
        return []
    return [s for s in agreement.SLOTS if agreement.slot_value(ra, s) != agreement.slot_value(rb, s)]


def _adjudicated_status(st: Store, article_id: str) -> str:
    entry = st.annotations.get("status", status_key(st.reviewer, article_id))
    return str(entry["status"]) if entry and entry.get("adjudicated") else "in_progress"


def take_record(st: Store, cmp: Comparison, i: int, side: str, slot: str | None = None,
                value: Any = None) -> dict[str, Any] | None:
    """Settle pair ``i``: take A's or B's record (``side`` "a"/"b"), or only one ``slot`` of it
    (from that side, or ``value`` typed by the adjudicator with ``side`` "edit"). The settled
    record is the adjudicator's; one journalled, undoable change. Taking the side that has no
    record removes the adjudicated one. Returns the adjudicated record (or None).

    Taking one slot decides that slot only: the record is written with A's values in the other
    slots where A and B differ, and those stay *undecided* (``undecided_slots``) until each is taken
    or edited; until then the record is not settled (``adjudicated_records`` leaves it out)."""
    st.require_writable()
    _require(st, cmp.article_id)
    if not 0 <= i < len(cmp.pairs):
        raise InvalidArgument(f"there is no record pair {i}")
    if side not in ("a", "b", "edit"):
        raise InvalidArgument("side is a, b or edit")
    ra, rb = cmp.pairs[i]
    rid = adjudicated_id(st.reviewer, [r["id"] for r in (ra, rb) if r is not None])
    current = st.annotations.get("records", rid)
    chosen = ra if side == "a" else rb if side == "b" else None
    seeds, undecided = _started(st, cmp, taking=i)
    before = undecided.get(rid, [])
    if slot is None:
        undecided.pop(rid, None)
        status = _adjudicated_status(st, cmp.article_id)
        ops: list[Op] = [*seeds, _mark(st, cmp.article_id, status, undecided)]
        if chosen is None:
            if current is None:
                if seeds or before:  # dropping the one coder's record is a decision too
                    st.history.change("adjudicate: no record", ops)
                return None
            st.history.change("adjudicate: no record", [*ops, Delete("records", rid)])
            return None
        fields = {k: v for k, v in chosen.items() if k in RECORD_FIELDS}
    else:
        if slot not in RECORD_FIELDS:
            raise InvalidArgument(f"{slot!r} is not a record slot")
        start = current or ra or rb
        assert start is not None
        fields = {k: v for k, v in start.items() if k in RECORD_FIELDS}
        fields[slot] = value if side == "edit" else (chosen or {}).get(slot)
        if slot == "date":
            fields["phase"] = None
        left = [s for s in (before if current is not None else differing(ra, rb)) if s not in (slot, WHOLE)]
        if left:
            undecided[rid] = left
        else:
            undecided.pop(rid, None)
        ops = [*seeds, _mark(st, cmp.article_id, _adjudicated_status(st, cmp.article_id), undecided)]
    rec = _copy(st, st.article(cmp.article_id, corrected=False), rid, fields, current)
    same = current is not None and all(current.get(k) == rec.get(k) for k in RECORD_FIELDS)
    if same and undecided.get(rid, []) == before:
        return current  # taken already: no change to record (nor to undo)
    if same:  # the value it held (A's, undecided) is the one decided: only the decision changes
        assert current is not None
        st.history.change(f"adjudicate: {slot or 'record'} decided", ops)
        return current
    st.history.change(f"adjudicate {rec['type']} record", [*ops, Put("records", rid, rec)])
    return rec


def take_status(st: Store, cmp: Comparison, side: str) -> str:
    """The adjudicated status: A's or B's."""
    status = cmp.a.status if side == "a" else cmp.b.status
    st.require_writable()
    _require(st, cmp.article_id)
    if _adjudicated_status(st, cmp.article_id) == status:
        return status
    seeds, undecided = _started(st, cmp)
    st.history.change(f"adjudicate: {status}", [*seeds, _mark(st, cmp.article_id, status, undecided)])
    return status


def take_entity(st: Store, cmp: Comparison, i: int, side: str) -> None:
    """Settle entity difference ``i`` with A's or B's label (or its absence) as the
    adjudicator's correction."""
    st.require_writable()
    _require(st, cmp.article_id)
    start, end, la, lb = cmp.entity_diffs[i]
    label = la if side == "a" else lb
    current = {(e.start, e.end): e.label for e in st.entities(st.article(cmp.article_id, corrected=False))}
    if label is None and (start, end) not in current:
        return  # already absent
    if label is not None and current.get((start, end)) == label:
        return
    st.correct_entity(cmp.article_id, start, end, label)


def adjudicated_reviewers(status_entries: Any) -> dict[str, set[str]]:
    """article → the reviewers whose version there is an adjudicated one."""
    out: dict[str, set[str]] = {}
    for e in status_entries:
        if e.get("adjudicated"):
            out.setdefault(e["article_id"], set()).add(e["reviewer"])
    return out


def settled(st: Store, cmp: Comparison) -> dict[str, Any]:
    """What the adjudicator (the Store's reviewer) has settled so far for ``cmp``: the status,
    the adjudicated record of each pair (or None), the label of each differing span (or None),
    and each pair's slots still undecided (``undecided_slots``)."""
    entry = st.annotations.get("status", status_key(st.reviewer, cmp.article_id))
    rids = [adjudicated_id(st.reviewer, [r["id"] for r in pair if r]) for pair in cmp.pairs]
    records = [st.annotations.get("records", rid) for rid in rids]
    mine = [o for o in st.overrides(cmp.article_id) if o["reviewer"] == st.reviewer]
    touched = {(o["start"], o["end"]) for o in mine}
    base = [(e.start, e.end, e.label) for e in st.article(cmp.article_id, corrected=False).entities]
    labels = {(s, e): lab for s, e, lab in agreement.reviewer_entities(base, mine)}
    entities = [labels.get((s, e)) if (s, e) in touched or any(
        t[0] < e and s < t[1] for t in touched) else "?" for s, e, _, _ in cmp.entity_diffs]
    open_slots = _undecided_of(entry)
    return {"status": entry["status"] if entry and entry.get("adjudicated") else None,
            "records": records, "entities": entities,
            "undecided": [open_slots.get(rid, []) for rid in rids]}


def same_events(st: Store, record_id: str) -> list[ActivityRecord]:
    """Records in other articles with the same unit, type, date and place as this one: probably
    one event reported twice (a rewrite of the same press release), which the dataset must not
    count twice. The workbench says so when a record is saved; exports mark them."""
    check_id("record", record_id)
    rec = st.annotations.get("records", record_id)
    if rec is None:
        raise NotFound(f"no record {record_id!r}")
    found = agreement.same_events_of(st.annotations.values("records"), rec)
    return sorted((ActivityRecord.from_dict(dict(r)) for r in found), key=lambda r: (r.article_id, r.id))


def unsettled(st: Store) -> list[tuple[str, str, list[str]]]:
    """(article, adjudicated record id, undecided slots) of every adjudicated record not settled
    yet, for the adjudicator each article's adjudicated version comes from (``adjudicated_records``):
    a copy with slots to decide, or a pair not taken at all (no copy yet; ``WHOLE`` for a record only
    one coder has), as long as the coders' records it comes from are still there."""
    judged = adjudicated_reviewers(st.annotations.values("status"))
    out = []
    for aid, names in sorted(judged.items()):
        chosen = sorted(names)[0]
        pending = undecided_slots(st, aid, chosen)
        if not pending:
            continue
        possible = copy_ids(chosen, _article_records(st, aid))
        for rid, slots in sorted(pending.items()):
            if rid in possible or st.annotations.get("records", rid) is not None:
                out.append((aid, rid, slots))
    return out


def adjudicated_records(st: Store) -> list[ActivityRecord]:
    """The adjudicated version, for exports: an article an adjudicator settled gives only the
    adjudicator's copies (``copy_ids``); any other article the records of one reviewer (the first
    by name among those who coded it), so no article's records are counted twice. A store from
    before coders were refused may hold an adjudicator's own coded records beside their copies:
    the copies win, the own records are left out (they stay in the plain export). A copy with slots
    still undecided (``unsettled``) is left out until they are decided: nobody chose those values."""
    by_article: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for r in st.annotations.values("records"):
        by_article.setdefault(r["article_id"], {}).setdefault(r["reviewer"], []).append(r)
    judged = adjudicated_reviewers(st.annotations.values("status"))
    out: list[ActivityRecord] = []
    for aid, by in by_article.items():
        if aid in judged:
            chosen = sorted(judged[aid])[0]
            copies = copy_ids(chosen, [r for recs in by.values() for r in recs])
            copies -= set(undecided_slots(st, aid, chosen))  # not settled: nobody decided those slots
            out += [ActivityRecord.from_dict(r) for r in by.get(chosen, []) if r["id"] in copies]
        else:
            out += [ActivityRecord.from_dict(r) for r in by[sorted(by)[0]]]
    return sorted(out, key=lambda r: (r.article_id, r.evidence[0].start if r.evidence else 0, r.id))
