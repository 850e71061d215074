package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"sync"
	"time"

	"calltally.app/app/demo"
	"calltally.app/collector"
	"calltally.app/collector/simulator"
	"calltally.app/drivers"
	"calltally.app/storage"
)

// demoRate is the live demo's pace: a call every ten seconds keeps the
// window moving without burying the history.
const demoRate = 0.1

// liveDemo keeps the demo live while the window is open, through the same
// parts a site runs: the demo PBX is configured as a tcp-listen PBX on a
// free loopback port, the collector runs in this process, and the
// simulator plays the office's calls to it as an IP Office would. stop
// ends both and waits for them.
func liveDemo(ctx context.Context, st *storage.Store, log *slog.Logger) (stop func(), err error) {
	addr, err := freeLoopbackPort()
	if err != nil {
		return nil, err
	}
	if err := configureDemoPBX(ctx, st, addr); err != nil {
		return nil, err
	}
	s := &simulation{connect: addr, rate: demoRate, seed: demo.Seed, log: log}
	if err := s.check(demo.Driver, demo.Zone); err != nil {
		return nil, err
	}
	gen := simulator.NewGenerator(simulator.NewOffice(), demo.Seed, s.loc)
	em, err := simulator.NewEmitter(gen, s.drv, s.rate, 0, time.Now().In(s.loc))
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() { logUnlessStopped(ctx, log, "collector", collector.Run(ctx, st)) })
	wg.Go(func() {
		_, err := s.run(ctx, em)
		logUnlessStopped(ctx, log, "simulator", err)
	})
	return func() { cancel(); wg.Wait() }, nil
}

func logUnlessStopped(ctx context.Context, log *slog.Logger, part string, err error) {
	if err != nil && ctx.Err() == nil {
		log.Error("The live demo stopped", "part", part, "error", err)
	}
}

// freeLoopbackPort returns a loopback address no one listens on now.
func freeLoopbackPort() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", fmt.Errorf("live demo: %w", err)
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// configureDemoPBX points the demo PBX, created on first use, at addr.
func configureDemoPBX(ctx context.Context, st *storage.Store, addr string) error {
	sys, err := st.PBXSystem(ctx, storage.DefaultTenant, demo.PBX)
	if err != nil && !errors.Is(err, storage.ErrNotFound) {
		return err
	}
	sys.Name, sys.Driver, sys.TimeZone, sys.Enabled = demo.PBX, demo.Driver, demo.Zone, true
	sys.Transport, sys.Address, sys.Allow = string(drivers.TCPListen), addr, []string{"127.0.0.1"}
	sys.DialPlan = demo.DialPlan
	if sys.ID == 0 {
		_, err = st.AddPBXSystem(ctx, sys)
	} else {
		err = st.UpdatePBXSystem(ctx, sys)
	}
	return err
}
