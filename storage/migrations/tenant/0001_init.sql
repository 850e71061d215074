-- A tenant's database: its calls and every raw record they came from.

-- The PBX systems records came from, by the name they are configured or
-- imported under.
CREATE TABLE pbx (
    id     INTEGER PRIMARY KEY,
    name   TEXT NOT NULL UNIQUE,
    driver TEXT NOT NULL
);

-- Where raw records were read: a file name or a peer address.
CREATE TABLE sources (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

-- Every record a PBX sent, exactly as sent, whether or not it parsed,
-- stored in blocks of consecutive records from one source: one row per
-- block keeps an import's cost close to that of the calls alone. A
-- record's ID is block id << 16 | its index in the block. meta holds, per
-- record, its length, line number and arrival time (see rawblock.go).
CREATE TABLE raw_blocks (
    id        INTEGER PRIMARY KEY,
    pbx_id    INTEGER NOT NULL REFERENCES pbx(id),
    source_id INTEGER NOT NULL REFERENCES sources(id),
    received  INTEGER NOT NULL, -- unix milliseconds of the first record
    stored    INTEGER NOT NULL, -- unix seconds when stored, for retention
    count     INTEGER NOT NULL,
    meta      BLOB NOT NULL,
    text      BLOB NOT NULL
);
CREATE INDEX raw_blocks_stored ON raw_blocks (stored);

-- The stable identity of every stored record: a hash of the PBX, the text
-- and how many identical records came before it in the same input, so
-- re-reading an input finds its records again while two genuinely
-- identical records in one input are both kept.
CREATE TABLE raw_keys (
    rkey   BLOB PRIMARY KEY,
    record INTEGER NOT NULL
) WITHOUT ROWID;

-- Records that did not simply become part of a stored call: pending
-- (waiting for the rest of their call), ignored (no call in it: a header),
-- error (could not be read; error says why). Every other record is part of
-- a stored call.
CREATE TABLE raw_status (
    record INTEGER PRIMARY KEY,
    pbx_id INTEGER NOT NULL REFERENCES pbx(id),
    status TEXT NOT NULL CHECK (status IN ('pending', 'ignored', 'error')),
    error  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX raw_status_pbx ON raw_status (pbx_id, status, record);

-- One row per conversation. start_local is the site's wall clock as
-- seconds since 1970-01-01 00:00:00 of that clock (no zone), so that date
-- filters and ordering are integer ranges in the site's own days;
-- start_utc is the instant. legs packs the call's legs, each with the ID of
-- the raw record it was read from (see legs.go): one row per call.
CREATE TABLE calls (
    id               INTEGER PRIMARY KEY,
    pbx_id           INTEGER NOT NULL REFERENCES pbx(id),
    start_local      INTEGER NOT NULL,
    start_utc        INTEGER NOT NULL,
    duration         INTEGER NOT NULL,
    ring             INTEGER NOT NULL,
    hold             INTEGER NOT NULL,
    direction        TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound', 'internal', 'tandem')),
    extension        TEXT NOT NULL,
    extension_name   TEXT NOT NULL,
    first_answerer   TEXT NOT NULL,
    final_answerer   TEXT NOT NULL,
    external         TEXT NOT NULL,
    external_name    TEXT NOT NULL,
    dialled          TEXT NOT NULL,
    trunk            TEXT NOT NULL,
    account_code     TEXT NOT NULL,
    answered         INTEGER NOT NULL,
    voicemail        INTEGER NOT NULL,
    transferred_from TEXT NOT NULL,
    forwarded_from   TEXT NOT NULL,
    call_id          TEXT NOT NULL,
    driver           TEXT NOT NULL,
    partial          INTEGER NOT NULL,
    charge_units     INTEGER NOT NULL,
    legs             BLOB NOT NULL
);
CREATE INDEX calls_start ON calls (start_local);
CREATE INDEX calls_extension ON calls (extension, start_local);
CREATE INDEX calls_external ON calls (external, start_local);
CREATE INDEX calls_direction ON calls (direction, start_local);
