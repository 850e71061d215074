package avayacm

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"calltally.app/drivers"
)

// encodeLayout is the layout Encode writes: the default customized one.
var encodeLayout = mustLayout(formatCustomized, true, false, defaultFields)

// What Encode writes where the call does not say.
const (
	arsCode  = "9"   // the ARS access code users dial before an outside number
	maxSecs  = 35999 // 9:59:59; the CM splits longer calls with interim records
	firstTAC = 100   // trunk line n has the trunk access code 100+n
)

// Encode writes c as a CM set up as README.md recommends would send it:
// records in the default customized layout, CR LF terminated, stamped
// with the minute the call (or its ringing) ended. An answered inbound
// call is the ringing interval (condition code G) and the call (9); an
// inbound call nobody answered its ringing (H); an answered outbound call
// is one ARS record (7), an answered internal call one record (0). As on
// a CM that suppresses ineffective attempts, unanswered outbound and
// internal calls write nothing. c.Trunk is a line number: line 1 is the
// trunk access code 101.
func Encode(w io.Writer, c *drivers.Call) error {
	recs, err := encodeRecords(c)
	if err != nil {
		return fmt.Errorf("encode call %s: %w", c.CallID, err)
	}
	var b strings.Builder
	for i := range recs {
		if err := writeRecord(&b, encodeLayout, &recs[i]); err != nil {
			return fmt.Errorf("encode call %s: %w", c.CallID, err)
		}
	}
	_, err = io.WriteString(w, b.String())
	return err
}

// encodeRecords lists the records the CM writes for c, in order.
func encodeRecords(c *drivers.Call) ([]record, error) {
	if len(c.Legs) == 0 {
		return nil, errors.New("no legs")
	}
	answer, end, answered, err := span(c)
	if err != nil {
		return nil, err
	}
	r := record{end: end, secs: seconds(end.Sub(answer)), dialed: c.Dialled, calling: c.Extension, account: c.AccountCode}
	switch c.Direction {
	case drivers.Inbound:
		return inboundRecords(c, r, answer, answered)
	case drivers.Outbound:
		r.cond, r.codeDial, r.dialed = conditions['7'], arsCode, cmp.Or(c.External, c.Dialled)
		r.codeUsed, err = trunkAccessCode(c.Trunk)
		return keepAnswered(r, answered), err
	case drivers.Internal:
		r.cond = conditions['0']
		return keepAnswered(r, answered), nil
	}
	return nil, fmt.Errorf("direction %q: Encode writes inbound, outbound and internal calls", c.Direction)
}

// inboundRecords writes the ringing interval and the call's record, with
// the extension first reached as dialed number: without call splitting
// the CM writes one record for a transferred call.
func inboundRecords(c *drivers.Call, r record, answer time.Time, answered bool) ([]record, error) {
	tac, err := trunkAccessCode(c.Trunk)
	if err != nil {
		return nil, err
	}
	r.inTrk, r.calling, r.dialed = tac, c.External, cmp.Or(c.Legs[0].Party, c.Extension)
	ring := r
	ring.end, ring.secs = answer, seconds(answer.Sub(c.Start))
	if !answered {
		ring.cond = conditions['H']
		return []record{ring}, nil
	}
	ring.cond, r.cond = conditions['G'], conditions['9']
	return []record{ring, r}, nil
}

func keepAnswered(r record, answered bool) []record {
	if !answered {
		return nil
	}
	return []record{r}
}

// span returns when the call was answered (its end if never), when it
// ended and whether anyone (or voicemail) answered.
func span(c *drivers.Call) (answer, end time.Time, answered bool, err error) {
	end = c.Start
	for _, l := range c.Legs {
		if l.Ring < 0 || l.Talk < 0 || l.Hold < 0 {
			return answer, end, false, errors.New("negative seconds")
		}
		legEnd := l.Start.Add(time.Duration(l.Ring+l.Talk+l.Hold) * time.Second)
		if legEnd.After(end) {
			end = legEnd
		}
		if !answered && (l.Outcome == drivers.Answered || l.Outcome == drivers.Voicemail) {
			answer, answered = l.Start.Add(time.Duration(l.Ring)*time.Second), true
		}
	}
	if !answered {
		answer = end
	}
	if end.Sub(c.Start) > maxSecs*time.Second {
		return answer, end, answered, errors.New("longer than 10 hours: the CM splits such calls, Encode does not")
	}
	return answer, end, answered, nil
}

func seconds(d time.Duration) int { return int(d / time.Second) }

// trunkAccessCode renders a line number as its trunk group's access code.
func trunkAccessCode(line string) (string, error) {
	n, ok := drivers.Atoi(line)
	if !ok || n < 1 || n > 899 {
		return "", fmt.Errorf("trunk %q: want a line number from 1 to 899", line)
	}
	return strconv.Itoa(firstTAC + n), nil
}

// writeRecord lays r out as l says: numbers right-aligned, digit strings
// left-aligned, the items CallTally does not fill blank.
func writeRecord(b *strings.Builder, l *layout, r *record) error {
	line := []byte(strings.Repeat(" ", l.width))
	for _, f := range l.fields {
		v, right := itemText(f, r)
		if len(v) > f.width || strings.ContainsAny(v, "\r\n") {
			return &drivers.FieldError{Field: f.col + 1, Name: f.name, Value: v, Reason: fmt.Sprintf("does not fit %d characters", f.width)}
		}
		at := f.col
		if right {
			at += f.width - len(v)
		}
		copy(line[at:], v)
	}
	b.Write(line)
	b.WriteString("\r\n")
	return nil
}

// itemText is the text of item f of r, and whether it is right-aligned.
func itemText(f field, r *record) (string, bool) {
	switch f.id {
	case itemDate:
		return r.end.Format("010206"), true
	case itemTime:
		return r.end.Format("1504"), true
	case itemSecDur:
		return fmt.Sprintf("%0*d", f.width, r.secs), true
	case itemDuration:
		return fmt.Sprintf("%d%02d%d", r.secs/3600, r.secs/60%60, r.secs%60/6), true
	case itemCond:
		return string(r.cond.code), true
	case itemCodeDial:
		return r.codeDial, true
	case itemCodeUsed:
		return r.codeUsed, true
	case itemInTrk:
		return r.inTrk, true
	case itemDialed:
		return r.dialed, false
	case itemCalling:
		return r.calling, false
	case itemAccount:
		return r.account, false
	case itemUCID:
		return r.ucid, false
	}
	return "", false
}
