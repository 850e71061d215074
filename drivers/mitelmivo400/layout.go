package mitelmivo400

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"calltally.app/drivers"
)

// A fieldID names a data field of the PC formats; fieldSkip stands for
// columns CallTally steps over.
type fieldID int

const (
	fieldSkip fieldID = iota
	fieldNo
	fieldCC
	fieldSC
	fieldDate
	fieldTime
	fieldDuration
	fieldCharges
	fieldMetpul
	fieldExch
	fieldID1
	fieldID2
	fieldDest1
	fieldDest2
	fieldDDI
	fieldTTA
	fieldSeq
	fieldSerial
	numFields
)

// A kind is what the fields setting knows of a field: its name in the
// manuals and the lengths it may have (none: any from 1 to 99).
type kind struct {
	id      fieldID
	label   string
	lengths []int
}

// kinds are the fields by their name in the fields setting.
var kinds = map[string]kind{
	"no":       {fieldNo, "NO", nil},
	"cc":       {fieldCC, "CC", nil},
	"sc":       {fieldSC, "SC", []int{2, 3}},
	"date":     {fieldDate, "DATE", []int{6}},
	"time":     {fieldTime, "TIME", []int{5}},
	"duration": {fieldDuration, "DURATION", []int{8}},
	"charges":  {fieldCharges, "CHARGES", nil},
	"metpul":   {fieldMetpul, "METPUL", nil},
	"exch":     {fieldExch, "EXCH", nil},
	"id1":      {fieldID1, "ID1", nil},
	"id2":      {fieldID2, "ID2", nil},
	"dest1":    {fieldDest1, "DEST1", nil},
	"dest2":    {fieldDest2, "DEST2", nil},
	"ddi":      {fieldDDI, "DDI", nil},
	"tta":      {fieldTTA, "TTA", nil},
	"seq":      {fieldSeq, "SEQ.NO.", nil},
	"serial":   {fieldSerial, "SERIAL NO.", nil},
	"skip":     {fieldSkip, "skipped", nil},
}

// A field is a data field's place in a record: col is its first column
// counted from 0 at the tab that starts the record, as the manuals count.
type field struct {
	id    fieldID
	label string
	col   int
	width int
}

// A layout is where a format puts its fields, one blank apart.
type layout struct {
	name   string
	fields []field // every field, skipped ones too, in order
	at     [numFields]int
	width  int // columns up to the end of the last field, the tab included
	last   int // the index of the last field read, which no record may end before
	// twoDigitSC is set for PC1 to PC4, whose sort character has the
	// older two digits.
	twoDigitSC bool
	// rightNumbers is set where numbers are right-justified (PC5): only
	// there do blanks after the digits mean hidden digits.
	rightNumbers bool
}

// has reports whether the layout carries field id.
func (l *layout) has(id fieldID) bool { return l.at[id] > 0 }

// field returns the place of field id; has must be true.
func (l *layout) field(id fieldID) field { return l.fields[l.at[id]-1] }

// parseLayout reads a layout written NAME:LENGTH, comma-separated.
func parseLayout(name, spec string, rightNumbers bool) (*layout, error) {
	l := &layout{name: name, width: 1, rightNumbers: rightNumbers}
	for i, part := range strings.Split(spec, ",") {
		k, width, err := parseField(part)
		if err != nil {
			return nil, fmt.Errorf("field %d: %w", i+1, err)
		}
		if k.id != fieldSkip && l.has(k.id) {
			return nil, fmt.Errorf("field %d: %s appears twice", i+1, strings.ToLower(k.label))
		}
		l.add(k, width)
	}
	l.width--
	return l, l.check()
}

// parseField reads one NAME:LENGTH.
func parseField(part string) (kind, int, error) {
	name, length, _ := strings.Cut(strings.TrimSpace(part), ":")
	name = strings.ToLower(strings.TrimSpace(name))
	k, ok := kinds[name]
	if !ok {
		return kind{}, 0, fmt.Errorf("unknown field %q (known: %s)", name, kindNames())
	}
	n, err := strconv.Atoi(strings.TrimSpace(length))
	switch {
	case err != nil || n < 1 || n > 99:
		return kind{}, 0, fmt.Errorf("%s: length %q, want 1 to 99", name, length)
	case len(k.lengths) > 0 && !slices.Contains(k.lengths, n):
		return kind{}, 0, fmt.Errorf("%s: length %d, want %s", name, n, drivers.JoinInts(k.lengths, " or "))
	}
	return k, n, nil
}

// add appends a field and the blank after it.
func (l *layout) add(k kind, width int) {
	l.fields = append(l.fields, field{id: k.id, label: k.label, col: l.width, width: width})
	if k.id != fieldSkip {
		l.at[k.id] = len(l.fields)
		l.last = len(l.fields) - 1
	}
	if k.id == fieldSC {
		l.twoDigitSC = width == 2
	}
	l.width += width + 1
}

// check insists on the fields no call can be read without.
func (l *layout) check() error {
	for _, id := range []fieldID{fieldSC, fieldDate, fieldTime, fieldDuration} {
		if !l.has(id) {
			return fmt.Errorf("no %s field: every layout needs sc, date, time and duration", strings.ToLower(labelOf(id)))
		}
	}
	return nil
}

func labelOf(id fieldID) string {
	for _, k := range kinds {
		if k.id == id {
			return k.label
		}
	}
	return ""
}

func kindNames() string { return strings.Join(slices.Sorted(maps.Keys(kinds)), ", ") }

// The documented layouts (README.md, "Record layouts"). PC3 is PC2 with
// TTA and SEQ.NO. before the serial number, placed as in PC4: the
// manuals give no table for it.
const (
	layoutPC5 = "no:12,cc:9,sc:3,date:6,time:5,duration:8,charges:10,metpul:5,exch:5," +
		"id1:20,id2:20,dest1:40,dest2:40,tta:3,seq:3,serial:4"
	layoutPC4 = "no:5,cc:9,sc:2,date:6,time:5,duration:8,exch:5,ddi:11,metpul:5,dest1:40,dest2:20,tta:3,seq:3,serial:4"
	layoutPC3 = "no:5,cc:9,sc:2,date:6,time:5,duration:8,exch:5,ddi:11,metpul:5,dest1:20,tta:3,seq:3,serial:4"
	layoutPC2 = "no:5,cc:9,sc:2,date:6,time:5,duration:8,exch:5,ddi:11,metpul:5,dest1:20,serial:4"
	layoutPC1 = "no:5,sc:2,date:6,time:5,duration:8,exch:5,metpul:5,dest1:20,serial:4"
)

// presets are the layouts by format setting. PC5 right-justifies its
// numbers, PC1 to PC4 left-justify them.
var presets = map[string]*layout{
	formatPC5: mustLayout(formatPC5, layoutPC5, true),
	formatPC4: mustLayout(formatPC4, layoutPC4, false),
	formatPC3: mustLayout(formatPC3, layoutPC3, false),
	formatPC2: mustLayout(formatPC2, layoutPC2, false),
	formatPC1: mustLayout(formatPC1, layoutPC1, false),
}

func mustLayout(name, spec string, rightNumbers bool) *layout {
	l, err := parseLayout(name, spec, rightNumbers)
	if err != nil {
		panic("mitelmivo400: layout " + name + ": " + err.Error())
	}
	return l
}
