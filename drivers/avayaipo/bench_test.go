package avayaipo

import (
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"strconv"
	"testing"
	"time"

	"calltally.app/drivers"
)

// BenchmarkParse reads a day of a busy site: about 10,000 generated
// records of direct, transferred, missed, voicemail, outbound, failed and
// internal calls.
func BenchmarkParse(b *testing.B) {
	data := generate(b, 10_000)
	recs := records(b, data)
	p := openParser(b, nil)
	b.SetBytes(int64(len(data)))
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

// generate encodes random calls until they make n records. The seed is
// fixed so every run reads the same input.
func generate(b *testing.B, n int) []byte {
	rng := rand.New(rand.NewPCG(1, 2))
	start := time.Date(2026, 3, 2, 7, 0, 0, 0, berlin(b))
	var buf bytes.Buffer
	for id, written := 1000000, 0; written < n; id++ {
		start = start.Add(time.Duration(rng.IntN(20)) * time.Second)
		c := randomCall(rng, start, strconv.Itoa(id))
		if err := Encode(&buf, &c); err != nil {
			b.Fatal(err)
		}
		written += len(c.Legs) // one record per leg
	}
	return buf.Bytes()
}

func randomCall(rng *rand.Rand, start time.Time, id string) drivers.Call {
	ext := func() string { return strconv.Itoa(200 + rng.IntN(60)) }
	talk := func() int { return 5 + rng.IntN(600) }
	in := drivers.Call{Start: start, CallID: id, Direction: drivers.Inbound, External: "0171" + strconv.Itoa(1000000+rng.IntN(8999999)),
		Dialled: "200", Trunk: strconv.Itoa(1 + rng.IntN(4))}
	out := drivers.Call{Start: start, CallID: id, Direction: drivers.Outbound, Extension: ext(), External: "0301234567",
		Dialled: "90301234567", Trunk: "1"}
	switch k := rng.IntN(100); {
	case k < 45:
		in.Legs = legs(answered(ext(), rng.IntN(20), talk()))
	case k < 55:
		in.Legs = legs(answered(ext(), rng.IntN(20), talk()), answered(ext(), 0, talk()), answered(ext(), 0, talk()))[:2+rng.IntN(2)]
	case k < 65:
		in.Legs = legs(rang(ext(), 5+rng.IntN(30)))
	case k < 70:
		in.Legs = legs(rang(ext(), 20), voicemail(talk()))
	case k < 90:
		out.Legs = legs(answered(out.Extension, rng.IntN(20), talk()))
		return out
	case k < 93:
		out.Legs, out.Trunk = legs(drivers.Leg{Party: out.Extension, Outcome: drivers.Failed}), ""
		return out
	default:
		out.Direction, out.External, out.Trunk, out.Dialled = drivers.Internal, "", "", ext()
		out.Legs = legs(answered(out.Dialled, rng.IntN(10), talk()))
		return out
	}
	return in
}

func records(b *testing.B, data []byte) []drivers.Record {
	rd := drivers.NewReader(bytes.NewReader(data), "bench", nil, fixedClock)
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
