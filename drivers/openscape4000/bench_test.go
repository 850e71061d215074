package openscape4000

import (
	"testing"

	dt "calltally.app/drivers/driverstest"
)

// BenchmarkParse reads about 10,000 records of the simulated office as
// Encode writes them (see driverstest.BenchmarkParse).
func BenchmarkParse(b *testing.B) { dt.BenchmarkParse(b, "openscape-4000", 10_000) }
