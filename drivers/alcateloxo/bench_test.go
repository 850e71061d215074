package alcateloxo

import (
	"testing"

	dt "calltally.app/drivers/driverstest"
)

// BenchmarkParse reads about 10,000 statements of the simulated office as
// Encode writes them (see driverstest.BenchmarkParse).
func BenchmarkParse(b *testing.B) { dt.BenchmarkParse(b, ID, 10_000) }
