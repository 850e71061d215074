package avayacm

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"calltally.app/drivers"
)

// An itemID names a data item CallTally reads; itemOther is every item
// it only steps over (spaces, authorization codes, circuit IDs, …).
type itemID int

const (
	itemOther itemID = iota
	itemDate
	itemTime
	itemSecDur
	itemDuration
	itemCond
	itemCodeDial
	itemCodeUsed
	itemInTrk
	itemDialed
	itemCalling
	itemAccount
	itemUCID
	numItems
)

// An item is one of the CM's customized-record data items.
type item struct {
	id     itemID
	width  int   // the CM's length, used when the layout leaves it out; 0: must be given
	widths []int // the only lengths allowed, if limited
	tail   bool  // the record terminator: return, line-feed, null
}

// items are the data items by their names on the CM's form. The widths
// are those the Admin Guides give; items they leave open need a width.
var items = map[string]item{
	"date":        {id: itemDate, width: 6, widths: []int{4, 6}},
	"time":        {id: itemTime, width: 4, widths: []int{4}},
	"sec-dur":     {id: itemSecDur, width: 5},
	"duration":    {id: itemDuration, width: 4, widths: []int{4}},
	"cond-code":   {id: itemCond, width: 1, widths: []int{1}},
	"code-dial":   {id: itemCodeDial, width: 4},
	"code-used":   {id: itemCodeUsed, width: 4},
	"in-trk-code": {id: itemInTrk, width: 4},
	"dialed-num":  {id: itemDialed, width: 23},
	"calling-num": {id: itemCalling, width: 15},
	"acct-code":   {id: itemAccount, width: 15},
	"in-crt-id":   {width: 3},
	"ucid":        {id: itemUCID, width: 20},
	"auth-code":   {width: 13},
	"out-crt-id":  {width: 3},
	"frl":         {width: 1},
	"space":       {width: 1},
	"return":      {width: 1, widths: []int{1}, tail: true},
	"line-feed":   {width: 1, widths: []int{1}, tail: true},
	"null":        {width: 1, tail: true},
	// Read by others, not by CallTally: the width must be given.
	"attd-console": {}, "bandwidth": {}, "bcc": {}, "clg-num/in-tac": {}, "clg-pty-cat": {},
	"feat-flag": {}, "ins": {}, "isdn-cc": {}, "ixc-code": {}, "location-from": {}, "location-to": {},
	"ma-uui": {}, "node-num": {}, "ppm": {}, "res-flag": {}, "seq-num": {}, "tsc_ct": {}, "tsc_flag": {}, "vdn": {},
}

// A field is an item's place in a record.
type field struct {
	name  string
	id    itemID
	col   int // 0-based first column
	width int
}

// A layout is where a record format puts its items.
type layout struct {
	name   string
	fields []field // only the items CallTally reads
	width  int     // characters before the terminator
	// open is set for formats whose end the documentation does not show:
	// characters past width are not checked.
	open bool
	// tacCaller is set for formats whose calling number of an incoming
	// call is the trunk access code of its trunk group (printer, teleseer).
	tacCaller bool
}

// has reports whether the layout carries item id.
func (l *layout) has(id itemID) bool {
	return slices.ContainsFunc(l.fields, func(f field) bool { return f.id == id })
}

// parseLayout reads a layout written as on the CM's form: NAME:LENGTH
// items, comma-separated, the length left out where the item has one.
func parseLayout(name, spec string) (*layout, error) {
	l := &layout{name: name}
	inTail := false
	for i, part := range strings.Split(spec, ",") {
		it, itemName, width, err := parseItem(part)
		if err != nil {
			return nil, fmt.Errorf("item %d: %w", i+1, err)
		}
		if inTail && !it.tail {
			return nil, fmt.Errorf("item %d (%s): return, line-feed and null must end the record", i+1, itemName)
		}
		inTail = inTail || it.tail
		if err := l.add(it, itemName, width); err != nil {
			return nil, fmt.Errorf("item %d: %w", i+1, err)
		}
	}
	return l, l.check()
}

// parseItem reads one NAME[:LENGTH].
func parseItem(part string) (item, string, int, error) {
	name, length, hasLength := strings.Cut(strings.TrimSpace(part), ":")
	name = strings.ToLower(strings.TrimSpace(name))
	it, ok := items[name]
	if !ok {
		return item{}, name, 0, fmt.Errorf("unknown data item %q (known: %s; write an item CallTally does not know as space:LENGTH)", name, itemNames())
	}
	width := it.width
	if hasLength {
		n, err := strconv.Atoi(strings.TrimSpace(length))
		if err != nil || n < 1 || n > 99 {
			return item{}, name, 0, fmt.Errorf("%s: length %q, want 1 to 99", name, length)
		}
		width = n
	}
	switch {
	case width == 0:
		return item{}, name, 0, fmt.Errorf("%s: give its length, as %s:LENGTH", name, name)
	case len(it.widths) > 0 && !slices.Contains(it.widths, width):
		return item{}, name, 0, fmt.Errorf("%s: length %d, want %s", name, width, drivers.JoinInts(it.widths, " or "))
	case it.id == itemSecDur && width > 9:
		return item{}, name, 0, fmt.Errorf("sec-dur: length %d, want at most 9", width)
	}
	return it, name, width, nil
}

// add appends an item at the end of the record so far.
func (l *layout) add(it item, name string, width int) error {
	if it.tail {
		return nil // the terminator is not part of the record text
	}
	if it.id != itemOther {
		if l.has(it.id) {
			return fmt.Errorf("%s appears twice", name)
		}
		l.fields = append(l.fields, field{name: name, id: it.id, col: l.width, width: width})
	}
	l.width += width
	return nil
}

// check insists on the items no call can be read without.
func (l *layout) check() error {
	switch {
	case !l.has(itemTime):
		return fmt.Errorf("no time item: the CM must send the time the call ended")
	case !l.has(itemCond):
		return fmt.Errorf("no cond-code item: calls cannot be told apart without it")
	case !l.has(itemSecDur) && !l.has(itemDuration):
		return fmt.Errorf("no sec-dur or duration item: the length of calls is unknown")
	}
	return nil
}

func itemNames() string { return strings.Join(slices.Sorted(maps.Keys(items)), ", ") }

// standardLayouts are the CM's fixed formats whose positions the Admin
// Guides give (README.md, "Standard formats"), written as the customized
// layout they amount to.
var standardLayouts = map[string]*layout{
	formatPrinter: mustLayout(formatPrinter, false, true,
		"time,space,duration,space,cond-code,space,code-dial:3,space,code-used:3,space,dialed-num:15,space,"+
			"calling-num:5,space,acct-code:15,space,auth-code:7,space:4,frl,space,ixc-code:1,space,in-crt-id:3,space"),
	formatTeleseer: mustLayout(formatTeleseer, true, true,
		"space:3,time,duration,cond-code,code-dial:3,code-used:3,dialed-num:15,calling-num:5,acct-code:15,"+
			"frl,ixc-code:1,in-crt-id:3,out-crt-id:3,feat-flag:1,auth-code:7,space:7,return,line-feed,null:3"),
	formatExpanded: mustLayout(formatExpanded, false, false,
		"time,space,duration,space,cond-code,space,code-dial:4,space,code-used:4,space,dialed-num:15,space,"+
			"calling-num:10,space,acct-code:15"),
}

func mustLayout(name string, closed, tacCaller bool, spec string) *layout {
	l, err := parseLayout(name, spec)
	if err != nil {
		panic("avayacm: layout " + name + ": " + err.Error())
	}
	l.open, l.tacCaller = !closed, tacCaller
	return l
}
