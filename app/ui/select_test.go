package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestSelectShowsArabicInDisplayOrder(t *testing.T) {
	test.NewTempApp(t)
	inLanguage(t, "ar", func() {
		days := "365 يومًا"
		s := NewSelect([]string{"30 يومًا", days, "إلى الأبد"}, nil)
		shown := s.Options[1]
		// Fyne places runs as they come: in display order the number
		// follows the word, at its left once the line runs from the right.
		if shown == days || strings.Index(shown, "365") < strings.Index(shown, "يوم") {
			t.Errorf("option %q shown as %q, want the word before the number", days, shown)
		}
		if s.Options[2] != "إلى الأبد" {
			t.Errorf("a pure Arabic option changed: %q", s.Options[2])
		}
		if s.Alignment != fyne.TextAlignTrailing {
			t.Errorf("options aligned %v, want at the right", s.Alignment)
		}
		s.SetSelectedIndex(1)
		if s.Selected != shown || s.Option() != days {
			t.Errorf("chosen %q (option %q), want %q shown, %q given", s.Selected, s.Option(), shown, days)
		}
	})
}

func TestSelectReportsIndex(t *testing.T) {
	test.NewTempApp(t)
	var got []int
	s := NewSelect([]string{"All", "Inbound", "Outbound"}, func(i int) { got = append(got, i) })
	if s.SelectedIndex() != -1 || s.Option() != "" {
		t.Errorf("new select: index %d, option %q; want none", s.SelectedIndex(), s.Option())
	}
	s.SetSelectedIndex(2)
	s.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft}) // as the keyboard moves the choice
	s.SetIndex(0)                                  // quiet
	if want := []int{2, 1}; len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("changed called with %v, want %v", got, want)
	}
	if s.SelectedIndex() != 0 {
		t.Errorf("after SetIndex(0): index %d", s.SelectedIndex())
	}
	s.SetOptions([]string{"All", "Sales", "Support"})
	if s.Option() != "All" {
		t.Errorf("an option still offered was dropped: %q", s.Option())
	}
	s.SetOptions([]string{"Sales", "Support"})
	if s.SelectedIndex() != -1 || len(got) != 2 {
		t.Errorf("an option no longer offered stays chosen (%d) or changed was called (%v)", s.SelectedIndex(), got)
	}
}

func TestSelectChosenByTap(t *testing.T) {
	a := test.NewTempApp(t)
	chosen := -1
	s := NewSelect([]string{"One", "Two"}, func(i int) { chosen = i })
	w := a.NewWindow("")
	w.SetContent(s)
	w.Resize(fyne.NewSize(300, 200))
	test.Tap(s)
	pop := w.Canvas().Overlays().Top()
	if pop == nil {
		t.Fatal("tapping the select opened no list")
	}
	items := menuItems(pop)
	if len(items) != 2 {
		t.Fatalf("the list has %d items, want 2", len(items))
	}
	test.Tap(items[1])
	if chosen != 1 {
		t.Errorf("tapping the second option reported %d", chosen)
	}
}

// menuItems are the items of the pop-up menu o, in order (Fyne's type is
// unexported).
func menuItems(o fyne.CanvasObject) []fyne.Tappable {
	var found []fyne.Tappable
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if t, ok := o.(fyne.Tappable); ok && fmt.Sprintf("%T", o) == "*widget.menuItem" {
			found = append(found, t)
			return
		}
		switch v := o.(type) {
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(v).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return found
}
