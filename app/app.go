package app

import (
	"context"
	"errors"
	"log/slog"

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
	a.Lifecycle().SetOnStarted(func() {
		calls.Refresh()
		follow(ctx, src, calls.Refresh)
	})
	w.ShowAndRun()
	return nil
}

// A LiveSource is a CallSource that says when its calls have changed, so
// that new calls appear without the user asking.
type LiveSource interface {
	CallSource
	// Changes signals each change until ctx ends, then closes.
	Changes(ctx context.Context) (<-chan struct{}, error)
}

// follow calls refresh on every change src reports, if it reports any.
func follow(ctx context.Context, src CallSource, refresh func()) {
	live, ok := src.(LiveSource)
	if !ok {
		return
	}
	changed, err := live.Changes(ctx)
	if err != nil {
		slog.Warn("New calls will not show until the window is reopened", "error", err)
		return
	}
	go func() {
		for range changed {
			refresh()
		}
	}()
}
