package classify

import (
	"strconv"
	"testing"
)

// benchNumbers is a Berlin site's day: national, mobile, international
// and local numbers, with and without the access code, extensions,
// emergency and service numbers.
var benchNumbers = []string{
	"0891234567", "00891234567", "01711234567", "+4930123456", "1234567",
	"0033142685300", "004420794600000", "201", "4711", "112", "0116117",
	"08001234567", "09001234567", "0301234567", "+12127365000", "089123????",
}

func benchPlan(b *testing.B) DialPlan {
	p, err := ParseText("country=DE area=30 access=0 internal=2xx,4[0-5]xx")
	if err != nil {
		b.Fatal(err)
	}
	return p
}

// BenchmarkClassify measures numbers classified per second on one core:
// "repeat" with the numbers a site calls again and again (the cache
// answers), "distinct" with every number new (the library reads each).
func BenchmarkClassify(b *testing.B) {
	b.Run("repeat", func(b *testing.B) {
		p := benchPlan(b)
		for i := 0; b.Loop(); i++ {
			p.Classify(benchNumbers[i%len(benchNumbers)])
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "numbers/s")
	})
	b.Run("distinct", func(b *testing.B) {
		p := benchPlan(b)
		numbers := distinctNumbers(200000)
		for i := 0; b.Loop(); i++ {
			p.Classify(numbers[i%len(numbers)])
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "numbers/s")
	})
}

// distinctNumbers returns n numbers of the benchmark's kinds, each once.
func distinctNumbers(n int) []string {
	kinds := []string{"089", "0171", "0030", "00044207", "0", "030"}
	out := make([]string, n)
	for i := range out {
		out[i] = kinds[i%len(kinds)] + strconv.Itoa(1000000+i)
	}
	return out
}
