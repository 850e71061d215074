package collector

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"calltally.app/storage"
)

// TestFolderGlobAndProcessed: only the files the glob picks are read, and
// each moves to the processed folder once its calls are committed; a
// second file under a taken name keeps both copies.
func TestFolderGlobAndProcessed(t *testing.T) {
	dir, inbox := t.TempDir(), t.TempDir()
	a, callsA := smdr(t, 5, 1)
	b, callsB := smdr(t, 6, 1)
	old := time.Now().Add(-time.Minute) // settled: the PBX is done with them
	write := func(name string, data []byte) {
		p := filepath.Join(inbox, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(p, old, old)
	}
	write("cdr_1.csv", a)
	write("notes.txt", b) // not a CDR file: never read, never moved
	sys := storage.PBXSystem{Name: "files", Transport: "folder", Address: inbox, Glob: "cdr_*.csv", Processed: "done"}
	st, stop := collect(t, dir, sys)
	waitCalls(t, st, callsA)
	waitMoved(t, filepath.Join(inbox, "done", "cdr_1.csv"))
	write("cdr_1.csv", b) // the name again, other calls
	waitCalls(t, st, callsA+callsB)
	waitMoved(t, filepath.Join(inbox, "done", "cdr_1.2.csv"))
	stop()
	if _, err := os.Stat(filepath.Join(inbox, "notes.txt")); err != nil {
		t.Errorf("a file the glob does not pick was touched: %v", err)
	}
}

func waitMoved(t *testing.T, path string) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if _, err := os.Stat(path); err == nil {
			return
		}
	}
	t.Fatalf("%s never appeared", path)
}

func TestPruneInboxesDeletesOldReadFiles(t *testing.T) {
	data := t.TempDir()
	done := filepath.Join(data, "inbox", "default", "cucm", inboxProcessed)
	os.MkdirAll(done, 0o755)
	oldFile, newFile := filepath.Join(done, "cdr_old"), filepath.Join(done, "cdr_new")
	unread := filepath.Join(data, "inbox", "default", "cucm", "cdr_unread")
	for _, f := range []string{oldFile, newFile, unread} {
		os.WriteFile(f, []byte("x\n"), 0o644)
	}
	long := time.Now().AddDate(0, 0, -400)
	os.Chtimes(oldFile, long, long)
	os.Chtimes(unread, long, long)
	n, err := pruneInboxes(data, time.Now().AddDate(0, 0, -365))
	if err != nil || n != 1 {
		t.Fatalf("pruned %d files, %v; want 1", n, err)
	}
	for f, want := range map[string]bool{oldFile: false, newFile: true, unread: true} {
		if _, err := os.Stat(f); (err == nil) != want {
			t.Errorf("%s exists = %v, want %v", filepath.Base(f), err == nil, want)
		}
	}
}

// TestFolderNoticesOverwriteBehindALongHeader: a weekday file starts over
// with the same long header and, by the time the collector looks again,
// has grown past the old offset; its new calls must still be read from
// the top, not from the old offset.
func TestFolderNoticesOverwriteBehindALongHeader(t *testing.T) {
	dir, inbox := t.TempDir(), t.TempDir()
	file := filepath.Join(inbox, "monday.log")
	header := []byte(strings.Repeat("Call Information Logging, LIM 1, output 0: the same every week\n", 40))
	week1, calls1 := smdr(t, 41, 1)
	week2, calls2 := smdr(t, 42, 2) // longer than week 1
	old := time.Now().Add(-time.Minute)
	write := func(data []byte) {
		os.WriteFile(file, append(append([]byte{}, header...), data...), 0o644)
		os.Chtimes(file, old, old)
	}
	write(week1)
	st, stop := collect(t, dir, storage.PBXSystem{Name: "files", Transport: "folder", Address: inbox})
	waitCalls(t, st, calls1)
	stop()
	write(week2)
	st, _ = collect(t, dir, storage.PBXSystem{Name: "files", Transport: "folder", Address: inbox})
	waitCalls(t, st, calls1+calls2)
}
