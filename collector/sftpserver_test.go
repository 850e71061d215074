package collector

import (
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"calltally.app/drivers"
	"calltally.app/storage"
	"github.com/pkg/sftp"
	"golang.org/x/crypto/ssh"
)

// test-ipo-upload is avaya-ipo declaring sftp-receive, which no IP Office
// uses, to test that transport with real records.
func init() {
	d, err := drivers.Lookup("avaya-ipo")
	if err != nil {
		panic(err)
	}
	upload := *d
	upload.ID, upload.Transports = "test-ipo-upload", []drivers.Transport{drivers.SFTPReceive}
	drivers.Register(&upload)
}

const uploadPassword = "pbx upload password"

// collectUploads runs PBX "upload" on sftp-receive at addr in a new data
// directory until the test ends, and returns the store.
func collectUploads(t *testing.T, addr string) *storage.Store {
	t.Helper()
	st, _ := collect(t, t.TempDir(), storage.PBXSystem{Name: "upload", Driver: "test-ipo-upload",
		Transport: "sftp-receive", Address: addr, TimeZone: "Europe/Berlin",
		Secret: storage.Secret{Password: uploadPassword}})
	return st
}

// dialUpload logs in to the collector's SFTP server at addr as a PBX
// would, once it listens, checking it shows the host key of st's data
// directory.
func dialUpload(t *testing.T, st *storage.Store, addr, user, password string) (*sftp.Client, error) {
	t.Helper()
	eventually(t, "the SFTP server listening", func() bool {
		conn, err := net.Dial("tcp", addr)
		if err == nil {
			conn.Close()
		}
		return err == nil
	})
	key, err := loadHostKey(st.Dir)
	if err != nil {
		t.Fatal(err)
	}
	config := &ssh.ClientConfig{User: user, Auth: []ssh.AuthMethod{ssh.Password(password)},
		HostKeyCallback: ssh.FixedHostKey(key.PublicKey())}
	conn, err := ssh.Dial("tcp", addr, config)
	if err != nil {
		return nil, err
	}
	c, err := sftp.NewClient(conn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		c.Close()
		conn.Close()
	})
	return c, nil
}

func put(t *testing.T, c *sftp.Client, name string, flags int, data []byte) {
	t.Helper()
	f, err := c.OpenFile(name, flags)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestSFTPReceiveStoresUploads uploads one file and appends to it in a
// second upload, as PBXs that keep one file per day do.
func TestSFTPReceiveStoresUploads(t *testing.T) {
	addr := freeAddr(t)
	st := collectUploads(t, addr)
	c, err := dialUpload(t, st, addr, "upload", uploadPassword)
	if err != nil {
		t.Fatal(err)
	}
	data, calls := smdr(t, 31, 2)
	half := cutLines(data, 0.5)
	put(t, c, "smdr.txt", os.O_WRONLY|os.O_CREATE|os.O_TRUNC, data[:half])
	put(t, c, "smdr.txt", os.O_WRONLY|os.O_APPEND, data[half:])
	waitCalls(t, st, calls)
	inbox := filepath.Join(st.Dir, "inbox", storage.DefaultTenant, "upload")
	for _, e := range mustReadDir(t, inbox) {
		if e.Name() != "smdr.txt" && e.Name() != inboxProcessed {
			t.Errorf("inbox holds %s; want no temporary files", e.Name())
		}
	}
	// Once settled, the read file leaves the inbox for its processed folder.
	waitMoved(t, filepath.Join(inbox, inboxProcessed, "smdr.txt"))
	fi, err := os.Stat(filepath.Join(st.Dir, hostKeyFile))
	if err != nil || (runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600) {
		t.Errorf("host key file: %v, %v; want mode 0600", fi, err)
	}
}

func TestSFTPReceiveRefusesWrongLogin(t *testing.T) {
	addr := freeAddr(t)
	st := collectUploads(t, addr)
	if _, err := dialUpload(t, st, addr, "upload", "wrong"); err == nil {
		t.Error("logged in with a wrong password")
	}
	if _, err := dialUpload(t, st, addr, "other", uploadPassword); err == nil {
		t.Error("logged in as another PBX")
	}
	waitStatus(t, st, "refused")
}

// TestSFTPReceiveKeepsClientsInTheInbox tries to write and read outside
// the inbox with "..", absolute paths, sub-folders and links.
func TestSFTPReceiveKeepsClientsInTheInbox(t *testing.T) {
	addr := freeAddr(t)
	st := collectUploads(t, addr)
	c, err := dialUpload(t, st, addr, "upload", uploadPassword)
	if err != nil {
		t.Fatal(err)
	}
	inbox := filepath.Join(st.Dir, "inbox", storage.DefaultTenant, "upload")
	for _, name := range []string{"../escape.txt", "/../../escape.txt", "../../../../escape.txt"} {
		if f, err := c.Create(name); err == nil {
			f.Write([]byte("x\n"))
			f.Close()
		}
	}
	filepath.WalkDir(st.Dir, func(p string, d fs.DirEntry, err error) error {
		if d != nil && d.Name() == "escape.txt" && filepath.Dir(p) != inbox {
			t.Errorf("a client wrote %s, outside the inbox", p)
		}
		return nil
	})
	if _, err := c.Create("../other/escape.txt"); err == nil {
		t.Error("a client wrote into a sub-folder")
	}
	if err := c.Mkdir("sub"); err == nil {
		t.Error("a client made a sub-folder")
	}
	if err := c.Symlink("/etc/passwd", "passwd"); err == nil {
		t.Error("a client made a link")
	}
	if _, err := c.Open("../../../" + hostKeyFile); err == nil {
		t.Error("a client opened the host key")
	}
	if os.Symlink(filepath.Join(st.Dir, hostKeyFile), filepath.Join(inbox, "key")) == nil {
		if f, err := c.Open("key"); err == nil {
			if _, err := io.ReadAll(f); err == nil {
				t.Error("a client read the host key through a link planted in the inbox")
			}
		}
	}
}

func TestInboxName(t *testing.T) {
	for p, want := range map[string]string{"/": ".", "/a.txt": "a.txt", "/../a.txt": "a.txt", "a.txt": "a.txt"} {
		if got, err := inboxName(p); got != want || err != nil {
			t.Errorf("inboxName(%q) = %q, %v; want %q", p, got, err, want)
		}
	}
	for _, p := range []string{"/sub/a.txt", `/sub\a.txt`, "/etc/passwd"} {
		if got, err := inboxName(p); err == nil {
			t.Errorf("inboxName(%q) = %q; want an error", p, got)
		}
	}
}

func mustReadDir(t *testing.T, dir string) []os.DirEntry {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return entries
}
