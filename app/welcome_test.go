package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"calltally.app/app/ui/uitest"
	"calltally.app/i18n"
)

func TestWelcomeOpensDemo(t *testing.T) {
	e := uitest.New(t, uitest.Options{Empty: true})
	demoDir := t.TempDir()
	var reopened, shown string
	e.OpenDemo = func(context.Context) (string, error) { return demoDir, nil }
	e.Reopen = func(dir string) error { reopened = dir; return nil }
	e.Navigate = func(id string) { shown = id }
	s := newWelcome(e).(*welcomeScreen)
	e.Window.SetContent(s.Content())
	test.Tap(s.demo)
	uitest.Settle(t, e)
	if reopened != demoDir || shown != "dashboard" {
		t.Errorf("after Open demo data: reopened %q, shown %q", reopened, shown)
	}
}

func TestWelcomeAddsPBX(t *testing.T) {
	e := uitest.New(t, uitest.Options{Empty: true})
	var shown string
	e.Navigate = func(id string) { shown = id }
	s := newWelcome(e).(*welcomeScreen)
	e.Window.SetContent(s.Content())
	if s.demo != nil {
		t.Error("a demo button without a demo to open")
	}
	test.Tap(s.addPBX)
	defer func() { startAddingPBX = false }()
	if shown != "pbx" || !startAddingPBX {
		t.Errorf("after Add my PBX: shown %q, add form asked %v", shown, startAddingPBX)
	}
}

func TestWelcomeRelabels(t *testing.T) {
	e := uitest.New(t, uitest.Options{Empty: true})
	english := newWelcome(e).(*welcomeScreen).addPBX.Text
	i18n.Set("tr")
	if got := newWelcome(e).(*welcomeScreen).addPBX.Text; got == english || got != i18n.T("firstrun.add_pbx") {
		t.Errorf("Turkish button: %q", got)
	}
}
