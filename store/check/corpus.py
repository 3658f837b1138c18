"""Checking the corpus: manifest, shards and their meta files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from store.disk.corpus import BrokenShard, Corpus, DamagedManifest
from store.disk.layout import MANIFEST
from store.errors import NoPermission, StoreError
from store.text.normalise import article_id

from .report import CheckReport, Found, check_spans


def check_corpus(root: Path, report: CheckReport, found: Found) -> None:
    try:
        corpus = Corpus(root, writable=False)
    except DamagedManifest as exc:
        report.problems.append(str(exc))
        found.manifest_broken = True
        return
    except NoPermission as exc:  # another user's file: not damage, nothing to rebuild
        report.problems.append(str(exc))
        found.no_permission.append(exc.path)
        return
    except StoreError as exc:  # a newer schema: nothing this tandai may rebuild
        report.problems.append(str(exc))
        return
    texts: dict[str, str] = {}
    broken_shards = 0
    for name in corpus.shards:
        try:
            docs = corpus.load_shard(name)
        except NoPermission as exc:  # (not damage: never quarantined)
            report.problems.append(str(exc))
            found.no_permission.append(exc.path)
            broken_shards += 1
            continue
        except StoreError as exc:
            report.problems.append(f"{exc} (--repair quarantines it; its articles must then be re-ingested "
                                   "from their source files)")
            broken_shards += 1
            if isinstance(exc, BrokenShard):
                found.broken_shards.append(name)
            continue
        if docs and all(aid in texts for aid in docs) and all(texts[aid] == doc.get("text")
                                                              for aid, doc in docs.items()):
            report.problems.append(f"{name}.json repeats articles of the shards before it (all {len(docs)} "
                                   "of its articles; left by an interrupted merge or import): --repair drops "
                                   f"it from {MANIFEST} (nothing is lost)")
            found.repeated_shards.append(name)
            found.repeated_articles += len(docs)
            continue
        problems_before = len(report.problems)
        for aid, doc in docs.items():
            where = f"article {aid} ({name})"
            text = doc.get("text")
            if not isinstance(text, str):
                report.problems.append(f"{where}: has no text")
                continue
            if article_id(text) != aid:
                report.problems.append(f"{where}: id does not match its text")
            if aid in texts:
                report.problems.append(f"{where}: the same article is in two shards")
            check_spans(text, doc.get("entities") or [], "entity", where, report.problems)
            check_spans(text, doc.get("noise") or [], "noise span", where, report.problems)
            texts[aid] = text
        if len(report.problems) > problems_before:  # the bodies are not as ingested: re-ingest them
            report.problems.append(f"{name}.json holds damaged articles (--repair quarantines it; its "
                                   "articles must then be re-ingested from their source files)")
            found.broken_shards.append(name)
            continue
        problem = meta_problem(corpus, name, docs)
        if problem:
            report.problems.append(problem)
            found.bad_metas.append(name)
    expected = int(corpus.manifest.get("articles", 0)) - found.repeated_articles
    if expected != len(texts) and not broken_shards:
        report.problems.append(f"{MANIFEST} lists {expected} articles, the shards hold {len(texts)}")
        found.article_count = len(texts)
    unlisted_shards(corpus, texts, report, found)
    lost: dict[str, list[str]] = {}
    for aid, shard in corpus.quarantined_ids().items():
        if aid not in texts:
            lost.setdefault(shard, []).append(aid)
    for shard, ids in sorted(lost.items()):
        found.quarantined.update(ids)
        more = f" and {len(ids) - 10} more" if len(ids) > 10 else ""
        report.notes.append(f"{len(ids)} article(s) of the quarantined {shard}.json are not in the store "
                               f"({', '.join(ids[:10])}{more}): re-ingest their source files (listed in "
                               "corpus/quarantine/)")
    report.articles = len(texts)
    found.texts = texts


def unlisted_shards(corpus: Corpus, texts: dict[str, str], report: CheckReport, found: Found) -> None:
    """Shard files the manifest does not list. From its next shard number on they are what a
    killed ingest, merge or import wrote before its commit: not part of the store (the next writer
    or --repair removes them). Below it, a shard whose articles the store holds already is such a
    leftover too, renumbered below by an older tandai's next merge: never adopted (that doubled
    the articles), only removed; one whose articles it lacks is put back by rebuilding the
    manifest; one holding both is quarantined (its missing articles listed for re-ingest)."""
    below = corpus.unlisted_shards()
    fresh, mixed = [], []
    for name in below:
        try:
            ids = set(corpus.load_shard(name))
        except StoreError:  # unreadable: the rebuild quarantines it
            fresh.append(name)
            continue
        held = sum(aid in texts for aid in ids)
        if ids and held == len(ids):
            found.spare_shards.append(name)
        elif held:
            mixed.append((name, held, len(ids) - held))
        else:
            fresh.append(name)
    if fresh:
        report.problems.append(f"{', '.join(n + '.json' for n in fresh)}: not listed in {MANIFEST} "
                               "(--repair rebuilds the manifest from the shards)")
        found.manifest_broken = True
    for name, held, missing in mixed:
        report.problems.append(f"{name}.json: not listed in {MANIFEST}; {held} of its articles are in the "
                               f"store, {missing} are not (--repair quarantines it; those {missing} must "
                               "then be re-ingested from their source files)")
        found.manifest_broken = True  # (the rebuilt manifest leaves it out, and it is quarantined)
    if found.spare_shards:
        names = ", ".join(n + ".json" for n in found.spare_shards)
        report.notes.append(f"{names}: not listed in {MANIFEST}, and every article in them is in the store "
                            "(left by an interrupted merge or import; --repair removes them)")
    if not corpus.dir.exists():
        return
    listed, leftover = set(corpus.shards), set(below)
    orphans = {p.name.split(".")[0] for p in corpus.dir.glob("shard-*.json")} - listed - leftover
    if orphans:
        report.notes.append(f"{len(orphans)} shard(s) of an unfinished ingest, merge or import are not part "
                            "of the store (removed by the next one, or by --repair)")
        found.leftovers += sorted(p for p in corpus.dir.glob("shard-*.json")
                                  if p.name.split(".")[0] in orphans)
    found.leftovers += list(corpus.dir.glob(".*.tmp"))


META_FIELDS = ("title", "outlet", "published", "dateline", "duplicate_of", "source")


def meta_problem(corpus: Corpus, name: str, docs: dict[str, dict[str, Any]]) -> str | None:
    """What is wrong with a shard's meta file (ingest's duplicate check and the article list
    trust it), or None: every article once, with its list fields and a signature."""
    meta_name = f"{name}.meta.json"
    try:
        summaries = corpus.load_meta(name)
    except StoreError as exc:
        return str(exc)
    ids = [s["id"] for s in summaries]
    if sorted(ids) != sorted(docs):
        return f"{meta_name} does not list the articles of {name}.json"
    for s in summaries:
        doc = docs[s["id"]]
        wrong = [f for f in META_FIELDS if s.get(f) != doc.get(f)]
        if wrong:
            return f"{meta_name}: the {', '.join(wrong)} of article {s['id']} differ from {name}.json"
        sig = s.get("sig")
        if not (isinstance(sig, list) and all(isinstance(x, int) and not isinstance(x, bool) for x in sig)):
            return f"{meta_name}: article {s['id']} has no duplicate signature"
    return None
