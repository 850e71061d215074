package openscapevoice

import (
	"fmt"
	"strconv"
	"strings"
)

// A field is one CDR field the driver reads; the other fields of the
// record stay in the raw record.
type field int

const (
	fTimestamp field = iota
	fDuration
	fGlobalCallID
	fCalled
	fCalling
	fAttempt
	fCause
	fOrigParty
	fTermParty
	fAnswer
	fRelease
	fInConnect
	// Fields from here on are optional: a record cut before them still
	// reads, without them.
	fFeature
	fForwarding
	fDialled
	fFeatureExt
	fEvent
	fThreadNode
	fThreadSeq
	fIngress
	fEgress
	fDestination
	numFields

	firstOptional = fFeature
)

// fieldInfo names each field for the field-numbers setting and for
// messages, with its number in the documented layout: 1 is the record
// type, after the billing file's sequence number if there is one.
var fieldInfo = [numFields]struct {
	key, name string
	number    int
}{
	{"timestamp", "Time Stamp", 2},
	{"duration", "Call Duration", 3},
	{"global-call-id", "Global Call ID", 5},
	{"called", "Terminating Number", 11},
	{"calling", "Calling Party Number", 12},
	{"attempt", "Attempt Indicator", 18},
	{"cause", "Release Cause", 19},
	{"orig-party", "Originating Party Identifier", 40},
	{"term-party", "Terminating Party Identifier", 41},
	{"answer", "Call Answer Time", 48},
	{"release", "Call Release Time", 49},
	{"in-connect", "In-Leg Connect Time", 50},
	{"feature", "Per Call Feature", 64},
	{"forwarding", "Forwarding Party Number", 65},
	{"dialled", "Dialed Number", 101},
	{"feature-ext", "Per Call Feature Extension", 106},
	{"event", "Call Event Indicator", 107},
	{"thread-node", "Global Thread ID Node", 124},
	{"thread-sequence", "Global Thread ID Sequence", 125},
	{"ingress", "Ingress SIP Endpoint", 126},
	{"egress", "Egress SIP Endpoint", 127},
	{"destination", "Destination Party Number", 128},
}

// maxFieldNumber bounds field-numbers: no release writes this many.
const maxFieldNumber = 1000

func fieldKeys() string {
	keys := make([]string, len(fieldInfo))
	for i, f := range fieldInfo {
		keys[i] = f.key
	}
	return strings.Join(keys, ", ")
}

// A layout is where a record holds each field: 0-based positions after
// the sequence number, so the record type is at 0.
type layout struct {
	at       [numFields]int
	minWidth int // fields a record needs: up to the last required one
}

func defaultLayout() layout {
	var l layout
	for f := range l.at {
		l.at[f] = fieldInfo[f].number - 1
	}
	l.fit()
	return l
}

func (l *layout) fit() {
	l.minWidth = 0
	for f := range firstOptional {
		l.minWidth = max(l.minWidth, l.at[f]+1)
	}
}

// readLayout applies the field-numbers setting, NAME=NUMBER pairs, to the
// documented layout.
func readLayout(setting string) (layout, error) {
	l := defaultLayout()
	for pair := range strings.SplitSeq(setting, ",") {
		if pair = strings.TrimSpace(pair); pair == "" {
			continue
		}
		f, n, err := readPair(pair)
		if err != nil {
			return layout{}, err
		}
		l.at[f] = n - 1
	}
	for f := range l.at {
		for g := range f {
			if l.at[f] == l.at[g] {
				return layout{}, fmt.Errorf("%s and %s are both field %d", fieldInfo[g].key, fieldInfo[f].key, l.at[f]+1)
			}
		}
	}
	l.fit()
	return l, nil
}

func readPair(pair string) (field, int, error) {
	key, value, ok := strings.Cut(pair, "=")
	if !ok {
		return 0, 0, fmt.Errorf("%q: want NAME=NUMBER", pair)
	}
	key = strings.ToLower(strings.TrimSpace(key))
	f := field(-1)
	for i, info := range fieldInfo {
		if info.key == key {
			f = field(i)
		}
	}
	if f < 0 {
		return 0, 0, fmt.Errorf("%q: no field %q (names: %s)", pair, key, fieldKeys())
	}
	n, err := strconv.Atoi(strings.TrimSpace(value))
	if err != nil || n < 2 || n > maxFieldNumber {
		return 0, 0, fmt.Errorf("%q: want a field number from 2 to %d (1 is the record type)", pair, maxFieldNumber)
	}
	return f, n, nil
}

// text returns field f of a record, "" when the record ends before it.
func (l *layout) text(fields []string, f field) string {
	if i := l.at[f]; i < len(fields) {
		return fields[i]
	}
	return ""
}

// name says what the field at 0-based position i is, for messages.
func (l *layout) name(i int) string {
	for f, at := range l.at {
		if at == i {
			return fmt.Sprintf("%s (CDR field %d)", fieldInfo[f].name, i+1)
		}
	}
	if i == 0 {
		return "Record Type (CDR field 1)"
	}
	return fmt.Sprintf("CDR field %d", i+1)
}
