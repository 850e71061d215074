package app

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"calltally.app/app/ui"
	"calltally.app/drivers"
	"calltally.app/i18n"
	"calltally.app/storage"
)

// addressExamples show the shape of each transport's address, as
// storage.PBXSystem.Check wants it.
var addressExamples = map[drivers.Transport]string{
	drivers.TCPListen:   ":9000",
	drivers.TCPDial:     "192.0.2.10:9000",
	drivers.SFTP:        "smdr@192.0.2.10:22/cdr",
	drivers.SFTPReceive: ":2222",
	drivers.Folder:      filepath.FromSlash("/srv/smdr"),
	drivers.Syslog:      ":514",
}

// pbxForm adds a PBX, or edits one: the same fields as `calltally pbx add`
// and `pbx edit`, checked with storage.PBXSystem.Check before saving.
type pbxForm struct {
	s       *pbxScreen
	orig    storage.PBXSystem // the PBX edited; zero ID when adding
	drivers []*drivers.Driver
	content fyne.CanvasObject

	name, address, zone, settings, password *widget.Entry
	driver, transport                       *ui.Select
	transports                              []drivers.Transport // of the chosen driver, as listed
	enabled                                 *widget.Check
	pbxExtras
	fieldsBox       *fyne.Container // the fields that apply to the chosen transport
	body            *fyne.Container // inside content
	problem, result *widget.Label   // result: of a connection test
	detector        *pbxDetect      // nil until "Detect from a sample…"
}

// openForm opens the add form (p nil) or the edit form of *p.
func (s *pbxScreen) openForm(p *storage.PBXSystem) {
	orig := storage.PBXSystem{Tenant: s.e.Slug, Settings: map[string]string{}, Enabled: true}
	if p != nil {
		orig = *p
	}
	s.form = newPBXForm(s, orig)
	s.setDetail(s.form.content)
	if p == nil {
		s.form.prefillZone()
	}
}

func (s *pbxScreen) openFormFor(p storage.PBXSystem) { s.openForm(&p) }

func (s *pbxScreen) closeForm() {
	s.form = nil
	s.show()
}

func newPBXForm(s *pbxScreen, orig storage.PBXSystem) *pbxForm {
	f := &pbxForm{s: s, orig: orig, drivers: drivers.All(), problem: ui.NewProblem(), result: ui.NewLabel(""),
		pbxExtras: newPBXExtras(), fieldsBox: ui.VBox()}
	f.result.Wrapping = fyne.TextWrapWord
	f.name, f.address, f.zone = widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	f.settings, f.password = widget.NewMultiLineEntry(), widget.NewPasswordEntry()
	f.settings.SetMinRowsVisible(3)
	f.zone.SetPlaceHolder("Europe/Paris")
	names := make([]string, len(f.drivers))
	for i, d := range f.drivers {
		names[i] = d.Name
	}
	f.transport = ui.NewSelect(nil, func(int) { f.transportChosen() })
	f.driver = ui.NewSelect(names, func(int) { f.driverChosen() })
	f.enabled = widget.NewCheck(i18n.T("pbx.enabled"), nil)
	f.fill()
	f.content = f.layout()
	return f
}

func (f *pbxForm) layout() fyne.CanvasObject {
	title := i18n.T("pbx.add_title")
	if f.orig.ID != 0 {
		title = i18n.T("pbx.edit_title", "Value", f.orig.Name)
	}
	detect := ui.NewButton(i18n.T("pbx.detect"), f.openDetect)
	save := ui.NewButton(i18n.T("button.save"), f.save)
	save.Importance = widget.HighImportance
	test := ui.NewButton(i18n.T("button.test_connection"), f.test)
	cancel := ui.NewButton(i18n.T("button.cancel"), f.s.closeForm)
	buttons := ui.HBox(save, test, cancel)
	f.body = ui.VBox(ui.NewBold(title), ui.HBox(detect), f.fieldsBox, f.problem, buttons, f.result)
	// Scrolls: with every field of a file transport, in Arabic's taller
	// script, the buttons fall below a small window.
	return container.NewVScroll(f.body)
}

// fill shows the PBX being edited.
func (f *pbxForm) fill() {
	p := f.orig
	f.name.SetText(p.Name)
	f.address.SetText(p.Address)
	f.zone.SetText(p.TimeZone)
	f.enabled.SetChecked(p.Enabled)
	f.settings.SetText(formatSettings(p.Settings))
	f.fillExtras(p)
	if !p.Secret.IsZero() {
		f.password.SetPlaceHolder(i18n.T("pbx.password_unchanged")) // never shown back
	}
	if i := slices.IndexFunc(f.drivers, func(d *drivers.Driver) bool { return d.ID == p.Driver }); i >= 0 {
		f.driver.SetSelectedIndex(i)
	}
	if i := slices.Index(f.transports, drivers.Transport(p.Transport)); i >= 0 {
		f.transport.SetSelectedIndex(i)
	}
	f.transportChosen()
}

// prefillZone puts the site's time zone in a new PBX's form.
func (f *pbxForm) prefillZone() {
	ui.Run(f.s.e, func(ctx context.Context) (string, error) {
		return f.s.e.Store.Setting(ctx, storage.SiteTimeZone, "")
	}, func(zone string, err error) {
		if err == nil && f.zone.Text == "" {
			f.zone.SetText(zone)
		}
	})
}

// driverChosen lists the chosen driver's transports and settings.
func (f *pbxForm) driverChosen() {
	d := f.chosenDriver()
	if d == nil {
		return
	}
	was := f.chosenTransport()
	f.transports = slices.Clone(d.Transports)
	labels := make([]string, len(f.transports))
	for i, t := range f.transports {
		labels[i] = transportLabel(t)
	}
	f.transport.SetOptions(labels)
	f.transport.ClearSelected()
	if i := slices.Index(f.transports, was); i >= 0 {
		f.transport.SetSelectedIndex(i)
	} else if len(f.transports) == 1 {
		f.transport.SetSelectedIndex(0)
	}
	var hint []string
	for _, s := range d.Settings {
		hint = append(hint, s.Name+"="+s.Default)
	}
	f.settings.SetPlaceHolder(strings.Join(hint, "\n"))
}

// transportChosen shows the address's shape and the fields the
// transport uses (a password, an allow-list, file options).
func (f *pbxForm) transportChosen() {
	f.address.SetPlaceHolder(addressExamples[f.chosenTransport()])
	f.relayout()
}

func transportLabel(t drivers.Transport) string {
	return i18n.T("pbx.transport_" + strings.ReplaceAll(string(t), "-", "_"))
}

func (f *pbxForm) chosenDriver() *drivers.Driver {
	if i := f.driver.SelectedIndex(); i >= 0 {
		return f.drivers[i]
	}
	return nil
}

func (f *pbxForm) chosenTransport() drivers.Transport {
	if i := f.transport.SelectedIndex(); i >= 0 && i < len(f.transports) {
		return f.transports[i]
	}
	return ""
}

func formatSettings(m map[string]string) string {
	keys := slices.Sorted(func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	})
	lines := make([]string, len(keys))
	for i, k := range keys {
		lines[i] = k + "=" + m[k]
	}
	return strings.Join(lines, "\n")
}

// parseSettings reads name=value lines; it returns the number of the
// first line that is not one.
func parseSettings(text string) (map[string]string, int) {
	m := map[string]string{}
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok || strings.TrimSpace(k) == "" {
			return nil, i + 1
		}
		m[strings.TrimSpace(k)] = strings.TrimSpace(v)
	}
	return m, 0
}

// save checks the form and stores the PBX.
func (f *pbxForm) save() {
	p, problem := f.values()
	f.problem.SetText(problem)
	if problem != "" {
		return
	}
	e := f.s.e
	ui.Run(e, func(ctx context.Context) (struct{}, error) {
		if p.ID == 0 {
			_, err := e.Store.AddPBXSystem(ctx, p)
			return struct{}{}, err
		}
		return struct{}{}, e.Store.UpdatePBXSystem(ctx, p)
	}, func(_ struct{}, err error) { f.saved(p, err) })
}

func (f *pbxForm) saved(p storage.PBXSystem, err error) {
	if errors.Is(err, storage.ErrExists) {
		ui.SetText(f.problem, i18n.T("error.duplicate", "Value", p.Name))
		return
	}
	if err != nil {
		ui.SetText(f.problem, ui.Explain(err, ""))
		return
	}
	f.s.form = nil
	f.s.selected = p.Name // shown once the list is read again
	f.s.Refresh()
}

// test tries the connection as the form describes it, saved or not.
func (f *pbxForm) test() {
	p, problem := f.values()
	f.problem.SetText(problem)
	if problem == "" {
		f.s.testConnection(p)
	}
}

// values returns the PBX the form describes, or why it cannot be stored,
// in the user's words.
func (f *pbxForm) values() (storage.PBXSystem, string) {
	p := f.orig
	p.Name = strings.TrimSpace(f.name.Text)
	p.Address = strings.TrimSpace(f.address.Text)
	p.TimeZone = strings.TrimSpace(f.zone.Text)
	p.Enabled = f.enabled.Checked
	if problem := f.required(p); problem != "" {
		return p, problem
	}
	p.Driver, p.Transport = f.chosenDriver().ID, string(f.chosenTransport())
	if _, err := drivers.LoadZone(p.TimeZone); err != nil {
		return p, i18n.T("settings.bad_time_zone", "Value", p.TimeZone)
	}
	settings, bad := parseSettings(f.settings.Text)
	if bad > 0 {
		return p, i18n.T("pbx.bad_setting", "Line", bad)
	}
	p.Settings = settings
	if err := storage.CheckAddress(p.Transport, p.Address); err != nil {
		return p, i18n.T("pbx.bad_address", "Value", p.Address, "Address", addressExamples[f.chosenTransport()])
	}
	if problem := f.applyExtras(&p); problem != "" {
		return p, problem
	}
	f.applySecret(&p)
	if err := p.Check(); err != nil {
		return p, i18n.T("pbx.invalid", "Detail", err.Error())
	}
	return p, ""
}

// required names the first empty field that must be filled.
func (f *pbxForm) required(p storage.PBXSystem) string {
	missing := func(label string) string { return i18n.T("error.required", "Field", i18n.T(label)) }
	switch {
	case p.Name == "":
		return missing("pbx.name")
	case f.chosenDriver() == nil:
		return missing("pbx.driver")
	case f.chosenTransport() == "":
		return missing("pbx.transport")
	case p.Address == "":
		return missing("pbx.address")
	}
	return ""
}

// applySecret keeps the stored credentials unless a password was typed,
// and drops those the transport does not use, as `pbx edit` does.
func (f *pbxForm) applySecret(p *storage.PBXSystem) {
	t := drivers.Transport(p.Transport)
	switch {
	case t != drivers.SFTP && t != drivers.SFTPReceive:
		p.Secret = storage.Secret{}
	case f.password.Text != "":
		key := p.Secret.PrivateKey
		if p.Secret.Unreadable() || t == drivers.SFTPReceive {
			key = ""
		}
		p.Secret = storage.Secret{Password: f.password.Text, PrivateKey: key}
	}
}
