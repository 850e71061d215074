package alcateloxo

import (
	"cmp"
	"fmt"
	"io"
	"strings"

	"calltally.app/drivers"
)

// encodeLayout is the layout Encode writes: the default statement.
var encodeLayout = mustLayout(defaultFields)

func mustLayout(spec string) *layout {
	l, err := parseLayout(spec)
	if err != nil {
		panic("alcateloxo: layout " + spec + ": " + err.Error())
	}
	return l
}

// Encode writes c as an OXO with the default statement prints it: one
// line, CR LF. As the PBX does by default, it writes nothing for internal
// calls, for incoming calls nobody answered and for outgoing calls that
// were never connected. An incoming call is charged to the user who had
// it last (the voice mailbox's owner when only voicemail took it), and
// its duration is the conversation's whole length. c.Trunk is a line
// number: line 1 is the T0 access N01.
func Encode(w io.Writer, c *drivers.Call) error {
	s, ok, err := encodeStatement(c)
	if err != nil || !ok {
		return err
	}
	line, err := formatStatement(encodeLayout, &s)
	if err != nil {
		return fmt.Errorf("encode call %s: %w", c.CallID, err)
	}
	_, err = io.WriteString(w, line+"\r\n")
	return err
}

// encodeStatement is the statement the PBX prints for c; ok is false
// when it prints none.
func encodeStatement(c *drivers.Call) (s statement, ok bool, err error) {
	if len(c.Legs) == 0 {
		return s, false, fmt.Errorf("encode call %s: no legs", c.CallID)
	}
	talk, answered := 0, false
	for _, l := range c.Legs {
		if l.Ring < 0 || l.Talk < 0 || l.Hold < 0 {
			return s, false, fmt.Errorf("encode call %s: negative seconds", c.CallID)
		}
		talk += l.Talk + l.Hold // the line stays allocated to the user while on hold
		answered = answered || l.Outcome == drivers.Answered || l.Outcome == drivers.Voicemail
	}
	if c.Direction == drivers.Internal || !answered {
		return s, false, nil
	}
	s, err = statementOf(c, talk)
	return s, err == nil, err
}

// statementOf fills the statement of an answered external call.
func statementOf(c *drivers.Call, talk int) (statement, error) {
	line, err := lineName(c.Trunk)
	if err != nil {
		return statement{}, fmt.Errorf("encode call %s: %w", c.CallID, err)
	}
	y, m, d := c.Start.Date()
	s := statement{line: line, date: civil{y, m, d}, hour: c.Start.Hour(), minute: c.Start.Minute(),
		talk: talk, ring: c.Ring, units: c.ChargeUnits, account: c.AccountCode}
	if c.AccountCode == "" {
		s.name = truncate(c.ExtensionName, 16) // with a business code, the name is the code's
	}
	switch c.Direction {
	case drivers.Outbound:
		s.kind, s.initial, s.dialled = outgoing, "****", cmp.Or(c.External, c.Dialled)
		s.charged = "A" + c.Extension
	case drivers.Inbound:
		s.kind, s.dialled = incoming, c.External
		s.initial = "A" + cmp.Or(c.Legs[0].Party, c.Extension)
		s.charged = "A" + cmp.Or(c.FinalAnswerer, c.Extension)
	default:
		return statement{}, fmt.Errorf("encode call %s: direction %q: Encode writes inbound, outbound and internal calls", c.CallID, c.Direction)
	}
	return s, nil
}

// truncate cuts s to at most n bytes, at the start of a character.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	end := 0
	for i := range s {
		if i > n {
			break
		}
		end = i
	}
	return s[:end]
}

// lineName renders a line number as the T0 access it stands for.
func lineName(trunk string) (string, error) {
	n, ok := drivers.Atoi(trunk)
	if !ok || n < 1 || n > 99 {
		return "", fmt.Errorf("trunk %q: want a line number from 1 to 99", trunk)
	}
	return fmt.Sprintf("N%02d", n), nil
}

// formatStatement lays s out as l says: one blank between fields,
// numbers and the business code right-justified, the rest left; fields
// CallTally does not fill are blank.
func formatStatement(l *layout, s *statement) (string, error) {
	var b strings.Builder
	for i, c := range l.cols {
		v, right := fieldText(c.id, s)
		if i > 0 {
			b.WriteByte(' ')
		}
		last := i == len(l.cols)-1
		if (len(v) > c.width && !last) || strings.ContainsAny(v, "\r\n") {
			return "", &drivers.FieldError{Field: c.col + 1, Name: c.name, Value: v, Reason: fmt.Sprintf("does not fit %d characters", c.width)}
		}
		pad := strings.Repeat(" ", max(0, c.width-len(v)))
		if right {
			v = pad + v
		} else if !last {
			v += pad
		}
		b.WriteString(v)
	}
	return strings.TrimRight(b.String(), " "), nil
}

// fieldText is the text of field id of s, and whether it is right-justified.
func fieldText(id fieldID, s *statement) (string, bool) {
	switch id {
	case fieldInitial:
		return s.initial, false
	case fieldCharged:
		return s.charged, false
	case fieldType:
		return s.kind, false
	case fieldLine, fieldLine4:
		return s.line, false
	case fieldDate:
		return fmt.Sprintf("%02d/%02d/%02d", s.date.day, int(s.date.month), s.date.year%100), false
	case fieldTime:
		return fmt.Sprintf("%02d:%02d", s.hour, s.minute), false
	case fieldDuration:
		return drivers.FormatHMS(s.talk), false
	case fieldUnits:
		return fmt.Sprint(s.units), true
	case fieldService:
		return "ST", false // telephony
	case fieldDialled:
		return s.dialled, false
	case fieldRing:
		return fmt.Sprintf("%02d:%02d", s.ring/60, s.ring%60), false
	case fieldAccount:
		return s.account, true
	case fieldName:
		return s.name, false
	}
	return "", false
}
