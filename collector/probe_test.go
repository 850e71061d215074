package collector

import (
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"

	"calltally.app/storage"
)

const ipoRecord = "2026/03/02 09:14:00,00:02:05,4,201,O,004930123456,004930123456,,0,1000101,0,E201,Anna Meier,T9001,Line 1.1,0,0,0,n/a,,,,,,,,,,,\n"

func TestProbeSaysWhy(t *testing.T) {
	empty, withFile := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(withFile, "smdr.txt"), []byte(ipoRecord+"not a record\n"), 0o644)
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	closed := ln.Addr().String()
	ln.Close()
	tests := []struct {
		transport, address string
		want               error // nil: records read
		records            int
	}{
		{"folder", withFile, nil, 2},
		{"folder", empty, ErrProbeNoFiles, 0},
		{"folder", filepath.Join(empty, "missing"), ErrProbeFolder, 0},
		{"tcp-dial", closed, ErrProbeUnreachable, 0},
		{"syslog", ":5514", ErrProbeTransport, 0},
	}
	for _, tt := range tests {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		sys := storage.PBXSystem{Name: "t", Driver: "avaya-ipo", Transport: tt.transport, Address: tt.address}
		got, err := Probe{Max: 5}.Run(ctx, sys)
		cancel()
		if !errors.Is(err, tt.want) || (tt.want == nil && err != nil) || len(got) != tt.records {
			t.Errorf("%s %s: %d records, %v; want %d, %v", tt.transport, tt.address, len(got), err, tt.records, tt.want)
		}
		if tt.want == nil && len(got) == 2 && (got[0].Err != nil || len(got[0].Calls) != 1 || got[1].Err == nil) {
			t.Errorf("records: %+v", got)
		}
	}
}
