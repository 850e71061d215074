package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"calltally.app/app/ui"
	"calltally.app/app/ui/uitest"
	"calltally.app/i18n"
	"calltally.app/storage"
)

// dirHolder is an open extension period of the demo with a user and a
// department, selected.
func dirHolder(t *testing.T, s *directoryScreen) storage.Extension {
	t.Helper()
	for _, x := range s.data.exts {
		if x.To.IsZero() && x.User != "" && x.Department != "" {
			s.exts.Select(idKey(x.ID))
			return x
		}
	}
	t.Fatal("the demo has no open extension period with a user and a department")
	return storage.Extension{}
}

// dirDatedHolder adds a period that starts on a date and selects it.
func dirDatedHolder(t *testing.T, s *directoryScreen, e *ui.Env) storage.Extension {
	t.Helper()
	x, err := e.Tenant.AddExtension(context.Background(), storage.Extension{Number: "778", User: "Ada Roe",
		From: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	s.Refresh()
	uitest.Settle(t, e)
	s.exts.Select(idKey(x.ID))
	return x
}

func TestDirectoryHandOver(t *testing.T) {
	s, e := dirOpen(t)
	if !s.handOverButton.Disabled() {
		t.Error("Hand over is on with nothing selected")
	}
	old := dirHolder(t, s)
	if s.handOverButton.Disabled() {
		t.Fatal("Hand over is off with an extension selected")
	}
	day := time.Date(2026, 2, 15, 0, 0, 0, 0, time.UTC)
	if !old.From.IsZero() {
		day = old.From.AddDate(0, 0, 10)
	}
	test.Tap(s.handOverButton)
	dirFillForm(t, e, []string{storage.FormatWall(day), "Kim Lee", "Kim Lee", ""}, 0)
	test.Tap(s.form.Save)
	uitest.Settle(t, e)
	if s.form.Open() {
		t.Fatalf("the form stayed open: %q", s.form.Problem.Text)
	}
	ctx := context.Background()
	before, _, err := e.Tenant.ExtensionAt(ctx, old.Number, day.Add(-time.Second))
	if err != nil || before.User != old.User || before.Department != old.Department || !before.To.Equal(day) {
		t.Errorf("before %s: %+v, %v; want %s in %s until then", storage.FormatWall(day), before, err, old.User, old.Department)
	}
	after, _, err := e.Tenant.ExtensionAt(ctx, old.Number, day)
	if err != nil || after.User != "Kim Lee" || after.Department != "" || after.Site != old.Site || !after.From.Equal(day) {
		t.Errorf("from %s: %+v, %v; want Kim Lee, no department, site %s", storage.FormatWall(day), after, err, old.Site)
	}
	var users []string
	for _, x := range s.exts.Shown() {
		if x.Number == old.Number {
			users = append(users, x.User+" "+storage.FormatWall(x.From)+"–"+storage.FormatWall(x.To))
		}
	}
	want := []string{old.User + " " + storage.FormatWall(old.From) + "–" + storage.FormatWall(day), "Kim Lee " + storage.FormatWall(day) + "–"}
	if strings.Join(users, ", ") != strings.Join(want, ", ") {
		t.Errorf("the list shows %q for %s, want %q", users, old.Number, want)
	}
	if x, ok := s.exts.Selected(); !ok || x.ID != after.ID {
		t.Errorf("selected %+v, want the new period", x)
	}
}

func TestDirectoryHandOverRefuses(t *testing.T) {
	s, e := dirOpen(t)
	old := dirDatedHolder(t, s, e)
	for _, tc := range []struct {
		name, date, problem string
	}{
		{"no date", " ", i18n.T("error.required", "Field", i18n.T("directory.from"))},
		{"not a date", "2026-13-45", i18n.T("directory.bad_date", "Field", i18n.T("directory.from"))},
		{"the period's start", storage.FormatWall(old.From), i18n.T("directory.hand_over_outside", "Date", periodLabel(old.From, old.To))},
		{"before the period", "2025-12-31", i18n.T("directory.hand_over_outside", "Date", periodLabel(old.From, old.To))},
		{"at its end", "2026-07-01", i18n.T("directory.hand_over_outside", "Date", periodLabel(old.From, old.To))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			test.Tap(s.handOverButton)
			dirFillForm(t, e, []string{tc.date, "", "", ""})
			test.Tap(s.form.Save)
			uitest.Settle(t, e)
			if !s.form.Open() || s.form.Problem.Text != ui.Text(tc.problem) {
				t.Errorf("open %v, problem %q; want %q", s.form.Open(), s.form.Problem.Text, ui.Text(tc.problem))
			}
			s.form.Hide()
		})
	}
	// Someone removed the period while the form was open: storage's error,
	// in words, in the dialog.
	test.Tap(s.handOverButton)
	dirFillForm(t, e, []string{storage.FormatWall(old.From.AddDate(0, 0, 1)), "", "", ""})
	if _, err := e.Tenant.RemoveExtension(context.Background(), old.Number, old.From); err != nil {
		t.Fatal(err)
	}
	test.Tap(s.form.Save)
	uitest.Settle(t, e)
	if want := ui.Text(i18n.T("directory.gone", "Value", old.Number)); !s.form.Open() || s.form.Problem.Text != want {
		t.Errorf("open %v, problem %q; want %q", s.form.Open(), s.form.Problem.Text, want)
	}
}

func TestDirectoryHandOverRelabels(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	if err := i18n.Set("de"); err != nil {
		t.Fatal(err)
	}
	s := newDirectory(e).(*directoryScreen)
	if s.handOverButton.Text != ui.Text("Übergeben…") {
		t.Errorf("German button %q", s.handOverButton.Text)
	}
}
