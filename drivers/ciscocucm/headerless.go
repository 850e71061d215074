package ciscocucm

import (
	"fmt"
	"slices"
	"strconv"
	"sync"
)

// Records can come without a header line: the collector resumed in the
// middle of a file after a restart, or it left out a file's header lines
// as copies of ones it had stored before. They are read by the column
// order of the current release, which every release since 7.x extended
// only at the end.

// minWidth is the fewest columns a record can have and be read without a
// header: up to the last of the fields every release writes.
var minWidth = func() int {
	w := 0
	for f := range firstOptional {
		w = max(w, slices.IndexFunc(columns[:], func(c column) bool { return c.name == fieldColumns[f] })+1)
	}
	return w
}()

// prefixLayouts holds at index w the layout of the first w columns, for
// every w from minWidth up. Built once and shared: layouts never change.
var prefixLayouts = sync.OnceValue(func() []*layout {
	names := make([]string, len(columns))
	for i, c := range columns {
		names[i] = c.name
	}
	all := make([]*layout, len(columns)+1)
	for w := minWidth; w <= len(columns); w++ {
		l, err := newLayout(names[:w:w])
		if err != nil {
			panic("ciscocucm: " + err.Error()) // columns is wrong: a programming error
		}
		all[w] = l
	}
	return all
})

// headerless is how the layout setting reads records before any header.
type headerless struct {
	widths []int  // the field counts accepted, ascending
	want   string // what they are, for messages
}

func readHeaderless(setting string) (headerless, error) {
	switch setting {
	case layoutAuto:
		return headerless{knownWidths, "want 129, 131 or 133 (no header line read)"}, nil
	case layoutAny:
		h := headerless{want: fmt.Sprintf("want %d to %d (no header line read)", minWidth, len(columns))}
		for w := minWidth; w <= len(columns); w++ {
			h.widths = append(h.widths, w)
		}
		return h, nil
	}
	w, err := strconv.Atoi(setting)
	if err != nil || !slices.Contains(knownWidths, w) {
		return headerless{}, fmt.Errorf("setting layout=%q: want auto, any, 129, 131 or 133", setting)
	}
	return headerless{[]int{w}, "want " + setting + " (no header line read)"}, nil
}

// layout returns the layout of a record of n fields: its own width's when
// accepted, else the narrowest wider one (or the widest), whose fit then
// names the field missing or extra.
func (h *headerless) layout(n int) *layout {
	i, _ := slices.BinarySearch(h.widths, n)
	if i == len(h.widths) {
		i--
	}
	return prefixLayouts()[h.widths[i]]
}
