package i18n

import (
	"testing"

	"calltally.app/i18n/shape"
)

// BenchmarkT is one plural message with arguments, as a grid footer or a
// dashboard card asks for it.
func BenchmarkT(b *testing.B) {
	for b.Loop() {
		T("count.grid_totals", "Count", 1234, "Duration", "12:03:04", "Cost", "€12.50")
	}
}

// BenchmarkArabicLabel is T in Arabic followed by the bidi step a Fyne
// label needs.
func BenchmarkArabicLabel(b *testing.B) {
	Set("ar")
	defer Set("en")
	for b.Loop() {
		shape.Bidi(T("error.pbx_unreachable", "Address", "+49 30 1234"))
	}
}
