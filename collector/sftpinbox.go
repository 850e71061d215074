package collector

import (
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/pkg/sftp"
)

// inboxFS serves one PBX's inbox over SFTP as a chroot: "/" is the inbox,
// ".." at its top stays there (as in any chroot), files can be uploaded,
// read, listed, renamed and removed, and nothing else: no sub-folders, no
// links. os.Root keeps every access inside the inbox even if a link is
// planted there.
type inboxFS struct {
	root *os.Root
	pbx  string // for the log
}

// inboxName maps a client's path (cleaned and absolute: the request
// server resolves ".." and relative paths against "/") to a name in the
// inbox, "." for the inbox itself.
func inboxName(p string) (string, error) {
	name := strings.TrimPrefix(path.Clean("/"+p), "/")
	if name == "" {
		return ".", nil
	}
	if strings.ContainsAny(name, `/\`) || !filepath.IsLocal(name) {
		return "", fmt.Errorf("%s: only files in the inbox itself can be used: %w", p, fs.ErrPermission)
	}
	return name, nil
}

// fileName is inboxName for a file: the inbox itself is refused.
func fileName(p string) (string, error) {
	name, err := inboxName(p)
	if err == nil && name == "." {
		err = fmt.Errorf("%s is a folder: %w", p, fs.ErrInvalid)
	}
	return name, err
}

func (f *inboxFS) Fileread(r *sftp.Request) (io.ReaderAt, error) {
	name, err := fileName(r.Filepath)
	if err != nil {
		return nil, err
	}
	return f.root.Open(name)
}

func (f *inboxFS) Filewrite(r *sftp.Request) (io.WriterAt, error) {
	name, err := fileName(r.Filepath)
	if err != nil {
		return nil, err
	}
	return newUpload(f.root, name, r.Pflags(), f.pbx)
}

func (f *inboxFS) Filecmd(r *sftp.Request) error {
	name, err := fileName(r.Filepath)
	if err != nil {
		return err
	}
	switch r.Method {
	case "Setstat":
		// Accepted and ignored: the settle time counts from the arrival.
		return nil
	case "Rename": // also PosixRename: uploaders write x.filepart, then rename it x
		target, err := fileName(r.Target)
		if err != nil {
			return err
		}
		return f.root.Rename(name, target)
	case "Remove":
		return f.root.Remove(name)
	}
	return fmt.Errorf("%s is not allowed in the inbox: %w", strings.ToLower(r.Method), fs.ErrPermission)
}

func (f *inboxFS) Filelist(r *sftp.Request) (sftp.ListerAt, error) {
	name, err := inboxName(r.Filepath)
	if err != nil {
		return nil, err
	}
	switch r.Method {
	case "List":
		dir, err := f.root.Open(name)
		if err != nil {
			return nil, err
		}
		defer dir.Close()
		entries, err := dir.Readdir(-1)
		return listerAt(entries), err
	case "Stat":
		fi, err := f.root.Stat(name)
		return listerAt{fi}, err
	}
	return nil, fmt.Errorf("%s is not allowed in the inbox: %w", strings.ToLower(r.Method), fs.ErrPermission)
}

type listerAt []os.FileInfo

func (l listerAt) ListAt(to []os.FileInfo, offset int64) (int, error) {
	if offset >= int64(len(l)) {
		return 0, io.EOF
	}
	n := copy(to, l[offset:])
	if n < len(to) {
		return n, io.EOF
	}
	return n, nil
}

// An upload is a file being written by a client. It goes to a hidden
// temporary file (the folder source skips hidden files) that is renamed to
// its name when the client closes it, so the inbox never holds half a
// file under its name; an upload cut off by a lost connection is dropped.
type upload struct {
	root      *os.Root
	name, tmp string
	pbx       string
	f         *os.File

	mu     sync.Mutex
	append bool  // writes go to the end, whatever their offset
	size   int64 // the end
	failed error // why the transfer was cut off
}

func newUpload(root *os.Root, name string, flags sftp.FileOpenFlags, pbx string) (*upload, error) {
	if _, err := root.Lstat(name); flags.Excl && err == nil {
		return nil, fmt.Errorf("%s: %w", name, fs.ErrExist)
	}
	u := &upload{root: root, name: name, pbx: pbx, append: flags.Append,
		tmp: fmt.Sprintf(".%s.%x.upload", name, rand.Uint64())}
	var err error
	if u.f, err = root.OpenFile(u.tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o640); err != nil {
		return nil, err
	}
	if !flags.Trunc {
		err = u.copyExisting()
	}
	if err != nil {
		u.f.Close()
		root.Remove(u.tmp)
		return nil, err
	}
	return u, nil
}

// copyExisting starts the upload with the file it replaces, for clients
// that append or write part of a file.
func (u *upload) copyExisting() error {
	old, err := u.root.Open(u.name)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	defer old.Close()
	u.size, err = io.Copy(u.f, old)
	return err
}

func (u *upload) WriteAt(b []byte, off int64) (int, error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.append {
		off = u.size
	}
	n, err := u.f.WriteAt(b, off)
	u.size = max(u.size, off+int64(n))
	return n, err
}

// TransferError is told when the connection ended with the file open.
func (u *upload) TransferError(err error) {
	u.mu.Lock()
	u.failed = err
	u.mu.Unlock()
}

// Close puts a complete upload in place, or drops one cut off.
func (u *upload) Close() error {
	u.mu.Lock()
	defer u.mu.Unlock()
	err := u.f.Close()
	if err == nil && u.failed == nil {
		if err = u.root.Rename(u.tmp, u.name); err == nil {
			slog.Info("File received over SFTP", slog.String("pbx", u.pbx), slog.String("file", u.name), slog.Int64("bytes", u.size))
			return nil
		}
	}
	u.root.Remove(u.tmp)
	if u.failed != nil {
		slog.Warn("SFTP upload cut off; dropped", slog.String("pbx", u.pbx), slog.String("file", u.name), slog.Any("error", u.failed))
	}
	return err
}
