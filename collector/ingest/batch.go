package ingest

import "context"

// begin opens a batch unless one is open.
func (in *Ingester) begin(ctx context.Context) error {
	if in.batch != nil {
		return nil
	}
	b, err := in.tenant.Begin(ctx)
	if err != nil {
		return err
	}
	in.batch = b
	return nil
}

// Commit makes everything added so far durable.
func (in *Ingester) Commit(ctx context.Context) error {
	if in.batch == nil {
		return nil
	}
	err := in.batch.Commit()
	in.batch = nil
	if err != nil {
		return err
	}
	in.committed = in.stats.Records
	in.stats.Pending = len(in.pending)
	return nil
}

// Close abandons an uncommitted batch.
func (in *Ingester) Close() {
	if in.batch != nil {
		in.batch.Rollback()
		in.batch = nil
	}
}
