package custom

import (
	"strings"
	"unicode/utf8"

	"calltally.app/drivers"
)

// splitDelimited cuts a line into its fields at the separator, into dst
// (reusing its array). A field that starts with the quote character runs
// to the next quote not doubled, separators included; "" inside it is
// one quote. Blanks around fields are trimmed.
func splitDelimited(dst []string, line string, sep, quote byte) ([]string, error) {
	dst = dst[:0]
	if quote == 0 || strings.IndexByte(line, quote) < 0 {
		return splitPlain(dst, line, sep), nil // the common case: nothing quoted
	}
	for {
		v, rest, more, err := nextField(line, sep, quote, len(dst)+1)
		if err != nil {
			return dst, err
		}
		dst = append(dst, v)
		if !more {
			return dst, nil
		}
		line = rest
	}
}

func splitPlain(dst []string, line string, sep byte) []string {
	for {
		i := strings.IndexByte(line, sep)
		if i < 0 {
			return append(dst, trim(line))
		}
		dst = append(dst, trim(line[:i]))
		line = line[i+1:]
	}
}

// nextField reads the field line starts with (field number n, for the
// error) and returns what follows its separator; more is false at the
// end of the line.
func nextField(line string, sep, quote byte, n int) (v, rest string, more bool, err error) {
	s := strings.TrimLeft(line, " \t")
	if s == "" || s[0] != quote {
		i := strings.IndexByte(line, sep)
		if i < 0 {
			return trim(line), "", false, nil
		}
		return trim(line[:i]), line[i+1:], true, nil
	}
	v, after, ok := unquote(s[1:], quote)
	if !ok {
		return "", "", false, &drivers.FieldError{Field: n, Name: "quote", Value: s, Reason: "no closing quote"}
	}
	after = strings.TrimLeft(after, " \t")
	switch {
	case after == "":
		return v, "", false, nil
	case after[0] == sep:
		return v, after[1:], true, nil
	}
	return "", "", false, &drivers.FieldError{Field: n, Name: "quote", Value: s, Reason: "text after the closing quote, before the separator"}
}

// unquote reads a quoted field's text up to its closing quote.
func unquote(s string, quote byte) (v, after string, ok bool) {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, quote)
		if i < 0 {
			return "", "", false
		}
		b.WriteString(s[:i])
		if i+1 < len(s) && s[i+1] == quote {
			b.WriteByte(quote)
			s = s[i+2:]
			continue
		}
		return trim(b.String()), s[i+1:], true
	}
}

// cut returns the width characters of a fixed-width record from column
// (1-based), "" past its end: the reader trims trailing blanks, so a
// record may end before its last fields. Columns count characters, so a
// UTF-8 name does not shift the fields after it; bytes that are not
// UTF-8 (Latin-1 names) count one each. ascii says line is plain ASCII,
// where characters are bytes.
func cut(line string, ascii bool, column, width int) string {
	start := column - 1
	if !ascii {
		return cutRunes(line, start, width)
	}
	if start >= len(line) {
		return ""
	}
	return trim(line[start:min(start+width, len(line))])
}

func cutRunes(line string, start, width int) string {
	from, to := len(line), len(line)
	for n, i := 0, 0; i < len(line); n++ {
		if n == start {
			from = i
		}
		if n == start+width {
			to = i
			break
		}
		_, size := utf8.DecodeRuneInString(line[i:])
		i += size
	}
	return trim(line[from:max(from, to)])
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func trim(s string) string { return strings.Trim(s, " \t") }
