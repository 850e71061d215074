-- Indexes for the missed-calls screen (storage/missed.go) and the
-- dashboard (storage/stats*.go).

-- The missed calls of a period: inbound calls no person answered. Small
-- (a tenth of the inbound calls), so listing a month's misses reads only
-- them instead of every inbound call.
CREATE INDEX calls_missed ON calls (start_local)
    WHERE direction = 'inbound' AND (answered = 0 OR voicemail = 1);

-- Whether a missed call was returned: the next call with the same outside
-- number in E.164 ...
CREATE INDEX calls_return_e164 ON calls (external_e164, start_utc)
    WHERE external_e164 <> '';

-- ... or, where either call has no E.164 form, with the same number as
-- written, without separators: the expression must stay the one of
-- digitsOf in storage/calls.go. Whether the call has an E.164 form comes
-- before the start, so that either kind is found with one seek; as a flag
-- rather than the E.164 text, which would make the index half as big again.
CREATE INDEX calls_return_digits ON calls (
    replace(replace(replace(replace(replace(replace(external, ' ', ''), '-', ''), '.', ''), '(', ''), ')', ''), '/', ''),
    external_e164 = '', start_utc)
    WHERE external <> '';

-- The dashboard's figures (storage/stats*.go) for a period from this index
-- alone, without reading the calls' rows: a quarter faster for a month.
-- Rerating updates it with the costs (a rerate takes some 30% longer).
CREATE INDEX calls_period ON calls (start_local, direction, answered, voicemail, duration, currency, cost);
