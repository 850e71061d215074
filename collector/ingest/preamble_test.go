package ingest

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"calltally.app/drivers"
	"calltally.app/storage"
)

// headerDriver reads "A,B" lines whose header "#ext,talk" or "#talk,ext"
// says which column is which, as a CUCM file's header does; every file
// starts with one.
var headerDriver = &drivers.Driver{ID: "test-header", Name: "test",
	Preamble: func(text string) bool { return strings.HasPrefix(text, "#") },
	New:      func(drivers.Config) (drivers.Parser, error) { return &headerParser{}, nil }}

type headerParser struct{ extFirst, known bool }

func (p *headerParser) Parse(rec drivers.Record) ([]drivers.Call, error) {
	if strings.HasPrefix(rec.Text, "#") {
		p.extFirst, p.known = rec.Text == "#ext,talk", true
		return nil, fmt.Errorf("header: %w", drivers.ErrNotCall)
	}
	if !p.known {
		return nil, fmt.Errorf("no header yet")
	}
	ext, _, _ := strings.Cut(rec.Text, ",")
	if !p.extFirst {
		_, ext, _ = strings.Cut(rec.Text, ",")
	}
	c := drivers.Call{Start: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC), Direction: drivers.Outbound, Extension: ext,
		Legs: []drivers.Leg{{Party: ext, Outcome: drivers.Answered, Record: rec.ID}}}
	return []drivers.Call{c}, nil
}

func (p *headerParser) Flush() []drivers.Call { return nil }

// TestPreambleReplayed: a second file repeats the first one's header (a
// duplicate, not stored again) and a resumed file skips its header; the
// parser must see both all the same, or it reads the columns wrongly.
func TestPreambleReplayed(t *testing.T) {
	ctx := context.Background()
	ten := newTenant(t)
	p, _ := headerDriver.Open(drivers.Config{})
	in, err := New(ctx, ten, "pbx", headerDriver, p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	read := func(source string, lines ...string) {
		rd := drivers.NewReader(strings.NewReader(strings.Join(lines, "\n")), source, nil, nil)
		if err := in.ReadAll(ctx, rd, nil); err != nil {
			t.Fatal(err)
		}
	}
	read("a", "#talk,ext", "30,201")
	read("b", "#ext,talk", "202,40")
	read("c", "#talk,ext", "50,203") // a duplicate header after another one
	in.Skip(NewInput(), []drivers.Record{{Text: "#ext,talk"}, {Text: "204,60"}})
	read("d", "205,70") // the rest of a file resumed after its header
	if s := in.Stats(); s.Unparsed != 0 {
		t.Fatalf("%d records unparsed: the parser missed a header", s.Unparsed)
	}
	var exts []string
	ten.EachCall(ctx, storage.CallFilter{}, func(c *drivers.Call) error {
		exts = append(exts, c.Extension)
		return nil
	})
	if got := strings.Join(exts, " "); got != "201 202 203 205" && got != "205 203 202 201" {
		t.Errorf("extensions %q; want 201, 202, 203 and 205 in some order", got)
	}
}
