//go:build !nogui

package cli

import (
	"context"
	"strings"

	"calltally.app/app"
	"calltally.app/storage"
)

// runScreenshots opens the app on the data directory and saves a picture
// of every screen in each language and theme (see `make screenshots`).
func runScreenshots(_ context.Context, e *env, args []string) error {
	fs := e.flags("screenshots")
	out := fs.String("out", "docs/screenshots", "folder for the pictures")
	locales := fs.String("locales", "en,ar,de", "languages, comma-separated")
	themes := fs.String("themes", "light,dark", "themes, comma-separated")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	dir, err := storage.DataDir(e.data)
	if err != nil {
		return err
	}
	shots := &app.Shots{Dir: *out, Locales: strings.Split(*locales, ","), Themes: strings.Split(*themes, ",")}
	return app.Run(app.Options{Dir: dir, Start: "dashboard", Shots: shots})
}
