package openscapevoice

import (
	"fmt"
	"time"

	"calltally.app/drivers"
)

// A record is one standard CDR, read: one leg of a call.
type record struct {
	id              int64 // the drivers.Record it was read from
	stamp           time.Time
	talk            int // Call Duration, seconds
	globalCallID    string
	called, calling string
	dialled         string
	destination     string
	forwarding      string
	attempt, cause  int64
	origParty       int64 // 900 on the switch, 901 not on it
	termParty       int64 // 902 on the switch, 903 not on it
	answer, release time.Time
	inConnect       time.Time // zero when the field is empty
	feature, event  int64     // bit masks
	featureExt      int64
	threadNode      string
	threadSeq       string
	ingress, egress string // SIP endpoints: the trunks taken
}

// parseRecord reads the fields of one standard CDR laid out as l; col0
// is the column of its record type in the line, for messages. Only the
// fields the call is derived from are checked; the rest are the switch's
// business.
func parseRecord(l *layout, fields []string, col0 int, loc *time.Location) (record, error) {
	if len(fields) < l.minWidth {
		n := len(fields)
		return record{}, &drivers.FieldError{Field: col0 + n, Name: l.name(n),
			Reason: fmt.Sprintf("missing: the record has %d fields, want at least %d", n, l.minWidth)}
	}
	rd := fieldReader{l: l, f: fields, col0: col0, loc: loc}
	r := record{
		globalCallID: rd.text(fGlobalCallID), called: rd.text(fCalled), calling: rd.text(fCalling),
		dialled: rd.text(fDialled), destination: rd.text(fDestination), forwarding: rd.text(fForwarding),
		threadNode: rd.text(fThreadNode), threadSeq: rd.text(fThreadSeq),
		ingress: rd.text(fIngress), egress: rd.text(fEgress),
	}
	r.stamp = rd.time(fTimestamp, true)
	r.talk = rd.seconds(fDuration)
	r.attempt, r.cause = rd.code(fAttempt), rd.code(fCause)
	r.origParty, r.termParty = rd.code(fOrigParty), rd.code(fTermParty)
	r.answer, r.release, r.inConnect = rd.time(fAnswer, false), rd.time(fRelease, false), rd.time(fInConnect, false)
	r.feature, r.featureExt, r.event = rd.code(fFeature), rd.code(fFeatureExt), rd.code(fEvent)
	return r, rd.err
}

// A fieldReader parses fields and keeps the first error, so parseRecord
// reads as a list of fields rather than a ladder of checks.
type fieldReader struct {
	l    *layout
	f    []string
	col0 int
	loc  *time.Location
	err  error
}

func (rd *fieldReader) text(f field) string { return rd.l.text(rd.f, f) }

func (rd *fieldReader) fail(f field, reason string) {
	if rd.err == nil {
		i := rd.l.at[f]
		rd.err = &drivers.FieldError{Field: rd.col0 + i, Name: rd.l.name(i), Value: rd.f[i], Reason: reason}
	}
}

// time reads a time stamp; only the record's own Time Stamp must be there.
func (rd *fieldReader) time(f field, required bool) time.Time {
	s := rd.text(f)
	if s == "" && !required {
		return time.Time{}
	}
	t, err := parseStamp(s, rd.loc)
	if err != nil {
		rd.fail(f, err.Error())
	}
	return t
}

// seconds reads a count of seconds, empty for 0; at most 9 digits, so
// that sums of them cannot overflow.
func (rd *fieldReader) seconds(f field) int {
	s := rd.text(f)
	if s == "" {
		return 0
	}
	n, ok := drivers.Atoi(s)
	if !ok {
		rd.fail(f, "want whole seconds")
	}
	return n
}

// code reads an indicator, cause or bit mask; empty is 0, "none".
func (rd *fieldReader) code(f field) int64 {
	s := rd.text(f)
	if s == "" {
		return 0
	}
	n, ok := drivers.Digits(s, 18)
	if !ok {
		rd.fail(f, "want a whole number")
	}
	return n
}
