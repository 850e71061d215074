package mitelmxone

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"calltally.app/drivers"
)

// headerBlock is the start of a CIL file: comment lines, the seventh
// naming the columns. What the MX-ONE writes in the first six is not
// public; these stand in for them, and the parser reads none of them.
var headerBlock = []string{
	"# MX-ONE Call Information Logging",
	"# Output: 0",
	"# LIM: 1",
	"# Subtype: commaseparated",
	"# Record terminator: NL",
	"# Fields:",
}

// isPreamble reports the lines of a CIL file's header block: every file
// starts with them, and the column line among them sets the layout, so
// the collector passes them to the parser again where a file is read
// from its middle. A column line without "#" counts too.
func isPreamble(text string) bool {
	text = trim(text)
	if strings.HasPrefix(text, "#") {
		return true
	}
	_, ok := columnLine(text, &defaultNames)
	return ok
}

// defaultNames are the role names of the default settings.
var defaultNames = func() roleNames {
	s := map[string]string{}
	for _, set := range settings {
		s[set.Name] = set.Default
	}
	rn, err := readRoleNames(s)
	if err != nil {
		panic("mitelmxone: " + err.Error()) // the defaults are wrong: a programming error
	}
	return rn
}()

// Header writes the header block of a CIL file, the column line last:
// "# " and the column names separated by ", ".
func Header(w io.Writer) error {
	var b strings.Builder
	for _, line := range headerBlock {
		b.WriteString(line + "\n")
	}
	b.WriteString("# " + strings.Join(defaultColumns, ", ") + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// simulatedVoicemail is the pilot number Encode writes as the answering
// party of calls voicemail took: voicemail is a party like any other to
// the MX-ONE.
const simulatedVoicemail = "8000"

// Encode writes c as the MX-ONE would in the default layout: one record,
// LF-terminated. Internal calls are written as nothing: a CIL output logs
// external calls only, unless internal logging was switched on. c.Trunk,
// a line number, is written as the route.
func Encode(w io.Writer, c *drivers.Call) error {
	v, ok := values(c)
	if !ok {
		return nil
	}
	var b strings.Builder
	for i, s := range v {
		if strings.ContainsAny(s, ",\"\r\n") {
			return &drivers.FieldError{Field: i + 1, Name: defaultColumns[i], Value: s, Reason: "a CIL field cannot hold a comma, a quote or a line break"}
		}
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(s)
	}
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
}

// values returns the fields of c's record in the order of defaultColumns;
// false for calls the MX-ONE does not log.
func values(c *drivers.Call) ([]string, bool) {
	talk := 0
	if c.Answered {
		talk = c.Duration
	}
	v := []string{c.Start.Format(startLayout + " (MST)"), formatDuration(talk), "", "", c.Dialled, "", "", "", c.AccountCode}
	switch c.Direction {
	case drivers.Inbound:
		v[2], v[3], v[5], v[6] = strconv.Itoa(inboundCode(c)), c.External, answering(c), c.Trunk
	case drivers.Outbound:
		v[2], v[3], v[7] = strconv.Itoa(outboundCode(c)), c.Extension, c.Trunk
		if v[4] == "" {
			v[4] = c.External
		}
	case drivers.Tandem:
		v[2], v[3], v[6], v[7] = strconv.Itoa(inboundCode(c)), c.External, c.Trunk, c.Trunk
	default:
		return nil, false
	}
	return v, true
}

func formatDuration(sec int) string {
	return fmt.Sprintf("%dd%02d:%02d:%02d", sec/86400, sec/3600%24, sec/60%60, sec%60)
}

// answering is who had the caller last: the final answerer, the
// voicemail, or nobody.
func answering(c *drivers.Call) string {
	for i := len(c.Legs) - 1; i >= 0; i-- {
		switch c.Legs[i].Outcome {
		case drivers.Answered:
			return c.Legs[i].Party
		case drivers.Voicemail:
			return simulatedVoicemail
		}
	}
	return ""
}

// inboundCode is 7, plus 64 when someone other than the party first rung
// answered (a transfer, a diversion, voicemail); 23 when nobody did.
func inboundCode(c *drivers.Call) int {
	switch outcome(c) {
	case drivers.Busy:
		return 29
	case drivers.Failed:
		return 30
	}
	if !c.Answered {
		return 23
	}
	if len(c.Legs) > 0 && answering(c) != c.Legs[0].Party {
		return 7 + modOther
	}
	return 7
}

func outboundCode(c *drivers.Call) int {
	switch o := outcome(c); {
	case c.Answered:
		return 10
	case o == drivers.Busy:
		return 29
	case o == drivers.Failed:
		return 30
	}
	return 28
}

// outcome is how the call's last leg ended.
func outcome(c *drivers.Call) drivers.Outcome {
	if len(c.Legs) == 0 {
		return ""
	}
	return c.Legs[len(c.Legs)-1].Outcome
}
