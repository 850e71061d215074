package demo

import (
	"context"
	"fmt"

	"calltally.app/collector/costing"
	"calltally.app/collector/simulator"
	"calltally.app/storage"
)

// DialPlan is how the demo office's IP Office numbers read: a Berlin
// office whose extensions are 200–299.
const DialPlan = "country=DE area=30 internal=200-299"

// fillDirectory gives the demo what a site sets up before its calls
// mean anything to a manager: departments with cost centres, the named
// extensions, a phonebook of the frequent callers, and a tariff plan.
func fillDirectory(ctx context.Context, t *storage.Tenant, office *simulator.Office) error {
	for i, d := range simulator.Departments() {
		if _, err := t.AddDepartment(ctx, string(d)); err != nil {
			return err
		}
		cc := storage.CostCentre{Code: fmt.Sprint(1000 + 100*i), Name: string(d)}
		if _, err := t.AddCostCentre(ctx, cc); err != nil {
			return err
		}
	}
	if err := addExtensions(ctx, t, office); err != nil {
		return err
	}
	for _, c := range office.Contacts {
		if c.Name == "" {
			continue
		}
		if _, err := t.AddPhonebookEntry(ctx, storage.PhonebookEntry{Number: c.Number, Name: c.Name, Company: c.Name}); err != nil {
			return err
		}
	}
	return t.SetTariffs(ctx, costing.ExamplePlan)
}

func addExtensions(ctx context.Context, t *storage.Tenant, office *simulator.Office) error {
	cost := map[simulator.Department]string{}
	for i, d := range simulator.Departments() {
		cost[d] = fmt.Sprint(1000 + 100*i)
	}
	for _, e := range office.Extensions {
		ext := storage.Extension{Number: e.Number, Name: e.Name, User: e.Name,
			Department: string(e.Department), CostCentre: cost[e.Department], Site: office.City}
		if _, err := t.AddExtension(ctx, ext); err != nil {
			return fmt.Errorf("demo extension %s: %w", e.Number, err)
		}
	}
	return nil
}
