package alcateloxo

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// A fieldID names what a statement field holds; fieldSkip is a column
// CallTally steps over.
type fieldID int

const (
	fieldSkip fieldID = iota
	fieldInitial
	fieldCharged
	fieldType
	fieldLine
	fieldLine4
	fieldDate
	fieldTime
	fieldDuration
	fieldUnits
	fieldService
	fieldFacilities
	fieldDialled
	fieldMode
	fieldRing
	fieldCost
	fieldAccount
	fieldName
	fieldNode
	fieldCarrier
	numFields
)

// A code is one of the PBX's field codes (OMC/MMC FIELD1 to FIELD3).
type code struct {
	id     fieldID
	width  int    // the width the manual gives, or CallTally's assumption (README.md)
	column string // the statement's column heading
}

// codes are the field codes by name. The widths of TAX, FAC, DNU and NOD
// are not documented: see README.md, "The statement".
var codes = map[string]code{
	"IUS":  {fieldInitial, 5, "INITIAL USER"},
	"IU8":  {fieldInitial, 9, "INITIAL USER (8 digits)"},
	"SUB":  {fieldCharged, 5, "CHARGED USER"},
	"SU8":  {fieldCharged, 9, "CHARGED USER (8 digits)"},
	"TYP":  {fieldType, 3, "TYPE"},
	"TRK":  {fieldLine, 3, "LINE"},
	"TR4":  {fieldLine4, 4, "LINE 4"},
	"DAT":  {fieldDate, 8, "DATE"},
	"TIM":  {fieldTime, 5, "TIME"},
	"DUR":  {fieldDuration, 8, "DURATION"},
	"TAX":  {fieldUnits, 5, "TAXES"},
	"SER":  {fieldService, 2, "SERV"},
	"FAC":  {fieldFacilities, 5, "ADD. SERVICES"},
	"DNU":  {fieldDialled, 20, "DIALLED NUMBER"},
	"DMO":  {fieldMode, 1, "MODE"},
	"RIN":  {fieldRing, 5, "RING"},
	"CST":  {fieldCost, 10, "COST"},
	"ACC":  {fieldAccount, 16, "BUSIN. CODE"},
	"SUN":  {fieldName, 16, "USER NAME"},
	"NOD":  {fieldNode, 2, "NODE"},
	"CAR":  {fieldCarrier, 1, "OPE."},
	"SKIP": {fieldSkip, 0, "SKIP"},
}

// A column is a field's place in a statement.
type column struct {
	code  string
	id    fieldID
	name  string // for messages: "DATE (DAT)"
	col   int    // 0-based first column
	width int
}

// A layout is where a statement puts its fields: one blank between two;
// the last field runs to the end of the line.
type layout struct {
	cols []column
	at   [numFields]int // index+1 of the field's column; 0 if absent
}

// has reports whether the layout carries field id.
func (l *layout) has(id fieldID) bool { return l.at[id] > 0 }

// column returns the column of field id, which the layout has.
func (l *layout) column(id fieldID) column { return l.cols[l.at[id]-1] }

// parseLayout reads the fields setting: CODE[:WIDTH], comma-separated.
func parseLayout(spec string) (*layout, error) {
	l := &layout{}
	next := 0
	for i, part := range strings.Split(spec, ",") {
		c, err := parseColumn(part)
		if err != nil {
			return nil, fmt.Errorf("field %d: %w", i+1, err)
		}
		if c.id != fieldSkip && l.has(c.id) {
			return nil, fmt.Errorf("field %d: %s repeats the %s", i+1, c.code, strings.ToLower(l.column(c.id).name))
		}
		c.col = next
		next += c.width + 1
		l.cols = append(l.cols, c)
		if c.id != fieldSkip {
			l.at[c.id] = len(l.cols)
		}
	}
	return l, l.check()
}

// parseColumn reads one CODE[:WIDTH].
func parseColumn(part string) (column, error) {
	name, width, hasWidth := strings.Cut(strings.TrimSpace(part), ":")
	name = strings.ToUpper(strings.TrimSpace(name))
	c, ok := codes[name]
	if !ok {
		return column{}, fmt.Errorf("unknown field code %q (known: %s; write a field CallTally does not know as SKIP:WIDTH)", name, codeNames())
	}
	col := column{code: name, id: c.id, name: c.column + " (" + name + ")", width: c.width}
	if hasWidth {
		n, err := strconv.Atoi(strings.TrimSpace(width))
		if err != nil || n < 1 || n > 99 {
			return column{}, fmt.Errorf("%s: width %q, want 1 to 99", name, width)
		}
		col.width = n
	}
	if col.width == 0 {
		return column{}, fmt.Errorf("%s: give its width, as %s:WIDTH", name, name)
	}
	return col, nil
}

// check insists on the fields no call can be read without.
func (l *layout) check() error {
	switch {
	case !l.has(fieldCharged):
		return fmt.Errorf("no charged user (SUB or SU8): the extension of a call is unknown without it")
	case !l.has(fieldTime):
		return fmt.Errorf("no time (TIM): the start of a call is unknown without it")
	case !l.has(fieldDuration):
		return fmt.Errorf("no duration (DUR): the length of a call is unknown without it")
	case !l.has(fieldType) && !l.has(fieldInitial):
		return fmt.Errorf("no call type (TYP) nor initial user (IUS or IU8): the direction of a call is unknown without one")
	}
	return nil
}

func codeNames() string {
	names := make([]string, 0, len(codes))
	for n := range codes {
		names = append(names, n)
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}
