package app

import (
	"context"
	"net"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"calltally.app/app/ui"
	"calltally.app/app/ui/uitest"
	"calltally.app/drivers"
	"calltally.app/i18n"
	"calltally.app/storage"
)

// openPBX builds the PBX screen over e and waits for its first load.
func openPBX(t *testing.T, e *ui.Env) *pbxScreen {
	t.Helper()
	s := newPBX(e).(*pbxScreen)
	e.Window.SetContent(s.Content())
	s.Refresh()
	uitest.Settle(t, e)
	return s
}

func addPBX(t *testing.T, e *ui.Env, name, transport, address string) storage.PBXSystem {
	t.Helper()
	p := storage.PBXSystem{Tenant: e.Slug, Name: name, Driver: "avaya-ipo", Transport: transport, Address: address, Enabled: true}
	id, err := e.Store.AddPBXSystem(e.Ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	p.ID = id
	return p
}

// selectPBX selects the PBX called name in the list.
func selectPBX(t *testing.T, e *ui.Env, s *pbxScreen, name string) {
	t.Helper()
	i := slices.IndexFunc(s.data.systems, func(p storage.PBXSystem) bool { return p.Name == name })
	if i < 0 {
		t.Fatalf("%s is not listed: %d systems", name, len(s.data.systems))
	}
	s.list.Select(i)
	uitest.Settle(t, e)
}

func rowText(s *pbxScreen, i int) string {
	row := newPBXRow()
	s.updateRow(i, row)
	box := row.(*fyne.Container)
	return box.Objects[0].(*widget.Label).Text + " | " + box.Objects[1].(*widget.Label).Text
}

func TestPBXStatusFollowsHeartbeat(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	p := addPBX(t, e, "Office", "tcp-listen", ":9000")
	s := openPBX(t, e)
	if got := rowText(s, 0); !strings.Contains(got, "Office") || !strings.Contains(got, i18n.T("pbx.no_report")) {
		t.Errorf("row before any heartbeat: %q", got)
	}
	selectPBX(t, e, s, "Office")
	now := time.Now()
	tests := []struct {
		st   storage.ServiceStatus
		want string
	}{
		{storage.ServiceStatus{State: "connected", RecordsToday: 7, Updated: now}, i18n.T("pbx.connected")},
		{storage.ServiceStatus{State: "misconfigured", LastError: "bad layout", Updated: now}, i18n.T("pbx.state_misconfigured")},
		{storage.ServiceStatus{State: "connected", Updated: now.Add(-10 * time.Minute)}, "not running"},
	}
	for _, tt := range tests {
		tt.st.PBXID = p.ID
		if err := e.Store.SetStatus(e.Ctx, tt.st); err != nil {
			t.Fatal(err)
		}
		s.Refresh()
		uitest.Settle(t, e)
		if got := s.info.state.Text; !strings.Contains(got, tt.want) {
			t.Errorf("state %s updated %v: %q, want %q", tt.st.State, tt.st.Updated, got, tt.want)
		}
		if tt.st.LastError != "" && s.info.lastErr.Text != tt.st.LastError {
			t.Errorf("last error %q, want %q", s.info.lastErr.Text, tt.st.LastError)
		}
	}
	if !strings.Contains(rowText(s, 0), "not running") {
		t.Errorf("row with a stale heartbeat: %q", rowText(s, 0))
	}
}

// fillForm opens the add form and fills it.
func fillForm(t *testing.T, s *pbxScreen, name, transport, address, zone, settings string) *pbxForm {
	t.Helper()
	s.openForm(nil)
	f := s.form
	test.Type(f.name, name)
	f.driver.SetSelectedIndex(slices.IndexFunc(f.drivers, func(d *drivers.Driver) bool { return d.ID == "avaya-ipo" }))
	if i := slices.Index(f.transports, drivers.Transport(transport)); i >= 0 {
		f.transport.SetSelectedIndex(i)
	}
	f.address.SetText(address)
	f.zone.SetText(zone)
	f.settings.SetText(settings)
	return f
}

func TestPBXFormValidates(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	addPBX(t, e, "Taken", "tcp-listen", ":9001")
	s := openPBX(t, e)
	tests := []struct {
		name, transport, address, zone, settings string
		want                                     string
	}{
		{"", "tcp-dial", "192.0.2.1:9000", "", "", "Name is required"},
		{"HQ", "", "192.0.2.1:9000", "", "", "Connection is required"},
		{"HQ", "tcp-dial", "not an address", "", "", "192.0.2.10:9000"},
		{"HQ", "tcp-dial", ":9000", "", "", "is not a valid address"},
		{"HQ", "tcp-dial", "192.0.2.1:9000", "Mars/Olympus", "", "Mars/Olympus"},
		{"HQ", "tcp-dial", "192.0.2.1:9000", "", "no equals sign", "Line 1"},
		{"Taken", "tcp-dial", "192.0.2.1:9000", "", "", "already exists"},
	}
	for _, tt := range tests {
		f := fillForm(t, s, tt.name, tt.transport, tt.address, tt.zone, tt.settings)
		f.save()
		uitest.Settle(t, e)
		if !strings.Contains(f.problem.Text, tt.want) {
			t.Errorf("%+v: problem %q, want %q", tt, f.problem.Text, tt.want)
		}
	}
	f := fillForm(t, s, "HQ", "tcp-dial", "192.0.2.1:9000", "Europe/Berlin", "")
	f.save()
	uitest.Settle(t, e)
	got, err := e.Store.PBXSystem(e.Ctx, e.Slug, "HQ")
	if err != nil || got.Address != "192.0.2.1:9000" || got.TimeZone != "Europe/Berlin" || !got.Enabled {
		t.Fatalf("saved PBX %+v, %v", got, err)
	}
	if s.form != nil || s.selected != "HQ" {
		t.Errorf("after saving: form open %v, selected %q", s.form != nil, s.selected)
	}
}

func TestPBXEditKeepsPassword(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	p := storage.PBXSystem{Tenant: e.Slug, Name: "Files", Driver: "avaya-ipo", Transport: "sftp",
		Address: "smdr@192.0.2.1:22/cdr", Enabled: true, Secret: storage.Secret{Password: "s3cret"}}
	if _, err := e.Store.AddPBXSystem(e.Ctx, p); err != nil {
		t.Fatal(err)
	}
	s := openPBX(t, e)
	selectPBX(t, e, s, "Files")
	sys, _, _, _ := s.system()
	s.openFormFor(sys)
	if s.form.password.Text != "" || s.form.password.PlaceHolder != i18n.T("pbx.password_unchanged") {
		t.Fatalf("password field shows %q / %q", s.form.password.Text, s.form.password.PlaceHolder)
	}
	s.form.address.SetText("smdr@192.0.2.2:22/cdr")
	s.form.save()
	uitest.Settle(t, e)
	got, err := e.Store.PBXSystem(e.Ctx, e.Slug, "Files")
	if err != nil || got.Address != "smdr@192.0.2.2:22/cdr" || got.Secret.Password != "s3cret" {
		t.Errorf("after edit: %s %v, password kept %v", got.Address, err, got.Secret.Password == "s3cret")
	}
}

// ipoServer is a PBX on loopback that sends its records to whoever
// connects.
func ipoServer(t *testing.T) string {
	t.Helper()
	sample, err := os.ReadFile("cli/testdata/ipo-sample.cdr")
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			conn.Write(sample)
			conn.Close()
		}
	}()
	return ln.Addr().String()
}

func closedPort(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ln.Close()
	return ln.Addr().String()
}

func TestPBXTestConnection(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	s := openPBX(t, e)
	tests := []struct {
		address string
		want    []string
	}{
		{ipoServer(t), []string{i18n.T("pbx.test_ok"), "1. 2026/03/02 09:14:00", i18n.T("direction.outbound"), "201"}},
		{closedPort(t), []string{"Cannot reach the PBX at", "Check that it is switched on"}},
	}
	for _, tt := range tests {
		p := storage.PBXSystem{Tenant: e.Slug, Name: "T", Driver: "avaya-ipo", Transport: "tcp-dial", Address: tt.address}
		s.testConnection(p)
		uitest.Settle(t, e)
		for _, w := range tt.want {
			if !strings.Contains(s.info.testResult.Text, w) {
				t.Errorf("test of %s: %q lacks %q", tt.address, s.info.testResult.Text, w)
			}
		}
	}
}

func TestPBXRecentRecordsShowFailures(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	addPBX(t, e, "Office", "tcp-listen", ":9000")
	id, err := e.Tenant.PBX(e.Ctx, "Office", "avaya-ipo")
	if err != nil {
		t.Fatal(err)
	}
	storeRecord(t, e, id, "garbage line", "field 2 is not a duration")
	s := openPBX(t, e)
	selectPBX(t, e, s, "Office")
	if len(s.info.recent) != 1 {
		t.Fatalf("%d recent records, want 1", len(s.info.recent))
	}
	row := newRecordRow()
	s.info.updateRecord(0, row)
	box := row.(*fyne.Container)
	text, outcome := box.Objects[0].(*widget.Label).Text, box.Objects[1].(*widget.Label).Text
	if text != "garbage line" || !strings.Contains(outcome, "field 2 is not a duration") {
		t.Errorf("record row: %q / %q", text, outcome)
	}
}

func storeRecord(t *testing.T, e *ui.Env, pbx int64, text, reason string) {
	t.Helper()
	ctx := context.Background()
	b, err := e.Tenant.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	block := b.ReserveBlock()
	rec := storage.NewRecord{Record: drivers.Record{ID: storage.RecordID(block, 0), Text: text, Source: "tcp", Line: 1, Received: time.Now()},
		Key: []byte(text), Status: storage.StatusError, Error: reason}
	if err := b.AddBlock(ctx, pbx, block, []storage.NewRecord{rec}); err != nil {
		t.Fatal(err)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
}

func TestPBXMirrorsAndRelabels(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	s := openPBX(t, e)
	english := s.empty.Text
	if split := s.content.(*container.Split); split.Leading == s.detail {
		t.Fatal("in English the list is not at the start")
	}
	i18n.Set("ar")
	s = openPBX(t, e)
	if split := s.content.(*container.Split); split.Leading != s.detail {
		t.Error("in Arabic the detail is not at the left")
	}
	i18n.Set("de")
	s = openPBX(t, e)
	if s.empty.Text == english || s.empty.Text != ui.Text(i18n.T("pbx.none")) {
		t.Errorf("German shows English: %q", s.empty.Text)
	}
}

func TestPBXStartsInAddMode(t *testing.T) {
	e := uitest.New(t, uitest.Options{Empty: true})
	startAddingPBX = true
	s := openPBX(t, e)
	if s.form == nil || s.form.orig.ID != 0 || startAddingPBX {
		t.Errorf("add form open: %v; flag still set: %v", s.form != nil, startAddingPBX)
	}
}
