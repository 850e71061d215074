package threecx

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"calltally.app/drivers"
)

// A cdr is one record being written, field by field, in the default order.
type cdr [numFields]string

const (
	timeLayout    = "2006/01/02 15:04:05"
	firstLineDN   = 10000 // 3CX numbers its lines (trunks) from here
	voicemailNo   = "Ext.999"
	defaultCallID = "1"
)

// Encode writes c as 3CX would with the default field list and UTC times:
// one record per leg (segment), all with c's historyid, CR LF terminated.
// c.Trunk is a line number: 1 is the line DN 10000, 2 is 10001. A leg that
// follows an answered one was transferred to (reason-changed ReplacedDst);
// a voicemail leg is the voicemail (Ext.999) of the extension before it.
func Encode(w io.Writer, c *drivers.Call) error {
	if len(c.Legs) == 0 {
		return fmt.Errorf("encode call %s: no legs", c.CallID)
	}
	shared, err := sharedFields(c)
	if err != nil {
		return fmt.Errorf("encode call %s: %w", c.CallID, err)
	}
	var b strings.Builder
	chain := []string{callerNumber(c)}
	for i := range c.Legs {
		f := shared
		if chain, err = legFields(&f, c, i, chain); err == nil {
			err = writeRecord(&b, &f)
		}
		if err != nil {
			return fmt.Errorf("encode call %s leg %d: %w", c.CallID, i+1, err)
		}
	}
	_, err = io.WriteString(w, b.String())
	return err
}

// sharedFields fills what every record of the call carries: its ids, the
// caller and, on outbound calls, the account code.
func sharedFields(c *drivers.Call) (cdr, error) {
	var f cdr
	id := c.CallID
	if id == "" {
		id = defaultCallID
	}
	if _, ok := drivers.Digits(id, 18); !ok {
		return f, fmt.Errorf("call ID %q: want a whole number", c.CallID)
	}
	f[fHistoryID] = "Call " + id
	// 3CX's callid is the call's start in milliseconds, in hex, and a counter.
	f[fCallID] = fmt.Sprintf("%016X_%s", c.Start.UnixMilli(), id)
	switch c.Direction {
	case drivers.Inbound:
		line, err := lineDN(c.Trunk)
		f[fFromNo], f[fFromDN], f[fFromType], f[fFromDispname] = c.External, line, "Line", c.ExternalName
		return f, err
	case drivers.Outbound:
		f[fBillCode] = c.AccountCode
		fallthrough
	case drivers.Internal:
		f[fFromNo], f[fFromDN], f[fFromType], f[fFromDispname] = "Ext."+c.Extension, c.Extension, "Extension", c.ExtensionName
		return f, nil
	}
	return f, fmt.Errorf("direction %q: 3CX writes only inbound, outbound and internal calls here", c.Direction)
}

// lineDN renders a line number as the DN 3CX gives the line.
func lineDN(trunk string) (string, error) {
	n, ok := drivers.Atoi(trunk)
	if !ok || n < 1 || n > 999 {
		return "", fmt.Errorf("trunk %q: want a line number from 1 to 999", trunk)
	}
	return strconv.Itoa(firstLineDN + n - 1), nil
}

func callerNumber(c *drivers.Call) string {
	if c.Direction == drivers.Inbound {
		return c.External
	}
	return "Ext." + c.Extension
}

// legFields fills the record of leg i: its times, its destination and the
// chain of parties so far, which it returns.
func legFields(f *cdr, c *drivers.Call, i int, chain []string) ([]string, error) {
	l := &c.Legs[i]
	if l.Ring < 0 || l.Talk < 0 || l.Hold < 0 {
		return chain, errors.New("negative seconds")
	}
	timeFields(f, c, l)
	var err error
	if c.Direction == drivers.Outbound {
		err = outboundFields(f, c, l)
	} else {
		err = calleeFields(f, c, i)
	}
	if err != nil {
		return chain, err
	}
	chain = append(chain, f[fToNo])
	if l.Outcome != drivers.Failed && l.Outcome != drivers.Busy {
		f[fChain] = "Chain: " + strings.Join(chain, ";") + ";"
	}
	return chain, nil
}

// timeFields writes the leg's times in UTC. Failed and busy attempts have
// no duration, as 3CX leaves it empty.
func timeFields(f *cdr, c *drivers.Call, l *drivers.Leg) {
	start := l.Start
	if start.IsZero() {
		start = c.Start
	}
	start = start.UTC()
	end := start.Add(time.Duration(l.Ring+l.Talk) * time.Second)
	f[fTimeStart], f[fTimeEnd] = start.Format(timeLayout), end.Format(timeLayout)
	f[fReasonTerminated], f[fDuration] = "TerminatedBySrc", drivers.FormatHMS(0)
	switch l.Outcome {
	case drivers.Answered, drivers.Voicemail:
		f[fTimeAnswered] = start.Add(time.Duration(l.Ring) * time.Second).Format(timeLayout)
		f[fDuration] = drivers.FormatHMS(l.Talk)
	case drivers.Failed:
		f[fReasonTerminated], f[fDuration] = "Failed", ""
	case drivers.Busy:
		f[fReasonTerminated], f[fDuration] = "Failed_Busy", ""
	}
}

// outboundFields writes the number called, reached through the line; a
// failed attempt got no line, and 3CX writes the number as its DN.
func outboundFields(f *cdr, c *drivers.Call, l *drivers.Leg) error {
	f[fToNo], f[fToDN], f[fToType], f[fDialNo] = c.External, c.External, "Line", c.Dialled
	if f[fDialNo] == "" {
		f[fDialNo] = c.External
	}
	if l.Outcome == drivers.Failed {
		return nil
	}
	line, err := lineDN(c.Trunk)
	f[fToDN] = line
	return err
}

// calleeFields writes the party leg i of an inbound or internal call was
// for. A leg after an answered one was transferred to it.
func calleeFields(f *cdr, c *drivers.Call, i int) error {
	l := &c.Legs[i]
	f[fDialNo] = c.Dialled
	if i > 0 {
		f[fDialNo] = l.Party
	}
	switch {
	case l.Outcome == drivers.Voicemail:
		owner := mailbox(c, i)
		f[fToNo], f[fToDN], f[fToType], f[fToDispname] = voicemailNo, owner, "VoiceMail", l.PartyName
		f[fDialNo] = owner
	case l.Party == "":
		return errors.New("a leg without a party")
	default:
		f[fToNo], f[fToDN], f[fToType], f[fToDispname] = "Ext."+l.Party, l.Party, "Extension", l.PartyName
	}
	if i > 0 && c.Legs[i-1].Outcome == drivers.Answered {
		f[fReasonChanged] = "ReplacedDst"
		f[fFinalNumber], f[fFinalDN], f[fFinalType], f[fFinalDispname] = f[fToNo], f[fToDN], f[fToType], f[fToDispname]
	}
	return nil
}

// mailbox is whose voicemail leg i is: its party's, else the extension
// that rang before it, else the one the call was for.
func mailbox(c *drivers.Call, i int) string {
	if p := c.Legs[i].Party; p != "" {
		return p
	}
	if i > 0 && c.Legs[i-1].Party != "" {
		return c.Legs[i-1].Party
	}
	if c.Direction == drivers.Internal {
		return c.Dialled
	}
	return c.Extension
}

// writeRecord joins the fields, CR LF terminated. 3CX has no quoting.
func writeRecord(b *strings.Builder, f *cdr) error {
	if err := drivers.JoinCommas(b, f[:], fieldNames[:], "3CX cannot carry a comma or line break"); err != nil {
		return err
	}
	b.WriteString("\r\n")
	return nil
}
