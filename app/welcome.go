package app

import (
	"fyne.io/fyne/v2"

	"calltally.app/app/ui"
)

// welcomeScreen is being built.
type welcomeScreen struct{ content fyne.CanvasObject }

func newWelcome(e *ui.Env) ui.Screen {
	return &welcomeScreen{content: ui.NewLabel("Welcome")}
}

func (s *welcomeScreen) Content() fyne.CanvasObject { return s.content }
func (s *welcomeScreen) Refresh()                   {}
