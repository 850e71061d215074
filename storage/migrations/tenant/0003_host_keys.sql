-- The SSH host key each sftp source accepted the first time it connected
-- to a server (trust on first use). A server that later shows another key
-- is refused until the pinned key is forgotten, so that a swapped or
-- intercepted server never receives the password nor feeds records.
-- host is the address as configured (HOST:PORT); key is the public key in
-- SSH wire format.
CREATE TABLE host_keys (
    pbx_id INTEGER NOT NULL REFERENCES pbx(id),
    host   TEXT NOT NULL,
    key    BLOB NOT NULL,
    pinned INTEGER NOT NULL,
    PRIMARY KEY (pbx_id, host)
) WITHOUT ROWID;
