"""The data model: articles, entities, activity records and the vocabularies they use.

These names are a contract: the exports, the Python API and the workbench all depend on them.
Offsets are code-point offsets into ``Article.text``, end exclusive.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

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

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"start": self.start, "end": self.end, "label": self.label, "text": self.text}
        if self.value is not None:
            d["value"] = self.value
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entity:
        return cls(int(d["start"]), int(d["end"]), str(d["label"]), str(d["text"]), d.get("value"))


@dataclass(slots=True)
class Span:
    """A stretch of text (noise, evidence): offsets plus the text they cover, for checking."""

    start: int
    end: int
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Span:
        return cls(int(d["start"]), int(d["end"]), str(d.get("text", "")))


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
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        return cls(
            id=d["id"],
            source=d.get("source", ""),
            title=d.get("title", ""),
            text=d.get("text", ""),
            outlet=d.get("outlet"),
            author=d.get("author"),
            url=d.get("url"),
            published=d.get("published"),
            dateline=d.get("dateline"),
            noise=[Span.from_dict(s) for s in d.get("noise", [])],
            entities=[Entity.from_dict(e) for e in d.get("entities", [])],
            duplicate_of=d.get("duplicate_of"),
        )


@dataclass(slots=True)
class ArticleSummary:
    """What the article list needs, without the body: cheap to hold for every article."""

    id: str
    title: str
    outlet: str | None
    published: str | None
    dateline: str | None
    duplicate_of: str | None
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
            evidence=[Span.from_dict(s) for s in d.get("evidence") or []],
            notes=d.get("notes") or "",
            created=d.get("created", ""),
            updated=d.get("updated", ""),
        )


RECORD_FIELDS: frozenset[str] = frozenset(
    {"type", "unit", "date", "date_text", "location", "partners", "personnel", "phase", "evidence", "notes"}
)
