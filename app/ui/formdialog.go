package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"calltally.app/i18n"
)

// A FormSpec is a form in a dialog: its fields, how to check and store
// them, and what to do once stored.
type FormSpec struct {
	Title  string
	Fields []Field
	// Note is an optional hint under the fields (a format, say).
	Note string
	// Check reads the fields on Save: the work that stores them, or why
	// they cannot be stored, in the user's words (the dialog stays open).
	Check func() (store func(ctx context.Context) error, problem string)
	// Explain turns an error of store into words; nil uses Explain. The
	// dialog shows them and stays open, so nothing typed is lost.
	Explain func(error) string
	// Saved runs on the UI goroutine once store succeeded and the dialog
	// closed.
	Saved func()
}

// FormDialog is an open form: tests type into its fields and tap Save.
type FormDialog struct {
	Problem      *widget.Label
	Save, Cancel *widget.Button
	dialog       dialog.Dialog
	open         bool
}

// ShowForm opens spec's form with Save and Cancel buttons in the user's
// language (Fyne's form dialog labels its own in English). Storing runs
// off the UI goroutine; Save is off meanwhile.
func ShowForm(e *Env, spec FormSpec) *FormDialog {
	f := &FormDialog{Problem: NewProblem(), open: true}
	f.Cancel = NewButton(i18n.T("button.cancel"), f.Hide)
	f.Save = NewButton(i18n.T("button.save"), func() { f.save(e, spec) })
	f.Save.Importance = widget.HighImportance
	body := VBox(Form(spec.Fields...))
	if spec.Note != "" {
		note := NewParagraph(spec.Note)
		note.Importance = widget.LowImportance
		body.Add(note)
	}
	body.Add(f.Problem)
	content := VBox(body, HBox(f.Save, f.Cancel))
	f.dialog = dialog.NewCustomWithoutButtons(Text(spec.Title), content, e.Window)
	f.dialog.Resize(fyne.NewSize(560, 0))
	f.dialog.Show()
	return f
}

// Open reports whether the dialog is still shown.
func (f *FormDialog) Open() bool { return f.open }

// Hide closes the dialog without saving.
func (f *FormDialog) Hide() {
	f.open = false
	f.dialog.Hide()
}

func (f *FormDialog) save(e *Env, spec FormSpec) {
	store, problem := spec.Check()
	SetText(f.Problem, problem)
	if problem != "" || store == nil {
		return
	}
	f.Save.Disable()
	Run(e, func(ctx context.Context) (struct{}, error) {
		return struct{}{}, store(ctx)
	}, func(_ struct{}, err error) {
		f.Save.Enable()
		if err != nil {
			explain := spec.Explain
			if explain == nil {
				explain = func(err error) string { return Explain(err, "") }
			}
			SetText(f.Problem, explain(err))
			return
		}
		f.Hide()
		if spec.Saved != nil {
			spec.Saved()
		}
	})
}

// Report shows a summary with a scrollable block of details under it (the
// lines of an import's errors), and an OK button in the user's language.
func Report(e *Env, summary, details string) {
	text := NewParagraph(summary)
	lines := widget.NewLabel(Text(details))
	lines.Alignment = Start()
	lines.TextStyle.Monospace = true
	lines.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(lines)
	scroll.SetMinSize(fyne.NewSize(640, 240))
	showDialog(e, Border(text, nil, nil, nil, scroll), 0, func(hide func()) []fyne.CanvasObject {
		return []fyne.CanvasObject{NewButton(i18n.T("button.ok"), hide)}
	})
}
