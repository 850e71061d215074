//go:build !nogui

package cli

import (
	"context"

	"calltally.app/app"
	"calltally.app/storage"
)

// runWindow opens the desktop app on the data directory.
func runWindow(_ context.Context, e *env, _ []string) error {
	dir, err := storage.DataDir(e.data)
	if err != nil {
		return err
	}
	return app.Run(app.Options{Dir: dir, OpenDemo: e.openDemo})
}

// openWindow opens the desktop app on a data directory already prepared
// (the demo's).
func openWindow(dir string) error {
	return app.Run(app.Options{Dir: dir})
}
