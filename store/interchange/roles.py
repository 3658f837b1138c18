"""An activity record's slots as entities of its article: which entity is the unit, the place,
each partner, the personnel count and the date. Records hold slot values as text (what the
reviewer typed or accepted), so the entity is found by its text, inside the evidence first.
brat's event arguments and doccano's relations both need this."""

from __future__ import annotations

from store.model import ActivityRecord, Article, Entity

ROLES = ("Unit", "Location", "Partner", "Personnel", "Date")


def _find(entities: list[Entity], inside: list[int], want: str | None, used: set[int],
          match: str = "text") -> int | None:
    if not want:
        return None
    key = want.casefold()
    for pool in (inside, range(len(entities))):
        for i in pool:
            e = entities[i]
            got = e.text if match == "text" else e.value
            if i not in used and got is not None and str(got).casefold() == key:
                return i
    return None


def record_roles(article: Article, rec: ActivityRecord) -> dict[str, list[int]]:
    """Role → indexes into ``article.entities`` (empty roles left out)."""
    ents = article.entities
    inside = [i for i, e in enumerate(ents)
              if any(s.start <= e.start and e.end <= s.end for s in rec.evidence)]
    used: set[int] = set()
    roles: dict[str, list[int]] = {}

    def put(role: str, index: int | None) -> None:
        if index is not None:
            used.add(index)
            roles.setdefault(role, []).append(index)

    put("Unit", _find(ents, inside, rec.unit, used))
    put("Location", _find(ents, inside, rec.location, used))
    for partner in rec.partners:
        put("Partner", _find(ents, inside, partner, used))
    if rec.personnel is not None:
        put("Personnel", _find(ents, inside, str(rec.personnel), used, match="value"))
    date = _find(ents, inside, rec.date_text, used) if rec.date_text else None
    put("Date", date if date is not None else _find(ents, inside, rec.date, used, match="value"))
    return roles
