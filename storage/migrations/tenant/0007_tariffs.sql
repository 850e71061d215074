-- The tenant's tariff plans, as the CSV file they were imported from (see
-- collector/costing): one document, replaced whole by each import.
-- version moves with every import, so that whoever prices calls (the
-- collector, an import) notices a new plan without a restart.
CREATE TABLE tariffs (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    csv      TEXT NOT NULL,
    version  INTEGER NOT NULL,
    imported INTEGER NOT NULL -- unix seconds
);
