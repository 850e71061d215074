package drivers

import (
	"testing"
	"time"
)

var t0 = time.Date(2026, 5, 4, 10, 0, 0, 0, time.UTC)

func leg(party string, at, ring, talk int, o Outcome, rec int64) Leg {
	return Leg{Party: party, Start: t0.Add(time.Duration(at) * time.Second), Ring: ring, Talk: talk, Outcome: o, Record: rec}
}

func TestDerive(t *testing.T) {
	tests := []struct {
		name          string
		dir           Direction
		attr          Attribution
		legs          []Leg
		ring, dur     int
		answered, vm  bool
		ext, first    string
		final, xferFr string
	}{
		{"ring group: a member that did not pick up is no missed call", Inbound, FinalAnswerer,
			[]Leg{leg("201", 0, 20, 0, Unanswered, 1), leg("202", 0, 6, 90, Answered, 2)},
			6, 90, true, false, "202", "202", "202", ""},
		{"transfer, counted against the final answerer", Inbound, FinalAnswerer,
			[]Leg{leg("215", 70, 4, 200, Answered, 2), leg("200", 0, 8, 60, Answered, 1)},
			8, 260, true, false, "215", "200", "215", "200"},
		{"transfer, counted against the first answerer", Inbound, FirstAnswerer,
			[]Leg{leg("200", 0, 8, 60, Answered, 1), leg("215", 70, 4, 200, Answered, 2)},
			8, 260, true, false, "200", "200", "215", "200"},
		{"nobody answered: rang until the last leg gave up", Inbound, FinalAnswerer,
			[]Leg{leg("201", 0, 15, 0, Unanswered, 1), leg("202", 15, 15, 0, Unanswered, 2)},
			30, 0, false, false, "201", "", "", ""},
		{"voicemail took it", Inbound, FinalAnswerer,
			[]Leg{leg("201", 0, 20, 0, Unanswered, 1), leg("", 20, 0, 35, Voicemail, 2)},
			20, 35, true, true, "201", "", "", ""},
		{"outbound: the answerer is outside", Outbound, FinalAnswerer,
			[]Leg{leg("203", 0, 9, 120, Answered, 1)},
			9, 120, true, false, "203", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Call{Direction: tt.dir, Extension: tt.legs[0].Party, Legs: tt.legs}
			if tt.dir == Inbound {
				c.Extension = "201"
			}
			c.Derive(tt.attr)
			got := []any{c.Ring, c.Duration, c.Answered, c.Voicemail, c.Extension, c.FirstAnswerer, c.FinalAnswerer, c.TransferredFrom}
			want := []any{tt.ring, tt.dur, tt.answered, tt.vm, tt.ext, tt.first, tt.final, tt.xferFr}
			names := []string{"ring", "duration", "answered", "voicemail", "extension", "first", "final", "transferred_from"}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("%s = %v, want %v", names[i], got[i], want[i])
				}
			}
			if !c.Start.Equal(t0) {
				t.Errorf("start %v, want the first leg's %v", c.Start, t0)
			}
		})
	}
}

func TestJoinKeepsCallFieldsOfTheFirstPart(t *testing.T) {
	a := Call{Start: t0.Add(70 * time.Second), Direction: Inbound, Key: "k", Legs: []Leg{leg("215", 70, 4, 200, Answered, 2)}, ChargeUnits: 2}
	b := Call{Start: t0, Direction: Inbound, Key: "k", External: "0301234", Trunk: "9", Legs: []Leg{leg("200", 0, 8, 60, Answered, 1)}, ChargeUnits: 1}
	c := Join(a, b, FinalAnswerer)
	if c.External != "0301234" || c.Trunk != "9" || c.ChargeUnits != 3 || len(c.Legs) != 2 || c.Legs[0].Record != 1 {
		t.Errorf("joined %+v", c)
	}
	if len(a.Legs) != 1 || len(b.Legs) != 1 {
		t.Error("Join changed its arguments' legs")
	}
}

// fixed is a parser that returns, for record i, calls[i].
type fixed [][]Call

func (f fixed) Parse(rec Record) ([]Call, error) { return f[rec.ID], nil }
func (f fixed) Flush() []Call                    { return nil }

func TestJoiner(t *testing.T) {
	part := func(key string, at int, party string, rec int64) Call {
		return Call{Start: t0.Add(time.Duration(at) * time.Second), Direction: Inbound, Key: key,
			Legs: []Leg{leg(party, at, 5, 30, Answered, rec)}}
	}
	p := fixed{
		{part("a", 0, "201", 0)},
		{{Start: t0, Direction: Outbound, Legs: []Leg{leg("205", 10, 0, 5, Answered, 1)}}},
		{part("a", 40, "202", 2), part("b", 50, "203", 2)},
		{part("c", 2*3600, "204", 3)}, // two hours on: a and b are done
	}
	j := NewJoiner(p, FinalAnswerer)
	var out [][]Call
	for i := range p {
		calls, _ := j.Parse(Record{ID: int64(i)})
		out = append(out, calls)
	}
	out = append(out, j.Flush())
	wantLegs := [][]int{{}, {1}, {}, {2, 1}, {1}}
	for i, calls := range out {
		if len(calls) != len(wantLegs[i]) {
			t.Fatalf("step %d: %d calls, want %d", i, len(calls), len(wantLegs[i]))
		}
		for k, c := range calls {
			if len(c.Legs) != wantLegs[i][k] {
				t.Errorf("step %d call %d: %d legs, want %d", i, k, len(c.Legs), wantLegs[i][k])
			}
		}
	}
	if got := out[3][0]; got.FinalAnswerer != "202" || got.Duration != 60 {
		t.Errorf("joined call: final answerer %q, duration %d", got.FinalAnswerer, got.Duration)
	}
}
