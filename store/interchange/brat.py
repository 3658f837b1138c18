"""brat standoff: a folder with ``NAME.txt`` and ``NAME.ann`` per article (NAME is the article
id), plus ``annotation.conf`` and ``visual.conf`` so brat opens it as it is.

In ``NAME.ann``: a ``T`` line per entity (``T1<TAB>LABEL start end<TAB>text``; a span that
crosses a line break is written as fragments ``start end;start end``, as brat does); per
activity record a trigger ``T`` line over its first evidence span (the type is the activity),
an ``E`` line with the roles ``Unit``, ``Location``, ``Partner`` (``Partner2`` …),
``Personnel`` and ``Date`` pointing at entity ``T`` ids, an ``A`` line for its phase and an
``AnnotatorNotes`` ``#`` line holding the record's fields as one line of JSON (record id,
reviewer, values typed as text, every evidence span, notes, and ``args``: the arguments as
written) so nothing is lost on the way back. An annotator edits the E and A lines in brat, not
the JSON: on import the lines win where they differ from ``args``, and the note fills only what
no line can hold.
Offsets are code points of ``NAME.txt`` read as UTF-8.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson

from store.interchange.common import Item
from store.interchange.folders import replacing_folder, write_new
from store.interchange.roles import record_roles
from store.model import PHASES, ActivityRecord, Article
from store.taxonomy import Taxonomy

_HEX = re.compile(r"#[0-9a-fA-F]{6}\b")
MARKER = "annotation.conf"  # a folder holding one is a brat export tandai may replace


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span without its line breaks, as brat's discontinuous fragments."""
    out = []
    pos = start
    for piece in text[start:end].split("\n"):
        if piece:
            out.append((pos, pos + len(piece)))
        pos += len(piece) + 1
    return out or [(start, end)]


def _t_line(tid: str, kind: str, text: str, start: int, end: int) -> str:
    frags = fragments(text, start, end)
    where = ";".join(f"{s} {e}" for s, e in frags)
    shown = " ".join(text[s:e] for s, e in frags)
    return f"{tid}\t{kind} {where}\t{shown}"


def record_notes(rec: ActivityRecord, args: dict[str, Any] | None = None) -> dict[str, Any]:
    """The record as the ``AnnotatorNotes`` JSON. ``args``: the E line's arguments as written
    (role → the entity's text; ``Partner`` a list), so an import tells an argument edited in brat
    (the line wins) from one never drawn (the note fills it)."""
    out: dict[str, Any] = {"record_id": rec.id, "reviewer": rec.reviewer, "type": rec.type, "unit": rec.unit,
                           "date": rec.date, "date_text": rec.date_text, "location": rec.location,
                           "partners": rec.partners, "personnel": rec.personnel, "phase": rec.phase,
                           "evidence": [[s.start, s.end] for s in rec.evidence], "notes": rec.notes,
                           "created": rec.created, "updated": rec.updated}
    if args is not None:
        out["args"] = args
    return out


def _entity_lines(article: Article) -> list[str]:
    """The entities' ``T`` lines; one on a single line of text (nearly all) is written without
    the fragment machinery, as ``_t_line`` writes it."""
    text = article.text
    lines = []
    i = 0
    for e in article.entities:
        i += 1
        start, end = e.start, e.end
        shown = text[start:end]
        if len(shown) == end - start > 0 and "\n" not in shown:
            lines.append(f"T{i}\t{e.label} {start} {end}\t{shown}")
        else:
            lines.append(_t_line(f"T{i}", e.label, text, start, end))
    return lines


def ann(article: Article, records: list[ActivityRecord]) -> str:
    text = article.text
    lines = _entity_lines(article)
    t_next, e_n, a_n = len(article.entities) + 1, 0, 0
    for rec in records:
        if not rec.evidence:
            continue
        ev = rec.evidence[0]
        if not 0 <= ev.start < ev.end <= len(text):
            continue
        trigger = f"T{t_next}"
        t_next += 1
        lines.append(_t_line(trigger, rec.type, text, ev.start, ev.end))
        e_n += 1
        args = [f"{rec.type}:{trigger}"]
        drawn: dict[str, Any] = {}
        for role, indexes in record_roles(article, rec).items():
            for k, index in enumerate(indexes):
                args.append(f"{role}{k + 1 if k else ''}:T{index + 1}")
            shown = [article.entities[i].text for i in indexes]
            drawn[role] = shown if role == "Partner" else shown[0]
        lines.append(f"E{e_n}\t{' '.join(args)}")
        a_n += 1
        lines.append(f"A{a_n}\tPhase E{e_n} {rec.phase}")
        note = orjson.dumps(record_notes(rec, drawn)).decode()
        lines.append(f"#{e_n}\tAnnotatorNotes E{e_n}\t{note}")
    return "\n".join(lines) + ("\n" if lines else "")


def annotation_conf(taxonomy: Taxonomy) -> str:
    roles = "Unit?:<ENTITY>, Location?:<ENTITY>, Partner*:<ENTITY>, Personnel?:<ENTITY>, Date?:<ENTITY>"
    return "\n".join([
        "[entities]", *taxonomy.labels, "",
        "[relations]", "<OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>", "",
        "[events]", *(f"{name}\t{roles}" for name in taxonomy.activities), "",
        "[attributes]", f"Phase\tArg:<EVENT>, Value:{'|'.join(PHASES)}", "",
    ])


def abbreviations(names: list[str]) -> dict[str, str]:
    """The short name brat draws on a span when the full one does not fit, one per label and no two
    alike (PERSON and PERSONNEL both began "PER"): the first three letters when no other label
    shares them, else the initials of a name in parts (ELECTION_BODY: EB), else the shortest start
    no other label has, else the whole name."""
    out: dict[str, str] = {}
    for n in names:
        others = [m for m in names if m != n]
        choices = [n[:3]] + (["".join(p[:1] for p in n.split("_") if p)] if "_" in n else [])
        choices += [n[:k] for k in range(4, len(n))]
        out[n] = next((c for c in choices if c and not any(m.startswith(c) for m in others)
                       and c not in out.values()), n)
    return out


def visual_conf(taxonomy: Taxonomy) -> str:
    short = abbreviations(list(taxonomy.labels))
    labels = [f"{n} | {(s.description or n).replace('|', '/')} | {short[n]}"
              for n, s in taxonomy.labels.items()]
    drawing = []
    for n, s in taxonomy.labels.items():
        colour = _HEX.search(s.color)
        if colour:
            drawing.append(f"{n}\tbgColor:{colour.group()}")
    return "\n".join(["[labels]", *labels, *taxonomy.activities, "", "[drawing]",
                      "SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken",
                      "ARC_DEFAULT\tcolor:black, arrowHead:triangle-5",
                      "ATTRIBUTE_DEFAULT\tglyph:*", *drawing, ""])


def _ours(folder: Path) -> bool:
    return (folder / MARKER).exists()


def write_files(items: Iterable[Item], folder: Path) -> int:
    """``NAME.txt`` and ``NAME.ann`` of each article into ``folder`` (a temp folder that
    ``replacing_folder`` syncs and swaps in); the number of articles."""
    n = 0
    if os.open not in os.supports_dir_fd:  # pragma: no cover - not POSIX
        for item in items:
            a = item.article
            write_new(folder / f"{a.id}.txt", a.text.encode("utf-8", "surrogatepass"))
            write_new(folder / f"{a.id}.ann", ann(a, item.records).encode("utf-8", "surrogatepass"))
            n += 1
        return n
    where = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        for item in items:
            a = item.article
            write_new(f"{a.id}.txt", a.text.encode("utf-8", "surrogatepass"), where)
            write_new(f"{a.id}.ann", ann(a, item.records).encode("utf-8", "surrogatepass"), where)
            n += 1
    finally:
        os.close(where)
    return n


def write_confs(folder: Path, taxonomy: Taxonomy) -> None:
    write_new(folder / MARKER, annotation_conf(taxonomy).encode("utf-8", "surrogatepass"))
    write_new(folder / "visual.conf", visual_conf(taxonomy).encode("utf-8", "surrogatepass"))


@contextmanager
def folder_export(folder: Path, taxonomy: Taxonomy) -> Iterator[Path]:
    """The temp folder to write the articles into (``write_files``); the configuration files
    are added and the folder swapped in at the end (``replacing_folder``)."""
    with replacing_folder(folder, _ours, "a brat export") as tmp:
        yield tmp
        write_confs(tmp, taxonomy)


def write_folder(items: Iterable[Item], folder: Path, taxonomy: Taxonomy) -> int:
    """Write the export beside ``folder``, then swap it in: an interruption leaves the old folder
    (or none). An existing folder is replaced only if it is empty or a brat export."""
    with folder_export(folder, taxonomy) as tmp:
        return write_files(items, tmp)
