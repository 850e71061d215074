package app

import (
	"testing"

	"calltally.app/app/ui/uitest"
	"calltally.app/i18n"
)

// fitWidth is the narrowest window every screen must fit, in every
// language: a 1280×800 laptop, the size make screenshots uses.
const fitWidth = 1280

// TestScreensFitInEveryLanguage fails when a screen's minimum width with
// the navigation beside it exceeds fitWidth in any language: Fyne then
// grows the window past the screen and cuts what is at its far edge
// (German button labels did).
func TestScreensFitInEveryLanguage(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	var ids []string
	for _, p := range pages {
		if p.icon != "" {
			ids = append(ids, p.id)
		}
	}
	for _, l := range i18n.Languages() {
		if err := i18n.Set(l.Tag); err != nil {
			t.Fatal(err)
		}
		nav := navWidth(ids)
		for _, p := range pages {
			s := p.build(e)
			e.Window.SetContent(s.Content())
			s.Refresh()
			uitest.Settle(t, e)
			if w := nav + s.Content().MinSize().Width; w > fitWidth {
				t.Errorf("%s in %s needs %.0f px, more than %d", p.id, l.Tag, w, fitWidth)
			}
		}
	}
}
