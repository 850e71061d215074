package custom

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"calltally.app/drivers"
)

// A record is one line read by the layout.
type record struct {
	id         int64
	start      time.Time
	talk, ring int
	calling    string
	called     string
	extension  string
	trunk      string
	account    string
	callID     string
	direction  drivers.Direction // "" when the numbers must tell
	outcome    drivers.Outcome   // "" when the duration must tell
}

// A reader reads one record's fields by the layout and keeps the first
// error, so that reading a record reads as a list of fields.
type reader struct {
	l        *layout
	cols     *[numFields]int // delimited: each field's index in fields, -1 unknown
	fields   []string        // delimited: the line cut at its separators
	line     string          // fixed: the line itself
	ascii    bool            // fixed: line is plain ASCII, characters are bytes
	loc      *time.Location  // the site's zone
	received time.Time       // when the record arrived
	err      error
}

// read reads every field the layout has into a record.
func (rd *reader) read() (record, error) {
	var r record
	rd.times(&r) // first, as a line that is no record at all fails on its start
	r.calling, r.called, r.extension = rd.value(fCalling), rd.value(fCalled), rd.value(fExtension)
	r.trunk, r.account, r.callID = rd.value(fTrunk), rd.value(fAccount), rd.value(fCallID)
	r.direction, r.outcome = drivers.Direction(rd.code(fDirection)), drivers.Outcome(rd.code(fOutcome))
	return r, rd.err
}

// value returns a field's text, trimmed; "" when the layout lacks it.
func (rd *reader) value(id fieldID) string {
	f := rd.l.fields[id]
	switch {
	case f == nil || rd.err != nil:
		return ""
	case rd.l.fixed:
		return cut(rd.line, rd.ascii, f.column, f.width)
	}
	i := rd.cols[id]
	switch {
	case i < 0:
		rd.err = &drivers.FieldError{Name: f.name, Value: f.header, Reason: "column unknown: no header line naming " + rd.l.headerNames() + " read yet"}
	case i >= len(rd.fields):
		rd.fail(id, "", fmt.Sprintf("missing: the record ends at field %d", len(rd.fields)))
	default:
		return rd.fields[i]
	}
	return ""
}

// fail records why field id, holding v, could not be read.
func (rd *reader) fail(id fieldID, v, reason string) {
	if rd.err != nil {
		return
	}
	f := rd.l.fields[id]
	column := f.column
	if !rd.l.fixed {
		column = rd.cols[id] + 1
	}
	rd.err = &drivers.FieldError{Field: column, Name: f.name, Value: v, Reason: reason}
}

// code reads a direction or outcome code; "" when the field is empty, or
// the layout lacks it.
func (rd *reader) code(id fieldID) string {
	v := rd.value(id)
	f := rd.l.fields[id]
	if f == nil {
		return ""
	}
	meaning, ok := f.codes[strings.ToUpper(v)]
	if !ok && v != "" {
		rd.fail(id, v, "unknown code (codes: "+codeList(f.codes)+")")
	}
	return meaning
}

// codeList lists a field's codes, for messages.
func codeList(codes map[string]string) string {
	list := make([]string, 0, len(codes))
	for code := range codes {
		list = append(list, fmt.Sprintf("%q", code))
	}
	slices.Sort(list)
	return strings.Join(list, ", ")
}

// length reads a duration or ring field in seconds.
func (rd *reader) length(id fieldID) int {
	v := rd.value(id)
	f := rd.l.fields[id]
	if f == nil || rd.err != nil {
		return 0
	}
	n, err := f.unit.seconds(v)
	if err != nil {
		rd.fail(id, v, err.Error())
	}
	return n
}
