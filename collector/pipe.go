package collector

import (
	"context"
	"log/slog"
	"time"

	"calltally.app/collector/ingest"
	"calltally.app/drivers"
	"calltally.app/storage"
)

// Commit policy: a batch is committed when it holds this many records or
// its first record has waited this long, so a crash loses at most what
// arrived in the last instant, and that only from sources that cannot
// resend.
const (
	commitRecords = 500
	commitDelay   = 100 * time.Millisecond
)

// A job is work handed from a source to the pipe.
type job struct {
	input *ingest.Input
	recs  []drivers.Record
	skip  bool              // count recs in input without storing them (a file resumed)
	pos   *storage.Position // a file position to commit with the records before it
	done  chan error        // told when the job is committed, or why not
}

// A pipe stores one PBX's records. Its sources hand it jobs from their own
// goroutines; one goroutine (run) owns the ingester, so a database that
// cannot be written stops the sources (their next hand-over blocks)
// instead of losing records.
type pipe struct {
	wait   time.Duration // the backoff after database errors; 0 after a commit
	jobs   chan job
	open   func(ctx context.Context) (*ingest.Ingester, error)
	status *status
	tenant *storage.Tenant
	pbxID  int64 // in the tenant database
}

func newPipe(open func(context.Context) (*ingest.Ingester, error), st *status) *pipe {
	return &pipe{jobs: make(chan job, 256), open: open, status: st}
}

// send hands j to the pipe, waiting while the pipe is full.
func (p *pipe) send(ctx context.Context, j job) error {
	select {
	case p.jobs <- j:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// commitFile hands j to the pipe and waits until it is committed.
func (p *pipe) commitFile(ctx context.Context, j job) error {
	j.done = make(chan error, 1)
	if err := p.send(ctx, j); err != nil {
		return err
	}
	select {
	case err := <-j.done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// position returns the committed position in a file.
func (p *pipe) position(ctx context.Context, path string) (storage.Position, bool, error) {
	return p.tenant.Position(ctx, p.pbxID, path)
}

// run stores jobs until ctx ends, then commits what it holds.
func (p *pipe) run(ctx context.Context) error {
	in, err := p.openRetrying(ctx)
	if err != nil {
		return err
	}
	defer func() { in.Close() }()
	var pending []job // handled since the last commit
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	for {
		select {
		case j := <-p.jobs:
			if len(pending) == 0 {
				timer.Reset(commitDelay)
			}
			var last job
			for _, j := range p.gather(j) {
				pending = append(pending, j)
				if in, err = p.handle(ctx, in, pending, j); err != nil {
					p.tell(pending, err)
					return nil
				}
				last = j
			}
			j = last
			// Commit when the batch is full, when a source waits for it,
			// or when no more work is queued: records are readable within
			// milliseconds when the PBX is quiet, and batches grow by
			// themselves when it is busy.
			if in.Buffered() < commitRecords && j.done == nil && len(p.jobs) > 0 {
				continue
			}
		case <-timer.C:
		case <-ctx.Done():
			last, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
			defer cancel()
			in, _ = p.commit(last, in, pending)
			return nil
		}
		if in, err = p.commit(ctx, in, pending); err != nil {
			return nil
		}
		pending = pending[:0]
	}
}

// gather joins to j the plain record jobs of the same input already
// queued behind it, so that records arriving one by one from a busy
// connection are keyed, looked up and stored together. It returns the
// joined job and, when it took one that does not join, that one too.
func (p *pipe) gather(j job) []job {
	for len(j.recs) < chunkRecords && plain(j) {
		select {
		case next := <-p.jobs:
			if next.input != j.input || !plain(next) {
				return []job{j, next}
			}
			j.recs = append(j.recs[:len(j.recs):len(j.recs)], next.recs...)
		default:
			return []job{j}
		}
	}
	return []job{j}
}

func plain(j job) bool { return !j.skip && j.pos == nil && j.done == nil }

// handle adds j to the open batch; on a database error it redoes the
// batch with a new ingester (see redo).
func (p *pipe) handle(ctx context.Context, in *ingest.Ingester, pending []job, j job) (*ingest.Ingester, error) {
	if err := apply(ctx, in, j); err != nil {
		return p.redo(ctx, in, pending, err)
	}
	return in, nil
}

func apply(ctx context.Context, in *ingest.Ingester, j job) error {
	switch {
	case j.skip:
		in.Skip(j.input, j.recs)
		return nil
	case j.pos != nil:
		if err := in.Add(ctx, j.input, j.recs); err != nil {
			return err
		}
		return in.SetPosition(ctx, *j.pos)
	}
	return in.Add(ctx, j.input, j.recs)
}

// commit commits the batch and tells the jobs' waiters. It keeps retrying
// (redoing the batch) until the database takes it or ctx ends.
func (p *pipe) commit(ctx context.Context, in *ingest.Ingester, pending []job) (*ingest.Ingester, error) {
	for {
		err := in.Commit(ctx)
		if err == nil {
			p.wait = 0
			p.tell(pending, nil)
			p.status.stored(countRecords(pending))
			return in, nil
		}
		if in, err = p.redo(ctx, in, pending, err); err != nil {
			p.tell(pending, err)
			return in, err
		}
	}
}

// redo drops the ingester and its open batch (taking back what the batch
// counted in its inputs), waits, opens a new ingester and adds the
// pending jobs again, until that succeeds or ctx ends.
func (p *pipe) redo(ctx context.Context, in *ingest.Ingester, pending []job, cause error) (*ingest.Ingester, error) {
	for {
		in.Close()
		p.wait = min(max(2*p.wait, 100*time.Millisecond), 5*time.Second)
		p.status.fail(cause)
		slog.Warn("Database write failed; retrying", slog.Any("error", cause), slog.Duration("wait", p.wait))
		if err := sleep(ctx, p.wait); err != nil {
			return in, err
		}
		next, err := p.open(ctx)
		if err != nil {
			cause = err
			continue
		}
		in, cause = next, nil
		for _, j := range pending {
			if cause = apply(ctx, in, j); cause != nil {
				break
			}
		}
		if cause == nil {
			return in, nil
		}
	}
}

func (p *pipe) openRetrying(ctx context.Context) (*ingest.Ingester, error) {
	for wait := 100 * time.Millisecond; ; wait = min(2*wait, 5*time.Second) {
		in, err := p.open(ctx)
		if err == nil {
			return in, nil
		}
		p.status.fail(err)
		slog.Warn("Cannot open the database; retrying", slog.Any("error", err), slog.Duration("wait", wait))
		if err := sleep(ctx, wait); err != nil {
			return nil, err
		}
	}
}

func (p *pipe) tell(jobs []job, err error) {
	for _, j := range jobs {
		if j.done != nil {
			j.done <- err
		}
	}
}

func countRecords(jobs []job) int {
	n := 0
	for _, j := range jobs {
		if !j.skip {
			n += len(j.recs)
		}
	}
	return n
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
