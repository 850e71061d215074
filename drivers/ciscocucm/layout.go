package ciscocucm

import (
	"fmt"
	"strings"

	"calltally.app/drivers"
)

// A field is one column the driver reads; the rest stay in the raw record.
type field int

const (
	fRecordType field = iota
	fCallManagerID
	fCallID
	fOrigination
	fConnect
	fDisconnect
	fDuration
	fCalling
	fOriginalCalled
	fFinalCalled
	fOrigDevice
	fDestDevice
	fOrigCause
	fDestCause
	// Fields from here on are optional: older releases lack some, and a
	// record reads without them.
	fLastRedirect
	fOrigTermination
	fDestTermination
	fJoin
	fRedirectOnBehalfOf
	fRedirectReason
	fClientMatter
	fAuthDescription
	fOutpulsedCalled
	fCallingUser
	fFinalCalledUser
	numFields

	firstOptional = fLastRedirect
)

// fieldColumns names the column of each field.
var fieldColumns = [numFields]string{
	"cdrRecordType", "globalCallID_callManagerId", "globalCallID_callId",
	"dateTimeOrigination", "dateTimeConnect", "dateTimeDisconnect", "duration",
	"callingPartyNumber", "originalCalledPartyNumber", "finalCalledPartyNumber",
	"origDeviceName", "destDeviceName", "origCause_value", "destCause_value",
	"lastRedirectDn", "origCallTerminationOnBehalfOf", "destCallTerminationOnBehalfOf",
	"joinOnBehalfOf", "lastRedirectRedirectOnBehalfOf", "lastRedirectRedirectReason",
	"clientMatterCode", "authCodeDescription", "outpulsedCalledPartyNumber",
	"callingPartyUnicodeLoginUserID", "finalCalledPartyUnicodeLoginUserID",
}

// A layout is where a file's records hold each field.
type layout struct {
	names []string       // every column, in order
	at    [numFields]int // position of each field; -1 when absent
}

// newLayout maps the columns called names. It fails when one of the fields
// every release writes is missing: names is no CDR layout then.
func newLayout(names []string) (*layout, error) {
	l := &layout{names: names}
	for f := range l.at {
		l.at[f] = -1
	}
	for i, n := range names {
		for f, want := range fieldColumns {
			// Case ignored: releases and documents differ (globalCallId_callId).
			if l.at[f] < 0 && strings.EqualFold(n, want) {
				l.at[f] = i
			}
		}
	}
	for f := range firstOptional {
		if l.at[f] < 0 {
			return nil, fmt.Errorf("no column %s", fieldColumns[f])
		}
	}
	return l, nil
}

// text returns field f of a record read with l; "" when l lacks it.
func (l *layout) text(fields []string, f field) string {
	if i := l.at[f]; i >= 0 {
		return fields[i]
	}
	return ""
}

// fit checks that a record has l's columns: a record cut short or run
// together with the next shows as a missing or an extra field. want says
// what was expected: "the header 129".
func (l *layout) fit(fields []string, want string) error {
	n, w := len(fields), len(l.names)
	switch {
	case n < w:
		return &drivers.FieldError{Field: n + 1, Name: l.names[n], Reason: fmt.Sprintf("missing: the record has %d fields, %s", n, want)}
	case n > w:
		return &drivers.FieldError{Field: w + 1, Name: "beyond the last column", Value: fields[w],
			Reason: fmt.Sprintf("extra: the record has %d fields, %s", n, want)}
	}
	return nil
}
