package ciscocucm

import "calltally.app/drivers"

// A record is one CDR, read: one leg of a conversation.
type record struct {
	id             int64 // the drivers.Record it was read from
	cmID, callID   int64 // the global call ID, shared by the legs of a conversation
	callIDText     string
	origination    int64 // seconds since 1970, UTC
	connect        int64 // 0: never connected
	disconnect     int64
	talk           int // duration: seconds connected
	calling        string
	originalCalled string
	finalCalled    string
	lastRedirect   string
	origDevice     string
	destDevice     string
	origCause      int64 // Q.850 cause, or CUCM's own codes above 127
	destCause      int64
	// The features that ended or joined the leg and redirected it last,
	// as OnBehalfOf codes (10 transfer, 5 call forward, …) and the redirect
	// reason (2 forward no answer, 15 forward all, …).
	origTermination, destTermination, join int64
	redirectOnBehalfOf, redirectReason     int64
	clientMatter, authDescription          string
	outpulsedCalled                        string
	callingUser, finalCalledUser           string // login user IDs, the nearest thing to names
}

// parseRecord reads the fields of one CDR laid out as l. Only the fields
// the call is derived from are checked; the rest are CUCM's business.
func parseRecord(l *layout, f []string) (record, error) {
	rd := fieldReader{l: l, f: f}
	r := record{
		callIDText: rd.text(fCallID),
		calling:    rd.text(fCalling), originalCalled: rd.text(fOriginalCalled), finalCalled: rd.text(fFinalCalled),
		lastRedirect: rd.text(fLastRedirect), origDevice: rd.text(fOrigDevice), destDevice: rd.text(fDestDevice),
		clientMatter: rd.text(fClientMatter), authDescription: rd.text(fAuthDescription),
		outpulsedCalled: rd.text(fOutpulsedCalled), callingUser: rd.text(fCallingUser), finalCalledUser: rd.text(fFinalCalledUser),
	}
	r.cmID, r.callID = rd.number(fCallManagerID), rd.number(fCallID)
	r.origination, r.connect, r.disconnect = rd.time(fOrigination, false), rd.time(fConnect, true), rd.time(fDisconnect, false)
	r.talk = int(rd.seconds(fDuration))
	r.origCause, r.destCause = rd.code(fOrigCause), rd.code(fDestCause)
	r.origTermination, r.destTermination, r.join = rd.code(fOrigTermination), rd.code(fDestTermination), rd.code(fJoin)
	r.redirectOnBehalfOf, r.redirectReason = rd.code(fRedirectOnBehalfOf), rd.code(fRedirectReason)
	return r, rd.err
}

// A fieldReader parses fields and keeps the first error, so parseRecord
// reads as a list of fields rather than a ladder of checks.
type fieldReader struct {
	l   *layout
	f   []string
	err error
}

func (rd *fieldReader) text(f field) string { return rd.l.text(rd.f, f) }

func (rd *fieldReader) fail(f field, reason string) {
	if rd.err == nil {
		i := rd.l.at[f]
		rd.err = &drivers.FieldError{Field: i + 1, Name: rd.l.names[i], Value: rd.f[i], Reason: reason}
	}
}

// time reads seconds since 1970 in UTC; 0 only where it means "never".
func (rd *fieldReader) time(f field, zeroOK bool) int64 {
	n, ok := drivers.Digits(rd.text(f), 10)
	switch {
	case !ok:
		rd.fail(f, "want seconds since 1970 (UTC)")
	case n == 0 && !zeroOK:
		rd.fail(f, "want a time, not 0")
	}
	return n
}

// seconds reads a count of seconds, at most 9 digits so that sums of them
// cannot overflow.
func (rd *fieldReader) seconds(f field) int64 {
	n, ok := drivers.Digits(rd.text(f), 9)
	if !ok {
		rd.fail(f, "want whole seconds")
	}
	return n
}

func (rd *fieldReader) number(f field) int64 {
	n, ok := drivers.Digits(rd.text(f), 18)
	if !ok {
		rd.fail(f, "want a whole number")
	}
	return n
}

// code reads a cause or OnBehalfOf code; absent or empty is 0, "none".
func (rd *fieldReader) code(f field) int64 {
	s := rd.text(f)
	if s == "" {
		return 0
	}
	n, ok := drivers.Digits(s, 10)
	if !ok {
		rd.fail(f, "want a code number")
	}
	return n
}
