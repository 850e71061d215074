package mitelmivo400

import (
	"testing"

	dt "calltally.app/drivers/driverstest"
)

// BenchmarkParse reads about 10,000 records of the simulated office as
// Encode writes them (see driverstest.BenchmarkParse).
func BenchmarkParse(b *testing.B) { dt.BenchmarkParse(b, "mitel-mivo400", 10_000) }
