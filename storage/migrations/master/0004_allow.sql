-- The peers allowed to connect to a listening PBX source (tcp-listen):
-- comma-separated IP addresses or CIDR prefixes; empty allows any.
ALTER TABLE pbx_systems ADD COLUMN allow TEXT NOT NULL DEFAULT '';
