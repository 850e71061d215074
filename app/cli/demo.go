package cli

import (
	"context"
	"fmt"
	"log/slog"
	"os"

	"calltally.app/app/demo"
	"calltally.app/storage"
)

func runDemo(ctx context.Context, e *env, args []string) error {
	fs := e.flags("demo")
	noWindow := fs.Bool("no-window", false, "prepare the demo data, print its directory and stop")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	dir, err := demoDir(e.data)
	if err != nil {
		return err
	}
	st, t, err := openTenant(ctx, dir, storage.DefaultTenant)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := demo.Fill(ctx, t, dir); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, dir)
	if *noWindow {
		return nil
	}
	stop, err := liveDemo(ctx, st, slog.New(slog.NewTextHandler(e.stderr, nil)))
	if err != nil {
		return err
	}
	defer stop()
	return openWindow(dir)
}

// demoDir is --data or $CALLTALLY_DATA when given, else a directory of
// its own beside (never inside) the production one.
func demoDir(flag string) (string, error) {
	if flag != "" || os.Getenv(storage.DataDirEnv) != "" {
		return storage.DataDir(flag)
	}
	return storage.DemoDataDir()
}

// openDemo is the desktop app's "Open demo data": it fills the demo data
// directory when empty and keeps it live, as `calltally demo` does, for
// as long as the program runs.
func (e *env) openDemo(ctx context.Context) (string, error) {
	dir, err := storage.DemoDataDir()
	if err != nil {
		return "", err
	}
	st, t, err := openTenant(ctx, dir, storage.DefaultTenant)
	if err != nil {
		return "", err
	}
	if err := demo.Fill(ctx, t, dir); err != nil {
		st.Close()
		return "", err
	}
	if _, err := liveDemo(context.WithoutCancel(ctx), st, slog.New(slog.NewTextHandler(e.stderr, nil))); err != nil {
		st.Close()
		return "", err
	}
	return dir, nil // st stays open for the live demo until the program ends
}
