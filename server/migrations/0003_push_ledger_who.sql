-- Push speed and the sender's profile (issue 9, session 4).
--
-- 1. The per-mutation ledger `applied_mutations` (one heap row and one index entry per mutation:
--    it cost as much as writing the records) becomes one row per push: the batch's new mutation
--    ids as an array, with the batch's smallest and largest id so a later push reads only the
--    rows whose range overlaps its own. Still exact per mutation id: a duplicate is an id found
--    in some row's `ids`, so files or batches arriving out of order are judged right.
--    COLLATE "C": the range bounds compare byte-wise, the same on PostgreSQL 15 and PGlite
--    whatever the database's locale.
-- 2. `changes.who`: the sender's profile { name, role? } as pushed, returned on pull so the
--    receivers' history entries name who made the change.

CREATE TABLE push_ledger (
  device_id text NOT NULL,
  first_id text COLLATE "C" NOT NULL,
  last_id text COLLATE "C" NOT NULL,
  ids text[] NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX push_ledger_by_range ON push_ledger (device_id, last_id);

INSERT INTO push_ledger (device_id, first_id, last_id, ids)
SELECT device_id, min(mutation_id COLLATE "C"), max(mutation_id COLLATE "C"), array_agg(mutation_id)
FROM applied_mutations
GROUP BY device_id;

DROP TABLE applied_mutations;

ALTER TABLE changes ADD COLUMN who jsonb;
