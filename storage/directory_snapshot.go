package storage

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"time"
)

// A Directory is a snapshot of a tenant's directory in memory, for
// labelling many calls without a query each: the extension periods by
// number and the phonebook by number and E.164 form. It is never changed
// once loaded, so any number of goroutines may read it; RefreshDirectory
// replaces it when the directory changed.
type Directory struct {
	// Version is the DirectoryVersion the snapshot was read at.
	Version int64
	exts    map[string][]dirPeriod // sorted by start, disjoint
	phones  map[string]*PhonebookEntry
	e164    map[string]*PhonebookEntry
}

type dirPeriod struct {
	period
	ext Extension
}

// LoadDirectory reads the whole directory in one read transaction, so the
// snapshot is consistent and its Version is the one it was read at.
func (t *Tenant) LoadDirectory(ctx context.Context) (*Directory, error) {
	// Read-only: a plain BEGIN, not the write lock (see openDB), so that
	// loading never waits for the ingest's write transaction.
	tx, err := t.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("load directory: %w", err)
	}
	defer tx.Rollback()
	d := &Directory{exts: map[string][]dirPeriod{}, phones: map[string]*PhonebookEntry{}, e164: map[string]*PhonebookEntry{}}
	if err := tx.QueryRowContext(ctx, "SELECT version FROM directory_version").Scan(&d.Version); err != nil {
		return nil, fmt.Errorf("load directory: %w", err)
	}
	exts, err := extensions(ctx, tx, ExtensionFilter{})
	if err != nil {
		return nil, err
	}
	for _, e := range exts { // by number and start: each number's periods come sorted
		d.exts[e.Number] = append(d.exts[e.Number], dirPeriod{periodOf(e), e})
	}
	phones, err := phonebook(ctx, tx)
	if err != nil {
		return nil, err
	}
	d.indexPhones(phones)
	return d, nil
}

func (d *Directory) indexPhones(list []PhonebookEntry) {
	for i := range list {
		p := &list[i]
		d.phones[p.Number] = p
		if _, dup := d.e164[p.E164]; p.E164 != "" && !dup {
			d.e164[p.E164] = p // the first by number, as LookupPhone's order
		}
	}
}

// RefreshDirectory returns d if the directory has not changed since it was
// loaded, else a new snapshot; d may be nil. It costs one small query when
// nothing changed: call it once per ingest batch, not per call.
func (t *Tenant) RefreshDirectory(ctx context.Context, d *Directory) (*Directory, error) {
	if d != nil {
		v, err := t.DirectoryVersion(ctx)
		if err != nil || v == d.Version {
			return d, err
		}
	}
	return t.LoadDirectory(ctx)
}

// ExtensionAt returns the entry of number valid at at, a call's start (its
// wall clock is compared), as Tenant.ExtensionAt does.
func (d *Directory) ExtensionAt(number string, at time.Time) (Extension, bool) {
	ps := d.exts[number]
	s := wallSeconds(at)
	i := sort.Search(len(ps), func(i int) bool { return ps[i].to > s })
	if i == len(ps) || ps[i].from > s {
		return Extension{}, false
	}
	return ps[i].ext, true
}

// Known reports whether the directory has any period of number: the
// numbers it does not know are for AddUnassigned.
func (d *Directory) Known(number string) bool {
	return len(d.exts[number]) > 0
}

// Phone returns the phonebook entry that names an outside number, as
// Tenant.LookupPhone does.
func (d *Directory) Phone(number, e164 string) (PhonebookEntry, bool) {
	if p, ok := d.phones[number]; ok {
		return *p, true
	}
	for _, k := range []string{number, e164} {
		if p, ok := d.e164[k]; ok && k != "" {
			return *p, true
		}
	}
	return PhonebookEntry{}, false
}
