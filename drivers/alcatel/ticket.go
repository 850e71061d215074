package alcatel

import (
	"strings"
	"unicode/utf8"

	"calltally.app/drivers"
)

// A line is a ticket's text, cut by character: names may hold letters
// outside ASCII, as UTF-8 (a file converted on the way) or as the PBX's
// single bytes (read as Latin-1), and either way a letter is one column.
type line struct {
	s     string
	runes []rune // nil when s is ASCII and can be cut by byte
}

func newLine(s string) line {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return line{s: s, runes: decode(s)}
		}
	}
	return line{s: s}
}

func decode(s string) []rune {
	if utf8.ValidString(s) {
		return []rune(s)
	}
	r := make([]rune, len(s))
	for i := 0; i < len(s); i++ {
		r[i] = rune(s[i])
	}
	return r
}

func (l line) len() int {
	if l.runes != nil {
		return len(l.runes)
	}
	return len(l.s)
}

// cut returns the text of columns col to col+width, as far as the line
// goes: the reader drops trailing blanks, so a ticket may end early.
func (l line) cut(col, width int) string {
	n := l.len()
	if col >= n {
		return ""
	}
	end := min(col+width, n)
	if l.runes != nil {
		return string(l.runes[col:end])
	}
	return l.s[col:end]
}

// A ticket is what one accounting ticket says, read.
type ticket struct {
	version, called, charged, name, calling string
	callType                                int
	start, end                              wall // zero when blank or absent
	duration, waiting, effective            int
	hasEffective                            bool // the edition has EffectiveCallDuration and it is not blank
	units                                   int
	trunk, reference, initial, acting       string
	account                                 string
	redirected                              bool
}

// talk is how long the call was connected.
func (t *ticket) talk() int {
	if t.hasEffective {
		return t.effective
	}
	return t.duration
}

// A fieldReader reads the fields of a ticket by a layout and keeps the
// first error, so that readTicket reads as a list of fields.
type fieldReader struct {
	line   line
	layout *layout
	err    error
}

// raw returns a field's text; "" for fields the layout lacks.
func (r *fieldReader) raw(s slot) string {
	f := r.layout.slots[s]
	if f.width == 0 {
		return ""
	}
	return r.line.cut(f.col, f.width)
}

func (r *fieldReader) str(s slot) string { return strings.TrimSpace(r.raw(s)) }

func (r *fieldReader) fail(s slot, reason string) {
	if r.err == nil {
		f := r.layout.slots[s]
		r.err = &drivers.FieldError{Field: f.col + 1, Name: f.name, Value: r.raw(s), Reason: reason}
	}
}

// number reads a count of seconds or units, right- or left-justified; a
// blank field is 0.
func (r *fieldReader) number(s slot) int {
	v := r.str(s)
	if v == "" {
		return 0
	}
	n, ok := drivers.Atoi(v)
	if !ok {
		r.fail(s, "want a whole number")
	}
	return n
}

func (r *fieldReader) callType() int {
	v := r.str(sCallType)
	n, ok := drivers.Atoi(v)
	switch {
	case r.raw(sCallType) == "":
		r.fail(sCallType, "missing: the ticket ends before it, or is no ticket")
	case v == "":
		r.fail(sCallType, "blank: is the ticket shifted, or of another edition than the edition setting says?")
	case !ok || n >= len(callTypes):
		r.fail(sCallType, "unknown call type: want 0 to 15")
	}
	return n
}

func (r *fieldReader) when(s slot) wall {
	v := r.str(s)
	if v == "" {
		return wall{}
	}
	w, ok := parseWall(v)
	if !ok {
		r.fail(s, "want yyyyMMdd HH:mm:ss, a real date and time")
	}
	return w
}

// readTicket reads the fields CallTally uses.
func readTicket(text string, l *layout) (ticket, error) {
	r := &fieldReader{line: newLine(text), layout: l}
	t := ticket{version: r.str(sVersion), callType: r.callType()}
	t.called, t.charged, t.name, t.calling = r.str(sCalled), r.str(sCharged), r.str(sChargedName), r.str(sCalling)
	t.start, t.end = r.when(sStart), r.when(sEnd)
	if t.start.isZero() && t.end.isZero() {
		r.fail(cmpSlot(l, sStart, sEnd), "missing: a ticket needs StartDateTime or EndDateTime")
	}
	t.duration, t.waiting, t.effective = r.number(sDuration), r.number(sWaiting), r.number(sEffective)
	t.hasEffective = r.str(sEffective) != ""
	if !l.has(sDuration) {
		t.duration = t.waiting + t.effective
	}
	t.units = r.number(sUnits)
	t.trunk, t.reference, t.account = r.str(sTrunk), r.str(sReference), r.str(sAccount)
	t.initial, t.acting = r.str(sInitial), r.str(sActing)
	v := r.str(sRedirected)
	t.redirected = v != "" && v != "0"
	return t, r.err
}

// cmpSlot returns a if the layout has it, else b.
func cmpSlot(l *layout, a, b slot) slot {
	if l.has(a) {
		return a
	}
	return b
}
