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

	"calltally.app/drivers"
	"calltally.app/storage"
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

// Ingester feeds one PBX's records into its tenant's database. After an
// error from any method it must be dropped: a new one resumes from what
// was committed.
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
	seen map[[sha256.Size]byte]uint32
	// pending holds the IDs of records waiting for their call: stored ones
	// (nil) and those of the chunk being added (pointing into it).
	pending   map[int64]*storage.NewRecord
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
	in := &Ingester{tenant: t, pbxID: id, parser: parser, pending: map[int64]*storage.NewRecord{}}
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
		in.pending[rec.ID] = nil
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

// Add stores recs, consecutive records of one source, and the calls they
// complete, in the open batch. Records already stored are skipped.
func (in *Ingester) Add(ctx context.Context, recs []drivers.Record) error {
	for len(recs) > 0 {
		n := min(len(recs), storage.MaxBlock)
		if err := in.addBlock(ctx, recs[:n]); err != nil {
			return err
		}
		recs = recs[n:]
	}
	return nil
}

func (in *Ingester) addBlock(ctx context.Context, recs []drivers.Record) error {
	if err := in.begin(ctx); err != nil {
		return err
	}
	in.stats.Records += len(recs)
	news, err := in.newRecords(ctx, recs)
	if err != nil || len(news) == 0 {
		return err
	}
	block := in.batch.ReserveBlock()
	for i := range news {
		news[i].ID = storage.RecordID(block, i)
	}
	for i := range news {
		if err := in.parse(ctx, &news[i]); err != nil {
			return err
		}
	}
	for id, nr := range in.pending {
		if nr != nil {
			in.pending[id] = nil // stored now
		}
	}
	return in.batch.AddBlock(ctx, in.pbxID, block, news)
}

// newRecords keys recs and drops those already stored.
func (in *Ingester) newRecords(ctx context.Context, recs []drivers.Record) ([]storage.NewRecord, error) {
	keys := make([][]byte, len(recs))
	for i, r := range recs {
		keys[i] = in.key(r.Text)
	}
	stored, err := in.batch.Existing(ctx, keys)
	if err != nil {
		return nil, err
	}
	news := make([]storage.NewRecord, 0, len(recs))
	for i, r := range recs {
		if stored[string(keys[i])] {
			in.stats.Duplicates++
			continue
		}
		news = append(news, storage.NewRecord{Record: r, Key: keys[i], Status: storage.StatusPending})
	}
	return news, nil
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

// parse feeds nr to the parser, notes what became of it and stores the
// calls it completes.
func (in *Ingester) parse(ctx context.Context, nr *storage.NewRecord) error {
	calls, perr := in.parser.Parse(nr.Record)
	switch {
	case errors.Is(perr, drivers.ErrNotCall):
		in.stats.Ignored++
		nr.Status, nr.Error = storage.StatusIgnored, perr.Error()
	case perr != nil:
		in.stats.Unparsed++
		nr.Status, nr.Error = storage.StatusError, perr.Error()
		if in.OnError != nil {
			in.OnError(nr.Record, perr)
		}
	default:
		in.pending[nr.ID] = nr // until a call claims it
	}
	return in.storeCalls(ctx, calls)
}

// storeCalls stores calls and marks their records as done.
func (in *Ingester) storeCalls(ctx context.Context, calls []drivers.Call) error {
	var resolved []int64
	for i := range calls {
		if _, err := in.batch.AddCall(ctx, in.pbxID, &calls[i]); err != nil {
			return err
		}
		in.stats.Calls++
		for _, id := range calls[i].Records() {
			nr, waiting := in.pending[id]
			switch {
			case !waiting:
			case nr != nil: // in the chunk being added: stored as done
				nr.Status = storage.StatusOK
			default:
				resolved = append(resolved, id)
			}
			delete(in.pending, id)
		}
	}
	return in.batch.Resolve(ctx, resolved)
}
