package cli

import (
	"context"
	"errors"
	"fmt"

	"calltally.app/storage"
)

// costCentreCommands are the subcommands of calltally costcentre.
var costCentreCommands = map[string]subcommand{
	"add": runCostCentreAdd, "list": runCostCentreList, "edit": runCostCentreEdit, "remove": runCostCentreRemove,
	"import": func(ctx context.Context, e *env, args []string) error {
		return runListImport(ctx, e, "costcentre", (*storage.Tenant).ImportCostCentres, args)
	},
	"export": func(ctx context.Context, e *env, args []string) error {
		return runListExport(ctx, e, "costcentre", (*storage.Tenant).ExportCostCentres, args)
	},
}

func runCostCentre(ctx context.Context, e *env, args []string) error {
	return runGroup(ctx, e, "costcentre", costCentreCommands, args)
}

func runCostCentreAdd(ctx context.Context, e *env, args []string) error {
	fs, tenant := e.dirFlags("costcentre add")
	name := fs.String("name", "", "what the cost centre is called (`NAME`)")
	if err := parseArgs(fs, args, 1, "one cost centre CODE"); err != nil {
		return err
	}
	c := storage.CostCentre{Code: fs.Arg(0), Name: *name}
	return e.withTenant(ctx, *tenant, func(t *storage.Tenant) error {
		if _, err := t.AddCostCentre(ctx, c); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "added cost centre %s\n", c.Code)
		return nil
	})
}

// costCentreRow is a cost centre as costcentre list --json prints it.
type costCentreRow struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

func runCostCentreList(ctx context.Context, e *env, args []string) error {
	fs, tenant := e.dirFlags("costcentre list")
	asJSON := fs.Bool("json", false, "one JSON object per cost centre, one per line")
	if err := parseArgs(fs, args, 0, ""); err != nil {
		return err
	}
	return e.withTenant(ctx, *tenant, func(t *storage.Tenant) error {
		list, err := t.CostCentres(ctx)
		if err != nil {
			return err
		}
		lw := newListWriter(e.stdout, *asJSON, "CODE\tNAME")
		for _, c := range list {
			if err := lw.row(costCentreRow{c.Code, c.Name}, c.Code, c.Name); err != nil {
				return err
			}
		}
		return lw.close()
	})
}

func runCostCentreEdit(ctx context.Context, e *env, args []string) error {
	fs, tenant := e.dirFlags("costcentre edit")
	code := fs.String("code", "", "change the code to `CODE` (the extensions in it follow)")
	name := fs.String("name", "", "change the name to `NAME`")
	if err := parseArgs(fs, args, 1, "one cost centre CODE"); err != nil {
		return err
	}
	g := given(fs)
	if !g["code"] && !g["name"] {
		return errors.New("nothing to change: give --code or --name")
	}
	return e.withTenant(ctx, *tenant, func(t *storage.Tenant) error {
		c, err := t.CostCentre(ctx, fs.Arg(0))
		if err != nil {
			return err
		}
		if g["code"] {
			c.Code = *code
		}
		if g["name"] {
			c.Name = *name
		}
		if err := t.UpdateCostCentre(ctx, c); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "changed cost centre %s\n", c.Code)
		return nil
	})
}

func runCostCentreRemove(ctx context.Context, e *env, args []string) error {
	fs, tenant := e.dirFlags("costcentre remove")
	if err := parseArgs(fs, args, 1, "one cost centre CODE"); err != nil {
		return err
	}
	return e.withTenant(ctx, *tenant, func(t *storage.Tenant) error {
		err := t.RemoveCostCentre(ctx, fs.Arg(0))
		if errors.Is(err, storage.ErrInUse) {
			return fmt.Errorf("%w: give them another first (ext edit --costcentre)", err)
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "removed cost centre %s\n", fs.Arg(0))
		return nil
	})
}
