package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Card shows one key figure: a small title over a large value, both at
// the start side, on a panel in the theme's colours. Screens keep their
// cards and SetValue on each refresh rather than building new ones.
type Card struct {
	widget.BaseWidget
	title *canvas.Text
	value *canvas.Text
	note  *canvas.Text
}

// cardValueScale is how much larger than body text the value is drawn.
const cardValueScale = 2

// Title sizes relative to body text: a title too long for its card (the
// German "Durchschnittliche Gesprächsdauer") is drawn smaller, down to
// cardTitleLeast, rather than widening every card in the row and so the
// window past the screen.
const (
	cardTitleScale = 0.9
	cardTitleLeast = 0.7
)

// NewCard returns a card titled title showing an empty value.
func NewCard(title string) *Card {
	c := &Card{
		title: canvas.NewText(Text(title), theme.Color(theme.ColorNameForeground)),
		value: canvas.NewText("–", theme.Color(theme.ColorNameForeground)),
		note:  canvas.NewText("", theme.Color(theme.ColorNamePlaceHolder)),
	}
	c.value.TextStyle.Bold = true
	c.ExtendBaseWidget(c)
	return c
}

// Title returns the card's title as shown.
func (c *Card) Title() string { return c.title.Text }

// Value returns the card's value as shown.
func (c *Card) Value() string { return c.value.Text }

// Note returns the card's note as shown.
func (c *Card) Note() string { return c.note.Text }

// SetValue shows v as the card's figure.
func (c *Card) SetValue(v string) {
	if v = Text(v); v != c.value.Text {
		c.value.Text = v
		c.Refresh()
	}
}

// SetNote shows a short line under the value (what a figure leaves out,
// say); empty hides it.
func (c *Card) SetNote(s string) {
	if s = Text(s); s != c.note.Text {
		c.note.Text = s
		c.Refresh()
	}
}

// CreateRenderer is for Fyne.
func (c *Card) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize()
	r := &cardRenderer{card: c, bg: bg}
	r.Refresh()
	return r
}

type cardRenderer struct {
	card *Card
	bg   *canvas.Rectangle
}

func (r *cardRenderer) texts() []*canvas.Text {
	return []*canvas.Text{r.card.title, r.card.value, r.card.note}
}

// Layout stacks the texts inside the panel's padding; each is as wide as
// the card so that its alignment (start or end) places it.
func (r *cardRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	pad := 2 * theme.Padding()
	r.fitTitle(size.Width - 2*pad)
	y := pad
	for _, t := range r.texts() {
		h := t.MinSize().Height
		t.Move(fyne.NewPos(pad, y))
		t.Resize(fyne.NewSize(max(size.Width-2*pad, 0), h))
		y += h
	}
}

// fitTitle draws the title at its usual size, or smaller where the card
// is too narrow for it.
func (r *cardRenderer) fitTitle(width float32) {
	t := r.card.title
	size := theme.TextSize() * cardTitleScale
	full := fyne.MeasureText(t.Text, size, t.TextStyle).Width
	if full > width && full > 0 {
		size = max(size*width/full, theme.TextSize()*cardTitleLeast)
	}
	if t.TextSize != size {
		t.TextSize = size
		t.Refresh()
	}
}

func (r *cardRenderer) MinSize() fyne.Size {
	pad := 2 * theme.Padding()
	var w, h float32
	for _, t := range r.texts() {
		s := t.MinSize()
		if t == r.card.title {
			s.Width = fyne.MeasureText(t.Text, theme.TextSize()*cardTitleLeast, t.TextStyle).Width
			s.Height = fyne.MeasureText(t.Text, theme.TextSize()*cardTitleScale, t.TextStyle).Height
		}
		w, h = max(w, s.Width), h+s.Height
	}
	return fyne.NewSize(w+2*pad, h+2*pad)
}

// Refresh follows the theme (light or dark, text size) and the language's
// direction.
func (r *cardRenderer) Refresh() {
	r.bg.FillColor = theme.Color(theme.ColorNameInputBackground)
	r.bg.CornerRadius = theme.InputRadiusSize()
	size := theme.TextSize()
	c := r.card
	c.title.Color = theme.Color(theme.ColorNameForeground)
	c.value.Color, c.value.TextSize = theme.Color(theme.ColorNameForeground), size*cardValueScale
	c.note.Color, c.note.TextSize = theme.Color(theme.ColorNamePlaceHolder), size*0.85
	for _, t := range r.texts() {
		t.Alignment = Start()
		t.Refresh()
	}
	r.bg.Refresh()
	r.Layout(c.Size())
}

func (r *cardRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.card.title, r.card.value, r.card.note}
}

func (r *cardRenderer) Destroy() {}
