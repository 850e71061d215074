package app

import (
	"fmt"
	"image"
	"image/png"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"

	"calltally.app/app/ui"
	"calltally.app/i18n"
)

// Shots asks Run to save a picture of every page in each language and
// theme, then quit: `make screenshots` runs it in a real window under
// Xvfb for the README and for reviewing the screens.
type Shots struct {
	Dir     string   // written as PAGE-LOCALE-THEME.png
	Locales []string // e.g. en, ar, de
	Themes  []string // ui.ThemeLight, ui.ThemeDark
}

// settleFor is how long a page may take to load its data before its
// picture is taken anyway.
const settleFor = 20 * time.Second

// takeShots runs on its own goroutine once the window is up.
func (sh *shell) takeShots(s Shots, quit func()) {
	defer fyne.Do(quit)
	if err := os.MkdirAll(s.Dir, 0o755); err != nil {
		slog.Error("Screenshots", "error", err)
		return
	}
	for _, theme := range s.Themes {
		for _, loc := range s.Locales {
			for _, p := range pages {
				if err := sh.shoot(s.Dir, p.id, loc, theme); err != nil {
					slog.Error("Screenshot", "page", p.id, "locale", loc, "theme", theme, "error", err)
				}
			}
		}
	}
}

func (sh *shell) shoot(dir, id, loc, theme string) error {
	start := time.Now()
	fyne.DoAndWait(func() {
		ui.ApplyTheme(theme)
		if i18n.Current().Tag == loc {
			sh.rebuild() // charts and icons drawn for the new theme
		} else if err := i18n.Set(loc); err != nil { // rebuilds through the shell's listener
			slog.Error("Screenshot language", "error", err)
		}
		sh.show(id)
	})
	sh.waitIdle()
	file := filepath.Join(dir, fmt.Sprintf("%s-%s-%s.png", id, loc, theme))
	slog.Info("Screenshot", "file", file, "took", time.Since(start).Round(time.Millisecond))
	return sh.capture(file)
}

// capture saves what the screen shows: with ImageMagick's import from the
// X server when there is one (the GL driver's Canvas.Capture reads an
// empty buffer under Xvfb), else the canvas as Fyne renders it.
func (sh *shell) capture(file string) error {
	if os.Getenv("DISPLAY") != "" {
		if importer, err := exec.LookPath("import"); err == nil {
			out, err := exec.Command(importer, "-window", "root", file).CombinedOutput()
			if err != nil {
				return fmt.Errorf("import: %v: %s", err, out)
			}
			return nil
		}
	}
	var img image.Image
	fyne.DoAndWait(func() { img = sh.win.Canvas().Capture() })
	return writePNG(file, img)
}

// waitIdle waits until the current screen's queries are done, then a
// little longer for the frame to be drawn.
func (sh *shell) waitIdle() {
	deadline := time.Now().Add(settleFor)
	for time.Now().Before(deadline) {
		var busy int64
		fyne.DoAndWait(func() { busy = sh.env.Busy() })
		if busy == 0 {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(700 * time.Millisecond)
}

func writePNG(file string, img image.Image) error {
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
