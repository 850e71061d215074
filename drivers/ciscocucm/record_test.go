package ciscocucm

import (
	"errors"
	"maps"
	"strings"
	"testing"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// cdrLine writes a 133-column CDR: an answered outbound call from 2001
// on Monday 2 March 2026 at 09:14:00 in Berlin, changed by v.
func cdrLine(t testing.TB, v map[string]string) string {
	t.Helper()
	all := map[string]string{
		"cdrRecordType": "1", "globalCallID_callManagerId": "1", "globalCallID_callId": "1001",
		"dateTimeOrigination": "1772439240", "dateTimeConnect": "1772439246", "dateTimeDisconnect": "1772439371", "duration": "125",
		"callingPartyNumber": "2001", "originalCalledPartyNumber": "004930123456", "finalCalledPartyNumber": "004930123456",
		"origDeviceName": "SEP00AABB002001", "destDeviceName": "CUBE-PSTN-01", "destCause_value": "16",
	}
	maps.Copy(all, v)
	var b strings.Builder
	if err := writeCDR(&b, all); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// withField sets a column of line to raw, as written: for values
// writeCDR refuses to write.
func withField(t testing.TB, line, name, raw string) string {
	t.Helper()
	f := strings.Split(line, ",") // cdrLine's values hold no commas
	f[columnIndex(t, name)] = raw
	return strings.Join(f, ",")
}

func TestSplitFields(t *testing.T) {
	tests := []struct {
		line string
		want []string
		err  string
	}{
		{`1,"2001",""`, []string{"1", "2001", ""}, ""},
		{`1,,`, []string{"1", "", ""}, ""},
		{`"a,b",2`, []string{"a,b", "2"}, ""},
		{`"say ""hi""",3`, []string{`say "hi"`, "3"}, ""},
		{`""""`, []string{`"`}, ""},
		{`1,"20`, nil, `field 2 () "\"20": no closing quote`},
		{`1,"20"x,3`, nil, `field 2 () "20": text after the closing quote`},
		{`1,"20""`, nil, `field 2 () "\"20\"\"": no closing quote`},
	}
	for _, tt := range tests {
		got, err := splitFields(nil, tt.line)
		switch {
		case tt.err != "" && (err == nil || err.Error() != tt.err):
			t.Errorf("splitFields(%q): error %v, want %s", tt.line, err, tt.err)
		case tt.err == "" && (err != nil || strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want)):
			t.Errorf("splitFields(%q) = %q, %v; want %q", tt.line, got, err, tt.want)
		}
	}
}

func TestCauseOutcome(t *testing.T) {
	tests := []struct {
		cause int64
		want  drivers.Outcome
	}{
		{0, drivers.Unanswered}, {16, drivers.Unanswered}, {19, drivers.Unanswered}, {31, drivers.Unanswered},
		{393216, drivers.Unanswered}, {458752, drivers.Unanswered}, {126, drivers.Unanswered},
		{17, drivers.Busy},
		{1, drivers.Failed}, {3, drivers.Failed}, {21, drivers.Failed}, {28, drivers.Failed}, {34, drivers.Failed},
		{47, drivers.Failed}, {127, drivers.Failed}, {262144, drivers.Failed}, {16777257, drivers.Failed},
	}
	for _, tt := range tests {
		if got := causeOutcome(tt.cause); got != tt.want {
			t.Errorf("causeOutcome(%d) = %s, want %s", tt.cause, got, tt.want)
		}
	}
}

// TestParseErrors checks the error of each kind of bad record: a
// FieldError naming the column, or a record that is no call.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		name  string
		line  string
		field int // 0: no FieldError
		want  string
	}{
		{"start record", cdrLine(t, map[string]string{"cdrRecordType": "0"}), 0, "start record (type 0): not a call record"},
		{"record type", withField(t, cdrLine(t, nil), "cdrRecordType", "x"), 1, `field 1 (cdrRecordType) "x": want 1 (CDR), 2 (CMR) or 0`},
		{"call ID", cdrLine(t, map[string]string{"globalCallID_callId": "-1"}), 3, `field 3 (globalCallID_callId) "-1": want a whole number`},
		{"disconnect", cdrLine(t, map[string]string{"dateTimeDisconnect": "0"}), 49, `field 49 (dateTimeDisconnect) "0": want a time, not 0`},
		{"cause", withField(t, cdrLine(t, nil), "destCause_value", `"busy"`), 34, `field 34 (destCause_value) "busy": want a code number`},
		{"epoch too long", cdrLine(t, map[string]string{"dateTimeOrigination": "17724392400"}), 5,
			`field 5 (dateTimeOrigination) "17724392400": want seconds since 1970 (UTC)`},
		{"blind transfer setup", cdrLine(t, map[string]string{"dateTimeConnect": "0", "duration": "0", "origCallTerminationOnBehalfOf": "10"}), 0,
			"consultation leg of a blind transfer, never connected: not a call record"},
		{"types line", "INTEGER,INTEGER,VARCHAR(50)", 0, "column types line: not a call record"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := openParser(t, nil).Parse(drivers.Record{ID: 1, Text: tt.line})
			if err == nil || err.Error() != tt.want {
				t.Fatalf("error %v, want %s", err, tt.want)
			}
			dt.CheckField(t, err, tt.field)
			if tt.field == 0 && !errors.Is(err, drivers.ErrNotCall) {
				t.Errorf("error %v does not wrap ErrNotCall", err)
			}
		})
	}
}

// TestHeaderByName reads records laid out by their header, whatever the
// order of its columns, and keeps the CDR layout across a CMR header and
// a broken CDR header.
func TestHeaderByName(t *testing.T) {
	header := `"cdrRecordType","dateTimeDisconnect","finalCalledPartyNumber","globalCallID_callId","duration",` +
		`"globalCallID_callManagerId","dateTimeOrigination","callingPartyNumber","dateTimeConnect","originalCalledPartyNumber",` +
		`"destDeviceName","origDeviceName","destCause_value","origCause_value"`
	record := `1,1772439371,"004930123456",1001,125,1,1772439240,"2001",1772439246,"004930123456","CUBE-PSTN-01","SEP00AABB002001",16,0`
	steps := []struct {
		line string
		err  string // "" when the line makes a call
	}{
		{header, "header line, 14 columns: not a call record"},
		{record, ""},
		{`"cdrRecordType","globalCallID_callManagerId","globalCallID_callId","nodeId","directoryNum"`,
			"header line of other records (no dateTimeOrigination column): not a call record"},
		{record, ""},
		{`"cdrRecordType","dateTimeOrigination","duration"`, "CDR header line kept out: no column globalCallID_callManagerId"},
		{record, ""},
		{cdrLine(t, nil), `field 15 (beyond the last column) "0": extra: the record has 133 fields, the header 14`},
	}
	p := openParser(t, nil)
	for i, s := range steps {
		calls, err := p.Parse(drivers.Record{ID: int64(i + 1), Text: s.line})
		if s.err != "" {
			if err == nil || err.Error() != s.err || len(calls) > 0 {
				t.Errorf("step %d: %d calls, error %v; want %s", i+1, len(calls), err, s.err)
			}
			continue
		}
		if err != nil || len(calls) != 1 {
			t.Fatalf("step %d: %d calls, error %v", i+1, len(calls), err)
		}
		if c := calls[0]; c.Direction != drivers.Outbound || c.Extension != "2001" || c.External != "004930123456" ||
			c.Duration != 125 || c.Ring != 6 || c.Key != "1:1001" {
			t.Errorf("step %d: read as %+v", i+1, c)
		}
	}
}

// TestDerive covers rules no golden case shows.
func TestDerive(t *testing.T) {
	tests := []struct {
		name    string
		v       map[string]string
		dir     drivers.Direction
		outcome drivers.Outcome
		ring    int
	}{
		{"connected for less than a second", map[string]string{"duration": "0"}, drivers.Outbound, drivers.Answered, 6},
		{"connect before origination", map[string]string{"dateTimeConnect": "1772439200"}, drivers.Outbound, drivers.Answered, 0},
		{"conference bridge", map[string]string{"destDeviceName": "CFB_2", "finalCalledPartyNumber": "b00105401001"}, drivers.Internal, drivers.Answered, 6},
		{"MGCP gateway endpoint", map[string]string{"destDeviceName": "S0/SU0/DS1-0@gw1.example.com"}, drivers.Outbound, drivers.Answered, 6},
		{"Jabber to Jabber", map[string]string{"origDeviceName": "CSFAMEIER", "destDeviceName": "BOTBKURZ"}, drivers.Internal, drivers.Answered, 6},
		{"caller hung up, cause 16 on the caller's side", map[string]string{"dateTimeConnect": "0", "duration": "0", "origCause_value": "16", "destCause_value": "0"},
			drivers.Outbound, drivers.Unanswered, 131},
		{"busy on the caller's side only", map[string]string{"dateTimeConnect": "0", "duration": "0", "origCause_value": "17", "destCause_value": "0"},
			drivers.Outbound, drivers.Busy, 131},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := dt.ParseText(t, openParser(t, nil), cdrLine(t, tt.v))
			if len(got.Errs) > 0 || len(got.Calls) != 1 {
				t.Fatalf("got %d calls, errors %q", len(got.Calls), got.Errs)
			}
			c := got.Calls[0]
			if c.Direction != tt.dir || c.Legs[0].Outcome != tt.outcome || c.Ring != tt.ring {
				t.Errorf("got %s %s ring %d, want %s %s ring %d", c.Direction, c.Legs[0].Outcome, c.Ring, tt.dir, tt.outcome, tt.ring)
			}
		})
	}
}

// TestFinalLegAlone reads the final leg of a transfer whose first leg is
// not there (yet): it says who transferred it, unless it was forwarded
// since.
func TestFinalLegAlone(t *testing.T) {
	final := map[string]string{"origDeviceName": "CUBE-PSTN-01", "destDeviceName": "SEP00AABB002002", "callingPartyNumber": "0301234567",
		"finalCalledPartyNumber": "2002", "joinOnBehalfOf": "10", "lastRedirectDn": "2001", "lastRedirectRedirectOnBehalfOf": "10"}
	forwarded := maps.Clone(final)
	forwarded["lastRedirectDn"], forwarded["lastRedirectRedirectOnBehalfOf"], forwarded["finalCalledPartyNumber"] = "2002", "5", "2003"
	tests := []struct {
		name                       string
		v                          map[string]string
		transferredFrom, forwarded string
	}{
		{"transferred", final, "2001", ""},
		{"transferred, then forwarded", forwarded, "", "2002"},
	}
	for _, tt := range tests {
		c := oneCall(t, openParser(t, nil), cdrLine(t, tt.v))
		if c.TransferredFrom != tt.transferredFrom || c.ForwardedFrom != tt.forwarded {
			t.Errorf("%s: transferred from %q, forwarded from %q; want %q, %q", tt.name, c.TransferredFrom, c.ForwardedFrom, tt.transferredFrom, tt.forwarded)
		}
	}
}
