package app

import (
	"context"
	"fmt"
	"io"
	"maps"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"calltally.app/app/ui"
	"calltally.app/drivers"
	"calltally.app/drivers/detect"
	"calltally.app/i18n"
)

// Detection shows the detectShown best candidates, and reads at most
// sampleLimit bytes of a chosen file: a sample, not a year of records.
const (
	detectShown = 5
	sampleLimit = 1 << 20
)

// pbxDetect is the "Detect from a sample" dialog of the PBX form: a
// sample chosen from a file or pasted, the drivers that read it best with
// a preview of their calls, and a button to use one in the form.
type pbxDetect struct {
	f      *pbxForm
	dialog dialog.Dialog

	sample      *widget.Entry
	browse, run *widget.Button
	status      *widget.Label
	results     *fyne.Container
	found       []detect.Candidate
	use         []*widget.Button // "Use this driver", one per candidate shown
	busy        bool
}

// openDetect opens the detection dialog.
func (f *pbxForm) openDetect() {
	d := &pbxDetect{f: f, sample: widget.NewMultiLineEntry(), status: ui.NewLabel(""), results: ui.VBox()}
	d.sample.SetPlaceHolder(i18n.T("pbx.detect_paste"))
	d.sample.SetMinRowsVisible(5)
	d.sample.Wrapping = fyne.TextWrapOff
	d.status.Wrapping = fyne.TextWrapWord
	d.browse = ui.NewButton(i18n.T("button.browse"), d.chooseFile)
	d.run = ui.NewButton(i18n.T("pbx.detect_run"), func() { d.detect([]byte(d.sample.Text)) })
	d.run.Importance = widget.HighImportance
	closeBtn := ui.NewButton(i18n.T("button.close"), func() { d.dialog.Hide() })
	scroll := container.NewVScroll(d.results)
	scroll.SetMinSize(fyne.NewSize(640, 260))
	top := ui.VBox(ui.NewParagraph(i18n.T("pbx.detect_hint")), ui.HBox(d.browse), d.sample, ui.HBox(d.run), d.status)
	body := ui.Border(top, ui.HBox(closeBtn), nil, nil, scroll)
	d.dialog = dialog.NewCustomWithoutButtons(i18n.T("pbx.detect"), body, f.s.e.Window)
	d.dialog.Resize(fyne.NewSize(720, 620))
	d.dialog.Show()
	f.detector = d
}

// chooseFile reads the start of a file the user picks and detects on it.
func (d *pbxDetect) chooseFile() {
	open := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		d.readFile(r)
	}, d.f.s.e.Window)
	open.Show()
}

// readFile reads r's start off the UI goroutine, then detects on it.
func (d *pbxDetect) readFile(r fyne.URIReadCloser) {
	e := d.f.s.e
	path := r.URI().Path()
	ui.Run(e, func(context.Context) ([]byte, error) {
		defer r.Close()
		b, err := io.ReadAll(io.LimitReader(r, sampleLimit))
		if err != nil {
			return nil, fmt.Errorf("read sample %s: %w", path, err)
		}
		return b, nil
	}, func(b []byte, err error) {
		if err != nil {
			ui.ShowError(e, err, path)
			return
		}
		d.sample.SetText(string(b))
		d.detect(b)
	})
}

// detect runs every driver over sample, off the UI goroutine, in the
// form's time zone.
func (d *pbxDetect) detect(sample []byte) {
	if d.busy {
		return
	}
	loc, err := drivers.LoadZone(d.f.zone.Text)
	if err != nil {
		loc = time.Local
	}
	d.busy = true
	d.run.Disable()
	ui.SetText(d.status, i18n.T("pbx.detecting"))
	ui.Run(d.f.s.e, func(context.Context) ([]detect.Candidate, error) {
		return detect.Detect(sample, detect.Options{Location: loc, Received: time.Now()}), nil
	}, func(found []detect.Candidate, _ error) {
		d.busy = false
		d.run.Enable()
		d.show(found)
	})
}

// show lists the best candidates, each with its score, what it read, and
// its button.
func (d *pbxDetect) show(found []detect.Candidate) {
	d.found = found[:min(detectShown, len(found))]
	d.use = d.use[:0]
	d.results.Objects = nil
	ui.SetText(d.status, "")
	if len(d.found) == 0 {
		ui.SetText(d.status, i18n.T("pbx.detect_none"))
	}
	for i, c := range d.found {
		d.results.Add(d.candidateView(i, c))
	}
	d.results.Refresh()
}

func (d *pbxDetect) candidateView(i int, c detect.Candidate) fyne.CanvasObject {
	name := c.Driver
	if drv, err := drivers.Lookup(c.Driver); err == nil && drv.Name != "" {
		name = drv.Name
	}
	if len(c.Settings) > 0 {
		name += " (" + formatSettingsInline(c.Settings) + ")"
	}
	score := i18n.T("pbx.detect_score", "Value", i18n.Percent(c.Score)) + " · " + i18n.T("pbx.detect_calls", "Count", c.Calls)
	use := ui.NewButton(i18n.T("pbx.detect_use"), func() { d.choose(i) })
	if i == 0 {
		use.Importance = widget.HighImportance
	}
	d.use = append(d.use, use)
	box := ui.VBox(ui.Border(nil, nil, nil, ui.VBox(use), ui.VBox(ui.NewBold(name), ui.NewLabel(score))))
	for _, call := range c.Preview {
		box.Add(ui.NewLabel(describeCall(call)))
	}
	box.Add(widget.NewSeparator())
	return box
}

// choose puts candidate i's driver, and the settings it needs, in the
// form, and closes the dialog.
func (d *pbxDetect) choose(i int) {
	c := d.found[i]
	f := d.f
	if j := slices.IndexFunc(f.drivers, func(drv *drivers.Driver) bool { return drv.ID == c.Driver }); j >= 0 {
		f.driver.SetSelectedIndex(j)
	}
	settings, bad := parseSettings(f.settings.Text)
	if bad > 0 {
		settings = map[string]string{}
	}
	maps.Copy(settings, c.Settings)
	f.settings.SetText(formatSettings(settings))
	d.dialog.Hide()
}

// formatSettingsInline writes settings as name=value pairs on one line.
func formatSettingsInline(m map[string]string) string {
	s := ""
	for _, k := range slices.Sorted(maps.Keys(m)) {
		if s != "" {
			s += ", "
		}
		s += k + "=" + m[k]
	}
	return s
}
