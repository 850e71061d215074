package mitelmxone

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"calltally.app/drivers"
)

// errComment marks the lines of a CIL file's header block other than the
// column line: no call, nothing the parser needs.
var errComment = fmt.Errorf("comment line: %w", drivers.ErrNotCall)

// errFraming marks a line of control characters only, which a record
// framing option may send between records.
var errFraming = fmt.Errorf("framing characters only: %w", drivers.ErrNotCall)

// parser reads one stream of CIL records. The MX-ONE writes one record
// per call, so no call is held open: the parser keeps nothing between
// records but the layout of the last column line.
type parser struct {
	loc    *time.Location
	attr   drivers.Attribution
	opts   options
	layout *layout  // from the last column line; the columns setting before one
	fields []string // reused by splitFields
}

// Parse reads one line: a comment or column line of a file's header
// block, or a record.
func (p *parser) Parse(rec drivers.Record) ([]drivers.Call, error) {
	text := trim(rec.Text)
	if names, ok := columnLine(text, &p.opts.names); ok {
		return nil, p.readColumns(names, strings.HasPrefix(text, "#"))
	}
	switch {
	case text == "":
		return nil, errFraming
	case text[0] == '#':
		return nil, errComment
	}
	fields, err := splitFields(p.fields, text)
	p.fields = fields
	if err != nil {
		return nil, p.name(err)
	}
	r, err := p.readRecord(fields)
	if err != nil {
		return nil, err
	}
	r.id = rec.ID
	return []drivers.Call{p.call(&r)}, nil
}

// Flush has nothing to return: no call is ever held open.
func (p *parser) Flush() []drivers.Call { return nil }

// trim drops what may frame a record besides its line end: a byte order
// mark, blanks, and control characters such as the STX and ETX a record
// framing option might add.
func trim(text string) string {
	text = strings.TrimPrefix(text, "\ufeff")
	return strings.TrimFunc(text, func(r rune) bool { return r <= ' ' || r == 0x7f })
}

// columnLine recognises the line that names the columns: in CIL files
// "# " and the names separated by ", " (line 7 of the header block). A
// line naming two columns the driver knows is one, with or without "#".
func columnLine(text string, rn *roleNames) ([]string, bool) {
	if text == "" || text[0] != '#' && !isLetter(text[0]) {
		return nil, false // a record: the common case, kept cheap
	}
	body := strings.TrimSpace(strings.TrimLeft(text, "#"))
	if !strings.Contains(body, ",") || strings.Contains(body, `"`) {
		return nil, false
	}
	names := strings.Split(body, ",")
	if rn.known(names) < 2 {
		return nil, false
	}
	for i := range names {
		names[i] = strings.TrimSpace(names[i])
	}
	return names, true
}

// readColumns adopts the layout a column line names. A line without the
// columns every call needs is kept out, and records go on being read as
// before it; when it is a comment it may be one of the header block's
// other lines, which are not documented, so it is no failure.
func (p *parser) readColumns(names []string, comment bool) error {
	l, err := newLayout(names, &p.opts.names)
	switch {
	case err != nil && comment:
		return fmt.Errorf("comment line naming columns, not taken for the column line (%v): %w", err, drivers.ErrNotCall)
	case err != nil:
		return fmt.Errorf("column line kept out, records are read as before it: %w", err)
	}
	p.layout = l
	return fmt.Errorf("column line, %d columns: %w", len(names), drivers.ErrNotCall)
}

// name completes a FieldError of splitFields with the column's name.
func (p *parser) name(err error) error {
	var fe *drivers.FieldError
	if errors.As(err, &fe) {
		fe.Name = p.columnName(fe.Field - 1)
	}
	return err
}

func (p *parser) columnName(i int) string {
	if i < len(p.layout.names) {
		return p.layout.names[i]
	}
	return "beyond the last column"
}

func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// fit checks that a record has the layout's columns: a record cut short or
// in another layout shows as a missing or an extra field. Empty fields
// after the last column (a trailing comma) are no extra field.
func (p *parser) fit(fields []string) error {
	n, w := len(fields), len(p.layout.names)
	for n > w && fields[n-1] == "" {
		n--
	}
	switch {
	case n == 1 && w > 1:
		return &drivers.FieldError{Field: 2, Name: p.layout.names[1], Reason: "missing: the record is not comma-separated (only the commaseparated subtype is read)"}
	case n < w:
		return &drivers.FieldError{Field: n + 1, Name: p.layout.names[n], Reason: fmt.Sprintf("missing: the record has %d fields, the layout %d", n, w)}
	case n > w:
		return &drivers.FieldError{Field: w + 1, Name: "beyond the last column", Value: fields[w],
			Reason: fmt.Sprintf("extra: the record has %d fields, the layout %d", n, w)}
	}
	return nil
}

// splitFields cuts a line at its commas into dst, reusing its array, with
// the blanks around each field trimmed. A field may be quoted, and then
// hold commas and doubled quotes. Its FieldError has no Name: the caller
// knows the layout.
func splitFields(dst []string, line string) ([]string, error) {
	dst = dst[:0]
	for {
		rest := strings.TrimLeft(line, " \t")
		if !strings.HasPrefix(rest, `"`) {
			i := strings.IndexByte(line, ',')
			if i < 0 {
				return append(dst, strings.TrimSpace(line)), nil
			}
			dst, line = append(dst, strings.TrimSpace(line[:i])), line[i+1:]
			continue
		}
		v, after, ok := unquote(rest)
		if !ok {
			return dst, &drivers.FieldError{Field: len(dst) + 1, Value: rest, Reason: "no closing quote"}
		}
		dst, after = append(dst, v), strings.TrimLeft(after, " \t")
		if after == "" {
			return dst, nil
		}
		if after[0] != ',' {
			return dst, &drivers.FieldError{Field: len(dst), Value: v, Reason: "text after the closing quote"}
		}
		line = after[1:]
	}
}

// unquote reads the quoted string s starts with and returns it with the
// text after its closing quote.
func unquote(s string) (v, after string, ok bool) {
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		if s[i] != '"' {
			b.WriteByte(s[i])
			continue
		}
		if i+1 < len(s) && s[i+1] == '"' {
			b.WriteByte('"')
			i++
			continue
		}
		return b.String(), s[i+1:], true
	}
	return "", "", false
}
