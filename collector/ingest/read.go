package ingest

import (
	"context"
	"errors"
	"io"

	"github.com/calltally/calltally/drivers"
)

// BatchSize is how many records a batch holds before it is committed: big
// enough that commits cost little, small enough that a crash loses little
// work (nothing already committed is lost, and what is lost is re-read).
const BatchSize = 2000

// ReadAll adds every record of rd as a new input, committing every
// BatchSize records and at the end. progress, if not nil, is called with
// the byte offset reached after each commit.
func (in *Ingester) ReadAll(ctx context.Context, rd *drivers.Reader, progress func(offset int64)) error {
	in.NewInput()
	for {
		rec, err := rd.Next()
		if errors.Is(err, io.EOF) {
			return in.Commit(ctx)
		}
		if err != nil {
			return err
		}
		if err := in.Add(ctx, rec); err != nil {
			return err
		}
		if in.Buffered() >= BatchSize {
			if err := in.Commit(ctx); err != nil {
				return err
			}
			if progress != nil {
				progress(rec.End)
			}
		}
	}
}
