-- Core tables: who may connect, the merged records, the change log pulls read, and the
-- per-device ledger of applied mutations that makes a repeated push apply nothing twice.
-- Portable SQL: runs on PGlite (PostgreSQL 18) and Debian's PostgreSQL 15 alike.

CREATE TABLE clusters (
  code text PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tokens (
  id text PRIMARY KEY,
  -- SHA-256 (hex) of the token; the token itself is shown once and never stored
  hash text NOT NULL UNIQUE,
  cluster_code text NOT NULL REFERENCES clusters (code),
  role text NOT NULL CHECK (role IN ('team', 'hq')),
  label text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

-- The merged state: one row per record, `fields` = { field: { value, hlc, base } }.
CREATE TABLE records (
  entity text NOT NULL,
  id text NOT NULL,
  cluster_id text NOT NULL,
  fields jsonb NOT NULL,
  -- readable by every cluster (shared entity, or flagged sharedWithNetwork)
  shared boolean NOT NULL DEFAULT false,
  PRIMARY KEY (entity, id)
);

-- Append-only; `seq` is the pull cursor.
CREATE TABLE changes (
  seq bigserial PRIMARY KEY,
  entity text NOT NULL,
  id text NOT NULL,
  cluster_id text NOT NULL,
  -- visible to every cluster: the record was shared before or after this change
  shared boolean NOT NULL,
  fields jsonb NOT NULL,
  device_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE applied_mutations (
  device_id text NOT NULL,
  mutation_id text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (device_id, mutation_id)
);
