package ciscocucm

import (
	"strings"

	"calltally.app/drivers"
)

// splitFields cuts a line into dst, reusing its array. Strings are quoted
// and may hold commas and doubled quotes (the comment field); integers are
// bare. Fields are slices of line, so a record costs no copies.
// Its FieldError has no Name: the caller knows the layout.
func splitFields(dst []string, line string) ([]string, error) {
	dst = dst[:0]
	for i := 0; ; i++ {
		if i < len(line) && line[i] == '"' {
			v, next, ok := quoted(line, i)
			if !ok {
				return dst, &drivers.FieldError{Field: len(dst) + 1, Value: line[i:], Reason: "no closing quote"}
			}
			dst, i = append(dst, v), next
		} else {
			j := strings.IndexByte(line[i:], ',')
			if j < 0 {
				return append(dst, line[i:]), nil
			}
			dst, i = append(dst, line[i:i+j]), i+j
		}
		if i == len(line) {
			return dst, nil
		}
		if line[i] != ',' {
			return dst, &drivers.FieldError{Field: len(dst), Value: dst[len(dst)-1], Reason: "text after the closing quote"}
		}
	}
}

// quoted reads the quoted string starting at line[start] and returns it
// with the index just past its closing quote.
func quoted(line string, start int) (v string, next int, ok bool) {
	end, escaped := start+1, false
	for {
		k := strings.IndexByte(line[end:], '"')
		if k < 0 {
			return "", 0, false
		}
		end += k
		if end+1 < len(line) && line[end+1] == '"' {
			escaped, end = true, end+2
			continue
		}
		break
	}
	v = line[start+1 : end]
	if escaped {
		v = strings.ReplaceAll(v, `""`, `"`)
	}
	return v, end + 1, true
}
