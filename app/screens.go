package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"calltally.app/app/ui"
)

// A page is one entry of the app's index: a screen and how the
// navigation shows it.
type page struct {
	id    string             // for ui.Env.Navigate
	title string             // message ID of its name in the navigation
	icon  fyne.ThemeIconName // empty for pages not in the navigation
	build func(*ui.Env) ui.Screen
}

// pages is the index of the app's screens, in navigation order; each is
// one file of this package.
var pages = []page{
	{"dashboard", "nav.dashboard", theme.IconNameHome, newDashboard},
	{"calls", "nav.calls", theme.IconNameList, newCalls},
	{"missed", "nav.missed", theme.IconNameError, newMissed},
	{"directory", "nav.directory", theme.IconNameAccount, newDirectory},
	{"pbx", "nav.pbx", theme.IconNameComputer, newPBX},
	{"settings", "nav.settings", theme.IconNameSettings, newSettings},
	{"welcome", "firstrun.title", "", newWelcome},
}

func pageByID(id string) (page, bool) {
	for _, p := range pages {
		if p.id == id {
			return p, true
		}
	}
	return page{}, false
}
