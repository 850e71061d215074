package mitelmxone

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

// BenchmarkParse reads a simulated office's CIL file, header block and
// all: about 10,000 records of answered, transferred, missed, voicemail,
// outbound, busy and failed calls in the default layout.
func BenchmarkParse(b *testing.B) {
	recs := records(b, generate(b, 10_000))
	p := openParser(b, map[string]string{"voicemail": simulatedVoicemail})
	b.ResetTimer()
	for range b.N {
		for _, rec := range recs {
			if _, err := p.Parse(rec); err != nil && !errors.Is(err, drivers.ErrNotCall) {
				b.Fatal(err)
			}
		}
		p.Flush()
	}
	b.ReportMetric(float64(len(recs)*b.N)/b.Elapsed().Seconds(), "records/s")
}

// generate encodes the simulated office's days until they make n records.
// The seed is fixed so every run reads the same input.
func generate(b *testing.B, n int) []byte {
	loc := dt.Location(b, dt.Zone)
	g := simulator.NewGenerator(simulator.NewOffice(), 1, loc)
	var buf bytes.Buffer
	if err := Header(&buf); err != nil {
		b.Fatal(err)
	}
	for day := time.Date(2026, 3, 2, 0, 0, 0, 0, loc); bytes.Count(buf.Bytes(), []byte{'\n'}) < n; day = day.AddDate(0, 0, 1) {
		for _, c := range g.Day(day) {
			if err := Encode(&buf, &c); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.SetBytes(int64(buf.Len()))
	return buf.Bytes()
}

func records(b *testing.B, data []byte) []drivers.Record {
	rd := drivers.NewReader(bytes.NewReader(data), "bench", nil, dt.FixedClock)
	var recs []drivers.Record
	for id := int64(1); ; id++ {
		rec, err := rd.Next()
		if errors.Is(err, io.EOF) {
			return recs
		}
		if err != nil {
			b.Fatal(err)
		}
		rec.ID = id
		recs = append(recs, rec)
	}
}
