package collector

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"calltally.app/collector/ingest"
	"calltally.app/drivers"
	"calltally.app/storage"
)

const (
	pollEvery = 2 * time.Second
	// settle is how long a file must be unchanged before a last record
	// without a line end is read: until then it may be half written.
	settle = 5 * time.Second
	// fingerprintLen is how much of a file's start, and of what comes just
	// before the committed offset, identifies what was read, to notice
	// that a PBX overwrote the file (MX-ONE reuses a file per weekday). The
	// start alone is not enough: a header kilobytes long may be the same
	// every week, and a new week's file may have outgrown the offset.
	fingerprintLen = 1024
	chunkRecords   = 500
)

// folder polls a local or network folder for CDR files and reads what is
// new in each, resuming every file from its committed offset.
type folder struct {
	dir   string
	drv   *drivers.Driver
	rules fileRules
}

func (s *folder) Run(ctx context.Context, p *pipe) error {
	for ctx.Err() == nil {
		p.status.set(statePolling)
		if err := s.scan(ctx, p); err != nil && ctx.Err() == nil {
			p.status.fail(err)
		}
		sleep(ctx, pollEvery)
	}
	return nil
}

// scan reads every file of the folder the rules want, oldest name first,
// and moves those read to their end to the processed folder, if any.
func (s *folder) scan(ctx context.Context, p *pipe) error {
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return fmt.Errorf("read folder %s: %w", s.dir, err)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	for _, e := range entries {
		if !e.Type().IsRegular() || !s.rules.wants(e.Name()) {
			continue
		}
		path := filepath.Join(s.dir, e.Name())
		done, err := s.readFile(ctx, p, path)
		if err == nil && done && s.rules.processed != "" {
			err = s.rules.retireLocal(s.dir, path)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// partial reports names of files still being written by an uploader.
func partial(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, ".part") ||
		strings.HasSuffix(name, ".tmp") || strings.HasSuffix(name, ".filepart")
}

// readFile stores the records of path after its committed position and
// commits the new position with them. done reports that the file has
// settled and all of it is committed.
func (s *folder) readFile(ctx context.Context, p *pipe, path string) (done bool, err error) {
	fi, err := os.Stat(path)
	if err != nil {
		return false, fmt.Errorf("read %s: %w", path, err)
	}
	settled := time.Since(fi.ModTime()) > settle
	pos, known, err := p.position(ctx, path)
	if err != nil {
		return false, err
	}
	if known && fi.Size() == pos.Offset && samePrefix(path, pos) {
		return settled, nil // nothing new: the common case, decided reading 1 KiB
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return false, fmt.Errorf("read %s: %w", path, err)
	}
	from := resumeAt(data, pos, known)
	end := readableEnd(data, fi.ModTime(), s.drv)
	if end <= from {
		return false, nil
	}
	err = s.send(ctx, p, path, data[:end], from, fi.ModTime())
	return err == nil && settled && end == fi.Size(), err
}

// resumeAt is where reading continues: the committed offset, unless the
// file was overwritten (shorter, or its start changed) since.
func resumeAt(data []byte, pos storage.Position, known bool) int64 {
	if !known || int64(len(data)) < pos.Offset {
		return 0
	}
	if !bytes.Equal(fingerprint(bytes.NewReader(data), pos.Offset), pos.Fingerprint) {
		return 0
	}
	return pos.Offset
}

// readableEnd is how much of data holds complete records: up to the last
// line end while the file may still be growing, all of it once settled.
func readableEnd(data []byte, mod time.Time, drv *drivers.Driver) int64 {
	if time.Since(mod) > settle {
		return int64(len(data))
	}
	if drv.Split != nil {
		return 0 // a framing we cannot cut safely: wait until it settles
	}
	return int64(bytes.LastIndexByte(data, '\n') + 1)
}

// samePrefix reports whether path still holds what was read when pos was
// committed.
func samePrefix(path string, pos storage.Position) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	return startsAs(f, pos)
}

// startsAs reports whether r holds the bytes pos was fingerprinted from.
func startsAs(r io.ReaderAt, pos storage.Position) bool {
	return bytes.Equal(fingerprint(r, pos.Offset), pos.Fingerprint)
}

// fingerprint hashes the first fingerprintLen bytes of r and the
// fingerprintLen bytes before end; nil if r ends before end.
func fingerprint(r io.ReaderAt, end int64) []byte {
	head := make([]byte, min(end, fingerprintLen))
	tail := make([]byte, min(end, fingerprintLen))
	if !readAt(r, head, 0) || !readAt(r, tail, end-int64(len(tail))) {
		return nil
	}
	sum := sha256.Sum256(append(head, tail...))
	return sum[:16]
}

// readAt fills b from r at off. A reader may report io.EOF with the last
// bytes (io.ReaderAt allows it), so only a short read fails.
func readAt(r io.ReaderAt, b []byte, off int64) bool {
	n, _ := r.ReadAt(b, off)
	return n == len(b)
}

// send hands the records of data to the pipe: those before from only to
// be counted (see ingest.Input), the rest to be stored, then the new
// position, and waits for their commit.
func (s *folder) send(ctx context.Context, p *pipe, path string, data []byte, from int64, mod time.Time) error {
	recs, err := readAll(drivers.NewReader(bytes.NewReader(data), path, s.drv.Split, func() time.Time { return mod }))
	if err != nil {
		return err
	}
	skip := sort.Search(len(recs), func(i int) bool { return recs[i].End > from })
	input := ingest.NewInput()
	if skip > 0 {
		if err := p.send(ctx, job{input: input, recs: recs[:skip], skip: true}); err != nil {
			return err
		}
	}
	for recs = recs[skip:]; len(recs) > chunkRecords; recs = recs[chunkRecords:] {
		if err := p.send(ctx, job{input: input, recs: recs[:chunkRecords]}); err != nil {
			return err
		}
	}
	end := int64(len(data))
	pos := storage.Position{Path: path, Offset: end, Fingerprint: fingerprint(bytes.NewReader(data), end)}
	return p.commitFile(ctx, job{input: input, recs: recs, pos: &pos})
}

func readAll(rd *drivers.Reader) ([]drivers.Record, error) {
	var recs []drivers.Record
	for {
		rec, err := rd.Next()
		if errors.Is(err, io.EOF) {
			return recs, nil
		}
		if err != nil {
			return nil, err
		}
		recs = append(recs, rec)
	}
}
