package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"calltally.app/storage"
)

// The directory commands (ext, dept, costcentre, phonebook) each group
// subcommands over one list of the tenant's directory; this file holds
// what they share: dispatch, the tenant, import and export.

type subcommand func(ctx context.Context, e *env, args []string) error

// runGroup runs the subcommand of group named by args[0].
func runGroup(ctx context.Context, e *env, group string, cmds map[string]subcommand, args []string) error {
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	slices.Sort(names)
	if len(args) == 0 {
		return fmt.Errorf("%s: want a subcommand: %s: %w", group, strings.Join(names, ", "), errUsage)
	}
	if run := cmds[args[0]]; run != nil {
		return run(ctx, e, args[1:])
	}
	return fmt.Errorf("%s: unknown subcommand %q (want %s): %w", group, args[0], strings.Join(names, ", "), errUsage)
}

// dirFlags returns the flag set of a directory subcommand with --tenant.
func (e *env) dirFlags(name string) (*flag.FlagSet, *string) {
	fs := e.flags(name)
	return fs, fs.String("tenant", storage.DefaultTenant, "tenant `SLUG`")
}

// parseArgs parses args and checks that want positional arguments (named
// what in the error) were given.
func parseArgs(fs *flag.FlagSet, args []string, want int, what string) error {
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != want {
		name := strings.TrimPrefix(fs.Name(), "calltally ")
		if want == 0 {
			return fmt.Errorf("%s takes no arguments: %w", name, errUsage)
		}
		return fmt.Errorf("%s: want %s: %w", name, what, errUsage)
	}
	return nil
}

// given returns the names of the flags on the command line.
func given(fs *flag.FlagSet) map[string]bool {
	g := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { g[f.Name] = true })
	return g
}

// withTenant runs fn on the tenant slug of the data directory.
func (e *env) withTenant(ctx context.Context, slug string, fn func(t *storage.Tenant) error) error {
	st, t, err := e.tenant(ctx, slug)
	if err != nil {
		return err
	}
	defer st.Close()
	return fn(t)
}

// wallFlag reads a date flag of the directory: a site wall-clock date or
// date-time; "" is unbounded (since always, or open).
func wallFlag(name, v string) (time.Time, error) {
	t, err := storage.ParseWall(v)
	if err != nil {
		return t, fmt.Errorf("--%s: %w", name, err)
	}
	return t, nil
}

type importFunc func(t *storage.Tenant, ctx context.Context, r io.Reader, file string) (storage.ImportStats, error)

type exportFunc func(t *storage.Tenant, ctx context.Context, w io.Writer) error

// runListImport is the import subcommand of group: one CSV file, or - for
// standard input, stored by imp in one transaction.
func runListImport(ctx context.Context, e *env, group string, imp importFunc, args []string) error {
	fs, tenant := e.dirFlags(group + " import")
	if err := parseArgs(fs, args, 1, "one CSV FILE, or - for standard input"); err != nil {
		return err
	}
	name := fs.Arg(0)
	r, closeFn, err := e.openInput(name)
	if err != nil {
		return err
	}
	defer closeFn()
	return e.withTenant(ctx, *tenant, func(t *storage.Tenant) error {
		st, err := imp(t, ctx, r, name)
		var problems storage.ImportErrors
		if errors.As(err, &problems) {
			e.printImportErrors(group, name, problems)
			return errQuiet
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "imported %s: %d added, %d changed, %d unchanged\n", name, st.Added, st.Changed, st.Unchanged)
		return nil
	})
}

// printImportErrors lists the first problems of a file, one a line as
// FILE:LINE: column X: reason, then says that nothing was imported.
func (e *env) printImportErrors(group, name string, problems storage.ImportErrors) {
	for i, p := range problems {
		if i == maxReported {
			fmt.Fprintf(e.stderr, "… and %d more\n", len(problems)-maxReported)
			break
		}
		fmt.Fprintln(e.stderr, p.Error())
	}
	fmt.Fprintf(e.stderr, "calltally: %s import: %d problem(s) in %s: nothing imported\n", group, len(problems), name)
}

// runListExport is the export subcommand of group: the list as CSV, to a
// file or standard output.
func runListExport(ctx context.Context, e *env, group string, exp exportFunc, args []string) error {
	fs, tenant := e.dirFlags(group + " export")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return fmt.Errorf("%s export: want at most one FILE (default: standard output): %w", group, errUsage)
	}
	return e.withTenant(ctx, *tenant, func(t *storage.Tenant) error {
		if fs.NArg() == 0 || fs.Arg(0) == "-" {
			return exp(t, ctx, e.stdout)
		}
		f, err := os.Create(fs.Arg(0))
		if err != nil {
			return err
		}
		if err := exp(t, ctx, f); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	})
}

// listWriter prints a list as an aligned table or as JSON lines.
type listWriter struct {
	json  *json.Encoder
	table *tabwriter.Writer
}

func newListWriter(w io.Writer, asJSON bool, header string) *listWriter {
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		return &listWriter{json: enc}
	}
	lw := &listWriter{table: tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)}
	fmt.Fprintln(lw.table, header)
	return lw
}

// row prints v as JSON, or cells (blanks as -) as a table row.
func (lw *listWriter) row(v any, cells ...string) error {
	if lw.json != nil {
		return lw.json.Encode(v)
	}
	for i, c := range cells {
		if c == "" {
			cells[i] = "-"
		}
	}
	_, err := fmt.Fprintln(lw.table, strings.Join(cells, "\t"))
	return err
}

func (lw *listWriter) close() error {
	if lw.table != nil {
		return lw.table.Flush()
	}
	return nil
}
