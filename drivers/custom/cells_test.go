package custom

import (
	"errors"
	"slices"
	"testing"

	"calltally.app/drivers"
)

func TestSplitDelimited(t *testing.T) {
	tests := []struct {
		line       string
		sep, quote byte
		want       []string
		badField   int // the field of the error; 0 for none
	}{
		{"a,b,,c", ',', '"', []string{"a", "b", "", "c"}, 0},
		{" a , b ", ',', '"', []string{"a", "b"}, 0},
		{"", ',', '"', []string{""}, 0},
		{"a,", ',', '"', []string{"a", ""}, 0},
		{`"Meier, Anna",201`, ',', '"', []string{"Meier, Anna", "201"}, 0},
		{`"say ""hi""",x`, ',', '"', []string{`say "hi"`, "x"}, 0},
		{` "a" ,"b"`, ',', '"', []string{"a", "b"}, 0},
		{`"",x,""`, ',', '"', []string{"", "x", ""}, 0},
		{`O'Neil;'a;b'`, ';', '\'', []string{"O'Neil", "a;b"}, 0}, // a quote inside a field is text
		{`a"b,c`, ',', '"', []string{`a"b`, "c"}, 0},
		{`"a,b`, ',', '"', nil, 1},
		{`x,"a"b,c`, ',', '"', nil, 2},
		{`"a,b"`, ',', 0, []string{`"a`, `b"`}, 0},
		{"a\tb\t c", '\t', '"', []string{"a", "b", "c"}, 0},
	}
	for _, tt := range tests {
		got, err := splitDelimited(nil, tt.line, tt.sep, tt.quote)
		var fe *drivers.FieldError
		switch {
		case tt.badField > 0 && (!errors.As(err, &fe) || fe.Field != tt.badField || fe.Name != "quote"):
			t.Errorf("%q: error %v, want one in field %d (quote)", tt.line, err, tt.badField)
		case tt.badField == 0 && (err != nil || !slices.Equal(got, tt.want)):
			t.Errorf("%q = %q, %v; want %q", tt.line, got, err, tt.want)
		}
	}
}

// TestCut counts fixed-width columns in characters: UTF-8 and Latin-1
// names before a field do not shift it.
func TestCut(t *testing.T) {
	tests := []struct {
		line          string
		column, width int
		want          string
	}{
		{"0123456789", 3, 4, "2345"},
		{"01 34  ", 3, 4, "34"},
		{"0123", 3, 4, "23"},
		{"0123", 5, 4, ""},
		{"0123", 9, 2, ""},
		{"Jürgen Groß 77", 13, 2, "77"},
		{"J\xfcrgen Gro\xdf 77", 13, 2, "77"},
		{"Jürgen Groß 77", 1, 6, "Jürgen"},
		{"Jürgen", 4, 10, "gen"},
		{"Jürgen", 7, 2, ""},
	}
	for _, tt := range tests {
		if got := cut(tt.line, isASCII(tt.line), tt.column, tt.width); got != tt.want {
			t.Errorf("cut(%q, %d, %d) = %q, want %q", tt.line, tt.column, tt.width, got, tt.want)
		}
	}
}
