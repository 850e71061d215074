//go:build !nogui

package cli

import (
	"context"
	"os"

	"calltally.app/app"
	"calltally.app/storage"
)

// runWindow opens the desktop app on the data directory: --data or
// $CALLTALLY_DATA when given, else the one last chosen in the app.
func runWindow(_ context.Context, e *env, _ []string) error {
	var dir string
	if e.data != "" || os.Getenv(storage.DataDirEnv) != "" {
		var err error
		if dir, err = storage.DataDir(e.data); err != nil {
			return err
		}
	}
	return app.Run(app.Options{Dir: dir, OpenDemo: e.openDemo})
}

// openWindow opens the desktop app on a data directory already prepared
// (the demo's).
func openWindow(dir string) error {
	return app.Run(app.Options{Dir: dir})
}
