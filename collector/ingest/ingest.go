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

	tenant   *storage.Tenant
	pbxID    int64
	parser   drivers.Parser
	preamble func(string) bool // the driver's Preamble, or nil
	opt      Options
	batch    *storage.Batch
	// pending holds the IDs of records waiting for their call: stored ones
	// (nil) and those of the chunk being added (pointing into it).
	pending   map[int64]*storage.NewRecord
	touched   map[*Input]bool // inputs counted in the open batch
	stats     Stats
	committed int // stats.Records at the last commit
}

// Options are how a PBX's calls are stored.
type Options struct {
	// Attribution is the one the parser was opened with: a call whose legs
	// come in parts (drivers.Call.Key) is attributed by it again when its
	// parts are joined in storage. Empty means the final answerer.
	Attribution drivers.Attribution
	// Accountant, if set, accounts each call as it is stored.
	Accountant Accountant
}

// An Accountant works out a call's destination, department and cost as it
// is stored (see collector/account).
type Accountant interface {
	// Begin prepares for batch b and sets b.Account.
	Begin(ctx context.Context, b *storage.Batch) error
	// Flush writes, in b, what accounting the batch's calls needs stored
	// beside them (extensions the directory did not know).
	Flush(ctx context.Context, b *storage.Batch) error
}

// New opens an Ingester for the PBX called pbx, parsing with parser (which
// must be freshly opened: New feeds it the records a previous run left
// waiting for the rest of their call).
func New(ctx context.Context, t *storage.Tenant, pbx string, d *drivers.Driver, parser drivers.Parser, opt Options) (*Ingester, error) {
	id, err := t.PBX(ctx, pbx, d.ID)
	if err != nil {
		return nil, err
	}
	in := &Ingester{tenant: t, pbxID: id, parser: parser, preamble: d.Preamble, opt: opt, pending: map[int64]*storage.NewRecord{}, touched: map[*Input]bool{}}
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

// An Input is one file or connection of a PBX. Identical records are told
// apart by their order within one input: the second copy of a record in
// an input is a new record, the same record read again in a new input (a
// re-import, a resend after reconnecting) is a duplicate.
type Input struct {
	seen map[[sha256.Size]byte]uint32
	// added lists what was counted since the last commit, to take back
	// if the batch is rolled back.
	added [][sha256.Size]byte
}

// NewInput starts an input.
func NewInput() *Input {
	return &Input{seen: map[[sha256.Size]byte]uint32{}}
}

// PBX returns the ID of the ingester's PBX in the tenant database.
func (in *Ingester) PBX() int64 { return in.pbxID }

// Stats returns the counts so far.
func (in *Ingester) Stats() Stats { return in.stats }

// Buffered returns how many records the open batch holds.
func (in *Ingester) Buffered() int { return in.stats.Records - in.committed }

// Add stores recs, consecutive records of input, and the calls they
// complete, in the open batch. Records already stored are skipped.
func (in *Ingester) Add(ctx context.Context, input *Input, recs []drivers.Record) error {
	for len(recs) > 0 {
		n := min(len(recs), storage.MaxBlock)
		if err := in.addBlock(ctx, input, recs[:n]); err != nil {
			return err
		}
		recs = recs[n:]
	}
	return nil
}

// Skip counts recs as read from input without storing them: the records
// of a file before the offset it resumes from. Preamble records among
// them (a header) still set up the parser.
func (in *Ingester) Skip(input *Input, recs []drivers.Record) {
	for _, r := range recs {
		in.key(input, r.Text)
		in.replay(r)
	}
}

// replay passes an already stored preamble record to the parser again.
func (in *Ingester) replay(r drivers.Record) {
	if in.preamble != nil && in.preamble(r.Text) {
		in.parser.Parse(r) // a header: no calls, and no error worth a second report
	}
}

func (in *Ingester) addBlock(ctx context.Context, input *Input, recs []drivers.Record) error {
	if err := in.begin(ctx); err != nil {
		return err
	}
	in.stats.Records += len(recs)
	news, replays, err := in.newRecords(ctx, input, recs)
	if err != nil || len(news) == 0 {
		for _, r := range replays {
			in.replay(r.rec)
		}
		return err
	}
	block := in.batch.ReserveBlock()
	for i := range news {
		news[i].ID = storage.RecordID(block, i)
	}
	for i := range news {
		for ; len(replays) > 0 && replays[0].before == i; replays = replays[1:] {
			in.replay(replays[0].rec)
		}
		if err := in.parse(ctx, &news[i]); err != nil {
			return err
		}
	}
	for _, r := range replays {
		in.replay(r.rec)
	}
	for id, nr := range in.pending {
		if nr != nil {
			in.pending[id] = nil // stored now
		}
	}
	return in.batch.AddBlock(ctx, in.pbxID, block, news)
}

// A replayed record is a stored preamble record to pass to the parser
// again, before the new record with index before.
type replayed struct {
	before int
	rec    drivers.Record
}

// newRecords keys recs and drops those already stored, but for preamble
// records, which it returns to be replayed in their place.
func (in *Ingester) newRecords(ctx context.Context, input *Input, recs []drivers.Record) ([]storage.NewRecord, []replayed, error) {
	keys := make([][]byte, len(recs))
	for i, r := range recs {
		keys[i] = in.key(input, r.Text)
	}
	stored, err := in.batch.Existing(ctx, keys)
	if err != nil {
		return nil, nil, err
	}
	news := make([]storage.NewRecord, 0, len(recs))
	var replays []replayed
	for i, r := range recs {
		if !stored[string(keys[i])] {
			news = append(news, storage.NewRecord{Record: r, Key: keys[i], Status: storage.StatusPending})
			continue
		}
		in.stats.Duplicates++
		if in.preamble != nil && in.preamble(r.Text) {
			replays = append(replays, replayed{len(news), r})
		}
	}
	return news, replays, nil
}

// key is the record's stable identity: the PBX, its text, and how many
// identical records came before it in input.
func (in *Ingester) key(input *Input, text string) []byte {
	h := sha256.New()
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], uint64(in.pbxID))
	h.Write(n[:])
	h.Write([]byte(text))
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	count := input.seen[sum]
	input.seen[sum] = count + 1
	input.added = append(input.added, sum)
	in.touched[input] = true
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
	if nr.Cut {
		in.stats.Unparsed++
		nr.Status, nr.Error = storage.StatusError, "cut off: the connection ended in the middle of this record"
		return nil
	}
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
		_, joined, err := in.batch.AddCall(ctx, in.pbxID, &calls[i], in.opt.Attribution)
		if err != nil {
			return err
		}
		if !joined {
			in.stats.Calls++
		}
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
