package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"slices"

	"calltally.app/storage"
)

// extCommands are the subcommands of calltally ext.
var extCommands = map[string]subcommand{
	"add": runExtAdd, "list": runExtList, "edit": runExtEdit, "move": runExtMove, "remove": runExtRemove,
	"import": func(ctx context.Context, e *env, args []string) error {
		return runListImport(ctx, e, "ext", (*storage.Tenant).ImportExtensions, args)
	},
	"export": func(ctx context.Context, e *env, args []string) error {
		return runListExport(ctx, e, "ext", (*storage.Tenant).ExportExtensions, args)
	},
}

func runExt(ctx context.Context, e *env, args []string) error {
	return runGroup(ctx, e, "ext", extCommands, args)
}

// extFlags are the fields of an extension period on the command line.
type extFlags struct {
	userFlag                           string // "user", or "to-user" for ext move
	name, user, dept, costCentre, site string
	from, to                           string
}

func (f *extFlags) register(fs *flag.FlagSet, period bool) {
	fs.StringVar(&f.name, "name", "", "the extension's `LABEL` (\"Reception 2\", or its holder's name)")
	fs.StringVar(&f.user, f.userFlag, "", "who has it: `USER`")
	fs.StringVar(&f.dept, "dept", "", "department `PATH`, e.g. \"Sales/Inside Sales\" (see calltally dept list); \"\" for none")
	fs.StringVar(&f.costCentre, "costcentre", "", "cost centre `CODE` (see calltally costcentre list); \"\" for none")
	fs.StringVar(&f.site, "site", "", "`SITE` name")
	if period {
		fs.StringVar(&f.from, "from", "", "the period starts at `DATE` (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS, site time); \"\": since always")
		fs.StringVar(&f.to, "to", "", "the period ends at `DATE` (exclusive); \"\": open")
	}
}

// apply sets, on x, the fields whose flags were given.
func (f *extFlags) apply(x *storage.Extension, given map[string]bool) error {
	for _, s := range []struct {
		flag     string
		dst, val *string
	}{{"name", &x.Name, &f.name}, {f.userFlag, &x.User, &f.user}, {"dept", &x.Department, &f.dept},
		{"costcentre", &x.CostCentre, &f.costCentre}, {"site", &x.Site, &f.site}} {
		if given[s.flag] {
			*s.dst = *s.val
		}
	}
	var err error
	if given["from"] {
		if x.From, err = wallFlag("from", f.from); err != nil {
			return err
		}
	}
	if given["to"] {
		x.To, err = wallFlag("to", f.to)
	}
	return err
}

// holder names who has x, for messages.
func holder(x storage.Extension) string {
	switch {
	case x.User != "":
		return x.User
	case x.Name != "":
		return x.Name
	case x.Unassigned:
		return "unassigned"
	}
	return "nobody"
}

func runExtAdd(ctx context.Context, e *env, args []string) error {
	fs, tenant := e.dirFlags("ext add")
	f := extFlags{userFlag: "user"}
	f.register(fs, true)
	if err := parseArgs(fs, args, 1, "one extension NUMBER"); err != nil {
		return err
	}
	x := storage.Extension{Number: fs.Arg(0)}
	if err := f.apply(&x, given(fs)); err != nil {
		return err
	}
	return e.withTenant(ctx, *tenant, func(t *storage.Tenant) error {
		x, err := t.AddExtension(ctx, x)
		if err != nil {
			return overlapHint(err)
		}
		fmt.Fprintf(e.stdout, "added extension %s (%s) %s\n", x.Number, holder(x), x.Period())
		return nil
	})
}

func runExtEdit(ctx context.Context, e *env, args []string) error {
	fs, tenant := e.dirFlags("ext edit")
	f := extFlags{userFlag: "user"}
	f.register(fs, true)
	atFlag := fs.String("at", "", "change the period valid at `DATE` (default: the number's latest)")
	if err := parseArgs(fs, args, 1, "one extension NUMBER"); err != nil {
		return err
	}
	g := given(fs)
	at, err := wallFlag("at", *atFlag)
	if err != nil {
		return err
	}
	if !changes(g, "tenant", "data", "at") {
		return errors.New("nothing to change: give the fields to change (see calltally ext edit --help)")
	}
	return e.withTenant(ctx, *tenant, func(t *storage.Tenant) error {
		x, err := t.EditExtension(ctx, fs.Arg(0), at, func(x *storage.Extension) error {
			x.Unassigned = false // edited by hand: in the directory now
			return f.apply(x, g)
		})
		if err != nil {
			return overlapHint(err)
		}
		fmt.Fprintf(e.stdout, "changed extension %s (%s) %s\n", x.Number, holder(x), x.Period())
		return nil
	})
}

// overlapHint adds what to do to an overlap of periods.
func overlapHint(err error) error {
	if errors.Is(err, storage.ErrOverlap) {
		return fmt.Errorf("%w: end that period first (ext edit --at DATE --to DATE) or use ext move", err)
	}
	return err
}

// changes reports whether any flag other than those listed was given.
func changes(g map[string]bool, besides ...string) bool {
	for name := range g {
		if !slices.Contains(besides, name) {
			return true
		}
	}
	return false
}

func runExtMove(ctx context.Context, e *env, args []string) error {
	fs, tenant := e.dirFlags("ext move")
	f := extFlags{userFlag: "to-user"}
	f.register(fs, false)
	fromFlag := fs.String("from", "", "the `DATE` the new holder takes over (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS, site time): the period before ends there")
	if err := parseArgs(fs, args, 1, "one extension NUMBER"); err != nil {
		return err
	}
	g := given(fs)
	from, err := wallFlag("from", *fromFlag)
	if err == nil && from.IsZero() {
		err = errors.New("--from is required: the date the change takes effect")
	}
	if err != nil {
		return err
	}
	if !changes(g, "tenant", "data", "from") {
		return errors.New("nothing to change: give --to-user or another field of the new period (see calltally ext move --help)")
	}
	return e.withTenant(ctx, *tenant, func(t *storage.Tenant) error {
		x, err := t.MoveExtension(ctx, fs.Arg(0), from, func(x *storage.Extension) error { return f.apply(x, g) })
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "moved extension %s to %s %s (calls before %s keep their holder)\n",
			x.Number, holder(x), x.Period(), storage.FormatWall(from))
		return nil
	})
}

func runExtRemove(ctx context.Context, e *env, args []string) error {
	fs, tenant := e.dirFlags("ext remove")
	atFlag := fs.String("at", "", "remove only the period valid at `DATE` (default: every period of the number)")
	if err := parseArgs(fs, args, 1, "one extension NUMBER"); err != nil {
		return err
	}
	at, err := wallFlag("at", *atFlag)
	if err != nil {
		return err
	}
	return e.withTenant(ctx, *tenant, func(t *storage.Tenant) error {
		n, err := t.RemoveExtension(ctx, fs.Arg(0), at)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "removed %d period(s) of extension %s\n", n, fs.Arg(0))
		return nil
	})
}

// extRow is an extension period as ext list --json prints it: the CSV
// columns, bounds "" when unbounded.
type extRow struct {
	Number     string `json:"number"`
	Name       string `json:"name"`
	User       string `json:"user"`
	Department string `json:"department"`
	CostCentre string `json:"cost_centre"`
	Site       string `json:"site"`
	ActiveFrom string `json:"active_from"`
	ActiveTo   string `json:"active_to"`
	Unassigned bool   `json:"unassigned"`
}

func runExtList(ctx context.Context, e *env, args []string) error {
	fs, tenant := e.dirFlags("ext list")
	var f storage.ExtensionFilter
	fs.StringVar(&f.Number, "number", "", "only the periods of extension `NUMBER`")
	atFlag := fs.String("at", "", "only the periods valid at `DATE` (default: every period, history included)")
	fs.BoolVar(&f.Unassigned, "unassigned", false, "only the extensions added as unassigned")
	asJSON := fs.Bool("json", false, "one JSON object per period, one per line")
	if err := parseArgs(fs, args, 0, ""); err != nil {
		return err
	}
	var err error
	if f.At, err = wallFlag("at", *atFlag); err != nil {
		return err
	}
	return e.withTenant(ctx, *tenant, func(t *storage.Tenant) error {
		list, err := t.Extensions(ctx, f)
		if err != nil {
			return err
		}
		lw := newListWriter(e.stdout, *asJSON, "NUMBER\tNAME\tUSER\tDEPARTMENT\tCOSTCENTRE\tSITE\tFROM\tTO")
		for _, x := range list {
			r := extRow{x.Number, x.Name, x.User, x.Department, x.CostCentre, x.Site,
				storage.FormatWall(x.From), storage.FormatWall(x.To), x.Unassigned}
			user := r.User
			if x.Unassigned && user == "" {
				user = "(unassigned)"
			}
			if err := lw.row(r, r.Number, r.Name, user, r.Department, r.CostCentre, r.Site, r.ActiveFrom, r.ActiveTo); err != nil {
				return err
			}
		}
		return lw.close()
	})
}
