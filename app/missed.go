package app

import (
	"fyne.io/fyne/v2"

	"calltally.app/app/ui"
)

// missedScreen is being built.
type missedScreen struct{ content fyne.CanvasObject }

func newMissed(e *ui.Env) ui.Screen {
	return &missedScreen{content: ui.NewLabel("Missed")}
}

func (s *missedScreen) Content() fyne.CanvasObject { return s.content }
func (s *missedScreen) Refresh()                   {}
