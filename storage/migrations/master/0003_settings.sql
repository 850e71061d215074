-- Installation-wide settings, as text; the code holds their defaults.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
