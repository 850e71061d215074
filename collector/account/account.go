// Package account turns a parsed call into an accounted one when it is
// stored: where it went (the PBX's dial plan), whose it was (the
// directory) and what it cost (the tenant's tariffs).
package account

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"calltally.app/collector/classify"
	"calltally.app/collector/costing"
	"calltally.app/drivers"
	"calltally.app/storage"
)

// An Accountant accounts the calls of one PBX. It reads the directory
// from a snapshot it refreshes before each batch, and collects the
// extensions the directory does not know so that they are added as
// unassigned with the calls. Not safe for concurrent use.
type Accountant struct {
	plan    *classify.DialPlan // nil: numbers are not classified
	tenant  *storage.Tenant
	dir     *storage.Directory
	tariffs *costing.Plans // nil: calls are not priced
	version int64          // of the tariffs read
	unknown map[string]bool
}

// New returns the accountant of a PBX of tenant t whose dial plan is plan
// (nil for none). It prices calls with the tenant's tariffs.
func New(t *storage.Tenant, plan *classify.DialPlan) *Accountant {
	return &Accountant{plan: plan, tenant: t, unknown: map[string]bool{}}
}

// Begin refreshes the directory snapshot and the tariffs, if either
// changed, and hooks the accountant into b, the batch about to store calls.
func (a *Accountant) Begin(ctx context.Context, b *storage.Batch) error {
	dir, err := a.tenant.RefreshDirectory(ctx, a.dir)
	if err != nil {
		return fmt.Errorf("read the directory: %w", err)
	}
	a.dir = dir
	if err := a.refreshTariffs(ctx); err != nil {
		return err
	}
	b.Account = a.Account
	return nil
}

func (a *Accountant) refreshTariffs(ctx context.Context) error {
	v, err := a.tenant.TariffsVersion(ctx)
	if err != nil || v == a.version {
		return err
	}
	csv, v, err := a.tenant.Tariffs(ctx)
	if err != nil {
		return err
	}
	plans, err := Tariffs(csv)
	if err != nil {
		return fmt.Errorf("stored tariffs: %w", err)
	}
	a.tariffs, a.version = plans, v
	return nil
}

// Tariffs reads a tariff plan file; nil plans for an empty one.
func Tariffs(csv string) (*costing.Plans, error) {
	if strings.TrimSpace(csv) == "" {
		return nil, nil
	}
	list, err := costing.ParseCSV(strings.NewReader(csv))
	if err != nil {
		return nil, err
	}
	return costing.NewPlans(list)
}

// Flush adds the extensions calls used that the directory does not know,
// as unassigned, in b: before b is committed.
func (a *Accountant) Flush(ctx context.Context, b *storage.Batch) error {
	if len(a.unknown) == 0 {
		return nil
	}
	numbers := make([]string, 0, len(a.unknown))
	for n := range a.unknown {
		numbers = append(numbers, n)
	}
	clear(a.unknown)
	_, err := b.AddUnassigned(ctx, numbers)
	return err
}

// Account fills in c's Accounting.
func (a *Accountant) Account(c *drivers.Call) {
	acc := &c.Accounting
	*acc = drivers.Accounting{}
	dest := a.destination(c)
	acc.ExternalE164 = dest.E164
	acc.Destination = drivers.Destination{Country: dest.Country, Type: string(dest.Type), Scope: string(dest.Scope)}
	a.directory(c, dest.E164)
	a.price(c, dest)
}

// destination classifies the call's outside party by the dial plan.
func (a *Accountant) destination(c *drivers.Call) classify.Destination {
	switch {
	case a.plan == nil:
		return classify.Destination{}
	case c.Direction == drivers.Internal:
		return classify.Destination{Type: classify.InternalType, Scope: classify.InternalScope}
	}
	return a.plan.Classify(c.External)
}

// directory labels the call with its extension's department and cost
// centre at the time, and its outside party from the phonebook.
func (a *Accountant) directory(c *drivers.Call, e164 string) {
	if a.dir == nil || c.Extension == "" {
		return
	}
	if e, ok := a.dir.ExtensionAt(c.Extension, c.Start); ok {
		c.Department, c.CostCentre = e.Department, e.CostCentre
		if c.ExtensionName == "" {
			c.ExtensionName = e.Name
		}
	} else if !a.dir.Known(c.Extension) {
		a.unknown[c.Extension] = true
	}
	if p, ok := a.dir.Phone(c.External, e164); ok && c.ExternalName == "" {
		c.ExternalName = p.Name
	}
}

// price rates the call with the tenant's tariffs.
func (a *Accountant) price(c *drivers.Call, _ classify.Destination) {
	Price(a.tariffs, c)
}

// Price sets c's cost, currency and rate by tariffs from what c's
// Accounting says of its destination; nil tariffs price nothing. A call
// no rate covers stays unrated rather than free.
func Price(tariffs *costing.Plans, c *drivers.Call) {
	c.Cost, c.Currency, c.Rated, c.Rate = 0, "", false, ""
	if tariffs == nil {
		return
	}
	d := c.Destination
	cost, info, err := tariffs.Rate(costing.Call{
		Start: c.Start, Duration: c.Duration, Direction: string(c.Direction), Trunk: c.Trunk,
		Dest:        costing.Dest{E164: c.ExternalE164, Country: d.Country, Type: d.Type, Scope: d.Scope},
		ChargeUnits: c.ChargeUnits,
	})
	if err != nil {
		if !errors.Is(err, costing.ErrNoRate) && !errors.Is(err, costing.ErrNoPlan) {
			c.Rate = "error: " + err.Error()
		}
		return
	}
	c.Cost, c.Currency, c.Rated = int64(cost), info.Currency, true
	c.Rate = describe(info)
}

// describe says in a few words how a call was priced.
func describe(info costing.RateInfo) string {
	if info.Free != "" {
		return info.Plan + ": free (" + info.Free + ")"
	}
	return fmt.Sprintf("%s: %s, %s, %d s billed", info.Plan, info.Rate, info.Band, info.Billed)
}
