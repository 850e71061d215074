package custom

import (
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"calltally.app/drivers"
)

// The drivers' own Encode writes a PBX's one wire format; this driver has
// none, so its tests write simulated calls in the two README examples.

// readmeExample returns the sample lines and the layout under the README
// heading "## Example: <name>": its first code block and its json block.
func readmeExample(t testing.TB, name string) (sample, layout string) {
	t.Helper()
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(b), "## Example: "+name+"\n")
	if !ok {
		t.Fatalf("README.md has no example %q", name)
	}
	section, _, _ = strings.Cut(section, "\n## ")
	blocks := strings.Split(section, "```")
	if len(blocks) < 5 || !strings.HasPrefix(blocks[3], "json\n") {
		t.Fatalf("example %q: want a code block, then a json block", name)
	}
	return strings.TrimPrefix(blocks[1], "\n"), strings.TrimPrefix(blocks[3], "json\n")
}

var directionCodes = map[drivers.Direction]string{
	drivers.Inbound: "I", drivers.Outbound: "O", drivers.Internal: "L", drivers.Tandem: "T",
}

var outcomeCodes = map[drivers.Outcome]string{
	drivers.Answered: "A", drivers.Unanswered: "N", drivers.Busy: "B", drivers.Failed: "F", drivers.Voicemail: "V",
}

// legNumbers are the calling and called numbers of a leg of c.
func legNumbers(c *drivers.Call, l *drivers.Leg) (calling, called string) {
	switch c.Direction {
	case drivers.Outbound:
		return c.Extension, c.External
	case drivers.Internal:
		if l.Party != "" {
			return c.Extension, l.Party
		}
		return c.Extension, c.Dialled
	}
	return c.External, c.Dialled
}

const delimitedHeader = "Call ID,Start,Dir,From,To,Party,Name,Trunk,Ring,Talk,Result,Account\n"

// writeDelimited writes c as the delimited example's PBX would: a record
// per leg, with the call ID.
func writeDelimited(w io.Writer, c *drivers.Call) {
	for i := range c.Legs {
		l := &c.Legs[i]
		calling, called := legNumbers(c, l)
		fmt.Fprintf(w, "%s,%s,%s,%s,%s,%s,%s,%s,%d,%s,%s,%s\n", c.CallID, l.Start.Format(time.DateTime),
			directionCodes[c.Direction], calling, called, l.Party, csvQuote(l.PartyName), c.Trunk,
			l.Ring, drivers.FormatHMS(l.Talk), outcomeCodes[l.Outcome], c.AccountCode)
	}
}

func csvQuote(s string) string {
	if !strings.ContainsAny(s, `,"`) {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// writeFixed writes c as the fixed-width example's PBX would: a line per
// call, the start to the minute, the number of the other party.
func writeFixed(w io.Writer, c *drivers.Call) {
	number := c.External
	if c.Direction == drivers.Internal {
		_, number = legNumbers(c, &c.Legs[len(c.Legs)-1])
	}
	fmt.Fprintf(w, "%s %s %s %-5s %-20s %-3s %s %s\n", c.Start.Format("02.01."), c.Start.Format("15:04"),
		drivers.FormatHMS(c.Duration), c.Extension, number, c.Trunk, directionCodes[c.Direction], c.AccountCode)
}

// TestReadmeExamples reads the README's examples by their layouts and
// checks the calls the README says they hold.
func TestReadmeExamples(t *testing.T) {
	tests := []struct {
		name string
		want []string // direction extension duration answered, per call
	}{
		{"delimited", []string{"outbound 201 125 true", "inbound 208 180 true", "inbound 205 0 false", "internal 203 75 true"}},
		{"fixed-width", []string{"outbound 201 125 true", "inbound 202 340 true", "internal 203 75 true", "inbound 205 0 false"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sample, layout := readmeExample(t, tt.name)
			p := drivers.NewJoiner(openLayout(t, layout), drivers.FinalAnswerer)
			got := parseAll(t, p, sample)
			if len(got.Failed) > 0 || len(got.Calls) != len(tt.want) {
				t.Fatalf("%d calls, errors %q", len(got.Calls), got.Errs)
			}
			for i, c := range got.Calls {
				if s := fmt.Sprintf("%s %s %d %v", c.Direction, c.Extension, c.Duration, c.Answered); s != tt.want[i] {
					t.Errorf("call %d: %s, want %s", i+1, s, tt.want[i])
				}
			}
		})
	}
}
