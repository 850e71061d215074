package cli

import (
	"context"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"calltally.app/collector/account"
	"calltally.app/storage"
)

func runTariff(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("tariff: want import, export or show: %w", errUsage)
	}
	fs := e.flags("tariff " + args[0])
	tenant := fs.String("tenant", storage.DefaultTenant, "tenant `SLUG`")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	st, t, err := e.tenant(ctx, *tenant)
	if err != nil {
		return err
	}
	defer st.Close()
	switch args[0] {
	case "import":
		if fs.NArg() != 1 {
			return fmt.Errorf("tariff import: want one plan FILE: %w", errUsage)
		}
		return e.importTariffs(ctx, t, fs.Arg(0))
	case "export":
		csv, _, err := t.Tariffs(ctx)
		if err == nil {
			_, err = fmt.Fprint(e.stdout, csv)
		}
		return err
	case "show":
		return e.showTariffs(ctx, t)
	}
	return fmt.Errorf("tariff %s: want import, export or show: %w", args[0], errUsage)
}

// importTariffs checks the plan file and stores it as the tenant's tariffs;
// calls stored from now on are priced by it (rerate prices older ones).
func (e *env) importTariffs(ctx context.Context, t *storage.Tenant, file string) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	plans, err := account.Tariffs(string(b))
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	if plans == nil {
		return fmt.Errorf("%s: no tariff plan in it", file)
	}
	if err := t.SetTariffs(ctx, string(b)); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "imported %d tariff plans; run calltally rerate --from DATE to price calls stored before\n", len(plans.Plans()))
	return nil
}

func (e *env) showTariffs(ctx context.Context, t *storage.Tenant) error {
	csv, _, err := t.Tariffs(ctx)
	if err != nil {
		return err
	}
	plans, err := account.Tariffs(csv)
	if err != nil || plans == nil {
		if err == nil {
			fmt.Fprintln(e.stdout, "no tariffs: calltally tariff import FILE")
		}
		return err
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "PLAN\tCURRENCY\tDEFAULT\tTRUNKS\tRATES")
	for _, p := range plans.Plans() {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\n", p.Name, p.Currency, yesNo(p.Default), orDash(strings.Join(p.Trunks, ",")), len(p.Rates))
	}
	return tw.Flush()
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func runRerate(ctx context.Context, e *env, args []string) error {
	fs := e.flags("rerate")
	tenant := fs.String("tenant", storage.DefaultTenant, "tenant `SLUG`")
	from := fs.String("from", "", "first `DATE` to price again (site wall clock)")
	to := fs.String("to", "", "last `DATE` to price again, inclusive (default: up to now)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	st, t, err := e.tenant(ctx, *tenant)
	if err != nil {
		return err
	}
	defer st.Close()
	var f storage.CallFilter
	if err := buildFilter(&f, *from, *to, ""); err != nil {
		return err
	}
	n, err := account.Rerate(ctx, t, f)
	if err == nil {
		fmt.Fprintf(e.stdout, "priced %d calls again\n", n)
	}
	return err
}
