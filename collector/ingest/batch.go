package ingest

import (
	"context"

	"calltally.app/storage"
)

// begin opens a batch unless one is open.
func (in *Ingester) begin(ctx context.Context) error {
	if in.batch != nil {
		return nil
	}
	b, err := in.tenant.Begin(ctx)
	if err != nil {
		return err
	}
	if a := in.opt.Accountant; a != nil {
		if err := a.Begin(ctx, b); err != nil {
			b.Rollback()
			return err
		}
	}
	in.batch = b
	return nil
}

// Commit makes everything added so far durable.
func (in *Ingester) Commit(ctx context.Context) error {
	if in.batch == nil {
		return nil
	}
	var err error
	if a := in.opt.Accountant; a != nil {
		err = a.Flush(ctx, in.batch)
	}
	if err == nil {
		err = in.batch.Commit()
	} else {
		in.batch.Rollback()
	}
	in.batch = nil
	if err != nil {
		return err
	}
	in.committed = in.stats.Records
	in.stats.Pending = len(in.pending)
	for input := range in.touched {
		input.added = input.added[:0]
	}
	clear(in.touched)
	return nil
}

// Close abandons an uncommitted batch and takes back what its records
// counted in their inputs, so that the same records added again through a
// new Ingester get the same keys.
func (in *Ingester) Close() {
	if in.batch != nil {
		in.batch.Rollback()
		in.batch = nil
	}
	for input := range in.touched {
		for _, sum := range input.added {
			if input.seen[sum]--; input.seen[sum] == 0 {
				delete(input.seen, sum)
			}
		}
		input.added = input.added[:0]
	}
	clear(in.touched)
}

// SetPosition records, in the open batch, that the records of a file up
// to pos.Offset have been added: it commits with them.
func (in *Ingester) SetPosition(ctx context.Context, pos storage.Position) error {
	if err := in.begin(ctx); err != nil {
		return err
	}
	return in.batch.SetPosition(ctx, in.pbxID, pos)
}
