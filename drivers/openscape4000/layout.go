package openscape4000

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"calltally.app/drivers"
)

// An elemID names an element CallTally reads; elemOther is every element
// it only steps over.
type elemID int

const (
	elemOther    elemID = iota
	elemRID             // record identifier: AB/AI data, AA/AH block start
	elemLength          // L: length of the data after it
	elemCharged         // CHRGEE: the internal party charged
	elemDest            // DESTPTY: the number the caller dialled
	elemCalling         // CALLEPTY: the calling party
	elemTrunk           // TKNOLIST: the trunk used
	elemRoute           // ROUTCN: the route code
	elemAccount         // ACCTCODE
	elemUnits           // CHRGUNIT: charge units
	elemEndYear         // end of connection: year, month, day, …
	elemEndMonth        //
	elemEndDay          //
	elemEndHour         //
	elemEndMin          //
	elemEndSec          //
	elemEnd10           // … tenths of a second
	elemDurHour         // call duration: hours, minutes, seconds, tenths
	elemDurMin          //
	elemDurSec          //
	elemDur10           //
	elemRing            // RINGDUR: seconds ringing before answer or give-up
	elemDir             // CALLDIR: the connection type
	elemNoAnswer        // NOANSWER: the unanswered-call indication
	elemCallID          // CALLID: the connection's number, shared by its records
	numElems
)

// An element is one entry of the element catalogue.
type element struct {
	id     elemID
	width  int   // the documented length, used when the layout leaves it out; 0: must be given
	widths []int // the only lengths allowed, if limited
}

// elements are the catalogue's elements by name (README.md, "Elements").
// Widths are the documentation's; elements whose name the public
// documentation does not give carry CallTally's name.
var elements = map[string]element{
	"RID": {id: elemRID, width: 2, widths: []int{2}}, "L": {id: elemLength, width: 4},
	"CHRGEE": {id: elemCharged, width: 6}, "DESTPTY": {id: elemDest, width: 22},
	"CALLEPTY": {id: elemCalling, width: 22}, "TKNOLIST": {id: elemTrunk, width: 6},
	"ROUTCN": {id: elemRoute, width: 2}, "ACCTCODE": {id: elemAccount, width: 12},
	"CHRGUNIT": {id: elemUnits, width: 4},
	"ENDYEAR":  {id: elemEndYear, width: 2, widths: []int{2, 4}},
	"ENDMONTH": {id: elemEndMonth, width: 2, widths: []int{2}}, "ENDDAY": {id: elemEndDay, width: 2, widths: []int{2}},
	"ENDHOUR": {id: elemEndHour, width: 2, widths: []int{2}}, "ENDMIN": {id: elemEndMin, width: 2, widths: []int{2}},
	"ENDSEC": {id: elemEndSec, width: 2, widths: []int{2}}, "END10": {id: elemEnd10, width: 1, widths: []int{1}},
	"DURHOUR": {id: elemDurHour, width: 2}, "DURMIN": {id: elemDurMin, width: 2},
	"DURSEC": {id: elemDurSec, width: 2}, "DUR10": {id: elemDur10, width: 1, widths: []int{1}},
	"RINGDUR": {id: elemRing, width: 4}, "CALLDIR": {id: elemDir}, "NOANSWER": {id: elemNoAnswer, width: 1},
	"CALLID": {id: elemCallID},
	// Stepped over: read by others, kept in the raw record.
	"SWP": {width: 2}, "STNID": {width: 1}, "PIN": {width: 12}, "NETTYPE": {width: 1}, "SERVICE": {width: 1},
	"SPEED": {width: 1}, "MSGNO": {width: 5}, "SIGDATA": {width: 1}, "ACDAGTID": {width: 6},
	"ACDGRPID": {width: 3}, "ATNDGRNO": {width: 2}, "AOCTYPE": {width: 10}, "CALCTYPE": {width: 10},
	"ATTCALLP": {width: 2}, "ATTCALLR": {width: 2}, "ATTCALLT": {width: 2}, "ATTQUEID": {width: 2},
	"BCHLCNT": {width: 2}, "ADPLOAD": {width: 4}, "BAUD": {width: 10}, "REF": {width: 2},
	"BLENBYT": {width: 5}, "BLENREC": {width: 5}, "OUTYEAR": {width: 2}, "OUTMONN": {width: 2},
	"OUTDAYN": {width: 2}, "OUTHOUR": {width: 2}, "OUTMIN": {width: 2}, "FILL": {},
}

// maxWidth bounds an element: a whole record is at most 1020 bytes.
const maxWidth = 1020

// A field is an element's place in a record.
type field struct {
	name  string
	id    elemID
	col   int // 0-based first column (fixed width)
	width int // characters; with a separator the most allowed, 0 for any
	num   int // 1-based position in the layout
}

// A layout is where the site's FTBL format puts its elements.
type layout struct {
	fields []field
	at     [numElems]int // index+1 in fields of each element read; 0: absent
	width  int           // characters of a fixed-width record
	sep    byte          // the separator; 0 for fixed width
}

// has reports whether the layout carries element id.
func (l *layout) has(id elemID) bool { return l.at[id] > 0 }

// field returns where element id is; has(id) must hold.
func (l *layout) field(id elemID) field { return l.fields[l.at[id]-1] }

// parseLayout reads NAME[:LENGTH] elements, comma-separated.
func parseLayout(spec string, sep byte) (*layout, error) {
	l := &layout{sep: sep}
	for i, part := range strings.Split(spec, ",") {
		el, name, width, err := parseElement(part, sep != 0)
		if err != nil {
			return nil, fmt.Errorf("element %d: %w", i+1, err)
		}
		if err := l.add(el, name, width); err != nil {
			return nil, fmt.Errorf("element %d: %w", i+1, err)
		}
	}
	return l, l.check()
}

// parseElement reads one NAME[:LENGTH]. With a separator every length
// is optional: it is then the longest value allowed.
func parseElement(part string, separated bool) (element, string, int, error) {
	name, length, hasLength := strings.Cut(strings.TrimSpace(part), ":")
	name = strings.ToUpper(strings.TrimSpace(name))
	el, ok := elements[name]
	if !ok {
		return element{}, name, 0, fmt.Errorf("unknown element %q (known: %s; write an element CallTally does not know as FILL:LENGTH)", name, elementNames())
	}
	width := el.width
	if separated && !hasLength {
		width = 0
	}
	if hasLength {
		n, err := strconv.Atoi(strings.TrimSpace(length))
		if err != nil || n < 1 || n > maxWidth {
			return element{}, name, 0, fmt.Errorf("%s: length %q, want 1 to %d", name, length, maxWidth)
		}
		width = n
	}
	switch {
	case width == 0 && !separated:
		return element{}, name, 0, fmt.Errorf("%s: give its length, as %s:LENGTH", name, name)
	case width > 0 && len(el.widths) > 0 && !slices.Contains(el.widths, width):
		return element{}, name, 0, fmt.Errorf("%s: length %d, want %s", name, width, drivers.JoinInts(el.widths, " or "))
	}
	return el, name, width, nil
}

// add appends an element at the end of the record so far.
func (l *layout) add(el element, name string, width int) error {
	if el.id != elemOther && l.has(el.id) {
		return fmt.Errorf("%s appears twice", name)
	}
	l.fields = append(l.fields, field{name: name, id: el.id, col: l.width, width: width, num: len(l.fields) + 1})
	if el.id != elemOther {
		l.at[el.id] = len(l.fields)
	}
	l.width += width
	return nil
}

// check insists on the elements no call can be read without, and on an
// identifier where the PBX puts it.
func (l *layout) check() error {
	switch {
	case l.has(elemRID) && l.at[elemRID] != 1:
		return fmt.Errorf("RID must be the first element: the PBX always puts it there")
	case !l.has(elemCharged):
		return fmt.Errorf("no CHRGEE element: the internal party of each call is unknown")
	case !l.has(elemEndMonth) || !l.has(elemEndDay) || !l.has(elemEndHour) || !l.has(elemEndMin):
		return fmt.Errorf("no end-of-connection date and time: the layout needs ENDMONTH, ENDDAY, ENDHOUR and ENDMIN")
	case !l.has(elemDurHour) && !l.has(elemDurMin) && !l.has(elemDurSec):
		return fmt.Errorf("no call duration: the layout needs DURSEC, DURMIN or DURHOUR")
	}
	return nil
}

func elementNames() string { return strings.Join(slices.Sorted(maps.Keys(elements)), ", ") }
