package storage

import (
	"archive/zip"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"modernc.org/sqlite"
)

// BeforeRestore is the suffix of the files a restore replaced: the data
// as it was, kept so it can be put back by hand.
const BeforeRestore = ".before-restore"

// stagedSuffix marks a restored file copied next to the one it replaces,
// before the swap.
const stagedSuffix = ".restoring"

// backupPath matches the files a backup may hold, so that a crafted
// archive cannot write anywhere else.
var backupPath = regexp.MustCompile(`^(master\.db|secret\.key|tenants/[a-z0-9][a-z0-9-]*\.db)$`)

// ReadManifest returns the manifest of the backup at src (a folder or a
// zip written by Backup), to show what it holds before restoring it.
func ReadManifest(src string) (Manifest, error) {
	b, err := openBackup(src)
	if err != nil {
		return Manifest{}, err
	}
	defer b.Close()
	return b.manifest()
}

// Restore replaces the data in dir with the backup at src, while stores
// of dir may stay open (reopen them after, to drop cached state). The
// backup is checked (paths, sizes, SHA-256) while it is copied next to
// the data, so a bad or cancelled restore changes nothing; then each
// database is overwritten in one transaction (see applyAll), the data it
// held kept as NAME.before-restore. Files of dir the backup does not hold
// stay.
func Restore(ctx context.Context, src, dir string, progress Progress) error {
	if progress == nil {
		progress = func(int64, int64) {}
	}
	b, err := openBackup(src)
	if err != nil {
		return err
	}
	defer b.Close()
	m, err := b.manifest()
	if err != nil {
		return err
	}
	staged, err := stage(ctx, b, m, dir, progress)
	defer removeAll(staged)
	if err != nil {
		return fmt.Errorf("restore %s: %w", src, err)
	}
	// Once staged, the restore is not cancelled halfway between databases.
	if err := applyAll(context.WithoutCancel(ctx), staged); err != nil {
		return fmt.Errorf("restore %s: %w", src, err)
	}
	return nil
}

// stage copies every file of the backup next to its place in dir and
// returns the copies.
func stage(ctx context.Context, b backupReader, m Manifest, dir string, progress Progress) ([]string, error) {
	var total, done int64
	for _, f := range m.Files {
		total += f.Size
	}
	if err := os.MkdirAll(filepath.Join(dir, "tenants"), 0o700); err != nil {
		return nil, err
	}
	var staged []string
	for _, f := range m.Files {
		if err := ctx.Err(); err != nil {
			return staged, err
		}
		target := filepath.Join(dir, filepath.FromSlash(f.Path)) + stagedSuffix
		staged = append(staged, target)
		if err := b.copyOut(f, target); err != nil {
			return staged, err
		}
		done += f.Size
		progress(done, total)
	}
	return staged, nil
}

// applyAll writes each staged file into its place. Databases are
// restored through SQLite's backup API into the live file, as one write
// transaction each: connections still open on them (the app's watchers,
// a running collector) see the restored data instead of a file renamed
// under them, whose old WAL they could otherwise delete by name once they
// close. The data as it was is kept first, as NAME.before-restore.
func applyAll(ctx context.Context, staged []string) error {
	for _, s := range staged {
		target := strings.TrimSuffix(s, stagedSuffix)
		if err := keepPrevious(ctx, target); err != nil {
			return fmt.Errorf("keep %s: %w", filepath.Base(target), err)
		}
		var err error
		if strings.HasSuffix(target, ".db") {
			err = restoreDB(ctx, s, target)
		} else {
			err = os.Rename(s, target) // the key: a plain file nothing holds open
		}
		if err != nil {
			return fmt.Errorf("restore %s: %w", filepath.Base(target), err)
		}
	}
	return nil
}

// keepPrevious copies target, if it exists, to target.before-restore: a
// database through VACUUM INTO (one consistent file, WAL included).
func keepPrevious(ctx context.Context, target string) error {
	if _, err := os.Stat(target); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	old := target + BeforeRestore
	if err := os.Remove(old); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if !strings.HasSuffix(target, ".db") {
		b, err := os.ReadFile(target)
		if err != nil {
			return err
		}
		return os.WriteFile(old, b, 0o600)
	}
	return withConn(ctx, target, func(c *sql.Conn) error {
		_, err := c.ExecContext(ctx, "VACUUM INTO ?", old)
		return err
	})
}

// restoreDB copies every page of the database staged over the one at
// target, waiting for other writers as they wait for each other.
func restoreDB(ctx context.Context, staged, target string) error {
	return withConn(ctx, target, func(c *sql.Conn) error {
		return c.Raw(func(dc any) error {
			r, ok := dc.(interface {
				NewRestore(string) (*sqlite.Backup, error)
			})
			if !ok {
				return errors.New("the SQLite driver cannot restore")
			}
			b, err := r.NewRestore(staged)
			if err != nil {
				return err
			}
			for deadline := time.Now().Add(time.Minute); ; time.Sleep(50 * time.Millisecond) {
				more, err := b.Step(-1)
				if err == nil && !more {
					break
				}
				if err != nil && (!IsBusy(err) || time.Now().After(deadline)) {
					b.Finish()
					return err
				}
			}
			return b.Finish()
		})
	})
}

// withConn runs fn on a connection of its own to the database at file.
func withConn(ctx context.Context, file string, fn func(*sql.Conn) error) error {
	db, err := sql.Open("sqlite", "file:"+file+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return err
	}
	defer db.Close()
	c, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	return fn(c)
}

func removeAll(files []string) {
	for _, f := range files {
		os.Remove(f)
	}
}

// A backupReader reads a backup folder or zip archive.
type backupReader struct {
	folder string
	zip    *zip.ReadCloser
}

func openBackup(src string) (backupReader, error) {
	fi, err := os.Stat(src)
	if err != nil {
		return backupReader{}, fmt.Errorf("backup %s: %w", src, err)
	}
	if fi.IsDir() {
		return backupReader{folder: src}, nil
	}
	z, err := zip.OpenReader(src)
	if err != nil {
		return backupReader{}, fmt.Errorf("backup %s: not a CallTally backup: %w", src, err)
	}
	return backupReader{zip: z}, nil
}

func (b backupReader) Close() error {
	if b.zip != nil {
		return b.zip.Close()
	}
	return nil
}

func (b backupReader) open(name string) (io.ReadCloser, error) {
	if b.zip != nil {
		return b.zip.Open(name)
	}
	return os.Open(filepath.Join(b.folder, filepath.FromSlash(name)))
}

// manifest reads and checks the backup's manifest.
func (b backupReader) manifest() (Manifest, error) {
	var m Manifest
	r, err := b.open(ManifestFile)
	if err != nil {
		return m, fmt.Errorf("not a CallTally backup (no %s): %w", ManifestFile, err)
	}
	defer r.Close()
	if err := json.NewDecoder(r).Decode(&m); err != nil {
		return m, fmt.Errorf("not a CallTally backup (%s): %w", ManifestFile, err)
	}
	if m.Format < 1 || m.Format > backupFormat {
		return m, fmt.Errorf("backup format %d: this version of CallTally reads format %d", m.Format, backupFormat)
	}
	hasMaster := false
	for _, f := range m.Files {
		if !backupPath.MatchString(f.Path) {
			return m, fmt.Errorf("backup lists an unexpected file %q", f.Path)
		}
		hasMaster = hasMaster || f.Path == "master.db"
	}
	if !hasMaster {
		return m, errors.New("backup holds no master.db")
	}
	return m, nil
}

// copyOut copies f to target, checking its size and hash.
func (b backupReader) copyOut(f BackupFile, target string) error {
	r, err := b.open(f.Path)
	if err != nil {
		return fmt.Errorf("backup file %s: %w", f.Path, err)
	}
	defer r.Close()
	w, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(w, h), io.LimitReader(r, f.Size+1))
	if err := errors.Join(err, w.Sync(), w.Close()); err != nil {
		return fmt.Errorf("copy %s: %w", f.Path, err)
	}
	if n != f.Size || hex.EncodeToString(h.Sum(nil)) != f.SHA256 {
		return fmt.Errorf("backup file %s is damaged (its size or checksum differs from the manifest)", f.Path)
	}
	return nil
}
