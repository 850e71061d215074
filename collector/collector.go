package collector

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"calltally.app/storage"
)

// reloadEvery is how often the collector looks for configuration changes
// (PBXs added, edited, removed, enabled or disabled) in the master
// database; changes take effect without a restart.
const reloadEvery = 3 * time.Second

// Run collects every enabled PBX of every tenant in st until ctx ends.
func Run(ctx context.Context, st *storage.Store) error {
	running := map[int64]*pbxRun{}
	defer stopAll(running)
	go pruneDaily(ctx, st)
	version := int64(-1)
	for {
		v, err := st.ConfigVersion(ctx)
		if err == nil && v != version {
			err = reload(ctx, st, running)
		}
		if err == nil {
			version = v
		} else if ctx.Err() == nil {
			slog.Error("Cannot read the PBX configuration", slog.Any("error", err))
		}
		if sleep(ctx, reloadEvery) != nil {
			return nil
		}
	}
}

// A pbxRun is one PBX being collected.
type pbxRun struct {
	config string // the configuration it runs with, to notice edits
	stop   context.CancelFunc
	done   chan struct{}
}

// reload starts, restarts and stops PBXs to match the configuration.
func reload(ctx context.Context, st *storage.Store, running map[int64]*pbxRun) error {
	systems, err := st.PBXSystems(ctx, "")
	if errors.Is(err, storage.ErrSecretUnreadable) {
		// The list is complete; only those PBXs lack their credentials,
		// and their sources report it. The others must go on.
		slog.Error("Cannot read some PBX credentials", slog.Any("error", err))
	} else if err != nil {
		return err
	}
	wanted := map[int64]bool{}
	for _, sys := range systems {
		if !sys.Enabled {
			continue
		}
		wanted[sys.ID] = true
		config := configOf(sys)
		if r := running[sys.ID]; r != nil && r.config == config {
			continue
		}
		stopRun(running, sys.ID)
		running[sys.ID] = startRun(ctx, st, sys, config)
	}
	for id := range running {
		if !wanted[id] {
			stopRun(running, id)
		}
	}
	return nil
}

// configOf describes everything that, when edited, needs the PBX
// restarted, secrets included (compared, never shown).
func configOf(sys storage.PBXSystem) string {
	return fmt.Sprintf("%s|%s|%s|%s|%s|%v|%s|%s|%v|%s|%s|%s|%s", sys.Tenant, sys.Name, sys.Driver, sys.Transport,
		sys.Address, sys.Settings, sys.TimeZone, sys.Secret.Password+"\x00"+sys.Secret.PrivateKey,
		sys.Allow, sys.Answerer, sys.Glob, sys.Processed, sys.DialPlan)
}

func startRun(ctx context.Context, st *storage.Store, sys storage.PBXSystem, config string) *pbxRun {
	rctx, stop := context.WithCancel(ctx)
	r := &pbxRun{config: config, stop: stop, done: make(chan struct{})}
	go func() {
		defer close(r.done)
		runPBX(rctx, st, sys)
	}()
	return r
}

func stopRun(running map[int64]*pbxRun, id int64) {
	if r := running[id]; r != nil {
		r.stop()
		<-r.done
		delete(running, id)
	}
}

func stopAll(running map[int64]*pbxRun) {
	for id := range running {
		stopRun(running, id)
	}
}
