package app

import (
	"fyne.io/fyne/v2"

	"calltally.app/app/ui"
)

// dashboardScreen is being built.
type dashboardScreen struct{ content fyne.CanvasObject }

func newDashboard(e *ui.Env) ui.Screen {
	return &dashboardScreen{content: ui.NewLabel("Dashboard")}
}

func (s *dashboardScreen) Content() fyne.CanvasObject { return s.content }
func (s *dashboardScreen) Refresh()                   {}
