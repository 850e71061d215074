package openscape4000

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"calltally.app/drivers"
)

// encodeLayout is the layout Encode writes: the default one.
var encodeLayout = mustLayout(defaultLayout)

func mustLayout(spec string) *layout {
	l, err := parseLayout(spec, 0)
	if err != nil {
		panic("openscape4000: layout: " + err.Error())
	}
	return l
}

// Encode writes c as an OpenScape 4000 writes it to its CDR file in the
// default layout: one data record (RID AI), LF terminated, stamped with
// the second the connection ended. The default layout has no element
// that tells an incoming call from an outgoing one, so a site using it
// records outgoing and internal connections only: inbound and tandem
// calls write nothing. An unanswered call is written with duration 0.
// c.Trunk is a line number, written as the trunk number (TKNOLIST).
func Encode(w io.Writer, c *drivers.Call) error {
	if c.Direction != drivers.Outbound && c.Direction != drivers.Internal {
		return nil
	}
	r, end, err := encodeRecord(c)
	if err != nil {
		return fmt.Errorf("encode call %s: %w", c.CallID, err)
	}
	line, err := writeRecord(encodeLayout, &r, end)
	if err != nil {
		return fmt.Errorf("encode call %s: %w", c.CallID, err)
	}
	_, err = io.WriteString(w, line+"\n")
	return err
}

// encodeRecord is the record of an outbound or internal call, and when
// the connection ended.
func encodeRecord(c *drivers.Call) (record, time.Time, error) {
	end, talk, err := span(c)
	if err != nil {
		return record{}, end, err
	}
	r := record{secs: talk, charged: c.Extension, dest: c.Dialled, account: c.AccountCode, units: c.ChargeUnits}
	if c.Direction == drivers.Outbound {
		r.dest = cmp.Or(c.External, c.Dialled)
		if _, ok := drivers.Atoi(c.Trunk); !ok {
			return r, end, fmt.Errorf("trunk %q: want a line number", c.Trunk)
		}
		r.trunk = c.Trunk
	}
	if r.charged == "" {
		return r, end, errors.New("no extension: the record needs its charged party")
	}
	return r, end, nil
}

// span returns when the call's last leg ended and the seconds its
// answered legs (voicemail too) talked.
func span(c *drivers.Call) (end time.Time, talk int, err error) {
	if len(c.Legs) == 0 {
		return end, 0, errors.New("no legs")
	}
	end = c.Start
	for _, l := range c.Legs {
		if l.Ring < 0 || l.Talk < 0 || l.Hold < 0 {
			return end, 0, errors.New("negative seconds")
		}
		if e := l.Start.Add(time.Duration(l.Ring+l.Talk+l.Hold) * time.Second); e.After(end) {
			end = e
		}
		if l.Outcome == drivers.Answered || l.Outcome == drivers.Voicemail {
			talk += l.Talk
		}
	}
	return end, talk, nil
}

// writeRecord lays r out as l says: counts right-justified with leading
// zeros, numbers left-justified, the elements CallTally does not fill blank.
func writeRecord(l *layout, r *record, end time.Time) (string, error) {
	line := []byte(strings.Repeat(" ", l.width))
	for _, f := range l.fields {
		v, right := elemText(l, f, r, end)
		if len(v) > f.width || strings.ContainsAny(v, "\r\n") {
			return "", &drivers.FieldError{Field: f.col + 1, Name: f.name, Value: v, Reason: fmt.Sprintf("does not fit %d characters", f.width)}
		}
		at := f.col
		if right {
			at += f.width - len(v)
		}
		copy(line[at:], v)
	}
	return string(line), nil
}

// elemText is the text of element f of r, and whether it is right-justified.
func elemText(l *layout, f field, r *record, end time.Time) (string, bool) {
	pad := func(n int) (string, bool) { return fmt.Sprintf("%0*d", f.width, n), true }
	h, m, s := durParts(l, r.secs)
	switch f.id {
	case elemRID:
		return "AI", false
	case elemLength:
		return pad(l.width - f.col - f.width)
	case elemCharged:
		return r.charged, false
	case elemDest:
		return r.dest, false
	case elemTrunk:
		return r.trunk, false
	case elemAccount:
		return r.account, false
	case elemUnits:
		return pad(r.units)
	case elemEndYear:
		if f.width == 4 {
			return pad(end.Year())
		}
		return pad(end.Year() % 100)
	case elemEndMonth:
		return pad(int(end.Month()))
	case elemEndDay:
		return pad(end.Day())
	case elemEndHour:
		return pad(end.Hour())
	case elemEndMin:
		return pad(end.Minute())
	case elemEndSec:
		return pad(end.Second())
	case elemEnd10, elemDur10:
		return pad(0)
	case elemDurHour:
		return pad(h)
	case elemDurMin:
		return pad(m)
	case elemDurSec:
		return pad(s)
	}
	return "", false
}

// durParts splits seconds into the units the layout has: the largest
// takes what the smaller ones cannot hold.
func durParts(l *layout, secs int) (h, m, s int) {
	if l.has(elemDurHour) {
		h, secs = secs/3600, secs%3600
	}
	if l.has(elemDurMin) {
		m, secs = secs/60, secs%60
	}
	return h, m, secs
}
