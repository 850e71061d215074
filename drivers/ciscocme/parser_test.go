package ciscocme

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// A spec is one call leg for history to write: times are hh:mm:ss.mmm on
// 3 March 2026, CET; connect "" for a leg never answered.
type spec struct {
	legType int
	conn    string // the last word of the ConnectionId
	number  string
	cause   string
	setup   string
	connect string
	release string
	origin  int
}

// history writes a VOIP_CALL_HISTORY message as a router sends it.
func history(s spec) string {
	at := func(clock string) string { return clock + " CET Tue Mar 3 2026" }
	connect := s.connect
	if connect == "" {
		connect = s.release
	}
	return fmt.Sprintf("000001: Mar  3 %s: %%VOIPAAA-5-VOIP_CALL_HISTORY: CallLegType %d, ConnectionId 5C5C0000 16B111F1 8001A1B2 %s, "+
		"SetupTime %s, PeerAddress %s, PeerSubAddress , DisconnectCause %s  , DisconnectText x (0), ConnectTime %s, "+
		"DisconnectTime %s, CallOrigin %d, ChargedUnits 0, InfoType 2, TransmitPackets 0, TransmitBytes 0, ReceivePackets 0, ReceiveBytes 0",
		s.release, s.legType, s.conn, at(s.setup), s.number, s.cause, at(connect), at(s.release), s.origin)
}

// The legs of the tests below: an inbound call answered by 207 and
// transferred to 208; an outbound call; an internal call.
var (
	trunkIn   = spec{legVoIP, "00000001", "06912345678", "10", "11:00:00.100", "11:00:04.260", "11:03:09.300", answer}
	phone207  = spec{legTelephony, "00000001", "207", "10", "11:00:00.180", "11:00:04.250", "11:00:49.290", originate}
	phone208  = spec{legTelephony, "00000001", "208", "10", "11:00:49.400", "11:00:54.250", "11:03:09.290", originate}
	caller201 = spec{legTelephony, "00000002", "201", "10", "12:00:00.100", "12:00:06.260", "12:02:00.300", answer}
	trunkOut  = spec{legVoIP, "00000002", "0891234567", "10", "12:00:00.180", "12:00:06.250", "12:02:00.290", originate}
	caller203 = spec{legTelephony, "00000003", "203", "10", "13:00:00.100", "13:00:03.260", "13:01:15.300", answer}
	callee204 = spec{legTelephony, "00000003", "204", "10", "13:00:00.180", "13:00:03.250", "13:01:15.290", originate}
	// a record of another call, released well after all of the above
	other = spec{legTelephony, "000000FF", "299", "10", "14:00:00.100", "", "14:00:01.000", answer}
)

// TestPairing feeds legs one by one and checks when each call comes out:
// as soon as both sides of it have, with legs that come after it as calls
// of their own with the same Key.
func TestPairing(t *testing.T) {
	steps := []struct {
		leg  spec
		want string // the calls returned: direction, legs, talk per leg
	}{
		{phone207, ""}, // transferred on: waits for the caller's side
		{caller201, ""},
		{trunkOut, "outbound 201:0 201:114"},
		{trunkIn, "inbound -:185 207:0"},
		{phone208, "inbound 208:0"}, // after its call, read as part of it
		{callee204, ""},
		{caller203, "internal -:0 204:72"},
		{other, ""}, // a lone incoming leg never answered waits pairWait…
	}
	p := openParser(t, nil)
	for i, step := range steps {
		calls, err := p.Parse(drivers.Record{ID: int64(i + 1), Text: history(step.leg)})
		if err != nil {
			t.Fatalf("step %d: %v", i+1, err)
		}
		if got := summary(calls); got != step.want {
			t.Errorf("step %d: got %q, want %q", i+1, got, step.want)
		}
	}
	if got := summary(p.Flush()); got != "internal -:0" { // …and is flushed at the end, whole
		t.Errorf("Flush: got %q", got)
	}
}

func summary(calls []drivers.Call) string {
	var b strings.Builder
	for i, c := range calls {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(string(c.Direction))
		for _, l := range c.Legs {
			fmt.Fprintf(&b, " %s:%d", cmpOr(l.Party, "-"), l.Talk)
		}
		if c.Partial {
			b.WriteString(" partial")
		}
	}
	return b.String()
}

func cmpOr(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

// TestNotDoubleCounted joins the legs of a call in every order and checks
// that the duration is the conversation's, not the sum of both sides.
func TestNotDoubleCounted(t *testing.T) {
	tests := []struct {
		name     string
		legs     []spec
		duration int
		dir      drivers.Direction
	}{
		{"inbound transferred", []spec{trunkIn, phone207, phone208}, 185, drivers.Inbound},
		{"outbound", []spec{caller201, trunkOut}, 114, drivers.Outbound},
		{"internal", []spec{caller203, callee204}, 72, drivers.Internal},
	}
	for _, tt := range tests {
		for _, order := range permutations(len(tt.legs)) {
			var lines []string
			for _, i := range order {
				lines = append(lines, history(tt.legs[i]))
			}
			got := joined(t, lines)
			if len(got) != 1 || got[0].Duration != tt.duration || got[0].Direction != tt.dir {
				t.Errorf("%s in order %v: got %s, want one %s call of %d s", tt.name, order, describe(got), tt.dir, tt.duration)
			}
		}
	}
}

// joined parses lines through a Joiner, as `calltally parse` and the golden
// cases do.
func joined(t *testing.T, lines []string) []drivers.Call {
	t.Helper()
	return dt.ParseText(t, drivers.NewJoiner(openParser(t, nil), drivers.FinalAnswerer), lines...).Calls
}

func describe(calls []drivers.Call) string {
	var s []string
	for _, c := range calls {
		s = append(s, fmt.Sprintf("%s %d s (%d legs)", c.Direction, c.Duration, len(c.Legs)))
	}
	return fmt.Sprint(s)
}

func permutations(n int) [][]int {
	if n == 1 {
		return [][]int{{0}}
	}
	var out [][]int
	for _, p := range permutations(n - 1) {
		for i := 0; i <= len(p); i++ {
			q := append(append(append([]int{}, p[:i]...), n-1), p[i:]...)
			out = append(out, q)
		}
	}
	return out
}

// TestExpiry checks when legs whose other side never comes are reported:
// an incoming leg after pairWait, an outgoing one after group-timeout, both
// on the clock of the records read.
func TestExpiry(t *testing.T) {
	lone := func(s spec, conn, release string) string {
		s.conn, s.release = conn, release
		return history(s)
	}
	unanswered := func(conn, release string) string {
		return history(spec{legTelephony, conn, "299", "10", "11:00:00.000", "", release, answer})
	}
	steps := []struct {
		line string
		want string
	}{
		{lone(phone207, "00000010", "11:00:49.290"), ""},
		{lone(trunkIn, "00000011", "11:05:00.000"), ""},
		{unanswered("00000012", "11:05:05.000"), ""},                      // 5 s after the trunk leg: still waiting
		{unanswered("00000013", "11:05:05.100"), "inbound -:295 partial"}, // answered, its phone leg lost
		{unanswered("00000014", "11:30:49.290"), "internal -:0; internal -:0"},
		{unanswered("00000015", "11:30:49.300"), "internal 207:0 partial"}, // 30 min after 207's leg
	}
	p := openParser(t, map[string]string{"group-timeout": "30m"})
	for i, step := range steps {
		calls, err := p.Parse(drivers.Record{ID: int64(i + 1), Text: step.line})
		if err != nil {
			t.Fatalf("step %d: %v", i+1, err)
		}
		if got := summary(calls); got != step.want {
			t.Errorf("step %d: got %q, want %q", i+1, got, step.want)
		}
	}
}

// TestFeatureRecords checks that forward records name who forwarded a
// held call and are themselves no call.
func TestFeatureRecords(t *testing.T) {
	feature := func(fn, fcid string) string {
		return "000002: Mar  3 11:00:49.300: %VOIPAAA-5-VOIP_FEAT_HISTORY: FEAT_VSA=fn:" + fn +
			",ft:03/03/2026 11:00:49.250,frs:0,fid:42,fcid:" + fcid + ",legID:1F2E,fwder:207,fwdee:06912345678,fwdto:208"
	}
	const match, stranger = "5C5C000016B111F18001A1B200000001", "5C5C000016B111F18001A1B200000099"
	tests := []struct {
		fn, fcid, want string
	}{
		{"CFNA", match, "207"},
		{"CFA", match, "207"},
		{"CFBY", strings.ToLower(match), "207"},
		{"CFNA", stranger, ""},
		{"BXFER", match, ""},
	}
	for _, tt := range tests {
		p := openParser(t, nil)
		got := dt.ParseText(t, p, history(phone207), feature(tt.fn, tt.fcid), history(trunkIn))
		if len(got.Calls) != 1 || got.Calls[0].ForwardedFrom != tt.want {
			t.Errorf("fn:%s fcid:%s: got %s, forwarded from %q; want %q", tt.fn, tt.fcid, describe(got.Calls), forwardedFrom(got.Calls), tt.want)
		}
		if len(got.Errs) != 1 || !strings.HasSuffix(got.Errs[0], "feature record fn:"+tt.fn+": not a call record") {
			t.Errorf("fn:%s: errors %q", tt.fn, got.Errs)
		}
	}
}

func forwardedFrom(calls []drivers.Call) string {
	if len(calls) == 0 {
		return ""
	}
	return calls[0].ForwardedFrom
}

// TestParseErrors checks the kind of each error: a FieldError naming the
// value, a plain error for the record, ErrNotCall for records of no call.
func TestParseErrors(t *testing.T) {
	good := history(callee204)
	tests := []struct {
		name, line string
		field      int // 0: not a FieldError
		notCall    bool
	}{
		{"cut short", good[:strings.Index(good, ", CallOrigin")], 0, false},
		{"setup", strings.Replace(good, "SetupTime 13:00:00.180", "SetupTime 13:00", 1), 3, false},
		{"origin", strings.Replace(good, "CallOrigin 1", "CallOrigin answered", 1), 10, false},
		{"leg type", strings.Replace(good, "CallLegType 1", "CallLegType 0", 1), 1, false},
		{"csv short", `1772442724,41,0,1,"5C5C0000 16B111F1 8001A1B2 00000003"`, 0, false},
		{"csv origin", csvLine(t, 13, "sideways"), 14, false},
		{"other message", "000003: Mar  3 13:00:00.000: %SYS-5-RESTART: System restarted --", 0, true},
		{"other VOIPAAA", "%VOIPAAA-3-FILE_ACCOUNTING: cannot reach ftp server", 0, true},
		{"feature", "%VOIPAAA-5-VOIP_FEAT_HISTORY: FEAT_VSA=fn:TWC,ft:03/03/2026 13:00:00.100", 0, true},
		{"text", "-- MARK --", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := openParser(t, nil).Parse(drivers.Record{ID: 1, Text: tt.line})
			if err == nil {
				t.Fatal("no error")
			}
			dt.CheckField(t, err, tt.field)
			if errors.Is(err, drivers.ErrNotCall) != tt.notCall {
				t.Errorf("error %v: ErrNotCall %v, want %v", err, !tt.notCall, tt.notCall)
			}
		})
	}
}

// csvLine is a detailed file-accounting line of callee204 with column i
// (0-based) replaced.
func csvLine(t *testing.T, i int, value string) string {
	t.Helper()
	f := []string{"1772442724", "41", "0", "1", "5C5C0000 16B111F1 8001A1B2 00000003", "", "",
		"13:00:00.180 CET Tue Mar 3 2026", "", "13:00:03.250 CET Tue Mar 3 2026", "13:01:15.290 CET Tue Mar 3 2026",
		"10", "normal call clearing (16)", "originate", "0", "", "0", "0", "0", "0", "", "203", "204"}
	f[i] = value
	return `"` + strings.Join(f, `","`) + `"`
}

// TestClockOutlier checks that one record from a router clock set years
// ahead costs only the calls held at that moment: the clock follows the
// records read after it again.
func TestClockOutlier(t *testing.T) {
	future := strings.ReplaceAll(history(spec{legTelephony, "00000050", "299", "10", "10:00:00.000", "", "10:00:01.000", answer}), "2026", "2031")
	steps := []struct {
		line string
		want string
	}{
		{history(phone207), ""},
		{future, "internal 207:0 partial"},   // the held leg of 207 goes out early
		{history(caller201), "internal -:0"}, // the clock is back in 2026: the 2031 leg goes, 201's leg waits
		{history(trunkOut), "outbound 201:0 201:114"},
		{history(spec{legTelephony, "00000051", "298", "10", "12:05:00.000", "", "12:05:01.000", answer}), ""},
		{history(spec{legTelephony, "00000052", "297", "10", "12:05:06.000", "", "12:05:06.500", answer}), "internal -:0"},
	}
	p := openParser(t, nil)
	for i, step := range steps {
		calls, err := p.Parse(drivers.Record{ID: int64(i + 1), Text: step.line})
		if err != nil {
			t.Fatalf("step %d: %v", i+1, err)
		}
		if got := summary(calls); got != step.want {
			t.Errorf("step %d: got %q, want %q", i+1, got, step.want)
		}
	}
}

// TestStraggler joins a phone's leg that comes after its call was
// reported and forgotten (the call's records split over two files read
// apart): its time is not counted on top of the trunk's.
func TestStraggler(t *testing.T) {
	got := joined(t, []string{history(trunkIn), history(phone207), history(other), history(phone208)})
	if len(got) != 2 || got[0].Duration != 185 || len(got[0].Legs) != 3 || got[0].FinalAnswerer != "208" {
		t.Errorf("got %s, want the transferred call of 185 s with 3 legs, answered last by 208, and another", describe(got))
	}
}
