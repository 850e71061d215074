package app

import (
	"fyne.io/fyne/v2"

	"calltally.app/app/ui"
)

// directoryScreen is being built.
type directoryScreen struct{ content fyne.CanvasObject }

func newDirectory(e *ui.Env) ui.Screen {
	return &directoryScreen{content: ui.NewLabel("Directory")}
}

func (s *directoryScreen) Content() fyne.CanvasObject { return s.content }
func (s *directoryScreen) Refresh()                   {}
