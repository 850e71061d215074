package threecx

import (
	"errors"
	"fmt"
	"strings"
)

// A field is one of the 27 legacy CDR fields, numbered in 3CX's default
// order. README.md has the table.
type field int

const (
	fHistoryID field = iota
	fCallID
	fDuration
	fTimeStart
	fTimeAnswered
	fTimeEnd
	fReasonTerminated
	fFromNo
	fToNo
	fFromDN
	fToDN
	fDialNo
	fReasonChanged
	fFinalNumber
	fFinalDN
	fBillCode
	fBillRate
	fBillCost
	fBillName
	fChain
	fFromType
	fToType
	fFinalType
	fFromDispname
	fToDispname
	fFinalDispname
	fMissedQueueCalls
	numFields
)

// fieldNames are 3CX's names for the fields, in its default order.
var fieldNames = [numFields]string{
	"historyid", "callid", "duration", "time-start", "time-answered", "time-end", "reason-terminated",
	"from-no", "to-no", "from-dn", "to-dn", "dial-no", "reason-changed", "final-number", "final-dn",
	"bill-code", "bill-rate", "bill-cost", "bill-name", "chain", "from-type", "to-type", "final-type",
	"from-dispname", "to-dispname", "final-dispname", "missed-queue-calls",
}

// isName reports the display-name fields: free text, the only fields a
// comma can get into, as 3CX does not quote.
func (f field) isName() bool {
	return f == fFromDispname || f == fToDispname || f == fFinalDispname
}

// A layout is the field list records are read by.
type layout struct {
	cols  []field         // the field of each column
	index [numFields]int8 // the column of each field, -1 when not sent
}

func (l *layout) has(f field) bool { return l.index[f] >= 0 }

// parseLayout reads a field list: the fields setting or a header line.
func parseLayout(list string) (layout, error) {
	names := strings.Split(list, ",")
	for len(names) > 0 && strings.TrimSpace(names[len(names)-1]) == "" {
		names = names[:len(names)-1] // a trailing comma, as copied from a record
	}
	return layoutOf(names)
}

// layoutOf reads field names, one per column.
func layoutOf(names []string) (layout, error) {
	l := layout{cols: make([]field, len(names))}
	for i := range l.index {
		l.index[i] = -1
	}
	for i, name := range names {
		f, ok := fieldByName(name)
		if !ok {
			return layout{}, unknownField(name)
		}
		if l.index[f] >= 0 {
			return layout{}, fmt.Errorf("%s is listed twice", fieldNames[f])
		}
		l.cols[i], l.index[f] = f, int8(i)
	}
	return l, l.check()
}

// check makes sure a record can be read at all: it needs a start and both
// ends of the call.
func (l *layout) check() error {
	switch {
	case len(l.cols) == 0:
		return errors.New("no fields")
	case !l.has(fTimeStart):
		return errors.New("time-start is required")
	case !l.has(fFromNo) && !l.has(fFromDN):
		return errors.New("from-no or from-dn is required")
	case !l.has(fToNo) && !l.has(fToDN):
		return errors.New("to-no or to-dn is required")
	}
	return nil
}

func unknownField(name string) error {
	if name = strings.TrimSpace(name); name == "" {
		return fmt.Errorf("an empty field name (valid: %s)", strings.Join(fieldNames[:], ", "))
	}
	return fmt.Errorf("unknown field %q (valid: %s)", name, strings.Join(fieldNames[:], ", "))
}

// fieldByName finds a field by its name as the console, templates and
// integrators write it: time-start, TIME_START, %time-start%.
func fieldByName(name string) (field, bool) {
	n := strings.Trim(strings.TrimSpace(name), "%")
	if strings.ContainsAny(n, "_ ") {
		n = nameSpacing.Replace(n)
	}
	for i, known := range fieldNames {
		if strings.EqualFold(n, known) {
			return field(i), true
		}
	}
	return 0, false
}

var nameSpacing = strings.NewReplacer("_", "-", " ", "-")

// isV20 recognises a header of the field set 3CX v20 Update 3 added,
// which this driver does not read: its records would all fail.
func isV20(first string) error {
	n := strings.ToLower(nameSpacing.Replace(first))
	if n == "cdr-id" || n == "call-history-id" {
		return errors.New("the v20 CDR field set (cdr_id, call_history_id, …) is not supported: choose the legacy fields in the 3CX console")
	}
	return nil
}

func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// header reads a line of field names, which files written by hand-made
// exports and some integrations start with: it returns the layout it
// names, and ok false when the line is a record. A line whose first field
// is a field name is a header: no record starts with one.
func header(f []string) (l layout, ok bool, err error) {
	first := strings.TrimSpace(f[0])
	if first == "" || !isLetter(first[0]) && first[0] != '%' || strings.ContainsAny(first, "0123456789") {
		return layout{}, false, nil // a record, "Call 23193": the common case, kept cheap
	}
	if _, known := fieldByName(first); !known {
		if err := isV20(first); err != nil {
			return layout{}, true, err
		}
		return layout{}, false, nil
	}
	for len(f) > 0 && strings.TrimSpace(f[len(f)-1]) == "" {
		f = f[:len(f)-1]
	}
	l, err = layoutOf(f)
	return l, true, err
}
