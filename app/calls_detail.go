package app

import (
	"context"
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"calltally.app/app/export"
	"calltally.app/app/ui"
	"calltally.app/drivers"
	"calltally.app/i18n"
)

// callDetail is the pane beside the grid: every field of the selected
// call, its legs and the raw records it was read from.
type callDetail struct {
	e       *ui.Env
	box     *fyne.Container // what the pane shows, rebuilt per call
	raw     *fyne.Container // the raw records, once read
	shown   *drivers.Call
	content fyne.CanvasObject
}

func newCallDetail(e *ui.Env) *callDetail {
	d := &callDetail{e: e}
	hint := ui.NewParagraph(i18n.T("calls.select_hint"))
	d.box = ui.VBox(ui.NewBold(i18n.T("detail.title")), hint)
	d.content = container.NewScroll(d.box) // both ways: a long field never widens the window
	return d
}

// show fills the pane with c and starts reading its raw records.
func (d *callDetail) show(c *drivers.Call) {
	d.shown = c
	d.raw = ui.VBox(ui.NewLabel(i18n.T("common.loading")))
	d.box.Objects = []fyne.CanvasObject{
		ui.NewBold(i18n.T("detail.title")), callFields(c),
		widget.NewSeparator(), ui.NewBold(i18n.T("col.legs")), legsGrid(c.Legs),
		widget.NewSeparator(), ui.NewBold(i18n.T("col.raw_records")), d.raw,
	}
	d.box.Refresh()
	ids := c.Records()
	ui.Run(d.e, func(ctx context.Context) (map[int64]drivers.Record, error) {
		return d.e.Tenant.Records(ctx, ids)
	}, func(recs map[int64]drivers.Record, err error) {
		if d.shown == c {
			d.showRaw(ids, recs, err)
		}
	})
}

// showRaw lists the call's raw records as the PBX sent them.
func (d *callDetail) showRaw(ids []int64, recs map[int64]drivers.Record, err error) {
	var objects []fyne.CanvasObject
	for _, id := range ids {
		rec, ok := recs[id]
		if !ok {
			continue
		}
		where := widget.NewLabel(fmt.Sprintf("%s:%d", rec.Source, rec.Line)) // a file or address: no bidi
		where.Importance = widget.LowImportance
		text := widget.NewLabelWithStyle(rec.Text, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
		text.Wrapping = fyne.TextWrapBreak
		objects = append(objects, where, text)
	}
	switch {
	case err != nil:
		objects = []fyne.CanvasObject{ui.NewLabel(ui.Explain(err, ""))}
	case len(objects) == 0:
		l := ui.NewParagraph(i18n.T("calls.no_raw"))
		objects = []fyne.CanvasObject{l}
	}
	d.raw.Objects = objects
	d.raw.Refresh()
}

// callFields is every field of c, one per line, empty ones left out.
func callFields(c *drivers.Call) fyne.CanvasObject {
	a := &c.Accounting
	rows := [][2]string{
		{"col.start", i18n.Date(c.Start) + " " + c.Start.Format("15:04:05")},
		{"col.direction", export.DirectionText(c.Direction)},
		{"col.extension", c.Extension}, {"col.extension_name", c.ExtensionName},
		{"col.first_answerer", c.FirstAnswerer}, {"col.final_answerer", c.FinalAnswerer},
		{"col.external", c.External}, {"col.external_name", c.ExternalName},
		{"col.external_e164", a.ExternalE164}, {"col.dialled", c.Dialled},
		{"col.trunk", c.Trunk}, {"col.account_code", c.AccountCode},
		{"col.duration", i18n.Duration(c.Duration)}, {"col.ring", i18n.Duration(c.Ring)},
		{"col.hold", i18n.Duration(c.Hold)}, {"leg.outcome", i18n.T(export.OutcomeID(c))},
		{"col.voicemail", yesNo(c.Voicemail)},
		{"col.transferred_from", c.TransferredFrom}, {"col.forwarded_from", c.ForwardedFrom},
		{"col.department", a.Department}, {"col.cost_centre", a.CostCentre},
		{"col.rated", yesNo(a.Rated)}, {"col.cost", costText(c)}, {"col.rate", a.Rate},
		{"col.country", a.Destination.Country}, {"col.number_type", valueLabel("numbertype.", a.Destination.Type)},
		{"col.scope", valueLabel("scope.", a.Destination.Scope)},
		{"col.pbx", c.PBX}, {"col.driver", c.Driver}, {"col.call_id", c.CallID},
		{"col.charge_units", strconv.Itoa(c.ChargeUnits)}, {"col.partial", yesNo(c.Partial)},
	}
	var fields []ui.Field
	for _, r := range rows {
		if r[1] == "" {
			continue
		}
		value := ui.NewParagraph(r[1])
		fields = append(fields, ui.Field{Label: i18n.T(r[0]), Input: value})
	}
	return ui.Form(fields...)
}

func yesNo(b bool) string {
	if b {
		return i18n.T("common.yes")
	}
	return i18n.T("common.no")
}

// valueLabel is the message for a value the data carries ("numbertype." +
// "mobile"), empty for no value.
func valueLabel(prefix, value string) string {
	if value == "" {
		return ""
	}
	return i18n.T(prefix + value)
}

// legsGrid lists the legs of a call, a row each under a title row.
func legsGrid(legs []drivers.Leg) fyne.CanvasObject {
	titles := []string{"col.extension", "leg.peer", "col.start", "col.ring", "leg.talk", "col.hold", "leg.outcome", "leg.record"}
	cells := make([]fyne.CanvasObject, 0, len(titles)*(len(legs)+1))
	for _, id := range titles {
		cells = append(cells, ui.NewBold(i18n.T(id)))
	}
	for _, l := range legs {
		for _, text := range []string{
			partyText(l.Party, l.PartyName), l.Peer, l.Start.Format("15:04:05"), i18n.Duration(l.Ring),
			i18n.Duration(l.Talk), i18n.Duration(l.Hold), valueLabel("outcome.", string(l.Outcome)), strconv.FormatInt(l.Record, 10),
		} {
			cell := ui.NewLabel(text)
			cell.Wrapping = fyne.TextWrapBreak
			cells = append(cells, cell)
		}
	}
	return container.NewHScroll(ui.Grid(len(titles), cells...))
}
