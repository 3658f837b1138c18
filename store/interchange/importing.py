"""Pre-annotated texts from other tools into a store: Prodigy, doccano, Label Studio, brat, CoNLL.

Each text becomes an article (its id made from its text as ingest makes it, so importing twice,
or importing what was ingested, adds nothing); its entity spans become the annotator's
corrections (``Store.correct_entities``, one change a text): spans the file has are added or
relabelled, and the recogniser's entities the file does not have are removed, so the article's
entities are the file's. Annotator names (Prodigy ``_annotator_id``, Label Studio
``completed_by``, doccano and brat reviewer fields) become reviewers; statuses and brat's
activity records come along where the file has them.

Nothing is half-imported: a file is read and every row checked first (a malformed row is
skipped with its line number and reason, never partly used), then the good rows are written,
one article's changes at a time with Ctrl-C held off.

Over 400 lines, for now: five readers (about 80 lines each) feed one check-then-write pipeline
whose checks every reader uses; a split into one module per reader is the cut to make when a
sixth format comes.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from store import ingest as ingest_engine
from store.check.annotations import stamp_problem
from store.coding import span_test
from store.disk.corpus import SHARD_SIZE, now_iso
from store.errors import NotFound, Stopped, StoreError
from store.history import Put
from store.interchange.brat import fragments
from store.interchange.doccano import UTF16, from_utf16
from store.interchange.labelstudio import MODEL_VERSION
from store.interchange.prodigy import STATUS_OF_ANSWER
from store.interchange.roles import ROLES
from store.model import STATUSES, ActivityRecord, Article, check_reviewer
from store.records import validate
from store.sources.decode import decode_bytes, normalise_newlines
from store.sources.formats import RawDoc
from store.sources.walk import link_out_of

if TYPE_CHECKING:
    from store.store import Store

FORMATS = ("prodigy", "doccano", "labelstudio", "brat", "conll")
MAX_FILE = 1 << 30


class Bad(Exception):
    """A row that cannot be imported; the message says why."""


@dataclass(slots=True)
class Doc:
    """One annotated text as a file gave it, checked."""

    where: str
    text: str
    spans: list[tuple[int, int, Any]]  # the label is checked by ``check``
    reviewer: str | None = None
    status: str | None = None
    statuses: dict[str, str] = field(default_factory=dict)
    meta: dict[str, str | None] = field(default_factory=dict)
    records: list[dict[str, Any]] = field(default_factory=list)
    spans_known: bool = True  # False: the file says nothing about entities (a rejected task)
    # a binary Prodigy task (``ner.teach``): "accept", its spans are entities; "reject", they are
    # not entities of that label. Nothing about the text's other entities (``spans_known`` False)
    binary: str | None = None
    notes: list[str] = field(default_factory=list)  # how the file was read, for the report


@dataclass(slots=True)
class ImportReport:
    """What an import did, and each skipped row with its reason."""

    docs: int = 0
    added: int = 0
    present: int = 0
    corrections: int = 0
    statuses: int = 0
    records: int = 0
    reviewers: set[str] = field(default_factory=set)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)  # how rows were read (UTF-16 offsets)
    verdict: str = ""
    interrupted: bool = False

    def summary(self) -> str:
        return (f"{self.docs} texts: {self.added} articles added, {self.present} already present, "
                f"{self.corrections} entity corrections, {self.statuses} statuses, {self.records} records, "
                f"{len(self.skipped)} skipped" + (f", {len(self.notes)} notes" if self.notes else ""))


# -- reading ------------------------------------------------------------------------------------

def _read_text(path: Path, may_be_empty: bool = False) -> str:
    """A file's text; ``may_be_empty``: a file with nothing in it is "" (a brat ``.ann`` of an article
    without entities, as tandai's own brat export writes it), not an error."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE:
            raise StoreError(f"{path} is larger than 1 GiB")
        data = path.read_bytes()
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if may_be_empty and not data.strip():
        return ""
    try:
        text, _enc = decode_bytes(data, path.name)
    except StoreError as exc:
        raise StoreError(f"{path}: {exc}") from exc
    return text


def _int(value: Any, name: str) -> int:
    if type(value) is not int or value < 0:
        raise Bad(f"{name} is not a whole number ({value!r})")
    return value


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _meta(d: dict[str, Any]) -> dict[str, str | None]:
    return {k: _str(d.get(k)) for k in ("title", "outlet", "url", "published")}


def _status(value: Any, name: str = "status") -> str | None:
    """A status the file gives (None: it gives none); any other value makes the row Bad, as a bad
    span does, rather than being dropped without a word."""
    if value is None:
        return None
    if value in STATUSES:
        return str(value)
    raise Bad(f"{name} {value!r:.60} is not a status ({', '.join(STATUSES)})")


def _statuses(value: Any) -> dict[str, str]:
    """Every reviewer's status as tandai's exports list them; a reviewer name is checked as
    everywhere else (``check_reviewer``: merge refuses the same names)."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise Bad("statuses is not an object of reviewer: status")
    out: dict[str, str] = {}
    for who, status in value.items():
        try:
            name = check_reviewer(who)
        except StoreError as exc:
            raise Bad(f"statuses: {exc}") from exc
        if status is not None:
            out[name] = str(_status(status, f"statuses: {name}'s status"))
    return out


def _objects(path: Path) -> Iterator[tuple[str, dict[str, Any] | Bad]]:
    """Each JSON object line of a JSONL file with where it is, or why that line is no object."""
    for n, line in enumerate(_read_text(path).split("\n"), 1):
        if not line.strip():
            continue
        try:
            row = orjson.loads(line)
        except orjson.JSONDecodeError:
            yield f"line {n}", Bad("invalid JSON")
            continue
        yield f"line {n}", row if isinstance(row, dict) else Bad("not a JSON object")


#: Prodigy views whose spans are all of the text's entities, and the binary one (one suggestion
#: accepted or rejected: ``ner.teach``, ``ner.match``)
MANUAL_VIEWS = ("ner_manual", "spans_manual")
BINARY_VIEW = "ner"


def _prodigy_spans(row: dict[str, Any], view: Any) -> list[tuple[int, int, Any]]:
    """The task's spans; a task with no ``spans`` list (text classification, choice, a doccano file
    read as Prodigy) or from a view tandai cannot read says nothing about entities: Bad."""
    if not isinstance(row.get("spans"), list):
        kind = f"a {view!r} task" if isinstance(view, str) else "a task"
        raise Bad(f"{kind} without a spans list says nothing about entities")
    if view is not None and view not in (*MANUAL_VIEWS, BINARY_VIEW):
        raise Bad(f"a {view!r:.40} task: tandai reads ner_manual, spans_manual and binary ner tasks")
    spans = []
    for s in row["spans"]:
        if not isinstance(s, dict):
            raise Bad("a span is not an object")
        spans.append((_int(s.get("start"), "a span's start"), _int(s.get("end"), "a span's end"),
                      s.get("label")))
    return spans


def _prodigy(row: dict[str, Any], where: str) -> Doc:
    """A task: a manual one's spans (``ner_manual``, ``spans_manual``, or no ``_view_id`` as in a
    hand-made file) are all of the text's entities; a binary one's (``_view_id`` "ner") only say
    that span is (accept) or is not (reject) an entity, and set no status."""
    if not isinstance(row.get("text"), str):
        raise Bad("not a task with a text")
    view = row.get("_view_id")
    spans = _prodigy_spans(row, view)
    meta: dict[str, Any] = row["meta"] if isinstance(row.get("meta"), dict) else {}
    answer: Any = row.get("answer")
    if answer is not None and answer not in STATUS_OF_ANSWER:
        raise Bad(f"answer {answer!r:.60} is not one of {', '.join(STATUS_OF_ANSWER)}")
    own = _status(meta.get("status"), "meta.status")
    reviewer = _str(row.get("_annotator_id")) or _str(row.get("_session_id"))
    if view == BINARY_VIEW and own is None:
        if answer == "reject" and len(spans) > 1:
            raise Bad(f"a rejected binary task with {len(spans)} spans does not say which is wrong")
        binary = answer if answer in ("accept", "reject") else None
        return Doc(where, row["text"], spans if binary else [], reviewer, None, {}, _meta(meta),
                   spans_known=False, binary=binary)
    status = own or STATUS_OF_ANSWER.get(answer)
    # a rejected or ignored task says nothing about its entities, unless tandai wrote it
    known = answer in (None, "accept") or own is not None
    return Doc(where, row["text"], spans if known else [], reviewer, status,
               _statuses(meta.get("statuses")), _meta(meta), spans_known=known)


def _doccano_spans(row: dict[str, Any]) -> list[tuple[int, int, Any]] | None:
    """The row's spans; None when it has no span key (then it says nothing about entities). A
    row with both ``entities`` (the relation shape) and ``label`` gives the one that holds spans
    (Bad when both do and they differ); doccano 1.x ``annotations`` (label ids, not names) and a
    text classification ``label`` (a list of categories) are Bad."""
    found: dict[str, list[tuple[int, int, Any]]] = {}
    if "entities" in row:
        if not isinstance(row["entities"], list):
            raise Bad("entities is not a list")
        spans = []
        for e in row["entities"]:
            if not isinstance(e, dict):
                raise Bad("an entity is not an object")
            spans.append((_int(e.get("start_offset"), "start_offset"),
                          _int(e.get("end_offset"), "end_offset"), e.get("label")))
        found["entities"] = spans
    for key in ("label", "labels"):
        if key not in row:
            continue
        labels = row[key]
        if not isinstance(labels, list):
            raise Bad(f"{key} is not a list")
        if labels and all(isinstance(item, str) for item in labels):
            raise Bad(f"{key} is a list of categories (text classification): nothing about entities")
        spans = []
        for item in labels:
            if not isinstance(item, list) or len(item) != 3:
                raise Bad(f"a {key} item is not [start, end, LABEL]")
            spans.append((_int(item[0], "a label's start"), _int(item[1], "a label's end"), item[2]))
        found[key] = spans
    if not found and "annotations" in row:
        raise Bad("doccano 1.x annotations (label ids, no label names) are not read: "
                  "export the project again from a current doccano")
    if not found:
        return None
    holding = {k: v for k, v in found.items() if v}
    if len({tuple(sorted(v, key=repr)) for v in holding.values()}) > 1:
        raise Bad(f"{' and '.join(holding)} both hold spans, and they differ")
    return next(iter(holding.values()), [])


def _on_word_edges(text: str, start: int, end: int) -> bool:
    """Whether a span starts and ends where words do (not inside one, not on whitespace)."""
    if not 0 <= start < end <= len(text):
        return False
    piece = text[start:end]
    return (piece == piece.strip()
            and not (start > 0 and text[start - 1].isalnum() and text[start].isalnum())
            and not (end < len(text) and text[end - 1].isalnum() and text[end].isalnum()))


def _utf16_spans(text: str, spans: list[tuple[int, int, Any]]) -> list[tuple[int, int, Any]] | None:
    """The spans with UTF-16 offsets read as code points; None when one falls inside a character."""
    convert = from_utf16(text)
    out = []
    for s, e, label in spans:
        cs, ce = convert(s), convert(e)
        if cs is None or ce is None:
            return None
        out.append((cs, ce, label))
    return out


def _doccano_offsets(row: dict[str, Any], text: str, spans: list[tuple[int, int, Any]],
                     notes: list[str]) -> list[tuple[int, int, Any]]:
    """doccano counts offsets in UTF-16 units (its front end slices JavaScript strings; doccano
    issue #2290), a Python tool in code points: they differ after an emoji. A row that says
    (``offsets``, as tandai writes) is read so; any other by the reading that puts more spans on
    word edges, doccano's on a tie."""
    u16 = _utf16_spans(text, spans)
    if u16 == spans:
        return spans
    declared = row.get("offsets")
    if declared == UTF16:
        if u16 is None:
            raise Bad("a span's UTF-16 offsets fall inside a character")
        return u16
    if declared is not None:
        raise Bad(f"offsets {declared!r:.40} is not {UTF16!r} (the only count tandai writes)")

    def fit(spans: list[tuple[int, int, Any]]) -> int:
        return sum(_on_word_edges(text, s, e) for s, e, _ in spans)

    if u16 is None or fit(spans) > fit(u16):
        return spans
    notes.append("offsets read as UTF-16 units (doccano's count)")
    return u16


def _doccano(row: dict[str, Any], where: str) -> Doc:
    text = row.get("text", row.get("data"))
    if not isinstance(text, str):
        raise Bad("no text")
    spans = _doccano_spans(row)
    notes: list[str] = []
    if spans:
        spans = _doccano_offsets(row, text, spans, notes)
    reviewer = _str(row.get("reviewer")) or _str(row.get("annotator")) or _str(row.get("user"))
    status = _status(row.get("status"))
    return Doc(where, text, spans or [], reviewer, status, _statuses(row.get("statuses")), _meta(row),
               spans_known=spans is not None, notes=notes)


def _read_jsonl(path: Path, make: Callable[[dict[str, Any], str], Doc]) -> Iterator[Doc | tuple[str, str]]:
    for where, row in _objects(path):
        try:
            if isinstance(row, Bad):
                raise row
            yield make(row, where)
        except Bad as exc:
            yield where, str(exc)


def _dataset_prefix(sessions: set[str], stem: str) -> str:
    """The ``<dataset>-`` before every session id of a Prodigy file ("" when it is not known):
    the file's name when every session id starts with it (``prodigy db-out NAME > NAME.jsonl``),
    else, for two sessions or more, what they share up to its last ``-``."""
    if sessions and all(s.startswith(f"{stem}-") and len(s) > len(stem) + 1 for s in sessions):
        return f"{stem}-"
    if len(sessions) >= 2:
        first, last = min(sessions), max(sessions)  # what all share, these two share
        same = next((i for i, (a, b) in enumerate(zip(first, last, strict=False)) if a != b), len(first))
        cut = first[:same].rfind("-") + 1
        if cut > 1 and all(len(s) > cut for s in sessions):
            return first[:cut]
    return ""


def read_prodigy(path: Path) -> Iterator[Doc | tuple[str, str]]:
    """The tasks; Prodigy names a session ``<dataset>-<session>`` (``_session_id`` and
    ``_annotator_id``), so where the file shows the dataset part (``_dataset_prefix``) the session
    part is the reviewer: the same person in every dataset, and tandai's own name for them.
    tandai's own tasks (``meta.article_id``) keep their names."""
    got: list[Doc | tuple[str, str]] = []
    session_of: dict[int, str] = {}  # where in ``got``: the session id of another tool's task
    for where, row in _objects(path):
        try:
            if isinstance(row, Bad):
                raise row
            doc = _prodigy(row, where)
        except Bad as exc:
            got.append((where, str(exc)))
            continue
        session, meta = _str(row.get("_session_id")), row.get("meta")
        if session and not (isinstance(meta, dict) and "article_id" in meta):
            session_of[len(got)] = session
        got.append(doc)
    prefix = _dataset_prefix(set(session_of.values()), path.stem)
    for i, session in session_of.items() if prefix else ():
        named = got[i]
        if isinstance(named, Doc):
            named.reviewer = session[len(prefix):]
    yield from got


def read_doccano(path: Path) -> Iterator[Doc | tuple[str, str]]:
    return _read_jsonl(path, _doccano)


def _ls_user(who: Any) -> str | None:
    """A Label Studio user as a reviewer name: its email or username, or ``labelstudio-user-N``."""
    if isinstance(who, dict):
        return _str(who.get("email")) or _str(who.get("username")) or (
            f"labelstudio-user-{who['id']}" if isinstance(who.get("id"), int) else None)
    if isinstance(who, int) and not isinstance(who, bool):
        return f"labelstudio-user-{who}"
    return _str(who)


def _ls_annotator(ann: dict[str, Any], data: dict[str, Any]) -> str | None:
    return _ls_user(ann.get("completed_by")) or _str(data.get("reviewer"))


def _ls_spans(result: Any, text: str, data: dict[str, Any],
              skipped: list[str], notes: list[str]) -> list[tuple[int, int, Any]]:
    """The ``labels`` regions on the text; a region on another field of the task (``to_name``
    naming one, as ``title``) is not read and said so in ``skipped``. A region's offsets are
    checked against its ``value.text``: they fit as code points, or as UTF-16 units (a JavaScript
    count, said in ``notes``), or the annotation is Bad."""
    if not isinstance(result, list):
        raise Bad("result is not a list")
    spans = []
    utf16 = 0
    convert: Callable[[int], int | None] | None = None
    for r in result:
        if not isinstance(r, dict):
            raise Bad("a result is not an object")
        if r.get("type") not in (None, "labels"):
            continue  # relations, choices …: not entities
        value = r.get("value", r)
        if not isinstance(value, dict) or not isinstance(value.get("labels"), list) or not value["labels"]:
            raise Bad("a labels result has no value.labels")
        field = r.get("to_name")
        if isinstance(field, str) and field != "text" and isinstance(data.get(field), str):
            skipped.append(f"a region on {field!r:.40}, not on the text, not read")
            continue
        s, e = _int(value.get("start"), "value.start"), _int(value.get("end"), "value.end")
        shown = value.get("text")
        if isinstance(shown, str) and text[s:e] != shown:
            convert = convert or from_utf16(text)
            cs, ce = convert(s), convert(e)
            if cs is None or ce is None or text[cs:ce] != shown:
                raise Bad(f"a region's text {shown!r:.40} is not at {s}-{e} ({text[s:e]!r:.40} there), "
                          "counted in code points or in UTF-16 units")
            s, e = cs, ce
            utf16 += 1
        spans.append((s, e, value["labels"][0]))
    if utf16:
        notes.append(f"{utf16} region(s) read as UTF-16 offsets (their text is there)")
    return spans


def _ls_predictions(task: dict[str, Any]) -> list[Any]:
    preds = task.get("predictions")
    return [p for p in preds if isinstance(p, dict) and p.get("result")] if isinstance(preds, list) else []


def _ls_task(task: Any, where: str) -> Iterator[Doc | tuple[str, str]]:
    """One task's annotations, each an annotator's Doc. A submitted one is that annotator's
    status done, a cancelled one (Label Studio's Skip) skipped, unless the file carries tandai's
    statuses. tandai's own predictions (``model_version`` "tandai") are its entities; another
    model's predictions and drafts are no annotator's finished work: reported, not read."""
    if not isinstance(task, dict):
        raise Bad("not a task object")
    data: dict[str, Any] = task["data"] if isinstance(task.get("data"), dict) else task  # JSON-MIN
    text = data.get("text")
    if not isinstance(text, str):
        raise Bad("no data.text")
    status = _status(data.get("status"), "data.status")
    statuses = _statuses(data.get("statuses"))
    own = status is not None or bool(statuses)
    anns = task.get("annotations", task.get("completions"))
    if anns is None and isinstance(task.get("label"), list):  # JSON-MIN
        anns = [{"result": task["label"], "completed_by": task.get("annotator")}]
    if anns is None:
        anns = []
    if not isinstance(anns, list):
        raise Bad("annotations is not a list")
    preds = _ls_predictions(task)
    if not anns and preds and all(p.get("model_version") == MODEL_VERSION for p in preds):
        anns = preds[:1]  # tandai's own export of an article nobody finished
        preds = []
    docs: list[Doc] = []
    bad = False
    for ann in anns:
        if not isinstance(ann, dict):
            raise Bad("an annotation is not an object")
        who = _ls_annotator(ann, data)
        # submitted: done; cancelled (Skip): skipped; beside tandai's statuses when the file has
        # them (a tandai export annotated in Label Studio), for a Label Studio user they do not name
        mark = "skipped" if ann.get("was_cancelled") else "done"
        user = _ls_user(ann.get("completed_by"))
        ann_status, ann_statuses = (status, statuses) if own else (mark, {})
        if own and user is not None and user not in statuses:
            ann_statuses = {**statuses, user: mark}
        if ann.get("was_cancelled"):
            docs.append(Doc(where, text, [], who, ann_status, ann_statuses, _meta(data), spans_known=False))
            continue
        skipped: list[str] = []
        notes: list[str] = []
        try:
            spans = _ls_spans(ann.get("result"), text, data, skipped, notes)
        except Bad as exc:
            bad = True
            yield where, f"{who or 'an annotation'}: {exc}; not imported"
            continue
        yield from ((where, f"{who or 'an annotation'}: {why}") for why in skipped)
        docs.append(Doc(where, text, spans, who, ann_status, ann_statuses, _meta(data), notes=notes))
    if preds and not any(d.spans_known for d in docs):
        yield where, f"{len(preds)} prediction(s), a model's suggestions and no annotator's work, not read"
    drafts = task.get("drafts")
    for draft in drafts if isinstance(drafts, list) else []:
        if isinstance(draft, dict) and draft.get("result"):
            who = _ls_user(draft.get("user")) or _ls_user(draft.get("completed_by")) or "someone"
            yield where, f"a draft by {who} (not submitted) not read"
    if not docs and not bad:  # the text alone, and tandai's statuses where the file has them
        docs.append(Doc(where, text, [], _str(data.get("reviewer")), status, statuses, _meta(data),
                        spans_known=False))
    yield from docs


def read_labelstudio(path: Path) -> Iterator[Doc | tuple[str, str]]:
    try:
        tasks = orjson.loads(_read_text(path))
    except orjson.JSONDecodeError as exc:
        raise StoreError(f"{path} is not JSON ({str(exc).split(':')[0]})") from exc
    if isinstance(tasks, dict):
        tasks = [tasks]
    if not isinstance(tasks, list):
        raise StoreError(f"{path} is not a list of Label Studio tasks")
    for n, task in enumerate(tasks, 1):
        where = f"task {n}"
        got: list[Doc | tuple[str, str]] = []
        try:
            got = list(_ls_task(task, where))
        except Bad as exc:
            yield where, str(exc)
            continue
        yield from got


_T = re.compile(r"^(T\d+)\t(\S+) ([0-9 ;]+)\t(.*)$")
_E = re.compile(r"^(E\d+)\t(\S+):(T\d+)((?: \S+:[TE]\d+)*)\s*$")
# brat's usual binary attributes saying an event did not happen (or may not have): no record
_NOT_AN_EVENT = ("Negation", "Speculation")
_UNUSED = {"R": "relation", "N": "normalization", "*": "equivalence", "A": "attribute", "M": "attribute",
           "#": "note", "?": "line of another kind"}


@dataclass(slots=True)
class _BratLines:
    """What one ``.ann`` file's lines say, before they are checked against the text."""

    tlines: dict[str, tuple[int, str, list[tuple[int, int]], str]] = field(default_factory=dict)
    events: dict[str, dict[str, Any]] = field(default_factory=dict)
    phase: dict[str, str] = field(default_factory=dict)
    marked: dict[str, tuple[str, int]] = field(default_factory=dict)  # event id → (Negation, line)
    notes: dict[str, dict[str, Any]] = field(default_factory=dict)
    unused: dict[str, list[int]] = field(default_factory=dict)  # kind → line numbers
    unusable: list[str] = field(default_factory=list)  # T lines that are no entity tandai can hold
    skipped: list[tuple[str, str]] = field(default_factory=list)


def _brat_text(path: Path) -> tuple[str, str]:
    """The ``.txt`` as brat counts it (UTF-8 as stored: a ``\\r`` or a byte-order mark is a character
    of its own) and as tandai stores it (``_read_text``: line ends ``\\n``, NFC)."""
    clean = _read_text(path)
    try:
        return path.read_bytes().decode("utf-8"), clean
    except (OSError, UnicodeDecodeError):  # not brat's UTF-8: offsets are taken as tandai's
        return clean, clean


def _moved(raw: str, clean: str, offsets: set[int]) -> Callable[[int], int]:
    """brat's offsets into the raw text moved into the clean one (CRLF and CR become one ``\\n``,
    the byte-order mark goes, NFC), as ``_newlines`` moves the JSON formats' offsets; Bad when an
    offset falls inside what changed (between ``\\r`` and ``\\n``)."""
    if raw == clean:
        return int
    cuts = sorted(offsets | {0, len(raw)})
    at: dict[int, int] = {}
    pieces: list[str] = []
    pos = 0
    for a, b in pairwise(cuts):
        at[a] = pos
        piece = raw[a:b].removeprefix("\ufeff") if a == 0 else raw[a:b]
        piece = unicodedata.normalize("NFC", normalise_newlines(piece))
        pieces.append(piece)
        pos += len(piece)
    at[len(raw)] = pos
    if "".join(pieces) != clean:
        raise Bad("an offset falls inside a line end (\\r\\n) or a character the text spells in two "
                  "code points; its spans cannot be moved to the text tandai keeps")
    return at.__getitem__


def _brat_t_line(line: str, raw: str, n: int, got: _BratLines) -> None:
    m = _T.match(line)
    if not m:
        got.unusable.append(line.split("\t", 1)[0][:20])
        raise Bad("not a T line (T1<TAB>TYPE start end<TAB>text)")
    tid, kind, offsets, shown = m.groups()
    frags = []
    for frag in offsets.split(";"):
        parts = frag.split()
        if len(parts) != 2:
            got.unusable.append(tid)
            raise Bad(f"{tid}: bad offsets")
        s, e = int(parts[0]), int(parts[1])
        if not 0 <= s < e <= len(raw):
            got.unusable.append(tid)
            raise Bad(f"{tid}: offsets {s}-{e} lie outside the text")
        frags.append((s, e))
    joined = " ".join(raw[s:e] for s, e in frags)
    if joined != shown and unicodedata.normalize("NFC", joined) != shown:
        got.unusable.append(tid)
        raise Bad(f"{tid}: the text does not match its offsets")
    frags.sort()
    if any(e > s for (_, e), (s, _) in pairwise(frags)):
        got.unusable.append(tid)
        raise Bad(f"{tid}: its pieces overlap")
    got.tlines[tid] = (n, kind, frags, shown)


def _brat_other_line(line: str, n: int, got: _BratLines) -> None:
    """A, M, # and the lines tandai does not read (counted in ``unused``)."""
    head = line[:1]
    used = False
    if head in ("A", "M"):
        parts = line.split("\t", 1)[-1].split()
        if len(parts) == 3 and parts[0] == "Phase" and parts[1].startswith("E"):
            got.phase[parts[1]] = parts[2]
            used = True
        elif len(parts) >= 2 and parts[0] in _NOT_AN_EVENT and parts[1].startswith("E"):
            got.marked.setdefault(parts[1], (parts[0], n))
            used = True
    elif head == "#":
        parts = line.split("\t", 2)
        target = parts[1].split() if len(parts) == 3 else []
        if len(target) == 2 and target[0] == "AnnotatorNotes" and target[1].startswith("E"):
            try:
                value = orjson.loads(parts[2])
            except orjson.JSONDecodeError:
                value = {"notes": parts[2]}
            got.notes[target[1]] = value if isinstance(value, dict) else {"notes": parts[2]}
            used = True
    if not used:
        got.unused.setdefault(head if head in _UNUSED else "?", []).append(n)


def _brat_lines(ann: str, raw: str, where: str) -> _BratLines:
    got = _BratLines()
    for n, line in enumerate(ann.split("\n"), 1):
        if not line.strip():
            continue
        try:
            if line.startswith("T"):
                _brat_t_line(line, raw, n, got)
            elif line.startswith("E"):
                m = _E.match(line)
                if not m:
                    raise Bad("not an E line (E1<TAB>TYPE:T1 Role:T2 …)")
                eid, kind, trig, rest = m.groups()
                args = [a.split(":", 1) for a in rest.split()]
                got.events[eid] = {"type": kind, "trigger": trig, "args": args, "line": n}
            else:
                _brat_other_line(line, n, got)
        except (Bad, ValueError) as exc:
            got.skipped.append((f"{where} line {n}", str(exc)))
    return got


def _unused_report(unused: dict[str, list[int]]) -> str:
    """"3 brat lines not used: relation (R) on line 7, …": what tandai has no place for, counted."""
    parts = []
    for head, lines in unused.items():
        at = ", ".join(map(str, lines[:5])) + (", …" if len(lines) > 5 else "")
        kind = _UNUSED[head] + ("" if head == "?" else f" ({head})")
        parts.append(f"{kind} on line{'s' if len(lines) > 1 else ''} {at}")
    count = sum(map(len, unused.values()))
    return f"{count} brat line{'s' if count > 1 else ''} not used: " + "; ".join(parts)


def _longest_first(cands: list[tuple[int, int, str, str, int]], where: str,
                   skipped: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """brat lets entities overlap (tandai's annotation.conf says so); tandai's do not: of an
    overlapping group the longest is kept, as the token exports keep it, and each other is named."""
    kept: list[tuple[int, int, str, str, int]] = []
    for c in sorted(cands, key=lambda c: (c[0] - c[1], c[0], c[4])):
        other = next((k for k in kept if k[0] < c[1] and c[0] < k[1]), None)
        if other is None:
            kept.append(c)
        else:
            skipped.append((f"{where} line {c[4]}", f"{c[3]} ({c[2]}) overlaps {other[3]} ({other[2]}), "
                            "which is longer and kept (tandai's entities do not overlap)"))
    return sorted((s, e, label) for s, e, label, _, _ in kept)


def _brat_doc(ann_path: Path, txt_path: Path, taxonomy_labels: set[str],
              activities: set[str]) -> tuple[Doc | None, list[tuple[str, str]]]:
    """One ``.txt``/``.ann`` pair; offsets are brat's, into the ``.txt`` as stored (a ``\\r`` counts).
    A T line tandai cannot hold as an entity (a type not in the taxonomy, pieces with text between
    them, bad offsets) is named, and the document's entities are then left as the store has them
    (none removed for what the file does not show); its records still come."""
    raw, clean = _brat_text(txt_path)
    where = ann_path.name
    got = _brat_lines(_read_text(ann_path, may_be_empty=True), raw, where)
    skipped = got.skipped
    try:
        move = _moved(raw, clean, {x for _, _, frags, _ in got.tlines.values() for f in frags for x in f})
    except Bad as exc:
        return None, [*skipped, (where, str(exc))]
    texts: dict[str, str] = {}  # what an event's argument names: the entity's text
    triggers: dict[str, list[tuple[int, int]]] = {}
    cands: list[tuple[int, int, str, str, int]] = []
    for tid, (n, kind, frags, shown) in got.tlines.items():
        pieces = [(move(s), move(e)) for s, e in frags]
        whole = all(not raw[e:s] or raw[e:s].isspace() for (_, e), (s, _) in pairwise(frags))
        if kind in activities:  # a trigger in pieces: each piece is a span of evidence
            triggers[tid] = [(pieces[0][0], pieces[-1][1])] if whole else pieces
            continue
        texts[tid] = clean[pieces[0][0]:pieces[-1][1]] if whole else shown
        if kind not in taxonomy_labels:
            skipped.append((f"{where} line {n}", f"{tid}: {kind!r} is neither a label nor an activity type "
                                                 "of this store"))
            got.unusable.append(tid)
        elif not whole:
            skipped.append((f"{where} line {n}", f"{tid} is in pieces with text between them ("
                            + ";".join(f"{s} {e}" for s, e in frags)
                            + "): a tandai entity is one stretch of text, so it is not taken"))
            got.unusable.append(tid)
        else:
            cands.append((pieces[0][0], pieces[-1][1], kind, tid, n))
    ents = _longest_first(cands, where, skipped)
    records = []
    for eid, ev in got.events.items():
        try:
            if eid in got.marked:
                kind, n = got.marked[eid]
                raise Bad(f"{eid} is marked {kind} (line {n}): not imported as a record")
            note = got.notes.get(eid, {})
            records.append(_brat_record(clean, ev, texts, triggers, got.phase.get(eid), note))
        except Bad as exc:
            skipped.append((f"{where} line {ev['line']}", str(exc)))
    if got.unused:
        skipped.append((where, _unused_report(got.unused)))
    known = not got.unusable
    if not known:
        skipped.append((where, f"its entities are not imported, as {', '.join(got.unusable[:5])} cannot be "
                               "used: the article keeps the entities it has; its records are imported"))
    reviewer = next((r.get("reviewer") for r in records if r.get("reviewer")), None)
    doc = Doc(where, clean, ents if known else [], reviewer, None, {}, {"title": None}, records,
              spans_known=known)
    return doc, skipped


def _fold(value: Any) -> str:
    return str(value).casefold().strip() if value is not None else ""


def _brat_slots(ev: dict[str, Any], texts: dict[str, str], note: dict[str, Any]) -> dict[str, Any]:
    """A record's slots from its E line; the note (tandai's own export) fills what the line cannot
    hold (a value no entity of the text spells, the exact date) and gives way where the line was
    edited in brat: the note's ``args`` are the arguments as exported, so an argument changed,
    added or deleted since is the annotator's word."""
    line: dict[str, list[str]] = {role: [] for role in ROLES}
    for role, target in ev["args"]:
        value = texts.get(target)
        if value is None:
            raise Bad(f"{role} points at {target}, which is not an entity")
        base = role.rstrip("0123456789")
        if base in line:
            line[base].append(value)
    drawn = note.get("args") if isinstance(note.get("args"), dict) else None

    def kept(role: str, key: str) -> bool:
        """Whether the note's value of ``key`` stands: the line still has what was exported."""
        if key not in note:
            return False
        if drawn is None:  # a note without the exported arguments: it fills only empty roles
            return not line[role]
        before = drawn.get(role) or []
        before = [before] if isinstance(before, str) else before if isinstance(before, list) else []
        return sorted(map(_fold, line[role])) == sorted(map(_fold, before))

    out: dict[str, Any] = {}
    unit, location, personnel, date = (line[r][0] if line[r] else None
                                       for r in ("Unit", "Location", "Personnel", "Date"))
    out["unit"] = note["unit"] if kept("Unit", "unit") or (unit is None and "unit" in note) else unit
    out["location"] = note["location"] if kept("Location", "location") else location
    if personnel is not None:
        personnel = "".join(ch for ch in personnel if ch.isdigit()) or None
    out["personnel"] = note["personnel"] if kept("Personnel", "personnel") else personnel
    if kept("Date", "date"):
        out["date"], out["date_text"] = note.get("date"), note.get("date_text")
    else:
        out["date"] = out["date_text"] = date
        out["date_changed"] = True
    partners = note.get("partners") if isinstance(note.get("partners"), list) else None
    if partners is None:
        out["partners"] = line["Partner"]
    elif kept("Partner", "partners"):
        out["partners"] = partners
    else:  # the note's partners no argument drew stay; the drawn ones are the line's now
        gone = {_fold(p) for p in (drawn.get("Partner") or []) if isinstance(p, str)} if drawn else set()
        stay = [p for p in partners if _fold(p) not in gone]
        out["partners"] = stay + [p for p in line["Partner"] if _fold(p) not in set(map(_fold, stay))]
    return out


def _brat_record(text: str, ev: dict[str, Any], texts: dict[str, str],
                 triggers: dict[str, list[tuple[int, int]]], phase: str | None,
                 notes: dict[str, Any]) -> dict[str, Any]:
    trig = triggers.get(ev["trigger"])
    if trig is None:
        raise Bad(f"its trigger {ev['trigger']} is not an activity span")
    fields: dict[str, Any] = {"type": ev["type"], **_brat_slots(ev, texts, notes)}
    date_changed = fields.pop("date_changed", False)
    evidence = list(trig)
    ev_spans = notes.get("evidence")
    if isinstance(ev_spans, list) and ev_spans and all(
            isinstance(s, list) and len(s) == 2 and all(type(x) is int for x in s) for s in ev_spans):
        spans = [(s, e) for s, e in ev_spans]
        first = spans[0]
        if 0 <= first[0] < first[1] <= len(text) and fragments(text, *first) == [
                p for t in trig for p in fragments(text, *t)]:
            evidence = spans  # the trigger is where the export put it: every evidence span stands
        else:
            evidence += [s for s in spans[1:] if s not in evidence]
    fields["evidence"] = [{"start": s, "end": e} for s, e in evidence]
    exported = isinstance(notes.get("args"), dict)  # tandai wrote a Phase line: its absence is an edit
    if phase is None and not exported:
        phase = notes.get("phase") if isinstance(notes.get("phase"), str) else None
    if phase is not None and date_changed and exported and phase == notes.get("phase"):
        phase = None  # the date was edited, the phase not: derived from the new date (as an edit does)
    if phase:
        fields["phase"] = phase
    if isinstance(notes.get("notes"), str):
        fields["notes"] = notes["notes"]
    if isinstance(notes.get("reviewer"), str):
        try:
            fields["reviewer"] = check_reviewer(notes["reviewer"])
        except StoreError as exc:
            raise Bad(str(exc)) from exc
    if isinstance(notes.get("record_id"), str):  # kept by ``_kept_record``
        fields["record_id"] = notes["record_id"]
        fields["created"] = notes.get("created")
        if _as_noted(fields, notes):  # not edited in brat: the version exported, with its time
            fields["updated"] = notes.get("updated")
    return fields


def _as_noted(fields: dict[str, Any], notes: dict[str, Any]) -> bool:
    evidence = [[s["start"], s["end"]] for s in fields["evidence"]]
    return evidence == notes.get("evidence") and all(
        fields.get(k) == notes.get(k) for k in ("type", "unit", "date", "date_text", "location", "partners",
                                                "personnel", "phase", "notes"))


def _kept_record(st: Store, article_id: str, fields: dict[str, Any], who: str) -> str | None:
    """A record from tandai's own brat export keeps its id (the note's ``record_id``), so an edit made
    in brat updates it and a merge back finds it: "updated" (or "same": nothing changed) where the
    store has it, "added" under that id where it does not (with the note's times when unedited; no
    status: the import's statuses are set apart). None: no id, or it is another article's or
    reviewer's record (then it is added as a new one). Takes ``record_id``, ``created`` and
    ``updated`` out of ``fields``; StoreError: the record is not valid here."""
    rid, created, updated = (fields.pop(k, None) for k in ("record_id", "created", "updated"))
    if not isinstance(rid, str):
        return None
    try:
        old: ActivityRecord | None = st.record(rid)
    except NotFound:
        old = None
    if old is not None and (old.article_id != article_id or old.reviewer != who):
        return None
    clean = validate(st.article(article_id, corrected=False), fields, st.taxonomy)
    if old is not None:
        if all(getattr(old, k) == v for k, v in clean.items()):
            return "same"
        with as_reviewer(st, who):
            st.update_record(rid, **fields)
        return "updated"
    now = now_iso()  # the note's times where they are times a store could have written (check's rule)
    created = created if stamp_problem(created, datetime.now(UTC)) is None and created <= now else now
    updated = updated if stamp_problem(updated, datetime.now(UTC)) is None and updated <= now else now
    rec = ActivityRecord(id=rid, article_id=article_id, reviewer=who, created=created, updated=updated,
                         **clean)
    with as_reviewer(st, who):
        if st.status(article_id) == "todo":  # a first record starts the article, undated (as _apply)
            st.set_status(article_id, "in_progress", undated=True)
        st.require_writable()
        st.history.change(f"import {rec.type} record", [Put("records", rid, rec.to_dict())])
    return "added"


def _link_out(ann_path: Path, txt: Path, named: Path, real_root: str) -> tuple[str, str] | None:
    """The first of a pair's files that is a symlink out of the folder, and why it is not read."""
    for p in (ann_path, txt):
        why = None if p == named else link_out_of(p, real_root)
        if why:
            return p.name, why
    return None


def read_brat(path: Path, labels: set[str], activities: set[str],
              follow_symlinks: bool = False) -> Iterator[Doc | tuple[str, str]]:
    """The folder's ``.ann``/``.txt`` pairs (or the one ``.ann`` named and its ``.txt``). A file
    found there that is a symlink leading out of the folder is not read, as ingest reads none
    (``link_out_of``), unless ``follow_symlinks``; a file named on the command line is read."""
    if path.is_dir():
        folder = path
        anns = sorted(p for p in path.iterdir() if p.suffix == ".ann" and not p.name.startswith("."))
    elif path.suffix == ".ann":
        folder = path.parent
        anns = [path]
    else:
        raise StoreError(f"{path}: brat needs a folder of .txt/.ann pairs or an .ann file")
    real_root = os.path.realpath(folder)
    for ann_path in anns:
        txt = ann_path.with_suffix(".txt")
        refused = None if follow_symlinks else _link_out(ann_path, txt, path, real_root)
        if refused:
            yield refused
            continue
        if not txt.is_file():
            yield ann_path.name, f"no {txt.name} beside it"
            continue
        try:
            doc, skipped = _brat_doc(ann_path, txt, labels, activities)
        except StoreError as exc:  # one unreadable pair is skipped with its reason, the folder goes on
            yield ann_path.name, str(exc)
            continue
        yield from skipped
        if doc is not None:
            yield doc


_TAG = re.compile(r"^(?:O|([BI])-(\S+))$")


def read_conll(path: Path) -> Iterator[Doc | tuple[str, str]]:
    """Documents split at ``-DOCSTART-`` lines (a file without any is one document); tokens are
    joined by a space and sentences by a line break to make the text."""
    lines = _read_text(path).split("\n")
    doc_lines: list[tuple[int, str]] = []
    first = 1
    for n, line in enumerate([*lines, "-DOCSTART-"], 1):
        if line.startswith("-DOCSTART-"):
            if any(ln.strip() for _, ln in doc_lines):
                yield _conll_doc(doc_lines, first)
            doc_lines, first = [], n + 1
        else:
            doc_lines.append((n, line))


def _conll_doc(doc_lines: list[tuple[int, str]], first: int) -> Doc | tuple[str, str]:
    where = f"lines {first}-{doc_lines[-1][0]}"
    parts: list[str] = []
    spans: list[tuple[int, int, str]] = []
    pos = 0
    open_span: list[Any] | None = None  # [start, end, label] of the entity being read
    new_sentence = False
    for n, line in doc_lines:
        cols = line.split()
        if not cols:
            new_sentence = bool(parts)
            if open_span:
                spans.append((open_span[0], open_span[1], open_span[2]))
                open_span = None
            continue
        m = _TAG.match(cols[-1]) if len(cols) >= 2 else None
        if m is None:
            return f"line {n}", "not a token followed by an IOB tag (O, B-LABEL, I-LABEL)"
        if parts:
            sep = "\n" if new_sentence else " "
            parts.append(sep)
            pos += 1
        new_sentence = False
        start = pos
        parts.append(cols[0])
        pos += len(cols[0])
        bio, label = m.groups()
        if open_span and (bio != "I" or label != open_span[2]):
            spans.append((open_span[0], open_span[1], open_span[2]))
            open_span = None
        if bio == "I" and open_span:
            open_span[1] = pos
        elif bio:
            open_span = [start, pos, label]
    if open_span:
        spans.append((open_span[0], open_span[1], open_span[2]))
    return Doc(where, "".join(parts), spans)


def read(path: Path, fmt: str, st: Store, follow_symlinks: bool = False) -> Iterator[Doc | tuple[str, str]]:
    if fmt == "prodigy":
        return read_prodigy(path)
    if fmt == "doccano":
        return read_doccano(path)
    if fmt == "labelstudio":
        return read_labelstudio(path)
    if fmt == "brat":
        return read_brat(path, set(st.taxonomy.labels), set(st.taxonomy.activities), follow_symlinks)
    if fmt == "conll":
        return read_conll(path)
    raise StoreError(f"unknown import format {fmt!r} ({', '.join(FORMATS)})")


# -- checking -----------------------------------------------------------------------------------

def _newlines(doc: Doc) -> None:
    """Ingest reads ``\\r\\n`` and ``\\r`` as ``\\n``: do the same, moving the offsets with it."""
    if "\r" not in doc.text:
        return
    new_at: list[int] = []
    out: list[str] = []
    i = 0
    t = doc.text
    while i < len(t):
        new_at.append(len(out))
        if t[i] == "\r":
            out.append("\n")
            if i + 1 < len(t) and t[i + 1] == "\n":
                new_at.append(len(out) - 1)
                i += 1
        else:
            out.append(t[i])
        i += 1
    new_at.append(len(out))
    doc.spans = [(new_at[s], new_at[e], lab) for s, e, lab in doc.spans]
    doc.text = "".join(out)


def check(doc: Doc, labels: set[str]) -> None:
    """Raise Bad if any part of the row cannot be used (then none of it is)."""
    if not doc.text.strip():
        raise Bad("the text is empty")
    _newlines(doc)
    n = len(doc.text)
    seen: list[tuple[int, int]] = []
    for s, e, label in sorted(doc.spans):
        if not 0 <= s < e <= n:
            raise Bad(f"span {s}-{e} lies outside the text ({n} characters)")
        if not isinstance(label, str) or label not in labels:
            raise Bad(f"{label!r} is not a label of this store ({', '.join(sorted(labels))})")
        if seen and s < seen[-1][1]:
            raise Bad(f"spans {seen[-1][0]}-{seen[-1][1]} and {s}-{e} overlap")
        seen.append((s, e))
    if doc.reviewer is not None:
        try:
            doc.reviewer = check_reviewer(doc.reviewer)
        except StoreError as exc:
            raise Bad(str(exc)) from exc


# -- writing ------------------------------------------------------------------------------------

@contextmanager
def as_reviewer(st: Store, name: str | None) -> Iterator[None]:
    """The store's changes are stamped with ``st.reviewer``: an annotator's work is theirs."""
    previous = st.reviewer
    st.reviewer = name or previous
    try:
        yield
    finally:
        st.reviewer = previous


def _articles(st: Store, docs: list[Doc], report: ImportReport, source: str) -> dict[int, Article]:
    """Each doc's article: found in the store, or made as ingest makes it and committed in batches."""
    seen = ingest_engine.Seen(s for _, s in st.corpus.iter_summaries())
    found: dict[int, Article] = {}
    counted: set[str] = set()  # articles already present, counted once however many annotations
    batch: list[tuple[Article, list[int]]] = []
    new: dict[str, Article] = {}
    for i, doc in enumerate(docs):
        # parsed as a plain text file is, so title, noise and entities come out as ingest's of the
        # same text; the file's own fields fill what the text does not say
        article, sig = ingest_engine.prepare(RawDoc(f"{source}#{doc.where}", doc.text), st.recogniser)
        for key in ("title", "outlet", "url", "published"):
            if not getattr(article, key) and doc.meta.get(key):
                setattr(article, key, doc.meta[key])
        if article.text != doc.text:  # the parser never changes more than line ends: checked anyway
            report.skipped.append((doc.where, "the text changed on reading; offsets would not fit"))
            continue
        if article.id in seen.ids:
            stored = new.get(article.id) or st.article(article.id, corrected=False)
            if stored.text != doc.text:
                report.skipped.append((doc.where, "the store holds this article with other spacing or "
                                                  "case; the offsets do not fit its text"))
                continue
            found[i] = stored
            if article.id not in new and article.id not in counted:
                counted.add(article.id)
                report.present += 1
            continue
        article.duplicate_of = seen.dups.find(sig)
        seen.add(article.id, sig, article.duplicate_of)
        batch.append((article, sig))
        new[article.id] = article
        found[i] = article
    for start in range(0, len(batch), SHARD_SIZE):
        part = batch[start:start + SHARD_SIZE]
        with ingest_engine.sigint_deferred():
            st.commit_batch(part)
            report.added += len(part)
    return found


def _apply(st: Store, doc: Doc, article: Article, report: ImportReport) -> None:
    with as_reviewer(st, doc.reviewer):
        if doc.binary:  # a binary task: its span is an entity (accept), or not one of that label (reject)
            have = {(e.start, e.end): e.label  # as this annotator sees it (their own corrections)
                    for e in st.entities(st.article(article.id, corrected=False), st.reviewer)}
            fixes: list[tuple[int, int, str | None]] = (
                [(s, e, lab) for s, e, lab in doc.spans if have.get((s, e)) != lab] if doc.binary == "accept"
                else [(s, e, None) for s, e, lab in doc.spans if have.get((s, e)) == lab])
            st.correct_entities(article.id, fixes, own_view=True)
            report.corrections += len(fixes)
        if doc.spans_known:
            # all of a text's corrections are one change: one each re-read the article (D6)
            # against what this annotator sees (their own corrections only): the store's view holds
            # every reviewer's, and a diff against it gave the second of two identical codings none
            want = {(s, e): lab for s, e, lab in doc.spans}
            current = st.entities(st.article(article.id, corrected=False), st.reviewer)
            in_noise = span_test((s.start, s.end) for s in article.noise)
            wanted = span_test(want)
            fixes = [
                (ent.start, ent.end, None) for ent in current
                if (ent.start, ent.end) not in want and not in_noise(ent.start, ent.end)
                and not wanted(ent.start, ent.end)]
            have = {(e.start, e.end): e.label for e in current}
            fixes += [(s, e, label) for (s, e), label in sorted(want.items()) if have.get((s, e)) != label]
            st.correct_entities(article.id, fixes, own_view=True)
            report.corrections += len(fixes)
        # every reviewer's status where the file lists them (tandai's own exports), else the
        # file's one status is the annotator's
        statuses = dict(doc.statuses)
        if doc.status and not statuses:
            statuses[doc.reviewer or st.reviewer] = doc.status
        # a file does not say when a status was set: stored undated (as a merge stores an
        # export's), so a merge back never lets an old snapshot's status beat a later one
        for who, status in statuses.items():
            with as_reviewer(st, who):
                if st.status(article.id) != status:
                    st.set_status(article.id, status, undated=True)
                    report.statuses += 1
                report.reviewers.add(who)
    existing = {_record_key(r.reviewer, r.type, r.unit, [(s.start, s.end) for s in r.evidence])
                for r in st.records(article.id)}
    for fields in doc.records:
        fields = dict(fields)
        who = fields.pop("reviewer", None) or doc.reviewer or st.reviewer
        try:
            kept = _kept_record(st, article.id, fields, who)  # brat: tandai's own record ids
        except StoreError as exc:
            report.skipped.append((doc.where, f"a record could not be added: {exc}"))
            continue
        if kept is not None:
            report.records += kept != "same"
            report.reviewers.add(who)
            continue
        key = _record_key(who, fields.get("type"), fields.get("unit"),
                          [(s["start"], s["end"]) for s in fields.get("evidence", [])])
        if key in existing:
            continue
        with as_reviewer(st, who):
            started = st.status(article.id) == "todo"
            if started:  # a first record starts the article: undated too (add_record would say now)
                st.set_status(article.id, "in_progress", undated=True)
            try:
                st.add_record(article.id, **fields)
            except StoreError as exc:
                if started:
                    st.undo()  # no record, so not started
                report.skipped.append((doc.where, f"a record could not be added: {exc}"))
                continue
        existing.add(key)
        report.records += 1
        report.reviewers.add(who)
    if doc.reviewer:
        report.reviewers.add(doc.reviewer)


def _record_key(reviewer: Any, rtype: Any, unit: Any, evidence: list[tuple[int, int]]) -> str:
    return orjson.dumps([reviewer, rtype, (unit or "").strip(), sorted(evidence)]).decode()


def import_file(st: Store, path: str | os.PathLike[str], fmt: str,
                follow_symlinks: bool = False) -> ImportReport:
    """Import one file (a folder for brat); the report's ``verdict`` is one line about it.
    ``follow_symlinks``: read a brat folder's files that are symlinks leading out of it."""
    st.require_writable()
    path = Path(path)
    if not path.exists():
        raise StoreError(f"no such file: {path}")
    report = ImportReport()
    labels = set(st.taxonomy.labels)
    docs: list[Doc] = []
    for got in read(path, fmt, st, follow_symlinks):
        if isinstance(got, tuple):
            report.skipped.append(got)
            continue
        try:
            check(got, labels)
        except Bad as exc:
            report.skipped.append((got.where, str(exc)))
            continue
        docs.append(got)
        report.notes.extend((got.where, note) for note in got.notes)
    report.docs = len({doc.text for doc in docs})  # texts, not annotations (a task has several)
    before, applied, found = st.count(), 0, None
    try:
        found = _articles(st, docs, report, path.name)
        for i, doc in enumerate(docs):
            if i in found:
                with ingest_engine.sigint_deferred():
                    _apply(st, doc, found[i], report)
                applied += 1
    except KeyboardInterrupt:
        report.interrupted = True
    except StoreError as exc:  # a full disk part-way: say what is in, never "not imported"
        report.added = max(report.added, st.count() - before)  # (a batch committed, not indexed)
        if not report.added and not applied:
            raise
        if found is None:
            done = (f"{report.added} articles added (of {report.docs} texts), then: {exc}; the file's "
                    "annotations were not imported")
        else:
            done = (f"{report.added} articles added and the annotations of {applied} of {len(found)} texts "
                    f"imported, then: {exc}")
        again = "run the import again to finish (it adds only what is missing)"
        raise Stopped(f"{done}: {again}", report) from exc
    if not docs:
        report.verdict = f"{path.name}: nothing imported ({len(report.skipped)} rows skipped)"
    else:
        report.verdict = f"{path.name}: {report.summary()}"
    return report
