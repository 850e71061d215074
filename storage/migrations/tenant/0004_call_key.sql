-- Formats that write a record per leg and never say which is the last
-- (CUCM transfers, 3CX segments) give each call the key its legs share:
-- a leg that arrives after its call was stored is joined to it by this key.
ALTER TABLE calls ADD COLUMN call_key TEXT NOT NULL DEFAULT '';
CREATE INDEX calls_key ON calls (pbx_id, call_key, start_utc) WHERE call_key <> '';
