"""The PostgreSQL schema of a tandai store, as numbered migrations.

``tandai init`` applies the migrations the database has not had yet, each in one transaction,
and records the version in ``tandai.meta``. Opening a database checks the version: a newer one
than this program knows is refused (it could hold data this version would damage), an older one
asks for ``tandai init`` (only the owner may change the schema).

Who may do what is the database's job, not the program's: reviewers are members of
``tandai_reviewer`` and change only rows they own; members of ``tandai_adjudicator`` may change
anyone's. Since migration 2 only ``tandai.apply_change`` (security definer) writes, checking the
caller and each op, so no one forges the history the mirrors replay. Ownership is the
``reviewer`` the value carries, held equal to ``owner`` by a check constraint.
"""

from __future__ import annotations

import time
from typing import Any

from store.errors import SchemaMismatch, StoreError

REVIEWER_ROLE = "tandai_reviewer"
_ROLE_RACE_TRIES = 4
ADJUDICATOR_ROLE = "tandai_adjudicator"
CHANGES_CHANNEL = "tandai_changes"
ARTICLES_CHANNEL = "tandai_articles"
WRITE_LOCK = 7_261_736  # pg_advisory_xact_lock key: one writer at a time keeps ids in commit order

_ROLES = f"""
DO $$ BEGIN  -- cluster-wide roles: another database's set-up may create them at the same moment
  BEGIN
    CREATE ROLE {REVIEWER_ROLE} NOLOGIN;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END;
  BEGIN
    CREATE ROLE {ADJUDICATOR_ROLE} NOLOGIN IN ROLE {REVIEWER_ROLE};
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END;
END $$;
"""

_ANYONE = f"pg_has_role(current_user, '{ADJUDICATOR_ROLE}', 'MEMBER')"
_MINE = f"(owner = current_user OR {_ANYONE})"

MIGRATIONS: list[tuple[int, str]] = [
    (1, f"""
CREATE SCHEMA IF NOT EXISTS tandai;
CREATE TABLE tandai.meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE tandai.articles (
    seq bigint PRIMARY KEY,              -- 1, 2, 3 … in commit order, no gaps: the caches count on it
    id text NOT NULL UNIQUE,
    doc jsonb NOT NULL,                  -- Article.to_dict()
    sig jsonb NOT NULL,                  -- near-duplicate signature
    added timestamptz NOT NULL DEFAULT now(),
    added_by text NOT NULL DEFAULT current_user
);
CREATE TABLE tandai.changes (            -- every acknowledged change, in order: history and live feed
    id bigint PRIMARY KEY,               -- gapless, in commit order (taken under WRITE_LOCK)
    uid text NOT NULL UNIQUE,            -- the client's id for it: a commit whose answer was lost is found
    reviewer text NOT NULL DEFAULT current_user,
    label text NOT NULL,
    ops jsonb NOT NULL,                  -- [["put", table, key, value] | ["del", table, key], …]
    keys text[] NOT NULL,                -- table/key of each op (who changed this, for conflicts)
    at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE tandai.annotations (        -- the current state: records, overrides, status, searches
    kind text NOT NULL CHECK (kind IN ('records', 'overrides', 'status', 'searches')),
    key text NOT NULL,
    article_id text,
    owner text NOT NULL,
    value jsonb NOT NULL,
    version bigint NOT NULL REFERENCES tandai.changes (id),  -- the change that wrote it
    PRIMARY KEY (kind, key),
    CHECK (owner = value->>'reviewer')
);
CREATE INDEX annotations_article ON tandai.annotations (article_id);
CREATE INDEX changes_keys ON tandai.changes USING gin (keys);
CREATE VIEW tandai.records AS
    SELECT key AS id, article_id, owner AS reviewer, value->>'type' AS type, value->>'unit' AS unit,
           value->>'date' AS date, value, version FROM tandai.annotations WHERE kind = 'records';
CREATE VIEW tandai.statuses AS
    SELECT article_id, owner AS reviewer, value->>'status' AS status, version
    FROM tandai.annotations WHERE kind = 'status';

CREATE FUNCTION tandai.notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM pg_notify('{CHANGES_CHANNEL}', NEW.id::text); RETURN NULL; END $$;
CREATE TRIGGER changes_notify AFTER INSERT ON tandai.changes
    FOR EACH ROW EXECUTE FUNCTION tandai.notify_change();
CREATE FUNCTION tandai.notify_articles() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM pg_notify('{ARTICLES_CHANNEL}', ''); RETURN NULL; END $$;
CREATE TRIGGER articles_notify AFTER INSERT ON tandai.articles
    FOR EACH STATEMENT EXECUTE FUNCTION tandai.notify_articles();

-- One change, one statement, one transaction: the client waits for one round trip and the commit.
CREATE FUNCTION tandai.apply_change(p_uid text, p_label text, p_ops jsonb, p_expected jsonb)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    n int := jsonb_array_length(p_ops);
    existed boolean[] := '{{}}';
    found_version bigint;
    change_id bigint;
    op jsonb;
    ops jsonb := '[]';
BEGIN
    PERFORM pg_advisory_xact_lock({WRITE_LOCK});
    FOR i IN 0 .. n - 1 LOOP
        op := p_ops -> i;
        SELECT version INTO found_version FROM tandai.annotations WHERE kind = op->>1 AND key = op->>2;
        IF found_version IS DISTINCT FROM (p_expected ->> i)::bigint THEN
            RAISE EXCEPTION USING ERRCODE = 'TD409', MESSAGE = (op->>1) || '/' || (op->>2);
        END IF;
        existed := existed || (found_version IS NOT NULL);
    END LOOP;
    SELECT coalesce(max(id), 0) + 1 INTO change_id FROM tandai.changes;
    FOR i IN 0 .. n - 1 LOOP  -- corrections apply in change order, across reviewers
        op := p_ops -> i;
        IF op->>0 = 'put' AND op->>1 = 'overrides' THEN
            op := jsonb_set(op, '{{3,seq}}', to_jsonb(change_id));
        END IF;
        ops := ops || jsonb_build_array(op);
    END LOOP;
    INSERT INTO tandai.changes (id, uid, label, ops, keys)
        VALUES (change_id, p_uid, p_label, ops,
                ARRAY(SELECT (e->>1) || '/' || (e->>2) FROM jsonb_array_elements(ops) e));
    FOR i IN 0 .. n - 1 LOOP
        op := ops -> i;
        IF op->>0 = 'del' THEN
            DELETE FROM tandai.annotations WHERE kind = op->>1 AND key = op->>2;
        ELSIF existed[i + 1] THEN
            UPDATE tandai.annotations SET value = op->3, owner = op->3->>'reviewer',
                   article_id = op->3->>'article_id', version = change_id
             WHERE kind = op->>1 AND key = op->>2;
        ELSE
            INSERT INTO tandai.annotations (kind, key, article_id, owner, value, version)
                VALUES (op->>1, op->>2, op->3->>'article_id', op->3->>'reviewer', op->3, change_id);
        END IF;
        IF existed[i + 1] AND NOT FOUND THEN  -- row-level security hid it: not this reviewer's
            RAISE EXCEPTION USING ERRCODE = '42501',
                                  MESSAGE = 'the ' || (op->>1) || ' row is not yours to change';
        END IF;
    END LOOP;
    RETURN change_id;
END $$;

{_ROLES}
GRANT USAGE ON SCHEMA tandai TO {REVIEWER_ROLE};
GRANT SELECT ON ALL TABLES IN SCHEMA tandai TO {REVIEWER_ROLE};
GRANT INSERT ON tandai.changes TO {REVIEWER_ROLE};
GRANT INSERT, UPDATE, DELETE ON tandai.annotations TO {REVIEWER_ROLE};
GRANT INSERT ON tandai.articles TO {ADJUDICATOR_ROLE};

ALTER TABLE tandai.annotations ENABLE ROW LEVEL SECURITY;
CREATE POLICY see ON tandai.annotations FOR SELECT USING (true);
CREATE POLICY add ON tandai.annotations FOR INSERT WITH CHECK {_MINE};
CREATE POLICY change ON tandai.annotations FOR UPDATE USING {_MINE} WITH CHECK {_MINE};
CREATE POLICY remove ON tandai.annotations FOR DELETE USING {_MINE};
ALTER TABLE tandai.changes ENABLE ROW LEVEL SECURITY;
CREATE POLICY see ON tandai.changes FOR SELECT USING (true);
CREATE POLICY add ON tandai.changes FOR INSERT WITH CHECK (reviewer = current_user);

INSERT INTO tandai.meta VALUES ('store_id', gen_random_uuid()::text), ('created', now()::text);
"""),
    (2, f"""
-- Red team 2 (R2): a reviewer wrote tandai.changes directly (any ops, any id) and every mirror
-- replayed it. Now apply_change is the only way in: it runs as the owner and checks, as the caller
-- (session_user), what row-level security checked before, and that each op is well formed.
REVOKE INSERT ON tandai.changes FROM {REVIEWER_ROLE};
REVOKE INSERT, UPDATE, DELETE ON tandai.annotations FROM {REVIEWER_ROLE};

CREATE FUNCTION tandai.bad_op(op jsonb) RETURNS text LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp AS $$
DECLARE v jsonb;
BEGIN  -- why an op is malformed, or null: what the mirrors and readers need to trust it
    IF jsonb_typeof(op) IS DISTINCT FROM 'array' THEN RETURN 'an op is not an array'; END IF;
    IF op->>0 IS NULL OR op->>0 NOT IN ('put', 'del') THEN RETURN 'op[0] is not put or del'; END IF;
    IF jsonb_typeof(op->1) IS DISTINCT FROM 'string'
       OR op->>1 NOT IN ('records', 'overrides', 'status', 'searches') THEN
        RETURN 'op[1] is not records, overrides, status or searches';
    END IF;
    IF jsonb_typeof(op->2) IS DISTINCT FROM 'string' OR op->>2 = '' THEN
        RETURN 'the key is not a non-empty text';
    END IF;
    IF op->>0 = 'del' THEN
        RETURN CASE WHEN jsonb_array_length(op) = 3 THEN NULL ELSE 'a del has three elements' END;
    END IF;
    v := op->3;
    IF jsonb_array_length(op) <> 4 OR jsonb_typeof(v) IS DISTINCT FROM 'object' THEN
        RETURN 'a put''s value is not an object';
    END IF;
    IF jsonb_typeof(v->'reviewer') IS DISTINCT FROM 'string' THEN RETURN 'reviewer is not a text'; END IF;
    IF op->>1 <> 'searches' AND jsonb_typeof(v->'article_id') IS DISTINCT FROM 'string' THEN
        RETURN 'article_id is not a text';
    END IF;
    IF op->>1 = 'records' THEN
        IF jsonb_typeof(v->'id') IS DISTINCT FROM 'string' THEN RETURN 'record id is not a text'; END IF;
        IF jsonb_typeof(v->'type') IS DISTINCT FROM 'string' OR btrim(v->>'type') = '' THEN
            RETURN 'record type is not a non-empty text';
        END IF;
        IF jsonb_typeof(v->'unit') IS DISTINCT FROM 'string' OR btrim(v->>'unit') = '' THEN
            RETURN 'record unit is not a non-empty text';
        END IF;
        IF v ? 'partners' AND (jsonb_typeof(v->'partners') IS DISTINCT FROM 'array' OR EXISTS (
               SELECT 1 FROM jsonb_array_elements(v->'partners') p WHERE jsonb_typeof(p) <> 'string')) THEN
            RETURN 'record partners is not a list of texts';
        END IF;
        IF coalesce(jsonb_typeof(v->'date'), 'null') <> 'null' AND (jsonb_typeof(v->'date') <> 'string'
               OR v->>'date' !~ '^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}$') THEN
            RETURN 'record date is not null or YYYY-MM-DD';
        END IF;
        IF coalesce(jsonb_typeof(v->'personnel'), 'null') <> 'null'
           AND (jsonb_typeof(v->'personnel') <> 'number' OR (v->>'personnel') !~ '^[0-9]+$') THEN
            RETURN 'record personnel is not null or a whole number';
        END IF;
    END IF;
    RETURN NULL;
END $$;

-- One change, one statement, one transaction: the client waits for one round trip and the commit.
CREATE OR REPLACE FUNCTION tandai.apply_change(p_uid text, p_label text, p_ops jsonb, p_expected jsonb)
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    n int;
    existed boolean[] := '{{}}';
    owners text[] := '{{}}';
    found_version bigint;
    found_owner text;
    change_id bigint;
    op jsonb;
    why text;
    ops jsonb := '[]';
    -- the caller, not this function's owner; the owner (or a member of it) and adjudicators: anyone's
    caller text := session_user;
    anyone boolean := pg_has_role(session_user, current_user, 'MEMBER')
                      OR pg_has_role(session_user, '{ADJUDICATOR_ROLE}', 'MEMBER');
BEGIN
    IF jsonb_typeof(p_ops) IS DISTINCT FROM 'array' OR jsonb_typeof(p_expected) IS DISTINCT FROM 'array'
       OR jsonb_array_length(p_ops) <> jsonb_array_length(p_expected) THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = 'malformed change: ops and expected versions are not two arrays of one length';
    END IF;
    n := jsonb_array_length(p_ops);
    FOR i IN 0 .. n - 1 LOOP
        why := tandai.bad_op(p_ops -> i);
        IF why IS NOT NULL THEN
            RAISE EXCEPTION USING ERRCODE = '22023',
                MESSAGE = 'malformed change: op ' || (i + 1) || ': ' || why;
        END IF;
        IF jsonb_typeof(p_expected -> i) NOT IN ('number', 'null') THEN
            RAISE EXCEPTION USING ERRCODE = '22023',
                MESSAGE = 'malformed change: expected version ' || (i + 1) || ' is not a number or null';
        END IF;
    END LOOP;
    PERFORM pg_advisory_xact_lock({WRITE_LOCK});
    FOR i IN 0 .. n - 1 LOOP
        op := p_ops -> i;
        found_version := NULL;
        found_owner := NULL;
        SELECT version, owner INTO found_version, found_owner
          FROM tandai.annotations WHERE kind = op->>1 AND key = op->>2;
        IF found_version IS DISTINCT FROM (p_expected ->> i)::bigint THEN
            RAISE EXCEPTION USING ERRCODE = 'TD409', MESSAGE = (op->>1) || '/' || (op->>2);
        END IF;
        existed := existed || (found_version IS NOT NULL);
        owners := owners || found_owner;
    END LOOP;
    FOR i IN 1 .. n LOOP  -- what row-level security decided before, for the caller
        op := p_ops -> (i - 1);
        IF NOT anyone AND ((existed[i] AND owners[i] IS DISTINCT FROM caller)
                           OR (op->>0 = 'put' AND op->3->>'reviewer' IS DISTINCT FROM caller)) THEN
            RAISE EXCEPTION USING ERRCODE = '42501',
                                  MESSAGE = 'the ' || (op->>1) || ' row is not yours to change';
        END IF;
    END LOOP;
    SELECT coalesce(max(id), 0) + 1 INTO change_id FROM tandai.changes;
    FOR i IN 0 .. n - 1 LOOP  -- corrections apply in change order, across reviewers
        op := p_ops -> i;
        IF op->>0 = 'put' AND op->>1 = 'overrides' THEN
            op := jsonb_set(op, '{{3,seq}}', to_jsonb(change_id));
        END IF;
        ops := ops || jsonb_build_array(op);
    END LOOP;
    INSERT INTO tandai.changes (id, uid, reviewer, label, ops, keys)
        VALUES (change_id, p_uid, caller, p_label, ops,
                ARRAY(SELECT (e->>1) || '/' || (e->>2) FROM jsonb_array_elements(ops) e));
    FOR i IN 0 .. n - 1 LOOP
        op := ops -> i;
        IF op->>0 = 'del' THEN
            DELETE FROM tandai.annotations WHERE kind = op->>1 AND key = op->>2;
        ELSIF existed[i + 1] THEN
            UPDATE tandai.annotations SET value = op->3, owner = op->3->>'reviewer',
                   article_id = op->3->>'article_id', version = change_id
             WHERE kind = op->>1 AND key = op->>2;
        ELSE
            INSERT INTO tandai.annotations (kind, key, article_id, owner, value, version)
                VALUES (op->>1, op->>2, op->3->>'article_id', op->3->>'reviewer', op->3, change_id);
        END IF;
    END LOOP;
    RETURN change_id;
END $$;
REVOKE ALL ON FUNCTION tandai.apply_change(text, text, jsonb, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tandai.apply_change(text, text, jsonb, jsonb) TO {REVIEWER_ROLE};
"""),
    (3, f"""
-- `tandai undo`: what undoes each reviewer's last command (merge, import), kept where the team's
-- store is. A reviewer reads and writes only their own row; the operations it holds are applied
-- through apply_change, which checks them as it checks any change, so a row written by hand
-- gives no one more than they have.
CREATE TABLE tandai.undo (
    reviewer text PRIMARY KEY DEFAULT current_user,
    kept jsonb NOT NULL,                 -- store.history.KeptUndo: label, change id, checksum, operations
    at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE tandai.undo ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON tandai.undo USING (reviewer = current_user) WITH CHECK (reviewer = current_user);
GRANT SELECT, INSERT, UPDATE, DELETE ON tandai.undo TO {REVIEWER_ROLE};
"""),
]

SCHEMA_VERSION = MIGRATIONS[-1][0]


def current_version(conn: Any) -> int:
    """The schema version the database holds; 0 when tandai was never set up in it."""
    row = conn.execute("SELECT to_regclass('tandai.meta') IS NOT NULL").fetchone()
    if not row or not row[0]:
        return 0
    found = conn.execute("SELECT value FROM tandai.meta WHERE key = 'schema_version'").fetchone()
    return int(found[0]) if found else 0


def check_version(conn: Any, where: str) -> None:
    """Refuse a database this program cannot use (never set up, older, or newer)."""
    version = current_version(conn)
    if version == SCHEMA_VERSION:
        return
    if version == 0:
        raise StoreError(f"{where} has no tandai store; create it with `tandai init {where}`")
    if version > SCHEMA_VERSION:
        raise SchemaMismatch(f"{where} has tandai schema {version}, newer than this tandai knows "
                             f"({SCHEMA_VERSION}); upgrade tandai")
    raise SchemaMismatch(f"{where} has tandai schema {version}; the database owner upgrades it "
                         f"with `tandai init {where}`")


def migrate(conn: Any, where: str) -> list[int]:
    """Apply the migrations the database lacks, each in its own transaction; returns their numbers."""
    version = current_version(conn)
    if version > SCHEMA_VERSION:
        check_version(conn, where)
    import psycopg

    done = []
    for number, sql in MIGRATIONS:
        if number <= version:
            continue
        for attempt in range(_ROLE_RACE_TRIES):
            try:
                with conn.transaction():
                    conn.execute(sql)
                    conn.execute("INSERT INTO tandai.meta VALUES ('schema_version', %s) "
                                 "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", (str(number),))
                break
            except (psycopg.errors.UndefinedObject, psycopg.errors.UniqueViolation,
                    psycopg.errors.DuplicateObject):
                # the cluster-wide roles created by another database's set-up at the same moment: this
                # transaction may still see the role missing after its own CREATE ROLE lost the race
                # ('role "tandai_reviewer" does not exist', seen once in CI): rolled back, tried again
                if attempt == _ROLE_RACE_TRIES - 1:
                    raise
                time.sleep(0.05 * (attempt + 1))
        done.append(number)
    return done
