//go:build !nogui

package cli

import (
	"context"
	"time"

	"calltally.app/app"
	"calltally.app/drivers"
	"calltally.app/storage"
)

// runWindow opens the desktop app on the default tenant of the data
// directory.
func runWindow(ctx context.Context, e *env, _ []string) error {
	st, t, err := e.tenant(ctx, storage.DefaultTenant)
	if err != nil {
		return err
	}
	defer st.Close()
	return openWindow(t)
}

func openWindow(t *storage.Tenant) error {
	return app.Run(tenantCalls{t})
}

// tenantCalls gives the call list a tenant's calls.
type tenantCalls struct{ t *storage.Tenant }

func (s tenantCalls) CountCalls(ctx context.Context) (int, error) {
	return s.t.CountCalls(ctx, storage.CallFilter{})
}

func (s tenantCalls) CallPage(ctx context.Context, offset, limit int) ([]drivers.Call, error) {
	return s.t.Calls(ctx, storage.CallFilter{Offset: offset, Limit: limit})
}

// Changes reports commits to the tenant's database, checked every second.
func (s tenantCalls) Changes(ctx context.Context) (<-chan struct{}, error) {
	return s.t.Watch(ctx, time.Second)
}
