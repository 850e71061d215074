package alcatel

import (
	"testing"

	dt "calltally.app/drivers/driverstest"
)

// BenchmarkParse reads about 10,000 tickets of the simulated office as
// Encode writes them, after their field dictionary (see
// driverstest.BenchmarkParse).
func BenchmarkParse(b *testing.B) { dt.BenchmarkParse(b, "alcatel-oxe", 10_000) }
