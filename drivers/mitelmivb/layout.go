package mitelmivb

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// An itemID names a field of the record CallTally reads; itemOther is
// every column it only steps over (spacers, unread flags).
type itemID int

const (
	itemOther itemID = iota
	itemDate
	itemTime
	itemPM
	itemDuration
	itemCalling
	itemAttendant
	itemTTA
	itemDigits
	itemMeter
	itemStatus
	itemSpeed
	itemCalled
	itemLDN
	itemTransfer
	itemThird
	itemAccount
	itemSystem
	itemANI
	itemDNIS
	itemCallID
	itemAssocID
	numItems
)

// An item is a field as the fields setting names it, with the widths
// Mitel's layouts give it.
type item struct {
	id       itemID
	min, max int
	// forms is set for fields Mitel writes in two forms only (hh:mm or
	// hh:mm:ss, ttt or tttt): the length is min or max, nothing between.
	forms bool
}

// items are the names of the fields setting (README.md, "A layout of
// its own"). Flags CallTally does not read (long-call, route) are items
// too, so that a layout can be written as Mitel's table lists it.
var items = map[string]item{
	"long-call": {itemOther, 1, 1, false},
	"date":      {itemDate, 5, 5, false},
	"time":      {itemTime, 5, 8, true},
	"pm":        {itemPM, 1, 1, false},
	"duration":  {itemDuration, 8, 10, true},
	"calling":   {itemCalling, 1, 7, false},
	"attendant": {itemAttendant, 1, 1, false},
	"tta":       {itemTTA, 3, 4, true},
	"digits":    {itemDigits, 1, 26, false},
	"meter":     {itemMeter, 1, 5, false},
	"status":    {itemStatus, 1, 1, false},
	"speed":     {itemSpeed, 1, 1, false},
	"called":    {itemCalled, 1, 7, false},
	"ldn":       {itemLDN, 1, 8, false},
	"transfer":  {itemTransfer, 1, 1, false},
	"third":     {itemThird, 1, 7, false},
	"account":   {itemAccount, 1, 12, false},
	"route":     {itemOther, 1, 1, false},
	"system":    {itemSystem, 3, 3, false},
	"ani":       {itemANI, 1, 20, false},
	"dnis":      {itemDNIS, 1, 10, false},
	"call-id":   {itemCallID, 1, 10, false},
	"assoc-id":  {itemAssocID, 1, 10, false},
	"space":     {itemOther, 1, 99, false},
}

// A field is an item's place in a record.
type field struct {
	name  string
	col   int // 0-based first column
	width int
}

// A layout is where a record format puts its fields.
type layout struct {
	name  string
	at    [numItems]field // width 0: the layout has no such field
	width int
	// open is set for layouts whose end is not known: columns past width
	// are not checked.
	open bool
}

func (l *layout) has(id itemID) bool { return l.at[id].width > 0 }

// parseLayout reads NAME:LENGTH items, comma-separated.
func parseLayout(name, spec string) (*layout, error) {
	l := &layout{name: name}
	for i, part := range strings.Split(spec, ",") {
		itemName, it, width, err := parseItem(part)
		if err != nil {
			return nil, fmt.Errorf("item %d: %w", i+1, err)
		}
		if it.id != itemOther && l.has(it.id) {
			return nil, fmt.Errorf("item %d: %s appears twice", i+1, itemName)
		}
		if it.id != itemOther {
			l.at[it.id] = field{name: itemName, col: l.width, width: width}
		}
		l.width += width
	}
	for _, id := range []itemID{itemDate, itemTime, itemDuration, itemCalling, itemCalled} {
		if !l.has(id) {
			return nil, fmt.Errorf("no %s item: no call can be read without it", itemName(id))
		}
	}
	return l, nil
}

// parseItem reads one NAME:LENGTH; the length may be left out where the
// item has one width only.
func parseItem(part string) (string, item, int, error) {
	name, length, hasLength := strings.Cut(strings.TrimSpace(part), ":")
	name = strings.ToLower(strings.TrimSpace(name))
	it, ok := items[name]
	if !ok {
		return name, item{}, 0, fmt.Errorf("unknown item %q (known: %s; write columns CallTally need not read as space:LENGTH)", name, itemNames())
	}
	width := it.min
	if hasLength {
		n, err := strconv.Atoi(strings.TrimSpace(length))
		if err != nil {
			return name, item{}, 0, fmt.Errorf("%s: length %q is no number", name, length)
		}
		width = n
	}
	between := width > it.min && width < it.max
	if width < it.min || width > it.max || (it.forms && between) || (!hasLength && it.min != it.max) {
		return name, item{}, 0, fmt.Errorf("%s: length %s, want %s", name, lengthText(hasLength, width), widthRange(it))
	}
	return name, it, width, nil
}

func lengthText(given bool, width int) string {
	if !given {
		return "missing"
	}
	return strconv.Itoa(width)
}

func widthRange(it item) string {
	if it.forms {
		return fmt.Sprintf("%d or %d", it.min, it.max)
	}
	if it.min == it.max {
		return strconv.Itoa(it.min)
	}
	return fmt.Sprintf("%d to %d", it.min, it.max)
}

func itemNames() string { return strings.Join(slices.Sorted(maps.Keys(items)), ", ") }

// itemName is the name of item id, for messages.
func itemName(id itemID) string {
	for n, it := range items {
		if it.id == id && id != itemOther {
			return n
		}
	}
	return "?"
}

// A preset is what the SMDR Options form sets about the layout.
type preset struct {
	extendedDigits string // auto, yes or no
	extendedTTA    bool
	meterPulses    bool
	aniDNIS        bool
	networkOLI     bool
	reporting      string // off, level1 or level2
}

// presetLayouts returns the layouts a record may be in: with
// extended-digits=auto the standard one first, then the extended one.
func presetLayouts(p preset) []*layout {
	switch p.extendedDigits {
	case yes:
		return []*layout{presetLayout(p, true)}
	case no:
		return []*layout{presetLayout(p, false)}
	}
	return []*layout{presetLayout(p, false), presetLayout(p, true)}
}

func presetLayout(p preset, extended bool) *layout {
	name, spec := presetSpec(p, extended)
	l, err := parseLayout(name, spec)
	if err != nil {
		panic("mitelmivb: preset " + name + ": " + err.Error()) // the presets are fixed: a bug
	}
	// Extended reporting's columns after DNIS (suite and call identifiers)
	// are not published: they are left unread and unchecked.
	l.open = p.reporting != reportingOff
	return l
}

// presetSpec writes the layout of the Summary of Fields tables (README.md,
// "Record layout") for the options in p, as a fields setting.
func presetSpec(p preset, extended bool) (name, spec string) {
	s := &specBuilder{}
	party, duration, clock := 4, 8, 5
	if extended {
		party, duration = 7, 10
	}
	if p.reporting == level2 {
		clock = 8 // hh:mm:ss
	}
	s.add("long-call", 1).add("date", 5).add("space", 1).add("time", clock).add("pm", 1).add("space", 1)
	s.add("duration", duration).add("space", 1).add("calling", party)
	if p.extendedTTA {
		s.add("attendant", 1).add("tta", 4) // the TTA takes the spacer's column
	} else {
		s.add("space", 1).add("attendant", 1).add("tta", 3)
	}
	s.add("space", 1)
	if p.meterPulses {
		s.add("digits", 21).add("meter", 5)
	} else {
		s.add("digits", 26)
	}
	s.add("status", 1).add("speed", 1).add("called", party)
	if p.reporting != reportingOff {
		s.add("ldn", 8) // 7 digits and a spacer, on whichever side
	}
	s.add("transfer", 1).add("space", 1).add("third", party).add("space", 1)
	s.add("account", 12).add("route", 1).add("system", 3).add("space", 2)
	p.trailer(s, extended)
	return p.name(extended), s.String()
}

// trailer adds the ANI/DNIS and network OLI blocks, which follow the
// base record in this order. OLI is read only where its place is known.
func (p preset) trailer(s *specBuilder, extended bool) {
	ani, dnis := 10, 10
	if extended {
		dnis = 7
	}
	if p.reporting != reportingOff {
		ani, dnis = 20, 10
	}
	oli := p.networkOLI && p.reporting == reportingOff
	switch {
	case p.aniDNIS:
		s.add("space", 1).add("ani", ani).add("space", 1).add("dnis", dnis)
	case oli:
		s.add("space", 1+ani+1+dnis) // OLI comes after the ANI/DNIS columns, blank or not
	}
	if oli {
		s.add("space", 1).add("call-id", 9).add("space", 1).add("assoc-id", 8)
	}
}

// name names the layout in messages, after the options that shape it.
func (p preset) name(extended bool) string {
	parts := []string{"standard"}
	if extended {
		parts[0] = "extended-digits"
	}
	if p.extendedTTA {
		parts = append(parts, "extended-tta")
	}
	if p.meterPulses {
		parts = append(parts, "meter-pulses")
	}
	if p.reporting != reportingOff {
		parts = append(parts, "extended-reporting="+p.reporting)
	}
	return strings.Join(parts, ", ")
}

// specBuilder writes a fields setting.
type specBuilder struct{ strings.Builder }

func (s *specBuilder) add(name string, width int) *specBuilder {
	if s.Len() > 0 {
		s.WriteByte(',')
	}
	fmt.Fprintf(s, "%s:%d", name, width)
	return s
}
