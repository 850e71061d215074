package openscapebusiness

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

// BenchmarkParse reads two weeks of the simulator's 40-extension office as
// OpenScape Business writes it: direct, transferred, missed, voicemail and
// outgoing calls, one record per segment.
func BenchmarkParse(b *testing.B) {
	recs := records(b, generate(b, 14))
	p := openParser(b, map[string]string{"voicemail": encodeVoicemail})
	b.ResetTimer()
	for range b.N {
		for _, rec := range recs {
			if _, err := p.Parse(rec); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(recs)*b.N)/b.Elapsed().Seconds(), "records/s")
}

// generate encodes days of simulated calls; the seed is fixed so every
// run reads the same input.
func generate(b *testing.B, days int) []byte {
	loc := berlin(b)
	g := simulator.NewGenerator(simulator.NewOffice(), 1, loc)
	var buf bytes.Buffer
	for _, c := range g.Days(time.Date(2026, 3, 2, 0, 0, 0, 0, loc), days) {
		if err := Encode(&buf, &c); err != nil {
			b.Fatal(err)
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
