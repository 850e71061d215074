-- The master database: who uses CallTally and which PBXs it reads.
CREATE TABLE tenants (
    id      INTEGER PRIMARY KEY,
    slug    TEXT NOT NULL UNIQUE CHECK (slug GLOB '[a-z0-9]*' AND slug NOT GLOB '*[^a-z0-9-]*'),
    name    TEXT NOT NULL,
    created INTEGER NOT NULL DEFAULT (unixepoch())
);

CREATE TABLE sites (
    id        INTEGER PRIMARY KEY,
    tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    name      TEXT NOT NULL,
    time_zone TEXT NOT NULL DEFAULT '',
    UNIQUE (tenant_id, name)
);

-- One row per PBX system the collector reads. settings is a JSON object of
-- the driver's settings; secret holds credentials encrypted with the
-- installation key, never in clear.
CREATE TABLE pbx_systems (
    id        INTEGER PRIMARY KEY,
    tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    site_id   INTEGER REFERENCES sites(id) ON DELETE SET NULL,
    name      TEXT NOT NULL,
    driver    TEXT NOT NULL,
    transport TEXT NOT NULL DEFAULT '',
    address   TEXT NOT NULL DEFAULT '',
    settings  TEXT NOT NULL DEFAULT '{}',
    time_zone TEXT NOT NULL DEFAULT '',
    enabled   INTEGER NOT NULL DEFAULT 1,
    secret    BLOB,
    created   INTEGER NOT NULL DEFAULT (unixepoch()),
    updated   INTEGER NOT NULL DEFAULT (unixepoch()),
    UNIQUE (tenant_id, name)
);

CREATE TABLE roles (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    permissions TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role_id       INTEGER NOT NULL REFERENCES roles(id),
    tenant_id     INTEGER REFERENCES tenants(id) ON DELETE CASCADE,
    disabled      INTEGER NOT NULL DEFAULT 0,
    created       INTEGER NOT NULL DEFAULT (unixepoch())
);

-- The collector's heartbeat, one row per PBX, so the desktop app and the
-- portal show status without talking to the collector.
CREATE TABLE service_status (
    pbx_id        INTEGER PRIMARY KEY REFERENCES pbx_systems(id) ON DELETE CASCADE,
    state         TEXT NOT NULL,
    last_record   INTEGER,
    records_today INTEGER NOT NULL DEFAULT 0,
    last_error    TEXT NOT NULL DEFAULT '',
    updated       INTEGER NOT NULL
);

INSERT INTO tenants (slug, name) VALUES ('default', 'Default');
INSERT INTO sites (tenant_id, name) VALUES (1, 'Main');
INSERT INTO roles (name, permissions) VALUES
    ('admin',   '["calls:read","reports:read","directory:write","tariffs:write","pbx:write","users:write"]'),
    ('manager', '["calls:read","reports:read","directory:write"]'),
    ('viewer',  '["calls:read"]');
