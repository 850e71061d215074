package mitelmxone

import (
	"fmt"
	"strings"
)

// A role is what the driver reads a column as. The rest of a record's
// columns stay in the raw record.
type role int

const (
	roleStart role = iota
	roleDuration
	roleCondition
	// Roles from here on are optional: a layout without them reads, with
	// less to say about the call.
	roleDialed
	roleCalling
	roleAnswering
	roleInRoute
	roleOutRoute
	roleAccount
	numRoles

	firstOptional = roleDialed
)

// fixedNames are the column names seen in real CIL files (README.md,
// "What is known"). The other roles' names are settings.
var fixedNames = [firstOptional + 1][]string{
	roleStart:     {"start time local"},
	roleDuration:  {"duration"},
	roleCondition: {"condition code"},
	roleDialed:    {"dialed number", "dialled number"},
}

// roleSettings names the setting that lists each other role's names.
var roleSettings = [numRoles]string{
	roleCalling:   "calling-column",
	roleAnswering: "answering-column",
	roleInRoute:   "incoming-route-column",
	roleOutRoute:  "outgoing-route-column",
	roleAccount:   "account-column",
}

// defaultColumns is the layout Encode and Header write and the columns
// setting's default: the four known columns, then the others by the
// first name of their setting's default.
var defaultColumns = []string{
	"start time local", "duration", "condition code", "calling number", "dialed number",
	"answering number", "incoming route", "outgoing route", "account code",
}

// roleNames holds for each role the normalised names of the columns that
// hold it, the preferred first.
type roleNames [numRoles][]string

// readRoleNames reads the column-name settings.
func readRoleNames(s map[string]string) (roleNames, error) {
	var rn roleNames
	for r := range numRoles {
		if r <= roleDialed {
			rn[r] = normalised(fixedNames[r])
			continue
		}
		names, err := splitNames(s[roleSettings[r]], "|")
		if err != nil {
			return roleNames{}, fmt.Errorf("setting %s: %w", roleSettings[r], err)
		}
		rn[r] = normalised(names)
	}
	return rn, nil
}

// splitNames cuts a list of column names at sep. Names are never empty
// and hold no comma: the column line separates them by commas.
func splitNames(list, sep string) ([]string, error) {
	names := strings.Split(list, sep)
	for i, n := range names {
		names[i] = strings.TrimSpace(n)
		switch {
		case names[i] == "":
			return nil, fmt.Errorf("%q: an empty column name", list)
		case sep != "," && strings.Contains(n, ","):
			return nil, fmt.Errorf("%q: a column name holds no comma", list)
		}
	}
	return names, nil
}

// normalise makes names compare as the MX-ONE's and the technician's
// spelling may differ: case, "-", "_" and runs of blanks ignored.
func normalise(name string) string {
	name = strings.ToLower(strings.NewReplacer("-", " ", "_", " ").Replace(name))
	return strings.Join(strings.Fields(name), " ")
}

func normalised(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = normalise(n)
	}
	return out
}

// A layout is where a record holds each role.
type layout struct {
	names []string      // every column, as written
	at    [numRoles]int // the column of each role; -1 when absent
}

// newLayout maps the columns called names to roles: for each role the
// first of its names that a column has. It fails when a role every call
// needs is missing.
func newLayout(names []string, rn *roleNames) (*layout, error) {
	l := &layout{names: names}
	norm := normalised(names)
	for r := range numRoles {
		l.at[r] = -1
		for _, want := range rn[r] {
			if i := index(norm, want); i >= 0 {
				l.at[r] = i
				break
			}
		}
	}
	for r := range firstOptional {
		if l.at[r] < 0 {
			return nil, fmt.Errorf("no column %q", fixedNames[r][0])
		}
	}
	return l, nil
}

func index(names []string, want string) int {
	for i, n := range names {
		if n == want {
			return i
		}
	}
	return -1
}

// known counts the names that are a role's column: a line that names two
// is a column line, as no record holds a field called "duration".
func (rn *roleNames) known(names []string) int {
	n := 0
	for _, name := range names {
		name = normalise(name)
		for r := range numRoles {
			if index(rn[r], name) >= 0 {
				n++
				break
			}
		}
	}
	return n
}

// text returns role r of a record read with l; "" when l lacks it.
func (l *layout) text(fields []string, r role) string {
	if i := l.at[r]; i >= 0 {
		return fields[i]
	}
	return ""
}

// has reports whether l has a column for r.
func (l *layout) has(r role) bool { return l.at[r] >= 0 }
