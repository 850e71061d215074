package cli

import (
	"context"
	"log/slog"
	"os"

	"calltally.app/collector"
	"calltally.app/storage"
)

func runCollect(ctx context.Context, e *env, args []string) error {
	fs := e.flags("collect")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	dir, err := storage.DataDir(e.data)
	if err != nil {
		return err
	}
	return collect(ctx, dir)
}

// collect runs the collector in the foreground, logging to stderr, until
// ctx ends (Ctrl-C, SIGTERM, the service manager's stop).
func collect(ctx context.Context, dir string) error {
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, nil)))
	st, err := storage.Open(ctx, dir)
	if err != nil {
		return err
	}
	defer st.Close()
	slog.Info("Collector started", slog.String("data", dir))
	err = collector.Run(ctx, st)
	slog.Info("Collector stopped")
	return err
}
