package mitelmivo400

import (
	"strings"
	"testing"

	"calltally.app/drivers"
)

// TestSortCharacters reads a record of each sort character the manuals
// list, and some they do not, with the duration and TTA given.
func TestSortCharacters(t *testing.T) {
	tests := []struct {
		sc, duration, tta string
		dir               drivers.Direction
		outcome           drivers.Outcome
		forwarded         bool
	}{
		{"010", "00H01M00", "000", drivers.Outbound, drivers.Answered, false},
		{"010", "00H00M00", "000", drivers.Outbound, drivers.Unanswered, false},
		{"070", "00H01M00", "000", drivers.Outbound, drivers.Answered, false},
		{"014", "00H01M00", "000", drivers.Outbound, drivers.Answered, true},
		{"015", "00H01M00", "000", drivers.Outbound, drivers.Answered, false},
		{"097", "00H01M00", "000", drivers.Outbound, drivers.Answered, false},
		{"140", "00H01M00", "000", drivers.Tandem, drivers.Answered, false},
		{"160", "00H01M00", "000", drivers.Outbound, drivers.Answered, false},
		{"170", "00H01M00", "000", drivers.Outbound, drivers.Answered, false},
		{"176", "00H01M00", "000", drivers.Outbound, drivers.Answered, false},
		{"320", "00H01M00", "004", drivers.Inbound, drivers.Answered, false},
		{"320", "00H00M00", "004", drivers.Inbound, drivers.Unanswered, false},
		{"321", "00H01M00", "004", drivers.Inbound, drivers.Answered, false},
		{"321", "00H00M00", "004", drivers.Inbound, drivers.Answered, false},
		{"322", "00H00M00", "025", drivers.Inbound, drivers.Unanswered, false},
		{"322", "00H00M00", "000", drivers.Inbound, drivers.Busy, false},
		{"323", "00H01M00", "000", drivers.Inbound, drivers.Answered, false},
		{"324", "00H01M00", "000", drivers.Inbound, drivers.Answered, true},
		{"326", "00H01M00", "002", drivers.Inbound, drivers.Answered, false},
		{"339", "00H00M00", "000", drivers.Inbound, drivers.Failed, false},
		{"343", "00H01M00", "012", drivers.Tandem, drivers.Answered, false},
		{"420", "00H01M00", "003", drivers.Inbound, drivers.Answered, false},
		{"421", "00H01M00", "003", drivers.Inbound, drivers.Answered, false},
		{"443", "00H01M00", "003", drivers.Tandem, drivers.Answered, false},
		{"357", "00H01M00", "003", drivers.Inbound, drivers.Answered, false}, // values the manuals do not list
	}
	for _, tt := range tests {
		t.Run(tt.sc, func(t *testing.T) {
			c := oneCall(t, openParser(t, nil), line(t, fields{fieldSC: tt.sc, fieldDuration: tt.duration, fieldTTA: tt.tta}))
			l := c.Legs[0]
			if c.Direction != tt.dir || l.Outcome != tt.outcome || (c.ForwardedFrom != "") != tt.forwarded {
				t.Errorf("direction %s, outcome %s, forwarded from %q; want %s, %s, forwarded %v",
					c.Direction, l.Outcome, c.ForwardedFrom, tt.dir, tt.outcome, tt.forwarded)
			}
		})
	}
}

func TestUnknownSortCharacters(t *testing.T) {
	for _, sc := range []string{"210", "510", "910", "01", "0 1", " 10"} {
		got := oneError(t, openParser(t, nil), line(t, fields{fieldSC: sc}))
		if !strings.Contains(got, "field 25 (SC)") {
			t.Errorf("SC %q: error %q, want one about field 25 (SC)", sc, got)
		}
	}
}

// TestTwoDigitSortCharacters reads the sort characters of PC1 to PC4.
func TestTwoDigitSortCharacters(t *testing.T) {
	tests := []struct {
		sc, duration string
		dir          drivers.Direction
		outcome      drivers.Outcome
		err          string
	}{
		{"10", "00H01M00", drivers.Outbound, drivers.Answered, ""},
		{"98", "00H01M00", drivers.Outbound, drivers.Answered, ""},
		{"60", "00H00M00", drivers.Outbound, drivers.Unanswered, ""},
		{"21", "00H00M00", drivers.Inbound, drivers.Answered, ""},
		{"22", "00H00M00", drivers.Inbound, drivers.Unanswered, ""}, // no TTA to tell busy by
		{"20", "00H01M00", drivers.Inbound, drivers.Answered, ""},
		{"30", "00H01M00", "", "", "unknown sort character, first digit: want 2 (incoming)"},
		{"4", "00H01M00", "", "", "want 2 digits"},
	}
	for _, tt := range tests {
		text := "\t22    " + pad2(tt.sc) + " 970504 07:22 " + tt.duration + " 00009 00003 167                  0087"
		got := openParser(t, map[string]string{"format": formatPC1})
		if tt.err != "" {
			if e := oneError(t, got, text); !strings.Contains(e, tt.err) {
				t.Errorf("SC %q: error %q, want %q", tt.sc, e, tt.err)
			}
			continue
		}
		c := oneCall(t, got, text)
		if c.Direction != tt.dir || c.Legs[0].Outcome != tt.outcome {
			t.Errorf("SC %q: direction %s, outcome %s; want %s, %s", tt.sc, c.Direction, c.Legs[0].Outcome, tt.dir, tt.outcome)
		}
	}
}

func pad2(s string) string { return strings.Repeat(" ", 2-len(s)) + s }
