package importer

import (
	"context"
	"strings"
	"testing"

	"calltally.app/drivers"
	_ "calltally.app/drivers/all"
	"calltally.app/storage"
)

const sample = "../../app/cli/testdata/ipo-sample.cdr"

func newTenant(t *testing.T) *storage.Tenant {
	t.Helper()
	st, err := storage.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ten, err := st.Tenant(context.Background(), storage.DefaultTenant)
	if err != nil {
		t.Fatal(err)
	}
	return ten
}

func TestOpenRejects(t *testing.T) {
	ten := newTenant(t)
	tests := []struct {
		src  Source
		want string
	}{
		{Source{Driver: "no-such-pbx"}, "unknown driver"},
		{Source{Driver: "avaya-ipo", TimeZone: "Mars/Olympus"}, "Mars/Olympus"},
		{Source{Driver: "avaya-ipo", DialPlan: "colour=blue"}, "dial plan"},
	}
	for _, tt := range tests {
		if _, _, err := Open(context.Background(), ten, "p", tt.src); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%+v: %v, want %q", tt.src, err, tt.want)
		}
	}
}

func TestFileTwiceStoresOnce(t *testing.T) {
	ten := newTenant(t)
	src := FromPBX(storage.PBXSystem{Driver: "avaya-ipo", DialPlan: "country=DE area=30 access=0", Answerer: drivers.FinalAnswerer})
	var calls []int
	for range 2 {
		in, drv, err := Open(context.Background(), ten, "office", src)
		if err != nil {
			t.Fatal(err)
		}
		var last, size int64
		err = File(context.Background(), in, drv, sample, func(done, total int64) { last, size = done, total })
		in.Close()
		if err != nil || last != size || size == 0 {
			t.Fatalf("import: %v; progress %d of %d", err, last, size)
		}
		calls = append(calls, in.Stats().Calls)
	}
	if calls[0] == 0 || calls[1] != 0 {
		t.Errorf("calls stored by two imports of one file: %v", calls)
	}
}
