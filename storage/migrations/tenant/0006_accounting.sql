-- What CallTally works out about a call when it stores it: the external
-- number in E.164, the kind of destination, the department and cost
-- centre of its extension at the time, and its cost. cost is in millionths
-- of the currency's major unit (always a whole number of its minor unit);
-- NULL when no tariff priced the call.
ALTER TABLE calls ADD COLUMN external_e164 TEXT NOT NULL DEFAULT '';
ALTER TABLE calls ADD COLUMN dest_country TEXT NOT NULL DEFAULT '';
ALTER TABLE calls ADD COLUMN dest_type TEXT NOT NULL DEFAULT '';
ALTER TABLE calls ADD COLUMN dest_scope TEXT NOT NULL DEFAULT '';
ALTER TABLE calls ADD COLUMN department TEXT NOT NULL DEFAULT '';
ALTER TABLE calls ADD COLUMN cost_centre TEXT NOT NULL DEFAULT '';
ALTER TABLE calls ADD COLUMN cost INTEGER;
ALTER TABLE calls ADD COLUMN currency TEXT NOT NULL DEFAULT '';
ALTER TABLE calls ADD COLUMN rate TEXT NOT NULL DEFAULT '';
