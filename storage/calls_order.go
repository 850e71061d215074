package storage

import (
	"context"
	"fmt"

	"calltally.app/drivers"
)

// CallOrder is the order of the call list: a column and a direction. The
// zero value is newest first.
type CallOrder struct {
	Column    string // one of the Order* names; "" is OrderStart
	Ascending bool
}

// The columns the call list sorts by.
const (
	OrderStart      = "start"
	OrderDirection  = "direction"
	OrderExtension  = "extension"
	OrderExternal   = "external"
	OrderDuration   = "duration"
	OrderOutcome    = "outcome" // answered by a person, then voicemail, then not answered
	OrderDepartment = "department"
	OrderCost       = "cost" // unpriced calls count as cheaper than free ones
)

// orderColumn is how one sortable column sorts: its SQL expression (never
// NULL, so that paging after a call can compare with it) and the same
// value worked out from a call that was read.
type orderColumn struct {
	expr string
	key  func(*drivers.Call) any
}

// orderColumns is the whitelist of sorts: a CallOrder names one of these,
// never SQL of its own.
var orderColumns = map[string]orderColumn{
	OrderStart:      {"start_local", func(c *drivers.Call) any { return wallSeconds(c.Start) }},
	OrderDirection:  {"direction", func(c *drivers.Call) any { return string(c.Direction) }},
	OrderExtension:  {"extension", func(c *drivers.Call) any { return c.Extension }},
	OrderExternal:   {"external", func(c *drivers.Call) any { return c.External }},
	OrderDuration:   {"duration", func(c *drivers.Call) any { return c.Duration }},
	OrderOutcome:    {"(2 * (answered = 1 AND voicemail = 0) + voicemail)", outcomeRank},
	OrderDepartment: {"department", func(c *drivers.Call) any { return c.Department }},
	OrderCost:       {"ifnull(cost, -1)", costKey},
}

func outcomeRank(c *drivers.Call) any {
	switch {
	case c.Answered && !c.Voicemail:
		return 2
	case c.Voicemail:
		return 1
	}
	return 0
}

func costKey(c *drivers.Call) any {
	if !c.Rated {
		return int64(-1)
	}
	return c.Cost
}

// column returns o's column, or an error for a name not in the whitelist.
func (o CallOrder) column() (orderColumn, error) {
	name := o.Column
	if name == "" {
		name = OrderStart
	}
	col, ok := orderColumns[name]
	if !ok {
		return orderColumn{}, fmt.Errorf("storage: unknown call order %q", o.Column)
	}
	return col, nil
}

// indexed reports whether o walks an index (calls_start) rather than
// sorting every call it selects.
func (o CallOrder) indexed() bool { return o.Column == "" || o.Column == OrderStart }

func (o CallOrder) dir() string {
	if o.Ascending {
		return " ASC"
	}
	return " DESC"
}

// orderBy is the ORDER BY clause of o: its column, then the row ID the same
// way, so that calls that tie keep one order from page to page.
func (o CallOrder) orderBy(col orderColumn) string {
	return " ORDER BY " + col.expr + o.dir() + ", id" + o.dir()
}

// after narrows a WHERE clause to the calls listed after the one whose
// sort key is key and row ID id. The first term is a range the index
// seeks to; written as one OR, SQLite would walk the index from the top
// past every call already listed, on every page (a million-call export
// took a minute instead of seconds).
func (o CallOrder) after(col orderColumn, where string, args []any, key any, id int64) (string, []any) {
	cmp, cmpEq := " < ", " <= "
	if o.Ascending {
		cmp, cmpEq = " > ", " >= "
	}
	cond := col.expr + cmpEq + "? AND (" + col.expr + cmp + "? OR id" + cmp + "?)"
	args = append(args[:len(args):len(args)], key, key, id)
	return and(where, cond), args
}

// eachSorted is EachCallID for orders no index gives: one query that
// sorts the selected calls once (SQLite spills a large sort to temporary
// files, so memory stays bounded) and streams them. Paging would sort
// them all again for every page.
func (t *Tenant) eachSorted(ctx context.Context, f CallFilter, col orderColumn, fn func(int64, *drivers.Call) error) error {
	where, args := f.where()
	limit := f.Limit
	if limit <= 0 {
		limit = -1
	}
	rows, err := t.db.QueryContext(ctx, "SELECT "+callColumns+" FROM calls"+where+f.Order.orderBy(col)+" LIMIT ?", append(args, limit)...)
	if err != nil {
		return fmt.Errorf("query calls: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		c, id, err := scanCall(rows)
		if err != nil {
			return err
		}
		if err := fn(id, &c); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("query calls: %w", err)
	}
	return nil
}
