package ingest

import (
	"context"
	"errors"
	"io"

	"calltally.app/drivers"
)

// BatchSize is how many records a batch holds before it is committed: big
// enough that commits cost little, small enough that a crash loses little
// work (nothing already committed is lost, and what is lost is re-read).
const BatchSize = 2000

// chunkSize is how many records are keyed, looked up and stored together.
const chunkSize = 500

// ReadAll adds every record of rd as a new input, committing every
// BatchSize records and at the end. progress, if not nil, is called with
// the byte offset reached after each commit.
func (in *Ingester) ReadAll(ctx context.Context, rd *drivers.Reader, progress func(offset int64)) error {
	input := NewInput()
	chunk := make([]drivers.Record, 0, chunkSize)
	for {
		rec, err := rd.Next()
		if err != nil && !errors.Is(err, io.EOF) {
			return err
		}
		if err == nil {
			chunk = append(chunk, rec)
		}
		if len(chunk) == chunkSize || (err != nil && len(chunk) > 0) {
			if aerr := in.Add(ctx, input, chunk); aerr != nil {
				return aerr
			}
			chunk = chunk[:0]
		}
		if err != nil {
			return in.Commit(ctx)
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
