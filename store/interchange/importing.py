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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from store import ingest as ingest_engine
from store.coding import span_test
from store.disk.corpus import SHARD_SIZE
from store.errors import Stopped, StoreError
from store.interchange.prodigy import STATUS_OF_ANSWER
from store.model import STATUSES, Article, check_reviewer
from store.sources.decode import decode_bytes
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
    verdict: str = ""
    interrupted: bool = False

    def summary(self) -> str:
        return (f"{self.docs} texts: {self.added} articles added, {self.present} already present, "
                f"{self.corrections} entity corrections, {self.statuses} statuses, {self.records} records, "
                f"{len(self.skipped)} skipped")


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


def _prodigy(row: dict[str, Any], where: str) -> Doc:
    if not isinstance(row.get("text"), str):
        raise Bad("not a task with a text")
    spans = []
    for s in row.get("spans") or []:
        if not isinstance(s, dict):
            raise Bad("a span is not an object")
        spans.append((_int(s.get("start"), "a span's start"), _int(s.get("end"), "a span's end"),
                      s.get("label")))
    meta: dict[str, Any] = row["meta"] if isinstance(row.get("meta"), dict) else {}
    answer: Any = row.get("answer")
    if answer is not None and answer not in STATUS_OF_ANSWER:
        raise Bad(f"answer {answer!r:.60} is not one of {', '.join(STATUS_OF_ANSWER)}")
    own = _status(meta.get("status"), "meta.status")
    status = own or STATUS_OF_ANSWER.get(answer)
    # a rejected or ignored task says nothing about its entities, unless tandai wrote it
    known = answer in (None, "accept") or own is not None
    reviewer = _str(row.get("_annotator_id")) or _str(row.get("_session_id"))
    return Doc(where, row["text"], spans if known else [], reviewer, status,
               _statuses(meta.get("statuses")), _meta(meta), spans_known=known)


def _doccano(row: dict[str, Any], where: str) -> Doc:
    text = row.get("text", row.get("data"))
    if not isinstance(text, str):
        raise Bad("no text")
    spans = []
    if isinstance(row.get("entities"), list):
        for e in row["entities"]:
            if not isinstance(e, dict):
                raise Bad("an entity is not an object")
            spans.append((_int(e.get("start_offset"), "start_offset"),
                          _int(e.get("end_offset"), "end_offset"), e.get("label")))
    else:
        labels = row.get("label", row.get("labels", []))
        if not isinstance(labels, list):
            raise Bad("label is not a list")
        for item in labels:
            if not isinstance(item, list) or len(item) != 3:
                raise Bad("a label is not [start, end, LABEL]")
            spans.append((_int(item[0], "a label's start"), _int(item[1], "a label's end"), item[2]))
    reviewer = _str(row.get("reviewer")) or _str(row.get("annotator")) or _str(row.get("user"))
    status = _status(row.get("status"))
    return Doc(where, text, spans, reviewer, status, _statuses(row.get("statuses")), _meta(row))


def _read_jsonl(path: Path, make: Callable[[dict[str, Any], str], Doc]) -> Iterator[Doc | tuple[str, str]]:
    for where, row in _objects(path):
        try:
            if isinstance(row, Bad):
                raise row
            yield make(row, where)
        except Bad as exc:
            yield where, str(exc)


def read_prodigy(path: Path) -> Iterator[Doc | tuple[str, str]]:
    return _read_jsonl(path, _prodigy)


def read_doccano(path: Path) -> Iterator[Doc | tuple[str, str]]:
    return _read_jsonl(path, _doccano)


def _ls_annotator(ann: dict[str, Any], data: dict[str, Any]) -> str | None:
    who = ann.get("completed_by")
    if isinstance(who, dict):
        return _str(who.get("email")) or _str(who.get("username")) or (
            f"labelstudio-user-{who['id']}" if isinstance(who.get("id"), int) else None)
    if isinstance(who, int) and not isinstance(who, bool):
        return f"labelstudio-user-{who}"
    return _str(who) or _str(data.get("reviewer"))


def _ls_spans(result: Any) -> list[tuple[int, int, Any]]:
    if not isinstance(result, list):
        raise Bad("result is not a list")
    spans = []
    for r in result:
        if not isinstance(r, dict):
            raise Bad("a result is not an object")
        if r.get("type") not in (None, "labels"):
            continue  # relations, choices …: not entities
        value = r.get("value", r)
        if not isinstance(value, dict) or not isinstance(value.get("labels"), list) or not value["labels"]:
            raise Bad("a labels result has no value.labels")
        spans.append((_int(value.get("start"), "value.start"), _int(value.get("end"), "value.end"),
                      value["labels"][0]))
    return spans


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
        try:
            if not isinstance(task, dict):
                raise Bad("not a task object")
            data: dict[str, Any] = task["data"] if isinstance(task.get("data"), dict) else task  # JSON-MIN
            text = data.get("text")
            if not isinstance(text, str):
                raise Bad("no data.text")
            status = _status(data.get("status"), "data.status")
            statuses = _statuses(data.get("statuses"))
            anns = task.get("annotations", task.get("completions"))
            if anns is None and isinstance(task.get("label"), list):  # JSON-MIN
                anns = [{"result": task["label"], "completed_by": task.get("annotator")}]
            if not isinstance(anns, list):
                raise Bad("annotations is not a list")
            docs = []
            for ann in anns:
                if not isinstance(ann, dict):
                    raise Bad("an annotation is not an object")
                if ann.get("was_cancelled"):
                    continue
                docs.append(Doc(where, text, _ls_spans(ann.get("result")), _ls_annotator(ann, data),
                                status, statuses, _meta(data)))
            yield from docs or [Doc(where, text, [], _str(data.get("reviewer")), status, statuses,
                                    _meta(data), spans_known=False)]
        except Bad as exc:
            yield where, str(exc)


_T = re.compile(r"^(T\d+)\t(\S+) ([0-9 ;]+)\t(.*)$")
_E = re.compile(r"^(E\d+)\t(\S+):(T\d+)((?: \S+:[TE]\d+)*)\s*$")


def _brat_doc(ann_path: Path, txt_path: Path, taxonomy_labels: set[str],
              activities: set[str]) -> tuple[Doc, list[tuple[str, str]]]:
    text = _read_text(txt_path)
    skipped: list[tuple[str, str]] = []
    where = ann_path.name
    spans: dict[str, tuple[int, int, str]] = {}
    triggers: dict[str, tuple[int, int, str]] = {}
    events: dict[str, dict[str, Any]] = {}
    phase: dict[str, str] = {}
    notes: dict[str, dict[str, Any]] = {}
    for n, line in enumerate(_read_text(ann_path, may_be_empty=True).split("\n"), 1):
        if not line.strip():
            continue
        try:
            if line.startswith("T"):
                m = _T.match(line)
                if not m:
                    raise Bad("not a T line (T1<TAB>TYPE start end<TAB>text)")
                tid, kind, offsets, shown = m.groups()
                frags = []
                for frag in offsets.split(";"):
                    parts = frag.split()
                    if len(parts) != 2:
                        raise Bad("bad offsets")
                    s, e = int(parts[0]), int(parts[1])
                    if not 0 <= s < e <= len(text):
                        raise Bad(f"offsets {s}-{e} lie outside the text")
                    frags.append((s, e))
                if " ".join(text[s:e] for s, e in frags) != shown:
                    raise Bad("the text does not match its offsets")
                start, end = frags[0][0], frags[-1][1]
                if kind in activities:
                    triggers[tid] = (start, end, kind)
                elif kind in taxonomy_labels:
                    spans[tid] = (start, end, kind)
                else:
                    raise Bad(f"{kind!r} is neither a label nor an activity type of this store")
            elif line.startswith("E"):
                m = _E.match(line)
                if not m:
                    raise Bad("not an E line (E1<TAB>TYPE:T1 Role:T2 …)")
                eid, kind, trig, rest = m.groups()
                args = [a.split(":", 1) for a in rest.split()]
                events[eid] = {"type": kind, "trigger": trig, "args": args, "line": n}
            elif line.startswith("A") or line.startswith("M"):
                parts = line.split("\t", 1)[-1].split()
                if len(parts) == 3 and parts[0] == "Phase":
                    phase[parts[1]] = parts[2]
            elif line.startswith("#"):
                parts = line.split("\t", 2)
                if len(parts) == 3 and parts[1].startswith("AnnotatorNotes "):
                    target = parts[1].split()[1]
                    try:
                        value = orjson.loads(parts[2])
                    except orjson.JSONDecodeError:
                        value = {"notes": parts[2]}
                    notes[target] = value if isinstance(value, dict) else {"notes": parts[2]}
            # R lines and anything else: not tandai's, ignored
        except (Bad, ValueError) as exc:
            skipped.append((f"{where} line {n}", str(exc)))
    records = []
    for eid, ev in events.items():
        try:
            records.append(_brat_record(text, ev, spans, triggers, phase.get(eid), notes.get(eid, {})))
        except Bad as exc:
            skipped.append((f"{where} line {ev['line']}", str(exc)))
    ents = sorted(spans.values())
    reviewer = next((r.get("reviewer") for r in records if r.get("reviewer")), None)
    doc = Doc(where, text, ents, reviewer, None, {}, {"title": None}, records)
    return doc, skipped


def _brat_record(text: str, ev: dict[str, Any], spans: dict[str, tuple[int, int, str]],
                 triggers: dict[str, tuple[int, int, str]], phase: str | None,
                 notes: dict[str, Any]) -> dict[str, Any]:
    trig = triggers.get(ev["trigger"])
    if trig is None:
        raise Bad(f"its trigger {ev['trigger']} is not an activity span")
    fields: dict[str, Any] = {"type": ev["type"], "evidence": [{"start": trig[0], "end": trig[1]}],
                              "partners": []}
    for role, target in ev["args"]:
        span = spans.get(target)
        if span is None:
            raise Bad(f"{role} points at {target}, which is not an entity")
        value = text[span[0]:span[1]]
        base = role.rstrip("0123456789")
        if base == "Unit":
            fields["unit"] = value
        elif base == "Location":
            fields["location"] = value
        elif base == "Partner":
            fields["partners"].append(value)
        elif base == "Personnel":
            fields["personnel"] = "".join(ch for ch in value if ch.isdigit()) or None
        elif base == "Date":
            fields["date_text"] = value
            fields["date"] = value
    if phase:
        fields["phase"] = phase
    for key in ("unit", "date", "date_text", "location", "partners", "personnel", "phase", "notes"):
        if key in notes:  # tandai's own notes say exactly what the record held, None included
            fields[key] = notes[key]
    ev_spans = notes.get("evidence")
    if isinstance(ev_spans, list) and ev_spans and all(
            isinstance(s, list) and len(s) == 2 and all(type(x) is int for x in s) for s in ev_spans):
        fields["evidence"] = [{"start": s, "end": e} for s, e in ev_spans]
    if isinstance(notes.get("reviewer"), str):
        try:
            fields["reviewer"] = check_reviewer(notes["reviewer"])
        except StoreError as exc:
            raise Bad(str(exc)) from exc
    return fields


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
            if article.id not in new:
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
        if doc.spans_known:
            # all of a text's corrections are one change: one each re-read the article (D6)
            # against what this annotator sees (their own corrections only): the store's view holds
            # every reviewer's, and a diff against it gave the second of two identical codings none
            want = {(s, e): lab for s, e, lab in doc.spans}
            current = st.entities(st.article(article.id, corrected=False), st.reviewer)
            in_noise = span_test((s.start, s.end) for s in article.noise)
            wanted = span_test(want)
            fixes: list[tuple[int, int, str | None]] = [
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
    report.docs = len(docs)
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
            done = (f"{report.added} articles added (of {len(docs)} texts), then: {exc}; the file's "
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
