package avayaipo

import (
	"errors"
	"fmt"
	"time"

	"calltally.app/drivers"
)

// Field positions (0-based) in an SMDR record. README.md has the table.
const (
	fieldCallStart = iota
	fieldConnected
	fieldRing
	fieldCaller
	fieldDirection
	fieldCalled
	fieldDialled
	fieldAccount
	fieldInternal
	fieldCallID
	fieldContinuation
	fieldParty1
	fieldParty1Name
	fieldParty2
	fieldParty2Name
	fieldHold
	fieldPark
	fieldAuthValid
	fieldAuthCode
	fieldUnits      = 23
	fieldCause      = 27
	fieldTargeter   = 28
	fieldTargetedNo = 29

	// minFields is where the oldest releases stop (after Park Time);
	// R6–R10 send 30 fields, R11+ up to 37, and more are tolerated.
	minFields = fieldPark + 1
	// encodedFields is what Encode writes: the R10 layout.
	encodedFields = fieldTargetedNo + 1
)

// fieldNames are Avaya's names for the fields, for error messages.
var fieldNames = [encodedFields]string{
	"Call Start", "Connected Time", "Ring Time", "Caller", "Direction",
	"Called Number", "Dialled Number", "Account", "Is Internal", "Call ID",
	"Continuation", "Party1Device", "Party1Name", "Party2Device", "Party2Name",
	"Hold Time", "Park Time", "AuthValid", "AuthCode", "User Charged",
	"Call Charge", "Currency", "Amount at Last User Change", "Call Units", "Units at Last User Change",
	"Cost per Unit", "Mark Up", "External Targeting Cause", "External Targeter Id", "External Targeted Number",
}

// errHeader marks the header line of SMDR files written by Delta Server
// and some collectors; the TCP stream has none.
var errHeader = fmt.Errorf("header line: %w", drivers.ErrNotCall)

// A record is one SMDR line, read: one segment of a call.
type record struct {
	id    int64 // the drivers.Record it was read from
	start time.Time
	// wall is Call Start as the number yyyymmddhhmmss. With the Call ID it
	// keys a call's records: exact wall-clock text, untouched by DST.
	wall       int64
	talk       int // Connected Time, seconds
	ring       int
	hold       int // Hold Time plus Park Time
	caller     string
	inbound    bool // Direction I; internal calls are O too
	called     string
	dialled    string
	account    string
	internal   bool
	callID     int64
	callIDText string
	more       bool // Continuation 1: further records of the call follow
	party1     string
	party1Name string
	party2     string
	party2Name string
	units      int    // Call Units (advice of charge), 0 when absent
	cause      string // External Targeting Cause, e.g. "U fu"
	targeter   string // External Targeter Id
}

// parseRecord reads the fields of one line. Only fields the call is
// derived from are checked; the rest are the PBX's business.
func parseRecord(f []string, loc *time.Location) (record, error) {
	if len(f) < minFields {
		return record{}, fmt.Errorf("%d fields, want at least %d (Call Start to Park Time)", len(f), minFields)
	}
	rd := fieldReader{f: f}
	r := record{
		caller: f[fieldCaller], called: f[fieldCalled], dialled: f[fieldDialled], account: f[fieldAccount],
		callIDText: f[fieldCallID], party1: f[fieldParty1], party1Name: f[fieldParty1Name],
		party2: f[fieldParty2], party2Name: f[fieldParty2Name],
		// Real systems have been seen writing "I" here: only "1" means internal.
		internal: f[fieldInternal] == "1",
		more:     f[fieldContinuation] == "1",
	}
	r.start, r.wall = rd.callStart(loc)
	r.talk = rd.connected()
	r.ring = rd.seconds(fieldRing)
	r.inbound = rd.direction()
	r.callID = rd.callID()
	r.hold = rd.seconds(fieldHold) + rd.seconds(fieldPark)
	readOptional(&r, f)
	return r, rd.err
}

// readOptional takes the fields of R6 and later, absent in old records.
func readOptional(r *record, f []string) {
	if len(f) > fieldUnits {
		r.units, _ = drivers.Atoi(f[fieldUnits]) // advice of charge is informative: never reject a call for it
	}
	if len(f) > fieldTargeter {
		r.cause, r.targeter = f[fieldCause], f[fieldTargeter]
	}
}

// A fieldReader parses fields and keeps the first error, so parseRecord
// reads as a list of fields rather than a ladder of checks.
type fieldReader struct {
	f   []string
	err error
}

func (rd *fieldReader) fail(i int, reason string) {
	if rd.err == nil {
		rd.err = &drivers.FieldError{Field: i + 1, Name: fieldNames[i], Value: rd.f[i], Reason: reason}
	}
}

func (rd *fieldReader) callStart(loc *time.Location) (time.Time, int64) {
	t, wall, err := parseCallStart(rd.f[fieldCallStart], loc)
	if err != nil {
		rd.fail(fieldCallStart, err.Error())
	}
	return t, wall
}

func (rd *fieldReader) connected() int {
	secs, ok := drivers.HMS(rd.f[fieldConnected], 9)
	if !ok {
		rd.fail(fieldConnected, "want h:mm:ss")
	}
	return secs
}

// seconds reads a count of seconds; the PBX leaves it empty for 0.
func (rd *fieldReader) seconds(i int) int {
	if rd.f[i] == "" {
		return 0
	}
	n, ok := drivers.Atoi(rd.f[i])
	if !ok {
		rd.fail(i, "want whole seconds")
	}
	return n
}

func (rd *fieldReader) direction() (inbound bool) {
	switch rd.f[fieldDirection] {
	case "I":
		return true
	case "O":
		return false
	}
	rd.fail(fieldDirection, "want I or O")
	return false
}

func (rd *fieldReader) callID() int64 {
	n, ok := drivers.Digits(rd.f[fieldCallID], 18) // 10 digits on busy systems: 1000014155
	if !ok {
		rd.fail(fieldCallID, "want a whole number")
	}
	return n
}

var (
	errStartLayout = errors.New("want YYYY/MM/DD HH:MM:SS")
	errStartRange  = errors.New("no such date or time")
)

// parseCallStart reads `YYYY/MM/DD HH:MM:SS`, the site's wall clock. By
// hand, as it is the hottest field and time.Parse's generality costs.
func parseCallStart(s string, loc *time.Location) (time.Time, int64, error) {
	if len(s) != 19 || s[4] != '/' || s[7] != '/' || s[10] != ' ' || s[13] != ':' || s[16] != ':' {
		return time.Time{}, 0, errStartLayout
	}
	y, ok1 := drivers.Atoi(s[0:4])
	mo, ok2 := drivers.Atoi(s[5:7])
	d, ok3 := drivers.Atoi(s[8:10])
	h, ok4 := drivers.Atoi(s[11:13])
	mi, ok5 := drivers.Atoi(s[14:16])
	sec, ok6 := drivers.Atoi(s[17:19])
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6) {
		return time.Time{}, 0, errStartLayout
	}
	// time.Date would silently roll 2026/02/30 over into March.
	if mo < 1 || mo > 12 || d < 1 || d > drivers.DaysIn(time.Month(mo), y) || h > 23 || mi > 59 || sec > 59 {
		return time.Time{}, 0, errStartRange
	}
	wall := int64(((((y*100+mo)*100+d)*100+h)*100+mi)*100 + sec)
	return time.Date(y, time.Month(mo), d, h, mi, sec, 0, loc), wall, nil
}
