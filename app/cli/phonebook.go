package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"calltally.app/storage"
)

// phonebookCommands are the subcommands of calltally phonebook.
var phonebookCommands = map[string]subcommand{
	"add": runPhonebookAdd, "list": runPhonebookList, "edit": runPhonebookEdit, "remove": runPhonebookRemove,
	"lookup": runPhonebookLookup,
	"import": func(ctx context.Context, e *env, args []string) error {
		return runListImport(ctx, e, "phonebook", (*storage.Tenant).ImportPhonebook, args)
	},
	"export": func(ctx context.Context, e *env, args []string) error {
		return runListExport(ctx, e, "phonebook", (*storage.Tenant).ExportPhonebook, args)
	},
}

func runPhonebook(ctx context.Context, e *env, args []string) error {
	return runGroup(ctx, e, "phonebook", phonebookCommands, args)
}

// phoneFlags are the fields of a phonebook entry on the command line.
type phoneFlags struct{ e164, name, company string }

func (f *phoneFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.e164, "e164", "", "the number's international form `+CCNUMBER`, e.g. +49301234567, to find it however the PBX writes it")
	fs.StringVar(&f.name, "name", "", "the person's `NAME`")
	fs.StringVar(&f.company, "company", "", "the `COMPANY`")
}

func (f *phoneFlags) apply(p *storage.PhonebookEntry, g map[string]bool) {
	for _, s := range []struct {
		flag     string
		dst, val *string
	}{{"e164", &p.E164, &f.e164}, {"name", &p.Name, &f.name}, {"company", &p.Company, &f.company}} {
		if g[s.flag] {
			*s.dst = *s.val
		}
	}
}

func runPhonebookAdd(ctx context.Context, e *env, args []string) error {
	fs, tenant := e.dirFlags("phonebook add")
	var f phoneFlags
	f.register(fs)
	if err := parseArgs(fs, args, 1, "one NUMBER, as the PBX writes it"); err != nil {
		return err
	}
	p := storage.PhonebookEntry{Number: fs.Arg(0)}
	f.apply(&p, given(fs))
	return e.withTenant(ctx, *tenant, func(t *storage.Tenant) error {
		if _, err := t.AddPhonebookEntry(ctx, p); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "added %s to the phonebook\n", p.Number)
		return nil
	})
}

// phoneRow is an entry as phonebook list --json prints it.
type phoneRow struct {
	Number  string `json:"number"`
	E164    string `json:"e164"`
	Name    string `json:"name"`
	Company string `json:"company"`
}

func (e *env) printPhones(list []storage.PhonebookEntry, asJSON bool) error {
	lw := newListWriter(e.stdout, asJSON, "NUMBER\tE164\tNAME\tCOMPANY")
	for _, p := range list {
		if err := lw.row(phoneRow{p.Number, p.E164, p.Name, p.Company}, p.Number, p.E164, p.Name, p.Company); err != nil {
			return err
		}
	}
	return lw.close()
}

func runPhonebookList(ctx context.Context, e *env, args []string) error {
	fs, tenant := e.dirFlags("phonebook list")
	asJSON := fs.Bool("json", false, "one JSON object per entry, one per line")
	if err := parseArgs(fs, args, 0, ""); err != nil {
		return err
	}
	return e.withTenant(ctx, *tenant, func(t *storage.Tenant) error {
		list, err := t.PhonebookEntries(ctx)
		if err != nil {
			return err
		}
		return e.printPhones(list, *asJSON)
	})
}

// runPhonebookLookup shows the entry a call's outside number is labelled
// with: the number as written, else by its E.164 form.
func runPhonebookLookup(ctx context.Context, e *env, args []string) error {
	fs, tenant := e.dirFlags("phonebook lookup")
	e164 := fs.String("e164", "", "the number's international form, if known")
	asJSON := fs.Bool("json", false, "the entry as a JSON object")
	if err := parseArgs(fs, args, 1, "one NUMBER"); err != nil {
		return err
	}
	return e.withTenant(ctx, *tenant, func(t *storage.Tenant) error {
		p, ok, err := t.LookupPhone(ctx, fs.Arg(0), *e164)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("%s: %w", fs.Arg(0), storage.ErrNotFound)
		}
		return e.printPhones([]storage.PhonebookEntry{p}, *asJSON)
	})
}

func runPhonebookEdit(ctx context.Context, e *env, args []string) error {
	fs, tenant := e.dirFlags("phonebook edit")
	var f phoneFlags
	f.register(fs)
	number := fs.String("number", "", "change the number to `NUMBER`")
	if err := parseArgs(fs, args, 1, "one NUMBER"); err != nil {
		return err
	}
	g := given(fs)
	if !changes(g, "tenant", "data") {
		return errors.New("nothing to change: give the fields to change (see calltally phonebook edit --help)")
	}
	return e.withTenant(ctx, *tenant, func(t *storage.Tenant) error {
		p, err := t.PhonebookEntry(ctx, fs.Arg(0))
		if err != nil {
			return err
		}
		f.apply(&p, g)
		if g["number"] {
			p.Number = *number
		}
		if err := t.UpdatePhonebookEntry(ctx, p); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "changed %s in the phonebook\n", p.Number)
		return nil
	})
}

func runPhonebookRemove(ctx context.Context, e *env, args []string) error {
	fs, tenant := e.dirFlags("phonebook remove")
	if err := parseArgs(fs, args, 1, "one NUMBER"); err != nil {
		return err
	}
	return e.withTenant(ctx, *tenant, func(t *storage.Tenant) error {
		if err := t.RemovePhonebookEntry(ctx, fs.Arg(0)); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "removed %s from the phonebook\n", fs.Arg(0))
		return nil
	})
}
