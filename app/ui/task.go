package ui

import (
	"context"
	"errors"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"calltally.app/i18n"
)

// Progress reports how much of a task is done: done of total units (rows,
// bytes); total 0 means unknown. Tasks may call it as often as they like
// from their own goroutine: the dialog shows the latest figure a few times
// a second.
type Progress func(done, total int64)

// Task runs long work (an import, an export, a backup) on its own
// goroutine while a dialog titled title shows its progress and a Cancel
// button that cancels work's context. done runs on the UI goroutine with
// work's error; a cancelled task reports context.Canceled.
func Task(e *Env, title string, work func(ctx context.Context, p Progress) error, done func(error)) {
	ctx, cancel := context.WithCancel(e.Ctx)
	var doneN, totalN atomic.Int64
	bar := widget.NewProgressBar()
	note := NewLabel(title)
	stop := NewButton(i18n.T("button.cancel"), cancel)
	d := dialog.NewCustomWithoutButtons(i18n.T("app.name"), VBox(note, bar, HBox(stop)), e.Window)
	d.Resize(fyne.NewSize(420, 0))
	d.Show()

	finished := make(chan struct{})
	go showProgress(e, bar, &doneN, &totalN, finished)
	Run(e, func(context.Context) (struct{}, error) {
		defer close(finished)
		err := work(ctx, func(d, t int64) { doneN.Store(d); totalN.Store(t) })
		if err == nil && ctx.Err() != nil {
			err = ctx.Err()
		}
		return struct{}{}, err
	}, func(_ struct{}, err error) {
		cancel()
		d.Hide()
		done(err)
	})
}

// showProgress moves the bar every 200 ms until the task finishes.
func showProgress(e *Env, bar *widget.ProgressBar, done, total *atomic.Int64, finished <-chan struct{}) {
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-finished:
			return
		case <-tick.C:
			d, t := done.Load(), total.Load()
			e.Do(func() {
				if t > 0 {
					bar.Max, bar.Value = float64(t), float64(min(d, t))
					bar.Refresh()
				}
			})
		}
	}
}

// Cancelled reports whether err is a task's cancellation, which needs no
// message.
func Cancelled(err error) bool { return errors.Is(err, context.Canceled) }
