package detect

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"calltally.app/drivers"
	_ "calltally.app/drivers/all"
	dt "calltally.app/drivers/driverstest"
)

// TestDetectNamesEveryGoldenSample runs detection on every golden input of
// every driver, present and future, and wants the driver it belongs to
// first (a tie at the top with a variant of the same format is first
// too). Cases that exist to show a bad layout setting or unreadable lines
// say so in a `detect` file (skip=reason) and are left out.
func TestDetectNamesEveryGoldenSample(t *testing.T) {
	for _, d := range drivers.All() {
		if _, err := d.Open(drivers.Config{}); err != nil {
			continue // it reads nothing until the site describes its records (custom)
		}
		inputs, _ := filepath.Glob(filepath.Join("..", dt.PackageDir(t, d), "testdata", "*", "input.*"))
		for _, input := range inputs {
			dir := filepath.Dir(input)
			t.Run(d.ID+"/"+filepath.Base(dir), func(t *testing.T) {
				if reason := skipped(t, dir); reason != "" {
					t.Skip(reason)
				}
				sample, err := os.ReadFile(input)
				if err != nil {
					t.Fatal(err)
				}
				checkFirst(t, d, sample)
			})
			t.Run(d.ID+"/"+filepath.Base(dir)+"/first-lines", func(t *testing.T) {
				if reason := skipped(t, dir); reason != "" {
					t.Skip(reason)
				}
				few := firstRecords(t, d, input, fewRecords)
				if got := dt.ParseReader(t, d, dt.Open(t, d.ID, nil), "few", bytes.NewReader(few)); len(got.Calls) == 0 {
					t.Skip("the driver itself reads no call from the first records (a case of bad lines)")
				}
				checkFirst(t, d, few)
			})
		}
	}
}

// fewRecords is what a site that pastes "a few lines" gives.
const fewRecords = 5

// firstRecords returns the start of the file at path up to its n-th line
// that is not a header or other line without a call to d (a capture of a
// few records keeps the header lines before them).
func firstRecords(t *testing.T, d *drivers.Driver, path string, n int) []byte {
	lines := dt.ReadLines(t, path)
	p := dt.Open(t, d.ID, nil)
	for i, line := range lines {
		if _, err := p.Parse(drivers.Record{ID: int64(i + 1), Text: line, Received: dt.FixedClock()}); !errors.Is(err, drivers.ErrNotCall) {
			n--
		}
		if n == 0 {
			lines = lines[:i+1]
			break
		}
	}
	return []byte(strings.Join(lines, "\n") + "\n")
}

// checkFirst wants d's package among the drivers with the best score: the
// IDs one package registers (the Alcatel OXE family) read the same
// format, so any of them first is right.
func checkFirst(t *testing.T, d *drivers.Driver, sample []byte) {
	got := Detect(sample, Options{Location: dt.Location(t, dt.Zone), Received: dt.FixedClock()})
	if len(got) == 0 {
		t.Fatal("no driver read anything")
	}
	for _, c := range got {
		if c.Score < got[0].Score {
			break
		}
		if c.Driver == d.ID || samePackage(t, c.Driver, d) {
			return
		}
	}
	var top []string
	for _, c := range got[:min(4, len(got))] {
		top = append(top, c.Driver+"="+strings.TrimRight(strings.TrimRight(ftoa(c.Score), "0"), "."))
	}
	t.Errorf("first: %s; want %s", strings.Join(top, " "), d.ID)
}

func samePackage(t *testing.T, id string, d *drivers.Driver) bool {
	other, err := drivers.Lookup(id)
	return err == nil && dt.PackageDir(t, other) == dt.PackageDir(t, d)
}

// skipped returns why the case in dir is not a detection sample, if it
// says so in its detect file.
func skipped(t *testing.T, dir string) string {
	for _, line := range dt.ReadLines(t, filepath.Join(dir, "detect")) {
		if reason, ok := strings.CutPrefix(line, "skip="); ok {
			return reason
		}
	}
	return ""
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', 3, 64) }
