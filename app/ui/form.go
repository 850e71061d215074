package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// A Field is one row of a Form: its label and its input.
type Field struct {
	Label string
	Input fyne.CanvasObject
}

// Form lays fields out as label | input rows, labels at the start side,
// inputs taking the rest of the width. Unlike widget.Form it mirrors and
// has no buttons of its own (Fyne's say "Submit" in English).
func Form(fields ...Field) *fyne.Container {
	objects := make([]fyne.CanvasObject, 0, 2*len(fields))
	for _, f := range fields {
		objects = append(objects, NewBold(f.Label), f.Input)
	}
	return &fyne.Container{Layout: Mirror(formLayout{}), Objects: objects}
}

// formLayout places pairs of objects in two columns: the first as wide as
// its widest object, the second the rest.
type formLayout struct{}

func (formLayout) widths(objects []fyne.CanvasObject) (label, input float32) {
	for i := 0; i+1 < len(objects); i += 2 {
		label = max(label, objects[i].MinSize().Width)
		input = max(input, objects[i+1].MinSize().Width)
	}
	return label, input
}

func rowHeight(objects []fyne.CanvasObject, i int) float32 {
	return max(objects[i].MinSize().Height, objects[i+1].MinSize().Height)
}

func (l formLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	label, input := l.widths(objects)
	var h float32
	for i := 0; i+1 < len(objects); i += 2 {
		h += rowHeight(objects, i) + pad
	}
	return fyne.NewSize(label+pad+input, max(h-pad, 0))
}

func (l formLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	label, _ := l.widths(objects)
	var y float32
	for i := 0; i+1 < len(objects); i += 2 {
		h := rowHeight(objects, i)
		objects[i].Move(fyne.NewPos(0, y))
		objects[i].Resize(fyne.NewSize(label, h))
		objects[i+1].Move(fyne.NewPos(label+pad, y))
		objects[i+1].Resize(fyne.NewSize(size.Width-label-pad, h))
		y += h + pad
	}
}

// NewProblem is a label for a validation message, in the theme's error
// colour; empty until SetText.
func NewProblem() *widget.Label {
	l := NewParagraph("")
	l.Importance = widget.DangerImportance
	return l
}
