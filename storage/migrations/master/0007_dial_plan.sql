-- A PBX's dial plan in the text form of collector/classify ("country=DE
-- area=30 access=0 internal=200-299"): how its numbers are normalised and
-- classified. Empty: numbers are kept as the PBX wrote them, unclassified.
ALTER TABLE pbx_systems ADD COLUMN dial_plan TEXT NOT NULL DEFAULT '';
