package openscapevoice

import (
	"strings"
	"unicode/utf8"

	"calltally.app/drivers"
)

// splitFields cuts a record at its commas into dst, reusing its array.
// A field may be quoted ("a,b"), a quote inside written twice; most are
// bare, so bare fields are sliced from line without copying.
func splitFields(dst []string, line string) ([]string, error) {
	dst = dst[:0]
	for {
		if strings.HasPrefix(line, `"`) {
			value, rest, err := quoted(line, len(dst)+1)
			if err != nil {
				return dst, err
			}
			dst = append(dst, value)
			if rest == "" {
				return dst, nil
			}
			line = rest[1:] // past the comma quoted checked
			continue
		}
		i := strings.IndexByte(line, ',')
		if i < 0 {
			return append(dst, line), nil
		}
		dst = append(dst, line[:i])
		line = line[i+1:]
	}
}

// quoted reads the quoted field line starts with, field n of the record,
// and returns it unquoted with what follows its closing quote: nothing,
// or a comma and the next fields.
func quoted(line string, n int) (value, rest string, err error) {
	var b strings.Builder
	s := line[1:]
	for {
		i := strings.IndexByte(s, '"')
		if i < 0 {
			return "", "", &drivers.FieldError{Field: n, Name: "quoted field", Value: clip(line), Reason: "no closing quote"}
		}
		b.WriteString(s[:i])
		s = s[i+1:]
		if strings.HasPrefix(s, `"`) { // a quote written twice stands for one
			b.WriteByte('"')
			s = s[1:]
			continue
		}
		if s != "" && s[0] != ',' {
			return "", "", &drivers.FieldError{Field: n, Name: "quoted field", Value: line[:len(line)-len(s)+1],
				Reason: "text after the closing quote"}
		}
		return b.String(), s, nil
	}
}

// clip shortens a value for a message: the raw record keeps all of it.
func clip(s string) string {
	const max = 40
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
