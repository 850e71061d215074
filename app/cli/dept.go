package cli

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"calltally.app/storage"
)

// deptCommands are the subcommands of calltally dept.
var deptCommands = map[string]subcommand{
	"add": runDeptAdd, "list": runDeptList, "edit": runDeptEdit, "remove": runDeptRemove,
	"import": func(ctx context.Context, e *env, args []string) error {
		return runListImport(ctx, e, "dept", (*storage.Tenant).ImportDepartments, args)
	},
	"export": func(ctx context.Context, e *env, args []string) error {
		return runListExport(ctx, e, "dept", (*storage.Tenant).ExportDepartments, args)
	},
}

func runDept(ctx context.Context, e *env, args []string) error {
	return runGroup(ctx, e, "dept", deptCommands, args)
}

func runDeptAdd(ctx context.Context, e *env, args []string) error {
	fs, tenant := e.dirFlags("dept add")
	if err := parseArgs(fs, args, 1, `one department PATH, e.g. "Sales/Inside Sales"`); err != nil {
		return err
	}
	return e.withTenant(ctx, *tenant, func(t *storage.Tenant) error {
		d, err := t.AddDepartment(ctx, fs.Arg(0))
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "added department %s\n", d.Path)
		return nil
	})
}

// deptRow is a department as dept list --json prints it.
type deptRow struct {
	Path   string `json:"path"`
	Name   string `json:"name"`
	Parent string `json:"parent"` // the parent's path, "" at the top
}

func runDeptList(ctx context.Context, e *env, args []string) error {
	fs, tenant := e.dirFlags("dept list")
	asJSON := fs.Bool("json", false, "one JSON object per department, one per line")
	if err := parseArgs(fs, args, 0, ""); err != nil {
		return err
	}
	return e.withTenant(ctx, *tenant, func(t *storage.Tenant) error {
		list, err := t.Departments(ctx)
		if err != nil {
			return err
		}
		lw := newListWriter(e.stdout, *asJSON, "PATH")
		for _, d := range list {
			parent := strings.TrimSuffix(d.Path, "/"+d.Name)
			if d.ParentID == 0 {
				parent = ""
			}
			if err := lw.row(deptRow{d.Path, d.Name, parent}, d.Path); err != nil {
				return err
			}
		}
		return lw.close()
	})
}

func runDeptEdit(ctx context.Context, e *env, args []string) error {
	fs, tenant := e.dirFlags("dept edit")
	name := fs.String("name", "", "rename the department to `NAME`")
	parent := fs.String("parent", "", "move it, with its sub-departments and extensions, under the department at `PATH`; \"\" for the top level")
	if err := parseArgs(fs, args, 1, "one department PATH"); err != nil {
		return err
	}
	g := given(fs)
	if !g["name"] && !g["parent"] {
		return errors.New("nothing to change: give --name or --parent")
	}
	path := fs.Arg(0)
	names, err := storage.SplitDepartmentPath(path)
	if err != nil {
		return err
	}
	to := slices.Clone(names)
	if g["parent"] {
		to = []string{names[len(names)-1]}
		if *parent != "" {
			to = append([]string{*parent}, to...)
		}
	}
	if g["name"] {
		to[len(to)-1] = *name
	}
	newPath := strings.Join(to, "/")
	return e.withTenant(ctx, *tenant, func(t *storage.Tenant) error {
		if err := t.MoveDepartment(ctx, path, newPath); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "department %s is now %s\n", strings.Join(names, "/"), newPath)
		return nil
	})
}

func runDeptRemove(ctx context.Context, e *env, args []string) error {
	fs, tenant := e.dirFlags("dept remove")
	if err := parseArgs(fs, args, 1, "one department PATH"); err != nil {
		return err
	}
	return e.withTenant(ctx, *tenant, func(t *storage.Tenant) error {
		err := t.RemoveDepartment(ctx, fs.Arg(0))
		if errors.Is(err, storage.ErrInUse) {
			return fmt.Errorf("%w: move them first (dept edit --parent, ext edit --dept)", err)
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "removed department %s\n", fs.Arg(0))
		return nil
	})
}
