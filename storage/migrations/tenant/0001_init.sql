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

-- Every record a PBX sent, exactly as sent, whether or not it parsed.
-- rkey is a hash of the PBX, the text and how many identical records came
-- before it in the same input: re-reading an input finds its records again,
-- while two genuinely identical records in one input are both kept.
-- status: ok (part of a stored call), pending (waiting for the rest of its
-- call), ignored (no call in it: a header), error (could not be read; see
-- error).
CREATE TABLE raw_records (
    id        INTEGER PRIMARY KEY,
    pbx_id    INTEGER NOT NULL REFERENCES pbx(id),
    rkey      BLOB NOT NULL UNIQUE,
    received  INTEGER NOT NULL,
    source_id INTEGER NOT NULL REFERENCES sources(id),
    line      INTEGER NOT NULL,
    status    TEXT NOT NULL CHECK (status IN ('ok', 'pending', 'ignored', 'error')),
    error     TEXT NOT NULL DEFAULT '',
    text      TEXT NOT NULL
);
CREATE INDEX raw_records_open ON raw_records (pbx_id, status, id) WHERE status IN ('pending', 'error');

-- One row per conversation. start_local is the site's wall clock as
-- seconds since 1970-01-01 00:00:00 of that clock (no zone), so that date
-- filters and ordering are integer ranges in the site's own days;
-- start_utc is the instant.
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
    charge_units     INTEGER NOT NULL
);
CREATE INDEX calls_start ON calls (start_local);
CREATE INDEX calls_extension ON calls (extension, start_local);
CREATE INDEX calls_external ON calls (external, start_local);
CREATE INDEX calls_direction ON calls (direction, start_local);

-- The segments of a call, each read from one raw record.
CREATE TABLE legs (
    call_id    INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    raw_id     INTEGER REFERENCES raw_records(id) ON DELETE SET NULL,
    party      TEXT NOT NULL,
    party_name TEXT NOT NULL,
    peer       TEXT NOT NULL,
    start_utc  INTEGER NOT NULL,
    ring       INTEGER NOT NULL,
    talk       INTEGER NOT NULL,
    hold       INTEGER NOT NULL,
    outcome    TEXT NOT NULL,
    PRIMARY KEY (call_id, seq)
) WITHOUT ROWID;
CREATE INDEX legs_raw ON legs (raw_id);
