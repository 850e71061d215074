package app

import (
	"fyne.io/fyne/v2"

	"calltally.app/app/ui"
)

// settingsScreen is being built.
type settingsScreen struct{ content fyne.CanvasObject }

func newSettings(e *ui.Env) ui.Screen {
	return &settingsScreen{content: ui.NewLabel("Settings")}
}

func (s *settingsScreen) Content() fyne.CanvasObject { return s.content }
func (s *settingsScreen) Refresh()                   {}
