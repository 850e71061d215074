package app

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
)

// ID is the application's unique ID: Fyne keeps preferences and storage
// under it, so it must never change.
const ID = "org.calltally.CallTally"

// Run opens the CallTally window over the calls in src and returns when the
// user closes it. It must be called from the main goroutine.
func Run(src CallSource) error {
	if src == nil {
		return errors.New("app: no call source")
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	a := fyneapp.NewWithID(ID)
	w := a.NewWindow("CallTally")
	calls := newCallsScreen(ctx, src, fyne.Do)
	w.SetContent(calls.content)
	w.Resize(fyne.NewSize(1100, 700))
	w.SetMaster()
	a.Lifecycle().SetOnStarted(calls.Refresh)
	w.ShowAndRun()
	return nil
}
