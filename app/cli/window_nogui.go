//go:build nogui

package cli

import (
	"context"
	"errors"
)

// errNoWindow is what the headless build (calltally-collector, -tags
// nogui) says where the desktop app would open: it links neither Fyne nor
// the X11 and OpenGL libraries, so it runs as a service on servers that
// have none.
var errNoWindow = errors.New("this calltally was built without the desktop app (-tags nogui): run the full calltally for the window")

func runWindow(context.Context, *env, []string) error { return errNoWindow }

func openWindow(string) error { return errNoWindow }

func runScreenshots(context.Context, *env, []string) error { return errNoWindow }
