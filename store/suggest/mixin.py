"""The part of ``Store`` that proposes records and learns from the reviewers' decisions.

``suggestions`` ranks an article's activity sentences with their slots pre-filled (or, for a
copy or rewrite of a coded article, that article's records); ``accept_suggestion`` saves one as
a record (one undoable change, like ``add_record``); ``reject_suggestion`` remembers, per
reviewer, that a sentence is not to be proposed again (journalled in the ``rejections`` table,
undoable). The type classifier is brought up to date with the records table whenever it changed,
so a record another reviewer coded a moment ago already counts.

Double coding: several reviewers code one article independently and their agreement is measured
afterwards, so what a reviewer is offered on an article never comes from, nor is hidden by,
another reviewer's work on that article: only the reviewer's own records cover a sentence or
lend their slots to the next record, the classifier forgets the other reviewers' records of
that article, and a rejection hides a suggestion from the reviewer who rejected it only.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterable
from typing import Any

from store.classify import TypeClassifier
from store.conventions import Tally, learned, learned_how, record_votes
from store.disk.annotations import Annotations
from store.disk.corpus import now_iso
from store.errors import InvalidArgument, NotFound, StoreError
from store.history import Delete, History, Op, Put
from store.model import ActivityRecord, Article, check_id, check_text
from store.records import clauses, prefill
from store.suggest import completions
from store.suggest.candidates import candidates
from store.suggest.sources import carried
from store.taxonomy import Taxonomy

CLAUSE_SCORE = 0.9  # a further clause's record ranks just below its sentence's
COMPLETION_FIELDS = ("location", "partners", "unit")
_VENUE_LABELS = ("LOC",)
_BODY_LABELS = ("POLICE_UNIT", "MILITARY_UNIT", "ELECTION_BODY", "GOV_ORG")


def rejection_key(article_id: str, key: str, reviewer: str) -> str:
    """The rejections table's key (stores written before rejections were per reviewer have keys
    without the reviewer; their entries name the reviewer all the same)."""
    return f"{article_id}\x1f{key}\x1f{reviewer}"


def span_key(start: int, end: int) -> str:
    """A suggestion's id within its article: its evidence span (articles never change)."""
    return f"{start}-{end}"


class Suggesting:
    """Suggested records, their acceptance and rejection, and completions (see ``Store``)."""

    reviewer: str
    annotations: Annotations
    history: History
    _classifier: TypeClassifier | None = None
    _classifier_seq: int = -1
    _drafting: Taxonomy | None = None
    _drafting_base: Taxonomy | None = None
    _drafting_seq: int = -1
    _drafting_for: str | None = None
    _tally: Tally | None = None

    @property
    def taxonomy(self) -> Taxonomy:
        raise NotImplementedError

    def article(self, article_id: str, corrected: bool = True) -> Article:
        raise NotImplementedError

    def records(self, article_id: str | None = None) -> list[ActivityRecord]:
        raise NotImplementedError

    def add_record(self, article_id: str, **fields: Any) -> ActivityRecord:
        raise NotImplementedError

    def duplicates_of(self, article_id: str) -> list[str]:
        raise NotImplementedError

    def _change(self, label: str, ops: list[Op]) -> None:
        raise NotImplementedError

    # -- the classifier ----------------------------------------------------------------------------

    def type_classifier(self) -> TypeClassifier:
        """The activity-type classifier, up to date with every record in the store."""
        taxonomy = self.taxonomy
        if self._classifier is None or self._classifier.taxonomy is not taxonomy:
            self._classifier = TypeClassifier(taxonomy)
            self._classifier_seq = -1
        if self._classifier_seq != self.annotations.seq:
            self._classifier.learn(self.annotations.values("records"))
            self._classifier_seq = self.annotations.seq
        return self._classifier

    def drafting_taxonomy(self, without: Iterable[ActivityRecord] = ()) -> Taxonomy:
        """The taxonomy the pre-fill drafts with: the conventions the store's taxonomy.toml does not
        settle follow what this reviewer's records do once they decide it, else what every reviewer's
        do (``store.conventions.learned_how``), up to date with every record; ``without`` records left
        out (another reviewer's of the article drafted: double coding stays independent, as
        ``own_coding`` keeps the classifier)."""
        base = self._drafting_all()
        left_out = list(without)
        if not left_out or self._tally is None:
            return base
        counts = self._tally.counts()
        for record in left_out:
            for name, reading in record_votes(record).items():
                counts[name][reading] -= 1
        taxonomy = self.taxonomy
        own = self._tally.counts(self.reviewer)
        conventions = learned(counts, taxonomy.settled, taxonomy.conventions, own)
        if conventions == base.conventions:
            return base
        return dataclasses.replace(taxonomy, conventions=conventions)

    def _drafting_all(self) -> Taxonomy:
        taxonomy = self.taxonomy
        if self._drafting_seq != self.annotations.seq or self._drafting is None or (
                self._drafting_base is not taxonomy) or self._drafting_for != self.reviewer:
            if self._tally is None:
                self._tally = Tally()
            self._tally.update(self.annotations.values("records"))
            conventions = learned(self._tally.counts(), taxonomy.settled, taxonomy.conventions,
                                  self._tally.counts(self.reviewer))
            self._drafting = taxonomy if conventions == taxonomy.conventions else dataclasses.replace(
                taxonomy, conventions=conventions)
            self._drafting_base, self._drafting_seq = taxonomy, self.annotations.seq
            self._drafting_for = self.reviewer
        return self._drafting

    def conventions_in_use(self) -> dict[str, dict[str, Any]]:
        """Each coding convention the pre-fill drafts with: its reading, how it was chosen ("settled" by
        the store's taxonomy.toml, "learned" from the records, or the "default"), whose records decided it
        when learned ("from": "yours", this reviewer's, or "team", every reviewer's), and how many records
        decided each reading, every reviewer's and this reviewer's (shown by ``tandai stats``, so a reviewer
        sees why drafts read as they do)."""
        taxonomy = self.taxonomy
        self._drafting_all()
        assert self._tally is not None
        team, yours = self._tally.counts(), self._tally.counts(self.reviewer)
        out: dict[str, dict[str, Any]] = {}
        for name, (reading, how) in learned_how(team, taxonomy.settled, taxonomy.conventions, yours).items():
            out[name] = {"reading": reading, "how": "learned" if how in ("yours", "team") else how,
                         "records": dict(team.get(name, {})), "yours": dict(yours.get(name, {}))}
            if how in ("yours", "team"):
                out[name]["from"] = how
        return out

    # -- suggestions -------------------------------------------------------------------------------

    def _rejections(self, article_id: str) -> dict[str, str]:
        """This reviewer's rejected suggestion keys of the article, with their table keys."""
        prefix = f"{article_id}\x1f"
        return {v["key"]: k for k, v in self.annotations.tables["rejections"].items()
                if k.startswith(prefix) and v.get("reviewer") == self.reviewer}

    def _rejected(self, article_id: str) -> set[str]:
        return set(self._rejections(article_id))

    def own_coding(self, article_id: str) -> tuple[list[ActivityRecord], TypeClassifier]:
        """This reviewer's records of the article, and the classifier without the other reviewers'
        records of it: what the pre-fill and the suggestions may build on when reviewers code the
        article independently (double coding)."""
        mine, others = self._mine_and_others(article_id)
        return mine, self.type_classifier().without(r.id for r in others)

    def _mine_and_others(self, article_id: str) -> tuple[list[ActivityRecord], list[ActivityRecord]]:
        """The article's records: this reviewer's, and the other reviewers'."""
        mine: list[ActivityRecord] = []
        others: list[ActivityRecord] = []
        for r in self.records(article_id):
            (mine if r.reviewer == self.reviewer else others).append(r)
        return mine, others

    def _coded_sources(self, article: Article) -> list[tuple[str, str]]:
        """(article id, "copy"|"story") of coded articles this one copies or rewrites."""
        out: list[tuple[str, str]] = []
        if article.duplicate_of:
            out.append((article.duplicate_of, "copy"))
        for other in self.duplicates_of(article.id):
            out.append((other, "copy"))
        story = [x for x in getattr(article, "same_story", None) or [] if isinstance(x, str)]
        for owner in (self, getattr(self, "index", None)):  # both directions, where the store has them
            method = getattr(owner, "same_story", None)
            if callable(method):
                try:
                    story += [x for x in method(article.id) or [] if isinstance(x, str)]
                except (StoreError, LookupError, ValueError, TypeError, OSError):
                    pass
                break
        out += [(other, "story") for other in story]
        unique: dict[str, str] = {}
        for other, kind in out:
            if other != article.id and other not in unique and self.annotations.record_count(other):
                unique[other] = kind
        return list(unique.items())

    def suggestions(self, article_id: str) -> list[dict[str, Any]]:
        """Records proposed for the article, best first: each has the fields of ``draft_record``
        plus ``key`` (its id within the article), ``score`` (0..1) and ``source`` ("rules",
        "learned", "copy:<id>" or "story:<id>"). Sentences one of this reviewer's records already
        has as its evidence, and ones this reviewer rejected, are left out; other reviewers'
        records and rejections of the article neither hide nor shape them (``own_coding``)."""
        check_id("article", article_id)
        article = self.article(article_id)
        saved, clf = self.own_coding(article_id)
        drafting = self.drafting_taxonomy(without=self._mine_and_others(article_id)[1])
        covered = [(s.start, s.end) for r in saved for s in r.evidence]
        rejected = self._rejected(article_id)

        def free(start: int, end: int) -> bool:
            return not any(s < end and start < e for s, e in covered)

        def coded(start: int, end: int) -> bool:  # a clause: coded when a record's evidence lies in it
            return any(start <= s and e <= end for s, e in covered)

        out: list[dict[str, Any]] = []
        taken: set[str] = set()

        def guess(sentence: str) -> str:
            return clf.guess(sentence)[0]

        for source_id, kind in self._coded_sources(article):
            for fields in carried(article, source_id, kind, self.records(source_id), guess):
                ev = fields["evidence"][0]
                key = span_key(ev["start"], ev["end"])
                if key in rejected or key in taken or not free(ev["start"], ev["end"]):
                    continue
                taken.add(key)
                out.append({**fields, "key": key})
        if not out:
            source = "learned" if clf.learned else "rules"
            for cand in candidates(article, clf):
                # a figure split by unit ("..., sedangkan Polsek Kejajar mengerahkan 18 personel"): the
                # sentence's record is its first clause's, each further clause is a record of its own
                parts = clauses(article, cand.start, cand.end)
                spans = [(cand.start, cand.end, cand.score)]
                spans += [(s, e, round(cand.score * CLAUSE_SCORE, 3)) for s, e in parts[1:]]
                for i, (start, end, score) in enumerate(spans):
                    key = span_key(start, end)
                    if key in rejected or (not free(start, end) if i == 0 else coded(start, end)):
                        continue
                    fields = prefill(article, start, end, drafting, saved, classifier=clf)
                    out.append({**fields, "key": key, "score": score, "source": source})
        out.sort(key=lambda s: (-s["score"], s["evidence"][0]["start"]))
        return out

    def _suggestion(self, article_id: str, key: str) -> dict[str, Any]:
        check_id("article", article_id)
        check_text("the suggestion key", key, max_len=200)
        for s in self.suggestions(article_id):
            if s["key"] == key:
                return s
        if key in self._rejected(article_id):
            raise NotFound(f"suggestion {key!r} of article {article_id!r} was rejected")
        raise NotFound(f"no suggestion {key!r} for article {article_id!r}")

    def accept_suggestion(self, article_id: str, key: str, **edits: Any) -> ActivityRecord:
        """Save the suggestion as a record, its fields overridden by ``edits`` (one undoable change)."""
        fields = {k: v for k, v in self._suggestion(article_id, key).items()
                  if k not in ("key", "score", "source")}
        fields.update(edits)
        return self.add_record(article_id, **fields)

    def reject_suggestion(self, article_id: str, key: str) -> None:
        """Never propose this suggestion to this reviewer again (journalled, undoable)."""
        suggestion = self._suggestion(article_id, key)
        self._change(f"reject suggestion {suggestion['type'] or 'record'}", [Put(
            "rejections", rejection_key(article_id, key, self.reviewer),
            {"id": uuid.uuid4().hex[:16], "article_id": article_id, "key": key,
             "reviewer": self.reviewer, "created": now_iso()})])

    def rejected_suggestions(self, article_id: str) -> list[str]:
        """Keys of the article's suggestions this reviewer rejected."""
        check_id("article", article_id)
        return sorted(self._rejected(article_id))

    def unreject_suggestion(self, article_id: str, key: str) -> None:
        """Offer a rejected suggestion again (the reverse of ``reject_suggestion``)."""
        check_id("article", article_id)
        check_text("the suggestion key", key, max_len=200)
        table_key = self._rejections(article_id).get(key)
        if table_key is None:
            raise NotFound(f"suggestion {key!r} of article {article_id!r} is not rejected")
        self._change("unreject suggestion", [Delete("rejections", table_key)])

    # -- completions -------------------------------------------------------------------------------

    def completions(self, article_id: str, field: str, near: int | None = None) -> list[str]:
        """What to offer while a reviewer types a record's ``field`` (location, partners or unit):
        what the article contains first (its places, or its units and bodies; nearest the
        character offset ``near``, the record's sentence, else in text order), then what this
        store's records used before (most used first). See ``store.suggest.completions``."""
        check_id("article", article_id)
        check_text("the field", field, max_len=40)
        if field not in COMPLETION_FIELDS:
            raise InvalidArgument(f"no completions for {field!r} (only {', '.join(COMPLETION_FIELDS)})")
        if near is not None and (not isinstance(near, int) or isinstance(near, bool) or near < 0):
            raise InvalidArgument(f"near must be a character offset (a whole number >= 0), not {near!r}")
        return completions.ranked(self.article(article_id), self.annotations.values("records"), field, near)
