package openscape4000

import (
	"fmt"
	"strings"

	"calltally.app/drivers"
)

// A record is one data record, read: one connection, or one part of a
// connection the PBX split (CDRe writes one per destination change).
type record struct {
	id       int64 // the drivers.Record it was read from
	end      stamp
	secs     int // the call duration
	ring     int
	dir      drivers.Direction // "" when the layout has no CALLDIR
	noAnswer bool
	charged  string
	dest     string
	calling  string
	trunk    string
	account  string
	callID   string
	units    int
}

// A stamp is the end of connection as the record writes it; year 0 when
// the layout has no ENDYEAR.
type stamp struct {
	year, month, day, hour, minute, second int
}

// A fieldReader cuts a record's text by a layout and keeps the first
// error, so readRecord reads as a list of elements.
type fieldReader struct {
	layout *layout
	values [numElems]string
	err    error
}

// newFieldReader cuts text into the layout's elements, or fails when the
// text does not fit the layout: then every column would be wrong.
func newFieldReader(text string, l *layout) *fieldReader {
	rd := &fieldReader{layout: l}
	if l.sep != 0 {
		rd.cutSeparated(text)
	} else {
		rd.cutFixed(text)
	}
	return rd
}

// cutFixed takes each element from its columns. The reader trims
// trailing blanks, so a record may end early: the elements past its end
// are blank.
func (rd *fieldReader) cutFixed(text string) {
	l := rd.layout
	if len(text) > l.width {
		rd.err = &drivers.FieldError{
			Field: l.width + 1, Name: "end of record", Value: text[l.width:],
			Reason: fmt.Sprintf("%d characters, but the layout has %d: check the layout setting", len(text), l.width),
		}
		return
	}
	for _, f := range l.fields {
		if f.id != elemOther && f.col < len(text) {
			rd.values[f.id] = text[f.col:min(f.col+f.width, len(text))]
		}
	}
}

// cutSeparated splits the record at the separator; a separator after the
// last element is allowed.
func (rd *fieldReader) cutSeparated(text string) {
	l := rd.layout
	parts := strings.Split(text, string(l.sep))
	if len(parts) == len(l.fields)+1 && parts[len(parts)-1] == "" {
		parts = parts[:len(l.fields)]
	}
	if len(parts) != len(l.fields) {
		at := min(len(parts), len(l.fields)) + 1
		rd.err = &drivers.FieldError{Field: at, Name: fieldName(l, at), Value: text,
			Reason: fmt.Sprintf("%d fields, but the layout has %d: check the layout and separator settings", len(parts), len(l.fields))}
		return
	}
	for i, f := range l.fields {
		if f.id != elemOther {
			rd.values[f.id] = parts[i]
		}
		if f.width > 0 && len(parts[i]) > f.width {
			rd.fail(f, parts[i], fmt.Sprintf("longer than its %d characters", f.width))
		}
	}
}

// fieldName names the nth field of l, or the end of the record past it.
func fieldName(l *layout, n int) string {
	if n > len(l.fields) {
		return "end of record"
	}
	return l.fields[n-1].name
}

// fail keeps the first error, naming f by its column (fixed width) or its
// number (with a separator), as drivers.FieldError documents.
func (rd *fieldReader) fail(f field, value, reason string) {
	if rd.err != nil {
		return
	}
	at := f.col + 1
	if rd.layout.sep != 0 {
		at = f.num
	}
	rd.err = &drivers.FieldError{Field: at, Name: f.name, Value: value, Reason: reason}
}

func (rd *fieldReader) failID(id elemID, reason string) {
	rd.fail(rd.layout.field(id), rd.values[id], reason)
}

// text returns an element with its padding trimmed; "" for elements the
// layout does not have.
func (rd *fieldReader) text(id elemID) string {
	return strings.TrimSpace(rd.values[id])
}

// number reads a right-justified count, zero- or blank-filled; a blank
// element is 0 unless it is required. Values above most are rejected.
func (rd *fieldReader) number(id elemID, most int, required bool, want string) int {
	if !rd.layout.has(id) {
		return 0
	}
	v := rd.text(id)
	switch {
	case v == "" && !required:
		return 0
	case v == "":
		rd.failID(id, "missing: "+want)
		return 0
	}
	n, ok := drivers.Atoi(v)
	if !ok || n > most {
		rd.failID(id, want)
	}
	return n
}
