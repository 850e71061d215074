package mitelmivb

import (
	"testing"

	dt "calltally.app/drivers/driverstest"
)

// BenchmarkParse reads about 10,000 records of the simulated office as
// Encode writes them: inbound, outbound and internal calls.
func BenchmarkParse(b *testing.B) { dt.BenchmarkParse(b, "mitel-mivb", 10_000) }
