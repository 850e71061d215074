// Package ingest stores a PBX's records and the calls they make: each raw
// record is kept, parsed, and committed in the same transaction as the
// calls it completes. It is the one path into the database, shared by
// `calltally import`, the demo and the collector.
package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/calltally/calltally/drivers"
	"github.com/calltally/calltally/storage"
)

// Stats counts what an Ingester did.
type Stats struct {
	Records    int // records read
	Calls      int // calls stored
	Duplicates int // records already stored, skipped
	Unparsed   int // records that could not be read, stored with the reason
	Ignored    int // records with no call in them (headers)
	Pending    int // records waiting, at the last commit, for the rest of their call
}

// Ingester feeds one PBX's records into its tenant's database.
type Ingester struct {
	// OnError, if set, is told of every record that could not be read
	// (it is stored all the same, with the reason).
	OnError func(rec drivers.Record, err error)

	tenant *storage.Tenant
	pbxID  int64
	parser drivers.Parser
	batch  *storage.Batch
	// seen counts identical records in the current input, so a record's
	// key tells its first copy from a repeat sent in the same input.
	seen      map[[sha256.Size]byte]uint32
	pending   map[int64]bool // IDs of stored records waiting for their call
	stats     Stats
	committed int // stats.Records at the last commit
}

// New opens an Ingester for the PBX called pbx, parsing with parser (which
// must be freshly opened: New feeds it the records a previous run left
// waiting for the rest of their call).
func New(ctx context.Context, t *storage.Tenant, pbx string, d *drivers.Driver, parser drivers.Parser) (*Ingester, error) {
	id, err := t.PBX(ctx, pbx, d.ID)
	if err != nil {
		return nil, err
	}
	in := &Ingester{tenant: t, pbxID: id, parser: parser, pending: map[int64]bool{}}
	in.NewInput()
	if err := in.resume(ctx); err != nil {
		return nil, fmt.Errorf("resume pbx %q: %w", pbx, err)
	}
	return in, nil
}

// resume replays the records stored as pending, in order, so that their
// calls complete when the rest arrives.
func (in *Ingester) resume(ctx context.Context) error {
	recs, err := in.tenant.PendingRecords(ctx, in.pbxID)
	if err != nil || len(recs) == 0 {
		return err
	}
	if err := in.begin(ctx); err != nil {
		return err
	}
	for _, rec := range recs {
		in.pending[rec.ID] = true
		calls, _ := in.parser.Parse(rec)
		if err := in.storeCalls(ctx, calls); err != nil {
			return err
		}
	}
	return in.Commit(ctx)
}

// NewInput starts a new input (a file, a connection): identical records
// are told apart by their position within one input only.
func (in *Ingester) NewInput() {
	in.seen = map[[sha256.Size]byte]uint32{}
}

// Stats returns the counts so far.
func (in *Ingester) Stats() Stats { return in.stats }

// Buffered returns how many records the open batch holds.
func (in *Ingester) Buffered() int { return in.stats.Records - in.committed }

// Add stores rec and the calls it completes in the open batch.
func (in *Ingester) Add(ctx context.Context, rec drivers.Record) error {
	if err := in.begin(ctx); err != nil {
		return err
	}
	in.stats.Records++
	key := in.key(rec.Text)
	if dup, err := in.batch.Seen(ctx, key); err != nil || dup {
		in.stats.Duplicates += btoi(dup)
		return err
	}
	rec.ID = in.batch.ReserveID()
	calls, perr := in.parser.Parse(rec)
	status, reason := in.status(rec, calls, perr)
	if err := in.batch.AddRecord(ctx, in.pbxID, &rec, key, status, reason); err != nil {
		return err
	}
	if status == storage.StatusPending {
		in.pending[rec.ID] = true
	}
	return in.storeCalls(ctx, calls)
}

// key is the record's stable identity: the PBX, its text, and how many
// identical records came before it in this input.
func (in *Ingester) key(text string) []byte {
	h := sha256.New()
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], uint64(in.pbxID))
	h.Write(n[:])
	h.Write([]byte(text))
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	count := in.seen[sum]
	in.seen[sum] = count + 1
	if count > 0 {
		binary.BigEndian.PutUint32(n[:4], count)
		h.Write(n[:4])
		h.Sum(sum[:0])
	}
	return sum[:16]
}

func (in *Ingester) status(rec drivers.Record, calls []drivers.Call, perr error) (storage.Status, string) {
	switch {
	case errors.Is(perr, drivers.ErrNotCall):
		in.stats.Ignored++
		return storage.StatusIgnored, perr.Error()
	case perr != nil:
		in.stats.Unparsed++
		if in.OnError != nil {
			in.OnError(rec, perr)
		}
		return storage.StatusError, perr.Error()
	}
	for _, c := range calls {
		for _, l := range c.Legs {
			if l.Record == rec.ID {
				return storage.StatusOK, ""
			}
		}
	}
	return storage.StatusPending, ""
}

// storeCalls stores calls and marks their records that were waiting as
// done.
func (in *Ingester) storeCalls(ctx context.Context, calls []drivers.Call) error {
	for i := range calls {
		if _, err := in.batch.AddCall(ctx, in.pbxID, &calls[i]); err != nil {
			return err
		}
		var done []int64
		for _, id := range calls[i].Records() {
			if in.pending[id] {
				done = append(done, id)
				delete(in.pending, id)
			}
		}
		if err := in.batch.MarkOK(ctx, done); err != nil {
			return err
		}
		in.stats.Calls++
	}
	return nil
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
