package storage

import (
	"cmp"
	"context"
	"slices"
	"testing"

	"calltally.app/drivers"
)

func TestCallSearch(t *testing.T) {
	_, ten := openTenant(t)
	calls := append([]sc{
		{start: bt("2026-03-02 13:00"), dir: drivers.Outbound, ext: "260", name: "Dora 100%_off", num: "(030) 555-12/34"},
	}, statsDay...)
	storeStats(t, ten, calls...)
	tests := []struct {
		search string
		want   int
	}{
		{"", 12},
		{"anna", 4},          // extension name, any case
		{"250", 1},           // extension
		{"555 12", 1},        // number, separators ignored
		{"+4930111", 5},      // E.164
		{"100%", 1},          // LIKE wildcards match themselves
		{"_", 1},             // only Dora's name has an underscore
		{"nobody here", 0},   // no match
		{"'; DROP TABLE", 0}, // parameters, not SQL
		{"  Ben  ", 4},       // trimmed
		{"0301112222", 2},    // digits of the number as written
		{"20", 10},           // 20x extensions, and 0044 20 7… by number
	}
	for _, tt := range tests {
		n, err := ten.CountCalls(context.Background(), CallFilter{Search: tt.search})
		if err != nil || n != tt.want {
			t.Errorf("Search %q: %d calls, %v; want %d", tt.search, n, err, tt.want)
		}
	}
}

func TestCallOrders(t *testing.T) {
	_, ten := openTenant(t)
	storeStats(t, ten, statsDay...)
	ctx := context.Background()
	for name, col := range orderColumns {
		for _, asc := range []bool{true, false} {
			f := CallFilter{Order: CallOrder{Column: name, Ascending: asc}}
			var want []drivers.Call
			var ids []int64
			err := ten.EachCallID(ctx, CallFilter{}, func(id int64, c *drivers.Call) error {
				want, ids = append(want, *c), append(ids, id)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			sortCalls(want, ids, col, asc)
			got := pages(t, ten, f, 3)
			if !sameStarts(got, want) {
				t.Errorf("order %s asc=%v by pages: %v; want %v", name, asc, starts(got), starts(want))
			}
			var each []drivers.Call
			if err := ten.EachCall(ctx, f, func(c *drivers.Call) error { each = append(each, *c); return nil }); err != nil {
				t.Fatal(err)
			}
			if !sameStarts(each, want) {
				t.Errorf("order %s asc=%v by EachCall: %v; want %v", name, asc, starts(each), starts(want))
			}
		}
	}
}

func TestCallOrderUnknown(t *testing.T) {
	_, ten := openTenant(t)
	f := CallFilter{Order: CallOrder{Column: "duration; DROP TABLE calls"}}
	if _, err := ten.Calls(context.Background(), f); err == nil {
		t.Error("Calls with an unknown order: no error")
	}
	if err := ten.EachCall(context.Background(), f, func(*drivers.Call) error { return nil }); err == nil {
		t.Error("EachCall with an unknown order: no error")
	}
}

// TestEachCallPagesInOrder checks the keyset paging of the start order
// across pages of 1000, both ways.
func TestEachCallPagesInOrder(t *testing.T) {
	_, ten := openTenant(t)
	store(t, ten, 2500)
	for _, asc := range []bool{true, false} {
		var prev *drivers.Call
		n := 0
		err := ten.EachCall(context.Background(), CallFilter{Order: CallOrder{Ascending: asc}}, func(c *drivers.Call) error {
			if prev != nil && (c.Start.Before(prev.Start) == asc) && !c.Start.Equal(prev.Start) {
				t.Fatalf("call %d at %v after %v (ascending %v)", n, c.Start, prev.Start, asc)
			}
			prev, n = c, n+1
			return nil
		})
		if err != nil || n != 2500 {
			t.Errorf("ascending %v: %d calls, %v; want 2500", asc, n, err)
		}
	}
}

// sortCalls sorts calls (and their ids) as the order column col would.
func sortCalls(calls []drivers.Call, ids []int64, col orderColumn, asc bool) {
	idx := make([]int, len(calls))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int {
		c := compareKeys(col.key(&calls[a]), col.key(&calls[b]))
		if c == 0 {
			c = cmp.Compare(ids[a], ids[b])
		}
		if !asc {
			c = -c
		}
		return c
	})
	sorted := make([]drivers.Call, len(calls))
	for i, j := range idx {
		sorted[i] = calls[j]
	}
	copy(calls, sorted)
}

func compareKeys(a, b any) int {
	switch a := a.(type) {
	case string:
		return cmp.Compare(a, b.(string))
	case int:
		return cmp.Compare(a, b.(int))
	case int64:
		return cmp.Compare(a, b.(int64))
	}
	panic("unknown key type")
}

// pages reads every call f selects with Calls, size at a time.
func pages(t *testing.T, ten *Tenant, f CallFilter, size int) []drivers.Call {
	var all []drivers.Call
	for f.Offset, f.Limit = 0, size; ; f.Offset += size {
		page, err := ten.Calls(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, page...)
		if len(page) < size {
			return all
		}
	}
}

func starts(calls []drivers.Call) []string {
	var s []string
	for _, c := range calls {
		s = append(s, c.Start.Format("02 15:04"))
	}
	return s
}

func sameStarts(a, b []drivers.Call) bool { return slices.Equal(starts(a), starts(b)) }
