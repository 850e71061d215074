package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/layout"
)

// MinWidth gives o at least width w, for inputs whose own minimum cuts
// their content (a date entry) and for lists as wide as their longest row.
func MinWidth(w float32, o fyne.CanvasObject) fyne.CanvasObject {
	return MinWidthOf(func() float32 { return w }, o)
}

// MinWidthOf is MinWidth with the width worked out at each layout, for
// widths that follow text: Fyne measures text with the theme's current
// font, which changes with the language.
func MinWidthOf(w func() float32, o fyne.CanvasObject) fyne.CanvasObject {
	return &fyne.Container{Layout: minWidth(w), Objects: []fyne.CanvasObject{o}}
}

type minWidth func() float32

func (w minWidth) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	layout.NewStackLayout().Layout(objects, size)
}

func (w minWidth) MinSize(objects []fyne.CanvasObject) fyne.Size {
	s := fyne.NewSize(w(), 0)
	for _, o := range objects {
		s = s.Max(o.MinSize())
	}
	return s
}

// TextWidth is the width s takes in the theme's text size and style.
func TextWidth(s string, style fyne.TextStyle) float32 {
	return fyne.MeasureText(s, fyne.CurrentApp().Settings().Theme().Size("text"), style).Width
}
