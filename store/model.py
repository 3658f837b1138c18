"""The data model: articles, entities, activity records and the vocabularies they use.

These names are a contract: the exports, the Python API and the workbench all depend on them.
Offsets are code-point offsets into ``Article.text``, end exclusive.

A little over 400 lines, on purpose: the model is one contract that every layer imports; split,
each half would import the other.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from store.errors import InvalidArgument, NotFound

LABELS: tuple[str, ...] = (
    "POLICE_UNIT",
    "MILITARY_UNIT",
    "ELECTION_BODY",
    "GOV_ORG",
    "RANK",
    "ROLE",
    "PERSON",
    "LOC",
    "DATE",
    "PERSONNEL",
    "ELECTION",
)

STATUSES: tuple[str, ...] = ("todo", "in_progress", "done", "skipped", "irrelevant", "flagged")
PHASES: tuple[str, ...] = ("pre", "campaign", "quiet", "voting", "post", "na")
ACTIVITY_TYPES: tuple[str, ...] = (
    "patrol",
    "static_guard",
    "escort",
    "coordination",
    "troop_deployment",
    "ceremony_apel",
    "community_outreach",
    "planning",
    "incident_response",
    "other",
)


@dataclass(slots=True)
class Entity:
    """A labelled span of an article's text; ``value`` holds a normalised form where one exists."""

    start: int
    end: int
    label: str
    text: str
    value: Any = None

    def __reduce__(self) -> tuple[Any, ...]:
        # pickled by ingest's workers for every entity: a plain tuple is half the cost of the
        # default (state dicts through copyreg) on both sides of the pipe
        return (Entity, (self.start, self.end, self.label, self.text, self.value))

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"start": self.start, "end": self.end, "label": self.label, "text": self.text}
        if self.value is not None:
            d["value"] = self.value
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entity:
        """Strict: a hand-edited or damaged entry raises ValueError (callers count it as damage)."""
        start, end = _offsets(d)
        label, text = d["label"], d["text"]
        if not isinstance(label, str) or not isinstance(text, str):
            raise ValueError("label and text must be strings")
        return cls(start, end, label, text, d.get("value"))


def _offsets(d: Any) -> tuple[int, int]:
    """``start`` and ``end`` of a stored span: whole numbers, in order, or ValueError."""
    if not isinstance(d, dict):
        raise ValueError("not an object")
    start, end = d.get("start"), d.get("end")
    if type(start) is not int or type(end) is not int or not 0 <= start <= end:
        raise ValueError(f"bad offsets {start!r}-{end!r}")
    return start, end


@dataclass(slots=True)
class Span:
    """A stretch of text (noise, evidence): offsets plus the text they cover, for checking."""

    start: int
    end: int
    text: str = ""

    def __reduce__(self) -> tuple[Any, ...]:
        return (Span, (self.start, self.end, self.text))  # cheap to send between processes: see Entity

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Span:
        start, end = _offsets(d)
        text = d.get("text", "")
        return cls(start, end, text if isinstance(text, str) else "")


@dataclass(slots=True)
class Article:
    """One news article as read, with what ingest found in it. Never rewritten by reviewers."""

    id: str
    source: str
    title: str
    text: str
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published: str | None = None
    dateline: str | None = None
    noise: list[Span] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    duplicate_of: str | None = None
    # other articles that rewrite the same source (a press release told again in other words):
    # the ones ingest knew when it linked this one; ``Store.article`` adds those linked later
    same_story: list[str] = field(default_factory=list)
    # entities/noise spans of the stored article that could not be read (damage, not data):
    # left out so the rest still shows; never written back (``to_dict`` leaves it out)
    damaged: int = field(default=0, compare=False)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Article, tuple(getattr(self, name) for name in self.__slots__))  # see Entity

    def __repr__(self) -> str:
        """Short: the text and entities are counted, not written out. Textual names a worker by
        the repr of its arguments, and the workbench's suggestions worker takes the article: the
        dataclass repr of a 10 MB article cost 0.65 s of CPU on the UI thread at every open."""
        return (f"Article(id={self.id!r}, source={self.source!r}, title={self.title[:60]!r}, "
                f"text={len(self.text):,} chars, entities={len(self.entities):,}, noise={len(self.noise):,})")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "outlet": self.outlet,
            "author": self.author,
            "url": self.url,
            "published": self.published,
            "dateline": self.dateline,
            "text": self.text,
            "noise": [s.to_dict() for s in self.noise],
            "entities": [e.to_dict() for e in self.entities],
            "duplicate_of": self.duplicate_of,
            "same_story": list(self.same_story),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        """An article as stored; damaged entities or noise spans are skipped and counted in
        ``damaged`` (one bad span must not make the whole article unreadable)."""
        text = d.get("text", "")
        text = text if isinstance(text, str) else ""
        damaged = 0

        def spans(key: str, make: Any) -> list[Any]:
            nonlocal damaged
            items = d.get(key) or []
            if not isinstance(items, list):
                damaged += 1
                return []
            out = []
            for item in items:
                try:
                    span = make(item)
                except (KeyError, TypeError, ValueError):
                    damaged += 1
                    continue
                if span.end > len(text):
                    damaged += 1
                    continue
                out.append(span)
            return out

        def opt(key: str) -> str | None:
            value = d.get(key)
            return value if isinstance(value, str) else None

        return cls(
            id=d["id"],
            source=opt("source") or "",
            title=opt("title") or "",
            text=text,
            outlet=opt("outlet"),
            author=opt("author"),
            url=opt("url"),
            published=opt("published"),
            dateline=opt("dateline"),
            noise=spans("noise", Span.from_dict),
            entities=spans("entities", Entity.from_dict),
            duplicate_of=opt("duplicate_of"),
            same_story=[x for x in d.get("same_story") or [] if isinstance(x, str)]
            if isinstance(d.get("same_story"), list) else [],
            damaged=damaged,
        )


@dataclass(slots=True)
class ListRow:
    """One row of an article list, without the body: cheap to hold for every article.

    The one row type of every list: search hits (``score``, ``shard`` from the index), the cached
    first screen, and ``Store.articles``/``Store.summary`` (which also fill ``status``, ``records``
    and ``source``). The first seven fields are the first-screen file's row, in order."""

    id: str
    title: str
    outlet: str | None
    published: str | None
    dateline: str | None
    duplicate_of: str | None
    shard: str = ""
    score: float = 0.0
    status: str = "todo"
    records: int = 0
    source: str = ""


@dataclass(slots=True)
class ActivityRecord:
    """One coded police activity, with the sentences that are its evidence."""

    id: str
    article_id: str
    reviewer: str
    type: str
    unit: str
    date: str | None = None
    date_text: str | None = None
    location: str | None = None
    partners: list[str] = field(default_factory=list)
    personnel: int | None = None
    phase: str = "na"
    evidence: list[Span] = field(default_factory=list)
    notes: str = ""
    created: str = ""
    updated: str = ""

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["evidence"] = [s.to_dict() for s in self.evidence]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ActivityRecord:
        return cls(
            id=d["id"],
            article_id=d["article_id"],
            reviewer=d.get("reviewer", ""),
            type=d.get("type", ""),
            unit=d.get("unit", ""),
            date=d.get("date"),
            date_text=d.get("date_text"),
            location=d.get("location"),
            partners=list(d.get("partners") or []),
            personnel=d.get("personnel"),
            phase=d.get("phase") or "na",
            evidence=_spans_or_skip(d.get("evidence")),
            notes=d.get("notes") or "",
            created=d.get("created", ""),
            updated=d.get("updated", ""),
        )


def _spans_or_skip(items: Any) -> list[Span]:
    """Evidence as stored; a damaged span is left out rather than making the record unreadable."""
    out = []
    for item in items if isinstance(items, list) else []:
        try:
            out.append(Span.from_dict(item))
        except (KeyError, TypeError, ValueError):
            continue
    return out


RECORD_FIELDS: frozenset[str] = frozenset(
    {"type", "unit", "date", "date_text", "location", "partners", "personnel", "phase", "evidence", "notes"}
)


# -- argument checks shared by the Store API and the command line ------------------------------

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_THOUSANDS = re.compile(r"[0-9]{1,3}(?:([.,])[0-9]{3})(?:\1[0-9]{3})*")
MAX_PERSONNEL = 10_000_000  # more than the whole national police: a typo, not a count
MAX_LIMIT = 100_000  # hits per search call (page with ``offset`` for more)


def check_text(name: str, value: Any, *, empty: bool = True, max_len: int = 100_000) -> str:
    """``value`` if it is a string that JSON can hold (no lone surrogates), else InvalidArgument."""
    if not isinstance(value, str):
        raise InvalidArgument(f"{name} must be text, not {type(value).__name__}")
    if not empty and not value.strip():
        raise InvalidArgument(f"{name} must not be empty")
    if len(value) > max_len:
        raise InvalidArgument(f"{name} is too long ({len(value)} characters, at most {max_len})")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidArgument(f"{name} is not valid UTF-8 text") from None
    return value


def check_reviewer(value: Any) -> str:
    """A reviewer name is stamped on every record and shown everywhere: plain text, one line."""
    name = check_text("the reviewer name", value, empty=False, max_len=200).strip()
    if _CONTROL.search(name) or "\n" in name or "\t" in name:
        raise InvalidArgument("the reviewer name must not contain control characters")
    return name


def check_int(name: str, value: Any, low: int, high: int) -> int:
    """A whole number in [low, high]; bools and floats are refused (``True`` is not 1 hit)."""
    if type(value) is not int:
        raise InvalidArgument(f"{name} must be a whole number, not {type(value).__name__}")
    if not low <= value <= high:
        raise InvalidArgument(f"{name} must be from {low} to {high}, not {value}")
    return value


def parse_personnel(value: Any) -> int | None:
    """A personnel count as typed: ``40``, ``1.112`` or ``1,112`` (thousands separators in groups
    of three). ``2.5`` and ``2,5`` are decimals, not 25: ValueError, as is anything else."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError(value)
        value = int(value)
    if isinstance(value, int):
        number = value
    elif isinstance(value, str):
        text = value.strip()
        if re.fullmatch(r"[0-9]+", text):
            number = int(text)
        elif _THOUSANDS.fullmatch(text):
            number = int(re.sub(r"[.,]", "", text))
        else:
            raise ValueError(value)
    else:
        raise ValueError(value)
    if not 0 <= number <= MAX_PERSONNEL:
        raise ValueError(value)
    return number


def check_id(kind: str, value: Any) -> str:
    """An article/record id: text, or InvalidArgument; text no store can hold is NotFound."""
    if not isinstance(value, str):
        raise InvalidArgument(f"an {kind} id must be text, not {type(value).__name__}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise NotFound(f"no {kind} {value!r}") from None
    if len(value) > 1000:
        raise NotFound(f"no {kind} {value[:40]!r}…")
    return value


def check_callable(name: str, value: Any) -> None:
    if value is not None and not callable(value):
        raise InvalidArgument(f"{name} must be a function or None, not {type(value).__name__}")


_TEXT_FIELDS = ("type", "unit", "date", "date_text", "location", "phase", "notes")


def record_field_problems(fields: dict[str, Any]) -> dict[str, str]:
    """Type problems of a record's fields, before any value is looked at (field → explanation)."""
    problems: dict[str, str] = {}
    for key in _TEXT_FIELDS:
        value = fields.get(key)
        if value is None:
            continue
        try:
            check_text(key, value, max_len=100_000)
        except InvalidArgument as exc:
            problems[key] = str(exc)
    partners = fields.get("partners")
    if partners is not None and not isinstance(partners, str):
        if not isinstance(partners, list | tuple) or not all(isinstance(p, str) for p in partners):
            problems["partners"] = "partners must be text or a list of texts"
        else:
            try:
                for p in partners:
                    check_text("partners", p)
            except InvalidArgument as exc:
                problems["partners"] = str(exc)
    evidence = fields.get("evidence")
    if evidence is not None:
        if not isinstance(evidence, list | tuple):
            problems["evidence"] = "evidence must be a list of spans ({'start': …, 'end': …})"
        else:
            for item in evidence:
                try:
                    _offsets(item if isinstance(item, dict) else Span.to_dict(item) if isinstance(item, Span)
                             else None)
                except ValueError:
                    problems["evidence"] = "each evidence span needs whole-number offsets, start before end"
                    break
    if "personnel" in fields:
        try:
            parse_personnel(fields["personnel"])
        except ValueError:
            problems["personnel"] = (f"{fields['personnel']!r} is not a whole number of personnel "
                                     "(thousands may be written 1.112 or 1,112; no decimals)")
    return problems
