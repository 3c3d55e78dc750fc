-- Devices (which cluster a device syncs for, and when it last did) and the conflict inbox:
-- every concurrent write that lost the field-level merge, kept for the device that made it.

CREATE TABLE devices (
  device_id text PRIMARY KEY,
  cluster_code text NOT NULL,
  last_push_at timestamptz,
  last_pull_at timestamptz
);

CREATE TABLE conflicts (
  seq bigserial PRIMARY KEY,
  device_id text NOT NULL,
  entity text NOT NULL,
  record_id text NOT NULL,
  field text NOT NULL,
  lost_value jsonb,
  lost_hlc text NOT NULL,
  won_value jsonb,
  won_hlc text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX conflicts_by_device ON conflicts (device_id, seq);
