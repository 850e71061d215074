package openscapebusiness

import (
	"errors"
	"strings"
	"testing"
	"time"

	"calltally.app/drivers"
)

// The same answered incoming call in the three layouts: it ended on
// 20.06.12 at 13:11:35 on trunk 201, extension 33388 answered after two
// seconds of ringing and talked for seven.
const (
	separatedCall = "20.06.12|13:11:35|201|33388|00:02|00:00:07|0123456789||1|4711|8154711|||"
	fixedCall     = "20.06.1213:11:35201 3338800:0200:00:070123456789                           14711       8154711"
	printerCall   = "20.06.12 13:11:35 201  33388 00:02 00:00:07 0123456789                        1"
)

// TestLayouts reads the same call from every layout, named by the setting
// or told apart by auto.
func TestLayouts(t *testing.T) {
	tests := []struct {
		layout, text string
		account, msn string
	}{
		{"auto", separatedCall, "4711", "8154711"},
		{"auto", fixedCall, "4711", "8154711"},
		{"auto", printerCall, "", ""},
		{"separated", separatedCall, "4711", "8154711"},
		{"fixed", fixedCall, "4711", "8154711"},
		{"printer", printerCall, "", ""},
	}
	want := time.Date(2012, 6, 20, 13, 11, 26, 0, berlin(t))
	for _, tt := range tests {
		t.Run(tt.layout+"/"+tt.text[8:9], func(t *testing.T) {
			c := oneCall(t, map[string]string{"layout": tt.layout}, tt.text)
			if !c.Start.Equal(want) || c.Ring != 2 || c.Duration != 7 || c.Extension != "33388" || c.Trunk != "201" ||
				c.External != "0123456789" || c.Direction != drivers.Inbound || !c.Answered {
				t.Errorf("got %+v", c)
			}
			if c.AccountCode != tt.account || c.Dialled != tt.msn {
				t.Errorf("account %q, MSN %q; want %q, %q", c.AccountCode, c.Dialled, tt.account, tt.msn)
			}
		})
	}
}

// TestWrongLayout holds a site to its layout setting: a record in another
// layout is an error naming the field, not a wrong call.
func TestWrongLayout(t *testing.T) {
	tests := []struct{ layout, text, want string }{
		{"fixed", separatedCall, `field 75 (Information element) "": missing: the record ends at column 72`},
		{"printer", fixedCall, `field 78 (Information element)`},
		{"separated", fixedCall, `field 2 (Time) "": missing`},
	}
	for _, tt := range tests {
		got := parseJoined(t, map[string]string{"layout": tt.layout}, tt.text)
		if len(got.Calls) != 0 || len(got.Failed) != 1 || !strings.Contains(got.Failed[0], tt.want) {
			t.Errorf("layout=%s: calls %d, errors %q; want one containing %q", tt.layout, len(got.Calls), got.Failed, tt.want)
		}
	}
}

// TestNotCalls checks the lines that are no call: kept as ignored, never
// counted as failures.
func TestNotCalls(t *testing.T) {
	for _, text := range []string{
		"Datum|Uhrzeit|Lt|Tln|Ruf|Dauer|Rufnummer|Betrag|I|",
		"\fDatum    Uhrzeit   Lt    Tln Ruf   Dauer    Rufnummer",
		"--------------------------------------------------",
		"20.06.12|13:11:35|201|33388|||0123456789||0|||||",
		"20.06.12|13:11:35|201|33388|||0123456789||50|||||",
		"20.06.1213:11:35201 33388             0123456789                           0",
	} {
		p := openParser(t, nil)
		calls, err := p.Parse(drivers.Record{ID: 1, Text: text})
		if len(calls) != 0 || !errors.Is(err, drivers.ErrNotCall) {
			t.Errorf("%q: %d calls, error %v; want none and ErrNotCall", text, len(calls), err)
		}
	}
}

// TestFieldErrors checks that a record the driver cannot read names the
// field and where it is.
func TestFieldErrors(t *testing.T) {
	tests := []struct {
		text       string
		field      int
		name, want string
	}{
		{"20.13.12|13:11:35|201|33388|00:02|00:00:07|0123456789||1|", 1, "Date", "no such date (column 1)"},
		{"20.06.12|25:11:35|201|33388|00:02|00:00:07|0123456789||1|", 2, "Time", "want hh:mm:ss (column 10)"},
		{"20.06.12|13:11:35|201|33388|2s|00:00:07|0123456789||1|", 5, "Ringing duration", "want mm:ss (column 29)"},
		{"20.06.12|13:11:35|201|33388|00:02|-00:00:07|0123456789||1|", 6, "Call duration", "(column 35)"},
		{"20.06.12|13:11:35|201|33388|00:02|1234:00:07|0123456789||1|", 6, "Call duration", "want hh:mm:ss"},
		{"20.06.12|13:11:35|201|33388|00:02|00:00:07|0123456789||60|", 9, "Information element", "(column 56)"},
		{"20.06.12|13:11:35|201|33388|00:02|00:00:07|0123456789|", 9, "Information element", "missing: the record has 8 fields"},
		{"20.06.1213:11:35201 3338800:0200:00:070123456789", 75, "Information element", "missing: the record ends at column 48 (fixed form) (columns 75-76)"},
		{"20.06.1213:11:35201 33388xx:0200:00:070123456789                          1", 26, "Ringing duration", "want mm:ss (columns 26-30)"},
	}
	for _, tt := range tests {
		_, err := openParser(t, nil).Parse(drivers.Record{ID: 1, Text: tt.text})
		var fe *drivers.FieldError
		if !errors.As(err, &fe) || fe.Field != tt.field || fe.Name != tt.name || !strings.Contains(fe.Reason, tt.want) {
			t.Errorf("%q: error %v; want field %d (%s) with %q", tt.text, err, tt.field, tt.name, tt.want)
		}
	}
}

// TestDirections reads each information element.
func TestDirections(t *testing.T) {
	tests := []struct {
		info      string
		dir       drivers.Direction
		forwarded bool
	}{
		{"1", drivers.Inbound, false}, {"2", drivers.Outbound, false}, {"3", drivers.Inbound, false},
		{"4", drivers.Outbound, false}, {"5", drivers.Inbound, false}, {"6", drivers.Outbound, false},
		{"7", drivers.Inbound, false}, {"8", drivers.Outbound, false}, {"9", drivers.Outbound, true},
		{"51", drivers.Inbound, false}, {"52", drivers.Outbound, false}, {"59", drivers.Outbound, true},
		{"01", drivers.Inbound, false},
	}
	for _, tt := range tests {
		c := oneCall(t, nil, "20.06.12|13:11:35|201|33388|00:02|00:00:07|0123456789||"+tt.info+"|")
		if c.Direction != tt.dir || (c.ForwardedFrom == "33388") != tt.forwarded {
			t.Errorf("information element %s: %s, forwarded from %q; want %s, forwarded %v", tt.info, c.Direction, c.ForwardedFrom, tt.dir, tt.forwarded)
		}
	}
}

// TestOutcomes reads how segments end from the two durations.
func TestOutcomes(t *testing.T) {
	tests := []struct {
		fields   string // ringing, duration, number, charges, info
		outcome  drivers.Outcome
		answered bool
	}{
		{"00:02|00:00:07|0123456789||1", drivers.Answered, true},
		{"00:25||0123456789||1", drivers.Unanswered, false},
		{"00:00|00:00:00|0123456789||1", drivers.Busy, false},
		{"|00:00:00|0123456789||2", drivers.Answered, true}, // put through, hung up at once
		{"||0123456789||2", drivers.Unanswered, false},      // "outgoing without connection"
		{"00:05|00:00:20|0123456789||1", drivers.Answered, true},
	}
	for _, tt := range tests {
		c := oneCall(t, nil, "20.06.12|13:11:35|201|33388|"+tt.fields+"|")
		if c.Legs[0].Outcome != tt.outcome || c.Answered != tt.answered {
			t.Errorf("%s: outcome %s, answered %v; want %s, %v", tt.fields, c.Legs[0].Outcome, c.Answered, tt.outcome, tt.answered)
		}
	}
}

// TestAutumnHour reads an end time the autumn change shows twice: the
// second pass, unless the record arrived before it.
func TestAutumnHour(t *testing.T) {
	const text = "25.10.26|02:30:00|201|100||00:01:00|0891234567||2|"
	tests := []struct {
		name     string
		received time.Time
		wantUTC  string
	}{
		{"arrived in the first pass", time.Date(2026, 10, 25, 0, 30, 5, 0, time.UTC), "2026-10-25T00:29:00Z"},
		{"arrived in the second pass", time.Date(2026, 10, 25, 1, 30, 5, 0, time.UTC), "2026-10-25T01:29:00Z"},
		{"read days later", time.Date(2026, 10, 28, 9, 0, 0, 0, time.UTC), "2026-10-25T01:29:00Z"},
		{"no arrival time", time.Time{}, "2026-10-25T01:29:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			calls, err := openParser(t, nil).Parse(drivers.Record{ID: 1, Text: text, Received: tt.received})
			if err != nil || len(calls) != 1 {
				t.Fatalf("%d calls, error %v", len(calls), err)
			}
			if got := calls[0].Start.UTC().Format(time.RFC3339); got != tt.wantUTC {
				t.Errorf("start %s, want %s", got, tt.wantUTC)
			}
		})
	}
}

// TestByteOrderMark reads the first record of a file saved with one.
func TestByteOrderMark(t *testing.T) {
	c := oneCall(t, nil, "\ufeff"+separatedCall)
	if c.Extension != "33388" || c.Duration != 7 {
		t.Errorf("got %+v", c)
	}
}
