package cli

import (
	"context"
	"fmt"
	"time"

	"calltally.app/drivers"
	"calltally.app/storage"
)

func runCalls(ctx context.Context, e *env, args []string) error {
	fs := e.flags("calls")
	tenant := fs.String("tenant", storage.DefaultTenant, "tenant `SLUG`")
	from := fs.String("from", "", "first `DATE` (YYYY-MM-DD, site time), or a date-time")
	to := fs.String("to", "", "last `DATE`, inclusive (or a date-time, exclusive)")
	var f storage.CallFilter
	fs.StringVar(&f.Extension, "extension", "", "only calls counted against this extension")
	direction := fs.String("direction", "", "only inbound, outbound, internal or tandem calls")
	fs.IntVar(&f.Limit, "limit", 0, "at most `N` calls (default all)")
	asJSON := fs.Bool("json", false, "one JSON object per call, one per line")
	count := fs.Bool("count", false, "print only the number of calls")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := buildFilter(&f, *from, *to, *direction); err != nil {
		return err
	}
	st, t, err := e.tenant(ctx, *tenant)
	if err != nil {
		return err
	}
	defer st.Close()
	if *count {
		return e.printCount(ctx, t, f)
	}
	out := newCallWriter(e.stdout, *asJSON)
	out.sort = false
	err = t.EachCall(ctx, f, func(c *drivers.Call) error {
		out.add(*c)
		return out.err
	})
	if cerr := out.close(); err == nil {
		err = cerr
	}
	return err
}

func (e *env) printCount(ctx context.Context, t *storage.Tenant, f storage.CallFilter) error {
	n, err := t.CountCalls(ctx, f)
	if err != nil {
		return err
	}
	if f.Limit > 0 {
		n = min(n, f.Limit)
	}
	_, err = fmt.Fprintln(e.stdout, n)
	return err
}

// buildFilter reads the date and direction flags. Dates are site wall-clock
// days; a bare --to date includes that whole day.
func buildFilter(f *storage.CallFilter, from, to, direction string) error {
	var err error
	if from != "" {
		if f.From, err = parseTime(from, time.UTC); err != nil {
			return fmt.Errorf("--from: %w", err)
		}
	}
	if to != "" {
		if f.To, err = parseTime(to, time.UTC); err != nil {
			return fmt.Errorf("--to: %w", err)
		}
		if len(to) == len("2006-01-02") {
			f.To = f.To.AddDate(0, 0, 1)
		}
	}
	if d := drivers.Direction(direction); direction != "" && !d.Valid() {
		return fmt.Errorf("--direction %q: want inbound, outbound, internal or tandem", direction)
	}
	f.Direction = drivers.Direction(direction)
	return nil
}
