package ui

import (
	"context"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"

	"calltally.app/storage"
)

// Env is what a screen is built from: the data it shows, the window it is
// in, and the ways to run work and move between screens.
type Env struct {
	Ctx    context.Context
	Store  *storage.Store
	Tenant *storage.Tenant
	Slug   string // the tenant's slug
	Dir    string // the data directory
	Window fyne.Window

	// Do runs fn on the UI goroutine: fyne.Do in the app, a queue that
	// uitest drains in tests.
	Do func(fn func())
	// Navigate shows the screen with that ID (see the app's index).
	Navigate func(id string)
	// Reopen reopens the databases in dir and rebuilds every screen: after
	// a restore, or once the data folder changed. Nil in tests that do not
	// need it.
	Reopen func(dir string) error
	// OpenDemo fills a demo data directory and returns it (the first-run
	// screen then Reopens it). Nil when the app has no demo to offer.
	OpenDemo func(ctx context.Context) (dir string, err error)

	busy atomic.Int64 // Run calls whose done has not yet run
	zone atomic.Pointer[time.Location]
}

// Now is the time on the site's wall clock (Settings' time zone, else the
// machine's): "today" in the period pickers is the site's today, also on a
// server that runs in UTC.
func (e *Env) Now() time.Time {
	if loc := e.zone.Load(); loc != nil {
		return time.Now().In(loc)
	}
	return time.Now()
}

// SetZone sets the site's time zone for Now.
func (e *Env) SetZone(loc *time.Location) { e.zone.Store(loc) }

// A Screen is one page of the app, built by its constructor in the
// current language; a language change builds it again.
type Screen interface {
	// Content is the screen's widget tree.
	Content() fyne.CanvasObject
	// Refresh reloads the screen's data. The shell calls it when the
	// screen is shown and whenever the databases change (within about a
	// second of a commit), on the UI goroutine: it must start its queries
	// with Run and return at once.
	Refresh()
}

// A StatusScreen shows the collector's status beside calls. When only the
// master database changed (the collector's heartbeat, every few seconds)
// the shell calls RefreshStatus instead of Refresh, so that the call
// queries do not run again for nothing.
type StatusScreen interface {
	Screen
	RefreshStatus()
}

// Run runs work on a goroutine of its own and then done with its result on
// the UI goroutine. done is not called once the Env's context has ended.
func Run[T any](e *Env, work func(ctx context.Context) (T, error), done func(T, error)) {
	e.busy.Add(1)
	go func() {
		v, err := work(e.Ctx)
		e.Do(func() {
			defer e.busy.Add(-1)
			if e.Ctx.Err() == nil {
				done(v, err)
			}
		})
	}()
}

// Busy reports how many Run calls have not yet finished: tests wait for
// zero.
func (e *Env) Busy() int64 { return e.busy.Load() }
