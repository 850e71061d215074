package app

import (
	"fyne.io/fyne/v2"

	"calltally.app/app/ui"
)

// pbxScreen is being built.
type pbxScreen struct{ content fyne.CanvasObject }

func newPBX(e *ui.Env) ui.Screen {
	return &pbxScreen{content: ui.NewLabel("PBX")}
}

func (s *pbxScreen) Content() fyne.CanvasObject { return s.content }
func (s *pbxScreen) Refresh()                   {}
