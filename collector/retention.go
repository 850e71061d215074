package collector

import (
	"context"
	"log/slog"
	"time"

	"calltally.app/storage"
)

// pruneEvery is how often raw records past their retention are deleted.
const pruneEvery = 24 * time.Hour

// pruneDaily deletes, now and then daily, the raw records of every tenant
// older than the installation's retention, and the files sftp-receive
// inboxes have read as long ago.
func pruneDaily(ctx context.Context, st *storage.Store) {
	for {
		if err := pruneOnce(ctx, st); err != nil && ctx.Err() == nil {
			slog.Error("Cannot prune raw records", slog.Any("error", err))
		}
		if sleep(ctx, pruneEvery) != nil {
			return
		}
	}
}

func pruneOnce(ctx context.Context, st *storage.Store) error {
	days, err := st.RetentionDays(ctx)
	if err != nil || days == 0 {
		return err
	}
	slugs, err := st.Tenants(ctx)
	if err != nil {
		return err
	}
	before := time.Now().AddDate(0, 0, -days)
	if n, err := pruneInboxes(st.Dir, before); err != nil {
		return err
	} else if n > 0 {
		slog.Info("Pruned read files of sftp-receive inboxes", slog.Int("files", n), slog.Int("days", days))
	}
	for _, slug := range slugs {
		t, err := st.Tenant(ctx, slug)
		if err != nil {
			return err
		}
		n, err := t.PruneRaw(ctx, before)
		if err != nil {
			return err
		}
		if n > 0 {
			slog.Info("Pruned raw records", slog.String("tenant", slug), slog.Int("blocks", n), slog.Int("days", days))
		}
	}
	return nil
}
