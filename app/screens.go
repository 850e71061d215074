package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"calltally.app/app/ui"
)

// A page is one entry of the app's index: a screen and how the
// navigation shows it.
type page struct {
	id    string        // for ui.Env.Navigate
	title string        // message ID of its name in the navigation
	icon  fyne.Resource // nil for pages not in the navigation
	build func(*ui.Env) ui.Screen
}

// pages is the index of the app's screens, in navigation order; each is
// one file of this package.
var pages = []page{
	{"dashboard", "nav.dashboard", theme.HomeIcon(), newDashboard},
	{"calls", "nav.calls", theme.ListIcon(), newCalls},
	{"missed", "nav.missed", theme.ErrorIcon(), newMissed},
	{"directory", "nav.directory", theme.AccountIcon(), newDirectory},
	{"pbx", "nav.pbx", theme.ComputerIcon(), newPBX},
	{"settings", "nav.settings", theme.SettingsIcon(), newSettings},
	{"welcome", "firstrun.title", nil, newWelcome},
}

func pageByID(id string) (page, bool) {
	for _, p := range pages {
		if p.id == id {
			return p, true
		}
	}
	return page{}, false
}
