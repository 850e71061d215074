// Package export writes the calls a filter selects to CSV or Excel files,
// streaming them from storage so that a million rows take bounded memory.
// It has no GUI: the calls screen runs it under ui.Task.
package export

import (
	"strconv"
	"time"

	"calltally.app/drivers"
	"calltally.app/i18n"
)

// A column of an export: its localised title and its value for a call.
// Values are strings, or int64 where a spreadsheet should see a number.
type column struct {
	title string // message ID
	value func(*drivers.Call) any
}

// columns are the export's columns: every field a user reports on, plain
// values (seconds, decimal amounts, ISO dates) that spreadsheets read back
// without guessing.
var columns = []column{
	{"col.start", func(c *drivers.Call) any { return c.Start.Format(time.DateTime) }},
	{"col.direction", func(c *drivers.Call) any { return DirectionText(c.Direction) }},
	{"col.extension", func(c *drivers.Call) any { return c.Extension }},
	{"col.extension_name", func(c *drivers.Call) any { return c.ExtensionName }},
	{"col.external", func(c *drivers.Call) any { return c.External }},
	{"col.external_name", func(c *drivers.Call) any { return c.ExternalName }},
	{"col.external_e164", func(c *drivers.Call) any { return c.ExternalE164 }},
	{"calls.duration_seconds", func(c *drivers.Call) any { return int64(c.Duration) }},
	{"calls.ring_seconds", func(c *drivers.Call) any { return int64(c.Ring) }},
	{"calls.hold_seconds", func(c *drivers.Call) any { return int64(c.Hold) }},
	{"leg.outcome", func(c *drivers.Call) any { return i18n.T(OutcomeID(c)) }},
	{"col.department", func(c *drivers.Call) any { return c.Department }},
	{"col.cost_centre", func(c *drivers.Call) any { return c.CostCentre }},
	{"col.cost", costValue},
	{"col.currency", func(c *drivers.Call) any { return c.Currency }},
	{"col.scope", func(c *drivers.Call) any { return c.Destination.Scope }},
	{"col.country", func(c *drivers.Call) any { return c.Destination.Country }},
	{"col.pbx", func(c *drivers.Call) any { return c.PBX }},
	{"col.trunk", func(c *drivers.Call) any { return c.Trunk }},
	{"col.dialled", func(c *drivers.Call) any { return c.Dialled }},
	{"col.account_code", func(c *drivers.Call) any { return c.AccountCode }},
	{"col.call_id", func(c *drivers.Call) any { return c.CallID }},
}

// titles returns the columns' titles in the current language.
func titles() []string {
	out := make([]string, len(columns))
	for i, col := range columns {
		out[i] = i18n.T(col.title)
	}
	return out
}

// OutcomeID is the message ID of how a call ended, as the grid and the
// exports show it: a person answered, only voicemail did, or nobody.
func OutcomeID(c *drivers.Call) string {
	switch {
	case c.Voicemail:
		return "outcome." + string(drivers.Voicemail)
	case c.Answered:
		return "outcome." + string(drivers.Answered)
	}
	return "outcome." + string(drivers.Unanswered)
}

// DirectionText is a direction in the current language; a direction
// CallTally does not know is shown as stored.
func DirectionText(d drivers.Direction) string {
	if !d.Valid() {
		return string(d)
	}
	return i18n.T("direction." + string(d))
}

// costValue is the cost in the currency's major unit as a decimal with a
// point ("0.35"), exact from the micro-units, or empty when unpriced.
func costValue(c *drivers.Call) any {
	if !c.Rated {
		return ""
	}
	return Decimal(c.Cost)
}

// Decimal writes micro-units as a decimal number of major units with at
// least two decimals and no trailing zeros beyond: 350000 → "0.35",
// 1234567 → "1.234567", -50000 → "-0.05".
func Decimal(micros int64) string {
	sign := ""
	u := uint64(micros)
	if micros < 0 {
		sign, u = "-", uint64(-micros)
	}
	frac := strconv.FormatUint(u%1_000_000+1_000_000, 10)[1:] // six digits
	for len(frac) > 2 && frac[len(frac)-1] == '0' {
		frac = frac[:len(frac)-1]
	}
	return sign + strconv.FormatUint(u/1_000_000, 10) + "." + frac
}
