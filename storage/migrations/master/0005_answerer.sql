-- Which answerer a PBX's inbound calls are counted against when several
-- answered (transfers, ring groups): the site's choice, final by default.
ALTER TABLE pbx_systems ADD COLUMN answerer TEXT NOT NULL DEFAULT 'final' CHECK (answerer IN ('final', 'first'));
