package ciscocme

import (
	"fmt"
	"strings"
)

// The file-accounting layouts as far as the driver reads them. Detailed
// is as a published file of an IOS 15 router shows it: 20 columns, the
// user name, the calling and called numbers, and some 100 more the driver
// does not need (dial peers, trunk groups, the feature fields). Compact
// is assumed to begin with the same 20: Cisco names its attributes but
// shows no file (README.md, "Known limits").
var (
	compactColumns = []string{
		"unix-time", "call-id", "cdr-type", "leg-type", "h323-conf-id", "peer-address", "peer-sub-address",
		"h323-setup-time", "alert-time", "h323-connect-time", "h323-disconnect-time",
		"h323-disconnect-cause", "disconnect-text", "h323-call-origin", "charged-units", "info-type",
		"paks-out", "bytes-out", "paks-in", "bytes-in",
	}
	detailedColumns = append(compactColumns[:len(compactColumns):len(compactColumns)], "username", "clid", "dnis")
)

// A layout says where the columns the driver reads are in a CSV line.
type layout struct {
	names []string
	at    []int // per entry of columns: its index in a line, -1 if absent
	width int   // the fields a line needs: all the layout names
}

// readLayout builds the layout of a cdr-format, or of the csv-columns
// list where the site gives one.
func readLayout(format, list string) (layout, error) {
	names := detailedColumns
	if format == formatCompact {
		names = compactColumns
	}
	if strings.TrimSpace(list) != "" {
		names = strings.Split(list, ",")
		for i := range names {
			names[i] = strings.ToLower(strings.TrimSpace(names[i]))
		}
	}
	l := layout{names: names, at: make([]int, len(columns)), width: len(names)}
	for i := range columns {
		l.at[i] = -1
		for j, name := range names {
			if name != columns[i].name {
				continue
			}
			if l.at[i] >= 0 {
				return layout{}, fmt.Errorf("setting csv-columns: %s twice", name)
			}
			l.at[i] = j
		}
		if l.at[i] < 0 && columns[i].required {
			return layout{}, fmt.Errorf("setting csv-columns: no %s column", columns[i].name)
		}
	}
	return l, nil
}

// looksLikeCSV tells a file-accounting line from other text without an
// IOS message tag: it has fields.
func looksLikeCSV(text string) bool {
	return strings.Count(text, ",") >= 3
}

// readCSV reads one file-accounting line.
func (p *parser) readCSV(text string) (leg, error) {
	var err error
	p.cells, err = splitCSV(p.cells[:0], text)
	if err != nil {
		return leg{}, err
	}
	lay := &p.opts.columns
	if len(p.cells) < lay.width {
		return leg{}, fmt.Errorf("%d fields, want at least %d (file accounting, columns %s to %s)",
			len(p.cells), lay.width, lay.names[0], lay.names[lay.width-1])
	}
	var f fields
	for i := range columns {
		if at := lay.at[i]; at >= 0 {
			*columns[i].slot(&f) = field{pos: at + 1, name: lay.names[at], value: p.cells[at], found: true}
		}
	}
	return toLeg(&f, p.loc, &p.opts)
}

// splitCSV cuts a line into its fields, reusing dst's array. Fields may
// be quoted, as file accounting quotes text ("" inside stands for ").
func splitCSV(dst []string, line string) ([]string, error) {
	for {
		if line == "" || line[0] != '"' {
			i := strings.IndexByte(line, ',')
			if i < 0 {
				return append(dst, line), nil
			}
			dst, line = append(dst, line[:i]), line[i+1:]
			continue
		}
		value, rest, ok := unquote(line[1:])
		switch {
		case !ok:
			return dst, fmt.Errorf("field %d: no closing quote", len(dst)+1)
		case rest == "":
			return append(dst, value), nil
		case rest[0] != ',':
			return dst, fmt.Errorf("field %d: text after the closing quote", len(dst)+1)
		}
		dst, line = append(dst, value), rest[1:]
	}
}

// unquote reads a quoted field's text up to its closing quote and
// returns what follows.
func unquote(s string) (value, rest string, ok bool) {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '"')
		if i < 0 {
			return "", "", false
		}
		if i+1 < len(s) && s[i+1] == '"' { // an escaped quote
			b.WriteString(s[:i+1])
			s = s[i+2:]
			continue
		}
		if b.Len() == 0 {
			return s[:i], s[i+1:], true
		}
		b.WriteString(s[:i])
		return b.String(), s[i+1:], true
	}
}
