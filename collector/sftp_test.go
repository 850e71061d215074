package collector

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"calltally.app/drivers"
	"calltally.app/storage"
	"github.com/pkg/sftp"
	"golang.org/x/crypto/ssh"
)

// The account of the test SSH servers.
const (
	testUser     = "smdr"
	testPassword = "correct horse"
)

func testHostKey(t *testing.T) ssh.Signer {
	t.Helper()
	_, private, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	key, err := ssh.NewSignerFromKey(private)
	if err != nil {
		t.Fatal(err)
	}
	return key
}

// serveSFTP runs an SSH server with the SFTP subsystem over dir on addr
// (127.0.0.1:0 for any port) and returns its address and how to stop it,
// closing every connection, as a server going down would.
func serveSFTP(t *testing.T, addr, dir string, key ssh.Signer) (string, func()) {
	t.Helper()
	return serveSFTPWith(t, addr, newSFTPServer(testUser, testPassword, dir, key))
}

// serveFullSFTP serves all of dir, as a PBX's own SSH server does, where
// the collector may make folders and move files.
func serveFullSFTP(t *testing.T, dir string) string {
	t.Helper()
	srv := newSFTPServer(testUser, testPassword, dir, testHostKey(t))
	srv.files = func(ch ssh.Channel) {
		if srv, err := sftp.NewServer(ch, sftp.WithServerWorkingDirectory(dir)); err == nil {
			srv.Serve()
		}
	}
	addr, _ := serveSFTPWith(t, "127.0.0.1:0", srv)
	return addr
}

func serveSFTPWith(t *testing.T, addr string, srv *sftpServer) (string, func()) {
	t.Helper()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		srv.serve(ctx, ln)
		close(done)
	}()
	stop := sync.OnceFunc(func() {
		cancel()
		<-done
	})
	t.Cleanup(stop)
	return ln.Addr().String(), stop
}

// sftpPBX is a PBX read with the sftp transport from the login folder of
// the server at addr.
func sftpPBX(addr, password string) storage.PBXSystem {
	return storage.PBXSystem{Name: "remote", Transport: "sftp", Address: fmt.Sprintf("%s@%s/.", testUser, addr),
		Secret: storage.Secret{Password: password}}
}

// cutLines splits data at a line end near frac of it.
func cutLines(data []byte, frac float64) int {
	i := int(float64(len(data)) * frac)
	return i + bytes.IndexByte(data[i:], '\n') + 1
}

// eventually fails the test unless cond becomes true within 20 s.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); !cond(); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// waitStatus waits until the heartbeat of PBX 1 shows an error containing
// want, and returns the status.
func waitStatus(t *testing.T, st *storage.Store, want string) storage.ServiceStatus {
	t.Helper()
	var s storage.ServiceStatus
	eventually(t, "the error "+want, func() bool {
		s, _ = st.Status(context.Background(), 1)
		return strings.Contains(s.LastError, want)
	})
	return s
}

// TestSFTPReadsAppendedFilesOnce serves two files, the second written in
// three steps (the first ending mid-line) between polls, and checks that
// every call is stored once and both files are remembered to their end.
func TestSFTPReadsAppendedFilesOnce(t *testing.T) {
	remote := t.TempDir()
	addr, _ := serveSFTP(t, "127.0.0.1:0", remote, testHostKey(t))
	data, calls := smdr(t, 21, 3)
	first, second := cutLines(data, 0.4), cutLines(data, 0.7)
	os.WriteFile(filepath.Join(remote, "a.txt"), data[:first], 0o644)
	os.WriteFile(filepath.Join(remote, "b.txt"), data[first:second+10], 0o644) // part of a line
	st, _ := collect(t, t.TempDir(), sftpPBX(addr, testPassword))
	time.Sleep(pollEvery + time.Second)
	appendFile(t, filepath.Join(remote, "b.txt"), data[second+10:cutLines(data, 0.85)])
	time.Sleep(pollEvery + time.Second)
	appendFile(t, filepath.Join(remote, "b.txt"), data[cutLines(data, 0.85):])
	waitCalls(t, st, calls)
	waitPosition(t, st, addr, "a.txt", first)
	waitPosition(t, st, addr, "b.txt", len(data)-first)
}

// TestSFTPMovesReadFilesToProcessed: files the glob picks move, on the
// server, to the processed folder once their calls are committed.
func TestSFTPMovesReadFilesToProcessed(t *testing.T) {
	remote := t.TempDir()
	addr := serveFullSFTP(t, remote)
	data, calls := smdr(t, 22, 1)
	os.WriteFile(filepath.Join(remote, "cdr_1.txt"), data, 0o644)
	os.WriteFile(filepath.Join(remote, "readme"), []byte("not a CDR file\n"), 0o644)
	sys := sftpPBX(addr, testPassword)
	sys.Glob, sys.Processed = "cdr_*", "processed"
	st, _ := collect(t, t.TempDir(), sys)
	waitCalls(t, st, calls)
	waitMoved(t, filepath.Join(remote, "processed", "cdr_1.txt"))
	if _, err := os.Stat(filepath.Join(remote, "readme")); err != nil {
		t.Errorf("a file the glob does not pick was moved: %v", err)
	}
}

func appendFile(t *testing.T, file string, data []byte) {
	t.Helper()
	f, err := os.OpenFile(file, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.Write(data); err != nil {
		t.Fatal(err)
	}
}

// waitPosition waits until file of the test server at addr is committed
// up to size for PBX "remote".
func waitPosition(t *testing.T, st *storage.Store, addr, file string, size int) {
	t.Helper()
	ctx := context.Background()
	ten, _ := st.Tenant(ctx, storage.DefaultTenant)
	key := fmt.Sprintf("sftp://%s@%s/%s", testUser, addr, file)
	eventually(t, fmt.Sprintf("%s read to %d", key, size), func() bool {
		id, _ := ten.PBX(ctx, "remote", "avaya-ipo")
		pos, _, _ := ten.Position(ctx, id, key)
		return pos.Offset == int64(size)
	})
}

// TestSFTPReconnectsAfterServerRestart stops the server after the first
// file is read, adds to the files while it is down, and starts it again
// on the same port: the source reconnects and stores every call once.
func TestSFTPReconnectsAfterServerRestart(t *testing.T) {
	remote, key := t.TempDir(), testHostKey(t)
	addr, stop := serveSFTP(t, "127.0.0.1:0", remote, key)
	data, calls := smdr(t, 22, 3)
	half := cutLines(data, 0.5)
	os.WriteFile(filepath.Join(remote, "a.txt"), data[:half], 0o644)
	st, _ := collect(t, t.TempDir(), sftpPBX(addr, testPassword))
	waitPosition(t, st, addr, "a.txt", half)
	stop()
	appendFile(t, filepath.Join(remote, "a.txt"), data[half:cutLines(data, 0.75)])
	os.WriteFile(filepath.Join(remote, "b.txt"), data[cutLines(data, 0.75):], 0o644)
	waitStatus(t, st, "connect to") // noticed the server is gone
	serveSFTP(t, addr, remote, key)
	waitCalls(t, st, calls)
}

// TestSFTPRefusesChangedHostKey pins the server's key, then serves files
// with another key on the same address: the source reports it and reads
// nothing.
func TestSFTPRefusesChangedHostKey(t *testing.T) {
	remote := t.TempDir()
	addr, stop := serveSFTP(t, "127.0.0.1:0", remote, testHostKey(t))
	st, _ := collect(t, t.TempDir(), sftpPBX(addr, testPassword))
	ctx := context.Background()
	ten, _ := st.Tenant(ctx, storage.DefaultTenant)
	eventually(t, "the host key pinned", func() bool {
		id, _ := ten.PBX(ctx, "remote", "avaya-ipo")
		_, pinned, _ := ten.HostKey(ctx, id, addr)
		return pinned
	})
	stop()
	data, calls := smdr(t, 23, 1)
	os.WriteFile(filepath.Join(remote, "a.txt"), data, 0o644)
	serveSFTP(t, addr, remote, testHostKey(t))
	s := waitStatus(t, st, errHostKeyChanged.Error())
	if s.State != stateWaiting {
		t.Errorf("state = %q; want %q", s.State, stateWaiting)
	}
	time.Sleep(pollEvery)
	waitCalls(t, st, 0)
	// The site says the server was replaced on purpose (pbx edit
	// --forget-host-key): the collector trusts the new key and reads.
	id, _ := ten.PBX(ctx, "remote", "avaya-ipo")
	if n, err := ten.ForgetHostKeys(ctx, id); n != 1 || err != nil {
		t.Fatalf("ForgetHostKeys = %d, %v", n, err)
	}
	waitCalls(t, st, calls)
}

func TestSFTPWrongPassword(t *testing.T) {
	remote := t.TempDir()
	addr, _ := serveSFTP(t, "127.0.0.1:0", remote, testHostKey(t))
	data, _ := smdr(t, 24, 1)
	os.WriteFile(filepath.Join(remote, "a.txt"), data, 0o644)
	st, _ := collect(t, t.TempDir(), sftpPBX(addr, "wrong"))
	waitStatus(t, st, "unable to authenticate")
	waitCalls(t, st, 0)
}

func TestParseSFTPAddress(t *testing.T) {
	user, host, dir, err := parseSFTPAddress("cdr@pbx@example.com:2222/var/cdr")
	if user != "cdr@pbx" || host != "example.com:2222" || dir != "var/cdr" || err != nil {
		t.Errorf("got %q %q %q %v", user, host, dir, err)
	}
	for _, bad := range []string{"example.com:22/cdr", "u@example.com/cdr", "u@example.com:22"} {
		if _, _, _, err := parseSFTPAddress(bad); err == nil {
			t.Errorf("%q: want an error", bad)
		}
	}
}

// TestSFTPMisconfigured checks what newSource refuses before any
// connection: the PBX then shows as misconfigured with the reason.
func TestSFTPMisconfigured(t *testing.T) {
	ipo, _ := drivers.Lookup("avaya-ipo")
	upload, _ := drivers.Lookup("test-ipo-upload")
	for _, c := range []struct {
		drv *drivers.Driver
		sys storage.PBXSystem
	}{
		{ipo, storage.PBXSystem{Name: "a", Transport: "sftp", Address: "u@h:22/cdr"}},
		{ipo, storage.PBXSystem{Name: "a", Transport: "sftp", Address: "u@h:22/cdr", Secret: storage.Secret{PrivateKey: "not a key"}}},
		{upload, storage.PBXSystem{Tenant: "default", Name: "a", Transport: "sftp-receive", Address: ":2222"}},
		{upload, storage.PBXSystem{Tenant: "default", Name: "../a", Transport: "sftp-receive", Address: ":2222",
			Secret: storage.Secret{Password: "x"}}},
	} {
		if _, err := newSource(c.sys, c.drv, t.TempDir()); err == nil {
			t.Errorf("%s %q: want an error", c.sys.Transport, c.sys.Name)
		}
	}
}
