package collector

import (
	"context"
	"fmt"
	"log/slog"
	"net/netip"

	"calltally.app/collector/account"
	"calltally.app/collector/classify"
	"calltally.app/collector/ingest"
	"calltally.app/drivers"
	"calltally.app/storage"
)

// A Source reads one PBX's records from its transport and hands them to
// the pipe, reconnecting or polling by itself until ctx ends.
type Source interface {
	Run(ctx context.Context, p *pipe) error
}

// newSource builds the source a PBX system's transport names; dataDir is
// the data directory (the sftp-receive inboxes and host key are there).
func newSource(sys storage.PBXSystem, drv *drivers.Driver, dataDir string) (Source, error) {
	t := drivers.Transport(sys.Transport)
	if !drv.Supports(t) {
		return nil, fmt.Errorf("driver %s does not support transport %q", drv.ID, sys.Transport)
	}
	switch t {
	case drivers.TCPListen:
		allow, err := allowList(sys.Allow)
		return &tcpListen{addr: sys.Address, drv: drv, allow: allow}, err
	case drivers.TCPDial:
		return &tcpDial{addr: sys.Address, drv: drv, idle: dialIdle}, nil
	case drivers.Folder:
		return &folder{dir: sys.Address, drv: drv, rules: rulesOf(sys)}, nil
	case drivers.SFTP:
		return newSFTPPoll(sys, drv)
	case drivers.SFTPReceive:
		return newSFTPReceive(sys, drv, dataDir)
	case drivers.Syslog:
		return &syslog{addr: sys.Address}, nil
	}
	return nil, fmt.Errorf("transport %s is not available in this version of the collector", sys.Transport)
}

// runPBX collects one PBX until ctx ends. A configuration it cannot use
// is reported in the PBX's status (and logged), not returned: the other
// PBXs go on, and a corrected configuration restarts this one.
func runPBX(ctx context.Context, st *storage.Store, sys storage.PBXSystem) {
	s := &status{state: stateStarting}
	go beat(ctx, st, sys.ID, s)
	src, p, err := preparePBX(ctx, st, sys, s)
	if err != nil {
		s.fail(err)
		s.set(stateMisconfigd)
		slog.Error("Cannot collect PBX", slog.String("pbx", sys.Name), slog.String("tenant", sys.Tenant), slog.Any("error", err))
		<-ctx.Done()
		return
	}
	slog.Info("Collecting PBX", slog.String("pbx", sys.Name), slog.String("driver", sys.Driver),
		slog.String("transport", sys.Transport), slog.String("address", sys.Address))
	srcCtx, stopSource := context.WithCancel(ctx)
	go func() {
		src.Run(srcCtx, p)
	}()
	p.run(ctx)
	stopSource()
}

// preparePBX checks sys and builds its source and pipe.
func preparePBX(ctx context.Context, st *storage.Store, sys storage.PBXSystem, s *status) (Source, *pipe, error) {
	drv, err := drivers.Lookup(sys.Driver)
	if err != nil {
		return nil, nil, err
	}
	loc, err := drivers.LoadZone(sys.TimeZone)
	if err != nil {
		return nil, nil, err
	}
	cfg := drivers.Config{Location: loc, Attribution: sys.Answerer, Settings: sys.Settings}
	if _, err := drv.Open(cfg); err != nil {
		return nil, nil, err
	}
	plan, err := classify.ParseOptional(sys.DialPlan)
	if err != nil {
		return nil, nil, err
	}
	src, err := newSource(sys, drv, st.Dir)
	if err != nil {
		return nil, nil, err
	}
	t, err := st.Tenant(ctx, sys.Tenant)
	if err != nil {
		return nil, nil, err
	}
	id, err := t.PBX(ctx, sys.Name, drv.ID)
	if err != nil {
		return nil, nil, err
	}
	open := func(ctx context.Context) (*ingest.Ingester, error) {
		parser, err := drv.Open(cfg)
		if err != nil {
			return nil, err
		}
		return ingest.New(ctx, t, sys.Name, drv, parser, ingest.Options{Attribution: sys.Answerer, Accountant: account.New(t, plan)})
	}
	p := newPipe(open, s)
	p.tenant, p.pbxID = t, id
	return src, p, nil
}

func allowList(entries []string) ([]netip.Prefix, error) {
	var allow []netip.Prefix
	for _, e := range entries {
		pfx, err := storage.AllowedPrefix(e)
		if err != nil {
			return nil, err
		}
		allow = append(allow, pfx)
	}
	return allow, nil
}
