package custom

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"time"

	"calltally.app/collector/simulator"
	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// simulate returns n days of the simulated office from day, written by
// write (with header first), and the calls written.
func simulate(t testing.TB, day time.Time, n int, header string, write func(io.Writer, *drivers.Call)) ([]byte, []drivers.Call) {
	t.Helper()
	g := simulator.NewGenerator(simulator.NewOffice(), 7, day.Location())
	calls := g.Days(day, n)
	b := bytes.NewBufferString(header)
	for i := range calls {
		write(b, &calls[i])
	}
	return b.Bytes(), calls
}

// TestRoundTrip writes a simulated day in the README's example formats
// and reads it back by their layouts, as the cross-driver round trip does
// for drivers with an Encode: the same calls (count, start within two
// minutes, direction, answered) come back, legs joined by call ID.
func TestRoundTrip(t *testing.T) {
	// Before the golden arrival clock: the fixed example has no year.
	day := time.Date(2025, 12, 10, 0, 0, 0, 0, berlin(t))
	tests := []struct {
		example string
		header  string
		write   func(io.Writer, *drivers.Call)
	}{
		{"delimited", delimitedHeader, writeDelimited},
		{"fixed-width", "", writeFixed},
	}
	for _, tt := range tests {
		t.Run(tt.example, func(t *testing.T) {
			_, layout := readmeExample(t, tt.example)
			data, want := simulate(t, day, 1, tt.header, tt.write)
			p := drivers.NewJoiner(openLayout(t, layout), drivers.FinalAnswerer)
			got := dt.ParseReader(t, nil, p, tt.example, bytes.NewReader(data))
			if len(got.Failed) > 0 {
				t.Fatalf("%d records failed, the first: %s", len(got.Failed), got.Failed[0])
			}
			if len(want) < 50 {
				t.Fatalf("only %d simulated calls", len(want))
			}
			dt.CheckSimilarCalls(t, got.Calls, want)
		})
	}
}

// BenchmarkParse reads about 10,000 records of the simulated office in
// the delimited example's format, a record per leg.
func BenchmarkParse(b *testing.B) {
	_, layout := readmeExample(b, "delimited")
	recs := dt.Records(b, nil, simulated(b, 10_000))
	p := openLayout(b, layout)
	b.ResetTimer()
	for range b.N {
		for _, rec := range recs {
			if _, err := p.Parse(rec); err != nil && !errors.Is(err, drivers.ErrNotCall) {
				b.Fatalf("%s: %v", rec.Where(), err)
			}
		}
	}
	b.ReportMetric(float64(len(recs)*b.N)/b.Elapsed().Seconds(), "records/s")
}

// simulated returns the office's calls from 2 March 2026 in the delimited
// example's format, until they hold n records.
func simulated(b *testing.B, n int) []byte {
	loc := dt.Location(b, dt.Zone)
	g := simulator.NewGenerator(simulator.NewOffice(), 1, loc)
	buf := bytes.NewBufferString(delimitedHeader)
	for c := range g.Stream(time.Date(2026, 3, 2, 0, 0, 0, 0, loc)) {
		writeDelimited(buf, &c)
		if bytes.Count(buf.Bytes(), []byte("\n")) >= n {
			break
		}
	}
	b.SetBytes(int64(buf.Len()))
	return buf.Bytes()
}
