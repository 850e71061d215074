package drivers

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestDigits(t *testing.T) {
	tests := []struct {
		in     string
		maxLen int
		want   int64
		ok     bool
	}{
		{"0", 1, 0, true},
		{"0042", 4, 42, true},
		{"999999999999999", 15, 999999999999999, true},
		{"12345", 4, 0, false},
		{"", 4, 0, false},
		{"-1", 4, 0, false},
		{"+1", 4, 0, false},
		{" 1", 4, 0, false},
		{"1a", 4, 0, false},
	}
	for _, tt := range tests {
		got, ok := Digits(tt.in, tt.maxLen)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Digits(%q, %d) = %d, %v; want %d, %v", tt.in, tt.maxLen, got, ok, tt.want, tt.ok)
		}
	}
}

func TestAtoi(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"7", 7, true},
		{"123456789", 123456789, true},
		{"1234567890", 0, false}, // would overflow sums
		{"", 0, false},
		{"-7", 0, false},
		{"7 ", 0, false},
	}
	for _, tt := range tests {
		got, ok := Atoi(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Atoi(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestHMS(t *testing.T) {
	tests := []struct {
		in         string
		hourDigits int
		want       int
		ok         bool
	}{
		{"00:00:00", 6, 0, true},
		{"00:02:05", 6, 125, true},
		{"0:00:07", 6, 7, true},
		{"123:04:05", 6, 123*3600 + 4*60 + 5, true}, // hours are not limited to two digits
		{"00:60:00", 6, 0, false},
		{"00:00:60", 6, 0, false},
		{"0a:00:05", 6, 0, false},
		{"00:0:05", 6, 0, false},
		{"02:05", 6, 0, false},
		{"-1:00:00", 6, 0, false},
		{"", 6, 0, false},
		{"1234567:00:00", 6, 0, false},
		{"1234567:00:00", 9, 1234567 * 3600, true},
		{"1234567890:00:00", 9, 0, false},
	}
	for _, tt := range tests {
		got, ok := HMS(tt.in, tt.hourDigits)
		if got != tt.want || ok != tt.ok {
			t.Errorf("HMS(%q, %d) = %d, %v; want %d, %v", tt.in, tt.hourDigits, got, ok, tt.want, tt.ok)
		}
	}
}

func TestFormatHMS(t *testing.T) {
	for _, secs := range []int{0, 7, 125, 3599, 3600, 86399, 123*3600 + 4*60 + 5} {
		text := FormatHMS(secs)
		if got, ok := HMS(text, 6); !ok || got != secs {
			t.Errorf("FormatHMS(%d) = %q, read back as %d, %v", secs, text, got, ok)
		}
	}
	if got := FormatHMS(125); got != "00:02:05" {
		t.Errorf("FormatHMS(125) = %q, want 00:02:05", got)
	}
}

func TestDaysIn(t *testing.T) {
	tests := []struct {
		m          time.Month
		year, want int
	}{
		{time.January, 2026, 31},
		{time.February, 2026, 28},
		{time.February, 2024, 29},
		{time.February, 1900, 28},
		{time.February, 2000, 29},
		{time.February, 0, 29}, // no year given: 29 February may be
		{time.April, 0, 30},
		{time.December, 2026, 31},
	}
	for _, tt := range tests {
		if got := DaysIn(tt.m, tt.year); got != tt.want {
			t.Errorf("DaysIn(%s, %d) = %d, want %d", tt.m, tt.year, got, tt.want)
		}
	}
}

func TestSplitCommas(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"a,b,c", []string{"a", "b", "c"}},
		{"", []string{""}},
		{",", []string{"", ""}},
		{`"a,b",c`, []string{`"a`, `b"`, "c"}}, // no quoting
		{"a,,b,", []string{"a", "", "b", ""}},
	}
	buf := make([]string, 0, 1)
	for _, tt := range tests {
		buf = SplitCommas(buf, tt.in)
		if !slices.Equal(buf, tt.want) {
			t.Errorf("SplitCommas(%q) = %q, want %q", tt.in, buf, tt.want)
		}
	}
}

func TestNumberSet(t *testing.T) {
	got := NumberSet(" 8000, ,8001,8000,")
	if len(got) != 2 || !got["8000"] || !got["8001"] || len(NumberSet("")) != 0 {
		t.Errorf("NumberSet = %v, want 8000 and 8001", got)
	}
}

func TestJoinCommas(t *testing.T) {
	names := []string{"a", "b", "c"}
	var b strings.Builder
	if err := JoinCommas(&b, []string{"1", "", "x y"}, names, "no"); err != nil || b.String() != "1,,x y" {
		t.Errorf("JoinCommas wrote %q, error %v", b.String(), err)
	}
	for _, bad := range []string{"x,y", "x\ny", "x\r"} {
		err := JoinCommas(&strings.Builder{}, []string{"1", bad}, names, "cannot carry it")
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != 2 || fe.Name != "b" || fe.Value != bad || fe.Reason != "cannot carry it" {
			t.Errorf("JoinCommas with %q: error %v, want a FieldError for field 2 (b)", bad, err)
		}
	}
}

func TestJoinInts(t *testing.T) {
	tests := []struct {
		ns   []int
		want string
	}{
		{nil, ""},
		{[]int{5}, "5"},
		{[]int{3, 5, 10}, "3 or 5 or 10"},
	}
	for _, tt := range tests {
		if got := JoinInts(tt.ns, " or "); got != tt.want {
			t.Errorf("JoinInts(%v) = %q, want %q", tt.ns, got, tt.want)
		}
	}
}
