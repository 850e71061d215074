package app

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"calltally.app/app/ui"
	"calltally.app/app/ui/uitest"
	"calltally.app/drivers"
	"calltally.app/i18n"
	"calltally.app/storage"
)

// ipoSample is the public Avaya IP Office sample and how many calls it
// holds (one per line of its expected output).
const ipoSample = "../../shared/testdata-public/avaya-ipo/sample.cdr"

func ipoSampleCalls(t *testing.T) int {
	t.Helper()
	b, err := os.ReadFile(strings.TrimSuffix(ipoSample, ".cdr") + ".expected.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	return strings.Count(strings.TrimSpace(string(b)), "\n") + 1
}

func countCalls(t *testing.T, e *ui.Env, pbx string) int {
	t.Helper()
	n, err := e.Tenant.CountCalls(e.Ctx, storage.CallFilter{PBX: pbx})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// shownMessage returns the texts of the top dialog.
func shownMessage(e *ui.Env) string {
	top := e.Window.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var texts []string
	walkTexts(top, &texts)
	return strings.Join(texts, "\n")
}

func walkTexts(o fyne.CanvasObject, texts *[]string) {
	switch o := o.(type) {
	case *widget.Label:
		*texts = append(*texts, o.Text)
	case *fyne.Container:
		for _, c := range o.Objects {
			walkTexts(c, texts)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(o).Objects() {
			walkTexts(c, texts)
		}
	}
}

func TestPBXImportFile(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	p := addPBX(t, e, "Office", "tcp-listen", ":9000")
	s := openPBX(t, e)
	selectPBX(t, e, s, "Office")
	want := ipoSampleCalls(t)
	tests := []struct {
		added   int
		message string
	}{
		{want, i18n.T("pbx.import_calls", "Count", want)},
		{0, i18n.T("pbx.import_duplicates", "Count", 7)}, // every record of the file again
	}
	for i, tt := range tests {
		before := countCalls(t, e, "Office")
		s.importFile(p, ipoSample)
		uitest.Settle(t, e)
		if got := countCalls(t, e, "Office") - before; got != tt.added {
			t.Errorf("import %d added %d calls, want %d", i+1, got, tt.added)
		}
		if msg := shownMessage(e); !strings.Contains(msg, tt.message) {
			t.Errorf("import %d: message %q lacks %q", i+1, msg, tt.message)
		}
	}
	if len(s.info.recent) == 0 {
		t.Error("the imported records are not among the latest raw records")
	}
}

func TestPBXImportKeepsUnreadableLines(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	p := addPBX(t, e, "Branch", "tcp-listen", ":9000")
	sample, err := os.ReadFile(ipoSample)
	if err != nil {
		t.Fatal(err)
	}
	const bad = "this is not a call record"
	file := filepath.Join(t.TempDir(), "calls.txt")
	if err := os.WriteFile(file, append(sample, bad+"\n"...), 0o600); err != nil {
		t.Fatal(err)
	}
	s := openPBX(t, e)
	selectPBX(t, e, s, "Branch")
	s.importFile(p, file)
	uitest.Settle(t, e)
	if msg, want := shownMessage(e), i18n.T("pbx.import_unreadable", "Count", 1); !strings.Contains(msg, want) {
		t.Errorf("message %q lacks %q", msg, want)
	}
	if len(s.info.recent) == 0 || s.info.recent[0].Text != bad {
		t.Fatalf("latest raw record is not the bad line: %d records", len(s.info.recent))
	}
	row := newRecordRow()
	s.info.updateRecord(0, row)
	outcome := row.(*fyne.Container).Objects[1].(*widget.Label)
	if outcome.Importance != widget.DangerImportance || !strings.Contains(outcome.Text, s.info.recent[0].Error) || s.info.recent[0].Error == "" {
		t.Errorf("bad line's row says %q (reason %q)", outcome.Text, s.info.recent[0].Error)
	}
}

func TestPBXImportErrorNamesTheFile(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	p := addPBX(t, e, "Office", "tcp-listen", ":9000")
	s := openPBX(t, e)
	missing := filepath.Join(t.TempDir(), "gone.cdr")
	s.importFile(p, missing)
	uitest.Settle(t, e)
	if msg := shownMessage(e); !strings.Contains(msg, missing) {
		t.Errorf("error message %q does not name %s", msg, missing)
	}
}

// writeIPOCalls writes n distinct one-line Avaya IP Office calls.
func writeIPOCalls(t *testing.T, n int) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "big.cdr")
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	start := time.Date(2026, 2, 1, 8, 0, 0, 0, time.UTC)
	for i := range n {
		at := start.Add(time.Duration(i) * time.Minute).Format("2006/01/02 15:04:05")
		fmt.Fprintf(w, "%s,00:01:%02d,4,201,O,0049301234%04d,0049301234%04d,,0,%d,0,E201,Anna Meier,T9001,Line 1.1,0,0,0,n/a,,,,,,,,,,,\n",
			at, i%60, i%10000, i%10000, 3000000+i)
	}
	if err := errors.Join(w.Flush(), f.Close()); err != nil {
		t.Fatal(err)
	}
	return file
}

func TestPBXImportCancelKeepsCommittedCalls(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	p := addPBX(t, e, "Office", "tcp-listen", ":9000")
	const n = 6000
	file := writeIPOCalls(t, n)
	ctx, cancel := context.WithCancel(e.Ctx)
	_, err := importCalls(ctx, e.Tenant, p, file, func(done, total int64) {
		if done > total*3/4 {
			cancel()
		}
	})
	if !ui.Cancelled(err) {
		t.Fatalf("cancelled import: %v", err)
	}
	kept := countCalls(t, e, "Office")
	if kept == 0 || kept >= n {
		t.Fatalf("a cancelled import kept %d of %d calls, want some committed and not all", kept, n)
	}
	for _, want := range []struct{ calls, duplicates int }{{n - kept, kept}, {0, n}} {
		st, err := importCalls(e.Ctx, e.Tenant, p, file, nil)
		if err != nil || st.Calls != want.calls || st.Duplicates != want.duplicates {
			t.Errorf("import again: %+v, %v; want %d calls, %d duplicates", st, err, want.calls, want.duplicates)
		}
	}
	if got := countCalls(t, e, "Office"); got != n {
		t.Errorf("%d calls after importing again, want %d", got, n)
	}
}

func TestPBXDetectFillsForm(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	s := openPBX(t, e)
	s.openForm(nil)
	f := s.form
	sample, err := os.ReadFile(ipoSample)
	if err != nil {
		t.Fatal(err)
	}
	f.openDetect()
	d := f.detector
	d.sample.SetText(string(sample))
	test.Tap(d.run)
	uitest.Settle(t, e)
	if len(d.found) == 0 || d.found[0].Driver != "avaya-ipo" {
		t.Fatalf("candidates %+v, want avaya-ipo first", d.found)
	}
	if len(d.found[0].Preview) == 0 || len(d.use) != len(d.found) {
		t.Errorf("first candidate previews %d calls; %d buttons for %d candidates", len(d.found[0].Preview), len(d.use), len(d.found))
	}
	test.Tap(d.use[0])
	if drv := f.chosenDriver(); drv == nil || drv.ID != "avaya-ipo" {
		t.Errorf("form's driver after Use this driver: %v", drv)
	}
	d.sample.SetText("nothing a PBX writes\n")
	test.Tap(d.run)
	uitest.Settle(t, e)
	if len(d.found) != 0 || d.status.Text != ui.Text(i18n.T("pbx.detect_none")) {
		t.Errorf("text with no calls: %d candidates, status %q", len(d.found), d.status.Text)
	}
}

func TestPBXFormDialPlanAndAnswerer(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	s := openPBX(t, e)
	f := fillForm(t, s, "HQ", "tcp-dial", "192.0.2.1:9000", "", "")
	f.dialPlan.SetText("country=DE colour=blue")
	f.save()
	uitest.Settle(t, e)
	if prefix := strings.SplitN(i18n.T("pbx.bad_dial_plan", "Detail", "x"), "x", 2)[0]; !strings.HasPrefix(f.problem.Text, prefix) {
		t.Errorf("bad dial plan: problem %q", f.problem.Text)
	}
	if _, err := e.Store.PBXSystem(e.Ctx, e.Slug, "HQ"); !errors.Is(err, storage.ErrNotFound) {
		t.Fatalf("a bad dial plan saved the PBX: %v", err)
	}
	f.dialPlan.SetText("country=DE area=30 access=0")
	f.answerer.SetSelectedIndex(1)
	f.save()
	uitest.Settle(t, e)
	got, err := e.Store.PBXSystem(e.Ctx, e.Slug, "HQ")
	if err != nil || !strings.Contains(got.DialPlan, "area=30") || got.Answerer != drivers.FirstAnswerer {
		t.Fatalf("saved %+v, %v", got, err)
	}
	s.openFormFor(got)
	if s.form.dialPlan.Text != got.DialPlan || s.form.answerer.SelectedIndex() != 1 {
		t.Errorf("edit form shows plan %q, answerer %d", s.form.dialPlan.Text, s.form.answerer.SelectedIndex())
	}
}

// formHas reports whether input is one of the form's fields now.
func formHas(f *pbxForm, input fyne.CanvasObject) bool {
	return inWindow(f.fieldsBox, input)
}

func TestPBXFormAllowList(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	s := openPBX(t, e)
	f := fillForm(t, s, "Door", "tcp-listen", ":9100", "", "")
	if !formHas(f, f.allow) || formHas(f, f.glob) || formHas(f, f.password) {
		t.Error("tcp-listen: want the allow-list only")
	}
	f.allow.SetText("192.0.2.10, not-an-address")
	f.save()
	uitest.Settle(t, e)
	if want := i18n.T("pbx.bad_allow", "Value", "not-an-address"); f.problem.Text != want {
		t.Errorf("problem %q, want %q", f.problem.Text, want)
	}
	f.allow.SetText("192.0.2.10, 198.51.100.0/24")
	f.save()
	uitest.Settle(t, e)
	got, err := e.Store.PBXSystem(e.Ctx, e.Slug, "Door")
	if err != nil || strings.Join(got.Allow, ",") != "192.0.2.10,198.51.100.0/24" {
		t.Fatalf("saved allow-list %q, %v", got.Allow, err)
	}
	s.openFormFor(got)
	if s.form.allow.Text != "192.0.2.10, 198.51.100.0/24" || !formHas(s.form, s.form.allow) {
		t.Errorf("edit form shows allow-list %q", s.form.allow.Text)
	}
}

func TestPBXFormFieldsFollowTransport(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	s := openPBX(t, e)
	tests := []struct {
		transport                        string
		allow, glob, processed, password bool
	}{
		{"tcp-listen", true, false, false, false},
		{"tcp-dial", false, false, false, false},
		{"folder", false, true, true, false},
		{"sftp", false, true, true, true},
	}
	for _, tt := range tests {
		f := fillForm(t, s, "X", tt.transport, "", "", "")
		if f.chosenTransport() != drivers.Transport(tt.transport) {
			t.Skipf("avaya-ipo does not read %s", tt.transport)
		}
		got := []bool{formHas(f, f.allow), formHas(f, f.glob), formHas(f, f.processed), formHas(f, f.password)}
		want := []bool{tt.allow, tt.glob, tt.processed, tt.password}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: allow, glob, processed, password shown %v, want %v", tt.transport, got, want)
		}
	}
	dir := t.TempDir()
	f := fillForm(t, s, "Files", "folder", dir, "", "")
	f.glob.SetText("cdr_*.csv")
	f.processed.SetText("done")
	f.save()
	uitest.Settle(t, e)
	got, err := e.Store.PBXSystem(e.Ctx, e.Slug, "Files")
	if err != nil || got.Glob != "cdr_*.csv" || got.Processed != "done" {
		t.Errorf("saved glob %q processed %q, %v (problem %q)", got.Glob, got.Processed, err, f.problem.Text)
	}
}
