package driverstest

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"testing"
	"time"

	"calltally.app/collector/simulator"
	"calltally.app/drivers"
)

// BenchmarkParse measures driver id's parser on the simulated office's
// calls as the driver's Encode writes them, about n records (the same
// every run: the seed is fixed), reporting records/s and MB/s.
func BenchmarkParse(b *testing.B, id string, n int) {
	d := lookup(b, id)
	data := Simulated(b, d, n)
	recs := Records(b, d, data)
	p := Open(b, id, nil)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		for _, rec := range recs {
			if _, err := p.Parse(rec); err != nil && !errors.Is(err, drivers.ErrNotCall) {
				b.Fatalf("%s: %v", rec.Where(), err)
			}
		}
		p.Flush()
	}
	b.ReportMetric(float64(len(recs)*b.N)/b.Elapsed().Seconds(), "records/s")
}

// Simulated returns simulated days of the office in d's wire format, with
// its header, until they hold at least n records.
func Simulated(tb testing.TB, d *drivers.Driver, n int) []byte {
	tb.Helper()
	loc := Location(tb, Zone)
	g := simulator.NewGenerator(simulator.NewOffice(), 1, loc)
	first := time.Date(2026, 3, 2, 0, 0, 0, 0, loc)
	g.Origin = first
	var buf bytes.Buffer
	for day := first; len(Records(tb, d, buf.Bytes())) < n; day = day.AddDate(0, 0, 1) {
		var one bytes.Buffer
		if _, err := g.Write(&one, d, day, 1, time.Time{}); err != nil {
			tb.Fatal(err)
		}
		if buf.Len() > 0 && d.Header != nil {
			header, _ := simulator.Header(d)
			one.Next(len(header)) // one file: the header once
		}
		buf.Write(one.Bytes())
	}
	return buf.Bytes()
}

// Records frames data into records as d does (one per line when d is
// nil), numbered from 1, for a benchmark to parse again and again.
func Records(tb testing.TB, d *drivers.Driver, data []byte) []drivers.Record {
	var split bufio.SplitFunc
	if d != nil {
		split = d.Split
	}
	rd := drivers.NewReader(bytes.NewReader(data), "bench", split, FixedClock)
	var recs []drivers.Record
	for id := int64(1); ; id++ {
		rec, err := rd.Next()
		if errors.Is(err, io.EOF) {
			return recs
		}
		if err != nil {
			tb.Fatal(err)
		}
		rec.ID = id
		recs = append(recs, rec)
	}
}
