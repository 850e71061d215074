package openscapebusiness

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"calltally.app/drivers"
)

// encodeVoicemail is the call number Encode writes for the voicemail that
// took a segment: the UC Smart / EVM mailbox as sites commonly number it.
const encodeVoicemail = "351"

// A segment is what one record says: one extension's part of a call.
type segment struct {
	party     string
	ring      int
	talk      int
	connected bool
	end       time.Time
}

// Encode writes c as OpenScape Business writes it in the compressed form
// with its default options: one |-separated record per segment, CR LF
// terminated, stamped with the segment's end; the first record of a call
// is information element 1 (incoming) or 2 (outgoing), the segments it
// was transferred to 5 or 6. The PBX writes no internal calls, and no
// outgoing calls that were never put through: for those Encode writes
// nothing. c.Trunk is a line number, written as it is.
func Encode(w io.Writer, c *drivers.Call) error {
	switch {
	case c.Direction == drivers.Internal:
		return nil
	case c.Direction != drivers.Inbound && c.Direction != drivers.Outbound:
		return fmt.Errorf("encode call %s: direction %q: the PBX writes only incoming and outgoing trunk calls", c.CallID, c.Direction)
	case len(c.Legs) == 0:
		return fmt.Errorf("encode call %s: no legs", c.CallID)
	}
	segs, err := segments(c)
	if err != nil {
		return fmt.Errorf("encode call %s: %w", c.CallID, err)
	}
	var b strings.Builder
	for i := range segs {
		if err := writeRecord(&b, c, &segs[i], i); err != nil {
			return fmt.Errorf("encode call %s segment %d: %w", c.CallID, i+1, err)
		}
	}
	_, err = io.WriteString(w, b.String())
	return err
}

// segments turns c's legs into records. Ringing that ended at the
// voicemail is one segment, answered by the voicemail. An outgoing call
// no one answered gives none. Hold time is part of a leg's talk time, as
// the simulator lays legs out; the PBX's call duration covers both.
func segments(c *drivers.Call) ([]segment, error) {
	var segs []segment
	for i := 0; i < len(c.Legs); i++ {
		l := &c.Legs[i]
		if l.Ring < 0 || l.Talk < 0 || l.Hold < 0 {
			return nil, fmt.Errorf("leg %d: negative seconds", i+1)
		}
		s := segment{party: l.Party, ring: l.Ring, talk: l.Talk}
		s.connected = l.Outcome == drivers.Answered || l.Outcome == drivers.Voicemail
		if next := i + 1; next < len(c.Legs) && !s.connected && c.Legs[next].Outcome == drivers.Voicemail {
			i, l = next, &c.Legs[next]
			s.ring, s.talk, s.connected = s.ring+l.Ring, l.Talk, true
		}
		if l.Outcome == drivers.Voicemail {
			s.party = encodeVoicemail
		}
		s.end = l.Start.Add(time.Duration(l.Ring+l.Talk) * time.Second)
		if c.Direction == drivers.Outbound && !s.connected {
			continue // "outgoing without connection" is off by default
		}
		segs = append(segs, s)
	}
	return segs, nil
}

// writeRecord writes segment i of c: fields 1 to 11 and three empty
// ones, as the published example without "output LCR number".
func writeRecord(b *strings.Builder, c *drivers.Call, s *segment, i int) error {
	var f [numFields + 3]string
	f[fieldDate], f[fieldTime] = s.end.Format("02.01.06"), s.end.Format("15:04:05")
	if y := s.end.Year(); y < 2000 || y > 2099 {
		return fmt.Errorf("end %s: the record's two-digit year reaches from 2000 to 2099", s.end.Format(drivers.WallClock))
	}
	f[fieldTrunk], f[fieldExtension], f[fieldNumber] = c.Trunk, s.party, c.External
	f[fieldAccount], f[fieldInfo] = c.AccountCode, infoOf(c.Direction, i)
	if c.Direction == drivers.Inbound {
		f[fieldRing], f[fieldMSN] = clock(min(s.ring, 59*60+59), false), c.Dialled
	}
	if s.connected {
		f[fieldDuration] = clock(min(s.talk, 24*3600-1), true)
	}
	if i == 0 && c.ChargeUnits > 0 {
		f[fieldCharges] = strconv.Itoa(c.ChargeUnits)
	}
	for i, v := range f {
		if strings.ContainsAny(v, "|\r\n") {
			return &drivers.FieldError{Field: i + 1, Name: fieldName(i), Value: v, Reason: "a record cannot carry a | or line break"}
		}
		if i > 0 {
			b.WriteByte('|')
		}
		b.WriteString(v)
	}
	b.WriteString("\r\n")
	return nil
}

// infoOf is the information element of a call's segment i.
func infoOf(dir drivers.Direction, i int) string {
	switch {
	case dir == drivers.Inbound && i == 0:
		return "1"
	case dir == drivers.Inbound:
		return "5"
	case i == 0:
		return "2"
	}
	return "6"
}

// clock writes seconds as mm:ss, or hh:mm:ss when hours is set.
func clock(secs int, hours bool) string {
	if hours {
		return drivers.FormatHMS(secs)
	}
	return fmt.Sprintf("%02d:%02d", secs/60, secs%60)
}

func fieldName(i int) string {
	if i < int(numFields) {
		return fieldNames[i]
	}
	return "LCR"
}
