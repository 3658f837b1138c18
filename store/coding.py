"""What a reviewer changes: records, status, entity corrections and saved searches.

The half of ``Store`` that reads and changes the annotations, kept apart from the half that
owns the corpus, the index and ingest (``store.store``) so that each stays small enough to read
in one sitting. Every change is one ``history`` step: journalled as one line and undoable.
``Store`` inherits this class; the attributes declared below are the ones it sets up.
"""

from __future__ import annotations

import re
import uuid
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

from store.disk.annotations import CLOCK_SKEW, Annotations, record_problem, status_key
from store.disk.corpus import now_iso
from store.disk.gazetteer import write_gazetteer
from store.disk.layout import ANNOTATIONS_DIR, UNDO
from store.errors import (
    Conflict,
    CorruptFile,
    InvalidArgument,
    NotFound,
    NothingToUndo,
    ReadOnlyStore,
    StoreError,
)
from store.history import Delete, History, KeptUndo, Op, Put, rows_digest
from store.model import (
    RECORD_FIELDS,
    STATUSES,
    ActivityRecord,
    Article,
    Entity,
    check_id,
    check_int,
    check_text,
)
from store.records import prefill, validate
from store.search.index import SearchIndex
from store.search.query import parse
from store.suggest.everywhere import MAX_RULE_TEXT, apply, rule_hits, rule_pattern
from store.suggest.mixin import Suggesting
from store.taxonomy import Taxonomy


def next_stamp(previous: str) -> str:
    """A changed record's ``updated``: now, to the second, unless that does not tell it from the
    stamp it replaces (the last change was within the same second): then to the microsecond; and
    when the clock is behind the stamp it replaces, a microsecond after that one, since a merge
    keeps the later stamp and would keep the older version without a word. Not after a stamp
    beyond the clock skew a store accepts (``CLOCK_SKEW``): that one was made up (a clock far
    ahead), and stamping after it would carry the made-up time on. A stamp names a version
    (``update_record(read=...)``)."""
    now = datetime.now(UTC)
    stamp = now.isoformat(timespec="seconds")
    if stamp > previous:
        return stamp
    fine = now.isoformat(timespec="microseconds")
    if fine > previous:
        return fine
    try:
        before = datetime.fromisoformat(previous)
    except ValueError:
        return fine
    if before.tzinfo is None or before > now + CLOCK_SKEW:
        return fine
    return (before + timedelta(microseconds=1)).astimezone(UTC).isoformat(timespec="microseconds")


def span_test(spans: Iterable[tuple[int, int]]) -> Callable[[int, int], bool]:
    """Whether a span overlaps any of ``spans`` (``s < end and start < e``, an empty one too),
    each question a bisection: an ``any`` over them each is quadratic when a long text has
    thousands."""
    starts: list[int] = []
    ends: list[int] = []
    points: list[int] = []  # empty spans: inside a span, they overlap it
    for s, e in sorted(spans):
        if s >= e:
            points.append(s)
        elif ends and s < ends[-1]:
            ends[-1] = max(ends[-1], e)
        else:
            starts.append(s)
            ends.append(e)

    def test(start: int, end: int) -> bool:
        i = bisect_right(ends, start)
        j = bisect_right(points, start)
        return (i < len(starts) and starts[i] < end) or (j < len(points) and points[j] < end)

    return test


class Coding(Suggesting):
    """Records, status, corrections and saved searches of an open store (see ``Store``)."""

    path: Path
    reviewer: str
    writable: bool
    notice: str | None
    annotations: Annotations
    history: History
    index: SearchIndex

    @property
    def taxonomy(self) -> Taxonomy:
        raise NotImplementedError

    def article(self, article_id: str, corrected: bool = True) -> Article:
        raise NotImplementedError

    def count(self) -> int:
        raise NotImplementedError

    def require_writable(self) -> None:
        if not self.writable:
            raise ReadOnlyStore(self.notice or f"{self.path} is open read-only")

    # -- changes (every change is journalled and undoable) ---------------------------------------

    def _change(self, label: str, ops: list[Op]) -> None:
        self.require_writable()
        self.history.change(label, ops)
        self._export_rules(ops)

    def undo(self) -> str | None:
        """Undo the last change made through this Store; returns what was undone, or None."""
        if not self.history.undo_stack:
            return None
        self.require_writable()
        step = self.history.undo_stack[-1]
        done = self.history.undo()
        self._export_rules(step.inverse)
        return done

    def redo(self) -> str | None:
        if not self.history.redo_stack:
            return None
        self.require_writable()
        step = self.history.redo_stack[-1]
        done = self.history.redo()
        self._export_rules(step.ops)
        return done

    @contextmanager
    def undoable(self, label: str) -> Iterator[None]:
        """Every change made inside becomes undoable after this process is gone (``undo_command``):
        on leaving, what undoes them all is kept in the store with where the store's changes then
        stood, replacing what an earlier command kept. Nothing is kept when nothing changed (the
        earlier command stays undoable); what changed before a failure is kept too. How ``tandai
        merge`` and ``import`` become one step that ``tandai undo`` takes back."""
        check_text("the label", label, max_len=200)
        if self.history.gathered is not None:
            raise InvalidArgument("undoable() is already gathering this store's changes")
        articles = self.count()
        self.history.gathered = {}
        try:
            yield
        finally:
            gathered, self.history.gathered = self.history.gathered, None
            if gathered:
                keys = list(gathered)
                kept = KeptUndo(label, self.annotations.position(), rows_digest(self.annotations, keys),
                                tuple(gathered.values()), articles=max(0, self.count() - articles))
                self.annotations.keep_undo(kept.to_json())

    def undo_command(self) -> str:
        """Undo the change the last ``undoable`` command made, as one new change; returns what was
        undone (``merge of 2 sources (14 records, 3 statuses)``). Refused (StoreError, one line)
        when anything changed the store since, which putting the rows back would lose; NothingToUndo
        when no command's change is kept, or it was undone already."""
        self.require_writable()
        with self.annotations.lock:  # (a database's mirror: the rows checked are the rows changed)
            kept = self._kept_undo()
            keys = [(op.table, op.key) for op in kept.inverse]
            moved = self.annotations.moved_since(kept.after, keys)
            if moved is None and rows_digest(self.annotations, keys) != kept.digest:
                moved = "its rows are not as it left them (the store was put back from a copy?)"
            if moved is not None:
                before = ((op, self.annotations.stored(op.table, op.key)) for op in kept.inverse)
                if all(now == (op.value if isinstance(op, Put) else None) for op, now in before):
                    # undone already, and the process stopped before it could say so
                    self.annotations.keep_undo(kept.done().to_json())
                    raise NothingToUndo(f"nothing to undo: {kept.label} was undone already")
                raise StoreError(f"cannot undo {kept.label}: {moved}, which undoing it now would lose")
            self._change(f"undo {kept.label}", list(kept.inverse))
            self.annotations.keep_undo(kept.done().to_json())
        said = kept.summary()
        if kept.articles:
            said += f"; the {kept.articles} article{'s' if kept.articles > 1 else ''} it added stay"
        return said

    def _kept_undo(self) -> KeptUndo:
        where = f"{ANNOTATIONS_DIR}/{UNDO}"
        try:
            raw = self.annotations.kept_undo()
            if raw is None:
                raise NothingToUndo("nothing to undo: this store keeps no command's change "
                                    "(tandai merge, import and check --repair keep theirs)")
            kept = KeptUndo.from_json(raw)
        except CorruptFile as exc:
            raise StoreError(f"cannot undo: {where} {exc.reason}; nothing was changed") from None
        except ValueError as exc:
            raise StoreError(f"cannot undo: {where} is damaged ({exc}); nothing was changed") from None
        if kept.undone:
            raise NothingToUndo(f"nothing to undo: {kept.label} was undone already")
        return kept

    def undo_article(self) -> str | None:
        """The article the next ``undo`` changes (it may be another than the one on screen)."""
        return self.history.undo_stack[-1].article_id() if self.history.undo_stack else None

    def redo_article(self) -> str | None:
        """The article the next ``redo`` changes."""
        return self.history.redo_stack[-1].article_id() if self.history.redo_stack else None

    # -- records ---------------------------------------------------------------------------------

    def draft_record(self, article_id: str, start: int, end: int) -> dict[str, Any]:
        """Fields for a new record whose evidence is ``start:end`` of the article, guessed from its
        entities (with corrections) and this reviewer's earlier records of it (see
        ``store.records.prefill``; another reviewer's coding of the article is not used: ``own_coding``)."""
        check_id("article", article_id)
        check_int("start", start, 0, 10**9)
        check_int("end", end, 0, 10**9)
        article = self.article(article_id)
        mine, classifier = self.own_coding(article_id)
        drafting = self.drafting_taxonomy(without=self._mine_and_others(article_id)[1])
        return prefill(article, start, end, drafting, mine, classifier=classifier)

    def add_record(self, article_id: str, **fields: Any) -> ActivityRecord:
        """Validate and save a new activity record; durable when this returns."""
        check_id("article", article_id)
        article = self.article(article_id, corrected=False)
        clean = validate(article, fields, self.taxonomy)
        stamp = now_iso()
        record = ActivityRecord(id=uuid.uuid4().hex[:16], article_id=article_id, reviewer=self.reviewer,
                                created=stamp, updated=stamp, **clean)
        ops: list[Op] = [Put("records", record.id, record.to_dict())]
        if self.status(article_id) == "todo":
            ops.append(self._status_op(article_id, "in_progress"))
        self._change(f"add {record.type} record", ops)
        return record

    def record(self, record_id: str) -> ActivityRecord:
        check_id("record", record_id)
        data = self.annotations.get("records", record_id)
        if data is None:
            raise NotFound(f"no record {record_id!r}")
        return ActivityRecord.from_dict(data)

    def update_record(self, record_id: str, *, read: str | None = None, **fields: Any) -> ActivityRecord:
        """Change some fields of a record; durable when this returns. ``read``: the record's
        ``updated`` stamp as the caller read it (the form it was typed in showed that version):
        when the record has changed since, the change is refused with a ``Conflict`` naming who
        changed it and how where the store knows, so nobody writes over a value they never saw.
        Without it, the change goes onto the record as stored now."""
        if read is not None:
            check_text("the read stamp (the record's updated)", read, max_len=64)
        with self.annotations.lock:  # the record checked is the record changed (a mirror catches up)
            old = self.record(record_id)
            if read is not None and old.updated != read:
                raise Conflict("record", *(self.annotations.last_change("records", record_id) or ()))
            article = self.article(old.article_id, corrected=False)
            merged = {k: v for k, v in old.to_dict().items() if k in RECORD_FIELDS}
            merged.update(fields)
            if "date" in fields and "phase" not in fields:
                merged["phase"] = None  # re-derive from the new date
            clean = validate(article, merged, self.taxonomy)
            updated = next_stamp(old.updated)
            # a record never ends before it began: a created from a clock far ahead comes back
            new = ActivityRecord(id=old.id, article_id=old.article_id, reviewer=old.reviewer,
                                 created=min(old.created, updated), updated=updated, **clean)
            self._change(f"edit {new.type} record", [Put("records", new.id, new.to_dict()),
                                                     *self._decided(old, set(fields))])
        return new

    def delete_record(self, record_id: str) -> ActivityRecord:
        old = self.record(record_id)
        self._change(f"delete {old.type} record", [Delete("records", record_id), *self._decided(old, None)])
        return old

    def _decided(self, record: ActivityRecord, slots: set[str] | None) -> list[Op]:
        """An adjudicator editing their adjudicated copy in the workbench decides the slots edited
        (deleting it decides the whole pair: dropped), as the adjudication screen's ``e`` does; the
        status entry's ``undecided`` list (``store.adjudicate``) loses them in the same change.
        Before, such a record stayed unsettled, left out of ``--adjudicated``, whatever was typed."""
        key = status_key(record.reviewer, record.article_id)
        entry = self.annotations.get("status", key)
        pending = entry.get("undecided") if entry and entry.get("adjudicated") else None
        if (entry is None or record.reviewer != self.reviewer or not isinstance(pending, dict)
                or record.id not in pending):
            return []
        left = [] if slots is None else [s for s in pending[record.id] if s not in slots]
        undecided = {rid: v for rid, v in pending.items() if rid != record.id}
        if left:
            undecided[record.id] = left
        if left == pending[record.id]:
            return []
        entry = {k: v for k, v in entry.items() if k != "undecided"}
        if undecided:
            entry["undecided"] = dict(sorted(undecided.items()))
        return [Put("status", key, entry)]

    def records(self, article_id: str | None = None) -> list[ActivityRecord]:
        if article_id is not None:
            check_id("article", article_id)
        if article_id is None:
            data = list(self.annotations.values("records"))
        else:
            ids = self.annotations.record_ids_for(article_id)
            data = [d for d in map(lambda rid: self.annotations.get("records", rid), ids) if d is not None]
        out = [ActivityRecord.from_dict(d) for d in data]
        out.sort(key=lambda r: (r.article_id, r.evidence[0].start if r.evidence else 0, r.created))
        return out

    def unreadable_records(self, article_id: str | None = None) -> list[tuple[str, str]]:
        """(id, why) of the stored records of an article (or all) that readers cannot trust
        (an older tandai's merge stored ``unit: null``): left out of ``records`` and every reader,
        kept as stored; ``tandai check`` names them."""
        found = self.annotations.unreadable
        return sorted((str(rid), record_problem(rec) or "") for rid, rec in found.items()
                      if article_id is None or rec.get("article_id") == article_id)

    # -- status ----------------------------------------------------------------------------------

    def status(self, article_id: str, reviewer: str | None = None) -> str:
        check_id("article", article_id)
        if reviewer is not None:
            check_text("the reviewer name", reviewer)
        entry = self.annotations.get("status", status_key(reviewer or self.reviewer, article_id))
        return entry["status"] if entry else "todo"

    def statuses(self, article_id: str) -> dict[str, str]:
        """Every reviewer's status of an article (reviewer → status); reviewers who set none are absent."""
        check_id("article", article_id)
        return {e["reviewer"]: e["status"] for e in self.annotations.values("status")
                if e["article_id"] == article_id}

    def record_count(self, article_id: str) -> int:
        """How many records the article has (all reviewers'), without loading them."""
        check_id("article", article_id)
        return self.annotations.record_count(article_id)

    def record_counts(self, ids: Iterable[str]) -> dict[str, int]:
        """``record_count`` of each id (one call per list page)."""
        return {i: self.record_count(i) for i in ids}

    def known_units(self) -> list[str]:
        """Every acting unit some record names, sorted (the workbench offers them for completion)."""
        return sorted({r["unit"] for r in self.annotations.values("records") if r.get("unit")})

    def _status_op(self, article_id: str, status: str, updated: str | None = None) -> Op:
        key = status_key(self.reviewer, article_id)
        stamp = now_iso() if updated is None else updated
        return Put("status", key, {"article_id": article_id, "reviewer": self.reviewer,
                                       "status": status, "updated": stamp})

    def set_status(self, article_id: str, status: str, undated: bool = False) -> str:
        """Set this reviewer's status for an article; returns the previous status. ``undated``:
        the time it was set is not known (an import of another tool's file): stamped "", as a
        merge stores an export's statuses, so any status set at a known time wins a merge over it."""
        check_id("article", article_id)
        check_text("the status", status)
        if status not in STATUSES:
            raise StoreError(f"{status!r} is not a status ({', '.join(STATUSES)})")
        if self.index.lookup(article_id) is None:
            raise NotFound(f"no article {article_id!r} in this store")
        previous = self.status(article_id)
        if previous != status:
            self._change(f"mark {status}", [self._status_op(article_id, status, "" if undated else None)])
        return previous

    def progress(self) -> dict[str, int]:
        """Counts per status for this reviewer, plus totals (for the status line)."""
        counts = {s: 0 for s in STATUSES}
        for entry in self.annotations.values("status"):
            if entry["reviewer"] == self.reviewer:
                counts[entry["status"]] += 1
        total = self.count()
        counts["todo"] = max(0, total - sum(v for k, v in counts.items() if k != "todo"))
        counts["total"] = total
        counts["records"] = len(self.annotations.tables["records"])
        return counts

    # -- entity corrections ----------------------------------------------------------------------

    def overrides(self, article_id: str) -> list[dict[str, Any]]:
        """The article's entity corrections (every reviewer's), in the order they were made; looked
        up by article (``ByArticle``), not found among every correction of the store."""
        check_id("article", article_id)
        ann = self.annotations
        out = [o for o in map(lambda key: ann.get("overrides", key), ann.override_ids_for(article_id))
               if o is not None]
        return sorted(out, key=lambda o: o["seq"])

    def entities(self, article: Article, reviewer: str | None = None) -> list[Entity]:
        """The article's entities with every correction applied in the order they were made:
        its own and the store-wide ones (``correct_entity_everywhere``). With ``reviewer``, only
        that reviewer's corrections of it (and the store-wide ones): what that reviewer coded, as
        agreement compares it and as an import of several annotators' files diffs each against."""
        if not isinstance(article, Article):
            raise InvalidArgument(f"entities() takes an Article, not {type(article).__name__}")
        corrections = self.overrides(article.id)
        if reviewer is not None:
            corrections = [o for o in corrections if o.get("reviewer") == reviewer]
        rules = self.annotations.tables["entity_rules"]
        if rules:
            if self._rules_seq != self.annotations.seq:
                self._rules_pattern = rule_pattern(rules.values())
                self._rules_seq = self.annotations.seq
            hits = rule_hits(article.text, self._rules_pattern, rules)
            corrections = sorted([*corrections, *hits], key=lambda o: o["seq"])
        return apply(article.entities, corrections)

    # -- store-wide entity corrections -----------------------------------------------------------

    _rules_pattern: re.Pattern[str] | None = None
    _rules_seq: int = -1

    def correct_entity_everywhere(self, text: str, label: str | None) -> dict[str, Any]:
        """Label ``text`` as ``label`` in every article, present and future, or (None) remove the
        entity it is wherever it occurs; one undoable change, listed by ``entity_rules`` and
        exported as the store's gazetteer (``gazetteer.toml``)."""
        check_text("the text", text, max_len=MAX_RULE_TEXT)
        text = text.strip()
        if not text:
            raise InvalidArgument("the text to correct everywhere must not be empty")
        if label is not None:
            check_text("the label", label)
            if label not in self.taxonomy.labels:
                raise StoreError(f"{label!r} is not a label ({', '.join(self.taxonomy.labels)})")
        rule = {"id": uuid.uuid4().hex[:16], "text": text, "label": label, "reviewer": self.reviewer,
                "created": now_iso(), "seq": self.annotations.seq + 1}
        what = f"label {text!r} {label} everywhere" if label else f"unlabel {text!r} everywhere"
        self._change(what, [Put("entity_rules", text, rule)])
        return rule

    def remove_entity_rule(self, text: str) -> dict[str, Any]:
        """Stop applying a store-wide correction (undoable)."""
        check_text("the text", text, max_len=MAX_RULE_TEXT)
        old = self.annotations.get("entity_rules", text.strip())
        if old is None:
            raise NotFound(f"no store-wide correction of {text.strip()!r}")
        self._change(f"drop the everywhere rule for {old['text']!r}", [Delete("entity_rules", old["text"])])
        return old

    def entity_rules(self) -> list[dict[str, Any]]:
        """The store-wide corrections, oldest first (text, label or None to remove, reviewer)."""
        return sorted(self.annotations.values("entity_rules"), key=lambda r: r["seq"])

    def _export_rules(self, ops: Iterable[Op]) -> None:
        """Rewrite the store's gazetteer when a change touched the store-wide corrections."""
        if any(op.table == "entity_rules" for op in ops):
            write_gazetteer(self.path, self.entity_rules())

    def correct_entity(self, article_id: str, start: int, end: int, label: str | None) -> dict[str, Any]:
        """Add or relabel a span (``label``) or remove the entity at exactly that span (None)."""
        return self.correct_entities(article_id, [(start, end, label)])[0]

    def correct_entities(self, article_id: str, corrections: Sequence[tuple[int, int, str | None]],
                         own_view: bool = False) -> list[dict[str, Any]]:
        """``correct_entity`` for many spans of one article as one change (one journal line, one
        undo step), the article read once: an import corrects thousands of spans of a long text,
        and a call each re-read it (quadratic time). A labelled span may not overlap another span
        of the batch (then the order they apply in cannot matter); removals may overlap.
        ``own_view``: the corrections are of what this reviewer sees with only their own
        corrections (``entities(article, reviewer)``), as an import of their file gives them."""
        check_id("article", article_id)
        for start, end, label in corrections:
            check_int("start", start, 0, 10**9)
            check_int("end", end, 0, 10**9)
            if label is not None:
                check_text("the label", label)
        if not corrections:
            return []
        article = self.article(article_id, corrected=False)
        labelled = sorted((s, e) for s, e, label in corrections if label is not None)
        crossing = span_test(labelled)
        for start, end, label in corrections:
            if not (0 <= start < end <= len(article.text)):
                raise StoreError(f"span {start}-{end} lies outside the article's text")
            if label is not None and label not in self.taxonomy.labels:
                raise StoreError(f"{label!r} is not a label ({', '.join(self.taxonomy.labels)})")
            if label is None and crossing(start, end):
                raise StoreError(f"span {start}-{end} is removed and overlaps a span labelled in this change")
        if len({(s, e) for s, e, _ in corrections}) < len(corrections) or any(
                b[0] < a[1] for a, b in pairwise(labelled)):
            raise StoreError("the labelled spans of one change must not overlap")
        current = {(e.start, e.end): e for e in self.entities(article, self.reviewer if own_view else None)}
        seq, stamp = self.annotations.seq + 1, now_iso()
        ops: list[Op] = []
        out: list[dict[str, Any]] = []
        for start, end, label in corrections:
            if label is None:
                if (start, end) not in current:
                    raise StoreError("there is no entity at that span to remove")
                action = "remove"
            else:
                action = "relabel" if (start, end) in current else "add"
            override: dict[str, Any] = {
                "id": uuid.uuid4().hex[:16], "article_id": article_id, "reviewer": self.reviewer,
                "action": action, "start": start, "end": end, "label": label,
                "text": article.text[start:end], "created": stamp, "seq": seq}
            ops.append(Put("overrides", override["id"], override))
            out.append(override)
        if len(out) == 1:
            o = out[0]
            what = f"{o['action']} {o['label'] or current[(o['start'], o['end'])].label} {o['text']!r}"
        else:
            what = f"{len(out)} entity corrections"
        self._change(what, ops)
        return out

    # -- saved searches --------------------------------------------------------------------------

    def save_search(self, name: str, query: str) -> None:
        """Save ``query`` under ``name``, replacing this reviewer's search of that name. A query that
        cannot run is refused now, not when it is picked; another reviewer's search of the name is
        never replaced (the table is shared: it would vanish from under them without a word)."""
        check_text("a saved search's name", name, max_len=200)
        check_text("the query", query, max_len=10_000)
        name = name.strip()
        if not name:
            raise StoreError("a saved search needs a name")
        parse(query, self.taxonomy)  # QueryError: the search bar's own message
        self._not_anothers_search(name, "replace")
        self._change(f"save search {name!r}", [Put("searches", name, {
            "name": name, "query": query, "reviewer": self.reviewer, "created": now_iso()})])

    def delete_search(self, name: str) -> None:
        check_text("a saved search's name", name, max_len=200)
        name = name.strip()  # as it was saved
        if self.annotations.get("searches", name) is None:
            raise NotFound(f"no saved search {name!r}")
        self._not_anothers_search(name, "delete")
        self._change(f"delete search {name!r}", [Delete("searches", name)])

    def _not_anothers_search(self, name: str, verb: str) -> None:
        old = self.annotations.get("searches", name)
        owner = (old or {}).get("reviewer")
        if old is not None and isinstance(owner, str) and owner and owner != self.reviewer:
            raise StoreError(f"the saved search {name!r} is {owner}'s: only they can {verb} it "
                             "(save yours under another name)")

    def saved_searches(self) -> list[dict[str, Any]]:
        return sorted(self.annotations.values("searches"), key=lambda s: s["name"].casefold())
