package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"calltally.app/i18n"
	"calltally.app/i18n/shape"
)

// Fyne has no right-to-left layout (its issue #90): Mirror wraps a layout
// so that, in a right-to-left language, what it places at the left goes
// to the right and the other way round. Screens are rebuilt when the
// language changes, so the language is read at layout time.
func Mirror(l fyne.Layout) fyne.Layout { return mirrored{l} }

type mirrored struct{ inner fyne.Layout }

func (m mirrored) MinSize(objects []fyne.CanvasObject) fyne.Size { return m.inner.MinSize(objects) }

func (m mirrored) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	m.inner.Layout(objects, size)
	if !i18n.IsRTL() {
		return
	}
	for _, o := range objects {
		p := o.Position()
		o.Move(fyne.NewPos(size.Width-p.X-o.Size().Width, p.Y))
	}
}

// HBox lays objects out in a row from the start of the line: left to
// right, or right to left in Arabic.
func HBox(objects ...fyne.CanvasObject) *fyne.Container {
	return container.New(Mirror(layout.NewHBoxLayout()), objects...)
}

// VBox is container.NewVBox; it is here so that screens need one package
// for layouts.
func VBox(objects ...fyne.CanvasObject) *fyne.Container { return container.NewVBox(objects...) }

// Border is container.NewBorder with start and end in place of left and
// right: start is the left side, or the right in Arabic.
func Border(top, bottom, start, end, center fyne.CanvasObject) *fyne.Container {
	var objects []fyne.CanvasObject
	for _, o := range []fyne.CanvasObject{top, bottom, start, end, center} {
		if o != nil {
			objects = append(objects, o)
		}
	}
	return container.New(Mirror(layout.NewBorderLayout(top, bottom, start, end)), objects...)
}

// Grid lays objects out in rows of cols columns, the first at the start.
func Grid(cols int, objects ...fyne.CanvasObject) *fyne.Container {
	return container.New(Mirror(layout.NewGridLayoutWithColumns(cols)), objects...)
}

// Split is a horizontal split with start at the start side: the divider
// is Fyne's own widget, so in Arabic the halves swap instead.
func Split(start, end fyne.CanvasObject, offset float64) *container.Split {
	if i18n.IsRTL() {
		s := container.NewHSplit(end, start)
		s.Offset = 1 - offset
		return s
	}
	s := container.NewHSplit(start, end)
	s.Offset = offset
	return s
}

// Start is the text alignment at the start of a line: leading, or
// trailing in Arabic. End is the other.
func Start() fyne.TextAlign { return flip(fyne.TextAlignLeading) }

// End is the alignment at the end of a line; numbers in tables use it.
func End() fyne.TextAlign { return flip(fyne.TextAlignTrailing) }

// Align mirrors an alignment given for left-to-right text.
func Align(a fyne.TextAlign) fyne.TextAlign { return flip(a) }

func flip(a fyne.TextAlign) fyne.TextAlign {
	if !i18n.IsRTL() || a == fyne.TextAlignCenter {
		return a
	}
	if a == fyne.TextAlignLeading {
		return fyne.TextAlignTrailing
	}
	return fyne.TextAlignLeading
}

// Text prepares a string for a Fyne label: mixed Arabic, Latin and digits
// put in display order (Fyne orders runs as they come), so that phone
// numbers and amounts read right inside Arabic.
func Text(s string) string { return shape.Bidi(s) }

// NewLabel is a label aligned to the start of the line, its text through
// Text.
func NewLabel(s string) *widget.Label {
	l := widget.NewLabel(Text(s))
	l.Alignment = Start()
	return l
}

// NewBold is NewLabel in bold.
func NewBold(s string) *widget.Label {
	l := NewLabel(s)
	l.TextStyle.Bold = true
	return l
}

// SetText sets a label's text through Text.
func SetText(l *widget.Label, s string) { l.SetText(Text(s)) }

// Column returns the data column shown at visual column i of n: table
// columns run from the right in Arabic, so the first (the call's start)
// is at the right edge.
func Column(i, n int) int {
	if i18n.IsRTL() {
		return n - 1 - i
	}
	return i
}

// BackIcon and ForwardIcon point against and along the reading direction.
func BackIcon() fyne.Resource {
	if i18n.IsRTL() {
		return theme.NavigateNextIcon()
	}
	return theme.NavigateBackIcon()
}

// ForwardIcon points along the reading direction.
func ForwardIcon() fyne.Resource {
	if i18n.IsRTL() {
		return theme.NavigateBackIcon()
	}
	return theme.NavigateNextIcon()
}

// NewParagraph is a label that wraps at word boundaries. Its text is kept
// in logical order, not through Text: Fyne wraps after ordering, so a
// reordered Arabic paragraph would show its lines bottom to top. Numbers
// and Latin words inside Arabic may sit a word off; the lines are right.
func NewParagraph(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Alignment = Start()
	l.Wrapping = fyne.TextWrapWord
	return l
}

// SetParagraph sets a NewParagraph's text.
func SetParagraph(l *widget.Label, s string) { l.SetText(s) }
