package ui

import (
	"slices"

	"fyne.io/fyne/v2/widget"
)

// Select is a drop-down list whose options are shown through Text, so
// that "365 يومًا" reads right in Arabic (widget.Select shows its strings
// as given, the number on the wrong side), and which reports the chosen
// option by its index: callers never compare displayed strings.
//
// It extends widget.Select: SetSelectedIndex, SelectedIndex, Disable…
// are Fyne's; Options and Selected hold the displayed strings.
type Select struct {
	widget.Select
	options []string // as given, in logical order
	changed func(index int)
}

// NewSelect is a Select of options, none chosen; changed, if not nil, is
// called with the index chosen, by the user or by SetSelectedIndex.
func NewSelect(options []string, changed func(index int)) *Select {
	s := &Select{changed: changed}
	s.ExtendBaseWidget(s)
	s.Alignment = Start()
	s.PlaceHolder = "—" // Fyne's own says "(Select one)" in English
	s.OnChanged = func(string) {
		if s.changed != nil {
			s.changed(s.SelectedIndex())
		}
	}
	s.SetOptions(options)
	return s
}

// SetOptions replaces the options. The chosen one stays chosen if it is
// still offered, else none is; changed is not called.
func (s *Select) SetOptions(options []string) {
	chosen := s.Option()
	s.options = slices.Clone(options)
	s.Options = make([]string, len(options))
	for i, o := range options {
		s.Options[i] = Text(o)
	}
	s.Selected = ""
	if i := slices.Index(s.options, chosen); i >= 0 && chosen != "" {
		s.Selected = s.Options[i]
	}
	s.Refresh()
}

// SetIndex chooses option i (-1: none) without calling changed: a screen
// showing a stored value uses it.
func (s *Select) SetIndex(i int) {
	s.Selected = ""
	if i >= 0 && i < len(s.Options) {
		s.Selected = s.Options[i]
	}
	s.Refresh()
}

// Option is the chosen option as given to NewSelect or SetOptions, ""
// when none is chosen.
func (s *Select) Option() string {
	if i := s.SelectedIndex(); i >= 0 && i < len(s.options) {
		return s.options[i]
	}
	return ""
}

// OnChosen replaces the function called with the chosen index.
func (s *Select) OnChosen(changed func(index int)) { s.changed = changed }
