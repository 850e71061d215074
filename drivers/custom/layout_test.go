package custom

import (
	"strings"
	"testing"

	"calltally.app/drivers"
)

// withFields is a delimited layout with the given fields object and the
// top-level keys in extra (`"key": value, ` each).
func withFields(extra, fields string) string {
	return `{"format": "delimited", ` + extra + `"fields": {` + fields + `}}`
}

const (
	startField = `"start": {"column": 1, "format": "YYYY-MM-DD hh:mm:ss"}`
	numbers    = `"calling": {"column": 3}, "called": {"column": 4}`
	basics     = startField + `, "duration": {"column": 2}, ` + numbers
)

// TestBadLayouts: each bad layout is refused when the parser opens, with
// the JSON path of the key at fault.
func TestBadLayouts(t *testing.T) {
	tests := []struct {
		name, layout, want string
	}{
		{"not JSON", "{\n  \"format\": \"fixed\",\n}", "layout: not valid JSON at line 3, column 1: invalid character '}'"},
		{"not an object", `["delimited"]`, "layout: want an object {…}"},
		{"unknown key", `{"format": "delimited", "fromat": "x", "fields": {` + basics + `}}`, `layout: unknown key "fromat" (known here: after, fields, format,`},
		{"no format", `{"fields": {` + basics + `}}`, `layout: format: missing: "delimited" or "fixed"`},
		{"bad format", `{"format": "csv", "fields": {` + basics + `}}`, `layout: format: "csv", want "delimited" or "fixed"`},
		{"format not a string", `{"format": 1, "fields": {` + basics + `}}`, "layout: format: want a string"},
		{"long separator", withFields(`"separator": ";;", `, basics), `layout: separator: ";;", want one character`},
		{"newline separator", withFields(`"separator": "\n", `, basics), `layout: separator: "\n", want one character`},
		{"quote is separator", withFields(`"separator": "'", "quote": "'", `, basics), "layout: quote: the same character as the separator"},
		{"header not bool", withFields(`"header": "yes", `, basics), "layout: header: want true or false"},
		{"separator in fixed", `{"format": "fixed", "separator": ",", "fields": {}}`, "layout: separator: only for delimited layouts"},
		{"header in fixed", `{"format": "fixed", "header": true, "fields": {}}`, "layout: header: only for delimited layouts"},
		{"empty skip", withFields(`"skip": ["#", ""], `, basics), "layout: skip: entry 2 is empty"},
		{"skip not a list", withFields(`"skip": "#", `, basics), `layout: skip: want a list of strings`},
		{"timezone", withFields(`"timezone": "CET", `, basics), `layout: timezone: "CET", want "local" or "utc"`},
		{"internal digits", withFields(`"internal_digits": 0, `, basics), "layout: internal_digits: 0, want 1 to 15"},
		{"internal digits and pattern", withFields(`"internal_digits": 3, "internal_pattern": "2..", `, basics), "layout: internal_pattern: give internal_digits or internal_pattern, not both"},
		{"bad pattern", withFields(`"internal_pattern": "2[0-9", `, basics), "layout: internal_pattern: error parsing regexp"},
		{"no fields", `{"format": "delimited"}`, "layout: fields: missing"},
		{"unknown field", withFields("", basics+`, "caller": {"column": 5}`), `layout: fields: unknown field "caller" (fields: start, date, end,`},
		{"field not an object", withFields("", basics+`, "trunk": 5`), "layout: fields.trunk: want an object {…}"},
		{"unknown field key", withFields("", startField+`, "duration": {"column": 2, "units": "s"}, `+numbers), `layout: fields.duration: unknown key "units" (known here: column, name, unit, width)`},
		{"key of another kind", withFields("", basics+`, "trunk": {"column": 5, "format": "x"}`), `layout: fields.trunk: unknown key "format"`},
		{"column not a number", withFields("", basics+`, "trunk": {"column": "5"}`), "layout: fields.trunk.column: want a whole number"},
		{"no column", withFields("", basics+`, "trunk": {}`), "layout: fields.trunk.column: missing"},
		{"negative column", withFields("", basics+`, "trunk": {"column": -1}`), "layout: fields.trunk.column: -1, want 1 to 1048576"},
		{"huge column", `{"format": "fixed", "fields": {"start": {"column": 9223372036854775807, "width": 5, "format": "hh:mm"}}}`, "layout: fields.start.column: 9223372036854775807, want 1 to"},
		{"huge width", `{"format": "fixed", "fields": {"start": {"column": 1, "width": 9223372036854775807, "format": "hh:mm"}}}`, "layout: fields.start.width: 9223372036854775807, want 1 to"},
		{"negative width", `{"format": "fixed", "fields": {"start": {"column": 1, "width": -5, "format": "hh:mm"}}}`, "layout: fields.start.width: -5"},
		{"width in delimited", withFields("", basics+`, "trunk": {"column": 5, "width": 3}`), "layout: fields.trunk.width: only for fixed layouts"},
		{"name without header", withFields("", basics+`, "trunk": {"name": "Trunk"}`), `layout: fields.trunk.name: a column found by its name needs "header": true`},
		{"fixed without width", `{"format": "fixed", "fields": {"start": {"column": 1, "format": "hh:mm"}}}`, "layout: fields.start.width: missing"},
		{"fixed without column", `{"format": "fixed", "fields": {"start": {"width": 5, "format": "hh:mm"}}}`, "layout: fields.start.column: missing"},
		{"fixed with name", `{"format": "fixed", "fields": {"start": {"name": "x", "column": 1, "width": 5, "format": "hh:mm"}}}`, "layout: fields.start.name: only for delimited layouts"},
		{"unknown verb", withFields("", `"start": {"column": 1, "format": "YYYYY-MM-DD hh:mm"}, "duration": {"column": 2}, `+numbers), `layout: fields.start.format: unknown verb "YYYYY"`},
		{"lower-case day", withFields("", `"start": {"column": 1, "format": "dd.MM.YYYY hh:mm"}, "duration": {"column": 2}, `+numbers), `layout: fields.start.format: unknown verb "dd"`},
		{"no format", withFields("", `"start": {"column": 1}, "duration": {"column": 2}, `+numbers), "layout: fields.start.format: missing"},
		{"open quote", withFields("", `"start": {"column": 1, "format": "YYYY-MM-DD'T hh:mm"}, "duration": {"column": 2}, `+numbers), "layout: fields.start.format: a quote ' that is not closed"},
		{"month twice", withFields("", `"start": {"column": 1, "format": "MM/MMM/YYYY hh:mm"}, "duration": {"column": 2}, `+numbers), "layout: fields.start.format: the month appears twice"},
		{"date without day", withFields("", `"start": {"column": 1, "format": "YYYY-MM hh:mm"}, "duration": {"column": 2}, `+numbers), "layout: fields.start.format: a date needs its month"},
		{"time without hour", withFields("", `"start": {"column": 1, "format": "YYYY-MM-DD mm:ss"}, "duration": {"column": 2}, `+numbers), "layout: fields.start.format: a time needs its hour"},
		{"time without minute", withFields("", `"start": {"column": 1, "format": "YYYY-MM-DD hh"}, "duration": {"column": 2}, `+numbers), "layout: fields.start.format: a time needs its minute"},
		{"start without time", withFields("", `"start": {"column": 1, "format": "YYYY-MM-DD"}, "duration": {"column": 2}, `+numbers), `layout: fields.start.format: "YYYY-MM-DD" has no time of day`},
		{"date with time", withFields("", `"date": {"column": 5, "format": "YYYY-MM-DD hh:mm"}, "start": {"column": 1, "format": "hh:mm"}, "duration": {"column": 2}, `+numbers), "layout: fields.date.format: \"YYYY-MM-DD hh:mm\" has a time"},
		{"date unix", withFields("", `"date": {"column": 5, "format": "unix"}, "start": {"column": 1, "format": "hh:mm"}, "duration": {"column": 2}, `+numbers), "layout: fields.date.format: \"unix\" has a time"},
		{"date without date", withFields("", `"date": {"column": 5, "format": "fff"}, "start": {"column": 1, "format": "hh:mm"}, "duration": {"column": 2}, `+numbers), "layout: fields.date.format: \"fff\" has no date"},
		{"unknown unit", withFields("", startField+`, "duration": {"column": 2, "unit": "sec"}, `+numbers), `layout: fields.duration.unit: unknown unit "sec"`},
		{"no codes", withFields("", basics+`, "direction": {"column": 5}`), "layout: fields.direction.codes: missing"},
		{"bad meaning", withFields("", basics+`, "direction": {"column": 5, "codes": {"I": "incoming"}}`), `layout: fields.direction.codes: "I" means "incoming", want one of inbound, outbound, internal, tandem`},
		{"outcome meaning", withFields("", basics+`, "outcome": {"column": 5, "codes": {"A": "inbound"}}`), `want one of answered, unanswered, busy, failed, voicemail`},
		{"code twice", withFields("", basics+`, "direction": {"column": 5, "codes": {"i": "inbound", "I ": "inbound"}}`), "is given twice (codes are read ignoring case)"},
		{"join elsewhere", withFields("", basics+`, "trunk": {"column": 5, "join": true}`), `layout: fields.trunk: unknown key "join"`},
		{"no start", withFields("", `"duration": {"column": 2}, `+numbers), "layout: fields: give start (or end and duration)"},
		{"no duration", withFields("", startField+", "+numbers), "layout: fields: give duration (or start and end)"},
		{"end without duration", withFields("", `"end": {"column": 1, "format": "YYYY-MM-DD hh:mm"}, `+numbers), "layout: fields: give duration (or start and end)"},
		{"start without date", withFields("", `"start": {"column": 1, "format": "hh:mm"}, "duration": {"column": 2}, `+numbers), "layout: fields.start.format: no date"},
		{"end without date", withFields("", `"end": {"column": 1, "format": "hh:mm"}, "duration": {"column": 2}, `+numbers), "layout: fields.end.format: no date"},
		{"date unused", withFields("", basics+`, "date": {"column": 5, "format": "DD.MM.YYYY"}`), "layout: fields.date: not used"},
		{"no direction", withFields("", startField+`, "duration": {"column": 2}, "called": {"column": 4}`), "layout: fields: give direction, or two of calling, called and extension"},
	}
	d, err := drivers.Lookup("custom")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := d.Open(drivers.Config{Location: berlin(t), Settings: map[string]string{"layout": tt.layout}})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// TestGoodLayouts: what the layout may leave out, and the forms it may
// take, open.
func TestGoodLayouts(t *testing.T) {
	tests := []struct{ name, layout string }{
		{"minimal", minimal},
		{"start and end", withFields("", startField+`, "end": {"column": 2, "format": "hh:mm:ss"}, `+numbers)},
		{"end and duration", withFields("", `"end": {"column": 1, "format": "unix"}, "duration": {"column": 2, "unit": "ms"}, `+numbers)},
		{"date and times", withFields("", `"date": {"column": 5, "format": "DD.MM."}, "start": {"column": 1, "format": "h:mm AM"}, "end": {"column": 2, "format": "hh:mm"}, `+numbers)},
		{"direction only", withFields("", startField+`, "duration": {"column": 2}, "direction": {"column": 3, "codes": {"": "internal"}}`)},
		{"extension and number", withFields("", startField+`, "duration": {"column": 2}, "extension": {"column": 3}, "called": {"column": 4}`)},
		{"names and columns", withFields(`"header": true, `, `"start": {"name": "Start", "column": 1, "format": "YYYYMMDDhhmmss"}, "duration": {"name": "Secs"}, `+numbers)},
		{"no quoting, tabs", withFields(`"separator": "\t", "quote": "", "skip": ["#"], "after": "CDR ", "timezone": "utc", "internal_pattern": "2\\d\\d", `, basics)},
		{"fixed", `{"format": "fixed", "internal_digits": 5, "fields": {"start": {"column": 1, "width": 14, "format": "YYYYMMDDhhmmss"}, "duration": {"column": 16, "width": 5}, "calling": {"column": 22, "width": 6}, "called": {"column": 29, "width": 20}}}`},
		{"null keys", `{"format": "delimited", "quote": null, "internal_digits": null, "fields": {` + basics + `}}`},
	}
	for _, tt := range tests {
		if _, err := parseLayout(tt.layout); err != nil {
			t.Errorf("%s: %v", tt.name, err)
		}
	}
}

// TestLayoutDefaults holds the defaults README.md gives.
func TestLayoutDefaults(t *testing.T) {
	l, err := parseLayout(minimal)
	if err != nil {
		t.Fatal(err)
	}
	if l.fixed || l.sep != ',' || l.quote != '"' || l.header || l.utc || l.internalDigits != 4 || l.internal != nil || l.fields[fDuration].unit != unitSeconds {
		t.Errorf("defaults: %+v", l)
	}
}
