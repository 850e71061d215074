package app

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"calltally.app/app/ui"
	"calltally.app/i18n"
	"calltally.app/storage"
)

// pbxInfo is the detail pane of the selected PBX: its status from the
// collector's heartbeat, its buttons, what a connection test found, and
// its latest raw records with what became of each.
type pbxInfo struct {
	s       *pbxScreen
	content fyne.CanvasObject

	name                              *widget.Label
	state, lastRecord, today, lastErr *widget.Label
	testResult                        *widget.Label
	records                           *widget.List
	recent                            []storage.StoredRecord
	noRecords                         *widget.Label
}

func newPBXInfo(s *pbxScreen) *pbxInfo {
	in := &pbxInfo{s: s, name: ui.NewBold(""), state: ui.NewLabel(""), lastRecord: ui.NewLabel(""),
		today: ui.NewLabel(""), lastErr: ui.NewLabel(""), testResult: ui.NewLabel(""), noRecords: ui.NewLabel("")}
	in.name.SizeName = theme.SizeNameHeadingText
	for _, l := range []*widget.Label{in.state, in.lastErr, in.testResult} {
		l.Wrapping = fyne.TextWrapWord
	}
	in.records = widget.NewList(func() int { return len(in.recent) }, newRecordRow, in.updateRecord)
	edit := ui.NewButton(i18n.T("button.edit"), func() { in.withSelected(s.openFormFor) })
	remove := ui.NewButton(i18n.T("button.delete"), func() { in.withSelected(s.confirmRemove) })
	remove.Importance = widget.DangerImportance
	test := ui.NewButton(i18n.T("button.test_connection"), func() { in.withSelected(s.testConnection) })
	importFile := ui.NewButton(i18n.T("pbx.import_file"), func() { in.withSelected(s.chooseImport) })
	status := ui.Form(
		ui.Field{Label: i18n.T("pbx.status"), Input: in.state},
		ui.Field{Label: i18n.T("pbx.last_record"), Input: in.lastRecord},
		ui.Field{Label: i18n.T("pbx.today"), Input: in.today},
		ui.Field{Label: i18n.T("pbx.last_error"), Input: in.lastErr},
	)
	top := ui.VBox(in.name, status, ui.HBox(edit, test, importFile, remove), in.testResult,
		widget.NewSeparator(), ui.NewBold(i18n.T("pbx.live_records")), in.noRecords)
	in.content = ui.Border(top, nil, nil, nil, in.records)
	return in
}

func (in *pbxInfo) withSelected(fn func(storage.PBXSystem)) {
	if p, _, _, ok := in.s.system(); ok {
		fn(p)
	}
}

// update shows p's status as of now and its latest records.
func (in *pbxInfo) update(p storage.PBXSystem, st storage.ServiceStatus, reported bool, recent []storage.StoredRecord, now time.Time) {
	ui.SetText(in.name, p.Name)
	text, imp := pbxState(p, st, reported, now)
	in.state.Importance = imp
	ui.SetText(in.state, text)
	last, today, lastErr := "–", "–", "–"
	if reported {
		today = i18n.T("count.records_today", "Count", st.RecordsToday)
		if !st.LastRecord.IsZero() {
			last = i18n.DateTime(st.LastRecord.Local())
		}
		if st.LastError != "" {
			lastErr = st.LastError
		}
	}
	ui.SetText(in.lastRecord, last)
	ui.SetText(in.today, today)
	ui.SetText(in.lastErr, lastErr)
	in.recent = recent
	ui.SetText(in.noRecords, "")
	if len(recent) == 0 {
		ui.SetText(in.noRecords, i18n.T("pbx.no_records_yet"))
	}
	in.records.Refresh()
}

// pbxState says in words what the collector last reported about p and
// how much that report can be trusted now.
func pbxState(p storage.PBXSystem, st storage.ServiceStatus, reported bool, now time.Time) (string, widget.Importance) {
	switch {
	case !p.Enabled:
		return i18n.T("pbx.disabled"), widget.LowImportance
	case !reported:
		return i18n.T("pbx.no_report"), widget.WarningImportance
	case st.Stale(now):
		return i18n.T("pbx.collector_stopped", "Time", st.Updated.Local()), widget.DangerImportance
	}
	age := i18n.T("pbx.reported", "Duration", i18n.Duration(int(max(now.Sub(st.Updated), 0).Seconds())))
	text, imp := stateWords(st.State)
	return text + " · " + age, imp
}

// stateWords names a collector state (see collector/status.go).
func stateWords(state string) (string, widget.Importance) {
	switch state {
	case "connected":
		return i18n.T("pbx.connected"), widget.SuccessImportance
	case "listening":
		return i18n.T("pbx.state_listening"), widget.MediumImportance
	case "polling":
		return i18n.T("pbx.state_polling"), widget.SuccessImportance
	case "starting":
		return i18n.T("pbx.state_starting"), widget.MediumImportance
	case "waiting":
		return i18n.T("pbx.state_waiting"), widget.WarningImportance
	case "stopped":
		return i18n.T("pbx.state_stopped"), widget.WarningImportance
	case "misconfigured":
		return i18n.T("pbx.state_misconfigured"), widget.DangerImportance
	}
	return i18n.T("pbx.disconnected"), widget.DangerImportance
}

func newRecordRow() fyne.CanvasObject {
	text := ui.NewLabel("")
	text.TextStyle.Monospace = true
	text.Truncation = fyne.TextTruncateEllipsis
	return ui.VBox(text, ui.NewLabel(""))
}

func (in *pbxInfo) updateRecord(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(in.recent) {
		return
	}
	r := in.recent[id]
	box := o.(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(r.Text) // raw as sent: no bidi reordering
	outcome, imp := recordOutcome(r)
	line := box.Objects[1].(*widget.Label)
	line.Importance = imp
	ui.SetText(line, i18n.DateTime(r.Received.Local())+" · "+outcome)
}

// recordOutcome says what became of a stored raw record.
func recordOutcome(r storage.StoredRecord) (string, widget.Importance) {
	switch r.Status {
	case storage.StatusOK:
		return i18n.T("pbx.record_ok"), widget.SuccessImportance
	case storage.StatusPending:
		return i18n.T("pbx.parse_pending"), widget.MediumImportance
	case storage.StatusIgnored:
		return i18n.T("pbx.record_ignored"), widget.LowImportance
	}
	return i18n.T("pbx.parse_error", "Detail", r.Error), widget.DangerImportance
}

// confirmRemove asks before removing p; its calls stay.
func (s *pbxScreen) confirmRemove(p storage.PBXSystem) {
	ui.Confirm(s.e, i18n.T("pbx.remove_confirm", "Value", p.Name), i18n.T("button.delete"), func() {
		ui.Run(s.e, func(ctx context.Context) (struct{}, error) {
			return struct{}{}, s.e.Store.RemovePBXSystem(ctx, s.e.Slug, p.Name)
		}, func(_ struct{}, err error) {
			if err != nil {
				ui.ShowError(s.e, err, "")
				return
			}
			s.selected = ""
			s.list.UnselectAll()
			s.Refresh()
		})
	})
}
