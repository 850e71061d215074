package cli

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/kardianos/service"

	"calltally.app/storage"
)

// serviceName is the collector's name as the operating system's service
// manager knows it (Windows service, systemd unit, launchd daemon).
const serviceName = "calltally-collector"

func runService(ctx context.Context, e *env, args []string) error {
	fs := e.flags("service")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("want one of install, uninstall, start, stop, status, run: %w", errUsage)
	}
	dir, err := storage.DataDir(e.data)
	if err != nil {
		return err
	}
	svc, err := newService(ctx, dir)
	if err != nil {
		return err
	}
	switch action := fs.Arg(0); action {
	case "run":
		return svc.Run()
	case "status":
		return e.printServiceStatus(svc)
	default:
		if err := service.Control(svc, action); err != nil {
			return fmt.Errorf("%s: %w", action, err)
		}
		fmt.Fprintf(e.stdout, "service %s: %s done\n", serviceName, action)
		return nil
	}
}

func (e *env) printServiceStatus(svc service.Service) error {
	st, err := svc.Status()
	if err != nil {
		return err
	}
	names := map[service.Status]string{service.StatusRunning: "running", service.StatusStopped: "stopped"}
	name, ok := names[st]
	if !ok {
		name = "unknown"
	}
	fmt.Fprintf(e.stdout, "service %s: %s\n", serviceName, name)
	return nil
}

// newService describes the collector service: the installed service runs
// `calltally --data DIR service run` with the data directory fixed at
// install time.
func newService(ctx context.Context, dir string) (service.Service, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	cfg := &service.Config{
		Name:        serviceName,
		DisplayName: "CallTally collector",
		Description: "Collects call records from phone systems into the CallTally databases.",
		Arguments:   []string{"--data", abs, "service", "run"},
	}
	return service.New(&program{ctx: ctx, dir: abs}, cfg)
}

// program adapts the collector to the service manager's start and stop.
type program struct {
	ctx  context.Context
	dir  string
	stop context.CancelFunc
	done chan error
}

func (p *program) Start(service.Service) error {
	ctx, stop := context.WithCancel(p.ctx)
	p.stop, p.done = stop, make(chan error, 1)
	go func() { p.done <- collect(ctx, p.dir) }()
	return nil
}

func (p *program) Stop(service.Service) error {
	p.stop()
	return <-p.done
}
