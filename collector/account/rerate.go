package account

import (
	"context"
	"fmt"

	"calltally.app/drivers"
	"calltally.app/storage"
)

// Rerate prices the calls f selects by the tenant's tariffs as they are
// now and stores the prices in one transaction, returning how many calls
// it priced. The prices are worked out first, reading, so that the write
// lock the collector waits for is held only while rows are written.
func Rerate(ctx context.Context, t *storage.Tenant, f storage.CallFilter) (int, error) {
	csv, _, err := t.Tariffs(ctx)
	if err != nil {
		return 0, err
	}
	plans, err := Tariffs(csv)
	if err != nil {
		return 0, fmt.Errorf("stored tariffs: %w", err)
	}
	var prices []storage.Price
	texts := map[string]string{} // the few currency and rate texts, kept once
	err = t.EachPriceInput(ctx, f, func(in *storage.PriceInput) error {
		c := drivers.Call{Start: in.Start, Duration: in.Duration, Direction: drivers.Direction(in.Direction),
			Trunk: in.Trunk, ChargeUnits: in.ChargeUnits}
		c.ExternalE164, c.Destination = in.E164, drivers.Destination{Country: in.Country, Type: in.Type, Scope: in.Scope}
		Price(plans, &c)
		prices = append(prices, storage.Price{ID: in.ID, Cost: c.Cost, Rated: c.Rated,
			Currency: intern(texts, c.Currency), Rate: intern(texts, c.Rate)})
		return nil
	})
	if err != nil {
		return 0, err
	}
	return len(prices), t.Reprice(ctx, prices)
}

func intern(m map[string]string, s string) string {
	if v, ok := m[s]; ok {
		return v
	}
	m[s] = s
	return s
}
