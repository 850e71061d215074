package alcatel

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"calltally.app/drivers"
)

// The field dictionary is the first line of a decompressed TAX file: "#"
// and, comma-separated, each field's name and where it lies. The only
// public description (a collector script that regroups it four items per
// field) implies NAME,START,END,LENGTH, which Header writes; the reader
// also takes NAME,START,END, NAME,LENGTH, bare names of ED5.2 fields and
// a leading field number, so that a dictionary written another way is
// read rather than refused (README.md, "The field dictionary").

// isDictionary is the driver's Preamble: a TAX file's dictionary line sets
// up the parser, so it is passed again with every file.
func isDictionary(text string) bool { return strings.HasPrefix(text, "#") }

// Header writes the ED5.2 field dictionary as a TAX file starts with it.
func Header(w io.Writer) error {
	var b strings.Builder
	b.WriteString("#")
	for i, f := range ed52 {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "%s,%d,%d,%d", f.name, f.col+1, f.col+f.width, f.width)
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// An entry is one field of a dictionary as written: its name and the
// numbers after it, and its place among the dictionary's items.
type entry struct {
	name string
	nums []int
	item int // 1-based, for errors
}

// readDictionary reads a dictionary line into a layout.
func readDictionary(text, account string) (*layout, error) {
	items := strings.FieldsFunc(strings.TrimLeft(text, "# "), func(r rune) bool {
		return r == ',' || r == ';' || r == '\t' || r == ' '
	})
	entries, err := group(items)
	if err != nil {
		return nil, err
	}
	fields, err := place(entries)
	if err != nil {
		return nil, err
	}
	l, err := newLayout("the file's field dictionary", fields, account)
	if err != nil {
		return nil, &drivers.FieldError{Field: 1, Name: "field dictionary", Value: text[:min(len(text), 40)], Reason: err.Error()}
	}
	return l, nil
}

func dictError(item int, value, reason string) error {
	return &drivers.FieldError{Field: item, Name: "field dictionary", Value: value, Reason: reason}
}

// group gathers the items into fields: a name and the numbers after it.
// A dictionary that starts with a number numbers its fields: the last
// number before each name is that field's number, not a position.
func group(items []string) ([]entry, error) {
	numbered := len(items) > 0 && isNumber(items[0])
	var entries []entry
	for i, it := range items {
		switch {
		case isName(it):
			entries = append(entries, entry{name: it, item: i + 1})
		case !isNumber(it):
			return nil, dictError(i+1, it, "want a field name or a number")
		case len(entries) > 0:
			n, _ := strconv.Atoi(it)
			e := &entries[len(entries)-1]
			e.nums = append(e.nums, n)
		}
	}
	if len(entries) == 0 {
		return nil, dictError(1, strings.Join(items, ","), "no field names")
	}
	if numbered {
		return dropNumbers(entries)
	}
	return entries, nil
}

// dropNumbers removes each field's number from the end of the field
// before it.
func dropNumbers(entries []entry) ([]entry, error) {
	for i := range entries[:len(entries)-1] {
		e := &entries[i]
		if len(e.nums) == 0 || e.nums[len(e.nums)-1] != i+2 {
			return nil, dictError(entries[i+1].item, entries[i+1].name, fmt.Sprintf("want field number %d before it", i+2))
		}
		e.nums = e.nums[:len(e.nums)-1]
	}
	return entries, nil
}

func isNumber(s string) bool {
	if s == "" || len(s) > 6 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// place works out each field's columns. Two numbers are START,END or
// START,LENGTH: whichever makes more fields follow on from the one before
// is taken, for the whole dictionary.
func place(entries []entry) ([]field, error) {
	withEnd := placeAll(entries, true)
	withLength := placeAll(entries, false)
	fields, err := withEnd.fields, withEnd.err
	if contiguous(withLength.fields) > contiguous(withEnd.fields) || err != nil && withLength.err == nil {
		fields, err = withLength.fields, withLength.err
	}
	return fields, err
}

type placing struct {
	fields []field
	err    error
}

func placeAll(entries []entry, pairIsEnd bool) placing {
	var p placing
	next := 0
	for _, e := range entries {
		f, err := placeOne(e, next, pairIsEnd)
		if err == nil && f.col < next {
			err = dictError(e.item, e.name, fmt.Sprintf("starts at column %d, inside the field before it", f.col+1))
		}
		if err != nil {
			return placing{err: err}
		}
		p.fields = append(p.fields, f)
		next = f.col + f.width
	}
	return p
}

// placeOne places one field that may start at column next.
func placeOne(e entry, next int, pairIsEnd bool) (field, error) {
	f := field{name: e.name, col: next}
	n := e.nums
	switch {
	case len(n) == 0:
		w, ok := widthOf(e.name)
		if !ok {
			return f, dictError(e.item, e.name, "no position given, and not an ED5.2 field")
		}
		f.width = w
	case len(n) == 1:
		f.width = n[0]
	case len(n) == 2 && pairIsEnd:
		f.col, f.width = n[0]-1, n[1]-n[0]+1
	case len(n) == 2:
		f.col, f.width = n[0]-1, n[1]
	case len(n) == 3 && n[1]-n[0]+1 != n[2]:
		return f, dictError(e.item, e.name, fmt.Sprintf("from %d to %d is not %d characters", n[0], n[1], n[2]))
	case len(n) == 3:
		f.col, f.width = n[0]-1, n[2]
	default:
		return f, dictError(e.item, e.name, fmt.Sprintf("%d numbers, want start, end and length", len(n)))
	}
	if f.col < 0 || f.width < 1 || f.width > 255 {
		return f, dictError(e.item, e.name, fmt.Sprintf("columns %d to %d", f.col+1, f.col+f.width))
	}
	return f, nil
}

// contiguous counts the fields that start just after the one before.
func contiguous(fields []field) int {
	n := 0
	for i := 1; i < len(fields); i++ {
		if fields[i].col == fields[i-1].col+fields[i-1].width {
			n++
		}
	}
	return n
}
