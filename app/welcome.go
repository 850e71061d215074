package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"calltally.app/app/ui"
	"calltally.app/i18n"
)

// bigButton is the size of the first-run screen's two choices.
var bigButton = fyne.NewSize(300, 96)

// welcomeScreen is the first-run page, shown while there are neither
// calls nor PBXs: open the demo office, or add one's own PBX.
type welcomeScreen struct {
	e       *ui.Env
	content fyne.CanvasObject
	demo    *widget.Button // nil when the app has no demo to offer
	addPBX  *widget.Button
}

func newWelcome(e *ui.Env) ui.Screen {
	s := &welcomeScreen{e: e}
	title := ui.NewBold(i18n.T("firstrun.title"))
	title.SizeName = theme.SizeNameHeadingText
	title.Alignment = fyne.TextAlignCenter
	intro := ui.NewParagraph(i18n.T("firstrun.intro"))
	intro.Alignment = fyne.TextAlignCenter
	s.addPBX = ui.NewButtonWithIcon(i18n.T("firstrun.add_pbx"), theme.ComputerIcon(), s.startAddingPBX)
	choices := []fyne.CanvasObject{}
	if e.OpenDemo != nil {
		s.demo = ui.NewButtonWithIcon(i18n.T("firstrun.demo"), theme.MediaPlayIcon(), s.openDemo)
		s.demo.Importance = widget.HighImportance
		choices = append(choices, container.NewGridWrap(bigButton, s.demo))
	} else {
		s.addPBX.Importance = widget.HighImportance
	}
	choices = append(choices, container.NewGridWrap(bigButton, s.addPBX))
	body := ui.VBox(title, intro, container.NewCenter(ui.HBox(choices...)))
	s.content = container.NewCenter(container.NewGridWrap(fyne.NewSize(680, 260), body))
	return s
}

func (s *welcomeScreen) Content() fyne.CanvasObject { return s.content }
func (s *welcomeScreen) Refresh()                   {}

// openDemo fills the demo data folder, opens it and shows the dashboard.
func (s *welcomeScreen) openDemo() {
	var dir string
	ui.Task(s.e, i18n.T("welcome.opening_demo"), func(ctx context.Context, _ ui.Progress) error {
		var err error
		dir, err = s.e.OpenDemo(ctx)
		return err
	}, func(err error) {
		switch {
		case ui.Cancelled(err):
			return
		case err != nil:
			ui.ShowError(s.e, err, dir)
			return
		}
		if s.e.Reopen != nil {
			if err := s.e.Reopen(dir); err != nil {
				ui.Message(s.e, i18n.T("error.database_open", "Path", dir))
				return
			}
		}
		s.e.Navigate("dashboard")
	})
}

// startAddingPBX shows the PBX screen with its add form open.
func (s *welcomeScreen) startAddingPBX() {
	startAddingPBX = true
	s.e.Navigate("pbx")
}
