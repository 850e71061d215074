-- How far each file of a file source has been read and committed, so that
-- a restarted collector resumes exactly where its last commit ended.
-- fingerprint hashes the file's first bytes: when it changes, the PBX has
-- overwritten the file (MX-ONE reuses one file per weekday) and reading
-- starts again from the top.
CREATE TABLE source_positions (
    pbx_id      INTEGER NOT NULL REFERENCES pbx(id),
    path        TEXT NOT NULL,
    offset      INTEGER NOT NULL,
    fingerprint BLOB NOT NULL,
    updated     INTEGER NOT NULL,
    PRIMARY KEY (pbx_id, path)
) WITHOUT ROWID;
