package ciscocme

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

// BenchmarkParse reads the syslog of a busy gateway: about 10,000
// messages of a simulated office's calls (direct, transferred, missed,
// voicemail, outbound, busy, failed and internal).
func BenchmarkParse(b *testing.B) {
	recs := records(b, generate(b, 10_000))
	p := openParser(b, simulatedSettings)
	b.ResetTimer()
	for range b.N {
		for _, rec := range recs {
			if _, err := p.Parse(rec); err != nil {
				b.Fatal(err)
			}
		}
		p.Flush()
	}
	b.ReportMetric(float64(len(recs)*b.N)/b.Elapsed().Seconds(), "records/s")
}

// generate encodes simulated days until they make n messages.
func generate(b *testing.B, n int) []byte {
	loc := berlin(b)
	g := simulator.NewGenerator(simulator.NewOffice(), 1, loc)
	var buf bytes.Buffer
	written := 0
	for day := time.Date(2026, 3, 2, 0, 0, 0, 0, loc); written < n; day = day.AddDate(0, 0, 1) {
		for _, c := range g.Day(day) {
			if err := Encode(&buf, &c); err != nil {
				b.Fatal(err)
			}
			written += len(c.Legs) + 1 // a message per leg and one for the caller's side
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
