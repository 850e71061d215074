package collector

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"calltally.app/storage"
)

// inboxProcessed is where an sftp-receive inbox keeps the files it has
// read, until the raw-record retention deletes them.
const inboxProcessed = "processed"

// fileRules are a file source's choice of files, and what becomes of a
// file once its calls are committed.
type fileRules struct {
	glob string // names to read ("*.csv"); empty reads every file
	// processed is the folder, relative to the source's unless absolute,
	// that read files move to; empty leaves them, remembered by their
	// committed position. Only for PBXs that write each file once: a PBX
	// that goes on appending to a moved file would append to the moved
	// copy.
	processed string
}

func rulesOf(sys storage.PBXSystem) fileRules {
	return fileRules{glob: sys.Glob, processed: sys.Processed}
}

// wants reports whether a file called name is to be read.
func (r fileRules) wants(name string) bool {
	if partial(name) {
		return false
	}
	ok, _ := path.Match(r.glob, name) // checked when the PBX was configured
	return r.glob == "" || ok
}

// freeName returns name, or name with a number before its extension, such
// that exists says no: a file read twice under one name (a PBX that
// reuses names) keeps both copies.
func freeName(name string, exists func(string) bool) string {
	ext := path.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	for n := 2; exists(name); n++ {
		name = fmt.Sprintf("%s.%d%s", stem, n, ext)
	}
	return name
}

// retireLocal moves a read file of folder dir to the processed folder.
func (r fileRules) retireLocal(dir, file string) error {
	to := r.processed
	if !filepath.IsAbs(to) {
		to = filepath.Join(dir, to)
	}
	if err := os.MkdirAll(to, 0o755); err != nil {
		return fmt.Errorf("processed folder: %w", err)
	}
	dst := freeName(filepath.Join(to, filepath.Base(file)), func(p string) bool {
		_, err := os.Lstat(p)
		return err == nil
	})
	if err := os.Rename(file, dst); err != nil {
		return fmt.Errorf("move %s to the processed folder: %w", file, err)
	}
	return nil
}

// pruneInboxes deletes the read files of every sftp-receive inbox under
// dataDir last changed before before: their records are in the database.
func pruneInboxes(dataDir string, before time.Time) (int, error) {
	dirs, err := filepath.Glob(filepath.Join(dataDir, "inbox", "*", "*", inboxProcessed))
	if err != nil {
		return 0, err
	}
	n := 0
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || !d.Type().IsRegular() {
				return err
			}
			if fi, err := d.Info(); err == nil && fi.ModTime().Before(before) && os.Remove(p) == nil {
				n++
			}
			return nil
		})
		if err != nil {
			return n, fmt.Errorf("prune %s: %w", dir, err)
		}
	}
	return n, nil
}
