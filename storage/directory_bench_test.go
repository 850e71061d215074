package storage

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

var (
	bigDirOnce sync.Once
	bigDir     *Tenant
)

// bigDirectory is a tenant with 5,000 extension numbers, every tenth with
// three holders over 2026, and 20,000 phonebook entries.
func bigDirectory(b *testing.B) *Tenant {
	bigDirOnce.Do(func() {
		ctx := context.Background()
		st, err := Open(ctx, b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		bigDir, _ = st.Tenant(ctx, DefaultTenant)
		var ext, phones strings.Builder
		ext.WriteString("number,user,active_from,active_to\n")
		for i := range 5000 {
			if i%10 == 0 {
				fmt.Fprintf(&ext, "%d,A%d,,2026-03-01\n%d,B%d,2026-03-01,2026-07-01\n%d,C%d,2026-07-01,\n", 1000+i, i, 1000+i, i, 1000+i, i)
			} else {
				fmt.Fprintf(&ext, "%d,U%d,,\n", 1000+i, i)
			}
		}
		phones.WriteString("number,e164,company\n")
		for i := range 20000 {
			fmt.Fprintf(&phones, "030%07d,+4930%07d,Company %d\n", i, i, i)
		}
		if _, err := bigDir.ImportExtensions(ctx, strings.NewReader(ext.String()), "ext.csv"); err != nil {
			b.Fatal(err)
		}
		if _, err := bigDir.ImportPhonebook(ctx, strings.NewReader(phones.String()), "phones.csv"); err != nil {
			b.Fatal(err)
		}
	})
	return bigDir
}

// lookupArgs are the calls a benchmark labels: numbers spread over the
// directory (one in fifty unknown), starts spread over 2026.
func lookupArgs() ([]string, []time.Time) {
	numbers, starts := make([]string, 4096), make([]time.Time, 4096)
	for i := range numbers {
		numbers[i] = fmt.Sprint(1000 + (i*7919)%5100)
		starts[i] = time.Date(2026, 1, 1, 8, 0, 0, 0, berlin).Add(time.Duration(i*7717%8760) * time.Hour)
	}
	return numbers, starts
}

// BenchmarkDirectoryExtensionAt is the ingest's lookup: a call's
// extension and start in the in-memory snapshot.
func BenchmarkDirectoryExtensionAt(b *testing.B) {
	dir, err := bigDirectory(b).LoadDirectory(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	numbers, starts := lookupArgs()
	found := 0
	b.ResetTimer()
	for i := range b.N {
		if _, ok := dir.ExtensionAt(numbers[i%4096], starts[i%4096]); ok {
			found++
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "lookups/s")
	if b.N > 4096 && found < b.N*9/10 {
		b.Fatalf("found %d of %d", found, b.N)
	}
}

// BenchmarkDirectoryPhone is an outside number's name in the snapshot.
func BenchmarkDirectoryPhone(b *testing.B) {
	dir, err := bigDirectory(b).LoadDirectory(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	numbers := make([]string, 4096) // one in five unknown
	for i := range numbers {
		numbers[i] = fmt.Sprintf("030%07d", i*7919%25000)
	}
	b.ResetTimer()
	for i := range b.N {
		dir.Phone(numbers[i%4096], "")
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "lookups/s")
}

// BenchmarkTenantExtensionAt is the same lookup as a query, for contrast:
// what a query per call would cost.
func BenchmarkTenantExtensionAt(b *testing.B) {
	t := bigDirectory(b)
	numbers, starts := lookupArgs()
	b.ResetTimer()
	for i := range b.N {
		if _, _, err := t.ExtensionAt(context.Background(), numbers[i%4096], starts[i%4096]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "lookups/s")
}

// BenchmarkRefreshDirectory is what each ingest batch pays when the
// directory has not changed.
func BenchmarkRefreshDirectory(b *testing.B) {
	t := bigDirectory(b)
	dir, err := t.LoadDirectory(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		if dir, err = t.RefreshDirectory(context.Background(), dir); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N), "µs/refresh")
}

// BenchmarkLoadDirectory is a reload after a change.
func BenchmarkLoadDirectory(b *testing.B) {
	t := bigDirectory(b)
	b.ResetTimer()
	for range b.N {
		if _, err := t.LoadDirectory(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/load")
}

// BenchmarkImportExtensions500 is a site loading 500 extensions at once,
// into an empty directory.
func BenchmarkImportExtensions500(b *testing.B) {
	_, _, file, _ := siteCSV()
	file = strings.Replace(file, "Sales/Inside Sales", "", -1)
	var noRefs strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(file), "\n") {
		f := strings.Split(line, ",")
		noRefs.WriteString(strings.Join(append(f[:3:3], f[5:]...), ",") + "\n")
	}
	for range b.N {
		b.StopTimer()
		st, err := Open(context.Background(), b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		t, _ := st.Tenant(context.Background(), DefaultTenant)
		b.StartTimer()
		if _, err := t.ImportExtensions(context.Background(), strings.NewReader(noRefs.String()), "ext.csv"); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/import")
}
