package ciscocme

import (
	"strings"
	"time"

	"calltally.app/drivers"
)

// CallLegType values (CISCO-DIAL-CONTROL-MIB): a telephony leg is a port
// of the router (FXS, FXO, ISDN, an SCCP phone of CME), a VoIP leg an
// H.323 or SIP dial peer (a SIP trunk, a SIP phone).
const (
	legTelephony = 1
	legVoIP      = 2
)

// CallOrigin values: the gateway placed the leg (outgoing), or took it
// (incoming); callback legs are placed by the gateway too.
const (
	originate = 1
	answer    = 2
	callback  = 3
)

// A leg is one record read: one call leg of the gateway.
type leg struct {
	id  int64  // the drivers.Record it was read from
	seq uint64 // order of arrival
	// conn is the ConnectionId as written, key the same normalised: the
	// legs of a call share it; "" when the gateway wrote zeros.
	conn, key string
	legType   int
	origin    int
	// number is the far end of the leg as the gateway wrote it: the
	// calling number on an incoming leg, the called number on an outgoing
	// one. dialled is the called number where the record has one (DNIS).
	number, dialled string
	setup, connect  time.Time
	disconnect      time.Time
	connected       bool
	cause           int // Q.850 cause, decimal; -1 when the record gives none
	units           int // ChargedUnits
	kind            kind
}

// incoming reports the leg the gateway took: the caller's side of the call.
func (l *leg) incoming() bool { return l.origin == answer }

// A field is one value of a record with where it was found, so that a
// record of either form is checked by the same code.
type field struct {
	pos   int // 1-based: the pair of a syslog message, the column of a CSV line
	name  string
	value string
	found bool
}

// fields are the values a leg is read from.
type fields struct {
	legType, conn, setup, number, cause, connect, disconnect, origin, units field
	clid, dnis                                                              field // file accounting only
}

// A fieldReader converts fields and keeps the first error, so that toLeg
// reads as a list of fields rather than a ladder of checks.
type fieldReader struct {
	loc *time.Location
	err error
}

func (rd *fieldReader) fail(f *field, reason string) {
	if rd.err == nil {
		rd.err = &drivers.FieldError{Field: f.pos, Name: f.name, Value: f.value, Reason: reason}
	}
}

// toLeg checks and converts the fields of one record.
func toLeg(f *fields, loc *time.Location, opts *options) (leg, error) {
	rd := fieldReader{loc: loc}
	l := leg{number: strings.TrimSpace(f.number.value), cause: -1}
	l.legType = rd.legType(&f.legType)
	l.conn, l.key = rd.connectionID(&f.conn)
	l.origin = rd.origin(&f.origin)
	l.setup = rd.time(&f.setup)
	l.disconnect = rd.time(&f.disconnect)
	if strings.TrimSpace(f.connect.value) != "" { // empty in files for a leg never answered
		l.connect = rd.time(&f.connect)
	}
	if strings.TrimSpace(f.cause.value) != "" {
		l.cause = rd.cause(&f.cause)
	}
	l.units, _ = drivers.Atoi(strings.TrimSpace(f.units.value)) // informative: never reject a call for it
	if rd.err != nil {
		return leg{}, rd.err
	}
	fileNumbers(&l, f)
	// A clock set during the call can put the release before the setup.
	l.disconnect = later(l.disconnect, l.setup)
	l.connected = !l.connect.IsZero() && !l.connect.Before(l.setup) && l.connect.Before(l.disconnect)
	l.kind = opts.kindOf(l.number, l.legType)
	return l, nil
}

// fileNumbers fills what file accounting writes in the calling (clid) and
// called (dnis) number columns, where peer-address is often left empty.
func fileNumbers(l *leg, f *fields) {
	l.dialled = strings.TrimSpace(f.dnis.value)
	if l.number != "" {
		return
	}
	l.number = l.dialled
	if l.incoming() {
		l.number = strings.TrimSpace(f.clid.value)
	}
}

func later(a, b time.Time) time.Time {
	if a.Before(b) {
		return b
	}
	return a
}

func (rd *fieldReader) legType(f *field) int {
	n, ok := drivers.Atoi(strings.TrimSpace(f.value))
	if !ok || n < 1 || n > 99 {
		rd.fail(f, "want a leg type: 1 telephony, 2 VoIP")
	}
	return n
}

func (rd *fieldReader) origin(f *field) int {
	switch strings.ToLower(strings.TrimSpace(f.value)) {
	case "1", "originate":
		return originate
	case "2", "answer":
		return answer
	case "3", "callback":
		return callback
	}
	rd.fail(f, "want 1 (originate), 2 (answer) or 3 (callback)")
	return 0
}

// cause reads a Q.850 cause, which the gateway writes in hexadecimal
// ("10" is 16, normal clearing), padded with blanks.
func (rd *fieldReader) cause(f *field) int {
	s := strings.TrimSpace(f.value)
	if s == "" || len(s) > 2 {
		rd.fail(f, "want a Q.850 cause in hexadecimal")
		return -1
	}
	n := 0
	for i := 0; i < len(s); i++ {
		d := hexDigit(s[i])
		if d < 0 {
			rd.fail(f, "want a Q.850 cause in hexadecimal")
			return -1
		}
		n = n*16 + d
	}
	return n
}

func (rd *fieldReader) time(f *field) time.Time {
	t, err := parseTime(f.value, rd.loc)
	if err != nil {
		rd.fail(f, err.Error())
	}
	return t
}

// connectionID reads the call's GUID: four space-separated hex words
// (3C4D5E6F 16B111F1 8001A1B2 C3D4E501) or, from some releases, one
// token of hex digits. The key compares them: upper case, each word
// padded to eight digits, no blanks. All zeros (legs of no call) give
// no key.
func (rd *fieldReader) connectionID(f *field) (text, key string) {
	text = strings.TrimSpace(f.value)
	var w [5]string
	n, _ := words(w[:], text)
	if n == 0 || n > 4 {
		rd.fail(f, "want hexadecimal words")
		return "", ""
	}
	var b [32]byte
	k, zero := 0, true
	for _, word := range w[:n] {
		if !isHex(word) || (n > 1 && len(word) > 8) || len(word) > 32 {
			rd.fail(f, "want hexadecimal words")
			return "", ""
		}
		for pad := len(word); n > 1 && pad < 8; pad++ {
			b[k], k = '0', k+1
		}
		for i := 0; i < len(word); i++ {
			c := word[i]
			if 'a' <= c && c <= 'f' {
				c -= 'a' - 'A'
			}
			b[k], k, zero = c, k+1, zero && c == '0'
		}
	}
	if zero {
		return text, ""
	}
	return text, string(b[:k])
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if hexDigit(s[i]) < 0 {
			return false
		}
	}
	return s != ""
}

func hexDigit(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}
