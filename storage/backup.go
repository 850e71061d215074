package storage

import (
	"archive/zip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// ManifestFile is the name of a backup's table of contents.
const ManifestFile = "manifest.json"

// backupFormat is the version of the backup layout; Restore refuses
// newer ones.
const backupFormat = 1

// A Manifest lists what a backup holds.
type Manifest struct {
	Format  int          `json:"format"`
	Created time.Time    `json:"created"`
	Files   []BackupFile `json:"files"`
}

// A BackupFile is one file of a backup: its path relative to the data
// directory (slash-separated), its size and SHA-256.
type BackupFile struct {
	Path   string `json:"path"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// Progress reports how much of a backup or restore is done, in bytes of
// total (an estimate while databases are being copied).
type Progress func(done, total int64)

// Backup writes a consistent copy of the master database, every tenant's
// database and the installation key to dest while the collector and the
// app go on writing: each database is copied with VACUUM INTO, which reads
// one snapshot. dest ending in .zip gets a zip archive; otherwise dest is
// a folder (created; it must not hold a backup already). Both hold
// ManifestFile. Cancelling ctx stops the copy and removes what was
// written.
func (s *Store) Backup(ctx context.Context, dest string, progress Progress) (err error) {
	if progress == nil {
		progress = func(int64, int64) {}
	}
	zipped := strings.EqualFold(filepath.Ext(dest), ".zip")
	folder := dest
	if zipped {
		if folder, err = os.MkdirTemp(filepath.Dir(dest), ".calltally-backup-"); err != nil {
			return fmt.Errorf("backup to %s: %w", dest, err)
		}
		defer os.RemoveAll(folder)
	} else if err := newFolder(dest); err != nil {
		return err
	}
	defer func() {
		if err != nil && !zipped {
			os.RemoveAll(dest)
		}
	}()
	m, err := s.copyAll(ctx, folder, progress)
	if err != nil {
		return fmt.Errorf("backup to %s: %w", dest, err)
	}
	if err := writeManifest(folder, m); err != nil {
		return fmt.Errorf("backup to %s: %w", dest, err)
	}
	if zipped {
		return zipFolder(ctx, folder, dest, m)
	}
	return nil
}

// newFolder creates dest, or accepts it empty.
func newFolder(dest string) error {
	if err := os.MkdirAll(dest, 0o700); err != nil {
		return fmt.Errorf("backup to %s: %w", dest, err)
	}
	entries, err := os.ReadDir(dest)
	if err != nil {
		return fmt.Errorf("backup to %s: %w", dest, err)
	}
	if len(entries) > 0 {
		return fmt.Errorf("backup to %s: %w: the folder is not empty", dest, os.ErrExist)
	}
	return nil
}

// backupSource is one database to copy.
type backupSource struct {
	rel  string // path in the backup
	exec func(ctx context.Context, query string, args ...any) error
	size int64
}

// copyAll copies every database, then the key, into folder.
func (s *Store) copyAll(ctx context.Context, folder string, progress Progress) (Manifest, error) {
	sources, err := s.backupSources(ctx)
	if err != nil {
		return Manifest{}, err
	}
	var total, done int64
	for _, src := range sources {
		total += src.size
	}
	m := Manifest{Format: backupFormat, Created: time.Now().UTC()}
	if err := os.MkdirAll(filepath.Join(folder, "tenants"), 0o700); err != nil {
		return m, err
	}
	for _, src := range sources {
		progress(done, total)
		file := filepath.Join(folder, filepath.FromSlash(src.rel))
		if err := src.exec(ctx, "VACUUM INTO ?", file); err != nil {
			return m, fmt.Errorf("copy %s: %w", src.rel, err)
		}
		f, err := describe(folder, src.rel)
		if err != nil {
			return m, err
		}
		m.Files, done = append(m.Files, f), done+src.size
	}
	if err := copyKey(s.Dir, folder, &m); err != nil {
		return m, err
	}
	progress(total, total)
	return m, nil
}

// backupSources lists the master and every tenant database with their
// sizes, opening tenants the store has not opened yet.
func (s *Store) backupSources(ctx context.Context) ([]backupSource, error) {
	slugs, err := s.Tenants(ctx)
	if err != nil {
		return nil, err
	}
	sources := []backupSource{{rel: "master.db", exec: execer(s.master.ExecContext)}}
	for _, slug := range slugs {
		t, err := s.Tenant(ctx, slug)
		if err != nil {
			return nil, err
		}
		sources = append(sources, backupSource{rel: "tenants/" + slug + ".db", exec: execer(t.db.ExecContext)})
	}
	for i := range sources {
		if fi, err := os.Stat(filepath.Join(s.Dir, filepath.FromSlash(sources[i].rel))); err == nil {
			sources[i].size = max(fi.Size(), 1)
		}
	}
	return sources, nil
}

func execer[R any](f func(ctx context.Context, query string, args ...any) (R, error)) func(context.Context, string, ...any) error {
	return func(ctx context.Context, q string, args ...any) error {
		_, err := f(ctx, q, args...)
		return err
	}
}

// copyKey copies the installation key, without which the PBX credentials
// in the copied master cannot be read.
func copyKey(dir, folder string, m *Manifest) error {
	key, err := os.ReadFile(filepath.Join(dir, SecretKeyFile))
	if errors.Is(err, os.ErrNotExist) {
		return nil // no credentials were ever stored
	}
	if err != nil {
		return fmt.Errorf("copy %s: %w", SecretKeyFile, err)
	}
	if err := os.WriteFile(filepath.Join(folder, SecretKeyFile), key, 0o600); err != nil {
		return fmt.Errorf("copy %s: %w", SecretKeyFile, err)
	}
	f, err := describe(folder, SecretKeyFile)
	m.Files = append(m.Files, f)
	return err
}

// describe returns the size and hash of a backup's file.
func describe(folder, rel string) (BackupFile, error) {
	f, err := os.Open(filepath.Join(folder, filepath.FromSlash(rel)))
	if err != nil {
		return BackupFile{}, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return BackupFile{}, fmt.Errorf("read %s: %w", rel, err)
	}
	return BackupFile{Path: rel, Size: n, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

func writeManifest(folder string, m Manifest) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(folder, ManifestFile), b, 0o600)
}

// zipFolder writes the files of m and the manifest into the archive dest,
// through a temporary file renamed at the end, so that dest is either
// complete or absent.
func zipFolder(ctx context.Context, folder, dest string, m Manifest) error {
	tmp, err := os.CreateTemp(filepath.Dir(dest), ".calltally-backup-*.zip")
	if err != nil {
		return fmt.Errorf("backup to %s: %w", dest, err)
	}
	defer os.Remove(tmp.Name())
	zw := zip.NewWriter(tmp)
	names := []string{ManifestFile}
	for _, f := range m.Files {
		names = append(names, f.Path)
	}
	for _, name := range names {
		if err := ctx.Err(); err != nil {
			tmp.Close()
			return err
		}
		if err := addToZip(zw, folder, name); err != nil {
			tmp.Close()
			return fmt.Errorf("backup to %s: %w", dest, err)
		}
	}
	if err := errors.Join(zw.Close(), tmp.Close()); err != nil {
		return fmt.Errorf("backup to %s: %w", dest, err)
	}
	if err := os.Rename(tmp.Name(), dest); err != nil {
		return fmt.Errorf("backup to %s: %w", dest, err)
	}
	return nil
}

func addToZip(zw *zip.Writer, folder, name string) error {
	f, err := os.Open(filepath.Join(folder, filepath.FromSlash(name)))
	if err != nil {
		return err
	}
	defer f.Close()
	w, err := zw.Create(name)
	if err != nil {
		return err
	}
	_, err = io.Copy(w, f)
	return err
}
