package collector

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"calltally.app/storage"
)

// heartbeatEvery is how often a PBX's status is written to the master
// database, where the desktop app and the portal read it.
const heartbeatEvery = 2 * time.Second

// status is what the heartbeat of one PBX reports; sources and the pipe
// update it from their goroutines.
type status struct {
	mu    sync.Mutex
	state string
	err   string
	last  time.Time
	today int
	day   int // year*1000+yday of today, to reset the count at midnight
}

func (s *status) set(state string) {
	s.mu.Lock()
	s.state = state
	if state == stateConnected || state == stateListening || state == statePolling {
		s.err = ""
	}
	s.mu.Unlock()
}

func (s *status) fail(err error) {
	s.mu.Lock()
	s.err = err.Error()
	s.mu.Unlock()
}

func (s *status) stored(n int) {
	if n == 0 {
		return
	}
	now := time.Now()
	s.mu.Lock()
	if d := now.Year()*1000 + now.YearDay(); d != s.day {
		s.day, s.today = d, 0
	}
	s.today += n
	s.last = now
	s.mu.Unlock()
}

func (s *status) snapshot(pbxID int64) storage.ServiceStatus {
	s.mu.Lock()
	defer s.mu.Unlock()
	return storage.ServiceStatus{PBXID: pbxID, State: s.state, LastRecord: s.last,
		RecordsToday: s.today, LastError: s.err, Updated: time.Now()}
}

// The states a source reports.
const (
	stateStarting   = "starting"
	stateListening  = "listening" // waiting for the PBX to connect
	stateConnected  = "connected" // a PBX connection is open
	stateWaiting    = "waiting"   // between connection attempts
	statePolling    = "polling"   // a file source between scans
	stateStopped    = "stopped"
	stateMisconfigd = "misconfigured"
)

// beat writes st for pbxID every heartbeatEvery until ctx ends, and once
// more when it does.
func beat(ctx context.Context, st *storage.Store, pbxID int64, s *status) {
	t := time.NewTicker(heartbeatEvery)
	defer t.Stop()
	for {
		if err := st.SetStatus(context.WithoutCancel(ctx), s.snapshot(pbxID)); err != nil {
			slog.Warn("Cannot write heartbeat", slog.Int64("pbx", pbxID), slog.Any("error", err))
		}
		select {
		case <-t.C:
		case <-ctx.Done():
			s.set(stateStopped)
			st.SetStatus(context.WithoutCancel(ctx), s.snapshot(pbxID))
			return
		}
	}
}
