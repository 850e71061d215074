-- The directory: who has each extension and when, the department tree,
-- cost centres, and the names of outside numbers, used to label calls.

-- Departments form a tree (parent_id NULL: a top-level department) and are
-- named by their path from the top, "Sales/Inside Sales": so a name is
-- unique among its siblings and holds no "/".
CREATE TABLE departments (
    id        INTEGER PRIMARY KEY,
    parent_id INTEGER REFERENCES departments(id),
    name      TEXT NOT NULL CHECK (name <> '' AND instr(name, '/') = 0)
);
CREATE UNIQUE INDEX departments_name ON departments (ifnull(parent_id, 0), name);

CREATE TABLE cost_centres (
    id   INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (code <> ''),
    name TEXT NOT NULL DEFAULT ''
);

-- One row per period in which an extension number had one holder, so that
-- a call keeps the holder of its desk at the time it was made after the
-- desk changed hands. Periods are site wall-clock seconds encoded as
-- calls.start_local: active_from inclusive (NULL: since always), active_to
-- exclusive (NULL: open). The periods of a number never overlap; the query
-- functions check that, as it spans rows (see directory_period.go).
-- unassigned marks the entries added for numbers seen in calls but not in
-- the directory: they yield to assigned periods added later.
CREATE TABLE extensions (
    id             INTEGER PRIMARY KEY,
    number         TEXT NOT NULL CHECK (number <> ''),
    name           TEXT NOT NULL DEFAULT '',
    user_name      TEXT NOT NULL DEFAULT '',
    department_id  INTEGER REFERENCES departments(id),
    cost_centre_id INTEGER REFERENCES cost_centres(id),
    site           TEXT NOT NULL DEFAULT '',
    active_from    INTEGER,
    active_to      INTEGER,
    unassigned     INTEGER NOT NULL DEFAULT 0,
    CHECK (active_from IS NULL OR active_to IS NULL OR active_to > active_from)
);
-- Lookups by number and start; the expression makes "since always" unique
-- too (NULLs are distinct in a unique index).
CREATE UNIQUE INDEX extensions_period ON extensions (number, ifnull(active_from, -9223372036854775807));
CREATE INDEX extensions_department ON extensions (department_id) WHERE department_id IS NOT NULL;
CREATE INDEX extensions_cost_centre ON extensions (cost_centre_id) WHERE cost_centre_id IS NOT NULL;

-- Outside numbers with a name: number as the site's PBX writes it, e164 its
-- international form (+4930…) when known, for numbers written both ways.
CREATE TABLE phonebook (
    id      INTEGER PRIMARY KEY,
    number  TEXT NOT NULL UNIQUE CHECK (number <> ''),
    e164    TEXT NOT NULL DEFAULT '',
    name    TEXT NOT NULL DEFAULT '',
    company TEXT NOT NULL DEFAULT ''
);
CREATE INDEX phonebook_e164 ON phonebook (e164) WHERE e164 <> '';

-- A number that changes whenever the directory does, by any process, so
-- that ingest keeps a snapshot in memory and reloads it only then.
CREATE TABLE directory_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO directory_version (id, version) VALUES (1, 0);

CREATE TRIGGER departments_inserted AFTER INSERT ON departments
BEGIN UPDATE directory_version SET version = version + 1; END;
CREATE TRIGGER departments_updated AFTER UPDATE ON departments
BEGIN UPDATE directory_version SET version = version + 1; END;
CREATE TRIGGER departments_deleted AFTER DELETE ON departments
BEGIN UPDATE directory_version SET version = version + 1; END;

CREATE TRIGGER cost_centres_inserted AFTER INSERT ON cost_centres
BEGIN UPDATE directory_version SET version = version + 1; END;
CREATE TRIGGER cost_centres_updated AFTER UPDATE ON cost_centres
BEGIN UPDATE directory_version SET version = version + 1; END;
CREATE TRIGGER cost_centres_deleted AFTER DELETE ON cost_centres
BEGIN UPDATE directory_version SET version = version + 1; END;

CREATE TRIGGER extensions_inserted AFTER INSERT ON extensions
BEGIN UPDATE directory_version SET version = version + 1; END;
CREATE TRIGGER extensions_updated AFTER UPDATE ON extensions
BEGIN UPDATE directory_version SET version = version + 1; END;
CREATE TRIGGER extensions_deleted AFTER DELETE ON extensions
BEGIN UPDATE directory_version SET version = version + 1; END;

CREATE TRIGGER phonebook_inserted AFTER INSERT ON phonebook
BEGIN UPDATE directory_version SET version = version + 1; END;
CREATE TRIGGER phonebook_updated AFTER UPDATE ON phonebook
BEGIN UPDATE directory_version SET version = version + 1; END;
CREATE TRIGGER phonebook_deleted AFTER DELETE ON phonebook
BEGIN UPDATE directory_version SET version = version + 1; END;
