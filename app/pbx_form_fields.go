package app

import (
	"path"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"calltally.app/app/ui"
	"calltally.app/collector/classify"
	"calltally.app/drivers"
	"calltally.app/i18n"
	"calltally.app/storage"
)

// answerers are the answerer choices, in the order the form lists them.
var answerers = []drivers.Attribution{drivers.FinalAnswerer, drivers.FirstAnswerer}

// pbxExtras are the form's fields beyond the connection itself: those
// only some transports use (as storage.PBXSystem.Check accepts them) and
// how the PBX's calls are read and counted.
type pbxExtras struct {
	allow, glob, processed, dialPlan *widget.Entry
	answerer                         *ui.Select
}

func newPBXExtras() pbxExtras {
	x := pbxExtras{allow: widget.NewEntry(), glob: widget.NewEntry(), processed: widget.NewEntry(), dialPlan: widget.NewEntry()}
	x.allow.SetPlaceHolder("192.0.2.10, 198.51.100.0/24")
	x.glob.SetPlaceHolder("cdr_*.csv")
	x.processed.SetPlaceHolder("done")
	x.dialPlan.SetPlaceHolder("country=DE area=30 access=0 internal=200-299")
	labels := make([]string, len(answerers))
	for i, a := range answerers {
		labels[i] = i18n.T("pbx.answerer_" + string(a))
	}
	x.answerer = ui.NewSelect(labels, nil)
	return x
}

// fillExtras shows p's values.
func (x *pbxExtras) fillExtras(p storage.PBXSystem) {
	x.allow.SetText(strings.Join(p.Allow, ", "))
	x.glob.SetText(p.Glob)
	x.processed.SetText(p.Processed)
	x.dialPlan.SetText(p.DialPlan)
	x.answerer.SetSelectedIndex(max(slices.Index(answerers, p.Answerer), 0))
}

// The transports each optional field applies to, as `pbx add` documents
// its flags and storage.PBXSystem.Check enforces them.
func usesAllow(t drivers.Transport) bool    { return t == drivers.TCPListen }
func usesPassword(t drivers.Transport) bool { return t == drivers.SFTP || t == drivers.SFTPReceive }
func usesProcessed(t drivers.Transport) bool {
	return t == drivers.Folder || t == drivers.SFTP
}
func usesGlob(t drivers.Transport) bool { return usesProcessed(t) || t == drivers.SFTPReceive }

// relayout shows the fields that apply to the chosen transport, in one
// form so that their labels line up.
func (f *pbxForm) relayout() {
	t := f.chosenTransport()
	fields := []ui.Field{
		{Label: i18n.T("pbx.name"), Input: f.name},
		{Label: i18n.T("pbx.driver"), Input: f.driver},
		{Label: i18n.T("pbx.transport"), Input: f.transport},
		{Label: i18n.T("pbx.address"), Input: f.address},
	}
	optional := []struct {
		show  bool
		field ui.Field
	}{
		{usesPassword(t), ui.Field{Label: i18n.T("pbx.password"), Input: f.password}},
		{usesAllow(t), ui.Field{Label: i18n.T("pbx.allow"), Input: f.allow}},
		{usesGlob(t), ui.Field{Label: i18n.T("pbx.glob"), Input: f.glob}},
		{usesProcessed(t), ui.Field{Label: i18n.T("pbx.processed"), Input: f.processed}},
	}
	for _, o := range optional {
		if o.show {
			fields = append(fields, o.field)
		}
	}
	fields = append(fields,
		ui.Field{Label: i18n.T("settings.time_zone"), Input: f.zone},
		ui.Field{Label: i18n.T("pbx.dial_plan"), Input: f.dialPlan},
		ui.Field{Label: i18n.T("pbx.answerer"), Input: f.answerer},
		ui.Field{Label: i18n.T("pbx.settings"), Input: f.settings},
		ui.Field{Label: "", Input: f.enabled},
	)
	f.fieldsBox.Objects = []fyne.CanvasObject{ui.Form(fields...)}
	f.fieldsBox.Refresh()
	if f.body != nil {
		f.body.Refresh() // lay the rows under the fields out again
	}
}

// applyExtras puts the optional fields in p, dropping those its transport
// does not use, or says what is wrong with them.
func (f *pbxForm) applyExtras(p *storage.PBXSystem) string {
	t := drivers.Transport(p.Transport)
	p.Allow, p.Glob, p.Processed = nil, "", ""
	if usesAllow(t) {
		for _, a := range splitAllowList(f.allow.Text) {
			if _, err := storage.AllowedPrefix(a); err != nil {
				return i18n.T("pbx.bad_allow", "Value", a)
			}
			p.Allow = append(p.Allow, a)
		}
	}
	if usesGlob(t) {
		p.Glob = strings.TrimSpace(f.glob.Text)
		if _, err := path.Match(p.Glob, ""); err != nil {
			return i18n.T("pbx.bad_glob", "Value", p.Glob)
		}
	}
	if usesProcessed(t) {
		p.Processed = strings.TrimSpace(f.processed.Text)
	}
	plan, err := classify.ParseOptional(f.dialPlan.Text)
	if err != nil {
		return i18n.T("pbx.bad_dial_plan", "Detail", err.Error())
	}
	p.DialPlan = ""
	if plan != nil {
		p.DialPlan = plan.String()
	}
	p.Answerer = answerers[max(f.answerer.SelectedIndex(), 0)]
	return ""
}

// splitAllowList splits a comma-separated list, dropping blanks.
func splitAllowList(v string) []string {
	var out []string
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
