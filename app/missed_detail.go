package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"calltally.app/app/ui"
	"calltally.app/i18n"
	"calltally.app/storage"
)

// The fields of the missed call's detail, in order.
const (
	missedFieldStart = iota
	missedFieldCaller
	missedFieldName
	missedFieldRang
	missedFieldDepartment
	missedFieldRing
	missedFieldVoicemail
	missedFieldPBX
	missedFieldReturn
	missedFields
)

var missedFieldLabels = [missedFields]string{
	"col.start", "col.external", "col.external_name", "missed.col_rang", "col.department",
	"col.ring", "col.voicemail", "col.pbx", "missed.col_returned",
}

// missedDetail shows every field of the chosen missed call. CallTally
// cannot dial, so it offers no "call back" button: the number is there
// to read.
type missedDetail struct {
	content *container.Scroll
	hint    *widget.Label
	form    *fyne.Container
	values  [missedFields]*widget.Label
}

func newMissedDetail() *missedDetail {
	d := &missedDetail{hint: ui.NewLabel(i18n.T("missed.select_hint"))}
	d.hint.Wrapping = fyne.TextWrapWord
	fields := make([]ui.Field, missedFields)
	for i, id := range missedFieldLabels {
		d.values[i] = ui.NewParagraph("")
		d.values[i].Selectable = true // so that the number can be copied
		fields[i] = ui.Field{Label: i18n.T(id), Input: d.values[i]}
	}
	d.form = ui.Form(fields...)
	d.form.Hide()
	d.content = container.NewScroll(ui.VBox(ui.NewBold(i18n.T("detail.title")), d.hint, d.form))
	return d
}

// set shows m, or the hint when m is nil.
func (d *missedDetail) set(m *storage.Missed) {
	d.hint.Hidden, d.form.Hidden = m != nil, m == nil
	if m != nil {
		for i, v := range missedFieldValues(m) {
			ui.SetText(d.values[i], v)
		}
	}
	d.content.Refresh() // the form's height changed
}

func missedFieldValues(m *storage.Missed) [missedFields]string {
	yesNo := map[bool]string{true: i18n.T("common.yes"), false: i18n.T("common.no")}
	v := [missedFields]string{
		missedFieldStart:      i18n.DateTime(m.Start),
		missedFieldCaller:     callerText(m),
		missedFieldName:       m.ExternalName,
		missedFieldRang:       dashParty(m.Extension, m.ExtensionName),
		missedFieldDepartment: m.Department,
		missedFieldRing:       i18n.Duration(m.Ring),
		missedFieldVoicemail:  yesNo[m.Voicemail],
		missedFieldPBX:        m.PBX,
		missedFieldReturn:     returnText(m.Return),
	}
	if m.ExternalE164 != "" && m.ExternalE164 != m.External {
		v[missedFieldCaller] += " (" + m.ExternalE164 + ")"
	}
	for i := range v {
		if v[i] == "" {
			v[i] = "–"
		}
	}
	return v
}
