-- A number that changes whenever the PBX configuration does, so that the
-- collector notices changes made by any process (the app, the command
-- line, the portal) by polling one row instead of re-reading every PBX.
CREATE TABLE config_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);

INSERT INTO config_version (id, version) VALUES (1, 0);

CREATE TRIGGER pbx_systems_inserted AFTER INSERT ON pbx_systems
BEGIN
    UPDATE config_version SET version = version + 1;
END;

CREATE TRIGGER pbx_systems_updated AFTER UPDATE ON pbx_systems
BEGIN
    UPDATE config_version SET version = version + 1;
END;

CREATE TRIGGER pbx_systems_deleted AFTER DELETE ON pbx_systems
BEGIN
    UPDATE config_version SET version = version + 1;
END;
