package simulator

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"testing"
	"time"
	_ "time/tzdata" // the tests need Europe/Berlin whatever the machine has

	"calltally.app/drivers"
)

func berlin(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// month is thirty days from Monday 2 February 2026: no holidays, but
// weekends and four Fridays.
func month(t testing.TB) (*Generator, []drivers.Call) {
	loc := berlin(t)
	g := NewGenerator(NewOffice(), 42, loc)
	return g, g.Days(time.Date(2026, 2, 2, 0, 0, 0, 0, loc), 30)
}

func TestNewOffice(t *testing.T) {
	o := NewOffice()
	if len(o.Extensions) != 40 {
		t.Fatalf("%d extensions, want 40", len(o.Extensions))
	}
	for i, e := range o.Extensions {
		if want := strconv.Itoa(200 + i); e.Number != want || e.DDI != want {
			t.Errorf("extension %d is %s (DDI %s), want %s", i, e.Number, e.DDI, want)
		}
		if e.Name == "" || !slices.Contains(Departments(), e.Department) || e.Activity <= 0 {
			t.Errorf("extension %s: incomplete %+v", e.Number, e)
		}
	}
	if sw, _ := o.Extension(o.Switchboard); sw.Department != Reception || o.MainNumber() != "0301234560" {
		t.Errorf("switchboard %+v, main number %s", sw, o.MainNumber())
	}
	checkContacts(t, o)
}

func checkContacts(t *testing.T, o *Office) {
	seen := map[string]bool{}
	kinds := map[ContactKind]int{}
	frequent := 0
	for _, c := range o.Contacts {
		if seen[c.Number] || len(c.Number) < 9 || c.Number[0] != '0' {
			t.Errorf("contact number %q duplicate or malformed", c.Number)
		}
		seen[c.Number] = true
		kinds[c.Kind]++
		if _, ok := o.Extension(c.Owner); c.Frequent && (!ok || c.Name == "") {
			t.Errorf("frequent caller %s has owner %q, name %q", c.Number, c.Owner, c.Name)
		}
		if c.Frequent {
			frequent++
		}
	}
	if len(o.Contacts) < 350 || len(o.Contacts) > 450 || frequent < 20 {
		t.Errorf("%d contacts, %d frequent", len(o.Contacts), frequent)
	}
	for _, k := range []ContactKind{Landline, Mobile, International, TollFree} {
		if kinds[k] == 0 {
			t.Errorf("no %s contacts", k)
		}
	}
}

func TestDeterminism(t *testing.T) {
	loc := berlin(t)
	from := time.Date(2026, 3, 2, 0, 0, 0, 0, loc)
	day3 := from.AddDate(0, 0, 3)
	alone := NewGenerator(NewOffice(), 7, loc)
	alone.Origin = from
	tests := []struct {
		name      string
		a, b      []drivers.Call
		wantEqual bool
	}{
		{"same seed", NewGenerator(NewOffice(), 7, loc).Days(from, 5), NewGenerator(NewOffice(), 7, loc).Days(from, 5), true},
		{"other seed", NewGenerator(NewOffice(), 7, loc).Days(from, 5), NewGenerator(NewOffice(), 8, loc).Days(from, 5), false},
		{"day alone", callsOn(NewGenerator(NewOffice(), 7, loc).Days(from, 5), day3), alone.Day(day3), true},
		{"next day", alone.Day(day3), alone.Day(day3.AddDate(0, 0, 1)), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if len(tt.a) == 0 {
				t.Fatal("no calls")
			}
			if got := reflect.DeepEqual(tt.a, tt.b); got != tt.wantEqual {
				t.Errorf("equal = %v, want %v", got, tt.wantEqual)
			}
		})
	}
}

func callsOn(calls []drivers.Call, date time.Time) []drivers.Call {
	var out []drivers.Call
	for _, c := range calls {
		if c.Start.YearDay() == date.YearDay() {
			out = append(out, c)
		}
	}
	return out
}

func TestStreamMatchesDays(t *testing.T) {
	loc := berlin(t)
	from := time.Date(2026, 3, 6, 0, 0, 0, 0, loc) // Friday: the stream crosses a weekend
	g := NewGenerator(NewOffice(), 1, loc)
	want := g.Days(from, 4)
	var got []drivers.Call
	for c := range g.Stream(from) {
		if got = append(got, c); len(got) == len(want) {
			break
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("Stream differs from Days")
	}
}

// TestContract checks every call of two months spanning Easter and DST
// against what drivers' Encode funcs rely on.
func TestContract(t *testing.T) {
	loc := berlin(t)
	g := NewGenerator(NewOffice(), 3, loc)
	calls := g.Days(time.Date(2026, 3, 16, 0, 0, 0, 0, loc), 60)
	prevID := int64(0)
	for i, c := range calls {
		id, err := strconv.ParseInt(c.CallID, 10, 64)
		if err != nil || id <= prevID || (i > 0 && c.Start.Before(calls[i-1].Start)) {
			t.Fatalf("call %d: CallID %q after %d, or out of order", i, c.CallID, prevID)
		}
		prevID = id
		for _, p := range problems(g.Office(), loc, c) {
			t.Errorf("call %s (%s): %s", c.CallID, c.Direction, p)
		}
	}
	if first, _ := strconv.Atoi(calls[0].CallID); first != firstCallID {
		t.Errorf("first CallID %d, want %d", first, firstCallID)
	}
}

// problems lists the ways c breaks the call contract.
func problems(o *Office, loc *time.Location, c drivers.Call) []string {
	var p []string
	add := func(ok bool, format string, args ...any) {
		if !ok {
			p = append(p, fmt.Sprintf(format, args...))
		}
	}
	e, known := o.Extension(c.Extension)
	add(known && e.Name == c.ExtensionName, "extension %q named %q", c.Extension, c.ExtensionName)
	add(c.Start.Location() == loc && c.Start.Nanosecond() == 0, "start %v", c.Start)
	add(len(c.Legs) > 0 && c.Driver == "" && c.PBX == "", "%d legs, driver %q", len(c.Legs), c.Driver)
	add((c.Trunk == "") == (c.Direction == drivers.Internal), "trunk %q", c.Trunk)
	add(c.Trunk == "" || slices.Contains(o.Trunks, c.Trunk), "unknown trunk %q", c.Trunk)
	add((c.External == "") == (c.Direction == drivers.Internal), "external %q", c.External)
	add(c.Ring >= 0 && c.Ring <= 65 && c.Hold <= c.Duration, "ring %d, hold %d of %d", c.Ring, c.Hold, c.Duration)
	add(c.TransferredFrom == "" || (len(c.Legs) >= 2 && c.Legs[0].Party == c.TransferredFrom),
		"transferred from %q", c.TransferredFrom)
	p = append(p, totalProblems(c)...)
	p = append(p, legProblems(c)...)
	return append(p, directionProblems(o, c)...)
}

func totalProblems(c drivers.Call) []string {
	var talk, hold int
	var answered, voicemail bool
	for _, l := range c.Legs {
		talk, hold = talk+l.Talk, hold+l.Hold
		answered = answered || l.Outcome == drivers.Answered
		voicemail = voicemail || l.Outcome == drivers.Voicemail
	}
	var p []string
	if c.Duration != talk || c.Hold != hold {
		p = append(p, fmt.Sprintf("duration %d hold %d, legs %d %d", c.Duration, c.Hold, talk, hold))
	}
	if c.Answered != (answered || voicemail) || c.Voicemail != (voicemail && !answered) {
		p = append(p, fmt.Sprintf("answered %v voicemail %v, legs say %v %v", c.Answered, c.Voicemail, answered, voicemail))
	}
	return p
}

func legProblems(c drivers.Call) []string {
	var p []string
	prev := c.Start
	for i, l := range c.Legs {
		if l.Start.Before(prev) || l.Record != 0 || l.Peer == "" || l.Ring < 0 || l.Talk < 0 {
			p = append(p, fmt.Sprintf("leg %d: %+v", i, l))
		}
		if (l.Party == "") != (l.Outcome == drivers.Voicemail) || (l.Talk > 0) != (l.Outcome == drivers.Answered || l.Outcome == drivers.Voicemail) {
			p = append(p, fmt.Sprintf("leg %d: party %q outcome %s talk %d", i, l.Party, l.Outcome, l.Talk))
		}
		prev = l.Start
	}
	return p
}

func directionProblems(o *Office, c drivers.Call) []string {
	switch c.Direction {
	case drivers.Inbound:
		return inboundProblems(o, c)
	case drivers.Outbound:
		for _, l := range c.Legs {
			if l.Party != c.Extension || l.Peer != c.External {
				return []string{fmt.Sprintf("outbound leg %+v", l)}
			}
		}
		if c.Dialled != c.External || c.FirstAnswerer != "" {
			return []string{fmt.Sprintf("outbound dialled %q answerer %q", c.Dialled, c.FirstAnswerer)}
		}
	case drivers.Internal:
		if _, ok := o.Extension(c.Dialled); !ok || c.Dialled == c.Extension || c.Legs[0].Peer != c.Extension {
			return []string{fmt.Sprintf("internal dialled %q by %q", c.Dialled, c.Extension)}
		}
	default:
		return []string{"direction " + string(c.Direction)}
	}
	return nil
}

func inboundProblems(o *Office, c drivers.Call) []string {
	var answerers []string
	for _, l := range c.Legs {
		if l.Outcome == drivers.Answered {
			answerers = append(answerers, l.Party)
		}
	}
	want := c.Legs[0].Party
	if len(answerers) > 0 {
		want = answerers[len(answerers)-1]
	}
	var p []string
	if c.Extension != want || (len(answerers) > 0 && (c.FirstAnswerer != answerers[0] || c.FinalAnswerer != want)) {
		p = append(p, fmt.Sprintf("extension %s first %s final %s, legs %v", c.Extension, c.FirstAnswerer, c.FinalAnswerer, answerers))
	}
	if c.Dialled != o.MainDDI && c.Dialled != c.Legs[0].Party {
		p = append(p, fmt.Sprintf("DDI %q rang %q", c.Dialled, c.Legs[0].Party))
	}
	return p
}
