package cli

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"calltally.app/storage"
)

func TestPBXTestShowsRecords(t *testing.T) {
	sample, _ := os.ReadFile("testdata/ipo-sample.cdr")
	data := t.TempDir()
	inbox := t.TempDir()
	os.WriteFile(filepath.Join(inbox, "smdr.txt"), sample, 0o644)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { // a PBX serving its records
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			conn.Write(sample)
			conn.Close()
		}
	}()
	defer ln.Close()
	listen := freePort(t)
	configure(t, data, storage.PBXSystem{Name: "dial", Transport: "tcp-dial", Address: ln.Addr().String()})
	configure(t, data, storage.PBXSystem{Name: "files", Transport: "folder", Address: inbox})
	configure(t, data, storage.PBXSystem{Name: "push", Transport: "tcp-listen", Address: listen})
	go func() { // a PBX pushing to the test's listener
		time.Sleep(300 * time.Millisecond)
		pushTo(t, listen, sample)
	}()
	for _, name := range []string{"dial", "files", "push"} {
		r := calltally(t, "", "--data", data, "pbx", "test", name, "--timeout", "10s")
		if r.code != 0 || strings.Count(r.stdout, "record ") != 5 || !strings.Contains(r.stdout, "call: 2026-03-02 09:14:00 outbound extension 201") {
			t.Errorf("pbx test %s: %+v", name, r)
		}
	}
}

func TestPBXTestSaysWhy(t *testing.T) {
	data := t.TempDir()
	silent, _ := net.Listen("tcp", "127.0.0.1:0")
	defer silent.Close()
	go func() {
		conn, err := silent.Accept()
		if err == nil {
			defer conn.Close()
			time.Sleep(3 * time.Second)
		}
	}()
	configure(t, data, storage.PBXSystem{Name: "gone", Transport: "tcp-dial", Address: freePort(t)})
	configure(t, data, storage.PBXSystem{Name: "silent", Transport: "tcp-dial", Address: silent.Addr().String()})
	tests := []struct{ name, want string }{
		{"gone", "cannot connect to"},
		{"silent", "no records came"},
		{"missing", "not found"},
	}
	for _, tt := range tests {
		r := calltally(t, "", "--data", data, "pbx", "test", tt.name, "--timeout", "1s")
		if r.code == 0 || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("pbx test %s: %+v, want an error with %q", tt.name, r, tt.want)
		}
	}
}

func freePort(t testing.TB) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}
